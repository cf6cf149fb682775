"""A claim that holds after an undercut says why, and its explanation shows what still
holds it up: the supporting claims and the quotes that do not rest on its asserters'
word alone, the other camp's first."""

from __future__ import annotations

from typing import Any

import argmap
from argmap.model import ArgumentMap

TEXT = (
    "Selon Ann, la mairie a fermé le pont. La mairie confirme la fermeture. "
    "Bob dit que Ann ment. Carl dit que Bob ment."
)


def _map(cutter_answered: bool = False) -> ArgumentMap:
    data: dict[str, Any] = {
        "parties": [
            {"id": "ann", "name": "Ann", "side": "a"},
            {"id": "bob", "name": "Bob", "side": "b"},
            {"id": "carl", "name": "Carl", "side": "a"},
            {"id": "town", "name": "The town", "side": "b"},
            {"id": "jo", "name": "Jo", "kind": "author", "side": "press"},
        ],
        "sources": [{"id": "s", "title": "S", "text": TEXT, "reporter": "jo"}],
        "claims": [
            {"id": "closed", "text": "The bridge is closed.", "asserted_by": ["ann"]},
            {"id": "town-says", "text": "The town closed it.", "asserted_by": ["town"]},
            {"id": "ann-lies", "text": "Ann lies.", "asserted_by": ["bob"]},
        ],
        "evidence": [
            {
                "id": "ev-ann",
                "source": "s",
                "quote": "Selon Ann, la mairie a fermé le pont.",
                "speaker": ["ann"],
            },
            {
                "id": "ev-town",
                "source": "s",
                "quote": "La mairie confirme la fermeture.",
                "speaker": ["town"],
            },
            {"id": "ev-bob", "source": "s", "quote": "Bob dit que Ann ment.", "speaker": ["bob"]},
        ],
        "relations": [
            {"id": "ann-word", "from": "ev-ann", "to": "closed", "type": "supports"},
            {"from": "ev-town", "to": "town-says", "type": "supports"},
            {"from": "town-says", "to": "closed", "type": "supports"},
            {"from": "ev-bob", "to": "ann-lies", "type": "supports"},
            {"from": "ann-lies", "to": "ann-word", "type": "undercuts", "scheme": "ad-hominem"},
        ],
    }
    if cutter_answered:
        data["claims"].append({"id": "bob-lies", "text": "Bob lies.", "asserted_by": ["carl"]})
        data["evidence"].append(
            {"id": "ev-carl", "source": "s", "quote": "Carl dit que Bob ment.", "speaker": ["carl"]}
        )
        data["relations"] += [
            {"from": "ev-carl", "to": "bob-lies", "type": "supports"},
            {"from": "bob-lies", "to": "ann-lies", "type": "rebuts"},
        ]
    return ArgumentMap.model_validate(data)


def _status(m: ArgumentMap, claim: str) -> argmap.ClaimStatus:
    return {s.id: s for s in argmap.claim_statuses(m)}[claim]


def test_a_claim_that_loses_a_support_to_an_undercut_but_holds_says_so() -> None:
    st = _status(_map(), "closed")
    assert (st.verdict, st.reason) == (
        "holds",
        "what still supports it holds; ann-lies undercuts the rest",
    )


def test_a_failed_undercut_is_an_answered_challenge() -> None:
    st = _status(_map(cutter_answered=True), "closed")
    assert (st.verdict, st.reason) == ("holds", "every challenge to its support is answered")


def test_unchallenged_claims_keep_their_reason() -> None:
    assert _status(_map(), "town-says").reason == "nothing that counts attacks it"


def test_explain_shows_what_still_holds_it_up_and_the_other_camps_quote_first() -> None:
    lines = argmap.explain(_map(), "closed").splitlines()
    assert lines[2] == "  Backed by 1 quote (1 more undercut away):"
    # The town (another camp than Ann's, and not the press) grants it: its quote leads.
    assert lines[3].startswith("    « La mairie confirme la fermeture. » — Jo, reporting The town")
    assert "  Rests on town-says [holds]: According to The town: The town closed it." in lines
    assert any(
        ln.startswith("  Its support from ev-ann is undercut by ann-lies [holds]") for ln in lines
    )


def test_own_word_comes_after_independent_quotes() -> None:
    m = _map(cutter_answered=True)  # Ann's word counts again
    lines = argmap.explain(m, "closed").splitlines()
    assert lines[2] == "  Backed by 2 quotes:"
    assert "La mairie confirme" in lines[3] and "Selon Ann" in lines[4]
