"""Lists in the body as objects: their items, and what their context says of the items.

A list is items separated by 、 (和/及 before the last), inside or outside quotes, with or without a
platform in brackets (甲(微信)), on one line or under a heading. Its context makes the items units
even when a name has no known ending: a label (…的部门有:, 分别为, 包括, 如, 其中), a quote after an
account word (微信公众号“甲、乙”), platform brackets, a problem or 名单 heading it stands under, or
a sibling that is a known name. The list keeps its label's predicate and its heading, from which the
problems stage attributes a shortcoming to every item. Names a list's neighbour makes names (a shared
ending, a closing group noun) are sharing.py's.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..re_compat import re_compile
from ..structure.sections import COUNT_NOTE
from .gazetteer import SINGLE_GOV, vocab
from .units_text import Mention, account_shaped, is_role, item_ok, part_or_value, patterns, quoted_terms, trim
from .vocabulary import COUNT, alternation

# Items set apart by spaces alone (甲局 乙局 丙镇), as a page lays out a list whose 、 it dropped.
_SPACED = regex.compile(r"\p{Han}[ \t\u3000]+(?=[\p{Han}“])")
_SPACE_RUN = regex.compile(r"[ \t\u3000]+")

_ADVERB = "(?:主要|具体)?"  # 的单位主要有:, 具体包括: — a word between a label's noun and its verb
MAX_ITEM = 14  # longest name an item without a known ending may have
LABEL_REACH = 80  # characters back a label may start
LABEL_TAIL = 24  # characters before a list that hold the end of any label (…的政务新媒体有:)


@dataclass(slots=True, eq=False)
class Enumeration:
    """A list whose context makes its items units, with what that context says of them."""

    start: int  # the introduction (label, owner and account word), offsets in the normalised text
    end: int
    label: str | None = None  # the label's predicate: …为零的单位: → …为零
    counted: bool = False  # the label is a clause counting the items (发现5个网站存在…问题,): it may be neutral
    heading: str | None = None  # the heading the list stands under as a line of its own
    owner: str | None = None  # the body whose accounts are listed (东湖县微信公众号“甲、乙”)


@dataclass(slots=True, eq=False)
class Scope:
    """Where a stretch stands: the heading it is under and whether it is a line of its own."""

    heading: str | None = None  # the title of the deepest section above, when it is not top level
    line: bool = False  # the stretch is a whole line (a list one item or one list per line)
    sibling: Enumeration | None = None  # the list that ended the sentence before, when a ; ended it
    topic: str | None = None  # the title of the top-level section the stretch stands in
    accounts: bool = False  # the notice speaks of accounts (公众号, 微博, 新媒体…)
    sites: bool = False  # …and says before its first section that it inspected websites too
    place_names: tuple[str, ...] = ()  # …and the short names of the places it is about (澄溪 of 澄溪县): accounts are named so
    sites_only: bool = False  # the notice says it inspected websites and speaks of no account


@lru_cache(maxsize=1)
def _patterns() -> dict[str, regex.Pattern]:
    v = vocab()
    nouns = alternation(v["list_nouns"])
    accounts = alternation(v["account_words"])
    count = COUNT
    holders = alternation(v["list_holders"])
    # A label naming units (…的单位:, …的部门有:, 不合格单位:, 微信公众号中,) makes any names after it units.
    strong_label = (rf"(?:的(?:{nouns}){_ADVERB}(?:有|是|为|包括|名单)?[:,]?|(?:{nouns}){_ADVERB}(?:有|是|为|包括|名单)[:,]?"
                    rf"|(?:{nouns})(?:\([^()]{{1,8}}\))?:|(?:{holders}|{accounts})中,|(?:{accounts}):)$")
    # A weak one (分别为, 包括, 如, 其中) only with a known name or quotes among the items.
    label = (rf"(?:{count}[个家]|分别|分别是|分别为|依次为|包括|包含"
             r"|涉及|如|例如|比如|其中|名单|的有|的是|的为|(?<![立随])即)[:,]?$")
    return {
        # A clause: text up to a hard mark, brackets (which may hold one: (监测时间:…)) kept inside.
        "clause": re.compile(r"(?:[^,;:。!?\n(]+|\([^()\n]{0,40}\)|\()+"),  # re: faster at this class scan
        "han_run": regex.compile(r"\p{Han}{1,10}"),
        # The bracket after an item: its platform, or part of its name (信用中国(海南)).
        "bracket": re_compile(rf"{v['platform_bracket']}|\([^()\n]{{1,12}}\)"),
        # The label patterns end the text and are only tested, never read: (?r) tries them from the end.
        "strong_label": regex.compile(f"(?r){strong_label}"),
        "label": regex.compile(f"(?r){label}"),
        "any_label": regex.compile(f"(?r){strong_label}|{label}"),  # either: one test where any label will do
        # What a label's predicate ends with and drops: the noun of the list and its verb.
        "label_tail": re_compile(
            rf"(?:的?(?:{nouns})?{_ADVERB}(?:有|是|为|包括|涉及|名单|分别为|分别是|依次为)?|分别|分别是|分别为|依次为"
            rf"|{_ADVERB}(?:包括|包含|涉及)|如|例如|比如|其中)$"),
        # A clause counting units before their list: 发现5个网站存在更新不及时问题, / 仍未整改政务新媒体2个, /
        # 3个县市政府网站存在…, (a few words may qualify the noun)
        "counted": re_compile(rf"^(?:(?P<prefix>[^、,\d]{{0,6}}?){count}[个家][^、,\d]{{0,4}}?(?:{nouns}|{accounts})(?P<after>[^、]*)"
                                 rf"|(?P<before>[^、]*?)的?(?:政务)?(?:{nouns}|{accounts})(?:共|计)?{count}[个家])[:,]$"),
        "found": regex.compile(r"^(?:本次|此次|经|通过)?(?:检查|抽查|监测|核查|测评|评估)?中?发现"),
        # A label ending in a good word with no negation before it (内容更新及时, 排名前五).
        "positive_end": regex.compile(rf"(?<![不未没欠])(?:{alternation(v['positive_words'])})$|排名前"),
        "account_label": regex.compile(rf"{accounts}|新媒体|账号"),
        # (a threshold keeps its number: 发布量低于10条的单位: → 发布量低于10条)
        "count": regex.compile(rf"(?<!低于|高于|少于|多于|不足|超过|达到|\d)(?:共|计|合计)?{count}[个家条处]$"),
        # …答复的单位共3个 → …答复, 不合格的有2家 → 不合格; 不合格账号3个 keeps its noun
        "of_noun": regex.compile(rf"的(?:(?:{nouns})(?:有|是|为)?|有|是|为)$"),
        # A label's subject pointing at the list after it (以下单位…为零:): no part of what the items share.
        "forward": regex.compile(rf"^(?:以下|下列)(?:{nouns})?"),
        # A part of a list named by its level (市直部门5个:, 县区中, 乡镇(街道):): it says which items follow,
        # never what they share.
        "level": regex.compile(rf"^(?:其中)?(?:(?:市|县|区|省)(?:直|级|属)|中央|各)?(?:{nouns}|县市区|市县)"
                               rf"(?:\([^()]{{1,8}}\))?(?:中|方面)?(?:共|计)?(?:{count}[个家])?[:,]?$"),
        # What stands between two sibling lists when the second is introduced by its level alone (…;县区3个:).
        "sibling": regex.compile(r"^[;,]?\s*(?P<level>[^,;:。]{1,16})[:,]$"),
        # A sublist closed by its count and group noun, joined to the next (两个乡镇和 / 3个乡镇以及).
        "group_joint": regex.compile(rf"(?P<close>{count}[个家](?:{nouns}))(?:以及|[和及与])"),
        # An item's count or score after its name (肃南县7条, 平澜县96.8分): no part of the name.
        "item_count": re_compile(rf"{count}[条个次处篇件家](?:{nouns})?|\d{{1,3}}(?:\.\d{{1,2}})?分"),
        "own_site": regex.compile(rf"(?:{alternation(v['not_site_names'])})?网"),
        "heading_list": regex.compile(rf"的[^的]{{0,16}}?(?:名单|清单|(?:{alternation(v['list_nouns'])}))$"),
        # Where the predicate after a list's last item opens: a fault, a praise or a good result.
        "predicate": regex.compile(rf"{v['not_item']}|{alternation(v['praise_cues'] | set(v['praise_lists']) | set(v['positive_words']))}|表现"),
        "hard": regex.compile(r"[,;:。!?]"),
        # The last hard mark of a span: .* runs to its end and gives back up to the mark (re reads the span
        # backwards for less than regex's (?r) search costs).
        "last_hard": re_compile(r"(?s).*[,;:。!?]"),
        "account_end": re_compile(rf"(?:{alternation(v['account_words'])})$"),
        # A word that ties a body to the accounts it runs, with or without an account word after it (县文化局开设的
        # 微信公众号“甲、乙”, 县一中所属的“丙、丁”).
        "owner_link": re_compile(rf"(?:开设|管理|运营|主办|运维|注册|开通|主管|下属|所属)的?(?:{alternation(v['account_words'])})?"),
        "site_word": regex.compile(r"(?:政府门户|门户|政府)?网站"),
        "note": regex.compile(rf"\((?:共|计)?(?:\d{{1,4}}(?:\.\d{{1,2}})?|{count})[分个处条家项次篇件]\)"),
        # A grade's band or a count in brackets after a label's words (不合格(60分以下), 优秀(5个)).
        "band": regex.compile(r"\([^()]*\d[^()]*\)$"),
        "column_close": regex.compile(rf"等?{count}?个?(?:栏目|专栏|频道|板块|模块|页面|专题)"),
        "praise": regex.compile(alternation(v["praise_cues"] | set(v["praise_lists"]))),
        "named_praise": regex.compile(alternation(v["named_praise"]) + "|" + v["named_praise_forms"]),
        "salient_fault": regex.compile(r"(?:问题|现象|情况)[^,。;]{0,3}(?:突出|较多|严重)|突出的?问题"),
    }


def enumerations(text: str, offset: int, found: list[Mention], masks: list[tuple[int, int]],
                 scope: Scope | None = None) -> list[Mention]:
    """Items of lists whose context makes them units, new mentions for those not yet found.

    Every found mention that is an item of such a list is given the list (mention.enumeration)."""
    if "、" not in text and "“" not in text and "分别" not in text and not _bracketed_platform(text, 0, len(text)) \
            and not (" " in text and _SPACED.search(text)):
        return []  # no list: one needs 、 or spaces between items, quotes, a pointer (分别为甲和乙), or one item with
        # its platform in brackets
    return listed_units(text, offset, found, masks, scope)


def listed_units(text: str, offset: int, found: list[Mention], masks: list[tuple[int, int]],
                 scope: Scope | None) -> list[Mention]:
    """enumerations without its gate."""
    known = {m.start - offset: m for m in found}
    out: list[Mention] = []
    previous = scope.sibling if scope is not None else None
    for items, intro_start, quoted in _candidates(text, masks):
        mentions, enumeration = _enumeration(text, offset, items, intro_start, quoted, known, scope)
        if enumeration is None and quoted and _goes_on(text, previous, offset, intro_start):
            # 不合格账号4个:“甲”“乙”超过2周未更新,“丙”“丁”存在错别字: the next quoted accounts of the same list
            mentions, enumeration = _enumeration(text, offset, items, intro_start, quoted, known, scope, inherited=True)
        out += mentions
        if enumeration is not None:
            if previous is not None and enumeration.label is None:
                _share_label(text[max(0, previous.end - offset):intro_start], previous, enumeration)
            previous = enumeration
    return out


def _goes_on(text: str, previous: Enumeration | None, offset: int, intro_start: int) -> bool:
    """A quoted run right after a labelled list of quoted accounts in the same sentence, past that list's
    own clause and a comma."""
    if previous is None or previous.label is None and not previous.counted or previous.end - offset > intro_start:
        return False
    between = text[previous.end - offset:intro_start]
    return between.startswith("”") and between.endswith(",") and not any(mark in between for mark in "。;:")


def _share_label(between: str, previous: Enumeration, enumeration: Enumeration) -> None:
    """年报未发布的单位:市直部门…;县区3个:甲县、乙区 — a list introduced by its level alone, right after a
    labelled sibling, shares the sibling's label."""
    sibling = _patterns()["sibling"].match(between)
    if sibling and _patterns()["level"].fullmatch(sibling.group("level")):
        enumeration.label, enumeration.counted = previous.label, previous.counted


def _candidates(text: str, masks: list[tuple[int, int]]):
    """(items, start of the introduction, quoted) of each list: a quote's content with 、 in it,
    runs of adjacent quotes, and the 、-separated items of a clause outside quotes."""
    quote_runs: list[list[tuple[int, int]]] = []
    for start, end in masks:
        if text[start] != "“":
            continue
        if quote_runs and _only_separators(text, quote_runs[-1][-1][1], start):
            quote_runs[-1].append((start, end))
        else:
            quote_runs.append([(start, end)])
    for run in quote_runs:
        if len(run) == 1 and "、" in text[run[0][0]:run[0][1]]:
            yield _split(text, run[0][0] + 1, run[0][1] - 1), run[0][0], True
        elif len(run) > 1:
            yield [(a + 1, b - 1) for a, b in run], run[0][0], True
    cursor = 0
    spaces, brackets, pointed = " " in text, "(" in text, "分别" in text
    if "、" not in text and not spaces and not brackets and not pointed:
        return  # no clause can hold a list outside quotes (most stretches hold none of these marks)
    for start, end in masks + [(len(text), len(text))]:
        for clause in _patterns()["clause"].finditer(text, cursor, start):
            a, b = clause.span()
            if "、" in text[a:b]:  # (in over a slice: cheaper than str.find's argument parsing)
                yield _split(text, a, b), a, False
            elif pointed and (pair := _POINTED_PAIR.fullmatch(text, a, b)):
                yield [pair.span("a"), pair.span("b")], a, False  # 分别为甲局网站和乙局网站: two items
            elif spaces and text.find(" ", a, b) >= 0 and len(spaced := _split_spaced(text, a, b)) > 1:
                yield spaced, a, False
            elif brackets and _bracketed_platform(text, a, b):
                yield _split_after_platforms(text, a, b), a, False
        if end > cursor:  # (max() costs more)
            cursor = end


def _only_separators(text: str, start: int, end: int) -> bool:
    """Between two quotes of one run: nothing, a 、, or a figure noted after the first (“甲”(328条)、“乙”)."""
    return (end - start <= 1 and text[start:end] in ("", "、")) or _NOTED_GAP.fullmatch(text, start, end) is not None


_NOTED_GAP = regex.compile(r"\(\d{1,6}(?:\.\d{1,2})?[条分个次篇件]\)、?")


def _split_spaced(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Items of text[start:end] set apart by spaces between Han characters (a list that lost its 、)."""
    items, item_start = [], start
    for gap in _SPACED.finditer(text, start, end):
        space = _SPACE_RUN.match(text, gap.start() + 1)
        items.append((item_start, space.start()))
        item_start = space.end()
    items.append((item_start, end))
    return items


def _split_after_platforms(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Items of text[start:end] each closed by its platform bracket (甲(微信)乙(抖音), 甲(微信)和乙(抖音): the
    page dropped the spaces between them)."""
    items, item_start = [], start
    for bracket in patterns()["platform_bracket"].finditer(text, start, end):
        conj = patterns()["conj"].match(text, item_start)
        items.append((conj.end() if conj else item_start, bracket.end()))
        item_start = bracket.end()
    return items or [(start, end)]  # what follows the last bracket is the list's predicate


def _split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Items of text[start:end] separated by 、 outside brackets; the last one split at 和/及."""
    items, item_start = [], start
    if "(" not in text[start:end]:  # the common case: no bracket, so every 、 separates
        cut = text.find("、", start, end)
        while cut >= 0:
            items.append((item_start, cut))
            item_start = cut + 1
            cut = text.find("、", item_start, end)
    else:
        depth = 0
        for mark in _SPLIT_MARKS.finditer(text, start, end):
            if mark.group() == "(":
                depth += 1
            elif mark.group() == ")":
                depth = max(0, depth - 1)
            elif depth == 0:  # a 、 outside brackets
                items.append((item_start, mark.start()))
                item_start = mark.start() + 1
    items.append((item_start, end))
    if len(items) > 1:
        a, b = items[-1]
        conj = patterns()["conj"].search(text, a, b)
        if conj and conj.start() > a and b - conj.end() >= 2:
            items[-1:] = [(a, conj.start()), (conj.end(), b)]
        if _CONJUNCTION.search(text, start, end) and _COUNTER.search(text, start, end):
            # (a sublist's close counts its group with 个 or 家, then a conjunction opens the next: most lists hold neither)
            items = [piece for a, b in items for piece in _after_group(text, a, b)]
    return items


# Two items after a pointer, joined by a conjunction (分别为甲和乙, 分别是甲及乙).
_POINTED_PAIR = regex.compile(r"分别(?:为|是):?(?P<a>[^和及与]{2,30})(?:和|及|与)(?P<b>[^和及与]{2,30})")
_SPLIT_MARKS = re.compile("[()、]")  # what _split reads in a list holding brackets
_CONJUNCTION = re.compile("[和及与]")
_COUNTER = re.compile("[个家]")


def _after_group(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """An item holding a sublist's close and the next one's start (乙乡两个乡镇和丙局): two items."""
    if not _COUNTER.search(text, a, b):
        return [(a, b)]  # a close counts its group with 个 or 家: most items hold neither
    joint = _patterns()["group_joint"].search(text, a, b)
    if joint is None or b - joint.end() < 2:
        return [(a, b)]
    return [(a, joint.end("close")), (joint.end(), b)]


@dataclass(slots=True)
class _Context:
    """What stands around a candidate list: its label and what the label, a quote or a heading say."""

    label: str  # the text before the first item back to the label's start
    strong: bool  # the label names units (…的单位:) or counts them (发现5个网站存在…,)
    labelled: bool  # any label, also a weak one (如, 其中, 分别为) or a heading the list stands under
    under_heading: bool
    account_intro: bool  # an owner and account word right before a quoted list (东湖县微信公众号“…”)
    counted: regex.Match | None


def _context(text: str, items: list[tuple[int, int]], intro_start: int, quoted: bool, scope) -> _Context | None:
    """Read the label before a list; the first item gives up a lead word to it (如甲、乙; 包括甲、乙).

    None when nothing before the list can say what it is: a label ends in one of a few words or a
    count, so its last characters decide before the whole label is cut out."""
    p = _patterns()
    first_start = items[0][0]
    lead_cut = first_start if quoted else trim(text, first_start, items[0][1], False)[0]
    label_end = intro_start if quoted else lead_cut
    near = text[label_end - LABEL_TAIL if label_end > LABEL_TAIL else 0:label_end].rstrip("“")  # (max() costs more)
    line_start = scope is not None and scope.line and scope.heading is not None
    if not (quoted or line_start or near.endswith(":") or _counts_before(text, label_end) or p["any_label"].search(near)
            or _bracketed_platform(text, first_start, items[-1][1])):
        return None
    label = text[_label_floor(text, intro_start):intro_start if quoted else first_start]
    if lead_cut > first_start:
        label += text[first_start:lead_cut]
        items[0] = (lead_cut, items[0][1])
    label = label.rstrip("“")
    account_intro = bool(_account_word_before(text, intro_start)
                         or ("”" not in text[intro_start:items[-1][0]] and _linked_before(text, intro_start))) if quoted \
        else near.endswith(":") and bool(p["account_end"].search(near, 0, len(near) - 1))  # 抖音号:甲、乙
    clause = _last_hard(label, 0, len(label) - 1, True) + 1
    counted = p["counted"].search(label[clause:]) if _may_count(label[clause:]) else None
    if counted is None and clause > 0 and _POINTER_CLAUSE.fullmatch(label, clause):
        # 3个网站存在空白栏目,分别是: / 留言回复不及时的账号1个,为: — the clause before the pointer counts the
        # items and names their fault
        # (不合格账号3个,分别为: is read from the label's words, as before)
        before = p["counted"].search(label[_last_hard(label, 0, clause - 1, True) + 1:clause])
        counted = before if before is not None and (before.group("after") or before.group("before")) else None
    if counted and p["level"].fullmatch(label[_last_hard(label, 0, len(label) - 1) + 1:]):
        counted = None  # …的单位:市直部门5个: the count is the level's, the clause before labels the list
    strong = bool(counted or p["strong_label"].search(label) or (label.endswith(":") and p["forward"].match(label)))
    under_heading = scope is not None and scope.line and scope.heading is not None and not label.strip(" ,:")
    labelled = strong or under_heading or bool(p["label"].search(label))
    return _Context(label, strong, labelled, under_heading, account_intro, counted)


def _may_count(clause: str) -> bool:
    """Whether a label's last clause may be one that counts the items (发现5个网站存在…问题,): the counted pattern
    needs 个 or 家 in it and a colon or comma closing it ($ also stands before a last line break)."""
    return ("个" in clause or "家" in clause) and (clause[-1:] in (":", ",") or clause[-2:] in (":\n", ",\n"))


_DAMAGED = regex.compile(r"[?\ufffd]")
# The number of an item or run-in heading opening a label ((三)不合格单位:, 二是…的账号1个,为:).
_NUMBERED = regex.compile(r"^\s*(?:\([一二三四五六七八九十\d]{1,3}\)|[一二三四五六七八九十\d]{1,3}[、.]|[一二三四五六七八九十]是)\s*")
# A clause that only points to the list after it (分别是:, 依次为:, 具体为:, 即:, 为:, 包括:).
_POINTER_CLAUSE = re_compile(r"(?:具体)?(?:分别|依次)(?:是|为)?:?|具体(?:是|为|有|如下):?|即:?|为:?|包括:?|主要(?:是|有):?")


def _enumeration(text, offset, items, intro_start, quoted, known, scope,
                 inherited: bool = False) -> tuple[list[Mention], Enumeration | None]:
    """The new unit mentions of one candidate list and the list, or none when its context does not make it a
    list of units; `inherited`: the list goes on a labelled one before it, whose label makes it one."""
    p = _patterns()
    around = _context(text, items, intro_start, quoted, scope)
    if inherited:
        around = _Context("", True, True, False, False, None)
    if around is None or not (around.labelled or around.account_intro or _bracketed_platform(text, items[0][0], items[-1][1])):
        return [], None  # nothing around the list says what its items are: the common case, decided early
    if any(_platform_name(text[a:b]) for a, b in items):
        return [], None  # 微信公众号、微博等平台: a list of platforms, not of accounts
    if quoted and all(b - a <= 2 for a, b in items) and quoted_terms(text, items[-1][1] + 1):
        return [], None  # “僵尸”“睡眠”网站: quoted terms, no names
    if quoted and (p["column_close"].match(text, items[-1][1] + 1) or patterns()["column_after"].match(text, items[-1][1] + 1)
                   or part_or_value(text, intro_start)):
        return [], None  # “政务公开”、“通知公告”等栏目, 网站“县长信箱”“区长信箱”: parts of a site, no accounts
    # An item a scraper damaged (青??萍?) is left out without ending the list.
    if "\ufffd" in text or "?" in text:
        items = [(a, b) for a, b in items if not _DAMAGED.search(text, a, b)] or items
    named = quoted and around.account_intro  # 微信公众号“甲、乙”: each item is an account's own name, whole
    parsed = [_item(text, a, b, known, last=index == len(items) - 1, whole=named) for index, (a, b) in enumerate(items)]
    if any(item is None for item in parsed[:-1]):
        return [], None  # an item in the middle that is no name: a list of things, not of units
    if parsed[-1] is None:
        parsed.pop()
    bracketed = sum(1 for item in parsed if item[3]) * 2 >= len(parsed)
    known_items = [item for item in parsed if item[2] is not None]
    if not parsed or not (bracketed or around.account_intro or around.strong
                          or (around.labelled and (known_items or quoted))):
        return [], None
    if _THINGS_CLOSE.match(text, parsed[-1][1]) or not (known_items or quoted or bracketed) \
            and any(item[1] - item[0] <= 2 for item in parsed):
        return [], None  # 开放日、直通车等活动, 图解、视频解读占比不足: a list of things, not of units
    if around.counted is not None and not known_items and _COUNTS_PLACES.search(around.counted.group()) \
            and not text[parsed[-1][0]:parsed[-1][1]].endswith(_PLACE_ENDINGS):
        return [], None  # 15个乡镇全部建成专区,公开事项清单化、…: the clause counts places, and these are none
    if len(parsed) == 1 and not (bracketed or around.account_intro or inherited
                                 or (quoted and around.strong and p["account_label"].search(around.label))):
        return [], None  # (one quoted name after a label naming accounts is one: 以下账号存在问题:“甲”…)
    enumeration = _described(text, intro_start + offset, parsed[-1][1] + offset, around, scope)
    platform, item_owners = None, None
    one_quote = quoted and "”" not in text[intro_start:parsed[-1][0]]  # “甲、乙”, not “甲”“乙”
    if owner := (_owner(text, intro_start, known, one_quote) if around.account_intro else None):
        owner.role = True  # named only as the owner of the listed accounts
        enumeration.owner, enumeration.start = owner.name, owner.start
        word = owner.account or _account_word_before(text, intro_start)
        platform = vocab()["platform_by_word"].get(word)  # (县文化局开设的微信公众号“甲、乙”: the word after the link)
    elif around.account_intro and (counted_owners := _counted_owners(text, intro_start, known)):
        owners, word = counted_owners
        platform = vocab()["platform_by_word"].get(word)
        for owner in owners:
            owner.role = True  # 甲局、乙局2个部门的微信公众号“丙、丁”: named only as the owners, in the same order
        enumeration.owner, enumeration.start = owners[0].name, owners[0].start
        if len(owners) == len(parsed):
            item_owners = [owner.name for owner in owners]
    elif around.account_intro and (word := _account_word_before(text, intro_start)):
        platform = vocab()["platform_by_word"].get(word)  # 微信公众号“甲、乙”: on its platform
    accounts = bracketed or around.account_intro or quoted or bool(p["account_label"].search(around.label))
    type_ = _list_type(known_items, accounts)
    out: list[Mention] = []
    for index, (a, b, mention, item_platform) in enumerate(parsed):
        if mention is not None:
            mention.enumeration = enumeration
            continue
        for inner in range(a, b):
            if inner in known:
                known[inner].role = True  # a name found inside the item is part of it (德钦县|教育体育)
        item = Mention(a + offset, b + offset, text[a:b], type_, platform=platform or item_platform,
                       tail_end=_tail(text, b) + offset, quoted=quoted,
                       owner=item_owners[index] if item_owners else enumeration.owner)
        if item.platform is not None:
            item.type = "new_media"
        elif item.name.endswith("政府") and text.startswith(("网站", "门户网站"), b):
            item.type = "website"  # 某市人民政府网站: the government's site
        elif item.name[-1:] in SINGLE_GOV:
            item.type = "government"  # 汀兰县 among townships is a county
        item.role = is_role(text, a, b)
        item.enumeration = enumeration
        out.append(item)
    return out, enumeration


# A count of places (15个乡镇, 3个村(社区)), not of their sites or accounts (3个乡镇网站): the list it counts ends in a
# place's name, which ends as places' names do (a shared ending is written once, on the last item).
_COUNTS_PLACES = re_compile(r"[个家](?>乡镇|乡|镇|街道|村|社区)(?:\((?:街道|社区|区)\))?+(?!网站|门户|子站|政务|微|公众号|账号|新媒体)")
_PLACE_ENDINGS = ("乡", "镇", "街道", "办事处", "村", "社区", "居委会", "苏木", "嘎查")


# What closes a list of things rather than of units: 等 and the kind of thing (等活动213场, 等形式).
_THINGS_CLOSE = regex.compile(r"等(?:\d{1,4}|[一二三四五六七八九十两]{1,3})?[个项类种场次]?"
                              r"(?:活动|形式|方式|措施|举措|载体|渠道|内容|问题|功能|服务|事项|栏目|专栏|指标|领域|工作|平台)")


def _described(text: str, start: int, end: int, around: _Context, scope) -> Enumeration:
    """The list with what its context says of its items: the label's predicate, or its heading."""
    enumeration = Enumeration(start, end)
    counted = around.counted
    if counted and (words := _NUMBERED.sub("", _patterns()["found"].sub("", _counted_words(counted))).strip(" “”,:")):
        enumeration.label, enumeration.counted = (words, True) if len(words) >= 2 else (None, False)
    elif around.labelled and not around.account_intro:
        enumeration.label, enumeration.counted = _predicate(around.label)
    if around.under_heading:
        enumeration.heading = scope.heading
    return enumeration


def _counted_words(counted) -> str:
    """What a clause counting a list's items says of them: the words after the count (不合格账号3个,存在…), or
    before it when only a pointer follows (检查不合格的5个账号分别是: → 检查不合格)."""
    after = counted.group("after")
    if after and _POINTER_CLAUSE.fullmatch(after.strip(" ,:")) and (prefix := counted.group("prefix")):
        return prefix.removesuffix("的")
    return after or counted.group("before") or ""


def _bracketed_platform(text: str, start: int, end: int) -> bool:
    """An item with its platform in brackets (甲(微信)) in text[start:end]; most lists hold no bracket at all."""
    return "(" in text[start:end] and patterns()["platform_bracket"].search(text, start, end) is not None


def _counts_before(text: str, end: int) -> bool:
    """Whether a clause counting units (…5个网站…, …共3家) may stand before `end`: it holds 个 or 家."""
    floor = end - LABEL_REACH if end > LABEL_REACH else 0
    before = text[floor:end]
    return "个" in before or "家" in before


def _label_floor(text: str, position: int) -> int:
    """Where the label before a list starts: two clauses back at most (…的部门有: / 不合格6个,分别为:)."""
    floor = position - LABEL_REACH if position > LABEL_REACH else 0
    cut = position
    for _ in range(2):
        mark = _last_hard(text, floor, cut - 1)
        if mark < 0:
            return floor
        cut = mark
        if text[mark] in "。;!?":
            return mark + 1
    return cut + 1


def _last_hard(text: str, floor: int, end: int, commas_only: bool = False) -> int:
    """The last hard mark in text[floor:end] outside quotes (“监测点前2周内,微信内容无更新”的…), or -1."""
    while True:
        if commas_only:
            mark = text.rfind(",", floor, end)
        else:
            found = _patterns()["last_hard"].match(text, floor, end if end > floor else floor)
            mark = found.end() - 1 if found else -1
        opening = text.rfind("“", floor, mark) if mark >= 0 else -1
        if opening < 0 or text.rfind("”", opening, mark) >= 0:
            return mark
        end = opening  # inside a quote: look before it


def _item(text, a, b, known, last, whole=False):
    """(start, end, known mention, platform) of one item, or None when it is no name.

    A known name must fill its item (with its account word or platform bracket), except the last
    item, where what follows the name is the list's predicate (甲、乙未按要求更新). With `whole`, the
    items are accounts' own names, which a place's name may open (“均口乡村行、黄坊乡情”)."""
    mention = known.get(a)
    if mention is not None and (whole and a + mention.end - mention.start < b
                                or _account_goes_on(text, a + mention.tail_end - mention.start, b)):
        mention = None  # 青山乡融媒(抖音): a place opening an account's name, read with the whole item
    if mention is None and any(start < a < start + m.end - m.start and text.find("、", start, a) < 0
                               for start, m in known.items()):
        return None  # a piece of a known name (县工业|和信息化局): no item
    if mention is not None:
        end = a + mention.end - mention.start
        tail = _tail(text, a + mention.tail_end - mention.start)
        if tail >= b or last or _patterns()["item_count"].fullmatch(text, tail, b):
            # 甘州区10条, 乙乡两个乡镇: the name with its count, or with the count of the list it closes
            return a, end, mention, _platform_after(text, end) or mention.platform
        if a + mention.tail_end - mention.start in known:
            return None  # two names run together (县农业农村局文化和旅游局): no item of a list
        if _patterns()["own_site"].fullmatch(text, tail, b):
            return a, end, mention, None  # 双溪镇政务网: a place's own site is the place
        if mention.type != "government":
            return None  # 乙局解读材料, 甲镇专区内容: a body's name and words about it, no name of a list
        # a known name opening a longer item (德钦县|教育体育) is part of it: the item is read as a whole
    counted = _patterns()["item_count"].search(text, a, b)
    if counted is not None and counted.end() == b and counted.start() - a >= 2:
        b = counted.start()  # 肃南县7条: the name without its count
    bracket = _patterns()["bracket"].search(text, a, b)
    end, platform = b, None
    if bracket is not None:
        if bracket.end() != b and not (last and bracket.group("platform")):
            return None  # 甲(微信)表现较好: in the last item the predicate may follow the platform
        if bracket.group("platform"):
            end, platform = bracket.start(), vocab()["platform_by_word"].get(bracket.group("platform"), "客户端")
        elif _patterns()["note"].fullmatch(text, bracket.start(), bracket.end()):
            end = bracket.start()  # 甲社(76.8分), 乙县(5个): a score or a count, no part of the name
    account = _patterns()["account_end"].search(text, a, end) if platform is None else None
    if account is not None and account.start() - a >= 3:
        end = account.start()  # 迪庆州人社局网: the name without its website or account word
        platform = vocab()["platform_by_word"].get(account.group())
        if account.group().startswith("政府") and text.endswith("人民", a, end):
            end += 2  # 某市人民政府网站: the government's site, named by the government
    if last and platform is None and (predicate := _patterns()["predicate"].search(text, a + 2, end)):
        if any(m_start < a < m_start + m.end - m.start for m_start, m in known.items()):
            return None  # a piece of a known name (发展|和改革委员会): no item
        end = predicate.start()  # 甲、乙表现较好 / 甲、乙未更新: the last item ends where the predicate opens
        if site := _patterns()["site_word"].search(text, a + 2, end):
            end = site.start()  # 甲、乙网站首页长期未更新: the predicate opens with the site's parts
    name = text[a:end]
    core = name[: name.index("(")] if "(" in name else name
    own = whole and account_shaped(core)  # (均口乡村行)
    return (a, end, None, platform) if own or item_ok(core, MAX_ITEM) else None


def _account_goes_on(text: str, tail: int, b: int) -> bool:
    """Whether Han characters after a known name run on to a platform bracket within the item: the name
    opens an account's (溪口乡振兴(微信公众号))."""
    if text.find("(", tail, b) < 0:
        return False
    run = _patterns()["han_run"].match(text, tail, b)
    return run is not None and patterns()["platform_bracket"].match(text, run.end(), b) is not None


def _platform_name(item: str) -> bool:
    v = vocab()
    word = item.split("等", 1)[0]
    return word in v["platforms"] or word in v["account_words"]


def _platform_after(text: str, end: int) -> str | None:
    m = _patterns()["bracket"].match(text, end)
    if m and m.group("platform"):
        return vocab()["platform_by_word"].get(m.group("platform"), "客户端")
    return None


def _tail(text: str, end: int) -> int:
    """The end of an item with its bracket: what a separator after it follows."""
    m = _patterns()["bracket"].match(text, end)
    end = m.end() if m else end
    return end + 1 if text[end:end + 1] == "”" else end


def _owner(text: str, intro_start: int, known: dict[int, Mention], linked: bool) -> Mention | None:
    """The body whose account word stands right before a quoted list (东湖县微信公众号“…”), or, when `linked`, a
    word tying it to the accounts it runs (县文化局开设的微信公众号“甲、乙”, 县一中所属的“丙、丁”)."""
    link = _patterns()["owner_link"]
    for start, mention in known.items():
        if mention.tail_end - (mention.start - start) == intro_start and mention.account:
            return mention
        if linked and link.fullmatch(text, start + mention.end - mention.start, intro_start):
            return mention
    return None


def _account_word_before(text: str, intro_start: int) -> str | None:
    """The account word that ends right before a quoted list (微信公众号“…”), if any."""
    word = _patterns()["account_end"].search(text, max(0, intro_start - 8), intro_start)
    return word.group() if word else None


def _linked_before(text: str, intro_start: int) -> bool:
    """Whether a word tying a body to its accounts ends right before a quoted list (…开设的微信公众号“甲、乙”,
    …所属的“丙、丁”; quotes of their own, “甲”“乙”, are read as quoted names with their owners)."""
    floor = max(0, intro_start - 12)
    return any(_patterns()["owner_link"].fullmatch(text, at, intro_start) for at in range(floor, intro_start - 1))


def _counted_owners(text: str, intro_start: int, known: dict[int, Mention]) -> tuple[list[Mention], str] | None:
    """The bodies listed, then counted, before the account word of a quoted list (甲局、乙局2个部门的微信公众号“…”),
    and that word."""
    counted = _COUNTED_OWNERS.search(text, max(0, intro_start - 24), intro_start)
    if counted is None:
        return None
    ends = {start + (m.end - m.start): m for start, m in known.items()}
    owners, at = [], counted.start()
    while (m := ends.get(at)) is not None:
        owners.append(m)
        start = at - (m.end - m.start)
        at = start - 1 if text[start - 1:start] in ("、", "和", "及") else -1
    return (owners[::-1], counted["acc"]) if owners else None


_COUNTED_OWNERS = regex.compile(rf"{COUNT}个(?:部门|单位|乡镇|街道)的?(?:政务)?"
                                rf"(?P<acc>{alternation(vocab()['account_words'] - vocab()['website_words'])})$")


def _list_type(known_items: list, accounts: bool) -> str:
    if accounts:
        return "new_media"
    types = Counter(item[2].type for item in known_items)
    return types.most_common(1)[0][0] if types else "other"


_PLACE_LABEL = regex.compile(r"\p{Han}{1,7}(?:乡|镇|街道|苏木)")


def _predicate(label_text: str) -> tuple[str | None, bool]:
    """The label's own words of what the items share (…为零的单位: → …为零), and whether they come from
    a clause that counts the items (不合格6个,分别为: → 不合格), which may be neutral."""
    p = _patterns()
    parts = [part.strip(" “") for part in p["hard"].split(label_text) if part.strip(" “")]
    while len(parts) > 1 and p["level"].fullmatch(parts[-1]):
        parts.pop()  # 年报未发布的单位:市直部门5个: — the clause before the level says what the items share
    if not parts or p["level"].fullmatch(parts[-1]) or parts[-1] in vocab()["account_words"] \
            or parts[-1] in vocab()["platforms"]:
        return None, False  # (微信公众号: names the items' platform, not what they share)
    if parts[-1].endswith("涉及"):
        return None, False  # (…未答复,涉及甲、乙: examples of the clause before; 本次检查涉及甲、乙: its scope)
    if _PLACE_LABEL.fullmatch(parts[-1]):
        return None, False  # (古渡乡:古渡村、柳林村: where the items are, not what they share)
    if len(parts) > 1 and p["forward"].match(parts[0]):
        parts = parts[:1]  # 以下账号长期未更新,拟予以关停: what the pointer's own clause says of them
    words = p["forward"].sub("", p["count"].sub("", p["label_tail"].sub("", p["band"].sub("", _NUMBERED.sub("", parts[-1])))))
    words = p["label_tail"].sub("", words) if words != parts[-1] else words  # 涉及单位: a label word and its noun
    if len(words) >= 2:
        return words, False
    if parts[-1].startswith(("分别", "依次", "其中", "即")) and len(parts) > 1 and p["count"].search(parts[-2]):
        # 不合格6个,分别为: / 发现错误信息42条,其中: / 不合格的有2家,即: the counting clause says what the items share
        words = p["forward"].sub("", p["of_noun"].sub("", p["count"].sub("", parts[-2])))
        words = words[words.rfind("发现") + 2:] if "发现" in words else words
        return (words, True) if len(words) >= 2 else (None, False)
    return None, False  # 如, 包括: examples of the clause before, which the problems stage reads


@lru_cache(maxsize=1 << 12)
def praise(words: str) -> bool:
    """A label or heading praising what it lists (得满分的单位, 表现较好, 优秀单位, 内容更新及时); a problem
    that stands out (外链失效问题较为突出) is no praise. Labels and headings recur, so cached."""
    return praises(words)


def praises(text: str) -> bool:
    """praise, uncached: for whole sentences, which do not recur. Quoted words (以“信息不存在”答复) are what a page or
    a reply said, no praise of the unit."""
    p = _patterns()
    if "“" in text:
        text = _QUOTED_WORDS.sub("", text)
    return bool(p["praise"].search(text) or p["positive_end"].search(text)) and not p["salient_fault"].search(text)


_QUOTED_WORDS = re_compile(r"“[^“”]*”")


def names_praised(text: str) -> bool:
    """A sentence naming bodies to praise or rank them (被评为先进单位, 排名前三的是): the words a report on its own
    work uses for others it did well by, as strong as a fault."""
    return _patterns()["named_praise"].search(text) is not None


@lru_cache(maxsize=1 << 10)
def heading_words(title: str) -> str:
    """A heading's words without its count or list noun: 互动回应不及时(3个) → 互动回应不及时,
    检查不合格的政务新媒体名单 → 检查不合格."""
    words = COUNT_NOTE.sub("", title.rstrip("。:")).strip()
    return _patterns()["heading_list"].sub("", words) or words
