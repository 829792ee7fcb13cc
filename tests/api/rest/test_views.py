"""REST lists and items: JSON with every column, keyset paging by limit and cursor, and the
error shape for bad parameters and missing rows."""

from __future__ import annotations

import httpx
import pytest

from api.rest.resources import RESOURCES
from tests.api.conftest import Sample

STATEMENT_1 = {
    "id": 1,
    "text": "Iraq no longer needs foreign combat troops",
    "kind": "indirect",
    "language": "en",
    "speaker_id": 1,
    "said_on": "2023-08-14",
    "said_precision": "day",
    "date_conflict": True,
    "medium": None,
    "venue": None,
    "location_id": 2,
    "topics": ["foreign troops"],
    "stance": None,
    "ingest_run_id": 1,
    "created_at": "2024-01-01T00:00:00+00:00",
    "speaker": {"id": 1, "name": "Mohammed Shia al-Sudani"},
}
STATEMENT_2 = {
    "id": 2,
    "text": "We need the foreign forces.",
    "kind": "direct",
    "language": "en",
    "speaker_id": 1,
    "said_on": "2023-01-01",
    "said_precision": "month",
    "date_conflict": False,
    "medium": None,
    "venue": None,
    "location_id": None,
    "topics": [],
    "stance": None,
    "ingest_run_id": None,
    "created_at": "2024-01-01T00:00:00+00:00",
    "speaker": {"id": 1, "name": "Mohammed Shia al-Sudani"},
}


async def test_statements_page_by_page(client: httpx.AsyncClient, sample: Sample) -> None:
    first = await client.get("/api/v1/statements", params={"limit": 1})
    assert first.status_code == 200
    assert first.headers["content-type"] == "application/json"
    assert first.json() == {
        "data": [STATEMENT_1],
        "next_cursor": "WzFd",
        "links": {"next": "http://test/api/v1/statements?limit=1&cursor=WzFd"},
    }
    second = await client.get(first.json()["links"]["next"])
    assert second.json() == {"data": [STATEMENT_2], "next_cursor": None, "links": {"next": None}}


async def test_default_limit_returns_everything_here(
    client: httpx.AsyncClient, sample: Sample
) -> None:
    response = await client.get("/api/v1/statements")
    assert response.json() == {
        "data": [STATEMENT_1, STATEMENT_2],
        "next_cursor": None,
        "links": {"next": None},
    }


async def test_statement_by_id(client: httpx.AsyncClient, sample: Sample) -> None:
    response = await client.get("/api/v1/statements/2")
    assert response.status_code == 200
    assert response.json() == {"data": STATEMENT_2}


async def test_outlet_by_id(client: httpx.AsyncClient, sample: Sample) -> None:
    assert (await client.get("/api/v1/outlets/2")).json() == {
        "data": {
            "id": 2,
            "name": "Press TV",
            "domain": "presstv.ir",
            "country": "IR",
            "language": "en",
            "kind": "state_media",
            "state_affiliation": "Iranian state broadcaster (IRIB)",
            "name_unrecoverable": False,
            "created_at": "2024-01-01T00:00:00+00:00",
        }
    }


async def test_attribution_by_id(client: httpx.AsyncClient, sample: Sample) -> None:
    assert (await client.get("/api/v1/attributions/2")).json() == {
        "data": {
            "id": 2,
            "article_id": 2,
            "statement_id": 1,
            "kind": "indirect",
            "speaker_text": "he",
            "speaker_start": 54,
            "speaker_end": 56,
            "speaker_id": 1,
            "cue": "said",
            "cue_start": 57,
            "cue_end": 61,
            "content": "Iraq no longer needs foreign combat troops",
            "content_start": 10,
            "content_end": 52,
            "fragments": [[10, 52]],
            "language": None,
            "said_on": "2023-08-14",
            "said_precision": "day",
            "said_on_text": "on Monday",
            "confidence": 0.75,
            "extractor_version": "test/1",
            "created_at": "2024-01-01T00:00:00+00:00",
        }
    }


async def test_article_by_id_shows_its_repairs(client: httpx.AsyncClient, sample: Sample) -> None:
    article = (await client.get("/api/v1/articles/1")).json()["data"]
    assert article["repairs"] == [
        {
            "start": 182,
            "end": 183,
            "before": "\u00cc\u00fd",
            "after": " ",
            "reason": "GBK mojibake of a space",
            "raw_offset": 182,
        }
    ]
    assert article["outlet_id"] == 1
    assert article["published_on"] == "2023-08-15"


@pytest.mark.parametrize("resource", RESOURCES, ids=lambda r: r.path)
async def test_every_resource_lists_every_column(
    client: httpx.AsyncClient, sample: Sample, resource: object
) -> None:
    from api.rest.resources import Resource

    assert isinstance(resource, Resource)
    body = (await client.get(f"/api/v1/{resource.path}", params={"limit": 1000})).json()
    columns = [c.key for c in resource.columns]
    assert body["data"], resource.path
    for item in body["data"]:
        assert list(item) == columns + list(resource.embeds)
    one = (await client.get(f"/api/v1/{resource.path}/{body['data'][0]['id']}")).json()
    assert one == {"data": body["data"][0]}


async def test_walking_the_links_returns_every_row_once(
    client: httpx.AsyncClient, sample: Sample
) -> None:
    url: str | None = "/api/v1/attributions?limit=2"
    ids: list[int] = []
    while url:
        body = (await client.get(url)).json()
        ids += [item["id"] for item in body["data"]]
        url = body["links"]["next"]
    assert ids == [1, 2, 3]


async def test_a_missing_row_is_404(client: httpx.AsyncClient, sample: Sample) -> None:
    response = await client.get("/api/v1/actors/999")
    assert response.status_code == 404
    assert response.json() == {
        "error": {
            "status": 404,
            "code": "not_found",
            "message": "there is no actor with id 999: list actors at /api/v1/actors to find "
            "the ids there are",
            "detail": {"resource": "actor", "id": 999},
        }
    }


@pytest.mark.parametrize("limit", ["0", "1001", "-1", "ten", "1.5", ""])
async def test_a_bad_limit_is_400(client: httpx.AsyncClient, limit: str) -> None:
    response = await client.get("/api/v1/statements", params={"limit": limit})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_page_size"
    assert response.json()["error"]["detail"]["value"] == limit


async def test_the_largest_limit_is_accepted(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/locations", params={"limit": 1000})
    assert response.status_code == 200


@pytest.mark.parametrize("cursor", ["nope", "WzFd=", "W10", "eyJpZCI6MX0", "WyIxIl0"])
async def test_a_bad_cursor_is_400(client: httpx.AsyncClient, cursor: str) -> None:
    response = await client.get("/api/v1/statements", params={"cursor": cursor})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_cursor"


async def test_an_unknown_parameter_is_400(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/statements", params={"limt": 10})
    assert response.status_code == 400
    assert response.json() == {
        "error": {
            "status": 400,
            "code": "invalid_parameter",
            "message": "unknown query parameter 'limt': this endpoint takes article, cursor, "
            "date_conflict, format, kind, language, limit, location_within, max_rows, mentions, "
            "min_outlets, order, outlet, published_from, published_to, q, said_from, said_to, "
            "speaker",
            "detail": {
                "parameter": "limt",
                "known": [
                    "article",
                    "cursor",
                    "date_conflict",
                    "format",
                    "kind",
                    "language",
                    "limit",
                    "location_within",
                    "max_rows",
                    "mentions",
                    "min_outlets",
                    "order",
                    "outlet",
                    "published_from",
                    "published_to",
                    "q",
                    "said_from",
                    "said_to",
                    "speaker",
                ],
            },
        }
    }


async def test_an_id_that_is_not_a_number_is_400(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/outlets/al-monitor")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_id"
