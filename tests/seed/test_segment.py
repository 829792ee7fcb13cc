from __future__ import annotations

import pytest

from seed.pipeline import load_nlp
from seed.records import ArticleStructure, Span
from seed.segment import BlockRole, blocks, layout, paragraph_spans


def test_paragraphs_are_non_blank_lines_with_offsets() -> None:
    text = "Title line\n\n  First paragraph.\u00a0\nSecond one.\n"
    spans = paragraph_spans(text)
    assert [s.of(text) for s in spans] == ["Title line", "First paragraph.", "Second one."]
    assert spans[1] == Span(14, 30)


@pytest.mark.parametrize(
    "sentence",
    [
        "Brig. Gen. Ola Berg said on Feb. 11 that troops would stay.",
        # a place's abbreviation
        "He said mills in Sault Ste. Marie and Mt. Isa had cut shifts.",
    ],
)
def test_a_line_break_ends_a_sentence_and_abbreviations_do_not(sentence: str) -> None:
    lay = layout(load_nlp()(f"Ministers meet in Oslo\n{sentence}\n"))
    assert [s.text for s in lay.sentences] == ["Ministers meet in Oslo", sentence]


def test_a_dateline_is_not_part_of_the_first_sentence() -> None:
    text = "OSLO, 3 March 2025 — Norway's Ministry of Health on Monday declared an epidemic.\n"
    lay = layout(load_nlp()(text))
    assert [s.text for s in lay.sentences][-1] == (
        "Norway's Ministry of Health on Monday declared an epidemic."
    )


def test_a_dateline_in_title_case_with_a_date_is_not_part_of_the_first_sentence() -> None:
    text = (
        "Accra, July 23, 2024 — The Minister for Lands and Natural Resources, Kwabena "
        "Asante-Mensah, has warned illegal miners that they have two weeks to leave.\n"
    )
    lay = layout(load_nlp()(text))
    assert lay.sentences[-1].text.startswith("The Minister for Lands")


def test_a_capital_letter_ending_a_line_is_no_initial_of_the_next_line() -> None:
    doc = load_nlp()('"Where is the money going?" Atieno wrote on X.\nMutua denied it.\n')
    sentences = [s.text for s in layout(doc).sentences]
    assert sentences[-1] == "Mutua denied it."
    assert doc.text == '"Where is the money going?" Atieno wrote on X.\nMutua denied it.\n'
    # an initial inside a name stays one word
    assert "F." in [t.text for t in load_nlp()("John F. Kennedy spoke.")]


def test_blocks_from_the_structure() -> None:
    text = "A headline\nA caption (Photo: X)\nThe body.\n"
    structure = ArticleStructure(
        title=Span(0, 10), paragraphs=(Span(32, 41),), captions=(Span(11, 31),)
    )
    found = blocks(text, structure)
    assert [(b.span.of(text), b.role) for b in found] == [
        ("A headline", BlockRole.TITLE),
        ("A caption (Photo: X)", BlockRole.CAPTION),
        ("The body.", BlockRole.BODY),
    ]
    assert [b.extractable for b in found] == [True, False, True]
    lay = layout(load_nlp()(text), structure)
    assert set(lay.sentence_block) == {0, 1, 2}
    assert lay.sentence_block[0] == 0 and lay.sentence_block[-1] == 2
    assert lay.block_at(35) == 2


def test_a_quoted_question_and_its_lower_case_cue_are_one_sentence() -> None:
    doc = load_nlp()('"What does funding have to do with it?" the judge remarked. She left.')
    assert [s.text for s in doc.sents] == [
        '"What does funding have to do with it?" the judge remarked.',
        "She left.",
    ]


def test_a_quoted_question_and_a_named_cue_are_one_sentence() -> None:
    doc = load_nlp()('"Is the plan fair to the farmers?" Mr. Okonkwo asked. Nobody replied.')
    assert [s.text for s in doc.sents] == [
        '"Is the plan fair to the farmers?" Mr. Okonkwo asked.',
        "Nobody replied.",
    ]


def test_a_quoted_question_before_a_new_sentence_still_ends_one() -> None:
    doc = load_nlp()('"Is the plan fair?" Farmers in the valley have doubts.')
    assert [s.text for s in doc.sents] == [
        '"Is the plan fair?"',
        "Farmers in the valley have doubts.",
    ]


def test_a_dateline_whose_place_has_lower_case_joining_words() -> None:
    text = (
        "BUKAVU, Democratic Republic of Congo, May 2 (Wire) - Rebels of the northern front "
        "have agreed to a truce, mediators said on Friday.\n"
    )
    lay = layout(load_nlp()(text))
    assert [s.text for s in lay.sentences][-1] == (
        "Rebels of the northern front have agreed to a truce, mediators said on Friday."
    )


def test_a_closing_mark_after_the_full_stop_ends_the_sentence_it_closes() -> None:
    doc = load_nlp()(
        'The spokesman dismissed the remarks, saying the republic "has never responded to '
        'pressure."\nThe minister agreed.'
    )
    assert [s.text.strip() for s in doc.sents] == [
        'The spokesman dismissed the remarks, saying the republic "has never responded to '
        'pressure."',
        "The minister agreed.",
    ]
