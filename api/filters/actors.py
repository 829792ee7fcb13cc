"""Filters and orders of actors: kind, name or alias (folded; whole, prefix or contained),
full-text search over names and aliases in any script."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TypeAlias

from api.filters.base import Filter, InvalidFilter, ListQuery, NameMatch, Order, Search, check_ids
from schema.enums import ActorKind

__all__ = [
    "ActorQuery",
    "ActorFilter",
    "ActorIdIs",
    "ActorKindIs",
    "ActorLeaf",
    "ActorNamed",
    "ActorOrder",
    "ActorSort",
]


@dataclass(frozen=True, slots=True)
class ActorIdIs:
    ids: tuple[int, ...]

    def __post_init__(self) -> None:
        check_ids(self.ids, "id")


@dataclass(frozen=True, slots=True)
class ActorKindIs:
    kinds: tuple[ActorKind, ...]

    def __post_init__(self) -> None:
        if not self.kinds:
            raise InvalidFilter("kind: give at least one kind", {"field": "kind"})


@dataclass(frozen=True, slots=True)
class ActorNamed:
    """The actor's canonical name or one of its aliases matches."""

    match: NameMatch


ActorLeaf: TypeAlias = ActorIdIs | ActorKindIs | ActorNamed | Search
ActorFilter: TypeAlias = Filter[ActorLeaf]


class ActorSort(StrEnum):
    ID = "id"
    RELEVANCE = "relevance"


ActorOrder: TypeAlias = Order[ActorSort]

#: a filter, a search and an order of actors
ActorQuery: TypeAlias = ListQuery[ActorLeaf, ActorSort]
