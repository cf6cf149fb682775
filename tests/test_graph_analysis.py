"""The graph view of a map, unrebutted claims and map statistics."""

from __future__ import annotations

from typing import Any

import networkx as nx

import argmap
from argmap.analysis import supporting_quotes

Data = dict[str, Any]


def load(data: Data) -> argmap.ArgumentMap:
    return argmap.ArgumentMap.model_validate(data)


def test_graph_nodes_and_edges(base: Data) -> None:
    G = argmap.to_graph(load(base))
    assert set(G.nodes) == {"betrayal", "control", "ev-betrayal", "ev-control", "ev-note"}
    assert G.nodes["control"]["kind"] == "claim" and G.nodes["control"]["parties"] == ["openai"]
    ev = G.nodes["ev-note"]
    assert (ev["kind"], ev["source"], ev["source_kind"], ev["reliability"]) == (
        "evidence",
        "note",
        "ai-generated",
        0.3,
    )
    assert G.edges["control", "betrayal"]["type"] == "rebuts"
    assert G.graph["title"] == "Test dispute"


def test_any_networkx_algorithm_runs(base: Data) -> None:
    G = argmap.to_graph(load(base))
    assert nx.is_directed_acyclic_graph(G)
    assert nx.has_path(G, "ev-note", "betrayal")
    assert nx.ancestors(G, "betrayal") == {"ev-betrayal", "control", "ev-control", "ev-note"}


def test_graph_skips_dangling_relations_and_keeps_first_of_a_pair(base: Data) -> None:
    base["relations"] += [
        {"from": "control", "to": "ghost", "type": "rebuts"},
        {"from": "control", "to": "betrayal", "type": "supports"},
    ]
    G = argmap.to_graph(load(base))
    assert "ghost" not in G and G.edges["control", "betrayal"]["type"] == "rebuts"


def test_unrebutted_counts_rebuttals_from_evidence(base: Data) -> None:
    base["relations"].append({"from": "ev-betrayal", "to": "control", "type": "rebuts"})
    assert argmap.unrebutted(load(base)) == []


def test_unrebutted_lists_parties_and_quotes_with_positions(base: Data) -> None:
    (u,) = argmap.unrebutted(load(base))
    assert u.claim.id == "control" and [p.name for p in u.asserted_by] == ["OpenAI"]
    first = u.quotes[0]
    assert (first.evidence, first.source, first.line, first.via) == ("ev-control", "news", 2, None)
    text = base["sources"][0]["text"]
    assert first.span is not None and text[first.span[0] : first.span[1]] == first.quote


def test_quotes_reach_through_supporting_claims_once(base: Data) -> None:
    base["claims"].append({"id": "sub", "text": "Sub", "asserted_by": ["openai"]})
    base["relations"] += [
        {"from": "sub", "to": "control", "type": "supports"},
        {"from": "ev-betrayal", "to": "sub", "type": "supports"},
        {"from": "ev-note", "to": "sub", "type": "supports"},
    ]
    quotes = supporting_quotes(load(base), "control")
    assert [(q.evidence, q.via) for q in quotes] == [
        ("ev-control", None),
        ("ev-note", None),
        ("ev-betrayal", "sub"),
    ]


def test_unfound_quote_has_no_position(base: Data) -> None:
    base["evidence"][1]["quote"] = "pas dans le texte"
    (u,) = argmap.unrebutted(load(base))
    assert u.quotes[0].line is None and u.quotes[0].span is None


def test_stats(base: Data) -> None:
    s = argmap.map_stats(load(base))
    assert s["claims_per_party"] == {"musk": 1, "openai": 1}
    assert s["weakly_connected_components"] == 1


def test_map_round_trips_through_json_data(base: Data) -> None:
    m = load(base)
    again = load(m.to_json_data())
    assert again == m
    assert list(m.to_json_data())[:2] == ["argmap", "title"]
