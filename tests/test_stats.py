"""map_stats and `argmap stats`: relations of every kind, claims per question, quotes per
reporter."""

from __future__ import annotations

import json

import pytest

from argmap.analysis import map_stats
from argmap.cli import main
from argmap.model import ArgumentMap

DATA = {
    "parties": [{"id": "jo", "name": "Jo", "kind": "author"}, {"id": "ann", "name": "Ann"}],
    "questions": [{"id": "q", "text": "Q?"}, {"id": "q2", "text": "Q2?"}],
    "sources": [
        {"id": "s", "title": "S", "text": "Il pleut. Non.", "reporter": "jo"},
        {"id": "t", "title": "T", "text": "Si."},
    ],
    "claims": [
        {"id": "a", "text": "A", "asserted_by": ["ann"], "answers": [{"question": "q"}]},
        {"id": "b", "text": "B", "answers": [{"question": "q"}]},
    ],
    "evidence": [
        {"id": "e1", "source": "s", "quote": "Il pleut."},
        {"id": "e2", "source": "s", "quote": "Non.", "reporter": "ann"},
        {"id": "e3", "source": "t", "quote": "Si."},
    ],
    "relations": [
        {"id": "r", "from": "e1", "to": "a", "type": "supports"},
        {"from": "b", "to": "r", "type": "undercuts"},
        {"from": "e2", "to": "b", "type": "supports"},
        {"from": "b", "to": "a", "type": "contrasts"},
        {"from": "a", "to": "b", "type": "insults"},
        {"from": "e3", "to": "a", "type": "supports"},
    ],
}


def test_counts_every_kind_question_and_reporter() -> None:
    s = map_stats(ArgumentMap.model_validate(DATA))
    assert (s["questions"], s["supports"], s["rebuts"], s["undercuts"]) == (2, 3, 0, 1)
    assert (s["contrasts"], s["insults"], s["counter_accuses"]) == (1, 1, 0)
    assert s["claims_per_question"] == {"q": 2, "q2": 0}
    # a quote's own reporter, else its source's; a source with none counts by its id
    assert s["evidence_per_reporter"] == {"ann": 1, "jo": 1, "t": 1}


def test_cli_prints_the_kinds_present(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "m.json"
    path.write_text(json.dumps(DATA), encoding="utf-8")
    assert main(["stats", str(path)]) == 0
    out = capsys.readouterr().out
    assert "    undercuts                      1" in out
    assert "counter-accuses" not in out  # none in the map
    assert "claims per question\n  q                                2\n" in out
    assert "quotes per reporter\n  Ann                              1\n" in out
