"""Unit fast paths (caches, gates, re for regex, batch-wide Ents) agree with the computations they shortcut."""
from __future__ import annotations

import bisect
import copy
import functools
import random
import re

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.findings import enumerations, gazetteer, mentions, sharing, units, units_bare, units_text
from extract.findings.context import Context
from extract.findings.gazetteer import (SINGLE_GOV, Ents, closes_known_township, divisions, divisions_prefix, ents_of, occurring,
                                        ruler_spans, vocab)
from extract.findings.units_text import patterns
from extract.structure.issuer import spam_in
from extract.structure.sections import build_sections
from extract.text.normalise import normalise

from .conftest import CORPUS, NOTICES

FAST = settings(derandomize=True, deadline=None, max_examples=400, database=None)
# Words the unit rules react to, so random text hits their matches and near-misses alike.
_TOKENS = list("、,;:。“”《》()\n 0123456789等个家和及与省市县区镇乡村局办网号对于将在由向各我该全")
_TOKENS += ["按照", "根据", "要求", "来源:", "主送:", "附件", "打印", "当前位置", "政府", "人民政府", "政府网站", "门户网站", "网站", "微信公众号",
            "微博", "抖音号", "的", "三闸", "西街", "街道", "社区", "青神县", "公安局", "交通管理大队", "湖南", "宁夏",
            "市场监管局", "和县", "北关", "单位", "部门", "3家", "组织开展", "进行检查", "等8个单位", "3个乡镇", "其中", "未更新"]
TEXT = st.lists(st.sampled_from(_TOKENS), max_size=40).map("".join)


@functools.lru_cache(maxsize=1)
def _lines() -> tuple[str, ...]:
    """Every non-empty normalised line of the bundled notices, the text the unit rules read."""
    paths = sorted(NOTICES.glob("*.txt")) + sorted((CORPUS / "heldout" / "notices").glob("*.txt"))
    out = []
    for path in paths:
        out += [line.strip() for line in normalise(path.read_text("utf-8")).text.split("\n") if line.strip()]
    return tuple(out)


def plain_ents(text: str) -> Ents:
    """What ents_of shortcuts: the spans of one ruler pass over `text` alone, sorted into ends and shorts."""
    ents = Ents()
    for start, end, label, ident in ruler_spans(text):
        if label in ("SUFFIX", "DIV"):
            ents.ends.append((start, end, label, ident))
            ents.end_starts.append(start)
        elif label in ("DIV_SHORT", "PROV") and closes_known_township(text, start, end):
            ents.ends.append((end - 1, end, "SUFFIX", "township"))  # 庆丰镇: the ending of a known township
            ents.end_starts.append(end - 1)
        elif label in ("DIV_SHORT", "PROV"):
            ents.shorts.append((start, end))
            ents.short_starts.append(start)
    return ents


def _stretches():
    """Every bundled line with its ruler spans, as _stretch gets them."""
    return [(line, plain_ents(line)) for line in _lines()]


def _windows(text: str, rng: random.Random, count: int = 4):
    yield 0, len(text)
    for _ in range(count):
        a = rng.randint(0, len(text))
        yield a, rng.randint(a, len(text))


def _fields(ents: Ents):
    return ents.ends, ents.end_starts, ents.shorts, ents.short_starts


def test_one_pass_over_joined_lines_gives_each_its_own_spans():
    lines = list(_lines())
    for at in range(0, len(lines), 40):
        batch = lines[at:at + 40]
        assert [_fields(e) for e in ents_of(batch)] == [_fields(plain_ents(line)) for line in batch]


@FAST
@given(st.lists(TEXT, max_size=6))
def test_one_pass_over_joined_made_up_texts_gives_each_its_own_spans(texts):
    assert [_fields(e) for e in ents_of(texts)] == [_fields(plain_ents(text)) for text in texts]


def _runs_by_scan(text: str, start: int, end: int, ents: Ents):
    out = []
    for run in patterns()["run"].finditer(text, start, end):
        a, b = run.span()
        if any(a <= s < b and e <= b for s, e, _, _ in ents.ends):
            out.append((a, b, bisect.bisect_left(ents.end_starts, a)))
    return out


def test_runs_with_ends_are_the_runs_holding_an_ending():
    rng = random.Random(1)
    for text, ents in _stretches():
        for a, b in _windows(text, rng):
            assert list(units_text._runs_with_ends(text, a, b, ents)) == _runs_by_scan(text, a, b, ents)


def test_cached_piece_rules_match_them_in_place():
    rng = random.Random(2)
    prefixes = vocab()["prefixes"]
    for text, ents in _stretches():
        for a, b in _windows(text, rng):
            for prefixable, suffix_len in ((False, 1), (True, 1), (False, 2)):
                assert units_text.trim(text, a, b, prefixable, suffix_len) == units_text.trim_uncached(
                    text, a, b, prefixable, suffix_len)
            item = text[a:b][:12]
            assert units_text.item_ok(item, 8) == units_text.item_ok.__wrapped__(item, 8)
        for start, end, label, ident in ents.ends:
            if label != "SUFFIX":
                continue
            suffix = text[start:end]
            for cursor in {0, max(0, start - 3), start}:
                name_start, lead = units_text.trim_uncached(text, cursor, start, suffix in prefixes, len(suffix))
                kind = ident
                if suffix in vocab()["central_bodies"]:  # a ministry's whole name: nothing before it joins
                    name_start, lead = start, None
                elif start > name_start and (suffix in ("政府", "人民政府") or suffix in SINGLE_GOV):
                    place = units_text._unknown_place(text, name_start, start, suffix)
                    kind = "place" if place else "junk"
                assert units_text._suffix_piece(text[cursor:start], suffix, ident) == (
                    name_start - cursor, kind, lead)


def _valid_as_written(chain, name: str, type_: str) -> bool:
    """_valid before its name checks were cached and its tests reordered."""
    v = vocab()
    if name in v["never_units"] or name in v["platforms"] or not 2 <= len(name) <= 30:
        return False
    if name.startswith(("不", "未", "无", "优秀", "良好", "合格", "达标")) \
            and not any(name[:k] in divisions() for k in range(2, min(len(name), 9) + 1)):
        return False  # a grade before an ending (不达标社区), unless a division opens the name (未央区)
    if "星级" in name:
        return False  # 五星级社区: a grade
    if spam_in(name):
        return False  # 市金沙博彩办: a spam word a hijacked mirror inserted
    if any(word in name[:-1] for word in ("公众号", "抖音号", "头条号", "快手号", "视频号", "微博")):
        return False  # 抖音号简介仍标注为原乡政府办公室: words about an account, no body
    if patterns()["generic"].match(name) and chain[0].kind != "div" and not divisions_prefix(name):
        return False
    last = chain[-1]
    if any(p.kind == "junk" for p in chain):
        return False
    if all(p.kind != "div" and p.core == 0 for p in chain):
        if last.suffix in v["central_bodies"]:
            pass  # a ministry's whole name
        elif not (len(chain) > 1 and chain[-1].kind == "department" and len(name) >= 4
                  and (chain[0].suffix in v["prefixes"] or chain[0].kind == "government")):
            return False  # 县政府办公室 is a short name; 社区党委 a kind of body
    else:
        core = name[: len(name) - len(last.suffix)]
        if core and all(ch in "省市县区乡镇州" for ch in core):
            return False
    core = name[: len(name) - len(last.suffix)]
    if core and (core[-1] in "我本该各此全" or any(ch in "各我该" for ch in name[:3])):
        return False
    if type_ == "government" and len(chain) == 1 and last.kind != "div":
        return last.suffix not in SINGLE_GOV or name in divisions()
    return True


def test_valid_matches_the_rules_as_written():
    checked = 0
    for text, ents in _stretches():
        for a, b, first in units_text._runs_with_ends(text, 0, len(text), ents):
            for chain in units_text._group(units_text._pieces(text, a, b, ents, first)):
                name = text[chain[0].start:chain[-1].end]
                type_ = units_text._chain_type(chain)
                assert units_text._valid(chain, name, type_) == _valid_as_written(chain, name, type_), name
                checked += 1
    assert checked > 1000


def _re_patterns():
    p = patterns()
    return [mentions._prefilter(), mentions._FURNITURE, mentions._PROSE,
            p["lead"], p["lead_end"], p["generic"], p["account_gate"]]


@pytest.mark.parametrize("index", range(len(_re_patterns())))
def test_re_patterns_match_as_regex_does(index):
    fast = _re_patterns()[index]
    slow = regex.compile(fast.pattern)
    rng = random.Random(index)
    for text in _lines():
        for a, b in _windows(text, rng, 2):
            assert (m.span() if (m := fast.search(text, a, b)) else None) == (
                m.span() if (m := slow.search(text, a, b)) else None)
            assert (m.span() if (m := fast.match(text, a, b)) else None) == (
                m.span() if (m := slow.match(text, a, b)) else None)


def _role_before_as_written(text: str, start: int) -> bool:
    m = patterns()["lead_end"].search(text, max(0, start - 4), start) if start > 0 else None
    if m is None and start > 1 and text[start - 1] in "省市县区州":  # a lead word, then the name's admin word
        m = patterns()["lead_end"].search(text, max(0, start - 5), start - 1)
    lead = m.group() if m else None
    if start > 0 and text[start - 1] == "、" and units_text._list_opened_by_lead(text, start):
        return True  # (the list's lead and the count before a class are rules of their own, not shortcuts)
    if units_text.counted_before(text, start):
        return True
    return lead in vocab()["role_leads"] or bool(patterns()["role_label"].search(text, max(0, start - 12), start))


def _role_after_as_written(text: str, start: int, end: int) -> bool:
    p = patterns()
    if p["role_tail"].match(text, end + (text[end:end + 1] == " ")):
        return True
    frame = p["frame_open"].search(text, max(0, start - 130), start)
    return bool(frame and p["frame_close"].match(text, end))


def _check_gates(text: str, ents: Ents, rng: random.Random) -> None:
    p = patterns()
    for i in range(len(text) + 1):
        if p["account"].match(text, i):
            assert text[i] in units_text._account_openers()
        if p["gov_site"].match(text, i):
            assert text.startswith(units_text.SITE_OPENINGS, i)
        assert sharing._boundary(text, i) == _boundary_by_scan(text, i)
    if p["tail"].search(text):
        assert sharing.may_close(text)
    for a, b in _windows(text, rng):
        assert units_text.role_before(text, a) == _role_before_as_written(text, a)
        assert units_text.role_after(text, a, b) == _role_after_as_written(text, a, b)
    found = units_text.chains(text, 0, len(text), ents, 0)
    assert units_bare.bare_accounts(text, 0, found, []) == units_bare._bare_accounts(text, 0, found, [])


_HARD = regex.compile(r"[,;:。!?()\[\]“”《》\n]")  # the hard breaks hard_last finds searching backwards


def _boundary_by_scan(text: str, position: int) -> int:
    floor = max(0, position - sharing.MAX_LIST)
    for i in range(position - 1, floor - 1, -1):
        if _HARD.match(text, i):
            return i + 1
    return floor


def _stretch_every_step(text: str, offset: int, ents: Ents):
    """_stretch with no step skipped."""
    p = patterns()
    books = [(m.start(), m.end()) for m in p["book"].finditer(text)]
    masks = mentions._merge(sorted(books + [(m.start(), m.end()) for m in p["quote"].finditer(text)]))
    found = [m for m in units_text.quoted(text, ents, offset) if not mentions._inside(m.start - offset, books)]
    cursor, places = 0, []
    for start, end in masks + [(len(text), len(text))]:
        if start > cursor:
            found += units_text.chains(text, cursor, start, ents, offset, places)
        cursor = max(cursor, end)
    mentions._owners_of_quoted_accounts(text, offset, found)
    found += sharing.government_lists(text, offset, places, found)
    found += units_bare.bare_accounts(text, offset, found, masks)
    found += units_bare.handles(text, offset, found, masks)
    sites, replaced = units_bare.site_names(text, offset, found, masks)
    found = [m for m in found if all(m is not r for r in replaced)] + sites
    found += sharing.lists(text, offset, found, masks)
    found += enumerations.listed_units(text, offset, found, masks, None)
    found += units_bare.bracketed_accounts(text, offset, found, masks)
    found += units_bare.clause_provinces(text, offset, ents, found, masks)
    sharing.share_roles(text, offset, found)
    sharing.share_sites(text, offset, found)
    mentions._former(text, offset, found)
    return found


@FAST
@given(TEXT)
def test_names_hold_no_newline(text):
    """text_mentions looks a name up in the header lines joined by newlines, as if in each line."""
    assert not any("\n" in m.name for m in mentions._stretch(text, 0, plain_ents(text)))


def _whole_name_by_chains(text: str, start: int, end: int, ents: Ents) -> units_text.Mention | None:
    return next((m for m in units_text.chains(text, start, end, ents, 0) if (m.start, m.end) == (start, end)), None)


def _check_whole_names(text: str, ents: Ents, rng: random.Random) -> None:
    spans = [m.span(1) for m in patterns()["quote"].finditer(text)] + list(_windows(text, rng))
    for start, end in spans:
        assert units_text._whole_name(text, start, end, ents, 0) == _whole_name_by_chains(text, start, end, ents)


# Gates never drop a match; whole names are looked for only where one may be.
WINDOW_CHECKS = pytest.mark.parametrize("check", [_check_gates, _check_whole_names], ids=["gates", "whole-names"])


@WINDOW_CHECKS
def test_window_shortcuts_on_real_lines(check):
    rng = random.Random(3)
    for text, ents in _stretches():
        check(text, ents, rng)


@WINDOW_CHECKS
@FAST
@given(TEXT, st.integers(0, 10**6))
def test_window_shortcuts_on_made_up_text(check, text, seed):
    check(text, plain_ents(text), random.Random(seed))


_FURNITURE_AS_WRITTEN = re.compile(
    r">|您现在的位置|当前位置|来源:|上一条|下一条|扫一扫|上一篇|下一篇|ICP备\d|公网安备|版权所有|分享到"
    r"|(?:发布时间|发布日期|发布机构|字体|(?<!文)字号|索引号|主题分类|阅读人数|访客|相关链接|相关文章|相关阅读|相关新闻"
    r"|友情链接|技术支持|网站标识码)(?=[:\s\d|]|$)"
    r"|^(?:附件|附:|抄送|抄报|联系人|联系电话|主送|主办单位|承办单位|报:|送:|分送|发:)|^[^,。]*(?:浏览|点击|打印|关闭)[^,。]*$")


@FAST
@given(TEXT)
def test_furniture_tests_agree_with_the_one_pattern(text):
    assert mentions._furniture(text) == bool(_FURNITURE_AS_WRITTEN.search(text))


def test_furniture_tests_agree_with_the_one_pattern_on_real_lines():
    assert all(mentions._furniture(line) == bool(_FURNITURE_AS_WRITTEN.search(line)) for line in _lines())


def _resolve_short_per_mention(text: str, found_mentions: list) -> None:
    """_resolve_short as written before it settled each (name, type, quoted) once."""
    forms = [units._longer_forms(m.name, m.type, m.quoted) for m in found_mentions]
    present = occurring(text, {form for found in forms for form in found})
    for m, found in zip(found_mentions, forms):
        hits = [form for form in found if form in present]
        if len(hits) == 1:
            m.written, m.name = m.written or m.name, hits[0]


def test_short_names_resolve_as_they_did_per_mention():
    resolved = 0
    for path in sorted(NOTICES.glob("*.txt")):
        norm = normalise(path.read_text("utf-8"))
        found = mentions.text_mentions(Context(norm, build_sections(norm.text), [], None))
        plain, names = copy.deepcopy(found), [m.name for m in found]
        units._resolve_short(norm.text, found)
        _resolve_short_per_mention(norm.text, plain)
        assert found == plain, path.name
        resolved += sum(m.name != name for m, name in zip(found, names))
    assert resolved > 5


def test_stretch_skips_only_steps_that_find_nothing():
    hits = 0
    for text, ents in _stretches():
        fast = mentions._stretch(text, 7, ents)
        assert fast == _stretch_every_step(text, 7, ents), text
        hits += bool(fast)
    assert hits > 100


@FAST
@given(TEXT)
def test_stretch_skips_only_steps_that_find_nothing_on_made_up_text(text):
    ents = plain_ents(text)
    assert mentions._stretch(text, 0, ents) == _stretch_every_step(text, 0, ents)


@FAST
@given(TEXT, st.lists(st.sampled_from(_TOKENS + ["县公安局", "市政府", "公安局", "政局", "局"]), max_size=8),
       st.sampled_from([(1 << 22, 1 << 20), (0, 1 << 20), (0, 5), (0, 1)]))
def test_occurring_finds_what_substring_tests_find(text, phrases, scan):
    with pytest.MonkeyPatch.context() as patch:  # (0, n): the automaton over blocks of n characters
        patch.setattr(gazetteer, "SCAN_ONCE", scan[0])
        patch.setattr(gazetteer, "SCAN_BLOCK", scan[1])
        assert occurring(text, set(phrases)) == {p for p in phrases if p in text}


@pytest.mark.parametrize("scan_once", [1 << 22, 0])
def test_occurring_on_the_notices_with_the_fuller_names_units_look_for(monkeypatch, scan_once):
    monkeypatch.setattr(gazetteer, "SCAN_ONCE", scan_once)
    monkeypatch.setattr(gazetteer, "SCAN_BLOCK", 1000)
    for path in sorted(NOTICES.glob("*.txt")):
        text = normalise(path.read_text("utf-8", "replace")).text
        phrases = {p + name for name in vocab()["suffixes"]["department"] for p in "县市区省"}
        phrases |= {line[:12] for line in text.split("\n")[:40] if line} | {"人民政府", "局", "县"}
        assert occurring(text, phrases) == {p for p in phrases if p in text}, path.name
