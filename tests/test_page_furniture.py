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
