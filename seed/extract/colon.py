"""Colon forms without a speech verb: "One Western naval officer put it simply: “We can
escort ships. We cannot escort an ocean.”", "The statement read: “…”". A quotation opened
right after a colon is the words of the subject of the clause before the colon."""

from __future__ import annotations

from seed.extract.base import Candidate, Context
from seed.extract.phrases import core_np, subject

MIN_WORDS = 3
#: subjects that name no one
_EMPTY = frozenset({"it", "this", "that", "there", "which", "what", "these", "those"})


def find(ctx: Context, taken: list[Candidate]) -> list[Candidate]:
    text = ctx.text
    found: list[Candidate] = []
    for q in ctx.quotes:
        if q.words(text) < MIN_WORDS or any(c.overlaps(q.start, q.end) for c in taken + found):
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
            continue
        verb, subj = with_subject[-1]
        if subj.lower_ in _EMPTY or subj.i > colon.i:
            continue
        cand = Candidate(
            rule="colon",
            fragments=[(q.start, q.end)],
            sentence=si,
            cue=verb,
            cue_text=verb.text,
            cue_span=(verb.idx, verb.idx + len(verb)),
            speaker=core_np(subj),
        )
        cand.kind = ctx.kind(cand.fragments)
        found.append(cand)
    return found
