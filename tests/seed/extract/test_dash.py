"""Dash forms: an embedded post signed "— Name (@handle)", a quotation signed "— Name"."""

from __future__ import annotations

from tests.seed.extract.helpers import extract


def test_embedded_post_signed_below() -> None:
    text = (
        "Sea wall plan\n"
        "The harbour authority published its plan on Monday.\n"
        "The wall will protect four thousand homes from the spring floods.\n"
        "— Lena Moe (@harbourlena)\n"
        "Work starts in June.\n"
    )
    (post,) = extract(text)
    assert (post["speaker"], post["speaker_text"], post["kind"], post["cue"]) == (
        "Lena Moe",
        "Lena Moe",
        "direct",
        "—",
    )
    assert post["text"] == "The wall will protect four thousand homes from the spring floods."
    assert post["medium"] == "tweet"


def test_quotation_signed_inline() -> None:
    text = (
        "Sea wall plan\n"
        "The harbour authority published its plan on Monday.\n"
        "“The sea wall will be finished by 2030.” — Harbour master Lena Moe\n"
    )
    (quote,) = extract(text)
    assert (quote["speaker"], quote["text"]) == (
        "Lena Moe",
        "“The sea wall will be finished by 2030.”",
    )
