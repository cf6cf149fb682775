"""networkx's node-link JSON, carrying the whole map so nothing is lost on the way back.

The form is exactly networkx's ``node_link_data(G, edges="edges")``: the graph's
attributes hold every top-level field of the map except its lists of claims,
evidence and relations (so: format version, title, description, language,
sources, parties and questions, in full); each node holds a claim's or a quote's
fields plus ``kind`` (``"claim"`` or ``"evidence"``), its id under ``id`` (claims
with their ``hedge`` and ``answers``, quotes with their ``reporter``, ``hedge`` and
``translated`` mark, when set); each edge a relation's fields (``source``,
``target``, ``type``, ``id``, ``scheme``, ``rationale``). When the map links one
pair twice, the data is a multigraph (edges carry a ``key``) so that networkx
keeps both links.

An undercut aims at a relation, not at a node, so it is no edge: the graph's
``undercuts`` attribute lists the undercuts as the map file writes them (``from``,
``to`` the id of the relation aimed at, ``type``, ...), each with its
``position`` in the map's list of relations so that the order comes back. The
edge of each relation an undercut aims at lists the undercutting nodes in
``undercut_by``, as :func:`argmap.to_graph` does (only when there are some).

Example:
    >>> import networkx as nx
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({
    ...     "claims": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}],
    ...     "relations": [{"from": "b", "to": "a", "type": "rebuts"}]})
    >>> G = nx.node_link_graph(to_node_link(m), edges="edges")
    >>> G.nodes["b"], G.edges["b", "a"]
    ({'kind': 'claim', 'text': 'B'}, {'type': 'rebuts'})
    >>> from_node_link(to_node_link(m)) == m
    True
    >>> m = ArgumentMap.model_validate({
    ...     "claims": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"},
    ...                {"id": "c", "text": "C"}],
    ...     "relations": [{"from": "c", "to": "r", "type": "undercuts", "scheme": "ad-hominem"},
    ...                   {"id": "r", "from": "b", "to": "a", "type": "supports"}]})
    >>> data = to_node_link(m)
    >>> data["graph"]["undercuts"], data["edges"]
    ([{'from': 'c', 'to': 'r', 'type': 'undercuts', 'scheme': 'ad-hominem', 'position': 0}], \
[{'source': 'b', 'target': 'a', 'id': 'r', 'type': 'supports', 'undercut_by': ['c']}])
    >>> from_node_link(data) == m
    True
"""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

from argmap.formats import FormatError, ImportResult, map_from_data, reader, writer
from argmap.model import ArgumentMap

__all__ = ["from_node_link", "to_node_link"]

_LISTS = ("claims", "evidence", "relations")
_UNDERCUTS = "undercuts"
_KINDS = {"claim": "claims", "evidence": "evidence"}
_LIST_ITEM = re.compile(r"\b(claims|evidence|relations)\[(\d+)\]")


def to_node_link(m: ArgumentMap) -> dict[str, Any]:
    """Return the map as networkx node-link data (a dict ready for ``json.dumps``).

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({"title": "T",
        ...     "claims": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}],
        ...     "relations": [{"from": "b", "to": "a", "type": "supports", "rationale": "R"}]})
        >>> data = to_node_link(m)
        >>> data["graph"], data["nodes"][0], data["edges"]
        ({'argmap': '2', 'title': 'T'}, {'kind': 'claim', 'id': 'a', 'text': 'A'}, \
[{'source': 'b', 'target': 'a', 'type': 'supports', 'rationale': 'R'}])
    """
    data = m.to_json_data()
    graph = {k: v for k, v in data.items() if k not in _LISTS}
    nodes = [{"kind": "claim", **c} for c in data.get("claims", [])]
    nodes += [{"kind": "evidence", **e} for e in data.get("evidence", [])]
    relations = data.get("relations", [])
    undercuts = [
        {**rel, "position": i} for i, rel in enumerate(relations) if rel["type"] == _UNDERCUTS
    ]
    if undercuts:
        graph["undercuts"] = undercuts
    links = [rel for rel in relations if rel["type"] != _UNDERCUTS]
    undercut_by = _undercut_by(links, undercuts)
    pairs = Counter((r["from"], r["to"]) for r in links)
    multigraph = any(n > 1 for n in pairs.values())
    keys: Counter[tuple[str, str]] = Counter()
    edges = []
    for i, rel in enumerate(links):
        edge = {"source": rel["from"], "target": rel["to"]}
        edge |= {k: v for k, v in rel.items() if k not in ("from", "to")}
        if i in undercut_by:
            edge["undercut_by"] = undercut_by[i]
        if multigraph:
            edge["key"] = keys[rel["from"], rel["to"]]
            keys[rel["from"], rel["to"]] += 1
        edges.append(edge)
    return {
        "directed": True,
        "multigraph": multigraph,
        "graph": graph,
        "nodes": nodes,
        "edges": edges,
    }


def _undercut_by(
    links: list[dict[str, Any]], undercuts: list[dict[str, Any]]
) -> dict[int, list[str]]:
    """Return, for each supports or rebuts link an undercut aims at (the first link of
    its id, as in :func:`argmap.to_graph`), the nodes that undercut it, in map order and
    each once."""
    first: dict[str, int] = {}
    for i, rel in enumerate(links):
        if "id" in rel:
            first.setdefault(rel["id"], i)
    out: dict[int, list[str]] = {}
    for u in undercuts:
        at = first.get(u["to"])
        if at is None or links[at]["type"] not in ("supports", "rebuts"):
            continue
        if u["from"] not in out.setdefault(at, []):
            out[at].append(u["from"])
    return out


def from_node_link(data: Any) -> ArgumentMap:
    """Return the map held in node-link data written by :func:`to_node_link`, or by
    networkx from a graph whose nodes carry ``kind`` and a claim's or a quote's fields.

    Edges may be under ``edges`` or, as networkx wrote before 3.4, ``links``; an
    edge's ``key`` (multigraphs) is ignored.

    Raises:
        FormatError: the data is not node-link data of a map; the message says where.

    Example:
        >>> from_node_link({"nodes": [{"id": "a", "kind": "claim", "text": "A"}],
        ...                 "edges": []}).claims[0].text
        'A'
        >>> from_node_link({"nodes": [{"id": "a", "kind": "person"}]})
        Traceback (most recent call last):
        ...
        argmap.formats.FormatError: nodes[0]: 'kind' must be 'claim' or 'evidence', not 'person'
        >>> from_node_link({"nodes": [{"id": "a", "kind": "claim", "text": "A"},
        ...                           {"id": "b", "kind": "evidence", "source": "s"}]})
        Traceback (most recent call last):
        ...
        argmap.formats.FormatError: not a valid map: nodes[1].quote: Field required
    """
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        raise FormatError("not node-link data: no 'nodes' list")
    graph = data.get("graph") or {}
    if not isinstance(graph, dict):
        raise FormatError("graph: must be an object")
    out: dict[str, Any] = {k: v for k, v in graph.items() if k not in _LISTS and k != _UNDERCUTS}
    lists: dict[str, list[Any]] = {name: [] for name in _LISTS}
    where: dict[str, list[str]] = {name: [] for name in _LISTS}  # position in the input
    for i, node in enumerate(data["nodes"]):
        if not isinstance(node, dict):
            raise FormatError(f"nodes[{i}]: must be an object")
        kind = node.get("kind")
        if not isinstance(kind, str) or kind not in _KINDS:
            raise FormatError(f"nodes[{i}]: 'kind' must be 'claim' or 'evidence', not {kind!r}")
        lists[_KINDS[kind]].append({k: v for k, v in node.items() if k != "kind"})
        where[_KINDS[kind]].append(f"nodes[{i}]")
    relations, where["relations"] = _relations(data, graph)
    lists["relations"] = relations
    try:
        return map_from_data(out | lists)
    except FormatError as err:  # name the node or edge, not the map's list
        found = _LIST_ITEM.search(str(err))
        if found is None:
            raise
        place = where[found.group(1)][int(found.group(2))]
        raise FormatError(_LIST_ITEM.sub(place, str(err), count=1)) from None


def _relations(data: dict[str, Any], graph: dict[str, Any]) -> tuple[list[Any], list[str]]:
    """Return the relations of node-link data, in the map's order, and where each is."""
    edges = data.get("edges", data.get("links", []))
    if not isinstance(edges, list):
        raise FormatError("edges: must be a list")
    rels: list[tuple[dict[str, Any], str]] = []
    derived: list[tuple[dict[str, Any], str]] = []  # undercuts read from undercut_by
    for i, edge in enumerate(edges):
        if not isinstance(edge, dict):
            raise FormatError(f"edges[{i}]: must be an object")
        rel = {"from": edge.get("source"), "to": edge.get("target")}
        skip = ("source", "target", "key", "undercut_by")
        rel |= {k: v for k, v in edge.items() if k not in skip and v is not None}
        rels.append((rel, f"edges[{i}]"))
        by = edge.get("undercut_by") or []
        if not isinstance(by, list) or not all(isinstance(n, str) for n in by):
            raise FormatError(f"edges[{i}].undercut_by: must be a list of node ids")
        if by and not isinstance(rel.get("id"), str):
            raise FormatError(f"edges[{i}]: an undercut edge needs an 'id' to be aimed at")
        derived += [
            ({"from": n, "to": rel["id"], "type": _UNDERCUTS}, f"edges[{i}].undercut_by")
            for n in by
        ]
    if _UNDERCUTS not in graph:  # networkx data of a graph that lists only undercut_by
        rels += derived
        return [r for r, _ in rels], [w for _, w in rels]
    undercuts = graph[_UNDERCUTS]
    if not isinstance(undercuts, list):
        raise FormatError("graph.undercuts: must be a list")
    placed: list[tuple[float, int, dict[str, Any]]] = []
    for j, u in enumerate(undercuts):
        if not isinstance(u, dict):
            raise FormatError(f"graph.undercuts[{j}]: must be an object")
        pos = u.get("position")
        if isinstance(pos, bool) or not isinstance(pos, int):
            pos = float("inf")  # no position: after the rest
        placed.append((pos, j, {k: v for k, v in u.items() if k != "position"}))
    for pos, j, u in sorted(placed, key=lambda t: (t[0], t[1])):
        at = len(rels) if pos == float("inf") else min(int(pos), len(rels))
        rels.insert(at, (u, f"graph.undercuts[{j}]"))
    return [r for r, _ in rels], [w for _, w in rels]


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
