"""REST research views: the cross-outlet comparison of a statement.

``GET /api/v1/statements/{id}/compare``: the statement's renderings side by side (see
``api.research.compare``), the reference first.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from api import repository
from api.errors import NotFound
from api.repository.renderings import Rendering, renderings
from api.research.compare import ComparedRendering, Comparison, compare
from api.rest.params import check_known, parse_row_id
from api.rest.views import json_response
from schema import Actor, Outlet, Statement

__all__ = ["comparison_json", "rendering_json", "research_routes", "statement_json"]


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
            {"op": s.op, "reference": s.reference, "rendering": s.rendering}
            for s in rendering.diff
        ],
        "added_words": list(rendering.added_words),
        "date_conflict": rendering.date_conflict,
    }


def comparison_json(comparison: Comparison) -> dict[str, Any]:
    return {
        "date_conflict": comparison.date_conflict,
        "renderings": [_compared_json(r) for r in comparison.renderings],
    }


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
                **comparison_json(compare(statement_id, found)),
            }
        return json_response({"data": body})


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
    ]
