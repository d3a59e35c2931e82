"""Units named in table rows: every row of a ranking or inspection table names a unit."""
from __future__ import annotations

import regex

from ..re_compat import re_compile
from .gazetteer import Ents, ents_of, official, vocab
from .units_text import PLACE_TYPES, SITE_NAME_ENDS, Mention, chains, patterns

_NAME_HEAD = regex.compile(r"名称|单位|乡镇|街道|部门|账号|网站|区县|县区|市州|地区|镇|村|社区")
# Columns naming places by level, coarsest first: a row naming its township and its village names the village.
_LEVEL_HEADS = [regex.compile(r"市州|地区"), regex.compile(r"区县|县区|县\(市"), regex.compile(r"乡镇|街道|^镇"),
                regex.compile(r"村|社区")]
_NOT_NAME_HEAD = regex.compile(r"数|率|平台|问题|责任|时间|序号|得分|分值|类型|描述|备注|情况|金额|日期|\d分|村务|政务")  # (村务公开(40分): a score)
_PLATFORM_HEAD = regex.compile(r"平台|(?<!问题|错误)类型|渠道")
_OWNER_HEAD = regex.compile(r"责任单位|主办单位|运营单位|开办单位|开设单位|运维单位|主管单位|所属单位|开办主体|主办主体")
# A column of accounts and a column of bodies: beside the first, the second names the owners (a site is named
# by its owner, ANNOTATION.md).
_RUN_HEAD = regex.compile(r"账号|新媒体|公众号|微博|微信|抖音")
_BODY_HEAD = regex.compile(r"(?:所属)?(?:单位|部门|地区|区县|县区|市州)(?:名称)?(?:[/、(或](?:单位|部门|地区)\)?)?")  # (所属地区/单位, 地区或部门)
# A table allotting work (序号 | 任务 | 责任单位 | 完成时限; 月份 | 承办单位 | 活动内容): its bodies are given
# tasks, not assessed.
_TASK_HEAD = regex.compile(r"任务|时限|完成时间|工作措施|工作内容|职责分工|承办|活动内容|活动主题")
# A column naming parts of a site (栏目名称 | 主办单位 | 问题描述): the parts are no units, the bodies running them are.
_PART_HEAD = regex.compile(r"(?:问题)?(?:栏目|子栏目|专栏|板块|频道|页面)(?:名称)?$")
# Heads of a table of what is checked or scored (自查项目 | 自查要点 | 分值): its cells name criteria, and with no
# column headed by a name it names no unit.
_CRITERIA_HEAD = regex.compile(r"(?:项目|要点|指标|标准|内容|事项|类别|分值|方法|方式)$")
# Columns of verdicts (等次 | 优秀, 主要扣分项 | …): their cells are grades and faults, never names.
_VERDICT_HEAD = regex.compile(r"等次|等级|评定|扣分|失分|问题|不足|备注")
PROBLEM_HEAD = regex.compile(r"问题|不合格|不足|(?:抽查|检查|核查|监测)情况$|扣分(?:原因|项|事项|情况|说明)|失分(?:点|项|原因)|情况说明|错误(?:内容|表述|信息)?")
_NUMBER = re_compile(r"[\d.,%\s-]*")
_TOTAL = re_compile(r"合计|总计|小计|平均|全县|全市|全区|全省|总数")
_MEDIA_WORDS = regex.compile(r"账号|新媒体|公众号|微信|微博|抖音|头条号|客户端")
TITLE_REACH = 120  # characters above a table that may hold its title and a period line
_CUT = re_compile(r"\(.*$|….*$|\.\.\..*$")


def locate_rows(ctx, table) -> list[list[tuple[str, int, int]]]:
    """Each row's cells as (text, start, end) in the normalised text, found in reading order."""
    text, cursor = ctx.text, table.start
    rows = []
    for row in table.rows:
        cells = []
        for cell in row:
            value = "" if cell is None else str(cell)
            at = text.find(value, cursor, table.end) if value else -1
            if at < 0:
                cells.append((value, cursor, cursor))
            else:
                cells.append((value, at, at + len(value)))
                cursor = at + len(value)
        rows.append(cells)
    return rows


def _is_name_cell(cell) -> bool:
    return isinstance(cell, str) and bool(cell) and not _NUMBER.fullmatch(cell)


def _columns(table) -> tuple[list[int], int | None, int | None]:
    header = [str(h or "").replace(" ", "") for h in table.header]
    parts = [i for i, h in enumerate(header) if _PART_HEAD.match(h)]
    names = [i for i, h in enumerate(header) if (_NAME_HEAD.search(h) and not _NOT_NAME_HEAD.search(h)
                                                  or h.endswith("名称")) and not _OWNER_HEAD.search(h)
             and i not in parts]  # (问题网站名称)
    platform = next((i for i, h in enumerate(header) if _PLATFORM_HEAD.search(h)), None)
    owner = next((i for i, h in enumerate(header) if _OWNER_HEAD.search(h)), None)
    if owner is not None and not names and (parts or any(PROBLEM_HEAD.search(h) for h in header)):
        # 栏目名称 | 主办单位: a site's columns, named by the bodies that run them; 责任单位 | 扣分事项: the body
        # answerable for each fault is the unit at fault
        return [owner], platform, None
    if not names and not parts and not any(_CRITERIA_HEAD.search(h) for h in header):
        width = max((len(r) for r in table.rows), default=0)
        names = [i for i in range(width) if sum(_is_name_cell(r[i]) for r in table.rows if i < len(r)) * 2
                 > len(table.rows) and not (i < len(header) and _VERDICT_HEAD.search(header[i]))]
    if owner is None and any(_RUN_HEAD.search(header[i]) for i in names if i < len(header)):
        # 单位 | 账号名称, 地区 | 账号名称: a column of bodies or places beside a column of their accounts says who runs them
        owner = next((i for i in names if i < len(header) and _BODY_HEAD.fullmatch(header[i])), None)
        names = [i for i in names if i != owner]
    return _finest(names, header), platform, owner


def _finest(names: list[int], header: list[str]) -> list[int]:
    """Of the columns naming places by level (乡镇 | 村(社区)), only the finest: the others say where it is."""
    levels = {i: next((n for n, head in enumerate(_LEVEL_HEADS) if head.search(header[i])), None)
              for i in names if i < len(header)}
    placed = [level for level in levels.values() if level is not None]
    if len(placed) < 2:
        return names
    return [i for i in names if levels.get(i) is None or levels[i] == max(placed)]


def _allots_work(table) -> bool:
    """A task table (任务, 完成时限) with no column of problems: a rectification table (存在问题, 整改时限)
    assesses its units, a task table does not."""
    heads = [str(h or "") for h in table.header]
    return any(_TASK_HEAD.search(h) for h in heads) and not any(PROBLEM_HEAD.search(h) for h in heads)


def table_mentions(ctx) -> list[Mention]:
    """Unit mentions from table rows, with account platforms and owners where the table gives them."""
    out: list[Mention] = []
    for table in ctx.tables:
        names, platform_col, owner_col = _columns(table)
        if not names or _allots_work(table):
            continue
        header = "".join(str(h or "") for h in table.header)
        media = platform_col is not None or bool(_MEDIA_WORDS.search(header)) or _media_title(ctx, table)
        website = "网站" in "".join(str(table.header[i] or "") for i in names if i < len(table.header))
        rows = locate_rows(ctx, table)
        if table.cut and (filled := [i for i, cell in enumerate(rows[-1]) if cell[0]]):
            _, at, _ = rows[-1][filled[-1]]  # a name the page cut short is no name (省草原工作站网 of …网站)
            rows[-1][filled[-1]] = ("", at, at)
        spans = _spans_by_name(rows, names + ([] if owner_col is None else [owner_col]))
        for cells in rows:
            has_owner = owner_col is not None and owner_col < len(cells)
            owner = _cell_mention(cells[owner_col], spans) if has_owner else None
            for cell, mention in (item for col in names if col < len(cells) for item in _items(cells[col], spans)):
                if mention is None:
                    if not (media or website):
                        continue
                    mention = _bare(cell, "new_media" if media else "website")
                    if mention is None:
                        continue
                # an account named after a body: 某县人社局, or the place its owner governs (平寨镇 run by 平寨镇人民政府)
                place_type = mention.type if mention.type in PLACE_TYPES and owner and mention.name in owner.name else None
                body_named = mention.type == "department" or place_type is not None or (
                    mention.type == "website" and not mention.name.endswith(SITE_NAME_ENDS))  # (甲局网站: by its owner)
                if media and not (mention.type == "department" and official(mention.name)):
                    mention.type = "new_media"
                    if platform_col is not None and platform_col < len(cells):
                        mention.platform = _platform(cells[platform_col][0])
                elif website:
                    mention.type = "website"
                if owner is not None:
                    if body_named and (media or website):  # an account or site named after its owner: the owner is the unit,
                        if len(owner.name) > len(mention.name):  # by the fuller of the two names
                            mention.same_as = owner.name
                        else:
                            owner.same_as = mention.name
                        if place_type:  # (平寨镇人民政府: a township's government)
                            owner.type = mention.type = place_type
                        out.append(owner)
                    elif mention.type != "new_media":  # a site is named by its owner (ANNOTATION.md): the
                        mention.same_as = owner.name  # site's own name (某某旅游网) stands for the owner
                        out.append(owner)
                    else:
                        mention.owner = owner.name  # the body that runs an account is its owner, not a unit
                out.append(mention)
    return out


# 区教育局子站: the bureau's sub-site of the portal; 某海事局网: a body's own site by the body's name and 网.
_SITE_WORD = regex.compile(r"(?:门户网站|政府网站|子网站|子站|网站|(?<=[局委办府厅])网)$")


def _site_owner(name: str) -> str:
    """某县人民政府门户网站, 省林业科学研究院网站 in a site column: the body whose site it is; 某某网 keeps its name."""
    if name.endswith(("政府网站", "政府门户网站")):
        return name[: name.rindex("政府") + 2]  # 某市人民政府网站, 某县政府网站: the government, not 某市人民 or 某县
    return _SITE_WORD.sub("", name) or name


def _media_title(ctx, table) -> bool:
    """A table of accounts by its title: its caption, or the lines just above it (a title, then a
    period line such as (监测时间:…))."""
    above = ctx.text[max(0, table.start - TITLE_REACH):table.start]
    return "新媒体" in (table.title or "") or "新媒体" in "".join(above.split("\n")[-3:])


def _clean(value: str) -> str:
    """A cell's name: no spaces, no bracketed or elided tail, no unread characters opening it (��广西海事局)."""
    return _CUT.sub("", value.replace(" ", "")).strip().lstrip("\ufffd")


def _spans_by_name(rows, columns: list[int]) -> dict[str, Ents]:
    """The ruler's spans of each name these columns hold (a cell's whole text, and each item of a cell
    that lists several), from one ruler pass for the whole table."""
    values = [cells[col] for cells in rows for col in columns if col < len(cells)]
    names = {_site_owner(_clean(value)) for value, _, _ in values}
    names.update(_site_owner(_clean(item)) for value, _, _ in values if "、" in value for item in value.split("、"))
    names = list(names)
    return dict(zip(names, ents_of(names)))


def _items(cell: tuple[str, int, int], spans: dict[str, Ents]) -> list[tuple[tuple[str, int, int], Mention | None]]:
    """The cell and the name it holds; a cell that lists names (县商务局、县林业局、杨柳湾镇) as one cell per
    name, when each is a name."""
    value, start, _ = cell
    if "、" in value:
        items, at = [], start
        for item in value.split("、"):
            items.append((item, at, at + len(item)))
            at += len(item) + 1
        mentions = [_cell_mention(item, spans) for item in items]
        if all(mention is not None for mention in mentions):
            return list(zip(items, mentions))
    return [(cell, _cell_mention(cell, spans))]


def _cell_mention(cell: tuple[str, int, int], spans: dict[str, Ents]) -> Mention | None:
    value, start, _ = cell
    name = _clean(value)
    if not name or _NUMBER.fullmatch(name) or _TOTAL.search(name):
        return None
    name = _site_owner(name)
    found = chains(name, 0, len(name), spans[name], start, roles=False)  # (a cell's name plays no role)
    whole = next((m for m in found if m.start == start and m.end == start + len(name)), None)
    if whole is None and (place := _PLACE_CELL.fullmatch(name)) and not patterns()["generic"].match(name):
        # 雁丘县, 但家庙镇 in a name column: a place the gazetteer lacks, or whose first character reads as a word
        # of prose (但, 与), is named by its cell alone
        whole = Mention(start, start + len(name), name, vocab()["suffix_type"][place["level"]], tail_end=start + len(name))
    if whole is None:
        return None
    whole.source, whole.role = "table", False
    return whole


# A cell that is a place's name: two to four Han characters and a level.
_PLACE_CELL = regex.compile(r"\p{Han}{2,4}(?P<level>[市县区旗镇乡]|街道|苏木)")  # (each level a suffix of units.yaml)


def _bare(cell: tuple[str, int, int], type_: str) -> Mention | None:
    value, start, _ = cell
    name = _clean(value)
    quoted = len(name) > 2 and name[0] == "“" and (name[-1] == "”" or _QUOTED_ACCOUNT.fullmatch(name) is not None)
    if quoted:  # a cell that quotes its account's name (“甲发布”, “甲发布”微信公众号) names the account
        name = name[1:name.index("”")]
    if type_ == "website":
        name = _site_owner(name)
    if not 2 <= len(name) <= 20 or _NUMBER.fullmatch(name) or _TOTAL.search(name) or name in vocab()["platforms"]:
        return None
    start += max(value.find(name), 0)
    return Mention(start, start + len(name), name, type_, source="table", tail_end=start + len(name), quoted=quoted)


# A cell holding a quoted name and its account word (“甲发布”微信公众号).
_QUOTED_ACCOUNT = regex.compile(r"“[^“”]{2,20}”[^“”]{1,8}")


def _platform(value: str) -> str | None:
    v = vocab()
    value = value.replace(" ", "")
    for word in sorted(v["platform_by_word"], key=len, reverse=True):
        if word in value:
            return v["platform_by_word"][word]
    return value or None
