"""Build the DOT text of a map: the visual grammar lives here.

- claims: rounded boxes filled by the side of the party who asserts them
  (Okabe-Ito colours, distinct for colour-blind readers), text wrapped, the
  party and date on a second line; unrebutted claims get a thick border and a
  tag;
- evidence: note-shaped boxes with the quote (shortened) and its source; the
  full quote, translation and position in the tooltip; AI-generated evidence is
  dashed, grey and tagged;
- ``supports``: solid bluish-green arrows; ``rebuts``: dashed vermillion lines
  ending in a bar;
- one cluster per side, so a claim and its counterclaim face each other; a
  legend; the title on top.

The same map always gives byte-identical DOT.

Example:
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({"claims": [{"id": "a", "text": "A"}]})
    >>> print(to_dot(m, legend=False).splitlines()[0])
    digraph argmap {
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from argmap.graph import CLAIM, EVIDENCE, REBUTS, SUPPORTS, to_graph
from argmap.model import ArgumentMap, Party
from argmap.provenance import prove_quotes
from argmap.render.quoting import dot_id, dot_label, shorten, wrap

__all__ = ["PALETTE", "RANKDIRS", "side_colours", "to_dot"]

# Okabe-Ito: (border, fill tint). Fills are light so black text stays legible.
PALETTE: list[tuple[str, str]] = [
    ("#E69F00", "#FBE3B0"),  # orange
    ("#56B4E9", "#CDE8F8"),  # sky blue
    ("#009E73", "#BFE7DA"),  # bluish green
    ("#CC79A7", "#F1D9E6"),  # reddish purple
    ("#F0E442", "#FAF6C4"),  # yellow
    ("#0072B2", "#BFDBEC"),  # blue
]
NEUTRAL = ("#777777", "#EEEEEE")
SUPPORT_COLOUR = "#009E73"
REBUT_COLOUR = "#D55E00"
RANKDIRS = ("LR", "TB", "RL", "BT")


def _side(party: Party) -> str:
    return party.side or party.id


def side_colours(m: ArgumentMap) -> dict[str, tuple[str, str]]:
    """Return (border, fill) colours for each side, in the order sides first appear.

    A side named 'observers' (people who report or comment) gets the neutral grey.

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({"parties": [
        ...     {"id": "a", "name": "A", "side": "x"}, {"id": "b", "name": "B", "side": "y"}]})
        >>> side_colours(m)
        {'x': ('#E69F00', '#FBE3B0'), 'y': ('#56B4E9', '#CDE8F8')}
    """
    out: dict[str, tuple[str, str]] = {}
    k = 0
    for p in m.parties:
        side = _side(p)
        if side in out:
            continue
        if side == "observers":
            out[side] = NEUTRAL
        else:
            out[side] = PALETTE[k % len(PALETTE)]
            k += 1
    return out


def _neighbourhood(G: nx.DiGraph, focus: str, depth: int) -> set[str]:
    if focus not in G:
        raise KeyError(focus)
    return set(nx.ego_graph(G, focus, radius=depth, undirected=True).nodes)


def to_dot(
    m: ArgumentMap,
    *,
    lang: str = "en",
    claims_only: bool = False,
    focus: str | None = None,
    depth: int = 1,
    rankdir: str = "LR",
    legend: bool = True,
    title: str | None = None,
) -> str:
    """Return the map as DOT text, ready for Graphviz.

    Args:
        m: the map.
        lang: 'en' for the claims' English text, or a language such as 'fr' for their
            original wording (when the map has it); quotes are always in the original.
        claims_only: leave the evidence out.
        focus: draw only the nodes within ``depth`` links of this claim or evidence.
        depth: how far from ``focus`` to go, links followed in either direction.
        rankdir: 'LR', 'TB', 'RL' or 'BT', the direction of the layout.
        legend: draw the legend.
        title: the title on top; the map's own title by default.

    Raises:
        KeyError: ``focus`` is no node of the map.
        ValueError: a bad ``rankdir`` or ``depth``.

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({
        ...     "parties": [{"id": "ann", "name": "Ann"}],
        ...     "claims": [{"id": "a", "text": 'Say "hi"', "asserted_by": ["ann"]}]})
        >>> print(to_dot(m, legend=False).splitlines()[6][:48])
            "a" [label="Say \\"hi\\"\\n— Ann\\n✔ unrebutted"
    """
    if rankdir not in RANKDIRS:
        raise ValueError(f"rankdir must be one of {', '.join(RANKDIRS)}, not {rankdir!r}")
    if depth < 0:
        raise ValueError("depth must be 0 or more")
    G = to_graph(m)
    keep: set[str] = set(G.nodes)
    if claims_only:
        keep = {n for n in keep if G.nodes[n]["kind"] == CLAIM}
    if focus is not None:
        keep &= _neighbourhood(G.subgraph(keep) if claims_only else G, focus, depth)
    parties = m.party_by_id()
    sources = m.source_by_id()
    colours = side_colours(m)
    proofs = prove_quotes(m) if not claims_only else {}
    claims = m.claim_by_id()
    evidence = m.evidence_by_id()
    rebutted = {v for _, v, t in G.edges(data="type") if t == REBUTS}

    def side_of(node: str) -> str | None:
        data = G.nodes[node]
        for pid in data["parties"]:
            if pid in parties:
                return _side(parties[pid])
        if data["kind"] == EVIDENCE:
            # evidence sits with the first claim it bears on
            for succ in G.successors(node):
                if G.nodes[succ]["kind"] == CLAIM:
                    return side_of(succ)
        return None

    lines = [
        "digraph argmap {",
        f"  graph [rankdir={rankdir}, newrank=true, nodesep=0.35, ranksep=0.9, "
        'fontname="Helvetica", fontsize=20, labelloc=t, splines=true, '
        "outputorder=edgesfirst, pad=0.3"
        + (f", label={dot_label(title or m.title or '')}" if (title or m.title) else "")
        + "];",
        '  node [fontname="Helvetica", fontsize=12, margin="0.15,0.08"];',
        '  edge [fontname="Helvetica", fontsize=10];',
    ]
    order = [n for n in G.nodes if n in keep]
    by_side: dict[str | None, list[str]] = {}
    for node in order:
        by_side.setdefault(side_of(node), []).append(node)

    def claim_node(node: str) -> str:
        c = claims[node]
        text = c.text
        if lang != "en" and c.original is not None and c.original.lang == lang:
            text = c.original.text
        who = ", ".join(parties[p].name if p in parties else p for p in c.asserted_by)
        second = " · ".join(x for x in (who, c.date) if x)
        border, fill = colours.get(side_of(node) or "", NEUTRAL)
        label = wrap(text, 34)
        if second:
            label += f"\n— {second}"
        unrebutted = node not in rebutted
        if unrebutted:
            label += "\n✔ unrebutted"
        tooltip = text + (f"\n{who}" if who else "") + (f"\n{c.date}" if c.date else "")
        attrs = [
            f"label={dot_label(label)}",
            'shape=box, style="rounded,filled"',
            f'fillcolor="{fill}", color="{border}"',
            f"penwidth={3.5 if unrebutted else 1.5}",
            f"tooltip={dot_label(tooltip)}",
        ]
        return f"    {dot_id(node)} [{', '.join(attrs)}];"

    def evidence_node(node: str) -> str:
        ev = evidence[node]
        src = sources.get(ev.source)
        ai = src is not None and src.is_ai_generated
        proof = proofs.get(node)
        where = ev.source
        if proof is not None and proof.line is not None:
            where += f":{proof.line}:{proof.column}"
        label = wrap(f"« {shorten(ev.quote, 110)} »", 38)
        label += f"\n— {ev.source}" + (" · AI-GENERATED" if ai else "")
        tooltip = f"« {ev.quote} »"
        if ev.translation:
            tooltip += f"\n\n{ev.translation}"
        tooltip += f"\n\n{src.title if src else ev.source} ({where})"
        if ev.date:
            tooltip += f", {ev.date}"
        attrs = [
            f"label={dot_label(label)}",
            "shape=note",
            'style="filled,dashed"' if ai else "style=filled",
            'fillcolor="#F2F2F2", color="#888888", fontcolor="#444444"'
            if ai
            else 'fillcolor="#FFFFFF", color="#555555"',
            'fontsize=11, fontname="Helvetica-Oblique"',
            f"tooltip={dot_label(tooltip)}",
        ]
        return f"    {dot_id(node)} [{', '.join(attrs)}];"

    side_names = {_side(p): p.name for p in m.parties}
    for k, side in enumerate(
        sorted(
            by_side,
            key=lambda s: (s is None, list(colours).index(s) if s in colours else 99, s or ""),
        )
    ):
        nodes = by_side[side]
        if side is not None:
            border = colours.get(side, NEUTRAL)[0]
            label = _side_label(side, m, side_names)
            lines.append(f"  subgraph cluster_{k} {{")
            lines.append(
                f'    label={dot_label(label)}; fontsize=16; style="rounded,dashed"; '
                f'color="{border}"; fontcolor="#333333";'
            )
        for node in nodes:
            kind = G.nodes[node]["kind"]
            lines.append(claim_node(node) if kind == CLAIM else evidence_node(node))
        if side is not None:
            lines.append("  }")
    for u, v, t in G.edges(data="type"):
        if u not in keep or v not in keep:
            continue
        rationale = G.edges[u, v].get("rationale")
        tip = f"{u} {t} {v}" + (f": {rationale}" if rationale else "")
        if t == SUPPORTS:
            style = f'color="{SUPPORT_COLOUR}", penwidth=1.6, arrowhead=normal'
        else:
            style = f'color="{REBUT_COLOUR}", penwidth=2.4, style=dashed, arrowhead=tee'
        lines.append(f"  {dot_id(u)} -> {dot_id(v)} [{style}, tooltip={dot_label(tip)}];")
    if legend:
        lines.extend(_legend(colours, m, side_names))
    lines.append("}")
    return "\n".join(lines) + "\n"


def _side_label(side: str, m: ArgumentMap, names: dict[str, str]) -> str:
    members = [p.name for p in m.parties if _side(p) == side]
    if side == "observers":
        return "Observers and reporters"
    if len(members) == 1:
        return members[0]
    return f"{members[0]}'s side" if members else side


def _legend(
    colours: dict[str, tuple[str, str]], m: ArgumentMap, names: dict[str, str]
) -> Iterable[str]:
    # Sample nodes and edges in a cluster: plain labels, so every engine draws it.
    out = [
        "  subgraph cluster_legend {",
        '    label="Legend"; fontsize=14; style=rounded; color="#AAAAAA";',
        '    node [fontsize=10, margin="0.1,0.05"];',
    ]
    for k, (side, (border, fill)) in enumerate(colours.items()):
        out.append(
            f'    "legend side {k}" [label={dot_label("claim: " + _side_label(side, m, names))},'
            f' shape=box, style="rounded,filled", fillcolor="{fill}", color="{border}"];'
        )
    out += [
        '    "legend unrebutted" [label="claim nobody rebuts\n✔ unrebutted", shape=box, '
        'style="rounded,filled", fillcolor="#FFFFFF", penwidth=3.5];',
        '    "legend quote" [label="« quote »\n— source", shape=note, style=filled, '
        'fillcolor="#FFFFFF", color="#555555"];',
        '    "legend ai" [label="« quote »\n— source · AI-GENERATED", shape=note, '
        'style="filled,dashed", fillcolor="#F2F2F2", color="#888888", fontcolor="#444444"];',
        # invisible links lay the samples out in one row instead of a tall column
        "    "
        + " -> ".join(
            [f'"legend side {k}"' for k in range(len(colours))]
            + ['"legend unrebutted"', '"legend quote"', '"legend ai"']
        )
        + " [style=invis];",
        '    "legend a" [label="A", shape=box, style=rounded];',
        '    "legend b" [label="B", shape=box, style=rounded];',
        '    "legend c" [label="C", shape=box, style=rounded];',
        f'    "legend a" -> "legend b" [label=" supports", color="{SUPPORT_COLOUR}", '
        "penwidth=1.6, arrowhead=normal];",
        f'    "legend c" -> "legend b" [label=" rebuts", color="{REBUT_COLOUR}", '
        "penwidth=2.4, style=dashed, arrowhead=tee];",
        "  }",
    ]
    return out
