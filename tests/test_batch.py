"""Batch conversion: isolation of bad files, zip members, resume after SIGKILL, Parquet, and Dask = local."""
from __future__ import annotations

import hashlib
import io
import json
import os
import random
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from extract import SCHEMA_VERSION, extract_file
from extract.batch import run_batch, task
from extract.batch.errors import BatchAborted
from extract.batch.parquet import SCHEMAS
from extract.batch.progress import LogProgress
from extract.errors import CorruptFile, EmptyInput

ROOT = Path(__file__).resolve().parent.parent
NOTICES = ROOT / "corpus" / "notices"
FAKE = "tests.test_batch:fake_extract"
TABLES = ("units", "problems", "counts", "deadlines", "sections", "tables")


# ---------------------------------------------------------------- a stand-in pipeline for engine tests


def _span(text: str) -> dict:
    return {"start": 0, "end": len(text), "text": text, "source_start": 0, "source_end": len(text)}


def fake_extract(path, data: bytes | None = None) -> dict:
    """Behaves by the file's first bytes, so tests can order a hang, a crash or a bug."""
    if not data:
        raise EmptyInput(path, "empty file")
    if data.startswith(b"HANG"):
        time.sleep(3600)
    if data.startswith(b"CRASH"):
        os.kill(os.getpid(), signal.SIGSEGV)
    if data.startswith(b"BUG"):
        raise KeyError("a stage's bug")
    if data.startswith(b"NAN"):
        return {"id": "nan", "counts": [{"value": float("nan")}]}
    if data.startswith(b"SURROGATE"):
        return {"id": "surrogate", "text": "\ud800"}
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise CorruptFile(path, "not UTF-8") from None
    sha = hashlib.sha256(data).hexdigest()
    child = {"number": "（一）", "level": 2, "title": "子节", "kind": "problems", "implied": False,
             "start": 5, "end": 9, "children": []}
    return {
        "schema_version": SCHEMA_VERSION, "id": sha,
        "source": {"path": str(path), "format": "txt", "encoding": "utf-8", "sha256": sha, "bytes": len(data)},
        "script": "simplified", "text": text, "title": f"关于{text[:6]}的通报", "doc_number": None,
        "issuer": "市政府办公厅", "date": "2024-03-05", "recipients": [], "period": None, "index_number": None,
        "attachments": [], "cc": [], "contacts": [],
        "sections": [{"number": "一", "level": 1, "title": "存在问题", "kind": "problems", "implied": False,
                      "start": 0, "end": 10, "children": [child]}],
        "tables": [{"title": "表1", "header": ["单位", "得分"], "rows": [["甲局", 92.5], ["乙局", None]],
                    "section": "一 存在问题", "start": 0, "end": 4}],
        "units": [{"name": "甲局", "type": "department", "aliases": ["甲"], "mentions": [{"start": 1, "end": 3}]}],
        "problems": [{"units": ["甲局"], "category": "更新不及时", "description": "栏目长期未更新",
                      "section": "一 存在问题", "evidence": _span("栏目长期未更新")}],
        "counts": [{"value": 3, "unit": "个", "kind": "count", "approximate": False, "subject": "网站",
                    "units": [], "evidence": _span("3个")}],
        "deadlines": [{"date": "2024-04-01", "within": {"amount": 5, "unit": "working_day"}, "action": "整改",
                       "units": ["甲局"], "evidence": _span("5个工作日内整改")}],
        "warnings": [], "repairs": {},
    }


def broken_install(path, data: bytes | None = None) -> dict:
    """What a half-installed pipeline does: every call fails on an import."""
    raise ModuleNotFoundError("No module named 'extract.findings.missing'")


def dies_on_start(path, data: bytes | None = None) -> dict:
    """A stage that takes its process down on the warm-up sample: no worker ever becomes ready."""
    os._exit(3)


# ---------------------------------------------------------------- helpers


def lines(path: Path) -> list[bytes]:
    """Raw lines; every one must end in a newline and be a JSON object."""
    raw = path.read_bytes()
    assert not raw or raw.endswith(b"\n"), "torn last line"
    out = [line + b"\n" for line in raw.split(b"\n")[:-1]]  # not splitlines(): U+2028 may sit inside a line
    for line in out:
        assert isinstance(json.loads(line), dict)
    return out


def documents(outdir: Path) -> dict[str, dict]:
    docs = [json.loads(line) for line in lines(outdir / "documents.jsonl")]
    ids = [d["id"] for d in docs]
    assert len(ids) == len(set(ids)), "a document was written twice"
    return {d["id"]: d for d in docs}


def errors(outdir: Path) -> dict[str, str]:
    records = [json.loads(line) for line in lines(outdir / "errors.jsonl")]
    paths = [r["path"] for r in records]
    assert len(paths) == len(set(paths)), "a failure was recorded twice"
    return {r["path"]: r["code"] for r in records}


def manifest(outdir: Path) -> dict:
    return json.loads((outdir / "manifest.json").read_text("utf-8"))


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write(path: Path, data: bytes) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return data


# ---------------------------------------------------------------- engine behaviour on the stand-in


@pytest.fixture
def fake_inputs(tmp_path):
    """Six good files (one duplicated), a hang, a crash, a bug, an empty file and non-UTF-8 bytes."""
    src = tmp_path / "in"
    good = [write(src / f"ok{i}.txt", f"第{i}号通报：网站检查情况。".encode()) for i in range(6)]
    write(src / "sub" / "copy-of-ok0.txt", good[0])
    write(src / "hang.txt", b"HANG forever")
    write(src / "crash.txt", b"CRASH now")
    write(src / "bug.txt", b"BUG here")
    write(src / "empty.txt", b"")
    write(src / "latin1.txt", "caf\u00e9".encode("latin-1"))
    write(src / ".hidden.txt", b"never read")
    return src, {sha(g) for g in good}


def test_a_document_that_is_not_json_is_an_error_record(tmp_path):
    """NaN and a lone surrogate survive json.dumps(allow_nan=False) no worse than a typed E201 each."""
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    (src / "nan.txt").write_bytes(b"NAN value")
    (src / "surrogate.txt").write_bytes(b"SURROGATE text")
    (src / "good.txt").write_bytes("一、检查情况\n甲局网站未更新。".encode())
    summary = run_batch([src], out, workers=1, quiet=True, extractor=FAKE)
    assert errors(out) == {f"{src}/nan.txt": "E201", f"{src}/surrogate.txt": "E201"}
    assert len(documents(out)) == 1 and summary.counts["written"] == 1


@pytest.mark.parametrize("start_method", ["spawn", "fork"])
def test_bad_files_are_isolated_and_recorded(fake_inputs, tmp_path, monkeypatch, start_method):
    monkeypatch.setenv("TONGBAO_START_METHOD", start_method)  # forked workers must be replaced as well
    src, good = fake_inputs
    out = tmp_path / "out"
    started = time.monotonic()
    summary = run_batch([src], out, workers=2, timeout=3, quiet=True, extractor=FAKE)
    assert time.monotonic() - started < 60
    assert set(documents(out)) == good
    assert errors(out) == {f"{src}/hang.txt": "E109", f"{src}/crash.txt": "E110", f"{src}/bug.txt": "E111",
                           f"{src}/empty.txt": "E101", f"{src}/latin1.txt": "E105"}
    m = manifest(out)
    assert m["status"] == "complete"
    assert m["counts"] == {"read": 12, "written": 6, "failed": 5, "skipped": 1}
    assert m["skipped"] == {"duplicate": 1, "already_written": 0, "already_failed": 0, "not_a_notice": 0}
    assert m["failed_by_code"] == {"E101": 1, "E105": 1, "E109": 1, "E110": 1, "E111": 1}
    assert m["dataset"]["documents"] == 6 and m["dataset"]["units"] == 6
    assert m["options"]["timeout"] == 3 and m["schema_version"] == SCHEMA_VERSION and m["elapsed_seconds"] > 0
    assert m["peak_worker_rss_mb"] > 0  # the 300 MB target is measured in scripts/bench.py
    assert (summary.exit_code(), summary.exit_code(strict=True)) == (0, 1)


def test_resume_skips_written_and_failed(fake_inputs, tmp_path):
    src, good = fake_inputs
    out = tmp_path / "out"
    (src / "hang.txt").unlink()
    run_batch([src], out, workers=2, quiet=True, extractor=FAKE)
    before = {name: (out / name).read_bytes() for name in ("documents.jsonl", "errors.jsonl")}
    new = write(src / "new.txt", "新增的通报。".encode())
    summary = run_batch([src], out, workers=2, resume=True, quiet=True, extractor=FAKE)
    assert summary.counts == {"read": 12, "written": 1, "failed": 0, "skipped": 11}
    assert summary.skipped == {"duplicate": 0, "already_written": 7, "already_failed": 4, "not_a_notice": 0}
    assert (out / "documents.jsonl").read_bytes().startswith(before["documents.jsonl"])
    assert (out / "errors.jsonl").read_bytes() == before["errors.jsonl"]
    assert set(documents(out)) == good | {sha(new)}
    assert summary.exit_code() == 0 and summary.exit_code(strict=True) == 1


def test_torn_tail_is_cut_and_the_document_redone(fake_inputs, tmp_path):
    src, good = fake_inputs
    for name in ("hang.txt", "crash.txt"):
        (src / name).unlink()
    out = tmp_path / "out"
    run_batch([src], out, workers=1, quiet=True, extractor=FAKE)
    complete = lines(out / "documents.jsonl")
    torn = b"".join(complete[:-1]) + complete[-1][: len(complete[-1]) // 2]
    (out / "documents.jsonl").write_bytes(torn)
    (out / "errors.jsonl").write_bytes((out / "errors.jsonl").read_bytes() + b'{"path": "x", "co')
    (out / "units.parquet").write_bytes(b"PAR1 garbage")
    summary = run_batch([src], out, workers=1, resume=True, quiet=True, extractor=FAKE)
    assert summary.counts["written"] == 1
    assert sorted(lines(out / "documents.jsonl")) == sorted(complete)
    assert len(errors(out)) == 3
    assert pq.read_table(out / "units.parquet").num_rows == len(good)


def test_damage_before_the_last_line_stops_the_run(fake_inputs, tmp_path):
    src, _ = fake_inputs
    out = tmp_path / "out"
    out.mkdir()
    (out / "documents.jsonl").write_bytes(b'{"id": "a"}\nnot json\n{"id": "b"}\n')
    with pytest.raises(BatchAborted, match="line 2"):
        run_batch([src], out, resume=True, quiet=True, extractor=FAKE)


def test_existing_dataset_needs_resume(fake_inputs, tmp_path):
    src, _ = fake_inputs
    out = tmp_path / "out"
    out.mkdir()
    (out / "documents.jsonl").write_bytes(b"")
    with pytest.raises(FileExistsError, match="--resume"):
        run_batch([src], out, quiet=True, extractor=FAKE)


@pytest.mark.parametrize("extractor", ["tests.test_batch:broken_install", "extract.no_such_module:extract"])
def test_a_broken_install_aborts_instead_of_failing_every_file(fake_inputs, tmp_path, extractor):
    src, _ = fake_inputs
    out = tmp_path / "out"
    with pytest.raises(BatchAborted, match="ModuleNotFoundError"):
        run_batch([src], out, workers=2, quiet=True, extractor=extractor)
    assert (out / "errors.jsonl").read_bytes() == b""
    assert manifest(out)["status"] == "aborted"


def test_workers_that_cannot_start_abort_the_run(fake_inputs, tmp_path):
    src, _ = fake_inputs
    with pytest.raises(BatchAborted, match="keep dying while starting"):
        run_batch([src], tmp_path / "out", workers=1, quiet=True, extractor="tests.test_batch:dies_on_start")
    assert (tmp_path / "out" / "errors.jsonl").read_bytes() == b""


def test_own_pipeline_forks_warm_workers_and_other_extractors_spawn(monkeypatch):
    from extract.batch.local import _context
    from extract.batch.task import DEFAULT_EXTRACTOR, REDACTING_EXTRACTOR, Settings

    monkeypatch.delenv("TONGBAO_START_METHOD", raising=False)
    assert _context(Settings(1000, 5.0)).get_start_method() == "fork"
    package = _context.__module__.split(".")[0]  # tongbao or extract: whichever name this process imported first
    assert f"{package}.pipeline" in sys.modules  # warmed here, before the fork
    assert _context(Settings(1000, 5.0, REDACTING_EXTRACTOR)).get_start_method() == "fork"
    assert _context(Settings(1000, 5.0, FAKE)).get_start_method() == "spawn"
    monkeypatch.setenv("TONGBAO_START_METHOD", "forkserver")
    with pytest.raises(BatchAborted, match="TONGBAO_START_METHOD"):
        _context(Settings(1000, 5.0, DEFAULT_EXTRACTOR))


def test_nothing_readable_is_an_error(tmp_path):
    write(tmp_path / "in" / "empty.txt", b"")
    summary = run_batch([tmp_path / "in"], tmp_path / "out", workers=1, quiet=True, extractor=FAKE)
    assert summary.counts == {"read": 1, "written": 0, "failed": 1, "skipped": 0}
    assert summary.exit_code() == 1


def test_zip_members_are_read_in_memory_and_bounded(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    small, big = "小文件通报。".encode(), ("大" * 400).encode()
    with zipfile.ZipFile(src / "archive.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("通报/small.txt", small)
        archive.writestr("big.txt", big)
        archive.writestr("sub/", b"")
        archive.writestr("__MACOSX/._small.txt", b"resource fork")
    write(src / "broken.zip", b"PK\x03\x04 not really a zip")
    out = tmp_path / "out"
    run_batch([src], out, workers=1, max_bytes=1000, quiet=True, extractor=FAKE)
    docs = documents(out)
    assert [d["source"]["path"] for d in docs.values()] == [f"{src}/archive.zip!通报/small.txt"]
    assert errors(out) == {f"{src}/archive.zip!big.txt": "E108", f"{src}/broken.zip": "E105"}
    assert sorted(p.name for p in src.iterdir()) == ["archive.zip", "broken.zip"]  # nothing extracted


def _selection_inputs(src: Path) -> None:
    for name in ("a.txt", "b.pdf", "drafts/c.txt", "2021/d.TXT", "2021/drafts/e.txt", "scraped/logo.PNG",
                 "scraped/meta.json", "scraped/table.csv", "scraped/f.html"):
        write(src / name, f"{name}：通报正文。".encode())
    with zipfile.ZipFile(src / "pack.zip", "w") as archive:
        for name in ("g.txt", "drafts/h.txt", "img/i.jpg"):
            archive.writestr(name, f"{name}：通报正文。".encode())


@pytest.mark.parametrize("include, exclude, read", [
    ((), (), ["2021/d.TXT", "2021/drafts/e.txt", "a.txt", "b.pdf", "drafts/c.txt", "pack.zip!drafts/h.txt",
              "pack.zip!g.txt", "scraped/f.html"]),
    (("*.txt",), (), ["2021/d.TXT", "2021/drafts/e.txt", "a.txt", "drafts/c.txt", "pack.zip!drafts/h.txt",
                      "pack.zip!g.txt"]),
    ((), ("drafts",), ["2021/d.TXT", "a.txt", "b.pdf", "pack.zip!g.txt", "scraped/f.html"]),
    (("2021/*",), ("*/drafts/*",), ["2021/d.TXT"]),
    (("*.txt",), ("*.zip", "drafts"), ["2021/d.TXT", "a.txt"]),
    (("pack.zip!*",), (), ["pack.zip!drafts/h.txt", "pack.zip!g.txt"]),
])
def test_include_and_exclude_globs_choose_files_and_members(tmp_path, include, exclude, read):
    src = tmp_path / "in"
    _selection_inputs(src)
    summary = run_batch([src], tmp_path / "out", workers=1, quiet=True, extractor=FAKE, include=include,
                        exclude=exclude)
    paths = sorted(d["source"]["path"] for d in documents(tmp_path / "out").values())
    assert paths == sorted(f"{src}/{name}" for name in read)
    assert summary.counts["failed"] == 0


def test_files_no_notice_comes_in_are_counted_as_skipped_not_failed(tmp_path):
    src = tmp_path / "in"
    _selection_inputs(src)
    summary = run_batch([src], tmp_path / "out", workers=1, quiet=True, extractor=FAKE)
    assert summary.counts == {"read": 12, "written": 8, "failed": 0, "skipped": 4}
    assert summary.skipped["not_a_notice"] == 4  # logo.PNG, meta.json, table.csv, pack.zip!img/i.jpg
    assert errors(tmp_path / "out") == {}
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text("utf-8"))
    assert manifest["skipped"]["not_a_notice"] == 4 and manifest["options"]["include"] == []


def test_cli_include_exclude_and_verbose_failures(tmp_path):
    src = tmp_path / "in"
    _selection_inputs(src)
    write(src / "empty.txt", b"")
    base = [sys.executable, "-m", "tongbao", "batch", str(src), "--workers", "1", "--extractor", FAKE]
    run = subprocess.run(base + ["-o", str(tmp_path / "a"), "--include", "*.txt", "--exclude", "drafts", "-v"],
                         cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert f"tongbao: error: {src}/empty.txt: empty file [E101 empty-input]" in run.stderr.splitlines()
    assert sorted(d["source"]["path"] for d in documents(tmp_path / "a").values()) == [
        f"{src}/2021/d.TXT", f"{src}/a.txt", f"{src}/pack.zip!g.txt"]


def test_gbk_member_names_of_windows_zips_are_decoded(tmp_path):
    gbk = "通报.txt".encode("gbk")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("abcd.txt", "通报正文。".encode())
    # Windows zip tools store GBK names without the UTF-8 flag; names are outside the CRC, so patch them in.
    write(tmp_path / "in" / "win.zip", buffer.getvalue().replace(b"abcd.txt", gbk))
    out = tmp_path / "out"
    run_batch([tmp_path / "in"], out, workers=1, quiet=True, extractor=FAKE)
    assert [d["source"]["path"] for d in documents(out).values()] == [f"{tmp_path}/in/win.zip!通报.txt"]


def test_unlistable_directories_are_recorded_and_outdir_is_not_read(tmp_path, monkeypatch):
    src = tmp_path / "in"
    write(src / "a.txt", "通报正文。".encode())
    real_walk = os.walk

    def walk(top, onerror=None):
        onerror(PermissionError(13, "Permission denied", f"{top}/locked"))
        yield from real_walk(top)

    monkeypatch.setattr("extract.batch.inputs.os.walk", walk)
    out = src / "out"  # inside the input: its own files must never become inputs
    run_batch([src], out, workers=1, quiet=True, extractor=FAKE)
    run_batch([src], out, workers=1, resume=True, quiet=True, extractor=FAKE)
    assert [d["source"]["path"] for d in documents(out).values()] == [f"{src}/a.txt"]
    assert errors(out) == {f"{src}/locked": "E112"}


def _dataset(fake_inputs, out: Path, workers: int) -> set[str]:
    """The fake inputs without the hang and the crash, converted; the ids of the good documents."""
    src, good = fake_inputs
    for name in ("hang.txt", "crash.txt"):
        (src / name).unlink()
    run_batch([src], out, workers=workers, quiet=True, extractor=FAKE)
    return good


def test_parquet_tables_have_the_documented_columns(fake_inputs, tmp_path):
    out = tmp_path / "out"
    good = _dataset(fake_inputs, out, workers=2)
    rows = {name: pq.read_table(out / f"{name}.parquet") for name in TABLES}
    for name, table in rows.items():
        assert table.schema.equals(SCHEMAS[name], check_metadata=False), name
        assert table.num_rows == (2 if name == "sections" else 1) * len(good), name
        assert set(table.column("doc_id").to_pylist()) == good
        assert str(table.column("doc_date")[0]) == "2024-03-05"
        assert table.column("doc_issuer")[0].as_py() == "市政府办公厅"
    sections = rows["sections"].to_pylist()
    assert [(s["section_index"], s["parent_index"], s["number"]) for s in sections[:2]] == [(0, None, "一"), (1, 0, "（一）")]
    table = rows["tables"].to_pylist()[0]
    assert table["rows"] == [["甲局", "92.5"], ["乙局", None]] and table["n_columns"] == 2
    deadline = rows["deadlines"].to_pylist()[0]
    assert (str(deadline["date"]), deadline["within_amount"], deadline["within_unit"]) == ("2024-04-01", 5.0, "working_day")
    assert rows["units"].to_pylist()[0]["mentions"] == [{"start": 1, "end": 3, "source_start": None, "source_end": None}]
    assert rows["problems"].to_pylist()[0]["evidence_text"] == "栏目长期未更新"


def test_documents_table_has_one_row_per_document_a_notice_without_units_included(tmp_path):
    src = tmp_path / "in"
    write(src / "seed.txt", (NOTICES / "000_d97bcc4c5aa47a5e.txt").read_bytes())
    write(src / "bare.txt", "关于网站检查情况的通报\n现将有关情况通报如下。\n".encode())
    write(src / "empty.txt", b"")
    out = tmp_path / "out"
    run_batch([src], out, workers=1, quiet=True)
    table = pq.read_table(out / "documents.parquet")
    assert table.schema.equals(SCHEMAS["documents"], check_metadata=False)
    rows = {Path(r["path"]).name: r for r in table.to_pylist()}
    docs = {Path(d["source"]["path"]).name: d for d in documents(out).values()}
    assert set(rows) == set(docs) == {"seed.txt", "bare.txt"}
    for name, row in rows.items():
        doc = docs[name]
        assert row["doc_id"] == doc["id"] and row["title"] == doc["title"] and row["issuer"] == doc["issuer"]
        assert (row["n_units"], row["n_problems"], row["n_counts"], row["n_deadlines"]) == tuple(
            len(doc[key]) for key in ("units", "problems", "counts", "deadlines"))
        assert (row["format"], row["encoding"], row["script"], row["bytes"]) == (
            "txt", "utf-8", doc["script"], doc["source"]["bytes"])
    assert rows["bare.txt"]["n_units"] == 0 and rows["bare.txt"]["region"] is None
    seed = rows["seed.txt"]
    assert (str(seed["date"]), seed["region"], seed["region_code"], seed["region_level"]) == (
        "2021-03-31", "甘州区", "620702", "county")
    assert manifest(out)["dataset"]["documents"] == 2


def _notice_in_three_formats(folder: Path, text: str) -> None:
    """One notice as a .txt, a web page with a site's header and footer, and a .docx."""
    import docx

    write(folder / "notice.txt", text.encode())
    paragraphs = "".join(f"<p>{line}</p>" for line in text.splitlines())
    write(folder / "mirror" / "notice.html", (
        "<html><head><meta charset='utf-8'><title>通知公告</title></head><body><div>首页 > 通知公告</div>"
        f"<div class='content'>{paragraphs}</div><div>打印本页 关闭窗口</div></body></html>").encode())
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(folder / "notice.docx")


def test_copies_of_a_notice_point_at_its_first_document_and_other_quarters_of_its_template_do_not(tmp_path):
    from tests.test_copies import TEMPLATE

    src = tmp_path / "in"
    src.mkdir()
    _notice_in_three_formats(src, TEMPLATE.format(year=2021, quarter="二") + "县政务公开办\n2021年7月5日\n")
    write(src / "third.txt", (TEMPLATE.format(year=2021, quarter="三") + "县政务公开办\n2021年10月8日\n").encode())
    write(src / "next-year.txt", (TEMPLATE.format(year=2022, quarter="二") + "县政务公开办\n2022年7月5日\n").encode())
    run_batch([src], tmp_path / "out", workers=1, quiet=True)
    rows = {Path(r["path"]).name: r for r in pq.read_table(tmp_path / "out" / "documents.parquet").to_pylist()}
    assert len(rows) == 5  # every document stays
    copies = [rows[name] for name in ("notice.txt", "notice.html", "notice.docx")]
    first = next(row for row in copies if row["duplicate_of"] is None)
    assert [row["duplicate_of"] for row in copies if row is not first] == [first["doc_id"]] * 2
    assert rows["third.txt"]["duplicate_of"] is None and rows["next-year.txt"]["duplicate_of"] is None


def _documented_columns() -> dict[str, dict[str, str]]:
    """The column tables of docs/datasets.md: table → column → meaning."""
    found: dict[str, dict[str, str]] = {}
    table = None
    for line in (ROOT / "docs" / "datasets.md").read_text("utf-8").splitlines():
        if line.startswith("### ") and line.endswith(".parquet"):
            table = found.setdefault(line[4:-8], {})
        elif table is not None and line.startswith("| `"):
            name, _, meaning = (cell.strip() for cell in line.strip("|").split(" | ", 2))
            table[name.strip("`")] = meaning
    return found


def test_every_column_means_the_same_in_the_file_and_on_the_dataset_page(fake_inputs, tmp_path):
    out = tmp_path / "out"
    _dataset(fake_inputs, out, workers=1)
    documented = _documented_columns()
    assert set(documented) == set(SCHEMAS)
    for name in SCHEMAS:
        schema = pq.read_schema(out / f"{name}.parquet")
        meanings = {f.name: f.metadata[b"description"].decode() for f in schema}
        assert meanings == documented[name], name
        kv = pq.ParquetFile(out / f"{name}.parquet").metadata.metadata
        assert {k.decode()[12:]: v.decode() for k, v in kv.items() if k.startswith(b"description:")} == meanings
        assert kv[b"description"].decode() == SCHEMAS[name].metadata[b"description"].decode()


_ODD_DOCUMENT = {
    "id": "odd", "date": "2024-13-01", "issuer": 5, "title": None,
    "units": [{"name": 3, "platform": True, "aliases": "甲", "mentions": [{"start": True, "end": 2.5, "source_end": 4}, 7]}],
    "counts": [{"value": True, "approximate": "yes"}, {"value": 3}, {"value": "4", "evidence": {"text": 5, "end": False}}],
    "deadlines": [{"date": 20240101, "within": {"amount": 5, "unit": 3}}],
    "sections": [{"level": 1, "number": "一", "children": [{"level": "2"}]}, {"implied": 1}],
    "tables": [{"header": None, "rows": [["a", 1], None]}],
}


@pytest.mark.parametrize(("table", "column", "expected"), [
    ("units", "doc_issuer", ["5"]), ("units", "doc_date", [None]),  # a non-string or impossible date
    ("units", "name", ["3"]), ("units", "platform", ["True"]), ("units", "aliases", [[]]),
    ("units", "mentions", [[{"start": None, "end": None, "source_start": None, "source_end": 4}]]),
    ("units", "mention_count", [1]),  # the mention that is not an object is dropped
    ("counts", "value", [None, 3.0, None]), ("counts", "approximate", [True, False, False]),
    ("counts", "evidence_text", [None, None, "5"]), ("counts", "evidence_end", [None, None, None]),
    ("deadlines", "date", [None]), ("deadlines", "within_amount", [5.0]), ("deadlines", "within_unit", ["3"]),
    ("sections", "parent_index", [None, 0, None]), ("sections", "level", [1, None, None]),
    ("sections", "implied", [False, False, True]),
    ("tables", "rows", [[["a", "1"], []]]), ("tables", "n_columns", [2]), ("problems", "doc_id", []),
])
def test_parquet_coerces_odd_values_instead_of_failing_the_table(tmp_path, table, column, expected):
    """A custom extractor's stray value becomes text or null in its cell; the other rows are kept."""
    from extract.batch.parquet import derive

    (tmp_path / "documents.jsonl").write_text(json.dumps(_ODD_DOCUMENT, ensure_ascii=False) + "\n{}\n", "utf-8")
    derive(tmp_path)
    assert pq.read_table(tmp_path / f"{table}.parquet").column(column).to_pylist() == expected


def test_parquet_from_several_processes_equals_one(fake_inputs, tmp_path, monkeypatch):
    """Slices converted in parallel and joined give the rows, in order, that one process writes."""
    import extract.batch.parquet as parquet

    out = tmp_path / "out"
    write(fake_inputs[0] / "zz" / "ok0-again.txt", "第0号通报：网站检查情况。\n".encode())  # other bytes, one notice
    _dataset(fake_inputs, out, workers=1)
    one = {name: pq.read_table(out / f"{name}.parquet") for name in SCHEMAS}
    assert len(one["documents"].column("duplicate_of").drop_null()) == 1  # the copy points across slices below
    monkeypatch.setattr(parquet, "PARALLEL_BYTES", 0)
    for workers in (2, 3, 50):
        totals = parquet.derive(out, workers)
        for name in SCHEMAS:
            assert pq.read_table(out / f"{name}.parquet").equals(one[name]), (workers, name)
            assert totals[name] == one[name].num_rows
    assert sorted(p.name for p in out.iterdir() if p.name.endswith(".tmp")) == []


@pytest.mark.parametrize("lengths", [[1], [5, 1, 9], [3] * 40, [200, 1, 1, 1, 200], list(range(1, 30))])
@pytest.mark.parametrize("count", [1, 2, 3, 7])
def test_line_slices_cover_every_record_once(tmp_path, lengths, count):
    from extract.batch.writer import line_slices, read_records

    path = tmp_path / "d.jsonl"
    path.write_bytes(b"".join(json.dumps({"i": i, "pad": "x" * n}).encode() + b"\n" for i, n in enumerate(lengths)))
    slices = line_slices(path, count)
    assert slices[0][0] == 0 and slices[-1][1] == path.stat().st_size and len(slices) <= count
    seen = [r["i"] for a, b in slices for r in read_records(path, start=a, stop=b)]
    assert seen == list(range(len(lengths)))


def test_damage_inside_a_slice_stops_the_run(tmp_path):
    from extract.batch.writer import line_slices, read_records

    path = tmp_path / "d.jsonl"
    path.write_bytes(b'{"i": 0}\n{"i": 1}\nnot json\n' + b'{"i": 3}\n' * 3)
    first, _ = line_slices(path, 2)
    assert len(b'{"i": 0}\n{"i": 1}\nnot json\n') <= first[1] < path.stat().st_size
    with pytest.raises(BatchAborted, match="not valid JSON|invalid line"):
        list(read_records(path, start=first[0], stop=first[1]))
    with pytest.raises(BatchAborted, match="invalid line before byte 27"):  # the slice ends on the bad line
        list(read_records(path, start=0, stop=27))


def test_plain_progress_lines_when_not_a_terminal():
    stream = io.StringIO()
    progress = LogProgress(4, stream, interval=0)
    for failed in (False, True, False, False):
        progress.advance(failed)
    text = stream.getvalue().splitlines()
    assert text[-1].startswith("tongbao batch: 4/4 files,") and "1 failed" in text[-1] and "docs/s" in text[-1]


def test_cli_strict_quiet_and_summary(fake_inputs, tmp_path):
    src, _ = fake_inputs
    for name in ("hang.txt", "crash.txt"):
        (src / name).unlink()
    base = [sys.executable, "-m", "extract.cli", "batch", str(src), "--workers", "2", "--extractor", FAKE]
    run = subprocess.run(base + ["-o", str(tmp_path / "a")], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stderr.splitlines()[-1].startswith(
        "tongbao batch: 10 read, 6 written, 3 failed (E101×1, E105×1, E111×1), 1 skipped in ")
    strict = subprocess.run(base + ["-o", str(tmp_path / "b"), "--strict", "--quiet"], cwd=ROOT,
                            capture_output=True, text=True)
    assert (strict.returncode, strict.stderr) == (1, "")
    again = subprocess.run(base + ["-o", str(tmp_path / "b")], cwd=ROOT, capture_output=True, text=True)
    assert again.returncode == 2 and "--resume" in again.stderr


# ---------------------------------------------------------------- end to end, on the real pipeline


def _docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _html(text: str) -> bytes:
    body = "".join(f"<p>{line}</p>" for line in text.splitlines())
    return f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>通报</title></head><body>{body}</body></html>'.encode()


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """Good notices in several formats and encodings, a zip, and bad files; returns (dir, good ids, bad codes)."""
    import opencc

    src = tmp_path_factory.mktemp("mixed")
    notice = {n: (NOTICES / f"notice-{n:02d}.txt").read_text("utf-8") for n in range(1, 13)}
    good = [write(src / "txt" / f"notice-{n:02d}.txt", notice[n].encode()) for n in range(5, 11)]
    good += [write(src / "txt" / p.name, p.read_bytes()) for p in sorted(NOTICES.glob("00[02]_*.txt"))]
    good.append(write(src / "gb18030" / "notice-01.txt", notice[1].encode("gb18030")))
    good.append(write(src / "big5" / "notice-02.txt", opencc.OpenCC("s2t").convert(notice[2]).encode("big5")))
    good.append(write(src / "page.html", _html(notice[3])))
    good.append(write(src / "notice-04.docx", _docx(notice[4])))
    with zipfile.ZipFile(src / "archive.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        for name, n in (("通报/notice-11.txt", 11), ("notice-12.txt", 12), ("dup/notice-05.txt", 5)):
            archive.writestr(name, notice[n].encode())
        archive.writestr("scan.pdf", random.Random(1).randbytes(3000))
    good += [notice[11].encode(), notice[12].encode()]
    write(src / "empty.txt", b"")
    write(src / "random.pdf", random.Random(2).randbytes(5000))
    write(src / "broken.docx", _docx(notice[6])[:2000])
    bad = {f"{src}/empty.txt": "E101", f"{src}/random.pdf": "E105", f"{src}/broken.docx": "E105",
           f"{src}/archive.zip!scan.pdf": "E105"}
    return src, {sha(g) for g in good}, bad


@pytest.fixture(scope="module")
def local_run(mixed, tmp_path_factory):
    out = tmp_path_factory.mktemp("local") / "out"
    return out, run_batch([mixed[0]], out, workers=2, timeout=60, quiet=True)


def test_mixed_directory_gives_every_good_document_once(mixed, local_run):
    from extract import validate
    from extract.pipeline import extract_file

    src, good, bad = mixed
    out, summary = local_run
    docs = documents(out)
    assert set(docs) == good
    assert errors(out) == bad
    assert summary.counts == {"read": 19, "written": 14, "failed": 4, "skipped": 1}
    assert summary.skipped["duplicate"] == 1 and summary.exit_code() == 0 and summary.exit_code(strict=True) == 1
    formats = {d["source"]["format"] for d in docs.values()}
    assert formats == {"txt", "html", "docx"}
    for doc in docs.values():
        validate(doc)
    one = next(d for d in docs.values() if d["source"]["path"].endswith("notice-04.docx"))
    assert one == extract_file(one["source"]["path"])  # the same JSON as `tongbao extract`
    zipped = {d["source"]["path"] for d in docs.values() if "!" in d["source"]["path"]}
    unique = {f"{src}/archive.zip!通报/notice-11.txt", f"{src}/archive.zip!notice-12.txt"}
    assert unique <= zipped <= unique | {f"{src}/archive.zip!dup/notice-05.txt"}  # a duplicate keeps either path
    for name in TABLES:
        table = pq.read_table(out / f"{name}.parquet")
        expected = sum(_count(name, d) for d in docs.values())
        assert table.num_rows == expected == manifest(out)["dataset"][name], name
        assert set(table.column("doc_id").to_pylist()) <= good


def _count(name: str, doc: dict) -> int:
    if name != "sections":
        return len(doc[name])
    stack, total = list(doc["sections"]), 0
    while stack:
        total += 1
        stack.extend(stack.pop()["children"])
    return total


def test_resume_adds_nothing_the_second_time(mixed, local_run, tmp_path):
    import shutil

    out = tmp_path / "out"
    shutil.copytree(local_run[0], out)
    before = {name: (out / name).read_bytes() for name in ("documents.jsonl", "errors.jsonl")}
    summary = run_batch([mixed[0]], out, workers=2, resume=True, quiet=True)
    assert summary.counts == {"read": 19, "written": 0, "failed": 0, "skipped": 19}
    assert summary.skipped == {"duplicate": 0, "already_written": 15, "already_failed": 4, "not_a_notice": 0}
    assert {name: (out / name).read_bytes() for name in before} == before
    assert manifest(out)["options"]["resume"] is True and summary.exit_code() == 0


def _descendants(pid: int) -> set[int]:
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_run_killed_midway_and_resumed_equals_an_uninterrupted_one(tmp_path):
    src = tmp_path / "in"
    for path in sorted(NOTICES.glob("*.txt")):
        write(src / "utf8" / path.name, path.read_bytes())
        write(src / "gb18030" / path.name, path.read_text("utf-8").encode("gb18030"))
    write(src / "empty.txt", b"")
    total = len(list(src.rglob("*.txt")))
    assert total >= 60
    reference = tmp_path / "reference"
    run_batch([src], reference, workers=2, quiet=True)

    out = tmp_path / "killed"
    command = [sys.executable, "-m", "extract.cli", "batch", str(src), "-o", str(out), "--workers", "2", "--quiet"]
    process = subprocess.Popen(command, cwd=ROOT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if (out / "documents.jsonl").exists() and (out / "documents.jsonl").read_bytes().count(b"\n") >= 3:
            break
        time.sleep(0.005)
    workers = _descendants(process.pid)
    process.send_signal(signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL, "the run finished before it could be killed"
    assert (out / "documents.jsonl").read_bytes().count(b"\n") < total
    time.sleep(1)
    assert not [pid for pid in workers if _alive(pid)], "workers outlived the killed batch"

    resumed = subprocess.run(command + ["--resume"], cwd=ROOT, capture_output=True, text=True)
    assert resumed.returncode == 0, resumed.stderr
    assert sorted(lines(out / "documents.jsonl")) == sorted(lines(reference / "documents.jsonl"))
    assert errors(out) == errors(reference) == {f"{src}/empty.txt": "E101"}
    assert set(documents(out)) == set(documents(reference))
    for name in TABLES:
        assert pq.read_table(out / f"{name}.parquet").num_rows == pq.read_table(reference / f"{name}.parquet").num_rows
    assert manifest(out)["dataset"] == manifest(reference)["dataset"]


def _sorted_rows(path: Path) -> list[dict]:
    rows = pq.read_table(path).to_pylist()
    return sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, default=str))


def test_dask_engine_agrees_with_local(mixed, local_run, tmp_path):
    out = tmp_path / "dask"
    summary = run_batch([mixed[0]], out, workers=2, engine="dask", timeout=60, quiet=True)
    local_out, local_summary = local_run
    assert summary.counts == local_summary.counts and summary.skipped == local_summary.skipped
    assert errors(out) == errors(local_out)
    strip = lambda d: {**d, "source": {**d["source"], "path": None}}  # noqa: E731 - a duplicate's path is a race
    local_docs, dask_docs = documents(local_out), documents(out)
    assert {k: strip(d) for k, d in dask_docs.items()} == {k: strip(d) for k, d in local_docs.items()}
    for name in TABLES:
        assert _sorted_rows(out / f"{name}.parquet") == _sorted_rows(local_out / f"{name}.parquet"), name
    assert manifest(out)["options"]["engine"] == "dask"


def test_dask_engine_isolates_hangs_and_crashes(fake_inputs, tmp_path):
    src, good = fake_inputs
    out = tmp_path / "out"
    summary = run_batch([src], out, workers=2, engine="dask", timeout=3, quiet=True, extractor=FAKE)
    assert set(documents(out)) == good
    assert errors(out) == {f"{src}/hang.txt": "E109", f"{src}/crash.txt": "E110", f"{src}/bug.txt": "E111",
                           f"{src}/empty.txt": "E101", f"{src}/latin1.txt": "E105"}
    assert summary.counts == {"read": 12, "written": 6, "failed": 5, "skipped": 1}


@pytest.mark.parametrize("block", [1, 7, task._BLOCK])
@pytest.mark.parametrize("name", ["000_d97bcc4c5aa47a5e.txt", "003_5df64098d028a53d.txt"])
def test_a_long_documents_line_is_built_field_by_field_to_the_same_bytes(name, block, monkeypatch):
    document = extract_file(NOTICES / name)
    document["text"] += '\t"引号"\\\x01'  # escapes, so some fall on a block's edge
    whole = (json.dumps(document, ensure_ascii=False, allow_nan=False, separators=(",", ":")) + "\n").encode()
    monkeypatch.setattr(task, "LONG_TEXT", 1)
    monkeypatch.setattr(task, "_BLOCK", block)
    assert task.json_line(document) == whole
    assert document == {}  # emptied as it was written


@pytest.mark.parametrize("document", [{"text": "长" * 4, "n": float("nan")}, {"text": "长\ud800"},
                                      {"text": "长" * 4, "x": object()}])
def test_a_long_document_that_is_not_json_fails_as_a_short_one_does(document, monkeypatch):
    with pytest.raises((TypeError, ValueError)) as short:
        task.json_line(dict(document))
    monkeypatch.setattr(task, "LONG_TEXT", 1)
    with pytest.raises(short.type):
        task.json_line(dict(document))


def count_references(path, data: bytes) -> dict:
    """An extractor that reports who else holds the bytes it was given."""
    return {"id": "refs", "references": sys.getrefcount(data)}


def test_the_worker_hands_a_files_bytes_to_the_extractor_without_keeping_them(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("通报".encode())
    settings = task.Settings(max_bytes=1 << 20, timeout=10, extractor="tests.test_batch:count_references")
    outcome = task.process_item(task.Item(str(path), str(path)), settings, frozenset())
    # The extractor's own name for them and getrefcount's argument: so extract_file can let them go.
    assert json.loads(outcome.line)["references"] == 2
