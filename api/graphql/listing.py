"""Connections of filtered, ordered and searched lists (``api.repository.listing``).

They read like every other connection (``nodes``, ``edges``, ``pageInfo``, ``totalCount``), and
each edge also has the ``snippet`` of its node when the list was searched: the words that
matched, highlighted by offsets into the snippet's text. Snippets are cut only when asked for.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Generic, TypeVar

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession

from api.graphql.connections import PageInfo
from api.graphql.loaders import RequestDb
from api.repository.listing import Listing
from api.search import Snippet
from schema import Base

__all__ = ["ListingValue", "SearchConnection", "SearchEdge", "SearchSnippet", "SnippetMatch"]

NodeT = TypeVar("NodeT")
M = TypeVar("M", bound=Base)


@strawberry.type(description="Where a search matched, in offsets into SearchSnippet.text.")
class SnippetMatch:
    start: int = strawberry.field(description="Offset of the first matching character.")
    end: int = strawberry.field(description="Offset after the last matching character.")


@strawberry.type(description="An excerpt of a search hit with the query's matches in it.")
class SearchSnippet:
    text: str = strawberry.field(description="The excerpt.")
    field: str = strawberry.field(
        description="Where it comes from: 'text', 'attribution' (a rendering), 'title', "
        "'subtitle', 'name', 'alias'."
    )
    source_row_id: int | None = strawberry.field(
        description="Row id of the attribution or alias it comes from, when not the hit itself."
    )
    offset: int = strawberry.field(description="Offset of the excerpt in the field's full text.")
    matches: list[SnippetMatch] = strawberry.field(description="The matches, in text order.")
    truncated_start: bool = strawberry.field(description="Text was cut before the excerpt.")
    truncated_end: bool = strawberry.field(description="Text was cut after the excerpt.")


def _snippet(snippet: Snippet | None) -> SearchSnippet | None:
    if snippet is None:
        return None
    return SearchSnippet(
        text=snippet.text,
        field=snippet.field,
        source_row_id=snippet.source_id,
        offset=snippet.offset,
        matches=[SnippetMatch(start=s, end=e) for s, e in snippet.matches],
        truncated_start=snippet.truncated_start,
        truncated_end=snippet.truncated_end,
    )


@strawberry.type(description="An item of a page, its cursor, and its search snippet.")
class SearchEdge(Generic[NodeT]):
    cursor: str
    node: NodeT
    snippet: SearchSnippet | None = strawberry.field(
        description="Where the search matched this item; null when the list was not searched."
    )


@strawberry.type(description="A page of items in the order asked for.")
class SearchConnection(Generic[NodeT]):
    nodes: list[NodeT] = strawberry.field(description="The items of this page.")
    edges: list[SearchEdge[NodeT]] = strawberry.field(
        description="The items with their cursors and search snippets."
    )
    page_info: PageInfo
    total_count: int = strawberry.field(
        description="How many items the filter and search select in all pages (one more query)."
    )


class _EdgeValue(Generic[M]):
    __slots__ = ("_listing", "cursor", "node")

    def __init__(self, listing: Listing[M], node: M, cursor: str) -> None:
        self._listing = listing
        self.node = node
        self.cursor = cursor

    @property
    async def snippet(self) -> SearchSnippet | None:
        return _snippet(await self._listing.snippet(self.node.id))  # type: ignore[attr-defined]


class ListingValue(Generic[M]):
    """What a listing connection field resolves to, read by ``SearchConnection``'s fields."""

    __slots__ = ("_count", "_listing", "has_previous_page")

    def __init__(
        self,
        listing: Listing[M],
        *,
        after: str | None,
        count: Callable[[], Awaitable[int]],
        db: RequestDb,
    ) -> None:
        if listing.snippets is not None:
            # snippets query the request's session: take turns with the DataLoaders
            cut = listing.snippets

            async def call(_session: AsyncSession) -> dict[int, Snippet]:
                return await cut()

            listing.snippets = lambda: db.run(call)
        self._listing = listing
        self._count = count
        self.has_previous_page = after is not None

    @property
    def nodes(self) -> Sequence[M]:
        return self._listing.rows

    @property
    def edges(self) -> list[_EdgeValue[M]]:
        listing = self._listing
        return [
            _EdgeValue(listing, row, c)
            for row, c in zip(listing.rows, listing.cursors, strict=True)
        ]

    @property
    def page_info(self) -> PageInfo:
        cursors = self._listing.cursors
        return PageInfo(
            has_next_page=self._listing.has_next,
            has_previous_page=self.has_previous_page,
            start_cursor=cursors[0] if cursors else None,
            end_cursor=cursors[-1] if cursors else None,
        )

    @property
    def total_count(self) -> Awaitable[int]:
        return self._count()
