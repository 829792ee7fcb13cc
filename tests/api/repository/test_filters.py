"""Filters, orders and keyset pages of statements, actors, locations and articles, on both
databases, on the corpus of ``tests.api.corpus``."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from api.errors import InvalidCursor
from api.filters import (
    AllOf,
    AnyOf,
    DateRange,
    InvalidFilter,
    ListQuery,
    NameMatch,
    NameOp,
    Not,
    Order,
    Search,
    normalize_name,
)
from api.filters import actors as af
from api.filters import articles as rf
from api.filters import locations as lf
from api.filters import statements as sf
from api.repository import listing
from api.repository import search as search_module
from schema import ActorKind, LocationKind, StatementKind
from tests.api.corpus import build_corpus
from tests.conftest import QueryCounter

Sort = sf.StatementSort


@pytest.fixture
async def corpus(session: AsyncSession) -> None:
    await build_corpus(session)


def named(*names: str, op: NameOp = NameOp.EQ) -> NameMatch:
    return NameMatch(op, names)


async def ids(
    session: AsyncSession,
    spec: sf.StatementFilter | None = None,
    order: sf.StatementOrder | None = None,
    search: str | None = None,
) -> list[int]:
    query = ListQuery(order or Order(Sort.ID), spec, None if search is None else Search(search))
    page = await listing.statements_page(session, query, first=100)
    assert not page.has_next
    assert await listing.count_statements(session, query) == len(page.rows)
    return [s.id for s in page.rows]


@pytest.mark.usefixtures("corpus")
@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        (sf.SpeakerIs((1,)), [1, 2, 3, 7]),
        (sf.SpeakerNamed(named("Sudani")), [1, 2, 3, 7]),
        (sf.SpeakerNamed(named("SUDANI")), [1, 2, 3, 7]),
        (sf.SpeakerNamed(named("mohammed shia al-sudani")), [1, 2, 3, 7]),
        (sf.SpeakerNamed(named("السوداني", op=NameOp.CONTAINS)), [1, 2, 3, 7]),
        (sf.SpeakerNamed(named("kad", op=NameOp.PREFIX)), [4, 6]),  # 6: joint speaker
        (sf.SpeakerNamed(named("Kadhimi", "Biden")), [4, 6]),
        (sf.SpeakerNamed(named("Sudan")), []),  # whole names only with eq
        (sf.Mentions((3,)), [3, 5]),
        (sf.MentionsNamed(named("U.S.")), [3, 5]),
        (lf.LocationWithin(ids=(2,)), [1, 5]),
        (lf.LocationWithin(names=("Anbar",)), [1, 5]),
        (lf.LocationWithin(names=("al anbar",)), [1, 5]),
        (lf.LocationWithin(names=("Iraq",)), [1, 5]),
        (lf.LocationWithin(names=("Ayn al-Asad",)), [1, 5]),
        (lf.LocationWithin(ids=(3,)), [5]),
        (lf.LocationWithin(ids=(6,)), [7]),
        (sf.OutletIs((2,)), [1, 3, 4]),
        (sf.ArticleIs((5,)), [4, 6]),
        (sf.KindIs((StatementKind.DIRECT,)), [2, 4, 7]),
        (sf.LanguageIs(("AR",)), [7]),
        (sf.SaidOn(DateRange(gte=dt.date(2023, 1, 1))), [1, 2, 5]),
        (Not(sf.SaidOn(DateRange(lt=dt.date(2023, 1, 1)))), [1, 2, 3, 5, 7]),
        (sf.PublishedOn(DateRange(gte=dt.date(2024, 1, 1))), [3, 4]),
        (sf.HasDateConflict(True), [1]),
        (sf.HasDateConflict(False), [2, 3, 4, 5, 6, 7]),
        (sf.MinOutlets(2), [1, 4]),  # 4: Press TV and an article of unknown outlet
        (sf.MinOutlets(1), [1, 2, 3, 4, 5, 6, 7]),
        (Search("foreign forces"), [1, 2, 4]),
        (Search('"combat forces"'), [1, 4]),
        (
            AllOf(
                (sf.SpeakerNamed(named("Sudani")), sf.SaidOn(DateRange(gte=dt.date(2023, 1, 1))))
            ),
            [1, 2],
        ),
        (AnyOf((sf.LanguageIs(("ar",)), sf.MinOutlets(2))), [1, 4, 7]),
        (Not(AnyOf((sf.SpeakerIs((1,)), lf.LocationWithin(ids=(2,))))), [4, 6]),
    ],
)
async def test_statement_filters(
    session: AsyncSession, spec: sf.StatementFilter, expected: list[int]
) -> None:
    assert await ids(session, spec) == expected


@pytest.mark.usefixtures("corpus")
@pytest.mark.parametrize(
    ("order", "expected"),
    [
        (Order(Sort.ID, True), [7, 6, 5, 4, 3, 2, 1]),
        (Order(Sort.SAID_ON), [4, 6, 2, 5, 1, 3, 7]),  # undated last
        (Order(Sort.SAID_ON, True), [1, 5, 2, 6, 4, 7, 3]),  # undated last, ties by id desc
        (Order(Sort.PUBLISHED), [4, 6, 2, 7, 1, 5, 3]),  # earliest report
        (Order(Sort.PUBLISHED, True), [3, 5, 1, 7, 2, 6, 4]),
        (Order(Sort.REPORTS), [2, 3, 5, 6, 7, 1, 4]),
        (Order(Sort.REPORTS, True), [4, 1, 7, 6, 5, 3, 2]),
    ],
)
async def test_statement_orders_walk_page_by_page(
    session: AsyncSession, order: sf.StatementOrder, expected: list[int]
) -> None:
    assert await ids(session, order=order) == expected
    query = ListQuery(order)
    walked: list[int] = []
    after = None
    while True:
        page = await listing.statements_page(session, query, first=2, after=after)
        walked += [s.id for s in page.rows]
        if not page.has_next:
            break
        after = page.cursors[-1]
    assert walked == expected


@pytest.mark.usefixtures("corpus")
async def test_relevance_pages_follow_one_another(session: AsyncSession) -> None:
    query = ListQuery(Order(Sort.RELEVANCE), None, Search("foreign OR forces OR Iraq"))
    everything = await listing.statements_page(session, query, first=100)
    walked: list[int] = []
    after = None
    while True:
        page = await listing.statements_page(session, query, first=1, after=after)
        walked += [s.id for s in page.rows]
        if not page.has_next:
            break
        after = page.cursors[-1]
    assert walked == [s.id for s in everything.rows]
    assert sorted(walked) == [1, 2, 3, 4]


@pytest.mark.usefixtures("corpus")
async def test_search_with_another_order_has_snippets(session: AsyncSession) -> None:
    query = ListQuery(Order(Sort.SAID_ON), sf.SpeakerIs((1,)), Search("forces"))
    page = await listing.statements_page(session, query, first=10)
    assert [s.id for s in page.rows] == [2, 1, 3]
    snippets = [await page.snippet(s.id) for s in page.rows]
    assert [(s.text, s.matches) for s in snippets if s] == [
        ("We need the foreign forces.", ((20, 26),)),
        ("Iraq no longer needs foreign combat forces", ((36, 42),)),
        ("Iraq No Longer Needs U.S. Forces", ((26, 32),)),
    ]


@pytest.mark.usefixtures("corpus")
async def test_a_cursor_of_one_order_is_refused_by_another(session: AsyncSession) -> None:
    said = await listing.statements_page(session, ListQuery(Order(Sort.SAID_ON)), first=1)
    with pytest.raises(InvalidCursor) as raised:
        await listing.statements_page(
            session, ListQuery(Order(Sort.REPORTS)), first=1, after=said.cursors[-1]
        )
    assert raised.value.detail["order"] == "reports"


def test_filters_that_cannot_apply_are_refused_when_built() -> None:
    with pytest.raises(InvalidFilter, match="ends .* before it starts"):
        DateRange(gte=dt.date(2024, 1, 1), lte=dt.date(2023, 1, 1))
    with pytest.raises(InvalidFilter, match="no letters or digits"):
        named("--")
    with pytest.raises(InvalidFilter, match="needs a search"):
        ListQuery(Order(Sort.RELEVANCE))
    with pytest.raises(InvalidFilter, match="must be 1 or more"):
        sf.MinOutlets(0)


def test_names_fold_as_the_loader_stores_them() -> None:
    from seed.write import normalize_name as loader_normalize

    for name in ["Mohammed Shia al-Sudani", "Ayn al-Asad", "القوات الأمريكية", "Ḥaydar Āl"]:
        assert normalize_name(name) == loader_normalize(name)


@pytest.mark.usefixtures("corpus")
async def test_actor_location_and_article_filters(session: AsyncSession) -> None:
    async def actors(spec: af.ActorFilter | None, search: str | None = None) -> list[int]:
        query = ListQuery(Order(af.ActorSort.ID), spec, None if search is None else Search(search))
        assert await listing.count_actors(session, query) == len(
            rows := (await listing.actors_page(session, query, first=50)).rows
        )
        return [a.id for a in rows]

    assert await actors(af.ActorKindIs((ActorKind.PERSON,))) == [1, 2, 5]
    assert await actors(af.ActorNamed(named("mu", op=NameOp.PREFIX))) == [2]
    assert await actors(af.ActorNamed(named("u s"))) == [3]
    assert await actors(None, search="السوداني") == [1]

    async def locations(spec: lf.LocationFilter) -> list[int]:
        query = ListQuery(Order(lf.LocationSort.ID), spec)
        return [p.id for p in (await listing.locations_page(session, query, first=50)).rows]

    assert await locations(lf.LocationWithin(names=("anbar",))) == [2, 3, 4]
    assert await locations(lf.LocationKindIs((LocationKind.COUNTRY,))) == [1, 6]
    assert await locations(lf.LocationNamed(named("ayn al asad"))) == [4]

    async def articles(spec: rf.ArticleFilter, order: rf.ArticleOrder | None = None) -> list[int]:
        query = ListQuery(order or Order(rf.ArticleSort.ID), spec)
        return [a.id for a in (await listing.articles_page(session, query, first=50)).rows]

    assert await articles(rf.ArticleOutletIs((2,))) == [2, 4]
    assert await articles(
        rf.ArticlePublishedOn(DateRange(gte=dt.date(2023, 1, 1), lt=dt.date(2024, 1, 1))),
        Order(rf.ArticleSort.PUBLISHED, True),
    ) == [1, 2, 3]


@pytest.mark.usefixtures("corpus")
async def test_a_search_alone_is_counted_from_its_index(
    session: AsyncSession, query_counter: QueryCounter
) -> None:
    """Without a filter, the matches are counted from the search index's table alone (one
    statement, no join); with one, through the filtered table: the same numbers."""
    every = sf.KindIs(tuple(StatementKind))
    for search in ["forces", "foreign OR troops", "xyzzy"]:
        alone = ListQuery(Order(Sort.ID), None, Search(search))
        query_counter.reset()
        counted = await listing.count_statements(session, alone)
        assert [("fts_statement" in s, '"statement"' in s) for s in query_counter.statements] == [
            (True, False)
        ], query_counter.statements
        page = await listing.statements_page(session, alone, first=100)
        assert counted == len(page.rows)
        assert counted == await listing.count_statements(
            session, ListQuery(Order(Sort.ID), every, Search(search))
        )
    for count, query in [
        (listing.count_actors, ListQuery(Order(af.ActorSort.ID), None, Search("Sudani"))),
        (listing.count_articles, ListQuery(Order(rf.ArticleSort.ID), None, Search("troops"))),
    ]:
        query_counter.reset()
        assert await count(session, query) > 0  # type: ignore[operator]
        assert len(query_counter.statements) == 1


@pytest.mark.usefixtures("corpus")
@pytest.mark.parametrize("head", [1, 2, 3, search_module.ID_ORDER_HEAD])
async def test_a_search_in_id_order_pages_through_every_match(
    session: AsyncSession, head: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a filter, a page looks for its matches among the next rows in id order, then
    through the search index: the same pages as through the search index alone (a filter
    that holds for every statement takes that way)."""
    monkeypatch.setattr(search_module, "ID_ORDER_HEAD", head)
    every = sf.KindIs(tuple(StatementKind))
    for search in ["forces", "foreign OR troops OR exports", "xyzzy"]:
        expected = await listing.statements_page(
            session, ListQuery(Order(Sort.ID), every, Search(search)), first=100
        )
        for first in (1, 2):
            walked: list[int] = []
            after = None
            while True:
                page = await listing.statements_page(
                    session,
                    ListQuery(Order(Sort.ID), None, Search(search)),
                    first=first,
                    after=after,
                )
                walked += [s.id for s in page.rows]
                if not page.has_next:
                    break
                after = page.cursors[-1]
            assert walked == [s.id for s in expected.rows], (search, first)
