"""One OpenCC t2s converter per process, shared by normalisation, repairs and search queries."""
from __future__ import annotations

from functools import lru_cache

import opencc


@lru_cache(maxsize=1)
def t2s() -> opencc.OpenCC:
    """Traditional → simplified; t2s only, since tw2sp rewrites organisation names."""
    return opencc.OpenCC("t2s")
