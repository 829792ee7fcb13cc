"""HTTP caching by data version: every write bumps the version in its transaction; reads carry
ETags, a GET whose tag holds gets a 304, the same request at the same version is answered from
the response cache, and nothing stale or failed is ever served from it."""

from __future__ import annotations

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from api.cache import ResponseStore, Stored
from tests import factories as f

QUERY = "{ outlets(first: 10) { nodes { rowId name } } }"


async def _version(session: AsyncSession) -> int:
    return int((await session.execute(text("SELECT version FROM data_version"))).scalar_one())


async def test_every_write_bumps_the_data_version_in_its_transaction(
    session: AsyncSession,
) -> None:
    before = await _version(session)
    outlet = await f.create_outlet(session)
    after_insert = await _version(session)
    outlet.name = "Renamed"
    await session.flush()
    after_update = await _version(session)
    await session.delete(outlet)
    await session.flush()
    assert before < after_insert < after_update < await _version(session)


async def test_a_graphql_read_is_tagged_cached_and_revalidated(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    await f.create_outlet(session, name="Al-Monitor")
    first = await client.post("/graphql", json={"query": QUERY})
    again = await client.post("/graphql", json={"query": QUERY})
    assert first.status_code == again.status_code == 200
    assert first.headers["x-dicta-cache"] == "miss"
    assert again.headers["x-dicta-cache"] == "hit"
    assert again.content == first.content
    etag = first.headers["etag"]
    assert etag.startswith('W/"') and again.headers["etag"] == etag
    assert first.headers["cache-control"] == "no-cache"

    # GET: the same tag is answered 304, without a body
    get = await client.get("/graphql", params={"query": QUERY}, headers={"If-None-Match": etag})
    assert get.status_code == 200  # a GET is another request, with a tag of its own
    revalidated = await client.get(
        "/graphql", params={"query": QUERY}, headers={"If-None-Match": get.headers["etag"]}
    )
    assert revalidated.status_code == 304
    assert revalidated.content == b""
    assert revalidated.headers["etag"] == get.headers["etag"]


async def test_a_write_makes_every_tag_and_cached_response_stale(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    await f.create_outlet(session, name="Al-Monitor")
    old = await client.get("/graphql", params={"query": QUERY})
    await f.create_outlet(session, name="Press TV")
    new = await client.get(
        "/graphql", params={"query": QUERY}, headers={"If-None-Match": old.headers["etag"]}
    )
    assert new.status_code == 200
    assert new.headers["x-dicta-cache"] == "miss"
    assert new.headers["etag"] != old.headers["etag"]
    names = [n["name"] for n in new.json()["data"]["outlets"]["nodes"]]
    assert names[-2:] == ["Al-Monitor", "Press TV"]


async def test_rest_reads_are_tagged_and_vary_by_accept(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    await f.create_outlet(session)
    first = await client.get("/api/v1/outlets")
    assert first.headers["vary"] == "Accept"
    revalidated = await client.get(
        "/api/v1/outlets", headers={"If-None-Match": first.headers["etag"]}
    )
    assert revalidated.status_code == 304
    # another representation of the same list has a tag of its own
    jsonl = await client.get("/api/v1/outlets", headers={"Accept": "application/x-ndjson"})
    assert jsonl.status_code == 200
    assert jsonl.headers.get("etag") != first.headers["etag"]


async def test_no_cache_computes_again_and_no_store_leaves_the_cache_out(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    await f.create_outlet(session)
    await client.post("/graphql", json={"query": QUERY})
    bypass = await client.post(
        "/graphql", json={"query": QUERY}, headers={"Cache-Control": "no-cache"}
    )
    assert bypass.headers["x-dicta-cache"] == "bypass"
    assert "etag" in bypass.headers
    untouched = await client.post(
        "/graphql", json={"query": QUERY}, headers={"Cache-Control": "no-store"}
    )
    assert "x-dicta-cache" not in untouched.headers
    assert "etag" not in untouched.headers


async def test_errors_are_neither_tagged_nor_cached(client: httpx.AsyncClient) -> None:
    query = "{ outlets(first: 1000) { nodes { rowId } } }"
    for _ in range(2):
        response = await client.post("/graphql", json={"query": query})
        assert response.json()["errors"][0]["extensions"]["code"] == "invalid_page_size"
        assert "etag" not in response.headers
        assert response.headers["x-dicta-cache"] == "miss"
    missing = await client.get("/api/v1/outlets/987654")
    assert missing.status_code == 404
    assert "etag" not in missing.headers


async def test_streamed_exports_are_not_tagged(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    await f.create_outlet(session)
    async with client.stream("GET", "/api/v1/outlets", params={"format": "csv"}) as response:
        assert response.status_code == 200
        assert "etag" not in response.headers


def test_the_store_is_bounded_in_bytes_and_forgets_older_versions() -> None:
    store = ResponseStore(max_bytes=1000, entry_bytes=400)
    body = b"x" * 200
    for key in (b"a", b"b", b"c", b"d", b"e"):
        store.put(1, key, Stored(200, [], body))
    assert store.size <= 1000
    assert store.get(1, b"a") is None  # the least recently used went first
    assert store.get(1, b"e") is not None
    store.put(1, b"big", Stored(200, [], b"x" * 500))
    assert store.get(1, b"big") is None  # larger than an entry may be
    assert store.get(2, b"e") is None  # a newer version empties the store
    assert len(store) == 0
    store.put(1, b"old", Stored(200, [], body))
    assert store.get(2, b"old") is None  # what an older version computed is not kept
