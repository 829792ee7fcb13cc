"""DataVersion: one counter that every write to the data tables bumps.

Triggers (revision 0003) add one to ``version`` in the transaction of any INSERT, UPDATE or
DELETE of a data table, whichever path writes it (the loader, a bulk load, hand-written SQL),
so a reader sees a new version exactly when it can see the new rows. The API keys its HTTP
validators (ETag) and its response cache by it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, CheckConstraint, DateTime, func
from sqlalchemy.orm import Mapped, mapped_column

from schema.base import Base


class DataVersion(Base):
    __tablename__ = "data_version"
    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)

    #: always 1: the table holds one row
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(BigInteger)
    #: when it last changed (UTC)
    changed_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
