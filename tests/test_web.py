"""The web page in a real headless Chromium: the home page, notices by region, a unit's findings with facets,
and a notice with its evidence; screenshots go to a temporary folder (scripts/screenshots.py makes docs/')."""
from __future__ import annotations

import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from urllib.parse import quote

import httpx
import pytest

from tongbao.search.store import SQLiteStore
from tests.test_search import GANZHOU, GANZHOU_TITLE, ROOT, _copy, build_index, corpus_documents, make_document

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
TWELVE = ["河口镇", "新城镇", "东湖镇", "西山乡", "南岭乡", "北关街道", "中和镇", "永兴镇", "长乐乡", "安平镇", "太和镇",
          "兴隆镇"]

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs Debian's headless Chromium at /usr/bin/chromium (apt-get install chromium)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`tongbao serve` on a free loopback port, as a user would start it."""
    db = build_index(tmp_path_factory.mktemp("web") / "web.db")
    with SQLiteStore(db) as store:
        store.put(_copy(corpus_documents()[0], b"\n", "mirror/000.html", "html"))  # a copy of seed 000
        store.put(twelve_problems())
    port = free_port()
    command = [sys.executable, "-c", "from tongbao.cli import main; main()",
               "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, f"tongbao serve exited: {process.stdout.read()}"
            assert time.monotonic() < deadline, "tongbao serve did not start within 30 s"
            try:
                if httpx.get(f"{url}/openapi.json", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def twelve_problems() -> dict:
    """A notice naming twelve units, so its problem list counts past 9."""
    lines = [f"({i}){unit}网站工作动态栏目超过两个月未更新。" for i, unit in enumerate(TWELVE, 1)]
    text = "示例市政务公开办关于2022年第一季度网站检查情况的通报\n二、存在问题\n" + "\n".join(lines) + "\n"
    return make_document(text.encode(), "twelve.txt", title="关于2022年第一季度网站检查情况的通报",
                         issuer="示例市政务公开办", date="2022-04-01", units=[(u, "township") for u in TWELVE],
                         problems=[(u, "栏目更新不及时", "网站工作动态栏目超过两个月未更新", line[line.index(")") + 1:])
                                   for u, line in zip(TWELVE, lines, strict=True)], deadlines=[])


@pytest.fixture()
def page(server):
    """A fresh page in Chromium with an empty profile; records every request and script error."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as profile, sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), headless=True, args=ARGS, locale="zh-CN",
            viewport={"width": 1280, "height": 860})
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.requests, page.errors = [], []
        page.on("request", lambda request: page.requests.append(request.url))
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
        page.goto(server + "/")
        yield page
        context.close()
    assert page.errors == []
    assert all(url.startswith(server) or url.startswith("data:") for url in page.requests), page.requests


def test_type_a_traditional_name_see_findings_and_open_the_notice(page, tmp_path):
    from playwright.sync_api import expect

    page.locator("#q").press_sequentially("三閘鎮", delay=40)
    suggestion = page.locator("#suggestions .suggestion").first
    expect(suggestion).to_contain_text("三闸镇")
    expect(suggestion).to_contain_text("4 条问题")
    suggestion.click()

    findings = page.locator(".finding")
    expect(findings).to_have_count(4)
    expect(page.locator(".matched")).to_have_text("匹配单位：三闸镇")
    expect(page.locator(".timeline .quarter.has-findings")).to_have_count(3)
    expect(page.locator(".quarter-group h2").first).to_have_text("2021年第2季度")
    guide = findings.filter(has=page.locator(".description", has_text=re.compile("^未添加本机构政府信息公开指南$")))
    expect(guide).to_contain_text("2021-03-31")
    expect(guide).to_contain_text(GANZHOU_TITLE)
    expect(guide).to_contain_text("2021-04-06")
    expect(guide.locator(".evidence mark")).to_have_text("三闸镇等8个单位未添加本机构政府信息公开指南")
    expect(guide.locator(".repeat")).to_contain_text("2021-06-30")
    expect(guide.locator(".copies")).to_have_text(f"{GANZHOU.name}、000.html")
    page.screenshot(path=str(tmp_path / "screenshot.png"), full_page=True)

    guide.locator(".open-doc").click()
    expect(page.locator(".doc-head h1")).to_have_text(GANZHOU_TITLE)
    current = page.locator(".notice-text mark.ev.current")
    expect(current).to_have_text("三闸镇等8个单位未添加本机构政府信息公开指南")
    expect(current).to_be_in_viewport()
    # Five problems, but 长安镇 and 区政府金融办 share one evidence span.
    expect(page.locator(".notice-text mark.ev")).to_have_count(4)
    expect(page.locator(".doc-problems li.current")).to_contain_text("未添加本机构政府信息公开指南")
    expect(page.locator(".doc-head .sources")).to_contain_text("同一通报的 2 份副本")
    page.screenshot(path=str(tmp_path / "screenshot-document.png"))
    assert (tmp_path / "screenshot.png").stat().st_size > 10_000

    page.locator(".doc-head .back").click()
    expect(page.locator(".finding")).to_have_count(4)


def test_an_abbreviation_typed_and_submitted_finds_the_department(page):
    from playwright.sync_api import expect

    page.locator("#q").press_sequentially("发改局", delay=40)
    page.locator("#q").press("Enter")
    finding = page.locator(".finding")
    expect(finding).to_have_count(1)
    expect(finding.locator(".unit")).to_have_text("县发改局")
    expect(finding).to_contain_text("门户网站信息更新不及时")


def test_an_unknown_name_says_so(page):
    from playwright.sync_api import expect

    page.locator("#q").fill("没有这个单位")
    page.locator("#search button").click()
    expect(page.locator(".summary")).to_have_text("没有找到相关问题")


def test_a_notice_shows_no_null_and_every_problem_number_whole(page, server):
    from playwright.sync_api import expect

    twelve = twelve_problems()
    page.goto(f"{server}/#/doc/{twelve['id']}/11")
    expect(page.locator(".doc-head h1")).to_have_text("关于2022年第一季度网站检查情况的通报")
    numbers = page.locator(".doc-problems li .n")
    expect(numbers).to_have_count(12)
    assert numbers.all_inner_texts() == [f"{i}." for i in range(1, 13)]
    box = page.locator(".doc-problems").bounding_box()
    for number in (numbers.nth(9), numbers.nth(10), numbers.nth(11)):
        own = number.bounding_box()
        assert own["x"] >= box["x"] and own["x"] + own["width"] <= box["x"] + box["width"], (own, box)
        assert number.evaluate("n => n.scrollWidth <= n.clientWidth + 1")
    for where in ("#view", ".doc-head"):
        assert "null" not in page.locator(where).inner_text() and "undefined" not in page.locator(where).inner_text()
    page.goto(f"{server}/#/doc/{twelve['id']}")
    expect(page.locator(".notice-text")).to_contain_text("兴隆镇")
    assert "null" not in page.locator("#view").inner_text()


def test_the_home_page_orients_and_browses_by_region_issuer_and_year(page):
    from playwright.sync_api import expect

    counts = page.locator(".counts")
    expect(counts).to_contain_text("5 份通报")
    expect(counts).to_contain_text("21 个单位")
    expect(counts).to_contain_text("24 条问题")
    expect(counts).to_contain_text("6 个文件")
    recent = page.locator(".recent .notice")
    expect(recent).to_have_count(5)
    expect(recent.first).to_contain_text("2022-04-01")
    expect(page.locator(".browse[data-facet=year] li")).to_have_count(3)
    page.locator(".browse[data-facet=region] a", has_text="甘肃省 张掖市 甘州区").click()
    expect(page.locator(".summary")).to_have_text("2 份通报")
    expect(page.locator(".notices .notice")).to_have_count(2)
    expect(page.locator(".active-filters")).to_contain_text("地区：甘州区")
    expect(page.locator(".notices .notice").nth(1)).to_contain_text("2 份副本")
    page.locator(".facet[data-facet=year] a", has_text="2021").click()
    expect(page.locator(".summary")).to_have_text("2 份通报")
    page.locator(".active-filters .chip", has_text="地区").click()
    expect(page.locator(".summary")).to_have_text("3 份通报")  # 2021, every region
    page.locator(".result-head .back").click()
    page.locator(".browse[data-facet=issuer] a", has_text="示例县人民政府办公室").click()
    expect(page.locator(".notices .notice")).to_have_count(1)
    expect(page.locator(".notices .notice")).to_contain_text("2020-11-20")


def test_facets_narrow_a_units_findings_and_the_export_matches(page, server):
    from playwright.sync_api import expect

    page.goto(f"{server}/#/unit/{quote('三闸镇')}")
    expect(page.locator(".finding")).to_have_count(4)
    expect(page.locator(".facet[data-facet=year] li")).to_have_count(2)
    page.locator(".facet[data-facet=year] a", has_text="2020").click()
    expect(page.locator(".finding")).to_have_count(1)
    expect(page.locator(".summary")).to_have_text("1 条问题，见于 1 份通报")
    href = page.locator(".exports a", has_text="CSV").get_attribute("href")
    exported = httpx.get(f"{server}/{href}", timeout=10)
    assert exported.status_code == 200 and exported.text.count("\n") == 2  # a header and one finding
    assert "示例县人民政府办公室" in exported.text
    page.locator(".facet[data-facet=year] li.on a").click()
    expect(page.locator(".finding")).to_have_count(4)


def test_a_region_and_a_unit_typed_together(page):
    from playwright.sync_api import expect

    page.locator("#q").fill("甘州区三闸镇")
    page.locator("#q").press("Enter")
    expect(page.locator(".summary")).to_have_text("3 条问题，见于 2 份通报")
    expect(page.locator(".matched")).to_have_text("匹配单位：三闸镇（甘州区）")
