"""GraphML export, for yEd, Gephi, Cytoscape and networkx.

GraphML holds strings, numbers and booleans, so: lists (``parties``, ``tags``)
are joined with :data:`GRAPHML_LIST_SEPARATOR`; a ``span`` is written
``start,end``; absent values are left out; characters XML cannot hold become
U+FFFD.

Example:
    >>> import io, networkx as nx
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({"claims": [
    ...     {"id": "a", "text": "A", "asserted_by": ["x", "y"]}], "parties": [
    ...     {"id": "x", "name": "X"}, {"id": "y", "name": "Y"}]})
    >>> G = nx.read_graphml(io.StringIO(to_graphml(m)))
    >>> G.nodes["a"]["parties"], G.nodes["a"]["kind"]
    ('x; y', 'claim')
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from argmap.formats import writer
from argmap.graph import to_graph
from argmap.model import ArgumentMap
from argmap.render.quoting import clean

__all__ = ["GRAPHML_LIST_SEPARATOR", "to_graphml"]

#: How lists are written in GraphML attributes.
GRAPHML_LIST_SEPARATOR = "; "


def _plain(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        if len(value) == 2 and all(isinstance(x, int) for x in value):
            return f"{value[0]},{value[1]}"
        return clean(GRAPHML_LIST_SEPARATOR.join(str(x) for x in value))
    return clean(value) if isinstance(value, str) else value


def to_graphml(m: ArgumentMap) -> str:
    """Return the map's graph (:func:`argmap.to_graph`) as GraphML text."""
    G = to_graph(m)
    H = nx.DiGraph()
    H.graph.update({k: _plain(v) for k, v in G.graph.items() if v is not None})
    for node, data in G.nodes(data=True):
        H.add_node(node, **{k: _plain(v) for k, v in data.items() if v is not None})
    for u, v, data in G.edges(data=True):
        H.add_edge(u, v, **{k: _plain(x) for k, x in data.items() if x is not None})
    return "\n".join(nx.generate_graphml(H, prettyprint=True)) + "\n"


@writer("graphml", extensions=(".graphml",), description="GraphML (yEd, Gephi, Cytoscape)")
def _write(m: ArgumentMap, **_: Any) -> str:
    return to_graphml(m)
