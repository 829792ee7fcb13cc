"""The data version: a counter every write to the data tables bumps (``schema.versions``)."""

from __future__ import annotations

from api.reads import Reader

__all__ = ["data_version"]

_SQL = "SELECT version FROM data_version WHERE id = 1"


async def data_version(reader: Reader) -> int | None:
    """The current version; None when the table is empty."""
    rows = await reader.fetch(_SQL)
    return int(rows[0][0]) if rows else None
