"""Findings as CSV and JSON Lines, for the CLI and the API alike: what a search shows, in a file another tool reads."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator

FORMATS = ("csv", "jsonl")
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8"}
COLUMNS = ("unit", "date", "title", "issuer", "region", "category", "description", "deadline", "repeated_in",
           "sentence", "evidence", "document_id", "problem", "copies")
_WITHIN = {"working_day": "个工作日", "day": "天", "hour": "小时", "week": "周", "month": "个月"}
# A spreadsheet runs a cell that opens with one of these as a formula; notices are untrusted text.
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def deadline_text(deadline: dict | None) -> str | None:
    """2021-04-06, or 15个工作日内 when the notice gave a span instead of a day."""
    if not deadline:
        return None
    if deadline.get("date"):
        return deadline["date"]
    within = deadline.get("within")
    if within:
        amount = within["amount"]
        amount = int(amount) if float(amount).is_integer() else amount
        return f"{amount}{_WITHIN.get(within['unit'], within['unit'])}内"
    return None


def row(finding: dict) -> dict[str, object]:
    """One finding as flat columns: the deadline as text, a repeat as its date and title, copies as file names."""
    again = finding.get("repeated_in")
    return {
        "unit": finding["unit"], "date": finding.get("date"), "title": finding.get("title"),
        "issuer": finding.get("issuer"), "region": finding.get("region"), "category": finding.get("category"),
        "description": finding["description"], "deadline": deadline_text(finding.get("deadline")),
        "repeated_in": f"{again['date']} {again.get('title') or ''}".strip() if again else None,
        "sentence": finding.get("sentence"), "evidence": (finding.get("evidence") or {}).get("text"),
        "document_id": finding["document_id"], "problem": finding.get("problem"),
        "copies": "; ".join(s["file"] or s["document_id"] for s in finding.get("sources") or []),
    }


def _safe(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def csv_lines(findings: Iterable[dict]) -> Iterator[str]:
    """A header, then one line per finding (RFC 4180, CRLF line ends as spreadsheets expect)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, COLUMNS)
    writer.writeheader()
    for finding in findings:
        writer.writerow({key: _safe(value) for key, value in row(finding).items()})
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def jsonl_lines(findings: Iterable[dict]) -> Iterator[str]:
    """One finding per line, as the JSON API gives it."""
    for finding in findings:
        yield json.dumps(finding, ensure_ascii=False) + "\n"


def lines(findings: Iterable[dict], fmt: str) -> Iterator[str]:
    if fmt == "csv":
        return csv_lines(findings)
    if fmt == "jsonl":
        return jsonl_lines(findings)
    raise ValueError(f"export format must be one of {', '.join(FORMATS)}, not {fmt!r}")
