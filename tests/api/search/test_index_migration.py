"""Revision 0002 on both backends: downgrade removes every search object (writes keep
working), upgrade builds the indexes again from the rows already there."""

from __future__ import annotations

from alembic import command
from sqlalchemy import Connection, insert, inspect, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from api.repository.search import search_actors, search_articles, search_statements
from migrations import alembic_config
from schema import Actor, ActorAlias, Article, Statement


def _migrate(connection: Connection, revision: str) -> None:
    config = alembic_config("sqlite://")  # unused: the connection below is used instead
    config.attributes["connection"] = connection
    if revision == "head":
        command.upgrade(config, revision)
    else:
        command.downgrade(config, revision)


def _search_tables(connection: Connection) -> list[str]:
    return sorted(t for t in inspect(connection).get_table_names() if t.startswith("fts_"))


async def test_downgrade_then_upgrade_backfills(
    connection: AsyncConnection, session: AsyncSession
) -> None:
    await connection.execute(
        insert(Statement), [{"id": 7001, "text": "Before: the ceasefire holds.", "kind": "direct"}]
    )
    await connection.run_sync(_migrate, "0001")
    assert await connection.run_sync(_search_tables) == []
    if connection.dialect.name == "postgresql":
        leftovers = await connection.scalar(
            text(
                "SELECT count(*) FROM pg_proc WHERE proname LIKE 'fts\\_%' "
                "AND pronamespace = 'public'::regnamespace"
            )
        )
        assert leftovers == 0

    # without the search revision, writes need no search objects
    await connection.execute(
        insert(Statement), [{"id": 7002, "text": "During: the ceasefire broke.", "kind": "direct"}]
    )
    await connection.execute(
        insert(Actor), [{"id": 7003, "name": "Hadi al-Amiri", "kind": "person"}]
    )
    await connection.execute(
        insert(ActorAlias),
        [{"id": 7004, "actor_id": 7003, "alias": "هادي العامري", "normalized": "هادي العامري"}],
    )
    await connection.execute(
        insert(Article),
        [
            {
                "id": 7005,
                "title": "Ceasefire",
                "text": "The ceasefire broke.",
                "raw_sha256": "e" * 64,
                "file_name": "e.txt",
            }
        ],
    )

    await connection.run_sync(_migrate, "head")
    assert await connection.run_sync(_search_tables) != []
    hits = (await search_statements(session, "ceasefire", limit=5)).rows
    assert sorted(h.row.id for h in hits) == [7001, 7002]
    assert [h.row.id for h in (await search_actors(session, "العامري", limit=5)).rows] == [7003]
    assert [h.row.id for h in (await search_articles(session, "ceasefire", limit=5)).rows] == [7005]
