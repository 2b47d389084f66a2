"""The world layer: countries named in a text, and a country's towns."""

import pytest

from components.domain.vocabularies import GeoPrecision
from components.gazetteer import world


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Niger's army said", ["NE"]),
        ("Malian soldiers were killed", ["ML"]),
        ("in Borno State, Nigeria", ["NG"]),
        ("Nigeria's Borno State", ["NG"]),
        ("the Democratic Republic of the Congo", ["CD"]),
        ("at the Bhutan Sharif shrine", []),
        ("in the east of the Democratic Republic of Congo", ["CD"]),
        ("pirates in the Gulf of Guinea", []),
        ("backed by the United States of America", ["US"]),
        ("Bombers kill seven in Cameroon\n\nPhoto caption: troops", ["CM"]),
    ],
)
def test_countries_named(text, codes):
    assert [code for code, _ in world.countries_named(text)] == codes


def test_a_country_layer_holds_its_towns_and_the_country():
    layer = world.country_gazetteer("NE")
    (town,) = layer.candidates("Bankilare")
    assert (town.name, town.country, town.precision) == (
        "Bankilaré",
        "NE",
        GeoPrecision.TOWN,
    )
    country = world.country_place("NE")
    assert (country.name, country.kind, country.precision) == (
        "Niger",
        "country",
        GeoPrecision.REGION,
    )
    assert 11 < country.lat < 24
    assert 0 < country.lon < 16
    assert world.country_gazetteer("XX") is None


def test_first_level_areas_name_their_country():
    assert "borno" in world.first_level_areas("NG")
    assert world.country_of_areas(["Borno", "Zamfara"]) == "NG"


def test_a_provinces_name_is_not_taken_for_its_capital_town():
    # GeoNames gives Jolo the other name 'Sulu', the province it is the capital of:
    # "an encounter in Sulu" is somewhere in the province, not in Jolo.
    layer = world.country_gazetteer("PH")
    assert layer.candidates("Sulu") == []
    assert "Jolo" in [p.name for p in layer.candidates("Jolo")]
    # 'Basilan City', another name of Isabela, is looked up as 'Basilan'
    assert layer.candidates("Basilan") == []


def test_a_word_for_a_kind_of_place_is_no_towns_name():
    assert world.country_gazetteer("PH").candidates("Sitio") == []


def test_an_arabic_name_s_closing_ah_may_be_written_a():
    yemen = world.country_gazetteer("YE")
    assert yemen is not None
    assert yemen.get("Mudiya").name == "Mūdīyah"
    assert yemen.get("Mudiyah").name == "Mūdīyah"


def test_a_french_ou_may_stand_for_u():
    iraq = world.country_gazetteer("IQ")
    assert iraq is not None
    assert [p.name for p in iraq.candidates("Makhmour")] == [
        p.name for p in iraq.candidates("Makhmur")
    ]
    assert iraq.candidates("Makhmour")


def test_an_area_s_closing_ah_may_be_written_a():
    assert world.areas_of("Shabwa province") == {"YE"}
    assert "shabwa" in world.first_level_areas("YE")
