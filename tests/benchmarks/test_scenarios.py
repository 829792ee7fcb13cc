"""The benchmark's GraphQL documents are valid against the schema the API serves."""

from __future__ import annotations

import pytest
from graphql import parse, validate

from api.graphql import build_schema
from tests.benchmarks.scenarios import (
    SEARCH_COUNT_QUERY,
    SEARCH_QUERY,
    STATEMENTS_QUERY,
    TIMELINE_QUERY,
)


@pytest.mark.parametrize(
    "document", [STATEMENTS_QUERY, SEARCH_QUERY, SEARCH_COUNT_QUERY, TIMELINE_QUERY]
)
def test_benchmark_queries_validate(document: str) -> None:
    schema = build_schema()._schema
    assert validate(schema, parse(document)) == []
