"""However many statements a page holds, the nested query costs the same number of SQL
statements: one per relation through the per-request DataLoaders of the resolvers, one in all
through the compiled path."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from api.app import create_app
from schema.settings import Settings
from tests import factories as f
from tests.api.conftest import BASE_URL, graphql
from tests.conftest import QueryCounter

STATEMENTS = """
query Statements($first: Int!) {
  statements(first: $first) {
    nodes {
      rowId text kind saidOn
      speaker { rowId name }
      attributions {
        rowId content saidOn
        article { rowId title url publishedOn outlet { rowId name } }
      }
    }
  }
}
"""


async def _corpus(session: AsyncSession, statements: int) -> None:
    """Statements by several speakers, each reported by two articles of different outlets."""
    speakers = [await f.create_actor(session) for _ in range(5)]
    for i in range(statements):
        statement = await f.create_statement(session, speaker=speakers[i % len(speakers)])
        for _ in range(2):
            article = await f.create_article(session, outlet=await f.create_outlet(session))
            await f.create_attribution(session, statement=statement, article=article)


async def _count(client: httpx.AsyncClient, counter: QueryCounter, first: int) -> tuple[int, int]:
    counter.reset()
    body = await graphql(client, STATEMENTS, {"first": first})
    assert "errors" not in body, body
    nodes = body["data"]["statements"]["nodes"]
    assert len(nodes) == first
    assert all(len(n["attributions"]) == 2 for n in nodes)
    assert all(a["article"]["outlet"] is not None for n in nodes for a in n["attributions"])
    return counter.count, len(
        {a["article"]["outlet"]["rowId"] for n in nodes for a in n["attributions"]}
    )


@pytest.fixture
async def resolvers_client(
    sessions: async_sessionmaker[AsyncSession],
) -> AsyncIterator[httpx.AsyncClient]:
    """The app with the compiled path off: every field through its resolver."""
    app = create_app(Settings(graphql_compiled=False), sessionmaker=sessions)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL) as http:
        yield http


async def test_fifty_statements_cost_no_more_queries_than_five(
    resolvers_client: httpx.AsyncClient, session: AsyncSession, query_counter: QueryCounter
) -> None:
    client = resolvers_client
    await _corpus(session, 50)

    queries_for_5, outlets_for_5 = await _count(client, query_counter, 5)
    statements_for_5 = list(query_counter.statements)
    queries_for_50, outlets_for_50 = await _count(client, query_counter, 50)

    assert (outlets_for_5, outlets_for_50) == (10, 100)
    # statements, speakers, attributions, articles, outlets: one query each
    assert queries_for_5 == 5, "\n\n".join(statements_for_5)
    assert queries_for_50 <= queries_for_5, "\n\n".join(query_counter.statements)


async def test_compiled_fifty_statements_cost_one_query_as_five_do(
    client: httpx.AsyncClient, session: AsyncSession, query_counter: QueryCounter
) -> None:
    await _corpus(session, 50)

    assert await _count(client, query_counter, 5) == (1, 10)
    assert await _count(client, query_counter, 50) == (1, 100)
