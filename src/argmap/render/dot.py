"""Build the DOT text of a map: the visual grammar lives here.

- **claims** are rounded boxes filled with the colour of the side of the party who
  asserts them (Okabe-Ito colours, told apart by colour-blind readers too); the
  text is wrapped, the party and date follow on a smaller line;
- an **unrebutted** claim (nothing in the map rebuts it) has a thick border and
  the tag UNREBUTTED;
- **evidence** is a note-shaped box with the quote in the source's language
  (shortened with … when long) and, on a smaller line, the speaker and
  ``source:line:column``; the tooltip holds the full quote, its translation, the
  source's title and the position. Quotes from an **AI-generated** source have a
  dashed border, a violet-grey fill and the tag AI-GENERATED;
- **supports** is a solid bluish-green arrow; **rebuts** a thicker dashed
  vermillion line ending in a bar: they differ in line, arrowhead and colour;
- each **side** is a cluster. The first two sides face each other: the first
  flows towards the middle from the left, the second is mirrored and flows
  towards the middle from the right, so each claim faces the counterclaims that
  rebut it across the middle. Other sides (observers) flow below;
- a **legend** and the map's **title** at the top.

Labels are HTML-like (sizes, bold, italics) for Graphviz's ``dot`` program, or
plain (same words, one size) for the embedded engine, which cannot read HTML-like
labels. The same map and options always give byte-identical DOT.

Example:
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({"claims": [{"id": "a", "text": "A"}]})
    >>> print(to_dot(m, legend=False).splitlines()[0])
    digraph argmap {
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx

from argmap.graph import CLAIM, EVIDENCE, REBUTS, SUPPORTS, to_graph
from argmap.model import ArgumentMap, Claim, Evidence, Party, Source
from argmap.provenance import QuoteProof, prove_quotes
from argmap.render.engines import RenderError
from argmap.render.quoting import (
    Span,
    dot_id,
    dot_label,
    dot_tooltip,
    html_label,
    plain_label,
    shorten,
    wrap,
)

__all__ = [
    "AI_STYLE",
    "NEUTRAL",
    "NEUTRAL_SIDES",
    "PALETTE",
    "RANKDIRS",
    "REBUT_COLOUR",
    "SUPPORT_COLOUR",
    "side_colours",
    "side_label",
    "to_dot",
]

# Okabe-Ito: (border, fill tint). Fills are light so black text stays legible.
PALETTE: list[tuple[str, str]] = [
    ("#E69F00", "#FBE3B0"),  # orange
    ("#56B4E9", "#CDE8F8"),  # sky blue
    ("#009E73", "#BFE7DA"),  # bluish green
    ("#CC79A7", "#F1D9E6"),  # reddish purple
    ("#F0E442", "#FAF6C4"),  # yellow
    ("#0072B2", "#BFDBEC"),  # blue
]
#: (border, fill) of claims by observers, and by nobody known.
NEUTRAL = ("#777777", "#E8E8E8")
#: Sides that report or comment rather than take part: grey, and drawn apart.
NEUTRAL_SIDES = frozenset({"observers", "neutral"})
SUPPORT_COLOUR = "#009E73"
REBUT_COLOUR = "#D55E00"
#: (border, fill, text) of evidence quoted from an AI-generated source.
AI_STYLE = ("#6E5C8A", "#E9E3F1", "#4B3D66")
NOTE_STYLE = ("#555555", "#FFFFFF")
META_COLOUR = "#333333"
RANKDIRS = ("LR", "TB", "RL", "BT")

CLAIM_WIDTH = 32  # characters per line of a claim
QUOTE_WIDTH = 38  # characters per line of a quote
QUOTE_LIMIT = 120  # characters of a quote shown before '…'
META_WIDTH = 46  # characters per line of the smaller lines

_SUPPORT_ATTRS = f'color="{SUPPORT_COLOUR}", penwidth=1.5'
_REBUT_ATTRS = f'color="{REBUT_COLOUR}", penwidth=2.2, style=dashed'
_CENTRE = "argmap:centre"


def _party_side(party: Party) -> str:
    return party.side or party.id


def side_colours(m: ArgumentMap) -> dict[str, tuple[str, str]]:
    """Return (border, fill) colours for each side, in the order sides first appear.

    A side named 'observers' or 'neutral' (people who report or comment) is grey.

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
        side = _party_side(p)
        if side in out:
            continue
        if side in NEUTRAL_SIDES:
            out[side] = NEUTRAL
        else:
            out[side] = PALETTE[k % len(PALETTE)]
            k += 1
    return out


def side_label(m: ArgumentMap, side: str) -> str:
    """Return the name a side is shown under: its one party's name, the first party's
    name with "'s side", or 'Observers and reporters'.

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({"parties": [
        ...     {"id": "a", "name": "Ann", "side": "x"}, {"id": "b", "name": "Bob", "side": "x"}]})
        >>> side_label(m, "x")
        "Ann's side"
    """
    if side in NEUTRAL_SIDES:
        return "Observers and reporters"
    members = [p.name for p in m.parties if _party_side(p) == side]
    if len(members) == 1:
        return members[0]
    return f"{members[0]}'s side" if members else side


@dataclass(frozen=True)
class _Context:
    """What the node builders need to know about the whole map."""

    m: ArgumentMap
    G: nx.DiGraph
    parties: dict[str, Party]
    sources: dict[str, Source]
    claims: dict[str, Claim]
    evidence: dict[str, Evidence]
    proofs: dict[str, QuoteProof]
    colours: dict[str, tuple[str, str]]
    sides: dict[str, str | None]
    rebutted: frozenset[str]
    lang: str
    html: bool
    focus: str | None

    def label(self, lines: Sequence[Sequence[Span]]) -> str:
        return html_label(lines) if self.html else plain_label(lines)

    def names(self, ids: Sequence[str]) -> str:
        return ", ".join(self.parties[p].name if p in self.parties else p for p in ids)


def _sides(
    G: nx.DiGraph, claims: dict[str, Claim], parties: dict[str, Party]
) -> dict[str, str | None]:
    """Return the side each node is drawn with.

    A claim sits with the first of its parties; evidence with the first claim it
    supports, else with its speaker, else with the first node it rebuts.
    """
    out: dict[str, str | None] = {}
    for node, data in G.nodes(data=True):
        if data["kind"] == CLAIM:
            side = None
            for pid in claims[node].asserted_by:
                if pid in parties:
                    side = _party_side(parties[pid])
                    break
            out[node] = side
    for node, data in G.nodes(data=True):
        if data["kind"] != EVIDENCE:
            continue
        targets = [v for v in G.successors(node) if G.nodes[v]["kind"] == CLAIM]
        supported = [v for v in targets if G.edges[node, v]["type"] == SUPPORTS]
        speakers = [_party_side(parties[p]) for p in data["parties"] if p in parties]
        if supported:
            out[node] = out[supported[0]]
        elif speakers:
            out[node] = speakers[0]
        elif targets:
            out[node] = out[targets[0]]
        else:
            out[node] = None
    return out


def _keep(G: nx.DiGraph, claims_only: bool, focus: str | None, depth: int) -> set[str]:
    keep: set[str] = set(G.nodes)
    if claims_only:
        keep = {n for n in keep if G.nodes[n]["kind"] == CLAIM}
    if focus is not None:
        if focus not in G:
            raise RenderError(f"focus: no claim or evidence {focus!r} in the map")
        if focus not in keep:
            raise RenderError(f"focus: {focus!r} is evidence, which --claims-only leaves out")
        sub = G.subgraph(keep)
        keep = set(
            nx.single_source_shortest_path_length(sub.to_undirected(as_view=True), focus, depth)
        )
    return keep


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
    html: bool = True,
    caption: bool = True,
) -> str:
    """Return the map as DOT text, ready for Graphviz.

    Args:
        m: the map.
        lang: the language of the claims' text: the map's own (``m.language``,
            English) or the language of the claims' ``original`` wording, such as
            'fr'; a claim without that wording keeps its own text. Quotes are always
            in the source's language, their translation in the tooltip.
        claims_only: leave the evidence out.
        focus: draw only the nodes within ``depth`` links of this claim or evidence.
        depth: how far from ``focus`` to go, following links in either direction.
        rankdir: 'LR', 'TB', 'RL' or 'BT': the way support flows towards the middle,
            where the sides meet.
        legend: draw the legend.
        title: the title on top; the map's own title by default.
        html: HTML-like labels (two type sizes, bold tags, italic quotes), which
            Graphviz's ``dot`` draws; False for plain labels, which the embedded
            WebAssembly engine needs.
        caption: draw the title and the counts on top (the HTML page has its own).

    Raises:
        RenderError: ``focus`` is no node of the map, or a bad ``rankdir`` or ``depth``.

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({
        ...     "parties": [{"id": "ann", "name": "Ann"}],
        ...     "claims": [{"id": "a", "text": 'Say "hi" & go', "asserted_by": ["ann"]}]})
        >>> dot = to_dot(m, legend=False, html=False)
        >>> print(next(ln.strip() for ln in dot.splitlines() if ln.strip().startswith('"a"'))[:51])
        "a" [label="Say \\"hi\\" &amp; go\\n— Ann\\nUNREBUTTED"
    """
    if rankdir not in RANKDIRS:
        raise RenderError(f"rankdir must be one of {', '.join(RANKDIRS)}, not {rankdir!r}")
    if depth < 0:
        raise RenderError(f"depth must be 0 or more, not {depth}")
    G = to_graph(m)
    keep = _keep(G, claims_only, focus, depth)
    parties = m.party_by_id()
    claims = m.claim_by_id()
    ctx = _Context(
        m=m,
        G=G,
        parties=parties,
        sources=m.source_by_id(),
        claims=claims,
        evidence=m.evidence_by_id(),
        proofs=prove_quotes(m) if any(G.nodes[n]["kind"] == EVIDENCE for n in keep) else {},
        colours=side_colours(m),
        sides=_sides(G, claims, parties),
        rebutted=frozenset(v for _, v, t in G.edges(data="type") if t == REBUTS),
        lang=lang,
        html=html,
        focus=focus,
    )
    order = [n for n in G.nodes if n in keep]  # map order: claims, then evidence

    # Which sides face each other: the first two (in party order) that have claims
    # here, leaving observers out. The second is mirrored.
    claim_sides = {ctx.sides[n] for n in order if G.nodes[n]["kind"] == CLAIM}
    facing = [s for s in ctx.colours if s in claim_sides and s not in NEUTRAL_SIDES][:2]
    mirrored = facing[1] if len(facing) == 2 else None
    by_side: dict[str | None, list[str]] = {}
    for node in order:
        by_side.setdefault(ctx.sides[node], []).append(node)
    side_order = sorted(
        by_side,
        key=lambda s: (
            s is None,
            facing.index(s) if s in facing else len(facing),
            list(ctx.colours).index(s) if s in ctx.colours else len(ctx.colours),
            s or "",
        ),
    )

    head = _title(ctx, title if title is not None else m.title, keep) if caption else ""
    lines = [
        "digraph argmap {",
        f"  graph [rankdir={rankdir}, newrank=true, nodesep=0.18, ranksep=0.45, "
        'splines=spline, outputorder=edgesfirst, pad=0.3, fontname="Helvetica", '
        f"labelloc=t, fontsize=14{', label=' + head if head else ''}];",
        '  node [fontname="Helvetica", fontsize=12, margin="0.12,0.06"];',
        '  edge [fontname="Helvetica", fontsize=10, arrowsize=0.9];',
    ]
    for k, side in enumerate(side_order):
        nodes = by_side[side]
        indent = "    "
        if side is not None:
            border = ctx.colours.get(side, NEUTRAL)[0]
            lines.append(f"  subgraph cluster_{k} {{")
            lines.append(
                f"    label={dot_label(side_label(m, side))}; fontsize=18; "
                f'style="rounded,dashed"; color="{border}"; penwidth=1.5; '
                'fontcolor="#222222"; margin=14;'
            )
        else:
            indent = "  "
        for node in nodes:
            build = _claim_node if G.nodes[node]["kind"] == CLAIM else _evidence_node
            lines.append(indent + build(ctx, node))
        if side is not None:
            lines.append("  }")

    for u, v, t in G.edges(data="type"):
        if u not in keep or v not in keep:
            continue
        rationale = G.edges[u, v].get("rationale")
        tip = f"{u} {t} {v}" + (f": {rationale}" if rationale else "")
        head_ = "normal" if t == SUPPORTS else "tee"
        style = _SUPPORT_ATTRS if t == SUPPORTS else _REBUT_ATTRS
        if mirrored is not None and ctx.sides[u] == mirrored:
            # Mirrored side: lay the edge out from v to u, draw the arrow at u's end
            # pointing at v, so this side's support flows towards the middle.
            edge = f"{dot_id(v)} -> {dot_id(u)} [dir=back, arrowtail={head_}"
        else:
            edge = f"{dot_id(u)} -> {dot_id(v)} [arrowhead={head_}"
        lines.append(f"  {edge}, {style}, tooltip={dot_tooltip(tip)}];")

    if mirrored is not None:
        for side in facing:
            inner = _inner_claims(ctx, order, side)
            if inner:
                lines.append("  {rank=same; " + "; ".join(dot_id(n) for n in inner) + ";}")
        # An invisible middle column: every claim of the first side lies before it,
        # every claim of the second after it, so the two sides face each other.
        lines.append(
            f'  {dot_id(_CENTRE)} [shape=point, style=invis, width=0, height=0, label=""];'
        )
        for node in order:
            if G.nodes[node]["kind"] != CLAIM:
                continue
            if ctx.sides[node] == facing[0]:
                lines.append(f"  {dot_id(node)} -> {dot_id(_CENTRE)} [style=invis];")
            elif ctx.sides[node] == mirrored:
                lines.append(f"  {dot_id(_CENTRE)} -> {dot_id(node)} [style=invis];")
    if legend:
        lines.extend(_legend(ctx, [s for s in side_order if s is not None], claims_only))
    lines.append("}")
    return "\n".join(lines) + "\n"


def _inner_claims(ctx: _Context, order: list[str], side: str) -> list[str]:
    """Return the claims of a facing side drawn in its innermost column, next to the
    middle: those linked to another side, and those that support no claim of their own."""
    G = ctx.G
    nodes = set(order)
    out = []
    for n in order:
        if G.nodes[n]["kind"] != CLAIM or ctx.sides[n] != side:
            continue
        linked = [v for v in (*G.successors(n), *G.predecessors(n)) if v in nodes]
        across = any(G.nodes[v]["kind"] == CLAIM and ctx.sides[v] != side for v in linked)
        supports_own = any(
            G.nodes[v]["kind"] == CLAIM
            and ctx.sides[v] == side
            and G.edges[n, v]["type"] == SUPPORTS
            for v in G.successors(n)
            if v in nodes
        )
        if across or not supports_own:
            out.append(n)
    return out


def _join(parts: list[str]) -> str:
    """Return tooltip parts one a line, each part's own line ends made LF first."""
    return "\n".join(p.replace("\r\n", "\n").replace("\r", "\n") for p in parts)


def _title(ctx: _Context, title: str | None, keep: set[str]) -> str:
    n_claims = sum(1 for n in keep if ctx.G.nodes[n]["kind"] == CLAIM)
    n_quotes = len(keep) - n_claims
    counts = f"{n_claims} claim{'s' * (n_claims != 1)}"
    if n_quotes:
        n_sources = len(
            {ctx.G.nodes[n]["source"] for n in keep if ctx.G.nodes[n]["kind"] == EVIDENCE}
        )
        counts += (
            f", {n_quotes} quote{'s' * (n_quotes != 1)} from {n_sources} "
            f"source{'s' * (n_sources != 1)}"
        )
    if ctx.focus is not None:
        counts += f" around {ctx.focus}"
    lines: list[list[Span]] = []
    if title:
        lines.append([Span(title, size=26, bold=True)])
    lines.append(
        [
            Span(
                counts + " (in the SVG, hover over a box for its full text and translation)",
                size=13,
                colour=META_COLOUR,
            )
        ]
    )
    return ctx.label(lines)


def _claim_text(ctx: _Context, claim: Claim) -> str:
    if (
        ctx.lang != ctx.m.language
        and claim.original is not None
        and claim.original.lang == ctx.lang
    ):
        return claim.original.text
    return claim.text


def _claim_node(ctx: _Context, node: str) -> str:
    c = ctx.claims[node]
    text = _claim_text(ctx, c)
    who = ctx.names(c.asserted_by)
    meta = " · ".join(x for x in (who, c.date) if x)
    unrebutted = node not in ctx.rebutted
    lines: list[list[Span]] = [[Span(line)] for line in wrap(text, CLAIM_WIDTH)]
    if meta:
        lines += [
            [Span(line, size=10, colour=META_COLOUR)] for line in wrap(f"— {meta}", META_WIDTH)
        ]
    if unrebutted:
        lines.append([Span("UNREBUTTED", size=9, bold=True)])
    tip = [c.text]
    if c.original is not None and c.original.text != c.text:
        tip.append(f"({c.original.lang}) {c.original.text}")
    if meta:
        tip.append(f"Asserted by {meta}")
    n_rebuttals = sum(1 for p in ctx.G.predecessors(node) if ctx.G.edges[p, node]["type"] == REBUTS)
    tip.append(
        "Nothing in the map rebuts it."
        if unrebutted
        else f"Rebutted by {n_rebuttals} node{'s' * (n_rebuttals != 1)} of the map."
    )
    tip.append(f"[{node}]")
    border, fill = ctx.colours.get(ctx.sides[node] or "", NEUTRAL)
    attrs = [
        f"label={ctx.label(lines)}",
        'shape=box, style="rounded,filled"',
        f'fillcolor="{fill}", color="{border}"',
        f"penwidth={3.5 if unrebutted else 1.2}",
    ]
    if node == ctx.focus:
        attrs.append("peripheries=2")
    attrs.append(f"tooltip={dot_tooltip(_join(tip))}")
    return f"{dot_id(node)} [{', '.join(attrs)}];"


def _evidence_node(ctx: _Context, node: str) -> str:
    ev = ctx.evidence[node]
    src = ctx.sources.get(ev.source)
    ai = src is not None and src.is_ai_generated
    proof = ctx.proofs.get(node)
    where = ev.source
    if proof is not None and proof.line is not None:
        where += f":{proof.line}:{proof.column}"
    who = ctx.names(ev.speaker)
    lines: list[list[Span]] = []
    if ai:
        lines.append([Span("AI-GENERATED", size=9, bold=True, colour=AI_STYLE[2])])
    # The guillemets hold on to the words beside them, as in French typesetting.
    quote = wrap(shorten(ev.quote, QUOTE_LIMIT), QUOTE_WIDTH)
    quote[0] = f"«\u00a0{quote[0]}"
    quote[-1] = f"{quote[-1]}\u00a0»"
    lines += [[Span(line, italic=True)] for line in quote]
    meta = " · ".join(x for x in (who, where) if x)
    lines += [[Span(line, size=9, colour=META_COLOUR)] for line in wrap(f"— {meta}", META_WIDTH)]

    tip = [f"« {ev.quote} »"]
    if ev.translation:
        tip.append(f"English: {ev.translation}")
    if who:
        tip.append(f"Said by {who}" + (f", {ev.date}" if ev.date else ""))
    elif ev.date:
        tip.append(f"Date: {ev.date}")
    if src is not None:
        kind = f"AI-generated by {src.generator}" if ai and src.generator else src.kind.value
        tip.append(f"Source: {src.title} ({kind})")
    if proof is not None and proof.line is not None:
        tip.append(f"At line {proof.line}, column {proof.column} of {ev.source}")
    elif proof is not None and proof.match is not None:
        tip.append(f"Not found in {ev.source}: run argmap check")
    tip.append(f"[{node}]")
    border, fill = (AI_STYLE[0], AI_STYLE[1]) if ai else NOTE_STYLE
    attrs = [
        f"label={ctx.label(lines)}",
        "shape=note",
        'style="filled,dashed"' if ai else "style=filled",
        f'fillcolor="{fill}", color="{border}"',
        "fontsize=11",
    ]
    if not ctx.html:
        attrs.append('fontname="Helvetica-Oblique"')
    if ai:
        attrs.append("penwidth=1.4")
    if node == ctx.focus:
        attrs.append("peripheries=2")
    attrs.append(f"tooltip={dot_tooltip(_join(tip))}")
    return f"{dot_id(node)} [{', '.join(attrs)}];"


def _legend(ctx: _Context, sides: list[str], claims_only: bool) -> list[str]:
    """Return the legend: sample nodes and edges in a cluster, so every engine draws it."""

    def node(name: str, lines: list[list[Span]], attrs: str) -> str:
        return f"    {dot_id('argmap:legend:' + name)} [label={ctx.label(lines)}, {attrs}];"

    def ref(name: str) -> str:
        return dot_id("argmap:legend:" + name)

    out = [
        "  subgraph cluster_legend {",
        '    label="How to read this map"; fontsize=16; style=rounded; color="#999999"; '
        'fontcolor="#222222"; margin=12;',
        '    node [fontsize=10, margin="0.1,0.04", tooltip="legend"];',
        '    edge [tooltip="legend", fontsize=11];',
    ]
    names: list[str] = []
    for k, side in enumerate(sides):
        border, fill = ctx.colours.get(side, NEUTRAL)
        names.append(f"side{k}")
        out.append(
            node(
                f"side{k}",
                [[Span("claim by")], [Span(side_label(ctx.m, side), bold=True)]],
                f'shape=box, style="rounded,filled", fillcolor="{fill}", color="{border}"',
            )
        )
    names.append("unrebutted")
    out.append(
        node(
            "unrebutted",
            [
                [Span("claim that nothing")],
                [Span("in the map rebuts")],
                [Span("UNREBUTTED", size=9, bold=True)],
            ],
            'shape=box, style="rounded,filled", fillcolor="#FFFFFF", penwidth=3.5',
        )
    )
    if not claims_only:
        names += ["quote", "ai"]
        out.append(
            node(
                "quote",
                [
                    [Span("« quote, in the original »", italic=True)],
                    [Span("— speaker · source:line:column", size=9)],
                ],
                f'shape=note, style=filled, fillcolor="{NOTE_STYLE[1]}", color="{NOTE_STYLE[0]}"',
            )
        )
        out.append(
            node(
                "ai",
                [
                    [Span("AI-GENERATED", size=9, bold=True, colour=AI_STYLE[2])],
                    [Span("« quote from an AI-generated text »", italic=True)],
                ],
                f'shape=note, style="filled,dashed", fillcolor="{AI_STYLE[1]}", '
                f'color="{AI_STYLE[0]}", penwidth=1.4',
            )
        )
    plain = 'shape=box, style=rounded, color="#777777"'
    out += [
        node("a", [[Span("quote or claim")]], plain),
        node("b", [[Span("claim")]], plain),
        node("c", [[Span("claim")]], plain),
        node("d", [[Span("claim")]], plain),
        f'    {ref("a")} -> {ref("b")} [label="supports", arrowhead=normal, {_SUPPORT_ATTRS}];',
        f'    {ref("c")} -> {ref("d")} [label="rebuts", arrowhead=tee, {_REBUT_ATTRS}];',
        # the node samples in one column, the edge samples across the next
        "    {rank=same; " + "; ".join(ref(n) for n in [*names, "a", "c"]) + ";}",
        "  }",
    ]
    return out
