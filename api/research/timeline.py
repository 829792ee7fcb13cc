"""Timelines: how many statements were said per day, week, month or year, in one series per
speaker, outlet or place (or one series for all).

A statement is counted in the bucket its date falls in. Two kinds of statements have no
bucket and are counted apart, in every series and in the whole: ``undated`` ones (no date
said), and ``imprecise`` ones, whose date is known less precisely than the bucket (a
statement of "August 2023" has no day and no week; it is counted in the month and the year).
Weeks are ISO weeks, Monday to Sunday.

Grouped by outlet, a statement reported by two outlets counts in both series; grouped by
speaker, a joint statement counts in the series of each of its speakers. So series may add up
to more than the whole, which counts each statement once. Statements without a speaker, an
outlet (every article reporting it has an unknown outlet) or a place make a series whose
``group`` is None.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from schema.enums import DatePrecision

__all__ = [
    "Bucket",
    "GroupRef",
    "Series",
    "TimeBucket",
    "Timeline",
    "TimelineGroup",
    "bucket_end",
    "too_coarse",
]


class TimeBucket(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class TimelineGroup(StrEnum):
    #: the statement's speaker, and each joint speaker
    SPEAKER = "speaker"
    #: each outlet that reported it
    OUTLET = "outlet"
    #: where it was said
    LOCATION = "location"


#: the type whose rows each grouping names, as the GraphQL ``Node`` types are called
GROUP_TYPES = {
    TimelineGroup.SPEAKER: "Actor",
    TimelineGroup.OUTLET: "Outlet",
    TimelineGroup.LOCATION: "Location",
}


def too_coarse(bucket: TimeBucket) -> tuple[DatePrecision, ...]:
    """The precisions of dates that do not say which ``bucket`` they fall in."""
    if bucket in (TimeBucket.DAY, TimeBucket.WEEK):
        return (DatePrecision.MONTH, DatePrecision.YEAR)
    if bucket is TimeBucket.MONTH:
        return (DatePrecision.YEAR,)
    return ()


def bucket_end(start: dt.date, bucket: TimeBucket) -> dt.date:
    """The last day of the bucket that begins on ``start``."""
    if bucket is TimeBucket.DAY:
        return start
    if bucket is TimeBucket.WEEK:
        return start + dt.timedelta(days=6)
    if bucket is TimeBucket.MONTH:
        following = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return dt.date(start.year, 12, 31)


@dataclass(frozen=True, slots=True)
class Bucket:
    """``count`` statements said from ``start`` to ``end`` (both included)."""

    start: dt.date
    end: dt.date
    count: int


@dataclass(frozen=True, slots=True)
class GroupRef:
    """The speaker, outlet or place a series counts the statements of."""

    type_name: str
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class Series:
    """The statements of one group: per bucket (buckets without statements left out, in
    date order), and how many have no date or too coarse a one."""

    group: GroupRef | None
    total: int
    undated: int
    imprecise: int
    buckets: tuple[Bucket, ...]


@dataclass(frozen=True, slots=True)
class Timeline:
    """Every statement the filter selects, counted once (``total``, ``undated``,
    ``imprecise``), and the series of the ``top`` groups with the most statements, most
    first (ties by id, the group of statements without one last)."""

    bucket: TimeBucket
    group_by: TimelineGroup | None
    total: int
    undated: int
    imprecise: int
    #: how many groups have statements, the series left out included
    group_count: int
    series: tuple[Series, ...]
