"""The probe sets (corpus/probes/): notices the project wrote to find the forms its rules miss. Floors a little
under the 2026-12-06 figures keep a rule change from quietly losing a form they exercise."""
import json
from pathlib import Path

import pytest

from tongbao import extract_file
from tongbao.evaluation import descriptions_match

PROBES = Path(__file__).resolve().parent.parent / "corpus" / "probes"
# set: (units F1, problems F1) floors; measured 2026-12-06: lists 0.918/0.856, styles 0.946/0.840,
# pages 0.881/0.836.
FLOORS = {"lists": (0.89, 0.82), "styles": (0.92, 0.80), "pages": (0.85, 0.78)}


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _score(name: str) -> tuple[float, float]:
    units, problems = [0, 0, 0], [0, 0, 0]
    for gold_path in sorted((PROBES / name / "golden").glob("*.json")):
        gold = json.loads(gold_path.read_text("utf-8"))
        doc = extract_file(PROBES / name / "notices" / f"{gold_path.stem}.txt")
        want, got = {u["name"] for u in gold["units"]}, {u["name"] for u in doc["units"]}
        units[0] += len(want & got)
        units[1] += len(got - want)
        units[2] += len(want - got)
        remaining = [(u, p["description"]) for p in doc["problems"] for u in p["units"]]
        for unit, description in ((u, p["description"]) for p in gold["problems"] for u in p["units"]):
            hit = next((r for r in remaining if r[0] == unit and descriptions_match(description, r[1])), None)
            if hit is None:
                problems[2] += 1
            else:
                remaining.remove(hit)
                problems[0] += 1
        problems[1] += len(remaining)
    return _f1(*units), _f1(*problems)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_probe_set_holds_its_floors(name):
    units, problems = _score(name)
    floor_units, floor_problems = FLOORS[name]
    assert units >= floor_units and problems >= floor_problems, (name, round(units, 3), round(problems, 3))
