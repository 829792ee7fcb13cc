"""Interviews in question-and-answer form: a question line ("What do you make of the
deficit?", "Q: Will taxes rise?"), then the interviewee's answer in one or more paragraphs
without quotation marks or a cue. Each answer paragraph is a statement of the interviewee.

The form is recognised only where an article has at least ``MIN_QUESTIONS`` question lines
each followed by a paragraph that is no question and either asks someone ("you") or says it
is an interview, or marks its questions "Q:". The
interviewee is the person the answers are labelled with ("FERREIRA: …"), else the person
the article quoted most before its first question, else the person it names most often
there.
An answer runs until the next question, or until a paragraph speaks of the interviewee in
the third person or reports someone's words with a cue (narration resumed: "Ferreira left
office in 2019", "“…,” he said"), or until a line that is no sentence ("Related Articles").

This runs after speaker resolution, since it needs to know whom the introduction quoted.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan

from schema.enums import ActorKind, StatementKind
from seed.extract.base import Candidate, Context
from seed.extract.quotes import OPEN_MARKS
from seed.records import ActorRef
from seed.segment import BlockRole

MIN_QUESTIONS = 2
#: a question line is short; a longer paragraph ending in "?" is narration or a quote
MAX_QUESTION_WORDS = 60
_Q_LABEL = re.compile(r"^(?:Q|Question)\s*[:.)\-–—]\s*", re.IGNORECASE)
_A_LABEL = re.compile(r"^(?:A|Answer)\s*[:.)\-–—]\s*", re.IGNORECASE)
#: words of a speaker talking of themselves ("our prime minister said …" in an answer)
_FIRST_PERSON = frozenset({"i", "we", "my", "our"})
_YOU = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)
_INTERVIEW = re.compile(r"\b(?:interview|spoke (?:to|with)|talked (?:to|with)|sat down with)", re.I)
#: "FERREIRA: …", "Carla Ferreira: …": an answer labelled with its speaker's name
_NAME_LABEL = re.compile(r"^([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*:\s+")


@dataclass(frozen=True, slots=True)
class People:
    """What the interview rule needs of the speaker resolver."""

    #: the person a name-like text refers to in this article, with a span naming them
    named: Callable[[str], tuple[ActorRef, SpacySpan] | None]
    #: the person named most often between two character offsets, with a span naming them
    most_named: Callable[[int, int], tuple[ActorRef, SpacySpan] | None]
    #: whether sentence ``si`` names ``actor`` outside quotations
    names_in: Callable[[ActorRef, int], bool]


def find(ctx: Context, found: list[Candidate], people: People) -> list[Candidate]:
    """The answers' statements; the statements found inside answers are removed from
    ``found``."""
    layout = ctx.layout
    text = ctx.text
    body = [i for i, b in enumerate(layout.blocks) if b.role == BlockRole.BODY]
    questions = [i for i in body if _question(ctx, i)]
    answered = [i for i in questions if i + 1 < len(layout.blocks) and i + 1 not in questions]
    labelled = any(_Q_LABEL.match(_block_text(ctx, i)) for i in questions)
    if not answered or (len(answered) < MIN_QUESTIONS and not labelled):
        return []
    first_q = layout.blocks[questions[0]].span.start
    # an interview asks someone ("you") or says it is one; a writer's rhetorical questions
    # ("So what happens next?") do neither
    addressed = any(_YOU.search(_block_text(ctx, i)) for i in questions)
    if not (labelled or addressed or _INTERVIEW.search(text[:first_q])):
        return []
    default = _interviewee(found, first_q, people)
    out: list[Candidate] = []
    qset = set(questions)
    for q in answered:
        current = default
        prompted = False
        for bi in range(q + 1, len(layout.blocks)):
            block = layout.blocks[bi]
            if bi in qset or block.role == BlockRole.TITLE or block.role == BlockRole.SUBTITLE:
                break
            if not block.extractable:
                continue
            start, end = block.span.start, block.span.end
            para = text[start:end]
            label = _A_LABEL.match(para)
            name = _NAME_LABEL.match(para) if label is None else None
            by_name = people.named(name.group(1)) if name is not None else None
            if by_name is not None:
                # the rest of the answer is theirs too, and so are the unlabelled answers
                # after it: the labelled speaker is the interviewee
                current, label, default = by_name, name, by_name
            speaker = current
            if speaker is None:
                break
            actor, mention = speaker
            if label is None and _narrates(ctx, found, actor, start, end, people):
                if prompted or bi + 1 >= len(layout.blocks) or not _first_person(ctx, bi + 1):
                    break
                # "Critics accuse the government of … ¶ I understand the emotion.": the
                # interviewer's prompt in the form of a statement, answered in the first person
                prompted = True
                continue
            prompted = False
            if label is not None:
                start += label.end()
            start, end = ctx.trim(start, end)
            si = ctx.sentence_at(start)
            if end <= start or si < 0:
                continue
            if any(c.covers(start, end) for c in found):
                continue  # the paragraph is already someone's words
            out.append(
                Candidate(
                    rule="interview",
                    fragments=[(start, end)],
                    sentence=si,
                    speaker=mention,
                    kind=StatementKind.DIRECT,
                    actor=actor,
                )
            )
    # words reported inside an answer are the interviewee's, as inside a quotation ("I told
    # the Cabinet that …"): no statements of their own
    found[:] = [
        c
        for c in found
        if c.cue is None or not any(a.covers(c.cue.idx, c.cue.idx + len(c.cue)) for a in out)
    ]
    return out


def _first_person(ctx: Context, bi: int) -> bool:
    """Whether a paragraph opens in the first person outside quotation marks ("I
    understand …", "We are not …", "Our view is …")."""
    para = _block_text(ctx, bi)
    first = para.split(maxsplit=1)[0].lower() if para else ""
    return first.strip(",") in _FIRST_PERSON


def _block_text(ctx: Context, bi: int) -> str:
    span = ctx.layout.blocks[bi].span
    return ctx.text[span.start : span.end].strip()


def _question(ctx: Context, bi: int) -> bool:
    """A paragraph that is an interviewer's question: "Q: …", or a short line ending with a
    question mark that is no quotation."""
    para = _block_text(ctx, bi)
    if not para or para[0] in OPEN_MARKS:
        return False
    if _Q_LABEL.match(para):
        return True
    return para.endswith("?") and len(para.split()) <= MAX_QUESTION_WORDS


def _interviewee(
    found: list[Candidate], before: int, people: People
) -> tuple[ActorRef, SpacySpan] | None:
    quoted: Counter[str] = Counter()
    spans: dict[str, tuple[ActorRef, SpacySpan]] = {}
    for c in found:
        actor = c.actor
        if c.start >= before or not isinstance(actor, ActorRef) or c.speaker is None:
            continue
        if actor.kind != ActorKind.PERSON or c.speaker.root.pos_ == "PRON":
            continue
        quoted[actor.name] += 1
        spans.setdefault(actor.name, (actor, c.speaker))
    if quoted:
        return spans[quoted.most_common(1)[0][0]]
    return people.most_named(0, before)


def _narrates(
    ctx: Context, found: list[Candidate], actor: ActorRef, start: int, end: int, people: People
) -> bool:
    """Whether a paragraph is narration about the interviewee, not their answer: it names
    them outside quotations, or quotes them with a cue ("…, she said")."""
    para = ctx.text[start:end].rstrip()
    if not para.endswith((".", "?", "!", "”", '"', "’", "'", "…")):
        return True  # a line of furniture ("Related Articles"), no answer
    if _INTERVIEW.search(para):
        return True  # "This interview has been edited for length and clarity."
    for c in found:
        if (
            start <= c.start < end
            and c.cue is not None
            and c.rule in ("verb", "according", "colon")
            and c.speaker is not None
            and c.speaker.root.lower_ not in ("i", "we")
            and not any(t.lower_ in _FIRST_PERSON for t in c.speaker)
            and not c.speaker.root.is_space
        ):
            return True  # "…, he said", "X said in a statement that …": reported speech
    for si in range(ctx.sentence_at(start), len(ctx.layout.sentences)):
        if si < 0 or ctx.layout.sentences[si].start_char >= end:
            break
        if people.names_in(actor, si):
            return True
    return False
