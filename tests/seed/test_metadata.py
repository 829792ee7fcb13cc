"""Metadata: manifest first, then what the text reveals; unknown stays unknown."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from schema.enums import DatePrecision, OutletKind
from seed.manifest import ManifestEntry
from seed.metadata import detect_languages, estimate_published, find_dates, infer
from seed.read import read_article, read_bytes
from seed.records import ArticleMeta, OutletInfo
from seed.structure import analyse

SAMPLES = Path(__file__).resolve().parents[2] / "seed" / "samples"


def sample_meta(name: str, entry: ManifestEntry | None = None) -> ArticleMeta:
    raw = read_article(next(SAMPLES.glob(f"{name}_*.txt")))
    return infer(raw, analyse(raw), entry)


def meta(text: str) -> ArticleMeta:
    raw = read_bytes(text.encode(), "synthetic.txt")
    return infer(raw, analyse(raw))


def published(text: str) -> tuple[dt.date, DatePrecision, bool] | None:
    raw = read_bytes(text.encode(), "synthetic.txt")
    return estimate_published(raw.text, analyse(raw))


# -- samples --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("000", None),  # "15 August", latest written year 2021 is background: year unknown
        ("001", None),  # no year at all
        ("002", dt.date(2023, 1, 10)),  # November 2022 … 7 November, 2 December, 10 January
        ("003", dt.date(2024, 2, 11)),  # "the year 2024" … "on Feb. 11"
        ("004", None),  # relative days and background years only
    ],
)
def test_sample_publication_estimates(name: str, expected: dt.date | None) -> None:
    m = sample_meta(name)
    assert m.published_on == expected
    if expected is None:
        assert m.published_precision is None and m.published_estimated is False
    else:
        assert m.published_precision == DatePrecision.DAY and m.published_estimated is True


def test_sample_outlets_only_where_named() -> None:
    assert sample_meta("004").outlet == OutletInfo(name="Press TV")
    for name in ("000", "001", "002", "003"):
        assert sample_meta(name).outlet is None, name


def test_sample_titles_and_languages() -> None:
    m = sample_meta("001")
    assert m.title is not None and m.title.startswith("Iraqi PM says no need")
    assert m.languages == ("en", "ar")
    assert sample_meta("002").title is None
    assert sample_meta("003").languages == ("en",)


def test_manifest_entry_wins_field_by_field() -> None:
    outlet = OutletInfo(name="Kayhan International", kind=OutletKind.NEWSPAPER, country="IR")
    entry = ManifestEntry(
        "003.txt",
        outlet=outlet,
        url="https://example.org/a",
        published_on=dt.date(2024, 2, 12),
        published_precision=DatePrecision.DAY,
    )
    m = sample_meta("003", entry)
    assert m.outlet == outlet and m.url == "https://example.org/a"
    assert (m.published_on, m.published_estimated) == (dt.date(2024, 2, 12), False)
    assert m.title == "PM: Iraq No Longer Needs U.S. Forces"  # not in the entry: inferred
    assert m.languages == ("en",)


# -- dates ----------------------------------------------------------------------------------


def test_find_dates_forms() -> None:
    text = (
        "On 15 August 2023, on Aug. 16, 2023, on 2023-08-17, in December 2021, on Feb. 11, "
        "on 7th November, in 2014, the year 2024, mid-2019, 2,500 troops, In April."
    )
    found = [(m.span.of(text), m.year, m.month, m.day) for m in find_dates(text)]
    assert found == [
        ("15 August 2023", 2023, 8, 15),
        ("Aug. 16, 2023", 2023, 8, 16),
        ("2023-08-17", 2023, 8, 17),
        ("December 2021", 2021, 12, None),
        ("Feb. 11", None, 2, 11),
        ("7th November", None, 11, 7),
        ("2014", 2014, None, None),
        ("2024", 2024, None, None),
        ("2019", 2019, None, None),
    ]


def test_latest_full_date_is_the_estimate() -> None:
    assert published(
        "Troops to leave\nOn 3 March 2019 the minister spoke. On 5 May 2020 he spoke again.\n"
    ) == (dt.date(2020, 5, 5), DatePrecision.DAY, True)


def test_dates_in_sentences_about_the_future_are_ignored() -> None:
    assert published(
        "Troops to leave\nOn 3 March 2019 the minister spoke.\n"
        "Elections will be held on 10 October 2025.\n"
    ) == (dt.date(2019, 3, 3), DatePrecision.DAY, True)


def test_dateline_date_takes_the_written_year() -> None:
    assert published(
        "Iraq wants troops out\nBAGHDAD, Aug 15 (Reuters) - Talks began in 2023, officials said.\n"
    ) == (dt.date(2023, 8, 15), DatePrecision.DAY, True)


def test_yearless_day_before_the_latest_written_date_leaves_the_year_unknown() -> None:
    assert published("Troops\nAs of December 2021 none remained. On 15 August he spoke.\n") is None


def test_months_and_years_alone_make_no_estimate() -> None:
    assert (
        published("Troops\nIn April the two sides met. In January 2020 a general died.\n") is None
    )


def test_published_line_is_not_an_estimate() -> None:
    assert published(
        "Published: 16 August 2023\nIraq wants troops out\nOn 3 March 2024 he will leave.\n"
    ) == (dt.date(2023, 8, 16), DatePrecision.DAY, False)


def test_no_dates_no_estimate() -> None:
    m = meta("Troops to leave\nThe minister said so on Monday.\n")
    assert (m.published_on, m.published_precision, m.published_estimated) == (None, None, False)
    assert m.outlet is None and m.url is None


# -- languages ------------------------------------------------------------------------------


def test_languages_main_first_then_notable_other_scripts() -> None:
    raw = read_bytes(
        "Iraq says troops must go\n"
        "The prime minister said on Monday that the country does not need foreign troops.\n"
        "قال رئيس الوزراء إن العراق لا يحتاج إلى قوات قتالية أجنبية على أراضيه\n".encode(),
        "mixed.txt",
    )
    assert detect_languages(raw.text, analyse(raw)) == ("en", "ar")


def test_a_short_foreign_name_is_not_a_language() -> None:
    m = meta(
        "Iraq base hit\nThe Ain al-Asad base (عين الأسد) in Anbar was hit by rockets on Monday, "
        "the ministry said in a statement.\n"
    )
    assert m.languages == ("en",)


def test_persian_and_french() -> None:
    assert meta(
        "Titre de l'article ici\nLe ministre a déclaré que les troupes étrangères devaient "
        "quitter le pays avant la fin de l'année, selon un communiqué.\n"
    ).languages == ("fr",)
    assert meta(
        "عنوان خبر\nوزیر امور خارجه ایران گفت که نیروهای خارجی باید هر چه زودتر از منطقه خارج شوند.\n"
    ).languages == ("fa",)
