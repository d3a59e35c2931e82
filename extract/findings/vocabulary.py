"""Shared helpers for rules whose words live in data files: load a vocabulary, build alternations."""
from __future__ import annotations

import regex

from ..data import load_yaml

__all__ = ["COUNT", "NUMBER_MARK", "alternation", "cores", "load_yaml", "longest_first"]

# A count in a list's closing (等12个单位, 两个部门): the one pattern every rule uses.
COUNT = r"(?:\d{1,6}|[一二三四五六七八九十两]{1,3})"
# An item's or a line's number (①, 1. 1、 (1) (一) 一、, 一是), never the front of a decimal (2.5%).
NUMBER_MARK = r"(?:[①-⑳]|\(?[一二三四五六七八九十\d]{1,3}[)、.](?!\d)|[一二三四五六七八九十]{1,3}是)"


def longest_first(words) -> tuple[str, ...]:
    """Words ordered so that a scan or an alternation tries the longest one first."""
    return tuple(sorted(words, key=len, reverse=True))


def alternation(words) -> str:
    """A regex alternation of literal words, longest first so the longest one wins."""
    return "|".join(regex.escape(w) for w in longest_first(words))


def cores(words) -> tuple[str, ...]:
    """The words containing no other word: every text with one of `words` has one of these."""
    words = set(words)
    return tuple(sorted(w for w in words if not any(v != w and v in w for v in words)))
