"""Plain REST list pages by one SQL statement that builds each item's JSON in the database.

``GET /api/v1/<resource>?limit=&cursor=`` with no filter, order or search, asking for JSON, is
a page in id order whose items are every column of the row under its name (and a statement's
speaker as ``{"id", "name"}``): the same JSON ``ResourceViews.list`` makes from ORM rows, written
by the database (``api.graphql.compiled.sql``), wrapped here without being parsed. Any other
list request — or an invalid limit or cursor, which the view reports — returns None, and the
view answers it.
"""

from __future__ import annotations

from typing import Any

import orjson
from sqlalchemy import JSON, Boolean, DateTime, Float, Table
from starlette.requests import Request

from api.errors import DictaError
from api.graphql.compiled.registry import Column, Leaf
from api.graphql.compiled.sql import SqlWriter, writer_for
from api.pagination import decode_cursor, encode_cursor
from api.reads import READ_ERRORS, ReadConnections
from api.rest.export import Format, negotiate
from api.rest.params import parse_limit
from schema import Base

__all__ = ["CompiledLists"]

#: the only parameters a plain page takes
PAGE_PARAMS = frozenset({"limit", "cursor"})


def _leaf(column_type: Any) -> Leaf:
    """How a column's value is written in REST JSON (enums as their stored value)."""
    if isinstance(column_type, Boolean):
        return Leaf.BOOLEAN
    if isinstance(column_type, Float):
        return Leaf.FLOAT
    if isinstance(column_type, DateTime):
        return Leaf.DATETIME
    if isinstance(column_type, JSON):
        return Leaf.JSON
    return Leaf.PLAIN


class _Shape:
    """The SQL of one resource's pages, per dialect and whether a cursor is given."""

    def __init__(self, model: type[Base], embeds: tuple[str, ...]) -> None:
        table: Table = model.__table__  # type: ignore[assignment]
        self.table = table.name
        self.columns = [
            (attr.key, Column(attr.columns[0].name, _leaf(attr.columns[0].type)))
            for attr in model.__mapper__.column_attrs
        ]
        self.embeds = embeds
        self._sql: dict[tuple[str, bool], str] = {}

    def _item(self, writer: SqlWriter, alias: str) -> str:
        pairs = [
            (key, writer.leaf(column, f'{alias}."{column.column}"')) for key, column in self.columns
        ]
        if "speaker" in self.embeds:
            t = writer.alias()
            speaker = writer.object_json([("id", f'{t}."id"'), ("name", f'{t}."name"')])
            pairs.append(
                (
                    "speaker",
                    writer.one(
                        f'SELECT {speaker} FROM "actor" AS {t} WHERE {t}."id" = {alias}."speaker_id"'
                    ),
                )
            )
        return writer.object_json(pairs)

    def sql(self, dialect: str, after: bool) -> str:
        found = self._sql.get((dialect, after))
        if found is None:
            writer = writer_for(dialect)
            r = writer.alias()
            where = f' WHERE {r}."id" > {writer.param(1)}' if after else ""
            found = self._sql[(dialect, after)] = (
                f'SELECT {r}."id", {writer.as_text(self._item(writer, r))} '
                f'FROM "{self.table}" AS {r}{where} ORDER BY {r}."id" '
                f"LIMIT {writer.param(2 if after else 1)}"
            )
        return found


class CompiledLists:
    """Plain pages of one resource."""

    def __init__(self, model: type[Base], embeds: tuple[str, ...], reads: ReadConnections) -> None:
        self.shape = _Shape(model, embeds)
        self.reads = reads

    async def page(self, request: Request) -> bytes | None:
        params = request.query_params
        if not set(params.keys()) <= PAGE_PARAMS:
            return None
        try:
            if negotiate(request) is not Format.JSON:
                return None
            limit = parse_limit(params.get("limit"))
            after = decode_cursor(params.get("cursor"), parameter="cursor")
        except DictaError:
            return None  # the view reports it
        try:
            async with self.reads.reader() as reader:
                sql = self.shape.sql(reader.dialect, after is not None)
                args = (limit + 1,) if after is None else (after, limit + 1)
                rows = await reader.fetch(sql, args)
        except READ_ERRORS:
            return None
        has_next = len(rows) > limit
        rows = rows[:limit]
        next_cursor = encode_cursor(rows[-1][0]) if has_next and rows else None
        next_url = (
            str(request.url.include_query_params(limit=limit, cursor=next_cursor))
            if next_cursor
            else None
        )
        return orjson.dumps(
            {
                "data": [orjson.Fragment(row[1]) for row in rows],
                "next_cursor": next_cursor,
                "links": {"next": next_url},
            }
        )
