"""Abstract argumentation (Dung 1995) over networkx digraphs and plain lists.

P. M. Dung, "On the acceptability of arguments and its fundamental role in
nonmonotonic reasoning, logic programming and n-person games", Artificial
Intelligence 77 (1995) 321-357; labellings after M. Caminada, "On the issue of
reinstatement in argumentation", JELIA 2006.

Arguments are nodes; an edge ``a -> b`` means *a attacks b*. On an argmap graph
only the ``rebuts`` edges are attacks (supports and undercuts are taken into account
by :mod:`argmap.semantics.bipolar`, which reduces them to a framework of this
module); an edge without a ``type`` attribute is an attack, so a plain
digraph, such as one read from an ICCMA file, is an attack graph as it is.

Every function takes the graph first and applies :func:`attacks` itself (without
copying anything when every edge is already an attack).

Extensions and acceptance are worked out on the numbered
:class:`~argmap.semantics.framework.Framework` of the graph's attacks, by the same code
whatever the input (a map, a graph, a file): :mod:`argmap.semantics.extensions`
decides only what the grounded labelling leaves undecided, weakly connected part by
part, small parts by a labelling search and the rest by a SAT solver. The grounded
labelling of a graph runs the queue of :mod:`argmap.semantics.grounded` on the graph's
own adjacency, which for a million arguments takes half the time of numbering them
first.

Example:
    >>> import networkx as nx
    >>> G = nx.DiGraph([("a", "b"), ("b", "c")])   # a attacks b, b attacks c
    >>> sorted(grounded_extension(G))
    ['a', 'c']
    >>> preferred_extensions(nx.DiGraph([("a", "b"), ("b", "a")]))
    [frozenset({'a'}), frozenset({'b'})]
"""

from __future__ import annotations

import enum
import itertools
import operator
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from argmap._bulk import gc_paused
from argmap._lazy import lazy_module

if TYPE_CHECKING:
    import networkx as nx

    from argmap.semantics.framework import Framework
else:  # imported on first use: the searches over plain lists need no graph
    nx = lazy_module("networkx")

__all__ = [
    "SEMANTICS",
    "Acceptance",
    "Label",
    "acceptance",
    "acceptance_from_attacks",
    "attacks",
    "complete_extensions",
    "complete_labellings",
    "grounded_extension",
    "grounded_labelling",
    "grounded_labelling_from_attacks",
    "is_admissible",
    "is_complete",
    "is_conflict_free",
    "is_preferred",
    "is_stable",
    "labels_and_acceptance",
    "preferred_extensions",
    "stable_extensions",
    "stable_labellings",
]

#: The semantics :func:`acceptance` knows.
SEMANTICS = ("grounded", "complete", "preferred", "stable")

_ATTACK = "rebuts"


class Label(enum.StrEnum):
    """The label of an argument in a labelling: ``in``, ``out`` or ``undec``."""

    IN = "in"
    OUT = "out"
    UNDEC = "undec"


# --- the attack relation ----------------------------------------------------------------

# Successors and predecessors of every node under the attack relation: node -> collection.
_Adjacency = Mapping[Any, Collection[Any]]


def _is_attack(data: Mapping[str, Any]) -> bool:
    return bool(data.get("type", _ATTACK) == _ATTACK)


def _adjacency(G: nx.DiGraph) -> tuple[_Adjacency, _Adjacency]:
    """Return ``(successors, predecessors)`` of the attack relation of ``G``.

    On a plain ``DiGraph`` whose edges are all attacks this is the graph's own
    adjacency, read in place: nothing is copied.
    """
    if not G.is_directed():
        raise nx.NetworkXNotImplemented("an argumentation framework is a directed graph")
    succ = getattr(G, "_succ", None)
    pred = getattr(G, "_pred", None)
    if not G.is_multigraph() and type(succ) is dict and type(pred) is dict:
        datas = itertools.chain.from_iterable(map(dict.values, succ.values()))
        if not any(datas):  # no edge has any attribute: every edge is an attack
            return succ, pred
        datas = itertools.chain.from_iterable(map(dict.values, succ.values()))
        if all(map(_is_attack, datas)):
            return succ, pred
    s: dict[Any, dict[Any, None]] = {n: {} for n in G.nodes}
    p: dict[Any, dict[Any, None]] = {n: {} for n in G.nodes}
    for u, v, t in G.edges(data="type", default=_ATTACK):
        if t == _ATTACK:
            s[u][v] = None
            p[v][u] = None
    return s, p


def attacks(G: nx.DiGraph) -> nx.DiGraph:
    """Return the attack graph of ``G``: all its nodes, and only the edges that are attacks.

    An edge is an attack when its ``type`` attribute is ``"rebuts"`` or when it has no
    ``type`` at all; ``supports`` edges (and any other type) are left out. Node, edge and
    graph attributes are kept. The result is always a new ``DiGraph`` (a multigraph's
    parallel attacks become one edge).

    Args:
        G: a directed graph, e.g. from ``argmap.to_graph`` or ``read_iccma``.

    Returns:
        A new ``nx.DiGraph``.

    Example:
        >>> G = nx.DiGraph()
        >>> G.add_edge("e", "c", type="supports"); G.add_edge("d", "c", type="rebuts")
        >>> G.add_edge("x", "d")
        >>> sorted(attacks(G).edges())
        [('d', 'c'), ('x', 'd')]
    """
    if not G.is_directed():
        raise nx.NetworkXNotImplemented("an argumentation framework is a directed graph")
    A = nx.DiGraph()
    A.graph.update(G.graph)
    A.add_nodes_from(G.nodes(data=True))
    A.add_edges_from((u, v, d) for u, v, d in G.edges(data=True) if _is_attack(d))
    return A


# --- grounded ---------------------------------------------------------------------------


def _grounded(succ: _Adjacency, pred: _Adjacency) -> tuple[dict[Any, Label], list[Any]]:
    """Return the decided part of the grounded labelling (node -> IN or OUT; the nodes
    left out are UNDEC) and the IN nodes in the order they were found. O(N + E).

    The queue of :mod:`argmap.semantics.grounded`, run on a graph's own adjacency: for a
    million arguments it takes half the time of building their numbered framework first.

    An argument is IN once every attacker is OUT (so one with no attacker at once),
    OUT once an attacker is IN; ``alive`` counts the attackers not yet OUT.
    """
    IN, OUT = Label.IN, Label.OUT
    with gc_paused():
        found = list(itertools.compress(pred, map(operator.not_, pred.values())))
        label: dict[Any, Label] = dict.fromkeys(found, IN)
        alive = dict(zip(pred, map(len, pred.values()), strict=True))
        for x in found:  # grows while it is read: a first-in first-out queue
            for t in succ[x]:
                if t in label:
                    continue
                label[t] = OUT
                for u in succ[t]:
                    if u in label:
                        continue
                    left = alive[u] - 1
                    alive[u] = left
                    if not left:
                        label[u] = IN
                        found.append(u)
    return label, found


def _framework(G: nx.DiGraph) -> Framework:
    """Return the attacks of ``G`` as a numbered framework (read from the graph's
    adjacency in place when every edge is an attack)."""
    from argmap.semantics.framework import Framework

    succ, pred = _adjacency(G)
    return Framework.from_attacks(list(pred), [(u, v) for u, ts in succ.items() for v in ts])


def grounded_labelling(G: nx.DiGraph) -> dict[Any, Label]:
    """Return the grounded labelling of the attacks of ``G``.

    An argument is IN when all its attackers are OUT, OUT when some attacker is IN, and
    UNDEC when neither can be settled: the least complete labelling, computed by a
    queue in time linear in nodes plus attacks. A self-attacker is UNDEC unless an IN
    argument attacks it.

    Args:
        G: a directed graph; see :func:`attacks` for which edges are attacks.

    Returns:
        Every node of ``G``, in the graph's order, mapped to its :class:`Label`.

    Example:
        >>> G = nx.DiGraph([("a", "b"), ("b", "c"), ("d", "d")])
        >>> {n: str(lab) for n, lab in grounded_labelling(G).items()}
        {'a': 'in', 'b': 'out', 'c': 'in', 'd': 'undec'}
    """
    with gc_paused():
        succ, pred = _adjacency(G)
        label, _ = _grounded(succ, pred)
        out = dict.fromkeys(pred, Label.UNDEC)
        out.update(label)
    return out


def grounded_labelling_from_attacks(
    arguments: Iterable[Any], attacks: Iterable[tuple[Any, Any]]
) -> dict[Any, Label]:
    """Return the grounded labelling of a framework given as plain lists.

    The same as :func:`grounded_labelling` without building a networkx graph first,
    which for millions of attacks costs several times the labelling itself; pair it
    with :func:`argmap.frameworks.read_attacks`. Arguments are numbered and the
    labelling runs over lists; when they are already the integers 1..N, in order (as
    in ICCMA files), they serve as their own numbers. A repeated attack counts once.

    Raises:
        ValueError: an attack names an argument not in ``arguments``.

    Example:
        >>> labels = grounded_labelling_from_attacks("abcd", [("a", "b"), ("b", "c"), ("d", "d")])
        >>> {n: str(lab) for n, lab in labels.items()}
        {'a': 'in', 'b': 'out', 'c': 'in', 'd': 'undec'}
    """
    from argmap.semantics.framework import Framework
    from argmap.semantics.grounded import grounded

    return grounded(Framework.from_attacks(arguments, attacks)).by_name()


def grounded_extension(G: nx.DiGraph) -> frozenset[Any]:
    """Return the grounded extension: the arguments IN in the grounded labelling.

    It is the least complete extension, and the sceptical answer: every argument in it
    is defended, step by step, from arguments nobody attacks.

    Example:
        >>> grounded_extension(nx.DiGraph([("a", "b"), ("b", "c")])) == {"a", "c"}
        True
        >>> grounded_extension(nx.DiGraph([("a", "b"), ("b", "a")]))
        frozenset()
    """
    with gc_paused():
        _, found = _grounded(*_adjacency(G))
        return frozenset(found)


# --- extensions -----------------------------------------------------------------------


def _sort_key(ext: frozenset[Any]) -> tuple[int, list[str]]:
    return len(ext), sorted(map(repr, ext))


def _extensions(G: nx.DiGraph, semantics: str) -> list[frozenset[Any]]:
    """Return the extensions of the attacks of ``G`` under ``semantics``, as sets of
    nodes, in a fixed order (smallest first, then by their members' reprs)."""
    from argmap.semantics.extensions import extensions

    fw = _framework(G)
    names = fw.names
    found = [frozenset(names[i - 1] for i in ext) for ext in extensions(fw, semantics)]
    return sorted(found, key=_sort_key)


def complete_extensions(G: nx.DiGraph) -> list[frozenset[Any]]:
    """Return every complete extension of the attacks of ``G``.

    A complete extension is admissible (conflict-free, defending each member) and holds
    every argument it defends. There is always at least one, the grounded extension.

    Returns:
        The extensions, smallest first, then in the order of their members' reprs
        (so the first is the grounded extension). The number of extensions can grow
        exponentially with the number of undecided arguments.

    Example:
        >>> complete_extensions(nx.DiGraph([("a", "b"), ("b", "a")]))
        [frozenset(), frozenset({'a'}), frozenset({'b'})]
    """
    return _extensions(G, "complete")


def preferred_extensions(G: nx.DiGraph) -> list[frozenset[Any]]:
    """Return every preferred extension: the complete extensions maximal for inclusion
    (equivalently, the maximal admissible sets). There is always at least one.

    Returns:
        The extensions, smallest first, then in the order of their members' reprs.

    Example:
        >>> preferred_extensions(nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a")]))
        [frozenset()]
        >>> G = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c")])
        >>> [sorted(ext) for ext in preferred_extensions(G)]
        [['b'], ['a', 'c']]
    """
    return _extensions(G, "preferred")


def stable_extensions(G: nx.DiGraph) -> list[frozenset[Any]]:
    """Return every stable extension: conflict-free sets that attack every argument
    outside them (complete labellings with no UNDEC argument).

    A framework may have **no** stable extension (an odd cycle of attacks, for
    instance): the result is then the empty list ``[]``, a legitimate answer and not
    the same as ``[frozenset()]``, the single empty extension of the empty framework.

    Returns:
        The extensions, smallest first, then in the order of their members' reprs.

    Example:
        >>> stable_extensions(nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a")]))
        []
        >>> stable_extensions(nx.DiGraph())
        [frozenset()]
        >>> stable_extensions(nx.DiGraph([("a", "b"), ("b", "a")]))
        [frozenset({'a'}), frozenset({'b'})]
    """
    return _extensions(G, "stable")


def _labelling(succ: _Adjacency, nodes: Iterable[Any], ext: frozenset[Any]) -> dict[Any, Label]:
    """Return the complete labelling whose IN arguments are ``ext``."""
    attacked = {t for x in ext for t in succ[x]}
    return {n: Label.IN if n in ext else Label.OUT if n in attacked else Label.UNDEC for n in nodes}


def complete_labellings(G: nx.DiGraph) -> list[dict[Any, Label]]:
    """Return every complete labelling, in the order of :func:`complete_extensions`.

    In a complete labelling an argument is IN iff all its attackers are OUT, and OUT iff
    some attacker is IN; the rest are UNDEC. Its IN arguments are a complete extension.

    Example:
        >>> labs = complete_labellings(nx.DiGraph([("a", "b"), ("b", "a")]))
        >>> [(str(lab["a"]), str(lab["b"])) for lab in labs]
        [('undec', 'undec'), ('in', 'out'), ('out', 'in')]
    """
    succ, pred = _adjacency(G)
    return [_labelling(succ, pred, ext) for ext in complete_extensions(G)]


def stable_labellings(G: nx.DiGraph) -> list[dict[Any, Label]]:
    """Return every stable labelling (complete with no UNDEC argument), in the order of
    :func:`stable_extensions`; an empty list when there is none.

    Example:
        >>> [str(lab["b"]) for lab in stable_labellings(nx.DiGraph([("a", "b")]))]
        ['out']
    """
    succ, pred = _adjacency(G)
    return [_labelling(succ, pred, ext) for ext in stable_extensions(G)]


# --- predicates -------------------------------------------------------------------------


def _members(pred: _Adjacency, S: Iterable[Any]) -> set[Any]:
    s = set(S)
    for x in s:
        if x not in pred:
            raise nx.NodeNotFound(f"argument {x!r} is not in the graph")
    return s


def _attacked_by(succ: _Adjacency, s: set[Any]) -> set[Any]:
    return {t for x in s for t in succ[x]}


def is_conflict_free(G: nx.DiGraph, S: Iterable[Any]) -> bool:
    """Return True when no argument of ``S`` attacks an argument of ``S`` (itself included).

    Raises:
        networkx.NodeNotFound: an argument of ``S`` is not a node of ``G``.

    Example:
        >>> is_conflict_free(nx.DiGraph([("a", "b")]), {"a", "b"})
        False
    """
    succ, pred = _adjacency(G)
    s = _members(pred, S)
    return not any(t in s for x in s for t in succ[x])


def is_admissible(G: nx.DiGraph, S: Iterable[Any]) -> bool:
    """Return True when ``S`` is conflict-free and attacks every attacker of its members.

    Example:
        >>> is_admissible(nx.DiGraph([("a", "b"), ("b", "c")]), {"a", "c"})
        True
        >>> is_admissible(nx.DiGraph([("a", "b"), ("b", "c")]), {"c"})
        False
    """
    succ, pred = _adjacency(G)
    s = _members(pred, S)
    attacked = _attacked_by(succ, s)
    return not (attacked & s) and all(a in attacked for x in s for a in pred[x])


def is_complete(G: nx.DiGraph, S: Iterable[Any]) -> bool:
    """Return True when ``S`` is admissible and holds every argument it defends.

    Example:
        >>> is_complete(nx.DiGraph([("a", "b"), ("b", "c")]), {"a"})
        False
        >>> is_complete(nx.DiGraph([("a", "b"), ("b", "c")]), {"a", "c"})
        True
    """
    succ, pred = _adjacency(G)
    s = _members(pred, S)
    attacked = _attacked_by(succ, s)
    if attacked & s:
        return False
    defended = {x for x, atts in pred.items() if all(a in attacked for a in atts)}
    return defended == s


def is_stable(G: nx.DiGraph, S: Iterable[Any]) -> bool:
    """Return True when ``S`` is conflict-free and attacks every argument outside it.

    Example:
        >>> is_stable(nx.DiGraph([("a", "b")]), {"a"})
        True
        >>> is_stable(nx.DiGraph([("a", "a")]), set())
        False
    """
    succ, pred = _adjacency(G)
    s = _members(pred, S)
    attacked = _attacked_by(succ, s)
    return not (attacked & s) and len(s) + len(attacked) == len(pred)


def is_preferred(G: nx.DiGraph, S: Iterable[Any]) -> bool:
    """Return True when ``S`` is a preferred extension: complete, and contained in no
    other complete extension.

    The check searches only the parts of the framework that ``S`` leaves undecided,
    with the members of ``S`` held IN, for a strictly larger complete extension.

    Example:
        >>> is_preferred(nx.DiGraph([("a", "b"), ("b", "a")]), {"a"})
        True
        >>> is_preferred(nx.DiGraph([("a", "b"), ("b", "a")]), set())
        False
    """
    from argmap.semantics.extensions import is_preferred_extension

    s = set(S)
    if not is_complete(G, s):
        return False
    fw = _framework(G)
    return is_preferred_extension(fw, [fw.number(x) for x in s])


# --- acceptance -------------------------------------------------------------------------


@dataclass(frozen=True)
class Acceptance:
    """How an argument fares under a semantics.

    Attributes:
        credulous: it is in at least one extension.
        sceptical: it is in every extension (and there is at least one).
    """

    credulous: bool
    sceptical: bool


def acceptance(G: nx.DiGraph, semantics: str = "grounded") -> dict[Any, Acceptance]:
    """Return the credulous and sceptical acceptance of every argument under ``semantics``.

    Under ``grounded`` both mean membership of the grounded extension. Under
    ``complete`` sceptical acceptance is the grounded extension and credulous
    acceptance the same as under ``preferred``. The parts of the framework are
    combined without listing the extensions of the whole.

    **No stable extension.** By the textbook convention every argument would then be
    sceptically accepted under ``stable`` (a statement about all of no extensions).
    That reads as "accepted" and would mislead, so here, when there is no stable
    extension, every argument is reported ``credulous=False, sceptical=False``.
    ``stable_extensions(G) == []`` tells that case apart.

    Args:
        G: a directed graph; see :func:`attacks`.
        semantics: one of ``"grounded"``, ``"complete"``, ``"preferred"``, ``"stable"``.

    Returns:
        Every node of ``G``, in the graph's order, mapped to its :class:`Acceptance`.

    Raises:
        ValueError: an unknown semantics.

    Example:
        >>> acc = acceptance(nx.DiGraph([("a", "b"), ("b", "a")]), "preferred")
        >>> acc["a"]
        Acceptance(credulous=True, sceptical=False)
        >>> acceptance(nx.DiGraph([("a", "a")]), "stable")["a"]
        Acceptance(credulous=False, sceptical=False)
    """
    return _by_name(_framework(G), semantics)


def acceptance_from_attacks(
    arguments: Iterable[Any], attacks: Iterable[tuple[Any, Any]], semantics: str = "grounded"
) -> dict[Any, Acceptance]:
    """Return :func:`acceptance` for a framework given as plain lists (no graph built).

    Raises:
        ValueError: an unknown semantics, or an attack on an argument not listed.

    Example:
        >>> acc = acceptance_from_attacks("ab", [("a", "b"), ("b", "a")], "preferred")
        >>> acc["b"]
        Acceptance(credulous=True, sceptical=False)
    """
    from argmap.semantics.framework import Framework

    with gc_paused():
        return _by_name(Framework.from_attacks(arguments, attacks), semantics)


def labels_and_acceptance(
    arguments: Sequence[Any], attacks: Sequence[tuple[Any, Any]], semantics: str = "grounded"
) -> tuple[dict[Any, Label], dict[Any, Acceptance]]:
    """Return the grounded labelling and the acceptance under ``semantics`` of a
    framework given as plain lists: what a verdict needs, with no graph built.

    Under ``grounded`` the acceptance is read off the labelling, not worked out again.

    Raises:
        ValueError: an unknown semantics, or an attack on an argument not listed.

    Example:
        >>> labels, accepted = labels_and_acceptance("abc", [("a", "b"), ("b", "c")])
        >>> str(labels["c"]), accepted["c"]
        ('in', Acceptance(credulous=True, sceptical=True))
    """
    from argmap.semantics.acceptance import accept
    from argmap.semantics.framework import Framework
    from argmap.semantics.grounded import grounded

    fw = Framework.from_attacks(arguments, attacks)
    lab = grounded(fw)
    accepted = accept(fw, semantics, lab)
    return lab.by_name(), {a: accepted[i] for i, a in enumerate(fw.names, 1)}


def _by_name(fw: Framework, semantics: str) -> dict[Any, Acceptance]:
    from argmap.semantics.acceptance import accept

    accepted = accept(fw, semantics)
    return dict(zip(fw.names, accepted[1:], strict=True))
