"""Named units (townships, departments, accounts…) that a notice inspects, ranks, praises or criticises.

Technique: regex rules over the spans of a spaCy EntityRuler (blank "zh" pipeline, character
segmenter, the SpanRuler-backed `future_entity_ruler`) whose patterns (extract/data/unit_patterns.jsonl)
come from the division gazetteer and the vocabularies of units.yaml. Characters rather than jieba
words: names are cut at their endings (局, 镇, 街道…) and at gazetteer entries, which jieba splits
unpredictably in unknown place names (三闸镇), and loading jieba's dictionary alone costs over a
second. Only sentences a one-pass regex flags as able to hold a name are matched, joined into a few
texts of at most MAX_CHUNK characters. The ruler's spans are computed by gazetteer.ents_of with an
Aho-Corasick automaton over the same pattern file and the ruler's own longest-first filter, so no
spaCy Doc is built per text (tests check the spans equal the ruler's Doc.ents on every bundled line).
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from .gazetteer import Ents, ents_of, occurring, vocab
from .vocabulary import alternation
from .enumerations import Scope, enumerations, government_lists, lists, share_roles, share_sites
from .units_bare import bare_accounts, clause_provinces
from .units_tables import table_mentions
from .units_text import Mention, chains, patterns, quoted

__all__ = ["Mention", "Unit", "find_units", "link_units"]

# Page furniture: words anywhere in a line, or opening it. Two tests rather than one pattern, since an
# anchored branch keeps re from skipping ahead to the words' first characters (four times slower).
_FURNITURE = re.compile(
    r">|您现在的位置|当前位置|来源:|发布时间|发布日期|发布机构|字体|字号|浏览|点击|上一条|下一条|打印|关闭|扫一扫"
    r"|索引号|主题分类|阅读人数")
_FURNITURE_OPENINGS = ("附件", "附:", "抄送", "抄报", "联系人", "联系电话", "主送")
_PROSE = re.compile(r"[,、;:。]")
_PLACE_ENDING = regex.compile(r"街道|社区|苏木|镇|乡|村")
MAX_CHUNK = 2000  # characters per ruler pass, and the longest stretch a sentence is cut into


@lru_cache(maxsize=1)
def _prefilter() -> re.Pattern:
    """Literal words only, so re (faster at them than regex) scans every sentence."""
    v = vocab()
    words = {w for ws in v["suffixes"].values() for w in ws} | set(v["account_words"])
    return re.compile(f"“|等地|个单位|个乡镇|个部门|个地区|新媒体|{alternation(words)}")


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


def _furniture(text: str) -> bool:
    return text.startswith(_FURNITURE_OPENINGS) or bool(_FURNITURE.search(text))


def _skippable(ctx, sentence) -> bool:
    if _furniture(sentence.text):
        return True
    # A short line with no prose punctuation before any section is a title, issuer or header line.
    return sentence.top is None and not _PROSE.search(sentence.text) and len(sentence.text) < 40


def _assessed(sentence) -> bool:
    """Requirements sections direct (…要…); only what they report as done assesses a unit."""
    kinds = {s.kind for s in (sentence.top, sentence.section) if s is not None}
    if "attachments" in kinds:
        return False
    return "requirements" not in kinds or not _directive().search(sentence.text)


@lru_cache(maxsize=1)
def _directive() -> regex.Pattern:
    return regex.compile(alternation(vocab()["directives"]))


@lru_cache(maxsize=1 << 12)
def _self_office(name: str) -> bool:
    """The issuing office's own name (市政府办): a test of a short string, and names recur, so cached."""
    return bool(_self_office_pattern().fullmatch(name))


@lru_cache(maxsize=1)
def _self_office_pattern() -> regex.Pattern:
    return regex.compile(vocab()["self_office"])


_TITLE_FOLLOW = regex.compile(r"$|关于|文件|通报|\d|〔|\[")


def _issuer_lines(ctx) -> list[tuple[str, bool]]:
    """Header lines and the signature line (marked True), where the notice names its own issuer."""
    text = ctx.text
    head_end = min(ctx.body_start or (ctx.sections[0].start if ctx.sections else 0), 400)
    signature = text[ctx.body_end:ctx.body_end + 60].split("\n", 1)[0] if ctx.body_end is not None else ""
    lines = [(line.strip(), False) for line in text[:head_end].split("\n")] + [(signature.strip(), True)]
    return [(line, whole) for line, whole in lines if line and not (whole and _PROSE.search(line))]


def _issuers(lines: list[tuple[str, bool]]) -> set[str]:
    """The issuer: a name opening a header line (区数据局关于…) or making up the signature."""
    names = set()
    for (line, whole), ents in zip(lines, ents_of([line for line, _ in lines])):
        for m in chains(line, 0, len(line), ents, 0):
            if whole or (m.start == 0 and _TITLE_FOLLOW.match(line, m.end)):
                names.add(m.name)
    return names


def _listed(text: str, mention: Mention) -> bool:
    before = text[mention.start - 1:mention.start] if mention.start else ""
    return before == "、" or text[mention.tail_end:mention.tail_end + 1] == "、"


def text_mentions(ctx) -> list[Mention]:
    """Mentions in body sentences, each marked as evidence (assessed here) or not."""
    flag = _prefilter()
    chosen = [(s, a, b) for s in ctx.sentences if flag.search(s.text) and not _skippable(ctx, s)
              for a, b in _chunks(s.text)]
    out: list[Mention] = []
    lines, issuers = _issuer_lines(ctx), None
    header = "\n".join(line for line, _ in lines)  # a name holds no newline: in it iff in one line
    for batch in _batched(chosen):
        stretches = [sentence.text[a:b] for sentence, a, b in batch]
        for (sentence, a, _), text, ents in zip(batch, stretches, ents_of(stretches)):
            found = _stretch(text, sentence.start + a, ents, _scope(ctx.text, sentence))
            assessed = _assessed(sentence) if found else False  # only judged when there is a mention
            for mention in found:
                mention.sentence = (sentence.start, sentence.end)
                mention.evidence = assessed and not mention.role
                if mention.evidence and mention.name in header:
                    issuers = _issuers(lines) if issuers is None else issuers
                    mention.evidence = mention.name not in issuers or _listed(ctx.text, mention)
                if _self_office(mention.name) and not _listed(ctx.text, mention):
                    mention.evidence = False  # the issuing office itself, unless ranked among others
            out += found
    return out


def _scope(text: str, sentence) -> Scope:
    """The heading a sentence stands under, and whether it is a line of its own (a list per line)."""
    section = sentence.section
    heading = section.title if section is not None and section.title_start < sentence.start else None
    line = (sentence.start == 0 or text[sentence.start - 1] == "\n") and text[sentence.end:sentence.end + 1] in ("", "\n")
    return Scope(heading, line)


def _stretch(text: str, offset: int, ents: Ents, scope: Scope | None = None) -> list[Mention]:
    """Every kind of mention in one stretch of a sentence."""
    p = patterns()
    # Each step below is skipped where a character or span it needs is missing: the result is the same.
    books = [m.span() for m in p["book"].finditer(text)] if "《" in text else []
    quotes = [m.span() for m in p["quote"].finditer(text)] if "“" in text else []
    masks = _merge(sorted(books + quotes)) if books or quotes else []
    found = [m for m in quoted(text, ents, offset) if not _inside(m.start - offset, books)] if quotes else []
    places: list[Mention] = []
    if ents.ends:  # every chain ends at a name ending
        cursor = 0
        for start, end in masks + [(len(text), len(text))]:
            if start > cursor:
                found += chains(text, cursor, start, ents, offset, places)
            cursor = max(cursor, end)
    if places:
        found += government_lists(text, offset, places, found)
    found += bare_accounts(text, offset, found, masks)
    found += lists(text, offset, found, masks)
    found += enumerations(text, offset, found, masks, scope)
    if ents.shorts:
        found += clause_provinces(text, offset, ents, found, masks)
    if len(found) > 1:
        share_roles(text, offset, found)
        share_sites(text, offset, found)
    return found


def _batched(chosen):
    """Stretches in groups of at most MAX_CHUNK characters joined by newlines: one ruler pass each."""
    batch, size = [], 0
    for item in chosen:
        _, a, b = item
        if batch and size + b - a + 1 > MAX_CHUNK:
            yield batch
            batch, size = [], 0
        batch.append(item)
        size += b - a + 1
    if batch:
        yield batch


def _chunks(text: str) -> list[tuple[int, int]]:
    """Stretches of at most MAX_CHUNK characters cut at a separator, so a huge sentence is matched piecewise."""
    out, start = [], 0
    while len(text) - start > MAX_CHUNK:
        cut = max(text.rfind(sep, start, start + MAX_CHUNK) for sep in "、,;:")
        cut = cut + 1 if cut > start else start + MAX_CHUNK
        out.append((start, cut))
        start = cut
    out.append((start, len(text)))
    return out


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    i = bisect.bisect_left(spans, (position, position)) - 1
    return i >= 0 and spans[i][0] < position < spans[i][1]


def _resolve_bare(text: str, mentions: list[Mention]) -> None:
    """三闸 → 三闸镇 when the full name is written somewhere in the notice; else type from the rest."""
    bare = {m.name for m in mentions if m.bare}
    if not bare:
        return
    full: dict[str, Counter] = {}
    for m in _PLACE_ENDING.finditer(text):
        for k in range(2, 7):
            stem = text[max(0, m.start() - k):m.start()]
            if len(stem) == k and stem in bare:
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
    forms = {key: _longer_forms(*key) for key in {(m.name, m.type, m.quoted) for m in mentions}}
    present = occurring(text, {form for found in forms.values() for form in found})
    fuller = {}
    for key, found in forms.items():
        hits = [form for form in found if form in present]
        if len(hits) == 1:
            fuller[key] = hits[0]
    for m in mentions:
        if name := fuller.get((m.name, m.type, m.quoted)):
            m.written, m.name = m.written or m.name, name


def _longer_forms(name: str, type_: str, quoted: bool) -> list[str]:
    """The fuller names _resolve_short looks for: 县/市/区/省 + a department, X人民政府 for a site X政府."""
    if type_ == "department" and not quoted:
        return [p + name for p in "县市区省"]
    if type_ == "website" and name.endswith("政府") and not name.endswith("人民政府"):
        return [name[:-2] + "人民政府"]
    return []


def _self_report(ctx) -> bool:
    """An annual report (年度报告) is a body's account of itself: it assesses no other unit. Known by its
    title, or by the standard parts of such a report (主动公开政府信息情况, 依申请公开, 行政复议…) in a text
    that does not call itself a 通报."""
    head = ctx.text[: max(ctx.body_start, 0) + 300]
    if "通报" in head:
        return False
    return "年度报告" in head or sum(cue in ctx.text for cue in vocab()["report_cues"]) >= 2


def find_units(ctx) -> list[Unit]:
    """Every named unit of the notice, in order of first mention, with its aliases and mentions."""
    if _self_report(ctx):
        return []
    mentions = text_mentions(ctx) + table_mentions(ctx)
    _resolve_bare(ctx.text, mentions)
    _resolve_short(ctx.text, mentions)
    same_as = {m.name: m.same_as for m in mentions if m.same_as is not None}
    owners = set(same_as.values())
    for m in mentions:
        if m.name in same_as and same_as[m.name] != m.name:
            m.written, m.name = m.written or m.name, same_as[m.name]
        if m.name in owners:
            m.type, m.platform = "department", None  # an account named after its owner is the owner
    units: dict[str, Unit] = {}
    first_evidence: dict[str, int] = {}  # where each unit is first assessed: the order of the units
    for m in mentions:
        if m.evidence:
            first_evidence[m.name] = min(m.start, first_evidence.get(m.name, m.start))
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
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


def link_units(ctx, units: list[Unit], items: list[dict]) -> None:
    """Fill each item's "units" with the units assessed in the sentence of its evidence (not a directive)."""
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
