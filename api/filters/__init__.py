"""Filters and orders of the API's resources, as typed data independent of any database.

``base`` has the combinators (``AllOf``, ``AnyOf``, ``Not``), date ranges, name matches,
``Search`` and ``Order``; ``statements``, ``actors``, ``locations`` and ``articles`` the leaves
and sorts of each resource. GraphQL inputs (``api.graphql.filters``) and REST parameters
(``api.rest.filters``) are translated into these; ``api.repository.filters`` compiles them
into SQL conditions and keyset orderings that run on SQLite and PostgreSQL alike.
"""

from api.filters.base import (
    AllOf,
    AnyOf,
    DateRange,
    Filter,
    IdSort,
    InvalidFilter,
    ListQuery,
    NameMatch,
    NameOp,
    Not,
    Order,
    Search,
    all_of,
    any_of,
    leaves,
    normalize_name,
)

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
