"""Reads that need no transaction of their own, through the driver, in as few steps as it takes.

The compiled GraphQL path and the HTTP cache run one or two statements per request and read
plain rows; a session would begin a transaction and roll it back around them (on PostgreSQL two
more round trips, on SQLite more hand-offs to the driver's thread than the query itself).
``ReadConnections.reader()`` gives a ``Reader`` that runs each statement on its own (each its own
snapshot):

* PostgreSQL: a connection of the read engine's pool, through asyncpg, outside any
  transaction;
* SQLite (a file): a few connections of its own, one per thread of a small pool, opened
  ``query_only`` with the engine's busy timeout and SQL functions; one hand-off per statement;
* sessions bound to a connection rather than an engine (the tests' rolled-back
  transactions): that connection, so that reads see the test's rows.

Statements take positional parameters in the dialect's style (``$1`` or ``?``).
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import AsyncIterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from typing import Any, Protocol

import asyncpg
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker

from schema.db import sqlite_connection_setup

__all__ = ["READ_ERRORS", "ReadConnections", "Reader"]

#: what a read raises when the database cannot answer it
READ_ERRORS: tuple[type[BaseException], ...] = (
    SQLAlchemyError,
    asyncpg.PostgresError,
    asyncpg.InterfaceError,
    sqlite3.Error,
    OSError,
)

Row = Sequence[Any]


class Reader(Protocol):
    dialect: str

    async def fetch(self, sql: str, params: Sequence[Any] = ()) -> Sequence[Row]: ...


class _PostgreSQL:
    dialect = "postgresql"

    def __init__(self, connection: asyncpg.Connection) -> None:
        self.connection = connection

    async def fetch(self, sql: str, params: Sequence[Any] = ()) -> Sequence[Row]:
        rows: Sequence[Row] = await self.connection.fetch(sql, *params)
        return rows


class _Joined:
    """A connection of SQLAlchemy's (the tests' transaction)."""

    def __init__(self, connection: AsyncConnection) -> None:
        self.connection = connection
        self.dialect = connection.dialect.name

    async def fetch(self, sql: str, params: Sequence[Any] = ()) -> Sequence[Row]:
        return (await self.connection.exec_driver_sql(sql, tuple(params))).all()


class _SQLite:
    """Connections to one SQLite file, one per thread of its own executor."""

    dialect = "sqlite"

    def __init__(self, path: str, threads: int = 4) -> None:
        self.path = path
        self._executor = ThreadPoolExecutor(threads, thread_name_prefix="dicta-sqlite-read")
        self._local = threading.local()

    def _connection(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if conn is None:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            sqlite_connection_setup(conn)
            conn.execute("PRAGMA query_only = ON")
            self._local.connection = conn
        return conn

    def _fetch(self, sql: str, params: Sequence[Any]) -> list[Row]:
        return self._connection().execute(sql, params).fetchall()

    async def fetch(self, sql: str, params: Sequence[Any] = ()) -> Sequence[Row]:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self._fetch, sql, params)

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)


class ReadConnections:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self.sessions = sessions
        bind = sessions.kw.get("bind")
        self._pg: AsyncEngine | None = None
        self._sqlite: _SQLite | None = None
        if isinstance(bind, AsyncEngine):
            name = bind.dialect.name
            database = bind.url.database
            if name == "postgresql":
                self._pg = bind
            elif name == "sqlite" and database and database != ":memory:":
                self._sqlite = _SQLite(database)

    @asynccontextmanager
    async def reader(self) -> AsyncIterator[Reader]:
        if self._sqlite is not None:
            yield self._sqlite
        elif self._pg is not None:
            # the pooled DBAPI connection as it is: asyncpg runs each statement on its own
            # unless told to begin, and nothing here begins
            raw = await self._pg.raw_connection()
            try:
                yield _PostgreSQL(raw.driver_connection)
            finally:
                raw.close()
        else:
            async with self.sessions() as session:
                yield _Joined(await session.connection())

    def close(self) -> None:
        if self._sqlite is not None:
            self._sqlite.close()
