"""What the extraction rules share: the candidate attribution they produce and the article
context they read (parse, layout, quotations, lexicon), with the span helpers that make
contents follow the PARC conventions (no speaker, no cue, no introducing "that"; a direct
quote with its quotation marks)."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.attrs import ENT_IOB, ENT_TYPE, IDX
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from schema.enums import StatementKind
from seed.extract.lexicon import Lexicon, lexicon
from seed.extract.phrases import sited
from seed.extract.quotes import CLOSE_MARKS, Quote, find_quotes
from seed.segment import Layout

#: characters trimmed from the edges of a content (never closing quotation marks)
_EDGE_PUNCT = " \t\n\u00a0,;:—–-."
#: words that never end a content ("…, and called for …" cut before "called")
_TRAILING_WORDS = frozenset({"and", "but", "or", "while", "as", "whereas", "before", "after"})


@dataclass(eq=False)
class Candidate:
    """An attribution found by a rule, before its speaker is resolved to an actor."""

    rule: str  # "verb", "according", "headline", "dash", "colon", "continuation", "echo"
    fragments: list[tuple[int, int]]  # content pieces, character offsets, in text order
    sentence: int  # index into ``Layout.sentences`` of the sentence holding the cue
    cue: Token | None = None
    cue_text: str | None = None
    cue_span: tuple[int, int] | None = None
    speaker: SpacySpan | None = None  # the speaker as written, when a token span
    speaker_chars: tuple[int, int] | None = None  # the speaker as written, otherwise
    co_speakers: list[SpacySpan] = field(default_factory=list)
    parent: Candidate | None = None  # the attribution whose speaker this one shares
    kind: StatementKind = StatementKind.INDIRECT
    #: resolved later (speakers, dates)
    actor: object | None = None
    co_actors: list[object] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        return self.fragments[-1][1]

    def root(self) -> Candidate:
        c = self
        seen = {id(c)}
        while c.parent is not None and id(c.parent) not in seen:
            c = c.parent
            seen.add(id(c))
        return c

    def covers(self, start: int, end: int) -> bool:
        return any(a <= start and end <= b for a, b in self.fragments)

    def overlaps(self, start: int, end: int) -> bool:
        return any(a < end and start < b for a, b in self.fragments)


class Context:
    """One parsed article as the rules see it."""

    def __init__(self, doc: Doc, layout: Layout, lex: Lexicon | None = None) -> None:
        self.doc = doc
        self.text = doc.text
        self.layout = layout
        self.lex = lex or lexicon()
        self.quotes = find_quotes(self.text, [b.span for b in layout.blocks])
        self._quote_starts = [q.start for q in self.quotes]
        self.sentence_of = [-1] * len(doc)
        for si, s in enumerate(layout.sentences):
            self.sentence_of[s.start : s.end] = [si] * (s.end - s.start)
        self._excluded = sorted((s.start, s.end) for s in layout.excluded)
        self._token_starts = doc.to_array(IDX).tolist()
        # a dateline names the place reported from, never a speaker ("SANTIAGO -" read as
        # an organisation)
        self.ents = _repaired(
            [
                e
                for e in named_entities(doc)
                if e.label_ not in ("ORG", "PERSON") or not self.excluded(e.start_char)
            ],
            self.lex.role_heads,
            self.lex.person_labels,
        )
        self._ent_starts = [e.start_char for e in self.ents]

    def ents_in(
        self, start: int, end: int, labels: tuple[str, ...] | None = None
    ) -> list[SpacySpan]:
        """Named entities lying within characters ``start``–``end``."""
        i = bisect.bisect_left(self._ent_starts, start)
        out = []
        while i < len(self.ents) and self.ents[i].start_char < end:
            e = self.ents[i]
            if e.end_char <= end and (labels is None or e.label_ in labels):
                out.append(e)
            i += 1
        return out

    def ent_at(self, token: Token) -> SpacySpan | None:
        """The named entity holding ``token``, if any."""
        i = bisect.bisect_right(self._ent_starts, token.idx) - 1
        if i >= 0 and self.ents[i].start <= token.i < self.ents[i].end:
            return self.ents[i]
        return None

    def token_after(self, char: int) -> Token | None:
        """The first non-blank token starting at or after ``char``."""
        i = bisect.bisect_left(self._token_starts, char)
        while i < len(self.doc) and self.doc[i].is_space:
            i += 1
        return self.doc[i] if i < len(self.doc) else None

    # -- where things are -------------------------------------------------------------

    def quote_at(self, char: int) -> Quote | None:
        """The quotation containing character ``char`` (marks included)."""
        i = bisect.bisect_right(self._quote_starts, char) - 1
        if i >= 0 and char < self.quotes[i].end:
            return self.quotes[i]
        return None

    def inside_quote(self, token: Token) -> bool:
        """Whether ``token`` lies strictly inside a quotation (its words, not its marks)."""
        q = self.quote_at(token.idx)
        return q is not None and q.start < token.idx and token.idx + len(token) < q.end

    def excluded(self, char: int) -> bool:
        return any(a <= char < b for a, b in self._excluded)

    def eligible_sentence(self, si: int) -> bool:
        b = self.layout.sentence_block[si]
        return b >= 0 and self.layout.blocks[b].extractable

    def sentence(self, token: Token) -> int:
        return self.sentence_of[token.i]

    def sentence_at(self, char: int) -> int:
        """Index of the sentence holding (or starting after) character ``char``, or -1."""
        tok = self.token_after(char)
        return self.sentence_of[tok.i] if tok is not None else -1

    # -- contents ---------------------------------------------------------------------

    def trim(self, start: int, end: int) -> tuple[int, int]:
        """Strip blanks and dangling punctuation from both edges; keep quotation marks that
        belong to a quotation inside the span."""
        text = self.text
        while start < end and text[start] in _EDGE_PUNCT:
            start += 1
        while True:
            while end > start and text[end - 1] in _EDGE_PUNCT:
                end -= 1
            last = text[start:end].rsplit(None, 1)
            if len(last) == 2 and last[1].lower() in _TRAILING_WORDS:
                end -= len(last[1])
                continue
            break
        # a closing mark at the end whose opening mark is outside the span is not ours
        if end > start and text[end - 1] in CLOSE_MARKS:
            q = self.quote_at(end - 1)
            if q is not None and q.start < start:
                end -= 1
                while end > start and text[end - 1] in _EDGE_PUNCT:
                    end -= 1
        return start, end

    def snap(self, start: int, end: int) -> tuple[int, int]:
        """Make a content that starts or ends inside a quotation take the whole quotation,
        so a quote runs from its opening to its closing mark even across sentences."""
        q = self.quote_at(start)
        # content beginning just inside a quotation, or inside one that began in an earlier
        # sentence and ends with the content
        if (
            q is not None
            and q.start < start
            and (not self.text[q.start + 1 : start].strip() or end >= q.end - 1)
        ):
            start = q.start
        q_end = self.quote_at(max(start, end - 1))
        if q_end is not None and q_end.end > end and q_end.start >= start:
            end = q_end.end
        return start, end

    def kind(self, fragments: list[tuple[int, int]]) -> StatementKind:
        quoted = [self.quotes_within(a, b) for a, b in fragments]
        if all(
            len(qs) == 1 and (qs[0].start, qs[0].end) == (a, b)
            for qs, (a, b) in zip(quoted, fragments, strict=True)
        ):
            return StatementKind.DIRECT
        if any(quoted):
            return StatementKind.MIXED
        return StatementKind.INDIRECT

    def next_quote(self, char: int) -> Quote | None:
        """The first quotation opening at or after ``char``."""
        i = bisect.bisect_left(self._quote_starts, char)
        return self.quotes[i] if i < len(self.quotes) else None

    def quotes_within(self, start: int, end: int) -> list[Quote]:
        """Quotations lying wholly within characters ``start``–``end``."""
        i = bisect.bisect_left(self._quote_starts, start)
        out = []
        while i < len(self.quotes) and self.quotes[i].start < end:
            if self.quotes[i].end <= end:
                out.append(self.quotes[i])
            i += 1
        return out

    def content_span(
        self, tokens: Iterable[int], *, stop_at: set[int] | None = None
    ) -> tuple[int, int] | None:
        """The character span of a run of token indices, cut at the first token in
        ``stop_at``, without a leading "that" and with its edges trimmed."""
        idx = sorted(tokens)
        if not idx:
            return None
        run = [idx[0]]
        for i in idx[1:]:
            if stop_at and i in stop_at:
                break
            if i != run[-1] + 1:
                # a gap (a removed subtree); keep going only across blanks and punctuation
                gap = self.doc[run[-1] + 1 : i]
                if any(not (t.is_punct or t.is_space) for t in gap):
                    break
            run.append(i)
        if stop_at:
            run = [i for i in run if i not in stop_at] or run
        doc = self.doc
        # an introducing "that" (also when misparsed as a relative pronoun)
        while run and doc[run[0]].lower_ == "that" and doc[run[0]].dep_ in ("mark", "dobj"):
            run = run[1:]
        while run and doc[run[-1]].dep_ == "cc":
            run = run[:-1]
        if not run:
            return None
        first, last = doc[run[0]], doc[run[-1]]
        start, end = self.trim(first.idx, last.idx + len(last))
        return (start, end) if end > start else None


def _repaired(
    ents: list[SpacySpan], role_heads: frozenset[str], labels: frozenset[str]
) -> list[SpacySpan]:
    """NER's entities with the names it cut short or in two made whole, and a person's
    name without the label set before it."""
    mended = [_unlabelled(_mended(e), labels) for e in ents]
    # an entity a mended one took in is gone
    kept: list[SpacySpan] = []
    for i, e in enumerate(mended):
        if i + 1 < len(mended) and mended[i + 1].start <= e.start < mended[i + 1].end:
            continue
        if kept and e.start < kept[-1].end:
            continue
        if not _no_ones_name(e, role_heads):
            kept.append(e)
    return _joined_names(kept, role_heads)


def _no_ones_name(ent: SpacySpan, role_heads: frozenset[str]) -> bool:
    """One word NER took for a person's name, after an article (a person's name takes
    none): before a role ("The Peronist lawmaker") or before what it is the title of ("the
    Omanhene of the Wassa Amenfi Traditional Area", "the Emir of Kano")."""
    doc = ent.doc
    if ent.label_ != "PERSON" or len(ent) != 1 or ent.start == 0 or ent.end >= len(doc):
        return False
    article, after = doc[ent.start - 1].lower_, doc[ent.end]
    if article == "the" and after.lower_ == "of":
        return True
    return article in ("the", "a", "an") and after.is_lower and after.lower_ in role_heads


#: the last word of a public body's name that may go on with its country ("Central Bank
#: of the UAE", "Supreme Court of Pakistan")
_BODY_HEADS = frozenset(
    {"bank", "court", "ministry", "council", "commission", "authority", "office", "parliament"}
    | {"assembly", "presidency", "government", "army", "police", "senate", "tribunal"}
)
#: words that join the parts of an organisation's name ("Office of the …")
_NAME_LINKS = frozenset({"of", "the", "for", "and", "on"})


def _name_word(tok: Token) -> bool:
    """A word of an organisation's name, not a person's."""
    return tok.pos_ == "PROPN" and (tok.is_title or tok.is_upper) and tok.ent_type_ != "PERSON"


def _mended(ent: SpacySpan) -> SpacySpan:
    """An entity NER cut short: an organisation's name words before it ("Kuwait" +
    "Transparency Society") or after a joining word it ends on ("The Office of the" + "UN
    High Commissioner for Refugees"), a hyphenated given name after a person's ("Choi Dong"
    + "-wook")."""
    doc = ent.doc
    start, end = ent.start, ent.end
    if ent.label_ == "ORG":
        start = _after_break(ent)
        while end - 1 > start and doc[end - 1].is_lower and doc[end - 1].pos_ == "ADV":
            end -= 1  # "The Ministry of Electricity and Energy" + "later" said
        while (
            start > 0
            and doc[start - 1].dep_ == "compound"
            and doc[start - 1].pos_ == "PROPN"
            and doc[start - 1].is_title
            and not doc[start - 1].ent_type_
            and ent.start <= doc[start - 1].head.i < end
        ):
            start -= 1
        while end + 1 < len(doc) and doc[end - 1].lower_ in _NAME_LINKS and _name_word(doc[end]):
            # "The Office of the" + "UN" + "High Commissioner for Refugees": one name
            end += 1
            while end < len(doc) and (
                _name_word(doc[end])
                or doc[end].lower_ in _NAME_LINKS
                and end + 1 < len(doc)
                and _name_word(doc[end + 1])
            ):
                end += 1
        country = end + 1 if end < len(doc) and doc[end].lower_ == "of" else None
        if country is not None and country < len(doc) and doc[country].lower_ == "the":
            country += 1
        if (
            country is not None
            and country < len(doc)
            and doc[country].ent_type_ == "GPE"
            and doc[country].ent_iob_ == "B"
            and doc[end - 1].lower_ in _BODY_HEADS
        ):
            # "The Central Bank" + "of the" + "UAE": the country is in the body's name
            end = _entity_end(doc, country)
        if (
            end + 1 < len(doc)
            and sited(doc[end - 1], doc[end + 1])
            and doc[end + 1].ent_iob_ == "B"
        ):
            # "The EU Office" + "in" + "Kosovo": where it sits is in its name
            end = _entity_end(doc, end + 1)
        if (
            start >= 3
            and doc[start - 1].text == ","
            and doc[start - 2].pos_ == "PROPN"
            and doc[start - 2].is_title
            and doc[start].dep_ == "conj"
            and doc[start].head.i == start - 2
            and doc[start - 3].lower_ == "the"
        ):
            start -= 2  # "the Zakat, Tax and Customs Authority": one name of three fields
    elif ent.label_ == "PERSON":
        while (
            end + 1 < len(doc)
            and doc[end].text == "-"
            and not doc[end - 1].whitespace_
            and not doc[end].whitespace_
            and doc[end + 1].is_alpha
            and doc[end + 1].is_lower
        ):
            end += 2
    if (start, end) == (ent.start, ent.end):
        return ent
    return SpacySpan(doc, start, end, label=ent.label)


def _after_break(ent: SpacySpan) -> int:
    """Where an organisation's name opens after a break NER ran across: a headline's colon
    ("Galamsey: Chiefs, Minerals Commission"), or a comma that neither follows what the
    body is of nor opens a list of its fields ("Ministry of Information, Communications
    and …", "the Zakat, Tax and Customs Authority" stay whole)."""
    start = ent.start
    for t in ent[:-1]:
        if (
            t.text == ":"
            or t.text == ","
            and not any(w.lower_ in ("of", "for") for w in ent.doc[start : t.i])
            and not any(w.lower_ in ("and", "&") for w in ent.doc[t.i : ent.end])
        ):
            start = t.i + 1
    return start if any(_name_word(t) for t in ent.doc[start : ent.end]) else ent.start


def _entity_end(doc: Doc, i: int) -> int:
    """Where the entity that begins at token ``i`` ends."""
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end


def _unlabelled(ent: SpacySpan, labels: frozenset[str]) -> SpacySpan:
    """ "Farmer Joseph Mugenyi Atwine", "Witness Ahmed Farah Osman": a noun for an ordinary
    person NER took into the name it labels; so is the verb of "Said Ahmad al-Shammari,
    a retired teacher: …" (not the name of "Said Jalili said")."""
    if ent.label_ != "PERSON" or len(ent) < 2:
        return ent
    first = ent[0]
    cue = first.tag_ in ("VBD", "VBZ") and first.lower_ in ("said", "says")
    said = cue and ent.root.head.i == first.i
    if not (said or (len(ent) > 2 and first.lower_ in labels)):
        return ent
    return SpacySpan(ent.doc, ent.start + 1, ent.end, label=ent.label)


def _joined_names(ents: list[SpacySpan], role_heads: frozenset[str]) -> list[SpacySpan]:
    """A person's name NER cut in two: a given name and the rest taken for an organisation
    ("Cheikh" + "Tidiane Mbengue") or for a second person ("Abdirahman Sheikh" + "Ali
    Dahir"), a rare given name taken for a nationality ("Selamawit" + "Bekele"), or both
    parts taken for places or organisations in apposition to a role ("the Commissioner for
    Health, Olufemi" + "Adebanjo-Coker,")."""
    out: list[SpacySpan] = []
    for e in ents:
        last = out[-1] if out else None
        if last is not None and last.end == e.start and e.label_ in ("ORG", "GPE", "PERSON"):
            doc = e.doc
            whole = doc[last.start : e.end]
            names = all(t.text == "-" or t.pos_ == "PROPN" and t.is_title for t in whole)
            root = whole.root
            if names and (
                last.label_ == "PERSON"
                or last.label_ == "NORP"
                and e.label_ == "PERSON"
                and all(t.is_oov for t in last)
                or last.label_ in ("ORG", "GPE")
                and root.dep_ == "appos"
                and root.head.lower_ in role_heads
            ):
                out[-1] = SpacySpan(doc, last.start, e.end, label="PERSON")
                continue
        out.append(e)
    return out


def named_entities(doc: Doc) -> list[SpacySpan]:
    """``doc.ents``, read from the token arrays: spaCy's property makes a Token object for
    every token on every access, which costs as much as a good part of the extraction."""
    iob = doc.to_array(ENT_IOB).tolist()  # 3 begins an entity, 1 is inside, 2 outside
    types = doc.to_array(ENT_TYPE).tolist()
    ents: list[SpacySpan] = []
    start = -1
    for i, tag in enumerate([*iob, 3]):
        if start >= 0 and tag != 1:
            ents.append(SpacySpan(doc, start, i, label=types[start]))
            start = -1
        if tag == 3 and i < len(iob):
            start = i
    return ents
