"""Root connections: keyset pages with first/after, pageInfo, totalCount, bounds on first."""

from __future__ import annotations

import httpx
import pytest

from tests.api.conftest import Sample, graphql

#: each root connection and the row ids the sample has for it
CONNECTIONS = {
    "statements": [1, 2],
    "attributions": [1, 2, 3],
    "actors": [1, 2],
    "locations": [1, 2, 3],
    "articles": [1, 2],
    "outlets": [1, 2],
}


async def test_first_page_and_the_next(client: httpx.AsyncClient, sample: Sample) -> None:
    query = """query ($after: String) { statements(first: 1, after: $after) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        nodes { rowId }
        edges { cursor node { id rowId } } } }"""
    assert await graphql(client, query) == {
        "data": {
            "statements": {
                "totalCount": 2,
                "pageInfo": {
                    "hasNextPage": True,
                    "hasPreviousPage": False,
                    "startCursor": "WzFd",
                    "endCursor": "WzFd",
                },
                "nodes": [{"rowId": 1}],
                "edges": [{"cursor": "WzFd", "node": {"id": "U3RhdGVtZW50OjE=", "rowId": 1}}],
            }
        }
    }
    assert await graphql(client, query, {"after": "WzFd"}) == {
        "data": {
            "statements": {
                "totalCount": 2,
                "pageInfo": {
                    "hasNextPage": False,
                    "hasPreviousPage": True,
                    "startCursor": "WzJd",
                    "endCursor": "WzJd",
                },
                "nodes": [{"rowId": 2}],
                "edges": [{"cursor": "WzJd", "node": {"id": "U3RhdGVtZW50OjI=", "rowId": 2}}],
            }
        }
    }


@pytest.mark.parametrize("field", list(CONNECTIONS))
async def test_walking_every_page_returns_every_row_once(
    client: httpx.AsyncClient, sample: Sample, field: str
) -> None:
    query = f"""query ($after: String) {{ {field}(first: 1, after: $after) {{
        totalCount pageInfo {{ hasNextPage endCursor }} nodes {{ rowId }} }} }}"""
    seen: list[int] = []
    after = None
    while True:
        page = (await graphql(client, query, {"after": after}))["data"][field]
        assert page["totalCount"] == len(CONNECTIONS[field])
        seen += [node["rowId"] for node in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == CONNECTIONS[field]


async def test_an_empty_page(client: httpx.AsyncClient, sample: Sample) -> None:
    query = (
        "{ outlets(first: 0) { totalCount nodes { rowId } pageInfo { hasNextPage endCursor } } }"
    )
    assert await graphql(client, query) == {
        "data": {
            "outlets": {
                "totalCount": 2,
                "nodes": [],
                "pageInfo": {"hasNextPage": True, "endCursor": None},
            }
        }
    }


async def test_first_above_100_is_refused_with_its_code(client: httpx.AsyncClient) -> None:
    assert await graphql(client, "{ statements(first: 101) { nodes { rowId } } }") == {
        "data": None,
        "errors": [
            {
                "message": "first must be between 0 and 100, got 101: ask for at most 100 "
                "and fetch the next page with after: <pageInfo.endCursor>",
                "locations": [{"line": 1, "column": 3}],
                "path": ["statements"],
                "extensions": {
                    "code": "invalid_page_size",
                    "detail": {"parameter": "first", "value": 101, "min": 0, "max": 100},
                },
            }
        ],
    }


async def test_nested_first_is_bounded_too(client: httpx.AsyncClient, sample: Sample) -> None:
    body = await graphql(
        client, "{ actors(first: 1) { nodes { statements(first: -1) { totalCount } } } }"
    )
    assert [e["extensions"]["code"] for e in body["errors"]] == ["invalid_page_size"]
    assert body["errors"][0]["path"] == ["actors", "nodes", 0, "statements"]


async def test_first_is_required(client: httpx.AsyncClient) -> None:
    body = await graphql(client, "{ statements { nodes { rowId } } }")
    assert body == {
        "data": None,
        "errors": [
            {
                "message": "Argument 'Query.statements(first:)' of type 'Int!' is required, "
                "but it was not provided.",
                "locations": [{"line": 1, "column": 3}],
                "extensions": {"code": "graphql_validation_failed"},
            }
        ],
    }


async def test_a_cursor_the_api_did_not_issue_is_refused(client: httpx.AsyncClient) -> None:
    body = await graphql(client, '{ outlets(first: 5, after: "not-a-cursor") { totalCount } }')
    assert body["data"] is None
    assert body["errors"][0]["extensions"] == {
        "code": "invalid_cursor",
        "detail": {"parameter": "after", "value": "not-a-cursor"},
    }
    assert body["errors"][0]["message"].startswith("after 'not-a-cursor' is not a cursor")
