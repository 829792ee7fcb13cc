"""Headline claims in the colon forms of news titles: "PM: Iraq no longer needs U.S. forces"
(speaker, colon, claim) and "No need for foreign forces: Prime Minister Kadhimi" (claim,
colon, speaker). Headlines with a speech verb ("Iraqi PM says no need for foreign troops")
are found by the verb rules, which accept a noun-phrase content in a title."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan

from seed.extract.base import Candidate, Context
from seed.segment import BlockRole

_MAX_SPEAKER_WORDS = 6


def find(ctx: Context, taken: list[Candidate]) -> list[Candidate]:
    found: list[Candidate] = []
    for bi, block in enumerate(ctx.layout.blocks):
        if block.role not in (BlockRole.TITLE, BlockRole.SUBTITLE):
            continue
        if any(c.start >= block.span.start and c.end <= block.span.end for c in taken):
            continue
        text = ctx.text[block.span.start : block.span.end]
        colon = text.find(": ")
        if colon <= 0:
            continue
        left = (block.span.start, block.span.start + colon)
        right = (block.span.start + colon + 2, block.span.end)
        si = next((i for i, b in enumerate(ctx.layout.sentence_block) if b == bi), -1)
        if si < 0:
            continue
        for speaker, content in ((left, right), (right, left)):
            span = _speaker_phrase(ctx, *speaker)
            if span is None:
                continue
            frag = ctx.trim(*content)
            if frag[1] - frag[0] < 10:
                continue
            colon_at = block.span.start + colon
            cand = Candidate(
                rule="headline",
                fragments=[frag],
                sentence=si,
                speaker=span,
                cue_text=":",
                cue_span=(colon_at, colon_at + 1),
            )
            cand.kind = ctx.kind(cand.fragments)
            found.append(cand)
            break
    return found


def _speaker_phrase(ctx: Context, start: int, end: int) -> SpacySpan | None:
    """A short noun phrase naming a person, an organisation or a role, with no verb."""
    start, end = ctx.trim(start, end)
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len([t for t in span if not t.is_punct]) > _MAX_SPEAKER_WORDS:
        return None
    if any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN" for t in span):
        return None
    if any(t.ent_type_ in ("PERSON", "ORG") or t.lower_ in ctx.lex.role_heads for t in span):
        return span
    return None
