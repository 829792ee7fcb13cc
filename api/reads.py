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

Long reads (exports) stream from the same connections, in constant memory, when the
connections are the API's own (``ReadConnections.streams``):

* ``copy_out`` (PostgreSQL): ``COPY (SELECT ...) TO STDOUT`` through asyncpg, the database's
  output handed on through a bounded queue, so that a slow client holds the copy back rather
  than filling memory;
* ``own_read`` (SQLite): a ``query_only`` connection of the export's own, whose statements
  (one per chunk of the export) run on the read threads.

Both stop the read when the stream is closed early (a client gone): the copy is cancelled and
its connection dropped from the pool, the SQLite statement interrupted and its connection
closed.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from contextlib import asynccontextmanager
from typing import Any, Protocol

import asyncpg
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker

from schema.db import sqlite_connection_setup

__all__ = ["COPY_QUEUE", "READ_ERRORS", "OwnRead", "ReadConnections", "Reader"]

#: chunks of a PostgreSQL copy's output held at most while the client is slower
COPY_QUEUE = 8

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

    def _open(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        sqlite_connection_setup(conn)
        conn.execute("PRAGMA query_only = ON")
        return conn

    def _connection(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if conn is None:
            conn = self._local.connection = self._open()
        return conn

    def _fetch(self, sql: str, params: Sequence[Any]) -> list[Row]:
        return self._connection().execute(sql, params).fetchall()

    async def fetch(self, sql: str, params: Sequence[Any] = ()) -> Sequence[Row]:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self._fetch, sql, params)

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)


class OwnRead:
    """A ``query_only`` SQLite connection of one long read (an export), opened on first use
    and used on the read threads, one statement at a time."""

    def __init__(self, sqlite: _SQLite) -> None:
        self._sqlite = sqlite
        self._conn: sqlite3.Connection | None = None
        self._pending: Future[Any] | None = None

    async def _run(self, call: Callable[..., Any], *args: Any) -> Any:
        self._pending = self._sqlite._executor.submit(call, *args)
        return await asyncio.wrap_future(self._pending)

    async def batches(
        self, sql: str, params: Sequence[Any], size: int
    ) -> AsyncGenerator[list[Row], None]:
        """The rows of ``sql``, ``size`` at a time (one hand-off to the read threads each)."""
        if self._conn is None:
            self._conn = await self._run(self._sqlite._open)
        cursor: sqlite3.Cursor = await self._run(self._conn.execute, sql, params)
        try:
            while rows := await self._run(cursor.fetchmany, size):
                yield rows
        finally:
            if self._pending is None or self._pending.done():  # else ``close`` interrupts it
                cursor.close()

    def close(self) -> None:
        """Interrupt the statement under way, if any, and close the connection after it,
        without waiting (a cancelled stream may not await)."""
        conn = self._conn
        if conn is None:
            return
        self._conn = None
        if self._pending is not None and not self._pending.done():
            conn.interrupt()
        self._sqlite._executor.submit(_close_after, self._pending, conn)


def _close_after(pending: Future[Any] | None, conn: sqlite3.Connection) -> None:
    """Close ``conn`` once the work given to it (``pending``, submitted before) is done."""
    if pending is not None:
        wait([pending])
    conn.close()


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

    @property
    def streams(self) -> str | None:
        """The dialect whose long reads stream (``copy_out`` on PostgreSQL, ``own_read`` on
        SQLite), or None when reads go through the sessions' connection."""
        if self._pg is not None:
            return "postgresql"
        return None if self._sqlite is None else "sqlite"

    async def copy_out(
        self, sql: str, params: Sequence[Any], **options: Any
    ) -> AsyncGenerator[bytes, None]:
        """The output of ``COPY (sql) TO STDOUT WITH (options)`` (asyncpg's ``copy_from_query``
        options: ``format``, ``delimiter``, ``quote``...) as the database sends it, on a
        connection of the pool, outside any transaction. At most ``COPY_QUEUE`` chunks wait
        for the reader; the copy waits for it beyond that."""
        assert self._pg is not None, "copy_out needs a PostgreSQL engine"
        raw = await self._pg.raw_connection()
        driver: asyncpg.Connection = raw.driver_connection
        queue: asyncio.Queue[bytes | Exception | None] = asyncio.Queue(COPY_QUEUE)

        async def output(data: bytes | bytearray | memoryview) -> None:
            await queue.put(bytes(data))

        async def copy() -> None:
            try:
                await driver.copy_from_query(sql, *params, output=output, **options)
            except Exception as exc:
                await queue.put(exc)  # the reader raises it
                raise
            await queue.put(None)

        def release(task: asyncio.Task[None]) -> None:
            if task.cancelled() or task.exception() is not None:
                raw.invalidate()  # a copy cut short leaves its connection mid-protocol
            else:
                raw.close()

        task = asyncio.create_task(copy())
        task.add_done_callback(release)
        try:
            while (item := await queue.get()) is not None:
                if isinstance(item, Exception):
                    raise item
                yield item
        finally:
            task.cancel()

    def own_read(self) -> OwnRead:
        """A SQLite connection of one long read's own (``streams == "sqlite"``); the caller
        closes it."""
        assert self._sqlite is not None, "own_read needs a SQLite file"
        return OwnRead(self._sqlite)

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
