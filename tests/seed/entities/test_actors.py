"""Actors: gazetteer organisations and states, people from the text, roles, clustering
within an article and merging across articles."""

from __future__ import annotations

import pytest

from schema.enums import ActorKind
from seed.entities.actors import ActorResolver, is_title_phrase, parse_role, split_role
from seed.records import ActorRef, RoleRef


@pytest.mark.parametrize(
    ("names", "canonical", "kind"),
    [
        (
            ["ISIS", "Daesh", "Islamic State", "ISIL", "the Islamic State group", "داعش"],
            "Islamic State",
            ActorKind.ARMED_GROUP,
        ),
        (
            [
                "PMF",
                "PMU",
                "Popular Mobilization Units",
                "Popular Mobilization Forces",
                "Hashd al-Shaabi",
                "الحشد الشعبي",
            ],
            "Popular Mobilization Forces",
            ActorKind.ARMED_GROUP,
        ),
        (
            ["Pentagon", "the Pentagon", "US Department of Defense"],
            "US Department of Defense",
            ActorKind.GOVERNMENT,
        ),
        (["Associated Press", "the Associated Press"], "Associated Press", ActorKind.MEDIA),
        (["Iraqi government", "Iraq", "Baghdad", "العراق"], "Iraq", ActorKind.STATE),
        (
            ["Washington", "US", "U.S.", "United States", "the American side"],
            "United States",
            ActorKind.STATE,
        ),
        (["Al-Fatah Alliance", "Fatah Alliance"], "Fatah Alliance", ActorKind.PARTY),
    ],
)
def test_known_actors_by_any_alias(
    actors: ActorResolver, names: list[str], canonical: str, kind: ActorKind
) -> None:
    for n in names:
        ref = actors.resolve(n)
        assert ref is not None and ref.name == canonical and ref.kind is kind, n


def test_known_names_win_over_spacy_labels(actors: ActorResolver) -> None:
    # spaCy calls these PERSON or GPE; the gazetteer knows better
    assert actors.resolve("Kataib Hezbollah", "PERSON").kind is ActorKind.ARMED_GROUP  # type: ignore[union-attr]
    assert actors.resolve("Daesh", "GPE").name == "Islamic State"  # type: ignore[union-attr]
    assert actors.resolve("Tabnak", "PERSON").kind is ActorKind.MEDIA  # type: ignore[union-attr]


def test_typos_and_adjectives_around_known_names(actors: ActorResolver) -> None:
    assert (
        actors.resolve("Popular Mobilization United", "ORG").name == "Popular Mobilization Forces"
    )  # type: ignore[union-attr]
    assert actors.resolve("Iran-backed Kataib Hezbollah militia").name == "Kataib Hezbollah"  # type: ignore[union-attr]
    assert actors.resolve("Kurdish Peshmerga").name == "Peshmerga"  # type: ignore[union-attr]


def test_a_ministry_named_after_a_partys_name_is_no_party(actors: ActorResolver) -> None:
    for name in ("Labour Ministry", "Ministry of Labour", "Department of Labor"):
        ministry = actors.resolve(name, "ORG")
        assert ministry is not None
        assert (ministry.name, ministry.kind) == (name, ActorKind.GOVERNMENT)


def test_places_are_not_actors_unless_they_stand_for_one(actors: ActorResolver) -> None:
    assert actors.resolve("Ain al-Asad", "PERSON") is None  # a base spaCy took for a person
    assert actors.resolve("Anbar") is None
    assert actors.resolve("Erbil").name == "Kurdistan Regional Government"  # type: ignore[union-attr]


def test_a_person_from_the_text(actors: ActorResolver) -> None:
    ref = actors.resolve("Iraq's Prime Minister Mohamed Shia al-Sudani", "PERSON")
    assert ref == ActorRef(
        name="Mohamed Shia al-Sudani",
        kind=ActorKind.PERSON,
        roles=(RoleRef(title="Prime Minister", organization="Iraq"),),
    )
    assert actors.resolve("Hassan Salem").kind is ActorKind.PERSON  # type: ignore[union-attr]
    assert actors.resolve("Sudani", "PERSON").name == "Sudani"  # type: ignore[union-attr]
    assert actors.resolve("Sudani") is None  # one word without a label is not enough


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("the prime minister", None),  # a description: resolved from the discourse
        ("the source", None),
        ("Âþµº", "PERSON"),  # broken encoding
        ("ÌýÌý", "PERSON"),
        ("والتمركز على", "PERSON"),  # Arabic words an English model took for a name
        ("Iraqi", "NORP"),  # an adjective, not a group of people
    ],
)
def test_not_actors(actors: ActorResolver, text: str, label: str | None) -> None:
    assert actors.resolve(text, label) is None


def test_unknown_organisations_and_groups(actors: ActorResolver) -> None:
    ref = actors.resolve("Anbar Operations Command", "ORG")
    assert ref == ActorRef(name="Anbar Operations Command", kind=ActorKind.GOVERNMENT)
    assert actors.resolve("Baghdad Daily News", "ORG").kind is ActorKind.MEDIA  # type: ignore[union-attr]
    assert actors.resolve("Iraqis", "NORP") == ActorRef(name="Iraqis", kind=ActorKind.GROUP)
    assert actors.resolve("Abu Mahdi al-Muhandis", "NORP").kind is ActorKind.PERSON  # type: ignore[union-attr]
    # a word of an outlet called "The National" is no mention of it
    for name in ("National Police Service", "National Assembly"):
        assert actors.resolve(name, "ORG") == ActorRef(name=name, kind=ActorKind.GOVERNMENT)
    # NER's organisation keeps its "'s"; a possessive does not
    assert actors.resolve("Moody's", "ORG").name == "Moody's"  # type: ignore[union-attr]
    assert actors.resolve("Iraq's", "GPE").name == "Iraq"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Iraq's Prime Minister Mohamed Shia al-Sudani",
            "Mohamed Shia al-Sudani",
            RoleRef("Prime Minister", "Iraq"),
        ),
        (
            "Iraqi Prime Minister Mustafa al-Kadhimi",
            "Mustafa al-Kadhimi",
            RoleRef("Prime Minister", "Iraq"),
        ),
        (
            "Iraq's then-Prime Minister Mustafa al-Kadhimi",
            "Mustafa al-Kadhimi",
            RoleRef("Prime Minister", "Iraq"),
        ),
        (
            "Kazim al-Fartusi, the spokesperson of Iran-backed Kataeb Sayyid al-Shuhada Shia group in Iraq",
            "Kazim al-Fartusi",
            RoleRef("Spokesperson", "Kataib Sayyid al-Shuhada"),
        ),
        (
            "Nasr al-Shammari, spokesman of the al-Nujaba Movement",
            "Nasr al-Shammari",
            RoleRef("Spokesperson", "Harakat al-Nujaba"),
        ),
        (
            "US Secretary of Defense Lloyd Austin",
            "Lloyd Austin",
            RoleRef("Secretary of Defense", "United States"),
        ),
        ("Brig. Gen. Yahya Rasoul", "Yahya Rasoul", RoleRef("Brigadier General")),
        (
            "Iraqi defence minister Thabet al-Abbasi",
            "Thabet al-Abbasi",
            RoleRef("Defence Minister", "Iraq"),
        ),
        ("Minister of Foreign Affairs Fuad Hussein", "Fuad Hussein", RoleRef("Foreign Minister")),
        (
            "former US national security advisor John Bolton",
            "John Bolton",
            RoleRef("former National Security Advisor", "United States"),
        ),
        (
            "Deputy Commander of Iraq's Popular Mobilization United (PMU) Abu Mahdi al-Muhandis",
            "Abu Mahdi al-Muhandis",
            RoleRef("Deputy Commander", "Popular Mobilization Forces"),
        ),
        (
            "Sagvan Sindi, Deputy Head of the Security and Defence Committee",
            "Sagvan Sindi",
            RoleRef("Deputy Head", "Security and Defence Committee"),
        ),
        (
            "UN Secretary-General Antonio Guterres",
            "Antonio Guterres",
            RoleRef("Secretary-General", "United Nations"),
        ),
        (
            "John Smith, a spokesman for Acme Corporation, which makes tools",
            "John Smith",
            RoleRef("Spokesperson", "Acme Corporation"),
        ),
    ],
)
def test_roles_from_titles_and_appositions(text: str, name: str, role: RoleRef) -> None:
    assert split_role(text) == (name, role)
    assert parse_role(text) == role


@pytest.mark.parametrize(
    "text",
    ["the prime minister", "Iraq's prime minister", "the spokesperson", "the Iraqi defence minister",
     "the deputy head of the Popular Mobilization Units", "Pentagon spokesperson", "the premier"],
)  # fmt: skip
def test_title_phrases(text: str) -> None:
    assert is_title_phrase(text)


@pytest.mark.parametrize(
    "text",
    ["Prime Minister Kadhimi", "the prime minister's media office", "Major cities", "General Assembly",
     "a security source in Anbar province", "Mohammed Shia al-Sudani"],
)  # fmt: skip
def test_not_title_phrases(text: str) -> None:
    assert not is_title_phrase(text)


def test_cluster_one_article(actors: ActorResolver) -> None:
    names = [
        "Iraqi Prime Minister Mohammed Shia al-Sudani",
        "Sudani",
        "Sudani",
        "al-Sudani",
        "Secretary Austin",
        "Lloyd Austin",
        "Yahya Rasoul",
        "Yahya Rasul",
        "Kazim al-Fartusi",
        "Fartusi",
        "PMU",
    ]
    assert actors.cluster(names) == {
        "Iraqi Prime Minister Mohammed Shia al-Sudani": "Mohammed Shia al-Sudani",
        "Sudani": "Mohammed Shia al-Sudani",
        "al-Sudani": "Mohammed Shia al-Sudani",
        "Secretary Austin": "Lloyd Austin",
        "Lloyd Austin": "Lloyd Austin",
        "Yahya Rasoul": "Yahya Rasoul",
        "Yahya Rasul": "Yahya Rasoul",
        "Kazim al-Fartusi": "Kazim al-Fartusi",
        "Fartusi": "Kazim al-Fartusi",
        "PMU": "Popular Mobilization Forces",
    }


def test_cluster_leaves_an_ambiguous_surname_alone(actors: ActorResolver) -> None:
    out = actors.cluster(["Fuad Hussein", "Saddam Hussein", "Hussein"])
    assert out == {
        "Fuad Hussein": "Fuad Hussein",
        "Saddam Hussein": "Saddam Hussein",
        "Hussein": "Hussein",
    }


def test_cluster_a_patronymic_name_by_its_given_name(actors: ActorResolver) -> None:
    out = actors.cluster(["Hamdan bin Rashid Al Nuaimi", "Hamdan", "Rashid", "Omar Haddad"])
    assert out["Hamdan"] == "Hamdan bin Rashid Al Nuaimi"
    assert out["Rashid"] == "Rashid"  # the father's name is no one's here
    assert actors.cluster(["Hamdan Al Nuaimi", "Hamdan"])["Hamdan"] == "Hamdan"


def _p(name: str, *aliases: str, roles: tuple[RoleRef, ...] = ()) -> ActorRef:
    return ActorRef(name=name, kind=ActorKind.PERSON, aliases=aliases, roles=roles)


def test_merge_across_articles_and_spellings(actors: ActorResolver) -> None:
    refs = [
        _p("Mohammed Shia al-Sudani", "Sudani", roles=(RoleRef("Prime Minister", "Iraq"),)),
        _p("Mohamed Shia al-Sudani", "Sudani"),
        _p("Mohammed Shia al-Sudani", "al-Sudani"),
        _p("Yahya Rasoul"),
        _p("Yahya Rasul"),
    ]
    out = actors.canonicalize_across(refs)
    sudani = out["Mohamed Shia al-Sudani"]
    assert sudani is out["Mohammed Shia al-Sudani"]
    assert sudani.name == "Mohammed Shia al-Sudani"  # the spelling most articles use
    assert {"Mohamed Shia al-Sudani", "Sudani", "al-Sudani"} <= set(sudani.aliases)
    assert sudani.roles == (RoleRef("Prime Minister", "Iraq"),)
    assert out["Yahya Rasul"] is out["Yahya Rasoul"]
    assert out["Sudani"] is sudani  # an alias no other actor claims


def test_merge_across_scripts(actors: ActorResolver) -> None:
    orgs = [
        ActorRef("Hashd al-Shaabi", ActorKind.ARMED_GROUP),
        ActorRef("الحشد الشعبي", ActorKind.ARMED_GROUP),
        ActorRef("PMU", ActorKind.ORGANIZATION),
    ]
    out = actors.canonicalize_across(orgs)
    assert {out[r.name].name for r in orgs} == {"Popular Mobilization Forces"}
    people = [_p("Izzat al-Shabandar", "عزت الشابندر"), _p("Ezzat Alshabandar"), _p("عزت الشابندر")]
    out = actors.canonicalize_across(people)
    assert out["عزت الشابندر"] is out["Izzat al-Shabandar"] is out["Ezzat Alshabandar"]


def test_same_surname_in_different_articles_is_not_merged_without_evidence(
    actors: ActorResolver,
) -> None:
    refs = [
        _p("Fuad Hussein"),
        _p("Saddam Hussein"),
        _p("Hussein"),
        _p("Ali al-Sudani"),
        _p("Mohammed Shia al-Sudani"),
    ]
    out = actors.canonicalize_across(refs)
    assert len({id(out[r.name]) for r in refs}) == 5


def test_a_surname_joins_a_full_name_when_a_role_agrees(actors: ActorResolver) -> None:
    pm = RoleRef("Prime Minister", "Iraq")
    refs = [_p("Mustafa al-Kadhimi", roles=(pm,)), _p("Kadhimi", roles=(pm,)), _p("Austin")]
    out = actors.canonicalize_across(refs)
    assert out["Kadhimi"] is out["Mustafa al-Kadhimi"]
    assert out["Austin"].name == "Austin"


def test_a_known_body_with_another_country_s_adjective_is_another_body(
    actors: ActorResolver,
) -> None:
    assert actors.resolve("Nepali Congress", "ORG").name == "Nepali Congress"  # type: ignore[union-attr]
    assert actors.resolve("Kurdish Peshmerga").name == "Peshmerga"  # type: ignore[union-attr]
