"""End to end: every bundled notice gives a schema-valid document whose evidence points at its text."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from extract import extract_text, validate
from extract.errors import EXIT_CODES

from .conftest import NOTICES, SEED_000, SEED_001, SEED_003, document

ALL_NOTICES = sorted(p.name for p in NOTICES.iterdir())


def _spans(doc: dict):
    for field in ("problems", "counts", "deadlines"):
        for item in doc[field]:
            yield item["evidence"]


@pytest.mark.parametrize("name", ALL_NOTICES)
def test_document_is_schema_valid_and_evidence_is_exact(name):
    doc = document(name)
    validate(doc)
    raw = (NOTICES / name).read_text("utf-8")
    for span in _spans(doc):
        assert doc["text"][span["start"]:span["end"]] == span["text"]
        assert 0 <= span["source_start"] <= span["source_end"] <= len(raw)
    for unit in doc["units"]:
        for mention in unit["mentions"]:
            assert 0 <= mention["start"] < mention["end"] <= len(doc["text"])


def test_id_is_the_sha256_of_the_bytes():
    import hashlib

    doc = document(SEED_000.name)
    assert doc["id"] == hashlib.sha256(SEED_000.read_bytes()).hexdigest() == doc["source"]["sha256"]


def test_source_offsets_quote_the_traditional_original():
    from extract import extract_text_of

    norm = extract_text_of(SEED_001)
    raw = SEED_001.read_text("utf-8")
    start = norm.text.index("甘政办发〔2017〕136号")
    source_start, source_end = norm.source_span(start, start + len("甘政办发〔2017〕136号"))
    assert raw[source_start:source_end] == "甘政辦發(fā)〔2017〕136號"
    assert document(SEED_001.name)["script"] == "traditional"


def test_extract_text_in_memory_matches_the_file():
    from_file = document(SEED_003.name)
    in_memory = extract_text(SEED_003.read_text("utf-8"))
    for field in ("title", "date", "period", "sections", "tables", "units", "problems", "counts", "deadlines"):
        assert in_memory[field] == from_file[field], field


def _cli(*args: str, cwd=None, env=None):
    return subprocess.run([sys.executable, "-m", "extract.cli", *args], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=300)


def test_cli_extract_and_text(tmp_path):
    out = tmp_path / "doc.json"
    result = _cli("extract", str(SEED_000), "-o", str(out), "--no-text")
    assert result.returncode == 0, result.stderr
    doc = json.loads(out.read_text("utf-8"))
    assert doc["text"] is None and doc["date"] == "2021-03-31"
    validate(doc)
    text = _cli("text", str(SEED_001), "--json")
    payload = json.loads(text.stdout)
    assert payload["script"] == "traditional" and "公开渠道更加畅通" in payload["text"]
    assert payload["repairs"]["mojibake"] >= 10


@pytest.mark.parametrize(
    "name, content, code",
    [("empty.txt", b"", "E101"), ("random.pdf", bytes(range(256)) * 8, "E105"),
     ("notzip.docx", b"this is not a zip archive", "E105"), ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "E104"),
     ("data.xyz", "正文".encode(), "E103")],
)
def test_cli_bad_input_is_one_line_and_an_exit_code(tmp_path, name, content, code):
    path = tmp_path / name
    path.write_bytes(content)
    no_office = {**os.environ, "PATH": str(tmp_path)}  # where LibreOffice is installed it would try the .doc: E105
    result = _cli("extract", str(path), env=no_office)
    assert result.returncode == EXIT_CODES[code]
    assert "Traceback" not in result.stderr
    assert code in result.stderr and name in result.stderr


def test_redact_masks_contacts(tmp_path):
    from .conftest import SEED_004

    result = _cli("extract", str(SEED_004), "--redact")
    doc = json.loads(result.stdout)
    assert "刘薇薇" not in result.stdout and "3833277" not in result.stdout
    assert doc["contacts"] == [{"name": "某某", "phone": "***"}]
    validate(doc)
