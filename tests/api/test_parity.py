"""GraphQL and REST return the same rows, in the same order, for the same filter: each pair
below is walked page by page through both (small pages, so that cursors are exercised) and
the row ids compared, with the exact count and totalCount."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from tests.api.conftest import graphql
from tests.api.corpus import build_corpus

pytestmark = pytest.mark.usefixtures("corpus")


@pytest.fixture
async def corpus(session: AsyncSession) -> None:
    await build_corpus(session)


#: (GraphQL arguments, REST parameters) that say the same thing
EQUIVALENT: list[tuple[str, dict[str, Any]]] = [
    ("", {}),
    (
        'filter: {speaker: {name: {eq: "Sudani"}}}, orderBy: {by: SAID_ON}',
        {"speaker": "Sudani", "order": "said_on"},
    ),
    (
        'filter: {and: [{speaker: {name: {eq: "Sudani"}}}, {saidOn: {gte: "2023-01-01"}}]}',
        {"speaker": "Sudani", "said_from": "2023-01-01"},
    ),
    ('filter: {within: {name: {eq: "Anbar"}}}', {"location_within": "Anbar"}),
    (
        "filter: {within: {id: {eq: 1}}}, orderBy: {by: PUBLISHED, direction: DESC}",
        {"location_within": "1", "order": "-published"},
    ),
    (
        "filter: {minOutlets: 2}, orderBy: {by: REPORTS, direction: DESC}",
        {"min_outlets": "2", "order": "-reports"},
    ),
    (
        "filter: {dateConflict: false}, orderBy: {by: SAID_ON, direction: DESC}",
        {"date_conflict": "false", "order": "-said_on"},
    ),
    (
        'filter: {kind: {in: [DIRECT, MIXED]}, language: {eq: "en"}}',
        {"kind": "direct,mixed", "language": "en"},
    ),
    ("filter: {outlet: {eq: 2}, mentions: {id: {eq: 3}}}", {"outlet": "2", "mentions": "3"}),
    (
        'filter: {publishedOn: {gte: "2023-01-01", lte: "2023-12-31"}}, orderBy: {by: PUBLISHED}',
        {"published_from": "2023-01-01", "published_to": "2023-12-31", "order": "published"},
    ),
    (
        'search: "foreign forces", orderBy: {by: RELEVANCE}',
        {"q": "foreign forces", "order": "relevance"},
    ),
    (
        'search: "forces OR Iraq", filter: {speaker: {id: {in: [1, 2]}}}, orderBy: {by: SAID_ON}',
        {"q": "forces OR Iraq", "speaker": ["1", "2"], "order": "said_on"},
    ),
]


async def _graphql_ids(client: httpx.AsyncClient, args: str) -> tuple[list[int], int]:
    query = (
        "query ($after: String) { statements(first: 2, after: $after"
        + (f", {args}" if args else "")
        + ") { totalCount pageInfo { hasNextPage endCursor } nodes { rowId } } }"
    )
    seen: list[int] = []
    after = None
    while True:
        body = await graphql(client, query, {"after": after})
        assert "errors" not in body, body
        page = body["data"]["statements"]
        seen += [n["rowId"] for n in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            return seen, page["totalCount"]
        after = page["pageInfo"]["endCursor"]


async def _rest_ids(client: httpx.AsyncClient, params: dict[str, Any]) -> tuple[list[int], int]:
    seen: list[int] = []
    response = await client.get("/api/v1/statements", params={**params, "limit": 2})
    while True:
        assert response.status_code == 200, response.text
        body = response.json()
        seen += [item["id"] for item in body["data"]]
        if body["links"]["next"] is None:
            break
        response = await client.get(body["links"]["next"])
    count_params = {k: v for k, v in params.items() if k != "order"}
    count = (await client.get("/api/v1/statements/count", params=count_params)).json()
    return seen, count["data"]["count"]


@pytest.mark.parametrize(("args", "params"), EQUIVALENT)
async def test_graphql_and_rest_return_the_same_rows(
    client: httpx.AsyncClient, args: str, params: dict[str, Any]
) -> None:
    by_graphql, total = await _graphql_ids(client, args)
    by_rest, count = await _rest_ids(client, params)
    assert by_graphql == by_rest
    assert total == count == len(by_rest)
    assert len(set(by_rest)) == len(by_rest)


async def test_the_pairs_select_different_rows(client: httpx.AsyncClient) -> None:
    """The comparison means something: the filters do not all return everything."""
    results = {tuple((await _rest_ids(client, params))[0]) for _, params in EQUIVALENT}
    assert len(results) >= 8
