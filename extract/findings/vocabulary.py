"""Shared helpers for rules whose words live in data files: load a vocabulary, build alternations."""
from __future__ import annotations

from importlib import resources

import regex
import yaml


def load_yaml(name: str) -> dict:
    """A vocabulary file from extract/data/."""
    return yaml.safe_load(resources.files("extract.data").joinpath(name).read_text("utf-8"))


def longest_first(words) -> tuple[str, ...]:
    """Words ordered so that a scan or an alternation tries the longest one first."""
    return tuple(sorted(words, key=len, reverse=True))


def alternation(words) -> str:
    """A regex alternation of literal words, longest first so the longest one wins."""
    return "|".join(regex.escape(w) for w in longest_first(words))
