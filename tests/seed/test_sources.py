"""Finding article files: what a directory yields, in which order, and what cannot be used."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from seed.sources import discover


def touch(path: Path, text: str = "text") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_directory_yields_its_txt_files_recursively_in_sorted_order(tmp_path: Path) -> None:
    b = touch(tmp_path / "b.txt")
    a = touch(tmp_path / "a.txt")
    nested = touch(tmp_path / "2023" / "08" / "c.txt")
    touch(tmp_path / "manifest.yaml")
    touch(tmp_path / "notes.md")
    files, errors = discover([tmp_path])
    assert files == [nested, a, b]  # sorted by path: "2023/…" before "a.txt"
    assert errors == []


def test_hidden_files_and_directories_are_skipped(tmp_path: Path) -> None:
    kept = touch(tmp_path / "kept.txt")
    touch(tmp_path / ".hidden.txt")
    touch(tmp_path / ".git" / "objects.txt")
    assert discover([tmp_path]) == ([kept], [])


def test_a_file_given_by_name_is_taken_whatever_its_suffix(tmp_path: Path) -> None:
    article = touch(tmp_path / "article.text")
    files, errors = discover([article])
    assert (files, errors) == ([article], [])


def test_paths_keep_their_given_order_and_a_file_reached_twice_is_taken_once(
    tmp_path: Path,
) -> None:
    a = touch(tmp_path / "one" / "a.txt")
    z = touch(tmp_path / "two" / "z.txt")
    files, errors = discover(
        [tmp_path / "two", tmp_path / "one", a, tmp_path / "one" / ".." / "one"]
    )
    assert files == [z, a]
    assert errors == []


def test_missing_paths_and_special_files_are_errors_that_name_them(tmp_path: Path) -> None:
    good = touch(tmp_path / "good.txt")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    missing = tmp_path / "missing.txt"
    files, errors = discover([missing, good, fifo])
    assert files == [good]
    assert [(e.path, e.message) for e in errors] == [
        (missing, "no such file or directory; check the path"),
        (fifo, "not a regular file or directory; give article files (.txt)"),
    ]


@pytest.mark.skipif(
    os.geteuid() == 0, reason="runs as root, and root can list any directory whatever its mode"
)
def test_an_unreadable_directory_is_an_error_and_the_rest_still_loads(tmp_path: Path) -> None:
    good = touch(tmp_path / "a" / "good.txt")
    locked = tmp_path / "b"
    touch(locked / "secret.txt")
    locked.chmod(0)
    try:
        files, errors = discover([tmp_path])
    finally:
        locked.chmod(0o755)
    assert files == [good]
    assert len(errors) == 1 and errors[0].path == locked
    assert "cannot list this directory" in errors[0].message
