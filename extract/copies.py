"""When two documents are one notice: the same text, the same heading, or nearly the same text for the same period.

The same notice is often read from several copies (.txt, .docx and .html, or two mirror sites): the search
index counts them as one notice (extract/search/notices.py) and the batch marks all but the first
(documents.parquet duplicate_of, extract/batch/duplicates.py). The rules, in the order they are tried:

1. Two copies are *not* one notice when they state different dates, or different periods in their title
   (or, with no title, in their opening): quarterly notices written from one template are nearly the same
   text, and only the date or the quarter tells them apart.
2. The same text once everything but letters and digits is removed: the same notice. A text of fewer than
   SHORTEST such characters (or none, from a batch run with --no-text) is not compared, only its heading.
3. The same title, date and issuer (all three stated): the same notice.
4. Text similarity of at least SIMILAR: the Jaccard index of the sets of five-character shingles, estimated
   from a bottom-k sketch of SKETCH hashes. Copies in other formats of the bundled notices measure 0.94 to
   1.0; two different notices of the bundled corpus at most 0.53 (two quarters of one template, one of
   them cut short), so 0.8 lies between with room on both sides.
"""
from __future__ import annotations

import hashlib
import heapq
import re
import struct
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

Document = TypeVar("Document")

SIMILAR = 0.8
SKETCH = 128
SHINGLE = 5
# A long archive is compared by its opening; notices are far shorter than this.
COMPARED = 200_000
# A text shorter than this (or none: a batch run with --no-text) is not compared, only its heading is.
SHORTEST = 50
# Copies are sought among the documents with the same text key, the same heading, or at least half the sketch
# in common; of the last, the CANDIDATES sharing most are compared in full.
CANDIDATES = 64

_NOT_WORD = re.compile(r"[\W_]+")
_CN_DIGITS = {"一": "1", "二": "2", "三": "3", "四": "4", "上": "1", "下": "2"}
_PERIOD = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})年(?:(?P<annual>度)|第(?P<quarter>[一二三四1-4])季度|(?P<half>[上下])半年"
                     r"|(?P<month>\d{1,2})月)?|第(?P<q>[一二三四1-4])季度|(?P<h>[上下])半年")


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What the rules compare, small enough to keep in the index beside each document."""

    key: str | None  # sha256 of the compacted text; None when there is too little text to compare
    sketch: tuple[int, ...]  # the SKETCH smallest shingle hashes, ascending (empty with no key)
    title: str | None = None
    date: str | None = None
    issuer: str | None = None
    period: str | None = None  # year-part: "2021-Q1", "-Q1" (no year), "2021-" (no part), "2021-H2", "2021-M03", "2021-Y"


def compact(text: str | None) -> str:
    """Letters and digits only: spacing, punctuation and line breaks differ between copies."""
    return _NOT_WORD.sub("", text or "").lower()


def fingerprint(document: dict, sketches: dict[str, tuple[int, ...]] | None = None) -> Fingerprint:
    """`sketches` (by key), kept by a caller that fingerprints many documents, spares sketching a text again."""
    text = compact(document.get("text"))[:COMPARED]
    heading = (document.get("title") or None, document.get("date") or None, document.get("issuer") or None)
    period = period_of(document.get("title"), text)
    if len(text) < SHORTEST:
        return Fingerprint(None, (), *heading, period)
    key = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    if sketches is None:
        return Fingerprint(key, sketch(text), *heading, period)
    if key not in sketches:
        sketches[key] = sketch(text)
    return Fingerprint(key, sketches[key], *heading, period)


def sketch(text: str, size: int = SKETCH) -> tuple[int, ...]:
    """The `size` smallest 64-bit hashes of the text's shingles (signed, as SQLite stores integers): each
    shingle's 8-byte BLAKE2b digest read as a big-endian integer, all digests unpacked in one call."""
    shingles = {text[i:i + SHINGLE] for i in range(max(1, len(text) - SHINGLE + 1))} if text else set()
    digests = b"".join([hashlib.blake2b(s.encode("utf-8", "surrogatepass"), digest_size=8).digest() for s in shingles])
    return tuple(sorted(struct.unpack(f">{len(shingles)}q", digests))[:size])


def similarity(a: Sequence[int], b: Sequence[int], size: int = SKETCH) -> float:
    """Estimated Jaccard index of two texts' shingle sets from their sketches (exact for short texts)."""
    if not a or not b:
        return 0.0
    union = heapq.nsmallest(size, set(a) | set(b))
    both = set(a) & set(b)
    return sum(1 for h in union if h in both) / len(union)


def period_of(title: str | None, text: str) -> str | None:
    """The period a notice is about, from its title, else from the first one its text names."""
    for source in (compact(title), text[:300]):
        if match := _PERIOD.search(source):
            quarter, half, month = match["quarter"] or match["q"], match["half"] or match["h"], match["month"]
            part = ("Y" if match["annual"] else f"Q{_CN_DIGITS.get(quarter, quarter)}" if quarter
                    else f"H{_CN_DIGITS[half]}" if half else f"M{int(month):02d}" if month else "")
            return f"{match['year'] or ''}-{part}"
    return None


def _conflict(a: str | None, b: str | None) -> bool:
    return bool(a and b and a != b)


def _periods_conflict(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    year_a, _, part_a = a.partition("-")
    year_b, _, part_b = b.partition("-")
    return _conflict(year_a, year_b) or _conflict(part_a, part_b)


def least_shared(mine: Fingerprint) -> int:
    """How many of its sketch's hashes a candidate copy must share with a document."""
    return max(1, len(mine.sketch) // 2)


def candidates(mine: Fingerprint, same_key: Callable[[str], Iterable[Document]],
               same_heading: Callable[[tuple[str, str, str]], Iterable[Document]],
               sharing: Callable[[tuple[int, ...], int, int], Iterable[Document]]) -> list[Document]:
    """Earlier documents that may be copies, each once: the same text key, the same heading (all three stated),
    or the CANDIDATES documents sharing most of the sketch, at least least_shared() hashes of it.

    The batch looks in its own dictionaries and the index in SQL; the lookups are theirs, the rule is here.
    `sharing(hashes, at_least, most)` returns documents sharing `at_least` of `hashes`, the most shared first."""
    found = list(same_key(mine.key)) if mine.key else []
    if mine.title and mine.date and mine.issuer:
        found += same_heading((mine.title, mine.date, mine.issuer))
    if mine.sketch:
        found += sharing(mine.sketch, least_shared(mine), CANDIDATES)
    return list(dict.fromkeys(found))


def same_notice(a: Fingerprint, b: Fingerprint) -> bool:
    """The rules of this module's docstring, in order."""
    if _conflict(a.date, b.date) or _periods_conflict(a.period, b.period):
        return False
    if a.key and a.key == b.key:
        return True
    if a.title and a.date and a.issuer and (a.title, a.date, a.issuer) == (b.title, b.date, b.issuer):
        return True
    return similarity(a.sketch, b.sketch) >= SIMILAR
