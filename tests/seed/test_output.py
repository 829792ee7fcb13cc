"""The extraction output's speaker names."""

from __future__ import annotations

from schema.enums import ActorKind
from seed.output import name_in_article
from seed.records import ActorRef

MINISTRY = ActorRef(
    name="Ministry of Foreign Affairs of Ruritania",
    kind=ActorKind.GOVERNMENT,
    aliases=("Foreign Ministry", "Ruritania's Foreign Ministry", "Ruritanian Foreign Ministry"),
)


def test_canonical_name_where_the_article_uses_it() -> None:
    text = "The Ministry of Foreign Affairs of Ruritania said; the Foreign Ministry added."
    assert name_in_article(MINISTRY, text) == "Ministry of Foreign Affairs of Ruritania"


def test_longest_alias_in_the_articles_own_spelling() -> None:
    text = "Ruritania’s Foreign Ministry said on Monday. The Foreign Ministry added that..."
    assert name_in_article(MINISTRY, text) == "Ruritania’s Foreign Ministry"


def test_leading_article_dropped_and_whole_words_only() -> None:
    army = ActorRef(name="Ruritanian Armed Forces", kind=ActorKind.STATE, aliases=("the army",))
    assert name_in_article(army, "The army said it withdrew.") == "army"
    assert name_in_article(army, "The armyworm spread.") == "Ruritanian Armed Forces"


def test_canonical_name_when_no_form_occurs() -> None:
    assert name_in_article(MINISTRY, "A spokesman said.") == MINISTRY.name


def test_letters_that_lower_to_two_characters_keep_the_offsets() -> None:
    # "İ" lowers to "i" and a combining dot: every name after it must still be read whole
    person = ActorRef(name="Doruk Yalçın", kind=ActorKind.PERSON, aliases=("Yalçın",))
    text = "İzmir's mayor met Yalçın. Yalçın said the port would reopen."
    assert name_in_article(person, text) == "Yalçın"
    opposition = ActorRef(name="İlhan Korkmaz", kind=ActorKind.PERSON, aliases=("Korkmaz",))
    assert name_in_article(opposition, "Deputy İlhan Korkmaz said.") == "İlhan Korkmaz"


def test_a_written_form_that_is_no_alias() -> None:
    # the article's "Ministry of Commerce", named "Ruritanian Ministry of Commerce" across
    # the corpus
    ministry = ActorRef(
        name="Ruritanian Ministry of Commerce",
        kind=ActorKind.GOVERNMENT,
        written="Ministry of Commerce",
    )
    text = "The Ministry of Commerce said exports rose."
    assert name_in_article(ministry, text) == "Ministry of Commerce"


def test_the_written_form_comes_before_a_longer_alias() -> None:
    # "Iraq's Ministry of Water Resources" is an alias; the article's name for the body is
    # the one without its owner
    ministry = ActorRef(
        name="Iraqi Ministry of Water Resources",
        kind=ActorKind.GOVERNMENT,
        aliases=("Iraq's Ministry of Water Resources",),
        written="Ministry of Water Resources",
    )
    text = "Iraq's Ministry of Water Resources said the river was low."
    assert name_in_article(ministry, text) == "Ministry of Water Resources"
