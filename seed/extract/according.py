""" "According to X, …" and "…, according to X": X is the speaker of the clause the phrase
modifies. When that clause is itself reported by a speech verb ("…, said X, according to
Iraqi media") the phrase only names where the report came from and is no attribution: a
sentence with another attribution is left alone. "In the words of X, “…”" introduces X's
words after it (the clause before it, if any, is the writer's)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from seed.extract.base import Candidate, Context
from seed.extract.phrases import child, core_np


def find(ctx: Context, taken: list[Candidate]) -> list[Candidate]:
    doc = ctx.doc
    found: list[Candidate] = []
    for si, sent in enumerate(ctx.layout.sentences):
        if not ctx.eligible_sentence(si):
            continue
        said = ctx.text[sent.start_char : sent.end_char]
        if "ccording to" not in said and "the words of" not in said:
            continue
        mine = [c for c in taken if c.sentence == si]
        if len(mine) == 1 and _evidence(mine[0]):
            # "Laboratory tests found that …, according to the WHO": the body that reports
            # what the tests found
            source = _source_after(ctx, sent, mine[0])
            if source is not None:
                mine[0].speaker = source
        if mine:
            continue
        words_of = _words_of(ctx, sent)
        if words_of is not None:
            found.append(words_of)
            continue
        for t in sent:
            if t.lower_ != "according" or t.i + 1 >= sent.end or doc[t.i + 1].lower_ != "to":
                continue
            if ctx.inside_quote(t):
                continue
            to = doc[t.i + 1]
            pobj = child(to, "pobj") or child(t, "pobj")
            if pobj is None:
                continue
            pp_start, pp_end = t.i, max(t.right_edge.i, pobj.right_edge.i)
            pp_end = _before_subject(pobj, t.head, pp_end)
            named = _apposed_name_end(ctx, pobj, pp_end)
            speaker = core_np(pobj)
            if named > pp_end:
                speaker, pp_end = doc[speaker.start : named], named
            left = ctx.content_span(range(sent.start, pp_start))
            right = ctx.content_span(range(pp_end + 1, sent.end))
            fragments = [f for f in (left, right) if f is not None]
            if not fragments:
                continue
            cand = Candidate(
                rule="according",
                fragments=fragments,
                sentence=si,
                speaker=speaker,
                cue_text=doc[t.i : to.i + 1].text,
                cue_span=(t.idx, to.idx + len(to)),
            )
            cand.kind = ctx.kind(fragments)
            found.append(cand)
            break
    return found


#: what finds or shows things without speaking ("tests found", "the data show")
_EVIDENCE = frozenset(
    {"test", "study", "analysis", "data", "figure", "result", "research", "inspection", "sample"}
)


def _evidence(c: Candidate) -> bool:
    return c.speaker is not None and c.speaker.root.lemma_.lower() in _EVIDENCE


def _source_after(ctx: Context, sent: Span, c: Candidate) -> Span | None:
    """The X of an "according to X" that ends the sentence after ``c``'s words."""
    doc = ctx.doc
    for t in sent:
        if t.lower_ != "according" or t.idx < c.end or t.i + 1 >= sent.end:
            continue
        if doc[t.i + 1].lower_ != "to" or ctx.inside_quote(t):
            continue
        pobj = child(doc[t.i + 1], "pobj") or child(t, "pobj")
        if pobj is not None:
            return core_np(pobj)
    return None


def _apposed_name_end(ctx: Context, pobj: Token, end: int) -> int:
    """ "According to a spokesman for the tribunal, Marcelo Apaza, the …": the phrase goes
    on over the name set off by commas after a role, which the parser hung elsewhere."""
    doc = ctx.doc
    if pobj.pos_ != "NOUN" or end + 2 >= len(doc) or doc[end + 1].text != ",":
        return end
    start = end + 2
    # ("the lawyer, Dlovan Ismail Barzinji,": a given name NER left out of the name)
    while (
        start < min(end + 4, len(doc) - 1)
        and doc[start].pos_ == "PROPN"
        and doc[start].is_title
        and not _person_at(ctx, doc[start])
    ):
        start += 1
    name = ctx.ent_at(doc[start])
    if name is None or name.start != start or name.label_ != "PERSON":
        return end
    if name.end >= len(doc) or doc[name.end].text != ",":
        return end
    return name.end


def _before_subject(pobj: Token, verb: Token, end: int) -> int:
    """ "According to the utility, vandalism of transformers, cables and towers cost it …":
    where the source ends when the parser took the subject of the words reported for an
    apposition to it, leaving their verb (what "according" hangs on) with none."""
    if verb.pos_ not in ("VERB", "AUX") or any(
        c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children
    ):
        return end
    appos = next((c for c in pobj.rights if c.dep_ == "appos"), None)
    if appos is None or appos.ent_type_ == "PERSON" or appos.right_edge.i + 1 != verb.i:
        return end
    comma = appos.left_edge.i - 1
    return comma - 1 if pobj.doc[comma].text == "," else end


def _person_at(ctx: Context, tok: Token) -> bool:
    ent = ctx.ent_at(tok)
    return ent is not None and ent.label_ == "PERSON"


def _words_of(ctx: Context, sent: Span) -> Candidate | None:
    """ "…, and in the words of one strategist, “every hearing is a campaign event”"."""
    doc = ctx.doc
    for t in sent:
        if t.lower_ != "words" or t.i < sent.start + 2 or ctx.inside_quote(t):
            continue
        if doc[t.i - 1].lower_ != "the" or doc[t.i - 2].lower_ != "in":
            continue
        of = child(t, "prep", text="of")
        pobj = child(of, "pobj") if of is not None else None
        if pobj is None:
            continue
        right = ctx.content_span(range(pobj.right_edge.i + 1, sent.end))
        if right is None:
            continue
        cand = Candidate(
            rule="according",
            fragments=[right],
            sentence=ctx.sentence(t),
            speaker=core_np(pobj),
            cue_text=doc[t.i - 2 : of.i + 1].text,
            cue_span=(doc[t.i - 2].idx, of.idx + len(of)),
        )
        cand.kind = ctx.kind(cand.fragments)
        return cand
    return None
