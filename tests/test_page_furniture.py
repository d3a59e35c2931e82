"""A notice read from a page carries the page's furniture: a breadcrumb, print and share links above it,
links to other notices and the site's owner below it. None of it may change what the notice says."""
from pathlib import Path

import pytest

from tongbao import extract_text

NOTICES = sorted((Path(__file__).resolve().parent.parent / "corpus" / "notices").glob("*.txt"))
# Written for this test: the names in it are invented, and some are bodies a notice could assess.
HEADER = ("柳溪县人民政府门户网站 | 首页 | 政务公开 | 政务服务\n首页 政府信息公开 柳溪县财政局 柳溪县教育局\n"
          "首页 > 政务公开 > 通知公告\n【字体:大 中 小】【打印本页】【关闭窗口】\n分享到:微信 微博 QQ空间\n")
FOOTER = ("\n上一篇:关于印发柳溪县政务公开工作要点的通知\n下一篇:柳溪县财政局2023年部门预算公开\n"
          "相关链接:国务院办公厅 | 省政府办公厅 | 柳溪县人民政府\n主办单位:柳溪县人民政府办公室 承办单位:柳溪县大数据中心\n"
          "网站标识码:5113000001 蜀ICP备12345678号\n联系电话:0817-1234567 技术支持:柳溪县融媒体中心\n")


def _said(doc: dict) -> tuple:
    return (doc["title"], doc["issuer"], sorted(u["name"] for u in doc["units"]),
            sorted((p["units"][0], p["description"]) for p in doc["problems"]))


@pytest.mark.parametrize("path", NOTICES, ids=lambda p: p.name)
def test_page_furniture_changes_nothing(path):
    text = path.read_text("utf-8", "replace")
    assert _said(extract_text(HEADER + text + FOOTER)) == _said(extract_text(text))


SIMPLIFIED = [p for p in NOTICES if not any(ch in p.read_text("utf-8", "replace") for ch in "國區鎮縣")]


def _traditional_mirror(text: str) -> str:
    """The text as a traditional-script mirror prints it: converted by OpenCC s2t, with the pinyin of each
    converted character after it in brackets (問(wèn)), as the seeds' mirror does."""
    import opencc
    from pypinyin import Style, pinyin

    s2t, t2s = opencc.OpenCC("s2t"), opencc.OpenCC("t2s")
    out = []
    for ch in s2t.convert(text):
        out.append(ch)
        if "\u4e00" <= ch <= "\u9fff" and t2s.convert(ch) != ch:
            out.append("(" + pinyin(ch, style=Style.TONE)[0][0] + ")")
    return "".join(out)


@pytest.mark.parametrize("path", SIMPLIFIED[::4], ids=lambda p: p.name)
def test_a_traditional_mirror_with_pinyin_says_the_same(path):
    text = path.read_text("utf-8", "replace")
    assert _said(extract_text(_traditional_mirror(text)))[2:] == _said(extract_text(text))[2:]
