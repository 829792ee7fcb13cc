"""The six REST resources: which rows each serves, how it fetches them, and its JSON.

An item's JSON is every column of its row under the column's name, plus embedded summaries of
related rows (a statement's speaker); the OpenAPI description is derived from the same list.
Each list takes the filters of its ``Filters`` (``api.rest.filters``); statements export
citable rows (``api.repository.exports``), the others their items' columns.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Column
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import QueryParams

from api import repository
from api.filters import IdSort, ListQuery, Order
from api.filters import actors as af
from api.filters import articles as rf
from api.filters import locations as lf
from api.filters import statements as sf
from api.pagination import decode_cursor, encode_cursor
from api.repository import Page, listing
from api.repository.listing import Listing
from api.rest.filters import (
    ACTOR_FILTERS,
    ARTICLE_FILTERS,
    LOCATION_FILTERS,
    STATEMENT_FILTERS,
    Filters,
    actor_query,
    article_query,
    location_query,
    statement_query,
)
from schema import Actor, Article, Attribution, Base, Location, Outlet, Statement

__all__ = ["RESOURCES", "Embed", "Resource"]

#: (session, query, first, after cursor) → a page in the query's order
ListRows = Callable[[AsyncSession, ListQuery[Any, Any], int, str | None], Awaitable[Listing[Any]]]
CountRows = Callable[[AsyncSession, ListQuery[Any, Any]], Awaitable[int]]
GetRow = Callable[[AsyncSession, int], Awaitable[Any | None]]


@dataclass(frozen=True, slots=True)
class Embed:
    """A summary of a related row embedded in an item, and its JSON Schema."""

    json: Callable[[Any], Any]
    schema: dict[str, Any]
    description: str


@dataclass(frozen=True, slots=True)
class Resource:
    name: str  # "statement"
    path: str  # "statements"
    model: type[Base]
    description: str
    list_rows: ListRows
    count_rows: CountRows
    get_row: GetRow
    filters: Filters
    embeds: Mapping[str, Embed] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return self.model.__name__

    @property
    def columns(self) -> list[Column[Any]]:
        return list(self.model.__table__.columns)  # type: ignore[arg-type]

    @property
    def keys(self) -> tuple[str, ...]:
        """The keys of an item's JSON, in order: its columns, then its embeds."""
        return (*_column_keys(self.model), *self.embeds)

    def to_json(self, row: Any) -> dict[str, Any]:
        item = {key: getattr(row, key) for key in _column_keys(self.model)}
        for name, embed in self.embeds.items():
            item[name] = embed.json(row)
        return item


_KEYS: dict[type[Base], tuple[str, ...]] = {}


def _column_keys(model: type[Base]) -> tuple[str, ...]:
    keys = _KEYS.get(model)
    if keys is None:
        keys = _KEYS[model] = tuple(attr.key for attr in model.__mapper__.column_attrs)
    return keys


def _plain_query(_params: QueryParams) -> ListQuery[Any, Any]:
    return ListQuery(Order(IdSort.ID))


NO_FILTERS = Filters((), IdSort, _plain_query)


def _plain(model: type[Base]) -> tuple[ListRows, CountRows, GetRow, Filters]:
    async def list_rows(
        session: AsyncSession, _query: ListQuery[Any, Any], first: int, after: str | None
    ) -> Listing[Any]:
        after_id = decode_cursor(after, parameter="cursor")
        page: Page[Any] = await repository.page(session, model, first=first, after=after_id)
        return Listing(page.rows, [encode_cursor(r.id) for r in page.rows], page.has_next)

    async def count_rows(session: AsyncSession, _query: ListQuery[Any, Any]) -> int:
        return await repository.count(session, model)

    async def get_row(session: AsyncSession, row_id: int) -> Any | None:
        return await repository.get(session, model, row_id)

    return list_rows, count_rows, get_row, NO_FILTERS


async def _list_statements(
    session: AsyncSession, query: sf.StatementQuery, first: int, after: str | None
) -> Listing[Statement]:
    page = await listing.statements_page(
        session, query, first=first, after=after, parameter="cursor"
    )
    await listing.load_speakers(session, page.rows)
    return page


async def _list_actors(
    session: AsyncSession, query: af.ActorQuery, first: int, after: str | None
) -> Listing[Actor]:
    return await listing.actors_page(session, query, first=first, after=after, parameter="cursor")


async def _list_locations(
    session: AsyncSession, query: lf.LocationQuery, first: int, after: str | None
) -> Listing[Location]:
    return await listing.locations_page(
        session, query, first=first, after=after, parameter="cursor"
    )


async def _list_articles(
    session: AsyncSession, query: rf.ArticleQuery, first: int, after: str | None
) -> Listing[Article]:
    return await listing.articles_page(session, query, first=first, after=after, parameter="cursor")


def _get(model: type[Base]) -> GetRow:
    async def get_row(session: AsyncSession, row_id: int) -> Any | None:
        return await repository.get(session, model, row_id)

    return get_row


def _speaker(statement: Statement) -> dict[str, Any] | None:
    speaker = statement.speaker
    return None if speaker is None else {"id": speaker.id, "name": speaker.name}


SPEAKER = Embed(
    json=_speaker,
    schema={
        "oneOf": [
            {
                "type": "object",
                "properties": {"id": {"type": "integer"}, "name": {"type": "string"}},
                "required": ["id", "name"],
                "additionalProperties": False,
            },
            {"type": "null"},
        ]
    },
    description="The speaker (the actor speaker_id points at), or null.",
)

RESOURCES: tuple[Resource, ...] = (
    Resource(
        "statement",
        "statements",
        Statement,
        "Statements: one utterance by one speaker, however many articles report it.",
        _list_statements,
        listing.count_statements,
        repository.statement_with_speaker,
        Filters(STATEMENT_FILTERS, sf.StatementSort, statement_query),
        {"speaker": SPEAKER},
    ),
    Resource(
        "attribution",
        "attributions",
        Attribution,
        "Attributions: one article's rendering of a statement, located by character offsets "
        "into the article's stored text.",
        *_plain(Attribution),
    ),
    Resource(
        "actor",
        "actors",
        Actor,
        "Actors: people, organisations, governments and groups that speak or are spoken of.",
        _list_actors,
        listing.count_actors,
        _get(Actor),
        Filters(ACTOR_FILTERS, af.ActorSort, actor_query),
    ),
    Resource(
        "location",
        "locations",
        Location,
        "Locations: places in an administrative hierarchy (parent_id), with coordinates.",
        _list_locations,
        listing.count_locations,
        _get(Location),
        Filters(LOCATION_FILTERS, lf.LocationSort, location_query),
    ),
    Resource(
        "article",
        "articles",
        Article,
        "Articles: the stored (repaired) text, its repairs and publication metadata.",
        _list_articles,
        listing.count_articles,
        _get(Article),
        Filters(ARTICLE_FILTERS, rf.ArticleSort, article_query),
    ),
    Resource(
        "outlet",
        "outlets",
        Outlet,
        "Outlets: who published the articles; what is unknown stays null.",
        *_plain(Outlet),
    ),
)
