"""Cross-outlet comparison: the reference, the word diff, added words and date conflicts,
through REST and GraphQL."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from api.repository.renderings import Rendering
from api.research.compare import DiffOp, DiffSegment, compare, date_span, reference_of
from schema import Article, Attribution, DatePrecision, StatementKind
from tests import factories as f
from tests.api.conftest import graphql
from tests.api.research.conftest import Reports
from tests.conftest import QueryCounter

# -- the rules, on rows that are never stored ------------------------------------------------


def _rendering(
    id: int,
    kind: StatementKind,
    content: str,
    published_on: dt.date | None = None,
    said_on: dt.date | None = None,
    said_precision: DatePrecision | None = None,
) -> Rendering:
    attribution = Attribution(
        id=id,
        kind=kind,
        content=content,
        said_on=said_on,
        said_precision=said_precision,
    )
    return Rendering(attribution, Article(id=id, published_on=published_on), None)


def test_the_reference_is_the_most_direct_then_the_earliest_published() -> None:
    d = dt.date
    indirect = _rendering(1, StatementKind.INDIRECT, "a", d(2023, 1, 1))
    mixed_late = _rendering(2, StatementKind.MIXED, "b", d(2023, 3, 1))
    mixed_early = _rendering(3, StatementKind.MIXED, "c", d(2023, 2, 1))
    mixed_undated = _rendering(4, StatementKind.MIXED, "d")
    direct_undated = _rendering(5, StatementKind.DIRECT, "e")
    direct_undated_2 = _rendering(6, StatementKind.DIRECT, "f")

    assert reference_of([indirect, mixed_late, mixed_early, mixed_undated]) is mixed_early
    assert reference_of([indirect, mixed_undated, direct_undated_2, direct_undated]) is (
        direct_undated
    )
    assert reference_of([indirect]) is indirect
    assert reference_of([]) is None


def test_a_date_spans_what_its_precision_allows() -> None:
    d = dt.date
    assert date_span(d(2024, 2, 10), DatePrecision.MONTH) == (d(2024, 2, 1), d(2024, 2, 29))
    assert date_span(d(2023, 6, 1), DatePrecision.YEAR) == (d(2023, 1, 1), d(2023, 12, 31))
    assert date_span(d(2023, 8, 14), DatePrecision.DAY) == (d(2023, 8, 14), d(2023, 8, 14))
    assert date_span(d(2023, 8, 14), None) == (d(2023, 8, 14), d(2023, 8, 14))


def test_added_words_leave_out_function_words_and_keep_negations() -> None:
    quote = _rendering(1, StatementKind.DIRECT, "“We need the foreign forces,”")
    paraphrase = _rendering(
        2, StatementKind.INDIRECT, "he said that they do NOT need the U.S. forces any more."
    )
    comparison = compare([paraphrase, quote])
    assert [r.attribution.id for r in comparison.renderings] == [1, 2]
    assert comparison.renderings[1].added_words == ("said", "NOT", "U.S.", "more")
    assert comparison.renderings[1].diff == (
        DiffSegment(DiffOp.REPLACE, "“We", "he said that they do NOT"),
        DiffSegment(DiffOp.EQUAL, "need the", "need the"),
        DiffSegment(DiffOp.REPLACE, "foreign", "U.S."),
        DiffSegment(DiffOp.EQUAL, "forces,”", "forces"),
        DiffSegment(DiffOp.INSERT, "", "any more."),
    )


def test_dates_of_different_precision_agree_when_one_contains_the_other() -> None:
    d = dt.date
    august = _rendering(
        1, StatementKind.DIRECT, "x", said_on=d(2023, 8, 1), said_precision=DatePrecision.MONTH
    )
    the_15th = _rendering(
        2, StatementKind.INDIRECT, "x", said_on=d(2023, 8, 15), said_precision=DatePrecision.DAY
    )
    undated = _rendering(3, StatementKind.INDIRECT, "x")
    comparison = compare([august, the_15th, undated])
    assert comparison.date_conflict is False
    assert [r.date_conflict for r in comparison.renderings] == [False, False, False]

    july = _rendering(
        4, StatementKind.INDIRECT, "x", said_on=d(2023, 7, 31), said_precision=DatePrecision.DAY
    )
    comparison = compare([august, the_15th, undated, july])
    assert comparison.date_conflict is True
    assert [(r.attribution.id, r.date_conflict) for r in comparison.renderings] == [
        (1, True),
        (2, True),
        (3, False),
        (4, True),
    ]


def test_a_statement_nothing_reports_compares_to_nothing() -> None:
    comparison = compare([])
    assert comparison.reference is None
    assert comparison.renderings == ()
    assert comparison.date_conflict is False


# -- REST ------------------------------------------------------------------------------------

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
    "state_affiliation": "Iranian state broadcaster (IRIB)",
}
REFERENCE = 'Iraq "no longer needs the presence of foreign combat forces on its soil,"'

COMPARISON = {
    "statement": {
        "id": 1,
        "text": "Iraq no longer needs the presence of foreign combat forces on its soil",
        "kind": "mixed",
        "said_on": "2023-08-15",
        "said_precision": "day",
        "speaker": {"id": 1, "name": "Mohammed Shia al-Sudani"},
    },
    "date_conflict": True,
    "renderings": [
        {
            "attribution_id": 1,
            "kind": "mixed",
            "content": REFERENCE,
            "said_on": "2023-08-15",
            "said_precision": "day",
            "said_on_text": "on 15 August",
            "article": {
                "id": 1,
                "title": "Iraq no longer needs foreign combat troops, PM says",
                "url": "https://www.al-monitor.com/2023/08/iraq-troops",
                "published_on": "2023-08-16",
                "published_precision": "day",
                "published_estimated": False,
            },
            "outlet": AL_MONITOR,
            "is_reference": True,
            "similarity": 1.0,
            "diff": [{"op": "equal", "reference": REFERENCE, "rendering": REFERENCE}],
            "added_words": [],
            "date_conflict": True,
        },
        {
            "attribution_id": 2,
            "kind": "indirect",
            "content": "Iraq no longer needs U.S. forces",
            "said_on": "2023-08-14",
            "said_precision": "day",
            "said_on_text": "on Monday",
            "article": {
                "id": 2,
                "title": "Iraqi PM: no need for U.S. forces",
                "url": None,
                "published_on": "2023-08-15",
                "published_precision": "day",
                "published_estimated": True,
            },
            "outlet": PRESS_TV,
            "is_reference": False,
            "similarity": 0.526,
            "diff": [
                {
                    "op": "equal",
                    "reference": 'Iraq "no longer needs',
                    "rendering": "Iraq no longer needs",
                },
                {
                    "op": "replace",
                    "reference": "the presence of foreign combat",
                    "rendering": "U.S.",
                },
                {"op": "equal", "reference": "forces", "rendering": "forces"},
                {"op": "delete", "reference": 'on its soil,"', "rendering": ""},
            ],
            "added_words": ["U.S."],
            "date_conflict": True,
        },
        {
            "attribution_id": 3,
            "kind": "indirect",
            "content": "the country does not need foreign troops",
            "said_on": "2023-08-01",
            "said_precision": "month",
            "said_on_text": "in August",
            "article": {
                "id": 3,
                "title": None,
                "url": None,
                "published_on": None,
                "published_precision": None,
                "published_estimated": False,
            },
            "outlet": None,
            "is_reference": False,
            "similarity": 0.2,
            "diff": [
                {"op": "delete", "reference": 'Iraq "no longer needs', "rendering": ""},
                {"op": "equal", "reference": "the", "rendering": "the"},
                {"op": "replace", "reference": "presence of", "rendering": "country does not need"},
                {"op": "equal", "reference": "foreign", "rendering": "foreign"},
                {
                    "op": "replace",
                    "reference": 'combat forces on its soil,"',
                    "rendering": "troops",
                },
            ],
            "added_words": ["country", "not", "troops"],
            "date_conflict": False,
        },
    ],
}


async def test_rest_compares_the_renderings_side_by_side(
    client: httpx.AsyncClient, reports: Reports
) -> None:
    response = await client.get("/api/v1/statements/1/compare")
    assert response.status_code == 200
    assert response.json() == {"data": COMPARISON}


async def test_rest_comparison_of_a_statement_nothing_reports(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    await f.create_statement(session, id=5, text="Unreported.", kind=StatementKind.DIRECT)
    response = await client.get("/api/v1/statements/5/compare")
    assert response.json() == {
        "data": {
            "statement": {
                "id": 5,
                "text": "Unreported.",
                "kind": "direct",
                "said_on": None,
                "said_precision": None,
                "speaker": None,
            },
            "date_conflict": False,
            "renderings": [],
        }
    }


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        ("/api/v1/statements/999/compare", 404, "not_found"),
        ("/api/v1/statements/one/compare", 400, "invalid_id"),
        ("/api/v1/statements/1/compare?limit=3", 400, "invalid_parameter"),
    ],
)
async def test_rest_comparison_errors(
    client: httpx.AsyncClient, reports: Reports, path: str, status: int, code: str
) -> None:
    response = await client.get(path)
    assert response.status_code == status
    assert response.json()["error"]["code"] == code


async def test_rest_missing_statement_says_where_to_find_ids(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/statements/999/compare")
    assert response.json() == {
        "error": {
            "status": 404,
            "code": "not_found",
            "message": "there is no statement with id 999: list statements at "
            "/api/v1/statements to find the ids there are",
            "detail": {"resource": "statement", "id": 999},
        }
    }


# -- GraphQL ---------------------------------------------------------------------------------

COMPARISON_QUERY = """
query ($id: ID!) {
  statement(id: $id) {
    comparison {
      dateConflict
      reference { attributionId }
      renderings {
        attributionId isReference kind content saidOn saidPrecision saidOnText
        similarity addedWords dateConflict
        diff { op reference rendering }
        outlet { name country kind }
        article { rowId title url publishedOn }
        attribution { rowId contentStart }
      }
    }
  }
}
"""


def _graphql_rendering(rest: dict[str, Any]) -> dict[str, Any]:
    """The GraphQL rendering that carries what a REST rendering does."""
    outlet = rest["outlet"]
    article = rest["article"]
    return {
        "attributionId": rest["attribution_id"],
        "isReference": rest["is_reference"],
        "kind": rest["kind"].upper(),
        "content": rest["content"],
        "saidOn": rest["said_on"],
        "saidPrecision": rest["said_precision"].upper(),
        "saidOnText": rest["said_on_text"],
        "similarity": rest["similarity"],
        "addedWords": rest["added_words"],
        "dateConflict": rest["date_conflict"],
        "diff": [{**s, "op": s["op"].upper()} for s in rest["diff"]],
        "outlet": None
        if outlet is None
        else {"name": outlet["name"], "country": outlet["country"], "kind": outlet["kind"].upper()},
        "article": {
            "rowId": article["id"],
            "title": article["title"],
            "url": article["url"],
            "publishedOn": article["published_on"],
        },
        "attribution": {"rowId": rest["attribution_id"], "contentStart": 0},
    }


async def test_graphql_comparison_is_the_rest_comparison(
    client: httpx.AsyncClient, reports: Reports
) -> None:
    body = await graphql(client, COMPARISON_QUERY, {"id": "U3RhdGVtZW50OjE="})
    assert body == {
        "data": {
            "statement": {
                "comparison": {
                    "dateConflict": True,
                    "reference": {"attributionId": 1},
                    "renderings": [_graphql_rendering(r) for r in COMPARISON["renderings"]],
                }
            }
        }
    }


PAGE_OF_COMPARISONS = """
query ($first: Int!) {
  statements(first: $first) {
    nodes {
      rowId
      comparison {
        dateConflict
        renderings { attributionId addedWords outlet { name } article { title } }
      }
    }
  }
}
"""


async def test_comparisons_of_a_page_cost_the_same_queries_as_of_one(
    client: httpx.AsyncClient, session: AsyncSession, query_counter: QueryCounter
) -> None:
    for _ in range(12):
        statement = await f.create_statement(session, text="We need the foreign forces.")
        for words in ("We need the foreign forces.", "they need U.S. forces"):
            article = await f.create_article(session, outlet=await f.create_outlet(session))
            await f.create_attribution(session, statement=statement, article=article, content=words)

    counts = []
    for first in (1, 12):
        query_counter.reset()
        body = await graphql(client, PAGE_OF_COMPARISONS, {"first": first})
        nodes = body["data"]["statements"]["nodes"]
        assert len(nodes) == first
        assert all(n["comparison"]["renderings"][1]["addedWords"] == ["U.S."] for n in nodes)
        counts.append(query_counter.count)
    assert counts[0] == counts[1] == 2  # the page, then every rendering with its article
