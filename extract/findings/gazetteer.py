"""Vocabularies for unit names, loaded once per process: divisions, units.yaml and the ruler's phrases."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from ..data import data_text as _data
from ..data import load_yaml

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
    every phrase found in one pass, no spaCy Doc built; and per phrase its (tie rank, label, id) entries.

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
    return ahocorasick_rs.AhoCorasick(phrases), [tuple(entries[p]) for p in phrases]


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
    matches = [(start - end, start, end, rank, label, ident)
               for phrase, start, end in automaton.find_matches_as_indexes(text, overlapping=True)
               for rank, label, ident in entries[phrase]]
    matches.sort()
    taken = bytearray(len(text))
    out = []
    for _, start, end, _, label, ident in matches:
        if taken.find(1, start, end) < 0:
            taken[start:end] = b"\x01" * (end - start)
            if starts is None:
                out.append((start, end, label, ident))
            else:
                out.append((starts[start], starts[end - 1] + 1, label, ident))
    out.sort()
    return out
