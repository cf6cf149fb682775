"""Time whole `argmap status` commands, this tree against another checkout, side by side.

Speed targets are ratios to an earlier release measured on the same machine the same
day (this machine's speed changes from day to day, and from minute to minute on a
shared one), so the script runs both, interleaved, and keeps the fastest of several
runs of each (the run least disturbed by other work):

    python benchmarks/bench_status.py --against ../old-checkout          # 100k map, 1M framework
    python benchmarks/bench_status.py --against ../old-checkout --runs 5 --claims 20000 --args 0
    python benchmarks/bench_status.py --against ../old-checkout --json   # also --format json

Each command is timed twice over: CPU time (user + system of the child process, which
other work on a shared machine disturbs least) and wall time; the ratio is of CPU
times. ``--against`` is the root of another checkout of argmap (its ``src`` is put
first on ``PYTHONPATH`` for its runs). Without it, only this tree is timed.
"""

from __future__ import annotations

import argparse
import os
import resource
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


def run(src: Path, args: list[str]) -> tuple[float, float]:
    """CPU time (user + system) and wall time of one `python -m argmap ARGS` with
    ``src`` first on the path."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "argmap", *args],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return cpu, wall


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
    parser.add_argument("--json", action="store_true", help="also time `--format json`")
    parser.add_argument("--text", action="store_true", help="with --json: time json only")
    a = parser.parse_args()
    trees = {"this tree": ROOT / "src"}
    if a.against is not None:
        trees["against"] = a.against.resolve() / "src"
    with tempfile.TemporaryDirectory() as tmp:
        inputs: list[tuple[str, Path]] = []
        if a.claims:
            path = bench_core.synthetic_map(a.claims, seed=1, folder=Path(tmp))
            inputs.append((f"map of {a.claims:,} claims", path))
        if a.args:
            af = Path(tmp) / "fw.af"
            pairs = generate.random_attacks(a.args, 3 * a.args, seed=1)
            af.write_text(generate.to_iccma(a.args, pairs), encoding="utf-8")
            inputs.append((f"framework of {a.args:,} arguments", af))
        jobs: list[tuple[str, list[str]]] = []
        for what, path in inputs:
            if not (a.json and a.text):
                jobs.append((f"status, {what}", ["status", str(path)]))
            if a.json:
                json_args = ["status", str(path), "--format", "json"]
                jobs.append((f"status --format json, {what}", json_args))
        names = " ".join(f"{name + ' cpu':>15} {'wall':>7}" for name in trees)
        print(f"{'command':<52} {names}  cpu ratio")
        for label, args in jobs:
            cpu = dict.fromkeys(trees, float("inf"))
            wall = dict.fromkeys(trees, float("inf"))
            for _ in range(a.runs):  # interleaved, so both meet the same disturbances
                for name, src in trees.items():
                    c, w = run(src, args)
                    cpu[name], wall[name] = min(cpu[name], c), min(wall[name], w)
            cells = " ".join(f"{cpu[name]:>14.2f}s {wall[name]:>6.2f}s" for name in trees)
            ratio = f"{cpu['this tree'] / cpu['against']:>9.2f}x" if "against" in cpu else ""
            print(f"{label:<52} {cells} {ratio}", flush=True)


if __name__ == "__main__":
    main()
