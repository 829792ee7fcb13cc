"""REST research views: the cross-outlet comparison of a statement, and position histories.

* ``GET /api/v1/statements/{id}/compare``: the statement's renderings side by side (see
  ``api.research.compare``), the reference first;
* ``GET /api/v1/actors/{id}/positions?q=`` and ``GET /api/v1/positions?actor=&role=&q=``: what
  an actor, or a set of actors, said (on a subject) in date order, each statement with its
  renderings (see ``api.research.positions``), paged by ``limit`` and ``cursor``;
* ``GET /api/v1/timeline?bucket=month&group_by=speaker&...``: statements counted per bucket of
  time (see ``api.research.timeline``), filtered by the parameters of /api/v1/statements; as
  JSON, or one row per count as CSV or JSON Lines (``format``, or the ``Accept`` header).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from api import repository
from api.errors import InvalidParameter, NotFound
from api.filters import Search
from api.repository import positions as positions_repository
from api.repository import timeline as timeline_repository
from api.repository.positions import Position, PositionCursor, decode_position_cursor
from api.repository.renderings import Rendering, renderings
from api.research.compare import ComparedRendering, Comparison, compare
from api.research.timeline import Series, TimeBucket, Timeline, TimelineGroup
from api.rest.export import CONTENT_TYPES, Format, csv_lines, jsonl_lines, negotiate
from api.rest.filters import STATEMENT_FILTERS, statement_filter
from api.rest.params import check_known, parse_limit, parse_row_id
from api.rest.views import json_response
from schema import Actor, Outlet, Statement

__all__ = [
    "comparison_json",
    "position_json",
    "rendering_json",
    "research_routes",
    "statement_json",
    "timeline_json",
    "timeline_rows",
]

#: query parameters of the position histories
ACTOR_POSITION_PARAMS = ("q", "limit", "cursor")
POSITION_PARAMS = ("actor", "role", *ACTOR_POSITION_PARAMS)
#: query parameters of the timeline: its own, then the filters of /api/v1/statements
TIMELINE_PARAMS = ("bucket", "group_by", "top", "format", *(p.name for p in STATEMENT_FILTERS))
#: columns of a timeline as CSV or JSON Lines: one row per count
TIMELINE_COLUMNS = ("group_id", "group_name", "status", "start", "end", "count")
#: group_by that asks for one series for all
NO_GROUPING = "none"


def _speaker_json(speaker: Actor | None) -> dict[str, Any] | None:
    return None if speaker is None else {"id": speaker.id, "name": speaker.name}


def statement_json(statement: Statement, speaker: Actor | None) -> dict[str, Any]:
    """A statement's own fields as the research views show it."""
    return {
        "id": statement.id,
        "text": statement.text,
        "kind": statement.kind,
        "said_on": statement.said_on,
        "said_precision": statement.said_precision,
        "speaker": _speaker_json(speaker),
    }


def _outlet_json(outlet: Outlet | None) -> dict[str, Any] | None:
    if outlet is None:
        return None
    return {
        "id": outlet.id,
        "name": outlet.name,
        "country": outlet.country,
        "kind": outlet.kind,
        "state_affiliation": outlet.state_affiliation,
    }


def rendering_json(rendering: Rendering | ComparedRendering) -> dict[str, Any]:
    """One rendering: the attribution's wording, kind and date, its article and outlet."""
    a, article = rendering.attribution, rendering.article
    return {
        "attribution_id": a.id,
        "kind": a.kind,
        "content": a.content,
        "said_on": a.said_on,
        "said_precision": a.said_precision,
        "said_on_text": a.said_on_text,
        "article": {
            "id": article.id,
            "title": article.title,
            "url": article.url,
            "published_on": article.published_on,
            "published_precision": article.published_precision,
            "published_estimated": article.published_estimated,
        },
        "outlet": _outlet_json(rendering.outlet),
    }


def _compared_json(rendering: ComparedRendering) -> dict[str, Any]:
    return {
        **rendering_json(rendering),
        "is_reference": rendering.is_reference,
        "similarity": rendering.similarity,
        "diff": [
            {"op": s.op, "reference": s.reference, "rendering": s.rendering} for s in rendering.diff
        ],
        "added_words": list(rendering.added_words),
        "date_conflict": rendering.date_conflict,
    }


def comparison_json(comparison: Comparison) -> dict[str, Any]:
    return {
        "date_conflict": comparison.date_conflict,
        "renderings": [_compared_json(r) for r in comparison.renderings],
    }


def position_json(
    position: Position, speakers: dict[int, Actor], found: list[Rendering]
) -> dict[str, Any]:
    statement = position.statement
    speaker = None if statement.speaker_id is None else speakers.get(statement.speaker_id)
    return {
        "date": position.date,
        "date_basis": position.date_basis,
        "statement": statement_json(statement, speaker),
        "renderings": [rendering_json(r) for r in found],
    }


def _series_json(series: Series) -> dict[str, Any]:
    group = series.group
    return {
        "group": None if group is None else {"id": group.id, "name": group.name},
        "total": series.total,
        "undated": series.undated,
        "imprecise": series.imprecise,
        "buckets": [{"start": b.start, "end": b.end, "count": b.count} for b in series.buckets],
    }


def timeline_json(timeline: Timeline) -> dict[str, Any]:
    return {
        "bucket": timeline.bucket,
        "group_by": timeline.group_by,
        "total": timeline.total,
        "undated": timeline.undated,
        "imprecise": timeline.imprecise,
        "group_count": timeline.group_count,
        "series": [_series_json(s) for s in timeline.series],
    }


def timeline_rows(timeline: Timeline) -> list[tuple[Any, ...]]:
    """One row per count (``TIMELINE_COLUMNS``): each bucket of each series, then the series'
    undated and imprecise statements when it has any."""
    rows: list[tuple[Any, ...]] = []
    for series in timeline.series:
        group = series.group
        group_id, name = (None, None) if group is None else (group.id, group.name)
        rows += [(group_id, name, "dated", b.start, b.end, b.count) for b in series.buckets]
        if series.undated:
            rows.append((group_id, name, "undated", None, None, series.undated))
        if series.imprecise:
            rows.append((group_id, name, "imprecise", None, None, series.imprecise))
    return rows


def _choice(request: Request, name: str, kind: type[TimeBucket] | type[TimelineGroup]) -> Any:
    value = _one(request, name)
    if value is None:
        return None
    try:
        return kind(value.strip().lower())
    except ValueError:
        allowed = [m.value for m in kind] + ([NO_GROUPING] if kind is TimelineGroup else [])
        raise InvalidParameter(
            f"{name} {value!r} is not one of {', '.join(allowed)}",
            {"parameter": name, "value": value, "allowed": allowed},
        ) from None


def _top(value: str | None) -> int:
    most = timeline_repository.MAX_TOP
    if value is None:
        return 10
    if value.isascii() and value.isdigit() and 1 <= int(value) <= most:
        return int(value)
    raise InvalidParameter(
        f"top must be a whole number from 1 to {most}, got {value!r}: it is how many series "
        "(the groups with the most statements) the timeline has",
        {"parameter": "top", "value": value, "min": 1, "max": most},
    )


def _one(request: Request, name: str) -> str | None:
    values = request.query_params.getlist(name)
    if len(values) > 1:
        raise InvalidParameter(
            f"{name} is given {len(values)} times: give it once", {"parameter": name}
        )
    if values and not values[0].strip():
        raise InvalidParameter(
            f"{name} is empty: give a value, or leave {name} out", {"parameter": name}
        )
    return values[0] if values else None


def _search(request: Request) -> Search | None:
    q = _one(request, "q")
    return None if q is None else Search(q)


class ResearchViews:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self.sessions = sessions

    async def compare(self, request: Request) -> Response:
        check_known(request.query_params, ())
        statement_id = parse_row_id(
            request.path_params["id"], resource="statement", path="statements"
        )
        async with self.sessions() as session:
            statement = await repository.statement_with_speaker(session, statement_id)
            if statement is None:
                raise NotFound(
                    f"there is no statement with id {statement_id}: list statements at "
                    "/api/v1/statements to find the ids there are",
                    {"resource": "statement", "id": statement_id},
                )
            found = (await renderings(session, [statement_id]))[0]
            body = {
                "statement": statement_json(statement, statement.speaker),
                **comparison_json(compare(found)),
            }
        return json_response({"data": body})

    async def _positions_page(
        self,
        request: Request,
        session: AsyncSession,
        actor_ids: list[int],
        search: Search | None,
        limit: int,
        after: PositionCursor | None,
    ) -> Response:
        page = await positions_repository.positions(
            session, actor_ids, search=search, first=limit, after=after
        )
        statements = [p.statement for p in page.rows]
        found = await renderings(session, [s.id for s in statements])
        speaker_ids = sorted({s.speaker_id for s in statements if s.speaker_id is not None})
        speakers = {
            a.id: a for a in await repository.by_ids(session, Actor, speaker_ids) if a is not None
        }
        data = [position_json(p, speakers, f) for p, f in zip(page.rows, found, strict=True)]
        next_cursor = page.rows[-1].cursor if page.has_next else None
        next_url = (
            str(request.url.include_query_params(limit=limit, cursor=next_cursor))
            if next_cursor
            else None
        )
        return json_response(
            {"data": data, "next_cursor": next_cursor, "links": {"next": next_url}}
        )

    async def actor_positions(self, request: Request) -> Response:
        check_known(request.query_params, ACTOR_POSITION_PARAMS)
        actor_id = parse_row_id(request.path_params["id"], resource="actor", path="actors")
        limit = parse_limit(_one(request, "limit"))
        after = decode_position_cursor(_one(request, "cursor"), parameter="cursor")
        search = _search(request)
        async with self.sessions() as session:
            if await repository.get(session, Actor, actor_id) is None:
                raise NotFound(
                    f"there is no actor with id {actor_id}: list actors at /api/v1/actors to "
                    "find the ids there are",
                    {"resource": "actor", "id": actor_id},
                )
            return await self._positions_page(request, session, [actor_id], search, limit, after)

    async def positions(self, request: Request) -> Response:
        check_known(request.query_params, POSITION_PARAMS)
        actor_ids = [
            parse_row_id(v, resource="actor", path="actors")
            for v in request.query_params.getlist("actor")
        ]
        role = _one(request, "role")
        if not actor_ids and role is None:
            raise InvalidParameter(
                "give the actors whose positions you want: actor=<id> (several times for "
                "several), role=<title> (e.g. role=prime minister), or both",
                {"parameter": "actor"},
            )
        limit = parse_limit(_one(request, "limit"))
        after = decode_position_cursor(_one(request, "cursor"), parameter="cursor")
        search = _search(request)
        async with self.sessions() as session:
            if role is not None:
                actor_ids += await positions_repository.actor_ids_with_role(session, role)
            return await self._positions_page(request, session, actor_ids, search, limit, after)

    async def timeline(self, request: Request) -> Response:
        check_known(request.query_params, TIMELINE_PARAMS)
        bucket = _choice(request, "bucket", TimeBucket)
        if bucket is None:
            raise InvalidParameter(
                "bucket is required: count statements per day, week, month or year (bucket=month)",
                {"parameter": "bucket", "allowed": [b.value for b in TimeBucket]},
            )
        grouping = _one(request, "group_by")
        group_by = None if grouping == NO_GROUPING else _choice(request, "group_by", TimelineGroup)
        top = _top(_one(request, "top"))
        fmt = negotiate(request)
        spec = statement_filter(request.query_params)
        async with self.sessions() as session:
            found = await timeline_repository.timeline(
                session, spec, bucket=bucket, group_by=group_by, top=top
            )
        if fmt is Format.JSON:
            return json_response({"data": timeline_json(found)})
        encode = csv_lines if fmt is Format.CSV else jsonl_lines
        extension = "csv" if fmt is Format.CSV else "jsonl"
        return Response(
            encode(TIMELINE_COLUMNS)(timeline_rows(found), True),
            media_type=CONTENT_TYPES[fmt],
            headers={"Content-Disposition": f'attachment; filename="timeline.{extension}"'},
        )


def research_routes(sessions: async_sessionmaker[AsyncSession]) -> list[BaseRoute]:
    """The research views' routes, relative to /api/v1."""
    views = ResearchViews(sessions)
    return [
        Route(
            "/statements/{id}/compare",
            views.compare,
            methods=["GET"],
            name="statement_comparison",
        ),
        Route(
            "/actors/{id}/positions", views.actor_positions, methods=["GET"], name="actor_positions"
        ),
        Route("/positions", views.positions, methods=["GET"], name="positions"),
        Route("/timeline", views.timeline, methods=["GET"], name="timeline"),
    ]
