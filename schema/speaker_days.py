"""SpeakerDay: how many statements each speaker said on each date, at each date precision.

A summary of ``statement`` that triggers (revision 0005) keep exact in the transaction of every
INSERT, UPDATE and DELETE of a statement (and TRUNCATE, on PostgreSQL), whatever writes it: one
row per (main speaker, said on, said precision) with statements, ``n`` of them. Statements
without a speaker are not counted; a joint statement counts for its main speaker alone (its
other speakers are in ``statement_speaker``). An undated statement has no ``said_on``, a
statement dated to the day may have no precision: NULL is a value of the key like any other.

A timeline of speakers (``api.repository.timeline``) reads the few thousand rows of a speaker
instead of the index entries of its statements, one per statement.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, Index, Integer
from sqlalchemy.orm import Mapped, mapped_column

from schema.base import Base, str_enum
from schema.enums import DatePrecision


class SpeakerDay(Base):
    __tablename__ = "speaker_day"
    __table_args__ = (
        # NULL dates and precisions are values of the key (PostgreSQL: NULLS NOT DISTINCT, so
        # that the triggers' INSERT ... ON CONFLICT finds them; SQLite's triggers look rows up
        # with IS)
        Index(
            "ux_speaker_day",
            "speaker_id",
            "said_on",
            "said_precision",
            unique=True,
            postgresql_nulls_not_distinct=True,
        ),
    )

    #: the statements' main speaker (no foreign key: the row goes when its statements do)
    speaker_id: Mapped[int] = mapped_column(Integer)
    said_on: Mapped[dt.date | None] = mapped_column(Date)
    said_precision: Mapped[DatePrecision | None] = mapped_column(str_enum(DatePrecision))
    #: how many statements, always more than 0
    n: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"primary_key": [speaker_id, said_on, said_precision]}
