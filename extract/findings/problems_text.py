"""The wording of a shortcoming: the unit's own clause, trimmed to what is still meaningful."""
from __future__ import annotations

import re
from functools import lru_cache

import regex

from ..re_compat import re_compile
from .gazetteer import vocab
from .vocabulary import NUMBER_MARK, alternation

# Literal alternations, run by re (faster than regex at them), as is every test of a clause here.
# A fault word, a problem found, or content left stale (仍为2018年领导分工, 仍发布2018年的内容, 仍为测试文字,
# 最后更新时间为2016年3月).
_NEGATIVE = re.compile(f"{alternation(vocab()['fault_words'])}|(?:存在|出现|发现)[^,。]{{0,30}}(?:问题|现象)"
                       r"|仍(?:为|是|停留|发布|显示|保留)[^,。;]{0,12}?(?:\d{4}年|改革前|以前|之前|旧|过期|测试)"
                       r"|最后(?:一次|一条)?(?:更新|发布)(?:时间|日期)?(?:为|是|停留在|在)"
                       f"|(?:{alternation(vocab()['personal_data_verbs'])})[^,。;]{{0,16}}?"
                       f"(?:{alternation(vocab()['personal_data'])})(?!保护)")
# A fault said to be absent (无空白栏目, 没有出现错别字 is read by praise_cues): the words say nothing is wrong.
_ABSENT = re.compile(f"(?:无|没有|未见|未有)(?:任何)?(?:{alternation(vocab()['defect_nouns'])})")
_QUOTED_GRADE = re.compile(r"“(不合格|较差|差|不及格|不达标|未达标)”")
_STILL_SHOWN = re.compile(r"(仍(?:为|是|显示|保留|停留在)[^,。;“]{0,6})“([^“”]{1,12})”")
_NOT_NEGATIVE = re.compile(f"{alternation(vocab()['not_fault_words'] + vocab()['left_out_words'])}|“[^“”]*”|《[^《》]*》")
_CONSEQUENCE = re_compile(r"^(?:但|并|且|而|进而)?(?:故|因此|导致|造成|致使|从而|以致|严重影响|影响|给[^,]{0,20}带来|存在[^,]{0,30}隐患|建议|希望|要求)")
# A clause that sets a condition (如无力维护, 若出现…, 一旦发现…): what would follow if, no fault found.
_CONDITION = re_compile(r"^(?:如果?|若|一旦|凡)(?:确实?|因故)?(?:无|不|未|没有|出现|发现|存在)")
# A clause that restates, measures or shows the fault before it (不符合…的要求, 基本处于停更状态, 属于“僵尸号”,
# 无法为群众提供…, 最长超期27个工作日, 最新信息停留在一季度, 仍为2009年版本, 远低于考评标准, 群众无法正常查看,
# 主要原因是答复超期): part of that fault, not another. (A grade after it, 评为不合格, is one.)
_ELABORATION = regex.compile(r"^(?:但|且|并|均|即)?(?:不符合|属于|(?:基本|长期|仍)?处于|无法为|无法满足|最长|最多"
                             r"|最新|最近一次|最近一条|仍为|仍是|远低于|得分均?低于|均低于|(?:群众|公众|网民|用户)无法"
                             r"|(?:其|主要)?原因(?:主要)?(?:是|为|在于)|(?:已)?超(?:过|出)(?:规定|法定)(?:时限|期限)(?![^,。;]{0,6}(?:未|没|\d)))")
# A clause about other bodies: 各…, 其他…, or a part of a group of bodies (部分单位); a part of the unit's own
# content (部分内容与职能无关) is still about the unit.
_GENERIC_SUBJECT = regex.compile(
    r"^(?:且|而且|同时|但|但仍|仍|还|此外|另外)?(?:有)?(?:各|其他|其余|相关|有关|全[市县区省]|以下|下列"
    r"|(?:部分|个别|有的|一些|少数|多数|大部分)(?=[^,]{0,2}?(?:单位|部门|乡镇|街道|地区|市州|县区|镇街|社区|村|账号"
    r"|网站|新媒体)))")
_SUBJECT = regex.compile(
    r"^(?:但|但仍|仍|还|此外|另外|同时)?(?:有)?(?:\d+个|部分|个别|有的|一些|少数|多数|大部分|各|以下|下列)"
    r"[^,]{0,16}?(?:单位|部门|乡镇|街道|账号|网站|政务新媒体|新媒体|地区|市州|县区|栏目)(?:单位|账号)?"
    r"(?:也|还|仍|均|都)?(?:存在|出现|因)?")
# A subject that points back at the names just listed (以上三个单位, 上述账号): the fault is theirs.
_BACK_REFERENCE = regex.compile(r"^(?:(?:以上|上述|前述|这)(?:\d{1,3}|[一二三四五六七八九十两几]{1,2})?[个家]?"
                                r"(?:单位|部门|乡镇|街道|账号|网站|政务新媒体)?"
                                r"|该(?:网站|局|委|办|单位|部门|中心|镇|乡|街道|账号|公众号|微博|平台))")
# The same pointer opening a sentence of its own, naming what it points at (以上单位…, 上述3个账号…).
_POINTER = re_compile(r"(?:以上|上述|前述)(?:\d{1,3}|[一二三四五六七八九十两几]{1,2})?[个家]?"
                         r"(?:单位|部门|乡镇|街道|账号|网站|政务新媒体|新媒体|地区|县区|市州)")
# A heading's number, a label's count and a grade's band (（一）…, …（3个）, 不合格(60分以下)): they frame the
# words, they are no part of the fault.
_FRAME_MARKS = regex.compile(rf"^{NUMBER_MARK}|\((?:共|计)?\d{{1,4}}[个家条项]\)$|\(\d[^()]{{0,8}}(?:以下|以上|之间)\)$")
# …的单位有, …的政务微博名单(需限期整改): the noun a label names its list by, with what follows it.
_LIST_NOUN_TAIL = regex.compile(rf"的(?:政务)?(?:{alternation(vocab()['list_nouns'])})(?:有|是|为|名单)?(?:\([^()]{{1,12}}\))?$")
_ADVERBS = regex.compile(r"^(?:但是?|而且?|虽然?|仍然?|还|也|均|都|却|则|依然|依旧|同样)+")
_ENDING_WORDS = ("现象", "问题", "情况")
_ENDING_MARKS = ("。", ";", ",", "、")
_ENDING = regex.compile(rf"(?<=(?:不|未|无|差|低|少|慢|乱|错)\p{{Han}}{{0,3}})(?:等|的)?(?:{'|'.join(_ENDING_WORDS)})$"
                        rf"|(?<=\p{{Han}}{{2}})等(?:{'|'.join(_ENDING_WORDS)})$|(?<=\p{{Han}}{{2}})的(?:问题|现象)$"
                        rf"|[{''.join(_ENDING_MARKS)}\s]+$")
# 存在A、B等问题 whose items are whole faults (not nouns: 错别字、敏感词等错误信息 stays one).
_EXISTING_LIST = re_compile(r"^(?:[^、]*?(?:存在|出现))?(?P<items>[^“”]+?)等?(?:问题|现象|情况)?$")
_CLAUSE_ITEM = 5
_COUNTED_PAIR = regex.compile(r"^(出现|存在|有)?(.+?\d+[次个处条件篇])和(.+?\d+[次个处条件篇])$")
_HEAD_PAIR = regex.compile(r"^(\p{Han}{1,6}?)((?:不|未|无)\p{Han}{1,5})、((?:不|未|无)\p{Han}{1,5})$")
_NONE_CELL = regex.compile(r"^(?:未发现(?:明显)?问题|无|无问题|暂无|合格|正常|/|-|—|)$")
_ACCOUNT_OF = regex.compile(r"^(?:公开|发布|上)的")
_OF_QUOTE = regex.compile(r"^的(?=“)")
_CLAUSES = re_compile(r"[,:]")
# A clause that reports a fault being mended (收到报告后立即整改, 已完成修复) states no fault of its own.
_REMEDY = regex.compile(r"整改|修复|完毕|立即|立行立改|已(?:经)?(?:全部|均|及时)?(?:完成|更新|处理|删除|撤下|下架|更正|改正|纠正|补齐)")
_EXAMPLE_END = regex.compile(r"(?:如|例如|比如|包括|其中|涉及)$")
_SENTENCE_PARTS = regex.compile(r"[,;。]")
_EXISTS = regex.compile(r"存在|出现")
_CELL_CLAUSE = regex.compile(r"[^,;]+")
_CELL_ITEM = regex.compile(r"[^、]+")
QUALIFIER = 4  # longest word after a name that only qualifies it (如X专栏, 如X网站), saying nothing of it


@lru_cache(maxsize=1)
def _praise() -> re.Pattern:
    return re.compile(alternation(vocab()["praise_cues"]))


@lru_cache(maxsize=1)
def _positive() -> re.Pattern:
    """Words of a good result (合格率为100%, 更新及时): a clause holding one reports no fault."""
    return re.compile(alternation(vocab()["positive_words"]))


def judges(text: str) -> bool:
    """A clause faults or praises what it follows."""
    return is_problem(text) or _praises(text)


def _praises(text: str) -> bool:
    """A praise cue not negated right after it (问题整改不到位 praises nothing)."""
    cue = _praise().search(text)
    while cue is not None and (text.startswith(_NEGATED, cue.end())
                               or (cue.group().endswith("突出") and (text.startswith(("问题", "的问题"), cue.end())
                                                                     or _FAULT_BEFORE.search(text, 0, cue.start())))
                               or (cue.group() == "不存在" and text[cue.end():cue.end() + 1] in _CLAUSE_CLOSE)):
        cue = _praise().search(text, cue.end())  # (突出问题: a salient fault, no praise; 页面不存在: a page missing)
    return cue is not None


_CLAUSE_CLOSE = ("", "。", ";", ",", "”")  # (what may follow 不存在 when nothing it names is absent: the thing before is)


_NEGATED = ("不", "未", "尚未", "仍未", "仍不", "滞后", "缓慢", "不力")
# 问题突出, 问题较为突出: what stands out before 突出 is a fault.
_FAULT_BEFORE = re.compile(r"(?:问题|矛盾|短板)(?:较为|比较|十分|尤为|最为|更加)?$")


@lru_cache(maxsize=1 << 12)
def is_problem(text: str) -> bool:
    """A clause names a shortcoming: a negative cue that is not a norm (不少于) and no praise. Pure and
    asked again of the same headings and labels, so cached."""
    if _praises(text):
        return False
    if "“" in text:
        text = _QUOTED_GRADE.sub(r"\1", text)  # 等次为“较差”: a grade in quotes is still the grade
        if "仍" in text:
            text = _STILL_SHOWN.sub(r"\1\2", text)  # 简介仍为“测试账号”: what it still shows, quoted or not
    text = _NOT_NEGATIVE.sub("", text)
    if "无" in text or "没有" in text or "未见" in text or "未有" in text:
        text = _ABSENT.sub("", text)
    if "已" in text:
        text = _RESOLVED.sub("", text)  # what was already put right (已更正) is no fault
    if "并" in text:
        text = _FOUND_AND_FIXED.sub("", text)  # nor what was found and put right at once (发现并更正)
    if "了" in text:
        text = _without_fixed_past(text)  # nor what was put right, told in the past (补充完善了空白栏目)
    return bool(_NEGATIVE.search(text))


def subjectless_fault(clause: str) -> bool:
    """A clause that opens with the negation of what was due (未向申请人告知延期理由, 仍未建立台账): a fault with no
    subject of its own, which after a clause ended by ; that one unit opened goes on about that unit."""
    return _NEGATION_FIRST.match(clause) is not None and is_problem(clause)


_NEGATION_FIRST = re.compile(r"(?:仍|也|还|均|都)?(?:未|没有|尚未)")


def done_only(clause: str) -> bool:
    """A clause that only tells what was already done about a fault (,已按规定予以扣分; 补充完善了空白栏目): no
    fault of its own."""
    clause = clause.strip(" ,;。")
    return _RESOLVED.fullmatch(clause) is not None or ("并" in clause and _FOUND_AND_FIXED.fullmatch(clause) is not None) \
        or ("了" in clause and _fixed_in_past(clause))


# Verbs that put a fault right.
_MENDING = "更正|修复|整改|删除|改正|纠正|撤下|补齐|补充|补发|补录|补传|充实|清理"
# A fault stated as put right (错误信息已更正, 已删除过期信息, 已按要求完成空白栏目清理): no shortcoming, unless one remains after it (但仍…).
# So is what the inspector has already done about it (具体问题已通过监管平台反馈至各主办单位, 已按规定予以扣分).
_FIX = (r"(?:按要求|按规定|按期|全部|均|及时|通过[^,;。]{1,12}?){0,2}(?:予以)?"
        rf"(?:完成|{_MENDING}|反馈|扣分|通报|提醒|告知|约谈|督促|移交|转交)"
        r"(?:到位|完毕|完成)?[^,;。但仍还未不没]*")
_RESOLVED = regex.compile(r"[^,;。]*?已(?:经)?" + _FIX)
# (one literal, 并, that every match holds, lets regex skip a text without it: alternatives around 已 would not)
_FOUND_AND_FIXED = regex.compile(r"[^,;。]*?(?:发现|查出|排查)并" + _FIX)
# The same in the past tense, with 了 after the verb or before it (补充完善了空白栏目, 对失效链接进行了修复): the
# verb and what follows it to the clause's end; what stands before it may not deny or limit it (未, 没, 不; 仅补发了
#部分信息: a fix only in part).
_FIXED_VERB = regex.compile(rf"(?:(?:{_MENDING})(?:完善|到位|完毕)?了"
                            r"|进行了(?:更正|修复|整改|删除|改正|纠正|补充|清理))[^,;。但仍还未不没]*")
_AFTER_CLAUSE_MARK = re.compile(r"(?<=[,;。])")


def _fixed_in_past(clause: str) -> bool:
    """Whether a clause only tells, in the past tense, that a fault was put right (补充完善了空白栏目)."""
    clause = clause.rstrip(",;。")
    fixed = _FIXED_VERB.search(clause)
    if fixed is None or fixed.end() != len(clause):
        return False
    before = clause[:fixed.start()].replace("不仅", "")  # (不仅补发了…: not only)
    return not any(no in before for no in "未没不仅只")


def _without_fixed_past(text: str) -> str:
    """The text without its clauses that only tell a fault was put right."""
    return "".join(clause for clause in _AFTER_CLAUSE_MARK.split(text) if not _fixed_in_past(clause))


def _clean(part: str, category: str | None) -> str:
    part = _ADVERBS.sub("", _BACK_REFERENCE.sub("", part.strip()))
    if "(" in part and "." in part:
        part = _ADDRESS_NOTE.sub("", part)  # 域名(gyzc.example.gov.cn)未完成备案: the address is a note
    if part.startswith("存在") and len(part) > 4:
        part = part[2:]
    elif part.startswith(("为", "是", "的")) and len(part) > 3:
        part = part[1:]  # (甲、乙)为不合格等次, (甲、乙)的指南未更新: the fault, without the copula or 的
    for _ in range(2):
        part = _trim_ending(part)
    if category:
        common = 0
        while common < min(len(part), len(category)) and part[common] == category[common]:
            common += 1
        if common >= 4 and len(part) - common >= 4:
            part = part[common:]
    return part.strip()


# A web address in brackets (www.example.gov.cn, https://…): a note on what the clause names.
_ADDRESS_NOTE = regex.compile(r"\((?:https?://)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+[\w/.?=&-]*\)")


def _trim_ending(part: str) -> str:
    """_ENDING.sub("", part), skipped when the part ends in neither 现象/问题/情况 nor punctuation or space."""
    if part.endswith(_ENDING_WORDS) or part[-1:] in _ENDING_MARKS or part[-1:].isspace():
        return _ENDING.sub("", part)
    return part


def _distribute(part: str) -> list[str]:
    """出现错误表述2次和错别字1次 → two; 整改不及时、不到位 → 整改不及时, 整改不到位."""
    m = _COUNTED_PAIR.match(part)
    if m:
        verb = m.group(1) or ""
        return [verb + m.group(2), verb + m.group(3)]
    m = _HEAD_PAIR.match(part)
    if m:
        return [m.group(1) + m.group(2), m.group(1) + m.group(3)]
    m = _EXISTING_LIST.match(part)
    if m and "、" in m.group("items"):
        items = [item for item in m.group("items").split("、")]
        if all(len(item) >= _CLAUSE_ITEM and is_problem(item) for item in items):
            return items  # 存在栏目长期未更新、指南内容过时等问题: each item is a fault of its own
    return [part]


# A clause that only judges what the clause before it states (…为2009年标准,已过时; …设在办公楼内部,群众不便查看).
_JUDGES_BEFORE = regex.compile(r"(?:已|均已|早已)?(?:过时|失效|作废|过期|不准确|不规范)$"
                               r"|(?:群众|公众|网民|网友|用户|市民)[^,。;]{0,6}(?:无法|不便|难以|看不到)")


# 存在问题:…, 主要问题:…: a label over the faults, none of them.
_PROBLEM_LABEL = re.compile(r"(?:存在|发现|主要|突出)?(?:的)?(?:较为|比较|较|十分|最为)?(?:主要|突出)?(?:的)?问题")
# A clause's end that only grades the faults it announces (…存在较为突出的问题).
_GRADED_LABEL = re.compile(r"(?:存在|有)(?:较为|比较|较|十分|最为|特别)?(?:突出|严重|明显)的?问题[。;]?$")
# The label that introduces a fault in the unit's clause (主要问题是…, 主要失分点为…): no part of the fault.
# (主要问题为…, 具体问题有…, 问题主要是… opening a sentence: the faults of what the sentence before named)
_PROBLEM_IS = re.compile(r"^(?:其?(?:(?:存在|发现)?的?(?:主要|突出)问题|(?:存在的)?(?:具体)?问题(?:主要)?)"
                         r"|(?:主要)?(?:失分点|扣分点|扣分项|扣分原因))(?:是|为|有)(?![所否])[:,]?")
# A clause that only announces faults to come (网站存在问题, 存在以下问题): no fault of its own.
_ANNOUNCED = regex.compile(r"\p{Han}{0,6}?(?:均|都)?(?:存在|发现|出现)(?:一些|部分|以下|如下|较多|不少)?(?:的)?问题")
# (在甲局网站)中发现错别字: the fault, not where in the channel it was found.
_FOUND_IN = re.compile(r"^[中上里内](?=发现|出现|存在)")


def describe(predicate: str, category: str | None, account: str | None = None, example: bool = False) -> list[str]:
    """The shortcomings in a unit's predicate, one per comma clause that criticises it."""
    text = _FOUND_IN.sub("", predicate.strip().lstrip(":,、 "))
    if account and text.startswith("的"):
        text = account + text  # 微博账号的留言功能… keeps the account it is about
    elif account:
        text = _ACCOUNT_OF.sub("", text)
    else:
        text = _OF_QUOTE.sub("", text)
    out: list[str] = []
    parts = _CLAUSES.split(text)
    for index, part in enumerate(parts):
        part = part.strip()
        if not part:
            continue
        if index and _GENERIC_SUBJECT.match(part):
            break  # a new, unnamed subject: the rest is not about this unit
        if _CONSEQUENCE.match(part) or _CONDITION.match(part) or _PROBLEM_LABEL.fullmatch(part) or not is_problem(part):
            continue
        if out and _ELABORATION.match(part):
            continue  # …更新不足10条,基本处于停更状态: the clause after a fault restates or measures it
        if index == 1 and not out and (first := parts[0].strip()) and _JUDGES_BEFORE.match(part.rstrip("。;")) \
                and not _CONSEQUENCE.match(first) and not _PROBLEM_LABEL.fullmatch(first):
            part = f"{first},{part}"  # 收费标准为2009年标准,已过时: a verdict on what the clause before it states
        if (graded := _GRADED_LABEL.search(part)) and not is_problem(part[:graded.start()]):
            continue  # 甲开办的账号存在较为突出的问题: a label over the faults told after it
        cleaned = _clean(_PROBLEM_IS.sub("", part), category)
        if len(cleaned) >= 2:
            out += [d for d in _distribute(cleaned) if d not in out]
    if not out and example:
        # 如X…: an example of the clause before it is criticised even when its own words are neutral.
        first = next((p for p in _CLAUSES.split(text) if p.strip()), "")
        cleaned = _clean(first, category)
        if len(cleaned) > QUALIFIER and not _praise().search(first) and not _positive().search(first) \
                and not _REMEDY.search(text):
            out.append(cleaned)
    return out


# The names of a list after a label's colon, up to where the next list goes on (…的单位:甲局、乙局,|丙镇).
_LIST_ONLY = regex.compile(r"[^,;。:!?]{2,}")


def inherited(before: str, previous: str, category: str | None, in_problems: bool = False) -> list[str]:
    """For 如X、Y after a clause: the shortcoming of that clause, without its unnamed subject (in a
    problems section the clause a list exemplifies is a shortcoming unless it praises)."""
    source = _EXAMPLE_END.sub("", before.rstrip(" ,:“")).rstrip(" ,:")
    if source and before.rstrip(" “").endswith(":"):
        source = _LIST_NOUN_TAIL.sub("", source)  # …未报送的单位:甲 — the label without its noun
    elif (colon := source.rfind(":")) > 0 and "、" in source[colon:] and _LIST_ONLY.fullmatch(source, colon + 1) \
            and not is_problem(source[colon + 1:]):
        source = _LIST_NOUN_TAIL.sub("", source[:colon])  # …为零的单位:甲、乙,丙、丁 — the label over both lists
    if not source and previous.endswith(";") and ":" in previous:
        previous = previous[:previous.rfind(":") + 1]  # 以下单位未…:甲;乙: the label before the first item
    if not source:  # the sentence before: a list's introduction (…未更新的单位:, or a heading line …的单位) names
        source = _LIST_NOUN_TAIL.sub("", previous.rstrip("。;:"))  # the fault without its noun
    part = _SENTENCE_PARTS.split(source)[-1].strip() if source else ""
    part = _FRAME_MARKS.sub("", part) if "(" in part or "." in part or "、" in part else part
    verb = _EXISTS.search(part)
    if verb and _GENERIC_SUBJECT.match(part[:verb.start()]):
        part = part[verb.end():]
    else:
        part = _SUBJECT.sub("", part)
    if not (is_problem(part) or (in_problems and part and not _praise().search(part))):
        return []
    cleaned = _clean(part, category)
    return _distribute(cleaned) if len(cleaned) >= 2 else []


def split_cell(value: str) -> list[tuple[str, int, int]]:
    """A table cell's problems: one per , or ; clause, and per 、 item when each item is a problem itself."""
    value = value or ""
    if _NONE_CELL.match(value.strip()):
        return []
    out: list[tuple[str, int, int]] = []
    for clause in _CELL_CLAUSE.finditer(value):
        items = list(_CELL_ITEM.finditer(value, pos=clause.start(), endpos=clause.end()))
        parts = items if len(items) > 1 and all(is_problem(i.group()) for i in items) else [clause]
        for part in parts:
            cleaned = _clean(part.group(), None)
            if is_problem(part.group()) and len(cleaned) >= 2:
                out.append((cleaned, part.start(), part.end()))
    return out


def none_cell(value: str | None) -> bool:
    """A table cell that states no fault (无, 合格, 正常, /): empty of problems."""
    return bool(_NONE_CELL.match((value or "").strip()))


def points_back(sentence: str) -> bool:
    """Whether a sentence opens by pointing back at the units named before it to say what they did (以上单位存在…),
    not what they are to do (以上单位应于7月13日前补报,并说明逾期原因)."""
    pointer = _POINTER.match(sentence)
    return pointer is not None and not _DIRECTED.match(sentence, pointer.end()) \
        and not sentence.startswith(("中", "当中", "之中"), pointer.end())  # 以上账号中,甲、乙…: some of them, named


def details_faults(sentence: str) -> re.Match | None:
    """A sentence that opens by saying what the faults of the units before it are (主要问题为…, 问题主要是…): its
    label (_PROBLEM_IS), whose end opens the faults. (主要表现为… sums up what many share: no one's fault.)"""
    return _PROBLEM_IS.match(sentence)


def announces_only(clause: str) -> bool:
    """Whether a clause only announces faults to come (县林业局网站存在问题。主要问题是…)."""
    return _ANNOUNCED.fullmatch(clause.strip(" 。;,")) is not None


# A directive right after a pointer, past a word or two (均, 务必): what the units are told to do.
_DIRECTED = re_compile(r"[^,。;:]{0,4}?(?:应当?|(?<![主重纲摘])要|须|务必|必须|需|请)(?!求)")  # (主要失分点: no order)
