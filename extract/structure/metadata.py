"""Notice metadata: title, number, issuer, date, recipients, period, attachments, cc, contacts."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ..data import load_yaml
from ..re_compat import re_compile
from .issuer import ORG_END, VOCAB, header_issuer, issuer_in_title, spam_in
from .numerals import chinese_to_int

CN_NUM = "〇零○一二三四五六七八九十"
_DATE = re_compile(
    rf"(?P<y>\d{{4}}|[{CN_NUM}]{{4}})\s*[年\-./]\s*(?P<m>\d{{1,2}}|[{CN_NUM}]{{1,3}})\s*[月\-./]\s*"
    rf"(?P<d>\d{{1,2}}|[{CN_NUM}]{{1,3}})(?:日|号|(?![\d]))"
)
_MONTH_DAY = re_compile(r"(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日")
_DATE_LINE = re_compile(rf"^\(?{_DATE.pattern}\)?$")
# What every _DATE holds between its year and its month.
_DATE_SEPARATOR = re.compile(r"[年\-./]")
# A body's name, then a date (and a page's furniture after it): a signature or header line of its own (the
# spaces between them are gone once the text is normalised).
_ORG_DATE_LINE = re_compile(rf"^(?P<org>[^\s,。;:()（）|\d]{{4,30}}?)\s*{_DATE.pattern}(?:[\s【(].*)?$")
_DOC_NUMBER = re_compile(r"[\p{Han}]{1,12}[〔\[(【]\s*((?:19|20)\d{2})\s*[〕\])】]\s*(\d{1,5})\s*号")
# What a notice's title ends in, with a closing bracket or an edition mark after it (…评估报告(摘要)).
_TITLE_WORDS = ("通报", "报告", "通知", "情况", "公告", "意见", "总结", "的函", "方案", "要点", "榜单", "名单", "简报",
                "提醒函", "提示函", "督办函", "工作提示", "督办单", "通知单", "交办单", "提示单", "通知书", "告知书",
                "周报", "月报", "季报", "快报", "年度报表",
                "工作打算", "工作计划", "工作思路", "年报", "的提示", "的提醒",
                "考核结果", "考评结果", "评估结果", "测评结果", "评议结果")  # (…年度政府信息公开工作考核结果: a results list)
_TITLE_ENDINGS = tuple(word + close for word in _TITLE_WORDS for close in ("", ")", "(摘要)", "(全文)"))
# The last characters of _TITLE_ENDINGS: a line ending in none of them is tested against no ending.
_TITLE_LAST = frozenset(ending[-1] for ending in _TITLE_ENDINGS)
_OF_TITLE_WORDS = tuple("的" + word for word in _TITLE_WORDS)
_ANY_TITLE_WORD = re.compile("|".join(_TITLE_WORDS))
# The year a title may end with in brackets (…工作年度报告(2022年), …工作报告(2016年度)).
_YEAR_TAIL = regex.compile(r"\(\d{4}年度?\)$")


def _ends_in_title_word(line: str) -> bool:
    """line.endswith(_TITLE_ENDINGS), its last character tested first: most lines end in none of theirs."""
    return line[-1:] in _TITLE_LAST and line.endswith(_TITLE_ENDINGS)


def _ends_as_title(line: str) -> bool:
    return _ends_in_title_word(line) or (line.endswith(")") and _YEAR_TAIL.sub("", line).endswith(_TITLE_ENDINGS))


# The issue of a title that recurs (…工作提示(2023年第4期), …工作提示〔2022〕第3号).
_EDITION = regex.compile(r"\((?:\d{4}年)?第[\d一二三四五六七八九十]{1,3}[期周]\)$|〔\d{4}〕第?[\d一二三四五六七八九十]{1,3}[号期]$")
# A title line often carries junk after it: a site name after a dash, the number in brackets.
# _TITLE_TAIL is only tried on lines with a dash or ending in 号), as each of its matches needs one.
_DASHES = re_compile(r"[-_|—]")
_TITLE_TAIL = regex.compile(rf"(?<={'|'.join(_TITLE_WORDS)})(?:\s*[-_|—]+\s*[^。]{{0,40}}|\s*\((?P<number>[^()]{{2,20}}\d+号)\))$")
_NAV = re_compile(r"^(?:上一条|下一条|上一篇|下一篇|首页|网站首页|EN$|https?:)|^您?(?:当前|现在|所在)?的?位置|>.*>|/.*/.*/"
                  r"|^[^>。]{1,20}>[^>。]{1,20}$")  # (政府信息公开 > 通知公告: a breadcrumb of two)
# A 主送 line; a line closing the preamble (…,现将有关事项通知如下:) opens the body instead.
_RECIPIENT_LINE = re_compile(r"^[^。]{2,200}(?<!如下)[:]$")
_ORG_END = ORG_END
# A page whose newlines were lost: the title runs straight into the 主送 line.
# (after a breadcrumb that ran into it, 首页>>政务公开>>通知公告 某某… or with no space, 通知公告关于…, 年度报告某某县…;
# before the 主送 line or a header's field,
# 各区(市)县人民政府: / 发布时间:, with or without a space)
_LEADING_TITLE = re_compile(r"^(?:[^\n]{0,60}>\s*(?:[^\s>]*\s+|\p{Han}{0,6}?(?:公告|报告|年报|通报|动态)|\p{Han}{2,8}?(?=关于))?)?"
                            r"(?P<title>[^。:>]{6,120}?(?:的(?:通报|报告|通知)|年度报告))"
                            r"(?=\s*[\p{Han}、,()]{2,60}:)")
# A seal after the signer's name, its own or borrowed: (代章), (市政府办公室代章).
_SEAL = re_compile(r"\((?:[^()]{2,40}?)?(?:代章|印章|盖章|章)\)|（(?:代章|印章)）")
# The seal a body borrows, on a line of its own under the body's name: (某某县人民政府办公室代章).
_SEAL_LINE = re_compile(r"^\([^()]{2,40}代章\)$")
_PERIOD_WORDS = ("时间", "时段", "周期", "期间", "区间")  # what every _PERIOD match holds after its first word
_PERIOD = re_compile(
    rf"(?:统计|抽查|检查|监测|考核|测评|检测|评估|通报)(?:{'|'.join(_PERIOD_WORDS)})(?:范围)?(?:为|是|:)?\s*"
    rf"(?P<a>{_DATE.pattern})\s*(?:—|–|-|~|至|到|－|——)+\s*(?P<b>(?:\d{{4}}年)?\d{{1,2}}月\d{{1,2}}日)"
)
_HEADER_DATE_KEYS = tuple(VOCAB["date_keys"])
_ATTACHMENT_START = re_compile(r"^(?:附件|附表|附(?=\s*:))\s*[:]?\s*(?P<rest>.*)$")
_ITEM = re_compile(r"^(?P<n>[1-9]\d?)[.、]\s*(?P<title>.+)$")
_TRAILING_JUNK = regex.compile(r"[\s\p{So}\p{Po}]+$|(?<=[表单况])\d{4,8}$")
_CONTACT = regex.compile(
    r"联系人(?:及(?:联系)?电话|姓名)?\s*[:]?\s*(?P<names>[\p{Han}]{2,4}(?:[、和及][\p{Han}]{2,4}){0,5})"
    r"(?=[,;\s)、]|$|联系|电话|\d)")
_PHONE = re_compile(r"(?:联系电话|联系方式|电话|手机|,)\s*[:]?\s*(?P<phone>\d[\d\-— ]{4,20}\d(?:[、,/]\d[\d\-— ]{4,20}\d){0,5})")

# Patterns used line by line, compiled once rather than looked up in regex's cache on every call.
_FIRST_HEADING = re_compile(r"^(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\))")
_HEADING_LINE = re_compile(r"^(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|\d{1,2}[.、](?!\d))")
_TITLE_LABEL = regex.compile(
    rf"^[•·\s【\[|]*(?:{'|'.join(VOCAB['title_labels'])})(?:[】\]]\s*[:|]?\s*|\s*:\|\s*|\s*[:|]\s*|\s+)(?P<rest>[^|]+?)\s*"
    rf"(?:\||\s+\p{{Han}}{{2,6}}\s*:|$)")  # (标题: …, 标题 | … |, 标题:|…|, 【标题】…)
_BOOK_TITLE = regex.compile(r"《(?P<title>[^《》]{6,150})》")
_ENCLOSED_HEAD = 300  # characters after a signature that hold its date and an enclosed document's title
_ELLIPSIS = regex.compile(r"(?:…+|\.{3,})$")
# A short line that finishes a title already ending in a title word (关于…年度报告 / 有关事项的通知).
_CONTINUATION = re_compile(rf"^[^。,:]{{1,24}}的(?:{'|'.join(_TITLE_WORDS)})$")
_TITLE_JUNK_TAILS = tuple(VOCAB["title_junk_tails"])
_TITLE_LABELS = tuple(VOCAB["title_labels"])
# A header line opening with another field (索引号:… 信息分类:督查通报): never the title, whatever it ends with.
_FIELD_LINE = re_compile(r"^[•·\s]*(?:索引号|文号|发文字号|发布机构|发文机关|信息分类|主题分类|组配分类|体裁分类|"
                            r"发布日期|发布时间|生成日期|成文日期|来源|信息来源|关键词|主题词)\s*[:：]")
_DATE_START = frozenset("0123456789" + CN_NUM)
# What a date opens with (a digit as regex reads \d, or a Chinese numeral): a line opening otherwise holds none at 0.
_DATE_FIRST = re_compile(rf"[\d{CN_NUM}]")
_YEAR_OR_ABOUT = re_compile(r"\d{4}年|关于")
_CLAUSE_MARK = re_compile(r"[。,:]")
_SENTENCE_MARK = re_compile(r"[。,;]")
_NOT_POSTED = re_compile(r"[。,;至到—~]")
_NOT_ORG = re_compile(r"[\d。,:>/ ]")
_SPACES = regex.compile(r"\s+")
_YEAR_BRACKETS = regex.compile(r"[\[(【](\d{4})[\])】]")
_ISO_DATE = re_compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)")
_STAMP = re_compile(rf"{_DATE.pattern}\s*\d{{1,2}}:\d{{2}}")
_PROXY_SEAL = re_compile(r"\(代章\)|（代章）")
# A line the page cut from a signing date (2, 2021年) or left blank under the signature.
_CUT_DATE = re_compile(r"^[\d年月日〇一二三四五六七八九十]{0,6}$"
                       r"|^(?:\d{4}|[〇一二三四五六七八九]{4})年[\d〇一二三四五六七八九十]{1,3}月\s*日?$")  # …年八月　日
# How the last paragraph above a signature ends (特此通报。, 请认真落实!).
_CLOSINGS = ("。", "!", "通报", "通知", "报告")
# A numbered item this long is a paragraph of the body ((三)各单位要…。), not a heading over a list of names.
_ITEM_PARAGRAPH = 30
_ISSUER_KEYS = tuple(VOCAB["issuer_keys"])
_FOOTER = re.compile("|".join(map(re.escape, VOCAB["footer_openings"])))
_LINE_OPENING = " \t【["
_RANGE_END = re_compile(r"(?:(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月)?(?P<d>\d{1,2})日")
_DIGITS = re_compile(r"^\d+$")
_HAN = re_compile(r"\p{Han}")
_CC = re_compile(r"^\s*(?:抄报|抄送)\s*[:]\s*(?P<v>.+)$")
_NAME_SEP = re_compile(r"[、和及]")
_PHONE_SEP = re_compile(r"[、,/]")
_NAME_MARKS = re_compile(r"[,、;，；(（〔\[)）〕\]]")  # what split_names acts on: separators, brackets


@dataclass
class Metadata:
    title: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    date: str | None = None
    recipients: list[str] = field(default_factory=list)
    period: dict | None = None
    index_number: str | None = None
    attachments: list[str] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)
    contacts: list[dict] = field(default_factory=list)
    body_start: int = 0
    body_end: int | None = None
    # The signature's lines when the body goes on past them into an enclosed document: no part of either.
    signature: tuple[int, int] | None = None
    warnings: list[str] = field(default_factory=list)


def _num(text: str) -> int | None:
    return int(text) if text.isdigit() else chinese_to_int(text)


def parse_date(match: regex.Match) -> dt.date | None:
    """A date from a _DATE match, or None when the parts do not make a real day."""
    year, month, day = (_num(match.group(k)) for k in ("y", "m", "d"))
    try:
        return dt.date(year, month, day) if year and month and day else None
    except ValueError:
        return None


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _title(lines: list[tuple[int, str]], limit: int) -> tuple[str | None, str | None]:
    """The first heading-like line naming the notice (joined when broken over up to three lines, taken from a
    header field or from 《》 after a document number), and a document number written after it in brackets."""
    for index, (_, line) in enumerate(lines[:limit]):
        clean = line.strip()
        if _HEADING_LINE.match(clean):
            continue
        labelled = _TITLE_LABEL.match(clean) if clean.lstrip("•· 【[|").startswith(_TITLE_LABELS) else None
        if labelled is None and _FIELD_LINE.match(clean):
            continue
        clean = labelled.group("rest").strip() if labelled else clean
        quoted = _BOOK_TITLE.search(clean) if "《" in clean else None
        rest = clean.replace(quoted.group(), "").strip(" :") if quoted else ""
        if quoted and quoted.group("title").endswith(_TITLE_ENDINGS) and len(rest) <= 30 and not _SENTENCE_MARK.search(rest) \
                and "关于" not in rest:  # 某某关于印发《…方案》的通知 is a title around the enclosed one's
            number = rest if _DOC_NUMBER.fullmatch(rest) else None
            return quoted.group("title"), number  # 营政办〔2023〕7号:《某某关于…的通报》
        if clean[:1] in _DATE_START and _DATE.match(clean):
            continue  # a posting date, never part of a title
        clean = _once(clean)
        head = _LEADING_TITLE.match(clean) if ":" in clean else None  # (its lookahead ends at a colon)
        if head and len(clean) > len(head.group("title")) + 10:
            clean = head.group("title")
        if "|" in clean and (tail := _TITLE_TAIL.search(clean)) and spam_in(clean[tail.start():]):
            clean = clean[:tail.start()]  # …工作要点_某某娱乐|某某棋牌: what a scraper joined on, bars and all
        if "|" in clean or not 6 <= len(clean) <= 200 or clean.endswith(":") or _NAV.search(clean):
            continue  # (the pattern last: the other tests are cheaper)
        clean = _without_junk_tail(clean)
        if " 关于" in clean and (spaced := _BEFORE_SPACED_ABOUT.match(clean)):
            # 某某市人民政府办公室 关于…的通知 (the issuer, or two), 通知公告 关于… (the page's column): the title is from 关于
            clean = clean[spaced.end():]
        if clean.endswith(("期)", "周)", "号", "期")) and (edition := _EDITION.search(clean)) \
                and clean[:edition.start()].endswith(_TITLE_ENDINGS):
            return clean, None
        tail = _TITLE_TAIL.search(clean) if clean.endswith("号)") or _DASHES.search(clean) else None
        number = tail.group("number") if tail else None
        clean = clean[: tail.start()] if tail else clean
        if clean.endswith(("…", ".")) and _ELLIPSIS.search(clean) and clean.startswith("关于", _about_at(clean)) \
                and "。" not in clean:  # (every _ELLIPSIS ends in one of those: most lines need no search)
            return _ELLIPSIS.sub("", clean), number  # a title the page cut short: 关于…抽查情况…
        joined = _joined(clean, [l.strip() for _, l in lines[index + 1:index + 3]])
        if joined:
            return joined, number if joined == clean else None
    return None, None


# Words set apart before a title that opens with 关于: issuers, or the page's column (通知公告, 监督检查).
_BEFORE_SPACED_ABOUT = regex.compile(r"(?:[^\s。,:;]{2,40}+\s++){1,4}(?=关于)")
# A body's name, then spaces, opening a title line before 关于 (ANNOTATION.md: the title is from 关于 on).
_ISSUER_SPACE_ABOUT = regex.compile(r"\p{Han}{2,30}(?:办公室|办公厅|人民政府|政府|委员会|小组|中心|局|厅|委|办|部|处|院)"
                                     r"(?:\(\p{Han}{1,10}\))?\s+(?=关于)")  # (not a header's key: 信息名称 关于…)


_LONG_LINE = 100  # a first line longer than this, with no title found, ran the page's head together
# In such a line, a title set apart by spaces, between the page's head and its date or source (首页 > 通知公告
# 某某办公室关于…的通知 发布时间:…).
_INLINE_TITLE = regex.compile(r"(?:^|\s)(\p{Han}{0,30}关于[^\s。;:,]{4,120}?(?:的通知|的通报|的报告|的意见|的函|情况通报))"
                              r"(?=\s|发布|来源|时间|$)")


def _inline_title(line: str) -> str | None:
    """The title inside the first line of a page whose line breaks were lost, if one stands apart there."""
    match = _INLINE_TITLE.search(line, 0, _INLINE_REACH)
    return match.group(1) if match else None


_INLINE_REACH = 400  # characters of such a line read for its title


def _about_at(title: str) -> int:
    index = title.find("关于")
    return max(index, 0)


def _without_junk_tail(line: str) -> str:
    for tail in _TITLE_JUNK_TAILS:
        if line.endswith(tail):
            return line[: -len(tail)]
    return line


def _once(line: str) -> str:
    """A title printed twice on one line (某某关于…的通报某某关于) kept once."""
    if _ends_in_title_word(line) or not _ANY_TITLE_WORD.search(line):
        return line  # (one scan for all the words, before the search for each)
    for word in _TITLE_WORDS:
        end = line.find(word)
        while end >= 0:
            cut = end + len(word)
            again = line[cut:cut + min(cut, 8)].strip()
            if len(again) >= 4 and line.startswith(again):
                return line[:cut]
            end = line.find(word, cut)
    return line


def _joined(first: str, following: list[str]) -> str | None:
    """A title from its first line and up to two lines after it: 某某关于2023年 / 二季度全州… / …的通报, an
    issuer line before 关于 included; a line ending in a title word takes a short 的通知 line after it."""
    title = first
    opens = bool(_YEAR_OR_ABOUT.search(first)) or bool(  # an issuer's line above 关于… or 2023年…
        following and _YEAR_OR_ABOUT.match(following[0]) and _ORG_END.search(first) and len(first) <= 40)
    for nxt in following:
        ended = _ends_as_title(title)
        continues = bool(_CONTINUATION.match(nxt)) and not title.endswith(_OF_TITLE_WORDS)
        if ended and not continues:
            break
        if not opens or not nxt or nxt.endswith(":") or len(title) + len(nxt) > 150 or _CLAUSE_MARK.search(nxt) \
                or _HEADING_LINE.match(nxt) or "|" in nxt or _NAV.search(nxt):
            break  # (a breadcrumb under a site's name and date is no part of a title)
        title += nxt
    if _ends_as_title(title) and "。" not in title and len(title) <= 150 \
            and (title == first or not _CLAUSE_MARK.search(title)):
        return title
    return None


def _signature(lines: list[tuple[int, str]]) -> tuple[int, str | None, dt.date | None]:
    """The first org line followed by a date line after the body: (offset, issuer, date). A body that signs
    with another's seal (某某小组办公室 / 某某局(代章)) is the issuer, not the body whose seal it borrows."""
    header = None  # a body and its date on one line near the top (桂川市政务公开办公室  2016年6月3日): a page's
    for index in range(1, len(lines)):  # header, used only when no signature follows the body
        start, line = lines[index]
        stripped = line.strip()
        if not _DATE_SEPARATOR.search(stripped):
            continue  # no date, so neither a date line nor a body's name and date (most lines)
        match = _DATE_LINE.match(stripped)
        if not match:
            glued_start, glued = _glued_signature(start, stripped)
            one = _ORG_DATE_LINE.match(glued)
            if one and _ORG_END.search(one["org"]) and (day := parse_date(one)):
                if index > len(lines) // 2:
                    return glued_start, one["org"], day
                header = header or (glued_start, one["org"], day)
            continue
        issuer_start, issuer_line = lines[index - 1]
        if index >= 2 and _SEAL_LINE.match(issuer_line.strip()) and _is_signing_line(lines[index - 2][1]):
            return lines[index - 2][0], lines[index - 2][1].strip(), parse_date(match)
        issuer_start, issuer_line = _glued_signature(issuer_start, issuer_line)
        issuer = _SEAL.sub("", issuer_line).strip()
        if issuer and len(issuer) <= 40 and _ORG_END.search(issuer) and not _CLAUSE_MARK.search(issuer):
            above_start, above = lines[index - 2] if index >= 2 else (0, "")
            if _PROXY_SEAL.search(issuer_line) and _is_signing_line(above):
                return above_start, above.strip(), parse_date(match)
            parts = issuer.split()
            if len(parts) > 1 and all(_is_signing_line(part) for part in parts):
                issuer = "、".join(parts)  # 县政府办公室 县财政局: bodies signing jointly, on one line
            elif _is_signing_line(above) and above.strip() != issuer and not _CLAUSE_MARK.search(above):
                return above_start, f"{above.strip()}、{issuer}", parse_date(match)  # or one per line
            return issuer_start, issuer, parse_date(match)
        if index > len(lines) // 2 or any(cue in lines[index - 1][1] for cue in _enclosure_cues()):
            return start, None, parse_date(match)  # (…印发给你们,请认真执行。/ 2022年8月12日 / the enclosed rules)
    return header or (-1, None, None)


def _glued_signature(start: int, line: str) -> tuple[int, str]:
    """A signature run into the closing sentence by a page that lost its line breaks (…请认真落实。区政府办公室,
    over its date, or with its date on the line): what follows the last full stop, with its offset, when it is
    a signature; else the line as it is."""
    cut = max(line.rfind("。"), line.rfind("!")) + 1
    if cut and (_is_signing_line(line[cut:]) or _ORG_DATE_LINE.match(line[cut:])):
        return start + cut, line[cut:]
    return start, line


def _is_signing_line(line: str) -> bool:
    name = _SEAL.sub("", line).strip()
    return 2 <= len(name) <= 40 and bool(_ORG_END.search(name)) and not _NOT_ORG.search(name) \
        and not _HEADING_LINE.match(name)


def _bare_signature(lines: list[tuple[int, str]]) -> tuple[int, str | None]:
    """A body's name closing the text with no date under it (…请认真落实。/ 区政府办公室), or over a date the
    page cut short (镇巴县人民政府办公室 / 2)."""
    index = len(lines) - 1
    while index > 0 and _is_footer_line(lines[index][1]):
        index -= 1  # (…办公室 ⏎ 【打印】【关闭】 ⏎ 分享到: the page's buttons under the signature)
    while index > 0 and _CUT_DATE.match(lines[index][1].strip()):
        index -= 1
    if index > 1 and _SEAL_LINE.match(lines[index][1].strip()):
        index -= 1  # the signer's name over the seal it borrows
    line = lines[index][1].strip()
    if bracketed := _BRACKETED_NAME.match(line):  # (a match, not sub(r"\1"): re hands a template to Python each call)
        line = bracketed[1]
    above_index = index - 1
    while above_index > 0 and lines[above_index][1].strip().startswith(_CONTACT_LABELS + ("附件",)):
        above_index -= 1  # (…予以通报。⏎ 联系人:… ⏎ 附件:… ⏎ 某某市人民政府办公室: contacts and attachments close the body)
    above = lines[above_index][1].strip() if above_index >= 0 else ""
    if index < 1 or not _is_signing_line(line) or not above.endswith(_CLOSINGS):
        return -1, None
    if _HEADING_LINE.match(above) and (len(above) < _ITEM_PARAGRAPH or "、" in line):
        return -1, None  # a line under a heading ((一)错别字较多。/ 甲局、乙局) is the body's, not a signature
    return lines[index][0], _SEAL.sub("", line).strip()


def _is_footer_line(line: str) -> bool:
    """A line of the page's footer (【打印】【关闭】, 分享到:): a footer word opens it, as _footer_start reads one."""
    match = _FOOTER.search(line)
    return match is not None and not line[:match.start()].strip(_LINE_OPENING)


# Lines of contacts between a body's last paragraph and its signature.
_CONTACT_LABELS = ("联系人", "联系电话", "联系方式", "电话", "邮箱", "电子邮箱", "传真")
# A signature some pages print in brackets, on the last line of their text: (某某市人民政府新闻办公室).
_BRACKETED_NAME = re_compile(r"^\(([^()]{2,40})\)$")


@lru_cache(maxsize=1)
def _enclosure_cues() -> tuple[str, ...]:
    """The task-genre cues of sections.yaml that send a document (印发给你们), read from there, not repeated."""
    genres = load_yaml("sections.yaml")["genres"]
    return tuple(dict.fromkeys(cue for genre in genres if genre["genre"] == "task" for cue in genre["cues"]
                               if VOCAB["enclosure_word"] in cue))


def _signature_end(text: str, start: int) -> int:
    """Where the signature that opens at `start` ends: after its date line, else after its own line."""
    own_end = end = text.find("\n", start)
    for _ in range(3):
        if end < 0:
            return len(text)
        line_start, end = end + 1, text.find("\n", end + 1)
        if _DATE_LINE.match(text[line_start:end if end >= 0 else len(text)].strip()):
            return len(text) if end < 0 else end
    return own_end


def _enclosing(text: str, start: int, end: int, attachments: list[str]) -> bool:
    """现将《…工作要点》印发给你们: the enclosed document after the signature belongs to the notice; so does
    one whose title the notice names in 《》 or lists as its attachment (附件:…考核结果) and that heads a line
    just after the signature (现予印发, 转发, 现将结果予以公布)."""
    preamble = text[start:end]
    if any(cue in preamble for cue in _enclosure_cues()):
        return True
    titles = [match["title"] for match in _BOOK_TITLE.finditer(preamble)] if "《" in preamble else []
    titles += attachments
    lines = [line.strip() for line in text[end:end + _ENCLOSED_HEAD].split("\n")]
    return any(line.endswith(title) for title in titles for line in lines if line)


def _footer_start(text: str, start: int) -> int:
    """Where the first line opening with a footer word (上一篇, 相关链接, 版权所有…) starts, or -1."""
    for match in _FOOTER.finditer(text, start):
        line = text.rfind("\n", 0, match.start()) + 1
        if not text[line:match.start()].strip(_LINE_OPENING):
            return line
    return -1


def extract_metadata(text: str, header_pairs: list[tuple[str, str]] | None = None) -> Metadata:
    """Read the metadata fields of a normalised notice."""
    meta = Metadata()
    pairs = dict(header_pairs or [])
    lines = _lines(text)
    head_limit = next((i for i, (_, l) in enumerate(lines) if _FIRST_HEADING.match(l)), min(len(lines), 25))
    # the title stands above the 主送 line: a title-like line below it heads an enclosed document
    addressed = next((i for i, (_, l) in enumerate(lines[:head_limit]) if "各" in l and _RECIPIENT_LINE.match(l)), None)
    meta.title, bracket_number = _title(lines, max(head_limit if addressed is None else addressed + 1, 1))
    if meta.title is None and lines and len(lines[0][1]) > _LONG_LINE:
        meta.title = _inline_title(lines[0][1])

    for index, (start, line) in enumerate(lines[: head_limit + 1]):
        if meta.title and line.startswith(meta.title) and len(line) > len(meta.title):
            start, line = start + len(meta.title), line[len(meta.title):]
            line = line[: line.index(":") + 1] if ":" in line[:80] else line
        if line.endswith(":") and _RECIPIENT_LINE.match(line) \
                and ("各" in line or _ORG_END.search(line.rstrip(":").split(",")[0])):
            meta.recipients = split_names(line.rstrip(":"))
            meta.body_start = start + len(line) + 1
            break

    for _, line in lines[:head_limit]:
        if "号" not in line:
            continue
        match = _DOC_NUMBER.fullmatch(line.strip()) or (
            _DOC_NUMBER.search(line) if line.strip().startswith(("文号", "发文字号")) else None)
        if match:
            meta.doc_number = normalise_doc_number(match.group(0))
            break
    if meta.doc_number is None and bracket_number and _DOC_NUMBER.fullmatch(bracket_number):
        meta.doc_number = normalise_doc_number(bracket_number)
    if meta.doc_number is None and pairs.get("发文字号"):
        match = _DOC_NUMBER.fullmatch(pairs["发文字号"].strip())
        meta.doc_number = normalise_doc_number(match.group(0)) if match else None

    sig_start, issuer, signed = _signature(lines)
    if issuer is None and signed is None:
        sig_start, issuer = _bare_signature(lines)
    meta.attachments = _attachments(lines)
    # a "signature" in the first third is a header line, not the end of the body
    if sig_start >= len(text) // 3 and not _enclosing(text, meta.body_start, sig_start, meta.attachments):
        meta.body_end = sig_start
    elif sig_start > meta.body_start and (issuer or signed):
        meta.signature = (sig_start, _signature_end(text, sig_start))
    footer = _footer_start(text, max(meta.body_start, len(text) // 3))
    if footer >= 0 and (meta.body_end is None or footer < meta.body_end):
        meta.body_end = footer  # 上一篇:…, 相关链接:…, 版权所有: the page's footer, not the notice
    head = lines[:head_limit]
    meta.issuer = (issuer or issuer_in_title(meta.title) or _issuer_by_title(head, meta.title)
                   or _header_issuer(head, pairs) or _dated_issuer(head))
    meta.date = signed.isoformat() if signed else _header_date(head, pairs, meta)
    if meta.date is None and not meta.warnings:
        meta.date = _posted_date(head)
    if meta.title and (spam := spam_in(meta.title) or _spam_after_title(head, meta.title)):
        meta.warnings.append(f"title holds words a scraper inserted: {'、'.join(spam)}")
    meta.index_number = pairs.get("索引号") or _header_value(lines[:head_limit], ("索引号",))
    meta.period = _period(text, int(meta.date[:4]) if meta.date else None)
    meta.cc = _cc(lines)
    meta.contacts = _contacts(text)
    return meta


def split_names(line: str) -> list[str]:
    """Split a list of bodies on , 、 ; outside brackets: 各县(市、区)人民政府 stays whole."""
    names, depth, start = [], 0, 0
    for mark in _NAME_MARKS.finditer(line):
        ch = mark.group()
        if ch in "(（〔[":
            depth += 1
        elif ch in ")）〕]":
            depth -= depth > 0
        elif depth == 0:
            names.append(line[start:mark.start()].strip())
            start = mark.end()
    names.append(line[start:].strip())
    return [n for n in names if n]


def normalise_doc_number(raw: str) -> str:
    """Unify the year brackets to 〔〕 and drop spaces: 岳政办明电[2016]6号 → 岳政办明电〔2016〕6号."""
    clean = _SPACES.sub("", raw)
    return _YEAR_BRACKETS.sub(lambda m: f"〔{m[1]}〕", clean)  # (a function: a template is parsed per call)


_LABELS = ("信息来源|来源|发布时间|发布日期|发布机构|生成日期|成文日期|编稿时间|归档时间|时间|日期|字体|字号|"
           "浏览|阅读|点击|作者|主题分类|组配分类|文号|索引号|关键词|公开方式|有效性")
_FURNITURE_LABELS = "|".join(sorted(VOCAB["furniture_labels"], key=len, reverse=True))
_NEXT_LABEL = rf"(?=\s|\||【|\[|$|(?:{_LABELS})\s*[:]|(?:{_LABELS})\d|(?:{_FURNITURE_LABELS}))"


@lru_cache(maxsize=None)
def _header_pattern(key: str) -> re.Pattern:
    """key:value, 【key】value, [key]value, or a date right after its key (生成日期2022-01-05); a value may open
    with a bracket (来源:【县政府办】, or an advert a mirror put there)."""
    return re_compile(rf"(?:{key}\s*[:]|【{key}】|\[{key}\]|{key}(?=\d))\s*(?P<v>(?:【[^】\n]{{1,20}}】)?[^\s|【\[]*?){_NEXT_LABEL}")


def _header_value(lines, keys) -> str | None:
    """A `key:value` field of a page header; the value stops at the next label or separator, and a field
    whose value is on the next line (• 发布日期: / 2022年07月01日) takes that line."""
    for index, (_, line) in enumerate(lines):
        for key in keys:
            match = _header_pattern(key).search(line) if key in line else None
            if not match:
                continue
            if match.group("v").strip():
                return match.group("v").strip()
            if not line[match.end():].strip() and index + 1 < len(lines) and len(lines[index + 1][1].strip()) <= 40:
                value = lines[index + 1][1].strip()
                if value and not value.endswith(":"):
                    return value
    return None


def _header_issuer(lines, pairs: dict) -> str | None:
    """The first header field naming a body (来源 before 发布机构), furniture and site names skipped."""
    head = "\n".join(line for _, line in lines)  # one scan per key rules most keys out
    for key in _ISSUER_KEYS:
        issuer = header_issuer(pairs.get(key)) or (header_issuer(_header_value(lines, (key,))) if key in head else None)
        if issuer:
            return issuer
    return None


def _header_date(lines, pairs, meta: Metadata) -> str | None:
    head = "\n".join(line for _, line in lines)  # one scan per key rules most keys out
    for key in _HEADER_DATE_KEYS:
        value = pairs.get(key) or (_header_value(lines, (key,)) if key in head else None)
        if not value:
            continue
        match = _DATE.search(value)
        day = parse_date(match) if match else None
        if day:
            return day.isoformat()
        meta.warnings.append(f"damaged date in header field {key}: {value!r}")
        return None
    return None


def _spam_after_title(lines, title: str) -> list[str]:
    """Spam words a scraper joined on after the title on its line (the title is read without them)."""
    line = next((line for _, line in lines if title in line), "")
    return spam_in(line[line.index(title) + len(title):]) if line else []


def _issuer_by_title(lines, title: str | None) -> str | None:
    """A body's name standing alone on the line above or below the title, or before it on its line (某某办公室
    关于…)."""
    if not title:
        return None
    for index, (_, line) in enumerate(lines):
        if line.strip() != title:
            if line.rstrip().endswith(title) and _ISSUER_SPACE_ABOUT.match(opening := line.strip()[:-len(title)] + "关于"):
                return opening[:-2].strip()
            continue
        for near in (index - 1, index + 1):
            if 0 <= near < len(lines):
                candidate = _SEAL.sub("", lines[near][1]).strip()
                if 4 <= len(candidate) <= 30 and _ORG_END.search(candidate) and not _NOT_ORG.search(candidate):
                    return candidate
    return None


# A header line of a posting date (and time) with the publishing body right after it, no label between.
_DATED_BODY = re_compile(r"(?:19|20)\d{2}(?:-\d{1,2}-\d{1,2}|年\d{1,2}月\d{1,2}日)(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*"
                         r"(?P<name>[\p{Han}()]{2,40})$")


def _dated_issuer(lines) -> str | None:
    """2022-10-20 10:15定安县人民政府办公室: a header line that gives the posting date and then, unlabelled, the body
    that posted it."""
    for _, line in lines:
        match = _DATED_BODY.match(line.strip()) if "-" in line or "年" in line else None  # (every date holds one)
        if match and (name := header_issuer(match["name"])) and ORG_END.search(name):
            return name
    return None


def _posted_date(lines) -> str | None:
    """A page header's unlabelled posting date: a line opening with a date (2024-09-10 17:02 阅读人数…,
    2023年01月13日, 2023.02.07), else a date stamped with a time of day (…门户网站 2019-04-22 10:42来源:…)."""
    stamped = None
    for _, line in lines:
        clean = line.strip()
        clean = clean[1:] if clean.startswith("(") else clean  # (2010-08-04)来源:…: the date in brackets
        match = (_ISO_DATE.match(clean) or _DATE.match(clean)) if _DATE_FIRST.match(clean) else None
        day = parse_date(match) if match and not _NOT_POSTED.search(clean, match.end()) else None
        if day:  # 2020年7月28日,根据… opens a sentence, 2024年1月1日至3月31日 a period: not the page's date
            return day.isoformat()
        if stamped is None and ":" in line:  # (a stamp's time of day holds one)
            time = _STAMP.search(line)
            stamped = parse_date(time) if time else None
    return stamped.isoformat() if stamped else None


_RANGE = regex.compile(
    r"(?:自|从)?(?P<a>(?:\d{4}年)?\d{1,2}月\d{1,2}日)(?:起)?\s*(?:—|–|-|~|至|到|－)+\s*"
    r"(?P<b>(?:(?:\d{4}年)?\d{1,2}月)?\d{1,2}日)(?:止)?")
_INSPECTION = re_compile(r"统计|抽查|检查|监测|考核|测评|检测|评估|巡查|期限|时段|期间|数据")


def _period(text: str, year: int | None = None) -> dict | None:
    """A stated statistics or inspection period; missing year and month inherit from the start."""
    match = _PERIOD.search(text) if any(word in text for word in _PERIOD_WORDS) else None
    candidates = [(match.group("a"), match.group("b"))] if match else []
    for found in _RANGE.finditer(text):
        sentence_start = max(text.rfind("。", 0, found.start()), text.rfind("\n", 0, found.start()))
        sentence_end = min((i for i in (text.find("。", found.end()), text.find("\n", found.end())) if i >= 0),
                           default=len(text))
        if _INSPECTION.search(text, sentence_start + 1, sentence_end):
            candidates.append((found.group("a"), found.group("b")))
    for first_text, second_text in candidates:
        period = _range_dates(first_text, second_text, year)
        if period:
            return period
    return None


def _range_dates(first_text: str, second_text: str, year: int | None) -> dict | None:
    first = _MONTH_DAY.search(first_text)
    second = _RANGE_END.search(second_text)
    if not first or not second:
        return None
    start_year = int(first.group("y") or year or 0)
    if not start_year:
        return None
    try:
        start = dt.date(start_year, int(first.group("m")), int(first.group("d")))
        end = dt.date(int(second.group("y") or start_year), int(second.group("m") or start.month),
                      int(second.group("d")))
    except ValueError:
        return None
    return {"start": start.isoformat(), "end": end.isoformat()} if end >= start else None


def _attachments(lines) -> list[str]:
    for index, (_, line) in enumerate(lines):
        match = _ATTACHMENT_START.match(line.strip()) if "附" in line else None
        if not match or (match.group("rest") and _DIGITS.match(match.group("rest"))):
            continue
        titles: list[str] = []
        rest = match.group("rest").strip()
        item = _ITEM.match(rest)
        if rest:
            titles.append(item.group("title") if item else rest)
        for follow_index in range(index + 1, min(index + 30, len(lines))):
            follow = lines[follow_index][1].strip()
            item = _ITEM.match(follow)
            after = lines[follow_index + 1][1].strip() if follow_index + 1 < len(lines) else ""
            if item and not _DATE_LINE.match(follow):
                titles.append(item.group("title"))
            elif titles and follow and len(follow) <= 20 and _HAN.search(follow) \
                    and not _DATE_LINE.match(after) \
                    and not _DATE_LINE.match(follow) and not follow.startswith(("抄", "(", "附件")) \
                    and not _is_signing_line(follow):
                titles[-1] += follow
            else:
                break
        return [_TRAILING_JUNK.sub("", t).strip() for t in titles if _TRAILING_JUNK.sub("", t).strip()]
    return []


def _cc(lines) -> list[str]:
    for _, line in lines:
        match = _CC.match(line) if "抄" in line else None
        if match:
            return [p.strip(" 。.") for p in split_names(match.group("v")) if p.strip(" 。.")]
    return []


def _contacts(text: str) -> list[dict]:
    """联系人 lines: each name paired with its phone in order; a phone with no name stands alone."""
    contacts = []
    for match in _CONTACT.finditer(text):
        names = _NAME_SEP.split(match.group("names"))
        phone = _PHONE.search(text, match.end(), match.end() + 40)
        phones = _PHONE_SEP.split(phone.group("phone")) if phone else []
        for index, name in enumerate(names):
            number = phones[index] if index < len(phones) else (phones[-1] if phones else None)
            contacts.append({"name": name, "phone": number.strip() if number else None})
    if not contacts and "联系" in text:
        contacts = [{"name": None, "phone": number.strip()} for m in _PHONE.finditer(text)
                    if "联系" in text[max(0, m.start() - 8):m.start() + 4]
                    for number in _PHONE_SEP.split(m.group("phone"))]
    return contacts
