#!/usr/bin/env python3
"""Where a notice's time goes: milliseconds per document in each stage of extract_file, over the corpus.

The stages are timed by wrapping the functions the pipeline calls, so what runs is extract_file
itself, not a copy of its steps. A stage's time includes what it computes lazily for later ones (the
sentence index is built by the first findings stage that asks for it).
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tongbao import extract_file, findings, pipeline  # noqa: E402

# (module, function name, stage label): pipeline stages first, then the findings rules in find_all; each is
# wrapped in the module that calls it.
STAGES = [
    (pipeline, "read_file", "read"), (pipeline, "normalise", "normalise"), (pipeline, "find_tables", "tables"),
    (pipeline, "extract_metadata", "metadata"), (pipeline, "outline", "sections"),
    (findings, "find_units", "units"), (findings, "find_problems", "problems"), (findings, "find_counts", "counts"),
    (findings, "find_deadlines", "deadlines"), (findings, "link_units", "link units"),
]


def instrument(spent: dict[str, float]) -> None:
    """Replace each stage function by one that adds its time to spent[label]."""
    for module, name, label in STAGES:
        inner = getattr(module, name)

        def timed(*args, _inner=inner, _label=label, **kwargs):
            started = time.perf_counter()
            try:
                return _inner(*args, **kwargs)
            finally:
                spent[_label] += time.perf_counter() - started

        setattr(module, name, timed)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", default=str(ROOT / "corpus" / "notices"))
    parser.add_argument("--repeat", type=int, default=20, help="passes over the folder (default 20)")
    args = parser.parse_args()
    files = sorted(p for p in Path(args.folder).iterdir() if p.is_file())
    inputs = [(path, path.read_bytes()) for path in files]
    for path, data in inputs:
        extract_file(path, data)  # the first pass loads tables and patterns: not a stage's cost
    spent: dict[str, float] = defaultdict(float)
    instrument(spent)
    started = time.perf_counter()
    for _ in range(args.repeat):
        for path, data in inputs:
            extract_file(path, data)
    total = time.perf_counter() - started
    documents = args.repeat * len(inputs)
    print(f"{documents} documents ({len(inputs)} files x {args.repeat}): {total / documents * 1e3:.3f} ms per document")
    for label, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {label:12s} {seconds / documents * 1e3:7.3f} ms  {seconds / total:5.1%}")
    rest = total - sum(spent.values())
    print(f"  {'the rest':12s} {rest / documents * 1e3:7.3f} ms  {rest / total:5.1%}  (hashing, assembling the document)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
