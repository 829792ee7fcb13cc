"""Direct quotations: the cue before, after or inside the quotation, "X told Y", "quoted X
as saying", colon forms, and quotations continued without a new cue. Texts written for
these tests."""

from __future__ import annotations

from tests.seed.extract.helpers import brief, extract


def test_cue_after_the_quotation() -> None:
    assert brief("“We have waited long enough,” said Tomas Berg, a shop owner.\n") == [
        ("Tomas Berg", "direct", "“We have waited long enough,”"),
    ]


def test_cue_after_with_the_speaker_first() -> None:
    assert brief('"The harbour will stay open," harbour master Lena Moe said on Friday.\n') == [
        ("Lena Moe", "direct", '"The harbour will stay open,"'),
    ]


def test_cue_inside_one_quotation_gives_fragments() -> None:
    text = (
        "Mayor Ana Lindqvist spoke after the vote.\n"
        "“The repairs are on schedule,” the mayor told reporters, “and the costs are under control.”\n"
    )
    (record,) = extract(text)
    assert record["speaker"] == "Ana Lindqvist"
    assert record["speaker_text"] == "the mayor"
    assert record["kind"] == "direct"
    assert record["fragments"] == [
        "“The repairs are on schedule,”",
        "“and the costs are under control.”",
    ]
    assert record["text"] == "“The repairs are on schedule,” … “and the costs are under control.”"
    starts = [text.index(f) for f in record["fragments"]]
    assert record["fragment_offsets"] == [
        [starts[0], starts[0] + len(record["fragments"][0])],
        [starts[1], starts[1] + len(record["fragments"][1])],
    ]
    assert (record["start"], record["end"]) == (starts[0], record["fragment_offsets"][1][1])


def test_cue_before_with_a_colon() -> None:
    assert brief("Council leader Mira Holt said: “Nobody will pay a toll.”\n") == [
        ("Mira Holt", "direct", "“Nobody will pay a toll.”"),
    ]


def test_told_with_the_quotation_before() -> None:
    text = '"What happened was not an election," Maria Lopez told thousands of supporters gathered in the capital.\n'
    assert brief(text) == [("Maria Lopez", "direct", '"What happened was not an election,"')]


def test_saying_after_a_comma() -> None:
    text = "Governor Ilse Brandt also called for calm, saying, “Nobody should take the law into their own hands.”\n"
    assert brief(text) == [
        ("Ilse Brandt", "indirect", "calm"),
        ("Ilse Brandt", "direct", "“Nobody should take the law into their own hands.”"),
    ]


def test_quoted_as_saying() -> None:
    text = (
        "“The plant will be closed for a month,” the company quoted its director, "
        "Jonas Field, as saying.\n"
    )
    (record,) = extract(text)
    assert (record["speaker"], record["kind"], record["text"]) == (
        "Jonas Field",
        "direct",
        "“The plant will be closed for a month,”",
    )
    assert record["cue"] == "quoted … as saying"


def test_colon_without_a_speech_verb() -> None:
    text = 'Union organiser Petra Lind put it plainly: "We will not go back to work for less."\n'
    assert brief(text) == [("Petra Lind", "direct", '"We will not go back to work for less."')]


def test_quotation_continued_in_the_same_and_the_next_paragraph() -> None:
    text = (
        "Traders met on Monday. “We were never consulted,” said Tomas Berg. “Not once.”\n"
        "“Every shop on this street has lost money.”\n"
        "The council did not reply.\n"
        "“This is a scandal.”\n"
    )
    assert brief(text) == [
        ("Tomas Berg", "direct", "“We were never consulted,”"),
        ("Tomas Berg", "direct", "“Not once.”"),
        ("Tomas Berg", "direct", "“Every shop on this street has lost money.”"),
    ]


def test_a_quotation_across_sentences_is_one_content() -> None:
    text = '"The talks failed. Both sides left early," a diplomat said.\n'
    assert brief(text) == [
        ("diplomat", "direct", '"The talks failed. Both sides left early,"'),
    ]


def test_scare_quotes_are_no_statement() -> None:
    assert brief("The army launched operation “Iron Dawn” in the north on Sunday.\n") == []


def test_reported_him_as_telling() -> None:
    text = (
        "President Ana Silva spoke by phone with her Spanish counterpart on Monday.\n"
        "“The border must stay open,” the presidency reported her as telling him.\n"
    )
    (record,) = extract(text)
    assert (record["speaker"], record["speaker_text"], record["cue"]) == (
        "Ana Silva",
        "her",
        "reported … as telling",
    )


def test_a_quoted_phrase_inside_a_longer_clause_is_mixed() -> None:
    text = "Minister Dan Alm said “the last thing” he wanted was a trade war.\n"
    assert brief(text) == [
        ("Dan Alm", "mixed", "“the last thing” he wanted was a trade war"),
    ]


def test_a_quotation_split_by_its_cue_keeps_its_second_piece() -> None:
    text = (
        "Prosecutor Helen Marsh addressed the court on Friday.\n"
        '"The evidence is overwhelming" she told the jury, "and it points one way."\n'
        '"This trial," Marsh, who has prosecuted fraud for two decades, told the jury, '
        '"is about greed."\n'
        '"Greed," she told the jurors as the trial in Leeds entered its final week after nearly '
        'three months of testimony, "drove every decision."\n'
        "The defendant, she told the jury, had lied repeatedly.\n"
    )
    assert [(r["speaker"], r["fragments"]) for r in extract(text)] == [
        ("Helen Marsh", ['"The evidence is overwhelming"', '"and it points one way."']),
        ("Helen Marsh", ['"This trial,"', '"is about greed."']),
        ("Helen Marsh", ['"Greed,"', '"drove every decision."']),
        ("Helen Marsh", ["The defendant", "had lied repeatedly"]),
    ]


def test_colon_introductions_followed_only_by_a_quotation() -> None:
    text = (
        "The opposition leader, Ana Costa, was asked about the budget.\n"
        'Costa suggested: "Let us wait for the committee."\n'
        'Costa\'s verdict: "A disgrace."\n'
        'Her answer to the minister: "Never."\n'
        'The opposition leader\'s words were clear: "No more borrowing this year."\n'
    )
    assert brief(text) == [
        ("Ana Costa", "direct", '"Let us wait for the committee."'),
        ("Ana Costa", "direct", '"A disgrace."'),
        ("Ana Costa", "direct", '"Never."'),
        ("Ana Costa", "direct", '"No more borrowing this year."'),
    ]


def test_straight_single_quotation_marks() -> None:
    text = (
        "'This is not what people voted for,' said Priya Chandran, the MP who drafted it. "
        "'Ministers know that.'\n"
        "A spokesman said the Prime Minister had 'full confidence' in the Home Secretary.\n"
    )
    assert brief(text) == [
        ("Priya Chandran", "direct", "'This is not what people voted for,'"),
        ("Priya Chandran", "direct", "'Ministers know that.'"),
        ("spokesman", "mixed", "the Prime Minister had 'full confidence' in the Home Secretary"),
    ]


def test_a_participle_before_a_colon_reports_the_quotation_after_it() -> None:
    text = (
        "Council vote\n"
        "One councillor said the budget was 'a fantasy', adding: 'Nobody believes these "
        "numbers.'\n"
    )
    assert brief(text) == [
        ("councillor", "mixed", "the budget was 'a fantasy'"),
        ("councillor", "direct", "'Nobody believes these numbers.'"),
    ]


def test_a_single_quoted_sentence_after_the_cue_continues_the_quotation() -> None:
    text = (
        "Camps\n\n"
        "Housing Minister Ruth Adler spoke in parliament.\n\n"
        "'We have waited long enough,' she told the Commons. 'These rules are fair, they are "
        "simple and they are overdue.'\n"
    )
    assert brief(text) == [
        ("Ruth Adler", "direct", "'We have waited long enough,'"),
        ("Ruth Adler", "direct", "'These rules are fair, they are simple and they are overdue.'"),
    ]


def test_a_quotation_of_adverbs_before_its_cue() -> None:
    text = (
        "Flood town rebuilds\n"
        "Maria Lopes, the town's engineer, keeps a map on her desk.\n"
        "“Here, here and here,” she said, tapping the red patches along the river.\n"
    )
    assert brief(text) == [("Maria Lopes", "direct", "“Here, here and here,”")]
