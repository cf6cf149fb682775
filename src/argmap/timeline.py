"""The dated events of a dispute, in order: what was claimed, quoted and published when.

Three things carry dates in a map: a claim's ``date`` (when it was asserted, or when
what it states happened), a quote's ``date`` (the date of the event it reports) and
a source's ``published`` date (marked *inferred* when the text does not print it).
A claim with no date of its own takes the earliest date of the quotes that directly
support it, and says so ("dated by its quote ev-x").

Dates are as precise as the texts allow: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'. They
print as given and sort by the start of their period, a less precise date before
the more precise ones inside it: '2018' < '2018-01' < '2018-01-01' < '2018-03'.
Events on the same date come claims first, then quotes, then publications, each in
map order. A range (:func:`within`) keeps an event whose period overlaps it, so
``--from 2019-06`` keeps an event dated only '2019'.

Example:
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({
    ...     "sources": [{"id": "s", "title": "Le Journal", "text": "En 2018, il part.",
    ...                  "published": "2019-03", "published_inferred": True}],
    ...     "claims": [{"id": "left", "text": "He left in 2018."}],
    ...     "evidence": [{"id": "e", "source": "s", "quote": "En 2018, il part.",
    ...                   "date": "2018"}],
    ...     "relations": [{"from": "e", "to": "left", "type": "supports"}]})
    >>> [(e.date, e.kind, e.id, e.dated_by, e.inferred) for e in timeline(m)]
    [('2018', 'claim', 'left', ['e'], False), ('2018', 'quote', 'e', [], False),
     ('2019-03', 'source', 's', [], True)]
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from argmap.attribution import Attribution
from argmap.model import ArgumentMap, RelationType

__all__ = [
    "TimelineEvent",
    "date_period",
    "sort_key",
    "timeline",
    "within",
]

EventKind = Literal["claim", "quote", "source"]
_KIND_ORDER: dict[str, int] = {"claim": 0, "quote": 1, "source": 2}
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class TimelineEvent:
    """One dated event of the dispute.

    Attributes:
        date: the date as the map gives it ('YYYY', 'YYYY-MM' or 'YYYY-MM-DD').
        kind: 'claim' (a claim's date), 'quote' (the event a quote reports) or
            'source' (a source's publication).
        id: the claim's, quote's or source's id.
        text: what happened: the claim as a reader takes it ("According to X
            (reportedly): ..."), the quote verbatim, or the source's title.
        credit: for a quote, its credit line (reporter, speaker, hedge, translation);
            for a source, its author; None for a claim.
        translation: for a quote, its English translation when the map gives one.
        inferred: True when the date is not printed but inferred (a source's
            ``published_inferred``, a claim's or quote's ``date_inferred``).
        note: how an inferred or loose date was worked out, when the map says.
        dated_by: for a claim with no date of its own, the quotes supporting it that
            give this date; empty when the date is the item's own.
        supports: for a quote, the claims it supports (it dates those with no date
            of their own).
    """

    date: str
    kind: EventKind
    id: str
    text: str
    credit: str | None = None
    translation: str | None = None
    inferred: bool = False
    note: str | None = None
    dated_by: list[str] = field(default_factory=list)
    supports: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return the event as JSON-ready data.

        Example:
            >>> TimelineEvent("2018", "claim", "c", "C.").to_dict()["date"]
            '2018'
        """
        return {
            "date": self.date,
            "kind": self.kind,
            "id": self.id,
            "text": self.text,
            "credit": self.credit,
            "translation": self.translation,
            "inferred": self.inferred,
            "note": self.note,
            "dated_by": list(self.dated_by),
            "supports": list(self.supports),
        }


def date_period(date: str) -> tuple[datetime.date, datetime.date]:
    """Return the first and last day of the period a partial date names.

    Raises:
        ValueError: ``date`` is not 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', or names no
            day of the calendar.

    Example:
        >>> [d.isoformat() for d in date_period("2024-02")]
        ['2024-02-01', '2024-02-29']
        >>> date_period("2024-13")
        Traceback (most recent call last):
        ...
        ValueError: '2024-13' is not a date: give YYYY, YYYY-MM or YYYY-MM-DD
    """
    found = _DATE.match(date)
    problem = f"{date!r} is not a date: give YYYY, YYYY-MM or YYYY-MM-DD"
    if found is None:
        raise ValueError(problem)
    year, month, day = found.groups()
    try:
        if day is not None:
            one = datetime.date(int(year), int(month), int(day))
            return one, one
        if month is not None:
            start = datetime.date(int(year), int(month), 1)
            following = datetime.date(start.year + start.month // 12, start.month % 12 + 1, 1)
            return start, following - datetime.timedelta(days=1)
        return datetime.date(int(year), 1, 1), datetime.date(int(year), 12, 31)
    except ValueError:
        raise ValueError(problem) from None


def sort_key(date: str) -> tuple[int, int, int]:
    """Return the key a partial date sorts by: the start of its period, a less precise
    date before the more precise ones inside it.

    Example:
        >>> sorted(["2018-03", "2018-01-01", "2018", "2017-12-31"], key=sort_key)
        ['2017-12-31', '2018', '2018-01-01', '2018-03']
    """
    parts = [int(p) for p in date.split("-")]
    parts += [0] * (3 - len(parts))
    return parts[0], parts[1], parts[2]


def within(date: str, start: str | None = None, end: str | None = None) -> bool:
    """Return True when the period of ``date`` overlaps the range from ``start`` to
    ``end`` (each a partial date, or None for no bound).

    Raises:
        ValueError: a date is malformed (see :func:`date_period`).

    Example:
        >>> within("2019", start="2019-06"), within("2019-05", end="2019-04")
        (True, False)
    """
    first, last = date_period(date)
    if start is not None and last < date_period(start)[0]:
        return False
    return end is None or first <= date_period(end)[1]


def timeline(m: ArgumentMap) -> list[TimelineEvent]:
    """Return the dated events of ``m`` in date order.

    Every claim, quote and source with a date gives one event; a claim with no date
    of its own gives one at the earliest date of the quotes that directly support it
    (``dated_by`` names them). Claims and quotes of unknown ids in relations are left
    aside; a date the model would refuse never reaches here.

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({
        ...     "parties": [{"id": "ann", "name": "Ann"}],
        ...     "claims": [{"id": "b", "text": "B.", "date": "2020-05-01",
        ...                 "asserted_by": ["ann"], "hedge": "alleges"},
        ...                {"id": "a", "text": "A.", "date": "2020"}]})
        >>> [(e.date, e.text) for e in timeline(m)]
        [('2020', 'A.'), ('2020-05-01', 'According to Ann (reportedly): B.')]
    """
    words = Attribution(m)
    evidence = m.evidence_by_id()
    claims = m.claim_by_id()
    supported: dict[str, list[str]] = {}
    quoted: dict[str, list[str]] = {}
    for rel in m.relations:
        if rel.type is RelationType.SUPPORTS and rel.source in evidence and rel.target in claims:
            supported.setdefault(rel.source, []).append(rel.target)
            quoted.setdefault(rel.target, []).append(rel.source)
    events: list[tuple[tuple[int, int, int], int, int, TimelineEvent]] = []

    def add(order: int, event: TimelineEvent) -> None:
        events.append((sort_key(event.date), _KIND_ORDER[event.kind], order, event))

    for k, claim in enumerate(m.claims):
        dated_by: list[str] = []
        date, inferred, note = claim.date, claim.date_inferred, claim.date_note
        if date is None:
            dates = [(evidence[e].date, e) for e in quoted.get(claim.id, ())]
            known = [(d, e) for d, e in dates if d is not None]
            if not known:
                continue
            date = min((d for d, _ in known), key=sort_key)
            dated_by = list(dict.fromkeys(e for d, e in known if d == date))
            # A date borrowed from quotes is inferred when every quote infers it.
            inferred = all(evidence[e].date_inferred for e in dated_by)
            note = next((evidence[e].date_note for e in dated_by if evidence[e].date_note), None)
        add(
            k,
            TimelineEvent(
                date,
                "claim",
                claim.id,
                words.claim_line(claim.id),
                inferred=inferred,
                note=note,
                dated_by=dated_by,
            ),
        )
    for k, ev in enumerate(m.evidence):
        if ev.date is not None:
            add(
                k,
                TimelineEvent(
                    ev.date,
                    "quote",
                    ev.id,
                    " ".join(ev.quote.split()),
                    credit=words.quote_credit(ev.id),
                    translation=ev.translation,
                    inferred=ev.date_inferred,
                    note=ev.date_note,
                    supports=list(dict.fromkeys(supported.get(ev.id, ()))),
                ),
            )
    for k, src in enumerate(m.sources):
        if src.published is not None:
            add(
                k,
                TimelineEvent(
                    src.published,
                    "source",
                    src.id,
                    src.title,
                    credit=src.author,
                    inferred=src.published_inferred,
                    note=src.date_note,
                ),
            )
    events.sort(key=lambda item: item[:3])
    return [event for *_, event in events]
