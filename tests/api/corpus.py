"""A small corpus with fixed ids for the research-query tests (filters, orders, exports).

Seven statements by four speakers (one joint), reported by five articles of two known
outlets and unknown ones, about places in a three-level hierarchy::

    Iraq (1) ─┬─ Anbar (2) ─┬─ Ramadi (3)
              │             └─ Ain al-Asad (4, "Ayn al-Asad")
              └─ Baghdad (5)
    Syria (6)

=====  ==========  ======  ====  ==========  ===========  ============  ==================
 id    speaker     kind    lang  said_on     reported by  first report  places
=====  ==========  ======  ====  ==========  ===========  ============  ==================
 1     Sudani      mixed   en    2023-08-14  art 1, 2     2023-08-15    at Baghdad; Ain al-Asad
 2     Sudani      direct  en    2023-01     art 3        2023-01-16
 3     Sudani      indir.  en    —           art 4        2024-02-12
 4     Kadhimi     direct  en    2021-07-25  art 5, 4     2021-07-25
 5     source      indir.  en    2023-08-13  art 1        2023-08-16    at Ramadi; Ain al-Asad
 6     Biden+Kadh. indir.  en    2021-07-26  art 5        2021-07-25
 7     Sudani      direct  ar    —           art 3        2023-01-16    Syria
=====  ==========  ======  ====  ==========  ===========  ============  ==================

Articles 1 (Al-Monitor, 2023-08-16), 2 (Press TV, 2023-08-15), 3 (outlet unknown,
2023-01-16), 4 (Press TV, 2024-02-12), 5 (outlet unknown, 2021-07-25). Statement 1's two
reports give different dates (a date conflict). Statements 3 and 5 mention the United States.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.ext.asyncio import AsyncSession

from api.filters import normalize_name
from schema import (
    ActorKind,
    DatePrecision,
    LocationKind,
    OutletKind,
    StatementKind,
)
from tests import factories as f

__all__ = ["build_corpus"]

DIRECT, INDIRECT, MIXED = StatementKind.DIRECT, StatementKind.INDIRECT, StatementKind.MIXED
DAY = DatePrecision.DAY


async def build_corpus(session: AsyncSession) -> None:
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
            title="Iraq no longer needs foreign combat forces, PM says",
            url="https://www.al-monitor.com/2023/08/iraq-forces",
            published_on=dt.date(2023, 8, 16),
            published_precision=DAY,
        ),
        await f.create_article(
            session,
            id=2,
            outlet=press_tv,
            title="Iraqi PM: no need for foreign troops",
            url="https://www.presstv.ir/Detail/2023/08/15/iraq",
            published_on=dt.date(2023, 8, 15),
            published_precision=DAY,
        ),
        await f.create_article(
            session,
            id=3,
            title="Interview",
            published_on=dt.date(2023, 1, 16),
            published_precision=DAY,
        ),
        await f.create_article(
            session,
            id=4,
            outlet=press_tv,
            title="PM: Iraq No Longer Needs U.S. Forces",
            published_on=dt.date(2024, 2, 12),
            published_precision=DAY,
            published_estimated=True,
        ),
        await f.create_article(
            session, id=5, title="Kadhimi in Washington", published_on=dt.date(2021, 7, 25)
        ),
    ]
    a1, a2, a3, a4, a5 = articles

    sudani = await f.create_actor(session, id=1, name="Mohammed Shia al-Sudani")
    kadhimi = await f.create_actor(session, id=2, name="Mustafa al-Kadhimi")
    us = await f.create_actor(session, id=3, name="United States", kind=ActorKind.STATE)
    source = await f.create_actor(
        session, id=4, name="security source in Anbar", kind=ActorKind.ANONYMOUS
    )
    biden = await f.create_actor(session, id=5, name="Joe Biden")
    alias_id = iter(range(1, 100))
    for actor, aliases in [
        (sudani, ["Mohammed Shia al-Sudani", "Sudani", "محمد شياع السوداني"]),
        (kadhimi, ["Mustafa al-Kadhimi", "Kadhimi"]),
        (us, ["United States", "US", "U.S."]),
        (biden, ["Joe Biden", "Biden"]),
    ]:
        for alias in aliases:
            await f.create_actor_alias(
                session, actor, id=next(alias_id), alias=alias, normalized=normalize_name(alias)
            )

    iraq = await f.create_location(
        session, id=1, name="Iraq", kind=LocationKind.COUNTRY, country_code="IQ"
    )
    anbar = await f.create_location(
        session, id=2, name="Anbar", kind=LocationKind.PROVINCE, parent=iraq, country_code="IQ"
    )
    ramadi = await f.create_location(session, id=3, name="Ramadi", parent=anbar, country_code="IQ")
    ain_al_asad = await f.create_location(
        session,
        id=4,
        name="Ain al-Asad",
        kind=LocationKind.MILITARY_BASE,
        parent=anbar,
        icao="ORAA",
    )
    baghdad = await f.create_location(session, id=5, name="Baghdad", parent=iraq, country_code="IQ")
    syria = await f.create_location(
        session, id=6, name="Syria", kind=LocationKind.COUNTRY, country_code="SY"
    )
    for i, (place, alias) in enumerate(
        [(anbar, "al-Anbar"), (anbar, "الأنبار"), (ain_al_asad, "Ayn al-Asad")], start=1
    ):
        await f.create_location_alias(
            session, place, id=i, alias=alias, normalized=normalize_name(alias)
        )

    s1 = await f.create_statement(
        session,
        id=1,
        text="Iraq no longer needs foreign combat forces",
        kind=MIXED,
        language="en",
        speaker=sudani,
        said_on=dt.date(2023, 8, 14),
        said_precision=DAY,
        date_conflict=True,
        location=baghdad,
    )
    s2 = await f.create_statement(
        session,
        id=2,
        text="We need the foreign forces.",
        kind=DIRECT,
        language="en",
        speaker=sudani,
        said_on=dt.date(2023, 1, 1),
        said_precision=DatePrecision.MONTH,
    )
    s3 = await f.create_statement(
        session,
        id=3,
        text="Iraq No Longer Needs U.S. Forces",
        kind=INDIRECT,
        language="en",
        speaker=sudani,
    )
    s4 = await f.create_statement(
        session,
        id=4,
        text="No need for any foreign combat forces on Iraqi soil",
        kind=DIRECT,
        language="en",
        speaker=kadhimi,
        said_on=dt.date(2021, 7, 25),
        said_precision=DAY,
    )
    s5 = await f.create_statement(
        session,
        id=5,
        text="planes carrying US soldiers landed at Ain al-Asad",
        kind=INDIRECT,
        language="en",
        speaker=source,
        said_on=dt.date(2023, 8, 13),
        said_precision=DAY,
        location=ramadi,
    )
    s6 = await f.create_statement(
        session,
        id=6,
        text="the combat mission will end by the close of the year",
        kind=INDIRECT,
        language="en",
        speaker=biden,
        said_on=dt.date(2021, 7, 26),
        said_precision=DAY,
    )
    await f.add_co_speaker(session, s6, kadhimi)
    s7 = await f.create_statement(
        session, id=7, text="لا حاجة لقوات أجنبية", kind=DIRECT, language="ar", speaker=sudani
    )

    attribution_id = iter(range(1, 100))
    for statement, article, values in [
        (s1, a1, {"said_on": dt.date(2023, 8, 15), "said_on_text": "on 15 August"}),
        (s1, a2, {"said_on": dt.date(2023, 8, 14), "said_on_text": "on Monday"}),
        (s2, a3, {}),
        (s3, a4, {}),
        (s4, a5, {"said_on": dt.date(2021, 7, 25), "said_on_text": "on Sunday"}),
        (s4, a4, {}),
        (s5, a1, {}),
        (s6, a5, {}),
        (s7, a3, {}),
    ]:
        precision = {"said_precision": DAY} if values else {}
        await f.create_attribution(
            session,
            id=next(attribution_id),
            statement=statement,
            article=article,
            cue="said",
            **values,
            **precision,
        )
    await f.mention_location(session, s1, ain_al_asad, id=1, attribution_id=1)
    await f.mention_location(session, s5, ain_al_asad, id=2, attribution_id=7)
    await f.mention_location(session, s7, syria, id=3, attribution_id=9)
    await f.mention_actor(session, s3, us, id=1, attribution_id=4)
    await f.mention_actor(session, s5, us, id=2, attribution_id=7)
