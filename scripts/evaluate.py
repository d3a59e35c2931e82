#!/usr/bin/env python3
"""Print per-field scores of the pipeline over the golden set (corpus/) or the held-out set, by genre and script."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tongbao import extract_file  # noqa: E402
from tongbao.evaluation import SET_FIELDS, Score, evaluate  # noqa: E402

BREAKDOWN = ["units", "problems", "counts", "deadlines", "section_kinds", "title+date+issuer"]


def value_of(name: str, score: Score) -> float:
    return score.f1 if name in SET_FIELDS or name == "tables" else score.accuracy


def with_combined(scores: dict[str, Score]) -> dict[str, Score]:
    """Add title+date+issuer: the share of those three fields right, as the owners report it."""
    combined = Score()
    for name in ("title", "date", "issuer"):
        combined.correct += scores[name].correct
        combined.total += scores[name].total
    return {**scores, "title+date+issuer": combined}


def rows_of(scores: dict[str, Score]) -> dict[str, dict]:
    rows = {}
    for name, score in scores.items():
        if name in SET_FIELDS or name == "tables":
            rows[name] = {"precision": round(score.precision, 3), "recall": round(score.recall, 3),
                          "f1": round(score.f1, 3), "tp": score.tp, "fp": score.fp, "fn": score.fn}
        else:
            rows[name] = {"accuracy": round(score.accuracy, 3), "correct": score.correct, "total": score.total}
    return rows


def print_fields(rows: dict[str, dict], floors: dict[str, float]) -> None:
    print(f"{'field':<18}{'P':>7}{'R':>7}{'F1':>7}{'acc':>7}  floor")
    for name, row in rows.items():
        p, r, f = (f"{row[k]:.3f}" if k in row else "" for k in ("precision", "recall", "f1"))
        acc = f"{row['accuracy']:.3f}" if "accuracy" in row else ""
        print(f"{name:<18}{p:>7}{r:>7}{f:>7}{acc:>7}  {floors.get(name, '-')}")


def print_groups(groups: dict[str, dict[str, Score]]) -> None:
    print()
    print(f"{'group':<26}{'docs':>5}" + "".join(f"{name[:9]:>10}" for name in BREAKDOWN))
    for key in sorted(groups):
        scores = with_combined(groups[key])
        docs = scores["title"].total
        print(f"{key:<26}{docs:>5}" + "".join(f"{value_of(n, scores[n]):>10.3f}" for n in BREAKDOWN))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--misses", action="store_true", help="list every miss and spurious item (golden set only)")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--heldout", action="store_true",
                        help="score the held-out set (corpus/heldout), which rules are never tuned on")
    args = parser.parse_args()
    if args.heldout and args.misses:
        parser.error("--misses lists the golden set's misses only: the held-out set is for measuring, never for tuning")
    corpus = ROOT / "corpus" / "heldout" if args.heldout else ROOT / "corpus"
    scores, groups = evaluate(corpus, lambda p: extract_file(p, include_text=False), by_group=True)
    scores = with_combined(scores)
    floors = json.loads((ROOT / "corpus" / "floors.json").read_text("utf-8"))
    failed = [f"{name} {value_of(name, score):.3f} < floor {floors[name]:.3f}"
              for name, score in scores.items()
              if not args.heldout and value_of(name, score) + 1e-9 < floors.get(name, 0.0)]
    rows = rows_of(scores)
    if args.json:
        print(json.dumps({"fields": rows, "groups": {k: rows_of(with_combined(v)) for k, v in groups.items()}},
                         ensure_ascii=False, indent=2))
    else:
        print(f"{'held-out' if args.heldout else 'golden'} set: {scores['title'].total} notices")
        print_fields(rows, {} if args.heldout else floors)
        print_groups(groups)
    if args.misses:
        for name, score in scores.items():
            for miss in score.misses:
                print(f"[{name}] {miss}")
    for failure in failed:
        print(f"BELOW FLOOR: {failure}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
