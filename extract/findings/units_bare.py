"""Names with no known ending that prose alone makes units: account names before an account word
(德山公安微博账号) or their platform in brackets (德山公安(微信公众号)), sites named by their own name
(西宁教育网, 岳阳农业信息网), and provinces' short forms opening a clause as its subject (湖南逐项梳理…)."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

import regex

from ..re_compat import re_compile
from .gazetteer import Ents, division_shorts, vocab
from .units_text import EITHER_ENDS, Mention, item_ok, patterns, role_before, trim
from .vocabulary import COUNT, alternation


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
        end = m.end("name")
        if counted := _LIST_COUNT.search(text, s, end):
            end = counted.start()  # 甲、乙两个微信公众号: the list's count before its account word
        name, word = text[s:end], m.group("acc")
        if len(name) < 3 or not item_ok(name, 8) or word in v["website_words"] or name.startswith(_REGISTERING):
            continue  # (取消备案微信公众号“甲”: what was done to an account, before its word, names none)
        out.append(Mention(s + offset, end + offset, name, "new_media",
                           platform=v["platform_by_word"].get(word), account=word, tail_end=m.end() + offset))
    if "的" in text:
        out += _owned_bare_accounts(text, offset, found, taken, starts)
    return out


def _owned_bare_accounts(text: str, offset: int, found: list[Mention], taken, starts) -> list[Mention]:
    """县农业局的鹊岭农技微博, 县水利局名下的鹊岭水利微信公众号: an unquoted account name between a body, the word
    tying the body to what it runs, and an account word; the body is its owner, named only as such."""
    out = []
    for owner in found:
        if owner.type in ("new_media", "website") or owner.quoted or owner.account:
            continue
        m = _OWNED_BARE.match(text, owner.end - offset)
        if m is None or m.group("name").startswith(_NOT_OWN_NAME) or not item_ok(m.group("name"), 8):
            continue
        s, end = m.span("name")
        i = bisect.bisect_left(starts, end) - 1
        if i >= 0 and taken[i][1] > s and taken[i][0] < end and taken[i][0] != owner.start - offset:
            continue  # (a name found there already)
        word = m.group("acc")
        out.append(Mention(s + offset, end + offset, m.group("name"), "new_media", owner=owner.name,
                           platform=vocab()["platform_by_word"].get(word), account=word, tail_end=m.end() + offset,
                           opening=owner.start))
        owner.role = True
    return out


_OWNED_BARE = regex.compile(r"(?:名下|主办|开办|开设|运营|运维|管理|主管|所属|下属)?的(?P<name>\p{Han}{3,8}?)"
                            r"(?P<acc>微信公众号|公众号|微信号|微博|抖音号|头条号|快手号|视频号)")
_NOT_OWN_NAME = ("各", "部分", "所有", "全部", "下属", "官方", "政务", "本单位", "两个", "多个")


_LIST_COUNT = regex.compile(rf"{COUNT}个$")
# Verbs of what was done to an account that may stand right before its account word.
_REGISTERING = ("取消", "新增", "注销", "关停", "开通", "备案", "撤销", "保留", "关闭", "迁移", "整合", "停用", "新开")


# A Weibo handle (@平安某某), with the site it is on in brackets (新浪, 腾讯), ending where a list or clause goes on.
# Unbracketed, a handle ends at a space, a bracket (its owner: @甲(县城管局)) or a list's mark, at a clause's end as the last of a list (…、@乙。), or
# where prose about it opens with a word no account's name holds (@甲自3月以来未更新, @乙对网友提问从不回复,
# @丙上半年仅发布11条), a name of at most six characters then.
_HANDLE = regex.compile(r"@(?|(?P<name>\p{Han}{2,6}?)(?=未|仅|已经?|长期|超过|连续|存在|转发|对(?:网|群众|公众|留言|提问)"
                        r"|自(?:\d|今年|去年|开通|年初)|(?:上|下)半年|今年|去年|本月|本季度|全年|\d{1,2}月)"
                        r"|(?P<name>[\p{Han}A-Za-z0-9_-]{2,12}?)(?:\((?P<site>新浪|腾讯|人民|网易)(?:微博)?\)"
                        r"|(?=[\s、()”]|等|和|及|与|$)|(?<=(?:、|微博|微信|抖音号?|账号)@[^@]{2,12})(?=[,;:。])))")


_HANDLE_OF = regex.compile(r"(?:\(|ID:?|账号:?)$")


_HANDLE_SITE = regex.compile(r"\((?:新浪|腾讯|人民|网易)?微博\)")


def handles(text: str, offset: int, found: list[Mention], masks) -> list[Mention]:
    """Accounts written as their handle (@岚山发布、@平安岚山(腾讯), “@岚山气象”): the handle, from its @, names the
    account, also where a body's name fills it (@东屿镇政府)."""
    if "@" not in text:
        return []
    out = []
    for m in _HANDLE.finditer(text):
        at, end = m.start() + offset, m.end("name") + offset
        # “@甲”: a handle quoted whole is read as one; other quotes and titles hold no handle of the notice's
        wrapped = text[m.start() - 1:m.start()] == "“" and text.startswith("”", m.end("name"))
        if any(a < m.end() and m.start() < b and not (wrapped and a == m.start() - 1) for a, b in masks) \
                or _HANDLE_OF.search(text, max(0, m.start() - 6), m.start()):
            continue  # (甲微博(@甲ID), 微博ID:@甲: the handle of an account named before it)
        inside = [f for f in found if at <= f.start and f.end <= end]
        if any(f.end > end or f.start < at for f in found if f.start < end and at < f.end and f not in inside):
            continue  # (a longer name runs across the handle)
        tail = m.end()
        if wrapped:  # “@甲”(新浪微博): what is said of it follows the quote and the platform's bracket
            tail = m.end("name") + 1
            tail = bracket.end() if (bracket := _HANDLE_SITE.match(text, tail)) else tail
        handle = inside[0] if inside else Mention(at, end, m.group("name"), "new_media", tail_end=tail + offset)
        handle.start, handle.end, handle.tail_end = at, end, tail + offset
        handle.name, handle.written, handle.type, handle.platform = m.group("name"), m.group(0), "new_media", "微博"
        handle.role = False
        owner = next((f for f in found if f.tail_end == at and f.account and not f.quoted and f is not handle), None)
        if owner is not None:  # 市粮食局官方微博@甲: the body before the account word runs the account
            handle.owner, handle.opening, owner.role = owner.name, owner.start, True
        if not inside:
            out.append(handle)
    return out


@lru_cache(maxsize=1)
def _place_account() -> re.Pattern:
    v = vocab()
    return re_compile(rf"(?P<tail>{alternation(v['account_name_tails'])})(?={v['account_name_followers']})")


def _taken(found: list[Mention], offset: int, masks) -> list[tuple[int, int]]:
    """The spans of a stretch a new name may not overlap: the names found (with their account words), quotes, titles."""
    return [(m.start - offset, m.tail_end - offset) for m in found] + list(masks)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in spans)


def titled_accounts(text: str, offset: int) -> list[Mention]:
    """《南津人社》微信公众号, 【苓川林业】微博: an account's name set in a title's or a label's brackets instead of
    quotes, with its account word right after; the brackets hold a document's title otherwise."""
    out = []
    if not _TITLED_GATE.search(text):
        return out  # (the common case: no bracket closes right before an account word)
    for match in _TITLED.finditer(text):
        word = match.group("acc")
        for name in _TITLED_NAME.finditer(text, match.start(), match.start("acc")):  # (《甲》《乙》等公众号: each)
            out.append(Mention(name.start(1) + offset, name.end(1) + offset, name.group(1), "new_media",
                               platform=vocab()["platform_by_word"].get(word), account=word, quoted=True,
                               tail_end=match.end() + offset))
    return out


_TITLED_GATE = re.compile(r"[》】](?:等)?(?:微|公众号|抖音|头条|快手|视频号|账号|客户端|新浪|腾讯|小程序|政务号)")
_TITLED_NAME = regex.compile(r"[《【]([^《》【】\n“”]{2,12})[》】]")
_TITLED = regex.compile(rf"(?:{_TITLED_NAME.pattern}(?:、|和|及)?)+等?"
                        rf"(?P<acc>{alternation(vocab()['account_words'] - {'网', '网站', '门户网站'})})")


def place_named_accounts(text: str, offset: int, found: list[Mention], masks, places: tuple[str, ...]) -> list[Mention]:
    """Accounts named after a place the notice is about (澄溪交通自1月起未更新, 平安澄溪仅发布3条): its short name
    with a field after it, or an epithet before it, opening a clause or a list's item, in a notice on accounts;
    words that go on into prose or a body's name (澄溪教育系统, 澄溪交通运输局) are none."""
    pattern = place_named_pattern(places)
    if pattern is None or not place_words(places).search(text):
        return []  # (most stretches name none of the places)
    out = []
    taken = _taken(found, offset, masks)
    for match in pattern.finditer(text):
        start, end = match.span("name")
        if _overlaps(taken, start, end):
            continue
        account = Mention(start + offset, end + offset, match.group("name"), "new_media", tail_end=end + offset)
        word_at = len(text) - len(text[end:].lstrip(" "))  # (past the spaces a line may put between them)
        if after := patterns()["account"].match(text, word_at):  # 澂海住建 微信公众号: its account word
            account.account, account.tail_end = after.group("acc"), after.end() + offset
            account.platform = vocab()["platform_by_word"].get(after.group("acc"))
        if text[start - 1:start] == "的":  # 县公安局的平安云岭: the body before 的 runs it, named only as its owner
            owner = next((m for m in found if m.end - offset == start - 1 and m.type not in ("new_media", "website")), None)
            if owner is None:
                continue
            account.owner, account.opening, owner.role = owner.name, owner.start, True
        out.append(account)
    return out


@lru_cache(maxsize=64)
def place_words(places: tuple[str, ...]) -> re.Pattern:
    """The places' short names as literal words: a stretch holding none names no account after them."""
    return re.compile(alternation(places))


@lru_cache(maxsize=64)
def place_named_pattern(places: tuple[str, ...]) -> regex.Pattern | None:
    """The pattern of accounts named after these places, or None when there are none."""
    if not places:
        return None
    v = vocab()
    cores, fields, epithets = alternation(places), alternation(v["account_fields"]), alternation(v["account_epithets"])
    return regex.compile(rf"(?:^|(?<=[,;:。、\n“和及与的号是为]))(?P<name>(?:{epithets})(?:{cores})|(?:{cores})(?:{fields}))"
                         rf"(?!{alternation(v['account_prose_after'])})")


def place_accounts(text: str, offset: int, found: list[Mention]) -> None:
    """An account named after its place (双桥镇发布一季度仅更新3条, 柳塘镇发布微博, 南浦街道微服务(微信)): in a
    notice on accounts, the place's mention becomes the account's, when the account's tail is followed by
    what follows a name (its platform, a separator, a time or a fault) rather than by a verb's object."""
    v = vocab()
    for m in found:
        if m.quoted or m.type not in ("township", "subdistrict", "community", "government") or m.tail_end != m.end:
            continue
        end = m.end - offset
        if (tail := _place_account().match(text, end)) is None:
            continue
        m.written, m.name, m.type = "", m.name + tail.group("tail"), "new_media"
        m.end = m.tail_end = m.end + len(tail.group("tail"))
        if after := patterns()["account"].match(text, m.end - offset):
            m.account, m.tail_end = after.group("acc"), after.end() + offset
            m.platform = v["platform_by_word"].get(after.group("acc"))
        elif bracket := patterns()["platform_bracket"].match(text, m.end - offset):
            m.platform = v["platform_by_word"].get(bracket.group("platform"), "客户端")


@lru_cache(maxsize=1)
def _bracket_gate() -> re.Pattern:
    """A bracket opening with a platform or account word: re, cheaper than the pattern it spares."""
    return re.compile(rf"\((?:{alternation(vocab()['bracket_platforms'])})")


@lru_cache(maxsize=1)
def _bracketed() -> regex.Pattern:
    """A name, then its platform in brackets, opening a clause, a line or a numbered item."""
    opening = r"(?:^|(?<=[,;:。、\n”])|(?<=(?:^|\n)\s*(?:\d{1,2}[.、]|\(\d{1,2}\)|[①-⑳])))"
    return regex.compile(rf"{opening}(?P<name>\p{{Han}}{{2,14}}){vocab()['platform_bracket']}")


_LAST_CONJUNCTION = regex.compile(r"(?r)以及|[和及与]")


def bracketed_accounts(text: str, offset: int, found: list[Mention], masks) -> list[Mention]:
    """Accounts written with their platform in brackets wherever they stand (1.德山公安(微信公众号)超过…;
    甲(抖音)未…): the bracket makes the name an account, in a list or not."""
    if "(" not in text or not _bracket_gate().search(text):
        return []  # the common case: no bracket opens with a platform or account word
    v = vocab()
    taken = _taken(found, offset, masks)
    out = []
    for m in _bracketed().finditer(text):
        s, end = trim(text, m.start("name"), m.end("name"), False)[0], m.end("name")
        conjunction = _LAST_CONJUNCTION.search(text, s, end)
        if conjunction and conjunction.start() - s >= 2 and end - conjunction.end() >= 2:
            s = conjunction.end()  # 甲及乙(移动客户端): the bracket belongs to the last name
        name = text[s:end]
        if _overlaps(taken, s, end) or not item_ok(name, 14):
            continue
        out.append(Mention(s + offset, end + offset, name, "new_media",
                           platform=v["platform_by_word"].get(m.group("platform"), "客户端"), tail_end=m.end() + offset))
    return out


# The bracket after an account that names who runs it (“甲”微信公众号(开办主体:县人社局), “乙”(县林业局主办)).
_OWNER_BRACKET = regex.compile(r"\((?:(?:开办|主办|运营|运维|开设|主管|管理)(?:主体|单位)[:,]?[^()\n]{1,30}"
                               rf"|[^()\n,]{{2,30}}?(?:{alternation(vocab()['running_verbs'])}))\)")


def owners_in_brackets(text: str, offset: int, found: list[Mention]) -> None:
    """乙(微信公众号,县粮食局), “甲”微信公众号(开办主体:县人社局), “丙”(县粮食局), @丁(县城管局): the body named in a bracket after an account
    runs the account; it is the account's owner, not a unit assessed there."""
    accounts = {m.end: m for m in found if m.type == "new_media"}
    accounts.update((m.tail_end, m) for m in found if m.type == "new_media" and m.tail_end)
    spans = [b.span() for b in patterns()["platform_bracket"].finditer(text)]
    spans += [b.span() for end in accounts if (b := _OWNER_BRACKET.match(text, end - offset))]
    # “甲”(县粮食局), “乙”(县旅游局,新浪微博): the owner a quoted account was read with; “丙”微信公众号(县教育局):
    # a body alone in brackets after a quoted account and its account word
    spans += [b.span() for end, m in accounts.items() if m.quoted and (b := patterns()["owner_bracket"].match(text, end - offset))
              and (b.group(1) == m.owner or (m.account and any(f.start - offset == b.start(1) and f.end - offset == b.end(1)
                                                                    for f in found)))]
    # @甲(县城管局): a body closing the bracket right after a handle
    spans += [b.span() for end, m in accounts.items() if m.written.startswith("@")
              and (b := patterns()["owner_bracket"].match(text, end - offset))
              and any(b.start(1) <= f.start - offset and f.end - offset == b.end(1) for f in found)]
    # “甲”(县农牧局微信公众号): the body before the account word in the bracket after a quoted account
    brackets = [(b.span(), m) for m in found if m.quoted and m.type == "new_media" and m.account
                and (b := patterns()["bracket_account"].match(text, m.end - offset + 1)) is not None and b.group("owner")]
    owned = {span[0] + offset: m for span, m in brackets}
    spans += [span for span, _ in brackets]
    for start, end in ((a + offset, b + offset) for a, b in spans):
        inside = [m for m in found if start < m.start and m.end <= end]
        for mention in inside:
            mention.role = True
        account = accounts.get(start) or owned.get(start)
        if account is not None:
            account.tail_end = max(account.tail_end, end)  # what is said of it follows the bracket
            if inside and account.owner is None:
                account.owner = inside[0].name


def accounts_named_by_owners(text: str, offset: int, found: list[Mention]) -> None:
    """“马鞍镇”(乐坪县马鞍镇人民政府), “县供销社”微信公众号(县供销合作社联合社): a quoted account named by the body
    that runs it (a body's name, short for the one in brackets after it) stands for the body, under the fuller
    name the bracket gives."""
    bodies = {m.end - offset: m for m in found if not m.quoted and m.type != "new_media"}
    for account in found:
        if not account.quoted or (b := _OWNER_AFTER_QUOTE.match(text, account.end - offset)) is None:
            continue
        owner = bodies.get(b.end("owner"))  # the body that closes the bracket
        if owner is not None and b["owner"] != account.name and account.name.endswith(_body_endings()) \
                and _shortens(account.name, b["owner"]):
            account.same_as, account.type, account.owner, account.platform = b["owner"], owner.type, None, None
            owner.role = True


# After a quoted name: its account word, then a bracket that may give the platform first (新浪微博,…) or the
# account word after the owner (乙镇人民政府今日头条号).
_OWNER_AFTER_QUOTE = regex.compile(r"”[^()“”\n,。]{0,8}\((?:[^(),“”\n]{1,8},)?(?P<owner>\p{Han}{2,30}?)"
                                   rf"(?:{alternation(vocab()['bracket_platforms'])})?\)")


@lru_cache(maxsize=1)
def _body_endings() -> tuple[str, ...]:
    """What a body's name ends in (镇, 街道, 局, 供销社…), as against an account's own name (乐坪安监, 南坪文旅)."""
    return tuple(word for word, kind in vocab()["suffix_type"].items() if kind in ("township", "subdistrict", "department"))


def _shortens(short: str, full: str) -> bool:
    """Whether `short` keeps `full`'s characters in order (马鞍镇 of 乐坪县马鞍镇人民政府, 县供销社 of
    县供销合作社联合社): a short form of that name."""
    rest = iter(full)
    return all(char in rest for char in short)


# An account's name opening an item, a clause or a line, then the body that runs it in brackets.
_NAME_BEFORE_OWNER = regex.compile(r"(?:^|(?<=[,;:。、\n“])|(?<=(?:^|\n)\s*(?:\d{1,2}[.、]|\(\d{1,2}\))))"
                                   r"(?P<name>\p{Han}{2,14})\($")
_ACCOUNT_WORDS = re_compile(r"新媒体|公众号|微博|抖音|头条号|快手|视频号|账号")


def owned_accounts(text: str, offset: int, found: list[Mention], scope) -> list[Mention]:
    """澄溪交警(市公安局交通警察支队) where accounts are spoken of (the clause or its headings): a name of no
    known ending before the body in brackets is that body's account, and the body its owner, not a unit
    assessed there."""
    headings = "".join(h for h in (scope.heading, scope.topic) if h) if scope is not None else ""
    if not (_ACCOUNT_WORDS.search(text) or _ACCOUNT_WORDS.search(headings)):
        return []
    taken = [(m.start - offset, m.end - offset) for m in found]
    out = []
    for owner in found:
        start, end = owner.start - offset, owner.end - offset
        if owner.type == "new_media" or text[start - 1:start] != "(" or text[end:end + 1] != ")":
            continue
        before = _NAME_BEFORE_OWNER.search(text, max(0, start - 20), start)
        if before is None or not item_ok(before["name"], 14) \
                or any(a < before.end("name") and before.start("name") < b for a, b in taken):
            continue
        owner.role = True
        out.append(Mention(before.start("name") + offset, before.end("name") + offset, before["name"], "new_media",
                           owner=owner.name, tail_end=end + 1 + offset))
    return out


@lru_cache(maxsize=1)
def _site_name() -> regex.Pattern:
    """A site's own name ending in 网 (教育网, 统计信息网), opening a clause, a line, a list item or a quote;
    网 then opens no other word (网站, 网页, 网民, 网格…)."""
    # (二)甲统计信息网, 2.乙网: after a heading's number too
    opening = r"(?:^|(?<=[,;:。、\n“和及与])|(?<=(?:^|\n)(?:\([一二三四五六七八九十\d]{1,3}\)|\d{1,2}\.)))"
    return regex.compile(rf"{opening}(?P<name>\p{{Han}}{{2,16}}?网)(?![{_NOT_SITE_END}])")


_NOT_SITE_END = "站页址络民格点上信安办友速关吧店购评红"
_SITE_END = re.compile(f"网(?![{_NOT_SITE_END}])")  # re, a gate cheaper than the pattern it spares
_NOT_SITE_CORE_END = "管上读电水路光联铁渔球"  # 管网, 上网, 读网, 电网…: no site


@lru_cache(maxsize=1)
def _generic_site() -> regex.Pattern:
    """The kind-of-site words a site name may end in before its 网 (政务, 政府门户, 政务服务)."""
    return regex.compile(f"(?:{alternation(vocab()['not_site_names'])})$")


def own_named_sites(text: str, offset: int, found: list[Mention], masks) -> list[Mention]:
    """峡江在线、玉峡之窗, 镇赉旅游之窗(县旅游局): in a notice that inspected websites and no account, a name ending
    in 在线 or 之窗 opening a clause or a list's item names a site; a body in brackets after it is its owner."""
    out = []
    if not any(end in text for end in EITHER_ENDS):
        return out
    taken = _taken(found, offset, masks)
    for match in _OWN_NAMED_SITE.finditer(text):
        start, end = match.span("name")
        if _overlaps(taken, start, end) or not item_ok(match.group("name")[:-2], 12):
            continue
        site = Mention(start + offset, end + offset, match.group("name"), "website", tail_end=end + offset)
        if owner := match.group("owner"):
            site.owner, site.tail_end = owner, match.end() + offset
            for m in found:  # (named only as the owner)
                if match.start("owner") <= m.start - offset and m.end - offset <= match.end("owner"):
                    m.role = True
        out.append(site)
    return out


_OWN_NAMED_SITE = regex.compile(rf"(?:^|(?<=[,;:。、\n和及与]))(?P<name>\p{{Han}}{{2,12}}?(?:{'|'.join(EITHER_ENDS)}))"
                                r"(?:\((?P<owner>[^()]{2,20}?(?:局|委|办|中心|政府|院|站|所|馆|会))\))?(?=[、,;:。和及与(]|$)")


def site_names(text: str, offset: int, found: list[Mention], masks) -> tuple[list[Mention], list[Mention]]:
    """(new mentions, found mentions they replace) for sites named by their own name (西宁教育网): a unit of
    type website named with its 网. A body's own site (县教育局网) stays the body; a place the name opens
    with (西宁市|统计信息网) is part of the site's name."""
    if "网" not in text or not _SITE_END.search(text):
        return [], []  # the common case: every 网 opens a word (网站, 网页…)
    new, replaced = [], []
    for m in _site_name().finditer(text):
        s, end = trim(text, m.start("name"), m.end("name"), False)[0], m.end("name")
        inside = [k for k in found if s <= k.start - offset < end]
        if any(k.end - offset >= end - 1 for k in inside) or any(a < end and s < b for a, b in masks if text[a] == "《"):
            continue  # the body's own site (县教育局网), or a title
        if any(k.type not in ("government", "township", "subdistrict") for k in inside):
            continue
        core = text[s:end - 1]
        if not core:
            continue
        owner = _generic_site().sub("", core)
        if owner != core and (len(owner) < 2 or owner in vocab()["group_nouns"] or owner in division_shorts()
                              or any(k.start - offset == s and k.end - offset == s + len(owner) for k in inside)):
            continue  # 政务网, 乡镇政务网, 沙洲镇政务网, 甘肃政务服务网: a kind of site, or a place's own
        if core in vocab()["platforms"] or text[s:end] in vocab()["platforms"] or core[-1] in _NOT_SITE_CORE_END:
            continue  # 中国政府网 is a platform; 管网, 上网, 读网 are no sites
        if not inside and not item_ok(core, 15):
            continue
        replaced += inside
        site = Mention(s + offset, end + offset, text[s:end], "website", tail_end=end + offset)
        site.role = role_before(text, s)  # 欢迎访问…网, 登录…网: visited, not assessed
        new.append(site)
    return new, replaced


def clause_provinces(text: str, offset: int, ents: Ents, found: list[Mention], masks) -> list[Mention]:
    """A province's short form opening a clause as its subject (湖南逐项梳理…, 宁夏对照…)."""
    p = patterns()
    taken = _taken(found, offset, masks)
    out = []
    for start, end in ents.shorts:
        if ents.short_at(start) != end or not p["prov"].fullmatch(text, start, end):
            continue
        head = text[max(0, start - 4):start]
        if start and not p["clause_open"].search(head):
            continue
        if any(a <= start < b for a, b in taken):
            continue
        listed = _province_list(text, ents, start, end) if text.startswith(("、", "和", "及"), end) else [(start, end)]
        if not listed or p["not_subject"].match(text, listed[-1][1]) or _INSTITUTION.match(text, listed[-1][1]):
            continue
        out += [Mention(a + offset, b + offset, text[a:b], "government", tail_end=b + offset) for a, b in listed]
    return out


# A firm's or institute's name that a province's short form opens (山东某某公共管理研究院, 浙江某某科技有限公司).
_INSTITUTION = regex.compile(r"[\p{Han}()]{1,16}?(?:研究院|研究所|研究中心|有限公司|公司|集团|大学|学院|事务所)")


_PROVINCE_JOINT = ("、", "和", "及")


def _province_list(text: str, ents: Ents, start: int, end: int) -> list[tuple[int, int]]:
    """山西、内蒙古和青海抽查合格率低于90%: provinces' short forms listed as a clause's subject, each a span;
    none when an item of the list is not a province's short form."""
    items = [(start, end)]
    while text.startswith(_PROVINCE_JOINT, end):
        nxt = end + 1
        close = ents.short_at(nxt)
        if close is None or not patterns()["prov"].fullmatch(text, nxt, close):
            return []
        items.append((nxt, close))
        end = close
    return items
