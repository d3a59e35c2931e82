"""Shortcomings attributed to named units: one problem per unit and per clause that criticises it."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

import regex

from ..re_compat import re_compile
from ..structure.sections import classify_title
from .enumerations import heading_words, praise
from .mentions import ANSWERABLE, FORWARDING, names_after_colon
from .gazetteer import vocab
from .vocabulary import COUNT, NUMBER_MARK, alternation
from .problems_text import (QUALIFIER, announces_only, describe, details_faults, done_only, inherited, is_problem, none_cell,
                            points_back, split_cell, subjectless_fault)
from .units_tables import PROBLEM_HEAD, locate_rows
from .units_text import BY_START, owner_end

# Items of one list: joined by a mark or a conjunction, or set apart by spaces only (甲局 乙局 丙镇).
_SEPARATOR = re_compile(r"[ \t\u3000]*(?:,?(?:、|和|及|与|以及|或)[ \t\u3000]*)?")
# A note in brackets after an item: its score or count (乙镇(64分)), or its site's address (甲局网站(www.…)).
_NOTE = r"\((?:[^()]{0,12}|(?:https?://)?[\w.-]{4,60}\.[a-z]{2,4}/?)\)"
_GROUP_TAIL = regex.compile(
    rf"(?:{_NOTE})?"  # a note on the last item
    # after a count or 等 any group noun (甲、乙等3个村); right after a name only a word (甲镇、乙镇乡镇), since a
    # single character there opens the next word (白鹤村村务公开栏)
    rf"(?:\s?(?:等{COUNT}?[个家]?|{COUNT}[个家])(?:{alternation(vocab()['group_nouns'])}|网站|账号)?"
    rf"|(?:{alternation(w for w in vocab()['group_nouns'] if len(w) > 1)}|网站|账号))?"
    r"(?:和(?:部门|单位))?"
    r"(?:的?(?:微信公众号|微信订阅号|公众号|微博|抖音号|账号|网站))?\)?"  # “甲”(乙局微信公众号): its bracket
    r"(?:为例,?(?:该\p{Han}{1,2}?(?=[未不没无存仍在对的])|其)?)?")  # 以甲局为例,该局未…: the example's own clause
# Two lists joined after the first one's group noun share a predicate (甲、乙等乡镇及丙等单位推进不力,
# 甲、乙两个乡镇,以及丙局).
_JOINED_LISTS = regex.compile(
    rf"(?:等{COUNT}?|{COUNT})?[个家]?(?:{alternation(vocab()['group_nouns'])}),?(?:和|及|以及|与)")
# An item whose account is qualified by its place (…、岱岳区“岱岳森林防火”微信公众号): the list goes on.
_QUALIFIED_GAP = regex.compile(r"(?:、|和|及|与)\p{Han}{1,10}?[省市县区州旗盟]“")
# A count of the units bracketed after it (有6个单位(甲、乙…)未…): the list is the clause's subject.
_COUNTED_GROUP = regex.compile(
    rf"(?:有|共|共有|计)?{COUNT}[个家](?:{alternation(vocab()['group_nouns'])}|网站|账号|政务新媒体)\($")
# An account word introducing a quoted name, after the body it belongs to (市政府官方微博“甲”).
_ACCOUNT_INTRO = regex.compile(
    rf"[^,;:。“”]{{0,16}}?(?:{alternation(vocab()['account_words'] - vocab()['website_words'])}|(?:政务)?新媒体)"
    r"(?:名称)?(?:为|是)?:?“?")
# Between a body and the quoted accounts it runs (县卫计委所属“甲”“乙”): one list, the accounts its items.
_OWNED_GAP = regex.compile(r"(?:所属|下属|主办|开设|运营|管理)?的?“")
_SITE_WORDS = regex.compile(r"(?:政府门户网站|政府网站|门户网站|网站|专栏|网页)(?:和|及|与|以及)?")
_NUMBERING = re_compile(rf"^{NUMBER_MARK}[ \u3000]*")  # (1. 甲镇…: a space may follow the mark)
_LABEL = re_compile(
    r"(?P<label>[^,;:。()]{2,30}?)(?:的(?:单位)?(?:主要|具体)?(?:有|是|为)|\d{1,4}[个家],?(?:分别|依次)(?:是|为))[:,]?$")
# How every _LABEL match ends; testing it first spares a regex that tries each start in the text.
_LABEL_ENDS = tuple(verb + mark for verb in "有是为" for mark in ("", ":", ","))
_PLACE_ENDS = ("省", "市", "县", "区")
_QUALIFIER = regex.compile(rf"(?:\p{{Han}}{{2,8}}|[我本])[{''.join(_PLACE_ENDS)}]$")  # (我县北岗乡: our county's)
# The words of a problems section's own title (存在的主要问题及整改要求): no fault of a unit's.
_SECTION_WORDS = regex.compile(r"(?:存在|出现|发现)?的?(?:主要)?问题")
_MAX_CLAUSE = 40
# 存在以下问题: a description that announces the faults listed after it.
# What announces the faults listed after it, closing a description (存在以下问题, 在政务公开工作中存在以下问题).
_FORWARD = regex.compile(r"(?:存在)?(?:以下|如下|下列)(?:几个|几方面)?(?:突出|主要|具体)?(?:问题|不足|情况)$")
_ITEM_MARK = regex.compile(rf"^\s*{NUMBER_MARK}")
_MAX_ITEMS = 12
_MAX_SIBLINGS = 4  # lists parted by ; that a sentence pointing back after them (以上单位…) may cover
_MAX_ITEM_LINES = 40  # lines of one item each that a sentence pointing back after them may cover
_MAX_ITEM_LINE = 60  # a line longer than this is prose, not an item of a list laid out one per line
# What lost characters leave before a name: stray bytes (��h发改委), or a damaged item and its 、.
_DAMAGED_OPENING = regex.compile(r"^(?:[^\p{Han}、,;:。]{0,3}$|[^、,;:。]{0,8}、)")
_ITEM_NOTE = regex.compile(rf"^(?:网站|网|账号|公众号)?{_NOTE}")  # (甲局网站(52.3分)、乙局…)
_FAULT_NOTE = re_compile(r"\(([^()]{2,20})\)")
# What an item may carry before the next one: its site or account word and its count, or its score
# (甲局网站3处、乙局网站2处, 甲镇98.5分、乙乡97分).
_ITEM_COUNT = regex.compile(rf"^(?:网站|网|账号|公众号)?{COUNT}[条个次处篇件家]|^\d{{1,3}}(?:\.\d{{1,2}})?分")
_DAMAGED_ITEM = regex.compile(r"、[^、,。;]*\ufffd[^、,。;]*(?=、)")
_FIRST_CLAUSE = re_compile(r"[,;。]")
_BARE = regex.compile(r"[等,。;、\s]*(?:等?(?:问题|情况|现象|单位))?[。;]?")


@lru_cache(maxsize=1)
def _openers() -> re.Pattern:
    """Words that may stand between a clause start and its subject (如, 其中, 经查, 本月…)."""
    return re_compile(f"(?:{alternation(vocab()['lead_words'])}|[,:;])*")


def find_problems(ctx, units) -> list[dict]:
    """Problems from body sentences and from table rows with a problem column."""
    if not units:
        return []  # a problem is always a unit's
    by_sentence: dict[tuple[int, int], list] = {}
    for unit in units:
        for mention in unit.mentions:
            if mention.sentence is not None and mention.evidence:
                by_sentence.setdefault(mention.sentence, []).append(mention)
    problems: list[dict] = []
    lead = None
    topics = _topics(ctx, units)
    last = ctx.sentences[-1] if ctx.sentences else None
    sentences = ctx.sentences
    line_subject = None  # the unit opening a line (东湖镇:A;B) whose faults go on after a ;
    went_on = None  # the one unit opening a sentence ended by ;, whose next sentence may name a part of it
    named = None  # the one unit the sentence before named, which 该网站, 该局… in the next point back to
    for index, sentence in enumerate(sentences):
        mentions = by_sentence.get((sentence.start, sentence.end))
        topic = topics.get(id(sentence.section)) if topics and sentence.section is not None else None
        if topic is not None and not mentions and sentence.text.endswith(":"):
            topic = None  # a line introducing the next list (…的单位:) is not about the unit above it
        if topic is None and not mentions and line_subject is not None:
            topic = line_subject
        elif topic is None and not mentions and went_on is not None \
                and (_GOES_ON.match(sentence.text) or subjectless_fault(sentence.text)):
            topic = went_on  # 县卫计局网站文件未标注日期;“办事指南”栏目链接失效: a part of its site, no new subject;
            # 你镇未建立台账;未告知延期理由: a fault with no subject goes on about it
        elif topic is None and not mentions and named is not None and _ANAPHOR.match(sentence.text):
            topic = named  # 县住建局网站。该网站首页…未更新: 该 points back to the one unit just named
        elif topic is None and not mentions and named is not None and _RECORD_FAULT.match(sentence.text) \
                and sentence.whole_line and _RECORD_UNIT.match(sentences[index - 1].text):
            topic = named  # 单位:甲镇 ⏎ 问题:…: a record's line of faults is about the unit on its line before
        if topic is None and not mentions:
            # what the helpers below give a sentence about no unit (most sentences): no subject goes on, it leads
            line_subject = went_on = named = None
            lead = sentence
            continue
        line_subject = _line_subject(sentence, mentions, topic)
        went_on = _sole_opener(sentence, mentions) if mentions else (
            went_on if topic is went_on and sentence.whole_text.endswith(";", sentence.start, sentence.end) else None)
        named = _sole_named(mentions) if mentions else (named if topic is named else None)
        if mentions or topic:
            mentions = sorted(mentions or [], key=BY_START)
            truncated = sentence is last and sentence.text[-1:] not in "。;!?)”"
            following = _after_siblings(sentences, index, by_sentence)
            details = None  # 甲、乙网站存在问题。主要问题为…: the next sentence, naming no one, says what they are
            if following is not None and (following.start, following.end) not in by_sentence:
                details = details_faults(following.text)
            problems += _sentence_problems(ctx, sentence, mentions, lead, topic, truncated, following, details)
        lead = _lead(sentence, lead, mentions)
    problems += _table_problems(ctx, units)
    return problems


# What may follow a quoted account's name in a heading that is only that name: its account word, its platform
# and owner in brackets (“甲”微信公众号, “乙”(新浪微博,县林业局)).
_NAME_ONLY = regex.compile(r"\p{Han}{0,6}(?:\([^()]{0,40}\))?$")


def _line_subject(sentence, mentions, topic):
    """The unit whose faults the next sentence goes on listing: one named alone before a colon opening a
    line ended by ; (东湖镇:指南未更新;机构信息不全。), or the one this sentence already goes on for."""
    if not sentence.whole_text.endswith(";", sentence.start, sentence.end):  # (no copy of every sentence)
        return None
    if not mentions:
        return topic
    first = _sole_opener(sentence, mentions)
    return first if first is not None and sentence.whole_text.startswith(":", first.tail_end) else None


def _sole_opener(sentence, mentions):
    """The one unit a sentence ended by ; opens with, if any."""
    if not mentions or not sentence.whole_text.endswith(";", sentence.start, sentence.end) \
            or _sole_named(mentions) is None:
        return None
    first = min(mentions, key=BY_START)
    return first if _openers().fullmatch(sentence.whole_text[sentence.start:first.start].strip(" “")) else None


def _sole_named(mentions):
    """The one unit a sentence names, if it names only one."""
    return mentions[0] if len({m.name for m in mentions}) == 1 else None


# 该 and the kind of the unit named before (该网站, 该局, 该镇, 该账号): it points back to that unit, also after a
# short opening phrase (经核实,该局…; 其中该网站…).
_ANAPHOR = regex.compile(r"(?:其中,?|\p{Han}{2,4},)?该(?:网站|局|委|办|单位|部门|中心|镇|乡|街道|县|区|市|账号|公众号|微博|平台)")


# A record laid out one field a line (单位:甲镇 ⏎ 问题:… ⏎ 整改时限:…): the line naming the unit, the line of its faults.
_RECORD_UNIT = regex.compile(r"\s*(?:被检查|责任|检查)?(?:单位|单位名称|网站名称|账号名称|乡镇|部门)\s*:")
_RECORD_FAULT = regex.compile(r"\s*(?:存在|主要|发现的?)?问题(?:描述|表现)?\s*:")


# What opens a clause about a part of the unit named before it: a quoted column, its site's page, 其.
_GOES_ON = regex.compile(r"“[^“”]{1,12}”(?:栏目|专栏|频道|板块|子栏目|专题)|(?:网站)?首页|其(?!他|余)")


def _after_siblings(sentences, index: int, by_sentence):
    """The sentence after sentences[index] and the lists that go on from it: after a ; (甲、乙;丙、丁。以上单位…),
    or in the lines that go on naming one item each (“甲”(微信) ⏎ “乙”(抖音) ⏎ 以上账号均…)."""
    following = index + 1
    while following < len(sentences) and following - index <= _MAX_SIBLINGS \
            and sentences[following - 1].text.endswith(";"):
        following += 1
    if following == index + 1 and _item_line(sentences[index]):
        section = sentences[index].section
        while following < len(sentences) and following - index <= _MAX_ITEM_LINES \
                and sentences[following].section is section and _item_line(sentences[following]) \
                and (sentences[following].start, sentences[following].end) in by_sentence:
            following += 1
    return sentences[following] if following < len(sentences) else None


def _item_line(sentence) -> bool:
    """A short line of its own that no sentence's mark closes: an item of a list laid out one per line."""
    return sentence.end - sentence.start <= _MAX_ITEM_LINE and sentence.whole_line \
        and sentence.whole_text[sentence.end - 1] not in "。;:,"


def _lead(sentence, lead, mentions):
    """The sentence whose fault a line of names alone may take: the one before it, except in a list laid
    out one item per line, where the line introducing the list (以下单位存在…问题:) leads every item."""
    # Offsets into the whole text rather than Sentence.text, which slices a copy: this runs per sentence.
    if mentions and lead is not None and sentence.end - sentence.start <= _MAX_ITEM_LINE and (
            lead.whole_text.endswith(":", lead.start, lead.end) or _items_by_semicolons(lead, sentence)):
        return lead
    return sentence


def _items_by_semicolons(lead, sentence) -> bool:
    """以下单位未…:甲;乙;丙。 — items parted by ; after a label: the labelled sentence leads each of them."""
    text = lead.whole_text
    return text.endswith(";", lead.start, lead.end) and text.find(":", lead.start, lead.end) >= 0 \
        and text.endswith((";", "。"), sentence.start, sentence.end) and text.find(":", sentence.start, sentence.end) < 0


def _topics(ctx, units) -> dict[int, object]:
    """Sections whose heading opens with a unit (1.高昌区政府网站:…; 2.县民政局微信公众号“甲”: its owner opens
    it; 3.“乙”(抖音)), and the items under them ((一)东湖镇 ⏎ 1.指南未更新): their sentences are about it."""
    heads = {}
    starts = {m.start: m for u in units for m in u.mentions}
    starts.update((m.opening, m) for u in units for m in u.mentions if m.opening >= 0 and m.opening not in starts)

    def visit(node, inherited):
        mention = starts.get(node.title_start)
        if mention is None and node.title.startswith("“") and _NAME_ONLY.match(node.title, node.title.find("”") + 1):
            mention = starts.get(node.title_start + 1)  # 1.“甲”(微信公众号): a quoted account's name is all of it
        head = mention if mention is not None else inherited
        if head is not None:
            heads[id(node)] = head
        for child in node.children:
            visit(child, head)

    for top in ctx.sections:
        for child in top.children:
            visit(child, None)
    return heads


def _category(sentence, above) -> str | None:
    """The sub-heading a sentence stands under (`above`, from _heading_above); a top-level one is none."""
    if above is None or above is sentence.top or not above.title:
        return None
    return above.title.rstrip("。:") or None


def _heading_above(sentence, topic):
    """The section whose heading governs a sentence; for a heading that only names a unit
    (1.甲(微信公众号) under (一)更新不及时), the heading above it."""
    section = sentence.section
    if section is not None and topic is not None:
        return _parent(sentence.top, section)
    return section


def _parent(top, node):
    """The section directly above `node` in the tree under `top`, or None."""
    stack = [top] if top is not None else []
    while stack:
        current = stack.pop()
        if any(child is node for child in current.children):
            return current
        stack.extend(current.children)
    return None


def _groups(text: str, offset: int, mentions) -> list[list]:
    """Mentions in order, grouped into the lists they stand in."""
    groups: list[list] = []
    by_commas = False  # the last group is names parted by commas alone (or one name)
    for mention in mentions:
        if groups:
            gap = text[groups[-1][-1].tail_end - offset:mention.start - offset]
            gap = _DAMAGED_ITEM.sub("", gap) if "\ufffd" in gap else gap  # 甲、青\ufffd\ufffd、乙: one list
            gap = _ITEM_NOTE.sub("", gap) if "(" in gap else gap  # 甲镇(62分)、乙镇(64分): one list
            gap = _ITEM_COUNT.sub("", gap) if len(gap) > 1 else gap  # (a count or a score holds two characters at least)
            last = groups[-1][-1]
            if (gap == "," and by_commas and last.tail_end == last.end) or (gap == ",“" and by_commas and last.quoted):
                groups[-1].append(mention)  # 甲镇,乙乡,丙局未…, “甲”(微博),“乙”…: names parted by commas alone are one list
                continue
            by_commas = False  # (甲、乙,丙、丁 are two lists, each with its own clause or label)
            if _SEPARATOR.fullmatch(gap.replace("“", "").replace("”", "")) or _JOINED_LISTS.fullmatch(gap) \
                    or _QUALIFIED_GAP.fullmatch(gap) or (mention.quoted and _OWNED_GAP.fullmatch(gap)) \
                    or _next_owned(gap, mention) or _next_after_owner(text, offset, last, mention):
                groups[-1].append(mention)
                continue
        groups.append([mention])
        by_commas = True
    return groups


def _owner_opening(text: str, floor: int, start: int, owner: str) -> int:
    """Where the owner written right before a quoted account starts (县农业局“…, 某局下属“…), or -1."""
    if not text.startswith("“", start - 1):
        return -1
    end = max(floor, owner_end(text, start - 1))
    return end - len(owner) if text.endswith(owner, floor, end) else -1


def _members(text: str, offset: int, outer: list, group: list) -> bool:
    """A group in brackets right after a place (岩口乡(岩口村、长冲村)): the place's own villages or offices,
    which the clause after the bracket is about."""
    opening, closing = outer[-1].tail_end - offset, group[-1].tail_end - offset
    return (text[opening:opening + 1] == "(" and group[0].start - offset == opening + 1
            and text[closing:closing + 1] == ")" and outer[-1].type in ("township", "subdistrict", "government"))


def _next_owned(gap: str, mention) -> bool:
    """甲局“甲发布”、乙局“乙发布”: the next account of a list, written after its owner."""
    owner = mention.owner if mention.quoted else None
    return bool(owner) and gap.endswith(owner + "“") and _SEPARATOR.fullmatch(gap[: -len(owner) - 1]) is not None


def _next_after_owner(text: str, offset: int, last, mention) -> bool:
    """甲局微信公众号“甲发布”、乙局抖音号“乙发布”, 甲局的甲微博、乙局的乙微博: the next account of a list, its
    owner (named only as its owner) opening the item."""
    return mention.opening >= 0 and last.tail_end <= mention.opening \
        and _SEPARATOR.fullmatch(text, last.tail_end - offset, mention.opening - offset) is not None


def _bracketed(ctx, sentence, group, floor: int, category, label) -> list[dict] | None:
    """Problems of units named in brackets after their fault (政策解读形式单一(甲局、乙局)); None when the
    group is not so bracketed."""
    text, offset = sentence.text, sentence.start
    start, end = group[0].start - offset, group[-1].tail_end - offset
    if not (start and text[start - 1] == "(" and text[end:end + 1] == ")"):
        return None
    if _COUNTED_GROUP.search(text, max(0, start - 16), start):
        return None  # 有6个单位(甲、乙)未…: the clause after the bracket is theirs
    clause_start = max(floor, text.rfind(",", 0, start - 1) + 1, text.rfind(":", 0, start - 1) + 1)
    clause = _NUMBERING.sub("", text[clause_start:start - 1].strip())
    if len(clause) > _MAX_CLAUSE or praise(clause) or not (is_problem(clause) or _in_problems(sentence)):
        return []  # (a long run before the bracket is a flattened table, not a clause)
    descriptions = describe(clause, category) or ([clause] if len(clause) >= 2 else [])
    evidence = ctx.evidence(offset + clause_start, offset + end + 1)
    return [{"units": [name], "category": category, "description": description, "section": label,
             "source": "text", "evidence": evidence}
            for name in dict.fromkeys(m.name for m in group) for description in descriptions]


_SECTION_TITLE = 12  # a heading that names a section kind (存在问题, 整改要求) is this short


def _items_after(ctx, sentence, colon: int) -> list[str]:
    """The faults a forward reference (存在以下问题:) announces: what follows its colon, then each numbered
    item after it ((一)…;(二)…, or one per line)."""
    items = [sentence.text[colon + 1:]] if colon >= 0 else []
    sentences = ctx.sentences
    index = next((i for i, s in enumerate(sentences) if s.start == sentence.start), len(sentences))
    for following in sentences[index + 1:index + 1 + _MAX_ITEMS]:
        if not _ITEM_MARK.match(following.text) or _names_a_section(following.text):
            break  # 一、存在问题: the section the faults are told in, not one of them
        items.append(following.text)
    cleaned = (_ITEM_MARK.sub("", item).strip(" 。;,") for item in items)
    # An item that opens with a body's name and a colon (1.市自然资源局:…) is that body's, not every addressee's.
    return [item for item in cleaned if len(item) >= 2 and not _named_item().match(item)]


@lru_cache(maxsize=1)
def _named_item() -> regex.Pattern:
    endings = alternation({w for words in vocab()["suffixes"].values() for w in words})
    return regex.compile(rf"[^,;:。“]{{1,24}}?(?:{endings}):")


def _names_a_section(line: str) -> bool:
    words = _ITEM_MARK.sub("", line).strip(" 。:")
    return len(words) <= _SECTION_TITLE and classify_title(words) is not None


def _without_owners(group: list) -> list:
    """A list of bodies and their own accounts (甲局微信公众号“乙”、丙镇抖音号“丁”): the accounts."""
    owners = {m.owner for m in group if m.owner}
    kept = [m for m in group if m.name not in owners]
    return kept or group


def _may_end_in_label(text: str) -> bool:
    return text.rstrip("\n").endswith(_LABEL_ENDS)


def _label(text: str) -> regex.Match | None:
    """_LABEL.search(text), answered without the regex when the text cannot end in a label."""
    return _LABEL.search(text) if _may_end_in_label(text) else None


def _unlabelled(text: str) -> str:
    """_LABEL.sub("", text), likewise."""
    return _LABEL.sub("", text) if _may_end_in_label(text) else text


def _introduced(text: str, floor: int, start: int) -> bool:
    """市政府官方微博“甲”…: a quoted account after its account word (and a body that is no unit) opens the clause."""
    head = text[floor:start]
    cut = max(head.rfind(","), head.rfind(";"), head.rfind("。"))
    return bool(_ACCOUNT_INTRO.fullmatch(head[cut + 1:]))


# 转交甲、乙办理的留言超期未答复: the bodies messages were forwarded to, then what they left undone.
_FORWARDED_TO = regex.compile(rf"(?:{FORWARDING}|转)[县市区省州旗]?$")  # (转县|交通运输局: the name lost its 县)
# 县政府网站“政策解读”栏目中甲、乙发布的…: where on a site the clause is, then its subject.
_WHERE_ON_SITE = regex.compile(r"(?:栏目|专栏|网站|平台|信箱|页面|专区)(?:中|上|内|里)$")
# 得分在70分以下的甲、乙为…, 未按时报送的甲、乙…: a criterion qualifying the names that open the clause.
_CRITERION = regex.compile(r"(?![对由向在经据按依])[^,。;:“”]{2,20}的")


# A part of a body's channel and a conjunction between two groups (甲局子站和乙镇…): the second goes on the first.
_PART_AND = regex.compile(r"(?:子站|子网站|网站|专栏|政务公开专栏|公众号|微信公众号|微博|账号)(?:和|及|与|以及|、)")
# (《甲》《乙》微信公众号: names set in brackets, as in quotes) Deleted by re: str.translate looks each character up in its
# table, and each character it does not hold (nearly all) costs a KeyError raised and cleared in C.
_QUOTE_MARKS = re.compile("[“”《》【】]")


def _is_subject(text: str, start: int, floor: int) -> bool:
    """A group is a clause's subject when only openers (如, 其中, 本月…) stand before it.

    A clause ended by 、 (X未…、Y未…) also opens a new subject, and a place qualifier may precede
    it (云南省“勐腊县保护所”网…)."""
    head = _QUOTE_MARKS.sub("", text[floor:start])
    head = _NUMBERING.sub("", head) if floor == 0 else head
    if _label(head):
        return True
    if head.endswith("("):
        head = _COUNTED_GROUP.sub("", head)
    cut = max(head.rfind(","), head.rfind(":"), head.rfind(";"), head.rfind("、") if floor else -1)
    head = head[cut + 1:] if cut >= 0 else head
    if "\ufffd" in head:  # lost characters may have held the mark that ended the clause before: read
        head = _DAMAGED_OPENING.sub("", head[head.rfind("\ufffd") + 1:])  # on after them and a damaged item
    if _openers().fullmatch(head) or _CRITERION.fullmatch(head) or _attributive_fault(head) or _WHERE_ON_SITE.search(head) \
            or _FORWARDED_TO.search(head) or _PART_AND.fullmatch(head):
        return True
    # _QUALIFIER only changes a head ending in 省/市/县/区; otherwise the answer is the one just given.
    return head.rstrip("\n").endswith(_PLACE_ENDS) and bool(_openers().fullmatch(_QUALIFIER.sub("", head)))


def _attributive_fault(head: str) -> str | None:
    """The fault written as the attribute of the names after it (对信息更新不及时的甲、乙…), or None."""
    if not head.endswith("的"):
        return None
    clause = _ATTRIBUTE_LEAD.sub("", head[max(head.rfind(mark) for mark in ",;:。\n") + 1:-1])
    return clause if len(clause) >= 4 and is_problem(clause) and not praise(clause) else None


# What opens a clause before a fault written as an attribute (对…的甲, 将…的甲, 去年…中): no part of the fault.
_ATTRIBUTE_LEAD = regex.compile(r"^(?:对于?|将|把|经查|其中|特别是|尤其是)")


def _sentence_problems(ctx, sentence, mentions, lead, topic, truncated=False, following=None, details=None) -> list[dict]:
    """Problems of one sentence; in an excerpt cut mid-clause the cut clause is left out. A sentence of
    names alone takes the fault of the next one when that one points back at them (以上单位…) or, naming no one,
    opens with a label of their faults (`details`, the label's match: 主要问题为…)."""
    text, offset = sentence.text, sentence.start
    above = _heading_above(sentence, topic)
    category = _category(sentence, above)
    heading = category or (above.title.rstrip("。:") if above is not None and above.title else None)
    label = ctx.section_path(sentence.top) or ctx.section_path(sentence.section)
    groups = _groups(text, offset, mentions)
    subjects, floors = [], []
    floor = 0
    out: list[dict] = []
    for group in groups:
        start = group[0].start - offset
        members = _members(text, offset, subjects[-1], group) if subjects else False
        if not members and (found := _bracketed(ctx, sentence, group, floor, category, label)) is not None:
            out += found  # 政策解读形式单一(甲局、乙局): the clause before the bracket is theirs
            floor = group[-1].tail_end - offset + 1
            continue
        listed = group[0].enumeration
        if listed is not None and listed.owner is not None and floor <= listed.start - offset:
            start = listed.start - offset  # the list's introduction (东湖县微信公众号“…”) opens its clause
        elif group[0].quoted and group[0].owner and (opening := _owner_opening(text, floor, start, group[0].owner)) >= 0:
            start = opening  # 县农业局“丰收农业”…, 某局下属“某某网”…: the owner opens the account's clause
        elif group[0].opening >= 0 and floor <= group[0].opening - offset:
            start = group[0].opening - offset  # 县粮食局官方微博@甲…: the owner, named only as such, opens it
        labelled = listed is not None and listed.label is not None and floor <= listed.start - offset
        owners = {m.name for m in subjects[-1]} if subjects else set()
        owned = owners.issuperset([m.owner for m in group])  # 某局微信公众号“甲”“乙”未…: the accounts are the subject
        if owned or members:  # (岩口乡(岩口村、长冲村)公开栏无内容: the members in brackets are the subject)
            subjects.pop()
            floor = floors.pop()
            start = group[0].start - offset - 1 if members else start
        if labelled or owned or members or _is_subject(text, start, floor) \
                or ((group[0].quoted or group[0].written.startswith("@")) and _introduced(text, floor, start)):
            subjects.append(group)
            floors.append(floor)
        floor = group[-1].tail_end - offset
    subjects = [_without_owners(group) for group in subjects]
    if not subjects and topic is not None:
        subjects, floors = [[topic]], [0]
    examples: list[str] = []
    for index, group in enumerate(subjects):
        topic_group = group[0] is topic and group[0].sentence != (sentence.start, sentence.end)
        start = 0 if topic_group else group[0].start - offset
        if not topic_group and group[0].quoted and group[0].owner \
                and (opening := _owner_opening(text, floors[index], start, group[0].owner)) >= 0:
            start = opening  # 县农业局“丰收农业”: the owner belongs to the subject, not to what comes before it
        elif not topic_group and floors[index] <= group[0].opening - offset:
            start = group[0].opening - offset  # 县农业局的甲微博, 县粮食局官方微博@乙: likewise
        numbered = (_NUMBERING.match(text) or _RECORD_FAULT.match(text)) if topic_group else None
        pred_start = (numbered.end() if numbered else 0) if topic_group else group[-1].tail_end - offset
        tail = _GROUP_TAIL.match(text, pred_start)
        pred_start = tail.end() if tail else pred_start
        pred_end = subjects[index + 1][0].start - offset if index + 1 < len(subjects) else len(text)
        predicate = _unlabelled(text[pred_start:pred_end])  # …的有: labels the next group
        if index + 1 < len(subjects) and _PART_AND.fullmatch(predicate):
            # 甲局子站和乙镇、丙镇子站“政策法规”栏目…: two groups' sites joined, one predicate after the second
            after = subjects[index + 1][-1].tail_end - offset
            until = subjects[index + 2][0].start - offset if index + 2 < len(subjects) else len(text)
            predicate = _unlabelled(text[after:until])
        if index + 1 < len(subjects) and "," in predicate and _attributive_fault(predicate):
            predicate = predicate[:predicate.rfind(",")]  # 甲、乙,公开指南未调整的丙: the next group's attribute
        pointed = False
        pointer = pred_end == len(text) and following is not None and points_back(following.text) \
            and following.section is sentence.section and is_problem(following.text) \
            and not names_after_colon(following.text, group)
        if pointer and _qualifier_only(predicate):
            predicate, pred_end = _shared_part(following.text), following.end - offset  # 甲、乙。以上单位未…
            pointed = True
        detailed = details is not None and pred_end == len(text) and following.section is sentence.section
        if detailed and not pointer and (not is_problem(predicate) or announces_only(predicate)):
            predicate, pred_end = following.text[details.end():], following.end - offset  # …存在问题。主要问题为…
            pointed, detailed = True, False
        if truncated and pred_end == len(text) and not _names_alone(ctx, sentence, start, predicate):
            last = predicate[predicate.rfind(",") + 1:]
            if not _states_fault(last):
                predicate = predicate[: max(predicate.rfind(","), 0)]  # the clause the cut left unfinished
            intro = text[floors[index]:start].rstrip(" “")
            if not predicate.strip() and not (intro.endswith(":") or _label(intro) or _EXAMPLES.search(intro)
                                              or (_fault_heading(category) and not intro.strip(" “")
                                                  and _opens_under_heading(ctx, sentence))):
                continue  # (a list after its label (…的账号有:甲、乙、), or opening its line under a heading that
                # names a fault, cut short, still has the label's or heading's fault)
        before = text[floors[index]:start]
        label_match = _label(before.rstrip(" “"))
        example = _EXAMPLES.search(before.rstrip(" “")) is not None
        prior = lead.text if lead is not None and (lead.section is sentence.section or (
            lead.top is sentence.top and lead.text.endswith(":"))) else ""
        if examples and _qualifier_only(predicate) and _after_comma(text, floors[index], start):
            descriptions = examples  # 如甲,乙、丙专栏: the examples go on after a comma
        else:
            descriptions = _descriptions(sentence, group, predicate, category, heading, example, label_match,
                                         _NUMBERING.sub("", text[max(0, start - 300):start]), prior,
                                         _in_requirements(sentence) and _reports_problems(ctx))
            examples = descriptions if example else []
            if pointed:  # 得分低于60分的单位:甲、乙。上述单位…不足10条: the label's fault and the sentence's
                descriptions = descriptions + [d for d in describe(predicate, category) if d not in descriptions]
            elif pointer or detailed:
                # 甲、乙得分较低。以上2个单位考核等次为不合格 / 甲局网站未更新。主要问题是…: their own fault, then the next
                # sentence's (what it says of all it points at, or the faults after its label)
                more = _shared_part(following.text) if pointer else following.text[details.end():]
                descriptions = descriptions + [d for d in describe(more, category) if d not in descriptions]
        if any(_FORWARD.search(d) for d in descriptions):
            # the faults it announces, or none: the announcement is no fault of its own
            descriptions = _items_after(ctx, sentence, text.find(":", pred_start))
        names = list(dict.fromkeys(m.name for m in group))
        evidence = ctx.evidence(offset + start, offset + max(pred_end, pred_start))
        own_notes = _noted_faults(text, offset, group) if "(" in text else {}
        for name in names:
            for description in own_notes.get(name) or descriptions:
                out.append({"units": [name], "category": category, "description": description,
                            "section": label, "source": "text", "evidence": evidence})
    return out


def _shared_part(pointing: str) -> str:
    """What a sentence pointing back says of all it points at: up to a clause on some of them (以上账号均…,
    其中“甲”…), whose names take their own part."""
    subset = _SUBSET.search(pointing)
    return pointing[:subset.start()] if subset else pointing


_SUBSET = regex.compile(r"[,;](?:其中|特别是|尤其是)")


def _fault_heading(category: str | None) -> bool:
    """A sub-heading that names a shortcoming ((二)更新不及时(5个)): the names listed under it have it."""
    return category is not None and not praise(category) and is_problem(heading_words(category))


def _states_fault(clause: str) -> bool:
    """A clause cut by the page's end that already states a fault (…相册近3个月未上传): kept as written."""
    return bool(_FAULT_END.search(clause)) and is_problem(clause)


# A cut clause ends in what completes a fault, not in a word that needs more (…超过, …存在, …的).
_FAULT_END = regex.compile(r"(?:未|不|无|没有)\p{Han}{2,8}$(?<![按对在将把向于的与和及给被])"
                           r"|(?:错误|错别字|不全|不规范|不及时|不到位|空白|失效|缺失)$")


def _opens_under_heading(ctx, sentence) -> bool:
    """Whether a sentence opens its line, or follows only its section's run-in heading ((二)更新不及时。甲、乙)."""
    line_start = ctx.text.rfind("\n", 0, sentence.start) + 1
    section = sentence.section
    return not ctx.text[line_start:sentence.start].strip() or (
        section is not None and section.title_start >= line_start and section.body_start <= sentence.start
        and not ctx.text[section.body_start:sentence.start].strip())


# What introduces examples of the clause before it, whose fault is theirs (如甲、乙; …未答复,涉及甲、乙).
_EXAMPLES = regex.compile(r"(?:,涉及|如|例如|比如)$")


def _noted_faults(text: str, offset: int, group: list) -> dict[str, list[str]]:
    """甲局(未按新模板编制)、乙局(数据不一致): a fault noted in brackets after a name is that unit's own."""
    notes = {}
    for mention in group:
        end = mention.end - offset + (text[mention.end - offset:mention.end - offset + 1] == "”")
        note = _FAULT_NOTE.match(text, end) or _FAULT_NOTE.match(text, mention.tail_end - offset)
        content = note.group(1) if note else ""
        if _PLATFORM_FIRST.match(content):
            content = content[content.index(",") + 1:]  # “甲”(微信公众号,存在错误链接): the platform, then the fault
        if content and is_problem(content):
            notes[mention.name] = [content]
    return notes


_PLATFORM_FIRST = regex.compile(rf"(?:{alternation(vocab()['bracket_platforms'])}),")  # the platform words a bracket holds


def _descriptions(sentence, group, predicate, category, heading, example, label_match, before, prior,
                  restating: bool = False) -> list[str]:
    """A group's shortcomings, structure first: its list's label, its own predicate, the heading its
    list stands under as a line, then the clause it exemplifies (如X、Y)."""
    listed = group[0].enumeration
    if _praised(predicate):
        return []  # 甲、乙表现较好: whatever its label, the list is praised
    own = describe(predicate, category, account=group[-1].account)  # the faults its own clause names
    if not own and prior and ANSWERABLE.fullmatch(before.strip()) and _qualifier_only(predicate):
        # 督办事项一:企业开办材料重复提交…。⏎ 责任单位:甲、乙 — the line before states their fault, after its label
        return describe(prior[prior.find(":") + 1:] if 0 <= prior.find(":") < 12 else prior, category)
    if own and listed is not None and listed.counted:
        return own  # 不合格的账号4个:“甲”超过2周未更新: a clause counting the items, then each item's own fault
    if listed is not None and listed.label:
        if praise(listed.label):
            return []
        if own and _AMONG.search(listed.label):
            return own  # 不合格账号中,“甲”“乙”全年更新不足10次: some of those the label names, by their own faults
        if _BACK_REFERENCE.search(listed.label) and heading and not praise(heading) \
                and (found := _listed_problem(heading_words(heading), sentence)):
            return found  # (二)未告知救济途径。存在此问题的单位有:甲、乙 — the label points at the heading's fault
        if is_problem(listed.label) and (found := _listed_problem(listed.label, sentence, strict=listed.counted)):
            # …低于60分的部门有:甲、乙,主要存在A、B: the label's fault and the faults its items go on to have
            return found + [d for d in own if d not in found] if _GOES_ON_TO.match(predicate) else found
        if not own and (found := _listed_problem(listed.label, sentence, strict=listed.counted)):
            return found  # …为零的单位:甲、乙 — a label that names no fault, in a problems section
    if not own and not restating and (attribute := _attributive_fault(before.rstrip(" “"))):
        return describe(attribute, category) or [attribute]
    if not own and prior.endswith(":") and not before.strip(" ,:“") and _qualifier_only(predicate) \
            and (found := inherited(before, prior, category, _in_problems(sentence))):
        return found  # 以下单位存在…问题: ⏎ 甲、乙 ⏎ 丙: the line introducing the list names the fault
    # Under a sub-heading of a problems section a unit's own clause states its fault in any words
    # (指南内容过时, 仍张贴往年信息): read it as an example of the heading.
    if heading and not (category or is_problem(_SECTION_WORDS.sub("", heading_words(heading)))):
        heading = None  # a section's own title (存在问题) names no fault of a unit's
    under_fault = bool(heading) and _in_problems(sentence) and not praise(heading)
    if found := (describe(predicate, category, account=group[-1].account, example=True)
                 if (example or under_fault) and not own and not _named_part_only(predicate) and not done_only(predicate)
                 else own):
        return found
    if listed is not None and listed.heading:
        if praise(listed.heading):
            return []
        words = heading_words(listed.heading)  # a heading counting what it lists, (3个), names their fault
        if not _section_title(words) and (
                found := _listed_problem(words, sentence, strict=words == listed.heading.rstrip("。:"))):
            return found
    if label_match and is_problem(label_match.group("label")):
        return [label_match.group("label")]
    if _qualifier_only(predicate):
        found = [d for d in inherited(before, prior, category, example and _in_problems(sentence)) if not _section_title(d)]
        if found:
            return found  # (not a problems section's own title: 二、存在问题 ⏎ 甲局网站。 names no fault yet)
        if heading and not praise(heading):  # a name alone under a problem heading: the heading's fault
            words = heading_words(heading)
            return _listed_problem(words, sentence, strict=words == heading)
    return []


# A label that points back at the fault named above it (存在此问题的单位有:, 有上述问题的).
_BACK_REFERENCE = regex.compile(r"(?:此|该|这一?|上述|以上)(?:类|种|个)?问题")
# A label that names the group the list is picked from (不合格账号中, 以上单位中): the items' own clause says the rest.
_AMONG = regex.compile(r"中[,:]?\s*$")
# What opens the clause after a labelled list when it adds the items' own faults (,主要存在…, ,且…, ,以上3个单位均…), not a restatement
# of the label (,抽查不合格) or a count of its faults (,共发现错别字4处).
_GOES_ON_TO = regex.compile(r"[,,]?\s*(?:主要|具体|均|都|且|还|同时|并且?|另外|以上|上述)")


def _names_alone(ctx, sentence, start: int, predicate: str) -> bool:
    """A cut line that holds names only, or a label and names (不合格:甲、乙): nothing of it is unfinished."""
    text = sentence.text
    head = _NUMBERING.sub("", text[:start]).strip()
    return (not predicate.strip() and text[-1:] not in "、,和及与" and (not head or head.endswith(":"))
            and (sentence.start == 0 or ctx.text[sentence.start - 1] == "\n"))


def _section_title(words: str) -> bool:
    """A problems section's own title (存在问题, 存在的主要问题): it names no fault of a unit's."""
    return not _SECTION_WORDS.sub("", words).strip(" 。:")


def _praised(predicate: str) -> bool:
    """The first clause after a name praises it and states no fault (表现较好, 合格率达到100%), or the clause
    closes by commending it (…用时不到2天,予以通报表扬: what it did well, in any words)."""
    first = next(filter(str.strip, _FIRST_CLAUSE.split(predicate)), "")  # (the first clause that is not blank)
    return bool(first) and praise(first) and not is_problem(first) or _COMMENDED.search(predicate) is not None


# A sentence closing on what it gives the units it names: commendation.
_COMMENDED = regex.compile(r"(?:予以|给予|提出|进行)(?:通报)?(?:表扬|表彰)。?$")


def _qualifier_only(predicate: str) -> bool:
    """What follows a name says nothing of it: punctuation, a group noun, a word such as 专栏 or 网站, or the
    quoted name of one of its parts (甲镇“规划计划”栏目, under a heading that says what is wrong with it)."""
    words = predicate.strip(" 。;,")
    return _bare_predicate(predicate) or len(words) <= QUALIFIER or bool(_SITE_WORDS.fullmatch(words)) \
        or _named_part_only(predicate)


def _named_part_only(predicate: str) -> bool:
    return _NAMED_PART.fullmatch(predicate.strip(" 。;,")) is not None


_NAMED_PART = regex.compile(r"(?:“[^“”]{1,16}”、?)+(?:等)?(?:栏目|专栏|子栏目|频道|板块|专题|页面)")


def _after_comma(text: str, floor: int, start: int) -> bool:
    """Only a comma (and a conjunction) between the previous group and this one: the same list goes on."""
    return text[floor:start].strip(" “”") in (",", ",和", ",及", "和", "及")


def _listed_problem(words: str | None, sentence, strict: bool = False) -> list[str]:
    """A list's label or heading as its items' problem: a shortcoming, or any words that do not praise
    when the list stands in a problems section (…数量为零的单位:), unless `strict` (a clause that only
    counts the items, 共检查乡镇12个,甲、乙…, says nothing of them unless it names a shortcoming)."""
    if not words or praise(words):
        return []
    return [words] if is_problem(words) or (_in_problems(sentence) and not strict) else []


def _in_requirements(sentence) -> bool:
    """Whether a sentence stands under a heading that sets work."""
    return _under_kind(sentence, "requirements")


def _reports_problems(ctx) -> bool:
    """Whether the notice has a problems section: a fault named again under a heading that sets work, beside its
    remedy (对…不及时的甲,由…约谈), restates one of it; in a notice with none (会议议程: 考评排名靠后的甲镇作表态
    发言) it is the fault's only statement."""
    return any(section.kind == "problems" for section in ctx.sections)


def _in_problems(sentence) -> bool:
    return _under_kind(sentence, "problems")


def _under_kind(sentence, kind: str) -> bool:
    """Whether the sentence's section or its top-level section is of `kind`: the two tested in turn, not by any()
    over a generator, which most sentences leave unfinished (a cost there is no need for in a test this small)."""
    section, top = sentence.section, sentence.top
    return (section is not None and section.kind == kind) or (top is not None and top.kind == kind)


def _bare_predicate(predicate: str) -> bool:
    return bool(_BARE.fullmatch(predicate))


_KIND_HEAD = regex.compile(r"类型|类别|分类")
_ERROR_HEAD = regex.compile(r"错误(?:内容|表述|信息)")  # a column whose every cell is a published error


def _row_units(cells, at: list[tuple[int, str]], starts: list[int]) -> list[str]:
    """The unit a table row names first, with the others the same cell lists (县商务局、县林业局)."""
    first = bisect.bisect_left(starts, cells[0][1])
    if first == len(at):
        return []
    cell = next((c for c in cells if c[1] <= starts[first] < max(c[2], c[1] + 1)), None)
    if cell is None:
        return []
    last = max(bisect.bisect_left(starts, cell[2], first), first + 1)
    return list(dict.fromkeys(name for _, name in at[first:last]))


def _table_problems(ctx, units) -> list[dict]:
    if not ctx.tables:
        return []
    at = sorted((m.start, unit.name) for unit in units for m in unit.mentions if m.source == "table")
    starts = [start for start, _ in at]
    out: list[dict] = []
    for table in ctx.tables:
        if table.header:
            columns = [i for i, h in enumerate(table.header) if PROBLEM_HEAD.search(str(h or ""))]
            described = [i for i in columns if not _KIND_HEAD.search(str(table.header[i] or ""))]
            columns = described or columns  # 问题类型 | 问题描述: the description, not its kind
            errors = {i for i in columns if _ERROR_HEAD.search(str(table.header[i] or ""))}
        else:
            columns, errors = _fault_columns(table.rows), set()  # a page that dropped the header row
        _, top = ctx.section_at(table.start)
        label = ctx.section_path(top) if top is not None else None
        if not columns:
            out += _governed_rows(ctx, table, at, starts, label)
            continue
        for cells in locate_rows(ctx, table):
            names = _row_units(cells, at, starts)
            if not names:
                continue
            for col in columns:
                if col >= len(cells):
                    continue
                value, start, end = cells[col]
                pieces = split_cell(value)
                if not pieces and col in errors and not none_cell(value):
                    pieces = [(value.strip(), 0, len(value))]  # 错误内容 | 治里: the cell is the error itself
                for piece, a, b in pieces:
                    out += [{"units": [name], "category": None, "description": piece, "section": label,
                             "source": "table", "evidence": ctx.evidence(start + a, start + b)} for name in names]
    return out


def _governed_rows(ctx, table, at: list[tuple[int, str]], starts: list[int], label: str | None) -> list[dict]:
    """A table with no problem column shares the fault of what governs it: the line introducing it
    (一季度有8个账号更新不足5条,具体情况如下:), else the sub-heading it stands under ((一)互动回应不及时(3个))."""
    fault = _introduced_fault(ctx.text, table.start)
    section, _ = ctx.section_at(table.start)
    if fault is None and section is not None and section.kind == "problems" and section.title_start < table.start:
        words = heading_words(section.title)
        fault = (words, section.title_start, section.title_start + len(section.title)) \
            if is_problem(words) and not praise(words) and not _section_title(words) else None
    if fault is None:
        return []
    description, start, end = fault
    names = [name for cells in locate_rows(ctx, table) for name in _row_units(cells, at, starts)]
    return [{"units": [name], "category": None, "description": description, "section": label, "source": "table",
             "evidence": ctx.evidence(start, end)} for name in dict.fromkeys(names)]


def _fault_columns(rows: list[list[str]]) -> list[int]:
    """In a table whose page dropped its header, the columns most of whose cells state a fault."""
    width = max((len(row) for row in rows), default=0)
    return [i for i in range(1, width)
            if 2 * sum(1 for row in rows if i < len(row) and isinstance(row[i], str) and is_problem(row[i])) > len(rows)]


def _introduced_fault(text: str, table_start: int) -> tuple[str, int, int] | None:
    """The fault the line right above a table names when it introduces the table (…,具体情况如下:):
    (description, start, end), the description without the clause's count of the rows."""
    end = text.rfind("\n", 0, table_start)
    line_start = text.rfind("\n", 0, max(end, 0)) + 1
    line = _BRACKETED.sub(lambda m: "　" * len(m.group()), text[line_start:end]) if end > 0 else ""  # (备注栏注明…)
    pointer = _TABLE_POINTER.search(line)
    if pointer is None:
        return None
    clause = line[:pointer.start()]
    clause = clause[max(clause.rfind(","), clause.rfind(";"), clause.rfind("。")) + 1:]
    if not is_problem(clause) or praise(clause):
        return None
    counted = _ROW_COUNT.search(clause)
    ahead = _POINTS_AHEAD.match(clause)
    if counted is None and not pointer.group("words") and ahead is None:
        return None  # a line that only ends in a colon introduces the rows when it counts them or points at them
    description = clause[:counted.start()] + clause[counted.end():] if counted else clause
    if ahead is not None and description.startswith(ahead.group()):
        description = description[ahead.end():]  # 以下栏目超过3个月未更新: → 超过3个月未更新
    return description.replace("　", ""), line_start + line.find(clause), line_start + pointer.start()


# 以下栏目…, 下列单位…: the clause points at the rows below it, whatever it counts.
_POINTS_AHEAD = regex.compile(r"(?:以下|下列|下表)(?:\d{1,4}个)?(?:栏目|单位|账号|网站|部门|乡镇|子站|政务新媒体|新媒体)?")


# The end of a line that introduces the table below it (…,具体情况如下:, …,详见下表:, …的单位如下:).
_TABLE_POINTER = regex.compile(r"[,;]?(?:(?P<words>(?:具体|详细)?(?:情况|名单|明细|清单)?(?:如下|见下表|详见下表))[:。]?|:)\s*$")
_BRACKETED = regex.compile(r"\([^()\n]*\)")
# A clause counting the rows it introduces (一季度有8个账号…): the count and its noun are no part of the fault.
_ROW_COUNT = regex.compile(rf"(?:共有|有|共)?{COUNT}[个家](?:政务)?(?:账号|网站|单位|部门|乡镇|新媒体)(?=.)")

