"""Dung semantics: pinned classic frameworks and properties over random frameworks."""

from __future__ import annotations

from itertools import chain, combinations
from typing import Any

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.semantics import (
    Label,
    acceptance,
    attacks,
    complete_extensions,
    complete_labellings,
    grounded_extension,
    grounded_labelling,
    is_admissible,
    is_complete,
    is_conflict_free,
    is_preferred,
    is_stable,
    preferred_extensions,
    stable_extensions,
    strength,
)


def fw(edges: list[tuple[str, str]], nodes: str = "") -> nx.DiGraph:
    G = nx.DiGraph()
    G.add_nodes_from(nodes)
    G.add_edges_from(edges)
    return G


def S(*sets: str) -> list[frozenset[str]]:
    return [frozenset(s) for s in sets]


CLASSICS: dict[str, tuple[nx.DiGraph, str, list[frozenset[str]], list[frozenset[str]]]] = {
    # name: (framework, grounded, preferred, stable)
    "chain": (fw([("a", "b"), ("b", "c")]), "ac", S("ac"), S("ac")),
    "reinstatement": (fw([("a", "b"), ("b", "c"), ("d", "c")], "abcd"), "ad", S("ad"), S("ad")),
    "even-cycle": (fw([("a", "b"), ("b", "a")]), "", S("a", "b"), S("a", "b")),
    "odd-cycle": (fw([("a", "b"), ("b", "c"), ("c", "a")]), "", S(""), []),
    "self-attacker": (fw([("a", "a"), ("a", "b")]), "", S(""), []),
    "empty": (fw([]), "", S(""), S("")),
    "disconnected": (
        fw([("a", "b"), ("c", "d"), ("d", "c")], "abcde"),
        "ae",
        S("ace", "ade"),
        S("ace", "ade"),
    ),
}


@pytest.mark.parametrize("name", sorted(CLASSICS))
def test_classic_frameworks(name: str) -> None:
    G, grounded, preferred, stable = CLASSICS[name]
    assert grounded_extension(G) == frozenset(grounded)
    assert sorted(preferred_extensions(G), key=sorted) == sorted(preferred, key=sorted)
    assert sorted(stable_extensions(G), key=sorted) == sorted(stable, key=sorted)
    assert complete_extensions(G)[0] == frozenset(grounded)


def test_attacks_keeps_only_rebuts() -> None:
    G = nx.DiGraph()
    G.add_edge("e", "c", type="supports")
    G.add_edge("d", "c", type="rebuts")
    G.add_edge("x", "c")
    assert sorted(attacks(G).edges) == [("d", "c"), ("x", "c")]
    assert grounded_labelling(G)["c"] is Label.OUT


frameworks = st.integers(0, 7).flatmap(
    lambda n: st.lists(
        st.tuples(st.integers(0, max(n - 1, 0)), st.integers(0, max(n - 1, 0))),
        max_size=n * 2,
    ).map(
        lambda edges, n=n: fw(
            [(str(a), str(b)) for a, b in edges] if n else [], "".join(str(i) for i in range(n))
        )
    )
)


def subsets(nodes: list[Any]) -> list[frozenset[Any]]:
    return [
        frozenset(c)
        for c in chain.from_iterable(combinations(nodes, k) for k in range(len(nodes) + 1))
    ]


@settings(max_examples=200, deadline=None)
@given(frameworks)
def test_search_agrees_with_brute_force(G: nx.DiGraph) -> None:
    every = subsets(list(G.nodes))
    complete = {s for s in every if is_complete(G, s)}
    stable = {s for s in every if is_stable(G, s)}
    preferred = {s for s in complete if not any(s < t for t in complete)}
    assert set(complete_extensions(G)) == complete
    assert set(preferred_extensions(G)) == preferred
    assert set(stable_extensions(G)) == stable


@settings(max_examples=200, deadline=None)
@given(frameworks)
def test_extension_properties(G: nx.DiGraph) -> None:
    grounded = grounded_extension(G)
    complete = complete_extensions(G)
    assert grounded in complete and all(grounded <= c for c in complete)
    for ext in complete:
        assert is_conflict_free(G, ext) and is_admissible(G, ext)
    preferred = preferred_extensions(G)
    assert preferred and all(is_preferred(G, p) for p in preferred)
    for s in stable_extensions(G):
        assert s in preferred


@settings(max_examples=200, deadline=None)
@given(frameworks)
def test_labellings_obey_the_rules(G: nx.DiGraph) -> None:
    for lab in [grounded_labelling(G), *complete_labellings(G)]:
        for node in G.nodes:
            attackers = [lab[a] for a in G.predecessors(node)]
            if lab[node] is Label.IN:
                assert all(a is Label.OUT for a in attackers)
            elif lab[node] is Label.OUT:
                assert any(a is Label.IN for a in attackers)
            else:
                assert not all(a is Label.OUT for a in attackers)
                assert not any(a is Label.IN for a in attackers)


def test_acceptance_without_stable_extension_accepts_nothing() -> None:
    G = fw([("a", "b"), ("b", "c"), ("c", "a")])
    assert not any(a.credulous or a.sceptical for a in acceptance(G, "stable").values())
    acc = acceptance(fw([("a", "b"), ("b", "a"), ("b", "c")]), "preferred")
    assert (acc["a"].credulous, acc["a"].sceptical) == (True, False)
    assert (acc["c"].credulous, acc["c"].sceptical) == (True, False)
    with pytest.raises(ValueError):
        acceptance(G, "naive")


def test_grounded_is_linear_on_a_long_chain() -> None:
    n = 200_000
    G = nx.DiGraph((i, i + 1) for i in range(n))
    lab = grounded_labelling(G)
    assert (
        lab[0] is Label.IN
        and lab[1] is Label.OUT
        and lab[n] is (Label.IN if n % 2 == 0 else Label.OUT)
    )


def _typed(edges: list[tuple[str, str, str]]) -> nx.DiGraph:
    G = nx.DiGraph()
    for u, v, t in edges:
        G.add_edge(u, v, type=t)
    return G


def test_dfquad_by_hand() -> None:
    G = _typed([("e1", "c", "supports"), ("e2", "c", "supports"), ("d", "c", "rebuts")])
    r = strength(G, {"e1": 0.8, "e2": 0.5, "d": 0.6, "c": 0.5})
    # supporters: 1 - 0.2 * 0.5 = 0.9; attacker 0.6; 0.5 + 0.5 * (0.9 - 0.6) = 0.65
    assert r.converged and r.scores["c"] == pytest.approx(0.65)
    assert r.scores["e1"] == 0.8  # nothing bears on it: its base score
    r = strength(_typed([("d", "c", "rebuts")]), {"d": 1.0, "c": 0.4})
    assert r.scores["c"] == pytest.approx(0.0)


def test_dfquad_cycle_converges() -> None:
    G = _typed([("a", "b", "rebuts"), ("b", "a", "rebuts")])
    r = strength(G, {"a": 0.9, "b": 0.2})
    assert r.converged and r.iterations > 1
    assert r.scores["a"] > r.scores["b"]


def test_strength_rejects_bad_base() -> None:
    with pytest.raises(ValueError, match="outside"):
        strength(fw([("a", "b")]), {"a": 1.5})


@settings(max_examples=100, deadline=None)
@given(frameworks, st.randoms(use_true_random=False))
def test_strength_stays_in_unit_interval(G: nx.DiGraph, rnd: Any) -> None:
    for u, v in G.edges:
        G.edges[u, v]["type"] = rnd.choice(["supports", "rebuts"])
    base = {n: rnd.random() for n in G.nodes}
    r = strength(G, base, max_iter=200)
    assert all(0.0 <= s <= 1.0 for s in r.scores.values())
