"""When a statement was said: the expression attached to the cue, resolved against the
article's date (weekdays to the latest such day on or before it, dates from the past)."""

from __future__ import annotations

import datetime as dt

import pytest

from schema.enums import DatePrecision
from seed.dates import format_date, parse_date
from seed.manifest import ManifestEntry
from seed.output import row
from seed.pipeline import extract_article
from seed.read import read_bytes

TUESDAY = dt.date(2023, 8, 15)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Monday", "2023-08-14"),
        ("on Sunday", "2023-08-13"),
        ("Tuesday", "2023-08-15"),  # the article's own day
        ("last Tuesday", "2023-08-08"),
        ("15 August", "2023-08-15"),
        ("on 16 August", "2022-08-16"),  # not yet this year: last year's
        ("Feb. 11", "2023-02-11"),
        ("in January", "2023-01"),
        ("July 2021", "2021-07"),
        ("December 7, 2022", "2022-12-07"),
        ("late 2017", "2017"),
        ("last week", "2023-08"),
        ("yesterday", "2023-08-14"),
        ("three years", None),
        ("recent months", None),
    ],
)
def test_parse_against_the_article_date(text: str, expected: str | None) -> None:
    found = parse_date(text, TUESDAY)
    assert (found.iso() if found else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Monday", None), ("15 August", None), ("in July 2021", "2021-07"), ("2014", "2014")],
)
def test_without_an_article_date_nothing_is_invented(text: str, expected: str | None) -> None:
    found = parse_date(text, None)
    assert (found.iso() if found else None) == expected


def test_format_by_precision() -> None:
    day = dt.date(2021, 7, 23)
    assert format_date(day, DatePrecision.DAY) == "2021-07-23"
    assert format_date(day, DatePrecision.MONTH) == "2021-07"
    assert format_date(day, DatePrecision.YEAR) == "2021"


def said_on(text: str, published: dt.date | None = TUESDAY) -> list[tuple[str | None, str | None]]:
    entry = ManifestEntry(
        file_name="t.txt", published_on=published, published_precision=DatePrecision.DAY
    )
    article = extract_article(read_bytes(text.encode("utf-8"), "t.txt"), entry)
    return [
        (r["said_on"], r["said_on_text"])
        for r in (row(article, a, set()) for a in article.attributions)
    ]


def test_dates_attached_to_the_cue() -> None:
    text = (
        "On Monday, Mayor Ola Strand said the ferry would run all winter.\n"
        "Council member Jan Ek said on Sunday that the budget was too small.\n"
        "The two parties declared in July 2021 that they would govern together.\n"
        "Strand stated that fares would stay “exactly as they are,” in a meeting with "
        "shop owners on 12 August.\n"
        "“We need the ferry,” said Ek in his first interview since taking office in October.\n"
        "Strand said the harbour would be dredged.\n"
    )
    assert said_on(text) == [
        ("2023-08-14", "Monday"),
        ("2023-08-13", "Sunday"),
        ("2021-07", "July 2021"),
        ("2023-08-12", "12 August"),
        (None, None),
        (None, None),
    ]


def test_relative_dates_need_the_article_date() -> None:
    text = "On Monday, Mayor Ola Strand said the ferry would run all winter.\n"
    assert said_on(text, published=None) == [(None, "Monday")]
