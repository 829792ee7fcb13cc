"""Name normalisation and person-name comparison."""

from __future__ import annotations

import pytest

from seed.entities.names import clean_display, match_key, normalize, same_person, skeleton


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ain al-Asad", "ain al asad"),
        ("Ayn Al‐Asad", "ayn al asad"),  # a Unicode hyphen
        ("U.S.", "us"),
        ("Baghdad's", "baghdad"),
        ("Baghdad’s International Airport", "baghdad international airport"),
        ("Kata'ib Hizballah", "kataib hizballah"),
        ("Tikrīt", "tikrit"),
        ("Ḩadīthah", "hadithah"),
        ("“Daesh”", "daesh"),
        ("عَيْن الأَسَد", "عين الاسد"),  # harakat and hamza forms of alef unified
    ],
)
def test_normalize(text: str, expected: str) -> None:
    assert normalize(text) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ain al-Asad", "Ain Al Asad"),
        ("Salah al-Din", "Salah ad-Din"),
        ("the Pentagon", "Pentagon"),
        ("Al Anbar", "Anbar"),
        ("عين الأسد", "عين اسد"),
        ("الأنبار", "انبار"),
    ],
)
def test_match_key_drops_articles(a: str, b: str) -> None:
    assert match_key(a) == match_key(b)


def test_match_key_keeps_allah() -> None:
    # the article is taken off Arabic words only when a word of three letters remains
    assert match_key("حزب الله") == "حزب الله"


def test_display_keeps_articles_and_case_but_drops_stray_marks() -> None:
    assert clean_display("Mohammed Shia’ al-Sudani") == "Mohammed Shia al-Sudani"
    assert clean_display("  “Kataeb Hezbollah,” ") == "Kataeb Hezbollah"
    assert clean_display("Kata'ib Hezbollah") == "Kata'ib Hezbollah"
    # a plural's possessive in a name, an abbreviation's full stop
    assert clean_display("National Road Hauliers' Union") == "National Road Hauliers' Union"
    assert clean_display("Andes Cobre Corp.,") == "Andes Cobre Corp."
    assert clean_display("Puerto Tribugá S.A.S.") == "Puerto Tribugá S.A.S."
    assert clean_display("Romeo Brawner Jr.") == "Romeo Brawner Jr."
    assert clean_display("Codelco.") == "Codelco"


def test_skeleton_folds_transliteration() -> None:
    assert skeleton("rasoul") == skeleton("rasul")
    assert skeleton("mohammed") == skeleton("mohamed")
    assert skeleton("kataeb") == skeleton("kataib")
    assert skeleton("sulaymaniyah") == skeleton("sulaymaniya")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Mohammed Shia al-Sudani", "Mohamed Shia al-Sudani"),
        ("Mohammed Shia al-Sudani", "Mohammed Shia’ al-Sudani"),
        ("Mohammed Shia al-Sudani", "Muhammad Shia al-Sudani"),  # a given-name variant
        ("Mohammed Shia al-Sudani", "Mohammed al-Sudani"),  # the middle name left out
        ("Yahya Rasoul", "Yahya Rasul"),
        ("Izzat al-Shabandar", "Ezzat Alshabandar"),  # article fused to the surname
        ("Qassem Soleimani", "Qasem Soleimani"),
        ("Sheikh Qais al-Khazali", "Qais al-Khazali"),  # an honorific
        ("J. Biden", "Joe Biden"),  # an initial
    ],
)
def test_same_person(a: str, b: str) -> None:
    assert same_person(a, b)
    assert same_person(b, a)


def test_a_patronymic_name_is_shortened_to_its_given_name_in_one_article() -> None:
    full = "Hamdan bin Rashid Al Nuaimi"
    assert same_person("Hamdan", full, same_article=True)
    assert same_person(full, "Hamdan", same_article=True)
    assert not same_person("Hamdan", full)  # across articles a given name is too little
    assert not same_person("Rashid", full, same_article=True)  # the father's name
    assert not same_person("Hamdan", "Hamdan Al Nuaimi", same_article=True)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Fuad Hussein", "Saddam Hussein"),  # same surname, different people
        ("Hassan Salem", "Hussein Salem"),  # different given names, not variants
        ("Ali al-Abbas", "Ali al-Abbasi"),  # a nisba makes a different name
        ("Nouri al-Maliki", "Nouri al-Malik"),
        ("Khalid Ahmed", "Khalil Ahmed"),
        ("Mustafa al-Kadhimi", "Mohammed Shia al-Sudani"),
    ],
)
def test_different_people(a: str, b: str) -> None:
    assert not same_person(a, b)


def test_surname_alone_needs_the_article() -> None:
    assert not same_person("Sudani", "Mohammed Shia al-Sudani")
    assert not same_person("al-Sudani", "Mohammed Shia al-Sudani")
    assert same_person("Sudani", "Mohammed Shia al-Sudani", same_article=True)
    assert same_person("al-Sudani", "Mohamed Shia al-Sudani", same_article=True)
    assert not same_person("Shia", "Mohammed Shia al-Sudani", same_article=True)
    # the same surname written twice is the same name
    assert same_person("Sudani", "al-Sudani")


def test_a_hyphenated_surname_written_alone_in_one_article() -> None:
    full = "Mohammad-Reza Sadeghi-Nia"
    assert same_person("Sadeghi-Nia", full, same_article=True)
    assert same_person(full, "Sadeghi-Nia", same_article=True)
    assert same_person("Okonkwo-Lenz", "Miriam Okonkwo-Lenz", same_article=True)
    assert not same_person("Sadeghi-Nia", full)  # across articles a surname is too little
    assert not same_person("Reza Sadeghi", full, same_article=True)  # two written words


def test_the_first_of_two_surnames_written_alone_in_one_article() -> None:
    assert same_person("Quiroga", "Hernán Quiroga Paz", same_article=True)
    assert not same_person("Quiroga", "Hernán Quiroga Paz")
    assert not same_person("Jabbar", "Saad Jabbar al-Tamimi", same_article=True)  # a father


def test_a_family_name_written_first_alone_in_one_article() -> None:
    assert same_person("Gao", "Gao Mingyuan", same_article=True)
    assert same_person("Koo", "Koo Hye-jin", same_article=True)
    assert not same_person("Gao", "Gao Mingyuan")  # across articles a family name is too little
    assert not same_person("Smith", "Smith Johnson", same_article=True)  # no such custom
