"""networkx's node-link JSON, carrying the whole map so nothing is lost on the way back.

The graph's attributes hold the map's title, description, language, sources and
parties; each node holds a claim's or a quote's fields with ``kind``; each edge a
relation's fields (``source``, ``target``, ``type``, ``rationale``).
``networkx.node_link_graph(data, edges="edges")`` reads it as a graph.

Example:
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({
    ...     "claims": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}],
    ...     "relations": [{"from": "b", "to": "a", "type": "rebuts"}]})
    >>> data = to_node_link(m)
    >>> data["edges"]
    [{'source': 'b', 'target': 'a', 'type': 'rebuts'}]
    >>> from_node_link(data) == m
    True
"""

from __future__ import annotations

import json
from typing import Any

from argmap.formats import FormatError, ImportResult, map_from_data, reader, writer
from argmap.model import ArgumentMap

__all__ = ["from_node_link", "to_node_link"]

_MAP_KEYS = ("$schema", "title", "description", "language", "sources", "parties")


def to_node_link(m: ArgumentMap) -> dict[str, Any]:
    """Return the map as node-link data (a dict ready for ``json.dumps``)."""
    data = m.to_json_data()
    graph = {"argmap": m.argmap, **{k: data[k] for k in _MAP_KEYS if k in data}}
    nodes = [{"kind": "claim", **c} for c in data.get("claims", [])]
    nodes += [{"kind": "evidence", **e} for e in data.get("evidence", [])]
    edges = []
    for rel in data.get("relations", []):
        edge = {"source": rel["from"], "target": rel["to"], "type": rel["type"]}
        if "rationale" in rel:
            edge["rationale"] = rel["rationale"]
        edges.append(edge)
    return {"directed": True, "multigraph": False, "graph": graph, "nodes": nodes, "edges": edges}


def from_node_link(data: dict[str, Any]) -> ArgumentMap:
    """Return the map held in node-link data written by :func:`to_node_link` (or by
    networkx, with nodes carrying ``kind`` and the claim or evidence fields).

    Raises:
        FormatError: the data is not node-link data of a map.
    """
    if not isinstance(data, dict) or "nodes" not in data:
        raise FormatError("not node-link data: no 'nodes'")
    graph = data.get("graph") or {}
    out: dict[str, Any] = {k: graph[k] for k in _MAP_KEYS if k in graph}
    claims, evidence = [], []
    for i, node in enumerate(data["nodes"]):
        fields = {k: v for k, v in node.items() if k != "kind"}
        kind = node.get("kind")
        if kind == "claim":
            claims.append(fields)
        elif kind == "evidence":
            evidence.append(fields)
        else:
            raise FormatError(f"nodes[{i}]: 'kind' must be 'claim' or 'evidence', not {kind!r}")
    relations = []
    for edge in data.get("edges", data.get("links", [])):
        rel = {"from": edge.get("source"), "to": edge.get("target"), "type": edge.get("type")}
        if edge.get("rationale") is not None:
            rel["rationale"] = edge["rationale"]
        relations.append(rel)
    out |= {"claims": claims, "evidence": evidence, "relations": relations}
    return map_from_data(out)


@writer("node-link", extensions=(".nodelink.json",), description="networkx node-link JSON")
def _write(m: ArgumentMap, **_: Any) -> str:
    return json.dumps(to_node_link(m), indent=2, ensure_ascii=False) + "\n"


@reader("node-link", extensions=(".nodelink.json",), description="networkx node-link JSON")
def _read(text: str, **_: Any) -> ImportResult:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(f"{exc.lineno}:{exc.colno}: invalid JSON: {exc.msg}") from None
    return ImportResult(from_node_link(data))
