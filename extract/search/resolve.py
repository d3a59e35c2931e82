"""From what a person types to the unit names an index holds: script, short forms, abbreviations, regions."""
from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..data import load_yaml
from ..text.convert import t2s

# What a short form leaves off: 三闸 for 三闸镇, 西街 for 西街街道, 青神 for 青神县.
ADMIN_SUFFIXES = ("街道办事处", "街道办", "办事处", "街道", "社区", "苏木", "镇", "乡", "村", "县", "区", "市")
# What notices put before a department's own name: 县, 区政府, 青神县, 甘肃省张掖市.
_REGION_PREFIX = re.compile(r"(?:\w{0,8}?(?:省|自治区|自治州|市|州|盟|县|旗|区))*(?:人民政府|政府)?")
_MAX_PREFIX = 12
_MAX_SPELLINGS = 32

EXACT, VARIANT, CONTAINS = 0, 1, 2


def normalise(text: str) -> str:
    """Simplified script, half-width forms, no spaces: the form the pipeline writes names in."""
    text = t2s().convert(unicodedata.normalize("NFKC", text))
    return "".join(text.split())


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, str]:
    """Short form → full name, from extract/data/abbreviations.yaml."""
    return {normalise(k): normalise(v) for k, v in load_yaml("abbreviations.yaml")["departments"].items()}


@lru_cache(maxsize=1)
def _forms() -> tuple[re.Pattern, dict[str, str], dict[str, tuple[str, ...]]]:
    table = abbreviations()
    to_full = {full: full for full in table.values()} | table
    spellings: dict[str, list[str]] = {}
    for short, full in table.items():
        spellings.setdefault(full, [full]).append(short)
    # Longest first, so 政府办公室 is read as itself and not as 政府办 + 公室.
    pattern = re.compile("|".join(map(re.escape, sorted(to_full, key=len, reverse=True))))
    return pattern, to_full, {full: tuple(s) for full, s in spellings.items()}


@lru_cache(maxsize=65536)
def canonical(name: str) -> str:
    """Every department abbreviation spelled out in full, so 县发改局 and 县发展和改革局 compare equal."""
    pattern, to_full, _ = _forms()
    return pattern.sub(lambda m: to_full[m[0]], normalise(name))


def spellings(canonical_name: str) -> list[str]:
    """Every way of writing a canonical name with or without its abbreviations."""
    pattern, _, forms = _forms()
    parts, last = [], 0
    for match in pattern.finditer(canonical_name):
        parts += [(canonical_name[last:match.start()],), forms.get(match[0], (match[0],))]
        last = match.end()
    parts.append((canonical_name[last:],))
    combos = itertools.islice(itertools.product(*parts), _MAX_SPELLINGS)
    return list(dict.fromkeys("".join(c) for c in combos))


def split_suffix(name: str) -> tuple[str, str | None]:
    """三闸镇 → (三闸, 镇); a name too short to lose its suffix stays whole."""
    for suffix in ADMIN_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)], suffix
    return name, None


def region_core(region: str | None) -> str | None:
    """甘州区 → 甘州, so a region matches however an issuer or unit name writes it."""
    if not region or not normalise(region):
        return None
    return split_suffix(normalise(region))[0]


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed unit query: its normalised text, canonical core and administrative suffix."""

    text: str
    canonical: str
    core: str
    suffix: str | None

    @property
    def fragments(self) -> list[str]:
        """Substrings one of which any matching name must contain (for the store's prefilter)."""
        return list(dict.fromkeys([*spellings(self.core), self.text]))


def parse(query: str) -> Query | None:
    """None for a query with nothing to look up."""
    text = normalise(query)
    if not text:
        return None
    canon = canonical(text)
    core, suffix = split_suffix(canon)
    return Query(text, canon, core, suffix)


def rank(name: str, query: Query, *, loose: bool = False) -> int | None:
    """How well a unit name answers a query: EXACT, VARIANT (short form, abbreviation, region prefix), or None.

    With `loose` (suggestions while typing) a name merely containing the query ranks CONTAINS.
    """
    canon = canonical(name)
    if canon == query.canonical:
        return EXACT
    for cut in range(min(len(canon), _MAX_PREFIX) + 1):
        prefix, rest = canon[:cut], canon[cut:]
        if cut and not _REGION_PREFIX.fullmatch(prefix):
            continue
        core, suffix = split_suffix(rest)
        if core == query.core and (query.suffix is None or suffix is None or suffix == query.suffix):
            return VARIANT
    if loose and (query.text in normalise(name) or query.canonical in canon):
        return CONTAINS
    return None


def resolve_units(store, query: str, *, loose: bool = False) -> list[str]:
    """Unit names in the store that a query means, best match first."""
    parsed = parse(query)
    if parsed is None:
        return []
    best: dict[str, int] = {}
    for spelling, unit in store.names_containing(parsed.fragments):
        score = rank(spelling, parsed, loose=loose)
        if score is not None:
            best[unit] = min(score, best.get(unit, score))
    return sorted(best, key=lambda unit: (best[unit], len(unit), unit))

