"""The gazetteer's entity ruler in a real spaCy pipeline, and mentions found in parses."""

from __future__ import annotations

from schema.enums import ActorKind, LocationKind
from seed.entities.actors import ActorResolver
from seed.entities.places import PlaceResolver
from seed.entities.ruler import RULER_NAME, add_entity_ruler, ruler_patterns

TEXT = (
    "Kataib Hezbollah said planes landed at Ain al-Asad in Anbar province, "
    "and Daesh remains a threat, according to the Popular Mobilization Units."
)


def ents(doc):  # type: ignore[no-untyped-def]
    return {(e.text, e.label_) for e in doc.ents}


def test_ruler_sits_before_ner(nlp) -> None:  # type: ignore[no-untyped-def]
    names = nlp.pipe_names
    assert names.index(RULER_NAME) == names.index("ner") - 1


def test_ruler_relabels_what_spacy_gets_wrong(plain_nlp, nlp) -> None:  # type: ignore[no-untyped-def]
    before = ents(plain_nlp(TEXT))
    after = ents(nlp(TEXT))
    # the shipped model takes the base and the militia for people
    assert ("Ain al-Asad", "PERSON") in before or ("Kataib Hezbollah", "PERSON") in before
    assert ("Kataib Hezbollah", "ORG") in after
    assert ("Ain al-Asad", "FAC") in after
    assert ("Anbar province", "GPE") in after
    assert ("Daesh", "ORG") in after
    assert ("Popular Mobilization Units", "ORG") in after


def test_ruler_entities_carry_the_gazetteer_id(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(TEXT)
    ids = {e.text: e.ent_id_ for e in doc.ents}
    assert ids["Ain al-Asad"] == "iq-ain-al-asad"
    assert ids["Kataib Hezbollah"] == "kataib-hezbollah"


def test_ruler_is_replaced_not_doubled(nlp, gazetteer) -> None:  # type: ignore[no-untyped-def]
    add_entity_ruler(nlp, gazetteer)
    assert nlp.pipe_names.count(RULER_NAME) == 1


def test_patterns_leave_out_uncertain_aliases(gazetteer) -> None:  # type: ignore[no-untyped-def]
    forms = {p["pattern"] for p in ruler_patterns(gazetteer)}
    assert "Ayn al-Asad" in forms and "عين الأسد" in forms
    assert "IS" not in forms and "Badr" not in forms  # common words
    assert "Iraqi government" not in forms  # actor-only names
    assert "International Coalition" in forms  # title-cased variant of a lower-case alias


def test_find_places_with_spans(nlp, places: PlaceResolver) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Planes arrived at Ayn al-Asad military base in Anbar, near Baghdad's International "
        "Airport and the Syrian-Iraqi borders, and the Arabic text says عين الأسد."
    )
    doc = nlp(text)
    found = {m.text: m for m in places.find(doc)}
    base = found["Ayn al-Asad military base"]
    assert text[base.span.start : base.span.end] == "Ayn al-Asad military base"
    assert base.location is not None and base.location.kind is LocationKind.MILITARY_BASE
    assert found["عين الأسد"].location == base.location
    assert found["Anbar"].location.parent.name == "Iraq"  # type: ignore[union-attr]
    for m in found.values():
        assert text[m.span.start : m.span.end] == m.text


def test_find_actors_clusters_people(nlp, actors: ActorResolver) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Iraqi Prime Minister Mohammed Shia’ al-Sudani met the PMU. Al-Sudani said "
        "Washington had agreed. Sudani added that ISIS was weakened."
    )
    mentions = actors.find(nlp(text))
    by_text = {m.text: m.actor for m in mentions}
    assert by_text["Mohammed Shia’ al-Sudani"].name == "Mohammed Shia al-Sudani"  # type: ignore[union-attr]
    assert by_text["Al-Sudani"].name == "Mohammed Shia al-Sudani"  # type: ignore[union-attr]
    assert by_text["PMU"].name == "Popular Mobilization Forces"  # type: ignore[union-attr]
    assert by_text["Washington"].kind is ActorKind.STATE  # type: ignore[union-attr]
    for m in mentions:
        assert text[m.span.start : m.span.end] == m.text


def test_ruler_leaves_peoples_names_whole(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Michael Jordan visited Jordan. Michael Bloomberg spoke to Bloomberg News.")
    found = ents(doc)
    assert ("Michael Jordan", "PERSON") in found
    assert ("Michael Bloomberg", "PERSON") in found
    assert ("Bloomberg News", "ORG") in found


def test_broadcasters_are_bodies_whatever_their_first_word(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "Kilele TV reported that talks had collapsed. On Monday Capital FM said the "
        "minister had resigned."
    )
    found = ents(doc)
    assert ("Kilele TV", "ORG") in found
    assert ("Capital FM", "ORG") in found
    assert ("Monday", "DATE") in found  # a day before the name stays out of it
