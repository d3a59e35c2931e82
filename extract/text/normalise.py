"""Turn text as read into clean simplified text, keeping a map from every character back to the source."""
from __future__ import annotations

import difflib
import operator
import re
import unicodedata
from array import array
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ..data import load_yaml
from ..memory import LONG_TEXT
from ..re_compat import re_compile
from .convert import t2s, to_simplified
from .edits import Edit, OffsetRuns, apply_edits, differing_lanes, identity_map, new_edit
from .mojibake import find_mojibake, lexicon_words as load_lexicon_words
from .pinyin import find_pinyin_annotations

CJK = r"\p{Han}"
# Marks next to which a space is layout, not content.
CJK_PUNCT = "。、，,：:；;！!？?“”‘’《》〔〕【】（）()—…·"
_NEWLINES = regex.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_P = regex.escape(CJK_PUNCT)
# Spaces that are layout, not content: next to Chinese punctuation, between Chinese and digits,
# and around a lone character (letter-spaced 单 位, 通 报). A space between two longer runs of
# Chinese separates fields (breadcrumbs, 发文机关 关于…) and stays.
# Each of these whitespace patterns opens with a run's first space, which re skips ahead to, and looks behind it
# at the character before the run (no match starts inside a run: a space is none of the characters looked for).
_SPACE_IN_CJK = re_compile(
    # What every case below needs on both sides, checked first: most spaces fail it at once.
    rf"[ ](?<=[{CJK}\d{_P}][ ])(?=[ ]*[{CJK}\d{_P}])"
    rf"(?:(?<=[{_P}][ ])[ ]*(?=[{CJK}\d{_P}])"
    rf"|(?<=[{CJK}\d][ ])[ ]*(?=[{_P}])"
    rf"|(?<=[{CJK}][ ])[ ]*(?=\d)|(?<=\d[ ])[ ]*(?=[{CJK}])"
    rf"|(?<=(?<![{CJK}])[{CJK}][ ])[ ]*(?=[{CJK}])"
    rf"|(?<=[{CJK}][ ])[ ]*(?=[{CJK}](?![{CJK}])))"
)
_EDGE_SPACE = re.compile(r"[ ](?:(?<![^\n][ ])[ ]*|[ ]*$)", re.MULTILINE)  # ^[ ]+|[ ]+$
# (not after a body's last character: 县林业局 县水利局 is a list of names set apart by spaces)
_STRAY_SPACE = re_compile(rf"[ ](?<=[{CJK}][ ])(?<![局镇乡道办委院所站队心司会厅部处室府区县市][ ])[ ]*(?=[{CJK}])")
_PROSE_MARK = re.compile(r"[。,;]")
_STRAY_MIN = 3  # spaces between Chinese characters on one line of prose that make it damaged…
_STRAY_EVERY = 25  # …and one in this many characters at least (a page that lost its breaks keeps its fields apart)
_MULTI_SPACE = re.compile(r"[ ][ ]+")
_BLANK_LINES = re.compile(r"\n(?:[ ]*\n)+")  # re runs this one faster than regex
# Layout the whitespace step removes, in the order that decides between overlapping spans.
# 一　总体情况: a heading's numeral set apart by a space, which stays one space (the heading's mark).
# (the line may be indented: 　　一 考核基本情况)
_NUMERAL_SPACE = regex.compile(r"[ ](?<=^[ \t]*[一二三四五六七八九十]{1,3}[ ])[ ]*(?=[\u4e00-\u9fff])", regex.MULTILINE)
_WHITESPACE = ((_NUMERAL_SPACE, " ", "whitespace"), (_EDGE_SPACE, "", "whitespace"), (_SPACE_IN_CJK, "", "whitespace"),
               (_MULTI_SPACE, " ", "whitespace"), (_BLANK_LINES, "\n", "blank_line"))
_TRADITIONAL_SHARE = 0.05
_KIND = operator.attrgetter("kind")
_HAN_HIGH = bytes(range(0x4E, 0xA0))  # high bytes of U+4E00–U+9FFF in UTF-16
_BLOCK = 1 << 16  # characters compared at once
_FIRST_BLOCK = 256  # characters compared first when a share is enough
# Pages whose newlines were lost run headings into the paragraph before them; a heading marker right
# after a full stop or colon starts a new line again, in a line of any length.
# The break goes after the mark, which is matched rather than looked behind for: re then finds it
# fast, where a lookbehind makes regex try every position. The pattern opens with one class of every mark
# (a ')' only before a 1. heading): re skips ahead to a character of an opening class, but tries a
# pattern that opens with alternatives at every position.
_BREAK_MARKS = "。:;!?"  # the marks after which a page's lost line break comes back
_LOST_BREAK = re.compile(rf"[{_BREAK_MARKS})](?:(?<!\))(?=(?:[一二三四五六七八九十]{{1,3}}、|\([一二三四五六七八九十]{{1,3}}\))[^\n]{{2}})"
                         rf"|(?=\d{{1,2}}[.、][\u4e00-\u9fff]{{2}}))")
# A heading's short title run into its first sub-heading (二、存在问题(一)信息更新不及时): the break goes
# after the title. (The numeral's first character is its own class, for re to skip ahead to: it does not
# for a repeat.)
_TITLE_THEN_SUBHEADING = re.compile(r"[一二三四五六七八九十][一二三四五六七八九十]{0,2}、[^\n,。;:()]{2,16}(?=\(一\)[^\n]{2})")
_BEFORE_HEADING = frozenset("\n" + _BREAK_MARKS)


@dataclass(slots=True)
class Normalised:
    """Clean text plus `offsets[i]`, the index in the text as read of character i."""

    text: str
    offsets: array | OffsetRuns
    script: str
    repairs: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of text[start:end] (end exclusive)."""
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], re.Pattern, str, frozenset[str]]:
    """The narrowing map, a pattern finding the characters it changes, the characters to drop, and
    which of the mapped characters are radicals standing for whole characters."""
    data = load_yaml("punctuation.yaml")
    table = dict(data["narrow"])
    for code in range(0xFF10, 0xFF1A):  # full-width digits
        table[chr(code)] = chr(code - 0xFEE0)
    for code in list(range(0xFF21, 0xFF3B)) + list(range(0xFF41, 0xFF5B)):  # full-width letters
        table[chr(code)] = chr(code - 0xFEE0)
    radicals = dict(data["radicals"])
    radicals.update((chr(code), unicodedata.normalize("NFKC", chr(code))) for code in range(0x2F00, 0x2FD6))
    table.update(radicals)
    table = {k: v for k, v in table.items() if k != v}
    for value in table.values():
        assert len(value) == 1, "punctuation map must be one character to one character"
        assert value not in table, "a narrowed mark is final, so marks can be replaced one at a time"
    return table, re.compile(f"[{re.escape(''.join(table))}]"), data["drop"], frozenset(radicals)


@lru_cache(maxsize=4)
def _invisible(drop: str) -> tuple[regex.Pattern, re.Pattern, re.Pattern]:
    """Runs to drop, one class of every character _control_edits acts on, to skip clean text, and one class of
    those and the marks _narrow changes: most texts hold none, and one scan then spares both steps theirs."""
    invisible = rf"{re.escape(drop)}\x00-\x08\x0e-\x1f\x7f\ud800-\udfff"
    controls = rf"\r\u2028\u2029\x0b\x0c\x85{invisible}"
    marks = re.escape("".join(_tables()[0]))
    return regex.compile(f"[{invisible}]+"), re.compile(f"[{controls}]"), re.compile(f"[{controls}{marks}]")


def _control_edits(text: str, drop: str) -> list[Edit]:
    """Unify newlines and drop invisible characters."""
    invisible, any_control, _ = _invisible(drop)
    if not any_control.search(text):
        return []
    edits = [Edit(m.start(), m.end(), "\n", "newline") for m in _NEWLINES.finditer(text)]
    edits += [Edit(m.start(), m.end(), "", "invisible") for m in invisible.finditer(text)]
    edits.sort()
    return edits


# A question mark a scraper left for a character it could not decode: in a run (青??萍), or before
# a list or clause mark (萍?、), where a real question mark never stands. A lone one between words
# could be either and is left alone.
_LOST = regex.compile(r"\?{2,}|(?<=\p{Han})\?(?=[、,])")


def _lost_character_edits(text: str) -> list[Edit]:
    """Mark characters a scraper lost (青??萍?、) with U+FFFD, one for one, so no rule reads them as
    the end of a sentence."""
    if "?" not in text:
        return []
    return [Edit(m.start(), m.end(), "\ufffd" * (m.end() - m.start()), "lost_character")
            for m in _LOST.finditer(text)]


def _whitespace_edits(text: str) -> list[Edit]:
    """Remove indentation, spaces between Chinese characters and blank lines."""
    # (start, -end, rank, replacement, kind): sorted, the longest span at a start comes first, then
    # the first-ranked. Plain tuples sort in C; only the spans kept become Edits.
    spans: list[tuple[int, int, int, str, str]] = []
    head = len(text) - len(text.lstrip("\n "))
    if head:
        spans.append((0, -head, 0, "", "blank_line"))
    tail = len(text.rstrip("\n "))
    if head < tail < len(text):
        spans.append((tail, -len(text), 0, "", "blank_line"))
    spaced = " " in text  # every pattern but the blank lines' matches a space: a text without one is not scanned
    for rank, (pattern, replacement, kind) in enumerate(_WHITESPACE, start=1):
        if spaced or pattern is _BLANK_LINES:
            spans += [(m.start(), -m.end(), rank, replacement, kind) for m in pattern.finditer(text)]
    if spaced:
        spans += _stray_spaces(text, len(_WHITESPACE) + 1)
    return _merge(spans)


def _stray_spaces(text: str, rank: int) -> list[tuple[int, int, int, str, str]]:
    """Spaces between Chinese characters all over a line of prose (缺失 网 站和 政务微博 管 理的): damage, where a
    line of fields (来源:本网 浏览量:), a title after its issuer or a page run into one line keeps them."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        if line.count(" ") >= _STRAY_MIN and _PROSE_MARK.search(line):
            found = [(pos + m.start(), -(pos + m.end()), rank, "", "whitespace") for m in _STRAY_SPACE.finditer(line)
                     if not _quoted(line, m.start())]
            if len(found) >= max(_STRAY_MIN, len(line) // _STRAY_EVERY):
                spans += found
        pos += len(line) + 1
    return spans


def _quoted(line: str, at: int) -> bool:
    """Whether `at` lies inside a title or a quote (《奋勇争先 再上台阶》), whose spaces are its own."""
    return line.rfind("《", 0, at) > line.rfind("》", 0, at) or line.rfind("“", 0, at) > line.rfind("”", 0, at)


def _line_break_edits(text: str) -> list[Edit]:
    """Restore line breaks that scrapers lost before headings (…如下:一、总体情况…。二、存在问题) and before the
    page's furniture after the text (…2026年1月6日 分享到:微信 微博), where the signature ends."""
    ends = [m.end() for m in _LOST_BREAK.finditer(text)]
    if "(一)" in text:
        ends += [m.end() for m in _TITLE_THEN_SUBHEADING.finditer(text)
                 if m.start() == 0 or text[m.start() - 1] in _BEFORE_HEADING]
    if any(word in text for word in _PAGE_TAIL_WORDS):  # (a C scan for each word costs less than re's for any)
        ends += [m.start() for m in _PAGE_TAIL.finditer(text) if m.start() > 0 and text[m.start() - 1] not in "\n【"]
    return [Edit(end, end, "\n", "line_break") for end in sorted(set(ends))]


# The page's own links after a notice (分享到:, 【打印】, 上一篇:), run into its last line.
_PAGE_TAIL_WORDS = ("分享到:", "【打印", "【关闭", "打印本页", "关闭窗口", "上一篇:", "下一篇:")
_PAGE_TAIL = re.compile("|".join(_PAGE_TAIL_WORDS))


# A line break after a Han character, 、 or , and before a Han character or a quote: where a line may go on.
# The pattern opens with the newline, which re skips ahead to; what stands before it is looked behind for.
_BREAK = re.compile("\n(?<=[\u4e00-\u9fff、,]\n)(?=[\u4e00-\u9fff“])")
_PROSE_MARKS = re.compile(r"[、,。;]")
_LABEL_REACH = 10
# A page's running head or breadcrumb printed between two lines of the text (当前位置:首页 > …, 第2页 共3页).
_FURNITURE_LINE = re.compile(r">|当前位置|第\d+页|上一篇|下一篇")
_MIN_WRAPPED = 12  # shorter lines are items of a list laid out one per line, or headings
_HEADING_OPENING = re.compile(r"[一二三四五六七八九十]{1,3}[、.]|\(?[一二三四五六七八九十\d]{1,3}[)、.]|附件|[①-⑳]")


@lru_cache(maxsize=1)
def _name_endings() -> tuple[str, ...]:
    """Endings of unit names (局, 镇, 街道…): a line ending in one ends between two names, not inside one."""
    data = load_yaml("units.yaml")
    words = {w for words in data["suffixes"].values() for w in words} | set(data["account_words"])
    return tuple(sorted(words, key=len, reverse=True))


_WORD_REACH = 3
# Words that leave a clause open: a line ending in one goes on in the next (…专区未⏎投入使用).
_OPEN_ENDS = tuple("未不没的和及与或在对将把被从向于")


def _word_across(before: str, after: str) -> bool:
    """Whether a word of jieba's dictionary runs across the break (农|村, 保|障): the line was cut inside
    it. A new paragraph (…等问题|各单位要…) opens with no word of the line before."""
    words = load_lexicon_words()
    return any(before[-i:] + after[:j] in words
               for i in range(1, len(before) + 1) for j in range(1, len(after) + 1) if i + j <= _WORD_REACH + 1)


def _stands_alone(line: str) -> bool:
    """A line no wrap runs into: a heading, a table's row, a label of its own (不合格(1个):…) or a page's
    furniture."""
    return bool(_HEADING_OPENING.match(line) or "|" in line or ":" in line[:_LABEL_REACH]
                or _FURNITURE_LINE.search(line))


# The last item of a list running to a line's end, and the first item of the next line.
_LIST_TAIL = re.compile("、([\u4e00-\u9fff]{1,15})$")  # (the 、 matched, not looked behind for: re skips ahead to it)
_ITEM_HEAD = re.compile("[\u4e00-\u9fff]{1,12}(?=[、,。;:]|$)")


@lru_cache(maxsize=1)
def _admin_words() -> frozenset[str]:
    return frozenset(load_yaml("units.yaml")["prefixes"])


def _name_across(line: str, nxt: str) -> bool:
    """县卫⏎健局、, 县⏎财政局、, 县农业农村⏎局、: a list's last name on a line runs on into the next, as the
    line alone leaves an admin word, a name with no ending, or the next line a bare ending."""
    tail, head = _LIST_TAIL.search(line), _ITEM_HEAD.match(nxt)
    if tail is None or head is None:
        return False
    number = _HEADING_OPENING.match(line)
    if number is not None and number.end() >= tail.start(1):
        return False  # 二、考评对象: a heading's number, no list
    tail, head = tail.group(1), head.group()
    endings = _name_endings()
    if not head.endswith(endings):
        return False
    return tail in _admin_words() or not tail.endswith(endings) or head in endings


def _wrap_edits(text: str) -> list[Edit]:
    """Join a prose line a page broke inside a word (县农业农⏎村局未公开…): the break is no break of the
    text. A line ending in a name's ending (…县财政局⏎县审计局), a heading's line, and a break no word
    runs across are left alone; the text is simplified, as jieba's dictionary is. A line ending in 、
    or , goes on in the next one (…丙镇、⏎丁乡未…)."""
    edits: list[Edit] = []
    for match in _BREAK.finditer(text):  # found one by one: a 20 MB text is never split into lines
        cut = match.start()
        stop = text.find("\n", cut + 1)
        nxt = text[cut + 1:stop if stop >= 0 else len(text)]
        line = text[text.rfind("\n", 0, cut) + 1:cut]
        joined, going_on = cut + 1, nxt  # the text the name goes on in: past a page's running head
        if stop >= 0 and _FURNITURE_LINE.search(nxt):
            joined, after = stop + 1, text.find("\n", stop + 1)
            going_on = text[joined:after if after >= 0 else len(text)]
        if _name_across(line, going_on):
            edits.append(Edit(cut, joined, "", "unwrap"))
            continue
        if text[cut - 1] in "、,":
            if not _stands_alone(nxt):
                edits.append(Edit(cut, cut + 1, "", "unwrap"))
            continue
        if len(line) < _MIN_WRAPPED or not _PROSE_MARKS.search(line) or line.endswith(_name_endings()):
            continue
        if _HEADING_OPENING.match(line) and "。" not in line:
            continue  # (二)互动回应不及时、办理质量不高: a heading, whose line ends where it ends
        if _stands_alone(nxt):
            continue
        if line.endswith(_OPEN_ENDS) or _word_across(line[-_WORD_REACH:], nxt[:_WORD_REACH]):
            edits.append(Edit(cut, cut + 1, "", "unwrap"))
    return edits


def _merge(spans: list[tuple[int, int, int, str, str]]) -> list[Edit]:
    """Edits for the spans that overlap no earlier one: each pattern is safe alone, the first wins."""
    merged: list[Edit] = []
    kept_until = 0
    for start, negative_end, _, replacement, kind in sorted(spans):
        if start >= kept_until:
            merged.append(new_edit((start, -negative_end, replacement, kind)))
            kept_until = -negative_end
    return merged


def detect_script(text: str, converted: str) -> str:
    """Traditional when a real share of Han characters changes under t2s."""
    if converted == text:
        return "simplified"  # nothing changed: the share below would be 0
    han = _count_han(text)
    if not han:
        return "simplified"
    changed = _count_changed(text, converted, han)
    share = changed / han
    if share >= _TRADITIONAL_SHARE:
        return "traditional"
    return "mixed" if changed >= 3 and share > 0.005 else "simplified"


def _count_han(text: str) -> int:
    """How many characters are in U+4E00–U+9FFF, counted in C: UTF-16 units with such a high byte."""
    high = text.encode("utf-16-le", "surrogatepass")[1::2]
    return len(high) - len(high.translate(None, _HAN_HIGH))


def _count_changed(text: str, converted: str, han: int = 0) -> int:
    """sum(map(operator.ne, text, converted)), a block at a time so long texts need little memory. Given the
    text's count of Han characters, it stops once the changed ones make the traditional share: the rest of the
    text cannot undo that, and a traditional text is told by its first lines (the blocks grow from there)."""
    n = min(len(text), len(converted))
    changed, start, block = 0, 0, _FIRST_BLOCK if han else _BLOCK
    while start < n:
        stop = min(start + block, n)
        changed += _changed(text[start:stop], converted[start:stop])
        if han and changed / han >= _TRADITIONAL_SHARE:
            break
        start, block = stop, min(2 * block, _BLOCK)
    return changed


def _changed(a: str, b: str) -> int:
    """How many of the len(a) == len(b) characters differ, in C: XOR the code points, count nonzero ones."""
    x, y = (int.from_bytes(s.encode("utf-32-le", "surrogatepass"), "little") for s in (a, b))
    return differing_lanes(x, y, len(a), "little").count(1)


def _alignment_edits(text: str) -> list[Edit]:
    """When OpenCC changes a phrase's length, align each changed line so offsets stay exact."""
    converter = t2s()
    edits: list[Edit] = []
    pos = 0
    for line in text.split("\n"):
        new = converter.convert(line)
        if len(new) != len(line):
            matcher = difflib.SequenceMatcher(None, line, new, autojunk=False)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes():
                if tag != "equal":
                    edits.append(Edit(pos + i1, pos + i2, new[j1:j2], "opencc"))
        elif new != line:
            edits += [Edit(pos + i, pos + i + 1, b, "opencc") for i, (a, b) in enumerate(zip(line, new)) if a != b]
        pos += len(line) + 1
    return edits


def _narrow(text: str, repairs: Counter) -> str:
    """One form per mark, and radicals folded to the characters they stand for; one character to one
    character, so offsets do not move.

    str.translate looks every character up in a dict; finding the few marks first is far cheaper.
    """
    table, pattern, _, radicals = _tables()
    found = pattern.findall(text)
    if found:
        folded = sum(mark in radicals for mark in found)
        for kind, n in (("width", len(found) - folded), ("radical", folded)):
            if n:
                repairs[kind] += n
        for mark in set(found):
            text = text.replace(mark, table[mark])
    return text


def normalise(raw: str) -> Normalised:
    """Run every repair in order; each step's edits are composed into one offset map."""
    drop = _tables()[2]
    repairs: Counter[str] = Counter()
    warnings: list[str] = []
    # offsets stays None (the identity map) until a step moves characters; built only if none does.
    text, offsets = raw, None

    def step(edits: list[Edit], counted: bool = True) -> None:
        nonlocal text, offsets
        if not edits:
            return
        if counted:
            repairs.update(map(_KIND, edits))
        text, offsets = apply_edits(text, edits, offsets)

    clean = _invisible(drop)[2].search(text) is None  # no control character and no mark to narrow
    if not clean:
        step(_control_edits(text, drop))
    # Byte-shift damage is read in the marks the page had: narrowing first would turn the full-width
    # space or letter a shifted pair left behind into ASCII (?　。ㄈ┪丛O置 → ? 。…), which no longer decodes.
    mojibake_edits, mojibake_warnings = find_mojibake(text)
    step(mojibake_edits)
    warnings += mojibake_warnings
    if not clean or mojibake_edits:  # (a repaired byte slip may bring full-width marks back)
        text = _narrow(text, repairs)
    step(find_pinyin_annotations(text))
    step(_whitespace_edits(text))
    step(_line_break_edits(text))
    step(_lost_character_edits(text))
    converted = to_simplified(text)
    script = detect_script(text, converted)
    if len(converted) == len(text):
        text = converted
    else:
        step(_alignment_edits(text), counted=False)  # the script counts once, not per phrase
    step(_wrap_edits(text))
    if script != "simplified":
        repairs["script"] += 1
    if offsets is None:
        offsets = identity_map(len(text))
    if len(text) >= LONG_TEXT:
        offsets = OffsetRuns(offsets)
    return Normalised(text, offsets, script, dict(repairs), warnings)
