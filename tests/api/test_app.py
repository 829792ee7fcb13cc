"""The app factory: engines from the environment (disposed on shutdown), and a read replica
when one is configured: every read (REST, GraphQL by either path, the data version, /readyz)
goes to it."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from api.app import create_app
from api.graphql.ids import to_global_id
from migrations import upgrade
from schema.db import create_engine
from tests.api.conftest import BASE_URL, _recreate_postgres_database
from tests.conftest import postgres_url

BROKEN_URL = "sqlite+aiosqlite:////nonexistent-dicta-dir/dicta.db"


def _engine(app: object, attribute: str) -> AsyncEngine:
    bind = getattr(app, "state").__getattr__(attribute).kw["bind"]  # noqa: B009
    assert isinstance(bind, AsyncEngine)
    return bind


async def test_without_arguments_the_app_reads_the_environment_and_disposes_on_shutdown(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DICTA_DATABASE_URL", db_url)
    monkeypatch.delenv("DICTA_DATABASE_READ_URL", raising=False)
    app = create_app()
    engine = _engine(app, "sessionmaker")
    assert engine.url.render_as_string(hide_password=False) == db_url
    assert app.state.read_sessionmaker is app.state.sessionmaker

    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as client:
            assert (await client.get("/readyz")).status_code == 200
            body = (await client.get("/api/v1/outlets")).json()
            assert set(body) == {"data", "next_cursor", "links"}
        assert engine.pool.checkedin() == 1  # type: ignore[attr-defined]
    assert engine.pool.checkedin() == 0  # type: ignore[attr-defined]


async def test_reads_go_to_the_read_replica(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DICTA_DATABASE_URL", db_url)
    monkeypatch.setenv("DICTA_DATABASE_READ_URL", BROKEN_URL)
    app = create_app()
    assert str(_engine(app, "read_sessionmaker").url) == BROKEN_URL
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as client:
            statements = await client.get("/api/v1/statements")
            graphql = await client.post(
                "/graphql", json={"query": "{ actors(first: 1) { totalCount } }"}
            )
            ready = await client.get("/readyz")
    assert statements.status_code == 503
    assert graphql.json()["errors"][0]["extensions"]["code"] == "database_unavailable"
    assert ready.status_code == 503
    assert ready.json()["error"]["message"].startswith("the database did not answer SELECT 1")


@pytest.fixture
async def replica_url(backend: str, tmp_path: Path) -> AsyncIterator[str]:
    """A second real database, migrated, holding one outlet the primary does not have: a
    SQLite file, or ``<DICTA_TEST_POSTGRES_URL's>_replica``."""
    if backend == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'replica.db'}"
    else:
        server = postgres_url()
        assert server is not None
        u = make_url(server)
        url = u.set(database=f"{u.database}_replica").render_as_string(hide_password=False)
        await _recreate_postgres_database(url)
    try:
        await asyncio.to_thread(upgrade, url)
        engine = create_engine(url)
        async with engine.begin() as conn:
            await conn.execute(
                text(
                    "INSERT INTO outlet (id, name, name_unrecoverable) VALUES (7, 'Replica', false)"
                )
            )
        await engine.dispose()
        yield url
    finally:
        if backend == "postgresql":
            await _recreate_postgres_database(url, drop_only=True)


async def test_reads_come_from_a_second_real_database(
    db_url: str, replica_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DICTA_DATABASE_URL", db_url)
    monkeypatch.setenv("DICTA_DATABASE_READ_URL", replica_url)
    app = create_app()
    replica = [{"rowId": 7, "name": "Replica"}]
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as client:
            rest = (await client.get("/api/v1/outlets")).json()
            counted = (await client.get("/api/v1/outlets/count")).json()
            # the compiled path, then the resolvers (node is theirs)
            compiled = await client.post(
                "/graphql",
                json={"query": "{ outlets(first: 5) { totalCount nodes { rowId name } } }"},
            )
            resolved = await client.post(
                "/graphql",
                json={
                    "query": f'{{ node(id: "{to_global_id("Outlet", 7)}") {{ ... on Outlet {{ name }} }} }}'
                },
            )
            ready = await client.get("/readyz")
    assert [{"id": o["id"], "name": o["name"]} for o in rest["data"]] == [
        {"id": 7, "name": "Replica"}
    ]
    assert counted == {"data": {"count": 1}}
    assert compiled.json() == {"data": {"outlets": {"totalCount": 1, "nodes": replica}}}
    assert compiled.headers["x-dicta-cache"] == "miss"  # the data version of the replica
    assert resolved.json() == {"data": {"node": {"name": "Replica"}}}
    assert ready.status_code == 200
    # the primary does not have it
    engine = create_engine(db_url)
    async with engine.connect() as conn:
        assert (await conn.execute(text("SELECT count(*) FROM outlet WHERE id = 7"))).scalar() == 0
    await engine.dispose()
