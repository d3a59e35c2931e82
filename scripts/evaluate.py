#!/usr/bin/env python3
"""Print per-field scores of the pipeline over the golden set (corpus/golden) and check the floors."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract import extract_file  # noqa: E402
from extract.evaluation import SET_FIELDS, evaluate  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--misses", action="store_true", help="list every miss and spurious item")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--heldout", action="store_true",
                        help="score the held-out set (corpus/heldout), which rules are never tuned on")
    args = parser.parse_args()
    corpus = ROOT / "corpus" / "heldout" if args.heldout else ROOT / "corpus"
    scores = evaluate(corpus, lambda p: extract_file(p, include_text=False))
    floors = json.loads((ROOT / "corpus" / "floors.json").read_text("utf-8"))
    rows, failed = {}, []
    for name, score in scores.items():
        if name in SET_FIELDS or name == "tables":
            rows[name] = {"precision": round(score.precision, 3), "recall": round(score.recall, 3),
                          "f1": round(score.f1, 3), "tp": score.tp, "fp": score.fp, "fn": score.fn}
            value = score.f1
        else:
            rows[name] = {"accuracy": round(score.accuracy, 3), "correct": score.correct, "total": score.total}
            value = score.accuracy
        if not args.heldout and value + 1e-9 < floors.get(name, 0.0):
            failed.append(f"{name} {value:.3f} < floor {floors[name]:.3f}")
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        print(f"{'field':<14}{'P':>7}{'R':>7}{'F1':>7}{'acc':>7}  floor")
        for name, row in rows.items():
            p, r, f = (f"{row[k]:.3f}" if k in row else "" for k in ("precision", "recall", "f1"))
            acc = f"{row['accuracy']:.3f}" if "accuracy" in row else ""
            print(f"{name:<14}{p:>7}{r:>7}{f:>7}{acc:>7}  {floors.get(name, '-')}")
    if args.misses:
        for name, score in scores.items():
            for miss in score.misses:
                print(f"[{name}] {miss}")
    for failure in failed:
        print(f"BELOW FLOOR: {failure}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
