"""Where a statement was said, when the report says so beside its cue.

"said in Baghdad", "told reporters in Erbil", "said at a press conference in Amman",
"speaking in Geneva", "said during a visit to Kirkuk": a place the gazetteer knows, inside a
prepositional phrase that hangs from the cue verb (or from its object or an adverbial clause
of speaking), and outside the reported content. Nothing else counts: a place named in the
content is what was talked about, and a dateline is where the report was filed.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from seed.records import Mention

#: prepositions whose object is where something was said: "in Baghdad", "at Ain al-Asad"
AT_PLACE = frozenset({"in", "at", "from", "inside", "outside"})
#: prepositions that lead to an occasion, whose own place phrase then counts: "at a press
#: conference in …", "during a visit to …"
OCCASION = frozenset({"at", "during", "on", "in", "after", "before", "while"})
#: nouns of travel, after which "to" names the place: "during a visit to Kirkuk"
TRAVEL = frozenset({"visit", "trip", "tour", "stop"})
#: dependency labels of the cue's children that may carry the place: its objects ("told
#: reporters in …") and adverbial clauses of speaking ("speaking in …")
_CARRIERS = frozenset({"dobj", "dative", "advcl"})
_SPEAKING = frozenset({"speak", "talk", "address", "visit", "brief", "tell", "tour"})


def said_at(
    cue: Token | None, places: Sequence[Mention], content: Sequence[tuple[int, int]]
) -> Mention | None:
    """The first place (in text order) named where ``cue`` says it was spoken, or None.

    ``places`` are the article's resolved place mentions and ``content`` the attribution's
    content pieces (character offsets), whose places never count.
    """
    if cue is None or not places:
        return None
    objects = [t.idx for t in _place_objects(cue)]
    if not objects:
        return None
    for mention in sorted(places, key=lambda m: m.span.start):
        start, end = mention.span.start, mention.span.end
        if mention.location is None:
            continue
        if any(a < end and start < b for a, b in content):
            continue
        if any(start <= i < end for i in objects):
            return mention
    return None


def _place_objects(cue: Token) -> list[Token]:
    """The objects of prepositions under ``cue`` that may be where it was said."""
    heads = [cue]
    for child in cue.children:
        if child.dep_ in _CARRIERS and (child.dep_ != "advcl" or child.lemma_.lower() in _SPEAKING):
            heads.append(child)
    found: list[Token] = []
    for head in heads:
        for prep in head.children:
            if prep.dep_ == "prep":
                found.extend(_objects(prep, depth=0))
    return found


def _objects(prep: Token, depth: int) -> list[Token]:
    found: list[Token] = []
    word = prep.lower_
    for pobj in prep.children:
        if pobj.dep_ != "pobj":
            continue
        if word in AT_PLACE or (word == "to" and prep.head.lemma_.lower() in TRAVEL):
            found.append(pobj)
        if depth < 2 and (word in OCCASION or word == "to"):
            for inner in pobj.children:
                if inner.dep_ == "prep":
                    found.extend(_objects(inner, depth + 1))
    return found
