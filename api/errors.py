"""Errors of the HTTP API: one hierarchy, one JSON body, one machine code per kind of failure.

Our exception hierarchy (HTTP status, ``code``):

* DictaError                        500  internal_error
  x ClientError                     400  bad_request
    + InvalidParameter              400  invalid_parameter
      - InvalidPageSize             400  invalid_page_size
      - InvalidCursor               400  invalid_cursor
      - InvalidId                   400  invalid_id
      - InvalidFilter               400  invalid_filter
      - SearchQueryError            400  invalid_search_query (api.search)
    + GraphQLValidationFailed       400  graphql_validation_failed
      - GraphQLParseFailed          400  graphql_parse_failed
      - QueryTooDeep                400  query_too_deep
      - QueryTooLarge               400  query_too_large
      - TooManyAliases              400  too_many_aliases
    + NotFound                      404  not_found
    + MethodNotAllowed              405  method_not_allowed
  x ServiceUnavailable              503  service_unavailable
    + DatabaseUnavailable           503  database_unavailable

Domain code raises these; nothing else decides a status. Every 4xx/5xx that REST answers has
the same body (unknown routes, wrong methods, bad parameters, missing rows, unexpected
failures alike)::

    {"error": {"status": 404, "code": "not_found", "message": "...", "detail": {...}}}

GraphQL answers in its own envelope with the same codes, ``{"errors": [{"message",
"locations", "path", "extensions": {"code", "detail"}}]}`` (see ``api.graphql.errors``).
Expected failures are never 500s; a 500 means a bug, and its message never leaks internals in
production. Messages say what went wrong and how to fix it.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

import orjson
import sqlalchemy.exc
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ExceptionHandler

__all__ = [
    "ClientError",
    "DatabaseUnavailable",
    "DictaError",
    "GraphQLParseFailed",
    "GraphQLValidationFailed",
    "InvalidCursor",
    "InvalidFilter",
    "InvalidId",
    "InvalidPageSize",
    "InvalidParameter",
    "MethodNotAllowed",
    "NotFound",
    "QueryTooDeep",
    "QueryTooLarge",
    "ServiceUnavailable",
    "TooManyAliases",
    "as_dicta_error",
    "error_body",
    "error_response",
    "exception_handlers",
]

logger = logging.getLogger("dicta.api")

#: exceptions that mean "the database cannot be reached or is overloaded", not "a bug"
DATABASE_UNAVAILABLE_ERRORS: tuple[type[BaseException], ...] = (
    sqlalchemy.exc.OperationalError,
    sqlalchemy.exc.InterfaceError,
    sqlalchemy.exc.TimeoutError,
    ConnectionError,
    TimeoutError,
)


class DictaError(Exception):
    """Base of every API error; on its own, an unexpected failure (a bug)."""

    status: int = 500
    code: str = "internal_error"

    def __init__(
        self,
        message: str,
        detail: Mapping[str, Any] | None = None,
        *,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.detail: dict[str, Any] = dict(detail or {})
        self.headers: dict[str, str] = dict(headers or {})


class ClientError(DictaError):
    """The request cannot be answered as sent; sending it again unchanged will fail again."""

    status = 400
    code = "bad_request"


class InvalidParameter(ClientError):
    """A query parameter or argument is malformed, out of range or unknown."""

    code = "invalid_parameter"


class InvalidPageSize(InvalidParameter):
    """``limit`` (REST) or ``first`` (GraphQL) is not a whole number within bounds."""

    code = "invalid_page_size"


class InvalidCursor(InvalidParameter):
    """A paging cursor that this API did not issue."""

    code = "invalid_cursor"


class InvalidId(InvalidParameter):
    """An id that is not a row id (REST) or a global id of the expected type (GraphQL)."""

    code = "invalid_id"


class InvalidFilter(InvalidParameter):
    """A filter or order that cannot be applied: an empty combination, a range whose bounds
    cross, a name with no letters in it, an order by relevance without a search…"""

    code = "invalid_filter"


class GraphQLValidationFailed(ClientError):
    """A GraphQL document that does not validate against the schema or its variables."""

    code = "graphql_validation_failed"


class GraphQLParseFailed(GraphQLValidationFailed):
    """A GraphQL document that is not syntactically valid."""

    code = "graphql_parse_failed"


class QueryTooDeep(GraphQLValidationFailed):
    """A GraphQL operation nested deeper than ``DICTA_GRAPHQL_MAX_DEPTH``."""

    code = "query_too_deep"


class QueryTooLarge(GraphQLValidationFailed):
    """A GraphQL document longer than ``DICTA_GRAPHQL_MAX_TOKENS`` tokens."""

    code = "query_too_large"


class TooManyAliases(GraphQLValidationFailed):
    """A GraphQL document with more than ``DICTA_GRAPHQL_MAX_ALIASES`` aliases."""

    code = "too_many_aliases"


class NotFound(ClientError):
    """No route, or no row, at what the request names."""

    status = 404
    code = "not_found"


class MethodNotAllowed(ClientError):
    """The route exists but does not answer this HTTP method."""

    status = 405
    code = "method_not_allowed"


class ServiceUnavailable(DictaError):
    """A dependency is down: retrying later may succeed."""

    status = 503
    code = "service_unavailable"


class DatabaseUnavailable(ServiceUnavailable):
    """The database did not answer."""

    code = "database_unavailable"


def as_dicta_error(
    exc: BaseException, *, production: bool, path: str = "", method: str = ""
) -> DictaError:
    """The API error that ``exc`` stands for; anything unforeseen becomes a masked 500."""
    if isinstance(exc, DictaError):
        return exc
    if isinstance(exc, HTTPException):
        return _from_http_exception(exc, path=path, method=method)
    if isinstance(exc, DATABASE_UNAVAILABLE_ERRORS):
        return DatabaseUnavailable(
            "the database did not answer; retry in a moment, and if this persists check "
            "that the server in DICTA_DATABASE_URL is running and reachable",
            {} if production else {"exception": _describe(exc)},
            headers={"Retry-After": "5"},
        )
    return DictaError(
        "an unexpected error occurred on the server and was logged; retry later, and report "
        "it to the maintainers with the request you sent if it persists",
        {} if production else {"exception": _describe(exc)},
    )


def _from_http_exception(exc: HTTPException, *, path: str, method: str) -> DictaError:
    headers = dict(exc.headers or {})
    if exc.status_code == 404:
        return NotFound(
            f"no route matches {path or 'this path'}: REST paths are listed at "
            "/api/v1/openapi.json, GraphQL is served at /graphql",
            {"path": path},
            headers=headers,
        )
    if exc.status_code == 405:
        # Starlette lists the methods of a set, in no fixed order
        listed = headers.pop("Allow", headers.pop("allow", "")).split(",")
        allowed = sorted(m.strip() for m in listed if m.strip())
        headers["Allow"] = ", ".join(allowed)
        return MethodNotAllowed(
            f"{method or 'this method'} is not allowed on {path or 'this path'}: use "
            f"{' or '.join(allowed) or 'another method'}",
            {"method": method, "allowed": allowed},
            headers=headers,
        )
    kind = ClientError if exc.status_code < 500 else DictaError
    error = kind(str(exc.detail), headers=headers)
    error.status = exc.status_code
    return error


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def error_body(error: DictaError) -> dict[str, Any]:
    """The one JSON error shape."""
    return {
        "error": {
            "status": error.status,
            "code": error.code,
            "message": error.message,
            "detail": error.detail,
        }
    }


def error_response(error: DictaError) -> Response:
    return Response(
        orjson.dumps(error_body(error)),
        status_code=error.status,
        media_type="application/json",
        headers=error.headers,
    )


def exception_handlers(*, production: bool) -> dict[Any, ExceptionHandler]:
    """Starlette handlers that answer every failure in the one error shape."""

    async def handle(request: Request, exc: Exception) -> Response:
        error = as_dicta_error(
            exc, production=production, path=request.url.path, method=request.method
        )
        if isinstance(error, ServiceUnavailable) and error is not exc:
            logger.warning("%s %s: %s", request.method, request.url.path, _describe(exc))
        return error_response(error)

    handlers: dict[Any, ExceptionHandler] = {
        HTTPException: handle,
        DictaError: handle,
        # ``Exception`` is served by Starlette's ServerErrorMiddleware, which answers with this
        # handler and then re-raises so that the server logs the traceback.
        Exception: handle,
    }
    for exc_class in DATABASE_UNAVAILABLE_ERRORS:
        handlers[exc_class] = handle
    return handlers
