"""Filters compiled to SQL conditions, and orders to keyset sort keys, for SQLite and
PostgreSQL alike.

``statement_conditions(spec, dialect)`` (and its siblings for actors, locations and articles)
turns a filter tree of ``api.filters`` into one condition on its model. Every leaf condition
is two-valued (true or false, never NULL), so that ``Not`` is exactly "does not match": a
statement without a date does not match ``saidOn >= 2023-01-01``, and does match its negation.

Relations are tested with ``IN (subquery)``; "within a place" walks ``Location.parent_id``
down from the places named with a recursive CTE (``WITH RECURSIVE``, standard SQL on both).
The speaker test ORs two relations (main speaker, joint speaker): on PostgreSQL each is
written ``= ANY(ARRAY(subquery))``, which the planner combines from two indexes (a bitmap OR),
where ``IN (subquery)`` inside an OR makes it read every statement.

``SortKey`` is an order compiled to columns: the expressions rows are sorted by (id last, as
the tiebreaker), their directions, and where NULLs go (always last). ``after(...)`` is the
keyset condition "comes after this cursor"; pages never use OFFSET.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeAlias, TypeVar

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Select,
    and_,
    false,
    func,
    literal,
    not_,
    or_,
    select,
    true,
    tuple_,
)
from sqlalchemy.orm import QueryableAttribute

from api.filters import AllOf, AnyOf, DateRange, Filter, NameMatch, NameOp, Not, Search
from api.filters.actors import ActorFilter, ActorIdIs, ActorKindIs, ActorLeaf, ActorNamed
from api.filters.articles import ArticleFilter, ArticleLeaf, ArticleOutletIs, ArticlePublishedOn
from api.filters.locations import (
    LocationFilter,
    LocationKindIs,
    LocationLeaf,
    LocationNamed,
    LocationWithin,
)
from api.filters.statements import (
    ArticleIs,
    HasDateConflict,
    KindIs,
    LanguageIs,
    Mentions,
    MentionsNamed,
    MinOutlets,
    OutletIs,
    PublishedOn,
    SaidOn,
    SpeakerIs,
    SpeakerNamed,
    StatementFilter,
    StatementLeaf,
)
from api.pagination import KeyValue
from api.repository.search import actor_matches, article_matches, statement_match_clause
from schema import (
    Actor,
    ActorAlias,
    Article,
    Attribution,
    Location,
    LocationAlias,
    Statement,
    StatementActor,
    StatementLocation,
    StatementSpeaker,
)

__all__ = [
    "Column",
    "SortColumn",
    "SortKey",
    "actor_conditions",
    "actor_ids_named",
    "article_conditions",
    "date_range",
    "location_conditions",
    "places_within",
    "statement_conditions",
]

L = TypeVar("L")
T = TypeVar("T")
Dialect = str
#: a column or a mapped attribute
Column: TypeAlias = ColumnElement[T] | QueryableAttribute[T]


# -- the tree --------------------------------------------------------------------------------


class _Compiler(Generic[L]):
    """Walks a filter tree of leaves ``L``, compiling each with ``leaf``; names the CTEs of
    one statement uniquely."""

    def __init__(
        self, dialect: Dialect, leaf: Callable[[_Compiler[L], L], ColumnElement[bool]]
    ) -> None:
        self.dialect = dialect
        self._leaf = leaf
        self._names = itertools.count(1)

    def cte_name(self, stem: str) -> str:
        return f"{stem}_{next(self._names)}"

    def tree(self, spec: Filter[L] | None) -> ColumnElement[bool]:
        if spec is None:
            return true()
        if isinstance(spec, AllOf):
            return and_(true(), *(self.tree(item) for item in spec.items))
        if isinstance(spec, AnyOf):
            return or_(false(), *(self.tree(item) for item in spec.items))
        if isinstance(spec, Not):
            return not_(self.tree(spec.item))
        return self._leaf(self, spec)


def date_range(column: Column[dt.date | None], r: DateRange) -> ColumnElement[bool]:
    """``column`` lies in ``r``; false where it is NULL."""
    parts: list[ColumnElement[bool]] = [column.is_not(None)]
    if r.gte is not None:
        parts.append(column >= r.gte)
    if r.gt is not None:
        parts.append(column > r.gt)
    if r.lte is not None:
        parts.append(column <= r.lte)
    if r.lt is not None:
        parts.append(column < r.lt)
    return and_(*parts)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _text_match(column: Column[str], op: NameOp, values: Sequence[str]) -> ColumnElement[bool]:
    if op is NameOp.EQ:
        return column.in_(list(values))
    pattern = _escape_like(values[0])
    pattern = f"{pattern}%" if op is NameOp.PREFIX else f"%{pattern}%"
    return column.like(pattern, escape="\\")


def actor_ids_named(match: NameMatch) -> CompoundSelect[tuple[int]]:
    """Ids of the actors whose canonical name or an alias matches: aliases are compared by
    their folded form (``ActorAlias.normalized``), canonical names lower-cased."""
    by_alias = select(ActorAlias.actor_id).where(
        _text_match(ActorAlias.normalized, match.op, match.folded)
    )
    lowered = tuple(v.casefold() for v in match.values)
    by_name = select(Actor.id).where(_text_match(func.lower(Actor.name), match.op, lowered))
    return by_alias.union(by_name)


def _location_ids_named(names: Sequence[str], folded: Sequence[str]) -> CompoundSelect[tuple[int]]:
    by_alias = select(LocationAlias.location_id).where(LocationAlias.normalized.in_(list(folded)))
    lowered = [n.casefold() for n in names]
    by_name = select(Location.id).where(func.lower(Location.name).in_(lowered))
    return by_alias.union(by_name)


def places_within(compiler: _Compiler[Any], within: LocationWithin) -> Select[tuple[int]]:
    """Ids of the places named and of every place below them (recursive CTE)."""
    roots: list[ColumnElement[bool]] = []
    if within.ids:
        roots.append(Location.id.in_(list(within.ids)))
    if within.names:
        roots.append(Location.id.in_(_location_ids_named(within.names, within.folded_names)))
    anchor = select(Location.id.label("id")).where(or_(*roots))
    tree = anchor.cte(compiler.cte_name("within"), recursive=True)
    below = select(Location.id.label("id")).join(tree, Location.parent_id == tree.c.id)
    tree = tree.union(below)
    return select(tree.c.id)


# -- statements -----------------------------------------------------------------------------


def _statements_reported(*where: ColumnElement[bool]) -> ColumnElement[bool]:
    reports = (
        select(Attribution.statement_id)
        .join(Article, Article.id == Attribution.article_id)
        .where(*where)
    )
    return Statement.id.in_(reports)


def _any_of(compiler: _Compiler[Any], column: Column[Any], values: Any) -> ColumnElement[bool]:
    """``column`` is one of ``values`` (a list, or a subquery of one column): on PostgreSQL a
    subquery becomes ``= ANY(ARRAY(subquery))``, an index condition that an OR can combine
    with others (see the module docstring)."""
    if compiler.dialect == "postgresql" and not isinstance(values, list):
        return column == func.any(func.array(values.scalar_subquery()))
    return column.in_(values)


def _statement_leaf(compiler: _Compiler[Any], leaf: StatementLeaf) -> ColumnElement[bool]:
    if isinstance(leaf, SpeakerIs | SpeakerNamed):
        actors: Any = list(leaf.ids) if isinstance(leaf, SpeakerIs) else actor_ids_named(leaf.match)
        joint = select(StatementSpeaker.statement_id).where(StatementSpeaker.actor_id.in_(actors))
        return or_(
            and_(
                Statement.speaker_id.is_not(None),
                _any_of(compiler, Statement.speaker_id, actors),
            ),
            _any_of(compiler, Statement.id, joint),
        )
    if isinstance(leaf, Mentions | MentionsNamed):
        actors = list(leaf.ids) if isinstance(leaf, Mentions) else actor_ids_named(leaf.match)
        return Statement.id.in_(
            select(StatementActor.statement_id).where(StatementActor.actor_id.in_(actors))
        )
    if isinstance(leaf, LocationWithin):
        places = places_within(compiler, leaf)
        mentioned = select(StatementLocation.statement_id).where(
            StatementLocation.location_id.in_(places)
        )
        return or_(
            and_(Statement.location_id.is_not(None), Statement.location_id.in_(places)),
            Statement.id.in_(mentioned),
        )
    if isinstance(leaf, OutletIs):
        return _statements_reported(Article.outlet_id.in_(list(leaf.ids)))
    if isinstance(leaf, ArticleIs):
        return Statement.id.in_(
            select(Attribution.statement_id).where(Attribution.article_id.in_(list(leaf.ids)))
        )
    if isinstance(leaf, KindIs):
        return Statement.kind.in_(list(leaf.kinds))
    if isinstance(leaf, LanguageIs):
        codes = [c.strip().lower() for c in leaf.codes]
        return and_(Statement.language.is_not(None), Statement.language.in_(codes))
    if isinstance(leaf, SaidOn):
        return date_range(Statement.said_on, leaf.range)
    if isinstance(leaf, PublishedOn):
        return _statements_reported(date_range(Article.published_on, leaf.range))
    if isinstance(leaf, HasDateConflict):
        return Statement.date_conflict.is_(true() if leaf.value else false())
    if isinstance(leaf, MinOutlets):
        outlets = func.count(func.distinct(func.coalesce(Article.outlet_id, -Article.id)))
        reported = (
            select(Attribution.statement_id)
            .join(Article, Article.id == Attribution.article_id)
            .group_by(Attribution.statement_id)
            .having(outlets >= leaf.count)
        )
        return Statement.id.in_(reported)
    if isinstance(leaf, Search):
        return statement_match_clause(compiler.dialect, leaf.parsed)
    raise TypeError(f"not a statement filter: {leaf!r}")  # pragma: no cover


def statement_conditions(spec: StatementFilter | None, dialect: Dialect) -> ColumnElement[bool]:
    """The condition on ``Statement`` that ``spec`` stands for (true for no filter);
    ``dialect`` is ``dialect_of(session)``, which full-text search needs."""
    return _Compiler[StatementLeaf](dialect, _statement_leaf).tree(spec)


# -- actors, locations, articles ------------------------------------------------------------


def _actor_leaf(compiler: _Compiler[Any], leaf: ActorLeaf) -> ColumnElement[bool]:
    if isinstance(leaf, ActorIdIs):
        return Actor.id.in_(list(leaf.ids))
    if isinstance(leaf, ActorKindIs):
        return Actor.kind.in_(list(leaf.kinds))
    if isinstance(leaf, ActorNamed):
        return Actor.id.in_(actor_ids_named(leaf.match))
    if isinstance(leaf, Search):
        found = actor_matches(compiler.dialect, leaf.parsed, ranked=False)
        return Actor.id.in_(select(found.c.id))
    raise TypeError(f"not an actor filter: {leaf!r}")  # pragma: no cover


def actor_conditions(spec: ActorFilter | None, dialect: Dialect) -> ColumnElement[bool]:
    return _Compiler[ActorLeaf](dialect, _actor_leaf).tree(spec)


def _location_leaf(compiler: _Compiler[Any], leaf: LocationLeaf) -> ColumnElement[bool]:
    if isinstance(leaf, LocationWithin):
        return Location.id.in_(places_within(compiler, leaf))
    if isinstance(leaf, LocationKindIs):
        return Location.kind.in_(list(leaf.kinds))
    if isinstance(leaf, LocationNamed):
        match = leaf.match
        by_alias = select(LocationAlias.location_id).where(
            _text_match(LocationAlias.normalized, match.op, match.folded)
        )
        lowered = tuple(v.casefold() for v in match.values)
        return or_(
            _text_match(func.lower(Location.name), match.op, lowered),
            Location.id.in_(by_alias),
        )
    raise TypeError(f"not a location filter: {leaf!r}")  # pragma: no cover


def location_conditions(spec: LocationFilter | None, dialect: Dialect) -> ColumnElement[bool]:
    return _Compiler[LocationLeaf](dialect, _location_leaf).tree(spec)


def _article_leaf(compiler: _Compiler[Any], leaf: ArticleLeaf) -> ColumnElement[bool]:
    if isinstance(leaf, ArticleOutletIs):
        return and_(Article.outlet_id.is_not(None), Article.outlet_id.in_(list(leaf.ids)))
    if isinstance(leaf, ArticlePublishedOn):
        return date_range(Article.published_on, leaf.range)
    if isinstance(leaf, Search):
        found = article_matches(compiler.dialect, leaf.parsed, ranked=False)
        return Article.id.in_(select(found.c.id))
    raise TypeError(f"not an article filter: {leaf!r}")  # pragma: no cover


def article_conditions(spec: ArticleFilter | None, dialect: Dialect) -> ColumnElement[bool]:
    return _Compiler[ArticleLeaf](dialect, _article_leaf).tree(spec)


# -- orders ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SortColumn:
    """One column of a sort: the expression, its direction, whether it may be NULL (NULLs
    sort last either way), and the Python type of its values (for cursors)."""

    expression: Column[Any]
    descending: bool
    nullable: bool
    kind: type[KeyValue]


@dataclass(frozen=True, slots=True)
class SortKey:
    """The columns of an order before the id tiebreaker, and the tiebreaker's direction."""

    columns: tuple[SortColumn, ...]
    id_column: ColumnElement[int]
    id_descending: bool

    @property
    def kinds(self) -> tuple[type[KeyValue], ...]:
        return tuple(c.kind for c in self.columns)

    def order_by(self) -> list[ColumnElement[Any]]:
        clauses: list[ColumnElement[Any]] = []
        for c in self.columns:
            clause = c.expression.desc() if c.descending else c.expression.asc()
            clauses.append(clause.nulls_last() if c.nullable else clause)
        clauses.append(self.id_column.desc() if self.id_descending else self.id_column.asc())
        return clauses

    def after(self, values: Sequence[KeyValue], last_id: int) -> ColumnElement[bool]:
        """Rows that come after the row whose key is ``values`` and id ``last_id``."""
        columns = list(self.columns)
        if (
            all(not c.nullable or v is not None for c, v in zip(columns, values, strict=True))
            and all(c.descending == self.id_descending for c in columns)
            and not any(c.nullable for c in columns)
        ):
            # one row-value comparison, which an index on (key..., id) serves directly
            left = tuple_(*(c.expression for c in columns), self.id_column)
            right = tuple_(*(literal(v) for v in values), literal(last_id))
            return left < right if self.id_descending else left > right
        return self._after(columns, list(values), last_id)

    def _after(
        self, columns: list[SortColumn], values: list[KeyValue], last_id: int
    ) -> ColumnElement[bool]:
        if not columns:
            return self.id_column < last_id if self.id_descending else self.id_column > last_id
        head, value = columns[0], values[0]
        expr = head.expression
        rest = self._after(columns[1:], values[1:], last_id)
        if value is None:  # NULLs come last: only NULLs can follow, and only on the rest
            return and_(expr.is_(None), rest)
        beyond = expr < value if head.descending else expr > value
        if head.nullable:
            beyond = or_(beyond, expr.is_(None))
        return or_(beyond, and_(expr == value, rest))
