"""Language of a text: ISO 639-1 code, or None when the text gives no evidence.

Arabic script settles it without a model (Persian, Kurdish and Urdu are told from Arabic by
letters only they use); other text goes to py3langid restricted to the languages a news
corpus of the region is likely to hold (:data:`LIKELY_LANGUAGES`, change with
:func:`set_languages`). The model loads on first use, once per process.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

__all__ = ["LIKELY_LANGUAGES", "detect", "set_languages"]

LIKELY_LANGUAGES: tuple[str, ...] = (
    "en", "ar", "fa", "ku", "tr", "fr", "de", "es", "it", "pt", "nl", "ru", "uk", "zh", "he", "ur",
)  # fmt: skip

_PERSIAN = set("پچژگکی")  # letters Arabic does not use
_KURDISH = set("ڕڵۆێەڤ")
_URDU = set("ٹڈڑںےھ")
_MIN_LETTERS = 3

_identifier: Any = None
_languages: tuple[str, ...] = LIKELY_LANGUAGES


def set_languages(languages: Iterable[str]) -> None:
    """Restrict detection to these ISO 639-1 codes (those py3langid knows)."""
    global _languages
    _languages = tuple(dict.fromkeys(languages))
    if _identifier is not None:
        _identifier.set_languages(list(_languages))
    detect.cache_clear()


def _model() -> Any:
    global _identifier
    if _identifier is None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        ident.set_languages([lang for lang in _languages if lang in ident.nb_classes])
        _identifier = ident
    return _identifier


def _arabic_script(ch: str) -> bool:
    o = ord(ch)
    return 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or 0xFB50 <= o <= 0xFEFF


@lru_cache(maxsize=4096)
def detect(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None for text without enough letters."""
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < _MIN_LETTERS:
        return None
    arabic = [ch for ch in letters if _arabic_script(ch)]
    if len(arabic) * 4 >= len(letters):  # a quarter: Arabic beside its transliteration
        chars = set(arabic)
        if chars & _KURDISH:
            return "ku"
        if chars & _URDU:
            return "ur"
        if chars & _PERSIAN:
            return "fa"
        return "ar"
    lang, _ = _model().classify(text)
    return str(lang)
