"""Which table each GraphQL object type reads, and how each of its fields maps to SQL.

Built once per schema from the strawberry definitions: a field without a resolver that reads a
column of the type's table is a *column* (serialised as its GraphQL type says); ``id`` on a
``Node`` is the global id; the relations below are explicit. Any other field (one with a
resolver not listed here: comparisons, positions, spans, nested connections) is *unknown*, and a
query that selects it is served by the resolvers instead.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
    GraphQLSchema,
)
from sqlalchemy import JSON, Table
from sqlalchemy import Enum as SAEnum

import schema as models
from schema import Base

__all__ = [
    "Column",
    "Leaf",
    "Link",
    "ObjectInfo",
    "Registry",
    "ToMany",
    "ToOne",
]


class Leaf(enum.Enum):
    """How a column's value becomes JSON."""

    PLAIN = "plain"  # Int, String, Date (stored as ISO text on SQLite, date on PostgreSQL)
    BOOLEAN = "boolean"
    FLOAT = "float"
    DATETIME = "datetime"  # ISO 8601 with a UTC offset
    ENUM = "enum"  # stored value → GraphQL enum name
    JSON = "json"  # a JSON column served as is ([String!]!, JSON)


@dataclass(frozen=True, slots=True)
class Column:
    column: str
    leaf: Leaf
    #: for ENUM: stored value → GraphQL name
    names: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class ToOne:
    """The row of ``target`` whose id is the parent's ``column`` (null when that is null)."""

    column: str
    target: str


@dataclass(frozen=True, slots=True)
class ToMany:
    """The rows of ``target`` whose ``parent`` column is the parent's id, in ``order`` then id."""

    target: str
    parent: str
    order: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Link:
    """The rows of ``target`` a link table points at from the parent.

    ``distinct``: each target once, in order of its first link row (``order`` is ignored);
    otherwise every link in ``order`` then the target's id."""

    table: str
    parent: str
    target_key: str
    target: str
    distinct: bool
    order: tuple[str, ...] = ()


Relation = ToOne | ToMany | Link


#: GraphQL object type → its table
TABLES: dict[str, type[Base]] = {
    "Statement": models.Statement,
    "Attribution": models.Attribution,
    "Actor": models.Actor,
    "ActorAlias": models.ActorAlias,
    "ActorRole": models.ActorRole,
    "Location": models.Location,
    "LocationAlias": models.LocationAlias,
    "Article": models.Article,
    "Outlet": models.Outlet,
    "IngestRun": models.IngestRun,
    "ActorMention": models.StatementActor,
    "LocationMention": models.StatementLocation,
}

#: (type, field) → relation; each mirrors the DataLoader its resolver uses
RELATIONS: dict[tuple[str, str], Relation] = {
    ("Statement", "speaker"): ToOne("speaker_id", "Actor"),
    ("Statement", "location"): ToOne("location_id", "Location"),
    ("Statement", "ingestRun"): ToOne("ingest_run_id", "IngestRun"),
    ("Statement", "attributions"): ToMany("Attribution", "statement_id"),
    ("Statement", "coSpeakers"): Link(
        "statement_speaker", "statement_id", "actor_id", "Actor", False, ("position",)
    ),
    ("Statement", "mentionedActors"): Link(
        "statement_actor", "statement_id", "actor_id", "Actor", True
    ),
    ("Statement", "mentionedLocations"): Link(
        "statement_location", "statement_id", "location_id", "Location", True
    ),
    ("Statement", "actorMentions"): ToMany("ActorMention", "statement_id"),
    ("Statement", "locationMentions"): ToMany("LocationMention", "statement_id"),
    ("Attribution", "article"): ToOne("article_id", "Article"),
    ("Attribution", "statement"): ToOne("statement_id", "Statement"),
    ("Attribution", "speaker"): ToOne("speaker_id", "Actor"),
    ("ActorRole", "organizationActor"): ToOne("organization_id", "Actor"),
    ("ActorRole", "evidenceArticle"): ToOne("evidence_article_id", "Article"),
    ("Actor", "aliases"): ToMany("ActorAlias", "actor_id"),
    ("Actor", "roles"): ToMany("ActorRole", "actor_id"),
    ("Location", "parent"): ToOne("parent_id", "Location"),
    ("Location", "children"): ToMany("Location", "parent_id"),
    ("Location", "aliases"): ToMany("LocationAlias", "location_id"),
    ("Article", "outlet"): ToOne("outlet_id", "Outlet"),
    ("Article", "attributions"): ToMany("Attribution", "article_id", ("content_start",)),
    ("Article", "ingestRun"): ToOne("ingest_run_id", "IngestRun"),
    ("ActorMention", "actor"): ToOne("actor_id", "Actor"),
    ("ActorMention", "attribution"): ToOne("attribution_id", "Attribution"),
    ("LocationMention", "location"): ToOne("location_id", "Location"),
    ("LocationMention", "attribution"): ToOne("attribution_id", "Attribution"),
}

_SCALAR_LEAVES = {
    "Int": Leaf.PLAIN,
    "String": Leaf.PLAIN,
    "Date": Leaf.PLAIN,
    "Boolean": Leaf.BOOLEAN,
    "Float": Leaf.FLOAT,
    "DateTime": Leaf.DATETIME,
    "JSON": Leaf.JSON,
}


@dataclass(frozen=True, slots=True)
class ObjectInfo:
    name: str
    table: str
    #: field name → column, for the fields served straight from a column
    columns: dict[str, Column]
    relations: dict[str, Relation]
    #: True when ``id`` is the global id (a Node type)
    global_id: bool


def _unwrap(gql_type: GraphQLOutputType) -> tuple[GraphQLOutputType, bool]:
    """The type inside NonNull, and whether it is a list (of non-null items)."""
    inner = gql_type.of_type if isinstance(gql_type, GraphQLNonNull) else gql_type
    if isinstance(inner, GraphQLList):
        item = inner.of_type
        item = item.of_type if isinstance(item, GraphQLNonNull) else item
        return item, True
    return inner, False


def _column(table: Table, python_name: str, gql_type: GraphQLOutputType) -> Column | None:
    column = table.columns.get(python_name)
    if column is None:
        return None
    inner, is_list = _unwrap(gql_type)
    if is_list:
        # a JSON array of strings served as [String!]!
        is_strings = isinstance(inner, GraphQLScalarType) and inner.name == "String"
        return (
            Column(column.name, Leaf.JSON) if is_strings and isinstance(column.type, JSON) else None
        )
    if isinstance(inner, GraphQLEnumType):
        sa_type = column.type
        enum_class = getattr(sa_type, "enum_class", None) if isinstance(sa_type, SAEnum) else None
        if enum_class is None:
            return None
        names = tuple((member.value, str(inner.serialize(member))) for member in enum_class)
        return Column(column.name, Leaf.ENUM, names)
    if isinstance(inner, GraphQLScalarType):
        leaf = _SCALAR_LEAVES.get(inner.name)
        if leaf is None:
            return None
        if leaf is Leaf.JSON and not isinstance(column.type, JSON):
            return None
        return Column(column.name, leaf)
    return None


class Registry:
    """The object types the compiled path can serve, read off the schema once."""

    def __init__(self, schema: GraphQLSchema) -> None:
        self.schema = schema
        self.objects: dict[str, ObjectInfo] = {}
        for name, model in TABLES.items():
            gql = schema.type_map.get(name)
            if not isinstance(gql, GraphQLObjectType):
                continue
            table: Table = model.__table__  # type: ignore[assignment]
            columns: dict[str, Column] = {}
            relations: dict[str, Relation] = {}
            global_id = False
            for field_name, field in gql.fields.items():
                definition: Any = field.extensions.get("strawberry-definition")
                if definition is None:
                    continue
                relation = RELATIONS.get((name, field_name))
                if relation is not None:
                    relations[field_name] = relation
                    continue
                if definition.base_resolver is not None:
                    if field_name == "id" and definition.python_name == "global_id":
                        global_id = True
                    continue
                found = _column(table, definition.python_name, field.type)
                if found is not None:
                    columns[field_name] = found
            self.objects[name] = ObjectInfo(name, table.name, columns, relations, global_id)
