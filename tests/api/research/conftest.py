"""Statements reported by several outlets, in other words and with other dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from schema import (
    Actor,
    ActorKind,
    Article,
    Attribution,
    DatePrecision,
    Outlet,
    OutletKind,
    Statement,
    StatementKind,
)
from tests import factories as f


@dataclass
class Reports:
    """One remark of Sudani's reported three times; ids are fixed."""

    outlets: list[Outlet]
    articles: list[Article]
    speaker: Actor
    statement: Statement
    attributions: list[Attribution]


@pytest.fixture
async def reports(session: AsyncSession) -> Reports:
    al_monitor = await f.create_outlet(
        session, id=1, name="Al-Monitor", country="US", kind=OutletKind.ONLINE
    )
    press_tv = await f.create_outlet(
        session,
        id=2,
        name="Press TV",
        country="IR",
        kind=OutletKind.STATE_MEDIA,
        state_affiliation="Iranian state broadcaster (IRIB)",
    )
    articles = [
        await f.create_article(
            session,
            id=1,
            outlet=al_monitor,
            title="Iraq no longer needs foreign combat troops, PM says",
            url="https://www.al-monitor.com/2023/08/iraq-troops",
            published_on=dt.date(2023, 8, 16),
            published_precision=DatePrecision.DAY,
        ),
        await f.create_article(
            session,
            id=2,
            outlet=press_tv,
            title="Iraqi PM: no need for U.S. forces",
            published_on=dt.date(2023, 8, 15),
            published_precision=DatePrecision.DAY,
            published_estimated=True,
        ),
        await f.create_article(session, id=3, title=None),
    ]
    sudani = await f.create_actor(
        session, id=1, name="Mohammed Shia al-Sudani", kind=ActorKind.PERSON
    )
    statement = await f.create_statement(
        session,
        id=1,
        text="Iraq no longer needs the presence of foreign combat forces on its soil",
        kind=StatementKind.MIXED,
        speaker=sudani,
        said_on=dt.date(2023, 8, 15),
        said_precision=DatePrecision.DAY,
        date_conflict=True,
    )
    attributions = [
        await f.create_attribution(
            session,
            id=1,
            statement=statement,
            article=articles[0],
            kind=StatementKind.MIXED,
            content='Iraq "no longer needs the presence of foreign combat forces on its soil,"',
            said_on=dt.date(2023, 8, 15),
            said_precision=DatePrecision.DAY,
            said_on_text="on 15 August",
        ),
        await f.create_attribution(
            session,
            id=2,
            statement=statement,
            article=articles[1],
            kind=StatementKind.INDIRECT,
            content="Iraq no longer needs U.S. forces",
            said_on=dt.date(2023, 8, 14),
            said_precision=DatePrecision.DAY,
            said_on_text="on Monday",
        ),
        await f.create_attribution(
            session,
            id=3,
            statement=statement,
            article=articles[2],
            kind=StatementKind.INDIRECT,
            content="the country does not need foreign troops",
            said_on=dt.date(2023, 8, 1),
            said_precision=DatePrecision.MONTH,
            said_on_text="in August",
        ),
    ]
    return Reports([al_monitor, press_tv], articles, sudani, statement, attributions)
