"""The only SQL in the API: typed query functions returning ORM objects, pages and counts.

Views and resolvers call these and never build queries. Every function takes an
``AsyncSession`` first; batch functions return one result per key, in the keys' order.
"""

from api.repository.base import (
    Page,
    by_ids,
    child_counts,
    child_pages,
    children,
    count,
    get,
    page,
)
from api.repository.health import ping
from api.repository.statements import (
    joint_speakers,
    mentioned_actors,
    mentioned_locations,
    statement_with_speaker,
    statements_with_speakers,
)

__all__ = [
    "Page",
    "by_ids",
    "child_counts",
    "child_pages",
    "children",
    "count",
    "get",
    "joint_speakers",
    "mentioned_actors",
    "mentioned_locations",
    "page",
    "ping",
    "statement_with_speaker",
    "statements_with_speakers",
]
