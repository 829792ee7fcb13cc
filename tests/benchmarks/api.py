"""``make bench``: the API under concurrent load on SQLite and PostgreSQL, against the floor.

    python -m tests.benchmarks.api --statements 100000            # both databases
    python -m tests.benchmarks.api --statements 1000000 --databases postgresql

For each database: build (or reuse) a synthetic corpus of the chosen size, start the real
server (``dicta serve``: uvicorn, real HTTP on 127.0.0.1) and the floor (the same rows as
scenario (a) from one hand-written SQL query, orjson, bare Starlette; same driver, same
number of processes), and drive each scenario with concurrent clients for a bounded number
of requests. Prints a table and writes ``.bench/results.json``: per scenario and database
``req_per_s``, ``p50_ms``, ``p99_ms``, ``peak_mb`` and ``floor_ratio`` (our throughput / the
floor's, both measured in this run). A scenario the server cannot answer is reported with its
first error, never as a number.
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
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

import schema
from schema.db import create_engine
from tests.benchmarks import corpus
from tests.benchmarks.http_load import run_load
from tests.benchmarks.scenarios import Picks, Scenario, floor_scenario, scenarios

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / ".bench"
PG_SERVER = os.environ.get("DICTA_BENCH_POSTGRES", "postgresql+asyncpg://postgres@127.0.0.1:5432")


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


async def ensure_corpus(kind: str, statements: int) -> tuple[str, float | None]:
    """The corpus database for ``kind``, built unless it already holds ``statements``."""
    url = database_url(kind, statements)
    if await count_statements(url) == statements:
        return url, None
    if kind == "sqlite":
        remove_sqlite(BENCH / f"corpus-{statements}.db")
    else:
        await recreate_postgres(url)
    t0 = time.perf_counter()
    await corpus.build(statements, url)
    return url, time.perf_counter() - t0


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


async def measure(port: int, pid: int, sc: Scenario, seconds: float) -> dict[str, Any]:
    probe = await run_load(
        f"http://127.0.0.1:{port}", sc.request, concurrency=1, requests=1, seconds=seconds, warmup=0
    )
    if probe.errors:
        return probe.as_json()
    result = await run_load(
        f"http://127.0.0.1:{port}",
        sc.request,
        concurrency=sc.concurrency,
        requests=sc.requests,
        seconds=seconds,
        warmup=2 if sc.rows else 10,
        server_pid=pid,
    )
    row = result.as_json()
    if sc.rows and result.requests:
        row["rows_per_s"] = round(sc.rows * result.requests / result.seconds, 1)
    return row


def run_database(kind: str, opts: argparse.Namespace) -> dict[str, Any]:
    url, built_in = asyncio.run(ensure_corpus(kind, opts.statements))
    picks = asyncio.run(pick(url))
    out: dict[str, Any] = {"database_url": url, "corpus_build_s": built_in, "scenarios": {}}
    env = {"DICTA_DATABASE_URL": url, "DICTA_ENV": "production"}
    floor_port, api_port = free_port(), free_port()
    py = sys.executable
    floor_cmd = [
        py,
        "-m",
        "tests.benchmarks.floor",
        "--db",
        url,
        "--port",
        str(floor_port),
        "--workers",
        str(opts.workers),
    ]
    with server(floor_cmd, {}, floor_port) as floor_proc:
        floor = asyncio.run(
            measure(floor_port, floor_proc.pid, floor_scenario(opts.requests), opts.seconds)
        )
    out["scenarios"]["floor"] = floor
    api_cmd = [
        str(Path(py).with_name("dicta")),
        "serve",
        "--port",
        str(api_port),
        "--workers",
        str(opts.workers),
    ]
    with server(api_cmd, env, api_port) as api_proc:
        for sc in scenarios(picks, requests=opts.requests, export_rows=opts.export_rows):
            row = asyncio.run(measure(api_port, api_proc.pid, sc, opts.seconds))
            if row["errors"]:
                row = {
                    "unavailable": row["first_error"],
                    "errors": row["errors"],
                    "requests": row["requests"],
                }
            else:
                row["floor_ratio"] = (
                    round(row["req_per_s"] / floor["req_per_s"], 3) if floor["req_per_s"] else None
                )
            row["title"] = sc.title
            out["scenarios"][sc.key] = row
            print(f"  {kind:10} {sc.key:24} {_fmt(row)}", file=sys.stderr)
    return out


def _fmt(row: dict[str, Any]) -> str:
    if "unavailable" in row:
        return f"unavailable ({row['unavailable']})"
    extra = f"  {row['rows_per_s']:,.0f} rows/s" if "rows_per_s" in row else ""
    return (
        f"{row['req_per_s']:8.1f} req/s  p50 {row['p50_ms']:7.1f} ms  p99 {row['p99_ms']:7.1f} ms  "
        f"{row['peak_mb']:6.0f} MB  floor×{row.get('floor_ratio', 1.0)}{extra}"
    )


def table(results: dict[str, Any]) -> str:
    lines = [
        f"{'database':10} {'scenario':24} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'peak MB':>8} {'floor×':>7}"
    ]
    for kind, res in results["databases"].items():
        for key, row in res["scenarios"].items():
            if "unavailable" in row:
                lines.append(f"{kind:10} {key:24} unavailable: {row['unavailable']}")
                continue
            lines.append(
                f"{kind:10} {key:24} {row['req_per_s']:8.1f} {row['p50_ms']:8.1f} {row['p99_ms']:8.1f} "
                f"{row['peak_mb']:8.0f} {row.get('floor_ratio', 1.0) or 0:7.3f}"
                + (f"  ({row['rows_per_s']:,.0f} rows/s)" if "rows_per_s" in row else "")
            )
    return "\n".join(lines)


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
    (BENCH / "results.json").write_text(json.dumps(results, indent=2))
    print(table(results))
    print(f"\n{results['seconds']} s; written to {BENCH / 'results.json'}")


if __name__ == "__main__":
    main()
