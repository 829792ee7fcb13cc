"""The app under test runs in-process, its sessions joined to the test's rolled-back
transaction; requests go through httpx's ASGI transport."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.applications import Starlette

from api.app import create_app
from migrations import upgrade
from schema import (
    Actor,
    ActorKind,
    Article,
    Attribution,
    DatePrecision,
    IngestRun,
    Location,
    LocationKind,
    Outlet,
    OutletKind,
    Statement,
    StatementKind,
)
from schema.db import create_engine, session_factory
from schema.settings import Settings
from tests import factories as f
from tests.conftest import SAMPLES, postgres_url

BASE_URL = "http://test"


@pytest.fixture
def app(sessions: async_sessionmaker[AsyncSession]) -> Starlette:
    return create_app(Settings(), sessionmaker=sessions)


@pytest.fixture
async def client(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL) as http:
        yield http


async def graphql(
    client: httpx.AsyncClient, query: str, variables: dict[str, Any] | None = None
) -> dict[str, Any]:
    """POST a GraphQL query; the whole response body (``data`` and any ``errors``)."""
    response = await client.post("/graphql", json={"query": query, "variables": variables or {}})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


ARTICLE_1_TEXT = (
    "Iraq's Prime Minister Mohammed Shia al-Sudani said on 15 August that Iraq no longer "
    'needs foreign combat troops. In January he said: "We need the foreign forces." '
    "US forces remain at Ain al-Asad."
)
ARTICLE_2_TEXT = "BAGHDAD - Iraq no longer needs foreign combat troops, he said on Monday."


@dataclass
class Sample:
    """Two statements by one speaker, reported by two outlets; ids are fixed."""

    run: IngestRun
    outlets: list[Outlet]
    articles: list[Article]
    actors: list[Actor]
    locations: list[Location]
    statements: list[Statement]
    attributions: list[Attribution]


@pytest.fixture
async def sample(session: AsyncSession) -> Sample:
    run = await f.create_ingest_run(
        session, id=1, files=["001.txt", "002.txt"], counts={"articles_new": 2}
    )
    al_monitor = await f.create_outlet(
        session,
        id=1,
        name="Al-Monitor",
        domain="al-monitor.com",
        country="US",
        language="en",
        kind=OutletKind.ONLINE,
    )
    press_tv = await f.create_outlet(
        session,
        id=2,
        name="Press TV",
        domain="presstv.ir",
        country="IR",
        language="en",
        kind=OutletKind.STATE_MEDIA,
        state_affiliation="Iranian state broadcaster (IRIB)",
    )
    article_1 = await f.create_article(
        session,
        id=1,
        outlet=al_monitor,
        title="Iraq no longer needs foreign combat troops, PM says",
        url="https://www.al-monitor.com/2023/08/iraq-troops",
        published_on=dt.date(2023, 8, 15),
        published_precision=DatePrecision.DAY,
        text=ARTICLE_1_TEXT,
        raw_sha256="1" * 64,
        file_name="001.txt",
        encoding="utf-8",
        repairs=[
            {
                "start": 182,
                "end": 183,
                "before": "\u00cc\u00fd",
                "after": " ",
                "reason": "GBK mojibake of a space",
                "raw_offset": 182,
            }
        ],
        ingest_run_id=run.id,
    )
    article_2 = await f.create_article(
        session,
        id=2,
        outlet=press_tv,
        title=None,
        published_on=dt.date(2023, 8, 15),
        published_precision=DatePrecision.DAY,
        published_estimated=True,
        text=ARTICLE_2_TEXT,
        raw_sha256="2" * 64,
        file_name="002.txt",
        ingest_run_id=run.id,
    )
    sudani = await f.create_actor(
        session,
        id=1,
        name="Mohammed Shia al-Sudani",
        kind=ActorKind.PERSON,
        description="Prime Minister of Iraq",
        wikidata_id="Q7141443",
    )
    await f.create_actor_alias(session, sudani, id=1, alias="Sudani", normalized="sudani")
    await f.create_actor_alias(
        session,
        sudani,
        id=2,
        alias="محمد شياع السوداني",
        normalized="محمد شياع السوداني",
        language="ar",
    )
    await f.create_actor_role(
        session,
        sudani,
        id=1,
        title="Prime Minister",
        organization="Government of Iraq",
        valid_from=dt.date(2022, 10, 27),
        evidence_article_id=article_1.id,
        evidence_start=7,
        evidence_end=21,
    )
    us = await f.create_actor(session, id=2, name="United States", kind=ActorKind.STATE)
    iraq = await f.create_location(
        session, id=1, name="Iraq", kind=LocationKind.COUNTRY, country_code="IQ"
    )
    baghdad = await f.create_location(
        session,
        id=2,
        name="Baghdad",
        parent=iraq,
        country_code="IQ",
        latitude=33.3152,
        longitude=44.3661,
    )
    ain_al_asad = await f.create_location(
        session,
        id=3,
        name="Ain al-Asad",
        kind=LocationKind.MILITARY_BASE,
        parent=iraq,
        country_code="IQ",
        icao="ORAA",
    )
    await f.create_location_alias(session, ain_al_asad, id=1, alias="Ayn al-Asad")
    no_longer = await f.create_statement(
        session,
        id=1,
        text="Iraq no longer needs foreign combat troops",
        kind=StatementKind.INDIRECT,
        language="en",
        speaker=sudani,
        said_on=dt.date(2023, 8, 14),
        said_precision=DatePrecision.DAY,
        date_conflict=True,
        location=baghdad,
        topics=["foreign troops"],
        ingest_run_id=run.id,
    )
    we_need = await f.create_statement(
        session,
        id=2,
        text="We need the foreign forces.",
        kind=StatementKind.DIRECT,
        language="en",
        speaker=sudani,
        said_on=dt.date(2023, 1, 1),
        said_precision=DatePrecision.MONTH,
    )
    attributions = [
        await f.create_attribution(
            session,
            id=1,
            statement=no_longer,
            article=article_1,
            speaker_text="Mohammed Shia al-Sudani",
            speaker_start=22,
            speaker_end=45,
            cue="said",
            cue_start=46,
            cue_end=50,
            content="Iraq no longer needs foreign combat troops",
            content_start=69,
            content_end=111,
            language="en",
            said_on=dt.date(2023, 8, 15),
            said_precision=DatePrecision.DAY,
            said_on_text="on 15 August",
            confidence=0.9,
        ),
        await f.create_attribution(
            session,
            id=2,
            statement=no_longer,
            article=article_2,
            speaker_text="he",
            speaker_start=54,
            speaker_end=56,
            cue="said",
            cue_start=57,
            cue_end=61,
            content="Iraq no longer needs foreign combat troops",
            content_start=10,
            content_end=52,
            said_on=dt.date(2023, 8, 14),
            said_precision=DatePrecision.DAY,
            said_on_text="on Monday",
            confidence=0.75,
        ),
        await f.create_attribution(
            session,
            id=3,
            statement=we_need,
            article=article_1,
            speaker_text="he",
            speaker_start=124,
            speaker_end=126,
            cue="said",
            cue_start=127,
            cue_end=131,
            content="We need the foreign forces.",
            content_start=134,
            content_end=161,
        ),
    ]
    await f.mention_actor(
        session, no_longer, us, id=1, attribution_id=attributions[0].id, start=163, end=165
    )
    await f.mention_location(
        session,
        no_longer,
        ain_al_asad,
        id=1,
        attribution_id=attributions[0].id,
        start=183,
        end=194,
    )
    return Sample(
        run=run,
        outlets=[al_monitor, press_tv],
        articles=[article_1, article_2],
        actors=[sudani, us],
        locations=[iraq, baghdad, ain_al_asad],
        statements=[no_longer, we_need],
        attributions=attributions,
    )


# -- the sample corpus ----------------------------------------------------------------------------


async def _recreate_postgres_database(url: str, *, drop_only: bool = False) -> None:
    """Drop (and unless ``drop_only``, create) the database ``url`` names, through a connection
    to the test database on the same server."""
    server = postgres_url()
    assert server is not None
    name = make_url(url).database
    engine = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            if not drop_only:
                await conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        await engine.dispose()


async def database_of_its_own(
    backend: str, tmp_path_factory: pytest.TempPathFactory, name: str
) -> str:
    """The URL of an empty database for tests that need one of their own (not the tests'
    rolled-back one): a temporary SQLite file, or on PostgreSQL the database
    ``<DICTA_TEST_POSTGRES_URL's>_<name>``, created (anew) here; ``drop_database_of_its_own``
    drops it."""
    if backend == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path_factory.mktemp(name) / f'{name}.db'}"
    server = postgres_url()
    assert server is not None
    u = make_url(server)
    url = u.set(database=f"{u.database}_{name}").render_as_string(hide_password=False)
    await _recreate_postgres_database(url)
    return url


async def drop_database_of_its_own(url: str) -> None:
    if make_url(url).get_backend_name() == "postgresql":
        await _recreate_postgres_database(url, drop_only=True)


@pytest.fixture(scope="session")
async def samples_url(backend: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[str]:
    """A database of its own (``database_of_its_own``) holding the sample articles of
    ``seed/samples`` as ``dicta load seed/samples --manifest seed/samples/manifest.yaml``
    writes them, extracted in this process: a temporary SQLite file, or on PostgreSQL the
    database ``<DICTA_TEST_POSTGRES_URL's>_samples``, created here and dropped at the end."""
    url = await database_of_its_own(backend, tmp_path_factory, "samples")
    from seed.load import run_load  # the loader (and spaCy) only for the tests that ask

    try:
        await asyncio.to_thread(upgrade, url)
        summary = await run_load(
            [SAMPLES], url, manifest=SAMPLES / "manifest.yaml", workers=0, progress=False
        )
        assert summary.status == "succeeded", summary
        yield url
    finally:
        await drop_database_of_its_own(url)


@pytest.fixture(scope="session")
async def samples_client(samples_url: str) -> AsyncIterator[httpx.AsyncClient]:
    """The app serving the sample corpus, read only, through httpx's ASGI transport."""
    engine = create_engine(samples_url)
    app = create_app(Settings(), sessionmaker=session_factory(engine))
    try:
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url=BASE_URL
        ) as http:
            yield http
    finally:
        await engine.dispose()
