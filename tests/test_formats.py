import csv
import io
import json
import subprocess
import sys

import pytest

from components.domain.table import incidents_frame
from components.domain.vocabularies import ATTACK_TYPES, NOT_REPORTED, TARGET_TYPES
from components.formats import detect_csv_format, detect_format, formats, import_csv
from components.formats import gtd as gtd_format
from components.formats.geojson import dumps, read_geojson, to_geojson
from components.formats.ours import CsvStore, write_dataset
from components.support.errors import ImportFormatError
from tests.conftest import ROOT, TEST_DATA

FIXTURES = TEST_DATA / "formats"
GTD_HEADER = (FIXTURES / "gtd.csv").read_bytes().split(b"\n")[0] + b"\n"


def imported(name: str):
    path = FIXTURES / f"{name}.csv"
    return import_csv(path.read_bytes(), formats()[name], path.name)


def by_id(result) -> dict[str, dict[str, str]]:
    return {row["id"]: row for row in result.incidents}


def rejected_rows(result) -> dict[int, str]:
    return {reject.row: reject.reason for reject in result.rejects}


# --- ACLED --------------------------------------------------------------------------


def test_acled_fixture_summary():
    result = imported("acled")
    assert (result.read, result.imported, result.geocoded) == (9, 4, 2)
    assert set(rejected_rows(result)) == {5, 6, 7, 8, 9}
    assert "9 rows read, 4 imported (2 placed" in result.summary()


def test_acled_fatalities_stay_unsplit():
    row = by_id(imported("acled"))["acled-PAK9001"]
    assert row["killed_unspecified"] == "3"
    for group in ("killed_civilians", "killed_security", "killed_attackers"):
        assert row[group] == ""


@pytest.mark.parametrize(
    ("event", "field", "expected"),
    [
        ("acled-PAK9001", "attack_types", "bombing"),
        ("acled-PAK9001", "geo_precision", "1"),
        ("acled-PAK9002", "date", "2026-02-01"),  # '01 February 2026'
        ("acled-PAK9002", "geo_precision", "2"),
        ("acled-PAK9002", "killed_unspecified", "0"),
        ("acled-PAK9003", "date_precision", "2"),
        ("acled-PAK9003", "killed_unspecified", ""),  # blank: not reported
        ("acled-PAK9004", "target_type", "private_citizens"),
        ("acled-PAK9001", "target_type", NOT_REPORTED),
        ("acled-PAK9004", "source_excerpt", "<script>alert(1)</script> shown as text"),
    ],
)
def test_acled_field_mapping(event, field, expected):
    assert by_id(imported("acled"))[event][field] == expected


def test_acled_rows_without_coordinates_are_placed_by_name():
    rows = by_id(imported("acled"))
    # No coordinates: the location 'Noshki' is a known spelling of Nushki.
    assert (rows["acled-PAK9003"]["place"], rows["acled-PAK9003"]["lat"]) == (
        "Noshki",
        "",
    )
    # 0, 0 and an unknown location: placed by its district, no finer than that.
    assert rows["acled-PAK9004"]["place"] == "Mastung"
    assert rows["acled-PAK9004"]["geo_precision"] == "2"


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        (5, "event_type: 'Protests' is not political violence"),
        (6, "no place name the gazetteer knows ('Atlantis')"),
        (7, "fatalities: is negative (-3)"),
        (8, "event_date: cannot read '2026-02-31'"),
        (9, "different number of cells"),
    ],
)
def test_acled_rejects_say_why(row, reason):
    assert reason in rejected_rows(imported("acled"))[row]


# --- GTD ----------------------------------------------------------------------------


def test_gtd_fixture_summary():
    result = imported("gtd")
    assert (result.read, result.imported, result.geocoded) == (8, 5, 1)
    assert set(rejected_rows(result)) == {5, 6, 8}


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        ("gtd-202602010001", "police_paramilitary"),  # 3 / 22 police building
        ("gtd-202602010002", "prison"),  # 3 / 26
        ("gtd-202602000003", "market"),  # 14 / 74
        ("gtd-202602010004", "religious"),  # 15
        ("gtd-202602010007", NOT_REPORTED),  # 20 unknown
    ],
)
def test_gtd_targets_match_on_codes(event, expected):
    assert by_id(imported("gtd"))[event]["target_type"] == expected


def test_gtd_casualties_sentinels_and_perpetrators():
    rows = by_id(imported("gtd"))
    first = rows["gtd-202602010001"]  # nkill 5, nkillter 2, nwound 7
    assert (first["killed_attackers"], first["killed_unspecified"]) == ("2", "3")
    assert first["injured"] == "7"
    assert first["killed_civilians"] == first["killed_security"] == ""
    prison = rows["gtd-202602010002"]  # -99 and -9 mean unknown, never 0
    assert prison["killed_unspecified"] == prison["injured"] == ""
    assert prison["attack_types"] == "facility_attack;armed_assault"


def test_gtd_dates_and_places():
    rows = by_id(imported("gtd"))
    market = rows["gtd-202602000003"]  # iday 0: some day that month
    assert (market["date"], market["date_precision"]) == ("2026-02-01", "3")
    unknown_city = rows["gtd-202602010007"]  # city Unknown, no coordinates
    assert (unknown_city["place"], unknown_city["geo_precision"]) == (
        "Balochistan",
        "3",
    )


def test_gtd_rejects_say_why():
    reasons = rejected_rows(imported("gtd"))
    assert "only the year" in reasons[5]
    assert "targtype1: 99" in reasons[6]
    assert "nkillter: 5 is more than nkill (3)" in reasons[8]


def test_every_gtd_target_code_has_a_type_of_its_own():
    assert sorted(gtd_format.TARGET_BY_TYPE) == list(range(1, 23))
    mapped = set(gtd_format.TARGET_BY_TYPE.values())
    assert mapped <= set(TARGET_TYPES)
    assert len(mapped) == 22  # no two GTD codes folded into one type
    unknown = [c for c, t in gtd_format.TARGET_BY_TYPE.items() if t == NOT_REPORTED]
    assert unknown == [20]
    for (code, _), target in gtd_format.TARGET_BY_SUBTYPE.items():
        assert code in gtd_format.TARGET_BY_TYPE
        assert target in TARGET_TYPES


def test_every_gtd_attack_code_is_known():
    assert sorted(gtd_format.ATTACK_BY_CODE) == list(range(1, 10))
    assert set(gtd_format.ATTACK_BY_CODE.values()) == set(ATTACK_TYPES)


# --- UCDP ---------------------------------------------------------------------------


def test_ucdp_fixture_summary():
    result = imported("ucdp")
    assert (result.read, result.imported, result.geocoded) == (6, 4, 1)
    assert "60 days" in rejected_rows(result)[4]
    assert "before date_start" in rejected_rows(result)[6]


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        # Government v. armed group: side A security forces, side B attackers.
        ("ucdp-900001", ("1", "2", "5", "0")),
        # One-sided by an armed group: side A are the perpetrators.
        ("ucdp-900002", ("4", "", "0", "0")),
        # Non-state: neither side is ours, so 1 + 2 join the 1 unknown.
        ("ucdp-900003", ("0", "", "", "4")),
    ],
)
def test_ucdp_deaths_by_side(event, expected):
    row = by_id(imported("ucdp"))[event]
    groups = ("killed_civilians", "killed_security", "killed_attackers")
    assert (*(row[g] for g in groups), row["killed_unspecified"]) == expected


def test_ucdp_dates_and_places():
    rows = by_id(imported("ucdp"))
    assert rows["ucdp-900002"]["date_precision"] == "2"  # a 3-day window
    assert rows["ucdp-900003"]["date_precision"] == "3"  # a 20-day window
    assert rows["ucdp-900005"]["place"] == "Dalbandin"  # 'Dalbandin town', placed
    assert "deaths low/best/high: 8/8/9" in rows["ucdp-900001"]["notes"]


# --- Files as a whole ---------------------------------------------------------------


@pytest.mark.parametrize("name", ["acled", "gtd", "ucdp"])
def test_format_is_detected_from_the_header(name):
    header = (FIXTURES / f"{name}.csv").read_text().splitlines()[0].split(",")
    assert detect_format(header) == name


@pytest.mark.parametrize(
    "header", [[], ["id", "name"], ["event_id_cnty", "event_date"]]
)
def test_unknown_headers_are_not_guessed(header):
    assert detect_format(header) is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b"eventid,iyear\n1,2026\n", "the header lacks imonth"),
        (b"\x00\x01binary", "NUL bytes"),
        (GTD_HEADER + b"1,Qu\xe9tta\n", "line 2: not utf-8 text"),
    ],
)
def test_unreadable_files_are_refused_with_a_reason(data, message):
    with pytest.raises(ImportFormatError, match=message):
        import_csv(data, formats()["gtd"], "upload.csv")


def test_windows_encoding_is_read_when_chosen():
    text = (FIXTURES / "acled.csv").read_text("utf-8")
    data = text.replace("Test fixture row", "Test fixture r\u00f4w").encode("cp1252")
    result = import_csv(data, formats()["acled"], "acled.csv", encoding="cp1252")
    assert any("r\u00f4w" in row["source_excerpt"] for row in result.incidents)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"eventid,city,latitude,city\n1,Quetta,30.1,Sibi\n",
            "line 1: a column name appears more than once \\('city' in columns 2, 4\\)",
        ),
        (b"eventid,ci\rty\n1,Quetta\n", "line 1: the header is not valid CSV"),
        (b"\xff\xfe\x00e\x00v", "NUL bytes"),
        (b"eventid," + b"x" * (2 * 1024 * 1024), "line 1: longer than 1,024 kB"),
        (GTD_HEADER + b"1,2026\n3,\x00\n", "line 3: holds NUL bytes"),
    ],
)
def test_malformed_headers_and_lines_are_refused_with_where(data, message):
    with pytest.raises(ImportFormatError, match=message):
        import_csv(data, formats()["gtd"], "upload.csv")


def test_format_detection_refuses_garbage_with_a_message():
    with pytest.raises(ImportFormatError, match="header is not valid CSV"):
        detect_csv_format(b"a,b\rc,d", "upload.csv")
    with pytest.raises(ImportFormatError, match="matches none of the formats"):
        detect_csv_format(b"a,b\n", "upload.csv")
    acled = (FIXTURES / "acled.csv").read_bytes()
    assert detect_csv_format(acled, "acled.csv") == "acled"


def test_imported_rows_load_as_the_dashboard_loads_them(tmp_path):
    result = imported("acled")
    write_dataset(tmp_path, result.events, result.incidents, "acled")
    dataset = CsvStore(tmp_path).load()
    assert dataset.problems == ()
    assert len(dataset.incidents) == result.imported
    placed = {i.id: i for i in dataset.incidents}["acled-PAK9003"]
    assert (placed.place, placed.geonameid) == ("Nushki", 1168749)


def test_rejects_file_keeps_rows_and_neutralises_formulas():
    result = imported("acled")
    result.rejects[0].original["notes"] = "=cmd|' /C calc'!A0"
    rows = list(csv.DictReader(io.StringIO(result.rejects_csv().decode())))
    assert [int(row["row"]) for row in rows] == [5, 6, 7, 8, 9]
    assert rows[0]["notes"] == "'=cmd|' /C calc'!A0"
    assert rows[0]["event_id_cnty"] == "PAK9005"


# --- GeoJSON ------------------------------------------------------------------------


def test_geojson_is_rfc7946_points_in_lon_lat_order(seed_frame, seed):
    collection = to_geojson(seed_frame, seed.events)
    assert collection["type"] == "FeatureCollection"
    feature = collection["features"][0]
    lon, lat = feature["geometry"]["coordinates"]
    assert (lat, lon) == (seed_frame.iloc[0]["lat"], seed_frame.iloc[0]["lon"])
    assert 60 < lon < 70  # Balochistan, not swapped
    assert 24 < lat < 33
    assert feature["properties"]["killed_civilians"] is None or isinstance(
        feature["properties"]["killed_civilians"], int
    )
    assert [e["id"] for e in collection["events"]] == list(seed.events)
    json.loads(dumps(collection))  # strict JSON: no NaN


def test_ours_to_geojson_to_ours_loses_nothing(seed_frame, seed, tmp_path):
    data = dumps(to_geojson(seed_frame, seed.events))
    result = read_geojson(data, "seed.geojson")
    assert result.rejects == []
    write_dataset(tmp_path, result.events, result.incidents, "seed")
    again = CsvStore(tmp_path).load()
    assert again.problems == ()
    assert again.events == seed.events
    frame = incidents_frame(again.incidents)
    assert frame.equals(seed_frame)


@pytest.mark.parametrize(
    ("feature", "reason"),
    [
        ({"type": "Feature", "geometry": None, "properties": {}}, "not a Point"),
        (
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [1]}},
            "properties: missing",
        ),
        ("a string", "not a GeoJSON feature"),
    ],
)
def test_geojson_bad_features_are_rejected(feature, reason):
    data = json.dumps({"type": "FeatureCollection", "features": [feature]})
    result = read_geojson(data.encode(), "bad.geojson")
    assert result.imported == 0
    assert reason in result.rejects[0].reason


@pytest.mark.parametrize("data", [b"{", b"[]", b'{"type": "Feature"}'])
def test_geojson_that_is_not_a_collection_is_refused(data):
    with pytest.raises(ImportFormatError):
        read_geojson(data, "bad.geojson")


# --- Command line -------------------------------------------------------------------


def run_convert(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "components.convert", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


@pytest.mark.slow
def test_convert_gtd_to_ours_then_geojson(tmp_path):
    out = tmp_path / "ours"
    rejects = tmp_path / "rejects.csv"
    done = run_convert(
        str(FIXTURES / "gtd.csv"), "--from", "gtd", "--to", "ours", "-o", str(out),
        "--rejects", str(rejects),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "8 rows read, 5 imported" in done.stderr
    assert len(rejects.read_text().splitlines()) == 4
    geojson = run_convert(str(out), "--from", "ours", "--to", "geojson")
    assert geojson.returncode == 0, geojson.stderr
    assert len(json.loads(geojson.stdout)["features"]) == 5


@pytest.mark.slow
def test_convert_refuses_a_file_of_another_format(tmp_path):
    done = run_convert(
        str(FIXTURES / "ucdp.csv"), "--from", "acled", "--to", "csv",
        "-o", str(tmp_path / "x.csv"),
    )  # fmt: skip
    assert done.returncode == 2
    assert "the header lacks event_id_cnty" in done.stderr


def _acled_quetta_at(lat: str, lon: str) -> bytes:
    """The ACLED fixture's header and its first row (Quetta), at another point."""
    header, first = (FIXTURES / "acled.csv").read_text().splitlines()[:2]
    return f"{header}\n{first.replace('30.18414,67.00141', f'{lat},{lon}')}\n".encode()


def _loaded(result, folder) -> dict:
    """The imported rows as the dashboard loads them, by id."""
    write_dataset(folder, result.events, result.incidents, "acled")
    dataset = CsvStore(folder).load()
    assert dataset.problems == ()
    return {i.id: i for i in dataset.incidents}


def test_a_point_far_from_its_named_town_is_kept_and_said(tmp_path):
    # Signs flipped: the row's Quetta is in the South Atlantic.
    data = _acled_quetta_at("-30.18414", "-67.00141")
    result = import_csv(data, formats()["acled"], "acled.csv")
    (row,) = result.incidents
    assert (row["lat"], row["lon"]) == ("-30.18414", "-67.00141")
    (warning,) = result.warnings
    assert "km from Quetta (30.18, 67.00) as the gazetteer has it" in warning
    assert "row 1" in warning
    assert "km from Quetta" in row["notes"]
    (loaded,) = _loaded(result, tmp_path).values()
    assert (loaded.lat, loaded.geonameid, loaded.admin1) == (-30.18414, None, "")


def test_a_point_near_its_named_town_takes_the_towns_identity(tmp_path):
    data = _acled_quetta_at("30.25", "67.10")
    result = import_csv(data, formats()["acled"], "acled.csv")
    assert result.warnings == []
    (loaded,) = _loaded(result, tmp_path).values()
    assert (loaded.place, loaded.admin1) == ("Quetta", "Balochistan")
    assert loaded.geonameid is not None
