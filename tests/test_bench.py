"""scripts/bench.py --quick runs end to end and reports every part; speed itself is never asserted here."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("bound", "naive", "tongbao", "pdf-plumber", "pdf-tongbao", "batch-1", "batch-2",
         "big-pdf", "big-text", "hostile-list", "hostile-enum", "hostile-digits", "hostile-html")


def test_quick_benchmark_reports_every_part(tmp_path):
    out = tmp_path / "bench.json"
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench.py"), "--quick", "--json", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    result = json.loads(out.read_text("utf-8"))
    assert set(PARTS) <= set(result["parts"])
    for name in PARTS:
        part = result["parts"][name]
        assert part["status"] == "ok", (name, part)
        assert part["docs_per_s"] > 0, (name, part)
        assert part["peak_rss_mb"] > 0, (name, part)
    for name in ("big-pdf", "big-text", "hostile-list", "hostile-enum", "hostile-digits", "hostile-html"):
        assert result["parts"][name]["outcome"] == "ok", (name, result["parts"][name]["outcome"])
    assert result["parts"]["batch-1"]["written"] == result["parts"]["batch-2"]["written"] == (
        result["inputs"]["batch"]["documents"])
    assert result["targets"] and all(t["pass"] in (True, False, None) for t in result["targets"])
    assert "targets" in done.stdout and ("PASS" in done.stdout or "FAIL" in done.stdout)


def test_stage_profile_names_every_stage_and_accounts_for_the_time(tmp_path):
    for name in ("notice-01.txt", "notice-08.txt"):
        (tmp_path / name).write_bytes((ROOT / "corpus" / "notices" / name).read_bytes())
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "stages.py"), str(tmp_path), "--repeat", "2"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.splitlines()
    assert lines[0].startswith("4 documents (2 files x 2)")
    labels = {line[:14].strip() for line in lines[1:]}
    assert labels == {"read", "normalise", "tables", "metadata", "sections", "units", "problems", "counts",
                      "deadlines", "link units", "the rest"}
    shares = [float(re.search(r" ms +([\d.]+)%", line).group(1)) for line in lines[1:]]
    assert abs(sum(shares) - 100) < 1  # the stages and the rest make up the whole
