"""Dung semantics and gradual strength: pinned classic frameworks, properties over random
frameworks (cross-checked against brute force), and hand-computed strengths."""

from __future__ import annotations

import math
import random
from itertools import chain, combinations
from typing import Any

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.semantics import (
    SEMANTICS,
    Acceptance,
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
    stable_labellings,
    strength,
)

# --- helpers ----------------------------------------------------------------------------


def fw(edges: str, nodes: str = "") -> nx.DiGraph:
    """A framework from 'ab bc' (a attacks b, b attacks c) plus isolated ``nodes``."""
    G = nx.DiGraph()
    G.add_nodes_from(nodes)
    G.add_edges_from((e[0], e[1]) for e in edges.split())
    return G


def exts(*sets: str) -> list[frozenset[str]]:
    return [frozenset(s) for s in sets]


def key(s: frozenset[Any]) -> tuple[int, list[str]]:
    return len(s), sorted(map(repr, s))


def subsets(nodes: list[Any]) -> list[frozenset[Any]]:
    return [
        frozenset(c)
        for c in chain.from_iterable(combinations(nodes, k) for k in range(len(nodes) + 1))
    ]


def brute_force(G: nx.DiGraph) -> tuple[set[frozenset[Any]], ...]:
    """Complete, preferred and stable extensions by trying every subset."""
    every = subsets(list(G.nodes))
    complete = {s for s in every if is_complete(G, s)}
    stable = {s for s in every if is_stable(G, s)}
    preferred = {s for s in complete if not any(s < t for t in complete)}
    return complete, preferred, stable


def characteristic_fixpoint(G: nx.DiGraph) -> frozenset[Any]:
    """The grounded extension as the least fixed point of F(S) = {x : S defends x}."""
    s: frozenset[Any] = frozenset()
    while True:
        attacked = {v for u in s for v in G.successors(u)}
        nxt = frozenset(x for x in G if all(a in attacked for a in G.predecessors(x)))
        if nxt == s:
            return s
        s = nxt


# --- classic frameworks -----------------------------------------------------------------

# name: (framework, grounded, complete, preferred, stable), each list in the library's order.
CLASSICS: dict[str, tuple[nx.DiGraph, str, list[Any], list[Any], list[Any]]] = {
    "chain": (fw("ab bc cd"), "ac", exts("ac"), exts("ac"), exts("ac")),
    "reinstatement": (fw("ab bc"), "ac", exts("ac"), exts("ac"), exts("ac")),
    "isolated": (fw("", "a"), "a", exts("a"), exts("a"), exts("a")),
    "even-cycle": (fw("ab ba"), "", exts("", "a", "b"), exts("a", "b"), exts("a", "b")),
    "odd-cycle": (fw("ab bc ca"), "", exts(""), exts(""), []),
    "self-attacker": (fw("aa"), "", exts(""), exts(""), []),
    "self-attacker-attacks": (fw("aa ab"), "", exts(""), exts(""), []),
    "self-attacker-defeated": (fw("aa ba"), "b", exts("b"), exts("b"), exts("b")),
    "empty": (fw(""), "", exts(""), exts(""), exts("")),
    "even-cycle-attacks": (
        fw("ab ba bc"),
        "",
        exts("", "b", "ac"),
        exts("b", "ac"),
        exts("b", "ac"),
    ),
    "four-cycle": (fw("ab bc cd da"), "", exts("", "ac", "bd"), exts("ac", "bd"), exts("ac", "bd")),
    "floating-reinstatement": (
        fw("ab ba ac bc cd"),
        "",
        exts("", "ad", "bd"),
        exts("ad", "bd"),
        exts("ad", "bd"),
    ),
    "disconnected": (
        fw("ab cd dc", "abcde"),
        "ae",
        exts("ae", "ace", "ade"),
        exts("ace", "ade"),
        exts("ace", "ade"),
    ),
    "disconnected-with-odd-cycle": (
        fw("ab cd dc xy yz zx", "abcdexyz"),
        "ae",
        exts("ae", "ace", "ade"),
        exts("ace", "ade"),
        [],
    ),
}


@pytest.mark.parametrize("name", list(CLASSICS))
def test_classic_frameworks(name: str) -> None:
    G, grounded, complete, preferred, stable = CLASSICS[name]
    assert grounded_extension(G) == frozenset(grounded)
    assert complete_extensions(G) == sorted(complete, key=key)
    assert preferred_extensions(G) == sorted(preferred, key=key)
    assert stable_extensions(G) == sorted(stable, key=key)
    assert complete_extensions(G)[0] == frozenset(grounded)  # the least complete first
    for p in preferred:
        assert is_preferred(G, p)


def test_no_stable_extension_differs_from_the_empty_one() -> None:
    assert stable_extensions(fw("ab bc ca")) == []
    assert stable_extensions(fw("")) == [frozenset()]
    assert stable_labellings(fw("ab bc ca")) == []
    assert stable_labellings(fw("")) == [{}]


def test_grounded_labelling_of_a_small_map() -> None:
    G = fw("ab bc dd de fg gf", "abcdefgh")
    lab = grounded_labelling(G)
    assert list(lab) == list(G.nodes)  # the graph's order
    assert {n: str(x) for n, x in lab.items()} == {
        "a": "in",
        "b": "out",
        "c": "in",
        "d": "undec",  # a self-attacker
        "e": "undec",
        "f": "undec",
        "g": "undec",
        "h": "in",
    }


def test_label_is_a_string_enum() -> None:
    assert isinstance(Label.IN, str) and Label.IN == "in" and str(Label.UNDEC) == "undec"
    assert [x.value for x in Label] == ["in", "out", "undec"]


# --- the attack relation ----------------------------------------------------------------


def typed(*edges: tuple[str, str, str | None]) -> nx.DiGraph:
    G = nx.DiGraph()
    for u, v, t in edges:
        if t is None:
            G.add_edge(u, v)
        else:
            G.add_edge(u, v, type=t)
    return G


def test_attacks_keeps_rebuts_and_untyped_edges_only() -> None:
    G = typed(("e", "c", "supports"), ("d", "c", "rebuts"), ("x", "d", None), ("q", "c", "other"))
    G.nodes["c"]["kind"] = "claim"
    A = attacks(G)
    assert A is not G and set(A.nodes) == set(G.nodes)
    assert sorted(A.edges) == [("d", "c"), ("x", "d")]
    assert A.nodes["c"]["kind"] == "claim" and A.edges["d", "c"]["type"] == "rebuts"
    # supports do not defend: d is defeated by x, so c stands
    lab = grounded_labelling(G)
    assert (lab["x"], lab["d"], lab["c"], lab["e"]) == (Label.IN, Label.OUT, Label.IN, Label.IN)


def test_a_supports_only_cycle_is_no_conflict() -> None:
    G = typed(("a", "b", "supports"), ("b", "a", "supports"))
    assert grounded_extension(G) == {"a", "b"}
    assert stable_extensions(G) == [frozenset("ab")]


def test_multigraph_and_undirected() -> None:
    M = nx.MultiDiGraph()
    M.add_edge("a", "b", type="supports")
    M.add_edge("a", "b", type="rebuts")
    M.add_edge("b", "c", type="supports")
    assert sorted(attacks(M).edges) == [("a", "b")]
    assert grounded_extension(M) == {"a", "c"}
    with pytest.raises(nx.NetworkXNotImplemented):
        grounded_labelling(nx.Graph([("a", "b")]))
    with pytest.raises(nx.NetworkXNotImplemented):
        attacks(nx.Graph([("a", "b")]))


def test_graph_views_work() -> None:
    G = fw("ab bc cd")
    assert grounded_extension(G.reverse(copy=False)) == {"d", "b"}
    assert grounded_extension(nx.subgraph_view(G, filter_node=lambda n: n != "a")) == {"b", "d"}


def test_functions_do_not_change_the_graph() -> None:
    G = typed(("a", "b", "rebuts"), ("c", "b", "supports"))
    before = (list(G.nodes(data=True)), list(G.edges(data=True)))
    for semantics in SEMANTICS:
        acceptance(G, semantics)
    complete_extensions(G)
    strength(G)
    assert (list(G.nodes(data=True)), list(G.edges(data=True))) == before


# --- predicates -------------------------------------------------------------------------


def test_predicates_on_reinstatement() -> None:
    G = fw("ab bc")
    assert is_conflict_free(G, "ac") and not is_conflict_free(G, "ab")
    assert is_admissible(G, "a") and is_admissible(G, "ac") and not is_admissible(G, "c")
    assert not is_complete(G, "a") and is_complete(G, "ac")
    assert is_stable(G, "ac") and not is_stable(G, "a")
    assert is_preferred(G, "ac") and not is_preferred(G, "a")
    assert is_preferred(G, iter("ac"))  # any iterable, read once
    assert not is_conflict_free(fw("aa"), "a")


def test_predicates_reject_unknown_arguments() -> None:
    with pytest.raises(nx.NodeNotFound):
        is_admissible(fw("ab"), {"z"})


# --- acceptance -------------------------------------------------------------------------


def test_acceptance_floating_reinstatement() -> None:
    G = fw("ab ba ac bc cd")
    pref = acceptance(G, "preferred")
    assert pref["d"] == Acceptance(credulous=True, sceptical=True)  # in every preferred
    assert pref["a"] == Acceptance(credulous=True, sceptical=False)
    assert pref["c"] == Acceptance(credulous=False, sceptical=False)
    assert acceptance(G, "grounded")["d"] == Acceptance(False, False)
    assert acceptance(G, "complete")["d"] == Acceptance(credulous=True, sceptical=False)
    assert acceptance(G, "stable")["d"] == Acceptance(True, True)


def test_acceptance_without_stable_extension_accepts_nothing() -> None:
    G = fw("ab bc ca", "abcz")  # z is unattacked, yet there is no stable extension
    acc = acceptance(G, "stable")
    assert list(acc) == list(G.nodes)
    assert not any(a.credulous or a.sceptical for a in acc.values())
    assert acceptance(G, "preferred")["z"] == Acceptance(True, True)
    with pytest.raises(ValueError, match="unknown semantics 'naive'"):
        acceptance(G, "naive")


def test_parts_combine_without_listing_the_product() -> None:
    k = 40  # 2**40 preferred extensions: acceptance must not list them
    G = nx.DiGraph()
    for i in range(k):
        G.add_edges_from([(f"a{i}", f"b{i}"), (f"b{i}", f"a{i}")])
    G.add_edge("z", "a0")
    acc = acceptance(G, "preferred")
    assert acc["z"] == Acceptance(True, True) and acc["b0"] == Acceptance(True, True)
    assert acc["a1"] == Acceptance(True, False) and acc["a0"] == Acceptance(False, False)
    small = nx.DiGraph([(f"{x}{i}", f"{y}{i}") for i in range(5) for x, y in ("ab", "ba")])
    assert len(complete_extensions(small)) == 3**5
    assert len(preferred_extensions(small)) == len(stable_extensions(small)) == 2**5


def test_long_cycles_are_searched_not_enumerated() -> None:
    even = nx.cycle_graph(200, create_using=nx.DiGraph)
    assert [len(e) for e in preferred_extensions(even)] == [100, 100]
    assert len(stable_extensions(even)) == 2
    odd = nx.cycle_graph(201, create_using=nx.DiGraph)
    assert preferred_extensions(odd) == [frozenset()] and stable_extensions(odd) == []


def test_grounded_is_linear_on_a_long_chain() -> None:
    n = 100_000
    G = nx.DiGraph((i, i + 1) for i in range(n))
    lab = grounded_labelling(G)
    assert lab[0] is Label.IN and lab[1] is Label.OUT and lab[n] is Label.IN
    assert len(grounded_extension(G)) == n // 2 + 1


# --- properties over random frameworks --------------------------------------------------


@st.composite
def frameworks(draw: st.DrawFn, max_nodes: int = 8) -> nx.DiGraph:
    """Random attack graphs, self-attacks included, with node names of mixed kinds."""
    n = draw(st.integers(0, max_nodes))
    G = nx.DiGraph()
    G.add_nodes_from(range(n))
    if n:
        pair = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))
        G.add_edges_from(draw(st.lists(pair, max_size=3 * n)))
    return G


@settings(max_examples=150, deadline=None)
@given(frameworks())
def test_search_agrees_with_brute_force(G: nx.DiGraph) -> None:
    complete, preferred, stable = brute_force(G)
    assert set(complete_extensions(G)) == complete
    assert set(preferred_extensions(G)) == preferred
    assert set(stable_extensions(G)) == stable
    for result in (complete_extensions(G), preferred_extensions(G), stable_extensions(G)):
        assert result == sorted(result, key=key) and len(set(result)) == len(result)
    for s in complete:
        assert is_preferred(G, s) == (s in preferred)


@settings(max_examples=150, deadline=None)
@given(frameworks())
def test_extension_properties(G: nx.DiGraph) -> None:
    grounded = grounded_extension(G)
    complete = complete_extensions(G)
    preferred = preferred_extensions(G)
    stable = stable_extensions(G)
    assert grounded == complete[0] and all(grounded <= c for c in complete)
    for ext in complete + preferred + stable:
        assert is_conflict_free(G, ext) and is_admissible(G, ext) and is_complete(G, ext)
    assert preferred == [c for c in complete if not any(c < d for d in complete)]
    assert all(s in preferred for s in stable)
    assert all(is_stable(G, s) for s in stable)
    assert preferred  # there is always a preferred extension


@settings(max_examples=100, deadline=None)
@given(frameworks(max_nodes=40))
def test_grounded_is_the_least_fixed_point(G: nx.DiGraph) -> None:
    assert grounded_extension(G) == characteristic_fixpoint(G)


@settings(max_examples=150, deadline=None)
@given(frameworks())
def test_labellings_obey_the_rules(G: nx.DiGraph) -> None:
    complete = complete_labellings(G)
    assert [frozenset(n for n, x in lab.items() if x is Label.IN) for lab in complete] == (
        complete_extensions(G)
    )
    assert complete[0] == grounded_labelling(G)
    stable = stable_labellings(G)
    assert all(Label.UNDEC not in lab.values() for lab in stable)
    for lab in [grounded_labelling(G), *complete, *stable]:
        assert list(lab) == list(G.nodes)
        for node in G.nodes:
            attackers = [lab[a] for a in G.predecessors(node)]
            if all(a is Label.OUT for a in attackers):
                assert lab[node] is Label.IN
            elif any(a is Label.IN for a in attackers):
                assert lab[node] is Label.OUT
            else:
                assert lab[node] is Label.UNDEC


@settings(max_examples=100, deadline=None)
@given(frameworks(), st.sampled_from(SEMANTICS))
def test_acceptance_matches_the_extensions(G: nx.DiGraph, semantics: str) -> None:
    listed = {
        "grounded": lambda: [grounded_extension(G)],
        "complete": lambda: complete_extensions(G),
        "preferred": lambda: preferred_extensions(G),
        "stable": lambda: stable_extensions(G),
    }[semantics]()
    acc = acceptance(G, semantics)
    for n in G.nodes:
        inside = [n in e for e in listed]
        assert acc[n].credulous == any(inside)
        assert acc[n].sceptical == (bool(inside) and all(inside))


def test_search_scales_past_brute_force() -> None:
    rng = random.Random(7)
    for _ in range(5):
        n = 60
        G = nx.DiGraph()
        G.add_nodes_from(range(n))
        G.add_edges_from((rng.randrange(n), rng.randrange(n)) for _ in range(int(1.5 * n)))
        for p in preferred_extensions(G):
            assert is_preferred(G, p)
        for s in stable_extensions(G):
            assert is_stable(G, s)


# --- gradual strength -------------------------------------------------------------------


def test_dfquad_by_hand() -> None:
    G = typed(("e1", "c", "supports"), ("e2", "c", "supports"), ("d", "c", "rebuts"))
    r = strength(G, {"e1": 0.8, "e2": 0.5, "d": 0.6, "c": 0.5})
    # supporters: 1 - 0.2 * 0.5 = 0.9; attacker 0.6; 0.5 + 0.5 * (0.9 - 0.6) = 0.65
    assert r.scores["c"] == pytest.approx(0.65)
    assert (r.converged, r.iterations, r.method) == (True, 1, "dfquad")
    assert r.scores["e1"] == 0.8  # nothing bears on it: its base score
    chain_ = typed(("a", "b", "rebuts"), ("b", "c", "rebuts"))
    r = strength(chain_, {"a": 0.8})
    # b = 0.5 - 0.5 * 0.8 = 0.1; c = 0.5 - 0.5 * 0.1 = 0.45
    assert r.scores == pytest.approx({"a": 0.8, "b": 0.1, "c": 0.45})
    assert strength(typed(("d", "c", "rebuts")), {"d": 1.0, "c": 0.4}).scores["c"] == 0.0
    balanced = typed(("d", "c", "rebuts"), ("e", "c", "supports"))
    assert strength(balanced, {"c": 0.3}).scores["c"] == pytest.approx(0.3)  # va == vs


def test_quadratic_energy_by_hand() -> None:
    attacked = typed(("d", "c", "rebuts"))
    # energy -1, h(1) = 1/2: 0.6 - 0.6 * 1/2
    assert strength(attacked, {"d": 1.0, "c": 0.6}, method="quadratic_energy").scores[
        "c"
    ] == pytest.approx(0.3)
    supported = typed(("e1", "c", "supports"), ("e2", "c", "supports"))
    r = strength(supported, {"e1": 1.0, "e2": 1.0, "c": 0.5}, method="quadratic_energy")
    # energy 2, h(2) = 4/5: 0.5 + 0.5 * 4/5
    assert r.scores["c"] == pytest.approx(0.9) and r.converged and r.method == "quadratic_energy"
    mixed = typed(("e", "c", "supports"), ("d", "c", "rebuts"))
    r = strength(mixed, {"e": 0.7, "d": 0.7, "c": 0.4}, method="quadratic_energy")
    assert r.scores["c"] == pytest.approx(0.4)  # energy 0


def test_no_attackers_or_supporters_keeps_the_base_score() -> None:
    G = fw("", "abc")
    for method in ("dfquad", "quadratic_energy"):
        r = strength(G, {"a": 0.1, "b": 0.9}, default=0.25, method=method)
        assert r.scores == {"a": 0.1, "b": 0.9, "c": 0.25}


def test_dfquad_cycle_converges_to_the_fixed_point() -> None:
    G = typed(("a", "b", "rebuts"), ("b", "a", "rebuts"))
    r = strength(G, {"a": 0.9, "b": 0.2})
    # a = 0.9 (1 - b), b = 0.2 (1 - a): a = 0.72 / 0.82
    assert r.converged and r.iterations > 1
    assert r.scores["a"] == pytest.approx(0.72 / 0.82) and r.scores["b"] == pytest.approx(
        0.2 * (1 - 0.72 / 0.82)
    )


def test_dfquad_oscillation_reports_no_convergence() -> None:
    G = typed(("a", "b", "rebuts"), ("b", "a", "rebuts"))
    r = strength(G, {"a": 1.0, "b": 1.0}, max_iter=50)
    assert not r.converged and r.iterations == 50
    assert all(0.0 <= s <= 1.0 for s in r.scores.values())


def test_quadratic_energy_cycle_settles() -> None:
    G = typed(("a", "b", "rebuts"), ("b", "a", "rebuts"))
    r = strength(G, {"a": 1.0, "b": 1.0}, method="quadratic_energy")
    assert r.converged and r.iterations > 1
    s = r.scores["a"]
    assert s == pytest.approx(r.scores["b"]) and s == pytest.approx(1 - s * s / (1 + s * s))


def test_upstream_of_a_cycle_is_exact_and_downstream_uses_the_cycle() -> None:
    G = typed(
        ("x", "a", "rebuts"), ("a", "b", "rebuts"), ("b", "a", "rebuts"), ("b", "z", "rebuts")
    )
    r = strength(G, {"x": 1.0, "a": 0.5, "b": 0.5, "z": 0.5})
    # x = 1 kills a: a = 0.5 * (1 - P(x, b)) = 0, so b = 0.5, z = 0.5 - 0.5 * 0.5
    assert r.converged
    assert r.scores == pytest.approx({"x": 1.0, "a": 0.0, "b": 0.5, "z": 0.25})


def test_other_edge_types_and_self_support() -> None:
    G = typed(("q", "c", "qualifies"))
    assert strength(G, {"q": 1.0, "c": 0.5}).scores["c"] == 0.5
    loop = typed(("a", "a", "supports"))
    r = strength(loop, {"a": 0.5})
    assert r.converged and r.scores["a"] == pytest.approx(1.0, abs=1e-6)


@pytest.mark.parametrize("bad", [1.5, -0.1, math.nan, "high", None])
def test_strength_rejects_bad_base(bad: Any) -> None:
    with pytest.raises(ValueError, match="base score of 'a'"):
        strength(fw("ab"), {"a": bad})


def test_strength_rejects_bad_options() -> None:
    G = fw("ab")
    with pytest.raises(ValueError, match="unknown strength method"):
        strength(G, method="h-categoriser")
    with pytest.raises(ValueError, match="default"):
        strength(G, default=2.0)
    with pytest.raises(ValueError, match="step"):
        strength(G, step=0.0)
    with pytest.raises(ValueError, match="max_iter"):
        strength(G, max_iter=0)
    with pytest.raises(ValueError, match="tol"):
        strength(G, tol=0.0)


@settings(max_examples=100, deadline=None)
@given(
    frameworks(),
    st.sampled_from(["dfquad", "quadratic_energy"]),
    st.randoms(use_true_random=False),
)
def test_strength_stays_in_unit_interval(G: nx.DiGraph, method: str, rnd: random.Random) -> None:
    for u, v in G.edges:
        G.edges[u, v]["type"] = rnd.choice(["supports", "rebuts"])
    base = {n: rnd.choice([0.0, 1.0, rnd.random()]) for n in G.nodes}
    r = strength(G, base, method=method, max_iter=200)
    assert set(r.scores) == set(G.nodes)
    assert all(0.0 <= s <= 1.0 for s in r.scores.values())
    if nx.is_directed_acyclic_graph(G):
        assert r.converged and r.iterations == 1


def _dfquad(w: float, attackers: list[float], supporters: list[float]) -> float:
    va = 1 - math.prod(1 - v for v in attackers)
    vs = 1 - math.prod(1 - v for v in supporters)
    return w - w * (va - vs) if va >= vs else w + (1 - w) * (vs - va)


def _quadratic_energy(w: float, attackers: list[float], supporters: list[float]) -> float:
    def h(x: float) -> float:
        x = max(x, 0.0)
        return x * x / (1 + x * x)

    energy = sum(supporters) - sum(attackers)
    return w - w * h(-energy) + (1 - w) * h(energy)


@settings(max_examples=150, deadline=None)
@given(
    frameworks(),
    st.sampled_from(["dfquad", "quadratic_energy"]),
    st.randoms(use_true_random=False),
)
def test_strength_is_a_fixed_point_of_the_published_update(
    G: nx.DiGraph, method: str, rnd: random.Random
) -> None:
    # Each argument's strength is its semantics' update of its base score by the final
    # strengths of its attackers and supporters: exactly off cycles, within the
    # tolerance on cycles that converged.
    for u, v in G.edges:
        G.edges[u, v]["type"] = rnd.choice(["supports", "rebuts", "rebuts"])
    base = {n: rnd.random() for n in G.nodes}
    r = strength(G, base, method=method, max_iter=2000, tol=1e-12)
    update = _dfquad if method == "dfquad" else _quadratic_energy
    on_cycle = {n for c in nx.strongly_connected_components(G) if len(c) > 1 for n in c}
    on_cycle |= {n for n in G if G.has_edge(n, n)}
    for n in G:
        attackers = [r.scores[u] for u in G.predecessors(n) if G.edges[u, n]["type"] == "rebuts"]
        supporters = [r.scores[u] for u in G.predecessors(n) if G.edges[u, n]["type"] == "supports"]
        expected = update(base[n], attackers, supporters)
        if n not in on_cycle:
            assert r.scores[n] == pytest.approx(expected, abs=1e-12)
        elif r.converged:
            assert r.scores[n] == pytest.approx(min(1.0, max(0.0, expected)), abs=1e-6)
