"""re_compile hands re only patterns it reads exactly as regex does."""
from __future__ import annotations

import re

import pytest
import regex
from hypothesis import given, settings, strategies as st

from extract.data import load_yaml
from extract.re_compat import re_compile, translate

PROPERTY = settings(max_examples=300, deadline=None, derandomize=True)


def _every_character() -> str:
    """Every code point once, in order (surrogates included), built a byte lane at a time."""
    n = 0x110000
    lanes = bytearray(4 * n)
    lanes[0::4] = bytes(range(256)) * (n // 256)
    lanes[1::4] = b"".join(bytes([b]) * 256 for b in range(256)) * (n // 65536)
    lanes[2::4] = b"".join(bytes([p]) * 65536 for p in range(17))
    return lanes.decode("utf-32-le", "surrogatepass")


def _ranges(pattern, text: str) -> list[list[int]]:
    return [[m.start(), m.end() - 1] for m in pattern.finditer(text)]


def test_the_class_table_is_the_installed_regex_s():
    """data/unicode_classes.yaml holds exactly regex's \\p{Han} and \\s, and the \\d digits re's \\d lacks."""
    text = _every_character()
    data = load_yaml("unicode_classes.yaml")
    assert data["han"] == _ranges(regex.compile(r"\p{Han}+"), text)
    assert data["space"] == _ranges(regex.compile(r"\s+"), text)
    digits = {i for a, b in _ranges(regex.compile(r"\d+"), text) for i in range(a, b + 1)}
    re_digits = {i for a, b in _ranges(re.compile(r"\d+"), text) for i in range(a, b + 1)}
    extra = {i for a, b in data["digit_extra"] for i in range(a, b + 1)}
    assert re_digits | extra == digits


@pytest.mark.parametrize("pattern", [r"\p{Han}{2}", r"[\p{Han}\d]+", r"[^\s\d]", r"\d{4}年", r"(?m)^\s+$", r"\s*"])
def test_translated_classes_match_every_character_as_regex_does(pattern):
    text = _every_character()
    assert [m.span() for m in re_compile(pattern).finditer(text)] == [m.span() for m in regex.compile(pattern).finditer(text)]


@pytest.mark.parametrize("pattern", [r"\w+", r"\bx", r"\p{L}", r"\S", r"\D", r"[[:alpha:]]", r"(?r)x", r"(?i)x", r"(?x)a b",
                                     r"x{e<=1}", r"(?|a)", r"\L<words>", r"[a--b]", r"(?<n>x)"])
def test_what_reads_differently_is_refused(pattern):
    with pytest.raises((ValueError, re.error)):
        re_compile(pattern)


SAMPLES = [r"(?<![\d.])(?P<n>\d{1,6}(?:\.\d{1,3})?)\s*[—–-]\s*$", r"“([^“”\n]{1,40})”", r"(?<!\p{Han})(?P<n>\p{Han}{2,8}?)(?:局|镇)",
           r"[^,。;]{0,20}?对[^。;]{0,80}?(?:检查|抽查)", r"^[ ]+|[ ]+$", r"(?:等(?:\d{1,6}|[一二三]{1,3})?[个家]?)(?=局)"]
CHARS = st.text(alphabet=st.sampled_from(list("局镇对检查抽个家等一二三 ,。;“”\n.—-0９٣𑱐中文")), max_size=40)


@PROPERTY
@given(CHARS)
def test_re_compile_finds_what_regex_finds(text):
    for pattern in SAMPLES:
        ours, theirs = re_compile(pattern, re.MULTILINE), regex.compile(pattern, regex.MULTILINE)
        assert [(m.span(), m.groups()) for m in ours.finditer(text)] == [(m.span(), m.groups()) for m in theirs.finditer(text)]
        for pos in range(0, len(text) + 1, 3):
            a, b = ours.match(text, pos), theirs.match(text, pos)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))


def test_translation_leaves_shared_syntax_alone():
    assert translate(r"(?:来源|主送)\s*:\s*(?P<x>[^,。]{1,20}、){0,8}$").startswith("(?:来源|主送)[")
    assert translate(r"[\]a]\{x\}") == r"[\]a]\{x\}"
