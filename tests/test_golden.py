"""The evaluation gate: per-field scores over the hand-written golden set never drop below the floors."""
from __future__ import annotations

import json

import pytest

from extract.evaluation import SET_FIELDS, evaluate

from .conftest import CORPUS, SEED_000, SEED_001, SEED_003, SEED_004, document

FLOORS = json.loads((CORPUS / "floors.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def scores():
    return evaluate(CORPUS, lambda path: document(path.name))


def test_golden_set_holds_every_real_notice_once():
    """The seeds and corpus-dev, each in exactly one of the golden and held-out sets, with a golden file."""
    golden = {p.stem for p in (CORPUS / "golden").glob("*.json")}
    heldout = {p.stem for p in (CORPUS / "heldout" / "golden").glob("*.json")}
    real = {p.stem for p in (CORPUS / "notices").glob("*.txt") if not p.stem.startswith("synthetic")}
    assert len(real) >= 135 and len(heldout) >= 35 and not golden & heldout
    assert real <= golden and heldout == {p.stem for p in (CORPUS / "heldout" / "notices").glob("*.txt")}


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_field_meets_its_floor(scores, field):
    score = scores[field]
    value = score.f1 if field in SET_FIELDS or field == "tables" else score.accuracy
    assert value + 1e-9 >= FLOORS[field], "\n".join([f"{field}: {value:.3f} < floor {FLOORS[field]}"] + score.misses)


# Floors floors.json may not go below: set from the first measurement on the real golden set (139 real
# notices, 2026-12-06), units, problems and tables raised with the rules of the eighth session. floors.json
# may only rise: lowering one below these fails here, so it cannot happen silently.
FIRST_REAL_FLOORS = {"units": 0.96, "problems": 0.92, "tables": 0.27, "counts": 0.97, "deadlines": 0.81,
                     "section_kinds": 0.77, "title": 0.84, "issuer": 0.60, "date": 0.89}


def test_floors_are_never_lowered():
    for field, floor in FIRST_REAL_FLOORS.items():
        assert FLOORS[field] >= floor, f"{field}: floor {FLOORS[field]} below {floor}"


def test_seed_000_checks():
    doc = document(SEED_000.name)
    names = {u["name"] for u in doc["units"]}
    assert {"三闸镇", "长安镇", "区政府金融办", "甘浚镇", "平山湖乡", "区市政管理局", "火车站街道"} <= names
    assert not any(name.startswith("各") for name in names)
    assert any("区政府金融办" in p["units"] and "未添加机构概况" in p["description"] for p in doc["problems"])
    counts = {(c["value"], c["unit"]) for c in doc["counts"]}
    assert {(1422, "条"), (80, "个"), (90, "%")} <= counts
    assert "2021-04-06" in {d["date"] for d in doc["deadlines"]}
    assert [s["kind"] for s in doc["sections"]][:2] == ["overview", "problems"]
    assert doc["sections"][1]["implied"] and len(doc["attachments"]) == 3


def test_seed_001_checks():
    doc = document(SEED_001.name)
    assert doc["doc_number"] == "甘政办发〔2017〕136号" and doc["date"] == "2017-08-11"
    assert [s["kind"] for s in doc["sections"]] == ["overview", "achievements", "problems", "requirements"]
    assert any(c["value"] == 500_000_000 and c["unit"] == "人次" and c["approximate"] for c in doc["counts"])


def test_seed_003_checks():
    doc = document(SEED_003.name)
    assert doc["period"] == {"start": "2020-11-24", "end": "2021-02-22"}
    rows = [t["rows"] for t in doc["tables"]]
    assert len(rows) == 3
    assert rows[0][0] == ["青竹街道", 70] and ["县交通运输局", 540] in rows[1]
    assert rows[2][0][:3] == ["锦绣青神", 546, "留言互动未及时回复"]
    assert {"县发改局"} <= {u["name"] for u in doc["units"]}


def test_seed_004_checks():
    doc = document(SEED_004.name)
    assert any("荷塘镇" in p["units"] for p in doc["problems"])
    assert "2020-08-14" in {d["date"] for d in doc["deadlines"]}
    within = {(d["within"]["amount"], d["within"]["unit"]) for d in doc["deadlines"] if d["within"]}
    assert {(5, "working_day"), (1, "working_day")} <= within
