"""Chinese numerals to integers: section numbers, dates written as 二〇二一年, counts like 一千二百."""
from __future__ import annotations

from functools import lru_cache

DIGITS = {"零": 0, "〇": 0, "○": 0, "Ｏ": 0, "O": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2,
          "三": 3, "叁": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7,
          "八": 8, "捌": 8, "九": 9, "玖": 9}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)


@lru_cache(maxsize=4096)  # the same few numerals (一, 二, 十二) recur across headings, dates and counts
def chinese_to_int(text: str) -> int | None:
    """一百二十三 → 123, 十五 → 15, 二〇二一 → 2021 (digit by digit); None when not a numeral."""
    if not text or any(ch not in NUMERAL_CHARS and not ch.isdigit() for ch in text):
        return None
    if text.isdigit():
        return int(text)
    if not any(ch in SMALL_UNITS or ch in BIG_UNITS for ch in text):
        return int("".join(str(DIGITS[ch]) for ch in text))
    total, section, digit = 0, 0, None
    for ch in text:
        if ch.isdigit():
            digit = (digit or 0) * 10 + int(ch)
        elif ch in DIGITS:
            digit = DIGITS[ch]
        elif ch in SMALL_UNITS:
            section += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit = None
        else:
            section += digit or 0
            total = (total + (section or 1)) * BIG_UNITS[ch] if ch == "亿" else total + (section or 1) * BIG_UNITS[ch]
            section, digit = 0, None
    return total + section + (digit or 0)
