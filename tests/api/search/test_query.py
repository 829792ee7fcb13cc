"""The query language: what parses to what, what each engine receives, and the errors."""

from __future__ import annotations

import random

import pytest

from api.errors import InvalidParameter
from api.search import And, Not, Or, Phrase, SearchQueryError, Term, parse_query


@pytest.mark.parametrize(
    ("query", "fts5", "tsquery"),
    [
        ("forces", '"forces"', "'forces'"),
        ("foreign forces", '("foreign" AND "forces")', "('foreign' & 'forces')"),
        ("foreign AND forces", '("foreign" AND "forces")', "('foreign' & 'forces')"),
        ('"no longer needs"', '"no longer needs"', "('no' <-> 'longer' <-> 'needs')"),
        ('"no  longer\tneeds"', '"no longer needs"', "('no' <-> 'longer' <-> 'needs')"),
        ('"no longer nee"*', '"no longer nee"*', "('no' <-> 'longer' <-> 'nee':*)"),
        ("withdr*", '"withdr"*', "'withdr':*"),
        ("troops OR forces", '("troops" OR "forces")', "('troops' | 'forces')"),
        ("forces NOT coalition", '(("forces") NOT "coalition")', "('forces' & !'coalition')"),
        ("forces -coalition", '(("forces") NOT "coalition")', "('forces' & !'coalition')"),
        ("-coalition forces", '(("forces") NOT "coalition")', "(!'coalition' & 'forces')"),
        (
            '(Sudani OR Kadhimi) "combat troops"',
            '(("Sudani" OR "Kadhimi") AND "combat troops")',
            "(('Sudani' | 'Kadhimi') & ('combat' <-> 'troops'))",
        ),
        ("a OR b c", '("a" OR ("b" AND "c"))', "('a' | ('b' & 'c'))"),
        (
            'x NOT (y OR z) -"p q"',
            '((("x") NOT ("y" OR "z")) NOT "p q")',
            "('x' & !('y' | 'z') & !('p' <-> 'q'))",
        ),
        ("NOT NOT forces", '"forces"', "'forces'"),
        # operators are upper case only
        ("forces and troops", '("forces" AND "and" AND "troops")', "('forces' & 'and' & 'troops')"),
        # punctuation-only words are ignored, inner punctuation is kept for the tokenizers
        ("Iraq - US", '("Iraq" AND "US")', "('Iraq' & 'US')"),
        ('"Iraq - US"', '"Iraq US"', "('Iraq' <-> 'US')"),
        ("al-Sudani", '"al-Sudani"', "'al-Sudani'"),
        ("U.S. forces", '("U.S." AND "forces")', "('U.S.' & 'forces')"),
        # quotes and backslashes are escaped for each engine
        ("Iraq's", '"Iraq\'s"', "'Iraq''s'"),
        ("a\\b", '"a\\b"', "'a\\\\b'"),
        ('say"no"', '("say" AND "no")', "('say' & ('no'))"),
        # Arabic vowel marks are dropped, as in the indexes
        ("مُحَمَّد", '"محمد"', "'محمد'"),
    ],
)
def test_compiles_for_both_engines(query: str, fts5: str, tsquery: str) -> None:
    parsed = parse_query(query)
    assert parsed.fts5() == fts5
    assert parsed.tsquery() == tsquery


def test_syntax_tree() -> None:
    assert parse_query('(Sudani OR al-Kadhimi*) "combat troops" -US').root == And(
        (
            Or((Term("Sudani"), Term("al-Kadhimi", prefix=True))),
            Phrase("combat troops"),
            Not(Term("US")),
        )
    )


def test_positive_terms_leave_out_negated_ones() -> None:
    query = parse_query('forces "combat troops" -US NOT (coalition OR advisers) forces')
    assert query.positive_terms() == (Term("forces"), Phrase("combat troops"))


@pytest.mark.parametrize(
    ("query", "message", "character"),
    [
        (
            "",
            "invalid search query: no words to search for at character 1; type at least one "
            'word, e.g. forces or "foreign forces"',
            1,
        ),
        (
            "— …",
            "invalid search query: no words to search for at character 1; type at least one "
            'word, e.g. forces or "foreign forces"',
            1,
        ),
        (
            'foreign "combat troops',
            'invalid search query: unclosed quote at character 9; add a closing " after the '
            "phrase, or remove this one",
            9,
        ),
        (
            "forces)",
            "invalid search query: ')' without a matching '(' at character 7; remove it or add "
            "'(' before it",
            7,
        ),
        (
            "(forces OR troops",
            "invalid search query: '(' is never closed at character 1; add a ')' where the group "
            "ends",
            1,
        ),
        (
            "forces ()",
            "invalid search query: empty parentheses at character 8; put words inside them or "
            "remove them",
            8,
        ),
        (
            "AND forces",
            "invalid search query: AND without a word on each side at character 1; put a word on "
            "each side of AND (e.g. troops AND forces)",
            1,
        ),
        (
            "forces OR",
            "invalid search query: OR with nothing after it at character 8; add a word after it "
            "or remove it",
            8,
        ),
        (
            "forces OR OR troops",
            "invalid search query: OR without a word on each side at character 11; put a word on "
            "each side of OR (e.g. troops OR forces)",
            11,
        ),
        (
            "forces NOT",
            "invalid search query: NOT with nothing after it at character 8; add a word after it "
            "or remove it",
            8,
        ),
        (
            "(forces NOT)",
            "invalid search query: NOT with nothing after it at character 9; add a word after it "
            "or remove it",
            9,
        ),
        (
            "-forces",
            "invalid search query: a query or OR branch that only excludes at character 1; add a "
            "word to search for beside the excluded one (e.g. troops -US, or forces NOT (US OR "
            "coalition))",
            1,
        ),
        (
            "troops OR -forces",
            "invalid search query: a query or OR branch that only excludes at character 11; add a "
            "word to search for beside the excluded one (e.g. troops -US, or forces NOT (US OR "
            "coalition))",
            11,
        ),
        (
            "fo*rces",
            "invalid search query: '*' inside a word at character 3; '*' may only end a word, to "
            "search for a prefix (e.g. withdr*)",
            3,
        ),
        (
            "f*",
            "invalid search query: '*' without a prefix of at least 2 letters before it at "
            "character 2; write at least 2 letters or digits directly before '*' (e.g. withdr*)",
            2,
        ),
    ],
)
def test_malformed_queries(query: str, message: str, character: int) -> None:
    with pytest.raises(SearchQueryError) as raised:
        parse_query(query)
    error = raised.value
    assert isinstance(error, InvalidParameter)
    assert (error.status, error.code) == (400, "invalid_search_query")
    assert error.message == message
    assert error.detail["character"] == character
    assert error.detail["query"] == query


def test_limits() -> None:
    with pytest.raises(SearchQueryError, match="longer than 1000 characters"):
        parse_query("x" * 1001)
    with pytest.raises(SearchQueryError, match="more than 32 words"):
        parse_query(" ".join(["word"] * 33))
    with pytest.raises(SearchQueryError, match="nested more than 8 deep"):
        parse_query("(" * 9 + "x" + ")" * 9)
    with pytest.raises(SearchQueryError, match="NUL character"):
        parse_query("x\x00")
    parse_query(" ".join(["word"] * 32))
    parse_query("(" * 8 + "x" + ")" * 8)


def test_any_input_parses_or_fails_cleanly() -> None:
    """Random text either parses into something both compilers accept, or raises
    SearchQueryError; never another exception."""
    rng = random.Random(5)
    alphabet = list("ab -*\"'()\\:&|!<>^+") + ["AND", "OR", "NOT", "ً", " "]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        try:
            query = parse_query(text)
        except SearchQueryError as error:
            assert 1 <= error.detail["character"] <= len(text) + 1
            continue
        assert query.fts5() and query.tsquery()
