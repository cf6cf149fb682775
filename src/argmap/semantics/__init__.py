"""Argumentation semantics: which arguments are accepted, and how strongly.

- :mod:`~argmap.semantics.framework`: the one numbered framework every verdict is
  worked out on, built from a map, a graph or a framework file, and its translation
  into a plain Dung framework;
- :mod:`~argmap.semantics.grounded`: the grounded labelling of any framework, with
  supports that must reach evidence and undercuts of relations;
- :mod:`~argmap.semantics.acceptance`: acceptance in every reading or in some
  reading under complete, preferred and stable semantics;
- :mod:`~argmap.semantics.dung`: Dung's semantics over networkx graphs and plain
  lists (extensions, labellings, membership tests);
- :mod:`~argmap.semantics.strength`: gradual strength (DF-QuAD, quadratic energy).

Example:
    >>> import networkx as nx
    >>> G = nx.DiGraph([("a", "b"), ("b", "c")])   # a attacks b, b attacks c
    >>> sorted(grounded_extension(G))
    ['a', 'c']
    >>> preferred_extensions(nx.DiGraph([("a", "b"), ("b", "a")]))
    [frozenset({'a'}), frozenset({'b'})]
"""

from argmap.semantics.acceptance import accept
from argmap.semantics.dung import (
    SEMANTICS,
    Acceptance,
    Label,
    acceptance,
    acceptance_from_attacks,
    attacks,
    complete_extensions,
    complete_labellings,
    grounded_extension,
    grounded_labelling,
    grounded_labelling_from_attacks,
    is_admissible,
    is_complete,
    is_conflict_free,
    is_preferred,
    is_stable,
    labels_and_acceptance,
    preferred_extensions,
    stable_extensions,
    stable_labellings,
)
from argmap.semantics.framework import PREFERENCES, Framework, Reduction
from argmap.semantics.grounded import Labelling, grounded
from argmap.semantics.strength import STRENGTH_METHODS, StrengthResult, strength

__all__ = [
    "PREFERENCES",
    "SEMANTICS",
    "STRENGTH_METHODS",
    "Acceptance",
    "Framework",
    "Label",
    "Labelling",
    "Reduction",
    "StrengthResult",
    "accept",
    "acceptance",
    "acceptance_from_attacks",
    "attacks",
    "complete_extensions",
    "complete_labellings",
    "grounded",
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
    "strength",
]
