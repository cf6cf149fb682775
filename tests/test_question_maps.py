"""What a question's map shows: its claims, what bears on them, their quotes."""

from __future__ import annotations

import pytest

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
