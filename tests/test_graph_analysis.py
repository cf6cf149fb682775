"""The graph view of a map, unrebutted claims and map statistics."""

from __future__ import annotations

from collections import deque
from typing import Any

import networkx as nx
from hypothesis import given, settings

import argmap
from argmap.analysis import supporting_quotes
from argmap.checks import Context, evidence_behind
from argmap.graph import Links
from conftest import tangled_maps

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


@settings(max_examples=300, deadline=None)
@given(tangled_maps())
def test_links_hold_the_graphs_nodes_and_edges(m: argmap.ArgumentMap) -> None:
    G = argmap.to_graph(m)
    links = Links(m)
    assert list(links.kind.items()) == list(G.nodes(data="kind"))
    assert links.edges == {(u, v): t for u, v, t in G.edges(data="type")}
    for node in G:
        assert sorted(links.predecessors.get(node, [])) == sorted(
            (u, G.edges[u, node]["type"]) for u in G.predecessors(node)
        )


def _evidence_reaching(G: nx.DiGraph, claim: str) -> set[str]:
    """Evidence from which a path of supports through claims leads to ``claim``."""
    support = nx.DiGraph(
        (u, v)
        for u, v, t in G.edges(data="type")
        if t == "supports" and u != v and G.nodes[v]["kind"] == "claim"
    )
    if claim not in support:
        return set()
    claims_only = support.subgraph(n for n in support if G.nodes[n]["kind"] == "claim")
    behind = nx.ancestors(claims_only, claim) | {claim}
    return {u for c in behind for u in support.predecessors(c) if G.nodes[u]["kind"] == "evidence"}


@settings(max_examples=300, deadline=None)
@given(tangled_maps())
def test_evidence_behind_is_what_support_paths_reach(m: argmap.ArgumentMap) -> None:
    G = argmap.to_graph(m)
    expected = {c: _evidence_reaching(G, c) for c, k in G.nodes(data="kind") if k == "claim"}
    assert evidence_behind(G) == expected
    assert Context(m).supporting_evidence == expected


def _supporting_quotes_by_graph(m: argmap.ArgumentMap, claim_id: str) -> list[tuple[str, Any]]:
    """The breadth-first search over the networkx graph, as the reference."""
    G = argmap.to_graph(m)
    order = {n: i for i, n in enumerate(G.nodes)}
    out: list[tuple[str, Any]] = []
    seen = {claim_id}
    queue: deque[tuple[str, str | None]] = deque([(claim_id, None)])
    while queue:
        node, via = queue.popleft()
        for pred in sorted(G.predecessors(node), key=order.__getitem__):
            if G.edges[pred, node]["type"] != "supports" or pred in seen:
                continue
            seen.add(pred)
            if G.nodes[pred]["kind"] == "evidence":
                out.append((pred, via))
            else:
                queue.append((pred, via if via is not None else pred))
    return out


@settings(max_examples=300, deadline=None)
@given(tangled_maps())
def test_supporting_quotes_follow_supports_nearest_first(m: argmap.ArgumentMap) -> None:
    links = Links(m)
    for claim, kind in links.kind.items():
        if kind == "claim":
            got = [(q.evidence, q.via) for q in supporting_quotes(m, claim, links=links)]
            assert got == _supporting_quotes_by_graph(m, claim)


def test_evidence_behind_a_support_cycle_follows_claims_only() -> None:
    # a and b support each other; a also "supports" the quote e2, which supports c.
    G = nx.DiGraph()
    G.add_nodes_from(["a", "b", "c"], kind="claim")
    G.add_nodes_from(["e1", "e2"], kind="evidence")
    G.add_edges_from(
        [("e1", "a"), ("a", "b"), ("b", "a"), ("a", "e2"), ("e2", "c")], type="supports"
    )
    assert evidence_behind(G) == {"a": {"e1"}, "b": {"e1"}, "c": {"e2"}}
    G.remove_edge("b", "a")  # no cycle left: the same answer by the other road
    assert evidence_behind(G) == {"a": {"e1"}, "b": {"e1"}, "c": {"e2"}}


@settings(max_examples=200, deadline=None)
@given(tangled_maps())
def test_stats_count_what_the_graph_holds(m: argmap.ArgumentMap) -> None:
    G = argmap.to_graph(m)
    s = argmap.map_stats(m)
    types = [t for _, _, t in G.edges(data="type")]
    assert (s["supports"], s["rebuts"]) == (types.count("supports"), types.count("rebuts"))
    assert s["weakly_connected_components"] == nx.number_weakly_connected_components(G)
    rebutted = {v for _, v, t in G.edges(data="type") if t == "rebuts"}
    assert s["unrebutted"] == sum(1 for n, k in G.nodes(data="kind") if k == "claim") - len(
        rebutted & {n for n, k in G.nodes(data="kind") if k == "claim"}
    )
