"""The web page in a real headless Chromium: type a unit, see its findings by quarter, open the notice."""
from __future__ import annotations

import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import pytest

from tests.test_search import GANZHOU_TITLE, ROOT, build_index

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOTS = ROOT / "docs"

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
    port = free_port()
    command = [sys.executable, "-c", "from extract.cli import main; main()",
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


def test_type_a_traditional_name_see_findings_and_open_the_notice(page):
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
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "screenshot.png"), full_page=True)

    guide.locator(".open-doc").click()
    expect(page.locator(".doc-head h1")).to_have_text(GANZHOU_TITLE)
    current = page.locator(".notice-text mark.ev.current")
    expect(current).to_have_text("三闸镇等8个单位未添加本机构政府信息公开指南")
    expect(current).to_be_in_viewport()
    # Five problems, but 长安镇 and 区政府金融办 share one evidence span.
    expect(page.locator(".notice-text mark.ev")).to_have_count(4)
    expect(page.locator(".doc-problems li.current")).to_contain_text("未添加本机构政府信息公开指南")
    page.screenshot(path=str(SCREENSHOTS / "screenshot-document.png"))

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
