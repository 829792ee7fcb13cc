"""Restatements: the same words attributed again in the same article without a cue of their
own. News leads often carry a statement that the body then attributes properly ("…, as
Iraq's Prime Minister X on Monday the country does not need foreign combatant troops" beside
"On Monday, X said the country does not need foreign combatant troops"). A verbatim repeat
of an attributed content (at least ``MIN_WORDS`` words) in a sentence that names the same
speaker is an attribution of the same statement."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span as SpacySpan

from seed.extract.base import Candidate, Context

MIN_WORDS = 5


def find(
    ctx: Context,
    found: list[Candidate],
    mentions_of: Callable[[object, int], list[SpacySpan]],
) -> list[Candidate]:
    """``mentions_of(actor, sentence)``: the spans naming ``actor`` in that sentence."""
    text = ctx.text
    out: list[Candidate] = []
    for cand in found:
        if cand.actor is None or len(cand.fragments) != 1:
            continue
        a, b = cand.fragments[0]
        words = text[a:b]
        if len(words.split()) < MIN_WORDS:
            continue
        pos = text.find(words)
        while pos >= 0:
            end = pos + len(words)
            if pos != a and not any(c.overlaps(pos, end) for c in found + out):
                si = ctx.sentence_at(pos)
                if si >= 0 and ctx.eligible_sentence(si):
                    names = [m for m in mentions_of(cand.actor, si) if m.end_char <= pos]
                    if names:
                        echo = Candidate(
                            rule="echo",
                            fragments=[(pos, end)],
                            sentence=si,
                            speaker=names[-1],
                            kind=cand.kind,
                            actor=cand.actor,
                        )
                        out.append(echo)
            pos = text.find(words, pos + 1)
    return out
