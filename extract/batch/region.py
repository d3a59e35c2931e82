"""The region a notice is about, for the documents table: the most specific division its issuer (else its
title) names, with its statistics code when the name picks out one division."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from ..data import data_text, load_yaml

SHORT = 2  # a two-character name (和县, 沙县) counts only opening the text or a run of names: 和县 is also 和+县


@dataclass(frozen=True, slots=True)
class Region:
    name: str
    code: str | None  # None when several divisions share the name and nothing the notice names tells them apart
    level: str


@dataclass(frozen=True, slots=True)
class _Row:
    code: str
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
            by_code[code] = row = _Row(code, level, parent)
            if name not in ignored:
                by_name[name].append(row)
    return dict(by_name), by_code, tuple(sorted({len(n) for n in by_name}, reverse=True))


def _names(text: str) -> list[list[str]]:
    """Runs of division names in reading order: 甘肃省张掖市甘州区 is one run of three."""
    by_name, _, lengths = _gazetteer()
    runs: list[list[str]] = []
    at, run_end = 0, -1
    while at < len(text):
        continuing = at == run_end
        name = next((text[at:at + n] for n in lengths
                     if text[at:at + n] in by_name and (n > SHORT or at == 0 or continuing)), None)
        if name is None:
            at += 1
            continue
        if continuing:
            runs[-1].append(name)
        else:
            runs.append([name])
        at = run_end = at + len(name)
    return runs


def _ancestors(row: _Row) -> set[str]:
    _, by_code, _ = _gazetteer()
    codes = set()
    while row.parent and row.parent not in codes and (row := by_code.get(row.parent)) is not None:
        codes.add(row.code)
    return codes


def _resolve(name: str, context: set[str]) -> Region:
    """The division a name means: its only row, or the one under a division named beside it."""
    by_name, _, _ = _gazetteer()
    rows = by_name[name]
    named = {r.code for other in context - {name} for r in by_name[other]}
    if len(rows) > 1:
        rows = [r for r in rows if _ancestors(r) & named] or rows
    return Region(name, rows[0].code if len(rows) == 1 else None, rows[0].level)


@lru_cache(maxsize=4096)
def region_of(issuer: str | None, title: str | None) -> Region | None:
    """The last name of the issuer's first run of division names, else of the title's; the other names of
    both tell a shared name apart (朝阳区 under 北京市 or under 长春市)."""
    found = [_names(text or "") for text in (issuer, title)]
    context = {name for runs in found for run in runs for name in run}
    for runs in found:
        if runs:
            return _resolve(runs[0][-1], context)
    return None
