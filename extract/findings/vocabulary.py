"""Shared helpers for rules whose words live in data files: load a vocabulary, build alternations."""
from __future__ import annotations

from functools import lru_cache

import regex

from ..data import load_yaml

__all__ = ["COUNT", "NUMBER_MARK", "abbreviated_ending", "abbreviations", "alternation", "cores", "load_yaml",
           "longest_first"]

# A count in a list's closing (等12个单位, 两个部门): the one pattern every rule uses.
COUNT = r"(?:\d{1,6}|[一二三四五六七八九十两]{1,3})"
# An item's or a line's number (①, 1. 1、 (1) (一) 一、, 一是), never the front of a decimal (2.5%).
NUMBER_MARK = r"(?:[①-⑳]|\(?[一二三四五六七八九十\d]{1,3}[)、.](?!\d)|[一二三四五六七八九十]{1,3}是)"


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, str]:
    """Short department names and their full ones (data/abbreviations.yaml), longest short name first."""
    pairs = load_yaml("abbreviations.yaml")["departments"].items()
    return dict(sorted(pairs, key=lambda pair: -len(pair[0])))


@lru_cache(maxsize=1 << 12)
def abbreviated_ending(name: str) -> str | None:
    """The longest short department name that `name` ends in: a look-up per length, not a test per short name;
    a pure test of a name, and names recur, so cached."""
    table = abbreviations()
    longest = len(next(iter(table)))  # (the table lists the longest short name first)
    return next((name[-k:] for k in range(min(len(name), longest), 0, -1) if name[-k:] in table), None)


def longest_first(words) -> tuple[str, ...]:
    """Words ordered so that a scan or an alternation tries the longest one first."""
    return tuple(sorted(words, key=len, reverse=True))


def alternation(words) -> str:
    """A regex alternation of literal words, longest first so the longest one wins.

    Words are grouped under their first character (县财政局|县公安局|市 → 县(?:财政局|公安局)|市), each group
    keeping that order: at a position only the words opening with its character can match, so the group
    tries them as the flat alternation would, and re and regex skip the other groups with one test each."""
    return _factored(sorted(set(words), key=lambda word: (-len(word), word)))  # (ties in a fixed order)


def _factored(words: list[str]) -> str:
    """alternation of `words`, already longest first; the empty word, shortest, comes last."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[:1], []).append(word)
    branches = []
    for first, group in groups.items():
        if len(group) == 1:
            branches.append(regex.escape(group[0]))
        else:
            branches.append(f"{regex.escape(first)}(?:{_factored([word[1:] for word in group])})")
    return "|".join(branches)


def cores(words) -> tuple[str, ...]:
    """The words containing no other word: every text with one of `words` has one of these."""
    words = set(words)
    return tuple(sorted(w for w in words if not any(v != w and v in w for v in words)))
