"""Unit mentions that a name alone does not make: items of lists, bare account names, province subjects.

Lists are walked by hand, item by item, over a bounded window, so hostile input (tens of thousands of
、-separated names) stays linear.
"""
from __future__ import annotations

import bisect
from functools import lru_cache

import regex

from .gazetteer import Ents, vocab
from .units_text import PLACE_TYPES, Mention, is_role, patterns, role_after, role_before, trim

_SEPARATOR = regex.compile(r"、|以及|[和及与]")

MAX_LIST = 600  # characters a list is walked back over; real lists are far shorter
MAX_SHARED = 4  # longest bare item that takes the suffix of the list's last name (西街 → 西街街道)


@lru_cache(maxsize=1 << 12)
def _item_ok(item: str, longest: int = 6) -> bool:
    """Whether a list item can be a bare name; a pure test of a short string, so cached."""
    v = vocab()
    p = patterns()
    if not (2 <= len(item) <= longest) or not p["hanrun"].fullmatch(item):
        return False
    if item in v["platforms"] or item in v["never_units"] or item in v["person_titles"] or item in v["suffix_type"]:
        return False  # a bare ending (街道) names nothing
    return not p["generic"].match(item) and not p["lead"].fullmatch(item) and not p["generic_place"].search(item)


def _boundary(text: str, position: int) -> int:
    """Where the list before `position` starts: after the last hard break, at most MAX_LIST back."""
    floor = max(0, position - MAX_LIST)
    last = patterns()["hard_last"].search(text, floor, position)
    return last.end() if last else floor


def _split_items(text: str, start: int, end: int, known: dict[int, tuple[int, Mention]]):
    """Items of text[start:end] split on 、 (和/及 open a new sublist): ((s, e), sublist, mention or None)."""
    items: list[tuple[tuple[int, int], int, Mention | None]] = []
    group, pos = 0, start
    while pos < end:
        if pos in known:
            stop, mention = known[pos]
            items.append(((pos, min(stop, end)), group, mention))
            pos = min(stop, end)
        else:
            stop = pos
            while stop < end and text[stop] != "、" and stop not in known:
                stop += 1
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


def lists(text: str, offset: int, found: list[Mention], masks: list[tuple[int, int]]) -> list[Mention]:
    """Bare names in 、-lists: sharing the place suffix of the last name, or closed by a group noun."""
    sharing = [(m, s) for m in found if (s := _shared_suffix(text, m.start - offset, m))] if "、" in text else []
    tails = list(patterns()["tail"].finditer(text)) if may_close(text) else []
    if not sharing and not tails:
        return []  # the common case: no place name after a 、 and no closing group noun
    v = vocab()
    known = {m.start - offset: (m.tail_end - offset, m) for m in found}
    out: list[Mention] = []
    taken: set[int] = set()
    for m, suffix in sharing:
        s = m.start - offset
        items = _split_items(text, _boundary(text, s), s, known)
        last_group = items[-1][1] if items else None
        for (a, b), group, mention in reversed(items):
            item = text[a:b]
            if mention is not None or group != last_group or len(item) > MAX_SHARED or not _item_ok(item):
                break
            out.append(Mention(a + offset, b + offset, item + suffix, m.type, role=m.role, written=item,
                               tail_end=b + offset))
            taken.add(a)
    for tail in tails:
        t = tail.start()
        if any(a <= t < b for a, b in masks):
            continue
        items = _split_items(text, _boundary(text, t), t, known)
        noun, acc = tail.group("noun"), tail.group("acc")
        for index, ((a, b), _, mention) in enumerate(items):
            if mention is not None or a in taken:
                continue
            if index == 0:
                a, _ = trim(text, a, b, False)
            item = text[a:b]
            if not _item_ok(item, 10 if acc else 6) or text[b:b + 1] in ("…", "."):
                continue
            bare = Mention(a + offset, b + offset, item, _noun_type(noun, acc), bare=True, tail_end=b + offset)
            bare.platform = v["platform_by_word"].get(acc) if acc else None
            bare.role = is_role(text, a, b)
            out.append(bare)
            taken.add(a)
    return out


def may_close(text: str) -> bool:
    """Whether a closing group noun (等8个单位, 3家单位) may be written: each comes after 等, 个 or 家."""
    return "等" in text or "个" in text or "家" in text


def _shared_suffix(text: str, start: int, mention: Mention) -> str | None:
    """The place suffix (镇, 街道…) of a place name right after a 、, which bare items before it share."""
    if start == 0 or text[start - 1] != "、" or mention.type not in PLACE_TYPES or mention.quoted:
        return None
    return next((s for s in ("街道", "社区", "镇", "乡", "村") if mention.name.endswith(s)), None)


# The type of the bare names a closing group noun gathers (等5个乡镇); any other noun names governments.
_NOUN_TYPES = {"乡镇": "township", "镇": "township", "乡": "township", "镇街": "township", "街道": "subdistrict",
               "社区": "community", "村": "community", "部门": "department", "单位": "other", "家单位": "other"}


def _noun_type(noun: str | None, acc: str | None) -> str:
    if acc:
        return "website" if acc in vocab()["website_words"] else "new_media"
    return _NOUN_TYPES.get(noun, "government")


def bare_accounts(text: str, offset: int, found: list[Mention], masks) -> list[Mention]:
    """Unquoted account names right before an account word at a clause start (德山公安微博账号)."""
    if not patterns()["account_gate"].search(text):
        return []  # the common case: no account word that can end a bare name, so no run is walked
    return _bare_accounts(text, offset, found, masks)


def _bare_accounts(text: str, offset: int, found: list[Mention], masks) -> list[Mention]:
    """bare_accounts without its gate."""
    p = patterns()
    v = vocab()
    out = []
    taken = sorted([(m.start - offset, m.tail_end - offset) for m in found] + list(masks))
    starts = [a for a, _ in taken]
    for m in p["bare_account"].finditer(text):
        s = m.start("name")
        i = bisect.bisect_right(starts, m.end()) - 1
        if i >= 0 and taken[i][1] > s and taken[i][0] < m.end():
            continue
        if s > 0 and text[s - 1] not in ",;:。、":
            continue
        s, _ = trim(text, s, m.end("name"), False)
        name, word = text[s:m.end("name")], m.group("acc")
        if len(name) < 3 or not _item_ok(name, 8) or word in v["website_words"]:
            continue
        out.append(Mention(s + offset, m.end("name") + offset, name, "new_media",
                           platform=v["platform_by_word"].get(word), account=word, tail_end=m.end() + offset))
    return out


def clause_provinces(text: str, offset: int, ents: Ents, found: list[Mention], masks) -> list[Mention]:
    """A province's short form opening a clause as its subject (湖南逐项梳理…, 宁夏对照…)."""
    p = patterns()
    taken = [(m.start - offset, m.tail_end - offset) for m in found] + list(masks)
    out = []
    for start, end in ents.shorts:
        if ents.short_at(start) != end or not p["prov"].fullmatch(text, start, end):
            continue
        head = text[max(0, start - 4):start]
        if start and not p["clause_open"].search(head):
            continue
        if any(a <= start < b for a, b in taken) or p["not_subject"].match(text, end):
            continue
        out.append(Mention(start + offset, end + offset, text[start:end], "government", tail_end=end + offset))
    return out


def _runs(text: str, offset: int, mentions: list[Mention]) -> list[list[Mention]]:
    """Mentions in order, grouped into lists: items with only 、, 和, 及, 与 or 以及 between them."""
    groups: list[list[Mention]] = []
    for m in sorted(mentions, key=lambda m: m.start):
        if groups and _SEPARATOR.fullmatch(text, groups[-1][-1].tail_end - offset, m.start - offset):
            groups[-1].append(m)
        else:
            groups.append([m])
    return groups


def government_lists(text: str, offset: int, places: list[Mention], found: list[Mention]) -> list[Mention]:
    """Unknown districts and counties listed only with governments (青湾区、柳溪县、东坝县得分…)."""
    candidates = {id(m) for m in places if m.name[-1] in "区县" and len(m.name) <= 4}
    bodies = [m for m in found if not m.quoted and (m.type == "government" or m.name.endswith("政府"))]
    out: list[Mention] = []
    for group in _runs(text, offset, [m for m in places if id(m) in candidates] + bodies):
        if len(group) > 1 and any(id(m) in candidates for m in group):
            out += [m for m in group if id(m) in candidates]
    return out


def share_roles(text: str, offset: int, found: list[Mention]) -> None:
    """A role word before a list or after it covers every item (向A、B报送; A、B对…进行检查)."""
    for group in _runs(text, offset, [m for m in found if not m.quoted]):
        if len(group) < 2:
            continue
        first, last = group[0].start - offset, group[-1].tail_end - offset
        if role_before(text, first) or role_after(text, first, last):
            for m in group:
                m.role = True
