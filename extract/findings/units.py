"""Named units (townships, departments, accounts…) that a notice inspects, ranks, praises or criticises.

The second stage of one flow: mentions (mentions.py for prose, quotes and lists; units_tables.py for
table columns) → units, here: bare and short names resolved within the notice, accounts merged into
their owners, one Unit per name with its aliases and mentions → problems (problems.py).
"""
from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..data import load_yaml
from ..memory import LONG_TEXT
from ..re_compat import re_compile
from ..structure.genre import ANNUAL_REPORT
from .gazetteer import LEVELS, occurring
from .mentions import addressed_mentions, line_mentions, speaks_of_accounts, text_mentions
from .units_tables import table_mentions
from .units_text import BY_SPAN, Mention, patterns
from .vocabulary import abbreviated_ending, abbreviations

__all__ = ["Mention", "Unit", "find_units", "link_units"]

_PLACE_ENDING = re_compile(r"街道|社区|苏木|镇|乡|村")

# The types of a body, as against an account or a site.
_BODY_TYPES = frozenset({"department", "township", "subdistrict", "community", "government"})


@dataclass
class Unit:
    """A named unit with every place it is mentioned; to_dict() gives the schema's unit object."""

    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    platform: str | None = None
    owner: str | None = None
    ctx: object = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict:
        spans = sorted({(m.start, m.end) for m in self.mentions})
        mentions = []
        for start, end in spans:
            item = {"start": start, "end": end}
            if self.ctx is not None:
                item["source_start"], item["source_end"] = self.ctx.norm.source_span(start, end)
            mentions.append(item)
        return {"name": self.name, "type": self.type, "platform": self.platform, "owner": self.owner,
                "aliases": list(self.aliases), "mentions": mentions}


def _resolve_bare(text: str, mentions: list[Mention]) -> None:
    """三闸 → 三闸镇 when the full name is written somewhere in the notice; else type from the rest."""
    bare = {m.name for m in mentions if m.bare}
    if not bare:
        return
    full: dict[str, Counter] = {}
    for m in _PLACE_ENDING.finditer(text):
        at = m.start()
        for k in range(2, 7):
            if at >= k and (stem := text[at - k:at]) in bare:
                full.setdefault(stem, Counter())[stem + m.group()] += 1
    types = {"镇": "township", "乡": "township", "苏木": "township", "街道": "subdistrict", "社区": "community",
             "村": "community"}
    resolved: list[str] = []
    for m in mentions:
        if m.bare and m.name in full:
            name = full[m.name].most_common(1)[0][0]
            m.written, m.name, m.bare = m.name, name, False
            m.type = next(t for s, t in types.items() if name.endswith(s))
            resolved.append(m.type)
    fallback = Counter(resolved).most_common(1)[0][0] if resolved else "other"
    for m in mentions:
        if m.bare and m.type == "other":
            m.type = fallback


def _resolve_short(text: str, mentions: list[Mention]) -> None:
    """A department written without its admin prefix (财政局) takes the prefixed form the notice uses,
    and a site named X政府 the X人民政府 the notice writes, when exactly one such form is there."""
    # (only the names that have fuller forms are looked at again: most mentions are of other types)
    forms = {key: found for key in {(m.name, m.type, m.quoted) for m in mentions} if (found := _longer_forms(*key))}
    present = occurring(text, {form for found in forms.values() for form in found})
    fuller = {}
    for key, found in forms.items():
        hits = [form for form in found if form in present]
        if len(hits) == 1:
            fuller[key] = hits[0]
    for m in mentions if fuller else ():
        if name := fuller.get((m.name, m.type, m.quoted)):
            m.written, m.name = m.written or m.name, name


def _resolve_abbreviated(text: str, mentions: list[Mention]) -> None:
    """县住建局 → 县住房和城乡建设局 when the notice writes the full name too: a unit goes by the fuller of the
    names the notice gives it (ANNOTATION.md)."""
    fuller: dict[str, str] = {}
    for m in mentions:
        if m.type == "department" and not m.quoted and m.name not in fuller:
            short = abbreviated_ending(m.name)
            if short is not None:
                fuller[m.name] = m.name[: -len(short)] + abbreviations()[short]
    # (written so, not inside a longer name: 区人社局 is not 澄江区人力资源和社会保障局's short name)
    present = {full for full in occurring(text, set(fuller.values())) if _standing_alone(text, full)} if fuller else set()
    for m in mentions if present else ():
        if (full := fuller.get(m.name)) in present:
            m.written, m.name = m.written or m.name, full


def _standing_alone(text: str, name: str) -> bool:
    """Whether `name` occurs somewhere with no Han character right before it."""
    at = text.find(name)
    while at > 0 and "\u4e00" <= text[at - 1] <= "\u9fff":
        at = text.find(name, at + 1)
    return at >= 0


def _resolve_placeless(mentions: list[Mention]) -> None:
    """县自然资源局 → 某某县自然资源局, 职业中学 → 某某县职业中学 when the notice names exactly one such body
    in full."""
    names = {m.name for m in mentions if m.type in ("department", "other")}
    by_tail: dict[str, list[str]] = {}  # each name under its tails from a level on (县自然资源局) and after it
    for full in names:
        for k in range(1, len(full) - 2):
            if full[k] in LEVELS:
                by_tail.setdefault(full[k:], []).append(full)
                by_tail.setdefault(full[k + 1:], []).append(full)
    fuller = {name: found[0] for name in names if len(name) >= 3 and len(found := by_tail.get(name, [])) == 1}
    for m in mentions:
        if full := fuller.get(m.name):
            m.written, m.name = m.written or m.name, full


def _resolve_aliases(body: str, offset: int, mentions: list[Mention]) -> None:
    """A short name the notice itself defines (甲局(以下简称乙)) is written as the name it stands for."""
    if "称" not in body:
        return
    by_end = {m.end: m.name for m in mentions}
    aliases = {}
    for match in patterns()["alias"].finditer(body):
        if (full := by_end.get(match.start() + offset)) and full != match["short"]:
            aliases[match["short"]] = full
    for m in mentions if aliases else ():
        if full := aliases.get(m.name):
            m.written, m.name = m.written or m.name, full


def _longer_forms(name: str, type_: str, quoted: bool) -> list[str]:
    """The fuller names _resolve_short looks for: 县/市/区/省 + a department, X人民政府 for a site X政府."""
    if type_ == "department" and not quoted:
        return [p + name for p in "县市区省"]
    if type_ == "website" and name.endswith("政府") and not name.endswith("人民政府"):
        return [name[:-2] + "人民政府"]
    return []


def find_units(ctx) -> list[Unit]:
    """Every named unit of the notice, in order of first mention, with its aliases and mentions."""
    accounts = speaks_of_accounts(ctx)
    own_work = ctx.genre == ANNUAL_REPORT  # a body's account of its own work names others only to fault them:
    mentions = text_mentions(ctx, accounts, faults_only=own_work)  # its sentences stating a fault alone name units,
    if own_work:  # and no line, table or addressee of it does
        return _units_of(ctx, mentions) if mentions else []
    if lines := line_mentions(ctx, mentions, accounts):
        # a line that is one account's name: the places and bodies found inside it are part of that name
        spans = sorted((m.start, m.end) for m in lines)
        starts = [a for a, _ in spans]
        mentions = [m for m in mentions if not _inside_line(spans, starts, m)] + lines
    mentions += table_mentions(ctx) + addressed_mentions(ctx)
    return _units_of(ctx, mentions)


def _units_of(ctx, mentions: list[Mention]) -> list[Unit]:
    """The units the mentions name: short forms, aliases and owners resolved, in order of first assessment."""
    # Full names are looked for in the notice, not the page around it (a copy a merged archive can spare).
    body = ctx.text[ctx.body_start: ctx.body_end] if len(ctx.text) < LONG_TEXT else ctx.text
    _resolve_bare(body, mentions)
    _resolve_placeless(mentions)
    _resolve_short(body, mentions)
    _resolve_abbreviated(body, mentions)
    _resolve_aliases(body, ctx.body_start if len(ctx.text) < LONG_TEXT else 0, mentions)
    same_as = {m.name: m.same_as for m in mentions if m.same_as is not None}
    owners = set(same_as.values())
    for m in mentions:
        if m.name in same_as and same_as[m.name] != m.name:
            m.written, m.name = m.written or m.name, same_as[m.name]
        if m.name in owners:  # an account named after its owner is the owner, a body of the owner's type
            m.type, m.platform = m.type if m.type in _BODY_TYPES else "department", None
    units: dict[str, Unit] = {}
    first_evidence: dict[str, int] = {}  # where each unit is first assessed: the order of the units
    for m in mentions:
        if m.evidence and (m.name not in first_evidence or m.start < first_evidence[m.name]):  # (min() costs more)
            first_evidence[m.name] = m.start
    for m in sorted(mentions, key=BY_SPAN):
        if m.name not in first_evidence:
            continue
        unit = units.get(m.name)
        if unit is None:
            unit = units[m.name] = Unit(m.name, m.type, ctx=ctx)
        elif unit.type in ("other",) and m.type != "other":
            unit.type = m.type
        unit.mentions.append(m)
        if m.written and m.written != m.name and m.written not in unit.aliases:
            unit.aliases.append(m.written)
        unit.platform = unit.platform or (m.platform if unit.type == "new_media" else None)
        unit.owner = unit.owner or m.owner
    return sorted(units.values(), key=lambda u: first_evidence[u.name])


def _inside_line(spans: list[tuple[int, int]], starts: list[int], m) -> bool:
    i = bisect.bisect_right(starts, m.start) - 1
    return i >= 0 and m.end <= spans[i][1]


def link_units(ctx, units: list[Unit], items: list[dict]) -> None:
    """Fill each item's "units" with the units assessed in the sentence of its evidence (not a directive)."""
    if not items:
        return
    sentences = ctx.sentences
    starts = [s.start for s in sentences]
    mentions = sorted((m.start, u.name) for u in units for m in u.mentions if m.evidence)
    for item in items:
        evidence = item.get("evidence") or {}
        if "start" not in evidence:
            continue
        i = bisect.bisect_right(starts, evidence["start"]) - 1
        if i < 0 or not sentences[i].start <= evidence["start"] < max(sentences[i].end, sentences[i].start + 1):
            continue
        span = sentences[i]
        low = bisect.bisect_left(mentions, (span.start, ""))
        high = bisect.bisect_left(mentions, (span.end, ""))
        named = mentions[low:high]
        item["units"] = list(dict.fromkeys(name for _, name in named))
