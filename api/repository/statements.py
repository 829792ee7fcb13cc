"""Queries particular to statements: their speakers, joint speakers and mentions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from api.repository.base import Page, page
from schema import Actor, Location, Statement, StatementActor, StatementLocation, StatementSpeaker

__all__ = [
    "joint_speakers",
    "mentioned_actors",
    "mentioned_locations",
    "statement_with_speaker",
    "statements_with_speakers",
]

E = TypeVar("E", Actor, Location)


async def statements_with_speakers(
    session: AsyncSession, *, first: int, after: int | None = None
) -> Page[Statement]:
    """A page of statements with ``Statement.speaker`` loaded (in the same query)."""
    return await page(
        session, Statement, first=first, after=after, options=(joinedload(Statement.speaker),)
    )


async def statement_with_speaker(session: AsyncSession, statement_id: int) -> Statement | None:
    stmt = (
        select(Statement).where(Statement.id == statement_id).options(joinedload(Statement.speaker))
    )
    return (await session.scalars(stmt)).first()


async def _grouped(
    session: AsyncSession, stmt: Select[tuple[int, E]], keys: Sequence[int]
) -> list[list[E]]:
    grouped: dict[int, list[E]] = {}
    for key, entity in (await session.execute(stmt)).tuples():
        items = grouped.setdefault(key, [])
        if entity not in items:  # an entity mentioned twice is listed once
            items.append(entity)
    return [grouped.get(k, []) for k in keys]


async def mentioned_actors(
    session: AsyncSession, statement_ids: Sequence[int]
) -> list[list[Actor]]:
    """For each statement id, the distinct actors it mentions, in order of first mention."""
    stmt = (
        select(StatementActor.statement_id, Actor)
        .join(Actor, Actor.id == StatementActor.actor_id)
        .where(StatementActor.statement_id.in_(set(statement_ids)))
        .order_by(StatementActor.statement_id, StatementActor.id)
    )
    return await _grouped(session, stmt, statement_ids)


async def mentioned_locations(
    session: AsyncSession, statement_ids: Sequence[int]
) -> list[list[Location]]:
    """For each statement id, the distinct places it mentions, in order of first mention."""
    stmt = (
        select(StatementLocation.statement_id, Location)
        .join(Location, Location.id == StatementLocation.location_id)
        .where(StatementLocation.statement_id.in_(set(statement_ids)))
        .order_by(StatementLocation.statement_id, StatementLocation.id)
    )
    return await _grouped(session, stmt, statement_ids)


async def joint_speakers(session: AsyncSession, statement_ids: Sequence[int]) -> list[list[Actor]]:
    """For each statement id, the further speakers of a joint statement, in their order."""
    stmt = (
        select(StatementSpeaker.statement_id, Actor)
        .join(Actor, Actor.id == StatementSpeaker.actor_id)
        .where(StatementSpeaker.statement_id.in_(set(statement_ids)))
        .order_by(StatementSpeaker.statement_id, StatementSpeaker.position, Actor.id)
    )
    return await _grouped(session, stmt, statement_ids)
