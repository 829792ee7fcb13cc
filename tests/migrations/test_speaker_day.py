"""``speaker_day`` (revision 0005) always holds what counting the statements gives: after
inserts, updates of a speaker, a date or a precision, deletes (one row or many in a statement),
an actor's deletion, a load and a re-load of the same files, and when filled by the
migration's backfill."""

from __future__ import annotations

import asyncio
import datetime as dt
import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from sqlalchemy import delete, func, insert, select, text, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

import migrations
from migrations import upgrade
from schema import Actor, DatePrecision, SpeakerDay, Statement
from schema.db import create_engine
from seed.load import run_load
from tests import factories as f
from tests.benchmarks import corpus
from tests.conftest import SAMPLES
from tests.seed.test_load import MANIFEST, load_url

__all__ = ["load_url"]

DAY, MONTH, YEAR = DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR
D = dt.date

Key = tuple[Any, ...]


def _migration() -> ModuleType:
    (path,) = (Path(migrations.__file__).parent / "versions").glob("0005_*.py")
    spec = importlib.util.spec_from_file_location("dicta_speaker_day", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _sorted(rows: Any) -> list[Key]:
    def key(row: Key) -> tuple[Any, ...]:
        return tuple((value is None, "" if value is None else str(value)) for value in row)

    return sorted((tuple(row) for row in rows), key=key)


async def summary(conn: AsyncSession | AsyncConnection) -> list[Key]:
    s = SpeakerDay
    return _sorted(
        (await conn.execute(select(s.speaker_id, s.said_on, s.said_precision, s.n))).all()
    )


async def counted(conn: AsyncSession | AsyncConnection) -> list[Key]:
    """The statements counted afresh, as the summary should have them."""
    key = (Statement.speaker_id, Statement.said_on, Statement.said_precision)
    stmt = select(*key, func.count()).where(Statement.speaker_id.is_not(None)).group_by(*key)
    return _sorted((await conn.execute(stmt)).all())


async def assert_exact(conn: AsyncSession | AsyncConnection) -> list[Key]:
    found = await summary(conn)
    assert found == await counted(conn)
    assert all(row[-1] > 0 for row in found)
    return found


@pytest.fixture
async def actors(session: AsyncSession) -> tuple[Actor, Actor]:
    return (
        await f.create_actor(session, name="Mohammed Shia al-Sudani"),
        await f.create_actor(session, name="Mustafa al-Kadhimi"),
    )


async def _statements(
    session: AsyncSession, rows: list[tuple[Actor | None, dt.date | None, DatePrecision | None]]
) -> list[Statement]:
    made = [
        await f.create_statement(session, speaker=speaker, said_on=said_on, said_precision=p)
        for speaker, said_on, p in rows
    ]
    await session.flush()
    return made


async def test_inserts_count_each_speaker_date_and_precision(
    session: AsyncSession, actors: tuple[Actor, Actor]
) -> None:
    sudani, kadhimi = actors
    await _statements(
        session,
        [
            (sudani, D(2023, 8, 14), DAY),
            (sudani, D(2023, 8, 14), DAY),
            (sudani, D(2023, 8, 14), None),
            (sudani, D(2023, 8, 1), MONTH),
            (sudani, None, None),
            (sudani, None, None),
            (kadhimi, D(2023, 8, 14), DAY),
            (None, D(2023, 8, 14), DAY),
        ],
    )
    # many rows in one statement, as the loader writes them
    await session.execute(
        insert(Statement),
        [
            {
                "text": "t",
                "kind": "direct",
                "speaker_id": kadhimi.id,
                "said_on": D(2023, 1, 1),
                "said_precision": YEAR,
                "topics": [],
            },
        ]
        * 3,
    )
    found = await assert_exact(session)
    assert (sudani.id, D(2023, 8, 14), DAY, 2) in found
    assert (sudani.id, None, None, 2) in found
    assert (kadhimi.id, D(2023, 1, 1), YEAR, 3) in found
    assert len(found) == 6


async def test_updates_move_statements_between_speakers_dates_and_precisions(
    session: AsyncSession, actors: tuple[Actor, Actor]
) -> None:
    sudani, kadhimi = actors
    made = await _statements(
        session,
        [
            (sudani, D(2023, 8, 14), DAY),
            (sudani, D(2023, 8, 14), DAY),
            (sudani, D(2023, 8, 15), DAY),
            (None, D(2023, 8, 15), DAY),
            (kadhimi, None, None),
        ],
    )
    ids = [s.id for s in made]
    changes: list[dict[str, Any]] = [
        {"speaker_id": kadhimi.id},  # another speaker
        {"said_on": D(2023, 8, 16)},  # another day
        {"said_precision": MONTH, "said_on": D(2023, 8, 1)},  # another precision
        {"speaker_id": None},  # no speaker any more
        {"speaker_id": sudani.id},  # a speaker at last
        {"said_on": None, "said_precision": None},  # undated
        {"said_on": D(2023, 8, 14), "said_precision": DAY},  # dated again
        {"text": "the same key"},  # nothing the summary counts
    ]
    for i, values in enumerate(changes):
        await session.execute(
            update(Statement).where(Statement.id == ids[i % len(ids)]).values(**values)
        )
        await assert_exact(session)
    # one statement moving many rows, some between keys that each other's rows leave
    await session.execute(
        update(Statement)
        .where(Statement.id.in_(ids))
        .values(said_on=func.coalesce(Statement.said_on, D(2024, 1, 1)), said_precision=DAY)
    )
    await assert_exact(session)
    await session.execute(
        update(Statement).where(Statement.id.in_(ids)).values(speaker_id=kadhimi.id)
    )
    assert {row[0] for row in await assert_exact(session)} == {kadhimi.id}


@pytest.fixture
async def mixed(session: AsyncSession, actors: tuple[Actor, Actor]) -> list[Statement]:
    """Two speakers' statements, dated, undated and imprecise, and one without a speaker."""
    sudani, kadhimi = actors
    return await _statements(
        session,
        [
            (sudani, D(2023, 8, 14), DAY),
            (sudani, D(2023, 8, 14), DAY),
            (sudani, None, None),
            (kadhimi, D(2023, 8, 14), DAY),
            (kadhimi, D(2023, 1, 1), YEAR),
            (None, D(2023, 1, 1), YEAR),
        ],
    )


async def test_deletes_count_down_and_drop_the_keys_left_empty(
    session: AsyncSession, actors: tuple[Actor, Actor], mixed: list[Statement]
) -> None:
    sudani, kadhimi = actors
    await session.execute(delete(Statement).where(Statement.id == mixed[0].id))
    assert (sudani.id, D(2023, 8, 14), DAY, 1) in await assert_exact(session)
    await session.execute(delete(Statement).where(Statement.id.in_([mixed[1].id, mixed[2].id])))
    assert sudani.id not in {row[0] for row in await assert_exact(session)}
    # the actor's deletion leaves its statements without a speaker (ON DELETE SET NULL)
    await session.execute(delete(Actor).where(Actor.id == kadhimi.id))
    assert await assert_exact(session) == []


async def test_the_backfill_counts_what_is_there(
    session: AsyncSession, mixed: list[Statement]
) -> None:
    expected = await assert_exact(session)
    assert len(expected) == 4
    await session.execute(delete(SpeakerDay))
    assert await summary(session) == []
    await session.execute(text(_migration().BACKFILL))
    assert await summary(session) == expected == await counted(session)


async def test_the_migration_fills_the_summary_from_the_statements_there(
    tmp_path: Path,
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'before.db'}"
    await asyncio.to_thread(upgrade, url, "0004")
    engine = create_engine(url)
    try:
        async with engine.begin() as conn:
            await conn.execute(
                text(
                    "INSERT INTO actor (id, name, kind) VALUES (1, 'a', 'person'), (2, 'b', 'person')"
                )
            )
            rows = [
                (1, "2023-08-14", "day"),
                (1, "2023-08-14", "day"),
                (1, None, None),
                (2, "2023-01-01", "year"),
                (None, "2023-01-01", "year"),
            ]
            for i, (speaker, said_on, precision) in enumerate(rows, start=1):
                await conn.execute(
                    text(
                        "INSERT INTO statement (id, text, kind, speaker_id, said_on, "
                        "said_precision, date_conflict, topics) "
                        "VALUES (:id, 't', 'direct', :speaker, :said_on, :precision, 0, '[]')"
                    ),
                    {"id": i, "speaker": speaker, "said_on": said_on, "precision": precision},
                )
        await asyncio.to_thread(upgrade, url)
        async with engine.connect() as conn:
            found = await assert_exact(conn)
        assert len(found) == 3
    finally:
        await engine.dispose()


async def test_a_load_and_a_reload_of_the_same_files_keep_it_exact(load_url: str) -> None:
    engine = create_engine(load_url)
    try:
        await run_load([SAMPLES], load_url, manifest=MANIFEST, workers=0, progress=False)
        async with engine.connect() as conn:
            loaded = await assert_exact(conn)
        assert loaded
        # statements merged across articles were updated (dates joined) as the load went
        again = await run_load([SAMPLES], load_url, manifest=MANIFEST, workers=0, progress=False)
        assert again.articles_existing == 5
        async with engine.connect() as conn:
            assert await assert_exact(conn) == loaded
    finally:
        await engine.dispose()


async def test_a_truncate_of_the_statements_empties_it(
    backend: str, session: AsyncSession, mixed: list[Statement]
) -> None:
    if backend == "sqlite":
        pytest.skip("SQLite has no TRUNCATE")
    assert await assert_exact(session)
    await session.execute(text("TRUNCATE statement CASCADE"))
    assert await summary(session) == []


async def test_the_benchmark_corpus_fills_it_after_its_bulk_load(load_url: str) -> None:
    """The corpus builder sets the triggers aside while it writes, then counts set-based."""
    built = await corpus.build(400, load_url, quiet=True)
    engine = create_engine(load_url)
    try:
        async with engine.connect() as conn:
            found = await assert_exact(conn)
        assert sum(row[-1] for row in found) > built.statements // 2
    finally:
        await engine.dispose()
