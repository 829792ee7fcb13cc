"""REST at /api/v1: JSON lists and items of the six resources, and their OpenAPI description."""

from __future__ import annotations

import orjson
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route

from api.reads import ReadConnections
from api.rest.openapi import openapi_document
from api.rest.research import research_routes
from api.rest.views import resource_routes

__all__ = ["rest_mount"]


def rest_mount(
    sessions: async_sessionmaker[AsyncSession], reads: ReadConnections | None = None
) -> Mount:
    document = orjson.dumps(openapi_document())

    async def openapi(_request: Request) -> Response:
        return Response(document, media_type="application/json")

    routes = [
        Route("/openapi.json", openapi, methods=["GET"]),
        *research_routes(sessions),
        *resource_routes(sessions, reads),
    ]
    return Mount("/api/v1", routes=routes)
