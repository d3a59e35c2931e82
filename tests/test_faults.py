"""Real files and faults: odd file names, repeated PDF lines, radicals, page furniture, OS errors, a NUL query."""
from __future__ import annotations

import base64
import io
import json
import logging
import os
import zipfile
from pathlib import Path

import pytest

from extract import extract_file, pipeline
from extract.batch import run_batch
from extract.errors import NotFound, PermissionDenied, SymlinkLoop, TongbaoError
from extract.readers import read_file
from extract.search.store import SentenceBounds

NOTICE = "关于检查情况的通报\n一、总体情况\n本次共检查网站12个。\n二、存在问题\n县林业局网站首页信息更新不及时。\n".encode()
GBK_NAME = b"\xcd\xa8\xb1\xa8"  # 通报 in GBK, not valid UTF-8


# ---------------------------------------------------------------- file names that are not UTF-8


@pytest.fixture
def gbk_folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "plain.txt").write_bytes(NOTICE)
    with open(os.path.join(os.fsencode(folder), GBK_NAME + b".txt"), "wb") as handle:
        handle.write(NOTICE.replace(b"12", b"13"))
    with open(os.path.join(os.fsencode(folder), GBK_NAME + b"-empty.txt"), "wb"):
        pass
    return folder


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()] if path.exists() else []


def test_a_gbk_file_name_is_read_and_recorded_losslessly(gbk_folder, tmp_path):
    out = tmp_path / "out"
    summary = run_batch([gbk_folder], out, workers=1, quiet=True)
    documents, errors = _lines(out / "documents.jsonl"), _lines(out / "errors.jsonl")
    assert summary.counts["written"] == 2 and len(errors) == 1
    odd = next(d for d in documents if "通报" in d["source"]["path"])
    assert odd["source"]["path"].endswith("in/通报.txt")
    raw = base64.b64decode(odd["source"]["path_base64"])
    assert Path(os.fsdecode(raw)).read_bytes().replace(b"13", b"12") == NOTICE  # the very file, found again
    assert errors[0]["code"] == "E101" and errors[0]["path"].endswith("通报-empty.txt")
    assert base64.b64decode(errors[0]["path_base64"]).endswith(GBK_NAME + b"-empty.txt")
    assert json.loads((out / "manifest.json").read_text("utf-8"))["status"] == "complete"
    again = run_batch([gbk_folder], out, workers=1, quiet=True, resume=True)  # resume reads its own records back
    assert again.counts["written"] == 0 and len(_lines(out / "errors.jsonl")) == 1


def test_extract_file_shows_an_odd_name_readably(gbk_folder):
    path = os.path.join(os.fsencode(gbk_folder), GBK_NAME + b".txt")
    document = extract_file(os.fsdecode(path))
    assert document["source"]["path"].endswith("通报.txt")
    json.dumps(document, ensure_ascii=False).encode("utf-8")  # no lone surrogate left anywhere


# ---------------------------------------------------------------- PDF lines repeated on every page


def _pdf(pages: list[list[tuple[float, str]]]) -> bytes:
    """A PDF whose pages carry the given (y, text) lines, 12 pt, left-aligned."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842))
    for lines in pages:
        pdf.setFont("STSong-Light", 12)
        for y, text in lines:
            pdf.drawString(72, y, text)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_a_title_repeated_on_every_page_keeps_its_first_occurrence():
    page = [(800, "关于政府网站检查情况的通报"), (780, "一、存在问题"), (600, "县林业局网站信息更新不及时。"),
            (40, "第 1 页")]
    pages = [[(y, text.replace("1", str(n)) if y == 40 else text) for y, text in page] for n in (1, 2, 3)]
    result = read_file("x.pdf", _pdf(pages))
    text = result.text()
    assert text.count("关于政府网站检查情况的通报") == 1 and text.count("一、存在问题") == 1
    assert text.count("县林业局网站信息更新不及时。") == 3  # body text is never furniture
    assert "页" not in text
    assert result.repairs["running_line"] == 3 + 2 * 2  # three page numbers, two later copies of two lines


def test_a_long_line_repeated_at_the_page_edge_is_content():
    long_line = "各单位要对照检查发现的问题逐项整改,并于规定时间内将整改情况报告报送市政府办公室,不得延误"
    pages = [[(800, long_line), (600, f"第{n}批整改清单已下发。")] for n in (1, 2, 3)]
    assert read_file("x.pdf", _pdf(pages)).text().count(long_line) == 3


def test_pages_that_hold_only_their_number_are_no_text():
    pages = [[(40, f"— {n} —")] for n in range(1, 6)]
    with pytest.raises(TongbaoError) as caught:
        read_file("x.pdf", _pdf(pages))
    assert caught.value.code == "E107"


def test_pdfminer_font_warnings_do_not_reach_stderr(capfd):
    import extract.readers.pdf  # noqa: F401 - importing the reader is what quiets pdfminer

    logging.getLogger("pdfminer.pdffont").warning("Could not get FontBBox from font descriptor")
    assert "FontBBox" not in capfd.readouterr().err


# ---------------------------------------------------------------- radicals and page furniture in .txt


@pytest.mark.parametrize("raw, expected", [
    ("⼀、总体情况", "一、总体情况"),
    ("2021年3⽉31⽇", "2021年3月31日"),
    ("⼈⺠政府", "人民政府"),
    ("⻓沙县⻔户⽹站", "长沙县门户网站"),
])
def test_radicals_fold_to_the_characters_they_stand_for(raw, expected):
    from extract import normalise

    norm = normalise(raw)
    assert norm.text == expected and norm.repairs["radical"] == sum(a != b for a, b in zip(raw, expected))
    assert len(norm.offsets) == len(norm.text) + 1  # one past the end as well


def test_a_txt_with_radicals_gives_sections_and_a_date(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("关于检查情况的通报\n⼀、总体情况\n本次检查⽹站10个。\n市政府办公室\n2021年3⽉31⽇\n", "utf-8")
    document = extract_file(path)
    assert document["sections"][0]["title"] == "总体情况" and document["date"] == "2021-03-31"


@pytest.mark.parametrize("line, dropped", [
    ("上一条:关于某事的通知", True),
    ("下一篇:无", True),
    ("【打印本页】【关闭窗口】", True),
    ("[打印] [关闭]", True),
    ("字号:大 中 小", True),
    ("扫一扫在手机打开当前页", True),
    ("微信", False),  # a cell of a table flattened one cell per line
    ("大", False),
    ("关闭不合格网站3个", False),
    ("打印机采购公告已下发", False),
])
def test_txt_page_furniture_lines(tmp_path, line, dropped):
    path = tmp_path / "f.txt"
    path.write_text(f"关于检查情况的通报\n{line}\n一、总体情况\n", "utf-8")
    document = extract_file(path)
    assert (line not in document["text"]) == dropped
    assert document["repairs"].get("furniture", 0) == int(dropped)


# ---------------------------------------------------------------- .docx with a missing part


def _docx_with_dangling_image() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("关于检查情况的通报")
    document.add_paragraph("一、总体情况")
    buffer = io.BytesIO()
    document.save(buffer)
    source, out = zipfile.ZipFile(io.BytesIO(buffer.getvalue())), io.BytesIO()
    with zipfile.ZipFile(out, "w") as rebuilt:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "word/_rels/document.xml.rels":
                content = content.replace(b"</Relationships>", b'<Relationship Id="rId99" Type="http://schemas.'
                                          b'openxmlformats.org/officeDocument/2006/relationships/image" '
                                          b'Target="../NULL"/></Relationships>')
            rebuilt.writestr(info, content)
    return out.getvalue()


def test_a_docx_with_a_dangling_image_is_read_with_a_warning():
    result = read_file("x.docx", _docx_with_dangling_image())
    assert result.text() == "关于检查情况的通报\n一、总体情况"
    assert any("missing part" in w and "../NULL" in w for w in result.warnings)


# ---------------------------------------------------------------- what the OS refuses


def test_os_errors_have_codes_of_their_own(tmp_path, monkeypatch):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    with pytest.raises(SymlinkLoop):
        extract_file(loop)
    with pytest.raises(NotFound):
        extract_file(tmp_path / "missing.txt")
    locked = tmp_path / "locked.txt"
    locked.write_bytes(NOTICE)

    def refuse(path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(pipeline, "_read_bytes", refuse)
    with pytest.raises(PermissionDenied) as caught:
        extract_file(locked)
    assert caught.value.code == "E112" and caught.value.exit_code == 3


def test_a_batch_records_a_symlink_loop_and_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(NOTICE)
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    out = tmp_path / "out"
    summary = run_batch([folder], out, workers=1, quiet=True)
    assert summary.counts["written"] == 1
    assert [e["code"] for e in _lines(out / "errors.jsonl")] == ["E113"]


# ---------------------------------------------------------------- search: the sentence around a finding


def _sentence_reference(text: str, evidence: dict) -> str | None:
    """The per-finding search SentenceBounds replaced: scans the text around each span."""
    ends = "。！？；;!?\n"
    start, end, quoted = evidence["start"], evidence["end"], evidence["text"]
    if not text or not 0 <= start <= end <= len(text) or text[start:end] != quoted:
        return quoted
    left = max(text.rfind(mark, 0, start) for mark in ends) + 1
    if end > start and text[end - 1] in ends:
        right = end
    else:
        found = [i for mark in ends if (i := text.find(mark, end)) != -1]
        right = min(found) + 1 if found else len(text)
    return text[left:right].strip() or quoted


def test_sentence_bounds_match_the_scan_they_replace():
    text = (Path(__file__).parent.parent / "corpus" / "notices" / "000_d97bcc4c5aa47a5e.txt").read_text("utf-8")
    bounds = SentenceBounds(text)
    step = max(1, len(text) // 300)
    for start in range(0, len(text), step):
        for width in (0, 1, 7, 40):
            end = min(len(text), start + width)
            evidence = {"start": start, "end": end, "text": text[start:end]}
            assert bounds.around(evidence) == _sentence_reference(text, evidence)


def test_a_nul_in_a_query_is_the_clients_error(tmp_path):
    from fastapi.testclient import TestClient

    from extract.search.api import create_app

    client = TestClient(create_app(tmp_path / "x.db"))
    for url in ("/api/units?q=三%00闸", "/api/problems?unit=三%00闸", "/api/units?q=三闸&region=甘%00州"):
        response = client.get(url)
        assert response.status_code == 422, url
        assert "Traceback" not in response.text
