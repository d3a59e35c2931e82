"""The `index`, `search` and `serve` commands: parse arguments, call the library, print."""
from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

import click

from ..errors import NotFound
from .export import deadline_text as _deadline_text
from .export import lines as export_lines
from .extraction import QUEUE, WORKERS, PoolSize
from .ingest import index_inputs
from .query import SearchResult, make_filters
from .query import search as find
from .store import DEFAULT_DB, SQLiteStore

_DATE = click.DateTime(formats=["%Y-%m-%d"])
_HEADERS = ("单位", "日期", "通报", "类别", "问题", "整改期限")
# `search` exits with this when the query found nothing: no error uses it, so a script can tell the two apart.
NOTHING_FOUND = 8

db_option = click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
                         help="The index file.")


def open_index(db: str) -> SQLiteStore:
    """An existing index; searching a path that holds none would silently create an empty one."""
    if not Path(db).is_file():
        raise NotFound(db, f"no index here: build one with `tongbao index NOTICES --db {db}`")
    return SQLiteStore(db)


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@db_option
def index(inputs: tuple[str, ...], db: str) -> None:
    """Add notices (files, folders, or batch output folders with documents.jsonl) to the index at --db."""
    with SQLiteStore(db) as store:
        report = index_inputs(store, inputs, on_error=lambda label, why: click.echo(f"tongbao: {label}: {why}", err=True))
        held = store.stats()
    summary = f"indexed {report.added + report.updated} documents ({report.added} new, {report.updated} updated) into {db}"
    click.echo(summary + (f"; {len(report.failed)} failed" if report.failed else ""))
    click.echo(f"the index holds {_plural(held['notices'], 'notice')} from {_plural(held['documents'], 'document')}"
               " (copies of one notice count once)")
    if report.failed:
        raise SystemExit(1)


@click.command()
@click.argument("query")
@db_option
@click.option("--since", type=_DATE, help="Only notices dated on or after this day (YYYY-MM-DD).")
@click.option("--until", type=_DATE, help="Only notices dated on or before this day (YYYY-MM-DD).")
@click.option("--region", help="Only notices or units of this region, for names used in several places.")
@click.option("--issuer", help="Only notices of this issuer (its exact name).")
@click.option("--category", help="Only findings of this problem category (its exact name).")
@click.option("--year", type=click.IntRange(1900, 2100), help="Only notices dated in this year.")
@click.option("--limit", type=click.IntRange(min=1), help="Show at most this many findings.  [default: all]")
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True,
              help="Skip this many findings first (with --limit, for paging).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "jsonl"]), default="table",
              show_default=True, help="A table to read, a JSON list, CSV or JSON Lines for another program.")
@click.option("--json", "as_json", is_flag=True, hidden=True, help="The same as --format json.")
def search(query: str, db: str, since, until, region: str | None, issuer: str | None, category: str | None,
           year: int | None, limit: int | None, offset: int, fmt: str, as_json: bool) -> None:
    """List what a unit was criticised for, newest first (simplified, traditional or short names alike).

    A region may open the query (甘州区三闸镇). Copies of one notice count once. Exit status 8 when
    nothing is found."""
    filters = make_filters(since and since.date(), until and until.date(), region, issuer=issuer,
                           category=category, year=year)
    with open_index(db) as store:
        result = find(store, query, filters, limit, offset)
    fmt = "json" if as_json else fmt
    if fmt == "json":
        click.echo(json.dumps(result.findings, ensure_ascii=False, indent=2))
    elif fmt in ("csv", "jsonl"):
        for chunk in export_lines(result.findings, fmt):
            click.echo(chunk, nl=False)
    elif result.findings:
        click.echo(render(result))
    if not result.total:
        click.echo(f"no findings for {query}", err=True)
        sys.exit(NOTHING_FOUND)


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--extract-workers", default=WORKERS, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes that extract uploaded notices.")
@click.option("--extract-queue", default=QUEUE, show_default=True, type=click.IntRange(0, 1000),
              help="Uploads that may wait for a worker; more are refused with 429.")
def serve(db: str, host: str, port: int, extract_workers: int, extract_queue: int) -> None:
    """Serve the search page at / and its JSON API (described at /openapi.json)."""
    import uvicorn

    from .api import create_app

    open_index(db).close()
    app = create_app(db, pool=PoolSize(extract_workers, extract_queue), start_workers=True)
    uvicorn.run(app, host=host, port=port)


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
        if len(finding.get("sources") or []) > 1:
            lines.append(f"    副本: {'、'.join(s['file'] or s['document_id'][:12] for s in finding['sources'])}")
        if finding["repeated_in"]:
            again = finding["repeated_in"]
            lines.append(f"    逾期后再次被通报: {again['date']} {again['title'] or ''}".rstrip())
    if len(findings) < result.total:
        first, last = result.offset + 1, result.offset + len(findings)
        lines.append(f"\n(findings {first}–{last} of {result.total}: --offset and --limit page through them)")
    return "\n".join(lines)


def deadline_text(deadline: dict | None) -> str:
    """2021-04-06, or 15个工作日内 when the notice gave a span instead of a day."""
    return _deadline_text(deadline) or "—"


def _summary(result: SearchResult) -> str:
    where = f" in {result.region}" if result.region else ""
    head = (f"{'、'.join(result.units) if result.units else result.query}{where}: "
            f"{_plural(result.total, 'finding')} in {_plural(result.notices, 'notice')}")
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
