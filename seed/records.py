"""Typed records passed between the loader's stages.

read → RawArticle; structure → ArticleStructure; metadata → ArticleMeta;
extract/resolve/dates → ExtractedAttribution; pipeline → ExtractedArticle; write → database.

Every stage but ``write`` is pure: records in, records out, no database. All offsets are
character offsets into ``RawArticle.text`` (the stored, repaired text), end exclusive.
Records are frozen and picklable so that articles can be processed in worker processes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from schema.enums import ActorKind, DatePrecision, LocationKind, Medium, OutletKind, StatementKind


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Repair:
    """One change made to the text as received. ``start``/``end`` locate ``after`` in the
    repaired text; ``raw_offset`` is where ``before`` began in the decoded input."""

    start: int
    end: int
    before: str
    after: str
    reason: str
    raw_offset: int | None = None

    def as_json(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "before": self.before,
            "after": self.after,
            "reason": self.reason,
            "raw_offset": self.raw_offset,
        }


@dataclass(frozen=True, slots=True)
class RawArticle:
    file_name: str
    sha256: str  # of the raw bytes
    text: str  # repaired text: what is stored and what every offset points into
    encoding: str = "utf-8"
    repairs: tuple[Repair, ...] = ()
    path: str | None = None


@dataclass(frozen=True, slots=True)
class ArticleStructure:
    title: Span | None = None
    subtitle: Span | None = None
    dateline: Span | None = None  # "BAGHDAD (Dispatches) -"
    paragraphs: tuple[Span, ...] = ()  # body paragraphs, eligible for extraction
    captions: tuple[Span, ...] = ()
    boilerplate: tuple[Span, ...] = ()  # excluded from extraction ("can also be accessed at")
    outlet_mentions: tuple[Span, ...] = ()  # the text naming its own outlet ("Press TV's website")


@dataclass(frozen=True, slots=True)
class OutletInfo:
    name: str
    domain: str | None = None
    country: str | None = None
    language: str | None = None
    kind: OutletKind | None = None
    state_affiliation: str | None = None
    name_unrecoverable: bool = False


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    outlet: OutletInfo | None = None
    url: str | None = None
    title: str | None = None
    subtitle: str | None = None
    published_on: dt.date | None = None
    published_precision: DatePrecision | None = None
    published_estimated: bool = False
    languages: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RoleRef:
    title: str
    organization: str | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    evidence: Span | None = None


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor as resolved within one article; ``name`` is canonical across articles."""

    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    description: str | None = None
    roles: tuple[RoleRef, ...] = ()
    wikidata_id: str | None = None
    #: how this article writes a name that says less than the canonical one and so is no
    #: alias ("the Interior Ministry" of "French Interior Ministry")
    written: str | None = None


@dataclass(frozen=True, slots=True)
class LocationRef:
    name: str
    kind: LocationKind
    parent: LocationRef | None = None  # administrative parent, itself with its parent
    country_code: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonames_id: int | None = None
    icao: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Mention:
    span: Span
    text: str
    actor: ActorRef | None = None
    location: LocationRef | None = None


@dataclass(frozen=True, slots=True)
class ExtractedAttribution:
    kind: StatementKind
    content: str  # exactly RawArticle.text[start:end] for one fragment; pieces joined by " … "
    start: int
    end: int
    fragments: tuple[Span, ...]  # one or more pieces of content
    speaker_text: str | None = None  # as written: "he", "the source", "Iraq's Prime Minister"
    speaker_span: Span | None = None
    speaker: ActorRef | None = None
    co_speakers: tuple[ActorRef, ...] = ()  # joint statements
    cue: str | None = None
    cue_span: Span | None = None
    said_on: dt.date | None = None
    said_precision: DatePrecision | None = None
    said_on_text: str | None = None
    language: str | None = None
    medium: Medium | None = None
    venue: str | None = None
    #: where it was said, where the report says so beside its cue ("said in Baghdad")
    said_at: LocationRef | None = None
    confidence: float = 1.0
    actor_mentions: tuple[Mention, ...] = ()
    location_mentions: tuple[Mention, ...] = ()
    #: id shared by attributions of the same utterance (within and across articles)
    statement_key: str | None = None


@dataclass(frozen=True, slots=True)
class ExtractedArticle:
    raw: RawArticle
    structure: ArticleStructure
    meta: ArticleMeta
    attributions: tuple[ExtractedAttribution, ...] = ()
    warnings: tuple[str, ...] = field(default=())
