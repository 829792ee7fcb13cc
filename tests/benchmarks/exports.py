"""Streamed exports: rows/s and the server's peak memory, against one SQL query to a file.

    python -m tests.benchmarks.exports --statements 100000
    python -m tests.benchmarks.exports --statements 100000 --db postgresql+asyncpg://postgres@127.0.0.1/bench

Builds a synthetic corpus (``tests.benchmarks.corpus``; reused when the database already holds
that many statements; a PostgreSQL database must exist and be empty otherwise), then:

* baseline: the same rows (every column of a statement export) fetched by one SQL query,
  streamed with a server-side cursor and written to a CSV file by the same encoder, in this
  process, with the same driver;
* the API: ``dicta serve`` (uvicorn, one worker, real HTTP on 127.0.0.1), asked for
  ``/api/v1/statements?format=csv`` and ``?format=jsonl``, first stopped after the rows of a
  tenth of the statements (``max_rows``), then for every statement; a fresh server for each
  export, its resident memory (with its children) polled every 50 ms.

Prints a table and writes ``.bench/exports.json``: per export the rows, statements, bytes,
seconds, rows/s, the ratio to the baseline's rows/s, and the server's peak memory; the last
line compares the peak of the full export with the peak of the tenth (≈1 when memory stays
flat).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from api.repository.exports import (
    STATEMENT_EXPORT_COLUMNS,
    STATEMENT_EXPORT_TYPES,
    all_rows_query,
)
from api.rest.export import csv_converted, csv_lines
from schema import Attribution, Statement
from schema.db import create_engine
from tests.benchmarks import corpus
from tests.benchmarks.api import BENCH, count_statements, free_port, remove_sqlite, server
from tests.benchmarks.http_load import MemoryWatch


async def ensure_corpus(url: str, statements: int) -> float | None:
    """Build the corpus unless ``url`` already holds it; the seconds it took, or None."""
    have = await count_statements(url)
    if have == statements:
        return None
    if make_url(url).get_backend_name() == "sqlite" and have is not None:
        remove_sqlite(Path(make_url(url).database or ""))
    t0 = time.perf_counter()
    await corpus.build(statements, url)
    return time.perf_counter() - t0


async def _write_all_rows(url: str, out: Any) -> int:
    encode = csv_lines(STATEMENT_EXPORT_COLUMNS, csv_converted(STATEMENT_EXPORT_TYPES))
    engine = create_engine(url)
    rows = 0
    try:
        async with engine.connect() as conn:
            result = await conn.stream(all_rows_query().execution_options(yield_per=5000))
            async for partition in result.partitions(5000):
                out.write(encode(partition, rows == 0))
                rows += len(partition)
    finally:
        await engine.dispose()
    return rows


def baseline(url: str) -> dict[str, Any]:
    """Every export row from one query, written to a CSV file: the floor."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "baseline.csv"
        t0 = time.perf_counter()
        with path.open("wb") as out:
            rows = asyncio.run(_write_all_rows(url, out))
        seconds = time.perf_counter() - t0
        size = path.stat().st_size
    return {"rows": rows, "bytes": size, "seconds": round(seconds, 2), "rows_per_s": rows / seconds}


async def total_rows(url: str) -> tuple[int, int]:
    """(export rows, export rows of the first tenth of the statements by id)."""
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            statements = int(await conn.scalar(select(func.count()).select_from(Statement)) or 0)
            rows = int(await conn.scalar(select(func.count()).select_from(Attribution)) or 0)
            tenth = int(
                await conn.scalar(
                    select(func.count())
                    .select_from(Attribution)
                    .where(Attribution.statement_id <= statements // 10)
                )
                or 0
            )
    finally:
        await engine.dispose()
    return rows, tenth


async def download(port: int, pid: int, fmt: str, max_rows: int) -> dict[str, Any]:
    url = f"http://127.0.0.1:{port}/api/v1/statements?format={fmt}&max_rows={max_rows}"
    rows = size = 0
    statements: set[str] = set()
    with MemoryWatch(pid) as watch:
        t0 = time.perf_counter()
        async with (
            httpx.AsyncClient(timeout=None) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code != 200:
                raise RuntimeError(f"{url}: {response.status_code} {await response.aread()!r}")
            async for line in response.aiter_lines():
                size += len(line) + 1
                rows += 1
                if fmt == "jsonl":
                    statements.add(line[len('{"statement_id":') : line.index(",")])
                elif rows > 1:
                    statements.add(line[: line.index(",")])
        seconds = time.perf_counter() - t0
    if fmt == "csv":
        rows -= 1  # the header
    return {
        "rows": rows,
        "statements": len(statements),
        "bytes": size,
        "seconds": round(seconds, 2),
        "rows_per_s": rows / seconds,
        "peak_mb": round(watch.peak / 2**20, 1),
    }


def export(url: str, fmt: str, max_rows: int) -> dict[str, Any]:
    port = free_port()
    env = {
        "DICTA_DATABASE_URL": url,
        "DICTA_ENV": "production",
        "DICTA_EXPORT_MAX_ROWS": str(max(max_rows, 1)),
    }
    cmd = [str(Path(sys.executable).with_name("dicta")), "serve", "--port", str(port)]
    with server(cmd, env, port) as proc:
        return asyncio.run(download(port, proc.pid, fmt, max_rows))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument(
        "--db", help="database URL (default: a SQLite file in .bench/ for this size)"
    )
    opts = parser.parse_args(argv)
    BENCH.mkdir(exist_ok=True)
    url = opts.db or f"sqlite+aiosqlite:///{BENCH / f'exports-{opts.statements}.db'}"
    built = asyncio.run(ensure_corpus(url, opts.statements))
    rows, tenth = asyncio.run(total_rows(url))
    print(f"corpus: {opts.statements:,} statements, {rows:,} export rows", file=sys.stderr)

    floor = baseline(url)
    results: dict[str, Any] = {
        "database": make_url(url).get_backend_name(),
        "statements": opts.statements,
        "export_rows": rows,
        "corpus_build_s": None if built is None else round(built, 1),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "baseline": floor,
        "exports": {},
    }
    for fmt in ("csv", "jsonl"):
        for label, cap in (("tenth", tenth), ("all", rows)):
            row = export(url, fmt, cap)
            row["baseline_ratio"] = round(row["rows_per_s"] / floor["rows_per_s"], 3)
            results["exports"][f"{fmt}_{label}"] = row
            print(f"  {fmt:5} {label:5} {row}", file=sys.stderr)
    for fmt in ("csv", "jsonl"):
        small, full = results["exports"][f"{fmt}_tenth"], results["exports"][f"{fmt}_all"]
        results[f"{fmt}_peak_ratio_all_to_tenth"] = round(full["peak_mb"] / small["peak_mb"], 3)
    (BENCH / "exports.json").write_text(json.dumps(results, indent=2))
    print(table(results))


def table(results: dict[str, Any]) -> str:
    floor = results["baseline"]
    lines = [
        f"{results['database']}: {results['statements']:,} statements, "
        f"{results['export_rows']:,} export rows (one per attribution)",
        f"{'export':14} {'rows':>9} {'statements':>10} {'MB out':>8} {'s':>7} {'rows/s':>9} "
        f"{'÷ baseline':>10} {'peak MB':>8}",
        f"{'baseline (SQL)':14} {floor['rows']:9,} {'':>10} {floor['bytes'] / 2**20:8.1f} "
        f"{floor['seconds']:7.2f} {floor['rows_per_s']:9,.0f} {1:10.3f} {'':>8}",
    ]
    for key, row in results["exports"].items():
        lines.append(
            f"{key:14} {row['rows']:9,} {row['statements']:10,} {row['bytes'] / 2**20:8.1f} "
            f"{row['seconds']:7.2f} {row['rows_per_s']:9,.0f} {row['baseline_ratio']:10.3f} "
            f"{row['peak_mb']:8.1f}"
        )
    lines.append(
        "peak memory, all ÷ tenth: "
        f"csv {results['csv_peak_ratio_all_to_tenth']}, "
        f"jsonl {results['jsonl_peak_ratio_all_to_tenth']}"
    )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
