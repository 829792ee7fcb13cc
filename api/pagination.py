"""Keyset paging shared by REST and GraphQL: page-size bounds and opaque cursors.

A cursor is the URL-safe base64 of a JSON array of the sort key of the last row seen: ``[id]``
in id order, ``[order, value..., id]`` in any other order (``["said_on", "2023-08-15", 7]``),
so that a cursor of one order is refused by another. Clients pass it back unchanged. Pages
never use OFFSET.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from collections.abc import Sequence

import orjson

from api.errors import InvalidCursor, InvalidPageSize

__all__ = [
    "GRAPHQL_MAX_FIRST",
    "REST_DEFAULT_LIMIT",
    "REST_MAX_LIMIT",
    "KeyValue",
    "check_first",
    "decode_cursor",
    "decode_keyset",
    "encode_cursor",
    "encode_keyset",
]

#: one value of a sort key in a keyset cursor: a date, a count, a rank, or null
KeyValue = dt.date | int | float | None

#: most rows one GraphQL connection field returns (``first``)
GRAPHQL_MAX_FIRST = 100
#: rows a REST list returns when ``limit`` is not given, and the most it returns
REST_DEFAULT_LIMIT = 50
REST_MAX_LIMIT = 1000


def encode_cursor(last_id: int) -> str:
    return base64.urlsafe_b64encode(orjson.dumps([last_id])).rstrip(b"=").decode("ascii")


def decode_cursor(cursor: str | None, *, parameter: str) -> int | None:
    """The last id a cursor stands for (None for no cursor); raises InvalidCursor."""
    if cursor is None:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        keys = orjson.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, UnicodeEncodeError, binascii.Error, orjson.JSONDecodeError):
        keys = None
    if (
        isinstance(keys, list)
        and len(keys) == 1
        and type(keys[0]) is int  # not a bool
        and keys[0] >= 0
        and encode_cursor(keys[0]) == cursor  # one spelling per cursor
    ):
        last_id: int = keys[0]
        return last_id
    raise InvalidCursor(
        f"{parameter} {cursor!r} is not a cursor this API issued: pass the value of a "
        "previous page's next_cursor (REST) or pageInfo.endCursor (GraphQL) unchanged, "
        f"or leave {parameter} out to start at the first page",
        {"parameter": parameter, "value": cursor},
    )


def check_first(first: int) -> int:
    """``first`` if it is a page size GraphQL serves; raises InvalidPageSize otherwise."""
    if 0 <= first <= GRAPHQL_MAX_FIRST:
        return first
    raise InvalidPageSize(
        f"first must be between 0 and {GRAPHQL_MAX_FIRST}, got {first}: ask for at most "
        f"{GRAPHQL_MAX_FIRST} and fetch the next page with after: <pageInfo.endCursor>",
        {"parameter": "first", "value": first, "min": 0, "max": GRAPHQL_MAX_FIRST},
    )


def _b64(value: object) -> str:
    return base64.urlsafe_b64encode(orjson.dumps(value)).rstrip(b"=").decode("ascii")


def _json_key(value: KeyValue) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def encode_keyset(order: str, values: Sequence[KeyValue], last_id: int) -> str:
    """The cursor after a row whose sort key in ``order`` is ``values`` and whose id is
    ``last_id``."""
    return _b64([order, *(_json_key(v) for v in values), last_id])


def _parse_key(raw: object, kind: type[KeyValue]) -> KeyValue:
    if raw is None:
        return None
    if kind is dt.date and isinstance(raw, str):
        return dt.date.fromisoformat(raw)
    if kind is int and type(raw) is int:
        return raw
    if kind is float and type(raw) in (int, float):
        return float(raw)  # type: ignore[arg-type]
    raise ValueError(raw)


def decode_keyset(
    cursor: str | None, *, parameter: str, order: str, kinds: Sequence[type[KeyValue]]
) -> tuple[tuple[KeyValue, ...], int] | None:
    """``(sort key values, last id)`` of a cursor issued for ``order`` (None for no cursor);
    raises InvalidCursor for anything else, a cursor of another order included."""
    if cursor is None:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        keys = orjson.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
        if not (isinstance(keys, list) and len(keys) == len(kinds) + 2 and keys[0] == order):
            raise ValueError(keys)
        last_id = keys[-1]
        if type(last_id) is not int or last_id < 0:
            raise ValueError(last_id)
        values = tuple(_parse_key(raw, kind) for raw, kind in zip(keys[1:-1], kinds, strict=True))
        if encode_keyset(order, values, last_id) != cursor:
            raise ValueError(cursor)
    except (ValueError, TypeError, UnicodeEncodeError, binascii.Error, orjson.JSONDecodeError):
        raise InvalidCursor(
            f"{parameter} {cursor!r} is not a cursor this API issued for order {order!r}: pass "
            "the next_cursor (REST) or pageInfo.endCursor (GraphQL) of a previous page asked "
            f"for with the same order and filter, unchanged, or leave {parameter} out to start "
            "at the first page",
            {"parameter": parameter, "value": cursor, "order": order},
        ) from None
    return values, last_id
