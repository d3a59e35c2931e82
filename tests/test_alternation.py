"""alternation() groups words under their first character; it matches what the flat alternation matches."""
from __future__ import annotations

import re

import regex
from hypothesis import given, settings, strategies as st

from extract.findings.vocabulary import alternation, longest_first

PROPERTY = settings(max_examples=300, deadline=None, derandomize=True)
WORD = st.text(alphabet="县市局财政公安a.|", min_size=1, max_size=4)
TEXT = st.text(alphabet="县市局财政公安a.|x", max_size=30)


def flat(words) -> str:
    return "|".join(regex.escape(w) for w in longest_first(words))


@PROPERTY
@given(st.lists(WORD, min_size=1, max_size=12), TEXT)
def test_factored_matches_as_flat(words, text):
    for module in (re, regex):
        ours, theirs = module.compile(alternation(words)), module.compile(flat(words))
        assert [m.span() for m in ours.finditer(text)] == [m.span() for m in theirs.finditer(text)]
        # with more pattern after it, backtracking tries the same words in the same order
        ours, theirs = module.compile(f"(?:{alternation(words)})x"), module.compile(f"(?:{flat(words)})x")
        assert [m.span() for m in ours.finditer(text)] == [m.span() for m in theirs.finditer(text)]


def test_factored_form():
    assert alternation(["县财政局", "县公安局", "市", "县"]) == "县(?:公安局|财政局|)|市"  # equal lengths in code point order
