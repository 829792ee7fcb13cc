"""REST endpoints per resource: a filtered, keyset-paged list (JSON pages, or a streamed CSV
or JSON Lines export), the exact count of a filter, and a by-id item."""

from __future__ import annotations

from collections.abc import AsyncGenerator, Sequence
from typing import Any

import orjson
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import BaseRoute, Route

from api.errors import InvalidParameter, NotFound
from api.filters import ListQuery
from api.reads import OwnRead, ReadConnections
from api.repository.exports import (
    STATEMENT_EXPORT_COLUMNS,
    STATEMENT_EXPORT_TYPES,
    ExportShape,
    statement_export_chunk,
    statement_export_sql,
)
from api.rest.compiled import CompiledLists
from api.rest.export import (
    EXPORT_CHUNK,
    Chunk,
    Format,
    crlf_records,
    csv_converted,
    csv_lines,
    export_response,
    negotiate,
    parse_max_rows,
    stream_response,
)
from api.rest.params import check_known, parse_limit, parse_row_id
from api.rest.resources import RESOURCES, Resource
from api.search import Snippet
from schema import Statement
from schema.settings import Settings

__all__ = ["json_response", "resource_routes"]

#: statements per query of a SQLite export written by the database (each query is compiled
#: anew, for its cursor: larger chunks compile less often), and rows per hand-off to the read
#: threads (what the server holds of it at a time)
STREAM_CHUNK = 5000
STREAM_BATCH = 1000


def json_response(body: Any, status_code: int = 200) -> Response:
    # SQLite gives naive UTC date-times: print them with their offset, as PostgreSQL's are.
    return Response(
        orjson.dumps(body, option=orjson.OPT_NAIVE_UTC),
        status_code=status_code,
        media_type="application/json",
    )


def _snippet_json(snippet: Snippet | None) -> dict[str, Any] | None:
    if snippet is None:
        return None
    return {
        "text": snippet.text,
        "field": snippet.field,
        "source_id": snippet.source_id,
        "offset": snippet.offset,
        "matches": [{"start": start, "end": end} for start, end in snippet.matches],
        "truncated_start": snippet.truncated_start,
        "truncated_end": snippet.truncated_end,
    }


class ResourceViews:
    def __init__(
        self,
        resource: Resource,
        sessions: async_sessionmaker[AsyncSession],
        reads: ReadConnections | None = None,
    ) -> None:
        self.resource = resource
        self.sessions = sessions
        self.reads = reads
        # plain pages (no filter, order or search) by one statement that writes their JSON
        self.plain = (
            None if reads is None else CompiledLists(resource.model, tuple(resource.embeds), reads)
        )

    def _query(self, request: Request, *, paging: bool) -> ListQuery[Any, Any]:
        known = [*self.resource.filters.names]
        if paging:
            known += ["limit", "cursor", "format", "max_rows"]
        check_known(request.query_params, known)
        return self.resource.filters.query(request.query_params)

    async def list(self, request: Request) -> Response:
        if self.plain is not None:
            body = await self.plain.page(request)
            if body is not None:
                return Response(body, media_type="application/json")
        query = self._query(request, paging=True)
        params = request.query_params
        fmt = negotiate(request)
        if fmt is not Format.JSON:
            return await self._export(request, query, fmt)
        if "max_rows" in params:
            raise InvalidParameter(
                "max_rows caps exports: use it with format=csv or format=jsonl; JSON pages "
                "take limit",
                {"parameter": "max_rows"},
            )
        limit = parse_limit(params.get("limit"))
        resource = self.resource
        async with self.sessions() as session:
            page = await resource.list_rows(session, query, limit, params.get("cursor"))
            data = [resource.to_json(row) for row in page.rows]
            if query.search is not None:
                for item, row in zip(data, page.rows, strict=True):
                    item["snippet"] = _snippet_json(await page.snippet(row.id))
        next_cursor = page.cursors[-1] if page.has_next else None
        next_url = (
            str(request.url.include_query_params(limit=limit, cursor=next_cursor))
            if next_cursor
            else None
        )
        return json_response(
            {"data": data, "next_cursor": next_cursor, "links": {"next": next_url}}
        )

    async def _export(
        self, request: Request, query: ListQuery[Any, Any], fmt: Format
    ) -> StreamingResponse:
        params = request.query_params
        if "limit" in params:
            raise InvalidParameter(
                "limit pages JSON lists; an export streams every row the filter selects: "
                "use max_rows to stop after fewer",
                {"parameter": "limit"},
            )
        settings: Settings = request.app.state.settings
        max_rows = parse_max_rows(params.get("max_rows"), settings.export_max_rows)
        resource = self.resource
        if resource.model is Statement and self.reads is not None and self.reads.streams:
            return await self._stream_statements(
                self.reads, query, fmt, max_rows, params.get("cursor")
            )
        session = self.sessions()
        chunk: Chunk
        columns: Sequence[str]
        converted: Sequence[int] | None = None  # every column: items carry JSON values
        if resource.model is Statement:
            columns = STATEMENT_EXPORT_COLUMNS
            converted = csv_converted(STATEMENT_EXPORT_TYPES)

            async def chunk(after: str | None, left: int) -> tuple[Sequence[Any], str | None]:
                found = await statement_export_chunk(
                    session, query, first=min(EXPORT_CHUNK, left), after=after
                )
                return found.rows, found.next_cursor

        else:
            columns = resource.keys

            async def chunk(after: str | None, left: int) -> tuple[Sequence[Any], str | None]:
                page = await resource.list_rows(session, query, min(EXPORT_CHUNK, left), after)
                rows = [tuple(resource.to_json(row).values()) for row in page.rows]
                session.expunge_all()  # rows already written need not stay in the session
                return rows, page.cursors[-1] if page.has_next else None

        return await export_response(
            fmt=fmt,
            columns=columns,
            filename=resource.path,
            max_rows=max_rows,
            after=params.get("cursor"),
            chunk=chunk,
            close=session.close,
            converted=converted,
        )

    async def _stream_statements(
        self,
        reads: ReadConnections,
        query: ListQuery[Any, Any],
        fmt: Format,
        max_rows: int,
        after: str | None,
    ) -> StreamingResponse:
        """The statement export with its rows written by the database as CSV records or JSON
        lines: on PostgreSQL in one read (``COPY``), on SQLite by keyset chunks on a
        connection of the export's own. The same bytes as the chunked export, without a
        Python object per value."""
        csv = fmt is Format.CSV
        header = csv_lines(STATEMENT_EXPORT_COLUMNS)([], True) if csv else b""
        body: AsyncGenerator[bytes, None]
        if reads.streams == "postgresql":
            shape = ExportShape.CSV_FIELDS if csv else ExportShape.JSON_LINE
            async with self.sessions() as session:
                export = statement_export_sql(session, query, shape, first=max_rows, after=after)
            if csv:
                copy = reads.copy_out(export.sql, export.params, format="csv")
                body = _copied_csv(copy, header)
            else:  # quote and delimiter bytes that JSON never holds unescaped: lines as they are
                body = reads.copy_out(
                    export.sql, export.params, format="csv", quote="\x01", delimiter="\x02"
                )
        else:
            body = self._sqlite_lines(reads.own_read(), query, fmt, max_rows, after, header)
        return await stream_response(
            fmt=fmt, filename=self.resource.path, max_rows=max_rows, body=body
        )

    async def _sqlite_lines(
        self,
        read: OwnRead,
        query: ListQuery[Any, Any],
        fmt: Format,
        max_rows: int,
        after: str | None,
        header: bytes,
    ) -> AsyncGenerator[bytes, None]:
        """The export's CSV records or JSON lines, ``STREAM_CHUNK`` statements a query, read
        ``STREAM_BATCH`` rows at a time."""
        shape, end = (
            (ExportShape.CSV_LINE, "\r\n") if fmt is Format.CSV else (ExportShape.JSON_LINE, "\n")
        )
        data, cursor, left = header, after, max_rows
        try:
            while True:
                first = min(STREAM_CHUNK, left)
                async with self.sessions() as session:
                    export = statement_export_sql(
                        session, query, shape, first=first, after=cursor, keyed=True
                    )
                statements: set[int] = set()
                last: Sequence[Any] = ()
                batches = read.batches(export.sql, export.params, STREAM_BATCH)
                try:
                    async for rows in batches:
                        sent = rows[:left]
                        left -= len(sent)
                        data += "".join([row[0] + end for row in sent]).encode()
                        yield data
                        data = b""
                        if left <= 0:
                            return
                        statements.update(row[1] for row in rows)
                        last = rows[-1]
                finally:
                    await batches.aclose()
                if len(statements) < first:
                    if data:  # the header of an export without rows
                        yield data
                    return
                cursor = export.cursor(last[1:])
        finally:
            read.close()

    async def count(self, request: Request) -> Response:
        query = self._query(request, paging=False)
        async with self.sessions() as session:
            total = await self.resource.count_rows(session, query)
        return json_response({"data": {"count": total}})

    async def item(self, request: Request) -> Response:
        check_known(request.query_params, ())
        resource = self.resource
        row_id = parse_row_id(request.path_params["id"], resource=resource.name, path=resource.path)
        async with self.sessions() as session:
            row = await resource.get_row(session, row_id)
            if row is None:
                raise NotFound(
                    f"there is no {resource.name} with id {row_id}: list {resource.path} at "
                    f"/api/v1/{resource.path} to find the ids there are",
                    {"resource": resource.name, "id": row_id},
                )
            data = resource.to_json(row)
        return json_response({"data": data})


async def _copied_csv(
    copy: AsyncGenerator[bytes, None], header: bytes
) -> AsyncGenerator[bytes, None]:
    """``COPY``'s CSV with the header before it and ``\\r\\n`` record ends."""
    convert = crlf_records()
    try:
        async for data in copy:
            yield header + convert(data)
            header = b""
        if header:
            yield header
    finally:
        await copy.aclose()


def resource_routes(
    sessions: async_sessionmaker[AsyncSession], reads: ReadConnections | None = None
) -> list[BaseRoute]:
    """List and by-id routes of every resource, relative to /api/v1."""
    routes: list[BaseRoute] = []
    for resource in RESOURCES:
        views = ResourceViews(resource, sessions, reads)
        routes.append(Route(f"/{resource.path}", views.list, methods=["GET"], name=resource.path))
        routes.append(
            Route(
                f"/{resource.path}/count",
                views.count,
                methods=["GET"],
                name=f"{resource.path}_count",
            )
        )
        routes.append(
            Route(f"/{resource.path}/{{id}}", views.item, methods=["GET"], name=resource.name)
        )
    return routes
