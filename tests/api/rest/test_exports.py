"""REST exports: CSV and JSON Lines, streamed by keyset cursor in chunks, capped."""

from __future__ import annotations

import csv
import io

import httpx
import orjson
import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from api.app import create_app
from api.repository.exports import STATEMENT_EXPORT_COLUMNS
from api.rest import views
from schema.settings import Settings
from tests.api.conftest import BASE_URL
from tests.api.corpus import build_corpus
from tests.conftest import QueryCounter

pytestmark = pytest.mark.usefixtures("corpus")


@pytest.fixture
async def corpus(session: AsyncSession) -> None:
    await build_corpus(session)


CONFLICT_CSV = (
    "statement_id,speaker_id,speaker_name,kind,said_on,said_precision,date_conflict,language,"
    "text,attribution_id,attribution_kind,speaker_as_written,cue,content,content_start,"
    "content_end,date_as_written,date_as_given,date_as_given_precision,article_id,article_url,"
    "article_title,published_on,published_precision,published_estimated,outlet_id,outlet_name,"
    "outlet_country,outlet_kind,outlet_state_affiliation\r\n"
    "1,1,Mohammed Shia al-Sudani,mixed,2023-08-14,day,true,en,"
    "Iraq no longer needs foreign combat forces,1,mixed,,said,"
    "Iraq no longer needs foreign combat forces,0,42,on 15 August,2023-08-15,day,1,"
    "https://www.al-monitor.com/2023/08/iraq-forces,"
    '"Iraq no longer needs foreign combat forces, PM says",2023-08-16,day,false,1,Al-Monitor,'
    "US,online,\r\n"
    "1,1,Mohammed Shia al-Sudani,mixed,2023-08-14,day,true,en,"
    "Iraq no longer needs foreign combat forces,2,mixed,,said,"
    "Iraq no longer needs foreign combat forces,0,42,on Monday,2023-08-14,day,2,"
    "https://www.presstv.ir/Detail/2023/08/15/iraq,Iraqi PM: no need for foreign troops,"
    "2023-08-15,day,false,2,Press TV,IR,state_media,Iranian state broadcaster (IRIB)\r\n"
)


async def test_csv_export_one_row_per_rendering(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/statements?format=csv&date_conflict=true")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == 'attachment; filename="statements.csv"'
    assert response.headers["dicta-export-max-rows"] == "1000000"
    assert response.text == CONFLICT_CSV


async def test_jsonl_export_by_accept_header(client: httpx.AsyncClient) -> None:
    response = await client.get(
        "/api/v1/statements?speaker=Kadhimi&order=said_on",
        headers={"accept": "application/x-ndjson"},
    )
    assert response.headers["content-type"] == "application/x-ndjson"
    assert response.headers["content-disposition"] == 'attachment; filename="statements.jsonl"'
    lines = [orjson.loads(line) for line in response.text.splitlines()]
    assert [(r["statement_id"], r["attribution_id"], r["article_id"]) for r in lines] == [
        (4, 5, 5),
        (4, 6, 4),
        (6, 8, 5),
    ]
    assert lines[0] == {
        "statement_id": 4,
        "speaker_id": 2,
        "speaker_name": "Mustafa al-Kadhimi",
        "kind": "direct",
        "said_on": "2021-07-25",
        "said_precision": "day",
        "date_conflict": False,
        "language": "en",
        "text": "No need for any foreign combat forces on Iraqi soil",
        "attribution_id": 5,
        "attribution_kind": "direct",
        "speaker_as_written": None,
        "cue": "said",
        "content": "No need for any foreign combat forces on Iraqi soil",
        "content_start": 0,
        "content_end": 51,
        "date_as_written": "on Sunday",
        "date_as_given": "2021-07-25",
        "date_as_given_precision": "day",
        "article_id": 5,
        "article_url": None,
        "article_title": "Kadhimi in Washington",
        "published_on": "2021-07-25",
        "published_precision": None,
        "published_estimated": False,
        "outlet_id": None,
        "outlet_name": None,
        "outlet_country": None,
        "outlet_kind": None,
        "outlet_state_affiliation": None,
    }
    assert list(lines[0]) == list(STATEMENT_EXPORT_COLUMNS)


@pytest.mark.parametrize(
    ("query", "accept", "kind"),
    [
        ("format=jsonl", "text/csv", "application/x-ndjson"),  # format wins
        ("", "text/csv;q=0.5, application/x-ndjson", "application/x-ndjson"),
        ("", "text/html, text/csv", "text/csv; charset=utf-8"),
        ("", "*/*", "application/json"),
        ("format=json", "text/csv", "application/json"),
    ],
)
async def test_format_negotiation(
    client: httpx.AsyncClient, query: str, accept: str, kind: str
) -> None:
    response = await client.get(f"/api/v1/statements?{query}", headers={"accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"] == kind


async def test_exports_stream_in_keyset_chunks_one_query_each(
    client: httpx.AsyncClient,
    query_counter: QueryCounter,
    monkeypatch: pytest.MonkeyPatch,
    backend: str,
) -> None:
    whole = await client.get("/api/v1/statements?format=jsonl&order=published")
    monkeypatch.setattr(views, "EXPORT_CHUNK", 2)
    query_counter.reset()
    chunked = await client.get("/api/v1/statements?format=jsonl&order=published")
    assert chunked.text == whole.text
    rows = [orjson.loads(line) for line in chunked.text.splitlines()]
    assert [r["statement_id"] for r in rows] == [4, 4, 6, 2, 7, 1, 1, 5, 3]
    # seven statements, two a query: four queries, none with OFFSET
    assert len(query_counter.statements) == 4, query_counter.statements
    if backend == "postgresql":  # SQLAlchemy writes SQLite's LIMIT as "LIMIT ? OFFSET 0"
        assert not any("OFFSET" in s.upper() for s in query_counter.statements)


async def test_max_rows_caps_an_export(
    sessions: async_sessionmaker[AsyncSession], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(views, "EXPORT_CHUNK", 2)
    app = create_app(Settings(export_max_rows=5), sessionmaker=sessions)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL) as c:
        capped = await c.get("/api/v1/statements?format=csv")
        assert capped.headers["dicta-export-max-rows"] == "5"
        rows = list(csv.DictReader(io.StringIO(capped.text)))
        assert [(r["statement_id"], r["attribution_id"]) for r in rows] == [
            ("1", "1"),
            ("1", "2"),
            ("2", "3"),
            ("3", "4"),
            ("4", "5"),
        ]
        fewer = await c.get("/api/v1/statements?format=jsonl&max_rows=1")
        assert len(fewer.text.splitlines()) == 1
        too_many = await c.get("/api/v1/statements?format=jsonl&max_rows=6")
        assert too_many.status_code == 400
        assert too_many.json()["error"]["message"] == (
            "max_rows must be a whole number from 1 to 5 (DICTA_EXPORT_MAX_ROWS), got '6': "
            "leave it out to export up to 5 rows"
        )


async def test_an_export_starts_after_a_cursor(client: httpx.AsyncClient) -> None:
    page = (await client.get("/api/v1/statements?order=said_on&limit=5")).json()
    rest = await client.get(
        f"/api/v1/statements?order=said_on&format=jsonl&cursor={page['next_cursor']}"
    )
    assert [orjson.loads(line)["statement_id"] for line in rest.text.splitlines()] == [3, 7]


async def test_other_lists_export_their_columns(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/outlets?format=csv")
    assert response.headers["content-disposition"] == 'attachment; filename="outlets.csv"'
    assert response.text == (
        "id,name,domain,country,language,kind,state_affiliation,name_unrecoverable,created_at\r\n"
        "1,Al-Monitor,,US,,online,,false,2024-01-01T00:00:00+00:00\r\n"
        "2,Press TV,,IR,,state_media,Iranian state broadcaster (IRIB),false,"
        "2024-01-01T00:00:00+00:00\r\n"
    )
    locations = await client.get("/api/v1/locations?format=jsonl&within=Anbar")
    assert [orjson.loads(line)["name"] for line in locations.text.splitlines()] == [
        "Anbar",
        "Ramadi",
        "Ain al-Asad",
    ]
    articles = await client.get("/api/v1/articles?format=csv&outlet=2")
    header, *rows = list(csv.reader(io.StringIO(articles.text)))
    assert header[:3] == ["id", "outlet_id", "title"]
    assert [row[0] for row in rows] == ["2", "4"]
    assert rows[0][header.index("repairs")] == "[]"


@pytest.mark.parametrize(
    ("query", "parameter"),
    [("format=csv&limit=10", "limit"), ("format=xml", "format"), ("max_rows=10", "max_rows")],
)
async def test_export_parameters_are_checked_before_streaming(
    client: httpx.AsyncClient, query: str, parameter: str
) -> None:
    response = await client.get(f"/api/v1/statements?{query}")
    assert response.status_code == 400
    assert response.json()["error"]["detail"]["parameter"] == parameter
