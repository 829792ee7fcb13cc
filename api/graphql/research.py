"""GraphQL research views: ``timeline`` and ``positions`` at the root, ``Statement.comparison``
(renderings side by side) and ``Actor.positions`` (an actor's statements in date order).

Resolvers hand these types the plain objects of ``api.research`` and ``api.repository``; a
field without a resolver reads the attribute of the same Python name. The node types they
point at (``Statement``, ``Article``...) live in ``api.graphql.types``, which imports this
module, so they are named lazily here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, Annotated, Any, Protocol

import strawberry

import schema as models
from api.errors import InvalidParameter
from api.filters import Search
from api.graphql.connections import After, Connection, First, PageInfo
from api.graphql.context import Info
from api.graphql.enums import DatePrecision, StatementKind
from api.graphql.fields import resolver
from api.graphql.filters import StatementFilter, statement_filter
from api.graphql.ids import from_global_id, to_global_id
from api.pagination import check_first
from api.repository import Page
from api.repository import positions as positions_repository
from api.repository import timeline as timeline_repository
from api.repository.positions import Position as PositionRow
from api.repository.positions import decode_position_cursor
from api.research import timeline as timelines
from api.research.compare import DiffOp
from api.research.positions import DateBasis
from api.research.timeline import TimeBucket, TimelineGroup

if TYPE_CHECKING:
    from api.graphql.types import Article, Attribution, Outlet, Statement

__all__ = [
    "Comparison",
    "ComparedRendering",
    "DiffSegment",
    "Position",
    "PositionsValue",
    "Rendering",
    "SearchArgument",
    "Timeline",
    "actor_positions",
    "positions_field",
    "timeline_field",
]

_TYPES = "api.graphql.types"

strawberry.enum(DiffOp, description="How a run of words differs between two renderings.")
strawberry.enum(TimeBucket, description="The span of time statements are counted per.")
strawberry.enum(
    TimelineGroup,
    description="What a timeline has one series for: each SPEAKER (main or joint), each "
    "OUTLET that reported the statements, or each LOCATION they were said at.",
)
strawberry.enum(DateBasis, description="Where the date of a position comes from.")

SearchArgument = Annotated[
    str | None,
    strawberry.argument(
        description="A full-text query over the statements and their renderings: words (all "
        'must match), "a phrase", prefix*, OR, NOT or -word, (groups). Leave it out for all.'
    ),
]


# -- renderings and comparisons --------------------------------------------------------------


class _RenderingRow(Protocol):
    @property
    def attribution(self) -> models.Attribution: ...


@strawberry.type(
    description="A run of words: the reference's (empty for an insertion) and the "
    "rendering's (empty for a deletion), as written."
)
class DiffSegment:
    op: DiffOp
    reference: str
    rendering: str


@strawberry.type(description="One article's rendering of a statement, with its article and outlet.")
class Rendering:
    attribution: Annotated[Attribution, strawberry.lazy(_TYPES)] = strawberry.field(
        description="The attribution, with its offsets into the article text."
    )
    article: Annotated[Article, strawberry.lazy(_TYPES)] = strawberry.field(
        description="The article that carries it: title, url, publication date."
    )
    outlet: Annotated[Outlet, strawberry.lazy(_TYPES)] | None = strawberry.field(
        description="The article's outlet; null when unknown."
    )

    @resolver(description="Row id of the attribution.")
    @staticmethod
    def attribution_id(root: strawberry.Parent[_RenderingRow]) -> int:
        return root.attribution.id

    @resolver(description="Quoted (DIRECT), paraphrased (INDIRECT), or both (MIXED).")
    @staticmethod
    def kind(root: strawberry.Parent[_RenderingRow]) -> StatementKind:
        return root.attribution.kind

    @resolver(description="The wording, exactly as in the article.")
    @staticmethod
    def content(root: strawberry.Parent[_RenderingRow]) -> str:
        return root.attribution.content

    @resolver(description="The date this article gives.")
    @staticmethod
    def said_on(root: strawberry.Parent[_RenderingRow]) -> dt.date | None:
        return root.attribution.said_on

    @resolver(description="How precisely saidOn is known.")
    @staticmethod
    def said_precision(root: strawberry.Parent[_RenderingRow]) -> DatePrecision | None:
        return root.attribution.said_precision

    @resolver(description="The words the date was resolved from: 'on Monday'.")
    @staticmethod
    def said_on_text(root: strawberry.Parent[_RenderingRow]) -> str | None:
        return root.attribution.said_on_text


@strawberry.type(description="A rendering compared word by word with the reference rendering.")
class ComparedRendering(Rendering):
    is_reference: bool = strawberry.field(
        description="True for the reference: the most direct rendering (a direct quote over "
        "a mixed one over a paraphrase; among equals the earliest published)."
    )
    similarity: float = strawberry.field(
        description="How alike its words and the reference's are, 0 to 1 (difflib ratio)."
    )
    diff: list[DiffSegment] = strawberry.field(
        description="Its words against the reference's, in order (case and surrounding "
        "punctuation ignored)."
    )
    added_words: list[str] = strawberry.field(
        description="Words it has that the reference does not, function words left out and "
        "words compared by stem: 'foreign combat forces' reported as 'U.S. forces' adds "
        "'U.S.'. Empty for the reference."
    )
    date_conflict: bool = strawberry.field(
        description="True when its date cannot be the date another rendering gives."
    )


@strawberry.type(description="A statement's renderings side by side.")
class Comparison:
    date_conflict: bool = strawberry.field(
        description="True when two renderings give dates that cannot both be right."
    )
    reference: ComparedRendering | None = strawberry.field(
        description="The most direct rendering, which the others are compared with; null "
        "when nothing reports the statement."
    )
    renderings: list[ComparedRendering] = strawberry.field(
        description="Every rendering: the reference first, then in publication order."
    )


# -- timelines -------------------------------------------------------------------------------


@strawberry.type(description="How many statements were said from start to end (both included).")
class TimelineBucket:
    start: dt.date = strawberry.field(description="The first day of the bucket.")
    end: dt.date = strawberry.field(description="The last day of the bucket.")
    count: int


@strawberry.type(description="The speaker (Actor), outlet or location a series counts.")
class TimelineGroupRef:
    id: int = strawberry.field(name="rowId", description="Row id, as in the REST API.")
    name: str

    @resolver(name="id", description="Global id; look the object up with node(id).")
    @staticmethod
    def global_id(root: strawberry.Parent[timelines.GroupRef]) -> strawberry.ID:
        return strawberry.ID(to_global_id(root.type_name, root.id))

    @resolver(description="Actor, Outlet or Location.")
    @staticmethod
    def type_name(root: strawberry.Parent[timelines.GroupRef]) -> str:
        return root.type_name


@strawberry.type(
    description="The statements of one group per bucket (buckets without statements left "
    "out, in date order), and those that have no bucket."
)
class TimelineSeries:
    group: TimelineGroupRef | None = strawberry.field(
        description="Whose statements these are; null for the whole when the timeline is not "
        "grouped, and for the statements without a speaker, outlet or location when it is."
    )
    total: int = strawberry.field(description="Statements in this series.")
    undated: int = strawberry.field(description="Of them, those without a date.")
    imprecise: int = strawberry.field(
        description="Of them, those dated less precisely than the bucket ('August 2023' in a "
        "timeline by week): they are in no bucket."
    )
    buckets: list[TimelineBucket]


@strawberry.type(
    description="Statements counted per day, week (ISO, Monday to Sunday), month or year. One "
    "series per group, for charts; a statement reported by two outlets (or said jointly by "
    "two speakers) is in both their series, so series may add up to more than total."
)
class Timeline:
    bucket: TimeBucket
    group_by: TimelineGroup | None
    total: int = strawberry.field(description="Statements the filter selects, each once.")
    undated: int = strawberry.field(description="Of them, those without a date.")
    imprecise: int = strawberry.field(description="Of them, those dated less precisely.")
    group_count: int = strawberry.field(
        description="How many groups have statements; series holds the top ones."
    )
    series: list[TimelineSeries] = strawberry.field(
        description="The groups with the most statements first (ties by rowId, the group "
        "without a speaker, outlet or location last)."
    )


def _check_top(top: int) -> int:
    if 1 <= top <= timeline_repository.MAX_TOP:
        return top
    raise InvalidParameter(
        f"top must be between 1 and {timeline_repository.MAX_TOP}, got {top}: it is how many "
        "series (the groups with the most statements) the timeline has",
        {"parameter": "top", "value": top, "min": 1, "max": timeline_repository.MAX_TOP},
    )


async def _timeline(
    info: Info,
    bucket: Annotated[TimeBucket, strawberry.argument(description="Count per this span.")],
    filter: StatementFilter | None = None,
    group_by: Annotated[
        TimelineGroup | None,
        strawberry.argument(description="One series per group; leave out for one series."),
    ] = None,
    top: Annotated[
        int,
        strawberry.argument(
            description=f"How many series, at most {timeline_repository.MAX_TOP}: the groups "
            "with the most statements."
        ),
    ] = 10,
) -> timelines.Timeline:
    spec = statement_filter(filter)
    return await info.context.db.run(
        timeline_repository.timeline, spec, bucket=bucket, group_by=group_by, top=_check_top(top)
    )


timeline_field: Any = strawberry.field(
    resolver=_timeline,
    graphql_type=Timeline,
    description="Statements the filter selects, counted per day, week, month or year, in one "
    "series per speaker, outlet or location (groupBy) or one for all.",
)


# -- positions -------------------------------------------------------------------------------


@strawberry.type(
    description="A statement at its place in an actor's history, with how each article rendered it."
)
class Position:
    date: dt.date | None = strawberry.field(
        description="When it was said or, when that is unknown, when it was first reported; "
        "null when neither is known."
    )
    date_basis: DateBasis | None = strawberry.field(
        description="SAID or REPORTED: where date comes from; null when there is no date."
    )
    statement: Annotated[Statement, strawberry.lazy(_TYPES)]

    @resolver(
        graphql_type=list[Rendering],
        description="How each article rendered it, earliest published first.",
    )
    @staticmethod
    def renderings(root: strawberry.Parent[PositionRow], info: Info) -> Awaitable[Any]:
        return info.context.loaders.renderings_by_statement.load(root.statement.id)


class _PositionEdge:
    __slots__ = ("cursor", "node")

    def __init__(self, node: PositionRow) -> None:
        self.node = node
        self.cursor = node.cursor


class PositionsValue:
    """What a positions connection resolves to (read by ``Connection[Position]``)."""

    __slots__ = ("_count", "_page", "has_previous_page")

    def __init__(
        self, page: Page[PositionRow], *, after: str | None, count: Callable[[], Awaitable[int]]
    ) -> None:
        self._page = page
        self._count = count
        self.has_previous_page = after is not None

    @property
    def nodes(self) -> Sequence[PositionRow]:
        return self._page.rows

    @property
    def edges(self) -> list[_PositionEdge]:
        return [_PositionEdge(row) for row in self._page.rows]

    @property
    def page_info(self) -> PageInfo:
        rows = self._page.rows
        return PageInfo(
            has_next_page=self._page.has_next,
            has_previous_page=self.has_previous_page,
            start_cursor=rows[0].cursor if rows else None,
            end_cursor=rows[-1].cursor if rows else None,
        )

    @property
    def total_count(self) -> Awaitable[int]:
        return self._count()


def _search(search: str | None) -> Search | None:
    return None if search is None else Search(search)


async def actor_positions(
    info: Info, actor_id: int, first: int, after: str | None, search: str | None
) -> PositionsValue:
    """``Actor.positions``: batched over the actors of a page by the request's loaders."""
    cursor = decode_position_cursor(after, parameter="after")
    _search(search)  # a malformed query fails here, for this field alone
    loaders = info.context.loaders
    page = await loaders.positions_by_actor.load((actor_id, search, check_first(first), cursor))
    return PositionsValue(
        page, after=after, count=lambda: loaders.position_count_by_actor.load((actor_id, search))
    )


async def _positions(
    info: Info,
    first: First,
    after: After = None,
    actors: Annotated[
        list[strawberry.ID] | None,
        strawberry.argument(description="These actors (global ids of Actor)."),
    ] = None,
    role: Annotated[
        str | None,
        strawberry.argument(
            description="And every actor who held a role of this title ('prime minister'), "
            "compared case-insensitively."
        ),
    ] = None,
    search: SearchArgument = None,
) -> PositionsValue:
    if not actors and role is None:
        raise InvalidParameter(
            "positions needs actors, a role, or both: give actors: [<Actor id>] or "
            "role: 'prime minister'",
            {"parameter": "actors"},
        )
    ids = [from_global_id(a, expected="Actor")[1] for a in actors or ()]
    cursor = decode_position_cursor(after, parameter="after")
    query = _search(search)
    db = info.context.db
    if role is not None:
        ids += await db.run(positions_repository.actor_ids_with_role, role)
    page = await db.run(
        positions_repository.positions, ids, search=query, first=check_first(first), after=cursor
    )
    return PositionsValue(
        page,
        after=after,
        count=lambda: db.run(positions_repository.count_positions, ids, search=query),
    )


positions_field: Any = strawberry.field(
    resolver=_positions,
    graphql_type=Connection[Position],
    description="What a set of actors said (on a subject, with search), in date order: each "
    "statement with its renderings. Statements whose date is unknown are placed at their "
    "first report; those with no date at all come last.",
)
