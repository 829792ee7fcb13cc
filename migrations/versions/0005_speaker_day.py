"""statements per speaker and day

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-21 04:00:00.000000

``speaker_day (speaker_id, said_on, said_precision, n)``: how many statements each main speaker
said on each date at each precision, filled from the statements already there and kept exact
by triggers on ``statement``, whatever writes it. A timeline of one speaker reads a few
thousand of its rows instead of an index entry per statement (145,000 for the most quoted
speaker at a million statements).

PostgreSQL: statement-level triggers with transition tables, one per event, add up the rows a
statement wrote per key (the new rows counted up, the old ones down), upsert the sums and drop
the keys that reach zero; a TRUNCATE of ``statement`` empties the summary. SQLite has row-level
triggers only: one count up or down per row, the key looked up with IS (NULL is a value of the
key). A bulk load that sets the triggers aside fills the table afterwards with ``BACKFILL``.

SQLite drops a table's triggers with the table: a later migration that rebuilds ``statement``
in batch mode must create these again (``sqlite_triggers()``), as those of revision 0003.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_KEY = "speaker_id, said_on, said_precision"

#: fills the summary from the statements (an empty summary, triggers aside or not yet there),
#: a speaker's rows side by side on disk
BACKFILL = (
    f"INSERT INTO speaker_day ({_KEY}, n) "
    f"SELECT {_KEY}, count(*) FROM statement WHERE speaker_id IS NOT NULL GROUP BY {_KEY} "
    f"ORDER BY {_KEY}"
)


def _sqlite_count(row: str, sign: str) -> list[str]:
    """Count the statement ``row`` (NEW or OLD) up (``+``) or down (``-``)."""
    same = (
        f"speaker_id = {row}.speaker_id AND said_on IS {row}.said_on "
        f"AND said_precision IS {row}.said_precision"
    )
    if sign == "+":
        return [
            f"UPDATE speaker_day SET n = n + 1 WHERE {same};",
            f"INSERT INTO speaker_day ({_KEY}, n) "
            f"SELECT {row}.speaker_id, {row}.said_on, {row}.said_precision, 1 "
            f"WHERE NOT EXISTS (SELECT 1 FROM speaker_day WHERE {same});",
        ]
    return [
        f"UPDATE speaker_day SET n = n - 1 WHERE {same};",
        f"DELETE FROM speaker_day WHERE {same} AND n = 0;",
    ]


def sqlite_triggers() -> list[str]:
    counted_in = "NEW.speaker_id IS NOT NULL"
    counted_out = "OLD.speaker_id IS NOT NULL"
    moved = (
        "(OLD.speaker_id IS NOT NEW.speaker_id OR OLD.said_on IS NOT NEW.said_on "
        "OR OLD.said_precision IS NOT NEW.said_precision)"
    )
    out = " ".join(_sqlite_count("OLD", "-"))
    into = " ".join(_sqlite_count("NEW", "+"))
    return [
        f"CREATE TRIGGER speaker_day_ai AFTER INSERT ON statement WHEN {counted_in} "
        f"BEGIN {into} END",
        f"CREATE TRIGGER speaker_day_ad AFTER DELETE ON statement WHEN {counted_out} "
        f"BEGIN {out} END",
        # an update that moves a statement to another key counts it out of one, into the other
        f"CREATE TRIGGER speaker_day_au_old AFTER UPDATE ON statement "
        f"WHEN {counted_out} AND {moved} BEGIN {out} END",
        f"CREATE TRIGGER speaker_day_au_new AFTER UPDATE ON statement "
        f"WHEN {counted_in} AND {moved} BEGIN {into} END",
    ]


#: the PostgreSQL trigger functions: the rows one statement wrote, counted per key
_PG_CHANGES = {
    "insert": f"SELECT {_KEY}, 1 AS d FROM new_rows",
    "delete": f"SELECT {_KEY}, -1 AS d FROM old_rows",
    "update": (
        f"SELECT {_KEY}, 1 AS d FROM new_rows UNION ALL SELECT {_KEY}, -1 AS d FROM old_rows"
    ),
}


def _postgresql_function(event: str) -> str:
    delta = (
        f"SELECT {_KEY}, sum(d) AS n FROM ({_PG_CHANGES[event]}) AS changes "
        f"WHERE speaker_id IS NOT NULL GROUP BY {_KEY} HAVING sum(d) <> 0"
        # keys locked in one order, whichever transaction writes them
        f" ORDER BY {_KEY}"
    )
    # inserts only count up: no key of theirs reaches 0
    emptied = (
        ""
        if event == "insert"
        else "  DELETE FROM speaker_day AS s WHERE s.n = 0 AND s.speaker_id IN "
        f"(SELECT speaker_id FROM ({_PG_CHANGES[event]}) AS changes);\n"
    )
    return (
        f"CREATE FUNCTION speaker_day_{event}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        "BEGIN\n"
        f"  INSERT INTO speaker_day AS s ({_KEY}, n) {delta}\n"
        f"    ON CONFLICT ({_KEY}) DO UPDATE SET n = s.n + excluded.n;\n"
        f"{emptied}"
        "  RETURN NULL;\n"
        "END $$"
    )


def postgresql_upgrade() -> list[str]:
    transitions = {
        "insert": "NEW TABLE AS new_rows",
        "delete": "OLD TABLE AS old_rows",
        "update": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
    }
    statements = []
    for event, referencing in transitions.items():
        statements.append(_postgresql_function(event))
        statements.append(
            f"CREATE TRIGGER speaker_day_{event} AFTER {event.upper()} ON statement "
            f"REFERENCING {referencing} FOR EACH STATEMENT EXECUTE FUNCTION speaker_day_{event}()"
        )
    statements += [
        "CREATE FUNCTION speaker_day_truncate() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        # DELETE, not TRUNCATE: a TRUNCATE of both tables has speaker_day in use (and empty)
        "BEGIN\n  DELETE FROM speaker_day;\n  RETURN NULL;\nEND $$",
        "CREATE TRIGGER speaker_day_truncate AFTER TRUNCATE ON statement "
        "FOR EACH STATEMENT EXECUTE FUNCTION speaker_day_truncate()",
    ]
    return statements


def upgrade() -> None:
    op.create_table(
        "speaker_day",
        sa.Column("speaker_id", sa.Integer(), nullable=False),
        sa.Column("said_on", sa.Date(), nullable=True),
        sa.Column(
            "said_precision",
            sa.Enum("day", "month", "year", name="dateprecision", native_enum=False, length=32),
            nullable=True,
        ),
        sa.Column("n", sa.Integer(), nullable=False),
    )
    op.create_index(
        "ux_speaker_day",
        "speaker_day",
        ["speaker_id", "said_on", "said_precision"],
        unique=True,
        postgresql_nulls_not_distinct=True,
    )
    op.execute(BACKFILL)
    if op.get_context().dialect.name == "sqlite":
        for sql in sqlite_triggers():
            op.execute(sql)
    else:
        op.execute("ANALYZE speaker_day")
        for sql in postgresql_upgrade():
            op.execute(sql)


def downgrade() -> None:
    if op.get_context().dialect.name == "sqlite":
        for suffix in ("ai", "ad", "au_old", "au_new"):
            op.execute(f"DROP TRIGGER IF EXISTS speaker_day_{suffix}")
    else:
        for event in ("insert", "delete", "update", "truncate"):
            op.execute(f"DROP TRIGGER IF EXISTS speaker_day_{event} ON statement")
            op.execute(f"DROP FUNCTION IF EXISTS speaker_day_{event}()")
    op.drop_index("ux_speaker_day", table_name="speaker_day")
    op.drop_table("speaker_day")
