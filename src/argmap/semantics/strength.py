"""Gradual strength of arguments: DF-QuAD (Rago, Toni, Aurisicchio and Baroni 2016)
and quadratic energy (Potyka 2018), over supports and attacks.

A. Rago, F. Toni, M. Aurisicchio, P. Baroni, "Discontinuity-free decision support
with quantitative argumentation debates", KR 2016; N. Potyka, "Continuous dynamical
systems for weighted bipolar argumentation", KR 2018.

Example:
    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> G.add_edge("e", "c", type="supports")
    >>> round(strength(G, {"e": 1.0, "c": 0.5}).scores["c"], 2)
    1.0
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx

from argmap._bulk import gc_paused
from argmap.graph import acyclic_order

__all__ = ["STRENGTH_METHODS", "StrengthResult", "strength"]

#: The gradual semantics :func:`strength` knows.
STRENGTH_METHODS = ("dfquad", "quadratic_energy")

_ATTACK = "rebuts"
_SUPPORT = "supports"


@dataclass(frozen=True)
class StrengthResult:
    """Gradual strengths and how they were reached.

    Attributes:
        scores: every node's strength, in [0, 1].
        converged: False when some cycle was still changing by ``tol`` or more after
            ``max_iter`` sweeps (the scores are then the last iterate).
        iterations: the most sweeps any cycle needed (1 when the graph is acyclic and
            the scores were computed in one pass, in topological order).
        method: the gradual semantics used.
    """

    scores: dict[Any, float]
    converged: bool
    iterations: int
    method: str


def _probabilistic_sum(values: Iterable[float]) -> float:
    prod = 1.0
    for v in values:
        prod *= 1.0 - v
    return 1.0 - prod


def _dfquad(w: float, attack: list[float], support: list[float]) -> float:
    """DF-QuAD (Rago et al. 2016): aggregate each side by probabilistic sum, then move
    the base score ``w`` down by the attack surplus or up by the support surplus."""
    va = _probabilistic_sum(attack)
    vs = _probabilistic_sum(support)
    if va >= vs:
        return w - w * (va - vs)
    return w + (1.0 - w) * (vs - va)


def _quadratic_energy(w: float, attack: list[float], support: list[float]) -> float:
    """Quadratic energy (Potyka 2018): energy E = sum of supports - sum of attacks, then
    w - w*h(-E) + (1 - w)*h(E) with h(x) = max(x, 0)^2 / (1 + max(x, 0)^2)."""
    energy = math.fsum(support) - math.fsum(attack)
    h = energy * energy / (1.0 + energy * energy)
    return w + (1.0 - w) * h if energy >= 0 else w - w * h


_Update = Callable[[float, list[float], list[float]], float]
_UPDATES: dict[str, _Update] = {"dfquad": _dfquad, "quadratic_energy": _quadratic_energy}


def strength(
    G: nx.DiGraph,
    base: Mapping[Any, float] | None = None,
    *,
    default: float = 0.5,
    method: str = "dfquad",
    max_iter: int = 1000,
    tol: float = 1e-9,
    step: float = 0.5,
) -> StrengthResult:
    """Return the gradual strength of every argument, in [0, 1].

    Edges with ``type == "supports"`` are supports, ``"rebuts"`` (or no type) are
    attacks; other types are ignored. Two published semantics:

    - ``"dfquad"`` (Rago, Toni, Aurisicchio and Baroni 2016): the attackers' and the
      supporters' strengths are each aggregated by probabilistic sum
      ``1 - prod(1 - v)`` into ``va`` and ``vs``; then ``w - w*(va - vs)`` when
      ``va >= vs``, else ``w + (1 - w)*(vs - va)``, for base score ``w``.
    - ``"quadratic_energy"`` (Potyka 2018): energy ``E`` = sum of the supporters'
      strengths minus sum of the attackers'; then ``w - w*h(-E) + (1 - w)*h(E)`` with
      ``h(x) = max(x, 0)**2 / (1 + max(x, 0)**2)``.

    The graph is taken strongly connected component by component, in topological
    order. An argument on no cycle gets its value exactly, in one pass, from the final
    values of the arguments bearing on it. The arguments of a cycle are iterated
    together, with the upstream values fixed, until the largest residual
    ``|f(s) - s|`` is below ``tol`` or ``max_iter`` sweeps were made: DF-QuAD by Jacobi
    iteration ``s <- f(s)``; quadratic energy by explicit Euler steps
    ``s <- s + step*(f(s) - s)`` on Potyka's continuous model ``ds/dt = f(s) - s``
    (each step a convex combination, so scores stay in [0, 1]; its fixed points are
    those of the model).

    Args:
        G: a directed graph; nodes not in ``base`` start at ``default``.
        base: base scores by node, each in [0, 1]; keys that are not nodes are ignored.
        default: the base score of nodes missing from ``base``.
        method: ``"dfquad"`` or ``"quadratic_energy"``.
        max_iter: the most sweeps per cycle.
        tol: the residual under which a cycle counts as converged.
        step: the Euler step for ``"quadratic_energy"`` on cycles, in (0, 1].

    Returns:
        A :class:`StrengthResult`; ``converged`` is False when a cycle did not settle.

    Raises:
        ValueError: an unknown method, a base score outside [0, 1], or a bad
            ``max_iter``, ``tol`` or ``step``.

    Example:
        >>> G = nx.DiGraph()
        >>> G.add_edge("e", "c", type="supports"); G.add_edge("d", "c", type="rebuts")
        >>> r = strength(G, {"e": 0.8, "d": 0.3, "c": 0.5})
        >>> round(r.scores["c"], 2), r.converged
        (0.75, True)
        >>> round(strength(G, {"e": 1.0, "d": 0.0, "c": 0.5},
        ...                method="quadratic_energy").scores["c"], 2)
        0.75
    """
    if method not in _UPDATES:
        raise ValueError(
            f"unknown strength method {method!r}; choose one of {', '.join(STRENGTH_METHODS)}"
        )
    if max_iter < 1:
        raise ValueError(f"max_iter must be at least 1, got {max_iter}")
    if not tol > 0:
        raise ValueError(f"tol must be positive, got {tol}")
    if not 0 < step <= 1:
        raise ValueError(f"step must be in (0, 1], got {step}")
    if not 0.0 <= default <= 1.0:
        raise ValueError(f"default base score is {default!r}, outside [0, 1]")
    given = dict(base) if base is not None else {}
    weight: dict[Any, float] = {}
    for n in G.nodes:
        raw = given.get(n, default)
        try:
            w = float(raw)
        except (TypeError, ValueError):
            raise ValueError(f"base score of {n!r} is {raw!r}, not a number") from None
        if not 0.0 <= w <= 1.0:
            raise ValueError(f"base score of {n!r} is {raw!r}, outside [0, 1]")
        weight[n] = w
    with gc_paused():
        return _strength(G, weight, method, max_iter, tol, step)


def _strength(
    G: nx.DiGraph, weight: dict[Any, float], method: str, max_iter: int, tol: float, step: float
) -> StrengthResult:
    update = _UPDATES[method]
    att: dict[Any, list[Any]] = {n: [] for n in G.nodes}
    sup: dict[Any, list[Any]] = {n: [] for n in G.nodes}
    bearing: list[tuple[Any, Any]] = []
    for u, v, t in G.edges(data="type", default=_ATTACK):
        if t == _SUPPORT:
            sup[v].append(u)
        elif t == _ATTACK:
            att[v].append(u)
        else:
            continue
        bearing.append((u, v))

    scores = dict(weight)

    def f(n: Any) -> float:
        return update(weight[n], [scores[a] for a in att[n]], [scores[s] for s in sup[n]])

    # Arguments on no cycle and downstream of none settle in one pass, in topological
    # order; only what is left (cycles, and what they bear on) needs components.
    settled = acyclic_order(G.nodes, bearing)
    for n in settled:
        scores[n] = f(n)
    converged = True
    iterations = 1
    if len(settled) == len(scores):
        return StrengthResult({n: scores[n] for n in G.nodes}, converged, iterations, method)
    first_pass = set(settled)
    H = nx.DiGraph()
    H.add_nodes_from(n for n in G.nodes if n not in first_pass)
    H.add_edges_from((u, v) for u, v in bearing if u not in first_pass)
    position = {n: i for i, n in enumerate(G.nodes)}
    C = nx.condensation(H)
    for c in nx.topological_sort(C):
        members = C.nodes[c]["members"]
        if len(members) == 1:
            (n,) = members
            if not H.has_edge(n, n):
                scores[n] = f(n)
                continue
        ordered = sorted(members, key=position.__getitem__)
        done = False
        sweeps = 0
        while sweeps < max_iter and not done:
            sweeps += 1
            new = [f(n) for n in ordered]
            residual = max(abs(x - scores[n]) for n, x in zip(ordered, new, strict=True))
            for n, x in zip(ordered, new, strict=True):
                s = x if method == "dfquad" else scores[n] + step * (x - scores[n])
                scores[n] = min(1.0, max(0.0, s))
            done = residual < tol
        converged = converged and done
        iterations = max(iterations, sweeps)
    return StrengthResult({n: scores[n] for n in G.nodes}, converged, iterations, method)
