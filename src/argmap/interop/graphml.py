"""GraphML export, for yEd, Gephi, Cytoscape and networkx.

The graph is :func:`argmap.to_graph`'s, with every node, edge and graph
attribute it has: claims with their ``hedge`` and ``answers``, quotes with their
``reporter``, ``hedge`` and ``translated`` mark, edges with their ``id``,
``scheme`` and ``undercut_by`` (the nodes that undercut them). The graph also
holds the map's ``questions``, so that the question ids of ``answers`` can be
looked up. GraphML holds strings, numbers and booleans only, so values are
encoded like this (and decode back exactly):

- a list of ids or tags (``parties``, ``tags``, ``undercut_by``) is one string, its
  items joined with :data:`GRAPHML_LIST_SEPARATOR` (``"; "``); an empty list is
  ``""``. Ids cannot contain ``;``; a tag that does would not split back;
- ``answers`` is a JSON array of ``[question, stance]`` pairs (``[]`` when the
  claim answers none), since a stance is free text that may hold any separator;
- ``questions`` (a graph attribute, only when the map has questions) is a JSON
  array of the questions as the map file writes them;
- a ``span`` is the string ``"start,end"``;
- an absent value (None) is left out: the node or edge simply has no such key;
- text is XML text (see :func:`graphml_text`): line ends are LF, as XML reads
  them back anyway, and characters XML cannot hold (most control characters)
  become U+FFFD. JSON values need no such change: JSON escapes those characters.

Numbers (``reliability``, ``base_score``) stay numbers (GraphML ``double``) and
``translated`` a boolean.

Example:
    >>> import io, networkx as nx
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({"claims": [
    ...     {"id": "a", "text": "A", "asserted_by": ["x", "y"]}], "parties": [
    ...     {"id": "x", "name": "X"}, {"id": "y", "name": "Y"}]})
    >>> G = nx.read_graphml(io.StringIO(to_graphml(m)))
    >>> G.nodes["a"]["parties"], G.nodes["a"]["kind"]
    ('x; y', 'claim')
    >>> G.nodes["a"]["parties"].split(GRAPHML_LIST_SEPARATOR)
    ['x', 'y']
    >>> m = ArgumentMap.model_validate({
    ...     "questions": [{"id": "q", "text": "Did he leave?"}],
    ...     "claims": [{"id": "a", "text": "A", "answers": [{"question": "q", "stance": "no"}]},
    ...                {"id": "b", "text": "B"}, {"id": "c", "text": "C"}],
    ...     "relations": [{"id": "r", "from": "b", "to": "a", "type": "supports"},
    ...                   {"from": "c", "to": "r", "type": "undercuts"}]})
    >>> G = nx.read_graphml(io.StringIO(to_graphml(m)))
    >>> G.nodes["a"]["answers"], G.edges["b", "a"]["undercut_by"], G.graph["questions"]
    ('[["q", "no"]]', 'c', '[{"id": "q", "text": "Did he leave?"}]')
"""

from __future__ import annotations

import json
from typing import Any

import networkx as nx

from argmap.formats import writer
from argmap.graph import to_graph
from argmap.model import ArgumentMap
from argmap.render.quoting import clean

__all__ = ["GRAPHML_LIST_SEPARATOR", "graphml_text", "to_graphml"]

#: How lists are written in GraphML attributes.
GRAPHML_LIST_SEPARATOR = "; "


def graphml_text(text: str) -> str:
    """Return ``text`` as a GraphML reader gets it back: line ends as LF (XML reads
    CR and CR LF as LF) and characters XML cannot hold as U+FFFD.

    Example:
        >>> graphml_text("a\\r\\nb\\rc\\x00")
        'a\\nb\\nc\\ufffd'
    """
    return clean(text.replace("\r\n", "\n").replace("\r", "\n"))


#: Attributes written as JSON rather than as a list joined with the separator.
_JSON_KEYS = frozenset({"answers", "questions"})


def _plain(key: str, value: Any) -> Any:
    if key in _JSON_KEYS:
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, tuple):  # a span
        return f"{value[0]},{value[1]}"
    if isinstance(value, list):
        return graphml_text(GRAPHML_LIST_SEPARATOR.join(str(x) for x in value))
    return graphml_text(value) if isinstance(value, str) else value


def _attrs(data: dict[str, Any]) -> dict[str, Any]:
    return {k: _plain(k, v) for k, v in data.items() if v is not None}


def to_graphml(m: ArgumentMap) -> str:
    """Return the map's graph (:func:`argmap.to_graph`) as GraphML text.

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({
        ...     "sources": [{"id": "s", "title": "S", "text": "It rains."}],
        ...     "claims": [{"id": "c", "text": "Wet"}],
        ...     "evidence": [{"id": "e", "source": "s", "quote": "It rains", "span": [0, 8]}],
        ...     "relations": [{"from": "e", "to": "c", "type": "supports"}]})
        >>> import io, networkx as nx
        >>> G = nx.read_graphml(io.StringIO(to_graphml(m)))
        >>> G.nodes["e"]["span"], G.nodes["e"]["reliability"], G.edges["e", "c"]
        ('0,8', 0.5, {'type': 'supports', 'undercut_by': ''})
        >>> "original" in G.nodes["c"], G.nodes["c"]["answers"]  # None is left out
        (False, '[]')
    """
    G = to_graph(m)
    H = nx.DiGraph()
    H.graph.update(_attrs(G.graph))
    if m.questions:
        questions = [q.model_dump(mode="json", exclude_defaults=True) for q in m.questions]
        H.graph["questions"] = _plain("questions", questions)
    H.add_nodes_from((node, _attrs(data)) for node, data in G.nodes(data=True))
    H.add_edges_from((u, v, _attrs(data)) for u, v, data in G.edges(data=True))
    return "\n".join(nx.generate_graphml(H, prettyprint=True)) + "\n"


@writer("graphml", extensions=(".graphml",), description="GraphML (yEd, Gephi, Cytoscape)")
def _write(m: ArgumentMap, **_: Any) -> str:
    return to_graphml(m)
