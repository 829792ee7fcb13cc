"""The app factory: engines from the environment (disposed on shutdown), and a read replica
when one is configured."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from api.app import create_app
from tests.api.conftest import BASE_URL

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
