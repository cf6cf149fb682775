"""Questions about a map: which claims nobody rebuts, and what the map holds.

Example:
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({
    ...     "parties": [{"id": "ann", "name": "Ann"}, {"id": "bob", "name": "Bob"}],
    ...     "sources": [{"id": "s", "title": "S", "text": "Ann: il pleut. Bob: non."}],
    ...     "claims": [{"id": "rain", "text": "It rains.", "asserted_by": ["ann"]},
    ...                {"id": "dry", "text": "It does not rain.", "asserted_by": ["bob"]}],
    ...     "evidence": [{"id": "ev-ann", "source": "s", "quote": "il pleut"}],
    ...     "relations": [{"from": "ev-ann", "to": "rain", "type": "supports"},
    ...                   {"from": "dry", "to": "rain", "type": "rebuts"}]})
    >>> [u.claim.id for u in unrebutted(m)]
    ['dry']
"""

from __future__ import annotations

from collections import Counter, deque
from dataclasses import dataclass, field
from typing import Any

from networkx.utils import UnionFind

from argmap._bulk import gc_paused
from argmap.attribution import Attribution
from argmap.graph import CLAIM, EVIDENCE, REBUTS, SUPPORTS, Links
from argmap.model import ArgumentMap, Claim, Evidence, Party, RelationType, quote_reporter
from argmap.provenance import QuoteProof, prove_quotes

__all__ = ["SupportingQuote", "UnrebuttedClaim", "map_stats", "supporting_quotes", "unrebutted"]


@dataclass(frozen=True)
class SupportingQuote:
    """A quote that supports a claim, with where it stands in its source.

    Attributes:
        evidence: id of the evidence.
        source: id of its source.
        quote: the quote as recorded.
        translation: its English translation, if any.
        span: character offsets of the quote in the source text, when found.
        line: 1-based line of the quote in the source text, when found.
        column: 1-based column, when found.
        via: the supporting claim it reaches the claim through, or None when direct.
        credit: who utters it in the source, whose words it conveys, how surely
            (see :meth:`argmap.attribution.Attribution.quote_credit`).
    """

    evidence: str
    source: str
    quote: str
    translation: str | None
    span: tuple[int, int] | None
    line: int | None
    column: int | None
    via: str | None = None
    credit: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return the quote as JSON-ready data."""
        return {
            "credit": self.credit,
            "evidence": self.evidence,
            "source": self.source,
            "quote": self.quote,
            "translation": self.translation,
            "span": list(self.span) if self.span else None,
            "line": self.line,
            "column": self.column,
            "via": self.via,
        }


@dataclass(frozen=True)
class UnrebuttedClaim:
    """A claim that no relation rebuts, with who asserts it and what supports it."""

    claim: Claim
    asserted_by: list[Party] = field(default_factory=list)
    quotes: list[SupportingQuote] = field(default_factory=list)
    line: str = ""
    """The claim with its asserters and hedge, as a reader should take it."""

    def to_dict(self) -> dict[str, Any]:
        """Return the claim as JSON-ready data."""
        return {
            "id": self.claim.id,
            "text": self.claim.text,
            "line": self.line,
            "original": self.claim.original.text if self.claim.original else None,
            "date": self.claim.date,
            "asserted_by": [{"id": p.id, "name": p.name} for p in self.asserted_by],
            "quotes": [q.to_dict() for q in self.quotes],
        }


def supporting_quotes(
    m: ArgumentMap,
    claim_id: str,
    *,
    links: Links | None = None,
    proofs: dict[str, QuoteProof] | None = None,
    evidence: dict[str, Evidence] | None = None,
    words: Attribution | None = None,
) -> list[SupportingQuote]:
    """Return the quotes that support a claim: directly, then through supporting claims.

    The search follows ``supports`` links backwards from the claim, nearest first;
    each quote is listed once, with the claim it comes through (``via``) and its
    credit line. ``links``, ``proofs``, ``evidence`` and ``words`` may be passed to
    share them between calls.

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({
        ...     "sources": [{"id": "s", "title": "S", "text": "Il a écrit un e-mail."}],
        ...     "claims": [{"id": "big", "text": "Big"}, {"id": "small", "text": "Small"}],
        ...     "evidence": [{"id": "ev", "source": "s", "quote": "un e-mail"}],
        ...     "relations": [{"from": "ev", "to": "small", "type": "supports"},
        ...                   {"from": "small", "to": "big", "type": "supports"}]})
        >>> [(q.evidence, q.span, q.via) for q in supporting_quotes(m, "big")]
        [('ev', (11, 20), 'small')]
    """
    if links is None:
        links = Links(m)
    if proofs is None:
        proofs = prove_quotes(m)
    if evidence is None:
        evidence = m.evidence_by_id()
    if words is None:
        words = Attribution(m)
    order = links.order
    predecessors = links.predecessors
    out: list[SupportingQuote] = []
    seen = {claim_id}
    queue: deque[tuple[str, str | None]] = deque([(claim_id, None)])
    while queue:
        node, via = queue.popleft()
        supporters = [p for p, t in predecessors.get(node, ()) if t == SUPPORTS]
        if len(supporters) > 1:
            supporters.sort(key=order.__getitem__)  # in map order: claims, then evidence
        for pred in supporters:
            if pred in seen:
                continue
            seen.add(pred)
            kind = links.kind[pred]
            if kind == EVIDENCE:
                ev = evidence[pred]
                proof = proofs.get(pred)
                found = proof is not None and proof.found and proof.match is not None
                out.append(
                    SupportingQuote(
                        evidence=ev.id,
                        source=ev.source,
                        quote=ev.quote,
                        translation=ev.translation,
                        span=proof.match.span if found and proof and proof.match else None,
                        line=proof.line if found and proof else None,
                        column=proof.column if found and proof else None,
                        via=via,
                        credit=words.quote_credit(ev.id),
                    )
                )
            elif kind == CLAIM:
                # Quotes found behind this claim come "via" the first claim on the way.
                queue.append((pred, via if via is not None else pred))
    return out


def unrebutted(m: ArgumentMap) -> list[UnrebuttedClaim]:
    """Return the claims that no relation rebuts, in map order, each with who asserts it
    and the quotes that support it.

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({"claims": [{"id": "a", "text": "A"}]})
        >>> [u.claim.text for u in unrebutted(m)]
        ['A']
    """
    with gc_paused():
        links = Links(m)
        rebutted = {v for (_, v), t in links.edges.items() if t == REBUTS}
        proofs = prove_quotes(m)
        evidence = m.evidence_by_id()
        parties = m.party_by_id()
        words = Attribution(m)
        out: list[UnrebuttedClaim] = []
        seen: set[str] = set()
        for claim in m.claims:
            if claim.id in seen:
                continue
            seen.add(claim.id)
            if claim.id in rebutted:
                continue
            out.append(
                UnrebuttedClaim(
                    claim=claim,
                    asserted_by=[parties[p] for p in claim.asserted_by if p in parties],
                    quotes=supporting_quotes(
                        m, claim.id, links=links, proofs=proofs, evidence=evidence, words=words
                    ),
                    line=words.claim_line(claim.id),
                )
            )
        return out


def map_stats(m: ArgumentMap) -> dict[str, Any]:
    """Return counts that describe a map: elements, relations of each kind, claims per
    party and per question, evidence per source and per reporter, unrebutted claims.

    Example:
        >>> from argmap.model import ArgumentMap
        >>> s = map_stats(ArgumentMap.model_validate({"claims": [{"id": "a", "text": "A"}]}))
        >>> s["claims"], s["unrebutted"]
        (1, 1)
    """
    links = Links(m)
    per_party: Counter[str] = Counter()
    for c in m.claims:
        for p in c.asserted_by:
            per_party[p] += 1
    per_source: Counter[str] = Counter(e.source for e in m.evidence)
    types = Counter(links.edges.values())
    rebutted = {v for (_, v), t in links.edges.items() if t == REBUTS}
    parts = UnionFind(links.kind)
    for u, v in links.edges:
        parts.union(u, v)
    kinds = Counter(r.type for r in m.relations)
    parties = m.party_by_id()
    sources = m.source_by_id()
    per_reporter: Counter[str] = Counter(
        quote_reporter(e, sources.get(e.source), parties) or e.source for e in m.evidence
    )
    per_question: Counter[str] = Counter(a.question for c in m.claims for a in c.answers)
    return {
        "sources": len(m.sources),
        "parties": len(m.parties),
        "questions": len(m.questions),
        "claims": len(m.claims),
        "evidence": len(m.evidence),
        "relations": len(m.relations),
        "supports": types.get(SUPPORTS, 0),
        "rebuts": types.get(REBUTS, 0),
        **{t.value.replace("-", "_"): kinds[t] for t in RelationType if t not in _COUNTED},
        "unrebutted": sum(1 for c in m.claim_by_id() if c not in rebutted),
        "claims_per_party": dict(sorted(per_party.items())),
        "claims_per_question": {q.id: per_question[q.id] for q in m.questions},
        "evidence_per_source": dict(sorted(per_source.items())),
        "evidence_per_reporter": dict(sorted(per_reporter.items())),
        "weakly_connected_components": sum(1 for _ in parts.to_sets()),
    }


# Relation kinds map_stats counts through the graph (duplicates once).
_COUNTED = frozenset({RelationType.SUPPORTS, RelationType.REBUTS})
