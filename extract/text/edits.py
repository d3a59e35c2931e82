"""Offset-preserving edits: every repair is a list of edits, so evidence can always be traced back."""
from __future__ import annotations

import operator
import sys
from functools import partial
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from contextlib import nullcontext
from itertools import chain, compress, islice
from typing import NamedTuple

_SHARED_MAX = 1 << 20  # longest identity run kept for slicing (4 MB); longer texts build their own
_identity = array("i")
_ANY_BIT = bytes([0]) + bytes([1]) * 255  # a byte → 1 when any bit is set (for bytes.translate)
_LANE_ONE = (1).to_bytes(4, sys.byteorder)  # 1 as one entry of an "i" array
_BLOCK = 1 << 16  # map entries compared at once


class Edit(NamedTuple):
    """Replace text[start:end] with `replacement`; `kind` names the repair for the counters."""

    start: int
    end: int
    replacement: str
    kind: str


# new_edit((start, end, replacement, kind)) builds the Edit in C: a NamedTuple's own __new__ is a Python function,
# a cost that shows where a text has thousands of edits (a mirror page's pinyin, a page's indentation).
new_edit = partial(tuple.__new__, Edit)


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


class OffsetRuns(Sequence[int]):
    """An offset map held as runs over which map[i] - i is constant: a long text's map in a few MB.

    A repaired text's map moves in steps, one per edit, so it has far fewer runs than entries; as an
    array it costs four bytes a character (28 MB for a 20 MB notice)."""

    __slots__ = ("_starts", "_shifts", "_length")

    def __init__(self, offsets: array) -> None:
        starts = _run_starts(offsets)
        self._starts, self._length = starts, len(offsets)
        self._shifts = array("i", map(operator.sub, map(offsets.__getitem__, starts), starts))

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("offset map index out of range")
        return index + self._shifts[bisect_right(self._starts, index) - 1]

    def __iter__(self):
        bounds = chain(islice(self._starts, 1, None), (self._length,))
        for start, stop, shift in zip(self._starts, bounds, self._shifts):
            yield from range(start + shift, stop + shift)

    def runs(self) -> int:
        """How many runs the map is stored as."""
        return len(self._starts)


def _run_starts(offsets: array) -> array:
    """0 and every index i where offsets[i] != offsets[i - 1] + 1, found in C a block at a time."""
    length = len(offsets)
    starts = array("i", (0,) if length else ())
    with memoryview(offsets) as view:
        for low in range(1, length, _BLOCK):
            high = min(low + _BLOCK, length)
            starts.extend(compress(range(low, high), _breaks(view[low - 1 : high - 1], view[low:high])))
    return starts


def _breaks(previous: memoryview, following: memoryview) -> bytes:
    """A byte per entry, 1 where following[k] != previous[k] + 1.

    Each view is read as one integer of 32-bit lanes; adding 1 to every lane (none carries: offsets
    are below 2**31) and XORing leaves a nonzero lane exactly where the map does not step by one."""
    size = len(previous)
    stepped = int.from_bytes(previous, sys.byteorder) + int.from_bytes(_LANE_ONE * size, sys.byteorder)
    return differing_lanes(stepped, int.from_bytes(following, sys.byteorder), size, sys.byteorder)


def differing_lanes(x: int, y: int, lanes: int, byteorder: str) -> bytes:
    """A byte per 32-bit lane of two integers `lanes` lanes long, 1 where the lanes differ: XOR, then
    any nonzero byte marks its lane, all in C. `byteorder` is the one the integers were read in."""
    differs = (x ^ y).to_bytes(4 * lanes, byteorder).translate(_ANY_BIT)
    changed = 0
    for byte in range(4):
        changed |= int.from_bytes(differs[byte::4], "little")
    return changed.to_bytes(lanes, "little")
