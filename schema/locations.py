"""Location: a place in an administrative hierarchy, with coordinates and external ids."""

from __future__ import annotations

from sqlalchemy import Float, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from schema.base import Base, Timestamped, str_enum
from schema.enums import LocationKind


class Location(Timestamped, Base):
    __tablename__ = "location"
    __table_args__ = (
        UniqueConstraint("name", "kind", "parent_id"),
        Index("ix_location_kind_name", "kind", "name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[LocationKind] = mapped_column(str_enum(LocationKind))
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("location.id", ondelete="SET NULL"), index=True
    )
    country_code: Mapped[str | None] = mapped_column(String(2), index=True)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    geonames_id: Mapped[int | None] = mapped_column(Integer)
    icao: Mapped[str | None] = mapped_column(String(4))
    wikidata_id: Mapped[str | None] = mapped_column(String(32))

    parent: Mapped[Location | None] = relationship(
        remote_side=[id], lazy="raise", back_populates="children"
    )
    children: Mapped[list[Location]] = relationship(back_populates="parent", lazy="raise")
    aliases: Mapped[list[LocationAlias]] = relationship(
        back_populates="location", lazy="raise", cascade="all, delete-orphan"
    )


class LocationAlias(Base):
    __tablename__ = "location_alias"
    __table_args__ = (UniqueConstraint("location_id", "alias"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("location.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(String(300))
    normalized: Mapped[str] = mapped_column(String(300), index=True)
    language: Mapped[str | None] = mapped_column(String(16))

    location: Mapped[Location] = relationship(back_populates="aliases", lazy="raise")
