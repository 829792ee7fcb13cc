"""Statement exports in one read on the API's own connections (PostgreSQL's ``COPY``, SQLite's
raw cursor): the same bytes as the chunked export, filtered or not; stopped by the cap and by
a client that goes away.

The database is one of the module's own, committed (the streamed read runs on connections of
the engine's, which would not see a test's rolled-back transaction): a synthetic corpus and
statements whose values CSV and JSON must escape. The chunked export of the same database is
the reference: an app whose sessions are bound to one connection reads through it, by chunks.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import sqlite3
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker
from starlette.types import ASGIApp, Message

from api import reads
from api.app import create_app
from api.rest import views
from schema import DatePrecision, OutletKind, StatementKind
from schema.db import create_engine, session_factory
from schema.settings import Settings
from tests import factories as f
from tests.api.conftest import BASE_URL, database_of_its_own, drop_database_of_its_own
from tests.benchmarks import corpus

#: values that CSV quotes or JSON escapes, or that tell NULL from empty
AWKWARD = [
    'a "quoted" word, and a comma',
    "two\nlines",
    "windows\r\nline end",
    "ends with a line break\n",
    '"',
    '""',
    "back\\slash \\n not a line break",
    "controls \x01\x08\x0b\x0c\x1f\x7f and \t tab",
    "é, 中文, emoji 😀, separators \u2028\u2029",
    "",
    " leading and trailing spaces ",
    "\\.",
]


async def _awkward_rows(url: str) -> None:
    engine = create_engine(url)
    try:
        async with session_factory(engine)() as session:
            outlet = await f.create_outlet(
                session,
                name='Outlet, "awkward"',
                kind=OutletKind.ONLINE,
                country="",
                state_affiliation="affiliation\nwith a line break at the end\n",
            )
            speaker = await f.create_actor(session, name='Speaker "Q"\r\nNewline')
            for i, value in enumerate(AWKWARD):
                article = await f.create_article(
                    session,
                    outlet=outlet if i % 2 else None,
                    title=value,
                    url=value or None,
                    published_on=dt.date(5, 1, 2) if i == 0 else dt.date(2024, 2, 29),
                    published_precision=DatePrecision.DAY if i % 3 else None,
                    published_estimated=i % 2 == 0,
                )
                statement = await f.create_statement(
                    session,
                    speaker=speaker if i % 2 else None,
                    text=value or "-",
                    kind=StatementKind.DIRECT,
                    language="",
                    said_on=dt.date(2024, 1, 1) if i % 2 else None,
                    date_conflict=i % 3 == 0,
                )
                await f.create_attribution(
                    session,
                    statement=statement,
                    article=article,
                    content=value,
                    cue=value[:200],
                    speaker_text=value,
                    said_on_text=value[:200],
                )
            await f.create_statement(session, text="without attributions")
            await session.commit()
    finally:
        await engine.dispose()


@pytest.fixture(scope="module")
async def stream_url(backend: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[str]:
    """A database of the module's own: a corpus of 1,500 statements and the awkward ones."""
    url = await database_of_its_own(backend, tmp_path_factory, "streams")
    try:
        await corpus.build(1500, url, quiet=True)
        await _awkward_rows(url)
        yield url
    finally:
        await drop_database_of_its_own(url)


@pytest.fixture
async def engine_of_streams(stream_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(stream_url)
    try:
        yield engine
    finally:
        await engine.dispose()


def _client(app: ASGIApp) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL)


async def _chunked(engine: AsyncEngine, paths: list[str]) -> list[httpx.Response]:
    """The chunked export's answers: sessions bound to one connection read by chunks."""
    async with engine.connect() as conn:
        bound = async_sessionmaker(bind=conn, expire_on_commit=False, autoflush=False)
        async with _client(create_app(Settings(), sessionmaker=bound)) as client:
            return [await client.get(path) for path in paths]


def _refuse_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    async def refused(*_: Any, **__: Any) -> Any:
        raise AssertionError("a streamed export read a chunk")

    monkeypatch.setattr(views, "statement_export_chunk", refused)


QUERIES = [
    "",
    "date_conflict=true",
    "kind=direct&order=published",
    "order=said_on",
    "order=-said_on&said_from=2020-01-01",
    "order=reports",
    "language=en&order=-id",
    "q=coalition",
    "q=talks&order=relevance",
    "min_outlets=2&kind=direct,mixed",
    "published_from=2020-01-01&published_to=2022-12-31&order=published",
    "max_rows=7",
    "max_rows=2000&order=published",
]


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
async def test_streamed_exports_give_the_chunked_bytes(
    engine_of_streams: AsyncEngine, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    paths = [f"/api/v1/statements?format={fmt}&{q}" for q in QUERIES]
    monkeypatch.setattr(views, "EXPORT_CHUNK", 97)  # chunks ending anywhere in the corpus
    expected = await _chunked(engine_of_streams, paths)
    monkeypatch.setattr(views, "STREAM_CHUNK", 13)  # SQLite chunks ending elsewhere,
    monkeypatch.setattr(views, "STREAM_BATCH", 7)  # read in batches that end elsewhere again
    _refuse_chunks(monkeypatch)
    app = create_app(Settings(), sessionmaker=session_factory(engine_of_streams))
    async with _client(app) as client:
        for path, old in zip(paths, expected, strict=True):
            assert old.status_code == 200, (path, old.text)
            assert old.text.count("\n") > 1, path  # rows, not only a header
            new = await client.get(path)
            assert new.status_code == 200, (path, new.text)
            assert new.headers == old.headers, path
            assert new.content == old.content, path


async def test_the_awkward_values_are_in_the_comparison(engine_of_streams: AsyncEngine) -> None:
    app = create_app(Settings(), sessionmaker=session_factory(engine_of_streams))
    async with _client(app) as client:
        csv = (await client.get("/api/v1/statements?format=csv&order=-id&max_rows=20")).text
        jsonl = (await client.get("/api/v1/statements?format=jsonl&order=-id&max_rows=20")).text
    assert '"a ""quoted"" word, and a comma"' in csv
    assert '"affiliation\nwith a line break at the end\n"\r\n' in csv
    assert ",0005-01-02," in csv
    assert '"controls \\u0001\\b\\u000b\\f\\u001f\x7f and \\t tab"' in jsonl
    assert '"back\\\\slash \\\\n not a line break"' in jsonl


async def test_an_export_after_a_cursor_and_its_errors(
    engine_of_streams: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = "/api/v1/statements?order=said_on&limit=50"
    async with _client(
        create_app(Settings(), sessionmaker=session_factory(engine_of_streams))
    ) as c:
        cursor = (await c.get(page)).json()["next_cursor"]
    paths = [
        f"/api/v1/statements?order=said_on&format=csv&cursor={cursor}",
        "/api/v1/statements?format=csv&cursor=bad",
        f"/api/v1/statements?format=csv&cursor={cursor}",  # issued by another order
    ]
    expected = await _chunked(engine_of_streams, paths)
    _refuse_chunks(monkeypatch)
    app = create_app(Settings(), sessionmaker=session_factory(engine_of_streams))
    async with _client(app) as client:
        answers = [await client.get(path) for path in paths]
    assert [a.status_code for a in answers] == [200, 400, 400]
    assert [a.content for a in answers] == [e.content for e in expected]


async def test_the_cap_stops_a_streamed_export(
    engine_of_streams: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    _refuse_chunks(monkeypatch)
    app = create_app(Settings(export_max_rows=5), sessionmaker=session_factory(engine_of_streams))
    async with _client(app) as client:
        capped = await client.get("/api/v1/statements?format=csv")
        fewer = await client.get("/api/v1/statements?format=jsonl&max_rows=3")
        too_many = await client.get("/api/v1/statements?format=jsonl&max_rows=6")
    assert capped.headers["dicta-export-max-rows"] == "5"
    assert len(capped.text.split("\r\n")) == 1 + 5 + 1  # header, five rows, the last line end
    assert len(fewer.text.splitlines()) == 3
    assert too_many.status_code == 400


async def _disconnect_after_first_chunk(app: ASGIApp, path: str) -> list[Message]:
    """Ask ``app`` for ``path`` as a client that goes away once the first chunk came."""
    got_chunk = asyncio.Event()
    requested = False
    sent: list[Message] = []

    async def receive() -> Message:
        nonlocal requested
        if not requested:
            requested = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await got_chunk.wait()
        return {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        sent.append(message)
        if message["type"] == "http.response.body" and message.get("body"):
            got_chunk.set()
            await asyncio.sleep(0)  # the client reads no more

    raw_path, _, query = path.partition("?")
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": raw_path,
        "raw_path": raw_path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(b"host", b"test")],
        "client": ("127.0.0.1", 1),
        "server": ("test", 80),
    }
    await asyncio.wait_for(app(scope, receive, send), 60)
    return sent


async def _eventually(check: Callable[[], Any]) -> None:
    """Wait (at most 10 s) until ``check()`` is true: the cleanup runs after the response."""
    for _ in range(200):
        if await check():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the export's read was not stopped")


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
async def test_a_client_gone_stops_the_read(
    engine_of_streams: AsyncEngine, backend: str, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    opened: list[sqlite3.Connection] = []
    if backend == "sqlite":
        monkeypatch.setattr(views, "STREAM_CHUNK", 50)
        monkeypatch.setattr(views, "STREAM_BATCH", 5)
        open_connection = reads._SQLite._open

        def recorded(self: reads._SQLite) -> sqlite3.Connection:
            conn = open_connection(self)
            opened.append(conn)
            return conn

        monkeypatch.setattr(reads._SQLite, "_open", recorded)
    else:
        monkeypatch.setattr(reads, "COPY_QUEUE", 1)
    app = create_app(Settings(), sessionmaker=session_factory(engine_of_streams))
    path = f"/api/v1/statements?format={fmt}"
    sent = await _disconnect_after_first_chunk(app, path)
    bodies = [m for m in sent if m["type"] == "http.response.body"]
    assert bodies[0]["body"]
    assert not any(m.get("more_body") is False for m in bodies)  # cut short, not finished

    if backend == "sqlite":
        export = opened[-1]  # the thread's own connection (the cache's read) came before

        async def closed() -> bool:
            try:
                export.total_changes  # noqa: B018
            except sqlite3.ProgrammingError:
                return True
            return False

        await _eventually(closed)
    else:

        async def released() -> bool:
            async with engine_of_streams.connect() as conn:
                copies = await conn.scalar(
                    text(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        " AND query LIKE 'COPY%'"
                    )
                )
            return copies == 0

        await _eventually(released)
