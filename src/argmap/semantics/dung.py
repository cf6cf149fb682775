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

How extensions are found: the grounded labelling comes first (a queue over the
attacks, linear in nodes plus edges); it is contained in every complete labelling,
so only its undecided arguments are left to decide. Those split into weakly
connected parts that are decided independently, each by a backtracking search
over labellings that propagates the complete-labelling rules (an argument is IN
iff all its attackers are OUT, OUT iff some attacker is IN, UNDEC otherwise) to a
fixed point after every choice. The extensions of the whole framework are the
products of those of the parts; :func:`acceptance` combines the parts without
forming the product.

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


def _adjacency_of(
    arguments: Iterable[Any], attacks: Iterable[tuple[Any, Any]]
) -> tuple[_Adjacency, _Adjacency]:
    """Return ``(successors, predecessors)`` built from plain lists, no graph needed."""
    succ: dict[Any, dict[Any, None]] = {a: {} for a in arguments}
    pred: dict[Any, dict[Any, None]] = {a: {} for a in succ}
    try:
        for u, v in attacks:
            succ[u][v] = None
            pred[v][u] = None
    except KeyError as err:
        raise ValueError(f"an attack names {err.args[0]!r}, which is not an argument") from None
    return succ, pred


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


# --- search for complete, preferred and stable labellings -------------------------------

# Label sets during the search are bit masks: which labels an argument may still take.
_I, _O, _U = 1, 2, 4
_COMPLETE, _PREFERRED, _STABLE = "complete", "preferred", "stable"


@dataclass(frozen=True)
class _Part:
    """A weakly connected part of the arguments the grounded labelling leaves undecided,
    numbered 0..m-1 (``nodes[i]`` is argument i), with attackers and targets by number."""

    nodes: list[Any]
    attackers: list[list[int]]
    targets: list[list[int]]


@dataclass(frozen=True)
class _Decomposition:
    grounded: dict[Any, Label]  # the decided part of the grounded labelling
    grounded_in: frozenset[Any]
    parts: list[_Part]


def _weak_parts(attackers: list[list[int]], targets: list[list[int]]) -> list[list[int]]:
    """Return the weakly connected parts of a graph on 0..n-1 given both ways, each as
    its members in breadth-first order from its smallest.

    Example:
        >>> _weak_parts([[], [0], []], [[1], [], []])
        [[0, 1], [2]]
    """
    part_of = [-1] * len(attackers)
    parts: list[list[int]] = []
    for start in range(len(attackers)):
        if part_of[start] >= 0:
            continue
        k = len(parts)
        part_of[start] = k
        members = [start]
        for x in members:  # grows while read: breadth first
            for y in itertools.chain(attackers[x], targets[x]):
                if part_of[y] < 0:
                    part_of[y] = k
                    members.append(y)
        parts.append(members)
    return parts


def _decompose(succ: _Adjacency, pred: _Adjacency) -> _Decomposition:
    """Return the grounded labelling and the weakly connected parts of its undecided rest.

    An undecided argument has no IN attacker, and its attackers outside the undecided
    set are all OUT, so they constrain nothing: the complete labellings of the whole
    are the grounded one extended by a complete labelling of every part, independently.
    """
    label, found = _grounded(succ, pred)
    undecided = [n for n in pred if n not in label]
    index = {n: i for i, n in enumerate(undecided)}
    attackers = [[index[a] for a in pred[n] if a in index] for n in undecided]
    targets = [[index[t] for t in succ[n] if t in index] for n in undecided]
    parts: list[_Part] = []
    for members in _weak_parts(attackers, targets):
        members.sort()
        local = {x: i for i, x in enumerate(members)}
        parts.append(
            _Part(
                nodes=[undecided[x] for x in members],
                attackers=[[local[a] for a in attackers[x]] for x in members],
                targets=[[local[t] for t in targets[x]] for x in members],
            )
        )
    return _Decomposition(label, frozenset(found), parts)


def _search(part: _Part, mode: str, forced_in: Iterable[int] = ()) -> list[int]:
    """Return the complete (``mode='complete'``), preferred or stable labellings of a part,
    each as the bit mask of its IN arguments (OUT are those the IN ones attack, the rest
    UNDEC). ``forced_in`` arguments are IN in every labelling considered; in preferred
    mode the result is then the labellings maximal among those.

    Depth-first search over label choices. Each argument keeps the set of labels it may
    still take; after every choice the rule of each affected argument ("IN iff all
    attackers OUT, OUT iff an attacker IN, UNDEC otherwise") is enforced in both
    directions until nothing changes, which removes the labels no completion can give
    (a choice that leaves an argument no label fails at once). Labels are tried IN
    first. In preferred mode a branch stops as soon as every argument that may still
    be IN lies inside an extension already found, since nothing it finds can be
    maximal; a labelling found later that contains an earlier one replaces it.
    """
    attackers, targets = part.attackers, part.targets
    m = len(attackers)
    full = _I | _O if mode == _STABLE else _I | _O | _U
    dom = [full] * m
    for x in range(m):
        if x in attackers[x]:
            dom[x] &= ~_I  # IN would need itself OUT
    for x in forced_in:
        dom[x] &= _I
    if not all(dom):
        return []
    may_in = sum(1 << x for x in range(m) if dom[x] & _I)  # who may still be IN
    trail: list[tuple[int, int]] = []  # (argument, its label set before a change)
    queue = list(range(m))
    queued = bytearray(b"\x01") * m

    def restrict(y: int, new: int) -> None:
        nonlocal may_in
        old = dom[y]
        trail.append((y, old))
        dom[y] = new
        if old & _I and not new & _I:
            may_in &= ~(1 << y)
        for z in (y, *targets[y]):  # y's own rule and those of its targets involve y
            if not queued[z]:
                queued[z] = 1
                queue.append(z)

    def propagate() -> bool:
        while queue:
            x = queue.pop()
            queued[x] = 0
            atts = attackers[x]
            k = len(atts)
            can_in = can_out = can_undec = can_not_in = 0
            for a in atts:
                d = dom[a]
                can_in += d & _I
                can_out += (d & _O) >> 1
                can_undec += (d & _U) >> 2
                can_not_in += 1 if d & (_O | _U) else 0
            allowed = 0
            if can_out == k:
                allowed |= _I
            if can_in:
                allowed |= _O
            if can_not_in == k and can_undec:
                allowed |= _U
            dx = dom[x] & allowed
            if not dx:
                break
            if dx != dom[x]:
                restrict(x, dx)
            # What each attacker may be, given what x may be (counts may be stale
            # after a change below, which only keeps more labels: still sound).
            for a in atts:
                d = dom[a]
                keep = 0
                if dx & _I and can_out - ((d & _O) >> 1) == k - 1:
                    keep |= _O  # x IN: all attackers OUT
                if dx & _O:
                    keep |= _I  # x OUT: some attacker IN, this one or another
                    if can_in - (d & _I):
                        keep |= _O | _U
                if dx & _U and can_not_in - (1 if d & (_O | _U) else 0) == k - 1:
                    keep |= _U  # x UNDEC: no attacker IN, some UNDEC
                    if can_undec - ((d & _U) >> 2):
                        keep |= _O
                nd = d & keep
                if nd != d:
                    if not nd:
                        break
                    restrict(a, nd)
            else:
                continue
            break
        else:
            return True
        for z in queue:
            queued[z] = 0
        queue.clear()
        return False

    def undo(mark: int) -> None:
        nonlocal may_in
        while len(trail) > mark:
            y, old = trail.pop()
            if old & _I:
                may_in |= 1 << y
            dom[y] = old

    order = sorted(range(m), key=lambda x: -(len(attackers[x]) + len(targets[x])))
    choices = (_I, _O) if mode == _STABLE else (_I, _O, _U)
    found: list[int] = []
    if not propagate():
        return found
    frames: list[list[int]] = []  # [trail mark, argument, next choice index]
    while True:
        if mode == _PREFERRED and any(not may_in & ~p for p in found):
            pass  # nothing here can be maximal
        else:
            pick = next((x for x in order if dom[x] not in (_I, _O, _U)), -1)
            if pick < 0:  # every argument labelled: a solution
                ins = may_in
                if mode == _PREFERRED:
                    found = [p for p in found if p & ~ins]
                found.append(ins)
            else:
                frames.append([len(trail), pick, 0])
        while True:  # next untried choice, deepest first
            if not frames:
                return found
            frame = frames[-1]
            undo(frame[0])
            x = frame[1]
            opts = [c for c in choices if dom[x] & c]
            if frame[2] >= len(opts):
                frames.pop()
                continue
            choice = opts[frame[2]]
            frame[2] += 1
            restrict(x, choice)
            if propagate():
                break


def _masks_to_sets(part: _Part, masks: Iterable[int]) -> list[frozenset[Any]]:
    nodes = part.nodes
    return [frozenset(nodes[i] for i in range(len(nodes)) if mask >> i & 1) for mask in masks]


def _part_extensions(G: nx.DiGraph, mode: str) -> tuple[_Decomposition, list[list[frozenset[Any]]]]:
    """Return the decomposition of ``G`` and each part's extensions under ``mode``."""
    dec = _decompose(*_adjacency(G))
    return dec, [_masks_to_sets(part, _search(part, mode)) for part in dec.parts]


def _sort_key(ext: frozenset[Any]) -> tuple[int, list[str]]:
    return len(ext), sorted(map(repr, ext))


def _combine(dec: _Decomposition, per_part: list[list[frozenset[Any]]]) -> list[frozenset[Any]]:
    """Return the extensions of the whole: the grounded extension with one extension of
    every part, for every choice (none when a part has none), in a fixed order."""
    exts = [dec.grounded_in.union(*pick) for pick in itertools.product(*per_part)]
    return sorted(exts, key=_sort_key)


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
    return _combine(*_part_extensions(G, _COMPLETE))


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
    return _combine(*_part_extensions(G, _PREFERRED))


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
    return _combine(*_part_extensions(G, _STABLE))


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
    s = set(S)
    if not is_complete(G, s):
        return False
    dec = _decompose(*_adjacency(G))
    for part in dec.parts:
        held = [i for i, n in enumerate(part.nodes) if n in s]
        mask = sum(1 << i for i in held)
        if _search(part, _PREFERRED, held) != [mask]:
            return False
    return True


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
    return _acceptance(*_adjacency(G), semantics)


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
    with gc_paused():
        return _acceptance(*_adjacency_of(arguments, attacks), semantics)


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


def _acceptance(succ: _Adjacency, pred: _Adjacency, semantics: str) -> dict[Any, Acceptance]:
    if semantics not in SEMANTICS:
        raise ValueError(f"unknown semantics {semantics!r}; choose one of {', '.join(SEMANTICS)}")
    if semantics == "grounded":
        _, found = _grounded(succ, pred)
        ins = set(found)
        return {n: Acceptance(n in ins, n in ins) for n in pred}
    dec = _decompose(succ, pred)
    mode = _STABLE if semantics == "stable" else _PREFERRED
    some: set[Any] = set(dec.grounded_in)
    every: set[Any] = set(dec.grounded_in)
    for part in dec.parts:
        masks = _search(part, mode)
        if not masks:  # no stable extension at all
            return {n: Acceptance(False, False) for n in pred}
        union = intersection = masks[0]
        for mask in masks[1:]:
            union |= mask
            intersection &= mask
        some.update(*_masks_to_sets(part, [union]))
        if semantics != "complete":
            every.update(*_masks_to_sets(part, [intersection]))
    return {n: Acceptance(n in some, n in every) for n in pred}
