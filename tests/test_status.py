"""Verdicts on claims (status) and their explanations, library and command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.cli import main
from argmap.semantics import acceptance, grounded_labelling
from argmap.status import SEMANTICS, base_scores, claim_statuses, explain
from conftest import ROOT, tangled_maps, write_map

BUNDLED = ROOT / "data" / "claims.json"
Data = dict[str, Any]


def verdicts(data: Data, **kw: Any) -> dict[str, str]:
    m = argmap.ArgumentMap.model_validate(data)
    return {s.id: s.verdict for s in claim_statuses(m, **kw)}


def test_rebuttal_of_a_rebuttal_reinstates(base: Data) -> None:
    assert verdicts(base) == {"betrayal": "defeated", "control": "standing"}
    base["relations"].append({"from": "ev-betrayal", "to": "control", "type": "rebuts"})
    assert verdicts(base) == {"betrayal": "standing", "control": "defeated"}


def test_mutual_rebuttal_is_undecided_but_credulous(base: Data) -> None:
    base["relations"].append({"from": "betrayal", "to": "control", "type": "rebuts"})
    m = argmap.ArgumentMap.model_validate(base)
    statuses = claim_statuses(m, semantics="preferred")
    assert {s.verdict for s in statuses} == {"undecided"}
    assert all(s.credulous and not s.sceptical for s in statuses)
    with pytest.raises(ValueError, match="unknown semantics"):
        claim_statuses(m, semantics="naive")


def test_strength_uses_source_reliability(base: Data) -> None:
    m = argmap.ArgumentMap.model_validate(base)
    assert base_scores(m)["ev-note"] == 0.3 and base_scores(m)["ev-control"] == 0.8
    by_id = {s.id: s for s in claim_statuses(m, with_strength=True)}
    assert by_id["control"].strength is not None and by_id["betrayal"].strength is not None
    assert by_id["control"].strength > 0.5 > by_id["betrayal"].strength


def test_bundled_map_verdicts() -> None:
    statuses = {s.id: s for s in claim_statuses(argmap.load(BUNDLED))}
    # OpenAI's answer stands, so Musk's main allegation is defeated ...
    assert statuses["musk-wanted-to-control-openai"].verdict == "standing"
    assert statuses["openai-abandoned-nonprofit-mission"].verdict == "defeated"
    # ... and the two accounts of the departure answer each other: undecided.
    assert statuses["musk-departure-was-mutual"].verdict == "undecided"
    assert statuses["musk-was-pushed-out"].verdict == "undecided"


def test_explain_shows_quotes_rebuttals_and_cycles() -> None:
    text = explain(argmap.load(BUNDLED), "musk-was-pushed-out")
    lines = text.splitlines()
    assert lines[0] == "musk-was-pushed-out: Musk was practically pushed out of OpenAI."
    assert lines[1].startswith("  UNDECIDED")
    assert any(
        ln.startswith(
            "  + supported by ev-note-pushed-out [standing], quoted from grok-note-2025:17:430"
        )
        for ln in lines
    )
    assert any("- rebutted by musk-departure-was-mutual [undecided]" in ln for ln in lines)
    assert any("(a cycle: it is already on this path)" in ln for ln in lines)
    with pytest.raises(KeyError):
        explain(argmap.load(BUNDLED), "no-such-claim")


def test_status_cli(tmp_path: Path, base: Data, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_map(tmp_path, base)
    assert main(["status", str(path), "--strength"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{path}: 1 standing, 1 defeated, 0 undecided of 2 claims")
    assert "control  [STANDING, unrebutted, strength " in out
    assert main(["status", str(path), "--format", "json", "--semantics", "stable"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(c["id"], c["verdict"], c["sceptical"]) for c in data["claims"]] == [
        ("betrayal", "defeated", False),
        ("control", "standing", True),
    ]


def test_explain_cli(tmp_path: Path, base: Data, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_map(tmp_path, base)
    assert main(["explain", str(path), "betrayal"]) == 0
    out = capsys.readouterr().out
    assert "DEFEATED: rebutted by control, which stands." in out
    assert main(["explain", str(path), "betray"]) == 2
    assert "did you mean: betrayal" in capsys.readouterr().err


@settings(max_examples=200, deadline=None)
@given(tangled_maps(), st.sampled_from(SEMANTICS))
def test_statuses_are_the_semantics_of_the_maps_graph(
    m: argmap.ArgumentMap, semantics: str
) -> None:
    # The statuses are worked out without the networkx graph; they must be what the
    # semantics say of that graph (repeated ids, dangling and repeated relations,
    # self-rebuttals included).
    G = argmap.to_graph(m)
    labels = grounded_labelling(G)
    accepted = acceptance(G, semantics)
    statuses = claim_statuses(m, semantics=semantics)
    assert [s.id for s in statuses] == [n for n, k in G.nodes(data="kind") if k == "claim"]
    for s in statuses:
        assert s.text == G.nodes[s.id]["text"]
        assert s.label == labels[s.id].value
        assert (s.credulous, s.sceptical) == (accepted[s.id].credulous, accepted[s.id].sceptical)
        assert s.unrebutted == all(
            G.edges[u, s.id]["type"] != "rebuts" for u in G.predecessors(s.id)
        )


@settings(max_examples=150, deadline=None)
@given(tangled_maps())
def test_explain_any_node_states_its_grounded_verdict(m: argmap.ArgumentMap) -> None:
    G = argmap.to_graph(m)
    labels = grounded_labelling(G)
    word = {"in": "STANDING", "out": "DEFEATED", "undec": "UNDECIDED"}
    for node in G:
        lines = explain(m, node, max_depth=3).splitlines()
        assert lines[0] == f"{node}: {G.nodes[node]['text']}"
        assert lines[1].startswith(f"  {word[labels[node].value]}:")
        # one line per edge shown, each naming a predecessor of the node above it
        assert all(
            line.lstrip().startswith(("+ supported by", "- rebutted by")) for line in lines[2:]
        )
        direct = [ln for ln in lines[2:] if ln.startswith("  ") and not ln.startswith("   ")]
        assert len(direct) == G.in_degree(node)
