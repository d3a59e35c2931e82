"""A PDF page through PDFium (pypdfium2): its glyphs with their boxes and sizes, and the edges of its paths."""
from __future__ import annotations

import ctypes
import math
import threading
from ctypes import CFUNCTYPE, PYFUNCTYPE, byref, c_double, c_float, c_int, c_void_p
from itertools import compress, repeat
from operator import ne

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from .pdfpage import Glyph, PageGlyphs

# PDFium is not thread-safe: a process reads one document through it at a time.
LOCK = threading.Lock()
HYPHEN_MARK = "\ufffe"  # how PDFium's text gives a hyphen that ends a line


def _plain(function, restype, *argtypes):
    """The same C function taking plain handles (ints) where pypdfium2 declares pointer classes, which cost more
    than the call itself. Without `argtypes`, ctypes checks nothing and converts least: the functions called
    once per character take a handle (see `_handle`), an int index and byref() results, which the caller must pass;
    and they keep the GIL (PYFUNCTYPE), which is slower to let go and take back than the call lasts."""
    made = (CFUNCTYPE if argtypes else PYFUNCTYPE)(restype, *argtypes)(ctypes.cast(function, c_void_p).value)
    if not argtypes:
        made.argtypes = None
    return made


_count_chars = _plain(raw.FPDFText_CountChars, c_int, c_void_p)
_get_text = _plain(raw.FPDFText_GetText, c_int, c_void_p, c_int, c_int, c_void_p)
# called per character or per string: (c_void_p, int index, byref() results)
_text_object = _plain(raw.FPDFText_GetTextObject, c_void_p)
_unmapped = _plain(raw.FPDFText_HasUnicodeMapError, c_int)
_origin = _plain(raw.FPDFText_GetCharOrigin, c_int)
_loose_box = _plain(raw.FPDFText_GetLooseCharBox, c_int)
_matrix = _plain(raw.FPDFText_GetMatrix, c_int)
_font_size = _plain(raw.FPDFText_GetFontSize, c_double)
_font = _plain(raw.FPDFTextObj_GetFont, c_void_p, c_void_p)
_generated = _plain(raw.FPDFText_IsGenerated, c_int, c_void_p, c_int)
_descent = _plain(raw.FPDFFont_GetDescent, c_int, c_void_p, c_float, c_void_p)
_count_objects = _plain(raw.FPDFPage_CountObjects, c_int, c_void_p)
_object = _plain(raw.FPDFPage_GetObject, c_void_p)  # per page object: (c_void_p page, int index)
_count_form_objects = _plain(raw.FPDFFormObj_CountObjects, c_int, c_void_p)
_form_object = _plain(raw.FPDFFormObj_GetObject, c_void_p, c_void_p, ctypes.c_ulong)
_object_type = _plain(raw.FPDFPageObj_GetType, c_int)  # per page object: (c_void_p object)
_object_matrix = _plain(raw.FPDFPageObj_GetMatrix, c_int, c_void_p, c_void_p)
_count_segments = _plain(raw.FPDFPath_CountSegments, c_int, c_void_p)
_segment = _plain(raw.FPDFPath_GetPathSegment, c_void_p, c_void_p, c_int)
_segment_point = _plain(raw.FPDFPathSegment_GetPoint, c_int, c_void_p, c_void_p, c_void_p)
_segment_type = _plain(raw.FPDFPathSegment_GetType, c_int, c_void_p)
_segment_closes = _plain(raw.FPDFPathSegment_GetClose, c_int, c_void_p)

# Clockwise page rotation → the linear part of the map from user space to the displayed page (as pdfminer's ctm).
ROTATIONS = {0: (1, 0, 0, 1), 90: (0, -1, 1, 0), 180: (-1, 0, 0, -1), 270: (0, 1, -1, 0)}
IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _handle(address: int):
    """A handle to pass the functions without `argtypes`: a byref() of the memory at the handle's own address
    gives the C function that address, as c_void_p(address) does, but ctypes passes a byref() as it is where it
    makes a new argument object from a c_void_p on every call."""
    return byref(ctypes.c_char.from_address(address))


class Unreadable(Exception):
    """PDFium cannot open the file; `password` when it is encrypted for reading."""

    def __init__(self, message: str, password: bool) -> None:
        super().__init__(message)
        self.password = password


def open_document(data: bytes) -> pdfium.PdfDocument:
    """The document, or Unreadable. Call with LOCK held, and close it before releasing LOCK."""
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise Unreadable(str(exc), exc.err_code == raw.FPDF_ERR_PASSWORD) from None


class Display:
    """User space → the displayed page: x from the left, y down from the top, as pdfplumber measures."""

    def __init__(self, rotation: int, left: float, bottom: float, right: float, top: float) -> None:
        self.rotation = rotation
        # (coefficient of user x, of user y, offset) for the displayed x, and for the displayed top
        self.across, self.down = {0: ((1, 0, -left), (0, -1, top)), 90: ((0, 1, -bottom), (1, 0, -left)),
                                  180: ((-1, 0, right), (0, 1, -bottom)), 270: ((0, -1, top), (-1, 0, right))}[rotation]
        self.height = right - left if rotation in (90, 270) else top - bottom
        # turned a quarter, the displayed x follows the user y and the displayed top the user x: each is then
        # one user coordinate times ±1 plus an offset, which gives the same numbers as `point` in two steps
        self.turned = rotation in (90, 270)
        (xx, xy, ox), (tx, ty, oy) = self.across, self.down
        self.along = (xy, ox, tx, oy) if self.turned else (xx, ox, ty, oy)

    def point(self, x: float, y: float) -> tuple[float, float]:
        (xx, xy, ox), (tx, ty, oy) = self.across, self.down
        return xx * x + xy * y + ox, tx * x + ty * y + oy

    def upright(self, a: float, b: float, c: float, d: float) -> bool:
        """pdfminer's test, on the glyph's matrix turned with the page."""
        ra, rb, rc, rd = ROTATIONS[self.rotation]
        a, b, c, d = a * ra + b * rc, a * rb + b * rd, c * ra + d * rc, c * rb + d * rd
        return a * d > 0 and b * c <= 0


def read_page(document: pdfium.PdfDocument, index: int) -> tuple[PageGlyphs, list[dict]]:
    """One page's glyphs, and the edges of its paths for the table finder."""
    page = document[index]
    try:
        display = Display(page.get_rotation(), *page.get_bbox())
        textpage = page.get_textpage()
        try:
            glyphs, text_objects = _glyphs(ctypes.cast(textpage.raw, c_void_p).value, display)
        finally:
            textpage.close()
        return glyphs, _edges(ctypes.cast(page.raw, c_void_p).value, display, text_objects)
    finally:
        page.close()


def _glyphs(textpage: int, display: Display) -> tuple[PageGlyphs, set[int]]:
    """Every upright glyph that is not white space, in the order PDFium read them, and the text objects met.

    A glyph's box runs from its origin to the origin of the character after it on the same baseline (the
    advance, with any character spacing), else to the right of PDFium's loose box, which also holds the ink;
    its bottom lies the font's descent under the baseline, as in pdfminer. The glyph being read stays in
    local variables until the next character closes it: a page holds thousands, and objects cost more.
    """
    count = _count_chars(textpage)
    text = _page_text(textpage, count)
    handle = _handle(textpage)
    matrix, x, y, box = raw.FS_MATRIX(), c_double(), c_double(), raw.FS_RECTF()
    matrix_at, box_at = ctypes.byref(matrix), ctypes.byref(box)
    # origins come as (user x, user y), or (user y, user x) on a page turned a quarter: see Display.along
    x_at, y_at = (ctypes.byref(y), ctypes.byref(x)) if display.turned else (ctypes.byref(x), ctypes.byref(y))
    x_scale, x_offset, top_scale, top_offset = display.along
    xx, xy, ox = display.across

    def right_of(index: int) -> float:
        """The displayed right edge of PDFium's loose box of a glyph: its advance, or its ink where that
        reaches further."""
        _loose_box(handle, index, box_at)
        return max(xx * box.left + xy * box.bottom + ox, xx * box.right + xy * box.top + ox)

    styles: dict[tuple, tuple[bool, float, float]] = {}  # (font, size, matrix) → (upright, size, descent)
    glyphs: list[Glyph] = []
    add, origin, is_unmapped = glyphs.append, _origin, _unmapped
    unmapped = 0
    spaces = set(compress(range(count), map(str.isspace, text)))
    # the open glyph, which the next character of its line may close: its text, where it stands, its index
    open_text, open_x0, open_top, open_bottom, open_size, open_index, baseline = None, 0.0, 0.0, 0.0, 0.0, 0, 0.0
    objects = list(map(_text_object, repeat(handle, count), range(count)))
    starts = [0, *compress(range(1, count), map(ne, objects[1:], objects))] if count else []
    for start, stop in zip(starts, starts[1:] + [count]):
        text_object = objects[start]
        if not text_object:  # a space or line break PDFium inserted: the glyph before it ends with its box
            if open_text is not None:
                add((open_text, open_x0, right_of(open_index), open_top, open_bottom, open_size))
                open_text = None
            continue
        _matrix(handle, start, matrix_at)  # a glyph's matrix, font and size are its text object's
        key = (_font(text_object), _font_size(handle, start), matrix.a, matrix.b, matrix.c, matrix.d)
        style = styles.get(key)
        if style is None:
            style = styles[key] = _style(display, *key)
        upright, size, depth = style
        if not upright:
            continue
        for i in range(start, stop):
            space = i in spaces
            if is_unmapped(handle, i):  # dropped, and counted; it ends the glyph before it as a space does
                unmapped += 1
                space = True
            elif space and (open_text is None or _generated(textpage, i)):  # an inserted space stands where
                if open_text is not None:                                  # the next glyph starts, not where
                    add((open_text, open_x0, right_of(open_index), open_top, open_bottom, open_size))
                    open_text = None                                       # this one ends
                continue
            origin(handle, i, x_at, y_at)
            x0 = x.value * x_scale + x_offset
            down = y.value * top_scale + top_offset
            if open_text is not None:
                if x0 == open_x0 and not space:  # one glyph for several characters (a ligature) comes as pieces
                    open_text += text[i]
                    continue
                # the next glyph on the same baseline (of this string or the next) starts where this one ends
                add((open_text, open_x0, x0 if x0 > open_x0 and down == baseline else right_of(open_index),
                     open_top, open_bottom, open_size))
                open_text = None
            if space:
                continue
            open_text = text[i]
            open_x0 = x0
            open_bottom = down + depth
            open_top = open_bottom - size
            open_size = size
            open_index = i
            baseline = down
    if open_text is not None:
        add((open_text, open_x0, right_of(open_index), open_top, open_bottom, open_size))
    return PageGlyphs(display.height, glyphs, unmapped), set(objects)


def _page_text(textpage: int, count: int) -> str:
    """The text page's characters, one per index, with PDFium's mark of a line-end hyphen as a hyphen."""
    buffer = ctypes.create_string_buffer(2 * count + 2)
    _get_text(textpage, 0, count, buffer)
    text = buffer.raw[: 2 * count].decode("utf-16-le", "replace")
    if len(text) != count:  # a character outside the BMP (or a lone surrogate): ask for each one
        text = "".join(chr(raw.FPDFText_GetUnicode(textpage, i)) for i in range(count))
    return text.replace(HYPHEN_MARK, "-")


def _style(display: Display, font: int, font_size: float, a: float, b: float, c: float, d: float):
    """Whether glyphs of this font and matrix stand upright on the displayed page, their size, and the depth
    of the font's descent under the baseline (0 when the font does not say)."""
    size = font_size * math.hypot(c, d)
    descent = c_float()
    found = _descent(font, c_float(size), ctypes.addressof(descent))
    return display.upright(a, b, c, d), size, abs(descent.value) if found else 0.0


def _edges(page: int, display: Display, text_objects: set[int]) -> list[dict]:
    """The level and upright sides of the page's paths, as pdfplumber's table finder takes them from pdfminer: a
    path is cut into subpaths, a subpath of one segment is a line (level or not), the others join their points in
    turn (a Bézier curve by its end point), and only sides along the axes count. `text_objects` need no look."""
    edges: list[dict] = []
    matrix = raw.FS_MATRIX()
    matrix_at = ctypes.addressof(matrix)
    handle = _handle(page)
    count = _count_objects(page)
    placed_objects = list(map(_object, repeat(handle, count), range(count)))
    pending = [(page_object, IDENTITY) for page_object in reversed(placed_objects) if page_object not in text_objects]
    while pending:
        page_object, outer = pending.pop()
        kind = _object_type(c_void_p(page_object))
        if kind not in (raw.FPDF_PAGEOBJ_FORM, raw.FPDF_PAGEOBJ_PATH) or not _object_matrix(page_object, matrix_at):
            continue
        placed = _compose((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), outer)
        if kind == raw.FPDF_PAGEOBJ_FORM:
            count = _count_form_objects(page_object)
            pending += [(_form_object(page_object, i), placed) for i in reversed(range(count))]
            continue
        for points in _subpaths(page_object):
            shown = [display.point(*_apply(placed, x, y)) for x, y in points]
            if len(shown) == 2:
                (ax, at), (bx, bt) = shown
                edges.append(_edge(ax, at, bx, bt, "h" if at == bt else "v"))
            else:
                for (ax, at), (bx, bt) in zip(shown, shown[1:]):
                    orientation = "v" if ax == bx else "h" if at == bt else None
                    if orientation:
                        edges.append(_edge(ax, at, bx, bt, orientation))
    return edges


def _subpaths(path: int) -> list[list[tuple[float, float]]]:
    """The points of each subpath of a path object, in its own space: the end points of its segments, and the
    start again where a segment closes it."""
    x, y = c_float(), c_float()
    x_at, y_at = ctypes.addressof(x), ctypes.addressof(y)
    subpaths: list[list[tuple[float, float]]] = []
    curve_points = 0  # a Bézier curve comes as three segments: two control points, then its end
    for i in range(_count_segments(path)):
        segment = _segment(path, i)
        kind = _segment_type(segment)
        _segment_point(segment, x_at, y_at)
        if kind == raw.FPDF_SEGMENT_MOVETO or not subpaths:
            subpaths.append([(x.value, y.value)])
        elif kind == raw.FPDF_SEGMENT_BEZIERTO:
            curve_points = (curve_points + 1) % 3
            if not curve_points:
                subpaths[-1].append((x.value, y.value))
        else:
            subpaths[-1].append((x.value, y.value))
        if _segment_closes(segment):
            subpaths[-1].append(subpaths[-1][0])
    return subpaths


def _edge(ax: float, at: float, bx: float, bt: float, orientation: str) -> dict:
    x0, x1, top, bottom = min(ax, bx), max(ax, bx), min(at, bt), max(at, bt)
    return {"object_type": "path_edge", "orientation": orientation, "x0": x0, "x1": x1, "top": top,
            "bottom": bottom, "doctop": top, "width": x1 - x0, "height": bottom - top}


def _compose(inner: tuple, outer: tuple) -> tuple:
    """The matrix applying `inner`, then `outer` (PDF's row-vector convention)."""
    a, b, c, d, e, f = inner
    p, q, r, s, t, u = outer
    return a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u


def _apply(m: tuple, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]
