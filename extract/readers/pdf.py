"""PDF notices: rebuild lines from glyph positions, drop running heads and page numbers, rejoin paragraphs.

The glyphs come from PDFium; pdfplumber finds the ruled tables on the pages that have ruling lines, and reads
the whole file when PDFium cannot open it.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from itertools import compress, count, repeat
from operator import itemgetter, lt, mul, sub

from ..errors import CorruptFile, EncryptedPdf, NoTextLayer, TooLarge
from ..limits import current_limits
from ..model import Block, ReadResult
from . import pdfium, plumber
from ._cjk import IDEOGRAPH, drop_spaces_between_cjk, is_cjk, join_lines
from .pdfpage import BOTTOM, SIZE, TEXT, TOP, X0, X1, Box, Glyph, Grid, PageGlyphs

HEAD_ZONE = 0.15  # running heads and page numbers live in the top/bottom 15% of a page
SHORT_LINE = 40  # characters: a running head or foot is short; a repeated longer line is content
WIDE_GAP = 3.0  # in font sizes: a gap this wide separates two fields even between CJK characters
PAGE_NUMBER = re.compile(
    r"^[-—–－―~～·\s]*(第\s*)?\d{1,4}\s*(页)?(\s*[/／]\s*\d+|\s*[,，]?\s*共\s*\d+\s*页)?[-—–－―~～·\s]*$"
    r"|^(page\s*)?\d{1,4}(\s*(of|/)\s*\d+)?$",
    re.I,
)
HEADING = re.compile(
    r"^([一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百\d]+[）)]|\d+[.．、](?!\d)"
    r"|第[一二三四五六七八九十百\d]+[章节条部分款]|[①-⑳]|附件)"
)
SENTENCE_END = set("。：；！？:;!?")
OPENERS = "（(《“‘「『【〔["  # a line may break before these
CLOSERS = "”’）)」』】》〕\"'"
by_x0, by_bottom, by_size = itemgetter(X0), itemgetter(BOTTOM), itemgetter(SIZE)


@dataclass(slots=True)
class Line:
    """One printed line with the geometry the paragraph rules need."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    first_width: float  # width of the first character or Latin word: what did not fit on the line before


def _dedupe(glyphs: list[Glyph], size: float) -> list[Glyph]:
    """Fake bold draws a glyph twice a hair apart; keep the first of each such pair (glyphs sorted by x0)."""
    kept: list[Glyph] = glyphs[:1]
    tol = 0.15 * size
    for g in glyphs[1:]:
        text, x0, _, top, _, _ = g
        if x0 - kept[-1][X0] <= tol and any(
                k[TEXT] == text and abs(k[X0] - x0) <= tol and abs(k[TOP] - top) <= tol for k in kept[-2:]):
            continue
        kept.append(g)
    return kept


def _line(glyphs: list[Glyph]) -> Line:
    """One baseline's glyphs as text: no spaces inside CJK runs, one where Latin words stand apart."""
    glyphs.sort(key=by_x0)
    texts, x0s, x1s, tops, bottoms, sizes = zip(*glyphs)
    size = sorted(sizes)[len(glyphs) // 2]
    if len(glyphs) > 1 and min(map(sub, x0s[1:], x0s)) <= 0.15 * size:  # two glyphs close enough to be one
        glyphs = _dedupe(glyphs, size)
        texts, x0s, x1s, tops, bottoms, _ = zip(*glyphs)
    latin_gap, wide_gap = max(1.0, 0.15 * size), WIDE_GAP * size
    pieces, first_width = list(texts), None
    # only where the gap before a glyph passes the smaller threshold may a space go
    for i in compress(count(1), map(min(latin_gap, wide_gap).__lt__, map(sub, x0s[1:], x1s))):
        if x0s[i] - x1s[i - 1] > wide_gap or (not is_cjk(texts[i - 1][-1]) and not is_cjk(texts[i][0])):
            pieces[i] = " " + texts[i]
            first_width = first_width if first_width is not None else x1s[i - 1] - x0s[0]
    if is_cjk(texts[0][0]):
        first_width = _unbreakable_width(glyphs, size)
    elif first_width is None:
        first_width = x1s[-1] - x0s[0]
    return Line("".join(pieces), x0s[0], max(x1s), min(tops), max(bottoms), size, first_width)


def _unbreakable_width(glyphs: list[Glyph], size: float) -> float:
    """Width of what opens a line that starts with a CJK character: that character with the punctuation,
    digits and Latin glued after it, which a line break cannot split. When `间:2019-02-07` does not fit,
    the layout moves all of it down, leaving more than one character's room after `发布时`."""
    last = glyphs[0]
    for g in glyphs[1:]:
        if IDEOGRAPH.match(g[TEXT]) or g[TEXT][0] in OPENERS or g[X0] - last[X1] > 0.15 * size:
            break
        last = g
    return last[X1] - glyphs[0][X0]


def _lines(glyphs: list[Glyph]) -> list[Line]:
    """Group glyphs that share a baseline, top to bottom: a new line starts where the bottom drops by more
    than 0.3 of the glyph's size below the glyph before."""
    if not glyphs:
        return []
    ordered = sorted(glyphs, key=by_bottom)
    bottoms, sizes = list(map(by_bottom, ordered)), list(map(by_size, ordered))
    starts = list(compress(count(1), map(lt, map(mul, sizes[1:], repeat(0.3)), map(sub, bottoms[1:], bottoms))))
    return [_line(ordered[a:b]) for a, b in zip([0] + starts, starts + [len(ordered)])]


def _tables(grids: list[Grid], glyphs: list[Glyph]) -> tuple[list[tuple[float, Block]], list[Glyph]]:
    """Ruled tables as blocks (placed by their top) and the glyphs left outside them: a glyph belongs to the
    cell that holds its centre."""
    found, placed = [], set()
    centres = [((x0 + x1) / 2, (top + bottom) / 2) for _, x0, x1, top, bottom, _ in glyphs] if grids else []
    for grid in grids:
        left, top, right, bottom = grid.bbox
        inside = [i for i, (x, y) in enumerate(centres) if left <= x <= right and top <= y <= bottom]
        rows = []
        for row in grid.rows:
            boxes = [cell for cell in row if cell is not None]
            if not boxes:
                continue
            top, bottom = min(box[1] for box in boxes), max(box[3] for box in boxes)
            in_row = [i for i in inside if top <= centres[i][1] <= bottom]
            # None marks a grid cell a merged one covers: it stays, empty, so the columns keep their places
            cells = [_cell_text([glyphs[i] for i in in_row if _holds(cell, centres[i])]) if cell else ""
                     for cell in row]
            if any(cells):
                rows.append(cells)
        if rows:
            found.append((grid.bbox[1], Block("table", rows=rows)))
            placed.update(inside)
    return found, [g for i, g in enumerate(glyphs) if i not in placed] if placed else glyphs


def _holds(box: Box, centre: tuple[float, float]) -> bool:
    x, y = centre
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _cell_text(glyphs: list[Glyph]) -> str:
    return join_lines(drop_spaces_between_cjk(ln.text) for ln in _lines(glyphs)) if glyphs else ""


def _running_lines(pages: list[tuple[float, list[Line]]]) -> set[int]:
    """ids of page furniture: page numbers, and short lines at the top or bottom of most pages.

    A repeated line keeps its first occurrence, which is often the notice's own title or heading;
    the copies on later pages go.
    """
    zone: list[list[Line]] = []
    for height, lines in pages:
        head = [ln for ln in lines[:2] if ln.bottom < HEAD_ZONE * height]
        foot = [ln for ln in lines[-2:] if ln.top > (1 - HEAD_ZONE) * height]
        zone.append(head + [ln for ln in foot if all(ln is not h for h in head)])

    def key(line: Line) -> str:
        return re.sub(r"\d+", "#", line.text.replace(" ", ""))

    seen = Counter(k for lines in zone for k in {key(ln) for ln in lines})
    needed = max(2, math.ceil(0.5 * len(pages)))
    running, kept = set(), set()
    for lines in zone:
        for ln in lines:
            if PAGE_NUMBER.match(ln.text):
                running.add(id(ln))
            elif len(ln.text) <= SHORT_LINE and seen[k := key(ln)] >= needed:
                if k in kept:
                    running.add(id(ln))
                kept.add(k)
    return running


def _margins(lines: list[Line], body: float, fallback: tuple[float, float] | None) -> tuple[float, float]:
    body_lines = [ln for ln in lines if abs(ln.size - body) <= 0.1 * body]
    if len(body_lines) < 3 and fallback:
        return fallback
    body_lines = body_lines or lines
    return min(ln.x0 for ln in body_lines), max(ln.x1 for ln in body_lines)


def _continues(prev: Line, nxt: Line, left: float, right: float, body: float, gap: float | None) -> bool:
    """Whether `nxt` carries on the paragraph `prev` was wrapped out of.

    `gap` is the usual space between lines, None when a page break separates the two.
    """
    size = prev.size
    if abs(nxt.size - size) > 0.15 * size or HEADING.match(nxt.text):
        return False
    if gap is not None and nxt.top - prev.bottom > max(1.5 * gap, gap + 0.5 * size):
        return False
    if size >= 1.15 * body:  # a multi-line title: same large size, close together
        return gap is not None
    ends = prev.text.rstrip(CLOSERS)
    return (
        bool(ends) and ends[-1] not in SENTENCE_END
        and right - prev.x1 <= max(nxt.first_width, size) + 1.0 * size
        and prev.x0 - left <= 2.5 * size
        and nxt.x0 - left <= 0.5 * size
    )


def _join(a: str, b: str) -> str:
    space = "" if is_cjk(a[-1]) or is_cjk(b[0]) or a.endswith("-") else " "
    return a + space + b


def _check_pages(path: str, count: int) -> None:
    if not count:
        raise CorruptFile(path, "the PDF has no pages")
    limit = current_limits().max_pdf_pages
    if count > limit:
        raise TooLarge(path, f"{count:,} pages, over the {limit:,}-page limit (TONGBAO_MAX_PDF_PAGES)")


def _pdfium_pages(path: str, document, warnings: list[str]) -> Iterator[PageGlyphs | None]:
    """Each page through PDFium (None when it cannot be read), its tables from pdfplumber's table finder."""
    _check_pages(path, len(document))
    for index in range(len(document)):
        try:
            page, edges = pdfium.read_page(document, index)
            page.grids = plumber.grids_from_edges(edges)
        except Exception as exc:  # one broken page should not cost the others
            warnings.append(f"page {index + 1} unreadable ({type(exc).__name__})")
            yield None
            continue
        yield page


def _plumber_pages(path: str, data: bytes, warnings: list[str]) -> Iterator[PageGlyphs | None]:
    """Each page through pdfplumber alone, for a file PDFium cannot open."""
    pdf, pages = plumber.open_pdf(path, data)
    with pdf:
        _check_pages(path, len(pages))
        for number, page in enumerate(pages, 1):
            try:
                yield plumber.page_glyphs(page)
            except Exception as exc:  # one broken page should not cost the others
                warnings.append(f"page {number} unreadable ({type(exc).__name__})")
                yield None
            finally:
                page.close()


def _pages(path: str, data: bytes, warnings: list[str]) -> Iterator[PageGlyphs | None]:
    with pdfium.LOCK:
        try:
            document = pdfium.open_document(data)
        except pdfium.Unreadable as exc:
            if exc.password:
                raise EncryptedPdf(path, "the PDF is password-protected") from None
            document, reason = None, str(exc)
        if document is not None:
            try:
                yield from _pdfium_pages(path, document, warnings)
            finally:
                document.close()
            return
    warnings.append(f"PDFium could not open the file ({reason}): read with pdfplumber")
    yield from _plumber_pages(path, data, warnings)


def read_pdf(path: str, data: bytes) -> ReadResult:
    """Paragraphs and tables of a PDF with a text layer, in reading order."""
    warnings: list[str] = []
    laid_out: list[tuple[float, list[Line]]] = []
    tables: list[list[tuple[float, Block]]] = []
    unmapped = failed = 0
    # closed here, not when the garbage collector gets to it: until then PDFium's lock stays held
    with closing(_pages(path, data, warnings)) as pages:
        for page in pages:
            if page is None:
                failed += 1
                laid_out.append((1.0, []))
                tables.append([])
                continue
            unmapped += page.unmapped
            page_tables, rest = _tables(page.grids, page.glyphs)
            laid_out.append((page.height, _lines(rest)))
            tables.append(page_tables)
    if failed == len(laid_out):
        raise CorruptFile(path, "no page of the PDF could be read")
    if not any(lines for _, lines in laid_out) and not any(tables):
        raise NoTextLayer(path, "no page has a text layer (scanned images need OCR)")
    if unmapped:
        warnings.append(f"{unmapped} glyph(s) without a Unicode mapping dropped")
    empty = [str(i) for i, (_, lines) in enumerate(laid_out, 1) if not lines and not tables[i - 1]]
    if empty:
        warnings.append(f"no text layer on page(s) {', '.join(empty)}")
    running = _running_lines(laid_out)
    blocks = _assemble(laid_out, tables, running)
    if not any(b.text.strip() or b.rows for b in blocks):
        raise NoTextLayer(path, "no text is left once page numbers and running heads are dropped")
    return ReadResult(blocks, "pdf", None, warnings, {"running_line": len(running)} if running else {})


def _assemble(laid_out: list[tuple[float, list[Line]]], tables: list[list[tuple[float, Block]]],
              running: set[int]) -> list[Block]:
    """Drop running lines, then join wrapped lines into paragraphs across page breaks."""
    pages = [[ln for ln in lines if id(ln) not in running] for _, lines in laid_out]
    sizes = Counter()
    for lines in pages:
        for ln in lines:
            sizes[round(ln.size, 1)] += len(ln.text)
    body = sizes.most_common(1)[0][0] if sizes else 12.0
    whole = _margins([ln for lines in pages for ln in lines], body, None) if sizes else (0.0, 0.0)
    gaps = sorted(b.top - a.bottom for lines in pages for a, b in zip(lines, lines[1:]) if b.top > a.bottom)
    usual_gap = gaps[len(gaps) // 2] if gaps else body
    blocks: list[Block] = []
    prev: Line | None = None
    for lines, page_tables in zip(pages, tables):
        same_page = False
        left, right = _margins(lines, body, whole) if lines else whole
        items = sorted([(ln.top, 0, ln) for ln in lines] + [(top, 1, t) for top, t in page_tables], key=lambda x: x[:2])
        for _, is_table, item in items:
            if is_table:
                blocks.append(item)
            elif prev is not None and _continues(prev, item, left, right, body, usual_gap if same_page else None):
                blocks[-1].text = _join(blocks[-1].text, item.text)
            else:
                blocks.append(Block("paragraph", text=item.text))
            prev, same_page = (None, False) if is_table else (item, True)
    return blocks
