"""PDF notices: rebuild lines from glyph positions, drop running heads and page numbers, rejoin paragraphs."""
from __future__ import annotations

import io
import logging
import math
import re
from collections import Counter
from dataclasses import dataclass

from ..errors import CorruptFile, EncryptedPdf, NoTextLayer, TooLarge
from ..limits import current_limits
from ..model import Block, ReadResult
from ._cjk import drop_spaces_between_cjk, is_cjk, join_lines

# pdfminer logs each font it cannot measure ("Could not get FontBBox"); with no handler of its own
# that reached the user's stderr through logging's last resort. Applications that configure logging
# still receive these records.
logging.getLogger("pdfminer").addHandler(logging.NullHandler())

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
IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
OPENERS = "（(《“‘「『【〔["  # a line may break before these
CLOSERS = "”’）)」』】》〕\"'"


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


def _dedupe(chars: list[dict], size: float) -> list[dict]:
    """Fake bold draws a glyph twice a hair apart; keep the first of each such pair."""
    kept: list[dict] = []
    tol = 0.15 * size
    for c in chars:
        if any(k["text"] == c["text"] and abs(k["x0"] - c["x0"]) <= tol and abs(k["top"] - c["top"]) <= tol
               for k in kept[-2:]):
            continue
        kept.append(c)
    return kept


def _line(chars: list[dict]) -> Line:
    """One baseline's glyphs as text: no spaces inside CJK runs, one where Latin words stand apart."""
    chars.sort(key=lambda c: c["x0"])
    size = sorted(c["size"] for c in chars)[len(chars) // 2]
    chars = _dedupe(chars, size)
    pieces, first_width, prev = [], None, None
    for c in chars:
        text = c["text"]
        if prev is not None:
            gap = c["x0"] - prev["x1"]
            latin = not is_cjk(prev["text"][-1]) and not is_cjk(text[0])
            if gap > WIDE_GAP * size or (latin and gap > max(1.0, 0.15 * size)):
                pieces.append(" ")
                first_width = first_width if first_width is not None else prev["x1"] - chars[0]["x0"]
        pieces.append(text)
        prev = c
    if is_cjk(chars[0]["text"][0]):
        first_width = _unbreakable_width(chars, size)
    elif first_width is None:
        first_width = chars[-1]["x1"] - chars[0]["x0"]
    return Line("".join(pieces), chars[0]["x0"], max(c["x1"] for c in chars), min(c["top"] for c in chars),
                max(c["bottom"] for c in chars), size, first_width)


def _unbreakable_width(chars: list[dict], size: float) -> float:
    """Width of what opens a line that starts with a CJK character: that character with the punctuation,
    digits and Latin glued after it, which a line break cannot split. When `间:2019-02-07` does not fit,
    the layout moves all of it down, leaving more than one character's room after `发布时`."""
    last = chars[0]
    for c in chars[1:]:
        if IDEOGRAPH.match(c["text"]) or c["text"][0] in OPENERS or c["x0"] - last["x1"] > 0.15 * size:
            break
        last = c
    return last["x1"] - chars[0]["x0"]


def _lines(chars: list[dict]) -> list[Line]:
    """Group glyphs that share a baseline, top to bottom."""
    if not chars:
        return []
    chars = sorted(chars, key=lambda c: c["bottom"])
    groups: list[list[dict]] = []
    last_bottom = -math.inf
    for c in chars:
        if c["bottom"] - last_bottom > 0.3 * c["size"]:
            groups.append([])
        groups[-1].append(c)
        last_bottom = c["bottom"]
    return [_line(g) for g in groups]


def _inside(c: dict, box: tuple[float, float, float, float]) -> bool:
    x, y = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _tables(page, chars: list[dict]) -> tuple[list[tuple[float, Block]], list[dict]]:
    """Ruled tables as blocks (placed by their top) and the glyphs left outside them."""
    objects = page.objects
    if not (objects.get("rect") or objects.get("line") or objects.get("curve")):
        return [], chars  # the table finder is the costly part: no rules, no tables
    found = []
    for table in page.find_tables():
        inside = [c for c in chars if _inside(c, table.bbox)]
        rows = []
        for row in table.rows:
            # None marks a grid cell a merged one covers: it stays, empty, so the columns keep their places
            cells = [[c for c in inside if _inside(c, cell)] if cell is not None else [] for cell in row.cells]
            cells = [join_lines(drop_spaces_between_cjk(ln.text) for ln in _lines(mine)) for mine in cells]
            if any(cells):
                rows.append(cells)
        if rows:
            found.append((table.bbox, Block("table", rows=rows)))
    rest = [c for c in chars if not any(_inside(c, bbox) for bbox, _ in found)] if found else chars
    return [(bbox[1], block) for bbox, block in found], rest


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


def _open(path: str, data: bytes):
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
    if not pages:
        raise CorruptFile(path, "the PDF has no pages")
    limit = current_limits().max_pdf_pages
    if len(pages) > limit:
        pdf.close()
        raise TooLarge(path, f"{len(pages):,} pages, over the {limit:,}-page limit (TONGBAO_MAX_PDF_PAGES)")
    return pdf, pages


def read_pdf(path: str, data: bytes) -> ReadResult:
    """Paragraphs and tables of a PDF with a text layer, in reading order."""
    pdf, pages = _open(path, data)
    warnings: list[str] = []
    laid_out: list[tuple[float, list[Line]]] = []
    tables: list[list[tuple[float, Block]]] = []
    unmapped = failed = 0
    with pdf:
        for number, page in enumerate(pages, 1):
            try:
                chars = [c for c in page.chars if c["upright"] and c["text"].strip()]
                unmapped += sum(1 for c in chars if c["text"].startswith("(cid:"))
                chars = [c for c in chars if not c["text"].startswith("(cid:")]
                page_tables, chars = _tables(page, chars)
                laid_out.append((float(page.height), _lines(chars)))
                tables.append(page_tables)
            except Exception as exc:  # one broken page should not cost the others
                failed += 1
                warnings.append(f"page {number} unreadable ({type(exc).__name__})")
                laid_out.append((1.0, []))
                tables.append([])
            finally:
                page.close()
    if failed == len(pages):
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
