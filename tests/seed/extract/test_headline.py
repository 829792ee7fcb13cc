"""Headline claims: "X says Y" and the colon forms "X: Y" and "Y: X"."""

from __future__ import annotations

from tests.seed.extract.helpers import extract


def test_speaker_colon_claim() -> None:
    text = (
        "Minister: Trains will run on Friday\n"
        "Transport Minister Eva Holm said trains would run on Friday, whatever the unions decide.\n"
    )
    head, body = extract(text)
    assert (head["speaker"], head["speaker_text"], head["text"], head["cue"]) == (
        "Eva Holm",
        "Minister",
        "Trains will run on Friday",
        ":",
    )
    assert body["text"] == "trains would run on Friday, whatever the unions decide"
    # one utterance, reported in the headline and in the body
    assert head["statement"] == body["statement"]


def test_claim_colon_speaker() -> None:
    text = (
        "Rail strike talks stall: Transport Minister Eva Holm\n"
        "Unions and the rail operator failed to agree on Tuesday.\n"
    )
    (head,) = extract(text)
    assert (head["speaker"], head["text"]) == ("Eva Holm", "Rail strike talks stall")


def test_says_headline_takes_a_noun_phrase() -> None:
    text = (
        "Premier says no deal without the unions\n"
        "Premier Lukas Brandt met the rail unions on Monday after a week of strikes.\n"
    )
    (head,) = extract(text)
    assert (head["speaker"], head["kind"], head["text"]) == (
        "Lukas Brandt",
        "indirect",
        "no deal without the unions",
    )
