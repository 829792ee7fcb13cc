"""Alembic environment: async engines, batch mode on SQLite, Dicta's metadata as target."""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy.engine import Connection

import schema
from schema.db import create_engine, is_sqlite
from schema.settings import Settings

config = context.config
target_metadata = schema.Base.metadata

#: Full-text search tables (revision 0002) are named ``fts_*``: FTS5 virtual tables and their
#: shadow tables on SQLite, tsvector tables on PostgreSQL. Triggers keep them in sync with the
#: mapped tables; the models do not map them, so autogenerate must not compare them.
SEARCH_TABLE_PREFIX = "fts_"


def include_name(name: str | None, type_: str, _parent_names: object) -> bool:
    return not (type_ == "table" and name is not None and name.startswith(SEARCH_TABLE_PREFIX))


def _url() -> str:
    return config.get_main_option("sqlalchemy.url") or Settings.from_env().database_url


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        compare_server_default=False,
        include_name=include_name,
    )


def _run_sync(connection: Connection) -> None:
    _configure(connection)
    with context.begin_transaction():
        context.run_migrations()


async def _run_async() -> None:
    engine = create_engine(_url())
    try:
        async with engine.connect() as connection:
            await connection.run_sync(_run_sync)
            await connection.commit()
    finally:
        await engine.dispose()


def run_migrations_offline() -> None:
    url = _url()
    context.configure(
        url=url,
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=is_sqlite(url),
        dialect_opts={"paramstyle": "named"},
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run_sync(connection)
    else:
        asyncio.run(_run_async())
