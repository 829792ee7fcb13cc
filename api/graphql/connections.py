"""Relay connections: ``nodes``, ``edges { cursor node }``, ``pageInfo`` and ``totalCount``.

Resolvers return a ``ConnectionValue`` wrapping a repository ``Page``; every field of the
GraphQL types below is a plain attribute of it, so edges and cursors are only built when a
query selects them, and the count query only runs when ``totalCount`` is selected.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Annotated, Any, Generic, TypeAlias, TypeVar

import strawberry

from api.pagination import GRAPHQL_MAX_FIRST, encode_cursor
from api.repository import Page
from schema import Base

__all__ = [
    "After",
    "Connection",
    "ConnectionValue",
    "Edge",
    "First",
    "PageInfo",
]


NodeT = TypeVar("NodeT")
M = TypeVar("M", bound=Base)

First: TypeAlias = Annotated[
    int,
    strawberry.argument(
        description=f"How many items to return, at most {GRAPHQL_MAX_FIRST}; "
        "more is refused with code invalid_page_size."
    ),
]
After: TypeAlias = Annotated[
    str | None,
    strawberry.argument(
        description="Return the items after this cursor: the endCursor of the previous page."
    ),
]


@strawberry.type(description="Where a page starts and ends, and whether pages follow it.")
class PageInfo:
    has_next_page: bool = strawberry.field(
        description="True when more items follow: ask again with after: endCursor."
    )
    has_previous_page: bool = strawberry.field(
        description="True when this page was asked for with an after cursor."
    )
    start_cursor: str | None = strawberry.field(
        description="Cursor of the first item of this page; null when the page is empty."
    )
    end_cursor: str | None = strawberry.field(
        description="Cursor of the last item of this page; null when the page is empty."
    )


@strawberry.type(description="An item of a page and its cursor.")
class Edge(Generic[NodeT]):
    cursor: str
    node: NodeT


@strawberry.type(description="A page of items in id order.")
class Connection(Generic[NodeT]):
    nodes: list[NodeT] = strawberry.field(description="The items of this page.")
    edges: list[Edge[NodeT]] = strawberry.field(description="The items with their cursors.")
    page_info: PageInfo
    total_count: int = strawberry.field(description="How many items there are in all pages.")


def _cursor_of(row: Any) -> str:
    return encode_cursor(row.id)


class _EdgeValue(Generic[M]):
    __slots__ = ("cursor", "node")

    def __init__(self, node: M) -> None:
        self.node = node
        self.cursor = _cursor_of(node)


class ConnectionValue(Generic[M]):
    """What a connection field resolves to: a page of rows, read by ``Connection``'s fields."""

    __slots__ = ("_count", "_page", "has_previous_page")

    def __init__(
        self, page: Page[M], *, after: int | None, count: Callable[[], Awaitable[int]]
    ) -> None:
        self._page = page
        self._count = count
        self.has_previous_page = after is not None

    @property
    def nodes(self) -> Sequence[M]:
        return self._page.rows

    @property
    def edges(self) -> list[_EdgeValue[M]]:
        return [_EdgeValue(row) for row in self._page.rows]

    @property
    def page_info(self) -> PageInfo:
        rows = self._page.rows
        return PageInfo(
            has_next_page=self._page.has_next,
            has_previous_page=self.has_previous_page,
            start_cursor=_cursor_of(rows[0]) if rows else None,
            end_cursor=_cursor_of(rows[-1]) if rows else None,
        )

    @property
    def total_count(self) -> Awaitable[int]:
        return self._count()
