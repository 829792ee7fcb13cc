"""HTTP caching keyed by the data version: ETags, 304s, and a bounded response cache.

Every read of /graphql (GET, or POST with a JSON body) and /api/v1 (GET) is keyed by what
selects its response — method, path, query string, Accept, Content-Type and body — and by the
data version (``schema.versions``), which every write to the data tables bumps in its own
transaction. So:

* a complete 200 response (not a stream, and for GraphQL without ``errors``) carries
  ``ETag: W/"<version>-<key>"`` and ``Cache-Control: no-cache``: clients keep it and ask again
  with ``If-None-Match``; a GET whose tag still holds is answered ``304 Not Modified`` without
  running its query (a dashboard polling the same query pays one version read);
* such responses up to ``entry_bytes`` are kept in a per-process LRU of at most ``max_bytes``,
  and the same request at the same version is answered from it. A new version empties it.

``X-Dicta-Cache`` tells which happened: ``hit`` (from the cache), ``miss`` (computed, stored
when it could be), ``bypass`` (the request said ``Cache-Control: no-cache``: computed, not
looked up) or ``revalidated`` (304). ``Cache-Control: no-store`` skips all of this. When the
version cannot be read, the request goes to the application unchanged.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.reads import READ_ERRORS, ReadConnections
from api.repository.versions import data_version

__all__ = ["HttpCache", "ResponseStore"]

GRAPHQL_PATH = "/graphql"
REST_PREFIX = "/api/v1/"
CACHE_HEADER = b"x-dicta-cache"

RawHeaders = list[tuple[bytes, bytes]]


@dataclass(frozen=True, slots=True)
class Stored:
    status: int
    headers: RawHeaders
    body: bytes

    @property
    def size(self) -> int:
        return len(self.body) + sum(len(k) + len(v) for k, v in self.headers) + 64


class ResponseStore:
    """An LRU of responses by (version, key), bounded in bytes; a newer version empties it."""

    def __init__(self, max_bytes: int, entry_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.entry_bytes = entry_bytes
        self.size = 0
        self.version: int | None = None
        self._entries: OrderedDict[bytes, Stored] = OrderedDict()

    def _see(self, version: int) -> None:
        if self.version is None or version > self.version:
            self._entries.clear()
            self.size = 0
            self.version = version

    def get(self, version: int, key: bytes) -> Stored | None:
        self._see(version)
        if version != self.version:
            return None
        found = self._entries.get(key)
        if found is not None:
            self._entries.move_to_end(key)
        return found

    def put(self, version: int, key: bytes, stored: Stored) -> None:
        self._see(version)
        if version != self.version or stored.size > self.entry_bytes:
            return
        old = self._entries.pop(key, None)
        if old is not None:
            self.size -= old.size
        self._entries[key] = stored
        self.size += stored.size
        while self.size > self.max_bytes and self._entries:
            _, evicted = self._entries.popitem(last=False)
            self.size -= evicted.size

    def __len__(self) -> int:
        return len(self._entries)


def _matches(if_none_match: str, etag: str) -> bool:
    if if_none_match.strip() == "*":
        return True
    tags = {t.strip() for t in if_none_match.split(",")}
    # weak comparison (RFC 9110 §13.1.2): W/"x" and "x" match
    opaque = etag.removeprefix("W/")
    return etag in tags or opaque in tags


class HttpCache:
    """The ASGI middleware; ``version`` reads the data version (None: unknown)."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        reads: ReadConnections,
        max_bytes: int,
        entry_bytes: int = 1 << 20,
    ) -> None:
        self.app = app
        self.store = ResponseStore(max_bytes, min(entry_bytes, max_bytes)) if max_bytes else None
        self._reads = reads
        self.version: Callable[[], Awaitable[int | None]] = self._read_version

    async def _read_version(self) -> int | None:
        async with self._reads.reader() as reader:
            return await data_version(reader)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method: str = scope["method"]
        path: str = scope["path"]
        graphql = path == GRAPHQL_PATH
        if not (
            (method == "GET" and (graphql or path.startswith(REST_PREFIX)))
            or (method == "POST" and graphql)
        ):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        cache_control = headers.get("cache-control", "").lower()
        if "no-store" in cache_control:
            await self.app(scope, receive, send)
            return
        body = b""
        if method == "POST":
            more = True
            while more:
                message = await receive()
                if message["type"] != "http.request":
                    return  # the client went away
                body += message.get("body", b"")
                more = message.get("more_body", False)
        try:
            version = await self.version()
        except READ_ERRORS:
            version = None
        if version is None:
            await self.app(scope, _replay(body, receive), send)
            return
        key = hashlib.blake2b(
            b"\0".join(
                (
                    method.encode(),
                    path.encode(),
                    scope.get("query_string", b""),
                    headers.get("accept", "").encode(),
                    headers.get("content-type", "").encode() if method == "POST" else b"",
                    body,
                )
            ),
            digest_size=12,
        ).digest()
        etag = f'W/"{version:x}-{key.hex()}"'
        validators = [
            (b"etag", etag.encode()),
            (b"cache-control", b"no-cache"),
            *([] if graphql else [(b"vary", b"Accept")]),
        ]
        if method == "GET" and _matches(headers.get("if-none-match", ""), etag):
            await send(
                {
                    "type": "http.response.start",
                    "status": 304,
                    "headers": [*validators, (CACHE_HEADER, b"revalidated")],
                }
            )
            await send({"type": "http.response.body", "body": b""})
            return
        bypass = "no-cache" in cache_control
        store = self.store
        if store is not None and not bypass:
            found = store.get(version, key)
            if found is not None:
                await send(
                    {
                        "type": "http.response.start",
                        "status": found.status,
                        "headers": [*found.headers, (CACHE_HEADER, b"hit")],
                    }
                )
                await send({"type": "http.response.body", "body": found.body})
                return
        outcome = b"bypass" if bypass else b"miss"
        start: Message | None = None

        async def capture(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message  # held until the body shows whether it can be validated
                return
            if start is None:
                await send(message)
                return
            held, start = start, None
            status: int = held["status"]
            raw: RawHeaders = list(held.get("headers", []))
            whole = message["type"] == "http.response.body" and not message.get("more_body")
            content = message.get("body", b"")
            good = (
                status == 200
                and whole
                and not (graphql and b'"errors":' in content)
                and not any(k.lower() == b"set-cookie" for k, _ in raw)
            )
            if good:
                raw = [*raw, *validators]
                if store is not None:
                    store.put(version, key, Stored(status, raw, content))
            await send({**held, "headers": [*raw, (CACHE_HEADER, outcome)]})
            await send(message)

        await self.app(scope, _replay(body, receive), capture)
        if start is not None:  # a response with no body message
            await send(start)


def _replay(body: bytes, receive: Receive) -> Receive:
    """``receive`` that first hands back the request body already read."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay
