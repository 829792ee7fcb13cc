from __future__ import annotations

from seed.extract.quotes import Quote, find_quotes
from seed.records import Span
from seed.segment import paragraph_spans


def quotes(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text, paragraph_spans(text))]


def test_curly_and_straight_pairs() -> None:
    text = 'He said “no,” and she said "yes." It was the mayor’s idea.\n'
    assert quotes(text) == ["“no,”", '"yes."']


def test_a_quotation_left_open_ends_with_its_paragraph() -> None:
    text = "“The first part of a long quote.\n“And its second paragraph.”\n"
    found = find_quotes(text, paragraph_spans(text))
    assert found == [Quote(0, 32, closed=False), Quote(33, 60)]


def test_marks_are_paired_per_paragraph() -> None:
    text = 'A stray " mark\nand "a quote" here\n'
    assert quotes(text) == ['" mark', '"a quote"']
    assert find_quotes(text, [Span(15, 33)]) == [Quote(19, 28)]


def test_single_curly_quotes_are_quotations_where_no_double_marks_are_used() -> None:
    text = "‘Nobody here wants the libraries shut,’ she said, calling the plan ‘short-sighted’."
    quotes = find_quotes(text, [Span(0, len(text))])
    assert [text[q.start : q.end] for q in quotes] == [
        "‘Nobody here wants the libraries shut,’",
        "‘short-sighted’",
    ]


def test_an_apostrophe_inside_a_word_does_not_close_a_single_quotation() -> None:
    text = "‘We don’t accept the council’s figures,’ he said."
    quotes = find_quotes(text, [Span(0, len(text))])
    assert [text[q.start : q.end] for q in quotes] == ["‘We don’t accept the council’s figures,’"]


def test_single_quotes_inside_a_paragraph_with_double_quotes_are_left_alone() -> None:
    text = "“They call it ‘reform’,” she said."
    quotes = find_quotes(text, [Span(0, len(text))])
    assert [text[q.start : q.end] for q in quotes] == ["“They call it ‘reform’,”"]


def test_straight_single_quotes_are_quotations_apostrophes_are_not() -> None:
    text = (
        "'This is not what the MPs' voters wanted,' said Ms Chandran's deputy. "
        "She'd call it 'a shambles'. In the '90s it was different.\n"
    )
    assert quotes(text) == ["'This is not what the MPs' voters wanted,'", "'a shambles'"]
