"""Copies in the index: each document joins the notice it is a copy of, and one copy per notice speaks for it.

Every document row has a `notice` number, shared by all copies of one notice (extract/copies.py says
when two documents are copies), and `primary_copy` set on the one whose findings the index shows: the copy
with the most problems found, then one with a date and a title, then the one indexed first.
"""
from __future__ import annotations

import sqlite3

from collections.abc import Sequence

from ..batch.duplicates import first_copies
from ..copies import Fingerprint, candidates, same_notice

# Which copy speaks for a notice: the most problems found, then one with a date, then a title, then the first.
_PRIMARY_FIRST = "problem_count DESC, date IS NULL, title IS NULL, rowid"


def _fingerprint(db: sqlite3.Connection, doc_id: str) -> Fingerprint:
    key, title, date, issuer, period = db.execute(
        "SELECT text_key, title, date, issuer, period FROM documents WHERE id = ?", (doc_id,)).fetchone()
    sketch = tuple(h for (h,) in db.execute("SELECT hash FROM sketches WHERE doc_id = ? ORDER BY hash", (doc_id,)))
    return Fingerprint(key, sketch, title, date, issuer, period)


def _placed_copies(db: sqlite3.Connection, doc_id: str, mine: Fingerprint) -> list[str]:
    """Placed documents that may be copies, by the rule of extract/copies.py looked up in SQL."""
    def same_key(key: str) -> list[str]:
        return [row[0] for row in db.execute(
            "SELECT id FROM documents WHERE text_key = ? AND id != ? AND notice IS NOT NULL", (key, doc_id))]

    def same_heading(heading: tuple[str, str, str]) -> list[str]:
        return [row[0] for row in db.execute(
            "SELECT id FROM documents WHERE title = ? AND date = ? AND issuer = ? AND id != ? AND notice IS NOT NULL",
            (*heading, doc_id))]

    def sharing(hashes: tuple[int, ...], at_least: int, most: int) -> list[str]:
        return [row[0] for row in db.execute(
            f"SELECT doc_id FROM sketches WHERE hash IN ({','.join('?' * len(hashes))}) AND doc_id != ?"
            f" GROUP BY doc_id HAVING COUNT(*) >= ? ORDER BY COUNT(*) DESC LIMIT ?", (*hashes, doc_id, at_least, most))]

    return candidates(mine, same_key, same_heading, sharing)


def place(db: sqlite3.Connection, doc_id: str, mine: Fingerprint) -> int:
    """Give a just inserted document its notice: the one of its copies (merging them if they were apart), or a new one."""
    db.executemany("INSERT INTO sketches (hash, doc_id) VALUES (?, ?)", [(h, doc_id) for h in mine.sketch])
    copies = [other for other in _placed_copies(db, doc_id, mine) if same_notice(mine, _fingerprint(db, other))]
    notices = sorted({db.execute("SELECT notice FROM documents WHERE id = ?", (other,)).fetchone()[0]
                      for other in copies})
    if notices:
        notice = notices[0]
        if len(notices) > 1:
            marks = ",".join("?" * (len(notices) - 1))
            db.execute(f"UPDATE documents SET notice = ? WHERE notice IN ({marks})", (notice, *notices[1:]))
    else:
        notice = db.execute("SELECT COALESCE(MAX(notice), 0) + 1 FROM documents").fetchone()[0]
    db.execute("UPDATE documents SET notice = ? WHERE id = ?", (notice, doc_id))
    choose_primary(db, notice)
    return notice


def number_all(prints: Sequence[Fingerprint]) -> list[int]:
    """Every document's notice at once (an index being rebuilt): copies grouped in memory by the rule place()
    follows one document at a time, notices numbered 1, 2, … in the order of their first documents."""
    numbers: dict[int, int] = {}
    return [numbers.setdefault(i if first is None else first, len(numbers) + 1)
            for i, first in enumerate(first_copies(prints))]


def choose_primary(db: sqlite3.Connection, notice: int) -> None:
    """Mark the copy that speaks for a notice (see the module docstring)."""
    best = db.execute(f"SELECT id FROM documents WHERE notice = ? ORDER BY {_PRIMARY_FIRST} LIMIT 1",
                      (notice,)).fetchone()
    if best:
        db.execute("UPDATE documents SET primary_copy = (id = ?) WHERE notice = ?", (best[0], notice))


def choose_all_primaries(db: sqlite3.Connection) -> None:
    """choose_primary for every notice in one statement."""
    db.execute(f"UPDATE documents SET primary_copy = id IN (SELECT id FROM (SELECT id, ROW_NUMBER() OVER"
               f" (PARTITION BY notice ORDER BY {_PRIMARY_FIRST}) AS rank FROM documents) WHERE rank = 1)")


def copies_of(db: sqlite3.Connection, notices: set[int]) -> dict[int, list[dict]]:
    """Every copy of each notice, the primary first: its id, file name and format."""
    if not notices:
        return {}
    rows = db.execute(
        f"SELECT notice, id, source_path, format, primary_copy FROM documents"
        f" WHERE notice IN ({','.join('?' * len(notices))}) ORDER BY notice, primary_copy DESC, rowid", sorted(notices))
    out: dict[int, list[dict]] = {}
    for notice, doc_id, path, fmt, primary in rows:
        out.setdefault(notice, []).append({"document_id": doc_id, "file": file_name(path), "format": fmt,
                                           "primary": bool(primary)})
    return out


def file_name(path: str | None) -> str | None:
    """The file name alone: the folder a notice was indexed from is the server's business."""
    if not path:
        return None
    return path.replace("\\", "/").rsplit("/", 1)[-1] or None
