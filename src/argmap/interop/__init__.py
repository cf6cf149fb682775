"""Read and write maps in other tools' formats; each format is registered in
:mod:`argmap.formats`, so ``argmap export`` and ``argmap import`` find it.

Both ways: networkx's node-link JSON (:func:`to_node_link`, :func:`from_node_link`)
and AIF JSON of OVA and AIFdb (:func:`to_aif`, :func:`from_aif`, which returns an
:class:`~argmap.formats.ImportResult`: the map and warnings about what it could
not carry over). Export only: GraphML (:func:`to_graphml`), Argdown
(:func:`to_argdown`) and Mermaid (:func:`to_mermaid`). Each carries what its
format can of map version 2: undercuts (AIF: a CA node aimed at the RA or CA node
of the relation; Argdown: ``_>`` aimed at the relation's inference; node-link and
GraphML: ``undercut_by`` on the edge), moves that deny nothing (AIF: a transition
with an illocution naming the move, see :data:`MOVE_ILLOCUTIONS`; Argdown: a tag
and a comment, no arrow), schemes, reporters, speakers, hedges and questions.

Example:
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({
    ...     "claims": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"},
    ...                {"id": "c", "text": "C"}],
    ...     "relations": [{"id": "r", "from": "b", "to": "a", "type": "supports"},
    ...                   {"from": "c", "to": "r", "type": "undercuts", "scheme": "ad-hominem"},
    ...                   {"from": "c", "to": "b", "type": "insults"}]})
    >>> from_node_link(to_node_link(m)) == m, from_aif(to_aif(m)).map == m
    (True, True)
"""

from argmap.formats import ImportResult
from argmap.interop.aif import ARGMAP_KEY, MOVE_ILLOCUTIONS, from_aif, to_aif
from argmap.interop.argdown import argdown_text, to_argdown
from argmap.interop.graphml import GRAPHML_LIST_SEPARATOR, graphml_text, to_graphml
from argmap.interop.mermaid import mermaid_text, to_mermaid
from argmap.interop.nodelink import from_node_link, to_node_link

__all__ = [
    "ARGMAP_KEY",
    "GRAPHML_LIST_SEPARATOR",
    "MOVE_ILLOCUTIONS",
    "ImportResult",
    "argdown_text",
    "from_aif",
    "from_node_link",
    "graphml_text",
    "mermaid_text",
    "to_aif",
    "to_argdown",
    "to_graphml",
    "to_mermaid",
    "to_node_link",
]
