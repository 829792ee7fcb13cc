"""Loading throughput: ``dicta load`` into SQLite and PostgreSQL, with 1 and N workers.

    .venv/bin/python -m tests.benchmarks.loading [--articles 200] [--workers N]
        [--postgres-url postgresql+asyncpg://postgres@127.0.0.1/dicta_bench]

On the benchmark corpus (:mod:`tests.benchmarks.articles`, built on first use), for each
database and each worker count, into a freshly migrated database:

- ``load``: the whole of ``dicta load`` (``seed.load.run_load``): extraction in worker
  processes (spaCy loaded in each), writing one transaction per article. Articles/s end to
  end, start-up included; ``scaling`` is N workers' throughput over one worker's.
- ``write``: the write stage alone, the same articles extracted beforehand (once, kept in
  ``.bench/extracted-N.pickle``) and written one transaction per article: how much of a
  load the database costs.

PostgreSQL runs against the database named by ``--postgres-url`` (or the environment
variable ``DICTA_BENCH_POSTGRES_URL``), whose ``public`` schema is dropped and recreated for
each measurement: give it a database of its own (``createdb dicta_bench``). Without one,
PostgreSQL is skipped. SQLite files go to ``.bench/``. N defaults to the number of cores.
Prints a table and writes ``.bench/loading.json``. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import multiprocessing
import os
import pickle
import platform
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from sqlalchemy import text

from migrations import upgrade
from schema.db import create_engine, session_factory
from seed.load import default_workers, extract_file, run_load, word_vectors
from seed.records import ExtractedArticle
from seed.write import start_run, write_article
from tests.benchmarks.articles import DEFAULT_OUT, REPO, write_corpus

BENCH = REPO / ".bench"
RESULTS = BENCH / "loading.json"
POSTGRES_ENV = "DICTA_BENCH_POSTGRES_URL"


def _remove_sqlite(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


async def fresh_database(backend: str, postgres_url: str | None, name: str) -> str:
    if backend == "sqlite":
        path = BENCH / f"{name}.db"
        await asyncio.to_thread(_remove_sqlite, path)
        url = f"sqlite+aiosqlite:///{path}"
    else:
        assert postgres_url is not None
        engine = create_engine(postgres_url)
        try:
            async with engine.begin() as conn:
                await conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
                await conn.execute(text("CREATE SCHEMA public"))
        finally:
            await engine.dispose()
        url = postgres_url
    await asyncio.to_thread(upgrade, url)
    return url


def extracted(paths: list[Path], workers: int) -> list[ExtractedArticle]:
    """The corpus extracted once (in worker processes), cached beside the corpus."""
    cache = BENCH / f"extracted-{len(paths)}.pickle"
    stamp = max(p.stat().st_mtime for p in paths)
    if cache.exists() and cache.stat().st_mtime > stamp:
        with cache.open("rb") as f:
            articles: list[ExtractedArticle] = pickle.load(f)
        return articles
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        articles = list(pool.map(extract_file, paths, chunksize=4))
    with cache.open("wb") as f:
        pickle.dump(articles, f)
    return articles


async def measure_load(url: str, corpus: Path, workers: int) -> dict[str, Any]:
    summary = await run_load([corpus], url, workers=workers, progress=False)
    if summary.failed:
        raise RuntimeError(f"the benchmark load failed: {summary.errors[:3]}")
    articles = summary.articles_new
    return {
        "seconds": round(summary.elapsed_seconds, 3),
        "articles": articles,
        "articles_per_s": round(articles / summary.elapsed_seconds, 3),
        "attributions": summary.attributions,
        "statements": summary.statements_new,
    }


async def measure_write(url: str, articles: list[ExtractedArticle]) -> dict[str, Any]:
    vectors = await asyncio.to_thread(word_vectors)
    engine = create_engine(url)
    sessions = session_factory(engine)
    try:
        async with sessions() as s, s.begin():
            run_id = await start_run(s, "benchmark", [a.raw.file_name for a in articles])
        start = time.perf_counter()
        for article in articles:
            async with sessions() as s, s.begin():
                await write_article(s, run_id, article, vectors=vectors)
        seconds = time.perf_counter() - start
    finally:
        await engine.dispose()
    return {
        "seconds": round(seconds, 3),
        "articles": len(articles),
        "articles_per_s": round(len(articles) / seconds, 3),
        "attributions": sum(len(a.attributions) for a in articles),
    }


async def run(
    articles: int, workers: int, postgres_url: str | None, corpus: Path
) -> dict[str, Any]:
    BENCH.mkdir(exist_ok=True)
    paths = write_corpus(corpus, articles)
    backends = ["sqlite"] + (["postgresql"] if postgres_url else [])
    counts = sorted({1, workers})
    results: dict[str, dict[str, Any]] = {}
    for backend in backends:
        row: dict[str, Any] = {}
        for n in counts:
            url = await fresh_database(backend, postgres_url, f"loading-{n}")
            row[f"load_{n}"] = await measure_load(url, corpus, n)
        url = await fresh_database(backend, postgres_url, "loading-write")
        row["write"] = await measure_write(url, await asyncio.to_thread(extracted, paths, workers))
        one, many = row["load_1"]["articles_per_s"], row[f"load_{counts[-1]}"]["articles_per_s"]
        row["scaling"] = round(many / one, 3)
        results[backend] = row
    return {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
        },
        "corpus": {"articles": len(paths), "directory": str(corpus)},
        "workers": counts,
        "postgresql": "skipped: no --postgres-url or " + POSTGRES_ENV
        if not postgres_url
        else "run",
        "results": results,
    }


def table(report: dict[str, Any]) -> Table:
    counts = report["workers"]
    t = Table(
        title=f"loading: {report['corpus']['articles']} articles, articles/s (seconds)",
        title_justify="left",
    )
    t.add_column("database")
    for n in counts:
        t.add_column(f"load, {n} worker{'s' if n > 1 else ''}", justify="right")
    t.add_column(f"scaling ×{counts[-1]}", justify="right")
    t.add_column("write stage alone", justify="right")
    for backend, row in report["results"].items():
        cells = [
            f"{row[f'load_{n}']['articles_per_s']:.2f} ({row[f'load_{n}']['seconds']:.0f} s)"
            for n in counts
        ]
        write = row["write"]
        t.add_row(
            backend,
            *cells,
            f"{row['scaling']:.2f}",
            f"{write['articles_per_s']:.1f} ({write['seconds']:.1f} s)",
        )
    return t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--workers", type=int, default=default_workers())
    parser.add_argument("--postgres-url", default=os.environ.get(POSTGRES_ENV) or None)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    report = asyncio.run(run(args.articles, args.workers, args.postgres_url, args.corpus))
    Console().print(table(report))
    if not args.postgres_url:
        print(f"PostgreSQL skipped: give --postgres-url or set {POSTGRES_ENV}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"written to {args.out}")


if __name__ == "__main__":
    main()
