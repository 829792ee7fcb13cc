"""node(id) finds an object of every type by its global id; the single-item fields too."""

from __future__ import annotations

import base64

import httpx
import pytest

from tests.api.conftest import Sample, graphql

NODE_TYPES = ["Statement", "Attribution", "Actor", "Location", "Article", "Outlet", "IngestRun"]


def global_id(type_name: str, row_id: int) -> str:
    return base64.b64encode(f"{type_name}:{row_id}".encode()).decode()


def test_global_ids_are_base64_of_type_and_row_id() -> None:
    assert global_id("Statement", 1) == "U3RhdGVtZW50OjE="
    assert global_id("Actor", 1) == "QWN0b3I6MQ=="


@pytest.mark.parametrize("type_name", NODE_TYPES)
async def test_node_finds_each_type(
    client: httpx.AsyncClient, sample: Sample, type_name: str
) -> None:
    query = f"""query ($id: ID!) {{ node(id: $id) {{
        __typename id ... on {type_name} {{ rowId }} }} }}"""
    node_id = global_id(type_name, 1)
    assert await graphql(client, query, {"id": node_id}) == {
        "data": {"node": {"__typename": type_name, "id": node_id, "rowId": 1}}
    }


async def test_node_of_a_missing_row_is_null(client: httpx.AsyncClient, sample: Sample) -> None:
    body = await graphql(client, '{ node(id: "U3RhdGVtZW50Ojk5OQ==") { id } }')
    assert body == {"data": {"node": None}}


@pytest.mark.parametrize(
    ("field", "type_name"),
    [
        ("statement", "Statement"),
        ("attribution", "Attribution"),
        ("actor", "Actor"),
        ("location", "Location"),
        ("article", "Article"),
        ("outlet", "Outlet"),
    ],
)
async def test_single_item_fields(
    client: httpx.AsyncClient, sample: Sample, field: str, type_name: str
) -> None:
    query = f"query ($id: ID!) {{ {field}(id: $id) {{ rowId }} }}"
    assert await graphql(client, query, {"id": global_id(type_name, 2)}) == {
        "data": {field: {"rowId": 2}}
    }
    assert await graphql(client, query, {"id": global_id(type_name, 999)}) == {
        "data": {field: None}
    }


async def test_an_id_of_another_type_is_refused(client: httpx.AsyncClient) -> None:
    assert await graphql(client, '{ statement(id: "QWN0b3I6MQ==") { rowId } }') == {
        "data": {"statement": None},
        "errors": [
            {
                "message": "'QWN0b3I6MQ==' is the id of Actor 1, but this field takes "
                "Statement ids: pass the id field of the Statement you want, or look any object "
                "up with node(id: ...)",
                "locations": [{"line": 1, "column": 3}],
                "path": ["statement"],
                "extensions": {
                    "code": "invalid_id",
                    "detail": {"id": "QWN0b3I6MQ==", "type": "Actor", "expected": "Statement"},
                },
            }
        ],
    }


@pytest.mark.parametrize("bad", ["42", "not base64!", global_id("Statement", -1), "U3RhdGVtZW50"])
async def test_a_malformed_id_is_refused(client: httpx.AsyncClient, bad: str) -> None:
    body = await graphql(client, "query ($id: ID!) { node(id: $id) { id } }", {"id": bad})
    assert body["data"] == {"node": None}
    assert [e["extensions"]["code"] for e in body["errors"]] == ["invalid_id"]
