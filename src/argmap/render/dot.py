"""Build the DOT text of a map: the visual grammar lives here (its colours and line
styles in :mod:`argmap.render.style`).

- **claims** are rounded boxes filled with the colour of the side of the party who
  asserts them; the text is wrapped, and a smaller line says who asserts it and how
  surely ("— Elon Musk · reportedly · 2024-03"). The box shows the claim's verdict
  (:func:`argmap.status.node_statuses`) in a word, HOLDS, ANSWERED, CONTESTED or
  UNSUPPORTED: a claim that holds has a thick border, an unsupported one a dashed
  border. The tooltip holds the claim as a reader should take it ("According to X
  (reportedly): ..."), its original wording, the verdict with its reason, and the
  questions it answers;
- **evidence** is a note-shaped box with the quote in the source's language
  (shortened with … when long) and, on a smaller line, its credit (who reports it,
  whose words it conveys, the hedge, "translated") and ``source:line:column``. Quotes
  from an **AI-generated** source have a dashed border, a violet-grey fill and the tag
  AI-GENERATED;
- **supports** is a solid bluish-green arrow; **rebuts** a thicker dashed vermillion
  line ending in a bar; an **undercut** aims at a relation, so that relation is drawn
  through a small purple point and the undercut, dashed purple and labelled
  "undercuts", ends in a bar at that point; **moves that deny nothing**
  (counter-accuses, insults, contrasts) are dotted grey lines with an open arrowhead,
  labelled with their type. A relation's scheme, rationale and id are in its tooltip;
- each **side** is a cluster. The first two sides face each other: the first flows
  towards the middle from the left, the second is mirrored and flows towards the
  middle from the right, so each claim faces the counterclaims that rebut it across
  the middle. Other sides (observers) flow below;
- a **legend** of the symbols the picture uses, and the map's **title**, at the top.

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

import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

import networkx as nx

from argmap._bulk import gc_paused
from argmap.attribution import Attribution
from argmap.graph import CLAIM, EVIDENCE, REBUTS, SUPPORTS, UNDERCUTS, to_graph
from argmap.model import (
    MOVES,
    ArgumentMap,
    Claim,
    Evidence,
    Party,
    Question,
    Relation,
    RelationType,
    Source,
)
from argmap.provenance import QuoteProof, prove_quotes
from argmap.render.engines import RenderError
from argmap.render.quoting import (
    Span,
    dot_id,
    dot_label,
    dot_quote,
    dot_tooltip,
    html_label,
    plain_label,
    shorten,
    styled_label,
    wrap,
)
from argmap.render.style import (
    AI_STYLE,
    META_COLOUR,
    NEUTRAL,
    NEUTRAL_SIDES,
    NOTE_STYLE,
    PALETTE,
    REBUT_COLOUR,
    RELATION_STYLES,
    SUPPORT_COLOUR,
    UNDERCUT_COLOUR,
    UNDERCUT_ID,
    VERDICT_MEANINGS,
    VERDICT_STYLES,
    VERDICT_WORDS,
    RelationStyle,
    short_line,
    side_colours,
    side_label,
    via_node,
)
from argmap.status import ClaimStatus, node_statuses

__all__ = [
    "AI_STYLE",
    "NEUTRAL",
    "NEUTRAL_SIDES",
    "PALETTE",
    "RANKDIRS",
    "REBUT_COLOUR",
    "SUPPORT_COLOUR",
    "iter_dot",
    "node_sides",
    "side_colours",
    "side_label",
    "to_dot",
]

RANKDIRS = ("LR", "TB", "RL", "BT")

CLAIM_WIDTH = 32  # characters per line of a claim
QUOTE_WIDTH = 38  # characters per line of a quote
QUOTE_LIMIT = 120  # characters of a quote shown before '…'
META_WIDTH = 46  # characters per line of the smaller lines

_CENTRE = "argmap:centre"
_LEGEND = "argmap:legend:"

# The styles of the lines of a box (their spans' own text is not used).
_TEXT = Span("")
_CLAIM_META = Span("", size=10, colour=META_COLOUR)
_QUOTE = Span("", italic=True)
_QUOTE_META = Span("", size=9, colour=META_COLOUR)
_AI_TAG = Span("AI-GENERATED", size=9, bold=True, colour=AI_STYLE[2])


def _party_side(party: Party) -> str:
    return party.side or party.id


@dataclass(frozen=True)
class _Context:
    """What the node and edge builders need to know about the whole map."""

    m: ArgumentMap
    G: nx.DiGraph
    kinds: dict[str, str]  # each node's kind, CLAIM or EVIDENCE
    words: Attribution
    statuses: dict[str, ClaimStatus]
    parties: dict[str, Party]
    sources: dict[str, Source]
    claims: dict[str, Claim]
    evidence: dict[str, Evidence]
    proofs: dict[str, QuoteProof]
    questions: dict[str, Question]
    colours: dict[str, tuple[str, str]]
    sides: dict[str, str | None]
    undercuts: dict[tuple[str, str, str], Relation]
    cut: dict[tuple[str, str], list[str]]  # the drawn nodes that undercut each relation
    keep: frozenset[str]
    lang: str
    html: bool
    focus: str | None
    question: str | None = None
    groups: dict[str, int] = field(default_factory=dict)
    mirrored: frozenset[tuple[int | None, str]] = frozenset()
    #: The lines under claims, wrapped once each (many claims share one).
    metas: dict[str, list[str]] = field(default_factory=dict)

    def cell(self, node: str) -> tuple[int | None, str | None]:
        """The question group and the side a node is drawn in."""
        return self.groups.get(node), self.sides[node]

    def flipped(self, node: str) -> bool:
        """Whether a line from this node is laid out backwards (a mirrored side)."""
        side = self.sides[node]
        return side is not None and (self.groups.get(node), side) in self.mirrored

    def label(self, lines: Sequence[Sequence[Span]]) -> str:
        return html_label(lines) if self.html else plain_label(lines)

    def claim_meta(self, meta: str) -> list[str]:
        """The line under a claim, wrapped (once for all the claims that share it)."""
        lines = self.metas.get(meta)
        if lines is None:
            lines = self.metas[meta] = wrap(meta, META_WIDTH)
        return lines

    def names(self, ids: Sequence[str]) -> str:
        return ", ".join(self.parties[p].name if p in self.parties else p for p in ids)

    def cutters(self, u: str, v: str) -> list[str]:
        """The drawn nodes that undercut the relation from u to v."""
        return self.cut.get((u, v)) or []


def node_sides(
    G: nx.DiGraph, claims: dict[str, Claim], parties: dict[str, Party]
) -> dict[str, str | None]:
    """Return the side each node is drawn with.

    A claim sits with the first of its parties; evidence with the first claim it
    supports, else with its speaker, else with the first node it bears on.
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


def _keep(
    G: nx.DiGraph, claims_only: bool, focus: str | None, depth: int, only: set[str] | None
) -> set[str]:
    """Return the nodes to draw (of ``only``, when given). Around a focus, an undercut
    counts as a link from the undercutting node to both ends of the relation it aims at."""
    keep: set[str] = set(G.nodes) if only is None else only & set(G.nodes)
    if claims_only:
        keep = {n for n in keep if G.nodes[n]["kind"] == CLAIM}
    if focus is not None:
        if focus not in G:
            raise RenderError(f"focus: no claim or evidence {focus!r} in the map")
        if focus not in keep:
            raise RenderError(f"focus: {focus!r} is evidence, which --claims-only leaves out")
        near = nx.Graph(G.subgraph(keep))
        for u, v, cutters in G.edges(data="undercut_by"):
            near.add_edges_from((w, end) for w in cutters for end in (u, v) if w in keep)
        keep = set(nx.single_source_shortest_path_length(near, focus, depth))
    return keep


def _undercut_relations(m: ArgumentMap, G: nx.DiGraph) -> dict[tuple[str, str, str], Relation]:
    """Return each drawn undercut's relation, keyed by (undercutting node, tail, head) of
    the relation it aims at (for its scheme and rationale)."""
    by_id: dict[str, tuple[str, str]] = {}
    for u, v, rid in G.edges(data="id"):
        if rid is not None:
            by_id.setdefault(rid, (u, v))
    out: dict[tuple[str, str, str], Relation] = {}
    for rel in m.relations:
        if rel.type is RelationType.UNDERCUTS and rel.target in by_id:
            out.setdefault((rel.source, *by_id[rel.target]), rel)
    return out


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
    question: str | None = None,
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
        question: draw only this question's claims and quotes
            (:func:`argmap.questions.question_nodes`), titled with the question.
            Without it and without ``focus``, the whole map is grouped by question,
            each question's sides facing each other within its group.

    Raises:
        RenderError: ``focus`` or ``question`` is not in the map, or a bad
            ``rankdir`` or ``depth``.

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({
        ...     "parties": [{"id": "ann", "name": "Ann"}],
        ...     "claims": [{"id": "a", "text": 'Say "hi" & go', "asserted_by": ["ann"]}]})
        >>> dot = to_dot(m, legend=False, html=False)
        >>> print(next(ln.strip() for ln in dot.splitlines() if ln.strip().startswith('"a"'))[:52])
        "a" [label="Say \\"hi\\" &amp; go\\n— Ann\\nUNSUPPORTED"
    """
    with gc_paused():  # the text's lines hold no cycles for the collector to look for
        return "".join(
            iter_dot(
                m,
                lang=lang,
                claims_only=claims_only,
                focus=focus,
                depth=depth,
                rankdir=rankdir,
                legend=legend,
                title=title,
                html=html,
                caption=caption,
                question=question,
            )
        )


def iter_dot(
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
    question: str | None = None,
) -> Iterator[str]:
    """Return the text :func:`to_dot` returns, with the same options, as an iterator over
    its lines (each with its line end), made one after the other: the text of a map of
    a hundred thousand claims need never be held whole.

    Raises:
        RenderError: as :func:`to_dot`, at once (before the first line).

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({"claims": [{"id": "a", "text": "A"}]})
        >>> lines = iter_dot(m, legend=False)
        >>> next(lines)
        'digraph argmap {\\n'
        >>> "digraph argmap {\\n" + "".join(lines) == to_dot(m, legend=False)
        True
    """
    if rankdir not in RANKDIRS:
        raise RenderError(f"rankdir must be one of {', '.join(RANKDIRS)}, not {rankdir!r}")
    if depth < 0:
        raise RenderError(f"depth must be 0 or more, not {depth}")
    ctx = _context(m, lang, claims_only, focus, depth, html, question)
    order = [n for n in ctx.G.nodes if n in ctx.keep]  # map order: claims, then evidence

    # In each group, which sides face each other: the first two (in party order) that
    # have claims there, leaving observers out. The second is mirrored.
    cells: dict[tuple[int | None, str | None], list[str]] = {}
    in_group: dict[int | None, list[str]] = {}
    for node in order:
        cells.setdefault(ctx.cell(node), []).append(node)
        in_group.setdefault(ctx.groups.get(node), []).append(node)
    facing: dict[int | None, list[str]] = {}
    for g in dict.fromkeys(g for g, _ in cells):
        sides = {ctx.sides[n] for n in in_group[g] if _is_claim(ctx, n)}
        facing[g] = [s for s in ctx.colours if s in sides and s not in NEUTRAL_SIDES][:2]
    ctx = replace(
        ctx,
        mirrored=frozenset((g, f[1]) for g, f in facing.items() if len(f) == 2),
    )
    side_order = list(ctx.colours)

    def cell_key(c: tuple[int | None, str | None]) -> tuple[int, bool, int, int, str]:
        g, s = c
        face = facing[g]
        return (
            len(m.questions) if g is None else g,
            s is None,
            face.index(s) if s in face else len(face),
            side_order.index(s) if s in ctx.colours else len(side_order),
            s or "",
        )

    cell_order = sorted(cells, key=cell_key)
    legend_sides = list(dict.fromkeys(s for _, s in cell_order if s is not None))
    if question is not None and title is None and caption:
        asked = ctx.questions.get(question)
        title = asked.text if asked is not None else question
    head = _title(ctx, title if title is not None else m.title) if caption else ""
    parts: list[Iterable[str]] = [_clusters(ctx, cell_order, cells), _edges(ctx, order)]
    parts += [_facing(ctx, in_group[g], face, g) for g, face in facing.items() if len(face) == 2]
    if legend:
        parts.append(_legend(ctx, legend_sides, order))
    return _lines(rankdir, head, parts)


def _lines(rankdir: str, head: str, parts: list[Iterable[str]]) -> Iterator[str]:
    """Yield the graph's lines: its attributes, then the lines of ``parts``."""
    yield "digraph argmap {\n"
    yield (
        f"  graph [rankdir={rankdir}, newrank=true, nodesep=0.18, ranksep=0.45, "
        'splines=spline, outputorder=edgesfirst, pad=0.3, fontname="Helvetica", '
        f"labelloc=t, fontsize=14{', label=' + head if head else ''}];\n"
    )
    yield '  node [fontname="Helvetica", fontsize=12, margin="0.12,0.06"];\n'
    yield '  edge [fontname="Helvetica", fontsize=10, arrowsize=0.9];\n'
    for part in parts:
        for line in part:
            yield line + "\n"
    yield "}\n"


def _context(
    m: ArgumentMap,
    lang: str,
    claims_only: bool,
    focus: str | None,
    depth: int,
    html: bool,
    question: str | None,
) -> _Context:
    """Return what the builders need to know of the map, for the nodes to draw."""
    # Imported here: argmap.questions draws on this package for the sides' colours.
    from argmap.questions import all_question_nodes, question_nodes

    G = to_graph(m)
    only = None
    if question is not None:
        try:
            only = set(question_nodes(m, question))
        except KeyError:
            raise RenderError(f"question: no question {question!r} in the map") from None
    keep = _keep(G, claims_only, focus, depth, only)
    parties = m.party_by_id()
    claims = m.claim_by_id()
    groups: dict[str, int] = {}
    if question is None and focus is None and m.questions:
        shown = all_question_nodes(m)
        for k, q in enumerate(m.questions):
            for n in shown[q.id]:
                if n in keep:
                    groups.setdefault(n, k)
    return _Context(
        m=m,
        G=G,
        kinds=dict(G.nodes(data="kind")),
        words=Attribution(m),
        statuses=node_statuses(m),
        parties=parties,
        sources=m.source_by_id(),
        claims=claims,
        evidence=m.evidence_by_id(),
        proofs=prove_quotes(m) if any(G.nodes[n]["kind"] == EVIDENCE for n in keep) else {},
        questions=m.question_by_id(),
        colours=side_colours(m),
        sides=node_sides(G, claims, parties),
        undercuts=_undercut_relations(m, G),
        cut={
            (u, v): [w for w in cutters if w in keep]
            for u, v, cutters in G.edges(data="undercut_by")
            if cutters
        },
        keep=frozenset(keep),
        lang=lang,
        html=html,
        focus=focus,
        question=question,
        groups=groups,
    )


def _is_claim(ctx: _Context, node: str) -> bool:
    return ctx.kinds[node] == CLAIM


def _clusters(
    ctx: _Context,
    cell_order: list[tuple[int | None, str | None]],
    cells: dict[tuple[int | None, str | None], list[str]],
) -> Iterator[str]:
    """Yield the nodes, one cluster per side within one cluster per question, each
    with the points of the undercut relations that run within it."""
    points: dict[tuple[int | None, str | None], list[str]] = {}
    for u, v in ctx.G.edges:
        if u in ctx.keep and v in ctx.keep and ctx.cutters(u, v):
            cell = ctx.cell(u) if ctx.cell(u) == ctx.cell(v) else (None, None)
            points.setdefault(cell, []).append(_point(ctx, u, v))
    open_group: int | None = None
    for k, cell in enumerate(cell_order):
        group, side = cell
        if group != open_group:
            if open_group is not None:
                yield "  }"
            open_group = group
            if group is not None:
                yield f"  subgraph cluster_q{group} {{"
                yield (
                    f"    label={_question_label(ctx, group)}; fontsize=20; style=rounded; "
                    'color="#444444"; penwidth=2; fontcolor="#111111"; margin=18; '
                    "labeljust=l;"
                )
        pad = "  " if group is not None else ""
        indent = pad + ("    " if side is not None else "  ")
        if side is not None:
            border = ctx.colours.get(side, NEUTRAL)[0]
            yield f"{pad}  subgraph cluster_{k} {{"
            yield (
                f"{pad}    label={dot_label(side_label(ctx.m, side))}; fontsize=16; "
                f'style="rounded,dashed"; color="{border}"; penwidth=1.5; '
                'fontcolor="#222222"; margin=12; labeljust=c;'
            )
        for node in cells[cell]:
            build = _claim_node if _is_claim(ctx, node) else _evidence_node
            yield indent + build(ctx, node)
        for p in points.pop(cell, []):
            yield indent + p
        if side is not None:
            yield f"{pad}  }}"
    if open_group is not None:
        yield "  }"
    for ps in points.values():
        for p in ps:
            yield "  " + p


def _question_label(ctx: _Context, group: int) -> str:
    q = ctx.m.questions[group]
    text = q.text
    if ctx.lang != ctx.m.language and q.original is not None and q.original.lang == ctx.lang:
        text = q.original.text
    return dot_label("\n".join(wrap(text, 70)))


def _point(ctx: _Context, u: str, v: str) -> str:
    """Return the point drawn on the undercut relation from u to v."""
    t = ctx.G.edges[u, v]["type"]
    tip = f"{u} {t} {v}, undercut by {', '.join(ctx.cutters(u, v))}"
    return (
        f"{dot_id(via_node(u, v))} [shape=point, width=0.11, height=0.11, "
        f'color="{UNDERCUT_COLOUR}", label="", tooltip={dot_tooltip(tip)}];'
    )


def _line(
    tail: str,
    head: str,
    style: RelationStyle,
    tip: str,
    *,
    flip: bool,
    arrow: str | None = None,
    label: str | None = None,
    ident: str | None = None,
) -> str:
    """Return one drawn line from tail to head. A flipped line (a mirrored side) is laid
    out from head to tail with the arrow drawn at the tail's end pointing at head, so
    that side's support flows towards the middle. ``ident`` becomes the SVG id of the
    line's group."""
    arrow = style.arrowhead if arrow is None else arrow
    attrs = f'color="{style.colour}", penwidth={style.penwidth:g}'
    if style.line != "solid":
        attrs += f", style={style.line}"
    if label:
        attrs += f', label={dot_label(label)}, fontcolor="{style.colour}"'
    if ident:
        attrs += f", id={dot_quote(ident)}"
    if flip:
        edge = f"{dot_id(head)} -> {dot_id(tail)} [dir=back, arrowtail={arrow}"
    else:
        edge = f"{dot_id(tail)} -> {dot_id(head)} [arrowhead={arrow}"
    return f"  {edge}, {attrs}, tooltip={dot_tooltip(tip)}];"


def _relation_tip(head_line: str, rel_id: str | None, scheme: str | None, note: str) -> str:
    parts = [head_line]
    if scheme:
        parts.append(f"Scheme: {scheme}")
    if note:
        parts.append(note)
    if rel_id:
        parts.append(f"[{rel_id}]")
    return _join(parts)


def _mutual(ctx: _Context, u: str, v: str) -> bool:
    """Whether u and v rebut each other, both drawn and neither relation undercut: the
    two are drawn as one line with a bar at each end."""
    G = ctx.G
    return (
        G.edges[u, v]["type"] == REBUTS
        and G.has_edge(v, u)
        and G.edges[v, u]["type"] == REBUTS
        and u in ctx.keep
        and v in ctx.keep
        and not ctx.cutters(u, v)
        and not ctx.cutters(v, u)
    )


def _edges(ctx: _Context, order: list[str]) -> Iterator[str]:
    """Yield every drawn relation: plain lines, one line for two claims that rebut each
    other, undercut relations split at their point, the undercuts aimed at those points,
    and the moves that deny nothing."""
    G = ctx.G
    position = {n: k for k, n in enumerate(order)}
    for u, v, data in G.edges(data=True):
        if u not in ctx.keep or v not in ctx.keep:
            continue
        t = data["type"]
        if _mutual(ctx, u, v):
            if position[u] < position[v]:
                yield _mutual_line(ctx, u, v)
            continue
        style = RELATION_STYLES[t]
        rationale = data.get("rationale")
        cutters = ctx.cutters(u, v)
        note = ""
        if RelationType(t) in MOVES:
            note = "A move that denies nothing: drawn, not counted in verdicts."
        if cutters:
            note = f"Undercut by {', '.join(cutters)}."
        tip = _relation_tip(
            f"{u} {t} {v}" + (f": {rationale}" if rationale else ""),
            data["id"],
            data["scheme"],
            note,
        )
        flip = ctx.flipped(u)
        if not cutters:
            yield _line(u, v, style, tip, flip=flip, label=style.label)
            continue
        point = via_node(u, v)
        yield _line(u, point, style, tip, flip=flip, arrow="none")
        yield _line(point, v, style, tip, flip=flip)
        for w in cutters:
            rel = ctx.undercuts.get((w, u, v))
            why = rel.rationale if rel is not None and rel.rationale else ""
            cut_tip = _relation_tip(
                f"{w} undercuts {u} {t} {v}" + (f": {why}" if why else ""),
                rel.id if rel is not None else None,
                rel.scheme if rel is not None else None,
                "It does not deny the target: it says this relation does not show it.",
            )
            cut = RELATION_STYLES[UNDERCUTS]
            flip_w = ctx.flipped(w)
            yield _line(
                w,
                point,
                cut,
                cut_tip,
                flip=flip_w,
                label=cut.label,
                ident=f"{UNDERCUT_ID}{w}:{u}:{v}",
            )


def _mutual_line(ctx: _Context, u: str, v: str) -> str:
    """Return the one line drawn for two claims that rebut each other."""
    style = RELATION_STYLES[REBUTS]
    parts = []
    for a, b in ((u, v), (v, u)):
        data = ctx.G.edges[a, b]
        why = data.get("rationale")
        parts.append(f"{a} rebuts {b}" + (f": {why}" if why else ""))
        if data["scheme"]:
            parts.append(f"Scheme: {data['scheme']}")
        if data["id"]:
            parts.append(f"[{data['id']}]")
    tail, head = (v, u) if ctx.flipped(u) else (u, v)
    dash = f", style={style.line}" if style.line != "solid" else ""
    return (
        f"  {dot_id(tail)} -> {dot_id(head)} [dir=both, arrowhead={style.arrowhead}, "
        f'arrowtail={style.arrowhead}, color="{style.colour}", penwidth={style.penwidth:g}'
        f"{dash}, tooltip={dot_tooltip(_join(['They rebut each other.', *parts]))}];"
    )


def _facing(ctx: _Context, order: list[str], facing: list[str], group: int | None) -> Iterator[str]:
    """Yield the layout hints that make a group's first two sides face each other: their
    innermost claims in one column each, and an invisible middle column that every claim
    of the first side lies before and every claim of the second after."""
    for side in facing:
        inner = _inner_claims(ctx, order, side)
        if inner:
            yield "  {rank=same; " + "; ".join(dot_id(n) for n in inner) + ";}"
    centre = dot_id(_CENTRE if group is None else f"{_CENTRE}:{group}")
    yield f'  {centre} [shape=point, style=invis, width=0, height=0, label=""];'
    for node in order:
        if ctx.kinds[node] != CLAIM:
            continue
        if ctx.sides[node] == facing[0]:
            yield f"  {dot_id(node)} -> {centre} [style=invis];"
        elif ctx.sides[node] == facing[1]:
            yield f"  {centre} -> {dot_id(node)} [style=invis];"


def _inner_claims(ctx: _Context, order: list[str], side: str) -> list[str]:
    """Return the claims of a facing side drawn in its innermost column, next to the
    middle: those linked to another side, and those that support no claim of their own."""
    G = ctx.G
    nodes = set(order)
    out = []
    for n in order:
        if ctx.kinds[n] != CLAIM or ctx.sides[n] != side:
            continue
        linked = [v for v in (*G.successors(n), *G.predecessors(n)) if v in nodes]
        across = any(ctx.kinds[v] == CLAIM and ctx.sides[v] != side for v in linked)
        supports_own = any(
            ctx.kinds[v] == CLAIM and ctx.sides[v] == side and G.edges[n, v]["type"] == SUPPORTS
            for v in G.successors(n)
            if v in nodes
        )
        if across or not supports_own:
            out.append(n)
    return out


def _join(parts: list[str]) -> str:
    """Return tooltip parts one a line, each part's own line ends made LF first."""
    text = "\n".join(parts)
    if "\r" not in text:
        return text
    return "\n".join(p.replace("\r\n", "\n").replace("\r", "\n") for p in parts)


def _title(ctx: _Context, title: str | None) -> str:
    keep = ctx.keep
    n_claims = sum(1 for n in keep if ctx.kinds[n] == CLAIM)
    n_quotes = len(keep) - n_claims
    counts = f"{n_claims} claim{'s' * (n_claims != 1)}"
    if n_quotes:
        n_sources = len({ctx.G.nodes[n]["source"] for n in keep if ctx.kinds[n] == EVIDENCE})
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


def _verdict_line(status: ClaimStatus) -> str:
    """Return the verdict and its reason as a tooltip line: 'Holds: ... .'"""
    reason = status.reason.rstrip(".")
    return f"{status.verdict.capitalize()}: {reason}." if reason else status.verdict.capitalize()


#: Each verdict's tag, in the box.
_TAGS = {
    word: Span(style.tag, size=9, bold=True, colour=style.colour)
    for word, style in VERDICT_STYLES.items()
}


def _tag(status: ClaimStatus) -> Span:
    return _TAGS[status.verdict]


def _claim_node(ctx: _Context, node: str) -> str:
    c = ctx.claims[node]
    status = ctx.statuses[node]
    style = VERDICT_STYLES[status.verdict]
    meta = " · ".join(x for x in (short_line(ctx.words, node), c.date) if x)
    blocks = [(wrap(_claim_text(ctx, c), CLAIM_WIDTH), _TEXT)]
    if meta:
        blocks.append((ctx.claim_meta(f"— {meta}"), _CLAIM_META))
    tag = _tag(status)
    blocks.append(([tag.text], tag))
    tip = [ctx.words.claim_line(node)]
    if c.original is not None and c.original.text != c.text:
        tip.append(f"({c.original.lang}) {c.original.text}")
    tip.append(_verdict_line(status))
    tip.append(f"Quotes behind it: {status.quotes}")
    for answer in c.answers:
        q = ctx.questions.get(answer.question)
        asked = q.text if q is not None else answer.question
        tip.append(f"Answers “{asked}”: {answer.stance}")
    if c.date:
        tip.append(f"Dated {c.date}")
    tip.append(f"[{node}]")
    border, fill = ctx.colours.get(ctx.sides[node] or "", NEUTRAL)
    attrs = [
        f"label={styled_label(blocks, html=ctx.html)}",
        f'shape=box, style="rounded,filled{",dashed" if style.dashed else ""}"',
        f'fillcolor="{fill}", color="{border}"',
        f"penwidth={style.penwidth:g}",
    ]
    if node == ctx.focus:
        attrs.append("peripheries=2")
    attrs.append(f"tooltip={dot_tooltip(_join(tip))}")
    return f"{dot_id(node)} [{', '.join(attrs)}];"


def _evidence_node(ctx: _Context, node: str) -> str:
    ev = ctx.evidence[node]
    src = ctx.sources.get(ev.source)
    ai = src is not None and src.is_ai_generated
    status = ctx.statuses[node]
    proof = ctx.proofs.get(node)
    where = ev.source
    if proof is not None and proof.line is not None:
        where += f":{proof.line}:{proof.column}"
    credit = ctx.words.quote_credit(node)
    blocks: list[tuple[list[str], Span]] = []
    if ai:
        blocks.append(([_AI_TAG.text], _AI_TAG))
    # The guillemets hold on to the words beside them, as in French typesetting.
    quote = wrap(shorten(ev.quote, QUOTE_LIMIT), QUOTE_WIDTH)
    quote[0] = f"«\u00a0{quote[0]}"
    quote[-1] = f"{quote[-1]}\u00a0»"
    blocks.append((quote, _QUOTE))
    meta = " · ".join(x for x in (credit, where) if x)
    blocks.append((wrap(f"— {meta}", META_WIDTH), _QUOTE_META))
    if status.verdict != "holds":
        tag = _tag(status)
        blocks.append(([tag.text], tag))

    tip = [f"« {ev.quote} »"]
    if ev.translation:
        tip.append(f"English: {ev.translation}")
    tip.append(f"— {credit}" + (f", {ev.date}" if ev.date else ""))
    if src is not None:
        kind = f"AI-generated by {src.generator}" if ai and src.generator else src.kind.value
        tip.append(f"Source: {src.title} ({kind})")
    if proof is not None and proof.line is not None:
        tip.append(f"At line {proof.line}, column {proof.column} of {ev.source}")
    elif proof is not None and proof.match is not None:
        tip.append(f"Not found in {ev.source}: run argmap check")
    tip.append(_verdict_line(status))
    tip.append(f"[{node}]")
    border, fill = (AI_STYLE[0], AI_STYLE[1]) if ai else NOTE_STYLE
    attrs = [
        f"label={styled_label(blocks, html=ctx.html)}",
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


def _present(ctx: _Context, order: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Return what the picture shows: the claims' verdicts, the kinds of quote ('quote',
    'ai') and the kinds of relation, each in legend order."""
    G = ctx.G
    verdicts = {ctx.statuses[n].verdict for n in order if ctx.kinds[n] == CLAIM}
    quotes = set()
    for n in order:
        if ctx.kinds[n] == EVIDENCE:
            src = ctx.sources.get(ctx.evidence[n].source)
            quotes.add("ai" if src is not None and src.is_ai_generated else "quote")
    types = set()
    for u, v, t in G.edges(data="type"):
        if u in ctx.keep and v in ctx.keep:
            types.add(t)
            if ctx.cutters(u, v):
                types.add(UNDERCUTS)
    return (
        [w for w in VERDICT_WORDS if w in verdicts],
        [q for q in ("quote", "ai") if q in quotes],
        [t for t in RELATION_STYLES if t in types],
    )


def _legend(ctx: _Context, sides: list[str], order: list[str]) -> list[str]:
    """Return the legend of the symbols the picture uses, and only those: one sample
    node each, in a grid of up to three columns read downwards, so every engine draws
    it and it stays small beside the map."""
    verdicts, quotes, types = _present(ctx, order)
    items: list[tuple[str, str]] = []  # (name, the sample's attributes)
    for k, side in enumerate(sides):
        border, fill = ctx.colours.get(side, NEUTRAL)
        label = ctx.label([[Span("claim by")], [Span(side_label(ctx.m, side), bold=True)]])
        items.append(
            (
                f"side{k}",
                f'label={label}, shape=box, style="rounded,filled", fillcolor="{fill}", '
                f'color="{border}"',
            )
        )
    for word in verdicts:
        style = VERDICT_STYLES[word]
        meaning = [[Span(line)] for line in wrap(VERDICT_MEANINGS[word], 30)]
        label = ctx.label([[Span(style.tag, size=9, bold=True, colour=style.colour)], *meaning])
        dash = ",dashed" if style.dashed else ""
        items.append(
            (
                word,
                f'label={label}, shape=box, style="rounded,filled{dash}", '
                f'fillcolor="#FFFFFF", penwidth={style.penwidth:g}',
            )
        )
    items += _legend_quotes(ctx, quotes)
    items += _legend_relations(ctx, types)
    out = [
        "  subgraph cluster_legend {",
        '    label="How to read this map"; fontsize=16; style=rounded; color="#999999"; '
        'fontcolor="#222222"; margin=10;',
        '    node [fontsize=10, margin="0.1,0.04", tooltip="legend"];',
    ]
    out += [f"    {dot_id(_LEGEND + name)} [{attrs}];" for name, attrs in items]
    columns = 1 if len(items) <= 3 else 2 if len(items) <= 8 else 3
    per = -(-len(items) // columns)
    grid = [[name for name, _ in items[c * per : (c + 1) * per]] for c in range(columns)]
    grid = [col for col in grid if col]
    for col in grid:
        out.append("    {rank=same; " + "; ".join(dot_id(_LEGEND + n) for n in col) + ";}")
    for left, right in itertools.pairwise(grid):
        out += [
            f"    {dot_id(_LEGEND + a)} -> {dot_id(_LEGEND + b)} [style=invis];"
            for a, b in zip(left, right[: len(left)], strict=False)
        ]
    out.append("  }")
    return out


def _legend_quotes(ctx: _Context, quotes: list[str]) -> list[tuple[str, str]]:
    samples = {
        "quote": (
            [
                [Span("« quote, in the original »", italic=True)],
                [Span("— reporter, reporting speaker (hedge)", size=9)],
                [Span("· source:line:column", size=9)],
            ],
            f'shape=note, style=filled, fillcolor="{NOTE_STYLE[1]}", color="{NOTE_STYLE[0]}"',
        ),
        "ai": (
            [
                [_AI_TAG],
                [Span("« quote from an AI-generated text »", italic=True)],
            ],
            f'shape=note, style="filled,dashed", fillcolor="{AI_STYLE[1]}", '
            f'color="{AI_STYLE[0]}", penwidth=1.4',
        ),
    }
    return [(q, f"label={ctx.label(samples[q][0])}, {samples[q][1]}") for q in quotes]


#: How the legend draws each kind of line, in characters that common fonts hold (one
#: node each, so the legend needs no room of its own between the map's columns).
_LINE_GLYPHS = {
    "supports": "——>",
    "rebuts": "– – –|",
    "mutual": "|– – –|",
    "undercuts": "– – –|•",
}


def _legend_relations(ctx: _Context, types: list[str]) -> list[tuple[str, str]]:
    """Return a sample of each kind of relation the picture draws, and of the one line
    drawn for two claims that rebut each other, when it draws one."""
    samples = list(types)
    if REBUTS in types and any(_mutual(ctx, u, v) for u, v in ctx.G.edges):
        samples.insert(samples.index(REBUTS) + 1, "mutual")
    out = []
    for t in samples:
        style = RELATION_STYLES[REBUTS if t == "mutual" else t]
        glyph = _LINE_GLYPHS.get(t, "· · · >")
        meaning = "they rebut each other" if t == "mutual" else style.meaning
        if t == UNDERCUTS:
            meaning += " (ends on a point of the line it aims at)"
        lines = [
            [Span(glyph, bold=True, colour=style.colour), Span("  " + part)]
            if k == 0
            else [Span(part)]
            for k, part in enumerate(wrap(meaning, 34))
        ]
        colour = "" if ctx.html else f', fontcolor="{style.colour}"'
        out.append((f"line:{t}", f"label={ctx.label(lines)}, shape=plain{colour}"))
    return out
