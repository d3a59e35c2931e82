"""The kind of notice, decided once: its headings' default kind and whether it assesses other units follow from it.

A 通知 that sets tasks (its headings order work), a report of results (an inspection or assessment 通报),
or an annual report (年度报告: a body's account of its own disclosure work, which assesses no other unit).
"""
from __future__ import annotations

import re
from functools import lru_cache

import regex

from ..data import load_yaml
from ..re_compat import re_compile

__all__ = ["ANNUAL_REPORT", "REPORT", "TASK", "default_kind", "notice_genre"]

ANNUAL_REPORT, REPORT, TASK = "annual_report", "report", "task"
_HEAD = 300  # the title and opening lines: where a notice says what it is
# How far a notice with no heading is read for what it says of itself: further on, 年报未按时上网 is about others.
_CUE_REACH = 400
_TITLE_MAX = 80
_TITLE_LINES = 6
_PROSE = re_compile(r"[,。;:>]")
_TRAILING = re_compile(r"[\s(（\[【〔].*$|[。.\s]+$")  # (…工作提示〔2022〕第3号: its issue's number)


@lru_cache(maxsize=None)
def _vocabulary() -> dict:
    data = load_yaml("sections.yaml")
    annual = data["annual_report"]
    return {"rules": data["genres"], "annual": annual,
            "title": regex.compile(annual["title"]), "opening": regex.compile(annual["opening"]),
            "parts": re.compile("|".join(map(re.escape, sorted(annual["parts"], key=len, reverse=True)))),
            "defaults": {rule["genre"]: rule["default"] for rule in data["genres"]},
            "task_titles": tuple(annual["task_title_endings"]), "result_words": annual["result_title_words"],
            "asking": tuple(annual["asking_title_openings"])}


def notice_genre(text: str, title: str | None, preamble_end: int, statistics_heading: bool = False,
                 planned: bool = False) -> str | None:
    """ANNUAL_REPORT, TASK or REPORT; None when nothing tells (then the notice reads as a report of results).

    `title` is the notice's title when known (else its first line stands for it), `preamble_end` where the
    first heading starts, `statistics_heading` whether a heading names a statistics part (依申请公开情况),
    `planned` whether its headings plan work to come (自查范围, 检查内容) and none reports results."""
    names = [_without_trailing(name) for name in ([title] if title else []) + _title_lines(text)]
    name = names[0] if names else ""
    preamble = text[:min(preamble_end, _CUE_REACH)]
    # (also past the first screen: a long header table can push 现将…通报如下 beyond it)
    on_others = _reports_on_others(name, text) or any(cue in preamble for cue in _vocabulary()["annual"]["results_cues"])
    if "|" in preamble:  # cues are the notice's words about itself, never a table's cells (年报未发布 |)
        preamble = "\n".join(line for line in preamble.split("\n") if line.count("|") < 2)
    cued = next((rule["genre"] for rule in _vocabulary()["rules"]
                 if not (rule["genre"] == ANNUAL_REPORT and on_others) and any(cue in preamble for cue in rule["cues"])),
                None)  # (关于限期公开年度报告的通知: a notice about others' reports, not one)
    # A heading naming a statistics part (依申请公开情况) makes an annual report of a text that does not say, before
    # its first heading, that it sets work or reports on others (现将…提示如下: 一、依申请公开 is a task).
    if not on_others and (_is_annual_report(text, names) or (statistics_heading and cued in (None, ANNUAL_REPORT))):
        return ANNUAL_REPORT
    if cued is not None:
        return cued
    if planned and not on_others:
        return TASK  # 一、自查范围 二、自查内容 三、时间安排: a plan of work, whatever its opening says
    subject = name[name.find("关于"):] if "关于" in name else name  # (the issuer may open the title: 某某办公室关于…)
    if name.endswith(_vocabulary()["task_titles"]) and (subject.startswith(_vocabulary()["asking"])
                                                         or not any(word in name for word in _vocabulary()["result_words"])):
        return TASK  # 关于开展…检查的通知 with no 通知如下: a 通知 sets tasks unless its words say it reports
    return None


def _without_trailing(name: str) -> str:
    """A name without its trailing bracket or marks; one of letters and digits alone has none (most do), and is
    not handed to the pattern."""
    return name if name.isalnum() else _TRAILING.sub("", name)


def _title_lines(text: str) -> list[str]:
    """The opening lines that read as a title (short, no sentence punctuation, no page furniture)."""
    lines = (line.strip() for line in text[:_HEAD].split("\n")[:_TITLE_LINES])
    return [line for line in lines if line and len(line) <= _TITLE_MAX and not _PROSE.search(line)]


def _reports_on_others(name: str, text: str) -> bool:
    """A 通报 or 通知 (also one about annual reports), or a text that reports results on others (通报如下)."""
    vocab = _vocabulary()
    named = any(word in name for word in vocab["annual"]["other_genres"]) and not vocab["title"].search(name)
    head = text[:_HEAD]  # (sliced once, not once per cue)
    return named or any(cue in head for cue in vocab["annual"]["results_cues"])


def _is_annual_report(text: str, names: list[str]) -> bool:
    """Titled as one (某某乡2020年政府信息公开工作年度报告), else its opening names one (本报告, 年度报告),
    else enough of its standard parts (主动公开政府信息情况, 收费及减免, 其他需要报告的事项 …) are there."""
    vocab = _vocabulary()
    if any(vocab["title"].search(name) for name in names) or vocab["opening"].search(text, 0, _HEAD):
        return True
    seen: set[str] = set()
    for part in vocab["parts"].finditer(text):  # stops once enough are seen: a long text is not listed whole
        seen.add(part.group())
        if len(seen) >= vocab["annual"]["parts_needed"]:
            return True
    return False


def default_kind(genre: str | None) -> str | None:
    """The kind of a heading in a notice of this genre that neither a phrase nor a verb classifies."""
    return _vocabulary()["defaults"].get(genre) if genre else None
