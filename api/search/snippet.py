"""Highlighted snippets: where a query's words occur in a text, and an excerpt around them.

Matching here mirrors the indexes closely enough to point at the words that made a row match:
words are runs of letters, digits and marks; they are compared lower-cased, without Latin
diacritics and without Arabic vowel marks, and, for English text, by their stem (Snowball
``english`` as PostgreSQL's ``english_stem``; the original Porter algorithm as FTS5's
``porter``). Offsets are in characters (Python ``str`` indexes) and always point into the
original, unmodified text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import regex
import snowballstemmer

from api.search.query import ARABIC_MARKS, Phrase, SearchQuery, Term

__all__ = [
    "DEFAULT_WIDTH",
    "Highlighter",
    "Snippet",
    "Stemming",
    "cut",
]

#: characters of text a snippet shows around its matches, at most
DEFAULT_WIDTH = 200

Stemming = Literal["english", "porter", "none"]

#: a word as the indexes see it; marks stay inside the word they belong to
_WORD = regex.compile(r"[\p{L}\p{N}\p{M}\p{Co}]+")
_STRIP_MARKS = str.maketrans("", "", ARABIC_MARKS)


@dataclass(frozen=True, slots=True)
class Snippet:
    """An excerpt of one field of a row, with the query's matches in it.

    ``text`` is ``full_text[offset : offset + len(text)]``; each ``(start, end)`` in
    ``matches`` is relative to ``text`` (add ``offset`` for the full text). ``field`` names
    where the text comes from (``"text"``, ``"title"``, ``"attribution"``, ``"alias"``...)
    and ``source_id`` the row it belongs to when that is not the hit itself (an attribution, an
    alias).
    """

    text: str
    offset: int
    matches: tuple[tuple[int, int], ...]
    field: str
    source_id: int | None = None
    #: whether text was cut before / after the excerpt
    truncated_start: bool = False
    truncated_end: bool = False


@lru_cache(maxsize=8)
def _stemmer(algorithm: str) -> Callable[[str], str]:
    stemmer = snowballstemmer.stemmer(algorithm)

    @lru_cache(maxsize=65536)
    def stem(word: str) -> str:
        return str(stemmer.stemWord(word))

    return stem


def _fold(word: str) -> str:
    """Lower case, without Arabic vowel marks and without Latin diacritics."""
    word = word.translate(_STRIP_MARKS)
    if not word.isascii():
        decomposed = unicodedata.normalize("NFD", word)
        word = unicodedata.normalize(
            "NFC", "".join(c for c in decomposed if not 0x0300 <= ord(c) <= 0x036F)
        )
    return word.lower()


@dataclass(frozen=True, slots=True)
class _Pattern:
    """One query word or phrase: a sequence of folded (and stemmed) words."""

    words: tuple[str, ...]
    prefix: bool


class Highlighter:
    """Finds a query's positive words and phrases in texts, and cuts snippets around them."""

    def __init__(self, query: SearchQuery, stemming: Stemming = "none") -> None:
        self._stem: Callable[[str], str] = (
            (lambda w: w) if stemming == "none" else _stemmer(stemming)
        )
        patterns = (self._pattern(t) for t in query.positive_terms())
        self._patterns = tuple(p for p in patterns if p.words)
        # stemming only ever changes the end of a word: a text word whose first two letters
        # begin no query word cannot match, and is neither folded nor stemmed
        self._heads = frozenset(w[:2] for p in self._patterns for w in p.words)

    def _pattern(self, leaf: Term | Phrase) -> _Pattern:
        words = tuple(self._stem(_fold(w)) for w in _WORD.findall(leaf.text))
        return _Pattern(words, leaf.prefix)

    def _key(self, word: str) -> str | None:
        """The form of ``word`` compared with the query's, or None if it cannot match."""
        folded = word.lower() if word.isascii() else _fold(word)
        if folded[:2] not in self._heads and folded[:1] not in self._heads:
            return None
        return self._stem(folded)

    def matches(self, text: str) -> list[tuple[int, int]]:
        """Spans ``(start, end)`` of every match in ``text``, in order, overlaps merged."""
        if not text or not self._patterns:
            return []
        tokens = [(m.start(), m.end(), self._key(m.group())) for m in _WORD.finditer(text)]
        spans: list[tuple[int, int]] = []
        for pattern in self._patterns:
            words, n = pattern.words, len(pattern.words)
            for i in range(len(tokens) - n + 1):
                for k in range(n):
                    key = tokens[i + k][2]
                    word = words[k]
                    if key is None or not (
                        key.startswith(word) if pattern.prefix and k == n - 1 else key == word
                    ):
                        break
                else:
                    spans.append((tokens[i][0], tokens[i + n - 1][1]))
        return _merge(spans)

    def snippet(
        self,
        text: str,
        field: str,
        *,
        source_id: int | None = None,
        width: int = DEFAULT_WIDTH,
        spans: Sequence[tuple[int, int]] | None = None,
    ) -> Snippet:
        """An excerpt of ``text`` of at most ``width`` characters (more only if one match is
        longer) around the densest run of matches; the start of the text if none."""
        found = list(self.matches(text) if spans is None else spans)
        return cut(text, found, field, source_id=source_id, width=width)

    def best_snippet(
        self,
        fields: Sequence[tuple[str, int | None, str | None]],
        *,
        width: int = DEFAULT_WIDTH,
    ) -> Snippet:
        """The snippet of whichever ``(field, source_id, text)`` has the most matches (the
        first such field on ties; the first non-empty field when nothing matches)."""
        best: tuple[int, int, str, int | None, str, list[tuple[int, int]]] | None = None
        for index, (name, source_id, text) in enumerate(fields):
            if not text:
                continue
            found = self.matches(text)
            score = len(found)
            if best is None or score > best[0]:
                best = (score, index, name, source_id, text, found)
        if best is None:
            name, source_id, _ = fields[0]
            return Snippet("", 0, (), name, source_id)
        _, _, name, source_id, text, found = best
        return cut(text, found, name, source_id=source_id, width=width)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def cut(
    text: str,
    spans: Sequence[tuple[int, int]],
    field: str,
    *,
    source_id: int | None = None,
    width: int = DEFAULT_WIDTH,
) -> Snippet:
    """The excerpt of ``text`` around ``spans`` (sorted, non-overlapping), cut at word
    boundaries, with the spans that fall inside it made relative to it."""
    n = len(text)
    if n <= width:
        return Snippet(text, 0, tuple(spans), field, source_id)
    if not spans:
        end = _word_end_before(text, width)
        return Snippet(text[:end], 0, (), field, source_id, False, end < n)
    # the window starting at a match that holds the most matches
    best_i, best_count = 0, 0
    j = 0
    for i, (start, _) in enumerate(spans):
        j = max(j, i)
        while j + 1 < len(spans) and spans[j + 1][1] - start <= width:
            j += 1
        if j - i + 1 > best_count:
            best_i, best_count = i, j - i + 1
    first = spans[best_i]
    last = spans[best_i + best_count - 1]
    covered = last[1] - first[0]
    # share the room left between the context before and after the matches
    spare = max(0, width - covered)
    start = max(0, first[0] - spare // 3)
    end = min(n, max(last[1], start + width))
    if end == n:
        start = max(0, min(start, n - width))
    if start > 0:
        start = _word_start_after(text, start, first[0])
    if end < n:
        end = max(last[1], _word_end_before(text, end))
    inside = tuple((s - start, e - start) for s, e in spans if s >= start and e <= end)
    return Snippet(text[start:end], start, inside, field, source_id, start > 0, end < n)


def _word_start_after(text: str, start: int, limit: int) -> int:
    """``start`` moved forward past a partial word and the spaces after it (not past limit)."""
    if text[start - 1].isspace():
        return start
    i = start
    while i < limit and not text[i].isspace():
        i += 1
    while i < limit and text[i].isspace():
        i += 1
    return i


def _word_end_before(text: str, end: int) -> int:
    """``end`` moved back before a partial word and the spaces before it."""
    if end >= len(text) or text[end].isspace():
        return end
    i = end
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i if i > 0 else end
