"""Abstract argumentation (Dung 1995) over any networkx digraph of attacks.

Arguments are nodes; an edge ``a -> b`` means *a attacks b*. On an argmap graph
only the ``rebuts`` edges are attacks (``supports`` edges count in gradual
strength only); an edge without a ``type`` attribute is an attack, so a plain
digraph read from an ICCMA file works directly.

Example:
    >>> import networkx as nx
    >>> G = nx.DiGraph([("a", "b"), ("b", "c")])   # a attacks b, b attacks c
    >>> sorted(grounded_extension(G))
    ['a', 'c']
    >>> preferred_extensions(nx.DiGraph([("a", "b"), ("b", "a")]))
    [frozenset({'a'}), frozenset({'b'})]
"""

from __future__ import annotations

import enum
import gc
from collections import deque
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx

__all__ = [
    "Acceptance",
    "Label",
    "StrengthResult",
    "acceptance",
    "attacks",
    "complete_extensions",
    "complete_labellings",
    "grounded_extension",
    "grounded_labelling",
    "is_admissible",
    "is_complete",
    "is_conflict_free",
    "is_preferred",
    "is_stable",
    "preferred_extensions",
    "stable_extensions",
    "strength",
]

Node = Hashable


class Label(enum.StrEnum):
    """The three labels of a labelling."""

    IN = "in"
    OUT = "out"
    UNDEC = "undec"


def attacks(G: nx.DiGraph) -> nx.DiGraph:
    """Return the attack graph: every node of ``G``, and the edges that are attacks
    (``type == "rebuts"``, or no ``type`` at all).

    Example:
        >>> G = nx.DiGraph()
        >>> G.add_edge("e", "c", type="supports"); G.add_edge("d", "c", type="rebuts")
        >>> sorted(attacks(G).edges())
        [('d', 'c')]
    """
    A = nx.DiGraph()
    A.add_nodes_from(G.nodes)
    A.add_edges_from((u, v) for u, v, t in G.edges(data="type", default="rebuts") if t == "rebuts")
    return A


def _indexed(G: nx.DiGraph) -> tuple[list[Node], list[list[int]], list[list[int]]]:
    """Return nodes in order and, by index, attackers and targets of each (attacks only)."""
    # Millions of small lists: the cyclic collector would rescan the whole graph again
    # and again while they are made, so it waits until they are done.
    enabled = gc.isenabled()
    gc.disable()
    try:
        nodes = list(G.nodes)
        index = {n: i for i, n in enumerate(nodes)}
        attackers: list[list[int]] = [[] for _ in nodes]
        targets: list[list[int]] = [[] for _ in nodes]
        for u, nbrs in G.adjacency():  # plain dicts, quicker than the G.adj views
            iu = index[u]
            tu = targets[iu]
            for v, data in nbrs.items():
                if data.get("type", "rebuts") == "rebuts":
                    iv = index[v]
                    attackers[iv].append(iu)
                    tu.append(iv)
    finally:
        if enabled:
            gc.enable()
    return nodes, attackers, targets


def _grounded(n: int, attackers: list[list[int]], targets: list[list[int]]) -> list[int]:
    """Return the grounded labelling by index: 1 in, -1 out, 0 undecided. O(N + E)."""
    label = [0] * n
    alive = [len(a) for a in attackers]  # attackers not yet out
    queue = deque(i for i in range(n) if alive[i] == 0)
    for i in queue:
        label[i] = 1
    while queue:
        i = queue.popleft()
        for t in targets[i]:
            if label[t] == 0:
                label[t] = -1
                for u in targets[t]:
                    if label[u] == 0:
                        alive[u] -= 1
                        if alive[u] == 0:
                            label[u] = 1
                            queue.append(u)
    return label


_LABELS = {1: Label.IN, -1: Label.OUT, 0: Label.UNDEC}


def grounded_labelling(G: nx.DiGraph) -> dict[Any, Label]:
    """Return the grounded labelling: IN when every attacker is OUT, OUT when an attacker
    is IN, UNDEC otherwise; the least fixed point, computed in time linear in nodes plus edges.

    Example:
        >>> G = nx.DiGraph([("a", "b"), ("b", "c"), ("d", "d")])
        >>> {n: l.value for n, l in sorted(grounded_labelling(G).items())}
        {'a': 'in', 'b': 'out', 'c': 'in', 'd': 'undec'}
    """
    nodes, attackers, targets = _indexed(G)
    lab = _grounded(len(nodes), attackers, targets)
    return {node: _LABELS[lab[i]] for i, node in enumerate(nodes)}


def grounded_extension(G: nx.DiGraph) -> frozenset[Any]:
    """Return the grounded extension: the arguments IN in the grounded labelling.

    Example:
        >>> grounded_extension(nx.DiGraph([("a", "b"), ("b", "a")]))
        frozenset()
    """
    return frozenset(n for n, lab in grounded_labelling(G).items() if lab is Label.IN)


def _complete_labellings(
    n: int, attackers: list[list[int]], targets: list[list[int]], *, stable: bool = False
) -> list[list[int]]:
    """Return every complete labelling (or only the stable ones) by index.

    Backtracking over undecided arguments from the grounded labelling, with unit
    propagation of the complete-labelling rules; a branch dies as soon as an
    argument can no longer be given a legal label.
    """
    base = _grounded(n, attackers, targets)
    open_args = [i for i in range(n) if base[i] == 0]
    results: list[list[int]] = []
    if not open_args:
        return [base]

    # Labels during search: 1 in, -1 out, 0 undec (final), None unassigned.
    def legal(lab: list[int | None], i: int) -> bool:
        """Whether i's label (if assigned) can still be right given assigned attackers."""
        li = lab[i]
        atts = attackers[i]
        if li == 1:
            return all(lab[a] is None or lab[a] == -1 for a in atts)
        if li == -1:
            return any(lab[a] is None or lab[a] == 1 for a in atts)
        if li == 0:
            if stable:
                return False
            no_in = all(lab[a] != 1 for a in atts)
            some_not_out = any(lab[a] is None or lab[a] != -1 for a in atts)
            return no_in and some_not_out
        return True

    def propagate(lab: list[int | None], changed: list[int]) -> bool:
        stack = list(changed)
        while stack:
            i = stack.pop()
            for j in (i, *targets[i]):
                if not legal(lab, j):
                    return False
                if lab[j] is None:
                    atts = attackers[j]
                    if any(lab[a] == 1 for a in atts):
                        lab[j] = -1
                        stack.append(j)
                    elif all(lab[a] == -1 for a in atts):
                        lab[j] = 1
                        stack.append(j)
                    elif not stable and all(lab[a] is not None for a in atts):
                        lab[j] = 0
                        stack.append(j)
        return True

    start: list[int | None] = [base[i] if base[i] != 0 else None for i in range(n)]

    def search(lab: list[int | None]) -> None:
        pick = next((i for i in open_args if lab[i] is None), None)
        if pick is None:
            if all(legal(lab, i) for i in open_args) and all(
                legal(lab, t) for i in open_args for t in targets[i]
            ):
                results.append([x if x is not None else 0 for x in lab])
            return
        for choice in (1, -1) if stable else (1, -1, 0):
            trial = list(lab)
            trial[pick] = choice
            if propagate(trial, [pick]):
                search(trial)

    if propagate(start, [i for i in range(n) if start[i] is not None]):
        search(start)
    unique = {tuple(r) for r in results}
    # The grounded labelling (fewest IN) first, then a fixed order.
    return [list(r) for r in sorted(unique, key=lambda r: (sum(x == 1 for x in r), r))]


def complete_labellings(G: nx.DiGraph) -> list[dict[Any, Label]]:
    """Return every complete labelling of ``G``.

    Example:
        >>> [sorted((n, l.value) for n, l in lab.items())
        ...  for lab in complete_labellings(nx.DiGraph([("a", "b"), ("b", "a")]))]
        ... # doctest: +NORMALIZE_WHITESPACE
        [[('a', 'undec'), ('b', 'undec')], [('a', 'out'), ('b', 'in')],
         [('a', 'in'), ('b', 'out')]]
    """
    nodes, attackers, targets = _indexed(G)
    return [
        {node: _LABELS[lab[i]] for i, node in enumerate(nodes)}
        for lab in _complete_labellings(len(nodes), attackers, targets)
    ]


def _extensions(G: nx.DiGraph, *, stable: bool = False) -> list[frozenset[Any]]:
    nodes, attackers, targets = _indexed(G)
    exts = {
        frozenset(nodes[i] for i, x in enumerate(lab) if x == 1)
        for lab in _complete_labellings(len(nodes), attackers, targets, stable=stable)
    }
    return sorted(exts, key=lambda s: (len(s), sorted(map(repr, s))))


def complete_extensions(G: nx.DiGraph) -> list[frozenset[Any]]:
    """Return every complete extension, smallest first (the first is the grounded one).

    Example:
        >>> complete_extensions(nx.DiGraph([("a", "b"), ("b", "a")]))
        [frozenset(), frozenset({'a'}), frozenset({'b'})]
    """
    return _extensions(G)


def preferred_extensions(G: nx.DiGraph) -> list[frozenset[Any]]:
    """Return every preferred extension: the complete extensions maximal for inclusion.

    Example:
        >>> preferred_extensions(nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a")]))
        [frozenset()]
    """
    complete = _extensions(G)
    return [s for s in complete if not any(s < t for t in complete)]


def stable_extensions(G: nx.DiGraph) -> list[frozenset[Any]]:
    """Return every stable extension (conflict-free, attacking every argument outside it).

    An empty list means the framework has *no* stable extension (an odd cycle, for
    instance), which differs from ``[frozenset()]``, the empty framework's one
    extension.

    Example:
        >>> stable_extensions(nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a")]))
        []
        >>> stable_extensions(nx.DiGraph())
        [frozenset()]
    """
    return _extensions(G, stable=True)


def is_conflict_free(G: nx.DiGraph, S: Iterable[Any]) -> bool:
    """Return True when no argument of ``S`` attacks one of ``S``.

    Example:
        >>> is_conflict_free(nx.DiGraph([("a", "b")]), {"a", "b"})
        False
    """
    s = set(S)
    A = attacks(G)
    return not any(v in s for u in s for v in A.successors(u))


def _defends(A: nx.DiGraph, s: set[Any], x: Any) -> bool:
    return all(any(A.has_edge(d, y) for d in s) for y in A.predecessors(x))


def is_admissible(G: nx.DiGraph, S: Iterable[Any]) -> bool:
    """Return True when ``S`` is conflict-free and defends each of its arguments.

    Example:
        >>> is_admissible(nx.DiGraph([("a", "b"), ("b", "c")]), {"a", "c"})
        True
    """
    s = set(S)
    A = attacks(G)
    return is_conflict_free(A, s) and all(_defends(A, s, x) for x in s)


def is_complete(G: nx.DiGraph, S: Iterable[Any]) -> bool:
    """Return True when ``S`` is admissible and holds every argument it defends.

    Example:
        >>> is_complete(nx.DiGraph([("a", "b"), ("b", "c")]), {"a"})
        False
    """
    s = set(S)
    A = attacks(G)
    return is_admissible(A, s) and all(x in s for x in A.nodes if _defends(A, s, x))


def is_stable(G: nx.DiGraph, S: Iterable[Any]) -> bool:
    """Return True when ``S`` is conflict-free and attacks every argument outside it.

    Example:
        >>> is_stable(nx.DiGraph([("a", "b")]), {"a"})
        True
    """
    s = set(S)
    A = attacks(G)
    return is_conflict_free(A, s) and all(
        any(A.has_edge(d, x) for d in s) for x in A.nodes if x not in s
    )


def is_preferred(G: nx.DiGraph, S: Iterable[Any]) -> bool:
    """Return True when ``S`` is one of the preferred extensions.

    Example:
        >>> is_preferred(nx.DiGraph([("a", "b"), ("b", "a")]), {"a"})
        True
    """
    return frozenset(S) in preferred_extensions(G)


@dataclass(frozen=True)
class Acceptance:
    """Whether an argument is accepted in some (credulous) or every (sceptical) extension."""

    credulous: bool
    sceptical: bool


def acceptance(G: nx.DiGraph, semantics: str = "grounded") -> dict[Any, Acceptance]:
    """Return credulous and sceptical acceptance of every argument under ``semantics``
    ('grounded', 'complete', 'preferred' or 'stable').

    With no stable extension, nothing is accepted under 'stable' (not vacuously
    everything, which would mislead).

    Example:
        >>> acc = acceptance(nx.DiGraph([("a", "b"), ("b", "a")]), "preferred")
        >>> acc["a"]
        Acceptance(credulous=True, sceptical=False)
    """
    if semantics == "grounded":
        ext = grounded_extension(G)
        return {n: Acceptance(n in ext, n in ext) for n in G.nodes}
    if semantics == "complete":
        exts = complete_extensions(G)
    elif semantics == "preferred":
        exts = preferred_extensions(G)
    elif semantics == "stable":
        exts = stable_extensions(G)
    else:
        raise ValueError(f"unknown semantics {semantics!r}")
    if not exts:
        return {n: Acceptance(False, False) for n in G.nodes}
    union = frozenset().union(*exts)
    inter = frozenset.intersection(*exts)
    return {n: Acceptance(n in union, n in inter) for n in G.nodes}


@dataclass(frozen=True)
class StrengthResult:
    """Gradual strengths, with whether the iteration converged."""

    scores: dict[Any, float]
    converged: bool
    iterations: int
    method: str


def _aggregate(values: Iterable[float]) -> float:
    prod = 1.0
    for v in values:
        prod *= 1.0 - v
    return 1.0 - prod


def _dfquad(v0: float, va: float, vs: float) -> float:
    if va >= vs:
        return v0 - v0 * (va - vs)
    return v0 + (1.0 - v0) * (vs - va)


def strength(
    G: nx.DiGraph,
    base: Mapping[Any, float] | None = None,
    *,
    default: float = 0.5,
    method: str = "dfquad",
    max_iter: int = 1000,
    tol: float = 1e-9,
) -> StrengthResult:
    """Return gradual strengths in [0, 1] under DF-QuAD (Rago et al. 2016).

    Attackers (``rebuts``) and supporters (``supports``) are aggregated by
    probabilistic sum; the combination moves the base score down by the
    attack surplus or up by the support surplus. Acyclic graphs are solved
    exactly in topological order; cyclic ones by iteration until the largest
    change is below ``tol`` (``converged`` says whether it was reached).

    Example:
        >>> G = nx.DiGraph()
        >>> G.add_edge("e", "c", type="supports"); G.add_edge("d", "c", type="rebuts")
        >>> r = strength(G, {"e": 0.8, "d": 0.3, "c": 0.5})
        >>> round(r.scores["c"], 2), r.converged
        (0.75, True)
    """
    if method != "dfquad":
        raise ValueError(f"unknown strength method {method!r}; 'dfquad' is supported")
    base = dict(base or {})
    scores: dict[Any, float] = {}
    for n in G.nodes:
        b = base.get(n, default)
        if not 0.0 <= b <= 1.0:
            raise ValueError(f"base score of {n!r} is {b}, outside [0, 1]")
        scores[n] = b
    att: dict[Any, list[Any]] = {n: [] for n in G.nodes}
    sup: dict[Any, list[Any]] = {n: [] for n in G.nodes}
    for u, v, t in G.edges(data="type", default="rebuts"):
        (sup if t == "supports" else att)[v].append(u)

    def update(n: Any, s: dict[Any, float]) -> float:
        return _dfquad(
            base.get(n, default),
            _aggregate(s[a] for a in att[n]),
            _aggregate(s[x] for x in sup[n]),
        )

    if nx.is_directed_acyclic_graph(G):
        for n in nx.topological_sort(G):
            scores[n] = update(n, scores)
        return StrengthResult(scores, True, 1, method)
    for it in range(1, max_iter + 1):
        new = {n: update(n, scores) for n in G.nodes}
        delta = max((abs(new[n] - scores[n]) for n in G.nodes), default=0.0)
        scores = new
        if delta < tol:
            return StrengthResult(scores, True, it, method)
    return StrengthResult(scores, False, max_iter, method)
