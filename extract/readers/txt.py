"""Plain-text notices: pick the decoding a Chinese reader would find plausible, keep the text as is."""
from __future__ import annotations

import codecs

from ..errors import EmptyInput, UnreadableEncoding
from ..model import Block, ReadResult
from ._cjk import common_chars
from .furniture import drop_text_furniture

SAMPLE_CHARS = 200_000  # scoring a prefix is enough to tell encodings apart
MIN_SCORE = 0.2  # below this no decoding reads as text
MAX_LOSSY, MAX_LOSSY_SHARE = 8, 0.005  # a lossy decoding is accepted only for a few damaged bytes

_CJK_PUNCT = set("\u2018\u2019\u201c\u201d\u2014\u2026\u00b7\u3000")


def _char_score(ch: str, common: frozenset[str]) -> float:
    """How much one non-ASCII character speaks for the decoding that produced it."""
    o = ord(ch)
    if ch in common or ch in _CJK_PUNCT:
        return 1.0
    if 0x4E00 <= o <= 0x9FFF:
        return -0.5  # a real ideograph, but a rare one
    if 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF5E or 0xFE30 <= o <= 0xFE4F:
        return 1.0
    if o == 0xFFFD or o <= 0x9F:
        return -4.0
    if 0xE000 <= o <= 0xF8FF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF or o >= 0x20000:
        return -2.0
    if o <= 0x24F or 0x2000 <= o <= 0x218F or 0x2460 <= o <= 0x24FF or 0xFF61 <= o <= 0xFFEF:
        return 0.3
    return -1.0  # kana, hangul, Greek, box drawing…: what a wrong CJK decoding produces


def plausibility(text: str) -> float:
    """Mean score of the non-ASCII characters: near 1 for real Chinese, below 0 for mojibake."""
    common = common_chars()
    total, count = 0.0, 0
    for ch in text[:SAMPLE_CHARS]:
        if ch < "\x80":
            if ch < " " and ch not in "\t\n\r\f\v":
                total, count = total - 4.0, count + 1
            continue
        total, count = total + _char_score(ch, common), count + 1
    return total / count if count else 1.0


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _utf16_by_nuls(data: bytes) -> str | None:
    """Which byte of each pair is NUL tells UTF-16 without a BOM (ASCII and newlines give it away)."""
    head = data[:8192]
    if len(data) % 2 or len(head) < 4 or b"\0" not in head:  # no NUL: both counts below are 0
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if max(even, odd) < max(1, len(head) // 20) or min(even, odd) * 10 > max(even, odd):
        return None
    return "utf-16-le" if odd > even else "utf-16-be"


def _first_strict(data: bytes, codecs_: tuple[str, ...]) -> list[tuple[str, str]]:
    """The first codec of a family that decodes, as a one-item candidate list (or none)."""
    for codec in codecs_:
        if (text := _strict(data, codec)) is not None:
            return [(codec, text)]
    return []


def encoding_name(codec: str) -> str:
    """The few names ReadResult.encoding uses for the encodings notices come in."""
    try:
        name = codecs.lookup(codec).name
    except LookupError:
        return codec
    if name in ("gbk", "gb2312", "gb18030", "hz"):
        return "gb18030"
    if name in ("big5", "cp950", "big5hkscs"):
        return "big5"
    if name.startswith("utf-16"):
        return "utf-16"
    return "utf-8" if name == "utf-8" else name


def _normaliser_guess(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:SAMPLE_CHARS]).best()
    except Exception:  # a helper's failure must not hide our own candidates
        return None
    return best.encoding if best else None


def _best(candidates: list[tuple[str, str]]) -> tuple[float, str, str] | None:
    """Highest plausibility wins; on a tie the earlier (more common) encoding does."""
    scored = [(plausibility(text), -i, codec, text) for i, (codec, text) in enumerate(candidates)]
    if not scored:
        return None
    score, _, codec, text = max(scored)
    return score, codec, text


def decode(data: bytes, path: str = "") -> tuple[str, str, list[str]]:
    """Decoded text, normalised encoding name and warnings; UnreadableEncoding if nothing fits."""
    if data.startswith(codecs.BOM_UTF8) and (text := _strict(data, "utf-8-sig")) is not None:
        return text, "utf-8-sig", []
    if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) and (text := _strict(data, "utf-16")) is not None:
        return text, "utf-16", []
    if (codec := _utf16_by_nuls(data)) and (text := _strict(data, codec)) is not None:
        return text, "utf-16", []
    # Valid multi-byte UTF-8 practically never happens by accident, even with mojibake inside.
    if (text := _strict(data, "utf-8")) is not None:
        return text, "utf-8", []

    candidates = _first_strict(data, ("gb18030",)) + _first_strict(data, ("big5", "cp950", "big5hkscs"))
    best = _best(candidates)
    if best and best[0] >= MIN_SCORE:
        return best[2], encoding_name(best[1]), []
    # A damaged download: a few broken sequences in otherwise good text.
    lossy = [(c, data.decode(c, errors="replace")) for c in ("utf-8", "gb18030", "big5")]
    lossy = [(c, t) for c, t in lossy if t.count("\ufffd") <= max(MAX_LOSSY, len(t) * MAX_LOSSY_SHARE)]
    best = _best(lossy)
    if best and best[0] >= MIN_SCORE:
        bad = best[2].count("\ufffd")
        return best[2], encoding_name(best[1]), [f"{bad} undecodable byte sequence(s) replaced by U+FFFD"]
    guess = _normaliser_guess(data)
    if guess and (text := _strict(data, guess)) is not None and plausibility(text) >= MIN_SCORE:
        return text, encoding_name(guess), [f"decoded as {guess}, an encoding unusual for notices"]
    raise UnreadableEncoding(path, "bytes do not decode as UTF-8, UTF-16, GB18030 or Big5 text")


def read_txt(path: str, data: bytes) -> ReadResult:
    """The decoded text as one block, its lines the paragraphs: text() gives it back without a copy.

    A block per line would cost some 200 bytes a line while the text is processed, for nothing.
    """
    text, encoding, warnings = decode(data, path)
    text, dropped = drop_text_furniture(text)
    if not text.strip():
        raise EmptyInput(path, "the text file holds only whitespace" + (" and page furniture" if dropped else ""))
    return ReadResult([Block("paragraph", text)], "txt", encoding, warnings, {"furniture": dropped} if dropped else {})
