"""Named units on real notice sentences: what is a unit, its type and name, and what is not."""
from __future__ import annotations

import pytest

from extract.findings.context import Context
from extract.findings.gazetteer import divisions, nlp, ruler_patterns, ruler_spans
from extract import extract_text
from extract.findings.units import find_units, link_units
from extract.structure.sections import build_sections
from extract.text.normalise import normalise

from .conftest import NOTICES, SEED_000, SEED_003, SEED_004, document

PROBLEMS = "二、存在问题\n(一)检查发现的问题。"
OVERVIEW = "一、总体情况\n"


def _context(text: str) -> Context:
    norm = normalise(text)
    return Context(norm, build_sections(norm.text), [], None)


def _units(text: str) -> list[tuple[str, str]]:
    return [(u.name, u.type) for u in find_units(_context(text))]


@pytest.mark.parametrize("sentence, expected", [
    # Suffix and prefix rules.
    ("经查,三闸镇等8个单位未添加本机构政府信息公开指南;长安镇、区政府金融办未添加机构概况。",
     [("三闸镇", "township"), ("长安镇", "township"), ("区政府金融办", "department")]),
    ("部分县级部门、乡镇存在门户网站信息更新不及时现象,如县发改局、青神生态环境局、西龙镇、瑞峰镇、白果乡、高台镇。",
     [("县发改局", "department"), ("青神生态环境局", "department"), ("西龙镇", "township"), ("瑞峰镇", "township"),
      ("白果乡", "township"), ("高台镇", "township")]),
    ("兴平市人民政府、礼泉县未按要求更新政府信息公开年报。",
     [("兴平市人民政府", "government"), ("礼泉县", "government")]),
    ("省民政厅、市自然资源局未及时更新。", [("省民政厅", "department"), ("市自然资源局", "department")]),
    ("沈北新区、新民市、市自然资源局、市生态环境局网站在日常运维工作中信息更新数量与频次位居前列。",
     [("沈北新区", "government"), ("新民市", "government"), ("市自然资源局", "department"),
      ("市生态环境局", "department")]),
    ("其中,区市政管理局微信订阅号超6个月未更新,西街街道微信订阅号、三闸镇抖音账号超1个月未更新,"
     "东街街道交通巷社区微信订阅号注销后未备案。",
     [("区市政管理局", "department"), ("西街街道", "subdistrict"), ("三闸镇", "township"),
      ("东街街道交通巷社区", "community")]),
    ("化州市合江镇政府在政府信息公开指南栏目发布动态要闻类文章。", [("化州市合江镇政府", "township")]),
    ("由于区安监局未将门户网站审核表原件及时报送至我中心,故上传信息未被采纳发布。", [("区安监局", "department")]),
    ("发布较好的有:县市场监管局、县财政局、唐集镇低于最低标准的有:县农业农村局文化和旅游局、魏庄镇",
     [("县市场监管局", "department"), ("县财政局", "department"), ("唐集镇", "township"),
      ("县农业农村局", "department"), ("文化和旅游局", "department"), ("魏庄镇", "township")]),
    # New-media accounts by their quoted name, with the platform.
    ("部分政务新媒体也存在多次更新不及时情况,如“青神公安”微博号。", [("青神公安", "new_media")]),
    ("德山公安、湖南西湖、牧渔常德等微信公众号存在互动回应差。",
     [("德山公安", "new_media"), ("湖南西湖", "new_media"), ("牧渔常德", "new_media")]),
    # A site named by its owner.
    ("“盘锦市公安局”网站公开的《政府信息公开指南》存在多处错误。", [("盘锦市公安局", "department")]),
    ("1.高昌区政府网站:首页“自治区文件”栏目未及时更新。", [("高昌区政府", "website")]),
    # Lists sharing a suffix; bare lists closed by a group noun.
    ("西街、南街、北街、火车站街道9个单位添加及时全面。",
     [("西街街道", "subdistrict"), ("南街街道", "subdistrict"), ("北街街道", "subdistrict"),
      ("火车站街道", "subdistrict")]),
    # a supply co-operative's head office (供销合作总社) is a body
    ("县档案馆、县供销合作总社栏目长期未更新。", [("县档案馆", "department"), ("县供销合作总社", "department")]),
    # an ethnic township's ending is its peoples and its level (瑶族乡), shared whole
    ("伶站、朝里瑶族乡“财政信息”栏目未公开预算。", [("伶站瑶族乡", "township"), ("朝里瑶族乡", "township")]),
    ("沙井、大满、平山湖3个乡镇未申请开通专栏。",
     [("沙井", "township"), ("大满", "township"), ("平山湖", "township")]),
    ("北京、天津、上海等6个地区连续两个季度抽查合格率达100%。",
     [("北京", "government"), ("天津", "government"), ("上海", "government")]),
])
def test_units_in_sentences(sentence, expected):
    assert _units(PROBLEMS + sentence) == expected


def test_account_platform_and_alias():
    units = find_units(_context(PROBLEMS + "如“青神文旅”抖音号、“锦绣青神”微博。此外,三闸、甘浚等2个乡镇未更新;三闸镇、甘浚镇已整改。"))
    by_name = {u.name: u for u in units}
    assert by_name["青神文旅"].platform == "抖音"
    assert by_name["锦绣青神"].platform == "微博"
    assert by_name["三闸镇"].aliases == ["三闸"]
    assert "甘浚" in by_name["甘浚镇"].aliases


@pytest.mark.parametrize("sentence", [
    "各乡镇人民政府、各街道办事处要加强信息审核。",
    "区直各单位、部分单位、个别市州未建立政务公开专门机构。",
    "全县各县区政府网站运行平稳,我局将持续关注。",
    "部分单位出现了错别字,特别是“习近平总书记、人大常委会副主任”等领导职务称呼更应准确严谨。",
    "按照《国务院办公厅关于印发政府网站发展指引的通知》(国办发〔2017〕47号)要求开展检查。",
    "甘州区政务公开工作领导小组办公室对全区第一季度政府信息公开情况进行了检查。",
    "根据市信息办有关通报,全区依托“甘肃甘州”门户网站内“回应关切”栏目回应关切力度不足。",
    "随机抽查的53个“今日头条”账号中,16个超过2周未更新。",
    "政务新媒体账号开设于微信、新浪微博、抖音等平台。",
    "覆盖省市县乡四级的公开渠道,助力改革发展和加强政府自身建设。",
    # every body of a level (全县乡镇…, 各市…), and a name that opens with the level's group, name none
    "检查发现全县乡镇便民服务中心政务公开专区查阅设备不全。",
    "各市政务服务中心存在办事指南要素不全的问题。",
    "镇街综合便民服务中心公开栏内容陈旧。",
    "县民政局对城区两个街道所辖社区的居务公开情况进行了检查。",
    "社区“两委”成员名单仍为换届前人员。",
])
def test_not_units(sentence):
    assert _units(PROBLEMS + sentence) == []


# A verb of reporting before a name (反映, 投诉) is no part of it; 补办 ends in no office's 办.
@pytest.mark.parametrize("sentence, names", [
    ("热线受理群众诉求3件,反映东坡镇危房改造补助名单未公开。", ["东坡镇"]),
    ("县人社局办事指南中社保卡补办所需材料与窗口要求不一致。", ["县人社局"]),
    # places listed bare before a place's service body share the body's words, as bare names share an ending
    ("保城镇、六弓乡便民服务中心未设置政务公开专区。", ["保城镇便民服务中心", "六弓乡便民服务中心"]),
    ("东坡镇、西岭乡财政所公示栏内容陈旧。", ["东坡镇财政所", "西岭乡财政所"]),
    # 村干部 (village cadres) opens no village after a township
    ("裴梅镇村务公开栏未公布村干部报酬。", ["裴梅镇"]),
    # 逐村 (village by village), 不出镇 and 进驻 (a bureau's desk in a centre) end or join no name
    ("县扶贫办对全县扶贫资金分配结果实行逐村公示。", ["县扶贫办"]),
    ("东坡镇便民服务中心实行一站式服务,群众办事不出镇。", ["东坡镇便民服务中心"]),
    ("县房管局进驻政务服务中心的事项只受理不办理。", ["县房管局"]),
    # a station's whole name (农机总站); the last item of a list ends where its site's word or 无人… opens
    ("县畜牧局、县农机总站、县招商局网站首页超过2周未更新;东坡镇网站栏目空白。", ["县畜牧局", "县农机总站", "县招商局", "东坡镇"]),
])
def test_words_before_and_inside_names(sentence, names):
    assert [name for name, _ in _units(PROBLEMS + sentence)] == names


def test_requirements_directives_name_no_unit():
    text = "三、工作建议\n(一)提升网站功能。区政务服务局要通过改进搜索功能提升网站用户浏览的便捷性。"
    assert _units(text) == []


def test_seed_000_units():
    names = [u["name"] for u in document(SEED_000.name)["units"]]
    for name in ("三闸镇", "长安镇", "区政府金融办", "甘浚镇", "平山湖乡", "区市政管理局", "火车站街道"):
        assert name in names
    assert not any(n.startswith("各") for n in names)
    assert "区政务服务局" not in names and "市信息办" not in names
    units = {u["name"]: u for u in document(SEED_000.name)["units"]}
    assert units["三闸镇"]["aliases"] == ["三闸"] and units["上秦"]["type"] == "township"


def test_seed_003_tables_and_accounts():
    units = {u["name"]: u for u in document(SEED_003.name)["units"]}
    assert units["青竹街道"]["type"] == "subdistrict"
    assert units["县交通运输局"]["type"] == "department"
    assert units["锦绣青神"]["type"] == "new_media" and units["锦绣青神"]["owner"] == "县政府新闻办"
    assert units["青神公安"]["platform"] == "微博"
    assert units["青神县人民政府"]["type"] == "website"
    assert "县教体局" in units["青神县教育和体育局"]["aliases"]


def test_seed_004_traditional_source():
    units = {u["name"]: u for u in document(SEED_004.name)["units"]}
    assert set(units) == {"荷塘镇", "蓬江区人民政府"}
    mention = units["荷塘镇"]["mentions"][0]
    assert mention["source_end"] > mention["source_start"]


def test_mentions_carry_source_offsets():
    doc = document(SEED_000.name)
    for unit in doc["units"]:
        for mention in unit["mentions"]:
            assert {"start", "end", "source_start", "source_end"} <= set(mention)
            assert mention["end"] > mention["start"]


def test_link_units_fills_the_sentence_units():
    ctx = _context(PROBLEMS + "荷塘镇收到网民留言后,未能在5个工作日内作出答复。各单位要在5个工作日内答复。")
    units = find_units(ctx)
    first, second = ctx.text.index("5个工作日"), ctx.text.rindex("5个工作日")
    items = [{"units": [], "evidence": ctx.evidence(first, first + 5)},
             {"units": [], "evidence": ctx.evidence(second, second + 5)}]
    link_units(ctx, units, items)
    assert [i["units"] for i in items] == [["荷塘镇"], []]


def test_gazetteer_ships_divisions_and_patterns():
    table = divisions()
    assert table["兴平市"].level == "county" and table["兴平市"].parent == "610400"
    assert table["沈北新区"].code == "210113" and table["陕西省"].level == "province"
    ents = [(e.text, e.label_) for e in nlp()("礼泉县和沈北新区").ents]
    assert ("礼泉县", "DIV") in ents and ("沈北新区", "DIV") in ents


def test_hostile_list_of_fifty_thousand_names():
    names = "、".join(("三闸镇", "西街", "上秦", "县发改局", "“青神公安”")[i % 5] for i in range(50_000))
    units = find_units(_context(PROBLEMS + "经查," + names + "等8个单位未添加机构概况。"))
    assert {u.name for u in units} >= {"三闸镇", "县发改局"}
    assert len(units) < 10


def test_hostile_runs_of_han_characters():
    assert _units(PROBLEMS + "政" * 60_000 + "局未更新。" + "和" * 30_000 + "镇等3个乡镇。") == []


@pytest.mark.parametrize("text", [
    "礼泉县和沈北新区",
    "东关街道、西城区人民政府办公室及市场监管局未及时更新;北京市公安局微博号",
    "区 政府金融办与市  人社局\n河北省\u3000石家庄市",  # a space joins tokens, other whitespace parts them
    " 青神县公安局交通管理大队 ",
    "",
])
def test_ruler_spans_are_the_entity_rulers_entities(text):
    expected = [(e.start_char, e.end_char, e.label_, e.ent_id_) for e in nlp()(text).ents]
    assert ruler_spans(text) == expected


def _ents(text: str) -> list[tuple[int, int, str, str]]:
    return [(e.start_char, e.end_char, e.label_, e.ent_id_) for e in nlp()(text).ents]


def test_ruler_spans_break_ties_as_the_entity_ruler_does():
    """Every phrase the pattern file gives two labels (河北, 县长, 微博…) alone, in a row and in a sentence."""
    phrases: dict[str, set] = {}
    for pattern in ruler_patterns():
        phrases.setdefault(pattern["pattern"], set()).add(pattern["label"])
    shared = [phrase for phrase, labels in phrases.items() if len(labels) > 1]
    assert shared
    for text in shared + ["".join(shared), "、".join(shared), "经查," + " ".join(shared) + "未更新。"]:
        assert ruler_spans(text) == _ents(text), text


def test_ruler_spans_match_the_entity_ruler_on_every_bundled_line():
    """The automaton is the ruler's phrase matcher re-done in C: on real text the two never differ."""
    lines = [line for path in sorted(NOTICES.glob("*.txt")) for line in path.read_text("utf-8").splitlines()]
    assert len(lines) > 500
    for line in lines:
        assert ruler_spans(line) == _ents(line), line


@pytest.mark.parametrize("sentence, expected", [
    # A conjunction parts two names, even where 和县 is a county of the gazetteer.
    ("城关、东关、北关街道和县人社局未及时更新信息。",
     [("城关街道", "subdistrict"), ("东关街道", "subdistrict"), ("北关街道", "subdistrict"),
      ("县人社局", "department")]),
    ("县发改局和县财政局未按要求公开预算。", [("县发改局", "department"), ("县财政局", "department")]),
    ("南湖、西湖街道以及市人社局未及时回复留言。",
     [("南湖街道", "subdistrict"), ("西湖街道", "subdistrict"), ("市人社局", "department")]),
    ("和县未及时更新政府信息公开年报。", [("和县", "government")]),
    ("马鞍山市和县人民政府网站未及时更新。", [("马鞍山市和县人民政府", "website")]),
    ("北关街道和平社区未及时更新。", [("北关街道和平社区", "community")]),
    # Places missing from the gazetteer, whole, alone, in lists and after 其中 / 如.
    ("白石县人民政府门户网站首页信息更新不及时。", [("白石县人民政府", "website")]),
    ("东陵市政府网站存在错别字。", [("东陵市政府", "website")]),
    ("北原市发展和改革委员会、南屏市卫生健康委员会未及时公开年度预算。",
     [("北原市发展和改革委员会", "department"), ("南屏市卫生健康委员会", "department")]),
    ("其中白石县人民政府未按要求更新栏目。", [("白石县人民政府", "government")]),
    ("如东陵市政府、北原市发展和改革委员会网站存在空白栏目。",
     [("东陵市政府", "government"), ("北原市发展和改革委员会", "department")]),
    ("在本次测评中,青湾区、柳溪县、东坝县得分位列后三位。",
     [("青湾区", "government"), ("柳溪县", "government"), ("东坝县", "government")]),
    ("青湾区、柳溪县和东城区得分较高。",
     [("青湾区", "government"), ("柳溪县", "government"), ("东城区", "government")]),
    ("抽查白石县政府网站时发现错链。", [("白石县政府", "website")]),
])
def test_units_found_on_unseen_wording(sentence, expected):
    assert _units(PROBLEMS + sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # Counts and function words are no names; a bare ending is never a unit.
    ("本次共检查3个街道、5个镇、12个社区,发现问题28个。", []),
    ("共有两个街道、三个社区未及时整改。", []),
    ("所辖社区未按时向街道报送信息。", []),
    ("所属单位向阳社区未及时更新。", []),
    ("本次测评覆盖全市12个县区、108个乡镇。", []),
    ("辖区内社区、城区、全县各单位未及时更新。", []),
    ("向阳街道、东关街道未及时更新。", ["向阳街道", "东关街道"]),
    # Ordinary words ending in 市/县/区, and verbs before an admin word, are no unknown places.
    ("各地级市人民政府要加强统筹。", []),
    ("东湖小区、西湖小区物业管理不规范。", []),
    ("经开区、保税区、高新区门户网站运行正常。", []),
    ("希望各部门高度重视区政府门户网站信息更新工作。", []),
    ("请各地认真落实,确保市政府网站安全运行。", []),
    ("登录县政府网站可以查询办事指南。", []),
    ("本市、全县、辖区政府网站运行平稳。", []),
    # 办公 before a noun of the office's own (办公地址) is no office's ending; 办 before 公开 still is one
    ("县档案馆的指南未载明办公地址和办公时间。", ["县档案馆"]),
    ("县人防办公开目录仅有机构概况一类信息。", ["县人防办"]),
    # Addressees of a report and inspectors, a list sharing the word that makes them so.
    ("东关街道未按要求向区住建局、区城管局报送数据。", ["东关街道"]),
    ("整改情况已抄送区住建局。", []),
    ("区数据局于9月组织开展了全区政府网站检查。", []),
    ("区数据局 组织开展了全区政府网站检查。", []),
    ("区数据局、区网信办对全区政府网站进行了检查,南湖镇未及时整改。", ["南湖镇"]),
    ("区数据局依托省监管平台,并委托某某科技公司对全区网站进行了监测,南湖镇未及时整改。", ["南湖镇"]),
    # divisions created or renamed since 2017 are known by their names (the older names too)
    ("潞州区、屯留区未公开财政预算,襄垣县未更新。", ["潞州区", "屯留区", "襄垣县"]),
    ("临平区、钱塘区未公开财政预算,祁阳市未更新。", ["临平区", "钱塘区", "祁阳市"]),  # by 2023
    # a township whose name opens with a word of prose (由, 向, 将) keeps it when the gazetteer knows the name;
    # when the rest is a township too (阳峪镇), only where the name opens its clause
    ("保场镇;由旺镇公开栏超过3个月未更新。", ["保场镇", "由旺镇"]),
    ("施甸县由旺镇公开栏超过3个月未更新。", ["施甸县由旺镇"]),
    ("经查将军营镇公开栏未更新。", ["将军营镇"]),
    ("东湖镇;向阳峪镇公开栏未更新。", ["东湖镇", "向阳峪镇"]),
    ("东湖镇公开栏未更新,由阳峪镇负责。", ["东湖镇"]),
    # a verb before a township's or community's ending names no place (建设镇, a known township, does)
    ("已完成乡政府信息公开指南更新,东湖镇未更新。", ["东湖镇"]),
    ("推动社区公开事项目录全覆盖,东湖镇未更新。", ["东湖镇"]),
    ("建设镇公开栏未更新。", ["建设镇"]),
    # bodies that help the inspection: a company doing its technical work, a body passing a case on to the one
    # that handles it, one verifying the findings, reporting others' or explaining to the units
    ("某某科技有限公司承担了错别字的技术扫描,南湖镇未整改。", ["南湖镇"]),
    ("县人社局转交县医保局办理的2件留言超期未答复。", ["县医保局"]),
    ("县数据局对发现的问题进行了逐条核实,南湖镇未整改。", ["南湖镇"]),
    ("县数据局通报了市级检查中发现的共性问题,南湖镇未整改。", ["南湖镇"]),
    ("县统计局已就人口数据口径向各单位作出说明,南湖镇未整改。", ["南湖镇"]),
    ("县信访局转来的网民留言中,“南湖发布”微信公众号对2条留言超过10天未回复。", ["南湖发布"]),
    ("全县培训在北关街道举办,县档案馆就查阅点建设作了辅导。南湖镇未整改。", ["南湖镇"]),
    ("县委宣传部对新闻信息发布情况进行了协查,县司法局对答复文书进行了合法性审查。南湖镇未整改。", ["南湖镇"]),
    ("县融媒体中心承担了稿件的集中审校工作,南湖镇未整改。", ["南湖镇"]),
    # the offices that run the inspections, named by their level, are the notice's own; another place's (临汾市
    # 政务公开办) is named whole, and a team formed of bodies, the last with a word no ending closes, holds none assessed
    ("临汾市政务公开办派员全程参加,县政务公开办对各乡镇进行了督查。南湖镇未整改。", ["南湖镇"]),
    ("县政务公开办、县民政局、县纪委党风室组成联合督查组,对各镇进行了督查。南湖镇未整改。", ["南湖镇"]),
    # a superior that issued a document, alone or listed with others before 关于, sets the work
    ("定西市人民政府办公室随后下发了整改督办单,南湖镇未整改。", ["南湖镇"]),
    ("为贯彻落实广东省委办公厅、省政府办公厅关于加强政务微博工作的意见,县委宣传部进行了检查。南湖镇未整改。", ["南湖镇"]),
    # the body a case was passed to, then what it did with it (转X办理的, 由X承办的), is assessed on the cases
    ("县长信箱收到来信286件,其中转县人社局办理的31件中,有5件超过20天才答复。", ["县人社局"]),
    ("县长信箱来信中,由县住建局承办的6件超过15个工作日未答复。", ["县住建局"]),
    ("群众来信已转县信访局处理,南湖镇未整改。", ["南湖镇"]),
    # a platform's word before 政务微博 (腾讯政务微博) is no account's name; a campaign's name (“回头看”) is no account
    ("东坡镇、西岭乡的腾讯政务微博开通以来发布信息均不足20条。", ["东坡镇", "西岭乡"]),
    ("县政府办公室将组织开展政务新媒体“回头看”,南湖镇未整改。", ["南湖镇"]),
    # a source others' content was taken from, and a body that is no more, are not assessed
    ("南湖镇转载的县卫生健康局疫情防控通告未注明来源。", ["南湖镇"]),
    ("南湖镇将市应急管理局提供的预警信息发布时间写错。", ["南湖镇"]),
    ("市交通局的目录照搬省交通运输厅目录,未结合本单位实际。", ["市交通局"]),
    ("南湖镇菜单栏仍保留已撤并的原县工商局办事入口。", ["南湖镇"]),
    # a quoted place written in error (写为“荔浦县”) is no body; a column quoted after a township is its page
    ("南湖镇栏目内多篇信息仍将“荔浦市”写为“荔浦县”。", ["南湖镇"]),
    ("东湖镇、南湖镇“镇情简介”仍为2018年数据。", ["东湖镇", "南湖镇"]),
    # a conjunction before a known township whose name is short (和马镇: 和 + 马镇)
    ("不合格的2个账号为沙峁镇“沙峁发布”和马镇微信公众号。", ["沙峁发布", "马镇"]),
    # a count after one word names a class, not the word (覆盖17个乡镇)
    ("考核覆盖17个乡镇和45个县直单位,南湖镇未整改。", ["南湖镇"]),
    # the authors of reports published late (直至…才发布, 迟至…才公开) are assessed on them
    ("县畜牧局、县粮食局2012年度政府信息公开工作年度报告直至2013年6月才发布。", ["县畜牧局", "县粮食局"]),
    # a member or staff of a body is a person
    ("邀请了1名县政协委员作为社会监督员参与,南湖镇未整改。", ["南湖镇"]),
    # …but a body's own charge, faulted (负责维护的专题, 负责的工程), is assessed
    ("县发改局负责维护的“项目建设”专题超过3个月未更新。", ["县发改局"]),
    ("县交通局负责的公路改建工程仅公开了批准信息。", ["县交通局"]),
    # a body whose template the units are checked for following (是否使用…印发的格式) is a rule-setter
    ("检查重点为报告是否使用国务院办公厅政府信息与政务公开办公室印发的新版格式,南湖镇未按时发布。", ["南湖镇"]),
    # a body whose figures the faulted ones are compared with is a reference, not assessed
    ("南湖镇年报复议数据与区司法局统计数据不符。", ["南湖镇"]),
    ("“南湖发布”微博公布的停运时间与县交通运输局通告不一致。", ["南湖发布"]),
    ("县财政局与县审计局网站均未更新。", ["县财政局", "县审计局"]),
    # a quoted slogan or norm after an account word, then a word for what it is (要求, 制度), is no account
    ("各地落实政务新媒体“一账号一责任人”要求,南湖镇未整改。", ["南湖镇"]),
    ("政务新媒体“三审三校”制度落实不到位,南湖镇未整改。", ["南湖镇"]),
    # a list of accounts takes no shared place ending (…发布, …融媒 are accounts' names), and in a list closed as
    # accounts an item that opens with a place and goes on is one account's name
    ("桐林发布、桐林融媒、大溪镇、石门镇政务等4个账号存在错别字。", ["桐林发布", "桐林融媒", "大溪镇", "石门镇政务"]),
    # a known township whose name holds a county's short form (丰镇, 北镇) or another ending (县, 区) is one name
    ("庆丰镇公开栏未更新。", ["庆丰镇"]),
    ("城北镇、河东乡公开栏未更新,丰镇市网站未更新。", ["城北镇", "河东乡", "丰镇市"]),
    ("旧县镇公开栏未更新。", ["旧县镇"]),
    # a list of townships' sites: each names its government's site (the first written whole takes 政府 alone)
    ("明月镇、白河镇政府网站更新不及时。", ["明月镇政府", "白河镇政府"]),
    ("东山、西山镇政府网站更新不及时。", ["东山镇政府", "西山镇政府"]),
    # a known township opening its run keeps what reads as a word of prose (有, 将, 让, 家)
    ("黄圩镇、大有镇未公开本级标准目录。", ["黄圩镇", "大有镇"]),
    ("汪二镇、英将乡网站一季度无更新。", ["汪二镇", "英将乡"]),
    ("经查,古市镇、马市镇未公开惠农补贴发放信息。", ["古市镇", "马市镇"]),
    # a list sharing a township's ending: a first item that is a known township with it keeps what reads as a
    # count (七级镇); one of which nothing is left once trimmed is dropped, the others kept
    ("七级、贺营、章台镇未公开惠农补贴发放信息。", ["七级镇", "贺营镇", "章台镇"]),
    ("五级、贺营、章台镇未公开惠农补贴发放信息。", ["贺营镇", "章台镇"]),
    # a common noun ending in a level (棚户区) closes no name
    ("汾阳市棚户区改造项目信息仅公开至2017年。", ["汾阳市"]),
    # words about an account (its word inside them) that run on to an ending name no body
    ("“柳营发布”抖音号简介仍标注为原乡政府办公室,南湖镇未及时整改。", ["柳营发布", "南湖镇"]),
    # a spam word a hijacked mirror put into the text is no body, whatever it ends in
    ("本季度对全区政务新媒体进行了监测太阳城集团,南湖镇未及时整改。", ["南湖镇"]),
    # a province's short form opening a firm's or institute's name (the evaluator) is no province assessed
    ("受委托,山东某某公共管理研究院对全市网站开展了评估,南湖镇未及时整改。", ["南湖镇"]),
    # a check word after a name is its inspector's verb, unless a verdict follows it (测评等次为不合格)
    ("区数据局测评了各乡镇的政务公开专区。", []),
    # inspectors who clear up or sort others' accounts (对全县…进行了清理), or who name their time before a comma
    ("县委网信办、县政府办公室对全县政务新媒体进行了全面清理,南湖镇未及时整改。", ["南湖镇"]),
    ("区数据局于2021年1月1日至3月31日,依托监管平台对全区网站进行了监测,南湖镇未及时整改。", ["南湖镇"]),
    ("南湖镇对栏目进行了清理,但仍有空白栏目。", ["南湖镇"]),  # its own columns: no inspector
    ("南湖镇测评等次为不合格,东关街道检查不达标。", ["南湖镇", "东关街道"]),
])
def test_names_on_unseen_wording_that_are_no_units(sentence, expected):
    assert [name for name, _ in _units(PROBLEMS + sentence)] == expected


NOTICE = """区数据局关于政府网站、政务新媒体第三季度检查情况的通报

各街道办事处,区政府各部门:

区数据局组织开展了第三季度检查,现将有关情况通报如下。

一、存在问题

东关街道微信公众号超过2周未更新。{extra}

二、工作要求

各单位要于10月15日前向区住建局报送整改情况。

区数据局
2025年9月30日
"""


@pytest.mark.parametrize("extra, expected", [
    ("区数据局门户网站运行平稳。", ["东关街道"]),  # the issuer, named alone, assesses itself no more
    ("区数据局、区城管局政务微博回复不及时。", ["东关街道", "区数据局", "区城管局"]),  # listed with others
])
def test_the_issuer_is_no_unit_of_its_own_notice(extra, expected):
    assert [u["name"] for u in extract_text(NOTICE.format(extra=extra))["units"]] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("东湖区政务公开工作仍存在不足,部分栏目更新不及时。", []),  # the place its issuer governs, under its city
    ("西湖区政务公开工作仍存在不足,部分栏目更新不及时。", ["西湖区"]),  # another district
])
def test_the_place_of_a_city_district_issuer_is_its_own(sentence, expected):
    text = f"关于检查情况的通报\n各街道:\n一、存在问题\n{sentence}\n某某市东湖区人民政府\n2025年9月30日\n"
    assert [u["name"] for u in extract_text(text)["units"]] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("东湖县人民政府办公室网站栏目更新不及时,北山乡网站未更新。", ["北山乡"]),  # its government's office
    ("县政府办网站栏目更新不及时,北山乡网站未更新。", ["北山乡"]),
    ("西湖县人民政府办公室网站栏目更新不及时,北山乡网站未更新。", ["西湖县人民政府办公室", "北山乡"]),  # another's
])
def test_a_place_that_opens_the_title_issues_through_its_government(sentence, expected):
    text = f"东湖县关于政府网站检查情况的通报\n来源:东湖县人民政府办公室\n各乡镇:\n一、存在问题\n{sentence}\n"
    assert extract_text(text)["issuer"] == "东湖县"
    assert [u["name"] for u in extract_text(text)["units"]] == expected



# A time after a name qualifies the clause (3月份未…), a lead word opening a name's word stays (经济, 经开),
# and a 主送 line run into the body names addressees.
@pytest.mark.parametrize("text, expected", [
    (PROBLEMS + "其中:“多彩西岭”“东坡县退役军人事务局”微信公众号3月份未按要求进行更新。",
     [("多彩西岭", "new_media"), ("东坡县退役军人事务局", "new_media")]),
    (PROBLEMS + "市经济合作局、经开区管委会“信息公开”栏目更新不及时。",
     [("市经济合作局", "department"), ("经开区管委会", "department")]),
    ("各县(区)人民政府,经开区管委会,市政府各部门:按照有关要求,现将检查情况通报如下。\n" + PROBLEMS +
     "县财政局栏目更新不及时。", [("县财政局", "department")]),
])
def test_time_qualifiers_name_words_and_addressee_lines(text, expected):
    assert _units(text) == expected


# 点击/浏览/打印/关闭 in prose are verbs, not page furniture; a mini program is an account on 微信.
@pytest.mark.parametrize("text, expected", [
    (PROBLEMS + "仁寿县人民政府网站“在线融资”子栏目点击后无法打开。", [("仁寿县人民政府", "website")]),
    (PROBLEMS + "“北塘就业服务”小程序更新不及时。", [("北塘就业服务", "new_media")]),
])
def test_prose_verbs_and_mini_programs(text, expected):
    assert _units(text) == expected


@pytest.mark.parametrize("sentence", [
    "县政务信息中心对县政府网站及全县政务新媒体开展了第四季度第三次自查。",
    "市数据局于2024年3月初对全市政府网站进行了第一季度普查。",
])
def test_the_inspector_by_what_follows_it(sentence):
    assert _units(OVERVIEW + sentence) == []
