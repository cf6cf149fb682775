"""Rules about who says what, and how surely: hedges and speakers of quotes.

A claim the map states as fact should not rest only on quotes whose source merely
alleges or implies it (W113). A quote that is the reporter's own narration about
someone ("Sam Altman répond en tentant de démontrer…") does not carry that
person's words, so it should not name them as its speaker (W114); a quote that
reports their position with a verb of saying or thinking ("Elon Musk leur reproche
de…", "Musk estimait que…") does.

Example:
    >>> from argmap.checks import check
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({
    ...     "parties": [{"id": "altman", "name": "Sam Altman"}],
    ...     "sources": [{"id": "s", "title": "S", "text": "Sam Altman répond vite."}],
    ...     "evidence": [{"id": "e", "source": "s", "quote": "Sam Altman répond vite",
    ...                   "speaker": ["altman"]}]})
    >>> for d in check(m, select=["W114"]):
    ...     print(d.format())
    <map>: warning W114 [e] this reads as the reporter's narration about Sam Altman:
    clear `speaker` (narration) or quote their words
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from argmap.attribution import join_names
from argmap.checks import Context, Finding, rule
from argmap.diagnostics import Severity
from argmap.graph import EVIDENCE, SUPPORTS
from argmap.model import HEDGE_ORDER, Hedge, Party

__all__: list[str] = []

_HEDGED = frozenset({Hedge.ALLEGES, Hedge.IMPLIES})
_PLURAL = {Hedge.ALLEGES: "allege", Hedge.IMPLIES: "imply"}


@rule(
    "W113",
    "hedged-quote-for-fact",
    Severity.WARNING,
    "A claim stated as fact rests only on quotes that allege or imply it.",
)
def _hedged_quote_for_fact(ctx: Context) -> Iterator[Finding]:
    m = ctx.map
    stated = {c.id for c in m.claims if c.hedge is Hedge.STATES}
    if not stated:
        return
    kind = ctx.links.kind
    quotes: dict[str, list[str]] = {}  # claim -> the quotes that directly support it
    for (u, v), t in ctx.links.edges.items():
        if v in stated and t == SUPPORTS and kind[u] == EVIDENCE:
            quotes.setdefault(v, []).append(u)
    evidence = m.evidence_by_id()
    for i, c in enumerate(m.claims):
        if c.hedge is not Hedge.STATES or ctx.node_index[c.id] != f"claims[{i}]":
            continue
        hedges = {e: ctx.attribution.quote_hedge(e) for e in quotes.get(c.id, ())}
        if not hedges or not set(hedges.values()) <= _HEDGED:
            continue
        surest = min(hedges.values(), key=HEDGE_ORDER.index)
        sources = {evidence[e].source for e in hedges}
        said = (
            f"source only {surest.value}"
            if len(sources) == 1
            else f"sources only {_PLURAL[surest]}"
        )
        yield Finding(
            f"the {said} this ({', '.join(hedges)}): hedge the claim",
            c.id,
            f"claims[{i}].hedge",
        )


# Quotation marks of the quote's own: « » “ ” „ ", or ‘…’ (a lone ’ is an apostrophe).
_QUOTE_MARKS = re.compile(r"[«»“”„\"]|‘[^’]*’")
# Words of a first-person speaker, French and English ("I" in capitals only).
_FIRST_PERSON = re.compile(
    r"(?<!\w)(?:(?i:j['’](?=\w))|(?:(?i:je|moi|mon|ma|mes|nous|notre|nos|me|my|mine|we|our)|I)"
    r"(?!\w))"
)
# "selon X", "d'après X", "according to X", "comme le souligne X": the quote gives
# what it says as X's.
_ATTRIBUTED = re.compile(
    r"(?i:selon|d['’]apr[eè]s|according\s+to|aux\s+dires\s+d\w*|comme\s+l[e'’]\s*\w+)"
    r"(?:\W+\w+){0,3}\W*$"
)
# A verb of saying, thinking or accusing, followed by what is said ("leur reproche de",
# "estimait que", "a décrit la décision comme", "accused him of"): the quote reports
# the party's position, it does not narrate what the party does. Verbs of doing
# ("répond en tentant de démontrer", "conteste le rapport") are not among them.
_REPORTED = re.compile(
    r"(?<!\w)(?i:reproch\w*|accus\w*|affirm\w*|estim\w*|d[ée]clar\w*|soulign\w*|qualifi\w*|"
    r"d[ée]cri\w*|persuad[ée]\w*|convaincu\w*|pens\w*|jug\w*|pr[ée]tend\w*|d[ée]non[cç]\w*|"
    r"assur\w*|expliqu\w*|[ée]cri\w*|all[ée]gu\w*|dit|disent|disait|demand\w*|r[ée]clam\w*|"
    r"exig\w*|plaid\w*|insist\w*|s['’]interrog\w*|met(?:tent)?\s+en\s+garde|mis\s+en\s+garde|"
    r"action\s+en\s+justice|says?|said|claim\w*|argu\w*|warn\w*|believ\w*|wr[io]te\w*|"
    r"alleg\w*|call(?:s|ed)?)"
    r"(?!\w)(?:\W+\w+){0,6}?\W+(?i:(?:que|de|comme|contre|sur|pour|that|of|as)(?!\w)|qu['’]|d['’])"
)
_NAME_WORD = re.compile(r"\w+")
# In "Elon Musk's lawyers", the words before "'s" name someone else.
_OWNER = re.compile(r"^.*['’]s\s+")
# Capitalised words of group names that are not names.
_NOT_NAMES = frozenset({"many", "some", "most", "several", "other", "others", "group", "note"})


@rule(
    "W114",
    "narration-as-speech",
    Severity.WARNING,
    "A quote of the reporter's narration names someone it describes as its speaker.",
)
def _narration_as_speech(ctx: Context) -> Iterator[Finding]:
    m = ctx.map
    parties = m.party_by_id()
    sources = m.source_by_id()
    # When a source names no reporter, its narrator is one of the map's authors.
    authors = {p.id for p in m.parties if p.kind == "author"}
    if not any(ev.speaker for ev in m.evidence):
        return
    names = {pid: _Name(p) for pid, p in parties.items()}
    for i, ev in enumerate(m.evidence):
        if not ev.speaker or _QUOTE_MARKS.search(ev.quote) or _REPORTED.search(ev.quote):
            continue
        src = sources.get(ev.source)
        narrator = src.reporter if src is not None else None
        if ev.reporter is not None and ev.reporter != narrator:
            continue  # someone other than the source's narrator utters it
        narrators = {narrator} if narrator is not None else authors
        described = [
            parties[p].name
            for p in ev.speaker
            if p in parties and p not in narrators and names[p].in_third_person(ev.quote)
        ]
        if described:
            yield Finding(
                f"this reads as the reporter's narration about {join_names(described)}: "
                "clear `speaker` (narration) or quote their words",
                ev.id,
                f"evidence[{i}].speaker",
            )


class _Name:
    """How a party can be named: its whole name, its surname (a person's last word),
    or a capitalised word of its name of four letters or more."""

    def __init__(self, party: Party) -> None:
        name = party.name.strip()
        words = _NAME_WORD.findall(_OWNER.sub("", name))
        forms = {name} if name else set()  # a name of white space names nobody
        if party.kind == "person" and words:
            forms.add(words[-1])
        forms.update(
            w for w in words if len(w) >= 4 and w[0].isupper() and w.casefold() not in _NOT_NAMES
        )
        # Longest first, so that "Paul Verdier" is read as one name, not as "Paul".
        ordered = sorted(forms, key=lambda f: (-len(f), f))
        alternatives = "|".join(map(re.escape, ordered)) or r"(?!)"  # (?!) matches nothing
        self.pattern = re.compile(r"(?<!\w)(?:" + alternatives + r")(?!\w)", re.IGNORECASE)
        #: The forms that are proper nouns: only capitalised occurrences name the party.
        self.capitalised = {f.casefold() for f in forms if f[0].isupper()}

    def in_third_person(self, quote: str) -> bool:
        """Return True when the quote names the party (capitalised where the name is),
        not after "selon" or "d'après", and speaks in no first person."""
        if _FIRST_PERSON.search(quote):
            return False
        for match in self.pattern.finditer(quote):
            text = match.group()
            if (text[0].isupper() or text.casefold() not in self.capitalised) and not (
                _ATTRIBUTED.search(quote, 0, match.start())
            ):
                return True
        return False
