"""REST query parameters of lists, translated into ``api.filters``.

Each parameter is one condition and every parameter given must hold; a parameter given more
than once (``kind=direct&kind=mixed``) holds when any of its values does. The same filters
in GraphQL are ``{and: [...]}`` of the matching ``StatementFilter`` fields, and return the
same rows.

``STATEMENT_FILTERS`` (the parameter names) and ``statement_filter(params)`` are what other
statement endpoints (counts, timelines) take to filter like ``/api/v1/statements``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from starlette.datastructures import QueryParams

from api.filters import (
    DateRange,
    Filter,
    InvalidFilter,
    ListQuery,
    NameMatch,
    NameOp,
    Order,
    Search,
    all_of,
    any_of,
)
from api.filters import actors as af
from api.filters import articles as rf
from api.filters import locations as lf
from api.filters import statements as sf
from schema.enums import ActorKind, LocationKind, StatementKind

__all__ = [
    "ACTOR_FILTERS",
    "ARTICLE_FILTERS",
    "LOCATION_FILTERS",
    "STATEMENT_FILTERS",
    "FilterParam",
    "Filters",
    "actor_query",
    "article_query",
    "location_query",
    "statement_filter",
    "statement_query",
]

L = TypeVar("L")
E = TypeVar("E", bound=StrEnum)


@dataclass(frozen=True, slots=True)
class FilterParam:
    """One filter parameter: its name, what it takes (for the OpenAPI description) and the
    JSON Schema of one value."""

    name: str
    description: str
    schema: dict[str, Any]
    repeatable: bool = True


def _values(params: QueryParams, name: str) -> list[str]:
    values = params.getlist(name)
    for value in values:
        if not value.strip():
            raise InvalidFilter(
                f"{name} is empty: give a value, or leave {name} out", {"parameter": name}
            )
    return values


def _single(params: QueryParams, name: str) -> str | None:
    values = _values(params, name)
    if len(values) > 1:
        raise InvalidFilter(
            f"{name} is given {len(values)} times: give it once", {"parameter": name}
        )
    return values[0] if values else None


def _enum(name: str, kind: type[E], value: str) -> E:
    try:
        return kind(value.strip().lower())
    except ValueError:
        raise InvalidFilter(
            f"{name} {value!r} is not one of {', '.join(m.value for m in kind)}",
            {"parameter": name, "value": value, "allowed": [m.value for m in kind]},
        ) from None


def _enums(params: QueryParams, name: str, kind: type[E]) -> tuple[E, ...]:
    return tuple(
        _enum(name, kind, part)
        for value in _values(params, name)
        for part in value.split(",")
        if part.strip()
    )


def _date(params: QueryParams, name: str) -> dt.date | None:
    value = _single(params, name)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidFilter(
            f"{name} {value!r} is not a date: write it as YYYY-MM-DD, e.g. 2023-08-15",
            {"parameter": name, "value": value},
        ) from None


def _range(params: QueryParams, low: str, high: str) -> DateRange | None:
    gte, lte = _date(params, low), _date(params, high)
    if gte is None and lte is None:
        return None
    return DateRange(gte=gte, lte=lte, name=f"{low}/{high}")


def _whole(params: QueryParams, name: str) -> int | None:
    value = _single(params, name)
    if value is None:
        return None
    if value.isascii() and value.isdigit():
        return int(value)
    raise InvalidFilter(
        f"{name} must be a whole number, got {value!r}", {"parameter": name, "value": value}
    )


def _bool(params: QueryParams, name: str) -> bool | None:
    value = _single(params, name)
    if value is None:
        return None
    folded = value.strip().lower()
    if folded in {"true", "1", "yes"}:
        return True
    if folded in {"false", "0", "no"}:
        return False
    raise InvalidFilter(
        f"{name} must be true or false, got {value!r}", {"parameter": name, "value": value}
    )


def _ids(params: QueryParams, name: str) -> tuple[int, ...]:
    ids: list[int] = []
    for value in _values(params, name):
        for part in value.split(","):
            if not (part.isascii() and part.strip().isdigit()):
                raise InvalidFilter(
                    f"{name} takes row ids (whole numbers, e.g. {name}=3), got {value!r}",
                    {"parameter": name, "value": value},
                )
            ids.append(int(part))
    return tuple(ids)


def _ids_or_names(
    params: QueryParams,
    name: str,
    by_id: Callable[[tuple[int, ...]], L],
    by_name: Callable[[tuple[str, ...]], L],
) -> Filter[L] | None:
    """A parameter that takes row ids or names: ``speaker=1``, ``speaker=Sudani``."""
    values = _values(params, name)
    if not values:
        return None
    ids = tuple(int(v) for v in values if v.isascii() and v.strip().isdigit())
    names = tuple(v for v in values if not (v.isascii() and v.strip().isdigit()))
    parts: list[L] = []
    if ids:
        parts.append(by_id(ids))
    if names:
        parts.append(by_name(names))
    return any_of(parts)


def _search(params: QueryParams) -> Search | None:
    q = _single(params, "q")
    return None if q is None else Search(q)


def _order(params: QueryParams, sorts: type[E], default: E) -> Order[E]:
    value = _single(params, "order")
    if value is None:
        return Order(default)
    descending = value.startswith("-")
    name = value[1:] if descending else value
    allowed = [m.value for m in sorts] + [f"-{m.value}" for m in sorts if m.value != "relevance"]
    try:
        by = sorts(name)
    except ValueError:
        raise InvalidFilter(
            f"order {value!r} is not one of {', '.join(allowed)}",
            {"parameter": "order", "value": value, "allowed": allowed},
        ) from None
    return Order(by, descending)


# -- statements -----------------------------------------------------------------------------

_ID = {"type": "integer", "minimum": 0}
_DATE = {"type": "string", "format": "date"}
_ID_OR_NAME = {"type": "string"}

STATEMENT_FILTERS: tuple[FilterParam, ...] = (
    FilterParam(
        "speaker",
        "Said by this actor (main or joint speaker): a row id, or a name matching the actor's "
        "name or any alias, casefolded (speaker=Sudani).",
        _ID_OR_NAME,
    ),
    FilterParam("mentions", "Mentions this actor: a row id or a name, as speaker.", _ID_OR_NAME),
    FilterParam(
        "location_within",
        "Said at, or mentions, this place or a place inside it: a location row id, or a name "
        "or alias (location_within=Anbar).",
        _ID_OR_NAME,
    ),
    FilterParam("outlet", "Reported by an article of this outlet (row id).", _ID),
    FilterParam("article", "Reported by this article (row id).", _ID),
    FilterParam(
        "kind",
        "Statement kind; several comma-separated.",
        {"type": "string", "enum": [k.value for k in StatementKind]},
    ),
    FilterParam(
        "language", "ISO 639-1 code of the statement; several comma-separated.", {"type": "string"}
    ),
    FilterParam("said_from", "Said on or after this date.", _DATE, repeatable=False),
    FilterParam("said_to", "Said on or before this date.", _DATE, repeatable=False),
    FilterParam(
        "published_from", "An article reporting it was published on or after.", _DATE, False
    ),
    FilterParam(
        "published_to", "An article reporting it was published on or before.", _DATE, False
    ),
    FilterParam(
        "date_conflict",
        "true: its reports give different dates; false: they agree.",
        {"type": "boolean"},
        repeatable=False,
    ),
    FilterParam(
        "min_outlets",
        "Reported by at least this many outlets (an article whose outlet is unknown counts as "
        "an outlet of its own).",
        {"type": "integer", "minimum": 1},
        repeatable=False,
    ),
    FilterParam(
        "q",
        'Full-text search of its text and renderings: words, "a phrase", prefix*, OR, NOT or '
        "-word, (groups). Items then carry a snippet.",
        {"type": "string"},
        repeatable=False,
    ),
)


def statement_filter(params: QueryParams, *, with_search: bool = True) -> sf.StatementFilter | None:
    """The statements filter of ``STATEMENT_FILTERS`` parameters; ``q`` is one of its
    conditions unless ``with_search`` is false."""
    parts: list[sf.StatementFilter | None] = [
        _ids_or_names(
            params,
            "speaker",
            sf.SpeakerIs,
            lambda names: sf.SpeakerNamed(NameMatch(NameOp.EQ, names, "speaker")),
        ),
        _ids_or_names(
            params,
            "mentions",
            sf.Mentions,
            lambda names: sf.MentionsNamed(NameMatch(NameOp.EQ, names, "mentions")),
        ),
        _ids_or_names(
            params,
            "location_within",
            lambda ids: lf.LocationWithin(ids=ids, name="location_within"),
            lambda names: lf.LocationWithin(names=names, name="location_within"),
        ),
    ]
    if outlets := _ids(params, "outlet"):
        parts.append(sf.OutletIs(outlets))
    if articles := _ids(params, "article"):
        parts.append(sf.ArticleIs(articles))
    if kinds := _enums(params, "kind", StatementKind):
        parts.append(sf.KindIs(kinds))
    languages = tuple(
        part.strip() for v in _values(params, "language") for part in v.split(",") if part.strip()
    )
    if languages:
        parts.append(sf.LanguageIs(languages))
    if said := _range(params, "said_from", "said_to"):
        parts.append(sf.SaidOn(said))
    if published := _range(params, "published_from", "published_to"):
        parts.append(sf.PublishedOn(published))
    if (conflict := _bool(params, "date_conflict")) is not None:
        parts.append(sf.HasDateConflict(conflict))
    if (outlet_count := _whole(params, "min_outlets")) is not None:
        parts.append(sf.MinOutlets(outlet_count))
    if with_search:
        parts.append(_search(params))
    return all_of(parts)


def statement_query(params: QueryParams) -> sf.StatementQuery:
    """Filter (``STATEMENT_FILTERS`` but ``q``), search (``q``) and ``order``."""
    return ListQuery(
        _order(params, sf.StatementSort, sf.StatementSort.ID),
        statement_filter(params, with_search=False),
        _search(params),
    )


# -- actors, locations, articles --------------------------------------------------------------

ACTOR_FILTERS: tuple[FilterParam, ...] = (
    FilterParam(
        "kind",
        "Actor kind; several comma-separated.",
        {"type": "string", "enum": [k.value for k in ActorKind]},
    ),
    FilterParam(
        "name",
        "The canonical name or an alias is this name, casefolded (name=Sudani).",
        {"type": "string"},
    ),
    FilterParam(
        "name_prefix",
        "The canonical name or an alias starts with this, casefolded.",
        {"type": "string"},
        repeatable=False,
    ),
    FilterParam(
        "q",
        "Full-text search of names and aliases, in any script. Items then carry a snippet.",
        {"type": "string"},
        repeatable=False,
    ),
)


def actor_query(params: QueryParams) -> af.ActorQuery:
    parts: list[af.ActorFilter | None] = []
    if kinds := _enums(params, "kind", ActorKind):
        parts.append(af.ActorKindIs(kinds))
    if names := tuple(_values(params, "name")):
        parts.append(af.ActorNamed(NameMatch(NameOp.EQ, names, "name")))
    if (prefix := _single(params, "name_prefix")) is not None:
        parts.append(af.ActorNamed(NameMatch(NameOp.PREFIX, (prefix,), "name_prefix")))
    return ListQuery(_order(params, af.ActorSort, af.ActorSort.ID), all_of(parts), _search(params))


LOCATION_FILTERS: tuple[FilterParam, ...] = (
    FilterParam(
        "kind",
        "Location kind; several comma-separated.",
        {"type": "string", "enum": [k.value for k in LocationKind]},
    ),
    FilterParam("name", "The name or an alias is this name, casefolded.", {"type": "string"}),
    FilterParam(
        "within",
        "This place or a place inside it: a row id, or a name or alias (within=Anbar).",
        _ID_OR_NAME,
    ),
)


def location_query(params: QueryParams) -> lf.LocationQuery:
    parts: list[lf.LocationFilter | None] = []
    if kinds := _enums(params, "kind", LocationKind):
        parts.append(lf.LocationKindIs(kinds))
    if names := tuple(_values(params, "name")):
        parts.append(lf.LocationNamed(NameMatch(NameOp.EQ, names, "name")))
    parts.append(
        _ids_or_names(
            params,
            "within",
            lambda ids: lf.LocationWithin(ids=ids),
            lambda names: lf.LocationWithin(names=names),
        )
    )
    return ListQuery(_order(params, lf.LocationSort, lf.LocationSort.ID), all_of(parts))


ARTICLE_FILTERS: tuple[FilterParam, ...] = (
    FilterParam("outlet", "Published by this outlet (row id).", _ID),
    FilterParam("published_from", "Published on or after this date.", _DATE, repeatable=False),
    FilterParam("published_to", "Published on or before this date.", _DATE, repeatable=False),
    FilterParam(
        "q",
        "Full-text search of title, subtitle and text. Items then carry a snippet.",
        {"type": "string"},
        repeatable=False,
    ),
)


def article_query(params: QueryParams) -> rf.ArticleQuery:
    parts: list[rf.ArticleFilter | None] = []
    if outlets := _ids(params, "outlet"):
        parts.append(rf.ArticleOutletIs(outlets))
    if published := _range(params, "published_from", "published_to"):
        parts.append(rf.ArticlePublishedOn(published))
    return ListQuery(
        _order(params, rf.ArticleSort, rf.ArticleSort.ID), all_of(parts), _search(params)
    )


@dataclass(frozen=True, slots=True)
class Filters:
    """What a list endpoint filters by: its parameters, the sorts ``order`` takes, and the
    query they make."""

    params: Sequence[FilterParam]
    sorts: type[StrEnum]
    query: Callable[[QueryParams], ListQuery[Any, Any]]

    @property
    def names(self) -> tuple[str, ...]:
        return (*(p.name for p in self.params), "order")

    @property
    def orders(self) -> list[str]:
        return [m.value for m in self.sorts] + [
            f"-{m.value}" for m in self.sorts if m.value != "relevance"
        ]
