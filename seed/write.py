"""Write stage: the only place the loader touches the database."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from schema import Article, IngestRun, IngestStatus
from seed.records import RawArticle


async def start_run(session: AsyncSession, loader_version: str, files: list[str]) -> int:
    run = IngestRun(
        started_at=dt.datetime.now(dt.UTC),
        loader_version=loader_version,
        status=IngestStatus.RUNNING,
        files=files,
        counts={},
        errors=[],
    )
    session.add(run)
    await session.flush()
    return run.id


async def finish_run(
    session: AsyncSession, run_id: int, counts: dict[str, Any], errors: list[dict[str, Any]]
) -> None:
    run = await session.get_one(IngestRun, run_id)
    run.finished_at = dt.datetime.now(dt.UTC)
    run.counts = counts
    run.errors = errors
    if not errors:
        run.status = IngestStatus.SUCCEEDED
    elif counts.get("articles_new", 0) or counts.get("articles_existing", 0):
        run.status = IngestStatus.PARTIAL
    else:
        run.status = IngestStatus.FAILED


async def article_exists(session: AsyncSession, sha256: str) -> bool:
    found = await session.scalar(select(Article.id).where(Article.raw_sha256 == sha256))
    return found is not None


async def write_article(session: AsyncSession, run_id: int, raw: RawArticle) -> bool:
    """Store ``raw`` unless an article with the same bytes exists; True when it was new."""
    if await article_exists(session, raw.sha256):
        return False
    session.add(
        Article(
            text=raw.text,
            raw_sha256=raw.sha256,
            file_name=raw.file_name,
            encoding=raw.encoding,
            repairs=[r.as_json() for r in raw.repairs],
            languages=[],
            ingest_run_id=run_id,
        )
    )
    await session.flush()
    return True
