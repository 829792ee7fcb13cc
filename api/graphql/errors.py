"""GraphQL errors carry ``extensions.code`` (and ``extensions.detail`` when there is one).

Resolvers raise ``api.errors`` exceptions; errors the GraphQL engine makes itself (syntax,
validation, the depth/token/alias limits) get the code of the matching class there.
"""

from __future__ import annotations

from typing import Any

from graphql import GraphQLError, GraphQLSyntaxError

from api.errors import (
    DictaError,
    GraphQLParseFailed,
    GraphQLValidationFailed,
    QueryTooDeep,
    QueryTooLarge,
    TooManyAliases,
    as_dicta_error,
)

__all__ = ["as_api_error", "format_error"]

# What strawberry's limiters say (MaxTokensLimiter through graphql-core's parser).
_LIMITS: tuple[tuple[str, type[GraphQLValidationFailed], str], ...] = (
    (
        "exceeds maximum operation depth",
        QueryTooDeep,
        "nest fewer levels (DICTA_GRAPHQL_MAX_DEPTH), or split it into several queries",
    ),
    (
        "aliases found. Allowed",
        TooManyAliases,
        "use fewer aliases (DICTA_GRAPHQL_MAX_ALIASES), or split it into several queries",
    ),
    (
        "Document contains more than",
        QueryTooLarge,
        "send a shorter query (DICTA_GRAPHQL_MAX_TOKENS), or split it into several",
    ),
)


def as_api_error(error: GraphQLError, *, production: bool) -> DictaError:
    """The API error a GraphQL error stands for."""
    if error.original_error is not None:
        return as_dicta_error(error.original_error, production=production)
    for marker, kind, hint in _LIMITS:
        if marker in error.message:
            return kind(f"{error.message.rstrip('.')}: {hint}")
    if isinstance(error, GraphQLSyntaxError):
        return GraphQLParseFailed(error.message)
    if error.path is None:
        return GraphQLValidationFailed(error.message)
    return as_dicta_error(error, production=production)


def format_error(error: GraphQLError, *, production: bool) -> dict[str, Any]:
    """The error as the response lists it, with its code. An unexpected failure gets the
    generic message; its exception shows in ``detail`` outside production only."""
    api_error = as_api_error(error, production=production)
    formatted: dict[str, Any] = {"message": api_error.message}
    if error.locations is not None:
        formatted["locations"] = [loc.formatted for loc in error.locations]
    if error.path is not None:
        formatted["path"] = error.path
    extensions: dict[str, Any] = {**(error.extensions or {}), "code": api_error.code}
    if api_error.detail:
        extensions["detail"] = api_error.detail
    formatted["extensions"] = extensions
    return formatted
