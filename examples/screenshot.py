"""Take a screenshot of an argmap HTML page in headless Chromium, with a box's panel open.

    python examples/screenshot.py examples/musk-altman.html shot.png --open CLAIM_ID
    python examples/screenshot.py examples/musk-altman.html first.png --size 1366x768
    python examples/screenshot.py PAGE reader.png --view sources --click "mark.q"

Needs Playwright for Python (pip install playwright) and a Chromium on PATH
(Debian: apt-get install chromium), or --browser PATH.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", type=Path, help="the HTML page argmap wrote")
    parser.add_argument("output", type=Path, help="the PNG to write")
    parser.add_argument("--open", metavar="ID", help="the claim or quote whose panel to open")
    parser.add_argument("--browser", help="Chromium's executable (default: found on PATH)")
    parser.add_argument("--size", default="1600x1000", help="window size (default: 1600x1000)")
    parser.add_argument(
        "--view",
        help="the view to show: questions, map, timeline, sources, question:ID or source:ID",
    )
    parser.add_argument("--click", metavar="SELECTOR", help="then click the first element so")
    args = parser.parse_args()
    browser = args.browser or next(
        filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None
    )
    if browser is None:
        print("screenshot.py: no Chromium on PATH; give --browser", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    width, height = (int(x) for x in args.size.split("x"))
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=browser, args=["--no-sandbox"])
        page = chromium.new_page(viewport={"width": width, "height": height})
        page.goto(args.page.resolve().as_uri() + (f"#{args.view}" if args.view else ""))
        page.wait_for_selector("body[data-ready=true]")
        if args.open:
            page.goto(args.page.resolve().as_uri() + "#" + args.open)
            page.wait_for_selector("#panel:not([hidden])")
        if args.click:
            page.locator(args.click).first.click()
        page.screenshot(path=str(args.output))
        chromium.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
