"""Measure the semantics: grounded labelling on large random frameworks, and preferred
extensions on small dense ones. Each size runs in a fresh process (peak memory is its own).

    python benchmarks/bench_semantics.py             # grounded: 10k, 100k, 1M arguments
    python benchmarks/bench_semantics.py --quick     # smaller sizes
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import resource
import subprocess
import sys
import time


def random_framework(n_args: int, n_attacks: int, seed: int) -> list[tuple[int, int]]:
    """Return ``n_attacks`` random attacks between arguments 0..n_args-1 (seeded)."""
    rng = random.Random(seed)
    r = rng.randrange
    return [(r(n_args), r(n_args)) for _ in range(n_attacks)]


def grounded(n: int) -> dict[str, float]:
    import networkx as nx

    from argmap.semantics import grounded_labelling

    edges = random_framework(n, 3 * n, seed=1)
    t0 = time.perf_counter()
    gc.disable()  # building a 3-million-edge networkx graph is what is slow, not argmap
    G = nx.DiGraph()
    G.add_nodes_from(range(n))
    G.add_edges_from(edges)
    gc.enable()
    t1 = time.perf_counter()
    labels = grounded_labelling(G)
    t2 = time.perf_counter()
    counts = {k: sum(1 for v in labels.values() if v == k) for k in ("in", "out", "undec")}
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "args": n,
        "attacks": G.number_of_edges(),
        "build_s": t1 - t0,
        "grounded_s": t2 - t1,
        "peak_mb": peak,
        **counts,
    }


def preferred(n: int) -> dict[str, float]:
    import networkx as nx

    from argmap.semantics import preferred_extensions

    # Sparse enough to be non-trivial (many undecided arguments after grounded).
    edges = random_framework(n, int(1.5 * n), seed=2)
    G = nx.DiGraph()
    G.add_nodes_from(range(n))
    G.add_edges_from(edges)
    t0 = time.perf_counter()
    exts = preferred_extensions(G)
    t1 = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "args": n,
        "attacks": G.number_of_edges(),
        "preferred_s": t1 - t0,
        "extensions": len(exts),
        "peak_mb": peak,
    }


def _child(kind: str, n: int, timeout: float) -> dict[str, float] | None:
    try:
        out = subprocess.run(
            [sys.executable, __file__, "--one", kind, str(n)],
            check=True,
            capture_output=True,
            text=True,
            timeout=timeout,
        ).stdout
    except subprocess.TimeoutExpired:
        return None
    return json.loads(out)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="smaller sizes")
    parser.add_argument("--one", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        kind, n = args.one[0], int(args.one[1])
        print(json.dumps(grounded(n) if kind == "grounded" else preferred(n)))
        return
    sizes = [10_000, 100_000] if args.quick else [10_000, 100_000, 1_000_000]
    print("grounded labelling, random frameworks with 3 attacks per argument")
    print(
        f"{'args':>9} {'attacks':>9} {'build s':>8} {'grounded s':>11} {'peak MB':>8} "
        f"{'in':>8} {'out':>8} {'undec':>8}"
    )
    for n in sizes:
        r = _child("grounded", n, 600)
        if r is None:
            print(f"{n:>9} timed out")
            continue
        print(
            f"{r['args']:>9} {r['attacks']:>9} {r['build_s']:>8.2f} {r['grounded_s']:>11.2f} "
            f"{r['peak_mb']:>8.0f} {r['in']:>8} {r['out']:>8} {r['undec']:>8}"
        )
    print("\npreferred extensions, random frameworks with 1.5 attacks per argument (60 s cap)")
    print(f"{'args':>9} {'attacks':>9} {'preferred s':>12} {'extensions':>11} {'peak MB':>8}")
    for n in [20, 40, 80] if args.quick else [20, 40, 80, 160, 320]:
        r = _child("preferred", n, 60)
        if r is None:
            print(f"{n:>9} {'':>9} {'> 60':>12}")
            break
        print(
            f"{r['args']:>9} {r['attacks']:>9} {r['preferred_s']:>12.2f} "
            f"{r['extensions']:>11} {r['peak_mb']:>8.0f}"
        )


if __name__ == "__main__":
    main()
