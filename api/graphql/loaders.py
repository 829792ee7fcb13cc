"""DataLoaders, one per relation, built per request: however many parents a page holds, each
relation costs one query per level of the response.

Batch functions call the repository and return one result per key, in the keys' order.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from functools import cached_property
from typing import Any, Concatenate, ParamSpec, TypeAlias, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import QueryableAttribute
from strawberry.dataloader import DataLoader

from api import repository
from api.filters import Search
from api.repository import Page
from api.repository.positions import (
    Position,
    PositionCursor,
    actor_positions,
    position_counts,
)
from api.repository.renderings import Rendering, renderings
from schema import (
    Actor,
    ActorAlias,
    ActorRole,
    Article,
    Attribution,
    Base,
    IngestRun,
    Location,
    LocationAlias,
    Outlet,
    Statement,
    StatementActor,
    StatementLocation,
)

__all__ = ["Loaders", "PageKey", "PositionsKey", "RequestDb"]

P = ParamSpec("P")
T = TypeVar("T")
M = TypeVar("M", bound=Base)

#: (parent row id, first, after id): the page of a nested connection
PageKey: TypeAlias = tuple[int, int, int | None]
#: (actor id, search, first, after): a page of an actor's positions
PositionsKey: TypeAlias = tuple[int, str | None, int, PositionCursor | None]


class RequestDb:
    """One request's read session. DataLoaders of different relations dispatch concurrently,
    but a session runs one statement at a time: queries take turns through a lock."""

    __slots__ = ("_lock", "session")

    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self._lock = asyncio.Lock()

    async def run(
        self,
        query: Callable[Concatenate[AsyncSession, P], Awaitable[T]],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        """Run a repository function on this request's session."""
        async with self._lock:
            return await query(self.session, *args, **kwargs)


def _by_id(db: RequestDb, model: type[M]) -> DataLoader[int, M | None]:
    async def load(ids: list[int]) -> list[M | None]:
        return await db.run(repository.by_ids, model, ids)

    return DataLoader(load_fn=load)


def _children(
    db: RequestDb,
    model: type[M],
    parent_key: QueryableAttribute[Any],
    order_by: Sequence[QueryableAttribute[Any]] = (),
) -> DataLoader[int, list[M]]:
    async def load(parent_ids: list[int]) -> list[list[M]]:
        return await db.run(repository.children, model, parent_key, parent_ids, order_by=order_by)

    return DataLoader(load_fn=load)


def _grouped(
    db: RequestDb, query: Callable[[AsyncSession, Sequence[int]], Awaitable[list[list[T]]]]
) -> DataLoader[int, list[T]]:
    async def load(keys: list[int]) -> list[list[T]]:
        return await db.run(query, keys)

    return DataLoader(load_fn=load)


def _child_pages(
    db: RequestDb, model: type[M], parent_key: QueryableAttribute[Any]
) -> DataLoader[PageKey, Page[M]]:
    async def load(keys: list[PageKey]) -> list[Page[M]]:
        # parents asked for with the same first/after share one query (the usual case: one)
        by_args: dict[tuple[int, int | None], list[int]] = {}
        for parent_id, first, after in keys:
            by_args.setdefault((first, after), []).append(parent_id)
        pages: dict[PageKey, Page[M]] = {}
        for (first, after), parent_ids in by_args.items():
            found = await db.run(
                repository.child_pages, model, parent_key, parent_ids, first=first, after=after
            )
            pages.update(zip([(p, first, after) for p in parent_ids], found, strict=True))
        return [pages[key] for key in keys]

    return DataLoader(load_fn=load)


def _child_counts(db: RequestDb, parent_key: QueryableAttribute[Any]) -> DataLoader[int, int]:
    async def load(parent_ids: list[int]) -> list[int]:
        return await db.run(repository.child_counts, parent_key, parent_ids)

    return DataLoader(load_fn=load)


class Loaders:
    """The request's DataLoaders, each made on first use."""

    def __init__(self, db: RequestDb) -> None:
        self.db = db

    # rows by id
    @cached_property
    def statement(self) -> DataLoader[int, Statement | None]:
        return _by_id(self.db, Statement)

    @cached_property
    def attribution(self) -> DataLoader[int, Attribution | None]:
        return _by_id(self.db, Attribution)

    @cached_property
    def actor(self) -> DataLoader[int, Actor | None]:
        return _by_id(self.db, Actor)

    @cached_property
    def location(self) -> DataLoader[int, Location | None]:
        return _by_id(self.db, Location)

    @cached_property
    def article(self) -> DataLoader[int, Article | None]:
        return _by_id(self.db, Article)

    @cached_property
    def outlet(self) -> DataLoader[int, Outlet | None]:
        return _by_id(self.db, Outlet)

    @cached_property
    def ingest_run(self) -> DataLoader[int, IngestRun | None]:
        return _by_id(self.db, IngestRun)

    # children by parent id
    @cached_property
    def attributions_by_statement(self) -> DataLoader[int, list[Attribution]]:
        return _children(self.db, Attribution, Attribution.statement_id)

    @cached_property
    def attributions_by_article(self) -> DataLoader[int, list[Attribution]]:
        return _children(
            self.db, Attribution, Attribution.article_id, order_by=(Attribution.content_start,)
        )

    @cached_property
    def aliases_by_actor(self) -> DataLoader[int, list[ActorAlias]]:
        return _children(self.db, ActorAlias, ActorAlias.actor_id)

    @cached_property
    def roles_by_actor(self) -> DataLoader[int, list[ActorRole]]:
        return _children(self.db, ActorRole, ActorRole.actor_id)

    @cached_property
    def aliases_by_location(self) -> DataLoader[int, list[LocationAlias]]:
        return _children(self.db, LocationAlias, LocationAlias.location_id)

    @cached_property
    def children_by_location(self) -> DataLoader[int, list[Location]]:
        return _children(self.db, Location, Location.parent_id)

    @cached_property
    def actor_mentions_by_statement(self) -> DataLoader[int, list[StatementActor]]:
        return _children(self.db, StatementActor, StatementActor.statement_id)

    @cached_property
    def location_mentions_by_statement(self) -> DataLoader[int, list[StatementLocation]]:
        return _children(self.db, StatementLocation, StatementLocation.statement_id)

    @cached_property
    def mentioned_actors_by_statement(self) -> DataLoader[int, list[Actor]]:
        return _grouped(self.db, repository.mentioned_actors)

    @cached_property
    def mentioned_locations_by_statement(self) -> DataLoader[int, list[Location]]:
        return _grouped(self.db, repository.mentioned_locations)

    @cached_property
    def joint_speakers_by_statement(self) -> DataLoader[int, list[Actor]]:
        return _grouped(self.db, repository.joint_speakers)

    @cached_property
    def renderings_by_statement(self) -> DataLoader[int, list[Rendering]]:
        return _grouped(self.db, renderings)

    # nested connections and their counts
    @cached_property
    def statements_by_speaker(self) -> DataLoader[PageKey, Page[Statement]]:
        return _child_pages(self.db, Statement, Statement.speaker_id)

    @cached_property
    def statement_count_by_speaker(self) -> DataLoader[int, int]:
        return _child_counts(self.db, Statement.speaker_id)

    @cached_property
    def statements_by_location(self) -> DataLoader[PageKey, Page[Statement]]:
        return _child_pages(self.db, Statement, Statement.location_id)

    @cached_property
    def statement_count_by_location(self) -> DataLoader[int, int]:
        return _child_counts(self.db, Statement.location_id)

    @cached_property
    def articles_by_outlet(self) -> DataLoader[PageKey, Page[Article]]:
        return _child_pages(self.db, Article, Article.outlet_id)

    @cached_property
    def article_count_by_outlet(self) -> DataLoader[int, int]:
        return _child_counts(self.db, Article.outlet_id)

    @cached_property
    def positions_by_actor(self) -> DataLoader[PositionsKey, Page[Position]]:
        db = self.db

        async def load(keys: list[PositionsKey]) -> list[Page[Position]]:
            # actors asked for with the same search and page share one query
            by_args: dict[tuple[str | None, int, PositionCursor | None], list[int]] = {}
            for actor_id, search, first, after in keys:
                by_args.setdefault((search, first, after), []).append(actor_id)
            pages: dict[PositionsKey, Page[Position]] = {}
            for (search, first, after), actor_ids in by_args.items():
                found = await db.run(
                    actor_positions,
                    actor_ids,
                    search=None if search is None else Search(search),
                    first=first,
                    after=after,
                )
                keys_of = [(a, search, first, after) for a in actor_ids]
                pages.update(zip(keys_of, found, strict=True))
            return [pages[key] for key in keys]

        return DataLoader(load_fn=load)

    @cached_property
    def position_count_by_actor(self) -> DataLoader[tuple[int, str | None], int]:
        db = self.db

        async def load(keys: list[tuple[int, str | None]]) -> list[int]:
            by_search: dict[str | None, list[int]] = {}
            for actor_id, search in keys:
                by_search.setdefault(search, []).append(actor_id)
            counts: dict[tuple[int, str | None], int] = {}
            for search, actor_ids in by_search.items():
                query = None if search is None else Search(search)
                found = await db.run(position_counts, actor_ids, search=query)
                counts.update(zip([(a, search) for a in actor_ids], found, strict=True))
            return [counts[key] for key in keys]

        return DataLoader(load_fn=load)
