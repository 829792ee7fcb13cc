"""Streamed exports of REST lists: CSV and JSON Lines, by keyset cursor, with a hard cap.

A list answers JSON pages by default, and streams every row its filter selects as CSV or JSON
Lines when asked with ``?format=csv|jsonl`` or an ``Accept`` header (``text/csv``,
``application/x-ndjson``; ``format`` wins over ``Accept``). The stream reads a chunk of rows
at a time by keyset cursor (never OFFSET) and writes it out before reading the next, so memory
stays flat however long the export. It stops after ``max_rows`` rows (at most, and by default,
``DICTA_EXPORT_MAX_ROWS``); the response's ``Dicta-Export-Max-Rows`` header says where that
cap lay, so a client that got that many rows knows there may be more (continue with a narrower
filter, e.g. a later ``said_from``).

CSV is RFC 4180 (``csv`` module, ``\\r\\n`` line ends, UTF-8, a header row): NULL is an empty
field, booleans ``true``/``false``, dates ISO 8601, lists and objects as JSON. JSON Lines is one
JSON object per line with the same keys.

``stream_response`` answers an export whose bytes the database already writes — the statement
export on the API's own connections (``api.rest.views``): on PostgreSQL one ``COPY`` writes
the CSV fields (``crlf_records`` turns its ``\\n`` record ends into the ``csv``
module's ``\\r\\n``) or each JSON line; on SQLite a query per chunk writes each row's CSV
record or JSON line. The bytes are the same as the chunked path's.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Sequence
from enum import Enum, StrEnum
from typing import Any

import orjson
from sqlalchemy import JSON, Boolean, DateTime
from sqlalchemy.types import TypeEngine
from starlette.requests import Request
from starlette.responses import StreamingResponse
from starlette.types import Receive, Scope, Send

from api.errors import InvalidParameter

__all__ = [
    "EXPORT_CHUNK",
    "Format",
    "csv_cell",
    "csv_converted",
    "crlf_records",
    "csv_lines",
    "export_response",
    "jsonl_lines",
    "negotiate",
    "parse_max_rows",
    "stream_response",
]

#: statements (or rows of other lists) read per query while streaming
EXPORT_CHUNK = 1000


class Format(StrEnum):
    JSON = "json"
    CSV = "csv"
    JSONL = "jsonl"


_MEDIA_TYPES = {
    "text/csv": Format.CSV,
    "application/x-ndjson": Format.JSONL,
    "application/jsonl": Format.JSONL,
    "application/json-lines": Format.JSONL,
    "application/ndjson": Format.JSONL,
    "application/json": Format.JSON,
}

CONTENT_TYPES = {
    Format.CSV: "text/csv; charset=utf-8",
    Format.JSONL: "application/x-ndjson",
    Format.JSON: "application/json",
}


def _accepted(header: str) -> Format:
    """The first format the Accept header names, by quality then by order; JSON otherwise."""
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate(header.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        quality = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    quality = float(param[2:])
                except ValueError:
                    quality = 0.0
        ranked.append((-quality, index, media.lower()))
    for negative_quality, _, media in sorted(ranked):
        if negative_quality < 0 and media in _MEDIA_TYPES:
            return _MEDIA_TYPES[media]
    return Format.JSON


def negotiate(request: Request) -> Format:
    """The format a list request asks for: ``format``, else ``Accept``, else JSON."""
    value = request.query_params.get("format")
    if value is None:
        return _accepted(request.headers.get("accept", ""))
    try:
        return Format(value.strip().lower())
    except ValueError:
        raise InvalidParameter(
            f"format {value!r} is not one of json, csv, jsonl",
            {"parameter": "format", "value": value, "allowed": [f.value for f in Format]},
        ) from None


def parse_max_rows(value: str | None, cap: int) -> int:
    """``max_rows`` (default and most: ``cap``, the ``DICTA_EXPORT_MAX_ROWS`` setting)."""
    if value is None:
        return cap
    if value.isascii() and value.isdigit() and 1 <= int(value) <= cap:
        return int(value)
    raise InvalidParameter(
        f"max_rows must be a whole number from 1 to {cap} (DICTA_EXPORT_MAX_ROWS), got "
        f"{value!r}: leave it out to export up to {cap} rows",
        {"parameter": "max_rows", "value": value, "min": 1, "max": cap},
    )


def _identity(value: Any) -> Any:
    return value


def _datetime(value: dt.datetime) -> str:
    if value.tzinfo is None:  # SQLite's naive UTC
        value = value.replace(tzinfo=dt.UTC)
    return value.isoformat()


def _json(value: Any) -> str:
    return orjson.dumps(value).decode()


#: how each type of value is written in a CSV field (enums are added as they are met)
_CSV_CELLS: dict[type, Callable[[Any], Any]] = {
    str: _identity,
    int: _identity,
    float: _identity,
    type(None): lambda _: "",
    bool: lambda value: "true" if value else "false",
    dt.date: dt.date.isoformat,
    dt.datetime: _datetime,
    list: _json,
    dict: _json,
}


def csv_cell(value: Any) -> Any:
    """A value as a CSV field: NULL empty, booleans true/false, dates ISO 8601, enums by
    value, lists and objects as JSON."""
    convert = _CSV_CELLS.get(type(value))
    if convert is None:
        if isinstance(value, Enum):
            convert = _CSV_CELLS[type(value)] = _enum_value
        elif isinstance(value, dt.datetime):
            convert = _datetime
        elif isinstance(value, dt.date):
            convert = dt.date.isoformat
        else:
            convert = _identity
    return convert(value)


def _enum_value(value: Enum) -> Any:
    return value.value


def csv_converted(types: Sequence[TypeEngine[Any]]) -> list[int]:
    """Which columns of these SQL types need ``csv_cell``: the ``csv`` module itself writes
    strings, numbers, dates, string enums and NULL (empty) as they should be, but not
    booleans, date-times or JSON."""
    return [i for i, t in enumerate(types) if isinstance(t, Boolean | DateTime | JSON)]


def csv_lines(
    columns: Sequence[str], converted: Sequence[int] | None = None
) -> Callable[[Sequence[Sequence[Any]], bool], bytes]:
    """An encoder of row chunks as CSV; the header comes with the first chunk. Values go
    through ``csv_cell`` in the ``converted`` columns only (every column when None)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def convert(row: Sequence[Any]) -> Sequence[Any]:
        if converted is None:
            return [csv_cell(v) for v in row]
        if not converted:
            return row
        values = list(row)
        for i in converted:
            values[i] = csv_cell(values[i])
        return values

    def encode(rows: Sequence[Sequence[Any]], first: bool) -> bytes:
        if first:
            writer.writerow(columns)
        writer.writerows(map(convert, rows))
        data = buffer.getvalue().encode()
        buffer.seek(0)
        buffer.truncate()
        return data

    return encode


def jsonl_lines(columns: Sequence[str]) -> Callable[[Sequence[Sequence[Any]], bool], bytes]:
    """An encoder of row chunks as JSON Lines, one object per row with ``columns`` as keys."""
    option = orjson.OPT_NAIVE_UTC | orjson.OPT_APPEND_NEWLINE

    def encode(rows: Sequence[Sequence[Any]], _first: bool) -> bytes:
        return b"".join(
            orjson.dumps(dict(zip(columns, row, strict=True)), option=option) for row in rows
        )

    return encode


def crlf_records() -> Callable[[bytes], bytes]:
    """A filter of CSV bytes, chunk after chunk, that ends records with ``\\r\\n`` where
    they end with ``\\n`` (PostgreSQL's ``COPY``); a line break inside a quoted field stays
    as it is. Quotes alternate in and out of a field (a doubled quote inside one leaves and
    re-enters it), so a record ends at each ``\\n`` after an even number of quotes."""
    quoted = False

    def convert(data: bytes) -> bytes:
        nonlocal quoted
        parts = data.split(b'"')
        for i in range(1 if quoted else 0, len(parts), 2):
            parts[i] = parts[i].replace(b"\n", b"\r\n")
        quoted ^= (len(parts) - 1) % 2 == 1
        return b'"'.join(parts)

    return convert


class _ExportResponse(StreamingResponse):
    """A streamed response that closes its body when it ends, also when the client went away
    (Starlette stops iterating the body then, but leaves it open until it is collected)."""

    body_iterator: AsyncGenerator[bytes, None]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            await self.body_iterator.aclose()


def _attachment(fmt: Format, filename: str, max_rows: int) -> dict[str, str]:
    extension = "csv" if fmt is Format.CSV else "jsonl"
    return {
        "Content-Disposition": f'attachment; filename="{filename}.{extension}"',
        "Dicta-Export-Max-Rows": str(max_rows),
    }


async def stream_response(
    *, fmt: Format, filename: str, max_rows: int, body: AsyncGenerator[bytes, None]
) -> StreamingResponse:
    """A streamed export of bytes already encoded, ``max_rows`` rows at most. Its first chunk
    is read before answering, so that a failing read is still answered with an error status;
    the stream is closed when the response ends, is abandoned or fails."""
    try:
        first = await anext(body, b"")
    except BaseException:
        await body.aclose()
        raise

    async def chunks() -> AsyncIterator[bytes]:
        try:
            if first:
                yield first
            async for data in body:
                yield data
        finally:
            await body.aclose()

    return _ExportResponse(
        chunks(), media_type=CONTENT_TYPES[fmt], headers=_attachment(fmt, filename, max_rows)
    )


#: (cursor to start after, rows left to send) → (rows, cursor after them or None at the end)
Chunk = Callable[[str | None, int], Awaitable[tuple[Sequence[Sequence[Any]], str | None]]]


async def export_response(
    *,
    fmt: Format,
    columns: Sequence[str],
    filename: str,
    max_rows: int,
    after: str | None,
    chunk: Chunk,
    close: Callable[[], Awaitable[None]],
    converted: Sequence[int] | None = None,
) -> StreamingResponse:
    """A streamed export. The first chunk is read before answering, so that a bad cursor or
    filter is still answered with an error status; ``close`` runs when the stream ends, is
    abandoned or fails."""
    encode = csv_lines(columns, converted) if fmt is Format.CSV else jsonl_lines(columns)
    try:
        rows, cursor = await chunk(after, max_rows)
    except BaseException:
        await close()
        raise

    async def body() -> AsyncIterator[bytes]:
        nonlocal rows, cursor
        sent = 0
        try:
            first = True
            while True:
                rows = rows[: max_rows - sent]
                sent += len(rows)
                data = encode(rows, first)
                first = False
                if data:
                    yield data
                if cursor is None or sent >= max_rows:
                    return
                rows, cursor = await chunk(cursor, max_rows - sent)
        finally:
            await close()

    return _ExportResponse(
        body(), media_type=CONTENT_TYPES[fmt], headers=_attachment(fmt, filename, max_rows)
    )
