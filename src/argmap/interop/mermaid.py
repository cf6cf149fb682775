"""Mermaid ``flowchart`` export, which GitHub and many Markdown tools draw.

It follows the SVG map's grammar: claims are rounded nodes filled with their
side's colour (the renderer's colour-blind-safe Okabe-Ito palette; observers
and claims nobody asserts in grey), with a thick border and a "✔ unrebutted"
line when nothing rebuts them; quotes are flag-shaped nodes, white, or grey
with a dashed border when their source is AI-generated, shortened to 100
characters and followed by their source's id; ``supports`` are solid green
arrows, ``rebuts`` dotted vermillion links ending in a cross (``linkStyle``).
Nodes are named ``n0``, ``n1`` ... so no id can clash with Mermaid's keywords.

Text is on one line and escaped with Mermaid's entity codes (``#quot;``,
``#35;``, ``#lt;`` ...), so no text can break the chart; Mermaid's own parser
reads every label back as the text (tested).

Example:
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({"claims": [
    ...     {"id": "a", "text": 'He said "no"'}, {"id": "b", "text": "B"}],
    ...     "relations": [{"from": "b", "to": "a", "type": "rebuts"}]})
    >>> print("\\n".join(to_mermaid(m).splitlines()[-5:]))
      n0("He said #quot;no#quot;"):::side_none
      n1("B<br/>✔ unrebutted"):::side_none
      class n1 unrebutted
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
    """Return the map as a Mermaid flowchart, laid out in ``direction`` (LR, RL, TB or BT).

    Raises:
        ValueError: ``direction`` is not one of Mermaid's.

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({
        ...     "sources": [{"id": "s", "title": "S", "kind": "ai-generated", "text": "x"}],
        ...     "parties": [{"id": "ann", "name": "Ann"}],
        ...     "claims": [{"id": "a", "text": "A <b>", "asserted_by": ["ann"]}],
        ...     "evidence": [{"id": "e", "source": "s", "quote": "x"}],
        ...     "relations": [{"from": "e", "to": "a", "type": "supports"}]})
        >>> print(to_mermaid(m, direction="TB"))  # doctest: +ELLIPSIS
        flowchart TB
          classDef side_0 fill:#FBE3B0,stroke:#E69F00,color:#000
          ...
          n0("A #lt;b#gt;<br/><i>Ann</i><br/>✔ unrebutted"):::side_0
          n1>"« x »<br/><i>s · AI-generated</i>"]:::ai
          class n0 unrebutted
          n1 --> n0
          linkStyle 0 stroke:#009E73,stroke-width:1.5px
        <BLANKLINE>
    """
    if direction not in ("LR", "RL", "TB", "TD", "BT"):
        raise ValueError(f"direction must be LR, RL, TB, TD or BT, not {direction!r}")
    G = to_graph(m)
    parties = m.party_by_id()
    sources = m.source_by_id()
    colours = side_colours(m)
    rebutted = {v for _, v, t in G.edges(data="type") if t == REBUTS}
    ids = {node: f"n{i}" for i, node in enumerate(G.nodes)}
    side_class = {side: f"side_{k}" for k, side in enumerate(colours)}
    unrebutted: list[str] = []
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
            if node not in rebutted:
                label += "<br/>✔ unrebutted"
                unrebutted.append(nid)
            lines.append(f'  {nid}("{label}"):::{cls}')
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
    if unrebutted:  # a node takes one class after ':::'; a second one needs a statement
        lines.append(f"  class {','.join(unrebutted)} unrebutted")
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
