"""The labelling search: complete, preferred and stable labellings of a small part.

A part is a weakly connected set of the arguments the grounded labelling leaves
undecided, numbered 0..m-1. :func:`search` decides it by a backtracking search over
labellings (Caminada 2006: IN iff every attacker is OUT, OUT iff some attacker is IN,
UNDEC otherwise) that propagates those rules to a fixed point after every choice. It
costs nothing to start, so :mod:`argmap.semantics.extensions` uses it on parts of a
few arguments and a SAT solver on the rest.

Example:
    >>> part = Part(nodes=["a", "b"], attackers=[[1], [0]], targets=[[1], [0]])
    >>> search(part, "preferred")
    [1, 2]
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

__all__ = ["Part", "search", "weak_parts"]

# Label sets during the search are bit masks: which labels an argument may still take.
_I, _O, _U = 1, 2, 4
_COMPLETE, _PREFERRED, _STABLE = "complete", "preferred", "stable"


@dataclass(frozen=True)
class Part:
    """A weakly connected part of the arguments the grounded labelling leaves undecided,
    numbered 0..m-1 (``nodes[i]`` is argument i), with attackers and targets by number."""

    nodes: list[Any]
    attackers: list[list[int]]
    targets: list[list[int]]


def weak_parts(attackers: list[list[int]], targets: list[list[int]]) -> list[list[int]]:
    """Return the weakly connected parts of a graph on 0..n-1 given both ways, each as
    its members in breadth-first order from its smallest.

    Example:
        >>> weak_parts([[], [0], []], [[1], [], []])
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


def search(part: Part, mode: str, forced_in: Iterable[int] = ()) -> list[int]:
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
