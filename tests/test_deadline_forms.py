"""Deadline forms of task and rectification notices, read through the whole pipeline (tongbao.extract_text).

Each sentence is placed in a short notice (title, 主送 line, body, signature) signed on 2024年5月20日, and
again with no date line and no year anywhere, where a deadline without its own year keeps only its month
and day. Conventions ANNOTATION.md leaves open, as decided here: X月上旬前 → day 10, 中旬前 → day 20,
下旬前 / 月底前 → the month's last day; 上半年前 → 06-30, 下半年前 → 12-31, 第N季度末前 → the quarter's
last day; a window of a timetable (6月1日—6月10日: 自查阶段) is a period, not a deadline, while a stage
that must be finished by a day (6月10日前完成自查) is one.
"""
from __future__ import annotations

import pytest

import tongbao

TITLE = "关于做好政务公开自查整改工作的通知"
RECIPIENTS = "各乡镇人民政府,县直各单位:"
SIGNATURE = "县人民政府办公室"
SIGNED = "2024年5月20日"


def _notice(body: str, signed: str | None = SIGNED, title: str = TITLE) -> str:
    lines = [title, RECIPIENTS, body, "特此通知。", SIGNATURE] + ([signed] if signed else [])
    return "\n".join(lines) + "\n"


def _found(text: str) -> list:
    """Each deadline as its date, its month and day when the year is unknown, or (amount, unit)."""
    return [d["date"] or d["month_day"] or (d["within"]["amount"], d["within"]["unit"])
            for d in tongbao.extract_text(text)["deadlines"]]


# (sentence, deadlines in the notice signed 2024-05-20, deadlines in the same notice undated and yearless)
FORMS = [
    # 请于…前报送 / 将…报…
    ("请各单位于6月15日前将自查报告报送县政府办公室。", ["2024-06-15"], ["--06-15"]),
    ("请于6月15日前报县政务公开办。", ["2024-06-15"], ["--06-15"]),
    ("各单位于6月15日前完成自查。", ["2024-06-15"], ["--06-15"]),
    ("整改情况请于6月28日前以书面形式报送。", ["2024-06-28"], ["--06-28"]),
    ("请于6月30日前将整改报告(加盖公章)报送县政府办公室。", ["2024-06-30"], ["--06-30"]),
    ("各单位在完成自查后,于6月3日下午下班前,将整改台账报县政府办公室。", ["2024-06-03"], ["--06-03"]),
    ("请于1月10日前报送上一年度工作总结。", ["2025-01-10"], ["--01-10"]),
    ("各地各部门要于6月30日前完成自查,7月15日前完成整改。", ["2024-06-30", "2024-07-15"], ["--06-30", "--07-15"]),
    ("请于本月25日前报送。", ["2024-05-25"], []),
    # 在…之前 / 以前, weekday, time of day
    ("请在6月30日之前报送。", ["2024-06-30"], ["--06-30"]),
    ("相关材料须于7月5日以前报送。", ["2024-07-05"], ["--07-05"]),
    ("请于6月14日(星期五)前报送。", ["2024-06-14"], ["--06-14"]),
    ("请于6月14日(周五)下班前报送。", ["2024-06-14"], ["--06-14"]),
    ("请于6月14日24时前报送。", ["2024-06-14"], ["--06-14"]),
    ("请于6月14日17:30前报送电子版。", ["2024-06-14"], ["--06-14"]),
    ("请于6月14日中午12点前反馈。", ["2024-06-14"], ["--06-14"]),
    # month's, year's, half-year's and quarter's end; 旬
    ("各单位要于6月底前完成自查整改。", ["2024-06-30"], ["--06-30"]),
    ("请于年底前完成栏目整合。", ["2024-12-31"], ["--12-31"]),
    ("各地要在今年9月底前全面完成。", ["2024-09-30"], ["--09-30"]),
    ("请各单位本月底前完成整改。", ["2024-05-31"], []),
    ("各单位于7月上旬前报送材料。", ["2024-07-10"], ["--07-10"]),
    ("各单位于7月中旬前完成整改。", ["2024-07-20"], ["--07-20"]),
    ("各单位于7月下旬前报送材料。", ["2024-07-31"], ["--07-31"]),
    ("请于8月中旬报送评估报告。", ["2024-08-20"], ["--08-20"]),
    ("各单位须于上半年前完成目录编制。", ["2024-06-30"], ["--06-30"]),
    ("各单位须于上半年完成目录编制。", ["2024-06-30"], ["--06-30"]),
    ("请于下半年完成专栏改版。", ["2024-12-31"], ["--12-31"]),
    ("三季度末前完成整改。", ["2024-09-30"], ["--09-30"]),
    ("请于第三季度末前完成整改。", ["2024-09-30"], ["--09-30"]),
    ("明年3月底前完成全部整改。", ["2025-03-31"], ["--03-31"]),
    # cues ahead of the date
    ("报送截止时间为6月30日。", ["2024-06-30"], ["--06-30"]),
    ("报送截至时间为6月30日。", ["2024-06-30"], ["--06-30"]),
    ("材料报送截止日期:6月30日。", ["2024-06-30"], ["--06-30"]),
    ("务必在6月10日前完成。", ["2024-06-10"], ["--06-10"]),
    ("各单位须在6月10日前完成整改。", ["2024-06-10"], ["--06-10"]),
    ("各单位要在6月10日前完成整改。", ["2024-06-10"], ["--06-10"]),
    ("各单位应在6月10日前完成整改。", ["2024-06-10"], ["--06-10"]),
    ("整改报告最迟不超过6月30日报送。", ["2024-06-30"], ["--06-30"]),
    ("整改报告报送时间最迟不超过6月30日。", ["2024-06-30"], ["--06-30"]),
    ("整改完成时间不晚于6月30日。", ["2024-06-30"], ["--06-30"]),
    ("整改报告最晚于6月30日报送。", ["2024-06-30"], ["--06-30"]),
    ("整改时限为2024年6月30日。", ["2024-06-30"], ["2024-06-30"]),
    ("整改时限:7月31日。", ["2024-07-31"], ["--07-31"]),
    ("整改期限至7月31日。", ["2024-07-31"], ["--07-31"]),
    ("完成时间:2024年9月30日前。", ["2024-09-30"], ["2024-09-30"]),
    ("报送时间为6月20日。", ["2024-06-20"], ["--06-20"]),
    ("时间节点:6月30日前。", ["2024-06-30"], ["--06-30"]),
    # limits
    ("请自收到本通知之日起10个工作日内完成整改。", [(10, "working_day")], [(10, "working_day")]),
    ("自本通知印发之日起5日内报送整改情况。", [(5, "day")], [(5, "day")]),
    ("限期15日整改。", [(15, "day")], [(15, "day")]),
    ("对存在问题的网站限期15个工作日整改到位。", [(15, "working_day")], [(15, "working_day")]),
    ("整改期限为3个月。", [(3, "month")], [(3, "month")]),
    ("整改时限为30天。", [(30, "day")], [(30, "day")]),
    ("网民留言须在3个工作日内答复。", [(3, "working_day")], [(3, "working_day")]),
    ("发现问题后须在24小时内整改。", [(24, "hour")], [(24, "hour")]),
    ("请于两周内完成整改。", [(2, "week")], [(2, "week")]),
    ("限期一周内整改完毕。", [(1, "week")], [(1, "week")]),
    ("自通报之日起一个月内完成整改。", [(1, "month")], [(1, "month")]),
    ("整改时限:1个月。", [(1, "month")], [(1, "month")]),
    ("整改期限:15个工作日。", [(15, "working_day")], [(15, "working_day")]),
    ("整改时限为即日起15个工作日。", [(15, "working_day")], [(15, "working_day")]),
    # a limit counted from an event up to 之日起 (收到申请之日起)
    ("该申请的法定答复期限为收到申请之日起20个工作日。", [(20, "working_day")], [(20, "working_day")]),
    # the longest a limit may run, with no 内 closing it
    ("确需调查核实的,答复最长不超过5个工作日。", [(5, "working_day")], [(5, "working_day")]),
    # a limit named as a time limit (20个工作日答复期限), also one a unit missed
    ("该申请已超过条例规定的20个工作日答复期限。", [(20, "working_day")], [(20, "working_day")]),
    # …or its statutory limit, met or exceeded
    ("县文旅局办理的一件申请未在20个工作日的法定期限内答复。", [(20, "working_day")], [(20, "working_day")]),
    ("个别申请超过15个工作日法定期限才予答复。", [(15, "working_day")], [(15, "working_day")]),
    # numbered task lists and task tables
    ("1.全面梳理政策文件(2024年6月底前完成)。", ["2024-06-30"], ["2024-06-30"]),
    ("2.规范专栏建设。(责任单位:县政府办公室;完成时限:2024年12月底前)", ["2024-12-31"], ["2024-12-31"]),
    ("3.开展专项检查。(责任单位:县政务公开办;完成时限:9月底前)", ["2024-09-30"], ["--09-30"]),
    ("4.编制公开目录。(责任单位:各单位;完成时限:2024年12月)", ["2024-12-31"], ["2024-12-31"]),
    ("5.更新公开指南。(完成时限:9月)", ["2024-09-30"], ["--09-30"]),
    ("(一)自查阶段(6月10日前)。各单位对照清单开展自查。", ["2024-06-10"], ["--06-10"]),
    ("6月10日前完成自查。", ["2024-06-10"], ["--06-10"]),
    # 要求 obliges; only 按要求 and a fault after 未 do not
    ("截至6月30日,要求各单位完成全部整改。", ["2024-06-30"], ["--06-30"]),
    # a re-check announced for a day, after which units still at fault are named
    ("县政府办公室将于6月15日开展复查,复查仍未整改的,将在全县通报。", ["2024-06-15"], ["--06-15"]),
    ("县政府办公室将于7月1日起开展复核,复核仍不达标的,提请约谈。", ["2024-07-01"], ["--07-01"]),
    ("区政府办公室将于6月底组织复查,复查仍不合格的,提请约谈。", ["2024-06-30"], ["--06-30"]),
    ("市数据局将于6月20日对办理情况进行复核,对复核时仍有超期留言的单位予以通报。", ["2024-06-20"], ["--06-20"]),
    # the last day of a window set for the units' own work (自查, 整改, 自评), named before or after it
    ("(一)自查阶段(6月1日—6月10日)。各单位对照清单开展自查。", ["2024-06-10"], ["--06-10"]),
    ("自查阶段:6月1日至6月10日。", ["2024-06-10"], ["--06-10"]),
    ("6月1日—6月10日:自查阶段。", ["2024-06-10"], ["--06-10"]),
    ("(二)整改落实(即日起至7月15日)。", ["2024-07-15"], ["--07-15"]),
    ("(三)单位自评。即日起至11月20日,各单位对照细则逐项自评。", ["2024-11-20"], ["--11-20"]),
    ("(二)自纠阶段(6月11日～6月25日)。", ["2024-06-25"], ["--06-25"]),
    ("(二)集中整治(6月11日至6月30日)。各单位对发现的问题集中整改。", ["2024-06-30"], ["--06-30"]),
    # a date after a quarterly or monthly norm in its sentence is once; after a yearly one it recurs with it
    ("请于每季度末月25日前报送落实情况,全年工作总结于12月10日前报县政务公开办。", ["2024-12-10"], ["--12-10"]),
    ("各单位应于每年3月10日前报送年度报告,3月31日前向社会公布。", [], []),
    # a day whose 日 the writer left out before 前
    ("请各单位在6月20前报送自查表。", ["2024-06-20"], ["--06-20"]),
    # 期间 after the window's last day: its 期 is no 前期 (a 前 it would close), the day is still read
    ("请各单位于6月11日至6月20日期间开展自查,并于6月25日前报送自查报告。", ["2024-06-20", "2024-06-25"],
     ["--06-20", "--06-25"]),
    ("(三)集中清理(7月1日—7月15日)。", ["2024-07-15"], ["--07-15"]),
    ("(三)材料报送(7月16日—7月25日)。各单位报送自查材料。", ["2024-07-25"], ["--07-25"]),
    # the stage's name decides over words of checking in its clause (对照检查内容, 被检查单位)
    ("(一)自查阶段(6月1日-6月10日):各单位对照检查内容开展自查。", ["2024-06-10"], ["--06-10"]),
    ("(三)整改提升阶段(6月17日-7月12日):被检查单位对检查发现的问题进行整改。", ["2024-07-12"], ["--07-12"]),
    ("2024年6月底前,完成目录编制工作。", ["2024-06-30"], ["2024-06-30"]),
    # digits written other ways, and traditional script
    ("十二月底前完成整改。", ["2024-12-31"], ["--12-31"]),
    ("请于六月十五日前报送。", ["2024-06-15"], ["--06-15"]),
    ("二〇二四年六月三十日前完成。", ["2024-06-30"], ["2024-06-30"]),
    ("请于6月30号前报送。", ["2024-06-30"], ["--06-30"]),
    ("请于６月１５日前报送。", ["2024-06-15"], ["--06-15"]),
    ("请于 6 月 15 日前报送。", ["2024-06-15"], ["--06-15"]),
    ("请于2024-06-30前报送。", ["2024-06-30"], ["2024-06-30"]),
    ("请于2024年6月30日前报送。", ["2024-06-30"], ["2024-06-30"]),
    ("請各單位於6月15日前將自查報告報送縣政府辦公室。", ["2024-06-15"], ["--06-15"]),
    ("各單位須於年底前完成整改。", ["2024-12-31"], ["--12-31"]),
    # the end of a span (截至, 至) followed by an obligation to act, or by the action itself
    ("截至6月30日,各单位要完成全部整改。", ["2024-06-30"], ["--06-30"]),
    ("请于即日起至6月30日完成整改。", ["2024-06-30"], ["--06-30"]),
    # a word after the date that makes it the last day; a cue before the span's start
    ("自查工作于6月30日截止。", ["2024-06-30"], ["--06-30"]),
    ("自查报告报送以6月30日为最后期限。", ["2024-06-30"], ["--06-30"]),
    ("整改时间:即日起至6月30日。", ["2024-06-30"], ["--06-30"]),
    # 前提出, 前提交: submit by then (前提 alone is a premise)
    ("确无条件整改的,7月25日前提出关停申请。", ["2024-07-25"], ["--07-25"]),
    # a re-inspection after which units not fixed are criticised
    ("县政府办公室将于7月1日进行复核,逾期未整改的单位将予以通报。", ["2024-07-01"], ["--07-01"]),
    # the time a task may take, named and bounded (答复时间不超过…)
    ("网民留言答复时间不超过10个工作日。", [(10, "working_day")], [(10, "working_day")]),
    ("依申请公开办理时间原则上不超过15个工作日。", [(15, "working_day")], [(15, "working_day")]),
    # a bound that extends the limit before it in the same sentence
    ("网民留言应在5个工作日内答复,情况复杂的不超过15个工作日。", [(5, "working_day"), (15, "working_day")],
     [(5, "working_day"), (15, "working_day")]),
]

# Sentences with dates or durations that set nothing to do by a time.
NOT_DEADLINES = [
    # the time tasks took on average is a statistic
    "全年平均答复时间为11个工作日。",
    # a date that says which documents, not by when (…前以某名义印发的文件, …前出台的文件)
    "对2021年12月31日前以县政府、县政府办公室名义印发的规范性文件进行清理。",
    "2023年底前出台的文件均纳入清理范围。",
    "各单位已于5月10日完成自查。",
    "县政府办公室已于5月10日前完成全部整改。",
    "5月10日,县政府办公室召开政务公开工作推进会。",
    "各单位每月5日前报送上月信息。",
    "各单位应于每季度末前报送工作动态。",
    "各县区要于每季度末月25日前报送工作进展。",
    # a re-check in a third of a month names no day by which to act
    "县政府办公室将于10月上旬组织复查,对逾期未整改的单位予以通报。",
    "县政务公开办将于6月下旬进行复核,逾期未整改的,将在全县通报。",
    "年度报告应于每年1月31日前公布。",
    "按照《关于2024年6月30日前完成整改的通知》要求。",
    "根据《县人民政府办公室关于印发2024年政务公开工作要点的通知》(2024年3月5日印发)要求,制定本方案。",
    "检查时间为5月1日至5月10日。",
    # the inspectors' re-check window; a fault stated after 截至 (未按要求…) obliges no one
    "6月29日至7月3日,县政府办公室对整改情况进行了复查。",
    "即日起至6月30日,县政府办公室将对各单位整改情况开展检查。",
    "截至6月20日,该局未按要求反馈整改情况。",
    # a re-check done, or one announced for no day
    "县政府办公室于5月10日进行了复查,仍未整改的单位有3个。",
    "县政府办公室将于6月中旬开展复查,复查仍未整改的,将在全县通报。",
    # a window of the inspectors' own work, or one whose clause names no work of the units
    "(三)抽查阶段(6月26日—7月5日)。县政府办公室对各单位网站进行抽查。",
    "本次抽查时间为4月1日至6月15日,抽查对象为在报送系统中备案的账号。",
    "县政府办公室要求各单位整改,并于6月12日至6月15日开展复查。",
    "截至5月15日,全县共有政务新媒体45个。",
    "截至5月15日前,全县已有40个账号完成备案。",
    "数据统计截止时间为4月30日。",
    "本次检查截止日期为5月10日。",
    "部分账号超过3个月未更新。",
    "“工作动态”栏目超6个月未更新。",
    "动态类栏目更新时间间隔不得超过2周。",
    "部分网站两周内无信息更新。",
    "对2023年12月31日前开通的账号进行检查。",
    "下半年开展专项检查。",
    "上半年,全县共发布政策解读30篇。",
    "5月中旬,县政府办公室组织开展了专项检查。",
    "到2023年底,全县已建成政务公开专区12个。",
    "3月30日前往现场进行检查。",
    "截止到6月30日,共收到政府信息公开申请20件。",
    "截至5月15日,共发布信息1200条,完成整改8个。",
    "自即日起至6月30日,在全县开展政务公开专项检查。",
    "数据采集于6月30日截止。",
    "本次检查于5月20日截止。",
    "2014年1月至11月报送政务信息目录120条。",
    "2024年上半年,全县共办理依申请公开30件。",
    "整改落实时间:2024年7月至9月。",
    "第一阶段(2024年5月—6月):动员部署。",
    "本通知自2024年7月1日起施行,有效期至2026年6月30日。",
    "4月份以来,各单位累计发布信息1200条。",
]


@pytest.mark.parametrize("sentence, dated, undated", FORMS, ids=[f"form{i}" for i in range(len(FORMS))])
def test_a_deadline_form_in_a_signed_notice(sentence, dated, undated):
    assert _found(_notice(sentence)) == dated


@pytest.mark.parametrize("sentence, dated, undated", FORMS, ids=[f"form{i}" for i in range(len(FORMS))])
def test_a_deadline_form_in_an_undated_notice(sentence, dated, undated):
    assert _found(_notice(sentence, signed=None)) == undated


@pytest.mark.parametrize("sentence", NOT_DEADLINES, ids=[f"not{i}" for i in range(len(NOT_DEADLINES))])
def test_not_a_deadline(sentence):
    assert _found(_notice(sentence)) == []
    assert _found(_notice(sentence, signed=None)) == []


def test_a_year_in_the_text_dates_an_undated_notice():
    body = "为做好2024年政务公开工作,现将有关事项通知如下。请于6月15日前报送自查报告。"
    assert _found(_notice(body, signed=None)) == ["2024-06-15"]


def test_a_deadline_in_the_preamble_before_the_first_heading():
    body = ("为做好政务公开工作,请各单位于6月15日前完成自查,具体事项通知如下:\n一、自查内容\n"
            "(一)政府信息公开专栏。\n二、工作要求\n请认真落实。")
    assert _found(_notice(body)) == ["2024-06-15"]


def test_a_preamble_that_closes_with_a_colon_is_body_not_recipients():
    text = ("关于开展政务公开自查整改工作的通知\n为进一步提升政务公开水平,请各单位于6月15日前完成自查整改,"
            "现将有关事项通知如下:\n一、自查内容\n对照清单逐项自查。\n" + SIGNATURE + "\n" + SIGNED + "\n")
    document = tongbao.extract_text(text)
    assert document["recipients"] == [] and _found(text) == ["2024-06-15"]


def test_deadlines_in_a_timetable_section():
    body = ("一、自查内容\n对照清单逐项自查。\n二、时间安排\n(一)自查阶段(6月1日—6月10日)。各单位开展自查,"
            "于6月10日前完成自查。\n(二)整改阶段(6月11日—6月30日)。各单位于6月30日前完成整改。\n"
            "(三)总结阶段。请于7月5日前将自查整改报告报县政务公开办。")
    assert _found(_notice(body)) == ["2024-06-10", "2024-06-30", "2024-07-05"]


@pytest.mark.parametrize("cue", ["现印发给你们", "现予印发", "现将其印发你们", "现转发给你们", "印发给各单位"])
def test_deadlines_in_a_document_enclosed_after_the_signature(cue):
    text = (f"县人民政府办公室关于印发2024年政务公开工作要点的通知\n{RECIPIENTS}\n"
            f"《2024年政务公开工作要点》已经县政府同意,{cue},请认真贯彻执行。\n{SIGNATURE}\n{SIGNED}\n"
            "2024年政务公开工作要点\n一、重点任务\n1.全面梳理政策文件。各单位于6月30日前完成政策文件梳理。\n"
            "2.规范专栏建设。(责任单位:县政府办公室;完成时限:2024年9月底前)\n"
            "二、工作要求\n请于12月10日前将年度工作总结报送县政府办公室。\n")
    assert _found(text) == ["2024-06-30", "2024-09-30", "2024-12-10"]


def test_a_deadline_column_of_a_task_table():
    table = ("序号 | 工作任务 | 责任单位 | 完成时限 |\n1 | 梳理政策文件 | 县政府办公室 | 2024年6月底 |\n"
             "2 | 规范专栏建设 | 各单位 | 2024年9月30日 |\n3 | 加强政策解读 | 各单位 | 持续推进 |")
    assert _found(_notice("一、重点任务\n" + table)) == ["2024-06-30", "2024-09-30"]


def test_only_the_deadline_column_of_a_table_gives_bare_dates():
    table = ("序号 | 问题 | 发现时间 | 整改时限 |\n1 | 栏目空白 | 2月26日 | 3月13日 |\n"
             "2 | 附件无法下载 | 2月27日 | 收到本函后3个工作日内 |")
    assert _found(_notice("一、问题清单\n" + table)) == ["2024-03-13", (3, "working_day")]


def test_a_deadline_column_of_a_task_table_one_cell_a_line():
    rows = [["1", "梳理政策文件", "办公室", "6月底"], ["2", "规范专栏建设", "各科室", "持续推进"],
            ["3", "开展自查", "各科室", "年底"], ["4", "加强政策解读", "各科室", "9月30日"]]
    cells = ["序号", "工作任务", "责任科室", "时限要求"] + [cell for row in rows for cell in row]
    assert _found("\n".join(cell + " |" for cell in cells) + "\n") == ["--06-30", "--12-31", "--09-30"]


def test_dates_of_a_table_without_a_deadline_column_are_not_deadlines():
    table = ("序号 | 文件名称 | 发布日期 |\n1 | 县政务公开工作要点 | 2024年3月5日 |\n"
             "2 | 县政府信息公开指南 | 2024年4月30日 |")
    assert _found(_notice("附表\n" + table)) == []


def test_a_date_split_over_two_lines():
    assert _found(_notice("请各单位于2024年6月\n30日前将自查报告报送县政府办公室。")) == ["2024-06-30"]


def test_a_page_with_header_furniture():
    text = ("首页 > 政务公开 > 通知公告\n发布时间:2024-05-20 来源:县政府办公室 浏览次数:128\n" + TITLE + "\n"
            + RECIPIENTS + "\n请于6月15日前报送自查报告。\n" + SIGNATURE + "\n" + SIGNED + "\n")
    assert _found(text) == ["2024-06-15"]


@pytest.mark.parametrize("signed, sentence, expected", [
    # a notice reporting who missed a deadline weeks before it speaks of this year's
    ("2024年2月5日", "各单位应于1月31日前发布年度报告,截至2月2日仍有3个单位未发布。", ["2024-01-31"]),
    # one that asks for a day months ahead speaks of the next year's
    ("2024年12月20日", "请于1月15日前报送年度报告。", ["2025-01-15"]),
    ("2024年11月10日", "请于2月28日前报送年度报告。", ["2025-02-28"]),
    # a limit reported as missed lies behind the notice, however long ago
    ("2022年9月28日", "县城管局未在3月31日前发布年度报告。", ["2022-03-31"]),
    ("2022年6月29日", "某区政府网站未按要求在1月31日前发布年度报表。", ["2022-01-31"]),
])
def test_the_year_of_a_deadline_before_its_notice(signed, sentence, expected):
    assert _found(_notice(sentence, signed=signed)) == expected
