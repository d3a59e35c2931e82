"""pdfplumber where PDFium needs help: the table finder on pages with ruling lines, and every page of a file
PDFium cannot open."""
from __future__ import annotations

import io
import logging
from functools import lru_cache
from itertools import islice

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
    glyphs: list[Glyph] = [(c["text"], c["x0"], c["x1"], c["top"], c["bottom"], c["size"])
                           for c in chars if not c["text"].startswith("(cid:")]
    objects = page.objects
    ruled = objects.get("rect") or objects.get("line") or objects.get("curve")
    return PageGlyphs(float(page.height), glyphs, len(chars) - len(glyphs), grids(page) if ruled else [])


def grids(page) -> list[Grid]:
    """The ruled tables of a page read by pdfminer."""
    return [_grid(table) for table in page.find_tables()]


def grids_from_edges(edges: list[dict]) -> list[Grid]:
    """The ruled tables that edges found elsewhere (PDFium's paths) make, by pdfplumber's table finder."""
    if not any(e["orientation"] == "h" for e in edges) or not any(e["orientation"] == "v" for e in edges):
        return []  # no grid without lines both across and down
    return [_grid(table) for table in _table_finder()(edges).tables]


class _Edges:
    """All a page must have for the table finder's line strategies."""

    def __init__(self, edges: list[dict]) -> None:
        self.edges = edges


@lru_cache(maxsize=1)
def _table_finder():
    """pdfplumber's TableFinder over bare edges, its cell search (`cells`) made to compare each edge once."""
    from pdfplumber.table import Table, TableFinder, TableSettings, cells_to_tables, edges_to_intersections

    class EdgeTableFinder(TableFinder):
        def __init__(self, edges: list[dict]) -> None:  # TableFinder.__init__, with `cells` for its cell search
            self.page, self.settings = _Edges(edges), TableSettings.resolve(None)
            self.edges = self.get_edges()
            self.intersections = edges_to_intersections(
                self.edges, self.settings.intersection_x_tolerance, self.settings.intersection_y_tolerance)
            self.cells = cells(self.intersections)
            self.tables = [Table(self.page, group) for group in cells_to_tables(self.cells)]

    return EdgeTableFinder


def cells(intersections: dict) -> list[Box]:
    """pdfplumber's intersections_to_cells, which builds the sets of edges at two points anew for every pair
    it compares (most of a ruled page's time): here each point's sets are built once."""
    from pdfplumber.utils import obj_to_bbox

    down = {point: set(map(obj_to_bbox, met["v"])) for point, met in intersections.items()}
    across = {point: set(map(obj_to_bbox, met["h"])) for point, met in intersections.items()}

    def connects(p1, p2) -> bool:
        return (p1[0] == p2[0] and not down[p1].isdisjoint(down[p2])
                or p1[1] == p2[1] and not across[p1].isdisjoint(across[p2]))

    # sorted by x then top, the points below one follow it; those to its right share its row, further on
    points = sorted(intersections)
    columns: dict[float, list] = {}
    rows: dict[float, list] = {}
    for point in points:
        columns.setdefault(point[0], []).append(point)
        rows.setdefault(point[1], []).append(point)
    found = []
    for column in columns.values():
        for k, point in enumerate(column):
            row = rows[point[1]]
            right = row[row.index(point) + 1:]
            found.extend(islice(_smallest_cell(point, column[k + 1:], right, intersections, connects), 1))
    return found


def _smallest_cell(point, below, right, intersections, connects):
    """The cells with `point` as their top left corner, smallest first, as intersections_to_cells tries them."""
    for below_point in below:
        if connects(point, below_point):
            for right_point in right:
                if connects(point, right_point):
                    corner = (right_point[0], below_point[1])
                    if corner in intersections and connects(corner, right_point) and connects(corner, below_point):
                        yield point[0], point[1], corner[0], corner[1]


def _grid(table) -> Grid:
    return Grid(table.bbox, [list(row.cells) for row in table.rows])
