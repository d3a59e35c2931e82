"""Findings fast paths (prefilters, gates, re for regex, one bisect) agree with the rules they shortcut."""
from __future__ import annotations

import random
import re

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.findings import counts, deadlines, problems, problems_text
from extract.findings.context import _CHUNK, Context, _containing
from extract.structure.sections import Section
from extract.text.normalise import normalise

FAST = settings(derandomize=True, deadline=None, max_examples=1000, database=None)
# Tokens the rules react to, so random text hits their matches and near-misses alike.
_TOKENS = list("0123456789０.,-/:;、。!?()“”《》\n 一二两三十百千万亿零〇余多%‰年月日号天周时底末前内个条件人次家名分元的有是为中未不无省市区县")
_TOKENS += ["个工作日", "工作日", "小时", "星期", "个月", "以内", "之前", "截止日期为", "请于", "已于", "百分之", "百分点",
            "共计", "累计", "其中", "发现", "全市", "增长", "约", "2024年", "3月5日", "的有", "的单位为", "分别是",
            "3个,分别为", "如", "问题", "现象", "情况", "存在", "不及时", "“网站”"]
# Dates and limits in every form the deadline rule reads, and the endings the problem rules anchor on.
_DEADLINES = ["2024-3-5", "2024/03/05", "2024.3.5", "3月底", "下月5日", "本月末", "年底", "本年末", "2025年底",
              "二〇二四年三月五日", "次年1月10日", "5个工作日内", "两周内", "限期3天", "十日内", "24小时内", "3个月以内"]
_ENDINGS = ["的有", "的有,", "的单位是:", "3个,分别为", "问题", "不及时的现象", "。", "、", ",", " ", "\n",
            "云南省", "勐腊县", "区", "市", "其中"]
TEXT = st.lists(st.sampled_from(_TOKENS + _DEADLINES), max_size=40).map("".join)
ENDED = st.one_of(TEXT, st.tuples(TEXT, st.sampled_from(_ENDINGS)).map("".join))


def _window(text: str, data) -> tuple[int, int]:
    start = data.draw(st.integers(0, len(text)))
    return start, data.draw(st.integers(start, len(text)))


@FAST
@given(ENDED, st.data())
def test_deadline_scan_from_cores_finds_every_match(text, data):
    """_matches scans from _REACH before each core: it finds what a scan from every character finds."""
    start, stop = _window(text, data)
    assert ([(m.span(), m.groups()) for m in deadlines._matches(text, start, stop)]
            == [(m.span(), m.groups()) for m in deadlines._PATTERN.finditer(text, start, stop)])


@pytest.mark.parametrize("text", _DEADLINES)
def test_deadline_scan_from_cores_reaches_each_form(text):
    for lead in ("", "请于", "最长不得超过", "x" * 30):
        whole = lead + text
        found = [m.span() for m in deadlines._matches(whole, 0, len(whole))]
        assert found and found == [m.span() for m in deadlines._PATTERN.finditer(whole)]


@FAST
@given(ENDED, st.data())
def test_count_opening_passes_over_no_match(text, data):
    """_OPENING only passes over positions where the counts pattern cannot match: without it, it matches the same."""
    start, stop = _window(text, data)
    bare = re.compile(counts._PATTERN.pattern.replace(counts._OPENING, "", 1), re.VERBOSE)
    assert ([(m.span(), m.groups()) for m in counts._PATTERN.finditer(text, start, stop)]
            == [(m.span(), m.groups()) for m in bare.finditer(text, start, stop)])


@FAST
@given(ENDED, st.data())
def test_count_scan_from_openings_finds_every_match(text, data):
    """_matches tries the counts pattern only where _OPENS finds an opening: it finds what finditer finds."""
    start = data.draw(st.integers(0, len(text)))
    assert ([(m.span(), m.groups()) for m in counts._matches(text, start)]
            == [(m.span(), m.groups()) for m in counts._PATTERN.finditer(text, start)])
    opening = re.compile(counts._OPENING)
    assert all(bool(counts._OPENS.match(text, at)) == bool(opening.match(text, at)) for at in range(len(text) + 1))


@FAST
@given(ENDED, st.data())
def test_count_scan_from_a_given_opening_finds_every_match(text, data):
    """_matches handed the first opening, as find_counts hands it over, finds what finditer finds."""
    start = data.draw(st.integers(0, len(text)))
    first = counts._OPENS.search(text, start)
    assert ([(m.span(), m.groups()) for m in counts._matches(text, start, first.start() if first else None)]
            == [(m.span(), m.groups()) for m in counts._PATTERN.finditer(text, start)])


@FAST
@given(TEXT, st.data())
def test_re_patterns_match_as_regex_does(text, data):
    start, stop = _window(text, data)
    for fast in (counts._PATTERN, deadlines._PATTERN, _CHUNK):
        slow = regex.compile(fast.pattern, regex.VERBOSE if fast.flags & re.VERBOSE else 0)
        assert ([(m.span(), m.groups()) for m in fast.finditer(text, start, stop)]
                == [(m.span(), m.groups()) for m in slow.finditer(text, start, stop)])


def _subject_by_scan(text: str, start: int, end: int, unit: str):
    """counts._subject as first written: every clause break and total word found, then the last taken."""
    if unit != "%":
        after = counts._SUBJECT_AFTER.match(text, end + text.startswith("的", end))
        if after and len(after.group()) >= 2:
            return after.group(), after.start(), after.end()
    breaks = [m.end() for m in regex.finditer(r"[,;:、()“”《》]", text[:start]) if m.end() > start - 40]
    clause_start = breaks[-1] if breaks else max(0, start - 40)
    clause = text[clause_start:start]
    cut = max((clause.rfind(w) + len(w) for w in counts.VOCAB["subject_totals"] if w in clause), default=0)
    if cut < len(clause):
        clause_start, clause = clause_start + cut, clause[cut:]
    lead = counts._LEAD.match(clause).end()
    clause, clause_start = clause[lead:], clause_start + lead
    while clause.endswith(counts._TAIL):
        clause = clause[: -len(next(t for t in counts._TAIL if clause.endswith(t)))]
    return (clause, clause_start, clause_start + len(clause)) if clause else (None, start, start)


@FAST
@given(TEXT, st.data(), st.sampled_from(["%", "个"]))
def test_count_subject_matches_the_scan(text, data, unit):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert counts._subject(text, start, end, unit) == _subject_by_scan(text, start, end, unit)


def _is_subject_by_regex(text: str, start: int, floor: int) -> bool:
    """problems._is_subject as first written, every regex tried."""
    head = text[floor:start].replace("“", "").replace("”", "")
    head = problems._NUMBERING.sub("", head) if floor == 0 else head
    if problems._LABEL.search(head):
        return True
    cut = max(head.rfind(","), head.rfind(":"), head.rfind(";"), head.rfind("、") if floor else -1)
    head = head[cut + 1:] if cut >= 0 else head
    openers = problems._openers()
    return bool(openers.fullmatch(head) or problems._CRITERION.fullmatch(head)
                or openers.fullmatch(problems._QUALIFIER.sub("", head)))


@pytest.mark.parametrize("head", ["全市高新区", "其中,高新区", "经查,云南省", "发现勐腊县", "如北京市", "1.甘州区"])
def test_a_place_qualifier_opens_a_subject(head):
    assert problems._is_subject(head, len(head), 0) and _is_subject_by_regex(head, len(head), 0)


@FAST
@given(ENDED, st.data())
def test_problem_gates_agree_with_their_regexes(text, data):
    label = problems._LABEL.search(text)
    assert (problems._label(text) and problems._label(text).span()) == (label and label.span())
    assert problems._unlabelled(text) == problems._LABEL.sub("", text)
    assert problems_text._trim_ending(text) == problems_text._ENDING.sub("", text)
    floor, start = _window(text, data)
    for end in (start, len(text)):
        assert problems._is_subject(text, end, floor) == _is_subject_by_regex(text, end, floor)


def _random_tree(rng: random.Random, start: int, end: int, depth: int) -> list[Section]:
    """Sections inside [start, end); sometimes overlapping or out of their parent, as damage can leave them."""
    cuts = sorted(rng.randint(start, end) for _ in range(rng.randint(0, 4)))
    out = []
    for a, b in zip(cuts, cuts[1:] + [end]):
        if rng.random() < 0.1:
            a, b = a - rng.randint(0, 5), b + rng.randint(0, 5)  # damage
        node = Section(None, "x", depth, 0, "", max(a, 0), max(b, 0))
        node.children = _random_tree(rng, node.start, node.end, depth + 1) if depth < 3 and b > a else []
        out.append(node)
    return out


def _section_by_levels(sections, offset):
    top = _containing(sections, offset)
    node = top
    while node is not None and (child := _containing(node.children, offset)) is not None:
        node = child
    return node, top


@settings(derandomize=True, deadline=None, max_examples=300, database=None)
@given(st.integers(0, 10**9))
def test_section_lookup_matches_a_bisection_per_level(seed):
    rng = random.Random(seed)
    roots = _random_tree(rng, 0, 60, 1)
    ctx = Context(normalise("x" * 70), roots, [], None)
    for offset in range(-1, 72):
        assert ctx.section_at(offset) == _section_by_levels(roots, offset)


def _sentences_by_scan(ctx: Context) -> list[tuple]:
    """Context.sentences as first written: a piece per end mark, each stripped, the rest of the body last."""
    out, text = [], ctx.text
    end_of_body = len(text) if ctx.body_end is None else ctx.body_end
    pieces, start = [], ctx.body_start
    for match in regex.finditer(r"[。!?;\n]", text, pos=ctx.body_start, endpos=end_of_body):
        pieces.append((start, match.end()))
        start = match.end()
    pieces += [(start, end_of_body)] if start < end_of_body else []
    for start, stop in pieces:
        raw = text[start:stop]
        if raw.strip() and not ctx.in_table(start):
            s = start + len(raw) - len(raw.lstrip())
            out.append((s, s + len(raw.strip()), raw.strip(), *ctx.section_at(s)))
    return out


@FAST
@given(TEXT, st.data())
def test_sentences_match_the_scan(text, data):
    norm = normalise(text)
    bounds = [data.draw(st.integers(0, len(norm.text))) for _ in range(4)]
    tables = [tuple(sorted(bounds[2:]))] if data.draw(st.booleans()) else []
    ctx = Context(norm, [], [], None, body_start=bounds[0], body_end=bounds[1], table_spans=tables)
    assert [(s.start, s.end, s.text, s.section, s.top) for s in ctx.sentences] == _sentences_by_scan(ctx)
