"""One OpenCC t2s converter per process, shared by normalisation, repairs and search queries."""
from __future__ import annotations

from functools import lru_cache

import opencc

from ..data import load_yaml


class _Settled:
    """OpenCC t2s, then the few characters its own output would convert again (薴 → 苧 → 苎), so
    converting converted text changes nothing, and the Hong Kong variant forms t2s leaves (衞 → 卫)."""

    def __init__(self) -> None:
        self._opencc = opencc.OpenCC("t2s")
        data = load_yaml("opencc_chains.yaml")
        settled = {**data["chains"], **data["variants"]}
        self._keys, self._table = tuple(settled), str.maketrans(settled)

    def convert(self, text: str) -> str:
        out = self._opencc.convert(text)
        return out.translate(self._table) if any(key in out for key in self._keys) else out


@lru_cache(maxsize=1)
def t2s() -> _Settled:
    """Traditional → simplified; t2s only, since tw2sp rewrites organisation names."""
    return _Settled()


_BLOCK = 1 << 16  # characters per OpenCC call on a long text


def to_simplified(text: str) -> str:
    """t2s over the whole text, a block of lines at a time: OpenCC holds a segment per character.

    No dictionary phrase holds a newline, so cutting after one converts exactly as one call would.
    """
    convert, parts, start = t2s().convert, [], 0
    while start < len(text):
        cut = len(text)
        if start + _BLOCK < len(text):  # after the block's last newline, else after its line's end
            cut = text.rfind("\n", start, start + _BLOCK) + 1 or text.find("\n", start + _BLOCK) + 1 or cut
        parts.append(convert(text[start:cut]))
        start = cut
    return "".join(parts)
