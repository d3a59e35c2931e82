"""Divisions a text names (甘肃省张掖市甘州区), each resolved to one row of the gazetteer: the region of a notice
for the documents table and the search index, and the region a search query opens with."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from .data import data_text, load_yaml

SHORT = 2  # a two-character name (和县, 沙县) counts only opening the text or a run of names: 和县 is also 和+县
PATH_DEPTH = 3  # province, city, county


@dataclass(frozen=True, slots=True)
class Region:
    """甘州区 with its statistics code, its level and the chain of names down to it (甘肃省 张掖市 甘州区)."""

    name: str
    code: str | None  # None when several divisions share the name and nothing the text names tells them apart
    level: str
    path: str  # the name alone when the code is None


@dataclass(frozen=True, slots=True)
class _Row:
    code: str
    name: str
    level: str
    parent: str


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, list[_Row]], dict[str, _Row], tuple[int, ...]]:
    """divisions.tsv by name (every row of a shared name kept) and by code, and the name lengths, longest first."""
    ignored = set(load_yaml("units.yaml").get("not_division_names", []))  # 城区, 新区: words, not places
    by_name: dict[str, list[_Row]] = defaultdict(list)
    by_code: dict[str, _Row] = {}
    for line in data_text("divisions.tsv").splitlines():
        if line and not line.startswith("#"):
            code, name, level, parent = (line.split("\t") + [""])[:4]
            by_code[code] = row = _Row(code, name, level, parent)
            if name not in ignored:
                by_name[name].append(row)
    return dict(by_name), by_code, tuple(sorted({len(n) for n in by_name}, reverse=True))


def _name_at(text: str, at: int, short: bool) -> str | None:
    """The longest division name starting at `at`; a short one only where `short` allows it."""
    by_name, _, lengths = _gazetteer()
    return next((text[at:at + n] for n in lengths if (n > SHORT or short) and text[at:at + n] in by_name), None)


def _run_from(text: str, at: int) -> list[str]:
    """The division names standing one after another from `at` on (甘肃省张掖市甘州区 is a run of three)."""
    run: list[str] = []
    while (name := _name_at(text, at, short=at == 0 or bool(run))) is not None:
        run.append(name)
        at += len(name)
    return run


def _runs(text: str) -> list[list[str]]:
    """Every run of division names in reading order."""
    runs, at = [], 0
    while at < len(text):
        run = _run_from(text, at)
        runs += [run] if run else []
        at += sum(map(len, run)) or 1
    return runs


def _ancestors(row: _Row) -> set[str]:
    _, by_code, _ = _gazetteer()
    codes = set()
    while row.parent and row.parent not in codes and (row := by_code.get(row.parent)) is not None:
        codes.add(row.code)
    return codes


@lru_cache(maxsize=4096)
def _path(code: str) -> str:
    _, by_code, _ = _gazetteer()
    names, row = [], by_code.get(code)
    while row is not None and len(names) < PATH_DEPTH:
        names.append(row.name)
        row = by_code.get(row.parent)
    return " ".join(reversed(names))


def _resolve(name: str, context: set[str]) -> Region:
    """The division a name means: its only row, or the one under a division named beside it."""
    by_name, _, _ = _gazetteer()
    rows = by_name[name]
    named = {r.code for other in context - {name} for r in by_name[other]}
    if len(rows) > 1:
        rows = [r for r in rows if _ancestors(r) & named] or rows
    code = rows[0].code if len(rows) == 1 else None
    return Region(name, code, rows[0].level, _path(code) if code else name)


@lru_cache(maxsize=4096)
def region_of(issuer: str | None, title: str | None) -> Region | None:
    """The region of a notice: the last name of the issuer's first run of division names, else of the title's;
    the other names of both tell a shared name apart (朝阳区 under 北京市 or under 长春市)."""
    found = [_runs(text or "") for text in (issuer, title)]
    context = {name for runs in found for run in runs for name in run}
    for runs in found:
        if runs:
            return _resolve(runs[0][-1], context)
    return None


def leading_region(text: str) -> tuple[Region, str] | None:
    """A text that opens with division names (甘州区三闸镇, 张掖市甘州区三闸镇): the last of them, and the rest."""
    run = _run_from(text, 0)
    if not run:
        return None
    return _resolve(run[-1], set(run)), text[sum(map(len, run)):]
