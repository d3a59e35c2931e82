"""The orchestrator: read → normalise → structure → findings → one JSON document."""
from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from . import SCHEMA_VERSION
from .errors import from_os_error
from .findings import Context, find_all
from .memory import LONG_TEXT, release_free_memory
from .model import ReadResult
from .paths import path_base64, shown_path
from .readers import read_file
from .structure.metadata import Metadata, extract_metadata
from .structure.sections import outline
from .structure.tables import Table, find_tables
from .text.normalise import Normalised, normalise


def _read_bytes(path: str | Path) -> bytes:
    """The file's bytes, read unbuffered: the same bytes as Path.read_bytes, in fewer system calls and without
    a buffer object (a third of the time on a notice of a few kilobytes)."""
    with open(path, "rb", buffering=0) as file:
        return file.readall()


def read_and_normalise(path: str | Path, data: bytes | None = None) -> tuple[ReadResult, Normalised, bytes]:
    """The text stage for one file: what was read, and its normalised form."""
    if data is None:
        try:
            data = _read_bytes(path)
        except OSError as error:
            raise from_os_error(path, error) from None
    result = read_file(path, data)
    return result, normalise(result.text()), data


def extract_file(path: str | Path, data: bytes | None = None, *, include_text: bool = True) -> dict:
    """Parse one notice file into the documented JSON structure."""
    result, norm, data = read_and_normalise(path, data)
    source = {"path": shown_path(path), "format": result.format, "encoding": result.encoding,
              "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
    if raw := path_base64(path):
        source["path_base64"] = raw
    warnings = list(result.warnings)
    for kind, n in result.repairs.items():
        norm.repairs[kind] = norm.repairs.get(kind, 0) + n
    del result, data  # the text as read and its bytes: a long file's peak memory is lower without them
    return build_document(norm, source, warnings=warnings, include_text=include_text)


def extract_text(text: str, *, include_text: bool = True) -> dict:
    """Parse a notice already in memory as a string."""
    data = text.encode("utf-8", "surrogatepass")  # a lone surrogate is dropped by normalise, not fatal here
    source = {"path": None, "format": "text", "encoding": None,
              "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
    return build_document(normalise(text), source, warnings=[], include_text=include_text)


def _table_dict(table: Table, ctx: Context) -> dict:
    return {"title": table.title, "attachment": getattr(table, "attachment_label", None),
            "header": list(table.header), "rows": [list(r) for r in table.rows],
            "section": ctx.section_path(ctx.section_at(table.start)[0]), "start": table.start, "end": table.end}


def build_document(norm: Normalised, source: dict, *, warnings: list[str], include_text: bool = True) -> dict:
    """Structure and findings over normalised text; the result validates against the schema."""
    if len(norm.text) >= LONG_TEXT:
        release_free_memory()  # what the repair steps freed: they leave tens of MB behind on a long text
    tables, header_pairs = find_tables(norm.text)
    meta: Metadata = extract_metadata(norm.text, header_pairs)
    roots, genre = outline(norm.text, meta.body_end, meta.title)
    date = dt.date.fromisoformat(meta.date) if meta.date else None
    ctx = Context(norm, roots, tables, date, body_start=meta.body_start, body_end=meta.body_end,
                  table_spans=[(t.start, t.end) for t in tables], genre=genre,
                  issuer=meta.issuer, recipients=meta.recipients, signature=meta.signature)
    findings = find_all(ctx)
    return {
        "schema_version": SCHEMA_VERSION,
        "id": source["sha256"],
        "source": source,
        "script": norm.script,
        "text": norm.text if include_text else None,
        "title": meta.title,
        "doc_number": meta.doc_number,
        "issuer": meta.issuer,
        "date": meta.date,
        "recipients": meta.recipients,
        "period": meta.period,
        "index_number": meta.index_number,
        "attachments": meta.attachments,
        "cc": meta.cc,
        "contacts": meta.contacts,
        "sections": [s.to_dict() for s in roots],
        "tables": [_table_dict(t, ctx) for t in tables],
        **findings,
        "warnings": warnings + norm.warnings + meta.warnings,
        "repairs": norm.repairs,
    }
