"""Repairs: each pass on small synthetic texts, and the log that maps offsets back."""

from __future__ import annotations

import pytest

from seed.records import Repair
from seed.repair import (
    GBK_NBSP,
    GBK_UNRECOVERABLE,
    GBK_UNRECOVERABLE_OUTLET,
    SOFT_HYPHEN,
    Edit,
    RepairLog,
    repair,
)


def fixed(text: str) -> tuple[str, tuple[Repair, ...]]:
    log = repair(text)
    repairs = log.repairs()
    # every repair maps back: undoing all of them gives the input again
    rebuilt, at = [], 0
    for r in repairs:
        assert log.text[r.start : r.end] == r.after
        assert r.raw_offset is not None
        assert text[r.raw_offset : r.raw_offset + len(r.before)] == r.before
        rebuilt += [log.text[at : r.start], r.before]
        at = r.end
    assert "".join(rebuilt) + log.text[at:] == text
    return log.text, repairs


def test_untouched_text_has_no_repairs() -> None:
    text = "Iraq’s PM said “no”.\n\nSecond paragraph — with a dash.\n"
    assert fixed(text) == (text, ())


# -- GBK ------------------------------------------------------------------------------------


def test_gbk_nbsp_becomes_a_space() -> None:
    text, (nbsp, space) = fixed("He said so.Ìý Then he left.")
    assert text == "He said so. Then he left."
    assert (nbsp.before, nbsp.after, nbsp.reason) == ("Ìý", " ", GBK_NBSP)
    assert (space.before, space.after, space.reason) == (" ", "", "repeated spaces collapsed")


def test_gbk_nbsp_inside_a_line_and_doubled() -> None:
    text, repairs = fixed("One ÌýÌýtwo, 10Ìýkm")
    assert text == "One two, 10 km"
    assert [(r.before, r.after, r.raw_offset) for r in repairs] == [
        ("ÌýÌý", "", 4),
        ("Ìý", " ", 15),
    ]


def test_gbk_nbsp_at_a_line_end_disappears() -> None:
    text, (r,) = fixed("First line. Ìý\nSecond line.")
    assert text == "First line.\nSecond line."
    assert (r.start, r.end, r.before, r.after) == (11, 11, " Ìý", "")
    assert r.reason == f"{GBK_NBSP}; whitespace at a line end removed"


def test_unrecoverable_gbk_name_is_kept_and_marked() -> None:
    source = "the minister told °®Âþµº in a phone call, according to °®Âþµº."
    text, repairs = fixed(source)
    assert text == source
    assert [(r.before, r.after, r.reason) for r in repairs] == [
        ("°®Âþµº", "°®Âþµº", GBK_UNRECOVERABLE_OUTLET)
    ] * 2


def test_unrecoverable_gbk_run_elsewhere() -> None:
    garbled = "中文".encode("gbk").decode("latin-1")  # ÖÐÎÄ
    text, (r,) = fixed(f"The word {garbled} appeared.")
    assert r.reason == GBK_UNRECOVERABLE and r.before == r.after == garbled


@pytest.mark.parametrize(
    "text",
    [
        "Le café où l'été est très chaud, à Paris.",
        "Müller and Øresund and São Paulo, naïve façade.",
        "Ðað er gott. Þú ert hér.",
        "The temperature was 40°C; ±5 degrees.",
        "« Nous sommes prêts », a-t-il dit.",
    ],
)
def test_latin_text_is_not_mistaken_for_gbk(text: str) -> None:
    assert fixed(text) == (text, ())


# -- stripped soft hyphens ------------------------------------------------------------------


def test_arabic_hah_restored() -> None:
    damaged = "على طول الشريط الØدودي بين العراق"
    text, (r,) = fixed(damaged)
    assert text == "على طول الشريط الحدودي بين العراق"
    assert (r.before, r.after, r.reason, r.raw_offset) == ("Ø", "ح", SOFT_HYPHEN, 17)


def test_arabic_hah_at_a_word_start() -> None:
    assert fixed("قال Øزب الله")[0] == "قال حزب الله"


def test_cyrillic_e_restored() -> None:
    # Э is D0 AD in UTF-8: stripped of its soft hyphen it reads as Ð
    assert fixed("Ðтот город")[0] == "Этот город"


def test_lead_byte_beside_latin_letters_is_left_alone() -> None:
    assert fixed("Øresund bridge, Ø ring")[1] == ()


# -- ftfy -----------------------------------------------------------------------------------


def test_utf8_read_as_windows_1252_is_fixed_by_ftfy() -> None:
    text, (r,) = fixed("The ministerâ€™s statement")
    assert text == "The minister’s statement"
    assert (r.before, r.after) == ("â€™", "’")
    assert r.reason.startswith("mojibake or damage fixed by ftfy (")


def test_ftfy_does_not_straighten_quotes_or_widths() -> None:
    source = "“Quoted,” he said. Ｗｉｄｅ and ﬁne."
    text, repairs = fixed(source)
    assert text == "“Quoted,” he said. Ｗｉｄｅ and fine."
    assert [(r.before, r.after) for r in repairs] == [("ﬁ", "fi")]


def test_html_entities_are_unescaped() -> None:
    text, (r,) = fixed("Tom &amp; Jerry")
    assert text == "Tom & Jerry" and "unescape_html" in r.reason


# -- whitespace -----------------------------------------------------------------------------


def test_whitespace_normalised_with_paragraph_breaks_kept() -> None:
    source = "\n\n  Title  \r\nFirst\u00a0para.\t\tEnd.\r\n\r\n\r\n\r\nSecond para.   \n\n"
    text, repairs = fixed(source)
    assert text == "Title\nFirst para. End.\n\nSecond para.\n"
    reasons = {r.reason for r in repairs}
    assert "line ending normalised to \\n" in reasons
    assert "non-breaking or special space normalised to a plain space" in reasons


def test_single_final_line_break_is_kept() -> None:
    assert fixed("Text.\n") == ("Text.\n", ())


def test_zero_width_characters_removed_but_joiners_kept() -> None:
    text, (r,) = fixed("Ira\u200bq and می\u200cخواهم")
    assert text == "Iraq and می\u200cخواهم" and r.before == "\u200b"


# -- the log --------------------------------------------------------------------------------


def test_log_merges_an_edit_with_the_repair_it_touches() -> None:
    log = RepairLog("ab  cd")
    log.apply([Edit(1, 2, "X", "first")])
    assert log.text == "aX  cd"
    log.apply([Edit(2, 4, "", "second"), Edit(5, 6, "D", "third")])
    assert log.text == "aXcD"
    assert log.repairs() == (
        Repair(1, 2, "b", "X", "first", 1),  # bordering, both non-empty: kept apart
        Repair(2, 2, "  ", "", "second", 2),
        Repair(3, 4, "d", "D", "third", 5),
    )
    log.apply([Edit(1, 3, "Y", "fourth")])
    assert log.text == "aYD"
    assert log.repairs()[0] == Repair(1, 2, "b  c", "Y", "first; second; fourth", 1)


def test_log_marks_and_insertions() -> None:
    log = RepairLog("abc")
    log.apply([Edit(1, 2, "b", "mark"), Edit(3, 3, "!", "insert")])
    assert log.text == "abc!"
    assert log.repairs() == (Repair(1, 2, "b", "b", "mark", 1), Repair(3, 4, "", "!", "insert", 3))


def test_log_rejects_overlapping_edits() -> None:
    with pytest.raises(ValueError, match="overlapping"):
        RepairLog("abcdef").apply([Edit(0, 3, "", "a"), Edit(2, 4, "", "b")])
