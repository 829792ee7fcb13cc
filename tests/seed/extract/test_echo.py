"""A statement repeated word for word without a cue, beside its speaker's name, is
another attribution of the same statement."""

from __future__ import annotations

from tests.seed.extract.helpers import extract


def test_restatement_in_the_lead() -> None:
    text = (
        "Ferry fares to rise\n"
        "The ferry company is short of money, as Mayor Ola Strand on Monday the ferry fares "
        "would rise by ten percent next year.\n"
        "On Monday, Mayor Ola Strand said the ferry fares would rise by ten percent next year.\n"
    )
    lead, body = extract(text)
    assert (lead["speaker"], lead["cue"], lead["text"]) == (
        "Ola Strand",
        None,
        "the ferry fares would rise by ten percent next year",
    )
    assert lead["start"] < body["start"]
    assert lead["statement"] == body["statement"]


def test_a_repeat_without_the_speaker_nearby_is_not_attributed() -> None:
    text = (
        "On Monday, Mayor Ola Strand said the ferry fares would rise by ten percent next year.\n"
        "Critics say the ferry fares would rise by ten percent next year.\n"
    )
    assert [r["speaker_text"] for r in extract(text)] == ["Mayor Ola Strand", "Critics"]
