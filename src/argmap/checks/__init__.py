"""Lint a map: every rule has a stable code, a severity and a one-line description.

Rules live in one registry, :data:`RULES`. Adding a rule is adding one function
decorated with :func:`rule`; it receives a :class:`Context` and yields
:class:`Finding` objects, and the registry turns them into located
:class:`~argmap.diagnostics.Diagnostic` objects.

This module is the rule engine; the rules sit beside it, one family per module:
``references`` (ids that must resolve), ``relations`` (what links what),
``quotes`` (quotes against their sources), ``support`` (what claims rest on),
``claims`` (the claims' own texts and asserters), ``voices`` (who says what,
and how surely) and ``schemes`` (argumentation scheme names).

Example:
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({
    ...     "claims": [{"id": "a", "text": "A"}, {"id": "a", "text": "A again"}]})
    >>> [d.code for d in check(m) if d.severity is Severity.ERROR]
    ['E010']
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

import networkx as nx

from argmap._bulk import gc_paused
from argmap.attribution import Attribution
from argmap.diagnostics import Diagnostic, Severity
from argmap.graph import CLAIM, EVIDENCE, SUPPORTS, Links, acyclic_order, to_graph
from argmap.model import ArgumentMap
from argmap.provenance import (
    QuoteProof,
    SourceText,
    SourceTextError,
    prove_quotes,
    source_texts,
)

__all__ = [
    "FULL_COMPARISON_LIMIT",
    "KNOWN_SCHEMES",
    "MAX_NEAR_DUPLICATE_FINDINGS",
    "NEAR_DUPLICATE_THRESHOLD",
    "PERSON_ATTACK_SCHEMES",
    "RULES",
    "Context",
    "Finding",
    "Rule",
    "check",
    "closest_scheme",
    "evidence_behind",
    "normalise_scheme",
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
        claims, evidence = self.map.claims, self.map.evidence
        ids = [c.id for c in claims] + [e.id for e in evidence]
        paths = [f"claims[{i}]" for i in range(len(claims))]
        paths += [f"evidence[{i}]" for i in range(len(evidence))]
        out = dict(zip(ids, paths, strict=True))
        if len(out) < len(ids):  # an id given twice: its first place, not its last
            out = {}
            for ident, path in zip(ids, paths, strict=True):
                out.setdefault(ident, path)
        return out

    @functools.cached_property
    def relation_index(self) -> dict[str, int]:
        """Position in ``relations`` of each relation id (first occurrence)."""
        out: dict[str, int] = {}
        for i, rel in enumerate(self.map.relations):
            if rel.id is not None:
                out.setdefault(rel.id, i)
        return out

    @functools.cached_property
    def attribution(self) -> Attribution:
        """Who asserts each claim, who reports and speaks in each quote, and how surely
        (see :class:`argmap.attribution.Attribution`)."""
        return Attribution(self.map)

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


#: Every rule, keyed by code, in code order.
RULES: dict[str, Rule] = {}


def rule(
    code: str, name: str, severity: Severity, description: str
) -> Callable[[Callable[[Context], Iterable[Finding]]], Callable[[Context], Iterable[Finding]]]:
    """Return a decorator that registers a rule function under ``code``.

    Example:
        >>> @rule("X900", "always", Severity.INFO, "Says hello.")
        ... def _hello(ctx):
        ...     yield Finding("hello")
        >>> [d.message for d in check(ArgumentMap(), select=["X900"])]
        ['hello']
        >>> del RULES["X900"]
    """

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
    if not feeds:  # no claim supports another: nothing to pass on
        return out
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


# The rules register themselves when their modules are imported; they need the
# engine above, so they come after it.
import argmap.checks.claims  # noqa: E402
import argmap.checks.quotes  # noqa: E402
import argmap.checks.references  # noqa: E402
import argmap.checks.relations  # noqa: E402
import argmap.checks.schemes  # noqa: E402
import argmap.checks.support  # noqa: E402
import argmap.checks.voices  # noqa: E402, F401
from argmap.checks.claims import (  # noqa: E402
    FULL_COMPARISON_LIMIT,
    MAX_NEAR_DUPLICATE_FINDINGS,
    NEAR_DUPLICATE_THRESHOLD,
)
from argmap.checks.schemes import (  # noqa: E402
    KNOWN_SCHEMES,
    PERSON_ATTACK_SCHEMES,
    closest_scheme,
    normalise_scheme,
)

# In code order, whichever module a rule comes from (``--list-rules`` prints them so).
_in_order = sorted(RULES.items())
RULES.clear()
RULES.update(_in_order)
del _in_order
