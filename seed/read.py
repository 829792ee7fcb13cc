"""Read stage: bytes → repaired text, with the sha256 of the bytes that makes loads idempotent.

``read_article(path)`` reads a file; ``read_bytes(data, file_name)`` does the rest for bytes
already in hand. Both raise :class:`ReadError` for input that cannot become an article:

- unreadable (permissions, a directory, a file that vanished);
- larger than ``max_bytes`` (default :data:`DEFAULT_MAX_BYTES`, 10 MB, or the environment
  variable ``DICTA_MAX_ARTICLE_BYTES``): a news article is well under 1 MB, a bigger
  ``.txt`` is a dump of many articles or not an article at all;
- empty or only whitespace;
- binary: a NUL byte, or more than 5% control bytes in the first 64 KiB;
- not UTF-8 and no text encoding fits it.

Text that is not UTF-8 is decoded with the encoding charset-normalizer finds (or the one its
byte-order mark declares); the decode is recorded as the article's first repair, placed at
the first character that was not valid UTF-8. Then :func:`seed.repair.repair` fixes mojibake
and whitespace, logging every change.
"""

from __future__ import annotations

import codecs
import hashlib
import os
from pathlib import Path

from seed.records import RawArticle
from seed.repair import RepairLog, repair

MAX_BYTES_ENV = "DICTA_MAX_ARTICLE_BYTES"
DEFAULT_MAX_BYTES = int(os.environ.get(MAX_BYTES_ENV, "") or 10_000_000)
#: share of control bytes (other than tab, newlines, form feed) above which input is binary
BINARY_CONTROL_RATIO = 0.05
_SNIFF = 65_536
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class ReadError(Exception):
    """A file that cannot become an article; the message says why and how to fix it."""

    def __init__(self, path: Path, message: str, offset: int | None = None) -> None:
        self.path = path
        self.offset = offset
        where = f"{path}" + (f" at byte {offset}" if offset is not None else "")
        super().__init__(f"{where}: {message}")
        self.message = message


def read_article(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> RawArticle:
    """Read, decode and repair the article in ``path``."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ReadError(path, _too_big(size, max_bytes))
        data = path.read_bytes()
    except ReadError:
        raise
    except IsADirectoryError as exc:
        raise ReadError(path, "is a directory, not an article file") from exc
    except PermissionError as exc:
        raise ReadError(
            path,
            "permission denied: the loader cannot read this file; "
            "make it readable (chmod a+r) or leave it out",
        ) from exc
    except OSError as exc:
        raise ReadError(
            path, f"cannot read file ({exc.strerror or exc}); check that it exists"
        ) from exc
    return _read(data, path.name, str(path), max_bytes)


def read_bytes(data: bytes, file_name: str, path: str | None = None) -> RawArticle:
    """Decode and repair ``data``, the bytes of the article file ``file_name``."""
    return _read(data, file_name, path, DEFAULT_MAX_BYTES)


def _read(data: bytes, file_name: str, path: str | None, max_bytes: int) -> RawArticle:
    where = Path(path) if path is not None else Path(file_name)
    if len(data) > max_bytes:
        raise ReadError(where, _too_big(len(data), max_bytes))
    if not data:
        raise ReadError(where, "file is empty (0 bytes); remove it or put the article's text in it")
    text, encoding, log = _decode(data, where)
    if not text.strip():
        raise ReadError(
            where, "file holds only whitespace; remove it or put the article's text in it"
        )
    log = repair(text, log)
    if not log.text:
        raise ReadError(where, "nothing is left after removing control characters and whitespace")
    return RawArticle(
        file_name=file_name,
        sha256=hashlib.sha256(data).hexdigest(),
        text=log.text,
        encoding=encoding,
        repairs=log.repairs(),
        path=path,
    )


def _too_big(size: int, limit: int) -> str:
    return (
        f"file is {size:,} bytes, over the {limit:,}-byte limit for one article; "
        f"split it into one file per article, or raise the limit with the environment "
        f"variable {MAX_BYTES_ENV} (or read_article(..., max_bytes=N))"
    )


def _decode(data: bytes, where: Path) -> tuple[str, str, RepairLog | None]:
    """The text, the encoding it was read with, and a log holding the decode repair when
    the input was not UTF-8."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(name)
            except UnicodeDecodeError as exc:
                raise ReadError(
                    where,
                    f"starts with a {name.upper()} byte-order mark but is not valid {name.upper()} "
                    f"({exc.reason}); re-save the file as UTF-8",
                    offset=exc.start,
                ) from exc
            log = RepairLog(text)
            if text:
                log.mark_decode(0, _escaped(bom), f"decoded as {name.upper()} (byte-order mark)")
            return text, name, log
    _reject_binary(data, where)
    try:
        return data.decode("utf-8-sig"), "utf-8", None
    except UnicodeDecodeError as exc:
        bad_at, bad_bytes, why = exc.start, data[exc.start : exc.end], exc.reason
    from charset_normalizer import from_bytes  # imported on first use: it is slow to import

    best = from_bytes(data).best()
    if best is None or best.encoding in ("utf_8", "ascii"):
        raise ReadError(
            where,
            f"not valid UTF-8 ({why}) and no other text encoding fits it; "
            "re-save the file as UTF-8",
            offset=bad_at,
        )
    text = str(best)
    encoding = codecs.lookup(best.encoding).name
    log = RepairLog(text)
    at = len(data[:bad_at].decode(encoding, errors="replace")) if text else 0
    at = min(at, max(len(text) - 1, 0))
    log.mark_decode(
        at,
        _escaped(bad_bytes),
        f"not UTF-8 (invalid byte at byte {bad_at}); decoded as {encoding} "
        "(detected by charset-normalizer)",
    )
    return text, encoding, log


def _escaped(raw: bytes) -> str:
    return "".join(f"\\x{b:02X}" for b in raw)


def _reject_binary(data: bytes, where: Path) -> None:
    nul = data.find(b"\x00")
    if nul != -1:
        raise ReadError(
            where,
            "binary file: it contains a NUL byte, which text never does; "
            "give the loader the article's text (.txt, UTF-8) instead",
            offset=nul,
        )
    head = data[:_SNIFF]
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if controls > BINARY_CONTROL_RATIO * len(head):
        first = next(i for i, b in enumerate(head) if b in _CONTROL_BYTES)
        raise ReadError(
            where,
            f"binary file: {controls} of its first {len(head)} bytes are control bytes; "
            "give the loader the article's text (.txt, UTF-8) instead",
            offset=first,
        )
