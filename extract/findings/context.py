"""What every findings rule reads: the normalised text, its sections and tables, and evidence spans."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

import regex

from ..structure.sections import Section
from ..structure.tables import Table
from ..text.normalise import Normalised

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
        """(deepest section, top-level section) containing an offset."""
        top = next((s for s in self.sections if s.start <= offset < s.end), None)
        node = top
        while node is not None:
            child = next((c for c in node.children if c.start <= offset < c.end), None)
            if child is None:
                break
            node = child
        return node, top

    def in_table(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.table_spans)

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
