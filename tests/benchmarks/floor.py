"""The floor for the API benchmark: the rows of scenario (a) fetched with one hand-written SQL
query through the same driver, serialised with orjson behind a bare Starlette endpoint.

    python -m tests.benchmarks.floor --db URL --port 8100

``GET /floor?first=50`` answers with the same JSON document as the GraphQL query
``STATEMENTS_QUERY`` in ``tests.benchmarks.scenarios``: nothing a real API could do for that
request is cheaper than this, so our throughput divided by this one's is the ``floor_ratio``.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
from collections.abc import AsyncIterator
from typing import Any

import orjson
import uvicorn
from sqlalchemy import text
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from schema.db import create_engine

# One statement: the page of statements, each joined to its speaker, its attributions with
# their article and outlet, and (in the same result, marked by `part`) its mentioned places.
FLOOR_SQL = """
WITH page AS (
    SELECT id, text, kind, said_on, speaker_id FROM statement ORDER BY id LIMIT :first
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
    for r in rows:
        node = statements.get(r.id)
        if node is None:
            node = statements[r.id] = {
                "rowId": r.id,
                "text": None,
                "kind": None,
                "saidOn": None,
                "speaker": None,
                "attributions": [],
                "mentionedLocations": [],
            }
        if r.part == "a":
            node["text"] = r.text
            node["kind"] = str(r.kind).upper()
            node["saidOn"] = _iso(r.said_on)
            if r.speaker_id is not None:
                node["speaker"] = {"rowId": r.speaker_id, "name": r.speaker_name}
            if r.a_id is not None:
                node["attributions"].append(
                    {
                        "rowId": r.a_id,
                        "content": r.content,
                        "saidOn": _iso(r.a_said_on),
                        "article": {
                            "rowId": r.article_id,
                            "title": r.title,
                            "url": r.url,
                            "publishedOn": _iso(r.published_on),
                            "outlet": None
                            if r.outlet_id is None
                            else {"rowId": r.outlet_id, "name": r.outlet_name},
                        },
                    }
                )
        else:
            node["mentionedLocations"].append({"rowId": r.loc_id, "name": r.loc_name})
    return {"data": {"statements": {"nodes": list(statements.values())}}}


def create_floor_app(database_url: str) -> Starlette:
    engine = create_engine(database_url)
    query = text(FLOOR_SQL)

    async def floor(request: Request) -> Response:
        first = min(100, int(request.query_params.get("first", "50")))
        async with engine.connect() as conn:
            rows = (await conn.execute(query, {"first": first})).all()
        return Response(orjson.dumps(shape(rows)), media_type="application/json")

    async def healthz(_request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        yield
        await engine.dispose()

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
