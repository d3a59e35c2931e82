"""Structure fast paths (one pattern per line, gates before regexes, ranked phrases) agree with the rules."""
from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.structure import metadata, sections
from extract.structure.numerals import chinese_to_int

FAST = settings(derandomize=True, deadline=None, max_examples=1000, database=None)
_TOKENS = list("0123456789０.、()（）〔〕[]【】①⑳:,;，；。!? \n一二三四五六七八九十零〇是要方面号附件联系省市年月日") + [
    "一是", "二是", "三要", "一方面", "二方面", "零一是", "(一)", "(12)", "1.", "2、", "12.5", "附件:", "附件1", "附件",
    "存在问题", "整改要求", "总体情况", "问题整改", "的通报", "的报告)", "通知", "工作方案", " - 某某网", "(某政办〔2024〕3号)",
    "各县(市、区)", "联系人:张三", "电话:12345678", "抄送:", "号:", "。一要加强", ";二要落实", "\n一方面做好",
    "。二方面推进", ":三是完善"]
TEXT = st.lists(st.sampled_from(_TOKENS), max_size=30).map("".join)
LINE = TEXT.map(lambda t: t.replace("\n", ""))


def _marker_by_loop(line: str):
    """The first style whose pattern opens the line, as find_headings first tried them."""
    for style, _, pattern in sections._LINE_STYLES:
        match = pattern.match(line)
        if match:
            return style, match.group(1), match.end()
    return None


@FAST
@given(LINE)
def test_one_pattern_finds_the_marker_the_loop_did(line):
    match = sections._MARKED_LINE.match(line)
    found = (sections._LINE_STYLES[match.lastindex - 1][0], match.group(match.lastindex), match.end()) \
        if match and match.lastindex else None
    assert found == _marker_by_loop(line)
    assert bool(match and not match.lastindex) == line.startswith("附件")


def _headings_by_loop(text: str) -> list[tuple]:
    """find_headings as first written: every line through every style."""
    out, pos, in_list = [], 0, False
    for line in text.split("\n"):
        in_list = in_list or bool(sections._ATTACHMENT_HEAD.match(line))
        found = _marker_by_loop(line)
        match = sections._MARKED_LINE.match(line) if found else None
        heading = sections._heading_at(match, line, pos) if match else None
        if heading and in_list and heading.style == "num_dot":
            heading = None
        elif heading:
            in_list = False
        if heading:
            out.append((heading.number, heading.style, heading.start, heading.title, heading.body_start))
        pos += len(line) + 1
    return out


@FAST
@given(TEXT)
def test_headings_match_the_line_loop(text):
    found = [(h.number, h.style, h.start, h.title, h.body_start) for h in sections.find_headings(text)]
    assert found == _headings_by_loop(text)


def _inline_by_scan(text: str, start: int, end: int) -> list[tuple]:
    """_inline_items without its 一是 gate."""
    items: list[tuple] = []
    for match in sections._INLINE_ITEM.finditer(text, start, end):
        if chinese_to_int(match.group(1)) == len(items) + 1:
            items.append((match.start(), match.group(1)))
    return items if len(items) >= 2 else []


@pytest.mark.parametrize("text", ["。一是加强管理;二是落实责任。", "\n一要加强管理。二要落实责任",
                                  ":一方面做好公开;二方面推进解读", "。零一是加强管理;二是落实责任"])
def test_inline_gate_keeps_each_list_form(text):
    assert len(sections._inline_items(text, 0, len(text))) == 2 == len(_inline_by_scan(text, 0, len(text)))


@FAST
@given(TEXT, st.data())
def test_inline_gate_never_drops_a_list(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    found = [(s.start, s.number) for s in sections._inline_items(text, start, end)]
    assert found == _inline_by_scan(text, start, end)


def _kind_by_loop(title: str) -> str | None:
    """classify_title as first written: every phrase of every kind, the longest and first-listed kept."""
    best, best_key = None, (0, 0)
    kinds = sections.vocabulary()["kinds"]
    for priority, kind in enumerate(reversed(list(kinds))):
        for phrase in kinds[kind]:
            if phrase in title and (len(phrase), priority) > best_key:
                best, best_key = kind, (len(phrase), priority)
    return best


_PHRASES = [p for phrases in sections.vocabulary()["kinds"].values() for p in phrases]


@FAST
@given(st.lists(st.sampled_from(_PHRASES + ["的", "和", "及", "一"]), max_size=4).map("".join))
def test_title_kind_matches_the_loop(title):
    assert sections.classify_title(title) == _kind_by_loop(title)


def _names_by_loop(line: str) -> list[str]:
    """split_names as first written, a character at a time."""
    names, depth, current = [], 0, []
    for ch in line:
        depth += ch in "(（〔["
        depth -= ch in ")）〕]" and depth > 0
        if ch in ",、;，；" and depth == 0:
            names.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
    names.append("".join(current).strip())
    return [n for n in names if n]


@FAST
@given(LINE)
def test_split_names_matches_the_character_loop(line):
    assert metadata.split_names(line) == _names_by_loop(line)


@pytest.mark.parametrize("line, title", [("关于政务公开的通报(某政办〔2024〕3号)", "关于政务公开的通报"),
                                         ("关于政务公开的通报 - 某某网", "关于政务公开的通报")])
def test_title_tails_are_still_cut(line, title):
    assert metadata._title([(0, line)], 1)[0] == title


@FAST
@given(LINE)
def test_metadata_gates_hold_whenever_their_regex_matches(line):
    clean = line.strip()
    title_words = regex.search(r"(通报|年度报告|报告|通知|情况|公告|意见|总结|的函|方案|要点)\)?$", clean)
    assert clean.endswith(metadata._TITLE_ENDINGS) == bool(title_words)
    if metadata._TITLE_TAIL.search(clean):
        assert clean.endswith("号)") or metadata._DASHES.search(clean)
    if metadata._RECIPIENT_LINE.match(line):
        assert line.endswith(":")
    if metadata._DOC_NUMBER.search(line):
        assert "号" in line
    if metadata._ATTACHMENT_START.match(clean):
        assert "附" in line


@pytest.mark.parametrize("numeral", ["一", "十二", "二〇二一", "abc", "", "一百零一"])
def test_cached_numerals_are_stable(numeral):
    assert chinese_to_int(numeral) == chinese_to_int.__wrapped__(numeral)
