"""Character classes shared by the readers, so every format spaces and scores CJK text alike."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).resolve().parent.parent / "data" / "readers_common_chars.txt"

# Han ideographs: Extension A, the unified block, compatibility ideographs, Extensions B and after.
IDEOGRAPHS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
IDEOGRAPH = re.compile(f"[{IDEOGRAPHS}]")
# What Chinese typesetting runs together: the ideographs, radicals, CJK symbols and punctuation, vertical and
# fullwidth forms, and the quotes, dash, ellipsis and middle dot Chinese text takes from Latin.
_CJK_CLASS = (f"[{IDEOGRAPHS}\u2e80-\u2fff\u3000-\u303f\ufe30-\ufe4f\uff00-\uffef"
              "\u2018\u2019\u201c\u201d\u2014\u2026\u00b7]")
CJK_RE = re.compile(_CJK_CLASS)
_SPACE_BETWEEN_CJK = re.compile(f"(?<={_CJK_CLASS})[ \t\u3000\u00a0]+(?={_CJK_CLASS})")


def is_cjk(ch: str) -> bool:
    """True for characters that Chinese typesetting runs together without spaces."""
    return bool(ch) and CJK_RE.match(ch) is not None


def drop_spaces_between_cjk(text: str) -> str:
    """Layout spaces between two CJK characters are artefacts (letter-spaced titles, wrapped source)."""
    return _SPACE_BETWEEN_CJK.sub("", text)


@lru_cache(maxsize=1)
def common_chars() -> frozenset[str]:
    """Frequent simplified and traditional characters: the yardstick for a plausible decoding."""
    lines = _DATA.read_text(encoding="utf-8").splitlines()
    return frozenset("".join(line for line in lines if not line.startswith("#")))


def join_lines(lines) -> str:
    """Lines of one cell as one string: a break between two CJK characters was layout and leaves nothing,
    any other becomes a space (申请人 / 情况 → 申请人情况; Open / Data → Open Data)."""
    text = ""
    for line in lines:
        line = line.strip()
        if line:
            text += (" " if text and not (is_cjk(text[-1]) and is_cjk(line[0])) else "") + line
    return text
