"""The HTML page: how long the bundled map's page takes to make, and how a page of a
10,000-claim map opens and answers in a real browser.

    python benchmarks/bench_page.py                 # both parts
    python benchmarks/bench_page.py --claims 2000   # a smaller big map
    python benchmarks/bench_page.py --no-browser    # the making only

Making: ``argmap render MAP -o page.html`` in a fresh process, CPU time (user + sys,
the process and its children, so Graphviz's dot too), fastest of ``--runs``, the
engines interleaved. Opening: the page in headless Chromium (Playwright), wall time
until its script is done, then the time each step a reader takes needs until the next
frame is drawn (a question's map, a claim's panel, the timeline and its range, the
sources and a highlighted quote).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_core import synthetic_map

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "data" / "claims.json"


def cpu_of(cmd: list[str]) -> float:
    """Return the CPU seconds (user + sys) a command and its children take."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, check=True, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def big_map(n_claims: int, folder: Path) -> Path:
    """Write a synthetic map (see bench_core) with questions, sides and dates."""
    path = synthetic_map(n_claims, 1, folder)
    data = json.loads(path.read_text("utf-8"))
    rng = random.Random(2)
    n_questions = max(1, n_claims // 200)
    data["argmap"] = "2"
    data["questions"] = [
        {"id": f"q{k}", "text": f"Question {k}: is it so?"} for k in range(n_questions)
    ]
    for party in data["parties"]:
        party["side"] = f"side{int(party['id'][1:]) % 3}"
    for i, claim in enumerate(data["claims"]):
        if i % 2 == 0:
            stance = rng.choice(["yes", "no"])
            claim["answers"] = [{"question": f"q{rng.randrange(n_questions)}", "stance": stance}]
        if i % 5 == 0:
            claim["date"] = str(2015 + rng.randrange(11))
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def making(runs: int, folder: Path) -> None:
    print(f"Making the bundled map's page (CPU s, fastest of {runs}):")
    engines = ["wasm"] + (["system"] if shutil.which("dot") else [])
    out = str(folder / "bundled.html")
    best = {e: float("inf") for e in engines}
    for _ in range(runs):
        for e in engines:  # interleaved, so a busy moment slows both alike
            cmd = [sys.executable, "-m", "argmap", "render", str(BUNDLED), "-o", out]
            best[e] = min(best[e], cpu_of([*cmd, "--engine", e]))
    for e, t in best.items():
        print(f"  --engine {e:<7} {t:6.2f}")


def opening(page: Path) -> None:
    from playwright.sync_api import sync_playwright

    browser = next(filter(None, map(shutil.which, ("chromium", "chromium-browser"))), None)
    if browser is None:
        print("  no Chromium on PATH: opening not measured")
        return
    steps: list[tuple[str, Any]] = [
        ("open a question's map", lambda p: p.locator("button[data-question]").first.click()),
        ("open a claim's panel", lambda p: p.locator("#q-map .card.claim").first.click()),
        ("show the timeline", lambda p: p.locator('#views [data-view="timeline"]').click()),
        ("narrow the date range", lambda p: p.select_option("#range-from", "2020")),
        ("show the sources", lambda p: p.locator('#views [data-view="sources"]').click()),
        ("open a highlighted quote", lambda p: p.locator("#reader-text mark.q").first.click()),
        ("show the whole map", lambda p: p.locator('#views [data-view="map"]').click()),
    ]
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=browser, args=["--no-sandbox"])
        tab = chromium.new_page(viewport={"width": 1366, "height": 768})
        errors: list[str] = []
        tab.on("pageerror", lambda e: errors.append(str(e)))
        start = time.perf_counter()
        tab.goto(page.resolve().as_uri(), timeout=300_000)
        tab.wait_for_selector("body[data-ready=true]", timeout=300_000)
        tab.evaluate("() => new Promise((r) => requestAnimationFrame(() => r()))")
        print(f"  ready, first screen drawn   {time.perf_counter() - start:6.2f} s")
        for name, step in steps:
            start = time.perf_counter()
            step(tab)
            tab.evaluate("() => new Promise((r) => requestAnimationFrame(() => r()))")
            print(f"  {name:<28}{time.perf_counter() - start:6.2f} s")
        print(f"  script errors: {len(errors)}")
        chromium.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000, help="claims of the big map")
    parser.add_argument("--runs", type=int, default=3, help="runs of the making (fastest kept)")
    parser.add_argument("--no-browser", action="store_true", help="do not open the page")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if BUNDLED.exists():
            making(args.runs, folder)
        path = big_map(args.claims, folder)
        page = folder / "big.html"
        cpu = cpu_of([sys.executable, "-m", "argmap", "render", str(path), "-o", str(page)])
        size = page.stat().st_size / 1e6
        n = args.claims
        print(f"A {n}-claim map ({n} quotes too): page made in {cpu:.2f} CPU s,")
        print(f"  {size:.1f} MB (the whole map is too big to draw: questions, timeline, sources)")
        if not args.no_browser:
            opening(page)


if __name__ == "__main__":
    main()
