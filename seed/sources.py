"""Find the article files a load or an extraction was pointed at."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ARTICLE_SUFFIXES = (".txt",)


@dataclass(frozen=True)
class SourceError:
    path: Path
    message: str


def discover(paths: Iterable[Path]) -> tuple[list[Path], list[SourceError]]:
    """Article files under ``paths`` (files as given, directories searched recursively for
    ``.txt``), in a stable order, and an error for each path that cannot be used."""
    found: list[Path] = []
    errors: list[SourceError] = []
    for path in paths:
        if path.is_dir():
            try:
                found.extend(
                    sorted(
                        p for p in path.rglob("*") if p.suffix in ARTICLE_SUFFIXES and p.is_file()
                    )
                )
            except OSError as exc:
                errors.append(SourceError(path, f"cannot list directory: {exc.strerror}"))
        elif path.is_file():
            found.append(path)
        elif path.exists():
            errors.append(SourceError(path, "not a regular file or directory"))
        else:
            errors.append(SourceError(path, "no such file or directory; check the path"))
    seen: set[Path] = set()
    unique = [p for p in found if not (p.resolve() in seen or seen.add(p.resolve()))]
    return unique, errors
