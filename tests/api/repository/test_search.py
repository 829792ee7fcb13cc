"""Full-text search on both backends: matching, ranking, paging, snippets, the indexes
following every insert, update and delete, and malformed queries refused before any SQL."""

from __future__ import annotations

import random
from dataclasses import dataclass

import pytest
from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from api.repository import search as search_module
from api.repository.search import (
    RANK_CANDIDATES,
    SearchCursor,
    actor_matches,
    article_matches,
    count_matches,
    dialect_of,
    search_actors,
    search_articles,
    search_plans,
    search_statements,
    statement_match_clause,
    statement_matches,
)
from api.search import SearchQueryError, Snippet, parse_query
from schema import (
    Actor,
    ActorAlias,
    ActorKind,
    Article,
    Attribution,
    Outlet,
    Statement,
    StatementKind,
)
from tests.conftest import QueryCounter

SUDANI, KADHIMI, ABADI = 2001, 2002, 2003


@dataclass
class Corpus:
    statements: dict[int, Statement]
    articles: dict[int, Article]


def _statement(id_: int, text: str, speaker: int | None = None) -> Statement:
    return Statement(id=id_, text=text, kind=StatementKind.DIRECT, speaker_id=speaker)


def _attribution(id_: int, statement: int, article: int, content: str) -> Attribution:
    return Attribution(
        id=id_,
        article_id=article,
        statement_id=statement,
        kind=StatementKind.INDIRECT,
        content=content,
        content_start=0,
        content_end=len(content),
        extractor_version="test",
    )


async def _insert(session: AsyncSession, *rows: object) -> None:
    session.add_all(rows)
    await session.flush()


@pytest.fixture
async def corpus(session: AsyncSession) -> Corpus:
    await _insert(session, Outlet(id=501, name="Search Test Outlet"))
    await _insert(
        session,
        Actor(id=SUDANI, name="Mohammed Shia al-Sudani", kind=ActorKind.PERSON),
        Actor(id=KADHIMI, name="Mustafa al-Kadhimi", kind=ActorKind.PERSON),
        Actor(id=ABADI, name="Haider al-Abadi", kind=ActorKind.PERSON),
    )
    await _insert(
        session,
        ActorAlias(id=2101, actor_id=SUDANI, alias="Sudani", normalized="sudani"),
        ActorAlias(
            id=2102, actor_id=SUDANI, alias="محمد شياع السوداني", normalized="محمد شياع السوداني"
        ),
        ActorAlias(id=2103, actor_id=KADHIMI, alias="Kadhimi", normalized="kadhimi"),
        ActorAlias(id=2104, actor_id=KADHIMI, alias="مصطفى الكاظمي", normalized="مصطفى الكاظمي"),
    )
    articles = {
        3001: Article(
            id=3001,
            outlet_id=501,
            title="Iraq no longer needs foreign combat troops, prime minister says",
            subtitle="Sudani spoke to reporters in Baghdad",
            text=(
                "BAGHDAD - Iraq no longer needs foreign combat troops, Prime Minister Mohammed "
                'Shia al-Sudani said on Monday. In January he said: "We need the foreign forces."'
            ),
            raw_sha256="a" * 64,
            file_name="a.txt",
        ),
        3002: Article(
            id=3002,
            outlet_id=501,
            title="Oil exports rise",
            subtitle=None,
            text="Basra oil exports rose despite drone attacks, the ministry said.",
            raw_sha256="b" * 64,
            file_name="b.txt",
        ),
    }
    await _insert(session, *articles.values())
    statements = {
        1001: _statement(1001, "Iraq no longer needs foreign combat troops.", SUDANI),
        1002: _statement(1002, "We need the foreign forces to stay for now.", SUDANI),
        1003: _statement(
            1003, "The withdrawal of troops will be announced after consultations.", KADHIMI
        ),
        1004: _statement(1004, "Foreign forces, foreign forces and more foreign forces.", ABADI),
        1005: _statement(1005, "Oil exports rose in Basra.", None),
        1006: _statement(1006, "Foreign ministers met in Baghdad.", KADHIMI),
    }
    await _insert(session, *statements.values())
    await _insert(
        session,
        _attribution(4001, 1001, 3001, "Iraq no longer needs foreign combat troops"),
        _attribution(4002, 1001, 3001, "the country no longer needs U.S. forces"),
        _attribution(4003, 1002, 3001, "We need the foreign forces"),
        _attribution(4004, 1005, 3002, "Basra oil exports rose despite drone attacks"),
    )
    return Corpus(statements, articles)


async def _ids(session: AsyncSession, query: str, limit: int = 20) -> list[int]:
    page = await search_statements(session, query, limit=limit)
    return [hit.row.id for hit in page.rows]


def _marked(snippet: Snippet) -> list[str]:
    return [snippet.text[start:end] for start, end in snippet.matches]


# -- matching -------------------------------------------------------------------------------


async def test_phrase(session: AsyncSession, corpus: Corpus) -> None:
    assert await _ids(session, '"no longer needs"') == [1001]
    assert await _ids(session, '"combat troops"') == [1001]
    assert await _ids(session, '"troops combat"') == []


async def test_words_are_all_required_and_stemmed(session: AsyncSession, corpus: Corpus) -> None:
    # "force" finds "forces"; 1001 matches through a rendering ("U.S. forces")
    assert await _ids(session, "foreign force") == [1004, 1002, 1001]
    assert await _ids(session, "foreign ministers Baghdad") == [1006]


async def test_prefix(session: AsyncSession, corpus: Corpus) -> None:
    assert await _ids(session, "withdr*") == [1003]
    assert await _ids(session, "consult*") == [1003]
    assert sorted(await _ids(session, "minist*")) == [1006]


async def test_boolean(session: AsyncSession, corpus: Corpus) -> None:
    # (OR ranks differently on the two engines: bm25 against cover density)
    assert sorted(await _ids(session, "troops OR exports")) == [1001, 1003, 1005]
    assert sorted(await _ids(session, "(troops OR exports) Basra")) == [1005]
    assert sorted(await _ids(session, "withdrawal AND troops")) == [1003]


async def test_not(session: AsyncSession, corpus: Corpus) -> None:
    assert await _ids(session, "foreign NOT forces") == [1006]
    assert await _ids(session, "foreign -forces") == [1006]
    assert await _ids(session, 'foreign -"combat troops" -ministers') == [1004, 1002]


async def test_renderings_are_searched(session: AsyncSession, corpus: Corpus) -> None:
    """A word found only in an attribution's content finds the statement, and the snippet
    comes from that attribution."""
    page = await search_statements(session, "drone", limit=5)
    assert [h.row.id for h in page.rows] == [1005]
    snippet = page.rows[0].snippet
    assert (snippet.field, snippet.source_id) == ("attribution", 4004)
    assert snippet.text == "Basra oil exports rose despite drone attacks"
    assert snippet.matches == ((31, 36),)
    assert _marked(snippet) == ["drone"]


# -- ranking and paging ---------------------------------------------------------------------


async def test_ranking_order(session: AsyncSession, corpus: Corpus) -> None:
    # three times in the text, once in the text, once in a rendering only
    page = await search_statements(session, "forces", limit=10)
    assert [h.row.id for h in page.rows] == [1004, 1002, 1001]
    ranks = [h.rank for h in page.rows]
    assert ranks == sorted(ranks, reverse=True) and ranks[0] > ranks[1] > ranks[2] > 0
    assert page.has_next is False


async def test_keyset_paging_walks_the_same_order(session: AsyncSession, corpus: Corpus) -> None:
    everything = await _ids(session, "foreign OR troops OR exports")
    assert sorted(everything) == [1001, 1002, 1003, 1004, 1005, 1006]
    seen: list[int] = []
    after: SearchCursor | None = None
    while True:
        page = await search_statements(
            session, "foreign OR troops OR exports", limit=2, after=after
        )
        seen += [h.row.id for h in page.rows]
        if not page.has_next:
            break
        after = page.rows[-1].cursor
    assert seen == everything


async def test_where_and_match_subqueries_combine_with_filters(
    session: AsyncSession, corpus: Corpus
) -> None:
    page = await search_statements(
        session, "foreign OR troops", limit=10, where=[Statement.speaker_id == SUDANI]
    )
    assert [h.row.id for h in page.rows] == [1001, 1002]

    dialect = dialect_of(session)
    clause = statement_match_clause(dialect, "troops")
    ids = (
        await session.scalars(
            select(Statement.id)
            .where(clause, Statement.speaker_id == KADHIMI)
            .order_by(Statement.id)
        )
    ).all()
    assert ids == [1003]

    ranked = statement_matches(dialect, "forces")
    rows = (
        await session.execute(
            select(Statement.id)
            .join(ranked, ranked.c.id == Statement.id)
            .where(Statement.speaker_id != ABADI)
            .order_by(ranked.c.rank.desc(), Statement.id)
        )
    ).all()
    assert [r.id for r in rows] == [1002, 1001]

    # the subquery with candidates and conditions finds what search_statements finds
    speaker = [Statement.speaker_id == SUDANI]
    await search_plans(session)
    bounded = statement_matches(
        dialect, "foreign OR troops", candidates=RANK_CANDIDATES, where=speaker
    )
    rows = await session.execute(
        select(bounded.c.id, bounded.c.rank).order_by(bounded.c.rank.desc(), bounded.c.id)
    )
    assert [tuple(r) for r in rows] == [(h.row.id, h.rank) for h in page.rows]

    articles = article_matches(dialect, "drone")
    assert (await session.scalars(select(articles.c.id))).all() == [3002]
    actors = actor_matches(dialect, "Kadhimi")
    assert (await session.scalars(select(actors.c.id))).all() == [KADHIMI]


async def test_count_matches(session: AsyncSession, corpus: Corpus) -> None:
    assert await count_matches(session, "statement", "foreign") == 4
    assert await count_matches(session, "statement", "foreign", cap=3) == 3
    assert await count_matches(session, "article", "troops") == 1
    assert await count_matches(session, "actor", "al-Sudani OR Kadhimi") == 2


async def test_relevance_ranks_a_bounded_number_of_candidates(
    session: AsyncSession, corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A common query is ranked over its first RANK_CANDIDATES matches only, and its pages
    end there; a filter still sees every match."""
    monkeypatch.setattr(search_module, "RANK_CANDIDATES", 3)
    query = "foreign OR troops OR exports"  # six matches
    first = await search_statements(session, query, limit=2)
    second = await search_statements(session, query, limit=2, after=first.rows[-1].cursor)
    assert (len(first.rows), first.has_next, len(second.rows), second.has_next) == (
        2,
        True,
        1,
        False,
    )
    hits = [*first.rows, *second.rows]
    assert len({h.row.id for h in hits}) == 3
    assert [h.rank for h in hits] == sorted((h.rank for h in hits), reverse=True)

    clause = statement_match_clause(dialect_of(session), query)
    assert len((await session.scalars(select(Statement.id).where(clause))).all()) == 6


# -- snippets -------------------------------------------------------------------------------


async def test_snippet_offsets_point_at_the_matched_words(
    session: AsyncSession, corpus: Corpus
) -> None:
    page = await search_statements(session, '"no longer needs" troop*', limit=5)
    (hit,) = page.rows
    snippet = hit.snippet
    assert snippet == Snippet(
        text="Iraq no longer needs foreign combat troops.",
        offset=0,
        matches=((5, 20), (36, 42)),
        field="text",
    )
    assert _marked(snippet) == ["no longer needs", "troops"]


async def test_article_snippet_is_cut_around_the_matches(
    session: AsyncSession, corpus: Corpus
) -> None:
    page = await search_articles(session, '"foreign forces"', limit=5, snippet_width=40)
    (hit,) = page.rows
    assert hit.row.id == 3001
    assert hit.snippet == Snippet(
        text='he said: "We need the foreign forces."',
        offset=120,
        matches=((22, 36),),
        field="text",
        truncated_start=True,
    )
    full = corpus.articles[3001].text
    assert full[120 : 120 + len(hit.snippet.text)] == hit.snippet.text
    assert full[120 + 22 : 120 + 36] == "foreign forces"


async def test_article_fields(session: AsyncSession, corpus: Corpus) -> None:
    page = await search_articles(session, "reporters", limit=5)
    assert [(h.row.id, h.snippet.field, _marked(h.snippet)) for h in page.rows] == [
        (3001, "subtitle", ["reporters"])
    ]
    page = await search_articles(session, "combat troops", limit=5)
    assert [(h.row.id, h.snippet.field, _marked(h.snippet)) for h in page.rows] == [
        (3001, "title", ["combat", "troops"])
    ]


# -- actors, any script ---------------------------------------------------------------------


async def test_actor_found_by_arabic_alias(session: AsyncSession, corpus: Corpus) -> None:
    page = await search_actors(session, "السوداني", limit=5)
    assert [(h.row.id, h.snippet) for h in page.rows] == [
        (SUDANI, Snippet("محمد شياع السوداني", 0, ((10, 18),), "alias", 2102))
    ]
    # vowel marks typed in the query are ignored, as in the index
    page = await search_actors(session, "مُحَمَّد شياع", limit=5)
    assert [h.row.id for h in page.rows] == [SUDANI]
    page = await search_actors(session, "الكاظمي OR Abadi", limit=5)
    assert [h.row.id for h in page.rows] == [ABADI, KADHIMI]  # a name ranks above an alias


async def test_actor_found_by_name_prefix_and_accents(
    session: AsyncSession, corpus: Corpus
) -> None:
    page = await search_actors(session, "al-Sudani", limit=5)
    assert [(h.row.id, h.snippet.field, _marked(h.snippet)) for h in page.rows] == [
        (SUDANI, "name", ["al-Sudani"])
    ]
    page = await search_actors(session, "Kadh*", limit=5)
    assert [(h.row.id, h.snippet.field, _marked(h.snippet)) for h in page.rows] == [
        (KADHIMI, "name", ["Kadhimi"])
    ]
    page = await search_actors(session, "Sūdānī", limit=5)
    assert [h.row.id for h in page.rows] == [SUDANI]


# -- the indexes follow the tables ----------------------------------------------------------


async def test_statement_insert_update_delete(session: AsyncSession, corpus: Corpus) -> None:
    await _insert(session, _statement(1100, "Parliament voted on the budget.", None))
    assert await _ids(session, "budget") == [1100]

    await session.execute(
        update(Statement).where(Statement.id == 1100).values(text="Parliament adjourned.")
    )
    assert await _ids(session, "budget") == []
    assert await _ids(session, "adjourned") == [1100]

    await session.execute(delete(Statement).where(Statement.id == 1100))
    assert await _ids(session, "adjourned") == []


async def test_attribution_insert_update_delete(session: AsyncSession, corpus: Corpus) -> None:
    await _insert(session, _attribution(4100, 1006, 3002, "diplomats gathered in the capital"))
    assert await _ids(session, "diplomats") == [1006]

    await session.execute(
        update(Attribution).where(Attribution.id == 4100).values(content="envoys gathered")
    )
    assert await _ids(session, "diplomats") == []
    assert await _ids(session, "envoys") == [1006]

    # moved to another statement
    await session.execute(
        update(Attribution).where(Attribution.id == 4100).values(statement_id=1005)
    )
    assert await _ids(session, "envoys") == [1005]

    await session.execute(delete(Attribution).where(Attribution.id == 4100))
    assert await _ids(session, "envoys") == []
    assert await _ids(session, "drone") == [1005]  # the other rendering is still there


async def test_deleting_a_statement_drops_it_and_its_renderings(
    session: AsyncSession, corpus: Corpus
) -> None:
    await session.execute(delete(Statement).where(Statement.id == 1005))
    assert await _ids(session, "drone") == []
    assert await _ids(session, "exports") == []


async def test_alias_insert_update_delete(session: AsyncSession, corpus: Corpus) -> None:
    async def actors(query: str) -> list[int]:
        return [h.row.id for h in (await search_actors(session, query, limit=5)).rows]

    assert await actors("العبادي") == []
    # stored with vowel marks, found without them
    await _insert(
        session,
        ActorAlias(id=2105, actor_id=ABADI, alias="حَيْدَر العَبَادِي", normalized="حيدر العبادي"),
    )
    assert await actors("العبادي") == [ABADI]
    assert await actors("حيدر") == [ABADI]

    await session.execute(update(ActorAlias).where(ActorAlias.id == 2105).values(alias="Abadi"))
    assert await actors("العبادي") == []

    await session.execute(update(ActorAlias).where(ActorAlias.id == 2105).values(actor_id=KADHIMI))
    assert await actors("Abadi") == [ABADI, KADHIMI]  # the name ranks above an alias

    await session.execute(delete(ActorAlias).where(ActorAlias.id == 2105))
    assert await actors("Abadi") == [ABADI]

    await session.execute(
        update(Actor).where(Actor.id == ABADI).values(name="Haider Jawad al-Abadi")
    )
    assert await actors("Jawad") == [ABADI]

    await session.execute(delete(Actor).where(Actor.id == ABADI))
    assert await actors("Jawad") == []


async def test_article_insert_update_delete(session: AsyncSession, corpus: Corpus) -> None:
    async def articles(query: str) -> list[int]:
        return [h.row.id for h in (await search_articles(session, query, limit=5)).rows]

    await _insert(
        session,
        Article(
            id=3100,
            title="Budget passed",
            text="The budget passed.",
            raw_sha256="c" * 64,
            file_name="c.txt",
        ),
    )
    assert await articles("budget") == [3100]
    await session.execute(
        update(Article)
        .where(Article.id == 3100)
        .values(title="Vote delayed", subtitle="Quorum lost", text="No vote.")
    )
    assert await articles("budget") == []
    assert await articles("quorum") == [3100]
    await session.execute(delete(Article).where(Article.id == 3100))
    assert await articles("quorum") == []


# -- malformed and hostile queries ----------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "character"),
    [('"no longer', 1), ("forces AND", 8), ("(troops", 1), ("-forces", 1), ("fo*rces", 3)],
)
async def test_malformed_query_fails_before_any_sql(
    session: AsyncSession,
    corpus: Corpus,
    query_counter: QueryCounter,
    query: str,
    character: int,
) -> None:
    query_counter.reset()
    with pytest.raises(SearchQueryError) as error:
        await search_statements(session, query, limit=5)
    assert error.value.status == 400
    assert error.value.code == "invalid_search_query"
    assert error.value.detail["character"] == character
    assert query_counter.count == 0


HOSTILE = [
    "'",
    "''",
    "\\",
    "a\\",
    "foreign' | 'x",
    "'); DROP TABLE statement; --",
    "forces:*",
    "forces:A",
    "a & b | !c <-> d",
    "NEAR(foreign forces)",
    "text:foreign",
    "{text renderings}:forces",
    "^foreign",
    "foreign + forces",
    '"a""b"',
    "\u200bforeign\u200b",
    "ًٌٍ forces",
    "forces ‘quoted’ «x»",
    "foreign" + "!" * 50,
    "1:2 3/4 e-mail x@y.z http://a.b/c",
]


@pytest.mark.parametrize("query", HOSTILE)
async def test_hostile_input_reaches_the_database_only_as_data(
    session: AsyncSession, corpus: Corpus, query: str
) -> None:
    try:
        parsed = parse_query(query)
    except SearchQueryError:
        return  # refused with a clean error: fine
    await search_statements(session, parsed, limit=5)  # no database error, whatever it finds
    await search_articles(session, parsed, limit=5)
    await search_actors(session, parsed, limit=5)


async def test_random_queries_never_cause_a_database_error(
    session: AsyncSession, corpus: Corpus
) -> None:
    rng = random.Random(20261121)
    alphabet = list("ab fo*-\"'()\\:&|!<>^+{}~,.") + ["AND", "OR", "NOT", " forces ", "ًّ", "ß"]
    parsed = 0
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14)))
        try:
            query = parse_query(text)
        except SearchQueryError:
            continue
        parsed += 1
        await search_statements(session, query, limit=3)
        await search_actors(session, query, limit=3)
    assert parsed > 50
