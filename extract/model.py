"""The text model every reader returns, so later stages never care which format a notice came in."""
from __future__ import annotations

from dataclasses import dataclass, field

CELL_SEPARATOR = " | "


@dataclass(slots=True)
class Block:
    """A paragraph (`text`) or a table (`rows` of cell strings, merged cells given once)."""

    kind: str  # "paragraph" | "table"
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)

    def render(self) -> str:
        """Tables become one line per row, cells separated by ' | ' and closed by ' |'.

        That is the same shape scrapers leave behind, so one table parser serves every format.
        """
        if self.kind != "table":
            return self.text
        lines = []
        for row in self.rows:
            cells = [" ".join(c.replace("|", "｜").split()) for c in row]
            lines.append(CELL_SEPARATOR.join(cells) + " |")
        return "\n".join(lines)


@dataclass(slots=True)
class ReadResult:
    """What a reader found in one file: blocks in document order plus how it decoded them."""

    blocks: list[Block]
    format: str  # txt | html | docx | pdf
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)
    repairs: dict[str, int] = field(default_factory=dict)  # what the reader dropped, by kind

    def text(self) -> str:
        """The text as read: source offsets in the output point into this string."""
        return "\n".join(b.render() for b in self.blocks)
