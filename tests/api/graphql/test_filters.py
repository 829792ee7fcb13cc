"""GraphQL: filter, orderBy and search on root connections; totalCount; snippets; errors."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from tests.api.conftest import graphql
from tests.api.corpus import build_corpus
from tests.conftest import QueryCounter

pytestmark = pytest.mark.usefixtures("corpus")


@pytest.fixture
async def corpus(session: AsyncSession) -> None:
    await build_corpus(session)


async def test_sudanis_statements_since_2023_in_date_order(client: httpx.AsyncClient) -> None:
    query = """{
      statements(
        first: 10
        filter: {and: [{speaker: {name: {eq: "Sudani"}}}, {saidOn: {gte: "2023-01-01"}}]}
        orderBy: {by: SAID_ON}
      ) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { rowId saidOn text speaker { name } }
      }
    }"""
    assert await graphql(client, query) == {
        "data": {
            "statements": {
                "totalCount": 2,
                "pageInfo": {
                    "hasNextPage": False,
                    "endCursor": "WyJzYWlkX29uIiwiMjAyMy0wOC0xNCIsMV0",
                },
                "nodes": [
                    {
                        "rowId": 2,
                        "saidOn": "2023-01-01",
                        "text": "We need the foreign forces.",
                        "speaker": {"name": "Mohammed Shia al-Sudani"},
                    },
                    {
                        "rowId": 1,
                        "saidOn": "2023-08-14",
                        "text": "Iraq no longer needs foreign combat forces",
                        "speaker": {"name": "Mohammed Shia al-Sudani"},
                    },
                ],
            }
        }
    }


async def rows(client: httpx.AsyncClient, args: str, field: str = "statements") -> list[int]:
    body = await graphql(client, f"{{ {field}(first: 100, {args}) {{ nodes {{ rowId }} }} }}")
    assert "errors" not in body, body
    return [n["rowId"] for n in body["data"][field]["nodes"]]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ('filter: {within: {name: {eq: "Anbar"}}}', [1, 5]),
        ("filter: {within: {id: {eq: 2}}}", [1, 5]),
        ('filter: {within: {id: {in: ["TG9jYXRpb246Mg=="]}}}', [1, 5]),  # Location:2
        ('filter: {mentions: {name: {eq: "US"}}}', [3, 5]),
        ('filter: {speaker: {name: {prefix: "kad"}}}', [4, 6]),
        ("filter: {minOutlets: 2}, orderBy: {by: REPORTS, direction: DESC}", [4, 1]),
        ("filter: {dateConflict: true}", [1]),
        ("filter: {outlet: {eq: 2}, not: {kind: {eq: DIRECT}}}", [1, 3]),
        ('filter: {or: [{language: {eq: "ar"}}, {article: {in: [5]}}]}', [4, 6, 7]),
        ('filter: {publishedOn: {gte: "2024-01-01"}}, orderBy: {by: PUBLISHED}', [4, 3]),
        ('filter: {search: "\\"combat forces\\""}', [1, 4]),
        ('search: "foreign forces", orderBy: {by: SAID_ON, direction: DESC}', [1, 2, 4]),
    ],
)
async def test_statement_filters(client: httpx.AsyncClient, args: str, expected: list[int]) -> None:
    assert await rows(client, args) == expected


async def test_search_edges_carry_snippets(client: httpx.AsyncClient) -> None:
    query = """{
      statements(first: 5, search: "foreign forces", orderBy: {by: SAID_ON}) {
        totalCount
        edges { node { rowId } snippet { text field sourceRowId offset matches { start end } } }
      }
    }"""
    assert await graphql(client, query) == {
        "data": {
            "statements": {
                "totalCount": 3,
                "edges": [
                    {
                        "node": {"rowId": 4},
                        "snippet": {
                            "text": "No need for any foreign combat forces on Iraqi soil",
                            "field": "text",
                            "sourceRowId": None,
                            "offset": 0,
                            "matches": [{"start": 16, "end": 23}, {"start": 31, "end": 37}],
                        },
                    },
                    {
                        "node": {"rowId": 2},
                        "snippet": {
                            "text": "We need the foreign forces.",
                            "field": "text",
                            "sourceRowId": None,
                            "offset": 0,
                            "matches": [{"start": 12, "end": 19}, {"start": 20, "end": 26}],
                        },
                    },
                    {
                        "node": {"rowId": 1},
                        "snippet": {
                            "text": "Iraq no longer needs foreign combat forces",
                            "field": "text",
                            "sourceRowId": None,
                            "offset": 0,
                            "matches": [{"start": 21, "end": 28}, {"start": 36, "end": 42}],
                        },
                    },
                ],
            }
        }
    }


async def test_relevance_needs_a_search_and_pages_by_rank(client: httpx.AsyncClient) -> None:
    first = await graphql(
        client,
        """{ statements(first: 2, search: "forces", orderBy: {by: RELEVANCE}) {
             pageInfo { hasNextPage endCursor } nodes { rowId } } }""",
    )
    page = first["data"]["statements"]
    assert page["pageInfo"]["hasNextPage"] is True
    rest = await graphql(
        client,
        """query ($after: String) { statements(first: 10, search: "forces",
             orderBy: {by: RELEVANCE}, after: $after) { nodes { rowId } } }""",
        {"after": page["pageInfo"]["endCursor"]},
    )
    seen = [n["rowId"] for n in page["nodes"]] + [
        n["rowId"] for n in rest["data"]["statements"]["nodes"]
    ]
    assert sorted(seen) == [1, 2, 3, 4]


async def test_actor_location_and_article_connections_filter(client: httpx.AsyncClient) -> None:
    assert await rows(client, 'filter: {name: {prefix: "mu"}}', "actors") == [2]
    assert await rows(client, "filter: {kind: {in: [STATE, ANONYMOUS]}}", "actors") == [3, 4]
    assert await rows(client, 'search: "Biden"', "actors") == [5]
    assert await rows(client, 'filter: {within: {name: {eq: "al-Anbar"}}}', "locations") == [
        2,
        3,
        4,
    ]
    assert await rows(
        client,
        'filter: {publishedOn: {lt: "2023-08-16"}}, orderBy: {by: PUBLISHED, direction: DESC}',
        "articles",
    ) == [2, 3, 5]
    assert await rows(client, 'filter: {outlet: {eq: "T3V0bGV0OjI="}}', "articles") == [2, 4]


def _error(body: dict[str, Any]) -> tuple[str, str]:
    assert body["data"] is None
    (error,) = body["errors"]
    return error["extensions"]["code"], error["message"]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            "filter: {or: []}",
            "invalid_filter",
            "an 'or' needs at least one filter: give it a list of filters, or leave it out",
        ),
        (
            'filter: {saidOn: {gte: "2024-01-01", lte: "2023-01-01"}}',
            "invalid_filter",
            "saidOn: the range ends (2023-01-01) before it starts (2024-01-01); swap the bounds",
        ),
        (
            'filter: {speaker: {name: {eq: "Sudani", prefix: "Su"}}}',
            "invalid_filter",
            "speaker.name: give exactly one of eq, in, prefix, contains, not 2",
        ),
        (
            "filter: {kind: {}}",
            "invalid_filter",
            "kind: give exactly one of eq, in",
        ),
        (
            "orderBy: {by: RELEVANCE}",
            "invalid_filter",
            "ordering by relevance needs a search: give a search (GraphQL search, REST q), or "
            "order by something else",
        ),
        (
            'filter: {speaker: {id: {eq: "T3V0bGV0OjI="}}}',
            "invalid_id",
            "speaker.id: 'T3V0bGV0OjI=' is the id of Outlet 2, but this field takes Actor ids: "
            "pass the id field of the Actor you want, or look any object up with node(id: ...)",
        ),
        (
            'search: "forces AND"',
            "invalid_search_query",
            None,
        ),
    ],
)
async def test_bad_filters_are_typed_errors(
    client: httpx.AsyncClient, args: str, code: str, message: str | None
) -> None:
    body = await graphql(client, f"{{ statements(first: 1, {args}) {{ nodes {{ rowId }} }} }}")
    got_code, got_message = _error(body)
    assert got_code == code
    if message is not None:
        assert got_message == message


async def test_a_cursor_of_another_order_is_refused(client: httpx.AsyncClient) -> None:
    said = await graphql(
        client, "{ statements(first: 1, orderBy: {by: SAID_ON}) { pageInfo { endCursor } } }"
    )
    cursor = said["data"]["statements"]["pageInfo"]["endCursor"]
    body = await graphql(
        client,
        "query ($after: String) { statements(first: 1, after: $after, orderBy: {by: REPORTS}) "
        "{ nodes { rowId } } }",
        {"after": cursor},
    )
    assert _error(body)[0] == "invalid_cursor"


async def test_filtered_pages_cost_the_same_queries_however_long(
    client: httpx.AsyncClient, query_counter: QueryCounter, backend: str
) -> None:
    query = """query ($first: Int!) {
      statements(first: $first, filter: {within: {name: {eq: "Iraq"}}, minOutlets: 1},
                 orderBy: {by: PUBLISHED}, search: "forces OR planes") {
        totalCount
        edges { snippet { text } node { rowId speaker { name } attributions { article { outlet { name } } } } }
      }
    }"""
    counts = []
    for first in (1, 2):
        query_counter.reset()
        body = await graphql(client, query, {"first": first})
        assert "errors" not in body, body
        assert len(body["data"]["statements"]["edges"]) == first
        counts.append(query_counter.count)
    # page, snippets, count, speakers, attributions, articles, outlets (and on PostgreSQL the
    # search's set_config)
    expected = 7 if backend == "sqlite" else 8
    assert counts == [expected, expected], "\n\n".join(query_counter.statements)
