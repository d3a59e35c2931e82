"""What one PDF page gives the layout, whichever library read it: its height, its glyphs and its ruled tables."""
from __future__ import annotations

from dataclasses import dataclass, field

# x0, top, x1, bottom in points from the top left corner of the page as it is displayed
Box = tuple[float, float, float, float]


# One printed character: its text, its advance box (top is the bottom less the font size) and its font size. A plain
# tuple, read through the indices below: a page holds thousands, and a tuple costs a quarter of an object to make.
Glyph = tuple[str, float, float, float, float, float]
TEXT, X0, X1, TOP, BOTTOM, SIZE = range(6)


@dataclass(slots=True)
class Grid:
    """A ruled table: its box and its rows of cell boxes, None where a merged cell covers a grid cell."""

    bbox: Box
    rows: list[list[Box | None]]


@dataclass(slots=True)
class PageGlyphs:
    """Upright glyphs with a Unicode mapping, how many had none, and the tables found on the page."""

    height: float
    glyphs: list[Glyph]
    unmapped: int = 0
    grids: list[Grid] = field(default_factory=list)
