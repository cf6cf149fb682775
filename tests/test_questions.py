"""The questions overview (argmap.questions) and ``argmap questions``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.cli import main
from argmap.loader import load
from argmap.model import ArgumentMap
from argmap.questions import UNLINKED, QuestionSummary, question_overview
from argmap.status import claim_statuses
from conftest import ROOT, write_map

Capsys = pytest.CaptureFixture[str]
DISPUTE = ROOT / "tests" / "data" / "v2" / "dispute.json"


@pytest.fixture(scope="module")
def overview() -> list[QuestionSummary]:
    return question_overview(load(DISPUTE))


def by_id(overview: list[QuestionSummary], qid: str | None) -> QuestionSummary:
    return next(q for q in overview if q.id == qid)


def test_questions_in_map_order_then_unlinked(overview: list[QuestionSummary]) -> None:
    assert [q.id for q in overview] == ["q-unsafe", "q-pay", "q-lenoir", None]
    assert overview[-1].text == UNLINKED
    assert overview[0].original is not None and overview[0].original.lang == "fr"


@pytest.mark.parametrize(
    ("qid", "stances"),
    [
        (
            "q-unsafe",
            {
                "yes": ["bridge-unsafe", "cables-corroded", "knew-corrosion", "cheap-cables"],
                "no": ["bridge-safe"],
            },
        ),
        ("q-pay", {"Batiroc": ["cheap-cables", "batiroc-pays"], "the town": ["town-pays"]}),
        ("q-lenoir", {"pushed out": ["lenoir-pushed-out"], "resigned": ["lenoir-resigned"]}),
        (
            None,
            {
                None: [
                    "report-not-independent",
                    "mayor-cover-up",
                    "bridge-opened",
                    "bridge-closed",
                    "report-confirmed",
                ]
            },
        ),
    ],
)
def test_stances_and_their_claims(
    overview: list[QuestionSummary], qid: str | None, stances: dict[str | None, list[str]]
) -> None:
    q = by_id(overview, qid)
    got = {a.stance: [c.id for c in a.claims] for a in q.answers}
    if qid is None:  # the closing group lists its claims side by side
        got = {None: [c.id for s in q.sides for c in s.claims]}
    assert got == stances


@pytest.mark.parametrize(
    ("claim", "verdict", "hedge", "quotes", "reason"),
    [
        ("bridge-unsafe", "holds", "reports", 2, "every attack on it is answered"),
        ("bridge-safe", "answered", "states", 1, "answered by cables-corroded, which holds"),
        ("knew-corrosion", "unsupported", "states", 0, "nothing supports it"),
        ("cheap-cables", "holds", "alleges", 1, "nothing that counts attacks it"),
        ("lenoir-resigned", "contested", "states", 2, "left open by lenoir-pushed-out"),
    ],
)
def test_claims_carry_verdict_reason_hedge_and_quotes(
    overview: list[QuestionSummary],
    claim: str,
    verdict: str,
    hedge: str,
    quotes: int,
    reason: str,
) -> None:
    (found, *_) = [c for q in overview for c in q.claims if c.id == claim]
    assert (found.verdict, found.hedge, found.quotes) == (verdict, hedge, quotes)
    assert found.reason.startswith(reason)


def test_claim_line_names_asserter_and_hedge(overview: list[QuestionSummary]) -> None:
    (cheap, *_) = by_id(overview, "q-pay").claims
    assert cheap.line == (
        "According to Claire Dumas (reportedly): "
        "In 2015 Batiroc fitted cheaper cables than the specification required."
    )
    assert cheap.asserters == ["Claire Dumas"] and cheap.asserted_by == ["claire-dumas"]


def test_sides_group_each_sides_claims(overview: list[QuestionSummary]) -> None:
    q = by_id(overview, "q-unsafe")
    assert [(s.side.label, s.stances, [c.id for c in s.claims]) for s in q.sides] == [
        ("Claire Dumas's side", ["yes"], ["bridge-unsafe", "knew-corrosion", "cheap-cables"]),
        ("Batiroc's side", ["no"], ["bridge-safe"]),
        ("Observers and reporters", ["yes"], ["cables-corroded"]),
    ]
    yes = q.answers[0]
    assert [s.id for s in yes.sides] == ["town", "observers"]
    lenoir = by_id(overview, "q-lenoir").answers[0]
    assert [(s.id, s.label) for s in lenoir.sides] == [("marc-lenoir", "Marc Lenoir")]


def tiny(claims: list[dict[str, Any]], **extra: Any) -> ArgumentMap:
    return ArgumentMap.model_validate(
        {
            "parties": [
                {"id": "ann", "name": "Ann", "side": "a"},
                {"id": "bob", "name": "Bob", "side": "b"},
            ],
            "questions": [{"id": "q", "text": "Q?"}, {"id": "r", "text": "R?"}],
            "claims": claims,
            **extra,
        }
    )


def test_repeated_answer_counts_once_two_stances_twice() -> None:
    m = tiny(
        [
            {
                "id": "c",
                "text": "C",
                "answers": [
                    {"question": "q", "stance": "yes"},
                    {"question": "q", "stance": "yes"},
                    {"question": "q", "stance": "partly"},
                ],
            }
        ]
    )
    (q, r) = question_overview(m)
    assert [(a.stance, [c.id for c in a.claims]) for a in q.answers] == [
        ("yes", ["c"]),
        ("partly", ["c"]),
    ]
    assert r.answers == [] and r.sides == []  # a question nobody answers is still listed


def test_unknown_question_and_unnamed_asserter() -> None:
    m = tiny(
        [
            {"id": "c", "text": "C", "answers": [{"question": "ghost"}]},
            {"id": "d", "text": "D", "asserted_by": ["nobody-known"]},
        ]
    )
    *_, ghost, unlinked = question_overview(m)
    assert (ghost.id, ghost.known, [c.id for c in ghost.claims]) == ("ghost", False, ["c"])
    assert "ghost" in ghost.text and ghost.claims[0].stance == "yes"
    assert unlinked.id is None and [c.id for c in unlinked.claims] == ["d"]
    assert unlinked.claims[0].side.id is None and unlinked.sides[0].side.label == "Nobody named"


def test_statuses_given_are_used_and_must_cover_every_claim() -> None:
    m = tiny(
        [
            {"id": "c", "text": "C", "asserted_by": ["ann"], "answers": [{"question": "q"}]},
            {"id": "d", "text": "D", "asserted_by": ["bob"], "answers": [{"question": "q"}]},
        ],
        relations=[{"from": "d", "to": "c", "type": "rebuts"}],
    )
    statuses = claim_statuses(m, support=False)
    assert [c.verdict for c in question_overview(m, statuses=statuses)[0].claims] == [
        "answered",
        "holds",
    ]
    assert [c.verdict for c in question_overview(m)[0].claims] == ["unsupported"] * 2
    with pytest.raises(ValueError, match="no status for claim 'd'"):
        question_overview(m, statuses=statuses[:1])


def test_to_dict_is_json(overview: list[QuestionSummary]) -> None:
    data = json.loads(json.dumps([q.to_dict() for q in overview]))
    assert data[0]["answers"][0]["claims"][0]["side"] == {
        "id": "town",
        "label": "Claire Dumas's side",
    }
    assert data[-1]["id"] is None and data[-1]["claims"] == 5
    assert data[1]["sides"][0]["claims"] == [
        {"id": "cheap-cables", "stance": "Batiroc"},
        {"id": "batiroc-pays", "stance": "Batiroc"},
    ]


_QID = st.sampled_from(["q", "r", "ghost"])
_STANCE = st.sampled_from(["yes", "no", "pushed out"])


@st.composite
def answered_maps(draw: st.DrawFn) -> ArgumentMap:
    n = draw(st.integers(0, 8))
    claims = [
        {
            "id": f"c{k}",
            "text": f"claim {k}",
            "asserted_by": draw(st.lists(st.sampled_from(["ann", "bob", "eve"]), max_size=2)),
            "answers": [
                {"question": q, "stance": s}
                for q, s in draw(st.lists(st.tuples(_QID, _STANCE), max_size=3))
            ],
        }
        for k in range(n)
    ]
    return tiny(claims)


@settings(max_examples=60, deadline=None)
@given(answered_maps())
def test_every_claim_appears_once_per_answer_or_once_unlinked(m: ArgumentMap) -> None:
    overview = question_overview(m)
    for claim in m.claims:
        pairs = {(a.question, a.stance) for a in claim.answers}
        seen = [(q.id, c.stance) for q in overview for c in q.claims if c.id == claim.id]
        assert sorted(seen, key=str) == sorted(pairs or {(None, None)}, key=str)
        by_side = [q.id for q in overview for s in q.sides for c in s.claims if c.id == claim.id]
        assert sorted(by_side, key=str) == sorted([q for q, _ in seen], key=str)
    assert [q.id for q in overview][: len(m.questions)] == ["q", "r"]
    json.dumps([q.to_dict() for q in overview])


# The command line.


def run(capsys: Capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_text(capsys: Capsys) -> None:
    code, out, err = run(capsys, "questions", str(DISPUTE))
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].endswith(
        "dispute.json: 3 questions; 9 of 14 claims answer one (grounded reading)"
    )
    assert lines[3:9] == [
        "Was the bridge unsafe when the town closed it?  (q-unsafe)",
        "  Le pont était-il dangereux quand la ville l'a fermé ?",
        "  yes: Claire Dumas's side, Observers and reporters",
        "    HOLDS       According to Claire Dumas: The bridge was dangerous; closing it was",
        "                unavoidable.  [2 quotes]",
        "                why: every attack on it is answered  [bridge-unsafe]",
    ]
    assert "    ANSWERED    According to Batiroc: The bridge is perfectly safe.  [1 quote]" in lines
    assert "Not linked to a question  (5 claims)" in lines
    assert max(len(line) for line in lines[1:]) <= 88  # the first names the file


def test_cli_json_to_file(tmp_path: Path, capsys: Capsys) -> None:
    target = tmp_path / "q.json"
    code, out, _ = run(capsys, "questions", str(DISPUTE), "--format", "json", "-o", str(target))
    assert code == 0 and out == ""
    data = json.loads(target.read_text(encoding="utf-8"))
    assert (data["questions"], data["claims"]) == (3, 14)
    assert [q["id"] for q in data["overview"]] == ["q-unsafe", "q-pay", "q-lenoir", None]


def test_cli_map_without_questions(tmp_path: Path, base: dict[str, Any], capsys: Capsys) -> None:
    path = write_map(tmp_path, base)
    code, out, _ = run(capsys, "questions", str(path))
    assert code == 0 and len(out.splitlines()) == 1
    assert "no questions" in out and "'questions' field" in out and "README" in out


def test_cli_missing_map(tmp_path: Path, capsys: Capsys) -> None:
    code, out, err = run(capsys, "questions", str(tmp_path / "nope.json"))
    assert code == 2 and out == "" and "E005" in err and "Traceback" not in err


def test_cli_help_has_examples(capsys: Capsys) -> None:
    code, out, _ = run(capsys, "questions", "--help")
    assert code == 0 and "examples:\n  argmap questions data/claims.json" in out
