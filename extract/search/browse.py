"""Browsing the index by notice: pages of notices newest first, one notice with its copies, and facet counts."""
from __future__ import annotations

import sqlite3

from .filters import NO_FILTERS, Filters, sql_filters
from .notices import copies_of

_NOTICE_COLUMNS = ("d.id, d.notice, d.title, d.date, d.issuer, d.doc_number, d.region, d.region_path,"
                   " d.unit_count, d.problem_count")
_NEWEST_FIRST = "ORDER BY d.date IS NULL, d.date DESC, d.id"


def _summaries(db: sqlite3.Connection, rows: list[tuple]) -> list[dict]:
    copies = copies_of(db, {row[1] for row in rows})
    return [{"id": doc_id, "title": title, "date": date, "issuer": issuer, "doc_number": doc_number,
             "region": region, "region_path": region_path, "units": units, "problems": problems,
             "sources": copies.get(notice, [])}
            for doc_id, notice, title, date, issuer, doc_number, region, region_path, units, problems in rows]


def notices(db: sqlite3.Connection, filters: Filters = NO_FILTERS, limit: int = 20,
            offset: int = 0) -> tuple[int, list[dict]]:
    """How many notices match, and one page of them, newest first; each is its primary copy with the others."""
    where, params = sql_filters(filters)
    total = db.execute(f"SELECT COUNT(*) FROM documents d WHERE 1 = 1{where}", params).fetchone()[0]
    rows = db.execute(f"SELECT {_NOTICE_COLUMNS} FROM documents d WHERE 1 = 1{where} {_NEWEST_FIRST} LIMIT ? OFFSET ?",
                      [*params, limit, offset]).fetchall()
    return total, _summaries(db, rows)


def notice(db: sqlite3.Connection, doc_id: str) -> dict | None:
    """The notice a document (any of its copies) belongs to."""
    rows = db.execute(f"SELECT {_NOTICE_COLUMNS} FROM documents d WHERE d.primary_copy = 1 AND d.notice ="
                      f" (SELECT notice FROM documents WHERE id = ?)", (doc_id,)).fetchall()
    return _summaries(db, rows)[0] if rows else None


def facets(db: sqlite3.Connection, filters: Filters = NO_FILTERS, limit: int = 20) -> dict[str, list[dict]]:
    """Matching notices counted by region, issuer, year and problem category, most first (years newest first)."""
    where, params = sql_filters(filters)
    base = f"FROM documents d WHERE 1 = 1{where}"

    def counted(sql: str, order: str = "COUNT(*) DESC, 1") -> list[dict]:
        rows = db.execute(f"{sql} GROUP BY 1 ORDER BY {order} LIMIT ?", [*params, limit]).fetchall()
        return [{"value": value, "label": label or value, "count": count} for value, label, count in rows]

    return {
        "region": counted(f"SELECT d.region, MAX(d.region_path), COUNT(*) {base} AND d.region IS NOT NULL"),
        "issuer": counted(f"SELECT d.issuer, NULL, COUNT(*) {base} AND d.issuer IS NOT NULL"),
        "year": counted(f"SELECT substr(d.date, 1, 4), NULL, COUNT(*) {base} AND d.date IS NOT NULL", "1 DESC"),
        "category": counted(f"SELECT p.category, NULL, COUNT(DISTINCT d.id) FROM problems p JOIN documents d"
                            f" ON d.id = p.doc_id WHERE p.category IS NOT NULL{where}"),
    }


def facets_of(findings: list[dict], limit: int = 20) -> dict[str, list[dict]]:
    """The same facets over a list of findings (a unit's search), counting findings; and their quarters,
    oldest first and all of them, for a timeline."""
    counts: dict[str, dict[str, int]] = {"region": {}, "issuer": {}, "year": {}, "category": {}, "quarter": {}}
    for finding in findings:
        date = finding.get("date") or ""
        values = {"region": finding.get("region"), "issuer": finding.get("issuer"), "year": date[:4] or None,
                  "category": finding.get("category"), "quarter": _quarter(date)}
        for facet, value in values.items():
            if value:
                counts[facet][value] = counts[facet].get(value, 0) + 1
    out = {}
    for facet, by_value in counts.items():
        if facet in ("year", "quarter"):
            ranked = sorted(by_value.items(), reverse=facet == "year")
        else:
            ranked = sorted(by_value.items(), key=lambda item: (-item[1], item[0]))
        out[facet] = [{"value": value, "label": value, "count": count}
                      for value, count in (ranked if facet == "quarter" else ranked[:limit])]
    return out


def _quarter(date: str) -> str | None:
    """2021-04-06 → 2021-Q2."""
    if len(date) < 7 or not date[5:7].isdigit():
        return None
    return f"{date[:4]}-Q{(int(date[5:7]) - 1) // 3 + 1}"
