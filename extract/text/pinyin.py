"""Remove the pinyin that mirror sites insert after characters (訪問(wèn) → 訪問), keeping real parentheses."""
from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from importlib import resources

import regex

from .edits import Edit

TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
SYLLABLE = rf"[a-zü{TONED}]{{1,6}}"
_TONE_MARKS = dict.fromkeys(map(ord, "\u0300\u0301\u0304\u030c"))
# A character, then one syllable in parentheses; after a mojibake repair the '(' may be lost.
_ANNOTATION = regex.compile(rf"([\p{{Han}}\ufffd])(\(?)({SYLLABLE})\)")
# Tone-less syllables are believed only in a file that already has this many toned annotations.
_TONELESS_QUORUM = 3


@cache
def syllables() -> frozenset[str]:
    """The legal tone-less syllables, shipped as data so the check does not depend on a guess."""
    lines = resources.files("extract.data").joinpath("pinyin_syllables.txt").read_text("utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=4096)  # a few hundred syllables exist; mirror pages repeat them
def strip_tone(syllable: str) -> str:
    """`yīng` → `ying` (ü stays), to look a syllable up in the tone-less list."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", syllable).translate(_TONE_MARKS))


def has_tone(syllable: str) -> bool:
    """Mirrors write tone marks; a bare syllable may be a real word in parentheses."""
    return any(ch in TONED for ch in syllable)


@cache
def readings(char: str) -> frozenset[str]:
    """Every reading pypinyin knows for `char` (heteronyms too), with tone marks; empty when unknown."""
    from pypinyin import Style, pinyin  # 55 MB of tables: loaded only when an annotation is seen

    found = pinyin(char, style=Style.TONE, heteronym=True)[0]
    return frozenset() if found == [char] else frozenset(found)


def reads(char: str, syllable: str, lenient: bool) -> bool:
    """True when `syllable` is a reading of `char`; `lenient` answers for characters pypinyin lacks."""
    known = readings(char)
    if not known:
        return lenient
    if has_tone(syllable):
        return syllable in known
    return syllable in {strip_tone(r) for r in known}


def find_pinyin_annotations(text: str) -> list[Edit]:
    """Edits deleting each annotation with its parentheses, so the text reads as the page meant it."""
    if ")" not in text:
        return []
    found = [m for m in _ANNOTATION.finditer(text) if strip_tone(m[3]) in syllables()]
    toned = sum(1 for m in found if m[2] and has_tone(m[3]))
    edits = []
    for m in found:
        char, opened, syllable = m.groups()
        if not (has_tone(syllable) or (opened and toned >= _TONELESS_QUORUM)):
            continue
        # Without its '(' only a known reading (or a character a repair could not restore) convinces.
        if char == "\ufffd" or reads(char, syllable, lenient=bool(opened)):
            edits.append(Edit(m.start(2), m.end(), "", "pinyin"))
    return edits
