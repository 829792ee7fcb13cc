"""Research queries on the sample corpus (``seed/samples``, loaded by the real loader into a
database of its own: the ``samples_client`` fixture), on both databases.

The five articles tell one story: Iraqi prime ministers on foreign forces, 2021 to 2024.
Sudani's remark of August 2023 is reported by two articles with different dates ("on 15
August", and "on Monday", the 14th): one statement, a date conflict.
"""

from __future__ import annotations

from typing import Any

import httpx
import orjson
import pytest

from tests.api.conftest import graphql

pytestmark = pytest.mark.slow


async def test_sudani_on_foreign_forces_from_january_2023_to_february_2024(
    samples_client: httpx.AsyncClient,
) -> None:
    query = """{
      statements(
        first: 10
        search: "foreign forces"
        filter: {speaker: {name: {eq: "Sudani"}}, publishedOn: {gte: "2023-01-01", lte: "2024-02-29"}}
        orderBy: {by: PUBLISHED}
      ) {
        totalCount
        nodes { text saidOn dateConflict speaker { name } }
      }
    }"""
    assert await graphql(samples_client, query) == {
        "data": {
            "statements": {
                "totalCount": 4,
                "nodes": [
                    {
                        "text": "“We think that we need the foreign forces,”",
                        "saidOn": None,
                        "dateConflict": False,
                        "speaker": {"name": "Mohammed Shia al-Sudani"},
                    },
                    {
                        "text": "Iraq “no longer needs the presence of foreign combat forces "
                        "on its soil,”",
                        "saidOn": "2023-08-15",
                        "dateConflict": True,
                        "speaker": {"name": "Mohammed Shia al-Sudani"},
                    },
                    {
                        "text": "the Iraqi government began an integrated program to improve "
                        "the armament of the security forces in conjunction with seeking to end "
                        "the presence of the foreign in the country",
                        "saidOn": None,
                        "dateConflict": False,
                        "speaker": {"name": "Mohammed Shia al-Sudani"},
                    },
                    {
                        "text": "The justifications for the foreign forces’ existence in 2014 "
                        "have ended today, and “we are in the year 2024,”",
                        "saidOn": None,
                        "dateConflict": False,
                        "speaker": {"name": "Mohammed Shia al-Sudani"},
                    },
                ],
            }
        }
    }


async def test_the_date_conflict_and_its_two_reports(samples_client: httpx.AsyncClient) -> None:
    conflicts = (await samples_client.get("/api/v1/statements?date_conflict=true")).json()
    assert [(s["speaker"]["name"], s["said_on"]) for s in conflicts["data"]] == [
        ("Mohammed Shia al-Sudani", "2023-08-15")
    ]
    # reported by at least two outlets: the same statement (both articles' outlets are
    # unknown, and each counts as one)
    reported = (await samples_client.get("/api/v1/statements?min_outlets=2")).json()
    assert [s["id"] for s in reported["data"]] == [s["id"] for s in conflicts["data"]]

    export = await samples_client.get("/api/v1/statements?date_conflict=true&format=jsonl")
    rows = [orjson.loads(line) for line in export.text.splitlines()]
    dates = sorted(
        {(r["published_on"], r["date_as_written"], r["date_as_given"]) for r in rows},
        key=lambda d: (d[0], d[1] or ""),
    )
    assert dates == [
        ("2023-08-15", None, None),
        ("2023-08-15", "Monday", "2023-08-14"),
        ("2023-08-16", "15 August", "2023-08-15"),
    ]


async def test_statements_reported_by_press_tv(samples_client: httpx.AsyncClient) -> None:
    outlets = (await samples_client.get("/api/v1/outlets")).json()["data"]
    assert [(o["name"], o["country"]) for o in outlets] == [("Press TV", None)]
    press_tv = outlets[0]["id"]
    count = (await samples_client.get(f"/api/v1/statements/count?outlet={press_tv}")).json()
    kadhimi = (
        await samples_client.get(
            f"/api/v1/statements/count?outlet={press_tv}&speaker=Mustafa al-Kadhimi"
        )
    ).json()
    assert kadhimi["data"]["count"] < count["data"]["count"]
    first = (
        await samples_client.get(
            f"/api/v1/statements?outlet={press_tv}&speaker=Kadhimi&q=%22foreign+combat+forces%22"
        )
    ).json()["data"]
    assert [(s["text"], s["snippet"]["matches"]) for s in first] == [
        (
            "“There is no need for any foreign combat forces on Iraqi soil,”",
            [{"start": 26, "end": 47}],
        )
    ]


#: filters a researcher would ask of the samples, in GraphQL and REST
EQUIVALENT: list[tuple[str, dict[str, Any]]] = [
    (
        'filter: {speaker: {name: {eq: "Sudani"}}}, orderBy: {by: SAID_ON}',
        {"speaker": "Sudani", "order": "said_on"},
    ),
    ('filter: {within: {name: {eq: "Anbar"}}}', {"location_within": "Anbar"}),
    ('filter: {mentions: {name: {eq: "US forces"}}}', {"mentions": "US forces"}),
    ("filter: {minOutlets: 2}", {"min_outlets": "2"}),
    (
        'search: "withdraw* OR troops", orderBy: {by: RELEVANCE}',
        {"q": "withdraw* OR troops", "order": "relevance"},
    ),
    ("orderBy: {by: REPORTS, direction: DESC}", {"order": "-reports"}),
]


@pytest.mark.parametrize(("args", "params"), EQUIVALENT)
async def test_graphql_and_rest_agree_on_the_samples(
    samples_client: httpx.AsyncClient, args: str, params: dict[str, Any]
) -> None:
    body = await graphql(
        samples_client, f"{{ statements(first: 100, {args}) {{ totalCount nodes {{ rowId }} }} }}"
    )
    assert "errors" not in body, body
    by_graphql = [n["rowId"] for n in body["data"]["statements"]["nodes"]]
    rest = (await samples_client.get("/api/v1/statements", params={**params, "limit": 100})).json()
    assert by_graphql == [s["id"] for s in rest["data"]]
    assert body["data"]["statements"]["totalCount"] == len(by_graphql)
