"""The ``dicta`` command line: database migrations, loading, extraction and serving."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Annotated

import typer

from schema.settings import Settings

app = typer.Typer(
    name="dicta",
    help="Dicta: who said what, when, where, and who reported it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(help="Database migrations.", no_args_is_help=True)
app.add_typer(db_app, name="db")

DatabaseOption = Annotated[
    str | None,
    typer.Option("--database-url", help="Database URL (default: DICTA_DATABASE_URL or dicta.db)."),
]


def _url(database_url: str | None) -> str:
    return database_url or Settings.from_env().database_url


@db_app.command("upgrade")
def db_upgrade(
    revision: Annotated[str, typer.Argument(help="Target revision.")] = "head",
    database_url: DatabaseOption = None,
) -> None:
    """Apply migrations up to REVISION (default: the newest)."""
    from migrations import upgrade

    url = _url(database_url)
    upgrade(url, revision)
    typer.echo(f"database at {revision}: {url}")


@app.command("load")
def load(
    paths: Annotated[list[Path], typer.Argument(help="Article files (.txt) or directories.")],
    manifest: Annotated[
        Path | None,
        typer.Option("--manifest", help="Manifest (YAML or JSON) giving outlet, URL, title, date."),
    ] = None,
    report: Annotated[
        Path | None, typer.Option("--report", help="Also write the closing summary as JSON here.")
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers", min=0, help="Extraction processes (default: one per core; 0: in-process)."
        ),
    ] = None,
    database_url: DatabaseOption = None,
) -> None:
    """Extract and load articles, one transaction per file; re-loading changes nothing.

    Exits with 1 when any file failed (the others are loaded), 2 when the load cannot start.
    """
    from rich.console import Console

    from seed.load import LoadError, run_load

    try:
        summary = asyncio.run(
            run_load(paths, _url(database_url), manifest=manifest, workers=workers)
        )
    except LoadError as exc:
        typer.echo(f"dicta load: {exc}", err=True)
        raise typer.Exit(code=2) from exc
    summary.render(Console())
    if report is not None:
        summary.write_json(report)
    if summary.failed:
        raise typer.Exit(code=1)


@app.command("extract")
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Article files (.txt) or directories.")],
    output_format: Annotated[
        str, typer.Option("--format", help="Output format: jsonl, json or csv.")
    ] = "jsonl",
    manifest: Annotated[
        Path | None,
        typer.Option("--manifest", help="Manifest (YAML or JSON) giving outlet, URL, title, date."),
    ] = None,
) -> None:
    """Print each attributed statement (speaker, cue, content, kind, date) without a database.

    Exits with 1 when any file could not be read (the others are still printed).
    """
    from seed.output import FORMATS, write
    from seed.pipeline import extract_paths

    if output_format not in FORMATS:
        typer.echo(
            f"dicta extract: unknown format {output_format!r}; use {', '.join(FORMATS)}", err=True
        )
        raise typer.Exit(code=2)
    loaded = None
    if manifest is not None:
        from seed.manifest import ManifestError, load_manifest

        try:
            loaded = load_manifest(manifest)
        except (ManifestError, OSError) as exc:
            typer.echo(f"dicta extract: {exc}", err=True)
            raise typer.Exit(code=2) from exc
    failures: list[str] = []

    def report(path: Path, exc: Exception) -> None:
        failures.append(str(path))
        typer.echo(f"dicta extract: {path}: {getattr(exc, 'message', exc)}", err=True)

    articles = extract_paths(paths, loaded, on_error=report)
    write(articles, sys.stdout, output_format)
    if failures:
        raise typer.Exit(code=1)


@app.command("serve")
def serve(
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to bind.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
    reload: Annotated[bool, typer.Option(help="Reload on code changes.")] = False,
) -> None:
    """Serve the GraphQL and REST API."""
    import uvicorn

    uvicorn.run(
        "api.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        reload=reload,
        log_level="info",
    )


@app.command("graphql-schema")
def graphql_schema() -> None:
    """Print the GraphQL schema (SDL), as checked in at schema.graphql."""
    from api.graphql import print_sdl

    typer.echo(print_sdl(), nl=False)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
