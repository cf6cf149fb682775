"""One argumentation framework, numbered, built once from a map, a graph or a file.

Every verdict argmap gives is worked out on a :class:`Framework`: arguments numbered
1..n (as in ICCMA files), attacks between them, and, for maps, what Dung's frameworks
leave out:

- **supports** ``s -> c``; a claim *needs support*: it can be accepted only when a
  support from an accepted argument reaches it, so a chain of accepted supports leads
  down to quoted evidence (evidential argumentation, Oren and Norman 2008; as a
  bipolar abstract dialectical framework, Polberg and Oren 2014). Quotes are proven
  against their sources and need no support: they are the evidence;
- **undercuts** ``u -> r``: an attack on a relation ``r`` (an attack or a support)
  rather than on an argument (AFRA, Baroni, Cerutti, Giacomin and Guida 2011; the
  undercutter of ASPIC+, Modgil and Prakken 2013). An undercut relation no longer
  carries its source's weight.

A framework with no supports, no undercuts and nothing that needs support is a plain
Dung framework, and every semantics gives on it exactly what Dung's definitions give.

:meth:`Framework.reduce` translates any framework into a plain one with the same
complete labellings on the original arguments (the meta-argumentation translation of
Boella, Gabbay, van der Torre and Villata 2009, with one auxiliary argument "nothing
supports x" per argument that needs support): the direct semantics of
:mod:`argmap.semantics.grounded` is tested against it.

Example:
    >>> fw = Framework.from_attacks("abc", [("a", "b"), ("b", "c")])
    >>> fw.n, fw.attacks, fw.is_plain
    (3, [(1, 2), (2, 3)], True)
    >>> fw.name(3)
    'c'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import chain
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

    from argmap.model import ArgumentMap

__all__ = ["ICCMA_SEMANTICS", "PREFERENCES", "Framework", "Reduction"]

#: The preferences on attacks :meth:`Framework.from_map` knows (None: every attack counts).
PREFERENCES = ("reliability",)


#: The semantics argmap computes extensions of, by the names ICCMA gives them.
ICCMA_SEMANTICS = {
    "CO": "complete",
    "GR": "grounded",
    "PR": "preferred",
    "ST": "stable",
    "SST": "semi-stable",
    "STG": "stage",
    "ID": "ideal",
}


@dataclass(eq=False)
class Framework:
    """Arguments 1..n, attacks and supports between them, undercuts of those relations.

    Attributes:
        names: the name of argument i is ``names[i - 1]`` (a map's node id).
        attacks: ``(attacker, attacked)`` pairs of argument numbers. Relation number k
            (from 0) is ``attacks[k]``.
        supports: ``(supporter, supported)`` pairs; relation number ``len(attacks) + k``
            is ``supports[k]``.
        undercuts: ``(undercutter, relation number)`` pairs.
        needs_support: the arguments that can be accepted only with an accepted support.
        kinds: each argument's kind by number ('claim', 'evidence'), when it has one.
    """

    names: list[Any]
    attacks: list[tuple[int, int]]
    supports: list[tuple[int, int]] = field(default_factory=list)
    undercuts: list[tuple[int, int]] = field(default_factory=list)
    needs_support: frozenset[int] = frozenset()
    kinds: dict[int, str] = field(default_factory=dict)
    _index: dict[Any, int] | None = field(default=None, repr=False)

    @property
    def n(self) -> int:
        """Return the number of arguments."""
        return len(self.names)

    @property
    def is_plain(self) -> bool:
        """Return True for a plain Dung framework: attacks only."""
        return not (self.supports or self.undercuts or self.needs_support)

    def name(self, i: int) -> Any:
        """Return the name of argument ``i``."""
        return self.names[i - 1]

    def number(self, name: Any) -> int:
        """Return the number of the argument called ``name``.

        Raises:
            KeyError: no argument has that name.
        """
        if self._index is None:
            self._index = {a: i for i, a in enumerate(self.names, 1)}
        return self._index[name]

    def relation(self, k: int) -> tuple[str, int, int]:
        """Return relation ``k`` as ``(type, from, to)``, type 'attack' or 'support'."""
        if k < len(self.attacks):
            return ("attack", *self.attacks[k])
        return ("support", *self.supports[k - len(self.attacks)])

    # --- building -------------------------------------------------------------------

    @classmethod
    def from_attacks(
        cls, arguments: Iterable[Any], attacks: Iterable[tuple[Any, Any]]
    ) -> Framework:
        """Return the plain framework of ``arguments`` and ``attacks`` given by name.

        When the arguments are the integers 1..n in order (as ICCMA files number them)
        the attacks serve as they are, with no renumbering.

        Raises:
            ValueError: an argument listed twice, or an attack naming no argument.

        Example:
            >>> Framework.from_attacks([1, 2], [(2, 1)]).attacks
            [(2, 1)]
            >>> Framework.from_attacks("ab", [("a", "z")])
            Traceback (most recent call last):
            ...
            ValueError: an attack names 'z', which is not an argument
        """
        names = list(arguments)
        pairs = attacks if isinstance(attacks, list) else list(attacks)
        n = len(names)
        if names == list(range(1, n + 1)):
            try:  # two passes in C rather than a check of every pair in Python
                low = min(chain.from_iterable(pairs), default=1)
                high = max(chain.from_iterable(pairs), default=1)
            except TypeError:
                low = high = 0
            if pairs and not (type(low) is int and type(high) is int and 1 <= low <= high <= n):
                bad = next(x for p in pairs for x in p if not (type(x) is int and 0 < x <= n))
                raise ValueError(f"an attack names {bad!r}, which is not an argument")
            return cls(names, pairs)
        index = {a: i for i, a in enumerate(names, 1)}
        if len(index) != n:
            raise ValueError("an argument is listed twice")
        try:
            numbered = [(index[u], index[v]) for u, v in pairs]
        except KeyError as err:
            raise ValueError(f"an attack names {err.args[0]!r}, which is not an argument") from None
        return cls(names, numbered, _index=index)

    @classmethod
    def from_graph(cls, G: nx.DiGraph) -> Framework:
        """Return the framework of a directed graph: edges typed 'rebuts' (or untyped)
        are attacks, 'supports' edges supports, ``undercut_by`` on an edge its
        undercutters (as :func:`argmap.to_graph` gives them), and nodes of kind 'claim'
        need support; other edges (moves that deny nothing) are left out.

        Example:
            >>> import networkx as nx
            >>> G = nx.DiGraph([("a", "b")])
            >>> Framework.from_graph(G).attacks
            [(1, 2)]
        """
        names = list(G.nodes)
        index = {a: i for i, a in enumerate(names, 1)}
        typed: dict[str, list[tuple[int, int, Any]]] = {"rebuts": [], "supports": []}
        for u, v, data in G.edges(data=True):
            t = data.get("type", "rebuts")
            if t in typed:
                typed[t].append((index[u], index[v], data.get("undercut_by") or ()))
        relations = [*typed["rebuts"], *typed["supports"]]
        undercuts = [(index[c], k) for k, (_, _, by) in enumerate(relations) for c in by]
        attacks = [(u, v) for u, v, _ in typed["rebuts"]]
        supports = [(u, v) for u, v, _ in typed["supports"]]
        kinds = {index[n]: k for n, k in G.nodes(data="kind") if k is not None}
        needs = frozenset(i for i, k in kinds.items() if k == "claim")
        return cls(names, attacks, supports, undercuts, needs, kinds, _index=index)

    @classmethod
    def from_map(
        cls, m: ArgumentMap, *, support: bool = True, preference: str | None = None
    ) -> Framework:
        """Return the framework of a map: its claims and quotes are the arguments (in
        the order of :func:`argmap.to_graph`), ``rebuts`` the attacks, ``supports`` the
        supports, ``undercuts`` aimed at a supports or rebuts relation the undercuts.
        Moves that deny nothing (counter-accusations, insults, contrasts) are left out.

        Args:
            m: the map.
            support: claims need support (the default); False reads the map as Dung's
                framework of its rebuttals and undercuts alone, as argmap 0.1 did.
            preference: ``"reliability"`` (Amgoud and Cayrol 2002; ASPIC+ defeat): a
                rebuttal fails when its target is strictly more reliable than its
                attacker. A quote is as reliable as its source, a claim as the most
                reliable quote behind it (through supports); undercuts always succeed.

        Raises:
            ValueError: an unknown preference.

        Example:
            >>> from argmap.model import ArgumentMap
            >>> fw = Framework.from_map(ArgumentMap.model_validate({
            ...     "sources": [{"id": "s", "title": "S", "text": "x"}],
            ...     "claims": [{"id": "c", "text": "C"}],
            ...     "evidence": [{"id": "e", "source": "s", "quote": "x"}],
            ...     "relations": [{"from": "e", "to": "c", "type": "supports"}]}))
            >>> fw.names, fw.supports, sorted(fw.needs_support)
            (['c', 'e'], [(2, 1)], [1])
        """
        from argmap.graph import CLAIM, EVIDENCE
        from argmap.model import RelationType

        if preference is not None and preference not in PREFERENCES:
            raise ValueError(
                f"unknown preference {preference!r}; choose one of {', '.join(PREFERENCES)}"
            )
        # The rules of argmap.graph.Links (and so of to_graph), in one pass over the
        # relations: the first claim or quote of an id wins, claims first; the first
        # relation of a pair wins; an undercut aims at the id of a supports or rebuts
        # relation (the first relation of that id) and counts once per undercutter.
        index: dict[str, int] = {}
        for claim in m.claims:
            index.setdefault(claim.id, len(index) + 1)
        n_claims = len(index)
        for ev in m.evidence:
            index.setdefault(ev.id, len(index) + 1)
        names = list(index)
        rebuts, supports_, undercuts_ = (
            RelationType.REBUTS,
            RelationType.SUPPORTS,
            RelationType.UNDERCUTS,
        )
        attacks: list[tuple[int, int]] = []
        supports: list[tuple[int, int]] = []
        linked: set[tuple[int, int]] = set()
        by_id: dict[str, int] = {}  # a relation id: its attack number, or ~ its support's
        undercut = False
        get = index.get
        for rel in m.relations:
            t = rel.type
            if t is undercuts_:
                undercut = True
                continue
            u, v = get(rel.source), get(rel.target)
            if u is None or v is None or (u, v) in linked:
                continue
            linked.add((u, v))
            if t is rebuts:
                if rel.id is not None:
                    by_id.setdefault(rel.id, len(attacks))
                attacks.append((u, v))
            elif t is supports_:
                if rel.id is not None:
                    by_id.setdefault(rel.id, ~len(supports))
                supports.append((u, v))
        undercuts: list[tuple[int, int]] = []
        if undercut and by_id:
            a = len(attacks)
            counted: set[tuple[int, int]] = set()
            for rel in m.relations:
                if rel.type is undercuts_:
                    c, k = get(rel.source), by_id.get(rel.target)
                    if c is None or k is None:
                        continue
                    pair = (c, k if k >= 0 else a + ~k)
                    if pair not in counted:
                        counted.add(pair)
                        undercuts.append(pair)
        n = len(names)
        kinds = dict.fromkeys(range(1, n_claims + 1), CLAIM)
        kinds.update(dict.fromkeys(range(n_claims + 1, n + 1), EVIDENCE))
        needs = frozenset(range(1, n_claims + 1)) if support else frozenset()
        fw = cls(names, attacks, supports, undercuts, needs, kinds, _index=index)
        if preference == "reliability":
            fw = fw._prefer(_reliability(m, fw))
        return fw

    def _prefer(self, weight: Mapping[int, float]) -> Framework:
        """Return the framework without the attacks whose target is strictly preferred
        to their attacker (relation numbers are renumbered; undercuts follow)."""
        keep = [k for k, (u, v) in enumerate(self.attacks) if not weight[v] > weight[u]]
        new_number = {old: new for new, old in enumerate(keep)}
        a = len(self.attacks)
        for k in range(len(self.supports)):
            new_number[a + k] = len(keep) + k
        undercuts = [(c, new_number[k]) for c, k in self.undercuts if k in new_number]
        return Framework(
            self.names,
            [self.attacks[k] for k in keep],
            self.supports,
            undercuts,
            self.needs_support,
            self.kinds,
            _index=self._index,
        )

    # --- reduction to a plain framework ---------------------------------------------

    def reduce(self) -> Reduction:
        """Return the plain Dung framework that this one translates to.

        Arguments 1..n keep their numbers. A relation ``r`` from ``s`` that something
        undercuts gets two auxiliary arguments, ``X_r`` ("s is not accepted") and
        ``Y_r`` ("r is in force"): ``s -> X_r -> Y_r``, and each undercutter attacks
        ``Y_r`` (Boella et al. 2009). An argument ``x`` that needs support gets ``N_x``
        ("nothing supports x"), which attacks ``x`` and which every support in force
        attacks. The relation's force, ``Y_r`` or ``s`` itself when nothing undercuts
        it, then attacks the target of an attack, or ``N_x`` of a support's target.
        Complete labellings of the two frameworks agree on 1..n.

        Example:
            >>> fw = Framework(["c", "e"], [], supports=[(2, 1)],
            ...                needs_support=frozenset({1}))
            >>> r = fw.reduce()
            >>> r.n, r.attacks, r.meaning[3]
            (3, [(3, 1), (2, 3)], ('unsupported', 1))
        """
        n = self.n
        meaning: dict[int, tuple[str, int]] = {}
        out: list[tuple[int, int]] = []

        def new(what: str, of: int) -> int:
            i = n + len(meaning) + 1
            meaning[i] = (what, of)
            return i

        unsupported = {x: new("unsupported", x) for x in sorted(self.needs_support)}
        out.extend((u, x) for x, u in unsupported.items())
        cutters: dict[int, list[int]] = {}
        for c, k in self.undercuts:
            cutters.setdefault(k, []).append(c)
        relations = [*self.attacks, *self.supports]
        a = len(self.attacks)
        for k, (s, d) in enumerate(relations):
            force = s
            if k in cutters:
                x_r, y_r = new("source-out", k), new("in-force", k)
                out.extend([(s, x_r), (x_r, y_r)])
                out.extend((c, y_r) for c in cutters[k])
                force = y_r
            if k < a:
                out.append((force, d))
            elif d in unsupported:
                out.append((force, unsupported[d]))
        return Reduction(n + len(meaning), out, meaning)


@dataclass(frozen=True)
class Reduction:
    """A plain framework translated from a :class:`Framework`.

    Attributes:
        n: its arguments are 1..n; the first ones are the original framework's.
        attacks: its attacks.
        meaning: what each auxiliary argument stands for: ``('unsupported', x)``,
            ``('source-out', relation)`` or ``('in-force', relation)``.
    """

    n: int
    attacks: list[tuple[int, int]]
    meaning: dict[int, tuple[str, int]]


def _reliability(m: ArgumentMap, fw: Framework) -> dict[int, float]:
    """Each argument's reliability: a quote's source's, a claim's best quote's (through
    supports), 0.5 for a claim no quote reaches (the neutral score of gradual
    semantics)."""
    from argmap.graph import EVIDENCE

    sources = m.source_by_id()
    evidence = m.evidence_by_id()
    weight: dict[int, float] = {}
    for i, name in enumerate(fw.names, 1):
        if fw.kinds.get(i) == EVIDENCE:
            src = sources.get(evidence[name].source)
            weight[i] = src.effective_reliability if src is not None else 0.5
    # The best quote behind each claim: supports followed from the most reliable quotes
    # first, so the first weight that reaches a claim is the highest one.
    succ: dict[int, list[int]] = {}
    for u, v in fw.supports:
        succ.setdefault(u, []).append(v)
    best: dict[int, float] = {}
    for start in sorted(weight, key=lambda i: -weight[i]):
        frontier = [start]
        for u in frontier:  # grows while it is read
            for v in succ.get(u, ()):
                if v not in best and v not in weight:
                    best[v] = weight[start]
                    frontier.append(v)
    best.update(weight)
    return {i: best.get(i, 0.5) for i in range(1, fw.n + 1)}
