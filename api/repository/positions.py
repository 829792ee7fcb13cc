"""Position history (``api.research.positions``): statements of actors in date order, paged by
keyset on (date, id). The statements of a set of actors are one top-N query over the
speaker filter of ``api.repository.filters``; the pages of several actors at once (a page
of actors in GraphQL) are one query numbering each actor's statements with a window.

A statement belongs to an actor who is its speaker or one of its joint speakers. Its date is
``said_on``, or when that is unknown the earliest publication date of its articles; undated
statements come last. Cursors are ``encode_keyset("position", [date], id)``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, CompoundSelect, Subquery, func, select, true, union
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from api.filters import Search, all_of
from api.filters.statements import SpeakerIs, StatementFilter
from api.pagination import decode_keyset, encode_keyset
from api.repository.base import Page
from api.repository.filters import SortColumn, SortKey, statement_conditions
from api.repository.search import dialect_of, statement_match_clause
from api.research.positions import DateBasis
from schema import ActorRole, Article, Attribution, Statement, StatementSpeaker

__all__ = [
    "ORDER",
    "Position",
    "PositionCursor",
    "actor_ids_with_role",
    "actor_positions",
    "count_positions",
    "decode_position_cursor",
    "position_counts",
    "positions",
]

#: the order name position cursors carry
ORDER = "position"

#: (date, statement id) of the last position seen
PositionCursor = tuple[dt.date | None, int]


@dataclass(frozen=True, slots=True)
class Position:
    """A statement at its place in an actor's history."""

    statement: Statement
    #: when it was said, or when that is unknown, when it was first reported
    date: dt.date | None

    @property
    def date_basis(self) -> DateBasis | None:
        if self.statement.said_on is not None:
            return DateBasis.SAID
        return None if self.date is None else DateBasis.REPORTED

    @property
    def cursor(self) -> str:
        return encode_keyset(ORDER, (self.date,), self.statement.id)


def decode_position_cursor(cursor: str | None, *, parameter: str) -> PositionCursor | None:
    """The (date, id) a position cursor stands for; raises InvalidCursor."""
    decoded = decode_keyset(cursor, parameter=parameter, order=ORDER, kinds=(dt.date,))
    if decoded is None:
        return None
    (date,), last_id = decoded
    assert date is None or isinstance(date, dt.date)
    return date, last_id


def _position_date() -> ColumnElement[dt.date | None]:
    first_reported = (
        select(func.min(Article.published_on))
        .join_from(Attribution, Article, Article.id == Attribution.article_id)
        .where(Attribution.statement_id == Statement.id)
        .scalar_subquery()
    )
    return func.coalesce(Statement.said_on, first_reported)


def _search_clause(session: AsyncSession, search: Search | None) -> ColumnElement[bool]:
    if search is None:
        return true()
    return statement_match_clause(dialect_of(session), search.parsed)


def _spoken_by(
    session: AsyncSession, actor_ids: Sequence[int], search: Search | None
) -> ColumnElement[bool]:
    """Statements any of these actors made (as speaker or joint speaker) matching ``search``:
    the statement filter's own speaker condition."""
    parts: list[StatementFilter | None] = [SpeakerIs(tuple(set(actor_ids))), search]
    return statement_conditions(all_of(parts), dialect_of(session))


def _by_actor(actor_ids: Sequence[int]) -> CompoundSelect[tuple[int, int]]:
    """(actor id, statement id) of the statements these actors made, as speaker or joint
    speaker."""
    ids = list(set(actor_ids))
    return union(
        select(Statement.speaker_id.label("actor_id"), Statement.id.label("statement_id")).where(
            Statement.speaker_id.in_(ids)
        ),
        select(StatementSpeaker.actor_id, StatementSpeaker.statement_id).where(
            StatementSpeaker.actor_id.in_(ids)
        ),
    )


def _key(dated: Subquery) -> SortKey:
    return SortKey((SortColumn(dated.c.on, False, True, dt.date),), dated.c.id, False)


def _page(rows: Sequence[Position], first: int) -> Page[Position]:
    return Page(rows=rows[:first], has_next=len(rows) > first)


async def positions(
    session: AsyncSession,
    actor_ids: Sequence[int],
    *,
    search: Search | None,
    first: int,
    after: PositionCursor | None = None,
) -> Page[Position]:
    """The statements of any of these actors (matching ``search``), in one date order: one
    query, a top-N sort of the actors' statements."""
    if not actor_ids:
        return Page(rows=(), has_next=False)
    cond = _spoken_by(session, actor_ids, search)
    dated = select(Statement, _position_date().label("on")).where(cond).subquery("dated")
    entity = aliased(Statement, dated)
    key = _key(dated)
    stmt = select(entity, dated.c.on).order_by(*key.order_by()).limit(first + 1)
    if after is not None:
        stmt = stmt.where(key.after((after[0],), after[1]))
    found = [Position(statement, on) for statement, on in (await session.execute(stmt)).tuples()]
    return _page(found, first)


async def actor_positions(
    session: AsyncSession,
    actor_ids: Sequence[int],
    *,
    search: Search | None,
    first: int,
    after: PositionCursor | None = None,
) -> list[Page[Position]]:
    """For each actor id, the page of its statements (matching ``search``) in date order
    after ``after``: one query for all the actors (each actor's statements numbered in date
    order by a window function)."""
    if len(set(actor_ids)) <= 1:
        if not actor_ids:
            return []
        page = await positions(session, actor_ids[:1], search=search, first=first, after=after)
        return [page for _ in actor_ids]
    spoken = _by_actor(actor_ids).subquery("spoken")
    dated = (
        select(spoken.c.actor_id, Statement, _position_date().label("on"))
        .join(Statement, Statement.id == spoken.c.statement_id)
        .where(_search_clause(session, search))
        .subquery("dated")
    )
    key = _key(dated)
    number = func.row_number().over(partition_by=dated.c.actor_id, order_by=key.order_by())
    numbered = select(dated, number.label("n"))
    if after is not None:
        numbered = numbered.where(key.after((after[0],), after[1]))
    paged = numbered.subquery("numbered")
    entity = aliased(Statement, paged)
    stmt = (
        select(paged.c.actor_id, entity, paged.c.on)
        .where(paged.c.n <= first + 1)
        .order_by(paged.c.actor_id, paged.c.n)
    )
    found: dict[int, list[Position]] = {}
    for actor_id, statement, on in (await session.execute(stmt)).tuples():
        found.setdefault(actor_id, []).append(Position(statement, on))
    return [_page(found.get(a, []), first) for a in actor_ids]


async def position_counts(
    session: AsyncSession, actor_ids: Sequence[int], *, search: Search | None
) -> list[int]:
    """For each actor id, how many statements it made that match ``search``."""
    if not actor_ids:
        return []
    spoken = _by_actor(actor_ids).subquery("spoken")
    stmt = (
        select(spoken.c.actor_id, func.count())
        .join(Statement, Statement.id == spoken.c.statement_id)
        .where(_search_clause(session, search))
        .group_by(spoken.c.actor_id)
    )
    counts = {actor: n for actor, n in (await session.execute(stmt)).tuples()}
    return [counts.get(a, 0) for a in actor_ids]


async def count_positions(
    session: AsyncSession, actor_ids: Sequence[int], *, search: Search | None
) -> int:
    """How many statements any of these actors made that match ``search``."""
    if not actor_ids:
        return 0
    cond = _spoken_by(session, actor_ids, search)
    return int(await session.scalar(select(func.count()).select_from(Statement).where(cond)) or 0)


async def actor_ids_with_role(session: AsyncSession, title: str) -> list[int]:
    """Ids of the actors who held a role of this title (compared case-insensitively), in id
    order."""
    stmt = (
        select(ActorRole.actor_id)
        .where(func.lower(ActorRole.title) == title.strip().lower())
        .distinct()
        .order_by(ActorRole.actor_id)
    )
    return list((await session.scalars(stmt)).all())
