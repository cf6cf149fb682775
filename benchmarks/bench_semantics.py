"""Measure argmap's semantics: the grounded labelling on large random frameworks, and the
preferred and stable extension searches on small hard ones.

Each measurement runs in a fresh process, so its peak memory (resident set) is its
own. Prints two tables.

    python benchmarks/bench_semantics.py            # grounded: 10k, 100k, 1M arguments
    python benchmarks/bench_semantics.py --quick    # a fast subset
    python benchmarks/bench_semantics.py --grounded 50000 --preferred 20 40 --budget 30

Grounded: random frameworks with three attacks per argument (``random_framework``
in generate.py). "build s" is networkx building the graph (and collecting the
garbage of building it); "grounded s" is ``grounded_labelling`` alone; "ns/item"
is that time per argument plus attack, flat when the cost is linear; "peak MB" is
the process's peak resident set (graph included) and "+MB" what the labelling
adds to the resident set. The same framework is also written as ICCMA text, read
back by ``read_attacks`` ("read s") and labelled by
``grounded_labelling_from_attacks`` over plain lists, with no networkx graph
("lists s"); the two labellings must agree.

Searches: random frameworks where every argument is attacked at least once, so
the grounded labelling leaves (nearly) everything undecided and the search does
all the work; "undec" counts the arguments left undecided and "part" the largest
weakly connected part searched as one. A size that does not finish within the
budget ends its series.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rss_mb() -> float:
    """Return the resident set now (Linux), or 0 where it cannot be read."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return pages * resource.getpagesize() / 2**20


def grounded(n: int, seed: int) -> dict[str, Any]:
    from generate import digraph, random_attacks, to_iccma

    from argmap.frameworks import read_attacks
    from argmap.semantics import Label, grounded_labelling, grounded_labelling_from_attacks

    # Without networkx: an ICCMA file read in bulk, labelled over plain lists.
    text = to_iccma(n, random_attacks(n, 3 * n, seed))
    r0 = time.perf_counter()
    arguments, attack_list = read_attacks(text, "iccma")
    r1 = time.perf_counter()
    from_lists = grounded_labelling_from_attacks(arguments, attack_list)
    r2 = time.perf_counter()
    del text, arguments, attack_list
    gc.collect()

    t0 = time.perf_counter()
    edges = random_attacks(n, 3 * n, seed)
    t1 = time.perf_counter()
    G = digraph(n, edges)
    del edges
    gc.collect()  # the collection owed for building the graph, paid here
    gc.freeze()
    t2 = time.perf_counter()
    before = _rss_mb()
    labels = grounded_labelling(G)
    t3 = time.perf_counter()
    after = _rss_mb()
    counts = {k.value: 0 for k in Label}
    for v in labels.values():
        counts[v.value] += 1
    assert from_lists == labels, "the two ways must agree"
    return {
        "read_s": r1 - r0,
        "lists_s": r2 - r1,
        "args": n,
        "attacks": G.number_of_edges(),
        "gen_s": t1 - t0,
        "build_s": t2 - t1,
        "grounded_s": t3 - t2,
        "peak_mb": _peak_mb(),
        "labels_mb": after - before,
        **counts,
    }


def search(n: int, per_arg: float, seed: int) -> dict[str, Any]:
    import networkx as nx
    import pysat.solvers  # noqa: F401  (imported once, on the first search: not timed)
    from generate import random_framework

    import argmap.semantics.extensions  # noqa: F401  (the same)
    from argmap.semantics.dung import (
        Label,
        grounded_labelling,
        preferred_extensions,
        stable_extensions,
    )

    G = random_framework(n, int(per_arg * n), seed, every_attacked=True)
    undecided = [x for x, label in grounded_labelling(G).items() if label == Label.UNDEC]
    parts = list(nx.weakly_connected_components(G.subgraph(undecided)))
    t0 = time.perf_counter()
    preferred = preferred_extensions(G)
    t1 = time.perf_counter()
    stable = stable_extensions(G)
    t2 = time.perf_counter()
    return {
        "args": n,
        "attacks": G.number_of_edges(),
        "undec": len(undecided),
        "part": max(map(len, parts), default=0),
        "preferred": len(preferred),
        "preferred_s": t1 - t0,
        "stable": len(stable),
        "stable_s": t2 - t1,
        "peak_mb": _peak_mb(),
    }


def _child(args: list[str], timeout: float) -> dict[str, Any] | None:
    try:
        out = subprocess.run(
            [sys.executable, __file__, "--one", *args],
            check=True,
            capture_output=True,
            text=True,
            timeout=timeout,
        ).stdout
    except subprocess.TimeoutExpired:
        return None
    result: dict[str, Any] = json.loads(out)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="a fast subset")
    parser.add_argument("--grounded", type=int, nargs="*", help="argument counts for grounded")
    parser.add_argument("--preferred", type=int, nargs="*", help="argument counts for searches")
    parser.add_argument("--density", type=float, nargs="*", help="attacks per argument (search)")
    parser.add_argument("--budget", type=float, help="seconds per search size (default 60)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--one", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        kind, *rest = args.one
        if kind == "grounded":
            result = grounded(int(rest[0]), int(rest[1]))
        else:
            result = search(int(rest[0]), float(rest[1]), int(rest[2]))
        print(json.dumps(result))
        return

    quick = args.quick
    sizes = (
        args.grounded
        if args.grounded is not None
        else ([10_000, 100_000] if quick else [10_000, 100_000, 1_000_000])
    )
    small = (
        args.preferred
        if args.preferred is not None
        else (
            [20, 40, 80, 120]
            if quick
            else [20, 40, 80, 120, 160, 200, 300, 400, 600, 800, 1000, 1500, 2000]
        )
    )
    densities = args.density or ([3.0] if quick else [2.0, 3.0])
    budget = args.budget or (20.0 if quick else 60.0)

    print("grounded labelling, random frameworks, 3 attacks per argument")
    print(
        f"{'args':>9} {'attacks':>9} {'build s':>8} {'grounded s':>11} {'ns/item':>8} "
        f"{'peak MB':>8} {'+MB':>6} {'in':>8} {'out':>8} {'undec':>8} {'read s':>7} "
        f"{'lists s':>8}"
    )
    for n in sizes:
        r = _child(["grounded", str(n), str(args.seed)], 1200)
        if r is None:
            print(f"{n:>9} timed out")
            continue
        per_item = r["grounded_s"] / (r["args"] + r["attacks"]) * 1e9
        print(
            f"{r['args']:>9} {r['attacks']:>9} {r['build_s']:>8.2f} {r['grounded_s']:>11.2f} "
            f"{per_item:>8.0f} {r['peak_mb']:>8.0f} {r['labels_mb']:>6.0f} "
            f"{r['in']:>8} {r['out']:>8} {r['undec']:>8} {r['read_s']:>7.2f} "
            f"{r['lists_s']:>8.2f}",
            flush=True,
        )

    for per_arg in densities:
        print(
            f"\npreferred and stable extensions, every argument attacked, "
            f"{per_arg:g} attacks per argument ({budget:g} s budget)"
        )
        print(
            f"{'args':>6} {'attacks':>8} {'undec':>6} {'part':>5} {'preferred':>10} {'s':>8} "
            f"{'stable':>7} {'s':>8} {'peak MB':>8}"
        )
        for n in small:
            r = _child(["search", str(n), str(per_arg), str(args.seed + n)], budget)
            if r is None:
                print(f"{n:>6} {'':>8} {'':>6} {'':>5} {'':>10} {'> ' + format(budget, 'g'):>8}")
                break
            print(
                f"{r['args']:>6} {r['attacks']:>8} {r['undec']:>6} {r['part']:>5} "
                f"{r['preferred']:>10} {r['preferred_s']:>8.3f} {r['stable']:>7} "
                f"{r['stable_s']:>8.3f} {r['peak_mb']:>8.0f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
