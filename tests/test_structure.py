"""Sections and metadata on real notices and on table-driven damage cases."""
from __future__ import annotations

import pytest

from tongbao import extract_text

from extract.structure.metadata import extract_metadata, normalise_doc_number, split_names
from extract.structure.numerals import chinese_to_int
from extract.structure.sections import build_sections, classify_title
from extract.text.normalise import normalise

from .conftest import SEED_000, SEED_001, SEED_003, SEED_004


def _parse(path):
    text = normalise(path.read_text("utf-8")).text
    meta = extract_metadata(text)
    return text, meta, build_sections(text, meta.body_end)


@pytest.mark.parametrize("numeral, value", [("一", 1), ("十", 10), ("十五", 15), ("二十", 20), ("九十九", 99),
                                            ("一百二十三", 123), ("二〇二一", 2021), ("三亿五千万", 350_000_000),
                                            ("两千", 2000), ("abc", None)])
def test_chinese_numerals(numeral, value):
    assert chinese_to_int(numeral) == value


def test_seed_000_lost_headings_give_two_implied_sections():
    _, meta, roots = _parse(SEED_000)
    assert [(r.number, r.kind, r.implied) for r in roots] == [
        (None, "overview", True), (None, "problems", True), ("三", "requirements", False)]
    assert [c.title for c in roots[1].children][:2] == ["政府网站空白栏目较多", "政府信息公开质量不高"]
    assert len(roots[0].children) == 3 and len(roots[1].children) == 5 and len(roots[2].children) == 5
    assert meta.attachments == ["第一季度政府信息公开主要栏目添加情况汇总表", "第一季度基层政务公开专栏信息添加情况",
                                "第一季度政务新媒体检查情况汇总表"]
    assert meta.issuer == "甘州区政务公开工作领导小组办公室" and meta.date == "2021-03-31"
    assert meta.cc == ["区政府办公室"]


def test_seed_001_metadata_and_kinds():
    _, meta, roots = _parse(SEED_001)
    assert meta.doc_number == "甘政办发〔2017〕136号"
    assert meta.date == "2017-08-11"
    assert meta.issuer == "甘肃省人民政府办公厅"
    assert [r.kind for r in roots] == ["overview", "achievements", "problems", "requirements"]
    assert [len(r.children) for r in roots] == [0, 6, 5, 4]


def test_seed_003_period_and_sections():
    _, meta, roots = _parse(SEED_003)
    assert meta.period == {"start": "2020-11-24", "end": "2021-02-22"}
    assert meta.date == "2021-02-24"
    assert [r.kind for r in roots] == ["overview", "problems", "requirements"]
    assert meta.attachments[1] == "2021年第一季度县政府门户网站信息公开情况统计表(部门)"


def test_seed_004_title_contacts_and_period_inheriting_the_year():
    _, meta, roots = _parse(SEED_004)
    assert meta.title == "江门市蓬江区2020年第二季度政府网站监测情况的通报"
    assert meta.date == "2020-08-05"
    assert meta.period == {"start": "2020-06-16", "end": "2020-06-20"}
    assert meta.contacts == [{"name": "刘薇薇", "phone": "3833277"}]
    assert [r.kind for r in roots] == ["overview", "problems", "requirements"]


@pytest.mark.parametrize(
    "title, kind",
    [("总体情况", "overview"), ("监测总体情况", "overview"), ("主要特点", "achievements"),
     ("存在问题", "problems"), ("发现的主要问题", "problems"), ("下一步工作要求", "requirements"),
     ("问题整改及下一步措施", "requirements"), ("工作建议", "requirements"), ("检查结果及存在问题", "problems"),
     ("附件", "attachments"), ("其他事项", None), ("重点任务", "requirements"), ("职责分工", "requirements"),
     ("检查不合格的政务新媒体名单", "problems"), ("总体运行情况", "overview"), ("考核结果", "overview"),
     ("优秀单位(5个)", "achievements"), ("工作完成情况及成效", "achievements"),
     ("主动公开政府信息情况", "other"), ("政府信息主动公开情况", "other"), ("依申请公开办理情况", "other"),
     ("收费及减免情况", "other"), ("行政复议、行政诉讼情况", "other"),
     ("通报批评的单位", "problems"), ("通报表扬单位", "achievements"), ("典型经验", "achievements"),
     ("好的做法", "achievements"), ("创新做法", "achievements"), ("下步打算", "requirements"),
     ("下一阶段工作", "requirements"), ("考核结果运用", "requirements"), ("存在困难", "problems"),
     ("需要改进的地方", "problems"), ("考核排名", "overview"), ("排名靠后的单位", "problems"),
     ("表现较好的账号", "achievements"), ("处理意见", "requirements"), ("扣分情况", "problems"),
     ("主要失分点", "problems"), ("一票否决情况", "problems"), ("考核优秀的政务新媒体(前6名)", "achievements"),
     ("考核等次", "overview"),
     # shortcomings and their remedy together are problems; lists of units failing a standard; scores are
     # results; a plan of work orders it
     ("存在的不足及改进措施", "problems"), ("政务公开专区建设不达标单位名单", "problems"),
     ("未达标单位名单", "problems"), ("需整改单位名单", "problems"), ("典型错误", "problems"),
     ("评估得分", "overview"), ("考评得分", "overview"),
     ("下半年工作计划", "requirements"), ("督查意见", "requirements"), ("“红榜”单位(5个)", "achievements"),
     ("“黑榜”单位(3个)", "problems"), ("红色预警单位", "problems"),
     ("约谈事由", "problems"), ("需关停整合的网站", "problems"),
     # how the work went is its general state; what it achieved is achievements
     ("工作开展情况", "overview"), ("自查工作开展情况", "overview"), ("主要工作成效", "achievements"),
     # lists of units by outcome: put right is a result, still open is a shortcoming, the best are achievements
     ("已整改到位的单位(9个)", "overview"), ("整改销号情况", "overview"), ("仍未整改到位的单位", "problems"),
     ("整改中", "problems"), ("督办事项", "problems"), ("政务微信影响力前五名", "achievements"),
     ("做得好的", "achievements"), ("合格账号(139个)", "overview"), ("已完成整改的单位", "overview"),
     ("未完成整改的单位", "problems"), ("检查不合格的网站", "problems"), ("整改完成情况", "overview"),
     ("2020年政务公开工作完成情况及成效", "achievements"),
     # when work must be done plans it; who is summoned, and why, is a shortcoming
     ("时间安排", "requirements"), ("整改时限", "requirements"), ("严格时间节点", "requirements"),
     ("约谈对象及原因", "problems"),
     # a limit on the work orders it, though it names its completion; a list of what published nothing is a fault
     ("限期完成整改", "requirements"), ("公开信息为零的栏目名单", "problems"), ("信息发布为零的单位", "problems"),
     ("超期单位及数量", "problems"),
     # a few words of counsel close a report's findings as its orders
     ("几点意见", "requirements"), ("几点建议", "requirements")],
)
def test_heading_vocabulary(title, kind):
    assert classify_title(title) == kind


@pytest.mark.parametrize(
    "text, kinds",
    [
        # a 通知 that sets tasks: headings that order work, and any heading it does not name otherwise
        ("东坪镇:\n复查发现你镇整改不到位。现予以督办,具体要求如下:\n一、立即整改\n甲。\n二、说明情况\n乙。\n三、跟踪问效\n丙。",
         ["requirements", "requirements", "requirements"]),
        ("各科室:\n现就有关事项通知如下:\n一、落实主体责任\n甲。\n二、规范内容发布\n乙。\n三、考评对象\n丙。",
         ["requirements", "requirements", "requirements"]),
        ("各镇:\n《工作要点》已经同意,现印发给你们,请认真贯彻执行。\n一、深化重点领域公开\n甲。\n二、组织实施\n乙。",
         ["requirements", "requirements"]),
        # …but a heading that reports a state (前期暗访情况) tells what was found, unless a verb opens it (按时报送情况)
        ("各单位:\n现将有关事项通知如下:\n一、前期暗访情况\n甲。\n二、自查内容\n乙。\n三、按时报送情况\n丙。",
         ["overview", "requirements", "requirements"]),
        # a sentence heading announcing what the issuer will do (将会同…开展…) plans work, whatever faults it names
        ("各单位:\n现将有关事项通知如下:\n一、整改要求\n甲。\n二、县政府办公室将会同督查室于11月开展复查,对整改不到位的单位予以通报\n乙。",
         ["requirements", "requirements"]),
        # …and in one that orders faults fixed, headings sorting them by group or field state them, whatever order
        # closes the last one
        ("各单位:\n现将有关事项通知如下:\n一、县级部门\n甲局网站栏目空白;乙局政策解读不规范。\n二、乡镇\n丙镇公开栏内容不完整。\n"
         "请有关单位在收到本通知后10个工作日内完成整改。", ["problems", "problems"]),
        # a letter that announces a rectification and asks it done as below (请按以下要求办理): its headings order work
        ("县统计局:\n你局未按时报送目录。现予督办,请按以下要求办理:\n一、限期补报\n甲。\n二、重新核对\n乙。\n三、逾期处理\n丙。",
         ["requirements", "requirements", "requirements"]),
        # …so do headings naming a channel as a field (政务新媒体方面)
        ("各单位:\n现将检查情况通报如下:\n一、总体情况\n甲。\n二、政务新媒体方面\n“乙发布”自3月后未再更新。\n三、工作要求\n丙。",
         ["overview", "problems", "requirements"]),
        # a report's headings naming only a group of units or a period take their first sentence's kind
        ("各单位:\n现将测评结果通报如下:\n一、镇(区)\n甲镇92分,乙镇88分。\n二、县直部门(8个)\n丙局网站超过2周未更新。\n"
         "三、第一季度\n丁镇、戊镇更新及时,表现突出。", ["overview", "problems", "achievements"]),
        # headings naming a part of the findings by field or group: problems when their text only states
        # shortcomings, an overview when it also gives totals, rates or praise; method headings stay other
        ("各单位:\n现将检查情况通报如下:\n一、内容更新\n全县共发布信息3476条,甲镇信息发布数量位居前列。乙镇栏目无更新。\n"
         "二、互动回应\n丙局有2件来信超期办理;丁局答复内容未回应具体诉求。\n三、检查方法\n采取人工检查与技术监测相结合的方式。",
         ["overview", "problems", "other"]),
        ("各单位:\n现将检查情况通报如下:\n一、各镇网站\n甲镇、乙镇网站运行正常,丙镇子栏目附件下载链接失效。\n"
         "二、办事服务\n丁镇网上办事指南缺少办理时限等要素。", ["overview", "problems"]),
        # a short heading, a space for the lost line break, then its section's first sentence
        ("各单位:\n现将有关情况通报如下:\n一、清理情况 经检查,24个账号运行正常。\n二、存在的问题\n乙。", ["overview", "problems"]),
        # with no 一、 and no (一), headings numbered (1), (2) alone on their lines, over 1. items, are the top level
        ("各乡镇:\n现将检查情况通报如下:\n(1)基本情况\n甲。\n(2)存在问题\n1.目录不全。乙镇未公开。\n2.更新慢。丙镇未更新。\n"
         "(3)整改要求\n丁。", ["overview", "problems", "requirements"]),
        # a heading telling its addressees to act orders work, though it names their problems (not 各乡镇存在的主要问题)
        ("各单位:\n现将检查情况通报如下:\n一、总体情况\n甲。\n二、各乡镇存在的主要问题\n乙。\n三、各单位要对照问题抓紧整改\n丙。",
         ["overview", "problems", "requirements"]),
        # a verb ordering a shortcoming mended orders work, though the heading names the shortcoming
        ("各镇:\n《工作要点》已经同意,现印发给你们。\n一、补齐村级公开短板\n甲。\n二、弥补审核薄弱环节\n乙。",
         ["requirements", "requirements"]),
        # a report of results: results headings are overviews, a list of failing units is problems,
        # an order-giving heading is requirements
        ("各单位:\n现将检查情况通报如下:\n一、检查结果\n甲。\n二、检查不合格的政务新媒体名单\n乙。\n三、强化日常监管\n丙。",
         ["overview", "problems", "requirements"]),
        ("各单位:\n现将有关情况通报如下:\n一、监管实施情况\n甲。\n二、政务新媒体工作\n乙。\n三、下一步工作\n丙。",
         ["overview", "overview", "requirements"]),
        # a 通报 that asks its readers to carry it out is still a report; an annual report that 报告如下 too
        ("各单位:\n现将有关情况通报如下,请认真贯彻落实。\n一、网站运行情况\n甲。\n二、政务公开工作\n乙。",
         ["overview", "overview"]),
        ("某镇2025年政府信息公开工作年度报告\n现将我镇2025年度政府信息公开工作情况报告如下。\n一、总体情况\n甲。\n"
         "二、重点领域公开工作情况\n乙。", ["overview", "other"]),
        # a heading that opens with a verb but reports a state is no order
        ("各单位:\n现将有关情况通报如下:\n一、建立健全工作制度情况\n甲。", ["overview"]),
        # 整改情况 reports what was put right, or orders it: its body decides
        ("各单位:\n现将有关情况通报如下:\n一、存在问题\n甲。\n二、整改情况\n截至6月底,18个问题已整改到位,整改率90%。",
         ["problems", "overview"]),
        ("各单位:\n现将有关情况通报如下:\n一、存在问题\n甲。\n二、整改情况\n各单位要立即整改,请于6月底前报送整改报告。",
         ["problems", "requirements"]),
        # an annual report: its statistics sections, and headings it does not name, are other
        ("某镇2023年政府信息公开工作年度报告\n本报告由某镇编制。\n一、概述\n甲。\n二、政府信息公开情况\n乙。\n"
         "三、收到和处理政府信息公开申请情况\n丙。", ["overview", "other", "other"]),
        # its preamble lost, an annual report is known by its statistics sections
        ("二、主动公开政府信息情况\n甲。\n三、重点领域公开工作情况\n乙。", ["other", "other"]),
        # a 通知 that says it sets work is no annual report for a heading that names a disclosure task
        ("各部门:\n现将二季度需重点关注的事项提示如下。\n一、主动公开基本目录编制\n甲。\n二、政策文件库更新\n乙。\n三、依申请公开\n丙。",
         ["requirements", "requirements", "requirements"]),
        # in such a 通知, a sentence that orders work and a task about problems are tasks, whatever they name;
        # in a report, the same words state a result and a shortcoming
        ("各单位:\n现将有关事项通知如下:\n一、市里将于6月组织抽查,各单位要在5月底前完成自查,整改到位\n甲。\n"
         "二、对照问题再排查\n乙。", ["requirements", "requirements"]),
        ("各单位:\n现将有关情况通报如下:\n一、空白栏目已整改到位\n甲。\n二、对照检查发现的问题\n乙。",
         ["overview", "problems"]),
        # an annual report titles its own work done by a verb or two paired phrases; a 通知 so titles tasks
        ("某县2022年政府信息公开工作年度报告\n本报告由某县政府办公室编制。\n一、强化组织领导,健全工作机制\n甲。\n"
         "二、聚焦重点,拓宽公开渠道\n乙。\n三、主动公开政府信息情况\n丙。", ["achievements", "achievements", "other"]),
        ("各单位:\n现将有关事项通知如下:\n一、强化组织领导,健全工作机制\n甲。\n二、聚焦重点,拓宽公开渠道\n乙。",
         ["requirements", "requirements"]),
        # a report whose last section closes with a paragraph ordering the next step, under no heading of its
        # own: that paragraph is an implied requirements section; one that only tells what the issuer will do
        # is not
        ("各单位:\n现将有关情况通报如下:\n一、总体情况\n甲。\n二、存在问题\n乙镇网站未更新。\n下一步,各单位要加强审核。",
         ["overview", "problems", "requirements"]),
        ("各单位:\n现将有关情况通报如下:\n一、总体情况\n甲。\n二、存在问题\n乙镇网站未更新。\n下一步,我办将继续加强监管。",
         ["overview", "problems"]),
        # a report that sorts its findings by field: a field that lists faults is problems, one that states a
        # result an overview (a channel's field as a channel's heading; changed 2026-12-07, it was other)
        ("各单位:\n现将有关情况通报如下:\n一、政府网站方面\n甲镇网站首页超过2周未更新。\n二、政务新媒体方面\n"
         "乙镇公众号留言未回复。", ["problems", "problems"]),
        ("各单位:\n现将有关情况通报如下:\n一、政府网站方面\n全县网站运行平稳。\n二、存在问题\n乙镇公众号留言未回复。",
         ["overview", "problems"]),
        # a heading that only names a channel takes its first sentence's kind: a shortcoming or a result
        ("各单位:\n现将有关情况通报如下:\n一、县(区)政府门户网站\n甲县网站首页超过2周未更新。\n二、政务新媒体\n"
         "乙镇公众号留言未回复。\n三、工作要求\n丙。", ["problems", "problems", "requirements"]),
        ("各单位:\n现将有关情况通报如下:\n一、市直部门网站\n得分在90分以上的有甲局、乙局。丙局网站未更新。\n二、存在问题\n丁。",
         ["overview", "problems"]),
        # a manner of acting (立即, 及时, 限期) orders what the heading names, 情况 too; a list of units it names is
        # no order (限期整改的网站)
        ("各单位:\n现将有关情况通报如下:\n一、存在问题\n甲。\n二、立即整改到位\n乙。\n三、及时报送整改情况\n丙。",
         ["problems", "requirements", "requirements"]),
        ("各单位:\n现将有关情况通报如下:\n一、限期整改的网站\n甲镇网站未更新。\n二、有关要求\n乙。", ["problems", "requirements"]),
        # units below a mark fail it (得分低于60分的单位; 不低于 sets a mark); units whose accounts were closed are done
        ("各单位:\n现将有关情况通报如下:\n一、得分低于60分的单位\n甲。\n二、合格率不低于90%的单位\n乙。\n"
         "三、已关停注销的账号(3个)\n丙。", ["problems", "overview", "overview"]),
        # a 通知 titled as starting work (关于开展…) sets tasks though its title names 情况; its plan headings order work
        ("关于开展网站运行情况专项检查的通知\n各单位:\n为提高网站质量,决定开展专项检查。\n一、检查对象\n甲。\n二、检查重点\n乙。",
         ["requirements", "requirements"]),
    ],
)
def test_section_kinds_by_notice_kind(text, kinds):
    assert [r.kind for r in build_sections(normalise(text).text)] == kinds


@pytest.mark.parametrize("items, kinds", [
    # 一是/二是 opening the lines of a titled notice with no numbered heading, each a short section's title
    ("一是抽查总体情况。甲。\n二是发现的问题。乙未更新。\n三是整改要求。丙。", ["overview", "problems", "requirements"]),
    # …but not items that are sentences of their own
    ("一是连续一个月以上未更新的账号有2个。\n二是留言回复不及时的账号有1个。", []),
])
def test_items_opening_the_lines_of_an_unnumbered_notice(items, kinds):
    text = f"关于抽查情况的通报\n各单位:\n现将抽查情况通报如下:\n{items}\n"
    assert [s["kind"] for s in extract_text(text)["sections"]] == kinds


@pytest.mark.parametrize(
    "text, expected",
    [
        # a 1. list above the first heading implies no lost heading (a download disclaimer, page furniture)
        ("1、下载文档前请自行甄别文档内容。\n2、仅部分预览的文档不可在线预览。\n一、总体情况\n甲。",
         [("一", "overview", False)]),
        # a (一) list does: an implied section, its kind from its items' headings
        ("各单位:\n(一)加强信息审核。甲。\n(二)落实主体责任。乙。", [(None, "requirements", True)]),
        ("各单位:\n(一)个别网站存在严重问题。甲。\n(二)部分栏目更新不及时问题。乙。", [(None, "problems", True)]),
        # under a heading, a (一) list that restarts where the next heading skips a number, or after the last heading,
        # opens the section whose heading was lost; items that tell units to act make it requirements
        ("各单位:\n一、检查情况\n(一)网站运行。甲。\n(二)新媒体运行。乙。\n(一)栏目更新不及时。丙镇网站未更新。\n"
         "(二)互动回应不及时。丁镇留言未回复。\n三、整改要求\n戊。",
         [("一", "overview", False), (None, "problems", True), ("三", "requirements", False)]),
        ("各单位:\n一、总体情况\n甲。\n二、存在问题\n(一)栏目更新不及时。丙镇网站未更新。\n(二)互动回应不及时。丁镇留言未回复。\n"
         "(一)请上述单位于4月28日前完成整改,报县政府办公室。\n(二)各单位要明确网站管理责任人,确保网站安全运行。",
         [("一", "overview", False), ("二", "problems", False), (None, "requirements", True)]),
        ("各单位:\n一、检查情况\n(一)网站运行。甲。\n(二)新媒体运行。乙。\n二、存在问题\n丙。",
         [("一", "overview", False), ("二", "problems", False)]),
        # a heading whose numeral the page lost, its 、 kept
        ("各单位:\n现就有关事项通知如下:\n一、考核方式\n甲。\n、考核内容\n1.乙。\n2.丙。",
         [("一", "requirements", False), (None, "requirements", False)]),
    ],
)
def test_implied_and_lost_headings(text, expected):
    roots = build_sections(normalise(text).text)
    assert [(r.number, r.kind, r.implied) for r in roots] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # numbers out of order and a missing level are tolerated
        ("一、总体情况\n(一)甲。\n(三)乙。\n二、存在问题\n1.丙未更新。\n2.丁未更新。",
         [("一", 2), ("二", 2)]),
        # a heading that runs into its text ends at the first 。
        ("一、存在问题\n(一)公开责任基本明确。总体来看情况良好。", [("一", 1)]),
        # 一是/二是 items inline in one paragraph
        ("二、主要问题\n一是更新不及时。内容。二是链接错误。内容。三是清理不力。", [("二", 3)]),
        # a numeral byte-shift damage left unreadable (its 、 too) before a title that names a section: numbered in
        # sequence; before other words, no heading
        ("\ufffd、总体情况\n甲。\n?\ufffd存在问题\n(一)乙。\n三、工作要求\n丙。", [("一", 0), ("二", 1), ("三", 0)]),
        ("一、总体情况\n\ufffd、甲镇网站未更新\n乙。", [("一", 0)]),
        # Chinese numerals up to 九十九 and full-width brackets after normalisation
        ("十一、其他\n（一）甲。", [("十一", 1)]),
    ],
)
def test_damaged_numbering(text, expected):
    roots = build_sections(normalise(text).text)
    assert [(r.number, len(r.children)) for r in roots] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a page that lost its line breaks, in a line of any length: headings after 。 and :
        ("现将抽查情况通报如下:一、总体情况本次抽查网站9个。二、存在问题(一)更新不及时。甲镇未更新。"
         "(二)回应不及时。乙局未回复。三、下步要求请按期整改。",
         [("一", "总体情况本次抽查网站9个", 0), ("二", "存在问题", 2), ("三", "下步要求请按期整改", 0)]),
        # a space where the page lost the break after a heading's title, when the words before it name a section
        ("现将检查情况通报如下:\n一、总体情况 本次检查网站9个,总体良好。\n二、整改要求 请按期整改,报送情况。",
         [("一", "总体情况", 0), ("二", "整改要求", 0)]),
        # a heading's title run into its first sub-heading, on a line of its own
        ("一、检查情况\n二、发现问题(一)栏目空白。丙街道栏目空白。(二)链接失效。", [("一", "检查情况", 0),
                                                                    ("二", "发现问题", 2)]),
        # numbered items run together after a colon, a full stop or a closing bracket
        ("一、存在问题\n(一)更新不及时:1.甲镇网站超期未更新。2.乙局网站栏目空白。\n(二)账号:1.丙发布(微信)2.丁融媒(抖音)",
         [("一", "存在问题", 2)]),
        # a decimal after a full stop is no item
        ("一、总体情况\n合格率提高。2.5个百分点的提升来自整改。", [("一", "总体情况", 0)]),
        # inside a sentence, a numeral before 、 that follows no mark is not a heading
        ("今年开展了第一、二季度检查。", []),
        # a bracket after the title that is not (一) stays in the title
        ("一、存在问题(共5个)\n丁局未更新。", [("一", "存在问题(共5个)", 0)]),
    ],
)
def test_lost_line_breaks_before_headings(text, expected):
    roots = build_sections(normalise(text).text)
    assert [(r.number, r.title, len(r.children)) for r in roots] == expected


def test_heading_title_stops_at_first_full_stop():
    roots = build_sections("一、存在问题\n(一)公开责任基本明确。总体来看,情况良好。")
    assert roots[0].children[0].title == "公开责任基本明确"


@pytest.mark.parametrize(
    "raw, expected",
    [("岳政办明电[2016]6号", "岳政办明电〔2016〕6号"), ("国办函(2016)68号", "国办函〔2016〕68号"),
     ("甘政办发〔2017〕136号", "甘政办发〔2017〕136号"), ("江府办函【2019】 129 号", "江府办函〔2019〕129号")],
)
def test_doc_number_brackets_unified(raw, expected):
    assert normalise_doc_number(raw) == expected


def test_names_split_outside_brackets():
    assert split_names("各市、自治州人民政府,各县(市、区、特区)人民政府办公室") == [
        "各市", "自治州人民政府", "各县(市、区、特区)人民政府办公室"]


@pytest.mark.parametrize(
    "text, date, warned",
    [("关于检查情况的通报\n时间:202449\n各单位:\n正文。", None, True),
     ("关于检查情况的通报\n各单位:\n正文。\n某某县人民政府办公室\n二〇二一年三月三十一日", "2021-03-31", False),
     ("关于检查情况的通报\n发布时间:2019-02-07\n各单位:\n正文。", "2019-02-07", False),
     # a header's keys in square brackets, two fields on a line
     ("[主题分类]政务公开　[发布机构]某区人民政府办公室　[发布日期]2020-12-24\n关于评估结果的通报\n各镇:\n正文。", "2020-12-24",
      False),
     # a date alone under the letter that encloses a document is the letter's signing date, not the page's
     ("关于印发考核办法的通知\n发布时间:2022-08-15\n各单位:\n现将《考核办法》印发给你们,请认真执行。\n2022年8月12日\n"
      "考核办法\n一、考核对象\n各县网站。\n二、考核内容\n信息发布。", "2022-08-12", False)],
)
def test_dates_damaged_chinese_and_header(text, date, warned):
    meta = extract_metadata(normalise(text).text)
    assert meta.date == date
    assert bool(meta.warnings) == warned


def _meta(text: str):
    return extract_metadata(normalise(text).text)


@pytest.mark.parametrize(
    "text, issuer",
    [
        # the signature at the end wins
        ("某某市人民政府办公室关于政务公开检查情况的通报\n各单位:\n正文。\n某某县人民政府办公室\n2021年3月31日",
         "某某县人民政府办公室"),
        # a signature line with no date under it, or over a date the page cut short
        ("关于开展自查的通知\n各科室:\n请认真落实。\n区政府办公室", "区政府办公室"),
        ("关于开展自查的通知\n各科室:\n请认真落实。\n某某县人民政府办公室\n2", "某某县人民政府办公室"),
        # a signature run into the closing sentence by a page that lost its line breaks, its date under it or beside it
        ("关于检查情况的通报\n各单位:\n一、存在问题\n甲镇未更新。\n请按期整改。特此通报。县政府办公室\n2024年4月1日",
         "县政府办公室"),
        ("关于检查情况的通报\n各单位:\n甲镇未更新,请按期整改。某某市数据局 2024年4月1日", "某某市数据局"),
        # …also with the page's links run into the line after the date
        ("关于做好年报编制的通知\n来源:县政务公开办\n各单位:一、按时发布。请于1月31日前发布年报。二、做好备案。发布后2日内报备案。"
         "东湖县人民政府办公室 2026年1月6日 分享到: 微信 微博 【打印】【关闭】", "东湖县人民政府办公室"),
        # a sentence after the last full stop that is no body's name is no signature
        ("关于检查情况的通报\n各单位:\n甲镇未更新。请于月底前整改完毕\n2024年4月1日", None),
        # a signature with no date under the contact lines that close the body
        ("关于加快清理整合的督办函\n各单位:\n逾期未完成的,予以通报。\n联系人:电子政务科 王某 0458-3316072\n某某市人民政府办公室",
         "某某市人民政府办公室"),
        # a signature in brackets on the text's last line
        ("关于检查情况的通报\n各单位:\n甲镇未更新,请按期整改。\n(某某市人民政府新闻办公室)", "某某市人民政府新闻办公室"),
        # a joint signature names both bodies
        ("关于检查情况的通报\n各单位:\n东湖区财政局网站更新不及时,请认真落实。\n东湖区人民政府办公室、东湖区委网信办",
         "东湖区人民政府办公室、东湖区委网信办"),
        ("关于做好预决算公开的通知\n各单位:\n请认真落实。\n东湖县人民政府办公室 东湖县财政局\n2024年1月15日",
         "东湖县人民政府办公室、东湖县财政局"),
        ("关于做好预决算公开的通知\n各单位:\n请认真落实。\n东湖县人民政府办公室\n东湖县财政局\n2024年1月15日",
         "东湖县人民政府办公室、东湖县财政局"),
        # a body signing with a seal it borrows, named on a line of its own under it
        ("关于开展自查的通知\n各单位:\n请认真落实。\n某某县政务公开领导小组办公室\n(某某县人民政府办公室代章)\n2021年9月6日",
         "某某县政务公开领导小组办公室"),
        # a list of names closing an excerpt under a heading is the body's, not a signature
        ("关于检查情况的通报\n各单位:\n一、存在问题\n(一)错别字较多。\n县医保局、县统计局", None),
        ("关于检查情况的通报\n各单位:\n一、存在问题\n(一)错别字较多。\n县医保局", None),
        # a body signing with another's seal is the issuer
        ("关于信息采用情况的通报\n各乡镇:\n特此通报。\n某某市改革协调小组办公室\n某某市政务服务局(代章)\n2023年4月13日",
         "某某市改革协调小组办公室"),
        # else the body that opens the title, before a header's 来源
        ("某某市人民政府办公室关于2024年第一季度政府网站检查情况的通报\n浏览量: 发布时间:2024-01-08 来源:本网\n"
         "各单位:\n正文。", "某某市人民政府办公室"),
        ("某某市人民政府办公厅关于网站考核情况的通报\n来源:某某市人民政府 时间:2018-11-16\n各单位:\n正文。",
         "某某市人民政府办公厅"),
        # joint issuers before 关于, joined by 、
        ("某某市财政局 某某市审计局关于开展专项检查的通知\n各区:\n正文。", "某某市财政局、某某市审计局"),
        # a report's name before its year, past a spam string a scraper inserted
        ("某某乡2020年政府信息公开工作年度报告\n一、总体情况\n正文。", "某某乡"),
        # …or before the work a report is named after, its year after it or none, over a header's 来源
        ("丰都县公安局政务微博工作报告(2016年度)\n来源:县局政治处\n一、基本情况\n正文。", "丰都县公安局"),
        ("某某县政务公开办公室欧洲杯投注_足球联赛-官网直播2022年第二季度政务新媒体监测情况的通报\n各单位:\n正文。",
         "某某县政务公开办公室"),
        # a site's name put before the body's, repeating its place
        ("四川某安某安市人民政府办公室关于网站检查情况的通报\n各县:\n正文。", "某安市人民政府办公室"),
        # else the header's 来源, which wins over 发布机构; furniture and site names are never issuers
        ("关于2024年3月份政务公开工作情况的通报\n发布时间:2024-04-12 16:43来源:某某县人民政府(办公室)浏览量:【字号:打印\n"
         "各乡镇:\n正文。", "某某县人民政府(办公室)"),
        ("关于检查情况的通报\n发布机构:某某市政务服务局\n来源:某某市人民政府办公室\n各单位:\n正文。", "某某市人民政府办公室"),
        ("关于检查情况的通报\n来源:政策研究室2023-06-29 14:37:34\n正文。", "政策研究室"),
        ("关于检查情况的通报\n浏览量: 发布时间:2024-01-08 来源:本网\n各单位:\n正文。", None),
        ("关于检查情况的通报\n发布日期:2021-01-25 来源:某某政务网\n各单位:\n正文。", None),
        ("关于检查情况的通报\n2019-03-28 18:26来源:某某自治区人民政府门户网站\n各单位:\n正文。", None),
        ("关于检查情况的通报\n发布时间:2020-04-24 浏览次数:\n各单位:\n正文。", None),
        ("关于检查情况的通报\n• 发文机构:某某县政务服务和大数据管理局 主题分类:其他\n各单位:\n正文。",
         "某某县政务服务和大数据管理局"),
        # else a body after the posting date on a header line, with no label (and never a site or a sentence)
        ("关于检查情况的通报\n2023-04-11 09:30 某某县政务服务数据管理局\n各单位:\n正文。", "某某县政务服务数据管理局"),
        ("关于检查情况的通报\n2023年4月11日某某县人民政府办公室\n各单位:\n正文。", "某某县人民政府办公室"),
        ("关于检查情况的通报\n2023-04-11 09:30 某某县人民政府门户网站\n各单位:\n正文。", None),
        ("关于检查情况的通报\n2023-04-11 检查发现问题较多\n各单位:\n正文。", None),
        # a place's name opening the title before 关于 stands for its government
        ("某某县关于第三季度政务公开工作检查情况的通报\n来源:某某县人民政府办公室\n各乡镇:\n正文。", "某某县"),
        ("某某镇关于村务公开栏检查情况的通报\n来源:某某镇党政办\n各村:\n正文。", "某某镇"),
        # a title that opens with its year is opened by no body
        ("2022年某某市政府信息公开工作年度报告\n一、总体情况\n正文。", None),
        # a signature with no date, after a numbered item that is a paragraph, still signs the notice; a line of
        # names under a short heading is the body's
        ("关于做好政务公开工作的通知\n各乡镇:\n一、工作要求\n(一)加强审核。\n(三)各单位要高度重视,"
         "明确专人负责,确保各项任务按时完成。\n区政府办公室", "区政府办公室"),
        ("关于检查情况的通报\n各乡镇:\n一、存在问题\n(一)错别字较多。\n县财政局、县林业局", None),
        # a seal borrowed on the signer's line, or on its own line over a date whose day was left blank
        ("关于检查情况的通报\n来源:某市政务公开办\n各单位:\n正文。\n某市政务公开领导小组办公室(某市政府办公室代章)\n"
         "2023年5月6日", "某市政务公开领导小组办公室"),
        ("关于检查情况的通报\n来源:某县政府办\n各单位:\n正文。\n某县政务公开领导小组办公室\n(某县政府办公室代章)\n"
         "二〇一二年八月　日", "某县政务公开领导小组办公室"),
    ],
)
def test_issuer_order(text, issuer):
    assert _meta(text).issuer == issuer


@pytest.mark.parametrize(
    "text, title",
    [
        # a header line opening with another field is never the title, whatever it ends with
        ("索引号:0123/2024-00031 信息分类:督查通报\n关于第一季度政府网站检查情况的通报\n各单位:\n正文。",
         "关于第一季度政府网站检查情况的通报"),
        # a title in a header table cell or a labelled header field
        ("生成日期 | 2019-07-19 | 公开日期 | 2019-07-22 |\n内容概述 | 市政府办公室关于报送上半年工作情况的通知 |\n"
         "各区:\n正文。", "市政府办公室关于报送上半年工作情况的通知"),
        ("• 标题:某某市人民政府办公厅关于网站绩效考核情况的通报\n• 发布日期:2018-11-16\n各单位:\n正文。",
         "某某市人民政府办公厅关于网站绩效考核情况的通报"),
        # a title broken over three lines, with its issuer line
        ("某某自治州人民政府办公室关于2023年\n二季度全州政府网站和政府系统\n政务新媒体检查情况的通报\n各县:\n正文。",
         "某某自治州人民政府办公室关于2023年二季度全州政府网站和政府系统政务新媒体检查情况的通报"),
        ("某某办公厅政务公开办公室\n关于政府信息公开工作年度报告\n有关事项的通知\n各省:\n正文。",
         "某某办公厅政务公开办公室关于政府信息公开工作年度报告有关事项的通知"),
        # a report's title under its body's name on the line above
        ("某某县教育局\n2023年政府信息公开工作年度报告\n一、总体情况\n正文。", "某某县教育局2023年政府信息公开工作年度报告"),
        # a notice enclosing a document keeps its own title, not the enclosed one's
        ("某某镇人民政府关于印发《某某镇政务公开工作实施方案》的通知\n各村:\n正文。",
         "某某镇人民政府关于印发《某某镇政务公开工作实施方案》的通知"),
        # a title in 《》 after its document number
        ("某政办公开〔2023〕7号:《某某区政府办公室关于2023年7月网站检查情况的通报》\n各街道:\n正文。",
         "某某区政府办公室关于2023年7月网站检查情况的通报"),
        # a title printed twice on one line, and one the page cut short
        ("某某司关于2021年第二季度网站抽查情况的通报某某司关于2021年第二季度网站抽查情况的通报 按照要求开展了抽查。",
         "某某司关于2021年第二季度网站抽查情况的通报"),
        ("某某办公厅关于2016年第二次全国政府网站抽查情况…\n2016年6月,抽查了网站。", "某某办公厅关于2016年第二次全国政府网站抽查情况"),
        ("某省2011年度政府信息公开工作报告/全文\n正文。", "某省2011年度政府信息公开工作报告"),
        ("关于2024年第一季度政务公开检查工作方案\n各乡镇:\n正文。", "关于2024年第一季度政务公开检查工作方案"),
        # an annual report named 年报, or with its year in brackets after the title word
        ("某某县人力资源和社会保障局2017年政府信息公开年报\n来源:本网\n一、总体情况\n正文。",
         "某某县人力资源和社会保障局2017年政府信息公开年报"),
        ("某某乡政府信息公开工作年度报告(2022年)\n一、总体情况\n正文。", "某某乡政府信息公开工作年度报告(2022年)"),
        ("某某县公安局政务微博工作报告(2016年度)\n一、基本情况\n正文。", "某某县公安局政务微博工作报告(2016年度)"),
        # rankings, lists and bulletins name themselves too, and a summary keeps its edition mark
        ("2021年10月某市政务新媒体影响力榜单\n发布时间:2021-11-05\n一、总体情况\n正文。", "2021年10月某市政务新媒体影响力榜单"),
        ("2020年度某市政府信息公开第三方评估报告(摘要)\n一、评估概况\n正文。", "2020年度某市政府信息公开第三方评估报告(摘要)"),
        ("某某县2013年度政府信息公开工作考核结果\n各乡镇:\n现将考核结果公布如下:\n先进单位:甲镇。",
         "某某县2013年度政府信息公开工作考核结果"),
        # a page whose head ran into one line (site, breadcrumb, title, date): the title set apart by spaces in it
        ("某某市人民政府 首页 > 信息公开 > 通知公告 某某市人民政府办公室关于做好年度报告编发工作的通知 发布时间:2017-01-06"
         "来源:市政府办 各乡镇人民政府:为做好年度报告编制发布工作,现将有关事项通知如下:\n一、时间要求\n正文。",
         "某某市人民政府办公室关于做好年度报告编发工作的通知"),
        # reminders, memos and recurring bulletins, with the number kept
        ("关于做好依申请公开办理工作的提醒函\n各单位:\n正文。", "关于做好依申请公开办理工作的提醒函"),
        ("政务公开工作督办单\n承办单位 | 某某局 |\n正文。", "政务公开工作督办单"),
        ("网站问题整改通知单\n被督办单位 | 某某局 |\n正文。", "网站问题整改通知单"),
        ("政务公开事项交办单\n承办单位 | 某某局 |\n正文。", "政务公开事项交办单"),
        ("某某区政务公开工作提示单(第5期)\n来源:本网\n各单位:\n正文。", "某某区政务公开工作提示单(第5期)"),
        ("网站内容问题整改通知书\n被检查单位:某某局\n正文。", "网站内容问题整改通知书"),
        # a breadcrumb of two levels is no title, though its last level ends like one (通知公告)
        ("某某县人民政府\n信息公开 > 通知公告\n关于报送半年工作总结的通知\n各单位:\n正文。", "关于报送半年工作总结的通知"),
        ("某某县政务公开工作提示(2023年第4期)\n来源:本网\n各单位:\n正文。", "某某县政务公开工作提示(2023年第4期)"),
        ("某某区政务公开办公室工作提示〔2022〕第3号\n来源:本网\n各单位:\n正文。", "某某区政务公开办公室工作提示〔2022〕第3号"),
        # a title after its field's label in brackets
        ("【标题】某某区人民政府办公室关于2021年度政务公开考核情况的通报\n【发布机构】区政府办公室\n各单位:\n正文。",
         "某某区人民政府办公室关于2021年度政务公开考核情况的通报"),
        ("某某市政务公开简报(第12期)\n一、工作动态\n正文。", "某某市政务公开简报(第12期)"),
        ("某某县2023年2月政府网站监测月报\n一、总体情况\n正文。", "某某县2023年2月政府网站监测月报"),
        ("关于政务短视频账号运行情况的周报(2024年第9周)\n一、总体情况\n正文。", "关于政务短视频账号运行情况的周报(2024年第9周)"),
        # a title in a header table's cell, the row opening with its bar
        ("| 名称 | 某某市人民政府办公室关于年度报告问题整改情况的通报 |\n| 文号 | 某政办函〔2024〕15号 |\n各单位:\n正文。",
         "某某市人民政府办公室关于年度报告问题整改情况的通报"),
        ("标题:|某某市人民政府办公室关于抓好评估反馈问题整改的通知|\n文号:|某政办函〔2023〕27号|\n各单位:\n正文。",
         "某某市人民政府办公室关于抓好评估反馈问题整改的通知"),
        # a body, a space, then 关于: the title is from 关于, the body its issuer; a header's key is no body
        ("某某市人民政府办公室 关于做好国庆假期网站安全管理工作的通知\n各区:\n正文。", "关于做好国庆假期网站安全管理工作的通知"),
        # the page's column, or two issuers, set apart before 关于: the title is from 关于
        ("通知公告 关于对政务新媒体检查发现问题进行督办的通知\n各乡镇:\n正文。", "关于对政务新媒体检查发现问题进行督办的通知"),
        ("某某县人民政府办公室 某某县政务服务中心 关于做好专区建设工作的通知\n各乡镇:\n正文。", "关于做好专区建设工作的通知"),
        # a page that lost its line breaks: the title runs into the 主送 line or a header's field, after a breadcrumb
        ("某某市人民政府办公室关于第一季度政务新媒体监测情况的通报各区(市)县人民政府,市级各部门:按照要求开展了监测。",
         "某某市人民政府办公室关于第一季度政务新媒体监测情况的通报"),
        ("首页>>政务公开>>通知公告 某某旗人民政府办公室关于全旗政府网站抽查情况的通报 发布时间:2015-09-30各苏木镇:正文。",
         "某某旗人民政府办公室关于全旗政府网站抽查情况的通报"),
        ("某某县人民政府办公室关于做好网站安全管理工作的通知 来源:县政府办 各乡镇:正文。",
         "某某县人民政府办公室关于做好网站安全管理工作的通知"),
        ("某县人民政府门户网站 首页 > 政府信息公开 > 年度报告 某县2016年政府信息公开工作年度报告 发布时间:2017-03-30 "
         "来源:县政府办 本报告由某县人民政府办公室编制。", "某县2016年政府信息公开工作年度报告"),
        # …with no space between the last crumb and the title: the crumb is the column (通知公告, 年度报告)
        ("某某县人民政府首页>政务公开>通知公告关于第二季度政务新媒体检查情况的通报发布时间:2023-07-10 来源:县政府办各乡镇:正文。",
         "关于第二季度政务新媒体检查情况的通报"),
        ("某某县人民政府首页>信息公开>年度报告某某县2020年政府信息公开工作年度报告发布时间:2021-01-20 来源:县政府办"
         "本报告依据条例编制。", "某某县2020年政府信息公开工作年度报告"),
        # a site's name and date over a breadcrumb, lines of their own above the title, are no part of it
        ("某某市人民政府门户网站 2010年8月4日 星期三\n首页 >> 政府信息公开 >> 工作动态\n"
         "某某市人民政府办公室关于上半年政府信息公开工作检查情况的通报\n各县:\n正文。",
         "某某市人民政府办公室关于上半年政府信息公开工作检查情况的通报"),
        # …but a document cited in the opening sentence is no title
        ("根据《某某省人民政府办公厅关于加强政务新媒体管理的通知》要求,各乡镇:正文。", None),
        # a section heading, a posting date and an enclosed document's head are never the notice's title
        ("一、总体情况\n正文。", None),
        ("2023年01月13日\n某某区人民政府办公室关于第四季度网站检查情况的通报\n各乡镇:\n正文。",
         "某某区人民政府办公室关于第四季度网站检查情况的通报"),
        ("各县(区)人民政府:\n《工作要点》已经同意,现印发给你们。\n某某市人民政府办公室\n2023年8月7日\n2023年某某市政务公开工作要点\n"
         "一、总体要求\n正文。", None),
    ],
)
def test_titles(text, title):
    assert _meta(text).title == title


def test_the_body_before_a_spaced_title_is_its_issuer():
    assert _meta("某某市人民政府办公室 关于做好国庆假期网站安全管理工作的通知\n各区:\n正文。").issuer == "某某市人民政府办公室"
    assert _meta("信息名称 关于印发政务公开工作规则的通知\n各单位:\n正文。").issuer != "信息名称"


def test_scraper_spam_in_a_title_is_kept_and_flagged():
    meta = _meta("某某县办公室欧洲杯投注_官网直播2022年第二季度监测情况的通报\n各单位:\n正文。")
    assert meta.title == "某某县办公室欧洲杯投注_官网直播2022年第二季度监测情况的通报"
    assert any("欧洲杯" in w and "投注" in w for w in meta.warnings)


@pytest.mark.parametrize("line", ["2024年某某县政务公开工作要点_澳门葡京娱乐|开元棋牌官网注册",
                                  "2024年某某县政务公开工作要点-欧洲杯投注官网"])
def test_scraper_spam_joined_after_a_title_is_cut_off_and_flagged(line):
    meta = _meta(f"{line}\n来源:某某县人民政府办公室\n正文。")
    assert meta.title == "2024年某某县政务公开工作要点"
    assert meta.warnings and "title holds words a scraper inserted" in meta.warnings[0]


@pytest.mark.parametrize(
    "text, date",
    [
        ("• 成文日期:2018-11-09\n• 发布日期:2018-11-16\n关于考核情况的通报\n各单位:\n正文。", "2018-11-09"),
        ("关于检查结果的通报\n• 发布日期:\n2022年07月01日14:19\n各镇:\n正文。", "2022-07-01"),
        ("关于绩效评估结果的通报\n•【公布日期】2020.08.12\n正文。", "2020-08-12"),
        ("关于检查情况的通报\n信息索引号014006438/2022-00173生成日期2022-01-05公开日期2022-01-10\n正文。", "2022-01-05"),
        ("关于抽查情况的通报\n某某政府门户网站 www.example.gov.cn 2019-04-22 10:42来源:某某市人民政府办公室\n正文。",
         "2019-04-22"),
        ("关于考核结果的通知\n主动公开\n2023.02.07\n各有关单位:\n正文。", "2023-02-07"),
        ("2020年7月28日,县政府信息中心开展了自查。\n一、自查情况\n正文。", None),
        ("关于抽查情况的通报\n2024年1月1日至3月31日\n一、总体情况\n正文。", None),
        # a posting date in brackets before the header's source
        ("关于检查情况的通报\n(2010-08-04)来源:市政府信息公开办\n各县:\n正文。", "2010-08-04"),
    ],
)
def test_dates(text, date):
    assert _meta(text).date == date


@pytest.mark.parametrize(
    "text, issuer, date",
    [
        # a body and its date on one line under the title, the spaces between them lost or not
        ("政务公开工作简报\n2016年第5期\n某某市政务公开办公室　　　　2016年6月3日\n【本期要目】\n正文。",
         "某某市政务公开办公室", "2016-06-03"),
        ("关于网站检查情况的通报\n某某省人民政府办公厅　2013-12-20　【字体:大 中 小】\n各市:\n正文。", "某某省人民政府办公厅",
         "2013-12-20"),
        # such a header line gives way to the signature after the body
        ("关于网站检查情况的通报\n某某县人民政府办公室  2019-09-30  【打印】\n各乡镇:\n一、总体情况\n正文。\n二、存在问题\n正文。\n"
         "三、工作要求\n正文。\n某某县人民政府办公室\n2019年9月29日", "某某县人民政府办公室", "2019-09-29"),
    ],
)
def test_a_body_and_its_date_on_one_line(text, issuer, date):
    meta = _meta(text)
    assert (meta.issuer, meta.date) == (issuer, date)


def test_an_enclosed_document_after_the_signature_is_body():
    text = normalise("关于印发工作要点的通知\n各县:\n《工作要点》已经同意,现印发给你们,请认真贯彻执行。\n"
                     "某某市人民政府办公室\n2023年8月7日\n工作要点\n" + "一、深化公开\n" + "正文。" * 40).text
    meta = extract_metadata(text)
    assert meta.issuer == "某某市人民政府办公室" and meta.body_end is None
    assert [s.kind for s in build_sections(text, meta.body_end)] == ["requirements"]


def test_an_attachment_the_notice_lists_and_prints_after_its_signature_is_body():
    """附件:…考核结果 in the notice, then the attachment under that title after the signature: its units are
    assessed, while the signature (the issuer and the seal it signs with) names no unit."""
    text = ("关于公布2023年度政务公开考核结果的通知\n各镇人民政府,县直各单位:\n"
            "现将2023年度政务公开考核结果予以公布,考核不合格的单位要认真整改。\n"
            "附件:2023年度政务公开考核结果\n东湖县政务公开领导小组办公室\n东湖县政务服务局(代章)\n2024年2月6日\n"
            "附件\n2023年度政务公开考核结果\n一、优秀(2个)\n东溪镇、西岭乡\n二、不合格(1个)\n县林业局\n")
    doc = extract_text(text)
    assert [u["name"] for u in doc["units"]] == ["东溪镇", "西岭乡", "县林业局"]
    assert doc["issuer"] == "东湖县政务公开领导小组办公室"
    assert doc["attachments"] == ["2023年度政务公开考核结果"]


@pytest.mark.parametrize(
    "text, headings",
    [
        ("第一部分 总体情况\n甲。\n第二部分 存在问题\n乙。", [("一", "总体情况", "overview"), ("二", "存在问题", "problems")]),
        ("【一】总体情况\n甲。\n【二】存在问题\n乙。", [("一", "总体情况", "overview"), ("二", "存在问题", "problems")]),
        ("一 、总体情况\n甲。\n二 、存在问题\n乙。", [("一", "总体情况", "overview"), ("二", "存在问题", "problems")]),
        # a heading's label before a colon is its title; its content may follow on the same line
        ("一、检查情况\n(一)政府网站:甲镇网站未更新。\n(二)政务新媒体:乙局账号未更新。",
         [("一", "检查情况", "overview")]),
        # 【一、总体情况】: the bracket closes around the number and the title
        ("【一、普查基本情况】\n共普查网站40个。\n【二、存在的主要问题】\n甲镇政务网首页长期未更新。",
         [("一", "普查基本情况", "overview"), ("二", "存在的主要问题", "problems")]),
        # with no 一、 or (一) in the notice, headings numbered 1. alone on their lines are the top level
        ("1.总体情况\n共检查网站20个。\n2.存在问题\n甲镇网站未更新。\n3.下一步工作\n各单位要加强管理。",
         [("1", "总体情况", "overview"), ("2", "存在问题", "problems"), ("3", "下一步工作", "requirements")]),
        # numbered items that carry their content on the line stay a plain list
        ("1.甲镇网站未更新。\n2.乙局账号未更新。", []),
        # a numeral set apart from its title by a space (一　总体情况)
        ("一　总体情况\n甲。\n二　存在问题\n乙。", [("一", "总体情况", "overview"), ("二", "存在问题", "problems")]),
        # the numbered rows of an annual report's flattened table, with cells or with their label alone
        ("三、收到和处理政府信息公开申请情况\n项目 | 自然人 | 合计 |\n一、本年新收申请数量 | 3 | 3 |\n"
         "三、本年度办理结果 |\n(一)予以公开 | 2 | 2 |\n四、政府信息公开行政复议、行政诉讼情况\n无。",
         [("三", "收到和处理政府信息公开申请情况", "other"), ("四", "政府信息公开行政复议、行政诉讼情况", "other")]),
        # rules a 通知 encloses: their chapters, titled or not, are its sections; the lists inside their articles
        # are not
        ("第一章 总则\n第一条 为规范考核,制定本办法。\n第二条 考核内容包括:\n(一)主动公开;\n(二)存在问题整改。\n"
         "第二章\n第三条 考核结果分为优秀、合格。",
         [("一", "总则", "other"), ("二", "", "other")]),
        ("第一条 年度报告应当包括下列内容:\n(一)概述;\n(二)存在的主要问题和改进措施。\n第二条 本制度自印发之日起施行。", []),
        # a statistics row citing an article of the regulations is no article
        ("一、总体情况\n甲。\n二、主动公开政府信息情况\n第二十条第(一)项 | 3 |\n第二十条第(五)项 | 1 |\n三、存在问题\n丙。",
         [("一", "总体情况", "overview"), ("二", "主动公开政府信息情况", "other"), ("三", "存在问题", "problems")]),
    ],
)
def test_other_ways_of_numbering_headings(text, headings):
    roots = build_sections(normalise("各单位:\n现将检查情况通报如下:\n" + text).text)
    assert [(r.number, r.title, r.kind) for r in roots] == headings
    if "政府网站:" in text:
        assert [c.title for c in roots[0].children] == ["政府网站", "政务新媒体"]


@pytest.mark.parametrize(
    "title, kind",
    [
        # a heading over a list of units that names their shortcoming
        ("未按期完成整改的单位", "problems"),
        ("未按时发布年报的单位名单", "problems"),
        ("信息更新不及时的网站", "problems"),
        ("得分较低的账号", "problems"),
        ("仍未整改到位的单位(5个)", "problems"),
        ("排名靠后的单位", "problems"),
        # one that praises them is good practice; one that names no shortcoming is not a problems heading
        ("表现较好的单位", "achievements"),
        ("参加检查的单位", None),
        # a shortcoming inside the words before the noun, even where they hold a requirements phrase
        ("本月未达更新要求的账号", "problems"),
        # a list of what is to be closed or merged, named as a 名单
        ("关停网站名单(共9个)", "problems"),
        ("整合迁移网站名单", "problems"),
        # what the units did well, whatever noun names them; an outcome (整改到位) stays an overview
        ("活跃度较高的政务微博", "achievements"),
        ("进展较快的部门", "achievements"),
        ("整改到位的单位", "overview"),
        ("整改完成的网站(8个)", "overview"),
        # the top or the bottom of a ranking, whatever else the heading says
        ("评估得分前五名", "achievements"),
        ("评估得分后三名", "problems"),
        ("政务抖音影响力前三名", "achievements"),
        # a list of what is to be put right, and work that carries it out; a state that is sound
        ("整改清单", "problems"),
        ("整改落实", "requirements"),
        ("全区政府网站和政务新媒体整体运行平稳", "overview"),
        # a summary's own work (主要工作开展情况) is its achievements; an inspection's (工作开展情况) an overview
        ("主要工作开展情况", "achievements"),
        ("工作开展情况", "overview"),
    ],
)
def test_a_heading_over_a_list_of_units(title, kind):
    from tongbao.structure.sections import _kind

    assert _kind(title, None) == kind


@pytest.mark.parametrize(
    "text, headings",
    [
        # with no numbered heading, lines naming a section's kind alone between paragraphs are the top level
        ("某乡2013年政府信息公开工作年度报告\n现公布本乡年度报告。\n概述\n我乡健全了工作机制。\n"
         "主动公开政府信息情况\n全年主动公开信息94条。\n存在的不足及改进措施\n一是公开不够及时;二是人员多为兼职。",
         [(None, "概述", "overview"), (None, "主动公开政府信息情况", "other"), (None, "存在的不足及改进措施", "problems")]),
        # words in 【】 alone on a line, or over their text, whatever they name
        ("关于监测情况的通报\n各单位:\n【监测范围】全县政务新媒体64个。\n【监测结果】共发布信息9862条。\n"
         "【下步工作】各单位要加强管理。",
         [(None, "监测范围", "other"), (None, "监测结果", "overview"), (None, "下步工作", "requirements")]),
        # the first such line may follow the preamble's colon (…通报如下:)
        ("关于检查情况的通报\n各单位:\n现将检查情况通报如下:\n检查基本情况\n多数单位按时更新。\n存在的主要问题\n"
         "甲镇未更新。\n下一步工作要求\n各单位要整改。",
         [(None, "检查基本情况", "overview"), (None, "存在的主要问题", "problems"), (None, "下一步工作要求", "requirements")]),
        # one such line is a phrase of the text, not its plan; numbered headings keep theirs
        ("某乡2013年政府信息公开工作年度报告\n现公布本乡年度报告。\n概述\n我乡健全了工作机制。", []),
        ("关于检查情况的通报\n各单位:\n现通报如下。\n一、总体情况\n甲。\n存在问题\n乙。",
         [("一", "总体情况", "overview")]),
        # over (一) lists: the lines naming a kind alone are the top level, the lists their items
        ("关于监测情况的通报\n各单位:\n现将监测情况通报如下。\n本月监测结果\n共发布信息812条。\n发现的主要问题\n"
         "(一)网站。甲镇首页未更新。\n(二)新媒体。“乙发布”未回复留言。\n下步工作安排\n各单位要整改。",
         [(None, "本月监测结果", "overview"), (None, "发现的主要问题", "problems"), (None, "下步工作安排", "requirements")]),
        # …or that open with a verb ordering work, in a 通知 that sets it
        ("关于做好年度报告编制工作的通知\n各单位:\n现就有关事项通知如下:\n明确编制主体\n各单位负责编制本单位年报。\n"
         "按时报送发布\n各单位于1月20日前报送。\n工作要求\n各单位要指定专人负责。",
         [(None, "明确编制主体", "requirements"), (None, "按时报送发布", "requirements"), (None, "工作要求", "requirements")]),
        # a numbered line is no bare heading: 1. 2. 3. standing alone stay the numbered top level
        ("关于检查情况的通报\n各单位:\n现通报如下。\n1.检查情况\n甲。\n2.存在问题\n乙。\n3.整改要求\n丙。",
         [("1", "检查情况", "overview"), ("2", "存在问题", "problems"), ("3", "整改要求", "requirements")]),
    ],
)
def test_unnumbered_headings_of_a_text_with_no_numbered_one(text, headings):
    norm = normalise(text)
    roots = build_sections(norm.text, title=norm.text.split("\n")[0])
    assert [(r.number, r.title, r.kind) for r in roots] == headings


@pytest.mark.parametrize("title, kind", [
    # shortcomings joined to their remedy, whatever the remedy is called
    ("问题及整改意见", "problems"), ("工作中存在的短板及下一步打算", "problems"), ("短板弱项", "problems"),
    # headings that are whole sentences: a shortcoming stated, or units told to act
    ("部分单位信息更新仍不及时", "problems"), ("各单位要立即组织整改", "requirements"),
    ("我县政府网站运行总体平稳", "overview"),
    # a heading over a list of units to be fixed or closed, or lacking something, names failing units;
    # one over those already closed reports a result (the guide's overview; two newer blind sets write so)
    ("限期整改的网站", "problems"), ("需限期整改的帐号", "problems"), ("未建立内容审核制度的账号", "problems"),
    ("已注销的账号", "overview"), ("已报关停但仍可访问的账号", "overview"), ("工作提示", "requirements"),
    # contacts neither order nor plan work; a ranking reports; a verb ordering work wins over what it is about
    ("联系方式", "other"), ("活跃度排行", "overview"), ("做好热点问题回应", "requirements"),
    ("2022年工作思路", "requirements"), ("审核记录不完整的账号", "problems"), ("个人信息泄露", "problems"),
    # units lacking something, whatever else the heading holds (要求)
    ("未反馈单位", "problems"), ("未按要求整改的村(社区)", "problems"),
    # 应 in 回应, 要 in 重要, and openings that only hold a negation (不断, 无障碍) decide nothing: in a report such a
    # heading is a part of its findings, an overview when its text states no shortcoming; what a page lacks (缺少) is one
    ("政务舆情回应及时", "overview"), ("不断提升服务水平的单位", "overview"), ("页面缺少友好提示", "problems"),
    # a state of every unit's work is no order to work
    ("各单位办理情况", "overview"),
    # a sentence heading that tells what must be done (要重点抓好), and a verb ordering work after its adverb
    ("下半年要重点抓好三方面工作", "requirements"), ("下步安排", "requirements"), ("下一步打算", "requirements"),
    ("下一步怎么改?", "requirements"), ("下步如何推进", "requirements"), ("总体目标", "requirements"), ("主要目标", "requirements"),
    ("个别账号存在错敏信息", "problems"), ("部分网站存在断链", "problems"),
    # a requirement said unmet is a shortcoming, no order
    ("网站栏目未按要求更新", "problems"), ("部分栏目不符合要求", "problems"),
    # accounts left idle named as faults, units to be closed, and the order to clear them
    ("“睡眠号”名单", "problems"), ("拟关停整合账号", "problems"), ("清理“僵尸号”", "requirements"), ("认真落实整改责任", "requirements"),
    ("进一步规范信息发布", "requirements"),
])
def test_kinds_of_headings_no_phrase_settles(title, kind):
    roots = build_sections(normalise(f"关于网站检查情况的通报\n一、{title}\n正文。\n").text)
    assert [s.kind for s in roots] == [kind]


@pytest.mark.parametrize("text, headings", [
    # 其他事项 orders work when its text does, else points elsewhere
    ("关于检查情况的通报\n各单位:\n现通报如下。\n一、检查情况\n甲。\n二、其他事项\n请各单位于5月底前报送整改情况。",
     [("一", "overview"), ("二", "requirements")]),
    ("关于检查情况的通报\n各单位:\n现通报如下。\n一、检查情况\n甲。\n二、其他事项\n检查明细详见附件。",
     [("一", "overview"), ("二", "other")]),
    # an indented numeral set apart by a space still numbers its heading
    ("关于考核情况的通报\n各单位:\n现通报如下。\n　　一 考核基本情况\n甲。\n　　二 存在的问题\n乙未更新。",
     [("一", "overview"), ("二", "problems")]),
    ("关于工作进展的通报\n各单位:\n现通报如下。\n一、工作进展\n甲。\n二、存在问题\n乙未更新。",
     [("一", "overview"), ("二", "problems")]),
])
def test_matters_and_spaced_numerals(text, headings):
    norm = normalise(text)
    roots = build_sections(norm.text, title=norm.text.split("\n")[0])
    assert [(r.number, r.kind) for r in roots] == headings


def test_parts_over_numbered_items():
    """第一部分 … 第三部分 are the top level; the 一、 items under them are the level below."""
    text = ("关于检查情况的通报\n各单位:\n现通报如下。\n第一部分 基本情况\n共检查48个。\n第二部分 典型问题\n"
            "一、更新滞后。甲镇未更新。\n二、信息不规范。乙局简介过时。\n第三部分 工作要求\n一、各单位要整改。\n")
    norm = normalise(text)
    roots = build_sections(norm.text, title=norm.text.split("\n")[0])
    assert [(r.number, r.kind, len(r.children)) for r in roots] == [
        ("一", "overview", 0), ("二", "problems", 2), ("三", "requirements", 1)]
