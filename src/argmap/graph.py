"""Turn a map into a networkx graph that any networkx algorithm can work on.

Example:
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({
    ...     "sources": [{"id": "s", "title": "S", "text": "Le ciel est bleu."}],
    ...     "claims": [{"id": "sky-blue", "text": "The sky is blue."}],
    ...     "evidence": [{"id": "ev", "source": "s", "quote": "Le ciel est bleu."}],
    ...     "relations": [{"from": "ev", "to": "sky-blue", "type": "supports"}],
    ... })
    >>> G = to_graph(m)
    >>> sorted(G.nodes(data="kind"))
    [('ev', 'evidence'), ('sky-blue', 'claim')]
    >>> G.edges["ev", "sky-blue"]["type"]
    'supports'
"""

from __future__ import annotations

import functools
from collections.abc import Hashable, Iterable
from typing import Any, TypeVar

import networkx as nx

from argmap._bulk import gc_paused
from argmap.model import ArgumentMap, Relation, RelationType, quote_hedge, quote_reporter

__all__ = [
    "CLAIM",
    "EVIDENCE",
    "REBUTS",
    "SUPPORTS",
    "UNDERCUTS",
    "Links",
    "acyclic_order",
    "to_graph",
]

_N = TypeVar("_N", bound=Hashable)

CLAIM = "claim"
EVIDENCE = "evidence"
SUPPORTS = "supports"
REBUTS = "rebuts"
UNDERCUTS = "undercuts"


def to_graph(m: ArgumentMap) -> nx.DiGraph:
    """Return the map as a directed graph: claims and evidence are nodes keyed by id,
    relations are edges from ``from`` to ``to`` with attribute ``type``.

    Node attributes: ``kind`` ('claim' or 'evidence'), ``text`` (the claim's English
    text or the evidence's quote), ``parties`` (who asserts the claim, or whom the
    evidence reports as speaking), ``date``; claims also carry ``original`` and
    ``lang_original``, ``hedge`` (as given, or None) and ``answers`` (``(question,
    stance)`` pairs); evidence carries ``source``, ``source_kind``, ``reliability``,
    ``translation``, ``span``, ``reporter``, ``hedge`` (as it is in effect) and
    ``translated``. Edge attributes: ``type`` (a relation type other than
    'undercuts'), ``id``, ``scheme``, ``rationale`` and ``undercut_by`` (the ids of
    the nodes that undercut it, in map order). The graph's own attributes hold the
    map's ``title``.

    A relation whose endpoint does not exist adds no node (``argmap.check`` reports
    it). When a map links one pair twice, the first relation wins here; the
    conflict is an error in ``argmap.check``.

    Example:
        >>> from argmap.model import ArgumentMap
        >>> G = to_graph(ArgumentMap.model_validate({
        ...     "claims": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}],
        ...     "relations": [{"from": "b", "to": "a", "type": "rebuts"}]}))
        >>> list(G.predecessors("a")), G.nodes["a"]["text"]
        (['b'], 'A')
    """
    with gc_paused():
        return _to_graph(m)


def _to_graph(m: ArgumentMap) -> nx.DiGraph:
    G = nx.DiGraph(title=m.title)
    sources = m.source_by_id()
    parties = m.party_by_id()
    nodes: dict[str, dict[str, Any]] = {}
    for claim in m.claims:
        if claim.id in nodes:
            continue
        attrs: dict[str, Any] = {
            "kind": CLAIM,
            "text": claim.text,
            "parties": list(claim.asserted_by),
            "date": claim.date,
            "original": claim.original.text if claim.original else None,
            "lang_original": claim.original.lang if claim.original else None,
            "tags": list(claim.tags),
            "hedge": claim.hedge.value if claim.hedge is not None else None,
            "answers": [(a.question, a.stance) for a in claim.answers],
        }
        if claim.base_score is not None:
            attrs["base_score"] = claim.base_score
        nodes[claim.id] = attrs
    for ev in m.evidence:
        if ev.id in nodes:
            continue
        src = sources.get(ev.source)
        reporter = quote_reporter(ev, src, parties)
        nodes[ev.id] = {
            "kind": EVIDENCE,
            "text": ev.quote,
            "parties": list(ev.speaker),
            "date": ev.date,
            "source": ev.source,
            "source_kind": src.kind.value if src else None,
            "reliability": src.effective_reliability if src else None,
            "translation": ev.translation,
            "span": ev.span,
            "reporter": reporter,
            "hedge": quote_hedge(ev, reporter).value,
            "translated": ev.translated,
        }
    G.add_nodes_from(nodes.items())
    edges = _first_relations(m, nodes)
    undercut_by: dict[tuple[str, str], list[str]] = {}
    for node, edge in _undercuts(m, nodes, edges):
        undercut_by.setdefault(edge, []).append(node)
    G.add_edges_from(
        (
            u,
            v,
            {
                "type": rel.type.value,
                "id": rel.id,
                "scheme": rel.scheme,
                "rationale": rel.rationale,
                "undercut_by": undercut_by.get((u, v), []),
            },
        )
        for (u, v), rel in edges.items()
    )
    return G


def _first_relations(m: ArgumentMap, nodes: Any) -> dict[tuple[str, str], Relation]:
    """The first relation of each linked pair whose two ends are in ``nodes`` (undercuts,
    which end at a relation, are not among them)."""
    edges: dict[tuple[str, str], Relation] = {}
    undercuts = RelationType.UNDERCUTS
    for rel in m.relations:
        if rel.type is undercuts:
            continue
        key = (rel.source, rel.target)
        if key not in edges and rel.source in nodes and rel.target in nodes:
            edges[key] = rel
    return edges


def _undercuts(
    m: ArgumentMap, nodes: Any, edges: dict[tuple[str, str], Relation]
) -> list[tuple[str, tuple[str, str]]]:
    """The undercuts that count: ``(undercutting node, undercut edge)``, in map order.

    An undercut counts when it starts at a node and aims at the id of a ``supports``
    or ``rebuts`` edge of the graph (the first relation of that id); anything else is
    reported by ``argmap.check``. Two undercuts of one edge by one node count once.
    """
    by_id: dict[str, tuple[str, str]] = {}
    for key, rel in edges.items():
        if rel.id is not None and rel.type in _UNDERCUTTABLE:
            by_id.setdefault(rel.id, key)
    if not by_id:
        return []
    out: dict[tuple[str, tuple[str, str]], None] = {}
    for rel in m.relations:
        if rel.type is RelationType.UNDERCUTS and rel.source in nodes:
            edge = by_id.get(rel.target)
            if edge is not None:
                out.setdefault((rel.source, edge), None)
    return list(out)


_UNDERCUTTABLE = frozenset({RelationType.SUPPORTS, RelationType.REBUTS})
_TYPE_VALUES = {t: t.value for t in RelationType}


class Links:
    """The nodes and edges of :func:`to_graph`'s graph, as plain dictionaries.

    It holds what structural questions need (which ids are claims or evidence,
    who supports or rebuts whom) at a fraction of a networkx graph's cost, so
    checks and queries over maps of a hundred thousand claims stay fast. The same
    rules apply as in :func:`to_graph`: the first claim or evidence of an id wins,
    claims come first, and the first relation of a pair wins.

    Example:
        >>> from argmap.model import ArgumentMap
        >>> links = Links(ArgumentMap.model_validate({
        ...     "claims": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}],
        ...     "relations": [{"from": "b", "to": "a", "type": "rebuts"},
        ...                   {"from": "b", "to": "ghost", "type": "supports"}]}))
        >>> links.kind, links.edges
        ({'a': 'claim', 'b': 'claim'}, {('b', 'a'): 'rebuts'})
        >>> links.predecessors["a"]
        [('b', 'rebuts')]
    """

    def __init__(self, m: ArgumentMap) -> None:
        # The first of an id wins, claims before quotes: made by dict operations in C.
        kind = dict.fromkeys([claim.id for claim in m.claims], CLAIM)
        quotes = dict.fromkeys([ev.id for ev in m.evidence], EVIDENCE)
        for taken in quotes.keys() & kind.keys():
            del quotes[taken]
        kind.update(quotes)
        #: Node id to ``'claim'`` or ``'evidence'``, in the graph's node order.
        self.kind = kind
        relations = _first_relations(m, kind)
        #: ``(from, to)`` to the relation's type ('supports', 'rebuts' or a move that
        #: denies nothing), in the map's relation order.
        values = _TYPE_VALUES
        self.edges = {key: values[rel.type] for key, rel in relations.items()}
        #: ``(undercutting node, undercut edge)`` pairs, in map order (see
        #: :func:`to_graph`'s ``undercut_by``).
        self.undercuts = _undercuts(m, kind, relations)

    @functools.cached_property
    def predecessors(self) -> dict[str, list[tuple[str, str]]]:
        """For each node with incoming edges, its ``(predecessor, type)`` pairs, in
        relation order."""
        out: dict[str, list[tuple[str, str]]] = {}
        for (u, v), t in self.edges.items():
            out.setdefault(v, []).append((u, t))
        return out

    @functools.cached_property
    def order(self) -> dict[str, int]:
        """Each node's rank in the graph's node order."""
        return {n: i for i, n in enumerate(self.kind)}

    def supports(self) -> list[tuple[str, str]]:
        """Return the ``supports`` edges that are no self-loop, in relation order."""
        return [(u, v) for (u, v), t in self.edges.items() if t == SUPPORTS and u != v]


def acyclic_order(nodes: Iterable[_N], edges: Iterable[tuple[_N, _N]]) -> list[_N]:
    """Return the nodes that lie on no cycle and behind none, in topological order
    (Kahn's algorithm); the rest, if any, are on or downstream of a cycle.

    Every edge's ends must be among ``nodes``.

    Example:
        >>> acyclic_order("abcd", [("a", "b"), ("c", "c"), ("c", "d")])
        ['a', 'b']
    """
    succ: dict[_N, list[_N]] = {}
    waiting = dict.fromkeys(nodes, 0)  # edges from nodes not yet placed
    for u, v in edges:
        succ.setdefault(u, []).append(v)
        waiting[v] += 1
    order = [n for n, k in waiting.items() if not k]
    for n in order:  # grows while it is read
        for v in succ.get(n, ()):
            waiting[v] -= 1
            if not waiting[v]:
                order.append(v)
    return order
