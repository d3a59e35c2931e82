"""Hostile and broken input: every file gets a sound document or one typed error line, never a traceback or a hang.

The fixtures are built here from the bundled notices; nothing binary is committed.
"""
from __future__ import annotations

import io
import json
import random
import re
import signal
import struct
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from extract import validate
from extract.errors import EXIT_CODES
from extract.limits import DEFAULT_LIMITS

ROOT = Path(__file__).resolve().parent.parent
NOTICES = ROOT / "corpus" / "notices"
SEED = (NOTICES / "000_d97bcc4c5aa47a5e.txt").read_text("utf-8")
LINES = [line for line in SEED.split("\n") if line.strip()]
# A hang becomes a failure after this long; it guards against hangs and asserts no speed.
GUARD = DEFAULT_LIMITS.max_seconds + 30
ERROR_CODE = re.compile(r" \[(?P<code>E\d{3}) [a-z-]+\]$")
DOC = "document"


# ---------------------------------------------------------------- what a sound document is


def assert_sound(doc: dict, source_length: int | None = None) -> None:
    """Schema-valid, every span inside the text, evidence quoting it, source offsets inside the source."""
    validate(doc)
    text = doc["text"]

    def walk(node) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            start, end = node.get("start"), node.get("end")
            if isinstance(start, int) and isinstance(end, int) and text is not None:
                assert 0 <= start <= end <= len(text), node
                if isinstance(node.get("text"), str):
                    assert text[start:end] == node["text"], node
            if isinstance(node.get("source_start"), int):
                assert 0 <= node["source_start"] <= node["source_end"], node
                assert source_length is None or node["source_end"] <= source_length, (node, source_length)
            for key, value in node.items():
                if key != "text":
                    walk(value)

    walk({k: v for k, v in doc.items() if k != "text"})


def source_length(name: str, data: bytes) -> int:
    """Length of the text as read, which source offsets point into."""
    from extract.readers import read_file

    return len(read_file(name, data).text())


# ---------------------------------------------------------------- builders


def pdf_bytes(lines=LINES[:40], *, encrypt=None, scanned=False, pages=2) -> bytes:
    """A notice printed to PDF with a CJK font; `scanned` draws a picture of text and no text layer."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842), encrypt=encrypt)
    per_page = max(1, len(lines) // pages)
    for page in range(pages):
        if scanned:
            from PIL import Image, ImageDraw
            from reportlab.lib.utils import ImageReader

            image = Image.new("L", (400, 560), 255)
            for y in range(20, 540, 24):
                ImageDraw.Draw(image).rectangle((20, y, 380, y + 10), fill=0)  # lines of "print"
            pdf.drawImage(ImageReader(image), 80, 120, 400, 560)
        else:
            pdf.setFont("STSong-Light", 11)
            for i, line in enumerate(lines[page * per_page:(page + 1) * per_page]):
                pdf.drawString(40, 800 - 22 * i, line[:44])
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def owner_only():
    """Encryption with an empty user password: anyone may open and read it, only editing is restricted."""
    from reportlab.lib.pdfencrypt import StandardEncryption

    return StandardEncryption("", ownerPassword="owner", canCopy=0, canModify=0)


def docx_bytes(paragraphs=LINES[:30], *, revisions=False) -> bytes:
    """A Word notice; with `revisions`, tracked insertions and deletions and a text box."""
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if revisions:
        p = document.add_paragraph("请各单位")
        p._p.append(parse_xml(f'<w:ins {w} w:id="1" w:author="a"><w:r><w:t>于4月6日前</w:t></w:r></w:ins>'))
        p._p.append(parse_xml(f'<w:del {w} w:id="2" w:author="a"><w:r><w:delText>删掉的旧期限</w:delText></w:r></w:del>'))
        p._p.append(parse_xml(f"<w:r {w}><w:t>完成整改。</w:t></w:r>"))
        box = document.add_paragraph("附注")
        box._p.append(parse_xml(
            f'<w:r {w} xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            "<w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>文本框里的联络说明</w:t></w:r></w:p>"
            "</w:txbxContent></wps:txbx></w:drawing></w:r>"))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def bomb_docx(inflated: int = 300 << 20, *, lie: bool = False) -> bytes:
    """A real .docx whose body inflates to `inflated` bytes; `lie` declares 1 KiB in both zip headers."""
    source = zipfile.ZipFile(io.BytesIO(docx_bytes(LINES[:3])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bomb:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                bomb.writestr(info, source.read(info))
        head, tail = source.read("word/document.xml").split(b"</w:body>")
        with bomb.open("word/document.xml", "w") as member:
            member.write(head + b"<w:p><w:r><w:t>")
            chunk = b" " * (1 << 20)
            for _ in range(inflated >> 20):
                member.write(chunk)
            member.write(b"</w:t></w:r></w:p></w:body>" + tail)
    data = bytearray(buffer.getvalue())
    if lie:
        _declare_size(data, "word/document.xml", 1024)
    return bytes(data)


def _declare_size(data: bytearray, name: str, size: int) -> None:
    """Overwrite the uncompressed size of one member in its local header and its central directory entry."""
    archive = zipfile.ZipFile(io.BytesIO(bytes(data)))
    info = archive.getinfo(name)
    struct.pack_into("<I", data, info.header_offset + 22, size)
    at = archive.start_dir  # the central directory: one 46-byte record plus name, extra and comment per member
    while data[at:at + 4] == b"PK\x01\x02":
        n, m, k = struct.unpack_from("<HHH", data, at + 28)
        if data[at + 46:at + 46 + n].decode() == name:
            struct.pack_into("<I", data, at + 24, size)
            return
        at += 46 + n + m + k
    raise AssertionError(f"{name} not in the central directory")


def billion_laughs_docx() -> bytes:
    """An entity-expansion bomb as the body; the XML parser must not expand it."""
    source = zipfile.ZipFile(io.BytesIO(docx_bytes(LINES[:3])))
    laughs = '<!DOCTYPE w:document [<!ENTITY a0 "哈哈哈哈哈哈哈哈">' + "".join(
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10)) + "]>"
    body = source.read("word/document.xml").decode()
    body = body.replace("?>", "?>" + laughs, 1).replace("</w:body>", "<w:p><w:r><w:t>&a9;</w:t></w:r></w:p></w:body>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            out.writestr(info.filename, body if info.filename == "word/document.xml" else source.read(info))
    return buffer.getvalue()


def nested_html(depth: int = 200_000, *, closed: bool = True) -> bytes:
    """The notice inside `depth` nested divs: a parser that recurses runs out of stack."""
    body = "".join(f"<p>{line}</p>" for line in LINES[:20])
    return ("<html><body>" + "<div>" * depth + body + ("</div>" * depth if closed else "") + "</body></html>").encode()


def page(junk: str) -> bytes:
    """The notice followed by junk markup: runaway tags once made the HTML reader quadratic."""
    return ("<html><body>" + "".join(f"<p>{line}</p>" for line in LINES[:20]) + junk + "</body></html>").encode()


def backtracking_names(count: int = 40_000) -> bytes:
    """Tens of thousands of 、-separated unit names in one sentence: lists are what unit patterns loop over."""
    rng = random.Random(5)
    names = ["区财政局", "三闸镇", "区发改局", "青竹街道", "区教育局", "区政府金融办", "甘州区人民政府办公室"]
    listed = "、".join(rng.choice(names) + (str(i) if i % 3 == 0 else "") for i in range(count))
    return "\n".join(LINES[:8] + ["二、存在问题", f"（一）{listed}等单位未按要求公开政府信息。"] + LINES[8:]).encode()


def backtracking_runs() -> bytes:
    """Runs of (一) in both widths, long digit runs and digit-dot runs, between real notice lines."""
    runs = ["（一）" * 20_000, "(一)" * 20_000, "第" + "1" * 100_000 + "条", "共" + "9" * 50_000 + "个网站",
            "1." * 30_000, "截至2021年" + "3" * 30_000 + "月" + "1" * 30_000 + "日前完成整改", "?" * 50_000]
    return "\n".join(LINES[:10] + runs + LINES[10:]).encode()


def mixed_encoding() -> bytes:
    """A file spliced from two downloads: the first half UTF-8, the second GB18030."""
    half = len(SEED) // 2
    return SEED[:half].encode("utf-8") + SEED[half:].encode("gb18030")


def big_text(size: int = 20_000_000) -> bytes:
    """A 20 MB text file: the notice repeated, as a concatenated archive dump would be."""
    unit = SEED.encode("utf-8")
    return (unit * (size // len(unit) + 1))[:size].rsplit(b"\n", 1)[0] + b"\n"


# ---------------------------------------------------------------- the cases


def _has(*present: str, absent: tuple[str, ...] = ()) -> Callable[[dict], None]:
    def check(doc: dict) -> None:
        for text in present:
            assert text in doc["text"], text
        for text in absent:
            assert text not in doc["text"], text
    return check


@dataclass(frozen=True)
class Case:
    """One hostile file: its bytes, the outcomes that are correct, and a bug that stops it (xfail) if any."""

    name: str
    build: Callable[[], bytes]
    expect: frozenset[str]  # DOC and/or error codes
    check: Callable[[dict], None] | None = None
    bug: str | None = None


def case(name, build, *expect, check=None, bug=None) -> Case:
    return Case(name, build, frozenset(expect), check, bug)


CASES = [
    case("empty.txt", lambda: b"", "E101"),
    case("blank.txt", lambda: b" \r\n\t\n" * 100, "E101"),
    case("random.txt", lambda: random.Random(1).randbytes(8192), "E102"),
    case("random.pdf", lambda: random.Random(2).randbytes(8192), "E105"),
    case("random.docx", lambda: random.Random(3).randbytes(8192), "E105"),
    case("random-with-pdf-header.pdf", lambda: b"%PDF-1.7\n" + random.Random(4).randbytes(8192), "E105"),
    case("truncated.pdf", lambda: (d := pdf_bytes())[: len(d) // 2], "E105", DOC),
    case("encrypted.pdf", lambda: pdf_bytes(encrypt="secret"), "E106"),
    case("scanned.pdf", lambda: pdf_bytes(scanned=True), "E107"),
    # pdfminer left this file's CID font strings encrypted and read no glyph (E107); PDFium reads it
    case("encrypted-owner-password-only.pdf", lambda: pdf_bytes(encrypt=owner_only()), DOC, check=_has("甘州区")),
    case("good.pdf", pdf_bytes, DOC, check=_has("甘州区")),
    case("not-a-zip.docx", lambda: b"PK\x03\x04" + b"not really a zip " * 100, "E105"),
    case("zip-bomb.docx", bomb_docx, "E108"),
    case("zip-bomb-lying-header.docx", lambda: bomb_docx(lie=True), "E105", "E108"),
    case("billion-laughs.docx", billion_laughs_docx, DOC, "E105"),
    case("tracked-changes.docx", lambda: docx_bytes(revisions=True), DOC,
         check=_has("请各单位于4月6日前完成整改", "文本框里的联络说明", absent=("删掉的旧期限",))),
    case("nested-200000.html", nested_html, DOC, check=_has(LINES[1][:10])),
    case("nested-unclosed.html", lambda: nested_html(closed=False), DOC, check=_has(LINES[1][:10])),
    case("unclosed-tags.html", lambda: page("<a " * 300_000), DOC, check=_has(LINES[1][:10])),
    case("huge-tag.html", lambda: page("<div " + " ".join(f"a{i}<" for i in range(300_000)) + ">"), DOC,
         check=_has(LINES[1][:10])),
    case("mixed-encoding.txt", mixed_encoding, "E102", DOC),
    case("names-40000.txt", backtracking_names, DOC, check=_has("区财政局、")),
    case("runs.txt", backtracking_runs, DOC, check=_has("(一)(一)")),
    case("big-20MB.txt", big_text, DOC, "E108"),
]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    """Every case written to one directory, built once."""
    folder = tmp_path_factory.mktemp("hostile")
    for c in CASES:
        (folder / c.name).write_bytes(c.build())
    return folder


def cli(*args: str, timeout: float = GUARD) -> subprocess.CompletedProcess:
    """Run `python -m extract.cli`; a run past `timeout` is killed and fails the test."""
    try:
        return subprocess.run([sys.executable, "-m", "extract.cli", *args], cwd=ROOT, capture_output=True,
                              text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        pytest.fail(f"`tongbao {' '.join(args)}` gave no answer within {timeout:g} s")


def _params() -> list:
    return [pytest.param(c, id=c.name, marks=[pytest.mark.xfail(reason=c.bug, strict=False)] if c.bug else [])
            for c in CASES]


@pytest.mark.parametrize("c", _params())
def test_cli_answers_every_hostile_file(c: Case, hostile: Path, tmp_path: Path):
    path, out = hostile / c.name, tmp_path / "doc.json"
    result = cli("extract", str(path), "-o", str(out))
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    if result.returncode == 0:
        assert DOC in c.expect, f"{c.name} gave a document, expected {sorted(c.expect)}"
        doc = json.loads(out.read_text("utf-8"))
        assert_sound(doc, source_length(c.name, path.read_bytes()))
        if c.check:
            c.check(doc)
        return
    lines = result.stderr.strip().split("\n")
    assert len(lines) == 1, result.stderr[-3000:]
    match = ERROR_CODE.search(lines[0])
    assert match and lines[0].startswith(f"tongbao: error: {path}: "), lines[0]
    assert match["code"] in c.expect, f"{c.name}: {lines[0]}"
    assert result.returncode == EXIT_CODES[match["code"]]
    assert not out.exists()


# ---------------------------------------------------------------- the batch over bad inputs and the seeds


def _jsonl(path: Path) -> list[dict]:
    raw = path.read_bytes() if path.exists() else b""
    assert not raw or raw.endswith(b"\n"), f"torn last line in {path.name}"
    return [json.loads(line) for line in raw.split(b"\n")[:-1]]


def _archive(folder: Path) -> dict[str, str | None]:
    """A zip of a good notice (not a byte copy of a seed), an honest bomb member and a lying one; code per member."""
    path = folder / "members.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("good/notice-07.txt", (NOTICES / "notice-07.txt").read_text("utf-8").encode("gb18030"))
        with archive.open("bomb.txt", "w") as member:
            for _ in range(200):
                member.write(b" " * (1 << 20))
        archive.writestr("liar.txt", b"\xe3\x80\x80" * (20 << 20))
    data = bytearray(path.read_bytes())
    _declare_size(data, "liar.txt", 10)
    path.write_bytes(bytes(data))
    return {f"{path}!good/notice-07.txt": None, f"{path}!bomb.txt": "E108", f"{path}!liar.txt": "E105"}


def test_batch_writes_every_good_document_once_and_one_error_per_bad_file(hostile: Path, tmp_path: Path):
    zipped = _archive(tmp_path)
    out, seeds = tmp_path / "out", sorted(NOTICES.iterdir())
    timeout = 60
    result = cli("batch", str(hostile), str(tmp_path / "members.zip"), str(NOTICES), "-o", str(out),
                 "--workers", "2", "--timeout", str(timeout), "--quiet", timeout=4 * GUARD)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    documents, errors = _jsonl(out / "documents.jsonl"), _jsonl(out / "errors.jsonl")
    ids = [d["id"] for d in documents]
    assert len(ids) == len(set(ids)), "a document was written twice"
    assert len({e["path"] for e in errors}) == len(errors), "a file has two error records"
    failed = {e["path"]: e["code"] for e in errors}
    written = {d["source"]["path"] for d in documents}
    assert not written & set(failed), "a file is both a document and an error"

    for seed in seeds:
        assert str(seed) in written, f"seed {seed.name} missing"
    for c in CASES:
        path = str(hostile / c.name)
        outcome = failed.get(path, DOC if path in written else None)
        assert outcome is not None, f"{c.name}: neither a document nor an error record"
        assert c.bug or outcome in c.expect, f"{c.name}: {outcome}, expected {sorted(c.expect)}"
    for path, code in zipped.items():
        assert failed.get(path, DOC if path in written else None) == (code or DOC), path
    for doc in documents:
        validate(doc)
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert manifest["status"] == "complete"
    assert manifest["dataset"]["documents"] == len(documents) and manifest["dataset"]["errors"] == len(errors)


# ---------------------------------------------------------------- an index killed mid-run stays consistent


def test_index_killed_mid_run_is_consistent_and_resumes(tmp_path: Path):
    from extract.search.store import SQLiteStore

    from tests.conftest import document

    batch = tmp_path / "batch"
    batch.mkdir()
    docs = [json.dumps(document(p.name), ensure_ascii=False) for p in sorted(NOTICES.glob("notice-*.txt"))[:8]]
    (batch / "documents.jsonl").write_text("\n".join(docs * 10) + "\n", encoding="utf-8")  # repeats: updates
    db = tmp_path / "index.db"
    command = [sys.executable, "-m", "extract.cli", "index", str(batch), "--db", str(db)]
    for delay in (1.0, 1.5, 2.0, 2.5, 3.0):
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        if db.exists():
            with SQLiteStore(db) as store:
                assert store._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
                assert store.stats()["documents"] <= 8
                for table in ("problems", "unit_names"):
                    fts = store._db.execute(f"SELECT COUNT(*) FROM {table}_fts").fetchone()[0]
                    assert fts == store._db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0], table
    finished = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=GUARD)
    assert finished.returncode == 0, finished.stderr
    with SQLiteStore(db) as store:
        assert store.stats()["documents"] == 8


# ---------------------------------------------------------------- regexes cannot backtrack catastrophically


def _patterns() -> dict[str, object]:
    """Every compiled pattern the pipeline keeps at module level, in lists or dicts too."""
    import importlib
    import pkgutil

    import regex

    import extract

    found = {}
    for info in pkgutil.walk_packages(extract.__path__, "extract."):
        if re.search(r"\.(batch|search|web)\b|__main__", info.name):
            continue
        module = importlib.import_module(info.name)
        for key, value in vars(module).items():
            items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, (list, tuple)) \
                else [(None, value)]
            for sub, item in items:
                item = item[0] if isinstance(item, tuple) and item else item
                if isinstance(item, (re.Pattern, regex.Pattern)) and isinstance(item.pattern, str):
                    found[f"{info.name}.{key}" + (f"[{sub!r}]" if sub is not None else "")] = item
    return found


def _attacks(n: int = 50_000) -> dict[str, str]:
    names = "、".join(["区财政局", "三闸镇", "区发改局", "青竹街道", "甘州区人民政府办公室"] * (n // 30))
    return {"names": names, "numbered names": names.replace("、", "1、"), "(一) runs": "（一）" * (n // 3),
            "(1) runs": "(一)1." * (n // 5), "digits": "1" * n, "spaced": "单 " * (n // 2), "han": "政" * n,
            "headings": "一、\n" * (n // 3), "dates": "2021年3月" * (n // 7), "pinyin": "访问(wèn)" * (n // 8),
            "question marks": "?" * n, "pipes": " | " * (n // 3), "punctuation": ",。:;" * (n // 4)}


def test_module_patterns_do_not_backtrack_catastrophically():
    import regex

    slow = []
    attacks = _attacks()
    for name, pattern in _patterns().items():
        if not isinstance(pattern, regex.Pattern):
            try:  # run re patterns on the regex engine, which has a timeout
                pattern = regex.compile(pattern.pattern, pattern.flags & ~re.UNICODE)
            except (regex.error, ValueError):
                continue
        for attack, text in attacks.items():
            try:
                for _ in pattern.finditer(text, timeout=DEFAULT_LIMITS.regex_timeout):
                    pass
            except TimeoutError:
                slow.append(f"{name} on {attack}")
    assert len(_patterns()) > 50  # the walk found the pipeline's patterns
    assert slow == []


# ---------------------------------------------------------------- limits


def test_limits_have_safe_defaults_and_read_the_environment():
    from extract.limits import Limits

    assert DEFAULT_LIMITS == Limits() and DEFAULT_LIMITS.max_bytes >= 20_000_000 > DEFAULT_LIMITS.max_upload_bytes
    limits = Limits.from_env({"TONGBAO_MAX_BYTES": "2M", "TONGBAO_MAX_SECONDS": "2.5", "TONGBAO_MAX_PDF_PAGES": " "})
    assert (limits.max_bytes, limits.max_seconds, limits.max_pdf_pages) == (2 << 20, 2.5, DEFAULT_LIMITS.max_pdf_pages)
    for bad in ({"TONGBAO_MAX_BYTES": "lots"}, {"TONGBAO_MAX_PDF_PAGES": "0"}, {"TONGBAO_MAX_PDF_PAGES": "1.5"}):
        with pytest.raises(ValueError, match="TONGBAO_MAX|must be positive"):
            Limits.from_env(bad)
    with pytest.raises(AttributeError):
        DEFAULT_LIMITS.max_bytes = 1  # frozen: no stage can loosen a limit for the others


def test_current_limits_follow_every_change_of_the_environment(monkeypatch):
    from extract.limits import current_limits

    for raw, expected in (("1K", 1024), ("2M", 2 << 20), ("1K", 1024)):
        monkeypatch.setenv("TONGBAO_MAX_BYTES", raw)
        assert current_limits().max_bytes == expected
    monkeypatch.setenv("TONGBAO_MAX_BYTES", "lots")
    for _ in range(2):  # a bad value is refused every time, not only when first parsed
        with pytest.raises(ValueError, match="TONGBAO_MAX_BYTES"):
            current_limits()
    monkeypatch.delenv("TONGBAO_MAX_BYTES")
    assert current_limits() == DEFAULT_LIMITS


@pytest.mark.parametrize("variable, value, name, build, expected", [
    pytest.param("TONGBAO_MAX_BYTES", "1000", "seed.txt", lambda: SEED.encode(), "E108", id="bytes"),
    pytest.param("TONGBAO_MAX_PDF_PAGES", "2", "pages.pdf", lambda: pdf_bytes(LINES[:50], pages=5), "E108",
                 id="pdf-pages"),
    pytest.param("TONGBAO_MAX_MEMBER_BYTES", "1M", "member.docx", lambda: bomb_docx(3 << 20), "E108", id="docx-part"),
])
def test_cli_limits_follow_the_environment(tmp_path, monkeypatch, variable, value, name, build, expected):
    path = tmp_path / name
    path.write_bytes(build())
    monkeypatch.setenv(variable, value)
    result = cli("extract", str(path), "-o", str(tmp_path / "doc.json"))
    assert result.returncode == EXIT_CODES[expected], result.stderr[-2000:]
    assert f"[{expected} " in result.stderr


def test_batch_time_limit_follows_the_environment(tmp_path, monkeypatch):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "names.txt").write_bytes(backtracking_names())
    monkeypatch.setenv("TONGBAO_MAX_SECONDS", "0.5")
    result = cli("batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--workers", "1", "--quiet")
    assert [e["code"] for e in _jsonl(tmp_path / "out" / "errors.jsonl")] == ["E109"], result.stderr[-2000:]
