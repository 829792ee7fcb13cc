"""Filters and orders of articles: outlet, publication date, full-text search."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TypeAlias

from api.filters.base import DateRange, Filter, ListQuery, Order, Search, check_ids

__all__ = [
    "ArticleQuery",
    "ArticleFilter",
    "ArticleLeaf",
    "ArticleOrder",
    "ArticleOutletIs",
    "ArticlePublishedOn",
    "ArticleSort",
]


@dataclass(frozen=True, slots=True)
class ArticleOutletIs:
    ids: tuple[int, ...]

    def __post_init__(self) -> None:
        check_ids(self.ids, "outlet")


@dataclass(frozen=True, slots=True)
class ArticlePublishedOn:
    range: DateRange


ArticleLeaf: TypeAlias = ArticleOutletIs | ArticlePublishedOn | Search
ArticleFilter: TypeAlias = Filter[ArticleLeaf]


class ArticleSort(StrEnum):
    ID = "id"
    #: publication date; undated articles last
    PUBLISHED = "published"
    RELEVANCE = "relevance"


ArticleOrder: TypeAlias = Order[ArticleSort]

#: a filter, a search and an order of articles
ArticleQuery: TypeAlias = ListQuery[ArticleLeaf, ArticleSort]
