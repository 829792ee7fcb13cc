"""Noun-phrase helpers over spaCy's dependency parse: the speaker as written (without its
apposition or relative clause), its appositive description, the members of a coordination."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

#: right dependents that end the core noun phrase ("Kazim al-Fartusi, the spokesperson …")
_NP_STOP = {"appos", "relcl", "acl", "punct", "cc", "conj", "advcl", "parataxis", "dep"}
#: left dependents that are not part of the noun phrase ("BAGHDAD (Dispatches) – Iraqi …")
_NP_LEFT_SKIP = {"punct", "advmod", "cc", "preconj", "mark", "prep", "dep", "appos"}


def core_np(head: Token) -> SpacySpan:
    """``head``'s noun phrase: its left modifiers and its right complements up to the first
    apposition, relative clause, comma or coordination."""
    doc = head.doc
    left = head.i
    if initials_in_brackets(head):
        left = head.i - 3  # "the opposition Awami Justice (AJP) party"
    for child in reversed(list(head.lefts)):
        if child.i >= left:
            continue
        if child.dep_ in _NP_LEFT_SKIP and not _name_internal(child):
            break
        dated = child.ent_type_ in ("DATE", "TIME") and head.ent_type_ not in ("DATE", "TIME")
        if child.pos_ == "PROPN" and dated:
            break  # "On Tuesday Capital FM said": the day is the cue's
        left = child.left_edge.i
    right = head.i
    # a name ends before its prepositional phrase ("said Sudani in his first interview");
    # a description keeps it ("a security source in Anbar province")
    stop = _NP_STOP | ({"prep"} if head.pos_ == "PROPN" else set())
    for child in head.rights:
        if (
            child.dep_ in stop
            and not _name_internal(child)
            and not _same_entity(head, child)
            and not _hyphenated(head, child)
            and not _body_of(head, child)
            and not _name_misread_as_verb(head, child)
            and not _body_named_after(head, child)
        ):
            break
        if child.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME") for g in child.children):
            break  # "ministers on Tuesday warned": the date is the cue's
        right = child.right_edge.i
    for t in doc[head.i + 1 : right] if head.is_title else ():
        if t.text == "," and _opens_apposition(doc[t.i + 1], right):
            right = t.i  # "The Government of Greenland, Naalakkersuisut,": not the name's
            break
    opening = next((t.i for t in doc[head.i + 1 : right + 1] if t.text == "("), None)
    if opening is not None and not any(t.text == ")" for t in doc[opening : right + 1]):
        right = opening - 1  # initials the closing bracket of which the phrase leaves out
    while left < head.i and (doc[left].is_space or doc[left].is_punct):
        left += 1
    # the start of the name the head ends ("Electricite" + "du Liban", the parser taking the
    # first word for a fragment of its own)
    while (
        head.pos_ == "PROPN"
        and left > 0
        and doc[left].ent_iob_ == "I"
        and doc[left].ent_type_ == head.ent_type_
    ):
        left -= 1
    while right > head.i and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    return doc[left : right + 1]


def _opens_apposition(tok: Token, end: int) -> bool:
    """Whether the phrase ``tok`` opens, within ``end``, is an apposition."""
    top = tok
    while top.head.i != top.i and tok.i <= top.head.i <= end:
        top = top.head
    return top.dep_ == "appos"


def initials_in_brackets(head: Token) -> bool:
    """Whether a name's initials in brackets come right before ``head`` ("the opposition
    Awami Justice (AJP) party")."""
    doc = head.doc
    i = head.i
    if i < 4 or doc[i - 1].text != ")" or doc[i - 3].text != "(":
        return False
    initials, name = doc[i - 2], doc[i - 4]
    # (the name's last word may hang on another of its words: "United Kingdom Maritime
    # Trade Operations (UKMTO) agency")
    return (
        initials.is_upper
        and initials.is_alpha
        and name.is_title
        and any(a.i == i for a in name.ancestors)
    )


def _name_internal(tok: Token) -> bool:
    """A hyphen or an apostrophe inside a name ("al-Sudani", "Shia’ al-Sudani"), or a
    hyphen inside a word ("the 27-year-old")."""
    if tok.dep_ != "punct" or tok.text not in "-‐’'":
        return False
    doc = tok.doc
    if not 0 < tok.i < len(doc) - 1:
        return False
    before, after = doc[tok.i - 1], doc[tok.i + 1]
    if tok.text in "-‐" and not before.whitespace_ and not tok.whitespace_:
        return before.text.isalnum() and after.text.isalnum()
    return before.pos_ == "PROPN" and after.pos_ == "PROPN"


def _hyphenated(head: Token, child: Token) -> bool:
    """ "secretary-general", "Movement-in-Opposition": a word joined to the head by a
    hyphen, whatever its label."""
    doc = head.doc
    j = head.i + 1
    return (
        child.left_edge.i in (j, j + 1)
        and j + 1 < len(doc)
        and doc[j].text in "-‐"
        and not head.whitespace_
        and not doc[j].whitespace_
    )


#: the last word of a body's name that may go on with where it sits ("EU Office in Kosovo",
#: "OSCE Mission to Bosnia and Herzegovina", "Association of Banks in Lebanon"), and the word
#: that joins them
_SITED_HEADS = {
    "office": ("in",), "court": ("in",), "association": ("in",), "institute": ("in",),
    "chamber": ("in",), "federation": ("in",), "banks": ("in",), "delegation": ("in", "to"),
    "mission": ("in", "to"), "embassy": ("in", "to"), "consulate": ("in",),
}  # fmt: skip
#: bodies named with the city they sit in ("the US Embassy in Pretoria")
MISSIONS = frozenset({"embassy", "consulate", "mission", "delegation", "legation"})


def sited(head: Token, place: Token) -> bool:
    """Whether ``place``, right after ``head`` and its joining word, is part of a body's
    name ("The EU Office" + "in" + "Kosovo")."""
    doc = head.doc
    return (
        head.is_title
        and place.i == head.i + 2
        and doc[head.i + 1].lower_ in _SITED_HEADS.get(head.lower_, ())
        and (
            place.ent_type_ == "GPE"
            # "The Russian Embassy in Helsinki", the city an ORG to NER
            or (head.lower_ in MISSIONS and place.pos_ == "PROPN" and place.is_title)
        )
    )


#: heads of bodies' names that go on with "of" ("Chamber of Commerce", "University of X")
_NAMED_OF = frozenset(
    {"chamber", "corps", "council", "university", "college", "academy", "institute",
     "association", "federation", "union", "league", "society", "board", "commission",
     "committee", "court", "ministry", "department", "office", "agency", "authority", "bank"}
)  # fmt: skip


def _body_of(head: Token, child: Token) -> bool:
    """ "Operational Command of the Armed Forces", "the ministry of foreign affairs",
    "Relatives for Justice": a name of a body going on through "of" (or right after it,
    "for"), where NER missed it (not a person's "of the X party")."""
    if child.dep_ != "prep" or head.ent_type_ == "PERSON":
        return False
    pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
    if child.lower_ in ("in", "to"):
        # "The EU Office in Kosovo", "The OSCE Mission to Bosnia and Herzegovina"
        return child.i + 1 < len(child.doc) and sited(head, child.doc[child.i + 1])
    if child.lower_ == "for":
        return (
            child.i == head.i + 1
            and head.ent_type_ == ""
            and head.is_title
            and pobj is not None
            and pobj.i == child.i + 1
            and pobj.is_title
            and pobj.pos_ == "PROPN"
            # ("Airlines for Europe", "Medicines for Europe": a plural for a place)
            and (pobj.ent_type_ in ("", "ORG") or _plural(head))
        )
    if child.lower_ != "of":
        return False
    if pobj is not None and pobj.ent_type_ == "GPE" and head.lower_ == "government":
        return True  # "The Government of Iraq", as "the government of Kenya"
    if pobj is None or pobj.ent_type_ in ("DATE", "TIME", "PERSON", "GPE"):
        return False
    if any(t.ent_type_ == "PERSON" for t in child.subtree):
        return False  # "Leader of the Opposition in the Assembly M. Venkatesh": a title
    if head.is_lower:
        # a common noun the tagger took for a name: its complement, whatever its case
        return True
    # "The U.S. Army Corps of Engineers", NER stopping at "Army"; "the Yarmouth and Area
    # Chamber of Commerce", NER labelling none of it: a body's name
    named = (
        head.ent_type_ == "ORG"
        or any(c.dep_ == "compound" and c.ent_type_ == "ORG" for c in head.lefts)
        or (head.is_title and head.lower_ in _NAMED_OF)
    )
    return (named or pobj.ent_type_ == "ORG") and pobj.pos_ == "PROPN" and pobj.is_title


def _plural(tok: Token) -> bool:
    """A plural noun, whatever the tagger made of a capitalised one ("Medicines")."""
    low = tok.lower_
    return tok.tag_ in ("NNS", "NNPS") or (low.endswith("s") and not low.endswith("ss"))


def _name_misread_as_verb(head: Token, child: Token) -> bool:
    """ "the Nairobi-based group Save the Elephants": a name right after a common noun that
    opens with a verb, which the parser took for a clause of the noun; NER labelled it
    whole."""
    if child.dep_ != "acl" or child.i != head.i + 1 or head.pos_ != "NOUN":
        return False
    if child.ent_type_ != "ORG" or child.ent_iob_ != "B":
        return False
    end = child.i + 1
    while end < len(child.doc) and child.doc[end].ent_iob_ == "I":
        end += 1
    return child.right_edge.i == end - 1


def _body_named_after(head: Token, child: Token) -> bool:
    """ "the research firm Renewables First": a body's name right after the noun for its
    kind, with no comma between, which the parser took for an apposition."""
    return (
        child.dep_ == "appos"
        and head.pos_ == "NOUN"
        and child.left_edge.i == head.i + 1
        and child.ent_type_ == "ORG"
        and child.left_edge.ent_iob_ == "B"
    )


def _same_entity(head: Token, child: Token) -> bool:
    """ "Ministry of Defence": a preposition inside the head's named entity."""
    return bool(head.ent_type_) and child.ent_iob_ == "I" and child.ent_type_ == head.ent_type_


def proper_run_start(tok: Token, floor: int = 0) -> int:
    """Where the run of proper nouns (and the hyphens and apostrophes inside names) ending
    at ``tok`` starts, not before ``floor`` ("Lt. Gen. Olufemi X", "Fergal Whelan-Burke")."""
    doc = tok.doc
    start = tok.i
    while start > floor and (doc[start - 1].pos_ == "PROPN" or doc[start - 1].text in "-’'"):
        start -= 1
    return start


def coordinated(head: Token) -> list[Token]:
    """``head`` and the heads coordinated with it ("A, B and C" → [A, B, C])."""
    out = [head]
    for child in head.children:
        if child.dep_ == "conj":
            out += coordinated(child)
    return out


def appositive(head: Token) -> SpacySpan | None:
    """The apposition describing ``head`` ("…, the spokesperson of …,"), if any."""
    for child in head.rights:
        if child.dep_ == "appos":
            return child.doc[child.left_edge.i : child.right_edge.i + 1]
    return None


def subject(verb: Token, skip: Callable[[Token], bool] | None = None) -> Token | None:
    """The verb's subject; of several (a misparse), the nearest before the verb."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj") and not (skip and skip(c))]
    before = [c for c in subjects if c.i < verb.i]
    if len(before) >= 2 and (_apposed(before[-2], before[-1]) or _of_body(*before[-2:])):
        return before[-2]
    if before:
        subj = before[-1]
        comma = subj.left_edge.i - 1
        if comma > 0 and subj.doc[comma].text == ",":
            # the same, where the parser made the name a fragment of its own
            top = subj.doc[comma - 1]
            while top.head.i != top.i:
                top = top.head
            if top.dep_ == "ROOT" and top.right_edge.i == comma - 1 and _apposed(top, subj):
                return top
        return subj
    return subjects[0] if subjects else None


def _apposed(name: Token, noun: Token) -> bool:
    """ "The Alliance of Sahel States (AES), the confederation formed by …, said": a
    description set off by a comma right after a name, which the parser took for a
    second subject."""
    doc = name.doc
    comma = noun.left_edge.i - 1
    return (
        name.pos_ == "PROPN"
        and noun.pos_ == "NOUN"
        and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.lefts)
        and comma > name.right_edge.i - 1
        and doc[comma].text == ","
        and all(t.is_punct for t in doc[name.right_edge.i + 1 : comma])
    )


def _of_body(person: Token, body: Token) -> bool:
    """ "economist Ruwani X of consultancy Lanka Policy Insights said": the person, where
    the parser took the firm's name for a second subject."""
    of = next((c for c in person.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    return (
        person.ent_type_ == "PERSON"
        and of is not None
        and of.right_edge.i + 1 == body.left_edge.i
        and body.pos_ == "PROPN"
    )


def passive_subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "nsubjpass":
            return child
    return None


def agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for g in child.children:
                if g.dep_ == "pobj":
                    return g
    return None


def child(token: Token, *deps: str, text: str | None = None) -> Token | None:
    for c in token.children:
        if c.dep_ in deps and (text is None or c.lower_ == text):
            return c
    return None


def span_chars(span: SpacySpan) -> tuple[int, int]:
    return span.start_char, span.end_char
