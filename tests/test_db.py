"""The engine factory: a pooled PostgreSQL connection the server closed is replaced before use,
without a round trip per checkout."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import text

from schema.db import create_engine
from tests.conftest import postgres_url


async def test_a_connection_the_server_closed_is_replaced_on_checkout() -> None:
    url = postgres_url()
    if url is None:
        pytest.skip("needs DICTA_TEST_POSTGRES_URL")
    engine = create_engine(url, pool_size=1, max_overflow=0)
    other = create_engine(url)
    try:
        async with engine.connect() as conn:
            pid = (await conn.execute(text("SELECT pg_backend_pid()"))).scalar_one()
        async with other.connect() as conn:
            await conn.execute(text("SELECT pg_terminate_backend(:pid, 5000)"), {"pid": pid})
        await asyncio.sleep(0.5)  # the socket closes; the event loop sees it
        async with engine.connect() as conn:
            assert (await conn.execute(text("SELECT pg_backend_pid()"))).scalar_one() != pid
    finally:
        await engine.dispose()
        await other.dispose()
