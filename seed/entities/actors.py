"""Actors: resolve a name to an :class:`~seed.records.ActorRef`, read roles from titles and
appositions, cluster one article's names, merge actors across articles.

- :meth:`ActorResolver.resolve` — "PMU" → Popular Mobilization Forces (armed group);
  "Washington" → United States (state: a seat of government stands for its state);
  "Iraq's Prime Minister Mohamed Shia al-Sudani" → person "Mohamed Shia al-Sudani" with the
  role Prime Minister of Iraq; an unknown ORG → an organisation of a guessed kind.
- :func:`parse_role` / :func:`split_role` — titles before a name and appositions after it
  ("Kazim al-Fartusi, the spokesperson of Kataeb Sayyid al-Shuhada").
- :func:`is_title_phrase` — a description standing for a person ("the prime minister",
  "Iraq's defence minister"): the speaker resolver looks it up in the discourse.
- :meth:`ActorResolver.cluster` — one article's surface names → the longest full form;
  a surname alone joins a full name only when exactly one full name in the article fits.
- :meth:`ActorResolver.canonicalize_across` — actors from many articles merged: by gazetteer
  entry, by full name (:func:`~seed.entities.names.same_person`), by a shared multi-word or
  non-Latin alias; a surname alone only with a matching role as evidence.

People are never looked up in the gazetteer: they are whatever the text names.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from schema.enums import ActorKind
from seed.entities.gazetteer import COUNTRY, Entry, Gazetteer, default_gazetteer
from seed.entities.names import (
    clean_display,
    is_arabic_script,
    match_key,
    normalize,
    person_tokens,
    same_person,
    tokens_match,
)
from seed.records import ActorRef, Mention, RoleRef, Span

#: a front is armed when its name says it fights ("Popular Front for the Liberation of …",
#: "al-Nusra Front"), and a party otherwise ("the Tamil National People's Front")
ARMED_FRONT = re.compile(
    r"\b(?:liberation|islamic|jihad|resistance|revolutionary|armed|mujahideen|nusra|al-\w+)\b"
    r".*\bfront\b|\bfront\b.*\b(?:liberation|islamic|jihad|resistance|revolutionary|armed)\b",
    re.I,
)
#: a union of workers or of a trade is no party ("Transport Workers' Union", "National Union
#: of Teachers"), as a union of parties or peoples is ("Christian Democratic Union")
TRADE_UNION = re.compile(
    r"\bunions?\b.*\b(?:workers|employees|teachers|nurses|doctors|journalists|miners|"
    r"farmers|students|staff|drivers|trade|labou?r|transport|public service|civil service)\b|"
    r"\b(?:workers|employees|teachers|nurses|doctors|journalists|miners|farmers|students|"
    r"staff|drivers|trade|labou?r|transport)['’]?\s+unions?\b",
    re.I,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "ActorResolver",
    "is_title_phrase",
    "looks_like_person_name",
    "parse_role",
    "split_role",
]

# --------------------------------------------------------------------------- tokens

# words ("Kata'ib", "U.S.", "Brig."), a possessive 's, separators; hyphens inside words split
_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"
    r"|[^\W_]+(?:['’](?!s\b)[^\W_]+)*\.?"
    r"|['’]s\b"
    r"|[,;:()\[\]]"
    r"|(?<=\s)[-–—](?=\s)",
    re.UNICODE,
)
_SEPARATORS = {",", ";", ":", "-", "–", "—"}
_DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "our", "this", "that"}
_ORG_LINKS = {"of", "for", "at", "with", "to", "from", "in"}
_APPOSITION_STOP = {"who", "which", "that", "whose", "where", "when", "said", "says", "told"}
#: "Iran-backed", "US-led": words tying an adjective to the organisation that follows
_AFFILIATION = {
    "backed",
    "led",
    "aligned",
    "linked",
    "affiliated",
    "allied",
    "based",
    "supported",
    "funded",
    "sponsored",
    "controlled",
    "dominated",
}
#: single-word titles that are also common words: they need a name or "of …" after them
_AMBIGUOUS_TITLES = {
    "Major",
    "General",
    "Head",
    "Member",
    "Official",
    "Speaker",
    "Chairman",
    "Leader",
    "Judge",
    "Director",
    "Captain",
    "Secretary",
    "Representative",
    "Founder",
    "Analyst",
    "Correspondent",
    "Advisor",
    "Prince",
    "King",
    "Queen",
    "Commander",
}


@dataclass(frozen=True, slots=True)
class _Tok:
    text: str
    norm: str
    start: int
    end: int

    @property
    def is_sep(self) -> bool:
        return self.text in _SEPARATORS

    @property
    def is_possessive(self) -> bool:
        return self.norm == "'s"

    @property
    def is_capitalised(self) -> bool:
        c = self.text[:1]
        return c.isupper() or (bool(c) and is_arabic_script(c))


def _tokens(text: str) -> list[_Tok]:
    out = []
    for m in _TOKEN.finditer(text):
        t = m.group()
        norm = "'s" if t in ("'s", "’s") else normalize(t)
        if norm or t in _SEPARATORS or t in "()[]":
            out.append(_Tok(t, norm or t, m.start(), m.end()))
    return out


# --------------------------------------------------------------------------- role lexicon


@dataclass(frozen=True)
class _RoleLexicon:
    titles: dict[tuple[str, ...], str]
    fields: dict[tuple[str, ...], str]
    #: every word of a field ("foreign", "affairs"), to tell a title's field from a name
    field_words: frozenset[str]
    max_title: int
    max_field: int
    modifiers: frozenset[str]
    former: frozenset[str]
    ignored: frozenset[str]
    org_words: dict[str, ActorKind]
    group_adjectives: frozenset[str]


def _norm_tuple(s: str) -> tuple[str, ...]:
    return tuple(normalize(s).split())


@cache
def _role_lexicon(gaz: Gazetteer) -> _RoleLexicon:
    lex = gaz.lexicon
    titles: dict[tuple[str, ...], str] = {}
    for canonical, variants in lex.get("titles", {}).items():
        for v in (canonical, *variants):
            key = _norm_tuple(v)
            if key:
                titles.setdefault(key, canonical)
    fields: dict[tuple[str, ...], str] = {}
    for canonical, variants in lex.get("ministries", {}).items():
        for v in (canonical, *variants):
            key = _norm_tuple(v)
            if key:
                fields.setdefault(key, canonical)
    org_words: dict[str, ActorKind] = {}
    for kind, words in lex.get("organization_words", {}).items():
        for w in words:
            org_words.setdefault(normalize(w), ActorKind(kind))
    return _RoleLexicon(
        titles=titles,
        fields=fields,
        field_words=frozenset(w for key in fields for w in key),
        max_title=max((len(k) for k in titles), default=1),
        max_field=max((len(k) for k in fields), default=1),
        modifiers=frozenset(normalize(w) for w in lex.get("modifiers", ())),
        former=frozenset(normalize(w) for w in lex.get("former", ())),
        ignored=frozenset(normalize(w) for w in lex.get("ignored_before_title", ())),
        org_words=org_words,
        group_adjectives=frozenset(
            t for w in lex.get("group_adjectives", ()) for t in normalize(w).split()
        ),
    )


# --------------------------------------------------------------------------- role parsing


@dataclass(frozen=True, slots=True)
class _Parsed:
    role: RoleRef | None
    name: str | None  # what is left when the title phrase is taken out, cleaned


class _RoleParser:
    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.lex = _role_lexicon(gaz)

    # ---------------------------------------------------------------- titles

    def _title_at(self, toks: Sequence[_Tok], i: int) -> tuple[str, int] | None:
        """Longest title starting at token i: (canonical title, end index)."""
        lex = self.lex
        best: tuple[str, int] | None = None
        n_max = min(max(lex.max_title, lex.max_field + 2), len(toks) - i)
        norms = [t.norm for t in toks[i : i + n_max]]
        for n in range(n_max, 0, -1):
            key = tuple(norms[:n])
            if key in lex.titles:
                best = (lex.titles[key], i + n)
                break
        # "<field> minister", "minister of/for <field>"
        for n in range(min(lex.max_field, len(norms) - 1), 0, -1):
            f = tuple(norms[:n])
            if f in lex.fields and norms[n] == "minister":
                cand = (f"{lex.fields[f]} Minister", i + n + 1)
                if best is None or cand[1] > best[1]:
                    best = cand
                break
        if norms and norms[0] == "minister" and len(norms) > 2 and norms[1] in ("of", "for"):
            for n in range(min(lex.max_field, len(norms) - 2), 0, -1):
                f = tuple(norms[2 : 2 + n])
                if f in lex.fields:
                    cand = (f"{lex.fields[f]} Minister", i + 2 + n)
                    if best is None or cand[1] > best[1]:
                        best = cand
                    break
        return best

    # ---------------------------------------------------------------- organisations

    def _actor_name(self, text: str, *, fuzzy: bool) -> str | None:
        text = clean_display(text)
        if not text:
            return None
        e = self.gaz.find_actor(text)
        if e is None:
            p = self.gaz.find_place(text)
            if p is not None:
                return p.name
            c = self.gaz.country_of_demonym(text)
            if c is not None:
                return c.name
            if fuzzy and len(text.split()) >= 2:
                e = self.gaz.fuzzy_actor(text)
        return e.name if e is not None else None

    def _org_prefix(self, text: str, toks: Sequence[_Tok], i: int) -> tuple[str, int] | None:
        """An organisation or country before a title: "Iraq's", "Iraqi", "US", "PMF"."""
        limit = min(6, len(toks) - i)
        # possessive: capitalised words up to "'s"
        for n in range(1, limit):
            if toks[i + n].is_possessive:
                span = toks[i : i + n]
                if not span[0].is_capitalised or any(t.is_sep or t.text in "()" for t in span):
                    break
                phrase = text[span[0].start : span[-1].end]
                return (self._actor_name(phrase, fuzzy=True) or clean_display(phrase), i + n + 1)
        for n in range(limit, 0, -1):
            span = toks[i : i + n]
            if not span[0].is_capitalised or any(t.is_sep or t.text in "()" for t in span):
                continue
            nxt = i + n
            if nxt >= len(toks):
                continue
            follows = toks[nxt].norm
            if not (
                self._title_at(toks, nxt)
                or follows in self.lex.modifiers
                or follows in self.lex.former
                or follows in self.lex.ignored
            ):
                continue
            name = self._actor_name(text[span[0].start : span[-1].end], fuzzy=False)
            if name is not None:
                return name, nxt
        return None

    def _org_after(
        self, text: str, toks: Sequence[_Tok], k: int, *, expect_name: bool
    ) -> tuple[str | None, int]:
        """The organisation after "of/for/at": (canonical or written name, end index)."""
        while k < len(toks) and toks[k].norm in _DETERMINERS:
            k += 1
        # "Iraq's Popular Mobilization Units": a possessor before the organisation
        possessor: str | None = None
        if k + 2 < len(toks) and toks[k + 1].is_possessive and toks[k].is_capitalised:
            possessor = self._actor_name(toks[k].text, fuzzy=False)
            if possessor is not None:
                k += 2
        end = k
        while end < len(toks) and not toks[end].is_sep and toks[end].norm not in _APPOSITION_STOP:
            end += 1
        # adjectives before the organisation: "Iran-backed", "the Shia", "pro-Iran"
        start = k
        while start < end:
            t = toks[start].norm
            if t in _AFFILIATION or t in self.lex.group_adjectives or t in ("pro", "anti"):
                start += 1
            elif (
                self.gaz.is_geo_token(t)
                and start + 1 < end
                and toks[start + 1].norm in _AFFILIATION
            ):
                start += 2
            else:
                break
        # exact names first (from after the adjectives, then from the start), then fuzzy
        passes = [(start, False), *([(k, False)] if k != start else []), (start, True)]
        for first, fuzzy in passes:
            for n in range(min(8, end - first), 0, -1):
                span = toks[first : first + n]
                if span[-1].text in "([" or span[0].text in "([":
                    continue
                name = self._actor_name(text[span[0].start : span[-1].end], fuzzy=fuzzy and n >= 2)
                if name is None:
                    continue
                j = first + n
                if j < len(toks) and toks[j].text == "(":  # "(PMU)"
                    close = next(
                        (x for x in range(j, min(j + 6, len(toks))) if toks[x].text == ")"), None
                    )
                    if close is not None:
                        j = close + 1
                # in an apposition the rest of the clause only describes the organisation
                return name, (j if expect_name else max(j, end))
        if k >= end:
            return possessor, k
        if not expect_name:
            # an apposition: the organisation is what follows, maybe with adjectives
            phrase = text[toks[k].start : toks[end - 1].end]
            hits = [h for h in self.gaz.actors_in(phrase) if h[2].category != COUNTRY]
            if hits:
                return hits[0][2].name, end
            phrase = re.split(r"\s+(?:in|on|at|since|during)\s+", phrase, maxsplit=1)[0]
            return clean_display(phrase) or possessor, end
        # a title, an unknown organisation, then a name: the name is the last capitalised run
        run = end
        while (
            run - 1 > k
            and toks[run - 1].is_capitalised
            # not the plural of a title ending the body's name ("Cabinet of Ministers")
            and (toks[run - 1].norm.removesuffix("s"),) not in self.lex.titles
            or (run - 1 > k and toks[run - 1].norm in ("al", "el", "bin", "ibn", "abu"))
        ):
            run -= 1
            if end - run >= 3:
                break
        if run > k and end - run >= 2:
            return clean_display(text[toks[k].start : toks[run - 1].end]), run
        return possessor, k

    # ---------------------------------------------------------------- phrases

    def _title_phrase(
        self, text: str, toks: Sequence[_Tok], i: int, *, expect_name: bool
    ) -> tuple[RoleRef, int] | None:
        """A title phrase starting at token i (after determiners, possessors, "former")."""
        lex = self.lex
        while i < len(toks) and toks[i].norm in _DETERMINERS:
            i += 1
        former = False
        org: str | None = None
        mods: list[str] = []
        title: tuple[str, int] | None = None
        for _ in range(10):
            if i >= len(toks):
                return None
            title = self._title_at(toks, i)
            if title is not None:
                break
            norm = toks[i].norm
            if norm in lex.former:
                former = True
                i += 1
                continue
            if norm in lex.ignored:
                i += 1
                continue
            if norm in lex.modifiers and i + 1 < len(toks):
                mods.append(toks[i].text.capitalize() if toks[i].text.islower() else toks[i].text)
                i += 1
                continue
            if org is None:
                pre = self._org_prefix(text, toks, i)
                if pre is not None:
                    org, i = pre
                    continue
            return None
        if title is None:
            return None
        canonical, j = title
        if j < len(toks) and toks[j].is_possessive:
            return None  # "the prime minister's office": not a person's title
        if j < len(toks) and toks[j].norm in _ORG_LINKS and toks[j].norm != "in":
            after, j2 = self._org_after(text, toks, j + 1, expect_name=expect_name)
            if after is not None:
                org, j = after, j2
        # "Major cities", "General Assembly": a bare common word needs a name after it,
        # or a determiner before it ("the head")
        if (
            canonical in _AMBIGUOUS_TITLES
            and not mods
            and org is None
            and not former
            and (j >= len(toks) or not toks[j].is_capitalised)
            and not (i > 0 and toks[i - 1].norm in _DETERMINERS)
        ):
            return None
        full = " ".join([*mods, canonical]) if mods else canonical
        if former:
            full = f"former {full}"
        return RoleRef(title=full, organization=org), j

    def parse(self, text: str) -> _Parsed:
        text = clean_display(text)
        toks = _tokens(text)
        if not toks:
            return _Parsed(None, None)
        # apposition: "NAME, the TITLE of ORG[, which …]" / "the TITLE of ORG, NAME"
        seps = [
            idx
            for idx, depth in self._depths(toks)
            if depth == 0 and toks[idx].is_sep and 0 < idx < len(toks) - 1
        ]
        if seps:
            idx = seps[0]
            nxt = seps[1] if len(seps) > 1 else len(toks)
            left, right = toks[:idx], toks[idx + 1 : nxt]
            r = self._title_phrase(text, right, 0, expect_name=False)
            if r is not None and self._only_trailing(right, r[1]):
                inner = self.parse(text[left[0].start : left[-1].end])
                role = r[0]
                if inner.role is not None and role.organization is None:
                    role = replace(role, organization=inner.role.organization)
                return _Parsed(role, inner.name)
            lr = self._title_phrase(text, left, 0, expect_name=False)
            if lr is not None and self._only_trailing(left, lr[1]):
                name = self._name(text, right, 0)
                if name and self._plausible_name(name):
                    return _Parsed(lr[0], name)
        r = self._title_phrase(text, toks, 0, expect_name=True)
        if r is None:
            return _Parsed(None, self._name(text, toks, 0))
        name = self._name(text, toks, r[1])
        if (
            name is not None
            and r[0].title in _AMBIGUOUS_TITLES
            and not looks_like_person_name(name, self.gaz)
        ):
            return _Parsed(None, self._name(text, toks, 0))  # "General Assembly", "Major cities"
        if name is None or self._plausible_name(name):
            return _Parsed(r[0], name)
        # "the head of the Shia militia in Diyala": a description, the rest is its organisation
        d = self._title_phrase(text, toks, 0, expect_name=False)
        if d is not None and self._only_trailing(toks, d[1]):
            return _Parsed(d[0], None)
        return _Parsed(r[0], None)

    @staticmethod
    def _depths(toks: Sequence[_Tok]) -> list[tuple[int, int]]:
        out, depth = [], 0
        for idx, t in enumerate(toks):
            if t.text in "([":
                depth += 1
            elif t.text in ")]":
                depth = max(0, depth - 1)
            out.append((idx, depth))
        return out

    def _plausible_name(self, name: str) -> bool:
        first = name.split()[0]
        if normalize(first) in _ORG_LINKS or normalize(first) in _DETERMINERS:
            return False
        return (
            first[:1].isupper()
            or is_arabic_script(first[:1])
            or normalize(first) in self.gaz.names.particles
        )

    @staticmethod
    def _only_trailing(toks: Sequence[_Tok], j: int) -> bool:
        return all(t.is_sep or t.text in "()[]" for t in toks[j:])

    def _name(self, text: str, toks: Sequence[_Tok], j: int) -> str | None:
        rest = [t for t in toks[j:] if not t.is_sep]
        # drop a parenthetical at the front ("(PMU) Abu Mahdi…")
        while rest and rest[0].text == "(":
            close = next((x for x, t in enumerate(rest) if t.text == ")"), None)
            rest = rest[close + 1 :] if close is not None else rest[1:]
        rest = [t for t in rest if t.text not in "()[]"]
        if not rest or rest[0].is_possessive:
            return None
        name = clean_display(text[rest[0].start : rest[-1].end])
        name = re.sub(r"['’]s$", "", name)
        return name or None


@cache
def _parser(gaz: Gazetteer) -> _RoleParser:
    return _RoleParser(gaz)


@lru_cache(maxsize=32768)
def _parse_cached(text: str, gaz: Gazetteer) -> _Parsed:
    return _parser(gaz).parse(text)


def split_role(text: str, gazetteer: Gazetteer | None = None) -> tuple[str | None, RoleRef | None]:
    """(name, role) of a name with its title or apposition:
    "Iraq's Prime Minister Mohamed Shia al-Sudani" → ("Mohamed Shia al-Sudani",
    RoleRef("Prime Minister", "Iraq")); "the spokesperson" → (None, RoleRef("Spokesperson"))."""
    p = _parse_cached(text, gazetteer or default_gazetteer())
    return p.name, p.role


def parse_role(text: str, gazetteer: Gazetteer | None = None) -> RoleRef | None:
    """The role in a title phrase or apposition, or None.

    ``organization`` is the gazetteer's canonical name when it knows the organisation or
    country ("Iraqi" → "Iraq", "Popular Mobilization United" → "Popular Mobilization
    Forces"), else the words as written. A past role keeps "former" in its title.
    """
    return split_role(text, gazetteer)[1]


def is_title_phrase(text: str, gazetteer: Gazetteer | None = None) -> bool:
    """True for a description that stands for a person without naming them: "the prime
    minister", "Iraq's defence minister", "the spokesperson of the group"."""
    name, role = split_role(text, gazetteer)
    return role is not None and name is None


# --------------------------------------------------------------------------- persons

_INITIAL = re.compile(r"^[A-Z]\.?$")
_MOJIBAKE = re.compile("[ÂÃ¤¦§¨©«¬®¯°±²³´µ¶·¸¹º»¼½¾¿×÷þÞ]|Ìý")


def looks_like_person_name(text: str, gazetteer: Gazetteer | None = None) -> bool:
    """A plausible person's name: 1–6 capitalised words (name particles such as "al-",
    "bin", "abu" allowed), no digits, no organisation head word, not a known place."""
    gaz = gazetteer or default_gazetteer()
    s = clean_display(text)
    words = s.split()
    if not words or len(words) > 6 or any(ch.isdigit() for ch in s):
        return False
    if _MOJIBAKE.search(s):  # "Âþµº", "ÌýÌý": broken encodings are nobody's name
        return False
    lex = _role_lexicon(gaz)
    particles = gaz.names.particles
    for w in words:
        first = w[:1]
        if is_arabic_script(first):
            return False
        head = normalize(w.split("-")[0])
        if first.isupper() or _INITIAL.match(w):
            if normalize(w) in lex.org_words:
                return False
            continue
        if head in particles:
            continue
        return False
    if gaz.find_place(s) is not None or gaz.country_of_demonym(s) is not None:
        return False
    return not all(gaz.is_geo_token(w) for w in words)


def _display_person(name: str, gaz: Gazetteer) -> str:
    s = clean_display(name)
    s = re.sub(r"['’]s$", "", s)
    words = s.split()
    while len(words) > 1 and normalize(words[0]) in gaz.names.honorifics:
        words = words[1:]
    return " ".join(words)


_ODD = re.compile(r"[’'`´\"]")


def _canonical_choice(forms: Iterable[str], counts: Counter[str], gaz: Gazetteer) -> str:
    """Longest full form; among equals the most frequent, then the tidiest, then the first."""
    forms = list(dict.fromkeys(forms))
    return max(
        forms,
        key=lambda f: (
            len(person_tokens(f, gaz.names)),
            counts[f],
            len(normalize(f).split()),  # "Izzat al-Shabandar" over "Ezzat Alshabandar"
            not _ODD.search(f),
            -forms.index(f),
        ),
    )


# --------------------------------------------------------------------------- resolver


class ActorResolver:
    """Names to actors, with the gazetteer for organisations, states and their seats."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gaz = gazetteer or default_gazetteer()
        self.lex = _role_lexicon(self.gaz)
        self._resolve_cached = lru_cache(maxsize=65536)(self._resolve)

    # ---------------------------------------------------------------- resolve

    def resolve(self, text: str, label: str | None = None) -> ActorRef | None:
        """The actor a name stands for, or None (a place, a bare description, noise).

        ``label`` is spaCy's entity label when known (PERSON, ORG, NORP, GPE…): it settles
        what the gazetteer cannot (an unknown ORG is an organisation, an unknown PERSON a
        person) but never overrides a gazetteer hit.
        """
        return self._resolve_cached(text, label)

    def _resolve(self, text: str, label: str | None) -> ActorRef | None:
        gaz = self.gaz
        s = clean_display(text)
        # a possessive ending is no part of a name, unless NER took it into an organisation's
        # ("Moody's", "McDonald's")
        s = re.sub(r"['’]$" if label == "ORG" else r"['’]s?$", "", s).strip()
        s = re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", s)
        if not s or not any(ch.isalpha() for ch in s):
            return None
        e = gaz.find_actor(s)
        if e is not None:
            return gaz.actor(e.id)
        if label != "ORG" and gaz.find_place(s) is not None:
            return None  # a place that does not stand for an actor
        name, role = split_role(s, gaz)
        if role is not None and label == "ORG" and self._org_head(s) is not None:
            name, role = s, None  # "Ukraine's General Staff": a body, not General Staff
        if role is not None:
            if name is None:
                return None  # a description ("the prime minister"): resolved from discourse
            inner = self._resolve_cached(name, "PERSON")
            if inner is not None and inner.kind is ActorKind.PERSON:
                return replace(inner, roles=(role,))
            return inner
        if label != "PERSON":
            e = gaz.fuzzy_actor(s)
            if e is not None:
                return gaz.actor(e.id)
            e = self._known_inside(s)
            if e is not None:
                return gaz.actor(e.id)
        return self._person_or_org(s, label, None)

    def _known_inside(self, s: str) -> Entry | None:
        """A known organisation with adjectives around it ("Iran-backed Kataib Hezbollah
        militia"); None when other names stand beside it."""
        toks = match_key(s).split()
        if len(toks) < 2:
            return None
        hits = [h for h in self.gaz.actors_in(s) if h[2].category != COUNTRY]
        if len(hits) != 1:
            return None
        i, j, entry = hits[0]
        if j - i == 1 and re.match(r"(?i)the\s", entry.name):
            return None  # "National Assembly" holds no "The National"
        covered = set(range(i, j))
        if any(t in _MINISTRY_WORDS for k, t in enumerate(toks) if k not in covered):
            return None  # "Labour Ministry", "Ministry of Labour" is no Labour party
        words = s.replace("-", " ").split()
        if len(words) != len(toks):
            words = toks  # token counts differ (articles dropped): judge by keys
        for k, tok in enumerate(toks):
            if k in covered:
                continue
            w = words[k]
            if self.gaz.is_geo_token(tok) and self._other_country(tok, entry):
                return None  # "Nepali Congress" is not the US Congress
            if tok in self.lex.group_adjectives or self.gaz.is_geo_token(tok):
                continue
            if tok in self.lex.org_words or (w[:1].islower() and w.isalpha()):
                continue
            return None
        return entry

    def _other_country(self, word: str, entry: Entry) -> bool:
        """Whether ``word`` is the adjective of a country other than the one ``entry``
        belongs to."""
        own = self.gaz.country_code(entry.id)
        people = self.gaz.country_of_demonym(word)  # not "Iran" of "Iran-backed"
        theirs = self.gaz.country_code(people.id) if people is not None else None
        return own is not None and theirs is not None and own != theirs

    def _person_or_org(self, s: str, label: str | None, role: RoleRef | None) -> ActorRef | None:
        gaz = self.gaz
        n_words = len(s.split())
        if label == "NORP":
            if n_words >= 2 and looks_like_person_name(s, gaz):
                label = "PERSON"  # "Abu Mahdi al-Muhandis" mislabelled
            elif n_words == 1 and not s.endswith("s"):
                return None  # an adjective ("Iraqi", "Shiite"), not a group of people
            else:
                return ActorRef(name=s, kind=ActorKind.GROUP)
        if label == "ORG" or (label is None and self._org_kind(s) is not None and n_words >= 2):
            return ActorRef(name=s, kind=self._org_kind(s) or ActorKind.ORGANIZATION)
        if label in ("GPE", "LOC", "FAC"):
            return None
        if looks_like_person_name(s, gaz) and (label == "PERSON" or n_words >= 2):
            return ActorRef(
                name=_display_person(s, gaz),
                kind=ActorKind.PERSON,
                roles=(role,) if role else (),
            )
        # Arabic-script "names" from an English model are mostly noise: they become actors
        # only through the gazetteer or as aliases the extractor pairs with a Latin name.
        return None

    def ends_as_body(self, s: str) -> bool:
        """Whether a name's last words are a body's ("Kestrel Maritime", "Anbar Operations
        Command")."""
        return self._org_head(s) is not None

    def _org_kind(self, s: str) -> ActorKind | None:
        words = self.lex.org_words
        # the last kind word before what it is of ("Ministry of Energy", "European Union
        # Agency for Railways") unless the name's last words make it a government's
        # ("Council of Ministers"), else those words, else a kind word anywhere
        toks = normalize(s).split()
        named = next((k for k, t in enumerate(toks) if t in ("of", "for")), None)
        head = self._org_head(s)
        kind = (
            next((words[t] for t in reversed(toks[:named]) if t in words), None)
            if named is not None and head is not ActorKind.GOVERNMENT
            else None
        )
        kind = kind or head
        if kind is None:
            kind = next((words[t] for t in toks if t in words), None)
        if kind is ActorKind.PARTY and ARMED_FRONT.search(s):
            return ActorKind.ARMED_GROUP
        if kind is ActorKind.PARTY and TRADE_UNION.search(s):
            return ActorKind.ORGANIZATION
        return kind

    def _org_head(self, s: str) -> ActorKind | None:
        """The kind of organisation a name's last words make it ("Anbar Operations
        Command", "General Staff"), or None."""
        toks = normalize(s).split()
        words = self.lex.org_words
        for n in (3, 2, 1):
            key = " ".join(toks[-n:])
            if len(toks) >= n and key in words:
                return words[key]
        return None

    # ---------------------------------------------------------------- one article

    def cluster(self, names: Iterable[str]) -> dict[str, str]:
        """Each surface name of one article → its canonical form in that article.

        Person names cluster with :func:`same_person`; the canonical form is the longest
        full name (then the most frequent, the tidiest). A surname alone ("Sudani",
        "al-Sudani") joins the one full name whose last name it is; with two candidates it
        stays as written. Titles are dropped ("Secretary Austin" → "Lloyd Austin").
        Organisations and states map to the gazetteer's canonical name.
        """
        gaz = self.gaz
        surfaces = list(names)
        counts: Counter[str] = Counter()
        display: dict[str, str] = {}
        out: dict[str, str] = {}
        for s in surfaces:
            if s in display or s in out:
                if s in display:
                    counts[display[s]] += 1
                continue
            ref = self.resolve(s, "PERSON")
            if ref is None:
                out[s] = clean_display(s)
            elif ref.kind is not ActorKind.PERSON:
                out[s] = ref.name
            else:
                display[s] = ref.name
                counts[ref.name] += 1
        groups: list[list[str]] = []
        singles: list[str] = []
        for d in dict.fromkeys(display.values()):
            toks = person_tokens(d, gaz.names)
            if len(toks) < 2:
                singles.append(d)
                continue
            for g in groups:
                if any(same_person(d, m, same_article=True, lexicon=gaz.names) for m in g):
                    g.append(d)
                    break
            else:
                groups.append([d])
        canonical: dict[str, str] = {}
        for g in groups:
            c = _canonical_choice(g, counts, gaz)
            for m in g:
                canonical[m] = c
        for d in singles:
            # the surname, or the given name of a patronymic name ("Saif" of "Saif bin …")
            fits = [
                g
                for g in groups
                if any(same_person(d, m, same_article=True, lexicon=gaz.names) for m in g)
            ]
            canonical[d] = canonical[fits[0][0]] if len(fits) == 1 else d
        for s, d in display.items():
            out[s] = canonical.get(d, d)
        return out

    # ---------------------------------------------------------------- across articles

    def canonicalize_across(self, refs: Iterable[ActorRef]) -> dict[str, ActorRef]:
        """Merge actors found in several articles; maps every input name (and every alias
        no other actor claims) to the merged :class:`ActorRef`.

        Merged: refs resolving to one gazetteer entry (any alias, any script); persons whose
        full names match (:func:`same_person`) or who share a multi-word or non-Latin alias.
        A person known only by a surname joins a full name only when exactly one full name
        fits and a role agrees (same title and organisation); otherwise it stays apart.
        """
        gaz = self.gaz
        items = list(refs)
        parent = list(range(len(items)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        def union(i: int, j: int) -> None:
            ri, rj = find(i), find(j)
            if ri != rj:
                parent[max(ri, rj)] = min(ri, rj)

        by_key: dict[tuple[str, str], int] = {}
        persons: list[int] = []
        singles: list[int] = []
        for i, r in enumerate(items):
            if r.kind is ActorKind.PERSON:
                toks = person_tokens(r.name, gaz.names)
                (singles if len(toks) < 2 else persons).append(i)
                keys = [("p", normalize(r.name))]
                for a in r.aliases:
                    if len(person_tokens(a, gaz.names)) >= 2 or any(is_arabic_script(c) for c in a):
                        keys.append(("p", normalize(a)))
            else:
                entry = None
                for n in (r.name, *r.aliases):
                    entry = gaz.find_actor(n)
                    if entry is not None:
                        break
                keys = [("g", entry.id)] if entry else [("o", match_key(r.name))]
            for k in keys:
                if k in by_key:
                    union(by_key[k], i)
                else:
                    by_key[k] = i
        # full names: one representative per spelling, compared within buckets of the last token
        reps = list({normalize(items[i].name): i for i in reversed(persons)}.values())
        last_tokens = {i: person_tokens(items[i].name, gaz.names)[-1] for i in reps}
        buckets: dict[str, list[int]] = {}
        for i in reps:
            last = last_tokens[i]
            if len(last) > 5 and last[:2] in ("al", "el"):  # "Alshabandar" = "al-Shabandar"
                last = last[2:]
            buckets.setdefault(last[:3], []).append(i)
        for members in buckets.values():
            for a_idx, i in enumerate(members):
                for j in members[a_idx + 1 :]:
                    if find(i) != find(j) and same_person(
                        items[i].name, items[j].name, lexicon=gaz.names
                    ):
                        union(i, j)
        # surnames alone: only with a role as evidence
        roles_by_root: dict[int, set[tuple[str, str]]] = {}
        for j in persons:
            roles_by_root.setdefault(find(j), set()).update(_role_key(x) for x in items[j].roles)
        for i in singles:
            r = items[i]
            if not r.roles:
                continue
            tok = person_tokens(r.name, gaz.names)
            if not tok:
                continue
            fits = {find(j) for j in reps if tokens_match(tok[0], last_tokens[j])}
            if len(fits) != 1:
                continue
            root = fits.pop()
            if any(_role_key(x) in roles_by_root.get(root, ()) for x in r.roles):
                union(i, root)
        groups: dict[int, list[int]] = {}
        for i in range(len(items)):
            groups.setdefault(find(i), []).append(i)
        merged: dict[int, ActorRef] = {
            root: self._merge([items[i] for i in m]) for root, m in groups.items()
        }
        out: dict[str, ActorRef] = {}
        for i, r in enumerate(items):
            out[r.name] = merged[find(i)]
        claims: dict[str, set[int]] = {}
        for root, ref in merged.items():
            for a in ref.aliases:
                claims.setdefault(a, set()).add(root)
        for a, roots in claims.items():
            if a not in out and len(roots) == 1:
                out[a] = merged[next(iter(roots))]
        return out

    def _merge(self, refs: Sequence[ActorRef]) -> ActorRef:
        gaz = self.gaz
        if len(refs) == 1:
            return refs[0]
        kinds = Counter(r.kind for r in refs)
        kind = kinds.most_common(1)[0][0]
        if kind is ActorKind.PERSON:
            counts = Counter(r.name for r in refs)
            name = _canonical_choice([r.name for r in refs], counts, gaz)
        else:
            entry = next((gaz.find_actor(r.name) for r in refs if gaz.find_actor(r.name)), None)
            name = entry.name if entry else Counter(r.name for r in refs).most_common(1)[0][0]
        aliases = [
            a for a in dict.fromkeys(n for r in refs for n in (r.name, *r.aliases)) if a != name
        ]
        roles = tuple(dict.fromkeys(x for r in refs for x in r.roles))
        return ActorRef(
            name=name,
            kind=kind,
            aliases=tuple(aliases),
            description=next((r.description for r in refs if r.description), None),
            roles=roles,
            wikidata_id=next((r.wikidata_id for r in refs if r.wikidata_id), None),
        )

    # ---------------------------------------------------------------- spaCy

    def is_field_word(self, tok: Any) -> bool:
        """Whether ``tok`` is a word of a minister's field ("Mines", "Foreign", "Affairs")."""
        return normalize(tok.text) in self.lex.field_words

    def is_title_field(self, tok: Any) -> bool:
        """Whether ``tok`` is a word of the field a title before it names ("Minister of" +
        "Mines", "Minister for Foreign" + "Affairs"), which NER often takes into the name
        after it."""
        if not self.is_field_word(tok) or tok.i == 0:
            return False
        before = tok.doc[tok.i - 1]
        return before.lower_ in ("of", "for", "and", ",") or self.is_field_word(before)

    def find(self, doc: Doc) -> list[Mention]:
        """Actor mentions among a parsed document's entities (PERSON, ORG, NORP; GPE when
        it stands for a state), person names clustered within the document."""
        ents: list[Any] = []
        for e in doc.ents:
            if e.label_ not in ("PERSON", "ORG", "NORP", "GPE"):
                continue
            if ents and e.start < ents[-1].end:
                continue  # swallowed by the name before it
            if e.label_ == "ORG":
                e = self._org_span(e)
            ents.append(self._person_span(e) if e.label_ == "PERSON" else e)
        canon = self.cluster(e.text for e in ents if e.label_ == "PERSON")
        out = []
        for ent in ents:
            ref = self.resolve(ent.text, ent.label_)
            if ref is None or (ent.label_ == "GPE" and ref.kind is not ActorKind.STATE):
                continue
            if ref.kind is ActorKind.PERSON and canon.get(ent.text, ref.name) != ref.name:
                ref = replace(ref, name=canon[ent.text], aliases=(ref.name,))
            out.append(Mention(span=Span(ent.start_char, ent.end_char), text=ent.text, actor=ref))
        return out

    def _past_title_field(self, ent: Any) -> int:
        """Where a name starts in an entity that opens with the field of a title before it
        ("Minister of" + "Economy Arta X")."""
        doc, start = ent.doc, ent.start
        while ent.end - start > 2:
            if self.is_title_field(doc[start]):
                start += 1
            elif (
                doc[start].text == "," and start > ent.start and self.is_field_word(doc[start + 1])
            ):
                start += 1  # "Minister for Climate" + ", Energy and Utilities X"
            else:
                break
        return start

    def _person_span(self, ent: Any) -> Any:
        """A PERSON entity's name: without the field of a title before it or the letters
        after it ("Themba X SC"), and with what follows a transliteration mark, where spaCy
        ends the name ("Mohammed Shia’ al-Sudani")."""
        start, end = self._past_title_field(ent), ent.end
        if end - start > 2 and ent.doc[end - 1].text in self.gaz.names.post_nominals:
            end -= 1  # "Themba Sithole SC"
        return _transliteration_end(_labelled(ent, start, end, ent.label_))

    def _org_span(self, ent: Any) -> Any:
        """An ORG entity, or the person's name in it when NER took a title's field and the
        name after it for one organisation ("Minister of" + "Economy Arta Rexhepi")."""
        start = self._past_title_field(ent)
        rest = ent.doc[start : ent.end]
        if (
            start == ent.start
            or any(self.is_field_word(t) for t in rest)
            or not looks_like_person_name(rest.text, self.gaz)
        ):
            return ent  # "Foreign and Diaspora Affairs"
        return _labelled(ent, start, ent.end, "PERSON")


#: a government's bodies, which a name before them only qualifies
_MINISTRY_WORDS = frozenset({"ministry", "ministries", "department", "directorate", "secretariat"})


def _transliteration_end(ent: Any) -> Any:
    doc, end = ent.doc, ent.end
    while (
        end + 1 < len(doc)
        and doc[end].text in ("’", "'", "ʼ", "ʻ", "`")
        and doc[end].whitespace_ != ""
        and doc[end + 1].text[:1].isalpha()
        and (doc[end + 1].text[:1].isupper() or doc[end + 1].lower_ in ("al", "el", "bin", "ibn"))
    ):
        end += 2
        while end < len(doc) and (doc[end].text == "-" or doc[end - 1].text == "-"):
            end += 1
    return _labelled(ent, ent.start, end, ent.label_)


def _labelled(ent: Any, start: int, end: int, label: str) -> Any:
    """``ent`` itself, or the span of its document from ``start`` to ``end`` with ``label``."""
    if (start, end, label) == (ent.start, ent.end, ent.label_):
        return ent
    from spacy.tokens import Span as SpacySpan

    return SpacySpan(ent.doc, start, end, label=label)


def _role_key(role: RoleRef) -> tuple[str, str]:
    return (normalize(role.title), match_key(role.organization or ""))
