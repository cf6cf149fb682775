"""The argument-map data model: sources, parties, questions, claims, evidence and relations.

A map file is a JSON document validated by :class:`ArgumentMap`. Version 2 of the
format adds questions in dispute (IBIS), who reports and who speaks in each quote,
hedges (how surely a source holds what it says), relation ids, ``undercuts`` (an
attack on a relation) and moves that deny nothing (``counter-accuses``, ``insults``,
``contrasts``). Every field it adds is optional, so a version 1 file is a valid
version 2 file once its ``argmap`` key says so: :func:`upgrade` does that.

The model only
checks the *shape* of each element; rules that need the whole map (dangling
ids, quotes that are not in their source, circular support, ...) are checks,
reported by :func:`argmap.check` with a stable code each.

Example:
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({
    ...     "parties": [{"id": "musk", "name": "Elon Musk"}],
    ...     "claims": [{"id": "c1", "text": "OpenAI broke its promise.",
    ...                 "asserted_by": ["musk"]}],
    ... })
    >>> m.claims[0].asserted_by
    ['musk']
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeVar

if TYPE_CHECKING:
    from argmap.loader import JsonLocator

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
    model_validator,
)

__all__ = [
    "ATTACKS",
    "COUNTING",
    "DEFAULT_RELIABILITY",
    "FORMAT_VERSION",
    "HEDGE_WORDS",
    "MOVES",
    "Answer",
    "ArgumentMap",
    "Claim",
    "Evidence",
    "Hedge",
    "LocalizedText",
    "Party",
    "Question",
    "Reference",
    "Relation",
    "RelationType",
    "Source",
    "SourceKind",
    "map_schema",
    "quote_hedge",
    "quote_reporter",
    "relocate_sources",
    "upgrade",
]

#: Version of the map file format written in the ``argmap`` key by this release.
FORMAT_VERSION: Literal["2"] = "2"

#: Every version this release reads (older ones are upgraded on load).
READ_VERSIONS = ("1", "2")

ID_PATTERN = r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$"
Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=120),
    Field(
        description=(
            "A readable slug: lower-case letters and digits, words joined by "
            "'-', '_' or '.' (for example 'musk-sues-openai')."
        )
    ),
]
PartialDate = Annotated[
    str,
    StringConstraints(pattern=r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$"),
    Field(description=("A date as precise as the text allows: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'.")),
]
NonEmpty = Annotated[str, StringConstraints(min_length=1)]


class _Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
        use_attribute_docstrings=True,
        frozen=False,
    )


class SourceKind(StrEnum):
    """What kind of document a source is; sets its default reliability."""

    NEWS_ARTICLE = "news-article"
    OPINION = "opinion"
    COURT_FILING = "court-filing"
    PRIMARY = "primary"
    SOCIAL_MEDIA = "social-media"
    INTERVIEW = "interview"
    AI_GENERATED = "ai-generated"
    OTHER = "other"


#: Default reliability (0..1) of a source by its kind, when the map gives none.
DEFAULT_RELIABILITY: dict[SourceKind, float] = {
    SourceKind.PRIMARY: 0.9,
    SourceKind.COURT_FILING: 0.85,
    SourceKind.NEWS_ARTICLE: 0.8,
    SourceKind.INTERVIEW: 0.75,
    SourceKind.OPINION: 0.6,
    SourceKind.SOCIAL_MEDIA: 0.5,
    SourceKind.OTHER: 0.5,
    SourceKind.AI_GENERATED: 0.3,
}


class Hedge(StrEnum):
    """How a source holds what it says: as fact, as someone's statement, as an
    allegation, or only by implication.

    French press writing marks allegations with the *conditionnel journalistique*
    ("Musk aurait voulu diriger OpenAI": reportedly, unverified), "selon" or
    "prétendument"; such a quote *alleges* its content.
    """

    STATES = "states"
    """The source states it as a fact, in its own voice."""
    REPORTS = "reports"
    """The source reports that someone says or said it."""
    ALLEGES = "alleges"
    """The source gives it as an allegation: conditional, 'selon', 'prétendument'."""
    IMPLIES = "implies"
    """The source does not say it, but implies it."""


#: The words that print a hedge beside a claim or quote ("" for a plain statement).
HEDGE_WORDS: dict[Hedge, str] = {
    Hedge.STATES: "",
    Hedge.REPORTS: "as reported",
    Hedge.ALLEGES: "reportedly",
    Hedge.IMPLIES: "by implication",
}

#: How sure each hedge is, from the surest; a claim is as sure as its surest quote.
HEDGE_ORDER: tuple[Hedge, ...] = (Hedge.STATES, Hedge.REPORTS, Hedge.ALLEGES, Hedge.IMPLIES)


class Reference(_Model):
    """A document that a source cites or draws on."""

    title: NonEmpty
    """Title of the referenced document."""
    url: str | None = None
    """Where the referenced document was published."""


class LocalizedText(_Model):
    """A text in a given language."""

    lang: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$")]
    """BCP 47 language tag, for example 'fr'."""
    text: NonEmpty
    """The text itself."""


class Source(_Model):
    """A document that evidence is quoted from."""

    id: Id
    title: NonEmpty
    """Title of the document as it is printed."""
    kind: SourceKind = SourceKind.OTHER
    """What kind of document it is (news article, AI-generated note, ...)."""
    author: str | None = None
    """Who wrote it, as printed."""
    publisher: str | None = None
    """Who published it; only when known."""
    url: str | None = None
    """Where it was published; only when known."""
    published: PartialDate | None = None
    """Publication date, as precise as known."""
    published_inferred: bool = False
    """True when the publication date is not printed but inferred from the text."""
    date_note: str | None = None
    """How an inferred date was worked out."""
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$")] = "en"
    """BCP 47 language tag of the text (quotes are in this language)."""
    reliability: Annotated[float, Field(ge=0.0, le=1.0)] | None = None
    """Reliability from 0 to 1; defaults by kind (see DEFAULT_RELIABILITY)."""
    generator: str | None = None
    """For AI-generated sources: the model or program that generated the text."""
    translated: bool = False
    """True when the text says it is a translation."""
    references: list[Reference] = Field(default_factory=list)
    """Documents the source cites or draws on."""
    path: str | None = None
    """Path of the text file, relative to the map file's folder."""
    text: str | None = None
    """The source text inline, for small maps; use either path or text."""
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] | None = None
    """SHA-256 of the text file's bytes; a mismatch is an error."""
    reporter: Id | None = None
    """Id of the party whose voice the source's own narration is: the journalist who
    wrote it, or the program that generated it. Quotes default to it as reporter."""
    notes: str | None = None
    """Free notes about the source."""

    @model_validator(mode="after")
    def _path_or_text(self) -> Source:
        if self.path is not None and self.text is not None:
            raise ValueError("give either 'path' or 'text', not both")
        return self

    @property
    def effective_reliability(self) -> float:
        """Return the reliability, defaulted by kind when the map gives none."""
        if self.reliability is not None:
            return self.reliability
        return DEFAULT_RELIABILITY[self.kind]

    @property
    def is_ai_generated(self) -> bool:
        """Return True for a source whose text was generated by a model."""
        return self.kind is SourceKind.AI_GENERATED


class Party(_Model):
    """Someone who asserts things: a person, an organisation, an author."""

    id: Id
    name: NonEmpty
    """Display name."""
    kind: Literal["person", "organisation", "group", "author", "other"] = "person"
    """What kind of party this is."""
    side: str | None = None
    """Which side of the dispute the party speaks for (parties on one side are drawn together)."""
    description: str | None = None
    """Who they are, in a few words."""
    members: list[Id] = Field(default_factory=list)
    """Ids of parties who speak for this one (for example its lawyers)."""


class Question(_Model):
    """A point in dispute (an IBIS issue) that claims answer: "Did OpenAI break a
    founding commitment?", "Why did Musk leave the board in 2018?"."""

    id: Id
    text: NonEmpty
    """The question, in English."""
    original: LocalizedText | None = None
    """The question in the sources' language."""
    notes: str | None = None
    """Free notes."""


class Answer(_Model):
    """How a claim answers a question."""

    question: Id
    """Id of the question."""
    stance: Annotated[str, StringConstraints(min_length=1, max_length=60)] = "yes"
    """The answer the claim gives, in a word or a few: 'yes', 'no', 'pushed out'."""


class Claim(_Model):
    """An allegation: a short proposition that someone asserts."""

    id: Id
    text: NonEmpty
    """The proposition, short, in English."""
    original: LocalizedText | None = None
    """The proposition in the sources' language."""
    asserted_by: list[Id] = Field(default_factory=list)
    """Ids of the parties who assert it."""
    date: PartialDate | None = None
    """When it was asserted, or when what it states happened, when the text says."""
    date_inferred: bool = False
    """True when the text does not print the date but lets it be worked out."""
    date_note: str | None = None
    """How the date was worked out, or how loosely the text gives it ('around 2018')."""
    hedge: Hedge | None = None
    """How surely the map holds it; when absent, as surely as its surest quote."""
    answers: list[Answer] = Field(default_factory=list)
    """The questions in dispute it answers, each with its stance."""
    base_score: Annotated[float, Field(ge=0.0, le=1.0)] | None = None
    """Prior strength from 0 to 1 for gradual semantics (neutral 0.5 when absent)."""
    tags: list[NonEmpty] = Field(default_factory=list)
    """Free labels (topics, phases of the dispute)."""
    notes: str | None = None
    """Free notes."""


class Evidence(_Model):
    """A verbatim quote from a source, as it is printed there."""

    id: Id
    source: Id
    """Id of the source it is quoted from."""
    quote: NonEmpty
    """The quote, verbatim, in the source's language."""
    span: tuple[int, int] | None = None
    """Character offsets [start, end) of the quote in the source text, verified."""
    translation: str | None = None
    """English translation of the quote."""
    reporter: Id | None = None
    """Id of the party who utters these words in the source (the journalist, the
    note); defaults to the source's reporter."""
    speaker: list[Id] = Field(default_factory=list)
    """Ids of the parties whose words or position the quote conveys, when it conveys
    someone's (empty for the reporter's own narration)."""
    hedge: Hedge | None = None
    """How the source holds the content; when absent, 'states' for the reporter's own
    words and 'reports' for a quote that conveys a speaker's."""
    translated: bool = False
    """True when the quote is the source's translation of words first said in another
    language (Musk's e-mails, written in English, quoted in French)."""
    date: PartialDate | None = None
    """Date of the event the quote reports, when given."""
    date_inferred: bool = False
    """True when the quote does not print the date but lets it be worked out."""
    date_note: str | None = None
    """How the date was worked out, or how loosely the quote gives it."""
    notes: str | None = None
    """Free notes."""

    @model_validator(mode="after")
    def _span_order(self) -> Evidence:
        if self.span is not None and not (0 <= self.span[0] < self.span[1]):
            raise ValueError("span must be [start, end) with 0 <= start < end")
        return self


class RelationType(StrEnum):
    """How one node bears on another."""

    SUPPORTS = "supports"
    """Evidence or a claim for a claim."""
    REBUTS = "rebuts"
    """Denies the target (a claim or a quote)."""
    UNDERCUTS = "undercuts"
    """Aims at a relation (its ``to`` is a relation id): "this does not show that",
    or "this party's word on it is not to be trusted"."""
    COUNTER_ACCUSES = "counter-accuses"
    """Answers an accusation with one against the accuser; denies nothing."""
    INSULTS = "insults"
    """Answers with an insult; denies nothing."""
    CONTRASTS = "contrasts"
    """Sets another emphasis or view beside the target; denies nothing."""


#: The relations that bear on a verdict.
COUNTING = frozenset({RelationType.SUPPORTS, RelationType.REBUTS, RelationType.UNDERCUTS})
#: The relations that attack (a node, or a relation).
ATTACKS = frozenset({RelationType.REBUTS, RelationType.UNDERCUTS})
#: Moves that are part of the dispute, drawn and listed, but deny nothing.
MOVES = frozenset({RelationType.COUNTER_ACCUSES, RelationType.INSULTS, RelationType.CONTRASTS})


class Relation(_Model):
    """A link from a claim or evidence to a claim or evidence (or, for ``undercuts``,
    to a relation)."""

    id: Id | None = None
    """The relation's id, so that an undercut can aim at it."""
    source: Id = Field(alias="from")
    """Id of the claim or evidence the relation starts at."""
    target: Id = Field(alias="to")
    """Id of the claim or evidence the relation ends at; for 'undercuts', the id of
    the relation it aims at."""
    type: RelationType
    """'supports', 'rebuts', 'undercuts', or a move that denies nothing:
    'counter-accuses', 'insults', 'contrasts'."""
    scheme: Annotated[str, StringConstraints(min_length=1, max_length=80)] | None = None
    """The argumentation scheme it follows, when named (Walton's: 'ad-hominem',
    'tu-quoque', 'expert-opinion', ...)."""
    rationale: str | None = None
    """Why the link holds, in a sentence."""

    @property
    def counts(self) -> bool:
        """Return True when the relation bears on verdicts (not a mere move)."""
        return self.type in COUNTING


class ArgumentMap(_Model):
    """A whole map: the root object of a map file."""

    schema_: str | None = Field(default=None, alias="$schema")
    """Path or URL of the JSON Schema, for editors."""
    argmap: Literal["1", "2"] = "2"
    """Version of the map file format ('1' files are read and upgraded)."""
    title: str | None = None
    """What the map is about."""
    description: str | None = None
    """A paragraph for readers."""
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$")] = "en"
    """Language of claim texts (translations of quotes are in this language too)."""
    sources: list[Source] = Field(default_factory=list)
    """Documents that evidence is quoted from."""
    parties: list[Party] = Field(default_factory=list)
    """People and organisations who assert claims or are quoted."""
    questions: list[Question] = Field(default_factory=list)
    """The points in dispute that claims answer."""
    claims: list[Claim] = Field(default_factory=list)
    """Allegations and counter-allegations."""
    evidence: list[Evidence] = Field(default_factory=list)
    """Verbatim quotes from the sources."""
    relations: list[Relation] = Field(default_factory=list)
    """Links between claims and evidence ('supports', 'rebuts', moves) and undercuts
    of links."""

    _path: Path | None = PrivateAttr(default=None)
    _locator: JsonLocator | None = PrivateAttr(default=None)

    @property
    def path(self) -> Path | None:
        """Return the file the map was loaded from, if any."""
        return self._path

    @property
    def base_dir(self) -> Path:
        """Return the folder that source paths are relative to."""
        return self._path.parent if self._path is not None else Path.cwd()

    def location(self, json_path: str) -> tuple[int, int] | None:
        """Return (line, column) of a JSON path in the file, or of its nearest parent.

        Example:
            >>> ArgumentMap().location("claims[0]") is None
            True
        """
        if self._locator is None:
            return None
        line, column = self._locator.nearest(json_path)
        return None if line is None or column is None else (line, column)

    # Lookups used throughout the library. They are cheap enough to rebuild on
    # demand and never go stale when a user edits the lists.
    def source_by_id(self) -> dict[str, Source]:
        """Return the sources keyed by id (the first one wins on duplicates)."""
        return _first_by_id(self.sources)

    def party_by_id(self) -> dict[str, Party]:
        """Return the parties keyed by id (the first one wins on duplicates)."""
        return _first_by_id(self.parties)

    def claim_by_id(self) -> dict[str, Claim]:
        """Return the claims keyed by id (the first one wins on duplicates)."""
        return _first_by_id(self.claims)

    def evidence_by_id(self) -> dict[str, Evidence]:
        """Return the evidence keyed by id (the first one wins on duplicates)."""
        return _first_by_id(self.evidence)

    def question_by_id(self) -> dict[str, Question]:
        """Return the questions keyed by id (the first one wins on duplicates)."""
        return _first_by_id(self.questions)

    def relation_by_id(self) -> dict[str, Relation]:
        """Return the relations that have an id, keyed by it (the first one wins).

        Example:
            >>> m = ArgumentMap.model_validate({"relations": [
            ...     {"id": "r1", "from": "a", "to": "b", "type": "supports"},
            ...     {"from": "c", "to": "r1", "type": "undercuts"}]})
            >>> list(m.relation_by_id())
            ['r1']
        """
        out: dict[str, Relation] = {}
        for rel in self.relations:
            if rel.id is not None:
                out.setdefault(rel.id, rel)
        return out

    def reporter_of(self, ev: Evidence) -> str | None:
        """Return the id of the party who utters a quote in its source (see
        :func:`quote_reporter`).

        Example:
            >>> m = ArgumentMap.model_validate({
            ...     "sources": [{"id": "s", "title": "S", "text": "x", "reporter": "j"}],
            ...     "evidence": [{"id": "e", "source": "s", "quote": "x"}]})
            >>> m.reporter_of(m.evidence[0])
            'j'
        """
        return quote_reporter(ev, self.source_by_id().get(ev.source), self.party_by_id())

    def hedge_of(self, ev: Evidence) -> Hedge:
        """Return how a quote's source holds its content (see :func:`quote_hedge`).

        Example:
            >>> m = ArgumentMap.model_validate({
            ...     "evidence": [{"id": "e", "source": "s", "quote": "x", "speaker": ["musk"]}]})
            >>> m.hedge_of(m.evidence[0]).value
            'reports'
        """
        return quote_hedge(ev, self.reporter_of(ev))

    def upgraded(self) -> ArgumentMap:
        """Return the map in the current format version (a copy; this one is unchanged).

        Example:
            >>> ArgumentMap(argmap="1").upgraded().argmap
            '2'
        """
        return upgrade(self)

    def _repr_svg_(self) -> str:
        """Return the map drawn as SVG, fitted to the width of a notebook's cell."""
        from argmap.render import jupyter

        return jupyter.show(self)._repr_svg_()

    def _repr_html_(self) -> str:
        """Return the map drawn for a notebook: fitted to the cell, with its counts."""
        from argmap.render import jupyter

        return jupyter.show(self)._repr_html_()

    def __repr__(self) -> str:
        """Return the map's title and counts (its fields would run to pages).

        Example:
            >>> ArgumentMap(title="t")
            <ArgumentMap 't': 0 claims, 0 quotes, 0 relations, 0 questions>
        """
        from argmap.render import jupyter

        return jupyter.summary(self)

    def to_json_data(self) -> dict[str, Any]:
        """Return the map as JSON-ready data, with the file's own key names.

        Example:
            >>> ArgumentMap(title="t").to_json_data()
            {'argmap': '2', 'title': 't'}
        """
        data = self.model_dump(mode="json", by_alias=True, exclude_defaults=True)
        out: dict[str, Any] = {}
        if "$schema" in data:
            out["$schema"] = data.pop("$schema")
        out["argmap"] = self.argmap
        out.update(data)
        return out


_T = TypeVar("_T", Source, Party, Question, Claim, Evidence)


def _first_by_id(items: list[_T]) -> dict[str, _T]:
    out: dict[str, _T] = {}
    for item in items:
        out.setdefault(item.id, item)
    return out


def quote_reporter(ev: Evidence, source: Source | None, parties: dict[str, Party]) -> str | None:
    """Return the id of the party who utters a quote in its source: the quote's own
    ``reporter``, else its source's, else (for maps written before reporters existed)
    the one speaker of kind 'author', whose words then are the source's own narration.

    Example:
        >>> ev = Evidence(id="e", source="s", quote="x", speaker=["cc"])
        >>> quote_reporter(ev, None, {"cc": Party(id="cc", name="C", kind="author")})
        'cc'
    """
    if ev.reporter is not None:
        return ev.reporter
    if source is not None and source.reporter is not None:
        return source.reporter
    authors = [p for p in ev.speaker if p in parties and parties[p].kind == "author"]
    return authors[0] if len(authors) == 1 else None


def quote_hedge(ev: Evidence, reporter: str | None) -> Hedge:
    """Return how a quote's source holds its content: its own ``hedge``, else 'reports'
    when it conveys a speaker other than its reporter, else 'states'.

    Example:
        >>> quote_hedge(Evidence(id="e", source="s", quote="x", speaker=["m"]), "j").value
        'reports'
    """
    if ev.hedge is not None:
        return ev.hedge
    if any(p != reporter for p in ev.speaker):
        return Hedge.REPORTS
    return Hedge.STATES


def upgrade(m: ArgumentMap) -> ArgumentMap:
    """Return a copy of ``m`` in the current format version.

    Version 2 only adds optional fields, so a version 1 map keeps every value: its
    quotes' ``speaker`` stays the party they convey, reporters and hedges are left
    to their defaults (see :meth:`ArgumentMap.reporter_of` and
    :meth:`ArgumentMap.hedge_of`), and every relation keeps its type.

    Example:
        >>> old = ArgumentMap.model_validate({"argmap": "1", "title": "t"})
        >>> upgrade(old).to_json_data()
        {'argmap': '2', 'title': 't'}
    """
    return _copy(m, argmap=FORMAT_VERSION)


def _copy(m: ArgumentMap, **update: Any) -> ArgumentMap:
    """A deep copy of a map's data (with ``update``), keeping where it was loaded from."""
    new = ArgumentMap.model_validate({**m.to_json_data(), **update})
    new._path, new._locator = m._path, m._locator
    return new


def relocate_sources(m: ArgumentMap, folder: Path, *, origin: Path | None = None) -> ArgumentMap:
    """Return a copy of ``m`` whose relative source paths lead, from ``folder``, to the
    same files as they do from the map's own folder, or from ``origin`` (for a map
    written elsewhere, or imported from a file in ``origin``).

    Example:
        >>> m = ArgumentMap.model_validate({"sources": [
        ...     {"id": "s", "title": "S", "path": "sources/a.txt"}]})
        >>> relocate_sources(m, Path.cwd() / "out").sources[0].path
        '../sources/a.txt'
    """
    import os

    new = _copy(m)
    base, target = (m.base_dir if origin is None else origin).resolve(), folder.resolve()
    for src in new.sources:
        if src.path is not None and not Path(src.path).is_absolute():
            src.path = Path(os.path.relpath(base / src.path, target)).as_posix()
    schema = new.schema_
    if schema and "://" not in schema and not Path(schema).is_absolute():
        new.schema_ = Path(os.path.relpath(base / schema, target)).as_posix()
    return new


def map_schema() -> dict[str, Any]:
    """Return the JSON Schema of map files, as ``argmap schema`` prints it.

    Example:
        >>> s = map_schema()
        >>> s["title"], sorted(s["properties"])[:3]
        ('ArgumentMap', ['$schema', 'argmap', 'claims'])
    """
    schema = ArgumentMap.model_json_schema(by_alias=True, mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
