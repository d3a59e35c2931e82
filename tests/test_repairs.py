"""The two repairs on decoded text: shifted-GBK mojibake and mirror pinyin annotations."""
from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter

import pytest
from hypothesis import given, settings, strategies as st

from extract import extract_text
from extract.text.edits import apply_edits
from extract.text.mojibake import find_mojibake
from extract.text.normalise import normalise
from extract.text.pinyin import find_pinyin_annotations

from .conftest import NOTICES, ROOT, SEED_001

MARKERS = re.compile("[\u2500-\u259f\u3100-\u312f\ue000-\uf8ff\ufe50-\ufe6f€]")
ANNOTATION = re.compile(r"[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
PROPERTY = settings(max_examples=300, deadline=None, derandomize=True)


def repair(text: str) -> str:
    """Mojibake first, then pinyin on its result, as normalise() chains them."""
    fixed, _ = apply_edits(text, find_mojibake(text)[0])
    return apply_edits(fixed, find_pinyin_annotations(fixed))[0]


def read(name: str) -> str:
    return (NOTICES / name).read_text(encoding="utf-8")


def scrape(text: str, lost: int) -> str:
    """The corruption as the scraper made it: byte `lost` of the GBK page turned into '?', the rest
    decoded pairwise (a bad pair gives one '?', 0x80 alone gives '€'), then marks narrowed."""
    raw = bytearray(text.encode("gb18030"))
    raw[lost] = ord("?")
    out, i = [], 0
    while i < len(raw):
        if raw[i] < 0x81:
            out.append("€" if raw[i] == 0x80 else chr(raw[i]))
            i += 1
            continue
        try:
            out.append(bytes(raw[i : i + 2]).decode("gb18030"))
        except UnicodeDecodeError:
            out.append("?")
        i += 2
    return "".join(out).translate(str.maketrans("，：；（）！", ",:;()!"))


# --- seed 001: more than ten shifted runs, pinyin everywhere -------------------------------------

def test_seed_001_reads_clean_after_both_repairs():
    text = repair(SEED_001.read_text(encoding="utf-8"))
    assert "?" not in text
    assert not MARKERS.search(text)
    assert not ANNOTATION.search(text)
    for repaired in (
        "歡迎訪問甘肅經濟信息網",
        "結合國務院辦公廳委托中國社科院法學研究所開展的各省（區、市)第三方評估結果",
        "我省一些做法被點名表揚,如",
        " 　（一）公開渠道更加暢通。",
        " 　（三）公開實效更加顯著。",
        " 　（五）輿情回應更加全面。",
        " 　（六）依申請公開辦理更加規范。",
        " 　（一）個別單位重視程度不夠。",
        " 　（二）政策公開還需加大力度。",
        " 　（五）監督保障機制仍需加強。",
        " 　（二）加強依申請公開工作。",
        " 　（四）加強第三方評估工作。",
        # 庫's lead byte went into a '?' with the '(' of (guī); its trail byte is lost too.
        "省農牧廳設立農業專家\ufffd,通過甘肅",
    ):
        assert repaired in text


def test_seed_001_counts_and_warnings():
    edits, warnings = find_mojibake(SEED_001.read_text(encoding="utf-8"))
    sites = []  # a run and the partly lost character that ends it are one damaged place
    for edit in edits:
        if sites and sites[-1][-1].end == edit.start:
            sites[-1].append(edit)
        else:
            sites.append([edit])
    repaired = [site for site in sites if all(e.kind != "mojibake_unresolved" for e in site)]
    assert len(sites) == 12 and len(repaired) == 11 > 10
    assert Counter(e.kind for e in edits) == {"mojibake": 10, "mojibake_partial": 5, "mojibake_unresolved": 1}
    assert warnings == ["mojibake at offset 2486: lost character (lead byte 0x8e) not identified"]


# --- the other corpus files ------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["004_198255f5e13ddda7.txt", "notice-08.txt", "notice-23.txt"])
def test_comma_f_runs_become_full_stop_and_xian(name):
    raw = read(name)
    assert "?,F(xiàn)將" in raw
    text = repair(raw)
    assert "。現將有關情況通報如下" in text
    assert "?" not in text and ",F" not in text


def test_notice_13_run_ending_in_a_latin_trail_byte():
    assert " 　（一）存在錯誤表述和錯別字。" in repair(read("notice-13.txt"))


def test_notice_15_is_left_alone():
    # '? ?' is a real pair of question marks; `三審三?!敝贫?,` is shifted but carries no shifted-GBK
    # marker and its lost characters are ambiguous (三粒/三校, 制度/制定): not clearly better.
    assert find_mojibake(read("notice-15.txt")) == ([], [])


@pytest.mark.parametrize("name", sorted(p.name for p in NOTICES.glob("*.txt")))
def test_no_corpus_file_keeps_markers_after_a_question_mark(name):
    assert not re.search(r"\?[^\n]{0,12}[\u3100-\u312f\ue000-\uf8ff]", repair(read(name)))


# --- runs, partly lost characters, real question marks --------------------------------------------

@pytest.mark.parametrize(
    "raw, want",
    [
        ("\n ?。ㄎ澹┹浨榛貞?yīng)更加", "\n 　（五）輿情回應更加"),  # '?' = trail AA and the '('
        ("\n ?。ㄎ澹┹浨榛貞?(yīng)更加", "\n 　（五）輿情回應更加"),
        ("\n ?。ǘ\ue46a┘訌?qiáng)依申請", "\n 　（二）加強依申請"),  # 強 among heteronyms 廧 彊
        ("點名表?yè)P(yáng),如", "點名表揚,如"),  # lead byte inside '?', trail 'P' after the annotation
        ("進行了抽查?,F(xiàn)將", "進行了抽查。現將"),
        ("發展的各?。▍^(qū)、市)", "發展的各省（區、市)"),
    ],
)
def test_repairs(raw, want):
    assert repair(raw) == want


def test_unidentified_lost_character_is_marked_and_warned():
    text = "\n ?。ㄎ澹┹浨榛貞?。"
    edits, warnings = find_mojibake(text)
    assert apply_edits(text, edits)[0] == "\n 　（五）輿情回\ufffd。"
    assert [e.kind for e in edits] == ["mojibake", "mojibake_unresolved"]
    assert warnings == ["mojibake at offset 10: lost character (lead byte 0x91) not identified"]


@pytest.mark.parametrize(
    "sentence, lost",
    [
        ("\n　（一）公開渠道更加暢通", 1),
        ("\n　（三）公開實效更加顯著", 1),
        ("各省（區(qū)、市)", 2),
        ("監測。現(xiàn)將有關", 4),
        ("\n　（四）加強(qiáng)第三方", 1),
    ],
)
def test_simulated_scraper_corruption_round_trips(sentence, lost):
    damaged = scrape(sentence, lost)
    assert damaged != sentence
    assert find_mojibake(damaged)[1] == []
    assert repair(damaged) == repair(sentence)  # the '(' of (qiáng) is lost for good


@pytest.mark.parametrize(
    "sentence, lost, repaired",
    [
        # the shifted pair leaves a full-width space or letter behind, which normalise() must read before it
        # narrows marks (the damaged page had them wide)
        ("前文。\n　　（三）未設置意見箱。新屋村未設置。", 7, "(三)未设置意见箱"),
        ("存在問題。市政府辦公室要加強指導。", 8, "问题。市政府办公室"),
    ],
)
def test_shifted_runs_with_wide_spaces_and_letters_are_repaired_through_normalise(sentence, lost, repaired):
    from extract.text.normalise import normalise

    damaged = scrape(sentence, lost)
    assert damaged != sentence
    assert repaired in normalise(damaged).text


@pytest.mark.parametrize(
    "text",
    [
        "http://www.gansu.gov.cn/art/view.asp?thex=288&id=3",
        "你知道吗?我们明天去。",
        "是否公开?Yes",
        "? ?\n為貫徹落實",
        "这是为什么?ABC",
        "问题?\n下一步",
        "〔2017?〕C13号",
    ],
)
def test_real_question_marks_are_kept(text):
    assert find_mojibake(text) == ([], [])


# --- pinyin annotations ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "管理办法(试行)",
        "工作要点(2021)",
        "主要特点(一)加强",
        "系统(以下简称备案系统)",
        "中国政府网(www.gov.cn)",
        "选项(A)",
        "客户端(App)",
        "长度(m)",
        "网站(cn)",
        "条款(a)",
        "中yī)",  # no '(' and 中 does not read yī
        "word(wèn)",  # not after a Chinese character
    ],
)
def test_real_parentheses_are_kept(text):
    assert find_pinyin_annotations(text) == []


@pytest.mark.parametrize(
    "text, want",
    [
        ("訪問(wèn)", "訪問"),
        ("國(guó)務(wù)院", "國務院"),
        ("甘肅經(jīng)濟(jì)信息網(wǎng)!", "甘肅經濟信息網!"),
        ("回應yīng)更加", "回應更加"),  # '(' lost with a repaired mojibake
        ("專家\ufffd(guī),通過", "專家\ufffd,通過"),
        ("訪問(wèn)國(guó)務(wù)院的(de)通知", "訪問國務院的通知"),  # tone-less, in an annotated file
        ("通報(bào)(2021)", "通報(2021)"),
        # a reading in another tone than the ones pypinyin lists (績 is jī there, 绩 jì)
        ("網站績(jì)效評估", "網站績效評估"),
    ],
)
def test_annotations_are_removed(text, want):
    edits = find_pinyin_annotations(text)
    assert {e.kind for e in edits} == {"pinyin"}
    assert apply_edits(text, edits)[0] == want


def test_toneless_syllable_alone_is_not_an_annotation():
    assert find_pinyin_annotations("的(de)") == []


@pytest.mark.parametrize(
    "text, want",
    [
        # a simplified page annotated without tones: three annotations that read their characters convince
        ("发(fa)布时(shi)间(jian):2020-11-26", "发布时间:2020-11-26"),
        ("文(wen)章(zhang)来源:某某网,各(ge)省人民政府", "文章来源:某某网,各省人民政府"),
        # an annotation printed twice goes with its first copy
        ("中华人民共和(he)(he)国(guo)政(zheng)(zheng)府(fu)(fu)信息", "中华人民共和国政府信息"),
        ("訪問(wèn)(wèn)國(guó)務(wù)院", "訪問國務院"),
        # too few, or not readings of their characters: real parentheses
        ("安(an)全(quan)生产", "安(an)全(quan)生产"),
        ("条款(a)、(b)、(c)、(e)", "条款(a)、(b)、(c)、(e)"),
        ("报(a)告(e)书(o)", "报(a)告(e)书(o)"),
    ],
)
def test_toneless_annotations_in_simplified_pages(text, want):
    assert apply_edits(text, find_pinyin_annotations(text))[0] == want


def test_readings_are_pypinyins_for_every_character():
    """The table read from pypinyin's data file answers as pypinyin itself does, character by character."""
    from pypinyin import Style, pinyin
    from extract.text.pinyin import _character_table, readings

    table = _character_table()
    assert len(table) > 20_000
    others = [chr(c) for c in range(0x3400, 0xA000) if str(c) not in table][:2000] + ["a", "。", "\U00020001"]
    for char in [chr(int(code)) for code in table] + others:
        found = pinyin(char, style=Style.TONE, heteronym=True)[0]
        assert readings(char) == (frozenset() if found == [char] else frozenset(found)), char


def test_judging_annotations_does_not_import_pypinyin():
    """pypinyin's package loads a 45 MB phrase dictionary that single characters never need."""
    code = ("import sys; from extract.text.pinyin import find_pinyin_annotations as f; "
            "assert f('訪問(wèn)國(guó)') and f('的(de)') == []; assert 'pypinyin' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


# --- properties ------------------------------------------------------------------------------------

def _common_chars() -> list[str]:
    lines = (ROOT / "extract" / "data" / "readers_common_chars.txt").read_text(encoding="utf-8").splitlines()
    return list("".join(line for line in lines if not line.startswith("#")))[:3000]


PLAIN = st.text(alphabet=st.sampled_from(_common_chars() + list("?。，、：“”（）() abcXYZ_0123\n")), max_size=60)
ANY = st.text(
    alphabet=st.one_of(
        st.characters(),
        st.sampled_from(list("?()€,!:;_^FOPe \n\u3000。ㄒ唬┕\ue0a6貞訌ūǎàèwènguóyīng") + _common_chars()[:50]),
    ),
    max_size=80,
)


@PROPERTY
@given(PLAIN)
def test_plain_text_has_no_mojibake(text):
    assert find_mojibake(text) == ([], [])


@PROPERTY
@given(PLAIN.map(lambda s: re.sub("[a-z]", "", s)))
def test_text_without_pinyin_has_no_annotations(text):
    assert find_pinyin_annotations(text) == []


@PROPERTY
@given(ANY)
def test_edits_are_sorted_disjoint_and_in_range(text):
    for edits in (find_mojibake(text)[0], find_pinyin_annotations(text)):
        ends = [0]
        for edit in edits:
            assert ends[-1] <= edit.start <= edit.end <= len(text)
            ends.append(edit.end)
        new, offsets = apply_edits(text, edits)
        assert len(offsets) == len(new) + 1
        if edits:
            assert text[: edits[0].start] == new[: edits[0].start]
            assert text[edits[-1].end :] == new[len(new) - (len(text) - edits[-1].end) :]


def test_large_clean_text_has_nothing_to_repair():
    """20 MB of clean text: no edits (its cost is measured in scripts/bench.py, not here)."""
    text = read("000_d97bcc4c5aa47a5e.txt").replace("?", "").replace(")", "")
    text *= 20_000_000 // len(text)
    assert find_mojibake(text) == ([], []) and find_pinyin_annotations(text) == []


def _shifted(line: str, codec: str = "gbk", drop: bool = False) -> str:
    """A line of a GBK page read one byte late: the lost byte shown as ?, a pair the reader's codec cannot decode
    as ? (one byte), ASCII as itself, so decoding resynchronises after it: the damage the seeds show. With `drop`,
    such a pair is lost whole and the reader reads on out of step (seed 001's ┕_ for 公開: AB E9 is a user-defined
    pair, read as a private-use character the page then lost)."""
    raw = line.encode("gbk", errors="replace")[1:]
    out, i = "?", 0
    while i < len(raw):
        if raw[i] < 0x80:
            out, i = out + chr(raw[i]), i + 1
            continue
        try:
            out, i = out + raw[i:i + 2].decode(codec), i + 2
        except UnicodeDecodeError:
            out, i = (out, i + 2) if drop else (out + "?", i + 1)
    return out


@pytest.mark.parametrize("line", ["一、考核结果", "二、存在问题", "三、整改要求"])
def test_a_heading_numeral_lost_at_an_indented_line_start(line):
    damaged = _shifted("\u3000\u3000" + line, "gb2312")
    assert damaged != line and "?" in damaged
    text = "标题\n" + damaged + "\n正文。"
    edits, _ = find_mojibake(text)
    repaired = apply_edits(text, edits)[0] if edits else text
    assert repaired.split("\n")[1].lstrip("\u3000")[:4] == line[:4]  # (a character the shift lost at the line's end
    # may stay lost: ? before a newline tells nothing of it)


@pytest.mark.parametrize("line", ["二、重點內容", "三、方法步驟", "二、存在問題", "三、有關要求"])
def test_a_heading_whose_numeral_and_mark_lost_their_middle_bytes(line):
    """二、 and 三、 read one byte late leave their numeral's trail byte and 、's lead byte as one user-defined pair;
    where it is lost, the numeral's lead byte meets 、's trail byte (the line must resynchronise on an ASCII byte
    before its end, as 點 and 關 do: a line that never does stays as it was)."""
    damaged = _shifted("\u3000\u3000" + line, drop=True)
    assert "、" not in damaged and "?" not in damaged[1:]
    assert normalise("标题\n" + damaged + "\n正文。").text.split("\n")[1][:4] == normalise(line).text[:4]


def test_a_shifted_run_inside_a_line_is_no_heading():
    text = "标题\n甲?《?、乙\n"
    edits, _ = find_mojibake(text)
    assert edits == []


@pytest.mark.parametrize("line, mark", [("（二）政務新媒體", "(二)"), ("二、存在問題", "二、"), ("一、總體情況", "一、"),
                                        ("三、整改要求", "三、")])
def test_indented_headings_read_one_byte_late(line, mark):
    """The heading's number comes back (a character the shift lost at the line's end may stay lost)."""
    text = "标题\n" + _shifted("\u3000\u3000" + line) + "\n正文。"
    assert _shifted("\u3000\u3000" + line) != "\u3000\u3000" + line
    assert normalise(text).text.split("\n")[1].startswith(mark)


def test_golden_notices_damaged_at_line_starts_keep_their_sections():
    """Real notices, in traditional script as GBK mirrors serve them, with a third of their indented lines read one
    byte late (seeded): every notice keeps the section kinds of its undamaged text."""
    import random

    import opencc

    s2t, rng, changed = opencc.OpenCC("s2t"), random.Random(7), []
    for path in sorted(NOTICES.glob("notice-*.txt")):
        lines = ["\u3000\u3000" + line.strip() if len(line.strip()) > 6 else line
                 for line in path.read_text("utf-8").split("\n")]
        clean = s2t.convert("\n".join(lines))
        damaged = "\n".join(_shifted(line) if line.startswith("\u3000\u3000") and rng.random() < 0.3 else line
                            for line in clean.split("\n"))
        kinds = [[s["kind"] for s in extract_text(t)["sections"]] for t in (clean, damaged)]
        if kinds[0] != kinds[1]:
            changed.append(path.name)
    assert changed == []
