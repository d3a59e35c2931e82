"""What every findings rule reads: the normalised text, its sections and tables, and evidence spans."""
from __future__ import annotations

import bisect
import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from functools import cached_property

from ..structure.sections import Section
from ..structure.tables import Table
from ..text.normalise import Normalised

def _containing(sections: list[Section], offset: int) -> Section | None:
    """The section of a sorted, non-overlapping list that contains `offset`."""
    index = bisect.bisect_right(sections, offset, key=lambda s: s.start) - 1
    if index >= 0 and offset < sections[index].end:
        return sections[index]
    return None


# A sentence's raw text: up to and including its end mark, or the rest of the body (re splits twice
# as fast as regex here).
_CHUNK = re.compile(r"[^。!?;\n]*[。!?;\n]|[^。!?;\n]+")


def _well_formed(sections: list[Section], start: int, end: int) -> bool:
    """Each list sorted and non-overlapping, each section inside its parent: one bisect then finds it."""
    for section in sections:
        if not start <= section.start <= section.end <= end:
            return False
        if not _well_formed(section.children, section.start, section.end):
            return False
        start = section.end
    return True


def _paint(sections: list[Section], outer, out: list) -> None:
    """Append (offset, (deepest, top)) from each section's start, and back to `outer` at its end."""
    for section in sections:
        here = (section, outer[1] or section)
        out.append((section.start, here))
        _paint(section.children, here, out)
        out.append((section.end, outer))


_ITEM_LINE = 40  # longest line read as one item of a list under a label
_PROSE_MARK = re.compile(r"[,、;。]")
_HEAD_CELL = re.compile(r"序号|\S{0,6}(?:名称|主体|单位|部门|问题|平台|得分|排名|情况)")


class Sentence:
    """A sentence (split on 。!?; and newlines) with its offsets and the section it sits in.

    It slices its text from the whole on demand: a copy per sentence cost a long notice 30 MB. A slotted class, not
    a named tuple: every rule reads its fields, and the interpreter reads a slot in a few instructions where a named
    tuple's field goes through a descriptor call (some 160,000 reads a pass over the corpus)."""

    __slots__ = ("start", "end", "whole_text", "section", "top")

    def __init__(self, start: int, end: int, whole_text: str, section: Section | None, top: Section | None) -> None:
        self.start, self.end, self.whole_text, self.section, self.top = start, end, whole_text, section, top

    @property
    def text(self) -> str:
        return self.whole_text[self.start : self.end]

    @property
    def whole_line(self) -> bool:
        """Whether the sentence is a line of its own, as an item of a list laid out one per line is."""
        text, start, end = self.whole_text, self.start, self.end
        return (start == 0 or text[start - 1] == "\n") and text[end:end + 1] in ("", "\n")

    def __repr__(self) -> str:
        return f"Sentence({self.start}, {self.end}, {self.text!r})"


@dataclass
class Context:
    """The parsed notice as the findings rules see it."""

    norm: Normalised
    sections: list[Section]
    tables: list[Table]
    date: dt.date | None
    body_start: int = 0
    body_end: int | None = None
    table_spans: list[tuple[int, int]] = field(default_factory=list)
    genre: str | None = None  # structure/genre.py: an annual report assesses no other unit
    issuer: str | None = None  # the notice's own body, and the bodies it belongs to, are not assessed
    recipients: list[str] = field(default_factory=list)  # 主送: named ones are assessed when told 你单位…
    signature: tuple[int, int] | None = None  # signature lines inside the body, before an enclosed document

    @cached_property
    def text(self) -> str:
        """The normalised text: read by every rule thousands of times a notice, so kept on the instance
        (a plain attribute read) rather than fetched from norm by a property call each time."""
        return self.norm.text

    def evidence(self, start: int, end: int) -> dict:
        """An evidence span: text[start:end] plus its place in the text as read."""
        source_start, source_end = self.norm.source_span(start, end)
        return {"start": start, "end": end, "text": self.text[start:end],
                "source_start": source_start, "source_end": source_end}

    @cached_property
    def _section_map(self) -> tuple[list[int], list] | None:
        """Breakpoints of section_at over the text, when the tree is well formed (it nearly always is)."""
        if not _well_formed(self.sections, 0, max((s.end for s in self.sections), default=0)):
            return None
        out: list = []
        _paint(self.sections, (None, None), out)
        return [offset for offset, _ in out], [pair for _, pair in out]

    def section_at(self, offset: int) -> tuple[Section | None, Section | None]:
        """(deepest section, top-level section) containing an offset."""
        if self._section_map is not None:
            offsets, pairs = self._section_map
            index = bisect.bisect_right(offsets, offset) - 1
            return pairs[index] if index >= 0 else (None, None)
        top = _containing(self.sections, offset)
        node = top
        while node is not None:
            child = _containing(node.children, offset)
            if child is None:
                break
            node = child
        return node, top

    @cached_property
    def _table_starts(self) -> list[int]:
        return [start for start, _ in self.table_spans]

    def in_table(self, offset: int) -> bool:
        index = bisect.bisect_right(self._table_starts, offset) - 1
        return index >= 0 and offset < self.table_spans[index][1]

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Body sentences (split on 。!?; and newlines, then stripped) outside tables, in order."""
        out: list[Sentence] = []
        text = self.text
        end_of_body = len(text) if self.body_end is None else self.body_end
        start = self.body_start
        signature, tables = self.signature, bool(self.table_spans)
        # The sentences come in order, so section_at's map is walked forward once (index: the last breakpoint at or
        # before the sentence, as section_at's bisection finds it) rather than bisected for each.
        walk = self._section_map is not None
        offsets, pairs = self._section_map if walk else ((), ())
        index, last = -1, len(offsets) - 1
        for raw in _CHUNK.findall(text, self.body_start, end_of_body):
            stripped = raw.lstrip()
            signed = signature is not None and signature[0] <= start < signature[1]
            if stripped and not signed and not (tables and self.in_table(start)):
                s = start + len(raw) - len(stripped)
                if not walk:
                    section, top = self.section_at(s)
                else:
                    while index < last and offsets[index + 1] <= s:
                        index += 1
                    section, top = pairs[index] if index >= 0 else (None, None)
                out.append(Sentence(s, s + len(stripped.rstrip()), text, section, top))
            start += len(raw)
        return out

    @cached_property
    def label_items(self) -> frozenset[int]:
        """Starts of the lines laid out one item each under a line ending in a colon (…名单: ⏎ @甲 ⏎ @乙): body
        lines, however short and bare, not a header's."""
        out, under, first = set(), False, True  # under a label's line; before the first item under it
        for sentence in self.sentences:
            words = sentence.text
            if under and first and _HEAD_CELL.fullmatch(words):
                under = False  # 开办主体 ⏎ 账号名称 ⏎ …: a table that lost its bars, its head first
            if under and len(words) < _ITEM_LINE and not _PROSE_MARK.search(words):
                out.add(sentence.start)
                first = False
                continue
            under, first = words.endswith(":"), True
        return frozenset(out)

    def section_path(self, section: Section | None) -> str | None:
        """A readable label for a section: its number and title."""
        if section is None:
            return None
        number = section.number or ""
        return sys.intern(f"{number} {section.title}".strip()) or None
