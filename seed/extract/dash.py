"""Dash forms: a quotation or a post signed with a dash and a name.

- an embedded post: a paragraph of words followed by a paragraph "— Name | Name (@handle)"
  (the words are the named author's, quoted directly);
- an inline signature: "“…” — Name, title".
"""

from __future__ import annotations

import re

from schema.enums import StatementKind
from seed.extract.base import Candidate, Context

_DASHES = "—–―"
#: "— Name | Name (@handle) date"
_SIGNATURE = re.compile(r"^[" + _DASHES + r"]\s*(?P<name>[^(\n]*[^(\s])\s*(?:\(@\w+\))?.*$")


def find(ctx: Context, taken: list[Candidate]) -> list[Candidate]:
    found: list[Candidate] = []
    blocks = ctx.layout.blocks
    for bi in range(1, len(blocks)):
        block, prev = blocks[bi], blocks[bi - 1]
        if not (block.extractable and prev.extractable):
            continue
        line = ctx.text[block.span.start : block.span.end]
        m = _SIGNATURE.match(line)
        if not m or len(m.group("name").split()) > 8:
            continue
        if any(c.overlaps(prev.span.start, prev.span.end) for c in taken + found):
            continue
        name_start = block.span.start + m.start("name")
        name_end = block.span.start + m.end("name")
        speaker = ctx.doc.char_span(name_start, name_end, alignment_mode="expand")
        si = ctx.sentence_at(name_start)
        # the post as written, its final stop included
        frag = (prev.span.start, prev.span.end)
        cand = Candidate(
            rule="dash",
            fragments=[frag],
            sentence=si,
            speaker=speaker,
            speaker_chars=(name_start, name_end),
            cue_text=line[0],
            cue_span=(block.span.start, block.span.start + 1),
        )
        # unquoted words above a signature are the author's own: a direct rendering
        kind = ctx.kind(cand.fragments)
        cand.kind = StatementKind.DIRECT if kind is StatementKind.INDIRECT else kind
        found.append(cand)
    # inline: “…” — Name
    for q in ctx.quotes:
        if any(c.overlaps(q.start, q.end) for c in taken + found):
            continue
        tail = ctx.text[q.end : q.end + 80]
        m = re.match(r"\s*[" + _DASHES + r"]\s*([A-Z][^,.\n]{2,60})", tail)
        if not m:
            continue
        name_start = q.end + m.start(1)
        name_end = q.end + m.end(1)
        speaker = ctx.doc.char_span(name_start, name_end, alignment_mode="expand")
        if speaker is None or not any(t.ent_type_ == "PERSON" for t in speaker):
            continue
        si = ctx.sentence_at(q.start)
        if si < 0 or not ctx.eligible_sentence(si):
            continue
        cand = Candidate(rule="dash", fragments=[(q.start, q.end)], sentence=si, speaker=speaker)
        cand.kind = ctx.kind(cand.fragments)
        found.append(cand)
    return found
