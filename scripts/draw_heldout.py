#!/usr/bin/env python3
"""Draw the real held-out set from shared/corpus-dev by a seeded draw stratified by genre and script.

Run once, before the pipeline ever sees the new notices; the draw is recorded in
corpus/heldout/README.md and corpus/heldout/SOURCES.tsv, and the rest go to corpus/notices.
Only the titles in SOURCES.tsv are read to assign a genre, never the pipeline's output.
"""
from __future__ import annotations

import argparse
import csv
import random
import re
import shutil
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus-dev"
FIRST_NEW = 25          # notice-01 … notice-24 were in the golden set before the draw
SEED = 20261206
SHARE = 40 / 150

ASSESSMENT = re.compile(r"(考核|测评|评估|绩效|考评|评价|考核|測評|評估|績效|考評|評價).*(结果|成绩|情况|报告|結果|成績|情況|報告)")
INSPECTION = re.compile(r"检查|抽查|监测|巡查|监管|普查|自查|督查|采用|檢查|監測|監管|通报|通報")
TASK = re.compile(r"通知|方案|要点|制度|清单|规则|办法|规定|要點|規則|辦法|規定|事项|事項")
ANNUAL = re.compile(r"(信息公开|信息公開).*(报告|報告)|年度(报告|報告)")


def genre_of(title: str) -> str:
    """One of inspection / annual_report / task_notice / assessment, from the title alone."""
    if ASSESSMENT.search(title):
        return "assessment"
    if INSPECTION.search(title.replace("非通报", "")) and not re.search(r"方案|工作的通知|(报送|報送).*(通知)", title):
        return "inspection"
    if ANNUAL.search(title) and not TASK.search(title):
        return "annual_report"
    return "task_notice"


def script_stratum(script: str) -> str:
    return "simplified" if script == "simplified" else "traditional"


def read_sources() -> list[dict]:
    with open(SHARED / "SOURCES.tsv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    for row in rows:
        row["number"] = int(re.search(r"\d+", row["file"]).group())
        row["genre"] = genre_of(row["title"])
    return rows


def draw(rows: list[dict], seed: int) -> set[str]:
    """Largest-remainder allocation of the held-out share over the strata, then a seeded sample."""
    strata: dict[tuple, list[dict]] = defaultdict(list)
    for row in rows:
        strata[(row["genre"], script_stratum(row["script"]))].append(row)
    quotas = {key: len(members) * SHARE for key, members in strata.items()}
    allotted = {key: int(q) for key, q in quotas.items()}
    target = round(len(rows) * SHARE)
    for key in sorted(quotas, key=lambda k: (-(quotas[k] - allotted[k]), k))[:target - sum(allotted.values())]:
        allotted[key] += 1
    rng = random.Random(seed)
    chosen = set()
    for key in sorted(strata):
        members = sorted(strata[key], key=lambda r: r["number"])
        chosen.update(r["file"] for r in rng.sample(members, allotted[key]))
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--copy", action="store_true", help="copy the notices and write the SOURCES files")
    args = parser.parse_args()
    rows = read_sources()
    new = [r for r in rows if r["number"] >= FIRST_NEW]
    chosen = draw(new, args.seed)
    for row in rows:
        mark = "HELDOUT" if row["file"] in chosen else ""
        print(f"{row['file']}\t{row['genre']}\t{row['script']}\t{mark}\t{row['title']}")
    if not args.copy:
        return
    fields = ["file", "source", "title", "script", "origin", "genre"]
    golden_path = ROOT / "corpus" / "SOURCES.tsv"
    with open(golden_path, encoding="utf-8", newline="") as handle:
        kept = [r for r in csv.DictReader(handle, delimiter="\t") if not r["file"].startswith("notice-")
                or int(re.search(r"\d+", r["file"]).group()) < FIRST_NEW]
    genres = {r["file"]: r["genre"] for r in rows}
    for row in kept:
        row["genre"] = genres.get(row["file"]) or row.get("genre") or genre_of(row["title"])
    golden_rows, heldout_rows = kept, []
    for row in new:
        out = {"file": row["file"], "source": row["url-or-repo-path"], "title": row["title"],
               "script": row["script"], "origin": "corpus-dev", "genre": row["genre"]}
        target = ROOT / "corpus" / ("heldout/notices" if row["file"] in chosen else "notices")
        shutil.copyfile(SHARED / row["file"], target / row["file"])
        (heldout_rows if row["file"] in chosen else golden_rows).append(out)
    for path, table in ((golden_path, golden_rows), (ROOT / "corpus" / "heldout" / "SOURCES.tsv", heldout_rows)):
        with open(path, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fields, delimiter="\t", lineterminator="\n")
            writer.writeheader()
            writer.writerows(table)
    print(f"held out {len(heldout_rows)}, golden corpus-dev rows {len(golden_rows)}")


if __name__ == "__main__":
    main()
