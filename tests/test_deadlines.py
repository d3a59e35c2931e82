"""Deadlines on real notice sentences: dates, limits, the year roll-over, and what is not a deadline."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.findings.context import Context
from extract.findings.deadlines import find_deadlines, with_notice_date
from extract.text.normalise import normalise

from .conftest import SEED_000, SEED_004


def _context(text: str, date: dt.date | None = dt.date(2021, 3, 31)) -> Context:
    return Context(normalise(text), [], [], date)


def _deadlines(text: str, date: dt.date | None = dt.date(2021, 3, 31)) -> list:
    return [d["date"] or d["month_day"] or (d["within"]["amount"], d["within"]["unit"])
            for d in find_deadlines(_context(text, date))]


@pytest.mark.parametrize("sentence, notice, expected", [
    ("此次通报存在的问题,请各相关单位于4月6日前整改完成。", dt.date(2021, 3, 31), ["2021-04-06"]),
    ("立即采取有力措施进行整改,并于8月14日前将整改情况书面报送区政府办公室。", dt.date(2020, 8, 5), ["2020-08-14"]),
    ("5个工作日内必须对网民咨询留言作出答复,其中简单常见问题1个工作日内作出答复。", dt.date(2020, 8, 5),
     [(5, "working_day"), (1, "working_day")]),
    ("如荷塘镇收到网民留言后,未能在5个工作日内作出答复。", dt.date(2020, 8, 5), [(5, "working_day")]),
    ("各单位要对照本通报逐项整改,于1月10日前将整改情况书面报送县政府办公室。", dt.date(2020, 12, 28), ["2021-01-10"]),
    ("整改及问责情况于2018年10月26日前书面报送省政府信息公开办。", dt.date(2018, 12, 12), ["2018-10-26"]),
    ("请于2021年1月10日之前报送。", dt.date(2020, 12, 28), ["2021-01-10"]),
    ("请各单位于1月底前完成整改。", dt.date(2020, 12, 28), ["2021-01-31"]),
    ("请各单位本月底前完成整改。", dt.date(2021, 2, 10), ["2021-02-28"]),
    ("相关材料须于6月30日以前报送。", dt.date(2021, 3, 31), ["2021-06-30"]),
    ("请于四月六日前报送整改报告。", dt.date(2021, 3, 31), ["2021-04-06"]),
    ("整改报告报送截止时间为4月20日。", dt.date(2021, 3, 31), ["2021-04-20"]),
    ("请于4月9日(星期五)下班前报送。", dt.date(2021, 3, 31), ["2021-04-09"]),
    ("市政府办公室将于2017年1月9日对所有问题网站进行复核,逾期未整改到位的单位将通报批评。",
     dt.date(2016, 12, 22), ["2017-01-09"]),
    ("存在问题的单位要在2周内完成整改。", dt.date(2021, 6, 28), [(2, "week")]),
    ("群众留言须在24小时内回复。", dt.date(2020, 12, 28), [(24, "hour")]),
    ("收到申请后15日内作出答复。", dt.date(2021, 3, 31), [(15, "day")]),
    ("对发现的问题,3个月内整改完成。", dt.date(2021, 3, 31), [(3, "month")]),
    ("责令限期3个月整改。", dt.date(2021, 3, 31), [(3, "month")]),
    ("应在三个工作日内明确整改责任人。", dt.date(2021, 3, 31), [(3, "working_day")]),
    ("超过80%的网站能够在国务院重要信息发布后24小时内进行转载。", dt.date(2016, 7, 28), [(24, "hour")]),
    ("依申请公开办理时限为20个工作日,本年度平均办理时长为8.5个工作日。", dt.date(2021, 3, 31), [(20, "working_day")]),
    ("整改时限:2021年5月30日。", dt.date(2021, 3, 31), ["2021-05-30"]),
    ("请于次年1月31日前公开上一年度报告。", dt.date(2021, 3, 31), ["2022-01-31"]),
    ("请于3月31日(含)前报送,4月2日中午12点前反馈。", dt.date(2021, 3, 20), ["2021-03-31", "2021-04-02"]),
])
def test_deadlines_in_sentences(sentence, notice, expected):
    assert _deadlines(sentence, notice) == expected


@pytest.mark.parametrize("sentence, notice, expected", [
    # the day before its action, the action after a comma and 将
    ("各科室在完成自查后,于 6 月 3 日下午下班前,将整改台账以邮件方式报局办公室。", dt.date(2024, 5, 20), ["2024-06-03"]),
    ("各科室在完成自查后,于 6 月 3 日下午下班前,将整改台账以邮件方式报局办公室。", None, ["--06-03"]),
    ("各镇于7月8日中午下班前,将自查表报送党政办。", dt.date(2023, 7, 1), ["2023-07-08"]),
    ("各镇于7月8日中午下班前,将自查表报送党政办。", None, ["--07-08"]),
    ("请于9月12日17:30(北京时间)前提交材料。", dt.date(2022, 9, 1), ["2022-09-12"]),
    ("请于9月12日17:30(北京时间)前提交材料。", None, ["--09-12"]),
    ("整改结果于11月30日24时前反馈。", dt.date(2022, 11, 2), ["2022-11-30"]),
    ("整改结果于11月30日24时前反馈。", None, ["--11-30"]),
    ("请于5月6日上午10点半前报送。", None, ["--05-06"]),
    # no notice date and no year in the text: the month and day are kept, the year left open
    ("请于12月15日前将自查报告报区政府办公室。", None, ["--12-15"]),
    ("请各部门今年年底前完成栏目清理。", None, ["--12-31"]),
    ("请各部门于年底前完成栏目清理。", None, ["--12-31"]),
    ("请于2月底前报送。", None, ["--02-28"]),
    ("请于2月29日前报送。", None, ["--02-29"]),
    ("请于12月15日前报送,逾期视为未完成。", dt.date(2023, 12, 1), ["2023-12-15"]),
    ("整改报告报送时间不晚于7月15日。", dt.date(2022, 7, 1), ["2022-07-15"]),
    # a target set for a year's end
    ("到2023年底,全市政务公开工作机制趋于完善。", dt.date(2023, 8, 7), ["2023-12-31"]),
])
def test_deadlines_with_and_without_a_known_year(sentence, notice, expected):
    assert _deadlines(sentence, notice) == expected


def test_a_year_left_open_is_flagged():
    (deadline,) = find_deadlines(_context("请于12月15日前将自查报告报区政府办公室。", None))
    assert deadline["date"] is None and deadline["month_day"] == "--12-15" and deadline["year_known"] is False
    assert deadline["action"] == "将自查报告报区政府办公室"
    (known,) = find_deadlines(_context("请于12月15日前报送。", dt.date(2021, 12, 1)))
    assert known["month_day"] is None and known["year_known"] is True


@pytest.mark.parametrize("month_day, notice, date", [
    ("--12-15", dt.date(2021, 3, 31), "2021-12-15"),
    ("--01-10", dt.date(2020, 12, 28), "2021-01-10"),   # the month has passed: next year
    ("--03-31", dt.date(2021, 3, 20), "2021-03-31"),
    ("--02-29", dt.date(2021, 1, 5), "2021-02-28"),     # no 29 February that year
    ("--02-29", dt.date(2024, 1, 5), "2024-02-29"),
])
def test_a_later_notice_date_gives_the_year(month_day, notice, date):
    deadline = {"date": None, "month_day": month_day, "year_known": False, "within": None}
    dated = with_notice_date(deadline, notice)
    assert (dated["date"], dated["month_day"], dated["year_known"]) == (date, None, True)
    assert deadline["date"] is None  # the original is left as it was


def test_a_notice_date_leaves_other_deadlines_alone():
    known = {"date": "2021-04-06", "month_day": None, "year_known": True, "within": None}
    limit = {"date": None, "month_day": None, "year_known": True, "within": {"amount": 5, "unit": "working_day"}}
    assert with_notice_date(known, dt.date(2022, 1, 1)) == known
    assert with_notice_date(limit, dt.date(2022, 1, 1)) == limit


@pytest.mark.parametrize("sentence", [
    "3月30日,甘州区政务公开工作领导小组办公室对全区第一季度政府信息公开情况进行了检查。",
    "现将2021年第一季度(统计时间:2020年11月24日—2021年2月22日)检查情况通报如下。",
    "注:抽查时间为2020年6月16日-6月20日。",
    "“工作动态”栏目信息未能在监测时间点前3个月内保持每两周一更新的频率。",
    "答问知识库未能以每月度一更新的频率进行更新。",
    "区市政管理局微信订阅号超6个月未更新。",
    "随机抽查的53个账号中,16个超过2周未更新,部分账号超过三个月未更新。",
    "经检查,未发现两周内无信息更新现象。",
    "“青岚教育”微信公众号已超过5周未更新。",
    "“动态”类栏目更新时间间隔不得超过2周。",
    "各乡镇、部门于每月25日前将本单位该月信息公开情况报县政府电子政务室。",
    "县政府办公室已于12月15日举办全县政务新媒体运维培训班。",
    "相关单位已于3月1日前完成整改。",
    "3月30日前,已有10个单位完成整改。",
    "对2020年12月31日前开通的账号进行检查。",
    "截至2021年6月30日,全省共有政务新媒体账号4935个。",
    "4月27日至5月10日,对全市214个政务新媒体进行了抽查。",
    "3月30日前往现场进行检查。",
    "按照《关于2021年4月6日前完成整改的通知》要求。",
    "化州市府办收到检测报告后,当日整改完毕。",
    "年度报告应于每年1月31日前公布。",
    "每季度第一个月10日前报送上季度情况。",
    "各部门应当于每年的3月10日前报送年度报告,3月31日前在门户网站公布。",
    "本次检查截止日期为2023年12月10日。",
    "数据统计截止时间为5月31日。",
    "确保动态类栏目2周内有更新、文件类栏目6个月内有更新。",
    "部分账号3个月内无原创信息。",
    "到2020年底,全市已建成政务公开专区12个。",
])
def test_not_deadlines(sentence):
    assert _deadlines(sentence) == []


def test_action_and_evidence():
    ctx = _context("并于8月14日前将整改情况书面报送区政府办公室。", dt.date(2020, 8, 5))
    (deadline,) = find_deadlines(ctx)
    assert deadline["action"] == "将整改情况书面报送区政府办公室"
    assert deadline["units"] == [] and deadline["within"] is None
    evidence = deadline["evidence"]
    assert evidence["text"] == ctx.text[evidence["start"]:evidence["end"]] == "8月14日前将整改情况书面报送区政府办公室"


@pytest.mark.parametrize("sentence, action", [
    ("未能在5个工作日内作出答复。", "作出答复"),
    ("5个工作日内必须对网民咨询留言作出答复。", "对网民咨询留言作出答复"),
    ("4月6日前,各单位要完成整改。", "各单位要完成整改"),
    ("依申请公开办理时限为20个工作日。", "依申请公开办理"),
])
def test_action(sentence, action):
    (deadline,) = find_deadlines(_context(sentence))
    assert deadline["action"] == action


def test_without_notice_date_the_text_year_is_used():
    assert _deadlines("2020年第二季度监测情况。请于8月14日前报送。", None) == ["2020-08-14"]


def test_seed_000(doc):
    assert [d["date"] for d in doc(SEED_000.name)["deadlines"]] == ["2021-04-06"]


def test_seed_004(doc):
    deadlines = doc(SEED_004.name)["deadlines"]
    assert "2020-08-14" in {d["date"] for d in deadlines}
    within = {(d["within"]["amount"], d["within"]["unit"]) for d in deadlines if d["within"]}
    assert within == {(5, "working_day"), (1, "working_day")}


@pytest.mark.parametrize("hostile", [
    "1" * 200_000 + "个工作日内",
    "、".join(["4月6日前"] * 20_000),
    "月" * 100_000 + "底前",
    "2021年" * 30_000 + "1月10日前",
    "2021年\n" * 30_000 + "6月",
    "6月" * 50_000 + "前",
    "上半年" * 50_000 + "前",
], ids=lambda text: f"{text[:12]}…{len(text)}")
def test_hostile_input_gives_well_formed_items(hostile):
    """Built to make regexes backtrack; how long they take is measured in scripts/bench.py."""
    ctx = _context(hostile)
    for item in find_deadlines(ctx):
        assert ctx.text[item["evidence"]["start"]:item["evidence"]["end"]] == item["evidence"]["text"]


_ALPHABET = st.sampled_from(list("0123456789-/.,、;。:()一二两三四五六七八九十〇年月日号底末前内每超已于请限\n")
                            + ["之前", "以前", "工作日", "个月", "小时", "周", "截止时间为", "逾期", "本月", "星期"])


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=300), st.lists(_ALPHABET, max_size=120).map("".join)),
       st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31))))
def test_any_text(text, notice):
    ctx = _context(text, notice)
    for deadline in find_deadlines(ctx):
        assert [deadline["date"], deadline["month_day"], deadline["within"]].count(None) == 2
        assert deadline["year_known"] == (deadline["month_day"] is None)
        if deadline["date"]:
            dt.date.fromisoformat(deadline["date"])
        elif deadline["month_day"]:
            dt.date.fromisoformat("2000" + deadline["month_day"][1:])
        else:
            assert deadline["within"]["amount"] > 0
        evidence = deadline["evidence"]
        assert evidence["text"] == ctx.text[evidence["start"]:evidence["end"]]
