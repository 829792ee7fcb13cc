"""Full-text search over statements, articles and actors: one interface, two engines.

SQLite searches the FTS5 tables of revision 0002 (``MATCH``, ranked by ``bm25``); PostgreSQL
searches their tsvector twins (``@@ to_tsquery``, ranked by ``ts_rank_cd``). Both take the
same parsed query (``api.search.parse_query``) and return the same thing: pages of hits in
descending ``rank`` (higher is better; the two engines' scales differ), ties broken by id,
continued after a ``SearchCursor`` ``(rank, id)`` (keyset, never OFFSET), each hit with its
row and a highlighted ``Snippet``.

``*_matches`` give the same searches as subqueries ``(id, rank)`` and ``statement_match_clause``
as a condition, to combine search with other filters and orderings in one query;
``match_ids_sql`` and ``match_count_sql`` the matching ids and their exact number as SQL text
(with ``match_parameter`` the value to bind), for statements written as text.

Relevance is bounded, the same way on both engines: a query is ranked over its first
``RANK_CANDIDATES`` matches, which is every match unless the query is common (see
``RANK_CANDIDATES``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar

from sqlalchemy import (
    ColumnElement,
    Float,
    Integer,
    Select,
    String,
    Subquery,
    and_,
    bindparam,
    cast,
    column,
    func,
    literal,
    literal_column,
    or_,
    select,
    table,
    text,
)
from sqlalchemy.ext.asyncio import AsyncSession

from api.repository.base import Page
from api.search import Highlighter, SearchQuery, Snippet, parse_query
from api.search.snippet import DEFAULT_WIDTH, Stemming
from schema import Actor, ActorAlias, Article, Attribution, Base, Statement

__all__ = [
    "ID_ORDER_HEAD",
    "RANK_CANDIDATES",
    "SEARCH_TARGETS",
    "ActorHit",
    "ArticleHit",
    "SearchCursor",
    "SearchHit",
    "StatementHit",
    "Target",
    "actor_matches",
    "article_matches",
    "count_matches",
    "dialect_of",
    "first_match_ids_sql",
    "first_matches",
    "match_count_sql",
    "match_ids_sql",
    "match_parameter",
    "search_actors",
    "search_plans",
    "search_articles",
    "search_statements",
    "statement_match_clause",
    "statement_matches",
]

M = TypeVar("M", bound=Base)
Target = Literal["statement", "article", "actor"]
Dialect = str


@dataclass(frozen=True, slots=True)
class SearchCursor:
    """Where a page of hits ended: continue with rows ranked below ``rank``, or ranked equal
    with a larger ``id``."""

    rank: float
    id: int


@dataclass(frozen=True, slots=True)
class SearchHit(Generic[M]):
    """One row that matches, how well (``rank``, higher is better), and where (``snippet``)."""

    row: M
    rank: float
    snippet: Snippet

    @property
    def cursor(self) -> SearchCursor:
        return SearchCursor(self.rank, int(getattr(self.row, "id")))  # noqa: B009


StatementHit = SearchHit[Statement]
ArticleHit = SearchHit[Article]
ActorHit = SearchHit[Actor]


@dataclass(frozen=True, slots=True)
class _Index:
    model: type[Base]
    table: str
    #: PostgreSQL: the id column of the tsvector table and the text search configuration
    key: str
    config: str
    #: SQLite: bm25 weight of each FTS5 column, in column order
    weights: tuple[float, ...]
    #: how the highlighter compares words, per dialect
    stemming: dict[str, Stemming]


_INDEXES: dict[Target, _Index] = {
    "statement": _Index(
        Statement,
        "fts_statement",
        "statement_id",
        "dicta_english",
        (1.0, 0.5),
        {"postgresql": "english", "sqlite": "porter"},
    ),
    "article": _Index(
        Article,
        "fts_article",
        "article_id",
        "dicta_english",
        (4.0, 2.0, 1.0),
        {"postgresql": "english", "sqlite": "porter"},
    ),
    "actor": _Index(
        Actor,
        "fts_actor",
        "actor_id",
        "dicta_simple",
        (1.0, 0.5),
        {"postgresql": "none", "sqlite": "none"},
    ),
}

#: the search index of each searched model
SEARCH_TARGETS: dict[type[Base], Target] = {index.model: t for t, index in _INDEXES.items()}

#: ts_rank_cd normalisation: divide by 1 + log(document length), so that long documents do
#: not win by length alone
PG_RANK_NORMALIZATION = 1

#: Relevance is computed for at most this many matches of a query: the first ones in the
#: index's order (storage order on PostgreSQL, id order on SQLite; both roughly the order
#: rows were loaded in). A query with fewer matches is ranked exactly, over all of them.
#:
#: Ranking reads every candidate's document. For a word found in 6% of a million statements
#: (57,000 rows) that takes 0.4-0.9 s on PostgreSQL (every matching heap page is visited);
#: the first 500 matches cost a few milliseconds (a sequential scan that stops at the 500th,
#: or a GIN bitmap scan for rarer words). So a relevance-ordered result is the best of a
#: query's first ``RANK_CANDIDATES`` matches, and ends there (``has_next`` turns false): to
#: walk every match, order by something else (``statement_match_clause`` with a date order),
#: or narrow the query. ``count_matches`` tells how many there are.
RANK_CANDIDATES = 500


def dialect_of(session: AsyncSession) -> Dialect:
    """``"sqlite"`` or ``"postgresql"``: which engine ``session`` talks to."""
    return session.get_bind().dialect.name


def _parsed(query: str | SearchQuery) -> SearchQuery:
    return query if isinstance(query, SearchQuery) else parse_query(query)


def _matches(
    dialect: Dialect,
    index: _Index,
    query: SearchQuery,
    *,
    ranked: bool = True,
    candidates: int | None = None,
    where: Sequence[ColumnElement[bool]] = (),
) -> Subquery:
    """``(id, rank)`` of the rows ``index`` finds for ``query`` (and for which ``where``
    holds, ``where`` being conditions on ``index.model``); with ``candidates``, only the
    first ``candidates`` of them (see ``RANK_CANDIDATES``)."""
    model: Any = index.model
    score: ColumnElement[Any]
    if dialect == "sqlite":
        fts = table(index.table, column("rowid", Integer))
        key: Any = fts.c.rowid
        match = literal_column(index.table).op("MATCH")(
            bindparam("fts_query", query.fts5(), String)
        )
        # bm25 is smaller for better matches; an FTS5 auxiliary function, it must be computed
        # in the query that matches, and is, for the candidates only
        score = (
            -func.bm25(literal_column(index.table), *(literal(w) for w in index.weights))
            if ranked
            else literal(0.0)
        )
        stmt = select(key.label("id"), cast(score, Float).label("rank")).where(match)
        if where:
            stmt = stmt.join(model, model.id == key).where(*where)
        if candidates is not None:
            # the first matches in rowid order, where FTS5 reads its index from
            stmt = stmt.order_by(key).limit(candidates)
        return stmt.subquery(f"{index.table}_matches")
    tsquery = func.to_tsquery(
        literal_column(f"'{index.config}'::regconfig"),
        bindparam("ts_query", query.tsquery(), String),
    )

    def matching(source: Any, id_: Any) -> Select[Any]:
        stmt = select(id_.label("id"), source.c.document.label("document")).where(
            source.c.document.op("@@")(tsquery),
            # a query left with only negations (its words were all stop words) would scan
            # the whole table; it matches nothing
            func.querytree(tsquery) != "T",
        )
        return stmt.join(model, model.id == id_).where(*where) if where else stmt

    tsv = table(index.table, column(index.key, Integer), column("document"))
    found_rows = matching(tsv, tsv.c[index.key])
    if candidates is not None:
        # storage order: the GIN index's bitmap scan, or a sequential scan for a common
        # query, stops at the ``candidates``-th match
        found_rows = found_rows.limit(candidates)
    found = found_rows.subquery("candidates")
    score = (
        func.ts_rank_cd(found.c.document, tsquery, PG_RANK_NORMALIZATION)
        if ranked
        else literal(0.0)
    )
    return select(found.c.id, cast(score, Float).label("rank")).subquery(f"{index.table}_matches")


def _after(
    rank: ColumnElement[float], id_: ColumnElement[int], after: SearchCursor
) -> ColumnElement[bool]:
    r = bindparam("after_rank", after.rank, Float)
    return or_(rank < r, and_(rank == r, id_ > bindparam("after_id", after.id, Integer)))


def statement_matches(
    dialect: Dialect,
    query: str | SearchQuery,
    *,
    ranked: bool = True,
    candidates: int | None = None,
    where: Sequence[ColumnElement[bool]] = (),
) -> Subquery:
    """Statements whose text or any rendering matches ``query``, as a subquery with columns
    ``id`` and ``rank`` (higher is better; 0 for every row when ``ranked`` is false, which is
    much cheaper). Join it on ``Statement.id`` and order by ``rank`` descending, then
    ``Statement.id``, for relevance. ``candidates`` bounds the work as ``RANK_CANDIDATES``
    does for ``search_statements`` (None: every match); ``where`` (conditions on
    ``Statement``) is applied before the candidates are taken, so that
    ``statement_matches(d, q, candidates=RANK_CANDIDATES, where=w)`` finds the same rows, with
    the same ranks, as ``search_statements(session, q, where=w, ...)``. ``dialect`` is
    ``dialect_of(session)``. On PostgreSQL, with ``candidates``, run the query after
    ``search_plans(session)``."""
    return _matches(
        dialect,
        _INDEXES["statement"],
        _parsed(query),
        ranked=ranked,
        candidates=candidates,
        where=where,
    )


def article_matches(
    dialect: Dialect,
    query: str | SearchQuery,
    *,
    ranked: bool = True,
    candidates: int | None = None,
    where: Sequence[ColumnElement[bool]] = (),
) -> Subquery:
    """Articles whose title, subtitle or text matches ``query``: ``(id, rank)``, as
    ``statement_matches``."""
    return _matches(
        dialect,
        _INDEXES["article"],
        _parsed(query),
        ranked=ranked,
        candidates=candidates,
        where=where,
    )


def actor_matches(
    dialect: Dialect,
    query: str | SearchQuery,
    *,
    ranked: bool = True,
    candidates: int | None = None,
    where: Sequence[ColumnElement[bool]] = (),
) -> Subquery:
    """Actors whose name or any alias matches ``query``: ``(id, rank)``, as
    ``statement_matches``."""
    return _matches(
        dialect,
        _INDEXES["actor"],
        _parsed(query),
        ranked=ranked,
        candidates=candidates,
        where=where,
    )


def statement_match_clause(dialect: Dialect, query: str | SearchQuery) -> ColumnElement[bool]:
    """A condition on ``Statement``: its text or one of its renderings matches ``query``.
    Use it with any other condition and order (and keyset paging) of the caller's."""
    ids = statement_matches(dialect, query, ranked=False)
    return Statement.id.in_(select(ids.c.id))


def match_parameter(dialect: Dialect, query: str | SearchQuery) -> str:
    """The value to bind to the placeholder of ``match_ids_sql``: ``query`` as an FTS5 MATCH
    expression (SQLite) or as the text of a ``to_tsquery`` (PostgreSQL)."""
    q = _parsed(query)
    return q.fts5() if dialect == "sqlite" else q.tsquery()


def match_ids_sql(target: Target, dialect: Dialect, placeholder: str) -> str:
    """SQL text of a subquery of one column: the ids of the rows ``target``'s index finds for
    the query bound at ``placeholder`` (``?`` on SQLite, ``$n`` on PostgreSQL; its value is
    ``match_parameter``'s). The same rows as ``*_matches(dialect, query, ranked=False)``, for
    callers that write their statements as text (the compiled GraphQL path)."""
    index = _INDEXES[target]
    if dialect == "sqlite":
        return f"SELECT rowid FROM {index.table} WHERE {index.table} MATCH {placeholder}"
    return f"SELECT {index.key} FROM {index.table} WHERE {_pg_match_sql(index, placeholder)}"


def _pg_match_sql(index: _Index, placeholder: str) -> str:
    """SQL text of the PostgreSQL condition that a row of ``index`` matches the query bound at
    ``placeholder``."""
    tsquery = f"to_tsquery('{index.config}'::regconfig, {placeholder})"
    # as in ``_matches``: a query left with only negations matches nothing
    return f"document @@ {tsquery} AND querytree({tsquery}) != 'T'"


#: A page of a search in id order looks for its matches among this many next rows in id order
#: first (a scan that stops at the page's last match), and through the search index only when
#: they do not fill it (see ``first_match_ids_sql``).
ID_ORDER_HEAD = 10_000


def first_match_ids_sql(
    target: Target, dialect: Dialect, placeholder: str, *, after: str | None, limit: str
) -> str:
    """SQL text of a subquery of one column holding the first ``limit`` ids (in id order)
    after ``after`` of the rows ``target``'s index finds for the query bound at
    ``placeholder`` (as ``match_ids_sql``), and possibly more: select from it in id order
    with the same limit and lower bound. ``after`` and ``limit`` are placeholders too (or
    None: from the first row).

    On PostgreSQL the first matches are found in two steps, so that the plan does not hang on
    the planner's guess of how common the query's words are (a word it has no statistics
    for is guessed in one row of a thousand; if it is in none, an id-order scan that expects
    a page's matches soon reads the whole table: 0.3 s at a million statements): the next
    ``ID_ORDER_HEAD`` rows in id order, read until the page is full (a common query: a few
    hundred rows); then, only when they hold fewer matches than the page, every match beyond
    them, from the search index (a rare query: its few matches). SQLite reads the matches
    from its FTS5 index in rowid order."""
    if dialect == "sqlite":
        return match_ids_sql(target, dialect, placeholder)
    index = _INDEXES[target]
    key, table_name = index.key, index.table
    matches = _pg_match_sql(index, placeholder)
    after_where = "" if after is None else f" WHERE {key} > {after}"
    return (
        f"WITH head AS MATERIALIZED (SELECT {key} AS id FROM (SELECT {key}, document "
        f"FROM {table_name}{after_where} ORDER BY {key} LIMIT {ID_ORDER_HEAD}) AS h "
        f"WHERE {matches} ORDER BY {key} LIMIT {limit}), "
        f"rest AS MATERIALIZED (SELECT {key} AS id FROM {table_name} "
        f"WHERE (SELECT count(*) FROM head) < {limit} AND {key} > (SELECT {key} "
        f"FROM {table_name}{after_where} ORDER BY {key} OFFSET {ID_ORDER_HEAD - 1} LIMIT 1) "
        f"AND {matches}) "
        "SELECT id FROM head UNION ALL SELECT id FROM rest"
    )


def first_matches(
    dialect: Dialect,
    target: Target,
    query: str | SearchQuery,
    *,
    after: int | None,
    limit: int,
) -> Subquery:
    """``first_match_ids_sql`` as a subquery with column ``id``: at least the first ``limit``
    ids after ``after`` (in id order) of the rows ``target``'s index finds for ``query``.
    Select from it in id order, after ``after``, with the same limit."""
    q = _parsed(query)
    if dialect == "sqlite":
        return _matches(dialect, _INDEXES[target], q, ranked=False)
    sql = first_match_ids_sql(
        target,
        dialect,
        ":first_query",
        after=None if after is None else ":first_after",
        limit=":first_limit",
    )
    params: dict[str, Any] = {"first_query": match_parameter(dialect, q), "first_limit": limit}
    if after is not None:
        params["first_after"] = after
    return text(sql).bindparams(**params).columns(id=Integer).subquery("first_matches")


def match_count_sql(target: Target, dialect: Dialect, placeholder: str) -> str:
    """SQL text counting the rows of ``match_ids_sql`` (exact; from the search index's table
    alone: each of its rows is one row of ``target``)."""
    return f"SELECT count(*) FROM ({match_ids_sql(target, dialect, placeholder)}) AS found"


async def count_matches(
    session: AsyncSession,
    target: Target,
    query: str | SearchQuery,
    *,
    cap: int | None = None,
) -> int:
    """How many statements, articles or actors match ``query``, counting at most ``cap``.
    An exact count visits every match, as costly as ranking them all; ``cap`` keeps it cheap
    ("500 or more"). Uncapped, it reads the search index's table alone (each of its rows is
    one statement, article or actor), with no join."""
    dialect = dialect_of(session)
    if cap is not None:
        await search_plans(session)  # which matches come first must not vary
    ids = _matches(dialect, _INDEXES[target], _parsed(query), ranked=False, candidates=cap)
    total = await session.scalar(select(func.count()).select_from(ids))
    return int(total or 0)


async def search_plans(session: AsyncSession) -> None:
    """For the rest of this transaction (PostgreSQL): plan statements for their parameters'
    values, and read tables in a fixed order.

    How to find a query's first matches depends on how common its words are: a sequential
    scan that stops at the last candidate for a common word, the GIN index for a rare one. A
    plan prepared once and reused for any words (a "generic" plan, which PostgreSQL switches
    to after a few executions of a prepared statement) cannot know: for a word in 20% of a
    million statements it builds the GIN bitmap of all 200,000 matches (75 ms instead of 8).
    The settings last until the transaction ends; later statements in it are planned for
    their values too, which costs a little planning time and nothing else. On SQLite this
    does nothing."""
    if dialect_of(session) != "postgresql":
        return
    await session.execute(
        select(
            func.set_config("plan_cache_mode", "force_custom_plan", True),
            # storage order must not depend on other scans running (synchronized scans) or
            # on parallel workers, or a query's candidates would change between two pages
            func.set_config("synchronize_seqscans", "off", True),
            func.set_config("max_parallel_workers_per_gather", "0", True),
        )
    )


async def _search(
    session: AsyncSession,
    target: Target,
    query: str | SearchQuery,
    *,
    limit: int,
    after: SearchCursor | None,
    where: Sequence[ColumnElement[bool]],
) -> tuple[list[tuple[Any, float]], bool, SearchQuery, Dialect]:
    q = _parsed(query)
    dialect = dialect_of(session)
    await search_plans(session)
    index = _INDEXES[target]
    model: Any = index.model
    found = _matches(dialect, index, q, candidates=RANK_CANDIDATES, where=where)
    best = select(found.c.id, found.c.rank)
    if after is not None:
        best = best.where(_after(found.c.rank, found.c.id, after))
    best_page = best.order_by(found.c.rank.desc(), found.c.id).limit(limit + 1).subquery("best")
    stmt = (
        select(model, best_page.c.rank)
        .join(best_page, best_page.c.id == model.id)
        .order_by(best_page.c.rank.desc(), model.id)
    )
    rows = [(row, float(rank)) for row, rank in (await session.execute(stmt)).tuples()]
    return rows[:limit], len(rows) > limit, q, dialect


async def search_statements(
    session: AsyncSession,
    query: str | SearchQuery,
    *,
    limit: int,
    after: SearchCursor | None = None,
    where: Sequence[ColumnElement[bool]] = (),
    snippet_width: int = DEFAULT_WIDTH,
) -> Page[StatementHit]:
    """Statements whose text, or any of their attributions' content, matches ``query``: the
    best ``limit`` after ``after``, each with a snippet of the statement text (or, when only
    a rendering matches, of that attribution's content, ``field="attribution"`` and
    ``source_id`` its id). ``where`` adds conditions on ``Statement``. One query (on
    PostgreSQL, after one that sets how it is planned), plus one for attribution contents
    when some hit matched only through them."""
    rows, has_next, q, dialect = await _search(
        session, "statement", query, limit=limit, after=after, where=where
    )
    highlighter = Highlighter(q, _INDEXES["statement"].stemming.get(dialect, "none"))
    statements: list[Statement] = [row for row, _ in rows]
    spans = {s.id: highlighter.matches(s.text) for s in statements}
    renderings: dict[int, list[tuple[int, str]]] = {}
    missing = [s.id for s in statements if not spans[s.id]]
    if missing:
        stmt = (
            select(Attribution.statement_id, Attribution.id, Attribution.content)
            .where(Attribution.statement_id.in_(missing))
            .order_by(Attribution.statement_id, Attribution.id)
        )
        for statement_id, attribution_id, content in (await session.execute(stmt)).tuples():
            renderings.setdefault(statement_id, []).append((attribution_id, content))
    hits: list[StatementHit] = []
    for statement, rank in rows:
        if spans[statement.id]:
            snippet = highlighter.snippet(
                statement.text, "text", spans=spans[statement.id], width=snippet_width
            )
        else:
            fields: list[tuple[str, int | None, str | None]] = [("text", None, statement.text)]
            fields += [
                ("attribution", a_id, text) for a_id, text in renderings.get(statement.id, [])
            ]
            snippet = highlighter.best_snippet(fields, width=snippet_width)
        hits.append(SearchHit(statement, rank, snippet))
    return Page(rows=hits, has_next=has_next)


async def search_articles(
    session: AsyncSession,
    query: str | SearchQuery,
    *,
    limit: int,
    after: SearchCursor | None = None,
    where: Sequence[ColumnElement[bool]] = (),
    snippet_width: int = DEFAULT_WIDTH,
) -> Page[ArticleHit]:
    """Articles whose title, subtitle or text matches ``query``, best first, each with a
    snippet of the field with the most matches (title, then subtitle, then text on ties)."""
    rows, has_next, q, dialect = await _search(
        session, "article", query, limit=limit, after=after, where=where
    )
    highlighter = Highlighter(q, _INDEXES["article"].stemming.get(dialect, "none"))
    hits: list[ArticleHit] = []
    for article, rank in rows:
        snippet = highlighter.best_snippet(
            [
                ("title", None, article.title),
                ("subtitle", None, article.subtitle),
                ("text", None, article.text),
            ],
            width=snippet_width,
        )
        hits.append(SearchHit(article, rank, snippet))
    return Page(rows=hits, has_next=has_next)


async def search_actors(
    session: AsyncSession,
    query: str | SearchQuery,
    *,
    limit: int,
    after: SearchCursor | None = None,
    where: Sequence[ColumnElement[bool]] = (),
    snippet_width: int = DEFAULT_WIDTH,
) -> Page[ActorHit]:
    """Actors whose canonical name or any alias (any script) matches ``query``, best first;
    the snippet is the name, or the alias that matches best (``field="alias"``,
    ``source_id`` the alias id). One query (see ``search_statements``), plus one for the
    aliases of hits whose name does not match."""
    rows, has_next, q, dialect = await _search(
        session, "actor", query, limit=limit, after=after, where=where
    )
    highlighter = Highlighter(q, _INDEXES["actor"].stemming.get(dialect, "none"))
    actors: list[Actor] = [row for row, _ in rows]
    aliases: dict[int, list[tuple[int, str]]] = {}
    missing = [a.id for a in actors if not highlighter.matches(a.name)]
    if missing:
        stmt = (
            select(ActorAlias.actor_id, ActorAlias.id, ActorAlias.alias)
            .where(ActorAlias.actor_id.in_(missing))
            .order_by(ActorAlias.actor_id, ActorAlias.id)
        )
        for actor_id, alias_id, alias in (await session.execute(stmt)).tuples():
            aliases.setdefault(actor_id, []).append((alias_id, alias))
    hits: list[ActorHit] = []
    for actor, rank in rows:
        fields: list[tuple[str, int | None, str | None]] = [("name", None, actor.name)]
        fields += [("alias", a_id, alias) for a_id, alias in aliases.get(actor.id, [])]
        hits.append(SearchHit(actor, rank, highlighter.best_snippet(fields, width=snippet_width)))
    return Page(rows=hits, has_next=has_next)
