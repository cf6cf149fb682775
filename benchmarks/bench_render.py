"""Time whole `argmap render` commands, this tree against another checkout, side by side.

Three commands, each a fresh process, Python start-up included:

- `argmap render MAP -o map.dot` on a synthetic map (`--claims`, 100,000 by default;
  0 leaves it out);
- `argmap render data/claims.json -o map.svg --engine wasm`, the embedded Graphviz
  with its compiled module cached (one untimed run fills a cache folder of the
  script's own first), and once cold, with ``ARGMAP_CACHE_DIR=`` empty, which keeps
  no cache, so the module is compiled again;
- the same with `--engine system`, when Graphviz's `dot` is on PATH.

    python benchmarks/bench_render.py --against ../old-checkout            # 100k map
    python benchmarks/bench_render.py --against ../old-checkout --runs 5 --claims 20000

The two trees run interleaved, and each command keeps the fastest of ``--runs`` runs
(the run least disturbed by other work on a shared machine): CPU time (user + system
of the command and of what it starts, such as `dot`; the ratio's measure), wall time,
and peak resident memory. Each command is started by a small Python process of its
own that reads ``RUSAGE_CHILDREN`` once its one child has ended, so the peak memory
is that command's own (``ru_maxrss`` of ``RUSAGE_CHILDREN`` is the largest of all the
children a process has waited for). ``--against`` is the root of another checkout of
argmap (its ``src`` is put first on ``PYTHONPATH`` for its runs). Without it, only
this tree is timed. The last column says whether both trees wrote the same bytes.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import bench_core  # noqa: E402

# Runs one command and prints its CPU time, wall time and peak memory as JSON.
_MEASURE = """\
import json, resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
wall = time.perf_counter() - start
use = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps([use.ru_utime + use.ru_stime, wall, use.ru_maxrss]))
"""


def run(src: Path, args: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """CPU seconds, wall seconds and peak resident MB of one `python -m argmap ARGS`
    with ``src`` first on the path."""
    env = {**os.environ, **env, "PYTHONPATH": str(src)}
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, sys.executable, "-m", "argmap", *args],
        check=True,
        env=env,
        capture_output=True,
        text=True,
    ).stdout
    cpu, wall, peak_kb = json.loads(out)
    return cpu, wall, peak_kb / 1024


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--against", type=Path, help="root of another checkout to compare")
    parser.add_argument("--runs", type=int, default=3, help="runs of each (default: 3)")
    parser.add_argument(
        "--claims", type=int, default=100_000, help="claims of the map drawn as DOT (0: none)"
    )
    a = parser.parse_args()
    trees = {"this tree": ROOT / "src"}
    if a.against is not None:
        trees["against"] = a.against.resolve() / "src"
    bundled = ROOT / "data" / "claims.json"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cache = {"ARGMAP_CACHE_DIR": str(folder / "cache")}
        # (label, argmap's arguments before -o, output extension, environment, runs)
        jobs: list[tuple[str, list[str], str, dict[str, str], int]] = []
        if a.claims:
            path = bench_core.synthetic_map(a.claims, seed=1, folder=folder)
            jobs.append((f"render -o map.dot, {a.claims:,} claims", [str(path)], "dot", {}, a.runs))
        wasm = [str(bundled), "--engine", "wasm"]
        jobs.append(("render -o map.svg, bundled map, wasm", wasm, "svg", cache, a.runs))
        jobs.append(("  the same, cold (ARGMAP_CACHE_DIR= empty)", wasm, "svg", {}, 1))
        if shutil.which("dot"):
            system = [str(bundled), "--engine", "system"]
            jobs.append(("render -o map.svg, bundled map, system", system, "svg", {}, a.runs))
        # Fill the cache of the compiled module before any timed run.
        warm = [*wasm, "-o", str(folder / "warm.svg")]
        subprocess.run(
            [sys.executable, "-m", "argmap", "render", *warm],
            check=True,
            env={**os.environ, **cache, "PYTHONPATH": str(ROOT / "src")},
            capture_output=True,
        )
        names = " ".join(f"{name + ' cpu':>15} {'wall':>7} {'peak MB':>8}" for name in trees)
        print(f"{'command':<42} {names}  cpu ratio  output")
        for k, (label, args, ext, env, runs) in enumerate(jobs):
            cpu = dict.fromkeys(trees, float("inf"))
            wall = dict.fromkeys(trees, float("inf"))
            peak = dict.fromkeys(trees, float("inf"))
            outputs = {name: folder / f"out-{k}-{n}.{ext}" for n, name in enumerate(trees)}
            for _ in range(runs):  # interleaved, so both meet the same disturbances
                for name, src in trees.items():
                    argv = ["render", *args, "-o", str(outputs[name])]
                    c, w, p = run(src, argv, {"ARGMAP_CACHE_DIR": "", **env})
                    cpu[name], wall[name] = min(cpu[name], c), min(wall[name], w)
                    peak[name] = min(peak[name], p)
            cells = " ".join(
                f"{cpu[name]:>14.2f}s {wall[name]:>6.2f}s {peak[name]:>8.0f}" for name in trees
            )
            ratio = ""
            if "against" in trees:
                same = "same" if len({p.read_bytes() for p in outputs.values()}) == 1 else "DIFFER"
                ratio = f"{cpu['this tree'] / cpu['against']:>9.2f}x  {same}"
            print(f"{label:<42} {cells} {ratio}", flush=True)


if __name__ == "__main__":
    main()
