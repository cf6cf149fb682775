"""The grounded labelling of a :class:`~argmap.semantics.framework.Framework`, directly.

The grounded labelling is the least fixed point of the characteristic operator. For a
framework with supports and undercuts that operator is the one of its bipolar
abstract dialectical framework (Brewka and Woltran 2010; Polberg and Oren 2014 for
evidential support as such a framework), read as labels:

- a relation (attack or support) is IN when its source is IN and every undercutter of
  it is OUT; OUT when its source is OUT or some undercutter is IN;
- an argument is IN when every attack on it is OUT and, if it needs support, some
  support of it is IN; OUT when some attack on it is IN or, if it needs support, every
  support of it is OUT (so at once when nothing supports it);
- everything else is UNDEC.

On a plain framework these are Dung's rules (Dung 1995; Caminada 2006): IN when every
attacker is OUT, OUT when some attacker is IN. A queue settles each argument and
relation once, in time linear in the size of the framework.

Example:
    >>> from argmap.semantics.framework import Framework
    >>> fw = Framework(["claim", "quote", "doubt"], attacks=[(3, 1)], supports=[(2, 1)],
    ...                undercuts=[(2, 0)], needs_support=frozenset({1}))
    >>> lab = grounded(fw)
    >>> [str(lab.label(i)) for i in (1, 2, 3)], str(lab.relation_label(0))
    (['in', 'in', 'in'], 'out')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from argmap._bulk import gc_paused
from argmap.semantics.dung import Label
from argmap.semantics.framework import Framework

__all__ = ["Labelling", "grounded"]

_UNDEC, _IN, _OUT = 0, 1, 2
_LABELS = (Label.UNDEC, Label.IN, Label.OUT)


@dataclass(frozen=True)
class Labelling:
    """Labels of a framework's arguments and relations: 0 UNDEC, 1 IN, 2 OUT.

    Attributes:
        framework: the framework labelled.
        nodes: ``nodes[i]`` is argument i's label (index 0 is unused).
        relations: ``relations[k]`` is relation k's label (empty for plain frameworks,
            where a relation is in force exactly when its attacker is IN).
    """

    framework: Framework
    nodes: bytearray
    relations: bytearray

    def label(self, i: int) -> Label:
        """Return the label of argument ``i``."""
        return _LABELS[self.nodes[i]]

    def relation_label(self, k: int) -> Label:
        """Return the label of relation ``k``: IN when it is in force."""
        if not self.relations:
            return _LABELS[self.nodes[self.framework.relation(k)[1]]]
        return _LABELS[self.relations[k]]

    def relation_values(self) -> bytearray:
        """Return every relation's label as a number (0 UNDEC, 1 IN, 2 OUT), by relation
        number; on a plain framework an attack is IN exactly when its attacker is."""
        if self.relations or not self.framework.attacks:
            return self.relations
        nodes = self.nodes
        return bytearray([nodes[u] for u, _ in self.framework.attacks])

    def by_name(self) -> dict[Any, Label]:
        """Return every argument's label keyed by its name, in number order."""
        labels = _LABELS
        nodes = self.nodes
        return {a: labels[nodes[i]] for i, a in enumerate(self.framework.names, 1)}


def grounded(fw: Framework) -> Labelling:
    """Return the grounded labelling of ``fw``.

    Example:
        >>> fw = Framework.from_attacks("abc", [("a", "b"), ("b", "c")])
        >>> {a: str(x) for a, x in grounded(fw).by_name().items()}
        {'a': 'in', 'b': 'out', 'c': 'in'}
    """
    with gc_paused():
        if fw.is_plain:
            return Labelling(fw, _plain(fw.n, fw.attacks), bytearray())
        return _bipolar(fw)


def _plain(n: int, attacks: list[tuple[int, int]]) -> bytearray:
    """Dung's grounded labelling of arguments 1..n: a first-in first-out queue."""
    succ: list[list[int]] = [[] for _ in range(n + 1)]
    alive = [0] * (n + 1)  # attacks on each argument whose attacker is not yet OUT
    for u, v in attacks:
        succ[u].append(v)
        alive[v] += 1
    # A repeated attack is counted twice in alive[v] and, being twice in succ[u], taken
    # off twice when u goes OUT: the counts stay right.
    label = bytearray(n + 1)
    found = [i for i in range(1, n + 1) if not alive[i]]
    for i in found:
        label[i] = _IN
    for x in found:  # grows while it is read
        for t in succ[x]:
            if label[t]:
                continue
            label[t] = _OUT
            for u in succ[t]:
                if label[u]:
                    continue
                left = alive[u] - 1
                alive[u] = left
                if not left:
                    label[u] = _IN
                    found.append(u)
    return label


def _bipolar(fw: Framework) -> Labelling:
    n = fw.n
    relations = [*fw.attacks, *fw.supports]
    n_att = len(fw.attacks)
    out_rel: list[list[int]] = [[] for _ in range(n + 1)]  # relations from each argument
    cuts: list[list[int]] = [[] for _ in range(n + 1)]  # relations each argument undercuts
    att_alive = [0] * (n + 1)  # attacks on the argument not yet OUT
    sup_alive = [0] * (n + 1)  # supports of the argument not yet OUT
    cut_alive = [0] * len(relations)  # undercutters of the relation not yet OUT
    for k, (s, d) in enumerate(relations):
        out_rel[s].append(k)
        if k < n_att:
            att_alive[d] += 1
        else:
            sup_alive[d] += 1
    for c, k in fw.undercuts:
        cuts[c].append(k)
        cut_alive[k] += 1
    needs = bytearray(n + 1)
    for x in fw.needs_support:
        needs[x] = 1
    src = [r[0] for r in relations]
    dst = [r[1] for r in relations]
    node = bytearray(n + 1)
    rel = bytearray(len(relations))
    sup_in = bytearray(n + 1)
    # The queue holds what was settled, in order: argument i as i (from 1), relation k
    # as ~k (negative). Each is settled once; its label is in node or rel.
    queue: list[int] = []
    for x in range(1, n + 1):
        if needs[x]:
            if not sup_alive[x]:
                node[x] = _OUT
                queue.append(x)
        elif not att_alive[x]:
            node[x] = _IN
            queue.append(x)
    for item in queue:  # grows while it is read
        if item > 0:  # argument item is settled
            if node[item] == _OUT:
                for k in out_rel[item]:
                    if not rel[k]:
                        rel[k] = _OUT
                        queue.append(~k)
                for k in cuts[item]:
                    cut_alive[k] -= 1
                    if not cut_alive[k] and not rel[k] and node[src[k]] == _IN:
                        rel[k] = _IN
                        queue.append(~k)
            else:
                for k in out_rel[item]:
                    if not rel[k] and not cut_alive[k]:
                        rel[k] = _IN
                        queue.append(~k)
                for k in cuts[item]:
                    if not rel[k]:
                        rel[k] = _OUT
                        queue.append(~k)
            continue
        k = ~item  # relation k is settled
        d = dst[k]
        if node[d]:
            if k >= n_att and rel[k] == _IN:
                sup_in[d] = 1
            continue
        if k < n_att:
            if rel[k] == _IN:
                node[d] = _OUT
                queue.append(d)
            else:
                att_alive[d] -= 1
                if not att_alive[d] and (sup_in[d] or not needs[d]):
                    node[d] = _IN
                    queue.append(d)
        elif rel[k] == _IN:
            sup_in[d] = 1
            if not att_alive[d]:
                node[d] = _IN
                queue.append(d)
        else:
            sup_alive[d] -= 1
            if needs[d] and not sup_alive[d]:
                node[d] = _OUT
                queue.append(d)
    return Labelling(fw, node, rel)
