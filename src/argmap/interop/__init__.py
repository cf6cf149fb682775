"""Read and write maps in other tools' formats; each format is registered in
:mod:`argmap.formats` so ``argmap export`` and ``argmap import`` find it.

AIF JSON and networkx's node-link JSON (both ways); GraphML, Mermaid and Argdown (export).
"""

from argmap.interop.aif import from_aif, to_aif
from argmap.interop.argdown import argdown_text, to_argdown
from argmap.interop.graphml import GRAPHML_LIST_SEPARATOR, to_graphml
from argmap.interop.mermaid import mermaid_text, to_mermaid
from argmap.interop.nodelink import from_node_link, to_node_link

__all__ = [
    "GRAPHML_LIST_SEPARATOR",
    "argdown_text",
    "from_aif",
    "from_node_link",
    "mermaid_text",
    "to_aif",
    "to_argdown",
    "to_graphml",
    "to_mermaid",
    "to_node_link",
]
