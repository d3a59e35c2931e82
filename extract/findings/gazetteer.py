"""Vocabularies for unit names, loaded once per process: divisions, units.yaml and the spaCy ruler."""
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
    """A blank Chinese pipeline (character segmenter) with the unit EntityRuler; built once per process."""
    import spacy

    pipeline = spacy.blank("zh")
    ruler = pipeline.add_pipe("future_entity_ruler", config={"phrase_matcher_attr": "ORTH", "validate": False})
    patterns = [json.loads(line) for line in _data("unit_patterns.jsonl").splitlines() if line.strip()]
    ruler.add_patterns(patterns)
    return pipeline


@lru_cache(maxsize=1)
def _matcher():
    """The ruler's PhraseMatcher and, per match id, its label, id and spaCy's tie order for equal spans."""
    from spacy.tokens import Doc

    pipeline = nlp()
    ruler = pipeline.get_pipe("future_entity_ruler")
    strings = pipeline.vocab.strings
    # _match_label_id_map is the ruler's own key → label/id map (tests check the spans equal Doc.ents);
    # equal spans with different labels (河北: DIV_SHORT and PROV) are ordered as spaCy sorts Spans.
    labels = {key: (v["label"], v["id"], strings.as_int(v["label"]), strings.as_int(v["id"]))
              for key, v in ruler._match_label_id_map.items()}
    return ruler.phrase_matcher, labels, pipeline.vocab, Doc


def ruler_spans(text: str) -> list[tuple[int, int, str, str]]:
    """The EntityRuler's entities in `text` as sorted (start, end, label, id) character spans.

    Same spans as nlp()(text).ents, from the ruler's PhraseMatcher without building entities, whose
    getter walks every token on each access. With the character segmenter token i is character i,
    except that a space right after a character is that token's trailing whitespace."""
    matcher, labels, vocab, Doc = _matcher()
    if " " in text:
        starts = [i for i, ch in enumerate(text) if ch != " " or i == 0 or text[i - 1].isspace()]
        spaces = [i + 1 < len(text) and text[i + 1] == " " and not text[i].isspace() for i in starts]
        doc = Doc(vocab, words=[text[i] for i in starts], spaces=spaces)
    else:
        starts = None
        doc = Doc(vocab, words=list(text), spaces=[False] * len(text))
    # The ruler's filter: longest first, then leftmost, and a span is kept only if no token is taken.
    matches = sorted(matcher(doc), key=lambda m: (m[1] - m[2], m[1], labels[m[0]][2:]))
    taken = bytearray(len(doc))
    out = []
    for key, start, end in matches:
        if not any(taken[start:end]):
            taken[start:end] = b"\x01" * (end - start)
            label, ident = labels[key][:2]
            if starts is None:
                out.append((start, end, label, ident))
            else:
                out.append((starts[start], starts[end - 1] + 1, label, ident))
    out.sort()
    return out
