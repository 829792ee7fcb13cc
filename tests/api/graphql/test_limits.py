"""Query limits: depth, tokens and aliases (from Settings), each refused with its code; so are
documents that do not parse or validate."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from api.app import create_app
from schema.settings import Settings
from tests.api.conftest import BASE_URL, graphql

LIMITS = Settings(graphql_max_depth=3, graphql_max_tokens=40, graphql_max_aliases=2)


@pytest.fixture
async def limited(sessions: async_sessionmaker[AsyncSession]) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(LIMITS, sessionmaker=sessions)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL) as c:
        yield c


async def test_a_query_within_the_limits_runs(limited: httpx.AsyncClient) -> None:
    body = await graphql(limited, "{ statements(first: 1) { nodes { speaker { name } } } }")
    assert body == {"data": {"statements": {"nodes": []}}}


async def test_a_too_deep_query_is_refused(limited: httpx.AsyncClient) -> None:
    query = "query Deep { statements(first: 1) { nodes { speaker { statements(first: 1) { totalCount } } } } }"
    assert await graphql(limited, query) == {
        "data": None,
        "errors": [
            {
                "message": "'Deep' exceeds maximum operation depth of 3: nest fewer levels "
                "(DICTA_GRAPHQL_MAX_DEPTH), or split it into several queries",
                "locations": [{"line": 1, "column": 78}],
                "extensions": {"code": "query_too_deep"},
            }
        ],
    }


async def test_a_too_long_query_is_refused(limited: httpx.AsyncClient) -> None:
    fields = " ".join(["rowId"] * 40)
    body = await graphql(limited, f"{{ statements(first: 1) {{ nodes {{ {fields} }} }} }}")
    assert body["data"] is None
    [error] = body["errors"]
    assert error["extensions"] == {"code": "query_too_large"}
    assert error["message"] == (
        "Syntax Error: Document contains more than 40 tokens. Parsing aborted: send a shorter "
        "query (DICTA_GRAPHQL_MAX_TOKENS), or split it into several"
    )


async def test_too_many_aliases_are_refused(limited: httpx.AsyncClient) -> None:
    query = "{ a: outlets(first: 1) { totalCount } b: outlets(first: 1) { totalCount } c: outlets(first: 1) { totalCount } }"
    assert await graphql(limited, query) == {
        "data": None,
        "errors": [
            {
                "message": "3 aliases found. Allowed: 2: use fewer aliases "
                "(DICTA_GRAPHQL_MAX_ALIASES), or split it into several queries",
                "extensions": {"code": "too_many_aliases"},
            }
        ],
    }


async def test_default_limits_come_from_settings(client: httpx.AsyncClient) -> None:
    # statements > nodes > (attributions > statement) x 5 > rowId: 13 levels
    query = (
        "{ statements(first: 1) { nodes { "
        + "attributions { statement { " * 5
        + "rowId"
        + " } }" * 5
        + " } } }"
    )
    body = await graphql(client, query)
    assert [e["extensions"]["code"] for e in body["errors"]] == ["query_too_deep"]
    assert "maximum operation depth of 10" in body["errors"][0]["message"]


async def test_a_document_that_does_not_parse(client: httpx.AsyncClient) -> None:
    assert await graphql(client, "{ statements(first: 1) { nodes { rowId }") == {
        "data": None,
        "errors": [
            {
                "message": "Syntax Error: Expected Name, found <EOF>.",
                "locations": [{"line": 1, "column": 41}],
                "extensions": {"code": "graphql_parse_failed"},
            }
        ],
    }


async def test_an_unknown_field(client: httpx.AsyncClient) -> None:
    body = await graphql(client, "{ statements(first: 1) { nodes { quote } } }")
    assert body == {
        "data": None,
        "errors": [
            {
                "message": "Cannot query field 'quote' on type 'Statement'.",
                "locations": [{"line": 1, "column": 34}],
                "extensions": {"code": "graphql_validation_failed"},
            }
        ],
    }
