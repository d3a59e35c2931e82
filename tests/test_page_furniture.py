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


@pytest.mark.parametrize("text, issuer", [
    # an undated signature over the page's buttons, or under the attachments line
    ("某县人民政府\n关于子栏目更新不及时的提醒函\n发布时间:2023-05-09 来源:县政府办\n县教育局:\n你单位子栏目未更新。\n特此提醒。\n\n"
     "某县政务公开工作领导小组办公室\n\n【打印】【关闭】\n分享到:\n", "某县政务公开工作领导小组办公室"),
    ("某县人民政府\n关于开展自查整改工作的通知\n发布时间:2019-04-02 来源:本网\n各乡镇:\n请于4月20日前报送。\n"
     "联系人:赵某某 电话:0312-7322106\n附件:自查整改台账\n\n某县人民政府办公室\n", "某县人民政府办公室"),
    # an advert a mirror put in brackets before the header's source
    ("某县人民政府网\n关于政务新媒体检查情况的通报\n来源:【澳门新葡京】某县人民政府办公室 发布时间:2023-07-05\n各乡镇:\n现通报如下。\n",
     "某县人民政府办公室"),
])
def test_issuers_past_buttons_attachments_and_adverts(text, issuer):
    assert extract_text(text)["issuer"] == issuer


def test_a_title_ending_in_a_reminder():
    text = "某县人民政府\n首页 > 信息公开\n关于做好年度报告编制发布工作的提示\n发布时间:2024-01-12 来源:本网\n各乡镇:\n请按时发布年报。\n"
    assert extract_text(text)["title"] == "关于做好年度报告编制发布工作的提示"
