"""Language identification."""

from __future__ import annotations

import pytest

from seed.entities.language import detect


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Iraq no longer needs the presence of foreign combat forces on its soil.", "en"),
        ("تحت ذريعة مواجهة الإرهاب تتوالى التعزيزات العسكرية القادمة", "ar"),
        (
            "— عزت الشابندر | Ezzat Alshabandar (@IAlshabandar)",
            "ar",
        ),  # a name beside its transliteration
        ("نخست وزیر عراق گفت که نیروهای خارجی", "fa"),
        ("سەرۆک وەزیرانی عێراق ڕایگەیاند", "ku"),
        ("Le Premier ministre irakien a déclaré que les forces étrangères", "fr"),
        ("Der irakische Ministerpräsident sagte, dass ausländische Truppen", "de"),
    ],
)
def test_detect(text: str, lang: str) -> None:
    assert detect(text) == lang


@pytest.mark.parametrize("text", ["", "  ", "42", "a."])
def test_no_evidence(text: str) -> None:
    assert detect(text) is None
