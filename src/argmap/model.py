"""The argument-map data model: sources, parties, claims, evidence and relations.

A map file is a JSON document validated by :class:`ArgumentMap`. The model only
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
    "DEFAULT_RELIABILITY",
    "FORMAT_VERSION",
    "ArgumentMap",
    "Claim",
    "Evidence",
    "LocalizedText",
    "Party",
    "Reference",
    "Relation",
    "RelationType",
    "Source",
    "SourceKind",
    "map_schema",
]

#: Version of the map file format written in the ``argmap`` key.
FORMAT_VERSION: Literal["1"] = "1"

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
    """When it was asserted, when the text says."""
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
    speaker: list[Id] = Field(default_factory=list)
    """Ids of the parties the source reports as saying or doing what is quoted."""
    date: PartialDate | None = None
    """Date of the event the quote reports, when given."""
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
    REBUTS = "rebuts"


class Relation(_Model):
    """A ``supports`` or ``rebuts`` link from a claim or evidence to a claim or evidence."""

    source: Id = Field(alias="from")
    """Id of the claim or evidence the relation starts at."""
    target: Id = Field(alias="to")
    """Id of the claim or evidence the relation ends at."""
    type: RelationType
    """'supports' or 'rebuts'."""
    rationale: str | None = None
    """Why the link holds, in a sentence."""


class ArgumentMap(_Model):
    """A whole map: the root object of a map file."""

    schema_: str | None = Field(default=None, alias="$schema")
    """Path or URL of the JSON Schema, for editors."""
    argmap: Literal["1"] = "1"
    """Version of the map file format."""
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
    claims: list[Claim] = Field(default_factory=list)
    """Allegations and counter-allegations."""
    evidence: list[Evidence] = Field(default_factory=list)
    """Verbatim quotes from the sources."""
    relations: list[Relation] = Field(default_factory=list)
    """'supports' and 'rebuts' links between claims and evidence."""

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

    def _repr_svg_(self) -> str:
        """Return the map drawn as SVG, so Jupyter shows it as a picture."""
        from argmap.render import render

        return render(self, "svg").decode("utf-8")

    def to_json_data(self) -> dict[str, Any]:
        """Return the map as JSON-ready data, with the file's own key names.

        Example:
            >>> ArgumentMap(title="t").to_json_data()
            {'argmap': '1', 'title': 't'}
        """
        data = self.model_dump(mode="json", by_alias=True, exclude_defaults=True)
        out: dict[str, Any] = {}
        if "$schema" in data:
            out["$schema"] = data.pop("$schema")
        out["argmap"] = self.argmap
        out.update(data)
        return out


_T = TypeVar("_T", Source, Party, Claim, Evidence)


def _first_by_id(items: list[_T]) -> dict[str, _T]:
    out: dict[str, _T] = {}
    for item in items:
        out.setdefault(item.id, item)
    return out


def map_schema() -> dict[str, Any]:
    """Return the JSON Schema of map files, as ``argmap schema`` prints it.

    Example:
        >>> s = map_schema()
        >>> s["title"], sorted(s["properties"])[:3]
        ('ArgumentMap', ['$schema', 'argmap', 'claims'])
    """
    schema = ArgumentMap.model_json_schema(by_alias=True, mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
