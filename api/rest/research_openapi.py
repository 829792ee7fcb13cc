"""The OpenAPI description of the REST research views (``api.rest.research``): their paths,
parameters and schemas, merged into the document by ``api.rest.openapi``."""

from __future__ import annotations

from typing import Any

from api.repository.timeline import MAX_BUCKET_ROWS, MAX_TOP
from api.research.timeline import TimeBucket, TimelineGroup
from api.rest.filters import STATEMENT_FILTERS
from schema.enums import DatePrecision, OutletKind, StatementKind

__all__ = ["research_parameters", "research_paths", "research_schemas"]


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"oneOf": [schema, {"type": "null"}]}


def _enum(values: list[str], nullable: bool = False) -> dict[str, Any]:
    if nullable:
        return {"type": ["string", "null"], "enum": [*values, None]}
    return {"type": "string", "enum": values}


def _error(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": _ref("Error")}},
    }


def _object(properties: dict[str, Any], description: str = "") -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }
    if description:
        schema["description"] = description
    return schema


_DATE = {"type": "string", "format": "date"}
_NULLABLE_DATE = {"type": ["string", "null"], "format": "date"}
_PRECISION = _enum([p.value for p in DatePrecision], nullable=True)

_SPEAKER = _nullable(_object({"id": {"type": "integer"}, "name": {"type": "string"}}))

_RESEARCH_STATEMENT = _object(
    {
        "id": {"type": "integer"},
        "text": {"type": "string"},
        "kind": _enum([k.value for k in StatementKind]),
        "said_on": _NULLABLE_DATE,
        "said_precision": _PRECISION,
        "speaker": _SPEAKER,
    },
    "A statement: its canonical text, kind, date and speaker.",
)

_RENDERING_PROPERTIES: dict[str, Any] = {
    "attribution_id": {"type": "integer", "description": "Id of the attribution."},
    "kind": {
        **_enum([k.value for k in StatementKind]),
        "description": "direct (quoted), indirect (paraphrased) or mixed.",
    },
    "content": {"type": "string", "description": "The wording, exactly as in the article."},
    "said_on": {**_NULLABLE_DATE, "description": "The date this article gives."},
    "said_precision": _PRECISION,
    "said_on_text": {
        "type": ["string", "null"],
        "description": "The words the date was resolved from ('on Monday').",
    },
    "article": _object(
        {
            "id": {"type": "integer"},
            "title": {"type": ["string", "null"]},
            "url": {"type": ["string", "null"]},
            "published_on": _NULLABLE_DATE,
            "published_precision": _PRECISION,
            "published_estimated": {"type": "boolean"},
        }
    ),
    "outlet": _nullable(
        _object(
            {
                "id": {"type": "integer"},
                "name": {"type": "string"},
                "country": {"type": ["string", "null"]},
                "kind": _enum([k.value for k in OutletKind], nullable=True),
                "state_affiliation": {"type": ["string", "null"]},
            }
        )
    ),
}

_RENDERING = _object(
    _RENDERING_PROPERTIES,
    "One article's rendering of a statement, with its article and outlet (null when unknown).",
)

_COMPARED_RENDERING = _object(
    {
        **_RENDERING_PROPERTIES,
        "is_reference": {
            "type": "boolean",
            "description": "True for the reference: the most direct rendering (direct over "
            "mixed over indirect; among equals the earliest published).",
        },
        "similarity": {
            "type": "number",
            "description": "How alike its words and the reference's are, 0 to 1.",
        },
        "diff": {
            "type": "array",
            "description": "Its words against the reference's, in order.",
            "items": _object(
                {
                    "op": _enum(["equal", "insert", "delete", "replace"]),
                    "reference": {"type": "string"},
                    "rendering": {"type": "string"},
                }
            ),
        },
        "added_words": {
            "type": "array",
            "items": {"type": "string"},
            "description": "Words it has that the reference does not (function words left "
            "out, words compared by stem).",
        },
        "date_conflict": {
            "type": "boolean",
            "description": "True when its date cannot be the date another rendering gives.",
        },
    },
    "A rendering compared word by word with the reference.",
)

_COMPARISON = _object(
    {
        "statement": _ref("ResearchStatement"),
        "date_conflict": {
            "type": "boolean",
            "description": "True when two renderings give dates that cannot both be right.",
        },
        "renderings": {
            "type": "array",
            "items": _ref("ComparedRendering"),
            "description": "The reference first, then in publication order.",
        },
    },
    "A statement's renderings side by side.",
)


_POSITION = _object(
    {
        "date": {
            **_NULLABLE_DATE,
            "description": "When it was said or, when that is unknown, when it was first "
            "reported; null when neither is known.",
        },
        "date_basis": {
            **_enum(["said", "reported"], nullable=True),
            "description": "Where date comes from; null when there is no date.",
        },
        "statement": _ref("ResearchStatement"),
        "renderings": {
            "type": "array",
            "items": _ref("Rendering"),
            "description": "How each article rendered it, earliest published first.",
        },
    },
    "A statement at its place in a position history.",
)

_POSITION_LIST = _object(
    {
        "data": {"type": "array", "items": _ref("Position")},
        "next_cursor": {
            "type": ["string", "null"],
            "description": "Pass as cursor to get the next page; null on the last page.",
        },
        "links": _object(
            {"next": {"type": ["string", "null"], "format": "uri", "description": "Next page."}}
        ),
    },
    "Positions in date order (undated last), a page at a time.",
)


def _parameter(name: str, description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
    }


_SERIES = _object(
    {
        "group": {
            **_nullable(_object({"id": {"type": "integer"}, "name": {"type": "string"}})),
            "description": "The speaker (actor), outlet or location; null for the whole when "
            "not grouped, and for the statements without one when grouped.",
        },
        "total": {"type": "integer"},
        "undated": {"type": "integer", "description": "Statements without a date."},
        "imprecise": {
            "type": "integer",
            "description": "Statements dated less precisely than the bucket, in no bucket.",
        },
        "buckets": {
            "type": "array",
            "description": "Buckets with statements, in date order.",
            "items": _object(
                {
                    "start": {**_DATE, "description": "The first day of the bucket."},
                    "end": {**_DATE, "description": "The last day of the bucket."},
                    "count": {"type": "integer"},
                }
            ),
        },
    },
    "The statements of one group.",
)

_TIMELINE = _object(
    {
        "bucket": _enum([b.value for b in TimeBucket]),
        "group_by": _enum([g.value for g in TimelineGroup], nullable=True),
        "total": {"type": "integer", "description": "Statements the filters select, each once."},
        "undated": {"type": "integer"},
        "imprecise": {"type": "integer"},
        "group_count": {
            "type": "integer",
            "description": "How many groups have statements; series holds the top ones.",
        },
        "series": {
            "type": "array",
            "items": _ref("TimelineSeries"),
            "description": "Groups with the most statements first. A statement reported by "
            "two outlets, or said jointly, is in each of their series.",
        },
    },
    "Statements counted per day, week (ISO, from Monday), month or year.",
)

_PARAMETERS: dict[str, Any] = {
    "timeline.bucket": {
        **_parameter(
            "bucket",
            "Count statements per day, week (ISO, Monday to Sunday), month or year.",
            _enum([b.value for b in TimeBucket]),
        ),
        "required": True,
    },
    "timeline.group_by": _parameter(
        "group_by",
        "One series per speaker (main or joint), outlet (that reported them) or location (where "
        "said); none (the default) for one series.",
        _enum([*(g.value for g in TimelineGroup), "none"]),
    ),
    "timeline.top": _parameter(
        "top",
        f"How many series: the groups with the most statements, at most {MAX_TOP}.",
        {"type": "integer", "minimum": 1, "maximum": MAX_TOP, "default": 10},
    ),
    "timeline.format": _parameter(
        "format",
        "json (the default), or csv or jsonl: one row per count (group_id, group_name, status "
        "dated/undated/imprecise, start, end, count). Overrides the Accept header.",
        _enum(["json", "csv", "jsonl"]),
    ),
    "positions.q": _parameter(
        "q",
        "The subject, as a full-text query over the statements and their renderings: words, "
        '"a phrase", prefix*, OR, NOT or -word, (groups). Leave it out for every statement.',
        {"type": "string"},
    ),
    "positions.actor": _parameter(
        "actor",
        "An actor's row id; give it several times for several actors.",
        {"type": "integer", "minimum": 0},
    ),
    "positions.role": _parameter(
        "role",
        "And every actor who held a role of this title (role=prime minister), compared "
        "case-insensitively.",
        {"type": "string"},
    ),
}


def _ref_parameters(*names: str) -> list[dict[str, str]]:
    return [{"$ref": f"#/components/parameters/{name}"} for name in names]


def _positions_responses(extra: dict[str, Any]) -> dict[str, Any]:
    return {
        "200": {
            "description": "A page of positions.",
            "content": {"application/json": {"schema": _ref("PositionList")}},
        },
        "400": _error("A bad limit, cursor or search, or an unknown parameter."),
        **extra,
        "503": _error("The database did not answer."),
        "default": _error("An unexpected failure."),
    }


def research_paths() -> dict[str, Any]:
    timeline_parameters = _ref_parameters(
        "timeline.bucket",
        "timeline.group_by",
        "timeline.top",
        "timeline.format",
        *(f"statements.{p.name}" for p in STATEMENT_FILTERS),
    )
    return {
        "/api/v1/timeline": {
            "get": {
                "operationId": "timeline",
                "summary": "Statements counted per day, week, month or year",
                "description": "The statements the filters select (those of /api/v1/statements"
                "), counted per bucket of the date they were said, in one series per group. "
                "Statements without a date, or dated less precisely than the bucket, are "
                f"counted apart (undated, imprecise). At most {MAX_BUCKET_ROWS} counts.",
                "tags": ["research"],
                "parameters": timeline_parameters,
                "responses": {
                    "200": {
                        "description": "The timeline, or its counts as CSV or JSON Lines.",
                        "content": {
                            "application/json": {"schema": _object({"data": _ref("Timeline")})},
                            "text/csv": {"schema": {"type": "string"}},
                            "application/x-ndjson": {"schema": {"type": "string"}},
                        },
                    },
                    "400": _error(
                        "No bucket, a bad filter or parameter, or more counts than allowed."
                    ),
                    "503": _error("The database did not answer."),
                    "default": _error("An unexpected failure."),
                },
            }
        },
        "/api/v1/actors/{id}/positions": {
            "get": {
                "operationId": "actor_positions",
                "summary": "What an actor said, on a subject, in date order",
                "description": "The statements the actor made (as speaker or joint speaker) "
                "that match q, each with its renderings (outlet, date, wording, kind). A "
                "statement whose date is unknown is placed at its first report; those with "
                "no date at all come last.",
                "tags": ["research"],
                "parameters": [
                    {
                        "name": "id",
                        "in": "path",
                        "required": True,
                        "description": "The actor's id.",
                        "schema": {"type": "integer", "minimum": 0},
                    },
                    *_ref_parameters("positions.q", "limit", "cursor"),
                ],
                "responses": _positions_responses(
                    {"404": _error("There is no actor with this id.")}
                ),
            }
        },
        "/api/v1/positions": {
            "get": {
                "operationId": "positions",
                "summary": "What a set of actors said, on a subject, in one date order",
                "description": "As /api/v1/actors/{id}/positions, for the actors given by id "
                "and by role together (what Iraqi prime ministers said about foreign forces: "
                "role=prime minister&q=foreign forces).",
                "tags": ["research"],
                "parameters": _ref_parameters(
                    "positions.actor", "positions.role", "positions.q", "limit", "cursor"
                ),
                "responses": _positions_responses({}),
            }
        },
        "/api/v1/statements/{id}/compare": {
            "get": {
                "operationId": "compare_statement",
                "summary": "The renderings of one statement side by side",
                "description": "Every article's rendering of the statement (outlet, article, "
                "the date it gives, kind, wording) with a word-level diff against the most "
                "direct rendering, the words each adds, and date conflicts.",
                "tags": ["research"],
                "parameters": [
                    {
                        "name": "id",
                        "in": "path",
                        "required": True,
                        "description": "The statement's id.",
                        "schema": {"type": "integer", "minimum": 0},
                    }
                ],
                "responses": {
                    "200": {
                        "description": "The comparison.",
                        "content": {
                            "application/json": {"schema": _object({"data": _ref("Comparison")})}
                        },
                    },
                    "400": _error("The id is not a whole number, or a parameter is unknown."),
                    "404": _error("There is no statement with this id."),
                    "503": _error("The database did not answer."),
                    "default": _error("An unexpected failure."),
                },
            }
        },
    }


def research_schemas() -> dict[str, Any]:
    return {
        "ResearchStatement": _RESEARCH_STATEMENT,
        "Rendering": _RENDERING,
        "ComparedRendering": _COMPARED_RENDERING,
        "Comparison": _COMPARISON,
        "Position": _POSITION,
        "PositionList": _POSITION_LIST,
        "Timeline": _TIMELINE,
        "TimelineSeries": _SERIES,
    }


def research_parameters() -> dict[str, Any]:
    return dict(_PARAMETERS)
