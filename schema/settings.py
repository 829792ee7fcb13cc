"""Settings read from the environment (``DICTA_*``), with defaults for the embedded setup."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///dicta.db"


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ValueError(f"{name} must be an integer, got {value!r}") from exc


@dataclass(frozen=True)
class Settings:
    #: where the data lives: sqlite+aiosqlite:///path.db or postgresql+asyncpg://...
    database_url: str = DEFAULT_DATABASE_URL
    #: optional read replica used for read-only queries
    database_read_url: str | None = None
    #: "production" hides GraphiQL and error details
    environment: str = "development"
    #: hard cap on rows in one streamed export
    export_max_rows: int = 1_000_000
    #: GraphQL limits
    graphql_max_depth: int = 10
    graphql_max_tokens: int = 2000
    graphql_max_aliases: int = 30
    #: serve the queries it can by compiled SQL (``api.graphql.compiled``); off: resolvers only
    graphql_compiled: bool = True
    #: ETags and 304s keyed by the data version (``api.cache``)
    http_cache: bool = True
    #: responses kept per process, in MB (0: none)
    response_cache_mb: int = 64
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def production(self) -> bool:
        return self.environment == "production"

    @classmethod
    def from_env(cls) -> Settings:
        return cls(
            database_url=os.environ.get("DICTA_DATABASE_URL") or DEFAULT_DATABASE_URL,
            database_read_url=os.environ.get("DICTA_DATABASE_READ_URL") or None,
            environment=os.environ.get("DICTA_ENV", "development"),
            export_max_rows=_env_int("DICTA_EXPORT_MAX_ROWS", 1_000_000),
            graphql_max_depth=_env_int("DICTA_GRAPHQL_MAX_DEPTH", 10),
            graphql_max_tokens=_env_int("DICTA_GRAPHQL_MAX_TOKENS", 2000),
            graphql_max_aliases=_env_int("DICTA_GRAPHQL_MAX_ALIASES", 30),
            graphql_compiled=_env_bool("DICTA_GRAPHQL_COMPILED", True),
            http_cache=_env_bool("DICTA_HTTP_CACHE", True),
            response_cache_mb=_env_int("DICTA_RESPONSE_CACHE_MB", 64),
        )
