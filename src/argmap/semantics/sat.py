"""Extensions found by a SAT solver: labelling encodings on python-sat.

The arguments of a part are numbered 0..m-1 and given by their attackers. Each
argument ``x`` has two variables, ``in(x) = x + 1`` and ``out(x) = m + x + 1`` (UNDEC
is neither), and the clauses say what a complete labelling is (Caminada 2006; the
encoding of Cerutti, Dunne, Giacomin and Vallati, "Computing preferred extensions in
abstract argumentation: a SAT-based approach", TAFA 2013): ``x`` is IN iff every
attacker is OUT, OUT iff some attacker is IN, never both. A third variable
``range(x) = 2m + x + 1``, when asked for, stands for "IN or OUT". Stable extensions
need only ``in(x)``: conflict-free, and every argument IN or attacked by one that is
(Besnard and Doutre 2004).

Preferred extensions come from *iterated maximisation* (the PrefSAT scheme of that
paper, as ICCMA solvers use it): a complete labelling found is grown, an undecided
argument at a time asked to come IN while everything IN stays IN, until the solver
says no; the IN set is then a preferred extension, and a clause asking for some
argument outside it keeps every later answer from being a subset of it. A labelling
with nothing UNDEC is stable, hence preferred, at once. The solver is told to try IN
first, so most labellings it finds are already maximal. Semi-stable and stage
extensions grow the range the same way (Caminada 2006; Verheij 1996), then list every
labelling with that range.

Example:
    >>> sorted(preferred([[1], [0], [1]]))      # 0 <-> 1, 1 -> 2
    [[0, 2], [1]]
    >>> complete_count = len(list(complete([[1], [0]])))
    >>> complete_count
    3
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable, Iterator, Sequence
from typing import Any

__all__ = [
    "SOLVER",
    "complete",
    "credulous",
    "credulous_all",
    "extends",
    "maximal_range",
    "preferred",
    "sceptical_all",
    "sceptical_preferred",
    "stable",
    "stable_all",
    "stable_readings",
]

#: The python-sat solver used: CaDiCaL 1.9.5, which follows the phases it is given (IN first)
#: and so mostly finds maximal labellings at once.
SOLVER = "cd19"

Attackers = Sequence[Sequence[int]]


def _new_solver() -> Any:
    """Return a fresh CaDiCaL 1.9.5 (python-sat's own class for it, so that every call
    goes straight to the solver rather than through the generic ``Solver`` front)."""
    from pysat.solvers import Cadical195

    return Cadical195()


class _Encoding:
    """A solver holding the complete-labelling clauses of a part (or conflict-freeness
    only, for stage extensions), with fresh variables on demand."""

    def __init__(
        self,
        attackers: Attackers,
        *,
        ranged: bool = False,
        stage: bool = False,
    ) -> None:
        m = len(attackers)
        self.m = m
        self.solver: Any = _new_solver()
        self.top = 3 * m if ranged or stage else 2 * m
        add = self.solver.add_clause
        if stage:
            self._stage(attackers)
            return
        for x, atts in enumerate(attackers):
            i, o = x + 1, m + x + 1
            add([-i, -o])
            add([i, *(-(m + a + 1) for a in atts)])  # every attacker OUT: IN
            add([-o, *(a + 1 for a in atts)])  # OUT: some attacker IN
            for a in atts:
                add([-i, m + a + 1])  # IN: every attacker OUT
                add([-(a + 1), o])  # an attacker IN: OUT
            if ranged:
                r = 2 * m + x + 1
                add([-r, i, o])
                add([r, -i])
                add([r, -o])
        self.solver.set_phases(list(range(1, m + 1)))

    def _stage(self, attackers: Attackers) -> None:
        """Conflict-freeness only, and range(x) iff x or an attacker of x is IN."""
        m = self.m
        add = self.solver.add_clause
        for x, atts in enumerate(attackers):
            i, r = x + 1, 2 * m + x + 1
            for a in atts:
                add([-i, -(a + 1)])
                add([r, -(a + 1)])
            add([-r, i, *(a + 1 for a in atts)])
            add([r, -i])
            add([-(m + x + 1)])  # out(x) is not used
        self.solver.set_phases([2 * m + x + 1 for x in range(m)])

    def fresh(self) -> int:
        self.top += 1
        return self.top

    def solve(self, assumptions: Sequence[int] = ()) -> list[int] | None:
        """Return the model (literal of variable v at index v - 1), or None."""
        solver = self.solver
        if not solver.solve(assumptions):
            return None
        model: list[int] = solver.get_model()
        return model

    def delete(self) -> None:
        self.solver.delete()


def _namer(m: int, labels: Sequence[int] | None) -> Callable[[list[int]], list[int]]:
    """Return the function that turns the true IN literals of a model (ascending) into
    the arguments' numbers, or their ``labels`` (ascending, as a part's arguments are)."""
    if labels is None:
        return lambda true: [v - 1 for v in true]
    if labels[-1] == m:  # labels 1..m: the variables themselves
        return lambda true: true
    by_variable = [0, *labels]
    return lambda true: list(map(by_variable.__getitem__, true))


def _ins(model: list[int], m: int, labels: Sequence[int] | None = None) -> list[int]:
    """Return the IN arguments of ``model``: their numbers, or their ``labels``."""
    return _namer(m, labels)([v for v in model[:m] if v > 0])


def _nothing_undec(model: list[int], m: int, ins: list[int]) -> bool:
    """Return True when the complete labelling ``model``, whose IN variables are ``ins``,
    leaves nothing UNDEC (it is stable, so preferred).

    Argument x adds -m to the sum of the first 2m literals when IN (+(x+1) - (m+x+1)),
    +m when OUT, and -(m + 2x + 2) when UNDEC, so the sum is m * (m - 2|IN|) iff nothing
    is UNDEC: one pass in C rather than one in Python.
    """
    return sum(model[: 2 * m]) == m * (m - 2 * len(ins))


def _grow(enc: _Encoding, model: list[int]) -> tuple[list[int], list[int]]:
    """Return a model whose IN set is a preferred extension containing the IN set of
    ``model`` (a complete labelling), and that IN set (as variables)."""
    m = enc.m
    while True:
        ins = [v for v in model[:m] if v > 0]
        if _nothing_undec(model, m, ins):
            return model, ins  # stable: nothing can be added
        undec = [x + 1 for x in range(m) if model[x] < 0 and model[m + x] < 0]
        act = enc.fresh()
        enc.solver.add_clause([-act, *undec])
        bigger = enc.solve([act, *ins])
        enc.solver.add_clause([-act])
        if bigger is None:
            return model, ins
        model = bigger


def _outside(model: list[int], m: int) -> list[int]:
    """Return the clause asking for an argument that is not IN in ``model``: it keeps
    every later labelling from being a subset of this one."""
    return [-v for v in model[:m] if v < 0]


def preferred(attackers: Attackers, labels: Sequence[int] | None = None) -> Iterator[list[int]]:
    """Yield every preferred extension of the part (IN arguments, ascending; given by
    their ``labels`` when there are labels).

    Example:
        >>> list(preferred([[0]]))          # a self-attacker: only the empty set
        [[]]
    """
    enc = _Encoding(attackers)
    m = enc.m
    name = _namer(m, labels)
    solver = enc.solver
    solve, get_model, add = solver.solve, solver.get_model, solver.add_clause
    try:
        while solve():  # most labellings found have nothing UNDEC: that case inline
            model = get_model()
            ins = [v for v in model[:m] if v > 0]
            if not _nothing_undec(model, m, ins):
                model, ins = _grow(enc, model)
            outside = _outside(model, m)
            yield name(ins)
            if not outside:
                return
            add(outside)
    finally:
        enc.delete()


def complete(attackers: Attackers, *, labels: Sequence[int] | None = None) -> Iterator[list[int]]:
    """Yield every complete extension of the part, as :func:`preferred` does.

    Example:
        >>> sorted(complete([[1], [0]]))
        [[], [0], [1]]
    """
    enc = _Encoding(attackers)
    m = enc.m
    try:
        while True:
            model = enc.solve()
            if model is None:
                return
            yield _ins(model, m, labels)
            enc.solver.add_clause(list(map(operator.neg, model[:m])))  # not this IN set again
    finally:
        enc.delete()


def _stable_solver(attackers: Attackers) -> Any:
    """Return a solver whose models are the stable extensions of the part: one variable
    ``x + 1`` per argument (IN), a clause per attack (conflict-free) and one per argument
    (IN, or attacked by an IN argument). This is the propositional encoding of stable
    extensions (Besnard and Doutre, "Checking the acceptability of a set of arguments",
    NMR 2004), half the variables and fewer clauses than the complete-labelling one.
    """
    solver = _new_solver()
    add = solver.add_clause
    for x, atts in enumerate(attackers):
        i = x + 1
        add([i, *(a + 1 for a in atts)])
        for a in atts:
            if a == x:
                add([-i])
            elif a > x or x not in attackers[a]:  # a mutual attack gives one clause
                add([-i, -(a + 1)])
    solver.set_phases(list(range(1, len(attackers) + 1)))
    return solver


def stable_all(attackers: Attackers, labels: Sequence[int] | None = None) -> Iterator[list[int]]:
    """Yield every stable extension of the part, as :func:`preferred` does.

    No stable extension contains another (each is a preferred one), so one found is
    ruled out by a clause asking for one of its members to be left out, as short as the
    extension itself.

    Example:
        >>> sorted(stable_all([[1], [0], [1]]))      # 0 <-> 1, 1 -> 2
        [[0, 2], [1]]
        >>> list(stable_all([[2], [0], [1]]))        # an odd cycle: none
        []
    """
    solver = _stable_solver(attackers)
    name = _namer(len(attackers), labels)
    try:
        while solver.solve():
            ins = [v for v in solver.get_model() if v > 0]
            if not ins:  # the empty part's one extension
                yield name(ins)
                return
            block = list(map(operator.neg, ins))  # before the caller holds ``ins``
            yield name(ins)
            solver.add_clause(block)
    finally:
        solver.delete()


def stable(attackers: Attackers, assumptions: Sequence[int] = ()) -> list[int] | None:
    """Return one stable extension of the part, under ``assumptions`` (``x + 1``: x IN,
    ``-(x + 1)``: x not IN), or None when there is none.

    Example:
        >>> stable([[1], [0]], [2]), stable([[0]])
        ([1], None)
    """
    solver = _stable_solver(attackers)
    try:
        if not solver.solve(list(assumptions)):
            return None
        return _ins(solver.get_model(), len(attackers))
    finally:
        solver.delete()


def credulous(attackers: Attackers, x: int, *, maximal: bool = True) -> list[int] | None:
    """Return an extension holding ``x``: a preferred one (or, with ``maximal=False``,
    just a complete one), or None when no admissible set holds ``x``.

    Example:
        >>> credulous([[1], [0], [1]], 2), credulous([[0]], 0)
        ([0, 2], None)
    """
    enc = _Encoding(attackers)
    try:
        model = enc.solve([x + 1])
        if model is None:
            return None
        if maximal:
            model, _ = _grow(enc, model)
        return _ins(model, enc.m)
    finally:
        enc.delete()


def sceptical_preferred(attackers: Attackers, x: int) -> list[int] | None:
    """Return a preferred extension without ``x``, or None when every one holds it.

    Preferred extensions holding ``x`` are ruled out one by one (each by the clause
    :func:`preferred` adds), each found by growing a complete labelling with ``x`` not
    IN.

    Example:
        >>> sceptical_preferred([[1], [0], [1]], 2), sceptical_preferred([[], [0]], 0)
        ([1], None)
    """
    enc = _Encoding(attackers)
    m = enc.m
    try:
        while True:
            model = enc.solve([-(x + 1)])
            if model is None:
                return None
            model, _ = _grow(enc, model)
            if model[x] < 0:
                return _ins(model, m)
            outside = _outside(model, m)
            if not outside:
                return None
            enc.solver.add_clause(outside)
    finally:
        enc.delete()


def credulous_all(attackers: Attackers) -> list[int]:
    """Return the arguments of the part that some admissible set holds.

    Example:
        >>> credulous_all([[1], [0], [2]])
        [0, 1]
    """
    enc = _Encoding(attackers)
    try:
        first = enc.solve()
        seen = _seen(enc.solve, enc.fresh, enc.solver.add_clause, enc.m, first)
    finally:
        enc.delete()
    return [x for x in range(enc.m) if seen[x]]


def _seen(
    solve: Callable[[list[int]], list[int] | None],
    fresh: Callable[[], int],
    add: Callable[[list[int]], Any],
    m: int,
    model: list[int] | None,
) -> bytearray:
    """Return which of the m arguments some model holds IN, starting from ``model`` and
    asking ``solve`` (under a fresh activation variable each time) for a model holding
    an argument not yet seen, until there is none."""
    seen = bytearray(m)
    while model is not None:
        for v in model[:m]:
            if v > 0:
                seen[v - 1] = 1
        rest = [x + 1 for x in range(m) if not seen[x]]
        if not rest:
            break
        act = fresh()
        add([-act, *rest])
        model = solve([act])
        add([-act])
    return seen


def stable_readings(attackers: Attackers) -> tuple[list[int], list[int]] | None:
    """Return the arguments of the part that some stable extension holds and those that
    every one holds, or None when it has no stable extension; no extension is listed.

    One solver answers every question: an extension holding an argument not yet seen in
    any (until none is left), then, for each argument held so far by every extension
    found, an extension without it.

    Example:
        >>> stable_readings([[1], [0], [1]]), stable_readings([[0]])
        (([0, 1, 2], []), None)
    """
    solver = _stable_solver(attackers)
    m = len(attackers)
    try:
        if not solver.solve():
            return None
        model = solver.get_model()  # read before any clause is added: it is lost then
        every = {v - 1 for v in model[:m] if v > 0}

        def solve(assumptions: list[int]) -> list[int] | None:
            return solver.get_model() if solver.solve(assumptions) else None

        seen = _seen(solve, itertools.count(m + 1).__next__, solver.add_clause, m, model)
        for x in sorted(every):
            if x in every and solver.solve([-(x + 1)]):
                every.intersection_update(v - 1 for v in solver.get_model()[:m] if v > 0)
        return [x for x in range(m) if seen[x]], sorted(every)
    finally:
        solver.delete()


def sceptical_all(attackers: Attackers) -> list[int]:
    """Return the arguments of the part that every preferred extension holds.

    A first preferred extension gives the candidates; for each candidate still left,
    the solver looks for a preferred extension without it (each one found removes what
    it lacks). The preferred extensions that hold the candidate are ruled out by clauses
    that hold only while that candidate is asked about, so one solver answers for all.

    Example:
        >>> sceptical_all([[1], [0], [1]]), sceptical_all([[], [0], [1]])
        ([], [0, 2])
    """
    enc = _Encoding(attackers)
    m = enc.m
    try:
        model = enc.solve()
        if model is None:  # cannot happen: the grounded labelling is complete
            return []
        _, ins = _grow(enc, model)
        every = {v - 1 for v in ins}
        for x in sorted(every):
            if x not in every:
                continue
            act = enc.fresh()
            while True:
                found = enc.solve([act, -(x + 1)])
                if found is None:
                    break  # every preferred extension holds x
                found, ins = _grow(enc, found)
                if found[x] < 0:
                    every.intersection_update(v - 1 for v in ins)
                    break
                enc.solver.add_clause([-act, *_outside(found, m)])
            enc.solver.add_clause([-act])
        return sorted(every)
    finally:
        enc.delete()


def extends(attackers: Attackers, held: Sequence[int]) -> bool:
    """Return True when some complete labelling of the part holds every argument of
    ``held`` IN and some other argument IN too.

    Example:
        >>> extends([[1], [0]], []), extends([[1], [0]], [0])
        (True, False)
    """
    enc = _Encoding(attackers)
    try:
        inside = set(held)
        act = enc.fresh()
        enc.solver.add_clause([-act, *(x + 1 for x in range(enc.m) if x not in inside)])
        return enc.solve([act, *(x + 1 for x in held)]) is not None
    finally:
        enc.delete()


def maximal_range(
    attackers: Attackers, *, stage: bool = False, assumptions: Sequence[int] = ()
) -> Iterator[list[int]]:
    """Yield the semi-stable extensions of the part (complete labellings whose range,
    IN or OUT, no other complete labelling's range strictly contains), or with
    ``stage`` its stage extensions (conflict-free sets of maximal range, the range of a
    set being it and what it attacks). ``assumptions`` filter the extensions yielded
    (not the ranges compared).

    Each maximal range is found by growing a range until the solver finds none larger;
    every extension with exactly that range is then listed, and a clause asking for an
    argument outside the range rules out every range it contains.

    Example:
        >>> sorted(maximal_range([[1], [0], [2]]))            # 0 <-> 1, 2 self-attacks
        [[0], [1]]
        >>> sorted(maximal_range([[], [0, 1]], stage=True))   # 0 -> 1, 1 self-attacks
        [[0]]
    """
    enc = _Encoding(attackers, ranged=not stage, stage=stage)
    m = enc.m
    rng = [2 * m + x + 1 for x in range(m)]
    try:
        while True:
            model = enc.solve()
            if model is None:
                return
            while True:  # grow the range
                inside = [r for r in rng if model[r - 1] > 0]
                outside = [r for r in rng if model[r - 1] < 0]
                if not outside:
                    break
                act = enc.fresh()
                enc.solver.add_clause([-act, *outside])
                bigger = enc.solve([act, *inside])
                enc.solver.add_clause([-act])
                if bigger is None:
                    break
                model = bigger
            exact = [*inside, *(-r for r in outside)]
            act = enc.fresh()
            while True:  # every extension with this range
                found = enc.solve([act, *exact, *assumptions])
                if found is None:
                    break
                yield _ins(found, m)
                enc.solver.add_clause([-act, *(-x for x in found[:m])])
            enc.solver.add_clause([-act])
            if not outside:
                return
            enc.solver.add_clause(outside)
    finally:
        enc.delete()
