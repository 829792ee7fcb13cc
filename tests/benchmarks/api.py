"""``make bench``: the API under concurrent load on SQLite and PostgreSQL, against the floor.

    python -m tests.benchmarks.api --statements 100000            # both databases
    python -m tests.benchmarks.api --statements 1000000 --databases postgresql
    python -m tests.benchmarks.api --scenarios a b --workers 2    # some scenarios, 2 processes

For each database: build (or reuse) a synthetic corpus of the chosen size (its build time is
reported), start the real server (``dicta serve``: uvicorn, real HTTP on 127.0.0.1) and the
floor (the same rows as scenario (a) from one hand-written SQL query, orjson, bare Starlette;
same driver, same number of processes), and drive each scenario with concurrent clients for a
bounded number of requests. Prints a table and writes ``.bench/results.json``: per scenario and
database ``req_per_s``, ``p50_ms``, ``p95_ms``, ``p99_ms``, ``peak_mb`` and ``floor_ratio``
(our throughput / the floor's, both measured in this run), the server's and PostgreSQL's CPU
per request, and ``alone_p95_ms``: the latency of the same request sent with no other in
flight (at 10 clients on few cores, latency is mostly waiting for a core). Query scenarios must be computed
by the server (``X-Dicta-Cache: bypass``); the ``cached`` ones (responses from the cache, 304s)
are reported apart and never count as query throughput. A scenario the server cannot answer
is reported with its first error, never as a number.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import json
import os
import platform
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import aiohttp
import httpx
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

import schema
from migrations import upgrade
from schema.db import create_engine
from tests.benchmarks import corpus
from tests.benchmarks.http_load import run_load
from tests.benchmarks.scenarios import Picks, Scenario, floor_scenario, scenarios

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / ".bench"
PG_SERVER = os.environ.get("DICTA_BENCH_POSTGRES", "postgresql+asyncpg://postgres@127.0.0.1:5432")


#: requests sent one at a time, after the concurrent ones, for latency without queueing
ALONE_REQUESTS = 30


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def database_url(kind: str, statements: int) -> str:
    if kind == "sqlite":
        return f"sqlite+aiosqlite:///{BENCH / f'corpus-{statements}.db'}"
    return f"{PG_SERVER}/dicta_bench_{statements}"


async def count_statements(url: str) -> int | None:
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            return int(await conn.scalar(select(func.count()).select_from(schema.Statement)) or 0)
    except Exception:
        return None
    finally:
        await engine.dispose()


async def recreate_postgres(url: str) -> None:
    u = make_url(url)
    admin = create_engine(
        u.set(database="postgres").render_as_string(hide_password=False),
        isolation_level="AUTOCOMMIT",
    )
    try:
        async with admin.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{u.database}" WITH (FORCE)'))
            await conn.execute(text(f'CREATE DATABASE "{u.database}"'))
    finally:
        await admin.dispose()


def remove_sqlite(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


async def ensure_corpus(kind: str, statements: int) -> tuple[str, dict[str, Any] | None]:
    """The corpus database for ``kind``, built unless it already holds ``statements``; how
    long the build took, per phase (None when it was reused)."""
    url = database_url(kind, statements)
    if await count_statements(url) == statements:
        await asyncio.to_thread(upgrade, url)  # a corpus built before the latest revision
        return url, None
    if kind == "sqlite":
        remove_sqlite(BENCH / f"corpus-{statements}.db")
    else:
        await recreate_postgres(url)
    t0 = time.perf_counter()
    counts = await corpus.build(statements, url)
    seconds = time.perf_counter() - t0
    build = {"seconds": round(seconds, 1), "statements_per_s": round(statements / seconds)}
    build["phases"] = {name: round(value, 1) for name, value in counts.seconds.items()}
    return url, build


async def pick(url: str) -> Picks:
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            speaker = await conn.scalar(
                text(
                    "SELECT speaker_id FROM statement WHERE speaker_id IS NOT NULL "
                    "GROUP BY speaker_id ORDER BY count(*) DESC, speaker_id LIMIT 1"
                )
            )
            statement = await conn.scalar(
                text(
                    "SELECT statement_id FROM attribution GROUP BY statement_id "
                    "HAVING count(*) >= 3 ORDER BY statement_id LIMIT 1"
                )
            )
    finally:
        await engine.dispose()
    gid = base64.b64encode(f"Actor:{speaker}".encode()).decode()
    return Picks(
        speaker_row_id=int(speaker), speaker_global_id=gid, statement_row_id=int(statement)
    )


@contextlib.contextmanager
def server(args: list[str], env: dict[str, str], port: int) -> Iterator[subprocess.Popen[bytes]]:
    log = open(BENCH / f"server-{port}.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen(
        args, env={**os.environ, **env}, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"server exited with {proc.returncode}; see {log.name}")
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"server did not answer /healthz within 90 s; see {log.name}")
            time.sleep(0.2)
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


async def measure(
    port: int, pid: int, sc: Scenario, seconds: float, database: str | None = None
) -> dict[str, Any]:
    base = f"http://127.0.0.1:{port}"
    request = sc.request
    if sc.revalidate:
        # the same client library as the load, so that the request (and its tag) is the same
        async with (
            aiohttp.ClientSession(base) as http,
            http.request(request.method, request.path, headers=request.headers) as first,
        ):
            await first.read()
            etag = first.headers.get("etag")
        if etag is None:
            return {"errors": 1, "requests": 1, "first_error": "no ETag to revalidate with"}
        request = replace(request, headers={**request.headers, "if-none-match": etag})
    # the first answer may compute what the cached scenarios then read from the cache
    probe = await run_load(
        base, replace(request, cache=None), concurrency=1, requests=1, seconds=seconds, warmup=0
    )
    if probe.errors:
        return probe.as_json()
    result = await run_load(
        base,
        request,
        concurrency=sc.concurrency,
        requests=sc.requests,
        seconds=seconds,
        warmup=2 if sc.rows else 10,
        server_pid=pid,
        database=database,
    )
    row = result.as_json()
    if sc.rows and result.requests:
        row["rows_per_s"] = round(sc.rows * result.requests / result.seconds, 1)
    if not sc.rows and not result.errors:
        # the same request with no other in flight: its latency without queueing
        alone = await run_load(
            base, request, concurrency=1, requests=ALONE_REQUESTS, seconds=seconds, warmup=0
        )
        row["alone_p50_ms"], row["alone_p95_ms"] = round(alone.p50_ms, 2), round(alone.p95_ms, 2)
    return row


def _settled(row: dict[str, Any], sc: Scenario, floor: dict[str, Any]) -> dict[str, Any]:
    if row["errors"]:
        row = {
            "unavailable": row["first_error"],
            "errors": row["errors"],
            "requests": row["requests"],
        }
    else:
        row["floor_ratio"] = (
            round(row["req_per_s"] / floor["req_per_s"], 3) if floor.get("req_per_s") else None
        )
    row["title"] = sc.title
    row["cached"] = sc.cached
    return row


def run_database(kind: str, opts: argparse.Namespace) -> dict[str, Any]:
    url, build = asyncio.run(ensure_corpus(kind, opts.statements))
    picks = asyncio.run(pick(url))
    out: dict[str, Any] = {"database_url": url, "corpus_build": build, "scenarios": {}}
    chosen = [
        sc
        for sc in scenarios(picks, requests=opts.requests, export_rows=opts.export_rows)
        if not opts.scenarios or any(sc.key.startswith(p) for p in opts.scenarios)
    ]
    pg_name = make_url(url).database if kind == "postgresql" else None
    py = sys.executable
    floor_port = free_port()
    floor_cmd = [py, "-m", "tests.benchmarks.floor", "--db", url, "--port", str(floor_port)]
    floor_cmd += ["--workers", str(opts.workers)]
    with server(floor_cmd, {}, floor_port) as floor_proc:
        floor = asyncio.run(
            measure(
                floor_port, floor_proc.pid, floor_scenario(opts.requests), opts.seconds, pg_name
            )
        )
    out["scenarios"]["floor"] = floor
    print(f"  {kind:10} {'floor':24} {_fmt(floor)}", file=sys.stderr)
    env = {"DICTA_DATABASE_URL": url, "DICTA_ENV": "production"}
    servers = {"api": env, "resolvers": {**env, "DICTA_GRAPHQL_COMPILED": "0"}}
    for name, server_env in servers.items():
        on_it = [sc for sc in chosen if sc.server == name]
        if not on_it:
            continue
        port = free_port()
        cmd = [str(Path(py).with_name("dicta")), "serve", "--port", str(port)]
        cmd += ["--workers", str(opts.workers)]
        with server(cmd, server_env, port) as proc:
            for sc in on_it:
                measured = asyncio.run(measure(port, proc.pid, sc, opts.seconds, pg_name))
                row = _settled(measured, sc, floor)
                out["scenarios"][sc.key] = row
                print(f"  {kind:10} {sc.key:24} {_fmt(row)}", file=sys.stderr)
    return out


def _fmt(row: dict[str, Any]) -> str:
    if "unavailable" in row:
        return f"unavailable ({row['unavailable']})"
    extra = f"  {row['rows_per_s']:,.0f} rows/s" if "rows_per_s" in row else ""
    return (
        f"{row['req_per_s']:8.1f} req/s  p50 {row['p50_ms']:7.1f} ms  p95 {row['p95_ms']:7.1f} ms  "
        f"p99 {row['p99_ms']:7.1f} ms  {row['peak_mb']:6.0f} MB  "
        f"cpu {row.get('server_cpu_ms', 0):5.2f}"
        + (f"+{row['db_cpu_ms']:.2f}" if row.get("db_cpu_ms") is not None else "")
        + " ms/req  "
        f"floor×{row.get('floor_ratio', 1.0)}{extra}"
        + (f"  alone p95 {row['alone_p95_ms']:.1f} ms" if "alone_p95_ms" in row else "")
    )


def table(results: dict[str, Any]) -> str:
    head = (
        f"{'database':10} {'scenario':24} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'p99 ms':>8} {'peak MB':>8} {'floor×':>7} {'alone p95':>9}"
    )
    lines = [head]
    for cached in (False, True):
        if cached:
            lines += ["", "served from the cache (not query throughput):"]
        for kind, res in results["databases"].items():
            for key, row in res["scenarios"].items():
                if row.get("cached", False) != cached:
                    continue
                if "unavailable" in row:
                    lines.append(f"{kind:10} {key:24} unavailable: {row['unavailable']}")
                    continue
                ratio = row.get("floor_ratio", 1.0)
                lines.append(
                    f"{kind:10} {key:24} {row['req_per_s']:8.1f} {row['p50_ms']:8.1f} "
                    f"{row['p95_ms']:8.1f} {row['p99_ms']:8.1f} {row['peak_mb']:8.0f} "
                    f"{ratio if ratio is not None else 0:7.3f}"
                    + (f" {row['alone_p95_ms']:9.1f}" if "alone_p95_ms" in row else "")
                    + (f"  ({row['rows_per_s']:,.0f} rows/s)" if "rows_per_s" in row else "")
                )
    builds = [
        f"{kind}: corpus built in {res['corpus_build']['seconds']} s "
        f"({res['corpus_build']['statements_per_s']:,} statements/s; "
        + ", ".join(f"{k} {v} s" for k, v in res["corpus_build"]["phases"].items())
        + ")"
        for kind, res in results["databases"].items()
        if res.get("corpus_build")
    ]
    return "\n".join([*lines, *([""] + builds if builds else [])])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument(
        "--databases", nargs="+", default=["sqlite", "postgresql"], choices=["sqlite", "postgresql"]
    )
    parser.add_argument("--requests", type=int, default=400, help="requests per scenario (bounded)")
    parser.add_argument("--seconds", type=float, default=30.0, help="time cap per scenario")
    parser.add_argument(
        "--workers", type=int, default=1, help="server processes (same for the floor)"
    )
    parser.add_argument("--export-rows", type=int, default=100_000)
    parser.add_argument(
        "--scenarios", nargs="*", default=[], help="keys or their prefixes (a b d...; default: all)"
    )
    parser.add_argument("--out", type=Path, default=BENCH / "results.json")
    opts = parser.parse_args(argv)
    BENCH.mkdir(exist_ok=True)
    results: dict[str, Any] = {
        "statements": opts.statements,
        "workers": opts.workers,
        "requests_per_scenario": opts.requests,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "databases": {},
    }
    t0 = time.perf_counter()
    for kind in opts.databases:
        print(f"{kind}: corpus of {opts.statements:,} statements", file=sys.stderr)
        results["databases"][kind] = run_database(kind, opts)
    results["seconds"] = round(time.perf_counter() - t0, 1)
    written = [opts.out]
    if opts.out == BENCH / "results.json":  # and one file per corpus size, kept
        written.append(BENCH / f"results-{opts.statements}.json")
    for path in written:
        path.write_text(json.dumps(results, indent=2))
    print(table(results))
    print(f"\n{results['seconds']} s; written to {', '.join(str(p) for p in written)}")


if __name__ == "__main__":
    main()
