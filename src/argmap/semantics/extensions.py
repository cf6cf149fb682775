"""Extensions of a framework under seven semantics, and the four tasks of ICCMA solvers.

Semantics (Dung 1995 unless named): ``complete``, ``grounded``, ``preferred``,
``stable``; ``semi-stable``, the complete extensions whose range (themselves and what
they attack) no other complete extension's range strictly contains (Caminada,
"Semi-stable semantics", COMMA 2006); ``stage``, the conflict-free sets of maximal
range (Verheij, "Two approaches to dialectical argumentation", NAIC 1996); ``ideal``,
the largest admissible set contained in every preferred extension (Dung, Mancarella
and Toni, "Computing ideal sceptical argumentation", Artificial Intelligence 171,
2007). Tasks: :func:`extensions` (EE), :func:`some_extension` (SE),
:func:`credulous` (DC) and :func:`sceptical` (DS), the last two with a witness.

How: the grounded labelling is worked out first (a linear queue); every complete,
preferred, stable and semi-stable extension extends it, so only its undecided
arguments are searched, part by part (weakly connected parts are independent; the
extensions of the whole are the grounded extension with one extension of every part).
Stage extensions need not extend it, so they are searched over the parts of the whole
framework. A part of at most :data:`SEARCH_LIMIT` arguments is searched by the
labelling search of :mod:`argmap.semantics._labelling`, which costs nothing to start; a
larger one by a SAT solver (:mod:`argmap.semantics.sat`), which learns from its
conflicts where the search would try the same dead ends again and again. The ideal
extension is the greatest fixed point, inside the arguments that no credulously
accepted argument attacks, of "keep what the set defends" (a set there is
conflict-free, and every admissible set there lies in every preferred extension).

A framework with no stable extension has no stable extension to give: ``extensions``
yields nothing, ``some_extension`` returns None, ``credulous`` says no and
``sceptical`` says yes (every one of no extensions holds the argument), as ICCMA
solvers answer.

Arguments are numbers 1..n (:class:`~argmap.semantics.framework.Framework`), and every
extension a sorted list of them.

Example:
    >>> from argmap.semantics.framework import Framework
    >>> fw = Framework.from_attacks([1, 2, 3], [(1, 2), (2, 1), (2, 3)])
    >>> sorted(extensions(fw, "preferred"))
    [[1, 3], [2]]
    >>> credulous(fw, "stable", 3), sceptical(fw, "preferred", 3)
    ((True, [1, 3]), (False, [2]))
"""

from __future__ import annotations

import itertools
from bisect import insort
from collections.abc import Iterable, Iterator, Sequence

from argmap.semantics import sat
from argmap.semantics._labelling import Part, search, weak_parts
from argmap.semantics.framework import ICCMA_SEMANTICS, Framework
from argmap.semantics.grounded import grounded

__all__ = [
    "EXTENSION_SEMANTICS",
    "SEARCH_LIMIT",
    "credulous",
    "extensions",
    "ideal_extension",
    "is_preferred_extension",
    "readings",
    "sceptical",
    "some_extension",
]

#: The semantics of this module, by the name ICCMA gives them.
EXTENSION_SEMANTICS = ICCMA_SEMANTICS

#: Parts of at most this many arguments are searched without a SAT solver.
SEARCH_LIMIT = 12

_SEARCHED = ("complete", "preferred", "stable")
_IN, _OUT = 1, 2


class _Split:
    """The grounded labelling of a plain framework and the parts it leaves undecided
    (or, with ``whole``, the parts of the whole framework)."""

    def __init__(self, fw: Framework, *, whole: bool = False) -> None:
        n = fw.n
        if whole:
            self.label = bytearray(n + 1)
            self.grounded_in: list[int] = []
        else:
            self.label = grounded(fw).nodes
            self.grounded_in = [i for i in range(1, n + 1) if self.label[i] == _IN]
        label = self.label
        undecided = [i for i in range(1, n + 1) if not label[i]]
        local = [-1] * (n + 1)
        for k, i in enumerate(undecided):
            local[i] = k
        attackers: list[list[int]] = [[] for _ in undecided]
        targets: list[list[int]] = [[] for _ in undecided]
        for u, v in set(fw.attacks):
            lu, lv = local[u], local[v]
            if lu >= 0 and lv >= 0:
                attackers[lv].append(lu)
                targets[lu].append(lv)
        for atts in attackers:  # in the file's order: the SAT solver does better so
            atts.sort()
        self.parts: list[Part] = []
        self.where: dict[int, tuple[int, int]] = {}  # argument -> (part, local number)
        for k, members in enumerate(weak_parts(attackers, targets)):
            nodes = undecided
            if len(members) < len(undecided):  # else one part: numbered as it is
                members.sort()
                index = {x: j for j, x in enumerate(members)}
                nodes = [undecided[x] for x in members]
                attackers_k = [[index[a] for a in attackers[x]] for x in members]
                targets_k = [[index[t] for t in targets[x]] for x in members]
            else:
                attackers_k, targets_k = attackers, targets
            for j, i in enumerate(nodes):
                self.where[i] = (k, j)
            self.parts.append(Part(nodes=nodes, attackers=attackers_k, targets=targets_k))

    def whole(self, picks: Sequence[Sequence[int]]) -> list[int]:
        """Return the grounded extension with one extension (local numbers) of every part."""
        ext = self.grounded_in.copy()
        for part, pick in zip(self.parts, picks, strict=True):
            ext += map(part.nodes.__getitem__, pick)
        if self.grounded_in or len(picks) > 1:  # else ascending already
            ext.sort()
        return ext


#: Semantics that give the stable extensions on a symmetric part (see :func:`_symmetric`).
_STABLE_WHEN_SYMMETRIC = ("preferred", "semi-stable", "stage")


def _symmetric(part: Part) -> bool:
    """Return True when every attack of the part is mutual and none is a self-attack.

    In such a framework the preferred, stable and naive extensions coincide (Coste-Marquis,
    Devred and Marquis, "Symmetric argumentation frameworks", ECSQARU 2005), so a stable
    extension exists and the semi-stable and stage ones are the stable ones too: the
    smaller stable encoding finds them all, with no maximisation.
    """
    for x, (atts, tgts) in enumerate(zip(part.attackers, part.targets, strict=True)):
        if len(atts) != len(tgts) or x in atts or sorted(atts) != sorted(tgts):
            return False
    return True


def _as_stable(part: Part, semantics: str) -> bool:
    """Return True when the part's extensions under ``semantics`` are its stable ones."""
    return semantics == "stable" or (semantics in _STABLE_WHEN_SYMMETRIC and _symmetric(part))


def _part_extensions(part: Part, semantics: str, *, by_number: bool = False) -> Iterator[list[int]]:
    """Return the extensions of one part, as they are found: local numbers, or with
    ``by_number`` the arguments' own numbers."""
    m = len(part.nodes)
    labels = part.nodes if by_number else None
    if m <= SEARCH_LIMIT and semantics in _SEARCHED:
        names = labels or range(m)
        masks = search(part, semantics)
        return ([names[j] for j in range(m) if mask >> j & 1] for mask in masks)
    if _as_stable(part, semantics):
        return sat.stable_all(part.attackers, labels)
    if semantics == "preferred":
        return sat.preferred(part.attackers, labels)
    if semantics == "complete":
        return sat.complete(part.attackers, labels=labels)
    found = sat.maximal_range(part.attackers, stage=semantics == "stage")
    return found if labels is None else ([labels[j] for j in e] for e in found)


def _part_with(part: Part, semantics: str, x: int, member: bool) -> list[int] | None:
    """Return an extension of the part that holds ``x`` (``member``) or does not."""
    m = len(part.nodes)
    lit = x + 1 if member else -(x + 1)
    if m > SEARCH_LIMIT and _as_stable(part, semantics):
        return sat.stable(part.attackers, [lit])
    if semantics in ("semi-stable", "stage"):
        found = sat.maximal_range(part.attackers, stage=semantics == "stage", assumptions=[lit])
        return next(found, None)
    if m <= SEARCH_LIMIT:
        return next((e for e in _part_extensions(part, semantics) if (x in e) == member), None)
    if not member:  # the part's grounded labelling leaves everything undecided
        return [] if semantics == "complete" else sat.sceptical_preferred(part.attackers, x)
    return sat.credulous(part.attackers, x, maximal=semantics == "preferred")


def _plain(fw: Framework, semantics: str) -> tuple[Framework, int]:
    """Return a plain framework with the same extensions on 1..n, and n."""
    if semantics not in EXTENSION_SEMANTICS.values():
        known = ", ".join(EXTENSION_SEMANTICS.values())
        raise ValueError(f"unknown semantics {semantics!r}; choose one of {known}")
    if fw.is_plain:
        return fw, fw.n
    if semantics not in ("complete", "grounded", "preferred", "stable"):
        raise ValueError(f"{semantics} semantics needs a plain framework (attacks only)")
    r = fw.reduce()
    return Framework(list(range(1, r.n + 1)), r.attacks), fw.n


def extensions(fw: Framework, semantics: str) -> Iterator[list[int]]:
    """Yield every extension of ``fw`` under ``semantics``, in the order found, each a
    sorted list of argument numbers, each once (none at all for a framework without a stable
    extension under ``stable``).

    Raises:
        ValueError: an unknown semantics, or one that needs a plain framework.

    Example:
        >>> fw = Framework.from_attacks([1, 2, 3], [(1, 2), (2, 1), (3, 3)])
        >>> sorted(extensions(fw, "complete")), list(extensions(fw, "stable"))
        ([[], [1], [2]], [])
        >>> sorted(extensions(fw, "stage")), list(extensions(fw, "ideal"))
        ([[1], [2]], [[]])
    """
    plain, n = _plain(fw, semantics)
    if plain is not fw:  # a translated framework: its extensions cut down to 1..n
        seen: set[tuple[int, ...]] = set()
        for ext in extensions(plain, semantics):
            key = tuple(i for i in ext if i <= n)
            if key not in seen:
                seen.add(key)
                yield list(key)
        return
    if semantics == "ideal":
        yield ideal_extension(fw)
        return
    split = _Split(fw, whole=semantics == "stage")
    if semantics == "grounded":
        yield split.grounded_in
        return
    base = split.grounded_in
    if len(split.parts) == 1:  # streamed, each extension as soon as it is found
        stream = _part_extensions(split.parts[0], semantics, by_number=True)
        if not base:
            yield from stream
        elif len(base) <= 8:  # each a new list, ascending: the few decided ones put in place
            for pick in stream:
                for i in base:
                    insort(pick, i)
                yield pick
        else:
            for pick in stream:
                yield sorted(base + pick)
        return
    per_part = []
    for part in split.parts:
        found = list(_part_extensions(part, semantics, by_number=True))
        if not found:
            return
        per_part.append(found)
    for picks in itertools.product(*per_part):
        yield sorted(itertools.chain(base, *picks))


def some_extension(fw: Framework, semantics: str) -> list[int] | None:
    """Return one extension of ``fw`` under ``semantics``, or None when there is none
    (only ``stable`` can have none). Under ``complete`` it is the grounded extension.

    Example:
        >>> some_extension(Framework.from_attacks([1, 2], [(1, 2), (2, 1)]), "preferred")
        [1]
        >>> some_extension(Framework.from_attacks([1], [(1, 1)]), "stable") is None
        True
    """
    plain, n = _plain(fw, semantics)
    if semantics in ("complete", "grounded"):
        lab = grounded(plain).nodes
        return [i for i in range(1, n + 1) if lab[i] == _IN]
    if semantics == "ideal" or plain is not fw:
        ext = next(extensions(plain, semantics), None)
        return None if ext is None else [i for i in ext if i <= n]
    split = _Split(fw, whole=semantics == "stage")
    picks = []
    for part in split.parts:
        pick = next(_part_extensions(part, semantics), None)
        if pick is None:
            return None
        picks.append(pick)
    return split.whole(picks)


def _with(fw: Framework, semantics: str, x: int, member: bool) -> list[int] | None:
    """Return an extension that holds ``x`` (``member``) or one that does not, or None."""
    if not 1 <= x <= fw.n:
        raise ValueError(f"argument {x} is not in 1..{fw.n}")
    plain, n = _plain(fw, semantics)
    if semantics in ("grounded", "ideal") or plain is not fw:
        for ext in extensions(plain, semantics):
            if (x in ext) == member:
                return [i for i in ext if i <= n]
        return None
    split = _Split(fw, whole=semantics == "stage")
    if split.label[x]:  # decided by the grounded labelling
        if (split.label[x] == _IN) != member:
            return None
        return some_extension(fw, semantics)
    k, j = split.where[x]
    picks = []
    for i, part in enumerate(split.parts):
        pick = (
            _part_with(part, semantics, j, member)
            if i == k
            else ([] if semantics == "complete" else next(_part_extensions(part, semantics), None))
        )
        if pick is None:
            return None
        picks.append(pick)
    return split.whole(picks)


def credulous(fw: Framework, semantics: str, x: int) -> tuple[bool, list[int] | None]:
    """Return whether some extension holds argument ``x``, and one that does (the
    witness), or None.

    Raises:
        ValueError: an unknown semantics, or ``x`` not an argument.

    Example:
        >>> fw = Framework.from_attacks([1, 2, 3], [(1, 2), (2, 3), (3, 1)])
        >>> credulous(fw, "preferred", 1), credulous(fw, "stage", 1)
        ((False, None), (True, [1]))
    """
    witness = _with(fw, semantics, x, True)
    return witness is not None, witness


def sceptical(fw: Framework, semantics: str, x: int) -> tuple[bool, list[int] | None]:
    """Return whether every extension holds argument ``x``, and, when not, one that
    does not (the witness). With no extension at all (``stable``), every one holds it.

    Raises:
        ValueError: an unknown semantics, or ``x`` not an argument.

    Example:
        >>> fw = Framework.from_attacks([1, 2, 3], [(1, 2), (2, 1), (1, 3), (2, 3)])
        >>> sceptical(fw, "preferred", 3), sceptical(fw, "semi-stable", 1)
        ((False, [1]), (False, [2]))
    """
    witness = _with(fw, semantics, x, False)
    return witness is None, witness


def _part_readings(part: Part, semantics: str) -> tuple[list[int], list[int]] | None:
    """Return the arguments of a part (local numbers) that some extension holds and those
    that every extension holds, or None when it has no (stable) extension."""
    m = len(part.nodes)
    if m <= SEARCH_LIMIT:
        masks = search(part, "stable" if semantics == "stable" else "preferred")
        if not masks:
            return None
        some = every = masks[0]
        for mask in masks[1:]:
            some |= mask
            every &= mask
        return [j for j in range(m) if some >> j & 1], [j for j in range(m) if every >> j & 1]
    if _as_stable(part, semantics):
        return sat.stable_readings(part.attackers)
    return sat.credulous_all(part.attackers), sat.sceptical_all(part.attackers)


def readings(fw: Framework, semantics: str) -> tuple[bytearray, bytearray] | None:
    """Return, by argument number, which arguments some extension holds (credulous
    acceptance) and which every extension holds (sceptical), under ``complete``,
    ``grounded``, ``preferred`` or ``stable``; None when there is no stable extension.
    No extension is listed: the parts are searched one by one, by the labelling search
    when small, else by SAT queries (an extension holding an argument not yet seen; one
    without an argument held so far by every extension found).

    Under ``complete`` the sceptical arguments are the grounded extension's, and the
    credulous ones those of ``preferred``.

    Raises:
        ValueError: an unknown semantics.

    Example:
        >>> fw = Framework.from_attacks([1, 2, 3], [(1, 2), (2, 1), (2, 3)])
        >>> some, every = readings(fw, "preferred")
        >>> list(some[1:]), list(every[1:])
        ([1, 1, 1], [0, 0, 0])
        >>> readings(Framework.from_attacks([1], [(1, 1)]), "stable") is None
        True
    """
    known = ("grounded", *_SEARCHED)
    if semantics not in known:
        raise ValueError(f"unknown semantics {semantics!r}; choose one of {', '.join(known)}")
    plain, n = _plain(fw, semantics)
    split = _Split(plain)
    some = bytearray(plain.n + 1)
    for i in split.grounded_in:
        some[i] = 1
    every = some[:]
    if semantics != "grounded":
        for part in split.parts:
            found = _part_readings(part, semantics)
            if found is None:
                return None
            for j in found[0]:
                some[part.nodes[j]] = 1
            if semantics != "complete":
                for j in found[1]:
                    every[part.nodes[j]] = 1
    return some[: n + 1], every[: n + 1]


def is_preferred_extension(fw: Framework, members: Iterable[int]) -> bool:
    """Return True when ``members``, a complete extension of the plain framework ``fw``,
    is a preferred one: no complete extension strictly contains it.

    It holds the grounded extension, so each part the grounded labelling leaves
    undecided is asked, with the members in it held IN, for a complete labelling with
    something more IN.

    Example:
        >>> fw = Framework.from_attacks([1, 2, 3], [(1, 2), (2, 1), (2, 3)])
        >>> is_preferred_extension(fw, [1, 3]), is_preferred_extension(fw, [])
        (True, False)
    """
    inside = set(members)
    for part in _Split(fw).parts:
        held = [j for j, i in enumerate(part.nodes) if i in inside]
        if len(part.nodes) <= SEARCH_LIMIT:
            if search(part, "preferred", held) != [sum(1 << j for j in held)]:
                return False
        elif sat.extends(part.attackers, held):
            return False
    return True


def ideal_extension(fw: Framework) -> list[int]:
    """Return the ideal extension of a plain framework: the largest admissible set
    contained in every preferred extension.

    Example:
        >>> fw = Framework.from_attacks([1, 2], [(1, 2), (2, 1), (2, 2)])
        >>> ideal_extension(fw), some_extension(fw, "grounded")
        ([1], [])
    """
    split = _Split(fw)
    credible = bytearray(fw.n + 1)
    for i in split.grounded_in:
        credible[i] = 1
    for part in split.parts:
        m = len(part.nodes)
        if m <= SEARCH_LIMIT:
            found = set().union(*map(set, _part_extensions(part, "preferred")))
        else:
            found = set(sat.credulous_all(part.attackers))
        for j in found:
            credible[part.nodes[j]] = 1
    attackers: list[list[int]] = [[] for _ in range(fw.n + 1)]
    for u, v in fw.attacks:
        attackers[v].append(u)
    keep = bytearray(fw.n + 1)
    for i in range(1, fw.n + 1):
        if credible[i] and not any(credible[a] for a in attackers[i]):
            keep[i] = 1
    changed = True
    while changed:  # drop what the set no longer defends, until nothing changes
        changed = False
        hit = bytearray(fw.n + 1)
        for u, v in fw.attacks:
            if keep[u]:
                hit[v] = 1
        for i in range(1, fw.n + 1):
            if keep[i] and not all(hit[a] for a in attackers[i]):
                keep[i] = 0
                changed = True
    return [i for i in range(1, fw.n + 1) if keep[i]]
