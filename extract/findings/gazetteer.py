"""Vocabularies for unit names, loaded once per process: divisions, units.yaml and the ruler's phrases and spans."""
from __future__ import annotations

import bisect
import json
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..data import data_text as _data
from ..data import load_yaml

SINGLE_GOV = frozenset("省市县区州旗盟")


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    level: str
    parent: str


@lru_cache(maxsize=1)
def divisions() -> dict[str, Division]:
    """Division name → row of divisions.tsv (first row wins for the few repeated county names)."""
    out: dict[str, Division] = {}
    skip = set(vocab()["not_division_names"])
    for line in _data("divisions.tsv").splitlines():
        if line and not line.startswith("#"):
            code, name, level, parent = (line.split("\t") + [""])[:4]
            if name not in skip:
                out.setdefault(name, Division(code, name, level, parent))
    return out


def province_shorts() -> set[str]:
    """Short forms of province-level divisions (湖南, 宁夏), from the gazetteer."""
    out = set()
    for name, row in divisions().items():
        if row.level == "province":
            short = regex.sub(r"(?:维吾尔|壮族|回族)?自治区$|特别行政区$|省$|市$", "", name)
            if len(short) >= 2:
                out.add(short)
    return out


def divisions_prefix(name: str) -> bool:
    table = divisions()
    return any(name[:k] in table for k in range(2, min(len(name), 9)))


def official(name: str) -> bool:
    """A body's official name opens with an admin prefix or a full division name (青神县…, 县…), not a short form."""
    return name[:1] in SINGLE_GOV or divisions_prefix(name)


@lru_cache(maxsize=1)
def vocab() -> dict:
    data = load_yaml("units.yaml")
    data["suffix_type"] = {w: t for t, words in data["suffixes"].items() for w in words}
    data["platform_by_word"] = {w: p for p, words in data["platform_of"].items() for w in words}
    for key in ("blockers", "prefixes", "place_endings", "subunit_endings", "government_free", "account_words",
                "website_words", "platforms", "person_titles", "generic_openings", "never_units", "lead_words",
                "break_words", "role_leads", "praise_cues", "safe_leads", "directives", "never_first"):
        data[key] = frozenset(data[key])
    return data


@lru_cache(maxsize=1)
def nlp():
    """A blank Chinese pipeline (character segmenter) with the unit EntityRuler: the reference that
    ruler_spans reproduces, for anyone who wants spaCy Docs of the same rules."""
    import spacy

    pipeline = spacy.blank("zh")
    ruler = pipeline.add_pipe("future_entity_ruler", config={"phrase_matcher_attr": "ORTH", "validate": False})
    ruler.add_patterns(ruler_patterns())
    return pipeline


def ruler_patterns() -> list[dict]:
    """The EntityRuler's patterns (unit_patterns.jsonl): label, phrase and id of each."""
    return [json.loads(line) for line in _data("unit_patterns.jsonl").splitlines() if line.strip()]


@lru_cache(maxsize=1)
def _automaton():
    """The ruler's phrases in one Aho-Corasick automaton (Rust, ahocorasick-rs): every occurrence of
    every phrase found in one pass, no spaCy Doc built; and per phrase its (tie rank, label, id) entries,
    lowest rank first.

    The tie rank orders equal spans with different labels (河北: DIV_SHORT and PROV) as the
    EntityRuler does (tests compare both)."""
    import ahocorasick_rs

    order = {tuple(pair): rank for rank, pair in enumerate(vocab()["ruler_tie_order"])}
    entries: dict[str, list[tuple[int, str, str]]] = {}
    for p in ruler_patterns():
        entry = (order[p["label"], p["id"]], p["label"], p["id"])
        if entry not in entries.setdefault(p["pattern"], []):
            entries[p["pattern"]].append(entry)
    phrases = list(entries)
    return ahocorasick_rs.AhoCorasick(phrases), [tuple(sorted(entries[p])) for p in phrases]


def ruler_spans(text: str) -> list[tuple[int, int, str, str]]:
    """The EntityRuler's entities in `text` as sorted (start, end, label, id) character spans.

    Same spans as nlp()(text).ents. With the character segmenter token i is character i, except that
    a space right after a character is that token's trailing whitespace: such spaces are squeezed out
    before matching and positions mapped back through `starts`."""
    automaton, entries = _automaton()
    starts = None
    if " " in text:
        starts = [i for i, ch in enumerate(text) if ch != " " or i == 0 or text[i - 1].isspace()]
        text = "".join([text[i] for i in starts])
    # The ruler's filter: longest first, then leftmost, and a span is kept only if no token is taken.
    # Equal spans are one phrase, whose entry of lowest tie rank wins (the others overlap it). Spans
    # of one character come last and never overlap each other: each is kept if its token is free.
    found = automaton.find_matches_as_indexes(text, overlapping=True)
    longer = [(start - end, start, phrase) for phrase, start, end in found if end - start > 1]
    longer.sort()
    taken = bytearray(len(text))
    kept = []
    for negative_length, start, phrase in longer:
        end = start - negative_length
        if taken.find(1, start, end) < 0:
            taken[start:end] = b"\x01" * (end - start)
            kept.append((start, end, phrase))
    kept += [(start, end, phrase) for phrase, start, end in found if end - start == 1 and not taken[start]]
    kept.sort()
    out = []
    for start, end, phrase in kept:
        _, label, ident = entries[phrase][0]
        if starts is None:
            out.append((start, end, label, ident))
        else:
            out.append((starts[start], starts[end - 1] + 1, label, ident))
    return out


class Ents:
    """The ruler's spans in one stretch, sorted, so a stretch's spans are found by bisection."""

    __slots__ = ("ends", "end_starts", "shorts", "short_starts")

    def __init__(self, spans: list[tuple[int, int, str, str]]):
        """`spans` as ruler_spans gives them: sorted (start, end, label, id), relative to the stretch."""
        self.ends = [s for s in spans if s[2] in ("SUFFIX", "DIV")]
        self.end_starts = [s[0] for s in self.ends]
        self.shorts = [(s[0], s[1]) for s in spans if s[2] in ("DIV_SHORT", "PROV")]
        self.short_starts = [s[0] for s in self.shorts]

    def window(self, start: int, end: int) -> Ents:
        """The spans of text[start:end] (those ending inside it), relative to `start`, cut from the split lists."""
        out = Ents.__new__(Ents)
        i, j = bisect.bisect_left(self.end_starts, start), bisect.bisect_left(self.end_starts, end)
        out.ends = [(a - start, b - start, label, ident) for a, b, label, ident in self.ends[i:j] if b <= end]
        out.end_starts = [s[0] for s in out.ends]
        i, j = bisect.bisect_left(self.short_starts, start), bisect.bisect_left(self.short_starts, end)
        out.shorts = [(a - start, b - start) for a, b in self.shorts[i:j] if b <= end]
        out.short_starts = [s[0] for s in out.shorts]
        return out

    def short_at(self, position: int) -> int | None:
        i = bisect.bisect_left(self.short_starts, position)
        if i < len(self.shorts) and self.shorts[i][0] == position:
            return self.shorts[i][1]
        return None


SCAN_ONCE = 1 << 22  # characters × phrases above which one automaton pass is the cheaper way
SCAN_BLOCK = 1 << 20


def occurring(text: str, phrases: set[str]) -> set[str]:
    """Which of `phrases` occur in `text`: a substring test each, or on a long text one automaton pass
    a block at a time, since a test per phrase would read it once per phrase."""
    if len(text) * len(phrases) <= SCAN_ONCE:
        return {phrase for phrase in phrases if phrase in text}
    import ahocorasick_rs

    ordered = sorted(phrases)
    automaton = ahocorasick_rs.AhoCorasick(ordered, matchkind=ahocorasick_rs.MatchKind.Standard)
    overlap = max(map(len, ordered)) - 1  # a phrase across a block's end is found in the next block
    found: set[str] = set()
    for start in range(0, len(text), SCAN_BLOCK):
        block = text[start : start + SCAN_BLOCK + overlap]
        found.update(ordered[i] for i, _, _ in automaton.find_matches_as_indexes(block, overlapping=True))
    return found
