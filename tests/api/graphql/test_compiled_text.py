"""The JSON the compiled path writes for awkward text and for what is missing, at every level of
nesting, on both databases: strings with quotes, backslashes, control characters, non-ASCII
letters and characters outside the BMP (in strings and in JSON columns); null scalars, null
objects and empty lists in the root object, in an object of a list, in an object of that object,
and in an object of a list of that. SQLite's objects are pieced together from runs of scalars
and nested JSON text in any order. The compiled JSON is the resolvers' JSON; on SQLite, whose
text is written without spaces, it is also the very bytes orjson writes for that JSON."""

from __future__ import annotations

import datetime as dt
import itertools
import sqlite3
from typing import Any

import httpx
import orjson
import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from api.app import create_app
from api.graphql import build_schema
from api.graphql.compiled import CompiledQueries
from api.graphql.compiled.registry import Column, Leaf
from api.graphql.compiled.sql import JsonText, SQLiteWriter
from api.reads import ReadConnections
from schema.settings import Settings
from tests import factories as f
from tests.api.conftest import BASE_URL, graphql

#: every character JSON escapes, and some it leaves as they are
AWKWARD = (
    "He said \"no\" \\ C:\\dir\\ {x} [y], 'single' \t tab \n line \r cr \b bs \f ff "
    "\x01 \x1f \x7f é ß 中文 😀 \u2028 \u2029 % %s }"
)

#: the fields of JSON columns, written as they are stored (a JSON column on SQLite keeps the
#: escapes its writer chose, such as ``\\u00e9``)
JSON_COLUMNS = ("topics", "languages", "files counts")

QUERY = """
query Awkward($first: Int!) {
  statements(first: $first) {
    nodes {
      rowId text venue saidOn topics stance
      speaker {
        rowId name description aliases { alias language } roles { title }
      }
      location { rowId name parent { rowId name } children { rowId } aliases { alias } }
      coSpeakers { rowId name }
      attributions {
        rowId content cue saidOn saidOnText
        speaker { rowId name aliases { alias } }
        article {
          rowId title subtitle url publishedOn languages
          outlet { rowId name stateAffiliation }
          attributions { rowId content speaker { name } }
        }
      }
      mentionedLocations { rowId name parent { name } }
      ingestRun { rowId loaderVersion files counts }
    }
  }
}
"""


async def _corpus(session: AsyncSession) -> None:
    """Statements with awkward text everywhere, and one with nothing around it."""
    run = await f.create_ingest_run(
        session, files=[AWKWARD, ""], counts={AWKWARD: 1, "": None, "nested": {"a": [1, {}]}}
    )
    outlet = await f.create_outlet(session, name=AWKWARD, state_affiliation=AWKWARD)
    country = await f.create_location(session, name=AWKWARD)
    city = await f.create_location(session, name="Ḿünchen \"'", parent=country)
    await f.create_location_alias(session, city, alias=AWKWARD)
    speaker = await f.create_actor(session, name=AWKWARD, description=AWKWARD)
    await f.create_actor_alias(session, speaker, alias=AWKWARD, language="de")
    await f.create_actor_role(session, speaker, title=AWKWARD)
    bare = await f.create_actor(session, name="")
    with_all = await f.create_article(
        session,
        outlet=outlet,
        title=AWKWARD,
        subtitle="",
        url="https://example.org/a?q=\"'&x=\\",
        published_on=dt.date(2024, 2, 29),
        languages=[AWKWARD, "en"],
    )
    without_outlet = await f.create_article(session, title=None, url=None)
    full = await f.create_statement(
        session,
        text=AWKWARD,
        venue=AWKWARD,
        said_on=dt.date(2024, 3, 1),
        topics=[AWKWARD, "", "}"],
        stance="",
        speaker=speaker,
        location=city,
        ingest_run_id=run.id,
    )
    await f.add_co_speaker(session, full, bare)
    await f.create_attribution(
        session, statement=full, article=with_all, cue=AWKWARD, said_on_text=AWKWARD
    )
    await f.create_attribution(
        session, statement=full, article=without_outlet, speaker=bare, content="\\"
    )
    await f.mention_location(session, full, country)
    await f.mention_location(session, full, city)
    # nothing around it: no speaker, location, run, attributions or mentions, null scalars
    await f.create_statement(session, text="", topics=[])
    # an attribution whose article and speaker have empty lists and null fields
    lone = await f.create_statement(session, text="}", speaker=bare)
    await f.create_attribution(session, statement=lone, article=without_outlet)
    await session.commit()


@pytest.mark.parametrize("json_columns", [True, False], ids=["json-columns", "no-json-columns"])
@pytest.mark.parametrize("first", [1, 3])
async def test_awkward_text_and_missing_values_at_every_level(
    session: AsyncSession,
    sessions: async_sessionmaker[AsyncSession],
    backend: str,
    first: int,
    json_columns: bool,
) -> None:
    await _corpus(session)
    query = QUERY
    if not json_columns:
        for fields in JSON_COLUMNS:
            query = query.replace(f" {fields}", "")
        assert query.count("rowId files") == 0 and " topics " not in query
    compiled = CompiledQueries(build_schema(), ReadConnections(sessions))
    body = await compiled.run(query, {"first": first}, None)
    assert body is not None, "the compiled path left the query to the resolvers"
    resolvers = create_app(Settings(graphql_compiled=False), sessionmaker=sessions)
    transport = httpx.ASGITransport(app=resolvers)
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as http:
        expected: dict[str, Any] = await graphql(http, query, {"first": first})
    assert "errors" not in expected, expected["errors"]
    got = orjson.loads(body)
    assert got == expected
    nodes = got["data"]["statements"]["nodes"]
    assert len(nodes) == first
    assert nodes[0]["text"] == AWKWARD
    assert nodes[0]["attributions"][0]["article"]["outlet"]["name"] == AWKWARD
    if backend == "sqlite" and not json_columns:
        assert body == orjson.dumps(got)


# -- SQLite: objects pieced together ---------------------------------------------------------

#: an object's values: scalars (a string, a number, null, a boolean, a JSON column holding an
#: object, which ends in "}") and nested JSON text (an object, an empty list, null)
SQLITE_VALUES: dict[str, tuple[str, str]] = {
    "string": ("plain", "'x}'"),
    "number": ("plain", "2"),
    "null": ("plain", "NULL"),
    "boolean": ("boolean", "1"),
    "json": ("json", """'{"a": [1, {}], "b": {}}'"""),
    "object": ("nested", """'{"k":"}"}'"""),
    "list": ("nested", "'[]'"),
    "none": ("nested", "'null'"),
}


@pytest.mark.parametrize(
    "names",
    [
        names
        for size in range(4)
        for names in itertools.product(["string", "json", "object", "list"], repeat=size)
    ]
    + [tuple(SQLITE_VALUES), tuple(reversed(SQLITE_VALUES))],
    ids=lambda names: "-".join(names) or "empty",
)
def test_sqlite_objects_are_json_objects_whatever_the_order_of_their_values(
    names: tuple[str, ...],
) -> None:
    writer = SQLiteWriter()
    pairs: list[tuple[str, str]] = []
    reference: list[str] = []  # json_object, nested JSON parsed again by json()
    for i, name in enumerate(names):
        kind, sql = SQLITE_VALUES[name]
        key = f"{name}{i}"
        if kind == "nested":
            value, parsed = JsonText(sql), f"json({sql})"
        elif kind == "plain":
            value = parsed = sql
        else:
            leaf = Leaf.BOOLEAN if kind == "boolean" else Leaf.JSON
            value = writer.leaf(Column("c", leaf), sql)
            parsed = value if kind == "boolean" else f"json({sql})"
        pairs.append((key, value))
        reference.append(f"'{key}', {parsed}")
    db = sqlite3.connect(":memory:")
    try:
        written, expected = db.execute(
            f"SELECT {writer.object_json(pairs)}, json_object({', '.join(reference)})"
        ).fetchone()
    finally:
        db.close()
    assert written == expected
