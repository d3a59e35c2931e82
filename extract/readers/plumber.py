"""pdfplumber where PDFium needs help: the table finder on pages with ruling lines, and every page of a file
PDFium cannot open."""
from __future__ import annotations

import io
import logging

from ..errors import CorruptFile, EncryptedPdf
from .pdfpage import Box, Glyph, Grid, PageGlyphs

# pdfminer logs each font it cannot measure ("Could not get FontBBox"); with no handler of its own
# that reached the user's stderr through logging's last resort. Applications that configure logging
# still receive these records.
logging.getLogger("pdfminer").addHandler(logging.NullHandler())


def open_pdf(path: str, data: bytes):
    """pdfplumber's document and its pages, or the typed error that says why not."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pages = pdf.pages
    except Exception as exc:
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise EncryptedPdf(path, "the PDF is password-protected") from None
        raise CorruptFile(path, f"broken PDF ({type(cause).__name__}: {cause})") from None
    return pdf, pages


def page_glyphs(page) -> PageGlyphs:
    """A page read by pdfminer alone, in pdfplumber's coordinates."""
    chars = [c for c in page.chars if c["upright"] and c["text"].strip()]
    glyphs = [Glyph(c["text"], c["x0"], c["x1"], c["top"], c["bottom"], c["size"])
              for c in chars if not c["text"].startswith("(cid:")]
    objects = page.objects
    ruled = objects.get("rect") or objects.get("line") or objects.get("curve")
    return PageGlyphs(float(page.height), glyphs, len(chars) - len(glyphs), grids(page) if ruled else [])


def grids(page) -> list[Grid]:
    """The ruled tables of a page read by pdfminer."""
    return [_grid(table) for table in page.find_tables()]


def grids_from_edges(edges: list[dict]) -> list[Grid]:
    """The ruled tables that edges found elsewhere (PDFium's paths) make, by pdfplumber's table finder."""
    from pdfplumber.table import TableFinder

    if not any(e["orientation"] == "h" for e in edges) or not any(e["orientation"] == "v" for e in edges):
        return []  # no grid without lines both across and down
    return [_grid(table) for table in TableFinder(_Edges(edges)).tables]


class _Edges:
    """All a page must have for the table finder's line strategies."""

    def __init__(self, edges: list[dict]) -> None:
        self.edges = edges


def _grid(table) -> Grid:
    return Grid(table.bbox, [list(row.cells) for row in table.rows])
