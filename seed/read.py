"""Read stage: raw bytes to text, with the sha256 that makes loads idempotent."""

from __future__ import annotations

import hashlib
from pathlib import Path

from seed.records import RawArticle


class ReadError(Exception):
    """A file that cannot become an article; the message says why and how to fix it."""

    def __init__(self, path: Path, message: str, offset: int | None = None) -> None:
        self.path = path
        self.offset = offset
        where = f"{path}" + (f" at byte {offset}" if offset is not None else "")
        super().__init__(f"{where}: {message}")
        self.message = message


def read_article(path: Path) -> RawArticle:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ReadError(path, f"cannot read file: {exc.strerror}; check its permissions") from exc
    if not raw.strip():
        raise ReadError(path, "file is empty; remove it or give it the article's text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReadError(
            path, f"not valid UTF-8 ({exc.reason}); re-save the file as UTF-8", offset=exc.start
        ) from exc
    return RawArticle(
        file_name=path.name, sha256=hashlib.sha256(raw).hexdigest(), text=text, path=str(path)
    )
