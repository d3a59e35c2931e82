"""The kind of notice (structure/genre.py), from sentences written for these tests, and what follows from it."""
import pytest

from tongbao import extract_text
from tongbao.structure.genre import ANNUAL_REPORT, REPORT, TASK
from tongbao.structure.sections import build_sections, genre_of
from tongbao.text.normalise import normalise

ANNUAL_BODY = ("一、总体情况\n2025年,本镇共主动公开信息312条,其中通过镇政府网站公开198条。\n"
               "二、主动公开政府信息情况\n甲。\n三、收到和处理政府信息公开申请情况\n乙。\n")


def _genre(text: str, title: str | None = None) -> str | None:
    text = normalise(text).text
    return genre_of(text, build_sections(text), title)


@pytest.mark.parametrize(
    "text, title, genre",
    [
        # titled annual reports, with a year, a site suffix or an edition mark after the title
        ("柳溪镇2025年政府信息公开工作年度报告\n" + ANNUAL_BODY, None, ANNUAL_REPORT),
        ("正文", "青川县2019年度政府信息公开工作年度报告(全文)", ANNUAL_REPORT),
        ("正文", "东湖区2016年政府信息公开工作报告", ANNUAL_REPORT),
        ("正文", "某局2018年政务公开工作年报", ANNUAL_REPORT),
        ("正文", "某县人民政府门户网站2021年工作年度报表", ANNUAL_REPORT),
        # a summary with next year's plan, and a body's summary of its own accounts' work
        ("正文", "某县2016年政务公开工作总结和2017年工作打算", ANNUAL_REPORT),
        ("正文", "某市文化广电旅游局2021年政务新媒体工作总结", ANNUAL_REPORT),
        ("正文", "某县公安局政务微博工作报告(2016年度)", ANNUAL_REPORT),
        # a report on the sites or accounts of others is no account of one's own
        ("正文", "全市政府网站运行情况报告", None),
        # a summary of the body's own disclosure work is an account of it, as an annual report is
        ("正文", "东湖区2023年政务公开工作总结", ANNUAL_REPORT),
        ("正文", "关于报送政务公开工作总结的通知", TASK),
        # a notice about others' annual reports, whose text names them, is no annual report
        ("截至2月22日,仍有以下单位未公开年度报告:甲局、乙局。", "关于限期公开年度报告的通知", TASK),
        # reminders and memos set work as a 通知 does
        ("正文", "关于做好依申请公开办理工作的提醒函", TASK),
        ("正文", "柳溪县政务公开工作提示", TASK),
        ("近期有关工作提醒如下:\n一、及时更新栏目\n甲。", "柳溪县政务公开工作提示", TASK),
        # a report of an evaluation or assessment reports on others
        ("正文", "某省各设区市政府信息公开工作第三方评估报告", None),
        ("正文", "某区2022年度政务公开工作考核报告", None),
        ("正文", "关于政务公开第三方评估情况的报告", None),
        # traditional script is converted before the genre is read
        ("柳溪鎮2025年政府信息公開工作年度報告\n" + ANNUAL_BODY, None, ANNUAL_REPORT),
        # untitled excerpts: the opening names the report, or its standard parts are there
        ("根据《条例》规定,现公布本镇2024年度政府信息公开工作年度报告。本报告中所列数据的统计期限自1月1日起。\n"
         + ANNUAL_BODY, None, ANNUAL_REPORT),
        ("一、概述\n甲。\n二、主动公开政府信息情况\n乙。\n三、收费及减免情况\n丙。", None, ANNUAL_REPORT),
        # an untitled excerpt whose overview has the report's statistics parts as sub-headings
        ("一、总体情况\n2025年,柳溪镇扎实推进政务公开。\n(一)主动公开\n全年主动公开信息129条。\n(二)依申请公开\n"
         "全年受理申请16件。", None, ANNUAL_REPORT),
        # an untitled excerpt opening with its own account (现将…政府信息公开工作情况报告如下); a report of an
        # inspection to a higher body is a report on others
        ("根据《条例》要求,现将我镇2023年政府信息公开工作情况报告如下。2023年,柳溪镇县政务服务中心表现突出。", None,
         ANNUAL_REPORT),
        ("现将第一季度政府网站检查情况报告如下:东坪镇网站首页长期未更新。", None, REPORT),
        # an untitled excerpt holding the report's statistics table, flattened into lines
        ("(三)政府信息管理\n本镇建立了发布审核制度。\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
         "规章 | 0 | 0 | 0 |", None, ANNUAL_REPORT),
        # one such sub-heading is a field an inspection looked at
        ("一、总体情况\n(一)主动公开\n东坪镇未公开财政预算。\n(二)政策解读\n西林镇解读不及时。", None, None),
        # a breadcrumb naming a 通知公告 column is page furniture, not the title
        ("当前位置:首页 > 通知公告 > 年度报告\n柳溪镇2025年政府信息公开工作年度报告\n" + ANNUAL_BODY, None,
         ANNUAL_REPORT),
        ("首页 > 通知公告 > 年度报告\n柳溪镇2025年政府信息公开工作年度报告\n" + ANNUAL_BODY, None, ANNUAL_REPORT),
        # a site's name after the title, and a title line after page furniture
        ("正文", "柳溪镇2024年政府信息公开工作年度报告_柳溪县人民政府", ANNUAL_REPORT),
        ("字号:大 中 小\n打印本页\n柳溪镇2024年政府信息公开年度报告\n2024年,我镇坚持以公开为常态。", None,
         ANNUAL_REPORT),
        # a 通知 or 通报 about annual reports is not one
        ("关于做好2025年政府信息公开工作年度报告编制发布工作的通知\n各乡镇:\n现将有关事项通知如下:\n"
         "一、主动公开政府信息情况要全面\n甲。\n二、依申请公开情况要准确\n乙。", None, TASK),
        ("关于2024年度政府信息公开工作年度报告检查情况的通报\n各单位:\n现将检查情况通报如下:\n一、总体情况\n甲。",
         None, REPORT),
        # one whose 通报如下 comes after a long header, with a report's parts named in passing
        ("| 索引号 | 1C3D5E6F/2024-0087 | 主题分类 | 政务公开 | 发布机构 | 某某市人民政府办公室 | 成文日期 | 2024-05-08 |\n"
         "| 文号 | 某政办函〔2024〕15号 | 发布日期 | 2024-05-10 | 有效性 | 有效 | 浏览次数 | 128 |\n"
         "各区、县(市)人民政府,市政府各部门、各直属单位:\n3月下旬,市政府办公室对全市2023年度政府信息公开工作年度报告"
         "进行了审核,发现问题报告19份,已逐一反馈相关单位修改。截至4月30日,16个单位已修改完成并重新发布,3个单位尚未"
         "反馈,另有2个单位的报告存在数据前后不一致的情况,需要进一步核实。现将有关情况通报如下:\n一、修改完成情况\n"
         "市公安局补充了行政复议、行政诉讼情况统计数据。", None, REPORT),
        # a 通知 by its title alone sets tasks, unless its title names results or problems
        ("关于开展政务公开专项检查的通知\n各乡镇:\n经研究,决定开展专项检查。\n一、检查内容\n甲。", None, TASK),
        ("关于公布2023年度政务公开考核结果的通知\n各单位:\n经综合评定,形成考核结果。\n一、优秀\n甲。", None, None),
        ("关于政府网站普查发现问题整改的通知\n各单位:\n普查发现部分单位存在问题。\n一、市直部门\n甲。", None, None),
        # …unless it asks units to report on their own work, and a preamble that divides work among them sets tasks
        ("关于报送上半年政务公开工作落实情况的通知\n各乡镇:\n请各单位认真总结。\n一、报送内容\n甲。", None, TASK),
        ("柳溪县人民政府办公室关于报送重点领域信息公开情况的通知\n各乡镇:\n请各单位报送有关情况。\n一、报送内容\n甲。",
         None, TASK),  # (its issuer before 关于)
        ("各乡镇:\n现将年度重点工作任务分解如下,请认真落实。\n一、报送时间\n甲。", None, TASK),
        # 通知 that set tasks, and reports of results
        ("各乡镇人民政府:\n现将《柳溪县政务公开工作要点》印发给你们,请认真贯彻落实。\n一、加强政策解读\n甲。",
         None, TASK),
        ("各单位:\n现将第三季度政府网站检查情况通报如下:\n一、总体情况\n甲。", None, REPORT),
        ("一、检查结果\n甲镇得分92分。", None, None),
        # a table's cells are no words of the notice about itself
        ("柳溪县第二季度考核得分情况\n考核得分情况如下:\n序号 | 单位名称 | 主要扣分原因 |\n1 | 东坪镇 | 年报未发布 |", None, None),
        # headings that plan work to come make a 通知 that sets tasks of a text whose opening does not say so;
        # beside a heading of results they describe a report's inspection
        ("各乡镇:\n根据工作安排,定于近期开展自查。\n一、自查范围\n甲。\n二、自查内容\n乙。\n三、工作要求\n丙。", None, TASK),
        ("各乡镇:\n县政府办公室开展了检查。\n一、检查范围\n甲。\n二、检查内容\n乙。\n三、检查结果\n丙。", None, None),
        # in a text with no heading, 年报 far into its prose is a fault of others, not what the text is
        ("第三季度政务公开考评结果公布\n近日,县政府办公室对全县13个乡镇和37个县直单位第三季度政务公开工作进行了考评,"
         "对信息发布、政策解读、互动回应、平台建设等内容逐项量化打分,考评结果将纳入年度目标考核。考评采取线上"
         "检查与现场核查相结合的方式,线上检查各单位网站栏目、政务新媒体和依申请公开平台,现场核查查阅工作台账、"
         "会议记录和制度文件,并随机回访办事群众,逐项核对各单位报送的自评材料与实际工作是否一致,对发现的问题当场"
         "反馈。总体来看,各单位工作稳步推进,但仍有部分单位存在薄弱环节,个别单位重视不够、人员不稳定、工作不连续,"
         "政策解读质量不高,答复群众留言不够规范。下一步,县政府办公室将结合考评发现的问题,加强业务培训和日常督导,"
         "推动各单位建立健全信息发布审核、栏目维护和留言办理等工作机制,切实提升政务公开工作的标准化规范化水平。乡镇组:第一名紫荆街道,第二名杨楼镇。县直单位组:县审计局、县司法局"
         "位列前三。排名靠后的单位为焦村乡、大峪镇。以上单位主要问题为:焦村乡专题2个月未更新;大峪镇政府信息公开年报"
         "未按时上网。", None, None),
    ],
)
def test_genre(text, title, genre):
    assert _genre(text, title) == genre


@pytest.mark.parametrize(
    "text, units",
    [
        # an annual report names offices that do its work: none is assessed
        ("柳溪镇2025年政府信息公开工作年度报告\n一、总体情况\n镇党政办公室负责政府信息公开日常工作,镇财政所"
         "配合做好预决算公开。\n二、主动公开政府信息情况\n甲。\n三、存在的主要问题及改进情况\n镇综合执法队信息更新不及时。",
         []),
        # so does a summary of the body's own work
        ("东湖区2023年政务公开工作总结\n一、主要做法\n区财政局、区融媒体中心同步转载政策解读,“东湖发布”推送信息"
         "437条。\n二、存在不足\n部分单位信息更新不及时。", []),
        # a 通知 that sets tasks names who does the work, and assesses only those it lists or reports on
        ("关于开展第二季度政务公开检查的通知\n各乡镇、各部门:\n现将有关事项通知如下:\n一、检查对象\n"
         "柳溪镇、东坪镇、县财政局、县林业局。\n二、工作安排\n县政务公开办负责组织实施,县数据局配合提供后台数据。",
         ["柳溪镇", "东坪镇", "县财政局", "县林业局"]),
        # …but a scope of other work (填报范围: who fills in a form) names no one inspected
        ("关于做好政务新媒体信息填报的通知\n各县市:\n现将有关事项通知如下:\n一、填报范围\n各县市开设的账号。"
         "昌吉市、阜康市由本级政府办公室汇总。\n二、填报要求\n请于5月20日前报送。", []),
        ("关于报送政务公开工作总结的通知\n各乡镇:\n现将有关事项通知如下:\n一、报送要求\n请于6月30日前将总结报送"
         "县政府办公室信息科,由县数据局汇总。", []),
        # bodies answerable for a task are not assessed; those answerable for a stated fault are
        ("关于印发政务公开工作要点的通知\n各单位:\n现将有关事项通知如下:\n一、重点任务\n(一)加强政策解读。\n"
         "责任单位:县发改局、县财政局。", []),
        ("关于政务服务差评整改的督办通报\n各单位:\n督办事项一:企业开办材料重复提交,办理时限超过承诺时限。\n"
         "责任单位:县发改局、县财政局。", ["县发改局", "县财政局"]),
        # the same names in a report of results are assessed
        ("关于第二季度政务公开检查情况的通报\n各乡镇、各部门:\n现将检查情况通报如下:\n一、存在问题\n"
         "县林业局政策解读更新不及时,柳溪镇未公开财政预算。", ["县林业局", "柳溪镇"]),
    ],
)
def test_units_follow_the_genre(text, units):
    assert [u["name"] for u in extract_text(text)["units"]] == units
