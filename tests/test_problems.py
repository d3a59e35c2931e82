"""Problems on real notice sentences: who is criticised, for what, and what is no problem."""
from __future__ import annotations

import pytest

from extract import extract_text, validate
from extract.findings.context import Context
from extract.findings.problems import find_problems
from extract.findings.units import find_units
from extract.structure.sections import build_sections
from extract.text.normalise import normalise

from .conftest import SEED_000, SEED_003, SEED_004, document


def _context(text: str) -> Context:
    norm = normalise(text)
    return Context(norm, build_sections(norm.text), [], None)


def _problems(text: str) -> list[tuple[str, str]]:
    ctx = _context(text)
    return [(p["units"][0], p["description"]) for p in find_problems(ctx, find_units(ctx))]


HEAD = "二、存在问题\n(一)政府网站空白栏目较多。"


@pytest.mark.parametrize("sentence, expected", [
    ("经查,三闸镇等8个单位未添加本机构政府信息公开指南;长安镇、区政府金融办未添加机构概况。",
     [("三闸镇", "未添加本机构政府信息公开指南"), ("长安镇", "未添加机构概况"), ("区政府金融办", "未添加机构概况")]),
    ("其中,区市政管理局微信订阅号超6个月未更新,西街街道微信订阅号、三闸镇抖音账号超1个月未更新。",
     [("区市政管理局", "超6个月未更新"), ("西街街道", "超1个月未更新"), ("三闸镇", "超1个月未更新")]),
    # 如X、Y after a clause: the clause's shortcoming without its unnamed subject.
    ("部分县级部门、乡镇存在门户网站信息更新不及时现象,如县发改局、西龙镇。",
     [("县发改局", "门户网站信息更新不及时"), ("西龙镇", "门户网站信息更新不及时")]),
    ("部分政务新媒体单位屡次未能在24小时内回复群众留言。如“青神文旅”抖音号、“锦绣青神”微博。",
     [("青神文旅", "屡次未能在24小时内回复群众留言"), ("锦绣青神", "屡次未能在24小时内回复群众留言")]),
    ("部分单位未按时效要求对网民留言进行答复,如荷塘镇在互动交流平台上收到网民留言后,未能在5个工作日内作出答复。",
     [("荷塘镇", "未能在5个工作日内作出答复")]),
    # X未…、Y未… and a pair of counted shortcomings.
    ("其中:司法局出现错误表述1次、山腰街道出现错误表述2次和错别字1次、后龙镇出现错别字1次。",
     [("司法局", "出现错误表述1次"), ("山腰街道", "出现错误表述2次"), ("山腰街道", "出现错别字1次"),
      ("后龙镇", "出现错别字1次")]),
    # Two shortcomings in one predicate; a consequence clause is not one.
    ("德山公安等微信公众号存在互动回应差,未提供有效互动功能。",
     [("德山公安", "互动回应差"), ("德山公安", "未提供有效互动功能")]),
    ("“市信访局”经政务公开办多次提醒后,仍未对“盘锦信访”微信公众号进行报备,也未按要求进行更新,存在被通报的隐患。",
     [("市信访局", "未对“盘锦信访”微信公众号进行报备"), ("市信访局", "未按要求进行更新")]),
    ("由于区安监局未将门户网站审核表原件或传真件及时报送至我中心,故上传信息未被采纳发布。",
     [("区安监局", "未将门户网站审核表原件或传真件及时报送至我中心")]),
    # Labelled lists: 低于最低标准的有: … ; 整改不及时、不到位 gives two.
    ("发布较好的有:县财政局、唐集镇低于最低标准的有:魏庄镇、常坟镇本月古城镇等单位存在整改不及时、不到位等问题。",
     [("魏庄镇", "低于最低标准"), ("常坟镇", "低于最低标准"), ("古城镇", "整改不及时"), ("古城镇", "整改不到位")]),
    ("不合格21个(严重表述错误4个,分别是“文化咸宁”微信、“崇阳教育之窗”微信;监测时间点内未更新2个,分别是“温泉公安”微信。",
     [("文化咸宁", "严重表述错误"), ("崇阳教育之窗", "严重表述错误"), ("温泉公安", "监测时间点内未更新")]),
    ("市教育局发布的政策解读仅简单摘录文件原文;区卫生健康局微博账号的留言功能无法正常使用。",
     [("市教育局", "发布的政策解读仅简单摘录文件原文"), ("区卫生健康局", "微博账号的留言功能无法正常使用")]),
])
def test_problems_in_sentences(sentence, expected):
    assert _problems(HEAD + sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # A conjunction between names (和县 is a county elsewhere), places missing from the gazetteer.
    ("东关、北关街道和县医保局留言回复不及时。",
     [("东关街道", "留言回复不及时"), ("北关街道", "留言回复不及时"), ("县医保局", "留言回复不及时")]),
    ("白石县人民政府、北原市发展和改革委员会未及时公开年度预算。",
     [("白石县人民政府", "未及时公开年度预算"), ("北原市发展和改革委员会", "未及时公开年度预算")]),
    # A time that exceeds what it should is a fault (a limit it must not exceed is a norm: see below).
    ("市住房公积金中心微信公众号后台留言平均回复时间超过10天。", [("市住房公积金中心", "后台留言平均回复时间超过10天")]),
    # Places listed before a government site share it (lists sharing a suffix are expanded).
    ("青湾区、柳溪县政府网站首页存在错链。", [("青湾区政府", "首页存在错链"), ("柳溪县政府", "首页存在错链")]),
    ("平阴县、商河县人民政府网站首页存在错链。", [("平阴县人民政府", "首页存在错链"), ("商河县人民政府", "首页存在错链")]),
    ("平阴县、商河县人民政府门户网站首页存在错链。",
     [("平阴县人民政府", "首页存在错链"), ("商河县人民政府", "首页存在错链")]),
    # A count is no subject: 3个街道 names no unit.
    ("本次共检查3个街道、5个镇,发现南湖镇栏目长期未更新。", [("南湖镇", "栏目长期未更新")]),
    # a part of the unit's own content is still about the unit; a part of a group of bodies is not
    ("县文旅局抖音号转发的视频未经审核,部分内容与部门职能无关,留言长期无人回复。",
     [("县文旅局", "转发的视频未经审核"), ("县文旅局", "部分内容与部门职能无关"), ("县文旅局", "留言长期无人回复")]),
    ("县林业局网站未更新,部分县直单位未公开预算。", [("县林业局", "未更新")]),
    # a body written again without its place is the one named in full; 村务/镇务 open the fault, not a name
    ("鹤阳县职业中学食堂收支未公开,其中职业中学食堂账目有2笔支出无明细。",
     [("鹤阳县职业中学", "食堂收支未公开"), ("鹤阳县职业中学", "食堂账目有2笔支出无明细")]),
    ("白鹤村村务公开栏未公开财务收支,东湖镇镇务公开栏未更新。",
     [("白鹤村", "村务公开栏未公开财务收支"), ("东湖镇", "镇务公开栏未更新")]),
    ("竹坪镇检查发现,下辖龙门村未公开财务收支。", [("龙门村", "未公开财务收支")]),
    # an account the notice has named is named again by its name alone, also in a sentence with no other
    # name; a body whose name goes on from it (…粮食局) is another
    ("桐溪粮食(微信公众号)未开通留言。桐溪粮食超过3个月未更新。",
     [("桐溪粮食", "未开通留言"), ("桐溪粮食", "超过3个月未更新")]),
    ("桐溪粮食(微信公众号)未开通留言,桐溪粮食局网站未更新。",
     [("桐溪粮食", "未开通留言"), ("桐溪粮食局", "未更新")]),
    # broken equipment, and a last update long past, are faults
    ("南湖镇首页信息最后更新时间为2016年3月,后沟村公开栏破损,查阅终端故障。",
     [("南湖镇", "首页信息最后更新时间为2016年3月"), ("后沟村", "公开栏破损"), ("后沟村", "查阅终端故障")]),
    # content left stale is a fault
    ("南湖镇“领导之窗”仍为2018年领导分工,县民政局简介仍为机构改革前职能。",
     [("南湖镇", "“领导之窗”仍为2018年领导分工"), ("县民政局", "简介仍为机构改革前职能")]),
    # a state that is itself the fault, with no negative word (仍只有, 仍处于关闭状态, 以…为由退回)
    ("县教育局“政策解读”栏目仍只有2条信息。", [("县教育局", "“政策解读”栏目仍只有2条信息")]),
    ("县人社局以“不属于本单位职责”为由退回群众申请。", [("县人社局", "以“不属于本单位职责”为由退回群众申请")]),
    # a praise cue negated right after it (问题整改不到位) praises nothing: the clause is a fault
    ("县住建局、青禾街道仍存在问题整改不到位等情况。", [("县住建局", "问题整改不到位"), ("青禾街道", "问题整改不到位")]),
    # a township's villages in brackets after it are what the clause after the bracket is about
    ("岩口乡(岩口村、长冲村)公开栏无内容。", [("岩口村", "公开栏无内容"), ("长冲村", "公开栏无内容")]),
    # an account of a list named again after 其中 in the same sentence has that clause's fault alone
    ("“桐林交通”“柳陂乡村”2个账号更新不及时,其中“柳陂乡村”自2025年12月起未发布信息。",
     [("桐林交通", "更新不及时"), ("柳陂乡村", "更新不及时"), ("柳陂乡村", "自2025年12月起未发布信息")]),
    # content kept after what it rests on was withdrawn (已废止, 已撤并) or left showing (仍显示)
    ("县住建局网站部分办事指南仍引用已废止的文件。", [("县住建局", "部分办事指南仍引用已废止的文件")]),
    ("县教育局网站“机构职能”栏目仍显示已撤并的科室。", [("县教育局", "“机构职能”栏目仍显示已撤并的科室")]),
])
def test_problems_on_unseen_wording(sentence, expected):
    assert _problems(HEAD + sentence) == expected


@pytest.mark.parametrize("sentence", [
    # Praise and neutral statements.
    "上秦、碱滩、三闸、甘浚、龙渠9个单位添加及时全面。",
    "沈北新区、新民市网站在日常运维工作中信息更新数量与频次位居前列,整体情况较好。",
    "市法制办、市商务局等10个单位工作较为突出,得分超过75分。",
    "化州市府办收到检测报告后,立即通知责任单位抓好问题整改,当日整改完毕。",
    # what the units did well, in words that hold a fault word (不到), when the sentence closes by commending them
    "“柳营发布”“平安柳营”等账号留言回复平均用时不到2天,予以通报表扬。",
    # Shortcomings of nobody in particular.
    "有的部门未制定指导本单位年度政务公开工作的要点或方案;个别市州未建立政务公开专门机构。",
    "部分单位的政府信息公开目录下的“工作动态”栏目信息未能保持每两周一更新的频率。",
])
def test_no_problem(sentence):
    assert _problems(HEAD + sentence) == []


@pytest.mark.parametrize("body, expected", [
    # a criterion qualifying the names that open the clause leaves them its subject; a grade is no name
    ("得分在70分以下的鸡鸣乡、白果乡为不合格等次。", [("鸡鸣乡", "不合格等次"), ("白果乡", "不合格等次")]),
    ("不达标社区:渡口社区、河湾社区。", [("渡口社区", "不达标"), ("河湾社区", "不达标")]),
    ("无锡市、未央区网站未更新。", [("无锡市", "未更新"), ("未央区", "未更新")]),
    # a sentence pointing back at the names before it adds its fault to theirs; 的 after a list opens none
    ("鸡鸣乡、县林业局考核得分较低。以上2个单位考核等次为不合格。",
     [("鸡鸣乡", "考核得分较低"), ("鸡鸣乡", "考核等次为不合格"), ("县林业局", "考核得分较低"),
      ("县林业局", "考核等次为不合格")]),
    ("市林草局、市侨联的政府信息公开指南未更新。", [("市林草局", "政府信息公开指南未更新"), ("市侨联", "政府信息公开指南未更新")]),
])
def test_grades_and_criteria_before_names(body, expected):
    assert _problems("一、考核结果\n" + body) == expected


def test_a_label_over_faults_is_none_of_them():
    text = "一、整改情况\n(一)东湖县人民政府网站。存在问题:部分解读材料未关联政策原文。整改情况:已完成整改。"
    assert _problems(text) == [("东湖县人民政府", "部分解读材料未关联政策原文")]


def test_a_ranking_from_high_to_low_names_no_fault():
    assert _problems("一、评估得分\n评估得分由高到低依次为:梅林镇92分、竹坪镇90分、沙河乡85分。") == []


def test_category_is_the_sub_heading_and_section_a_label():
    ctx = _context(HEAD + "长安镇未添加机构概况。")
    problem = find_problems(ctx, find_units(ctx))[0]
    assert problem["category"] == "政府网站空白栏目较多"
    assert problem["section"] == "二 存在问题"
    assert problem["evidence"]["text"].startswith("长安镇")


def test_a_heading_naming_the_unit_is_no_category():
    text = "一、主要问题\n1.高昌区政府网站:首页“自治区文件”栏目未及时更新;首页“在线调查”栏目未标注开始和结束日期。\n"
    ctx = _context(text)
    problems = find_problems(ctx, find_units(ctx))
    assert [(p["units"], p["category"], p["description"]) for p in problems] == [
        (["高昌区政府"], None, "首页“自治区文件”栏目未及时更新"),
        (["高昌区政府"], None, "首页“在线调查”栏目未标注开始和结束日期")]


def test_seed_000_problems():
    problems = {(p["units"][0], p["description"]) for p in document(SEED_000.name)["problems"]}
    assert ("区政府金融办", "未添加机构概况") in problems
    assert ("长安镇", "未添加机构概况") in problems
    assert ("平山湖乡", "未申请开通专栏") in problems
    assert not any(u.startswith("各") or u == "上秦" for u, _ in problems)


def test_seed_004_traditional_source():
    problems = [(p["units"], p["description"]) for p in document(SEED_004.name)["problems"]]
    assert (["荷塘镇"], "未能在5个工作日内作出答复") in problems


def test_seed_003_text_and_table_problems():
    problems = document(SEED_003.name)["problems"]
    text = {(p["units"][0], p["description"]) for p in problems if p["source"] == "text"}
    table = [(p["units"][0], p["description"]) for p in problems if p["source"] == "table"]
    assert ("县发改局", "门户网站信息更新不及时") in text
    assert ("锦绣青神", "留言互动未及时回复") in table
    assert table.count(("青神县公安局交通管理大队", "留言互动未及时回复")) == 1
    assert ("青神县公安局交通管理大队", "未及时转载重要信息") in table
    assert not any(u == "掌上青神" for u, _ in table)  # 未发现问题 is no problem


@pytest.mark.parametrize("name", [SEED_000.name, SEED_003.name, SEED_004.name])
def test_documents_validate(name):
    validate(document(name))


def test_hostile_sentence_of_fifty_thousand_names():
    names = "、".join(("三闸镇", "西街街道", "县发改局")[i % 3] for i in range(50_000))
    problems = _problems(HEAD + names + "未添加机构概况。")
    assert set(problems) == {("三闸镇", "未添加机构概况"), ("西街街道", "未添加机构概况"), ("县发改局", "未添加机构概况")}


# Saying a shortcoming did not happen is no problem; 检查合格率 after names is a result, not an inspector.
@pytest.mark.parametrize("sentence, expected", [
    ("东坡县、西岭县、南山县未出现“单项否决”的情形。", []),
    ("县财政局网站不存在“单项否决”等问题。", []),
    ("县林业局没有出现站点无法访问、信息更新不及时等问题。", []),
    # 问题突出 names faults that stand out, no praise
    ("东坡镇政务公开工作问题突出,“政策解读”栏目长期空白。", [("东坡镇", "“政策解读”栏目长期空白")]),
    # what a page still shows, quoted or not, is a fault (仍为“测试账号”)
    ("东坡镇抖音号简介仍为“测试账号”。", [("东坡镇", "简介仍为“测试账号”")]),
    # an item's number with a space after it opens the clause as it does without one
    ("1. 东坡镇、西岭乡“乡镇动态”栏目内容不全。", [("东坡镇", "“乡镇动态”栏目内容不全"), ("西岭乡", "“乡镇动态”栏目内容不全")]),
    # …but a page or file that does not exist is missing: a fault (the place 村务公开 follows keeps its 乡)
    ("东坡镇网站菜单栏链接打开后显示页面不存在。", [("东坡镇", "菜单栏链接打开后显示页面不存在")]),
    ("西岭乡村务公开栏6月后未更新。", [("西岭乡", "村务公开栏6月后未更新")]),
    ("仁寿县、彭山区检查合格率为100%,丹棱县检查合格率低于95%。", [("丹棱县", "检查合格率低于95%")]),
    # a fault stated as put right is none; one that remains after it is
    ("东坡镇网站的错误信息已更正,西岭镇失效链接已全部修复。", []),
    ("南山镇已删除过期信息。", []),
    ("西岭镇网站发现并更正错误信息3处。", []),
    # a rank the notice calls lagging is a fault (排名靠后, 末位)
    ("对考评排名靠后的东坡镇、西岭乡予以通报批评。", [("东坡镇", "考评排名靠后"), ("西岭乡", "考评排名靠后")]),
    ("东坡镇连续两个季度排名末位。", [("东坡镇", "连续两个季度排名末位")]),
    # a label over two lists parted by a comma gives its fault to both
    ("政策解读数量为零的单位:县财政局、县林业局,东坡镇、西岭镇。",
     [("县财政局", "政策解读数量为零"), ("县林业局", "政策解读数量为零"), ("东坡镇", "政策解读数量为零"),
      ("西岭镇", "政策解读数量为零")]),
    ("东坡镇补充完善了空白栏目,西岭镇对错别字进行了更正。", []),
    ("东坡镇空白栏目已补充内容。", []),
    # a word written as another (将X写成Y) is a fault
    ("东坡镇网站将“防汛”写成“防讯”。", [("东坡镇", "将“防汛”写成“防讯”")]),
    # content left stale, told as still published or still a test's
    ("东坡镇子站“规划计划”栏目仍发布2018年的内容。", [("东坡镇", "子站“规划计划”栏目仍发布2018年的内容")]),
    ("东坡镇删除了过期信息,但仍有错别字。", [("东坡镇", "有错别字")]),
    # a sentence pointing back to say what the units are to do gives them no fault (以上单位应…); one that says
    # what they did wrong does, whatever word opens it (主要失分点)
    ("东坡镇、西岭镇未报送整改报告。以上单位应于7月13日前补报,并说明逾期原因。",
     [("东坡镇", "未报送整改报告"), ("西岭镇", "未报送整改报告")]),
    ("东坡镇、西岭镇考核排名靠后。以上单位主要失分点为政策解读形式单一。",
     [("东坡镇", "考核排名靠后"), ("东坡镇", "主要失分点为政策解读形式单一"), ("西岭镇", "考核排名靠后"),
      ("西岭镇", "主要失分点为政策解读形式单一")]),
    # …but one that picks some of them out (以上账号中,甲、乙…) speaks of those it names only
    ("“东坡发布”1月以来仅更新2条;“西岭之声”未开通留言功能。以上账号中,“东坡发布”被判定为不合格。",
     [("东坡发布", "1月以来仅更新2条"), ("西岭之声", "未开通留言功能"), ("东坡发布", "被判定为不合格")]),
    ("东坡镇网站栏目已整改,但仍有错别字。", [("东坡镇", "有错别字")]),
    ("西岭镇网站错误信息未更正。", [("西岭镇", "错误信息未更正")]),
    # a clause that restates or measures the fault before it is part of that fault
    ("东坡镇网站一季度发布信息不足10条,基本处于停更状态。", [("东坡镇", "一季度发布信息不足10条")]),
    ("西岭镇网站“通知公告”栏目超过3个月未更新,不符合每两周更新一次的要求。",
     [("西岭镇", "“通知公告”栏目超过3个月未更新")]),
    ("东坡镇网站“乡镇动态”栏目更新不及时,最新信息停留在一季度。", [("东坡镇", "“乡镇动态”栏目更新不及时")]),
    ("西岭镇信息公开指南内容陈旧,仍为2009年编制版本。", [("西岭镇", "信息公开指南内容陈旧")]),
    ("南山镇网站全年更新不足20条,远低于考评标准。", [("南山镇", "全年更新不足20条")]),
    ("东坡镇公开栏被杂物遮挡,群众无法正常查看。", [("东坡镇", "公开栏被杂物遮挡")]),
    # a quoted phenomenon the unit shows is a fault (存在“僵尸”现象), and what measures it one of its own
    ("东坡镇微博存在“僵尸”现象,自开通以来发布信息均不足5条。",
     [("东坡镇", "“僵尸”现象"), ("东坡镇", "自开通以来发布信息均不足5条")]),
    # a clause that only judges the one before it (已过时, 群众不便查看) keeps that clause with it
    ("东坡镇公开的收费标准为2009年标准,已过时。", [("东坡镇", "公开的收费标准为2009年标准,已过时")]),
    ("西岭镇公开栏设置在办公楼内部,群众不便查看。", [("西岭镇", "公开栏设置在办公楼内部,群众不便查看")]),
    # faults in words of their own: a function switched off, a blacklist, work half done, a default password
    ("西岭镇微信公众号留言功能长期关闭。", [("西岭镇", "留言功能长期关闭")]),
    ("南山镇网站仍使用默认后台密码。", [("南山镇", "使用默认后台密码")]),
    ("东坡镇、西岭镇等2家单位部分完成整改。", [("东坡镇", "部分完成整改"), ("西岭镇", "部分完成整改")]),
    # a page's keys in prose are what the fault is about, not page furniture; a web address in brackets is a note
    ("南山镇网站页面底部未标注网站标识码和ICP备案编号。", [("南山镇", "页面底部未标注网站标识码和ICP备案编号")]),
    ("南山镇网站域名(nsz.example.gov.cn)未完成ICP备案。", [("南山镇", "域名未完成ICP备案")]),
    # late is a fault (才上网, 才发布); a clause saying the limit was passed restates it
    ("东坡镇公开的行政许可信息超过7个工作日才上网。", [("东坡镇", "公开的行政许可信息超过7个工作日才上网")]),
    ("东坡镇年度报告于2月5日才发布,超过规定时限。", [("东坡镇", "年度报告于2月5日才发布")]),
    # faults in words of their own (匮乏, 粗糙, 随意)
    ("东坡镇微信公众号本季度发布信息少于5条,原创内容匮乏。",
     [("东坡镇", "本季度发布信息少于5条"), ("东坡镇", "原创内容匮乏")]),
    # an answer overturned on review is a fault; the reason given for it is part of that fault
    ("东坡镇、西岭镇各有1件答复被复议机关撤销,主要原因是答复超期。",
     [("东坡镇", "各有1件答复被复议机关撤销"), ("西岭镇", "各有1件答复被复议机关撤销")]),
    ("南山镇1件依申请公开答复在行政诉讼中败诉。", [("南山镇", "1件依申请公开答复在行政诉讼中败诉")]),
    # what a fault caused, after a conjunction too, is no fault of its own
    ("南山镇公示中泄露群众身份证号码,虽已删除,但造成不良影响。", [("南山镇", "公示中泄露群众身份证号码")]),
])
def test_what_did_not_happen_and_results_after_names(sentence, expected):
    assert _problems(HEAD + sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a fault written as the attribute of the names after it
    ("信息更新不及时的县林业局、县水利局被通报批评。", [("县林业局", "信息更新不及时"), ("县水利局", "信息更新不及时")]),
    ("对年报数据前后矛盾的县审计局予以通报。", [("县审计局", "年报数据前后矛盾")]),
    # an attribute that praises or names no fault is none
    ("表现较好的县林业局、县水利局予以表扬。", []),
    ("负责网站运维的县大数据中心未发现问题。", []),
])
def test_a_fault_written_as_the_attribute_of_the_names(sentence, expected):
    assert _problems(HEAD + sentence) == expected


# Two lists joined after the first one's group noun share the predicate; 监测时间点 after a site is a
# time, not the site monitoring others.
@pytest.mark.parametrize("sentence, expected", [
    ("东岭镇、西岭镇等乡镇及县交运局等单位政务公开工作推进不力。",
     [("东岭镇", "政务公开工作推进不力"), ("西岭镇", "政务公开工作推进不力"), ("县交运局", "政务公开工作推进不力")]),
    ("市民政局网站存在多个栏目更新不及时,仁寿县财政局网站监测时间点无法访问。",
     [("市民政局", "多个栏目更新不及时"), ("仁寿县财政局", "监测时间点无法访问")]),
])
def test_joined_lists_and_a_time_after_a_site(sentence, expected):
    assert _problems(HEAD + sentence) == expected


def test_examples_go_on_after_a_comma():
    sentence = "一些网站存在长期未更新栏目,如东坡县人民政府门户网站,县科技局、县商务局政府门户网站。"
    assert _problems(HEAD + sentence) == [("东坡县人民政府", "长期未更新栏目"), ("县科技局", "长期未更新栏目"),
                                          ("县商务局", "长期未更新栏目")]


def test_a_list_goes_on_past_an_account_qualified_by_its_place():
    sentence = "市科技局“北塘科技发布”头条号、仁寿县“仁寿森林防火”微信公众号等存在内容更新不及时问题。"
    assert _problems(HEAD + sentence) == [("北塘科技发布", "内容更新不及时"), ("仁寿森林防火", "内容更新不及时")]


@pytest.mark.parametrize("cut, expected", [
    # a page cut inside a list after its label: each item listed has the label's fault
    ("超过2周未更新的账号有:“桐林交通”(微信)、“双溪微语”(新浪微博)、",
     [("桐林交通", "超过2周未更新"), ("双溪微语", "超过2周未更新")]),
    # a page cut inside the names' own clause: the clause it left unfinished is no fault
    ("东坪镇、西林乡网站首页未更新,栏目", [("东坪镇", "首页未更新"), ("西林乡", "首页未更新")]),
    # ... but a cut clause that already states a fault is kept as written; one cut before its fault is not
    ("东坪镇、西林乡网站首页未更新,互动栏目留言未回复", [("东坪镇", "首页未更新"), ("东坪镇", "互动栏目留言未回复"),
                                             ("西林乡", "首页未更新"), ("西林乡", "互动栏目留言未回复")]),
    ("东坪镇网站首页未更新,且未按", [("东坪镇", "首页未更新")]),
    # a list opening its line under a sub-heading that names a fault, cut short, has the heading's fault
    ("(一)政府信息公开指南未及时更新(3个)\n县统计局、杨庄乡、", [("县统计局", "政府信息公开指南未及时更新"),
                                                      ("杨庄乡", "政府信息公开指南未及时更新")]),
    ("(三)依申请公开制度不健全。县商务局、县人防办、", [("县商务局", "依申请公开制度不健全"), ("县人防办", "依申请公开制度不健全")]),
    # ... not a list cut after other clauses of the paragraph, whose own fault the cut took away
    ("(一)信息发布不及时。东坪镇网站“通知公告”栏目超过2个月未更新;县人防办、",
     [("东坪镇", "“通知公告”栏目超过2个月未更新")]),
    # a list after 涉及 takes the clause before it, cut short or not; 涉及 after no comma names no fault
    ("有2件群众留言超过15天未答复,涉及县住建局、县民政局。", [("县住建局", "有2件群众留言超过15天未答复"),
                                                ("县民政局", "有2件群众留言超过15天未答复")]),
    ("有2件群众留言超过15天未答复,涉及县住建局、", [("县住建局", "有2件群众留言超过15天未答复")]),
    ("本次检查涉及县住建局、县民政局等12个单位。", []),
])
def test_a_page_cut_mid_sentence(cut, expected):
    assert _problems("二、存在问题\n" + cut) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a label's item number or run-in heading's number is no part of the fault it names
    ("(三)不合格单位(2个):区城市更新和土地整备局、凤岭街道。", [("区城市更新和土地整备局", "不合格"), ("凤岭街道", "不合格")]),
    # a clause counting the items and naming their fault, then a pointer (为, 分别为) to them
    ("二是留言回复不及时的账号1个,为桂湖平安(新浪微博)。", [("桂湖平安", "留言回复不及时")]),
    ("更新不及时的账号2个,分别为桂湖平安(新浪微博)、桂湖教育(微信)。",
     [("桂湖平安", "更新不及时"), ("桂湖教育", "更新不及时")]),
    # items each with its site word and its score in brackets share the fault after them
    ("市民宗局网站(52.3分)、市地震局网站(41.0分),等次均为不合格。", [("市民宗局", "等次均为不合格"), ("市地震局", "等次均为不合格")]),
    # a clause after ; about a part of the one unit before it (a quoted column, its home page) is that unit's;
    # one with a subject of its own is not
    ("县卫计局网站发布的文件未标注发文日期;“办事指南”栏目存在1处外链失效。",
     [("县卫计局", "文件未标注发文日期"), ("县卫计局", "“办事指南”栏目存在1处外链失效")]),
    ("县卫计局网站发布的文件未标注发文日期;部分单位栏目空白。", [("县卫计局", "文件未标注发文日期")]),
    # 该网站, 该局 opening a sentence point back to the one unit the sentence before named
    ("县住建局网站。该网站首页“政务动态”栏目超过2周未更新。", [("县住建局", "首页“政务动态”栏目超过2周未更新")]),
    # …also after a short opening phrase
    ("县住建局网站栏目空白。经核实,该局信息发布未经审核。", [("县住建局", "栏目空白"), ("县住建局", "信息发布未经审核")]),
    # one that only counts what was checked names no fault
    ("共检查网站12个,分别为东坪镇、西林乡。", []),
])
def test_labels_that_count_their_items(sentence, expected):
    assert _problems("二、存在问题\n" + sentence) == expected


@pytest.mark.parametrize("sentence", [
    # words that hold a fault character and name no fault (低保, 无障碍), and praise at a sentence's end
    "县民政局将城乡低保对象名单按月在网上公示,做法值得推广。",
    "县残联网站开通了无障碍浏览功能。",
    "链接错误为零的单位:县财政局、县林业局。",
    "县审计局、县扶贫局在本季度检查中无扣分项。",
])
def test_no_problem_in_an_overview(sentence):
    assert _problems("一、总体情况\n" + sentence) == []


@pytest.mark.parametrize("clause, fault", [
    ("后台留言平均回复时间超过10天", True), ("更新间隔超过2周", True),
    ("栏目更新时间间隔不得超过1个月", False), ("回复时间不超过5个工作日", False),
    # what still shows a state that has passed is a fault with no negation in it
    ("机构简介仍为撤并前机构名称", True), ("领导分工信息仍为调整前内容", True), ("网站仍使用已停用的旧版标识", True),
    ("得分仍为100分", False),
    ("依申请公开答复超出法定期限", True), ("答复超过法定期限", True),
])
def test_a_time_exceeding_its_limit_is_a_fault_and_the_limit_a_norm(clause, fault):
    from extract.findings.problems_text import is_problem

    assert is_problem(clause) is fault


@pytest.mark.parametrize("clause, fault", [
    # a published page that holds personal data is at fault, with no negation word
    ("公示名单中含有完整身份证号码", True), ("公开了申请人的家庭住址和手机号码", True),
    ("招聘公告包含考生银行账号等个人信息", True),
    # a rule about such data, a contact phone and a privacy policy are not
    ("凡涉及身份证号码的要隐去", False), ("公开了联系电话", False), ("公开个人信息保护政策", False),
])
def test_published_personal_data_is_a_fault(clause, fault):
    from extract.findings.problems_text import is_problem

    assert is_problem(clause) is fault


def test_personal_data_on_a_units_page_is_its_fault():
    assert _problems("二、存在问题\n县民政局网站“公示公告”栏目发布的低保名单中,公开了群众身份证号码。") == [
        ("县民政局", "公开了群众身份证号码")]


def test_a_fault_stated_as_done_in_a_report_of_rectification_is_none():
    text = ("关于整改情况的通报\n一、整改情况\n东坡镇已按要求完成空白栏目清理和信息更新,西岭镇已完成空白栏目整改,"
            "南山镇仍有3个空白栏目未整改。\n")
    assert [(p["units"][0], p["description"]) for p in extract_text(text)["problems"]] == [("南山镇", "有3个空白栏目未整改")]


def test_a_column_of_what_a_check_found_states_each_rows_fault():
    table = ("二、存在问题\n(三)电话接听不规范。抽查情况如下表:\n单位 | 公开电话 | 抽查情况 |\n东坪镇 | 0872-7101235 | "
             "3次拨打无人接听 |\n西林乡 | 0872-7208416 | 正常 |\n")
    problems = extract_text("关于电话抽查情况的通报\n各乡镇:\n" + table)["problems"]
    assert [(p["units"][0], p["description"]) for p in problems] == [("东坪镇", "3次拨打无人接听")]


@pytest.mark.parametrize("text, expected", [
    # 有误: what a page says is wrong, also in an item that is its own sub-heading
    ("关于监测情况的通报\n二、存在问题\n(二)县民政局的“柳营民政”微信公众号转发的通知中落款日期有误。",
     [("柳营民政", "转发的通知中落款日期有误")]),
    # a board still showing what is long out of date, and a link to a system taken off line, in a task notice's preamble
    ("关于整改公开栏的通知\n各村:\n经检查,其中柳营村公开栏仍张贴2023年的财务收支表。现就整改工作通知如下:\n一、整改要求\n请按期整改。",
     [("柳营村", "公开栏仍张贴2023年的财务收支表")]),
    ("关于整改的通知\n各单位:\n经检查,县林业局首页“信息公开”入口链接至已下线的旧系统。现就整改工作通知如下:\n一、整改要求\n请按期整改。",
     [("县林业局", "首页“信息公开”入口链接至已下线的旧系统")]),
])
def test_faults_in_words_of_their_own(text, expected):
    assert _problems(text) == expected


ANNUAL_REPORT = """梅川县2023年政府信息公开工作年度报告
一、总体情况
(一)主动公开。全县主动公开政府信息5210条。{sentence}
二、存在的主要问题及改进情况
一是政策解读形式单一。2024年,我县将督促县卫健局、县医保局做好解读工作。
"""


# A label that points back at the heading's fault takes the heading's words; a quoted reply (以“信息不存在”答复) is
# what was written, no praise of the unit.
@pytest.mark.parametrize("text, expected", [
    ("二、存在问题\n(二)未告知救济途径。存在此问题的单位有:县人社局、东坡镇。",
     [("县人社局", "未告知救济途径"), ("东坡镇", "未告知救济途径")]),
    ("二、存在问题\n(三)办理不规范。东坡镇对1件申请以“信息不存在”答复,未说明检索情况。", [("东坡镇", "未说明检索情况")]),
])
def test_labels_pointing_back_and_quoted_replies(text, expected):
    assert _problems(text) == expected


def test_progress_reported_is_no_label_of_faults():
    """问题有所改善 reports progress: it is no 问题有… label opening faults."""
    problems = _problems("二、存在问题\n县林业局网站存在问题。问题有所改善但仍有空白栏目。")
    assert not any(description.startswith("所改善") for _, description in problems)


# A record laid out one field a line: the line of faults is about the unit on the line before it; a line a scraper
# inserted (澳门博彩在线) names no place.
def test_records_one_field_a_line():
    text = ("关于问题整改清单的通知\n各乡镇:\n现将问题清单印发给你们。\n一、问题清单\n1.\n单位:东坡镇\n"
            "问题:镇政府网站专栏“财政预决算”未公开预算。\n整改时限:3月31日前\n澳门博彩在线\n2.\n单位:西岭乡\n"
            "问题:便民服务中心专区未配备查阅电脑。\n整改时限:4月15日前\n")
    assert _problems(text) == [("东坡镇", "镇政府网站专栏“财政预决算”未公开预算"), ("西岭乡", "便民服务中心专区未配备查阅电脑")]


# An annual report is its body's account of its own work: the bodies it names in passing, what it says did not
# happen or arrive (未发生复议, 未收到申请, 未收取费用), principles (不公开为例外), bodies it plans work for
# (督促甲做好…) are neither units nor problems; the bodies it faults in so many words are.
@pytest.mark.parametrize("sentence, expected", [
    ("县民政局、东坡镇全年未发生因信息公开引起的行政复议,西岭镇未收到公开申请。", []),
    ("南山镇本年度未收取信息处理费。", []),
    ("东坡镇坚持以公开为常态、不公开为例外,西岭镇清理文件12件,宣布失效3件。", []),
    ("县林业局、东坡镇未按时报送年度报告;西岭镇报送的报告缺少统计表格。",
     [("县林业局", "未按时报送年度报告"), ("东坡镇", "未按时报送年度报告"), ("西岭镇", "报送的报告缺少统计表格")]),
])
def test_annual_report_units_are_the_faulted(sentence, expected):
    doc = extract_text(ANNUAL_REPORT.format(sentence=sentence))
    assert [(p["units"][0], p["description"]) for p in doc["problems"]] == expected
    assert [u["name"] for u in doc["units"]] == [name for name, _ in expected]


# …and the bodies its own checks praise or rank (被评为先进单位, 排名前三的是): units with no problem.
@pytest.mark.parametrize("sentence, units", [
    ("经考核,县财政局、西岭镇等6个单位被评为年度政务公开先进单位。", ["县财政局", "西岭镇"]),
    ("全年综合得分排名前三的是县水利局、东坡镇和南山镇。", ["县水利局", "东坡镇", "南山镇"]),
    # a title or grade awarded in other words, and places in a ranking
    ("东坡社区、西岭社区等2个社区被区民政局评为“居务公开示范社区”。", ["东坡社区", "西岭社区"]),
    ("在年度考核中,县财政局、县林业局被评为优秀等次。", ["县财政局", "县林业局"]),
    ("东坡社区、西岭社区居务公开资料齐全,分列全街道第一、二名。", ["东坡社区", "西岭社区"]),
    # a low place in a ranking is no praise
    ("东坡社区、西岭社区分列全街道第18、19名。", []),
    ("县财政局协助做好了解读工作,西岭镇的公开栏运行良好。", []),
])
def test_annual_report_units_its_checks_praise(sentence, units):
    doc = extract_text(ANNUAL_REPORT.format(sentence=sentence))
    assert [u["name"] for u in doc["units"]] == units and doc["problems"] == []


# A heading that names failing units (…的单位) gives the names under it its words without the noun, also when the
# line goes on with a sentence telling them what to do.
@pytest.mark.parametrize("line", ["东坡镇、西岭镇。", "东坡镇、西岭镇。以上单位应于7月13日前补报,并说明逾期原因。"])
def test_a_list_under_a_heading_naming_failing_units(line):
    text = f"各单位:\n一、逾期未报送整改报告的单位\n{line}\n二、工作要求\n请各单位加强管理。"
    assert _problems(text) == [("东坡镇", "逾期未报送整改报告"), ("西岭镇", "逾期未报送整改报告")]


# A fault written as the attribute of the names after it belongs to them, also when a second list with its own
# attribute follows after a comma; a fault said to be absent (无空白栏目) is none.
@pytest.mark.parametrize("text, expected", [
    ("一、检查情况\n对首页更新不及时的县交通局、县商务局,办事指南未调整的东坡镇,县政务公开办已下发整改通知。",
     [("县交通局", "首页更新不及时"), ("县商务局", "首页更新不及时"), ("东坡镇", "办事指南未调整")]),
    ("一、检查情况\n检查发现,西岭镇网站认证主体仍为已撤并的原柳溪乡。", [("西岭镇", "认证主体仍为已撤并的原柳溪乡")]),
    ("一、检查情况\n西岭镇全年专栏无空白栏目,东坡镇网站无错别字。", []),
    ("一、检查情况\n西岭镇专栏无空白栏目,但有3处错别字。", [("西岭镇", "有3处错别字")]),
])
def test_attributes_of_lists_and_faults_said_absent(text, expected):
    assert _problems(text) == expected


# In a notice that sets work, the sentence that recalls units' faults of last time assesses them: 依申请 (a kind
# of disclosure), 主要问题 and 未按要求 order nothing; 我县 before a name is no subject of its own; a clause naming the
# main fault (主要问题是…) gives it without its label; a fault that only grades what follows (存在较为突出的问题) is
# none; a run of faults after ; with no subject goes on about the one unit that opened it.
@pytest.mark.parametrize("text, expected", [
    ("一、工作要求\n上年度年报评查中,县民政局年报中依申请公开数量与统计表不符。以上单位今年要杜绝类似问题。",
     [("县民政局", "年报中依申请公开数量与统计表不符")]),
    ("二、自查要求\n上半年全市考核中,我县北岗乡、县财政局被扣分,主要问题是预决算信息未按要求公开。以上单位要作为自查重点。",
     [("北岗乡", "预决算信息未按要求公开"), ("县财政局", "预决算信息未按要求公开")]),
    ("一、检查情况\n检查发现,东坡镇网站、县水利局网站存在较为突出的问题。", []),
    ("一、检查情况\n经查,县水利局未建立登记台账;未向申请人告知延期理由;未按时报送年报。",
     [("县水利局", "未建立登记台账"), ("县水利局", "未向申请人告知延期理由"), ("县水利局", "未按时报送年报")]),
    ("一、检查情况\n经查,县水利局未建立登记台账;部分单位未按时报送年报。", [("县水利局", "未建立登记台账")]),
    ("一、检查情况\n县农业农村委年报“存在的主要问题”部分内容空泛。", [("县农业农村委", "年报“存在的主要问题”部分内容空泛")]),
])
def test_faults_recalled_labelled_and_run_on(text, expected):
    assert _problems(text) == expected


def test_a_letter_to_one_body_faults_it_where_it_says_you():
    """突出问题 is a salient fault, no praise: the faults a letter announces of 你局 are the addressee's."""
    text = ("关于限期整改县住建局网站问题的督办函\n县住建局:\n7月3日,县政府办公室在监测中发现,你局网站存在以下突出问题:"
            "一是“通知公告”栏目超过4个月未更新;二是“政策解读”栏目为空白栏目。请你局于7月15日前整改。\n县政府办公室\n2019年7月8日\n")
    doc = extract_text(text)
    assert [(p["units"], p["description"]) for p in doc["problems"]] == [
        (["县住建局"], "“通知公告”栏目超过4个月未更新"), (["县住建局"], "“政策解读”栏目为空白栏目")]


@pytest.mark.parametrize("text", ["“鸡冠乡发布”简介中仍使用原乡名称。", "西岭镇网站认证主体仍为已撤并的原柳溪乡。"])
def test_a_former_body_named_in_passing_is_no_unit(text):
    doc = extract_text("一、存在问题\n" + text)
    assert not {"原乡", "原柳溪乡"} & {u["name"] for u in doc["units"]}


@pytest.mark.parametrize("text, expected", [
    ("一、工作要求\n“东坡发布”微博如无力维护,应按程序申请关停。", []),
    ("一、检查情况\n部分网站存在问题,如东坡镇网站首页未更新。", [("东坡镇", "首页未更新")]),
])
def test_a_condition_is_no_fault_an_example_is(text, expected):
    assert _problems(text) == expected


def test_a_township_labelling_the_villages_on_its_line_places_them():
    """古渡乡:古渡村、柳林村 under a heading naming their fault: the villages have it; the township only says where
    they are."""
    text = "二、存在问题\n(一)公开栏内容未及时更新的村:\n东坪乡:东坪村、柳林村\n西岭镇:西岭村\n"
    assert _problems(text) == [("东坪村", "公开栏内容未及时更新"), ("柳林村", "公开栏内容未及时更新"),
                               ("西岭村", "公开栏内容未及时更新")]


def test_two_groups_sites_joined_share_the_predicate_after_the_second():
    text = "二、存在的问题\n(一)栏目长期不更新。市农业局子站和东坪镇、西岭镇子站“政策法规”栏目仍为旧文件。"
    assert _problems(text) == [("市农业局", "子站“政策法规”栏目仍为旧文件"), ("东坪镇", "子站“政策法规”栏目仍为旧文件"),
                               ("西岭镇", "子站“政策法规”栏目仍为旧文件")]


@pytest.mark.parametrize("clause, fault", [
    ("不仅补发了缺失内容", False), ("补录了空白栏目的信息", False), ("仅补发了部分信息", True), ("仅补充了1月份的内容", True),
])
def test_faults_made_up_in_the_past_and_in_part(clause, fault):
    from extract.findings.problems_text import is_problem

    assert is_problem(clause) is fault
