"""Metadata stage: the article's outlet, title, publication date and languages.

``infer(raw, structure, entry)`` takes what the manifest entry gives and infers the rest
from the text; what neither gives stays ``None`` — never guessed:

- title and subtitle: the structure's spans;
- outlet: the name the outlet gives itself in its furniture (``structure.outlet_mentions``);
- publication date, marked ``published_estimated=True`` unless a "Published …" line states
  it: see :func:`estimate_published`;
- languages: the main language of the body, then the language of each other script with a
  notable span (a tweet in Arabic beside its English rendering), by py3langid restricted to
  :data:`LANGUAGES`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from schema.enums import DatePrecision
from seed.manifest import ManifestEntry
from seed.records import ArticleMeta, ArticleStructure, OutletInfo, RawArticle, Span

#: languages the identifier may answer (likely ones for this corpus; extend as it grows)
LANGUAGES = ("en", "ar", "fa", "ku", "tr", "fr", "de", "es", "ru", "zh")
#: letters of another script needed before its language is listed
NOTABLE_LETTERS = 20
#: characters of text given to the language identifier per script
_SAMPLE_CHARS = 1000

_MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May",),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sept", "Sep"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ),
        start=1,
    )
    for name in names
}
_FULL_MONTHS = [n for n in _MONTHS if len(n) > 4 or n in ("May", "June", "July")]
_SHORT_MONTHS = [n for n in _MONTHS if n not in _FULL_MONTHS]
_MONTH = rf"(?:(?:{'|'.join(_FULL_MONTHS)})\b|(?:{'|'.join(_SHORT_MONTHS)})\b\.?)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_DATES = re.compile(
    rf"""
    (?P<iso>\b(?P<iy>{_YEAR})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])\b)
    | (?P<dmy>\b(?P<a_d>{_DAY})\s+(?:of\s+)?(?P<a_m>{_MONTH}),?\s+(?P<a_y>{_YEAR})\b)
    | (?P<mdy>\b(?P<b_m>{_MONTH})\s+(?P<b_d>{_DAY}),?\s+(?P<b_y>{_YEAR})\b)
    | (?P<my>\b(?P<c_m>{_MONTH}),?\s+(?P<c_y>{_YEAR})\b)
    | (?P<dm>\b(?P<d_d>{_DAY})\s+(?:of\s+)?(?P<d_m>{_MONTH}))
    | (?P<md>\b(?P<e_m>{_MONTH})\s+(?P<e_d>{_DAY})\b(?![,.]?\d))
    | (?P<y>\b(?:in|of|since|until|by|from|year|early|late|mid|before|after|during|the|this)
        [\s-]+(?P<f_y>{_YEAR})\b(?![-/]\d|\s*(?:troops|soldiers|people|members|km|kilomet|miles)))
    """,
    re.VERBOSE,
)
_DIGITS = re.compile(r"\d+")
#: how far a date reaches before its first digit ("the year 2024", "September 3") and
#: after its last ("3 of September")
_BEFORE_DIGITS, _AFTER_DIGITS = 16, 16
#: a sentence about what is to come: its dates say nothing about when it was written
_FUTURE = re.compile(
    r"\b(?:will|shall|scheduled|planned|plans\s+to|[Uu]pcoming|[Nn]ext|expected\s+to|set\s+to|[Dd]eadline)\b"
)
_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")
_PUBLISHED_LINE = re.compile(r"^(?:published|posted|first\s+published)\b", re.IGNORECASE)

_NOT_ASCII_LETTER = re.compile(r"[^A-Za-z]+")
_SCRIPTS = (
    ("latin", re.compile(r"[A-Za-z\u00c0-\u024f]")),
    ("arabic", re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")),
    ("cyrillic", re.compile(r"[\u0400-\u04ff]")),
    ("han", re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")),
    ("hebrew", re.compile(r"[\u0590-\u05ff]")),
    ("greek", re.compile(r"[\u0370-\u03ff]")),
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """An absolute date written in the text; ``year`` or ``day`` may be missing."""

    span: Span
    year: int | None
    month: int | None
    day: int | None
    future: bool = False  # in a sentence about what is to come


def infer(
    raw: RawArticle, structure: ArticleStructure, entry: ManifestEntry | None = None
) -> ArticleMeta:
    text = raw.text
    title = entry.title if entry and entry.title else _text(structure.title, text)
    subtitle = entry.subtitle if entry and entry.subtitle else _text(structure.subtitle, text)
    outlet = entry.outlet if entry and entry.outlet else infer_outlet(raw, structure)
    if entry and entry.published_on:
        published: tuple[dt.date, DatePrecision, bool] | None = (
            entry.published_on,
            entry.published_precision or DatePrecision.DAY,
            entry.published_estimated,
        )
    else:
        published = estimate_published(text, structure)
    languages = entry.languages if entry and entry.languages else detect_languages(text, structure)
    return ArticleMeta(
        outlet=outlet,
        url=entry.url if entry else None,
        title=title,
        subtitle=subtitle,
        published_on=published[0] if published else None,
        published_precision=published[1] if published else None,
        published_estimated=published[2] if published else False,
        languages=languages,
    )


def _text(span: Span | None, text: str) -> str | None:
    return span.of(text) if span is not None else None


def infer_outlet(raw: RawArticle, structure: ArticleStructure) -> OutletInfo | None:
    """The outlet named by its own furniture; the most frequent name if several."""
    names = Counter(span.of(raw.text) for span in structure.outlet_mentions)
    if not names:
        return None
    return OutletInfo(name=names.most_common(1)[0][0])


# ---------------------------------------------------------------------------------------
# dates


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Absolute dates in ``text[start:end]``: full dates, day and month, month and year,
    a year after a preposition ("in 2014", "the year 2024")."""
    end = len(text) if end is None else end
    out = []
    for m in _date_matches(text, start, end):
        kind = m.lastgroup
        g = m.group
        year = month = day = None
        if kind == "iso":
            year, month, day = int(g("iy")), int(g("im")), int(g("id"))
        elif kind == "dmy":
            year, month, day = int(g("a_y")), _month(g("a_m")), _day(g("a_d"))
        elif kind == "mdy":
            year, month, day = int(g("b_y")), _month(g("b_m")), _day(g("b_d"))
        elif kind == "my":
            year, month = int(g("c_y")), _month(g("c_m"))
        elif kind == "dm":
            month, day = _month(g("d_m")), _day(g("d_d"))
        elif kind == "md":
            month, day = _month(g("e_m")), _day(g("e_d"))
        else:
            year = int(g("f_y"))
        s, e = (m.start("f_y"), m.end("f_y")) if kind == "y" else m.span()
        out.append(DateMention(Span(s, e), year, month, day, _in_future_sentence(text, s, e)))
    return out


def _date_matches(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """Matches of the date pattern, tried only near digits: every date has one, and most of
    a text has none (the pattern is slow where it has to try all its branches)."""
    lo = hi = -1
    for digit in _DIGITS.finditer(text, start, end):
        w_lo, w_hi = (
            max(start, digit.start() - _BEFORE_DIGITS),
            min(end, digit.end() + _AFTER_DIGITS),
        )
        if w_lo > hi:
            if hi > lo:
                yield from _DATES.finditer(text, lo, hi)
            lo = w_lo
        hi = w_hi
    if hi > lo:
        yield from _DATES.finditer(text, lo, hi)


def _month(name: str) -> int:
    return _MONTHS[name.rstrip(".")]


def _day(text: str) -> int:
    return int(text.rstrip("stndrh"))


def _in_future_sentence(text: str, start: int, end: int) -> bool:
    lo = max(0, start - 300)
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text, lo, start)]
    s = breaks[-1] if breaks else lo
    m = _SENTENCE_BREAK.search(text, end, end + 300)
    e = m.start() if m else min(len(text), end + 300)
    return _FUTURE.search(text, s, e) is not None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def estimate_published(
    text: str, structure: ArticleStructure
) -> tuple[dt.date, DatePrecision, bool] | None:
    """(date, precision, estimated) of publication as far as the text reveals it.

    A "Published …"/"Posted …" line or a line holding only a date, in the furniture, gives
    the date itself (not estimated). Otherwise an article is published on or after the
    dates it reports, so the estimate is the latest *full* date in the headline, dateline
    and body, leaving aside sentences about the future:

    - ``15 August 2023``, ``Aug. 15, 2023``, ``2023-08-15``: a full date;
    - ``on Feb. 11``, ``BAGHDAD, Aug 15 (Reuters)``: a day without a year takes the latest
      year the text writes out (``in 2014``, ``December 2021``, ``the year 2024``) — or the
      year after, for a day that would fall before that latest mention, but only when some
      other yearless day falls in that year itself (the yearless days then straddle New
      Year: "in November 2022 … on 2 December … on 10 January"). Without that support the
      year is unknown: journalists write the year of past years' dates and leave out the
      current one, so the latest written year may well be history.

    Months and years alone ("In April", "in 2014") never make an estimate: they would
    pass a background date off as the publication date. No support: ``None``.
    """
    for span in structure.boilerplate:
        line = span.of(text)
        for mention in find_dates(text, span.start, span.end):
            if mention.year and mention.day and mention.month:
                whole = mention.span.end - mention.span.start >= 0.5 * len(line)
                if _PUBLISHED_LINE.match(line) or whole:
                    date = _safe_date(mention.year, mention.month, mention.day)
                    if date:
                        return date, DatePrecision.DAY, False
    spans = [s for s in (structure.title, structure.subtitle, structure.dateline) if s]
    spans += structure.paragraphs
    mentions = [m for s in spans for m in find_dates(text, s.start, s.end) if not m.future]
    full = [
        d
        for m in mentions
        if m.year and m.month and m.day
        for d in [_safe_date(m.year, m.month, m.day)]
        if d is not None
    ]
    written = [dt.date(m.year, m.month or 1, m.day or 1) for m in mentions if m.year is not None]
    yearless = [(m.month, m.day) for m in mentions if m.year is None and m.month and m.day]
    if written and yearless:
        latest = max(written)
        same_year, next_year = [], []
        for month, day in yearless:
            date = _safe_date(latest.year, month, day)
            if date is not None and date >= latest:
                same_year.append(date)
            elif date is not None:
                later = _safe_date(latest.year + 1, month, day)
                if later is not None:
                    next_year.append(later)
        full += same_year
        if same_year:
            full += next_year
    if not full:
        return None
    return max(full), DatePrecision.DAY, True


# ---------------------------------------------------------------------------------------
# languages

_IDENTIFIER: Any = None


def warm_up() -> None:
    """Load the language model now (about a second) rather than on the first article:
    call it once per worker process."""
    _identifier()


def _identifier() -> Any:
    global _IDENTIFIER
    if _IDENTIFIER is None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
        identifier.set_languages(list(LANGUAGES))
        _IDENTIFIER = identifier
    return _IDENTIFIER


def _script_of(text: str) -> tuple[str | None, Counter[str]]:
    if text.isascii():
        return "latin", Counter(latin=len(_NOT_ASCII_LETTER.sub("", text)))
    counts: Counter[str] = Counter()
    for name, pattern in _SCRIPTS:
        n = len(pattern.findall(text))
        if n:
            counts[name] = n
    return (counts.most_common(1)[0][0] if counts else None), counts


def detect_languages(text: str, structure: ArticleStructure) -> tuple[str, ...]:
    """Main language first, then one per other script with a notable span."""
    spans = [s for s in (structure.title, structure.subtitle) if s] + list(structure.paragraphs)
    by_script: dict[str, list[str]] = {}
    letters: Counter[str] = Counter()
    for span in spans:
        piece = span.of(text)
        script, counts = _script_of(piece)
        if script is None:
            continue
        by_script.setdefault(script, []).append(piece)
        letters[script] += counts[script]
    languages: list[str] = []
    for script, n in letters.most_common():
        if languages and n < NOTABLE_LETTERS:
            break
        sample = "\n".join(by_script[script])[:_SAMPLE_CHARS]
        language = _identifier().classify(sample)[0]
        if language not in languages:
            languages.append(language)
    return tuple(languages)
