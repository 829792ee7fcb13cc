"""Statement (one utterance), Attribution (one article's rendering of it) and mentions.

A statement reported by three outlets has one Statement and three Attributions. Every
attribution points into the stored text of its article by character offsets; mentions point
at the attribution whose text names the actor or place.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from sqlalchemy import Boolean, Date, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from schema.base import Base, JSONType, Timestamped, str_enum
from schema.enums import DatePrecision, Medium, StatementKind

if TYPE_CHECKING:
    from schema.actors import Actor
    from schema.articles import Article
    from schema.locations import Location


class Statement(Timestamped, Base):
    __tablename__ = "statement"
    __table_args__ = (
        # said_precision last: a speaker's timeline reads the index alone (revision 0004)
        Index("ix_statement_speaker_said", "speaker_id", "said_on", "id", "said_precision"),
        Index("ix_statement_said_on_id", "said_on", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: canonical text: the most direct rendering among its attributions
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[StatementKind] = mapped_column(str_enum(StatementKind), index=True)
    language: Mapped[str | None] = mapped_column(String(16), index=True)
    #: the speaker; a joint statement lists the others in statement_speaker
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("actor.id", ondelete="SET NULL"))
    said_on: Mapped[dt.date | None] = mapped_column(Date)
    said_precision: Mapped[DatePrecision | None] = mapped_column(str_enum(DatePrecision))
    #: true when its attributions give different dates for it
    date_conflict: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    medium: Mapped[Medium | None] = mapped_column(str_enum(Medium))
    #: venue as written: "interview with Al-Monitor", "a press conference in Baghdad"
    venue: Mapped[str | None] = mapped_column(Text)
    location_id: Mapped[int | None] = mapped_column(
        ForeignKey("location.id", ondelete="SET NULL"), index=True
    )
    topics: Mapped[list[Any]] = mapped_column(JSONType, default=list)
    #: curated stance label, never set by the extractor
    stance: Mapped[str | None] = mapped_column(String(64))
    ingest_run_id: Mapped[int | None] = mapped_column(
        ForeignKey("ingest_run.id", ondelete="SET NULL"), index=True
    )

    speaker: Mapped[Actor | None] = relationship(lazy="raise")
    location: Mapped[Location | None] = relationship(lazy="raise")
    attributions: Mapped[list[Attribution]] = relationship(
        back_populates="statement", lazy="raise", cascade="all, delete-orphan"
    )


class StatementSpeaker(Base):
    """Further speakers of a joint statement ("Biden and al-Kadhimi declared")."""

    __tablename__ = "statement_speaker"

    statement_id: Mapped[int] = mapped_column(
        ForeignKey("statement.id", ondelete="CASCADE"), primary_key=True
    )
    actor_id: Mapped[int] = mapped_column(
        ForeignKey("actor.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)


class Attribution(Timestamped, Base):
    """One article's rendering of a statement: source (speaker), cue and content."""

    __tablename__ = "attribution"
    __table_args__ = (
        Index("ix_attribution_statement_id", "statement_id", "id"),
        Index("ix_attribution_article_start", "article_id", "content_start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    statement_id: Mapped[int] = mapped_column(ForeignKey("statement.id", ondelete="CASCADE"))
    kind: Mapped[StatementKind] = mapped_column(str_enum(StatementKind))
    #: the speaker as written ("he", "the source", "Iraq's Prime Minister") and its offsets
    speaker_text: Mapped[str | None] = mapped_column(Text)
    speaker_start: Mapped[int | None] = mapped_column(Integer)
    speaker_end: Mapped[int | None] = mapped_column(Integer)
    #: the actor the speaker resolves to
    speaker_id: Mapped[int | None] = mapped_column(
        ForeignKey("actor.id", ondelete="SET NULL"), index=True
    )
    cue: Mapped[str | None] = mapped_column(String(200))
    cue_start: Mapped[int | None] = mapped_column(Integer)
    cue_end: Mapped[int | None] = mapped_column(Integer)
    #: content exactly as in the stored text, and its span; an interrupted quote lists
    #: each piece in fragments as [start, end] pairs
    content: Mapped[str] = mapped_column(Text)
    content_start: Mapped[int] = mapped_column(Integer)
    content_end: Mapped[int] = mapped_column(Integer)
    fragments: Mapped[list[Any]] = mapped_column(JSONType, default=list)
    language: Mapped[str | None] = mapped_column(String(16))
    #: the date as this article gives it, resolved, and the words it was resolved from
    said_on: Mapped[dt.date | None] = mapped_column(Date)
    said_precision: Mapped[DatePrecision | None] = mapped_column(str_enum(DatePrecision))
    said_on_text: Mapped[str | None] = mapped_column(String(200))
    confidence: Mapped[float] = mapped_column(Float, default=1.0)
    extractor_version: Mapped[str] = mapped_column(String(64))

    article: Mapped[Article] = relationship(lazy="raise")
    statement: Mapped[Statement] = relationship(back_populates="attributions", lazy="raise")
    speaker: Mapped[Actor | None] = relationship(lazy="raise")


class StatementActor(Base):
    """An actor mentioned in a statement, traced to the attribution text that names it."""

    __tablename__ = "statement_actor"
    __table_args__ = (Index("ix_statement_actor_actor_statement", "actor_id", "statement_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    statement_id: Mapped[int] = mapped_column(
        ForeignKey("statement.id", ondelete="CASCADE"), index=True
    )
    actor_id: Mapped[int] = mapped_column(ForeignKey("actor.id", ondelete="CASCADE"))
    attribution_id: Mapped[int | None] = mapped_column(
        ForeignKey("attribution.id", ondelete="CASCADE"), index=True
    )
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)


class StatementLocation(Base):
    """A place mentioned in a statement, traced to the attribution text that names it."""

    __tablename__ = "statement_location"
    __table_args__ = (
        Index("ix_statement_location_location_statement", "location_id", "statement_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    statement_id: Mapped[int] = mapped_column(
        ForeignKey("statement.id", ondelete="CASCADE"), index=True
    )
    location_id: Mapped[int] = mapped_column(ForeignKey("location.id", ondelete="CASCADE"))
    attribution_id: Mapped[int | None] = mapped_column(
        ForeignKey("attribution.id", ondelete="CASCADE"), index=True
    )
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
