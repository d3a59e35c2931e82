"""Counts on real notice sentences: what is a count, what is not, and hostile input."""
from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.findings.context import Context
from extract.findings.counts import find_counts
from extract.structure.sections import build_sections
from extract.text.normalise import normalise

from .conftest import SEED_000, SEED_001


def _context(text: str, table_spans: list[tuple[int, int]] | None = None) -> Context:
    norm = normalise(text)
    return Context(norm, build_sections(norm.text), [], None, table_spans=table_spans or [])


def _counts(text: str) -> list[tuple]:
    return [(c["value"], c["unit"], c["kind"], c["approximate"]) for c in find_counts(_context(text))]


@pytest.mark.parametrize("sentence, expected", [
    ("全区第一季度共主动公开政府信息1422条,其中动态信息1261条,法定主动公开内容161条。",
     [(1422, "条", "count", False), (1261, "条", "count", False), (161, "条", "count", False)]),
    ("全区现有80个政务新媒体账号中,此次检查合格70个,不合格8个,正在注销2个,合格率90%。",
     [(80, "个", "count", False), (70, "个", "count", False), (8, "个", "count", False),
      (2, "个", "count", False), (90, "%", "percent", False)]),
    ("“中国·甘肃”门户网站年访问量5亿余人次,发布信息4亿余条。",
     [(500_000_000, "人次", "count", True), (400_000_000, "条", "count", True)]),
    ("政务微博访问量476万余人次,粉丝30余万人次。",
     [(4_760_000, "人次", "count", True), (300_000, "人次", "count", True)]),
    ("全省共主动公开政府信息1563668条,较2015年增长8.91%。",
     [(1_563_668, "条", "count", False), (8.91, "%", "change", False)]),
    ("共受理申请一千二百条,发现三个单位未及时更新。", [(1200, "条", "count", False), (3, "个", "count", False)]),
    ("经查,三闸镇等8个单位未添加本机构政府信息公开指南。", [(8, "个", "count", False)]),
    # people staffed, told as done, are counted (a quota ordered is not: test_not_counts)
    ("我乡确定1名分管领导具体负责政务公开工作。", [(1, "名", "count", False)]),
    ("2021年第一季度全区公开情况较好的8个,公开数量不足的10个,未更新的8个。",
     [(8, "个", "count", False), (10, "个", "count", False), (8, "个", "count", False)]),
    ("随机抽查的53个“今日头条”账号中,16个超过2周未更新,合格率不足70%。",
     [(53, "个", "count", False), (16, "个", "count", False), (2, "周", "count", True), (70, "%", "percent", True)]),
    ("总体合格率94%,比2017年第一季度提高3个百分点。",
     [(94, "%", "percent", False), (3, "百分点", "change", False)]),
    ("10个单位工作较为突出,得分超过75分;5个单位测评分低于60分。",
     [(10, "个", "count", False), (75, "分", "count", True), (5, "个", "count", False), (60, "分", "count", True)]),
    ("全市共主动公开政府信息约4.6万条,访问量达1.2亿人次,关注用户近85万人。",
     [(46_000, "条", "count", True), (120_000_000, "人次", "count", False), (850_000, "人", "count", True)]),
    ("超过80%的网站能够及时转载,90%以上的网站开设了专栏。",
     [(80, "%", "percent", True), (90, "%", "percent", True)]),
    ("“领导信箱”共收到网民来信309封,按期办结292封,按期办结率94.5%。",
     [(309, "封", "count", False), (292, "封", "count", False), (94.5, "%", "percent", False)]),
    ("2017年我局有关政府信息公开的行政复议案共1起。", [(1, "起", "count", False)]),
    ("按期答复率达到百分之九十五。", [(95, "%", "percent", False)]),
    ("共涉及资金3.5万元。", [(35_000, "元", "measure", False)]),
    ("整改率达到百分之百。", [(100, "%", "percent", False)]),
    ("同比下降2.3个百分点,较上季度减少12个。", [(2.3, "百分点", "change", False), (12, "个", "change", False)]),
    ("合格率提高到95%。", [(95, "%", "percent", False)]),
    ("全年行政复议0件。", [(0, "件", "count", False)]),
    ("网站日均访问量1.2万人次,建立了3支队伍。", [(12_000, "人次", "count", False), (3, "支", "count", False)]),
])
def test_counts_in_sentences(sentence, expected):
    assert _counts(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # durations that say what happened are counts, with their time word; 超/超过 make them approximate
    ("某局微信订阅号超6个月未更新,某镇抖音账号超1个月未更新。",
     [(6, "个月", "count", True), (1, "个月", "count", True)]),
    ("某政务微博14天未更新,某客户端3个月内无原创信息。", [(14, "天", "count", False), (3, "个月", "count", False)]),
    # an interval or time gone past, and one a fault is said to exist for, happened
    ("县林业局网站更新间隔超过2周,距抽查时已超过1个月。", [(2, "周", "count", True), (1, "个月", "count", True)]),
    ("部分网站存在超过10天未回复的情况。", [(10, "天", "count", True)]),
    ("某网站动态栏目有1周未按要求更新,另一网站2周内不更新。", [(1, "周", "count", False), (2, "周", "count", False)]),
    ("某县网超过6年未更新,某局网部分留言超过半年未回应。", [(6, "年", "count", True), (0.5, "年", "count", True)]),
    ("首页长达1个多月未更新。", [(1, "个月", "count", True)]),
    # a rate reached each period is a level; a floor before a rate (不低于…30%) is a norm (test_not_counts)
    ("每季度检查比例达到100%。", [(100, "%", "percent", False)]),
    ("北京等6个地区连续两个季度抽查合格率达100%。",
     [(6, "个", "count", False), (2, "个季度", "count", False), (100, "%", "percent", False)]),
    ("这是我们连续9年开展评估,平均用时15天。", [(9, "年", "count", False), (15, "天", "count", False)]),
    # measure words the notices use
    ("共发布主动公开信息28大项、79小项,分为5大类。",
     [(28, "项", "count", False), (79, "项", "count", False), (5, "类", "count", False)]),
    ("全省受理申请8453件,是上年的5.8倍,办结12单。",
     [(8453, "件", "count", False), (5.8, "倍", "count", False), (12, "单", "count", False)]),
    ("评出优秀3名,扣5分。", [(3, "名", "count", False), (5, "分", "count", False)]),
    # both ends of a range, a round number after a bound
    ("得分90—100分网站共7个。", [(90, "分", "count", False), (100, "分", "count", False), (7, "个", "count", False)]),
    ("政务微博发布信息超百条,粉丝近千人。", [(100, "条", "count", True), (1000, "人", "count", True)]),
])
def test_counts_of_the_corpus_forms(sentence, expected):
    assert _counts(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "3月30日,甘州区政务公开工作领导小组办公室对全区第一季度政府信息公开情况进行了检查。",
    "市政府办公厅对全市政府网站开展了2025年第12次月检查。",
    "委托第三方测评机构于7月中旬进行了抽查。",
    "按照《江门市2019年度政府网站与政务新媒体考评方案》(江府办函〔2019〕129号)要求。",
    "请与朝阳乡政府信息公开办公室联系,联系电话:0818-6972129。",
    "5个工作日内必须对网民咨询留言作出答复,24小时内回复。",
    "严格执行政府信息公开“三级审核”制度,做好“两微一端”和12316热线建设。",
    "明确一名副职负责网站信息内容发布的协调工作。",
    "建议开展次数一年内不少于6次。",
    "本报告包括概述等六个方面内容。",
    "评估从四个维度展开,结果分为优秀、良好、合格、不合格四个等次。",
    "信息发布总量排名前五的单位为县自然资源局,前三名均为乡镇。",
    "依照第1、2、3条规定办理。",
    "各单位要十分重视,做到解答清楚、一次告知。",
    "全市“我为政府网站找错”栏目零找错。",
    "结合“5·15政务公开日”活动,完善5.15活动专栏。",
    "自201912月项目启动以来,开展了20243月份检查。",
    "数十个单位、几十家网站存在问题。",
    "严禁使用零件拼装。",
    # numerals inside place names
    "六盘水市、九台区和七台河市的网站均已整改。",
    "三元街道、五里镇的网站均已整改。",
    "五家渠市政府网站运行正常。",
    # norms, limits and conditions that did not happen
    "“动态”类栏目更新时间间隔不得超过2周。",
    "确保动态类栏目2周内有更新。",
    "经检查,未发现两周内无信息更新现象。",
    "出现单项否决中超过两周无更新的情况判定为不合格。",
    "依申请公开须在15个工作日内答复,24小时内未回复的视为超时。",
    "2018年未开展培训。",
    # ranks, a counting convention, a document named without 《》
    "得分前3名和后3名的网站分别为甲、乙。",
    "不同渠道发布的同一信息计为1条。",
    "及时公开了关于5所学校调整收费标准的批复。",
    # a run of periods or times inside a clause naming whom (…的账号) is a criterion, not what happened
    "对连续两个季度存在问题的账号予以约谈。",
    "对连续两次抽查不合格的单位进行通报。",
    # frequencies and floors that govern the clause, and copies of a form
    "价格监测信息每周发布1次。",
    "每季度参加业务培训1次,全年至少举办培训2期。",
    "抽查比例不低于运行总数的30%。",
    "自查报告纸质材料一式两份。",
    # a grading scale, a weight and a target set by the notice; a page's view count
    "考核得分90分以上为优秀,80分至89分为良好,60分以下为较差。",
    "日常监测得分占40%,集中评审得分占60%。",
    "全县政务新媒体账号压减至60个以内。",
    "发布时间:2024-01-08 浏览:203次",
    # a quota of people the notice orders (要明确1名…, 均须确定1名…)
    "各单位要明确1名分管负责同志,于5月10日前报送。",
    "各乡镇均须确定2名信息员。",
])
def test_not_counts(sentence):
    assert _counts(sentence) == []


def test_cells_of_a_flattened_table_are_not_counts():
    assert _counts("序号 | 单位 | 发布条数 |\n1 | 某镇 | 35条 |\n共公开信息5条。") == [(5, "条", "count", False)]


def test_table_cells_and_headings_are_not_counts():
    text = "一、全区发布信息30条\n县政府办 |\n发布1362条 |\n共公开信息5条。"
    table_start = text.index("县政府办")
    ctx = _context(text, [(table_start, text.index("共公开"))])
    assert [(c["value"], c["unit"]) for c in find_counts(ctx)] == [(5, "条")]


@pytest.mark.parametrize("text, expected", [
    # an item that is a sentence, numbered or run in with 一是, is body text after its number
    ("一、存在问题\n(一)县水利局网站“通知公告”栏目超过5个月未更新,错别字3处。\n(二)县林业局未公开预算。",
     [(5, "个月"), (3, "处")]),
    ("一、主要做法\n一是发布信息630条;二是设立电子显示屏3块。", [(630, "条"), (3, "块")]),
    # a heading that names a list of units keeps its count out
    ("一、存在问题\n(一)超过3个月未更新的网站\n甲镇、乙乡。", []),
    # measure words of archives, land and kinds
    ("整理档案资料3卷,办事指南11种,出让土地217宗,面积486.3公顷。",
     [(3, "卷"), (11, "种"), (217, "宗"), (486.3, "公顷")]),
])
def test_counts_in_items_that_are_sentences(text, expected):
    assert [(c["value"], c["unit"]) for c in find_counts(_context(text))] == expected


@pytest.mark.parametrize("text, expected", [
    # an average, a delay or an overrun of working days or hours is what happened
    ("依申请公开平均答复时间为11个工作日。", [(11, "个工作日")]),
    ("县民政局超期11个工作日才予答复,线路调整信息平均滞后3天发布。", [(11, "个工作日"), (3, "天")]),
    # so is a wait that went past a number of them (超过15个工作日未答复)
    ("县民政局有2件申请超过15个工作日未答复,网民留言超过48小时未回复。", [(2, "件"), (15, "个工作日"), (48, "小时")]),
    # the same measures as limits are no counts, also when a unit failed to meet them
    ("县民政局未能在5个工作日内作出答复。", []),
    # what happened to a unit keeps its run
    ("东湖镇网站连续两周未更新,东湖镇连续两次抽查不合格。", [(2, "周"), (2, "次")]),
    ("应在24小时内回复,3个工作日内未回复的视为超时。", []),
])
def test_working_days_and_hours_are_counts_only_when_they_happened(text, expected):
    assert [(c["value"], c["unit"]) for c in find_counts(_context(text))] == expected


def test_heading_run_on_into_body_keeps_its_counts():
    ctx = _context("一、总体情况:本次共检查网站119个,其中存在问题的网站36个\n二、主要问题\n无。")
    assert [(c["value"], c["unit"]) for c in find_counts(ctx)] == [(119, "个"), (36, "个")]


@pytest.mark.parametrize("sentence, subject", [
    ("全区第一季度共主动公开政府信息1422条。", "主动公开政府信息"),
    ("全区现有80个政务新媒体账号中,合格70个。", "政务新媒体账号"),
    ("经查,三闸镇等8个单位未添加指南。", "单位"),
    ("抽查发现不合格账号25个,总体合格率为95.77%。", "不合格账号"),
])
def test_subject(sentence, subject):
    assert find_counts(_context(sentence))[0]["subject"] == subject


def test_evidence_covers_the_count():
    ctx = _context("全区第一季度共主动公开政府信息1422条。")
    evidence = find_counts(ctx)[0]["evidence"]
    assert evidence["text"] == ctx.text[evidence["start"]:evidence["end"]] == "主动公开政府信息1422条"


def test_seed_000(doc):
    counts = {(c["value"], c["unit"], c["kind"]) for c in doc(SEED_000.name)["counts"]}
    assert {(1422, "条", "count"), (80, "个", "count"), (90, "%", "percent")} <= counts


def test_seed_001(doc):
    counts = doc(SEED_001.name)["counts"]
    assert any(c["value"] == 500_000_000 and c["unit"] == "人次" and c["approximate"] for c in counts)


@pytest.mark.parametrize("hostile", [
    "9" * 200_000 + "条",
    "、".join(["单位3个"] * 30_000),
    "共" + "一二三四五六七八九十百千万亿" * 5_000 + "条",
    "第" + "1、" * 50_000 + "2条",
    "《" * 20_000 + "5个" + "“" * 20_000,
], ids=lambda text: f"{text[:12]}…{len(text)}")
def test_hostile_input_gives_well_formed_items(hostile):
    """Built to make regexes backtrack; how long they take is measured in scripts/bench.py."""
    ctx = _context(hostile)
    for item in find_counts(ctx):
        assert ctx.text[item["evidence"]["start"]:item["evidence"]["end"]] == item["evidence"]["text"]


_ALPHABET = st.sampled_from(list("0123456789.,、;。:()%一二两三十百千万亿余多约近超第每前条个件人次家类分月日年《》“”\n")
                            + ["个月", "工作日", "人次", "百分点", "百分之", "不足", "增长", "较", "合格率"])


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=300), st.lists(_ALPHABET, max_size=120).map("".join)))
def test_any_text(text):
    ctx = _context(text)
    for count in find_counts(ctx):
        assert math.isfinite(count["value"])
        evidence = count["evidence"]
        assert evidence["text"] == ctx.text[evidence["start"]:evidence["end"]]
