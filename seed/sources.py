"""Find the article files a load or an extraction was pointed at.

A file given by name is taken whatever its suffix; a directory is searched recursively for
``.txt`` files, skipping hidden files and directories (``.git``, editor backups). The order
is stable (the paths as given, each directory's files sorted by path), so that loads are
deterministic; a file reached twice is taken once.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ARTICLE_SUFFIXES = (".txt",)


@dataclass(frozen=True)
class SourceError:
    path: Path
    message: str


def _walk(directory: Path, errors: list[SourceError]) -> list[Path]:
    found: list[Path] = []

    def on_error(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else directory
        errors.append(
            SourceError(
                where,
                f"cannot list this directory ({exc.strerror}); check its permissions. "
                "Files under it were not loaded.",
            )
        )

    for root, dirs, files in os.walk(directory, onerror=on_error, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(
            Path(root) / name
            for name in files
            if not name.startswith(".") and name.endswith(ARTICLE_SUFFIXES)
        )
    return sorted(found)


def discover(paths: Iterable[Path]) -> tuple[list[Path], list[SourceError]]:
    """Article files under ``paths``, in a stable order, and an error for each path that
    cannot be used."""
    found: list[Path] = []
    errors: list[SourceError] = []
    for path in paths:
        if path.is_dir():
            found.extend(_walk(path, errors))
        elif path.is_file():
            found.append(path)
        elif path.exists():
            errors.append(
                SourceError(path, "not a regular file or directory; give article files (.txt)")
            )
        else:
            errors.append(SourceError(path, "no such file or directory; check the path"))
    seen: set[Path] = set()
    unique: list[Path] = []
    for p in found:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique, errors
