"""Highlighting and snippets: offsets point at the words that matched, in the original text."""

from __future__ import annotations

from api.search import Highlighter, Snippet, parse_query


def marked(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[s:e] for s, e in spans]


def test_words_stems_prefixes_and_phrases() -> None:
    text = "Iraq no longer needs foreign combat troops; the forces' withdrawal was forced."
    english = Highlighter(parse_query('"no longer needs" force withdr*'), "english")
    assert marked(text, english.matches(text)) == [
        "no longer needs",
        "forces",
        "withdrawal",
        "forced",
    ]
    plain = Highlighter(parse_query("force"), "none")
    assert plain.matches(text) == []


def test_negated_words_are_not_highlighted() -> None:
    text = "US forces and coalition forces"
    highlighter = Highlighter(parse_query("forces -coalition"), "english")
    assert marked(text, highlighter.matches(text)) == ["forces", "forces"]


def test_case_accents_and_arabic_marks_are_folded() -> None:
    highlighter = Highlighter(parse_query("sudani محمد"), "none")
    text = "Muḥammad Shiaʿ al-Sūdānī — مُحَمَّد شياع السوداني"
    assert marked(text, highlighter.matches(text)) == ["Sūdānī", "مُحَمَّد"]


def test_short_text_is_whole() -> None:
    highlighter = Highlighter(parse_query("troops"), "english")
    assert highlighter.snippet("No more troops.", "text") == Snippet(
        "No more troops.", 0, ((8, 14),), "text"
    )


def test_long_text_is_cut_at_words_around_the_densest_matches() -> None:
    text = (
        "The cabinet met on Sunday to discuss the budget, electricity shortages and the "
        "exchange rate. Later, the prime minister said foreign combat troops were no longer "
        "needed and that the coalition's advisers would stay. Foreign troops left in 2011."
    )
    highlighter = Highlighter(parse_query('"combat troops" advisers'), "english")
    snippet = highlighter.snippet(text, "text", width=120)
    assert snippet == Snippet(
        text=(
            "said foreign combat troops were no longer needed and that the coalition's "
            "advisers would stay. Foreign troops left"
        ),
        offset=120,
        matches=((13, 26), (74, 82)),
        field="text",
        truncated_start=True,
        truncated_end=True,
    )
    assert text[snippet.offset : snippet.offset + len(snippet.text)] == snippet.text
    assert [text[snippet.offset + s : snippet.offset + e] for s, e in snippet.matches] == [
        "combat troops",
        "advisers",
    ]


def test_no_match_gives_the_start() -> None:
    highlighter = Highlighter(parse_query("drones"), "english")
    snippet = highlighter.snippet("one two three four five six seven", "text", width=15)
    assert snippet == Snippet("one two three", 0, (), "text", truncated_end=True)


def test_best_field_wins_first_on_ties() -> None:
    highlighter = Highlighter(parse_query("forces OR troops"), "english")
    snippet = highlighter.best_snippet(
        [
            ("text", None, "Nothing here."),
            ("attribution", 7, "foreign forces"),
            ("attribution", 8, "foreign forces and troops"),
            ("attribution", 9, "troops and forces too"),
        ]
    )
    assert snippet == Snippet("foreign forces and troops", 0, ((8, 14), (19, 25)), "attribution", 8)
