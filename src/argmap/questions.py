"""The questions in dispute, each with the answers the map's claims give it.

A map's ``questions`` are the points in dispute (IBIS issues, Kunz and Rittel 1970);
a claim answers one with a stance ("yes", "no", "pushed out"). The overview takes
each question in map order, each stance in the order the claims first give it, and
each claim that gives it with its asserters, hedge, verdict, the verdict's reason
and how many quotes back it. The claims are also grouped by the side of their
asserters (``Party.side``; a party that names no side is a side of its own), so that
each side's answers can be read together. A claim sits with the side of its first
asserter the map knows, as in the picture.

Nothing is lost: a claim that answers no question comes, once, under a closing
group "not linked to a question", and a claim that answers an id the map's
questions do not list comes under a group of that id marked unknown (``argmap
check`` reports the id).

Example:
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({
    ...     "parties": [{"id": "ann", "name": "Ann", "side": "a"},
    ...                 {"id": "bob", "name": "Bob", "side": "b"}],
    ...     "questions": [{"id": "q", "text": "Is it raining?"}],
    ...     "sources": [{"id": "s", "title": "S", "text": "Il pleut."}],
    ...     "claims": [{"id": "rain", "text": "It rains.", "asserted_by": ["ann"],
    ...                 "answers": [{"question": "q", "stance": "yes"}]},
    ...                {"id": "dry", "text": "It is dry.", "asserted_by": ["bob"],
    ...                 "answers": [{"question": "q", "stance": "no"}]}],
    ...     "evidence": [{"id": "e", "source": "s", "quote": "Il pleut."}],
    ...     "relations": [{"from": "e", "to": "rain", "type": "supports"}]})
    >>> (q,) = question_overview(m)
    >>> [(g.stance, [c.id for c in g.claims]) for g in q.answers]
    [('yes', ['rain']), ('no', ['dry'])]
    >>> [(s.side.label, s.stances) for s in q.sides]
    [('Ann', ['yes']), ('Bob', ['no'])]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from argmap.attribution import Attribution
from argmap.model import ArgumentMap, Claim, LocalizedText
from argmap.render.dot import side_colours, side_label
from argmap.status import ClaimStatus, claim_statuses

__all__ = [
    "UNLINKED",
    "AnswerClaim",
    "QuestionSummary",
    "Side",
    "SideAnswers",
    "StanceAnswers",
    "all_question_nodes",
    "question_nodes",
    "question_overview",
]

#: The title of the closing group: the claims that answer no question.
UNLINKED = "Not linked to a question"

#: The label of the side of claims whose asserters the map does not name.
NOBODY = "Nobody named"


@dataclass(frozen=True)
class Side:
    """A side of the dispute, as a claim's asserters give it.

    Attributes:
        id: the side's name in the map (``Party.side``, or the party's id when it names
            none); None for claims that name no asserter the map knows.
        label: what it is shown as ("Claire Dumas's side", "Observers and reporters").
    """

    id: str | None
    label: str

    def to_dict(self) -> dict[str, Any]:
        """Return the side as JSON-ready data.

        Example:
            >>> Side("town", "Claire Dumas's side").to_dict()
            {'id': 'town', 'label': "Claire Dumas's side"}
        """
        return {"id": self.id, "label": self.label}


@dataclass(frozen=True)
class AnswerClaim:
    """One claim as it answers one question.

    Attributes:
        id: the claim's id.
        text: the claim's text.
        line: the claim as a reader takes it ("According to X (reportedly): text").
        stance: the answer it gives; None in the closing group of unlinked claims.
        asserted_by: the ids of the parties who assert it.
        asserters: their names.
        side: the side it sits with (that of its first asserter the map knows).
        hedge: how surely it is held ('states', 'reports', 'alleges', 'implies').
        verdict: holds, answered, contested or unsupported.
        reason: the verdict's reason, in one line.
        quotes: how many quotes back it (directly or through supporting claims).
    """

    id: str
    text: str
    line: str
    stance: str | None
    asserted_by: list[str]
    asserters: list[str]
    side: Side
    hedge: str
    verdict: str
    reason: str
    quotes: int

    def to_dict(self) -> dict[str, Any]:
        """Return the claim's answer as JSON-ready data."""
        return {
            "id": self.id,
            "text": self.text,
            "line": self.line,
            "stance": self.stance,
            "asserted_by": list(self.asserted_by),
            "asserters": list(self.asserters),
            "side": self.side.to_dict(),
            "hedge": self.hedge,
            "verdict": self.verdict,
            "reason": self.reason,
            "quotes": self.quotes,
        }


@dataclass(frozen=True)
class StanceAnswers:
    """One answer to a question and the claims that give it.

    Attributes:
        stance: the answer ("yes", "pushed out"); None in the closing group.
        sides: the sides whose claims give it, in the map's order of sides.
        claims: those claims, in map order.
    """

    stance: str | None
    sides: list[Side]
    claims: list[AnswerClaim]

    def to_dict(self) -> dict[str, Any]:
        """Return the answer as JSON-ready data."""
        return {
            "stance": self.stance,
            "sides": [s.to_dict() for s in self.sides],
            "claims": [c.to_dict() for c in self.claims],
        }


@dataclass(frozen=True)
class SideAnswers:
    """One side's claims on a question.

    Attributes:
        side: the side.
        stances: the answers its claims give, in the order of the question's answers.
        claims: its claims, in map order (each with its stance).
    """

    side: Side
    stances: list[str]
    claims: list[AnswerClaim]

    def to_dict(self) -> dict[str, Any]:
        """Return the side's answers as JSON-ready data (its claims by id)."""
        return {
            "side": self.side.to_dict(),
            "stances": list(self.stances),
            "claims": [{"id": c.id, "stance": c.stance} for c in self.claims],
        }


@dataclass(frozen=True)
class QuestionSummary:
    """A question in dispute with every answer the map gives it.

    Attributes:
        id: the question's id; None for the closing group of claims that answer
            no question.
        text: the question; :data:`UNLINKED` for the closing group.
        original: the question in the sources' language, when the map gives it.
        known: False when claims answer this id but the map's questions do not list it.
        answers: each stance with its claims, in the order the claims first give it
            (the closing group has one, with stance None).
        sides: each side's claims, in the map's order of sides.
    """

    id: str | None
    text: str
    original: LocalizedText | None = None
    known: bool = True
    answers: list[StanceAnswers] = field(default_factory=list)
    sides: list[SideAnswers] = field(default_factory=list)

    @property
    def claims(self) -> list[AnswerClaim]:
        """Return every claim that answers the question, stance by stance."""
        return [c for group in self.answers for c in group.claims]

    def to_dict(self) -> dict[str, Any]:
        """Return the question and its answers as JSON-ready data."""
        return {
            "id": self.id,
            "text": self.text,
            "original": self.original.model_dump(mode="json") if self.original else None,
            "known": self.known,
            "claims": len(self.claims),
            "answers": [a.to_dict() for a in self.answers],
            "sides": [s.to_dict() for s in self.sides],
        }


def question_overview(
    m: ArgumentMap, *, statuses: Iterable[ClaimStatus] | None = None
) -> list[QuestionSummary]:
    """Return each question of ``m`` with the claims that answer it, stance by stance.

    Questions come in map order, then a group for each unknown question id that
    claims answer (``known`` False), then, when some claim answers no question, the
    closing group :data:`UNLINKED` (``id`` None). A claim comes once under each
    question and stance it gives (an answer repeated in a claim counts once), and a
    claim that answers no known or unknown question comes once in the closing group.

    Args:
        m: the map.
        statuses: the claims' statuses, as :func:`argmap.status.claim_statuses` gives
            them (computed in the grounded reading when None).

    Raises:
        ValueError: ``statuses`` lacks a claim of the map.

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({"claims": [{"id": "c", "text": "C"}]})
        >>> [(q.text, [c.id for c in q.claims]) for q in question_overview(m)]
        [('Not linked to a question', ['c'])]
    """
    by_id = {s.id: s for s in (claim_statuses(m) if statuses is None else statuses)}
    words = Attribution(m)
    sides = _claim_sides(m)
    known = m.question_by_id()
    linked: dict[str, list[AnswerClaim]] = {q.id: [] for q in m.questions}
    unlinked: list[AnswerClaim] = []
    for claim in m.claims:
        status = by_id.get(claim.id)
        if status is None:
            raise ValueError(f"no status for claim {claim.id!r}")
        seen: set[tuple[str, str]] = set()
        for answer in claim.answers:
            key = (answer.question, answer.stance)
            if key not in seen:
                seen.add(key)
                entry = _answer(words, status, claim, answer.stance, sides[claim.id])
                linked.setdefault(answer.question, []).append(entry)
        if not seen:
            unlinked.append(_answer(words, status, claim, None, sides[claim.id]))
    order = _side_order(m)
    out = []
    for qid, claims in linked.items():
        q = known.get(qid)
        text = q.text if q is not None else f"Question {qid} (not among the map's questions)"
        out.append(
            _summary(qid, text, claims, order, q.original if q else None, known=q is not None)
        )
    if unlinked:
        out.append(_summary(None, UNLINKED, unlinked, order, None, known=True))
    return out


def _claim_sides(m: ArgumentMap) -> dict[str, Side]:
    parties = m.party_by_id()
    labels: dict[str, Side] = {}
    out: dict[str, Side] = {}
    for claim in m.claims:
        side = Side(None, NOBODY)
        for pid in claim.asserted_by:
            if pid in parties:
                key = parties[pid].side or pid
                if key not in labels:
                    labels[key] = Side(key, side_label(m, key))
                side = labels[key]
                break
        out.setdefault(claim.id, side)
    return out


def _side_order(m: ArgumentMap) -> dict[str | None, int]:
    order: dict[str | None, int] = {s: k for k, s in enumerate(side_colours(m))}
    order[None] = len(order)
    return order


def _answer(
    words: Attribution, status: ClaimStatus, claim: Claim, stance: str | None, side: Side
) -> AnswerClaim:
    return AnswerClaim(
        id=claim.id,
        text=claim.text,
        line=words.claim_line(claim.id),
        stance=stance,
        asserted_by=list(claim.asserted_by),
        asserters=words.asserters(claim.id),
        side=side,
        hedge=words.claim_hedge(claim.id).value,
        verdict=status.verdict,
        reason=status.reason,
        quotes=status.quotes,
    )


def _summary(
    qid: str | None,
    text: str,
    claims: list[AnswerClaim],
    order: dict[str | None, int],
    original: LocalizedText | None,
    *,
    known: bool,
) -> QuestionSummary:
    stances: dict[str | None, list[AnswerClaim]] = {}
    for c in claims:
        stances.setdefault(c.stance, []).append(c)
    answers = [
        StanceAnswers(stance, _sides_of(group, order), group) for stance, group in stances.items()
    ]
    by_side: dict[str | None, list[AnswerClaim]] = {}
    for c in claims:
        by_side.setdefault(c.side.id, []).append(c)
    sides = []
    for key in sorted(by_side, key=lambda s: order.get(s, len(order))):
        group = by_side[key]
        given = {c.stance for c in group}
        sides.append(
            SideAnswers(
                group[0].side,
                [s for s in stances if s is not None and s in given],
                group,
            )
        )
    return QuestionSummary(qid, text, original, known, answers, sides)


def _sides_of(claims: list[AnswerClaim], order: dict[str | None, int]) -> list[Side]:
    found: dict[str | None, Side] = {}
    for c in claims:
        found.setdefault(c.side.id, c.side)
    return [found[k] for k in sorted(found, key=lambda s: order.get(s, len(order)))]


def question_nodes(m: ArgumentMap, question: str) -> list[str]:
    """Return the ids of what a question's map shows, in map order: the claims that
    answer it; the claims that bear on those (support, rebut or undercut them) and
    answer no question, then those that bear on these, and so on; the claims of other
    questions that rebut one of them; and every quote linked to any of those claims.

    Raises:
        KeyError: no question or answer of the map has this id.

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({
        ...     "questions": [{"id": "q", "text": "Q?"}, {"id": "r", "text": "R?"}],
        ...     "sources": [{"id": "s", "title": "S", "text": "Oui."}],
        ...     "claims": [
        ...         {"id": "a", "text": "A", "answers": [{"question": "q", "stance": "yes"}]},
        ...         {"id": "why", "text": "W"},
        ...         {"id": "b", "text": "B", "answers": [{"question": "r", "stance": "no"}]}],
        ...     "evidence": [{"id": "e", "source": "s", "quote": "Oui."}],
        ...     "relations": [{"from": "why", "to": "a", "type": "supports"},
        ...                   {"from": "e", "to": "why", "type": "supports"},
        ...                   {"from": "a", "to": "b", "type": "supports"}]})
        >>> question_nodes(m, "q"), question_nodes(m, "r")
        (['a', 'why', 'e'], ['b'])
    """
    answering = {c.id for c in m.claims if any(a.question == question for a in c.answers)}
    if not answering and question not in m.question_by_id():
        raise KeyError(question)
    return _QuestionIndex(m).nodes(answering)


def all_question_nodes(m: ArgumentMap) -> dict[str, list[str]]:
    """Return :func:`question_nodes` of every question of ``m`` and of every question id
    its claims answer, keyed by id (the map is indexed once for all).

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({
        ...     "questions": [{"id": "q", "text": "Q?"}],
        ...     "claims": [
        ...         {"id": "a", "text": "A", "answers": [{"question": "q", "stance": "yes"}]},
        ...         {"id": "b", "text": "B", "answers": [{"question": "x", "stance": "no"}]}]})
        >>> all_question_nodes(m)
        {'q': ['a'], 'x': ['b']}
    """
    answering: dict[str, set[str]] = {q.id: set() for q in m.questions}
    for c in m.claims:
        for a in c.answers:
            answering.setdefault(a.question, set()).add(c.id)
    index = _QuestionIndex(m)
    return {qid: index.nodes(ids) for qid, ids in answering.items()}


class _QuestionIndex:
    """What :func:`question_nodes` looks up: who bears on whom, who rebuts whom."""

    def __init__(self, m: ArgumentMap) -> None:
        self.m = m
        self.claims = m.claim_by_id()
        self.evidence = m.evidence_by_id()
        ends = {r.id: (r.source, r.target) for r in m.relations if r.id is not None}
        self.rebuts = {(r.source, r.target) for r in m.relations if r.type.value == "rebuts"}
        self.bears_on: dict[str, set[str]] = {}  # node -> the nodes aimed at it
        self.links: dict[str, set[str]] = {}  # node -> the nodes linked to it, either way
        for r in m.relations:
            # An undercut bears on the head of the relation it aims at.
            cut = r.type.value == "undercuts"
            target = ends.get(r.target, ("", ""))[1] if cut else r.target
            self.bears_on.setdefault(target, set()).add(r.source)
            self.links.setdefault(target, set()).add(r.source)
            self.links.setdefault(r.source, set()).add(target)

    def nodes(self, answering: set[str]) -> list[str]:
        keep = set(answering)
        todo = list(answering)
        while todo:
            node = todo.pop()
            for other in self.bears_on.get(node, ()):
                claim = self.claims.get(other)
                if claim is None or other in keep:
                    continue
                if not claim.answers:
                    keep.add(other)
                    todo.append(other)
                elif (other, node) in self.rebuts:
                    keep.add(other)
        quotes = {e for c in keep for e in self.links.get(c, ()) if e in self.evidence}
        return [c.id for c in self.m.claims if c.id in keep] + [
            e.id for e in self.m.evidence if e.id in quotes
        ]
