"""Numbered sections (一、 （一） 1. （1） ① 一是) built into a tree that tolerates scraper damage."""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ..data import load_yaml
from ..re_compat import re_compile
from .genre import default_kind, notice_genre
from .numerals import chinese_to_int

CN = "零〇一二三四五六七八九十"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# Style name, rank (smaller is higher), pattern anchored at a line start.
_LINE_STYLES = [
    ("cn_dun", 1, regex.compile(rf"([{CN}]{{1,3}})(?:、|\.(?!\d)| (?=[\u4e00-\u9fff]))")),
    # 第一部分 总体情况 and 【一】总体情况: other ways of numbering the top level
    ("cn_part", 1, regex.compile(rf"第([{CN}]{{1,3}})部分[\s:、]*")),
    # 第一章 总则: a chapter of rules a 通知 encloses (a 办法, 制度), its title on the line or none
    ("cn_chapter", 1, regex.compile(rf"第([{CN}]{{1,3}})章[\s:、]*")),
    ("cn_bracket", 1, regex.compile(rf"【([{CN}]{{1,3}})(?:】|、(?=[^】\n]{{2,30}}】))")),
    ("cn_paren", 2, regex.compile(rf"\(([{CN}]{{1,3}})\)")),
    ("num_dot", 3, regex.compile(r"(\d{1,2})(?:[、]|\.(?!\d))")),
    ("num_paren", 4, regex.compile(r"\((\d{1,2})\)")),
    ("circled", 5, regex.compile(rf"([{CIRCLED}])")),
    # 、考核内容: a top-level heading whose numeral the page lost, a short title alone on its line.
    ("cn_lost", 1, regex.compile(r"()、(?=[\u4e00-\u9fff]{2,15}$)")),
    # �、总体情况, ��存在问题: a numeral (and its 、) the page's byte-shift damage left unreadable, before a title a
    # phrase of sections.yaml names; its number is the one after the heading before it.
    ("cn_damaged", 1, regex.compile("([?\ufffd]{1,3})、?(?=[\u4e00-\u9fff]{2,15}$)")),
]
# All styles in one match per line: group n + 1 holds the number of style n (the first style listed
# wins, as in a loop over them); a line opening with 附件 matches with no group. re runs it faster.
_MARKED_LINE = re.compile("|".join(pattern.pattern for _, _, pattern in _LINE_STYLES) + "|附件")
# The characters a _MARKED_LINE match opens with, besides a digit: a line opening with none is not matched.
_MARK_OPENINGS = frozenset(CN + "第【(" + CIRCLED + "、?\ufffd附")
# 一是… 二是… / 一要… 二要…: items that may also run inline inside a paragraph.
_ITEM_WORDS = ("是", "要", "要求", "方面")
_INLINE_ITEM = re_compile(rf"(?:^|(?<=[。;:]))([{CN}]{{1,3}})({'|'.join(_ITEM_WORDS)})(?=[^,。]{{2}})",
                          re.MULTILINE)
# A list counts up from an item numbered 1, and a numeral worth 1 ends in 一: no 一是, no list.
_FIRST_ITEM = re.compile(f"一(?:{'|'.join(_ITEM_WORDS)})")
_TITLE_END = re_compile(r"[。!?;]")
_MAX_TITLE = 60
_MAX_LABEL = 20  # a heading's words before a colon that opens its content on the same line
_MAX_BRACKETED_LABEL = 40  # the same words when they end in a bracket (a name and its owner or platform)
# 一、本年新收政府信息公开申请数量 | 3 | 0 |, 三、本年度办理结果 |: a numbered row of a flattened table.
_TABLE_ROW = re.compile(r"\|[^|\n]*\S[^|\n]*\||\|\s*$")
_ATTACHMENT_HEAD = re_compile(r"附件\s*[:\d一二三四五六七八九十]|附件$")
# Only a (一) or 一是 list can stand for a lost top-level heading (an implied section).
_IMPLIES = 2.5


@dataclass
class Section:
    """One heading and the span of text it governs; `children` are its sub-sections."""

    number: str | None
    style: str
    rank: float
    value: int
    title: str
    start: int
    end: int = 0
    kind: str = "other"
    implied: bool = False
    children: list["Section"] = field(default_factory=list)
    title_start: int = 0
    body_start: int = 0

    def to_dict(self, level: int = 1) -> dict:
        return {
            "number": self.number,
            "level": level,
            "title": self.title,
            "kind": self.kind,
            "implied": self.implied,
            "start": self.start,
            "end": self.end,
            "children": [c.to_dict(level + 1) for c in self.children],
        }

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    return load_yaml("sections.yaml")


@lru_cache(maxsize=1)
def _ranked_phrases() -> list[tuple[str, str]]:
    """(phrase, kind), longest first and, on a tie, the kind listed first first."""
    kinds = vocabulary()["kinds"]
    ranked = [(len(phrase), -order, phrase, kind)
              for order, kind in enumerate(kinds) for phrase in kinds[kind]]
    return [(phrase, kind) for _, _, phrase, kind in sorted(ranked, key=lambda r: r[:2], reverse=True)]


@lru_cache(maxsize=4096)  # notices share their headings: 总体情况, 存在问题, 整改要求…
def classify_title(title: str) -> str | None:
    """The kind whose longest phrase occurs in the heading, or None."""
    return next((kind for phrase, kind in _ranked_phrases() if phrase in title), None)


def _problem_score(text: str) -> int:
    return sum(text.count(cue) for cue in vocabulary()["problem_cues"])


# A short heading, a space, then a sentence of its section (清理情况 经检查,…): the page lost the line break.
_SPACED_HEAD = regex.compile(r"[^\s,。;:]{2,10} [^,。;]{2,}[,。;].*")


def _heading_at(match: re.Match, line: str, line_start: int) -> Section | None:
    """The heading a _MARKED_LINE match opens, unless its number or title is unusable."""
    style, rank, _ = _LINE_STYLES[match.lastindex - 1]
    raw = match.group(match.lastindex)
    value = CIRCLED.index(raw) + 1 if style == "circled" else (
        int(raw) if raw.isdigit() else chinese_to_int(raw) if raw else 0)
    if style == "cn_damaged":
        value = 0  # (numbered in sequence once the headings are known)
    if value is None or value < (0 if style in ("cn_lost", "cn_damaged") else 1) or value > 99:
        return None
    marker = match.end()
    rest = line[marker:]
    if _TABLE_ROW.search(rest):
        return None
    end = _TITLE_END.search(rest)
    stop = end.start() if end else None  # where the title stops, and its mark after it
    colon = rest.find(":", 0, _MAX_LABEL + 1)
    if colon < 0 and (closed := rest.find("):", 0, _MAX_BRACKETED_LABEL)) > 0:
        colon = closed + 1  # (一)“甲”(乙县人民政府今日头条号):…: a name with its owner in brackets, then its content
    if colon > 0 and (stop is None or colon < stop) and rest[colon + 1:].strip():
        stop = colon  # (一)政府网站:甲镇…: a label, then its content
    title = rest if stop is None else rest[:stop]
    if " " in title.strip() and (classify_title(head := title.strip().split(" ", 1)[0]) is not None
                                 or _SPACED_HEAD.fullmatch(title.strip())):
        stop = rest.index(head) + len(head)  # 一、总体情况 本次检查中,…: a page put a space for the lost break
        title = rest[:stop]
    if style == "cn_bracket" and title.endswith("】"):
        title = title[:-1]  # 【一、总体情况】: the bracket closes around the number and the title
    if stop is None and len(title) > _MAX_TITLE:
        title = title[:_MAX_TITLE]
    if not title.strip() and style != "cn_chapter":
        return None
    if style == "cn_damaged" and ("\ufffd" not in raw or classify_title(title) is None):
        return None  # (a damaged character before words no section names is no heading)
    body = line_start + marker + (len(rest) if stop is None else stop + 1)
    return Section(sys.intern(raw) or None, style, rank, value, title.strip(), line_start,
                   title_start=line_start + marker, body_start=body)


def _inline_items(text: str, start: int, end: int) -> list[Section]:
    """一是/二是 items inside a span, kept only when they count up from 一."""
    items: list[Section] = []
    if not _FIRST_ITEM.search(text, start, end):
        return items
    for match in _INLINE_ITEM.finditer(text, start, end):
        value = chinese_to_int(match.group(1))
        if value != len(items) + 1:
            continue
        rest_start = match.end()
        stop = _TITLE_END.search(text, rest_start, min(end, rest_start + 200))
        title_end = stop.start() if stop else min(end, rest_start + _MAX_TITLE)
        title = text[rest_start:title_end].split("\n")[0]
        items.append(Section(sys.intern(match.group(1)), "cn_shi", 2.5, value, title.strip(), match.start(),
                             title_start=rest_start, body_start=title_end))
    return items if len(items) >= 2 else []


def _items_opening_lines(text: str, end: int) -> list[Section]:
    """In a titled notice with no numbered heading, 一是/二是 … items that each open a line with a short title a
    section's phrase names (一是抽查总体情况。…): its top level, as (一) is when nothing stands above it."""
    items = _inline_items(text, 0, end)
    if not items or not all((item.start == 0 or text[item.start - 1] == "\n") and len(item.title) <= _MAX_BARE_TITLE
                            for item in items) or sum(classify_title(item.title) is not None for item in items) < 2:
        return []
    for item in items:
        item.rank = 1
    return items


def find_headings(text: str) -> list[Section]:
    """Every line that opens with a section marker, in order, skipping attachment lists."""
    headings: list[Section] = []
    pos = 0
    in_attachment_list = False
    for line in text.split("\n"):
        opening = line[:1]
        match = _MARKED_LINE.match(line) if opening in _MARK_OPENINGS or opening.isdecimal() else None
        if match and not match.lastindex and _ATTACHMENT_HEAD.match(line):
            in_attachment_list = True
        heading = _heading_at(match, line, pos) if match and match.lastindex else None
        if heading and in_attachment_list and heading.style == "num_dot":
            heading = None
        elif heading:
            in_attachment_list = False
        if heading:
            headings.append(heading)
        pos += len(line) + 1
    return headings


def _under_parts(headings: list[Section]) -> None:
    """第一部分 … 第二部分 headings are the top level: the 一、 items after the first are the level below them."""
    first = next((h.start for h in headings if h.style == "cn_part"), None)
    if first is None:
        return
    for heading in headings:
        if heading.style == "cn_dun" and heading.start > first:
            heading.rank = 1.5


def _number_damaged(roots: list[Section]) -> None:
    """A top-level heading whose numeral the damage left unreadable takes the one after the heading before it."""
    previous = 0
    for root in roots:
        if root.style == "cn_damaged" and previous < len(_NUMERALS):
            root.number, root.value = _NUMERALS[previous], previous + 1
        previous = root.value if root.value else previous


_NUMERALS = "一二三四五六七八九十"


def _nest(headings: list[Section], end: int) -> list[Section]:
    """Stack-based tree; a (一) list that restarts at the top level opens an implied section, and so does one
    that restarts under a heading whose next one skips a number (一、 … 三、) or that is the last."""
    roots: list[Section] = []
    stack: list[Section] = []
    tops = [h.value for h in headings if h.rank == 1]
    for heading in headings:
        while stack and stack[-1].rank >= heading.rank:
            stack.pop()
        parent = stack[-1] if stack else None
        if parent is None and heading.rank > _IMPLIES:
            continue  # a 1. list with nothing above it implies no lost heading: page furniture or a plain list
        if heading.rank > 1 and (parent is None or parent.implied or _lost_after(parent, tops)):
            last = parent.children[-1] if parent and parent.children else None
            restart = last is not None and last.style == heading.style and heading.value <= last.value
            if parent is None or restart:
                parent = Section(None, "implied", 1, 0, "", heading.start, implied=True)
                roots.append(parent)
                stack = [parent]
        (parent.children if parent else roots).append(heading)
        stack.append(heading)
    _close(roots, end)
    return roots


def _lost_after(parent: Section, tops: list[int]) -> bool:
    """Whether the top-level heading after `parent` may have been lost: it is the last, or the next skips one."""
    if parent.rank != 1 or not parent.value or parent.value not in tops:
        return False
    at = tops.index(parent.value)
    return at + 1 == len(tops) or tops[at + 1] == parent.value + 2


_MAX_BARE_TITLE = 16


def _promoted(headings: list[Section], text: str, titled: bool) -> list[Section]:
    """In a titled notice with no 一、 heading, a (一), (二) … list that never restarts is its top level (a
    list that restarts, or an excerpt that opens with one, stands for lost 一、 headings, see _nest); with no
    (一) either, headings numbered 1., 2., … (or else (1), (2), …) that stand alone on their lines (1.检查对象 ⏎ …) are."""
    if any(h.rank == 1 for h in headings):
        return headings
    parens = [h for h in headings if h.style == "cn_paren"]
    if titled and len(parens) >= 2 and [h.value for h in parens] == list(range(1, len(parens) + 1)):
        for heading in headings:
            heading.rank -= 1
        return headings
    if parens:
        return headings
    for style in ("num_dot", "num_paren"):  # 1.检查对象, then (1)基本情况 over 1. items
        bare = [h for h in headings if h.style == style and len(h.title) <= _MAX_BARE_TITLE
                and text.startswith("\n", h.title_start + len(h.title)) and not _TITLE_END.search(h.title)]
        if len(bare) >= 2 and [h.value for h in bare] == list(range(1, len(bare) + 1)):
            for heading in bare:
                heading.rank = 1
            return headings
    return headings


_BARE_HEADING = re.compile(r"[^\s,。;:!?“”()|]{2,24}")
_PARAGRAPH_END = ("。", ";", "!", "?")
# 【监测范围】 alone on its line, or over its text on the same line.
_BRACKETED = re.compile(r"【(\w{2,15})】(?!\s)")


def _bare_headings(text: str, end: int, title: str | None) -> list[Section]:
    """In a text with no numbered heading, the lines that name a section's kind or open with a verb ordering work
    alone between paragraphs or after the preamble's colon (通报如下: ⏎ 基本情况 ⏎ …。⏎ 存在的主要问题 ⏎ …; 严格规范格式),
    or any words in 【】 alone on a line (【监测范围】): its top level, unnumbered; two at least, or none."""
    found: list[Section] = []
    previous, pos = "", 0
    # the verbs that open a task's heading in a 通知 that sets work (按时报送发布); in any notice, those that order
    openers = _words("order_verbs") + (_words("task_openers") if title and "通知" in title else ())
    for line in text[:end].split("\n"):
        words = line.strip()
        label = _BRACKETED.match(words)
        if (label and previous.endswith(_PARAGRAPH_END + (":",))) or (
                previous.endswith(_PARAGRAPH_END + (":",)) and words != title and _BARE_HEADING.fullmatch(words)
                and (classify_title(words) is not None or words.startswith(openers))
                and not _numbered(words)):
            start = pos + line.index(words)
            name, name_start, body = (label[1], start + 1, start + label.end()) if label else (words, start, start + len(words))
            found.append(Section(None, "bare", 1, 0, name, start, title_start=name_start, body_start=body))
        if words:
            previous = words
        pos += len(line) + 1
    return found if len(found) >= 2 else []


def _numbered(line: str) -> bool:
    """A line that opens with a section's number (1.检查情况): a numbered heading, not a bare one."""
    match = _MARKED_LINE.match(line)
    return match is not None and match.lastindex is not None


# 下一步,各单位要…: a paragraph that opens with the next step and orders it.
_NEXT_STEP = re_compile(r"^\s*(?:下一步|下步|下一阶段)[^\n]{0,40}?(?:(?<![重主需])要(?!求)|须|务必|必须|请)", re.MULTILINE)


def _closing_tasks(last: Section, text: str) -> list[Section]:
    """A report's last section that closes with a paragraph ordering the next step and no heading of its own
    (…存在问题 ⏎ 甲。⏎ 下一步各部门要…): that paragraph is an implied requirements section."""
    body_start = last.body_start or last.start
    if text.find("下", body_start, last.end) < 0:
        return []
    step = _NEXT_STEP.search(text, body_start, last.end)
    if step is None or any(child.start >= step.start() for child in last.children):
        return []
    start = step.start() + len(step.group()) - len(step.group().lstrip())
    tasks = Section(None, "implied", 1, 0, "", start, end=last.end, kind="requirements", implied=True, body_start=start)
    last.end = start
    return [tasks]


# 第一条 …, 第二条 …: the first two articles of enclosed rules, each opening a line (not 第二十条第(一)项, a
# statistics row citing the regulations).
_FIRST_ARTICLE = regex.compile(r"^\s*第一条(?![第(])", regex.MULTILINE)
_SECOND_ARTICLE = regex.compile(r"^\s*第二条(?![第(])", regex.MULTILINE)


def _outside_articles(headings: list[Section], text: str) -> list[Section]:
    """Rules written as articles (第一条, 第二条 …) have chapters at most: the (一) lists and numbered clauses
    inside their articles are the articles' own items, no sections of the notice."""
    if "第一条" not in text or (first := _FIRST_ARTICLE.search(text)) is None \
            or _SECOND_ARTICLE.search(text, first.end()) is None:
        return headings
    return [h for h in headings if h.start < first.start() or h.style == "cn_chapter"]


def _close(sections: list[Section], end: int) -> None:
    for index, section in enumerate(sections):
        section.end = sections[index + 1].start if index + 1 < len(sections) else end
        _close(section.children, section.end)


def _kind(title: str, default: str | None) -> str | None:
    """A heading's kind: its longest phrase, else the verb it opens with (落实主体责任), else the notice's
    default; in a report of results, a heading that reports a state (监管实施情况) is an overview."""
    kind = classify_title(title)
    if kind == "requirements" and _UNMET.search(title) and _UNMET.sub("", title).find("要求") < 0 \
            and classify_title(_UNMET.sub("", title)) != "requirements":
        kind = "problems"  # 网站栏目未按要求更新: a requirement not met is a shortcoming, no order
    if kind == "other" and default == "requirements" and "联系" not in title and not title.endswith("情况"):
        kind = None  # 主动公开基本目录编制 in a 通知 that sets work: a task, not a report's part (主动公开…情况)
    if _lacking(title) and _names_failing_units(title):
        kind = "problems"  # 未按要求整改的村(社区): the units lacking something, whatever words they hold
    if kind == "problems" and (title.startswith(_words("order_verbs")) and not title.endswith(_words("state_endings"))
                               or _ADDRESSED_ORDER.match(title)):
        kind = "requirements"  # 做好热点问题回应, 各单位要对照问题抓紧整改: an order, whatever it is about
    if kind == "requirements" and _pattern("joined_problems").search(title):
        kind = "problems"  # 存在的问题及整改意见: shortcomings first, their remedy after
    if kind in (None, "overview", "requirements") and _names_failing_units(title):
        kind = "problems"  # 未按期完成整改的单位, 本月未达更新要求的账号: a heading over a list of units, naming their shortcoming
    elif kind in (None, "overview") and _names_praised_units(title):
        kind = "achievements"  # 进展较快的部门, 活跃度较高的政务微博: a heading over a list of units, praising them
    elif kind is None and _names_done_units(title):
        kind = "overview"  # 整改完成的网站(8个): a heading over a list of units, reporting an outcome
    if default == "requirements" and kind in (None, "overview", "problems", "achievements") and (
            ("," in title and _pattern("order_words").search(title))
            or (title.startswith(_words("task_openers")) and (kind == "problems" or "的" not in title))):
        kind = "requirements"  # in a 通知 that sets work: a sentence ordering it (…,各单位要在5月底前完成自查),
        # or a heading opening with a task's verb or manner (对照问题再排查, 立即整改到位, 及时报送整改情况)
    if kind in (None, "overview", "other") and title.startswith(_words("order_manners")) and "的" not in title:
        kind = "requirements"  # 立即整改到位, 及时报送整改情况: a manner of acting orders the act (限期整改的网站 names units)
    if (ranked := _ranked(title)) is not None:
        kind = ranked  # 评估得分前五名, 得分后三名: the end of the ranking it lists decides
    if kind is None and default == "other" and (title.startswith(_words("order_verbs")) or _PAIRED.fullmatch(title)):
        kind = "achievements"  # 强化组织领导,健全工作机制 in an annual report: the body's own work, done
    if kind is None and _pattern("directive_heading").search(title):
        kind = "requirements"  # 各单位要立即组织整改: a heading that tells units to act
    if kind is None and _problem_score(title) > 0 and not title.startswith(_words("order_verbs")):
        kind = "problems"  # 部分单位信息更新仍不及时: a heading that states a shortcoming (清理“僵尸号”: orders it put right)
    if kind is None and title.startswith(_words("order_verbs")) and not title.endswith(_words("state_endings")):
        kind = "requirements"
    if kind is None and default is None and title.endswith(_words("report_overview_endings")):
        kind = "overview"
    if kind is None and default == "requirements" and title.endswith(_words("state_endings")):
        kind = "overview"  # 前期暗访情况 in a 通知 that sets work: what was found before, no task (报送自查情况 orders one)
    return kind or default


# A requirement said unmet (未按要求, 不符合要求, 未达到…要求): the heading states a shortcoming.
_UNMET = re_compile(r"(?:未|没有|不)(?:按|符合|达到|满足)[^,。]{0,6}?要求")
# A heading that tells its addressees to act (各单位要…, 请各乡镇…).
_ADDRESSED_ORDER = re_compile(r"^请|^各[^,。]{0,10}?(?<![重主需回响反供适])(?:要|须|应|务必|必须)(?!求)")
# Two short phrases joined by a comma (建章立制,夯实公开基础), the way work reports title what was done.
_PAIRED = re_compile(r"[^,。;:]{2,12},[^,。;:]{2,12}")


# A heading's count of the units listed under it (…的单位(5个)): no part of its words.
COUNT_NOTE = re.compile(r"\((?:共|计)?\d{1,4}[个家]\)$")


def _list_heading(title: str) -> str | None:
    """A heading over a list of units (…的单位, …的政务新媒体名单), without its count ((5个)); None for others."""
    title = COUNT_NOTE.sub("", title)
    return title if _pattern("list_heading").search(title) is not None else None


def _names_failing_units(title: str) -> bool:
    """仍未整改到位的单位(5个): a heading over a list of units, naming their shortcoming (its count aside)."""
    title = _list_heading(title)
    return title is not None and (
        _problem_score(title) > 0 or _lacking(title) or _lacks_inside(title) or _BELOW_MARK.search(title) is not None
        or (any(w in title for w in _words("remedy_cues")) and not title.startswith("已")))  # (已注销的账号: done)


# 得分低于60分的单位, 合格率低于90%的网站: units below a mark (不低于 sets one).
_BELOW_MARK = re.compile(r"(?<!不)低于")


def _names_praised_units(title: str) -> bool:
    """活跃度较高的政务微博, 进展较快的部门: a heading over a list of units, naming what they did well."""
    title = _list_heading(title)
    return title is not None and _problem_score(title) == 0 and not _lacks_inside(title) \
        and any(w in title for w in _words("praise_cues"))


def _names_done_units(title: str) -> bool:
    """整改完成的网站, 已销号的账号: a heading over a list of units that put their faults right."""
    title = _list_heading(title)
    return title is not None and not _lacks_inside(title) and (
        any(w in title for w in ("完成", "到位", "销号"))
        or (title.startswith("已") and any(w in title for w in _words("remedy_cues"))
            and "但" not in title and "仍" not in title))  # 已关停注销的账号 (已报关停但仍可访问的: not done)


def _ranked(title: str) -> str | None:
    """The kind of a heading that lists the top (前五名) or the bottom (后三名, 末位) of a ranking."""
    if _pattern("rank_bottom").search(title):
        return "problems"
    return "achievements" if _pattern("rank_top").search(title) else None


def _lacks_inside(title: str) -> bool:
    """本月未达更新要求的账号: a negation in the words before a list heading's noun."""
    attribute = title.rpartition("的")[0]
    return re.search(r"未|不(?![断懈忘低少超])", attribute) is not None  # (不低于, 不少于, 不超过 set a mark)


def _lacking(title: str) -> bool:
    """A heading that opens by saying what its units lack (未…, 不…, 无…), not with a word that only holds
    a negation (不断, 无障碍)."""
    return title.startswith("未") or (title.startswith(("不", "无")) and not title.startswith(_words("not_lacking")))


@lru_cache(maxsize=None)
def _pattern(name: str) -> re.Pattern:
    return re.compile(vocabulary()[name])


def orders(text: str) -> bool:
    """Whether the words order something done (各单位要…, 须…, 请…): sections.yaml's order_words, for the findings
    (counts) to read as the sections do."""
    return _pattern("order_words").search(text) is not None


@lru_cache(maxsize=None)
def _words(name: str) -> tuple[str, ...]:
    return tuple(vocabulary()[name])


def _implied_kind(section: Section, text: str, position: int, default: str | None) -> str:
    """A section whose heading was lost: the kind most of its items' headings name, else problems when
    most items state shortcomings, else overview when it opens the body."""
    items = section.children or [section]
    kinds = [kind for kind in (_item_kind(c.title) for c in items) if kind not in (None, "other")]
    if kinds:
        return max(dict.fromkeys(kinds), key=kinds.count)
    cued = sum(1 for c in items if _problem_score(text[c.start:c.end]) >= 2)
    if cued * 2 > len(items):
        return "problems"
    return "overview" if position == 0 else default or "other"


def _item_kind(title: str) -> str | None:
    """An item's kind; an item that is a sentence telling units to act (请…, 各单位要…) orders work, whatever it names."""
    if ("," in title or len(title) > _SENTENCE_ITEM) and (title.startswith("请") or _pattern("order_words").search(title)):
        return "requirements"
    return _kind(title, None)


_SENTENCE_ITEM = 20  # an item title longer than this is a sentence, not a heading


def _content_kind(body: str, kind: str) -> str:
    """整改情况 and its kin: an overview when the body reports what was done more than it orders."""
    done, orders = len(_pattern("done_words").findall(body)), len(_pattern("order_words").findall(body))
    return "overview" if done > orders else kind


def genre_of(text: str, roots: list[Section], title: str | None, body_end: int | None = None) -> str | None:
    """The notice's genre (genre.py) from its title, the text before its first heading and its headings."""
    first = min((s.start for s in roots), default=len(text) if body_end is None else body_end)
    # An annual report's statistics parts, as its headings or as the sub-headings of its overview (一、总体情况
    # (一)主动公开 (二)依申请公开): one such sub-heading may be an inspected field, two are the report's plan.
    statistics = any(classify_title(s.title) == "other" for s in roots) or any(
        sum(1 for child in root.children if classify_title(child.title) == "other") >= 2 for root in roots)
    return notice_genre(text, title, first, statistics, planned=_plans_work(roots))


def _plans_work(roots: list[Section]) -> bool:
    """Two headings or more that plan work to come (自查范围, 检查内容), and none of results or faults."""
    plans = sum(1 for s in roots if s.title.rstrip("。:").endswith(_words("plan_endings")))
    return plans >= 2 and not any(classify_title(s.title) in ("problems", "overview", "achievements") for s in roots)


def _classify(roots: list[Section], text: str, genre: str | None) -> None:
    default = default_kind(genre)
    for position, section in enumerate(roots):
        if section.implied:
            section.kind = _implied_kind(section, text, position, default)
        elif section.style == "cn_chapter":
            section.kind = classify_title(section.title) or "other"  # a chapter of rules reports and orders nothing
        else:
            section.kind = _kind(section.title, default) or "other"
            if section.kind != "problems" and section.title.endswith(_words("by_content")) \
                    and not section.title.startswith(_words("order_manners")):  # (及时报送整改情况 orders)
                section.kind = _content_kind(_body(text, section), section.kind)
    if default is None and not any(r.kind == "problems" for r in roots):
        for section in roots:  # 一、政府网站方面 ⏎ 甲县…未更新: a report that sorts its faults by field
            if section.kind == "other" and section.title.endswith("方面") \
                    and _problem_score(_body(text, section)[:_FIELD_BODY]) > 0:
                section.kind = "problems"
    for section in roots:  # 一、政府门户网站 ⏎ 甲局…未更新: a report that sorts its findings by channel
        if section.kind == "other" and _pattern("matters_heading").match(section.title):
            body = _body(text, section)
            section.kind = "requirements" if _ORDERS.search(body) else "other"
        elif section.kind == "other" and _pattern("channel_heading").search(section.title):
            section.kind = _channel_kind(text, section)
        elif section.kind == "other" and default is None and _pattern("scope_heading").match(section.title):
            section.kind = _channel_kind(text, section, praise=True)  # 一、镇(区) ⏎ 甲镇92分…: by unit group or period
        elif section.kind == "requirements" and default == "requirements" and classify_title(section.title) is None \
                and _sorts_findings(section.title) and _findings_kind(first := _first_paragraph(text, section)) == "problems" \
                and not _ORDERS.search(first):
            section.kind = "problems"  # 一、县级部门 ⏎ 甲局…未更新 in a letter that orders the fixes: its faults, by group
        elif section.kind == "other" and default is None and section.style != "cn_chapter" \
                and classify_title(section.title) is None and _findings_heading(section.title):
            section.kind = _findings_kind(_body(text, section))  # 一、内容更新 ⏎ …
    for section in roots:
        for child in section.walk():
            if child is not section:
                child.kind = section.kind if section.kind != "other" else classify_title(child.title) or "other"


_FIELD_BODY = 200  # characters of a field's section that tell whether it lists faults
# Words that order or plan work in a section's text (各单位要…, 请于…, 将于…组织).
_ORDERS = re_compile(r"(?<![主需重])要(?![求点])|须|请(?<!申请)|务必|必须|应当|将于|将对|将组织")
_FIRST_SENTENCE = re.compile(r"[^。;\n]+")


def _channel_kind(text: str, section: Section, praise: bool = False) -> str:
    """A channel's heading: problems when its first sentence states a shortcoming, else an overview of results;
    with `praise`, achievements when that sentence praises."""
    first = _FIRST_SENTENCE.search(text, section.body_start or section.start, section.end)
    if first and _problem_score(first.group()) > 0:
        return "problems"
    if praise and first and any(cue in first.group() for cue in _words("praise_cues")):
        return "achievements"
    return "overview"


def _body(text: str, section: Section) -> str:
    """A section's text after its heading."""
    return text[section.body_start or section.start:section.end]


def _first_paragraph(text: str, section: Section) -> str:
    """A section's text up to its first line break after some words (a closing order may follow in its own)."""
    start = section.body_start or section.start
    while start < section.end and text[start] in "\n \u3000":
        start += 1
    end = text.find("\n", start, section.end)
    return text[start:end if end >= 0 else section.end]


def _sorts_findings(title: str) -> bool:
    """A heading naming a group of units, a channel or a field (县级部门, 政府网站, 基层政务公开方面)."""
    return bool(_pattern("scope_heading").match(title) or _pattern("channel_heading").search(title)
                or title.endswith("方面"))


def _findings_heading(title: str) -> bool:
    """A short heading a report of results names no kind by (一、内容更新, 二、各镇网站, 三、部分整改): a part of its
    findings, not its method or scope (检查方式, 监测范围) nor an aside (联系方式, 附表说明)."""
    return len(title) <= _FIELD_TITLE and not title.endswith(_words("plan_endings") + _words("method_endings")) \
        and not _pattern("aside_heading").search(title)


def _findings_kind(body: str) -> str:
    """A part of a report's findings: problems when it only states shortcomings (甲镇…未更新), else an overview of
    results, with totals, rates or praise or without (全县共发布信息3476条…)."""
    if _problem_score(body) > 0 and not _pattern("results").search(body) \
            and not any(cue in body for cue in _words("praise_cues")):
        return "problems"
    return "overview"


_FIELD_TITLE = 12  # a heading longer than this is a sentence, whose words say what it is


def build_sections(text: str, body_end: int | None = None, title: str | None = None) -> list[Section]:
    """The section tree of a normalised notice (outline without the genre)."""
    return outline(text, body_end, title)[0]


def outline(text: str, body_end: int | None = None, title: str | None = None) -> tuple[list[Section], str | None]:
    """The section tree of a normalised notice and its genre; `body_end` cuts off the signature and
    appendix, and the notice's `title` tells its genre, which decides the kind of headings no phrase
    classifies."""
    end = len(text) if body_end is None else body_end
    headings = _outside_articles([h for h in find_headings(text) if h.start < end], text)
    _under_parts(headings)
    # With no 一、 heading, lines that name a section's kind alone are the top level, over any (一) list;
    # with none, a (一) or 1. list may be it.
    bare = _bare_headings(text, end, title) if not any(h.rank == 1 for h in headings) else []
    headings = sorted(headings + bare, key=lambda h: h.start) if bare else _promoted(headings, text, title is not None)
    if title is not None and not any(h.rank <= 2 for h in headings):
        headings = sorted(headings + _items_opening_lines(text, end), key=lambda h: h.start)
    roots = _nest(headings, end)
    _number_damaged(roots)
    for node in [n for root in roots for n in root.walk()]:
        if not any(c.rank <= 2.5 for c in node.children) and node.rank < 2.5:
            inline = _inline_items(text, node.body_start or node.start, node.end)
            if inline:
                node.children = inline + node.children
                _close(node.children, node.end)
    genre = genre_of(text, roots, title, body_end)
    _classify(roots, text, genre)
    if roots and roots[-1].kind in ("overview", "problems", "achievements"):
        roots += _closing_tasks(roots[-1], text)
    return roots, genre
