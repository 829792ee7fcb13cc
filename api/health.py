"""``/healthz``: the process answers. ``/readyz``: so does every database it reads and writes."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from api import repository
from api.errors import DATABASE_UNAVAILABLE_ERRORS, DatabaseUnavailable
from api.rest.views import json_response

__all__ = ["READY_TIMEOUT_SECONDS", "health_routes"]

#: how long /readyz waits for SELECT 1 before it calls the database unreachable
READY_TIMEOUT_SECONDS = 5.0


async def healthz(_request: Request) -> Response:
    return json_response({"status": "ok"})


def health_routes(
    databases: Sequence[async_sessionmaker[AsyncSession]], *, production: bool
) -> list[Route]:
    async def readyz(_request: Request) -> Response:
        for sessions in databases:
            try:
                async with asyncio.timeout(READY_TIMEOUT_SECONDS), sessions() as session:
                    await repository.ping(session)
            except DATABASE_UNAVAILABLE_ERRORS as exc:
                raise DatabaseUnavailable(
                    "the database did not answer SELECT 1 within "
                    f"{READY_TIMEOUT_SECONDS:g} s: check that the server in "
                    "DICTA_DATABASE_URL (and DICTA_DATABASE_READ_URL) is running and reachable",
                    {} if production else {"exception": f"{type(exc).__name__}: {exc}"},
                    headers={"Retry-After": "5"},
                ) from exc
        return json_response({"status": "ok"})

    return [
        Route("/healthz", healthz, methods=["GET"]),
        Route("/readyz", readyz, methods=["GET"]),
    ]
