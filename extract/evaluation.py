"""Score documents against the hand-written golden set: per-field precision, recall, F1 and accuracy."""
from __future__ import annotations

import csv
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

META_FIELDS = ["title", "doc_number", "issuer", "date", "recipients", "period", "index_number",
               "attachments", "cc", "contacts"]
SET_FIELDS = ["units", "problems", "counts", "deadlines"]


@dataclass
class Score:
    """Counts behind precision/recall (set fields) or accuracy (single-valued fields)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    correct: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0


def _title_key(title: str | None) -> str | None:
    """Titles compare from 关于 on, so an issuer prefix on one side does not count as a miss."""
    if not title:
        return None
    title = title.replace(" ", "")
    return title[title.index("关于"):] if "关于" in title else title


def _meta_value(name: str, value):
    if name == "title":
        return _title_key(value)
    if name in ("recipients", "cc", "attachments"):
        return sorted(value or [])
    if name == "contacts":
        return sorted((c.get("name"), c.get("phone")) for c in value or [])
    return value


def _bigrams(text: str) -> Counter:
    return Counter(text[i:i + 2] for i in range(max(len(text) - 1, 1)))


def descriptions_match(gold: str, predicted: str) -> bool:
    """Containment either way, or a bigram Dice overlap of at least one half."""
    if not gold or not predicted:
        return False
    if gold in predicted or predicted in gold:
        return True
    a, b = _bigrams(gold), _bigrams(predicted)
    overlap = sum((a & b).values())
    return 2 * overlap / (sum(a.values()) + sum(b.values())) >= 0.5


def _items(name: str, values: list[dict]) -> list:
    if name == "units":
        return [v["name"] for v in values]
    if name == "problems":
        return [(u, v["description"]) for v in values for u in v["units"]]
    if name == "counts":
        return [(round(float(v["value"]), 4), v["unit"]) for v in values]
    return [_deadline_key(v) for v in values]


def _deadline_key(deadline: dict):
    """A full date, else a month and day whose year is unknown (--MM-DD), else the time limit."""
    if deadline.get("date") or deadline.get("month_day"):
        return deadline.get("date") or deadline["month_day"]
    return float(deadline["within"]["amount"]), deadline["within"]["unit"]


def _match_set(name: str, gold: list, predicted: list, score: Score, label: str) -> None:
    if name == "deadlines":
        gold, predicted = list(dict.fromkeys(gold)), list(dict.fromkeys(predicted))
    remaining = list(predicted)
    for item in gold:
        if name == "problems":
            hit = next((p for p in remaining if p[0] == item[0] and descriptions_match(item[1], p[1])), None)
        else:
            hit = item if item in remaining else None
        if hit is None:
            score.fn += 1
            score.misses.append(f"{label}: missed {item}")
        else:
            remaining.remove(hit)
            score.tp += 1
    score.fp += len(remaining)
    score.misses += [f"{label}: spurious {item}" for item in remaining]


def _row_key(row) -> tuple[str, ...]:
    """A table row's cells as text, without the empty cells that pad a row the page cut short."""
    cells = [str(c) for c in row or []]
    while cells and not cells[-1]:
        cells.pop()
    return tuple(cells)


def score_document(gold: dict, document: dict, scores: dict[str, Score], label: str) -> None:
    """Add one document's comparison into the running scores."""
    for name in META_FIELDS:
        expected = _meta_value(name, gold.get("metadata", {}).get(name))
        got = _meta_value(name, document.get(name))
        score = scores.setdefault(name, Score())
        score.total += 1
        if expected == got:
            score.correct += 1
        else:
            score.misses.append(f"{label}: {name} expected {expected!r} got {got!r}")
    kinds = scores.setdefault("section_kinds", Score())
    kinds.total += 1
    expected_kinds = [s["kind"] for s in gold.get("sections", [])]
    got_kinds = [s["kind"] for s in document["sections"]]
    if expected_kinds == got_kinds:
        kinds.correct += 1
    else:
        kinds.misses.append(f"{label}: section kinds expected {expected_kinds} got {got_kinds}")
    tables = scores.setdefault("tables", Score())
    _match_set("counts", [(t["rows"], _row_key(t["first_row"])) for t in gold.get("tables", [])],
               [(len(t["rows"]), _row_key(t["rows"][0] if t["rows"] else None)) for t in document["tables"]],
               tables, label)
    for name in SET_FIELDS:
        _match_set(name, _items(name, gold.get(name, [])), _items(name, document[name]),
                   scores.setdefault(name, Score()), label)


def corpus_groups(corpus_dir: Path) -> dict[str, tuple[str, str]]:
    """File name -> (genre, script) from the corpus's SOURCES.tsv; mixed script counts as traditional."""
    path = corpus_dir / "SOURCES.tsv"
    if not path.exists():
        return {}
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return {r["file"]: (r.get("genre") or "unknown", "simplified" if r["script"] == "simplified" else "traditional")
            for r in rows}


def evaluate(corpus_dir: Path, extract, by_group: bool = False):
    """Run `extract(path) -> document` over every golden file and score it.

    With by_group, also return the scores of each genre and each script, keyed "genre:…"/"script:…".
    """
    scores: dict[str, Score] = {}
    groups: dict[str, dict[str, Score]] = {}
    membership = corpus_groups(corpus_dir) if by_group else {}
    for golden_path in sorted((corpus_dir / "golden").glob("*.json")):
        gold = json.loads(golden_path.read_text("utf-8"))
        document = extract(corpus_dir / "notices" / gold["file"])
        score_document(gold, document, scores, gold["file"])
        if by_group:
            genre, script = membership.get(gold["file"], ("unknown", "unknown"))
            for key in (f"genre:{genre}", f"script:{script}"):
                score_document(gold, document, groups.setdefault(key, {}), gold["file"])
    return (scores, groups) if by_group else scores
