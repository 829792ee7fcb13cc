"""The root query: ``node(id)``, and a connection and a single-item field per resource."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Any, TypeVar

import strawberry
from strawberry.dataloader import DataLoader

import schema as models
from api import repository
from api.graphql.connections import After, Connection, ConnectionValue, First
from api.graphql.context import Info
from api.graphql.fields import resolver
from api.graphql.filters import (
    ActorFilter,
    ActorOrder,
    ArticleFilter,
    ArticleOrder,
    LocationFilter,
    LocationOrder,
    StatementFilter,
    StatementOrder,
    actor_query,
    article_query,
    location_query,
    statement_query,
)
from api.graphql.ids import from_global_id
from api.graphql.listing import ListingValue, SearchConnection
from api.graphql.loaders import Loaders
from api.graphql.research import positions_field, timeline_field
from api.graphql.types import Actor, Article, Attribution, Location, Node, Outlet, Statement
from api.pagination import check_first, decode_cursor
from api.repository import listing
from schema import Base

__all__ = ["Query"]

M = TypeVar("M", bound=Base)

GlobalId = Annotated[
    strawberry.ID, strawberry.argument(description="A global id, from the id field of an object.")
]

#: each node type's GraphQL name → its loader by row id
NODE_LOADERS: dict[str, Callable[[Loaders], DataLoader[int, Any]]] = {
    "Statement": lambda loaders: loaders.statement,
    "Attribution": lambda loaders: loaders.attribution,
    "Actor": lambda loaders: loaders.actor,
    "Location": lambda loaders: loaders.location,
    "Article": lambda loaders: loaders.article,
    "Outlet": lambda loaders: loaders.outlet,
    "IngestRun": lambda loaders: loaders.ingest_run,
}


async def _connection(
    info: Info, model: type[M], first: int, after: str | None
) -> ConnectionValue[M]:
    after_id = decode_cursor(after, parameter="after")
    db = info.context.db
    page = await db.run(repository.page, model, first=check_first(first), after=after_id)
    return ConnectionValue(page, after=after_id, count=lambda: db.run(repository.count, model))


SearchArgument = Annotated[
    str | None,
    strawberry.argument(
        description='A full-text query: words (all must match), "a phrase", prefix*, OR, '
        "NOT or -word, (groups). Each edge's snippet shows where it matched."
    ),
]


def _one(info: Info, type_name: str, global_id: str) -> Awaitable[Any]:
    _, row_id = from_global_id(global_id, expected=type_name)
    return NODE_LOADERS[type_name](info.context.loaders).load(row_id)


@strawberry.type(description="Who said what, when, where, and who reported it.")
class Query:
    @resolver(
        graphql_type=Node | None,
        description="Any object by its global id; null when there is no such row.",
    )
    @staticmethod
    def node(info: Info, id: GlobalId) -> Awaitable[Any] | None:
        type_name, row_id = from_global_id(id)
        loader = NODE_LOADERS.get(type_name)
        return None if loader is None else loader(info.context.loaders).load(row_id)

    @resolver(
        graphql_type=SearchConnection[Statement],
        description="Statements the filter and search select, in orderBy order (default: id).",
    )
    @staticmethod
    async def statements(
        info: Info,
        first: First,
        after: After = None,
        filter: StatementFilter | None = None,
        order_by: StatementOrder | None = None,
        search: SearchArgument = None,
    ) -> ListingValue[models.Statement]:
        query = statement_query(filter, order_by, search)
        db = info.context.db
        page = await db.run(listing.statements_page, query, first=check_first(first), after=after)
        return ListingValue(
            page, after=after, count=lambda: db.run(listing.count_statements, query), db=db
        )

    @resolver(graphql_type=Statement | None, description="A statement by global id.")
    @staticmethod
    def statement(info: Info, id: GlobalId) -> Awaitable[models.Statement | None]:
        return _one(info, "Statement", id)

    @resolver(graphql_type=Connection[Attribution], description="Attributions, in id order.")
    @staticmethod
    async def attributions(
        info: Info, first: First, after: After = None
    ) -> ConnectionValue[models.Attribution]:
        return await _connection(info, models.Attribution, first, after)

    @resolver(graphql_type=Attribution | None, description="An attribution by global id.")
    @staticmethod
    def attribution(info: Info, id: GlobalId) -> Awaitable[models.Attribution | None]:
        return _one(info, "Attribution", id)

    @resolver(
        graphql_type=SearchConnection[Actor],
        description="Actors the filter and search select, in orderBy order (default: id).",
    )
    @staticmethod
    async def actors(
        info: Info,
        first: First,
        after: After = None,
        filter: ActorFilter | None = None,
        order_by: ActorOrder | None = None,
        search: SearchArgument = None,
    ) -> ListingValue[models.Actor]:
        query = actor_query(filter, order_by, search)
        db = info.context.db
        page = await db.run(listing.actors_page, query, first=check_first(first), after=after)
        return ListingValue(
            page, after=after, count=lambda: db.run(listing.count_actors, query), db=db
        )

    @resolver(graphql_type=Actor | None, description="An actor by global id.")
    @staticmethod
    def actor(info: Info, id: GlobalId) -> Awaitable[models.Actor | None]:
        return _one(info, "Actor", id)

    @resolver(
        graphql_type=SearchConnection[Location],
        description="Locations the filter selects, in orderBy order (default: id).",
    )
    @staticmethod
    async def locations(
        info: Info,
        first: First,
        after: After = None,
        filter: LocationFilter | None = None,
        order_by: LocationOrder | None = None,
    ) -> ListingValue[models.Location]:
        query = location_query(filter, order_by)
        db = info.context.db
        page = await db.run(listing.locations_page, query, first=check_first(first), after=after)
        return ListingValue(
            page, after=after, count=lambda: db.run(listing.count_locations, query), db=db
        )

    @resolver(graphql_type=Location | None, description="A location by global id.")
    @staticmethod
    def location(info: Info, id: GlobalId) -> Awaitable[models.Location | None]:
        return _one(info, "Location", id)

    @resolver(
        graphql_type=SearchConnection[Article],
        description="Articles the filter and search select, in orderBy order (default: id).",
    )
    @staticmethod
    async def articles(
        info: Info,
        first: First,
        after: After = None,
        filter: ArticleFilter | None = None,
        order_by: ArticleOrder | None = None,
        search: SearchArgument = None,
    ) -> ListingValue[models.Article]:
        query = article_query(filter, order_by, search)
        db = info.context.db
        page = await db.run(listing.articles_page, query, first=check_first(first), after=after)
        return ListingValue(
            page, after=after, count=lambda: db.run(listing.count_articles, query), db=db
        )

    @resolver(graphql_type=Article | None, description="An article by global id.")
    @staticmethod
    def article(info: Info, id: GlobalId) -> Awaitable[models.Article | None]:
        return _one(info, "Article", id)

    @resolver(graphql_type=Connection[Outlet], description="Outlets, in id order.")
    @staticmethod
    async def outlets(
        info: Info, first: First, after: After = None
    ) -> ConnectionValue[models.Outlet]:
        return await _connection(info, models.Outlet, first, after)

    @resolver(graphql_type=Outlet | None, description="An outlet by global id.")
    @staticmethod
    def outlet(info: Info, id: GlobalId) -> Awaitable[models.Outlet | None]:
        return _one(info, "Outlet", id)

    timeline = timeline_field
    positions = positions_field
