"""The OpenAPI 3.1 description of the REST API, derived from the resources and their columns."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import Any

from sqlalchemy import JSON, Boolean, Column, Date, DateTime, Float, Integer, String
from sqlalchemy import Enum as SAEnum

from api.pagination import REST_DEFAULT_LIMIT, REST_MAX_LIMIT
from api.rest.lists_openapi import count_path, list_components, list_content, list_parameters
from api.rest.research_openapi import research_parameters, research_paths, research_schemas
from api.rest.resources import RESOURCES, Resource
from schema.settings import Settings

__all__ = ["openapi_document"]

_ARRAY_OF_STRINGS = {"type": "array", "items": {"type": "string"}}

#: JSON columns, whose SQL type says nothing of their shape
_JSON_COLUMNS: dict[tuple[str, str], dict[str, Any]] = {
    ("article", "languages"): {
        **_ARRAY_OF_STRINGS,
        "description": "ISO 639-1 codes of the languages of the text, main language first.",
    },
    ("article", "repairs"): {
        "type": "array",
        "items": {"$ref": "#/components/schemas/Repair"},
        "description": "Every change made to the text as received.",
    },
    ("statement", "topics"): _ARRAY_OF_STRINGS,
    ("attribution", "fragments"): {
        "type": "array",
        "items": {
            "type": "array",
            "prefixItems": [{"type": "integer"}, {"type": "integer"}],
            "minItems": 2,
            "maxItems": 2,
        },
        "description": "The pieces of an interrupted quote as [start, end] offsets.",
    },
}

_REPAIR = {
    "type": "object",
    "description": "One change made to an article's text as received; start and end locate "
    "`after` in the stored text.",
    "properties": {
        "start": {"type": "integer"},
        "end": {"type": "integer"},
        "before": {"type": "string"},
        "after": {"type": "string"},
        "reason": {"type": "string"},
        "raw_offset": {"type": ["integer", "null"]},
    },
    "required": ["start", "end", "before", "after", "reason"],
}

_ERROR = {
    "type": "object",
    "description": "The body of every 4xx and 5xx response.",
    "properties": {
        "error": {
            "type": "object",
            "properties": {
                "status": {"type": "integer", "description": "The HTTP status."},
                "code": {
                    "type": "string",
                    "description": "Machine-readable: not_found, invalid_page_size, "
                    "invalid_cursor, invalid_id, invalid_parameter, invalid_filter, "
                    "invalid_search_query, method_not_allowed, database_unavailable, "
                    "internal_error…",
                },
                "message": {
                    "type": "string",
                    "description": "What went wrong and how to fix it.",
                },
                "detail": {"type": "object", "description": "Specifics, by code."},
            },
            "required": ["status", "code", "message", "detail"],
            "additionalProperties": False,
        }
    },
    "required": ["error"],
    "additionalProperties": False,
}

_STATUS = {
    "type": "object",
    "properties": {"status": {"type": "string", "enum": ["ok"]}},
    "required": ["status"],
}


def _column_schema(table: str, column: Column[Any]) -> dict[str, Any]:
    kind = column.type
    schema: dict[str, Any]
    if isinstance(kind, SAEnum):
        schema = {"type": "string", "enum": list(kind.enums)}
    elif isinstance(kind, Boolean):
        schema = {"type": "boolean"}
    elif isinstance(kind, Integer):
        schema = {"type": "integer"}
    elif isinstance(kind, Float):
        schema = {"type": "number"}
    elif isinstance(kind, DateTime):
        schema = {"type": "string", "format": "date-time"}
    elif isinstance(kind, Date):
        schema = {"type": "string", "format": "date"}
    elif isinstance(kind, String):
        schema = {"type": "string"}
        if kind.length:
            schema["maxLength"] = kind.length
    elif isinstance(kind, JSON):
        schema = dict(_JSON_COLUMNS.get((table, column.key), {}))
    else:  # pragma: no cover - a new column type needs a mapping here
        raise TypeError(f"no JSON Schema for {table}.{column.key} of type {kind!r}")
    if column.nullable and "type" in schema:
        schema["type"] = [schema["type"], "null"]
        if "enum" in schema:
            schema["enum"] = [*schema["enum"], None]
    if column.foreign_keys:
        target = next(iter(column.foreign_keys)).column.table.name
        schema.setdefault("description", f"Id of the {target} it refers to.")
    return schema


def _item_schema(resource: Resource) -> dict[str, Any]:
    table = resource.model.__tablename__
    properties = {column.key: _column_schema(table, column) for column in resource.columns}
    for name, embed in resource.embeds.items():
        properties[name] = {**embed.schema, "description": embed.description}
    return {
        "type": "object",
        "description": resource.description,
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _error(description: str) -> dict[str, Any]:
    return _json(_ref("Error"), description)


def _resource_paths(resource: Resource) -> dict[str, Any]:
    title = resource.title
    return {
        f"/api/v1/{resource.path}": {
            "get": {
                "operationId": f"list_{resource.path}",
                "summary": f"List {resource.path}, filtered and ordered, a page at a time or "
                "as a streamed CSV or JSON Lines export",
                "description": resource.description,
                "tags": [resource.path],
                "parameters": [
                    {"$ref": "#/components/parameters/limit"},
                    {"$ref": "#/components/parameters/cursor"},
                    *list_parameters(resource),
                ],
                "responses": {
                    "200": {
                        "description": f"A page of {resource.path} (JSON), or all of them "
                        "(CSV, JSON Lines).",
                        "content": list_content(resource, _ref(f"{title}List")),
                    },
                    "400": _error("A bad limit, cursor or filter, or an unknown parameter."),
                    "503": _error("The database did not answer."),
                    "default": _error("An unexpected failure."),
                },
            }
        },
        f"/api/v1/{resource.path}/{{id}}": {
            "get": {
                "operationId": f"get_{resource.name}",
                "summary": f"One {resource.name} by id",
                "tags": [resource.path],
                "parameters": [
                    {
                        "name": "id",
                        "in": "path",
                        "required": True,
                        "description": f"The {resource.name}'s id.",
                        "schema": {"type": "integer", "minimum": 0},
                    }
                ],
                "responses": {
                    "200": _json(
                        {
                            "type": "object",
                            "properties": {"data": _ref(title)},
                            "required": ["data"],
                        },
                        f"The {resource.name}.",
                    ),
                    "400": _error("The id is not a whole number."),
                    "404": _error(f"There is no {resource.name} with this id."),
                    "503": _error("The database did not answer."),
                    "default": _error("An unexpected failure."),
                },
            }
        },
    }


def _searchable(resource: Resource) -> bool:
    return any(p.name == "q" for p in resource.filters.params)


def _hit_schema(resource: Resource) -> dict[str, Any]:
    """An item of a list, with the snippet it carries when the list was searched (q)."""
    schema = _item_schema(resource)
    schema["properties"] = {**schema["properties"], "snippet": _ref("Snippet")}
    return schema


def _list_schema(resource: Resource) -> dict[str, Any]:
    item = f"{resource.title}Hit" if _searchable(resource) else resource.title
    return {
        "type": "object",
        "properties": {
            "data": {"type": "array", "items": _ref(item)},
            "next_cursor": {
                "type": ["string", "null"],
                "description": "Pass as cursor to get the next page; null on the last page.",
            },
            "links": {
                "type": "object",
                "properties": {
                    "next": {
                        "type": ["string", "null"],
                        "format": "uri",
                        "description": "The URL of the next page; null on the last page.",
                    }
                },
                "required": ["next"],
            },
        },
        "required": ["data", "next_cursor", "links"],
    }


def _service_paths() -> dict[str, Any]:
    return {
        "/api/v1/openapi.json": {
            "get": {
                "operationId": "openapi",
                "summary": "This description",
                "tags": ["service"],
                "responses": {"200": _json({"type": "object"}, "OpenAPI 3.1 document.")},
            }
        },
        "/healthz": {
            "get": {
                "operationId": "healthz",
                "summary": "Whether the process is alive",
                "tags": ["service"],
                "responses": {"200": _json(_ref("Status"), "The process answers.")},
            }
        },
        "/readyz": {
            "get": {
                "operationId": "readyz",
                "summary": "Whether the database answers",
                "tags": ["service"],
                "responses": {
                    "200": _json(_ref("Status"), "The database answers."),
                    "503": _error("The database did not answer."),
                },
            }
        },
    }


def _version() -> str:
    try:
        return version("dicta")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0.0.0"


def openapi_document() -> dict[str, Any]:
    paths: dict[str, Any] = {}
    schemas: dict[str, Any] = {"Error": _ERROR, "Repair": _REPAIR, "Status": _STATUS}
    for resource in RESOURCES:
        paths.update(_resource_paths(resource))
        schemas[resource.title] = _item_schema(resource)
        schemas[f"{resource.title}List"] = _list_schema(resource)
        if _searchable(resource):
            schemas[f"{resource.title}Hit"] = _hit_schema(resource)
        paths.update(count_path(resource, _error))
    paths.update(research_paths())
    schemas.update(research_schemas())
    paths.update(_service_paths())
    lists = list_components(RESOURCES, Settings().export_max_rows)
    schemas.update(lists["schemas"])
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Dicta",
            "version": _version(),
            "description": "Who said what, when, where, and who reported it: statements "
            "extracted from news articles. Lists are paged by keyset: follow links.next "
            "(or pass next_cursor as cursor) until it is null. Every error has the body "
            "of the Error schema. The same data is served over GraphQL at /graphql.",
        },
        "paths": paths,
        "components": {
            "schemas": schemas,
            "parameters": {
                "limit": {
                    "name": "limit",
                    "in": "query",
                    "required": False,
                    "description": f"Rows per page, 1 to {REST_MAX_LIMIT}.",
                    "schema": {
                        "type": "integer",
                        "minimum": 1,
                        "maximum": REST_MAX_LIMIT,
                        "default": REST_DEFAULT_LIMIT,
                    },
                },
                "cursor": {
                    "name": "cursor",
                    "in": "query",
                    "required": False,
                    "description": "Where the page starts: the next_cursor of the previous "
                    "page, unchanged. Leave it out for the first page.",
                    "schema": {"type": "string"},
                },
                **research_parameters(),
                **lists["parameters"],
            },
        },
    }
