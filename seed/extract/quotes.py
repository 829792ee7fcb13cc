"""Quotation spans: where the article puts words between quotation marks.

Curly quotes pair by direction; straight double quotes pair in order within a paragraph;
guillemets pair like curly quotes. A quotation left open at the end of its paragraph ends
there (the news convention for a quote continued in the next paragraph, which opens again).
Single quotes (British style), curly or straight, are looked at only in a paragraph with no
double quotation marks, where ‘ or ' opens at the start of a word and ’ or ' closes only when
no letter follows it — so an apostrophe inside a word ("don’t", "She'd") never closes a
quotation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from seed.records import Span

OPENING = "“«„"
CLOSING = "”»"
STRAIGHT = '"'
QUOTE_CHARS = OPENING + CLOSING + STRAIGHT
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # at the opening mark
    end: int  # after the closing mark (or at the paragraph's end when left open)
    closed: bool = True

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    def words(self, text: str) -> int:
        return len(_WORD.findall(text[self.start : self.end]))

    def contains(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


def find_quotes(text: str, paragraphs: list[Span]) -> list[Quote]:
    quotes: list[Quote] = []
    for para in paragraphs:
        open_at: int | None = None
        for i in range(para.start, para.end):
            ch = text[i]
            if ch not in QUOTE_CHARS:
                continue
            if open_at is None:
                if ch in OPENING or ch == STRAIGHT:
                    open_at = i
                # a stray closing mark with nothing open is ignored
            elif ch in CLOSING or ch == STRAIGHT:
                quotes.append(Quote(open_at, i + 1))
                open_at = None
            # an opening mark inside an open quote (nested or typo) is ignored
        if open_at is not None and para.end - open_at > 1:
            quotes.append(Quote(open_at, para.end, closed=False))
        elif open_at is None and not any(ch in QUOTE_CHARS for ch in text[para.start : para.end]):
            quotes.extend(_single_quotes(text, para))
    return quotes


SINGLE_OPEN, SINGLE_CLOSE, SINGLE_STRAIGHT = "‘", "’", "'"
#: every mark that may open or close a quotation, single ones included
OPEN_MARKS = OPENING + STRAIGHT + SINGLE_OPEN + SINGLE_STRAIGHT
CLOSE_MARKS = CLOSING + STRAIGHT + SINGLE_CLOSE + SINGLE_STRAIGHT


def _single_quotes(text: str, para: Span) -> list[Quote]:
    """Quotations in single marks, curly or straight: one opens at the start of a word and
    closes where no letter follows; "MPs' votes" (an "s'" before a word, with a later
    closing mark in the paragraph) is a possessive, not the end of the quotation."""
    found: list[Quote] = []
    open_at: int | None = None
    for i in range(para.start, para.end):
        ch = text[i]
        before = text[i - 1] if i > para.start else ""
        after = text[i + 1] if i + 1 < para.end else ""
        if open_at is None:
            if (
                ch in (SINGLE_OPEN, SINGLE_STRAIGHT)
                and not before.isalnum()
                and (ch == SINGLE_OPEN or after.isalnum())
            ):
                open_at = i
        elif ch in (SINGLE_CLOSE, SINGLE_STRAIGHT) and not after.isalpha():
            if before.isspace():
                continue
            if before == "s" and after == " " and _closes_later(text, i + 1, para.end):
                continue
            found.append(Quote(open_at, i + 1))
            open_at = None
    return found


def _closes_later(text: str, start: int, end: int) -> bool:
    return any(
        text[j] in (SINGLE_CLOSE, SINGLE_STRAIGHT)
        and not text[j - 1].isspace()
        and not (text[j + 1 : j + 2].isalpha())
        for j in range(start, end)
    )
