"""A country's body named without its country takes the country's adjective; its government,
so named, is the state. Texts written for these tests."""

from __future__ import annotations

from tests.seed.extract.helpers import extract


def actors(text: str) -> list[tuple[str | None, str | None]]:
    return [(r["speaker_text"], r["actor"]) for r in extract(text)]


def speakers(text: str) -> list[tuple[str | None, str | None]]:
    return [(r["speaker"], r["actor"]) for r in extract(text)]


def test_bodies_take_the_country_of_the_dateline_and_keep_a_possessive_owner() -> None:
    text = (
        "Fuel prices rise again\n\n"
        "LIMA (Dispatches) - The Interior Ministry said on Tuesday that 40 people had been "
        "arrested. In a statement, the army's media office said two soldiers were wounded. "
        "Chile's foreign ministry said it was following events closely. "
        "The presidency said the president would address the nation.\n"
    )
    assert actors(text) == [
        ("The Interior Ministry", "Peruvian Interior Ministry"),
        ("the army's media office", "Peruvian army"),
        ("Chile's foreign ministry", "Chilean foreign ministry"),
        ("The presidency", "Peruvian presidency"),
    ]


def test_a_sentence_opening_with_a_place_and_a_body_named_before_decide_the_country() -> None:
    text = (
        "Strikes continue\n\n"
        "DOHA (Dispatches) - Negotiators met again on Monday. Inside Gaza, the Health Ministry "
        "said 14 people had been killed. Peru's Ombudsman's Office said a man had died in "
        "Arequipa. At least 46 people have died since December, according to the Ombudsman's "
        "Office.\n"
    )
    assert actors(text) == [
        ("the Health Ministry", "Gaza Health Ministry"),
        ("Peru's Ombudsman's Office", "Peruvian Ombudsman's Office"),
        ("the Ombudsman's Office", "Peruvian Ombudsman's Office"),
    ]


def test_a_dateline_in_small_letters_and_unknown_countries() -> None:
    dated = (
        "Funds stay frozen\n\n"
        "Budapest, January 22 (MTI) - The Ministry of Foreign Affairs and Trade said the "
        "agreement had been signed.\n"
    )
    assert actors(dated) == [
        (
            "The Ministry of Foreign Affairs and Trade",
            "Hungarian Ministry of Foreign Affairs and Trade",
        )
    ]
    # no dateline, no country in the headline: unknown stays unknown
    undated = "Talks go on\n\nThe Interior Ministry said on Tuesday that 40 people had been held.\n"
    assert actors(undated) == [("The Interior Ministry", "Interior Ministry")]


def test_proper_names_and_bodies_with_a_country_are_left_alone() -> None:
    text = (
        "Fighting in Darfur\n\n"
        "KHARTOUM (Reuters) - The Rapid Support Forces said it held the town. The Iraqi oil "
        "ministry said exports had risen sharply in March. Maria Okafor's office said she "
        "would not run.\n"
    )
    assert [a for _, a in actors(text)] == [
        "Rapid Support Forces",
        "Ministry of Oil of Iraq",  # the gazetteer's
        "Maria Okafor's office",
    ]


def test_the_article_names_the_body_as_it_writes_it() -> None:
    text = (
        "Trade talks resume\n\n"
        "ISLAMABAD (Reuters) - The Ministry of Commerce said exports had risen. The Sri "
        "Lankan finance ministry said the loan had been signed.\n"
    )
    assert speakers(text) == [
        ("Ministry of Commerce", "Pakistani Ministry of Commerce"),
        # a country of two words is a country too
        ("Sri Lankan finance ministry", "Sri Lankan finance ministry"),
    ]


def test_a_body_owned_by_its_country_keeps_it() -> None:
    text = (
        "Caspian water levels\n\n"
        "Kazakhstan's Ministry of Ecology and Natural Resources said the water had fallen. "
        "Azerbaijan's Ministry of Ecology and Natural Resources said it would act. Mexico's "
        "National Migration Institute said 300 people had been detained.\n"
    )
    assert speakers(text) == [
        # as the article names them, and as different actors across the corpus
        (
            "Kazakhstan's Ministry of Ecology and Natural Resources",
            "Kazakh Ministry of Ecology and Natural Resources",
        ),
        (
            "Azerbaijan's Ministry of Ecology and Natural Resources",
            "Azerbaijani Ministry of Ecology and Natural Resources",
        ),
        ("Mexico's National Migration Institute", "Mexican National Migration Institute"),
    ]


def test_the_government_of_the_dateline_is_its_state() -> None:
    dated = (
        "Road to open by December\n\n"
        "YEREVAN (Dispatches) - The government said on Tuesday that the bypass road would be "
        "completed by the end of the year.\n"
    )
    undated = (
        "Road to open by December\n\n"
        "The government said on Tuesday that the bypass road would be completed by the end of "
        "the year.\n"
    )
    assert speakers(dated) == [("Armenia", "Armenia")]
    assert speakers(undated) == [("government", "government")]


def test_the_government_of_a_dateline_or_of_the_one_people_a_headline_names() -> None:
    dated = (
        "Vaccination drive begins\n\n"
        "KIGALI, 17 April 2025 (RPA) - The Government has said it will cover all logistics costs "
        "for the campaign.\n"
    )
    assert speakers(dated) == [("Rwanda", "Rwanda")]
    headlined = (
        "Farm lobby warns labour shortage threatens Danish pig sector\n\n"
        "The government announced in December that the minimum salary for foreign workers "
        "would rise.\n"
    )
    assert speakers(headlined)[-1] == ("Denmark", "Denmark")  # after the headline's
