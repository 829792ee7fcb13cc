"""The data version: a counter every write to the data tables bumps (``schema.versions``)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncConnection

__all__ = ["data_version"]

_SQL = "SELECT version FROM data_version WHERE id = 1"


async def data_version(conn: AsyncConnection) -> int | None:
    """The current version; None when the table is empty."""
    found = (await conn.exec_driver_sql(_SQL)).scalar()
    return None if found is None else int(found)
