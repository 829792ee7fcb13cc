"""Actor: who speaks or is spoken of, with aliases in any script and roles over time."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from schema.base import Base, Timestamped, str_enum
from schema.enums import ActorKind


class Actor(Timestamped, Base):
    __tablename__ = "actor"
    __table_args__ = (
        UniqueConstraint("name", "kind"),
        Index("ix_actor_kind_name", "kind", "name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[ActorKind] = mapped_column(str_enum(ActorKind))
    description: Mapped[str | None] = mapped_column(Text)
    wikidata_id: Mapped[str | None] = mapped_column(String(32))

    aliases: Mapped[list[ActorAlias]] = relationship(
        back_populates="actor", lazy="raise", cascade="all, delete-orphan"
    )
    roles: Mapped[list[ActorRole]] = relationship(
        back_populates="actor",
        lazy="raise",
        cascade="all, delete-orphan",
        foreign_keys="ActorRole.actor_id",
    )


class ActorAlias(Base):
    __tablename__ = "actor_alias"
    __table_args__ = (UniqueConstraint("actor_id", "alias"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actor.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(String(300))
    #: casefolded, accent- and punctuation-folded form used for lookups
    normalized: Mapped[str] = mapped_column(String(300), index=True)
    language: Mapped[str | None] = mapped_column(String(16))

    actor: Mapped[Actor] = relationship(back_populates="aliases", lazy="raise")


class ActorRole(Base):
    __tablename__ = "actor_role"

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actor.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    #: the organisation as written, and the actor it resolves to when known
    organization: Mapped[str | None] = mapped_column(String(300))
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("actor.id", ondelete="SET NULL"), index=True
    )
    valid_from: Mapped[dt.date | None] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)
    #: where the role is stated: an article and character offsets into its stored text
    evidence_article_id: Mapped[int | None] = mapped_column(
        ForeignKey("article.id", ondelete="SET NULL"), index=True
    )
    evidence_start: Mapped[int | None] = mapped_column(Integer)
    evidence_end: Mapped[int | None] = mapped_column(Integer)

    actor: Mapped[Actor] = relationship(
        back_populates="roles", lazy="raise", foreign_keys=[actor_id]
    )
