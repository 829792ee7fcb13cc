"""The /graphql endpoint: GET and POST, GraphiQL outside production, and requests it cannot
read answered in GraphQL's error envelope with a code."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from api import repository
from api.app import create_app
from schema.settings import Settings
from tests.api.conftest import BASE_URL, Sample

HTML = {"accept": "text/html"}


async def test_queries_by_get_and_post(client: httpx.AsyncClient, sample: Sample) -> None:
    query = "{ outlets(first: 1) { nodes { name } } }"
    expected = {"data": {"outlets": {"nodes": [{"name": "Al-Monitor"}]}}}
    assert (await client.get("/graphql", params={"query": query})).json() == expected
    assert (await client.post("/graphql", json={"query": query})).json() == expected


async def test_graphiql_in_development(client: httpx.AsyncClient) -> None:
    response = await client.get("/graphql", headers=HTML)
    assert response.status_code == 200
    assert "graphiql" in response.text.lower()


async def test_no_graphiql_in_production(sessions: async_sessionmaker[AsyncSession]) -> None:
    app = create_app(Settings(environment="production"), sessionmaker=sessions)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as client:
        response = await client.get("/graphql", headers=HTML)
    assert response.status_code == 404
    assert response.json()["errors"][0]["extensions"] == {"code": "not_found"}


async def test_a_body_that_is_not_json(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/graphql", content=b"{query", headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json() == {
        "errors": [
            {
                "message": "Unable to parse request body as JSON: send a POST with a JSON body "
                '{"query": "...", "variables": {...}}, or a GET with ?query=...',
                "extensions": {"code": "bad_request"},
            }
        ]
    }


async def test_an_http_method_graphql_does_not_take(client: httpx.AsyncClient) -> None:
    response = await client.put("/graphql", json={"query": "{ __typename }"})
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, POST"
    assert response.json()["errors"][0]["extensions"] == {"code": "method_not_allowed"}


async def test_an_unexpected_failure_is_masked_in_production(
    sessions: async_sessionmaker[AsyncSession], monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(*_args: object, **_kwargs: object) -> int:
        raise RuntimeError("secret table name")

    monkeypatch.setattr(repository, "count", broken)
    # the resolvers' path: the compiled one counts without the repository
    settings = Settings(environment="production", graphql_compiled=False)
    app = create_app(settings, sessionmaker=sessions)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as client:
        body = (
            await client.post("/graphql", json={"query": "{ outlets(first: 1) { totalCount } }"})
        ).json()
    assert body == {
        "data": None,
        "errors": [
            {
                "message": "an unexpected error occurred on the server and was logged; retry "
                "later, and report it to the maintainers with the request you sent if it "
                "persists",
                "locations": [{"line": 1, "column": 23}],
                "path": ["outlets", "totalCount"],
                "extensions": {"code": "internal_error"},
            }
        ],
    }
