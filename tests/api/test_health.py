"""/healthz answers while the process runs; /readyz when the database answers SELECT 1 (its
503 is tested with the other errors)."""

from __future__ import annotations

import httpx

from tests.conftest import QueryCounter


async def test_healthz(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})


async def test_readyz_runs_a_query(client: httpx.AsyncClient, query_counter: QueryCounter) -> None:
    response = await client.get("/readyz")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})
    assert query_counter.statements == ["SELECT 1"]
