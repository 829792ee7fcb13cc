"""A plan as SQL that builds each object's JSON in the database, on SQLite and PostgreSQL.

Every object of a root row (the row itself, its to-one relations, its lists) becomes one
JSON value built by the database: on SQLite (JSON1) ``json_object`` for runs of scalars, nested
objects and lists (``group_concat``) spliced in as text, never parsed again; on PostgreSQL
``json_build_object``/``json_agg``; relations as correlated subqueries on their
foreign-key indexes. However many rows a page holds, a root field is one statement; only the
columns a query selects are read. A searched list keeps the ids its search index finds
(``api.repository.search.first_match_ids_sql``), still in id order. Values are written as the resolvers would serialise them:
enum values as their GraphQL names, booleans as booleans, date-times in ISO 8601 with their UTC
offset, global ids as base64 of ``Type:rowId``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from itertools import count

from api.graphql.compiled.plan import (
    ColumnField,
    FieldPlan,
    GlobalIdField,
    LinkField,
    ListPlan,
    ObjectPlan,
    OnePlan,
    ToManyField,
    ToOneField,
    TypenameField,
)
from api.graphql.compiled.registry import Column, Leaf
from api.repository.search import first_match_ids_sql, match_count_sql

__all__ = ["GLOBAL_ID_FUNCTION", "JsonText", "SQLiteWriter", "SqlWriter", "writer_for"]

#: the SQLite function the API registers on its connections (``schema.db``): base64 of
#: ``type:id``, as ``api.graphql.ids.to_global_id``
GLOBAL_ID_FUNCTION = "dicta_global_id"


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class SqlWriter:
    """Renders plans for one dialect; aliases are numbered per statement."""

    dialect = ""

    def __init__(self) -> None:
        self._aliases: Callable[[], int] = count().__next__

    def alias(self) -> str:
        return f"t{self._aliases()}"

    # dialect hooks -------------------------------------------------------------------------

    def param(self, index: int) -> str:
        raise NotImplementedError

    def object_json(self, pairs: list[tuple[str, str]]) -> str:
        raise NotImplementedError

    def leaf(self, column: Column, ref: str) -> str:
        raise NotImplementedError

    def global_id(self, type_name: str, ref: str) -> str:
        raise NotImplementedError

    def text(self, value: str) -> str:
        return _literal(value)

    def one(self, select: str) -> str:
        """A scalar subquery yielding one object's JSON (or null)."""
        raise NotImplementedError

    def many(self, value: str, from_where: str, order: str) -> str:
        """A scalar subquery yielding the JSON array of ``value`` over ``from_where`` in
        ``order`` ('[]' when there are no rows)."""
        raise NotImplementedError

    def as_text(self, value: str) -> str:
        return value

    # shared --------------------------------------------------------------------------------

    def object(self, plan: ObjectPlan, alias: str) -> str:
        return self.object_json([(key, self.field(f, alias)) for key, f in plan.entries])

    def field(self, f: FieldPlan, alias: str) -> str:
        if isinstance(f, ColumnField):
            return self.leaf(f.column, f"{alias}.{_ident(f.column.column)}")
        if isinstance(f, GlobalIdField):
            return self.global_id(f.type_name, f'{alias}."id"')
        if isinstance(f, TypenameField):
            return self.text(f.name)
        if isinstance(f, ToOneField):
            t = self.alias()
            return self.one(
                f"SELECT {self.object(f.target, t)} FROM {_ident(f.target.table)} AS {t} "
                f'WHERE {t}."id" = {alias}.{_ident(f.column)}'
            )
        if isinstance(f, ToManyField):
            t = self.alias()
            order = ", ".join(f"{t}.{_ident(c)}" for c in (*f.relation.order, "id"))
            return self.many(
                self.object(f.target, t),
                f"FROM {_ident(f.target.table)} AS {t} "
                f'WHERE {t}.{_ident(f.relation.parent)} = {alias}."id"',
                order,
            )
        assert isinstance(f, LinkField)
        t, link = self.alias(), self.alias()
        relation = f.relation
        if relation.distinct:
            # each target once, in order of its first link row
            source = (
                f'FROM (SELECT {link}.{_ident(relation.target_key)} AS k, min({link}."id") AS o '
                f"FROM {_ident(relation.table)} AS {link} "
                f'WHERE {link}.{_ident(relation.parent)} = {alias}."id" '
                f"GROUP BY {link}.{_ident(relation.target_key)}) AS {link}m "
                f'JOIN {_ident(f.target.table)} AS {t} ON {t}."id" = {link}m.k'
            )
            order = f"{link}m.o"
        else:
            source = (
                f"FROM {_ident(relation.table)} AS {link} "
                f'JOIN {_ident(f.target.table)} AS {t} ON {t}."id" = '
                f"{link}.{_ident(relation.target_key)} "
                f'WHERE {link}.{_ident(relation.parent)} = {alias}."id"'
            )
            order = ", ".join([*(f"{link}.{_ident(c)}" for c in relation.order), f'{t}."id"'])
        return self.many(self.object(f.target, t), source, order)

    def list_rows(self, plan: ListPlan, *, after: bool, searched: bool) -> str:
        """``(id, json of each shape...)`` of the first rows in id order: parameters (search
        query,) (after,) limit; a searched list keeps the rows its search index finds."""
        r = self.alias()
        columns = [f'{r}."id"', *(self.as_text(self.object(s, r)) for s in plan.shapes)]
        numbers = count(1)
        search = self.param(next(numbers)) if searched else None
        after_param = self.param(next(numbers)) if after else None
        limit = self.param(next(numbers))
        conditions = []
        if search is not None:
            assert plan.search_target is not None
            found = first_match_ids_sql(
                plan.search_target, self.dialect, search, after=after_param, limit=limit
            )
            conditions.append(f'{r}."id" IN ({found})')
        if after_param is not None:
            conditions.append(f'{r}."id" > {after_param}')
        where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
        return (
            f"SELECT {', '.join(columns)} FROM {_ident(plan.table)} AS {r}{where} "
            f'ORDER BY {r}."id" LIMIT {limit}'
        )

    def one_row(self, plan: OnePlan) -> str:
        r = self.alias()
        return (
            f"SELECT {self.as_text(self.object(plan.shape, r))} FROM {_ident(plan.table)} AS {r} "
            f'WHERE {r}."id" = {self.param(1)}'
        )

    def count_rows(self, plan: ListPlan, *, searched: bool) -> str:
        """The number of rows of the list (exact): parameters (search query,)."""
        if searched:
            assert plan.search_target is not None
            return match_count_sql(plan.search_target, self.dialect, self.param(1))
        return f"SELECT count(*) FROM {_ident(plan.table)}"


class JsonText(str):
    """An SQLite expression whose value is JSON text, never NULL (an object, a list, a JSON
    column's value or ``null``), written into its parent object as it is."""


def _json_string(value: str) -> str:
    """``value`` as a JSON string, escaped as SQLite's JSON functions escape it (``"`` and
    ``\\`` by a backslash, control characters as ``\\b``, ``\\t``, ``\\n``, ``\\f``,
    ``\\r`` or ``\\u00xx``, anything else as it is)."""
    return json.dumps(value, ensure_ascii=False)


def _json_object(pairs: list[tuple[str, str]]) -> str:
    return "json_object(" + ", ".join(f"{_literal(k)}, {v}" for k, v in pairs) + ")"


def _concat(parts: list[str | JsonText]) -> JsonText:
    """The SQL concatenation of constant text (str) and JSON text expressions (JsonText)."""
    merged: list[str | JsonText] = []
    for part in parts:
        if merged and not isinstance(part, JsonText) and not isinstance(merged[-1], JsonText):
            merged[-1] += part
        elif part:
            merged.append(part)
    return JsonText(" || ".join(p if isinstance(p, JsonText) else _literal(p) for p in merged))


class SQLiteWriter(SqlWriter):
    """Scalars are written by ``json_object``, which quotes them; a nested object or list is
    JSON text spliced into its parent's text by concatenation, with its key, between the runs of
    scalars around it (``'{"a":1' || ',"b":' || b || ',"c":2}'``), and a list is its items
    joined by ``group_concat``. No object is parsed again on its way up: ``json_object`` would
    take a nested object leaving its subquery (as text) for a string unless ``json()`` parsed
    it back into JSON, at every level."""

    dialect = "sqlite"

    def param(self, index: int) -> str:
        return "?"

    def object_json(self, pairs: list[tuple[str, str]]) -> str:
        parts: list[str | JsonText] = []
        run: list[tuple[str, str]] = []
        for i, (key, value) in enumerate(pairs):
            nested = isinstance(value, JsonText)
            if not nested:
                run.append((key, value))
            if run and (nested or i == len(pairs) - 1):
                # a run's braces open and close the object where it begins or ends it; none of
                # its values ends in "}" (JSON leaves are JsonText), so rtrim takes its own
                whole = _json_object(run)
                if parts:
                    parts.append(",")
                    whole = f"substr({whole}, 2)"
                parts.append(JsonText(f"rtrim({whole}, '}}')" if nested else whole))
                run.clear()
            if nested:
                parts += ["," if parts else "{", _json_string(key) + ":", value]
        if not parts or isinstance(pairs[-1][1], JsonText):
            parts.append("{}" if not parts else "}")
        return _concat(parts)

    def leaf(self, column: Column, ref: str) -> str:
        leaf = column.leaf
        if leaf is Leaf.PLAIN:
            return ref
        if leaf is Leaf.BOOLEAN:
            return (
                f"json(CASE WHEN {ref} IS NULL THEN NULL WHEN {ref} THEN 'true' ELSE 'false' END)"
            )
        if leaf is Leaf.FLOAT:
            # the shortest of 15 or 17 significant digits that reads back as the same double
            short, full = f"printf('%!.15g', {ref})", f"printf('%!.17g', {ref})"
            return (
                f"json(CASE WHEN {ref} IS NULL THEN NULL WHEN CAST({short} AS REAL) = {ref} "
                f"THEN {short} ELSE {full} END)"
            )
        if leaf is Leaf.DATETIME:
            # stored as 'YYYY-MM-DD HH:MM:SS[.ffffff]' in UTC
            return (
                f"CASE WHEN {ref} IS NULL THEN NULL ELSE substr({ref}, 1, 10) || 'T' || "
                f"substr({ref}, 12, 8) || CASE WHEN substr({ref}, 20, 1) = '.' AND "
                f"substr({ref}, 21, 6) != '000000' THEN '.' || substr({ref}, 21, 6) ELSE '' END "
                "|| '+00:00' END"
            )
        if leaf is Leaf.ENUM:
            whens = " ".join(f"WHEN {_literal(v)} THEN {_literal(n)}" for v, n in column.names)
            return f"CASE {ref} {whens} END"
        assert leaf is Leaf.JSON
        # JSON text of its own (minified by json()): it may end in "}", so never in a run
        return JsonText(f"coalesce(json({ref}), 'null')")

    def global_id(self, type_name: str, ref: str) -> str:
        return f"{GLOBAL_ID_FUNCTION}({_literal(type_name)}, {ref})"

    def one(self, select: str) -> str:
        return JsonText(f"coalesce(({select}), 'null')")

    def many(self, value: str, from_where: str, order: str) -> str:
        # SQLite before 3.44 has no ORDER BY inside an aggregate, and its documentation calls
        # group_concat's order arbitrary; but it neither flattens nor drops the ORDER BY of a
        # FROM subquery under an aggregate other than count/min/max (select.c), and the
        # aggregate takes the subquery's rows in their order (as json_group_array did here)
        return JsonText(
            f"coalesce('[' || (SELECT group_concat(j, ',') FROM (SELECT {value} AS j "
            f"{from_where} ORDER BY {order})) || ']', '[]')"
        )


class PostgreSQLWriter(SqlWriter):
    dialect = "postgresql"

    def param(self, index: int) -> str:
        return f"${index}"

    def object_json(self, pairs: list[tuple[str, str]]) -> str:
        return "json_build_object(" + ", ".join(f"{_literal(k)}::text, {v}" for k, v in pairs) + ")"

    def text(self, value: str) -> str:
        return f"{_literal(value)}::text"

    def leaf(self, column: Column, ref: str) -> str:
        leaf = column.leaf
        if leaf in (Leaf.PLAIN, Leaf.BOOLEAN, Leaf.FLOAT, Leaf.JSON):
            return ref
        if leaf is Leaf.DATETIME:
            utc = f"({ref} AT TIME ZONE 'UTC')"
            return (
                f"to_char({utc}, 'YYYY-MM-DD\"T\"HH24:MI:SS') || CASE WHEN to_char({utc}, 'US') "
                f"= '000000' THEN '' ELSE to_char({utc}, '.US') END || '+00:00'"
            )
        assert leaf is Leaf.ENUM
        whens = " ".join(f"WHEN {_literal(v)} THEN {_literal(n)}" for v, n in column.names)
        return f"CASE {ref} {whens} END"

    def global_id(self, type_name: str, ref: str) -> str:
        return f"encode(convert_to({_literal(type_name + ':')} || {ref}, 'UTF8'), 'base64')"

    def one(self, select: str) -> str:
        return f"({select})"

    def many(self, value: str, from_where: str, order: str) -> str:
        return f"COALESCE((SELECT json_agg({value} ORDER BY {order}) {from_where}), '[]'::json)"

    def as_text(self, value: str) -> str:
        return f"({value})::text"


def writer_for(dialect: str) -> SqlWriter:
    if dialect == "sqlite":
        return SQLiteWriter()
    if dialect == "postgresql":
        return PostgreSQLWriter()
    raise ValueError(f"no compiled SQL for {dialect!r}")
