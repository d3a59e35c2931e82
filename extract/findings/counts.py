"""Counts and measures stated in a notice's body (1422条, 合格率90%, 5亿余人次), with what they count."""
from __future__ import annotations

import bisect

import regex

from ..structure.numerals import BIG_UNITS, SMALL_UNITS, chinese_to_int
from .context import Context, Sentence
from .vocabulary import alternation as _alt
from .vocabulary import load_yaml
from .vocabulary import longest_first as _longest_first

VOCAB = load_yaml("counts.yaml")


_CN_CHARS = "零〇一二两三四五六七八九十百千万亿"
_ARABIC = r"\d{1,3}(?:,\d{3}){1,4}(?![\d,])(?:\.\d{1,6})?|\d{1,16}(?:\.\d{1,6})?"
# A Chinese numeral starts with a digit or 十, so 百家号 and 千方百计 are not numbers.
_CN = rf"[零〇一二两三四五六七八九十][{_CN_CHARS}]{{0,11}}"
_MEASURES = "|".join(
    regex.escape(word) + (f"(?![{regex.escape(blocked)}])" if blocked else "")
    for word, blocked in sorted(VOCAB["measure_words"].items(), key=lambda kv: len(kv[0]), reverse=True))
_PATTERN = regex.compile(
    rf"""
    (?=[\d零〇一二两三四五六七八九十百])  # a cheap first-character filter
    (?:百分之(?P<pcn>{_ARABIC}|{_CN}|百)
    | (?:(?<![0-9A-Za-z_.\-/~#]|[0-9][,.:])(?P<arabic>{_ARABIC})(?P<scale>[千万亿]{{1,2}})?
         | (?<![{_CN_CHARS}])(?P<cn>{_CN}))
      (?P<more>[余多])?(?P<scale2>[万亿])?
      (?:(?P<pct>[%‰])
         | (?P<time>{_alt(VOCAB["time_units"])})
         | (?P<points>个百分点|百分点)
         | (?P<money>{_alt(VOCAB["measure_units"])})
         | (?P<unit>{_MEASURES}))
      (?P<post>{_alt(VOCAB["approx_after"])})?)
    """,
    regex.VERBOSE,
)
# Titles and quoted names: numbers inside them (《2024年…》, “两微一端”) are names, not counts.
_QUOTED = regex.compile(r"《[^《》\n]{0,200}》|“[^“”\n]{0,40}”|\"[^\"\n]{0,40}\"")
_HEADING_STOP = regex.compile(r"[:,]")
_CLAUSE_BREAK = regex.compile(r"[,;:、()“”《》]")
_SUBJECT_AFTER = regex.compile(
    rf"[\p{{Han}}A-Za-z]{{1,16}}?(?=[^\p{{Han}}A-Za-z]|{_alt(VOCAB['subject_stops'])}|$)")
# The later items of an ordinal list (第1、2、3条) are ordinals too.
_LIST_JOINERS = tuple("、,和与及至到~-")
_ORDINAL_LIST = regex.compile(
    rf"第[0-9{_CN_CHARS}]{{1,6}}(?:[、,和与及至到~-][0-9{_CN_CHARS}]{{1,6}}){{0,20}}[、,和与及至到~-]$")
_LEAD = regex.compile(
    rf"(?:\d{{4}}年度?|第?[一二三四1-4]季度|\d{{1,2}}(?:-\d{{1,2}})?月份?|{_alt(VOCAB['subject_lead'])}){{0,8}}")

_APPROX_BEFORE = _longest_first(VOCAB["approx_before"])
_CHANGE = _longest_first(VOCAB["change_cues"])
_NORM = _longest_first(VOCAB["norm_cues"])
_ORDINAL = _longest_first(VOCAB["ordinal_marks"])
_TOTALS = _longest_first(VOCAB["subject_totals"])
_TAIL = _longest_first(VOCAB["subject_tail"])
_STRUCTURE = tuple(VOCAB["structure_nouns"])
_VAGUE = tuple(VOCAB["vague_before"])
_SCALE = {**SMALL_UNITS, **BIG_UNITS}


def find_counts(ctx: Context) -> list[dict]:
    """Every count, percentage, change and measure in the body sentences, outside tables and headings."""
    skip = _skip_spans(ctx)
    starts = [s for s, _ in skip]
    counts = []
    for sentence in ctx.sentences:
        for match in _PATTERN.finditer(sentence.text):
            offset = sentence.start + match.start()
            i = bisect.bisect_right(starts, offset) - 1
            if i >= 0 and offset < skip[i][1]:
                continue
            count = _count(ctx, sentence, match)
            if count is not None:
                counts.append(count)
    return counts


def _skip_spans(ctx: Context) -> list[tuple[int, int]]:
    """Sorted, merged spans whose numbers are never counts: headings, titles, quoted names."""
    end = len(ctx.text) if ctx.body_end is None else ctx.body_end
    spans = [m.span() for m in _QUOTED.finditer(ctx.text, ctx.body_start, end)]
    for top in ctx.sections:
        spans += [(s.start, _heading_end(ctx.text, s)) for s in top.walk() if s.body_start > s.start]
    merged: list[tuple[int, int]] = []
    for start, stop in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], stop))
        else:
            merged.append((start, stop))
    return merged


def _heading_end(text: str, section) -> int:
    """Where a heading's title stops: a heading run on into body text (一、总体情况:共检查…) ends at : or ,."""
    stop = _HEADING_STOP.search(text, section.title_start, section.body_start)
    return stop.start() if stop else section.body_start


def _value(match: regex.Match) -> float | int | None:
    """The number with 万/亿 applied, as an int when it is whole (JSON readers compare 1422 == 1422.0)."""
    if match["pcn"]:
        raw = match["pcn"]
        return _number(raw.replace(",", "")) if raw[0].isdigit() else _cn_value(raw)
    if match["arabic"]:
        value = _number(match["arabic"].replace(",", ""))
        for ch in match["scale"] or "":
            value *= _SCALE[ch]
    else:
        value = _cn_value(match["cn"])
        if value is None:
            return None
    if match["scale2"]:
        value *= BIG_UNITS[match["scale2"]]
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _number(raw: str) -> float | int:
    return float(raw) if "." in raw else int(raw)


def _cn_value(raw: str) -> int | None:
    """A Chinese numeral as a count; 一 alone is an article (一名副职), 零件 a word, 一一/五六 not counts."""
    if raw in ("一", "零", "〇") or (len(raw) > 1 and not any(ch in _SCALE for ch in raw)):
        return None
    return chinese_to_int(raw)


def _count(ctx: Context, sentence: Sentence, match: regex.Match) -> dict | None:
    """A number with a measure word is a count unless its context makes it an ordinal, norm or name."""
    if match["time"]:
        return None
    text, start, end = sentence.text, match.start(), match.end()
    unit = match["unit"] or match["money"]
    before = text[max(0, start - 4):start]
    if before.endswith(_ORDINAL) or before.endswith(_NORM):
        return None
    if before.endswith(_LIST_JOINERS) and _ORDINAL_LIST.search(text, max(0, start - 160), start):
        return None
    if unit in VOCAB["rank_words"] and before.endswith("前"):
        return None
    if match["cn"] and (unit in VOCAB["arabic_only"] or before.endswith(_VAGUE)):
        return None
    if unit and text.startswith(_STRUCTURE, end):
        return None
    value = _value(match)
    if value is None:
        return None
    approx = bool(match["more"] or match["post"])
    cue_end = start
    for word in _APPROX_BEFORE:
        if before.endswith(word):
            approx, cue_end = True, start - len(word)
            break
    linked = text[max(0, cue_end - 5):cue_end].rstrip(VOCAB["change_links"])
    change = linked.endswith(_CHANGE)
    if match["pct"] or match["pcn"]:
        unit, kind = match["pct"] or "%", "change" if change else "percent"
    elif match["points"]:
        unit, kind = "百分点", "change"
    else:
        kind = "change" if change else ("measure" if match["money"] else "count")
    subject, s_start, s_end = _subject(text, cue_end, end, unit)
    span_start = sentence.start + min(cue_end, s_start if subject else cue_end)
    span_end = sentence.start + max(end, s_end if subject else end)
    return {"value": value, "unit": unit, "kind": kind, "approximate": approx, "subject": subject,
            "units": [], "evidence": ctx.evidence(span_start, span_end)}


def _subject(text: str, start: int, end: int, unit: str) -> tuple[str | None, int, int]:
    """What is counted: the noun after the measure word (80个政务新媒体账号), else the clause before."""
    if unit != "%":
        after = _SUBJECT_AFTER.match(text, end + text.startswith("的", end))
        if after and len(after.group()) >= 2:
            return after.group(), after.start(), after.end()
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, max(0, start - 40), start)]
    clause_start = breaks[-1] if breaks else max(0, start - 40)
    clause = text[clause_start:start]
    cut = max((clause.rfind(w) + len(w) for w in _TOTALS if w in clause), default=0)
    if cut < len(clause):
        clause_start, clause = clause_start + cut, clause[cut:]
    clause, trimmed = _strip_lead(clause)
    clause_start += trimmed
    while clause.endswith(_TAIL):
        clause = clause[: -len(next(t for t in _TAIL if clause.endswith(t)))]
    if not clause:
        return None, start, start
    return clause, clause_start, clause_start + len(clause)


def _strip_lead(clause: str) -> tuple[str, int]:
    """Drop leading adverbs, scopes and time phrases; return the rest and how much was dropped."""
    cut = _LEAD.match(clause).end()
    return clause[cut:], cut
