"""Patterns written for the regex module, compiled by the standard re module where both read them alike.

A call of a compiled re pattern on the short spans the rules read costs about half of what the same call
costs in regex, which also releases and takes back the GIL around each match. re_compile takes a pattern
in the syntax both modules share, with three of regex's classes spelled out as explicit classes of the
same characters (data/unicode_classes.yaml): \\p{Han}, \\s, and \\d, whose Unicode tables in regex are newer
than re's (re's \\d plus the digits it lacks). Anything else either module reads its own way (\\w, \\b,
\\p{...}, nested sets, (?r), (?i), fuzzy counts, variable-width lookbehind…) raises ValueError: such a
pattern stays with regex.
"""
from __future__ import annotations

import re
import warnings
from functools import lru_cache

from .data import load_yaml

__all__ = ["re_compile"]

_FLAGS = re.MULTILINE | re.DOTALL | re.VERBOSE  # flags both modules read alike (inline: m and s)
_SAME_ESCAPES = frozenset("ntrfvxuUAZ0123456789")  # letter and digit escapes both modules read alike
_REPEAT = re.compile(r"\{\d*(?:,\d*)?\}")
_INLINE_FLAGS = re.compile(r"\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?[:)]")
_GROUP_OPENINGS = re.compile(r"\(\?(?:P<|P=|:|=|!|<=|<!|#|>)")


@lru_cache(maxsize=1)
def _classes() -> dict[str, str]:
    """The body of a character class for each class regex reads its own way, by its escape."""
    data = load_yaml("unicode_classes.yaml")

    def ranges(pairs) -> str:
        return "".join(f"\\U{a:08x}" if a == b else f"\\U{a:08x}-\\U{b:08x}" for a, b in pairs)

    return {"p{Han}": ranges(data["han"]), "s": ranges(data["space"]), "d": r"\d" + ranges(data["digit_extra"])}


def translate(pattern: str) -> str:
    """The pattern in re's syntax, reading as regex reads it; ValueError where that cannot be vouched for."""
    classes = _classes()
    out: list[str] = []
    i, n, in_class = 0, len(pattern), False
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            escape = next((k for k in classes if pattern.startswith(k, i + 1)), None)
            if escape is not None:
                out.append(classes[escape] if in_class else f"[{classes[escape]}]")
                i += 1 + len(escape)
                continue
            nxt = pattern[i + 1:i + 2]
            if nxt.isalnum() and nxt not in _SAME_ESCAPES:
                raise ValueError(f"\\{nxt} reads differently in re and regex: {pattern!r}")
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            if ch == "[":
                raise ValueError(f"a nested set or POSIX class: {pattern!r}")
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            opening = re.match(r"\[\^?\]?", pattern[i:]).group()  # a ] right after [ or [^ is a member
            out.append(opening)
            i += len(opening)
            continue
        elif ch == "{":
            repeat = _REPEAT.match(pattern, i)
            if repeat is None:
                raise ValueError(f"a brace that is no repeat count (regex reads fuzzy counts): {pattern!r}")
            out.append(repeat.group())
            i = repeat.end()
            continue
        elif pattern.startswith("(?", i):
            flags = _INLINE_FLAGS.match(pattern, i)
            if flags is not None and not set(flags.group(1) + (flags.group(2) or "")) <= set("ms"):
                raise ValueError(f"inline flags only regex reads, or reads its own way: {pattern!r}")
            if flags is None and not _GROUP_OPENINGS.match(pattern, i):
                raise ValueError(f"a group only regex reads: {pattern!r}")
        out.append(ch)
        i += 1
    return "".join(out)


def re_compile(pattern: str, flags: int = 0) -> re.Pattern:
    """A pattern written for regex, compiled by re; it matches exactly what regex would match."""
    if flags & ~_FLAGS:
        raise ValueError(f"flags re and regex read differently: {flags}")
    if flags & re.VERBOSE and "#" in pattern:
        raise ValueError("a verbose pattern with comments, whose classes cannot be told from its comments")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # re warns where a later version may read a set operation or a nested set
        try:
            return re.compile(translate(pattern), flags)
        except FutureWarning as warning:
            raise ValueError(f"{warning}: {pattern!r}") from None
