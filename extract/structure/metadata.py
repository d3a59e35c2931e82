"""Notice metadata: title, number, issuer, date, recipients, period, attachments, cc, contacts."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from .numerals import chinese_to_int

CN_NUM = "〇零○一二三四五六七八九十"
_DATE = regex.compile(
    rf"(?P<y>\d{{4}}|[{CN_NUM}]{{4}})\s*[年\-./]\s*(?P<m>\d{{1,2}}|[{CN_NUM}]{{1,3}})\s*[月\-./]\s*"
    rf"(?P<d>\d{{1,2}}|[{CN_NUM}]{{1,3}})(?:日|号|(?![\d]))"
)
_MONTH_DAY = regex.compile(r"(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日")
_DATE_LINE = regex.compile(rf"^\(?{_DATE.pattern}\)?$")
_DOC_NUMBER = regex.compile(r"[\p{Han}]{1,12}[〔\[(【]\s*((?:19|20)\d{2})\s*[〕\])】]\s*(\d{1,5})\s*号")
_TITLE_WORDS = ("通报", "报告", "通知", "情况", "公告", "意见", "总结", "的函")  # what a notice's title ends in
_TITLE_ENDINGS = tuple(word + close for word in _TITLE_WORDS for close in ("", ")"))
# A title line often carries junk after it: a site name after a dash, the number in brackets.
# _TITLE_TAIL is only tried on lines with a dash or ending in 号), as each of its matches needs one.
_DASHES = regex.compile(r"[-_|—]")
_TITLE_TAIL = regex.compile(rf"(?<={'|'.join(_TITLE_WORDS)})(?:\s*[-_|—]+\s*[^。]{{0,40}}|\s*\((?P<number>[^()]{{2,20}}\d+号)\))$")
_NAV = regex.compile(r"^(?:上一条|下一条|上一篇|下一篇|首页|网站首页|EN$|https?:)|^您?(?:当前|现在|所在)?的?位置|>.*>|/.*/.*/")
_RECIPIENT_LINE = regex.compile(r"^[^。]{2,200}[:]$")
_ORG_END = regex.compile(r"(办公室|办公厅|人民政府|政府|委员会|小组|中心|局|厅|委|办|部|处|院|会|室|组)$")
# A page whose newlines were lost: the title runs straight into the 主送 line.
_LEADING_TITLE = regex.compile(r"^(?P<title>[^。:]{6,120}?的(?:通报|报告))(?=[\p{Han}、,]{2,60}:)")
_SEAL = regex.compile(r"\((?:代章|印章|盖章|章)\)|（(?:代章|印章)）")
_PERIOD = regex.compile(
    r"(?:统计|抽查|检查|监测|考核|测评|检测|评估|通报)(?:时间|时段|周期|期间|区间)(?:范围)?(?:为|是|:)?\s*"
    rf"(?P<a>{_DATE.pattern})\s*(?:—|–|-|~|至|到|－|——)+\s*(?P<b>(?:\d{{4}}年)?\d{{1,2}}月\d{{1,2}}日)"
)
_HEADER_DATE_KEYS = ("生成日期", "发布时间", "发布日期", "成文日期", "时间", "日期")
_ATTACHMENT_START = regex.compile(r"^(?:附件|附表|附(?=\s*:))\s*[:]?\s*(?P<rest>.*)$")
_ITEM = regex.compile(r"^(?P<n>[1-9]\d?)[.、]\s*(?P<title>.+)$")
_TRAILING_JUNK = regex.compile(r"[\s\p{So}\p{Po}]+$|(?<=[表单况])\d{4,8}$")
_CONTACT = regex.compile(
    r"联系人(?:及(?:联系)?电话|姓名)?\s*[:]?\s*(?P<names>[\p{Han}]{2,4}(?:[、和及][\p{Han}]{2,4}){0,5})"
    r"(?=[,;\s)、]|$|联系|电话|\d)")
_PHONE = regex.compile(r"(?:联系电话|联系方式|电话|手机|,)\s*[:]?\s*(?P<phone>\d[\d\-— ]{4,20}\d(?:[、,/]\d[\d\-— ]{4,20}\d){0,5})")

# Patterns used line by line, compiled once rather than looked up in regex's cache on every call.
_FIRST_HEADING = regex.compile(r"^(一|\(一\))[、)]")
_YEAR_OR_ABOUT = regex.compile(r"\d{4}年|关于")
_CLAUSE_MARK = regex.compile(r"[。,:]")
_NOT_ORG = regex.compile(r"[\d。,:>/ ]")
_SPACES = regex.compile(r"\s+")
_YEAR_BRACKETS = regex.compile(r"[\[(【](\d{4})[\])】]")
_ISO_DATE = regex.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)")
_RANGE_END = regex.compile(r"(?:(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月)?(?P<d>\d{1,2})日")
_DIGITS = regex.compile(r"^\d+$")
_HAN = regex.compile(r"\p{Han}")
_CC = regex.compile(r"^\s*(?:抄报|抄送)\s*[:]\s*(?P<v>.+)$")
_NAME_SEP = regex.compile(r"[、和及]")
_PHONE_SEP = regex.compile(r"[、,/]")
_NAME_MARKS = regex.compile(r"[,、;，；(（〔\[)）〕\]]")  # what split_names acts on: separators, brackets


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
    """The first heading-like line naming the notice (joined when broken over two lines), and a
    document number written after it in brackets."""
    for index, (_, line) in enumerate(lines[:limit]):
        clean = line.strip()
        head = _LEADING_TITLE.match(clean)
        if head and len(clean) > len(head.group("title")) + 10:
            clean = head.group("title")
        if _NAV.search(clean) or "|" in clean or not 6 <= len(clean) <= 200 or clean.endswith(":"):
            continue
        tail = _TITLE_TAIL.search(clean) if clean.endswith("号)") or _DASHES.search(clean) else None
        number = tail.group("number") if tail else None
        clean = clean[: tail.start()] if tail else clean
        if clean.endswith(_TITLE_ENDINGS) and "。" not in clean and len(clean) <= 150:
            return clean, number
        nxt = lines[index + 1][1].strip() if index + 1 < len(lines) else ""
        if nxt and len(clean) + len(nxt) <= 150 and nxt.endswith(_TITLE_ENDINGS) and not nxt.endswith(":") \
                and _YEAR_OR_ABOUT.search(clean) and not _CLAUSE_MARK.search(clean + nxt):
            return clean + nxt, None
    return None, None


def _signature(lines: list[tuple[int, str]]) -> tuple[int, str | None, dt.date | None]:
    """The first org line followed by a date line after the body: (offset, issuer, date)."""
    for index in range(1, len(lines)):
        start, line = lines[index]
        match = _DATE_LINE.match(line.strip())
        if not match:
            continue
        issuer_start, issuer_line = lines[index - 1]
        issuer = _SEAL.sub("", issuer_line).strip()
        if issuer and len(issuer) <= 40 and _ORG_END.search(issuer) and not _CLAUSE_MARK.search(issuer):
            return issuer_start, issuer, parse_date(match)
        if index > len(lines) // 2:
            return start, None, parse_date(match)
    return -1, None, None


def extract_metadata(text: str, header_pairs: list[tuple[str, str]] | None = None) -> Metadata:
    """Read the metadata fields of a normalised notice."""
    meta = Metadata()
    pairs = dict(header_pairs or [])
    lines = _lines(text)
    head_limit = next((i for i, (_, l) in enumerate(lines) if _FIRST_HEADING.match(l)), min(len(lines), 25))
    meta.title, bracket_number = _title(lines, max(head_limit, 1))

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
    if sig_start >= len(text) // 3:  # a "signature" in the first third is a header line, not the end of the body
        meta.body_end = sig_start
    meta.issuer = (issuer or _header_value(lines[:head_limit], ("来源", "发布机构")) or pairs.get("发布机构")
                   or _issuer_by_title(lines[:head_limit], meta.title))
    meta.date = signed.isoformat() if signed else _header_date(lines[:head_limit], pairs, meta)
    if meta.date is None and not meta.warnings:
        meta.date = _leading_date(lines[:head_limit])
    meta.index_number = pairs.get("索引号") or _header_value(lines[:head_limit], ("索引号",))
    meta.period = _period(text, int(meta.date[:4]) if meta.date else None)
    meta.attachments = _attachments(lines)
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
    return _YEAR_BRACKETS.sub(r"〔\1〕", clean)


_LABELS = ("信息来源|来源|发布时间|发布日期|发布机构|生成日期|成文日期|编稿时间|归档时间|时间|日期|字体|字号|"
           "浏览|阅读|点击|作者|主题分类|组配分类|文号|索引号|关键词|公开方式|有效性")
_NEXT_LABEL = rf"(?=\s|\||【|\[|$|(?:{_LABELS})\s*[:])"


@lru_cache(maxsize=None)
def _header_pattern(key: str) -> regex.Pattern:
    return regex.compile(rf"{key}\s*[:]\s*(?P<v>[^\s|【]*?){_NEXT_LABEL}")


def _header_value(lines, keys) -> str | None:
    """A `key:value` field of a page header; the value stops at the next label or separator."""
    for _, line in lines:
        for key in keys:
            match = _header_pattern(key).search(line) if key in line else None
            if match and match.group("v").strip():
                return match.group("v").strip()
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


def _issuer_by_title(lines, title: str | None) -> str | None:
    """A body's name standing alone on the line above or below the title."""
    if not title:
        return None
    for index, (_, line) in enumerate(lines):
        if line.strip() != title:
            continue
        for near in (index - 1, index + 1):
            if 0 <= near < len(lines):
                candidate = _SEAL.sub("", lines[near][1]).strip()
                if 4 <= len(candidate) <= 30 and _ORG_END.search(candidate) and not _NOT_ORG.search(candidate):
                    return candidate
    return None


def _leading_date(lines) -> str | None:
    """A page header line that opens with the publishing date (2024-09-10 17:02 阅读人数…)."""
    for _, line in lines:
        match = _ISO_DATE.match(line.strip())
        day = parse_date(match) if match else None
        if day:
            return day.isoformat()
    return None


_RANGE = regex.compile(
    r"(?:自|从)?(?P<a>(?:\d{4}年)?\d{1,2}月\d{1,2}日)(?:起)?\s*(?:—|–|-|~|至|到|－)+\s*"
    r"(?P<b>(?:(?:\d{4}年)?\d{1,2}月)?\d{1,2}日)(?:止)?")
_INSPECTION = regex.compile(r"统计|抽查|检查|监测|考核|测评|检测|评估|巡查|期限|时段|期间|数据")


def _period(text: str, year: int | None = None) -> dict | None:
    """A stated statistics or inspection period; missing year and month inherit from the start."""
    match = _PERIOD.search(text)
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
                    and not _DATE_LINE.match(follow) and not follow.startswith(("抄", "(", "附件")):
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
