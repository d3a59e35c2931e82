"""Make the search page's screenshots from the bundled corpus, so anyone can reproduce docs/screenshot*.png.

    .venv/bin/python scripts/screenshots.py            # writes docs/screenshot.png and docs/screenshot-document.png
    .venv/bin/python scripts/screenshots.py --out /tmp  # anywhere else

Indexes corpus/notices into a temporary database, serves it on a free loopback port with `tongbao serve`,
and photographs 三闸镇's findings and the seed notice 000 with the finding marked, in Debian's headless
Chromium (`apt-get install chromium fonts-wqy-microhei`) at 1280x860.
"""
from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
UNIT = "三闸镇"
FINDING = "未添加本机构政府信息公开指南"
CLI = [sys.executable, "-c", "from tongbao.cli import main; main()"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(db: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen([*CLI, "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)],
                               cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    import httpx

    while True:
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise SystemExit("screenshots: tongbao serve did not start")
        try:
            if httpx.get(f"{url}/api/stats", timeout=1).status_code == 200:
                return process, url
        except httpx.TransportError:
            time.sleep(0.2)


def photograph(url: str, out: Path) -> list[Path]:
    from urllib.parse import quote

    from playwright.sync_api import expect, sync_playwright

    shots = [out / "screenshot.png", out / "screenshot-document.png"]
    with tempfile.TemporaryDirectory() as profile, sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), headless=True, locale="zh-CN", viewport={"width": 1280, "height": 860},
            args=["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"])
        page = context.new_page()
        page.set_default_timeout(30_000)
        page.goto(f"{url}/#/unit/{quote(UNIT)}")
        finding = page.locator(".finding").filter(has=page.locator(".description", has_text=FINDING)).first
        expect(finding).to_be_visible()
        page.evaluate("document.activeElement.blur()")
        page.screenshot(path=str(shots[0]), full_page=True)
        finding.locator(".open-doc").click()
        expect(page.locator(".notice-text mark.ev.current")).to_be_visible()
        page.screenshot(path=str(shots[1]))
        context.close()
    return shots


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="folder for the two PNG files (default docs/)")
    args = parser.parse_args()
    if not CHROMIUM.exists():
        raise SystemExit("screenshots: needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "corpus.db"
        subprocess.run([*CLI, "index", str(ROOT / "corpus" / "notices"), "--db", str(db)], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
        process, url = serve(db)
        try:
            for shot in photograph(url, args.out):
                print(shot)
        finally:
            process.terminate()
            process.wait(10)


if __name__ == "__main__":
    main()
