"""Quotation spans: where the article puts words between quotation marks.

Curly quotes pair by direction; straight double quotes pair in order within a paragraph;
guillemets pair like curly quotes. A quotation left open at the end of its paragraph ends
there (the news convention for a quote continued in the next paragraph, which opens again).
Single curly quotes (British style) are looked at only in a paragraph with no double
quotation marks, where ‘ opens at the start of a word and ’ closes only when no letter follows
it — so an apostrophe inside a word ("don’t") never closes a quotation.
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


SINGLE_OPEN, SINGLE_CLOSE = "‘", "’"


def _single_quotes(text: str, para: Span) -> list[Quote]:
    found: list[Quote] = []
    open_at: int | None = None
    for i in range(para.start, para.end):
        ch = text[i]
        if ch == SINGLE_OPEN and (i == para.start or not text[i - 1].isalnum()):
            open_at = i if open_at is None else open_at
        elif ch == SINGLE_CLOSE and open_at is not None:
            after = text[i + 1] if i + 1 < para.end else ""
            if not after.isalpha():
                found.append(Quote(open_at, i + 1))
                open_at = None
    return found
