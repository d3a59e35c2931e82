"""Readers: every format to the same text model; fixtures are built here, nothing binary is committed."""
from __future__ import annotations

import io
import os
import shutil
import stat
import subprocess
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from extract.errors import (
    CorruptFile, EmptyInput, EncryptedPdf, LegacyFormat, NoTextLayer, Timeout, TongbaoError, TooLarge,
    UnreadableEncoding, UnsupportedFormat,
)
from extract.readers import read_file
from extract.readers.docx import chinese_number, format_number
from extract.readers.txt import decode

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "notices"
NOTICE = (CORPUS / "000_d97bcc4c5aa47a5e.txt").read_text(encoding="utf-8")
FIRST_LINES = "\n".join(NOTICE.split("\n")[:9]) + "\n"
TRADITIONAL = "\n".join((CORPUS / "notice-06.txt").read_text(encoding="utf-8").split("\n")[:4])
BODY = [line for line in NOTICE.split("\n") if len(line) > 60][:8]
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600  # the header every legacy Office file starts with


# ---------------------------------------------------------------- text


@pytest.mark.parametrize(
    "text, codec, expected",
    [
        (FIRST_LINES, "gb18030", "gb18030"),
        (FIRST_LINES, "gbk", "gb18030"),
        (TRADITIONAL, "big5", "big5"),
        (FIRST_LINES, "utf-16", "utf-16"),
        (FIRST_LINES, "utf-16-le", "utf-16"),
        (FIRST_LINES, "utf-16-be", "utf-16"),
        (FIRST_LINES, "utf-8-sig", "utf-8-sig"),
        (FIRST_LINES.replace("\n", "\r\n"), "utf-8", "utf-8"),
    ],
)
def test_text_encodings_decode_exactly(tmp_path, text, codec, expected):
    path = tmp_path / "notice.txt"
    path.write_bytes(text.encode(codec))
    result = read_file(path)
    assert (result.format, result.encoding) == ("txt", expected)
    assert result.text() == text
    assert all(b.kind == "paragraph" for b in result.blocks)


def test_big5_is_not_taken_for_gb18030():
    data = TRADITIONAL.encode("big5")
    data.decode("gb18030")  # the trap: it decodes without error
    assert decode(data) == (TRADITIONAL, "big5", [])


def test_utf8_with_mojibake_stays_utf8():
    path = CORPUS / "001_1687689499626dd9.txt"
    result = read_file(path)
    assert result.encoding == "utf-8"
    assert result.text() == path.read_text(encoding="utf-8")


def test_text_passed_as_bytes_uses_path_as_name_only():
    result = read_file("archive.zip/member.txt", FIRST_LINES.encode("gb18030"))
    assert result.text() == FIRST_LINES


@settings(max_examples=60, deadline=None)
@given(start=st.integers(0, len(NOTICE) - 1), length=st.integers(20, 400),
       codec=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030"]))
@example(start=NOTICE.index("打开当前页面"), length=20, codec="utf-8")  # an even byte count, no NULs: not UTF-16
def test_any_corpus_slice_round_trips(start, length, codec):
    from extract.readers.furniture import drop_text_furniture

    text = drop_text_furniture(NOTICE[start:start + length])[0]  # a page's furniture lines are dropped on purpose
    if text.strip():
        result = read_file("slice.txt", text.encode(codec))
        assert result.text() == text


def test_random_bytes_are_unreadable(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(UnreadableEncoding, match="noise.txt"):
        read_file(path)


# ---------------------------------------------------------------- html

PAGE = """<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>通报</title><script>var s = "脚本中文不要";</script><style>p {{color: red}}</style></head><body>
<div class="top"><a href="/">网站首页</a><a href="/a">政务公开</a><a href="/b">政务服务</a><a href="/c">互动交流</a></div>
<div class="crumb">您现在的位置：<a href="/">首页</a> &gt; <a href="/x">通知公告</a></div>
<h1>关于全区第一季度政府信息公开情况的通报</h1>
<div class="info">发布时间：2021-03-01 【字体：<a>大</a> <a>中</a> <a>小</a>】 <a href="#">打印</a></div>
<div class="{box}">
<p>各乡镇人民政府，各街道办事处：</p>
<p>　　为全面掌握新版政府网站运行现状，
现将有关情况通报如下：</p>
<p>一、总体情况<br>（一）公开责任基本明确。</p>
<table border="1"><tr><td>单位</td><td colspan="2">得分</td></tr>
<tr><td rowspan="2">区财政局</td><td>95</td><td>优秀</td></tr><tr><td>90</td><td>良好</td></tr></table>
<p>特此通报。</p>
</div>
<div>扫一扫在手机打开当前页面</div>
<div class="bdsharebuttonbox">分享到：<a>微信</a><a>微博</a></div>
<div>【打印本页】 【关闭窗口】</div>
<div>上一篇：<a href="#">关于某某工作的通知</a></div><div>下一条：<a href="#">另一条</a></div>
<div>相关链接</div><ul><li><a>中国政府网</a></li><li><a>甘肃省人民政府</a></li></ul>
<footer>主办单位：甘州区人民政府办公室</footer>
</body></html>"""

PAGE_TEXT = """关于全区第一季度政府信息公开情况的通报
各乡镇人民政府，各街道办事处：
为全面掌握新版政府网站运行现状，现将有关情况通报如下：
一、总体情况
（一）公开责任基本明确。
单位 | 得分 |
区财政局 | 95 | 优秀 |
90 | 良好 |
特此通报。"""


@pytest.mark.parametrize("box", ["TRS_Editor", "plain"])  # a known content box, then text density alone
def test_html_body_without_chrome_keeps_table(tmp_path, box):
    path = tmp_path / "notice.html"
    path.write_bytes(PAGE.format(box=box).encode("gb18030"))
    result = read_file(path)
    assert (result.format, result.encoding) == ("html", "gb18030")
    assert result.text() == PAGE_TEXT
    table = [b for b in result.blocks if b.kind == "table"]
    assert table[0].rows == [["单位", "得分"], ["区财政局", "95", "优秀"], ["90", "良好"]]


def test_html_charset_lie_falls_back_to_plausibility():
    result = read_file("page.htm", PAGE.format(box="x").encode("big5", errors="ignore").replace(b"gb2312", b"utf-8"))
    assert result.encoding == "big5"


def test_html_deep_nesting_does_not_crash():
    depth = 200_000
    page = "<html><body><p>正文</p>" + "<div><span>" * depth + "深处的文字" + "</span></div>" * depth + "</body></html>"
    result = read_file("deep.html", page.encode("utf-8"))
    assert "深处的文字" in result.text()


# ---------------------------------------------------------------- docx

NUMBERING_XML = """<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="90">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%3"/></w:lvl>
</w:abstractNum>
<w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num>
</w:numbering>"""


TEXT_BOX = """<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
 xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
 xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>
<mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>文本框里的字</w:t></w:r></w:p>
</w:txbxContent></wps:txbx></w:drawing></mc:Choice>
<mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>文本框里的字</w:t></w:r></w:p></w:txbxContent>
</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>"""


def _docx_bytes() -> bytes:
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    document = docx.Document()
    numbering = document.part.numbering_part.element
    for child in parse_xml(NUMBERING_XML):
        numbering.append(child)
    assert document.part.part_related_by(RT.NUMBERING) is not None

    def numbered(text, level):
        p = document.add_paragraph(text)
        num_pr = p._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().set(qn("w:val"), str(level))
        num_pr.get_or_add_numId().set(qn("w:val"), "90")
        return p

    document.add_paragraph("关于全区政府信息公开情况的通报")
    document.add_paragraph("各乡镇人民政府：")
    numbered("总体情况", 0)
    numbered("公开责任基本明确。", 1)
    numbered("公开渠道逐步多样。", 1)
    numbered("第一点", 2)
    numbered("存在问题", 0)
    numbered("空白栏目较多。", 1)
    edited = document.add_paragraph("保留")
    edited._p.append(parse_xml(
        '<w:ins xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:id="1" w:author="a">'
        "<w:r><w:t>插入的字</w:t></w:r></w:ins>"))
    edited._p.append(parse_xml(
        '<w:del xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:id="2" w:author="a">'
        "<w:r><w:delText>删除的字</w:delText></w:r></w:del>"))
    box = document.add_paragraph("图注")
    box._p.append(parse_xml(TEXT_BOX))
    heading = document.styles["Heading 2"].element.get_or_add_pPr().get_or_add_numPr()
    heading.get_or_add_numId().set(qn("w:val"), "90")
    document.add_paragraph("工作建议", style="Heading 2")  # numbered through its style
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "考核单位"
    table.cell(0, 2).text = "得分"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "区财政局"
    for row, values in ((1, ("上半年", "95")), (2, ("下半年", "90"))):
        table.cell(row, 1).text, table.cell(row, 2).text = values
    document.sections[0].header.paragraphs[0].text = "页眉不要"
    document.add_paragraph("特此通报。")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_numbering_tables_and_revisions(tmp_path):
    path = tmp_path / "notice.docx"
    path.write_bytes(_docx_bytes())
    result = read_file(path)
    assert result.format == "docx"
    paragraphs = [b.text for b in result.blocks if b.kind == "paragraph"]
    assert paragraphs == [
        "关于全区政府信息公开情况的通报", "各乡镇人民政府：", "一、总体情况", "（一）公开责任基本明确。",
        "（二）公开渠道逐步多样。", "①第一点", "二、存在问题", "（一）空白栏目较多。", "保留插入的字", "图注", "文本框里的字",
        "三、工作建议", "特此通报。",
    ]
    [table] = [b for b in result.blocks if b.kind == "table"]
    assert table.rows == [["考核单位", "", "得分"], ["区财政局", "上半年", "95"], ["", "下半年", "90"]]
    assert "页眉不要" not in result.text()


# The annual report's table 3: 申请人情况 over three columns, 单位 over two header rows, and a header cell
# whose text breaks between two Chinese characters. Every reader must keep each header above its data.
MERGED_HEADER = [["单位", "申请人情况", "", ""], ["", "自然人", "法人或其他组织", "总计"],
                 ["区财政局", "1", "2", "3"], ["区教育局", "4", "5", "9"]]


def _merged_header_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("政府信息公开申请情况")
    table = document.add_table(rows=4, cols=4)
    table.cell(0, 1).merge(table.cell(0, 3)).text = "申请人情况"
    table.cell(0, 0).merge(table.cell(1, 0)).text = "单位"
    table.cell(1, 1).text, table.cell(1, 3).text = "自然人", "总计"
    split = table.cell(1, 2).paragraphs[0]
    split.add_run("法人或").add_break()  # a line break inside the cell …
    split.add_run("其他")
    table.cell(1, 2).add_paragraph("组织")  # … and a second paragraph
    for r, row in enumerate(MERGED_HEADER[2:], 2):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_merged_header_cells_stay_above_their_columns():
    [table] = [b for b in read_file("report.docx", _merged_header_docx()).blocks if b.kind == "table"]
    assert table.rows == MERGED_HEADER


@pytest.mark.parametrize("lines, expected", [
    (["申请人", "情况"], "申请人情况"), (["Open", "Data"], "Open Data"), (["2021年", "3月"], "2021年 3月"),
    (["单位", "", " 名称 "], "单位名称"), (["（一）", "公开"], "（一）公开"), ([], ""),
])
def test_a_cells_lines_join_without_a_space_between_chinese_characters(lines, expected):
    from extract.readers._cjk import join_lines

    assert join_lines(lines) == expected


@pytest.mark.parametrize(
    "n, fmt, expected",
    [(1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (21, "chineseCountingThousand", "二十一"),
     (105, "chineseCountingThousand", "一百零五"), (3, "decimalEnclosedCircle", "③"), (12, "decimal", "12"),
     (2, "ideographTraditional", "乙"), (4, "lowerRoman", "iv"), (2, "upperLetter", "B")],
)
def test_number_formats(n, fmt, expected):
    assert format_number(n, fmt) == expected


def test_chinese_numbers():
    assert [chinese_number(n) for n in (1, 11, 20, 99, 100, 110, 1001)] == [
        "一", "十一", "二十", "九十九", "一百", "一百一十", "一千零一"]


def test_docx_zip_bomb_refused_before_inflating(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<" + b" " * 5_000_000 + b"/>")
    path = tmp_path / "bomb.docx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(TooLarge, match="bomb.docx"):
        read_file(path, max_bytes=1_000_000)


def _fake_soffice(tmp_path, monkeypatch, script: str) -> None:
    tool = tmp_path / "bin" / "soffice"
    tool.parent.mkdir()
    tool.write_text("#!/bin/sh\n" + script)
    tool.chmod(tool.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{tool.parent}{os.pathsep}{os.environ['PATH']}")


def test_legacy_doc_converted_when_soffice_exists(tmp_path, monkeypatch):
    converted = tmp_path / "made.docx"
    converted.write_bytes(_docx_bytes())
    # A stand-in for LibreOffice: `--outdir DIR FILE` → DIR/FILE-stem.docx
    _fake_soffice(tmp_path, monkeypatch, f'for a; do last="$a"; done\nwhile [ "$1" != "--outdir" ]; do shift; done\n'
                                         f'stem=$(basename "$last"); cp "{converted}" "$2/${{stem%.*}}.docx"\n')
    result = read_file("old.doc", OLE)
    assert result.format == "docx"
    assert "一、总体情况" in result.text()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")
def test_with_libreoffice_a_real_doc_is_read_and_a_fake_one_is_corrupt(tmp_path):
    (tmp_path / "made.docx").write_bytes(_docx_bytes())
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to",
                    "doc", "--outdir", str(tmp_path), str(tmp_path / "made.docx")], capture_output=True, timeout=180)
    result = read_file(tmp_path / "made.doc")
    assert result.format == "docx" and "converted from Word 97-2003 document (.doc) with LibreOffice" in result.warnings
    assert "一、总体情况" in result.text()
    with pytest.raises(CorruptFile, match="LibreOffice could not convert"):
        read_file("old.doc", OLE)


def test_legacy_conversion_that_hangs_times_out(tmp_path, monkeypatch):
    import extract.readers

    _fake_soffice(tmp_path, monkeypatch, "sleep 30\n")
    monkeypatch.setattr(extract.readers, "CONVERT_TIMEOUT", 0.5)
    start = time.perf_counter()
    with pytest.raises(Timeout, match="old.doc"):
        read_file("old.doc", OLE)
    assert time.perf_counter() - start < 10


@pytest.mark.parametrize(
    "name, data, expected",
    [("saved-as-web-page.doc", PAGE.format(box="x").encode("gb18030"), "html"),
     ("no-extension", "pdf", "pdf"), ("really-a-docx.txt", "docx", "docx"), ("really-a-docx.doc", "docx", "docx")],
)
def test_magic_bytes_beat_the_extension(name, data, expected):
    data = {"pdf": PDF_SAMPLE, "docx": DOCX_SAMPLE}.get(data, data)
    result = read_file(name, data)
    assert result.format == expected


# ---------------------------------------------------------------- pdf

HEADER = "甘州区人民政府办公室文件"


def _pdf_bytes(pages=2, fake_bold=False, table=False, encrypt=None, text=True, paragraphs=BODY, rule=False) -> bytes:
    """A notice laid out like a printed one: running head, page numbers, wrapped paragraphs flowing on."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842), encrypt=encrypt)
    left, right, size, font = 72.0, 523.0, 12.0, "STSong-Light"

    def wrap(text, indent):
        lines, line, width = [], "", indent
        for ch in text:
            w = pdfmetrics.stringWidth(ch, font, size)
            if width + w > right - left:
                lines.append(line)
                line, width = "", 0.0
            line, width = line + ch, width + w
        return lines + [line]

    def furniture(number):
        pdf.setFont(font, 9)
        pdf.drawCentredString(297, 800, HEADER)
        pdf.drawCentredString(297, 40, f"— {number} —")
        if rule:  # the red rule under an official letterhead: a line, not a table
            pdf.line(left, 790, right, 790)
        pdf.setFont(font, size)

    if not text:
        for _ in range(pages):
            pdf.rect(100, 100, 200, 200, fill=1)
            pdf.showPage()
        pdf.save()
        return buffer.getvalue()
    number, y = 1, 760.0
    furniture(number)
    pdf.setFont(font, 18)
    title = "关于全区第一季度政府信息公开情况的通报"
    pdf.drawCentredString(297, y, title)
    if fake_bold:
        pdf.drawCentredString(297.3, y + 0.3, title)
    y -= 40
    pdf.setFont(font, size)
    if table:
        for r, row in enumerate([["单位", "得分"], ["区财政局", "95"]]):
            for c, value in enumerate(row):
                pdf.rect(left + c * 150, y - (r + 1) * 20, 150, 20)
                pdf.drawString(left + c * 150 + 4, y - (r + 1) * 20 + 6, value)
        y -= 60
    while True:
        for paragraph in paragraphs:
            for i, line in enumerate(wrap(paragraph, 2 * size)):
                if y < 100:
                    if number == pages:
                        pdf.showPage()
                        pdf.save()
                        return buffer.getvalue()
                    pdf.showPage()
                    number, y = number + 1, 760.0
                    furniture(number)
                pdf.drawString(left + (2 * size if i == 0 else 0), y, line)
                y -= 22


def _plumber_text(data: bytes) -> str:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() for page in pdf.pages)


def test_pdf_lines_joined_heads_and_numbers_dropped(tmp_path):
    path = tmp_path / "notice.pdf"
    path.write_bytes(_pdf_bytes(pages=2))
    page_one = _plumber_text(path.read_bytes()).split("— 1 —")[0].rstrip("\n")
    assert not page_one.endswith("。")  # a paragraph runs on over the page break
    result = read_file(path)
    assert result.format == "pdf"
    text = result.text()
    assert "—" not in text
    paragraphs = [b.text for b in result.blocks]
    # The running head keeps its first occurrence (a line on every page is often the title), the copies go.
    assert paragraphs[:2] == [HEADER, "关于全区第一季度政府信息公开情况的通报"] and text.count(HEADER) == 1
    # Every paragraph wrapped over lines (and one over the page break) comes back whole.
    assert paragraphs[2:len(BODY) + 2] == BODY
    assert all(any(body.startswith(p) for body in BODY) for p in paragraphs[2:])
    assert " " not in text


def test_pdf_ruled_pages_without_tables_read_alike():
    assert read_file("ruled.pdf", _pdf_bytes(rule=True)).blocks == read_file("plain.pdf", _pdf_bytes()).blocks


def test_pdf_fake_bold_deduplicated():
    data = _pdf_bytes(pages=2, fake_bold=True)
    assert "关关于于" in _plumber_text(data)  # the trap is really there
    result = read_file("bold.pdf", data)
    assert result.blocks[1].text == "关于全区第一季度政府信息公开情况的通报"  # under the running head's first copy


def test_pdf_table_kept_once():
    result = read_file("table.pdf", _pdf_bytes(pages=1, table=True))
    [table] = [b for b in result.blocks if b.kind == "table"]
    assert table.rows == [["单位", "得分"], ["区财政局", "95"]]
    assert "区财政局" not in "".join(b.text for b in result.blocks if b.kind == "paragraph")


def _merged_header_pdf() -> bytes:
    """MERGED_HEADER drawn as a ruled grid whose merged cells are single boxes; 法人或其他组织 wraps."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842))
    pdf.setFont("STSong-Light", 12)
    pdf.drawString(72, 760, "政府信息公开申请情况")
    left, top, width, height = 72.0, 740.0, 110.0, 36.0
    boxes = [(0, 0, 1, 2, ["单位"]), (0, 1, 3, 1, ["申请人情况"]), (1, 1, 1, 1, ["自然人"]),
             (1, 2, 1, 1, ["法人或其", "他组织"]), (1, 3, 1, 1, ["总计"])]
    boxes += [(r, c, 1, 1, [value]) for r, row in enumerate(MERGED_HEADER[2:], 2) for c, value in enumerate(row)]
    for row, column, columns, rows, lines in boxes:
        x, y = left + column * width, top - (row + rows) * height
        pdf.rect(x, y, columns * width, rows * height)
        for k, line in enumerate(lines):
            pdf.drawString(x + 4, y + rows * height - 14 - 14 * k, line)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_pdf_merged_header_cells_stay_above_their_columns():
    [table] = [b for b in read_file("report.pdf", _merged_header_pdf()).blocks if b.kind == "table"]
    assert table.rows == MERGED_HEADER


# A notice whose header field wraps where the layout cannot fit `间:2019-02-07` after `发布时`: the line
# breaks before 间 and leaves room for three characters, more than the one a plain wrap leaves.
FIELD_NOTICE = ["关于全区政府网站检查情况的通报",
                "为全面掌握新版政府网站运行现状,推进全区政府信息公开工作持续规范化、优质化发展,现将检查情况通报如下。",
                "来源:甘州区人民政府办公室(政务公开办) 发布时间:2019-02-07 浏览次数:12",
                "一、总体情况", "本次共检查网站12个,发现问题5个。"]


def _wrapped_pdf(paragraphs: list[str]) -> bytes:
    """Paragraphs laid out as a word processor does: a break may fall before an ideograph or an opening
    bracket, never inside `间:2019-02-07` (an ideograph and what is glued after it)."""
    import re

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    font, size, left, width = "STSong-Light", 12.0, 72.0, 300.0
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842))
    pdf.setFont(font, size)
    y = 760.0
    for paragraph in paragraphs:
        line = ""
        for unit in re.findall(r"[\u4e00-\u9fff(][^\u4e00-\u9fff(]*|[^\u4e00-\u9fff(]+", paragraph):
            if line and pdfmetrics.stringWidth(line + unit.rstrip(), font, size) > width:
                pdf.drawString(left, y, line)
                line, y = "", y - 20
            line += unit
        pdf.drawString(left, y, line)
        y -= 28
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_pdf_field_wrapped_inside_its_name_is_joined(tmp_path):
    data = _wrapped_pdf(FIELD_NOTICE)
    printed = _plumber_text(data).split("\n")
    broken = next(i for i, line in enumerate(printed) if line.endswith("发布时"))  # the trap is really there
    assert printed[broken + 1].startswith("间:2019-02-07")
    assert "发布时间:2019-02-07" in read_file("notice.pdf", data).text()


def test_a_wrapped_field_gives_the_same_date_from_txt_docx_and_pdf(tmp_path):
    import docx

    from extract import extract_file

    (tmp_path / "notice.txt").write_text("\n".join(FIELD_NOTICE), encoding="utf-8")
    document = docx.Document()
    for paragraph in FIELD_NOTICE:
        document.add_paragraph(paragraph)
    document.save(tmp_path / "notice.docx")
    (tmp_path / "notice.pdf").write_bytes(_wrapped_pdf(FIELD_NOTICE))
    dates = {suffix: extract_file(tmp_path / f"notice.{suffix}")["date"] for suffix in ("txt", "docx", "pdf")}
    assert dates == {"txt": "2019-02-07", "docx": "2019-02-07", "pdf": "2019-02-07"}


def test_pdf_latin_words_keep_their_spaces():
    result = read_file("latin.pdf", _pdf_bytes(pages=1, paragraphs=["根据 the State Council 通知 2021 年工作要点。"]))
    assert "the State Council" in result.text()
    assert "根据the State Council通知2021年工作要点。" in result.text()


# ---------------------------------------------------------------- pdf: PDFium, and pdfplumber when it cannot


def _turned_pdf(rotation: int) -> bytes:
    """A notice with a ruled table on a page shown turned clockwise by `rotation`, drawn to read upright as shown."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    width, height = 595, 842
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(width, height))
    pdf.setPageRotation(rotation)
    shown_height = width if rotation in (90, 270) else height
    pdf.translate(*{0: (0, 0), 90: (width, 0), 180: (width, height), 270: (0, height)}[rotation])
    pdf.rotate(rotation)
    pdf.setFont("STSong-Light", 12)
    y = shown_height - 80
    for line in ["关于全区第一季度政府信息公开情况的通报", "现将检查情况通报如下。本次共检查网站12个,发现问题5个。"]:
        pdf.drawString(72, y, line)
        y -= 24
    for r, row in enumerate([["单位", "得分"], ["区财政局", "95"]]):
        for c, value in enumerate(row):
            pdf.rect(72 + c * 150, y - (r + 1) * 20, 150, 20)
            pdf.drawString(76 + c * 150, y - (r + 1) * 20 + 6, value)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _raw_pdf(content: bytes, fonts: dict[bytes, tuple[bytes, ...]]) -> bytes:
    """A one-page PDF written by hand: `fonts` maps a resource name to its objects, where # and @ stand for the
    numbers of the font's second and third object."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", b"",
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content)]
    names = []
    for name, parts in fonts.items():
        first = len(objects) + 1
        objects += [part.replace(b"#", b"%d" % (first + 1)).replace(b"@", b"%d" % (first + 2)) for part in parts]
        names.append(b"/%s %d 0 R" % (name, first))
    objects[2] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << "
                  + b" ".join(names) + b" >> >> >>")
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


HELVETICA = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",)
TIMES = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>",)
# A code that maps to two characters, as a ligature's glyph does (here the code of f gives "fi")
FI_LIGATURE = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode # 0 R >>",
               b"<< /Length 200 >>\nstream\n/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /L "
               b"def 1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfchar <66> <00660069> endbfchar endcmap "
               b"CMapName currentdict /CMap defineresource pop end end\nendstream")
# A CID font without any Unicode mapping: its glyphs cannot be read as text
UNMAPPED = (b"<< /Type /Font /Subtype /Type0 /BaseFont /Secret /Encoding /Identity-H /DescendantFonts [# 0 R] >>",
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Secret /DW 1000 /FontDescriptor @ 0 R"
            b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>",
            b"<< /Type /FontDescriptor /FontName /Secret /Flags 4 /FontBBox [0 -200 1000 800] /ItalicAngle 0"
            b" /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>")

def _cjk_font_installed() -> bool:
    fc_list = shutil.which("fc-list")
    return fc_list is not None and bool(subprocess.run([fc_list, ":lang=zh"], capture_output=True, text=True).stdout.strip())


# PDFium places the glyphs of a CJK font a PDF names but does not embed (reportlab's STSong-Light) on a turned
# page only with a CJK font on the system to stand in for it; .ci/run installs one (fonts-wqy-microhei).
NEEDS_CJK_FONT = pytest.mark.skipif(not _cjk_font_installed(), reason="no CJK system font (fonts-wqy-microhei)")

PDF_FIXTURES = {
    "plain": lambda: _pdf_bytes(pages=3),
    "fake-bold": lambda: _pdf_bytes(pages=2, fake_bold=True),
    "table": lambda: _pdf_bytes(pages=1, table=True),
    "rule": lambda: _pdf_bytes(rule=True),
    "latin": lambda: _pdf_bytes(pages=1, paragraphs=["根据 the State Council 通知 2021 年工作要点。"]),
    "merged-header": _merged_header_pdf,
    "wrapped-field": lambda: _wrapped_pdf(FIELD_NOTICE),
    "turned-90": lambda: _turned_pdf(90),
    "turned-180": lambda: _turned_pdf(180),
    "turned-270": lambda: _turned_pdf(270),
    "ligature": lambda: _raw_pdf(b"BT /F1 12 Tf 72 700 Td (Speci) Tj (f) Tj (cation is kept) Tj ET",
                                 {b"F1": FI_LIGATURE}),
    "line-end-hyphen": lambda: _raw_pdf(b"BT /F1 12 Tf 72 700 Td (The reader keeps the manip-) Tj 0 -14 Td "
                                        b"(ulation of words whole.) Tj ET", {b"F1": HELVETICA}),
    "unmapped": lambda: _raw_pdf(b"BT /F1 12 Tf 72 700 Td (Plain words here.) Tj ET "
                                 b"BT /F2 12 Tf 72 680 Td <00410042> Tj ET", {b"F1": HELVETICA, b"F2": UNMAPPED}),
    # office suites write a line as many short text objects, in the fonts and sizes of its runs
    "pieces": lambda: _raw_pdf(b"BT /F1 12 Tf 72 700 Td (Thr) Tj ET BT /F1 12 Tf 91.3 700 Td (ee) Tj ET "
                               b"BT /F2 12 Tf 110 700 Td (fonts) Tj ET BT /F1 9 Tf 140 700 Td (and) Tj ET "
                               b"BT /F2 12 Tf 160 700 Td (sizes) Tj ET BT /F1 12 Tf 72 686 Td (on two lines.) Tj ET",
                               {b"F1": HELVETICA, b"F2": TIMES}),
}


def _without_pdfium(monkeypatch) -> None:
    """As if PDFium could not open any file."""
    from extract.readers import pdfium

    def refuse(data):
        raise pdfium.Unreadable("Failed to load document (PDFium: Data format error).", password=False)

    monkeypatch.setattr(pdfium, "open_document", refuse)


@pytest.mark.parametrize("name", [pytest.param(name, marks=NEEDS_CJK_FONT) if name in ("turned-90", "turned-270")
                                  else name for name in sorted(PDF_FIXTURES)])
def test_pdfium_and_pdfplumber_read_a_pdf_alike(monkeypatch, name):
    """PDFium gives the characters and the ruling lines; the same layout over pdfminer's gives the same blocks."""
    data = PDF_FIXTURES[name]()
    through_pdfium = read_file(f"{name}.pdf", data)
    _without_pdfium(monkeypatch)
    through_pdfplumber = read_file(f"{name}.pdf", data)
    assert through_pdfplumber.blocks == through_pdfium.blocks
    assert through_pdfplumber.repairs == through_pdfium.repairs
    assert through_pdfplumber.warnings == [
        "PDFium could not open the file (Failed to load document (PDFium: Data format error).): read with pdfplumber",
        *through_pdfium.warnings]


@pytest.mark.parametrize("name, present, warning", [
    ("ligature", "Specification is kept", None),  # PDFium gives the glyph's two characters at one place
    ("line-end-hyphen", "manip-ulation", None),  # PDFium marks a hyphen that ends a line as U+FFFE
    ("unmapped", "Plain words here.", "2 glyph(s) without a Unicode mapping dropped"),
    ("pieces", "Three fonts and sizes on two lines.", None),  # a line of many text objects is one line
])
def test_pdf_glyphs_that_are_not_one_character(name, present, warning):
    result = read_file(f"{name}.pdf", PDF_FIXTURES[name]())
    assert present in result.text()
    assert (warning in result.warnings) if warning else not result.warnings


@pytest.mark.parametrize("rotation", [pytest.param(90, marks=NEEDS_CJK_FONT), 180, pytest.param(270, marks=NEEDS_CJK_FONT)])
def test_a_turned_page_reads_as_it_is_shown(rotation):
    upright = read_file("upright.pdf", _turned_pdf(0)).blocks
    assert [b.rows for b in upright if b.kind == "table"] == [[["单位", "得分"], ["区财政局", "95"]]]
    assert read_file("turned.pdf", _turned_pdf(rotation)).blocks == upright


def test_pdf_keeps_the_symbols_and_private_use_characters_it_shows():
    """pdfminer's table for the Adobe-GB1 font dropped • and · and gave private-use characters (which GBK
    mojibake holds, and the normaliser repairs) as others; PDFium gives back what was drawn."""
    line = "•时间:2017-08-16“中国·甘肃”?。ㄈ\ue40c┕\ue0a6_实效"
    assert line in read_file("symbols.pdf", _pdf_bytes(pages=1, paragraphs=[line])).text()


def test_a_pdf_read_that_fails_half_way_releases_pdfium(monkeypatch):
    """PDFium serves one document at a time; an error kept by the caller must not keep its lock."""
    from extract.readers import pdf, pdfium

    def broken(glyphs):
        raise RuntimeError("layout failed")

    monkeypatch.setattr(pdf, "_lines", broken)
    with pytest.raises(CorruptFile) as kept:
        read_file("a.pdf", _pdf_bytes(pages=2))
    assert kept.value.__context__ is not None and not pdfium.LOCK.locked()


def test_a_pdf_pdfium_cannot_open_is_read_by_pdfplumber(monkeypatch):
    _without_pdfium(monkeypatch)
    result = read_file("notice.pdf", _pdf_bytes(pages=2, table=True))
    assert result.warnings[0].startswith("PDFium could not open the file") and "pdfplumber" in result.warnings[0]
    assert [b.rows for b in result.blocks if b.kind == "table"] == [[["单位", "得分"], ["区财政局", "95"]]]


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
@pytest.mark.parametrize("x, y", [(72.5, 700.25), (0.0, 0.0), (595.0, 842.0), (10.125, -3.5)])
def test_a_characters_place_on_a_turned_page_is_the_same_by_either_formula(rotation, x, y):
    """The glyph reader takes one user coordinate times ±1 plus an offset (Display.along); Display.point
    gives the general formula the edges use. Both must give the same numbers."""
    from extract.readers.pdfium import Display

    display = Display(rotation, 10.0, 20.0, 605.0, 862.0)
    x_scale, x_offset, top_scale, top_offset = display.along
    first, second = (y, x) if display.turned else (x, y)
    assert (first * x_scale + x_offset, second * top_scale + top_offset) == display.point(x, y)


@settings(max_examples=60, deadline=None)
@given(columns=st.lists(st.integers(1, 60), min_size=1, max_size=5),
       rows=st.lists(st.integers(1, 40), min_size=1, max_size=5),
       dropped=st.sets(st.integers(0, 60), max_size=8), offset=st.floats(0, 2))
def test_the_cell_search_finds_what_pdfplumbers_finds(columns, rows, dropped, offset):
    """plumber.cells builds each point's edge sets once where pdfplumber rebuilds them for every pair: the
    cells must be the same, on grids with missing sides (merged cells) and lines a little off."""
    from pdfplumber.table import edges_to_intersections, intersections_to_cells

    from extract.readers import plumber

    xs = [50 + sum(columns[:k]) * 4 for k in range(len(columns) + 1)]
    tops = [100 + sum(rows[:k]) * 3 for k in range(len(rows) + 1)]
    edges = []
    for k, (left, right) in enumerate(zip(xs, xs[1:])):
        for j, top in enumerate(tops):
            if (k * 7 + j) % 61 not in dropped:
                edges.append(plumber_edge(left, top, right, top + (offset if j % 2 else 0), "h"))
    for k, (top, bottom) in enumerate(zip(tops, tops[1:])):
        for j, x in enumerate(xs):
            if (k * 11 + j + 30) % 61 not in dropped:
                edges.append(plumber_edge(x, top, x, bottom, "v"))
    intersections = edges_to_intersections(edges, 3, 3)
    assert plumber.cells(intersections) == intersections_to_cells(intersections)


def plumber_edge(x0: float, top: float, x1: float, bottom: float, orientation: str) -> dict:
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "orientation": orientation,
            "width": x1 - x0, "height": bottom - top}


@pytest.mark.parametrize("ch, ideograph, cjk", [
    ("政", True, True),  # the unified block
    ("㐂", True, True),  # Extension A
    ("\uf9bd", True, True),  # a compatibility ideograph
    ("𠀋", True, True),  # Extension B
    ("，", False, True),  # fullwidth forms
    ("。", False, True),  # CJK symbols and punctuation
    ("⻊", False, True),  # a radical
    ("“", False, True),  # the quotes, dash and ellipsis Chinese takes from Latin
    ("…", False, True),
    ("a", False, False), ("7", False, False), ("é", False, False), ("-", False, False),
])
def test_one_set_of_cjk_classes_for_every_reader(ch, ideograph, cjk):
    from extract.readers import _cjk, html, pdf

    assert html.IDEOGRAPH is pdf.IDEOGRAPH is _cjk.IDEOGRAPH
    assert (_cjk.IDEOGRAPH.match(ch) is not None) is ideograph
    assert _cjk.is_cjk(ch) is cjk


# ---------------------------------------------------------------- bad inputs

@pytest.mark.parametrize(
    "name, data, error",
    [
        ("empty.txt", b"", EmptyInput),
        ("noise.pdf", os.urandom(4096), CorruptFile),
        ("broken.pdf", b"%PDF-1.4\n" + b"garbage " * 200, CorruptFile),
        ("not-a-zip.docx", b"this is not a zip file at all", CorruptFile),
        ("error-page.pdf", b"<!DOCTYPE html><html><body>404</body></html>", CorruptFile),
        ("zip-no-word.docx", "zip", CorruptFile),
        ("old.doc", OLE, LegacyFormat),
        ("old.wps", OLE, LegacyFormat),
        ("sheet.xls", OLE, LegacyFormat),
        ("memo.rtf", b"{\\rtf1\\ansi hello}", LegacyFormat),
        ("picture.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 100, UnsupportedFormat),
        ("notes.xyz", b"some text", UnsupportedFormat),
        ("secret.pdf", "encrypted", EncryptedPdf),
        ("scan.pdf", "no-text", NoTextLayer),
    ],
)
def test_bad_inputs_raise_typed_errors(tmp_path, monkeypatch, name, data, error):
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice: legacy files stay legacy
    if data == "zip":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("xl/workbook.xml", "<workbook/>")
        data = buffer.getvalue()
    elif data == "encrypted":
        data = _pdf_bytes(pages=1, encrypt="secret")
    elif data == "no-text":
        data = _pdf_bytes(pages=2, text=False)
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(error, match=name.replace(".", r"\.")) as caught:
        read_file(path)
    assert caught.value.path == str(path)
    assert caught.value.__cause__ is None


def test_too_large(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 2000)
    with pytest.raises(TooLarge, match="big.txt"):
        read_file(path, max_bytes=1000)
    with pytest.raises(TooLarge):
        read_file("mem.txt", b"a" * 2000, max_bytes=1000)


def test_pdf_named_txt_read_as_pdf(tmp_path):
    path = tmp_path / "really-a-pdf.txt"
    path.write_bytes(_pdf_bytes(pages=1))
    result = read_file(path)
    assert result.format == "pdf"
    assert any("PDF" in w for w in result.warnings)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(["a.txt", "a.html", "a.pdf", "a.docx", "a.doc", "a"]),
       base=st.sampled_from(["pdf", "docx", "html", "noise"]), cuts=st.lists(st.integers(0, 10**6), max_size=4))
def test_damaged_input_only_raises_typed_errors(name, base, cuts):
    data = {"pdf": PDF_SAMPLE, "docx": DOCX_SAMPLE, "html": PAGE.encode("utf-8"), "noise": bytes(range(256))}[base]
    data = bytearray(data)
    for cut in cuts:  # flip a byte and truncate: the damage files really arrive with
        data[cut % len(data)] ^= 0x5A
    data = bytes(data[: len(data) - (cuts[0] % 97 if cuts else 0)])
    try:
        read_file(name, data)
    except TongbaoError:
        pass


PDF_SAMPLE = _pdf_bytes(pages=1, table=True)
DOCX_SAMPLE = _docx_bytes()
