"""Writers for ``dicta extract``: one record per attribution as JSON Lines, a JSON array or
CSV. The fields are documented in README ("Extraction output")."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import IO, Any

from seed.dates import format_date
from seed.merge import date_conflicts
from seed.records import ActorRef, ExtractedArticle, ExtractedAttribution

FIELDS = (
    "article", "speaker", "actor", "speaker_type", "speaker_text", "co_speakers", "text", "fragments",
    "fragment_offsets", "start", "end", "cue", "kind", "said_on", "said_on_text", "language",
    "medium", "statement", "date_conflict",
)  # fmt: skip
FORMATS = ("jsonl", "json", "csv")


#: typographic variants read as their plain forms when looking for a name in the text
_PLAIN = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "\u00a0": " "})


def _plain(s: str) -> str:
    """``s`` in lower case with plain quotes, each character kept at its offset ("İ" lowers
    to two characters, so it stays as it is)."""
    plain = s.translate(_PLAIN)
    low = plain.lower()
    if len(low) == len(plain):
        return low
    return "".join(c if len(lc := c.lower()) != 1 else lc for c in plain)


@lru_cache(maxsize=4)
def _plain_article(text: str) -> str:
    """:func:`_plain` of an article's text, made once for all its rows."""
    return _plain(text)


def name_in_article(actor: ActorRef, text: str) -> str:
    """The actor's name as this article writes it: the canonical name where the text uses
    it, else its written form (a country's body named without the country) where the text
    uses it, else the longest of its aliases that the text uses, in the text's own spelling,
    else the canonical name. A gazetteer's canonical form ("Ministry of Foreign Affairs of
    Iran") is often not the one a report uses ("Iran's Foreign Ministry")."""
    plain = _plain_article(text)
    found: list[tuple[int, int]] = []
    own = (actor.written,) if actor.written else ()
    for name in (actor.name, *own, *actor.aliases):
        key = _plain(name)
        if len(key) != len(name) or not key.strip():
            continue
        at = _word_at(plain, key)
        if at is None:
            continue
        if name == actor.name:
            return actor.name
        if name == actor.written:
            found = [(at, at + len(name))]
            break
        found.append((at, at + len(name)))
    if not found:
        return actor.name
    start, end = max(found, key=lambda span: (span[1] - span[0], -span[0]))
    written = text[start:end]
    return written[4:] if written[:4].lower() == "the " else written


def _word_at(plain: str, key: str) -> int | None:
    """Where ``key`` first occurs in ``plain`` as whole words, or None."""
    match = re.search(rf"(?<!\w){re.escape(key)}(?!\w)", plain)
    return match.start() if match else None


def row(
    article: ExtractedArticle, att: ExtractedAttribution, conflicts: set[str]
) -> dict[str, Any]:
    text = article.raw.text
    return {
        "article": article.raw.file_name,
        "speaker": name_in_article(att.speaker, text) if att.speaker else None,
        "actor": att.speaker.name if att.speaker else None,
        "speaker_type": att.speaker.kind.value if att.speaker else None,
        "speaker_text": att.speaker_text,
        "co_speakers": [c.name for c in att.co_speakers],
        "text": att.content,
        "fragments": [f.of(text) for f in att.fragments],
        "fragment_offsets": [[f.start, f.end] for f in att.fragments],
        "start": att.start,
        "end": att.end,
        "cue": att.cue,
        "kind": att.kind.value,
        "said_on": format_date(att.said_on, att.said_precision)
        if att.said_on and att.said_precision
        else None,
        "said_on_text": att.said_on_text,
        "language": att.language,
        "medium": att.medium.value if att.medium else None,
        "statement": att.statement_key,
        "date_conflict": bool(att.statement_key and att.statement_key in conflicts),
    }


def rows(articles: Iterable[ExtractedArticle]) -> Iterator[dict[str, Any]]:
    articles = list(articles)
    conflicts = date_conflicts(articles)
    for art in articles:
        for att in art.attributions:
            yield row(art, att, conflicts)


def write_jsonl(articles: Iterable[ExtractedArticle], out: IO[str]) -> int:
    n = 0
    for r in rows(articles):
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_json(articles: Iterable[ExtractedArticle], out: IO[str]) -> int:
    all_rows = list(rows(articles))
    json.dump(all_rows, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return len(all_rows)


def write_csv(articles: Iterable[ExtractedArticle], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for r in rows(articles):
        flat = dict(r)
        flat["co_speakers"] = "; ".join(r["co_speakers"])
        flat["fragments"] = " … ".join(r["fragments"])
        flat["fragment_offsets"] = ";".join(f"{a}-{b}" for a, b in r["fragment_offsets"])
        flat["date_conflict"] = "true" if r["date_conflict"] else "false"
        writer.writerow(flat)
        n += 1
    return n


WRITERS = {"jsonl": write_jsonl, "json": write_json, "csv": write_csv}


def write(articles: Iterable[ExtractedArticle], out: IO[str], fmt: str) -> int:
    """Write ``articles``' attributions to ``out`` in format ``fmt``; the number written."""
    try:
        writer = WRITERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}") from None
    return writer(articles, out)
