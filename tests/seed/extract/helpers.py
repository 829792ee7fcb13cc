"""Run the whole extraction on a short text written for a test and look at the result the
way ``dicta extract`` prints it."""

from __future__ import annotations

from typing import Any

from seed.output import row
from seed.pipeline import extract_article
from seed.read import read_bytes


def extract(text: str, name: str = "test.txt") -> list[dict[str, Any]]:
    """The output records (``dicta extract`` fields) of ``text``."""
    article = extract_article(read_bytes(text.encode("utf-8"), name))
    return [row(article, att, set()) for att in article.attributions]


def brief(text: str) -> list[tuple[str | None, str, str]]:
    """(speaker, kind, content) of each attribution, in text order."""
    return [(r["speaker"], r["kind"], r["text"]) for r in extract(text)]
