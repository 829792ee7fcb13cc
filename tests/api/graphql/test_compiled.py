"""The compiled path answers the queries it serves with the JSON the resolvers give, on real
data (the sample articles loaded by the real loader, and a synthetic corpus with every kind of
row), on both databases; it costs one SQL statement per root field whatever the page size,
and leaves everything else to the resolvers. Plain REST pages written by the database are the
JSON the REST views make of ORM rows."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

import httpx
import orjson
import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.routing import Mount

from api.app import create_app
from api.graphql import build_schema
from api.graphql.compiled import CompiledQueries
from api.graphql.compiled.registry import Registry
from api.graphql.ids import to_global_id
from api.reads import ReadConnections, Reader
from api.repository import search as search_module
from api.rest.compiled import CompiledLists
from api.rest.resources import RESOURCES
from api.rest.views import resource_routes
from migrations import upgrade
from schema.db import create_engine, session_factory
from schema.settings import Settings
from tests.api.conftest import BASE_URL, _recreate_postgres_database
from tests.benchmarks import corpus
from tests.conftest import postgres_url

pytestmark = pytest.mark.slow

REGISTRY = Registry(build_schema()._schema)


def leaves(type_name: str) -> str:
    """Every field of a type the compiled path reads from a column, its id and __typename."""
    info = REGISTRY.objects[type_name]
    return " ".join(["__typename", *(["id"] if info.global_id else []), *info.columns])


STATEMENT_TREE = f"""
  {leaves("Statement")}
  speaker {{
    {leaves("Actor")}
    aliases {{ {leaves("ActorAlias")} }}
    roles {{ {leaves("ActorRole")} organizationActor {{ rowId name }} evidenceArticle {{ rowId }} }}
  }}
  coSpeakers {{ {leaves("Actor")} }}
  location {{
    {leaves("Location")}
    parent {{ {leaves("Location")} parent {{ rowId name }} }}
    children {{ rowId name }}
    aliases {{ {leaves("LocationAlias")} }}
  }}
  attributions {{
    {leaves("Attribution")}
    article {{
      {leaves("Article")}
      outlet {{ {leaves("Outlet")} }}
      ingestRun {{ {leaves("IngestRun")} }}
      attributions {{ rowId contentStart }}
    }}
    statement {{ rowId }}
    speaker {{ rowId name }}
  }}
  mentionedActors {{ {leaves("Actor")} }}
  mentionedLocations {{ {leaves("Location")} }}
  actorMentions {{ {leaves("ActorMention")} actor {{ rowId }} attribution {{ rowId }} }}
  locationMentions {{ {leaves("LocationMention")} location {{ rowId }} attribution {{ rowId }} }}
  ingestRun {{ {leaves("IngestRun")} }}
"""

PAGE = "pageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor }"

QUERIES: list[tuple[str, dict[str, Any]]] = [
    (
        f"""query Statements($first: Int!, $after: String) {{
          statements(first: $first, after: $after) {{
            __typename totalCount {PAGE}
            nodes {{ {STATEMENT_TREE} }}
            edges {{ __typename cursor snippet {{ text }} node {{ rowId text }} }}
          }}
        }}""",
        {"first": 25},
    ),
    (
        f"""{{
          actors(first: 30) {{ totalCount {PAGE} nodes {{ {leaves("Actor")}
            aliases {{ {leaves("ActorAlias")} }} roles {{ {leaves("ActorRole")} }} }} }}
          locations(first: 30, filter: null) {{ nodes {{ {leaves("Location")}
            parent {{ rowId }} children {{ rowId }} aliases {{ alias }} }} }}
          articles(first: 10) {{ edges {{ cursor node {{ {leaves("Article")}
            outlet {{ name }} attributions {{ rowId contentStart content }} }} }} }}
          attributions(first: 40) {{ totalCount {PAGE} nodes {{ {leaves("Attribution")} }} }}
          outlets(first: 20) {{ nodes {{ {leaves("Outlet")} }} }}
        }}""",
        {},
    ),
    # aliases, fragments (named, inline, on the Node interface), merged fields, __typename
    (
        """query Shapes($n: Int = 5, $order: StatementOrder) {
          __typename
          first: statements(first: $n, orderBy: $order) { nodes { ...S } }
          again: statements(first: 2) { edges { node { ... on Statement { rowId kind } } } }
          outlets(first: 3) { edges { node { ... on Node { id } name } } }
        }
        fragment S on Statement {
          rowId
          ... on Node { id }
          speaker { name }
          speaker { rowId ...A }
          said: saidOn
          attributions { a: rowId article { t: title } }
        }
        fragment A on Actor { kind __typename }
        """,
        {},
    ),
]


#: searches in id order: the lists keep the rows their search index finds
SEARCHES: list[tuple[str, dict[str, Any]]] = [
    (
        f"""query Search($q: String!, $first: Int!, $after: String) {{
          statements(first: $first, after: $after, search: $q, filter: null) {{
            __typename totalCount {PAGE}
            nodes {{ rowId text saidOn speaker {{ name }} }}
            edges {{ cursor node {{ {leaves("Statement")} attributions {{ rowId }} }} }}
          }}
        }}""",
        {"q": "forces OR minister", "first": 20},
    ),
    (
        """query Others($a: String, $r: String) {
          actors(first: 5, search: $a) { totalCount nodes { rowId name } }
          articles(first: 5, search: $r, orderBy: null) {
            totalCount pageInfo { hasNextPage endCursor } nodes { rowId title }
          }
          unsearched: actors(first: 2, search: null) { totalCount nodes { rowId } }
        }""",
        {"a": 'minister OR al* OR "prime minister"', "r": "forces -troops OR drone"},
    ),
    # the words of no row, a query of stop words alone, stop words and a negation
    (
        """{
          a: statements(first: 3, search: "xyzzyquux") { totalCount nodes { rowId } }
          b: statements(first: 3, search: "the") { totalCount nodes { rowId } }
          c: statements(first: 3, search: "the -forces") { totalCount nodes { rowId } }
        }""",
        {},
    ),
]


# -- corpora -------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
async def synthetic_url(
    backend: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[str]:
    """A synthetic corpus of 400 statements (``tests.benchmarks.corpus``) in a database of
    its own: a temporary SQLite file, or ``<DICTA_TEST_POSTGRES_URL's>_synthetic``."""
    if backend == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('synthetic') / 'synthetic.db'}"
    else:
        server = postgres_url()
        assert server is not None
        u = make_url(server)
        url = u.set(database=f"{u.database}_synthetic").render_as_string(hide_password=False)
        await _recreate_postgres_database(url)
    try:
        await asyncio.to_thread(upgrade, url)
        await corpus.build(400, url, quiet=True)
        yield url
    finally:
        if backend == "postgresql":
            await _recreate_postgres_database(url, drop_only=True)


@pytest.fixture(scope="session", params=["samples", "synthetic"])
def corpus_url(request: pytest.FixtureRequest, samples_url: str, synthetic_url: str) -> str:
    return samples_url if request.param == "samples" else synthetic_url


@pytest.fixture(scope="session")
async def corpus_engine(corpus_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(corpus_url)
    yield engine
    await engine.dispose()


class Served:
    """The corpus served twice: through the compiled path, and by the resolvers alone."""

    def __init__(self, engine: AsyncEngine) -> None:
        sessions = session_factory(engine)
        self.compiled = CompiledQueries(build_schema(), ReadConnections(sessions))
        self.with_compiled = create_app(Settings(), sessionmaker=sessions)
        self.resolvers = create_app(Settings(graphql_compiled=False), sessionmaker=sessions)

    async def compiled_json(self, query: str, variables: dict[str, Any]) -> Any:
        body = await self.compiled.run(query, variables, None)
        assert body is not None, "the compiled path left the query to the resolvers"
        return orjson.loads(body)

    async def post(self, app: Any, query: str, variables: dict[str, Any]) -> Any:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as http:
            response = await http.post("/graphql", json={"query": query, "variables": variables})
        assert response.status_code == 200, response.text
        return response.json()

    async def resolved_json(self, query: str, variables: dict[str, Any]) -> Any:
        return await self.post(self.resolvers, query, variables)


@pytest.fixture
def served(corpus_engine: AsyncEngine) -> Served:
    return Served(corpus_engine)


class CountedReads(ReadConnections):
    """Read connections that record each statement they run."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        super().__init__(sessions)
        self.sent: list[str] = []

    @asynccontextmanager
    async def reader(self) -> AsyncIterator[Reader]:
        async with super().reader() as reader:
            sent, fetch = self.sent, reader.fetch

            async def counted(sql: str, params: Sequence[Any] = ()) -> Sequence[Any]:
                sent.append(sql)
                return await fetch(sql, params)

            reader.fetch = counted  # type: ignore[method-assign]
            yield reader


# -- the same JSON ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "variables"),
    [*QUERIES, *SEARCHES],
    ids=["statements", "roots", "shapes", "search", "searches", "no-matches"],
)
async def test_the_compiled_path_gives_the_resolvers_json(
    served: Served, query: str, variables: dict[str, Any]
) -> None:
    expected = await served.resolved_json(query, variables)
    assert "errors" not in expected, expected["errors"]
    assert await served.compiled_json(query, variables) == expected


async def test_a_search_finds_some_rows_and_not_all(served: Served) -> None:
    query, variables = SEARCHES[0]
    found = (await served.compiled_json(query, variables))["data"]["statements"]
    everything = (await served.compiled_json(QUERIES[0][0], {"first": 1}))["data"]["statements"]
    assert 0 < found["totalCount"] < everything["totalCount"]
    assert len(found["nodes"]) == min(20, found["totalCount"])


@pytest.mark.parametrize(
    ("query", "extra", "head"),
    [
        (QUERIES[0][0], {}, search_module.ID_ORDER_HEAD),
        # a search looks among the next rows in id order first, then through its index: both
        # ways, and where the page ends in the first or the second
        *((SEARCHES[0][0], {"q": "forces OR minister"}, head) for head in (1, 5, 12, 10_000)),
    ],
)
async def test_every_page_of_every_statement_is_the_same(
    served: Served,
    query: str,
    extra: dict[str, Any],
    head: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(search_module, "ID_ORDER_HEAD", head)
    after: str | None = None
    pages = 0
    while True:
        variables = {"first": 7, "after": after, **extra}
        expected = await served.resolved_json(query, variables)
        assert await served.compiled_json(query, variables) == expected
        connection = expected["data"]["statements"]
        pages += 1
        if not connection["pageInfo"]["hasNextPage"]:
            break
        after = connection["pageInfo"]["endCursor"]
    assert pages > 1


async def test_lookups_by_id_and_missing_rows(served: Served) -> None:
    query = f"""query One($s: ID!, $o: ID!, $missing: ID!) {{
      statement(id: $s) {{ {leaves("Statement")} speaker {{ name }} }}
      outlet(id: $o) {{ {leaves("Outlet")} }}
      actor(id: $missing) {{ rowId }}
    }}"""
    variables = {
        "s": to_global_id("Statement", 2),
        "o": to_global_id("Outlet", 1),
        "missing": to_global_id("Actor", 987654321),
    }
    expected = await served.resolved_json(query, variables)
    assert expected["data"]["statement"]["rowId"] == 2
    assert expected["data"]["actor"] is None
    assert await served.compiled_json(query, variables) == expected


# -- one statement per root field -------------------------------------------------------------


@pytest.mark.parametrize("first", [1, 10, 50])
async def test_one_statement_per_root_field_whatever_the_page_size(
    corpus_engine: AsyncEngine, first: int
) -> None:
    reads = CountedReads(session_factory(corpus_engine))
    compiled = CompiledQueries(build_schema(), reads)
    query, _ = QUERIES[0]
    body = await compiled.run(query, {"first": first}, None)
    assert body is not None
    assert len(orjson.loads(body)["data"]["statements"]["nodes"]) == first
    # the page with every relation nested in it, and totalCount
    assert len(reads.sent) == 2, reads.sent
    reads.close()


async def test_a_search_is_one_statement_and_its_count_another(
    corpus_engine: AsyncEngine,
) -> None:
    reads = CountedReads(session_factory(corpus_engine))
    compiled = CompiledQueries(build_schema(), reads)
    query, variables = SEARCHES[0]
    body = await compiled.run(query, variables, None)
    assert body is not None
    assert len(reads.sent) == 2, reads.sent
    # the count reads the search index's table alone
    assert '"statement"' not in reads.sent[1], reads.sent[1]
    reads.close()


# -- left to the resolvers -----------------------------------------------------------------------

FALLBACKS: list[tuple[str, dict[str, Any]]] = [
    # a field with a resolver of its own
    ("{ statements(first: 2) { nodes { rowId comparison { dateConflict } } } }", {}),
    ("{ attributions(first: 2) { nodes { fragments { start end } } } }", {}),
    # filters, orders and searches
    ("{ statements(first: 2, filter: {dateConflict: true}) { nodes { rowId } } }", {}),
    (
        "query($o: StatementOrder) { statements(first: 2, orderBy: $o) { nodes { rowId } } }",
        {"o": {"by": "SAID_ON"}},
    ),
    # searches whose snippets are asked for, in relevance order, invalid
    (
        '{ statements(first: 2, search: "forces") { edges { snippet { text } node { rowId } } } }',
        {},
    ),
    (
        'query($o: StatementOrder) { statements(first: 2, orderBy: $o, search: "forces") '
        "{ nodes { rowId } } }",
        {"o": {"by": "RELEVANCE"}},
    ),
    ('{ statements(first: 2, search: "forces AND") { nodes { rowId } } }', {}),
    ('{ actors(first: 2, search: ""unclosed") { nodes { rowId } } }', {}),
    # errors: page sizes, cursors, ids, variables, documents
    ("{ statements(first: 101) { nodes { rowId } } }", {}),
    ('{ statements(first: 2, after: "nope") { nodes { rowId } } }', {}),
    ('{ statement(id: "bm9wZQ==") { rowId } }', {}),
    ("query($n: Int!) { statements(first: $n) { nodes { rowId } } }", {"n": "ten"}),
    ("{ statements(first: 2) { nodes { rowId nope } } }", {}),
    ("{ statements(first: 2) { nodes { rowId @include(if: true) } } }", {}),
    # other root fields
    (f'{{ node(id: "{to_global_id("Statement", 1)}") {{ id }} }}', {}),
    ("{ timeline(bucket: YEAR) { total } }", {}),
]


@pytest.mark.parametrize(("query", "variables"), FALLBACKS)
async def test_the_resolvers_answer_the_rest_with_the_same_json(
    served: Served, query: str, variables: dict[str, Any]
) -> None:
    assert await served.compiled.run(query, variables, None) is None
    assert await served.post(served.with_compiled, query, variables) == await served.post(
        served.resolvers, query, variables
    )


# -- plain REST pages ------------------------------------------------------------------------


@pytest.mark.parametrize("path", [r.path for r in RESOURCES])
async def test_plain_rest_pages_are_the_views_json(corpus_engine: AsyncEngine, path: str) -> None:
    sessions = session_factory(corpus_engine)
    reads = ReadConnections(sessions)
    compiled = Starlette(routes=[Mount("/api/v1", routes=resource_routes(sessions, reads))])
    plain = Starlette(routes=[Mount("/api/v1", routes=resource_routes(sessions))])

    async def get(app: Starlette, url: str) -> Any:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as http:
            response = await http.get(url)
        assert response.status_code == 200, response.text
        return response.json()

    url: str | None = f"/api/v1/{path}?limit=7"
    pages = 0
    while url is not None and pages < 5:
        expected = await get(plain, url)
        assert await get(compiled, url) == expected
        url = expected["links"]["next"]
        pages += 1
    for query in ("", "?limit=1000", "?limit=0", "?cursor=nope", "?format=csv"):
        served = CompiledLists(next(r for r in RESOURCES if r.path == path).model, (), reads)
        request = Request(
            {
                "type": "http",
                "method": "GET",
                "path": f"/api/v1/{path}",
                "query_string": query.lstrip("?").encode(),
                "headers": [],
            }
        )
        body = await served.page(request)
        assert (body is None) == (query not in ("", "?limit=1000")), query
    reads.close()
