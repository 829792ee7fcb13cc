"""The OpenAPI description of list filters, orders, counts and exports (see ``api.rest.views``)."""

from __future__ import annotations

from typing import Any

from api.repository.exports import STATEMENT_EXPORT_COLUMNS
from api.rest.export import CONTENT_TYPES, Format
from api.rest.resources import Resource

__all__ = [
    "STATEMENT_EXPORT_DESCRIPTIONS",
    "count_path",
    "list_components",
    "list_content",
    "list_parameters",
]

#: what each column of a statement export holds (README lists the same)
STATEMENT_EXPORT_DESCRIPTIONS: dict[str, str] = {
    "statement_id": "Row id of the statement (/api/v1/statements/{id}).",
    "speaker_id": "Row id of the speaker (an actor); empty when unresolved.",
    "speaker_name": "The speaker's canonical name.",
    "kind": "direct, indirect or mixed: how the statement is reported at its most direct.",
    "said_on": "When it was said, as resolved across its reports (ISO date).",
    "said_precision": "day, month or year: how precisely said_on is known.",
    "date_conflict": "true when its reports give different dates.",
    "language": "ISO 639-1 code of the statement.",
    "text": "The statement's canonical text (its most direct rendering).",
    "attribution_id": "Row id of this rendering (an attribution).",
    "attribution_kind": "direct (quoted), indirect (paraphrased) or mixed, in this article.",
    "speaker_as_written": "The speaker as this article writes it ('he', 'the source').",
    "cue": "The cue verb or phrase ('said', 'according to').",
    "content": "The words this article attributes, exactly as in its stored text.",
    "content_start": "Offset of the content's first character in the article's stored text.",
    "content_end": "Offset after the content's last character in the article's stored text.",
    "date_as_written": "The words this article dates it with ('on Monday', '15 August').",
    "date_as_given": "The date this article gives, resolved against its publication date.",
    "date_as_given_precision": "day, month or year: how precisely date_as_given is known.",
    "article_id": "Row id of the article (/api/v1/articles/{id}).",
    "article_url": "The article's URL, when known.",
    "article_title": "The article's title.",
    "published_on": "The article's publication date.",
    "published_precision": "day, month or year: how precisely published_on is known.",
    "published_estimated": "true when published_on was inferred from the text.",
    "outlet_id": "Row id of the outlet; empty when unknown.",
    "outlet_name": "The outlet's name.",
    "outlet_country": "The outlet's country (ISO 3166-1 alpha-2).",
    "outlet_kind": "newspaper, broadcaster, agency, state_media, magazine, online, blog, other.",
    "outlet_state_affiliation": "The outlet's state affiliation or ownership note.",
}
assert set(STATEMENT_EXPORT_DESCRIPTIONS) == set(STATEMENT_EXPORT_COLUMNS)

_SNIPPET = {
    "type": "object",
    "description": "Where the search (q) matched this item.",
    "properties": {
        "text": {"type": "string", "description": "The excerpt."},
        "field": {
            "type": "string",
            "description": "Where it comes from: text, attribution, title, subtitle, name, alias.",
        },
        "source_id": {
            "type": ["integer", "null"],
            "description": "Row id of the attribution or alias it comes from, if not the item.",
        },
        "offset": {"type": "integer", "description": "Offset of the excerpt in its field."},
        "matches": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"start": {"type": "integer"}, "end": {"type": "integer"}},
                "required": ["start", "end"],
            },
            "description": "Matches, as offsets into text.",
        },
        "truncated_start": {"type": "boolean"},
        "truncated_end": {"type": "boolean"},
    },
    "required": [
        "text",
        "field",
        "source_id",
        "offset",
        "matches",
        "truncated_start",
        "truncated_end",
    ],
}


def _ref(kind: str, name: str) -> dict[str, str]:
    return {"$ref": f"#/components/{kind}/{name}"}


def list_parameters(resource: Resource) -> list[dict[str, str]]:
    """The parameters of a list, after limit and cursor."""
    names = [f"{resource.path}.{p.name}" for p in resource.filters.params]
    names += [f"{resource.path}.order", "format", "max_rows"]
    return [_ref("parameters", n) for n in names]


def count_parameters(resource: Resource) -> list[dict[str, str]]:
    return [_ref("parameters", f"{resource.path}.{p.name}") for p in resource.filters.params]


def _export_schema(resource: Resource) -> dict[str, Any]:
    if resource.path == "statements":
        return _ref("schemas", "StatementExportRow")
    return _ref("schemas", resource.title)


def list_content(resource: Resource, json_schema: dict[str, Any]) -> dict[str, Any]:
    """The content types a list answers: JSON pages, CSV and JSON Lines exports."""
    return {
        "application/json": {"schema": json_schema},
        CONTENT_TYPES[Format.CSV].split(";")[0]: {
            "schema": {
                "type": "string",
                "description": "A header row, then one row per item (statements: per "
                "rendering), columns as in the JSON Lines objects.",
            }
        },
        CONTENT_TYPES[Format.JSONL]: {"schema": _export_schema(resource)},
    }


def count_path(resource: Resource, error: Any) -> dict[str, Any]:
    return {
        f"/api/v1/{resource.path}/count": {
            "get": {
                "operationId": f"count_{resource.path}",
                "summary": f"How many {resource.path} the filters select (exact)",
                "tags": [resource.path],
                "parameters": count_parameters(resource),
                "responses": {
                    "200": {
                        "description": "The count.",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "data": {
                                            "type": "object",
                                            "properties": {"count": {"type": "integer"}},
                                            "required": ["count"],
                                        }
                                    },
                                    "required": ["data"],
                                }
                            }
                        },
                    },
                    "400": error("A bad filter, or an unknown parameter."),
                    "503": error("The database did not answer."),
                    "default": error("An unexpected failure."),
                },
            }
        }
    }


def list_components(resources: tuple[Resource, ...], max_rows: int) -> dict[str, Any]:
    """``parameters`` and ``schemas`` components of lists: filters, orders, exports."""
    parameters: dict[str, Any] = {
        "format": {
            "name": "format",
            "in": "query",
            "required": False,
            "description": "json (pages, the default), or csv or jsonl: a streamed export of "
            "every row the filters select, by keyset, up to max_rows. Overrides the Accept "
            "header (text/csv, application/x-ndjson).",
            "schema": {"type": "string", "enum": [f.value for f in Format], "default": "json"},
        },
        "max_rows": {
            "name": "max_rows",
            "in": "query",
            "required": False,
            "description": "Exports only: stop after this many rows (at most, and by default, "
            f"DICTA_EXPORT_MAX_ROWS, {max_rows} unless configured).",
            "schema": {"type": "integer", "minimum": 1},
        },
    }
    for resource in resources:
        for p in resource.filters.params:
            schema = {"type": "array", "items": p.schema} if p.repeatable else dict(p.schema)
            parameter: dict[str, Any] = {
                "name": p.name,
                "in": "query",
                "required": False,
                "description": p.description
                + (" Repeat it for any of several values." if p.repeatable else ""),
                "schema": schema,
            }
            if p.repeatable:
                parameter["explode"] = True
            parameters[f"{resource.path}.{p.name}"] = parameter
        parameters[f"{resource.path}.order"] = {
            "name": "order",
            "in": "query",
            "required": False,
            "description": "The order: a sort, '-' first for descending; ties go by id. "
            "relevance (best first) needs q.",
            "schema": {"type": "string", "enum": resource.filters.orders, "default": "id"},
        }
    schemas: dict[str, Any] = {
        "Snippet": _SNIPPET,
        "StatementExportRow": {
            "type": "object",
            "description": "One row of a statement export (CSV or JSON Lines): one article's "
            "rendering of a statement, citable on its own.",
            "properties": {
                name: {"description": STATEMENT_EXPORT_DESCRIPTIONS[name]}
                for name in STATEMENT_EXPORT_COLUMNS
            },
            "required": list(STATEMENT_EXPORT_COLUMNS),
        },
    }
    return {"parameters": parameters, "schemas": schemas}
