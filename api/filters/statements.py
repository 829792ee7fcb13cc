"""Filters and orders of statements, as data (compiled by ``api.repository.filters``).

A statement matches a leaf as follows:

* ``SpeakerIs`` / ``SpeakerNamed``: its speaker, or one of the joint speakers of a joint
  statement, is one of these actors / has a name or alias matching (folded, see
  ``NameMatch``);
* ``Mentions`` / ``MentionsNamed``: it mentions one of these actors / an actor so named;
* ``LocationWithin``: it was said at, or mentions, one of these places or a place anywhere
  below one of them in the hierarchy (``Location.parent_id``): everything said about places
  in Anbar;
* ``OutletIs`` / ``ArticleIs``: an article of one of these outlets / one of these articles
  reports it;
* ``KindIs``, ``LanguageIs``, ``SaidOn``, ``HasDateConflict``: its own columns;
* ``PublishedOn``: an article reporting it was published in the range;
* ``MinOutlets``: it is reported by at least so many outlets (an article whose outlet is
  unknown counts as an outlet of its own);
* ``Search``: its text or one of its renderings matches a full-text query
  (``api.search`` syntax).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TypeAlias

from api.filters.base import (
    DateRange,
    Filter,
    InvalidFilter,
    ListQuery,
    NameMatch,
    Order,
    Search,
    check_ids,
)
from api.filters.locations import LocationWithin
from schema.enums import StatementKind

__all__ = [
    "StatementQuery",
    "ArticleIs",
    "HasDateConflict",
    "KindIs",
    "LanguageIs",
    "LocationWithin",
    "Mentions",
    "MentionsNamed",
    "MinOutlets",
    "OutletIs",
    "PublishedOn",
    "SaidOn",
    "Search",
    "SpeakerIs",
    "SpeakerNamed",
    "StatementFilter",
    "StatementLeaf",
    "StatementOrder",
    "StatementSort",
]


@dataclass(frozen=True, slots=True)
class SpeakerIs:
    ids: tuple[int, ...]

    def __post_init__(self) -> None:
        check_ids(self.ids, "speaker")


@dataclass(frozen=True, slots=True)
class SpeakerNamed:
    match: NameMatch


@dataclass(frozen=True, slots=True)
class Mentions:
    ids: tuple[int, ...]

    def __post_init__(self) -> None:
        check_ids(self.ids, "mentions")


@dataclass(frozen=True, slots=True)
class MentionsNamed:
    match: NameMatch


@dataclass(frozen=True, slots=True)
class OutletIs:
    ids: tuple[int, ...]

    def __post_init__(self) -> None:
        check_ids(self.ids, "outlet")


@dataclass(frozen=True, slots=True)
class ArticleIs:
    ids: tuple[int, ...]

    def __post_init__(self) -> None:
        check_ids(self.ids, "article")


@dataclass(frozen=True, slots=True)
class KindIs:
    kinds: tuple[StatementKind, ...]

    def __post_init__(self) -> None:
        if not self.kinds:
            raise InvalidFilter("kind: give at least one kind", {"field": "kind"})


@dataclass(frozen=True, slots=True)
class LanguageIs:
    """ISO 639-1 codes, compared in lower case."""

    codes: tuple[str, ...]

    def __post_init__(self) -> None:
        if not self.codes or not all(c.strip() for c in self.codes):
            raise InvalidFilter(
                "language: give ISO 639-1 codes such as 'en' or 'ar'", {"field": "language"}
            )


@dataclass(frozen=True, slots=True)
class SaidOn:
    range: DateRange


@dataclass(frozen=True, slots=True)
class PublishedOn:
    range: DateRange


@dataclass(frozen=True, slots=True)
class HasDateConflict:
    value: bool = True


@dataclass(frozen=True, slots=True)
class MinOutlets:
    count: int

    def __post_init__(self) -> None:
        if self.count < 1:
            raise InvalidFilter(
                f"minOutlets must be 1 or more, got {self.count}",
                {"field": "minOutlets", "value": self.count},
            )


StatementLeaf: TypeAlias = (
    SpeakerIs
    | SpeakerNamed
    | Mentions
    | MentionsNamed
    | LocationWithin
    | OutletIs
    | ArticleIs
    | KindIs
    | LanguageIs
    | SaidOn
    | PublishedOn
    | HasDateConflict
    | MinOutlets
    | Search
)
StatementFilter: TypeAlias = Filter[StatementLeaf]


class StatementSort(StrEnum):
    #: row id (the default)
    ID = "id"
    #: the date it was said; undated statements last
    SAID_ON = "said_on"
    #: when it was first reported: the earliest publication date of its articles; statements
    #: whose articles are all undated come last
    PUBLISHED = "published"
    #: how many articles report it
    REPORTS = "reports"
    #: how well it matches the search (best first); needs a search
    RELEVANCE = "relevance"


#: a sort and its direction (see ``Order``)
StatementOrder: TypeAlias = Order[StatementSort]

#: a filter, a search and an order of statements
StatementQuery: TypeAlias = ListQuery[StatementLeaf, StatementSort]
