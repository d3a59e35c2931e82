"""Tables and key/value header blocks in normalised notice text, so figures become data."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..data import load_yaml

MAX_COLUMNS = 20  # wider one-cell-per-line layouts are not worth the guesswork
MAX_SKIP = 1  # stray cells tolerated before a one-cell-per-line header
SAMPLE_ROWS = 50  # rows enough to judge a column count; keeps inference cheap
MIN_SCORE = 0.6  # share of rows that must share the dominant numeric pattern
MAX_TITLE_LINES = 3
MAX_TITLE_LEN = 80
MAX_HEADER_LINES = 3  # lines of words over a table's first row of numbers that can all be its header
MAX_CUT_ROW = 40  # a longer last line after a table is prose, not the start of a row
_PAGE_WORDS = re.compile(r"打印|关闭|分享|上一篇|下一篇|返回|责任编辑|来源[:：]|浏览|扫一扫")

METADATA_FIELDS = frozenset(
    "索引号 文号 发文字号 文件编号 统一编号 发布机构 发文机关 发文单位 主办单位 责任部门 "
    "生成日期 成文日期 发布日期 发布时间 成文时间 发文日期 印发日期 实施日期 废止日期 有效期 "
    "公开形式 公开方式 公开范围 公开时限 关键词 主题词 是否有效 有效性 "
    "信息分类 主题分类 组配分类 体裁分类 服务对象分类 信息类别 信息来源 来源 分类 所属分类 所属主题 发布单位 "
    "公文种类 文种 体裁 发文时间 公开日期 生效日期 信息索引号 效力状况 附件下载".split()
) | frozenset(load_yaml("metadata.yaml")["title_labels"])  # 标题 | …, 内容概述 | …: the title's field

_NUMBER = re.compile(r"[+-]?(?:0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)(?:\.\d+)?")
_LABEL = re.compile(r"附件\s*(?:([0-9]+|[一二三四五六七八九十]+)\s*[:.、]?|:)\s*(.*)")
_SHORT_DATE = re.compile(r"(?:\d{4}[年.-])?\d{1,2}[月.-]\d{1,2}日?")
_DATE_LINE = re.compile(r"\d{4}(?:年\d{1,2}月\d{1,2}日|-\d{1,2}-\d{1,2})")
_SENTENCE_END = ("。", ";", ":", ",", "、", "!", "?")
# A cell no header holds: a clause's marks, a quote, or more words than a column's name (甲县政府网站 | 首页“政务动态”栏目超过
# 2周未更新;… |: a table whose page dropped its header row).
_DATA_CELL = re.compile(r"[,;。“]|^.{21,}$")

Cell = str | int | float
Line = tuple[int, int, list[str]]  # start, end, cells


@dataclass
class Table:
    """A table with character offsets of its lines, so findings can cite the source."""

    title: str | None
    header: list[str]
    rows: list[list[Cell]]
    start: int
    end: int
    attachment_label: str | None = None
    cut: bool = False  # the page ended inside the last row: its last cell is cut short


def find_tables(text: str) -> tuple[list[Table], list[tuple[str, str]]]:
    """Tables in reading order, plus the notice's metadata pairs, which are not tables."""
    tables: list[Table] = []
    pairs: list[tuple[str, str]] = []
    if "|" in text:  # the common case must cost one C-level scan
        for run in _runs(text):
            used, found = _metadata_prefix(run)
            pairs += found
            tables += _run_tables(text, run[used:])
    if "序号\n" in text or "编号\n" in text or "名称\n" in text:
        taken = [(t.start, t.end) for t in tables]
        for table in [*_barless(text), *_paired(text)]:  # (a serial column's table first: it holds any pair)
            if not any(a < table.end and table.start < b for a, b in taken):
                tables.append(table)
                taken.append((table.start, table.end))
        tables.sort(key=lambda t: t.start)
    return tables, pairs


# A serial-number column's head alone on its line: a table whose page lost its bars, one cell per line.
_SERIAL_HEAD = re.compile(r"^(?:序号|编号)$", re.M)
_NOT_CELL = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|附件)")
MAX_CELL = 60  # a longer line is prose, which ends a table that lost its bars


def _barless(text: str):
    """One-cell-per-line tables with no bars (序号 / 账号名称 / 平台 / 1 / 甲 / 微信 / 2 …): from a serial
    column's head, the rows are the runs of cells that open with 1, 2, 3 …, as wide as the gap from 1 to 2;
    a head broken over two lines (检查 / 结果) is joined. The table ends where the numbers stop. Each line
    is read at most once: a head inside a table already read is skipped, and a head is given up when no 1
    comes within a row's width of it."""
    scanned = 0
    for head in _SERIAL_HEAD.finditer(text):
        if head.start() < scanned:
            continue
        lines = _cell_lines(text, head.start())
        cells: list[str] = []
        spans: list[tuple[int, int]] = []

        def read(n: int) -> bool:
            """Read cells until there are n of them; False when the table's lines run out first."""
            while len(cells) < n:
                line = next(lines, None)
                if line is None:
                    return False
                spans.append(line[:2])
                cells.append(line[2])
            return True

        r0 = next((i for i in range(MAX_COLUMNS + 2) if read(i + 1) and cells[i] == "1"), None)
        width = None if r0 is None or r0 < 2 else next(
            (w for w in range(2, MAX_COLUMNS + 1) if read(r0 + w + 1) and cells[r0 + w] == "2"), None)
        rows: list[list[Cell]] = []
        at = r0 or 0
        while width is not None and read(at + 1) and cells[at] == str(len(rows) + 1):
            read(at + width)
            row = cells[at:at + width]
            rows.append([_value(c) for c in row] + [""] * (width - len(row)))
            at += width
        scanned = spans[-1][1] if spans else head.end()
        if width is None or len(rows) < 2:
            continue
        header = cells[:r0] if r0 <= width else cells[:width - 1] + ["".join(cells[width - 1:r0])]
        title, label = _title(text, head.start())
        yield Table(title, header, rows, head.start(), spans[min(at, len(spans)) - 1][1], label)


# The head of a two-column table of names and their problems, one cell per line, blank lines between or not
# (问题网站名称 / 问题描述 / 甲网 / 首页未更新 / 乙网 / …): a page that lost a table with no serial column.
_PAIR_HEAD = re.compile(r"^(?P<name>[^\n|]{0,8}(?:名称|单位|网站|账号))[ \t]*\n(?:[ \t]*\n)*"
                        r"(?P<problem>[^\n|]{0,6}(?:存在问题|问题描述|主要问题|问题))[ \t]*$", re.M)
MAX_NAME_CELL = 30  # a longer line is no name of a site, account or body
MAX_PROBLEM_CELL = 200


def _paired(text: str):
    """Two-column tables of names and their problems, one cell per line: rows are the pairs of lines after
    the head, blank lines skipped, until a heading, a line too long for its cell, or the text's end."""
    for head in _PAIR_HEAD.finditer(text):
        cells: list[tuple[int, int, str]] = []
        pos = head.end() + 1
        while pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end == -1 else end
            cell = text[pos:end].strip()
            limit = MAX_NAME_CELL if len(cells) % 2 == 0 else MAX_PROBLEM_CELL
            if cell and (len(cell) > limit or _NOT_CELL.match(cell) or "|" in cell):
                break
            if cell:
                cells.append((pos, end, cell))
            pos = end + 1
        rows = [[a[2], b[2]] for a, b in zip(cells[::2], cells[1::2])]
        if len(rows) < 2:
            continue
        title, label = _title(text, head.start())
        yield Table(title, [head["name"], head["problem"]], rows, head.start(), cells[2 * len(rows) - 1][1], label)


def _cell_lines(text: str, pos: int):
    """(start, end, cell) of each line from `pos` that can be a table's cell: short, not a heading."""
    first = True
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end == -1 else end
        cell = text[pos:end].strip()
        if not cell or len(cell) > MAX_CELL or (not first and _NOT_CELL.match(cell)):
            return
        yield pos, end, cell
        first = False
        pos = end + 1


def _runs(text: str):
    """Yield maximal blocks of consecutive lines closed by '|', visiting each line once."""
    run: list[Line] = []
    pos = text.find("|")
    while pos != -1:
        start = text.rfind("\n", 0, pos) + 1
        end = text.find("\n", pos)
        end = len(text) if end == -1 else end
        line = text[start:end].rstrip()
        if line.endswith("|"):
            if run and start != run[-1][1] + 1:
                yield run
                run = []
            run.append((start, end, [c.strip() for c in line[:-1].split("|")]))
        pos = text.find("|", end)
    if run:
        yield run


def _run_tables(text: str, lines: list[Line]) -> list[Table]:
    """The tables of one run of bar lines: one per titled part, the last ending in the row the page cut, if any."""
    if len(lines) < 2:
        return []
    parts = list(_titled_parts(lines))
    last_part = parts[-1][1]
    cut = _cut_row(text, lines[-1][1]) if last_part and sum(map(bool, last_part[-1][2])) > 1 else []
    if cut:
        parts[-1] = parts[-1][0], last_part + cut
    tables = []
    for heading, part in parts:
        parsed = _parse(part)
        if not parsed:
            continue
        header, rows, first, last = parsed
        title, label = _title(text, first[0])
        cut_short = bool(cut) and last == cut[0]
        end = part[-2][1] if cut_short else last[1]  # (a row cut short stays prose too: its last words may be a name)
        tables.append(Table(heading or title, header, rows, first[0], end, label, cut=cut_short))
    return tables


def _cut_row(text: str, end: int) -> list[Line]:
    """The text's last line when it follows a table of rows with no bar: a page cut mid-row keeps the
    row's first cells (规范性文件 | 0 | ⏎ 其他对), and they are the table's last row; a heading is not."""
    start = end + 1
    line = text[start:].rstrip()
    if not line or "\n" in line or len(line) > MAX_CUT_ROW or line.endswith(_SENTENCE_END) or _NOT_CELL.match(line) \
            or _PAGE_WORDS.search(line):
        return []  # (a heading, or the page's buttons under the table: 打印本页 关闭窗口)
    return [(start, start + len(line), [c.strip() for c in line.split("|")])]


def _titled_parts(lines: list[Line]):
    """(title, lines) of each table in a run of rows: a line of one cell over a header row (no number in it)
    opens a table of its own, as the statistics tables of an annual report follow one another with no blank
    line (第二十条第(一)项 | ⏎ 信息内容 | 本年制发件数 | … ⏎ 规章 | 0 | …). Only in a run of rows that holds
    numbers: a one-cell line over a row of numbers labels a group of the same table."""
    filled = [[c for c in cells if c] for _, _, cells in lines]
    opens = [i for i in range(len(lines) - 1) if len(filled[i]) == 1 and len(filled[i + 1]) >= 2
             and not any(_NUMBER.fullmatch(c) for c in filled[i + 1])]
    if opens and len(filled[-1]) == 1:
        opens.append(len(lines) - 1)  # the title of a table the page cut off after it
    singles = sum(len(f) <= 1 for f in filled) - len(opens)  # a title is a line of one cell in a table of rows
    if not opens or 2 * singles >= len(lines) - len(opens) \
            or not any(_NUMBER.fullmatch(c) for f in filled for c in f):
        yield None, lines
        return
    if opens[0] > 0:
        yield None, lines[:opens[0]]
    for i, j in zip(opens, opens[1:] + [len(lines)]):
        yield filled[i][0], lines[i + 1:j]


def _metadata_prefix(run: list[Line]) -> tuple[int, list[tuple[str, str]]]:
    """Leading lines whose cells alternate field names and values describe the notice, not data."""
    pairs: list[list[str]] = []
    used, open_key = 0, False
    if len(run) >= 2 and (keyed := _keys_over_values(run[0][2], run[1][2])):
        pairs, used = keyed, 2  # 索引号 | 发布机构 | 生成日期 | ⏎ 0001/2020 | 县政府办 | 2020-06-09 |
    for _, _, cells in run[used:]:
        step = _field_line(cells, open_key)
        if step is None:
            break
        new, carried, open_key = step
        if carried is not None:
            pairs[-1][1] = carried
        pairs += new
        used += 1
    # A header row like 发文字号|发布日期|标题 passes the walk; real blocks carry values or stand alone.
    if len(pairs) < 2 or (used < len(run) and sum(bool(v) for _, v in pairs) < 2):
        return 0, []
    return used, [(k, v) for k, v in pairs]


def _keys_over_values(keys: list[str], values: list[str]) -> list[list[str]]:
    """A line of field names over a line of as many values, the names a page's own header uses (索引号): the
    fields and their values, else nothing (发文字号 | 发布日期 | 标题 over rows lists documents)."""
    keys, values = [c for c in keys if c], [c for c in values if c]
    if len(keys) < 2 or len(keys) != len(values) or not all(k.rstrip(":") in METADATA_FIELDS for k in keys) \
            or any(v.rstrip(":") in METADATA_FIELDS for v in values) or "索引号" not in keys:
        return []
    return [[k.rstrip(":"), v] for k, v in zip(keys, values)]


def _field_line(cells: list[str], open_key: bool):
    """One line of a header block, or None once a value follows no field name."""
    new: list[list[str]] = []
    carried = None  # value of a field left open at the end of the previous line
    for cell in filter(None, cells):  # empty cells are empty values
        name = cell.rstrip(":")
        key, colon, value = cell.partition(":")
        if colon and value.strip() and key.strip() in METADATA_FIELDS:
            new.append([key.strip(), value.strip()])  # 发布机构: 县政府办公室 | — a field and its value in one cell
            open_key = False
        elif name in METADATA_FIELDS:
            new.append([name, ""])
            open_key = True
        elif not open_key:
            return None
        else:
            if new:
                new[-1][1] = cell
            else:
                carried = cell
            open_key = False
    return new, carried, open_key


def _parse(lines: list[Line]):
    """Dispatch on layout: scrapers mostly leave one cell per line, readers one row per line."""
    if len(lines) < 2:  # one line is a header at best
        return None
    voters = lines[:-1]  # (the last line may be a row the page cut short)
    singles = sum(len(cells) == 1 for _, _, cells in voters)
    return _parse_stream(lines) if singles * 2 >= len(voters) else _parse_rows(lines)


def _parse_rows(lines: list[Line]):
    """Rendered tables: the first multi-cell line heads them unless it already holds data."""
    while lines and len(lines[0][2]) < 2:  # stray single cells before the table
        lines = lines[1:]
    if not lines:
        return None
    first = lines[0][2]
    # The first row of numbers two or three lines down under lines of several cells: the lines above it are
    # one header written over several lines (申请人情况 | ⏎ 自然人 | 法人或其他组织 | ⏎ 商业企业 | …), whatever
    # their cells hold; a line of one cell there labels a group of rows.
    data = next((k for k, (_, _, cells) in enumerate(lines) if any(map(_NUMBER.fullmatch, cells))), 0)
    if 2 <= data <= MAX_HEADER_LINES and all(sum(map(bool, cells)) > 1 for _, _, cells in lines[1:data]):
        header, below = first, data
    else:
        header = [] if any(_NUMBER.fullmatch(c) or _DATA_CELL.search(c) for c in first) else first
        below = 1 if header else 0
    rows = [cells for _, _, cells in lines[below:] if cells != header]
    if not rows or (not header and len(rows) < 2):
        return None
    width = max(len(r) for r in [header, *rows])
    header, *rows = _trim_columns([r + [""] * (width - len(r)) for r in [header, *rows]], bool(header))
    rows = [[_value(c) for c in r] for r in rows]
    return header, rows, lines[0], lines[-1]


def _trim_columns(table: list[list[str]], headed: bool) -> list[list[str]]:
    """Drops the columns at either edge that are empty in every line: the bars a page opened or closed each
    line with (| 规章 | 0 | | ⏎), not cells. An absent header (headed False) does not keep a column."""
    lines = table if headed else table[1:]
    left = next((i for i in range(len(table[0])) if any(line[i] for line in lines)), 0)
    right = next((i for i in range(len(table[0]), left, -1) if any(line[i - 1] for line in lines)), len(table[0]))
    return [line[left:right] if (headed or k) else [] for k, line in enumerate(table)]


def _kind(cell: str) -> int:
    """A cell's shape: 2 a number, 3 a date (7月16日), 4 a percentage, 0 text. Rows of one table repeat
    one sequence of shapes."""
    if _NUMBER.fullmatch(cell):
        return 2
    if _SHORT_DATE.fullmatch(cell):
        return 3
    if cell.endswith("%") and _NUMBER.fullmatch(cell[:-1]):
        return 4
    return 0


def _parse_stream(lines: list[Line]):
    """One-cell-per-line tables: pick the column count under which rows share one pattern of cell
    shapes (numbers, dates, percentages, text), anchored on the first number or date."""
    cells = [c for _, _, cs in lines for c in cs]
    line_of = [i for i, (_, _, cs) in enumerate(lines) for _ in cs]
    numeric = [_kind(c) for c in cells]
    p = next((i for i, kind in enumerate(numeric) if kind >= 2), None)
    if p is None:
        return None
    best = None
    for n, skip, r0 in _candidates(p, len(cells)):
        header = cells[skip:r0]
        starts = _row_starts(cells, header, r0, n, SAMPLE_ROWS)
        full = [s for s in starts if s + n <= len(cells)]
        if not full:
            continue
        patterns = Counter(tuple(numeric[s : s + n]) for s in full)
        pattern, count = patterns.most_common(1)[0]
        key = (count / len(full), -n, -skip)
        if any(kind >= 2 for kind in pattern) and key[0] >= MIN_SCORE and (best is None or key > best[0]):
            best = key, n, skip, r0
    if best is None:
        return None
    _, n, skip, r0 = best
    header = cells[skip:r0]
    starts = _row_starts(cells, header, r0, n, len(cells))
    if not header and len(starts) < 2:
        return None
    rows = [[_value(c) for c in cells[s : s + n]] for s in starts]
    rows[-1] += [""] * (n - len(rows[-1]))  # a table cut off mid-row
    return header, rows, lines[line_of[skip]], lines[-1]


def _candidates(p: int, total: int):
    """(columns, skipped cells, first data cell) such that cell p lies in a full first data row."""
    for n in range(2, min(MAX_COLUMNS, p) + 1):
        for skip in range(min(MAX_SKIP, p - n) + 1):
            if p - skip - n < n and skip + 2 * n <= total:
                yield n, skip, skip + n
    if p < 2:  # no room for a header: the excerpt starts inside the table
        for n in range(p + 1, min(MAX_COLUMNS, total) + 1):
            yield n, 0, 0


def _row_starts(cells: list[str], header: list[str], start: int, n: int, limit: int) -> list[int]:
    """Row boundaries from `start`, dropping header repeats left by two-column page layouts."""
    starts, i = [], start
    while i < len(cells) and len(starts) < limit:
        if header and cells[i : i + n] == header:
            i += n
            continue
        starts.append(i)
        i += n
    return starts


def _title(text: str, start: int) -> tuple[str | None, str | None]:
    """Title lines just above a table; joined only when an 附件 label proves where they begin."""
    lines: list[str] = []
    pos = start
    while pos > 0 and len(lines) <= MAX_TITLE_LINES:
        begin = text.rfind("\n", 0, pos - 1) + 1
        line = text[begin : pos - 1].strip()
        label = _LABEL.fullmatch(line)
        if label:
            if label[2]:
                lines.append(label[2])
            return "".join(reversed(lines)) or None, "附件" + (label[1] or "")
        if len(lines) == MAX_TITLE_LINES or not _title_like(line):
            break
        lines.append(line)
        pos = begin
    return (lines[0] if lines else None), None


def _title_like(line: str) -> bool:
    """Titles are short, not sentences, not dates, and not table cells."""
    return (
        0 < len(line) <= MAX_TITLE_LEN
        and "|" not in line
        and not line.endswith(_SENTENCE_END)
        and not _DATE_LINE.fullmatch(line)
        and not _NUMBER.fullmatch(line)
    )


def _value(cell: str) -> Cell:
    """Plain numbers become int/float; percentages, codes and text stay strings."""
    if not _NUMBER.fullmatch(cell):
        return cell
    plain = cell.replace(",", "")
    return float(plain) if "." in plain else int(plain)
