"""Renderings: each attribution of a statement with the article that carries it and the
article's outlet, loaded together for side-by-side views."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from schema import Article, Attribution, Outlet

__all__ = ["Rendering", "renderings"]


@dataclass(frozen=True, slots=True)
class Rendering:
    """One article's rendering of a statement, its article, and the article's outlet (None
    when the outlet is unknown)."""

    attribution: Attribution
    article: Article
    outlet: Outlet | None


async def renderings(session: AsyncSession, statement_ids: Sequence[int]) -> list[list[Rendering]]:
    """For each statement id, its renderings, earliest published first (articles without a
    date last), then in attribution id order. One query for all the statements."""
    stmt = (
        select(Attribution, Article, Outlet)
        .join(Article, Article.id == Attribution.article_id)
        .outerjoin(Outlet, Outlet.id == Article.outlet_id)
        .where(Attribution.statement_id.in_(set(statement_ids)))
        .order_by(
            Attribution.statement_id,
            Article.published_on.is_(None),
            Article.published_on,
            Attribution.id,
        )
    )
    grouped: dict[int, list[Rendering]] = {}
    for attribution, article, outlet in (await session.execute(stmt)).tuples():
        grouped.setdefault(attribution.statement_id, []).append(
            Rendering(attribution, article, outlet)
        )
    return [grouped.get(i, []) for i in statement_ids]
