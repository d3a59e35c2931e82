"""What narrows a query, and the SQL that does it over the documents table `d` (primary copies only)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Filters:
    """Narrowing shared by every query; `region` is a fragment of an issuer, title, region or unit name,
    `issuer` and `category` are exact, `year` is the year of the notice's date (YYYY)."""

    since: str | None = None
    until: str | None = None
    region: str | None = None
    issuer: str | None = None
    category: str | None = None
    year: str | None = None


NO_FILTERS = Filters()


def like(fragment: str) -> str:
    escaped = fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def sql_filters(filters: Filters, unit_column: str | None = None, category_column: str | None = None) -> tuple[str, list]:
    """SQL narrowing a query over documents `d` (primary copies only); the unit and category columns are
    those of the query's own join, else any of the notice's units or problems."""
    clauses, params = ["d.primary_copy = 1"], []
    for clause, value in (("d.date >= ?", filters.since), ("d.date <= ?", filters.until),
                          ("d.issuer = ?", filters.issuer), ("substr(d.date, 1, 4) = ?", filters.year)):
        if value:
            clauses.append(clause)
            params.append(value)
    if filters.region:
        where = ["d.issuer", "d.title", "d.region", *([unit_column] if unit_column else [])]
        clauses.append("(" + " OR ".join(f"{column} LIKE ? ESCAPE '\\'" for column in where) + ")")
        params += [like(filters.region)] * len(where)
    if filters.category:
        clauses.append(f"{category_column} = ?" if category_column
                       else "EXISTS (SELECT 1 FROM problems c WHERE c.doc_id = d.id AND c.category = ?)")
        params.append(filters.category)
    return "".join(f" AND {c}" for c in clauses), params
