"""full-text search

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 12:00:00.000000

Three search indexes, kept in sync by triggers, so rows written by any path (the ORM, bulk
COPY, executemany, hand-written SQL) are findable as soon as they are committed:

* ``fts_statement``: a statement's canonical text (weight A) and every rendering of it, the
  ``content`` of its attributions (weight B);
* ``fts_article``: title (A), subtitle (B) and text (D);
* ``fts_actor``: canonical name (A) and all aliases, in any script (B).

SQLite: FTS5 virtual tables whose rowid is the indexed row's id. Statements and actors use
regular FTS5 tables (their documents are assembled from several rows); articles use a
contentless one, because article text is long and is never read back from the index.
Statement and article text is tokenised with ``porter unicode61``, names with ``unicode61``,
both with ``remove_diacritics 2`` and combining marks kept inside words.

PostgreSQL: tables of ``(id, document tsvector)`` with a GIN index, filled by statement-level
triggers with transition tables (one set-based statement per INSERT/UPDATE/DELETE, however
many rows it touches, so COPY stays fast). ``dicta_english`` (english stemming) indexes
statement and article text, ``dicta_simple`` (no stemming, no stop words) names; both fold
accents with ``unaccent``, which this revision installs when it is missing.

On both backends Arabic vowel marks (harakat), the superscript alef and the tatweel are removed
before indexing, so ``محمد`` finds ``مُحَمَّد``; queries strip the same characters.

SQLite drops a table's triggers with the table: a later migration that rebuilds ``statement``,
``attribution``, ``article``, ``actor`` or ``actor_alias`` in batch mode must create this
revision's triggers again (``sqlite_triggers()`` below returns them).
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Arabic harakat (U+064B..U+0652), superscript alef (U+0670) and tatweel (U+0640)
ARABIC_MARKS = "".join(chr(c) for c in (*range(0x064B, 0x0653), 0x0670, 0x0640))

SQLITE_TEXT_TOKENIZER = "porter unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
SQLITE_NAME_TOKENIZER = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'"


def upgrade() -> None:
    if op.get_context().dialect.name == "sqlite":
        for sql in sqlite_upgrade():
            op.execute(sql)
    else:
        for sql in postgresql_upgrade():
            op.execute(sql)


def downgrade() -> None:
    if op.get_context().dialect.name == "sqlite":
        for sql in sqlite_downgrade():
            op.execute(sql)
    else:
        for sql in postgresql_downgrade():
            op.execute(sql)


# -- SQLite ---------------------------------------------------------------------------------


def _sqlite_strip(expr: str) -> str:
    """``expr`` without Arabic vowel marks: nested replace(), SQLite has no translate()."""
    for mark in ARABIC_MARKS:
        expr = f"replace({expr}, char({ord(mark)}), '')"
    return expr


def _sqlite_renderings(statement_id: str) -> str:
    return _sqlite_strip(
        "(SELECT group_concat(content, char(10)) FROM (SELECT content FROM attribution "
        f"WHERE statement_id = {statement_id} ORDER BY id))"
    )


def _sqlite_aliases(actor_id: str) -> str:
    return _sqlite_strip(
        "(SELECT group_concat(alias, char(10)) FROM (SELECT alias FROM actor_alias "
        f"WHERE actor_id = {actor_id} ORDER BY id))"
    )


def _sqlite_statement_row(row: str) -> str:
    return (
        "INSERT INTO fts_statement (rowid, text, renderings) VALUES "
        f"({row}.id, {_sqlite_strip(f'{row}.text')}, {_sqlite_renderings(f'{row}.id')});"
    )


def _sqlite_article_row(row: str, *, delete: bool = False) -> str:
    values = ", ".join(_sqlite_strip(f"{row}.{c}") for c in ("title", "subtitle", "text"))
    if delete:
        return (
            "INSERT INTO fts_article (fts_article, rowid, title, subtitle, text) "
            f"VALUES ('delete', {row}.id, {values});"
        )
    return f"INSERT INTO fts_article (rowid, title, subtitle, text) VALUES ({row}.id, {values});"


def _sqlite_actor_row(row: str) -> str:
    return (
        "INSERT INTO fts_actor (rowid, name, aliases) VALUES "
        f"({row}.id, {_sqlite_strip(f'{row}.name')}, {_sqlite_aliases(f'{row}.id')});"
    )


def _trigger(name: str, event: str, body: Sequence[str]) -> str:
    return f"CREATE TRIGGER {name} {event} BEGIN\n  " + "\n  ".join(body) + "\nEND"


def sqlite_triggers() -> list[str]:
    """The triggers that keep the FTS5 tables in sync with the tables they index."""
    set_renderings = "UPDATE fts_statement SET renderings = {agg} WHERE rowid = {sid};"
    set_aliases = "UPDATE fts_actor SET aliases = {agg} WHERE rowid = {aid};"
    return [
        # statements
        _trigger("fts_statement_ai", "AFTER INSERT ON statement", [_sqlite_statement_row("new")]),
        _trigger(
            "fts_statement_au",
            "AFTER UPDATE OF id, text ON statement",
            ["DELETE FROM fts_statement WHERE rowid = old.id;", _sqlite_statement_row("new")],
        ),
        _trigger(
            "fts_statement_ad",
            "AFTER DELETE ON statement",
            ["DELETE FROM fts_statement WHERE rowid = old.id;"],
        ),
        # attributions: the renderings of their statement
        _trigger(
            "fts_attribution_ai",
            "AFTER INSERT ON attribution",
            [
                set_renderings.format(
                    agg=_sqlite_renderings("new.statement_id"), sid="new.statement_id"
                )
            ],
        ),
        _trigger(
            "fts_attribution_au",
            "AFTER UPDATE OF statement_id, content ON attribution",
            [
                set_renderings.format(
                    agg=_sqlite_renderings("old.statement_id"), sid="old.statement_id"
                ),
                set_renderings.format(
                    agg=_sqlite_renderings("new.statement_id"), sid="new.statement_id"
                ),
            ],
        ),
        _trigger(
            "fts_attribution_ad",
            "AFTER DELETE ON attribution",
            [
                set_renderings.format(
                    agg=_sqlite_renderings("old.statement_id"), sid="old.statement_id"
                )
            ],
        ),
        # articles (contentless: a delete must repeat the values that were indexed)
        _trigger("fts_article_ai", "AFTER INSERT ON article", [_sqlite_article_row("new")]),
        _trigger(
            "fts_article_au",
            "AFTER UPDATE OF id, title, subtitle, text ON article",
            [_sqlite_article_row("old", delete=True), _sqlite_article_row("new")],
        ),
        _trigger(
            "fts_article_ad", "AFTER DELETE ON article", [_sqlite_article_row("old", delete=True)]
        ),
        # actors and their aliases
        _trigger("fts_actor_ai", "AFTER INSERT ON actor", [_sqlite_actor_row("new")]),
        _trigger(
            "fts_actor_au",
            "AFTER UPDATE OF id, name ON actor",
            ["DELETE FROM fts_actor WHERE rowid = old.id;", _sqlite_actor_row("new")],
        ),
        _trigger(
            "fts_actor_ad", "AFTER DELETE ON actor", ["DELETE FROM fts_actor WHERE rowid = old.id;"]
        ),
        _trigger(
            "fts_actor_alias_ai",
            "AFTER INSERT ON actor_alias",
            [set_aliases.format(agg=_sqlite_aliases("new.actor_id"), aid="new.actor_id")],
        ),
        _trigger(
            "fts_actor_alias_au",
            "AFTER UPDATE OF actor_id, alias ON actor_alias",
            [
                set_aliases.format(agg=_sqlite_aliases("old.actor_id"), aid="old.actor_id"),
                set_aliases.format(agg=_sqlite_aliases("new.actor_id"), aid="new.actor_id"),
            ],
        ),
        _trigger(
            "fts_actor_alias_ad",
            "AFTER DELETE ON actor_alias",
            [set_aliases.format(agg=_sqlite_aliases("old.actor_id"), aid="old.actor_id")],
        ),
    ]


SQLITE_TRIGGER_NAMES = (
    "fts_statement_ai",
    "fts_statement_au",
    "fts_statement_ad",
    "fts_attribution_ai",
    "fts_attribution_au",
    "fts_attribution_ad",
    "fts_article_ai",
    "fts_article_au",
    "fts_article_ad",
    "fts_actor_ai",
    "fts_actor_au",
    "fts_actor_ad",
    "fts_actor_alias_ai",
    "fts_actor_alias_au",
    "fts_actor_alias_ad",
)


def sqlite_upgrade() -> list[str]:
    return [
        "CREATE VIRTUAL TABLE fts_statement USING fts5("
        f'text, renderings, tokenize="{SQLITE_TEXT_TOKENIZER}")',
        "CREATE VIRTUAL TABLE fts_article USING fts5("
        f"title, subtitle, text, content='', tokenize=\"{SQLITE_TEXT_TOKENIZER}\")",
        "CREATE VIRTUAL TABLE fts_actor USING fts5("
        f'name, aliases, tokenize="{SQLITE_NAME_TOKENIZER}")',
        # backfill what is already there
        "INSERT INTO fts_statement (rowid, text, renderings) SELECT s.id, "
        f"{_sqlite_strip('s.text')}, {_sqlite_renderings('s.id')} FROM statement AS s",
        "INSERT INTO fts_article (rowid, title, subtitle, text) SELECT a.id, "
        + ", ".join(_sqlite_strip(f"a.{c}") for c in ("title", "subtitle", "text"))
        + " FROM article AS a",
        "INSERT INTO fts_actor (rowid, name, aliases) SELECT a.id, "
        f"{_sqlite_strip('a.name')}, {_sqlite_aliases('a.id')} FROM actor AS a",
        *sqlite_triggers(),
    ]


def sqlite_downgrade() -> list[str]:
    return [
        *(f"DROP TRIGGER IF EXISTS {name}" for name in SQLITE_TRIGGER_NAMES),
        "DROP TABLE IF EXISTS fts_actor",
        "DROP TABLE IF EXISTS fts_article",
        "DROP TABLE IF EXISTS fts_statement",
    ]


# -- PostgreSQL -----------------------------------------------------------------------------

#: the same characters as a PostgreSQL Unicode escape string body (U&'...')
PG_MARKS = "".join(f"\\{ord(c):04X}" for c in ARABIC_MARKS)


def _pg_vector(config: str, expr: str, weight: str) -> str:
    return f"setweight(to_tsvector('{config}', fts_strip_marks(coalesce({expr}, ''))), '{weight}')"


PG_STATEMENT_DOCUMENT = (
    _pg_vector("dicta_english", "s.text", "A")
    + " || "
    + _pg_vector("dicta_english", "r.renderings", "B")
)
PG_ARTICLE_DOCUMENT = " || ".join(
    (
        _pg_vector("dicta_english", "a.title", "A"),
        _pg_vector("dicta_english", "a.subtitle", "B"),
        _pg_vector("dicta_english", "a.text", "D"),
    )
)
PG_ACTOR_DOCUMENT = (
    _pg_vector("dicta_simple", "a.name", "A")
    + " || "
    + _pg_vector("dicta_simple", "r.aliases", "B")
)


def _pg_trigger(
    name: str, table: str, event: str, transition: str, ids: str, refresh: str
) -> list[str]:
    """A statement-level trigger that refreshes the search rows of the ids ``ids`` selects."""
    return [
        f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        "BEGIN\n"
        f"  PERFORM {refresh}(ARRAY({ids}));\n"
        "  RETURN NULL;\n"
        "END $$",
        f"CREATE TRIGGER {name} AFTER {event} ON {table} REFERENCING {transition} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {name}()",
    ]


def _changed(key: str, columns: str) -> str:
    """``key`` of the rows whose ``columns`` differ between old_rows and new_rows (either side)."""
    return (
        f"SELECT {key} FROM (SELECT {columns} FROM old_rows EXCEPT SELECT {columns} FROM new_rows) o "
        f"UNION SELECT {key} FROM (SELECT {columns} FROM new_rows EXCEPT SELECT {columns} FROM old_rows) n"
    )


def postgresql_upgrade() -> list[str]:
    both = "OLD TABLE AS old_rows NEW TABLE AS new_rows"
    return [
        "CREATE EXTENSION IF NOT EXISTS unaccent",
        "CREATE TEXT SEARCH CONFIGURATION dicta_english (COPY = pg_catalog.english)",
        "ALTER TEXT SEARCH CONFIGURATION dicta_english "
        "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem",
        "CREATE TEXT SEARCH CONFIGURATION dicta_simple (COPY = pg_catalog.simple)",
        "ALTER TEXT SEARCH CONFIGURATION dicta_simple "
        "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple",
        "CREATE FUNCTION fts_strip_marks(value text) RETURNS text "
        "LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE "
        # (a regular expression: several times faster than translate() on long text)
        f"AS $$ SELECT regexp_replace(value, U&'[{PG_MARKS}]', '', 'g') $$",
        # tables
        "CREATE TABLE fts_statement ("
        " statement_id integer PRIMARY KEY"
        " REFERENCES statement (id) ON DELETE CASCADE ON UPDATE CASCADE,"
        " document tsvector NOT NULL)",
        "CREATE INDEX ix_fts_statement_document ON fts_statement USING gin (document)",
        "CREATE TABLE fts_article ("
        " article_id integer PRIMARY KEY"
        " REFERENCES article (id) ON DELETE CASCADE ON UPDATE CASCADE,"
        " document tsvector NOT NULL)",
        "CREATE INDEX ix_fts_article_document ON fts_article USING gin (document)",
        "CREATE TABLE fts_actor ("
        " actor_id integer PRIMARY KEY"
        " REFERENCES actor (id) ON DELETE CASCADE ON UPDATE CASCADE,"
        " document tsvector NOT NULL)",
        "CREATE INDEX ix_fts_actor_document ON fts_actor USING gin (document)",
        # refresh functions: (re)compute the documents of the given ids, set-based (a join
        # with an aggregate, not a lateral subquery per row: during a bulk load the planner
        # has no statistics for the growing tables and must not pick a per-row scan)
        "CREATE FUNCTION fts_statement_refresh(ids integer[]) RETURNS void LANGUAGE sql AS $$\n"
        "INSERT INTO fts_statement (statement_id, document)\n"
        f"SELECT s.id, {PG_STATEMENT_DOCUMENT}\n"
        "FROM statement AS s\n"
        "LEFT JOIN (SELECT t.statement_id,\n"
        "    string_agg(t.content, E'\\n' ORDER BY t.id) AS renderings\n"
        "  FROM attribution AS t WHERE t.statement_id = ANY(ids) GROUP BY t.statement_id\n"
        ") AS r ON r.statement_id = s.id\n"
        "WHERE s.id = ANY(ids)\n"
        "ON CONFLICT (statement_id) DO UPDATE SET document = EXCLUDED.document\n"
        "$$",
        # when only renderings change, the statement text's part of the document (weight A)
        # is kept as it is and only the renderings are parsed again
        "CREATE FUNCTION fts_statement_refresh_renderings(ids integer[]) RETURNS void "
        "LANGUAGE sql AS $$\n"
        "UPDATE fts_statement AS f\n"
        "SET document = ts_filter(f.document, '{a}') || "
        f"{_pg_vector('dicta_english', 'r.renderings', 'B')}\n"
        "FROM unnest(ids) AS i (id)\n"
        "LEFT JOIN (SELECT t.statement_id,\n"
        "    string_agg(t.content, E'\\n' ORDER BY t.id) AS renderings\n"
        "  FROM attribution AS t WHERE t.statement_id = ANY(ids) GROUP BY t.statement_id\n"
        ") AS r ON r.statement_id = i.id\n"
        "WHERE f.statement_id = i.id\n"
        "$$",
        "CREATE FUNCTION fts_article_refresh(ids integer[]) RETURNS void LANGUAGE sql AS $$\n"
        "INSERT INTO fts_article (article_id, document)\n"
        f"SELECT a.id, {PG_ARTICLE_DOCUMENT}\n"
        "FROM article AS a WHERE a.id = ANY(ids)\n"
        "ON CONFLICT (article_id) DO UPDATE SET document = EXCLUDED.document\n"
        "$$",
        "CREATE FUNCTION fts_actor_refresh(ids integer[]) RETURNS void LANGUAGE sql AS $$\n"
        "INSERT INTO fts_actor (actor_id, document)\n"
        f"SELECT a.id, {PG_ACTOR_DOCUMENT}\n"
        "FROM actor AS a\n"
        "LEFT JOIN (SELECT t.actor_id, string_agg(t.alias, E'\\n' ORDER BY t.id) AS aliases\n"
        "  FROM actor_alias AS t WHERE t.actor_id = ANY(ids) GROUP BY t.actor_id\n"
        ") AS r ON r.actor_id = a.id\n"
        "WHERE a.id = ANY(ids)\n"
        "ON CONFLICT (actor_id) DO UPDATE SET document = EXCLUDED.document\n"
        "$$",
        # backfill what is already there
        "SELECT fts_statement_refresh(ARRAY(SELECT id FROM statement))",
        "SELECT fts_article_refresh(ARRAY(SELECT id FROM article))",
        "SELECT fts_actor_refresh(ARRAY(SELECT id FROM actor))",
        # triggers (deletes of indexed rows cascade through the foreign keys)
        *_pg_trigger(
            "fts_statement_insert",
            "statement",
            "INSERT",
            "NEW TABLE AS new_rows",
            "SELECT id FROM new_rows",
            "fts_statement_refresh",
        ),
        *_pg_trigger(
            "fts_statement_update",
            "statement",
            "UPDATE",
            both,
            _changed("id", "id, text"),
            "fts_statement_refresh",
        ),
        *_pg_trigger(
            "fts_attribution_insert",
            "attribution",
            "INSERT",
            "NEW TABLE AS new_rows",
            "SELECT DISTINCT statement_id FROM new_rows",
            "fts_statement_refresh_renderings",
        ),
        *_pg_trigger(
            "fts_attribution_update",
            "attribution",
            "UPDATE",
            both,
            _changed("statement_id", "id, statement_id, content"),
            "fts_statement_refresh_renderings",
        ),
        *_pg_trigger(
            "fts_attribution_delete",
            "attribution",
            "DELETE",
            "OLD TABLE AS old_rows",
            "SELECT DISTINCT statement_id FROM old_rows",
            "fts_statement_refresh_renderings",
        ),
        *_pg_trigger(
            "fts_article_insert",
            "article",
            "INSERT",
            "NEW TABLE AS new_rows",
            "SELECT id FROM new_rows",
            "fts_article_refresh",
        ),
        *_pg_trigger(
            "fts_article_update",
            "article",
            "UPDATE",
            both,
            _changed("id", "id, title, subtitle, text"),
            "fts_article_refresh",
        ),
        *_pg_trigger(
            "fts_actor_insert",
            "actor",
            "INSERT",
            "NEW TABLE AS new_rows",
            "SELECT id FROM new_rows",
            "fts_actor_refresh",
        ),
        *_pg_trigger(
            "fts_actor_update",
            "actor",
            "UPDATE",
            both,
            _changed("id", "id, name"),
            "fts_actor_refresh",
        ),
        *_pg_trigger(
            "fts_actor_alias_insert",
            "actor_alias",
            "INSERT",
            "NEW TABLE AS new_rows",
            "SELECT DISTINCT actor_id FROM new_rows",
            "fts_actor_refresh",
        ),
        *_pg_trigger(
            "fts_actor_alias_update",
            "actor_alias",
            "UPDATE",
            both,
            _changed("actor_id", "id, actor_id, alias"),
            "fts_actor_refresh",
        ),
        *_pg_trigger(
            "fts_actor_alias_delete",
            "actor_alias",
            "DELETE",
            "OLD TABLE AS old_rows",
            "SELECT DISTINCT actor_id FROM old_rows",
            "fts_actor_refresh",
        ),
    ]


PG_TRIGGERS = (
    ("fts_statement_insert", "statement"),
    ("fts_statement_update", "statement"),
    ("fts_attribution_insert", "attribution"),
    ("fts_attribution_update", "attribution"),
    ("fts_attribution_delete", "attribution"),
    ("fts_article_insert", "article"),
    ("fts_article_update", "article"),
    ("fts_actor_insert", "actor"),
    ("fts_actor_update", "actor"),
    ("fts_actor_alias_insert", "actor_alias"),
    ("fts_actor_alias_update", "actor_alias"),
    ("fts_actor_alias_delete", "actor_alias"),
)


def postgresql_downgrade() -> list[str]:
    # The unaccent extension stays: other objects of the database may use it.
    return [
        *(f"DROP TRIGGER IF EXISTS {name} ON {table}" for name, table in PG_TRIGGERS),
        *(f"DROP FUNCTION IF EXISTS {name}()" for name, _table in PG_TRIGGERS),
        "DROP FUNCTION IF EXISTS fts_statement_refresh_renderings(integer[])",
        "DROP FUNCTION IF EXISTS fts_statement_refresh(integer[])",
        "DROP FUNCTION IF EXISTS fts_article_refresh(integer[])",
        "DROP FUNCTION IF EXISTS fts_actor_refresh(integer[])",
        "DROP TABLE IF EXISTS fts_actor",
        "DROP TABLE IF EXISTS fts_article",
        "DROP TABLE IF EXISTS fts_statement",
        "DROP FUNCTION IF EXISTS fts_strip_marks(text)",
        "DROP TEXT SEARCH CONFIGURATION IF EXISTS dicta_simple",
        "DROP TEXT SEARCH CONFIGURATION IF EXISTS dicta_english",
    ]
