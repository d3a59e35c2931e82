"""Unit mentions inside one sentence: suffix chains and quoted names (lists: enumerations.py; names with
no ending: units_bare.py).

A name is cut where the EntityRuler found a name ending (SUFFIX) or a division (DIV); each piece is
trimmed of words a name never starts with, and adjacent pieces chain when the left one is a place
(青神县 + 公安局 + 交通管理大队).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from operator import attrgetter

import regex

from ..re_compat import re_compile
from ..structure.issuer import spam_in
from .gazetteer import (SINGLE_GOV, Ents, division_shorts, divisions, divisions_prefix, province_shorts, townships,
                        vocab)
from .problems_text import judges
from .vocabulary import COUNT, alternation

PLACE_TYPES = ("township", "subdistrict", "community")
SITE_OPENINGS = ("政府", "人民政府", "门户网")  # what a government site word (政府门户网站, 门户网站) opens with


@dataclass(slots=True)
class Mention:
    """One place where a unit is named; offsets are in the normalised text."""

    start: int
    end: int
    name: str
    type: str
    platform: str | None = None
    owner: str | None = None
    role: bool = False  # inspector, author, place or addressee: not an assessment of the unit
    source: str = "text"
    bare: bool = False  # written without its suffix (三闸), resolved within the document
    account: str | None = None  # 微信订阅号, 网站… written right after the name
    tail_end: int = 0  # end of the name plus its account word
    quoted: bool = False
    written: str = ""  # the name as written, when it differs (西街 for 西街街道)
    evidence: bool = True  # set by the caller: assessed here (not in a requirements section, not a role)
    sentence: tuple[int, int] | None = None
    same_as: str | None = None  # a table row's owner and its account named after it: the fuller name of the two
    opening: int = -1  # where its owner, written before it and named only as its owner, starts (县民政局微信“甲”)
    enumeration: object = field(default=None, compare=False)  # the list it is an item of (enumerations.py)


# Sort keys of mentions, read in C rather than by a lambda called for each mention.
BY_START = attrgetter("start")
BY_SPAN = attrgetter("start", "end")


@dataclass(slots=True)
class _Piece:
    start: int
    end: int
    kind: str  # unit type of the ending, or "div" for a division
    suffix: str
    core: int  # characters before the suffix, after trimming
    lead: str | None
    trimmed: bool


def _shorts_opening_with(leads) -> set[str]:
    """Division short forms that open with a lead word (和平, 如东, 由…): the lead is part of the name."""
    longest = max(map(len, leads))
    return {short for short in division_shorts() if any(short[:k] in leads for k in range(1, min(longest, len(short) - 1) + 1))}


@lru_cache(maxsize=1)
def patterns() -> dict[str, regex.Pattern | re.Pattern]:
    """The unit rules' patterns; literal alternations compiled by re, which scans them faster."""
    v = vocab()
    account = alternation(v["account_words"])
    named_words = v["account_words"] - {"账号", "网", "网站", "门户网站", "客户端"}  # what may follow a bare name
    count = COUNT
    nouns = alternation(v["group_nouns"])
    sites = "(?:省级|市级|县级|区级)?(?:人民)?政府(?:门户)?网站"  # 宣城、宿州等市级政府门户网站: governments
    return {
        "quote": re_compile(r"“([^“”\n]{1,40})”"),
        "book": re_compile(r"《[^《》\n]{0,120}》"),
        # (a first character apart from the repeat gives re a class to skip ahead to: a pattern opening with a
        # repeat is tried in full at every character that is no Han character)
        "run": re_compile(r"\p{Han}\p{Han}{0,299}"),
        "lead": re.compile(alternation(v["lead_words"])),
        # 第一名东湖镇, 排名第3的西山乡: a rank is no part of the name after it.
        "rank": regex.compile(r"(?:(?:排名|排)第[一二三四五六七八九十\d]{1,3}[名位]?|第[一二三四五六七八九十\d]{1,3}[名位])"
                              r"(?:的|是|为)?"),  # (第一中学 keeps its 第一)
        # 第一人民医院, 第二中学: an ordinal that opens an institution's name, unlike 第3名 or 第二批.
        "name_word": re.compile(r"第[一二三四五六七八九十\d]{1,3}(?![名位批次轮期届季章条款项个号])|"
                                + alternation(set(v["name_words"]) | _shorts_opening_with(v["lead_words"]))),
        "lead_end": re.compile(f"(?:{alternation(v['lead_words'] | v['role_leads'])})$"),
        # (single characters that open place names, 于都县, 向阳镇, 经开区, open no list: only 由 and 请 do)
        "lead_open": re.compile(f"(?:{alternation({w for w in v['role_leads'] if len(w) > 1} | {'由', '请'})})"),
        "break": regex.compile(alternation(v["break_words"])),
        "place_stop": regex.compile(
            f"{alternation(v['break_words'] | v['lead_words'] | v['not_place_words'])}|[各全本该我其此某]"),
        "generic_place": regex.compile(r"[全本该各我此][省市县区镇乡州]"),
        "never_first": regex.compile(rf"[一二三四五六七八九十两几多]{{0,3}}(?:{alternation(v['never_first'])})"),
        "generic": re.compile(alternation(v["generic_openings"])),
        "not_item": regex.compile(v["not_item"]),
        "role_tail": re_compile(_one_of(v["role_tails"])),
        # The same without the alternatives that reach 对 over up to 20 characters (甲局对…进行检查): read where no 对
        # is in reach, the match is the same, and those two alternatives took ~40% of every match.
        "role_tail_without_to": re_compile(_one_of(t for t in v["role_tails"] if not t.startswith(_TO_TAIL))),
        # 区人力资源和社会保障局(以下简称区人社局): the short name in brackets stands for the one before them.
        "alias": regex.compile(r"\((?:以下)?(?:简称|称)[:“]?(?P<short>\p{Han}{2,12})”?\)"),
        # 来源: 主送: the header's roles; 牵头单位: 责任部门: who is given a task, not who is assessed.
        "role_label": regex.compile(r"(?:来源|发布机构|发文机关|发文单位|主办单位|信息来源|主送|抄送|抄报|联系人"
                                    r"|(?:责任|牵头|配合|协办|承办|参与|协助|完成)(?:单位|部门|科室))\s*:\s*"
                                    r"(?:[^,。;:\n、]{1,20}、){0,8}$"),  # and every item of a list after it
        "account": re_compile(f"的?(?P<acc>{account})"),
        # An account's platform in brackets after its name, with its owner or ID after it (甲(微信公众号,乙局)).
        "platform_bracket": re_compile(v["platform_bracket"]),
        # “甲”“乙”2个账号, “甲”等3个公众号: quoted names counted as accounts.
        "counted_account": re_compile(rf"等?(?:{count}个)?(?P<acc>{account}|(?:政务)?新媒体)"),
        # “甲”(96.8分): a score in brackets after a quoted name.
        "score_after": re_compile(r"\(\d{1,3}(?:\.\d{1,2})?分\)"),
        # “甲之窗”(乙县): the body a quoted site or account belongs to, in brackets after it.
        # (with its platform after a comma: “丙”(丁局,新浪微博))
        "owner_bracket": re_compile(rf"\(([^()“”,。;:、]{{2,16}}?)(?:{alternation(v['running_verbs'])})?(?:,(?P<acc>{account}))?\)"),
        # “甲”(微信公众号), “甲”(区公安局微信公众号): the account word in brackets, after its owner or not
        # (with a score or ID after a comma: “甲”(微博,96.0分))
        "bracket_account": re_compile(rf"\((?P<owner>[^()“”,。;]{{0,20}}?)(?P<acc>{account})(?:账号)?(?:[,:;][^()\n]{{1,30}})?\)"),
        # 微信公众号“甲”, 抖音号:“乙”: an account word introducing quoted names.
        "account_before": re_compile(
            rf"(?P<acc>{alternation(v['account_words'] - v['website_words'] - {'账号'})}|(?:政务)?新媒体)(?:名称)?(?:为|是)?:?$"),
        # “工作动态”栏目: a quoted name that a column word follows names a part of a site, not an account.
        "column_after": re_compile(r"[^,。;、“]{0,2}(?:栏目|专栏|频道|板块|模块|页面|信箱|专题|子栏目)"),
        "thing_after": regex.compile(alternation(v["quoted_thing_nouns"])),
        # words of a slogan or a reform's name, not of an account's (最多跑一次, 不见面审批, 一网通办, 双减, 谁开设谁负责,
        # 一账号一责任人)
        "slogan": regex.compile(r"[不无零最只双谁]|一[网次窗门件站号]|一\p{Han}{1,3}一|放管服|回头看|^[小散弱乱慢差僵睡空冷杂]{2,4}$"),
        # a name made only of faults' adjectives (“小散弱”, “僵尸”): traits, never an account's own name
        "traits": regex.compile(r"[小散弱乱慢差僵睡空冷杂]{2,4}"),
        # what a quoted word opening a clause is when these follow: a practice, a phenomenon (“开而不用”现象)
        "trait_after": regex.compile(r"[的等]?(?:现象|问题|情况|行为|做法|字样|词语|一词|表述|说法|提法|功能|模式)"),
        "miswritten": re_compile(r"(?:被|均)?(?:误写|误为|误作|错写|写成|写为|错为)"),
        "written_as": re_compile(r"(?:误写|误作|错写|写成|写作|写为|错为|误为|应为|更正为|改为)为?$"),
        # a quoted name that ends so names a part or service of a site, not an account
        "thing_end": regex.compile(r"(?:库|系统|平台|网|专栏|栏目|专题|模块|频道|板块|专区|信箱|功能|服务|事项|清单|指南|目录|窗口|概况|简介|内容|动态|公开)$"),
        "numeral_term": regex.compile(r".{0,2}[一二三四五六七八九十百千万两\d]\p{Han}{0,3}"),
        # (吉林省政府网站监管平台 is a platform named after the province, no site of its own)
        "gov_site": regex.compile(r"(?:(?:人民)?政府(?:门户)?|门户)网站?+(?!上|监管|集约|管理平台|平台|群)"),
        # 拉萨市政府网站34个: the sites of a region, counted; the region is the unit, not one site.
        "site_count": regex.compile(r"[0-9一二三四五六七八九十两]{1,4}[个家]"),
        "tail": regex.compile(rf"(?:等{count}?[个家]?|{count}[个家])(?P<noun>{nouns})|等(?P<noun>{sites})|等{count}?[个家]?(?P<acc>(?:政务)?新媒体(?:{account})?|{account})"),
        # Without 等, a tail is a count, 个 or 家, and the group noun right after it (3个单位): what that needs.
        "counted_noun": re_compile(rf"[个家](?:{nouns})"),
        # With 等, what may follow it in a tail: a count, 个 or 家, a group noun, a government's site or an account word.
        "closing_after": regex.compile(rf"等(?=\d|[一二三四五六七八九十两个家省市县区人政新]"
                                       rf"|{nouns}|(?:{account}))"),
        "bare_account": re_compile(rf"(?<!\p{{Han}})(?P<name>\p{{Han}}{{2,8}}?)(?P<acc>{alternation(named_words)})"),
        # Account words a bare account name may end before (bare_accounts drops the website ones).
        "account_gate": re.compile(alternation(named_words - v["website_words"])),
        "conj": re_compile(r"以及|和|及|与"),  # (alternatives that each open with a literal: re skips ahead to them)
        "han": regex.compile(r"\p{Han}{2,6}"),
        # an account's own name: Han characters, with a number or Latin letters after its first two (某某12345, 榕西e家)
        "account_name": re_compile(r"\p{Han}{2,12}|\p{Han}{2,8}[0-9A-Za-z]{1,6}\p{Han}{0,4}"),
        "hanrun": regex.compile(r"\p{Han}+"),
        # The last hard break of a span: .* runs to its end and gives back up to the break (re reads the span
        # backwards for less than regex's (?r) search costs).
        "hard_last": re_compile(r"(?s).*[,;:。!?()\[\]“”《》\n]"),
        "prov": re_compile(alternation(province_shorts())),
        "clause_open": regex.compile(r"(?:^|[,;:。])(?:其中|此外|另外|同时)?$"),
        "not_subject": regex.compile(r"\p{Han}?(?:省|市|政务|政府|人民|日报|卫视|电视|广播|新闻|网|经济|信息|发布|卫生|教育|公安|交通|地区|等|、)|[、“”《(]"),
        "frame_open": regex.compile(r"(?:按照|根据|依据|依照|遵照|对照|参照|为(?:认真)?(?:贯彻)?落实|为贯彻)[^,。;:]{0,120}$"),
        "frame_close": regex.compile(r"(?:[^,。;]{0,24}?|(?:有关|相关|关于)[^,。;]{0,30}?)(?:有关|相关)?(?:工作)?"
                                     r"(?:要求|规定|精神|部署|安排|办法|指标|标准|细则|意见|方案)(?=[,。;]|$)"),
    }


_TO_TAIL = "[^,。;]{0,20}?对"  # how role_tails' alternatives that open a clause with 对 begin
_TO_REACH = 21  # characters after a name within which such an alternative finds its 对


def _one_of(alternatives) -> str:
    """The alternatives of a pattern kept as a list in the data (role_tails) as one group."""
    return "(?:" + "|".join(alternatives) + ")"


def trim(text: str, start: int, core_end: int, prefixable: bool, suffix_len: int = 1) -> tuple[int, str | None]:
    """Where a name starts in text[start:core_end]: after the last break word and any lead words."""
    cut, lead = _trim_piece(text[start:core_end], prefixable, suffix_len)
    return start + cut, lead


@lru_cache(maxsize=1 << 12)
def _trim_piece(piece: str, prefixable: bool, suffix_len: int) -> tuple[int, str | None]:
    """trim of a piece alone: its rules read nothing outside it, and short pieces (各, 全市) recur."""
    return trim_uncached(piece, 0, len(piece), prefixable, suffix_len)


def trim_uncached(text: str, start: int, core_end: int, prefixable: bool,
                  suffix_len: int = 1) -> tuple[int, str | None]:
    """trim computed in place, without the cache (for callers that cache a larger result)."""
    p = patterns()
    pos, lead = start, None
    for m in p["break"].finditer(text, start, core_end, overlapped=True):
        if m.end() > pos and _may_cut(core_end - m.end(), m.group(), prefixable, suffix_len):
            pos, lead = m.end(), m.group()
    while pos < core_end:
        m = max(p["lead"].match(text, pos, core_end), p["rank"].match(text, pos, core_end),
                key=lambda m: m.end() if m else -1)
        if not m or not _may_cut(core_end - m.end(), m.group(), prefixable, suffix_len):
            break
        word = p["name_word"].match(text, pos, core_end)
        if word and word.end() > m.end():
            break  # 经济合作局, 经开区: the lead word (经) opens a word of the name
        pos, lead = m.end(), m.group()
    if pos < core_end and (m := p["never_first"].match(text, pos, core_end)):
        pos, lead = core_end, m.group()  # 3个街道, 所辖社区: a count or a function word, then a bare ending
    return pos, lead


@lru_cache(maxsize=1 << 12)
def item_ok(item: str, longest: int = 6) -> bool:
    """Whether a name with no known ending (a list item 档案馆, an account 平安某某) can be a name: Han
    only, no platform, account word, bare ending (街道) or person, nothing generic, no predicate (未, 存在).
    A pure test of a short string, so cached."""
    v = vocab()
    p = patterns()
    if not (2 <= len(item) <= longest) or not p["hanrun"].fullmatch(item):
        return False
    if item in v["platforms"] or item in v["account_words"] or item in v["never_units"] \
            or (item in v["suffix_type"] and item not in v["body_suffixes"]) or item.endswith(_posts()):
        return False  # a bare ending (街道) names nothing; a whole body's name (档案馆) does
    if p["generic"].match(item) or p["lead"].fullmatch(item) or p["generic_place"].search(item):
        return False
    return not p["not_item"].search(item)


def _may_cut(rest: int, lead: str, prefixable: bool, suffix_len: int) -> bool:
    """Cutting a word off must leave a name: two characters before the ending, or one after a long word.

    A single character (和, 如, 将) is only cut when two stay, so 和平镇 and 如东县 keep theirs; a word
    right before the ending (向街道) leaves a bare ending, which is never a name of its own."""
    if rest >= 2 or rest == 0:
        return True
    word = len(lead)
    return (word >= 2 or lead in vocab()["safe_leads"]) and rest + suffix_len >= 2


def _pieces(text: str, run_start: int, run_end: int, ents: Ents, first: int) -> list[_Piece]:
    """Cut a run of Han characters after each name ending and trim each piece (`first`: index of its first ending)."""
    pieces: list[_Piece] = []
    cursor = run_start
    v = vocab()
    for start, end, label, ident in islice(ents.ends, first, None):
        if start >= run_end:
            break
        if end > run_end:
            continue
        suffix = text[start:end]
        if label == "DIV":
            if (word := _parting_word(text, start, end, pieces)) is not None:
                # 北关街道和县人社局, 县政府办公室会同县委网信办, 更新县政府网站: the word before 县 is no part of a
                # county's name (和县, 会同县, 新县), and 县 opens the next name.
                pieces.append(_Piece(start + len(word), end, "government", text[start + len(word):end], 0, word, True))
                cursor = end
                continue
            if text[end - 1:end + 1] in v["blockers"]:
                continue  # 各乡镇和县级部门: the division's last character opens a word of its own (县级)
            # Only divisions and their short forms may stand before a division (酒泉肃州区).
            covered = cursor
            while covered < start and (nxt := ents.short_at(covered)) is not None and nxt <= start:
                covered = nxt
            name_start, lead = (cursor, None) if covered == start else (start, None)
            if name_start > cursor:
                m = patterns()["lead_end"].search(text, cursor, start)
                lead = m.group() if m else None
                if lead is None and end - start == 2:
                    name_start = _longer_county(text, cursor, start, name_start)
            pieces.append(_Piece(name_start, end, "div", suffix, start - name_start, lead, name_start > cursor))
        elif end - start == 1 and suffix in v["prefixes"] and _opens_next(text, start):
            cursor = start  # 网站和州卫健委: the level after a conjunction opens the next name (州卫健委)
            continue
        elif suffix == "村" and _TOWNSHIP_AFTER_VILLAGE.match(text, end):
            continue  # 黄村坡镇: a 村 inside a township's name, whose ending follows a character or two later
        else:
            cut, kind, lead = _suffix_piece(text[cursor:start], suffix, ident)
            if cut == 1 and kind in PLACE_TYPES and cursor == run_start and text.endswith("、", 0, run_start):
                cut, lead = 0, None  # 吉强镇、将台堡镇: right after 、 a place's first character is its own, no word of prose
            elif cut and kind in PLACE_TYPES and cursor == run_start and text[cursor:end] in townships():
                cut, lead = 0, None  # 黄圩镇、大有镇: a known township opening its run keeps what reads as a word (有)
            elif cut == 0 and kind in PLACE_TYPES and start - cursor >= 2 and text[cursor] in "和及与" \
                    and text[cursor + 1:end] in townships() and text[cursor:end] not in townships():
                cut, lead = 1, text[cursor]  # 甲镇“乙”和马镇微信公众号: the conjunction, then a known township (马镇)
            elif lead is not None and kind in PLACE_TYPES and _known_with_lead(text, cursor + cut, lead, end, run_start):
                cut, lead = cut - len(lead), None
            if cut == start - cursor and kind == "township" and pieces and pieces[-1].end == cursor \
                    and text[pieces[-1].start:end] in townships():
                place = pieces.pop()  # 旧县镇, 新区乡: a known township whose name holds another ending (县, 区)
                pieces.append(_Piece(place.start, end, kind, suffix, start - place.start, place.lead, place.trimmed))
            elif cut == 0 and pieces and pieces[-1].end == cursor and pieces[-1].kind in _PLACES and suffix.endswith(_FIRMS):
                place = pieces.pop()  # 北京某某科技有限公司: a company's name opens with the place it is registered in
                pieces.append(_Piece(place.start, end, kind, suffix, start - place.start, place.lead, place.trimmed))
            else:
                pieces.append(_Piece(cursor + cut, end, kind, suffix, start - cursor - cut, lead, cut > 0))
        cursor = end
    return pieces


def _known_with_lead(text: str, cut: int, lead: str, end: int, run_start: int) -> bool:
    """由旺镇, 向阳峪镇: a word of prose (由, 向) cut off at `cut` that opens a known township's name is part of it,
    unless the name without it is a township too (阳峪镇): then only where the name opens its run, after a mark."""
    known, at = townships(), cut - len(lead)
    return text[at:end] in known and (at == run_start or text[cut:end] not in known)


_FIRMS = ("公司", "集团")
# A company's trade name and its registered place in brackets, before the rest of its name (北辰数科(吉林)…);
# the trade name opens after the last word before it that no name holds (委托|第三方机构|北辰数科).
_FIRM_OPENING = regex.compile(r"(?r)\p{Han}{2,8}\(\p{Han}{2,6}\)$")
_BEFORE_FIRM = regex.compile(r"(?r)委托|机构|单位|由|和|与|及|的")


def _firm_opening(text: str, floor: int, start: int) -> int:
    """Where a company's name opens when its registered place stands in brackets inside it (某某数科(吉林)信息技术
    有限公司), the rest starting at `start`; `start` when nothing of the kind stands before it."""
    opening = _FIRM_OPENING.search(text, max(floor, start - 20), start)
    if opening is None:
        return start
    bracket = text.rindex("(", opening.start(), start)
    cut = _BEFORE_FIRM.search(text, opening.start(), bracket)
    at = cut.end() if cut else opening.start()
    return at if bracket - at >= 2 else start
_PLACES = ("div", "place", "junk")  # pieces ending in a division or a place-like ending, known or not


# A township's ending right after a 村 or a character or two later, the 村 opening no word of its own (村委, 村民…).
_TOWNSHIP_AFTER_VILLAGE = regex.compile(r"(?![村委民务级干组部庄和及与])\p{Han}{0,2}?(?:镇|乡|街道)(?!\p{Han}{0,1}村)")


def _opens_next(text: str, start: int) -> bool:
    """A level (州, 县) right after 和/及/与 that follows a site or account word, not a place: it opens the next name."""
    return start >= 3 and text[start - 1] in "和及与" and text.endswith(("网站", "网", "号", "”", ")"), 0, start - 1)


def _longer_county(text: str, cursor: int, start: int, default: int) -> int:
    """肃南县: a county the gazetteer lacks whose name ends in a shorter county's (南县) takes the one or
    two characters before it, when they open the stretch or follow a lead word (其中)."""
    for k in (1, 2):
        if start - k >= cursor and (start - k == cursor or patterns()["lead_end"].search(text, cursor, start - k)):
            return start - k
    return default


@lru_cache(maxsize=1 << 12)
def _suffix_piece(before: str, suffix: str, kind: str) -> tuple[int, str, str | None]:
    """Where a name ending in `suffix` starts in the text `before` it, its kind and its lead word.

    Only `before` is read, and the same pieces (各, 市, 全县) recur, so results are cached."""
    if suffix in vocab()["central_bodies"]:
        return len(before), "department", None  # 教育部: a whole name, nothing before it is part of it
    cut, lead = trim_uncached(before, 0, len(before), suffix in vocab()["prefixes"], len(suffix))
    if cut < len(before) and (suffix in ("政府", "人民政府") or suffix in SINGLE_GOV):
        kind = "place" if _unknown_place(before, cut, len(before), suffix) else "junk"
    elif before[cut:] in vocab()["partitives"]:
        kind = "junk"  # 甲镇部分村: a part of the place's villages, no name of its own to join the place's
    elif kind in PLACE_TYPES and before[cut:] in vocab()["not_place_words"] and before[cut:] + suffix not in townships():
        kind = "junk"  # 已完成乡政府…, 推动社区…: a verb before the ending of a place names none (建设镇 is one)
    return cut, kind, lead


# Group nouns that close a sublist before 和 (甲镇、乙乡两个乡镇和县财政局); single characters (镇, 乡) would
# also close names, so only these.
_GROUP_ENDS = ("乡镇", "单位", "部门", "街道", "县区", "市州", "镇街")


# Words a division's name may open with that are a conjunction or a verb of joint work when a name or an
# account word stands before them (县民政局和县…, 县政府办公室会同县委网信办…).
_JOINING_WORDS = ("会同", "和", "及", "与")
_JOINING_OPENERS = frozenset(word[0] for word in _JOINING_WORDS)


def conjoining_word(text: str, start: int, end: int) -> str | None:
    """The conjunction or verb (和, 会同) a division's match (和县, 会同县) opens with, when the rest is an
    admin word (县) that may open the next name."""
    word = next((w for w in _JOINING_WORDS if text.startswith(w, start)), None)
    return word if word is not None and text[start + len(word):end] in vocab()["prefixes"] else None


def _parting_word(text: str, start: int, end: int, pieces: list[_Piece]) -> str | None:
    """The characters a division's match opens with that belong to the word before its admin word: a
    conjunction (和县), a verb of joint work (会同县) or the end of a verb (更新县, 完成县)."""
    if text[start] not in _JOINING_OPENERS and text[start + 1:end] not in vocab()["prefixes"]:
        return None  # most divisions open with no joining word and are more than one character and a level
    if _conjoined(text, start, end, pieces):
        return conjoining_word(text, start, end)
    rest = text[start + 1:end]
    verbs = vocab()["not_place_words"]
    if rest in vocab()["prefixes"] and any(text[start - k:start + 1] in verbs for k in (1, 2) if start >= k):
        return text[start]
    return None


def _conjoined(text: str, start: int, end: int, pieces: list[_Piece]) -> bool:
    """和县 right after a name ending or an account word is 和 + 县, and 会同县 is 会同 + 县 anywhere, unless the
    name before may hold the county (马鞍山市和县, 怀化市会同县)."""
    word = conjoining_word(text, start, end)
    if word is None:
        return False
    if len(word) > 1:  # 会同: a verb wherever it stands, unless the place around it names the county (怀化市会同县)
        return not text.endswith(("市", "州", "省"), 0, start)
    if text.endswith(_GROUP_ENDS, 0, start) or text.endswith((")", "”", "》"), 0, start) \
            or text.endswith(tuple(vocab()["account_words"]), 0, start) or text.endswith(("网站", "网"), 0, start):
        return True  # 甲镇、乙乡两个乡镇和县财政局, 两个乡镇(街道)和县财政局, 公众号和县政府网站, 网站和州卫健委: a second name
    if not pieces or pieces[-1].end != start:
        # 在县委、县政府的领导和县民政局的指导下: after a word of prose 和 joins; the county 和县 follows a mark,
        # its province or city (安徽省和县), or a word that points at a place (在和县, 对和县)
        return start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff" and text[start - 1] not in _BEFORE_HE_COUNTY
    return not pieces[-1].suffix.endswith(("省", "市", "州", "盟", "地区", "自治区"))


_BEFORE_HE_COUNTY = "省市州盟区县在对由向与于从到赴至经据"


def _unknown_place(text: str, start: int, end: int, suffix: str) -> bool:
    """白石县, 东陵市: two to four characters before 市/县/区 that may be a place the gazetteer lacks."""
    core = text[start:end]
    return (suffix in "市县区州" and 2 <= len(core) <= 4 and not patterns()["generic"].match(core)
            and not patterns()["place_stop"].search(core))


def _joins(chain: list[_Piece], right: _Piece) -> bool:
    """Whether `right` continues the name that `chain` ends with (区 + 政府 + 金融办)."""
    v = vocab()
    left = chain[-1]
    if right.trimmed or "junk" in (left.kind, right.kind) or (right.kind == "place" and left.kind not in ("div", "place")):
        return False
    if left.kind in ("div", "place") and right.kind == "place":
        return True  # 许昌市|建安区人民政府: a district the gazetteer lacks, inside its city
    if left.kind == "place":
        # An unknown place is a name only with what makes it a body: 政府, a department or an institution
        # (东陵市 + 政府, 东陵市 + 第一中学).
        return right.kind in ("department", "div", "other") or (right.core == 0 and right.suffix in ("政府", "人民政府"))
    if (left.core == 0 and left.suffix in v["prefixes"]) or right.core == 0:
        return True
    if left.kind == "div" or left.suffix in v["place_endings"] or left.suffix in v["central_bodies"]:
        return True  # (交通运输部|海事局: a ministry's bureau)
    if left.suffix == "委" and right.kind == "department" and (
            left.core == 1 or (left.core == 0 and len(chain) > 1 and chain[-2].suffix in v["prefixes"])):
        return True  # 市委|目标绩效办: an office of a party committee
    return right.suffix in v["subunit_endings"] and _chain_type(chain) in ("department", "other")


def _chain_type(chain: list[_Piece]) -> str:
    last = chain[-1]
    if last.kind in ("div", "place"):
        return "government"
    if last.suffix in ("政府", "人民政府") and len(chain) > 1 and chain[-2].kind in PLACE_TYPES:
        return chain[-2].kind
    return last.kind


def _valid(chain: list[_Piece], name: str, type_: str) -> bool:
    last = chain[-1]
    if _bad_name(name, last.suffix) or (chain[0].kind != "div" and _generic_name(name)):
        return False
    if chain[0].kind == "junk" or _admin_only(chain, name):  # a junk piece never joins another
        return False
    if type_ == "government" and len(chain) == 1 and last.kind != "div":
        return last.suffix not in SINGLE_GOV or name in divisions()
    return True


@lru_cache(maxsize=1 << 12)
def _bad_name(name: str, suffix: str) -> bool:
    """Never a name, whatever the pieces: a listed non-unit or platform, too short or long, 我局, 该镇, or an
    autonomous region of no province's name (但与自治区考核要求相比: the words before 自治区 are prose), or a spam
    word a hijacked mirror put in (太阳城集团)."""
    v = vocab()
    return (name in v["never_units"] or name in v["platforms"] or not 2 <= len(name) <= 30 or bool(spam_in(name))
            or _ACCOUNT_INSIDE.search(name, 0, len(name) - 1) is not None
            or _self_reference(name, suffix) or "星级" in name or name.endswith(_posts())
            or _GENERIC_COMMITTEE.search(name) is not None
            or (name.startswith(_GRADES) and not _opens_with_division(name))
            or (suffix == "自治区" and not _opens_with_division(name) and name[:2] not in province_shorts()))


# A village's committees named after no village (公开栏无村务监督委员会签字: every village has one): no name.
_GENERIC_COMMITTEE = regex.compile(r"(?<!村|社区)(?:村务监督委员会|村务监督委|村监委会|监委会|村务公开领导小组)$")


# An account word inside a name, short of its end (“甲”抖音号简介仍标注为原乡政府办公室): words about an account
# run on to an ending, no body's name.
_ACCOUNT_INSIDE = re.compile("公众号|抖音号|头条号|快手号|视频号|微博")


@lru_cache(maxsize=1)
def _posts() -> tuple[str, ...]:
    """A person's post, which a name ending in it (县委常委) is, not a body."""
    return tuple(vocab()["person_titles"])


def _opens_with_division(name: str) -> bool:
    table = divisions()
    return any(name[:k] in table for k in range(2, min(len(name), 9) + 1))


# A grade or verdict opening the words before an ending (不达标社区:, 未达标单位, 优秀乡镇): a label, no name.
_GRADES = ("不", "未", "无", "优秀", "良好", "合格", "达标")  # (not a division's name: 未央区, 无锡市)


@lru_cache(maxsize=1 << 12)
def _generic_name(name: str) -> bool:
    """A generic opening (有关, 各级…) that no division name comes before."""
    return bool(patterns()["generic"].match(name)) and not divisions_prefix(name)


def _group(pieces: list[_Piece]) -> list[list[_Piece]]:
    groups: list[list[_Piece]] = []
    for piece in pieces:
        if groups and groups[-1][-1].end == piece.start and _joins(groups[-1], piece):
            groups[-1].append(piece)
        else:
            groups.append([piece])
    return groups


def _runs_with_ends(text: str, start: int, end: int, ents: Ents):
    """The runs of Han characters in text[start:end] holding a name ending, each with its first ending's index."""
    ends, end_starts = ents.ends, ents.end_starts
    i, count = bisect.bisect_left(end_starts, start), len(ends)
    if i == count or end_starts[i] >= end:
        return  # no name ending anywhere in the stretch: no run can hold a name
    for run in patterns()["run"].finditer(text, start, end):
        run_start, run_end = run.span()
        while i < count and end_starts[i] < run_start:
            i += 1
        if i == count:
            return  # no name ending after this run
        if end_starts[i] < run_end and ends[i][1] <= run_end:  # ends never overlap: the first one decides
            yield run_start, run_end, i


_EVERY = "全各"  # before a level's character (全县, 各市): the name that follows is every body of that level
_LEVEL_CHARS = "省市县区州旗乡镇"
# 城区两个街道: a number of bodies, no name (甲、乙、丙3个村 closes a list, which lists() reads)
_COUNTED_INSIDE = re_compile(r"[\d一二两三四五六七八九十]{1,3}个")
_LEVEL_GROUPS = ("乡镇", "镇街", "县区", "区县", "县市区", "市县", "市州")  # no body's name opens with its level's group


def chains(text: str, start: int, end: int, ents: Ents, offset: int,
           places: list[Mention] | None = None, roles: bool = True) -> list[Mention]:
    """Suffix-chained names in text[start:end], a stretch outside quotes and book titles.

    An unknown place standing alone (青湾区) is a name only before 政府网站, or, put in `places`,
    when the list it stands in names only governments. Without `roles`, no mention's role is read (is_role):
    for callers that read names only."""
    out: list[Mention] = []
    p, account_openers = patterns(), _account_openers()
    for run_start, run_end, first in _runs_with_ends(text, start, end, ents):
        for chain in _group(_pieces(text, run_start, run_end, ents, first)):
            if len(chain) > 1 and chain[-1].core == 0 and chain[-1].suffix == "村" \
                    and text.startswith("长", chain[-1].end) and not text.startswith("长期", chain[-1].end):
                chain = chain[:-1]  # 张家村村长: the village, then its head's post
            s, e = chain[0].start, chain[-1].end
            if s > start and text[s - 1] == ")" and text.endswith(_FIRMS, 0, e):
                s = _firm_opening(text, start, s)
            name, type_ = text[s:e], _chain_type(chain)
            if name.startswith(_LEVEL_GROUPS) or (s > start and text[s - 1] in _EVERY and name[0] in _LEVEL_CHARS) \
                    or (_COUNTED_INSIDE.search(name) and not text.endswith("、", 0, s)):
                continue  # (全县)乡镇便民服务中心, 各市政务服务中心, 城区两个街道: every such body, or a number of them
            lone_place = len(chain) == 1 and chain[0].kind == "place"
            if not lone_place and not _valid(chain, name, type_):
                continue
            site = p["gov_site"].match(text, e) if text.startswith(SITE_OPENINGS, e) else None
            if lone_place and not site:
                if places is not None:
                    places.append(Mention(s + offset, e + offset, name, type_, tail_end=e + offset,
                                          role=roles and is_role(text, s, e, chain[0].lead)))
                continue
            mention = Mention(s + offset, e + offset, name, type_, tail_end=e + offset)
            if site and p["site_count"].match(text, site.end()):
                mention.tail_end = site.end() + offset  # 拉萨市政府网站34个: the region's sites, counted
            elif site and type_ in ("government", "township") and not name.endswith("政府"):
                # 甲县政府网站 names 甲县政府; 甲县门户网站 names the place as written
                government = name + "政府" if site.group().startswith(("政府", "人民政府")) else name
                mention.name, mention.type, mention.written = government, "website", name
                mention.account, mention.tail_end = "网站", site.end() + offset
            elif text[e:e + 1] in account_openers and (acc := p["account"].match(text, e)):
                mention.account, mention.tail_end = acc.group("acc"), acc.end() + offset
                if name.endswith("政府") and acc.group("acc") in vocab()["website_words"]:
                    mention.type = "website"
            mention.role = roles and (is_role(text, s, mention.tail_end - offset, chain[0].lead) or (
                type_ == "government" and text[e:e + 1] == "“"))  # 云南省“勐腊县保护所”网: a qualifier
            out.append(mention)
    return out


@lru_cache(maxsize=1)
def _account_openers() -> frozenset[str]:
    """The characters an account word after a name can start with (的 included): others need no match."""
    return frozenset("的" + "".join(w[0] for w in vocab()["account_words"]))


def is_role(text: str, start: int, end: int, lead: str | None = None) -> bool:
    """Inspector, author, rule-setter, place, addressee or a reference compared with: named, but not assessed."""
    if _HANDLED.match(text, end) and text.endswith(_PASSED_TO, 0, _past_lost_level(text, start)):
        return False  # 转县人社局办理的31件中…, 由县住建局承办的6件…: the body that handled the cases is assessed on them
    if role_before(text, start, lead) and not (text.endswith("在", 0, start) and _own_channel(text, end)):
        return True
    if _compared_with(text, start) and _COMPARED.match(text, end):
        return True  # 年报数据与区司法局统计数据不符: the body whose figures the faulted ones are checked against
    return role_after(text, start, end)


# A case passed on to a body (转, 转交, 由), then what it did with it (办理的, 承办的): the cases it handled.
_PASSED_TO = ("转", "转交", "转给", "由")
_HANDLED = re_compile(r"(?:办理|承办|答复|处理)的")


def _past_lost_level(text: str, start: int) -> int:
    """Where the word before a name ends: before the level the name lost to it, if any (与|区|司法局, 转|县|人社局)."""
    return start - 1 if start > 1 and text[start - 1] in _ADMIN_PREFIXES else start


def _compared_with(text: str, start: int) -> bool:
    """Whether 与 or 同 stands right before the name, or before the level it lost (与|区|司法局)."""
    before = _past_lost_level(text, start)
    return before > 0 and text[before - 1] in "与同"


# What a clause says of two things compared (…与甲局统计数据不符, …同乙局公布的不一致).
_COMPARED = regex.compile(r"[^,。;]{0,20}?(?:不符|不一致|不相符|有出入|相比|对比)")


_CHANNELS = ("网站", "公众号", "账号", "平台", "客户端", "微博")
# 在甲局、乙县人民政府网站中多次出现…: after 在, a channel of the named bodies where a fault was found is no
# place they stand in but their own site or account.
_OWN_CHANNEL = regex.compile(rf"(?:[、和及][^,。;:\n]{{2,60}}?)?(?:{'|'.join(_CHANNELS)})(?=[中上里内])")
_FAULT_FOUND = regex.compile(r"[中上里内][^,。;]{0,30}?(?:出现|发现|存在)")


def _own_channel(text: str, end: int) -> bool:
    """Whether the name ending at `end` (with or without its channel word) is followed by its channel, then
    by a fault found there."""
    if not text.endswith(_CHANNELS, 0, end):
        channel = _OWN_CHANNEL.match(text, end)
        if channel is None:
            return False
        end = channel.end()
    return _FAULT_FOUND.match(text, end) is not None


_ADMIN_PREFIXES = "省市县区州"


def role_before(text: str, start: int, lead: str | None = None) -> bool:
    """A word before the name makes it a place, source or addressee (在…, 由…, 向…)."""
    p = patterns()
    leads = vocab()["role_leads"]
    if lead not in leads and start > 0:  # (the word the name was cut from may hold a shorter one: 已|转)
        m = p["lead_end"].search(text, start - 4 if start > 4 else 0, start)  # (max() costs more)
        if m is None and text[start - 1] in _ADMIN_PREFIXES and start > 1:
            m = p["lead_end"].search(text, start - 5 if start > 5 else 0, start - 1)  # 转|县|住建局: the name lost its 县
        lead = m.group() if m else lead
    if lead in leads or (start > 0 and text[start - 1] == "、" and _list_opened_by_lead(text, start)):
        return True
    if counted_before(text, start):
        return True  # 对6个街道便民服务中心进行检查: a count before the words makes them a class, no one named
    if start == 0 or not (text[start - 1] in ":、" or text[start - 1].isspace()):
        return False  # a label's list runs up to the name: right before it stand its colon, an item's 、 or spaces
    window = start - _ROLE_WINDOW if start > _ROLE_WINDOW else 0
    return ":" in text[window:start] and bool(p["role_label"].search(text, window, start))


def counted_before(text: str, start: int) -> bool:
    """Whether a count (6个, 两家, 多所) stands right before `start`."""
    return start > 1 and text[start - 1] in "个家所" and (text[start - 2].isdigit() or text[start - 2] in "一二三四五六七八九十两几多")


# The last mark before a 、-list's first item: .* runs to the item and gives back up to the mark (re reads the
# span backwards for less than regex's (?r) search costs).
_LIST_OPENING = re_compile(r"(?s).*[\s,。;:“”()]")
_LIST_REACH = 160  # characters a 、-list may run before a name in it


def _list_opened_by_lead(text: str, start: int) -> bool:
    """由甲、乙统一运用, 会同甲、乙: a role word before a 、-list's first item (three characters at least, so the
    word is no part of a name: 组织部, 联合社) covers the name after it, also where that item is no name the
    rules know."""
    floor = start - _LIST_REACH if start > _LIST_REACH else 0  # (max() costs more)
    mark = _LIST_OPENING.match(text, floor, start)
    first = mark.end() if mark else floor
    first_end = text.find("、", first, start)
    return first_end - first >= 4 and patterns()["lead_open"].search(text, first, first_end - 3) is not None


_DOCUMENTS = ("报告", "报表", "方案", "要点", "办法", "计划", "总结", "目录")
_FAULT_REACH = 80  # characters after a document's name over which its fault may be told
_LATE_OR_WRONG = re_compile(r"[^。;]{0,80}?(?:晚于|迟于|迟至|逾期|超过|未|不一致|不规范|不完整|错误|错别字|误写|误为|旧版|缺少|缺失"
                            r"|才(?:发布|公开|上网|报送))")
_ROLE_WINDOW = 180  # a label, its colon and the items of a list before the name


def role_after(text: str, start: int, end: int) -> bool:
    """What follows the name makes it the inspector or an author (X组织开展…, 按照X要求)."""
    p = patterns()
    if text[end:end + 1] == "(" and (alias := p["alias"].match(text, end)):
        end = alias.end()  # 县政务公开办(以下简称县公开办)对…检查: what follows the short name tells
    at = end + (text[end:end + 1] == " ")
    tails = p["role_tail"] if "对" in text[at:at + _TO_REACH] else p["role_tail_without_to"]
    if tail := tails.match(text, at):
        # 甲局2022年度报告于2月发布,晚于规定时限; 甲局网站《…》一文中,“治理”误写为“治里”: the author or the site of
        # a document faulted in its sentence is assessed
        return not ((tail.group().endswith(_DOCUMENTS) or tail.group() == "《")
                    and _LATE_OR_WRONG.match(text, tail.end(), tail.end() + _FAULT_REACH))
    # 按照…X…要求: a body that set the rules of the inspection.
    clause_start = start - 130 if start > 130 else 0  # (max() costs more)
    before = text[clause_start:start]  # (one slice and three in tests cost less than three str.find calls)
    if "照" not in before and "据" not in before and "为" not in before:
        return False  # every word opening a frame (按照, 根据, 为落实…) holds one of these
    frame = p["frame_open"].search(text, clause_start, start)
    return bool(frame and p["frame_close"].match(text, end))


def quoted(text: str, ents: Ents, offset: int, accounts: bool = False, accounts_only: bool = False) -> list[Mention]:
    """“Name” followed by an account word, or a quoted body name (“市信访局”经…); in a notice that speaks of
    accounts (`accounts`), also a quoted name after its owner that the clause after it faults; in one that
    inspected accounts and no sites (`accounts_only`), a name ending as either does (某某在线) is an account's."""
    p = patterns()
    v = vocab()
    out: list[Mention] = []
    matches = list(p["quote"].finditer(text))
    run_first: list[int] = []  # the first quote of the run of adjacent quotes each quote is in
    for i, mt in enumerate(matches):
        gap = text[matches[i - 1].end():mt.start()] if i else None
        run_first.append(run_first[-1] if gap in ("", "、") else i)
    last = -1
    accounts_before = False  # a run of quoted accounts came earlier in the stretch
    for index, m in enumerate(matches):
        content, runner = m.group(1), None  # runner: the body that runs the account, before it or in brackets after
        # Adjacent quotes share the account word after the last one (“市应急局”“市住建局”网站).
        last = index if index > last else last
        while last + 1 < len(matches) and matches[last + 1].start() == matches[last].end():
            last += 1
        if content in v["platforms"] or content in v["never_units"] or p["generic"].match(content) or "、" in content:
            continue  # (“甲、乙、丙”: a quoted list, which enumerations.py reads item by item)
        quote_start = m.start()
        if p["miswritten"].match(text, m.end()) \
                or p["written_as"].search(text, quote_start - 4 if quote_start > 4 else 0, quote_start):
            continue  # 将“县人社局”误写为“县人设局”: the words a page got wrong, no body named
        if _PART_BEFORE.search(text, quote_start - 3 if quote_start > 3 else 0, quote_start):
            continue  # 首页菜单“景区导览”, 栏目“工作动态”: a part of a site or account, named after its kind
        after = matches[last].end()
        if _PART_AFTER.match(text, after) or part_or_value(text, matches[run_first[index]].start()):
            continue  # “甲”菜单, 网站“乙”, 公众号简介为“丙”: a part of a site or account, or what it shows
        acc = p["account"].match(text, after) if text[after:after + 1] in _account_openers() else None
        acc = acc or p["counted_account"].match(text, after) or p["bracket_account"].match(text, after)
        ahead = acc is None and (acc := _account_closing(text, after)) is not None
        intro = _account_intro(text, matches, index)
        if intro is not None and intro.group("acc").endswith("新媒体") and content.startswith(_PLATFORM_WORDS):
            intro = None  # 政务新媒体“微博转发”不规范: a quoted practice, no account
        if intro is not None and (p["column_after"].match(text, after) or not p["account_name"].fullmatch(content)
                                  or p["traits"].fullmatch(content)
                                  or ((p["trait_after"].match(text, after) or p["thing_after"].match(text, after))
                                      and not account_shaped(content))
                                  or (intro.group("acc").endswith("新媒体") and _CAMPAIGN.search(content))):
            intro = None  # a column (“工作动态”栏目), a practice (新媒体“一号多发”问题), or a quoted list that
            # enumerations.py reads item by item
        whole = _whole_name(text, m.start(1), m.end(1), ents, offset)
        site_of = None
        if whole is None and content.endswith(_OWN_SITE_WORDS):  # “某镇人民政府网”: the body's own site
            cut = m.end(1) - (2 if content.endswith("网站") else 1)
            if (site_of := _whole_name(text, m.start(1), cut, ents, offset)) is not None:
                whole, content = site_of, text[m.start(1):cut]
        word = acc.group("acc") if acc else intro.group("acc") if intro else None
        if whole is not None and word is None and (owned := p["owner_bracket"].match(text, after)) \
                and content not in owned.group(1) and _bracket_owner(text, owned, ents, offset) is not None:
            whole = None  # “河桥古镇”(河桥镇主办): a name like a place's, run by another body, is its account
        if whole is not None and (word is None or word in v["website_words"]):
            type_, platform = whole.type, None  # a body, or a site named by its owner (“盘锦市公安局”网站)
            if site_of is not None and type_ == "government":
                type_ = "website"
        elif word and p["han"].match(content) and not (len(content) <= 2 and intro is None and quoted_terms(text, after)):
            type_ = "website" if word in v["website_words"] else "new_media"
            platform = None if type_ == "website" else v["platform_by_word"].get(word)
        elif p["score_after"].match(text, after) and p["account_name"].fullmatch(content):
            type_, platform = "other", None  # “甲”(96.8分): a ranked site or account, its kind unsaid
        elif (owned := p["owner_bracket"].match(text, after)) and p["account_name"].fullmatch(content) \
                and (owner := _bracket_owner(text, owned, ents, offset)) is not None:
            # “甲之窗”(乙县), “丙在线”(丁局,微信公众号): a site or account after the body that runs it
            type_, platform = ("website" if _site_named(content, accounts_only) else "new_media"), None
            if owned.group("acc"):
                type_ = "website" if owned.group("acc") in v["website_words"] else "new_media"
                platform = v["platform_by_word"].get(owned.group("acc"))
            runner = owned.group(1)
            if owner is not True:
                out.append(owner)
        elif (runner := _linked_owner(text, m, after, ents, offset)) is not None:
            # 县一中所属的“甲”, 某局主办的“乙网”: a word that ties a body to what it runs, then its own name
            type_, platform = ("website" if content.endswith(SITE_NAME_ENDS) else "new_media"), None
        elif accounts and (runner := _account_after_owner(text, m, after, ents, offset)) is not None:
            # 县农业局“丰收农业”仅更新2次, 县卫生局的“健康某某”坚持每日发布: a body's account or site by its own name
            type_, platform = ("website" if content.endswith(SITE_NAME_ENDS) else "new_media"), None
        elif accounts and _judged_account(text, matches, index, run_first[index], after):
            type_, platform = "new_media", None  # (notice on accounts) “甲”转载文章未标注来源: an account judged
        elif accounts_before and p["account_name"].fullmatch(content) and _FAULT_AFTER.match(text, after):
            type_, platform = "new_media", None  # …“甲”超过2周未更新,“乙”存在错别字: the next accounts of the list
        elif p["account_name"].fullmatch(content) and _ACCOUNT_LABEL.search(text, max(0, m.start() - 24), m.start()):
            type_, platform = "new_media", None  # 以下账号存在问题:“甲”…: a label naming accounts before the quote
        else:
            continue
        mention = Mention(m.start(1) + offset, m.end(1) + offset, content, type_, platform=platform, quoted=True)
        mention.account = acc.group("acc") if acc else None
        if intro is not None and type_ == "new_media":
            owners = _owners_before(text, intro.start(), ents, offset)
            # 甲局、乙局开设的抖音号“丙”“丁”: as many owners as quoted names, in the same order
            mention.owner = owners[index - run_first[index]] if len(owners) == last - run_first[index] + 1 \
                else owners[-1] if owners else None
        elif runner:
            mention.owner = runner
        elif acc is not None and type_ == "new_media" and matches[run_first[index]].start() > 0:
            # 县林业局“甲”“乙”2个账号, 市科技局“甲”头条号: the body right before the quoted names runs them
            mention.owner = _owner_before(text, matches[run_first[index]].start(), ents, offset)
        mention.tail_end = (acc.end() if acc and last == index and not ahead else m.end()) + offset
        # an account is not an author: a date after it (“甲”(微信)5月仅更新1次) tells when, not who wrote
        mention.role = role_before(text, m.start()) if type_ == "new_media" else is_role(
            text, m.start(), acc.end() if acc else m.end())
        out.append(mention)
        accounts_before = accounts_before or type_ == "new_media"
    return out


# A word naming a part of a site or account right before its quoted name (菜单“…”, 栏目“…”).
_PART_BEFORE = re_compile(r"(?:菜单|栏目|专栏|板块|频道|模块|导航)$")
# The same word right after it (“在线咨询”栏目, “微商城”链接, “办事大厅”菜单无法打开; but “甲”菜单栏: the
# account’s own menu bar).
_PART_AFTER = re_compile(r"等?(?:菜单(?!栏)|链接|栏目|子栏目|专栏|板块|版块|频道|模块|页面|功能|按钮|入口|专题|一栏)")
# Before a quote that is not the name of the site or account assessed: the site itself (网站“县长信箱”: sites
# are named by their owners) or another quoted account with its word (“甲”抖音号“在线留言”) before one of their
# parts; an attribute before its value (简介仍为“测试账号”, 自动回复内容为“功能建设中”, 被评为“优秀账号”, 已
# 整合为“乙”: the account it was merged into is not the one assessed); some accounts before their trait
# (部分微博“开而不用”); a part of a site or account before the part's name (菜单栏“景区预约”).
_NOT_NAME_BEFORE = re_compile(
    r"(?:网站|政府网|服务网)$|”(?:微信公众号|公众号|微博|抖音号|头条号|视频号|快手号|客户端)$"
    r"|(?:内容|简介|介绍|提示|回复|显示|认证信息|认证主体|主体|标题|字样|旧称|名称)(?:仍然|依然|仍|均|还|却)?(?:为|是|显示为?)$"
    r"|(?:评|列|整合|合并|更名|改名|变更|并入|归并)为?$|(?:菜单栏?|导航栏?|栏目|专栏|板块|频道|模块)(?:中|里|内|的)?$"
    r"|(?:部分|个别|一些|少数|有的|多数)(?:政务)?(?:微博|微信公众号|公众号|账号|网站|新媒体)(?:存在|仍然|仍|还)?$")


def part_or_value(text: str, start: int) -> bool:
    """Whether the quote run opening at `start` is not the name of what is assessed (_NOT_NAME_BEFORE)."""
    return _NOT_NAME_BEFORE.search(text, start - 10 if start > 10 else 0, start) is not None


# A label naming accounts right before a quoted name (以下账号存在问题:“甲”, 不合格的政务新媒体:“乙”).
_ACCOUNT_LABEL = re_compile(r"(?:账号|公众号|新媒体)[^,。;:“”]{0,12}(?::|为|是|有:?)$")
# What follows quoted accounts that goes on a list of them: their fault (…“乙”“丙”存在错别字).
_FAULT_AFTER = regex.compile(r"(?:“[^“”\n]{1,20}”|、){0,12}(?:(?:均|也|还|仍|都)?(?:存在|未|不|无|超过|长期|多次|连续|仅)|仍)")


# Items of a list of accounts each after its owner (、区卫健局“健康东湖”), up to the account word closing the list.
_OWNED_RUN = regex.compile(r"(?:(?:、|和|及|与)[^“”,。;:\n]{1,16}?“[^“”\n]{1,40}”)+")


def _account_closing(text: str, after: int):
    """区文旅局“东湖文旅”、区卫健局“健康东湖”等账号: the account word closing a list of owned accounts, read
    for an item before the last."""
    if not text.startswith(("、", "和", "及", "与"), after) or not (run := _OWNED_RUN.match(text, after)):
        return None
    closing = patterns()["counted_account"].match(text, run.end()) or patterns()["account"].match(text, run.end())
    return closing if closing and closing.group("acc") not in vocab()["website_words"] else None


_PLATFORM_WORDS = ("微博", "微信", "抖音", "头条", "快手", "公众号")
SITE_NAME_ENDS = ("网", "网站", "在线", "之窗", "门户", "平台")  # how a site's own name ends
# A campaign's or rule's name quoted after 政务新媒体 (“回头看”, “三审三校”, “一账号一责任人”): no account.
_CAMPAIGN = regex.compile(r"^(?:[一二三四五六七八九十两]\p{Han}{1,3}){2}|回头看|放管服")
EITHER_ENDS = ("在线", "之窗")  # how a site's or an account's own name may end


def _site_named(content: str, accounts_only: bool) -> bool:
    """Whether a quoted name is a site's: its ending says so, unless the ending is shared with accounts (某某在线,
    某某之窗) in a notice that inspected accounts and no sites."""
    return content.endswith(SITE_NAME_ENDS) and not (accounts_only and content.endswith(EITHER_ENDS))


_OWN_SITE_WORDS = ("政府网", "政府网站", "局网", "局网站", "委网", "委网站", "办网", "办网站")


def quoted_terms(text: str, after: int) -> bool:
    """Whether short quoted words closing at `after` qualify sites (“僵尸”“睡眠”网站): a bare site word follows.
    Short quoted names of accounts come with their account word (“警民”微信公众号)."""
    return text.startswith(tuple(vocab()["website_words"]), after)


def _account_intro(text: str, matches: list, index: int):
    """The account word that introduces a run of quoted names (微信公众号“甲”、“乙”), if any: right before
    the run's first quote, the quotes joined by nothing, 、 or a conjunction."""
    first = index
    while first > 0 and _QUOTE_JOIN.fullmatch(text, matches[first - 1].end(), matches[first].start()):
        first -= 1
    start = matches[first].start()
    return patterns()["account_before"].search(text, start - 16 if start > 16 else 0, start)


_QUOTE_JOIN = re_compile(r"[、,]?|和|及|以及")


_CLAUSE_END = regex.compile(r"[,。;:\n]")


@lru_cache(maxsize=1 << 12)
def account_shaped(content: str, sites: bool = False) -> bool:
    """Whether quoted words can be an account's own name (丰收农业, 平安柳汀, 九江发布), or with `sites` a
    site's (蓝海监测网): three or more Han characters, no part or service of a site (…库, …平台), and no
    slogan (“最多跑一次”, “双减”, “十四五”) unless a division's name opens them."""
    p = patterns()
    if len(content) < 3 or not p["account_name"].fullmatch(content):
        return False
    if p["thing_end"].search(content) and not (sites and content.endswith(SITE_NAME_ENDS)):
        return False
    return bool(divisions_prefix(content)) or _place_at_an_end(content) \
        or not (p["numeral_term"].fullmatch(content) or p["slogan"].search(content))


def _place_at_an_end(content: str) -> bool:
    """Whether a division's short name opens or closes the words (两当发布, 红色两当, 六盘水发布): its numeral is the
    place's, no slogan's."""
    shorts = division_shorts()
    return any(content[:k] in shorts or content[-k:] in shorts for k in range(2, min(len(content), 5)))


# Where a clause opens: the text's start, a mark that ends a clause, or a word that opens one.
_CLAUSE_OPENING = regex.compile(r"(?:^|[,;:。\n]|其中|另外|此外|同时|如|例如|比如)$")


def _judged_account(text: str, matches: list, index: int, first: int, after: int) -> bool:
    """A quoted name (or run of them, `first` the run's first quote) that opens its clause, which then faults,
    praises or gives figures for it: “甲”转载文章未标注来源, “甲”“乙”在…方面表现突出. Not a column, term or
    plan (“工作动态”栏目, “两微一端”建设)."""
    p = patterns()
    run = first + 1 < len(matches) and matches[first + 1].start() == matches[first].end()
    if not account_shaped(matches[index].group(1)) and not (run and _in_a_run_of_accounts(matches, index, first)):
        return False
    thing = p["thing_after"].match(text, after)
    if p["column_after"].match(text, after) or p["trait_after"].match(text, after) \
            or (thing and not (run and thing.group() in _PUBLISHED)):
        return False  # (a word the page got wrong is never here: quoted() leaves it first)
    if not _CLAUSE_OPENING.search(text, max(0, matches[first].start() - 2), matches[first].start()):
        return False
    if run:
        return True  # “甲”“乙”“丙”(信息)发布及时: a run of account-shaped names is the clause's subject, whatever it says
    clause = _CLAUSE_END.search(text, after)
    clause_text = text[after:clause.start() if clause else len(text)]
    if judges(clause_text) or _FIGURES.match(clause_text) is not None:
        return True
    # “甲”开设“政策问答”专栏,群众评价较好: what it did, then how that is judged, in the next clause of its sentence
    if clause is None or text[clause.start()] != ",":
        return False
    following = _CLAUSE_END.search(text, clause.end())
    return judges(text[clause.end():following.start() if following else len(text)])


def _in_a_run_of_accounts(matches: list, index: int, first: int) -> bool:
    """A quoted name of three characters or more beside an account-shaped one in a run of adjacent quotes (“隆德发布”
    “六盘山下”): the run names accounts, this one too, whatever its own words hold."""
    names, at = [], first
    while at < len(matches) and (at == first or matches[at].start() == matches[at - 1].end()):
        names.append(matches[at].group(1))
        at += 1
    content = matches[index].group(1)
    return len(content) >= 3 and patterns()["account_name"].fullmatch(content) is not None \
        and any(account_shaped(name) for name in names if name != content)


_PUBLISHED = ("信息", "内容")  # what accounts publish: after a run of their names, no quoted thing's noun

# A monitoring report's figures for an account, or its score: “甲”本月发布信息214条, “乙”得分95分.
_FIGURES = regex.compile(r"(?:本月|本周|本季度|全月|全年|当月|[上下]半年|\d{1,2}月(?:份)?)?(?:共|累计|日均|月均|平均|综合)?"
                         r"(?:发布|更新|推送|发文|原创|得分)[^,。;]{0,10}?\d")


def _account_after_owner(text: str, quote, after: int, ents: Ents, offset: int) -> str | None:
    """The body right before a quoted name shaped as an account's or site's own (县农业局“丰收农业”…, 甲局的
    “甲发布”、乙局的“乙发布”…), in a notice that speaks of accounts: the quoted name is the body's account
    whatever its clause then says, and the body is returned. Not a column (“工作动态”栏目) or a quoted term
    a body uses (县民政局“十四五”规划, 县农业局“三定”方案)."""
    p = patterns()
    if not account_shaped(quote.group(1), sites=True) or p["column_after"].match(text, after) \
            or _thing_after(text, after):
        return None
    return _owner_before(text, quote.start(), ents, offset) if quote.start() > 0 else None


def _thing_after(text: str, after: int) -> bool:
    """A thing a body has (规划, 方案, 活动…) named by the quoted words before `after`; its 内容 (“甲”内容贴近群众)
    is what an account publishes, and says nothing against it being one (but “线路调整”信息 is a kind of news)."""
    thing = patterns()["thing_after"].match(text, after)
    return thing is not None and thing.group() != "内容"


def _linked_owner(text: str, quote, after: int, ents: Ents, offset: int) -> str | None:
    """The body tied to a quoted name by a word that says it runs it (所属的, 下属, 主办的, 开设的; not a bare 的:
    县政府的“放管服”改革), the name shaped as an account's or site's own: the body is returned ("" when no
    name the rules know ends there)."""
    start = quote.start()
    link = _OWNER_LINK.search(text, start - 4 if start > 4 else 0, start)
    if link is None or link.group() == "的" or not account_shaped(quote.group(1), sites=True) or _thing_after(text, after) \
            or (patterns()["column_after"].match(text, after) and not quote.group(1).endswith(SITE_NAME_ENDS)):
        return None  # (某局主管的“某某网”首页栏目…: a site's name, then its columns)
    return _owner_before(text, start, ents, offset) or ""


def _owner_before(text: str, end: int, ents: Ents, offset: int) -> str | None:
    """The body named right before an account word (区公安局微信公众号“平安某某”): the account's owner."""
    end = owner_end(text, end)
    if not _name_ends_at(ents, end):
        return None
    found = [m for m in chains(text, max(0, end - 30), end, ents, offset, roles=False) if m.end == end + offset]
    return found[-1].name if found else None


def _owners_before(text: str, end: int, ents: Ents, offset: int) -> list[str]:
    """The bodies of a 、-list right before an account word (甲局、乙局开设的抖音号), in order; the last alone
    when no list ends there."""
    end = owner_end(text, end)
    if not _name_ends_at(ents, end):
        return []  # (the list's last name ends there)
    found = chains(text, max(0, end - 60), end, ents, offset, roles=False)
    listed: list = []
    for m in reversed(found):
        if m.end == end + offset or (listed and m.end - offset < len(text) and text[m.end - offset] == "、"
                                     and m.end == listed[-1].start - 1):
            listed.append(m)
        elif listed:
            break
    return [m.name for m in reversed(listed)]


# Between an owner and its account word or quoted account: 县文广旅局管理的微信公众号, 某局下属“某某网”.
_OWNER_LINK = re_compile(r"(?:(?:管理|开设|运营|主办|运维|注册|开通|主管|已停用|已关停|已注销)?的|下属的?|所属的?)$")


def owner_end(text: str, end: int) -> int:
    """Where an owner written before `end` (an account word or a quote) ends: before the word linking it to
    what it runs (…管理的, …下属), if any."""
    link = _OWNER_LINK.search(text, end - 4 if end > 4 else 0, end)  # (no link is longer than four characters)
    return link.start() if link else end


def _bracket_owner(text: str, owned, ents: Ents, offset: int) -> Mention | bool | None:
    """The body in brackets after a quoted site or account: True when the text's chains name it, a new
    mention when it is a county or city the gazetteer lacks ((东湖县) is a place by the brackets alone)."""
    start, end = owned.span(1)
    if _whole_name(text, start, end, ents, offset) is not None:
        return True
    core, suffix = text[start:end - 1], text[end - 1]
    if suffix in "市县区旗" and _unknown_place(text, start, end - 1, suffix) and patterns()["han"].fullmatch(core):
        return Mention(start + offset, end + offset, text[start:end], "government", tail_end=end + offset)
    return None


def _name_ends_at(ents: Ents, end: int) -> bool:
    """Whether a name ending (a SUFFIX or DIV span) ends at `end`, as every chained name does: the last ending
    starting before `end` is the only one that can (endings never overlap)."""
    i = bisect.bisect_left(ents.end_starts, end) - 1
    return i >= 0 and ents.ends[i][1] == end


def _whole_name(text: str, start: int, end: int, ents: Ents, offset: int) -> Mention | None:
    """The name that is all of text[start:end], if any: only looked for where a name ending ends it."""
    if not _name_ends_at(ents, end):
        return None
    return next((m for m in chains(text, start, end, ents, offset)
                 if m.start == start + offset and m.end == end + offset), None)


def _admin_only(chain: list[_Piece], name: str) -> bool:
    """省市, 市县乡: admin words with no name of their own (政府办公室 alone is a short name, kept)."""
    if _admin_words_only(chain):
        if chain[-1].suffix in vocab()["central_bodies"]:
            return False  # 教育部: a ministry's whole name
        if len(chain) > 1 and (chain[-1].suffix in vocab()["body_suffixes"]
                               or (chain[-1].kind == "other" and chain[-1].suffix.endswith("院"))):
            return False  # 县文联, 区档案馆, 县医院: an admin word and a whole body's or a hospital's name
        # 县政府办公室 is a short name; 社区党委, 街道党工委 name a kind of body
        return not (len(chain) > 1 and chain[-1].kind == "department" and len(name) >= 4
                    and (chain[0].suffix in vocab()["prefixes"] or chain[0].kind == "government"))
    core = name[: len(name) - len(chain[-1].suffix)]
    return bool(core) and not core.strip("省市县区乡镇州")


def _admin_words_only(chain: list[_Piece]) -> bool:
    """Whether every piece is an ending with nothing before it and no division: all() over a generator, as a loop,
    since most chains fail at their first piece and a generator left unfinished costs more to close than the test."""
    for piece in chain:
        if piece.kind == "div" or piece.core != 0:
            return False
    return True


def _self_reference(name: str, suffix: str) -> bool:
    """我局, 该镇, 各镇办: a name whose opening or last word before the ending is a pronoun or 各 (not the
    各庄 of a village's name: 王各庄乡); 原乡: the former one names none."""
    core = name[: len(name) - len(suffix)]
    return bool(core) and (core[-1] in "我你贵本该各此全" or core == "原" or _PRONOUN_OPENING.match(name) is not None)


_PRONOUN_OPENING = regex.compile(r".{0,2}?(?:[我该]|各(?!庄))")
