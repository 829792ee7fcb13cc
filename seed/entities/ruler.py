"""spaCy entity ruler fed by the gazetteer.

The ruler runs before ``ner``: spaCy's statistical NER keeps the entities the ruler set and
predicts around them, so gazetteer names get the right label and span (Ain al-Asad is a
facility, not a PERSON; Daesh an ORG, not a GPE) and carry the gazetteer id as ``ent_id_``.

Only what the gazetteer is sure of becomes a pattern: names and aliases, not the actor-only
forms ("Iraqi government"), not ``no_ruler`` aliases ("Badr", "IS"), matched case-sensitively
(as written, in title case, with ’/' and "al-"/"Al-" variants).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from seed.calendar_names import MONTHS, WEEKDAYS
from seed.entities.gazetteer import Gazetteer, default_gazetteer

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["RULER_NAME", "add_entity_ruler", "ruler_patterns"]

RULER_NAME = "gazetteer_ruler"
_SMALL = {"of", "the", "and", "for", "in", "on", "at", "to", "al", "el", "bin", "ibn", "de"}


def _title(alias: str) -> str:
    words = alias.split(" ")
    out = []
    for i, w in enumerate(words):
        if w[:1].islower() and (i == 0 or w.split("-")[0] not in _SMALL):
            w = w[:1].upper() + w[1:]
        out.append(w)
    return " ".join(out)


def _variants(alias: str) -> Iterator[str]:
    a = alias.strip()
    if a.lower().startswith("the ") and len(a) > 4:
        a = a[4:]
    if len(a) < 2:
        return
    forms = {a}
    if " " in a and any(w[:1].islower() for w in a.split(" ")):
        forms.add(_title(a))
    for f in list(forms):
        if "’" in f:
            forms.add(f.replace("’", "'"))
        if "'" in f:
            forms.add(f.replace("'", "’"))
    for f in list(forms):
        if "al-" in f:
            forms.add(f.replace("al-", "Al-"))
            forms.add(f.replace("al-", "al "))
    yield from sorted(forms)


# "Kilele TV", "Capital FM", "Jambo Television": a broadcaster's name, whatever NER makes of
# its first word ("Kilele" alone looks like a surname). One or two proper nouns, so that a
# word before the name ("Yesterday Kilele TV", "On Monday Capital FM") stays out.
_BROADCAST = {"ORTH": {"IN": ["TV", "FM", "Television"]}}
_PROPER = {"POS": "PROPN", "IS_TITLE": True, "LOWER": {"NOT_IN": [*MONTHS, *WEEKDAYS]}}
_BROADCASTER_PATTERNS: list[dict[str, object]] = [
    {"label": "ORG", "pattern": [_PROPER, _BROADCAST]},
    {"label": "ORG", "pattern": [_PROPER, _PROPER, _BROADCAST]},
]


def ruler_patterns(gazetteer: Gazetteer | None = None) -> list[dict[str, str]]:
    """Phrase patterns ``{"label", "pattern", "id"}`` for every name the gazetteer is sure of."""
    gaz = gazetteer or default_gazetteer()
    seen: set[str] = set()
    out = []
    for entry, alias in gaz.ruler_entries():
        for form in _variants(alias):
            if form in seen:  # the first entry to claim a form keeps it
                continue
            seen.add(form)
            out.append({"label": entry.ner_label, "pattern": form, "id": entry.id})
    return out


def add_entity_ruler(nlp: Language, gazetteer: Gazetteer | None = None) -> None:
    """Add (or replace) the gazetteer's entity ruler, before ``ner`` when there is one."""
    if RULER_NAME in nlp.pipe_names:
        nlp.remove_pipe(RULER_NAME)
    ruler = nlp.add_pipe(
        "entity_ruler",
        name=RULER_NAME,
        before="ner" if "ner" in nlp.pipe_names else None,
        config={"overwrite_ents": True, "validate": False},
    )
    # add_patterns runs the pipes before the ruler over every pattern; they are not needed
    # for ORTH phrase patterns (tokenizing is), and would cost seconds
    others = [n for n in nlp.pipe_names if n != RULER_NAME]
    with nlp.select_pipes(disable=others):
        ruler.add_patterns(ruler_patterns(gazetteer))  # type: ignore[attr-defined]
    ruler.add_patterns(_BROADCASTER_PATTERNS)  # type: ignore[attr-defined]
