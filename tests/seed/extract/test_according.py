""" "According to X": the clause it modifies is X's, unless a speech verb already reports it."""

from __future__ import annotations

from tests.seed.extract.helpers import brief, extract


def test_according_to_before_and_after_the_clause() -> None:
    text = (
        "Floods cut off three villages\n"
        "According to the regional civil protection agency, 400 people have been evacuated.\n"
        "Rescue work will continue through the night, according to local officials.\n"
    )
    assert brief(text) == [
        ("regional civil protection agency", "indirect", "400 people have been evacuated"),
        ("local officials", "indirect", "Rescue work will continue through the night"),
    ]
    assert [r["speaker_type"] for r in extract(text)] == ["organization", "anonymous"]


def test_according_to_beside_a_speech_verb_names_the_source_of_the_report() -> None:
    text = (
        '"The water is still rising," said Captain Jonas Ek, according to the state broadcaster.\n'
    )
    assert brief(text) == [("Jonas Ek", "direct", '"The water is still rising,"')]


def test_the_producer_of_a_document_speaks_not_who_saw_it() -> None:
    text = (
        "Turnout reached 64 percent, according to figures released by the election commission.\n"
        "The deal gives the rebels two ministries, according to a draft seen by reporters.\n"
    )
    assert [(r["speaker"], r["text"]) for r in extract(text)] == [
        ("election commission", "Turnout reached 64 percent"),
        (None, "The deal gives the rebels two ministries"),
    ]


def test_in_the_words_of_introduces_the_words_after_it() -> None:
    text = (
        "Analysis\n"
        "Surveys suggest the alliance is level with the government, and in the words of one "
        'senior campaign organiser, "every rally is now a referendum".\n'
        "In the words of the mayor, the budget was a disaster.\n"
    )
    assert brief(text) == [
        ("senior campaign organiser", "direct", '"every rally is now a referendum"'),
        ("mayor", "indirect", "the budget was a disaster"),
    ]


def test_what_tests_found_according_to_a_body_is_the_body_s_report() -> None:
    text = (
        "Fake pens seized\n\n"
        "GENEVA, May 2 - Laboratory tests on seized products found that some pens contained no "
        "active ingredient at all, according to the World Health Organization.\n"
    )
    assert brief(text) == [
        (
            "World Health Organization",
            "indirect",
            "some pens contained no active ingredient at all",
        )
    ]


def test_a_subject_the_parser_hung_on_the_source_is_in_the_words() -> None:
    text = (
        "Kenya blackout\n\n"
        "NAIROBI, May 2 (Reuters) - Power was restored on Monday.\n"
        "According to the utility, vandalism of transformers, cables and towers cost it "
        "1.1 billion shillings in 2024.\n"
    )
    assert [c for _, _, c in brief(text)] == [
        "vandalism of transformers, cables and towers cost it 1.1 billion shillings in 2024"
    ]
