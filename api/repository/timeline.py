"""Timelines counted in SQL: statements per bucket of time, per group (``api.research.timeline``).

Buckets are computed by the database from ``Statement.said_on``: ``strftime``/``date`` on
SQLite (a week starts on the Monday before the Sunday ``date(d, 'weekday 0')`` finds), and
``date_trunc`` on PostgreSQL (ISO weeks). Filtered by nothing but speakers (a dashboard's
timeline of one actor), the statements are counted per day first, the main speaker's read
from the summary ``speaker_day`` (``schema.speaker_days``: a row per speaker, date and
precision), then the days are bucketed.

An ungrouped timeline is one query. A grouped one is three: the groups ranked by their number
of statements (the ``top`` kept, with their names, and how many groups there are), the buckets
of those groups, and the whole counted once.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    TIMESTAMP,
    ColumnElement,
    Date,
    Select,
    bindparam,
    case,
    cast,
    func,
    literal_column,
    or_,
    select,
    type_coerce,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import BindParameter
from sqlalchemy.sql.selectable import Subquery

from api.errors import ClientError
from api.filters import AllOf
from api.filters.statements import SpeakerIs, StatementFilter
from api.repository.filters import statement_conditions
from api.repository.search import dialect_of
from api.research.timeline import (
    GROUP_TYPES,
    Bucket,
    GroupRef,
    Series,
    TimeBucket,
    Timeline,
    TimelineGroup,
    bucket_end,
    too_coarse,
)
from schema import (
    Actor,
    Article,
    Attribution,
    Location,
    Outlet,
    SpeakerDay,
    Statement,
    StatementSpeaker,
)

__all__ = ["MAX_BUCKET_ROWS", "MAX_TOP", "TimelineTooLarge", "timeline"]

#: most series one timeline has
MAX_TOP = 100
#: most (series, bucket) counts one timeline has
MAX_BUCKET_ROWS = 100_000

_DATED, _IMPRECISE, _UNDATED = 0, 1, 2
_NAMED: dict[TimelineGroup, Any] = {
    TimelineGroup.SPEAKER: Actor,
    TimelineGroup.OUTLET: Outlet,
    TimelineGroup.LOCATION: Location,
}


class TimelineTooLarge(ClientError):
    """A timeline with more counts than ``MAX_BUCKET_ROWS``."""

    code = "timeline_too_large"


def _bucket_start(
    dialect: str, bucket: TimeBucket, said: ColumnElement[Any] | None = None
) -> ColumnElement[Any]:
    if said is None:
        said = Statement.said_on.expression
    if bucket is TimeBucket.DAY:
        return said
    if dialect == "sqlite":
        if bucket is TimeBucket.WEEK:
            start = func.date(said, literal_column("'weekday 0'"), literal_column("'-6 days'"))
        elif bucket is TimeBucket.MONTH:
            start = func.strftime(literal_column("'%Y-%m-01'"), said)
        else:
            start = func.strftime(literal_column("'%Y-01-01'"), said)
        return type_coerce(start, Date)
    unit: ColumnElement[str] = literal_column(f"'{bucket.value}'")
    return cast(func.date_trunc(unit, cast(said, TIMESTAMP)), Date)


def _status_and_bucket(
    dialect: str, bucket: TimeBucket, said: Any = None, precision: Any = None
) -> tuple[ColumnElement[int], Any]:
    """Whether a statement is dated, imprecise or undated, and its bucket when dated (of the
    statement's columns, or of ``said`` and ``precision``)."""
    if said is None:
        said, precision = Statement.said_on, Statement.said_precision
    coarse = too_coarse(bucket)
    dated: ColumnElement[bool]
    if coarse:
        imprecise = precision.is_not(None) & precision.in_(coarse)
        status = case((said.is_(None), _UNDATED), (imprecise, _IMPRECISE), else_=_DATED)
        dated = said.is_not(None) & ~imprecise
    else:
        status = case((said.is_(None), _UNDATED), else_=_DATED)
        dated = said.is_not(None)
    return status, case((dated, _bucket_start(dialect, bucket, said)), else_=None)


def _only_speakers(spec: StatementFilter | None) -> tuple[int, ...] | None:
    """The actor ids of a filter that asks for nothing but statements said by them, else None."""
    while isinstance(spec, AllOf) and len(spec.items) == 1:
        spec = spec.items[0]
    return spec.ids if isinstance(spec, SpeakerIs) else None


@functools.cache
def _speakers_days(dialect: str, bucket: TimeBucket) -> Select[tuple[int, Any, int]]:
    """The counts of an ungrouped timeline of the speakers ``:actors``: per day first (the
    main speaker's from the summary ``speaker_day``; the few joint statements whose main
    speaker is not one of them), each statement once; the days then bucketed. Made once per
    dialect and bucket: the speakers are its one parameter."""
    actors: BindParameter[int] = bindparam("actors", expanding=True)
    said, precision = Statement.said_on, Statement.said_precision
    main = select(SpeakerDay.said_on, SpeakerDay.said_precision, SpeakerDay.n).where(
        SpeakerDay.speaker_id.in_(actors)
    )
    joint = (
        select(said, precision, func.count().label("n"))
        .where(
            Statement.id.in_(
                select(StatementSpeaker.statement_id).where(StatementSpeaker.actor_id.in_(actors))
            ),
            or_(Statement.speaker_id.is_(None), Statement.speaker_id.not_in(actors)),
        )
        .group_by(said, precision)
    )
    days = union_all(main, joint).subquery("days")
    status, start = _status_and_bucket(dialect, bucket, days.c.said_on, days.c.said_precision)
    return (
        select(status, start, func.sum(days.c.n)).group_by(status, start).limit(MAX_BUCKET_ROWS + 1)
    )


async def _speaker_bucket_rows(
    session: AsyncSession, dialect: str, actors: tuple[int, ...], bucket: TimeBucket
) -> list[tuple[Any, ...]]:
    stmt = _speakers_days(dialect, bucket)
    rows = await session.execute(stmt, {"actors": list(actors)})
    return [(s, b, int(n)) for s, b, n in rows.all()]


def _counted(
    dialect: str, cond: ColumnElement[bool], bucket: TimeBucket, group_by: TimelineGroup | None
) -> Subquery:
    """One row per (group, statement) the filter selects: ``g`` (the group's id, absent
    when ungrouped), ``status`` and ``bucket``."""
    status, start = _status_and_bucket(dialect, bucket)
    columns = (status.label("status"), start.label("bucket"))
    stmt: Select[Any] | Any
    if group_by is None:
        stmt = select(*columns).where(cond)
    elif group_by is TimelineGroup.LOCATION:
        stmt = select(Statement.location_id.label("g"), *columns).where(cond)
    elif group_by is TimelineGroup.OUTLET:
        stmt = (
            select(Article.outlet_id.label("g"), Statement.id, *columns)
            .outerjoin(Attribution, Attribution.statement_id == Statement.id)
            .outerjoin(Article, Article.id == Attribution.article_id)
            .where(cond)
            .distinct()
        )
    else:
        main = select(Statement.speaker_id.label("g"), *columns).where(cond)
        joint = (
            select(StatementSpeaker.actor_id.label("g"), *columns)
            .join(Statement, Statement.id == StatementSpeaker.statement_id)
            .where(
                cond,
                or_(
                    Statement.speaker_id.is_(None),
                    StatementSpeaker.actor_id != Statement.speaker_id,
                ),
            )
        )
        stmt = union_all(main, joint)
    return stmt.subquery("counted")


def _series(
    group: GroupRef | None, counts: Sequence[tuple[int, Any, int]], bucket: TimeBucket
) -> Series:
    by_status = {_DATED: 0, _IMPRECISE: 0, _UNDATED: 0}
    buckets: list[Bucket] = []
    for status, start, n in counts:
        by_status[status] += n
        if status == _DATED:
            buckets.append(Bucket(start, bucket_end(start, bucket), n))
    buckets.sort(key=lambda b: b.start)
    return Series(
        group,
        total=sum(by_status.values()),
        undated=by_status[_UNDATED],
        imprecise=by_status[_IMPRECISE],
        buckets=tuple(buckets),
    )


def _too_large(bucket: TimeBucket) -> TimelineTooLarge:
    return TimelineTooLarge(
        f"this timeline would have more than {MAX_BUCKET_ROWS} counts: use a coarser bucket "
        f"than {bucket.value}, fewer series (top), or a narrower filter (a said-on range)",
        {"max_counts": MAX_BUCKET_ROWS, "bucket": bucket.value},
    )


def _ungrouped(rows: Sequence[tuple[Any, ...]], bucket: TimeBucket) -> Timeline:
    if len(rows) > MAX_BUCKET_ROWS:
        raise _too_large(bucket)
    whole = _series(None, [(s, b, n) for s, b, n in rows], bucket)
    series = (whole,) if whole.total else ()
    return Timeline(
        bucket,
        None,
        whole.total,
        whole.undated,
        whole.imprecise,
        group_count=len(series),
        series=series,
    )


async def _bucket_rows(
    session: AsyncSession, counted: Subquery, grouped: bool, where: Sequence[ColumnElement[bool]]
) -> list[tuple[Any, ...]]:
    keys = [counted.c.g] if grouped else []
    stmt = (
        select(*keys, counted.c.status, counted.c.bucket, func.count())
        .where(*where)
        .group_by(*keys, counted.c.status, counted.c.bucket)
        .limit(MAX_BUCKET_ROWS + 1)
    )
    return [tuple(row) for row in (await session.execute(stmt)).all()]


async def timeline(
    session: AsyncSession,
    spec: StatementFilter | None,
    *,
    bucket: TimeBucket,
    group_by: TimelineGroup | None = None,
    top: int = 10,
) -> Timeline:
    """The statements ``spec`` selects, counted per ``bucket``, in one series per group of
    the ``top`` groups with the most statements (one series for all when ``group_by`` is
    None). Raises TimelineTooLarge past ``MAX_BUCKET_ROWS`` counts."""
    dialect = dialect_of(session)
    if group_by is None and (speakers := _only_speakers(spec)) is not None:
        return _ungrouped(await _speaker_bucket_rows(session, dialect, speakers, bucket), bucket)
    cond = statement_conditions(spec, dialect)
    counted = _counted(dialect, cond, bucket, group_by)
    if group_by is None:
        return _ungrouped(await _bucket_rows(session, counted, False, ()), bucket)

    model = _NAMED[group_by]
    n = func.count()
    ranked = (
        select(counted.c.g, n.label("n"), func.count().over().label("groups"))
        .group_by(counted.c.g)
        .order_by(n.desc(), counted.c.g.asc().nulls_last())
        .limit(top)
        .subquery("ranked")
    )
    named = (
        select(ranked.c.g, model.name, ranked.c.groups)
        .outerjoin(model, model.id == ranked.c.g)
        .order_by(ranked.c.n.desc(), ranked.c.g.asc().nulls_last())
    )
    groups = (await session.execute(named)).all()
    type_name = GROUP_TYPES[group_by]
    refs = [None if g is None else GroupRef(type_name, g, name) for g, name, _ in groups]

    ids = [ref.id for ref in refs if ref is not None]
    wanted = [counted.c.g.in_(ids)] if ids else []
    if None in refs:
        wanted.append(counted.c.g.is_(None))
    rows = await _bucket_rows(session, counted, True, [or_(*wanted)]) if wanted else []
    if len(rows) > MAX_BUCKET_ROWS:
        raise _too_large(bucket)
    per_group: dict[int | None, list[tuple[int, Any, int]]] = {}
    for g, status, start, count in rows:
        per_group.setdefault(g, []).append((status, start, count))

    status, _ = _status_and_bucket(dialect, bucket)
    totals = select(
        func.count(),
        func.coalesce(func.sum(case((status == _UNDATED, 1), else_=0)), 0),
        func.coalesce(func.sum(case((status == _IMPRECISE, 1), else_=0)), 0),
    ).where(cond)
    total, undated, imprecise = (await session.execute(totals)).one()
    return Timeline(
        bucket,
        group_by,
        int(total),
        int(undated),
        int(imprecise),
        group_count=int(groups[0][2]) if groups else 0,
        series=tuple(
            _series(ref, per_group.get(None if ref is None else ref.id, []), bucket) for ref in refs
        ),
    )
