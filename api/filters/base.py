"""What every resource's filters are made of: combinators, ranges and name matches.

A filter is a tree: leaves are conditions particular to a resource (``api.filters.statements``
and its siblings), inner nodes are ``AllOf`` / ``AnyOf`` / ``Not`` of filters of the same
resource. The tree is plain data, checked when it is built, and says nothing of SQL; the
repository (``api.repository.filters``) compiles it to conditions for SQLite and PostgreSQL
alike, and GraphQL inputs and REST query parameters are both translated into it.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Generic, TypeAlias, TypeVar

from api.errors import InvalidFilter
from api.search import SearchQuery, parse_query

__all__ = [
    "AllOf",
    "AnyOf",
    "DateRange",
    "IdSort",
    "Filter",
    "InvalidFilter",
    "ListQuery",
    "NameMatch",
    "NameOp",
    "Not",
    "Order",
    "Search",
    "all_of",
    "any_of",
    "leaves",
    "normalize_name",
]

L = TypeVar("L")
S = TypeVar("S", bound=StrEnum)


@dataclass(frozen=True, slots=True)
class AllOf(Generic[L]):
    """Rows that match every one of ``items``."""

    items: tuple[Filter[L], ...]


@dataclass(frozen=True, slots=True)
class AnyOf(Generic[L]):
    """Rows that match at least one of ``items``."""

    items: tuple[Filter[L], ...]


@dataclass(frozen=True, slots=True)
class Not(Generic[L]):
    """Rows that do not match ``item``."""

    item: Filter[L]


#: a filter over the leaves ``L`` of one resource
Filter: TypeAlias = L | AllOf[L] | AnyOf[L] | Not[L]


def all_of(filters: Iterable[Filter[L] | None]) -> Filter[L] | None:
    """The conjunction of the filters given (None ones left out); None when there are none,
    the filter itself when there is one."""
    items = tuple(f for f in filters if f is not None)
    if not items:
        return None
    return items[0] if len(items) == 1 else AllOf(items)


def any_of(filters: Iterable[Filter[L]]) -> Filter[L]:
    """The disjunction of the filters given (at least one)."""
    items = tuple(filters)
    if not items:
        raise InvalidFilter(
            "an 'or' needs at least one filter: give it a list of filters, or leave it out",
            {"operator": "or"},
        )
    return items[0] if len(items) == 1 else AnyOf(items)


def leaves(spec: Filter[L] | None, kind: type[L]) -> list[L]:
    """Every leaf of ``spec`` that is a ``kind``, wherever it sits in the tree."""
    found: list[L] = []
    stack: list[object] = [] if spec is None else [spec]
    while stack:
        node = stack.pop()
        if isinstance(node, AllOf | AnyOf):
            stack.extend(reversed(node.items))
        elif isinstance(node, Not):
            stack.append(node.item)
        elif isinstance(node, kind):
            found.append(node)
    return found


@dataclass(frozen=True, slots=True)
class DateRange:
    """Dates from ``gte`` (or after ``gt``) to ``lte`` (or before ``lt``); any bound may be
    left out, not all of them."""

    gte: dt.date | None = None
    gt: dt.date | None = None
    lte: dt.date | None = None
    lt: dt.date | None = None
    #: how the range is named in messages (``saidOn``, ``said_from``/``said_to``)
    name: str = "date"

    def __post_init__(self) -> None:
        if self.gte is self.gt is self.lte is self.lt is None:
            raise InvalidFilter(
                f"{self.name}: give at least one bound (gte, gt, lte or lt), or leave the "
                "range out",
                {"field": self.name},
            )
        if self.gte is not None and self.gt is not None:
            raise InvalidFilter(
                f"{self.name}: give gte or gt, not both", {"field": self.name, "bound": "gte"}
            )
        if self.lte is not None and self.lt is not None:
            raise InvalidFilter(
                f"{self.name}: give lte or lt, not both", {"field": self.name, "bound": "lte"}
            )
        low = self.gte or self.gt
        high = self.lte or self.lt
        if low is not None and high is not None and low > high:
            raise InvalidFilter(
                f"{self.name}: the range ends ({high.isoformat()}) before it starts "
                f"({low.isoformat()}); swap the bounds",
                {"field": self.name, "from": low.isoformat(), "to": high.isoformat()},
            )


_PUNCT = re.compile(r"[\W_]+", re.UNICODE)


def normalize_name(text: str) -> str:
    """The folded form names are compared in, as stored in ``ActorAlias.normalized`` and
    ``LocationAlias.normalized``: casefolded, without accents, punctuation as single spaces
    (``"Ayn al-Asad"`` → ``"ayn al asad"``)."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_PUNCT.sub(" ", stripped.casefold()).split())


class NameOp(StrEnum):
    #: the whole name, or the whole of one alias, is one of the values
    EQ = "eq"
    #: the name or an alias starts with the value
    PREFIX = "prefix"
    #: the name or an alias contains the value (as folded text)
    CONTAINS = "contains"


@dataclass(frozen=True, slots=True)
class NameMatch:
    """Names compared in folded form (``normalize_name``) with one of ``NameOp``; with ``EQ``,
    any of several values may match."""

    op: NameOp
    values: tuple[str, ...]
    name: str = "name"

    def __post_init__(self) -> None:
        if not self.values:
            raise InvalidFilter(
                f"{self.name}: give at least one name to match", {"field": self.name}
            )
        if len(self.values) > 1 and self.op is not NameOp.EQ:
            raise InvalidFilter(
                f"{self.name}: {self.op.value} takes one name; combine several with 'or'",
                {"field": self.name, "operator": self.op.value},
            )
        for value in self.values:
            if not normalize_name(value):
                raise InvalidFilter(
                    f"{self.name}: {value!r} has no letters or digits to match; give a name "
                    "such as 'Sudani'",
                    {"field": self.name, "value": value},
                )

    @property
    def folded(self) -> tuple[str, ...]:
        return tuple(normalize_name(v) for v in self.values)


def check_ids(ids: Iterable[int], field: str) -> tuple[int, ...]:
    """Row ids as a tuple, at least one."""
    found = tuple(ids)
    if not found:
        raise InvalidFilter(f"{field}: give at least one id", {"field": field})
    return found


@dataclass(frozen=True, slots=True)
class Order(Generic[S]):
    """A sort of one resource (``by``) and its direction. Ties are broken by id in the same
    direction; a sort named ``relevance`` (how well a row matches the search) is always best
    first, ties by ascending id."""

    by: S
    descending: bool = False

    def __post_init__(self) -> None:
        if self.by.value == "relevance" and self.descending:
            raise InvalidFilter(
                "relevance is always best first: ask for 'relevance', not '-relevance'",
                {"field": "order", "value": "-relevance"},
            )

    @property
    def name(self) -> str:
        """As REST spells it: ``said_on``, ``-said_on``."""
        return ("-" if self.descending else "") + self.by.value


@dataclass(frozen=True, slots=True)
class Search:
    """A full-text query (``api.search`` syntax); parsed, and so checked, when made."""

    query: str
    parsed: SearchQuery = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "parsed", parse_query(self.query))


@dataclass(frozen=True, slots=True)
class ListQuery(Generic[L, S]):
    """What a list asks for: a filter, a full-text search (its hits carry snippets, and it
    can order by relevance), and an order."""

    order: Order[S]
    filter: Filter[L] | None = None
    search: Search | None = None

    def __post_init__(self) -> None:
        if self.order.by.value == "relevance" and self.search is None:
            raise InvalidFilter(
                "ordering by relevance needs a search: give a search (GraphQL search, REST "
                "q), or order by something else",
                {"field": "order", "value": "relevance"},
            )


class IdSort(StrEnum):
    """The one order of lists without other sorts: by id."""

    ID = "id"
