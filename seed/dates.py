"""When a statement was said: the date expression attached to its cue, resolved against the
article's publication date.

Which expression: a date (spaCy ``DATE``) outside the content and the speaker, governed by
the cue through prepositions and nouns only ("said on Sunday", "On Monday, X said",
"declared in July 2021 that …", "said during a press conference in Washington on Friday"),
or trailing the content in a venue phrase ("…,” in a meeting with … on 15 August"). A date
reached through another verb ("since taking office in October") is not the statement's.

How it resolves (``RELATIVE_BASE`` = the article's date, dates preferred from the past):
a weekday is the latest such day on or before the article date; "15 August", "Feb. 11" and
"January" the latest such day or month on or before it; "in July 2021", "late 2017" need no
base; "last week" gives its month. Without an article date only what the text fixes by itself
resolves — nothing is invented. Other phrasings go to ``dateparser`` with the same settings.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from schema.enums import DatePrecision
from seed.calendar_names import MONTHS, WEEKDAYS
from seed.extract.base import Candidate, Context

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_LEAD = re.compile(
    r"^(?:on|in|at|during|since|by|of|the|early|late|mid|mid-|earlier|later)\s+", re.I
)
_FORMS = [
    (re.compile(rf"^{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}$", re.I), DatePrecision.DAY),
    (re.compile(rf"^{_MONTH}\s+{_DAY},?\s+{_YEAR}$", re.I), DatePrecision.DAY),
    (re.compile(rf"^{_MONTH},?\s+{_YEAR}$", re.I), DatePrecision.MONTH),
    (re.compile(rf"^{_YEAR}$", re.I), DatePrecision.YEAR),
    (re.compile(rf"^{_DAY}\s+(?:of\s+)?{_MONTH}$", re.I), DatePrecision.DAY),
    (re.compile(rf"^{_MONTH}\s+{_DAY}$", re.I), DatePrecision.DAY),
    (re.compile(rf"^{_MONTH}$", re.I), DatePrecision.MONTH),
]
_ISO = re.compile(r"^(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)$")
_WEEKDAY = re.compile(
    r"^(?P<last>last\s+|this\s+|on\s+)?(?P<wd>" + "|".join(WEEKDAYS) + r")$", re.I
)
_DURATION = re.compile(
    r"\b(?:years?|months?|weeks?|days?|decades?|hours?)\b(?!\s+ago)|\brecent\b|\bpast\b", re.I
)
#: dependencies a date may hang on its cue through
_PATH_DEPS = {"pobj", "prep", "npadvmod", "nmod", "compound", "appos", "amod", "nummod", "det",
              "quantmod", "pcomp", "tmod", "obl", "advmod", "dobj", "conj", "cc", "poss"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class SaidOn:
    date: dt.date
    precision: DatePrecision
    text: str

    def iso(self) -> str:
        return format_date(self.date, self.precision)


def format_date(date: dt.date, precision: DatePrecision) -> str:
    if precision == DatePrecision.YEAR:
        return f"{date.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{date.year:04d}-{date.month:02d}"
    return date.isoformat()


# --------------------------------------------------------------------------- parsing


def parse_date(text: str, base: dt.date | None) -> SaidOn | None:
    """Resolve a date expression against the article date ``base`` (``None``: unknown)."""
    raw = " ".join(text.split())
    s = raw.strip(" ,.")
    low = s.lower()
    while True:
        stripped = _LEAD.sub("", low)
        if stripped == low:
            break
        low = stripped
    low = low.replace("’", "'")
    if not low:
        return None
    # relative words
    if low in ("today", "this morning", "this afternoon", "this evening", "tonight"):
        return SaidOn(base, DatePrecision.DAY, raw) if base else None
    if low in ("yesterday", "last night"):
        return SaidOn(base - dt.timedelta(days=1), DatePrecision.DAY, raw) if base else None
    if low == "last week":
        return SaidOn(base - dt.timedelta(days=7), DatePrecision.MONTH, raw) if base else None
    if low == "this week":
        return SaidOn(base, DatePrecision.MONTH, raw) if base else None
    if low == "last month":
        if not base:
            return None
        first = base.replace(day=1) - dt.timedelta(days=1)
        return SaidOn(first.replace(day=1), DatePrecision.MONTH, raw)
    if low == "last year":
        return SaidOn(dt.date(base.year - 1, 1, 1), DatePrecision.YEAR, raw) if base else None
    if low in ("this year",):
        return SaidOn(dt.date(base.year, 1, 1), DatePrecision.YEAR, raw) if base else None
    m = _WEEKDAY.match(low)
    if m:
        if not base:
            return None
        back = (base.weekday() - WEEKDAYS[m.group("wd")]) % 7
        if back == 0 and (m.group("last") or "").strip() == "last":
            back = 7
        return SaidOn(base - dt.timedelta(days=back), DatePrecision.DAY, raw)
    m = _ISO.match(low)
    if m:
        d = _safe(int(m.group("year")), int(m.group("month")), int(m.group("day")))
        return SaidOn(d, DatePrecision.DAY, raw) if d else None
    for pattern, precision in _FORMS:
        m = pattern.match(low)
        if not m:
            continue
        parts = m.groupdict()
        month = MONTHS[parts["month"].lower().rstrip(".")] if parts.get("month") else 1
        day = int(parts["day"]) if parts.get("day") else 1
        if parts.get("year"):
            d = _safe(int(parts["year"]), month, day)
            return SaidOn(d, precision, raw) if d else None
        if base is None:
            return None
        # no year: the latest such day or month on or before the article date
        year = base.year
        d = _safe(year, month, day)
        if d is None:
            return None
        if (d > base) if precision == DatePrecision.DAY else (month > base.month):
            d = _safe(year - 1, month, day)
        return SaidOn(d, precision, raw) if d else None
    if _DURATION.search(low) or not re.search(r"\d|" + "|".join(MONTHS), low):
        return None
    return _dateparser(low, base, raw)


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


@lru_cache(maxsize=256)
def _parser(base: dt.date | None):  # type: ignore[no-untyped-def]
    from dateparser.date import DateDataParser

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": False}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


def _dateparser(text: str, base: dt.date | None, raw: str) -> SaidOn | None:
    has_year = re.search(r"\b(1[89]|20)\d\d\b", text) is not None
    if base is None and not has_year:
        return None
    data = _parser(base).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    period = {
        "day": DatePrecision.DAY,
        "month": DatePrecision.MONTH,
        "year": DatePrecision.YEAR,
    }.get(data.period or "")
    if period is None:
        return None
    d = data.date_obj.date()
    if base is not None and d > base:
        return None
    return SaidOn(d, period, raw)


# --------------------------------------------------------------------------- attachment


def date_expression(ctx: Context, cand: Candidate) -> str | None:
    """The text of the date expression that says when ``cand`` was said, if any."""
    cue = cand.cue
    if cand.sentence < 0:
        return None
    sent = ctx.layout.sentences[cand.sentence]
    speaker = (cand.speaker.start_char, cand.speaker.end_char) if cand.speaker is not None else None
    if cue is None:
        # a restatement without a cue ("X on Monday the country does not need …"): a date
        # between the speaker and the words
        if cand.rule != "echo" or speaker is None:
            return None
        for ent in ctx.ents_in(sent.start_char, sent.end_char, ("DATE",)):
            if speaker[1] <= ent.start_char and ent.end_char <= cand.start:
                return ent.text
        return None
    for ent in ctx.ents_in(sent.start_char, sent.end_char, ("DATE",)):
        a, b = ent.start_char, ent.end_char
        if cand.overlaps(a, b) or (speaker and speaker[0] <= a < speaker[1]):
            continue
        if ctx.inside_quote(ent[0]):
            continue
        if _governed_by(ent.root, cue) or _trails_content(ctx, cand, ent.root):
            return ent.text
    return None


def _governed_by(tok: Token, cue: Token) -> bool:
    t = tok
    for _ in range(8):
        if t.i == cue.i:
            return True
        if t.dep_ not in _PATH_DEPS or t.head.i == t.i:
            return False
        if t.i != tok.i and t.pos_ in ("VERB", "AUX"):
            return False
        t = t.head
    return False


def _trails_content(ctx: Context, cand: Candidate, tok: Token) -> bool:
    """A date in the phrase that follows the content, the cue before it: "stated that X
    “…,” in a meeting with … on 15 August"."""
    cue = cand.cue
    if cue is None or cue.idx > cand.start:
        return False
    end = cand.end
    if tok.idx < end:
        return False
    between = ctx.doc.char_span(end, tok.idx, alignment_mode="expand")
    if between is None:
        return False
    return not any(t.pos_ in ("VERB", "AUX") for t in between)


def said_on(ctx: Context, cand: Candidate, base: dt.date | None) -> SaidOn | None:
    """When ``cand`` was said, as far as its article tells."""
    text = date_expression(ctx, cand)
    return parse_date(text, base) if text else None
