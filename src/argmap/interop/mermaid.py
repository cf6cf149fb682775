"""Mermaid ``flowchart`` export, which GitHub and many Markdown tools draw.

It follows the SVG map's grammar: claims are rounded nodes filled by side, with
a thick border when unrebutted; quotes are flag-shaped nodes (grey and dashed
when AI-generated); ``supports`` are solid green arrows, ``rebuts`` dotted
vermillion links ending in a cross. Text is escaped with Mermaid's entity codes
(``#quot;``, ``#35;`` ...), so no text can break the chart.

Example:
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({"claims": [
    ...     {"id": "a", "text": 'He said "no"'}, {"id": "b", "text": "B"}],
    ...     "relations": [{"from": "b", "to": "a", "type": "rebuts"}]})
    >>> print("\\n".join(to_mermaid(m).splitlines()[-4:]))
      n0("He said #quot;no#quot;"):::side_none
      n1("B<br/>✔ unrebutted"):::side_none:::unrebutted
      n1 -.-x n0
      linkStyle 0 stroke:#D55E00,stroke-width:2px
"""

from __future__ import annotations

import re
from typing import Any

from argmap.formats import writer
from argmap.graph import CLAIM, REBUTS, SUPPORTS, to_graph
from argmap.model import ArgumentMap
from argmap.render.dot import NEUTRAL, REBUT_COLOUR, SUPPORT_COLOUR, side_colours
from argmap.render.quoting import clean, shorten

__all__ = ["mermaid_text", "to_mermaid"]

_ENTITIES = {
    '"': "#quot;",
    "#": "#35;",
    "<": "#lt;",
    ">": "#gt;",
    "&": "#amp;",
    "`": "#96;",
    "|": "#124;",
    "[": "#91;",
    "]": "#93;",
    "{": "#123;",
    "}": "#125;",
}
_SPECIAL = re.compile("[" + re.escape("".join(_ENTITIES)) + "]")


def mermaid_text(text: str) -> str:
    """Return ``text`` safe inside a double-quoted Mermaid label, on one line.

    Example:
        >>> mermaid_text('a "b" <c> #1\\nd')
        'a #quot;b#quot; #lt;c#gt; #35;1 d'
    """
    one_line = " ".join(clean(text).split())
    return _SPECIAL.sub(lambda m: _ENTITIES[m.group(0)], one_line)


def to_mermaid(m: ArgumentMap, *, direction: str = "LR") -> str:
    """Return the map as a Mermaid flowchart."""
    G = to_graph(m)
    parties = m.party_by_id()
    sources = m.source_by_id()
    colours = side_colours(m)
    rebutted = {v for _, v, t in G.edges(data="type") if t == REBUTS}
    ids = {node: f"n{i}" for i, node in enumerate(G.nodes)}
    side_class = {side: f"side_{k}" for k, side in enumerate(colours)}
    lines = [f"flowchart {direction}"]
    for side, (border, fill) in colours.items():
        lines.append(f"  classDef {side_class[side]} fill:{fill},stroke:{border},color:#000")
    lines += [
        f"  classDef side_none fill:{NEUTRAL[1]},stroke:{NEUTRAL[0]},color:#000",
        "  classDef unrebutted stroke-width:4px",
        "  classDef quote fill:#FFFFFF,stroke:#555555,color:#000",
        "  classDef ai fill:#F2F2F2,stroke:#888888,color:#444,stroke-dasharray:5 5",
    ]
    for node, data in G.nodes(data=True):
        nid = ids[node]
        if data["kind"] == CLAIM:
            claim_side = next((parties[p].side or p for p in data["parties"] if p in parties), None)
            who = ", ".join(parties[p].name if p in parties else p for p in data["parties"])
            label = mermaid_text(data["text"])
            if who:
                label += "<br/><i>" + mermaid_text(who) + "</i>"
            cls = side_class.get(claim_side or "", "side_none")
            extra = ":::unrebutted" if node not in rebutted else ""
            if extra:
                label += "<br/>✔ unrebutted"
            lines.append(f'  {nid}("{label}"):::{cls}{extra}')
        else:
            src = sources.get(data["source"])
            ai = src is not None and src.is_ai_generated
            label = (
                "« "
                + mermaid_text(shorten(data["text"], 100))
                + " »<br/><i>"
                + mermaid_text(data["source"])
                + (" · AI-generated" if ai else "")
                + "</i>"
            )
            lines.append(f'  {nid}>"{label}"]:::{"ai" if ai else "quote"}')
    styles = []
    for k, (u, v, t) in enumerate(G.edges(data="type")):
        if t == SUPPORTS:
            lines.append(f"  {ids[u]} --> {ids[v]}")
            styles.append(f"  linkStyle {k} stroke:{SUPPORT_COLOUR},stroke-width:1.5px")
        else:
            lines.append(f"  {ids[u]} -.-x {ids[v]}")
            styles.append(f"  linkStyle {k} stroke:{REBUT_COLOUR},stroke-width:2px")
    return "\n".join(lines + styles) + "\n"


@writer("mermaid", extensions=(".mmd", ".mermaid"), description="Mermaid flowchart")
def _write(m: ArgumentMap, **_: Any) -> str:
    return to_mermaid(m)
