"""The questions the CLI and the API both ask: which findings a query means, and which came back later."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from ..regions import leading_region
from .browse import facets_of
from .filters import NO_FILTERS, Filters
from .resolve import normalise, region_core, resolve_units
from .store import Store

# Suggestions look at this many candidate names at most, so a one-character query stays cheap.
_SUGGEST_CANDIDATES = 50


@dataclass(slots=True)
class SearchResult:
    """`units` are the names the query resolved to (empty when it was matched as free text instead);
    `findings` is the page asked for, `total`, `notices` and `facets` describe every finding that matched;
    `facets` stays empty unless the search asked for them (only a page that shows them does)."""

    query: str
    units: list[str]
    findings: list[dict]
    total: int = 0
    notices: int = 0
    facets: dict = field(default_factory=dict)
    region: str | None = None  # the region the query opened with (甘州区 in 甘州区三闸镇)
    offset: int = 0


def make_filters(since: dt.date | str | None = None, until: dt.date | str | None = None,
                 region: str | None = None, *, issuer: str | None = None, category: str | None = None,
                 year: int | str | None = None) -> Filters:
    """Filters from user input: dates as ISO strings, the region in the form names are stored in."""
    return Filters(_iso(since), _iso(until), region_core(region), _exact(issuer), _exact(category),
                   str(year) if year else None)


def _iso(day: dt.date | str | None) -> str | None:
    return day.isoformat() if isinstance(day, dt.date) else day


def _exact(value: str | None) -> str | None:
    return value.strip() or None if value else None


def resolve(store: Store, query: str, filters: Filters = NO_FILTERS, *, loose: bool = False
            ) -> tuple[list[str], Filters, str | None]:
    """The units a query names, and the filters to use: 甘州区三闸镇 is 三闸镇 in notices of 甘州区."""
    units = resolve_units(store, query, loose=loose)
    if units:
        return units, filters, None
    split = leading_region(normalise(query))
    if split and len(split[1]) >= 2:
        region, rest = split
        units = resolve_units(store, rest, loose=loose)
        if units:
            return units, replace(filters, region=filters.region or region_core(region.name)), region.name
    return [], filters, None


def search(store: Store, query: str, filters: Filters = NO_FILTERS, limit: int | None = None,
           offset: int = 0, *, with_facets: bool = False) -> SearchResult:
    """Findings for the units a query names, or, when it names none, findings whose text contains it.

    Repeats are marked over every finding before the page (`limit` from `offset`) is cut; facets are
    counted over every finding too, so only `with_facets` pays for them."""
    units, filters, region = resolve(store, query, filters)
    if units:
        findings = store.findings(units, filters)
    else:
        findings = store.findings_by_text(normalise(query), filters)
    mark_repeats(findings)
    page = findings[offset:offset + limit] if limit is not None else findings[offset:]
    return SearchResult(query, units, page, len(findings), len({f["document_id"] for f in findings}),
                        facets_of(findings) if with_facets else {}, region, offset)


def suggest(store: Store, query: str, filters: Filters = NO_FILTERS, limit: int = 10, offset: int = 0) -> list[dict]:
    """Units a partly typed query may mean, best first, with enough context to tell namesakes apart."""
    units, filters, _ = resolve(store, query, filters, loose=True)
    return store.unit_summaries(units[:_SUGGEST_CANDIDATES], filters)[offset:offset + limit]


def mark_repeats(findings: list[dict]) -> None:
    """Set `repeated_in` on a finding when a later notice criticises the same unit for the same thing.

    "Later" means after the finding's deadline, or after its notice when it had none; "the same thing"
    is the same category or the same description. That is the index's answer to "was it fixed in time?".
    """
    by_unit: dict[str, list[dict]] = {}
    for finding in findings:
        by_unit.setdefault(finding["unit"], []).append(finding)
    for group in by_unit.values():
        for finding in group:
            finding["repeated_in"] = None
            if not finding["date"]:
                continue
            after = (finding["deadline"] or {}).get("date") or finding["date"]
            later = [g for g in group if g["date"] and g["date"] > after and g["document_id"] != finding["document_id"]
                     and _same_problem(finding, g)]
            if later:
                first = min(later, key=lambda g: (g["date"], g["problem"]))
                finding["repeated_in"] = {k: first[k] for k in ("document_id", "date", "title", "problem")}


def _same_problem(a: dict, b: dict) -> bool:
    return bool(a["category"] and a["category"] == b["category"]) or a["description"] == b["description"]
