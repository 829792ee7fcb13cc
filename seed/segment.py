"""Segment stage: the article's blocks (title, paragraphs, captions…) and sentences, with
character offsets into ``RawArticle.text``.

Blocks come from the structure stage (``ArticleStructure``); without one, every non-empty line
is a body paragraph. Sentences come from spaCy's parser, constrained by the
``dicta_sentence_bounds`` component that :func:`configure` adds before the parser: a line
break always ends a sentence (a headline never runs into the first paragraph) and a title
abbreviation never does ("Brig. Gen. Yahya ...", "Lt. Col. ...").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from seed.calendar_names import MONTHS
from seed.records import ArticleStructure, Span

#: Abbreviations that precede a name or a number and never end a sentence. spaCy's English
#: tokenizer knows some ("Gen.", "Feb."); the others are split into word + period without this.
TITLE_ABBREVIATIONS = (
    "Adm.", "Amb.", "Brig.", "Capt.", "Cdr.", "Cmdr.", "Col.", "Cpl.", "Dr.", "Gen.", "Gov.",
    "Hon.", "Lt.", "Maj.", "Mr.", "Mrs.", "Ms.", "Prof.", "Pvt.", "Rep.", "Rev.", "Sen.",
    "Sgt.", "Sr.", "Jr.", "St.", "Supt.", "No.", "Fr.", "Rt.", "Revd.", "Msgr.", "Engr.",
    "Barr.", "Arc.", "Pst.", "Insp.", "Cllr.", "Ste.", "Mt.", "Ft.",
)  # fmt: skip
#: hyphenated titles kept one word, so that the parser reads "The co-leader of the Greens,
#: Miriam X," as a title and not as "co" in apposition to "leader"
HYPHENATED_TITLES = tuple(
    f"{prefix}-{role}"
    for prefix in ("co", "Co", "vice", "Vice", "ex", "Ex")
    for role in (
        "leader", "chair", "chairman", "chairwoman", "chairperson", "founder", "president",
        "director", "convenor", "spokesperson", "minister", "governor", "mayor",
    )
)  # fmt: skip
_NO_BREAK_AFTER = frozenset(TITLE_ABBREVIATIONS) | {
    "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
}  # fmt: skip

#: words that open a sentence and never follow a person's initial ("John F. Kennedy")
_SENTENCE_OPENERS = frozenset({"He", "She", "They", "It", "We", "The", "This", "But"})

_BLANK = re.compile(r"[\s\u00a0\u200b\ufeff]+")


class BlockRole(StrEnum):
    TITLE = "title"
    SUBTITLE = "subtitle"
    BODY = "body"
    CAPTION = "caption"
    BOILERPLATE = "boilerplate"


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph-level unit of the article: a headline, a body paragraph, a caption…"""

    span: Span
    role: BlockRole

    @property
    def extractable(self) -> bool:
        return self.role in (BlockRole.TITLE, BlockRole.SUBTITLE, BlockRole.BODY)


@dataclass(frozen=True, slots=True)
class Layout:
    """Blocks in text order and the parsed sentences of each, for one article."""

    text: str
    blocks: tuple[Block, ...]
    sentences: tuple[SpacySpan, ...]
    sentence_block: tuple[int, ...]  # index into ``blocks`` of each sentence (-1: none)
    excluded: tuple[Span, ...] = ()  # dateline and boilerplate inside blocks
    block_starts: tuple[int, ...] = ()  # ``blocks[i].span.start``, for lookups

    def block_at(self, char: int) -> int:
        """Index of the block holding character ``char``, or -1."""
        i = bisect.bisect_right(self.block_starts, char) - 1
        if i >= 0 and char < self.blocks[i].span.end:
            return i
        return -1


def configure(nlp: Language) -> None:
    """Teach ``nlp`` Dicta's sentence rules: title abbreviations are single tokens and a line
    break ends a sentence. Idempotent."""
    tokenizer: Any = nlp.tokenizer
    if isinstance(tokenizer, _LetterAtLineEnd):
        tokenizer = tokenizer.inner
    for abbr in (*TITLE_ABBREVIATIONS, *HYPHENATED_TITLES):
        tokenizer.add_special_case(abbr, [{ORTH: abbr}])
    nlp.tokenizer = _LetterAtLineEnd(tokenizer)
    if "dicta_sentence_bounds" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe("dicta_sentence_bounds", before=before)


class _LetterAtLineEnd:
    """spaCy's tokenizer, with a capital letter and the full stop that end a line made two
    tokens ("Atieno wrote on X." + line break): the tokenizer takes every "X." for a
    person's initial, which a line's last word never is, and the parse of the next line
    goes astray when its first sentence seems to run on from a name."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def __call__(self, text: str) -> Doc:
        doc: Doc = self.inner(text)
        ends = {
            t.i
            for t in doc
            if len(t.text) == 2
            and t.text[0].isupper()
            and t.text[1] == "."
            and ("\n" in t.whitespace_ or (t.i + 1 < len(doc) and doc[t.i + 1].text[:1] == "\n"))
        }
        if not ends:
            return doc
        words: list[str] = []
        spaces: list[bool] = []
        for t in doc:
            if t.i in ends:
                words += [t.text[0], "."]
                spaces += [False, bool(t.whitespace_)]
            else:
                words.append(t.text)
                spaces.append(bool(t.whitespace_))
        return Doc(doc.vocab, words=words, spaces=spaces)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


@Language.component("dicta_sentence_bounds")
def sentence_bounds(doc: Doc) -> Doc:
    line_start = 0
    dash_seen = False  # only the first free-standing dash of a line can end a dateline
    for i in range(1, len(doc)):
        token, prev = doc[i], doc[i - 1]
        if token.is_space:
            continue
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            token.is_sent_start = True
            line_start, dash_seen = i, False
            continue
        if prev.text in _NO_BREAK_AFTER:
            token.is_sent_start = False
        elif len(prev.text) == 2 and prev.text[0].isupper() and prev.text[1] == ".":
            # "… in a post on X. He said": a one-letter name ends the sentence the
            # tokenizer took it for an initial of
            if token.text in _SENTENCE_OPENERS:
                token.is_sent_start = True
        elif token.text in _CLOSING_MARKS and prev.text in _FINAL_STOPS and not prev.whitespace_:
            # '… will not start now."': the closing mark ends the sentence it closes
            token.is_sent_start = False
        elif (
            prev.text in _CLOSING_MARKS
            and doc[i - 2].text in ("?", "!")
            and (token.is_lower or _named_cue(doc, i))
        ):
            # "“What does funding have to do with it?” the judge remarked.", "“… isn't it?”
            # Ruiz asked.": one sentence
            token.is_sent_start = False
        elif prev.text in _DATELINE_DASHES and prev.whitespace_ and doc[i - 2].whitespace_:
            if not dash_seen and _dateline_before(doc, line_start, i - 1):
                # "BUCHAREST, 3 March 2025 — Romania's Ministry …": the dateline is no part
                # of the first sentence, whose parse it would otherwise derail
                token.is_sent_start = True
            dash_seen = True
    return doc


#: most words a speaker's name takes before its verb ("Mr. Juan Carlos Ruiz asked")
_MAX_NAME_WORDS = 5


def _named_cue(doc: Doc, i: int) -> bool:
    """Whether the words from ``i`` are a name or a personal pronoun and a verb in the past
    tense that close the clause ("Ruiz asked.", "She replied,"): the cue of the quotation
    before them (the tagger has run; the parser has not)."""
    j = i
    if doc[j].lower_ in ("he", "she", "they"):
        j += 1
    else:
        while j < len(doc) and j - i < _MAX_NAME_WORDS and doc[j].tag_ in ("NNP", "NNPS"):
            j += 1
    if j == i or j >= len(doc) - 1 or doc[j].tag_ != "VBD":
        return False
    return doc[j + 1].text in (".", ",", "!") or "\n" in doc[j].whitespace_


_DATELINE_DASHES = frozenset({"—", "–", "-", "--"})
_CLOSING_MARKS = frozenset({"”", '"', "’", "'", "»"})
_FINAL_STOPS = frozenset({".", "!", "?", "…"})


#: most tokens a dateline has before its dash
_MAX_DATELINE_TOKENS = 16
#: lower-case words inside a place's name ("Republic of Congo", "Rio de Janeiro")
_NAME_JOINERS = frozenset({"of", "the", "and", "de", "du", "da", "del", "la", "el", "al"})


def _dateline_before(doc: Doc, start: int, dash: int) -> bool:
    """Whether tokens ``start``…``dash`` read as a dateline: a place in capitals (or a place
    with a news agency in brackets), maybe a date, then the dash."""
    if dash - start > _MAX_DATELINE_TOKENS or dash <= start:
        return False
    words = [t for t in doc[start:dash] if t.is_alpha]
    # "GOMA, Democratic Republic of Congo, March 4 (Reuters) -": a place's name may have
    # lower-case joining words
    if not words or any(t.is_lower and t.lower_ not in _NAME_JOINERS for t in words):
        return False
    first = doc[start]
    credit = any(t.text == "(" for t in doc[start:dash])
    # "Accra, July 23, 2024 —": a place in title case with a date
    dated = any(t.lower_.rstrip(".") in MONTHS for t in words) and any(
        t.like_num for t in doc[start:dash]
    )
    return (first.is_upper and len(first.text) >= 2) or credit or dated


def paragraph_spans(text: str) -> list[Span]:
    """Non-blank lines of ``text``, stripped of surrounding blanks (NBSP included)."""
    spans: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        m = re.search(r"\S", line.replace("\u00a0", " "))
        if not m:
            continue
        stripped = line.replace("\u00a0", " ").rstrip()
        spans.append(Span(start + m.start(), start + len(stripped)))
    return spans


def blocks(text: str, structure: ArticleStructure | None) -> list[Block]:
    """The article's blocks, from its structure when known, else one body block per line."""
    if structure is None or not (structure.paragraphs or structure.title):
        return [Block(s, BlockRole.BODY) for s in paragraph_spans(text)]
    found: list[Block] = []
    if structure.title:
        found.append(Block(structure.title, BlockRole.TITLE))
    if structure.subtitle:
        found.append(Block(structure.subtitle, BlockRole.SUBTITLE))
    found += [Block(s, BlockRole.BODY) for s in structure.paragraphs]
    found += [Block(s, BlockRole.CAPTION) for s in structure.captions]
    found += [Block(s, BlockRole.BOILERPLATE) for s in structure.boilerplate]
    found.sort(key=lambda b: (b.span.start, -b.span.end))
    # a block lying inside another (a boilerplate line inside a paragraph) stays only as
    # an exclusion of the outer one
    kept: list[Block] = []
    for b in found:
        if kept and b.span.start < kept[-1].span.end:
            continue
        kept.append(b)
    return kept


def layout(doc: Doc, structure: ArticleStructure | None = None) -> Layout:
    text = doc.text
    blks = blocks(text, structure)
    starts = [b.span.start for b in blks]
    sents: list[SpacySpan] = []
    owner: list[int] = []
    for sent in doc.sents:
        # trim leading/trailing whitespace tokens
        s, e = sent.start, sent.end
        while s < e and (doc[s].is_space or not _BLANK.sub("", doc[s].text)):
            s += 1
        while e > s and (doc[e - 1].is_space or not _BLANK.sub("", doc[e - 1].text)):
            e -= 1
        if s >= e:
            continue
        span = doc[s:e]
        # the block holding the sentence's last character (a dateline may precede the block)
        i = bisect.bisect_right(starts, span.end_char - 1) - 1
        owner.append(i if i >= 0 and span.end_char - 1 < blks[i].span.end else -1)
        sents.append(span)
    excluded: list[Span] = []
    if structure is not None:
        if structure.dateline:
            excluded.append(structure.dateline)
        excluded += [s for s in structure.boilerplate if not any(b.span == s for b in blks)]
    return Layout(text, tuple(blks), tuple(sents), tuple(owner), tuple(excluded), tuple(starts))
