"""Deadlines and time limits a notice sets (4月6日前整改完成, 5个工作日内作出答复), dated from the notice."""
from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re

import regex

from ..re_compat import re_compile
from ..structure.numerals import chinese_to_int
from .context import Context
from .vocabulary import alternation as _alt, cores, load_yaml, longest_first as _longest_first

VOCAB = load_yaml("deadlines.yaml")


_CN = "〇零一二两三四五六七八九十"
_YEAR = r"\d{4}|[〇零○一二三四五六七八九]{4}"
_MONTH = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
_DAY = r"3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
_AMOUNT = r"\d{1,4}(?:\.\d{1,2})?|[一二两三四五六七八九十]{1,3}"
_LIMIT_FIRST = "".join(sorted({word[0] for word in VOCAB["within_prefixes"]}))
# What may stand between a day and its 前: a weekday, (含), a time of day (下午下班, 17:30(北京时间), 24时).
_TIME_OF_DAY = "|".join([r"\((?:星期|周)[一二三四五六日天]\)", r"\d{1,2}(?::\d{2}|[时点](?:\d{1,2}分|半|整)?)",
                         _alt(VOCAB["time_of_day"])])
# Scanned with re, which runs this pattern a third faster than regex and needs no regex extension. A date
# may be cut by a line break after 年 or 月 (2024年6月\n30日前) when a page wraps its lines.
_PATTERN = re.compile(
    rf"""
    (?=[\d{_CN}○本当下今次明翌年月上第{_LIMIT_FIRST}])  # a cheap first-character filter
    (?:(?P<date>
        (?<!\d)(?:(?P<year>{_YEAR})年\n?|(?P<next_year>次年|明年|翌年))?(?P<month>{_MONTH})月
        (?:\n?(?P<day>{_DAY})(?:[日号]|(?=(?:之|以)?前))|(?P<month_end>底|末)|(?P<part>[上中下])旬)?
      | (?:(?P<next>下)|本|当|(?<![\d{_CN}个次上每隔]))月(?:(?P<this_day>{_DAY})[日号]|(?P<this_end>底|末)
        |(?P<this_part>[上中下])旬)
      | (?:(?<!\d)(?P<end_year>{_YEAR})年?|今|本|当)?年(?:底|末)
      | (?:(?<!\d)(?P<part_year>{_YEAR})年|今年|本年|(?P<next_part_year>次年|明年|翌年))?
        (?:(?P<half>[上下])半年(?:底|末)?|第?(?P<quarter>[一二三四1-4])季度(?:底|末))
      | (?<!\d)(?P<iso_year>\d{{4}})[-/.](?P<iso_month>{_MONTH})[-/.](?P<iso_day>{_DAY})(?!\d)
    )
    (?:{_TIME_OF_DAY}){{0,4}}
    (?:(?P<by>{_alt(VOCAB["date_suffixes"])})(?![{regex.escape(VOCAB["not_after_suffix"])}]|提(?![{VOCAB["premise_actions"]}])))?
    | (?P<limit>{_alt(VOCAB["within_prefixes"])})?(?<![\d.])(?P<amount>{_AMOUNT})
      (?P<unit>{_alt(VOCAB["time_units"])})(?P<within>{_alt(VOCAB["within_suffixes"])})?)
    """,
    re.VERBOSE,
)
# A core: what every _PATTERN match holds (月, 年底, 半年, 季度末, a time unit's core, or an ISO date's mark after
# its digit). Each alternative opens with a literal, which re skips ahead to; the digit is looked behind for.
_UNIT_CORES = cores([*VOCAB["time_units"], "月"])
_CORE = re.compile("|".join([rf"年[底末]|半年|季度[底末]|{_alt(_UNIT_CORES)}"]
                            + [rf"{re.escape(mark)}(?<=\d{re.escape(mark)})" for mark in "-/."]))
# How far before the first core it holds a match may open: a limit's longest cue, its longest amount (1234.56) and a
# unit's characters before its core (个工作|日). A date opens at most 8 before its own (2024年⏎12月), within that.
_REACH = (max(map(len, VOCAB["within_prefixes"])) + len("1234.56")
          + max(min(unit.find(core) for core in _UNIT_CORES if core in unit) for unit in VOCAB["time_units"]))
_LINE = re_compile(r"[^\n]+")
_TITLES = re_compile(r"《[^《》\n]{0,200}》")
_CLAUSE_END = re_compile(r"[,。;!?:\n]")
# (the digit before the year is looked behind for after its first two, so re skips ahead to a 1 or a 2)
_YEARS = re_compile(r"(?:19|20)(?<!\d..)\d{2}(?=年)")
_MAX_ACTION = 60
# 2020年12月31日前开通的账号: a date that qualifies a noun is a criterion, not a deadline.
# A date that qualifies a noun (…前出台的文件, …前以县政府名义印发的文件): which documents, not by when.
_ATTRIBUTIVE = re_compile(r"\p{Han}{2}的|以[^,。;:]{1,30}?名义(?:印发|发布|出台|制定)的")
_NOT_AFTER_WITHIN = re_compile(_alt(VOCAB["not_after_within"]))
# A limit named by a cue apart from its duration: 整改时限:1个月, 整改期限为即日起15个工作日, 答复期限为收到申请
# 之日起20个工作日 (the event it runs from, up to 之日起).
_LIMIT_CUE = re_compile(rf"(?:(?:{_alt(VOCAB['limit_cues'])})[:为是]?"
                        rf"(?:{_alt(VOCAB['limit_links'] + VOCAB['exceeding_links'])}|自?[^,。;:]{{1,10}}?之日起)?"
                        rf"|(?:{_alt(VOCAB['limit_times'])})(?:{_alt(VOCAB['exceeding_links'])}))$")

_DATE_CUES = _longest_first(VOCAB["date_cues"] + VOCAB["request_cues"])
# A limit earlier in the sentence that a bound after it extends (应在5个工作日内答复,情况复杂的不超过15个工作日).
_EARLIER_LIMIT = re_compile(r"\d{1,3}个?(?:工作日|日|天|小时)(?:之内|以内|内)[^。;]{1,30}?(?:不得超过|不超过)$")
_RECURRING = tuple(VOCAB["recurring"])
_RECURRING_LINKS = VOCAB["recurring_links"]
_NOT_BEFORE_CUE = tuple(VOCAB["not_before_cue"])
_GOAL_CUES = _longest_first(VOCAB["goal_cues"])
_NOT_BEFORE_GOAL = tuple(VOCAB["not_before_goal"])
_PAST_BEFORE = _longest_first(VOCAB["past_before"])
_PAST_AFTER = tuple(VOCAB["past_after"])
_CUT_OFF_BEFORE = tuple(VOCAB["cut_off_before"])
_SPAN_ENDS = tuple(VOCAB["span_ends"])
_AFTER_CUES = tuple(VOCAB["after_cues"])
_CUE_LINKS = tuple(VOCAB["cue_links"])
# After a span's end: the action at once (至6月30日完成), or an obligation to act in what follows, nothing done yet.
# (未按要求反馈 states a fault: neither 未 nor 按要求 obliges; 要求各单位完成 does.)
_OBLIGED = re_compile(rf"^(?:前)?(?:{_alt(VOCAB['obliged_actions'])})"
                      rf"|^[^。;!?已未]{{0,12}}?(?:{_alt(VOCAB['obligations'])})(?<!按要)[^。;!?已]{{0,16}}?"
                      rf"(?:{_alt(VOCAB['obliged_actions'])})")
_DEADLINE_COLUMNS = tuple(VOCAB["deadline_columns"])
_MONTH_PARTS, _HALF_YEARS = VOCAB["month_parts"], VOCAB["half_years"]
# A line that ends inside a date (…于2024年6月 / 30日前…) goes on in the next one.
_CUT_DATE_END = ("年", "月")
_CUT_DATE_BREAKS = tuple(end + "\n" for end in _CUT_DATE_END)
_NOT_BEFORE_WITHIN = _longest_first(VOCAB["not_before_within"])
_ACTION_LEAD = _longest_first(VOCAB["action_lead"])
_CUE_WORDS = _longest_first(VOCAB["date_cues"])
_OWN_WORK = tuple(VOCAB["own_work"])
_FUTURE_BEFORE = tuple(VOCAB["future_before"])
_RECHECK = tuple(VOCAB["recheck_words"])
_INSPECTORS_WORK = _NOT_BEFORE_CUE + _RECHECK
_INSPECTION = _RECHECK + ("检查", "抽查", "督查")  # the inspectors' acts, in the clause after a window
_RECHECK_OPENERS = tuple(f"{verb}{word}" for verb in ("", "组织", "开展", "进行", "组织开展", "组织第二次", "进行第二次")
                         for word in _RECHECK)
_WINDOW = "_window"  # marks, until find_deadlines returns, a deadline read as a window's last day
# What closes the first half of a window right before its last day: 3月11日—, 即日起至.
_WINDOW_OPEN = re_compile(rf"(?:\d[日号]|即日起?)\s*[{regex.escape(VOCAB['range_marks'])}]\s*$")
_CLAUSE_START = regex.compile(r"(?r)[,。;!?\n]")


def find_deadlines(ctx: Context) -> list[dict]:
    """Every date by which, or limit within which, something must be done, in body text and tables."""
    base_year = _base_year(ctx)
    text = ctx.text
    end = len(text) if ctx.body_end is None else ctx.body_end
    titles = [m.span() for m in _TITLES.finditer(text, ctx.body_start, end)]
    title_starts = [start for start, _ in titles]
    spans = [(start, stop, ()) for start, stop in _sentence_spans(ctx)]
    if ctx.table_spans:  # (sentences come in order: only table lines need sorting in among them)
        spans = sorted(spans + _table_lines(ctx))
    deadlines = []
    for start, stop, columns in spans:
        recurs = False  # 每年3月10日前报送…,3月31日前公布: a later date of the sentence recurs with the first
        for match in _matches(text, start, stop):
            i = bisect.bisect_right(title_starts, match.start()) - 1
            if i >= 0 and match.start() < titles[i][1]:
                continue
            if match["date"]:
                recurs = _recurring(text, match.start()) or (recurs and _yearly(text, start, match.start()))
                if recurs and not (match["year"] or match["iso_year"] or match["end_year"] or match["part_year"]):
                    continue
            in_column = bool(columns) and _cell_index(text, start, match.start()) in columns \
                and _fills_cell(text, match, start, stop)
            found = _deadline(ctx, match, stop, base_year, in_column)
            if found is not None:
                deadlines.append(found)
    # A window's last day that the notice also states as a deadline (自查阶段(6月1日—6月10日)…于6月10日前完成自查)
    # is that deadline once.
    stated = {d["date"] or d["month_day"] for d in deadlines if _WINDOW not in d}
    return [d for d in deadlines if d.pop(_WINDOW, None) is None or (d["date"] or d["month_day"]) not in stated]


def _matches(text: str, start: int, stop: int):
    """_PATTERN.finditer(text, start, stop), scanned from _REACH before each core instead of from every character:
    no match opens further before the first core it holds, and trying the pattern costs a thousand instructions
    a character. A span without a core (most sentences) costs one search."""
    pos = start
    while (core := _CORE.search(text, pos, stop)) is not None:
        match = _PATTERN.search(text, max(pos, core.start() - _REACH), stop)
        if match is None:
            return
        yield match
        pos = match.end()


def with_notice_date(deadline: dict, notice: dt.date) -> dict:
    """A deadline whose year was unknown, dated once the notice's date is known (a batch that learns the
    page's publication date): the notice's year, or the next one when the month has passed."""
    if deadline.get("date") or not deadline.get("month_day"):
        return deadline
    month, day = int(deadline["month_day"][2:4]), int(deadline["month_day"][5:7])
    year = notice.year + (month < notice.month)
    day = min(day, calendar.monthrange(year, month)[1])  # --02-29 in a year that has no 29 February
    return {**deadline, "date": dt.date(year, month, day).isoformat(), "month_day": None, "year_known": True}


def _sentence_spans(ctx: Context) -> list[tuple[int, int]]:
    """Body sentences, a line that ends inside a date joined to the next one (请各单位于2024年6月 / 30日前…)."""
    text, spans = ctx.text, []
    if not any(cut in text for cut in _CUT_DATE_BREAKS):  # the common case: one C-level scan each
        return [(sentence.start, sentence.end) for sentence in ctx.sentences]
    joined = False
    for sentence in ctx.sentences:
        if joined:
            spans[-1] = (spans[-1][0], sentence.end)
        else:
            spans.append((sentence.start, sentence.end))
        joined = text.endswith(_CUT_DATE_END, sentence.start, sentence.end) and text.startswith("\n", sentence.end)
    return spans


def _table_lines(ctx: Context) -> list[tuple[int, int, tuple[int, ...]]]:
    """Table text line by line, a limit stated in a cell still a limit; the indexes of the table's columns of
    deadlines (完成时限 | 2024年6月底 |), whose dates need no closing 前 (a 发现时间 column's dates are past)."""
    by_start = {table.start: table for table in ctx.tables}
    lines = []
    for start, end in ctx.table_spans:
        table = by_start.get(start)
        columns = tuple(i for i, cell in enumerate(table.header) if any(cue in str(cell) for cue in _DEADLINE_COLUMNS)) \
            if table is not None else ()
        width = len(table.header) if table is not None else 0
        for number, match in enumerate(_LINE.finditer(ctx.text[start:end])):
            if columns and match.group().rstrip(" |").count("|") == 0:
                # a table laid out one cell per line (序号 | ⏎ 工作任务 | ⏎ …): the line's place in its row is its column
                lines.append((start + match.start(), start + match.end(), (0,) if number % width in columns else ()))
            else:
                lines.append((start + match.start(), start + match.end(), columns))
    return lines


def _cell_index(text: str, line_start: int, position: int) -> int:
    """The index of the cell of a table line (甲 | 乙 | or | 甲 | 乙 |) that `position` falls in."""
    opening = text[line_start:position].lstrip()
    return opening.count("|") - opening.startswith("|")


def _fills_cell(text: str, match: re.Match, start: int, stop: int) -> bool:
    """A date that is a cell's whole text (| 2024年6月底 |), not one named inside a cell's sentence."""
    before = text[start:match.start()].rstrip()
    after = text[match.end():stop].lstrip()
    return (not before or before.endswith("|")) and (not after or after.startswith("|"))


def _base_year(ctx: Context) -> int | None:
    """The notice's year; without a notice date, the latest year the text names."""
    if ctx.date is not None:
        return ctx.date.year
    years = [int(y) for y in _YEARS.findall(ctx.text)]
    return max(years) if years else None


def _recurring(text: str, start: int) -> bool:
    """每月25日前, 每年的3月10日前, 每季度末月25日前: a date that recurs is a norm, not one deadline."""
    before = text[max(0, start - 8):start].rstrip(_RECURRING_LINKS)
    return before.endswith(_RECURRING) or _PERIOD_PART.search(before) is not None


def _yearly(text: str, start: int, position: int) -> bool:
    """Whether the sentence's recurrence before `position` is a yearly one (每年3月10日前报送…,3月31日前公布: the later
    date recurs with it); a date after a monthly or quarterly one (每季度末月25日前…,12月10日前) is once."""
    return "每年" in text[start:position]


# The part of a recurring period a date falls in (每季度末月, 每年的第一个月, 每月初).
_PERIOD_PART = re.compile(r"每(?:年|季度|季|半年|月|周)度?的?(?:末月|首月|最后一个月|第[一二三]个月|初|末)$")


def _deadline(ctx: Context, match: re.Match, stop: int, base_year: int | None, column: bool = False) -> dict | None:
    """A date or duration is a deadline only when its context makes it a limit for an action."""
    text = ctx.text
    before = text[max(0, match.start() - 8):match.start()]
    stripped = before.rstrip(":为是")
    if stripped.endswith(_CUE_LINKS):  # 整改时间:即日起至6月30日 — the cue stands before the span's start
        wider = text[max(0, match.start() - 16):match.start()]
        stripped = wider[: len(wider) - len(next(c for c in _CUE_LINKS if wider.endswith(c)))].rstrip(":为是")
    cue = next(c for c in _DATE_CUES if stripped.endswith(c)) if stripped.endswith(_DATE_CUES) else None
    if cue and stripped[: -len(cue)].endswith(_NOT_BEFORE_CUE):
        return None  # 检查截止日期为12月10日: the data's cut-off
    if match["date"]:
        after = text[match.end():min(stop, match.end() + 80)]
        past = after.lstrip(",").startswith(_PAST_AFTER) or (match["by"] and _ATTRIBUTIVE.match(after))
        if not (past or cue) and before.endswith(_SPAN_ENDS) and _OBLIGED.match(after):
            cue = before  # 截至6月30日,各单位要完成…: the end of a span set for acting
        elif not (past or cue or match["by"]) and after.startswith(_AFTER_CUES) and not _data_cut_off(text, match.start()):
            cue = after  # 自查工作于6月30日截止: the last day
        elif not (past or cue or match["by"]) and _own_window_end(text, match.start(), after):
            cue = _WINDOW  # (一)自查阶段(3月11日—3月22日): the last day of the units' own work
        elif past or before.endswith(_PAST_BEFORE) or before.endswith(_CUT_OFF_BEFORE):
            return None
        # 将于10月上旬组织复查,逾期未整改的…: a re-check in a third of a month names no day by which to act
        vague_recheck = match["part"] and not match["by"] and after.lstrip(",").startswith(_RECHECK_OPENERS)
        overdue = not vague_recheck and any(c in after for c in VOCAB["overdue_cues"]) or (
            (match["day"] or match["this_day"] or match["month_end"]) and before.endswith(_FUTURE_BEFORE)
            and any(w in after for w in _RECHECK)
            and any(w in after for w in VOCAB["unfixed_words"]))
        bare_month = match["month"] and not (match["day"] or match["month_end"] or match["part"])
        if bare_month and not (cue or column):
            return None  # 6月前 or 6月 alone: a month is a deadline only as a stated limit (完成时限:2024年12月)
        goal = not (match["by"] or cue or overdue or column) and _goal(before, match)
        if not (match["by"] or cue or overdue or goal or column):
            return None
        if goal and "已" in after.partition("。")[0]:
            return None  # 到2020年底,全市已建成…: a target already reached is a statistic
        day = _day(ctx, match, base_year)
        if day is None:
            return None
        year, month, day_of_month = day
        if year is None:
            found = _result(ctx, match, stop, None, f"--{month:02d}-{day_of_month:02d}", None, bool(cue))
        elif goal and ctx.date is not None and dt.date(year, month, day_of_month) < ctx.date:
            return None  # 到2020年底,全市已建成…: a target already reached is a statistic
        else:
            found = _result(ctx, match, stop, dt.date(year, month, day_of_month).isoformat(), None, None, bool(cue))
        if cue == _WINDOW:
            found[_WINDOW] = True
        return found
    # (a limit's name, with 原则上不超过 after it, may stand up to 12 characters back: 办理时间原则上不超过15个工作日)
    named = _LIMIT_CUE.search(text, max(0, match.start() - 12), match.start()) or (
        before.endswith(("不超过", "不得超过")) and _EARLIER_LIMIT.search(text, max(0, match.start() - 50), match.start()))
    if not (match["within"] or match["limit"] or named):
        return None
    closed_as_limit = bool(match["within"]) and match["within"].endswith(("期限", "时限"))
    if (before.endswith(_NOT_BEFORE_WITHIN) and not (before.endswith(("不超过", "不得超过")) and named) and not closed_as_limit) \
            or _NOT_AFTER_WITHIN.match(text, match.end()):
        return None  # (答复期限原则上不超过5个工作日: a limit, named as one, that no 内 closes; 超过15个工作日法定期限: the
        # limit a unit exceeded)
    amount = _amount(match["amount"])
    if not amount:
        return None
    within = {"amount": amount, "unit": VOCAB["time_units"][match["unit"]]}
    return _result(ctx, match, stop, None, None, within, bool(match["limit"]))


def _own_window_end(text: str, start: int, after: str) -> bool:
    """Whether the date at `start` closes a window (3月11日—|3月22日, 即日起至|9月15日) that its stage name or
    the clause after it gives to the units' own work (自查, 整改, 自评)."""
    if not _WINDOW_OPEN.search(text, max(0, start - 6), start):
        return False
    floor = max(0, start - 40)
    opening = _CLAUSE_START.search(text, floor, start)
    stage = text[opening.end() if opening else floor:start]
    if any(word in stage for word in _INSPECTORS_WORK):
        return False  # 本次抽查时间为4月1日至6月15日: the inspectors' window
    if any(word in stage for word in _OWN_WORK):
        return True  # 自查阶段(5月20日-5月31日):…对照检查内容开展自查: the stage's name decides, whatever its clause holds
    clause = _CLAUSE_END.split(after.lstrip(",):"), 1)[0]
    if any(word in clause for word in _INSPECTION):
        return False  # …至7月3日,县政府办公室对整改情况进行了复查: the inspectors' window
    return any(word in clause for word in _OWN_WORK)


def _data_cut_off(text: str, start: int) -> bool:
    """检查工作于6月30日截止: the clause before the date names data or an inspection, whose end binds no one."""
    clause = text[max(0, start - 20):start]
    clause = clause[max(clause.rfind(m) for m in ",。;:\n") + 1:]
    return any(word in clause for word in _NOT_BEFORE_CUE)


def _goal(before: str, match: re.Match) -> bool:
    """到2023年底,…: the end of a year or month set as a target."""
    ends = match["month_end"] or match["this_end"] or not (match["month"] or match["this_day"] or match["iso_year"])
    if not ends:
        return False
    cue = next((c for c in _GOAL_CUES if before.endswith(c)), None)
    return cue is not None and not before[: -len(cue)].endswith(_NOT_BEFORE_GOAL)


def _amount(raw: str) -> int | float | None:
    if raw[0].isdigit():
        return float(raw) if "." in raw else int(raw)
    return chinese_to_int(raw)


def _part(raw: str | None) -> int | None:
    if raw is None:
        return None
    return int(raw) if raw.isdigit() else chinese_to_int(raw)


# Months by which a deadline may precede its notice and still be this year's: a notice of 2月 reporting who
# missed 1月31日 speaks of the past January, a notice of 12月 asking for 1月15日 of the next one.
_RECENTLY_PASSED = 2


def _missed(text: str, start: int) -> bool:
    """未在3月31日前发布: a limit the notice reports as missed lies behind it, however long ago."""
    return text[max(0, start - 6):start].endswith(_MISSED)


_MISSED = ("未在", "未于", "未能在", "未能于", "没有在", "没能在", "未按", "未按时在", "未按要求在", "未按规定在", "未按要求于",
           "未按规定于", "未按期在")


def _day(ctx: Context, match: re.Match, base_year: int | None) -> tuple[int | None, int, int] | None:
    """(year, month, day); a year left out is the notice's, or the next one when the month has long passed,
    and None when neither the notice nor its text gives one (12月15日前 in an undated notice)."""
    notice = ctx.date
    if match["iso_year"]:
        year, month, day = int(match["iso_year"]), _part(match["iso_month"]), _part(match["iso_day"])
    elif match["month"]:
        year, month = _part(match["year"]), _part(match["month"])
        day = _MONTH_PARTS[match["part"]] if match["part"] else _part(match["day"])
    elif match["this_day"] or match["this_end"] or match["this_part"]:
        if notice is None:
            return None
        year, month = notice.year, notice.month
        day = _MONTH_PARTS[match["this_part"]] if match["this_part"] else _part(match["this_day"])
        if match["next"]:
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    elif match["half"] or match["quarter"]:
        year = _part(match["part_year"])
        month = _HALF_YEARS[match["half"]] if match["half"] else 3 * _part(match["quarter"])
        day = None
    else:
        year, month, day = _part(match["end_year"]), 12, 31
    if year is None and base_year is not None:
        later = match["next_year"] or match["next_part_year"] or (
            notice is not None and notice.month - month > _RECENTLY_PASSED and not _missed(ctx.text, match.start()))
        year = base_year + (1 if later else 0)
    if not (1 <= month <= 12) or (year is not None and not 1900 <= year <= 2200):
        return None
    last = calendar.monthrange(2000 if year is None else year, month)[1]  # 2000: any day of a leap year
    day = last if day is None else day
    if year is None and month == 2 and day == 29 and match["day"] is None:
        day = 28  # 2月底 of an unknown year: the end every year has
    return (year, month, day) if 1 <= day <= last else None


def _result(ctx: Context, match: re.Match, stop: int, date: str | None, month_day: str | None,
            within: dict | None, cued: bool) -> dict:
    span = _action_after(ctx.text, match.end(), stop)
    if span is None and cued:
        span = _action_before(ctx.text, match.start())
    if span is None:
        span = _next_clause(ctx.text, match.end(), stop)
    action = ctx.text[span[0]:span[1]] if span else None
    start, end = (min(match.start(), span[0]), max(match.end(), span[1])) if span else match.span()
    return {"date": date, "month_day": month_day, "year_known": month_day is None, "within": within,
            "action": action, "units": [], "evidence": ctx.evidence(start, end)}


def _action_after(text: str, start: int, stop: int) -> tuple[int, int] | None:
    """The rest of the deadline's clause, without modal words: 4月6日前[整改完成]."""
    window = min(stop, start + _MAX_ACTION)
    end = _CLAUSE_END.search(text, start, window)
    clause_end = end.start() if end else window
    while start < clause_end and text[start].isspace():
        start += 1
    for word in _ACTION_LEAD:
        if text.startswith(word, start, clause_end):
            start += len(word)
            break
    return (start, clause_end) if start < clause_end else None


def _action_before(text: str, end: int) -> tuple[int, int] | None:
    """The clause ahead of a cue that names what the limit is for: [办理]时限为20个工作日."""
    begin = max(0, end - _MAX_ACTION)
    breaks = [m.end() for m in _CLAUSE_END.finditer(text, begin, end)]
    start = breaks[-1] if breaks else begin
    clause = text[start:end]
    trimmed = clause.rstrip(":为是")
    for cue in _CUE_WORDS:
        if trimmed.endswith(cue):
            trimmed = trimmed[: -len(cue)]
            break
    return (start, start + len(trimmed)) if trimmed else None


def _next_clause(text: str, end: int, stop: int) -> tuple[int, int] | None:
    """When the deadline ends its clause with a comma, the clause after it: 4月6日前,[各单位要……]."""
    if end < stop and text[end] == ",":
        return _action_after(text, end + 1, stop)
    return None
