"""``strawberry.field`` as a typed decorator of resolvers.

Called with arguments, ``strawberry.field`` is typed as returning ``Any``, which strict mypy
refuses as a decorator. Resolvers here return ORM rows and declare the GraphQL type they stand
for with ``graphql_type``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import strawberry

__all__ = ["resolver"]

T = TypeVar("T")


def resolver(
    *, graphql_type: object = None, description: str | None = None, name: str | None = None
) -> Callable[[T], T]:
    decorator: Callable[[T], T] = strawberry.field(
        graphql_type=graphql_type, description=description, name=name
    )
    return decorator
