"""Table finding on the seed notices and on the junk scrapers leave behind."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.model import Block, ReadResult
from extract import extract_text
from extract.structure.tables import Table, find_tables

NOTICES = Path(__file__).resolve().parent.parent / "corpus" / "notices"
_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])")


def _seed(name: str) -> str:
    """The seeds are already simplified; normalising only drops spaces inside Chinese (单 位)."""
    return _CJK_GAP.sub("", (NOTICES / name).read_text(encoding="utf-8"))


def _one(text: str) -> Table:
    tables, _ = find_tables(text)
    assert len(tables) == 1, tables
    return tables[0]


def test_seed_003_three_attachment_tables():
    text = _seed("003_5df64098d028a53d.txt")
    tables, pairs = find_tables(text)
    assert pairs == []
    assert [len(t.rows) for t in tables] == [7, 26, 9]
    towns, depts, media = tables

    assert towns.attachment_label == "附件1"
    assert towns.title == "2021年第一季度县政府门户网站信息公开情况统计表(乡镇、街道)"
    assert towns.header == ["乡镇(街道)", "主动公开信息条数"]
    assert towns.rows[0] == ["青竹街道", 70] and towns.rows[-1] == ["高台镇", 27]

    assert depts.attachment_label == "附件2"
    assert depts.title == "2021年第一季度县政府门户网站信息公开情况统计表(部门)"
    assert depts.header == ["单位", "主动公开信息条数"]  # repeated mid-table header folded in
    assert depts.rows[:2] == [["县政府办", 1362], ["县交通运输局", 540]]
    assert depts.rows[-1] == ["县水利局", 23]
    assert ["单位", "主动公开信息条数"] not in depts.rows

    assert media.attachment_label == "附件3"
    assert media.title == "2021年第一季度县政务新媒体抽查情况统计表"
    assert media.header == ["名称", "公开信息条数", "存在问题", "所属平台", "责任单位"]
    assert media.rows[0] == ["锦绣青神", 546, "留言互动未及时回复", "新浪微博", "县政府新闻办"]
    assert media.rows[4][2] == "未及时转载重要信息,留言互动未及时回复"
    assert media.rows[-1] == ["青神公安", 10, "未及时转载重要信息", "新浪微博", "县公安局"]

    assert text[towns.start :].startswith("乡镇(街道) |")
    assert text[: media.end].endswith("县公安局 |")
    assert towns.end < depts.start < depts.end < media.start


def test_seed_000_header_block_is_metadata_not_a_table():
    tables, pairs = find_tables(_seed("000_d97bcc4c5aa47a5e.txt"))
    assert tables == []
    meta = dict(pairs)
    assert meta["索引号"] == "620702074/2021-00051"
    assert meta["生成日期"] == "2021-03-01 17:00:00"
    assert meta["发文字号"] == "号"
    assert meta["发布机构"] == "政务服务管理局"
    assert meta["关键词"] == meta["公开形式"] == meta["责任部门"] == meta["是否有效"] == ""


def test_rendered_row_per_line_table_with_title():
    blocks = [
        Block("paragraph", text="现将检查情况通报如下。"),
        Block("paragraph", text="表1政务新媒体检查情况"),
        Block("table", rows=[["序号", "名称", "得分", "备注"], ["1", "青神发布", "95.5", "良好"],
                             ["2", "青神公安", "1,200"], ["3", "锦绣青神", "90%", "合格"]]),
        Block("paragraph", text="特此通报。"),
    ]
    text = ReadResult(blocks, "docx").text()
    table = _one(text)
    assert table.title == "表1政务新媒体检查情况" and table.attachment_label is None
    assert table.header == ["序号", "名称", "得分", "备注"]
    assert table.rows == [[1, "青神发布", 95.5, "良好"], [2, "青神公安", 1200, ""], [3, "锦绣青神", "90%", "合格"]]
    assert text[table.start : table.end] == blocks[2].render()


@pytest.mark.parametrize("text, pairs", [
    # a header block with a field this module did not know (分类) among those it does
    ("索引号 | 0123/2017-0089 |\n分类 | 政务公开 |\n发布机构 | 柳溪县人民政府办公室 |\n发文日期 | 2017-06-09 |\n正文。\n",
     [("索引号", "0123/2017-0089"), ("分类", "政务公开"), ("发布机构", "柳溪县人民政府办公室"), ("发文日期", "2017-06-09")]),
    # a line of a page header's field names over a line of their values
    ("索引号 | 发布机构 | 生成日期 |\n0123/2020-0112 | 柳溪县人民政府办公室 | 2020-06-09 |\n正文。\n",
     [("索引号", "0123/2020-0112"), ("发布机构", "柳溪县人民政府办公室"), ("生成日期", "2020-06-09")]),
])
def test_header_blocks_in_other_layouts_are_metadata(text, pairs):
    tables, found = find_tables(text)
    assert tables == [] and found == pairs


def test_header_cells_holding_a_field_and_its_value_are_metadata():
    text = ("索引号: 0123/2024-0031 | 发布机构: 柳溪县人民政府办公室 |\n内容概述 | 关于开展专项检查的通知 |\n"
            "发布日期 | 2024-05-10 |\n各乡镇、各部门:\n")
    tables, pairs = find_tables(text)
    assert tables == []
    assert pairs == [("索引号", "0123/2024-0031"), ("发布机构", "柳溪县人民政府办公室"),
                     ("内容概述", "关于开展专项检查的通知"), ("发布日期", "2024-05-10")]


@pytest.mark.parametrize("label", ["标题", "名称", "文件名称", "题名"])
def test_a_header_block_goes_on_past_its_title_field(label):
    """标题 | 关于…的通报 | is one of the header's fields: the rows after it (文号 | …) are no table."""
    text = (f"索引号 | 0123/2018-00261 |\n发布机构 | 某市人民政府办公室 |\n{label} | 关于网站检查情况的通报 |\n"
            "文号 | 某府办函〔2018〕143号 |\n关于网站检查情况的通报\n各单位:\n")
    tables, pairs = find_tables(text)
    assert tables == []
    assert (label, "关于网站检查情况的通报") in pairs and ("文号", "某府办函〔2018〕143号") in pairs


def test_one_cell_per_line_metadata_and_label_with_title_on_one_line():
    text = "索引号 |\n001/2021-1 |\n发布机构 |\n县政府办 |\n附件2:检查情况表\n单位 |\n条数 |\n县政府办 |\n1,362 |\n县医保局 |\n34 |"
    tables, pairs = find_tables(text)
    assert pairs == [("索引号", "001/2021-1"), ("发布机构", "县政府办")]
    assert [(t.title, t.attachment_label, t.rows) for t in tables] == [
        ("检查情况表", "附件2", [["县政府办", 1362], ["县医保局", 34]])
    ]


@pytest.mark.parametrize(
    "text, header, rows",
    [
        pytest.param("字号:默认超大 | 打印 |\n正文。", None, None, id="stray-row-line"),
        pytest.param("• |\n正文。", None, None, id="stray-cell-line"),
        pytest.param("a | b", None, None, id="pipe-not-closing-line"),
        pytest.param("|\n|\n|", None, None, id="bare-pipes"),
        pytest.param("单位 | 条数 |", None, None, id="header-only"),
        pytest.param("甲 |\n乙 |\n丙 |\n丁 |", None, None, id="no-numbers-one-cell-per-line"),
        pytest.param("发文字号 | 发布日期 | 标题 |\n1号 | 2021-01-01 | 通报 |", ["发文字号", "发布日期", "标题"],
                     [["1号", "2021-01-01", "通报"]], id="field-names-as-column-header"),
        pytest.param("• |\n单位 | 条数 |\n县统计局 | 55 |", ["单位", "条数"], [["县统计局", 55]],
                     id="stray-cell-before-rows"),
        pytest.param("• |\n单位 |\n条数 |\n县统计局 |\n55 |\n县住建局 |\n47 |", ["单位", "条数"],
                     [["县统计局", 55], ["县住建局", 47]], id="stray-cell-before-cells"),
        pytest.param("单位 |\n条数 |\n县统计局 |\n55 |\n县住建局 |", ["单位", "条数"],
                     [["县统计局", 55], ["县住建局", ""]], id="cut-off-mid-row"),
        pytest.param("单位 | 条数 | 备注 |\n县统计局 | 55 |\n县住建局 | 47 | 无 | 多余 |", ["单位", "条数", "备注", ""],
                     [["县统计局", 55, "", ""], ["县住建局", 47, "无", "多余"]], id="ragged-rows"),
        pytest.param("55 |\n县住建局 |\n47 |\n县医保局 |\n34 |", [],
                     [[55, "县住建局"], [47, "县医保局"], [34, ""]], id="excerpt-starts-inside-table"),
        pytest.param("单位 | 条数 |\n县统计局 | 55 |\n单位 | 条数 |\n县住建局 | 47 |", ["单位", "条数"],
                     [["县统计局", 55], ["县住建局", 47]], id="repeated-row-header"),
    ],
)
def test_junk_and_ragged_inputs(text, header, rows):
    tables, pairs = find_tables(text)
    assert pairs == []
    if header is None:
        assert tables == []
    else:
        assert [(t.header, t.rows) for t in tables] == [(header, rows)]


def test_tables_separated_by_titles_stay_separate():
    text = "一、乡镇情况\n单位 | 条数 |\n青竹街道 | 70 |\n二、部门情况\n单位 | 条数 |\n县政府办 | 1362 |"
    tables, _ = find_tables(text)
    assert [(t.title, t.rows) for t in tables] == [
        ("一、乡镇情况", [["青竹街道", 70]]),
        ("二、部门情况", [["县政府办", 1362]]),
    ]


def test_title_skips_dates_and_sentences():
    assert _one("特此通报。\n2021年2月24日\n单位 | 条数 |\n县政府办 | 1 |").title is None
    assert _one("单位 | 条数 |\n县政府办 | 1 |").title is None


def test_large_text_without_pipes_has_no_tables():
    text = "政府信息公开工作情况通报。\n" * 1_500_000  # about 20 MB; its speed is measured in scripts/bench.py
    assert find_tables(text) == ([], [])


def test_large_table_keeps_every_row():
    text = "单位 |\n条数 |\n" + "县政府办 |\n1362 |\n" * 100_000
    table = _one(text)
    assert len(table.rows) == 100_000 and table.rows[-1] == ["县政府办", 1362]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("|\n :,.%-0123456789单位附件表索引号发布机构。a")), max_size=300))
def test_never_raises_and_offsets_are_ordered(text):
    tables, pairs = find_tables(text)
    last = 0
    for table in tables:
        assert last <= table.start <= table.end <= len(text)
        assert table.rows and all(len(row) == len(table.rows[0]) for row in table.rows)
        last = table.end
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in pairs)


def test_a_site_name_cell_is_the_body_it_names():
    """A 网站名称 column holding 某县人民政府门户网站 names the county government (a website unit)."""
    from tongbao import extract_text

    text = ("关于第二季度政府网站考核结果的通报\n各县区:\n现将考核结果通报如下:\n"
            "名次 | 网站名称 | 得分 |\n1 | 柳川县人民政府门户网站 | 96 |\n2 | 东坪区人民政府门户网站 | 93 |\n")
    units = [(u["name"], u["type"]) for u in extract_text(text)["units"]]
    assert units == [("柳川县人民政府", "website"), ("东坪区人民政府", "website")]


def test_a_site_name_cell_with_a_body_of_no_known_ending_is_that_body():
    """省林业科学研究院网站 in a 网站名称 column is the institute's site; a site named by itself (某某网) keeps its name."""
    from tongbao import extract_text

    text = ("关于省直单位网站检查情况的通报\n各单位:\n现将检查情况通报如下:\n"
            "序号 | 网站名称 | 检查结果 |\n1 | 省林业科学研究院网站 | 合格 |\n2 | 省林木种苗站网站 | 合格 |\n"
            "3 | 林海资讯网 | 合格 |\n")
    assert [u["name"] for u in extract_text(text)["units"]] == ["省林业科学研究院", "省林木种苗站", "林海资讯网"]


def test_a_one_cell_per_line_table_without_numbers_is_read_by_its_dates():
    """Rows of text and a date, one cell per line: the column count under which every row has its date
    in the same place."""
    from tongbao.structure.tables import find_tables

    cells = ["平台", "账号名称", "责任单位", "问题", "最后更新",
             "微信", "桐林之声", "桐林镇", "更新不及时", "7月16日",
             "抖音", "美丽东坪", "东坪镇", "更新不及时", "7月17日",
             "微信", "西岭发布", "西岭乡", "未开通留言", "7月18日"]
    tables, _ = find_tables("一、检查情况\n" + "".join(f"{c} |\n" for c in cells) + "二、整改要求\n")
    assert len(tables) == 1
    assert tables[0].header == cells[:5]
    assert tables[0].rows == [cells[5:10], cells[10:15], cells[15:20]]


def test_a_column_of_deductions_holds_each_row_s_faults_and_grades_name_nobody():
    """主要扣分项 and 失分点 columns are problem columns; a column of grades (等次 | 优秀) holds no names."""
    from tongbao import extract_text

    text = ("关于政务公开考核结果的通报\n各县区:\n现将考核结果通报如下:\n一、考核结果\n"
            "序号 | 县(市、区) | 得分 | 等次 | 主要扣分项 |\n1 | 利州区 | 95 | 优秀 | 无 |\n"
            "2 | 昭化区 | 78 | 合格 | 政策解读栏目更新不及时 |\n3 | 朝天区 | 65 | 基本合格 | 未公开年报 |\n")
    doc = extract_text(text)
    assert [u["name"] for u in doc["units"]] == ["利州区", "昭化区", "朝天区"]
    assert [(p["units"][0], p["description"]) for p in doc["problems"]] == [
        ("昭化区", "政策解读栏目更新不及时"), ("朝天区", "未公开年报")]


def test_a_column_of_errors_holds_each_row_s_error_and_a_column_of_kinds_gives_way_to_descriptions():
    """错误内容 cells are the errors themselves; 问题类型 beside 问题描述 is only their kind."""
    from tongbao import extract_text

    text = ("关于网站内容错误的通报\n各单位:\n一、存在问题\n序号 | 单位 | 错误内容 | 正确表述 |\n"
            "1 | 县科技局 | 治里 | 治理 |\n2 | 县商务局 | 无 | / |\n二、有关问题\n"
            "序号 | 单位 | 问题类型 | 问题描述 |\n1 | 县民政局 | 错别字 | “治理”误写为“治里” |\n")
    problems = [(p["units"][0], p["description"]) for p in extract_text(text)["problems"]]
    assert problems == [("县科技局", "治里"), ("县民政局", "“治理”误写为“治里”")]


def test_a_cell_listing_several_units_names_each_and_the_row_s_fault_is_each_one_s():
    """涉及单位 | 县商务局、县林业局、杨柳湾镇 |: three units, each with the row's problem; 问题类型 is no
    column of platforms, so the names stay bodies."""
    from tongbao import extract_text

    text = ("关于政府网站检查情况的通报\n各单位:\n一、存在问题\n序号 | 问题类型 | 涉及单位 | 数量 |\n"
            "1 | 栏目超过3个月未更新 | 县商务局、县林业局、杨柳湾镇 | 3 |\n2 | 链接失效 | 县交通运输局 | 1 |\n")
    doc = extract_text(text)
    assert [(u["name"], u["type"]) for u in doc["units"]] == [
        ("县商务局", "department"), ("县林业局", "department"), ("杨柳湾镇", "township"), ("县交通运输局", "department")]
    assert [(p["units"][0], p["description"]) for p in doc["problems"]] == [
        ("县商务局", "栏目超过3个月未更新"), ("县林业局", "栏目超过3个月未更新"), ("杨柳湾镇", "栏目超过3个月未更新"),
        ("县交通运输局", "链接失效")]


@pytest.mark.parametrize("cell", ["“柳溪发布”", " “柳溪发布” ", "柳溪发布"])
def test_an_account_cell_names_the_account_with_or_without_its_quotes(cell):
    """名称 | “柳溪发布” |: the quotes are the table's way of writing the name, not part of it; the unit's
    evidence is the name itself."""
    from tongbao import extract_text

    text = ("关于政务新媒体检查情况的通报\n各单位:\n一、存在问题\n序号 | 账号名称 | 平台 | 存在问题 |\n"
            f"1 | {cell} | 微信公众号 | 超过2周未更新 |\n2 | 东坪教育 | 抖音 | 错别字1处 |\n")
    doc = extract_text(text)
    assert [(u["name"], u["type"]) for u in doc["units"]] == [("柳溪发布", "new_media"), ("东坪教育", "new_media")]
    first = doc["units"][0]["mentions"][0]
    assert doc["text"][first["start"]:first["end"]] == "柳溪发布"
    assert [(p["units"][0], p["description"]) for p in doc["problems"]] == [
        ("柳溪发布", "超过2周未更新"), ("东坪教育", "错别字1处")]


ACCOUNTS_TABLE = "序号 | 账号名称 | 类型 | 发布数 |\n1 | 柳溪旅游 | 微博 | 0 |\n2 | 红沙岗乡 | 微信 | 2 |\n"


@pytest.mark.parametrize(
    "above, expected",
    [
        # the line that introduces the table counts its rows and names their fault
        ("一季度有2个账号更新不足5条,具体情况如下:", "一季度更新不足5条"),
        ("以下账号超过2周未更新,名单如下:", "超过2周未更新"),
        # or points at the rows below it (以下…:), whatever it counts; the pointer is no part of the fault
        ("以下账号超过2周未更新:", "超过2周未更新"),
        ("共有2个账号未开通留言功能:", "未开通留言功能"),
        # a sub-heading over the table names it
        ("(一)互动回应不及时(2个)", "互动回应不及时"),
        # neither: an introduction that names no fault (its bracketed note aside), a heading that praises
        ("各账号一季度发布情况统计如下(备注栏注明存在的问题):", None),
        ("(一)更新及时的账号(2个)", None),
    ],
)
def test_a_table_with_no_problem_column_takes_the_fault_of_what_introduces_it(above, expected):
    from tongbao import extract_text

    text = f"关于政务新媒体检查情况的通报\n各单位:\n一、存在问题\n{above}\n{ACCOUNTS_TABLE}"
    doc = extract_text(text)
    assert [u["name"] for u in doc["units"]] == ["柳溪旅游", "红沙岗乡"]
    got = [(p["units"][0], p["description"]) for p in doc["problems"]]
    assert got == ([("柳溪旅游", expected), ("红沙岗乡", expected)] if expected else [])


@pytest.mark.parametrize("header, row, expected", [
    # a row naming its township and its village names the village; the township says where it is
    ("乡镇 | 村(社区) | 存在问题 |", "东坪镇 | 岩脚村 | 公开栏破损 |", "岩脚村"),
    ("街道 | 社区 | 存在问题 |", "南湖街道 | 河滨社区 | 财务收支未公开 |", "河滨社区"),
    ("县区 | 乡镇 | 存在问题 |", "东坪县 | 柳溪镇 | 公开栏破损 |", "柳溪镇"),
    # one column of places names them
    ("乡镇 | 存在问题 |", "柳溪镇 | 公开栏破损 |", "柳溪镇"),
])
def test_a_table_naming_places_by_level_names_the_finest(header, row, expected):
    from tongbao import extract_text

    text = f"关于村务公开检查情况的通报\n各乡镇:\n一、存在问题\n序号 | {header}\n1 | {row}\n"
    doc = extract_text(text)
    assert [u["name"] for u in doc["units"]] == [expected]
    assert [p["units"][0] for p in doc["problems"]] == [expected]


def test_a_sub_site_cell_names_the_body_whose_sub_site_it_is():
    from tongbao import extract_text

    text = ("关于政府网站子站检查情况的通报\n各单位:\n一、存在问题\n序号 | 子站名称 | 存在问题 |\n"
            "1 | 区商务局子站 | 栏目长期未更新 |\n2 | 区教育局子站 | 链接失效 |\n")
    doc = extract_text(text)
    assert [u["name"] for u in doc["units"]] == ["区商务局", "区教育局"]
    assert [(p["units"][0], p["description"]) for p in doc["problems"]] == [
        ("区商务局", "栏目长期未更新"), ("区教育局", "链接失效")]


@pytest.mark.parametrize("head", [["序号", "账号名称", "平台", "存在问题"], ["序号", "账号名称", "平台", "存在", "问题"]])
def test_a_table_that_lost_its_bars_is_read_by_its_serial_column(head):
    """Pages that drop a table's bars leave one cell per line; the serial column (序号 then 1, 2 …) gives the
    rows and their width, a head broken over two lines is joined, and the table ends where the numbers do."""
    rows = [["1", "桐林农技", "微信公众号", "8月未更新"], ["2", "双溪发布", "新浪微博", "评论区广告未清理"],
            ["3", "平安桐林", "抖音", "超过3个月未更新,认证信息为旧名称"]]
    text = "二、问题账号明细\n" + "\n".join(head + [c for r in rows for c in r]) + "\n县政务服务中心\n2025年9月10日\n"
    tables, _ = find_tables(text)
    assert [(t.header, t.rows) for t in tables] == [
        (["序号", "账号名称", "平台", "存在问题"], [[int(r[0])] + r[1:] for r in rows])]
    assert tables[0].title == "二、问题账号明细" and text[tables[0].end - 1] != "\n"
    assert text[tables[0].start:tables[0].end].endswith("认证信息为旧名称")


def test_a_numbered_list_is_no_barless_table():
    """序号 heads no table when no row numbered 2 follows it."""
    assert find_tables("序号\n名称\n1\n东坪镇\n以上为本次检查对象。\n")[0] == []


@pytest.mark.parametrize("text", ["序号\n2\n名称\n1\n甲局", "序号\n" * 5000, "序号\n名称\n1\n甲\n3\n乙"])
def test_a_serial_head_with_no_rows_in_order_is_no_table_and_never_fails(text):
    assert find_tables(text)[0] == []


@pytest.mark.parametrize("head, cells, expected", [
    ("名次 | 县(市、区) | 得分 | 等次 |", ["1 | 雁丘县 | 90.2 | 优秀 |", "2 | 晋原区 | 58.5 | 不合格 |"], ["雁丘县", "晋原区"]),
    ("排名 | 单位 | 得分 |", ["1 | 永岚区 | 93.5 |", "2 | 清溪县 | 91.2 |", "3 | 合计 | 184.7 |"], ["永岚区", "清溪县"]),
])
def test_a_name_column_names_counties_the_gazetteer_lacks(head, cells, expected):
    """A cell of a name column that is two to four characters and a level (市, 县, 区, 旗) is that place."""
    document = extract_text("关于2023年度政务公开评估结果的通报\n一、评估结果\n" + "\n".join([head] + cells) + "\n")
    assert [u["name"] for u in document["units"]] == expected


def test_a_two_column_table_of_names_and_problems_that_lost_its_bars():
    """问题网站名称 / 问题描述 over one cell per line, blank lines between or not: the pairs are its rows, up to a
    heading; a serial column's table that holds such a pair of heads stays one table."""
    text = ("二、存在问题\n问题网站名称\n\n问题描述\n\n柳溪商务之窗\n\n首页长达1个多月未更新;咨询栏目多封信件未回复。\n"
            "柳溪农业信息网\n工作动态超两周没更新。\n三、工作要求\n请于5月底前整改。\n")
    tables, _ = find_tables(text)
    assert [(t.header, t.rows) for t in tables] == [(["问题网站名称", "问题描述"], [
        ["柳溪商务之窗", "首页长达1个多月未更新;咨询栏目多封信件未回复。"], ["柳溪农业信息网", "工作动态超两周没更新。"]])]
    document = extract_text("关于网站检查情况的通报\n" + text)
    assert {u["name"] for u in document["units"]} == {"柳溪商务之窗", "柳溪农业信息网"}
    serial = "序号\n账号名称\n主办单位\n存在问题\n1\n柳溪水务\n县水务局\n8月未更新\n2\n柳溪妇联\n县妇联\n超过3个月未更新\n"
    assert [t.header for t in find_tables(serial)[0]] == [["序号", "账号名称", "主办单位", "存在问题"]]


# Statistics tables of an annual report follow one another in one run of bar lines, each under a line of one
# cell naming it; the page may open or close every line with a bar, put a header over several lines, or end
# inside a row. Sentences and figures written for these tests.
_STATISTICS = (
    "第一项 | |||\n"
    "类别 | 新制发 | 已废止 | 现行有效 | |\n"
    "规范性文件 | 2 | 0 | 11 | |\n"
    "其他文件 | 5 | 1 | 40 | |\n"
    "第二项 | |||\n"
    "类别 | 上年数量 | 本年增减 | |\n"
    "行政许可 | 12 | -1 | |\n"
)


@pytest.mark.parametrize("text, expected", [
    # (title, header, rows) of each table
    (_STATISTICS, [("第一项", ["类别", "新制发", "已废止", "现行有效"], [["规范性文件", 2, 0, 11], ["其他文件", 5, 1, 40]]),
                   ("第二项", ["类别", "上年数量", "本年增减"], [["行政许可", 12, -1]])]),
    # every line opened by a bar: the empty first column is the bar's, not a cell
    ("".join("| " + line for line in _STATISTICS.splitlines(keepends=True)),
     [("第一项", ["类别", "新制发", "已废止", "现行有效"], [["规范性文件", 2, 0, 11], ["其他文件", 5, 1, 40]]),
      ("第二项", ["类别", "上年数量", "本年增减"], [["行政许可", 12, -1]])]),
    # the page ends inside a row: the row keeps the cells it has; a title the page cut after makes no table
    (_STATISTICS + "其他事项 | 3 |\n第三项 | |||\n", [
        ("第一项", ["类别", "新制发", "已废止", "现行有效"], [["规范性文件", 2, 0, 11], ["其他文件", 5, 1, 40]]),
        ("第二项", ["类别", "上年数量", "本年增减"], [["行政许可", 12, -1], ["其他事项", 3, ""]])]),
    (_STATISTICS + "其他管理", [
        ("第一项", ["类别", "新制发", "已废止", "现行有效"], [["规范性文件", 2, 0, 11], ["其他文件", 5, 1, 40]]),
        ("第二项", ["类别", "上年数量", "本年增减"], [["行政许可", 12, -1], ["其他管理", "", ""]])]),
    # a line of one cell over a row of numbers labels a group inside one table
    ("单位 | 条数 |\n县直部门 |\n县财政局 | 31 |\n县水利局 | 12 |\n乡镇 |\n东坪镇 | 20 |\n",
     [(None, ["单位", "条数"], [["县直部门", ""], ["县财政局", 31], ["县水利局", 12], ["乡镇", ""], ["东坪镇", 20]])]),
])
def test_titled_statistics_tables_in_one_run_of_bars(text, expected):
    tables, _ = find_tables(text)
    assert [(t.title, t.header, t.rows) for t in tables] == expected


def test_a_header_written_over_three_lines_is_no_row():
    text = ("| (各列之和等于总计) | 申请人 | ||||\n| 个人 | 法人 | 总计 | ||\n| 企业 | 机构 | 其他 | ||\n"
            "| 一、本年新收申请 | 4 | 1 | 0 | 0 | 5 | |\n| 二、上年结转申请 | 0 | 0 | 0 | 0 | 0 | |\n")
    table = _one(text)
    assert table.header[:2] == ["(各列之和等于总计)", "申请人"]
    assert [row[0] for row in table.rows] == ["一、本年新收申请", "二、上年结转申请"]


def test_a_row_cut_by_the_page_end_stays_prose_too():
    """The cut row is the table's last row, but its text stays outside the table's span (its last words may
    be a name the page cut short), and the table says it was cut."""
    text = "名次 | 网站名称 | 得分 |\n1 | 县公安局网站 | 93.5 |\n2 | 县民政局网站 | 90.1 |\n3 | 县林业局"
    table = _one(text)
    assert table.cut and table.rows[-1] == [3, "县林业局", ""]
    assert text[table.start:table.end].endswith("90.1 |")
    heading = "二、整改要求"
    assert not _one(text.rsplit("\n", 1)[0] + "\n" + heading).cut  # a heading after a table is no row of it


def test_header_block_fields_of_provincial_sites_are_metadata():
    text = ("信息索引号 | 000000/2020-00001 | 生成日期 | 2020-03-02 |\n效力状况 | 有效 | 附件下载 | |\n"
            "内容概述 | 县政府办公室关于某项工作的通知 |\n")
    tables, pairs = find_tables(text)
    assert tables == [] and ("信息索引号", "000000/2020-00001") in pairs and ("效力状况", "有效") in pairs


def test_the_pages_buttons_under_a_table_are_no_cut_row():
    table = _one("名次 | 网站名称 | 得分 |\n1 | 县公安局网站 | 93.5 |\n2 | 县民政局网站 | 90.1 |\n【打印本页】 【关闭窗口】")
    assert not table.cut and len(table.rows) == 2
