"""Fixtures: a real SQLite file and, when DICTA_TEST_POSTGRES_URL is set, a real PostgreSQL
database, both migrated by alembic; every test runs in a transaction that is rolled back.

Database tests take the ``db_url``/``engine``/``session`` fixtures and so run once per backend:
``[sqlite]`` always, ``[postgresql]`` when the variable names a server (skipped otherwise).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker

from migrations import upgrade
from schema.db import create_engine

POSTGRES_ENV = "DICTA_TEST_POSTGRES_URL"
BACKENDS = ["sqlite", "postgresql"]
REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "seed" / "samples"


def postgres_url() -> str | None:
    url = os.environ.get(POSTGRES_ENV, "").strip()
    if not url:
        return None
    u = make_url(url)
    if u.drivername == "postgresql":
        u = u.set(drivername="postgresql+asyncpg")
    return u.render_as_string(hide_password=False)


async def reset_postgres(url: str) -> None:
    """Empty the test database's public schema so that alembic starts from nothing."""
    engine = create_engine(url)
    try:
        async with engine.begin() as conn:
            await conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            await conn.execute(text("CREATE SCHEMA public"))
    finally:
        await engine.dispose()


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    if name == "postgresql" and postgres_url() is None:
        pytest.skip(
            f"PostgreSQL tests need {POSTGRES_ENV} (e.g. postgresql+asyncpg://postgres@127.0.0.1/test); "
            ".ci/run sets it"
        )
    return name


@pytest.fixture(scope="session")
async def db_url(backend: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A freshly migrated database of the backend's kind, shared by the session's tests."""
    if backend == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('db') / 'dicta.db'}"
    else:
        pg = postgres_url()
        assert pg is not None
        await reset_postgres(pg)
        url = pg
    await asyncio.to_thread(upgrade, url)
    return url


@pytest.fixture(scope="session")
async def engine(db_url: str) -> AsyncIterator[AsyncEngine]:
    eng = create_engine(db_url)
    yield eng
    await eng.dispose()


@pytest.fixture
async def connection(engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    """A connection inside an outer transaction that is rolled back after the test."""
    async with engine.connect() as conn:
        outer = await conn.begin()
        try:
            yield conn
        finally:
            if outer.is_active:
                await outer.rollback()


@pytest.fixture
def sessions(connection: AsyncConnection) -> async_sessionmaker[AsyncSession]:
    """Sessions joined to the test's transaction: their commits become savepoints."""
    return async_sessionmaker(
        bind=connection,
        expire_on_commit=False,
        autoflush=False,
        join_transaction_mode="create_savepoint",
    )


@pytest.fixture
async def session(sessions: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    async with sessions() as s:
        yield s


#: the HTTP cache's read of the data version (``api.cache``): not a query of the request's own
DATA_VERSION_READ = "SELECT version FROM data_version"


class QueryCounter:
    """Counts the SQL statements sent through an engine while it is active, but for the HTTP
    cache's read of the data version."""

    def __init__(self) -> None:
        self.statements: list[str] = []

    @property
    def count(self) -> int:
        return len(self.statements)

    def reset(self) -> None:
        self.statements.clear()

    def __call__(self, _conn, _cursor, statement, _params, _context, _executemany) -> None:  # type: ignore[no-untyped-def]
        if not statement.lstrip().upper().startswith(
            ("SAVEPOINT", "RELEASE", "ROLLBACK TO")
        ) and not statement.startswith(DATA_VERSION_READ):
            self.statements.append(statement)


@pytest.fixture
def query_counter(engine: AsyncEngine) -> Iterator[QueryCounter]:
    counter = QueryCounter()
    event.listen(engine.sync_engine, "before_cursor_execute", counter)
    try:
        yield counter
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", counter)
