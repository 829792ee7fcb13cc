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


@dataclass
class History:
    """Two prime ministers over three years, on foreign forces and other things; ids fixed.

    Statement 1 (Kadhimi) is dated by its report only (25 July 2021); 2 is joint, Biden's
    with Kadhimi, said 26 July 2021; 3 (Sudani) is dated by its report (16 January 2023); 4
    was said 15 August 2023 and is reported by two outlets; 5 is dated by its report
    (12 February 2024); 6 is not about foreign forces; 7 has no date at all.
    """

    actors: list[Actor]
    statements: list[Statement]


@pytest.fixture
async def history(session: AsyncSession) -> History:
    al_monitor = await f.create_outlet(
        session, id=1, name="Al-Monitor", country="US", kind=OutletKind.ONLINE
    )
    press_tv = await f.create_outlet(
        session, id=2, name="Press TV", country="IR", kind=OutletKind.STATE_MEDIA
    )
    d = dt.date
    a1 = await f.create_article(
        session, id=1, outlet=press_tv, title="Kadhimi", published_on=d(2021, 7, 25)
    )
    a2 = await f.create_article(
        session, id=2, outlet=al_monitor, title="Sudani interview", published_on=d(2023, 1, 16)
    )
    a3 = await f.create_article(
        session, id=3, outlet=al_monitor, title="No longer", published_on=d(2023, 8, 16)
    )
    a4 = await f.create_article(
        session, id=4, outlet=press_tv, title="Monday", published_on=d(2023, 8, 15)
    )
    a5 = await f.create_article(session, id=5, title="Justifications", published_on=d(2024, 2, 12))
    a6 = await f.create_article(session, id=6, title="Undated")
    sudani = await f.create_actor(session, id=1, name="Mohammed Shia al-Sudani")
    kadhimi = await f.create_actor(session, id=2, name="Mustafa al-Kadhimi")
    biden = await f.create_actor(session, id=3, name="Joe Biden")
    await f.create_actor_role(session, sudani, title="Prime Minister")
    await f.create_actor_role(session, kadhimi, title="prime minister")
    await f.create_actor_role(session, biden, title="President")

    async def said(
        id: int,
        speaker: Actor,
        text: str,
        articles: list[tuple[int, Article, str | None]],
        said_on: dt.date | None = None,
        kind: StatementKind = StatementKind.INDIRECT,
    ) -> Statement:
        statement = await f.create_statement(
            session,
            id=id,
            speaker=speaker,
            text=text,
            kind=kind,
            said_on=said_on,
            said_precision=None if said_on is None else DatePrecision.DAY,
        )
        for attribution_id, article, date_words in articles:
            await f.create_attribution(
                session,
                id=attribution_id,
                statement=statement,
                article=article,
                said_on_text=date_words,
            )
        return statement

    statements = [
        await said(
            1,
            kadhimi,
            "There is no need for any foreign combat forces on Iraqi soil",
            [(1, a1, None)],
            kind=StatementKind.DIRECT,
        ),
        await said(
            2,
            biden,
            "the U.S. combat mission in Iraq will end by the end of the year",
            [(2, a1, "on Monday")],
            said_on=d(2021, 7, 26),
        ),
        await said(3, sudani, "We need the foreign forces", [(3, a2, None)]),
        await said(
            4,
            sudani,
            "Iraq no longer needs foreign combat forces",
            [(4, a3, "on 15 August"), (5, a4, "on Monday")],
            said_on=d(2023, 8, 15),
        ),
        await said(
            5,
            sudani,
            "The justifications for the foreign forces' existence have ended",
            [(6, a5, None)],
        ),
        await said(
            6,
            sudani,
            "We strive for good relations with Iran",
            [(7, a2, None)],
            said_on=d(2023, 1, 10),
        ),
        await said(7, sudani, "foreign forces remain welcome as advisers", [(8, a6, None)]),
    ]
    await f.add_co_speaker(session, statements[1], kadhimi)
    return History([sudani, kadhimi, biden], statements)


@dataclass
class Calendar:
    """Eight statements around week, month and year boundaries; ids fixed.

    1 Sun 13 Aug 2023 and 2 Mon 14 Aug (Sudani, in Baghdad; 2 reported by both outlets);
    3 Tue 15 Aug (Kadhimi, jointly with Sudani); 4 "August 2023" (month precision, Sudani);
    5 "2023" (year precision, Kadhimi, reported by an article of unknown outlet); 6 undated
    (Sudani, unknown outlet); 7 Mon 1 Jan 2024 (no speaker); 8 Sun 31 Dec 2023 (Kadhimi).
    """

    statements: list[Statement]


@pytest.fixture
async def calendar(session: AsyncSession) -> Calendar:
    al_monitor = await f.create_outlet(session, id=1, name="Al-Monitor")
    press_tv = await f.create_outlet(session, id=2, name="Press TV")
    ar1 = await f.create_article(session, id=1, outlet=al_monitor)
    ar2 = await f.create_article(session, id=2, outlet=press_tv)
    ar3 = await f.create_article(session, id=3)
    sudani = await f.create_actor(session, id=1, name="Mohammed Shia al-Sudani")
    kadhimi = await f.create_actor(session, id=2, name="Mustafa al-Kadhimi")
    baghdad = await f.create_location(session, id=1, name="Baghdad")
    d = dt.date
    day, month, year = DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR
    rows: list[tuple[Actor | None, str, dt.date | None, DatePrecision | None, list[Article]]] = [
        (sudani, "foreign forces on Sunday", d(2023, 8, 13), day, [ar1]),
        (sudani, "no longer needs foreign forces", d(2023, 8, 14), day, [ar1, ar2]),
        (kadhimi, "a joint declaration on the mission", d(2023, 8, 15), day, [ar2]),
        (sudani, "said some time in August", d(2023, 8, 1), month, [ar1]),
        (kadhimi, "said some time in 2023", d(2023, 1, 1), year, [ar3]),
        (sudani, "said at a time nobody wrote down", None, None, [ar3]),
        (None, "a new year", d(2024, 1, 1), day, [ar2]),
        (kadhimi, "the last day of 2023", d(2023, 12, 31), day, [ar1]),
    ]
    statements = []
    for i, (speaker, text, said_on, precision, articles) in enumerate(rows, start=1):
        statement = await f.create_statement(
            session,
            id=i,
            text=text,
            speaker=speaker,
            said_on=said_on,
            said_precision=precision,
            location=baghdad if i in (1, 2) else None,
        )
        for article in articles:
            await f.create_attribution(session, statement=statement, article=article)
        statements.append(statement)
    await f.add_co_speaker(session, statements[2], sudani)
    return Calendar(statements)
