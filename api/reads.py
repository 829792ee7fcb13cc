"""Connections for reads that need no transaction of their own.

A session begins a transaction on first use and rolls it back when it closes: on PostgreSQL
two more round trips per request. ``ReadConnections`` hands out a pooled connection of the
read engine in autocommit instead, each statement its own snapshot. Sessions bound to a
connection rather than an engine (the tests' rolled-back transactions) are used as they are.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker

__all__ = ["ReadConnections"]


class ReadConnections:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self.sessions = sessions
        bind = sessions.kw.get("bind")
        # SQLite's BEGIN costs no round trip, and SQLAlchemy issues it there through an
        # event of its own: only PostgreSQL connections go autocommit
        self._engine: AsyncEngine | None = (
            bind.execution_options(isolation_level="AUTOCOMMIT")
            if isinstance(bind, AsyncEngine) and bind.dialect.name == "postgresql"
            else None
        )

    @asynccontextmanager
    async def connect(self) -> AsyncIterator[AsyncConnection]:
        if self._engine is not None:
            async with self._engine.connect() as conn:
                yield conn
        else:
            async with self.sessions() as session:
                yield await session.connection()
