"""Unit mentions inside one sentence: suffix chains, quoted accounts and lists of bare names.

A name is cut where the EntityRuler found a name ending (SUFFIX) or a division (DIV); each piece is
trimmed of words a name never starts with, and adjacent pieces chain when the left one is a place
(青神县 + 公安局 + 交通管理大队). Lists are walked by hand, item by item, over a bounded window, so
hostile input (tens of thousands of 、-separated names) stays linear.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from .gazetteer import alternation, divisions, vocab

SINGLE_GOV = frozenset("省市县区州旗盟")
PLACE_TYPES = ("township", "subdistrict", "community")
MAX_LIST = 600  # characters a list is walked back over; real lists are far shorter
MAX_SHARED = 4  # longest bare item that takes the suffix of the list's last name (西街 → 西街街道)


@dataclass
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
    list_noun: str | None = None  # 单位/乡镇… closing the list a bare name stands in
    account: str | None = None  # 微信订阅号, 网站… written right after the name
    tail_end: int = 0  # end of the name plus its account word
    quoted: bool = False
    written: str = ""  # the name as written, when it differs (西街 for 西街街道)
    evidence: bool = True  # set by the caller: assessed here (not in a requirements section, not a role)
    sentence: tuple[int, int] | None = None
    extras: dict = field(default_factory=dict)


@dataclass
class _Piece:
    start: int
    end: int
    kind: str  # unit type of the ending, or "div" for a division
    suffix: str
    core: int  # characters before the suffix, after trimming
    lead: str | None
    trimmed: bool


@lru_cache(maxsize=1)
def patterns() -> dict[str, regex.Pattern]:
    v = vocab()
    account = alternation(v["account_words"])
    named_account = alternation(v["account_words"] - {"账号", "网", "网站", "门户网站", "客户端"})
    count = r"(?:\d{1,6}|[一二三四五六七八九十两]{1,3})"
    nouns = "家单位|单位|乡镇|街道|镇街|镇|乡|部门|地区|市州|县区|县市区|区县|社区|村|地方|地|省份|省区市|区市"
    return {
        "quote": regex.compile(r"“([^“”\n]{1,40})”"),
        "book": regex.compile(r"《[^《》\n]{0,120}》"),
        "run": regex.compile(r"\p{Han}{1,300}"),
        "lead": regex.compile(alternation(v["lead_words"])),
        "lead_end": regex.compile(f"(?:{alternation(v['lead_words'] | v['role_leads'])})$"),
        "break": regex.compile(alternation(v["break_words"])),
        "generic": regex.compile(alternation(v["generic_openings"])),
        "role_tail": regex.compile(v["role_tails"]),
        "role_label": regex.compile(r"(?:来源|发布机构|发文机关|发文单位|主办单位|信息来源|主送|抄送|抄报|联系人)\s*:\s*$"),
        "account": regex.compile(f"的?(?P<acc>{account})"),
        "gov_site": regex.compile(r"(?:人民)?政府(?:门户)?网站"),
        "tail": regex.compile(rf"(?:等{count}?[个家]?|{count}[个家])(?P<noun>{nouns})|等{count}?[个家]?(?P<acc>{account})"),
        "bare_account": regex.compile(rf"(?<!\p{{Han}})(?P<name>\p{{Han}}{{2,8}}?)(?P<acc>{named_account})"),
        "conj": regex.compile(r"以及|[和及与]"),
        "han": regex.compile(r"\p{Han}{2,6}"),
        "hanrun": regex.compile(r"\p{Han}+"),
        "hard": regex.compile(r"[,;:。!?()\[\]“”《》\n]"),
        "prov": regex.compile(alternation(_province_shorts())),
        "clause_open": regex.compile(r"(?:^|[,;:。])(?:其中|此外|另外|同时)?$"),
        "not_subject": regex.compile(r"\p{Han}?(?:省|市|政务|政府|人民|日报|卫视|电视|广播|新闻|网|经济|信息|发布|卫生|教育|公安|交通|地区|等|、)|[、“”《(]"),
        "frame_open": regex.compile(r"(?:按照|根据|依据|依照|遵照)[^,。;:]{0,120}$"),
        "frame_close": regex.compile(r"[^,。;]{0,12}?(?:有关|相关)?(?:工作)?(?:要求|规定|精神|部署|安排)"),
    }


def _province_shorts() -> set[str]:
    """Short forms of province-level divisions (湖南, 宁夏), from the gazetteer."""
    out = set()
    for name, row in divisions().items():
        if row.level == "province":
            short = regex.sub(r"(?:维吾尔|壮族|回族)?自治区$|特别行政区$|省$|市$", "", name)
            if len(short) >= 2:
                out.add(short)
    return out


class Ents:
    """The ruler's spans in one sentence, sorted, so a stretch's spans are found by bisection."""

    def __init__(self, doc, start: int = 0, end: int | None = None):
        """The spans of doc.text[start:end], with offsets relative to `start`."""
        spans = [(e.start_char - start, e.end_char - start, e.label_, e.ent_id_) for e in doc.ents
                 if e.start_char >= start and (end is None or e.end_char <= end)]
        self.ends = [s for s in spans if s[2] in ("SUFFIX", "DIV")]
        self.end_starts = [s[0] for s in self.ends]
        self.shorts = [(s[0], s[1]) for s in spans if s[2] in ("DIV_SHORT", "PROV")]
        self.short_starts = [s[0] for s in self.shorts]

    def ends_in(self, start: int, end: int):
        i = bisect.bisect_left(self.end_starts, start)
        while i < len(self.ends) and self.ends[i][0] < end:
            if self.ends[i][1] <= end:
                yield self.ends[i]
            i += 1

    def short_at(self, position: int) -> int | None:
        i = bisect.bisect_left(self.short_starts, position)
        if i < len(self.shorts) and self.shorts[i][0] == position:
            return self.shorts[i][1]
        return None


def _trim(text: str, start: int, core_end: int, prefixable: bool, suffix_len: int = 1) -> tuple[int, str | None]:
    """Where a name starts in text[start:core_end]: after the last break word and any lead words."""
    p = patterns()
    pos, lead = start, None
    for m in p["break"].finditer(text, start, core_end, overlapped=True):
        if m.end() > pos and _may_cut(core_end - m.end(), m.group(), prefixable, suffix_len):
            pos, lead = m.end(), m.group()
    while pos < core_end:
        m = p["lead"].match(text, pos, core_end)
        if not m or not _may_cut(core_end - m.end(), m.group(), prefixable, suffix_len):
            break
        pos, lead = m.end(), m.group()
    return pos, lead


def _may_cut(rest: int, lead: str, prefixable: bool, suffix_len: int) -> bool:
    """Cutting a word off must leave a name: two characters before the ending, or one after a long word.

    A single character (和, 如, 将) is only cut when two stay, so 和平镇 and 如东县 keep theirs."""
    if rest >= 2 or (rest == 0 and prefixable):
        return True
    word = len(lead)
    return (word >= 2 or lead in vocab()["safe_leads"]) and rest + suffix_len >= 2


def _pieces(text: str, run_start: int, run_end: int, ents: Ents) -> list[_Piece]:
    """Cut a run of Han characters after each name ending and trim each piece."""
    v = vocab()
    pieces: list[_Piece] = []
    cursor = run_start
    for start, end, label, ident in ents.ends_in(run_start, run_end):
        suffix = text[start:end]
        if label == "DIV":
            # Only divisions and their short forms may stand before a division (酒泉肃州区).
            covered = cursor
            while covered < start and (nxt := ents.short_at(covered)) is not None and nxt <= start:
                covered = nxt
            name_start, lead = (cursor, None) if covered == start else (start, None)
            if name_start > cursor:
                m = patterns()["lead_end"].search(text, cursor, start)
                lead = m.group() if m else None
            pieces.append(_Piece(name_start, end, "div", suffix, start - name_start, lead, name_start > cursor))
        else:
            name_start, lead = _trim(text, cursor, start, suffix in v["prefixes"], len(suffix))
            core = start - name_start
            junk = core > 0 and (suffix in ("政府", "人民政府") or suffix in SINGLE_GOV)
            pieces.append(_Piece(name_start, end, "junk" if junk else ident, suffix, core, lead,
                                 name_start > cursor))
        cursor = end
    return pieces


def _joins(left: _Piece, right: _Piece, left_type: str) -> bool:
    """Whether `right` continues the name that `left` ends (区 + 政府 + 金融办)."""
    v = vocab()
    if right.trimmed or "junk" in (left.kind, right.kind):
        return False
    if (left.core == 0 and left.suffix in v["prefixes"]) or right.core == 0:
        return True
    if left.kind == "div" or left.suffix in v["place_endings"]:
        return True
    return left_type == "department" and right.suffix in v["subunit_endings"]


def _chain_type(chain: list[_Piece]) -> str:
    last = chain[-1]
    if last.kind == "div":
        return "government"
    if last.suffix in ("政府", "人民政府") and len(chain) > 1 and chain[-2].kind in PLACE_TYPES:
        return chain[-2].kind
    return last.kind


def _valid(chain: list[_Piece], name: str, type_: str) -> bool:
    v = vocab()
    if name in v["never_units"] or name in v["platforms"] or not 2 <= len(name) <= 30:
        return False
    if patterns()["generic"].match(name) and chain[0].kind != "div" and not divisions_prefix(name):
        return False
    last = chain[-1]
    if any(p.kind == "junk" for p in chain) or _admin_only(chain, name):
        return False
    if _self_reference(name, last.suffix):
        return False
    if type_ == "government" and len(chain) == 1 and last.kind != "div":
        return last.suffix not in SINGLE_GOV or name in divisions()
    return True


def _group(pieces: list[_Piece]) -> list[list[_Piece]]:
    groups: list[list[_Piece]] = []
    for piece in pieces:
        if groups and groups[-1][-1].end == piece.start and _joins(groups[-1][-1], piece, _chain_type(groups[-1])):
            groups[-1].append(piece)
        else:
            groups.append([piece])
    return groups


def chains(text: str, start: int, end: int, ents: Ents, offset: int) -> list[Mention]:
    """Suffix-chained names in text[start:end], a stretch outside quotes and book titles."""
    p = patterns()
    out: list[Mention] = []
    for run in p["run"].finditer(text, start, end):
        for chain in _group(_pieces(text, run.start(), run.end(), ents)):
            s, e = chain[0].start, chain[-1].end
            name, type_ = text[s:e], _chain_type(chain)
            if not _valid(chain, name, type_):
                continue
            mention = Mention(s + offset, e + offset, name, type_, tail_end=e + offset)
            site = p["gov_site"].match(text, e)
            if site and type_ == "government" and not name.endswith("政府"):
                mention.name, mention.type, mention.written = name + "政府", "website", name
                mention.account, mention.tail_end = "网站", site.end() + offset
            elif acc := p["account"].match(text, e):
                mention.account, mention.tail_end = acc.group("acc"), acc.end() + offset
                if name.endswith("政府") and acc.group("acc") in vocab()["website_words"]:
                    mention.type = "website"
            mention.role = is_role(text, s, mention.tail_end - offset, chain[0].lead) or (
                type_ == "government" and text[e:e + 1] == "“")  # 云南省“勐腊县保护所”网: a qualifier
            out.append(mention)
    return out


def is_role(text: str, start: int, end: int, lead: str | None = None) -> bool:
    """Inspector, author, rule-setter, place or addressee: named, but not assessed."""
    p = patterns()
    if lead is None and start > 0:
        m = p["lead_end"].search(text, max(0, start - 4), start)
        lead = m.group() if m else None
    if lead in vocab()["role_leads"] or p["role_label"].search(text, max(0, start - 12), start):
        return True
    if p["role_tail"].match(text, end):
        return True
    # 按照…X…要求: a body that set the rules of the inspection.
    clause_start = max(0, start - 130)
    frame = p["frame_open"].search(text, clause_start, start)
    return bool(frame and p["frame_close"].match(text, end))


def quoted(text: str, ents: Ents, offset: int) -> list[Mention]:
    """“Name” followed by an account word, or a quoted body name (“市信访局”经…)."""
    p = patterns()
    v = vocab()
    out: list[Mention] = []
    matches = list(p["quote"].finditer(text))
    last = -1
    for index, m in enumerate(matches):
        content = m.group(1)
        # Adjacent quotes share the account word after the last one (“市应急局”“市住建局”网站).
        last = max(last, index)
        while last + 1 < len(matches) and matches[last + 1].start() == matches[last].end():
            last += 1
        if content in v["platforms"] or p["generic"].match(content):
            continue
        acc = p["account"].match(text, matches[last].end())
        inner = chains(text, m.start(1), m.end(1), ents, offset)
        whole = next((c for c in inner if c.start == m.start(1) + offset and c.end == m.end(1) + offset), None)
        word = acc.group("acc") if acc else None
        if whole is not None and (word is None or word in v["website_words"]):
            type_, platform = whole.type, None  # a body, or a site named by its owner (“盘锦市公安局”网站)
        elif word and p["han"].match(content):
            type_ = "website" if word in v["website_words"] else "new_media"
            platform = None if type_ == "website" else v["platform_by_word"].get(word)
        else:
            continue
        mention = Mention(m.start(1) + offset, m.end(1) + offset, content, type_, platform=platform, quoted=True)
        mention.account = acc.group("acc") if acc else None
        mention.tail_end = (acc.end() if acc and last == index else m.end()) + offset
        mention.role = is_role(text, m.start(), acc.end() if acc else m.end())
        out.append(mention)
    return out


def _admin_only(chain: list[_Piece], name: str) -> bool:
    """省市, 市县乡: admin words with no name of their own (政府办公室 alone is a short name, kept)."""
    if all(p.kind != "div" and p.core == 0 for p in chain):
        return not (len(chain) > 1 and chain[-1].kind == "department" and len(name) >= 4)
    core = name[: len(name) - len(chain[-1].suffix)]
    return bool(core) and all(ch in "省市县区乡镇州" for ch in core)


def _self_reference(name: str, suffix: str) -> bool:
    """我局, 该镇, 各镇办: a name whose opening or last word before the ending is a pronoun or 各."""
    core = name[: len(name) - len(suffix)]
    return bool(core) and (core[-1] in "我本该各此全" or any(ch in "各我该" for ch in name[:3]))


def divisions_prefix(name: str) -> bool:
    table = divisions()
    return any(name[:k] in table for k in range(2, min(len(name), 9)))


def official(name: str) -> bool:
    """A body's official name opens with an admin prefix or a full division name (青神县…, 县…), not a short form."""
    return name[:1] in SINGLE_GOV or divisions_prefix(name)


def _item_ok(item: str, longest: int = 6) -> bool:
    v = vocab()
    p = patterns()
    if not (2 <= len(item) <= longest) or not p["hanrun"].fullmatch(item):
        return False
    if item in v["platforms"] or item in v["never_units"] or item in v["person_titles"]:
        return False
    return not p["generic"].match(item) and not p["lead"].fullmatch(item)


def _boundary(text: str, position: int) -> int:
    floor = max(0, position - MAX_LIST)
    hard = patterns()["hard"]
    for i in range(position - 1, floor - 1, -1):
        if hard.match(text, i):
            return i + 1
    return floor


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
    p = patterns()
    v = vocab()
    known = {m.start - offset: (m.tail_end - offset, m) for m in found}
    out: list[Mention] = []
    taken: set[int] = set()
    for m in found:
        s = m.start - offset
        suffix = _place_suffix(m.name) if m.type in PLACE_TYPES and not m.quoted else None
        if not suffix or s == 0 or text[s - 1] != "、":
            continue
        items = _split_items(text, _boundary(text, s), s, known)
        last_group = items[-1][1] if items else None
        for (a, b), group, mention in reversed(items):
            item = text[a:b]
            if mention is not None or group != last_group or len(item) > MAX_SHARED or not _item_ok(item):
                break
            out.append(Mention(a + offset, b + offset, item + suffix, m.type, role=m.role, written=item,
                               tail_end=b + offset))
            taken.add(a)
    for tail in p["tail"].finditer(text):
        t = tail.start()
        if any(a <= t < b for a, b in masks):
            continue
        items = _split_items(text, _boundary(text, t), t, known)
        noun, acc = tail.group("noun"), tail.group("acc")
        for index, ((a, b), _, mention) in enumerate(items):
            if mention is not None or a in taken:
                continue
            if index == 0:
                a, _ = _trim(text, a, b, False)
            item = text[a:b]
            if not _item_ok(item, 10 if acc else 6) or text[b:b + 1] in ("…", "."):
                continue
            bare = Mention(a + offset, b + offset, item, _noun_type(noun, acc), bare=True, list_noun=noun or acc,
                           tail_end=b + offset)
            bare.platform = v["platform_by_word"].get(acc) if acc else None
            bare.role = is_role(text, a, b)
            out.append(bare)
            taken.add(a)
    return out


def _place_suffix(name: str) -> str | None:
    return next((s for s in ("街道", "社区", "镇", "乡", "村") if name.endswith(s)), None)


def _noun_type(noun: str | None, acc: str | None) -> str:
    if acc:
        return "website" if acc in vocab()["website_words"] else "new_media"
    if noun in ("乡镇", "镇", "乡", "镇街"):
        return "township"
    if noun in ("街道", "社区", "村", "部门"):
        return {"街道": "subdistrict", "社区": "community", "村": "community", "部门": "department"}[noun]
    if noun in ("单位", "家单位"):
        return "other"
    return "government"


def bare_accounts(text: str, offset: int, found: list[Mention], masks) -> list[Mention]:
    """Unquoted account names right before an account word at a clause start (德山公安微博账号)."""
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
        s, _ = _trim(text, s, m.end("name"), False)
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
