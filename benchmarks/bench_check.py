"""Time `argmap check` on a synthetic map, this tree against another checkout, side by side.

As ``bench_status.py`` does for ``argmap status``: both trees run in turn
(interleaved), each several times, and the fastest run of each counts, in CPU time
(user + system of the child process) and wall time. Three measures per tree: the whole
command (``argmap check MAP``: Python start-up, loading, every rule, the output), and
the two library calls it makes, ``load_map`` and ``check``, timed inside one child (after
the imports):

    python benchmarks/bench_check.py --against ../old-checkout            # 100k claims
    python benchmarks/bench_check.py --against ../old-checkout --runs 5 --claims 20000

``--against`` is the root of another checkout of argmap (its ``src`` is put first on
``PYTHONPATH`` for its runs). Without it, only this tree is timed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import bench_core  # noqa: E402
from bench_status import run  # noqa: E402

#: Run in a child: load the map and check it, print the CPU seconds of each call.
_LIBRARY = """
import json, sys, time
from argmap.checks import check
from argmap.cli.common import load_map
t0 = time.process_time()
m = load_map(sys.argv[1])
t1 = time.process_time()
found = check(m)
t2 = time.process_time()
print(json.dumps({"load": t1 - t0, "check": t2 - t1, "findings": len(found)}))
"""


def library(src: Path, path: Path) -> dict[str, float]:
    """CPU seconds of ``load_map`` and ``check`` in a fresh process with ``src`` first on
    the path (their modules imported before the clock starts)."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    out = subprocess.run(
        [sys.executable, "-c", _LIBRARY, str(path)],
        check=True,
        env=env,
        capture_output=True,
        text=True,
    ).stdout
    result: dict[str, float] = json.loads(out)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--against", type=Path, help="root of another checkout to compare")
    parser.add_argument("--runs", type=int, default=3, help="runs of each (default: 3)")
    parser.add_argument("--claims", type=int, default=100_000, help="claims of the map")
    a = parser.parse_args()
    trees = {"this tree": ROOT / "src"}
    if a.against is not None:
        trees["against"] = a.against.resolve() / "src"
    with tempfile.TemporaryDirectory() as tmp:
        path = bench_core.synthetic_map(a.claims, seed=1, folder=Path(tmp))
        inf = float("inf")
        cpu = {name: inf for name in trees}
        wall = {name: inf for name in trees}
        calls = {name: {"load": inf, "check": inf} for name in trees}
        findings = {}
        for _ in range(a.runs):  # interleaved, so both meet the same disturbances
            for name, src in trees.items():
                c, w = run(src, ["check", str(path)])  # warnings only: exit 0
                cpu[name], wall[name] = min(cpu[name], c), min(wall[name], w)
                r = library(src, path)
                findings[name] = r["findings"]
                for call in ("load", "check"):
                    calls[name][call] = min(calls[name][call], r[call])
    names = " ".join(f"{name + ' cpu':>15} {'wall':>7}" for name in trees)
    print(f"{'map of ' + format(a.claims, ',') + ' claims':<40} {names}  cpu ratio")
    rows = [("argmap check MAP (whole process)", cpu, wall)]
    rows += [
        (f"{call} (library call, cpu)", {n: calls[n][call] for n in trees}, None)
        for call in ("load", "check")
    ]
    for label, cpus, walls in rows:
        cells = " ".join(
            f"{cpus[n]:>14.2f}s " + (f"{walls[n]:>6.2f}s" if walls else f"{'':>7}") for n in trees
        )
        ratio = f"{cpus['this tree'] / cpus['against']:>9.2f}x" if "against" in cpus else ""
        print(f"{label:<40} {cells} {ratio}")
    print("findings: " + ", ".join(f"{n} {findings[n]}" for n in trees))


if __name__ == "__main__":
    main()
