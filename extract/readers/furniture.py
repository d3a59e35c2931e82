"""Page furniture that scrapers copy along with a notice: navigation, 上一条/下一条, 【打印】【关闭】, 字号 大 中 小."""
from __future__ import annotations

import re

NAV_LINE = re.compile(r"^(您现在的位置|您的位置|当前位置|现在位置|所在位置|当前的位置|位置)\s*[:：]|^(网站)?首页\s*[>»＞/]")
PREV_NEXT = re.compile(r"^[\[【]?(上一[条篇页]|下一[条篇页])")
_OPT_BRACKETS = r"\s*[\[【]?\s*{}\s*[\]】]?"
FONT_SIZE = re.compile(
    r"[\[【(（]?\s*字[体号]\s*[:：]?" + "".join(_OPT_BRACKETS.format(size) for size in "大中小") + r"\s*[\]】)）]?"
)
BRACKETED_CHROME = re.compile(
    r"[\[【]\s*(打印(本页|此页|文章|正文)?|关闭(窗口|本页|页面)?|收藏|加入收藏|返回顶部|返回)\s*[\]】]"
)
CHROME_TOKENS = re.compile(
    r"扫一扫在手机(上)?(打开|查看)当前页(面)?|分享到|分享|打印(本页|此页|文章|正文)?|关闭(窗口|本页|页面)?"
    r"|加入收藏|收藏|返回顶部|返回|新浪微博|腾讯微博|微博|微信|QQ空间|QQ好友|字[体号]|默认|Print|Close|[大中小]"
)
# What a plain-text copy of a page may hold on a line of its own; narrower than CHROME_TOKENS, whose
# bare 微信, 微博 and 大/中/小 are real cells when a table was flattened one cell per line.
_TEXT_CHROME = re.compile(
    r"扫一扫在手机(上)?(打开|查看)当前页(面)?|打印(本页|此页|文章|正文)|关闭(窗口|本页|页面)|返回顶部|加入收藏"
    r"|[\[\]【】|\s]"
)
_MAY_HOLD_FURNITURE = re.compile(r"上一|下一|打印|关闭|字[体号]|返回顶部|扫一扫|加入收藏")


def is_text_furniture(line: str) -> bool:
    """A line of a plain-text page that is only page furniture: 上一条:…, 【打印本页】【关闭窗口】, 字号:大 中 小."""
    line = line.strip()
    if not line or not _MAY_HOLD_FURNITURE.search(line):
        return False
    if PREV_NEXT.match(line):
        return True
    return not _TEXT_CHROME.sub("", BRACKETED_CHROME.sub("", FONT_SIZE.sub("", line)))


def _lines_holding_a_cue(text: str):
    """Each line holding a word of _MAY_HOLD_FURNITURE, once: the only lines that can be furniture."""
    line_end = -1
    for cue in _MAY_HOLD_FURNITURE.finditer(text):
        if cue.start() < line_end:
            continue  # a line already given
        line_end = text.find("\n", cue.end())
        line_end = len(text) if line_end < 0 else line_end
        yield text[text.rfind("\n", 0, cue.start()) + 1:line_end]


def drop_text_furniture(text: str) -> tuple[str, int]:
    """The text without its furniture lines, and how many went; the text itself when there are none.

    Lines are split and read one by one only when a line holding a cue word is furniture: most pages
    name 打印, 上一 or 关闭 only inside their prose, if at all."""
    if not any(is_text_furniture(line) for line in _lines_holding_a_cue(text)):
        return text, 0
    lines = text.split("\n")
    kept = [line for line in lines if not is_text_furniture(line)]
    return ("\n".join(kept), len(lines) - len(kept)) if len(kept) < len(lines) else (text, 0)
