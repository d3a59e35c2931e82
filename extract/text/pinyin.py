"""Remove the pinyin that mirror sites insert after characters (訪問(wèn) → 訪問), keeping real parentheses."""
from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from ..re_compat import re_compile
from .edits import Edit, new_edit

TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_TONED = frozenset(TONED)
SYLLABLE = rf"[a-zü{TONED}]{{1,6}}"
_TONE_MARKS = dict.fromkeys(map(ord, "\u0300\u0301\u0304\u030c"))
# A character, then one syllable in parentheses; after a mojibake repair the '(' may be lost.
_ANNOTATION = re_compile(rf"([\p{{Han}}\ufffd])(\(?)({SYLLABLE})\)")
# A syllable's last letter and ')': no annotation can end anywhere else, so a text without one is not
# scanned. The pattern opens with the ')', which re skips ahead to, and looks behind for the letter.
_CLOSING = re.compile(rf"\)(?<=[a-zü{TONED}]\))")
# An annotation without its character. No tail holds a Han character, so none hides an _ANNOTATION
# match: those are exactly the tails after a Han character or U+FFFD. re finds tails in a third of
# the time regex takes to find whole annotations. \(?{SYLLABLE}\) written to open with the set of its
# first characters, which re skips ahead to: a '(' then one to six letters, or a letter then up to five.
_TAIL = re.compile(rf"[(a-zü{TONED}](?:(?<=\()[a-zü{TONED}]{{1,6}}|(?<!\()[a-zü{TONED}]{{0,5}})\)")
# Tone-less syllables are believed only in a file that has this many toned annotations, or this many
# tone-less ones that each read their character (a simplified page annotated without tones: 发(fa)布时(shi)).
_TONELESS_QUORUM = 3


@cache
def syllables() -> frozenset[str]:
    """The legal tone-less syllables, shipped as data so the check does not depend on a guess."""
    package = resources.files(__package__.rpartition(".")[0])  # tongbao, or extract from a checkout
    lines = package.joinpath("data", "pinyin_syllables.txt").read_text("utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=4096)  # a few hundred syllables exist; mirror pages repeat them
def strip_tone(syllable: str) -> str:
    """`yīng` → `ying` (ü stays), to look a syllable up in the tone-less list."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", syllable).translate(_TONE_MARKS))


def has_tone(syllable: str) -> bool:
    """Mirrors write tone marks; a bare syllable may be a real word in parentheses."""
    return not _TONED.isdisjoint(syllable)


@cache
def _character_table() -> dict[str, str]:
    """pypinyin's readings of each character by code point ("20013" → "zhōng,zhòng"), read from its data
    file: importing pypinyin would also load its 45 MB phrase dictionary, which no single character uses."""
    package = importlib.util.find_spec("pypinyin").submodule_search_locations[0]  # found, not imported
    return json.loads(Path(package, "pinyin_dict.json").read_text("utf-8"))


@cache
def readings(char: str) -> frozenset[str]:
    """Every reading pypinyin knows for `char` (heteronyms too), with tone marks; empty when unknown."""
    found = _character_table().get(str(ord(char)))
    return frozenset(found.split(",")) if found else frozenset()


@cache
def bare_readings(char: str) -> frozenset[str]:
    """readings(char) without tone marks, to look a tone-less syllable up."""
    return frozenset(map(strip_tone, readings(char)))


def reads(char: str, syllable: str, lenient: bool) -> bool:
    """True when `syllable` is a reading of `char`; `lenient` answers for characters pypinyin lacks."""
    known = readings(char)
    if not known:
        return lenient
    return syllable in (known if has_tone(syllable) else bare_readings(char))


# What one annotation contributes: a delete now, a delete once the file has a quorum, or nothing.
_DELETE, _IF_QUORUM, _KEEP = "delete", "if quorum", "keep"


@lru_cache(maxsize=4096)  # mirror pages annotate the same few hundred characters over and over
def _verdict(annotation: str) -> tuple[bool, str]:
    """For a _TAIL match and the character before it: (a toned annotation with its '(', to count
    towards the quorum; what to do with it)."""
    found = _ANNOTATION.fullmatch(annotation)
    if not found or strip_tone(found[3]) not in syllables():
        return False, _KEEP
    char, opened, syllable = found.groups()
    if has_tone(syllable):
        # Without its '(' only a known reading (or a character a repair could not restore) convinces; with it,
        # a reading in another tone does too (績(jì): the mirror's dictionary and pypinyin's differ).
        deleted = char == "\ufffd" or reads(char, syllable, bool(opened)) \
            or (bool(opened) and strip_tone(syllable) in bare_readings(char))
        return bool(opened), _DELETE if deleted else _KEEP
    return False, _IF_QUORUM if opened else _KEEP


def _toneless_reads(annotation: str) -> bool:
    """Whether an annotation _verdict left to the quorum is a reading of its character."""
    char, _, syllable = _ANNOTATION.fullmatch(annotation).groups()
    return char == "\ufffd" or reads(char, syllable, True)


def find_pinyin_annotations(text: str) -> list[Edit]:
    """Edits deleting each annotation with its parentheses, so the text reads as the page meant it. An
    annotation printed twice (和(he)(he)) is judged, and deleted, as one."""
    if ")" not in text or not _CLOSING.search(text):
        return []
    edits, toneless, toned_and_opened = [], [], 0
    previous_end, previous = -1, ""
    for tail in _TAIL.finditer(text):
        start, end = tail.span()
        if start == previous_end and text[start:end] == previous[1:]:
            annotation = previous  # the repeat of the annotation just before it
        else:
            annotation = text[max(start - 1, 0) : end]  # at 0 the tail alone, which is no annotation
        counted, verdict = _verdict(annotation)
        toned_and_opened += counted
        if verdict == _DELETE:
            edits.append(new_edit((start, end, "", "pinyin")))
        elif verdict == _IF_QUORUM:
            toneless.append((start, end, annotation))
        previous_end, previous = end, annotation
    if len(toneless) >= _TONELESS_QUORUM or (toneless and toned_and_opened >= _TONELESS_QUORUM):
        # Checked only when a quorum may be met: a reading loads pypinyin's character table, which most files never need.
        reading = [(start, end) for start, end, annotation in toneless if _toneless_reads(annotation)]
        if toned_and_opened >= _TONELESS_QUORUM or len({text[s:e] for s, e in reading}) >= _TONELESS_QUORUM:
            edits += [Edit(start, end, "", "pinyin") for start, end in reading]
            edits.sort()
    return edits
