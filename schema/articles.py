"""Article: one ingested text, its repairs and its publication metadata."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from schema.base import Base, JSONType, Timestamped, str_enum
from schema.enums import DatePrecision

if TYPE_CHECKING:
    from schema.outlets import Outlet


class Article(Timestamped, Base):
    __tablename__ = "article"
    __table_args__ = (Index("ix_article_outlet_published", "outlet_id", "published_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    outlet_id: Mapped[int | None] = mapped_column(ForeignKey("outlet.id", ondelete="SET NULL"))
    title: Mapped[str | None] = mapped_column(Text)
    subtitle: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    published_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    published_precision: Mapped[DatePrecision | None] = mapped_column(str_enum(DatePrecision))
    #: true when the date was inferred from the text rather than given by a manifest
    published_estimated: Mapped[bool] = mapped_column(Boolean, default=False)
    #: ISO 639-1 codes of the languages found in the text, main language first
    languages: Mapped[list[Any]] = mapped_column(JSONType, default=list)
    #: the stored (repaired) text; every offset in the database points into it
    text: Mapped[str] = mapped_column(Text)
    #: sha256 of the raw bytes as received: a second load of the same file is a no-op
    raw_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    file_name: Mapped[str] = mapped_column(String(500))
    #: encoding the raw bytes were decoded from
    encoding: Mapped[str] = mapped_column(String(32), default="utf-8")
    #: [{"start", "end", "before", "after", "reason"}], offsets into the stored text
    repairs: Mapped[list[Any]] = mapped_column(JSONType, default=list)
    ingest_run_id: Mapped[int | None] = mapped_column(
        ForeignKey("ingest_run.id", ondelete="SET NULL"), index=True
    )

    outlet: Mapped[Outlet | None] = relationship(lazy="raise")
