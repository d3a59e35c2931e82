"""Names with no known ending that prose alone makes units: account names before an account word
(德山公安微博账号) and provinces' short forms opening a clause as its subject (湖南逐项梳理…)."""
from __future__ import annotations

import bisect

from .gazetteer import Ents, vocab
from .units_text import Mention, item_ok, patterns, trim


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
        i = bisect.bisect_left(starts, m.end()) - 1  # the last span starting before the match ends
        if i >= 0 and taken[i][1] > s and taken[i][0] < m.end():
            continue
        if s > 0 and text[s - 1] not in ",;:。、":
            continue
        s, _ = trim(text, s, m.end("name"), False)
        name, word = text[s:m.end("name")], m.group("acc")
        if len(name) < 3 or not item_ok(name, 8) or word in v["website_words"]:
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
