"""The numbered framework and its semantics: published examples, the direct semantics
against the reduction to Dung's framework, and plain frameworks unchanged."""

from __future__ import annotations

import itertools

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.model import ArgumentMap
from argmap.semantics import (
    Acceptance,
    Framework,
    Label,
    accept,
    complete_labellings,
    grounded,
    grounded_labelling,
    preferred_extensions,
)

IN, OUT, UNDEC = Label.IN, Label.OUT, Label.UNDEC


def labels(fw: Framework) -> dict[object, str]:
    return {a: str(x) for a, x in grounded(fw).by_name().items()}


# --- published examples ------------------------------------------------------------------


def test_weather_forecast_undercut_of_an_attack() -> None:
    # Modgil (2009), "Reasoning about preferences in argumentation frameworks", the
    # weather example: A ("dry: the BBC says sunshine") and B ("wet: CNN says rain")
    # attack each other; C ("the BBC is more trustworthy than CNN") attacks the attack
    # of B on A. A and C are accepted, B is not (as in AFRA, Baroni et al. 2011).
    fw = Framework(["A", "B", "C"], attacks=[(1, 2), (2, 1)], undercuts=[(3, 1)])
    assert labels(fw) == {"A": "in", "B": "out", "C": "in"}
    lab = grounded(fw)
    assert lab.relation_label(1) is OUT and lab.relation_label(0) is IN
    # Without C the two are left open, as in Dung's framework.
    assert labels(Framework(["A", "B"], attacks=[(1, 2), (2, 1)])) == {"A": "undec", "B": "undec"}


def test_undercut_that_is_itself_defeated_leaves_the_attack_in_force() -> None:
    # D attacks C, which undercuts B's attack on A: C is OUT, so the attack stands.
    fw = Framework(["A", "B", "C", "D"], attacks=[(2, 1), (4, 3)], undercuts=[(3, 0)])
    assert labels(fw) == {"A": "out", "B": "in", "C": "out", "D": "in"}


def test_dung_1995_examples_unchanged() -> None:
    # Dung (1995), Example 3 (the Nixon diamond, reduced): a and b attack each other.
    fw = Framework.from_attacks("ab", [("a", "b"), ("b", "a")])
    assert labels(fw) == {"a": "undec", "b": "undec"}
    assert accept(fw, "preferred")[1] == Acceptance(credulous=True, sceptical=False)
    # A chain reinstates: c attacks b, b attacks a.
    assert labels(Framework.from_attacks("abc", [("b", "a"), ("c", "b")])) == {
        "a": "in",
        "b": "out",
        "c": "in",
    }


def test_evidential_support_an_argument_needs_a_chain_to_evidence() -> None:
    # Oren and Norman (2008): an argument is accepted only when a chain of supports
    # reaches the evidence, and only supported arguments attack. e is evidence, a rests
    # on e, b on a; x attacks a but nothing supports x, so its attack does not count.
    fw = Framework(
        ["e", "a", "b", "x"],
        attacks=[(4, 2)],
        supports=[(1, 2), (2, 3)],
        needs_support=frozenset({2, 3, 4}),
    )
    assert labels(fw) == {"e": "in", "a": "in", "b": "in", "x": "out"}
    # Once x rests on evidence f, it defeats a, and b loses its only support.
    fw = Framework(
        ["e", "a", "b", "x", "f"],
        attacks=[(4, 2)],
        supports=[(1, 2), (2, 3), (5, 4)],
        needs_support=frozenset({2, 3, 4}),
    )
    assert labels(fw) == {"e": "in", "a": "out", "b": "out", "x": "in", "f": "in"}


def test_polberg_oren_2014_example_3_evidential_framework() -> None:
    # Polberg and Oren (2014), "Revisiting support in abstract argumentation systems",
    # Example 3, an evidential framework: b, c, d and f are prima facie (evidence); a and
    # e are not; b and c attack each other, b attacks a, c attacks d, d attacks f, f
    # attacks itself, d supports e. The paper's extensions: grounded {}, complete {},
    # {c} and {b, d, e}, preferred {c} and {b, d, e}, stable {b, d, e}.
    fw = Framework(
        list("abcdef"),
        attacks=[(2, 1), (2, 3), (3, 2), (3, 4), (4, 6), (6, 6)],
        supports=[(4, 5)],
        needs_support=frozenset({1, 5}),
    )
    assert {a for a, x in grounded(fw).by_name().items() if x is IN} == set()
    red = fw.reduce()
    G = nx.DiGraph()
    G.add_nodes_from(range(1, red.n + 1))
    G.add_edges_from(red.attacks)
    complete = {
        frozenset(fw.name(i) for i in range(1, fw.n + 1) if lab[i] is IN)
        for lab in complete_labellings(G)
    }
    assert complete == {frozenset(), frozenset("c"), frozenset("bde")}
    preferred = {frozenset(fw.name(i) for i in ext if i <= fw.n) for ext in preferred_extensions(G)}
    assert preferred == {frozenset("c"), frozenset("bde")}
    stable = accept(fw, "stable")
    assert {fw.name(i) for i in range(1, fw.n + 1) if stable[i].sceptical} == set("bde")
    assert {fw.name(i) for i in range(1, fw.n + 1) if stable[i].credulous} == set("bde")
    pref = accept(fw, "preferred")
    assert {fw.name(i) for i in range(1, fw.n + 1) if pref[i].credulous} == set("bcde")
    assert not any(pref[i].sceptical for i in range(1, fw.n + 1))


def test_a_support_that_is_undercut_carries_nothing() -> None:
    # "This does not show that": u undercuts the support from e to c.
    fw = Framework(["c", "e", "u"], [], supports=[(2, 1)], undercuts=[(3, 0)],
                   needs_support=frozenset({1}))  # fmt: skip
    assert labels(fw) == {"c": "out", "e": "in", "u": "in"}


def test_support_cycles_do_not_bootstrap_themselves() -> None:
    # Neither claim can be accepted: the grounded labelling leaves the circle open (as
    # the reduction does: an even cycle), and the verdict calls them unsupported.
    from argmap.status import verdicts

    fw = Framework(["a", "b"], [], supports=[(1, 2), (2, 1)], needs_support=frozenset({1, 2}))
    assert labels(fw) == {"a": "undec", "b": "undec"}
    assert [v.word for v in verdicts(fw)[1:]] == ["unsupported", "unsupported"]
    assert "circle" in verdicts(fw)[1].reason
    # With a quote under the circle, both hold.
    fw = Framework(["a", "b", "q"], [], supports=[(1, 2), (2, 1), (3, 1)],
                   needs_support=frozenset({1, 2}))  # fmt: skip
    assert labels(fw) == {"a": "in", "b": "in", "q": "in"}


def map_with_reliability(attacker: float, target: float) -> ArgumentMap:
    return ArgumentMap.model_validate(
        {
            "sources": [
                {"id": "s1", "title": "One", "text": "Oui.", "reliability": target},
                {"id": "s2", "title": "Two", "text": "Non.", "reliability": attacker},
            ],
            "claims": [{"id": "yes", "text": "Yes"}, {"id": "no", "text": "No"}],
            "evidence": [
                {"id": "q1", "source": "s1", "quote": "Oui."},
                {"id": "q2", "source": "s2", "quote": "Non."},
            ],
            "relations": [
                {"from": "q1", "to": "yes", "type": "supports"},
                {"from": "q2", "to": "no", "type": "supports"},
                {"from": "no", "to": "yes", "type": "rebuts"},
            ],
        }
    )


@pytest.mark.parametrize(
    ("attacker", "target", "expected"),
    [(0.3, 0.8, "in"), (0.8, 0.3, "out"), (0.5, 0.5, "out")],
)
def test_preference_by_reliability_amgoud_cayrol(
    attacker: float, target: float, expected: str
) -> None:
    # Amgoud and Cayrol (2002): an attack is a defeat unless its target is strictly
    # preferred to its attacker.
    m = map_with_reliability(attacker, target)
    assert labels(Framework.from_map(m))["yes"] == "out"
    assert labels(Framework.from_map(m, preference="reliability"))["yes"] == expected


def test_unknown_preference_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown preference 'trust'"):
        Framework.from_map(ArgumentMap(), preference="trust")


def test_from_attacks_refuses_bad_input() -> None:
    with pytest.raises(ValueError, match="listed twice"):
        Framework.from_attacks("aa", [])
    with pytest.raises(ValueError, match="an attack names 3"):
        Framework.from_attacks([1, 2], [(1, 3)])
    with pytest.raises(ValueError, match="an attack names 0"):
        Framework.from_attacks([1, 2], [(0, 1)])


# --- random frameworks: direct semantics against the reduction ---------------------------


@st.composite
def frameworks(draw: st.DrawFn, max_nodes: int = 7, max_relations: int = 10) -> Framework:
    n = draw(st.integers(1, max_nodes))
    node = st.integers(1, n)
    attacks = draw(st.lists(st.tuples(node, node), max_size=max_relations))
    supports = draw(st.lists(st.tuples(node, node), max_size=max_relations))
    r = len(attacks) + len(supports)
    undercuts = draw(st.lists(st.tuples(node, st.integers(0, r - 1)), max_size=4)) if r else []
    needs = draw(st.frozensets(node))
    return Framework([f"a{i}" for i in range(1, n + 1)], attacks, supports, undercuts, needs)


@settings(max_examples=400, deadline=None)
@given(frameworks())
def test_grounded_equals_grounded_of_the_reduction(fw: Framework) -> None:
    red = fw.reduce()
    plain = Framework(list(range(1, red.n + 1)), red.attacks)
    reduced = grounded(plain)
    direct = grounded(fw)
    assert [direct.label(i) for i in range(1, fw.n + 1)] == [
        reduced.label(i) for i in range(1, fw.n + 1)
    ]


def gamma_fixed_points(fw: Framework) -> list[tuple[Label, ...]]:
    """Every complete labelling of ``fw``, straight from the definition: assignments of
    IN/OUT/UNDEC to arguments and relations that the characteristic operator of the
    framework's bipolar ADF maps to themselves (brute force)."""
    relations = [*fw.attacks, *fw.supports]
    a = len(fw.attacks)
    cutters: dict[int, list[int]] = {}
    for c, k in fw.undercuts:
        cutters.setdefault(k, []).append(c)
    out = []
    for values in itertools.product((IN, OUT, UNDEC), repeat=fw.n + len(relations)):
        node = (None, *values[: fw.n])
        rel = values[fw.n :]
        ok = True
        for k, (s, _) in enumerate(relations):
            cuts = [node[c] for c in cutters.get(k, ())]
            want = (
                IN
                if node[s] is IN and all(x is OUT for x in cuts)
                else OUT
                if node[s] is OUT or IN in cuts
                else UNDEC
            )
            if rel[k] is not want:
                ok = False
                break
        if not ok:
            continue
        for x in range(1, fw.n + 1):
            atts = [rel[k] for k, (_, d) in enumerate(relations[:a]) if d == x]
            sups = [rel[a + k] for k, (_, d) in enumerate(fw.supports) if d == x]
            needs = x in fw.needs_support
            if IN in atts or (needs and all(v is OUT for v in sups)):
                want = OUT
            elif all(v is OUT for v in atts) and (not needs or IN in sups):
                want = IN
            else:
                want = UNDEC
            if node[x] is not want:
                ok = False
                break
        if ok:
            out.append(tuple(values[: fw.n]))
    return out


@settings(max_examples=150, deadline=None)
@given(frameworks(max_nodes=4, max_relations=3))
def test_complete_and_preferred_equal_those_of_the_reduction(fw: Framework) -> None:
    direct = set(gamma_fixed_points(fw))
    red = fw.reduce()
    G = nx.DiGraph()
    G.add_nodes_from(range(1, red.n + 1))
    G.add_edges_from(red.attacks)
    reduced = {tuple(lab[i] for i in range(1, fw.n + 1)) for lab in complete_labellings(G)}
    assert direct == reduced

    # Preferred: the complete labellings that are most decided (Caminada 2006; for
    # abstract dialectical frameworks, the information-maximal ones).
    def below(v: tuple[Label, ...], w: tuple[Label, ...]) -> bool:
        return v != w and all(x is UNDEC or x is y for x, y in zip(v, w, strict=True))

    maximal = {v for v in direct if not any(below(v, w) for w in direct)}
    via = set()
    for ext in preferred_extensions(G):
        attacked = {v for u, v in red.attacks if u in ext}
        via.add(
            tuple(IN if i in ext else OUT if i in attacked else UNDEC for i in range(1, fw.n + 1))
        )
    assert via == maximal
    ins = [{i for i, x in enumerate(v, 1) if x is IN} for v in maximal]
    got = accept(fw, "preferred")
    assert {i for i in range(1, fw.n + 1) if got[i].sceptical} == set.intersection(*ins)
    assert {i for i in range(1, fw.n + 1) if got[i].credulous} == set.union(*ins)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 12).flatmap(
        lambda n: st.tuples(
            st.just(n), st.lists(st.tuples(st.integers(1, n), st.integers(1, n)), max_size=30)
        )
    )
)
def test_plain_frameworks_give_dungs_answers(case: tuple[int, list[tuple[int, int]]]) -> None:
    n, attacks = case
    fw = Framework.from_attacks(list(range(1, n + 1)), attacks)
    assert fw.is_plain and fw.reduce().attacks == attacks
    G = nx.DiGraph()
    G.add_nodes_from(range(1, n + 1))
    G.add_edges_from(attacks)
    assert grounded(fw).by_name() == grounded_labelling(G)


def test_from_graph_reads_what_to_graph_gives() -> None:
    from argmap.graph import to_graph

    m = ArgumentMap.model_validate(
        {
            "sources": [{"id": "s", "title": "S", "text": "x y"}],
            "claims": [{"id": "c", "text": "C"}, {"id": "d", "text": "D"}],
            "evidence": [
                {"id": "e", "source": "s", "quote": "x"},
                {"id": "f", "source": "s", "quote": "y"},
            ],
            "relations": [
                {"id": "r", "from": "e", "to": "c", "type": "supports"},
                {"from": "d", "to": "c", "type": "rebuts"},
                {"from": "f", "to": "r", "type": "undercuts"},
                {"from": "f", "to": "d", "type": "insults"},
            ],
        }
    )
    a, b = Framework.from_map(m), Framework.from_graph(to_graph(m))
    assert (a.names, a.needs_support) == (b.names, b.needs_support)
    assert (sorted(a.attacks), sorted(a.supports)) == (sorted(b.attacks), sorted(b.supports))
    assert labels(a) == labels(b) == {"c": "out", "d": "out", "e": "in", "f": "in"}
