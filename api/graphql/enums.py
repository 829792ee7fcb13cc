"""The data model's closed vocabularies as GraphQL enums, registered once.

Strawberry turns an enum it meets unregistered into a GraphQL enum of its own, so every module
of the graph imports these enums from here rather than from ``schema.enums``.
"""

from __future__ import annotations

import strawberry

from schema.enums import (
    ActorKind,
    DatePrecision,
    IngestStatus,
    LocationKind,
    Medium,
    OutletKind,
    StatementKind,
)

__all__ = [
    "ActorKind",
    "DatePrecision",
    "IngestStatus",
    "LocationKind",
    "Medium",
    "OutletKind",
    "StatementKind",
]

strawberry.enum(
    StatementKind, description="How a statement is reported: quoted, paraphrased, or both."
)
strawberry.enum(DatePrecision, description="How precisely a date is known.")
strawberry.enum(Medium, description="Through what a statement was made.")
strawberry.enum(ActorKind, description="What kind of actor speaks or is spoken of.")
strawberry.enum(LocationKind, description="What kind of place a location is.")
strawberry.enum(OutletKind, description="What kind of publisher an outlet is.")
strawberry.enum(IngestStatus, description="How an ingest run ended.")
