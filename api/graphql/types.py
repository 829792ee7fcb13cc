"""The object types of the graph: one per table, every column a field, relations as fields.

Resolvers hand these types ORM rows (``schema.*``), never copies: a field without a resolver
is read straight off the row's attribute of the same Python name. ``rowId`` is declared as
``id: int = strawberry.field(name="rowId")`` so it reads the row's ``id``; the GraphQL ``id``
is the global id. Relations are resolved through the request's DataLoaders
(``info.context.loaders``), never through ORM relationships, which refuse to lazy-load.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable
from typing import Any, Protocol

import strawberry
from graphql import GraphQLResolveInfo
from strawberry.dataloader import DataLoader
from strawberry.scalars import JSON

import schema as models
from api.graphql.connections import After, Connection, ConnectionValue, First
from api.graphql.context import Info
from api.graphql.enums import (
    ActorKind,
    DatePrecision,
    IngestStatus,
    LocationKind,
    Medium,
    OutletKind,
    StatementKind,
)
from api.graphql.fields import resolver
from api.graphql.ids import to_global_id
from api.graphql.loaders import PageKey
from api.graphql.research import Comparison, Position, PositionsValue, SearchArgument
from api.graphql.research import actor_positions as positions_of
from api.pagination import check_first, decode_cursor
from api.repository import Page
from api.research import compare as compared

__all__ = [
    "Actor",
    "ActorAlias",
    "ActorMention",
    "ActorRole",
    "Article",
    "Attribution",
    "IngestError",
    "IngestRun",
    "Location",
    "LocationAlias",
    "LocationMention",
    "Node",
    "Outlet",
    "Repair",
    "Statement",
    "TextSpan",
]


class _Row(Protocol):
    @property
    def id(self) -> int: ...


def _global_id(type_name: str) -> Any:
    """The ``id`` field of a node type: its global id."""

    def resolve(root: strawberry.Parent[_Row]) -> strawberry.ID:
        return strawberry.ID(to_global_id(type_name, root.id))

    return strawberry.field(
        resolver=resolve,
        name="id",
        description=f"Global id (base64 of '{type_name}:rowId'); look it up with node(id).",
    )


def _row_id() -> Any:
    return strawberry.field(name="rowId", description="Row id, as in the REST API.")


def _created_at() -> Any:
    return strawberry.field(description="When the row was written (UTC).")


async def _child_connection(
    pages: DataLoader[PageKey, Page[Any]],
    counts: DataLoader[int, int],
    parent_id: int,
    first: int,
    after: str | None,
) -> ConnectionValue[Any]:
    after_id = decode_cursor(after, parameter="after")
    page = await pages.load((parent_id, check_first(first), after_id))
    return ConnectionValue(page, after=after_id, count=lambda: counts.load(parent_id))


@strawberry.interface(description="An object with a global id, to fetch it again with node(id).")
class Node:
    global_id: strawberry.ID = strawberry.field(
        name="id", description="Global id; look the object up with node(id)."
    )


@strawberry.type(description="An uninterrupted piece of an article's stored text.")
class TextSpan:
    start: int = strawberry.field(description="Offset of the first character.")
    end: int = strawberry.field(description="Offset after the last character.")


@strawberry.type(description="One change made to an article's text as received.")
class Repair:
    start: int = strawberry.field(description="Offset of the repaired text in Article.text.")
    end: int = strawberry.field(description="Offset after the repaired text in Article.text.")
    before: str = strawberry.field(description="The text as received.")
    after: str = strawberry.field(description="The text as stored.")
    reason: str = strawberry.field(description="Why the change was made.")
    raw_offset: int | None = strawberry.field(
        description="Where the received text began in the decoded input."
    )


@strawberry.type(description="A file an ingest run could not load.")
class IngestError:
    file: str
    offset: int | None = strawberry.field(description="Character offset of the problem.")
    message: str


@strawberry.type(description="A statement: one utterance by one speaker (or several, jointly).")
class Statement(Node):
    global_id: strawberry.ID = _global_id("Statement")
    id: int = _row_id()
    text: str = strawberry.field(description="Canonical text: the most direct rendering reported.")
    kind: StatementKind
    language: str | None = strawberry.field(description="ISO 639-1 code.")
    said_on: dt.date | None = strawberry.field(description="When it was said.")
    said_precision: DatePrecision | None
    date_conflict: bool = strawberry.field(
        description="True when the articles reporting it give different dates."
    )
    medium: Medium | None
    venue: str | None = strawberry.field(
        description="Venue as written: 'interview with Al-Monitor', 'a press conference'."
    )
    topics: list[str]
    stance: str | None = strawberry.field(description="Curated stance label.")
    created_at: dt.datetime = _created_at()

    @classmethod
    def is_type_of(cls, obj: object, _info: GraphQLResolveInfo[Any]) -> bool:
        return isinstance(obj, models.Statement)

    @resolver(graphql_type="Actor | None", description="Who said it.")
    @staticmethod
    def speaker(
        root: strawberry.Parent[models.Statement], info: Info
    ) -> Awaitable[models.Actor | None] | None:
        if root.speaker_id is None:
            return None
        return info.context.loaders.actor.load(root.speaker_id)

    @resolver(graphql_type="list[Actor]", description="Further speakers of a joint statement.")
    @staticmethod
    def co_speakers(
        root: strawberry.Parent[models.Statement], info: Info
    ) -> Awaitable[list[models.Actor]]:
        return info.context.loaders.joint_speakers_by_statement.load(root.id)

    @resolver(graphql_type="Location | None", description="Where it was said.")
    @staticmethod
    def location(
        root: strawberry.Parent[models.Statement], info: Info
    ) -> Awaitable[models.Location | None] | None:
        if root.location_id is None:
            return None
        return info.context.loaders.location.load(root.location_id)

    @resolver(
        graphql_type="list[Attribution]",
        description="How each article reported it, in id order.",
    )
    @staticmethod
    def attributions(
        root: strawberry.Parent[models.Statement], info: Info
    ) -> Awaitable[list[models.Attribution]]:
        return info.context.loaders.attributions_by_statement.load(root.id)

    @resolver(
        graphql_type=Comparison,
        description="Its renderings side by side, compared word by word with the most "
        "direct one, with the dates each gives and whether they conflict.",
    )
    @staticmethod
    async def comparison(
        root: strawberry.Parent[models.Statement], info: Info
    ) -> compared.Comparison:
        renderings = await info.context.loaders.renderings_by_statement.load(root.id)
        return compared.compare(renderings)

    @resolver(
        graphql_type="list[Actor]", description="Actors it mentions, in order of first mention."
    )
    @staticmethod
    def mentioned_actors(
        root: strawberry.Parent[models.Statement], info: Info
    ) -> Awaitable[list[models.Actor]]:
        return info.context.loaders.mentioned_actors_by_statement.load(root.id)

    @resolver(
        graphql_type="list[Location]",
        description="Places it mentions, in order of first mention.",
    )
    @staticmethod
    def mentioned_locations(
        root: strawberry.Parent[models.Statement], info: Info
    ) -> Awaitable[list[models.Location]]:
        return info.context.loaders.mentioned_locations_by_statement.load(root.id)

    @resolver(
        graphql_type="list[ActorMention]",
        description="Each mention of an actor, with where its attribution's text names it.",
    )
    @staticmethod
    def actor_mentions(
        root: strawberry.Parent[models.Statement], info: Info
    ) -> Awaitable[list[models.StatementActor]]:
        return info.context.loaders.actor_mentions_by_statement.load(root.id)

    @resolver(
        graphql_type="list[LocationMention]",
        description="Each mention of a place, with where its attribution's text names it.",
    )
    @staticmethod
    def location_mentions(
        root: strawberry.Parent[models.Statement], info: Info
    ) -> Awaitable[list[models.StatementLocation]]:
        return info.context.loaders.location_mentions_by_statement.load(root.id)

    @resolver(graphql_type="IngestRun | None", description="The load that wrote it.")
    @staticmethod
    def ingest_run(
        root: strawberry.Parent[models.Statement], info: Info
    ) -> Awaitable[models.IngestRun | None] | None:
        if root.ingest_run_id is None:
            return None
        return info.context.loaders.ingest_run.load(root.ingest_run_id)


@strawberry.type(
    description="One article's rendering of a statement: source (speaker), cue and content, "
    "each located by character offsets in the article's stored text."
)
class Attribution(Node):
    global_id: strawberry.ID = _global_id("Attribution")
    id: int = _row_id()
    kind: StatementKind
    speaker_text: str | None = strawberry.field(
        description="The speaker as written: 'he', 'the source', 'Iraq's Prime Minister'."
    )
    speaker_start: int | None
    speaker_end: int | None
    cue: str | None = strawberry.field(
        description="The cue verb or phrase: 'said', 'according to'."
    )
    cue_start: int | None
    cue_end: int | None
    content: str = strawberry.field(description="What was said, exactly as in the article text.")
    content_start: int
    content_end: int
    language: str | None = strawberry.field(description="ISO 639-1 code.")
    said_on: dt.date | None = strawberry.field(description="The date as this article gives it.")
    said_precision: DatePrecision | None
    said_on_text: str | None = strawberry.field(
        description="The words the date was resolved from: 'on Monday'."
    )
    confidence: float
    extractor_version: str
    created_at: dt.datetime = _created_at()

    @classmethod
    def is_type_of(cls, obj: object, _info: GraphQLResolveInfo[Any]) -> bool:
        return isinstance(obj, models.Attribution)

    @resolver(
        graphql_type="list[TextSpan]",
        description="The pieces of an interrupted quote; one span when uninterrupted.",
    )
    @staticmethod
    def fragments(root: strawberry.Parent[models.Attribution]) -> list[TextSpan]:
        return [TextSpan(start=start, end=end) for start, end in root.fragments]

    @resolver(graphql_type="Article", description="The article that reports it.")
    @staticmethod
    def article(
        root: strawberry.Parent[models.Attribution], info: Info
    ) -> Awaitable[models.Article | None]:
        return info.context.loaders.article.load(root.article_id)

    @resolver(graphql_type="Statement", description="The statement it reports.")
    @staticmethod
    def statement(
        root: strawberry.Parent[models.Attribution], info: Info
    ) -> Awaitable[models.Statement | None]:
        return info.context.loaders.statement.load(root.statement_id)

    @resolver(
        graphql_type="Actor | None", description="The actor the speaker as written resolves to."
    )
    @staticmethod
    def speaker(
        root: strawberry.Parent[models.Attribution], info: Info
    ) -> Awaitable[models.Actor | None] | None:
        if root.speaker_id is None:
            return None
        return info.context.loaders.actor.load(root.speaker_id)


@strawberry.type(description="Another name of an actor, in any script.")
class ActorAlias:
    id: int = _row_id()
    alias: str
    normalized: str = strawberry.field(description="Case-, accent- and punctuation-folded form.")
    language: str | None


@strawberry.type(description="A role an actor held, over time, and where that is stated.")
class ActorRole:
    id: int = _row_id()
    title: str
    organization: str | None = strawberry.field(description="The organisation as written.")
    valid_from: dt.date | None
    valid_to: dt.date | None
    evidence_start: int | None = strawberry.field(
        description="Offset of the evidence in evidenceArticle.text."
    )
    evidence_end: int | None

    @resolver(graphql_type="Actor | None", description="The actor the organisation resolves to.")
    @staticmethod
    def organization_actor(
        root: strawberry.Parent[models.ActorRole], info: Info
    ) -> Awaitable[models.Actor | None] | None:
        if root.organization_id is None:
            return None
        return info.context.loaders.actor.load(root.organization_id)

    @resolver(graphql_type="Article | None", description="The article that states the role.")
    @staticmethod
    def evidence_article(
        root: strawberry.Parent[models.ActorRole], info: Info
    ) -> Awaitable[models.Article | None] | None:
        if root.evidence_article_id is None:
            return None
        return info.context.loaders.article.load(root.evidence_article_id)


@strawberry.type(
    description="A person, organisation, government, group… that speaks or is spoken of."
)
class Actor(Node):
    global_id: strawberry.ID = _global_id("Actor")
    id: int = _row_id()
    name: str = strawberry.field(description="Canonical name.")
    kind: ActorKind
    description: str | None
    wikidata_id: str | None
    created_at: dt.datetime = _created_at()

    @classmethod
    def is_type_of(cls, obj: object, _info: GraphQLResolveInfo[Any]) -> bool:
        return isinstance(obj, models.Actor)

    @resolver(graphql_type="list[ActorAlias]")
    @staticmethod
    def aliases(
        root: strawberry.Parent[models.Actor], info: Info
    ) -> Awaitable[list[models.ActorAlias]]:
        return info.context.loaders.aliases_by_actor.load(root.id)

    @resolver(graphql_type="list[ActorRole]")
    @staticmethod
    def roles(
        root: strawberry.Parent[models.Actor], info: Info
    ) -> Awaitable[list[models.ActorRole]]:
        return info.context.loaders.roles_by_actor.load(root.id)

    @resolver(
        graphql_type=Connection[Statement],
        description="Statements this actor made (as main speaker), in id order.",
    )
    @staticmethod
    async def statements(
        root: strawberry.Parent[models.Actor], info: Info, first: First, after: After = None
    ) -> ConnectionValue[models.Statement]:
        loaders = info.context.loaders
        return await _child_connection(
            loaders.statements_by_speaker, loaders.statement_count_by_speaker, root.id, first, after
        )

    @resolver(
        graphql_type=Connection[Position],
        description="What it said (as speaker or joint speaker), on a subject with search, in "
        "date order: each statement with its renderings. A statement whose date is unknown is "
        "placed at its first report; those with no date at all come last.",
    )
    @staticmethod
    async def positions(
        root: strawberry.Parent[models.Actor],
        info: Info,
        first: First,
        after: After = None,
        search: SearchArgument = None,
    ) -> PositionsValue:
        return await positions_of(info, root.id, first, after, search)


@strawberry.type(description="Another name of a place, in any script.")
class LocationAlias:
    id: int = _row_id()
    alias: str
    normalized: str = strawberry.field(description="Case-, accent- and punctuation-folded form.")
    language: str | None


@strawberry.type(description="A place in an administrative hierarchy.")
class Location(Node):
    global_id: strawberry.ID = _global_id("Location")
    id: int = _row_id()
    name: str
    kind: LocationKind
    country_code: str | None = strawberry.field(description="ISO 3166-1 alpha-2.")
    latitude: float | None
    longitude: float | None
    geonames_id: int | None
    icao: str | None = strawberry.field(description="ICAO code of an airport or air base.")
    wikidata_id: str | None
    created_at: dt.datetime = _created_at()

    @classmethod
    def is_type_of(cls, obj: object, _info: GraphQLResolveInfo[Any]) -> bool:
        return isinstance(obj, models.Location)

    @resolver(graphql_type="Location | None", description="The place that contains it.")
    @staticmethod
    def parent(
        root: strawberry.Parent[models.Location], info: Info
    ) -> Awaitable[models.Location | None] | None:
        if root.parent_id is None:
            return None
        return info.context.loaders.location.load(root.parent_id)

    @resolver(graphql_type="list[Location]", description="The places it contains.")
    @staticmethod
    def children(
        root: strawberry.Parent[models.Location], info: Info
    ) -> Awaitable[list[models.Location]]:
        return info.context.loaders.children_by_location.load(root.id)

    @resolver(graphql_type="list[LocationAlias]")
    @staticmethod
    def aliases(
        root: strawberry.Parent[models.Location], info: Info
    ) -> Awaitable[list[models.LocationAlias]]:
        return info.context.loaders.aliases_by_location.load(root.id)

    @resolver(
        graphql_type=Connection[Statement],
        description="Statements made at this place, in id order.",
    )
    @staticmethod
    async def statements(
        root: strawberry.Parent[models.Location], info: Info, first: First, after: After = None
    ) -> ConnectionValue[models.Statement]:
        loaders = info.context.loaders
        return await _child_connection(
            loaders.statements_by_location,
            loaders.statement_count_by_location,
            root.id,
            first,
            after,
        )


@strawberry.type(description="An ingested article: its stored text and publication metadata.")
class Article(Node):
    global_id: strawberry.ID = _global_id("Article")
    id: int = _row_id()
    title: str | None
    subtitle: str | None
    url: str | None
    published_on: dt.date | None
    published_precision: DatePrecision | None
    published_estimated: bool = strawberry.field(
        description="True when the date was inferred from the text, not given."
    )
    languages: list[str] = strawberry.field(
        description="ISO 639-1 codes of the languages of the text, main language first."
    )
    text: str = strawberry.field(
        description="The stored (repaired) text: every offset in the API points into it."
    )
    raw_sha256: str = strawberry.field(description="SHA-256 of the bytes as received.")
    file_name: str
    encoding: str = strawberry.field(description="Encoding the bytes were decoded from.")
    created_at: dt.datetime = _created_at()

    @classmethod
    def is_type_of(cls, obj: object, _info: GraphQLResolveInfo[Any]) -> bool:
        return isinstance(obj, models.Article)

    @resolver(
        graphql_type="list[Repair]",
        description="Every change made to the text as received, in text order.",
    )
    @staticmethod
    def repairs(root: strawberry.Parent[models.Article]) -> list[Repair]:
        return [
            Repair(
                start=r["start"],
                end=r["end"],
                before=r["before"],
                after=r["after"],
                reason=r["reason"],
                raw_offset=r.get("raw_offset"),
            )
            for r in root.repairs
        ]

    @resolver(graphql_type="Outlet | None", description="Who published it.")
    @staticmethod
    def outlet(
        root: strawberry.Parent[models.Article], info: Info
    ) -> Awaitable[models.Outlet | None] | None:
        if root.outlet_id is None:
            return None
        return info.context.loaders.outlet.load(root.outlet_id)

    @resolver(
        graphql_type="list[Attribution]",
        description="The statements it reports, in text order.",
    )
    @staticmethod
    def attributions(
        root: strawberry.Parent[models.Article], info: Info
    ) -> Awaitable[list[models.Attribution]]:
        return info.context.loaders.attributions_by_article.load(root.id)

    @resolver(graphql_type="IngestRun | None", description="The load that wrote it.")
    @staticmethod
    def ingest_run(
        root: strawberry.Parent[models.Article], info: Info
    ) -> Awaitable[models.IngestRun | None] | None:
        if root.ingest_run_id is None:
            return None
        return info.context.loaders.ingest_run.load(root.ingest_run_id)


@strawberry.type(description="A publisher of articles. What is unknown stays null.")
class Outlet(Node):
    global_id: strawberry.ID = _global_id("Outlet")
    id: int = _row_id()
    name: str
    domain: str | None
    country: str | None = strawberry.field(description="ISO 3166-1 alpha-2.")
    language: str | None
    kind: OutletKind | None
    state_affiliation: str | None = strawberry.field(
        description="State affiliation or ownership note."
    )
    name_unrecoverable: bool = strawberry.field(
        description="True when the text names the outlet but encoding damage lost the name."
    )
    created_at: dt.datetime = _created_at()

    @classmethod
    def is_type_of(cls, obj: object, _info: GraphQLResolveInfo[Any]) -> bool:
        return isinstance(obj, models.Outlet)

    @resolver(graphql_type=Connection[Article], description="Its articles, in id order.")
    @staticmethod
    async def articles(
        root: strawberry.Parent[models.Outlet], info: Info, first: First, after: After = None
    ) -> ConnectionValue[models.Article]:
        loaders = info.context.loaders
        return await _child_connection(
            loaders.articles_by_outlet, loaders.article_count_by_outlet, root.id, first, after
        )


@strawberry.type(description="One run of the loader: the provenance of the rows it wrote.")
class IngestRun(Node):
    global_id: strawberry.ID = _global_id("IngestRun")
    id: int = _row_id()
    started_at: dt.datetime
    finished_at: dt.datetime | None
    loader_version: str
    status: IngestStatus
    files: list[str] = strawberry.field(description="The files given to the run.")
    counts: JSON = strawberry.field(description="Rows written per kind.")

    @classmethod
    def is_type_of(cls, obj: object, _info: GraphQLResolveInfo[Any]) -> bool:
        return isinstance(obj, models.IngestRun)

    @resolver(graphql_type="list[IngestError]", description="The files that failed.")
    @staticmethod
    def errors(root: strawberry.Parent[models.IngestRun]) -> list[IngestError]:
        return [
            IngestError(file=e["file"], offset=e.get("offset"), message=e["message"])
            for e in root.errors
        ]


@strawberry.type(description="An actor named in a statement, and where its attribution names it.")
class ActorMention:
    id: int = _row_id()
    start: int | None = strawberry.field(description="Offset in the attribution's article text.")
    end: int | None

    @resolver(graphql_type="Actor")
    @staticmethod
    def actor(
        root: strawberry.Parent[models.StatementActor], info: Info
    ) -> Awaitable[models.Actor | None]:
        return info.context.loaders.actor.load(root.actor_id)

    @resolver(graphql_type="Attribution | None", description="The text that names it.")
    @staticmethod
    def attribution(
        root: strawberry.Parent[models.StatementActor], info: Info
    ) -> Awaitable[models.Attribution | None] | None:
        if root.attribution_id is None:
            return None
        return info.context.loaders.attribution.load(root.attribution_id)


@strawberry.type(description="A place named in a statement, and where its attribution names it.")
class LocationMention:
    id: int = _row_id()
    start: int | None = strawberry.field(description="Offset in the attribution's article text.")
    end: int | None

    @resolver(graphql_type="Location")
    @staticmethod
    def location(
        root: strawberry.Parent[models.StatementLocation], info: Info
    ) -> Awaitable[models.Location | None]:
        return info.context.loaders.location.load(root.location_id)

    @resolver(graphql_type="Attribution | None", description="The text that names it.")
    @staticmethod
    def attribution(
        root: strawberry.Parent[models.StatementLocation], info: Info
    ) -> Awaitable[models.Attribution | None] | None:
        if root.attribution_id is None:
            return None
        return info.context.loaders.attribution.load(root.attribution_id)
