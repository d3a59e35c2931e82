"""Offset-preserving edits: every repair is a list of edits, so evidence can always be traced back."""
from __future__ import annotations

from array import array
from contextlib import nullcontext
from typing import NamedTuple, Sequence

_SHARED_MAX = 1 << 20  # longest identity run kept for slicing (4 MB); longer texts build their own
_identity = array("i")


class Edit(NamedTuple):
    """Replace text[start:end] with `replacement`; `kind` names the repair for the counters."""

    start: int
    end: int
    replacement: str
    kind: str


def _counting(length: int) -> array:
    """0, 1, 2, … of at least `length` entries, shared: slicing it copies memory instead of counting."""
    global _identity
    if len(_identity) >= length:
        return _identity
    run = array("i", range(max(length, 2 * len(_identity), 4096)))
    if len(run) <= _SHARED_MAX:
        _identity = run
    return run


def identity_map(length: int) -> array:
    """The offset map of an unchanged text: one entry per character plus the end position."""
    return _counting(length + 1)[: length + 1]


def apply_edits(text: str, edits: Sequence[Edit], base: array | None = None) -> tuple[str, array]:
    """Apply sorted, non-overlapping edits; return the new text and its map into `text`.

    The map has len(new)+1 entries, each the index in `text` the new character came from, and is
    monotonic: a replacement's characters point into the span they replaced, an insertion points
    at the character after it. With `base`, the map of `text` itself, the result maps through it.
    The map is allocated once at its final size and filled by copies, so a long text needs one map
    more, not a growing one and a copy of it.
    """
    size, cursor = len(text), 0
    for start, end, replacement, _ in edits:
        if start < cursor or end < start or end > len(text):
            raise ValueError(f"edits overlap or run out of range at {start}:{end}")
        size += len(replacement) - (end - start)
        cursor = end
    if base is None and len(text) < _SHARED_MAX:
        base = _counting(len(text) + 1)
    pieces: list[str] = []
    offsets = array("i", (0,)) * (size + 1)
    with memoryview(offsets) as out, (memoryview(base) if base is not None else nullcontext()) as source:
        at = cursor = 0
        for start, end, replacement, _ in edits:
            pieces += (text[cursor:start], replacement)
            # Replacement character k comes from start + min(k, span - 1), or from start when span is 0:
            # the map is copied up to start + len(replacement), or up to end for a longer replacement,
            # whose extra characters all come from where the last copied one (or the insertion) did.
            extra = len(replacement) - (end - start)
            at = _copy_map(out, at, source, cursor, end if extra > 0 else start + len(replacement))
            if extra > 0:
                origin = max(end - 1, start) if source is None else source[max(end - 1, start)]
                out[at : at + extra] = array("i", (origin,)) * extra
                at += extra
            cursor = end
        pieces.append(text[cursor:])
        _copy_map(out, at, source, cursor, len(text) + 1)
    return "".join(pieces), offsets


def _copy_map(out: memoryview, at: int, source: memoryview | None, start: int, stop: int) -> int:
    """out[at:] = the map of characters start..stop (counted when there is no map); returns the new `at`."""
    out[at : at + stop - start] = array("i", range(start, stop)) if source is None else source[start:stop]
    return at + stop - start
