"""The questions the CLI and the API both ask: which findings a query means, and which came back later."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .resolve import normalise, region_core, resolve_units
from .store import NO_FILTERS, Filters, Store

# Suggestions look at this many candidate names at most, so a one-character query stays cheap.
_SUGGEST_CANDIDATES = 50


@dataclass(slots=True)
class SearchResult:
    """`units` are the names the query resolved to; empty when it was matched as free text instead."""

    query: str
    units: list[str]
    findings: list[dict]


def make_filters(since: dt.date | str | None = None, until: dt.date | str | None = None,
                 region: str | None = None) -> Filters:
    """Filters from user input: dates as ISO strings, the region in the form names are stored in."""
    return Filters(_iso(since), _iso(until), region_core(region))


def _iso(day: dt.date | str | None) -> str | None:
    return day.isoformat() if isinstance(day, dt.date) else day


def search(store: Store, query: str, filters: Filters = NO_FILTERS) -> SearchResult:
    """Findings for the units a query names, or, when it names none, findings whose text contains it."""
    units = resolve_units(store, query)
    if units:
        findings = store.findings(units, filters)
    else:
        findings = store.findings_by_text(normalise(query), filters)
    mark_repeats(findings)
    return SearchResult(query, units, findings)


def suggest(store: Store, query: str, filters: Filters = NO_FILTERS, limit: int = 10) -> list[dict]:
    """Units a partly typed query may mean, best first, with enough context to tell namesakes apart."""
    units = resolve_units(store, query, loose=True)[:_SUGGEST_CANDIDATES]
    return store.unit_summaries(units, filters)[:limit]


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
