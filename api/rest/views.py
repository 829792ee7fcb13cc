"""REST endpoints: a keyset-paged list and a by-id item per resource."""

from __future__ import annotations

from typing import Any

import orjson
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from api.errors import NotFound
from api.pagination import encode_cursor
from api.rest.params import check_known, parse_list_params, parse_row_id
from api.rest.resources import RESOURCES, Resource

__all__ = ["json_response", "resource_routes"]


def json_response(body: Any, status_code: int = 200) -> Response:
    # SQLite gives naive UTC date-times: print them with their offset, as PostgreSQL's are.
    return Response(
        orjson.dumps(body, option=orjson.OPT_NAIVE_UTC),
        status_code=status_code,
        media_type="application/json",
    )


class ResourceViews:
    def __init__(self, resource: Resource, sessions: async_sessionmaker[AsyncSession]) -> None:
        self.resource = resource
        self.sessions = sessions

    async def list(self, request: Request) -> Response:
        limit, after = parse_list_params(request.query_params)
        async with self.sessions() as session:
            page = await self.resource.list_rows(session, limit, after)
            data = [self.resource.to_json(row) for row in page.rows]
        next_cursor = encode_cursor(page.rows[-1].id) if page.has_next else None
        next_url = (
            str(request.url.include_query_params(limit=limit, cursor=next_cursor))
            if next_cursor
            else None
        )
        return json_response(
            {"data": data, "next_cursor": next_cursor, "links": {"next": next_url}}
        )

    async def item(self, request: Request) -> Response:
        check_known(request.query_params, ())
        resource = self.resource
        row_id = parse_row_id(request.path_params["id"], resource=resource.name, path=resource.path)
        async with self.sessions() as session:
            row = await resource.get_row(session, row_id)
            if row is None:
                raise NotFound(
                    f"there is no {resource.name} with id {row_id}: list {resource.path} at "
                    f"/api/v1/{resource.path} to find the ids there are",
                    {"resource": resource.name, "id": row_id},
                )
            data = resource.to_json(row)
        return json_response({"data": data})


def resource_routes(sessions: async_sessionmaker[AsyncSession]) -> list[BaseRoute]:
    """List and by-id routes of every resource, relative to /api/v1."""
    routes: list[BaseRoute] = []
    for resource in RESOURCES:
        views = ResourceViews(resource, sessions)
        routes.append(Route(f"/{resource.path}", views.list, methods=["GET"], name=resource.path))
        routes.append(
            Route(f"/{resource.path}/{{id}}", views.item, methods=["GET"], name=resource.name)
        )
    return routes
