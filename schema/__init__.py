"""Dicta's data model: typed SQLAlchemy 2 tables, enums, settings and the engine factory.

Importing this package registers every table on ``Base.metadata``.
"""

from schema.actors import Actor, ActorAlias, ActorRole
from schema.articles import Article
from schema.base import Base
from schema.enums import (
    ActorKind,
    DatePrecision,
    IngestStatus,
    LocationKind,
    Medium,
    OutletKind,
    StatementKind,
)
from schema.ingest import IngestRun
from schema.locations import Location, LocationAlias
from schema.outlets import Outlet
from schema.speaker_days import SpeakerDay
from schema.statements import (
    Attribution,
    Statement,
    StatementActor,
    StatementLocation,
    StatementSpeaker,
)
from schema.versions import DataVersion

#: marks this package as Dicta's own (a package named ``schema`` also exists on PyPI)
DICTA_PACKAGE = "schema"

__all__ = [
    "Actor",
    "ActorAlias",
    "ActorKind",
    "ActorRole",
    "Article",
    "Attribution",
    "Base",
    "DICTA_PACKAGE",
    "DataVersion",
    "DatePrecision",
    "IngestRun",
    "IngestStatus",
    "Location",
    "LocationAlias",
    "LocationKind",
    "Medium",
    "Outlet",
    "OutletKind",
    "SpeakerDay",
    "Statement",
    "StatementActor",
    "StatementKind",
    "StatementLocation",
    "StatementSpeaker",
]
