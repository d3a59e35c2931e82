"""Parquet tables derived from documents.jsonl: one row per document, and one per item with its document's id,
date, issuer and title."""
from __future__ import annotations

import contextlib
import datetime as dt
import multiprocessing as mp
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..copies import Fingerprint, fingerprint
from ..data import load_yaml
from ..regions import region_of
from .duplicates import first_copies
from .writer import commit, line_slices, read_records, temp_for

ROWS_PER_GROUP = 20_000

_str, _i32, _i64, _f64, _bool, _date = pa.string(), pa.int32(), pa.int64(), pa.float64(), pa.bool_(), pa.date32()
_strs = pa.list_(_str)
_DOC = [("doc_id", _str), ("doc_date", _date), ("doc_issuer", _str), ("doc_title", _str)]
_EVIDENCE = [("evidence_text", _str), ("evidence_start", _i64), ("evidence_end", _i64),
             ("evidence_source_start", _i64), ("evidence_source_end", _i64)]
_MENTION = pa.struct([("start", _i64), ("end", _i64), ("source_start", _i64), ("source_end", _i64)])

COLUMNS = {
    "documents": [("doc_id", _str), ("path", _str), ("path_base64", _str), ("format", _str), ("encoding", _str),
                  ("script", _str), ("bytes", _i64), ("title", _str), ("doc_number", _str), ("issuer", _str),
                  ("date", _date), ("period_start", _date), ("period_end", _date), ("region", _str),
                  ("region_code", _str), ("region_level", _str), ("n_units", _i32), ("n_problems", _i32),
                  ("n_counts", _i32), ("n_deadlines", _i32), ("warnings", _strs), ("duplicate_of", _str)],
    "units": _DOC + [("unit_index", _i32), ("name", _str), ("type", _str), ("platform", _str), ("owner", _str),
                     ("aliases", _strs), ("mention_count", _i32), ("mentions", pa.list_(_MENTION))],
    "problems": _DOC + [("problem_index", _i32), ("units", _strs), ("category", _str), ("description", _str),
                        ("section", _str), ("source", _str)] + _EVIDENCE,
    "counts": _DOC + [("count_index", _i32), ("value", _f64), ("unit", _str), ("kind", _str), ("approximate", _bool),
                      ("subject", _str), ("units", _strs)] + _EVIDENCE,
    "deadlines": _DOC + [("deadline_index", _i32), ("date", _date), ("within_amount", _f64), ("within_unit", _str),
                         ("action", _str), ("units", _strs)] + _EVIDENCE,
    "sections": _DOC + [("section_index", _i32), ("parent_index", _i32), ("level", _i32), ("number", _str),
                        ("title", _str), ("kind", _str), ("implied", _bool), ("start", _i64), ("end", _i64)],
    "tables": _DOC + [("table_index", _i32), ("title", _str), ("attachment", _str), ("section", _str),
                      ("start", _i64), ("end", _i64), ("header", _strs), ("rows", pa.list_(_strs)),
                      ("n_rows", _i32), ("n_columns", _i32)],
}


def _described(table: str, columns: list[tuple[str, pa.DataType]]) -> pa.Schema:
    """A table's schema saying what its rows and columns mean (data/columns.yaml): each column's text as
    its field metadata for pyarrow, and again as the file's key `description:COLUMN`, which DuckDB's
    parquet_kv_metadata lists (Parquet itself has no place for a column's description)."""
    text = load_yaml("columns.yaml")
    meaning = {**text["document_columns"], **text["columns"][table]} if table != "documents" else text["columns"][table]
    return pa.schema([pa.field(name, kind, metadata={"description": meaning[name]}) for name, kind in columns],
                     metadata={"description": text["tables"][table],
                               **{f"description:{name}": meaning[name] for name, _ in columns}})


SCHEMAS = {name: _described(name, columns) for name, columns in COLUMNS.items()}


# Documents are checked by the schema upstream; these coercions only keep one odd value from failing a table.
# `type(v) is int` rather than isinstance: a JSON true is a bool, which is an int to isinstance.
def _text(value) -> str | None:
    return value if type(value) is str else None if value is None else str(value)


def _int(value) -> int | None:
    return value if type(value) is int else None


def _num(value) -> float | None:
    return float(value) if type(value) is int or type(value) is float else None


def _date_of(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if type(value) is str else None
    except ValueError:
        return None


def _texts(values) -> list[str | None]:
    return [_text(v) for v in values] if type(values) is list else []


def _evidence(item: dict) -> tuple:
    span = item.get("evidence") or {}
    return (_text(span.get("text")), _int(span.get("start")), _int(span.get("end")),
            _int(span.get("source_start")), _int(span.get("source_end")))


def _count(items) -> int:
    return len(items) if type(items) is list else 0


def _document(doc: dict) -> tuple:
    """The document's row of documents.parquet, in the order of its columns but for the last, duplicate_of."""
    source = doc.get("source") if type(doc.get("source")) is dict else {}
    period = doc.get("period") if type(doc.get("period")) is dict else {}
    issuer, title = _text(doc.get("issuer")), _text(doc.get("title"))
    region = region_of(issuer, title)
    return (_text(doc.get("id")), _text(source.get("path")), _text(source.get("path_base64")),
            _text(source.get("format")), _text(source.get("encoding")), _text(doc.get("script")),
            _int(source.get("bytes")), title, _text(doc.get("doc_number")), issuer, _date_of(doc.get("date")),
            _date_of(period.get("start")), _date_of(period.get("end")),
            region and region.name, region and region.code, region and region.level,
            _count(doc.get("units")), _count(doc.get("problems")), _count(doc.get("counts")),
            _count(doc.get("deadlines")), _texts(doc.get("warnings")))


def _fingerprint(doc: dict, sketches: dict[str, tuple[int, ...]]) -> Fingerprint:
    """What tells copies of a notice from other notices (extract/copies.py), from its fields as text."""
    return fingerprint({key: _text(doc.get(key)) for key in ("text", "title", "date", "issuer")}, sketches)


# Each function below yields a table's rows as tuples in the order of its columns in SCHEMAS after
# the four doc_ columns: tuples and one transpose per row group cost far less than a dict per row.
def _units(doc: dict) -> Iterator[tuple]:
    for i, unit in enumerate(doc.get("units") or []):
        mentions = [{k: _int(m.get(k)) for k in ("start", "end", "source_start", "source_end")}
                    for m in unit.get("mentions") or [] if type(m) is dict]
        yield (i, _text(unit.get("name")), _text(unit.get("type")), _text(unit.get("platform")),
               _text(unit.get("owner")), _texts(unit.get("aliases")), len(mentions), mentions)


def _problems(doc: dict) -> Iterator[tuple]:
    for i, problem in enumerate(doc.get("problems") or []):
        yield (i, _texts(problem.get("units")), _text(problem.get("category")), _text(problem.get("description")),
               _text(problem.get("section")), _text(problem.get("source"))) + _evidence(problem)


def _counts(doc: dict) -> Iterator[tuple]:
    for i, count in enumerate(doc.get("counts") or []):
        yield (i, _num(count.get("value")), _text(count.get("unit")), _text(count.get("kind")),
               bool(count.get("approximate")), _text(count.get("subject")), _texts(count.get("units"))) + _evidence(count)


def _deadlines(doc: dict) -> Iterator[tuple]:
    for i, deadline in enumerate(doc.get("deadlines") or []):
        within = deadline.get("within") or {}
        yield (i, _date_of(deadline.get("date")), _num(within.get("amount")), _text(within.get("unit")),
               _text(deadline.get("action")), _texts(deadline.get("units"))) + _evidence(deadline)


def _sections(doc: dict) -> Iterator[tuple]:
    """The section tree in pre-order; `parent_index` points at the enclosing section's row."""
    stack = [(s, None) for s in reversed(doc.get("sections") or [])]
    index = 0
    while stack:
        section, parent = stack.pop()
        yield (index, parent, _int(section.get("level")), _text(section.get("number")), _text(section.get("title")),
               _text(section.get("kind")), bool(section.get("implied")), _int(section.get("start")),
               _int(section.get("end")))
        stack.extend((child, index) for child in reversed(section.get("children") or []))
        index += 1


def _tables(doc: dict) -> Iterator[tuple]:
    for i, table in enumerate(doc.get("tables") or []):
        header = _texts(table.get("header"))
        rows = [_texts(row) for row in table.get("rows") or []]
        yield (i, _text(table.get("title")), _text(table.get("attachment")), _text(table.get("section")),
               _int(table.get("start")), _int(table.get("end")), header, rows, len(rows),
               max([len(header)] + [len(r) for r in rows]))


ROWS = {"units": _units, "problems": _problems, "counts": _counts, "deadlines": _deadlines,
        "sections": _sections, "tables": _tables}


PARALLEL_BYTES = 8 << 20  # below this, one process converts faster than several start


def derive(outdir: Path, workers: int = 1) -> dict[str, int]:
    """Rewrite every Parquet file from documents.jsonl; returns rows per table.

    With several workers and a large file, the lines are cut into slices: this process converts the
    first straight into the item tables while one process per other slice writes part files, appended after
    it in order, so the rows are those one process writes. Each slice hands back its documents' rows and
    fingerprints, and documents.parquet is written last, when the copies among all documents are known."""
    source = outdir / "documents.jsonl"
    slices = line_slices(source, workers if source.exists() and source.stat().st_size >= PARALLEL_BYTES else 1)
    final = {name: outdir / f"{name}.parquet" for name in SCHEMAS}
    targets = {name: temp_for(path) for name, path in final.items()}
    parts = [{name: temp_for(final[name]).with_suffix(f".{k}.tmp") for name in ROWS}
             for k in range(1, len(slices))]
    try:
        with _pool(len(parts)) as pool:
            # Submitted (and forked) before this process opens its writers, which the children must not hold.
            futures = [pool.submit(_convert, source, a, b, part) for (a, b), part in zip(slices[1:], parts)]
            with _writers(targets) as writers:
                found = [_write_rows(source, *slices[0], writers)]
                found += [future.result() for future in futures]
                _append(parts, writers)
                documents = [document for _, slice_documents in found for document in slice_documents]
                _write_documents(documents, writers["documents"])
    finally:
        for part in parts:
            for path in part.values():
                path.unlink(missing_ok=True)
    for name, path in final.items():
        commit(targets[name], path)
    return {"documents": len(documents), **{name: sum(totals[name] for totals, _ in found) for name in ROWS}}


def _pool(processes: int):
    """Processes for the other slices (none when there is one slice); fork where there is fork."""
    if not processes:
        return contextlib.nullcontext(None)
    context = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    return ProcessPoolExecutor(processes, mp_context=context)


@contextlib.contextmanager
def _writers(targets: dict[str, Path]):
    """A Parquet writer per table of `targets`; on failure every file it wrote is removed."""
    writers = {name: pq.ParquetWriter(path, SCHEMAS[name]) for name, path in targets.items()}
    try:
        yield writers
    except BaseException:
        for name, writer in writers.items():
            writer.close()
            targets[name].unlink(missing_ok=True)
        raise
    for writer in writers.values():
        writer.close()


def _append(parts: list[dict[str, Path]], writers: dict) -> None:
    """Each table's part files, in slice order, copied row group by row group after what is written."""
    for part in parts:
        for name, path in part.items():
            source = pq.ParquetFile(path)
            for group in range(source.num_row_groups):
                writers[name].write_table(source.read_row_group(group))


Documents = list[tuple[tuple, Fingerprint]]  # each document's row but for duplicate_of, and its fingerprint


def _convert(source: Path, start: int, stop: int, targets: dict[str, Path]) -> tuple[dict[str, int], Documents]:
    """The lines of documents.jsonl between two byte offsets as rows of the item tables, in files of their own."""
    with _writers(targets) as writers:
        return _write_rows(source, start, stop, writers)


def _write_group(writer: pq.ParquetWriter, rows: list[tuple]) -> None:
    """Rows as one row group: tuples transposed once into the schema's columns."""
    columns = [pa.array(column, field.type) for column, field in zip(zip(*rows), writer.schema)]
    writer.write_table(pa.Table.from_arrays(columns, schema=writer.schema))


def _write_rows(source: Path, start: int, stop: int, writers: dict) -> tuple[dict[str, int], Documents]:
    """The lines between two byte offsets as rows of the item tables, streamed to the writers a row group
    at a time; the documents' own rows are handed back."""
    buffers: dict[str, list[tuple]] = {name: [] for name in ROWS}
    totals = dict.fromkeys(ROWS, 0)
    documents: Documents = []
    sketches: dict[str, tuple[int, ...]] = {}  # a text read again (a copy with other bytes) is sketched once

    def flush(name: str) -> None:
        if buffers[name]:
            _write_group(writers[name], buffers[name])
            totals[name] += len(buffers[name])
            buffers[name] = []

    for doc in read_records(source, start=start, stop=stop):
        documents.append((_document(doc), _fingerprint(doc, sketches)))
        head = (_text(doc.get("id")), _date_of(doc.get("date")), _text(doc.get("issuer")), _text(doc.get("title")))
        doc.pop("text", None)  # in no table
        for name, rows in ROWS.items():
            buffers[name].extend(head + row for row in rows(doc))
            doc.pop(name, None)
            if len(buffers[name]) >= ROWS_PER_GROUP:
                flush(name)
    for name in ROWS:
        flush(name)
    return totals, documents


def _write_documents(documents: Documents, writer: pq.ParquetWriter) -> None:
    """documents.parquet: each row with the id of the first document of its notice when it is a later copy."""
    firsts = first_copies([mine for _, mine in documents])
    rows = [row + (None if first is None else documents[first][0][0],) for (row, _), first in zip(documents, firsts)]
    for at in range(0, len(rows), ROWS_PER_GROUP):
        _write_group(writer, rows[at:at + ROWS_PER_GROUP])
