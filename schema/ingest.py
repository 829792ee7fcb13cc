"""IngestRun: the provenance of every row a load writes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

from schema.base import Base, JSONType, str_enum
from schema.enums import IngestStatus


class IngestRun(Base):
    __tablename__ = "ingest_run"

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    loader_version: Mapped[str] = mapped_column(String(64))
    status: Mapped[IngestStatus] = mapped_column(
        str_enum(IngestStatus), default=IngestStatus.RUNNING
    )
    #: file names given to the run
    files: Mapped[list[Any]] = mapped_column(JSONType, default=list)
    #: counts of rows written per kind, e.g. {"articles": 5, "statements": 31}
    counts: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    #: one entry per failed file: {"file": ..., "offset": ..., "message": ...}
    errors: Mapped[list[Any]] = mapped_column(JSONType, default=list)
