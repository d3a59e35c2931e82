"""The `index`, `search` and `serve` commands: parse arguments, call the library, print."""
from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import click

from .ingest import index_inputs
from .query import SearchResult, make_filters
from .query import search as find
from .store import DEFAULT_DB, SQLiteStore

_DATE = click.DateTime(formats=["%Y-%m-%d"])
_HEADERS = ("单位", "日期", "通报", "类别", "问题", "整改期限")
_WITHIN = {"working_day": "个工作日", "day": "天", "hour": "小时", "week": "周", "month": "个月"}

db_option = click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
                         help="The index file.")


def open_index(db: str) -> SQLiteStore:
    """An existing index; searching a path that holds none would silently create an empty one."""
    if not Path(db).is_file():
        raise click.ClickException(f"no index at {db}: build one with `tongbao index NOTICES --db {db}`")
    return SQLiteStore(db)


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@db_option
def index(inputs: tuple[str, ...], db: str) -> None:
    """Add notices (files, folders, or batch output folders with documents.jsonl) to the index at --db."""
    with SQLiteStore(db) as store:
        report = index_inputs(store, inputs, on_error=lambda label, why: click.echo(f"tongbao: {label}: {why}", err=True))
    summary = f"indexed {report.added + report.updated} documents ({report.added} new, {report.updated} updated) into {db}"
    click.echo(summary + (f"; {len(report.failed)} failed" if report.failed else ""))
    if report.failed:
        raise SystemExit(1)


@click.command()
@click.argument("query")
@db_option
@click.option("--since", type=_DATE, help="Only notices dated on or after this day (YYYY-MM-DD).")
@click.option("--until", type=_DATE, help="Only notices dated on or before this day (YYYY-MM-DD).")
@click.option("--region", help="Only notices or units of this region, for names used in several places.")
@click.option("--json", "as_json", is_flag=True, help="Print the findings as a JSON list.")
def search(query: str, db: str, since, until, region: str | None, as_json: bool) -> None:
    """List what a unit was criticised for, newest first (simplified, traditional or short names alike)."""
    with open_index(db) as store:
        result = find(store, query, make_filters(since and since.date(), until and until.date(), region))
    if as_json:
        click.echo(json.dumps(result.findings, ensure_ascii=False, indent=2))
    elif not result.findings:
        click.echo(f"no findings for {query}", err=True)
    else:
        click.echo(render(result))


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
def serve(db: str, host: str, port: int) -> None:
    """Serve the search page at / and its JSON API (described at /openapi.json)."""
    import uvicorn

    from .api import create_app

    open_index(db).close()
    uvicorn.run(create_app(db), host=host, port=port)


def render(result: SearchResult) -> str:
    """A findings table, each row followed by its evidence sentence and any later repeat."""
    findings = result.findings
    rows = [(f["unit"], f["date"] or "—", f["title"] or "—", f["category"] or "—", f["description"],
             deadline_text(f["deadline"])) for f in findings]
    widths = [max(_width(row[i]) for row in [_HEADERS, *rows]) for i in range(len(_HEADERS))]
    line = lambda cells: "  ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths, strict=True)).rstrip()  # noqa: E731
    lines = [_summary(result), "", line(_HEADERS), line(["─" * w for w in widths])]
    for finding, row in zip(findings, rows, strict=True):
        lines.append(line(row))
        lines.append(f"    原文: {finding['sentence'] or (finding['evidence'] or {}).get('text') or '—'}")
        if finding["repeated_in"]:
            again = finding["repeated_in"]
            lines.append(f"    逾期后再次被通报: {again['date']} {again['title'] or ''}".rstrip())
    return "\n".join(lines)


def deadline_text(deadline: dict | None) -> str:
    """2021-04-06, or 15个工作日内 when the notice gave a span instead of a day."""
    if not deadline:
        return "—"
    if deadline["date"]:
        return deadline["date"]
    within = deadline["within"]
    if within:
        amount = within["amount"]
        return f"{int(amount) if float(amount).is_integer() else amount}{_WITHIN.get(within['unit'], within['unit'])}内"
    return "—"


def _summary(result: SearchResult) -> str:
    documents = {f["document_id"] for f in result.findings}
    head = (f"{'、'.join(result.units) if result.units else result.query}: "
            f"{_plural(len(result.findings), 'finding')} in {_plural(len(documents), 'notice')}")
    issuers_by_unit: dict[str, set[str]] = {}
    for f in result.findings:
        issuers_by_unit.setdefault(f["unit"], set()).add(f["issuer"] or "?")
    shared = sorted(unit for unit, issuers in issuers_by_unit.items() if len(issuers) > 1)
    if shared:
        head += f"\n({'、'.join(shared)} appears in notices of several issuers; narrow with --region)"
    return head


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
