"""Extract stage: find attributions (speaker, cue, content) in one parsed article.

Rules, each a module: ``verbs`` (speech verbs: direct quotes with the cue before, after or
inside, indirect speech, "quoted X as saying", colon forms), ``according`` ("according to
X"), ``headline`` (colon headlines), ``dash`` (signed quotations and embedded posts),
``colon`` (a quotation after a colon, without a speech verb: "X put it simply: “…”"),
``continuation`` (quotations continued without a new cue). The cue lexicon is data
(``cues.yaml``). Speakers are resolved to actors afterwards by ``seed.speakers``; two rules
need them and run after it (in ``seed.pipeline``): ``echo`` (restatements) and
``interview`` (question-and-answer answers).
"""

from __future__ import annotations

from spacy.tokens import Doc

from seed.extract import according, colon, continuation, dash, headline, verbs
from seed.extract.base import Candidate, Context
from seed.segment import Layout

__all__ = ["Candidate", "Context", "extract"]


def extract(doc: Doc, layout: Layout) -> tuple[Context, list[Candidate]]:
    ctx = Context(doc, layout)
    found = _resolve_nesting(verbs.find(ctx), ctx)
    found += according.find(ctx, found)
    found += headline.find(ctx, found)
    found += dash.find(ctx, found)
    found += colon.find(ctx, found)
    found += continuation.find(ctx, found)
    found.sort(key=lambda c: (c.start, c.end))
    return ctx, found


def _resolve_nesting(found: list[Candidate], ctx: Context) -> list[Candidate]:
    """An attribution whose cue lies inside another's content: a participle continuing the
    outer statement is cut out of it, and so is a report set against it ("…, while Y
    said"); a media outlet's report, or a statement's, of someone else's statement gives
    way to that statement; any other embedded report is part of the outer words."""
    dropped: set[int] = set()
    for outer in found:
        for inner in found:
            if inner is outer or inner.cue is None or id(inner) in dropped or id(outer) in dropped:
                continue
            if not outer.covers(inner.cue.idx, inner.cue.idx + len(inner.cue)):
                continue
            contrast = _contrasted(inner)
            if (inner.root() is outer.root() and inner.parent is not None) or contrast:
                a, b = outer.fragments[-1]
                cut = ctx.trim(a, min(b, contrast or _chunk_start(inner)))
                if cut[1] > cut[0]:
                    outer.fragments[-1] = cut
                    outer.kind = ctx.kind(outer.fragments)
                continue
            if _reports(outer, ctx) or _framed(outer, inner):
                dropped.add(id(outer))
            else:
                dropped.add(id(inner))
    return [c for c in found if id(c) not in dropped]


def _contrasted(inner: Candidate) -> int | None:
    """ "X argued …, while Y said …": where another speaker's report, set against the
    first, begins (None if ``inner`` is no such report)."""
    if inner.speaker is None or inner.speaker.start < 2:
        return None
    doc = inner.speaker.doc
    mark = doc[inner.speaker.start - 1]
    if mark.lower_ in ("while", "whereas") and doc[mark.i - 1].text in (",", ";"):
        return mark.idx
    return None


_CHUNK_LEFT = frozenset({"aux", "auxpass", "advmod", "neg", "cc", "punct", "mark", "preconj"})


def _chunk_start(c: Candidate) -> int:
    """Where a continuing verb's words begin: its auxiliaries, adverbs and the "and" or
    comma before it, not whatever else a misparse hung on it ("his country has “no
    intention of harming” Egypt and has urged …": "no intention" taken for its subject)."""
    assert c.cue is not None
    doc = c.cue.doc
    i = c.cue.i
    while i > c.cue.left_edge.i and doc[i - 1].dep_ in _CHUNK_LEFT:
        i -= 1
    return doc[i].idx


def _framed(outer: Candidate, inner: Candidate) -> bool:
    """ "[X and Y agreed to …], the two governments said": the outer cue comes after words
    that are wholly another report, speaker first; that report is the statement."""
    if outer.cue is None or outer.cue.idx < outer.end or len(outer.fragments) != 1:
        return False
    speaker = inner.speaker
    return (
        speaker is not None
        and abs(speaker.start_char - outer.start) <= 1
        and speaker.root.pos_ == "PROPN"
        and inner.end <= outer.end
    )


def _reports(c: Candidate, ctx: Context) -> bool:
    if c.cue is not None and c.cue.lemma_.lower() == "report":
        return True
    if c.speaker is None:
        return False
    if c.speaker.root.lemma_.lower() in ctx.lex.statement_nouns and c.speaker.root.pos_ == "NOUN":
        # "Haykal said the army had …, the statement said": the statement reports Haykal
        return True
    # the outlet itself, not someone at a body whose name has such a word ("the head of
    # the Pacific Islands Forum Fisheries Agency")
    outlet = ctx.ent_at(c.speaker.root)
    return outlet is not None and outlet.label_ == "ORG" and bool(ctx.lex.media.search(outlet.text))
