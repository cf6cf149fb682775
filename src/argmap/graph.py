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

from typing import Any

import networkx as nx

from argmap.model import ArgumentMap

__all__ = ["CLAIM", "EVIDENCE", "REBUTS", "SUPPORTS", "to_graph"]

CLAIM = "claim"
EVIDENCE = "evidence"
SUPPORTS = "supports"
REBUTS = "rebuts"


def to_graph(m: ArgumentMap) -> nx.DiGraph:
    """Return the map as a directed graph: claims and evidence are nodes keyed by id,
    relations are edges from ``from`` to ``to`` with attribute ``type``.

    Node attributes: ``kind`` ('claim' or 'evidence'), ``text`` (the claim's English
    text or the evidence's quote), ``parties`` (who asserts the claim, or whom the
    evidence reports as speaking), ``date``; claims also carry ``original`` and
    ``lang_original``; evidence carries ``source``, ``source_kind``, ``reliability``,
    ``translation`` and ``span``. Edge attributes: ``type`` ('supports' or 'rebuts')
    and ``rationale``. The graph's own attributes hold the map's ``title``.

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
    G = nx.DiGraph(title=m.title)
    sources = m.source_by_id()
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
        }
        if claim.base_score is not None:
            attrs["base_score"] = claim.base_score
        nodes[claim.id] = attrs
    for ev in m.evidence:
        if ev.id in nodes:
            continue
        src = sources.get(ev.source)
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
        }
    G.add_nodes_from(nodes.items())
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for rel in m.relations:
        key = (rel.source, rel.target)
        if key in edges or rel.source not in nodes or rel.target not in nodes:
            continue
        edges[key] = {"type": rel.type.value, "rationale": rel.rationale}
    G.add_edges_from((u, v, attrs) for (u, v), attrs in edges.items())
    return G
