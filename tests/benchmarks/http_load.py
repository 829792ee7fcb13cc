"""Concurrent HTTP load against a running server: bounded requests, latencies, peak memory.

Each of ``concurrency`` clients keeps one connection open and sends requests back to back
until ``requests`` have been sent in all or ``seconds`` have passed. Every response body is
read to the end (a streamed export counts when its last byte arrives); a non-2xx/304 status
counts as an error, and a scenario with errors reports them instead of hiding them.

The server says in ``X-Dicta-Cache`` how it answered (``api.cache``): a request lists the
answers it accepts (``cache``), and any other counts as an error, so that a response from the
cache is never counted as a query run, nor the other way round.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from dataclasses import asdict, dataclass, field
from typing import Any

import aiohttp
import psutil


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    body: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    #: GraphQL answers errors with HTTP 200: such a body counts as an error
    graphql: bool = False
    #: the X-Dicta-Cache answers accepted (None: any, the header included)
    cache: frozenset[str] | None = None


@dataclass
class Result:
    requests: int
    errors: int
    seconds: float
    req_per_s: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    peak_mb: float
    bytes_per_response: float
    #: CPU time the server's processes spent per request (ms)
    server_cpu_ms: float = 0.0
    #: CPU time PostgreSQL's backends for the database spent per request (ms)
    db_cpu_ms: float | None = None
    first_error: str | None = None
    #: responses per X-Dicta-Cache answer
    cache: dict[str, int] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {k: (round(v, 2) if isinstance(v, float) else v) for k, v in asdict(self).items()}


class MemoryWatch:
    """Polls the resident memory of a process and its children; keeps the peak. Also counts
    the CPU time they spend while watched."""

    def __init__(self, pid: int, interval: float = 0.05, database: str | None = None) -> None:
        self.proc = psutil.Process(pid)
        self.interval = interval
        self.database = database
        self.peak = 0
        self.cpu_seconds = 0.0
        self.db_cpu_seconds = 0.0
        self._cpu_start = 0.0
        self._db_start: dict[int, float] = {}
        self._task: asyncio.Task[None] | None = None

    def _db_cpu(self) -> dict[int, float]:
        """CPU seconds of each PostgreSQL backend serving ``database`` (by process title)."""
        if self.database is None:
            return {}
        found: dict[int, float] = {}
        for p in psutil.process_iter(["name", "cmdline", "cpu_times"]):
            cmdline = " ".join(p.info["cmdline"] or ())
            if p.info["name"] == "postgres" and f" {self.database} " in f"{cmdline} ":
                times = p.info["cpu_times"]
                if times is not None:
                    found[p.pid] = times.user + times.system
        return found

    def _cpu(self) -> float:
        try:
            procs = [self.proc, *self.proc.children(recursive=True)]
            return sum(sum(p.cpu_times()[:2]) for p in procs)
        except psutil.Error:
            return 0.0

    def _sample(self) -> None:
        try:
            procs = [self.proc, *self.proc.children(recursive=True)]
            rss = sum(p.memory_info().rss for p in procs)
        except psutil.Error:
            return
        self.peak = max(self.peak, rss)

    async def _run(self) -> None:
        while True:
            self._sample()
            await asyncio.sleep(self.interval)

    def __enter__(self) -> MemoryWatch:
        self._sample()
        self._cpu_start = self._cpu()
        self._db_start = self._db_cpu()
        self._task = asyncio.get_running_loop().create_task(self._run())
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._task:
            self._task.cancel()
        self._sample()
        self.cpu_seconds = self._cpu() - self._cpu_start
        self.db_cpu_seconds = sum(
            cpu - self._db_start.get(pid, 0.0) for pid, cpu in self._db_cpu().items()
        )


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


async def run_load(
    base_url: str,
    request: Request,
    *,
    concurrency: int = 10,
    requests: int = 500,
    seconds: float = 30.0,
    warmup: int = 10,
    server_pid: int | None = None,
    database: str | None = None,
) -> Result:
    timeout = aiohttp.ClientTimeout(total=120)
    connector = aiohttp.TCPConnector(limit=concurrency, force_close=False)
    latencies: list[float] = []
    errors = 0
    first_error: str | None = None
    total_bytes = 0
    sent = 0
    answers: dict[str, int] = {}
    async with aiohttp.ClientSession(base_url, connector=connector, timeout=timeout) as http:

        async def one() -> None:
            nonlocal errors, first_error, total_bytes
            t0 = time.perf_counter()
            try:
                async with http.request(
                    request.method, request.path, data=request.body, headers=request.headers
                ) as resp:
                    size = 0
                    head = b""
                    async for chunk in resp.content.iter_chunked(1 << 16):
                        size += len(chunk)
                        if request.graphql and len(head) < 1 << 20:
                            head += chunk
                    ok = 200 <= resp.status < 300 or resp.status == 304
                    status: object = resp.status
                    answer = resp.headers.get("x-dicta-cache", "none")
                    answers[answer] = answers.get(answer, 0) + 1
                    if ok and request.graphql and b'"errors":' in head:
                        ok, status = False, f"GraphQL errors: {head[:300]!r}"
                    elif ok and request.cache is not None and answer not in request.cache:
                        ok, status = False, f"answered {answer!r} (X-Dicta-Cache), not one of "
                        status = f"{status}{sorted(request.cache)}"
            except (aiohttp.ClientError, TimeoutError) as exc:
                ok, size, status = False, 0, f"{type(exc).__name__}: {exc}"
            latencies.append((time.perf_counter() - t0) * 1000)
            total_bytes += size
            if not ok:
                errors += 1
                first_error = first_error or (
                    f"HTTP {status}" if isinstance(status, int) else str(status)
                )

        for _ in range(warmup):
            await one()
        latencies.clear()
        answers.clear()
        errors, first_error, total_bytes = 0, None, 0
        deadline = time.perf_counter() + seconds

        async def client() -> None:
            nonlocal sent
            while sent < requests and time.perf_counter() < deadline:
                sent += 1
                await one()

        watch = MemoryWatch(server_pid, database=database) if server_pid else None
        t0 = time.perf_counter()
        if watch:
            with watch:
                await asyncio.gather(*(client() for _ in range(concurrency)))
        else:
            await asyncio.gather(*(client() for _ in range(concurrency)))
        elapsed = time.perf_counter() - t0
    done = len(latencies)
    return Result(
        requests=done,
        errors=errors,
        seconds=elapsed,
        req_per_s=done / elapsed if elapsed else 0.0,
        p50_ms=percentile(latencies, 50),
        p95_ms=percentile(latencies, 95),
        p99_ms=percentile(latencies, 99),
        peak_mb=(watch.peak / 2**20) if watch else 0.0,
        bytes_per_response=total_bytes / done if done else 0.0,
        server_cpu_ms=(watch.cpu_seconds * 1000 / done) if watch and done else 0.0,
        db_cpu_ms=(
            watch.db_cpu_seconds * 1000 / done if watch and done and database is not None else None
        ),
        first_error=first_error,
        cache=dict(answers),
    )
