"""Time whole `argmap status` commands, this tree against another checkout, side by side.

Speed targets are ratios to an earlier release measured on the same machine the same
day (this machine's speed changes from day to day, and from minute to minute on a
shared one), so the script runs both, interleaved, and keeps the fastest of several
runs of each (the run least disturbed by other work):

    python benchmarks/bench_status.py --against ../old-checkout          # 100k map, 1M framework
    python benchmarks/bench_status.py --against ../old-checkout --runs 5 --claims 20000 --args 0

``--against`` is the root of another checkout of argmap (its ``src`` is put first on
``PYTHONPATH`` for its runs). Without it, only this tree is timed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import bench_core  # noqa: E402
import generate  # noqa: E402


def run(src: Path, args: list[str]) -> float:
    """Wall time of one `python -m argmap ARGS` with ``src`` first on the path."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "argmap", *args],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--against", type=Path, help="root of another checkout to compare")
    parser.add_argument("--runs", type=int, default=3, help="runs of each (default: 3)")
    parser.add_argument("--claims", type=int, default=100_000, help="claims of the map (0: none)")
    parser.add_argument(
        "--args", type=int, default=1_000_000, help="arguments of the framework (0: none)"
    )
    a = parser.parse_args()
    trees = {"this tree": ROOT / "src"}
    if a.against is not None:
        trees["against"] = a.against.resolve() / "src"
    with tempfile.TemporaryDirectory() as tmp:
        jobs: list[tuple[str, list[str]]] = []
        if a.claims:
            path = bench_core.synthetic_map(a.claims, seed=1, folder=Path(tmp))
            jobs.append((f"status, map of {a.claims:,} claims", ["status", str(path)]))
        if a.args:
            af = Path(tmp) / "fw.af"
            pairs = generate.random_attacks(a.args, 3 * a.args, seed=1)
            af.write_text(generate.to_iccma(a.args, pairs), encoding="utf-8")
            jobs.append((f"status, framework of {a.args:,} arguments", ["status", str(af)]))
        print(f"{'command':<42} " + " ".join(f"{name:>10}" for name in trees) + "     ratio")
        for label, args in jobs:
            best = dict.fromkeys(trees, float("inf"))
            for _ in range(a.runs):  # interleaved, so both meet the same disturbances
                for name, src in trees.items():
                    best[name] = min(best[name], run(src, args))
            cells = " ".join(f"{best[name]:>9.2f}s" for name in trees)
            ratio = f"{best['this tree'] / best['against']:>9.2f}x" if "against" in best else ""
            print(f"{label:<42} {cells} {ratio}")


if __name__ == "__main__":
    main()
