"""Timelines: statements per day, ISO week, month and year, grouped by speaker, outlet or place,
filtered like statements; undated and imprecise statements counted apart."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest
from sqlalchemy import delete, update
from sqlalchemy.ext.asyncio import AsyncSession

from api.filters import AnyOf
from api.filters.statements import SpeakerIs
from api.repository import timeline as timeline_repository
from api.research import timeline as timelines
from api.research.timeline import TimeBucket
from schema import DatePrecision, Statement
from tests import factories as f
from tests.api.conftest import graphql
from tests.api.research.conftest import Calendar
from tests.conftest import QueryCounter


def _b(start: str, end: str, count: int) -> dict[str, Any]:
    return {"start": start, "end": end, "count": count}


def _whole(
    bucket: str, buckets: list[dict[str, Any]], imprecise: int, total: int = 8, undated: int = 1
) -> dict[str, Any]:
    return {
        "bucket": bucket,
        "group_by": None,
        "total": total,
        "undated": undated,
        "imprecise": imprecise,
        "group_count": 1,
        "series": [
            {
                "group": None,
                "total": total,
                "undated": undated,
                "imprecise": imprecise,
                "buckets": buckets,
            }
        ],
    }


BY_BUCKET = {
    # the month- and year-precise statements (4, 5) have no day or week
    "day": _whole(
        "day",
        [
            _b("2023-08-13", "2023-08-13", 1),
            _b("2023-08-14", "2023-08-14", 1),
            _b("2023-08-15", "2023-08-15", 1),
            _b("2023-12-31", "2023-12-31", 1),
            _b("2024-01-01", "2024-01-01", 1),
        ],
        imprecise=2,
    ),
    # Sunday 13 August ends a week, Monday the 14th starts the next; weeks cross years
    "week": _whole(
        "week",
        [
            _b("2023-08-07", "2023-08-13", 1),
            _b("2023-08-14", "2023-08-20", 2),
            _b("2023-12-25", "2023-12-31", 1),
            _b("2024-01-01", "2024-01-07", 1),
        ],
        imprecise=2,
    ),
    "month": _whole(
        "month",
        [
            _b("2023-08-01", "2023-08-31", 4),
            _b("2023-12-01", "2023-12-31", 1),
            _b("2024-01-01", "2024-01-31", 1),
        ],
        imprecise=1,
    ),
    "year": _whole(
        "year",
        [_b("2023-01-01", "2023-12-31", 6), _b("2024-01-01", "2024-12-31", 1)],
        imprecise=0,
    ),
}


@pytest.mark.parametrize("bucket", ["day", "week", "month", "year"])
async def test_rest_counts_per_bucket(
    client: httpx.AsyncClient, calendar: Calendar, bucket: str
) -> None:
    response = await client.get("/api/v1/timeline", params={"bucket": bucket})
    assert response.status_code == 200
    assert response.json() == {"data": BY_BUCKET[bucket]}


SUDANI = {"id": 1, "name": "Mohammed Shia al-Sudani"}
KADHIMI = {"id": 2, "name": "Mustafa al-Kadhimi"}


async def test_rest_grouped_by_speaker_counts_joint_statements_for_each_speaker(
    client: httpx.AsyncClient, calendar: Calendar
) -> None:
    response = await client.get("/api/v1/timeline?bucket=month&group_by=speaker")
    assert response.json() == {
        "data": {
            "bucket": "month",
            "group_by": "speaker",
            "total": 8,
            "undated": 1,
            "imprecise": 1,
            "group_count": 3,
            "series": [
                {
                    "group": SUDANI,
                    "total": 5,
                    "undated": 1,
                    "imprecise": 0,
                    "buckets": [_b("2023-08-01", "2023-08-31", 4)],
                },
                {
                    "group": KADHIMI,
                    "total": 3,
                    "undated": 0,
                    "imprecise": 1,
                    "buckets": [
                        _b("2023-08-01", "2023-08-31", 1),
                        _b("2023-12-01", "2023-12-31", 1),
                    ],
                },
                {
                    "group": None,
                    "total": 1,
                    "undated": 0,
                    "imprecise": 0,
                    "buckets": [_b("2024-01-01", "2024-01-31", 1)],
                },
            ],
        }
    }
    top = await client.get("/api/v1/timeline?bucket=month&group_by=speaker&top=1")
    data = top.json()["data"]
    assert (data["total"], data["group_count"]) == (8, 3)
    assert [s["group"] for s in data["series"]] == [SUDANI]


async def test_rest_grouped_by_outlet_counts_a_statement_for_each_outlet(
    client: httpx.AsyncClient, calendar: Calendar
) -> None:
    response = await client.get("/api/v1/timeline?bucket=year&group_by=outlet")
    data = response.json()["data"]
    assert (data["total"], data["undated"], data["group_count"]) == (8, 1, 3)
    assert [(s["group"], s["total"], s["undated"], s["buckets"]) for s in data["series"]] == [
        ({"id": 1, "name": "Al-Monitor"}, 4, 0, [_b("2023-01-01", "2023-12-31", 4)]),
        (
            {"id": 2, "name": "Press TV"},
            3,
            0,
            [_b("2023-01-01", "2023-12-31", 2), _b("2024-01-01", "2024-12-31", 1)],
        ),
        (None, 2, 1, [_b("2023-01-01", "2023-12-31", 1)]),
    ]


async def test_rest_grouped_by_location(client: httpx.AsyncClient, calendar: Calendar) -> None:
    response = await client.get("/api/v1/timeline?bucket=week&group_by=location")
    series = response.json()["data"]["series"]
    assert [
        (s["group"], s["total"], s["undated"], s["imprecise"], s["buckets"]) for s in series
    ] == [
        (
            None,
            6,
            1,
            2,
            [
                _b("2023-08-14", "2023-08-20", 1),
                _b("2023-12-25", "2023-12-31", 1),
                _b("2024-01-01", "2024-01-07", 1),
            ],
        ),
        (
            {"id": 1, "name": "Baghdad"},
            2,
            0,
            0,
            [_b("2023-08-07", "2023-08-13", 1), _b("2023-08-14", "2023-08-20", 1)],
        ),
    ]


@pytest.mark.parametrize(
    ("query", "total", "buckets"),
    [
        ("speaker=2", 3, [("2023-08-01", 1), ("2023-12-01", 1)]),
        ("speaker=Mustafa+al-Kadhimi&speaker=1", 7, [("2023-08-01", 4), ("2023-12-01", 1)]),
        ("said_from=2023-08-14&said_to=2023-12-31", 3, [("2023-08-01", 2), ("2023-12-01", 1)]),
        ("outlet=2", 3, [("2023-08-01", 2), ("2024-01-01", 1)]),
        ("q=foreign+forces", 2, [("2023-08-01", 2)]),
        ("speaker=1&q=august", 1, [("2023-08-01", 1)]),
    ],
)
async def test_rest_filters_like_statements(
    client: httpx.AsyncClient,
    calendar: Calendar,
    query: str,
    total: int,
    buckets: list[tuple[str, int]],
) -> None:
    response = await client.get(f"/api/v1/timeline?bucket=month&{query}")
    data = response.json()["data"]
    assert data["total"] == total
    assert [(b["start"], b["count"]) for b in data["series"][0]["buckets"]] == buckets
    listed = await client.get(f"/api/v1/statements/count?{query}")
    assert listed.json()["data"]["count"] == total


async def test_rest_nothing_selected_is_an_empty_timeline(
    client: httpx.AsyncClient, calendar: Calendar
) -> None:
    response = await client.get("/api/v1/timeline?bucket=day&speaker=99&group_by=none")
    assert response.json() == {
        "data": {
            "bucket": "day",
            "group_by": None,
            "total": 0,
            "undated": 0,
            "imprecise": 0,
            "group_count": 0,
            "series": [],
        }
    }


async def test_rest_timeline_as_csv_and_json_lines(
    client: httpx.AsyncClient, calendar: Calendar
) -> None:
    response = await client.get("/api/v1/timeline?bucket=year&group_by=speaker&format=csv")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.text == (
        "group_id,group_name,status,start,end,count\r\n"
        "1,Mohammed Shia al-Sudani,dated,2023-01-01,2023-12-31,4\r\n"
        "1,Mohammed Shia al-Sudani,undated,,,1\r\n"
        "2,Mustafa al-Kadhimi,dated,2023-01-01,2023-12-31,3\r\n"
        ",,dated,2024-01-01,2024-12-31,1\r\n"
    )
    lines = await client.get(
        "/api/v1/timeline?bucket=year&speaker=2", headers={"accept": "application/x-ndjson"}
    )
    assert lines.headers["content-type"] == "application/x-ndjson"
    assert lines.text == (
        '{"group_id":null,"group_name":null,"status":"dated","start":"2023-01-01",'
        '"end":"2023-12-31","count":3}\n'
    )


@pytest.mark.parametrize(
    ("query", "code", "parameter"),
    [
        ("", "invalid_parameter", "bucket"),
        ("bucket=fortnight", "invalid_parameter", "bucket"),
        ("bucket=month&group_by=article", "invalid_parameter", "group_by"),
        ("bucket=month&top=0", "invalid_parameter", "top"),
        ("bucket=month&top=101", "invalid_parameter", "top"),
        ("bucket=month&limit=5", "invalid_parameter", "limit"),
        ("bucket=month&format=xml", "invalid_parameter", "format"),
        ("bucket=month&said_from=15+August", "invalid_filter", "said_from"),
    ],
)
async def test_rest_timeline_errors(
    client: httpx.AsyncClient, query: str, code: str, parameter: str
) -> None:
    response = await client.get(f"/api/v1/timeline?{query}")
    assert response.status_code == 400
    error = response.json()["error"]
    assert (error["code"], error["detail"]["parameter"]) == (code, parameter)


async def test_rest_missing_bucket_says_which_there_are(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/timeline")
    assert response.json()["error"]["message"] == (
        "bucket is required: count statements per day, week, month or year (bucket=month)"
    )


async def test_a_timeline_with_too_many_counts_is_refused(
    client: httpx.AsyncClient, calendar: Calendar, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(timeline_repository, "MAX_BUCKET_ROWS", 5)
    assert (await client.get("/api/v1/timeline?bucket=month")).status_code == 200
    response = await client.get("/api/v1/timeline?bucket=day")
    assert response.status_code == 400
    assert response.json()["error"] == {
        "status": 400,
        "code": "timeline_too_large",
        "message": "this timeline would have more than 5 counts: use a coarser bucket than "
        "day, fewer series (top), or a narrower filter (a said-on range)",
        "detail": {"max_counts": 5, "bucket": "day"},
    }


# -- GraphQL ---------------------------------------------------------------------------------

TIMELINE = """
query ($bucket: TimeBucket!, $groupBy: TimelineGroup, $filter: StatementFilter, $top: Int! = 10) {
  timeline(bucket: $bucket, groupBy: $groupBy, filter: $filter, top: $top) {
    bucket groupBy total undated imprecise groupCount
    series {
      group { id rowId name typeName }
      total undated imprecise
      buckets { start end count }
    }
  }
}
"""


def _graphql(rest: dict[str, Any], type_name: str, global_ids: dict[int, str]) -> dict[str, Any]:
    return {
        "bucket": rest["bucket"].upper(),
        "groupBy": None if rest["group_by"] is None else rest["group_by"].upper(),
        "total": rest["total"],
        "undated": rest["undated"],
        "imprecise": rest["imprecise"],
        "groupCount": rest["group_count"],
        "series": [
            {
                "group": None
                if s["group"] is None
                else {
                    "id": global_ids[s["group"]["id"]],
                    "rowId": s["group"]["id"],
                    "name": s["group"]["name"],
                    "typeName": type_name,
                },
                "total": s["total"],
                "undated": s["undated"],
                "imprecise": s["imprecise"],
                "buckets": s["buckets"],
            }
            for s in rest["series"]
        ],
    }


@pytest.mark.parametrize(
    ("variables", "rest_query", "type_name", "global_ids"),
    [
        ({"bucket": "WEEK"}, "bucket=week", "", {}),
        (
            {"bucket": "MONTH", "groupBy": "SPEAKER"},
            "bucket=month&group_by=speaker",
            "Actor",
            {1: "QWN0b3I6MQ==", 2: "QWN0b3I6Mg=="},
        ),
        (
            {"bucket": "YEAR", "groupBy": "OUTLET", "top": 2},
            "bucket=year&group_by=outlet&top=2",
            "Outlet",
            {1: "T3V0bGV0OjE=", 2: "T3V0bGV0OjI="},
        ),
        (
            {
                "bucket": "DAY",
                "groupBy": "LOCATION",
                "filter": {"saidOn": {"gte": "2023-08-14"}, "speaker": {"id": {"eq": "1"}}},
            },
            "bucket=day&group_by=location&said_from=2023-08-14&speaker=1",
            "Location",
            {1: "TG9jYXRpb246MQ=="},
        ),
    ],
)
async def test_graphql_timeline_is_the_rest_timeline(
    client: httpx.AsyncClient,
    calendar: Calendar,
    variables: dict[str, Any],
    rest_query: str,
    type_name: str,
    global_ids: dict[int, str],
) -> None:
    rest = (await client.get(f"/api/v1/timeline?{rest_query}")).json()["data"]
    body = await graphql(client, TIMELINE, variables)
    assert body == {"data": {"timeline": _graphql(rest, type_name, global_ids)}}


async def test_graphql_timeline_errors(client: httpx.AsyncClient) -> None:
    body = await graphql(client, TIMELINE, {"bucket": "MONTH", "top": 0})
    assert [e["extensions"]["code"] for e in body["errors"]] == ["invalid_parameter"]
    body = await graphql(
        client,
        TIMELINE,
        {"bucket": "MONTH", "filter": {"saidOn": {"gte": "2024-01-01", "lte": "2023-01-01"}}},
    )
    assert [e["extensions"]["code"] for e in body["errors"]] == ["invalid_filter"]


async def test_rest_filters_through_places_and_groups_by_speaker(
    client: httpx.AsyncClient, calendar: Calendar
) -> None:
    response = await client.get(
        "/api/v1/timeline?bucket=week&group_by=speaker&location_within=Baghdad"
    )
    data = response.json()["data"]
    assert (data["total"], data["group_count"]) == (2, 1)
    assert data["series"] == [
        {
            "group": SUDANI,
            "total": 2,
            "undated": 0,
            "imprecise": 0,
            "buckets": [_b("2023-08-07", "2023-08-13", 1), _b("2023-08-14", "2023-08-20", 1)],
        }
    ]


@pytest.mark.parametrize("bucket", list(TimeBucket))
@pytest.mark.parametrize("speaker", [1, 2, 99])
async def test_a_speakers_timeline_counted_day_by_day_is_the_general_count(
    calendar: Calendar, session: AsyncSession, bucket: TimeBucket, speaker: int
) -> None:
    """Filtered by speakers alone, a timeline is counted from the statements per speaker and
    day (``speaker_day``); the same filter wrapped so that it is counted row by row gives the
    same timeline (Sudani, 1, is the joint speaker of 3; Kadhimi's statements are imprecise,
    dated and undated)."""
    fast = await timeline_repository.timeline(session, SpeakerIs((speaker,)), bucket=bucket)
    assert fast == await _general(session, (speaker,), bucket)
    assert fast.total == {1: 5, 2: 3, 99: 0}[speaker]


async def _general(
    session: AsyncSession, speakers: tuple[int, ...], bucket: TimeBucket
) -> timelines.Timeline:
    """The timeline of ``speakers`` counted row by row (a filter the fast path does not take)."""
    return await timeline_repository.timeline(session, AnyOf((SpeakerIs(speakers),)), bucket=bucket)


async def _assert_fast_is_general(session: AsyncSession) -> None:
    for speakers in ((1,), (2,), (3,), (1, 2), (2, 3), (1, 2, 3)):
        for bucket in TimeBucket:
            fast = await timeline_repository.timeline(session, SpeakerIs(speakers), bucket=bucket)
            assert fast == await _general(session, speakers, bucket), (speakers, bucket)


async def test_a_speakers_timeline_stays_the_general_count_as_statements_change(
    calendar: Calendar, session: AsyncSession
) -> None:
    """Written, moved to another speaker or date, given another precision, deleted: the
    statements per speaker and day follow, for one speaker and several, joint statements
    whose main speaker is among them or not."""
    third = await f.create_actor(session, id=3, name="Fuad Hussein")
    # ids of their own: the calendar's are fixed, PostgreSQL's sequence does not know them
    for statement_id, said_on, precision in (
        (9, dt.date(2023, 8, 14), DatePrecision.DAY),
        (10, dt.date(2023, 8, 1), DatePrecision.MONTH),
        (11, None, None),
    ):
        await f.create_statement(
            session, id=statement_id, speaker=third, said_on=said_on, said_precision=precision
        )
    # a joint statement of Kadhimi (main) and the third speaker, another of all three
    await f.add_co_speaker(session, calendar.statements[7], third)
    await f.add_co_speaker(session, calendar.statements[2], third, position=1)
    await session.flush()
    await _assert_fast_is_general(session)

    first, second, _, fourth, fifth, sixth, seventh, _ = (s.id for s in calendar.statements)
    changes: list[tuple[int, dict[str, Any]]] = [
        (first, {"speaker_id": 2}),
        (second, {"said_on": dt.date(2024, 2, 29)}),
        (fourth, {"said_precision": DatePrecision.DAY, "said_on": dt.date(2023, 8, 20)}),
        (fifth, {"said_on": None, "said_precision": None}),
        (sixth, {"said_on": dt.date(2023, 12, 25), "said_precision": DatePrecision.DAY}),
        (seventh, {"speaker_id": 3}),
    ]
    for statement_id, values in changes:
        await session.execute(update(Statement).where(Statement.id == statement_id).values(values))
        await _assert_fast_is_general(session)
    await session.execute(delete(Statement).where(Statement.id.in_([first, fourth])))
    await _assert_fast_is_general(session)


async def test_a_speakers_timeline_is_one_query(
    calendar: Calendar, session: AsyncSession, query_counter: QueryCounter
) -> None:
    query_counter.reset()
    found = await timeline_repository.timeline(session, SpeakerIs((1, 2)), bucket=TimeBucket.WEEK)
    assert query_counter.count == 1
    assert found.total == 7
