"""Names in a list that share what a neighbour carries, or that a closing word makes names.

A list whose last name carries the ending every item shares (西街、南街、火车站街道; 县民政、司法、审计局;
桃源、柳溪两镇), a list closed by a group noun (甲、乙等8个单位), governments a list of sites names (江海区、
新会区政府网站), and a role (inspector, author) a list shares with its last item. Lists are walked back by
hand, item by item, over a bounded window, so hostile input (tens of thousands of 、-separated names) stays
linear.
"""
from __future__ import annotations

import bisect
from functools import lru_cache

import regex

from ..re_compat import re_compile
from .gazetteer import SINGLE_GOV, townships, vocab
from .units_text import BY_START, PLACE_TYPES, SITE_NAME_ENDS, Mention, is_role, item_ok, patterns, trim
from .vocabulary import alternation

_SEPARATOR = re_compile(r"、|以及|[和及与]")
MAX_LIST = 600  # characters a list is walked back over; real lists are far shorter
MAX_SHARED = 4  # longest bare item that takes the suffix of the list's last name (西街 → 西街街道)


def _boundary(text: str, position: int) -> int:
    """Where the list before `position` starts: after the last hard break, at most MAX_LIST back."""
    floor = position - MAX_LIST if position > MAX_LIST else 0  # (max() costs more)
    last = patterns()["hard_last"].match(text, floor, position)
    return last.end() if last else floor


def _split_items(text: str, start: int, end: int, known: dict[int, tuple[int, Mention]]):
    """Items of text[start:end] split on 、 (和/及 open a new sublist): ((s, e), sublist, mention or None)."""
    items: list[tuple[tuple[int, int], int, Mention | None]] = []
    group, pos = 0, start
    known_starts = sorted(known)  # (the next known name after a position, by bisection: no walk over all per item)
    while pos < end:
        if pos in known:
            stop, mention = known[pos]
            stop = stop if stop < end else end  # (min() costs more)
            items.append(((pos, stop), group, mention))
            pos = stop
        else:
            separator = text.find("、", pos, end)
            stop = end if separator < 0 else separator
            # (the item runs to the next 、 or to the next known name, whichever comes first)
            after = bisect.bisect_right(known_starts, pos)
            if after < len(known_starts) and known_starts[after] < stop:
                stop = known_starts[after]
            chunk = pos
            for conj in patterns()["conj"].finditer(text, pos, stop):
                if conj.start() > chunk:
                    items.append(((chunk, conj.start()), group, None))
                group, chunk = group + 1, conj.end()
            if stop > chunk:
                items.append(((chunk, stop), group, None))
            pos = stop
        if pos < end and text[pos] == "、":
            pos += 1
        elif pos < end and pos not in known:
            items, group = [], 0  # not a separator: the list starts again after it
    return items


def _bare_run(text: str, end: int, known: dict[int, tuple[int, Mention]], longest: int) -> list[tuple[int, int]]:
    """The items of the sublist that ends at `end` (西街、南街、|火车站街道), last first, as far back as each is
    no known name, a name's shape and at most `longest` characters: the items a name at `end` may lend its
    ending to."""
    items = _split_items(text, _boundary(text, end), end, known)
    last_group = items[-1][1] if items else None
    run = []
    for (a, b), group, mention in reversed(items):
        if mention is not None or group != last_group or b - a > longest or not item_ok(text[a:b]):
            break
        run.append((a, b))
    return run


_PLACE_ENDS = ("乡", "镇", "街道", "村", "社区", "苏木")  # a place's name already whole (甲乡、乙镇: no 甲乡镇)
_OWN_ENDS = SITE_NAME_ENDS + _PLACE_ENDS  # items ending so take no shared suffix


# 桃源、柳溪两镇: the last item of a list carrying the count and the ending every item shares.
_COUNTED_PLACE = re_compile(r"(?P<stem>\p{Han}{2,6}?)(?:[两二三四五六七八九十]|\d{1,2})个?(?P<suffix>街道|社区|镇|乡|村)")


def lists(text: str, offset: int, found: list[Mention], masks: list[tuple[int, int]]) -> list[Mention]:
    """Bare names in 、-lists: sharing the place suffix of the last name, or closed by a group noun."""
    levels, sharing, fields = [], [], []
    # Every step here but the closing group noun reads a name right after a 、: none, and they are all skipped.
    listed = [m for m in found if m.start != offset and text[m.start - offset - 1] == "、"] if "、" in text else []
    if listed:
        for m in listed:
            if counted := _COUNTED_PLACE.fullmatch(m.name):
                m.written, m.name = m.name, counted["stem"] + counted["suffix"]
            elif m.type not in PLACE_TYPES and (body := _PLACE_BODY.fullmatch(m.name)) is not None:
                _share_body(text, offset, found, m, body["tail"])
        levels = _shared_levels(text, offset, found)
        if levels:
            found = found + levels
            listed += [m for m in levels if m.start != offset and text[m.start - offset - 1] == "、"]
        sharing = [(m, s) for m in listed if (s := _shared_suffix(text, m.start - offset, m))]
        fields = [m for m in listed if _ends_field_list(text, m.start - offset, m)]
    tails = list(patterns()["tail"].finditer(text)) if may_close(text) else []
    if not sharing and not fields and not tails:
        return levels  # the common case: no name after a 、 that others share, and no closing group noun
    v = vocab()
    known = {m.start - offset: (m.tail_end - offset, m) for m in found}
    out: list[Mention] = levels
    taken: set[int] = {m.start - offset for m in levels}
    for m, suffix in sharing:
        for a, b in _bare_run(text, m.start - offset, known, MAX_SHARED):
            if (a == 0 or text[a - 1] != "、") and text[a:b] + suffix not in townships():
                a, _ = trim(text, a, b, False)  # the list's first item gives up a lead word (如沙头、南岭街道), unless
                # with the shared ending it is a known township (七级、贺营、章台镇: 七级镇)
            item = text[a:b]
            if not item:
                break  # nothing of a name was left
            if len(item) > 2 and item.endswith(_body_endings()) and item not in v["body_suffixes"] and item_ok(item, 8):
                # 旗林业局、旗草原站、哈日乡: a body of its own among the list's names, no place (but 车站 of
                # 东关、车站、新华路街道 is a place's bare name: one character and 站 name no body)
                out.append(Mention(a + offset, b + offset, item, "department", role=m.role, tail_end=b + offset))
                taken.add(a)
                continue
            if item[-1] in SINGLE_GOV or item.endswith(_OWN_ENDS) or item in v["body_suffixes"] \
                    or item.endswith(_account_tails()):
                break  # (汀兰县、东坪镇: a county of its own, not 汀兰县镇; a site (…网, …之窗), an account (…发布, …融媒)
                # or a whole body (残联) is no place)
            out.append(Mention(a + offset, b + offset, item + suffix, m.type, role=m.role, written=item,
                               tail_end=b + offset))
            taken.add(a)
    out += _shared_department_ends(text, offset, fields, known, taken)
    for tail in tails:
        t = tail.start()
        if any(a <= t < b for a, b in masks):
            continue
        floor = _boundary(text, t)
        items = _split_items(text, floor, t, known if tail.group("acc") is None else _whole_items(text, known, floor, t))
        noun, acc = tail.group("noun"), tail.group("acc")
        if len(items) == 1 and not tail.group().startswith("等"):
            continue  # 覆盖17个乡镇: a count after one word names a class, not the word (甲、乙2个乡镇 lists two)
        for index, ((a, b), _, mention) in enumerate(items):
            if mention is not None or a in taken:
                continue
            if index == 0:
                a, _ = trim(text, a, b, False)
                if a in taken:
                    continue  # (the list's shared ending has named it already)
            item = text[a:b]
            if not item_ok(item, 10 if acc else 6) or text[b:b + 1] in ("…", ".") or b in known:
                continue  # not a name, cut short, or the opening of a known name (富平到|贤派出所)
            bare = Mention(a + offset, b + offset, item, _noun_type(noun, acc), bare=True, tail_end=b + offset)
            bare.platform = v["platform_by_word"].get(acc) if acc else None
            bare.role = is_role(text, a, b)
            out.append(bare)
            taken.add(a)
    return out


# A township's or village's service body (六弓乡便民服务中心, 东坪镇财政所): its place, then the body's own words.
_PLACE_BODY = regex.compile(r"(?P<place>\p{Han}{1,8}?(?:镇|乡|街道|社区|村|苏木|嘎查))(?![镇乡街社村])"
                            r"(?P<tail>\p{Han}{2,10}?(?:中心|站|所))")


def _share_body(text: str, offset: int, found: list[Mention], last: Mention, tail: str) -> None:
    """保城镇、六弓乡便民服务中心: the places listed bare before a place's service body share its body's words
    (保城镇便民服务中心), as bare names share a place's ending."""
    by_end = {m.tail_end: m for m in found if m.type in PLACE_TYPES and m.tail_end == m.end}
    at = last.start
    while at > offset and text[at - offset - 1] == "、" and (place := by_end.get(at - 1)) is not None:
        place.written, place.name, place.type = place.name, place.name + tail, last.type
        at = place.start


@lru_cache(maxsize=1)
def _account_tails() -> tuple[str, ...]:
    return tuple(vocab()["account_name_tails"])


def _whole_items(text: str, known: dict[int, tuple[int, Mention]], floor: int, end: int) -> dict[int, tuple[int, Mention]]:
    """The known names of a list that accounts close (甲发布、乙镇政务等5个账号), without those inside the list
    that an item goes on after (乙镇|政务: the item is an account's whole name, the place in it no name of its own)."""
    whole = {}
    for start, (stop, mention) in known.items():
        if floor <= start and stop < end and "\u4e00" <= text[stop] <= "\u9fff" and text[stop] not in "等和及与的" \
                and not mention.quoted:
            mention.role = True
        else:
            whole[start] = (stop, mention)
    return whole


def _shared_levels(text: str, offset: int, found: list[Mention]) -> list[Mention]:
    """丰都、石柱县, 桑林、云丘县政府网站: bare place names before a county (district, city, banner) share its
    level, and its 政府 when the list names their sites; returns the new mentions, renames known ones."""
    out: list[Mention] = []
    known = None  # the found names by start, built for the first list read
    for m in found:
        start = m.start - offset
        level = _LEVEL_END.search(m.name) if start and text[start - 1] == "、" and m.type in ("government", "website") else None
        if level is None or m.quoted:
            continue
        goes_on = _ITEM_GOES_ON.match(text, m.end - offset)
        if goes_on and goes_on.group(1) not in _owned_words():
            continue  # (迪庆民政、德钦县教育体育、…: the county opens an item that goes on, an account's name)
        if known is None:
            known = {f.start - offset: (f.tail_end - offset, f) for f in found}
        items = _split_items(text, _boundary(text, start), start, known)
        group = items[-1][1] if items else None
        for (a, b), item_group, mention in reversed(items):
            item = text[a:b]
            bare = mention is None and item_ok(item, 3) and not item.endswith(_LEVELS)
            short = mention is not None and mention.name == item and mention.type == "government" \
                and not item.endswith(_LEVELS) and 2 <= len(item) <= 4
            # 明月镇、二道白河镇政府网站: a township's whole name before a list of its sites takes 政府 alone
            whole = mention is not None and mention.name == item and level.group()[:1] in "镇乡" \
                and item.endswith(level.group()[:1]) and mention.type == "township"
            if item_group != group or not (bare or short or whole):
                break
            name = item + (level.group()[1:] if whole else level.group())
            if short or whole:
                mention.written, mention.name, mention.type = item, name, m.type
            else:
                out.append(Mention(a + offset, b + offset, name, m.type, role=m.role, written=item, tail_end=b + offset))
    return out


_LEVELS = ("县", "区", "市", "旗", "州")
_ITEM_GOES_ON = re_compile(r"(\p{Han}{1,8})、")
# A county's, district's, city's or banner's level, with the 政府 its site is named by (云丘县政府).
_LEVEL_END = re_compile(r"(?<=\p{Han}{2})(?:[县区市旗](?:人民)?(?:政府)?|[镇乡](?:人民)?政府)$")


_DEPARTMENT_ENDS = "局委办"
_ADMIN_OPENINGS = "省市县区州"
MAX_SHARED_FIELD = 6  # longest field word a department list shares its ending over (农业农村)


def _ends_field_list(text: str, start: int, m: Mention) -> bool:
    """A department's bare name (审计局) right after a 、: bare field words before it may share its ending."""
    return m.type == "department" and m.name[-1:] in _DEPARTMENT_ENDS and m.name[:1] not in _ADMIN_OPENINGS \
        and 2 <= len(m.name) <= MAX_SHARED_FIELD + 1 and start > 0 and text[start - 1] == "、"


def _shared_department_ends(text: str, offset: int, fields: list[Mention], known, taken: set[int]) -> list[Mention]:
    """县民政、司法、审计局: bare field words before a department's name share its ending, and the admin word
    that opens the first of them (县民政局, 县司法局, 县审计局)."""
    out: list[Mention] = []
    for m in fields:
        run = []
        for a, b in _bare_run(text, m.start - offset, known, MAX_SHARED_FIELD):
            if text[b - 1] in _DEPARTMENT_ENDS or a in taken:
                break
            run.append((a, b))
        if not run or text[run[-1][0]] not in _ADMIN_OPENINGS:
            continue
        prefix, ending = text[run[-1][0]], m.name[-1]
        for a, b in run:
            core = text[a:b]
            name = (core if core[0] == prefix else prefix + core) + ending
            out.append(Mention(a + offset, b + offset, name, "department", role=m.role, written=core,
                               tail_end=b + offset))
            taken.add(a)
        m.written, m.name = m.name, prefix + m.name
    return out


def may_close(text: str) -> bool:
    """Whether a closing group noun (等8个单位, 3家单位) may be written: each comes right after 个 or 家, or
    after 等 and what may follow it in a closing tail."""
    return (("个" in text or "家" in text) and patterns()["counted_noun"].search(text) is not None) \
        or ("等" in text and patterns()["closing_after"].search(text) is not None)  # (in: a scan cheaper than re's)


def _shared_suffix(text: str, start: int, mention: Mention) -> str | None:
    """The place suffix (镇, 街道…) of a place name right after a 、, which bare items before it share; not in
    a list of accounts whose last item goes on past the place (…溱川人社、河口镇发布 是 账号)."""
    if start == 0 or text[start - 1] != "、" or mention.type not in PLACE_TYPES or mention.quoted:
        return None
    end = start + mention.end - mention.start
    if _HAN.match(text, end) and not text.startswith(_owned_words(), end) and ACCOUNT_CLAUSE.search(_clause(text, start)):
        return None  # (…两镇微信公众号: the places own the accounts, and share their ending)
    if (ethnic := _ethnic_ending().search(mention.name)) is not None and ethnic.start() >= 2:
        return ethnic.group()  # 伶站、朝里瑶族乡: each a 瑶族乡 (钟英傈僳族彝族乡: the peoples of a township)
    return next((s for s in ("街道", "社区", "镇", "乡", "村") if mention.name.endswith(s)), None)


@lru_cache(maxsize=1)
def _ethnic_ending() -> regex.Pattern:
    """The ending of an ethnic township, its peoples and its level (瑶族乡, 傈僳族彝族乡, 蒙古族镇)."""
    return regex.compile(f"(?:(?:{alternation(vocab()['peoples'])})族)+(?:乡|镇|苏木)$")


_HAN = regex.compile(r"\p{Han}")
ACCOUNT_CLAUSE = re_compile(r"公众号|订阅号|服务号|视频号|微博|抖音|头条号|快手号|账号|新媒体")
_CLAUSE_END = regex.compile(r"[,。;\n]")


@lru_cache(maxsize=1)
def _body_endings() -> tuple[str, ...]:
    """The endings of departments and institutions (局, 站, 所, 中心, 医院…): a name ending so names a body."""
    v = vocab()
    return tuple(v["suffixes"]["department"]) + tuple(v["suffixes"]["other"]) + ("站", "所")


@lru_cache(maxsize=1)
def _owned_words() -> tuple[str, ...]:
    """What follows a place that owns an account or site (…镇微信公众号, …镇网站, …镇的)."""
    v = vocab()
    return tuple(v["account_words"] | v["website_words"] | {"的", "等", "政府"})


def _clause(text: str, at: int) -> str:
    """The clause around position `at`, between the marks that end clauses (,。; and line breaks)."""
    before = max(text.rfind(mark, 0, at) for mark in ",。;\n") + 1
    after = _CLAUSE_END.search(text, at)
    return text[before:after.start() if after else len(text)]


# The type of the bare names a closing group noun gathers (等5个乡镇); any other noun names governments.
_NOUN_TYPES = {"乡镇": "township", "镇": "township", "乡": "township", "镇街": "township", "街道": "subdistrict",
               "社区": "community", "村": "community", "部门": "department", "单位": "other", "家单位": "other",
               "站所": "department", "站(所)": "department"}


def _noun_type(noun: str | None, acc: str | None) -> str:
    if acc:
        return "website" if acc in vocab()["website_words"] else "new_media"
    return _NOUN_TYPES.get(noun, "government")


# A name's other name in brackets, in a list (甲部(乙办)、丙中心): the bracket opens and closes inside one item.
_ALIAS_GAP = re_compile(r"\(|\)(?:、|以及|[和及与])")


def _alias_gap(text: str, offset: int, last: Mention, m: Mention) -> bool:
    """Whether only a bracket holding `last`'s other name parts `last` from `m`: the bracket opens right before
    the other name (not 以下简称…, which names a role of its own)."""
    gap = _ALIAS_GAP.fullmatch(text, last.tail_end - offset, m.start - offset)
    return gap is not None and (gap.group() == "(" or text[last.start - offset - 1:last.start - offset] == "(")


def _runs(text: str, offset: int, mentions: list[Mention], aliases: bool = False) -> list[list[Mention]]:
    """Mentions in order, grouped into lists: items with only 、, 和, 及, 与 or 以及 between them; with `aliases`,
    also a name's other name in brackets (县委宣传部(县委网信办)、县融媒体中心)."""
    groups: list[list[Mention]] = []
    for m in sorted(mentions, key=BY_START):
        if groups and (m.start < groups[-1][-1].tail_end  # a name inside the last one (县委|网信办): same item
                       or _SEPARATOR.fullmatch(text, groups[-1][-1].tail_end - offset, m.start - offset)
                       or (aliases and _alias_gap(text, offset, groups[-1][-1], m))):
            groups[-1].append(m)
        else:
            groups.append([m])
    return groups


def government_lists(text: str, offset: int, places: list[Mention], found: list[Mention]) -> list[Mention]:
    """Unknown districts and counties listed only with governments (青湾区、柳溪县、东坝县得分…), or the
    subject of a fault on their own (蔺河县未公开财政预算)."""
    candidates = {id(m) for m in places if m.name[-1] in "区县" and len(m.name) <= 4}
    # An unknown 市 (宁岗市) is a county-level city only beside a county or a known government: alone, too
    # many words end in 市 (超市, 门市).
    cities = {id(m) for m in places if m.name[-1] == "市" and len(m.name) <= 4}
    bodies = [m for m in found if not m.quoted and (m.type == "government" or m.name.endswith("政府")
                                                    or (m.type == "website" and m.written))]
    out: list[Mention] = []
    for group in _runs(text, offset, [m for m in places if id(m) in candidates or id(m) in cities] + bodies):
        if len(group) > 1 and any(id(m) in candidates for m in group):
            out += [m for m in group if id(m) in candidates or id(m) in cities]
        elif len(group) > 1 and any(id(m) in cities for m in group) and len(group) > sum(id(m) in cities for m in group):
            out += [m for m in group if id(m) in cities]
        elif id(group[0]) in candidates and _subject_of_fault(text, group[0].start - offset, group[0].end - offset):
            out.append(group[0])
    return out


_FAULT_AFTER = regex.compile(r"(?:网站|政府网站)?(?:未|没有|不|仍未|尚未|存在|仅)")
_CLAUSE_START = regex.compile(r"(?:^|[,;:。\n])(?:其中|另外|此外)?$")


def _subject_of_fault(text: str, start: int, end: int) -> bool:
    """A place that opens its clause and is followed by a fault (未…, 存在…): the clause's subject."""
    return bool(_CLAUSE_START.search(text, max(0, start - 3), start) and _FAULT_AFTER.match(text, end))


_SHARED_SITE = regex.compile(r"等?(?:\d{1,4}个|[两二三四五六七八九十]{1,2}个)?(?:县区|县市区|区县|县市|县|区|市)?(?:人民)?政府(?:门户)?网站?")


def _before_site(text: str, offset: int, last: Mention) -> bool:
    """A list closed by 等政府网站 (等3个县区政府门户网站): its places are governments with a site each."""
    end = last.tail_end - offset
    return text[end:end + 1] == "等" and bool(_SHARED_SITE.match(text, end))


def share_sites(text: str, offset: int, found: list[Mention]) -> None:
    """Places listed before a government site share it (江海区、新会区、开平市政府网站; 岱岳区、新泰市等政府
    网站): each place is its government's site, as the last one is."""
    candidates = [m for m in found if not m.quoted and (m.type == "government" and not m.name.endswith("政府")
                                                        or (m.type == "website" and (m.written or m.name.endswith("政府"))))]
    for group in _runs(text, offset, candidates):
        first = group[0].start - offset
        if len(group) < 2 or (first > 0 and _SEPARATOR.match(text, first - 1)):
            continue  # a list with other bodies before the places: they share no ending
        last = group[-1]
        if last.type == "website":
            places = group[:-1]
        elif _before_site(text, offset, last):
            places = group
            last.tail_end = _SHARED_SITE.match(text, last.tail_end - offset).end() + offset  # what is said follows it
        else:
            continue
        own_name = last.type == "website" and last.name == last.written  # 甲区、乙县门户网站: named as written
        # 甲县、乙县人民政府网站: each place takes the ending the last one is written with
        place = last.written or last.name.removesuffix("人民政府")
        ending = "" if own_name else "人民政府" if text.startswith(place + "人民政府", last.start - offset) else "政府"
        for m in places:
            if m.type == "government" and not m.role:
                m.written, m.name, m.type, m.account = m.name, m.name + ending, "website", "网站"


def share_roles(text: str, offset: int, found: list[Mention]) -> None:
    """A role word before a list or after it covers every item (向A、B报送; A、B对…进行检查)."""
    for group in _runs(text, offset, [m for m in found if not m.quoted], aliases=True):
        if len(group) < 2:
            continue
        first, last = group[0].start - offset, group[-1].tail_end - offset
        if is_role(text, first, last):
            for m in group:
                m.role = True
