"""Which claims stand: verdicts from argumentation semantics, and explanations of them.

The attack relation is ``rebuts``; claims and evidence are both arguments.
A claim is *standing* when it is in the grounded labelling (every rebuttal of
it is itself defeated), *defeated* when a standing argument rebuts it, and
*undecided* otherwise (for instance when two claims rebut each other).

Example:
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({"claims": [
    ...     {"id": "a", "text": "A"}, {"id": "b", "text": "B"}, {"id": "c", "text": "C"}],
    ...     "relations": [{"from": "b", "to": "a", "type": "rebuts"},
    ...                   {"from": "c", "to": "b", "type": "rebuts"}]})
    >>> [(s.id, s.verdict) for s in claim_statuses(m)]
    [('a', 'standing'), ('b', 'defeated'), ('c', 'standing')]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import networkx as nx

from argmap.graph import CLAIM, EVIDENCE, REBUTS, SUPPORTS, Links, to_graph
from argmap.model import ArgumentMap
from argmap.provenance import prove_quotes
from argmap.semantics import Label, labels_and_acceptance, strength

__all__ = [
    "SEMANTICS",
    "VERDICTS",
    "ClaimStatus",
    "base_scores",
    "claim_statuses",
    "explain",
]

#: The semantics ``argmap status`` knows.
SEMANTICS = ("grounded", "complete", "preferred", "stable")

#: Plain words for the grounded labels.
VERDICTS = {Label.IN: "standing", Label.OUT: "defeated", Label.UNDEC: "undecided"}


@dataclass(frozen=True)
class ClaimStatus:
    """The verdict on one claim.

    Attributes:
        id: the claim's id.
        text: the claim's text.
        unrebutted: True when nothing rebuts it at all.
        label: its grounded label ('in', 'out' or 'undec').
        verdict: the label in words: 'standing', 'defeated' or 'undecided'.
        semantics: the semantics of ``credulous`` and ``sceptical``.
        credulous: accepted in at least one extension of that semantics.
        sceptical: accepted in every extension of that semantics.
        strength: gradual strength in [0, 1], when asked for.
    """

    id: str
    text: str
    unrebutted: bool
    label: str
    verdict: str
    semantics: str
    credulous: bool
    sceptical: bool
    strength: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the status as JSON-ready data."""
        return {
            "id": self.id,
            "text": self.text,
            "unrebutted": self.unrebutted,
            "label": self.label,
            "verdict": self.verdict,
            "semantics": self.semantics,
            "credulous": self.credulous,
            "sceptical": self.sceptical,
            "strength": self.strength,
        }


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
    G = G if G is not None else to_graph(m)
    out: dict[str, float] = {}
    for node, data in G.nodes(data=True):
        if data["kind"] == EVIDENCE:
            out[node] = data["reliability"] if data["reliability"] is not None else 0.5
        else:
            out[node] = data.get("base_score", 0.5)
    return out


def claim_statuses(
    m: ArgumentMap, *, semantics: str = "grounded", with_strength: bool = False
) -> list[ClaimStatus]:
    """Return the verdict on every claim, in map order.

    Args:
        m: the map.
        semantics: 'grounded', 'complete', 'preferred' or 'stable', for credulous and
            sceptical acceptance (the verdict is always the grounded one).
        with_strength: also compute DF-QuAD gradual strength.

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({"claims": [
        ...     {"id": "a", "text": "A"}, {"id": "b", "text": "B"}],
        ...     "relations": [{"from": "a", "to": "b", "type": "rebuts"},
        ...                   {"from": "b", "to": "a", "type": "rebuts"}]})
        >>> [(s.verdict, s.credulous, s.sceptical)
        ...  for s in claim_statuses(m, semantics="preferred")]
        [('undecided', True, False), ('undecided', True, False)]
    """
    # The verdicts need only who rebuts whom: plain lists, no networkx graph (which
    # costs more than the labelling on large maps); the strength needs the graph.
    links = Links(m)
    attacks = _rebuttals(links)
    labels, accepted = labels_and_acceptance(list(links.kind), attacks, semantics)
    if with_strength:
        G = to_graph(m)
        scores = strength(G, base_scores(m, G)).scores
    rebutted = {v for _, v in attacks}
    claims = m.claim_by_id()
    out: list[ClaimStatus] = []
    for node, kind in links.kind.items():
        if kind != CLAIM:
            continue
        label = labels[node]
        out.append(
            ClaimStatus(
                id=node,
                text=claims[node].text,
                unrebutted=node not in rebutted,
                label=label.value,
                verdict=VERDICTS[label],
                semantics=semantics,
                credulous=accepted[node].credulous,
                sceptical=accepted[node].sceptical,
                strength=round(scores[node], 4) if with_strength else None,
            )
        )
    return out


def explain(m: ArgumentMap, claim_id: str, *, max_depth: int = 8) -> str:
    """Return a readable dialectical account of one claim's verdict.

    It lists what supports the claim (quotes with their source and place), what
    rebuts it with the verdict on each rebuttal, and so on down to the evidence;
    a node met again on its own path is marked as a cycle.

    Raises:
        KeyError: ``claim_id`` is no claim or evidence of the map.

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({
        ...     "sources": [{"id": "s", "title": "S", "text": "Il pleut. Non."}],
        ...     "claims": [{"id": "rain", "text": "It rains."},
        ...                {"id": "dry", "text": "It is dry."}],
        ...     "evidence": [{"id": "ev", "source": "s", "quote": "Il pleut."}],
        ...     "relations": [{"from": "ev", "to": "rain", "type": "supports"},
        ...                   {"from": "dry", "to": "rain", "type": "rebuts"},
        ...                   {"from": "ev", "to": "dry", "type": "rebuts"}]})
        >>> print(explain(m, "rain"))
        rain: It rains.
          STANDING: every rebuttal of it is defeated.
          + supported by ev [standing], quoted from s:1:1: « Il pleut. »
          - rebutted by dry [defeated]: It is dry.
            - rebutted by ev [standing], quoted from s:1:1: « Il pleut. »
    """
    links = Links(m)
    if claim_id not in links.kind:
        raise KeyError(claim_id)
    labels, _ = labels_and_acceptance(list(links.kind), _rebuttals(links))
    preds = links.predecessors
    proofs = prove_quotes(m, only=_within(preds, claim_id, max_depth))
    evidence = m.evidence_by_id()
    claims = m.claim_by_id()

    def describe(node: str) -> str:
        verdict = VERDICTS[labels[node]]
        if links.kind[node] == EVIDENCE:
            ev = evidence[node]
            proof = proofs.get(node)
            where = ev.source
            if proof is not None and proof.line is not None:
                where += f":{proof.line}:{proof.column}"
            quote = " ".join(ev.quote.split())
            text = f"{node} [{verdict}], quoted from {where}: « {quote} »"
            if ev.translation:
                text += f" ({ev.translation})"
            return text
        return f"{node} [{verdict}]: {claims[node].text}"

    top = claims[claim_id].text if links.kind[claim_id] == CLAIM else evidence[claim_id].quote
    attackers = [p for p, t in preds.get(claim_id, ()) if t == REBUTS]
    lines = [f"{claim_id}: {top}", "  " + _verdict_reason(attackers, labels, claim_id)]

    shown: set[str] = {claim_id}

    def walk(node: str, depth: int, path: list[str]) -> None:
        # supporters first, then rebuttals, each by id
        for pred, kind in sorted(preds.get(node, ()), key=lambda p: (p[1] != SUPPORTS, p[0])):
            mark = "+ supported by" if kind == SUPPORTS else "- rebutted by"
            indent = "  " * (depth + 1)
            if pred in path:
                lines.append(f"{indent}{mark} {pred} (a cycle: it is already on this path)")
                continue
            if pred in shown and links.kind[pred] == CLAIM:
                verdict = VERDICTS[labels[pred]]
                lines.append(f"{indent}{mark} {pred} [{verdict}] (explained above)")
                continue
            shown.add(pred)
            lines.append(f"{indent}{mark} {describe(pred)}")
            if depth + 1 < max_depth:
                walk(pred, depth + 1, [*path, pred])

    walk(claim_id, 0, [claim_id])
    return "\n".join(lines)


def _rebuttals(links: Links) -> list[tuple[str, str]]:
    return [edge for edge, t in links.edges.items() if t == REBUTS]


def _within(preds: dict[str, list[tuple[str, str]]], node: str, depth: int) -> set[str]:
    """The nodes from which a path of at most ``depth`` edges leads to ``node``."""
    seen = {node}
    frontier = [node]
    for _ in range(depth):
        frontier = [p for n in frontier for p, _ in preds.get(n, ()) if p not in seen]
        seen.update(frontier)
    return seen


def _verdict_reason(attackers: list[str], labels: dict[Any, Label], node: str) -> str:
    label = labels[node]
    if label is Label.IN:
        if not attackers:
            return "STANDING: nothing rebuts it."
        return "STANDING: every rebuttal of it is defeated."
    if label is Label.OUT:
        winners = sorted(p for p in attackers if labels[p] is Label.IN)
        verb = "stands" if len(winners) == 1 else "stand"
        return f"DEFEATED: rebutted by {', '.join(winners)}, which {verb}."
    return (
        "UNDECIDED: a rebuttal of it is itself undecided (rebuttals that answer each "
        "other, or a cycle), so the grounded semantics takes no side."
    )
