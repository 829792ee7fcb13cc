"""Cursors are opaque to clients but have one spelling; page sizes are bounded."""

from __future__ import annotations

import pytest

from api.errors import InvalidCursor, InvalidPageSize
from api.pagination import GRAPHQL_MAX_FIRST, check_first, decode_cursor, encode_cursor


@pytest.mark.parametrize("last_id", [0, 1, 42, 2**40])
def test_a_cursor_decodes_to_the_id_it_encodes(last_id: int) -> None:
    assert decode_cursor(encode_cursor(last_id), parameter="cursor") == last_id


def test_cursors_are_url_safe_without_padding() -> None:
    assert encode_cursor(1) == "WzFd"
    assert all(c.isalnum() or c in "-_" for c in encode_cursor(2**60 + 12345))


def test_no_cursor_means_the_first_page() -> None:
    assert decode_cursor(None, parameter="after") is None


@pytest.mark.parametrize(
    "cursor",
    ["", "WzFd=", "WzFdx", "W10", "WyJhIl0", "W3RydWVd", "Wy0xXQ", "WzEsMl0", "émoji", "MQ"],
)
def test_anything_else_is_refused(cursor: str) -> None:
    with pytest.raises(InvalidCursor) as raised:
        decode_cursor(cursor, parameter="after")
    assert raised.value.detail == {"parameter": "after", "value": cursor}


@pytest.mark.parametrize("first", [0, 1, GRAPHQL_MAX_FIRST])
def test_first_within_bounds(first: int) -> None:
    assert check_first(first) == first


@pytest.mark.parametrize("first", [-1, GRAPHQL_MAX_FIRST + 1, 10**9])
def test_first_out_of_bounds(first: int) -> None:
    with pytest.raises(InvalidPageSize):
        check_first(first)
