"""What every findings rule reads: the normalised text, its sections and tables, and evidence spans."""
from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

import regex

from ..structure.sections import Section
from ..structure.tables import Table
from ..text.normalise import Normalised

def _containing(sections: list[Section], offset: int) -> Section | None:
    """The section of a sorted, non-overlapping list that contains `offset`."""
    index = bisect.bisect_right(sections, offset, key=lambda s: s.start) - 1
    if index >= 0 and offset < sections[index].end:
        return sections[index]
    return None


_SENTENCE_END = regex.compile(r"[。!?;\n]")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (split on 。!?; and newlines) with its offsets and the section it sits in."""

    start: int
    end: int
    text: str
    section: Section | None
    top: Section | None


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

    @property
    def text(self) -> str:
        return self.norm.text

    def evidence(self, start: int, end: int) -> dict:
        """An evidence span: text[start:end] plus its place in the text as read."""
        source_start, source_end = self.norm.source_span(start, end)
        return {"start": start, "end": end, "text": self.text[start:end],
                "source_start": source_start, "source_end": source_end}

    def section_at(self, offset: int) -> tuple[Section | None, Section | None]:
        """(deepest section, top-level section) containing an offset; a bisection per level."""
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
        """Body sentences outside tables, in order."""
        out: list[Sentence] = []
        text = self.text
        end_of_body = len(text) if self.body_end is None else self.body_end
        start = self.body_start
        for match in _SENTENCE_END.finditer(text, self.body_start, end_of_body):
            self._add(out, start, match.end())
            start = match.end()
        if start < end_of_body:
            self._add(out, start, end_of_body)
        return out

    def _add(self, out: list[Sentence], start: int, end: int) -> None:
        raw = self.text[start:end]
        stripped = raw.strip()
        if not stripped or self.in_table(start):
            return
        lead = len(raw) - len(raw.lstrip())
        s, e = start + lead, start + lead + len(stripped)
        section, top = self.section_at(s)
        out.append(Sentence(s, e, stripped, section, top))

    def section_path(self, section: Section | None) -> str | None:
        """A readable label for a section: its number and title."""
        if section is None:
            return None
        number = section.number or ""
        return f"{number} {section.title}".strip() or None
