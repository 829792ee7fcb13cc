"""The six REST resources: which rows each serves, how it fetches them, and its JSON.

An item's JSON is every column of its row under the column's name, plus embedded summaries of
related rows (a statement's speaker); the OpenAPI description is derived from the same list.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Column
from sqlalchemy.ext.asyncio import AsyncSession

from api import repository
from api.repository import Page
from schema import Actor, Article, Attribution, Base, Location, Outlet, Statement

__all__ = ["RESOURCES", "Embed", "Resource"]

ListRows = Callable[[AsyncSession, int, int | None], Awaitable[Page[Any]]]
GetRow = Callable[[AsyncSession, int], Awaitable[Any | None]]


@dataclass(frozen=True, slots=True)
class Embed:
    """A summary of a related row embedded in an item, and its JSON Schema."""

    json: Callable[[Any], Any]
    schema: dict[str, Any]
    description: str


@dataclass(frozen=True, slots=True)
class Resource:
    name: str  # "statement"
    path: str  # "statements"
    model: type[Base]
    description: str
    list_rows: ListRows
    get_row: GetRow
    embeds: Mapping[str, Embed] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return self.model.__name__

    @property
    def columns(self) -> list[Column[Any]]:
        return list(self.model.__table__.columns)  # type: ignore[arg-type]

    def to_json(self, row: Any) -> dict[str, Any]:
        item = {key: getattr(row, key) for key in _column_keys(self.model)}
        for name, embed in self.embeds.items():
            item[name] = embed.json(row)
        return item


_KEYS: dict[type[Base], tuple[str, ...]] = {}


def _column_keys(model: type[Base]) -> tuple[str, ...]:
    keys = _KEYS.get(model)
    if keys is None:
        keys = _KEYS[model] = tuple(attr.key for attr in model.__mapper__.column_attrs)
    return keys


def _plain(model: type[Base]) -> tuple[ListRows, GetRow]:
    async def list_rows(session: AsyncSession, first: int, after: int | None) -> Page[Any]:
        return await repository.page(session, model, first=first, after=after)

    async def get_row(session: AsyncSession, row_id: int) -> Any | None:
        return await repository.get(session, model, row_id)

    return list_rows, get_row


async def _list_statements(session: AsyncSession, first: int, after: int | None) -> Page[Any]:
    return await repository.statements_with_speakers(session, first=first, after=after)


def _speaker(statement: Statement) -> dict[str, Any] | None:
    speaker = statement.speaker
    return None if speaker is None else {"id": speaker.id, "name": speaker.name}


SPEAKER = Embed(
    json=_speaker,
    schema={
        "oneOf": [
            {
                "type": "object",
                "properties": {"id": {"type": "integer"}, "name": {"type": "string"}},
                "required": ["id", "name"],
                "additionalProperties": False,
            },
            {"type": "null"},
        ]
    },
    description="The speaker (the actor speaker_id points at), or null.",
)

RESOURCES: tuple[Resource, ...] = (
    Resource(
        "statement",
        "statements",
        Statement,
        "Statements: one utterance by one speaker, however many articles report it.",
        _list_statements,
        repository.statement_with_speaker,
        {"speaker": SPEAKER},
    ),
    Resource(
        "attribution",
        "attributions",
        Attribution,
        "Attributions: one article's rendering of a statement, located by character offsets "
        "into the article's stored text.",
        *_plain(Attribution),
    ),
    Resource(
        "actor",
        "actors",
        Actor,
        "Actors: people, organisations, governments and groups that speak or are spoken of.",
        *_plain(Actor),
    ),
    Resource(
        "location",
        "locations",
        Location,
        "Locations: places in an administrative hierarchy (parent_id), with coordinates.",
        *_plain(Location),
    ),
    Resource(
        "article",
        "articles",
        Article,
        "Articles: the stored (repaired) text, its repairs and publication metadata.",
        *_plain(Article),
    ),
    Resource(
        "outlet",
        "outlets",
        Outlet,
        "Outlets: who published the articles; what is unknown stays null.",
        *_plain(Outlet),
    ),
)
