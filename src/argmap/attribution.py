"""Who says what, and how surely: the words that go with every claim and quote.

A claim prints with its asserters and its hedge ("According to OpenAI's leaders
(reportedly): Musk wanted to run OpenAI"); a quote with its reporter (who utters the
words in the source: the journalist, the note), the speaker whose words or position it
conveys, its hedge, and a mark when it is the source's translation of words first said
in another language. Every listing, picture and page takes these words from here.

Example:
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({
    ...     "parties": [{"id": "cc", "name": "Christophe Charlot"},
    ...                 {"id": "oai", "name": "OpenAI's leaders"}],
    ...     "sources": [{"id": "s", "title": "S", "text": "Musk aurait voulu diriger OpenAI.",
    ...                  "reporter": "cc"}],
    ...     "claims": [{"id": "c", "text": "Musk wanted to run OpenAI.",
    ...                 "asserted_by": ["oai"]}],
    ...     "evidence": [{"id": "e", "source": "s", "quote": "Musk aurait voulu diriger OpenAI",
    ...                   "speaker": ["oai"], "hedge": "alleges"}],
    ...     "relations": [{"from": "e", "to": "c", "type": "supports"}]})
    >>> words = Attribution(m)
    >>> words.claim_line("c")
    "According to OpenAI's leaders (reportedly): Musk wanted to run OpenAI."
    >>> words.quote_credit("e")
    "Christophe Charlot, reporting OpenAI's leaders (reportedly)"
"""

from __future__ import annotations

from argmap._text import join_names
from argmap.model import (
    HEDGE_ORDER,
    HEDGE_WORDS,
    ArgumentMap,
    Evidence,
    Hedge,
    RelationType,
    quote_hedge,
    quote_reporter,
)

__all__ = ["Attribution", "join_names"]


class Attribution:
    """The asserters, hedges, reporters and speakers of a map's claims and quotes.

    Built once per map (it indexes parties, sources and the quotes that directly
    support each claim); every method then answers in constant time per item.
    Unknown ids are printed as they are.
    """

    def __init__(
        self,
        m: ArgumentMap,
        *,
        evidence: dict[str, Evidence] | None = None,
        quotes_for: dict[str, list[str]] | None = None,
    ) -> None:
        """Index ``m``; ``evidence`` (its quotes by id) and ``quotes_for`` (the ids of
        the quotes that directly support each claim) may be passed when the caller
        has them already."""
        self._names = {p.id: p.name for p in reversed(m.parties)}
        self._claims = m.claim_by_id()
        self._evidence = evidence if evidence is not None else m.evidence_by_id()
        self._sources = m.source_by_id()
        self._parties = m.party_by_id()
        if quotes_for is None:
            quotes_for = {}
            for rel in m.relations:
                if rel.type is RelationType.SUPPORTS and rel.source in self._evidence:
                    quotes_for.setdefault(rel.target, []).append(rel.source)
        self._quotes_for = quotes_for
        self._hedges: dict[str, Hedge] = {}  # each quote's, worked out once

    def name(self, party: str) -> str:
        """Return a party's display name (its id when the map does not know it)."""
        return self._names.get(party, party)

    def asserters(self, claim_id: str) -> list[str]:
        """Return the names of the parties who assert a claim, in map order."""
        claim = self._claims.get(claim_id)
        return [self.name(p) for p in claim.asserted_by] if claim is not None else []

    def reporter_id(self, ev_id: str) -> str | None:
        """Return the id of the party who utters a quote in its source, if known (see
        :func:`argmap.model.quote_reporter`)."""
        ev = self._evidence[ev_id]
        if ev.reporter is not None:
            return ev.reporter
        return quote_reporter(ev, self._sources.get(ev.source), self._parties)

    def quote_hedge(self, ev_id: str) -> Hedge:
        """Return how a quote's source holds its content (see ``ArgumentMap.hedge_of``)."""
        hedge = self._hedges.get(ev_id)
        if hedge is None:
            ev = self._evidence[ev_id]
            if ev.hedge is not None:
                hedge = ev.hedge
            elif not ev.speaker:  # the reporter's own words
                hedge = Hedge.STATES
            else:
                hedge = quote_hedge(ev, self.reporter_id(ev_id))
            self._hedges[ev_id] = hedge
        return hedge

    def claim_hedge(self, claim_id: str) -> Hedge:
        """Return how surely a claim is held: its own ``hedge``, else that of the surest
        quote that directly supports it, else 'states' (a claim nothing quotes is held
        as its asserters put it).

        Example:
            >>> m = ArgumentMap.model_validate({"claims": [{"id": "c", "text": "C"}]})
            >>> Attribution(m).claim_hedge("c").value
            'states'
        """
        claim = self._claims[claim_id]
        if claim.hedge is not None:
            return claim.hedge
        quotes = self._quotes_for.get(claim_id, ())
        if len(quotes) == 1:
            return self.quote_hedge(quotes[0])
        hedges = {self.quote_hedge(e) for e in quotes}
        return next((h for h in HEDGE_ORDER if h in hedges), Hedge.STATES)

    def claim_line(self, claim_id: str) -> str:
        """Return a claim as a reader should take it: asserters, hedge, then its text.

        Example:
            >>> m = ArgumentMap.model_validate({"claims": [
            ...     {"id": "c", "text": "It rains.", "hedge": "alleges"}]})
            >>> Attribution(m).claim_line("c")
            '(reportedly) It rains.'
        """
        claim = self._claims[claim_id]
        return self.line_of(claim.text, self.claim_hedge(claim_id), self.asserters(claim_id))

    @staticmethod
    def hedge_words(hedge: Hedge, named: bool) -> str:
        """Return the words that print a claim's hedge: none for a plain statement, and
        none for 'reports' when the claim names its asserters ("According to X"
        already says that X's statement is reported).

        Example:
            >>> [Attribution.hedge_words(h, True) for h in (Hedge.REPORTS, Hedge.ALLEGES)]
            ['', 'reportedly']
        """
        return "" if named and hedge is Hedge.REPORTS else HEDGE_WORDS[hedge]

    @staticmethod
    def line_of(text: str, hedge: Hedge, asserters: list[str]) -> str:
        """Return a claim's text as a reader should take it, given its hedge and the
        names of its asserters.

        Example:
            >>> Attribution.line_of("It rains.", Hedge.ALLEGES, ["Ann", "Bob"])
            'According to Ann and Bob (reportedly): It rains.'
        """
        who = join_names(asserters)
        words = Attribution.hedge_words(hedge, bool(asserters))
        if who:
            return f"According to {who}{f' ({words})' if words else ''}: {text}"
        return f"({words}) {text}" if words else text

    def reporter(self, ev_id: str) -> str:
        """Return who utters a quote in its source: the reporter party's name, else the
        source's author, else the source's id."""
        ev = self._evidence[ev_id]
        party = self.reporter_id(ev_id)
        if party is not None:
            return self.name(party)
        src = self._sources.get(ev.source)
        return (src.author if src is not None and src.author else None) or ev.source

    def speakers(self, ev_id: str) -> list[str]:
        """Return the names of the parties whose words or position a quote conveys,
        leaving out its reporter (a journalist's own narration has none)."""
        ev = self._evidence[ev_id]
        reporter = self.reporter_id(ev_id)
        named = self.reporter(ev_id)
        return [self.name(p) for p in ev.speaker if p != reporter and self.name(p) != named]

    def quote_credit(self, ev_id: str) -> str:
        """Return the credit line of a quote: reporter, speaker, hedge, translation.

        Example:
            >>> m = ArgumentMap.model_validate({
            ...     "sources": [{"id": "note", "title": "N", "text": "x", "author": "Grok"}],
            ...     "evidence": [{"id": "e", "source": "note", "quote": "x",
            ...                   "translated": True}]})
            >>> Attribution(m).quote_credit("e")
            'Grok (translated)'
        """
        ev = self._evidence[ev_id]
        speakers = self.speakers(ev_id)
        text = self.reporter(ev_id)
        if speakers:
            text += f", reporting {join_names(speakers)}"
        marks = []
        hedge = self.quote_hedge(ev_id)
        if hedge is not Hedge.REPORTS or not speakers:
            marks.append(HEDGE_WORDS[hedge])
        if ev.translated:
            marks.append("translated")
        marks = [w for w in marks if w]
        return f"{text} ({', '.join(marks)})" if marks else text
