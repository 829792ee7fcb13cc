"""The ASGI view serving /graphql: the compiled path for the queries it serves (see
``api.graphql.compiled``), else one session and one set of DataLoaders per request; orjson,
error codes on every error, and GraphiQL outside production."""

from __future__ import annotations

from typing import Any

import orjson
import strawberry
from cross_web import HTTPException
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse
from strawberry.schema import BaseSchema
from strawberry.types import ExecutionResult

from api.errors import ClientError, DictaError, MethodNotAllowed, NotFound
from api.graphql.compiled import CompiledQueries
from api.graphql.context import Context
from api.graphql.errors import format_error
from api.graphql.loaders import Loaders, RequestDb
from api.reads import ReadConnections
from schema.settings import Settings

__all__ = ["GraphQLApp"]

_TRANSPORT_ERRORS: dict[int, type[DictaError]] = {404: NotFound, 405: MethodNotAllowed}
_HOW_TO_ASK = (
    'send a POST with a JSON body {"query": "...", "variables": {...}}, or a GET with ?query=...'
)


class GraphQLApp(GraphQL[Context, None]):
    def __init__(
        self,
        schema: BaseSchema,
        *,
        sessions: async_sessionmaker[AsyncSession],
        settings: Settings,
        reads: ReadConnections | None = None,
    ) -> None:
        super().__init__(schema, graphql_ide=None if settings.production else "graphiql")
        self.sessions = sessions
        self.settings = settings
        self.compiled = (
            CompiledQueries(schema, reads or ReadConnections(sessions))
            if settings.graphql_compiled and isinstance(schema, strawberry.Schema)
            else None
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        if self.compiled is not None:
            body = await self.compiled.serve(request)
            if body is not None:
                await Response(body, media_type="application/json")(scope, receive, send)
                return
        context = await self.get_context(request, Response())
        try:
            response = await self.run(request, context=context)
        except HTTPException as exc:
            response = self._transport_error(exc)
        finally:
            await context.db.session.close()
        await response(scope, receive, send)

    async def get_context(self, request: Request | WebSocket, response: Any) -> Context:
        """A new session (it connects on first use) and fresh DataLoaders for each request."""
        db = RequestDb(self.sessions())
        return Context(request=request, db=db, loaders=Loaders(db), settings=self.settings)

    def encode_json(self, data: object) -> bytes:
        return orjson.dumps(data)

    def decode_json(self, data: str | bytes) -> object:
        return orjson.loads(data)

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        response: GraphQLHTTPResponse = {"data": result.data}
        if result.errors:
            production = self.settings.production
            response["errors"] = [format_error(e, production=production) for e in result.errors]
        if result.extensions:
            response["extensions"] = result.extensions
        return response

    def _transport_error(self, exc: HTTPException) -> Response:
        """A request GraphQL cannot even read, answered in GraphQL's error envelope."""
        kind = _TRANSPORT_ERRORS.get(exc.status_code, ClientError)
        error = kind(f"{exc.reason.rstrip('.')}: {_HOW_TO_ASK}")
        headers = {"Allow": "GET, POST"} if exc.status_code == 405 else {}
        body = {"errors": [{"message": error.message, "extensions": {"code": error.code}}]}
        return Response(
            orjson.dumps(body),
            status_code=exc.status_code,
            media_type="application/json",
            headers=headers,
        )
