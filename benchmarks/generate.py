"""Seeded generators of abstract argumentation frameworks, for benchmarks and tests.

Arguments are the integers 1..N (as in ICCMA files). The same arguments and seed
always give the same framework. Random attacks are drawn as plain integers, so
millions of them take seconds; building the networkx graph from them is the slow
part at that size.

    python benchmarks/generate.py --args 1000 --attacks 3000 --seed 1 -o fw.af
    python benchmarks/generate.py --kind attacked --args 200 --attacks 600 -o hard.af
    python benchmarks/generate.py --kind layered --layers 10 --args 1000 --attacks 3000 -o l.apx
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from argmap._bulk import gc_paused

__all__ = [
    "digraph",
    "layered_attacks",
    "layered_framework",
    "random_attacks",
    "random_framework",
    "to_iccma",
]


def random_attacks(
    n_args: int, n_attacks: int, seed: int, *, every_attacked: bool = False
) -> list[tuple[int, int]]:
    """Return ``n_attacks`` attacks between arguments 1..n_args, uniformly at random.

    Self-attacks and repeated attacks can occur (a graph keeps one of each pair).
    With ``every_attacked`` the first ``n_args`` attacks target each argument once,
    so nothing is unattacked and the grounded labelling decides little: the hard
    case for the extension searches (needs ``n_attacks >= n_args``).

    Example:
        >>> random_attacks(5, 3, seed=1) == random_attacks(5, 3, seed=1)
        True
        >>> sorted(t for _, t in random_attacks(4, 4, seed=2, every_attacked=True))
        [1, 2, 3, 4]
    """
    if n_args < 1 and n_attacks:
        raise ValueError("attacks need at least one argument")
    if every_attacked and n_attacks < n_args:
        raise ValueError("every_attacked needs at least as many attacks as arguments")
    rng = random.Random(seed)
    args = range(1, n_args + 1)
    sources = rng.choices(args, k=n_attacks)
    if every_attacked:
        targets = list(args) + rng.choices(args, k=n_attacks - n_args)
    else:
        targets = rng.choices(args, k=n_attacks)
    return list(zip(sources, targets, strict=True))


def layered_attacks(
    n_layers: int, width: int, attacks_per_arg: int, seed: int, *, back: float = 0.0
) -> list[tuple[int, int]]:
    """Return attacks between ``n_layers`` layers of ``width`` arguments (1..n_layers*width).

    Each argument below the first layer is attacked by ``attacks_per_arg`` random
    arguments of the layer above, so without ``back`` the framework is acyclic and
    the grounded labelling decides everything. With ``back`` > 0, that fraction of
    the arguments also attacks a random argument of the layer above, closing
    cycles for the extension searches to work on.

    Example:
        >>> layered_attacks(2, 2, 1, seed=3) == layered_attacks(2, 2, 1, seed=3)
        True
    """
    rng = random.Random(seed)
    edges: list[tuple[int, int]] = []
    for layer in range(1, n_layers):
        above = range((layer - 1) * width + 1, layer * width + 1)
        for target in range(layer * width + 1, (layer + 1) * width + 1):
            edges += [(s, target) for s in rng.choices(above, k=attacks_per_arg)]
            if back and rng.random() < back:
                edges.append((target, rng.choice(above)))
    return edges


def digraph(n_args: int, edges: Iterable[tuple[int, int]]) -> nx.DiGraph:
    """Return the ``nx.DiGraph`` with arguments 1..n_args (isolated ones too) and ``edges``.

    The cyclic garbage collector is held while the graph is built (it would rescan
    the growing graph again and again).
    """
    with gc_paused():
        G = nx.DiGraph()
        G.add_nodes_from(range(1, n_args + 1))
        G.add_edges_from(edges)
    return G


def random_framework(
    n_args: int, n_attacks: int, seed: int, *, every_attacked: bool = False
) -> nx.DiGraph:
    """Return a random framework (see :func:`random_attacks`) as an ``nx.DiGraph``.

    Example:
        >>> G = random_framework(10, 30, seed=1)
        >>> sorted(G.nodes) == list(range(1, 11)), G.number_of_edges() <= 30
        (True, True)
    """
    return digraph(n_args, random_attacks(n_args, n_attacks, seed, every_attacked=every_attacked))


def layered_framework(
    n_layers: int, width: int, attacks_per_arg: int, seed: int, *, back: float = 0.0
) -> nx.DiGraph:
    """Return a layered framework (see :func:`layered_attacks`) as an ``nx.DiGraph``.

    Example:
        >>> import networkx as nx
        >>> nx.is_directed_acyclic_graph(layered_framework(4, 5, 2, seed=1))
        True
    """
    edges = layered_attacks(n_layers, width, attacks_per_arg, seed, back=back)
    return digraph(n_layers * width, edges)


def to_iccma(n_args: int, edges: Iterable[tuple[int, int]]) -> str:
    """Return ICCMA 2023 text for arguments 1..n_args and ``edges`` (each attack once).

    Example:
        >>> print(to_iccma(3, [(1, 2), (1, 2), (3, 3)]), end="")
        p af 3
        1 2
        3 3
    """
    lines = [f"p af {n_args}"]
    lines += [f"{a} {b}" for a, b in dict.fromkeys(edges)]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--args", type=int, required=True, help="number of arguments")
    parser.add_argument("--attacks", type=int, required=True, help="number of attacks drawn")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--kind",
        choices=["random", "attacked", "layered"],
        default="random",
        help="random: uniform attacks; attacked: every argument attacked at least once; "
        "layered: attacks from each layer to the next (default: random)",
    )
    parser.add_argument("--layers", type=int, default=10, help="layers for --kind layered")
    parser.add_argument(
        "--back", type=float, default=0.0, help="share of back attacks for --kind layered"
    )
    parser.add_argument(
        "--format",
        choices=["iccma", "apx", "tgf"],
        help="output format (default: from the extension of -o, else iccma)",
    )
    parser.add_argument("-o", "--output", default="-", help="file to write; '-' is stdout")
    args = parser.parse_args(argv)

    n = args.args
    if args.kind == "layered":
        width = max(1, n // args.layers)
        per_arg = max(1, round(args.attacks / n)) if n else 0
        n = width * args.layers
        edges = layered_attacks(args.layers, width, per_arg, args.seed, back=args.back)
    else:
        edges = random_attacks(n, args.attacks, args.seed, every_attacked=args.kind == "attacked")

    fmt = args.format
    if fmt is None:
        suffix = Path(args.output).suffix.lower()
        fmt = {".apx": "apx", ".tgf": "tgf"}.get(suffix, "iccma")
    if fmt == "iccma":
        text = to_iccma(n, edges)
    else:
        from argmap.frameworks import write_framework

        text = write_framework(digraph(n, edges), fmt)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
