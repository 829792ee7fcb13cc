"""One utterance, many reports: attributions of one statement share a key; their dates stay
their own, and a disagreement is flagged."""

from __future__ import annotations

import datetime as dt

from schema.enums import DatePrecision
from seed.manifest import ManifestEntry
from seed.merge import content_words, date_conflicts, merge, similarity
from seed.output import rows
from seed.pipeline import extract_article, word_vectors
from seed.read import read_bytes


def article(name: str, text: str, published: dt.date) -> object:
    entry = ManifestEntry(
        file_name=name, published_on=published, published_precision=DatePrecision.DAY
    )
    return extract_article(read_bytes(text.encode("utf-8"), name), entry)


def test_similarity_of_wordings() -> None:
    a = content_words("no longer needs the presence of foreign combat forces on its soil")
    b = content_words("does not need foreign combatant troops")
    assert round(similarity(a, b), 2) == 0.62  # by stems alone: need, foreign, combat, not
    assert round(similarity(a, b, word_vectors()), 2) == 0.83  # and forces ~ troops
    assert (
        similarity(a, content_words("the harbour will be dredged next spring"), word_vectors())
        < 0.3
    )


def test_one_statement_across_outlets_with_conflicting_dates() -> None:
    one = article(
        "one.txt",
        "Mayor Ola Strand said on Monday that the city no longer needs foreign contractors.\n"
        "Strand said the harbour would be dredged next spring.\n",
        dt.date(2023, 8, 15),
    )
    two = article(
        "two.txt",
        "Mayor Ola Strand stated on 15 August that the city does not need foreign contractors.\n"
        "Council member Jan Ek said the city does not need foreign contractors.\n",
        dt.date(2023, 8, 16),
    )
    three = article(
        "three.txt",
        "Mayor Ola Strand said the city no longer needs foreign contractors.\n",
        dt.date(2024, 3, 1),
    )
    merged = merge([one, two, three], vectors=word_vectors())
    records = list(rows(merged))
    by = {(r["article"], r["speaker"], r["said_on"]): r["statement"] for r in records}
    strand_one = by[("one.txt", "Ola Strand", "2023-08-14")]
    strand_two = by[("two.txt", "Ola Strand", "2023-08-15")]
    assert strand_one == strand_two  # same speaker, same words in other words, days apart
    assert by[("two.txt", "Jan Ek", None)] != strand_two  # another speaker
    assert by[("three.txt", "Ola Strand", None)] != strand_one  # months later: said again
    assert by[("one.txt", "Ola Strand", None)] != strand_one  # another remark
    assert date_conflicts(merged) == {strand_one}
    flagged = [r for r in records if r["date_conflict"]]
    assert sorted(r["said_on"] for r in flagged) == ["2023-08-14", "2023-08-15"]
