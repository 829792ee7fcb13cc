"""The pure pipeline: one article, many files, offsets into the stored (repaired) text."""

from __future__ import annotations

from pathlib import Path

from seed.pipeline import extract_article, extract_paths, load_nlp
from seed.read import read_bytes


def test_the_model_is_loaded_once_with_the_sentence_rules() -> None:
    assert load_nlp() is load_nlp()
    assert "dicta_sentence_bounds" in load_nlp().pipe_names


def test_offsets_point_into_the_repaired_text() -> None:
    # a GBK-misdecoded non-breaking space before the statement is repaired away
    data = "Harbour news\nOn Friday,Ìý harbour master Lena Moe said the port would reopen.\n"
    raw = read_bytes(data.encode("utf-8"), "harbour.txt")
    assert raw.repairs and "Ìý" not in raw.text
    (att,) = extract_article(raw).attributions
    assert raw.text[att.start : att.end] == att.content == "the port would reopen"
    assert (
        att.speaker_span is not None and att.speaker_span.of(raw.text) == "harbour master Lena Moe"
    )
    assert att.cue_span is not None and att.cue_span.of(raw.text) == "said"


def test_captions_and_boilerplate_are_not_extracted() -> None:
    data = (
        "Harbour reopens\n"
        "Lena Moe said the port is safe (Photo credit: Ola Berg/Reuters)\n"
        "Harbour master Lena Moe said on Friday the port would reopen.\n"
        "Follow us on Twitter, where editors said they post every day.\n"
    )
    atts = extract_article(read_bytes(data.encode("utf-8"), "h.txt")).attributions
    assert [a.content for a in atts] == ["the port would reopen"]


def test_language_of_each_content() -> None:
    data = (
        "A post in Arabic\n"
        "The minister posted a message on Sunday.\n"
        "نحن مستعدون للحوار مع جميع الأطراف من أجل السلام\n"
        "— Sami Haddad (@samihaddad)\n"
        "Haddad later said the talks would start soon.\n"
    )
    atts = extract_article(read_bytes(data.encode("utf-8"), "ar.txt")).attributions
    assert [(a.speaker.name if a.speaker else None, a.language) for a in atts] == [
        ("Sami Haddad", "ar"),
        ("Sami Haddad", "en"),
    ]


def test_extract_paths_reads_directories_and_reports_bad_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Mayor Ola Strand said the city no longer needs foreign contractors.\n", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text(
        "Mayor Ola Strand stated that the city does not need foreign contractors.\n",
        encoding="utf-8",
    )
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    errors: list[str] = []
    articles = extract_paths([tmp_path], on_error=lambda path, exc: errors.append(path.name))
    assert [a.raw.file_name for a in articles] == ["a.txt", "b.txt"]
    assert errors == ["empty.txt"]
    (first,), (second,) = (a.attributions for a in articles)
    assert first.statement_key == second.statement_key
    assert first.speaker is not None and first.speaker.name == "Ola Strand"
