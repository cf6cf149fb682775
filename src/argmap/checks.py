"""Lint a map: every rule has a stable code, a severity and a one-line description.

Rules live in one registry, :data:`RULES`. Adding a rule is adding one function
decorated with :func:`rule`; it receives a :class:`Context` and yields
:class:`Finding` objects, and the registry turns them into located
:class:`~argmap.diagnostics.Diagnostic` objects.

Example:
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({
    ...     "claims": [{"id": "a", "text": "A"}, {"id": "a", "text": "A again"}]})
    >>> [d.code for d in check(m) if d.severity is Severity.ERROR]
    ['E010']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

import networkx as nx
from rapidfuzz import fuzz, process

from argmap._bulk import gc_paused
from argmap.diagnostics import Diagnostic, Severity
from argmap.graph import CLAIM, EVIDENCE, SUPPORTS, Links, acyclic_order, to_graph
from argmap.model import ArgumentMap, RelationType
from argmap.provenance import (
    QuoteProof,
    SourceText,
    SourceTextError,
    prove_quotes,
    source_texts,
)

__all__ = [
    "RULES",
    "Context",
    "Finding",
    "Rule",
    "check",
    "evidence_behind",
    "rule",
]


class Finding(NamedTuple):
    """What a rule yields: a message about a subject at a JSON path."""

    message: str
    subject: str | None = None
    path: str | None = None


class Context:
    """What rules look at: the map, and what is derived from it, computed once.

    Example:
        >>> ctx = Context(ArgumentMap())
        >>> ctx.graph.number_of_nodes()
        0
    """

    def __init__(self, m: ArgumentMap) -> None:
        self.map = m

    @functools.cached_property
    def graph(self) -> nx.DiGraph:
        """The map as a graph (see :func:`argmap.to_graph`), for rules that need one."""
        return to_graph(self.map)

    @functools.cached_property
    def links(self) -> Links:
        """The graph's nodes and edges as plain dictionaries (see :class:`argmap.graph.Links`):
        what the built-in rules use, as it costs far less to build than the graph."""
        return Links(self.map)

    @functools.cached_property
    def texts(self) -> dict[str, SourceText | SourceTextError]:
        """Each source's text, or why it cannot be read."""
        return source_texts(self.map)

    @functools.cached_property
    def proofs(self) -> dict[str, QuoteProof]:
        """Where each evidence quote stands in its source."""
        return prove_quotes(self.map, self.texts)

    @functools.cached_property
    def node_index(self) -> dict[str, str]:
        """JSON path of each claim and evidence, by id (first occurrence)."""
        out: dict[str, str] = {}
        for i, c in enumerate(self.map.claims):
            out.setdefault(c.id, f"claims[{i}]")
        for i, e in enumerate(self.map.evidence):
            out.setdefault(e.id, f"evidence[{i}]")
        return out

    @functools.cached_property
    def supporting_evidence(self) -> dict[str, set[str]]:
        """For each claim, the evidence that reaches it through ``supports`` links only."""
        return _evidence_behind(self.links.kind, self.links.supports())


@dataclass(frozen=True)
class Rule:
    """A check: its stable code, name, severity, description and function."""

    code: str
    name: str
    severity: Severity
    description: str
    func: Callable[[Context], Iterable[Finding]]


#: Every rule, keyed by code, in the order they run.
RULES: dict[str, Rule] = {}


def rule(
    code: str, name: str, severity: Severity, description: str
) -> Callable[[Callable[[Context], Iterable[Finding]]], Callable[[Context], Iterable[Finding]]]:
    """Return a decorator that registers a rule function under ``code``."""

    def register(
        func: Callable[[Context], Iterable[Finding]],
    ) -> Callable[[Context], Iterable[Finding]]:
        if code in RULES:
            raise ValueError(f"rule code {code} is registered twice")
        RULES[code] = Rule(code, name, severity, description, func)
        return func

    return register


def check(
    m: ArgumentMap,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
) -> list[Diagnostic]:
    """Return the diagnostics of every rule on map ``m``, in file order.

    Args:
        m: the map, as returned by :func:`argmap.load`.
        select: codes or code prefixes to run (``["E"]`` for errors only); all by default.
        ignore: codes or code prefixes to skip.

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({
        ...     "claims": [{"id": "a", "text": "A"}],
        ...     "relations": [{"from": "a", "to": "ghost", "type": "rebuts"}]})
        >>> for d in check(m, select=["E"]):
        ...     print(d.format())
        <map>: error E011 [a->ghost] relation ends at 'ghost', which is no claim or evidence
    """
    chosen = [
        r
        for r in RULES.values()
        if (select is None or any(r.code.startswith(s) for s in select))
        and not any(r.code.startswith(s) for s in ignore)
    ]
    with gc_paused():
        return _check(m, chosen)


def _check(m: ArgumentMap, chosen: list[Rule]) -> list[Diagnostic]:
    ctx = Context(m)
    file = str(m.path) if m.path is not None else None
    out: list[Diagnostic] = []
    for r in chosen:
        for f in r.func(ctx):
            line = column = None
            if f.path is not None:
                loc = m.location(f.path)
                if loc is not None:
                    line, column = loc
            out.append(
                Diagnostic(
                    r.code,
                    r.severity,
                    f.message,
                    subject=f.subject,
                    path=f.path,
                    file=file,
                    line=line,
                    column=column,
                )
            )
    out.sort(key=lambda d: (d.line or 0, d.column or 0, d.code))
    return out


def evidence_behind(G: nx.DiGraph) -> dict[str, set[str]]:
    """Return, for each claim of ``G``, the evidence from which a path of ``supports``
    edges leads to it through claims (a quote that supports a quote is not followed).

    Example:
        >>> G = nx.DiGraph()
        >>> G.add_nodes_from([("e", {"kind": "evidence"}), ("a", {"kind": "claim"}),
        ...                   ("b", {"kind": "claim"})])
        >>> G.add_edge("e", "a", type="supports"); G.add_edge("a", "b", type="supports")
        >>> evidence_behind(G)
        {'a': {'e'}, 'b': {'e'}}
    """
    kind = dict(G.nodes(data="kind"))
    support = [(u, v) for u, v, t in G.edges(data="type") if t == SUPPORTS and u != v]
    return _evidence_behind(kind, support)


def _evidence_behind(kind: dict[str, str], support: list[tuple[str, str]]) -> dict[str, set[str]]:
    """:func:`evidence_behind` over node kinds and ``supports`` edges (no self-loops)."""
    out: dict[str, set[str]] = {n: set() for n, k in kind.items() if k == CLAIM}
    feeds: dict[str, list[str]] = {}  # claim -> the claims it supports
    for u, v in support:
        if v not in out:
            continue
        if u in out:
            feeds.setdefault(u, []).append(v)
        elif kind.get(u) == EVIDENCE:
            out[v].add(u)
    # Claims in topological order of the claim-to-claim supports. When some are left
    # over (on or behind a support cycle), the condensed graph answers instead.
    order = acyclic_order(out, ((u, v) for u, vs in feeds.items() for v in vs))
    if len(order) < len(out):
        return _evidence_behind_cyclic(kind, [(u, v) for u, v in support if v in out])
    for c in order:
        for d in feeds.get(c, ()):
            out[d] |= out[c]
    return out


def _evidence_behind_cyclic(
    kind: dict[str, str], support: list[tuple[str, str]]
) -> dict[str, set[str]]:
    graph = nx.DiGraph()
    graph.add_nodes_from(kind)
    graph.add_edges_from(support)
    cond = nx.condensation(graph)
    members = cond.graph["mapping"]
    reach: dict[int, set[str]] = {n: set() for n in cond.nodes}
    for n in nx.topological_sort(cond):
        for node in cond.nodes[n]["members"]:
            if kind.get(node) == EVIDENCE:
                reach[n].add(node)
        for succ in cond.successors(n):
            reach[succ] |= reach[n]
    return {node: set(reach[members[node]]) for node, k in kind.items() if k == CLAIM}


def _relation_label(source: str, target: str) -> str:
    return f"{source}->{target}"


# --- errors ---------------------------------------------------------------------------------


@rule(
    "E010",
    "duplicate-id",
    Severity.ERROR,
    "Two sources, two parties, or two claims/evidence share an id.",
)
def _duplicate_id(ctx: Context) -> Iterator[Finding]:
    m = ctx.map
    groups: list[tuple[str, list[tuple[str, str]]]] = [
        ("source", [(s.id, f"sources[{i}].id") for i, s in enumerate(m.sources)]),
        ("party", [(p.id, f"parties[{i}].id") for i, p in enumerate(m.parties)]),
        (
            "claim or evidence",
            [(c.id, f"claims[{i}].id") for i, c in enumerate(m.claims)]
            + [(e.id, f"evidence[{i}].id") for i, e in enumerate(m.evidence)],
        ),
    ]
    for kind, items in groups:
        first: dict[str, str] = {}
        for ident, path in items:
            if ident in first:
                yield Finding(f"{kind} id {ident!r} is already used at {first[ident]}", ident, path)
            else:
                first[ident] = path.removesuffix(".id")


@rule(
    "E011",
    "dangling-endpoint",
    Severity.ERROR,
    "A relation starts or ends at an id that is no claim or evidence.",
)
def _dangling_endpoint(ctx: Context) -> Iterator[Finding]:
    nodes = ctx.node_index
    others = {s.id: "a source" for s in ctx.map.sources} | {
        p.id: "a party" for p in ctx.map.parties
    }
    for i, rel in enumerate(ctx.map.relations):
        for end, field, word in ((rel.source, "from", "starts"), (rel.target, "to", "ends")):
            if end not in nodes:
                what = f" ({end!r} is {others[end]})" if end in others else ""
                yield Finding(
                    f"relation {word} at {end!r}, which is no claim or evidence{what}",
                    _relation_label(rel.source, rel.target),
                    f"relations[{i}].{field}",
                )


@rule("E012", "unknown-source", Severity.ERROR, "Evidence names a source the map does not list.")
def _unknown_source(ctx: Context) -> Iterator[Finding]:
    known = {s.id for s in ctx.map.sources}
    for i, ev in enumerate(ctx.map.evidence):
        if ev.source not in known:
            yield Finding(f"unknown source {ev.source!r}", ev.id, f"evidence[{i}].source")


@rule(
    "E013",
    "unknown-party",
    Severity.ERROR,
    "A claim, evidence or party names a party the map does not list.",
)
def _unknown_party(ctx: Context) -> Iterator[Finding]:
    known = {p.id for p in ctx.map.parties}
    for i, c in enumerate(ctx.map.claims):
        for j, pid in enumerate(c.asserted_by):
            if pid not in known:
                yield Finding(f"unknown party {pid!r}", c.id, f"claims[{i}].asserted_by[{j}]")
    for i, e in enumerate(ctx.map.evidence):
        for j, pid in enumerate(e.speaker):
            if pid not in known:
                yield Finding(f"unknown party {pid!r}", e.id, f"evidence[{i}].speaker[{j}]")
    for i, p in enumerate(ctx.map.parties):
        for j, pid in enumerate(p.members):
            if pid not in known:
                yield Finding(f"unknown party {pid!r}", p.id, f"parties[{i}].members[{j}]")


@rule("E014", "self-loop", Severity.ERROR, "A relation links a node to itself.")
def _self_loop(ctx: Context) -> Iterator[Finding]:
    for i, rel in enumerate(ctx.map.relations):
        if rel.source == rel.target:
            yield Finding(
                f"{rel.source!r} {rel.type.value} itself",
                _relation_label(rel.source, rel.target),
                f"relations[{i}]",
            )


@rule(
    "E015",
    "supports-and-rebuts",
    Severity.ERROR,
    "The same two nodes are linked both by 'supports' and by 'rebuts'.",
)
def _supports_and_rebuts(ctx: Context) -> Iterator[Finding]:
    seen: dict[tuple[str, str], tuple[RelationType, int]] = {}
    for i, rel in enumerate(ctx.map.relations):
        a, b = rel.source, rel.target
        if a == b:
            continue
        pair = (a, b) if a < b else (b, a)
        if pair in seen and seen[pair][0] is not rel.type:
            other = ctx.map.relations[seen[pair][1]]
            yield Finding(
                f"{rel.source!r} {rel.type.value} {rel.target!r}, but relations[{seen[pair][1]}] "
                f"says {other.source!r} {other.type.value} {other.target!r}",
                _relation_label(rel.source, rel.target),
                f"relations[{i}]",
            )
        else:
            seen.setdefault(pair, (rel.type, i))


@rule(
    "E020",
    "quote-not-found",
    Severity.ERROR,
    "An evidence quote does not occur in its source text (typography aside).",
)
def _quote_not_found(ctx: Context) -> Iterator[Finding]:
    for i, ev in enumerate(ctx.map.evidence):
        proof = ctx.proofs.get(ev.id)
        if proof is None or proof.match is None or proof.match.found:
            continue
        match = proof.match
        if match.closest is not None:
            closest = _shorten(" ".join(match.closest.split()), 90)
            msg = (
                f'quote not found in source {ev.source} (closest: "{closest}", '
                f"{match.similarity:.0f}% similar)"
            )
        else:
            msg = f"quote not found in source {ev.source}"
        yield Finding(msg, ev.id, f"evidence[{i}].quote")


@rule(
    "E021",
    "source-missing",
    Severity.ERROR,
    "A source's text file is missing or unreadable, or the source has no text at all.",
)
def _source_missing(ctx: Context) -> Iterator[Finding]:
    yield from _source_problems(ctx, "E021")


@rule(
    "E022",
    "source-outside",
    Severity.ERROR,
    "A source path is absolute or leaves the map's folder (it is not read).",
)
def _source_outside(ctx: Context) -> Iterator[Finding]:
    yield from _source_problems(ctx, "E022")


def _source_problems(ctx: Context, code: str) -> Iterator[Finding]:
    for i, src in enumerate(ctx.map.sources):
        st = ctx.texts.get(src.id)
        if isinstance(st, SourceTextError) and st.code == code:
            field = "path" if src.path is not None else ""
            yield Finding(str(st), src.id, f"sources[{i}].{field}" if field else f"sources[{i}]")


@rule(
    "E023",
    "hash-mismatch",
    Severity.ERROR,
    "A source's recorded sha256 differs from its text's: the text has changed.",
)
def _hash_mismatch(ctx: Context) -> Iterator[Finding]:
    for i, src in enumerate(ctx.map.sources):
        st = ctx.texts.get(src.id)
        if src.sha256 and isinstance(st, SourceText) and st.sha256 != src.sha256:
            yield Finding(
                f"sha256 of the text is {st.sha256[:12]}..., the map records "
                f"{src.sha256[:12]}...: the source has changed since it was quoted",
                src.id,
                f"sources[{i}].sha256",
            )


@rule(
    "E024", "span-mismatch", Severity.ERROR, "An evidence's recorded span does not hold its quote."
)
def _span_mismatch(ctx: Context) -> Iterator[Finding]:
    for i, ev in enumerate(ctx.map.evidence):
        proof = ctx.proofs.get(ev.id)
        if ev.span is None or proof is None or not proof.found or proof.match is None:
            continue
        if tuple(ev.span) not in proof.match.occurrences:
            found = proof.match.span
            assert found is not None
            yield Finding(
                f"recorded span [{ev.span[0]}, {ev.span[1]}] does not hold the quote; "
                f"it stands at [{found[0]}, {found[1]}]",
                ev.id,
                f"evidence[{i}].span",
            )


@rule("E025", "source-not-utf8", Severity.ERROR, "A source's text file is not UTF-8.")
def _source_not_utf8(ctx: Context) -> Iterator[Finding]:
    yield from _source_problems(ctx, "E025")


# --- warnings -------------------------------------------------------------------------------


@rule(
    "W101",
    "unsupported-claim",
    Severity.WARNING,
    "No evidence supports the claim, directly or through supporting claims.",
)
def _unsupported_claim(ctx: Context) -> Iterator[Finding]:
    for i, c in enumerate(ctx.map.claims):
        if (
            c.id in ctx.supporting_evidence
            and not ctx.supporting_evidence[c.id]
            and (ctx.node_index.get(c.id) == f"claims[{i}]")
        ):
            yield Finding(
                "no evidence supports this claim, directly or through other claims",
                c.id,
                f"claims[{i}]",
            )


@rule("W102", "orphan-evidence", Severity.WARNING, "Evidence is linked to nothing.")
def _orphan_evidence(ctx: Context) -> Iterator[Finding]:
    kind = ctx.links.kind
    linked = {n for edge in ctx.links.edges for n in edge}
    for i, e in enumerate(ctx.map.evidence):
        if (
            kind.get(e.id) == EVIDENCE
            and e.id not in linked
            and (ctx.node_index.get(e.id) == f"evidence[{i}]")
        ):
            yield Finding("evidence is linked to nothing", e.id, f"evidence[{i}]")


@rule(
    "W103",
    "support-cycle",
    Severity.WARNING,
    "Claims support each other in a circle (circular reasoning).",
)
def _support_cycle(ctx: Context) -> Iterator[Finding]:
    edges = ctx.links.supports()
    if not _has_cycle(edges):  # the usual case, decided without building a graph
        return
    # In the graph's edge order (by source node, then relation order), as the cycle
    # found in a strongly connected part depends on it.
    order = ctx.links.order
    support = nx.DiGraph(sorted(edges, key=lambda e: order[e[0]]))
    cycles = []
    for comp in nx.strongly_connected_components(support):
        if len(comp) > 1:
            cycle = nx.find_cycle(support.subgraph(comp))
            cycles.append([u for u, _ in cycle])
    for cycle in sorted(cycles):
        first = min(cycle)
        k = cycle.index(first)
        cycle = cycle[k:] + cycle[:k]
        yield Finding(
            "circular support: " + " -> ".join([*cycle, first]), first, ctx.node_index.get(first)
        )


def _has_cycle(edges: list[tuple[str, str]]) -> bool:
    # An edge on a cycle leaves a node something points to and ends at a node that
    # points somewhere: in most maps (evidence supports claims) no edge is left.
    heads = {u for u, _ in edges}
    tails = {v for _, v in edges}
    edges = [(u, v) for u, v in edges if u in tails and v in heads]
    nodes = {n for edge in edges for n in edge}
    return len(acyclic_order(nodes, edges)) < len(nodes)


@rule(
    "W104",
    "self-contradiction",
    Severity.WARNING,
    "A party asserts two claims of which one rebuts the other.",
)
def _self_contradiction(ctx: Context) -> Iterator[Finding]:
    claims = ctx.map.claim_by_id()
    for i, rel in enumerate(ctx.map.relations):
        if rel.type is not RelationType.REBUTS:
            continue
        a, b = claims.get(rel.source), claims.get(rel.target)
        if a is None or b is None or a.id == b.id:
            continue
        for party in sorted(set(a.asserted_by) & set(b.asserted_by)):
            yield Finding(
                f"party {party!r} asserts both {a.id!r} and {b.id!r}, which it rebuts",
                _relation_label(a.id, b.id),
                f"relations[{i}]",
            )


@rule("W105", "ai-only", Severity.WARNING, "A claim rests only on AI-generated sources.")
def _ai_only(ctx: Context) -> Iterator[Finding]:
    sources = ctx.map.source_by_id()
    if not any(s.is_ai_generated for s in sources.values()):
        return
    ev_source = {e.id: e.source for e in ctx.map.evidence}
    for i, c in enumerate(ctx.map.claims):
        behind = ctx.supporting_evidence.get(c.id, set())
        if not behind or ctx.node_index.get(c.id) != f"claims[{i}]":
            continue
        kinds = {
            sources[ev_source[e]].is_ai_generated
            for e in behind
            if e in ev_source and ev_source[e] in sources
        }
        if kinds == {True}:
            names = sorted({ev_source[e] for e in behind})
            yield Finding(
                f"rests only on AI-generated source(s): {', '.join(names)}", c.id, f"claims[{i}]"
            )


_WORD = re.compile(r"\w+")
NEAR_DUPLICATE_THRESHOLD = 90.0
_FULL_COMPARISON_LIMIT = 2000
_WINDOW = 6


@rule("W106", "near-duplicate-claims", Severity.WARNING, "Two claims have nearly the same text.")
def _near_duplicates(ctx: Context) -> Iterator[Finding]:
    claims = ctx.map.claims
    keys = [" ".join(_WORD.findall(c.text.casefold())) for c in claims]
    n = len(claims)
    hits: dict[tuple[int, int], float] = {}
    if n <= _FULL_COMPARISON_LIMIT:
        # Every pair, each text against all later ones in one call.
        for a in range(n - 1):
            for _, score, k in process.extract(
                keys[a],
                keys[a + 1 :],
                scorer=fuzz.ratio,
                score_cutoff=NEAR_DUPLICATE_THRESHOLD,
                limit=None,
            ):
                hits[a, a + 1 + k] = score
    else:
        # Sorted-neighbourhood blocking: compare each text with its neighbours in two
        # orders (by text and by reversed text), so a difference near either end is caught
        # in O(n log n) instead of comparing every pair.
        reversed_keys = [k[::-1] for k in keys]
        ratio = fuzz.ratio
        for order in (
            sorted(range(n), key=keys.__getitem__),
            sorted(range(n), key=reversed_keys.__getitem__),
        ):
            texts = [keys[i] for i in order]
            for step in range(1, _WINDOW + 1):
                for pos, (x, y) in enumerate(zip(texts, texts[step:], strict=False)):
                    score = ratio(x, y, score_cutoff=NEAR_DUPLICATE_THRESHOLD)
                    if score:
                        a, b = order[pos], order[pos + step]
                        hits[(a, b) if a < b else (b, a)] = score
    for (a, b), score in sorted(hits.items()):
        if claims[a].id == claims[b].id:
            continue
        yield Finding(
            f"text is {score:.0f}% similar to claim {claims[a].id!r}: merge them or "
            "make the difference explicit",
            claims[b].id,
            f"claims[{b}].text",
        )


@rule(
    "W107",
    "ambiguous-quote",
    Severity.WARNING,
    "A quote occurs several times in its source and no span says which one is meant.",
)
def _ambiguous_quote(ctx: Context) -> Iterator[Finding]:
    for i, ev in enumerate(ctx.map.evidence):
        proof = ctx.proofs.get(ev.id)
        if ev.span is None and proof and proof.match and len(proof.match.occurrences) > 1:
            yield Finding(
                f"quote occurs {len(proof.match.occurrences)} times in source {ev.source}: "
                "lengthen it or record its span",
                ev.id,
                f"evidence[{i}].quote",
            )


@rule("W108", "unused-source", Severity.WARNING, "No evidence quotes the source.")
def _unused_source(ctx: Context) -> Iterator[Finding]:
    used = {e.source for e in ctx.map.evidence}
    for i, s in enumerate(ctx.map.sources):
        if s.id not in used:
            yield Finding("no evidence quotes this source", s.id, f"sources[{i}]")


@rule("W109", "unasserted-claim", Severity.WARNING, "Nobody is named as asserting the claim.")
def _unasserted_claim(ctx: Context) -> Iterator[Finding]:
    for i, c in enumerate(ctx.map.claims):
        if not c.asserted_by:
            yield Finding("no party asserts this claim (fill 'asserted_by')", c.id, f"claims[{i}]")


@rule("W110", "duplicate-relation", Severity.WARNING, "The same relation is given twice.")
def _duplicate_relation(ctx: Context) -> Iterator[Finding]:
    seen: dict[tuple[str, str, str], int] = {}
    for i, rel in enumerate(ctx.map.relations):
        key = (rel.source, rel.target, rel.type.value)
        if key in seen:
            yield Finding(
                f"same relation as relations[{seen[key]}]",
                _relation_label(rel.source, rel.target),
                f"relations[{i}]",
            )
        else:
            seen[key] = i


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
