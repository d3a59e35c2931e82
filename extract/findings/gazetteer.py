"""Vocabularies for unit names, loaded once per process: divisions, units.yaml and the spaCy ruler."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex
import yaml


def _data(name: str) -> str:
    return resources.files("extract.data").joinpath(name).read_text("utf-8")


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
    data = yaml.safe_load(_data("units.yaml"))
    data["suffix_type"] = {w: t for t, words in data["suffixes"].items() for w in words}
    data["platform_by_word"] = {w: p for p, words in data["platform_of"].items() for w in words}
    for key in ("blockers", "prefixes", "place_endings", "subunit_endings", "government_free", "account_words",
                "website_words", "platforms", "person_titles", "generic_openings", "never_units", "lead_words",
                "break_words", "role_leads", "praise_cues", "safe_leads", "directives"):
        data[key] = frozenset(data[key])
    return data


def alternation(words) -> str:
    """A regex alternation of literal words, longest first so the longest one wins."""
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def nlp():
    """A blank Chinese pipeline (character segmenter) with the unit EntityRuler; built once per process."""
    import spacy

    pipeline = spacy.blank("zh")
    ruler = pipeline.add_pipe("future_entity_ruler", config={"phrase_matcher_attr": "ORTH", "validate": False})
    patterns = [json.loads(line) for line in _data("unit_patterns.jsonl").splitlines() if line.strip()]
    ruler.add_patterns(patterns)
    return pipeline
