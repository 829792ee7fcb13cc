"""Engine and session factories for SQLite (file, foreign keys on, WAL) and PostgreSQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from schema.global_ids import to_global_id

SUPPORTED_DRIVERS = ("sqlite+aiosqlite", "postgresql+asyncpg")


class UnsupportedDatabaseError(ValueError):
    pass


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def _global_id(type_name: str | None, row_id: int | None) -> str | None:
    """``dicta_global_id(type, id)``: the global id the API's compiled SQL selects on SQLite,
    which has no base64 of its own."""
    if type_name is None or row_id is None:
        return None
    return to_global_id(type_name, row_id)


def sqlite_connection_setup(dbapi_connection: Any) -> None:
    """What every SQLite connection gets: a busy wait, and the SQL functions the API's SQL
    calls. (Shared by the engine's connections and the API's own read connections.)"""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()
    dbapi_connection.create_function("dicta_global_id", 2, _global_id, deterministic=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the driver, issue BEGIN, so that SAVEPOINTs and transactional DDL
    # behave as on PostgreSQL (see SQLAlchemy's "Serializable isolation / Savepoints" notes).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
    sqlite_connection_setup(dbapi_connection)


def _pg_checkout(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
    """Replace a pooled connection the server has closed (a restart, an idle timeout) before it
    is used. asyncpg sees the socket close, so this costs no round trip, where SQLAlchemy's
    pre-ping costs three on every checkout (BEGIN, a ping, ROLLBACK)."""
    if dbapi_connection.driver_connection.is_closed():
        raise DisconnectionError("the server closed this pooled connection")


def _sqlite_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def create_engine(url: str, **kwargs: Any) -> AsyncEngine:
    """An async engine for ``url``; SQLite connections get foreign keys, WAL and a busy wait."""
    u = make_url(url)
    if u.drivername not in SUPPORTED_DRIVERS:
        raise UnsupportedDatabaseError(
            f"unsupported database URL driver {u.drivername!r}: use one of "
            f"{', '.join(SUPPORTED_DRIVERS)} (e.g. sqlite+aiosqlite:///dicta.db)"
        )
    if u.get_backend_name() == "postgresql":
        kwargs.setdefault("pool_size", 10)
        kwargs.setdefault("max_overflow", 10)
    engine = create_async_engine(url, **kwargs)
    if u.get_backend_name() == "sqlite":
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        event.listen(engine.sync_engine, "begin", _sqlite_begin)
    elif not kwargs.get("pool_pre_ping"):
        event.listen(engine.sync_engine, "checkout", _pg_checkout)
    return engine


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)
