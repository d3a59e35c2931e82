"""What `tongbao index` accepts: notice files, folders of notices, and batch output (documents.jsonl)."""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import TongbaoError
from .store import Store

BATCH_FILE = "documents.jsonl"
# Files a folder walk picks up; a file named on the command line is always tried.
NOTICE_SUFFIXES = {".txt", ".text", ".htm", ".html", ".xhtml", ".docx", ".doc", ".pdf"}


@dataclass(slots=True)
class IndexReport:
    """What one indexing run did; `failed` holds (input, reason) pairs."""

    added: int = 0
    updated: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)


def describe(error: BaseException) -> str:
    """One line for a failure: tongbao's own errors say it all, anything else names its kind."""
    if isinstance(error, TongbaoError):
        return str(error)
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return f"{type(error).__name__}: {error}"


def documents(inputs: Iterable[str | Path]) -> Iterator[tuple[str, dict | Exception]]:
    """(label, document or the error that stopped it) for every notice the inputs hold."""
    for raw in inputs:
        path = Path(raw)
        if path.is_dir() and (path / BATCH_FILE).is_file():
            yield from _batch(path / BATCH_FILE)
        elif path.is_file() and path.name == BATCH_FILE:
            yield from _batch(path)
        elif path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in NOTICE_SUFFIXES
                               and not any(part.startswith(".") for part in p.relative_to(path).parts)):
                yield str(file), _extract(file)
        else:
            yield str(path), _extract(path)


def _extract(path: Path) -> dict | Exception:
    from ..pipeline import extract_file

    try:
        return extract_file(path)
    except Exception as error:  # one bad notice must not stop the rest
        return error


def _batch(path: Path) -> Iterator[tuple[str, dict | Exception]]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            label = f"{path}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                yield label, ValueError(f"not JSON ({error.msg})")
                continue
            if isinstance(record, dict) and "id" in record and "problems" in record:
                yield (record.get("source") or {}).get("path") or label, record
            else:
                yield label, ValueError("not a tongbao document")


def index_inputs(store: Store, inputs: Iterable[str | Path],
                 on_error: Callable[[str, str], None] | None = None) -> IndexReport:
    """Put every document the inputs hold into the store, one transaction each; failures are reported, not fatal."""
    report = IndexReport()
    for label, item in documents(inputs):
        if not isinstance(item, Exception):
            try:
                outcome = store.put(item)
            except ValueError as error:
                item = error
            else:
                report.added += outcome == "added"
                report.updated += outcome == "updated"
                continue
        report.failed.append((label, describe(item)))
        if on_error:
            on_error(label, describe(item))
    return report
