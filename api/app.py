"""The application factory: GraphQL at /graphql, REST at /api/v1, health at /healthz, /readyz,
reads cached by data version (``api.cache``).

``uvicorn --factory api.app:create_app`` (what ``dicta serve`` runs) builds the database
engines from the environment (``Settings.from_env()``) and disposes of them on shutdown.
Tests pass their own sessionmaker, so that every request runs in the test's transaction.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Route

from api.cache import HttpCache
from api.errors import exception_handlers
from api.graphql import GraphQLApp, build_schema
from api.health import health_routes
from api.reads import ReadConnections
from api.rest import rest_mount
from schema.db import create_engine, session_factory
from schema.settings import Settings

__all__ = ["create_app"]


def create_app(
    settings: Settings | None = None,
    *,
    sessionmaker: async_sessionmaker[AsyncSession] | None = None,
    read_sessionmaker: async_sessionmaker[AsyncSession] | None = None,
) -> Starlette:
    """The ASGI application.

    ``sessionmaker`` is the primary database (default: an engine on
    ``settings.database_url``). ``read_sessionmaker`` serves the read queries, which today
    are all of them (default: an engine on ``settings.database_read_url`` when the primary
    comes from the settings too and a read URL is set, else the primary).
    """
    settings = settings or Settings.from_env()
    engines: list[AsyncEngine] = []

    if sessionmaker is None:
        engine = create_engine(settings.database_url)
        engines.append(engine)
        sessionmaker = session_factory(engine)
        if read_sessionmaker is None and settings.database_read_url:
            read_engine = create_engine(settings.database_read_url)
            engines.append(read_engine)
            read_sessionmaker = session_factory(read_engine)
    if read_sessionmaker is None:
        read_sessionmaker = sessionmaker

    reads = ReadConnections(read_sessionmaker)

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            reads.close()
            for owned in engines:
                await owned.dispose()

    graphql = GraphQLApp(
        build_schema(settings), sessions=read_sessionmaker, settings=settings, reads=reads
    )
    databases = (
        [sessionmaker] if read_sessionmaker is sessionmaker else [sessionmaker, read_sessionmaker]
    )
    middleware = (
        [Middleware(HttpCache, reads=reads, max_bytes=settings.response_cache_mb << 20)]
        if settings.http_cache
        else []
    )
    app = Starlette(
        middleware=middleware,
        routes=[
            Route("/graphql", graphql, name="graphql"),
            rest_mount(read_sessionmaker, reads),
            *health_routes(databases, production=settings.production),
        ],
        exception_handlers=exception_handlers(production=settings.production),
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.sessionmaker = sessionmaker
    app.state.read_sessionmaker = read_sessionmaker
    return app
