"""Rows of statement exports: one row per attribution, citable on its own.

A row is one article's rendering of a statement, with the statement (speaker, kind, date),
the rendering (content and its character offsets into the article's stored text, the date as
the article gives it), the article (URL, title, publication date) and its outlet (name,
country, kind, state affiliation). A statement without attributions has one row whose
attribution, article and outlet columns are empty. ``STATEMENT_EXPORT_COLUMNS`` lists the
columns in order; README documents each.

``statement_export_chunk`` reads the rows of the next ``first`` statements of a query in one
query (keyset, never OFFSET) and returns the cursor to continue after them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from sqlalchemy.types import TypeEngine

from api.filters.statements import StatementQuery
from api.repository.listing import statement_ids_after
from schema import Actor, Article, Attribution, Outlet, Statement

__all__ = [
    "STATEMENT_EXPORT_COLUMNS",
    "STATEMENT_EXPORT_TYPES",
    "ExportChunk",
    "all_rows_query",
    "statement_export_chunk",
]

_SPEAKER = aliased(Actor, name="speaker")

_COLUMNS: tuple[tuple[str, ColumnElement[Any]], ...] = (
    ("statement_id", Statement.id),
    ("speaker_id", Statement.speaker_id),
    ("speaker_name", _SPEAKER.name),
    ("kind", Statement.kind),
    ("said_on", Statement.said_on),
    ("said_precision", Statement.said_precision),
    ("date_conflict", Statement.date_conflict),
    ("language", Statement.language),
    ("text", Statement.text),
    ("attribution_id", Attribution.id),
    ("attribution_kind", Attribution.kind),
    ("speaker_as_written", Attribution.speaker_text),
    ("cue", Attribution.cue),
    ("content", Attribution.content),
    ("content_start", Attribution.content_start),
    ("content_end", Attribution.content_end),
    ("date_as_written", Attribution.said_on_text),
    ("date_as_given", Attribution.said_on),
    ("date_as_given_precision", Attribution.said_precision),
    ("article_id", Article.id),
    ("article_url", Article.url),
    ("article_title", Article.title),
    ("published_on", Article.published_on),
    ("published_precision", Article.published_precision),
    ("published_estimated", Article.published_estimated),
    ("outlet_id", Outlet.id),
    ("outlet_name", Outlet.name),
    ("outlet_country", Outlet.country),
    ("outlet_kind", Outlet.kind),
    ("outlet_state_affiliation", Outlet.state_affiliation),
)  # type: ignore[assignment]

#: the columns of a statement export, in order, and their SQL types
STATEMENT_EXPORT_COLUMNS: tuple[str, ...] = tuple(name for name, _ in _COLUMNS)
STATEMENT_EXPORT_TYPES: tuple[TypeEngine[Any], ...] = tuple(expr.type for _, expr in _COLUMNS)


def all_rows_query() -> Select[Any]:
    """Every export row of every statement in id order, as one query: what an export
    streams chunk by chunk, for comparisons (the exports benchmark's baseline)."""
    return _joined(select(*(expr.label(name) for name, expr in _COLUMNS)).select_from(Statement))


def _joined(stmt: Select[Any]) -> Select[Any]:
    return (
        stmt.outerjoin(_SPEAKER, _SPEAKER.id == Statement.speaker_id)
        .outerjoin(Attribution, Attribution.statement_id == Statement.id)
        .outerjoin(Article, Article.id == Attribution.article_id)
        .outerjoin(Outlet, Outlet.id == Article.outlet_id)
        .order_by(Statement.id, Attribution.id)
    )


@dataclass(frozen=True, slots=True)
class ExportChunk:
    """Rows (tuples in ``STATEMENT_EXPORT_COLUMNS`` order) of up to ``first`` statements,
    and the cursor after the last of them (None when no statement follows)."""

    rows: Sequence[tuple[Any, ...]]
    next_cursor: str | None


async def statement_export_chunk(
    session: AsyncSession,
    query: StatementQuery,
    *,
    first: int,
    after: str | None,
    parameter: str = "cursor",
) -> ExportChunk:
    """The export rows of the next ``first`` statements of ``query`` after ``after``, in the
    query's order, each statement's attributions in id order: one query."""
    carry = [expr for _, expr in _COLUMNS if expr.table is Statement.__table__]
    page = statement_ids_after(
        session, query, first=first, after=after, parameter=parameter, carry=carry
    )
    ids = page.ids
    carried = {id(expr): ids.c[f"c{i}"] for i, expr in enumerate(carry)}
    key_columns = [ids.c[f"k{i}"] for i in range(len(page.key.columns))]
    columns = [carried.get(id(expr), expr).label(name) for name, expr in _COLUMNS]
    stmt = (
        select(ids.c.id, *key_columns, *columns)
        .select_from(ids)
        .outerjoin(_SPEAKER, _SPEAKER.id == carried[id(Statement.speaker_id)])
        .outerjoin(Attribution, Attribution.statement_id == ids.c.id)
        .outerjoin(Article, Article.id == Attribution.article_id)
        .outerjoin(Outlet, Outlet.id == Article.outlet_id)
        .order_by(*page.key.order_by(), Attribution.id)
    )
    result = (await session.execute(stmt)).all()
    skip = 1 + len(key_columns)
    rows = [tuple(row)[skip:] for row in result]
    statements = len({row.id for row in result})
    next_cursor = page.cursor(result[-1]) if result and statements >= first else None
    return ExportChunk(rows, next_cursor)
