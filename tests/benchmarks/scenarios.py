"""The API benchmark's scenarios: what a dashboard and a notebook ask of Dicta.

Each scenario is built from a few ids picked in the corpus (the most quoted speaker, a
statement reported by several outlets), so that it asks for real rows of any corpus size.

Every scenario but the two ``cached`` ones sends ``Cache-Control: no-cache`` and accepts only
responses the server says it computed (``X-Dicta-Cache: bypass``): they measure queries. The
cached ones measure what a dashboard polling one query costs: (a) from the response cache,
and (a) as a GET revalidated with ``If-None-Match`` (304). (a) is also measured with the
compiled path off (``DICTA_GRAPHQL_COMPILED=0``): every field through its resolver.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass, replace

import orjson

from tests.benchmarks.http_load import Request

#: (a) 50 statements with speaker, attributions → article → outlet, and mentioned places;
#: the floor endpoint answers the same document with one hand-written SQL query.
STATEMENTS_QUERY = """
query Statements($first: Int!) {
  statements(first: $first) {
    nodes {
      rowId text kind saidOn
      speaker { rowId name }
      attributions {
        rowId content saidOn
        article { rowId title url publishedOn outlet { rowId name } }
      }
      mentionedLocations { rowId name }
    }
  }
}
"""

SEARCH_QUERY = """
query Search($q: String!) {
  statements(first: 20, search: $q) {
    nodes { rowId text saidOn speaker { name } }
  }
}
"""

#: the same with the exact number of matches, which counts them all
SEARCH_COUNT_QUERY = """
query SearchCount($q: String!) {
  statements(first: 20, search: $q) {
    totalCount
    nodes { rowId text saidOn speaker { name } }
  }
}
"""

TIMELINE_QUERY = """
query Timeline($speaker: ID!) {
  timeline(filter: {speaker: {id: {eq: $speaker}}}, bucket: MONTH) {
    total undated imprecise
    series { buckets { start count } }
  }
}
"""


@dataclass(frozen=True)
class Picks:
    speaker_row_id: int
    speaker_global_id: str
    statement_row_id: int
    search: str = "foreign forces"


@dataclass(frozen=True)
class Scenario:
    key: str
    title: str
    request: Request
    #: requests per measurement (bounded) and concurrent clients
    requests: int
    concurrency: int = 10
    #: rows per response, for rows/s (exports)
    rows: int | None = None
    #: served from the cache (never compared with the floor as query throughput)
    cached: bool = False
    #: sent with If-None-Match: the ETag of a first answer to the same request
    revalidate: bool = False
    #: the server it runs against: "api", or "resolvers" (the compiled path off)
    server: str = "api"


COMPUTED = frozenset({"bypass"})
UNCACHED = {"cache-control": "no-cache"}


def graphql(query: str, variables: dict[str, object]) -> Request:
    """A GraphQL POST the server must compute."""
    return Request(
        "POST",
        "/graphql",
        orjson.dumps({"query": query, "variables": variables}),
        {"content-type": "application/json", **UNCACHED},
        graphql=True,
        cache=COMPUTED,
    )


def graphql_get(query: str, variables: dict[str, object]) -> Request:
    params = urllib.parse.urlencode({"query": query, "variables": orjson.dumps(variables)})
    return Request("GET", f"/graphql?{params}", graphql=True, cache=frozenset({"revalidated"}))


def rest(path: str) -> Request:
    return Request("GET", path, headers=UNCACHED, cache=COMPUTED)


def scenarios(picks: Picks, *, requests: int, export_rows: int) -> list[Scenario]:
    a = graphql(STATEMENTS_QUERY, {"first": 50})
    return [
        Scenario(
            "a_graphql_statements",
            "GraphQL: 50 statements, speaker, attributions → article → outlet, places",
            a,
            requests,
        ),
        Scenario(
            "a_resolvers",
            "(a) with the compiled path off: every field through its resolver",
            a,
            requests,
            server="resolvers",
        ),
        Scenario(
            "a_cached",
            "(a) from the response cache (same request, same data version)",
            replace(a, headers={"content-type": "application/json"}, cache=frozenset({"hit"})),
            requests,
            cached=True,
        ),
        Scenario(
            "a_revalidated",
            "(a) as a GET with If-None-Match: 304 Not Modified",
            graphql_get(STATEMENTS_QUERY, {"first": 50}),
            requests,
            cached=True,
            revalidate=True,
        ),
        Scenario(
            "b_graphql_search",
            f"GraphQL: search {picks.search!r}, first 20",
            graphql(SEARCH_QUERY, {"q": picks.search}),
            requests,
        ),
        Scenario(
            "b_search_count",
            f"GraphQL: search {picks.search!r}, first 20, with totalCount",
            graphql(SEARCH_COUNT_QUERY, {"q": picks.search}),
            requests,
        ),
        Scenario(
            "c_graphql_timeline",
            "GraphQL: timeline by month for the most quoted speaker",
            graphql(TIMELINE_QUERY, {"speaker": picks.speaker_global_id}),
            requests,
        ),
        Scenario(
            "d_rest_statements",
            "REST: GET /api/v1/statements?limit=50",
            rest("/api/v1/statements?limit=50"),
            requests,
        ),
        Scenario(
            "e_rest_csv_export",
            f"REST: CSV export of {export_rows:,} statements, one client",
            # a stream is never cached: any answer goes
            Request("GET", f"/api/v1/statements?format=csv&max_rows={export_rows}"),
            requests=3,
            concurrency=1,
            rows=export_rows,
        ),
        Scenario(
            "f_statement_comparison",
            "REST: cross-outlet comparison of one statement",
            rest(f"/api/v1/statements/{picks.statement_row_id}/compare"),
            requests,
        ),
    ]


def floor_scenario(requests: int) -> Scenario:
    return Scenario(
        "floor",
        "floor: (a)'s rows by one SQL query + orjson on bare Starlette",
        Request("GET", "/floor?first=50"),
        requests,
    )
