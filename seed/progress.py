"""A progress bar for long loads, on standard error and only when it is a terminal."""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)


class LoadProgress:
    """``with LoadProgress(total) as bar: bar.advance("a.txt", "new")``.

    ``enabled=None`` shows the bar when standard error is a terminal, so that logs and
    pipes get no control characters.
    """

    def __init__(self, total: int, *, enabled: bool | None = None, console: Console | None = None):
        self.console = console or Console(stderr=True)
        self.enabled = self.console.is_terminal if enabled is None else enabled
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("[bold]loading"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("eta"),
            TimeRemainingColumn(),
            TextColumn("{task.fields[last]}", style="dim"),
            console=self.console,
            disable=not self.enabled,
            transient=False,
        )
        self._task: TaskID = self._progress.add_task(
            "load", total=total, last="starting the extraction workers (loading spaCy)…"
        )
        self.failures = 0

    def __enter__(self) -> LoadProgress:
        self._progress.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._progress.stop()

    def advance(self, file_name: str, outcome: str) -> None:
        """One more file done; ``outcome`` is new, existing or failed."""
        if outcome == "failed":
            self.failures += 1
        last = f"{outcome}: {escape(file_name)}"
        if self.failures:
            last = f"[red]{self.failures} failed[/red] · {last}"
        self._progress.update(self._task, advance=1, last=last)
