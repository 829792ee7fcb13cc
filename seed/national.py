"""A country's body named without its country ("the Interior Ministry", "the presidency",
"the army's media office") or with its country as a possessive ("Sudan's army") is named with
the country's adjective ("French Interior Ministry", "Sudanese army"), so that the ministries,
armies and presidencies of different countries stay different actors across a corpus. "The
government" of a report whose dateline or headline places it in one country is that country,
the state speaking as such.

The country is, in this order: the place the speaker as written names ("Gaza's health
ministry"), the place a sentence of the body's opens with ("Inside Gaza, the Health Ministry
said"), the country another of the article's bodies with the same name was given ("Peru's
Ombudsman's Office … the Ombudsman's Office"), the dateline's place, the one country the
headline names. Unknown stays unknown: the name is left as written."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from seed.entities.gazetteer import Entry, Gazetteer
from seed.entities.places import PlaceResolver
from seed.extract.base import Candidate, Context
from seed.records import ActorKind, ActorRef, LocationKind, LocationRef, Mention
from seed.structure import ArticleStructure

#: kinds an actor of a country's government can be given
_KINDS = frozenset({ActorKind.GOVERNMENT, ActorKind.ORGANIZATION, ActorKind.GROUP})
#: "… Ministry", "Ministry of …": a ministry is always some country's (or region's)
_MINISTRY = re.compile(r"^(?:[\w'’-]+ )*[Mm]inistry(?: of [\w'’ ,-]+)?$|^Foreign Office$")
#: a body named by common nouns only ("presidency", "army's general staff", "Prime Minister's
#: Office", "media office"); a proper name ("Rapid Support Forces") is its own
_COMMON_BODY = re.compile(
    r"^(?:(?:[a-z][\w-]*|Prime|Minister['’]s|President['’]s|Ombudsman['’]s|Presidential)"
    r"(?:['’]s)? )*(?:presidency|Presidency|army|military|armed forces|general staff|"
    r"(?:media|press|presidential|President['’]s|Prime Minister['’]s|Ombudsman['’]s) [Oo]ffice)$"
)
_POSSESSIVE = re.compile(r"^(?P<owner>.+?)['’]s (?P<rest>.+)$")
#: words a proper name may hold uncapitalised
_FUNCTION_WORDS = frozenset({"of", "for", "and", "the", "on", "in", "de", "del", "la", "&"})
#: a government named without its country, as a speaker's actor is named ("the
#: government", "the junta", "the transitional government")
_GOVERNMENTS = tuple(
    f"{q}{noun}"
    for noun in ("government", "junta", "regime")
    for q in ("", "military ", "transitional ", "interim ")
)
#: fronted places: "In Gaza,", "Inside Syria,"
_FRONTED = frozenset({"in", "inside", "from"})


def qualify(
    ctx: Context,
    candidates: Sequence[Candidate],
    places: Iterable[Mention],
    structure: ArticleStructure,
    resolver: PlaceResolver,
) -> None:
    """Rename, in place, the candidates' actors that are a country's bodies named without
    their country."""
    gaz = resolver.gaz
    places = sorted(places, key=lambda m: m.span.start)
    named: dict[str, ActorRef] = {}
    evidence: dict[str, str] = {}  # actor name → qualifier from its own sentences
    for c in candidates:
        where = _own_place(c, places, gaz) or _fronted(ctx, c, places, gaz)
        if where is not None:
            for actor in (c.actor, *c.co_actors):
                if isinstance(actor, ActorRef):
                    evidence.setdefault(actor.name, where)
    default, country = _article_place(ctx.text, structure, places, resolver)
    country = _headline_country(structure, places, country, gaz) or country
    state = gaz.actor(country.id) if country is not None else None
    if state is not None and state.kind is ActorKind.STATE:
        # "The government said …" in a report from Kampala: the state speaking as such
        # (as "The Government", too)
        for government in _GOVERNMENTS:
            if government not in evidence:
                named[government] = named[government.capitalize()] = state
    for c in candidates:
        for actor in (c.actor, *c.co_actors):
            if isinstance(actor, ActorRef) and actor.name not in named:
                named[actor.name] = _renamed(actor, evidence, named, default, resolver, c)
    for c in candidates:
        if isinstance(c.actor, ActorRef):
            c.actor = named.get(c.actor.name, c.actor)
        c.co_actors = [named.get(a.name, a) if isinstance(a, ActorRef) else a for a in c.co_actors]


def _renamed(
    actor: ActorRef,
    evidence: dict[str, str],
    named: dict[str, ActorRef],
    default: str | None,
    resolver: PlaceResolver,
    c: Candidate,
) -> ActorRef:
    if actor.kind not in _KINDS:
        return actor
    name = actor.name
    ruled = _ruling(name, resolver)
    if ruled is not None:
        return ruled
    owned = _POSSESSIVE.match(name)
    if owned is not None:
        owner, rest = owned["owner"], owned["rest"]
        place = resolver.resolve(owner)
        if place is not None and (_is_body(rest) or _proper(rest)):
            # "Sudan's army" says as much as "Sudanese army" and stays an alias, the name the
            # article gives it: one article may name two countries' bodies of one name
            # ("Kazakhstan's Ministry of Ecology … Azerbaijan's Ministry of Ecology")
            qualified = f"{_qualifier(place, resolver.gaz, owner)} {rest}"
            return replace(actor, name=qualified, aliases=(*actor.aliases, name))
        if owner.lower() in ("army", "military", "ministry") and _is_body(f"{owner} {rest}"):
            name = f"{owner} {rest}"  # "the army's media office": the army media office
    if not _is_body(name) or _names_place(name, resolver.gaz):
        return actor
    if _names_person(c):
        return actor
    qualifier = evidence.get(actor.name)
    if qualifier is None:
        # "Peru's Ombudsman's Office … the Ombudsman's Office": the one named so before
        ending = f" {name.lower()}"
        qualifier = next(
            (
                q.name[: -len(ending)]
                for q in named.values()
                if q.name.lower().endswith(ending) and q.name != name
            ),
            None,
        )
    qualifier = qualifier or default
    if qualifier is None:
        return actor
    # "Interior Ministry" is no alias of "French Interior Ministry" (it would join the
    # interior ministries of every country); it is only how this article writes the name
    return replace(actor, name=f"{qualifier} {name}", written=name)


def _names_place(name: str, gaz: Gazetteer) -> bool:
    """Whether a body's name already holds a place or its adjective, of one word or more
    ("Iraqi army", "Sri Lankan finance ministry", "South Sudan army")."""
    words = re.findall(r"[\w-]+", name)
    for size in (1, 2, 3):
        for i in range(len(words) - size + 1):
            phrase = " ".join(words[i : i + size])
            if gaz.is_geo_token(phrase) or (
                size > 1 and gaz.find_place(phrase, (LocationKind.COUNTRY,)) is not None
            ):
                return True
    return False


def _proper(name: str) -> bool:
    """Whether a body's name is a proper name: its words capitalised but for short function
    words ("Ministry of Water Resources", "Ombudsman's Office", "National Migration
    Institute"), not a common noun ("army", "media office")."""
    words = name.split()
    return len(words) > 1 and all(w[0].isupper() or w in _FUNCTION_WORDS for w in words)


def _is_body(name: str) -> bool:
    return bool(_MINISTRY.match(name) or _COMMON_BODY.match(name))


def _names_person(c: Candidate) -> bool:
    """Whether the speaker as written holds a person's name ("Maria Okafor's office")."""
    speaker = c.root().speaker
    return speaker is not None and any(t.ent_type_ == "PERSON" for t in speaker)


def _adjective(country: Entry) -> str:
    """ "Sudanese" for Sudan, "US" for the United States, "New Zealand" (whose people are
    "New Zealanders") and "Gaza" as they are."""
    if country.adjective:
        return country.adjective
    first = country.demonyms[0] if country.demonyms else ""
    return first if first and not first.endswith(("er", "ers")) else country.name


def _qualifier(place: LocationRef, gaz: Gazetteer, written: str) -> str:
    """The adjective of a country or of the country a city lies in ("Sudanese"), else the
    region's name as written ("Gaza")."""
    if place.kind in (LocationKind.COUNTRY, LocationKind.CITY):
        country = gaz.get(place.country_code)
        if country is not None:
            return _adjective(country)
    return written


def _named_by(place: Mention, gaz: Gazetteer) -> str | None:
    """The qualifier a place mention gives."""
    return _qualifier(place.location, gaz, place.text) if place.location is not None else None


def _own_place(c: Candidate, places: Sequence[Mention], gaz: Gazetteer) -> str | None:
    """The place the speaker as written names ("Gaza's health ministry"), as a qualifier."""
    speaker = c.root().speaker
    if speaker is None:
        return None
    place = next(
        (
            m
            for m in places
            if speaker.start_char <= m.span.start and m.span.end <= speaker.end_char
        ),
        None,
    )
    return _named_by(place, gaz) if place is not None else None


def _fronted(ctx: Context, c: Candidate, places: Sequence[Mention], gaz: Gazetteer) -> str | None:
    """The place the sentence of ``c``'s speaker opens with ("Inside Gaza, the ministry
    said"), as a qualifier."""
    root = c.root()
    if root.speaker is None:
        return None
    sentence = ctx.layout.sentences[root.sentence]
    first = sentence[0]
    if first.lower_ not in _FRONTED:
        return None
    after = first.idx + len(first)
    place = next(
        (
            m
            for m in places
            if after < m.span.start <= after + 1 and m.span.end < root.speaker.start_char
        ),
        None,
    )
    if place is None or ctx.text[place.span.end : place.span.end + 1] != ",":
        return None
    return _named_by(place, gaz)


def _opens_paragraph(text: str, place: Mention) -> bool:
    """Whether the place is a paragraph's first word, followed by a comma or a space."""
    start, end = place.span.start, place.span.end
    return text[start - 1 : start] in ("", "\n") and text[end : end + 1] in (",", " ")


def _article_place(
    text: str,
    structure: ArticleStructure,
    places: Sequence[Mention],
    resolver: PlaceResolver,
) -> tuple[str | None, Entry | None]:
    """The dateline's place ("CAIRO, July 8 --", "Budapest, January 22 (MTI) -"), else the
    one country the headline names: as a qualifier, and the country it lies in."""
    gaz = resolver.gaz
    dateline = structure.dateline
    if dateline is not None:
        # a dateline in capitals is seldom a named entity
        word = re.match(r"[^,(\-–—]+", text[dateline.start : dateline.end])
        written = word.group().strip().title() if word else ""
        place = resolver.resolve(written) if written else None
        if place is not None:
            return _qualifier(place, gaz, written), _country(place, gaz)
    first = next(
        (m for m in places if structure.title is None or m.span.start >= structure.title.end), None
    )
    if first is not None and _opens_paragraph(text, first):
        # "Budapest, January 22 (MTI) -": a dateline not in capitals
        where = first.location
        return _named_by(first, gaz), _country(where, gaz) if where is not None else None
    if structure.title is not None:
        # "France: Hundreds march …", "Sudan army says …": the one country a headline names
        countries = {
            p.country_code
            for p in _headline_places(structure, places)
            if p.kind is LocationKind.COUNTRY
        }
        if len(countries) == 1 and (country := gaz.get(countries.pop())) is not None:
            return _adjective(country), country
        if not countries:
            # "… threatens Danish pig sector": the one people's adjective it holds
            peoples = _peoples(text[structure.title.start : structure.title.end], gaz)
            if len(peoples) == 1:
                (people,) = peoples.values()
                return _adjective(people), people
    if structure.paragraphs:
        # "Kyrgyzstan's parliament on Monday approved …" under a headline naming no place:
        # the one country the first paragraph's places lie in
        lede = structure.paragraphs[0]
        codes = {
            m.location.country_code
            for m in places
            if lede.start <= m.span.start < lede.end and m.location is not None
        }
        # and the peoples it names ("the Icelandic Meteorological Office")
        codes |= set(_peoples(text[lede.start : lede.end], gaz))
        if len(codes) == 1 and (country := gaz.get(codes.pop())) is not None:
            return _adjective(country), country
    return None, None


def _peoples(text: str, gaz: Gazetteer) -> dict[str, Entry]:
    """The countries whose peoples' adjectives a text holds ("Danish", "Icelandic"), by id."""
    return {e.id: e for w in re.findall(r"[A-Z][\w-]+", text) if (e := gaz.country_of_demonym(w))}


def _ruling(name: str, resolver: PlaceResolver) -> ActorRef | None:
    """ "Myanmar's military government", "the Myanmar junta": the state speaking as such."""
    owner, _, rest = name.partition(" ")
    owner = owner.removesuffix("'s").removesuffix("’s")
    if rest.lower() not in _GOVERNMENTS:
        return None
    place = resolver.resolve(owner)
    if place is None or place.kind is not LocationKind.COUNTRY:
        return None
    country = _country(place, resolver.gaz)
    state = resolver.gaz.actor(country.id) if country is not None else None
    return state if state is not None and state.kind is ActorKind.STATE else None


def _headline_places(structure: ArticleStructure, places: Sequence[Mention]) -> list[LocationRef]:
    """The places the headline names."""
    title = structure.title
    if title is None:
        return []
    return [
        m.location
        for m in places
        if title.start <= m.span.start and m.span.end <= title.end and m.location is not None
    ]


def _headline_country(
    structure: ArticleStructure, places: Sequence[Mention], dateline: Entry | None, gaz: Gazetteer
) -> Entry | None:
    """ "Myanmar's military says election will go ahead" from Bangkok: the one country a
    headline names, where no place the headline names lies in the dateline's country, is
    the country whose government the report means."""
    if dateline is None:
        return None
    named = _headline_places(structure, places)
    codes = {p.country_code for p in named}
    countries = {p.country_code for p in named if p.kind is LocationKind.COUNTRY}
    if len(countries) != 1 or dateline.id in codes:
        return None
    return gaz.get(countries.pop())


def _country(place: LocationRef, gaz: Gazetteer) -> Entry | None:
    """The country a country or a city is."""
    if place.kind in (LocationKind.COUNTRY, LocationKind.CITY) and place.country_code:
        return gaz.get(place.country_code)
    return None
