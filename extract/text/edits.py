"""Offset-preserving edits: every repair is a list of edits, so evidence can always be traced back."""
from __future__ import annotations

from array import array
from typing import NamedTuple, Sequence


class Edit(NamedTuple):
    """Replace text[start:end] with `replacement`; `kind` names the repair for the counters."""

    start: int
    end: int
    replacement: str
    kind: str


def identity_map(length: int) -> array:
    """The offset map of an unchanged text: one entry per character plus the end position."""
    return array("i", range(length + 1))


def apply_edits(text: str, edits: Sequence[Edit]) -> tuple[str, array]:
    """Apply sorted, non-overlapping edits; return the new text and its map into `text`.

    The map has len(new)+1 entries, each the index in `text` the new character came from, and is
    monotonic: a replacement's characters point into the span they replaced, an insertion points
    at the character after it.
    """
    pieces: list[str] = []
    offsets = array("i")
    cursor = 0
    for edit in edits:
        if edit.start < cursor or edit.end < edit.start or edit.end > len(text):
            raise ValueError(f"edits overlap or run out of range at {edit.start}:{edit.end}")
        pieces.append(text[cursor:edit.start])
        offsets.extend(range(cursor, edit.start))
        span = edit.end - edit.start
        pieces.append(edit.replacement)
        last = max(span - 1, 0)
        offsets.extend(edit.start + min(k, last) for k in range(len(edit.replacement)))
        cursor = edit.end
    pieces.append(text[cursor:])
    offsets.extend(range(cursor, len(text) + 1))
    return "".join(pieces), offsets


def compose(outer: array, inner: array) -> array:
    """Map through `outer` (new → middle) then `inner` (middle → source)."""
    return array("i", map(inner.__getitem__, outer))
