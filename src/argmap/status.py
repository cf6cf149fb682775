"""What the map shows about each claim: verdicts in plain words, and why.

Every verdict comes from one function, :func:`verdicts`, on one
:class:`~argmap.semantics.Framework` built once from a map or a framework file; the
listings, ``argmap explain``, the HTML page and framework files all take their
statuses from it. The verdict is the grounded labelling (the sceptical reading that
takes no side where the texts leave a question open), told in words that say what the
map shows, not whether a claim is true:

- **holds**: supported by a chain of accepted supports down to quoted evidence, and
  every attack on it that counts is answered;
- **answered**: an attack that holds denies it;
- **contested**: attacks that answer each other (or a cycle) leave it open;
- **unsupported**: nothing that holds supports it (no quote backs it, or what backs it
  is itself answered or undercut).

Moves that deny nothing (counter-accusations, insults, contrasts) never count.

Example:
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({
    ...     "sources": [{"id": "s", "title": "S", "text": "A. B. C."}],
    ...     "claims": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"},
    ...                {"id": "c", "text": "C"}],
    ...     "evidence": [{"id": "qa", "source": "s", "quote": "A."},
    ...                  {"id": "qb", "source": "s", "quote": "B."}],
    ...     "relations": [{"from": "qa", "to": "a", "type": "supports"},
    ...                   {"from": "qb", "to": "b", "type": "supports"},
    ...                   {"from": "b", "to": "a", "type": "rebuts"},
    ...                   {"from": "c", "to": "b", "type": "rebuts"}]})
    >>> [(s.id, s.verdict) for s in claim_statuses(m)]
    [('a', 'answered'), ('b', 'holds'), ('c', 'unsupported')]
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import compress, islice
from operator import add, attrgetter, itemgetter
from typing import TYPE_CHECKING, Any, NamedTuple

from argmap._bulk import gc_paused
from argmap._text import join_names
from argmap.semantics.acceptance import accept
from argmap.semantics.dung import Label
from argmap.semantics.framework import Framework
from argmap.semantics.grounded import _LABELS, Labelling, grounded

if TYPE_CHECKING:
    import networkx as nx

    from argmap.model import ArgumentMap

__all__ = [
    "COUNT_BUDGET",
    "DISCLAIMER",
    "EXTENSION_LIMIT",
    "SEMANTICS",
    "VERDICT_MEANINGS",
    "VERDICT_WORDS",
    "ClaimStatus",
    "ExtensionListing",
    "StatusTable",
    "Verdict",
    "argument_ids",
    "argument_text",
    "base_scores",
    "claim_statuses",
    "claim_table",
    "extension_listing",
    "node_statuses",
    "status_table",
    "statuses_of",
    "verdicts",
]

#: The semantics ``argmap status`` knows, for the readings.
SEMANTICS = ("grounded", "complete", "preferred", "stable")

#: The verdict words, in the order listings count them.
VERDICT_WORDS = ("holds", "answered", "contested", "unsupported")

#: What each verdict word means, in one line (for help texts, legends and the README).
VERDICT_MEANINGS = {
    "holds": "supported down to quoted evidence, and every attack on it that counts is answered",
    "answered": "an attack that holds denies it",
    "contested": "attacks that answer each other leave it open",
    "unsupported": "nothing that holds supports it",
}

#: What every listing of verdicts says first.
DISCLAIMER = "A verdict says what these texts show, not whether a claim is true."

_MOST_NAMED = 3  # names listed in a one-line reason before "and N more"

# Labels as plain strings (an enum's .value is slow to read a million times).
_PLAIN: dict[Any, str] = {x: x.value for x in Label}


class Verdict(NamedTuple):
    """The verdict on one argument and its reason in one line (a named tuple: one is
    made for every argument, and tuples are made fastest).

    Attributes:
        word: 'holds', 'answered', 'contested' or 'unsupported'.
        reason: why, naming the arguments that decide it.
        label: the grounded label it comes from.
        deciders: the numbers of the arguments that decide it (the attackers that hold
            for 'answered', the open attackers or supporters for 'contested', the
            answered supporters for 'unsupported').
    """

    word: str
    reason: str
    label: Label
    deciders: tuple[int, ...] = ()


def _names(numbers: Sequence[int], ids: Sequence[str]) -> str:
    if len(numbers) == 1:
        return ids[numbers[0] - 1]
    shown = [ids[i - 1] for i in numbers[:_MOST_NAMED]]
    more = len(numbers) - len(shown)
    return join_names([*shown, f"{more} more"] if more > 0 else shown)


_HOLDS_UNATTACKED = Verdict("holds", "nothing that counts attacks it", Label.IN)
_HOLDS_ANSWERED = Verdict("holds", "every attack on it is answered", Label.IN)
_HOLDS_CUT_FAILS = Verdict("holds", "every challenge to its support is answered", Label.IN)
_BARE = Verdict("unsupported", "nothing supports it: no quote or claim backs it", Label.OUT)


def verdicts(
    fw: Framework, lab: Labelling | None = None, ids: Sequence[str] | None = None
) -> list[Verdict]:
    """Return the verdict on every argument of ``fw``, by number (index 0 is unused).

    Reasons name arguments by ``ids`` (by number from 1, as ``ids[i - 1]``) when given,
    else by their names.

    Example:
        >>> fw = Framework.from_attacks("abc", [("a", "b"), ("b", "c"), ("c", "b")])
        >>> [(v.word, v.reason) for v in verdicts(fw)[1:]]  # doctest: +NORMALIZE_WHITESPACE
        [('holds', 'nothing that counts attacks it'),
         ('answered', 'answered by a and c, which hold'),
         ('holds', 'every attack on it is answered')]
    """
    lab = lab if lab is not None else grounded(fw)
    if ids is None:
        ids = [str(a) for a in fw.names]
    if fw.is_plain:
        words, reasons, deciders = _plain_verdicts(fw, lab.nodes, ids, with_deciders=True)
        labels = [_LABELS[x] for x in lab.nodes]
        return list(map(Verdict, words, reasons, labels, deciders))
    node, rel = lab.nodes, lab.relation_values()
    attackers: list[list[int]] = [[] for _ in range(fw.n + 1)]  # numbers of the attacks
    for k, (_, v) in enumerate(fw.attacks):
        attackers[v].append(k)
    challenged = bytearray(fw.n + 1)  # something undercuts a relation into it
    cutters: dict[int, list[tuple[int, int]]] = {}  # argument -> (undercutter, relation)
    for c, k in fw.undercuts:
        target = fw.relation(k)[2]
        challenged[target] = 1
        cutters.setdefault(target, []).append((c, k))
    a = len(fw.attacks)
    supporters: dict[int, list[tuple[int, int]]] = {}
    for k, (u, v) in enumerate(fw.supports):
        supporters.setdefault(v, []).append((u, a + k))
    sources = [u for u, _ in fw.attacks]
    out: list[Verdict] = [Verdict("contested", "", Label.UNDEC)]
    append = out.append
    for i in range(1, fw.n + 1):
        value = node[i]
        atts = attackers[i]
        if value == 1:
            if atts:
                append(_HOLDS_ANSWERED)
            elif challenged[i]:
                won = list(dict.fromkeys(c for c, k in cutters[i] if rel[k] == 2))
                if won:
                    reason = (
                        f"what still supports it holds; {_names(won, ids)} "
                        f"undercut{'s' * (len(won) == 1)} the rest"
                    )
                    append(Verdict("holds", reason, Label.IN, tuple(won)))
                else:
                    append(_HOLDS_CUT_FAILS)
            else:
                append(_HOLDS_UNATTACKED)
            continue
        if value == 2:
            winners = [sources[k] for k in atts if rel[k] == 1]
            if winners:
                verb = "holds" if len(winners) == 1 else "hold"
                reason = f"answered by {_names(winners, ids)}, which {verb}"
                append(Verdict("answered", reason, Label.OUT, tuple(winners)))
                continue
            sups = supporters.get(i, [])
            if not sups:
                append(_BARE)
                continue
            fallen = [u for u, _ in sups if node[u] == 2]
            cut = [u for u, _ in sups if node[u] == 1]
            parts = []
            if fallen:
                parts.append(f"what supports it does not hold ({_names(fallen, ids)})")
            if cut:
                parts.append(f"its support from {_names(cut, ids)} is undercut")
            append(Verdict("unsupported", "; ".join(parts), Label.OUT, tuple(fallen + cut)))
            continue
        open_attacks = [sources[k] for k in atts if rel[k] == 0]
        if open_attacks:
            reason = f"left open by {_names(open_attacks, ids)}, answered in turn (a cycle)"
            append(Verdict("contested", reason, Label.UNDEC, tuple(open_attacks)))
            continue
        open_supports = [u for u, k in supporters.get(i, ()) if rel[k] != 2]
        if not _founded(fw, lab, supporters, i):
            reason = (
                f"only a circle of claims supports it ({_names(open_supports, ids)}), "
                "with no quote under it"
            )
            append(Verdict("unsupported", reason, Label.UNDEC, tuple(open_supports)))
            continue
        reason = f"what supports it is itself contested ({_names(open_supports, ids)})"
        append(Verdict("contested", reason, Label.UNDEC, tuple(open_supports)))
    return out


_LABEL_WORDS = tuple(_PLAIN[x] for x in _LABELS)  # by label number
_WORDS = ("contested", "holds", "answered")  # the verdict of each label on a plain framework
_IN_REASONS = (_HOLDS_UNATTACKED.reason, _HOLDS_ANSWERED.reason)  # by "attacked"
_TIMES_THREE = bytes([0, 3, 6]).ljust(256, b"\0")
_DECIDES = bytes([1, 0, 0, 0, 0, 1]).ljust(256, b"\0")  # codes 0 (UNDEC->UNDEC), 5 (IN->OUT)


def _attacked(fw: Framework) -> bytearray:
    """``attacked[i]`` is 1 when something attacks argument ``i``."""
    attacked = bytearray(fw.n + 1)
    for v in map(itemgetter(1), fw.attacks):
        attacked[v] = 1
    return attacked


def _plain_verdicts(
    fw: Framework,
    node: bytearray,
    ids: Sequence[str],
    *,
    with_deciders: bool,
    attacked: bytearray | None = None,
) -> tuple[list[str], list[str], list[tuple[int, ...]]]:
    """The verdict words, reasons and (when asked) deciders of a plain framework's
    arguments, by number, as :func:`verdicts` gives them, made column by column.

    On a plain framework an IN argument holds, an OUT one is answered by its IN
    attackers and an UNDEC one left open by its UNDEC attackers (it has one, or it
    would be decided): only those attacks name anyone, and they are picked out in C.
    """
    attacks = fw.attacks
    # Each attack coded by its ends' labels, 3 * attacker's + attacked's.
    three = node.translate(_TIMES_THREE)
    codes = bytes(
        map(
            add,
            map(three.__getitem__, map(itemgetter(0), attacks)),
            map(node.__getitem__, map(itemgetter(1), attacks)),
        )
    )
    # Each argument's deciders in attack order, one list per argument (a loop over the
    # deciding attacks costs less than sorting them by target and grouping them).
    by_target: list[list[int]] = [[] for _ in range(fw.n + 1)]
    for u, v in compress(attacks, codes.translate(_DECIDES)):
        by_target[v].append(u)
    words = list(map(_WORDS.__getitem__, node))
    attacked = attacked if attacked is not None else _attacked(fw)
    reasons = list(map(_IN_REASONS.__getitem__, attacked))  # right for IN ones
    names = ["", *ids]  # by number
    for v in compress(range(fw.n + 1), by_target):
        us = by_target[v]
        k = len(us)
        if k == 1:
            who = names[us[0]]
        elif k <= _MOST_NAMED:
            who = join_names([names[u] for u in us])
        else:
            who = f"{', '.join([names[u] for u in us[:_MOST_NAMED]])} and {k - _MOST_NAMED} more"
        if node[v] == 2:
            reasons[v] = f"answered by {who}, which {'holds' if k == 1 else 'hold'}"
        else:
            reasons[v] = f"left open by {who}, answered in turn (a cycle)"
    deciders = list(map(tuple, by_target)) if with_deciders else []
    reasons[0] = ""
    return words, reasons, deciders


def _founded(
    fw: Framework, lab: Labelling, supporters: dict[int, list[tuple[int, int]]], i: int
) -> bool:
    """Return True when a chain of supports not OUT leads to ``i`` from an argument that
    needs no support and is not OUT: evidence could still carry it. A claim that only a
    circle of claims supports is not founded (Oren and Norman's evidential support is a
    finite chain from the evidence)."""
    seen = {i}
    frontier = [i]
    for x in frontier:  # grows while it is read
        for u, k in supporters.get(x, ()):
            if u in seen or lab.relation_label(k) is Label.OUT:
                continue
            if u not in fw.needs_support:
                if lab.label(u) is not Label.OUT:
                    return True
                continue
            seen.add(u)
            frontier.append(u)
    return False


@dataclass(slots=True)
class ClaimStatus:
    """The verdict on one claim (or quote, or argument of a framework file).

    Attributes:
        id: its id.
        kind: 'claim', 'evidence', or 'argument' for a framework file's.
        text: its text (a quote's words, a framework argument's name).
        line: the claim as a reader should take it, with asserters and hedge
            ("According to X (reportedly): ..."); a quote with its credit line.
        asserted_by: ids of the parties who assert it (a quote: whose words it conveys).
        hedge: how surely it is held ('states', 'reports', 'alleges', 'implies');
            None for a framework file's arguments.
        verdict: 'holds', 'answered', 'contested' or 'unsupported'.
        reason: the verdict's reason, in one line.
        label: the grounded label ('in', 'out' or 'undec').
        unrebutted: True when nothing rebuts it.
        quotes: how many quotes back it, directly or through claims that support it.
        semantics: the semantics of the two readings.
        some_reading: accepted in some reading (credulously) under that semantics.
        every_reading: accepted in every reading (sceptically) under that semantics.
        strength: gradual strength in [0, 1], when asked for.
    """

    id: str
    kind: str
    text: str
    line: str
    verdict: str
    reason: str
    label: str
    unrebutted: bool
    semantics: str
    some_reading: bool
    every_reading: bool
    asserted_by: list[str] = field(default_factory=list)
    hedge: str | None = None
    quotes: int = 0
    strength: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the status as JSON-ready data."""
        return {
            "id": self.id,
            "kind": self.kind,
            "text": self.text,
            "line": self.line,
            "asserted_by": list(self.asserted_by),
            "hedge": self.hedge,
            "verdict": self.verdict,
            "reason": self.reason,
            "label": self.label,
            "unrebutted": self.unrebutted,
            "quotes": self.quotes,
            "semantics": self.semantics,
            "in_some_reading": self.some_reading,
            "in_every_reading": self.every_reading,
            "strength": self.strength,
        }


class StatusTable(NamedTuple):
    """Statuses as columns, one list per field of :class:`ClaimStatus` (in its order):
    a million arguments' statuses are made and printed fastest this way.

    Example:
        >>> t = status_table(Framework.from_attacks([1, 2], [(1, 2)]))
        >>> t.verdict, t.reason[1]
        (['holds', 'answered'], 'answered by 1, which holds')
        >>> t.rows()[1].verdict
        'answered'
    """

    id: Sequence[str]
    kind: Sequence[str]
    text: Sequence[str]
    line: Sequence[str]
    verdict: Sequence[str]
    reason: Sequence[str]
    label: Sequence[str]
    unrebutted: Sequence[bool]
    semantics: Sequence[str]
    some_reading: Sequence[bool]
    every_reading: Sequence[bool]
    asserted_by: Sequence[Sequence[str]]
    hedge: Sequence[str | None]
    quotes: Sequence[int]
    strength: Sequence[float | None]

    @classmethod
    def of(cls, statuses: Sequence[ClaimStatus]) -> StatusTable:
        """Return the columns of ``statuses``."""
        return cls(*(list(map(attrgetter(f), statuses)) for f in cls._fields))

    def rows(self) -> list[ClaimStatus]:
        """Return the statuses, one :class:`ClaimStatus` each."""
        *head, asserted_by, hedge, quotes, strength = self
        return list(map(ClaimStatus, *head, map(list, asserted_by), hedge, quotes, strength))


#: How many extensions :func:`extension_listing` lists unless told otherwise.
EXTENSION_LIMIT = 200
#: Past the extensions it lists, :func:`extension_listing` counts the others while the
#: arguments they hold (one more each) add up to at most this many: a framework can
#: have millions of extensions of thousands of arguments each. Then the count is a
#: lower bound.
COUNT_BUDGET = 10_000_000


class ExtensionListing(NamedTuple):
    """The first extensions of a framework under a semantics, and how many there are.

    Attributes:
        semantics: the semantics.
        extensions: the extensions listed, in the order found, each the names of its
            arguments in number order.
        total: how many extensions there are; None when there are more than were
            counted (see :data:`COUNT_BUDGET`).
        left_out: how many extensions are not listed (at least this many when
            ``total`` is None).
    """

    semantics: str
    extensions: list[list[Any]]
    total: int | None
    left_out: int


def extension_listing(
    fw: Framework, semantics: str = "grounded", *, limit: int = EXTENSION_LIMIT
) -> ExtensionListing:
    """Return the first ``limit`` extensions of ``fw`` under ``semantics`` (any that
    :func:`argmap.semantics.extensions.extensions` knows), named, and their count.

    Raises:
        ValueError: an unknown semantics, one that needs a plain framework, or a
            negative limit.

    Example:
        >>> fw = Framework.from_attacks("abc", [("a", "b"), ("b", "a"), ("b", "c")])
        >>> extension_listing(fw, "preferred")
        ExtensionListing(semantics='preferred', extensions=[['b'], ['a', 'c']], total=2, left_out=0)
        >>> extension_listing(fw, "complete", limit=1).left_out
        2
    """
    from argmap.semantics.extensions import extensions

    if limit < 0:
        raise ValueError(f"a limit of {limit} extensions: give 0 or more")
    names = fw.names
    found = extensions(fw, semantics)
    listed = [[names[i - 1] for i in ext] for ext in islice(found, limit)]
    more, budget = 0, COUNT_BUDGET
    for ext in found:
        more += 1
        budget -= len(ext) + 1
        if budget < 0 and next(found, None) is not None:  # one more at least
            return ExtensionListing(semantics, listed, None, more + 1)
    return ExtensionListing(semantics, listed, len(listed) + more, more)


def statuses_of(
    fw: Framework,
    *,
    semantics: str = "grounded",
    scores: Sequence[float] | None = None,
) -> list[ClaimStatus]:
    """Return the status of every argument of a framework file's framework, by number
    order, with the arguments' names as ids and texts.

    Example:
        >>> fw = Framework.from_attacks([1, 2], [(1, 2)])
        >>> [(s.id, s.verdict) for s in statuses_of(fw)]
        [('1', 'holds'), ('2', 'answered')]
    """
    with gc_paused():
        return status_table(fw, semantics=semantics, scores=scores).rows()


def status_table(
    fw: Framework,
    *,
    semantics: str = "grounded",
    scores: Sequence[float] | None = None,
) -> StatusTable:
    """Return the statuses :func:`statuses_of` gives, as columns.

    Example:
        >>> status_table(Framework.from_attacks("ab", [("a", "b")])).label
        ['in', 'out']
    """
    with gc_paused():
        return _argument_table(fw, semantics, scores)


def _argument_table(fw: Framework, semantics: str, scores: Sequence[float] | None) -> StatusTable:
    lab = grounded(fw)
    n, names, node = fw.n, fw.names, lab.nodes
    if names == list(range(1, n + 1)):  # an ICCMA file's: each its own id and text
        ids = texts = list(map(str, names))
    else:
        by_name = argument_ids(names)
        ids = [by_name[a] for a in names]
        texts = [str(a) if type(a) is int else argument_text(a) for a in names]
    attacked = _attacked(fw)
    if fw.is_plain:
        words, reasons, _ = _plain_verdicts(fw, node, ids, with_deciders=False, attacked=attacked)
        del words[0], reasons[0]
    else:
        found = verdicts(fw, lab, ids)[1:]
        words = [v.word for v in found]
        reasons = [v.reason for v in found]
    if semantics == "grounded":
        some = every = [x == 1 for x in node[1:]]
    else:
        accepted = accept(fw, semantics, lab)[1:]
        some = [a.credulous for a in accepted]
        every = [a.sceptical for a in accepted]
    return StatusTable(
        ids,
        ["argument"] * n,
        texts,
        texts,
        words,
        reasons,
        list(map(_LABEL_WORDS.__getitem__, node[1:])),
        [not x for x in attacked[1:]],
        [semantics] * n,
        some,
        every,
        [()] * n,
        [None] * n,
        [0] * n,
        [round(x, 4) for x in scores] if scores is not None else [None] * n,
    )


def node_statuses(
    m: ArgumentMap,
    *,
    semantics: str = "grounded",
    with_strength: bool = False,
    preference: str | None = None,
    support: bool = True,
) -> dict[str, ClaimStatus]:
    """Return the status of every claim and quote of a map, keyed by id (claims first,
    in map order).

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({
        ...     "sources": [{"id": "s", "title": "S", "text": "Oui."}],
        ...     "claims": [{"id": "c", "text": "Yes"}],
        ...     "evidence": [{"id": "q", "source": "s", "quote": "Oui."}],
        ...     "relations": [{"from": "q", "to": "c", "type": "supports"}]})
        >>> {i: (s.kind, s.verdict, s.line) for i, s in node_statuses(m).items()}
        {'c': ('claim', 'holds', 'Yes'), 'q': ('evidence', 'holds', '« Oui. » — s')}

    Args:
        m: the map.
        semantics: 'grounded', 'complete', 'preferred' or 'stable', for the readings
            (the verdict is always the grounded one).
        with_strength: also compute DF-QuAD gradual strength.
        preference: ``"reliability"`` to let a rebuttal from a less reliable source fail
            against a more reliable one (see :meth:`Framework.from_map`).
        support: False to read the map without the rule that claims need support.

    Raises:
        ValueError: an unknown semantics or preference.
    """
    with gc_paused():
        table = _statuses(m, semantics, with_strength, preference, support, quotes_too=True)
        return dict(zip(table.id, table.rows(), strict=True))


def _statuses(
    m: ArgumentMap,
    semantics: str,
    with_strength: bool,
    preference: str | None,
    support: bool,
    *,
    quotes_too: bool,
) -> StatusTable:
    from argmap.attribution import Attribution
    from argmap.graph import CLAIM
    from argmap.model import Hedge

    plain_hedge = {h: h.value for h in Hedge}
    if semantics not in SEMANTICS:
        raise ValueError(f"unknown semantics {semantics!r}; choose one of {', '.join(SEMANTICS)}")
    fw = Framework.from_map(m, support=support, preference=preference)
    lab = grounded(fw)
    found = verdicts(fw, lab)
    accepted = accept(fw, semantics, lab)
    scores: dict[str, float] | None = None
    if with_strength:
        from argmap.graph import to_graph
        from argmap.semantics.strength import strength

        G = to_graph(m)
        scores = strength(G, base_scores(m, G)).scores
    # A rebuttal that fails by preference is still a rebuttal.
    every_attack = fw if preference is None else Framework.from_map(m, support=support)
    rebutted = set(map(itemgetter(1), every_attack.attacks))
    claims = m.claim_by_id()
    evidence = m.evidence_by_id()
    names, kinds = fw.names, fw.kinds
    quotes_for: dict[str, list[str]] = {}
    for supporter, supported in fw.supports:
        if kinds[supporter] != CLAIM:
            quotes_for.setdefault(names[supported - 1], []).append(names[supporter - 1])
    words = Attribution(m, evidence=evidence, quotes_for=quotes_for)
    quotes = _quotes_behind(fw)
    ids: list[str] = []
    kind_of: list[str] = []
    texts: list[str] = []
    lines: list[str] = []
    rows: list[int] = []
    whos: list[list[str]] = []
    hedges: list[str | None] = []
    for i, node in enumerate(names, 1):
        if kinds[i] == CLAIM:
            claim = claims[node]
            hedged = words.claim_hedge(node)
            text = claim.text
            lines.append(words.line_of(text, hedged, [words.name(p) for p in claim.asserted_by]))
            whos.append(claim.asserted_by)
        elif not quotes_too:
            continue
        else:
            ev = evidence[node]
            text = ev.quote
            hedged = words.quote_hedge(node)
            lines.append(f"« {' '.join(text.split())} » — {words.quote_credit(node)}")
            whos.append(ev.speaker)
        ids.append(node)
        kind_of.append(kinds[i])
        texts.append(text)
        hedges.append(plain_hedge[hedged])
        rows.append(i)
    if len(rows) == fw.n:
        found = found[1:]
        accepted = accepted[1:]
    else:
        found = [found[i] for i in rows]
        accepted = [accepted[i] for i in rows]
    return StatusTable(
        ids,
        kind_of,
        texts,
        lines,
        [v.word for v in found],
        [v.reason for v in found],
        [_PLAIN[v.label] for v in found],
        [i not in rebutted for i in rows],
        [semantics] * len(rows),
        [a.credulous for a in accepted],
        [a.sceptical for a in accepted],
        whos,
        hedges,
        [quotes[i] for i in rows],
        [round(scores[node], 4) for node in ids] if scores is not None else [None] * len(rows),
    )


def claim_statuses(
    m: ArgumentMap,
    *,
    semantics: str = "grounded",
    with_strength: bool = False,
    preference: str | None = None,
    support: bool = True,
) -> list[ClaimStatus]:
    """Return the status of every claim of a map, in map order (see
    :func:`node_statuses` for the arguments).

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({
        ...     "parties": [{"id": "oai", "name": "OpenAI's leaders"}],
        ...     "claims": [{"id": "c", "text": "Musk wanted to run OpenAI.",
        ...                 "asserted_by": ["oai"], "hedge": "alleges"}]})
        >>> s = claim_statuses(m)[0]
        >>> s.line
        "According to OpenAI's leaders (reportedly): Musk wanted to run OpenAI."
        >>> s.verdict, s.reason
        ('unsupported', 'nothing supports it: no quote or claim backs it')
    """
    with gc_paused():
        return claim_table(
            m,
            semantics=semantics,
            with_strength=with_strength,
            preference=preference,
            support=support,
        ).rows()


def claim_table(
    m: ArgumentMap,
    *,
    semantics: str = "grounded",
    with_strength: bool = False,
    preference: str | None = None,
    support: bool = True,
) -> StatusTable:
    """Return the statuses :func:`claim_statuses` gives, as columns.

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({"claims": [{"id": "c", "text": "C"}]})
        >>> claim_table(m).verdict
        ['unsupported']
    """
    with gc_paused():
        return _statuses(m, semantics, with_strength, preference, support, quotes_too=False)


_SLUG = re.compile(r"[^a-z0-9]+")


def argument_text(node: Any) -> str:
    """Return the text of the claim that holds a framework's argument: its name, or the
    name in JSON quotes when it is blank.

    Example:
        >>> argument_text(7), argument_text(" ")
        ('7', '" "')
    """
    text = str(node)
    return text if text.strip() else json.dumps(text)


def argument_ids(nodes: Iterable[Any]) -> dict[Any, str]:
    """Return the claim id of each argument of a framework: a slug of its name, made
    unique.

    Example:
        >>> argument_ids(["Tweety flies", "tweety-flies", 3])
        {'Tweety flies': 'tweety-flies', 'tweety-flies': 'tweety-flies-2', 3: '3'}
    """
    ids: dict[Any, str] = {}
    used: set[str] = set()
    for node in nodes:
        text = str(node)
        plain = text.isascii() and text.isdigit()
        base = text if plain else _SLUG.sub("-", text.lower()).strip("-")
        base = base[:100].rstrip("-") or "arg"  # ids have at most 120 characters
        slug, k = base, 2
        while slug in used:
            slug, k = f"{base}-{k}", k + 1
        used.add(slug)
        ids[node] = slug
    return ids


def _quotes_behind(fw: Framework) -> list[int]:
    """How many quotes (arguments of kind 'evidence') reach each argument through
    supports, by number; a quote counts itself."""
    from argmap.graph import EVIDENCE

    preds: dict[int, list[int]] = {}
    for u, v in fw.supports:
        preds.setdefault(v, []).append(u)
    count = [0] * (fw.n + 1)
    memo: dict[int, frozenset[int]] = {}
    quoted = {i for i, k in fw.kinds.items() if k == EVIDENCE}
    for i in range(1, fw.n + 1):
        if i in quoted:
            count[i] = 1
            continue
        direct = preds.get(i)
        if direct is None:
            continue
        if len(direct) == 1 and direct[0] in quoted:
            count[i] = 1
            continue
        if all(map(quoted.__contains__, direct)):
            count[i] = len(set(direct))
            continue
        seen = {i}
        frontier = [i]
        quotes: set[int] = set()
        for x in frontier:  # grows while it is read
            for u in preds.get(x, ()):
                if u in seen:
                    continue
                seen.add(u)
                if u in quoted:
                    quotes.add(u)
                elif u in memo:
                    quotes |= memo[u]
                else:
                    frontier.append(u)
        memo[i] = frozenset(quotes)
        count[i] = len(quotes)
    return count


def base_scores(m: ArgumentMap, G: nx.DiGraph | None = None) -> dict[str, float]:
    """Return the base score of every argument: evidence gets its source's reliability,
    a claim its ``base_score`` or the neutral 0.5.

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({
        ...     "sources": [{"id": "s", "title": "S", "kind": "ai-generated", "text": "x"}],
        ...     "claims": [{"id": "c", "text": "C"}],
        ...     "evidence": [{"id": "e", "source": "s", "quote": "x"}]})
        >>> base_scores(m)
        {'c': 0.5, 'e': 0.3}
    """
    from argmap.graph import EVIDENCE, to_graph

    G = G if G is not None else to_graph(m)
    out: dict[str, float] = {}
    for node, data in G.nodes(data=True):
        if data["kind"] == EVIDENCE:
            out[node] = data["reliability"] if data["reliability"] is not None else 0.5
        else:
            out[node] = data.get("base_score", 0.5)
    return out
