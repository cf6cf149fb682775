"""Mermaid ``flowchart`` export, which GitHub and many Markdown tools draw.

It follows the SVG map's grammar (:mod:`argmap.render.style`): claims are rounded
nodes filled with their side's colour (observers and claims nobody asserts in grey),
with who asserts them and how surely on a second line ("Elon Musk · reportedly") and
their verdict in a word (HOLDS, ANSWERED, CONTESTED, UNSUPPORTED; a claim that holds
has a thick border, an unsupported one a dashed border); quotes are flag-shaped nodes,
white, or grey with a dashed border when their source is AI-generated, shortened to
100 characters and followed by their credit line (reporter, speaker, hedge,
translated) and their source's id. ``supports`` are solid green arrows, ``rebuts``
dotted vermillion links ending in a cross; an undercut aims at a relation, which
Mermaid cannot end a link on, so that relation is drawn through a small purple
circle (``sm-circ``, Mermaid 11.3 or later) and the undercut, a dotted purple link
labelled "undercuts", ends in a cross at it; moves that deny nothing
(counter-accuses, insults, contrasts) are dotted grey arrows labelled with their
type (``linkStyle``). Nodes are named ``n0``, ``n1`` ... and the points ``p0``,
``p1`` ... so no id can clash with Mermaid's keywords.

Text is on one line and escaped with Mermaid's entity codes (``#quot;``,
``#35;``, ``#lt;`` ...), so no text can break the chart; Mermaid's own parser
reads every label back as the text (tested).

Example:
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({"claims": [
    ...     {"id": "a", "text": 'He said "no"'}, {"id": "b", "text": "B"}],
    ...     "relations": [{"from": "b", "to": "a", "type": "rebuts"}]})
    >>> print("\\n".join(to_mermaid(m).splitlines()[-5:]))
      n0("He said #quot;no#quot;<br/><b>UNSUPPORTED</b>"):::side_none
      n1("B<br/><b>UNSUPPORTED</b>"):::side_none
      class n0,n1 unsupported
      n1 -.-x n0
      linkStyle 0 stroke:#D55E00,stroke-width:2px
"""

from __future__ import annotations

import re
from typing import Any

from argmap.attribution import Attribution
from argmap.formats import writer
from argmap.graph import CLAIM, REBUTS, SUPPORTS, UNDERCUTS, to_graph
from argmap.model import ArgumentMap
from argmap.render.quoting import clean, shorten
from argmap.render.style import (
    NEUTRAL,
    RELATION_STYLES,
    UNDERCUT_COLOUR,
    VERDICT_STYLES,
    VERDICT_WORDS,
    short_line,
    side_colours,
)
from argmap.status import node_statuses

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
        ...     "sources": [{"id": "s", "title": "S", "kind": "ai-generated", "text": "x",
        ...                  "author": "Grok"}],
        ...     "parties": [{"id": "ann", "name": "Ann"}],
        ...     "claims": [{"id": "a", "text": "A <b>", "asserted_by": ["ann"]}],
        ...     "evidence": [{"id": "e", "source": "s", "quote": "x", "speaker": ["ann"]}],
        ...     "relations": [{"from": "e", "to": "a", "type": "supports"}]})
        >>> print(to_mermaid(m, direction="TB"))  # doctest: +ELLIPSIS
        flowchart TB
          classDef side_0 fill:#FBE3B0,stroke:#E69F00,color:#000
          ...
          n0("A #lt;b#gt;<br/><i>Ann</i><br/><b>HOLDS</b>"):::side_0
          n1>"« x »<br/><i>Grok, reporting Ann · s · AI-generated</i>"]:::ai
          class n0 holds
          n1 --> n0
          linkStyle 0 stroke:#009E73,stroke-width:1.5px
        <BLANKLINE>
    """
    if direction not in ("LR", "RL", "TD", "TB", "BT"):
        raise ValueError(f"direction must be LR, RL, TB, TD or BT, not {direction!r}")
    G = to_graph(m)
    ids = {node: f"n{i}" for i, node in enumerate(G.nodes)}
    lines = [f"flowchart {direction}", *_class_defs(m)]
    lines += _nodes(m, G, ids)
    links, styles = _links(G, ids, lines)
    return "\n".join(lines + links + styles) + "\n"


def _class_defs(m: ArgumentMap) -> list[str]:
    lines = [
        f"  classDef side_{k} fill:{fill},stroke:{border},color:#000"
        for k, (border, fill) in enumerate(side_colours(m).values())
    ]
    lines += [
        f"  classDef side_none fill:{NEUTRAL[1]},stroke:{NEUTRAL[0]},color:#000",
        *(
            f"  classDef {word} stroke-width:{VERDICT_STYLES[word].penwidth:g}px"
            + (",stroke-dasharray:5 5" if VERDICT_STYLES[word].dashed else "")
            for word in VERDICT_WORDS
        ),
        "  classDef quote fill:#FFFFFF,stroke:#555555,color:#000",
        "  classDef ai fill:#F2F2F2,stroke:#888888,color:#444,stroke-dasharray:5 5",
        f"  classDef via fill:{UNDERCUT_COLOUR},stroke:{UNDERCUT_COLOUR}",
    ]
    return lines


def _nodes(m: ArgumentMap, G: Any, ids: dict[str, str]) -> list[str]:
    """Return the claims and quotes, then the statements giving claims their verdict's
    class (a node takes one class after ':::'; a second one needs a statement)."""
    parties = m.party_by_id()
    sources = m.source_by_id()
    side_class = {side: f"side_{k}" for k, side in enumerate(side_colours(m))}
    words = Attribution(m)
    statuses = node_statuses(m)
    by_verdict: dict[str, list[str]] = {}
    lines = []
    for node, data in G.nodes(data=True):
        nid = ids[node]
        if data["kind"] == CLAIM:
            side = next((parties[p].side or p for p in data["parties"] if p in parties), None)
            label = mermaid_text(data["text"])
            who = short_line(words, node)
            if who:
                label += "<br/><i>" + mermaid_text(who) + "</i>"
            verdict = statuses[node].verdict
            label += f"<br/><b>{VERDICT_STYLES[verdict].tag}</b>"
            by_verdict.setdefault(verdict, []).append(nid)
            lines.append(f'  {nid}("{label}"):::{side_class.get(side or "", "side_none")}')
        else:
            src = sources.get(data["source"])
            ai = src is not None and src.is_ai_generated
            meta = " · ".join([words.quote_credit(node), data["source"]])
            label = (
                f"« {mermaid_text(shorten(data['text'], 100))} »<br/><i>{mermaid_text(meta)}"
                + (" · AI-generated" if ai else "")
                + "</i>"
            )
            lines.append(f'  {nid}>"{label}"]:::{"ai" if ai else "quote"}')
    for word in VERDICT_WORDS:
        if word in by_verdict:
            lines.append(f"  class {','.join(by_verdict[word])} {word}")
    return lines


_ARROWS = {SUPPORTS: ("---", "-->"), REBUTS: ("-.-", "-.-x")}


def _links(G: Any, ids: dict[str, str], lines: list[str]) -> tuple[list[str], list[str]]:
    """Return the links and their styles; the points on undercut relations are added to
    ``lines`` (a node must be declared before the class statement that styles it)."""
    links: list[str] = []
    styles: list[str] = []

    def link(text: str, kind: str) -> None:
        style = RELATION_STYLES[kind]
        width = {"supports": "1.5px", "rebuts": "2px"}.get(kind, f"{style.penwidth:g}px")
        styles.append(f"  linkStyle {len(links)} stroke:{style.colour},stroke-width:{width}")
        links.append(f"  {text}")

    points: list[str] = []
    for u, v, data in G.edges(data=True):
        t = data["type"]
        a, b = ids[u], ids[v]
        if t not in _ARROWS:  # a move that denies nothing
            link(f"{a} -.->|{mermaid_text(t)}| {b}", t)
        elif not data["undercut_by"]:
            link(f"{a} {_ARROWS[t][1]} {b}", t)
        else:
            p = f"p{len(points)}"
            points.append(p)
            lines.append(f"  {p}@{{ shape: sm-circ }}")
            link(f"{a} {_ARROWS[t][0]} {p}", t)
            link(f"{p} {_ARROWS[t][1]} {b}", t)
            for w in data["undercut_by"]:
                link(f"{ids[w]} -.-x|undercuts| {p}", UNDERCUTS)
    if points:
        lines.append(f"  class {','.join(points)} via")
    return links, styles


@writer("mermaid", extensions=(".mmd", ".mermaid"), description="Mermaid flowchart")
def _write(m: ArgumentMap, **_: Any) -> str:
    return to_mermaid(m)
