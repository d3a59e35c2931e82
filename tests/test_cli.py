"""The command line as a user meets it: one typed line and its exit code for every failure they can cause,
standard input, several files as JSON Lines, -h, --quiet/--verbose everywhere, and `tongbao info`."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from extract import pipeline, validate
from extract.cli import main
from extract.errors import EXIT_CODES

from .conftest import ROOT, SEED_000, SEED_001, SEED_003

RUNNER = CliRunner()


def run(*args: str, stdin: bytes = b"", env: dict | None = None):
    return RUNNER.invoke(main, list(args), input=stdin, env=env)


def assert_one_typed_line(result, code: str) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == EXIT_CODES[code], (result.exit_code, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("tongbao: error: ") and f"[{code} " in lines[0], result.stderr
    assert result.stdout == ""


# ---------------------------------------------------------------- every failure a user can cause


@pytest.fixture
def case(tmp_path):
    """What each failure needs on disk: a folder, an empty file, a broken PDF, a file to nest a path under."""
    (tmp_path / "folder").mkdir()
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n" + b"garbage " * 100)
    (tmp_path / "plain.txt").write_bytes(SEED_000.read_bytes())
    return tmp_path


INPUT_FAILURES = [  # (what the user gives as the file, the code)
    ("{tmp}/no/such/file.txt", "E114"),
    ("missing.txt", "E114"),
    ("{tmp}/nomatch-*.pdf", "E114"),
    ("{tmp}/folder", "E115"),
    ("{tmp}/empty.txt", "E101"),
    ("{tmp}/broken.pdf", "E105"),
    ("-", "E101"),  # standard input, empty
]


@pytest.mark.parametrize("command", [["extract"], ["extract", "--no-text"], ["text"], ["text", "--json"]])
@pytest.mark.parametrize("given, code", INPUT_FAILURES)
def test_every_bad_input_is_one_typed_line(case, command, given, code):
    assert_one_typed_line(run(*command, given.format(tmp=case)), code)


@pytest.mark.parametrize("given, code", [("{tmp}/no/such/folder", "E114"), ("{tmp}/nomatch-*.pdf", "E114"),
                                         ("-", "E114")])
def test_batch_bad_input_is_one_typed_line(case, given, code):
    assert_one_typed_line(run("batch", given.format(tmp=case), "-o", str(case / "out")), code)


OUTPUT_FAILURES = [  # -o values a user can get wrong
    ("{tmp}/no/dir/x.json", "E114"),
    ("{tmp}/folder", "E115"),
    ("{tmp}/plain.txt/x.json", "E115"),  # a path under a file
]


@pytest.mark.parametrize("target, code", OUTPUT_FAILURES)
def test_extract_bad_output_is_one_typed_line_before_reading(case, target, code, monkeypatch):
    monkeypatch.setattr(pipeline, "extract_file", lambda *a, **k: pytest.fail("read before the output was checked"))
    assert_one_typed_line(run("extract", str(case / "plain.txt"), "-o", target.format(tmp=case)), code)
    assert sorted(p.name for p in case.iterdir()) == ["broken.pdf", "empty.txt", "folder", "plain.txt"]


@pytest.mark.parametrize("target, code", [("{tmp}/plain.txt", "E115"), ("{tmp}/plain.txt/out", "E115")])
def test_batch_bad_output_is_one_typed_line(case, target, code):
    assert_one_typed_line(run("batch", str(case / "folder"), "-o", target.format(tmp=case)), code)


def test_batch_refuses_stdout(case):
    result = run("batch", str(case / "folder"), "-o", "-")
    assert result.exit_code == 2 and "tongbao extract" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("command", [["extract", "x.txt"], ["text", "x.txt"], ["batch", "x", "-o", "y"], ["info"],
                                     ["index", "x", "--db", "x.db"], ["search", "三闸"]])
def test_a_misspelt_limit_is_one_line(command):
    result = run(*command, env={"TONGBAO_MAX_BYTES": "64 megabytes"})
    assert result.exit_code == 2
    assert result.stderr.strip() == "tongbao: error: TONGBAO_MAX_BYTES='64 megabytes' is not a whole number"


def test_an_index_in_a_missing_folder_is_one_typed_line(case):
    assert_one_typed_line(run("index", str(case / "plain.txt"), "--db", str(case / "no" / "dir" / "x.db")), "E115")


def test_a_bug_is_one_line_and_its_traceback_on_request(case, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a stage broke")

    monkeypatch.setattr(pipeline, "extract_file", broken)
    result = run("extract", str(case / "plain.txt"))
    assert result.exit_code == 1
    assert result.stderr.strip() == ("tongbao: error: RuntimeError: a stage broke [E111 unexpected-error] "
                                     "(-vv shows the traceback)")
    assert isinstance(run("extract", "-vv", str(case / "plain.txt")).exception, RuntimeError)


@pytest.mark.parametrize("args, code", [(["extract", "/no/such/file.txt"], "E114"), (["text", "missing.txt"], "E114"),
                                        (["extract", "-"], "E101"), (["extract", "{seed}", "-o", "/no/dir/x.json"], "E114")])
def test_the_issues_examples_in_a_real_process(args, code):
    """The very commands of the issue, through the installed entry point's module, as a shell runs them."""
    args = [a.format(seed=SEED_000) for a in args]
    result = subprocess.run([sys.executable, "-m", "tongbao", *args], capture_output=True, text=True, input="",
                            cwd=ROOT, timeout=120)
    assert result.returncode == EXIT_CODES[code]
    assert result.stderr.count("\n") == 1 and f"[{code} " in result.stderr and "Traceback" not in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_a_file_the_user_may_not_read(case):
    (case / "plain.txt").chmod(0)
    assert_one_typed_line(run("extract", str(case / "plain.txt")), "E112")


# ---------------------------------------------------------------- inputs and outputs


def test_standard_input_gives_the_files_document():
    from_file = json.loads(run("extract", str(SEED_003)).stdout)
    from_stdin = json.loads(run("extract", "-", stdin=SEED_003.read_bytes()).stdout)
    assert from_stdin["source"]["path"] == "<stdin>.txt"
    for key in ("id", "title", "date", "issuer", "units", "problems", "text"):
        assert from_stdin[key] == from_file[key], key
    assert run("text", "-", stdin=SEED_003.read_bytes()).stdout == run("text", str(SEED_003)).stdout


def test_standard_input_read_by_its_content(tmp_path):
    from .test_readers import DOCX_SAMPLE, PDF_SAMPLE

    for data, kind in ((PDF_SAMPLE, "pdf"), (DOCX_SAMPLE, "docx")):
        payload = json.loads(run("text", "--json", "-", stdin=data).stdout)
        assert (payload["format"], payload["path"]) == (kind, f"<stdin>.{kind}")


def test_several_files_give_json_lines_and_a_bad_one_does_not_stop_the_others(case):
    result = run("extract", "--no-text", str(SEED_000), str(case / "empty.txt"), str(SEED_001))
    documents = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["source"]["path"] for d in documents] == [str(SEED_000), str(SEED_001)]
    for document in documents:
        validate(document)
    assert result.stderr.splitlines() == [f"tongbao: error: {case / 'empty.txt'}: the file is empty [E101 empty-input]"]
    assert result.exit_code == EXIT_CODES["E101"]


def test_a_pattern_is_expanded_and_written_as_json_lines_to_a_file(case):
    (case / "b.txt").write_bytes(SEED_001.read_bytes())
    target = case / "docs.jsonl"
    result = run("extract", str(case / "*.txt"), "-o", str(target), "--no-text")
    assert result.exit_code == EXIT_CODES["E101"]  # empty.txt matches too, and fails alone
    paths = [json.loads(line)["source"]["path"] for line in target.read_text("utf-8").splitlines()]
    assert paths == [str(case / "b.txt"), str(case / "plain.txt")]
    assert not list(case.glob(".*.tmp"))


def test_one_file_gives_one_indented_document():
    result = run("extract", str(SEED_000), "--no-text")
    assert result.stdout.startswith("{\n") and json.loads(result.stdout)["date"] == "2021-03-31"


def test_several_texts_are_json_lines():
    lines = run("text", str(SEED_000), str(SEED_001)).stdout.splitlines()
    assert [json.loads(line)["path"] for line in lines] == [str(SEED_000), str(SEED_001)]


def test_standard_input_is_read_once():
    assert run("extract", "-", "-").exit_code == 2


# ---------------------------------------------------------------- help, quiet, verbose


def _commands():
    return sorted(main.commands)


@pytest.mark.parametrize("name", [None] + sorted(main.commands))
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_help_with_h(name, flag):
    result = run(*([name] if name else []), flag)
    assert result.exit_code == 0 and result.stdout.startswith("Usage: ")


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_has_quiet_and_verbose(name):
    options = {opt for param in main.commands[name].params for opt in param.opts}
    assert {"-q", "--quiet", "-v", "--verbose", "-h", "--help"} <= options | {"-h", "--help"}
    assert "--quiet" in run(name, "-h").stdout and "--verbose" in run(name, "-h").stdout


def test_verbose_tells_each_documents_findings_and_warnings_and_quiet_says_nothing(tmp_path):
    page = tmp_path / "notice.txt"
    page.write_bytes(SEED_000.read_bytes())
    verbose = run("extract", "--verbose", str(page))
    assert verbose.exit_code == 0
    assert verbose.stderr.startswith(f"tongbao: {page}: ") and " units, " in verbose.stderr
    quiet = run("extract", "--quiet", str(page))
    assert quiet.exit_code == 0 and quiet.stderr == "" and quiet.stdout == run("extract", str(page)).stdout


def test_quiet_still_reports_errors():
    assert_one_typed_line(run("text", "--quiet", "missing.txt"), "E114")


# ---------------------------------------------------------------- info


def test_info_tells_versions_tools_and_limits_in_force():
    facts = json.loads(run("info", "--json", env={"TONGBAO_MAX_PDF_PAGES": "20", "TONGBAO_CACHE_DIR": "/tmp/cc"}).stdout)
    assert facts["tongbao"] and facts["libraries"]["pdfplumber"] and facts["schema_version"]
    assert facts["cache_dir"] == "/tmp/cc"
    assert set(facts["extras"]) == {"serve", "dask"}
    assert {"libreoffice", "chromium"} <= set(facts)
    assert facts["limits"]["max_pdf_pages"] == {"value": 20, "default": 500, "variable": "TONGBAO_MAX_PDF_PAGES"}
    text = run("info", env={"TONGBAO_MAX_PDF_PAGES": "20"}).stdout
    assert "max_pdf_pages      20 (default 500)  [TONGBAO_MAX_PDF_PAGES]" in text
    assert "LibreOffice:" in text and "Chromium:" in text and "cache directory:" in text
