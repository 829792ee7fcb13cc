"""The closing summary of a load: counts, per-file errors, a rich table and a JSON report."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from seed.write import WriteResult


@dataclass(frozen=True, slots=True)
class FileError:
    """Why one file was not loaded. ``stage`` is where it failed: source (finding the file),
    read (bytes to text), extract (the pipeline) or write (the database)."""

    file: str
    stage: str
    message: str
    offset: int | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "stage": self.stage,
            "offset": self.offset,
            "message": self.message,
        }

    def __str__(self) -> str:
        where = self.file if self.offset is None else f"{self.file} (offset {self.offset})"
        return f"{where}: {self.message}"


#: (key, label) of every count, in the order the table shows them
COUNTS: tuple[tuple[str, str], ...] = (
    ("files", "files"),
    ("articles_new", "articles new"),
    ("articles_existing", "articles already loaded"),
    ("statements_new", "statements new"),
    ("statements_merged", "attributions joining known statements"),
    ("attributions", "attributions"),
    ("actors_new", "actors new"),
    ("places_new", "places new"),
    ("outlets_new", "outlets new"),
    ("date_conflicts", "statements with conflicting dates"),
    ("repairs", "text repairs"),
    ("warnings", "warnings"),
    ("failures", "failures"),
)


@dataclass(slots=True)
class LoadSummary:
    run_id: int | None = None
    status: str | None = None
    database: str | None = None
    workers: int = 0
    elapsed_seconds: float = 0.0
    files: int = 0
    articles_new: int = 0
    articles_existing: int = 0
    statements_new: int = 0
    statements_merged: int = 0
    attributions: int = 0
    actors_new: int = 0
    places_new: int = 0
    outlets_new: int = 0
    date_conflicts: int = 0
    repairs: int = 0
    warnings: int = 0
    errors: list[FileError] = field(default_factory=list)
    #: the extraction warnings of each new article, by file
    warning_details: dict[str, list[str]] = field(default_factory=dict)

    @property
    def failed(self) -> int:
        return len(self.errors)

    def add(self, file: str, result: WriteResult, warnings: tuple[str, ...] = ()) -> None:
        if not result.new:
            self.articles_existing += 1
            return
        self.articles_new += 1
        self.statements_new += result.statements_new
        self.statements_merged += result.statements_merged
        self.attributions += result.attributions
        self.actors_new += result.actors_new
        self.places_new += result.places_new
        self.outlets_new += result.outlets_new
        self.date_conflicts += result.date_conflicts
        self.repairs += result.repairs
        self.warnings += result.warnings
        if warnings:
            self.warning_details[file] = list(warnings)

    def fail(self, error: FileError) -> None:
        self.errors.append(error)

    def counts(self) -> dict[str, int]:
        values = {key: getattr(self, key) for key, _ in COUNTS if key != "failures"}
        values["failures"] = self.failed
        return values

    def as_json(self) -> dict[str, Any]:
        done = self.articles_new + self.articles_existing
        return {
            "run_id": self.run_id,
            "status": self.status,
            "database": self.database,
            "workers": self.workers,
            "elapsed_seconds": round(self.elapsed_seconds, 3),
            "articles_per_second": (
                round(done / self.elapsed_seconds, 3) if self.elapsed_seconds > 0 else None
            ),
            "counts": self.counts(),
            "errors": [e.as_json() for e in self.errors],
            "warnings": self.warning_details,
        }

    def write_json(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.as_json(), indent=2, ensure_ascii=False) + "\n", "utf-8")

    def table(self) -> Table:
        title = f"dicta load: ingest run {self.run_id}" if self.run_id is not None else "dicta load"
        if self.status:
            title += f" ({self.status})"
        table = Table(title=title, show_header=True, title_justify="left")
        table.add_column("", style="bold")
        table.add_column("count", justify="right")
        counts = self.counts()
        for key, label in COUNTS:
            style = "red" if key == "failures" and counts[key] else None
            table.add_row(label, str(counts[key]), style=style)
        table.add_row("seconds", f"{self.elapsed_seconds:.1f}")
        return table

    def errors_table(self) -> Table:
        table = Table(title="failed files", title_justify="left", show_lines=False)
        table.add_column("file", overflow="fold")
        table.add_column("stage")
        table.add_column("offset", justify="right")
        table.add_column("what went wrong, and how to fix it", overflow="fold")
        for e in self.errors:
            table.add_row(e.file, e.stage, "" if e.offset is None else str(e.offset), e.message)
        return table

    def render(self, console: Console) -> None:
        console.print(self.table())
        if self.errors:
            console.print(self.errors_table())
