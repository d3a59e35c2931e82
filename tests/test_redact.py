"""--redact: no contact name or phone number survives anywhere in the output, and the document stays sound."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from extract import extract_text
from extract.redact import redact_document

from .test_hostile import ROOT, assert_sound, source_length

SEED_004 = ROOT / "corpus" / "notices" / "004_198255f5e13ddda7.txt"
BASE = (ROOT / "corpus" / "notices" / "notice-05.txt").read_text("utf-8").rstrip("\n")


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extract.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


def _leaks(document: dict, secrets) -> list[str]:
    dumped = json.dumps(document, ensure_ascii=False)
    return [s for s in secrets if s in dumped]


@pytest.mark.parametrize("flags", [[], ["--no-text"]])
def test_cli_redacts_seed_004_everywhere(tmp_path, flags):
    plain, redacted = tmp_path / "plain.json", tmp_path / "redacted.json"
    assert _cli("extract", str(SEED_004), "-o", str(plain), *flags).returncode == 0
    result = _cli("extract", str(SEED_004), "--redact", "-o", str(redacted), *flags)
    assert result.returncode == 0, result.stderr
    before, after = json.loads(plain.read_text("utf-8")), json.loads(redacted.read_text("utf-8"))
    assert {"name": "刘薇薇", "phone": "3833277"} in before["contacts"]  # else this test would prove nothing
    assert _leaks(after, ["刘薇薇", "3833277"]) == []
    assert after["contacts"] == [{"name": "某某", "phone": "***"}]
    assert_sound(after, source_length(SEED_004.name, SEED_004.read_bytes()))  # masks keep lengths: spans still quote
    if after["text"] is not None:
        assert len(after["text"]) == len(before["text"])


CONTACT_LINES = [
    pytest.param("联系人：王小明，联系电话：0931-8212345", ["王小明", "8212345"], id="name-and-landline"),
    pytest.param("（联系人：王小明，联系电话：13912345678）", ["王小明", "13912345678"], id="in-brackets"),
    pytest.param("联系人：王小明\n联系电话：0931-8212345", ["王小明", "8212345"], id="two-lines"),
    pytest.param("联系人：王小明　　电话：8212345", ["王小明", "8212345"], id="wide-spaces"),
    pytest.param("联系人：赵四，电话：8212345，传真：8212399", ["赵四", "8212345", "8212399"], id="with-fax"),
    pytest.param("联系人及电话：王小明，0931-8212345", ["王小明", "8212345"], id="name-and-phone-label"),
    pytest.param("联系人：王小明；联系方式：0931-8212345", ["王小明", "8212345"], id="contact-way-label"),
    pytest.param("联系人：王小明、李华，联系电话：8212345、8212346", ["王小明", "李华", "8212345", "8212346"],
                 id="two-contacts"),
]


@pytest.mark.parametrize("line, secrets", CONTACT_LINES)
def test_contact_lines_are_redacted(line, secrets):
    text = f"{BASE}\n{line}\n"
    doc = redact_document(extract_text(text))
    assert _leaks(doc, secrets) == []
    assert_sound(doc, len(text))


def test_phone_in_a_finding_is_redacted_without_text():
    text = f"{BASE}\n二、存在问题\n（一）区财政局网站未公开举报电话13912345678。\n"
    assert "13912345678" in json.dumps(extract_text(text, include_text=False), ensure_ascii=False)
    assert _leaks(redact_document(extract_text(text, include_text=False)), ["13912345678"]) == []


def test_batch_redacts_its_outputs(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    (source / SEED_004.name).write_bytes(SEED_004.read_bytes())
    result = _cli("batch", str(source), "-o", str(tmp_path / "out"), "--workers", "1", "--quiet", "--redact")
    assert result.returncode == 0, result.stderr
    for path in (tmp_path / "out").iterdir():
        data = path.read_bytes()
        assert "刘薇薇".encode() not in data and b"3833277" not in data, path.name
