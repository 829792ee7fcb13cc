"""The sample corpus, loaded once per test session: ``seed/samples`` with its manifest, through
the real loader (``dicta load``), into a database of its own.

``sample_corpus`` runs once per backend: on SQLite a file of its own; on PostgreSQL a database
named after the test database with ``_samples`` appended (created, and dropped at the end), so
that the rolled-back test transactions of the other tests never see it. Tests only read it.
``sample_client`` is an HTTP client of the app over it.

Registered as a plugin by ``tests/conftest.py``.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from api.app import create_app
from migrations import upgrade
from schema.db import create_engine, session_factory
from schema.settings import Settings
from seed.load import run_load
from tests.conftest import SAMPLES, postgres_url

__all__ = ["SampleCorpus", "sample_client", "sample_corpus"]

MANIFEST = SAMPLES / "manifest.yaml"


@dataclass(frozen=True, slots=True)
class SampleCorpus:
    url: str
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]


def _samples_url(test_url: str) -> str:
    u = make_url(test_url)
    return u.set(database=f"{u.database}_samples").render_as_string(hide_password=False)


async def _recreate(test_url: str, database: str, *, create: bool) -> None:
    """Drop ``database`` (and create it again), talking to the server through the test
    database."""
    engine = create_engine(test_url, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
            if create:
                await conn.execute(text(f'CREATE DATABASE "{database}"'))
    finally:
        await engine.dispose()


@pytest.fixture(scope="session")
async def sample_corpus(
    backend: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[SampleCorpus]:
    """The five sample articles loaded by ``dicta load`` with their manifest."""
    test_url = postgres_url()
    if backend == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('samples') / 'samples.db'}"
    else:
        assert test_url is not None
        url = _samples_url(test_url)
        await _recreate(test_url, str(make_url(url).database), create=True)
    await asyncio.to_thread(upgrade, url)
    summary = await run_load([SAMPLES], url, manifest=MANIFEST, progress=False)
    assert summary.failed == 0, summary.errors
    engine = create_engine(url)
    try:
        yield SampleCorpus(url, engine, session_factory(engine))
    finally:
        await engine.dispose()
        if backend == "postgresql":
            assert test_url is not None
            await _recreate(test_url, str(make_url(url).database), create=False)


@pytest.fixture
async def sample_client(sample_corpus: SampleCorpus) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client of the app serving the sample corpus."""
    app = create_app(Settings(), sessionmaker=sample_corpus.sessions)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield client
