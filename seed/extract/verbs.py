"""Attributions introduced by a speech verb, direct or indirect, over the dependency parse.

- cue before the content: "X said (that) …", "X stressed that …", "X told Y that …",
  "X said: “…”", "…, saying, “…”"; nominal contents for the verbs whose lexicon frames allow
  them ("dismissed claims that …", "described the measures as …", "called for …",
  "accused X of …");
- cue after the content: "“…,” X said", "“…,” said X", "…, the source added";
- cue inside a quotation: "“…,” he said, “…”" (one attribution, two fragments);
- "the office quoted X as saying …" (the speaker is the one quoted);
- participles continuing a statement ("…, adding that …", "…, noting that …") share the
  speaker of the verb they hang on, and their clause is cut out of that verb's content.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from spacy.attrs import LEMMA
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from seed.extract.base import Candidate, Context
from seed.extract.lexicon import VerbFrames
from seed.extract.phrases import (
    agent,
    child,
    coordinated,
    core_np,
    passive_subject,
    proper_run_start,
    subject,
)
from seed.extract.quotes import CLOSE_MARKS, OPEN_MARKS
from seed.segment import BlockRole

#: dependency labels through which a speakerless verb takes the subject of its governor
_INHERIT_DEPS = {"advcl", "xcomp", "conj", "pcomp", "prep", "ccomp", "acl", "parataxis", "dep"}
_WH = {"what", "which", "who", "whom", "whatever", "how"}
#: prepositions whose gerund still reports ("as saying", "before adding: “…”")
_REPORTING_PREPS = frozenset({"as", "while", "with", "before", "after"})
_COMPLEMENTS = ("oprd", "xcomp", "ccomp", "acomp")
#: what a speaker did not do in "…, without giving details"
_TELLING = frozenset(
    {"give", "provide", "elaborate", "offer", "say", "name", "specify", "disclose", "explain",
     "cite", "reveal", "identify", "comment", "present", "share", "detail"}
)  # fmt: skip
#: words that open an adjunct of the reporting clause, not the rest of the reported one
_NOT_CONTINUATIONS = frozenset(
    {
        "according", "while", "as", "after", "before", "ahead", "during", "in", "on", "at",
        "citing", "when", "because", "though", "although", "since", "without", "with", "amid",
        "despite", "following", "speaking", "adding", "noting",
    }
)  # fmt: skip
#: verbs that render someone's words "as saying": the one quoted is the speaker
_QUOTING = frozenset({"quote", "report", "cite"})
#: entity labels that name an actor
_ACTOR_ENTS = ("PERSON", "ORG", "GPE", "NORP")
#: nouns of areas a title is of ("Akim of Abai region X")
_AREAS = frozenset({"region", "province", "district", "county", "state", "city", "oblast"})
#: verbs whose object is the person addressed ("told reporters …", "assured investors …")
_ADDRESSING = frozenset({"tell", "inform", "assure", "remind", "brief", "notify"})
_XCOMP_VERBS = {"urge", "promise", "vow", "pledge", "threaten"}
#: tokens of a first "subject" long enough to be a misread clause (see _clause_then_subject)
_LONG_CONJUNCT = 10
#: finite verb tags: a clause, not a gerund or participle phrase
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: the cue's dependents that belong to the reporting chunk ("she told the jury on Monday")
_CHUNK_DEPS = frozenset({"advmod", "prt", "dobj", "dative", "npadvmod", "prep", "agent"})
#: the longest reporting chunk a quotation may be split by ("“A,” she told … , “B”")
MAX_INTERRUPTION = 200


#: gatherings, which say nothing themselves
_EVENTS = frozenset({"demonstration", "rally", "march", "vigil", "protest", "sit-in"})
#: texts whose "says" states a rule, not anyone's words ("the current law says …")
_LAWS = frozenset(
    {"law", "constitution", "legislation", "statute", "regulation", "charter", "clause", "rule"}
)


def _names_actor(head: Token) -> bool:
    if head.pos_ == "PROPN" or head.ent_type_ in _ACTOR_ENTS:
        return True
    return head.tag_ == "NN" and any(c.lower_ == "the" or c.dep_ == "poss" for c in head.children)


def _clause(head: Token) -> bool:
    """Whether a complement is a clause of words, not debris the parser took for one, nor
    an open question ("time will tell whether …")."""
    if head.left_edge.lower_ in ("whether", "if") or head.left_edge.lower_ in _WH:
        return False  # an open question, or "rejected what he called …"
    words = [t for t in head.subtree if t.is_alpha]
    # "demanding that the government brief parliament": a "that" clause whose verb the
    # tagger took for another word is a clause all the same
    return len(words) >= 3 and (
        head.left_edge.lower_ == "that" or any(t.pos_ in ("VERB", "AUX") for t in head.subtree)
    )


def find(ctx: Context) -> list[Candidate]:
    found: list[Candidate] = []
    by_cue: dict[int, Candidate] = {}
    doc = ctx.doc
    # only the tokens whose lemma is a cue's are looked at (no Token object for the rest)
    strings = doc.vocab.strings
    wanted = {strings.add(v) for lemma in ctx.lex.verbs for v in (lemma, lemma.capitalize())}
    lemmas = doc.to_array(LEMMA)
    for i in np.flatnonzero(np.isin(lemmas, list(wanted))).tolist():
        si = ctx.sentence_of[i]
        if si < 0 or not ctx.eligible_sentence(si):
            continue
        tok = doc[i]
        cand = _candidate(ctx, tok, si)
        if cand is not None:
            found.append(cand)
            by_cue[tok.i] = cand
    # a participle or a coordinated verb without a subject shares the speaker of the cue
    # it hangs on ("…, adding that"), else takes the subject of its governing verb
    dropped: set[int] = set()  # ids of verbs of reported words
    for cand in found:
        if cand.speaker is None and cand.parent is None and cand.cue is not None:
            named = _name_before(cand.cue)
            if named is not None:
                cand.speaker = core_np(named)
                continue
            outer = _outermost_cue(cand.cue, by_cue)
            if outer is not None and outer is not cand:
                cand.parent = outer
                continue
            subj: Token | None = None
            gov = _governor(cand.cue)
            while gov is not None:
                if gov.i in by_cue and by_cue[gov.i] is not cand:
                    outer = by_cue[gov.i]
                    if any(a <= cand.cue.idx < b for a, b in outer.fragments) and not any(
                        c.dep_ == "ccomp" for c in cand.cue.children
                    ):
                        # "said Tehran had received nothing and would respond …": a verb of
                        # the reported words, not a report of its own (but "says it will
                        # appeal and warns plans could suffer": a report, misparsed)
                        dropped.add(id(cand))
                        break
                    cand.parent = outer
                    break
                holder = _next_act_of(ctx, found, gov, cand)
                if holder is not None:
                    cand.parent = holder
                    break
                subj = subj or subject(gov, skip=ctx.inside_quote)
                gov = _governor(gov)
            if id(cand) in dropped:
                continue
            if subj is None and cand.parent is None:
                # "X making a statement yesterday said …": the parser took the speaker's
                # participial modifier for a clause of its own, with X as its subject
                # ("Several voters interviewed outside polling stations said …")
                subj = _issuer(ctx, cand.cue) or _stray_subject(ctx, cand.cue)
                for c in cand.cue.lefts:
                    if (
                        subj is None
                        and c.dep_ in ("advcl", "ccomp")
                        and c.tag_ in ("VBG", "VBN", "VBD")
                    ):
                        subj = subject(c, skip=ctx.inside_quote)
            if cand.parent is None and subj is not None and not _no_one(subj):
                cand.speaker = core_np(_named_subject(subj))
            elif cand.parent is None and subj is None:
                cand.speaker = (
                    _opening_body(ctx, cand.cue)
                    or _name_after_quote(ctx, cand.cue)
                    or (_person_before(ctx, cand.cue) if cand.cue.dep_ == "ROOT" else None)
                )
    return [
        c for c in found if (c.speaker is not None or c.parent is not None) and id(c) not in dropped
    ]


def _frames(ctx: Context, tok: Token) -> VerbFrames | None:
    if tok.pos_ not in ("VERB", "AUX") and not (tok.pos_ == "NOUN" and tok.tag_ == "VBZ"):
        return None
    particles = {c.lower_ for c in _particles(tok)}
    return ctx.lex.frames(tok.lemma_.lower(), particles)


def _particles(tok: Token) -> list[Token]:
    """The verb's particles; "shot back that": the parser may take one for an adverb."""
    return [
        c
        for c in tok.children
        if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ == "back" and c.i == tok.i + 1)
    ]


def _is_cue(ctx: Context, tok: Token) -> bool:
    return _frames(ctx, tok) is not None


def _clause_then_subject(heads: list[Token]) -> bool:
    """Two "subjects" joined by ", and" where the first runs long: a clause of its own the
    parser took for a noun phrase ("Traders … report queues of lorries stretching for
    kilometres, and Niger's finance ministry said"), the second the real subject."""
    if len(heads) != 2:
        return False
    first, last = heads
    doc = first.doc
    cc = next((t for t in first.rights if t.dep_ == "cc" and t.i < last.i), None)
    return (
        cc is not None
        and doc[cc.i - 1].text == ","
        and cc.i - first.left_edge.i >= _LONG_CONJUNCT
        and _names_actor(last)
    )


def _outermost_cue(cue: Token, by_cue: dict[int, Candidate]) -> Candidate | None:
    """ "He dismissed reports that Iran had moved …, calling them …": a participle set off by
    a comma at the end of a sentence continues the statement of the sentence's outermost
    cue, whatever clause the parser hung it on."""
    if cue.tag_ != "VBG" or cue.i == 0 or cue.doc[cue.left_edge.i - 1].text != ",":
        return None
    if cue.right_edge.i + 1 < len(cue.doc) and not cue.doc[cue.right_edge.i + 1].is_punct:
        return None
    outer = [by_cue[a.i] for a in cue.ancestors if a.i in by_cue]
    return outer[-1] if outer else None


def _next_act_of(
    ctx: Context, found: list[Candidate], gov: Token, cand: Candidate
) -> Candidate | None:
    """ "X said in a statement that high borrowing costs were pushing … and called for …":
    a cue the parser hung on a verb of another's reported words, right after where those
    words end (at the conjunction), is that speaker's next act."""
    if cand.cue is None:
        return None
    for other in found:
        if other is cand or not other.fragments or other.parent is not None:
            continue
        end = other.fragments[-1][1]
        if not any(a <= gov.idx < b for a, b in other.fragments) or end > cand.cue.idx:
            continue
        between = ctx.text[end : cand.cue.idx].replace(",", " ").split()
        if between and between[0] in ("and", "but") and len(between) <= 2:
            return other
    return None


def _governor(tok: Token) -> Token | None:
    h = tok
    for _ in range(3):
        if h.dep_ not in _INHERIT_DEPS or h.head.i == h.i:
            return None
        h = h.head
        if h.pos_ in ("VERB", "AUX"):
            return h
    return None


def _candidate(ctx: Context, tok: Token, si: int) -> Candidate | None:
    frames = _frames(ctx, tok)
    if frames is None or ctx.inside_quote(tok) or ctx.excluded(tok.idx):
        return None
    if any(c.dep_ == "neg" for c in tok.children):
        return None
    if tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.lower_ not in _REPORTING_PREPS:
        return None  # "by calling on employees to …", "for saying …": a means, not a report
    if tok.dep_ in ("amod", "compound") or (tok.dep_ in ("acl", "relcl") and tok.tag_ == "VBN"):
        return None
    lemma = tok.lemma_.lower()
    sent = ctx.layout.sentences[si]

    # "quoted X as saying": the cue is "quoted … as saying", the speaker X
    if tok.dep_ == "pcomp" and _quoting_verb(tok) is not None:
        return None
    quoted = None
    as_prep = child(tok, "prep", text="as")
    saying = child(as_prep, "pcomp") if as_prep is not None else None
    if lemma in _QUOTING and saying is not None and _frames(ctx, saying) is not None:
        # "the statement reported him as telling …", "was quoted as saying …"
        quoted = child(tok, "dobj") or passive_subject(tok)
    if lemma == "quote" and quoted is None:
        return None

    speaker_tok: Token | None = None
    if quoted is not None:
        speaker_tok = quoted
    else:
        speaker_tok = subject(tok, skip=lambda t: ctx.inside_quote(t) or ctx.excluded(t.idx))
        if speaker_tok is None:
            speaker_tok = _appositive_speaker(ctx, tok)
        if speaker_tok is None and passive_subject(tok) is not None:
            speaker_tok = agent(tok)
            if speaker_tok is None:
                return None  # "was accused of …" with no accuser
    if speaker_tok is not None and (
        speaker_tok.lower_ in _WH and not speaker_tok.is_upper or _no_one(speaker_tok)
    ):
        return None
    if speaker_tok is not None and speaker_tok.pos_ == "NOUN" and speaker_tok.lemma_ in _EVENTS:
        return None  # "A smaller demonstration … called for …": no one speaks
    if speaker_tok is not None and speaker_tok.lemma_.lower() in _LAWS:
        return None  # "The current law says that …": a rule, not words said
    if speaker_tok is not None:
        speaker_tok = _named_subject(speaker_tok)
    run = _subject_run(tok, speaker_tok) if quoted is None else None

    cand = Candidate(rule="verb", fragments=[], sentence=si, cue=tok)
    fronted = _fronted_bodies(ctx, tok, sent) if speaker_tok is None else None
    if fronted is not None:
        # "Save the Children and Plan International said", "Save" parsed as a verb
        cand.speaker, cand.co_speakers = fronted[0], fronted[1:]
    if run is not None:
        # "DP floor spokesperson Lee Ha-na said", parsed as three subjects side by side
        cand.speaker, speaker_tok = run, run[0]
    elif speaker_tok is not None:
        # "Biden and Iraq’s prime minister": a possessor parsed as a conjunct is not one
        heads = [
            h for h in coordinated(speaker_tok) if not any(c.dep_ == "case" for c in h.children)
        ]
        # "Biden and al-Kadhimi", "the government and the Coalition for …": each names an
        # actor, so the statement is joint; "militias and politicians" is one group
        proper = [h for h in heads if _names_actor(h)]
        whole = _whole_name(core_np(speaker_tok), tok)
        if whole.end == tok.i and whole.end > core_np(speaker_tok).end:
            cand.speaker = whole  # "Datuk Seri Nor Azlina …": "Nor" is no conjunction
        elif len(heads) > 1 and len(proper) == len(heads):
            first = core_np(heads[0])
            cc = next((c.i for c in heads[0].rights if c.dep_ in ("cc", "punct")), None)
            joint = any(t.lower_ in ("joint", "jointly") for t in sent)
            if joint and cc is not None and first.start < cc < first.end:
                # "In a joint statement, Byron Shire Council and Homes NSW said": two bodies
                # NER took for one name (not "the Garment Manufacturers and Exporters
                # Association")
                cand.speaker = tok.doc[first.start : cc]
                cand.co_speakers = [_conjunct_np(h) for h in heads[1:]]
            else:
                cand.speaker = first
                cand.co_speakers = [core_np(h) for h in heads[1:]]
        elif _clause_then_subject(heads):
            # "Traders at the border report queues …, and the ministry acknowledged": a
            # clause the parser misread, then the cue's subject
            cand.speaker = core_np(heads[-1])
        elif len(heads) > 1:
            # "militias and politicians": one group, described by the whole phrase
            first, last = core_np(heads[0]), core_np(heads[-1])
            cand.speaker = tok.doc[first.start : last.end]
        else:
            cand.speaker = whole
        pair = _joint_pair(cand.speaker, tok)
        if pair is not None:
            cand.speaker, cand.co_speakers = pair[0], [pair[1]]

    content = None
    left = False
    after_colon = _quote_after_colon(ctx, tok) if frames.clause or frames.quote_only else None
    if after_colon is not None:
        # "…, adding: “It won't work.”": the quotation the colon opens, not the words before
        content = after_colon
    elif (frames.clause or frames.quote_only) and _quote_ends_before(ctx, tok, sent, speaker_tok):
        # "“…,” X told thousands of supporters gathered …": the quotation is the content,
        # whatever the parser hangs on the cue's right
        content, left = _left_content(ctx, tok, sent, speaker_tok), True
    if content is None:
        content, left = _right_content(ctx, tok, frames, sent), False
        second = _second_clause(ctx, tok, content) if content is not None else None
        if second is not None:
            content = _finish_second(ctx, content, second, tok)
    if content is None and (frames.clause or frames.quote_only) and tok.tag_ != "VBG":
        content, left = _left_content(ctx, tok, sent, speaker_tok), True
    if content is None:
        return None
    fragments = [content]
    rest = _parenthetical(ctx, tok, sent, content) if left else None
    if rest is not None:
        fragments.append(rest)
    elif left and not _has_words(ctx, content):
        return None  # "In an interview on Thursday, the minister responded …": no words
    if frames.quote_only and ctx.kind(fragments).value != "direct":
        return None
    more = _interrupted(ctx, tok, content)
    if more is not None:
        fragments.append(more)
    cand.fragments = fragments
    cand.kind = ctx.kind(fragments)
    cand.cue_text, cand.cue_span = _cue_words(ctx, tok, quoted)
    return cand


def _simple_past(verb: Token) -> bool:
    """ "gave", "did not rule out": the simple past, not a perfect or a modal form."""
    aux = [a for a in verb.children if a.dep_ in ("aux", "auxpass") and a.i < verb.i]
    if aux:
        return aux[0].lower_ == "did"
    return verb.tag_ == "VBD"


def _auxiliaries(verb: Token) -> tuple[str, ...]:
    return tuple(a.lemma_.lower() for a in verb.children if a.dep_ == "aux" and a.i < verb.i)


def _narrated_conjunct(ctx: Context, head: Token, cue: Token) -> int | None:
    """Where a reported clause ends before a verb phrase of the writer's: a conjunct without
    a subject in the simple past ("did not", or after "but") after a clause in another
    tense ("he would “wait …” and did not rule out a recount", "it had responded, but gave
    no details"), or one whose verb reports speech ("said Kigali welcomed the step and
    repeated that …": the speaker's next act), or one in the cue's own perfect ("has said
    any use would amount to theft and has threatened legal action"). The index of its
    conjunction (or of the comma before it)."""
    if head.pos_ not in ("VERB", "AUX"):
        return None
    for c in head.rights:
        if c.dep_ != "conj" or c.pos_ not in ("VERB", "AUX"):
            continue
        if subject(c) is not None or passive_subject(c) is not None:
            continue
        own = _auxiliaries(c)
        cue_form = "have" in own and own == _auxiliaries(cue) != _auxiliaries(head)
        if not cue_form and not _simple_past(c):
            continue
        cc = [t for t in head.rights if t.dep_ == "cc" and t.i < c.i]
        did = any(a.lower_ == "did" for a in c.children)
        frames = _frames(ctx, c)
        speech = (
            frames is not None
            and not ctx.inside_quote(c)
            and not (frames.quote_only and not any(ctx.inside_quote(t) for t in c.subtree))
        )
        if not cc or not (
            speech or cue_form or (did or cc[-1].lower_ == "but") and not _simple_past(head)
        ):
            continue
        j = cc[-1].i
        doc = head.doc
        return j - 1 if j > 0 and doc[j - 1].text == "," else j
    return None


def _next_report(ctx: Context, t: Token) -> int | None:
    """ "said Beirut would submit a plan … to return 15,000 refugees a month and called on
    UNHCR to …": a report in the simple past, with no subject, that the parser hung on a
    verb of the reported words (one of another tense, and no cue) is the speaker's next
    act. The index of its conjunction."""
    head = t.head
    if (
        t.dep_ != "conj"
        or t.tag_ != "VBD"
        or head.pos_ != "VERB"
        or subject(t) is not None
        or ctx.inside_quote(t)
        or _frames(ctx, t) is None
        or _simple_past(head)
        or _frames(ctx, head) is not None
    ):
        return None
    cc = [c for c in head.rights if c.dep_ == "cc" and c.i < t.i]
    return cc[-1].i if cc and cc[-1].lower_ == "and" else None


def _second_clause(ctx: Context, tok: Token, content: tuple[int, int]) -> Token | None:
    """A second reported clause the parser hung on the cue, right after the first: "said in
    a statement that X, and that Y"; one with a subject that names no actor; without one,
    one in the speaker's words ("said it was in contact … and stood “in full solidarity”
    with Vilnius") or with a modal ("said Iran was satisfied but would judge the Taliban …"). A verb phrase of the
    writer's ("has said X and has threatened legal action", "said X but gave no details")
    is none."""
    doc = ctx.doc
    for c in tok.rights:
        if c.dep_ != "conj" or c.pos_ not in ("VERB", "AUX") or c.left_edge.idx < content[1]:
            continue
        between = [t for t in doc[tok.i + 1 : c.left_edge.i] if t.idx >= content[1]]
        words = [t for t in between if not t.is_punct]
        if len(words) != 1 or words[0].lower_ not in ("and", "but") or words[0].dep_ != "cc":
            return None
        if _is_cue(ctx, c) or c.lemma_.lower() in _TELLING:
            return None
        if any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            return c
        subj = subject(c) or passive_subject(c)
        if subj is not None:
            # "said the government “respects the judiciary” but the case “will be pursued on
            # merit”": a clause of its own, not a new actor's act
            named = subj.pos_ in ("PRON", "PROPN") or subj.ent_type_ in _ACTOR_ENTS
            return None if named or any(_is_cue(ctx, t) for t in c.subtree) else c
        aux = [a for a in c.children if a.dep_ in ("aux", "auxpass") and a.i < c.i]
        if aux and aux[0].tag_ == "MD" or any(ctx.inside_quote(t) for t in c.subtree):
            return c
        # "said the law was “country-agnostic” and was about …": the reported clause's own
        # verb again, in its tense
        if any(r.dep_ == "ccomp" and (r.lemma_, r.tag_) == (c.lemma_, c.tag_) for r in tok.rights):
            return c
        return None
    return None


def _finish_second(
    ctx: Context, content: tuple[int, int], second: Token, cue: Token
) -> tuple[int, int]:
    """The content running on to the end of its second clause."""
    tail = _tokens_content(ctx, range(second.left_edge.i, second.right_edge.i + 1), cue)
    return (content[0], tail[1]) if tail is not None else content


def _has_words(ctx: Context, span: tuple[int, int]) -> bool:
    """Whether a content before its cue says something: a quotation, or a clause with a
    verb (not an adjunct such as "In an interview on Thursday")."""
    if ctx.quotes_within(*span):
        return True
    words = ctx.doc.char_span(*span, alignment_mode="expand")
    return words is None or any(t.pos_ in ("VERB", "AUX") for t in words)


def _fronted_bodies(ctx: Context, cue: Token, sent: SpacySpan) -> list[SpacySpan] | None:
    """The bodies opening a sentence whose cue the parser left without a subject, where
    a body's name reads as a verb ("Save the Children and Plan International said"): the
    body NER labelled at the start, and a name after "and" up to the cue."""
    doc = cue.doc
    ent = next((e for e in doc.ents if e.start == sent.start and e.label_ == "ORG"), None)
    if ent is None or ent.end > cue.i or ctx.inside_quote(ent.root):
        return None
    rest = doc[ent.end : cue.i]
    if not len(rest):
        return [ent]
    if rest[0].lower_ != "and" or len(rest) < 2 or not all(t.is_title for t in rest[1:]):
        return None
    return [ent, rest[1:]]


def _joint_pair(speaker: SpacySpan, cue: Token) -> tuple[SpacySpan, SpacySpan] | None:
    """ "Refugees International and Human Rights First said in a joint statement": two
    bodies NER took for one name, split at its "and" where the cue says the statement is
    joint and each side is a name of two words or more."""
    doc = cue.doc
    root = speaker.root
    if root.pos_ != "PROPN" or not any(t.lower_ in ("joint", "jointly") for t in cue.subtree):
        return None
    # the parser may leave the first word out of the sentence ("Refugees" + "International …")
    name = doc[proper_run_start(doc[min(root.left_edge.i, speaker.start)]) : root.i + 1]
    while len(name) and name[0].lower_ == "the":
        name = name[1:]
    ands = [t.i for t in name if t.lower_ in ("and", "&")]
    if len(ands) != 1 or not all(t.is_title or t.i == ands[0] for t in name):
        return None
    first, second = doc[name.start : ands[0]], doc[ands[0] + 1 : name.end]
    if any(len(side) < 2 for side in (first, second)):
        return None
    return first, second


def _conjunct_np(head: Token) -> SpacySpan:
    """A conjunct's noun phrase, from after the "and" before it (NER may take "X and Y"
    for one name, which the phrase would reach back over)."""
    np_ = core_np(head)
    cc = max((t.i for t in np_ if t.dep_ == "cc" and t.i < head.i), default=None)
    return np_ if cc is None else head.doc[cc + 1 : np_.end]


def _whole_name(speaker: SpacySpan, cue: Token) -> SpacySpan:
    """ "Minister Datuk Seri Nor Azlina Mohd Yusof said": proper nouns the parser left
    between the speaker's head and the cue still belong to the name."""
    doc = cue.doc
    end = speaker.end
    if speaker.root.pos_ != "PROPN" or end >= cue.i:
        return speaker
    if all(t.is_title and t.is_alpha for t in doc[end : cue.i]):
        return doc[speaker.start : cue.i]
    return speaker


def _subject_run(cue: Token, subj: Token | None) -> SpacySpan | None:
    """The whole phrase where the parser made several words before the cue its subjects
    ("spokesperson", "Ha", "na"), none set off from the next by more than names."""
    if subj is None:
        return None
    doc = cue.doc
    subjects = [c for c in cue.children if c.dep_ == "nsubj" and c.i <= subj.i]
    if len(subjects) < 2:
        return None
    start = subj.left_edge.i
    for other in reversed(subjects[:-1]):
        between = doc[other.i + 1 : start]
        if other.i >= start or any(
            not (t.pos_ == "PROPN" or t.text in "-‐" or t.dep_ == "compound") for t in between
        ):
            break
        start = other.left_edge.i
    return doc[start : subj.i + 1] if start < subj.left_edge.i else None


def _named_subject(subj: Token) -> Token:
    """ "Reacting, the Borno State Governor, X, commended …": the parser took the opening
    participle for the subject and the speaker for its apposition; people described, then
    named ("PTI leaders A and B called")."""
    if subj.lower_.endswith("ing") and subj.tag_ in ("NN", "VBG") and subj.is_title:
        appos = child(subj, "appos", "conj") or _name_in_apposition(subj)
        if appos is not None and appos.i > subj.i:
            return appos
    if subj.tag_ == "NNS":
        # "PTI leaders Arbab Sher Ali and Mehmood Jan Yousafzai … called": the people named
        appos = child(subj, "appos")
        if appos is not None and appos.ent_type_ == "PERSON" and child(appos, "conj") is not None:
            return appos
    if subj.lower_ == "one" and child(subj, "prep", text="of") is not None:
        # "One of the companies, Himgiri Lifesciences, said": the one named
        appos = child(subj, "appos")
        if appos is not None and appos.pos_ == "PROPN":
            return appos
    if subj.pos_ == "PROPN":
        return _member_named(subj) or _titled_member(subj) or subj
    return _titled_member(subj) or subj


def _person_of(tok: Token) -> Token | None:
    """A person's name the parser took for what ``tok`` is of ("Member of the Mazhilis
    Askar X", "Pharmaceutical Society of Kenya (PSK) president Dr Faith X")."""
    of = child(tok, "prep", text="of")
    named = child(of, "pobj") if of is not None else None
    if named is None or named.ent_type_ != "PERSON" or named.pos_ != "PROPN":
        return None
    return named


def _titled_member(subj: Token) -> Token | None:
    """ "Official representative of the Foreign Ministry Aidos Kuanyshev noted", "Member of
    the Mazhilis Askar Temirbekov said": the person a title of a body names, parsed as what
    the title is of, NER labelling the name apart from the body's."""
    named = _person_of(subj)
    if named is None:
        return None
    before = [t for t in named.lefts if t.dep_ == "compound" and t.ent_type_ != "PERSON"]
    # ("Akim of Abai region Yerlan Dauletov": a body's or a place's name)
    if not before or not all(t.pos_ == "PROPN" or t.lemma_ in _AREAS for t in before):
        return None
    return named


def _member_named(body: Token) -> Token | None:
    """ "Samagi Jana Balawegaya (SJB) MP Ishara Gunasekera accused": the person a party's
    or firm's name describes, which the parser made the subject; "economist Anushka
    Fernando of research firm Lanka Macro Insights said": the person, parsed as a modifier
    of the firm's name."""
    doc = body.doc
    named = _person_of(body)
    if (
        named is not None
        and named.right_edge.i == body.right_edge.i
        and any(t.dep_ == "compound" and t.is_lower for t in doc[named.head.i + 1 : named.i])
    ):
        # "Pharmaceutical Society of Kenya (PSK) president Dr Faith Owuor said", the
        # person parsed as what the body is of
        return named
    for c in body.children:
        if c.ent_type_ != "PERSON" or c.pos_ != "PROPN":
            continue
        if (
            c.dep_ == "nmod"
            and c.i < body.i
            and child(c, "prep", text="of") is not None
            and c.ent_iob_ == "I"  # a whole name, not a title NER took for one ("Akim of")
        ):
            return c
        between = doc[body.i + 1 : c.i]
        role = any(
            t.dep_ == "compound" and not t.ent_type_ and t.i >= c.left_edge.i for t in between
        )
        if c.dep_ == "appos" and c.i > body.i and role and not any(t.text == "," for t in between):
            return c
    return None


def _name_in_apposition(phrase: Token) -> Token | None:
    """ "Writing on X, Declan Farrow, the MP for …": the first person's name set in
    apposition inside a participle's phrase."""
    for a in phrase.subtree:
        if a.dep_ == "appos" and a.ent_type_ == "PERSON" and a.pos_ == "PROPN":
            return a
    return None


def _name_before(cue: Token) -> Token | None:
    """ "…, the Chief of Army Staff, Lt. Gen. X, vowed to …": a person's name set off by
    commas right before a speakerless cue, attached by the parser to another verb."""
    doc = cue.doc
    j = cue.i - 1
    if j < 1 or doc[j].text != ",":
        return None
    name = doc[j - 1]
    clause_subject = name.dep_ == "pobj" and name.head.lower_ in ("as", "while", "when", "after")
    if (
        name.pos_ != "PROPN"
        or (name.dep_ not in ("npadvmod", "appos", "dep") and not clause_subject)
        or name.head.i == cue.i
    ):
        return None  # ("The row came as the Tánaiste, X, confirmed": X, read as "as"'s object)
    if cue.tag_ == "VBG" and name.dep_ == "appos" and name.head.dep_ in ("dobj", "pobj"):
        return None  # ("80 MPs signed a motion to impeach the minister, X, accusing him …")
    first = proper_run_start(name)
    if first > 0 and doc[first - 1].text != ",":
        return None  # ("the software group Stratacore, saying": set off on one side only)
    # a person, or a run of proper nouns NER gave another label ("Lt. Gen. Olufemi X")
    run = [t for t in core_np(name) if t.pos_ == "PROPN"]
    return name if name.ent_type_ == "PERSON" or len(run) >= 3 else None


def _issuer(ctx: Context, cue: Token) -> Token | None:
    """ "The union issued a joint statement saying …": who issued the statement."""
    noun = cue.head
    if (
        cue.dep_ != "acl"
        or cue.tag_ != "VBG"
        or noun.dep_ != "dobj"
        or noun.lemma_.lower() not in ctx.lex.statement_nouns
    ):
        return None
    return subject(noun.head, skip=ctx.inside_quote)


def _stray_subject(ctx: Context, cue: Token) -> Token | None:
    """ "The minister declined to say …, but a senior official at the company, who asked
    not to be named, said …": the noun phrase that ends right before the cue, which the
    parser hung on the clause before it ("In a statement sent to the Daily Courier, CMC
    denied …", the body taken for an apposition to the paper)."""
    doc = cue.doc
    end = cue.i - 1 if cue.i > 0 and doc[cue.i - 1].text == "," else cue.i
    for t in doc[cue.sent.start : end]:
        # ("Two years after a fire …, killing 77 people, the City of Johannesburg says":
        # the body taken for an apposition to the people)
        apposed = t.dep_ == "appos" and doc[t.left_edge.i - 1].text == ","
        if (
            t.pos_ in ("NOUN", "PROPN")
            and (t.dep_ in ("dep", "npadvmod") or apposed)
            and t.head.i < cue.i
            and t.right_edge.i == end - 1
            and (any(c.dep_ == "det" for c in t.lefts) or _names_actor(t))
            and not ctx.inside_quote(t)
        ):
            return t
    return None


def _person_before(ctx: Context, cue: Token) -> SpacySpan | None:
    """ "In Kismayo, regional president X - often at odds with Mogadishu - said": where the
    parse leaves the sentence's speech verb with no subject at all, the one person named
    before it in the sentence, outside quotations."""
    sent = cue.sent
    named = [
        e
        for e in ctx.ents_in(sent.start_char, cue.idx, ("PERSON",))
        if not ctx.inside_quote(e.root)
    ]
    doc = cue.doc
    if len({e.text for e in named}) != 1 and not (named and _runs_to_cue(named[-1].root, cue)):
        # ("In a settlement near Bar Elias, Khaled al-Omar, 52, from Homs, said": the
        # name, with all it has in apposition, reaching the cue)
        return None
    end = named[-1].end
    while end < cue.i and doc[end].pos_ == "PROPN" and doc[end].is_title:
        end += 1  # "Ahmed Mohamed" + "Islaan Madoobe", which NER left out
    return doc[named[-1].start : end]


def _opening_body(ctx: Context, cue: Token) -> SpacySpan | None:
    """ "Save the Children accused …": the body whose name opens the sentence right before
    the cue, which the parser took for a clause of its own."""
    ent = ctx.ent_at(cue.sent[0])
    if ent is None or ent.label_ != "ORG" or ent.start != cue.sent.start or ent.end != cue.i:
        return None
    return ent


def _name_after_quote(ctx: Context, cue: Token) -> SpacySpan | None:
    """ "“He promised,” said Rima Sfeir, whose brother … was killed": the name right after
    a cue that follows a quotation, which the parser made the subject of a clause after."""
    doc = cue.doc
    if cue.i < 2 or cue.i + 1 >= len(doc) or not doc[cue.i - 1].is_quote:
        return None
    if doc[cue.i - 2].text not in (",", "?", "!"):
        return None  # ("“How can any factory plan?” asked X": the question's speaker)
    ent = ctx.ent_at(doc[cue.i + 1])
    if ent is not None and ent.start == cue.i + 1 and ent.label_ in ("PERSON", "ORG"):
        return ent
    # "asked MAN Director-General Adebola X": a title of proper nouns, then the person
    j = cue.i + 1
    while j < min(cue.i + 6, len(doc)) and (doc[j].pos_ == "PROPN" or doc[j].text == "-"):
        ent = ctx.ent_at(doc[j])
        if ent is not None and ent.start == j and ent.label_ == "PERSON" and j > cue.i + 1:
            return doc[cue.i + 1 : ent.end]
        j += 1
    return None


def _runs_to_cue(name: Token, cue: Token) -> bool:
    """Whether a name set off by a comma runs, with its own phrases, up to the cue."""
    doc = cue.doc
    edge = name.right_edge.i
    return (
        name.dep_ == "appos"
        and doc[name.left_edge.i - 1].text == ","
        and (edge + 1 == cue.i or (edge + 2 == cue.i and doc[edge + 1].text == ","))
    )


def _no_one(tok: Token) -> bool:
    """ "Nobody should go to jail for saying …", "no one said": a speaker that is no one."""
    return tok.lower_ in ("nobody", "none", "noone", "anybody", "anyone") or any(
        c.dep_ == "det" and c.lower_ == "no" for c in tok.children
    )


def _appositive_speaker(ctx: Context, tok: Token) -> Token | None:
    """ "“This trial,” Marsh, who has …, told the jury": the parser took the quoted words
    for the subject and the speaker for their apposition."""
    for c in tok.lefts:
        if c.dep_ == "nsubj" and ctx.inside_quote(c):
            for a in c.rights:
                if a.dep_ == "appos" and not ctx.inside_quote(a) and a.pos_ in ("PROPN", "NOUN"):
                    return a
        if c.dep_ == "advcl" and c.tag_ == "VBG" and subject(c) is None:
            # "Writing on X, Declan Farrow, the MP for …, said": the name taken for an
            # apposition inside the participle's phrase
            name = _name_in_apposition(c)
            if name is not None:
                return name
    return None


def _quoting_verb(tok: Token) -> Token | None:
    """For "saying" in "quoted X as saying", the verb "quoted"."""
    h = tok
    for _ in range(3):
        if h.head.i == h.i:
            return None
        h = h.head
        if h.lemma_.lower() in _QUOTING:
            return h
    return None


def _cue_words(ctx: Context, tok: Token, quoted: Token | None) -> tuple[str, tuple[int, int]]:
    """The cue as written: the verb with its particle ("pointed out"), or "quoted … as
    saying" around the one quoted."""
    words = [tok, *_particles(tok)]
    as_prep = child(tok, "prep", text="as") if quoted is not None else None
    if as_prep is not None:
        words += [as_prep] + [c for c in as_prep.children if c.dep_ == "pcomp"]
    words.sort(key=lambda t: t.i)
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    if as_prep is not None:
        return " ".join([tok.text, "…", *(w.text for w in words[1:])]), (start, end)
    return ctx.text[start:end], (start, end)


# -- content after the cue ------------------------------------------------------------


def _label_before_object(ctx: Context, tok: Token) -> tuple[int, int] | None:
    """ "rejected as “baseless” a report in a newspaper which …": the quoted label before
    the object it is given to; the content runs to the end of the object's phrase, without
    the clause that tells what the object says."""
    doc = ctx.doc
    if child(tok, "dobj") is not None:
        return None
    as_ = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "as"), None)
    pobj = child(as_, "pobj") if as_ is not None else None
    if as_ is None or pobj is None or as_.i + 2 >= len(doc) or not ctx.inside_quote(doc[as_.i + 2]):
        return None
    label = ctx.quote_at(doc[as_.i + 2].idx)
    if label is None or pobj.idx < label.end:
        return None  # the quotation is the whole object: "as “a disgrace”"
    clauses = {
        i
        for t in pobj.subtree
        if t.dep_ in ("relcl", "acl", "ccomp") and t.idx > label.end
        for i in range(t.left_edge.i, t.right_edge.i + 1)
    }
    end = max(t.i for t in pobj.subtree if t.i not in clauses)
    return _tokens_content(ctx, range(as_.i, end + 1), tok)


def _right_content(
    ctx: Context, tok: Token, frames: VerbFrames, sent: SpacySpan
) -> tuple[int, int] | None:
    doc = ctx.doc
    # a colon or a quotation right after the cue (and its dative, particle, adjuncts)
    quote = _quote_after(ctx, tok, sent)
    if quote is not None:
        return quote
    colon = _colon_after(tok, sent)
    if colon is not None:
        start = doc[colon.i + 1].idx if colon.i + 1 < len(doc) else colon.idx + 1
        return _finish(ctx, ctx.trim(start, sent.end_char))

    inverted = _label_before_object(ctx, tok) if frames.as_ else None
    if inverted is not None:
        return inverted

    if frames.clause or frames.that_only:
        for c in tok.rights:
            if (
                c.dep_ == "ccomp" or (c.dep_ == "xcomp" and tok.lemma_ in _XCOMP_VERBS)
            ) and _clause(c):
                if frames.that_only and c.left_edge.lower_ != "that":
                    continue
                obj = child(tok, "dobj")
                if (
                    obj is not None
                    and obj.right_edge.i + 1 == c.left_edge.i
                    and c.left_edge.lower_ == "that"
                    and _content_noun(obj)
                ):
                    # "dismissed claims that …" (the clause misattached to the verb): the
                    # words are the clause's
                    return _subtree_content(ctx, c, tok)
                if (
                    obj is not None
                    and obj.i < c.i
                    and subject(c) is None
                    and passive_subject(c) is None
                    and tok.lemma_.lower() not in _ADDRESSING
                    and c.left_edge.lower_ != "that"
                    and all(t.is_punct for t in doc[obj.right_edge.i + 1 : c.left_edge.i])
                ):
                    # "say politics, rather than export control, lies behind …": the
                    # parser took the clause's subject for the verb's object
                    end = _comp_end(ctx, c, tok)
                    return _tokens_content(ctx, range(obj.left_edge.i, end + 1), tok)
                return _subtree_content(ctx, c, tok)
        obj = child(tok, "dobj")
        if obj is not None and obj.i > tok.i and frames.clause:
            # "said all releases were “being monitored …”": the clause's verb taken for an
            # adjunct of the cue and its subject for the cue's object
            for c in tok.rights:
                if (
                    c.dep_ == "advcl"
                    and c.i > obj.right_edge.i
                    and c.tag_ in ("VBN", "VBD", "VB")
                    and subject(c) is None
                    and passive_subject(c) is None
                    and child(c, "mark") is None
                    and any(a.dep_ in ("aux", "auxpass") and a.i < c.i for a in c.children)
                    and c.left_edge.i > obj.right_edge.i
                ):
                    return _tokens_content(ctx, range(obj.left_edge.i, c.right_edge.i + 1), tok)
        told = _clause_after_addressee(tok)
        if told is not None:
            return _subtree_content(ctx, told, tok)
        claim = _noun_clause(tok)
        if claim is not None:
            return _subtree_content(ctx, claim, tok)
        misparsed = _venue_relative(ctx, tok, frames)
        if misparsed is not None:
            return _subtree_content(ctx, misparsed, tok)
        obj = child(tok, "dobj")
        if obj is not None and obj.i > tok.i and any(_misread_clause(t, obj) for t in obj.subtree):
            # "said “the last thing” he wanted was …": a clause taken for an object
            return _subtree_content(ctx, obj, tok)
        if obj is not None and obj.i > tok.i and _quoted_words(ctx, obj):
            # "noted “serious irregularities” in several provinces": quoted words as object
            end = obj.right_edge.i
            for r in tok.rights:
                if (
                    r.i == end + 1
                    and r.dep_ == "prep"
                    and not _is_venue(ctx, r)
                    and r.lower_ != "according"
                ):
                    end = r.right_edge.i
            return _tokens_content(ctx, range(obj.left_edge.i, end + 1), tok)
        if tok.lemma_.lower() == "quote":
            as_prep = child(tok, "prep", text="as")
            saying = child(as_prep, "pcomp") if as_prep is not None else None
            if saying is not None:
                for c in saying.rights:
                    if c.dep_ == "ccomp":
                        return _subtree_content(ctx, c, tok)
    obj = child(tok, "dobj")
    if obj is not None and obj.lower_ in _WH:
        # "what he called “dangerous myths”": the words are the complement's
        comp = next((x for x in tok.rights if x.dep_ in _COMPLEMENTS), None)
        if frames.as_ and comp is None:
            # "an offer which it described as “insulting”": the words are the label's
            comp = next((x for x in tok.rights if x.dep_ == "prep" and x.lower_ == "as"), None)
            words = [t.i for t in comp.subtree if t.i != comp.i] if comp is not None else []
            if words:
                return _tokens_content(ctx, words, tok)
        if frames.objcomp and comp is not None:
            label = next((ctx.quote_at(t.idx) for t in comp.subtree if ctx.inside_quote(t)), None)
            if label is not None:
                return (label.start, label.end)
            return _tokens_content(ctx, range(comp.left_edge.i, comp.right_edge.i + 1), tok)
        return None
    if frames.object_preps and obj is not None:
        preps = frames.object_preps
        # ("blamed the ministry for years": how long, not what for)
        ofs = [c for c in (*tok.rights, *obj.rights) if c.dep_ == "prep" and c.lower_ in preps]
        of = next((c for c in ofs if not _duration(c)), None)
        if of is not None:
            return _tokens_content(ctx, range(obj.left_edge.i, of.right_edge.i + 1), tok)
    if frames.as_ and obj is not None:
        as_ = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "as"), None)
        if as_ is not None:
            last = _last_right(ctx, tok, after=as_)
            return _tokens_content(ctx, range(obj.left_edge.i, last.right_edge.i + 1), tok)
        as_ = next((c for c in obj.rights if c.dep_ == "prep" and c.lower_ == "as"), None)
        if as_ is not None:
            # "described Mr. Reddy's remarks as “politically motivated”": "as" on the object
            end = as_.right_edge.i
            while end + 1 < len(doc) and ctx.inside_quote(doc[end]) and doc[end + 1].is_punct:
                end += 1
            return _tokens_content(ctx, range(obj.left_edge.i, end + 1), tok)
    if frames.preps:
        for c in tok.rights:
            mark = child(c, "mark") if c.dep_ == "advcl" else None
            if mark is not None and mark.lower_ in frames.preps and mark.i == c.left_edge.i:
                # "called for the unit to be withdrawn": the preposition opens a clause
                return _tokens_content(ctx, range(mark.i + 1, c.right_edge.i + 1), tok)
            if c.dep_ == "prep" and c.lower_ in frames.preps:
                pobj = child(c, "pobj", "pcomp")
                if pobj is not None and pobj.ent_type_ in ("DATE", "TIME"):
                    continue  # "called on Tuesday for …": when, not whom
                if pobj is not None:
                    # "called on the government to resign": the infinitive belongs to it
                    xcomps = [x.right_edge.i for x in tok.rights if x.dep_ == "xcomp" and x.i > c.i]
                    # "called for public hearings before the new tariffs took effect": when
                    # is part of what is asked for
                    xcomps += [
                        x.right_edge.i
                        for x in tok.rights
                        if x.dep_ == "advcl"
                        and x.left_edge.i == c.right_edge.i + 1
                        and x.left_edge.lower_ in ("before", "until")
                    ]
                    end = max([c.right_edge.i, *xcomps])
                    return _tokens_content(ctx, range(pobj.left_edge.i, end + 1), tok)
        if obj is not None and obj.i > tok.i:
            # "warned the parties to the deal against pushing …": the preposition hangs on
            # the object's phrase; those warned and what of are the content
            for t in doc[obj.i : tok.right_edge.i + 1]:
                if t.dep_ == "prep" and t.lower_ in frames.preps and t.head.i != tok.i:
                    return _tokens_content(ctx, range(obj.left_edge.i, t.right_edge.i + 1), tok)
    if frames.objcomp and obj is not None and obj.i > tok.i:
        comps = [
            x
            for x in tok.rights
            if x.i > obj.i and x.dep_ in _COMPLEMENTS and any(t.is_alpha for t in x.subtree)
        ]
        # "urged the opposition to accept …"; "called the decision “regrettable”"
        infinitive = frames.clause and any(
            x.dep_ in ("acl", "relcl") and x.tag_ == "VB" for x in obj.rights
        )
        labelled = any(ctx.inside_quote(t) for t in obj.subtree)
        if comps or infinitive or labelled:
            # "urged lawmakers to act and accused the bank of …": the speaker's next act
            ends = [_comp_end(ctx, x, tok) for x in comps]
            end = max([obj.right_edge.i, *ends])
            return _tokens_content(ctx, range(obj.left_edge.i, end + 1), tok)
    # a headline says things in noun phrases: "Premier says no deal without the unions"
    role = ctx.layout.blocks[ctx.layout.sentence_block[ctx.sentence(tok)]].role
    headline = role in (BlockRole.TITLE, BlockRole.SUBTITLE)
    # ("Union threatens strike", "Premier vows action": an act announced, not words)
    nominal_words = headline and frames.clause and tok.lemma_.lower() not in _XCOMP_VERBS
    if obj is not None and obj.i > tok.i and (frames.object or nominal_words):
        return _subtree_content(ctx, obj, tok, nominal=True)
    gerund = next((x for x in tok.rights if x.dep_ == "xcomp" and x.tag_ == "VBG"), None)
    if frames.object and frames.particle and obj is None and gerund is not None:
        # "ruled out releasing more water": the gerund phrase is the object
        return _subtree_content(ctx, gerund, tok, nominal=True)
    return None


def _comp_end(ctx: Context, comp: Token, cue: Token) -> int:
    """The last token of a complement, before a verb phrase of the writer's it runs on to."""
    narrated = _narrated_conjunct(ctx, comp, cue)
    return comp.right_edge.i if narrated is None else narrated - 1


def _misread_clause(t: Token, obj: Token) -> bool:
    """Whether ``t`` is a clause the parser hung on the object ``obj`` itself, not one
    inside a modifier of it ("recall 86,420 batteries used in its bicycles after defects
    that could cause fires were found": an act and its object)."""
    if t.dep_ != "ccomp":
        return False
    between = [a for a in t.ancestors if obj.is_ancestor(a)]
    return not any(a.dep_ in ("prep", "pobj", "acl") for a in between)


def _duration(prep: Token) -> bool:
    """ "for years", "for the past decade": a preposition whose object is a stretch of time."""
    pobj = child(prep, "pobj")
    if pobj is None or child(pobj, "prep") is not None:  # "for two decades of neglect"
        return False
    return pobj.ent_type_ in ("DATE", "TIME") or pobj.lemma_ in _TIME_UNITS


def _quoted_words(ctx: Context, obj: Token) -> bool:
    """Whether an object holds quoted words of its own, not those of a cue inside it ("a pay
    offer, which it described as “insulting”")."""
    for t in obj.subtree:
        if ctx.inside_quote(t) and not any(
            a.dep_ in ("relcl", "acl") and _is_cue(ctx, a)
            for a in t.ancestors
            if obj.left_edge.i <= a.i <= obj.right_edge.i and a.i != obj.i
        ):
            return True
    return False


def _last_right(ctx: Context, tok: Token, after: Token) -> Token:
    """The last complement of ``tok`` continuing from ``after`` ("described X as normal for
    securing key institutions"), a venue excepted."""
    last = after
    for c in tok.rights:
        if c.i > after.i and c.dep_ in ("prep", "advcl", "oprd", "xcomp") and not _is_venue(ctx, c):
            last = c
        elif c.i > after.i:
            break
    return last


def _quote_after(ctx: Context, tok: Token, sent: SpacySpan) -> tuple[int, int] | None:
    """A quotation opening right after the cue ("saying, “…”", "said: “…”", "told
    reporters: “…”"): only blanks, commas, a colon, the dative and adjuncts between."""
    doc = ctx.doc
    for t in doc[tok.i + 1 : sent.end]:
        if t.text and t.text[0] in OPEN_MARKS:
            q = ctx.quote_at(t.idx)
            if q is None or q.start != t.idx:
                return None
            prev = doc[t.i - 1] if t.i > tok.i + 1 else None
            if not (t.i == tok.i + 1 or (prev is not None and prev.text in (",", ":"))):
                return None
            # the quotation must be the whole complement: "said “the last thing” he wanted
            # was …" quotes a phrase of a longer clause
            if (
                any(ch.isalnum() for ch in ctx.text[q.end : sent.end_char])
                and q.end < sent.end_char
            ):
                return None
            return (q.start, q.end)
        if t.pos_ in ("VERB", "AUX") or t.dep_ in ("ccomp", "mark") or t.lower_ == "that":
            return None
    return None


def _colon_after(tok: Token, sent: SpacySpan) -> Token | None:
    for t in tok.doc[tok.i + 1 : min(sent.end, tok.i + 8)]:
        if t.text == ":":
            return t
        if t.pos_ in ("VERB", "AUX") or t.text in (",", ";", "."):
            return None
    return None


def _subtree_content(
    ctx: Context, head: Token, cue: Token, nominal: bool = False
) -> tuple[int, int] | None:
    """The words of ``head``'s subtree. A noun-phrase content ends before a clause set off
    by a comma ("no need for foreign troops, as US allegedly sends soldiers …")."""
    idx = [t.i for t in head.subtree]
    doc = ctx.doc
    narrated = _narrated_conjunct(ctx, head, cue) if not nominal else None
    if narrated is not None:
        # "said it had responded positively, but gave no details": the writer goes on
        idx = [i for i in idx if i < narrated]
    when = _when_said(head, cue) if not nominal else None
    if when is not None:
        # "said on Tuesday it would continue": the day is the saying's, hung on the clause
        idx = [i for i in idx if i > when]
    for t in head.subtree:
        # "…, a figure the ministry has described as exaggerated": the writer's apposition
        j = t.left_edge.i - 1
        if (
            t.dep_ in ("appos", "npadvmod")
            and t.left_edge.lower_ in ("a", "an")
            and any(r.dep_ in ("relcl", "acl") for r in t.rights)
            and j > head.left_edge.i
            and doc[j].text == ","
        ):
            idx = [i for i in idx if i < j]
            break
    told = _addressee_in_clause(head, cue) if not nominal else None
    if told is not None:
        # "told reporters revenue had dropped": those told, parsed into the clause
        idx = [i for i in idx if i > told]
    tail = _writers_tail(head) if not nominal else None
    if tail is not None:
        idx = [i for i in idx if i < tail]
    if nominal:
        for t in head.subtree:
            if t.dep_ in ("advcl", "relcl") and t.left_edge.i > head.i:
                j = t.left_edge.i - 1
                if j > head.i and doc[j].text == ",":
                    idx = [i for i in idx if i < j]
                    break
    return _tokens_content(ctx, idx, cue)


#: units of "a day after …", "a week before …": when the words were said, not their part
_TIME_UNITS = frozenset({"day", "week", "month", "year", "hour", "minute"})
#: what a writer says words reported did ("…, deepening a dispute", "…, raising fears"),
#: unlike what the speaker says may follow ("…, possibly dropping a reference")
_EFFECT_VERBS = frozenset(
    {
        "deepen", "fuel", "heighten", "escalate", "intensify", "underscore", "highlight",
        "signal", "mark", "deal", "pave", "reignite", "complicate", "raise", "stoke",
        "spark", "dash", "echo", "reverse", "widen", "ease", "dampen", "cast", "set",
    }
)  # fmt: skip


def _writers_tail(head: Token) -> int | None:
    """The comma before a clause the writer adds at the end of the words reported, or
    None: a participle about their effect ("…, deepening a dispute that …") or the time
    of saying them ("…, a day after thousands marched")."""
    doc = head.doc
    end = head.right_edge.i
    for t in head.rights:
        j = t.left_edge.i - 1
        if t.dep_ != "advcl" or doc[j].text != "," or t.right_edge.i < end - 1:
            continue
        effect = t.tag_ == "VBG" and t.lemma_ in _EFFECT_VERBS and subject(t) is None
        when = any(
            c.dep_ == "npadvmod" and c.lemma_ in _TIME_UNITS and c.i == t.left_edge.i + 1
            for c in t.children
        )
        if effect or when:
            return j
    return None


def _addressee_in_clause(head: Token, cue: Token) -> int | None:
    """The last token of those told, where the parser took them for a modifier of the
    clause's subject ("told reporters revenue had dropped", "told Reuters oil output had
    fallen"): a plural noun or a name right after a cue of telling that has no object."""
    if (
        cue.lemma_.lower() not in _ADDRESSING
        or head.dep_ != "ccomp"
        or child(cue, "dobj", "dative") is not None
        or head.left_edge.i != cue.i + 1
    ):
        return None
    first = head.left_edge
    if first.dep_ != "compound" or first.head.dep_ not in ("nsubj", "nsubjpass", "compound"):
        return None
    if first.tag_ == "NNS" and first.ent_type_ == "":
        return first.i
    if first.ent_type_ in ("PERSON", "ORG") and first.ent_iob_ == "B":
        end = first.i
        doc = first.doc
        while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
            end += 1
        return end if doc[end].dep_ == "compound" else None
    return None


def _when_said(head: Token, cue: Token) -> int | None:
    """The last token of a date right after the cue that the parser hung on the reported
    clause's verb ("said on Tuesday it would …", "said last week the talks …"), where the
    clause's subject follows it."""
    doc = head.doc
    first = next((c for c in head.lefts if c.left_edge.i == cue.i + 1), None)
    subj = subject(head)
    if first is None or subj is None or subj.i <= first.i:
        return None
    if first.dep_ not in ("prep", "npadvmod"):
        return None
    day = child(first, "pobj") if first.dep_ == "prep" else first
    if day is None or day.ent_type_ not in ("DATE", "TIME"):
        return None
    end = first.right_edge.i
    while end + 1 < subj.left_edge.i and doc[end + 1].is_punct:
        end += 1
    return end


def _tokens_content(ctx: Context, tokens: Iterable[int], cue: Token) -> tuple[int, int] | None:
    idx = sorted(tokens)
    span = ctx.content_span(idx, stop_at=_stops(ctx, idx, cue))
    return _finish(ctx, span) if span is not None else None


def _stops(ctx: Context, idx: list[int], cue: Token) -> set[int]:
    """Tokens where a content must end: a participle continuing the statement ("…, adding
    that"), an "according to" phrase, the grounds given ("…, citing high costs")."""
    doc = ctx.doc
    members = set(idx)
    stops: set[int] = set()
    for i in idx:
        t = doc[i]
        if t.i == cue.i:
            continue
        if (
            t.lemma_.lower() in ctx.lex.continuing
            and t.tag_ == "VBG"
            and t.dep_ in ("advcl", "conj", "xcomp", "dep", "acl")
            and _is_cue(ctx, t)
        ):
            left = t.left_edge.i
            # include the comma and any adverb before the participle ("…, further arguing")
            j = left - 1
            while j in members and (doc[j].is_punct or doc[j].dep_ in ("advmod", "mark", "cc")):
                j -= 1
            stops.update(range(j + 1, t.right_edge.i + 1))
        elif (
            (t.lower_ == "according" and t.dep_ == "prep")
            or _without_details(t)
            or (t.lemma_.lower() == "cite" and t.tag_ == "VBG" and doc[t.i - 1].text == ",")
        ):
            j = t.i - 1
            while j in members and doc[j].is_punct:
                j -= 1
            stops.update(range(j + 1, t.right_edge.i + 1))
        elif (cc := _next_report(ctx, t)) is not None:
            j = cc - 1 if cc - 1 in members and doc[cc - 1].text == "," else cc
            stops.update(range(j, t.right_edge.i + 1))
    return stops


def _without_details(t: Token) -> bool:
    """ "…, without giving details": how the words were said, not part of them."""
    if t.lower_ != "without" or t.dep_ != "prep" or t.i == 0 or t.doc[t.i - 1].text != ",":
        return False
    act = next((c for c in t.children if c.dep_ == "pcomp"), None)
    return act is not None and act.lemma_.lower() in _TELLING


def _second_that(tok: Token | None) -> bool:
    """ "… “necessary and proportionate,” and that it had not …": a second that-clause."""
    if tok is None or tok.lower_ not in ("and", "but") or tok.i + 1 >= len(tok.doc):
        return False
    that = tok.nbor()
    return that.lower_ == "that" and that.dep_ == "mark"


def _is_venue(ctx: Context, prep: Token) -> bool:
    """ "in an interview with …", "during a press conference": the occasion, not words."""
    pobj = child(prep, "pobj")
    return (
        prep.dep_ == "prep"
        and prep.lower_ in ctx.lex.venue_prepositions
        and pobj is not None
        and pobj.lemma_.lower() in ctx.lex.venue_nouns
    )


def _finish(ctx: Context, span: tuple[int, int]) -> tuple[int, int] | None:
    """Snap to quotations and cut what follows a closed quotation ending the words: ",”"
    followed by more text, or a venue phrase ("” in an interview with …")."""
    start, end = ctx.snap(*span)
    for q in ctx.quotes_within(start, end):
        if q.end >= end:
            continue
        tok = ctx.token_after(q.end)
        if ctx.text[q.end - 2 : q.end - 1] == "," and not _second_that(tok):
            return ctx.trim(start, q.end)
        if tok is not None and tok.dep_ == "prep" and _is_venue(ctx, tok):
            return ctx.trim(start, q.end)
    return (start, end) if end > start else None


# -- content before the cue -----------------------------------------------------------


def _chunk_start(ctx: Context, tok: Token, speaker_tok: Token | None) -> int:
    """First token of the reporting chunk: the speaker (with its apposition) and the cue."""
    chunk = tok.i
    subj = subject(tok, skip=ctx.inside_quote)
    if subj is not None and subj.i < tok.i and (speaker_tok is None or speaker_tok.i > tok.i):
        speaker_tok = subj  # "the office quoted X as saying": the office opens the chunk
    for c in tok.lefts:
        if (
            c.dep_ in ("aux", "auxpass", "advmod", "neg")
            and c.i < tok.i
            and not ctx.inside_quote(c)
        ):
            chunk = min(chunk, c.i)  # ("“Here, here and here,” he said": the words' own)
    if speaker_tok is not None and speaker_tok.i < tok.i:
        np = core_np(speaker_tok)
        chunk = min(chunk, speaker_tok.left_edge.i, np.start)
    doc = tok.doc
    # the closing mark and comma of the quotation before may hang on the speaker
    while chunk < tok.i and (doc[chunk].is_punct or doc[chunk].is_space):
        chunk += 1
    return chunk


def _quote_after_colon(ctx: Context, tok: Token) -> tuple[int, int] | None:
    """The quotation right after "cue:" ("adding: “…”"), as its character span."""
    doc = ctx.doc
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].text != ":":
        return None
    colon = doc[tok.i + 1]
    q = ctx.next_quote(colon.idx + 1)
    if q is None or ctx.text[colon.idx + 1 : q.start].strip():
        return None
    return q.start, q.end


def _quote_ends_before(
    ctx: Context, tok: Token, sent: SpacySpan, speaker_tok: Token | None
) -> bool:
    """Whether a quotation closes right before the reporting chunk ("“…,” X said"); not
    when the cue's own clause follows it ("… as “irrelevant”, saying the territory had …")."""
    if any(
        c.dep_ == "ccomp" and c.i > tok.i and (c.left_edge.lower_ == "that" or tok.tag_ == "VBG")
        for c in tok.children
    ):
        return False
    doc = ctx.doc
    j = _chunk_start(ctx, tok, speaker_tok) - 1
    while j >= sent.start and (doc[j].is_space or doc[j].text in (",", "—", "–")):
        j -= 1
    if j < sent.start or doc[j].text[-1:] not in CLOSE_MARKS:
        return False
    q = ctx.quote_at(doc[j].idx)
    return q is not None and q.end == doc[j].idx + len(doc[j])


def _left_content(
    ctx: Context, tok: Token, sent: SpacySpan, speaker_tok: Token | None
) -> tuple[int, int] | None:
    """The words before the reporting chunk: "“…,” X said", "The move is illegal, X said"."""
    doc = ctx.doc
    chunk = _chunk_start(ctx, tok, speaker_tok)
    # the chunk must follow a comma, a closing quotation mark or a dash
    j = chunk - 1
    while j >= sent.start and doc[j].is_space:
        j -= 1
    if j < sent.start:
        return None
    prev = doc[j]
    if not (prev.text in (",", "—", "–", ":") or prev.text[-1:] in CLOSE_MARKS):
        return None
    if prev.text in (",", "—", "–", ":") and j - 1 >= sent.start:
        before = doc[j - 1].text
        if before[-1:] in CLOSE_MARKS:
            prev = doc[j - 1]
    seg_start, seg_end = sent.start_char, prev.idx + len(prev)
    # the quotation ending the segment may have begun in an earlier sentence, or be set
    # off by a dash or a colon ("she did not rule it out — “that will be …”, she said")
    q_last = ctx.quote_at(seg_end - 1)
    if q_last is not None and q_last.end == seg_end:
        lead = ctx.text[seg_start : q_last.start].rstrip()
        if q_last.start < seg_start or lead.endswith(("—", "–", ":")):
            return (q_last.start, q_last.end)
    start, end = ctx.trim(seg_start, seg_end)
    if end <= start:
        return None
    q_first = ctx.quote_at(start)
    if q_first is not None and q_first.start == start:
        # "“…,” led by the US, the office quoted X": the words are the quotation's
        return (q_first.start, q_first.end)
    return _finish(ctx, (start, end))


def _parenthetical(
    ctx: Context, tok: Token, sent: SpacySpan, content: tuple[int, int]
) -> tuple[int, int] | None:
    """ "European countries, the negotiator says, have provided …": a cue set in the middle
    of the reported clause splits it; the words after it are a second fragment."""
    doc = ctx.doc
    if ctx.quote_at(content[1] - 1) is not None:
        return None
    before = doc.char_span(*content, alignment_mode="expand")
    if before is None:
        return None
    j = tok.i + 1
    # the cue's own complements: "the negotiator says", "she told the jury", "he said on
    # Monday"
    rights = {c.left_edge.i: c for c in tok.rights if c.dep_ in _CHUNK_DEPS}
    while j < sent.end and (j in rights or doc[j].is_space):
        j = rights[j].right_edge.i + 1 if j in rights else j + 1
    if j >= sent.end or doc[j].text != ",":
        return None
    rest = doc[j + 1 : sent.end]
    if not rest or not any(t.is_alpha for t in rest):
        return None
    first = rest[0]
    if (
        first.tag_ in ("VBG", "VBN")
        or first.lower_ in _NOT_CONTINUATIONS
        or ctx.quote_at(first.idx)
    ):
        return None  # "…, adding that", "…, according to", "…, in a statement", a new quote
    if any(t.tag_ in _FINITE for t in before):
        # a complete clause before the cue continues only with a phrase ("Turnout was 61%,
        # the commission said, up from 52% four years ago"), never with a new clause; a
        # gerund subject is no clause ("Releasing the accused now, he argued, could …")
        if any(t.pos_ in ("VERB", "AUX") for t in rest):
            return None
    elif not any(t.pos_ in ("VERB", "AUX") for t in rest):
        return None
    return _finish(ctx, ctx.trim(rest.start_char, rest.end_char))


def _interrupted(ctx: Context, tok: Token, content: tuple[int, int]) -> tuple[int, int] | None:
    """“A,” he said, “B.” — the second piece of a quotation split by its cue: the first
    piece ends with a comma, and only the reporting chunk and a comma lie between."""
    text = ctx.text
    end = content[1]
    if text[end - 1 : end] not in CLOSE_MARKS or tok.idx < end:
        return None
    q = ctx.next_quote(tok.idx + len(tok))
    if q is None:
        return None
    chunk = text[end : q.start]  # the reporting chunk, with its commas
    if (
        len(chunk) > MAX_INTERRUPTION
        or not chunk.rstrip().endswith(",")
        or any(m in chunk for m in (". ", "? ", "! ", "\n"))
        or ctx.sentence_at(q.start) != ctx.sentence(tok)
    ):
        return None
    # the first piece breaks off with a comma (inside or outside its marks), or the second
    # goes on with the sentence in lower case
    opening = text[q.start + 1 : q.end].lstrip()[:1]
    if not (text[end - 2 : end - 1] == "," or chunk.lstrip().startswith(",") or opening.islower()):
        return None
    return (q.start, q.end)


def _clause_after_addressee(tok: Token) -> Token | None:
    """ "told councillors the savings had been …": the clause after those told, which the
    parser took for a relative clause of theirs."""
    if tok.lemma_.lower() not in _ADDRESSING:
        return None
    obj = child(tok, "dobj", "dative")
    if obj is None or obj.i < tok.i:
        return None
    for rel in obj.rights:
        subj = subject(rel) or passive_subject(rel)
        if (
            rel.dep_ == "relcl"
            and rel.left_edge.i == obj.i + 1
            and subj is not None
            and subj.lower_ not in _WH | {"that"}
        ):
            return rel
    return None


def _content_noun(noun: Token) -> bool:
    """A common noun that can carry a that-clause of words ("claims", "suggestions",
    "reports"), not a person or a name."""
    return noun.pos_ == "NOUN" and noun.ent_type_ not in _ACTOR_ENTS


def _noun_clause(tok: Token) -> Token | None:
    """ "dismissed claims that the vote was rigged", "denied allegations that she had
    misled parliament", "dismissed as nonsense claims that …": the that-clause of the
    cue's object noun holds the words; the noun is only what the speaker answers."""
    nouns = [c for c in tok.rights if c.dep_ == "dobj"]
    if any(c.dep_ == "prep" and c.lower_ == "as" for n in nouns for c in [*n.rights, *tok.rights]):
        return None  # "dismissed claims that … as baseless": what the claims are called
    nouns += [p for c in tok.rights if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    for noun in nouns:
        if not _content_noun(noun):
            continue
        for rel in noun.rights:
            if (
                rel.dep_ in ("acl", "ccomp")
                and rel.left_edge.lower_ == "that"
                and rel.left_edge.dep_ == "mark"
                and (subject(rel) or passive_subject(rel)) is not None
                and _clause(rel)
            ):
                return rel
    return None


def _venue_relative(ctx: Context, tok: Token, frames: VerbFrames) -> Token | None:
    """ "stated in a press release that the visit entailed …", "saying during the campaign
    that …", "told the radio station that …": the parser may take the that-clause for a
    relative clause of the noun before it; a clause with its own subject is the content."""
    nouns = [child(p, "pobj") for p in tok.rights if p.dep_ == "prep"]
    # "told the local radio station that traders had lost …"
    # (an object-taking verb's object keeps its clause: "dismissed claims that …")
    if not frames.object:
        nouns += [c for c in tok.rights if c.dep_ in ("dobj", "dative")]
    for noun in nouns:
        if noun is None:
            continue
        for rel in noun.rights:
            if rel.dep_ in ("relcl", "acl", "ccomp") and rel.left_edge.lower_ == "that":
                subj = subject(rel)
                if subj is not None and subj.lower_ != "that" and _clause(rel):
                    return rel
    return None
