"""Word notices: body paragraphs and tables in order, with the list numbers Word draws but never stores."""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, replace

from ..errors import CorruptFile, EmptyInput, TooLarge
from ..limits import current_limits
from ..model import Block, ReadResult
from ._cjk import join_lines

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
SKIPPED = {W + t for t in ("del", "moveFrom", "instrText", "delText", "pPr", "rPr", "fldData")} | {MC_FALLBACK}
CONTAINERS = {W + t for t in ("sdt", "sdtContent", "customXml", "ins", "moveTo", "smartTag")}

DIGITS = "〇一二三四五六七八九"
STEMS = "甲乙丙丁戊己庚辛壬癸"
BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
LEGAL = "零壹贰叁肆伍陆柒捌玖"


def _val(el, tag: str, default: str | None = None) -> str | None:
    child = el.find(W + tag) if el is not None else None
    return child.get(W + "val", default) if child is not None else default


def chinese_number(n: int, digits: str = DIGITS, ten: str = "十", hundred: str = "百", thousand: str = "千") -> str:
    """1→一, 10→十, 21→二十一, 105→一百零五: the way Chinese list numbers read."""
    if n <= 0 or n >= 10000:
        return str(n)
    parts, zero = [], False
    for unit_value, unit in ((1000, thousand), (100, hundred), (10, ten), (1, "")):
        d = n // unit_value % 10
        if d:
            if zero:
                parts.append("零" if digits is DIGITS else digits[0])
            parts.append(("" if d == 1 and unit == ten and n < 20 else digits[d]) + unit)
            zero = False
        elif parts:
            zero = True
    return "".join(parts)


def format_number(n: int, fmt: str) -> str:
    """One counter value in a Word numFmt; unknown formats fall back to Arabic digits."""
    if fmt in ("chineseCountingThousand", "taiwaneseCountingThousand", "japaneseDigitalTenThousand") or (
            fmt in ("chineseCounting", "japaneseCounting", "taiwaneseCounting") and n < 100):
        return chinese_number(n)
    if fmt in ("ideographDigital", "chineseCounting", "japaneseCounting", "taiwaneseCounting"):  # 105 → 一〇五
        return "".join(DIGITS[int(d)] for d in str(n))
    if fmt == "ideographTraditional" and 1 <= n <= 10:
        return STEMS[n - 1]
    if fmt == "ideographZodiac" and 1 <= n <= 12:
        return BRANCHES[n - 1]
    if fmt == "chineseLegalSimplified":
        return chinese_number(n, LEGAL, "拾", "佰", "仟")
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalEnclosedParen" and 1 <= n <= 20:
        return chr(0x2474 + n - 1)
    if fmt == "decimalEnclosedFullstop" and 1 <= n <= 20:
        return chr(0x2488 + n - 1)
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman") and 0 < n < 4000:
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


def _roman(n: int) -> str:
    out = []
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, n = divmod(n, value)
        out.append(numeral * count)
    return "".join(out)


@dataclass(slots=True)
class Level:
    """One list level of numbering.xml: how its counter is drawn and where it starts."""

    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    suffix: str = "tab"
    legal: bool = False


def _level(lvl) -> Level:
    start = _val(lvl, "start", "1")
    return Level(
        fmt=_val(lvl, "numFmt", "decimal"),
        text=_val(lvl, "lvlText", ""),
        start=int(start) if start and start.lstrip("-").isdigit() else 1,
        suffix=_val(lvl, "suff", "tab"),
        legal=lvl.find(W + "isLgl") is not None,
    )


class Numbering:
    """Word's list counters, replayed paragraph by paragraph in document order."""

    def __init__(self, numbering_el, styles_el):
        numbering = list(numbering_el) if numbering_el is not None else []
        abstract = {
            an.get(W + "abstractNumId"): {int(lvl.get(W + "ilvl", "0")): _level(lvl) for lvl in an.iterfind(W + "lvl")}
            for an in numbering if an.tag == W + "abstractNum"
        }
        self.levels: dict[str, dict[int, Level]] = {}
        for num in (el for el in numbering if el.tag == W + "num"):
            levels = dict(abstract.get(_val(num, "abstractNumId"), {}))
            for override in num.iterfind(W + "lvlOverride"):
                ilvl = int(override.get(W + "ilvl", "0"))
                if (lvl := override.find(W + "lvl")) is not None:
                    levels[ilvl] = _level(lvl)
                if (start := _val(override, "startOverride")) and start.isdigit() and ilvl in levels:
                    levels[ilvl] = replace(levels[ilvl], start=int(start))
            self.levels[num.get(W + "numId")] = levels
        self.style_numpr: dict[str, tuple[str | None, str | None, str | None]] = {}
        for style in styles_el.iterfind(W + "style") if styles_el is not None else ():
            numpr = style.find(f"{W}pPr/{W}numPr")
            self.style_numpr[style.get(W + "styleId")] = (_val(numpr, "numId"), _val(numpr, "ilvl"), _val(style, "basedOn"))
        self.counters: dict[str, list[int | None]] = {}

    def _from_style(self, style_id: str | None) -> tuple[str | None, str | None]:
        seen = set()
        while style_id and style_id not in seen and style_id in self.style_numpr:
            seen.add(style_id)
            num_id, ilvl, based_on = self.style_numpr[style_id]
            if num_id is not None:
                return num_id, ilvl
            style_id = based_on
        return None, None

    def label(self, p) -> str:
        """The number Word would draw before paragraph `p` (advancing the counters), or ''."""
        ppr = p.find(W + "pPr")
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        style_num, style_ilvl = self._from_style(_val(ppr, "pStyle"))
        num_id = _val(numpr, "numId") or style_num
        ilvl_text = _val(numpr, "ilvl") or style_ilvl or "0"
        levels = self.levels.get(num_id or "")
        if not levels or not ilvl_text.isdigit() or int(ilvl_text) not in levels or int(ilvl_text) > 8:
            return ""
        ilvl = int(ilvl_text)
        counters = self.counters.setdefault(num_id, [None] * 9)
        counters[ilvl] = levels[ilvl].start if counters[ilvl] is None else counters[ilvl] + 1
        counters[ilvl + 1:] = [None] * (len(counters) - ilvl - 1)
        text = levels[ilvl].text
        for k in range(9, 0, -1):
            if f"%{k}" in text:
                lvl = levels.get(k - 1, Level())
                value = counters[k - 1] if counters[k - 1] is not None else lvl.start
                fmt = "decimal" if levels[ilvl].legal and lvl.fmt != "bullet" else lvl.fmt
                text = text.replace(f"%{k}", format_number(value, fmt))
        if levels[ilvl].fmt == "bullet":
            return ""
        return text + (" " if levels[ilvl].suffix == "space" and text else "")


class _Reader:
    """Walks the body XML; holds the numbering state that runs through the whole document."""

    def __init__(self, numbering: Numbering):
        self.numbering = numbering

    def blocks(self, container) -> list[Block]:
        out: list[Block] = []
        stack = list(reversed(container))
        while stack:
            el = stack.pop()
            if el.tag == W + "p":
                out.extend(self.paragraph(el))
            elif el.tag == W + "tbl":
                if rows := self.table(el):
                    out.append(Block("table", rows=rows))
            elif el.tag in CONTAINERS:
                stack.extend(reversed(el))
        return out

    def paragraph(self, p) -> list[Block]:
        """The paragraph's visible text (soft line breaks split it), then any text boxes inside it."""
        label = self.numbering.label(p)
        pieces, boxes = [], []
        stack = list(reversed(p))
        while stack:
            el = stack.pop()
            tag = el.tag
            if tag in SKIPPED or (tag == W + "r" and _hidden(el)):
                continue
            if tag == W + "t":
                pieces.append(el.text or "")
            elif tag == W + "tab":
                pieces.append("\t")
            elif tag in (W + "br", W + "cr"):
                pieces.append("" if el.get(W + "type") in ("page", "column") else "\n")
            elif tag == W + "noBreakHyphen":
                pieces.append("-")
            elif tag == W + "txbxContent":
                boxes.append(el)
            else:
                stack.extend(reversed(el))
        lines = [line.strip() for line in "".join(pieces).split("\n")]
        lines = [line for line in lines if line]
        out = [Block("paragraph", text=line) for line in lines]
        if out and label:
            out[0].text = label + out[0].text
        for box in boxes:
            out.extend(self.blocks(box))
        return out

    def table(self, tbl) -> list[list[str]]:
        """Rows of cell text on the table's grid: a merged cell's text stands once, where it starts, and the
        grid columns and rows it covers hold "", so every header cell stays above its own data."""
        rows = []
        for tr in tbl.iterfind(W + "tr"):
            if tr.find(f"{W}trPr/{W}del") is not None:
                continue
            row = [""] * _number(tr.find(f"{W}trPr/{W}gridBefore"), default=0)
            for tc in tr.iterfind(W + "tc"):
                props = tc.find(W + "tcPr")
                vmerge = props.find(W + "vMerge") if props is not None else None
                covered = vmerge is not None and vmerge.get(W + "val", "continue") != "restart"
                row.append("" if covered else join_lines(b.render() for b in self.blocks(tc)))
                row += [""] * (_number(props.find(W + "gridSpan") if props is not None else None) - 1)
            if any(row):
                rows.append(row)
        return rows


def _number(el, default: int = 1) -> int:
    """A w:val count such as gridSpan; absent or damaged, the default."""
    value = el.get(W + "val", "") if el is not None else ""
    return min(int(value), 64) if value.isdigit() and int(value) > 0 else default


def _hidden(run) -> bool:
    vanish = run.find(f"{W}rPr/{W}vanish")
    return vanish is not None and vanish.get(W + "val", "true") not in ("0", "false", "off")


def check_zip(path: str, data: bytes, max_bytes: int) -> zipfile.ZipFile:
    """Open the package, refusing non-zips and bombs before anything is inflated."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise CorruptFile(path, f"not a valid .docx (zip) package: {exc}") from None
    inflated = sum(m.file_size for m in members)
    if inflated > max_bytes:
        raise TooLarge(path, f"the package inflates to {inflated:,} bytes, over the {max_bytes:,}-byte limit")
    part_limit = current_limits().max_member_bytes
    biggest = max(members, key=lambda m: m.file_size, default=None)
    if biggest is not None and biggest.file_size > part_limit:
        raise TooLarge(path, f"part {biggest.filename} inflates to {biggest.file_size:,} bytes, over the "
                             f"{part_limit:,}-byte limit (TONGBAO_MAX_MEMBER_BYTES)")
    if "word/document.xml" not in {m.filename for m in members}:
        raise CorruptFile(path, "zip package has no word/document.xml: not a Word document")
    return archive


def _related(part, reltype: str):
    try:
        return part.part_related_by(reltype).element
    except (KeyError, AttributeError):
        return None


def read_docx(path: str, data: bytes, max_bytes: int = 50_000_000) -> ReadResult:
    """Paragraphs and tables of the document body (headers, footers and deletions left out)."""
    check_zip(path, data, max_bytes)
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    warnings: list[str] = []
    try:
        try:
            document = docx.Document(io.BytesIO(data))
        except KeyError:  # a relationship names a part the package lacks (an image at ../NULL)
            data, dropped = _without_dangling_relationships(data)
            if not dropped:
                raise
            document = docx.Document(io.BytesIO(data))
            warnings.append(f"{len(dropped)} missing part(s) ignored: {', '.join(sorted(dropped)[:5])}")
        part = document.part
        numbering = Numbering(_related(part, RT.NUMBERING), _related(part, RT.STYLES))
        blocks = _Reader(numbering).blocks(document.element.body)
    except Exception as exc:  # python-docx/lxml raise many kinds for broken packages
        raise CorruptFile(path, f"broken Word document ({type(exc).__name__}: {exc})") from None
    if not blocks:
        raise EmptyInput(path, "the Word document has no text")
    return ReadResult(blocks, "docx", None, warnings)


_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"


def _without_dangling_relationships(data: bytes) -> tuple[bytes, list[str]]:
    """The package again with every internal relationship to a missing part removed, and those targets."""
    import posixpath
    import xml.etree.ElementTree as ET

    ET.register_namespace("", _RELS)
    dropped: list[str] = []
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as package, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as rebuilt:
        names = set(package.namelist())
        for info in package.infolist():
            content = package.read(info)
            if info.filename.endswith(".rels"):
                base = posixpath.dirname(posixpath.dirname(info.filename))  # word/_rels/x.rels -> word
                root = ET.fromstring(content)
                for rel in list(root):
                    target = rel.get("Target") or ""
                    if rel.get("TargetMode") == "External":
                        continue
                    part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
                    if part not in names:
                        root.remove(rel)
                        dropped.append(target)
                content = ET.tostring(root, xml_declaration=True, encoding="UTF-8")
            rebuilt.writestr(info, content)
    return out.getvalue(), dropped
