"""Lists as units and their problems: the forms of issue 17, each in sentences written for these tests."""
from __future__ import annotations

import pytest

from extract import extract_text

PROBLEMS = "关于2024年第二季度政务公开检查情况的通报\n一、存在问题\n"


def _found(text: str):
    document = extract_text(text)
    units = {u["name"]: (u["type"], u["platform"], u["owner"]) for u in document["units"]}
    problems = sorted((p["units"][0], p["description"]) for p in document["problems"])
    return units, problems


# Names with their platform in brackets, listed under a problem heading (one list or one per line).
@pytest.mark.parametrize("lines, expected", [
    ("(一)互动回应不及时(3个)\n安宁某某(微信)、某某发布(新浪微博)、某某文旅(抖音)\n",
     {"安宁某某": "微信", "某某发布": "微博", "某某文旅": "抖音"}),
    ("(二)内容更新不及时(2个)\n青溪之声(微信公众号)\n美丽柳岸(今日头条)\n", {"青溪之声": "微信", "美丽柳岸": "今日头条"}),
    ("(三)错别字较多\n东陵教育(微信)、东陵人社(客户端)\n", {"东陵教育": "微信", "东陵人社": "客户端"}),
    # numbered items run together on the heading's line, as pages that lost their line breaks print them
    ("(四)栏目空白(2个):1.北坪资讯(微信公众号)2.北坪人社(抖音)\n", {"北坪资讯": "微信", "北坪人社": "抖音"}),
])
def test_accounts_with_platform_under_a_problem_heading(lines, expected):
    units, problems = _found(PROBLEMS + lines)
    heading = lines.split("\n")[0]
    words = heading[3:].split("(")[0]
    for name, platform in expected.items():
        assert units[name][:2] == ("new_media", platform)
        assert (name, words) in problems


# A labelled list, with or without a negation word in its label, and bare names after a prefixed sibling.
@pytest.mark.parametrize("sentence, names, problem", [
    ("本季度政策解读数量为零的单位:东坡镇、县财政局、县林业局。", ["东坡镇", "县财政局", "县林业局"], "政策解读数量为零"),
    ("截至6月20日,逾期未反馈整改情况的部门有:市住建局、人防办、档案馆、供销社。",
     ["市住建局", "人防办", "档案馆", "供销社"], "逾期未反馈整改情况"),
    ("首页信息发布量排名末位的单位是:区水务局、区民政局、博物馆。", ["区水务局", "区民政局", "博物馆"], "首页信息发布量排名末位"),
    ("监测期间,不合格账号3个,分别为:“平川融媒”“平川教育”“平川气象”。", ["平川融媒", "平川教育", "平川气象"], "不合格"),
])
def test_labelled_lists(sentence, names, problem):
    units, problems = _found(PROBLEMS + sentence)
    assert list(units) == names
    assert all(any(n == name and problem in d for n, d in problems) for name in names), problems


def test_a_labelled_list_does_not_depend_on_what_stands_before():
    first = "(一)信息发布不规范。发布信息存在错别字的单位有:县教育局、县卫健局。\n"
    later = "截至6月20日,逾期未反馈整改情况的部门有:市住建局、人防办、档案馆、供销社。"
    alone = _found(PROBLEMS + later)[1]
    after = _found(PROBLEMS + first + later)[1]
    assert set(alone) <= set(after) and len(alone) == 4


# A quoted list of accounts with their owner; a problem after the list goes to every item.
@pytest.mark.parametrize("sentence, owner, names, platform, problem", [
    ("东湖县微信公众号“东湖融媒、东湖教育、东湖卫健”等存在转载信息未注明来源问题。", "东湖县",
     ["东湖融媒", "东湖教育", "东湖卫健"], "微信", "转载信息未注明来源"),
    ("市文旅局抖音号“游在西岭、西岭文旅”长期未更新。", "市文旅局", ["游在西岭", "西岭文旅"], "抖音", "长期未更新"),
])
def test_quoted_list_of_accounts_with_owner(sentence, owner, names, platform, problem):
    units, problems = _found(PROBLEMS + sentence)
    for name in names:
        assert units[name] == ("new_media", platform, owner)
        assert any(n == name and problem in d for n, d in problems)
    assert owner not in units  # the owner is named only as the accounts' owner


@pytest.mark.parametrize("sentence, names, problem", [
    ("东坡镇、县财政局等2个单位存在错别字。", ["东坡镇", "县财政局"], "错别字"),
    ("“北塘发布”“北塘政务”等2个账号超过两周未更新。", ["北塘发布", "北塘政务"], "超过两周未更新"),
])
def test_a_problem_after_a_list_goes_to_every_item(sentence, names, problem):
    units, problems = _found(PROBLEMS + sentence)
    for name in names:
        assert name in units
        assert any(n == name and problem in d for n, d in problems)


# The sentence after a list, naming no one, that opens with a label of faults (主要问题为…) says what the listed
# units' faults are: after a list that only announces them it gives them, after a fault of their own it adds them;
# 主要表现为… sums up what many share, and gives nobody a fault.
@pytest.mark.parametrize("sentence, expected", [
    ("涉及3个子站,分别是:县财政局、县林业局、东坡镇。主要问题为“政策文件”栏目附件无法下载。",
     [(n, "“政策文件”栏目附件无法下载") for n in ("东坡镇", "县林业局", "县财政局")]),
    ("县财政局、县林业局网站存在问题。主要问题是栏目长期未更新。",
     [("县林业局", "栏目长期未更新"), ("县财政局", "栏目长期未更新")]),
    ("县财政局网站首页未更新。具体问题有栏目链接失效。",
     [("县财政局", "栏目链接失效"), ("县财政局", "首页未更新")]),
])
def test_faults_labelled_in_the_next_sentence(sentence, expected):
    _, problems = _found(PROBLEMS + sentence)
    assert sorted(problems) == sorted(expected)


def test_the_last_item_of_a_list_ends_where_its_fault_opens():
    units, problems = _found(PROBLEMS + "吉兴乡、新民镇、大贵镇网站长期无人维护。")
    assert list(units) == ["吉兴乡", "新民镇", "大贵镇"]
    assert ("大贵镇", "长期无人维护") in problems


def test_a_list_picked_from_a_group_has_its_own_faults():
    _, problems = _found(PROBLEMS + "不合格账号中,“东坡水利”“东坡扶贫”全年更新不足10次;“西岭新风”留言超过3个月未回复。")
    assert sorted(problems) == [("东坡扶贫", "全年更新不足10次"), ("东坡水利", "全年更新不足10次"),
                                ("西岭新风", "留言超过3个月未回复")]


def test_a_summary_of_what_many_share_is_no_one_s_fault():
    _, problems = _found(PROBLEMS + "问题较多的是:县财政局(12个)、县林业局(10个)。主要表现为栏目更新不及时、办事指南要素不全等。")
    assert not any("更新不及时" in d or "要素不全" in d for _, d in problems)


# A table of accounts after its title and a period line: each account owned by its 主办单位.
@pytest.mark.parametrize("between", ["", "(监测时间:2024年5月1日——2024年5月31日)\n"])
def test_table_of_accounts_after_title_and_period_line(between):
    text = ("南山县2024年5月政务新媒体监测情况汇总表\n" + between +
            "序号|主办单位|新媒体名称|发布条数|\n1|县公安局|南山警方|40|\n2|县教育体育局|南山教育|12|\n"
            "3|县人社局|南山就业|8|\n")
    units, _ = _found(text)
    assert units["南山警方"] == ("new_media", None, "县公安局")
    assert units["南山教育"] == ("new_media", None, "县教育体育局")
    assert units["南山就业"] == ("new_media", None, "县人社局")


# A table naming a site's columns, or faults, with the bodies that run or answer for them (栏目名称 | 主办单位,
# 责任单位 | 扣分事项): the bodies are the units, the columns none.
@pytest.mark.parametrize("rows, expected", [
    ("| 序号 | 栏目名称 | 主办单位 | 问题描述 |\n| 1 | 东坡镇信息公开 | 东坡镇人民政府 | 超过3个月未更新 |\n"
     "| 2 | 县林业局信息公开 | 南山县林业局 | 政策文件栏目空白 |\n", ("南山县林业局", "政策文件栏目空白")),
    ("序号|责任单位|扣分事项|完成时限|\n1|南山县林业局|政策解读形式单一|12月20日前|\n"
     "2|东坡镇人民政府|标准目录未在政府网站公开|1月10日前|\n", ("东坡镇人民政府", "标准目录未在政府网站公开")),
])
def test_a_table_names_the_bodies_that_run_or_answer_for_its_rows(rows, expected):
    units, problems = _found(PROBLEMS + rows)
    assert set(units) == {"东坡镇人民政府", "南山县林业局"}
    assert expected in problems


# A table of what a self-inspection checks or scores: its cells are criteria, never names, also in a notice on accounts.
@pytest.mark.parametrize("head", ["检查项目|检查要点|分值|", "类别|评分标准|分值|", "指标|内容|"])
def test_a_table_of_criteria_names_no_unit(head):
    text = ("关于开展政务新媒体自查工作的通知\n各乡镇,县直各部门:\n一、自查对象\n各单位开设的政务新媒体账号。\n"
            "二、自查内容\n" + head + "\n"
            "账号管理|是否按要求完成备案|10|\n内容保障|是否存在长期不更新|30|\n互动回应|留言是否及时回复|20|\n"
            "二、报送要求\n请于3月20日前报送自查表。\n")
    units, _ = _found(text)
    assert units == {}


# An owner column beside an account column names who runs each account: the accounts are the units, the
# owners only their owners; an account named by a body's name stands for that body (the fuller name of the
# two); in a table of sites the owners are the units, since a site is named by its owner.
@pytest.mark.parametrize("head, rows, expected, faulted", [
    ("序号|主办单位|新媒体名称|存在问题|", ["1|县公安局|南山警方|错别字|", "2|县民政局|南山民政|留言未回复|"],
     {"南山警方": ("new_media", None, "县公安局"), "南山民政": ("new_media", None, "县民政局")}, {"南山警方", "南山民政"}),
    ("单位|网站/账号|存在问题|整改时限|", ["县城管局|南山城管(抖音)|错别字|10月30日前|",
                                     "县商务局|“南山商务”微信公众号|超过2周未更新|10月30日前|"],
     {"南山城管": ("new_media", None, "县城管局"), "南山商务": ("new_media", None, "县商务局")}, {"南山城管", "南山商务"}),
    ("账号名称|平台|主办单位|存在问题|", ["南山县人社局|微信公众号|南山县人力资源和社会保障局|留言5天未回复|",
                                   "南山文旅|抖音|县文旅局|超过2周未更新|"],
     {"南山县人力资源和社会保障局": ("department", None, None), "南山文旅": ("new_media", "抖音", "县文旅局")},
     {"南山县人力资源和社会保障局", "南山文旅"}),
    # an account named by the place its owner governs stands for the owner; a name that only ends like a place's
    # (沙河微乡, run by 沙河乡人民政府) is the account's own
    ("账号名称|平台|主办单位|存在问题|", ["北坪镇|微信公众号|北坪镇人民政府|超过2周未更新|",
                                   "东门社区|抖音|城关街道东门社区居委会|错别字|",
                                   "沙河微乡|微信公众号|沙河乡人民政府|错别字|"],
     {"北坪镇人民政府": ("township", None, None), "城关街道东门社区居委会": ("community", None, None),
      "沙河微乡": ("new_media", "微信", "沙河乡人民政府")},
     {"北坪镇人民政府", "城关街道东门社区居委会", "沙河微乡"}),
    # a column of places or bodies (所属地区/单位, 地区或部门) beside a column of accounts owns them
    ("序号|所属地区/单位|账号名称|平台|问题|", ["1|南山区|南山健康|微信公众号|超过2周未更新|",
                                        "2|市农业农村局|北岭农业农村|今日头条|首页栏目空白|"],
     {"南山健康": ("new_media", "微信", "南山区"), "北岭农业农村": ("new_media", "今日头条", "市农业农村局")},
     {"南山健康", "北岭农业农村"}),
    ("序号|地区或部门|账号名称|平台|主要问题|", ["1|县公安局|南山警方|抖音|超过2周未更新|"],
     {"南山警方": ("new_media", "抖音", "县公安局")}, {"南山警方"}),
    # a table of sites: a site is named by its owner, the fuller of the two names when the site's column gives
    # the owner's name too (南山县林业局网站), else the owner column's (a site with a name of its own)
    ("网站名称|主办单位|存在问题|", ["南山县教育网|县教育局|首页超过2周未更新|", "南山县林业局网站|县林业局|栏目空白|"],
     {"县教育局": ("department", None, None), "南山县林业局": ("department", None, None)}, {"县教育局", "南山县林业局"}),
])
def test_owner_columns_name_owners_of_accounts(head, rows, expected, faulted):
    units, problems = _found(PROBLEMS + "\n".join([head] + rows) + "\n")
    assert units == expected
    assert {name for name, _ in problems} == faulted


# A place alone in a table's name column is a unit by its cell, also when the gazetteer lacks it or its first
# character reads as a word of prose (但, 与).
def test_places_named_by_their_cells():
    units, problems = _found(PROBLEMS + "单位 | 存在问题 |\n但家庙镇 | 栏目超过6个月未更新 |\n与儿街镇 | 查阅终端故障 |\n"
                             "雁丘县 | 链接失效 |\n")
    assert units == {"但家庙镇": ("township", None, None), "与儿街镇": ("township", None, None),
                     "雁丘县": ("government", None, None)}
    assert {name for name, _ in problems} == set(units)


# A quoted account named by the body that runs it, the body in brackets after it: the unit is the body, under the
# bracket's fuller name; an account with a name of its own keeps it, whatever it shares with its owner's name.
@pytest.mark.parametrize("sentence, expected", [
    ("“北坪镇”(东湖县北坪镇人民政府)菜单链接失效。", {"东湖县北坪镇人民政府": ("township", None, None)}),
    ("“城关街道”(新浪微博,东湖县城关街道办事处)超过2周未更新。", {"东湖县城关街道办事处": ("subdistrict", None, None)}),
    ("“县供销社”微信公众号(县供销合作社联合社)超过2周未更新。", {"县供销合作社联合社": ("department", None, None)}),
    ("“东湖安监”(东湖县安监局)超过2周未更新。", {"东湖安监": ("new_media", None, "东湖县安监局")}),
    ("“北坪发布”(北坪镇人民政府)超过2周未更新。", {"北坪发布": ("new_media", None, "北坪镇人民政府")}),
    # the bracket may say the body runs it (…主办); a name like a place's that another body runs is an account
    ("“北坪生态”(北坪镇主办)转载信息未注明来源。", {"北坪生态": ("new_media", None, "北坪镇")}),
    ("“北坪古镇”(北坪镇主办)简介为空。", {"北坪古镇": ("new_media", None, "北坪镇")}),
    # a score in brackets runs nothing: the quoted body stays the body
    ("“北坪镇人民政府”(92分)网站栏目空白。", {"北坪镇人民政府": ("township", None, None)}),
])
def test_quoted_accounts_named_by_the_body_in_brackets(sentence, expected):
    units, problems = _found(PROBLEMS + sentence)
    assert units == expected
    assert {name for name, _ in problems} == set(expected)


# Lists whose context does not make them units, and praise lists that give no problem.
@pytest.mark.parametrize("sentence, units_expected, problems_expected", [
    ("检查内容包括:政策文件、解读材料、办事指南。", [], []),
    ("特别是“总书记、副主任”等称呼要准确。", [], []),
    ("得满分的单位有:县财政局、县林业局、档案馆。", ["县财政局", "县林业局", "档案馆"], []),
    ("(一)表现较好的账号\n东陵教育(微信)、东陵人社(抖音)\n", ["东陵教育", "东陵人社"], []),
    # after a clause that counts units, a list closed by a kind of thing (等活动, 等形式) or holding an item
    # too short for a name of its own names things, not units
    ("全县共有26家单位参加,举办政府开放日、政策直通车等活动21场。", [], []),
    ("有7个单位的政策解读仅采用文字形式,图解、视频解读占比不足10%。", [], []),
    ("评估发现3个单位存在问题,县财政局、县林业局、档案馆未公开预算。", ["县财政局", "县林业局", "档案馆"],
     [("县林业局", "未公开预算"), ("县财政局", "未公开预算"), ("档案馆", "未公开预算")]),
    # quoted parts of the sites named before them are no accounts; the sites' places take the fault
    ("松坪县、云溪区政府门户网站“县长信箱”“区长信箱”均存在超过10个工作日未回复留言的情况。", ["松坪县政府", "云溪区政府"],
     [("云溪区政府", "“县长信箱”“区长信箱”均存在超过10个工作日未回复留言的情况"),
      ("松坪县政府", "“县长信箱”“区长信箱”均存在超过10个工作日未回复留言的情况")]),
    # a ranking after the last item is no part of its name
    ("市州网站中,江源市、襄平市、宜川市位列前三。", ["江源市", "襄平市", "宜川市"], []),
    # a clause counting places labels no list of things that are no places (a count of accounts would)
    ("全县12个乡镇(街道)均已建成公开专区,公开事项清单化、办理流程标准化水平明显提高。", [], []),
])
def test_lists_that_are_not_units_or_not_problems(sentence, units_expected, problems_expected):
    units, problems = _found(PROBLEMS + sentence)
    assert list(units) == units_expected
    assert problems == problems_expected


# Places listed before a government site share it; a region's sites counted are the region.
@pytest.mark.parametrize("sentence, names", [
    ("青湾区、柳溪县、东坝县政府门户网站多个栏目为空白。", ["青湾区政府", "柳溪县政府", "东坝县政府"]),
    ("岱山区、新庄县等政府门户网站存在领导简历信息不全等问题。", ["岱山区政府", "新庄县政府"]),
    ("沙河区政府网、城口县政府网多个栏目长期未更新。", ["沙河区政府", "城口县政府"]),
    # bare place names before a county share its level (and its 政府, when the list names their sites)
    ("丰都、石柱县政府网站均存在未标注信息来源的情况。", ["丰都县政府", "石柱县政府"]),
    ("桑林、云丘县政府网站未更新。", ["桑林县政府", "云丘县政府"]),
])
def test_places_share_a_government_site(sentence, names):
    units, problems = _found(PROBLEMS + sentence)
    assert [(n, units[n][0]) for n in names] == [(n, "website") for n in names]
    assert {n for n, _ in problems} == set(names)


def test_sites_of_a_region_counted_are_the_region():
    units, _ = _found("一、总体情况\n本次抽查拉萨市政府网站34个,合格28个;抽查日喀则市政府网站20个,合格15个。")
    assert set(units) == {"拉萨市", "日喀则市"}


# A list closed by 等N个政务新媒体(账号): bare account names are accounts, their account word is no name.
@pytest.mark.parametrize("sentence, names", [
    ("北塘统计、北塘市卫生健康委、北塘公安微信、北塘文旅抖音号等24个政务新媒体账号超过2周未更新。",
     ["北塘统计", "北塘市卫生健康委", "北塘公安", "北塘文旅"]),
    ("西岭融媒、西岭发布等5个政务新媒体长期未更新。", ["西岭融媒", "西岭发布"]),
])
def test_accounts_closed_by_a_new_media_noun(sentence, names):
    units, problems = _found(PROBLEMS + sentence)
    assert list(units) == names
    assert {n for n, _ in problems} == set(names)


def test_platform_names_in_a_list_are_no_units():
    units, _ = _found("一、总体情况\n抽查对象为政务微博、微信、今日头条、抖音短视频等政务新媒体账号。")
    assert units == {}


# A clause counting units, then their list: the clause's shortcoming goes to every item.
@pytest.mark.parametrize("sentence, names, problem", [
    ("抽查发现3个网站存在更新不及时问题,东坡县人民政府网站、西岭县人民政府网站、南山州人社局网。",
     ["东坡县人民政府", "西岭县人民政府", "南山州人社局"], "存在更新不及时问题"),
    ("经2次提醒仍未整改的政务新媒体2个,北塘工信、北塘民政。", ["北塘工信", "北塘民政"], "经2次提醒仍未整改"),
    # places counted with a bracketed level (村(社区)), the shared ending written once on the last item
    ("检查发现3个村(社区)公开栏内容陈旧,杏花村、柳岸社区、桃园、梨园村。", ["杏花村", "柳岸社区", "桃园村", "梨园村"],
     "公开栏内容陈旧"),
])
def test_a_counted_clause_labels_the_list_after_it(sentence, names, problem):
    units, problems = _found(PROBLEMS + sentence)
    assert [n for n in names if n in units] == names
    assert all(any(n == name and problem in d for n, d in problems) for name in names), problems


def test_a_count_after_another_list_labels_nothing():
    sentence = "上秦、碱滩9个单位添加及时全面,新墩、梁家墩11个单位虽已开通专栏但内容添加不全。"
    _, problems = _found(PROBLEMS + sentence)
    assert not any("及时全面" in d for _, d in problems)


def test_a_list_of_platforms_is_no_list_of_units():
    units, _ = _found("一、总体情况\n累计检查政务新媒体69个,涵盖微信公众号、微博等平台,未发现问题。")
    assert units == {}


# Short place names closed by 等(市级|县级)政府门户网站 are governments, as printed; a count is no closing.
@pytest.mark.parametrize("sentence, names", [
    ("其中,宣城、宿州等市级政府门户网站,全椒县、石台县等县级政府门户网站得分靠前。", ["宣城", "宿州", "全椒县", "石台县"]),
    ("对省、市、县三级共311个政府网站实现了全覆盖。", []),
])
def test_places_closed_by_government_sites(sentence, names):
    units, _ = _found("一、总体情况\n" + sentence)
    assert sorted(units) == sorted(names)
    assert all(units[n][0] in ("government", "website") for n in names)


def test_a_counted_clause_with_a_quoted_comma_labels_the_list():
    sentence = ("对纳入监管的139个政务新媒体进行检查,发现“监测点前2周内,微信内容无更新”的政务新媒体共3个,"
                "北塘工信、仁寿县教育体育、西岭国土视点。")
    units, problems = _found(PROBLEMS + sentence)
    assert list(units) == ["北塘工信", "仁寿县教育体育", "西岭国土视点"]
    assert all((name, "监测点前2周内,微信内容无更新") in problems for name in units)


def test_a_place_before_a_comma_is_no_label():
    units, _ = _found(PROBLEMS + "在东坡镇,政策文件、解读材料均未公开。")
    assert "政策文件" not in units


def test_a_clause_that_only_counts_the_items_gives_no_problem():
    units, problems = _found(PROBLEMS + "共检查乡镇3个,东坡镇、西岭镇、南山镇。")
    assert list(units) == ["东坡镇", "西岭镇", "南山镇"] and problems == []


def test_a_neutral_heading_without_a_count_names_no_problem():
    units, problems = _found(PROBLEMS + "(一)政府网站\n县财政局、县林业局\n")
    assert list(units) == ["县财政局", "县林业局"] and problems == []


@pytest.mark.parametrize("sentence", [
    "政务新媒体账号内容更新及时的单位有:县人社局、县应急局。",
    "信件办理排名前五的单位有:县公安局、县执法局。",
])
def test_labels_that_praise_give_no_problem(sentence):
    units, problems = _found(PROBLEMS + sentence)
    assert len(units) == 2 and problems == []


def test_a_negated_good_word_is_a_shortcoming():
    _, problems = _found(PROBLEMS + "政务新媒体账号内容更新不及时的单位有:县人社局、县应急局。")
    assert problems == [("县人社局", "政务新媒体账号内容更新不及时"), ("县应急局", "政务新媒体账号内容更新不及时")]


# Items with their counts after a counting clause and 其中: each item shares the clause's shortcoming.
@pytest.mark.parametrize("sentence, names, problem", [
    ("本季度监测发现错别字、敏感词等错误信息20条,其中:仁寿县10条、丹棱县9条、市公安局1条。",
     ["仁寿县", "丹棱县", "市公安局"], "错别字、敏感词等错误信息"),
    ("监测发现不合格账号3个,其中:北塘融媒1个、县公安局2个。", ["北塘融媒", "县公安局"], "不合格账号"),
])
def test_counted_items_after_a_counting_clause(sentence, names, problem):
    units, problems = _found(PROBLEMS + sentence)
    assert list(units) == names
    assert all((name, problem) in problems for name in names), problems


def test_a_neutral_counting_clause_gives_its_items_no_problem():
    units, problems = _found(PROBLEMS + "共检查乡镇3个,其中:东坡镇1个、县公安局2个。")
    assert problems == []


def test_a_score_after_each_item_is_no_part_of_its_name():
    doc = extract_text("一、检查结果\n得分排名前三位的是:东坪镇96.8分、西岭乡95.9分、南山镇95.2分。")
    assert [u["name"] for u in doc["units"]] == ["东坪镇", "西岭乡", "南山镇"]
