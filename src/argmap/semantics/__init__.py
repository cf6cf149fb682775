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

Each name is imported from its module on first use, so that a framework searched over
plain lists (:mod:`~argmap.semantics.extensions`) never imports networkx.

Example:
    >>> import networkx as nx
    >>> from argmap.semantics import grounded_extension, preferred_extensions
    >>> G = nx.DiGraph([("a", "b"), ("b", "c")])   # a attacks b, b attacks c
    >>> sorted(grounded_extension(G))
    ['a', 'c']
    >>> preferred_extensions(nx.DiGraph([("a", "b"), ("b", "a")]))
    [frozenset({'a'}), frozenset({'b'})]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap._lazy import exports_getattr, keep_names

if TYPE_CHECKING:
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

# Where each public name lives.
_EXPORTS = {
    "accept": "argmap.semantics.acceptance",
    "SEMANTICS": "argmap.semantics.dung",
    "Acceptance": "argmap.semantics.dung",
    "Label": "argmap.semantics.dung",
    "acceptance": "argmap.semantics.dung",
    "acceptance_from_attacks": "argmap.semantics.dung",
    "attacks": "argmap.semantics.dung",
    "complete_extensions": "argmap.semantics.dung",
    "complete_labellings": "argmap.semantics.dung",
    "grounded_extension": "argmap.semantics.dung",
    "grounded_labelling": "argmap.semantics.dung",
    "grounded_labelling_from_attacks": "argmap.semantics.dung",
    "is_admissible": "argmap.semantics.dung",
    "is_complete": "argmap.semantics.dung",
    "is_conflict_free": "argmap.semantics.dung",
    "is_preferred": "argmap.semantics.dung",
    "is_stable": "argmap.semantics.dung",
    "labels_and_acceptance": "argmap.semantics.dung",
    "preferred_extensions": "argmap.semantics.dung",
    "stable_extensions": "argmap.semantics.dung",
    "stable_labellings": "argmap.semantics.dung",
    "PREFERENCES": "argmap.semantics.framework",
    "Framework": "argmap.semantics.framework",
    "Reduction": "argmap.semantics.framework",
    "Labelling": "argmap.semantics.grounded",
    "grounded": "argmap.semantics.grounded",
    "STRENGTH_METHODS": "argmap.semantics.strength",
    "StrengthResult": "argmap.semantics.strength",
    "strength": "argmap.semantics.strength",
}

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

# A submodule named like one of the names above (grounded, strength, explain, ...)
# must not replace the name when it is imported.
keep_names(__name__, _EXPORTS)


__getattr__ = exports_getattr(__name__, _EXPORTS)
