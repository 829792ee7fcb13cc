"""Structure stage: find the parts of an article in its repaired text.

``analyse(raw)`` classifies each line (a paragraph, in scraped news text) and returns
spans into ``raw.text``:

- **boilerplate**, excluded from extraction: site furniture ("can also be accessed at",
  "Follow us on …", share/subscribe/read-more lines, copyright, wire sign-offs like
  "(Reporting by …)", bylines and date lines at the top, breadcrumbs like "News / Iraq",
  and the short list lines that follow a boilerplate line ending with a colon);
- **captions**: photo captions and credits ("(Photo credit: …)", "(file photo by …)",
  "REUTERS/Name");
- **title**: the first remaining line, when it reads as a headline (no closing full stop,
  at most 40 words);
- **subtitle**: the next line, when it is a standfirst: a headline-like line, or any short
  line followed by the dateline paragraph;
- **dateline** at the start of the first body paragraph: ``BAGHDAD (Dispatches) –``,
  ``BAGHDAD, Aug 15 (Reuters) -``, ``WASHINGTON —``; the paragraph starts after it;
- **paragraphs**: the rest; lines broken inside a sentence are joined into one paragraph;
- **outlet_mentions**: the outlet naming itself in its furniture ("Press TV's website",
  "Follow Kurdistan24 on X", "© 2023 Al-Monitor"); each span covers the name alone. Names
  of other outlets ("told Al-Monitor", "according to Reuters") are not self-references.
"""

from __future__ import annotations

import re

from seed.records import ArticleStructure, RawArticle, Span

_TITLE_MAX_WORDS = 40
_SUBTITLE_MAX_WORDS = 50
_FURNITURE_MAX_WORDS = 40
_CAPTION_MAX_WORDS = 60
_LIST_ITEM_MAX_WORDS = 8
_BYLINE_MAX_AT = 2  # a byline below the headline: within the first lines of the body

_SOCIAL = r"(?:twitter|x|facebook|telegram|instagram|youtube|whatsapp|linkedin|tiktok|threads|google\s+news)"
_BOILERPLATE = re.compile(
    rf"""
    \bcan\s+(?:also\s+)?be\s+(?:accessed|reached|found|read)\s+(?:at|on|via)\b
    | ^(?:follow|like|join|find)\s+(?:us|[^.!?]{{1,40}}?)\s+on\s+{_SOCIAL}\b
    | ^(?:subscribe|sign\s+up|download\s+(?:the|our)|share\s+(?:this|on|via)|click\s+here
        |read\s+more|read\s+also|also\s+read|see\s+also|related\s*(?:articles?|stories|news)?\s*:
        |you\s+may\s+also\s+like|recommended\s*:|more\s+on\s+this\s+(?:story|topic|subject)
        |more\s+(?:from|stories\s+from|news\s+from)\s+[^:]{{1,40}}:)
    | ^(?:advertisement|sponsored|share|print|email|comments?)$
    | ©|^copyright\b|\ball\s+rights\s+reserved\b
    | ^\((?:reporting|writing|editing|additional\s+reporting|compiled|edited)\s+by\b.*\)\.?$
    | ^[—–-]?\s*(?:with\s+files\s+from|with\s+(?:additional\s+)?reporting\s+by
        |(?:additional\s+)?reporting\s+by|writing\s+by|editing\s+by)\s+[A-Z]
    | ^(?:this\s+(?:article|story|report)\s+(?:by\s+[^.]{{1,60}}?\s+)?(?:was\s+)?
        (?:first\s+|originally\s+)?(?:published|appeared)\b)
    """,
    re.IGNORECASE | re.VERBOSE,
)
#: at the top only: "By Jane Doe", "Published: …", "Updated 15 August 2023 10:12"
_TOP_FURNITURE = re.compile(
    r"^(?:by\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:\s*(?:,|\band\b|\|).*)?$"
    r"|(?:published|posted|updated|last\s+updated|first\s+published)\b(?:\s+on)?\s*:?)",
    re.IGNORECASE,
)
_BREADCRUMB = re.compile(r"\S\s+(?:/|>|»|\|)\s+\S")
_DATE_ONLY = re.compile(
    r"^(?:(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun)\.?,?\s+)?"
    r"(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})"
    r"(?:\s*[-|,]?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,5})?)?$",
)


def _byline(line: str) -> bool:
    """Whether a line is a byline ("By Jane Doe", "By Sara X | 23 March 2025")."""
    return (
        re.match(r"By\s+[A-Z]", line) is not None
        and _TOP_FURNITURE.match(line) is not None
        and not _SENTENCE_END.search(line)
    )


#: under a byline: the writer's post ("Victoria state correspondent", "Chief political editor")
_BYLINE_POST = re.compile(
    r"^(?:[\w'’-]+\s+){0,4}(?:correspondent|reporter|editor|writer|columnist)"
    r"(?:\s*,\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})?$",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"""
    \((?:[^()]*?\b)?(?:photos?|images?|pictures?|pic|file\s+photo|photo\s+credit|credit|courtesy)\b[^()]*\)\s*$
    | ^(?:photos?|images?|pictures?|file\s+photo|credit|photo\s+credit)\s*(?:credit)?\s*[:|]
    | \b[A-Z]{2,}/[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*$
    | \bvia\s+Getty\s+Images\s*\)?\s*$
    """,
    re.IGNORECASE | re.VERBOSE,
)
#: a place in capitals, optionally ", Mon DD" and a credit in brackets, then a dash or colon
_DATELINE = re.compile(
    r"""
    (?P<place>[A-Z][A-Z.'’-]+(?:[ ][A-Z][A-Z.'’-]+){0,3}(?:,[ ][A-Z][A-Za-z.'’-]+(?:[ ][A-Z][A-Za-z.'’-]+){0,2})?)
    (?P<date>,?[ ](?:[A-Z][a-z]{2,8}\.?[ ]\d{1,2}|\d{1,2}[ ][A-Z][a-z]{2,8}\.?)(?:,?[ ]\d{4})?)?
    (?:[ ]?\((?P<credit>[A-Za-z][\w .&'’/-]{0,40})\))?
    [ ]?(?P<dash>[-–—:])(?=[ ])
    """,
    re.VERBOSE,
)
#: the same with the place in title case, which only a date makes a dateline
_TITLED_DATELINE = re.compile(
    _DATELINE.pattern.replace("[A-Z][A-Z.'’-]+", "[A-Z][A-Za-z.'’-]+", 2), re.VERBOSE
)
_NAME = r"[A-Z0-9][\w&.'’-]*(?:[ ](?:[A-Z0-9][\w&.'’-]*|al-[\w-]+|of|the|and|&)){0,5}"
_SELF_REFERENCE = (
    re.compile(rf"(?P<name>{_NAME})['’]s\s+(?:web\s*site|app|newsletter|podcast|channel)s?\b"),
    re.compile(rf"^(?:follow|like|join)\s+(?P<name>{_NAME})\s+on\s+{_SOCIAL}\b", re.IGNORECASE),
    re.compile(
        rf"(?:©|\bcopyright\b)\s*(?:©\s*)?(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?\s*)?(?P<name>{_NAME})"
    ),
    re.compile(
        rf"^(?:subscribe\s+to|download)\s+(?:the\s+)?(?P<name>{_NAME}?)['’]?s?\s+(?:app|newsletter|channel)\b",
        re.IGNORECASE,
    ),
)
_NAME_TRAILERS = re.compile(r"(?:[ ,]+(?:of|the|and|&|LLC|Ltd|Inc|All|Rights|Reserved)\.?)+$")
_SENTENCE_END = re.compile(r"[.!?…:;]$")
_CLOSERS = "\"'”’»)]"


def analyse(raw: RawArticle) -> ArticleStructure:
    text = raw.text
    lines = _lines(text)
    n = len(lines)
    kind: list[str | None] = [None] * n  # "boilerplate" | "caption" | "title" | "subtitle"
    words = [len(text[s:e].split()) for s, e in lines]

    list_follows = False
    for i, (s, e) in enumerate(lines):
        line = text[s:e]
        if words[i] <= _FURNITURE_MAX_WORDS and _BOILERPLATE.search(line):
            kind[i] = "boilerplate"
            list_follows = line.endswith(":")
        elif list_follows and words[i] <= _LIST_ITEM_MAX_WORDS and not _SENTENCE_END.search(line):
            kind[i] = "boilerplate"
        elif words[i] <= _CAPTION_MAX_WORDS and _CAPTION.search(line):
            kind[i] = "caption"
            list_follows = False
        else:
            list_follows = False

    # furniture above the headline and the first paragraph: breadcrumbs, bylines, dates
    first = 0
    while first < n:
        line = text[lines[first][0] : lines[first][1]]
        if kind[first] is None and (
            _TOP_FURNITURE.match(line)
            or _DATE_ONLY.match(line)
            or (words[first] <= 8 and _BREADCRUMB.search(line) and not _SENTENCE_END.search(line))
        ):
            kind[first] = "boilerplate"
        elif kind[first] is None:
            break
        first += 1

    body = [i for i in range(n) if kind[i] is None]

    def body_line(k: int) -> str:
        return text[lines[body[k]][0] : lines[body[k]][1]]

    def runs_on(k: int) -> bool:  # the sentence goes on in the next line
        return k + 1 < len(body) and _continues(text, Span(*lines[body[k]]), lines[body[k + 1]][0])

    title = subtitle = None
    if body and _headline_like(body_line(0), words[body[0]]) and not runs_on(0):
        title = body.pop(0)
        # (not a byline: "By Sara Nadeem | 23 March 2025")
        if body and not _dateline(body_line(0)) and not runs_on(0) and not _byline(body_line(0)):
            next_is_dateline = len(body) > 1 and _dateline(body_line(1)) is not None
            if _headline_like(body_line(0), words[body[0]], _SUBTITLE_MAX_WORDS) or (
                next_is_dateline and words[body[0]] <= _SUBTITLE_MAX_WORDS
            ):
                subtitle = body.pop(0)
    # a byline and a date line under the headline, or under a standfirst read as a
    # paragraph ("By Jane Doe", "May 27, 2025"): the writer of the article is none of its
    # speakers
    for k in range(min(len(body) - 1, _BYLINE_MAX_AT), -1, -1):
        line = body_line(k)
        if (
            k + 1 < len(body)
            and not _SENTENCE_END.search(line)
            and (_TOP_FURNITURE.match(line) or _DATE_ONLY.match(line) or _BYLINE_POST.match(line))
        ):
            kind[body.pop(k)] = "boilerplate"

    dateline = None
    paragraphs: list[Span] = []
    for i in body:
        s, e = lines[i]
        if not paragraphs and dateline is None:
            m = _dateline(text, s, e)
            if m:
                dateline = Span(s, m.end("dash"))
                s = m.end()
                while s < e and text[s] == " ":
                    s += 1
        if paragraphs and _continues(text, paragraphs[-1], s):
            paragraphs[-1] = Span(paragraphs[-1].start, e)
        else:
            paragraphs.append(Span(s, e))

    boilerplate = tuple(Span(*lines[i]) for i in range(n) if kind[i] == "boilerplate")
    return ArticleStructure(
        title=Span(*lines[title]) if title is not None else None,
        subtitle=Span(*lines[subtitle]) if subtitle is not None else None,
        dateline=dateline,
        paragraphs=tuple(paragraphs),
        captions=tuple(Span(*lines[i]) for i in range(n) if kind[i] == "caption"),
        boilerplate=boilerplate,
        outlet_mentions=tuple(_self_references(text, boilerplate)),
    )


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, without its surrounding spaces."""
    out = []
    start = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            out.append((start + lead, start + lead + len(stripped)))
        start += len(line) + 1
    return out


def _headline_like(line: str, n_words: int, max_words: int = _TITLE_MAX_WORDS) -> bool:
    core = line.rstrip(_CLOSERS)
    return (
        2 <= n_words <= max_words
        and not core.endswith((".", ":", ";", ","))
        and any(c.isalpha() for c in line)
        and not _dateline(line)
    )


def _dateline(text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
    """The dateline opening ``text[start:end]``: a place in capitals of three letters or
    more, with a credit, a date, a long dash or a hyphen after five letters or more (``PM:``
    or ``NATO -`` opening a sentence or a headline are not datelines), or a place in title
    case with a date ("Accra, July 23, 2024 —")."""
    stop = len(text) if end is None else end
    m = _DATELINE.match(text, start, stop)
    if m is None:
        m = _TITLED_DATELINE.match(text, start, stop)
        return m if m is not None and m.group("date") is not None else None
    letters = [c for c in m.group("place").split(",")[0] if c.isalpha()]
    if len(letters) >= 3 and (
        m.group("credit") is not None
        or m.group("date") is not None
        or m.group("dash") in "–—"
        # "SANTIAGO - Chile's …": a hyphen after a long place name (not "NATO - ")
        or (m.group("dash") == "-" and len(letters) >= 5)
    ):
        return m
    return None


def _continues(text: str, previous: Span, start: int) -> bool:
    """A line that goes on with the previous line's sentence: no blank line between them,
    no sentence end before, a lower-case letter after."""
    if text[previous.end : start].count("\n") != 1:
        return False
    tail = text[previous.start : previous.end].rstrip(_CLOSERS)
    return not _SENTENCE_END.search(tail) and text[start : start + 1].islower()


def _self_references(text: str, furniture: tuple[Span, ...]) -> list[Span]:
    found: list[Span] = []
    for span in furniture:
        line = span.of(text)
        for pattern in _SELF_REFERENCE:
            for m in pattern.finditer(line):
                name = m.group("name")
                trimmed = _NAME_TRAILERS.sub("", name).rstrip(" ,.")
                if not trimmed or not any(c.isalpha() for c in trimmed):
                    continue
                if trimmed.lower() in {"us", "our", "the", "this"}:
                    continue
                start = span.start + m.start("name")
                found.append(Span(start, start + len(trimmed)))
    found.sort(key=lambda s: s.start)
    return [s for i, s in enumerate(found) if i == 0 or s.start >= found[i - 1].end]
