"""Rules about what claims rest on: evidence behind them, circles, AI-only support.

Example:
    >>> from argmap.checks import check
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({
    ...     "claims": [{"id": "a", "text": "A", "asserted_by": ["p"]}],
    ...     "parties": [{"id": "p", "name": "P"}]})
    >>> [d.code for d in check(m)]
    ['W101']
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain

import networkx as nx

from argmap.checks import Context, Finding, rule
from argmap.diagnostics import Severity
from argmap.graph import EVIDENCE, acyclic_order
from argmap.model import RelationType

__all__: list[str] = []


@rule(
    "W101",
    "unsupported-claim",
    Severity.WARNING,
    "No evidence supports the claim, directly or through supporting claims.",
)
def _unsupported_claim(ctx: Context) -> Iterator[Finding]:
    behind = ctx.supporting_evidence
    for i, c in enumerate(ctx.map.claims):
        if c.id in behind and not behind[c.id] and (ctx.node_index.get(c.id) == f"claims[{i}]"):
            yield Finding(
                "no evidence supports this claim, directly or through other claims",
                c.id,
                f"claims[{i}]",
            )


@rule("W102", "orphan-evidence", Severity.WARNING, "Evidence is linked to nothing.")
def _orphan_evidence(ctx: Context) -> Iterator[Finding]:
    kind = ctx.links.kind
    linked = set(chain.from_iterable(ctx.links.edges))
    # A quote that only undercuts a relation is linked too (a wrong aim is E016/E017's).
    linked.update(r.source for r in ctx.map.relations if r.type is RelationType.UNDERCUTS)
    for i, e in enumerate(ctx.map.evidence):
        if (
            e.id not in linked
            and kind.get(e.id) == EVIDENCE
            and (ctx.node_index.get(e.id) == f"evidence[{i}]")
        ):
            yield Finding("evidence is linked to nothing", e.id, f"evidence[{i}]")


@rule(
    "W103",
    "support-cycle",
    Severity.WARNING,
    "Claims support each other in a circle (circular reasoning).",
)
def _support_cycle(ctx: Context) -> Iterator[Finding]:
    edges = ctx.links.supports()
    if not _has_cycle(edges):  # the usual case, decided without building a graph
        return
    # In the graph's edge order (by source node, then relation order), as the cycle
    # found in a strongly connected part depends on it.
    order = ctx.links.order
    support = nx.DiGraph(sorted(edges, key=lambda e: order[e[0]]))
    cycles = []
    for comp in nx.strongly_connected_components(support):
        if len(comp) > 1:
            cycle = nx.find_cycle(support.subgraph(comp))
            cycles.append([u for u, _ in cycle])
    for cycle in sorted(cycles):
        first = min(cycle)
        k = cycle.index(first)
        cycle = cycle[k:] + cycle[:k]
        yield Finding(
            "circular support: " + " -> ".join([*cycle, first]), first, ctx.node_index.get(first)
        )


def _has_cycle(edges: list[tuple[str, str]]) -> bool:
    # An edge on a cycle leaves a node something points to and ends at a node that
    # points somewhere: in most maps (evidence supports claims) no edge is left.
    heads = {u for u, _ in edges}
    tails = {v for _, v in edges}
    edges = [(u, v) for u, v in edges if u in tails and v in heads]
    nodes = {n for edge in edges for n in edge}
    return len(acyclic_order(nodes, edges)) < len(nodes)


@rule("W105", "ai-only", Severity.WARNING, "A claim rests only on AI-generated sources.")
def _ai_only(ctx: Context) -> Iterator[Finding]:
    sources = ctx.map.source_by_id()
    if not any(s.is_ai_generated for s in sources.values()):
        return
    ev_source = {e.id: e.source for e in ctx.map.evidence}
    for i, c in enumerate(ctx.map.claims):
        behind = ctx.supporting_evidence.get(c.id, set())
        if not behind or ctx.node_index.get(c.id) != f"claims[{i}]":
            continue
        kinds = {
            sources[ev_source[e]].is_ai_generated
            for e in behind
            if e in ev_source and ev_source[e] in sources
        }
        if kinds == {True}:
            names = sorted({ev_source[e] for e in behind})
            yield Finding(
                f"rests only on AI-generated source(s): {', '.join(names)}", c.id, f"claims[{i}]"
            )
