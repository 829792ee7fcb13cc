"""The GraphQL schema: the root query, the query limits, parse and validation caches, and UTC
date-times."""

from __future__ import annotations

import datetime as dt
from functools import cache, partial

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext
from strawberry.utils.logging import StrawberryLogger

from api.graphql.errors import as_api_error
from api.graphql.query import Query
from schema.settings import Settings

__all__ = ["build_schema", "print_sdl"]


def _serialize_datetime(value: dt.datetime) -> str:
    # SQLite hands back naive UTC values, PostgreSQL aware ones: both print with an offset.
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.isoformat()


DateTime = strawberry.scalar(
    name="DateTime",
    description="An ISO 8601 date-time with its UTC offset.",
    serialize=_serialize_datetime,
    parse_value=dt.datetime.fromisoformat,
)


class DictaSchema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        """Log unexpected failures only: client errors are answered, not logged."""
        for error in errors:
            if as_api_error(error, production=True).status >= 500:
                StrawberryLogger.error(error, execution_context)


def build_schema(settings: Settings | None = None) -> strawberry.Schema:
    """The schema with the query limits of ``settings``; built once per set of limits."""
    settings = settings or Settings()
    return _schema(
        settings.graphql_max_depth, settings.graphql_max_tokens, settings.graphql_max_aliases
    )


#: documents whose parse and validation each process keeps (validation is most of the cost
#: of a small query through the resolvers)
DOCUMENT_CACHE_SIZE = 512


@cache
def _schema(max_depth: int, max_tokens: int, max_aliases: int) -> strawberry.Schema:
    # The limiters' rules are made once, so that every request validates with the same rules
    # and the validation cache (keyed by document and rules) holds across requests.
    limits = (
        *QueryDepthLimiter(max_depth=max_depth).validation_rules,
        *MaxAliasesLimiter(max_alias_count=max_aliases).validation_rules,
    )
    return DictaSchema(
        query=Query,
        extensions=[
            partial(AddValidationRules, list(limits)),
            partial(MaxTokensLimiter, max_token_count=max_tokens),
            partial(ParserCache, maxsize=DOCUMENT_CACHE_SIZE),
            partial(ValidationCache, maxsize=DOCUMENT_CACHE_SIZE),
        ],
        config=StrawberryConfig(scalar_map={dt.datetime: DateTime}),
    )


def print_sdl() -> str:
    """The schema in SDL, as checked in at ``schema.graphql``."""
    return str(build_schema()) + "\n"
