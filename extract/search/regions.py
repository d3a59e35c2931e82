"""The region a notice is about, for browsing by region: the most specific division its issuer (else its title) names."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

_LONGEST = 12


def divisions() -> dict:
    """The gazetteer of extract/data/divisions.tsv, loaded on first use (the CLI starts without it)."""
    from ..findings.gazetteer import divisions as table

    return table()


@dataclass(frozen=True, slots=True)
class Region:
    """甘州区 with its statistics code and the chain above it (甘肃省 张掖市 甘州区)."""

    name: str
    code: str
    path: str


@lru_cache(maxsize=1)
def _lengths() -> tuple[int, ...]:
    return tuple(sorted({len(name) for name in divisions() if len(name) <= _LONGEST}, reverse=True))


def _division_at(text: str, at: int) -> str | None:
    table = divisions()
    return next((text[at:at + n] for n in _lengths() if text[at:at + n] in table), None)


@lru_cache(maxsize=1)
def _by_code() -> dict:
    return {row.code: row for row in divisions().values()}


@lru_cache(maxsize=4096)
def _path(code: str) -> str:
    by_code = _by_code()
    names, row = [], by_code.get(code)
    while row is not None and len(names) < 3:
        names.append(row.name)
        row = by_code.get(row.parent)
    return " ".join(reversed(names))


@lru_cache(maxsize=4096)
def region_in(text: str | None) -> Region | None:
    """The first run of division names in a text (甘肃省张掖市甘州区…), as its last and most specific name."""
    text = text or ""
    for at in range(len(text)):
        name = _division_at(text, at)
        if name is None:
            continue
        while (after := _division_at(text, at + len(name))) is not None:
            at, name = at + len(name), after
        row = divisions()[name]
        return Region(name, row.code, _path(row.code))
    return None


def region_of(document: dict) -> Region | None:
    """The region of a notice: the issuer says who wrote it; the title is the fallback."""
    return region_in(document.get("issuer")) or region_in(document.get("title"))


def leading_region(text: str) -> tuple[Region, str] | None:
    """A text that opens with division names (甘州区三闸镇, 张掖市甘州区三闸镇): the last of them, and the rest."""
    name, at = None, 0
    while (found := _division_at(text, at)) is not None:
        name, at = found, at + len(found)
    if name is None:
        return None
    row = divisions()[name]
    return Region(name, row.code, _path(row.code)), text[at:]
