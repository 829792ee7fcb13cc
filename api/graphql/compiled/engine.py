"""Run a planned operation: one SQL statement per root field, the JSON built by the database.

``CompiledQueries.run`` answers a request body (query, variables, operation name) with the
bytes of the response, or None when the resolvers must answer instead: the document does not
parse or validate, the operation asks for a field the compiled path does not serve, or an
argument is one it leaves to them (a filter, an order, an invalid page size, cursor or search
query, a search whose snippets are asked for). Only the
envelope of a root connection (edges, cursors, pageInfo, totalCount) is made in Python; each
node's JSON comes from the database as text and is written out unparsed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import orjson
import strawberry
from graphql import (
    IntValueNode,
    NullValueNode,
    StringValueNode,
    ValueNode,
    VariableNode,
    get_variable_values,
)
from starlette.requests import Request

from api.errors import DictaError
from api.graphql.compiled.documents import Document, Documents
from api.graphql.compiled.plan import ListPlan, OnePlan, OperationPlan, RootPlan, TypenamePlan
from api.graphql.compiled.registry import Registry
from api.graphql.compiled.sql import writer_for
from api.graphql.ids import from_global_id
from api.pagination import GRAPHQL_MAX_FIRST, decode_cursor, encode_cursor
from api.reads import READ_ERRORS, ReadConnections, Reader
from api.repository.search import match_parameter
from api.search import parse_query

__all__ = ["CompiledQueries"]


class _Fallback(Exception):
    """This request is for the resolvers."""


_ABSENT = object()


def _value(node: ValueNode | None, variables: Mapping[str, Any]) -> Any:
    """The value of an argument of a scalar type, or _ABSENT when it is not given."""
    if node is None:
        return _ABSENT
    if isinstance(node, VariableNode):
        return variables.get(node.name.value, _ABSENT)
    if isinstance(node, NullValueNode):
        return None
    if isinstance(node, IntValueNode):
        return int(node.value)
    if isinstance(node, StringValueNode):
        return node.value
    return node  # an input object or list: not null


class CompiledQueries:
    """The compiled path of one schema over one set of read sessions."""

    def __init__(
        self, schema: strawberry.Schema, reads: ReadConnections, *, documents: int = 512
    ) -> None:
        self.schema = schema
        self.registry = Registry(schema._schema)
        self.documents = Documents(schema, self.registry, size=documents)
        self.reads = reads

    async def serve(self, request: Request) -> bytes | None:
        """The response body of an HTTP request to /graphql, or None when the resolvers
        answer it (anything but a JSON POST or a GET, a batch, extensions)."""
        accept = request.headers.get("accept", "")
        if "multipart/" in accept or "text/event-stream" in accept:
            return None
        if request.method == "POST":
            content_type = request.headers.get("content-type", "")
            if content_type.partition(";")[0].strip().lower() != "application/json":
                return None
            try:
                data = orjson.loads(await request.body())
            except orjson.JSONDecodeError:
                return None
        elif request.method == "GET":
            params = request.query_params
            data = dict(params)
            if "variables" in data and data["variables"]:
                try:
                    data["variables"] = orjson.loads(data["variables"])
                except orjson.JSONDecodeError:
                    return None
            else:
                data.pop("variables", None)
        else:
            return None
        if not isinstance(data, dict) or data.get("extensions"):
            return None
        return await self.run(data.get("query"), data.get("variables"), data.get("operationName"))

    def prepare(
        self, query: object, operation_name: object
    ) -> tuple[Document, OperationPlan] | None:
        """The document and plan of a request, or None when the resolvers answer it."""
        if not isinstance(query, str) or not (
            operation_name is None or isinstance(operation_name, str)
        ):
            return None
        document = self.documents.get(query)
        if document is None:
            return None
        plan = self.documents.plan(document, operation_name)
        return None if plan is None else (document, plan)

    async def run(self, query: object, variables: object, operation_name: object) -> bytes | None:
        """The response body of the request, or None when the resolvers answer it."""
        prepared = self.prepare(query, operation_name)
        if prepared is None:
            return None
        document, plan = prepared
        if variables is not None and not isinstance(variables, dict):
            return None
        operation = document.operations[operation_name]  # type: ignore[index]
        coerced = get_variable_values(
            self.schema._schema, operation.variable_definitions or (), variables or {}
        )
        if isinstance(coerced, list):
            return None
        try:
            async with self.reads.reader() as reader:
                data = {
                    root.key: await self._root(reader, document, index, root, coerced.coerced)
                    for index, root in enumerate(plan.roots)
                }
        except (_Fallback, DictaError):
            return None
        except READ_ERRORS:
            return None  # the resolvers answer, with the error they report
        return orjson.dumps({"data": data})

    async def _root(
        self,
        reader: Reader,
        document: Document,
        index: int,
        root: RootPlan,
        variables: Mapping[str, Any],
    ) -> Any:
        if isinstance(root, TypenamePlan):
            return root.name
        dialect = reader.dialect
        if isinstance(root, OnePlan):
            global_id = _value(root.id, variables)
            if not isinstance(global_id, str):
                raise _Fallback
            _, row_id = from_global_id(global_id, expected=root.type_name)
            sql = self._sql(document, dialect, index, (False, False), root)
            found = await reader.fetch(sql, (row_id,))
            return orjson.Fragment(found[0][0]) if found else None
        return await self._list(reader, document, index, root, variables)

    def _sql(
        self,
        document: Document,
        dialect: str,
        index: int,
        variant: tuple[bool, bool],
        root: ListPlan | OnePlan,
    ) -> str:
        """The SQL of a root field; ``variant`` is (after a cursor, searched) for a list."""
        key = (dialect, index, variant)
        sql = document.sql.get(key)
        if sql is None:
            writer = writer_for(dialect)
            after, searched = variant
            sql = (
                writer.list_rows(root, after=after, searched=searched)
                if isinstance(root, ListPlan)
                else writer.one_row(root)
            )
            document.sql[key] = sql
        return sql

    async def _list(
        self,
        reader: Reader,
        document: Document,
        index: int,
        plan: ListPlan,
        variables: Mapping[str, Any],
    ) -> dict[str, Any]:
        for _name, node in plan.nulls:
            if _value(node, variables) not in (None, _ABSENT):
                raise _Fallback
        first = _value(plan.first, variables)
        if type(first) is not int or not 0 <= first <= GRAPHQL_MAX_FIRST:
            raise _Fallback
        after_value = _value(plan.after, variables)
        if after_value is _ABSENT:
            after_value = None
        if after_value is not None and not isinstance(after_value, str):
            raise _Fallback
        after = decode_cursor(after_value, parameter="after")
        search = _value(plan.search, variables)
        searched: tuple[str, ...] = ()
        if search not in (None, _ABSENT):
            if not isinstance(search, str) or plan.snippets:
                raise _Fallback  # snippets are cut by the resolvers
            # an invalid query raises SearchQueryError: the resolvers report it
            searched = (match_parameter(reader.dialect, parse_query(search)),)
        sql = self._sql(document, reader.dialect, index, (after is not None, bool(searched)), plan)
        params = (*searched, *(() if after is None else (after,)), first + 1)
        rows: Sequence[Any] = await reader.fetch(sql, params)
        has_next = len(rows) > first
        rows = rows[:first]
        out: dict[str, Any] = {}
        for key, part in plan.layout:
            kind = part[0]
            if kind == "nodes":
                column = 1 + int(part[1])  # type: ignore[call-overload]
                out[key] = [orjson.Fragment(row[column]) for row in rows]
            elif kind == "edges":
                out[key] = _edges(rows, part[1])  # type: ignore[arg-type]
            elif kind == "pageInfo":
                out[key] = _page_info(rows, part[1], has_next, after is not None)  # type: ignore[arg-type]
            elif kind == "totalCount":
                count_sql = writer_for(reader.dialect).count_rows(plan, searched=bool(searched))
                counted = await reader.fetch(count_sql, searched)
                out[key] = int(counted[0][0])
            else:
                out[key] = part[1]
        return out


def _edges(rows: Sequence[Any], parts: tuple[tuple[str, tuple[Any, ...]], ...]) -> list[Any]:
    edges = []
    for row in rows:
        edge: dict[str, Any] = {}
        for key, part in parts:
            kind = part[0]
            if kind == "cursor":
                edge[key] = encode_cursor(row[0])
            elif kind == "node":
                edge[key] = orjson.Fragment(row[1 + part[1]])
            elif kind == "null":
                edge[key] = None
            else:
                edge[key] = part[1]
        edges.append(edge)
    return edges


def _page_info(
    rows: Sequence[Any], parts: tuple[tuple[str, str], ...], has_next: bool, has_previous: bool
) -> dict[str, Any]:
    info: dict[str, Any] = {}
    for key, name in parts:
        if name == "hasNextPage":
            info[key] = has_next
        elif name == "hasPreviousPage":
            info[key] = has_previous
        elif name == "startCursor":
            info[key] = encode_cursor(rows[0][0]) if rows else None
        elif name == "endCursor":
            info[key] = encode_cursor(rows[-1][0]) if rows else None
        else:
            info[key] = name.partition(":")[2]
    return info
