"""Quotations continued without a new cue: a quotation opening a sentence (of at least
``MIN_WORDS`` words unless it is the whole sentence: "“Not once.”"), with no cue of its own,
belongs to the last speaker of its paragraph or, when it opens a paragraph, to the
last speaker of the paragraph before ("“…,” Kadhimi said. ¶ “We will ask …”")."""

from __future__ import annotations

from seed.extract.base import Candidate, Context

MIN_WORDS = 4


def find(ctx: Context, taken: list[Candidate]) -> list[Candidate]:
    found: list[Candidate] = []
    layout = ctx.layout
    sent_starts = {s.start_char: si for si, s in enumerate(layout.sentences)}
    for q in ctx.quotes:
        # the parser may hang an opening single mark on the sentence before ("… she told
        # MPs. 'These sites …'")
        si = sent_starts.get(q.start, sent_starts.get(q.start + 1))
        if si is None or not ctx.eligible_sentence(si):
            continue
        whole = q.end >= layout.sentences[si].end_char - 1  # the quotation is the sentence
        if q.words(ctx.text) < (1 if whole else MIN_WORDS):
            continue
        everything = taken + found
        if any(c.overlaps(q.start, q.end) for c in everything):
            continue
        bi = layout.sentence_block[si]
        before = [c for c in everything if c.end <= q.start]
        if not before:
            continue
        last = max(before, key=lambda c: c.end)
        last_block = layout.block_at(last.end - 1)
        if last_block != bi and (
            last_block != _previous_extractable(ctx, bi)
            or _has_words_between(ctx, last.end, q.start)
        ):
            continue
        cand = Candidate(
            rule="continuation", fragments=[(q.start, q.end)], sentence=si, parent=last
        )
        cand.kind = ctx.kind(cand.fragments)
        found.append(cand)
    return found


def _previous_extractable(ctx: Context, bi: int) -> int:
    j = bi - 1
    while j >= 0 and not ctx.layout.blocks[j].extractable:
        j -= 1
    return j


def _has_words_between(ctx: Context, start: int, end: int) -> bool:
    """Whether a sentence without any attribution lies between the speaker's last words
    (and the end of their sentence) and the quotation."""
    for si, s in enumerate(ctx.layout.sentences):
        if s.start_char >= start and s.end_char <= end and ctx.eligible_sentence(si):
            return True
    return False
