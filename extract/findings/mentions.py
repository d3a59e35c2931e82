"""Mentions of named units in a notice's body sentences: the first stage of units (mentions → units → problems).

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
from functools import lru_cache

import regex

from ..structure.genre import TASK
from ..structure.issuer import spam_in
from .enumerations import Scope, enumerations, names_praised, praises
from .sharing import ACCOUNT_CLAUSE, government_lists, lists, share_roles, share_sites
from .gazetteer import LEVELS, Ents, ents_of, province_shorts, vocab
from .problems_text import is_problem
from .units_bare import (accounts_named_by_owners, bare_accounts, bracketed_accounts, clause_provinces, handles,
                         own_named_sites, owned_accounts, owners_in_brackets, place_accounts, place_named_accounts,
                         place_words, site_names, titled_accounts)
from .units_text import BY_START, Mention, chains, item_ok, owner_end, patterns, quoted
from .vocabulary import abbreviated_ending, abbreviations, alternation

__all__ = ["ANSWERABLE", "FORWARDING", "Mention", "addressed_mentions", "line_mentions", "names_after_colon",
           "speaks_of_accounts", "text_mentions"]

# Page furniture: words anywhere in a line, or opening it. Two tests rather than one pattern, since an
# anchored branch keeps re from skipping ahead to the words' first characters (four times slower). Every
# branch opens with its word's first character for the same reason: 字(?<!文字)号 is (?<!文)字号.
# The page's keys (发布时间:, 字号 大 中 小, 相关链接, 技术支持:) are furniture only as keys, followed by their value
# or nothing: in prose they are what a fault is about (信息未标注发布时间, 相关链接无法打开, 提供技术支持,
# 未标注网站标识码和ICP备案编号).
_FURNITURE_KEYS = ("发布时间", "发布日期", "发布机构", "字体", "字(?<!文字)号", "索引号", "主题分类", "阅读人数", "访客",
                   "相关链接", "相关文章", "相关阅读", "相关新闻", "友情链接", "技术支持", "网站标识码")
# Each key carries its own lookahead: a group of keys before one lookahead hid their first characters from
# re, which then tried every position (four times slower over the corpus's sentences).
_FURNITURE = re.compile(
    r">|您现在的位置|当前位置|来源:|上一条|下一条|扫一扫|上一篇|下一篇"
    r"|ICP备\d|公网安备|版权所有|分享到"
    + "".join(rf"|{key}(?=[:\s\d|]|$)" for key in _FURNITURE_KEYS))
# Furniture words that are also verbs of prose (点击后无法打开, 无法浏览, 留言功能处于关闭状态;): furniture only in
# a line without a sentence's commas, semicolon or full stop.
_FURNITURE_VERBS = re.compile(r"浏览|点击|打印|关闭")
# (主办单位 and 承办单位 open a page's footer; inside a line they name who runs an account: 甲(主办单位:乙局).)
_FURNITURE_OPENINGS = ("附件", "附:", "抄送", "抄报", "联系人", "联系电话", "主送", "主办单位", "承办单位", "报:", "送:",
                       "分送", "发:")  # (报:, 送:, 发:: the notice's distribution, under its signature)
_PROSE = re.compile(r"[,、;:。]")
MAX_ADDRESSEES = 120  # characters a 主送 line runs to its colon
_FRAMING = re.compile(r"(?:通报|报告|公布|通知|说明)如下")
_REPORTING_KINDS = {"overview", "problems", "achievements"}
MAX_CHUNK = 2000  # characters per ruler pass, and the longest stretch a sentence is cut into


@lru_cache(maxsize=1)
def _prefilter() -> re.Pattern:
    """Literal words only, so re (faster at them than regex) scans every sentence."""
    v = vocab()
    words = {w for ws in v["suffixes"].values() for w in ws} | set(v["account_words"]) | province_shorts()
    return re.compile(f"“|@|等地|个单位|个乡镇|个部门|个地区|新媒体|{alternation(words)}")


def _furniture(text: str) -> bool:
    if text.startswith(_FURNITURE_OPENINGS) or _FURNITURE.search(text):
        return True
    return "," not in text and "。" not in text and ";" not in text and bool(_FURNITURE_VERBS.search(text))


_SPAM_LINE = 24  # a line shorter than this holding a spam word is the spam's own


def _skippable(ctx, sentence) -> bool:
    text = sentence.text
    if _furniture(text):
        return True
    if len(text) < _SPAM_LINE and sentence.whole_line and spam_in(text):
        return True  # 澳门博彩在线: a line a scraper inserted, whatever place it names
    # A short line with no prose punctuation before any section is a title, issuer or header line, unless it
    # is an item of a list laid out under a label (…名单: ⏎ @甲(新浪) ⏎ @乙(腾讯)).
    return sentence.top is None and len(text) < 40 and not _PROSE.search(text) and sentence.start not in ctx.label_items


def _assessed(sentence) -> bool:
    """Requirements sections direct (…要…); only what they report as done assesses a unit."""
    kinds = {s.kind for s in (sentence.top, sentence.section) if s is not None}
    if "attachments" in kinds:
        return False
    return "requirements" not in kinds or not _directive().search(sentence.text)


def _faults_before_order(sentence, found: list[Mention]) -> bool:
    """A sentence that states the named units' fault, then orders its remedy in a clause of its own
    (甲、乙首页超过3个月未更新,须作为重点整改对象): the units before the order are assessed, even where work is set.
    Not where the units are given the order themselves (甲要于5月底前整改,逾期未完成的,…) or the fault is only
    a condition (复查仍不合格的,提请约谈)."""
    order = _ORDER_CLAUSE.search(sentence.text)
    before = [m for m in found if m.end - sentence.start <= order.start()] if order else []
    if not before:
        return False
    stated = _without_names(sentence.text[:order.start()], sentence.start, before)
    if _ORDER.search(stated):
        return False
    return is_problem(",".join(c for c in _CLAUSES.split(stated) if not c.endswith("的")))


_ORDER = regex.compile(r"须|(?<![主需重只紧])要(?![求点素件])|务必|(?<![提申邀])请|必须|应当|限期")
# A clause that opens with an order, after at most a few words (,须…; ,请于…; ,今年务必…; ,相关主办单位要…): the
# remedy, after the fault it answers. 要 of 主要, 需要, 要求 and 请 of 提请, 申请 order nothing.
_ORDER_CLAUSE = regex.compile(rf"[,;]\p{{Han}}{{0,8}}?(?:{_ORDER.pattern})")
_CLAUSES = regex.compile(r"[,;]")


def _reports(sentence) -> bool:
    """A section that reports results or shortcomings (检查结果, 存在问题), not one that sets work."""
    return any(s is not None and s.kind in _REPORTING_KINDS for s in (sentence.top, sentence.section))


@lru_cache(maxsize=1)
def _directive() -> regex.Pattern:
    """The directive words; not 要 of 主要, 重要, 要点 or of 按要求 (未按要求公开: a fault), nor 请 of 申请
    (依申请公开数量: a count)."""
    exact = {"要": r"(?<![主需重只紧按照])要(?![点素件])", "请": r"(?<![提申邀])请"}
    words = sorted(vocab()["directives"], key=len, reverse=True)
    return regex.compile("|".join(exact.get(word, regex.escape(word)) for word in words))


@lru_cache(maxsize=1 << 12)
def _self_office(name: str) -> bool:
    """The issuing office's own name (市政府办): a test of a short string, and names recur, so cached."""
    return bool(_self_office_pattern().fullmatch(name))


@lru_cache(maxsize=1)
def _self_office_pattern() -> regex.Pattern:
    return regex.compile(vocab()["self_office"])


@lru_cache(maxsize=1 << 12)
def _own_body(name: str, issuer: str | None) -> bool:
    """The issuer, the body it belongs to or the place it governs (盘锦市政府 for 盘锦市人民政府办公室,
    国家邮政局 for 国家邮政局办公室), or the issuer without its place (省卫健委 for 福建省卫健委)."""
    if not issuer or len(name) < 2:
        return False
    full = name if "人民政府" in name else name.replace("政府", "人民政府")
    if issuer.startswith((name, full)):
        return True
    at = issuer.find(name, 2)
    if at > 0 and issuer[at - 1] in "省市州盟" and issuer.startswith(full, at):
        return True  # 某区 for 某市某区人民政府: the place under the division written before it
    if len(name) > 2 and issuer.endswith(name):
        return True  # 政府办公室 for 县政府办公室
    if name[0] in LEVELS and len(name) > 2 and issuer.endswith(name[1:]) and name[0] in issuer[:-len(name) + 1]:
        return True
    if issuer[-1] in LEVELS and (government := _GOVERNMENT_OFFICE.fullmatch(name)) \
            and government["place"] in (issuer, issuer[-1]):
        return True  # 某县人民政府办公室, 县政府办 for 某县: a place that issues governs through its government
    short = abbreviated_ending(name)  # 市政府新闻办 for …市人民政府新闻办公室
    return short is not None and _own_body(name[:-len(short)] + abbreviations()[short], issuer)


# A place's government or its general office (某县人民政府, 县政府办公室, 县政府办).
_GOVERNMENT_OFFICE = regex.compile(r"(?P<place>\p{Han}{1,10}?)(?:人民)?政府(?:办公室|办公厅|办)?")


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
    run = patterns()["run"]
    for (line, whole), ents in zip(lines, ents_of([line for line, _ in lines])):
        # A name opening a header line lies in its first run of Han characters: only that run is read.
        opening = run.match(line)
        end = len(line) if whole else opening.end() if opening else 0
        for m in chains(line, 0, end, ents, 0, roles=False):
            if whole or (m.start == 0 and _TITLE_FOLLOW.match(line, m.end)):
                names.add(m.name)
    return names


def _names_the_inspected(sentence) -> bool:
    """A sentence under a heading naming who is inspected (检查对象, 考评范围): its list is of units assessed,
    unless the sentence leaves them out (不再列入本次范围)."""
    heading = sentence.section.title if sentence.section is not None else ""
    return heading.rstrip("。:").endswith(tuple(vocab()["inspected_headings"])) \
        and not any(word in heading for word in vocab()["attendance_words"]) \
        and any(word in heading for word in vocab()["check_words"]) \
        and not any(word in sentence.text for word in vocab()["left_out_words"])


def _without_names(text: str, offset: int, found: list[Mention]) -> str:
    """The sentence with the names in it blanked: a name's characters (区不动产登记中心) say nothing of it."""
    chars = list(text)
    for m in found:
        chars[max(0, m.start - offset):max(0, m.end - offset)] = "　" * (m.end - m.start)
    return "".join(chars)


def _judges(text: str) -> bool:
    """Whether a sentence faults, praises or ranks what it names."""
    return is_problem(text) or _ranks(text)


def _ranks(sentence_text: str) -> bool:
    """A sentence that praises or ranks the units it names (表现较好, 得分, 排名): in a 通知 that sets tasks,
    the only other sentences besides faults that assess a unit."""
    return praises(sentence_text) or _RANKING.search(sentence_text) is not None


_RANKING = regex.compile(r"排名|排序|名列|得分|\d分|第[一二三四五六七八九十\d]{1,2}名|倒数|前列|末位")


def _listed(text: str, mention: Mention) -> bool:
    before = text[mention.start - 1:mention.start] if mention.start else ""
    return before == "、" or text[mention.tail_end:mention.tail_end + 1] == "、"


def _addressees_end(sentence) -> int:
    """Where a 主送 line run into the body ends (各县(区)人民政府,经开区管委会,…:按照…): its names are
    addressees, not units. -1 when the sentence opens with none."""
    text = sentence.text
    if not text.startswith("各"):
        return -1
    colon = text.find(":", 0, MAX_ADDRESSEES)
    return sentence.start + colon if colon > 0 else -1


def text_mentions(ctx, accounts: bool | None = None, faults_only: bool = False) -> list[Mention]:
    """Mentions in body sentences, each marked as evidence (assessed here) or not; `accounts`: whether the
    notice speaks of accounts (speaks_of_accounts), read here when not given; `faults_only`: read only the
    sentences that state a fault or name bodies to praise or rank them."""
    accounts = speaks_of_accounts(ctx) if accounts is None else accounts
    names_sites = _names_sites(ctx)
    sites, sites_only = accounts and names_sites, not accounts and names_sites
    place_names = _own_places(ctx) if accounts else ()
    # flag holds only literal words, so searching the sentence's span of the whole text reads the same (a place's
    # short name is one such word in a notice on accounts: 平安澄溪仅发布3条); a sentence no longer than MAX_CHUNK
    # is one stretch, cut without a copy of its text.
    flag = _prefilter()
    named = place_words(place_names).search if place_names else None
    chosen = [(s, a, b) for s in ctx.sentences if (flag.search(s.whole_text, s.start, s.end)
                                                   or (named and named(s.whole_text, s.start, s.end)))
              and not _skippable(ctx, s)
              and (not faults_only or is_problem(s.text) or names_praised(s.text))
              for a, b in (_chunks(s.text) if s.end - s.start > MAX_CHUNK else ((0, s.end - s.start),))]
    out: list[Mention] = []
    judge = _Judge(ctx)
    last_list = None  # (where the sentence that ended in a list ends, that list)
    page_end = len(ctx.text[:ctx.body_end].rstrip())  # where the page's text stops, before its furniture
    introduced: dict[str, Mention] = {}  # accounts named so far: their names alone name them again
    for batch in _batched(chosen):
        stretches = [sentence.whole_text[sentence.start + a:sentence.start + b] for sentence, a, b in batch]
        for (sentence, a, _), text, ents in zip(batch, stretches, ents_of(stretches)):
            scope = _scope(sentence, accounts, sites, sites_only, place_names)
            if last_list is not None and a == 0 and _next_to(ctx.text, last_list[0], sentence.start):
                scope.sibling = last_list[1]
            found = _stretch(text, sentence.start + a, ents, scope)
            if found and text[-1:] not in _CLOSING and sentence.start + a + len(text) >= page_end:
                found = [m for m in found if not _cut_by_the_page(m, sentence.start + a + len(text))]
            if introduced:
                found += _named_again(text, sentence.start + a, found, introduced)
            if not found:
                continue  # the sentence is only judged when it names someone
            new = {m.name: m for m in found if m.type == "new_media" and len(m.name) >= _MIN_ACCOUNT
                   and m.name not in introduced}
            if new:  # …3个账号更新不及时,其中“丙”自12月起未发布信息: named again in the same sentence
                found += _named_again(text, sentence.start + a, found, new)
                introduced.update(new)
            listed = [m.enumeration for m in found if m.enumeration is not None]
            last_list = (sentence.end, max(listed, key=lambda e: e.end)) if listed else None
            if a == 0 and ANSWERABLE.match(text) and _under_a_fault(ctx, sentence):
                for m in found:
                    m.role = False  # 督办事项一:…超过承诺时限。⏎ 责任单位:甲、乙: answerable for that fault, not tasked
            out += judge(sentence, found)
    if introduced:  # the accounts named again in sentences that hold no other name
        picked = {sentence.start for sentence, _, _ in chosen}
        for sentence in ctx.sentences:
            if sentence.start not in picked and not _skippable(ctx, sentence):
                again = [m for m in _named_again(sentence.text, sentence.start, [], introduced)
                         if m.start > introduced[m.name].start]
                out += judge(sentence, again) if again else []
    return out


_CLOSING = frozenset("。;!?)”")


def _cut_by_the_page(mention: Mention, end: int) -> bool:
    """…、大桥镇、必背: the last item of a list of bodies the page's end cut, with no ending of a name, is the head of
    a name (an account's name has no ending to lose: …、双溪商务 is whole)."""
    return mention.enumeration is not None and mention.end == end and not mention.quoted \
        and mention.type != "new_media" and not mention.name.endswith(tuple(vocab()["suffix_type"]))


# A line naming the bodies answerable for what the line before it says (责任单位:甲、乙).
ANSWERABLE = re.compile(r"\s*责任(?:单位|部门)\s*:")


def _under_a_fault(ctx, sentence) -> bool:
    """Whether the sentence before this one, in the same section, states a shortcoming (督办事项一:企业开办材料重复
    提交,办理时限超过承诺时限。): then the bodies this one names are the ones at fault."""
    i = bisect.bisect_left([s.start for s in ctx.sentences], sentence.start)
    before = ctx.sentences[i - 1] if i > 0 else None
    return before is not None and before.section is sentence.section and is_problem(before.text) \
        and not any(s is not None and s.kind == "requirements" for s in (sentence.section, sentence.top))


class _Judge:
    """Marks the mentions of one sentence as evidence (assessed there) or not."""

    def __init__(self, ctx) -> None:
        self.ctx = ctx
        self.lines = _issuer_lines(ctx)
        self.header = "\n".join(line for line, _ in self.lines)  # a name holds no newline: in it iff in one line
        self.issuers = None

    def __call__(self, sentence, found: list[Mention]) -> list[Mention]:
        ctx, whole = self.ctx, sentence.text
        assessed = _assessed(sentence) or _faults_before_order(sentence, found)
        # A 通知 that sets tasks assesses a unit only where it faults, praises or ranks it, or names it
        # among those to be inspected (考评对象); not who attends, speaks or is given a task.
        setting_tasks = ctx.genre == TASK and not _reports(sentence) and not _names_the_inspected(sentence) \
            and not _judges(_without_names(whole, sentence.start, found))
        frame = _FRAMING.search(whole) if "如下" in whole else None
        framed = sentence.start + frame.end() if frame else -1  # the mentions before it are framed
        addressed = _addressees_end(sentence)
        for mention in found:
            mention.sentence = (sentence.start, sentence.end)
            mention.evidence = assessed and not mention.role and mention.start >= addressed
            if setting_tasks or (mention.start < framed and not _listed(ctx.text, mention)):
                # The sentence that frames a notice (…,现将有关情况通报如下) names who inspected: it
                # assesses only the units it lists.
                mention.evidence = False
            if mention.evidence and mention.name in self.header and not _listed(ctx.text, mention):
                self.issuers = _issuers(self.lines) if self.issuers is None else self.issuers
                mention.evidence = mention.name not in self.issuers  # (the issuer ranked among others is assessed)
            if (_self_office(mention.name) or _own_body(mention.name, ctx.issuer)) and not _listed(ctx.text, mention):
                mention.evidence = False  # the issuing office itself, unless ranked among others
        return found


# 你单位, 你局, 贵单位: the body a notice is addressed to, as the subject of a sentence.
_YOU = re.compile(r"(?:你|贵)(?:单位|局|委|办|镇|乡|街道|中心|部门)")  # not 你们 (现印发给你们)


# 你单位所属政务新媒体…, 你单位开设的账号…: what the addressee runs is spoken of, its own faults are the accounts'.
_RUNS = re.compile(rf"(?:所属|下属|{alternation(vocab()['running_verbs'])})的?")


# 请你单位…, 要求你单位…: the notice tells the addressee what to do; it finds no fault there.
_ASKING = ("请", "要求", "责成", "希望", "务必")


def addressed_mentions(ctx) -> list[Mention]:
    """A notice addressed to named bodies (县水利局、县林草局:) that tells them 你单位…: each addressee
    is assessed where the notice says 你单位, so its faults there are its own. Addressees that are
    groups (各乡镇) name no unit."""
    whole, body_end = ctx.text, ctx.body_end or len(ctx.text)
    if not ctx.recipients or (whole.find("你", ctx.body_start, body_end) < 0 and whole.find("贵", ctx.body_start, body_end) < 0) \
            or not _YOU.search(whole, ctx.body_start, body_end):
        return []  # the common case, decided in a scan or two (str.find reads faster than re's search)
    addressees = [m for text, ents in zip(ctx.recipients, ents_of(ctx.recipients))
                  for m in chains(text, 0, len(text), ents, 0, roles=False) if m.start == 0 and m.end == len(text)]
    out = []
    for sentence in ctx.sentences if addressees else ():
        if (match := _YOU.search(sentence.text)) and _assessed(sentence) and _judges(sentence.text) \
                and not sentence.text.endswith(_ASKING, 0, match.start()) and not _RUNS.match(sentence.text, match.end()) \
                and not names_after_colon(sentence.text[match.end():], addressees):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            for addressee in addressees:
                mention = Mention(start, end, addressee.name, addressee.type, written=match.group(), tail_end=end)
                mention.sentence = (sentence.start, sentence.end)
                out.append(mention)
    return out


def names_after_colon(text: str, mentions: list[Mention]) -> bool:
    """你单位存在以下问题:甲局…;乙镇…, 上述单位存在的主要问题是:甲…;乙…: after a colon the sentence names the units
    it speaks of, each with its own faults, which are not all of theirs."""
    colon = text.find(":")
    return colon >= 0 and any(m.name in text[colon:] for m in mentions)


_MIN_LINES = 2  # a name alone on its line is a list's item only beside another such line
_MAX_LINE_NAME = 12


def line_mentions(ctx, found: list[Mention], accounts: bool) -> list[Mention]:
    """Accounts listed one per line under a heading that names accounts (二、问题账号名单 / (一)栏目长期未更新。
    / 清风岚桥 / 溪口乡振兴): each line that is a name alone, in a run of such lines, is an account, also
    when no ending marks it or a place's name opens it. `found`: the text's mentions, which name the
    line instead when one fills it; `accounts`: whether the notice speaks of accounts."""
    if not accounts:
        return []
    filled = {(m.start, m.end) for m in found} | {(m.start, m.tail_end) for m in found}
    out: list[Mention] = []
    run: list = []
    for sentence in ctx.sentences + [None]:
        named = sentence is not None and _name_line(ctx, sentence)  # (read once: it also opens the next run)
        if named and (not run or _next_line(ctx.text, run[-1], sentence)):
            run.append(sentence)
            continue
        if (len(run) >= _MIN_LINES or (run and _fills_its_section(ctx.text, run[0]))) and _opens_list(ctx.text, run[0]) \
                and not any(_HEADER_CELL.match(s.text) for s in run):
            for line in run:
                if (line.start, line.end) not in filled:
                    mention = Mention(line.start, line.end, line.text, "new_media", tail_end=line.end)
                    mention.sentence = (line.start, line.end)
                    mention.evidence = _assessed(line)
                    out.append(mention)
        run = [sentence] if named else []
    return out


def _name_line(ctx, sentence) -> bool:
    """A whole line under a heading that names accounts, holding a name alone."""
    section, text = sentence.section, ctx.text
    if section is None or sentence.start < section.body_start or sentence.end - sentence.start > _MAX_LINE_NAME:
        return False
    if not sentence.whole_line:
        return False
    titles = section.title + (sentence.top.title if sentence.top is not None else "")
    return ACCOUNT_CLAUSE.search(titles) is not None and item_ok(_INNER_DIGITS.sub("", sentence.text), _MAX_LINE_NAME)


# Digits inside an account's name (岚桥12345热线, 溪口110): the name is read without them.
_INNER_DIGITS = regex.compile(r"(?<=\p{Han})\d+(?=\p{Han}|$)")


def _fills_its_section(text: str, line) -> bool:
    """A name alone under its own sub-heading ((四)未经审批擅自开设 / 西坪街道党群服务 / (五)…): the one item of that
    heading's list, as the lines of its siblings' lists are theirs."""
    section = line.section
    return section is not line.top and section.number is not None and not text[line.end:section.end].strip()


# A table's column head laid out one cell per line (序号 / 账号名称 / 平台 / 主办单位): the run is a table's.
_HEADER_CELL = regex.compile(r"(?:序号|编号|\p{Han}{0,4}名称|\p{Han}{0,4}单位|平台|类型|备注|\p{Han}{0,4}问题|得分|排名|时间|日期)$")


def _opens_list(text: str, first) -> bool:
    """Whether the first line of a run stands right under its heading or after a line ending in a colon."""
    i, body = first.start, first.section.body_start
    while i > body and text[i - 1].isspace():
        i -= 1
    return i <= body or text[i - 1] == ":"


def _next_line(text: str, before, sentence) -> bool:
    return not text[before.end:sentence.start].strip()


_MIN_ACCOUNT = 3  # shorter account names (“警民”) are words too often to be found again alone


def _named_again(text: str, offset: int, found: list[Mention], introduced: dict[str, Mention]) -> list[Mention]:
    """An account the notice has named (桐溪粮食(微信公众号)…), written again bare (桐溪粮食第四季度…): the
    same account, wherever no other name covers it and no name ending goes on from it (桐溪粮食局)."""
    taken = [(m.start - offset, max(m.end, m.tail_end) - offset) for m in found]
    out = []
    for name, first in introduced.items():
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            if not any(a < end and at < b for a, b in taken) and not text.startswith(_name_endings(), end):
                closed = end + (text[end:end + 1] == "”")  # a quoted name's clause opens after its quote
                out.append(Mention(at + offset, end + offset, name, "new_media", platform=first.platform,
                                   owner=first.owner, tail_end=closed + offset, quoted=closed > end))
                taken.append((at, end))
            at = text.find(name, end)
    return out


@lru_cache(maxsize=1)
def _name_endings() -> tuple[str, ...]:
    v = vocab()
    return tuple({w for words in v["suffixes"].values() for w in words})


def _next_to(text: str, end: int, start: int) -> bool:
    """Whether a sentence starting at `start` goes on from one ended by ; at `end` (…;县区3个:甲县、乙区)."""
    return text[end - 1:end] == ";" and not text[end:start].strip()


def _scope(sentence, accounts: bool, sites: bool, sites_only: bool, place_names: tuple[str, ...]) -> Scope:
    """The heading a sentence stands under, and whether it is a line of its own (a list per line)."""
    start, section, top = sentence.start, sentence.section, sentence.top
    heading = section.title if section is not None and section.title_start < start else None
    return Scope(heading, sentence.whole_line, topic=top.title if top is not None else None, accounts=accounts,
                 sites=sites, sites_only=sites_only, place_names=place_names)


_PLACE_HEAD = 300  # characters of a page with no 主送 line read for the places it is about
# A place's name opening a line of the page's head or the issuer (澄溪县人民政府, 澄溪县2023年…通报): its short name.
_OWN_PLACE = re.compile(r"^[ \t\u3000]*([\u4e00-\u9fff]{2,3}?)(?:自治县|县|市|区|旗)(?=人民政府|政府|\d|关于|办公室|政务|委员会)", re.M)


def _own_places(ctx) -> tuple[str, ...]:
    """The short names of the places whose page or body issued the notice (澄溪 of 澄溪县): accounts are named after
    them."""
    head = ctx.text[:ctx.body_start or _PLACE_HEAD] + "\n" + (ctx.issuer or "")  # (no 主送 line: the page's top)
    return tuple(sorted({match.group(1) for match in _OWN_PLACE.finditer(head)}))


def _names_sites(ctx) -> bool:
    """Whether the notice says, before its first section, that it inspected websites too (…政府网站和政务新媒体)."""
    head_end = ctx.sections[0].start if ctx.sections else min(len(ctx.text), 400)
    return "网站" in ctx.text[:head_end]


def speaks_of_accounts(ctx) -> bool:
    """Whether the notice's own sentences (not the page's share links, 分享到:微信 微博) speak of accounts."""
    if not ACCOUNT_CLAUSE.search(ctx.text, ctx.body_start, len(ctx.text) if ctx.body_end is None else ctx.body_end):
        return False  # no account word in the whole body (where every sentence lies): the common case, in one scan
    return any(ACCOUNT_CLAUSE.search(s.whole_text, s.start, s.end) and not _furniture(s.text) for s in ctx.sentences)


def _stretch(text: str, offset: int, ents: Ents, scope: Scope | None = None) -> list[Mention]:
    """Every kind of mention in one stretch of a sentence."""
    p = patterns()
    # Each step below is skipped where a character or span it needs is missing: the result is the same.
    books = [m.span() for m in p["book"].finditer(text)] if "《" in text else []
    quotes = [m.span() for m in p["quote"].finditer(text)] if "“" in text else []
    masks = _merge(sorted(books + quotes)) if books or quotes else []
    accounts = scope is not None and scope.accounts
    found = quoted(text, ents, offset, accounts, accounts and not scope.sites) if quotes else []
    if books and found:
        found = [m for m in found if not _inside(m.start - offset, books)]
    if (books or "【" in text) and scope is not None and scope.accounts:
        found += titled_accounts(text, offset)
    places: list[Mention] = []
    if ents.ends:  # every chain ends at a name ending
        cursor = 0
        for start, end in masks + [(len(text), len(text))]:
            if start > cursor:
                found += chains(text, cursor, start, ents, offset, places)
            if end > cursor:  # (max() costs more)
                cursor = end
    if accounts and found:
        place_accounts(text, offset, found)
    if quotes and found:
        _owners_of_quoted_accounts(text, offset, found)
    if places:
        found += government_lists(text, offset, places, found)
    found += bare_accounts(text, offset, found, masks)
    if "@" in text:
        found += handles(text, offset, found, masks)
    if "网" in text:
        sites, replaced = site_names(text, offset, found, masks)
        if sites:
            gone = {id(m) for m in replaced}
            found = [m for m in found if id(m) not in gone] + sites
    found += lists(text, offset, found, masks)
    found += enumerations(text, offset, found, masks, scope)
    if "(" in text:
        found += bracketed_accounts(text, offset, found, masks)
        if found:  # (the three below change or read the mentions found so far: with none, they find nothing)
            owners_in_brackets(text, offset, found)
            accounts_named_by_owners(text, offset, found)
            found += owned_accounts(text, offset, found, scope)
    if scope is not None and scope.sites_only:
        found += own_named_sites(text, offset, found, masks)
    if scope is not None and scope.place_names:  # (after the rules that read a name with its platform or owner)
        found += place_named_accounts(text, offset, found, masks, scope.place_names)
    if ents.shorts:
        found += clause_provinces(text, offset, ents, found, masks)
    if len(found) > 1:
        share_roles(text, offset, found)
        share_sites(text, offset, found)
    if found and ("转" in text or "交由" in text):
        _forwarded_to(text, offset, found)
    if found and "原" in text:
        _former(text, offset, found)
    if ":" in text and len(found) > 1:
        _places_of_items(text, offset, found)
    return found


def _places_of_items(text: str, offset: int, found: list[Mention]) -> None:
    """古渡乡:古渡村、柳林村 — a township opening a line as the label of the villages after its colon places them:
    a role, not one of the assessed."""
    first = min(found, key=BY_START)
    if first.type not in ("township", "subdistrict") or text[:first.start - offset].strip() \
            or not text.startswith(":", first.tail_end - offset):
        return
    rest = [m for m in found if m is not first]
    if all(m.type == "community" and m.start >= first.tail_end for m in rest):
        first.role = True


# The words that forward a message to a body, but the bare 转 (转载 and 转发 forward none).
FORWARDING = "转交|转办至?|转至|交由|转由"
# Messages forwarded to bodies that then left them unanswered (转交甲、乙办理的留言超期未答复): the bodies
# forwarded to are the clause's subject, at fault, not in the role the forwarding word gives them.
_FORWARDED = regex.compile(rf"(?:{FORWARDING}|转(?![载发]))(?P<bodies>[^,。;:]{{2,60}}?)(?:办理|处理|承办|答复)?的"
                           r"[^,。;]{0,12}?(?:留言|来信|件|诉求|工单|事项|问题)[^,。;]{0,20}?(?:未|超期|超时|超过|逾期|不|仍)")


def _forwarded_to(text: str, offset: int, found: list[Mention]) -> None:
    """Takes the forwarding word's role off the bodies a _FORWARDED clause says left messages unanswered."""
    for match in _FORWARDED.finditer(text):
        start, end = match.start("bodies") + offset, match.end("bodies") + offset
        for m in found:
            if start <= m.start and m.end <= end:
                m.role = False


def _former(text: str, offset: int, found: list[Mention]) -> None:
    """原市粮食局: a body that no longer exists is named with its 原, opening its clause or list item."""
    for m in found:
        at = m.start - offset
        former = _FORMER.search(text, max(0, at - 3), at) if not m.quoted and at else None
        if former is None or m.start - offset != former.end():
            continue
        m.start = former.start() + offset
        m.written = m.written or m.name
        m.name = former.group(1) + m.name if m.name.startswith(former.group(2)) else former.group(0) + m.name


# 原 opening a clause or a list's item, with the level the name may have left out (原|市|粮食局).
_FORMER = regex.compile(r"(?:^|(?<=[、,;:。\n“]))(原)((?:省|市|县|区|州|旗)?)$")


def _owners_of_quoted_accounts(text: str, offset: int, found: list[Mention]) -> None:
    """A body written right before the quoted name of its account or site, with an account word or a word
    that ties them between or nothing (县农业局“丰收农业”, 县民政局微信公众号“甲”, 县一中所属的“乙”): named
    only as their owner."""
    owned = [m for m in found if m.quoted and m.type in ("new_media", "website") and m.owner]
    for m in found:
        if m.quoted or m.role:
            continue
        for account in owned:
            if account.owner == m.name and m.end <= account.start and _OWNER_GAP.fullmatch(text, m.end - offset, account.start - offset):
                m.role, account.opening = True, m.start
                break


# Between an owner and the quoted name of its account: a word that ties them, an account word, an opening quote,
# and the other owners and accounts of a list (甲局、乙局开设的抖音号“丙”“丁”).
_OWNER_GAP = regex.compile(r"(?:[^,。;:“”()\n]|“[^“”\n]{1,20}”){0,30}“")


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


