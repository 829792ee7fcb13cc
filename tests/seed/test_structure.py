"""The structure stage on the sample articles and on small synthetic texts."""

from __future__ import annotations

from pathlib import Path

from seed.read import read_article, read_bytes
from seed.records import ArticleStructure, RawArticle
from seed.structure import analyse

SAMPLES = Path(__file__).resolve().parents[2] / "seed" / "samples"


def sample(name: str) -> tuple[RawArticle, ArticleStructure]:
    raw = read_article(next(SAMPLES.glob(f"{name}_*.txt")))
    return raw, analyse(raw)


def synthetic(text: str) -> tuple[str, ArticleStructure]:
    raw = read_bytes(text.encode(), "synthetic.txt")
    return raw.text, analyse(raw)


def texts(spans: object, text: str) -> list[str]:
    return [s.of(text) for s in spans]  # type: ignore[attr-defined]


def test_spans_cover_every_line_once() -> None:
    for name in ("000", "001", "002", "003", "004"):
        raw, s = sample(name)
        spans = [x for x in (s.title, s.subtitle, s.dateline) if x]
        spans += [*s.paragraphs, *s.captions, *s.boilerplate]
        covered = "".join(raw.text[x.start : x.end] for x in sorted(spans, key=lambda x: x.start))
        assert covered.replace(" ", "") == raw.text.replace("\n", "").replace(" ", ""), name


def test_sample_headline_first_line() -> None:
    raw, s = sample("001")
    assert s.title is not None
    assert s.title.of(raw.text).startswith("Iraqi PM says no need for foreign troops")
    assert s.subtitle is None and s.dateline is None and s.captions == ()
    assert len(s.paragraphs) == 22
    # the Arabic tweet and its byline stay in the body: the tweet is a statement
    assert any(p.of(raw.text).startswith("تحت ذريعة") for p in s.paragraphs)
    assert s.outlet_mentions == ()  # "told °®Âþµº" names a source, not itself


def test_sample_caption_first_and_no_headline() -> None:
    raw, s = sample("002")
    assert s.title is None
    assert texts(s.captions, raw.text) == [
        "US troops in Iraq. (Photo credit: Specialist Briana Alfaro/U.S. Army National Guard)"
    ]
    assert s.paragraphs[0].of(raw.text).startswith("In an interview with The Wall Street")


def test_sample_dateline() -> None:
    raw, s = sample("003")
    assert s.title is not None and s.title.of(raw.text) == "PM: Iraq No Longer Needs U.S. Forces"
    assert s.dateline is not None and s.dateline.of(raw.text) == "BAGHDAD (Dispatches) –"
    assert s.paragraphs[0].of(raw.text).startswith("Iraqi Prime Minister Mohammed")


def test_sample_boilerplate_caption_and_self_reference() -> None:
    raw, s = sample("004")
    assert s.title is not None
    assert s.title.of(raw.text).startswith("No need for any foreign combat forces on Iraqi soil:")
    assert texts(s.captions, raw.text) == [
        "Iraqi Prime Minister Mustafa al-Kadhimi (file photo by Shafaq News)"
    ]
    assert texts(s.boilerplate, raw.text) == [
        "News / Iraq",
        "Press TV’s website can also be accessed at the following alternate addresses:",
        "Press TV News Roku",
    ]
    assert texts(s.outlet_mentions, raw.text) == ["Press TV"]
    body = texts(s.paragraphs, raw.text)
    assert body[0].startswith("Iraq’s prime minister says there is no need")
    assert "Parliamentarians oppose US military’s advisory role in Iraq" in body  # crosshead
    assert body[-1].startswith("“We need cooperation in the field of intelligence.")


def test_wire_dateline_with_date_and_a_standfirst() -> None:
    text, s = synthetic(
        "Iraq says foreign combat troops no longer needed\n"
        "Prime minister cites improved readiness of Iraqi forces\n"
        "BAGHDAD, Aug 15 (Reuters) - Iraq's prime minister said on Monday that the country "
        "no longer needs foreign combat forces.\n"
        "He spoke at a meeting with army commanders.\n"
        "(Reporting by Jane Doe; Editing by John Roe)\n"
    )
    assert s.title is not None and s.title.of(text).startswith("Iraq says foreign")
    assert s.subtitle is not None and s.subtitle.of(text).startswith("Prime minister cites")
    assert s.dateline is not None and s.dateline.of(text) == "BAGHDAD, Aug 15 (Reuters) -"
    assert s.paragraphs[0].of(text).startswith("Iraq's prime minister said on Monday")
    assert texts(s.boilerplate, text) == ["(Reporting by Jane Doe; Editing by John Roe)"]


def test_a_dateline_in_title_case_needs_a_date() -> None:
    text, s = synthetic(
        "Lands Minister gives illegal miners two weeks to leave forest reserves\n\n"
        "Accra, July 23, 2024 — The Minister for Lands has warned illegal miners.\n"
        "Meanwhile, the chiefs — angry and tired — met the President.\n"
    )
    assert s.dateline is not None and s.dateline.of(text) == "Accra, July 23, 2024 —"
    _, plain = synthetic("Miners warned\n\nMeanwhile, the chiefs — angry — met.\n")
    assert plain.dateline is None


def test_standfirst_ending_with_a_full_stop_before_a_dateline() -> None:
    text, s = synthetic(
        "Troops to stay\n"
        "The government says the coalition's mission will change, not end.\n"
        "WASHINGTON — Officials said talks would continue.\n"
    )
    assert s.subtitle is not None and s.subtitle.of(text).startswith("The government says")
    assert s.dateline is not None and s.dateline.of(text) == "WASHINGTON —"


def test_a_hyphen_ends_a_long_place_in_capitals() -> None:
    text, s = synthetic(
        "Codelco picks a partner\nSANTIAGO - Chile's copper giant chose a partner.\n"
    )
    assert s.dateline is not None and s.dateline.of(text) == "SANTIAGO -"


def test_sentence_openings_are_not_datelines() -> None:
    for opening in (
        "US - Iraq talks resumed on Monday.",
        "NATO: the alliance met.",
        "UN (sic) - x",
        "NATO - the alliance met.",
    ):
        text, s = synthetic(f"Headline here\n{opening}\n")
        assert s.dateline is None, opening


def test_no_headline_when_the_first_line_is_a_sentence() -> None:
    text, s = synthetic("The minister said the troops would leave.\nHe added more.\n")
    assert s.title is None and len(s.paragraphs) == 2


def test_top_furniture_and_footer() -> None:
    text, s = synthetic(
        "World / Middle East\n"
        "By Jane Doe and John Roe\n"
        "15 August 2023 10:12 GMT\n"
        "Iraq wants foreign troops out\n"
        "The prime minister said so on Monday.\n"
        "Follow Kurdistan24 on Twitter for more news\n"
        "Share this article\n"
        "© 2023 Al-Monitor, LLC. All rights reserved.\n"
        "Read more: Iraq's parliament votes\n"
    )
    assert s.title is not None and s.title.of(text) == "Iraq wants foreign troops out"
    assert texts(s.paragraphs, text) == ["The prime minister said so on Monday."]
    assert len(s.boilerplate) == 7
    assert texts(s.outlet_mentions, text) == ["Kurdistan24", "Al-Monitor"]


def test_other_outlets_named_in_the_body_are_not_self_references() -> None:
    text, s = synthetic(
        "Troops headline\n"
        "The minister told Al-Monitor that the troops would leave, according to Reuters.\n"
        "Al Jazeera's website reported the same.\n"
    )
    assert s.outlet_mentions == ()


def test_captions() -> None:
    text, s = synthetic(
        "Troops headline\n"
        "Iraqi soldiers in Mosul. REUTERS/Alaa Al-Marjani\n"
        "Photo: Iraqi army on parade\n"
        "The prime minister in Baghdad (AFP photo)\n"
        "The photo showed soldiers, the ministry said.\n"
    )
    assert len(s.captions) == 3
    assert texts(s.paragraphs, text) == ["The photo showed soldiers, the ministry said."]


def test_lines_broken_inside_a_sentence_are_one_paragraph() -> None:
    text, s = synthetic(
        "Troops headline\n\n"
        "The minister said the troops\nwould leave by the end of\nthe year.\n\n"
        "Second paragraph.\nThird paragraph.\n"
    )
    assert texts(s.paragraphs, text) == [
        "The minister said the troops\nwould leave by the end of\nthe year.",
        "Second paragraph.",
        "Third paragraph.",
    ]


def test_a_byline_and_date_under_the_headline_and_standfirst_are_furniture() -> None:
    text, s = synthetic(
        "Port strike enters second week\n"
        "\n"
        "Dock workers say they will stay out until the pay offer is improved, and the port "
        "authority says it will not move.\n"
        "\n"
        "By Tomasz Lindqvist\n"
        "March 3, 2025\n"
        "\n"
        "Ships queued outside the harbour for a seventh day on Monday.\n"
    )
    assert texts(s.boilerplate, text) == ["By Tomasz Lindqvist", "March 3, 2025"]
    assert texts(s.paragraphs, text)[-1] == (
        "Ships queued outside the harbour for a seventh day on Monday."
    )
    # a paragraph that begins like a byline is no byline
    text, s = synthetic(
        "Port strike enters second week\n"
        "\n"
        "By contrast, the port authority said the terminal was working normally.\n"
        "\n"
        "Ships queued outside the harbour for a seventh day on Monday.\n"
    )
    assert s.boilerplate == ()
    # a byline with its date right under the headline is no standfirst
    text, s = synthetic(
        "Port strike enters second week\n"
        "\n"
        "By Sara Nadeem | 23 March 2025\n"
        "\n"
        "Ships queued outside the harbour for a seventh day on Monday.\n"
    )
    assert s.subtitle is None
    assert texts(s.boilerplate, text) == ["By Sara Nadeem | 23 March 2025"]


def test_a_writer_s_post_and_a_short_timestamp_under_the_headline_are_furniture() -> None:
    text, s = synthetic(
        "Victoria to cap rent increases at inflation for two years\n"
        "\n"
        "Lucy Tran\n"
        "Victoria state correspondent\n"
        "Thu 10 Jul 2025 17.20 AEST\n"
        "\n"
        "The Victorian government will cap annual rent increases, the housing minister said.\n"
    )
    assert texts(s.boilerplate, text) == [
        "Victoria state correspondent",
        "Thu 10 Jul 2025 17.20 AEST",
    ]
    assert texts(s.paragraphs, text) == [
        "The Victorian government will cap annual rent increases, the housing minister said."
    ]


def test_wire_credits_and_related_links_are_furniture() -> None:
    text, s = synthetic(
        "Alberta takes Ottawa to court\n"
        "The premier said the cap was unconstitutional.\n"
        "— With files from Lucie Bergeron in Quebec City\n"
        "Reporting by Ana Silva; editing by Tom Hale\n"
        "This report by Maple Newswire was first published April 3, 2025.\n"
        "More on this topic: Germany's debt brake explained | NATO summit: what's at stake\n"
    )
    assert texts(s.paragraphs, text) == ["The premier said the cap was unconstitutional."]
    assert len(s.boilerplate) == 4
