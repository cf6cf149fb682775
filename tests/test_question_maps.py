"""What a question's map shows: its claims, what bears on them, their quotes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.model import ArgumentMap
from argmap.questions import all_question_nodes, question_nodes
from conftest import ROOT

DISPUTE = ROOT / "tests" / "data" / "v2" / "dispute.json"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # an undercut of a supporting relation, and the rebuttal of that undercut, come in
        (
            "q-unsafe",
            "bridge-unsafe cables-corroded knew-corrosion bridge-safe report-not-independent "
            "report-confirmed cheap-cables ev-dangerous ev-weber ev-safe ev-not-independent "
            "ev-confirmed ev-cheap-cables",
        ),
        # a counter-accusation bears on a claim of the question
        (
            "q-pay",
            "cheap-cables batiroc-pays town-pays mayor-cover-up ev-cheap-cables "
            "ev-batiroc-pays ev-town-pays ev-cover-up",
        ),
        (
            "q-lenoir",
            "lenoir-pushed-out lenoir-resigned ev-lenoir ev-lenoir-resigned ev-lenoir-left",
        ),
    ],
)
def test_question_nodes_of_the_dispute(question: str, expected: str) -> None:
    assert question_nodes(argmap.load(DISPUTE), question) == expected.split()


def test_all_at_once_agrees_with_one_by_one() -> None:
    m = argmap.load(DISPUTE)
    assert all_question_nodes(m) == {q.id: question_nodes(m, q.id) for q in m.questions}


def test_what_a_claim_bears_on_stays_out() -> None:
    m = ArgumentMap.model_validate(
        {
            "questions": [{"id": "q", "text": "Q?"}],
            "claims": [
                {"id": "a", "text": "A", "answers": [{"question": "q", "stance": "yes"}]},
                {"id": "later", "text": "What A leads to"},
                {"id": "why", "text": "Why A"},
            ],
            "relations": [
                {"from": "a", "to": "later", "type": "supports"},
                {"from": "why", "to": "a", "type": "supports"},
            ],
        }
    )
    assert question_nodes(m, "q") == ["a", "why"]
    with pytest.raises(KeyError):
        question_nodes(m, "nope")


ids = st.sampled_from(["a", "b", "c", "d", "e1", "e2"])


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.tuples(ids, ids, st.sampled_from(["supports", "rebuts"])), max_size=10),
    st.lists(st.sampled_from(["a", "b", "c", "d"]), min_size=1, max_size=3, unique=True),
)
def test_a_question_map_holds_its_answers_and_only_what_is_linked(
    links: list[tuple[str, str, str]], answering: list[str]
) -> None:
    # one relation per pair, none from a node to itself, none aimed at a quote
    pairs = {(u, v): t for u, v, t in links if u != v and not v.startswith("e")}
    relations = [{"from": u, "to": v, "type": t} for (u, v), t in pairs.items()]
    m = ArgumentMap.model_validate(
        {
            "questions": [{"id": "q", "text": "Q?"}],
            "sources": [{"id": "s", "title": "S", "text": "un deux"}],
            "claims": [
                {"id": c, "text": c.upper()}
                | ({"answers": [{"question": "q", "stance": "yes"}]} if c in answering else {})
                for c in "abcd"
            ],
            "evidence": [
                {"id": "e1", "source": "s", "quote": "un"},
                {"id": "e2", "source": "s", "quote": "deux"},
            ],
            "relations": relations,
        }
    )
    shown = question_nodes(m, "q")
    assert set(answering) <= set(shown) and len(shown) == len(set(shown))
    kept = set(shown)
    for n in kept - set(answering):
        # each other node bears, directly, on something kept (or is a kept claim's quote)
        assert any(r["from"] == n and r["to"] in kept for r in relations) or any(
            n.startswith("e") and {r["from"], r["to"]} == {n, c} for r in relations for c in kept
        )
