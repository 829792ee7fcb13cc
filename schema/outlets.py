"""Outlet: who published an article. Unknown stays unknown (NULL), never guessed."""

from __future__ import annotations

from sqlalchemy import Boolean, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from schema.base import Base, Timestamped, str_enum
from schema.enums import OutletKind


class Outlet(Timestamped, Base):
    __tablename__ = "outlet"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    domain: Mapped[str | None] = mapped_column(String(200))
    country: Mapped[str | None] = mapped_column(String(2), index=True)  # ISO 3166-1 alpha-2
    language: Mapped[str | None] = mapped_column(String(16))
    kind: Mapped[OutletKind | None] = mapped_column(str_enum(OutletKind))
    state_affiliation: Mapped[str | None] = mapped_column(Text)
    #: true when the text names the outlet but the name could not be recovered (encoding damage)
    name_unrecoverable: Mapped[bool] = mapped_column(Boolean, default=False)
