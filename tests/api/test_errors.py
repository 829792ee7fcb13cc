"""One error body for every 4xx and 5xx the HTTP API answers, pinned here in full."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.applications import Starlette

from api import repository
from api.app import create_app
from api.errors import DictaError, InvalidPageSize, NotFound, as_dicta_error, error_body
from schema.db import create_engine, session_factory
from schema.settings import Settings
from tests.api.conftest import BASE_URL

CASES: list[tuple[str, str, int, dict[str, Any]]] = [
    (
        "GET",
        "/api/v1/speeches",
        404,
        {
            "error": {
                "status": 404,
                "code": "not_found",
                "message": "no route matches /api/v1/speeches: REST paths are listed at "
                "/api/v1/openapi.json, GraphQL is served at /graphql",
                "detail": {"path": "/api/v1/speeches"},
            }
        },
    ),
    (
        "GET",
        "/api/v1/statements/12345",
        404,
        {
            "error": {
                "status": 404,
                "code": "not_found",
                "message": "there is no statement with id 12345: list statements at "
                "/api/v1/statements to find the ids there are",
                "detail": {"resource": "statement", "id": 12345},
            }
        },
    ),
    (
        "GET",
        "/api/v1/statements?limit=5000",
        400,
        {
            "error": {
                "status": 400,
                "code": "invalid_page_size",
                "message": "limit must be a whole number from 1 to 1000, got '5000': leave it "
                "out for 50 rows a page, and follow links.next for more",
                "detail": {"parameter": "limit", "value": "5000", "min": 1, "max": 1000},
            }
        },
    ),
    (
        "GET",
        "/api/v1/actors?cursor=page2",
        400,
        {
            "error": {
                "status": 400,
                "code": "invalid_cursor",
                "message": "cursor 'page2' is not a cursor this API issued: pass the value of "
                "a previous page's next_cursor (REST) or pageInfo.endCursor (GraphQL) "
                "unchanged, or leave cursor out to start at the first page",
                "detail": {"parameter": "cursor", "value": "page2"},
            }
        },
    ),
    (
        "GET",
        "/api/v1/locations/Baghdad",
        400,
        {
            "error": {
                "status": 400,
                "code": "invalid_id",
                "message": "'Baghdad' is not a location id: ids are whole numbers, as in "
                "/api/v1/locations/1; list locations at /api/v1/locations to find them",
                "detail": {"id": "Baghdad", "resource": "location"},
            }
        },
    ),
    (
        "DELETE",
        "/api/v1/statements/1",
        405,
        {
            "error": {
                "status": 405,
                "code": "method_not_allowed",
                "message": "DELETE is not allowed on /api/v1/statements/1: use GET or HEAD",
                "detail": {"method": "DELETE", "allowed": ["GET", "HEAD"]},
            }
        },
    ),
]


@pytest.mark.parametrize(("method", "path", "status", "body"), CASES, ids=[c[1] for c in CASES])
async def test_error_shape(
    client: httpx.AsyncClient, method: str, path: str, status: int, body: dict[str, Any]
) -> None:
    response = await client.request(method, path)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    assert response.json() == body


async def test_405_says_which_methods_are_allowed(client: httpx.AsyncClient) -> None:
    response = await client.post("/healthz")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD"


async def test_an_unexpected_failure_is_a_500_in_the_same_shape(
    sessions: async_sessionmaker[AsyncSession], monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("the disk is on fire")

    # (an item: plain list pages are written by the database, without the repository)
    monkeypatch.setattr(repository, "get", broken)
    for production, detail in [
        (False, {"exception": "RuntimeError: the disk is on fire"}),
        (True, {}),
    ]:
        app = create_app(
            Settings(environment="production" if production else "development"),
            sessionmaker=sessions,
        )
        # Starlette answers, then re-raises for the server to log: let the client see the answer
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as client:
            response = await client.get("/api/v1/outlets/1")
        assert response.status_code == 500
        assert response.json() == {
            "error": {
                "status": 500,
                "code": "internal_error",
                "message": "an unexpected error occurred on the server and was logged; retry "
                "later, and report it to the maintainers with the request you sent if it "
                "persists",
                "detail": detail,
            }
        }


@pytest.fixture
async def unreachable(tmp_path: object) -> AsyncIterator[Starlette]:
    engine = create_engine("sqlite+aiosqlite:////nonexistent-dicta-dir/dicta.db")
    try:
        yield create_app(Settings(environment="production"), sessionmaker=session_factory(engine))
    finally:
        await engine.dispose()


async def test_an_unreachable_database_is_a_503(unreachable: Starlette) -> None:
    transport = httpx.ASGITransport(app=unreachable)
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as client:
        response = await client.get("/api/v1/statements")
        ready = await client.get("/readyz")
        graphql = await client.post(
            "/graphql", json={"query": "{ outlets(first: 1) { totalCount } }"}
        )
    assert response.status_code == 503
    assert response.headers["retry-after"] == "5"
    assert response.json() == {
        "error": {
            "status": 503,
            "code": "database_unavailable",
            "message": "the database did not answer; retry in a moment, and if this persists "
            "check that the server in DICTA_DATABASE_URL is running and reachable",
            "detail": {},
        }
    }
    assert ready.status_code == 503
    assert ready.json()["error"]["code"] == "database_unavailable"
    assert graphql.json()["errors"][0]["extensions"] == {"code": "database_unavailable"}


def test_domain_errors_carry_their_status_and_code() -> None:
    error = InvalidPageSize("too many", {"max": 1000})
    assert (error.status, error.code) == (400, "invalid_page_size")
    assert error_body(error) == {
        "error": {
            "status": 400,
            "code": "invalid_page_size",
            "message": "too many",
            "detail": {"max": 1000},
        }
    }
    assert isinstance(NotFound("x"), DictaError)
    assert as_dicta_error(error, production=True) is error
