"""Where indexed notices live: one small Store interface, and the SQLite store that ships by default."""
from __future__ import annotations

import bisect
import datetime as dt
import json
import re
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

from ..copies import Fingerprint, fingerprint
from ..regions import region_of
from . import browse
from .filters import NO_FILTERS, Filters
from .filters import like as _like
from .filters import sql_filters as _filters
from .notices import choose_all_primaries, choose_primary, copies_of, number_all, place

__all__ = ["DEFAULT_DB", "NO_FILTERS", "Filters", "SQLiteStore", "SentenceBounds", "Store"]

DEFAULT_DB = "tongbao.db"
_ID = re.compile(r"[0-9a-f]{64}")
_SENTENCE_ENDS = "。！？；;!?\n"
_SENTENCE_END = re.compile(f"[{re.escape(_SENTENCE_ENDS)}]")
# The trigram tokenizer cannot look up anything shorter than three characters.
_TRIGRAM = 3


@runtime_checkable
class Store(Protocol):
    """What search needs from a database, so a server database can stand in for SQLite."""

    def put(self, document: dict) -> str:
        """Add or replace one document atomically; returns 'added' or 'updated'."""

    def get(self, doc_id: str) -> dict | None:
        """The document JSON as it was indexed."""

    def names_containing(self, fragments: Sequence[str]) -> list[tuple[str, str]]:
        """(spelling, unit name) pairs for every name or alias that contains one of the fragments."""

    def unit_summaries(self, units: Sequence[str], filters: Filters = NO_FILTERS) -> list[dict]:
        """Per unit: type, notices and findings counts, issuers, latest date."""

    def findings(self, units: Sequence[str], filters: Filters = NO_FILTERS) -> list[dict]:
        """Problems naming any of `units`, newest first, each with its notice and deadline."""

    def findings_by_text(self, text: str, filters: Filters = NO_FILTERS) -> list[dict]:
        """Problems whose description, category, evidence or units contain `text`, newest first."""

    def notices(self, filters: Filters = NO_FILTERS, limit: int = 20, offset: int = 0) -> tuple[int, list[dict]]:
        """(how many notices match, one page of them newest first), each with its copies."""

    def notice(self, doc_id: str) -> dict | None:
        """The notice a document is a copy of, with every copy."""

    def facets(self, filters: Filters = NO_FILTERS, limit: int = 20) -> dict[str, list[dict]]:
        """Notices per region, issuer, year and problem category, most first."""

    def stats(self) -> dict[str, int]:
        """How much the store holds."""

    def close(self) -> None:
        """Release the connection."""


SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY, date TEXT, title TEXT, issuer TEXT, doc_number TEXT, source_path TEXT,
  indexed_at TEXT NOT NULL, body TEXT NOT NULL{derived});
CREATE INDEX IF NOT EXISTS documents_date ON documents(date);
CREATE INDEX IF NOT EXISTS documents_notice ON documents(notice);
CREATE INDEX IF NOT EXISTS documents_text_key ON documents(text_key);
CREATE INDEX IF NOT EXISTS documents_heading ON documents(title, date, issuer);
CREATE INDEX IF NOT EXISTS documents_region ON documents(region);
CREATE INDEX IF NOT EXISTS documents_issuer ON documents(issuer);
CREATE TABLE IF NOT EXISTS sketches (
  hash INTEGER NOT NULL, doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE);
CREATE INDEX IF NOT EXISTS sketches_hash ON sketches(hash);
CREATE INDEX IF NOT EXISTS sketches_doc ON sketches(doc_id);
CREATE TABLE IF NOT EXISTS units (
  id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  name TEXT NOT NULL, type TEXT, aliases TEXT NOT NULL, mentions INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS units_doc ON units(doc_id);
CREATE INDEX IF NOT EXISTS units_name ON units(name);
CREATE TABLE IF NOT EXISTS unit_names (
  id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  name TEXT NOT NULL, unit TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS unit_names_doc ON unit_names(doc_id);
CREATE INDEX IF NOT EXISTS unit_names_unit ON unit_names(unit);
CREATE TABLE IF NOT EXISTS problems (
  id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL, category TEXT, description TEXT NOT NULL, section TEXT, source TEXT,
  ev_start INTEGER, ev_end INTEGER, ev_text TEXT, sentence TEXT);
CREATE INDEX IF NOT EXISTS problems_doc ON problems(doc_id);
CREATE TABLE IF NOT EXISTS problem_units (
  problem_id INTEGER NOT NULL REFERENCES problems(id) ON DELETE CASCADE, unit TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS problem_units_problem ON problem_units(problem_id);
CREATE INDEX IF NOT EXISTS problem_units_unit ON problem_units(unit);
CREATE TABLE IF NOT EXISTS counts (
  id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL, value REAL, unit TEXT, kind TEXT, approximate INTEGER, subject TEXT,
  units TEXT NOT NULL, ev_start INTEGER, ev_end INTEGER, ev_text TEXT);
CREATE INDEX IF NOT EXISTS counts_doc ON counts(doc_id);
CREATE TABLE IF NOT EXISTS deadlines (
  id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL, date TEXT, within_amount REAL, within_unit TEXT, action TEXT,
  ev_start INTEGER, ev_end INTEGER, ev_text TEXT);
CREATE INDEX IF NOT EXISTS deadlines_doc ON deadlines(doc_id);
CREATE TABLE IF NOT EXISTS deadline_units (
  deadline_id INTEGER NOT NULL REFERENCES deadlines(id) ON DELETE CASCADE, unit TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS deadline_units_deadline ON deadline_units(deadline_id);
CREATE VIRTUAL TABLE IF NOT EXISTS problems_fts USING fts5(
  description, category, evidence, units, tokenize='trigram');
CREATE VIRTUAL TABLE IF NOT EXISTS unit_names_fts USING fts5(name, tokenize='trigram');
PRAGMA user_version = {version};
"""
# Columns derived from a document's JSON when it is indexed; version 1 had none of them.
DERIVED = {"notice": "INTEGER", "primary_copy": "INTEGER NOT NULL DEFAULT 1", "format": "TEXT", "region": "TEXT",
           "region_code": "TEXT", "region_path": "TEXT", "text_key": "TEXT", "period": "TEXT",
           "problem_count": "INTEGER NOT NULL DEFAULT 0", "unit_count": "INTEGER NOT NULL DEFAULT 0"}
VERSION = 2
SCHEMA = SCHEMA.format(derived="".join(f", {name} {kind}" for name, kind in DERIVED.items()), version=VERSION)

# The derived columns computed from one document alone (its copies decide notice and primary_copy).
_COMPUTED = ("format", "region", "region_code", "region_path", "text_key", "period", "problem_count", "unit_count")
_SET_COMPUTED = ", ".join(f"{name} = ?" for name in _COMPUTED)

_FINDING_COLUMNS = """pu.unit, d.id, d.date, d.title, d.issuer, p.idx, p.category, p.description, p.section,
  p.source, p.ev_start, p.ev_end, p.ev_text, p.sentence, d.region, d.notice"""
_NEWEST_FIRST = "ORDER BY d.date IS NULL, d.date DESC, d.id, p.idx, pu.unit"


class SentenceBounds:
    """Where the sentences of one text end, found in one pass, so each finding's sentence is a bisection.

    Searching the text around every finding instead was quadratic in a long notice's length."""

    def __init__(self, text: str | None):
        self.text = text or ""
        self.ends = [m.start() for m in _SENTENCE_END.finditer(self.text)]

    def around(self, evidence: dict) -> str | None:
        """The whole sentence around an evidence span, for reading a finding without opening the notice."""
        text, start, end, quoted = self.text, evidence.get("start"), evidence.get("end"), evidence.get("text")
        if not text or start is None or end is None or not 0 <= start <= end <= len(text):
            return quoted
        if quoted is not None and text[start:end] != quoted:
            return quoted
        before = bisect.bisect_left(self.ends, start)  # marks at positions < start
        left = self.ends[before - 1] + 1 if before else 0
        if end > start and text[end - 1] in _SENTENCE_ENDS:
            right = end
        else:
            after = bisect.bisect_left(self.ends, end)  # the first mark at or after end
            right = self.ends[after] + 1 if after < len(self.ends) else len(text)
        return text[left:right].strip() or quoted


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _evidence(row_start, row_end, row_text) -> dict | None:
    if row_start is None and row_text is None:
        return None
    return {"start": row_start, "end": row_end, "text": row_text}


class SQLiteStore:
    """The embedded store: one file, WAL mode, one transaction per document."""

    def __init__(self, path: str | Path = DEFAULT_DB):
        self.path = str(path)
        self._lock = threading.RLock()
        # Autocommit mode: every transaction below is opened and closed explicitly.
        self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA busy_timeout = 5000")
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("PRAGMA synchronous = NORMAL")
        self._db.execute("PRAGMA foreign_keys = ON")
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > VERSION:
            self._db.close()
            raise ValueError(f"{self.path} was written by a newer tongbao (index version {version})")
        if version == 1:
            for name, kind in DERIVED.items():
                self._db.execute(f"ALTER TABLE documents ADD COLUMN {name} {kind}")
        self._db.executescript(SCHEMA)
        if version == 1:
            self._derive_all()

    def _derive_all(self) -> None:
        """An index of version 1: every document's derived columns and copies, from the JSON it keeps, in a few
        statements: the documents are read in one query and their copies grouped in memory."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                ids, columns, prints, sketches = [], [], [], {}
                for doc_id, body in self._db.execute("SELECT id, body FROM documents ORDER BY rowid"):
                    doc = json.loads(body)
                    prints.append(fingerprint(doc, sketches))
                    columns.append(_computed(doc, prints[-1]))
                    ids.append(doc_id)
                rows = [(*row, notice, doc_id) for row, notice, doc_id in zip(columns, number_all(prints), ids, strict=True)]
                self._db.executemany(f"UPDATE documents SET {_SET_COMPUTED}, notice = ? WHERE id = ?", rows)
                self._db.executemany("INSERT INTO sketches (hash, doc_id) VALUES (?, ?)",
                                     [(h, doc_id) for doc_id, mine in zip(ids, prints) for h in mine.sketch])
                choose_all_primaries(self._db)
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def put(self, document: dict) -> str:
        doc_id = document.get("id")
        if not isinstance(doc_id, str) or not _ID.fullmatch(doc_id):
            raise ValueError("document id must be the sha256 of the notice's bytes (64 hex digits)")
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                existed = self._delete(doc_id)
                self._insert(doc_id, document)
            except BaseException as error:
                self._db.execute("ROLLBACK")
                if isinstance(error, (KeyError, TypeError, AttributeError, sqlite3.IntegrityError)):
                    raise ValueError(f"malformed document: {type(error).__name__}: {error}") from error
                raise
            self._db.execute("COMMIT")
        return "updated" if existed else "added"

    def _delete(self, doc_id: str) -> bool:
        db = self._db
        db.execute("DELETE FROM problems_fts WHERE rowid IN (SELECT id FROM problems WHERE doc_id = ?)", (doc_id,))
        db.execute("DELETE FROM unit_names_fts WHERE rowid IN (SELECT id FROM unit_names WHERE doc_id = ?)", (doc_id,))
        row = db.execute("SELECT notice FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            return False
        db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        if row[0] is not None:
            choose_primary(db, row[0])  # the copies left behind choose again
        return True

    def _derive(self, doc_id: str, doc: dict) -> None:
        """The columns computed from a document, then its place among its copies."""
        mine = fingerprint(doc)
        self._db.execute(f"UPDATE documents SET {_SET_COMPUTED} WHERE id = ?", (*_computed(doc, mine), doc_id))
        place(self._db, doc_id, mine)

    def _insert(self, doc_id: str, doc: dict) -> None:
        db, text = self._db, doc.get("text")
        db.execute(
            "INSERT INTO documents (id, date, title, issuer, doc_number, source_path, indexed_at, body)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (doc_id, doc.get("date"), doc.get("title"), doc.get("issuer"), doc.get("doc_number"),
             (doc.get("source") or {}).get("path"), dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
             json.dumps(doc, ensure_ascii=False)))
        names: set[tuple[str, str]] = set()
        sentences = SentenceBounds(text)
        for unit in doc.get("units") or []:
            db.execute("INSERT INTO units (doc_id, name, type, aliases, mentions) VALUES (?, ?, ?, ?, ?)",
                       (doc_id, unit["name"], unit.get("type"), json.dumps(unit.get("aliases") or [], ensure_ascii=False),
                        len(unit.get("mentions") or [])))
            names.update((spelling, unit["name"]) for spelling in [unit["name"], *(unit.get("aliases") or [])])
        for idx, problem in enumerate(doc.get("problems") or []):
            ev = problem.get("evidence") or {}
            problem_id = db.execute(
                "INSERT INTO problems (doc_id, idx, category, description, section, source, ev_start, ev_end, ev_text,"
                " sentence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (doc_id, idx, problem.get("category"), problem["description"], problem.get("section"),
                 problem.get("source"), ev.get("start"), ev.get("end"), ev.get("text"),
                 sentences.around(ev))).lastrowid
            db.executemany("INSERT INTO problem_units (problem_id, unit) VALUES (?, ?)",
                           [(problem_id, unit) for unit in problem["units"]])
            db.execute("INSERT INTO problems_fts (rowid, description, category, evidence, units) VALUES (?, ?, ?, ?, ?)",
                       (problem_id, problem["description"], problem.get("category") or "", ev.get("text") or "",
                        " ".join(problem["units"])))
            names.update((unit, unit) for unit in problem["units"])
        for idx, count in enumerate(doc.get("counts") or []):
            ev = count.get("evidence") or {}
            db.execute(
                "INSERT INTO counts (doc_id, idx, value, unit, kind, approximate, subject, units, ev_start, ev_end,"
                " ev_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (doc_id, idx, count.get("value"), count.get("unit"), count.get("kind"), int(bool(count.get("approximate"))),
                 count.get("subject"), json.dumps(count.get("units") or [], ensure_ascii=False),
                 ev.get("start"), ev.get("end"), ev.get("text")))
        for idx, deadline in enumerate(doc.get("deadlines") or []):
            ev, within = deadline.get("evidence") or {}, deadline.get("within") or {}
            deadline_id = db.execute(
                "INSERT INTO deadlines (doc_id, idx, date, within_amount, within_unit, action, ev_start, ev_end, ev_text)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (doc_id, idx, deadline.get("date"), within.get("amount"), within.get("unit"), deadline.get("action"),
                 ev.get("start"), ev.get("end"), ev.get("text"))).lastrowid
            db.executemany("INSERT INTO deadline_units (deadline_id, unit) VALUES (?, ?)",
                           [(deadline_id, unit) for unit in deadline.get("units") or []])
        for spelling, unit in sorted(names):
            name_id = db.execute("INSERT INTO unit_names (doc_id, name, unit) VALUES (?, ?, ?)",
                                 (doc_id, spelling, unit)).lastrowid
            db.execute("INSERT INTO unit_names_fts (rowid, name) VALUES (?, ?)", (name_id, spelling))
        self._derive(doc_id, doc)

    def get(self, doc_id: str) -> dict | None:
        with self._lock:
            row = self._db.execute("SELECT body FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def names_containing(self, fragments: Sequence[str]) -> list[tuple[str, str]]:
        found: set[tuple[str, str]] = set()
        with self._lock:
            for fragment in dict.fromkeys(f for f in fragments if f):
                if len(fragment) >= _TRIGRAM:
                    rows = self._db.execute(
                        "SELECT n.name, n.unit FROM unit_names_fts f JOIN unit_names n ON n.id = f.rowid"
                        " WHERE unit_names_fts MATCH ?", (_phrase(fragment),))
                else:
                    rows = self._db.execute("SELECT name, unit FROM unit_names WHERE name LIKE ? ESCAPE '\\'",
                                            (_like(fragment),))
                found.update(rows)
        return sorted(found)

    def unit_summaries(self, units: Sequence[str], filters: Filters = NO_FILTERS) -> list[dict]:
        if not units:
            return []
        marks = ",".join("?" * len(units))
        where, params = _filters(filters, "n.unit")
        with self._lock:
            seen = self._db.execute(
                f"SELECT n.unit, COUNT(DISTINCT n.doc_id), MAX(d.date), json_group_array(DISTINCT d.issuer)"
                f" FROM unit_names n JOIN documents d ON d.id = n.doc_id WHERE n.unit IN ({marks}){where}"
                f" GROUP BY n.unit", [*units, *params]).fetchall()
            where, params = _filters(filters, "pu.unit", "p.category")
            found = dict(self._db.execute(
                f"SELECT pu.unit, COUNT(*) FROM problem_units pu JOIN problems p ON p.id = pu.problem_id"
                f" JOIN documents d ON d.id = p.doc_id WHERE pu.unit IN ({marks}){where} GROUP BY pu.unit",
                [*units, *params]).fetchall())
            # Ascending by frequency, so the commonest type of each name is the one dict() keeps.
            types = dict(self._db.execute(
                f"SELECT name, type FROM units WHERE name IN ({marks}) GROUP BY name, type"
                f" ORDER BY COUNT(*)", list(units)).fetchall())
        summaries = {name: {"name": name, "type": types.get(name), "documents": docs, "findings": found.get(name, 0),
                            "latest": latest, "issuers": sorted(i for i in json.loads(issuers) if i)}
                     for name, docs, latest, issuers in seen}
        return [summaries[u] for u in units if u in summaries]

    def findings(self, units: Sequence[str], filters: Filters = NO_FILTERS) -> list[dict]:
        if not units:
            return []
        where, params = _filters(filters, "pu.unit", "p.category")
        sql = (f"SELECT {_FINDING_COLUMNS} FROM problem_units pu JOIN problems p ON p.id = pu.problem_id"
               f" JOIN documents d ON d.id = p.doc_id WHERE pu.unit IN ({','.join('?' * len(units))}){where}"
               f" {_NEWEST_FIRST}")
        return self._rows_to_findings(sql, [*units, *params])

    def findings_by_text(self, text: str, filters: Filters = NO_FILTERS) -> list[dict]:
        if not text:
            return []
        where, params = _filters(filters, "pu.unit", "p.category")
        join = ("FROM problem_units pu JOIN problems p ON p.id = pu.problem_id JOIN documents d ON d.id = p.doc_id")
        if len(text) >= _TRIGRAM:
            sql = (f"SELECT {_FINDING_COLUMNS} {join} WHERE p.id IN"
                   f" (SELECT rowid FROM problems_fts WHERE problems_fts MATCH ?){where} {_NEWEST_FIRST}")
            return self._rows_to_findings(sql, [_phrase(text), *params])
        sql = (f"SELECT {_FINDING_COLUMNS} {join} WHERE (p.description LIKE ? ESCAPE '\\'"
               f" OR p.category LIKE ? ESCAPE '\\' OR p.ev_text LIKE ? ESCAPE '\\'){where} {_NEWEST_FIRST}")
        return self._rows_to_findings(sql, [*[_like(text)] * 3, *params])

    def _rows_to_findings(self, sql: str, params: list) -> list[dict]:
        with self._lock:
            rows = self._db.execute(sql, params).fetchall()
            deadlines = self._deadlines({row[1] for row in rows})
            copies = copies_of(self._db, {row[-1] for row in rows})
        findings = []
        for (unit, doc_id, date, title, issuer, idx, category, description, section, source,
             ev_start, ev_end, ev_text, sentence, region, notice) in rows:
            findings.append({
                "unit": unit, "document_id": doc_id, "date": date, "title": title, "issuer": issuer,
                "region": region, "problem": idx, "category": category, "description": description,
                "section": section, "source": source, "evidence": _evidence(ev_start, ev_end, ev_text),
                "sentence": sentence, "deadline": _deadline_for(unit, deadlines.get(doc_id, [])),
                "sources": copies.get(notice, []),
            })
        return findings

    def _deadlines(self, doc_ids: set[str]) -> dict[str, list[dict]]:
        if not doc_ids:
            return {}
        rows = self._db.execute(
            f"SELECT dl.doc_id, dl.date, dl.within_amount, dl.within_unit, dl.action, dl.ev_start, dl.ev_end,"
            f" dl.ev_text, json_group_array(du.unit) FILTER (WHERE du.unit IS NOT NULL)"
            f" FROM deadlines dl LEFT JOIN deadline_units du ON du.deadline_id = dl.id"
            f" WHERE dl.doc_id IN ({','.join('?' * len(doc_ids))}) GROUP BY dl.id ORDER BY dl.doc_id, dl.idx",
            sorted(doc_ids)).fetchall()
        by_doc: dict[str, list[dict]] = {}
        for doc_id, date, amount, unit, action, ev_start, ev_end, ev_text, units in rows:
            by_doc.setdefault(doc_id, []).append({
                "date": date, "within": {"amount": amount, "unit": unit} if amount is not None else None,
                "action": action, "units": json.loads(units) if units else [],
                "evidence": _evidence(ev_start, ev_end, ev_text)})
        return by_doc

    def notices(self, filters: Filters = NO_FILTERS, limit: int = 20, offset: int = 0) -> tuple[int, list[dict]]:
        with self._lock:
            return browse.notices(self._db, filters, limit, offset)

    def notice(self, doc_id: str) -> dict | None:
        with self._lock:
            return browse.notice(self._db, doc_id)

    def facets(self, filters: Filters = NO_FILTERS, limit: int = 20) -> dict[str, list[dict]]:
        with self._lock:
            return browse.facets(self._db, filters, limit)

    def stats(self) -> dict[str, int]:
        """Notices count each notice once, however many copies were indexed; units and findings are the notices'."""
        primary = "JOIN documents d ON d.id = x.doc_id AND d.primary_copy = 1"
        queries = {"notices": "SELECT COUNT(*) FROM documents WHERE primary_copy = 1",
                   "documents": "SELECT COUNT(*) FROM documents",
                   "units": f"SELECT COUNT(DISTINCT x.unit) FROM unit_names x {primary}",
                   "problems": f"SELECT COUNT(*) FROM problems x {primary}",
                   "counts": f"SELECT COUNT(*) FROM counts x {primary}",
                   "deadlines": f"SELECT COUNT(*) FROM deadlines x {primary}"}
        with self._lock:
            return {key: self._db.execute(sql).fetchone()[0] for key, sql in queries.items()}


def _computed(doc: dict, mine: Fingerprint) -> tuple:
    """The _COMPUTED columns of a document: its format, region, text key, period and counts."""
    region = region_of(doc.get("issuer"), doc.get("title"))
    return ((doc.get("source") or {}).get("format"), region and region.name, region and region.code,
            region and region.path, mine.key, mine.period, len(doc.get("problems") or []), len(doc.get("units") or []))


def _deadline_for(unit: str, deadlines: list[dict]) -> dict | None:
    """A deadline naming the unit, else the notice's own deadline for putting things right; the earliest wins.

    A time limit addressed to nobody (5个工作日内作出答复) is a norm the notice restates, not the date by
    which this unit must fix its problem, unless its action is 整改.
    """
    for_all = [d for d in deadlines if not d["units"] and (d["date"] or "整改" in (d["action"] or ""))]
    for candidates in ([d for d in deadlines if unit in d["units"]], for_all):
        if candidates:
            return min(candidates, key=lambda d: (d["date"] is None, d["date"] or ""))
    return None
