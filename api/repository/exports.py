"""Rows of statement exports: one row per attribution, citable on its own.

A row is one article's rendering of a statement, with the statement (speaker, kind, date),
the rendering (content and its character offsets into the article's stored text, the date as
the article gives it), the article (URL, title, publication date) and its outlet (name,
country, kind, state affiliation). A statement without attributions has one row whose
attribution, article and outlet columns are empty. ``STATEMENT_EXPORT_COLUMNS`` lists the
columns in order; README documents each.

``statement_export_chunk`` reads the rows of the next ``first`` statements of a query in one
query (keyset, never OFFSET) and returns the cursor to continue after them.
``statement_export_sql`` is the same rows (of a whole export on PostgreSQL, a chunk on SQLite)
as one statement for the driver, written by the database as the export writes them: CSV fields
(for PostgreSQL's ``COPY``), or each row's CSV record or JSON line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from types import SimpleNamespace
from typing import Any

import orjson
from sqlalchemy import (
    Boolean,
    ColumnElement,
    Date,
    Integer,
    Select,
    String,
    Subquery,
    Text,
    case,
    cast,
    func,
    literal_column,
    not_,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from sqlalchemy.types import Enum as SAEnum
from sqlalchemy.types import TypeEngine

from api.filters.statements import StatementQuery
from api.repository.filters import SortKey
from api.repository.listing import KeyedIds, statement_ids_after
from schema import Actor, Article, Attribution, Outlet, Statement

__all__ = [
    "STATEMENT_EXPORT_COLUMNS",
    "STATEMENT_EXPORT_TYPES",
    "ExportChunk",
    "ExportShape",
    "ExportSql",
    "all_rows_query",
    "driver_sql",
    "statement_export_chunk",
    "statement_export_sql",
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
    page = _page(session, query, first=first, after=after, parameter=parameter)
    stmt = _rows(page, [expr.label(name) for name, expr in page.columns])
    result = (await session.execute(stmt.add_columns(page.ids.c.id, *page.key_columns))).all()
    width = len(_COLUMNS)
    rows = [tuple(row)[:width] for row in result]
    statements = len({row.id for row in result})
    next_cursor = page.keyed.cursor(result[-1]) if result and statements >= first else None
    return ExportChunk(rows, next_cursor)


@dataclass(frozen=True, slots=True)
class _Page:
    """Keyed statement ids and the export columns over them (the statement's own columns
    carried by the ids' subquery)."""

    keyed: KeyedIds
    columns: list[tuple[str, ColumnElement[Any]]]

    @property
    def ids(self) -> Subquery:
        return self.keyed.ids

    @property
    def key(self) -> SortKey:
        return self.keyed.key

    @property
    def key_columns(self) -> list[ColumnElement[Any]]:
        """The sort key columns of the ids' subquery, ``k0``…"""
        return [self.ids.c[f"k{i}"] for i in range(len(self.key.columns))]


def _page(
    session: AsyncSession, query: StatementQuery, *, first: int, after: str | None, parameter: str
) -> _Page:
    carry = [expr for _, expr in _COLUMNS if expr.table is Statement.__table__]
    keyed = statement_ids_after(
        session, query, first=first, after=after, parameter=parameter, carry=carry
    )
    carried = {id(expr): keyed.ids.c[f"c{i}"] for i, expr in enumerate(carry)}
    return _Page(keyed, [(name, carried.get(id(expr), expr)) for name, expr in _COLUMNS])


def _rows(page: _Page, columns: Sequence[ColumnElement[Any]]) -> Select[Any]:
    """``columns`` of the page's export rows, in the query's order, each statement's
    attributions in id order."""
    ids = page.ids
    speaker_id = dict(page.columns)["speaker_id"]
    return (
        select(*columns)
        .select_from(ids)
        .outerjoin(_SPEAKER, _SPEAKER.id == speaker_id)
        .outerjoin(Attribution, Attribution.statement_id == ids.c.id)
        .outerjoin(Article, Article.id == Attribution.article_id)
        .outerjoin(Outlet, Outlet.id == Article.outlet_id)
        .order_by(*page.key.order_by(), Attribution.id)
    )


class ExportShape(StrEnum):
    """How ``statement_export_sql`` writes each row, as Python's ``csv`` module and ``orjson``
    write the chunked export's values: NULL empty (CSV) or ``null``, booleans ``true`` and
    ``false``, dates ISO 8601, enums by value."""

    #: PostgreSQL: the fields for ``COPY ... (FORMAT csv)``, empty strings as NULL (which
    #: ``COPY`` writes as an empty field, as ``csv`` does, where it would quote ``""``)
    CSV_FIELDS = "csv_fields"
    #: SQLite: one column, the row's CSV record, quoted where ``csv`` quotes (a field holding
    #: a comma, a quote or a line break), without its line end
    CSV_LINE = "csv_line"
    #: one column: the row's JSON object as ``orjson`` writes it (no spaces, strings escaped
    #: alike), without its line end
    JSON_LINE = "json_line"


def _text(value: str) -> ColumnElement[str]:
    """A string constant written into the SQL (never user input)."""
    return literal_column("'" + value.replace("'", "''") + "'", String)


def _words(value: ColumnElement[Any]) -> ColumnElement[Any]:
    return case((value, _text("true")), (not_(value), _text("false")))


def _iso_date(value: ColumnElement[Any], dialect: str) -> ColumnElement[Any]:
    """A date as ISO 8601 text (SQLite stores it so)."""
    if dialect == "postgresql":
        return func.to_char(value, _text("YYYY-MM-DD"))
    return type_coerce(value, String)


def _csv_field(value: ColumnElement[Any]) -> ColumnElement[Any]:
    kind = value.type
    if isinstance(kind, Boolean):
        return _words(value)
    if isinstance(kind, Date):
        return _iso_date(value, "postgresql")
    if isinstance(kind, Integer):
        return value
    return func.nullif(cast(value, Text), _text(""))


def _csv_text(value: ColumnElement[Any]) -> ColumnElement[Any]:
    """A value as the text of its CSV field (SQLite), NULL for an empty one."""
    kind = value.type
    if isinstance(kind, Boolean):
        return _words(value)
    if isinstance(kind, Integer | Date | SAEnum):  # never a comma, quote or line break
        return value
    # quoted when ``csv`` quotes it: a comma, a quote or a line break in it (one ``instr`` a
    # character scans faster than one ``GLOB`` with a class)
    needs_quotes = or_(*(func.instr(value, _text(c)) > 0 for c in ',"\r\n'))
    quoted = _text('"') + func.replace(value, _text('"'), _text('""')) + _text('"')
    return case((needs_quotes, quoted), else_=value)


def _json_value(value: ColumnElement[Any], dialect: str) -> ColumnElement[Any]:
    kind = value.type
    if isinstance(kind, Boolean):
        text = _words(value)
    elif isinstance(kind, Integer):
        text = cast(value, Text)
    elif isinstance(kind, Date | SAEnum):  # nothing to escape
        plain = _iso_date(value, dialect) if isinstance(kind, Date) else value
        text = _text('"') + type_coerce(plain, String) + _text('"')
    elif dialect == "postgresql":
        text = cast(func.to_json(cast(value, Text)), Text)
    else:
        text = func.json_quote(value)
    return func.coalesce(text, _text("null"))


def _formatted(
    template: str, values: Sequence[ColumnElement[Any]], dialect: str
) -> ColumnElement[Any]:
    """``template`` with its ``%s`` replaced by ``values`` (NULL: nothing), in one call per
    row (a chain of ``||`` would copy the growing line once per part)."""
    function = func.format if dialect == "postgresql" else func.printf
    return function(_text(template), *values, type_=String)


def _csv_line(
    columns: Sequence[tuple[str, ColumnElement[Any]]], dialect: str
) -> ColumnElement[Any]:
    values = [_csv_text(value) for _, value in columns]
    return _formatted(",".join(["%s"] * len(values)), values, dialect)


def _json_line(
    columns: Sequence[tuple[str, ColumnElement[Any]]], dialect: str
) -> ColumnElement[Any]:
    keys = [orjson.dumps(name).decode().replace("%", "%%") + ":%s" for name, _ in columns]
    values = [_json_value(value, dialect) for _, value in columns]
    return _formatted("{" + ",".join(keys) + "}", values, dialect)


@dataclass(frozen=True, slots=True)
class ExportSql:
    """Export rows as one statement for the driver, its positional parameters, and (when
    ``keyed``) how to continue after its last row."""

    sql: str
    params: list[Any]
    keyed: KeyedIds

    def cursor(self, last: Sequence[Any]) -> str:
        """The cursor after a row of keyed SQL, given the row's columns after its line: the
        statement id and its sort key (dates as SQLite returns them, ISO 8601 text)."""
        kinds = self.keyed.key.kinds
        key = {
            f"k{i}": dt.date.fromisoformat(v) if kind is dt.date and isinstance(v, str) else v
            for i, (v, kind) in enumerate(zip(last[1:], kinds, strict=True))
        }
        return self.keyed.cursor(SimpleNamespace(id=last[0], **key))


def statement_export_sql(
    session: AsyncSession,
    query: StatementQuery,
    shape: ExportShape,
    *,
    first: int,
    after: str | None,
    keyed: bool = False,
    parameter: str = "cursor",
) -> ExportSql:
    """The export rows of the next ``first`` statements of ``query`` after cursor ``after``,
    in the order ``statement_export_chunk`` reads them, each written as ``shape`` says. Keyed,
    each row ends with the statement id and its sort key, to continue after the last; else
    there are at most ``first`` rows (an export of up to ``first`` rows: a statement has one
    row at least, so they come from ``first`` statements at most)."""
    dialect = session.get_bind().dialect
    page = _page(session, query, first=first, after=after, parameter=parameter)
    columns: list[ColumnElement[Any]]
    if shape is ExportShape.CSV_FIELDS:
        columns = [_csv_field(expr).label(name) for name, expr in page.columns]
    elif shape is ExportShape.CSV_LINE:
        columns = [_csv_line(page.columns, dialect.name).label("line")]
    else:
        columns = [_json_line(page.columns, dialect.name).label("line")]
    stmt = _rows(page, columns)
    stmt = stmt.add_columns(page.ids.c.id, *page.key_columns) if keyed else stmt.limit(first)
    sql, params = driver_sql(stmt, dialect)
    return ExportSql(sql, params, page.keyed)


def driver_sql(stmt: Select[Any], dialect: Dialect) -> tuple[str, list[Any]]:
    """``stmt`` as the driver takes it: SQL with positional parameters in the dialect's
    style, and their values as SQLAlchemy would bind them."""
    compiled = stmt.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
    values = compiled.construct_params()
    processors = compiled._bind_processors
    params = []
    for name in compiled.positiontup or ():
        value = values[name]
        process = processors.get(name)
        params.append(value if process is None or not callable(process) else process(value))
    return compiled.string, params
