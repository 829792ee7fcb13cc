"""REST: filter parameters, order, q with snippets, exact counts, and their errors."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from tests.api.corpus import build_corpus

pytestmark = pytest.mark.usefixtures("corpus")


@pytest.fixture
async def corpus(session: AsyncSession) -> None:
    await build_corpus(session)


async def ids(client: httpx.AsyncClient, path: str, **params: Any) -> list[int]:
    response = await client.get(f"/api/v1/{path}", params={"limit": 1000, **params})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["next_cursor"] is None
    return [item["id"] for item in body["data"]]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"speaker": "Sudani"}, [1, 2, 3, 7]),
        ({"speaker": ["Kadhimi", "1"]}, [1, 2, 3, 4, 6, 7]),
        ({"mentions": "3"}, [3, 5]),
        ({"location_within": "Anbar"}, [1, 5]),
        ({"location_within": "1"}, [1, 5]),
        ({"outlet": "2"}, [1, 3, 4]),
        ({"article": "5"}, [4, 6]),
        ({"kind": "direct,mixed"}, [1, 2, 4, 7]),
        ({"kind": ["direct", "mixed"]}, [1, 2, 4, 7]),
        ({"language": "ar"}, [7]),
        ({"said_from": "2023-01-01", "said_to": "2023-08-13"}, [2, 5]),
        ({"published_from": "2024-01-01"}, [3, 4]),
        ({"date_conflict": "true"}, [1]),
        ({"min_outlets": "2", "order": "-reports"}, [4, 1]),
        ({"q": "foreign forces", "order": "-said_on"}, [1, 2, 4]),
        ({"order": "said_on"}, [4, 6, 2, 5, 1, 3, 7]),
        ({"order": "published"}, [4, 6, 2, 7, 1, 5, 3]),
        ({"speaker": "Sudani", "said_from": "2023-01-01", "order": "said_on"}, [2, 1]),
    ],
)
async def test_statement_filters(
    client: httpx.AsyncClient, params: dict[str, Any], expected: list[int]
) -> None:
    assert await ids(client, "statements", **params) == expected
    count_params = {k: v for k, v in params.items() if k != "order"}
    response = await client.get("/api/v1/statements/count", params=count_params)
    assert response.json() == {"data": {"count": len(expected)}}


async def test_pages_follow_links_next_in_order(client: httpx.AsyncClient) -> None:
    url: str | None = "/api/v1/statements?order=-said_on&limit=3&speaker=Sudani"
    seen: list[int] = []
    while url:
        body = (await client.get(url)).json()
        seen += [item["id"] for item in body["data"]]
        url = body["links"]["next"]
    assert seen == [1, 2, 7, 3]


async def test_searched_items_carry_their_snippet(client: httpx.AsyncClient) -> None:
    response = await client.get(
        "/api/v1/statements", params={"q": '"combat forces"', "order": "said_on", "limit": 1}
    )
    body = response.json()
    assert [item["id"] for item in body["data"]] == [4]
    assert body["data"][0]["snippet"] == {
        "text": "No need for any foreign combat forces on Iraqi soil",
        "field": "text",
        "source_id": None,
        "offset": 0,
        "matches": [{"start": 24, "end": 37}],
        "truncated_start": False,
        "truncated_end": False,
    }
    assert body["data"][0]["speaker"] == {"id": 2, "name": "Mustafa al-Kadhimi"}
    assert body["next_cursor"] == "WyJzYWlkX29uIiwiMjAyMS0wNy0yNSIsNF0"


async def test_actor_location_and_article_filters(client: httpx.AsyncClient) -> None:
    assert await ids(client, "actors", kind="state,anonymous") == [3, 4]
    assert await ids(client, "actors", name_prefix="mu") == [2]
    assert await ids(client, "actors", name="U.S.") == [3]
    assert await ids(client, "actors", q="السوداني") == [1]
    assert await ids(client, "locations", within="Anbar") == [2, 3, 4]
    assert await ids(client, "locations", kind="country") == [1, 6]
    assert await ids(client, "articles", outlet="2", order="-published") == [4, 2]
    assert await ids(client, "articles", published_to="2023-01-31") == [3, 5]
    assert (await client.get("/api/v1/locations/count?within=2")).json() == {"data": {"count": 3}}


@pytest.mark.parametrize(
    ("query", "code", "message"),
    [
        (
            "order=loudest",
            "invalid_filter",
            "order 'loudest' is not one of id, said_on, published, reports, relevance, -id, "
            "-said_on, -published, -reports",
        ),
        (
            "order=relevance",
            "invalid_filter",
            "ordering by relevance needs a search: give a search (GraphQL search, REST q), or "
            "order by something else",
        ),
        (
            "said_from=15/08/2023",
            "invalid_filter",
            "said_from '15/08/2023' is not a date: write it as YYYY-MM-DD, e.g. 2023-08-15",
        ),
        (
            "said_from=2024-01-01&said_to=2023-01-01",
            "invalid_filter",
            "said_from/said_to: the range ends (2023-01-01) before it starts (2024-01-01); swap "
            "the bounds",
        ),
        ("kind=quoted", "invalid_filter", "kind 'quoted' is not one of direct, indirect, mixed"),
        (
            "date_conflict=maybe",
            "invalid_filter",
            "date_conflict must be true or false, got 'maybe'",
        ),
        ("min_outlets=0", "invalid_filter", "minOutlets must be 1 or more, got 0"),
        ("outlet=press-tv", "invalid_filter", None),
        ("speaker=", "invalid_filter", "speaker is empty: give a value, or leave speaker out"),
        ("q=%22forces", "invalid_search_query", None),
    ],
)
async def test_bad_filters_are_400_in_the_one_error_shape(
    client: httpx.AsyncClient, query: str, code: str, message: str | None
) -> None:
    for path in ("/api/v1/statements", "/api/v1/statements/count"):
        if path.endswith("count") and query.startswith("order"):
            continue
        response = await client.get(f"{path}?{query}")
        assert response.status_code == 400, response.text
        error = response.json()["error"]
        assert error["code"] == code
        if message is not None:
            assert error["message"] == message


async def test_count_takes_filters_only(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/statements/count?limit=5")
    assert response.status_code == 400
    assert response.json()["error"]["detail"]["parameter"] == "limit"
