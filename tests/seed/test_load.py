"""``dicta load`` end to end: the real pipeline in worker processes, a real database.

Loads that run worker processes or the command line commit for real, so they cannot join the
rolled-back test transaction: they load into a fresh SQLite file in ``tmp_path`` or, on
PostgreSQL, into the test database, emptied before and after (``load_url``).
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from migrations import upgrade
from schema import Article, Attribution, Base, IngestRun, IngestStatus, Statement
from schema.db import create_engine, session_factory
from seed.load import LoadError, extract_file, load_paths, run_load
from seed.records import ExtractedArticle
from tests.conftest import SAMPLES
from tests.seed.test_write import row_counts, snapshot

REPO = Path(__file__).resolve().parents[2]
DICTA = Path(sys.executable).with_name("dicta")
MANIFEST = SAMPLES / "manifest.yaml"
SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))
IS_ROOT = os.geteuid() == 0


# ---------------------------------------------------------------------------------------------
# extraction that fails on purpose; module level, so that worker processes can import it


class SimulatedCrash(BaseException):
    """Stands for the process dying mid-load (not an error a load records and survives)."""


def extract_or_fail(path: Path, entry: Any = None) -> ExtractedArticle:
    """The real extraction, except for files whose names ask it to fail or to kill its
    worker process."""
    if "explode" in path.name:
        raise ValueError("the parser met something it cannot handle")
    if "kill-worker" in path.name:
        os._exit(3)
    return extract_file(path, entry)


# ---------------------------------------------------------------------------------------------
# fixtures and helpers


async def empty_database(url: str) -> None:
    engine = create_engine(url)
    try:
        async with engine.begin() as conn:
            names = ", ".join(t.name for t in Base.metadata.sorted_tables)
            await conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    finally:
        await engine.dispose()


@pytest.fixture
async def load_url(backend: str, db_url: str, tmp_path: Path) -> AsyncIterator[str]:
    """A database that loads commit to: a fresh SQLite file, or the test PostgreSQL
    database emptied before and after the test."""
    if backend == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'load.db'}"
        await asyncio.to_thread(upgrade, url)
        yield url
        return
    await empty_database(db_url)
    try:
        yield db_url
    finally:
        await empty_database(db_url)


async def contents(url: str) -> tuple[dict[str, int], dict[str, list[tuple[Any, ...]]]]:
    engine = create_engine(url)
    try:
        async with session_factory(engine)() as session:
            return await row_counts(session), await snapshot(session)
    finally:
        await engine.dispose()


async def runs(url: str) -> list[IngestRun]:
    engine = create_engine(url)
    try:
        async with session_factory(engine)() as session:
            return list(await session.scalars(select(IngestRun).order_by(IngestRun.id)))
    finally:
        await engine.dispose()


def copy_samples(directory: Path, names: list[str] | None = None) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    chosen = [p for p in SAMPLE_FILES if names is None or p.name in names]
    return [Path(shutil.copy(p, directory / p.name)) for p in chosen]


@pytest.fixture
def crash_on_third_article(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The third article's transaction dies after its article, actors, places and statements
    are written, before its attributions are."""
    from seed import write

    real = write._ArticleWriter._attributions
    calls = {"n": 0}

    async def attributions(self: Any, *args: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise SimulatedCrash("power cut")
        await real(self, *args)

    monkeypatch.setattr(write._ArticleWriter, "_attributions", attributions)
    yield


# ---------------------------------------------------------------------------------------------
# the samples


@pytest.mark.slow
async def test_loading_the_samples_twice_changes_nothing(load_url: str, tmp_path: Path) -> None:
    first = await run_load([SAMPLES], load_url, manifest=MANIFEST, workers=2, progress=False)
    assert (first.articles_new, first.articles_existing, first.failed) == (5, 0, 0)
    assert first.attributions > 0 and first.statements_new > 0
    assert first.actors_new > 0 and first.repairs > 0
    counts, rows = await contents(load_url)
    assert counts["article"] == 5 and counts["attribution"] == first.attributions
    assert (counts["statement"], counts["actor"]) == (first.statements_new, first.actors_new)
    assert counts["location"] == first.places_new
    # Sudani's remark, dated 15 August by one outlet and "Monday" (the 14th) by another,
    # is one statement reported by two articles, its dates in conflict
    merged = [r for r in rows["statement"] if r[1] == "Mohammed Shia al-Sudani" and r[6]]
    assert merged and first.date_conflicts >= 1
    reports = {
        a[0][0] for a in rows["attribution"] if a[1] == merged[0][0]
    }  # the articles (by sha256) rendering it
    assert len(reports) >= 2

    again = await run_load([SAMPLES], load_url, manifest=MANIFEST, workers=2, progress=False)
    assert (again.articles_new, again.articles_existing, again.failed) == (0, 5, 0)
    assert (again.statements_new, again.attributions, again.actors_new) == (0, 0, 0)
    assert await contents(load_url) == (counts, rows)
    first_run, second_run = await runs(load_url)
    assert (first_run.status, second_run.status) == (IngestStatus.SUCCEEDED,) * 2
    assert first_run.counts["articles_new"] == 5 and second_run.counts["articles_existing"] == 5
    assert first_run.files == [str(p) for p in SAMPLE_FILES]

    # extracting in this process instead of two workers gives the same database
    inline = f"sqlite+aiosqlite:///{tmp_path / 'inline.db'}"
    await asyncio.to_thread(upgrade, inline)
    await run_load([SAMPLES], inline, manifest=MANIFEST, workers=0, progress=False)
    assert await contents(inline) == (counts, rows)


@pytest.mark.slow
async def test_a_crash_mid_run_then_a_rerun_gives_the_database_of_one_clean_run(
    load_url: str, tmp_path: Path, crash_on_third_article: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(SimulatedCrash):
        await run_load([SAMPLES], load_url, manifest=MANIFEST, workers=0, progress=False)
    counts, _ = await contents(load_url)
    assert counts["article"] == 2  # the third article's transaction left nothing behind
    (crashed,) = await runs(load_url)
    assert crashed.status == IngestStatus.FAILED
    assert "SimulatedCrash: power cut" in crashed.errors[-1]["message"]

    monkeypatch.undo()
    rerun = await run_load([SAMPLES], load_url, manifest=MANIFEST, workers=0, progress=False)
    assert (rerun.articles_new, rerun.articles_existing, rerun.failed) == (3, 2, 0)

    clean = f"sqlite+aiosqlite:///{tmp_path / 'clean.db'}"
    await asyncio.to_thread(upgrade, clean)
    await run_load([SAMPLES], clean, manifest=MANIFEST, workers=0, progress=False)
    assert await contents(load_url) == await contents(clean)


# ---------------------------------------------------------------------------------------------
# bad input


def bad_inputs(directory: Path) -> dict[str, Path]:
    """Two good articles beside bad input of every kind but unreadable (tested apart, as
    it cannot be made when running as root); returns the files by role."""
    good = copy_samples(directory, [SAMPLE_FILES[0].name, SAMPLE_FILES[2].name])
    files = {"good-1": good[0], "good-2": good[1]}
    files["empty"] = directory / "empty.txt"
    files["empty"].write_bytes(b"")
    files["binary"] = directory / "scan.txt"
    files["binary"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 64)
    files["latin1"] = directory / "latin1.txt"
    files["latin1"].write_bytes(
        SAMPLE_FILES[3]
        .read_text(encoding="utf-8")
        .replace("Prime Minister", "Premier ministre, élu à Bagdad,")
        .encode("cp1252", errors="replace")
    )
    files["huge"] = directory / "huge.txt"
    paragraph = SAMPLE_FILES[1].read_bytes()
    with files["huge"].open("wb") as f:
        for _ in range(50 * 1024 * 1024 // len(paragraph) + 1):
            f.write(paragraph)
    return files


@pytest.mark.slow
def test_bad_input_gives_per_file_errors_others_load_and_the_exit_code_is_1(
    load_url: str, tmp_path: Path
) -> None:
    bad_inputs(tmp_path / "in")
    report = tmp_path / "report.json"
    done = subprocess.run(
        [str(DICTA), "load", str(tmp_path / "in"), "--report", str(report), "--workers", "1"],
        env={**os.environ, "DICTA_DATABASE_URL": load_url},
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=600,
    )
    assert done.returncode == 1, done.stderr
    assert "failed files" in done.stdout and "empty.txt" in done.stdout

    summary = json.loads(report.read_text(encoding="utf-8"))
    errors = {Path(e["file"]).name: e for e in summary["errors"]}
    assert set(errors) == {"empty.txt", "scan.txt", "huge.txt"}
    assert all(e["stage"] == "read" for e in errors.values())
    assert "empty" in errors["empty.txt"]["message"]
    assert "binary file" in errors["scan.txt"]["message"] and errors["scan.txt"]["offset"] == 8
    assert "over the 10,000,000-byte limit" in errors["huge.txt"]["message"]
    assert summary["counts"]["articles_new"] == 3  # two samples and the cp1252 file
    assert summary["counts"]["failures"] == 3
    assert summary["status"] == "partial"

    counts, rows = asyncio.run(contents(load_url))
    assert counts["article"] == 3
    latin1 = next(r for r in rows["article"] if r[2] == "latin1.txt")
    encoding, repairs = latin1[9], latin1[8]
    assert encoding != "utf-8" and "not UTF-8" in repairs[0]["reason"]
    assert "Premier ministre" in latin1[10]


@pytest.mark.skipif(
    IS_ROOT,
    reason="runs as root, and root reads any file whatever its mode: chmod 000 cannot make "
    "a file unreadable for this test",
)
async def test_an_unreadable_file_is_a_per_file_error(load_url: str, tmp_path: Path) -> None:
    directory = tmp_path / "in"
    copy_samples(directory, [SAMPLE_FILES[0].name])
    locked = Path(shutil.copy(SAMPLE_FILES[1], directory / "locked.txt"))
    os.chmod(locked, 0)
    try:
        summary = await run_load([directory], load_url, workers=0)
    finally:
        os.chmod(locked, 0o644)
    assert (summary.articles_new, summary.failed) == (1, 1)
    (error,) = summary.errors
    assert (error.file, error.stage) == (str(locked), "read")
    assert "permission denied" in error.message


async def test_an_article_that_fails_leaves_nothing_and_the_others_land(
    load_url: str, tmp_path: Path
) -> None:
    directory = tmp_path / "in"
    good = copy_samples(directory, [SAMPLE_FILES[0].name, SAMPLE_FILES[1].name])
    shutil.copy(SAMPLE_FILES[2], directory / "01-explode.txt")
    summary = await run_load([directory], load_url, workers=0, extract=extract_or_fail)
    assert (summary.articles_new, summary.failed) == (2, 1)
    (error,) = summary.errors
    assert (Path(error.file).name, error.stage) == ("01-explode.txt", "extract")
    assert "ValueError: the parser met something it cannot handle" in error.message
    counts, rows = await contents(load_url)
    assert counts["article"] == 2
    assert {r[2] for r in rows["article"]} == {p.name for p in good}
    (run,) = await runs(load_url)
    assert run.status == IngestStatus.PARTIAL
    assert run.errors == [error.as_json()]


@pytest.mark.slow
async def test_a_worker_that_dies_fails_only_its_own_file(load_url: str, tmp_path: Path) -> None:
    directory = tmp_path / "in"
    copy_samples(directory, [p.name for p in SAMPLE_FILES[:2]])
    shutil.copy(SAMPLE_FILES[3], directory / "000-kill-worker.txt")
    summary = await run_load([directory], load_url, workers=1, extract=extract_or_fail)
    assert (summary.articles_new, summary.failed) == (2, 1)
    (error,) = summary.errors
    assert Path(error.file).name == "000-kill-worker.txt"
    assert "extraction process died" in error.message


@pytest.mark.slow
async def test_a_text_spacy_refuses_fails_alone_though_parsed_in_a_batch(
    load_url: str, tmp_path: Path
) -> None:
    directory = tmp_path / "in"
    copy_samples(directory, [p.name for p in SAMPLE_FILES[:3]])
    # under the read stage's size limit, over spaCy's 1,000,000 characters
    long = directory / "000-long.txt"
    sample = SAMPLE_FILES[4].read_text(encoding="utf-8")
    long.write_text(sample * (1_100_000 // len(sample) + 1), encoding="utf-8")
    summary = await run_load([directory], load_url, workers=1, progress=False)
    assert (summary.articles_new, summary.failed) == (3, 1)
    (error,) = summary.errors
    assert (error.file, error.stage) == (str(long), "extract")
    assert "E088" in error.message


async def test_a_failed_write_is_rolled_back_in_the_test_transaction(
    sessions: async_sessionmaker[AsyncSession], monkeypatch: pytest.MonkeyPatch
) -> None:
    """One transaction per article, on the rolled-back fixture (in-process extraction)."""
    from seed import write

    real = write._ArticleWriter._attributions

    async def attributions(self: Any, *args: Any) -> None:
        await real(self, *args)
        if self.article.raw.file_name == SAMPLE_FILES[1].name:
            raise RuntimeError("constraint violated")

    monkeypatch.setattr(write._ArticleWriter, "_attributions", attributions)
    summary = await load_paths(SAMPLE_FILES[:3], sessions, manifest=MANIFEST, workers=0)
    assert (summary.articles_new, summary.failed) == (2, 1)
    (error,) = summary.errors
    assert error.stage == "write" and "RuntimeError: constraint violated" in error.message
    assert "nothing of it was stored" in error.message
    async with sessions() as s:
        names = set(await s.scalars(select(Article.file_name)))
        assert names == {SAMPLE_FILES[0].name, SAMPLE_FILES[2].name}
        orphans = await s.scalar(
            select(func.count())
            .select_from(Statement)
            .where(~select(Attribution.id).where(Attribution.statement_id == Statement.id).exists())
        )
        assert orphans == 0


# ---------------------------------------------------------------------------------------------
# the command line and its report


@pytest.mark.slow
def test_the_report_holds_the_closing_summary(load_url: str, tmp_path: Path) -> None:
    report = tmp_path / "out" / "report.json"
    done = subprocess.run(
        [
            str(DICTA),
            "load",
            str(SAMPLES),
            "--manifest",
            str(MANIFEST),
            "--report",
            str(report),
            "--workers",
            "1",
            "--database-url",
            load_url,
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # no progress bar when standard error is not a terminal
    summary = json.loads(report.read_text(encoding="utf-8"))
    assert summary["status"] == "succeeded" and summary["workers"] == 1
    assert summary["errors"] == []
    counts = summary["counts"]
    assert set(counts) == {
        "files",
        "articles_new",
        "articles_existing",
        "statements_new",
        "statements_merged",
        "attributions",
        "actors_new",
        "places_new",
        "outlets_new",
        "date_conflicts",
        "repairs",
        "warnings",
        "failures",
    }
    assert (counts["files"], counts["articles_new"], counts["failures"]) == (5, 5, 0)
    db_counts, _ = asyncio.run(contents(load_url))
    assert counts["attributions"] == db_counts["attribution"]
    assert counts["statements_new"] == db_counts["statement"]
    for label in ("articles new", "statements new", "attributions", "actors new", "places new"):
        assert label in done.stdout


def test_a_bad_manifest_stops_the_load_before_anything_is_written(
    load_url: str, tmp_path: Path
) -> None:
    manifest = tmp_path / "manifest.yaml"
    manifest.write_text("articles:\n  a.txt:\n    publisher: nobody\n", encoding="utf-8")
    done = subprocess.run(
        [str(DICTA), "load", str(SAMPLES), "--manifest", str(manifest), "--database-url", load_url],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=600,
    )
    assert done.returncode == 2
    assert str(manifest) in done.stderr and "line 3" in done.stderr
    assert asyncio.run(contents(load_url))[0]["article"] == 0
    assert asyncio.run(runs(load_url)) == []


async def test_an_unmigrated_database_is_a_clear_error(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'empty.db'}"
    with pytest.raises(LoadError, match="dicta db upgrade"):
        await run_load([SAMPLES], url, workers=0)
