"""GraphQL filter and order inputs, and their translation into ``api.filters``.

A filter input lists conditions as fields; the fields given in one object must all hold, and
``and`` / ``or`` / ``not`` combine whole filters::

    {and: [{speaker: {name: {eq: "Sudani"}}}, {saidOn: {gte: "2023-01-01"}}]}
    {or: [{kind: {eq: DIRECT}}, {minOutlets: 2}], not: {dateConflict: true}}

Ids are global ids (``Actor.id``) or row ids (``Actor.rowId``, as a string or a number).
A filter that cannot be applied (an empty ``or``, a range that ends before it starts, an id of
another type) is refused with ``extensions.code`` ``invalid_filter`` or ``invalid_id``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import Enum, StrEnum
from typing import Any, TypeVar

import strawberry

from api.errors import InvalidId
from api.filters import (
    DateRange,
    Filter,
    InvalidFilter,
    ListQuery,
    NameMatch,
    NameOp,
    Not,
    Order,
    Search,
    all_of,
    any_of,
)
from api.filters import actors as af
from api.filters import articles as rf
from api.filters import locations as lf
from api.filters import statements as sf
from api.graphql.enums import ActorKind, LocationKind, StatementKind
from api.graphql.ids import from_global_id

__all__ = [
    "ActorFilter",
    "ActorOrder",
    "ArticleFilter",
    "ArticleOrder",
    "DateFilter",
    "IdFilter",
    "LocationFilter",
    "LocationOrder",
    "NameFilter",
    "OrderDirection",
    "StatementFilter",
    "StatementOrder",
    "actor_query",
    "article_query",
    "location_query",
    "statement_filter",
    "statement_query",
]

L = TypeVar("L")
S = TypeVar("S", bound=StrEnum)
F = TypeVar("F")

#: the deepest and/or/not nesting a filter may have
MAX_FILTER_DEPTH = 8


# -- operators --------------------------------------------------------------------------------


@strawberry.input(description="Ids: global ids or row ids. Give eq or in.")
class IdFilter:
    eq: strawberry.ID | None = strawberry.field(default=None, description="This one.")
    in_: list[strawberry.ID] | None = strawberry.field(
        default=None, name="in", description="Any of these."
    )


@strawberry.input(
    description="Dates, inclusive (gte, lte) or exclusive (gt, lt); any bounds, at least one."
)
class DateFilter:
    gte: dt.date | None = None
    gt: dt.date | None = None
    lte: dt.date | None = None
    lt: dt.date | None = None


@strawberry.input(
    description="Names, compared casefolded, without accents and punctuation ('al-Sudani' is "
    "'al sudani'), against the canonical name and every alias. Give one operator."
)
class NameFilter:
    eq: str | None = strawberry.field(default=None, description="The whole name.")
    in_: list[str] | None = strawberry.field(
        default=None, name="in", description="The whole name, any of these."
    )
    prefix: str | None = strawberry.field(default=None, description="The name starts with it.")
    contains: str | None = strawberry.field(default=None, description="The name contains it.")


@strawberry.input(description="Strings, compared as given. Give eq or in.")
class StringFilter:
    eq: str | None = None
    in_: list[str] | None = strawberry.field(default=None, name="in")


@strawberry.input(description="Statement kinds. Give eq or in.")
class StatementKindFilter:
    eq: StatementKind | None = None
    in_: list[StatementKind] | None = strawberry.field(default=None, name="in")


@strawberry.input(description="Actor kinds. Give eq or in.")
class ActorKindFilter:
    eq: ActorKind | None = None
    in_: list[ActorKind] | None = strawberry.field(default=None, name="in")


@strawberry.input(description="Location kinds. Give eq or in.")
class LocationKindFilter:
    eq: LocationKind | None = None
    in_: list[LocationKind] | None = strawberry.field(default=None, name="in")


@strawberry.input(description="An actor, by id or by name. Give id or name.")
class ActorRef:
    id: IdFilter | None = None
    name: NameFilter | None = None


@strawberry.input(
    description="Places by id or by name (a location's name or alias, whole: eq or in), each "
    "with everything below it in the hierarchy."
)
class PlaceRef:
    id: IdFilter | None = None
    name: NameFilter | None = None


@strawberry.enum(description="Ascending (oldest, fewest first) or descending.")
class OrderDirection(Enum):
    ASC = "asc"
    DESC = "desc"


def _one(field: str, given: dict[str, Any]) -> tuple[str, Any]:
    present = [(k, v) for k, v in given.items() if v is not None]
    if len(present) != 1:
        raise InvalidFilter(
            f"{field}: give exactly one of {', '.join(given)}"
            + (f", not {len(present)}" if present else ""),
            {"field": field, "operators": list(given)},
        )
    return present[0]


def _values(field: str, eq: F | None, in_: list[F] | None) -> tuple[F, ...]:
    op, value = _one(field, {"eq": eq, "in": in_})
    values: tuple[F, ...] = (value,) if op == "eq" else tuple(value)
    if not values:
        raise InvalidFilter(f"{field}: 'in' needs at least one value", {"field": field})
    return values


def _ids(field: str, ids: IdFilter, type_name: str) -> tuple[int, ...]:
    return tuple(_row_id(field, v, type_name) for v in _values(field, ids.eq, ids.in_))


def _row_id(field: str, value: str, type_name: str) -> int:
    text = str(value)
    if text.isascii() and text.isdigit():
        return int(text)
    try:
        return from_global_id(text, expected=type_name)[1]
    except InvalidId as exc:
        raise InvalidId(f"{field}: {exc.message}", {**exc.detail, "field": field}) from None


def _name(field: str, name: NameFilter) -> NameMatch:
    op, value = _one(
        field,
        {"eq": name.eq, "in": name.in_, "prefix": name.prefix, "contains": name.contains},
    )
    if op == "in":
        return NameMatch(NameOp.EQ, tuple(value), field)
    return NameMatch(NameOp(op), (value,), field)


def _range(field: str, r: DateFilter) -> DateRange:
    return DateRange(gte=r.gte, gt=r.gt, lte=r.lte, lt=r.lt, name=field)


def _place(field: str, place: PlaceRef) -> lf.LocationWithin:
    _one(field, {"id": place.id, "name": place.name})
    if place.id is not None:
        return lf.LocationWithin(ids=_ids(f"{field}.id", place.id, "Location"), name=field)
    assert place.name is not None
    match = _name(f"{field}.name", place.name)
    if match.op is not NameOp.EQ:
        raise InvalidFilter(f"{field}.name: places are named whole: use eq or in", {"field": field})
    return lf.LocationWithin(names=match.values, name=field)


def _tree(
    node: Any,
    leaves: Callable[[Any], list[L]],
    depth: int = 0,
) -> Filter[L] | None:
    """A filter input as a tree: its own fields (all must hold), and/or/not."""
    if depth > MAX_FILTER_DEPTH:
        raise InvalidFilter(
            f"filters nest at most {MAX_FILTER_DEPTH} levels of and/or/not: flatten it",
            {"max_depth": MAX_FILTER_DEPTH},
        )
    parts: list[Filter[L] | None] = list(leaves(node))
    if node.and_ is not None:
        if not node.and_:
            raise InvalidFilter("'and' needs at least one filter", {"operator": "and"})
        parts.extend(_tree(item, leaves, depth + 1) for item in node.and_)
    if node.or_ is not None:
        branches = [_tree(item, leaves, depth + 1) for item in node.or_]
        if any(b is None for b in branches):
            raise InvalidFilter(
                "each filter in 'or' needs a condition: an empty one matches everything",
                {"operator": "or"},
            )
        parts.append(any_of(b for b in branches if b is not None))
    if node.not_ is not None:
        negated = _tree(node.not_, leaves, depth + 1)
        if negated is None:
            raise InvalidFilter("'not' needs a condition", {"operator": "not"})
        parts.append(Not(negated))
    return all_of(parts)


def _order(order: Any, sorts: type[S], default: S) -> Order[S]:
    if order is None:
        return Order(default)
    return Order(sorts(order.by.value), order.direction is OrderDirection.DESC)


def _search(search: str | None) -> Search | None:
    return None if search is None else Search(search)


# -- statements -----------------------------------------------------------------------------


@strawberry.input(
    description="Which statements: every field given must hold; combine filters with and, or, not."
)
class StatementFilter:
    and_: list[StatementFilter] | None = strawberry.field(
        default=None, name="and", description="Every one of these filters holds."
    )
    or_: list[StatementFilter] | None = strawberry.field(
        default=None, name="or", description="At least one of these filters holds."
    )
    not_: StatementFilter | None = strawberry.field(
        default=None, name="not", description="This filter does not hold."
    )
    speaker: ActorRef | None = strawberry.field(
        default=None, description="Said by this actor (main or joint speaker)."
    )
    mentions: ActorRef | None = strawberry.field(default=None, description="Mentions this actor.")
    within: PlaceRef | None = strawberry.field(
        default=None,
        description="Said at, or mentions, one of these places or a place inside one of them.",
    )
    outlet: IdFilter | None = strawberry.field(
        default=None, description="Reported by an article of one of these outlets."
    )
    article: IdFilter | None = strawberry.field(
        default=None, description="Reported by one of these articles."
    )
    kind: StatementKindFilter | None = None
    language: StringFilter | None = strawberry.field(
        default=None, description="ISO 639-1 code of the statement."
    )
    said_on: DateFilter | None = strawberry.field(default=None, description="When it was said.")
    published_on: DateFilter | None = strawberry.field(
        default=None, description="An article reporting it was published then."
    )
    date_conflict: bool | None = strawberry.field(
        default=None, description="Its reports give different dates (true) or agree (false)."
    )
    min_outlets: int | None = strawberry.field(
        default=None,
        description="Reported by at least this many outlets; an article whose outlet is "
        "unknown counts as an outlet of its own.",
    )
    search: str | None = strawberry.field(
        default=None, description="Its text or a rendering matches this full-text query."
    )


def _statement_leaves(node: StatementFilter) -> list[sf.StatementLeaf]:
    leaves: list[sf.StatementLeaf] = []
    if node.speaker is not None:
        leaves.append(_actor_ref("speaker", node.speaker, sf.SpeakerIs, sf.SpeakerNamed))
    if node.mentions is not None:
        leaves.append(_actor_ref("mentions", node.mentions, sf.Mentions, sf.MentionsNamed))
    if node.within is not None:
        leaves.append(_place("within", node.within))
    if node.outlet is not None:
        leaves.append(sf.OutletIs(_ids("outlet", node.outlet, "Outlet")))
    if node.article is not None:
        leaves.append(sf.ArticleIs(_ids("article", node.article, "Article")))
    if node.kind is not None:
        leaves.append(sf.KindIs(_values("kind", node.kind.eq, node.kind.in_)))
    if node.language is not None:
        leaves.append(sf.LanguageIs(_values("language", node.language.eq, node.language.in_)))
    if node.said_on is not None:
        leaves.append(sf.SaidOn(_range("saidOn", node.said_on)))
    if node.published_on is not None:
        leaves.append(sf.PublishedOn(_range("publishedOn", node.published_on)))
    if node.date_conflict is not None:
        leaves.append(sf.HasDateConflict(node.date_conflict))
    if node.min_outlets is not None:
        leaves.append(sf.MinOutlets(node.min_outlets))
    if node.search is not None:
        leaves.append(Search(node.search))
    return leaves


def _actor_ref(
    field: str,
    ref: ActorRef,
    by_id: Callable[[tuple[int, ...]], sf.StatementLeaf],
    by_name: Callable[[NameMatch], sf.StatementLeaf],
) -> sf.StatementLeaf:
    _one(field, {"id": ref.id, "name": ref.name})
    if ref.id is not None:
        return by_id(_ids(f"{field}.id", ref.id, "Actor"))
    assert ref.name is not None
    return by_name(_name(f"{field}.name", ref.name))


@strawberry.enum(description="What statements are ordered by; ties go by id.")
class StatementSort(Enum):
    ID = "id"
    SAID_ON = strawberry.enum_value("said_on", description="When said; undated last.")
    PUBLISHED = strawberry.enum_value(
        "published", description="When first reported (earliest article); undated last."
    )
    REPORTS = strawberry.enum_value("reports", description="How many articles report it.")
    RELEVANCE = strawberry.enum_value(
        "relevance", description="How well it matches search, best first; needs search."
    )


@strawberry.input(description="An order of statements.")
class StatementOrder:
    by: StatementSort
    direction: OrderDirection = OrderDirection.ASC


def statement_filter(spec: StatementFilter | None) -> sf.StatementFilter | None:
    """The statements filter a ``StatementFilter`` input stands for (None: every statement).
    Raises InvalidFilter or InvalidId."""
    return None if spec is None else _tree(spec, _statement_leaves)


def statement_query(
    spec: StatementFilter | None, order: StatementOrder | None, search: str | None
) -> sf.StatementQuery:
    return ListQuery(
        _order(order, sf.StatementSort, sf.StatementSort.ID),
        statement_filter(spec),
        _search(search),
    )


# -- actors ------------------------------------------------------------------------------------


@strawberry.input(description="Which actors: every field given must hold; and, or, not.")
class ActorFilter:
    and_: list[ActorFilter] | None = strawberry.field(default=None, name="and")
    or_: list[ActorFilter] | None = strawberry.field(default=None, name="or")
    not_: ActorFilter | None = strawberry.field(default=None, name="not")
    id: IdFilter | None = None
    kind: ActorKindFilter | None = None
    name: NameFilter | None = strawberry.field(
        default=None, description="The canonical name or an alias (any script)."
    )
    search: str | None = strawberry.field(
        default=None, description="The name or an alias matches this full-text query."
    )


def _actor_leaves(node: ActorFilter) -> list[af.ActorLeaf]:
    leaves: list[af.ActorLeaf] = []
    if node.id is not None:
        leaves.append(af.ActorIdIs(_ids("id", node.id, "Actor")))
    if node.kind is not None:
        leaves.append(af.ActorKindIs(_values("kind", node.kind.eq, node.kind.in_)))
    if node.name is not None:
        leaves.append(af.ActorNamed(_name("name", node.name)))
    if node.search is not None:
        leaves.append(Search(node.search))
    return leaves


@strawberry.enum(description="What actors are ordered by; ties go by id.")
class ActorSort(Enum):
    ID = "id"
    RELEVANCE = strawberry.enum_value(
        "relevance", description="How well it matches search, best first; needs search."
    )


@strawberry.input(description="An order of actors.")
class ActorOrder:
    by: ActorSort
    direction: OrderDirection = OrderDirection.ASC


def actor_query(
    spec: ActorFilter | None, order: ActorOrder | None, search: str | None
) -> af.ActorQuery:
    return ListQuery(
        _order(order, af.ActorSort, af.ActorSort.ID),
        None if spec is None else _tree(spec, _actor_leaves),
        _search(search),
    )


# -- locations ---------------------------------------------------------------------------------


@strawberry.input(description="Which locations: every field given must hold; and, or, not.")
class LocationFilter:
    and_: list[LocationFilter] | None = strawberry.field(default=None, name="and")
    or_: list[LocationFilter] | None = strawberry.field(default=None, name="or")
    not_: LocationFilter | None = strawberry.field(default=None, name="not")
    kind: LocationKindFilter | None = None
    name: NameFilter | None = strawberry.field(default=None, description="The name or an alias.")
    within: PlaceRef | None = strawberry.field(
        default=None, description="One of these places, or a place inside one of them."
    )


def _location_leaves(node: LocationFilter) -> list[lf.LocationLeaf]:
    leaves: list[lf.LocationLeaf] = []
    if node.kind is not None:
        leaves.append(lf.LocationKindIs(_values("kind", node.kind.eq, node.kind.in_)))
    if node.name is not None:
        leaves.append(lf.LocationNamed(_name("name", node.name)))
    if node.within is not None:
        leaves.append(_place("within", node.within))
    return leaves


@strawberry.enum(description="What locations are ordered by.")
class LocationSort(Enum):
    ID = "id"


@strawberry.input(description="An order of locations.")
class LocationOrder:
    by: LocationSort
    direction: OrderDirection = OrderDirection.ASC


def location_query(spec: LocationFilter | None, order: LocationOrder | None) -> lf.LocationQuery:
    return ListQuery(
        _order(order, lf.LocationSort, lf.LocationSort.ID),
        None if spec is None else _tree(spec, _location_leaves),
    )


# -- articles ----------------------------------------------------------------------------------


@strawberry.input(description="Which articles: every field given must hold; and, or, not.")
class ArticleFilter:
    and_: list[ArticleFilter] | None = strawberry.field(default=None, name="and")
    or_: list[ArticleFilter] | None = strawberry.field(default=None, name="or")
    not_: ArticleFilter | None = strawberry.field(default=None, name="not")
    outlet: IdFilter | None = None
    published_on: DateFilter | None = None
    search: str | None = strawberry.field(
        default=None, description="Title, subtitle or text matches this full-text query."
    )


def _article_leaves(node: ArticleFilter) -> list[rf.ArticleLeaf]:
    leaves: list[rf.ArticleLeaf] = []
    if node.outlet is not None:
        leaves.append(rf.ArticleOutletIs(_ids("outlet", node.outlet, "Outlet")))
    if node.published_on is not None:
        leaves.append(rf.ArticlePublishedOn(_range("publishedOn", node.published_on)))
    if node.search is not None:
        leaves.append(Search(node.search))
    return leaves


@strawberry.enum(description="What articles are ordered by; ties go by id.")
class ArticleSort(Enum):
    ID = "id"
    PUBLISHED = strawberry.enum_value("published", description="Publication date; undated last.")
    RELEVANCE = strawberry.enum_value(
        "relevance", description="How well it matches search, best first; needs search."
    )


@strawberry.input(description="An order of articles.")
class ArticleOrder:
    by: ArticleSort
    direction: OrderDirection = OrderDirection.ASC


def article_query(
    spec: ArticleFilter | None, order: ArticleOrder | None, search: str | None
) -> rf.ArticleQuery:
    return ListQuery(
        _order(order, rf.ArticleSort, rf.ArticleSort.ID),
        None if spec is None else _tree(spec, _article_leaves),
        _search(search),
    )
