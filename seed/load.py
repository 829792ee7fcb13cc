"""``dicta load``: read each file and write it in a transaction of its own."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from schema.db import create_engine, session_factory
from seed import LOADER_VERSION
from seed.read import ReadError, read_article
from seed.sources import discover
from seed.write import finish_run, start_run, write_article


@dataclass
class LoadSummary:
    run_id: int | None = None
    new: int = 0
    existing: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.errors)

    def counts(self) -> dict[str, Any]:
        return {
            "articles_new": self.new,
            "articles_existing": self.existing,
            "failures": self.failed,
        }

    def render(self) -> str:
        lines = [
            f"ingest run {self.run_id}: {self.new} new articles, "
            f"{self.existing} already loaded, {self.failed} failed"
        ]
        lines += [f"  error: {e['file']}: {e['message']}" for e in self.errors]
        return "\n".join(lines)


async def load_paths(
    paths: Sequence[Path], sessions: async_sessionmaker[AsyncSession]
) -> LoadSummary:
    files, source_errors = discover(paths)
    summary = LoadSummary()
    summary.errors += [
        {"file": str(e.path), "offset": None, "message": e.message} for e in source_errors
    ]
    async with sessions() as session:
        summary.run_id = await start_run(session, LOADER_VERSION, [str(f) for f in files])
        await session.commit()
    for path in files:
        try:
            raw = read_article(path)
        except ReadError as exc:
            summary.errors.append({"file": str(path), "offset": exc.offset, "message": exc.message})
            continue
        async with sessions() as session, session.begin():
            if await write_article(session, summary.run_id, raw):
                summary.new += 1
            else:
                summary.existing += 1
    async with sessions() as session, session.begin():
        await finish_run(session, summary.run_id, summary.counts(), summary.errors)
    return summary


async def run_load(paths: Sequence[Path], database_url: str) -> LoadSummary:
    engine = create_engine(database_url)
    try:
        return await load_paths(paths, session_factory(engine))
    finally:
        await engine.dispose()
