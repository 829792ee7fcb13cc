"""data version

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21 02:10:00.000000

One row, ``data_version (id = 1, version, changed_at)``, and triggers that add one to
``version`` in the transaction of every INSERT, UPDATE or DELETE (and TRUNCATE, on PostgreSQL)
of a data table, whatever writes it: a reader sees a new version exactly when it can see the
new rows. The API keys its ETags and its response cache by it.

PostgreSQL: one statement-level trigger per table (one UPDATE per statement, however many rows
it writes, so COPY stays cheap). SQLite has row-level triggers only: one UPDATE per row, which
a bulk load avoids by setting the triggers aside and bumping the version once.

SQLite drops a table's triggers with the table: a later migration that rebuilds one of
``DATA_TABLES`` in batch mode must create its triggers again (``sqlite_triggers(table)``). A
later migration that adds a data table adds its triggers.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: the tables whose writes change what the API serves
DATA_TABLES = (
    "outlet",
    "ingest_run",
    "actor",
    "actor_alias",
    "actor_role",
    "location",
    "location_alias",
    "article",
    "statement",
    "statement_speaker",
    "statement_actor",
    "statement_location",
    "attribution",
)

SQLITE_BUMP = (
    "UPDATE data_version SET version = version + 1, changed_at = CURRENT_TIMESTAMP WHERE id = 1;"
)


def sqlite_triggers(table: str) -> list[str]:
    return [
        f"CREATE TRIGGER data_version_{table}_{suffix} AFTER {event} ON {table} "
        f"BEGIN {SQLITE_BUMP} END"
        for suffix, event in (("ai", "INSERT"), ("au", "UPDATE"), ("ad", "DELETE"))
    ]


def postgresql_trigger(table: str) -> str:
    return (
        f"CREATE TRIGGER data_version_{table} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
        f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump()"
    )


def upgrade() -> None:
    op.create_table(
        "data_version",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column(
            "changed_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint("id = 1", name=op.f("ck_data_version_one_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_data_version")),
    )
    op.execute("INSERT INTO data_version (id, version) VALUES (1, 1)")
    if op.get_context().dialect.name == "sqlite":
        for table in DATA_TABLES:
            for sql in sqlite_triggers(table):
                op.execute(sql)
        return
    op.execute(
        "CREATE FUNCTION data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        "BEGIN\n"
        "  UPDATE data_version SET version = version + 1, changed_at = now() WHERE id = 1;\n"
        "  RETURN NULL;\n"
        "END $$"
    )
    for table in DATA_TABLES:
        op.execute(postgresql_trigger(table))


def downgrade() -> None:
    if op.get_context().dialect.name == "sqlite":
        for table in DATA_TABLES:
            for suffix in ("ai", "au", "ad"):
                op.execute(f"DROP TRIGGER IF EXISTS data_version_{table}_{suffix}")
    else:
        for table in DATA_TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS data_version_{table} ON {table}")
        op.execute("DROP FUNCTION IF EXISTS data_version_bump()")
    op.drop_table("data_version")
