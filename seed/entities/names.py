"""Name normalisation and person-name comparison.

Three forms of a name, from faithful to loose:

- :func:`clean_display` keeps the name as written but unifies hyphens, apostrophes, quotes and
  spaces and drops stray punctuation ("Mohammed Shia’ al-Sudani" → "Mohammed Shia al-Sudani").
- :func:`normalize` is the exact matching form: case-folded, diacritics stripped, Arabic letter
  variants unified, apostrophes and dots removed, hyphens and punctuation turned into spaces
  ("Al-Asad" → "al asad", "U.S." → "us", "Baghdad's" → "baghdad").
- :func:`match_key` also drops articles: a leading "the", the Arabic article in its Latin
  spellings ("al-", "el-", the assimilated "ash-", "ad-"…) and "ال" on Arabic words
  ("Ain al-Asad" → "ain asad", "عين الأسد" → "عين اسد").

:func:`same_person` compares person names token by token: transliteration variants of one
given name (Mohammed = Muhammad, from ``names.yaml``), a folded spelling (Rasoul = Rasul,
Kataeb = Kataib) or a rapidfuzz ratio ≥ 90 between long tokens. A surname alone ("Sudani")
matches a full name only when the caller says both come from one article.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from pathlib import Path

from rapidfuzz.distance import Indel

_GIVEN_NAMES = Path(__file__).parent.parent / "extract" / "given_names.yaml"

__all__ = [
    "FUZZY_THRESHOLD",
    "NameLexicon",
    "clean_display",
    "fold",
    "given_names",
    "is_arabic_script",
    "match_key",
    "normalize",
    "person_tokens",
    "same_person",
    "skeleton",
    "tokens_match",
]

#: rapidfuzz ratio (normalised Indel similarity, 0–100) above which two spellings are one.
FUZZY_THRESHOLD = 90.0

_HYPHENS = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
_APOSTROPHES = "\u2018\u2019\u201a\u201b\u02bc\u02bb\u02be\u02bf\u0060\u00b4\u2032\uff07"
_DQUOTES = "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\uff02"
_FOLD_TABLE = str.maketrans(
    {
        **dict.fromkeys(_HYPHENS, "-"),
        **dict.fromkeys(_APOSTROPHES, "'"),
        **dict.fromkeys(_DQUOTES, '"'),
        "\u00a0": " ",
        "\u200b": "",
        "\u200c": "",
        "\u200d": "",
        "\u200e": "",
        "\u200f": "",
        "\u00ad": "",
        "\u0640": "",  # Arabic tatweel
    }
)
_LATIN_SPECIAL = str.maketrans(
    {"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ŧ": "t", "æ": "ae", "œ": "oe", "ß": "ss"}
)
_ARABIC_TABLE = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ة": "ه",
        "ى": "ي",
        "ؤ": "و",
        "ئ": "ي",
        "ی": "ي",  # Persian yeh
        "ک": "ك",  # Persian kaf
        "ە": "ه",  # Kurdish ae
    }
)
_WS = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"(?<=\w)'s?(?=\W|$)")
_NON_WORD = re.compile(r"[^\w\s]")
_LEADING_THE = re.compile(r"^(?:the|a|an)\s+")
# Arabic article in Latin script: "al-"/"el-" (hyphen or space), assimilated forms only hyphenated.
_LATIN_ARTICLE = re.compile(
    r"(?<![\w'])(?:(?:al|el)[- ]|(?:ad|adh|ar|as|ash|at|ath|az|an|ud)-)(?=\w)"
)
_ARABIC_ARTICLE = re.compile(r"(?<![\w])(?:وال|ال)(?=[\u0621-\u064a]{3,})")
#: an apostrophe no word holds ("Shia’ al-Sudani"), not a plural's possessive before a name
#: word ("the Road Hauliers' Union")
_STRAY_APOSTROPHE = re.compile(
    r"(?<=\w)(?<!s)'(?=\s|$|[,.;:)])|(?<=s)'(?=$|[,.;:)]|\s(?![A-Z]))|(?<=\s)'(?=\w)|^'(?=\w)"
)
#: abbreviations that end a name with their full stop ("Romeo Brawner Jr.", "Najd Cement Co.")
_ABBREVIATED_END = re.compile(r"(?:\s(?:[JS]r|Co|Corp|Inc|Ltd|Bhd|Cia)|\b(?:[A-Z]\.)+[A-Z])$")


def is_arabic_script(ch: str) -> bool:
    o = ord(ch)
    return 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or 0xFB50 <= o <= 0xFEFF


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Unify hyphens, apostrophes, quotes and spaces; NFC; nothing else changes."""
    return _WS.sub(" ", unicodedata.normalize("NFC", text).translate(_FOLD_TABLE)).strip()


@lru_cache(maxsize=65536)
def clean_display(text: str) -> str:
    """The name as written, tidied for display: folded, stray apostrophes and surrounding
    punctuation dropped ("Shia’ al-Sudani" → "Shia al-Sudani"); articles and case are kept."""
    s = fold(text)
    s = _STRAY_APOSTROPHE.sub("", s)
    s = s.strip(" \t\"'.,;:!?()[]{}-")
    if _ABBREVIATED_END.search(s) and text.rstrip(" \t\"'”’,;:)").endswith("."):
        s += "."  # "Romeo Brawner Jr.", "Andes Cobre Corp.", "Puerto Tribugá S.A.S."
    return _WS.sub(" ", s)


def strip_marks(s: str) -> str:
    """ "María" -> "Maria": letters without their accents or Arabic vowel marks."""
    if s.isascii():
        return s
    out = []
    for ch in unicodedata.normalize("NFKD", s):
        if unicodedata.combining(ch):
            continue
        o = ord(ch)
        if 0x064B <= o <= 0x065F or o == 0x0670 or 0x06D6 <= o <= 0x06ED:  # Arabic harakat
            continue
        out.append(ch)
    return "".join(out).translate(_LATIN_SPECIAL).translate(_ARABIC_TABLE)


@lru_cache(maxsize=131072)
def normalize(text: str) -> str:
    """Exact matching form: casefold, no diacritics, no apostrophes/dots/possessive 's,
    hyphens and other punctuation as spaces."""
    s = strip_marks(fold(text)).casefold()
    s = _POSSESSIVE.sub("", s)
    s = s.replace("'", "").replace(".", "").replace("+", " plus ")  # "OPEC+" is not OPEC
    s = _NON_WORD.sub(" ", s).replace("_", " ")
    return _WS.sub(" ", s).strip()


@lru_cache(maxsize=131072)
def match_key(text: str) -> str:
    """Loose matching form: :func:`normalize` without a leading "the" and without the
    Arabic article (Latin "al-"/"el-"/"ash-"…, Arabic "ال")."""
    s = strip_marks(fold(text)).casefold()
    s = _POSSESSIVE.sub("", s)
    s = s.replace("'", "").replace(".", "").replace("+", " plus ")
    s = _LATIN_ARTICLE.sub("", s)
    s = _ARABIC_ARTICLE.sub("", s)
    s = _NON_WORD.sub(" ", s).replace("_", " ")
    s = _WS.sub(" ", s).strip()
    return _LEADING_THE.sub("", s)


_SKELETON_RULES = (
    (re.compile(r"ou|oo"), "u"),
    (re.compile(r"ee"), "i"),
    (re.compile(r"ae|ei|ay"), "ai"),
    (re.compile(r"(?<=[aeiou])h$"), ""),
    (re.compile(r"(\w)\1+"), r"\1"),
)


@lru_cache(maxsize=131072)
def skeleton(token: str) -> str:
    """A transliteration-folded token: doubled letters collapsed, ou/oo → u, ee → i,
    ae/ei/ay → ai, a final h after a vowel dropped (Rasoul = Rasul, Mohammed = Mohamed,
    Kataeb = Kataib, Sulaymaniyah = Sulaymaniya)."""
    s = token
    for rx, rep in _SKELETON_RULES:
        s = rx.sub(rep, s)
    return s


class NameLexicon:
    """Titles, honorifics, post-nominal letters, name particles, surname-first family names
    and given-name variants (``names.yaml``)."""

    def __init__(
        self,
        *,
        honorifics: Iterable[str] = (),
        post_nominals: Iterable[str] = (),
        particles: Iterable[str] = (),
        surnames_first: Iterable[str] = (),
        given_name_variants: Iterable[Sequence[str]] = (),
    ) -> None:
        self.honorifics = frozenset(normalize(h) for h in honorifics if normalize(h))
        #: letters after a name that are no part of it ("Themba X SC", "Jane Y MP")
        self.post_nominals = frozenset(p.strip() for p in post_nominals if p.strip())
        self.particles = frozenset(normalize(p) for p in particles if normalize(p))
        variant_of: dict[str, str] = {}
        for group in given_name_variants:
            keys = [skeleton(normalize(n).replace(" ", "")) for n in group if normalize(n)]
            if not keys:
                continue
            canonical = keys[0]
            for k in keys:
                variant_of.setdefault(k, canonical)
        self.variant_of = variant_of
        #: family names written before the given name (Chinese, Korean): "Gao" of "Gao Mingyuan",
        #: as name tokens compare
        self.surnames_first = frozenset(
            self.canonical_token(normalize(n)) for n in surnames_first if normalize(n)
        )

    def canonical_token(self, token: str) -> str:
        sk = skeleton(token)
        return self.variant_of.get(sk, sk)


_EMPTY_LEXICON = NameLexicon()


def _lexicon(lexicon: NameLexicon | None) -> NameLexicon:
    if lexicon is not None:
        return lexicon
    from seed.entities.gazetteer import default_gazetteer

    return default_gazetteer().names


def starts_with_particle(name: str, lexicon: NameLexicon | None = None) -> bool:
    """Whether a name opens with a particle ("Mac Donncha", "de Búrca", "al-Tamimi")."""
    words = normalize(name).split()
    return bool(words) and words[0] in _lexicon(lexicon).particles


def person_tokens(name: str, lexicon: NameLexicon | None = None) -> tuple[str, ...]:
    """Comparable tokens of a person's name: normalised, honorifics at the front and name
    particles (al, bin, abu…) removed, each folded to its skeleton or given-name variant."""
    return _person_tokens(name, _lexicon(lexicon))


@lru_cache(maxsize=65536)
def _person_tokens(name: str, lex: NameLexicon) -> tuple[str, ...]:
    raw = normalize(name).split()
    while raw and raw[0] in lex.honorifics:
        raw = raw[1:]
    # "al"/"el" fused to the word ("Alshabandar") is kept: tokens_match looks behind it.
    toks = [t for t in raw if t not in lex.particles]
    return tuple(lex.canonical_token(t) for t in toks)


def _nisba_pair(a: str, b: str) -> bool:
    """'abbas'/'abbasi', 'maliki'/'malik': a nisba suffix makes a different name."""
    if len(a) > len(b):
        a, b = b, a
    return len(b) == len(a) + 1 and b.startswith(a) and b[-1] in "iy"


def tokens_match(a: str, b: str) -> bool:
    """Two comparable name tokens (see :func:`person_tokens`) spell the same name."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:  # an initial
        return a[0] == b[0]
    for x, y in ((a, b), (b, a)):
        # "alshabandar" = "shabandar": the article fused to the word
        if len(x) > 5 and x[:2] in ("al", "el") and x[2:] == y:
            return True
    if min(len(a), len(b)) < 5 or _nisba_pair(a, b):
        return False
    return Indel.normalized_similarity(a, b) * 100 >= FUZZY_THRESHOLD


def _subsequence(short: Sequence[str], long: Sequence[str]) -> bool:
    i = 0
    for t in long:
        if i < len(short) and tokens_match(short[i], t):
            i += 1
    return i == len(short)


#: the link of a patronymic name ("Saif bin Khalid", "Fatima bint Ali", "Ahmad ibn Hamad")
_PATRONYMIC = re.compile(r"\s(?:bin|bint|binti|ibn)\s", re.IGNORECASE)


def same_person(
    a: str, b: str, *, same_article: bool = False, lexicon: NameLexicon | None = None
) -> bool:
    """Whether two written names name the same person.

    Full names match when their first and last tokens match and the shorter's other tokens
    appear in order in the longer ("Mohammed al-Sudani" = "Mohammed Shia al-Sudani").
    A single token ("Sudani", "al-Sudani") matches the last token of a full name only with
    ``same_article=True`` (within one article's cluster); across articles it needs
    more evidence than the name (see :meth:`ActorResolver.canonicalize_across`).
    Titles are not stripped here: pass names, not descriptions.
    """
    lex = _lexicon(lexicon)
    ta, tb = _person_tokens(a, lex), _person_tokens(b, lex)
    if not ta or not tb:
        return False
    if same_article and len(ta) != len(tb):
        # "Sadeghi-Nia" for "Mohammad-Reza Sadeghi-Nia": a hyphenated surname written alone
        (short, written), long = (
            min(((ta, a), (tb, b)), key=lambda x: len(x[0])),
            max(ta, tb, key=len),
        )
        if (
            len(short) > 1
            and len(written.split()) == 1
            and all(tokens_match(x, y) for x, y in zip(short, long[-len(short) :], strict=True))
        ):
            return True
    if len(ta) == 1 or len(tb) == 1:
        if len(ta) == len(tb):
            return tokens_match(ta[0], tb[0])
        if not same_article:
            return False
        single, full = (ta, tb) if len(ta) == 1 else (tb, ta)
        if tokens_match(single[0], full[-1]):
            return True
        written = b if len(ta) == 1 else a
        if len(written.split()) == 2 and full[0] == single[0] and single[0] in lex.surnames_first:
            return True  # "Gao" for "Gao Mingyuan", "Koo" for "Koo Hye-jin"
        patronymic = _PATRONYMIC.search(written) is not None
        if (
            len(full) >= 3
            and tokens_match(single[0], full[-2])
            and all(w[:1].isupper() and "-" not in w for w in written.split())
            and not patronymic
        ):
            # "Quiroga" for "Hernán Quiroga Paz": the first of two surnames
            return True
        # "Sheikh Saif" for "Saif bin Khalid Al Thani": a name built on a patronymic is
        # shortened to the given name
        return patronymic and tokens_match(single[0], full[0])
    if not (tokens_match(ta[0], tb[0]) and tokens_match(ta[-1], tb[-1])):
        return False
    short, long = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if len(short) == len(long):
        return all(tokens_match(x, y) for x, y in zip(short, long, strict=True))
    return _subsequence(short[1:-1], long[1:-1])


@cache
def given_names() -> dict[str, str]:
    """Given name -> "m" or "f", for the names borne overwhelmingly by one gender."""
    import yaml

    data = yaml.safe_load(_GIVEN_NAMES.read_text(encoding="utf-8"))
    return {
        **dict.fromkeys(data.get("male") or [], "m"),
        **dict.fromkeys(data.get("female") or [], "f"),
    }
