"""Colon forms without a speech verb: "One Western naval officer put it simply: “We can
escort ships. We cannot escort an ocean.”", "The statement read: “…”". A quotation opened
right after a colon is the words of the subject of the clause before the colon, or of the
possessor of a verbless noun phrase ("Costa's verdict: “A disgrace.”")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from seed.extract.base import Candidate, Context
from seed.extract.phrases import core_np, subject
from seed.extract.quotes import Quote

#: words a quotation after a clause needs (a verbless "Costa's verdict:" needs none)
MIN_WORDS = 3
#: subjects that name no one
_EMPTY = frozenset({"it", "this", "that", "there", "which", "what", "these", "those"})


def find(ctx: Context, taken: list[Candidate]) -> list[Candidate]:
    text = ctx.text
    found: list[Candidate] = []
    for q in ctx.quotes:
        if not q.words(text) or any(c.overlaps(q.start, q.end) for c in taken + found):
            continue
        k = text.rfind(":", max(0, q.start - 4), q.start)
        if k < 0 or text[k + 1 : q.start].strip():
            continue
        colon = ctx.token_after(k)
        if colon is None or colon.text != ":":
            continue
        si = ctx.sentence(colon)
        if si < 0 or not ctx.eligible_sentence(si):
            continue
        sent = ctx.layout.sentences[si]
        # the clause before the colon: its last verb with a subject of its own
        verbs = [
            t
            for t in ctx.doc[sent.start : colon.i]
            if t.pos_ in ("VERB", "AUX") and not ctx.inside_quote(t)
        ]
        with_subject = [
            (v, s) for v in verbs if (s := subject(v, skip=ctx.inside_quote)) is not None
        ]
        if not with_subject:
            owned = _owned_words(ctx, sent.start, colon.i) if not verbs else None
            if owned is not None:
                # "Costa's verdict: “A disgrace.”": the words' owner speaks
                noun, owner = owned
                found.append(_candidate(ctx, q, si, noun, ctx.doc[owner.left_edge.i : owner.i + 1]))
            continue
        verb, subj = with_subject[-1]
        if subj.lower_ in _EMPTY or subj.i > colon.i or q.words(text) < MIN_WORDS:
            continue
        found.append(_candidate(ctx, q, si, verb, core_np(subj)))
    return found


def _candidate(ctx: Context, q: Quote, si: int, cue: Token, speaker: Span) -> Candidate:
    cand = Candidate(
        rule="colon",
        fragments=[(q.start, q.end)],
        sentence=si,
        cue=cue,
        cue_text=cue.text,
        cue_span=(cue.idx, cue.idx + len(cue)),
        speaker=speaker,
    )
    cand.kind = ctx.kind(cand.fragments)
    return cand


def _owned_words(ctx: Context, start: int, colon: int) -> tuple[Token, Token] | None:
    """A verbless phrase before the colon headed by a noun with a possessor ("Costa's
    verdict", "Her answer"): the noun and its possessor."""
    heads = [t for t in ctx.doc[start:colon] if t.head.i == t.i or not start <= t.head.i < colon]
    heads = [t for t in heads if not t.is_punct and not t.is_space]
    if len(heads) != 1 or heads[0].pos_ != "NOUN":
        return None
    owner = next((c for c in heads[0].children if c.dep_ == "poss"), None)
    if owner is None or owner.lower_ in ("its", "their") or ctx.inside_quote(owner):
        return None
    return heads[0], owner
