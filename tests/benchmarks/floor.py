"""The floor for the API benchmark: the rows of scenario (a) fetched with one hand-written SQL
query through the same driver, serialised with orjson behind a bare Starlette endpoint.

    python -m tests.benchmarks.floor --db URL --port 8100

``GET /floor?first=50`` answers with the same JSON document as the GraphQL query
``STATEMENTS_QUERY`` in ``tests.benchmarks.scenarios``: nothing a real API could do for that
request is cheaper than this, so our throughput divided by this one's is the ``floor_ratio``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
from collections.abc import AsyncIterator
from typing import Any

import orjson
import uvicorn
from sqlalchemy.engine import make_url
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

# One statement: the page of statements, each joined to its speaker, its attributions with
# their article and outlet, and (in the same result, marked by `part`) its mentioned places.
FLOOR_SQL = """
WITH page AS (
    SELECT id, text, kind, said_on, speaker_id FROM statement ORDER BY id LIMIT $1
)
SELECT 'a' AS part, page.id, page.text, page.kind, page.said_on,
       sp.id AS speaker_id, sp.name AS speaker_name, sp.kind AS speaker_kind,
       at.id AS a_id, at.content, at.kind AS a_kind, at.said_on AS a_said_on,
       ar.id AS article_id, ar.title, ar.url, ar.published_on,
       o.id AS outlet_id, o.name AS outlet_name,
       NULL AS loc_id, NULL AS loc_name, NULL AS loc_kind
FROM page
LEFT JOIN actor sp ON sp.id = page.speaker_id
LEFT JOIN attribution at ON at.statement_id = page.id
LEFT JOIN article ar ON ar.id = at.article_id
LEFT JOIN outlet o ON o.id = ar.outlet_id
UNION ALL
SELECT 'l', page.id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
       NULL, NULL, NULL, NULL, NULL, NULL, l.id, l.name, l.kind
FROM page
JOIN statement_location sl ON sl.statement_id = page.id
JOIN location l ON l.id = sl.location_id
ORDER BY 2, 1, 9, 19
"""


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def shape(rows: list[Any]) -> dict[str, Any]:
    """Group the flat rows into the GraphQL response document."""
    statements: dict[int, dict[str, Any]] = {}
    for (
        part,
        sid,
        text,
        kind,
        said_on,
        speaker_id,
        speaker_name,
        _speaker_kind,
        a_id,
        content,
        _a_kind,
        a_said_on,
        article_id,
        title,
        url,
        published_on,
        outlet_id,
        outlet_name,
        loc_id,
        loc_name,
        _loc_kind,
    ) in rows:
        node = statements.get(sid)
        if node is None:
            node = statements[sid] = {
                "rowId": sid,
                "text": None,
                "kind": None,
                "saidOn": None,
                "speaker": None,
                "attributions": [],
                "mentionedLocations": [],
            }
        if part == "a":
            node["text"] = text
            node["kind"] = str(kind).upper()
            node["saidOn"] = _iso(said_on)
            if speaker_id is not None:
                node["speaker"] = {"rowId": speaker_id, "name": speaker_name}
            if a_id is not None:
                node["attributions"].append(
                    {
                        "rowId": a_id,
                        "content": content,
                        "saidOn": _iso(a_said_on),
                        "article": {
                            "rowId": article_id,
                            "title": title,
                            "url": url,
                            "publishedOn": _iso(published_on),
                            "outlet": None
                            if outlet_id is None
                            else {"rowId": outlet_id, "name": outlet_name},
                        },
                    }
                )
        else:
            node["mentionedLocations"].append({"rowId": loc_id, "name": loc_name})
    return {"data": {"statements": {"nodes": list(statements.values())}}}


class SQLiteConnections:
    """A fixed set of aiosqlite connections handed out one request at a time."""

    def __init__(self, path: str, size: int = 5) -> None:
        self.path, self.size = path, size
        self.free: asyncio.Queue[Any] = asyncio.Queue()

    async def open(self) -> None:
        import aiosqlite

        for _ in range(self.size):
            self.free.put_nowait(await aiosqlite.connect(self.path))

    async def fetch(self, sql: str, *args: Any) -> list[Any]:
        conn = await self.free.get()
        try:
            async with conn.execute(sql.replace("$1", "?"), args) as cursor:
                return list(await cursor.fetchall())
        finally:
            self.free.put_nowait(conn)

    async def close(self) -> None:
        while not self.free.empty():
            await self.free.get_nowait().close()


def create_floor_app(database_url: str) -> Starlette:
    """The floor over the database at ``database_url``, talking to its driver directly."""
    url = make_url(database_url)
    state: dict[str, Any] = {}

    async def fetch(first: int) -> list[Any]:
        if "pg" in state:
            return list(await state["pg"].fetch(FLOOR_SQL, first))
        return await state["sqlite"].fetch(FLOOR_SQL, first)

    async def floor(request: Request) -> Response:
        first = min(100, int(request.query_params.get("first", "50")))
        return Response(orjson.dumps(shape(await fetch(first))), media_type="application/json")

    async def healthz(_request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        if url.get_backend_name() == "postgresql":
            import asyncpg

            dsn = url.set(drivername="postgresql").render_as_string(hide_password=False)
            state["pg"] = await asyncpg.create_pool(dsn, min_size=2, max_size=10)
        else:
            state["sqlite"] = SQLiteConnections(url.database or "")
            await state["sqlite"].open()
        yield
        if "pg" in state:
            await state["pg"].close()
        else:
            await state["sqlite"].close()

    return Starlette(routes=[Route("/floor", floor), Route("/healthz", healthz)], lifespan=lifespan)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8100)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    if args.workers == 1:
        uvicorn.run(create_floor_app(args.db), host=args.host, port=args.port, log_level="warning")
    else:
        import os

        os.environ["DICTA_FLOOR_DB"] = args.db
        uvicorn.run(
            "tests.benchmarks.floor:_factory",
            factory=True,
            host=args.host,
            port=args.port,
            workers=args.workers,
            log_level="warning",
        )


def _factory() -> Starlette:
    import os

    return create_floor_app(os.environ["DICTA_FLOOR_DB"])


if __name__ == "__main__":
    main()
