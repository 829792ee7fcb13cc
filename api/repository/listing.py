"""Filtered, ordered, searched lists of statements, actors, locations and articles.

Each ``*_page`` function takes a ``ListQuery`` (``api.filters``), a page size and the cursor
of the previous page, and runs one query (plus, when a search asks for snippets, one or two to
cut them). Pages continue by keyset on the order's sort key and the id (never OFFSET); cursors
carry the order's name, so a cursor is only accepted by the order that issued it. ``count_*``
counts every row a query matches, in one query (a search with no filter counts from its
search index's table alone).

Sort keys computed from other tables (a statement's first publication date, its number of
reports) are computed once per row in an inner query, then compared and ordered on.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, Select, Subquery, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from api.filters import ListQuery, Order, Search
from api.filters.actors import ActorQuery
from api.filters.articles import ArticleQuery, ArticleSort
from api.filters.locations import LocationQuery
from api.filters.statements import StatementQuery, StatementSort
from api.pagination import KeyValue, decode_cursor, decode_keyset, encode_cursor, encode_keyset
from api.repository.filters import (
    Column,
    SortColumn,
    SortKey,
    actor_conditions,
    article_conditions,
    location_conditions,
    statement_conditions,
)
from api.repository.search import (
    SEARCH_TARGETS,
    SearchCursor,
    SearchHit,
    actor_matches,
    article_matches,
    count_matches,
    dialect_of,
    first_matches,
    search_actors,
    search_articles,
    search_statements,
    statement_matches,
)
from api.search import Snippet
from schema import Actor, Article, Attribution, Base, Location, Statement

__all__ = [
    "KeyedIds",
    "Listing",
    "count_actors",
    "count_articles",
    "count_locations",
    "count_statements",
    "actors_page",
    "articles_page",
    "load_speakers",
    "locations_page",
    "statement_ids_after",
    "statements_page",
]

M = TypeVar("M", bound=Base)

Snippets = Callable[[], Awaitable[dict[int, Snippet]]]


@dataclass(slots=True)
class Listing(Generic[M]):
    """A page of rows in the query's order, each with its cursor, and whether more follow.

    With a search, ``snippet(row_id)`` gives each row's highlighted snippet; it is cut on
    first use (``snippets`` runs at most once), so a page whose snippets nobody reads does
    not pay for them."""

    rows: Sequence[M]
    cursors: Sequence[str]
    has_next: bool
    snippets: Snippets | None = None
    _cut: asyncio.Future[dict[int, Snippet]] | None = field(default=None, repr=False)

    async def snippet(self, row_id: int) -> Snippet | None:
        if self.snippets is None:
            return None
        if self._cut is None:  # the first of the rows asking starts the cut; all share it
            self._cut = asyncio.ensure_future(self.snippets())
        return (await self._cut).get(row_id)


# -- sort keys ------------------------------------------------------------------------------


def _by_id(order: Order[Any]) -> bool:
    """Whether ``order`` is ascending id order, whose cursors are plain ids."""
    return order.by.value == "id" and not order.descending


def _cursor(order: Order[Any], key: Sequence[KeyValue], row_id: int) -> str:
    if _by_id(order):
        return encode_cursor(row_id)
    return encode_keyset(order.name, key, row_id)


def _decode(
    order: Order[Any], kinds: Sequence[type[KeyValue]], cursor: str | None, parameter: str
) -> tuple[tuple[KeyValue, ...], int] | None:
    if _by_id(order):
        last_id = decode_cursor(cursor, parameter=parameter)
        return None if last_id is None else ((), last_id)
    return decode_keyset(cursor, parameter=parameter, order=order.name, kinds=kinds)


@dataclass(frozen=True, slots=True)
class _Sort:
    """An order compiled for one query: what to sort by, and whether those expressions need
    an inner query (they read other tables)."""

    #: (expression, nullable, type of its values)
    columns: tuple[tuple[Column[Any], bool, type[KeyValue]], ...]
    computed: bool = False


def _order_key(
    model: type[M], order: Order[Any], sort: _Sort, cond: ColumnElement[bool]
) -> tuple[Select[Any], SortKey]:
    """``SELECT model, key... WHERE cond`` and the sort key over its columns."""
    pk: ColumnElement[int] = model.__mapper__.primary_key[0]
    descending = order.descending
    if not sort.computed:
        key = SortKey(
            tuple(SortColumn(e, descending, nullable, kind) for e, nullable, kind in sort.columns),
            pk,
            descending,
        )
        return select(model, *(e for e, _, _ in sort.columns)).where(cond), key
    inner = (
        select(pk.label("id"), *(e.label(f"k{i}") for i, (e, _, _) in enumerate(sort.columns)))
        .where(cond)
        .subquery("sorted")
    )
    keys = [inner.c[f"k{i}"] for i in range(len(sort.columns))]
    key = SortKey(
        tuple(
            SortColumn(k, descending, nullable, kind)
            for k, (_, nullable, kind) in zip(keys, sort.columns, strict=True)
        ),
        inner.c.id,
        descending,
    )
    return select(model, *keys).join(inner, inner.c.id == pk), key


async def _page(
    session: AsyncSession,
    model: type[M],
    order: Order[Any],
    sort: _Sort,
    cond: ColumnElement[bool],
    *,
    first: int,
    after: str | None,
    parameter: str,
) -> Listing[M]:
    stmt, key = _order_key(model, order, sort, cond)
    decoded = _decode(order, key.kinds, after, parameter)
    if decoded is not None:
        stmt = stmt.where(key.after(*decoded))
    stmt = stmt.order_by(*key.order_by()).limit(first + 1)
    found = (await session.execute(stmt)).all()
    rows: list[M] = [r[0] for r in found[:first]]
    cursors = [_cursor(order, tuple(r[1:]), r[0].id) for r in found[:first]]
    return Listing(rows, cursors, len(found) > first)


async def _relevance_page(
    session: AsyncSession,
    order: Order[Any],
    search: Callable[..., Awaitable[Any]],
    query: Search,
    cond: ColumnElement[bool],
    *,
    first: int,
    after: str | None,
    parameter: str,
) -> Listing[Any]:
    decoded = decode_keyset(after, parameter=parameter, order=order.name, kinds=(float,))
    cursor = None
    if decoded is not None:
        (rank,), last_id = decoded
        assert isinstance(rank, float)
        cursor = SearchCursor(rank, last_id)
    page = await search(session, query.parsed, limit=first, after=cursor, where=[cond])
    hits: Sequence[SearchHit[Any]] = page.rows
    snippets = {hit.row.id: hit.snippet for hit in hits}

    async def cut() -> dict[int, Snippet]:
        return snippets

    return Listing(
        [hit.row for hit in hits],
        [_cursor(order, (hit.rank,), hit.row.id) for hit in hits],
        page.has_next,
        cut,
    )


def _snippets_of(
    session: AsyncSession,
    search: Callable[..., Awaitable[Any]],
    query: Search,
    pk: ColumnElement[int],
    rows: Sequence[Any],
) -> Snippets:
    """Snippets of rows found in another order than relevance: the search again, restricted
    to the page's ids (one query, two for statements matched only through a rendering)."""

    async def cut() -> dict[int, Snippet]:
        ids = [row.id for row in rows]
        if not ids:
            return {}
        page = await search(session, query.parsed, limit=len(ids), where=[pk.in_(ids)])
        return {hit.row.id: hit.snippet for hit in page.rows}

    return cut


async def _listing(
    session: AsyncSession,
    model: type[M],
    query: ListQuery[Any, Any],
    cond: ColumnElement[bool],
    sort: _Sort,
    search: Callable[..., Awaitable[Any]] | None,
    match_clause: Callable[[Search], ColumnElement[bool]] | None,
    *,
    first: int,
    after: str | None,
    parameter: str,
) -> Listing[M]:
    pk: ColumnElement[int] = model.__mapper__.primary_key[0]
    if query.search is not None and search is not None and match_clause is not None:
        if query.order.by.value == "relevance":
            return await _relevance_page(
                session,
                query.order,
                search,
                query.search,
                cond,
                first=first,
                after=after,
                parameter=parameter,
            )
        target = SEARCH_TARGETS.get(model)
        order = query.order
        if target is not None and query.filter is None and _by_id(order):
            # id order, nothing else: the page's first matches without a scan of the table
            # for words the planner cannot tell are rare (``first_matches``)
            decoded = _decode(order, (), after, parameter)
            found = first_matches(
                dialect_of(session),
                target,
                query.search.parsed,
                after=None if decoded is None else decoded[1],
                limit=first + 1,
            )
            cond = cond & pk.in_(select(found.c.id))
        else:
            cond = cond & match_clause(query.search)
        listing = await _page(
            session, model, query.order, sort, cond, first=first, after=after, parameter=parameter
        )
        listing.snippets = _snippets_of(session, search, query.search, pk, listing.rows)
        return listing
    return await _page(
        session, model, query.order, sort, cond, first=first, after=after, parameter=parameter
    )


async def _count(session: AsyncSession, model: type[Base], cond: ColumnElement[bool]) -> int:
    total = await session.scalar(select(func.count()).select_from(model).where(cond))
    return int(total or 0)


# -- statements ------------------------------------------------------------------------------


def _first_published() -> ColumnElement[dt.date | None]:
    return (
        select(func.min(Article.published_on))
        .join_from(Attribution, Article, Article.id == Attribution.article_id)
        .where(Attribution.statement_id == Statement.id)
        .scalar_subquery()
    )


def _report_count() -> ColumnElement[int]:
    return (
        select(func.count(func.distinct(Attribution.article_id)))
        .where(Attribution.statement_id == Statement.id)
        .scalar_subquery()
    )


def _statement_sort(sort: StatementSort) -> _Sort:
    if sort is StatementSort.SAID_ON:
        return _Sort(((Statement.said_on, True, dt.date),))
    if sort is StatementSort.PUBLISHED:
        return _Sort(((_first_published(), True, dt.date),), computed=True)
    if sort is StatementSort.REPORTS:
        return _Sort(((_report_count(), False, int),), computed=True)
    return _Sort(())


def _statement_filter(session: AsyncSession, query: StatementQuery) -> ColumnElement[bool]:
    return statement_conditions(query.filter, dialect_of(session))


def _statement_match(session: AsyncSession) -> Callable[[Search], ColumnElement[bool]]:
    def clause(search: Search) -> ColumnElement[bool]:
        found = statement_matches(dialect_of(session), search.parsed, ranked=False)
        return Statement.id.in_(select(found.c.id))

    return clause


async def statements_page(
    session: AsyncSession,
    query: StatementQuery,
    *,
    first: int,
    after: str | None = None,
    parameter: str = "after",
) -> Listing[Statement]:
    """The ``first`` statements ``query`` selects after cursor ``after`` (named ``parameter``
    in error messages), in its order."""
    return await _listing(
        session,
        Statement,
        query,
        _statement_filter(session, query),
        _statement_sort(query.order.by),
        search_statements,
        _statement_match(session),
        first=first,
        after=after,
        parameter=parameter,
    )


async def load_speakers(session: AsyncSession, statements: Sequence[Statement]) -> None:
    """Set ``Statement.speaker`` of each statement (one query for all), so that it can be
    read without a lazy load."""
    ids = {s.speaker_id for s in statements if s.speaker_id is not None}
    found: dict[int, Actor] = {}
    if ids:
        found = {a.id: a for a in (await session.scalars(select(Actor).where(Actor.id.in_(ids))))}
    for statement in statements:
        speaker = None if statement.speaker_id is None else found.get(statement.speaker_id)
        set_committed_value(statement, "speaker", speaker)


async def count_statements(session: AsyncSession, query: StatementQuery) -> int:
    """How many statements ``query`` selects (exact)."""
    if query.filter is None and query.search is not None:
        return await count_matches(session, "statement", query.search.parsed)
    cond = _statement_filter(session, query)
    if query.search is not None:
        cond = cond & _statement_match(session)(query.search)
    return await _count(session, Statement, cond)


@dataclass(frozen=True, slots=True)
class KeyedIds:
    """A page of statement ids in a query's order, as a subquery to join export columns to:
    ``ids.c.id`` and the sort key columns ``ids.c.k0``…, and the order over them."""

    ids: Subquery
    key: SortKey
    order: Order[Any]

    def cursor(self, row: Any) -> str:
        """The cursor after a row that selected ``ids.c.id`` and the key columns."""
        values = tuple(getattr(row, f"k{i}") for i in range(len(self.key.columns)))
        return _cursor(self.order, values, row.id)


def statement_ids_after(
    session: AsyncSession,
    query: StatementQuery,
    *,
    first: int,
    after: str | None,
    parameter: str = "cursor",
    carry: Sequence[Column[Any]] = (),
) -> KeyedIds:
    """The next ``first`` statement ids of ``query`` after cursor ``after``, as a subquery
    (relevance included: the ranked matches are joined, best first). Columns of ``Statement``
    in ``carry`` come along as ``ids.c.c0``…, so that joining the page needs no second read
    of the statement table."""
    carried = [c.label(f"c{i}") for i, c in enumerate(carry)]
    dialect = dialect_of(session)
    cond = statement_conditions(query.filter, dialect)
    order = query.order
    columns: list[Column[Any]] = []
    stmt: Select[Any]
    if query.search is not None and order.by is StatementSort.RELEVANCE:
        found = statement_matches(dialect, query.search.parsed)
        stmt = select(Statement.id.label("id"), found.c.rank.label("k0"), *carried).join(
            found, found.c.id == Statement.id
        )
        inner = stmt.where(cond).subquery("ranked")
        key = SortKey((SortColumn(inner.c.k0, True, False, float),), inner.c.id, False)
    else:
        if query.search is not None:
            cond = cond & _statement_match(session)(query.search)
        sort = _statement_sort(order.by)
        columns = [e for e, _, _ in sort.columns]
        stmt = select(
            Statement.id.label("id"),
            *(e.label(f"k{i}") for i, e in enumerate(columns)),
            *carried,
        )
        inner = stmt.where(cond).subquery("keyed")
        key = SortKey(
            tuple(
                SortColumn(inner.c[f"k{i}"], order.descending, nullable, kind)
                for i, (_, nullable, kind) in enumerate(sort.columns)
            ),
            inner.c.id,
            order.descending,
        )
    page = select(inner)
    decoded = _decode(order, key.kinds, after, parameter)
    if decoded is not None:
        page = page.where(key.after(*decoded))
    ids = page.order_by(*key.order_by()).limit(first).subquery("page")
    outer = SortKey(
        tuple(
            SortColumn(ids.c[f"k{i}"], c.descending, c.nullable, c.kind)
            for i, c in enumerate(key.columns)
        ),
        ids.c.id,
        key.id_descending,
    )
    return KeyedIds(ids, outer, order)


# -- actors, locations, articles ---------------------------------------------------------------


def _actor_match(session: AsyncSession) -> Callable[[Search], ColumnElement[bool]]:
    def clause(search: Search) -> ColumnElement[bool]:
        found = actor_matches(dialect_of(session), search.parsed, ranked=False)
        return Actor.id.in_(select(found.c.id))

    return clause


def _article_match(session: AsyncSession) -> Callable[[Search], ColumnElement[bool]]:
    def clause(search: Search) -> ColumnElement[bool]:
        found = article_matches(dialect_of(session), search.parsed, ranked=False)
        return Article.id.in_(select(found.c.id))

    return clause


async def actors_page(
    session: AsyncSession,
    query: ActorQuery,
    *,
    first: int,
    after: str | None = None,
    parameter: str = "after",
) -> Listing[Actor]:
    return await _listing(
        session,
        Actor,
        query,
        actor_conditions(query.filter, dialect_of(session)),
        _Sort(()),
        search_actors,
        _actor_match(session),
        first=first,
        after=after,
        parameter=parameter,
    )


async def count_actors(session: AsyncSession, query: ActorQuery) -> int:
    if query.filter is None and query.search is not None:
        return await count_matches(session, "actor", query.search.parsed)
    cond = actor_conditions(query.filter, dialect_of(session))
    if query.search is not None:
        cond = cond & _actor_match(session)(query.search)
    return await _count(session, Actor, cond)


async def locations_page(
    session: AsyncSession,
    query: LocationQuery,
    *,
    first: int,
    after: str | None = None,
    parameter: str = "after",
) -> Listing[Location]:
    return await _listing(
        session,
        Location,
        query,
        location_conditions(query.filter, dialect_of(session)),
        _Sort(()),
        None,
        None,
        first=first,
        after=after,
        parameter=parameter,
    )


async def count_locations(session: AsyncSession, query: LocationQuery) -> int:
    return await _count(session, Location, location_conditions(query.filter, dialect_of(session)))


def _article_sort(sort: ArticleSort) -> _Sort:
    if sort is ArticleSort.PUBLISHED:
        return _Sort(((Article.published_on, True, dt.date),))
    return _Sort(())


async def articles_page(
    session: AsyncSession,
    query: ArticleQuery,
    *,
    first: int,
    after: str | None = None,
    parameter: str = "after",
) -> Listing[Article]:
    return await _listing(
        session,
        Article,
        query,
        article_conditions(query.filter, dialect_of(session)),
        _article_sort(query.order.by),
        search_articles,
        _article_match(session),
        first=first,
        after=after,
        parameter=parameter,
    )


async def count_articles(session: AsyncSession, query: ArticleQuery) -> int:
    if query.filter is None and query.search is not None:
        return await count_matches(session, "article", query.search.parsed)
    cond = article_conditions(query.filter, dialect_of(session))
    if query.search is not None:
        cond = cond & _article_match(session)(query.search)
    return await _count(session, Article, cond)
