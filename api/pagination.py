"""Keyset paging shared by REST and GraphQL: page-size bounds and opaque cursors.

A cursor is the URL-safe base64 of a JSON array of the sort key of the last row seen (today
``[id]``); clients pass it back unchanged. Pages never use OFFSET.
"""

from __future__ import annotations

import base64
import binascii

import orjson

from api.errors import InvalidCursor, InvalidPageSize

__all__ = [
    "GRAPHQL_MAX_FIRST",
    "REST_DEFAULT_LIMIT",
    "REST_MAX_LIMIT",
    "check_first",
    "decode_cursor",
    "encode_cursor",
]

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
