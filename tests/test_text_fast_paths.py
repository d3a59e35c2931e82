"""The text stage's fast paths give what the plain, character-by-character computations give."""
from __future__ import annotations

import operator
import re
from array import array
from collections import Counter

import pytest
import regex
from hypothesis import given, settings, strategies as st

from extract.readers.txt import _utf16_by_nuls
from extract.text import convert, edits as E, normalise as N
from extract.text import pinyin as P
from extract.text.edits import Edit, apply_edits
from extract.text.mojibake import _best_two, _chars, _completing, _fluency
from extract.text.pinyin import _ANNOTATION, _CLOSING, readings, reads
from extract.text.pinyin import _TAIL as _TAIL_SET_FIRST

from .conftest import NOTICES

PROPERTY = settings(max_examples=300, deadline=None, derandomize=True)
MARKS = list(N._tables()[0]) + list("中國人们汉 \n\r\t\x0b\x85\u2028\u2029\u200b\ufeff\x00\ud800|1２。，:（wèn)?")
TEXT = st.text(alphabet=st.one_of(st.characters(), st.sampled_from(MARKS)), max_size=80)


def naive_apply(text: str, edits: list[Edit]) -> tuple[str, list[int]]:
    """apply_edits as first written: the map built one index at a time."""
    pieces, offsets, cursor = [], [], 0
    for start, end, replacement, _ in edits:
        pieces += [text[cursor:start], replacement]
        offsets += list(range(cursor, start)) + [start + min(k, max(end - start - 1, 0)) for k in range(len(replacement))]
        cursor = end
    return "".join(pieces + [text[cursor:]]), offsets + list(range(cursor, len(text) + 1))


def compose(outer: array, inner: array) -> array:
    """Map through `outer` (new → middle) then `inner` (middle → source), one index at a time."""
    return array("i", map(inner.__getitem__, outer))


@st.composite
def edited(draw) -> tuple[str, list[Edit]]:
    text = draw(st.text(alphabet="abc中文", max_size=30))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    return text, [Edit(a, b, draw(st.text(alphabet="xy", max_size=3)), "k") for a, b in zip(cuts[::2], cuts[1::2])]


@PROPERTY
@given(edited())
def test_apply_edits_maps_like_the_index_by_index_version(case):
    text, edits = case
    new, offsets = apply_edits(text, edits)
    assert (new, offsets.tolist()) == naive_apply(text, edits)
    base = array("i", range(5, 5 + 3 * (len(text) + 1), 3))  # the map of an earlier step
    assert apply_edits(text, edits, base) == (new, compose(offsets, base))


@PROPERTY
@given(edited())
def test_long_texts_count_their_own_map_and_get_the_same_result(case):
    text, edits = case
    shared = apply_edits(text, edits)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(E, "_SHARED_MAX", 0)  # every text is "long": no shared identity map is sliced
        assert apply_edits(text, edits) == shared


@PROPERTY
@given(edited(), st.integers(1, 9))
def test_a_map_held_as_runs_reads_as_the_array(case, block):
    text, edits = case
    for offsets in (apply_edits(text, edits)[1], array("i", [3, 3, 3, 4, 9, 10, 10, 2**31 - 2, 2**31 - 1])):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(E, "_BLOCK", block)  # runs that cross the blocks the breaks are found in
            runs = E.OffsetRuns(offsets)
        assert len(runs) == len(offsets)
        assert list(runs) == [runs[i] for i in range(len(runs))] == runs[:] == offsets.tolist()
        assert runs[-1] == offsets[-1] and runs.runs() == 1 + sum(b != a + 1 for a, b in zip(offsets, offsets[1:]))
        with pytest.raises(IndexError):
            runs[len(runs)]


def test_long_notices_keep_their_map_as_runs_and_read_the_same(monkeypatch):
    """A notice above LONG_TEXT is normalised and extracted to exactly what it was with a full map."""
    from extract import extract_file
    from extract import pipeline

    names = ["000_d97bcc4c5aa47a5e.txt", "002_9de06cae2ece0565.txt", "003_5df64098d028a53d.txt"]
    full = {name: extract_file(NOTICES / name) for name in names}
    monkeypatch.setattr(N, "LONG_TEXT", 1)
    monkeypatch.setattr(pipeline, "LONG_TEXT", 1)
    for name in names:
        raw = (NOTICES / name).read_text("utf-8")
        assert isinstance(N.normalise(raw).offsets, E.OffsetRuns)
        assert extract_file(NOTICES / name) == full[name], name


def test_edits_out_of_order_are_refused_before_anything_is_built():
    with pytest.raises(ValueError, match="overlap"):
        apply_edits("甲乙丙", [Edit(1, 2, "x", "k"), Edit(0, 1, "y", "k")])


@pytest.mark.parametrize("text", [
    "甲乙\n丙丁\n" * 30_000, "甲" * 70_000 + "\n乾隆" * 10, "乾" * 140_000,
    "甲" * (convert._BLOCK - 1) + "乾隆",  # a phrase across the block's edge, in a line longer than a block
    "甲" * (convert._BLOCK - 3) + "\n" + "乾隆" * 40_000,  # a newline just before the edge, then one long line
    ("乾隆" * 9 + "\n") * 20_000,  # phrases crossing the edge of every block but the cut is at a newline
])
def test_block_conversion_equals_one_call(text):
    assert convert.to_simplified(text) == convert.t2s().convert(text)


@PROPERTY
@given(TEXT)
def test_narrowing_equals_translating(text):
    translated = text.translate(str.maketrans(N._tables()[0]))
    repairs = Counter()
    assert N._narrow(text, repairs) == translated
    assert repairs["width"] == sum(map(operator.ne, text, translated))


@PROPERTY
@given(TEXT)
def test_control_edits_skip_only_text_without_controls(text):
    drop = N._tables()[2]
    want = [Edit(m.start(), m.end(), "\n", "newline") for m in N._NEWLINES.finditer(text)]
    want += [Edit(m.start(), m.end(), "", "invisible") for m in N._invisible(drop)[0].finditer(text)]
    assert N._control_edits(text, drop) == sorted(want)


@PROPERTY
@given(TEXT, TEXT)
def test_counts_in_c_equal_counts_by_character(a, b):
    assert N._count_han(a) == len(re.findall("[\u4e00-\u9fff]", a))
    assert N._count_changed(a, b) == sum(map(operator.ne, a, b))


def test_changed_characters_are_counted_across_blocks():
    a, b = "中國人" * 30_000, "中国人" * 29_999 + "x"
    assert N._count_changed(a, b) == sum(map(operator.ne, a, b)) == 30_000


UNGUARDED_SPACE_IN_CJK = regex.compile(  # the pattern before its guard was added
    rf"(?<=[{N._P}])[ ]+(?=[{N.CJK}\d{N._P}])|(?<=[{N.CJK}\d])[ ]+(?=[{N._P}])"
    rf"|(?<={N.CJK})[ ]+(?=\d)|(?<=\d)[ ]+(?={N.CJK})|(?<=(?<!{N.CJK}){N.CJK})[ ]+(?={N.CJK})"
    rf"|(?<={N.CJK})[ ]+(?={N.CJK}(?!{N.CJK}))"
)


@PROPERTY
@given(st.text(alphabet=list(" 中国人a1２。，()（）:\n|"), max_size=30))
def test_guarded_space_pattern_finds_what_the_unguarded_one_finds(text):
    spans = [m.span() for m in N._SPACE_IN_CJK.finditer(text)]
    assert spans == [m.span() for m in UNGUARDED_SPACE_IN_CJK.finditer(text)]


def whitespace_edits_as_first_written(text: str) -> list[Edit]:
    """_whitespace_edits building an Edit per span and sorting them with a key."""
    spans: list[Edit] = []
    head = len(text) - len(text.lstrip("\n "))
    if head:
        spans.append(Edit(0, head, "", "blank_line"))
    tail = len(text.rstrip("\n "))
    if head < tail < len(text):
        spans.append(Edit(tail, len(text), "", "blank_line"))
    for pattern, replacement, kind in N._WHITESPACE:
        spans += [Edit(m.start(), m.end(), replacement, kind) for m in pattern.finditer(text)]
    spans += [Edit(start, -negative_end, "", kind) for start, negative_end, _, _, kind in N._stray_spaces(text, 0)]
    merged: list[Edit] = []
    for edit in sorted(spans, key=lambda e: (e.start, -e.end)):
        if not merged or edit.start >= merged[-1].end:
            merged.append(edit)
    return merged


@PROPERTY
@given(st.text(alphabet=list(" \n中国a1。（，"), max_size=40))
def test_whitespace_edits_merge_as_sorting_edits_does(text):
    assert N._whitespace_edits(text) == whitespace_edits_as_first_written(text)


LOOKBEHIND_LOST_BREAK = regex.compile(  # the pattern before it matched the mark
    r"(?<=[。:;!?])(?=(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\))[^\n]{2})")


@PROPERTY
@given(st.text(alphabet=list("。:;!?一二十、()甲\n"), max_size=40))
def test_lost_breaks_are_found_where_the_lookbehind_finds_them(text):
    assert [m.end() for m in N._LOST_BREAK.finditer(text)] == [m.start() for m in LOOKBEHIND_LOST_BREAK.finditer(text)]


TAIL_AS_WRITTEN = re.compile(rf"\(?{P.SYLLABLE}\)")  # _TAIL as first written, opening with an optional '('


@PROPERTY
@given(st.text(alphabet=list("((a)ü)ǎ汉z中\n"), max_size=40))
def test_tails_are_found_where_the_pattern_as_written_finds_them(text):
    assert [m.span() for m in _TAIL_SET_FIRST.finditer(text)] == [m.span() for m in TAIL_AS_WRITTEN.finditer(text)]
    assert bool(_CLOSING.search(text)) == bool(re.search(rf"[a-zü{P.TONED}]\)", text))


MARK_FIRST_BREAK = re.compile("[\u4e00-\u9fff、,]\n(?=[\u4e00-\u9fff“])")  # the pattern before it matched the mark too


@PROPERTY
@given(st.text(alphabet=list("中国、,\n“a"), max_size=40))
def test_breaks_are_found_where_the_mark_first_pattern_finds_them(text):
    assert [m.start() for m in N._BREAK.finditer(text)] == [m.end() - 1 for m in MARK_FIRST_BREAK.finditer(text)]


@PROPERTY
@given(TEXT)
def test_no_annotation_without_a_closing_syllable(text):
    assert _CLOSING.search(text) or not _ANNOTATION.search(text)


@pytest.mark.parametrize("syllable", ["yè", "xiàn", "qū"])
@pytest.mark.parametrize("trail", [0xED, 0xA3, 0x50])
def test_lost_lead_bytes_are_found_from_the_pairs_they_complete(syllable, trail):
    want = [x for x in range(0x81, 0xFF) if any(reads(c, syllable, lenient=False) for c in _chars(trail, x))]
    assert [x for x, c in _completing(trail) if syllable in readings(c)] == want


CANDIDATES = list(_chars(trail=0xA3)[:60]) + list("，。的是了現区")
CONTEXT = st.text(alphabet=CANDIDATES[:20] + list("查抽了區（各展現\n "), max_size=3)


@PROPERTY
@given(st.lists(st.sampled_from(CANDIDATES), max_size=40), CONTEXT, CONTEXT)
def test_best_two_equals_scoring_every_candidate(candidates, left, right):
    want = sorted(((_fluency(left + c + right), c) for c in candidates), reverse=True)[:2]
    assert _best_two(candidates, left, right) == want


@pytest.mark.parametrize("left, right", [("了抽查", "現"), ("展的各", "（區"), ("", ""), ("n)測", "")])
def test_best_two_on_a_full_set_of_lost_lead_bytes(left, right):
    candidates = _chars(trail=0xA3)
    want = sorted(((_fluency(left + c + right), c) for c in candidates), reverse=True)[:2]
    assert _best_two(candidates, left, right) == want


def test_best_two_breaks_ties_as_sorting_does():
    """Characters jieba lacks all score alike: the two largest must still come out, in order."""
    candidates = [chr(0x3400 + i) for i in (7, 2, 11, 5, 0, 9, 3, 10, 1, 6, 8, 4)]
    want = sorted(((_fluency("了抽查" + c + "現"), c) for c in candidates), reverse=True)[:2]
    assert want[0][0] == want[1][0]
    assert _best_two(candidates, "了抽查", "現") == want


def counted_utf16(data: bytes) -> str | None:
    """_utf16_by_nuls without its shortcut for data holding no NUL."""
    head = data[:8192]
    if len(data) % 2 or len(head) < 4:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if max(even, odd) < max(1, len(head) // 20) or min(even, odd) * 10 > max(even, odd):
        return None
    return "utf-16-le" if odd > even else "utf-16-be"


@PROPERTY
@given(st.one_of(st.binary(max_size=64), st.text(max_size=30).map(lambda s: s.encode("utf-16-le"))))
def test_utf16_guess_is_unchanged_by_the_nul_shortcut(data):
    for sample in (data, data.replace(b"\0", b"")):
        assert _utf16_by_nuls(sample) == counted_utf16(sample)


class LengthChangingT2S:
    """OpenCC's t2s keeps lengths in practice; this one does not, to reach the alignment step."""

    def convert(self, text: str) -> str:
        return text.replace("乾隆", "干")


def test_alignment_when_t2s_changes_length_maps_and_counts_as_before(monkeypatch):
    monkeypatch.setattr(N, "t2s", LengthChangingT2S)
    monkeypatch.setattr(convert, "t2s", LengthChangingT2S)
    norm = N.normalise("　甲乾隆乙\n丙（一）")
    assert norm.text == "甲干乙\n丙(一)"
    assert list(norm.offsets) == [1, 2, 4, 5, 6, 7, 8, 9, 10]
    assert norm.repairs == {"width": 3, "blank_line": 1, "script": 1}  # no "opencc" count


def pinyin_edits_as_first_written(text: str) -> list[Edit]:
    """find_pinyin_annotations before it streamed: every candidate kept (an annotation printed twice, 和(he)(he),
    once per copy), the quorums counted after."""
    legal, found = P.syllables(), []
    for m in _ANNOTATION.finditer(text):
        char, opened, syllable = m.groups()
        if P.strip_tone(syllable) in legal:
            copy = m.group()[1:]
            ends = [m.end()]
            while text.startswith(copy, ends[-1]):
                ends.append(ends[-1] + len(copy))
            found += [(end - len(copy) if i else m.start(2), end, char, opened, syllable, P.has_tone(syllable))
                      for i, end in enumerate(ends)]
    quorum = sum(1 for *_, opened, _, toned in found if toned and opened) >= P._TONELESS_QUORUM
    bare = {(start, end) for start, end, char, opened, syllable, toned in found
            if not toned and opened and (char == "\ufffd" or reads(char, syllable, True))}
    quorum = quorum or len({text[start:end] for start, end in bare}) >= P._TONELESS_QUORUM
    return [Edit(start, end, "", "pinyin") for start, end, char, opened, syllable, toned in found
            if (toned or (opened and quorum)) and (char == "\ufffd" or reads(char, syllable, bool(opened)))]


ANNOTATED = st.lists(st.sampled_from(["問(wèn)", "題(tí)", "問wèn)", "中(zhong)", "和(he)", "甲(a)", "\ufffd(lì)",
                                      "公(gong)(gong)", "(he)", "发(fa)", "布(bu)", "问(wèn)(wèn)",
                                      "(一)", "用(yòng", "文", "。", "\n", "國(guó)", "x(ma)"]), max_size=40).map("".join)
TAILS = st.lists(st.sampled_from(["中", "\ufffd", "x", "(", ")", "wen)", "ü", "ā", "abcdef)", "abcdefg)"]),
                 max_size=20).map("".join)


@PROPERTY
@given(st.one_of(ANNOTATED, TAILS))
def test_streamed_pinyin_edits_equal_the_two_pass_version(text):
    assert P.find_pinyin_annotations(text) == pinyin_edits_as_first_written(text)


@pytest.mark.parametrize("fast, first_written", [(N._whitespace_edits, whitespace_edits_as_first_written),
                                                  (P.find_pinyin_annotations, pinyin_edits_as_first_written)],
                         ids=["whitespace", "pinyin"])
def test_edits_of_the_notices_equal_the_first_written_ones(fast, first_written):
    for path in sorted(NOTICES.glob("*.txt")):
        text = path.read_text("utf-8")
        assert fast(text) == first_written(text), path.name


def annotations_by_tail(text: str) -> list[tuple[int, int, str]]:
    """(start of the '(' or syllable, end, match) for each _TAIL after a character _ANNOTATION takes."""
    found = []
    for tail in P._TAIL.finditer(text):
        start, end = tail.span()
        if _ANNOTATION.fullmatch(text, max(start - 1, 0), end):
            found.append((start, end, text[start - 1 : end]))
    return found


@PROPERTY
@given(st.one_of(TEXT, ANNOTATED, TAILS))
def test_tails_after_a_han_character_are_the_annotations(text):
    assert annotations_by_tail(text) == [(m.start(2), m.end(), m[0]) for m in _ANNOTATION.finditer(text)]


def test_tails_find_the_annotations_of_the_notices():
    for path in sorted(NOTICES.glob("*.txt")):
        text = path.read_text("utf-8")
        assert annotations_by_tail(text) == [(m.start(2), m.end(), m[0]) for m in _ANNOTATION.finditer(text)]
