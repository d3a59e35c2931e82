"""Undo GBK byte slips: a byte lost as '?' shifts what follows by one byte until decoding resynchronises."""
from __future__ import annotations

import math
import operator
import re
from collections import Counter
from functools import cache, lru_cache

from .convert import t2s
from .edits import Edit
from .lexicon import MIN_WORD, jieba_dictionary, load as load_lexicon
from .pinyin import SYLLABLE, has_tone, reads, strip_tone, syllables

# The scraper narrowed these after decoding; inside a shifted run they were full-width.
_WIDE = str.maketrans(",:;()!", "，：；（）！")
_SHIFTED = r"[,:;()!\u0080-\u20ab\u20ad-\ufffc\ufffe-\U0010ffff]"
# '?' stands for the lost byte. Either characters decoded one byte off up to the byte that
# resynchronised (an ASCII trail byte, '€' for 0x80 alone, '?' for a trail swallowed with the next
# byte), or the lead byte of a character lost with the '(' of an annotation the mirror put inside
# the character, whose trail byte follows the annotation: 表?yè)P(yáng) is 表揚(yáng).
_LOST = re.compile(
    rf"\?(?:(?P<body>{_SHIFTED}++)(?=(?P<end>[\x40-\x7e?€]))|(?P<syl>{SYLLABLE})\)(?P<trail>[\x40-\x7e?]))"
)
_ANNOTATION = re.compile(rf"\(?({SYLLABLE})\)")
# What GBK read one byte off looks like: box drawing, bopomofo, user-defined area, small forms.
_ODD = re.compile("[\u2500-\u259f\u3100-\u312f\ue000-\uf8ff\ufe50-\ufe6f€\ufffd]")
# How often marks occur on jieba's scale, where 的 (4% of the characters of a text) has 318825.
_PUNCT = {"，": 500_000, "。": 300_000, "、": 100_000, "“": 80_000, "”": 80_000, "　": 50_000, "（": 50_000,
          "）": 50_000, "：": 50_000, "；": 20_000, "《": 20_000, "》": 20_000,
          "〔": 5_000, "〕": 5_000, "【": 5_000, "】": 5_000, "！": 5_000, "？": 5_000, "—": 5_000, "…": 5_000}
_MARGIN = 4.0  # per-character log gain a repair must show: shifted runs gain 4 to 8, text read right under 3.5
_SURE = math.log(10)  # how much likelier the chosen character must make its context than the next
_CONTEXT = 3
_FEW = 4  # candidates scored one by one: sorting out which to skip costs more


@cache
def _lexicon() -> tuple[dict[str, int], Counter[str], float]:
    """jieba's word frequencies, character frequencies summed over the words, and their total."""
    return load_lexicon(jieba_dictionary())


def lexicon_words() -> dict[str, int]:
    """jieba's words (frequency at least MIN_WORD), loaded once: other repairs ask whether a string is one."""
    return _lexicon()[0]


@lru_cache(maxsize=8192)  # the same characters and short contexts are judged over and over
def _simple(s: str) -> str:
    """jieba's dictionary is simplified; keep the length so positions still line up."""
    converted = t2s().convert(s)
    return converted if len(converted) == len(s) else s


def _log_freq(ch: str) -> float:
    if ch in _PUNCT:
        return math.log(_PUNCT[ch])
    return 0.0 if ch.isascii() else math.log1p(_lexicon()[1][_simple(ch)])


def _plausibility(s: str) -> float:
    return sum(map(_log_freq, s)) / max(len(s), 1)


def _gain(old: str, new: str) -> float:
    """How much more natural `new` reads, per character: by character frequency or by words formed."""
    return max(_plausibility(new) - _plausibility(old), _fluency(new) / len(new) - _fluency(old) / len(old))


def _fluency(s: str) -> float:
    """Log-probability of the best segmentation of `s` into jieba words, as jieba itself scores it."""
    return _segmented(_simple(s))


def _segmented(s: str) -> float:
    """_fluency of text already simplified."""
    words, _, total = _lexicon()
    log, n = math.log, len(s)
    best = [0.0] + [-math.inf] * n
    for i in range(n):
        here = best[i]
        # the character alone, then the words of two to four characters from it
        freq = _char_freq(s[i])
        if freq and (score := here + log(freq / total)) > best[i + 1]:
            best[i + 1] = score
        for j in range(i + 2, min(n, i + 4) + 1):
            freq = words.get(s[i:j], 0)
            if freq >= MIN_WORD:
                score = here + log(freq / total)
                if score > best[j]:
                    best[j] = score
    return best[-1]


def _char_freq(ch: str) -> int:
    """A one-character word's frequency: marks and ASCII on a fixed scale, the rest as jieba counts it."""
    return _PUNCT.get(ch) or (100_000 if ch.isascii() else _lexicon()[0].get(ch, 1))


def _choose(candidates, left: str, right: str) -> str | None:
    """The candidate that reads best between its neighbours; None when a guess would be a coin toss."""
    scored = _best_two(candidates, left, right)
    if scored and (len(scored) == 1 or scored[0][0] - scored[1][0] >= _SURE):
        return scored[0][1]
    return None


def _best_two(candidates, left: str, right: str) -> list[tuple[float, str]]:
    """sorted(((_fluency(left + c + right), c) for c in candidates), reverse=True)[:2], scoring few.

    A candidate that forms no word with its neighbours scores the best segmentation of `left`, plus
    its own log-frequency, carried through the words of `right`: a score that never falls as its
    frequency rises. Those candidates are scored most frequent first, until one falls below the
    second best.
    """
    words, k = _lexicon()[0], len(left)
    texts = [(_simple(left + c + right), c) for c in candidates]
    if len(texts) <= _FEW:
        return sorted(((_segmented(s), c) for s, c in texts), reverse=True)[:2]
    head, tail = texts[0][0][:k], texts[0][0][k + 1 :]
    shape = k + 1 + len(tail)
    # Every word of two to four characters through position k, as (characters before, after).
    around = [(head[i:], tail[:m]) for i in range(max(0, k - 3), k + 1) for m in range(len(tail) + 1)
              if 0 < k - i + m <= 3]
    middles = {s[k] for s, _ in texts if len(s) == shape}
    wordy = {x for a, b in around for x in middles if a + x + b in words}
    best, plain = [], []
    for s, c in texts:
        if len(s) == shape and s.startswith(head) and s.endswith(tail) and s[k] not in wordy:
            plain.append((_char_freq(s[k]), s, c))
        else:
            best.append((_segmented(s), c))
    best = sorted(best, reverse=True)[:2]
    for _, s, c in sorted(plain, key=operator.itemgetter(0), reverse=True):
        scored = (_segmented(s), c)
        if len(best) == 2 and scored[0] < best[1][0]:
            break
        best = sorted(best + [scored], reverse=True)[:2]
    return best


def _encode(s: str) -> bytes | None:
    """The bytes the scraper read; PUA characters map back to GBK's user-defined pairs. None if not all pairs."""
    out = bytearray()
    for ch in s:
        raw = ch.encode("gb18030", errors="ignore")
        if len(raw) != 2:
            return None
        out += raw
    return bytes(out)


def _decode(raw: bytes, codec: str = "gb18030") -> str | None:
    """The bytes read by `codec`, or None where it reads no character (GBK reads no user-defined pair; gb18030
    reads it as a private-use character)."""
    try:
        return raw.decode(codec)
    except UnicodeDecodeError:
        return None


@cache
def _chars(lead: int | None = None, trail: int | None = None) -> tuple[str, ...]:
    """The characters a partly known byte pair can stand for."""
    leads = [lead] if lead is not None else range(0x81, 0xFF)
    trails = [trail] if trail is not None else [t for t in range(0x40, 0xFF) if t != 0x7F]
    found = (_decode(bytes((a, b))) for a in leads for b in trails)
    return tuple(ch for ch in found if ch and len(ch) == 1 and not _ODD.match(ch))


@cache
def _completing(trail: int) -> tuple[tuple[int, str], ...]:
    """(x, character) for each byte x from 0x81 up that makes a character with `trail` before it."""
    return tuple((x, c) for x in range(0x81, 0xFF) for c in _chars(trail, x))


def _resolve(candidates, left: str, text: str, after: int) -> str | None:
    """The one candidate that the pinyin annotation at `after` allows; context only parts heteronyms."""
    note = _ANNOTATION.match(text, after)
    if not note or strip_tone(note[1]) not in syllables():
        return candidates[0] if len(candidates) == 1 else None
    candidates = [c for c in candidates if reads(c, note[1], lenient=False)]
    return _choose(candidates, left, text[note.end() : note.end() + _CONTEXT])  # heteronyms: 加強, not 加彊


def _lost_char(start: int, end: int, found: str | None, why: str) -> tuple[Edit, list[str]]:
    if found:
        return Edit(start, end, found, "mojibake_partial"), []
    warning = f"mojibake at offset {start}: lost character ({why}) not identified"
    return Edit(start, end, "\ufffd", "mojibake_unresolved"), [warning]


def _confirmed(text: str, after: int, decoded: str) -> bool:
    """The mirror annotated the character the resynchronising byte completes: ?,F(xiàn) is 。現."""
    note = _ANNOTATION.match(text, after)
    return bool(note and note[0][0] == "(" and reads(decoded[-1], note[1], lenient=False))


def _run(text: str, m: re.Match) -> tuple[list[Edit], list[str]] | None:
    """Re-decode a shifted run after each possible lost byte; keep it only if clearly better."""
    body, end = m["body"].translate(_WIDE), m["end"]
    raw = _encode(body)
    # Read one byte off, every character ends in the lead byte of the next real one.
    if raw is None or min(raw[1::2]) < 0x81:
        return None
    tail = raw[1:-1] if end == "?" else raw[1:] + (b"\x80" if end == "€" else end.encode())
    rest = _decode(tail)
    if end == "?" and rest is not None and (heading := _lost_heading_mark(text, m, raw, rest)):
        return heading
    if end != "?" and rest and (heading := _dropped_heading_mark(text, m, rest)):
        return heading
    if not rest or _ODD.search(rest):
        return None
    at = m.end("body")
    if not (_confirmed(text, at + 1, rest) or _gain(body, rest) >= _MARGIN):
        return None
    left = text[max(0, m.start() - _CONTEXT) : m.start()]
    firsts = _chars(trail=raw[0])
    if (not left or left[-1] in "\n\t \u3000") and "\u3000" in firsts:
        first = "\u3000"  # the usual first character of an indented line
    else:
        first = _choose(firsts, left, rest[:_CONTEXT])
    stop = at if end == "?" else at + 1
    if first:
        edits, warnings = [Edit(m.start(), stop, first + rest, "mojibake")], []
    else:
        edit, warnings = _lost_char(m.start(), m.start() + 1, None, f"trail byte {raw[0]:#04x}")
        edits = [edit, Edit(m.start() + 1, stop, rest, "mojibake")]
    if end != "?":
        return edits, warnings
    found = _resolve(_chars(lead=raw[-1]), (left + (first or "?") + rest)[-_CONTEXT:], text, at + 1)
    edit, more = _lost_char(at, at + 1, found, f"lead byte {raw[-1]:#04x}")
    return edits + [edit], warnings + more


def _lost_heading_mark(text: str, m: re.Match, raw: bytes, rest: str) -> tuple[list[Edit], list[str]] | None:
    """A heading's numeral or its 、 lost at an indented line's start, where the resynchronised text holds too
    little to be scored. Read one byte back the run is the indent, then either the lead byte of a numeral whose
    trail byte was swallowed before 、 or a closing bracket (?　《?、存在问题: B6 → 二, when only one numeral opens
    with it; ?　。ǘ?）: （二）), or the numeral and the lead byte of its 、 (?　∫弧?考核结果: 一, then A1 → 、)."""
    at = m.end("body")
    if not _opens_line(text, m) or "\u3000" not in _chars(trail=raw[0]):
        return None
    words = rest.lstrip("\u3000")
    indent = _indent(rest, words)
    if words in ("", "（") and text.startswith(("、", "）", ")") if words else "、", at + 1):
        numerals = [c for c in _chars(lead=raw[-1]) if c in _NUMERALS]  # (（二）: 。ǘ?）, the same in brackets)
        mark = words + numerals[0] if len(numerals) == 1 else None
    elif len(words) == 1 and words in _NUMERALS and raw[-1] == 0xA1:
        mark = words + "、"
    else:
        return None
    return ([Edit(m.start(), at + 1, indent + mark, "mojibake")], []) if mark else None


_NUMERALS = "一二三四五六七八九十"


def _opens_line(text: str, m: re.Match) -> bool:
    """Whether the shifted run stands at its line's start, after the line's indent at most (a heading's place)."""
    return not text[text.rfind("\n", 0, m.start()) + 1:m.start()].strip(" \t\u3000")


def _indent(rest: str, words: str) -> str:
    """The line's indent: the spaces the re-decoded run opens with, and the one its lost byte was part of."""
    return "\u3000" * (len(rest) - len(words) + 1)


def _dropped_heading_mark(text: str, m: re.Match, rest: str) -> tuple[list[Edit], list[str]] | None:
    """A heading's numeral and 、 whose middle bytes the scraper dropped as one invalid pair (二、 is B6 FE A1 A2;
    read one byte late, FE A1 is a user-defined pair, a private-use character the page lost, so B6 meets A2:
    ?　《⒅攸c內容 is 　　二、重點內容). The re-decoded line then opens with the numeral's lead byte and 、's trail
    byte; it is put back when exactly one numeral opens with that lead byte and its trail byte, before 、's lead,
    makes the pair a decoder drops."""
    at = m.end("body")
    if not _opens_line(text, m):
        return None
    words = rest.lstrip("\u3000")
    first = _encode(words[:1]) if words else None
    if first is None or len(first) != 2 or first[1] != _PAUSE[1]:
        return None
    numerals = [c for c in _NUMERALS
                if _encode(c)[0] == first[0] and _decode(bytes((_encode(c)[1], _PAUSE[0])), "gbk") is None]
    if len(numerals) != 1:
        return None
    return [Edit(m.start(), at + 1, _indent(rest, words) + numerals[0] + "、" + words[1:], "mojibake")], []


_PAUSE = "、".encode("gbk")


def _split(text: str, m: re.Match) -> tuple[list[Edit], list[str]] | None:
    """表?yè)P(yáng): the lost lead byte is one that, after the trail byte of 表, reads yè."""
    syllable, trail = m["syl"], m["trail"]
    prev = _encode(text[m.start() - 1 : m.start()]) if m.start() else None
    if not prev or not has_tone(syllable) or strip_tone(syllable) not in syllables():
        return None
    leads = [x for x, c in _completing(prev[1]) if reads(c, syllable, False)]
    if not leads:
        return None
    candidates = [c for x in leads for c in _chars(x, None if trail == "?" else ord(trail))]
    left = text[max(0, m.start() - _CONTEXT) : m.start()]
    found = _resolve(candidates, left, text, m.end())
    edit, warnings = _lost_char(m.start(), m.end(), found, f"lead byte {', '.join(map(hex, leads))}")
    return [edit], warnings


def find_mojibake(text: str) -> tuple[list[Edit], list[str]]:
    """Repairs for every shifted run, and a warning for each character that stays lost, so it can be reviewed."""
    edits: list[Edit] = []
    warnings: list[str] = []
    if "?" not in text:
        return edits, warnings
    pos = 0
    while m := _LOST.search(text, pos):
        found = _run(text, m) if m["body"] else _split(text, m)
        if found is None:
            pos = m.start() + 1
            continue
        edits += found[0]
        warnings += found[1]
        pos = found[0][-1].end
    return edits, warnings
