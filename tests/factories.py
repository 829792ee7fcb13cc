"""Plain async factory functions for tests.

Each adds one row to the session, flushes it (so it has its id) and returns it. Defaults
satisfy every constraint and are unique per call; pass any column as a keyword to set it
(``id=`` included, for payloads written out as literals). Rows get a fixed ``created_at`` so
that expected payloads do not depend on the clock.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from schema import (
    Actor,
    ActorAlias,
    ActorKind,
    ActorRole,
    Article,
    Attribution,
    Base,
    IngestRun,
    IngestStatus,
    Location,
    LocationAlias,
    LocationKind,
    Outlet,
    Statement,
    StatementActor,
    StatementKind,
    StatementLocation,
    StatementSpeaker,
)

__all__ = [
    "CREATED_AT",
    "add_co_speaker",
    "create_actor",
    "create_actor_alias",
    "create_actor_role",
    "create_article",
    "create_attribution",
    "create_ingest_run",
    "create_location",
    "create_location_alias",
    "create_outlet",
    "create_statement",
    "mention_actor",
    "mention_location",
]

#: the created_at of every row a factory makes, unless given
CREATED_AT = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)

_serial = itertools.count(1)
R = TypeVar("R", bound=Base)


async def _add(session: AsyncSession, row: R) -> R:
    session.add(row)
    await session.flush()
    return row


def _with(defaults: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    return {**defaults, **values}


async def create_ingest_run(session: AsyncSession, **values: Any) -> IngestRun:
    defaults = {
        "started_at": CREATED_AT,
        "finished_at": CREATED_AT,
        "loader_version": "test/1",
        "status": IngestStatus.SUCCEEDED,
        "files": [],
        "counts": {},
        "errors": [],
    }
    return await _add(session, IngestRun(**_with(defaults, values)))


async def create_outlet(session: AsyncSession, **values: Any) -> Outlet:
    n = next(_serial)
    defaults = {"name": f"Outlet {n}", "created_at": CREATED_AT}
    return await _add(session, Outlet(**_with(defaults, values)))


async def create_article(
    session: AsyncSession, *, outlet: Outlet | None = None, **values: Any
) -> Article:
    n = next(_serial)
    defaults = {
        "outlet_id": outlet.id if outlet is not None else None,
        "text": f"Text of article {n}.",
        "raw_sha256": hashlib.sha256(f"article {n}".encode()).hexdigest(),
        "file_name": f"article-{n}.txt",
        "languages": ["en"],
        "repairs": [],
        "created_at": CREATED_AT,
    }
    return await _add(session, Article(**_with(defaults, values)))


async def create_actor(session: AsyncSession, **values: Any) -> Actor:
    n = next(_serial)
    defaults = {"name": f"Actor {n}", "kind": ActorKind.PERSON, "created_at": CREATED_AT}
    return await _add(session, Actor(**_with(defaults, values)))


async def create_actor_alias(session: AsyncSession, actor: Actor, **values: Any) -> ActorAlias:
    alias = values.get("alias", f"Alias {next(_serial)}")
    defaults = {"actor_id": actor.id, "alias": alias, "normalized": alias.casefold()}
    return await _add(session, ActorAlias(**_with(defaults, values)))


async def create_actor_role(session: AsyncSession, actor: Actor, **values: Any) -> ActorRole:
    defaults = {"actor_id": actor.id, "title": f"Role {next(_serial)}"}
    return await _add(session, ActorRole(**_with(defaults, values)))


async def create_location(
    session: AsyncSession, *, parent: Location | None = None, **values: Any
) -> Location:
    n = next(_serial)
    defaults = {
        "name": f"Location {n}",
        "kind": LocationKind.CITY,
        "parent_id": parent.id if parent is not None else None,
        "created_at": CREATED_AT,
    }
    return await _add(session, Location(**_with(defaults, values)))


async def create_location_alias(
    session: AsyncSession, location: Location, **values: Any
) -> LocationAlias:
    alias = values.get("alias", f"Alias {next(_serial)}")
    defaults = {"location_id": location.id, "alias": alias, "normalized": alias.casefold()}
    return await _add(session, LocationAlias(**_with(defaults, values)))


async def create_statement(
    session: AsyncSession,
    *,
    speaker: Actor | None = None,
    location: Location | None = None,
    **values: Any,
) -> Statement:
    n = next(_serial)
    defaults = {
        "text": f"Statement {n}.",
        "kind": StatementKind.DIRECT,
        "speaker_id": speaker.id if speaker is not None else None,
        "location_id": location.id if location is not None else None,
        "topics": [],
        "created_at": CREATED_AT,
    }
    return await _add(session, Statement(**_with(defaults, values)))


async def create_attribution(
    session: AsyncSession,
    *,
    statement: Statement,
    article: Article,
    speaker: Actor | None = None,
    **values: Any,
) -> Attribution:
    content = values.get("content", statement.text)
    start = values.get("content_start", 0)
    end = values.get("content_end", start + len(content))
    defaults = {
        "statement_id": statement.id,
        "article_id": article.id,
        "speaker_id": speaker.id if speaker is not None else statement.speaker_id,
        "kind": statement.kind,
        "content": content,
        "content_start": start,
        "content_end": end,
        "fragments": [[start, end]],
        "extractor_version": "test/1",
        "created_at": CREATED_AT,
    }
    return await _add(session, Attribution(**_with(defaults, values)))


async def mention_actor(
    session: AsyncSession, statement: Statement, actor: Actor, **values: Any
) -> StatementActor:
    defaults = {"statement_id": statement.id, "actor_id": actor.id}
    return await _add(session, StatementActor(**_with(defaults, values)))


async def mention_location(
    session: AsyncSession, statement: Statement, location: Location, **values: Any
) -> StatementLocation:
    defaults = {"statement_id": statement.id, "location_id": location.id}
    return await _add(session, StatementLocation(**_with(defaults, values)))


async def add_co_speaker(
    session: AsyncSession, statement: Statement, actor: Actor, position: int = 0
) -> StatementSpeaker:
    row = StatementSpeaker(statement_id=statement.id, actor_id=actor.id, position=position)
    return await _add(session, row)
