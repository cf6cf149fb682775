"""Acceptance of a framework's arguments in every reading or in some reading.

A *reading* is an extension of the chosen semantics (Dung 1995): an argument is
accepted *in every reading* (sceptically) when every extension holds it, *in some
reading* (credulously) when at least one does. A framework with supports or undercuts
is first translated into a plain one (:meth:`Framework.reduce`), whose complete
labellings agree with its own on the original arguments, and so do the preferred ones
(the most decided complete labellings) and the stable ones (complete labellings that
leave nothing undecided: the two-valued models of the framework read as an abstract
dialectical framework; these may accept claims that only support each other, which
the stable models of Brewka et al. 2013 rule out, so the stable reading is offered for
plain frameworks first).

Example:
    >>> from argmap.semantics.framework import Framework
    >>> fw = Framework.from_attacks("ab", [("a", "b"), ("b", "a")])
    >>> accept(fw, "preferred")[1]
    Acceptance(credulous=True, sceptical=False)
"""

from __future__ import annotations

from argmap.semantics.dung import SEMANTICS, Acceptance
from argmap.semantics.extensions import readings
from argmap.semantics.framework import Framework
from argmap.semantics.grounded import Labelling, grounded

__all__ = ["accept"]


def accept(
    fw: Framework, semantics: str = "grounded", labelling: Labelling | None = None
) -> list[Acceptance]:
    """Return the acceptance of every argument of ``fw`` under ``semantics``, by
    number (index 0 is unused).

    Under ``grounded`` both readings are membership of the grounded extension, read off
    ``labelling`` when it is given. When a framework has no stable extension, nothing
    is accepted under ``stable`` (see :func:`argmap.semantics.acceptance`).

    Raises:
        ValueError: an unknown semantics.

    Example:
        >>> fw = Framework(["c"], [], needs_support=frozenset({1}))
        >>> accept(fw, "preferred")[1]
        Acceptance(credulous=False, sceptical=False)
    """
    if semantics not in SEMANTICS:
        raise ValueError(f"unknown semantics {semantics!r}; choose one of {', '.join(SEMANTICS)}")
    if semantics == "grounded":
        lab = labelling if labelling is not None else grounded(fw)
        yes, no = Acceptance(True, True), Acceptance(False, False)
        return [no, *(yes if x == 1 else no for x in lab.nodes[1:])]
    found = readings(fw, semantics)
    no = Acceptance(False, False)
    if found is None:  # no stable extension: nothing is accepted (see above)
        return [no] * (fw.n + 1)
    some, every = found
    kinds = {(0, 0): no, (1, 0): Acceptance(True, False), (1, 1): Acceptance(True, True)}
    return [no, *map(kinds.__getitem__, zip(some[1:], every[1:], strict=True))]
