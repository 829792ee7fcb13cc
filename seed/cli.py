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
    database_url: DatabaseOption = None,
) -> None:
    """Load articles into the database, one transaction per file; re-loading changes nothing."""
    from seed.load import run_load

    summary = asyncio.run(run_load(paths, _url(database_url)))
    typer.echo(summary.render())
    if summary.failed:
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


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
