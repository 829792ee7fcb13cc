"""The write stage on a real database: what one article becomes, merging across articles,
idempotence and a constant number of SQL statements per article."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from schema import (
    Actor,
    ActorAlias,
    ActorKind,
    ActorRole,
    Article,
    Attribution,
    DatePrecision,
    IngestRun,
    Location,
    LocationAlias,
    LocationKind,
    Medium,
    Outlet,
    OutletKind,
    Statement,
    StatementActor,
    StatementKind,
    StatementLocation,
    StatementSpeaker,
)
from seed.records import (
    ActorRef,
    ArticleMeta,
    ArticleStructure,
    ExtractedArticle,
    ExtractedAttribution,
    LocationRef,
    Mention,
    OutletInfo,
    RawArticle,
    Repair,
    RoleRef,
    Span,
)
from seed.write import (
    dates_gap,
    normalize_name,
    start_run,
    write_article,
)

# ---------------------------------------------------------------------------------------------
# factories: ExtractedArticle records as the pipeline gives them

IRAQ = LocationRef(
    "Iraq",
    LocationKind.COUNTRY,
    country_code="IQ",
    latitude=33.0,
    longitude=44.0,
    geonames_id=99237,
)
ANBAR = LocationRef(
    "Anbar", LocationKind.PROVINCE, parent=IRAQ, country_code="IQ", aliases=("Al Anbar",)
)
AIN_AL_ASAD = LocationRef(
    "Ain al-Asad",
    LocationKind.MILITARY_BASE,
    parent=ANBAR,
    country_code="IQ",
    latitude=33.8,
    longitude=42.44,
    icao="ORAA",
    aliases=("Ayn al-Asad", "عين الأسد"),
)
SUDANI = ActorRef(
    "Mohammed Shia al-Sudani",
    ActorKind.PERSON,
    aliases=("Sudani", "Mohammed al-Sudani"),
    roles=(RoleRef("Prime Minister", organization="Government of Iraq"),),
)
PMF = ActorRef(
    "Popular Mobilization Forces",
    ActorKind.ARMED_GROUP,
    aliases=("PMF", "Popular Mobilization Units", "الحشد الشعبي"),
)


def att(
    text: str,
    content: str,
    *,
    speaker: ActorRef | None = None,
    kind: StatementKind = StatementKind.DIRECT,
    said_on: dt.date | None = None,
    precision: DatePrecision | None = DatePrecision.DAY,
    key: str | None = None,
    co_speakers: Sequence[ActorRef] = (),
    actors: Sequence[tuple[str, ActorRef]] = (),
    places: Sequence[tuple[str, LocationRef]] = (),
    cue: str | None = None,
    speaker_text: str | None = None,
    medium: Medium | None = None,
) -> ExtractedAttribution:
    """An attribution of ``content`` (which must occur in ``text``), with spans computed."""
    start = text.index(content)
    end = start + len(content)

    def span(s: str | None) -> Span | None:
        if s is None:
            return None
        i = text.index(s)
        return Span(i, i + len(s))

    return ExtractedAttribution(
        kind=kind,
        content=content,
        start=start,
        end=end,
        fragments=(Span(start, end),),
        speaker_text=speaker_text or (speaker.name if speaker and speaker.name in text else None),
        speaker_span=span(
            speaker_text or (speaker.name if speaker and speaker.name in text else None)
        ),
        speaker=speaker,
        co_speakers=tuple(co_speakers),
        cue=cue,
        cue_span=span(cue),
        said_on=said_on,
        said_precision=precision if said_on else None,
        said_on_text=None,
        language="en",
        medium=medium,
        confidence=0.9,
        actor_mentions=tuple(
            Mention(span(words) or Span(0, 0), words, actor=ref) for words, ref in actors
        ),
        location_mentions=tuple(
            Mention(span(words) or Span(0, 0), words, location=ref) for words, ref in places
        ),
        statement_key=key,
    )


def article(
    text: str,
    attributions: Sequence[ExtractedAttribution] = (),
    *,
    name: str = "article.txt",
    outlet: OutletInfo | None = None,
    published: dt.date | None = None,
    repairs: Sequence[Repair] = (),
    warnings: Sequence[str] = (),
) -> ExtractedArticle:
    raw = RawArticle(
        file_name=name,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
        repairs=tuple(repairs),
    )
    first_line = text.split("\n", 1)[0]
    return ExtractedArticle(
        raw=raw,
        structure=ArticleStructure(title=Span(0, len(first_line))),
        meta=ArticleMeta(
            outlet=outlet,
            published_on=published,
            published_precision=DatePrecision.DAY if published else None,
            published_estimated=published is not None,
            languages=("en",),
        ),
        attributions=tuple(attributions),
        warnings=tuple(warnings),
    )


ARTICLE_A = (
    "Iraqi PM says no need for foreign troops\n"
    "Prime Minister Mohammed Shia al-Sudani said on 15 August that Iraq “no longer needs the "
    "presence of foreign combat forces on its soil,” speaking at Ain al-Asad in Anbar. "
    "“We are conducting advanced dialogues with the coalition,” he said, alongside the "
    "Popular Mobilization Forces commander."
)


def article_a(**kwargs: Any) -> ExtractedArticle:
    text = ARTICLE_A
    return article(
        text,
        [
            att(
                text,
                "no longer needs the presence of foreign combat forces on its soil,",
                speaker=SUDANI,
                kind=StatementKind.MIXED,
                said_on=dt.date(2023, 8, 15),
                cue="said",
                key="a-1",
                places=[("Ain al-Asad", AIN_AL_ASAD), ("Anbar", ANBAR)],
            ),
            att(
                text,
                "“We are conducting advanced dialogues with the coalition,”",
                speaker=SUDANI,
                speaker_text="he",
                co_speakers=[PMF],
                actors=[("Popular Mobilization Forces", PMF)],
                medium=Medium.PRESS_CONFERENCE,
            ),
        ],
        name="a.txt",
        outlet=OutletInfo("The New Arab", domain="newarab.com", kind=OutletKind.ONLINE),
        published=dt.date(2023, 8, 16),
        repairs=[Repair(10, 11, "Ìý", " ", "GBK mojibake of a no-break space")],
        warnings=["outlet inferred from the text"],
    )


# ---------------------------------------------------------------------------------------------
# database snapshots: every row by its natural key, without ids, times or run provenance


async def snapshot(session: AsyncSession) -> dict[str, list[tuple[Any, ...]]]:
    """The loader's rows by content, comparable across databases and runs."""
    actor_names = dict((await session.execute(select(Actor.id, Actor.name))).tuples().all())
    place_rows = (
        await session.execute(select(Location.id, Location.name, Location.parent_id))
    ).all()
    places = {r.id: (r.name, r.parent_id) for r in place_rows}

    def place_path(place_id: int) -> str:
        name, parent_id = places[place_id]
        return f"{place_path(parent_id)}/{name}" if parent_id else name

    place_paths = {r.id: place_path(r.id) for r in place_rows}
    article_shas = dict(
        (await session.execute(select(Article.id, Article.raw_sha256))).tuples().all()
    )
    outlet_names = dict((await session.execute(select(Outlet.id, Outlet.name))).tuples().all())
    attribution_keys = {
        r.id: (article_shas[r.article_id], r.content_start)
        for r in await session.execute(
            select(Attribution.id, Attribution.article_id, Attribution.content_start)
        )
    }
    statement_keys: dict[int, tuple[Any, ...]] = {}
    for r in await session.execute(
        select(Attribution.statement_id, Attribution.id).order_by(Attribution.id)
    ):
        statement_keys.setdefault(r.statement_id, attribution_keys[r.id])

    def rows(result: Any) -> list[tuple[Any, ...]]:
        return sorted((tuple(r) for r in result), key=repr)

    return {
        "outlet": rows(
            await session.execute(
                select(Outlet.name, Outlet.domain, Outlet.country, Outlet.kind, Outlet.language)
            )
        ),
        "article": rows(
            (outlet_names.get(r[0]), *r[1:])
            for r in await session.execute(
                select(
                    Article.outlet_id,
                    Article.raw_sha256,
                    Article.file_name,
                    Article.title,
                    Article.published_on,
                    Article.published_precision,
                    Article.published_estimated,
                    Article.languages,
                    Article.repairs,
                    Article.encoding,
                    Article.text,
                )
            )
        ),
        "actor": rows(await session.execute(select(Actor.name, Actor.kind, Actor.description))),
        "actor_alias": rows(
            (actor_names[r[0]], *r[1:])
            for r in await session.execute(
                select(ActorAlias.actor_id, ActorAlias.alias, ActorAlias.normalized)
            )
        ),
        "actor_role": rows(
            (actor_names[r[0]], *r[1:3], article_shas.get(r[3]), *r[4:])
            for r in await session.execute(
                select(
                    ActorRole.actor_id,
                    ActorRole.title,
                    ActorRole.organization,
                    ActorRole.evidence_article_id,
                    ActorRole.evidence_start,
                    ActorRole.evidence_end,
                )
            )
        ),
        "location": rows(
            (place_paths[r[0]], *r[1:])
            for r in await session.execute(
                select(
                    Location.id,
                    Location.kind,
                    Location.latitude,
                    Location.longitude,
                    Location.icao,
                    Location.geonames_id,
                )
            )
        ),
        "location_alias": rows(
            (place_paths[r[0]], *r[1:])
            for r in await session.execute(
                select(LocationAlias.location_id, LocationAlias.alias, LocationAlias.normalized)
            )
        ),
        "statement": rows(
            (statement_keys.get(r[0]), actor_names.get(r[1]), *r[2:])
            for r in await session.execute(
                select(
                    Statement.id,
                    Statement.speaker_id,
                    Statement.text,
                    Statement.kind,
                    Statement.said_on,
                    Statement.said_precision,
                    Statement.date_conflict,
                    Statement.medium,
                )
            )
        ),
        "attribution": rows(
            (attribution_keys[r[0]], statement_keys[r[1]], actor_names.get(r[2]), *r[3:])
            for r in await session.execute(
                select(
                    Attribution.id,
                    Attribution.statement_id,
                    Attribution.speaker_id,
                    Attribution.content,
                    Attribution.content_end,
                    Attribution.fragments,
                    Attribution.speaker_text,
                    Attribution.cue,
                    Attribution.said_on,
                    Attribution.kind,
                )
            )
        ),
        "statement_speaker": rows(
            (statement_keys[r[0]], actor_names[r[1]])
            for r in await session.execute(
                select(StatementSpeaker.statement_id, StatementSpeaker.actor_id)
            )
        ),
        "statement_actor": rows(
            (statement_keys[r[0]], actor_names[r[1]], attribution_keys[r[2]], r[3], r[4])
            for r in await session.execute(
                select(
                    StatementActor.statement_id,
                    StatementActor.actor_id,
                    StatementActor.attribution_id,
                    StatementActor.start,
                    StatementActor.end,
                )
            )
        ),
        "statement_location": rows(
            (statement_keys[r[0]], place_paths[r[1]], attribution_keys[r[2]], r[3], r[4])
            for r in await session.execute(
                select(
                    StatementLocation.statement_id,
                    StatementLocation.location_id,
                    StatementLocation.attribution_id,
                    StatementLocation.start,
                    StatementLocation.end,
                )
            )
        ),
    }


TABLES = (
    Outlet,
    Article,
    Actor,
    ActorAlias,
    ActorRole,
    Location,
    LocationAlias,
    Statement,
    StatementSpeaker,
    Attribution,
    StatementActor,
    StatementLocation,
)


async def row_counts(session: AsyncSession) -> dict[str, int]:
    return {
        t.__tablename__: int(await session.scalar(select(func.count()).select_from(t)) or 0)
        for t in TABLES
    }


async def write(
    sessions: async_sessionmaker[AsyncSession],
    x: ExtractedArticle,
    run_id: int | None = None,
    vectors: Any = None,
) -> Any:
    """One article in a transaction of its own, as the loader writes it."""
    async with sessions() as s, s.begin():
        return await write_article(s, run_id, x, extractor_version="test/1", vectors=vectors)


# ---------------------------------------------------------------------------------------------
# pure helpers


def test_normalize_name_folds_case_accents_punctuation() -> None:
    assert normalize_name("Ayn al-Asad") == "ayn al asad"
    assert normalize_name("  Mohammed  Shia AL-SUDANI ") == "mohammed shia al sudani"
    assert normalize_name("Hélène d’Arc") == "helene d arc"
    assert normalize_name("مستعمَرة") == "مستعمرة"  # vowel mark dropped, letters kept


def test_dates_gap_respects_precision() -> None:
    aug15, aug14 = dt.date(2023, 8, 15), dt.date(2023, 8, 14)
    assert dates_gap(aug15, DatePrecision.DAY, aug14, DatePrecision.DAY) == 1
    assert dates_gap(aug15, DatePrecision.DAY, dt.date(2023, 8, 1), DatePrecision.MONTH) == 0
    assert dates_gap(aug15, DatePrecision.DAY, dt.date(2023, 1, 1), DatePrecision.YEAR) == 0
    assert dates_gap(aug15, DatePrecision.DAY, dt.date(2023, 9, 1), DatePrecision.MONTH) == 17


# ---------------------------------------------------------------------------------------------
# one article


async def test_writes_article_and_everything_extracted_from_it(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with sessions() as s, s.begin():
        run_id = await start_run(s, "test", ["a.txt"])
    result = await write(sessions, article_a(), run_id)
    assert result.new
    assert (result.statements_new, result.attributions, result.statements_merged) == (2, 2, 0)
    assert (result.actors_new, result.places_new, result.outlets_new) == (2, 3, 1)
    assert (result.repairs, result.warnings) == (1, 1)

    async with sessions() as s:
        outlet = (await s.scalars(select(Outlet))).one()
        assert (outlet.name, outlet.domain, outlet.kind) == (
            "The New Arab",
            "newarab.com",
            "online",
        )
        assert outlet.country is None and outlet.state_affiliation is None  # unknown stays unknown

        a = (await s.scalars(select(Article))).one()
        assert a.outlet_id == outlet.id and a.ingest_run_id == run_id
        assert a.title == "Iraqi PM says no need for foreign troops"
        assert (a.published_on, a.published_precision, a.published_estimated) == (
            dt.date(2023, 8, 16),
            DatePrecision.DAY,
            True,
        )
        assert a.languages == ["en"] and a.text == ARTICLE_A
        assert a.repairs == [
            {
                "start": 10,
                "end": 11,
                "before": "Ìý",
                "after": " ",
                "reason": "GBK mojibake of a no-break space",
                "raw_offset": None,
            }
        ]

        actors = {x.name: x for x in await s.scalars(select(Actor))}
        sudani, pmf = actors["Mohammed Shia al-Sudani"], actors["Popular Mobilization Forces"]
        assert (sudani.kind, pmf.kind) == (ActorKind.PERSON, ActorKind.ARMED_GROUP)
        aliases = {
            (r.alias, r.normalized, r.language)
            for r in await s.scalars(select(ActorAlias).where(ActorAlias.actor_id == pmf.id))
        }
        assert aliases == {
            ("Popular Mobilization Forces", "popular mobilization forces", None),
            ("PMF", "pmf", None),
            ("Popular Mobilization Units", "popular mobilization units", None),
            ("الحشد الشعبي", "الحشد الشعبي", "ar"),
        }
        role = (await s.scalars(select(ActorRole))).one()
        assert (role.actor_id, role.title, role.organization) == (
            sudani.id,
            "Prime Minister",
            "Government of Iraq",
        )
        assert role.evidence_article_id == a.id

        places = {p.name: p for p in await s.scalars(select(Location))}
        base, anbar, iraq = places["Ain al-Asad"], places["Anbar"], places["Iraq"]
        assert (base.parent_id, anbar.parent_id, iraq.parent_id) == (anbar.id, iraq.id, None)
        assert (base.kind, base.icao, base.latitude, base.longitude) == (
            LocationKind.MILITARY_BASE,
            "ORAA",
            33.8,
            42.44,
        )
        assert iraq.geonames_id == 99237 and iraq.country_code == "IQ"
        base_aliases = set(
            await s.scalars(
                select(LocationAlias.normalized).where(LocationAlias.location_id == base.id)
            )
        )
        # hamza and vowel marks fold away, as Arabic spelling often drops them
        assert base_aliases == {"ain al asad", "ayn al asad", "عين الاسد"}

        attributions = list(
            await s.scalars(select(Attribution).order_by(Attribution.content_start))
        )
        first, second = attributions
        assert ARTICLE_A[first.content_start : first.content_end] == first.content
        assert first.fragments == [[first.content_start, first.content_end]]
        assert ARTICLE_A[first.cue_start : first.cue_end] == "said"
        assert first.speaker_text == "Mohammed Shia al-Sudani"
        assert ARTICLE_A[first.speaker_start : first.speaker_end] == "Mohammed Shia al-Sudani"
        assert (first.said_on, first.said_precision) == (dt.date(2023, 8, 15), DatePrecision.DAY)
        assert (second.speaker_text, second.speaker_id) == ("he", sudani.id)
        assert first.extractor_version == "test/1" and first.confidence == 0.9

        statements = {st.id: st for st in await s.scalars(select(Statement))}
        assert len(statements) == 2
        st1, st2 = statements[first.statement_id], statements[second.statement_id]
        assert (st1.kind, st1.speaker_id, st1.said_on) == (
            StatementKind.MIXED,
            sudani.id,
            dt.date(2023, 8, 15),
        )
        assert st1.ingest_run_id == run_id and not st1.date_conflict
        assert st2.medium == Medium.PRESS_CONFERENCE
        assert [(r.actor_id, r.position) for r in await s.scalars(select(StatementSpeaker))] == [
            (pmf.id, 0)
        ]
        mention = (await s.scalars(select(StatementActor))).one()
        assert (mention.statement_id, mention.actor_id, mention.attribution_id) == (
            st2.id,
            pmf.id,
            second.id,
        )
        assert ARTICLE_A[mention.start : mention.end] == "Popular Mobilization Forces"
        place_mentions = {
            (m.location_id, ARTICLE_A[m.start : m.end], m.attribution_id)
            for m in await s.scalars(select(StatementLocation))
        }
        assert place_mentions == {(base.id, "Ain al-Asad", first.id), (anbar.id, "Anbar", first.id)}


async def test_second_write_of_the_same_article_changes_nothing(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    first = await write(sessions, article_a())
    async with sessions() as s:
        before, counts = await snapshot(s), await row_counts(s)
    again = await write(sessions, article_a())
    assert not again.new and again.article_id == first.article_id
    async with sessions() as s:
        assert await row_counts(s) == counts
        assert await snapshot(s) == before


def many_attributions(n: int, tag: str) -> ExtractedArticle:
    """An article with ``n`` attributions by ``n`` different people, places and mentions."""
    sentences = [
        f"“Statement number {i} of {tag} about the border,” said Speaker{tag} Number{i} "
        f"in Town{tag}{i}."
        for i in range(n)
    ]
    text = f"Title {tag}\n" + " ".join(sentences)
    attributions = []
    for i, sentence in enumerate(sentences):
        content = sentence.split(" said ")[0]
        person = ActorRef(f"Speaker{tag} Number{i}", ActorKind.PERSON, roles=(RoleRef("envoy"),))
        town = LocationRef(f"Town{tag}{i}", LocationKind.CITY, parent=IRAQ)
        attributions.append(
            att(
                text,
                content,
                speaker=person,
                co_speakers=[PMF],
                actors=[(f"Speaker{tag} Number{i}", person)],
                places=[(f"Town{tag}{i}", town)],
                cue="said",
            )
        )
    return article(text, attributions, name=f"{tag}.txt", outlet=OutletInfo(f"Outlet {tag}"))


async def test_statements_per_article_do_not_grow_with_its_size(
    sessions: async_sessionmaker[AsyncSession], query_counter: Any
) -> None:
    await write(sessions, many_attributions(1, "warm"))
    query_counter.reset()
    await write(sessions, many_attributions(2, "small"))
    small = query_counter.count
    query_counter.reset()
    result = await write(sessions, many_attributions(40, "large"))
    large = query_counter.count
    assert result.attributions == 40 and result.actors_new == 40
    assert large == small, query_counter.statements


# ---------------------------------------------------------------------------------------------
# across articles

ARTICLE_B = (
    "Sudani: no foreign combat troops needed\n"
    "On Monday, Iraq's Prime Minister Mohamed Shia al-Sudani said Iraq no longer needs the "
    "presence of foreign combat forces on its soil, at Ayn al-Asad. Yahya Rasoul said the "
    "measures were normal."
)


def article_b() -> ExtractedArticle:
    text = ARTICLE_B
    mohamed = ActorRef(
        "Mohamed Shia al-Sudani",
        ActorKind.PERSON,
        aliases=("Iraq's Prime Minister",),
        description="Prime Minister of Iraq",
    )
    ayn = LocationRef(
        "Ayn al-Asad",
        LocationKind.MILITARY_BASE,
        parent=ANBAR,
        aliases=("Ayn al-Asad base",),
    )
    return article(
        text,
        [
            att(
                text,
                "Iraq no longer needs the presence of foreign combat forces on its soil",
                speaker=mohamed,
                kind=StatementKind.INDIRECT,
                said_on=dt.date(2023, 8, 14),
                places=[("Ayn al-Asad", ayn)],
                key="b-1",
            ),
            att(
                text,
                "the measures were normal",
                speaker=ActorRef("Yahya Rasoul", ActorKind.PERSON),
                kind=StatementKind.INDIRECT,
            ),
        ],
        name="b.txt",
        outlet=OutletInfo("The New Arab", country="GB", language="en"),
        published=dt.date(2023, 8, 15),
    )


async def test_same_utterance_in_two_articles_is_one_statement_with_a_date_conflict(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    await write(sessions, article_a())
    result = await write(sessions, article_b())
    assert (result.statements_merged, result.statements_new, result.date_conflicts) == (1, 1, 1)
    async with sessions() as s:
        merged = (await s.scalars(select(Statement).where(Statement.date_conflict.is_(True)))).one()
        renderings = list(
            await s.execute(
                select(Attribution.said_on, Attribution.kind, Article.file_name)
                .join(Article, Article.id == Attribution.article_id)
                .where(Attribution.statement_id == merged.id)
                .order_by(Article.file_name)
            )
        )
        assert [tuple(r) for r in renderings] == [
            (dt.date(2023, 8, 15), StatementKind.MIXED, "a.txt"),
            (dt.date(2023, 8, 14), StatementKind.INDIRECT, "b.txt"),
        ]
        # the statement keeps its first date and its most direct rendering
        assert (merged.said_on, merged.kind) == (dt.date(2023, 8, 15), StatementKind.MIXED)
        assert merged.text.startswith("no longer needs the presence")
        # one outlet, its unknown fields filled in by the second article, none overwritten
        outlet = (await s.scalars(select(Outlet))).one()
        assert (outlet.domain, outlet.country, outlet.language) == ("newarab.com", "GB", "en")


@pytest.mark.parametrize("with_vectors", [True, False], ids=["vectors", "no-vectors"])
async def test_the_same_remark_in_other_words_joins_its_statement_through_word_vectors(
    sessions: async_sessionmaker[AsyncSession], with_vectors: bool
) -> None:
    from seed.load import word_vectors

    vectors = word_vectors() if with_vectors else None
    first = (
        "Al-Sudani said Iraq “no longer needs the presence of foreign combat forces on its soil,”."
    )
    second = "On Monday, al-Sudani said the country does not need foreign combatant troops."
    await write(
        sessions,
        article(
            first,
            [
                att(
                    first,
                    "Iraq “no longer needs the presence of foreign combat forces on its soil,”",
                    speaker=SUDANI,
                    kind=StatementKind.MIXED,
                    said_on=dt.date(2023, 8, 15),
                )
            ],
            name="first",
        ),
        vectors=vectors,
    )
    result = await write(
        sessions,
        article(
            second,
            [
                att(
                    second,
                    "the country does not need foreign combatant troops",
                    speaker=SUDANI,
                    kind=StatementKind.INDIRECT,
                    said_on=dt.date(2023, 8, 14),
                )
            ],
            name="second",
        ),
        vectors=vectors,
    )
    # "forces" and "troops" are near synonyms only through the vectors
    assert result.statements_merged == (1 if with_vectors else 0)
    assert result.date_conflicts == (1 if with_vectors else 0)
    async with sessions() as s:
        statements = await s.scalar(select(func.count()).select_from(Statement))
        assert statements == (1 if with_vectors else 2)


async def test_actor_and_place_aliases_merge_across_articles(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    await write(sessions, article_a())
    rasul = ActorRef("Yahya Rasul", ActorKind.PERSON, aliases=("Rasul",))
    text_c = "Army spokesman Yahya Rasul said the anti-aircraft systems were “normal”."
    await write(
        sessions,
        article(text_c, [att(text_c, "“normal”", speaker=rasul)], name="c.txt"),
    )
    result = await write(sessions, article_b())
    assert result.actors_new == 0 and result.places_new == 0
    async with sessions() as s:
        people = {
            a.name: a for a in await s.scalars(select(Actor).where(Actor.kind == ActorKind.PERSON))
        }
        assert set(people) == {"Mohammed Shia al-Sudani", "Yahya Rasul"}
        sudani = people["Mohammed Shia al-Sudani"]
        assert sudani.description == "Prime Minister of Iraq"  # filled in, was unknown
        aliases = set(
            await s.scalars(select(ActorAlias.alias).where(ActorAlias.actor_id == sudani.id))
        )
        assert {"Mohamed Shia al-Sudani", "Mohammed Shia al-Sudani", "Sudani"} <= aliases
        rasul_aliases = set(
            await s.scalars(
                select(ActorAlias.normalized).where(ActorAlias.actor_id == people["Yahya Rasul"].id)
            )
        )
        assert {"yahya rasul", "yahya rasoul", "rasul"} == rasul_aliases
        bases = list(
            await s.scalars(select(Location).where(Location.kind == LocationKind.MILITARY_BASE))
        )
        assert [b.name for b in bases] == ["Ain al-Asad"]
        base_aliases = set(
            await s.scalars(
                select(LocationAlias.alias).where(LocationAlias.location_id == bases[0].id)
            )
        )
        assert {"Ain al-Asad", "Ayn al-Asad", "عين الأسد", "Ayn al-Asad base"} == base_aliases
        speakers = set(
            await s.scalars(
                select(Attribution.speaker_id)
                .join(Article, Article.id == Attribution.article_id)
                .where(Article.file_name == "b.txt")
            )
        )
        assert speakers == {sudani.id, people["Yahya Rasul"].id}


async def test_people_of_the_same_family_name_stay_apart(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    text = "Joe Biden said “yes”. Hunter Biden said “no”. An official said “maybe”."
    first = article(
        text,
        [
            att(text, "“yes”", speaker=ActorRef("Joe Biden", ActorKind.PERSON)),
            att(
                text, "“no”", speaker=ActorRef("Hunter Biden", ActorKind.PERSON, aliases=("Biden",))
            ),
            att(text, "“maybe”", speaker=ActorRef("an official", ActorKind.ANONYMOUS)),
        ],
    )
    await write(sessions, first)
    text2 = "Biden said “again”."
    second = article(
        text2, [att(text2, "“again”", speaker=ActorRef("Joseph Biden", ActorKind.PERSON))], name="2"
    )
    result = await write(sessions, second)
    assert result.actors_new == 1  # a single shared surname is not enough to merge people
    async with sessions() as s:
        assert await s.scalar(select(func.count()).select_from(Actor)) == 4


async def test_same_words_of_other_speakers_or_far_apart_dates_stay_apart(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    words = "Iraq no longer needs the presence of foreign combat forces on its soil"
    texts = [f"Title {i}\nX said {words}." for i in range(3)]
    await write(
        sessions,
        article(
            texts[0], [att(texts[0], words, speaker=SUDANI, said_on=dt.date(2023, 8, 15))], name="0"
        ),
    )
    other = ActorRef("Mustafa al-Kadhimi", ActorKind.PERSON)
    r1 = await write(
        sessions,
        article(
            texts[1], [att(texts[1], words, speaker=other, said_on=dt.date(2023, 8, 15))], name="1"
        ),
    )
    r2 = await write(
        sessions,
        article(
            texts[2], [att(texts[2], words, speaker=SUDANI, said_on=dt.date(2021, 1, 5))], name="2"
        ),
    )
    assert (r1.statements_merged, r2.statements_merged) == (0, 0)
    async with sessions() as s:
        assert await s.scalar(select(func.count()).select_from(Statement)) == 3


async def test_undated_renderings_count_from_their_articles_publication(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    words = "Iraq no longer needs the presence of foreign combat forces on its soil"
    published = [dt.date(2023, 8, 15), dt.date(2023, 8, 17), dt.date(2021, 7, 26)]
    results = []
    for i, day in enumerate(published):
        text = f"Report {i}\nSudani said {words}."
        x = article(text, [att(text, words, speaker=SUDANI)], name=f"{i}", published=day)
        results.append(await write(sessions, x))
    # two days apart: one statement; two years earlier: another
    assert [r.statements_merged for r in results] == [0, 1, 0]
    async with sessions() as s:
        assert await s.scalar(select(func.count()).select_from(Statement)) == 2


async def test_statement_key_groups_renderings_within_an_article(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    text = (
        "Iraqi PM says no need for foreign troops\n"
        "Sudani said: “Iraq does not need foreign combat troops any more.”"
    )
    x = article(
        text,
        [
            att(
                text,
                "no need for foreign troops",
                speaker=SUDANI,
                kind=StatementKind.INDIRECT,
                key="k1",
            ),
            att(
                text,
                "“Iraq does not need foreign combat troops any more.”",
                speaker=SUDANI,
                key="k1",
                said_on=dt.date(2023, 8, 1),
                precision=DatePrecision.MONTH,
            ),
        ],
    )
    result = await write(sessions, x)
    assert (result.statements_new, result.attributions, result.date_conflicts) == (1, 2, 0)
    async with sessions() as s:
        statement = (await s.scalars(select(Statement))).one()
        # the canonical text is the most direct rendering; the date comes from the body
        assert statement.text == "“Iraq does not need foreign combat troops any more.”"
        assert statement.kind == StatementKind.DIRECT
        assert (statement.said_on, statement.said_precision) == (
            dt.date(2023, 8, 1),
            DatePrecision.MONTH,
        )


async def test_a_write_that_fails_leaves_nothing_behind(
    sessions: async_sessionmaker[AsyncSession], monkeypatch: pytest.MonkeyPatch
) -> None:
    await write(sessions, article_a())
    async with sessions() as s:
        before = await snapshot(s)

    async def broken(self: Any, *args: Any) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr("seed.write._ArticleWriter._attributions", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        await write(sessions, article_b())
    async with sessions() as s:
        assert await snapshot(s) == before
        assert await s.scalar(select(func.count()).select_from(IngestRun)) == 0


async def test_a_speaker_without_a_letter_in_its_name_is_left_unresolved(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    text = "According to information obtained by °, the reinforcements are routine."
    x = article(
        text,
        [
            att(
                text,
                "the reinforcements are routine",
                speaker=ActorRef("°", ActorKind.GROUP),
                speaker_text="°",
                kind=StatementKind.INDIRECT,
            )
        ],
    )
    result = await write(sessions, x)
    assert (result.actors_new, result.attributions) == (0, 1)
    async with sessions() as s:
        attribution = (await s.scalars(select(Attribution))).one()
        assert (attribution.speaker_text, attribution.speaker_id) == ("°", None)


def test_the_matrix_comparer_agrees_with_seed_merge_similarity() -> None:
    from seed import merge
    from seed.load import word_vectors
    from seed.write import WordComparer

    vectors = word_vectors()
    assert vectors is not None
    comparer = WordComparer(vectors)
    lines = [
        line
        for path in sorted((Path(__file__).parents[2] / "seed" / "samples").glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if len(line.split()) > 5
    ][:40]
    words = [merge.content_words(line) for line in lines]
    compared = 0
    for a in words:
        for b in words:
            expected = merge.similarity(a, b, vectors)
            assert comparer.similarity(a, b) == pytest.approx(expected, abs=1e-4), (a, b)
            compared += 1
    assert compared == len(words) ** 2 > 1000


async def test_where_a_statement_was_said_comes_from_the_first_report_that_says_so(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    a = article_a()
    said_at_base = dataclasses.replace(a.attributions[0], said_at=AIN_AL_ASAD)
    a = dataclasses.replace(a, attributions=(said_at_base, *a.attributions[1:]))
    # the other outlet's report comes first and does not say where; a's report then does
    await write(sessions, article_b())
    async with sessions() as s:
        assert (await s.scalars(select(Statement.location_id))).all() == [None, None]
    await write(sessions, a)
    async with sessions() as s:
        located = (
            await s.execute(
                select(Statement.text, Location.name, Location.parent_id)
                .join(Location, Location.id == Statement.location_id)
                .order_by(Statement.id)
            )
        ).all()
        # the base b named first, as "Ayn al-Asad": one place under either name
        assert [(text[:20], name) for text, name, _ in located] == [
            ("no longer needs the ", "Ayn al-Asad")
        ]
        anbar = await s.get(Location, located[0].parent_id)
        assert anbar is not None and anbar.name == "Anbar"
        # a later report naming another place does not move it; writing a again changes nothing
        before = await snapshot(s)
    elsewhere = dataclasses.replace(said_at_base, said_at=ANBAR)
    await write(sessions, dataclasses.replace(a, attributions=(elsewhere, *a.attributions[1:])))
    await write(sessions, a)
    async with sessions() as s:
        assert await snapshot(s) == before
