"""Cross-outlet comparison of one statement: its renderings side by side.

The *reference* is the most direct rendering: a direct quote before a mixed one before a
paraphrase; among equals the earliest published (articles without a date last), then the
lowest attribution id. Every rendering is compared with it word by word:

* ``diff``: ``difflib.SequenceMatcher`` over the two texts' words, compared case-folded and
  without the punctuation around them ("forces," is "forces"), shown as the words each side
  has in each segment;
* ``similarity``: the matcher's ratio (0–1) over the same words;
* ``added_words``: words of the rendering that the reference does not have, leaving out
  function words ("the", "of", "its"...; negations such as "no" and "not" are kept, since
  adding one changes the claim) and comparing words by their Snowball English stem ("need"
  and "needs" are one word). "foreign combat forces" reported as "U.S. forces" adds "U.S.";
* ``date_conflict``: its date cannot be the date another rendering gives. Dates are compared
  as the spans their precision allows: "August 2023" (month) agrees with 15 August; 14 and
  15 August disagree.

The comparison's own ``date_conflict`` is true when any two renderings disagree.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

import snowballstemmer

from api.repository.renderings import Rendering
from schema import Article, Attribution, Outlet
from schema.enums import DatePrecision, StatementKind

__all__ = [
    "Comparison",
    "ComparedRendering",
    "DiffOp",
    "DiffSegment",
    "compare",
    "date_span",
    "reference_of",
]

#: how direct each kind of rendering is: lower is more direct
DIRECTNESS = {StatementKind.DIRECT: 0, StatementKind.MIXED: 1, StatementKind.INDIRECT: 2}

#: English function words, left out of ``added_words``. Negations are not among them.
# fmt: off
FUNCTION_WORDS = frozenset((
    "a", "an", "the", "this", "that", "these", "those", "some", "any", "each", "every", "either",
    "all", "both", "such", "i", "me", "my", "mine", "we", "us", "our", "ours", "you",
    "your", "yours", "he", "him", "his", "she", "her", "hers", "it", "its", "they", "them",
    "their", "theirs", "one", "ones", "myself", "ourselves", "yourself", "himself", "herself",
    "itself", "themselves", "who", "whom", "whose", "which", "what", "where", "when", "why", "how",
    "whoever", "whatever", "be", "am", "is", "are", "was", "were", "been", "being", "do", "does",
    "did", "doing", "done", "have", "has", "had", "having", "will", "would", "shall", "should",
    "can", "could", "may", "might", "must", "'s", "'re", "'ve", "'d", "'ll", "'m", "of", "in",
    "on", "at", "to", "for", "from", "by", "with", "about", "into", "onto", "upon", "over",
    "under", "between", "among", "through", "during", "before", "after", "above", "below",
    "across", "along", "around", "against", "within", "toward", "towards", "than", "as",
    "like", "via", "per", "and", "or", "but", "if", "then", "so", "because", "while", "although",
    "though", "whether", "yet", "also", "too", "there", "here", "very", "just", "only",
    "even", "still", "again", "ever",
))
# fmt: on

_TOKEN = re.compile(r"\S+")
#: punctuation and symbols around a word; letters, digits and marks stay
_EDGES = re.compile(r"^[^\w]+|[^\w]+$")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


class DiffOp(StrEnum):
    #: the same words on both sides
    EQUAL = "equal"
    #: words only the rendering has
    INSERT = "insert"
    #: words only the reference has
    DELETE = "delete"
    #: the reference's words replaced by the rendering's
    REPLACE = "replace"


@dataclass(frozen=True, slots=True)
class DiffSegment:
    """A run of words: the reference's (empty for an insertion) and the rendering's (empty
    for a deletion), as written."""

    op: DiffOp
    reference: str
    rendering: str


@dataclass(frozen=True, slots=True)
class ComparedRendering:
    """A rendering compared with the reference (the reference itself included)."""

    attribution: Attribution
    article: Article
    outlet: Outlet | None
    is_reference: bool
    similarity: float
    diff: tuple[DiffSegment, ...]
    added_words: tuple[str, ...]
    date_conflict: bool


@dataclass(frozen=True, slots=True)
class Comparison:
    """The renderings of one statement, the reference first, then in publication order."""

    renderings: tuple[ComparedRendering, ...]
    date_conflict: bool

    @property
    def reference(self) -> ComparedRendering | None:
        return self.renderings[0] if self.renderings else None


@dataclass(frozen=True, slots=True)
class _Words:
    """A text's words as written, and as compared."""

    shown: tuple[str, ...]
    folded: tuple[str, ...]


def _fold(token: str) -> str:
    stripped = _EDGES.sub("", token.translate(_APOSTROPHES))
    return (stripped or token).casefold()


def _words(text: str) -> _Words:
    shown = tuple(_TOKEN.findall(text))
    return _Words(shown, tuple(_fold(t) for t in shown))


@lru_cache(maxsize=1)
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return str(_stemmer().stemWord(word))


def _is_content_word(folded: str) -> bool:
    return folded not in FUNCTION_WORDS and any(unicodedata.category(c)[0] in "LN" for c in folded)


def _display(token: str) -> str:
    """A word without the punctuation around it, an abbreviation keeping its last dot."""
    word = _EDGES.sub("", token)
    if "." in word and token.rstrip("\"'”’»)],;:!?").endswith("."):
        word += "."
    return word or token


def date_span(said_on: dt.date, precision: DatePrecision | None) -> tuple[dt.date, dt.date]:
    """The first and last day a date of this precision may stand for (a day when the
    precision is unknown)."""
    if precision is DatePrecision.YEAR:
        return dt.date(said_on.year, 1, 1), dt.date(said_on.year, 12, 31)
    if precision is DatePrecision.MONTH:
        last = calendar.monthrange(said_on.year, said_on.month)[1]
        return said_on.replace(day=1), said_on.replace(day=last)
    return said_on, said_on


def _disagree(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    return a[1] < b[0] or b[1] < a[0]


def reference_of(renderings: Sequence[Rendering]) -> Rendering | None:
    """The most direct rendering; among equals the earliest published, then the first."""

    def key(r: Rendering) -> tuple[int, bool, dt.date, int]:
        published = r.article.published_on
        return (
            DIRECTNESS[r.attribution.kind],
            published is None,
            published or dt.date.min,
            r.attribution.id,
        )

    return min(renderings, key=key, default=None)


def _diff(reference: _Words, rendering: _Words) -> tuple[float, tuple[DiffSegment, ...]]:
    matcher = difflib.SequenceMatcher(None, reference.folded, rendering.folded, autojunk=False)
    segments = tuple(
        DiffSegment(
            DiffOp(op),
            " ".join(reference.shown[i1:i2]),
            " ".join(rendering.shown[j1:j2]),
        )
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
    )
    return round(matcher.ratio(), 3), segments


def _added_words(reference: _Words, rendering: _Words) -> tuple[str, ...]:
    known = {_stem(w) for w in reference.folded if _is_content_word(w)}
    added: list[str] = []
    for shown, folded in zip(rendering.shown, rendering.folded, strict=True):
        if not _is_content_word(folded):
            continue
        stem = _stem(folded)
        if stem not in known:
            known.add(stem)  # each added word once
            added.append(_display(shown))
    return tuple(added)


def compare(renderings: Sequence[Rendering]) -> Comparison:
    """The comparison of a statement's renderings (as ``api.repository.renderings`` gives
    them: in publication order)."""
    reference = reference_of(renderings)
    if reference is None:
        return Comparison((), date_conflict=False)
    spans = {
        r.attribution.id: date_span(r.attribution.said_on, r.attribution.said_precision)
        for r in renderings
        if r.attribution.said_on is not None
    }
    conflicting = {
        a for a, span in spans.items() if any(_disagree(span, other) for other in spans.values())
    }
    ordered = [reference, *(r for r in renderings if r is not reference)]
    ref_words = _words(reference.attribution.content)
    compared = []
    for r in ordered:
        words = _words(r.attribution.content)
        similarity, diff = _diff(ref_words, words)
        compared.append(
            ComparedRendering(
                attribution=r.attribution,
                article=r.article,
                outlet=r.outlet,
                is_reference=r is reference,
                similarity=similarity,
                diff=diff,
                added_words=() if r is reference else _added_words(ref_words, words),
                date_conflict=r.attribution.id in conflicting,
            )
        )
    return Comparison(tuple(compared), date_conflict=bool(conflicting))
