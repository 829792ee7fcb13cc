"""The cue lexicon (``cues.yaml``): speech verbs with their content frames, statement nouns,
anonymous-source heads, venue nouns and title words. Read once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from schema.enums import Medium

LEXICON_PATH = Path(__file__).with_name("cues.yaml")


@dataclass(frozen=True, slots=True)
class VerbFrames:
    clause: bool = False
    object: bool = False
    as_: bool = False
    #: prepositions after the object that carry the content ("accused X of …", "blamed X
    #: for …"): the object and the phrase
    object_preps: frozenset[str] = frozenset()
    quote_only: bool = False
    objcomp: bool = False
    that_only: bool = False
    preps: frozenset[str] = frozenset()
    particle: str | None = None


#: particles that make a cue another verb unless the lexicon lists the pair
_OTHER_SENSE_PARTICLES = frozenset({"off", "in", "down", "away", "over"})


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, tuple[VerbFrames, ...]]  # lemma -> frames (one per particle variant)
    continuing: frozenset[str]
    statement_nouns: frozenset[str]
    anonymous_heads: frozenset[str]
    person_labels: frozenset[str]
    person_nouns: frozenset[str]
    venue_nouns: dict[str, Medium]
    venue_prepositions: frozenset[str]
    title_words: frozenset[str]
    role_heads: frozenset[str]
    media: re.Pattern[str]  # a word naming a news organisation ("News", "Agency", "TV")
    #: nouns for one person: a role, a label or another person noun
    person_heads: frozenset[str]

    def frames(self, lemma: str, particles: set[str]) -> VerbFrames | None:
        """The frames of ``lemma`` used with ``particles`` ("point" + {"out"}), if it is a cue."""
        variants = self.verbs.get(lemma, ())
        with_particle = [f for f in variants if f.particle and f.particle in particles]
        if with_particle:
            return with_particle[0]
        if particles & _OTHER_SENSE_PARTICLES:
            return None  # "calling off the strike", "called in the army": another verb
        plain = [f for f in variants if f.particle is None]
        return plain[0] if plain else None


def _frames(spec: list[str], particle: str | None) -> VerbFrames:
    return VerbFrames(
        clause="clause" in spec,
        object="object" in spec,
        as_="as" in spec,
        object_preps=frozenset(
            {"of"} & set(spec) | {s.split(":", 1)[1] for s in spec if s.startswith("obj:")}
        ),
        quote_only="quote" in spec,
        objcomp="objcomp" in spec,
        that_only="that" in spec,
        preps=frozenset(s.split(":", 1)[1] for s in spec if s.startswith("prep:")),
        particle=particle,
    )


@cache
def lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    verbs: dict[str, list[VerbFrames]] = {}
    for key, spec in data["verbs"].items():
        lemma, _, particle = key.partition(" ")
        verbs.setdefault(lemma, []).append(_frames(spec, particle or None))
    return Lexicon(
        verbs={k: tuple(v) for k, v in verbs.items()},
        continuing=frozenset(w.split()[0] for w in data["continuing_participles"]),
        statement_nouns=frozenset(data["statement_nouns"]),
        anonymous_heads=frozenset(data["anonymous_heads"]),
        person_labels=frozenset(data["person_labels"]),
        person_nouns=frozenset(data["person_nouns"]),
        venue_nouns={k: Medium(v) for k, v in data["venue_nouns"].items()},
        venue_prepositions=frozenset(data["venue_prepositions"]),
        title_words=frozenset(w.lower() for w in data["title_words"]),
        role_heads=frozenset(w.lower() for w in data["role_heads"]),
        media=re.compile(r"\b(?:" + "|".join(map(re.escape, data["media_words"])) + r")\b", re.I),
        person_heads=frozenset(
            w.lower() for k in ("role_heads", "person_labels", "person_nouns") for w in data[k]
        ),
    )
