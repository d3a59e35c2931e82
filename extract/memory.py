"""Give the heap pages freed while repairing a long text back to the operating system.

Each time glibc frees a large mapped block it raises its mmap threshold to that block's size, so the
repair steps' later copies of a long text are carved from the heap instead, and their freed pages stay
resident through the findings stage. malloc_trim(0) returns them (Dask's workers trim for the same
reason). Where the C library has no malloc_trim (musl, macOS, Windows) nothing is done."""
from __future__ import annotations

import ctypes
import sys
from functools import lru_cache

__all__ = ["LONG_TEXT", "release_free_memory"]

# Characters from which a text counts as long and takes the paths that save memory: its offset map
# kept as runs, the freed heap given back before findings, its JSON line built a field at a time.
LONG_TEXT = 1 << 20


@lru_cache(maxsize=1)
def _malloc_trim():
    """glibc's malloc_trim, or None where the process's C library has none."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None


def release_free_memory() -> bool:
    """Return free heap pages to the system; False where that cannot be done."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
