"""Vocabularies for unit names, loaded once per process: divisions, units.yaml and the ruler's phrases and spans."""
from __future__ import annotations

import bisect
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..data import data_text as _data
from ..data import load_yaml
from .vocabulary import alternation

SINGLE_GOV = frozenset("省市县区州旗盟")
# Levels a department's name may open with, standing for its place (县自然资源局, 省卫健委).
LEVELS = "省市县区州"


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
def townships() -> frozenset[str]:
    """Names of the country's townships and subdistricts (townships.txt), to tell their first character from prose."""
    return frozenset(line for line in _data("townships.txt").splitlines() if line and not line.startswith("#"))


def province_shorts() -> set[str]:
    """Short forms of province-level divisions (湖南, 宁夏), from the gazetteer."""
    out = set()
    for name, row in divisions().items():
        if row.level == "province":
            short = regex.sub(r"(?:维吾尔|壮族|回族)?自治区$|特别行政区$|省$|市$", "", name)
            if len(short) >= 2:
                out.add(short)
    return out


@lru_cache(maxsize=1)
def division_shorts() -> frozenset[str]:
    """Every division's name without its ending (如东 for 如东县, 和平 for 和平区), two characters or more."""
    suffixes = sorted(vocab()["division_suffixes"], key=len, reverse=True)
    out = set()
    for name in divisions():
        short = next((name[: -len(s)] for s in suffixes if name.endswith(s)), "")
        if len(short) >= 2:
            out.add(short)
    return frozenset(out)


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
    data["suffix_type"].update(dict.fromkeys(data["central_bodies"], "department"))
    data["body_suffixes"] = data["body_suffixes"] + data["central_bodies"]
    data["platform_by_word"] = {w: p for p, words in data["platform_of"].items() for w in words}
    data["list_nouns"] = data["group_nouns"] + data["account_nouns"]
    # What a bracket after an account's name may hold: its platform or account word (甲(微信公众号), 乙(移动客户端)).
    data["bracket_platforms"] = frozenset(data["platform_by_word"]) | {"移动客户端"}
    # That bracket as a pattern, with what a page adds after the platform: the account's owner or its ID
    # (乙(微信公众号,县粮食局), 丙(抖音号:ymswl2020)).
    data["platform_bracket"] = (rf"\((?P<platform>{alternation(data['bracket_platforms'])})(?:账号)?"
                                rf"(?:[,:;][^()\n]{{1,30}})?\)")
    for key in ("blockers", "prefixes", "place_endings", "subunit_endings", "government_free", "account_words",
                "website_words", "platforms", "person_titles", "generic_openings", "never_units", "lead_words",
                "break_words", "role_leads", "praise_cues", "safe_leads", "directives", "never_first",
                "list_nouns", "praise_lists", "named_praise", "body_suffixes", "central_bodies", "not_place_words", "partitives"):
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
    every phrase found in one pass, no spaCy Doc built; and per phrase the (label, id) that wins.

    Of equal spans with different labels (河北: DIV_SHORT and PROV) the one of lowest rank in
    ruler_tie_order wins, as in the EntityRuler (tests compare both)."""
    import ahocorasick_rs

    order = {tuple(pair): rank for rank, pair in enumerate(vocab()["ruler_tie_order"])}
    entries: dict[str, list[tuple[int, str, str]]] = {}
    for p in ruler_patterns():
        entries.setdefault(p["pattern"], []).append((order[p["label"], p["id"]], p["label"], p["id"]))
    phrases = list(entries)
    return ahocorasick_rs.AhoCorasick(phrases), [min(entries[p])[1:] for p in phrases]


# A space right after a character that is no whitespace (re's \S is str.isspace's complement).
_TRAILING_SPACE = re.compile(r"(?<=\S) ")


def _kept(text: str) -> list[tuple[int, int, int]]:
    """The ruler's spans in `text` as sorted (start, end, phrase index)."""
    found, kept_end, taken, starts = _filtered(text)
    kept = [(start, end, phrase) for phrase, start, end in found
            if (kept_end[start] == end if end - start > 1 else not taken[start])]
    if starts is None:
        return kept
    return [(starts[start], starts[end - 1] + 1, phrase) for start, end, phrase in kept]


def _filtered(text: str):
    """Every phrase found in `text` as (phrase index, start, end) in the automaton's order (by end), and what
    tells the ruler's spans among them: a span of several characters is kept when kept_end[start] == end,
    one of a single character when not taken[start]; kept spans never overlap, so in that order they are
    sorted by start.

    With the character segmenter token i is character i, except that a space right after a character
    is that token's trailing whitespace: such spaces are squeezed out before matching, and `starts` maps
    positions back (None when no space was squeezed)."""
    automaton, _ = _automaton()
    starts = None
    if " " in text:
        starts, kept_from = [], 0  # the positions kept: all but each squeezed space, a run at a time
        for space in _TRAILING_SPACE.finditer(text):
            starts.extend(range(kept_from, space.start()))
            kept_from = space.end()
        starts.extend(range(kept_from, len(text)))
        text = _TRAILING_SPACE.sub("", text)
    # The ruler's filter: longest first, then leftmost, and a span is kept only if no token is taken.
    # Equal spans are one phrase (its label is settled in _automaton). The automaton reports spans by
    # their end, so those of one length come leftmost first: grouped by length, they need no sort.
    found = automaton.find_matches_as_indexes(text, overlapping=True)
    by_length: defaultdict[int, list[int]] = defaultdict(list)  # the starts of the spans of each length
    for _, start, end in found:
        if end - start > 1:
            by_length[end - start].append(start)  # (setdefault would build a list for every span)
    # Lists, not bytearrays: 3.11 specialises the subscripts of lists, which the loops below read by the thousand.
    taken = [False] * len(text)
    kept_end = [0] * len(text)  # where the kept span starting at each position ends (kept spans never overlap)
    for length in sorted(by_length, reverse=True):
        cover = [True] * length
        for start in by_length[length]:
            # A kept span is as long as this one or longer, so it overlaps this one only if it covers
            # its first or its last token: it cannot fit strictly between them.
            if not (taken[start] or taken[start + length - 1]):
                taken[start:start + length] = cover
                kept_end[start] = start + length
    # Spans of one character come last and never overlap each other: each is kept if its token is free.
    return found, kept_end, taken, starts


def ruler_spans(text: str) -> list[tuple[int, int, str, str]]:
    """The EntityRuler's entities in `text` as sorted (start, end, label, id) character spans: the
    same spans as nlp()(text).ents."""
    labels = _automaton()[1]
    return [(start, end, *labels[phrase]) for start, end, phrase in _kept(text)]


_ENDS, _SHORTS = ("SUFFIX", "DIV"), ("DIV_SHORT", "PROV")


class Ents:
    """The ruler's spans in one stretch, sorted, so a stretch's spans are found by bisection."""

    __slots__ = ("ends", "end_starts", "shorts", "short_starts")

    def __init__(self) -> None:
        self.ends: list[tuple[int, int, str, str]] = []  # where a name may end: SUFFIX and DIV spans
        self.end_starts: list[int] = []
        self.shorts: list[tuple[int, int]] = []  # short forms of divisions: DIV_SHORT and PROV spans
        self.short_starts: list[int] = []

    def short_at(self, position: int) -> int | None:
        i = bisect.bisect_left(self.short_starts, position)
        if i < len(self.shorts) and self.shorts[i][0] == position:
            return self.shorts[i][1]
        return None


def ents_of(texts: list[str]) -> list[Ents]:
    """Each text's ruler spans, from one pass over the texts joined by newlines: no phrase holds a
    newline, so no span crosses from one text into the next."""
    kinds = _kinds()
    out = [Ents() for _ in texts]
    k, low = 0, 0
    high = len(texts[0]) if texts else 0
    ents = out[0] if out else None
    found, kept_end, taken, starts = _filtered("\n".join(texts))  # (_kept's spans, read without a list of them)
    for phrase, start, end in found:
        kind = kinds[phrase]
        if kind is None or not (kept_end[start] == end if end - start > 1 else not taken[start]):
            continue  # not kept, or kept only for the ruler's filter (a blocker, an account word, a person…)
        if starts is not None:
            start, end = starts[start], starts[end - 1] + 1
        while start >= high:  # in a later text
            k, low = k + 1, high + 1
            high = low + len(texts[k])
            ents = out[k]
        if kind is _SHORT and closes_known_township(texts[k], start - low, end - low):
            ents.ends.append((end - low - 1, end - low, "SUFFIX", "township"))  # 庆丰镇, not 庆 + 丰镇(市)
            ents.end_starts.append(end - low - 1)
        elif kind is _SHORT:
            ents.shorts.append((start - low, end - low))
            ents.short_starts.append(start - low)
        else:
            label, ident = kind
            ents.ends.append((start - low, end - low, label, ident))
            ents.end_starts.append(start - low)
    return out


_SHORT = ("short",)


def closes_known_township(text: str, start: int, end: int) -> bool:
    """Whether a division's short form ending in a township's ending (丰镇, 北镇, 东乡) closes a known township's
    longer name (庆丰镇, 城北镇, 城东乡): then its last character is that township's ending."""
    if text[end - 1] not in "镇乡":
        return False
    known = townships()
    return any(start >= k and text[start - k:end] in known for k in (1, 2, 3))


@lru_cache(maxsize=1)
def _kinds() -> list:
    """Per phrase of the automaton, what ents_of keeps of its spans: (label, id) for an ending, _SHORT for a
    division's short form, None for the others."""
    return [(label, ident) if label in _ENDS else _SHORT if label in _SHORTS else None
            for label, ident in _automaton()[1]]


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
