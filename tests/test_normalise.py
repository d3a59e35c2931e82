"""The text stage: offsets back to the source, idempotence, width, spaces and script."""
from __future__ import annotations

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.text.normalise import normalise

from .conftest import NOTICES

T2S = opencc.OpenCC("t2s")
CJK_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.sampled_from(list("  \u3000\n\r\t,，。、:：()（）１２ＡＢ?？|“”\u200b\ufeff0123456789abc")),
    ),
    max_size=300,
)


@settings(max_examples=300, deadline=None)
@given(CJK_TEXT)
def test_offsets_are_monotonic_and_in_range(raw):
    norm = normalise(raw)
    assert len(norm.offsets) == len(norm.text) + 1
    assert all(0 <= o <= len(raw) for o in norm.offsets)
    assert all(a <= b for a, b in zip(norm.offsets, norm.offsets[1:]))


@settings(max_examples=300, deadline=None)
@given(CJK_TEXT)
def test_normalising_twice_changes_nothing(raw):
    once = normalise(raw).text
    assert normalise(once).text == once


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_unicode_never_breaks_the_map(raw):
    norm = normalise(raw)
    assert len(norm.offsets) == len(norm.text) + 1
    assert all(a <= b for a, b in zip(norm.offsets, norm.offsets[1:]))


@pytest.mark.parametrize("path", sorted(NOTICES.glob("*.txt")), ids=lambda p: p.name)
def test_every_character_maps_to_its_source(path):
    """Each normalised character comes from a source character that normalises to it."""
    raw = path.read_text("utf-8")
    norm = normalise(raw)
    assert normalise(norm.text).text == norm.text
    for index, char in enumerate(norm.text):
        if char in "\n ":
            continue
        origin = raw[norm.offsets[index]]
        if norm.repairs.get("mojibake") or norm.repairs.get("mojibake_partial"):
            continue  # a repaired run maps into the damaged bytes it came from
        if char == "\ufffd" and norm.repairs.get("mojibake_unresolved"):
            continue  # a damaged character that could not be told is marked, from the bytes it stands for
        if char == "\ufffd" and norm.repairs.get("lost_character") and origin in "?？":
            continue  # a character the scraper lost, left as a question mark
        assert T2S.convert(normalise(origin).text or origin) == char or origin in "（），：；！？", (index, char, origin)


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("２０２１年３月", "2021年3月"),
        ("ＡＢＣ公司", "ABC公司"),
        ("　　各乡镇：", "各乡镇:"),
        ("单 位 名 称", "单位名称"),
        ("首页 政府信息公开 开封市", "首页 政府信息公开 开封市"),
        ("通知（试行）", "通知(试行)"),
        # question marks a scraper left for characters it lost; a real question keeps its mark
        ("甲局、青??萍?、乙局", "甲局、青\ufffd\ufffd萍\ufffd、乙局"),
        ("是否及时更新?各单位要自查", "是否及时更新?各单位要自查"),
        ("a\u200bb\ufeffc", "abc"),
        ("第一行\r\n\r\n\r\n第二行", "第一行\n第二行"),
        ("国办发〔2017〕47 号", "国办发〔2017〕47号"),
        ("甘肅省人民政府辦公廳", "甘肃省人民政府办公厅"),
        # a prose line a page broke inside a word is joined, in either script
        ("经查,县水利局、县农业农\n村局未公开决算。", "经查,县水利局、县农业农村局未公开决算。"),
        ("經查,縣水利局、縣農業農\n村局未公開決算。", "经查,县水利局、县农业农村局未公开决算。"),
        # a list's last name runs on into the next line: an admin word alone, a name with no ending, or a
        # bare ending on the next line; also across a page's running head printed inside the name
        ("未整改的单位有:县人社局、县\n财政局、东湖镇。", "未整改的单位有:县人社局、县财政局、东湖镇。"),
        ("未整改的单位有:县人社局、县市场监\n督管理局、东湖镇。", "未整改的单位有:县人社局、县市场监督管理局、东湖镇。"),
        ("未整改的单位有:县人社局、县农业农村\n局、东湖镇。", "未整改的单位有:县人社局、县农业农村局、东湖镇。"),
        ("未整改的单位有:县人社局、县卫\n某县人民政府门户网站 第2页 共3页\n健局、东湖镇。",
         "未整改的单位有:县人社局、县卫健局、东湖镇。"),
        # a clause left open by a function word goes on in the next line
        ("东湖镇、西山乡尚未完成目录编制,政务公开专区未\n投入使用。", "东湖镇、西山乡尚未完成目录编制,政务公开专区未投入使用。"),
        # a heading's number is no list; two whole names stay on their lines
        ("二、考评对象\n各乡镇、县财政局。", "二、考评对象\n各乡镇、县财政局。"),
        ("一、强化组织领导,健全工作机制\n镇党委、镇政府把政务公开纳入议事日程。",
         "一、强化组织领导,健全工作机制\n镇党委、镇政府把政务公开纳入议事日程。"),
        ("以下单位未整改:县委办公室、县教育局\n县财政局、县审计局", "以下单位未整改:县委办公室、县教育局\n县财政局、县审计局"),
        # a line ending in 、 or , goes on in the next one, unless a page's running head stands there
        ("检查发现,东湖镇、西山乡、\n南川街道未更新。", "检查发现,东湖镇、西山乡、南川街道未更新。"),
        ("检查发现,东湖镇、西山乡、\n当前位置:首页 > 通知公告\n南川街道未更新。",
         "检查发现,东湖镇、西山乡、\n当前位置:首页 > 通知公告\n南川街道未更新。"),
        ("部分网站超过6年未更新,\n上一篇:关于印发工作要点的通知", "部分网站超过6年未更新,\n上一篇:关于印发工作要点的通知"),
        # a break after a name's ending, before a label or a heading, after a heading or a short line, and
        # a new paragraph (blank line or indentation) are breaks of the text
        ("以下单位未整改:县委办公室、县发展和改革局\n县教育局、县科学技术局", "以下单位未整改:县委办公室、县发展和改革局\n县教育局、县科学技术局"),
        ("合格(2个):区烟草专卖局网站、区气象局网站\n不合格(1个):芦荻镇政务网", "合格(2个):区烟草专卖局网站、区气象局网站\n不合格(1个):芦荻镇政务网"),
        ("部分单位信息更新不及时、内容不全\n(二)互动回应不及时", "部分单位信息更新不及时、内容不全\n(二)互动回应不及时"),
        ("(二)互动回应不及时、办理质量不高\n部分单位未回复", "(二)互动回应不及时、办理质量不高\n部分单位未回复"),
        ("县发改局\n县教育局", "县发改局\n县教育局"),
        # a heading's numeral set apart by a space keeps one space; a letter-spaced word closes up
        ("一　总体情况\n单 位 名 称", "一 总体情况\n单位名称"),
        # spaces all over a line of prose are damage; a line of fields, a title after its issuer and names set
        # apart by spaces keep theirs
        ("縣政 府辦 公 室於9月下 旬對 全 縣政府網站進行了檢查,大部分 網站正常。", "县政府办公室于9月下旬对全县政府网站进行了检查,大部分网站正常。"),
        ("来源:本网 浏览量:108 发布时间:2024-01-08", "来源:本网 浏览量:108发布时间:2024-01-08"),
        ("县林业局 县水利局 县民政局 东湖镇未更新,请整改。", "县林业局 县水利局 县民政局 东湖镇未更新,请整改。"),
        ("某县人民政府 首页 > 通知公告 关于检查的通知 发布日期:2023-08-22 信息来源:县政府办公室 各乡镇人民政府,县直各部门:"
         "按照要求,县政府办公室开展了检查,发现部分账号长期未更新,请各单位认真整改,确保账号规范运行。",
         "某县人民政府 首页 > 通知公告 关于检查的通知 发布日期:2023-08-22信息来源:县政府办公室 各乡镇人民政府,县直各部门:"
         "按照要求,县政府办公室开展了检查,发现部分账号长期未更新,请各单位认真整改,确保账号规范运行。"),
        ("存在整改不及时、不到位等问题\n\n各单位要加强审核", "存在整改不及时、不到位等问题\n各单位要加强审核"),
        ("存在整改不及时、不到位等问题\n　　各单位要加强审核", "存在整改不及时、不到位等问题\n各单位要加强审核"),
    ],
)
def test_table_of_repairs(raw, expected):
    assert normalise(raw).text == expected


@pytest.mark.parametrize(
    "raw, script",
    [("甘肃省人民政府办公厅关于政务公开工作的通报", "simplified"),
     ("甘肅省人民政府辦公廳關於政務公開工作考核情況的通報", "traditional")],
)
def test_script_is_detected(raw, script):
    assert normalise(raw).script == script


def test_source_span_points_back_into_the_text_as_read():
    raw = "　　關於三閘鎮的通報：\n（一）公開渠道"
    norm = normalise(raw)
    start = norm.text.index("三闸镇")
    source_start, source_end = norm.source_span(start, start + 3)
    assert raw[source_start:source_end] == "三閘鎮"


def test_opencc_chains_are_the_installed_opencc_s():
    """opencc_chains.yaml lists every character whose t2s form t2s converts again, for this OpenCC."""
    import opencc

    from tongbao.data import load_yaml

    raw = opencc.OpenCC("t2s")
    chars = [chr(c) for c in [*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000), *range(0xF900, 0xFB00),
                              *range(0x20000, 0x2A6E0)]]
    once = raw.convert("\n".join(chars)).split("\n")
    twice = raw.convert("\n".join(once)).split("\n")
    chains = {o: t for o, t in zip(once, twice) if o != t}
    assert chains == load_yaml("opencc_chains.yaml")["chains"]
    assert normalise("薴麻").text == normalise(normalise("薴麻").text).text == "苎麻"


def test_opencc_variants_are_where_the_installed_hk2s_and_t2s_disagree():
    """opencc_chains.yaml's variants are the characters hk2s simplifies and t2s leaves, for this OpenCC."""
    import opencc

    from tongbao.data import load_yaml

    chars = [chr(c) for c in [*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000), *range(0xF900, 0xFB00),
                              *range(0x20000, 0x2A6E0)]]
    t2s = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    hk2s = opencc.OpenCC("hk2s").convert("\n".join(chars)).split("\n")
    assert {c: h for c, t, h in zip(chars, t2s, hk2s) if t != h} == load_yaml("opencc_chains.yaml")["variants"]
    assert normalise("東湖縣衞健局網站").text == "东湖县卫健局网站"
