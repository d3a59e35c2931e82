"""Web-page notices: keep the body text and its tables, drop the site chrome wrapped around them."""
from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..errors import EmptyInput, UnreadableEncoding
from ..model import Block, ReadResult
from ._cjk import CJK_RE, IDEOGRAPH
from .furniture import BRACKETED_CHROME, CHROME_TOKENS, FONT_SIZE, NAV_LINE, PREV_NEXT
from .txt import MIN_SCORE, encoding_name, plausibility
from .txt import decode as decode_text

MAX_DEPTH = 1000  # lexbor slows down quadratically on deeper nesting; real pages stay far below
MAX_TAG = 4096  # characters in one tag: lexbor is quadratic in the attributes of one element
DATA_CELL_MAX = 500  # a cell longer than this is page layout, not a table of data

DROP_TAGS = {
    "script", "style", "noscript", "nav", "header", "footer", "iframe", "object", "embed", "select",
    "button", "input", "textarea", "template", "svg", "canvas", "map", "aside", "head", "title",
}
BLOCK_TAGS = {
    "p", "div", "li", "ul", "ol", "dl", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "section",
    "article", "blockquote", "pre", "center", "form", "address", "figure", "figcaption", "main",
    "hr", "body", "html", "caption", "fieldset", "details", "summary", "table", "tbody", "thead",
    "tfoot", "tr", "td", "th",
}
VOID_OR_SELF_CLOSING = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "thead", "tbody", "tfoot",
}
CONTAINER_SELECTORS = [
    "#zoom", "#Zoom", ".TRS_Editor", ".TRS_UEDITOR", "#UCAP-CONTENT", ".pages_content", "#fontzoom",
    ".article-content", ".article_content", "#content", ".article", "article", ".content", ".zw", "#zw",
]
CHROME_CLASS = re.compile(
    r"(?:^|[-_])(?:nav|navbar|menu|breadcrumbs?|crumbs?|location|dqwz|share|bdshare|copyright|footer|sidebar"
    r"|related)(?:$|[-_\d])",
    re.I,
)
HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w]+)""", re.I)
# [^<>] and the possessive name: an unclosed "<a" scans to the next "<", never to the end (no O(n²)).
TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*+)[^<>]*?(/?)>")
OPEN_TAG = re.compile(r"<[a-zA-Z][\w:-]*+")

RELATED = re.compile(r"^[【\[]?相关(链接|文章|阅读|新闻|信息|推荐|稿件)[】\]]?\s*[:：]?$")


def _decode(data: bytes, path: str) -> tuple[str, str, list[str]]:
    """The page's own <meta charset>, unless the plain-text judgement finds a clearly better reading."""
    found = META_CHARSET.search(data[:4096])
    if not found or data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_text(data, path)
    declared = found.group(1).decode("ascii", "ignore").lower()
    codec = "gb18030" if declared in ("gb2312", "gbk", "x-gbk", "cp936") else declared
    try:
        text = data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        text = None
    try:
        judged = decode_text(data, path)
    except UnreadableEncoding:
        judged = None
    if text is not None and plausibility(text) >= max(MIN_SCORE, plausibility(judged[0]) - 0.05 if judged else 0):
        return text, encoding_name(codec), []
    if judged is None:
        raise UnreadableEncoding(path, f"the page does not decode as its declared charset {declared!r} or as text")
    if judged[1] != encoding_name(codec):
        judged[2].append(f"declared charset {declared!r} does not fit; read as {judged[1]}")
    return judged


def _flatten_deep(html: str) -> str:
    """Drop tags nested deeper than MAX_DEPTH (their text stays), so parsing stays linear."""
    depth = deepest = 0
    for m in TAG.finditer(html):
        if m.group(2).lower() not in VOID_OR_SELF_CLOSING and not m.group(3):
            depth = max(depth - 1, 0) if m.group(1) else depth + 1
            deepest = max(deepest, depth)
    if deepest <= MAX_DEPTH:
        return html
    pieces, depth, cursor = [], 0, 0
    for m in TAG.finditer(html):
        pieces.append(html[cursor:m.start()])
        cursor = m.end()
        if m.group(2).lower() in VOID_OR_SELF_CLOSING or m.group(3):
            pieces.append(m.group(0))
        elif m.group(1):
            if depth <= MAX_DEPTH:
                pieces.append(m.group(0))
            depth = max(depth - 1, 0)
        else:
            depth += 1
            if depth <= MAX_DEPTH:
                pieces.append(m.group(0))
    pieces.append(html[cursor:])
    return "".join(pieces)


def _trim_tags(html: str) -> str:
    """Cut a tag longer than MAX_TAG to its bare name, in one linear pass: attributes carry no notice text.

    A piece holding "</" or ending a comment may be script or comment text, not one tag, and is left alone.
    """
    pieces = html.split(">")
    for i, piece in enumerate(pieces):
        m = OPEN_TAG.search(piece) if len(piece) > MAX_TAG else None
        if m and len(piece) - m.start() > MAX_TAG and "</" not in piece[m.end():] and not piece.endswith("--"):
            pieces[i] = piece[:m.end()]
    return ">".join(pieces)


def _walk(root: LexborNode):
    """Yield (node, entering) in document order with an explicit stack: pages can nest deeply.

    Send False in answer to an entering element to skip its subtree.
    """
    stack: list[tuple[LexborNode, bool]] = [(root, True)]
    while stack:
        node, entering = stack.pop()
        descend = yield node, entering
        if entering and descend is not False and node.child is not None:
            stack.append((node, False))
            stack.extend((child, True) for child in reversed(list(node.iter(include_text=True))))
        elif entering:
            yield node, False


def _walk_all(root: LexborNode, skip=lambda node: False):
    """_walk driven to the end, skipping subtrees for which `skip(node)` holds."""
    walker = _walk(root)
    event = next(walker, None)
    while event is not None:
        node, entering = event
        try:
            event = walker.send(False if entering and skip(node) else None)
        except StopIteration:
            event = None
        yield node, entering


def _is_chrome(node: LexborNode) -> bool:
    if node.tag in DROP_TAGS or node.is_comment_node:
        return True
    attrs = node.attributes
    if HIDDEN.search(attrs.get("style") or ""):
        return True
    names = f"{attrs.get('id') or ''} {attrs.get('class') or ''}".split()
    if any(CHROME_CLASS.search(name) for name in names):
        return len(IDEOGRAPH.findall(node.text())) < 300  # never the notice itself
    return False


def _drop_chrome(root: LexborNode) -> None:
    doomed = []

    def skip(node: LexborNode) -> bool:
        if node.tag != "-text" and _is_chrome(node):
            doomed.append(node)
            return True
        return False

    for _ in _walk_all(root, skip):
        pass
    for node in doomed:  # disjoint subtrees: the walk never entered a doomed one
        node.decompose()


def _looks_like_title(h1: LexborNode) -> bool:
    """Site logos sit in <h1> too; a notice title is plain text of some length."""
    return h1.css_first("a") is None and len(IDEOGRAPH.findall(h1.text())) >= 5


def _main_container(root: LexborNode) -> tuple[LexborNode, LexborNode | None]:
    """The densest element in ideographs outside links, or a known content box holding most of it.

    Also returns the page's first <h1> when it stands before the container (the notice title).
    """
    frames: list[list] = []  # [element, ideographs, ideographs inside links]
    best, best_score, title, order = root, float("-inf"), None, {}
    for node, entering in _walk_all(root):
        if node.tag == "-text":
            if frames and entering:
                frames[-1][1] += len(IDEOGRAPH.findall(node.text_content or ""))
            continue
        if entering:
            order[node.mem_id] = len(order)
            frames.append([node, 0, 0])
            if node.tag == "h1" and title is None and _looks_like_title(node):
                title = node
            continue
        elem, chars, links = frames.pop()
        if elem.tag == "a":
            links = chars
        if frames:
            frames[-1][1] += chars
            frames[-1][2] += links
        score = chars - 3 * links
        if score > best_score:
            best, best_score = elem, score
    for selector in CONTAINER_SELECTORS:
        boxes = [(len(IDEOGRAPH.findall(b.text())), b) for b in root.css(selector)]
        if boxes and (box := max(boxes, key=lambda x: x[0]))[0] >= max(30, 0.5 * best_score):
            best = box[1]
            break
    if title is not None and order.get(title.mem_id, 0) > order.get(best.mem_id, 0):
        title = None
    return best, title


def _clean(raw: str) -> str:
    """Source line breaks between ideographs are not spaces; other whitespace runs become one space."""
    raw = re.sub(r"[ \t\r\f]*\n\s*", "\n", raw)
    raw = re.sub(f"(?<={CJK_RE.pattern})\n(?={CJK_RE.pattern})", "", raw)
    return " ".join(raw.split())


def _table_rows(table: LexborNode) -> list[list[str]] | None:
    """Rows of a data table, or None for a layout table whose cells are page regions."""
    rows = []
    for child in table.iter():
        trs = [child] if child.tag == "tr" else [t for t in child.iter() if t.tag == "tr"]
        for tr in trs:
            cells = [c for c in tr.iter() if c.tag in ("td", "th")]
            if any(c.css_first("table") is not None for c in cells):
                return None
            rows.append([" ".join(b.text for b, _ in _paragraphs(c)) for c in cells])
    rows = [row for row in rows if any(row)]
    if not rows or max(len(r) for r in rows) < 2 or any(len(c) > DATA_CELL_MAX for r in rows for c in r):
        return None
    return rows


def _paragraphs(root: LexborNode) -> list[tuple[Block, bool]]:
    """Blocks in document order, each paragraph flagged when all of its text is link text."""
    out: list[tuple[Block, bool]] = []
    buf: list[tuple[str, bool]] = []
    links = 0

    def flush():
        text = _clean("".join(t for t, _ in buf))
        if text:
            own = "".join(t for t, in_link in buf if not in_link)
            out.append((Block("paragraph", text=text), not re.search(r"\w", own)))
        buf.clear()

    walker = _walk(root)
    event = next(walker, None)
    while event is not None:
        node, entering = event
        answer = None
        if node.tag == "-text":
            if entering:
                buf.append((node.text_content or "", links > 0))
        elif node.tag == "br" and entering:
            flush()
        elif node.tag == "table" and entering and node is not root and (rows := _table_rows(node)):
            flush()
            out.append((Block("table", rows=rows), False))
            answer = False
        elif node.tag == "a":
            links += 1 if entering else -1
        elif node.tag in BLOCK_TAGS:
            flush()
        try:
            event = walker.send(answer)
        except StopIteration:
            event = None
    flush()
    return out


def _is_chrome_line(text: str) -> bool:
    if NAV_LINE.search(text) or PREV_NEXT.search(text) or text.startswith(("分享到", "分享：", "分享:")):
        return True
    if "扫一扫" in text and ("手机" in text or "二维码" in text):
        return True
    rest = CHROME_TOKENS.sub("", BRACKETED_CHROME.sub("", FONT_SIZE.sub("", text)))
    return not re.search(r"\w", rest)


def _without_chrome(items: list[tuple[Block, bool]]) -> list[Block]:
    blocks, in_related = [], False
    for block, all_link in items:
        if block.kind == "table":
            blocks.append(block)
            in_related = False
            continue
        if RELATED.match(block.text):
            in_related = True
            continue
        if in_related and all_link:
            continue
        in_related = False
        text = " ".join(BRACKETED_CHROME.sub("", FONT_SIZE.sub("", block.text)).split())
        if not _is_chrome_line(block.text) and text:
            blocks.append(Block("paragraph", text=text))
    return blocks


def read_html(path: str, data: bytes) -> ReadResult:
    """The notice body of a saved web page as paragraphs and tables."""
    text, encoding, warnings = _decode(data, path)
    root = LexborHTMLParser(_flatten_deep(_trim_tags(text))).body
    if root is None:
        raise EmptyInput(path, "the page has no body")
    _drop_chrome(root)
    container, title = _main_container(root)
    blocks = _without_chrome(_paragraphs(container))
    if title is not None and (heading := _clean(title.text())):
        if not blocks or blocks[0].text != heading:
            blocks.insert(0, Block("paragraph", text=heading))
    if not blocks:
        raise EmptyInput(path, "the page has no body text")
    return ReadResult(blocks, "html", encoding, warnings)
