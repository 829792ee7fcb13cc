"""The research views on the sample corpus, loaded by the real loader (``samples_client``).

The extractor keeps improving, so these tests assert what the articles state and any good
extraction keeps: Sudani's remarks on foreign forces in January 2023, August 2023 and
February 2024, in that order after Kadhimi's of July 2021; his August remark dated 15 August
by one article and "Monday", the 14th, by another; and timelines that count every statement.
"""

from __future__ import annotations

from typing import Any

import httpx

from api.graphql.ids import to_global_id
from tests.api.conftest import graphql

SUDANI = "Mohammed Shia al-Sudani"
KADHIMI = "Mustafa al-Kadhimi"


async def _actor_id(client: httpx.AsyncClient, name: str) -> int:
    found = (await client.get("/api/v1/actors", params={"name": name})).json()["data"]
    assert [a["name"] for a in found] == [name]
    return int(found[0]["id"])


def _says(position: dict[str, Any], phrase: str) -> bool:
    texts = [position["statement"]["text"], *(r["content"] for r in position["renderings"])]
    return any(phrase in t.lower().replace("’", "'") for t in texts)


def _first(positions: list[dict[str, Any]], phrase: str) -> int:
    return next(i for i, p in enumerate(positions) if _says(p, phrase))


def _in_date_order(positions: list[dict[str, Any]]) -> bool:
    dates = [p["date"] for p in positions]
    dated = [d for d in dates if d is not None]
    return dated == sorted(dated) and dates == dated + [None] * (len(dates) - len(dated))


async def _sudani_on_foreign_forces(client: httpx.AsyncClient) -> list[dict[str, Any]]:
    sudani = await _actor_id(client, SUDANI)
    response = await client.get(
        f"/api/v1/actors/{sudani}/positions", params={"q": "foreign forces", "limit": 100}
    )
    assert response.status_code == 200
    assert response.json()["next_cursor"] is None
    positions: list[dict[str, Any]] = response.json()["data"]
    return positions


async def test_sudani_on_foreign_forces_from_january_2023_to_february_2024(
    samples_client: httpx.AsyncClient,
) -> None:
    positions = await _sudani_on_foreign_forces(samples_client)
    assert _in_date_order(positions)
    assert {p["statement"]["speaker"]["name"] for p in positions} == {SUDANI}
    remarks = [
        _first(positions, "we need the foreign forces"),
        _first(positions, "no longer needs"),
        _first(positions, "justifications for the foreign forces"),
    ]
    assert remarks == sorted(remarks)
    assert [positions[i]["date"][:7] for i in remarks] == ["2023-01", "2023-08", "2024-02"]


async def test_iraqi_prime_ministers_on_foreign_forces_2021_to_2024(
    samples_client: httpx.AsyncClient,
) -> None:
    response = await samples_client.get(
        "/api/v1/positions", params={"role": "prime minister", "q": "foreign forces"}
    )
    positions = response.json()["data"]
    assert _in_date_order(positions)
    speakers = [p["statement"]["speaker"]["name"] for p in positions if p["date"] is not None]
    assert speakers[0] == KADHIMI and SUDANI in speakers
    assert speakers == sorted(speakers, key=[KADHIMI, SUDANI].index)  # Kadhimi's all first
    assert positions[0]["date"][:7] == "2021-07"
    assert (
        positions[_first(positions, "no need for any foreign combat forces")]["statement"][
            "speaker"
        ]["name"]
        == KADHIMI
    )

    body = await graphql(
        samples_client,
        """{ positions(role: "prime minister", search: "foreign forces", first: 100) {
               totalCount nodes { date statement { rowId } } } }""",
    )
    connection = body["data"]["positions"]
    assert connection["totalCount"] == len(positions)
    assert [(n["date"], n["statement"]["rowId"]) for n in connection["nodes"]] == [
        (p["date"], p["statement"]["id"]) for p in positions
    ]


async def test_the_august_2023_remark_across_two_articles_has_a_date_conflict(
    samples_client: httpx.AsyncClient,
) -> None:
    positions = await _sudani_on_foreign_forces(samples_client)
    statement_id = positions[_first(positions, "no longer needs")]["statement"]["id"]
    response = await samples_client.get(f"/api/v1/statements/{statement_id}/compare")
    comparison = response.json()["data"]
    assert comparison["date_conflict"] is True
    renderings = comparison["renderings"]
    assert renderings[0]["is_reference"] is True
    assert renderings[0]["kind"] in ("direct", "mixed")
    dated = {
        r["said_on"]: (r["said_on_text"], r["article"]["published_on"], r["date_conflict"])
        for r in renderings
        if r["said_on"] is not None
    }
    assert set(dated) == {"2023-08-15", "2023-08-14"}
    fifteenth, monday = dated["2023-08-15"], dated["2023-08-14"]
    assert "15 August" in fifteenth[0] and "Monday" in monday[0]
    # one article, published the next day, says the 15th; the other, the same day, "Monday"
    assert (fifteenth[1], monday[1]) == ("2023-08-16", "2023-08-15")
    assert fifteenth[2] is monday[2] is True
    articles = {r["article"]["id"] for r in renderings if r["said_on"] is not None}
    assert len(articles) == 2

    body = await graphql(
        samples_client,
        """query ($id: ID!) { node(id: $id) { ... on Statement {
             comparison { dateConflict renderings { attributionId saidOn addedWords } } } } }""",
        {"id": to_global_id("Statement", statement_id)},
    )
    graph = body["data"]["node"]["comparison"]
    assert graph["dateConflict"] is True
    assert [(r["attributionId"], r["saidOn"], r["addedWords"]) for r in graph["renderings"]] == [
        (r["attribution_id"], r["said_on"], r["added_words"]) for r in renderings
    ]


async def test_timelines_count_every_statement(samples_client: httpx.AsyncClient) -> None:
    sudani = await _actor_id(samples_client, SUDANI)
    count = await samples_client.get("/api/v1/statements/count", params={"speaker": sudani})
    total = count.json()["data"]["count"]
    for bucket in ("day", "week", "month", "year"):
        response = await samples_client.get(
            "/api/v1/timeline", params={"bucket": bucket, "speaker": sudani}
        )
        data = response.json()["data"]
        (series,) = data["series"]
        counted = sum(b["count"] for b in series["buckets"])
        assert data["total"] == total == counted + data["undated"] + data["imprecise"]
        starts = [b["start"] for b in series["buckets"]]
        assert any(s.startswith("2023-08") for s in starts) or bucket == "year"

    whole = await samples_client.get("/api/v1/timeline?bucket=year&group_by=speaker&top=100")
    data = whole.json()["data"]
    listed = await samples_client.get("/api/v1/statements/count")
    assert data["total"] == listed.json()["data"]["count"]
    assert data["group_count"] == len(data["series"])
    assert data["series"][0]["group"]["name"] == SUDANI  # he says the most

    body = await graphql(
        samples_client,
        "{ timeline(bucket: YEAR, groupBy: SPEAKER, top: 100) { total groupCount "
        "series { group { rowId } total buckets { start count } } } }",
    )
    timeline = body["data"]["timeline"]
    assert (timeline["total"], timeline["groupCount"]) == (data["total"], data["group_count"])
    assert [
        (s["group"] and s["group"]["rowId"], s["total"], s["buckets"]) for s in timeline["series"]
    ] == [
        (
            s["group"] and s["group"]["id"],
            s["total"],
            [{"start": b["start"], "count": b["count"]} for b in s["buckets"]],
        )
        for s in data["series"]
    ]
