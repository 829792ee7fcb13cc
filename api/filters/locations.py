"""Filters and orders of locations: kind, name, and "within a place" (the place and every
place below it, following ``Location.parent_id``)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TypeAlias

from api.filters.base import Filter, InvalidFilter, ListQuery, NameMatch, NameOp, Order
from schema.enums import LocationKind

__all__ = [
    "LocationQuery",
    "LocationFilter",
    "LocationKindIs",
    "LocationLeaf",
    "LocationNamed",
    "LocationOrder",
    "LocationSort",
    "LocationWithin",
]


@dataclass(frozen=True, slots=True)
class LocationWithin:
    """Places given by id, or by name (a location's name or one of its aliases, folded,
    whole: ``Anbar``), each with everything below it."""

    ids: tuple[int, ...] = ()
    names: tuple[str, ...] = ()
    name: str = "within"

    def __post_init__(self) -> None:
        if not self.ids and not self.names:
            raise InvalidFilter(
                f"{self.name}: give a place by id or by name (e.g. 'Anbar')", {"field": self.name}
            )
        if self.names:
            NameMatch(NameOp.EQ, self.names, self.name)  # each name has letters

    @property
    def folded_names(self) -> tuple[str, ...]:
        return NameMatch(NameOp.EQ, self.names, self.name).folded if self.names else ()


@dataclass(frozen=True, slots=True)
class LocationKindIs:
    kinds: tuple[LocationKind, ...]

    def __post_init__(self) -> None:
        if not self.kinds:
            raise InvalidFilter("kind: give at least one kind", {"field": "kind"})


@dataclass(frozen=True, slots=True)
class LocationNamed:
    """The location's name or one of its aliases matches."""

    match: NameMatch


LocationLeaf: TypeAlias = LocationWithin | LocationKindIs | LocationNamed
LocationFilter: TypeAlias = Filter[LocationLeaf]


class LocationSort(StrEnum):
    ID = "id"


LocationOrder: TypeAlias = Order[LocationSort]

#: a filter, a search and an order of locations
LocationQuery: TypeAlias = ListQuery[LocationLeaf, LocationSort]
