"""Query and path parameters of the REST API, checked before any query runs."""

from __future__ import annotations

from collections.abc import Collection

from starlette.datastructures import QueryParams

from api.errors import InvalidId, InvalidPageSize, InvalidParameter
from api.pagination import REST_DEFAULT_LIMIT, REST_MAX_LIMIT, decode_cursor

__all__ = ["check_known", "parse_limit", "parse_list_params", "parse_row_id"]


def _is_whole_number(value: str) -> bool:
    return value.isascii() and value.isdigit()


def check_known(params: QueryParams, known: Collection[str]) -> None:
    unknown = sorted(set(params.keys()) - set(known))
    if unknown:
        raise InvalidParameter(
            f"unknown query parameter {unknown[0]!r}: this endpoint takes "
            f"{', '.join(sorted(known)) or 'no parameters'}",
            {"parameter": unknown[0], "known": sorted(known)},
        )


def parse_limit(value: str | None) -> int:
    if value is None:
        return REST_DEFAULT_LIMIT
    if _is_whole_number(value) and 1 <= int(value) <= REST_MAX_LIMIT:
        return int(value)
    raise InvalidPageSize(
        f"limit must be a whole number from 1 to {REST_MAX_LIMIT}, got {value!r}: leave it "
        f"out for {REST_DEFAULT_LIMIT} rows a page, and follow links.next for more",
        {"parameter": "limit", "value": value, "min": 1, "max": REST_MAX_LIMIT},
    )


def parse_list_params(params: QueryParams) -> tuple[int, int | None]:
    """``(limit, id after which the page starts)`` from ``?limit=&cursor=``."""
    check_known(params, ("limit", "cursor"))
    return parse_limit(params.get("limit")), decode_cursor(params.get("cursor"), parameter="cursor")


def parse_row_id(value: str, *, resource: str, path: str) -> int:
    if _is_whole_number(value):
        return int(value)
    raise InvalidId(
        f"{value!r} is not a {resource} id: ids are whole numbers, as in /api/v1/{path}/1; "
        f"list {path} at /api/v1/{path} to find them",
        {"id": value, "resource": resource},
    )
