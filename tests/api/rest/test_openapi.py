"""The OpenAPI description names every route the app serves, with parameters and schemas."""

from __future__ import annotations

import httpx
from starlette.applications import Starlette
from starlette.routing import Mount, Route

from api.rest.resources import RESOURCES


def _paths(routes: list[object], prefix: str = "") -> set[str]:
    paths: set[str] = set()
    for route in routes:
        if isinstance(route, Mount):
            paths |= _paths(list(route.routes), prefix + route.path)
        elif isinstance(route, Route):
            paths.add(prefix + route.path)
    return paths


async def test_openapi_describes_every_rest_route(
    client: httpx.AsyncClient, app: Starlette
) -> None:
    response = await client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"] == "3.1.0"
    assert document["info"]["title"] == "Dicta"
    assert set(document["paths"]) == _paths(list(app.routes)) - {"/graphql"}


async def test_every_operation_documents_its_parameters_and_responses(
    client: httpx.AsyncClient,
) -> None:
    document = (await client.get("/api/v1/openapi.json")).json()
    components = document["components"]
    for path, item in document["paths"].items():
        operation = item["get"]
        assert operation["operationId"]
        for parameter in operation.get("parameters", []):
            if "$ref" in parameter:
                name = parameter["$ref"].rsplit("/", 1)[1]
                assert name in components["parameters"]
            else:
                assert parameter["in"] == "path" and f"{{{parameter['name']}}}" in path
        for status, response in operation["responses"].items():
            schema = response["content"]["application/json"]["schema"]
            if status.startswith(("4", "5")) or status == "default":
                assert schema == {"$ref": "#/components/schemas/Error"}
    for resource in RESOURCES:
        list_op = document["paths"][f"/api/v1/{resource.path}"]["get"]
        refs = [p["$ref"] for p in list_op["parameters"]]
        assert refs[:2] == ["#/components/parameters/limit", "#/components/parameters/cursor"]
        assert refs[-3:] == [
            f"#/components/parameters/{resource.path}.order",
            "#/components/parameters/format",
            "#/components/parameters/max_rows",
        ]
        filters = [
            f"#/components/parameters/{resource.path}.{p.name}" for p in resource.filters.params
        ]
        assert refs[2:-3] == filters
        assert set(list_op["responses"]["200"]["content"]) == {
            "application/json",
            "text/csv",
            "application/x-ndjson",
        }
        assert {"200", "400"} <= set(list_op["responses"])
        item_op = document["paths"][f"/api/v1/{resource.path}/{{id}}"]["get"]
        assert {"200", "400", "404"} <= set(item_op["responses"])


async def test_item_schemas_list_every_column_with_a_type(client: httpx.AsyncClient) -> None:
    schemas = (await client.get("/api/v1/openapi.json")).json()["components"]["schemas"]
    for resource in RESOURCES:
        schema = schemas[resource.title]
        columns = [c.key for c in resource.columns]
        assert list(schema["properties"]) == columns + list(resource.embeds)
        assert schema["required"] == list(schema["properties"])
        for name, prop in schema["properties"].items():
            assert "type" in prop or "oneOf" in prop, f"{resource.title}.{name} has no type"
    assert schemas["Statement"]["properties"]["kind"] == {
        "type": "string",
        "enum": ["direct", "indirect", "mixed"],
    }
    assert schemas["Statement"]["properties"]["said_on"] == {
        "type": ["string", "null"],
        "format": "date",
    }
    assert schemas["Article"]["properties"]["repairs"]["items"] == {
        "$ref": "#/components/schemas/Repair"
    }
    assert schemas["Error"]["properties"]["error"]["required"] == [
        "status",
        "code",
        "message",
        "detail",
    ]
