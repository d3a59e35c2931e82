"""Counts and measures stated in a notice's body (1422条, 合格率90%, 5亿余人次), with what they count."""
from __future__ import annotations

import bisect
import re
import sys
from collections import namedtuple
from functools import lru_cache

import regex

from ..re_compat import re_compile
from ..structure.numerals import BIG_UNITS, SMALL_UNITS, chinese_to_int
from ..structure.sections import orders
from .context import Context, Sentence
from .gazetteer import divisions
from .vocabulary import alternation as _alt
from .vocabulary import load_yaml
from .vocabulary import longest_first as _longest_first

VOCAB = load_yaml("counts.yaml")


_CN_CHARS = "零〇一二两三四五六七八九十百千万亿"
_ARABIC = r"\d{1,3}(?:,\d{3}){1,4}(?![\d,])(?:\.\d{1,6})?|\d{1,16}(?:\.\d{1,6})?"
# A Chinese numeral starts with a digit or 十, so 百家号 and 千方百计 are not numbers.
_CN = rf"[零〇一二两三四五六七八九十][{_CN_CHARS}]{{0,11}}"
# 超百条, 近千人, 上万人: a round hundred, thousand or ten thousand after a bound.
_ROUND_AFTER = "".join(VOCAB["round_after"])
_MEASURES = "|".join(
    regex.escape(word) + (f"(?![{regex.escape(blocked)}])" if blocked else "")
    for word, blocked in sorted(VOCAB["measure_words"].items(), key=lambda kv: len(kv[0]), reverse=True))
# What a count opens with: a digit, a Chinese numeral, 百 (百分之) or 半.
_FIRST = re.compile(r"[\d零〇一二两三四五六七八九十百千万半]")
# Then a count runs on through its number's characters (and 余/多) to the first character of what it measures:
# testing that first passes over a numeral inside a word (进一步, 统一) at once, where the whole pattern is slow.
# A number holds at most 30 characters (1,234,567,890,123,456.123456万亿, then 余 or 多 and 万 or 亿), so the test
# reads no further: a run of 100,000 digits costs each of its positions that much, not the whole run.
_NUMBER_CHARS = rf"\d,.{_CN_CHARS}余多"
_NUMBER_REST = 29  # the characters of a number after its first, and what may follow it before its measure
_MEASURE_FIRSTS = "".join(sorted({"%", "‰", "个", "百"}  # (个百分点, 百分点)
                                 | {word[0] for key in ("time_units", "measure_units", "measure_words") for word in VOCAB[key]}))
_OPENING = rf"(?=百分之|{_FIRST.pattern}[{_NUMBER_CHARS}]{{0,{_NUMBER_REST}}}[{re.escape(_MEASURE_FIRSTS)}])"
# Where _OPENING holds, found by a pattern that opens with a class: re skips ahead to the class's characters, where it
# tries a lookahead-led pattern in full at every character (about 150 instructions each).
_OPENS = re.compile(rf"{_FIRST.pattern}(?:(?<=百)分之|[{_NUMBER_CHARS}]{{0,{_NUMBER_REST}}}[{re.escape(_MEASURE_FIRSTS)}])")
# Scanned with re, which runs this pattern a third faster than regex and needs no regex extension.
_PATTERN = re.compile(
    rf"""
    {_OPENING}  # a cheap filter
    (?:百分之(?P<pcn>{_ARABIC}|{_CN}|百)
    | (?:(?<![0-9A-Za-z_.\-/~#])(?<![0-9][,.:])(?P<arabic>{_ARABIC})(?P<scale>[千万亿]{{1,2}})?
         | (?<![{_CN_CHARS}])(?P<cn>{_CN})
         | (?<=[{_ROUND_AFTER}])(?P<round>[百千万])(?![{_CN_CHARS}])
         | (?<![上下前后{_CN_CHARS}])(?P<half>半)(?=个?月|年))
      (?P<more>[余多])?(?P<scale2>[万亿])?
      (?:(?P<pct>[%‰])
         | (?P<time>{_alt(VOCAB["time_units"])})
         | (?P<points>个百分点|百分点)
         | (?P<money>{_alt(VOCAB["measure_units"])})
         | (?P<unit>{_MEASURES}))
      (?P<post>{_alt(VOCAB["approx_after"])})?)
    """,
    re.VERBOSE,
)
# _PATTERN without its opening filter: matched only where _OPENS has found an opening, where the filter holds, so
# it matches what _PATTERN matches there without reading the number's characters a second time.
_AT_OPENING = re.compile(_PATTERN.pattern.replace(_OPENING, "", 1), re.VERBOSE)
# A _PATTERN match's groups, read once as a tuple: looking each one up by name costs more.
_Groups = namedtuple("_Groups", sorted(_PATTERN.groupindex, key=_PATTERN.groupindex.get))
_TIME, _ARABIC = _PATTERN.groupindex["time"] - 1, _PATTERN.groupindex["arabic"] - 1
# Titles and quoted names: numbers inside them (《2024年…》, “两微一端”) are names, not counts.
_QUOTED = re_compile(r"《[^《》\n]{0,200}》|“[^“”\n]{0,40}”|\"[^\"\n]{0,40}\"")
_HEADING_STOP = re_compile(r"[:,]")
_SENTENCE_ENDS = "。;!?"
# The rest of a relative clause that makes a duration a criterion: …(存在问题)的账号, …的单位.
_CONDITION_AFTER = re_compile(r"[^,。;:]{0,20}?的(?:账号|单位|部门|网站|乡镇|街道|政务新媒体|新媒体|公众号|栏目)")
# A frequency or a floor that governs the clause's number (每季度参加培训1次, 全年至少举办培训2期): a norm.
_CLAUSE_NORM = re.compile(rf"(?:每(?:{_alt(VOCAB['norm_periods'])})|{_alt(VOCAB['norm_floors'])})[^,;:。()\n]{{0,12}}$")
# A floor governs a rate too (抽查比例不低于运行总数的30%); a period does not (每季度检查比例达到100% is a level).
_FLOOR_NORM = re.compile(rf"(?:{_alt(VOCAB['norm_floors'])})[^,;:。()\n]{{0,12}}$")
# Matched from the clause's reach, the greedy .* leaves the last break before a count (as a reverse search finds it,
# in re's time: no search from the right, no GIL released).
_LAST_CLAUSE_BREAK = re.compile(r".*[,;:、()“”《》]", re.DOTALL)
_SUBJECT_AFTER = re_compile(
    rf"[\p{{Han}}A-Za-z]{{1,16}}?(?=[^\p{{Han}}A-Za-z]|{_alt(VOCAB['subject_stops'])}|$)")
# The later items of an ordinal list (第1、2、3条) are ordinals too.
_LIST_JOINERS = tuple("、,和与及至到~-")
_ORDINAL_LIST = re_compile(
    rf"第[0-9{_CN_CHARS}]{{1,6}}(?:[、,和与及至到~-][0-9{_CN_CHARS}]{{1,6}}){{0,20}}[、,和与及至到~-]$")
_LEAD = re_compile(
    rf"(?:\d{{4}}年度?|第?[一二三四1-4]季度|\d{{1,2}}(?:-\d{{1,2}})?月份?|{_alt(VOCAB['subject_lead'])}){{0,8}}")

_APPROX_BEFORE = _longest_first(VOCAB["approx_before"])
# The last total word before a count, matched the same way: the rightmost one to start ends rightmost too, as no
# total word holds another one past its first character (checked below).
_LAST_TOTAL = re.compile(rf".*(?:{_alt(VOCAB['subject_totals'])})", re.DOTALL)
assert not any(other in word[1:] for word in VOCAB["subject_totals"] for other in VOCAB["subject_totals"]
               if other != word and not word.endswith(other)), "a total word holding another inside it"
_CHANGE = _longest_first(VOCAB["change_cues"])
_ORDINAL_OR_NORM = _longest_first(VOCAB["ordinal_marks"] + VOCAB["norm_cues"])
_CHANGE_LINKS = VOCAB["change_links"]
_TAIL = _longest_first(VOCAB["subject_tail"])
_STRUCTURE = tuple(VOCAB["structure_nouns"])
_VAGUE = tuple(VOCAB["vague_before"])
_RANKED = frozenset(VOCAB["rank_words"])
_PEOPLE = frozenset(VOCAB["people_words"])
_STAFFING = tuple(VOCAB["staffing_verbs"])
_ARABIC_ONLY = frozenset(VOCAB["arabic_only"])
_UNIT_OF = VOCAB["measure_aliases"]
_SCALE = {**SMALL_UNITS, **BIG_UNITS}
_CUED_DURATIONS = VOCAB["cued_duration_units"]
_DURATIONS = {**VOCAB["duration_units"], **_CUED_DURATIONS}
_HAPPENED_BEFORE = _longest_first(VOCAB["duration_cues"])
_NOT_HAPPENED = tuple(VOCAB["duration_not_before"])
_HAPPENED_AFTER = re_compile(rf"(?:{_alt(VOCAB['duration_links'])})?(?!{_alt(VOCAB['norm_after'])})[未无不没]")
_NAMED_CONDITION = re_compile(r"[^,。;:]{0,12}?的?(?:现象|情况)")
# 关于5所学校调整收费标准的批复: a document named without 《》 holds no counts.
_UNQUOTED_TITLE = re_compile(rf"关于[^,。;:“”《》\n]{{2,60}}?的(?:{_alt(VOCAB['document_words'])})")
# 得分90—100分: the first number of a range takes the measure word of the second.
_RANGE_MARKS = "—–-~～至到 "
_RANGE_START = re_compile(rf"(?<![\d.])(?P<n>\d{{1,6}}(?:\.\d{{1,3}})?)\s*[{regex.escape(_RANGE_MARKS.strip())}]\s*$")


def find_counts(ctx: Context) -> list[dict]:
    """Every count, percentage, change and measure in the body sentences, outside tables and headings."""
    skip = _skip_spans(ctx)
    starts = [s for s, _ in skip]
    counts = []
    for sentence in ctx.sentences:
        # (the two tests read the sentence's span of the whole text: a sentence with no number is not copied)
        whole, start, end = sentence.whole_text, sentence.start, sentence.end
        if whole.find("|", start, end) >= 0:  # a row of a table flattened into lines: its cells
            continue
        first = _OPENS.search(whole, start, end)
        if first is None:
            continue  # no number before a measure, so no count
        text = sentence.text  # sliced once here, and handed to the rules below rather than sliced again by each
        for match in _matches(text, first.start() - start, first.start() - start):
            groups = match.groups()
            time = groups[_TIME]
            if time and (time not in _DURATIONS or (time == "年" and len(groups[_ARABIC] or "") >= 4)):
                continue  # a date (2021年, 3月, 5日) or a limit (5个工作日), never a count
            offset = start + match.start()
            i = bisect.bisect_right(starts, offset) - 1
            if i >= 0 and offset < skip[i][1]:
                continue
            if time:  # a duration: a count when it says what happened
                count = _duration(ctx, sentence, text, match, _Groups._make(groups))
            else:
                count = _count(ctx, sentence, text, match, _Groups._make(groups))
            if count is not None:
                if offset > start and text[match.start() - 1] in _RANGE_MARKS:  # (the one test that most counts fail)
                    counts += _range_start(ctx, sentence, text, match, count)
                counts.append(count)
    return counts


def _matches(text: str, pos: int, first: int | None = None):
    """_PATTERN.finditer(text, pos), tried only where _OPENS finds its opening (every match opens there): most
    numbers in a sentence open a count, and re, trying the whole pattern at every character between them, read the
    rest of a sentence after its last count at some 150 instructions a character. `first`: where the first opening
    at or after pos is, when the caller has searched for it already."""
    if first is None:
        opening = _OPENS.search(text, pos)
        first = opening.start() if opening is not None else None
    at = first
    while at is not None:
        match = _AT_OPENING.match(text, at)
        pos = at + 1 if match is None else match.end()
        if match is not None:
            yield match
        opening = _OPENS.search(text, pos)
        at = opening.start() if opening is not None else None


# A page's view count in its header or footer (浏览:203次, 点击数:1,052), never the notice's.
_PAGE_VIEWS = regex.compile(r"(?:浏览|点击|阅读)(?:量|数|次数)?\s*[:：]\s*[\d,]+\s*次?")


def _skip_spans(ctx: Context) -> list[tuple[int, int]]:
    """Sorted, merged spans whose numbers are never counts: headings, titles, quoted names."""
    text = ctx.text
    end = len(text) if ctx.body_end is None else ctx.body_end
    spans = [m.span() for m in _QUOTED.finditer(text, ctx.body_start, end)]
    if "关于" in text:
        spans += [m.span() for m in _UNQUOTED_TITLE.finditer(text, ctx.body_start, end)]
    if "浏览" in text or "点击" in text or "阅读" in text:
        spans += [m.span() for m in _PAGE_VIEWS.finditer(text, ctx.body_start, end)]
    for top in ctx.sections:
        spans += [(s.start, _heading_end(text, s)) for s in top.walk() if s.body_start > s.start]
    merged: list[tuple[int, int]] = []
    for start, stop in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], stop))
        else:
            merged.append((start, stop))
    return merged


def _heading_end(text: str, section) -> int:
    """Where a heading's title stops: a heading run on into body text (一、总体情况:共检查…) ends at : or ,.
    An item that is a sentence ((一)甲局网站超过5个月未更新,…。, 一是发布信息630条;) is body text after its
    number."""
    stop = _HEADING_STOP.search(text, section.title_start, section.body_start)
    if section.style == "cn_shi" or (stop and stop.group() == ",") or text[section.body_start - 1] in _SENTENCE_ENDS:
        return section.title_start
    return stop.start() if stop else section.body_start


def _value(g: _Groups) -> float | int | None:
    """The number with 万/亿 applied, as an int when it is whole (JSON readers compare 1422 == 1422.0)."""
    if g.pcn:
        return _number(g.pcn.replace(",", "")) if g.pcn[0].isdigit() else _cn_value(g.pcn)
    if g.round or g.half:
        return _SCALE[g.round] if g.round else 0.5
    if g.arabic:
        value = _number(g.arabic.replace(",", ""))
        for ch in g.scale or "":
            value *= _SCALE[ch]
    else:
        value = _cn_value(g.cn)
        if value is None:
            return None
    if g.scale2:
        value *= BIG_UNITS[g.scale2]
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _number(raw: str) -> float | int:
    return float(raw) if "." in raw else int(raw)


def _cn_value(raw: str) -> int | None:
    """A Chinese numeral as a count; 一 alone is an article (一名副职), 零件 a word, 一一/五六 not counts."""
    if raw in ("一", "零", "〇") or (len(raw) > 1 and not any(ch in _SCALE for ch in raw)):
        return None
    return chinese_to_int(raw)


# What makes a score the bound of a grade (…分以上为优秀, …分以下为较差).
_GRADE_SCALE = re_compile(r"(?:以上|以下|及以上|及以下|\(含\)|[至到—-]\d{1,3}(?:\.\d)?分(?:以下)?)?为(?:优秀|良好|合格|不合格|基本合格|较好|一般|较差|好|中|差)")


def _count(ctx: Context, sentence: Sentence, text: str, match: re.Match, g: _Groups) -> dict | None:
    """A number with a measure word is a count unless its context makes it an ordinal, norm or name."""
    start, end = match.start(), match.end()
    unit = g.unit or g.money
    before = text[max(0, start - 4):start]
    if before.endswith(_ORDINAL_OR_NORM):
        return None
    if (_FLOOR_NORM if g.pct or g.pcn else _CLAUSE_NORM).search(text, max(0, start - 20), start):
        return None  # a rate reached each quarter (每季度检查比例达到100%) is still a level
    if unit in _PEOPLE and before.endswith(_STAFFING) and orders(text[_clause_start(text, start):start]):
        return None  # 各单位要明确1名联络员: a quota the notice sets, not a count of what is
    if before.endswith("连续") and _CONDITION_AFTER.match(text, end):
        return None  # 对连续两次抽查不合格的单位…: a criterion naming whom
    if before.endswith(_LIST_JOINERS) and _ORDINAL_LIST.search(text, max(0, start - 160), start):
        return None
    if unit in _RANKED and before.endswith(("前", "后")):
        return None
    if g.cn and text.startswith(_numeral_places().get(text[start], ()), start):
        return None  # 六盘水市, 九台区, 七台河: a numeral inside a place's name
    if g.cn and unit not in _COUNTING_PLACES and text.startswith(_PLACE_ENDINGS, end):
        return None  # 三元街道, 五里镇: a numeral and a word opening a township's name, not a count of places
    if g.cn and (unit in _ARABIC_ONLY or before.endswith(_VAGUE)):
        return None
    if unit and text.startswith(_STRUCTURE, end):
        return None
    if unit == "分" and _GRADE_SCALE.match(text, end):
        return None  # 90分以上为优秀, 80分至89分为良好: a grading scale, not a score
    value = _value(g)
    if value is None:
        return None
    approx = bool(g.more or g.post or g.round)
    cue_end = start
    if before.endswith(_APPROX_BEFORE):
        word = next(w for w in _APPROX_BEFORE if before.endswith(w))
        approx, cue_end = True, start - len(word)
    linked = text[max(0, cue_end - 5):cue_end].rstrip(_CHANGE_LINKS)
    change = linked.endswith(_CHANGE)
    if g.pct or g.pcn:
        unit, kind = g.pct or "%", "change" if change else "percent"
    elif g.points:
        unit, kind = "百分点", "change"
    else:
        kind = "change" if change else ("measure" if g.money else "count")
    subject, s_start, s_end = _subject(text, cue_end, end, unit)
    span_start = sentence.start + min(cue_end, s_start if subject else cue_end)
    span_end = sentence.start + max(end, s_end if subject else end)
    # A notice's measure words and subjects are few, and a long one holds tens of thousands of counts.
    unit = _UNIT_OF.get(unit, unit)
    unit, subject = unit and sys.intern(unit), subject and sys.intern(subject)
    return {"value": value, "unit": unit, "kind": kind, "approximate": approx, "subject": subject,
            "units": [], "evidence": ctx.evidence(span_start, span_end)}


def _clause_start(text: str, position: int) -> int:
    """Where the clause holding `position` opens: after the last comma, semicolon, colon or stop before it."""
    return max(text.rfind(mark, 0, position) for mark in ",;:。") + 1


def _duration(ctx: Context, sentence: Sentence, text: str, match: re.Match, g: _Groups) -> dict | None:
    """A duration that says what happened is a count (超6个月未更新 → 6 个月, 连续两个季度, 用时15天);
    limits, norms and windows (5个工作日内, 不超过2周, 2周内有更新) are not."""
    unit = _DURATIONS.get(g.time)
    if unit is None or g.pct or g.points:
        return None
    start, end = match.start(), match.end()
    before = text[max(0, start - 8):start]
    if before.endswith(_ORDINAL_OR_NORM) or any(word in before for word in _NOT_HAPPENED):
        return None
    cue = next((c for c in _HAPPENED_BEFORE if before.endswith(c)), None)
    if cue == "连续" and _CONDITION_AFTER.match(text, end):
        return None  # 对连续两个季度存在问题的账号予以约谈: a criterion naming whom, not what happened
    if cue is None and "平均" in before:
        cue = ""  # 平均答复时间为11个工作日: an average is what happened, never a limit
    if cue is None and g.time in _CUED_DURATIONS and not (before.endswith("超过") and _HAPPENED_AFTER.match(text, end)):
        return None  # 5个工作日内未答复: a limit, even when it was not met (超过15个工作日未答复 is what happened)
    if cue is None:
        after = _HAPPENED_AFTER.match(text, end)
        if after is None or _NAMED_CONDITION.match(text, after.end()):
            return None  # 未发现两周内无信息更新现象: a condition named, not one that happened
    value = _value(g)
    if not value:
        return None
    approx = bool(g.more or g.post) or before.endswith(_APPROX_BEFORE) or "多" in g.time
    span_start = sentence.start + start - (len(cue) if cue else 0)
    return {"value": value, "unit": sys.intern(unit), "kind": "count", "approximate": approx, "subject": None,
            "units": [], "evidence": ctx.evidence(span_start, sentence.start + end)}


def _range_start(ctx: Context, sentence: Sentence, text: str, match: re.Match, count: dict) -> list[dict]:
    """得分90—100分, 80%—90%: the range's first number, counted with the second's measure word."""
    start = match.start()
    if not start or text[start - 1] not in _RANGE_MARKS or count["kind"] == "change" or not count["unit"]:
        return []
    found = _RANGE_START.search(text, max(0, start - 12), start)
    if found is None:
        return []
    value = _number(found.group("n"))
    start = sentence.start + found.start("n")
    return [{**count, "value": value, "approximate": False, "evidence": ctx.evidence(start, start + len(found.group("n")))}]


# Measure words that count places (3个镇, 两所学校): after them a place's ending is what is counted.
_COUNTING_PLACES = frozenset({"个", "家", "所", "座", "处", "片", "类"})
_PLACE_ENDINGS = ("街道", "镇", "乡", "村", "社区")


@lru_cache(maxsize=1)
def _numeral_places() -> dict[str, tuple[str, ...]]:
    """Division names that open with a numeral (六盘水市, 九台区), and their short forms of three or more, by
    their first character: a count is tested against the few names opening with its own."""
    names = [n for n in divisions() if n[0] in _CN_CHARS]
    shorts = [n[:-1] for n in names if len(n) >= 4 and n[-1] in "市县区旗"]
    by_first: dict[str, tuple[str, ...]] = {}
    for name in sorted(set(names + shorts), key=len, reverse=True):
        by_first[name[0]] = by_first.get(name[0], ()) + (name,)
    return by_first


def _subject(text: str, start: int, end: int, unit: str) -> tuple[str | None, int, int]:
    """What is counted: the noun after the measure word (80个政务新媒体账号), else the clause before."""
    if unit != "%":
        after = _SUBJECT_AFTER.match(text, end + text.startswith("的", end))
        if after and len(after.group()) >= 2:
            return after.group(), after.start(), after.end()
    last_break = _LAST_CLAUSE_BREAK.match(text, max(0, start - 40), start)
    clause_start = last_break.end() if last_break else max(0, start - 40)
    total = _LAST_TOTAL.match(text, clause_start, start)  # the rightmost end of any total word
    if total and total.end() < start:  # a total word ending the clause is its subject (共计471个)
        clause_start = total.end()
    clause_start = _LEAD.match(text, clause_start, start).end()  # past adverbs, scopes and times
    clause = text[clause_start:start]
    while clause.endswith(_TAIL):
        clause = clause[: -len(next(filter(clause.endswith, _TAIL)))]
    if not clause:
        return None, start, start
    return clause, clause_start, clause_start + len(clause)

