"""Who issued a notice when it is not signed: the body that opens its title, or a header value that names one."""
from __future__ import annotations

import re

import regex

from ..data import load_yaml
from ..re_compat import re_compile

VOCAB = load_yaml("metadata.yaml")

ORG_END = re_compile(r"(办公室|办公厅|人民政府|政府|委员会|小组|中心|局|厅|委|办|部|处|院|会|室|组|司)$")
_PLACE_END = re_compile("(?:" + "|".join(map(regex.escape, VOCAB["place_endings"])) + ")$")
_WORDS = "|".join(map(regex.escape, sorted(VOCAB["spam_words"], key=len, reverse=True)))
# A real place adverts also name (澳门) is spam only with a gambling word beside it.
_PAIRED = VOCAB["spam_beside_gambling"]
_PLACES, _GAMBLING = ("|".join(map(regex.escape, _PAIRED[key])) for key in ("places", "gambling"))
_NEAR = f".{{0,{int(_PAIRED['within'])}}}"
_PAIRED_PLACE = rf"(?<=(?:{_GAMBLING}){_NEAR})(?:{_PLACES})|(?:{_PLACES})(?={_NEAR}(?:{_GAMBLING}))"
_SPAM = regex.compile(rf"{_PAIRED_PLACE}|{_WORDS}", regex.I)
_JOINERS = "_|·"  # what scrapers join inserted strings with
# Where an inserted string begins: a spam word, or a joiner.
_JUNK_START = regex.compile(rf"{_SPAM.pattern}|[{_JOINERS}]", regex.I)
# What every _SPAM match is: a spam word or a place. A text with no letter that has a case (a title in Chinese)
# holds it as written, so a text holding none of them as written holds no spam; its search, slow for the
# pattern's look-behind, is skipped.
_SPAM_CUES = re.compile("|".join(map(re.escape, sorted({*VOCAB["spam_words"], *_PAIRED["places"]}, key=len, reverse=True))))
_NAME = re_compile(r"^[\p{Han}()（）“”]{2,40}$")
_SEPARATOR = re_compile(r"[\s、]+")
_LEADING_JUNK = regex.compile(r"^[\d\s\p{P}]+")
_YEAR_AFTER_NAME = regex.compile(r"^\d*(?P<name>\D{2,60}?)(?:19|20)\d{2}年")
# A report named after the work it reports, its year after it or none (某县公安局政务微博工作报告(2016年度)).
_REPORT_AFTER_NAME = regex.compile(r"^(?P<name>\D{2,30}?)(?:政府信息公开|政务公开|政务微博|政务微信|政务新媒体|政府网站)"
                                   r"(?:工作)?(?:年度)?(?:报告|总结|年报|报表)")
_TRAILING_DATE = re_compile(r"\s*(?:19|20)\d{2}\s*[-年./]\s*\d.*$")
_FURNITURE_LABEL = re_compile("|".join(map(regex.escape, sorted(VOCAB["furniture_labels"], key=len, reverse=True))))
_FURNITURE = frozenset(VOCAB["furniture_values"])
_SITE_ENDINGS = tuple(VOCAB["site_endings"])


def _may_hold_spam(text: str) -> bool:
    return _SPAM_CUES.search(text) is not None or not text.lower() == text == text.upper()


def spam_in(text: str) -> list[str]:
    """The spam words a scraper inserted into a text, in order, once each."""
    return list(dict.fromkeys(m.group() for m in _SPAM.finditer(text))) if _may_hold_spam(text) else []


def _before_junk(text: str) -> str:
    """The text up to an inserted spam string (某某办公室欧洲杯投注_官网直播 → 某某办公室)."""
    if not _may_hold_spam(text) and not any(joiner in text for joiner in _JOINERS):
        return text
    junk = _JUNK_START.search(text)
    return text[: junk.start()] if junk else text


def _without_site_prefix(name: str) -> str:
    """四川雅安雅安市人民政府办公室 → 雅安市人民政府办公室: a site's name put before the body's, which repeats it."""
    for i in range(2, len(name) - 3):
        if name[i - 2:i] == name[i:i + 2] and ORG_END.search(name[i:]):
            return name[i:]
    return name


def _is_body(name: str, places: bool = False) -> bool:
    if not _NAME.match(name) or spam_in(name):
        return False
    return bool(ORG_END.search(name) or (places and _PLACE_END.search(name)))


def issuer_in_title(title: str | None) -> str | None:
    """The body that opens a title (GB/T 9704): 某某市人民政府办公室关于…; joint bodies printed before 关于 are
    joined by 、; a report's name before its year (某某乡2020年…年度报告 → 某某乡)."""
    if not title:
        return None
    if "关于" in title:
        head = _LEADING_JUNK.sub("", _before_junk(title.split("关于", 1)[0])).strip()
        names = [_without_site_prefix(n) for n in _SEPARATOR.split(head) if n]
        return "、".join(names) if names and all(_is_body(n, places=True) for n in names) else None
    for before in (_YEAR_AFTER_NAME.match(title), _REPORT_AFTER_NAME.match(title)):
        name = _LEADING_JUNK.sub("", _before_junk(before.group("name"))).strip() if before else ""
        if name and _is_body(name, places=True):
            return name
    return None


# A bracketed string opening a header's value, which a hijacked mirror may fill with an advert.
_SPAM_BRACKET = re.compile(r"^[【\[][^】\]]{1,20}[】\]]")


def header_issuer(value: str | None) -> str | None:
    """A header's 来源/发布机构 value as a body's name; page furniture (本网, 浏览量, a site such as …门户网站)
    and spam name none."""
    if not value:
        return None
    furniture = _FURNITURE_LABEL.search(value)
    value = value[: furniture.start()] if furniture else value
    if (bracket := _SPAM_BRACKET.match(value.strip())) and spam_in(bracket.group()):
        value = value.strip()[bracket.end():]  # 【澳门新葡京】伽师县人民政府办公室: the advert a scraper put before it
    value = _TRAILING_DATE.sub("", value).strip(" •·【】[]:")
    if not value or value in _FURNITURE or value.endswith(_SITE_ENDINGS) or spam_in(value) or ":" in value:
        return None
    return value
