"""Keyset queries over any table with an integer ``id`` primary key.

Pages are ordered by ``id`` and continue after the last id seen (never OFFSET); one more row
than asked for is fetched to know whether another page follows. Batch functions take a list of
keys and return one result per key, in the keys' order (``result[i]`` belongs to ``keys[i]``),
which is what DataLoaders expect.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import QueryableAttribute, aliased
from sqlalchemy.sql.base import ExecutableOption

from schema import Base

__all__ = [
    "Page",
    "by_ids",
    "child_counts",
    "child_pages",
    "children",
    "count",
    "get",
    "page",
    "primary_key",
]

M = TypeVar("M", bound=Base)
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """Up to ``first`` rows in id order, and whether more rows follow them."""

    rows: Sequence[T]
    has_next: bool


def primary_key(model: type[Base]) -> ColumnElement[int]:
    column: ColumnElement[int] = model.__mapper__.primary_key[0]
    return column


def _key(column: ColumnElement[Any]) -> str:
    return column.key or "id"


def _page_of(rows: Sequence[T], first: int) -> Page[T]:
    return Page(rows=rows[:first], has_next=len(rows) > first)


async def page(
    session: AsyncSession,
    model: type[M],
    *,
    first: int,
    after: int | None = None,
    where: Sequence[ColumnElement[bool]] = (),
    options: Sequence[ExecutableOption] = (),
) -> Page[M]:
    """The ``first`` rows of ``model`` with an id above ``after``, in id order."""
    pk = primary_key(model)
    stmt = select(model).where(*where).options(*options).order_by(pk).limit(first + 1)
    if after is not None:
        stmt = stmt.where(pk > after)
    return _page_of((await session.scalars(stmt)).all(), first)


async def count(
    session: AsyncSession, model: type[Base], where: Sequence[ColumnElement[bool]] = ()
) -> int:
    total = await session.scalar(select(func.count()).select_from(model).where(*where))
    return int(total or 0)


async def get(session: AsyncSession, model: type[M], row_id: int) -> M | None:
    """The row with this id, or None."""
    return await session.get(model, row_id)


async def by_ids(session: AsyncSession, model: type[M], ids: Sequence[int]) -> list[M | None]:
    """The row of each id, or None where there is none."""
    pk = primary_key(model)
    rows = (await session.scalars(select(model).where(pk.in_(set(ids))))).all()
    found: dict[int, M] = {getattr(row, _key(pk)): row for row in rows}
    return [found.get(i) for i in ids]


async def children(
    session: AsyncSession,
    model: type[M],
    parent_key: QueryableAttribute[Any],
    parent_ids: Sequence[int],
    *,
    order_by: Sequence[ColumnElement[Any] | QueryableAttribute[Any]] = (),
) -> list[list[M]]:
    """For each parent id, its ``model`` rows (``parent_key`` = parent id), in ``order_by``
    order, then id order."""
    stmt = (
        select(model).where(parent_key.in_(set(parent_ids))).order_by(*order_by, primary_key(model))
    )
    grouped: dict[int, list[M]] = {}
    for row in (await session.scalars(stmt)).all():
        grouped.setdefault(getattr(row, parent_key.key), []).append(row)
    return [grouped.get(i, []) for i in parent_ids]


async def child_pages(
    session: AsyncSession,
    model: type[M],
    parent_key: QueryableAttribute[Any],
    parent_ids: Sequence[int],
    *,
    first: int,
    after: int | None = None,
) -> list[Page[M]]:
    """For each parent id, the page of its ``model`` rows: one query for all parents, numbering
    each parent's rows in id order with a window function."""
    pk = primary_key(model)
    number = func.row_number().over(partition_by=parent_key, order_by=pk).label("row_number")
    inner = select(model, number).where(parent_key.in_(set(parent_ids)))
    if after is not None:
        inner = inner.where(pk > after)
    numbered = inner.subquery()
    entity = aliased(model, numbered)
    stmt = (
        select(entity)
        .where(numbered.c.row_number <= first + 1)
        .order_by(numbered.c[parent_key.key], numbered.c[_key(pk)])
    )
    grouped: dict[int, list[M]] = {}
    for row in (await session.scalars(stmt)).all():
        grouped.setdefault(getattr(row, parent_key.key), []).append(row)
    return [_page_of(grouped.get(i, []), first) for i in parent_ids]


async def child_counts(
    session: AsyncSession, parent_key: QueryableAttribute[Any], parent_ids: Sequence[int]
) -> list[int]:
    """For each parent id, how many rows point at it through ``parent_key``."""
    stmt = (
        select(parent_key, func.count()).where(parent_key.in_(set(parent_ids))).group_by(parent_key)
    )
    counts: dict[int, int] = {key: n for key, n in (await session.execute(stmt)).tuples()}
    return [counts.get(i, 0) for i in parent_ids]
