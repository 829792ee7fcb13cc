"""Position history: an actor's (or a set of actors') statements on a subject in date order,
each with its renderings, through REST and GraphQL."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.api.conftest import graphql
from tests.api.research.conftest import History
from tests.conftest import QueryCounter

AL_MONITOR = {
    "id": 1,
    "name": "Al-Monitor",
    "country": "US",
    "kind": "online",
    "state_affiliation": None,
}
PRESS_TV = {
    "id": 2,
    "name": "Press TV",
    "country": "IR",
    "kind": "state_media",
    "state_affiliation": None,
}
SUDANI = {"id": 1, "name": "Mohammed Shia al-Sudani"}


def _article(id: int, title: str, published_on: str | None) -> dict[str, Any]:
    return {
        "id": id,
        "title": title,
        "url": None,
        "published_on": published_on,
        "published_precision": None,
        "published_estimated": False,
    }


def _rendering(
    attribution_id: int, content: str, article: dict[str, Any], outlet: Any, date_words: Any = None
) -> dict[str, Any]:
    return {
        "attribution_id": attribution_id,
        "kind": "indirect",
        "content": content,
        "said_on": None,
        "said_precision": None,
        "said_on_text": date_words,
        "article": article,
        "outlet": outlet,
    }


def _statement(id: int, text: str, said_on: str | None = None) -> dict[str, Any]:
    return {
        "id": id,
        "text": text,
        "kind": "indirect",
        "said_on": said_on,
        "said_precision": None if said_on is None else "day",
        "speaker": SUDANI,
    }


WE_NEED = "We need the foreign forces"
NO_LONGER = "Iraq no longer needs foreign combat forces"
JUSTIFICATIONS = "The justifications for the foreign forces' existence have ended"
WELCOME = "foreign forces remain welcome as advisers"

SUDANI_ON_FOREIGN_FORCES = [
    {
        "date": "2023-01-16",
        "date_basis": "reported",
        "statement": _statement(3, WE_NEED),
        "renderings": [
            _rendering(3, WE_NEED, _article(2, "Sudani interview", "2023-01-16"), AL_MONITOR)
        ],
    },
    {
        "date": "2023-08-15",
        "date_basis": "said",
        "statement": _statement(4, NO_LONGER, "2023-08-15"),
        "renderings": [
            _rendering(5, NO_LONGER, _article(4, "Monday", "2023-08-15"), PRESS_TV, "on Monday"),
            _rendering(
                4, NO_LONGER, _article(3, "No longer", "2023-08-16"), AL_MONITOR, "on 15 August"
            ),
        ],
    },
    {
        "date": "2024-02-12",
        "date_basis": "reported",
        "statement": _statement(5, JUSTIFICATIONS),
        "renderings": [
            _rendering(6, JUSTIFICATIONS, _article(5, "Justifications", "2024-02-12"), None)
        ],
    },
]
UNDATED = {
    "date": None,
    "date_basis": None,
    "statement": _statement(7, WELCOME),
    "renderings": [_rendering(8, WELCOME, _article(6, "Undated", None), None)],
}


async def test_rest_positions_in_date_order_with_their_renderings_undated_last(
    client: httpx.AsyncClient, history: History
) -> None:
    first = await client.get(
        "/api/v1/actors/1/positions", params={"q": "foreign forces", "limit": 3}
    )
    assert first.status_code == 200
    cursor = "WyJwb3NpdGlvbiIsIjIwMjQtMDItMTIiLDVd"
    assert first.json() == {
        "data": SUDANI_ON_FOREIGN_FORCES,
        "next_cursor": cursor,
        "links": {
            "next": f"http://test/api/v1/actors/1/positions?q=foreign+forces&limit=3&cursor={cursor}"
        },
    }
    second = await client.get(first.json()["links"]["next"])
    assert second.json() == {"data": [UNDATED], "next_cursor": None, "links": {"next": None}}


async def test_rest_positions_without_a_subject_are_all_the_statements(
    client: httpx.AsyncClient, history: History
) -> None:
    response = await client.get("/api/v1/actors/1/positions")
    dates = [(p["date"], p["statement"]["id"]) for p in response.json()["data"]]
    assert dates == [
        ("2023-01-10", 6),
        ("2023-01-16", 3),
        ("2023-08-15", 4),
        ("2024-02-12", 5),
        (None, 7),
    ]


async def test_rest_joint_statements_are_positions_of_each_speaker(
    client: httpx.AsyncClient, history: History
) -> None:
    response = await client.get("/api/v1/actors/2/positions")
    assert [
        (p["date"], p["date_basis"], p["statement"]["id"], p["statement"]["speaker"]["name"])
        for p in response.json()["data"]
    ] == [
        ("2021-07-25", "reported", 1, "Mustafa al-Kadhimi"),
        ("2021-07-26", "said", 2, "Joe Biden"),
    ]


async def test_rest_positions_of_everyone_who_held_a_role(
    client: httpx.AsyncClient, history: History
) -> None:
    by_role = await client.get(
        "/api/v1/positions", params={"role": "Prime Minister", "q": "foreign forces"}
    )
    assert [(p["date"], p["statement"]["id"]) for p in by_role.json()["data"]] == [
        ("2021-07-25", 1),
        ("2023-01-16", 3),
        ("2023-08-15", 4),
        ("2024-02-12", 5),
        (None, 7),
    ]
    by_id = await client.get("/api/v1/positions?actor=2&actor=1&q=foreign+forces")
    assert by_id.json()["data"] == by_role.json()["data"]
    both = await client.get("/api/v1/positions?actor=3&role=prime+minister&q=combat")
    assert [p["statement"]["id"] for p in both.json()["data"]] == [1, 2, 4]


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        ("/api/v1/actors/99/positions", 404, "not_found"),
        ("/api/v1/actors/x/positions", 400, "invalid_id"),
        ("/api/v1/actors/1/positions?cursor=WzVd", 400, "invalid_cursor"),
        ("/api/v1/actors/1/positions?limit=0", 400, "invalid_page_size"),
        ("/api/v1/actors/1/positions?speaker=1", 400, "invalid_parameter"),
        ('/api/v1/actors/1/positions?q="foreign', 400, "invalid_search_query"),
        ("/api/v1/positions?q=forces", 400, "invalid_parameter"),
        ("/api/v1/positions?actor=one", 400, "invalid_id"),
        ("/api/v1/positions?role=", 400, "invalid_parameter"),
    ],
)
async def test_rest_position_errors(
    client: httpx.AsyncClient, history: History, path: str, status: int, code: str
) -> None:
    response = await client.get(path)
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code


async def test_rest_positions_need_actors_and_say_how_to_name_them(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get("/api/v1/positions")
    assert response.json() == {
        "error": {
            "status": 400,
            "code": "invalid_parameter",
            "message": "give the actors whose positions you want: actor=<id> (several times "
            "for several), role=<title> (e.g. role=prime minister), or both",
            "detail": {"parameter": "actor"},
        }
    }


# -- GraphQL ---------------------------------------------------------------------------------

ACTOR_POSITIONS = """
query ($id: ID!, $search: String, $first: Int!, $after: String) {
  actor(id: $id) {
    positions(search: $search, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        date dateBasis
        statement { rowId text saidOn speaker { name } }
        renderings {
          attributionId kind content saidOn saidOnText
          article { rowId title publishedOn }
          outlet { name country }
        }
      }
    }
  }
}
"""


def _graphql_position(rest: dict[str, Any]) -> dict[str, Any]:
    statement = rest["statement"]
    return {
        "date": rest["date"],
        "dateBasis": None if rest["date_basis"] is None else rest["date_basis"].upper(),
        "statement": {
            "rowId": statement["id"],
            "text": statement["text"],
            "saidOn": statement["said_on"],
            "speaker": {"name": statement["speaker"]["name"]},
        },
        "renderings": [
            {
                "attributionId": r["attribution_id"],
                "kind": r["kind"].upper(),
                "content": r["content"],
                "saidOn": r["said_on"],
                "saidOnText": r["said_on_text"],
                "article": {
                    "rowId": r["article"]["id"],
                    "title": r["article"]["title"],
                    "publishedOn": r["article"]["published_on"],
                },
                "outlet": None
                if r["outlet"] is None
                else {"name": r["outlet"]["name"], "country": r["outlet"]["country"]},
            }
            for r in rest["renderings"]
        ],
    }


async def test_graphql_actor_positions_are_the_rest_positions(
    client: httpx.AsyncClient, history: History
) -> None:
    variables = {"id": "QWN0b3I6MQ==", "search": "foreign forces", "first": 3}
    first = await graphql(client, ACTOR_POSITIONS, variables)
    assert first == {
        "data": {
            "actor": {
                "positions": {
                    "totalCount": 4,
                    "pageInfo": {
                        "hasNextPage": True,
                        "endCursor": "WyJwb3NpdGlvbiIsIjIwMjQtMDItMTIiLDVd",
                    },
                    "nodes": [_graphql_position(p) for p in SUDANI_ON_FOREIGN_FORCES],
                }
            }
        }
    }
    variables["after"] = "WyJwb3NpdGlvbiIsIjIwMjQtMDItMTIiLDVd"
    second = await graphql(client, ACTOR_POSITIONS, variables)
    assert second["data"]["actor"]["positions"] == {
        "totalCount": 4,
        "pageInfo": {"hasNextPage": False, "endCursor": "WyJwb3NpdGlvbiIsbnVsbCw3XQ"},
        "nodes": [_graphql_position(UNDATED)],
    }


ROOT_POSITIONS = """
query ($actors: [ID!], $role: String, $search: String) {
  positions(actors: $actors, role: $role, search: $search, first: 10) {
    totalCount
    nodes { date statement { rowId speaker { name } } }
  }
}
"""


async def test_graphql_positions_of_a_set_of_actors(
    client: httpx.AsyncClient, history: History
) -> None:
    body = await graphql(client, ROOT_POSITIONS, {"role": "prime minister", "search": "foreign"})
    assert body["data"]["positions"]["totalCount"] == 5
    assert [
        (n["date"], n["statement"]["rowId"], n["statement"]["speaker"]["name"])
        for n in body["data"]["positions"]["nodes"]
    ] == [
        ("2021-07-25", 1, "Mustafa al-Kadhimi"),
        ("2023-01-16", 3, "Mohammed Shia al-Sudani"),
        ("2023-08-15", 4, "Mohammed Shia al-Sudani"),
        ("2024-02-12", 5, "Mohammed Shia al-Sudani"),
        (None, 7, "Mohammed Shia al-Sudani"),
    ]
    body = await graphql(client, ROOT_POSITIONS, {"actors": ["QWN0b3I6Mw=="]})
    assert [n["statement"]["rowId"] for n in body["data"]["positions"]["nodes"]] == [2]


@pytest.mark.parametrize(
    ("variables", "code"),
    [
        ({}, "invalid_parameter"),
        ({"actors": ["U3RhdGVtZW50OjE="]}, "invalid_id"),
        ({"actors": ["QWN0b3I6MQ=="], "search": '"foreign'}, "invalid_search_query"),
    ],
)
async def test_graphql_positions_errors(
    client: httpx.AsyncClient, history: History, variables: dict[str, Any], code: str
) -> None:
    body = await graphql(client, ROOT_POSITIONS, variables)
    assert body["data"] is None
    assert [e["extensions"]["code"] for e in body["errors"]] == [code]


EVERY_ACTORS_POSITIONS = """
query ($first: Int!) {
  actors(first: $first) {
    nodes {
      rowId
      positions(first: 2, search: "forces") {
        totalCount
        nodes { date statement { rowId } renderings { outlet { name } } }
      }
    }
  }
}
"""


async def test_positions_of_a_page_of_actors_cost_the_same_queries_as_of_one(
    client: httpx.AsyncClient, history: History, query_counter: QueryCounter
) -> None:
    counts = []
    for first in (1, 3):
        query_counter.reset()
        body = await graphql(client, EVERY_ACTORS_POSITIONS, {"first": first})
        assert "errors" not in body, body
        counts.append(query_counter.count)
    nodes = body["data"]["actors"]["nodes"]
    assert [
        (
            n["rowId"],
            n["positions"]["totalCount"],
            [p["statement"]["rowId"] for p in n["positions"]["nodes"]],
        )
        for n in nodes
    ] == [(1, 4, [3, 4]), (2, 1, [1]), (3, 0, [])]
    # the actors, their positions, their counts, the renderings with article and outlet
    assert counts == [4, 4]
