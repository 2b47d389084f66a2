import re
from pathlib import Path

import pytest

from components.domain.model import DEATH_FIELDS
from components.domain.problems import (
    UnplacedPlace,
    unplaced_frame,
    unplaced_message,
    unplaced_places,
)
from components.domain.table import incidents_frame
from components.domain.vocabularies import NOT_REPORTED, GeoPrecision
from components.formats.ours import CsvStore
from components.store.__main__ import main
from components.support.errors import DataFileError
from tests.conftest import GOOD_EVENT, GOOD_INCIDENT, ROOT, SEED_REPORT, WriteData


def load(directory: Path):
    return CsvStore(directory).load()


def only_problem(directory: Path) -> str:
    dataset = load(directory)
    assert len(dataset.problems) == 1, [str(p) for p in dataset.problems]
    return str(dataset.problems[0]).replace(str(directory) + "/", "")


def test_good_row_loads_with_gazetteer_coordinates(write_data: WriteData):
    dataset = load(write_data(GOOD_INCIDENT)).raise_for_problems()
    (incident,) = dataset.incidents
    assert (incident.place, incident.geonameid) == ("Quetta", 1167528)
    assert (incident.lat, incident.lon) == (30.18414, 67.00141)
    assert incident.geo_precision is GeoPrecision.TOWN
    assert incident.casualties.killed_civilians == 2
    assert incident.casualties.killed_security is None
    assert incident.casualties.killed_attackers == 0
    assert incident.source.publisher == "Test Wire"
    assert dataset.events["wave-1"].name == "Test wave"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            {"target_type": "mosque"},
            "incidents/test.csv, row 1 (line 2), field 'target_type': unknown "
            "target type 'mosque'; known: police_paramilitary, frontier_corps_hq, "
            "prison, government, market, bank, hospital, school, railway, telecoms, "
            "military, business, private_citizens, transportation, utilities, "
            "religious, media, diplomatic, aviation, ngo, maritime, food_water, "
            "non_state_militia, tourists, political_party, abortion_related, other, "
            "not_reported",
        ),
        (
            {"lat": "95", "lon": "67", "geo_precision": "1"},
            "incidents/test.csv, row 1 (line 2), field 'lat': 95 is out of range; "
            "must be -90 to 90",
        ),
        (
            {"killed_security": "-3"},
            "incidents/test.csv, row 1 (line 2), field 'killed_security': is "
            "negative (-3); counts cannot be below 0",
        ),
        (
            {"source_title": ""},
            "incidents/test.csv, row 1 (line 2), field 'source_title': missing "
            "source: every row must cite its source",
        ),
        (
            {"date": "1 Feb 2026"},
            "incidents/test.csv, row 1 (line 2), field 'date': cannot parse date "
            "'1 Feb 2026'; expected YYYY-MM-DD",
        ),
        (
            {"place": "Mastng"},
            "incidents/test.csv, row 1 (line 2), field 'place': place 'Mastng' is "
            "not in the gazetteer; closest known: Mastung; or pin the row with lat "
            "and lon",
        ),
        (
            {"event_id": "wave-9"},
            "incidents/test.csv, row 1 (line 2), field 'event_id': unknown event "
            "'wave-9'; add it to events.csv",
        ),
        (
            {"lat": "29.1"},
            "incidents/test.csv, row 1 (line 2), field 'lon': give both lat and "
            "lon, or neither",
        ),
        (
            {"place": "Kili Umar", "lat": "30.3", "lon": "66.9"},
            "incidents/test.csv, row 1 (line 2), field 'geo_precision': is "
            "required where a row pins lat and lon",
        ),
    ],
)
def test_each_bad_row_gives_its_exact_error(write_data: WriteData, change, expected):
    directory = write_data({**GOOD_INCIDENT, **change})
    assert only_problem(directory) == expected


def test_bad_row_is_reported_not_dropped_silently(write_data: WriteData):
    rows = [
        GOOD_INCIDENT,
        {**GOOD_INCIDENT, "id": "b", "killed_civilians": "x", "target_type": "?"},
        {**GOOD_INCIDENT, "id": "c"},
    ]
    dataset = load(write_data(*rows))
    assert [i.id for i in dataset.incidents] == ["wave-1-quetta", "c"]
    assert [(p.row, p.field) for p in dataset.problems] == [
        (2, "target_type"),
        (2, "killed_civilians"),
    ]
    with pytest.raises(DataFileError, match="2 problem"):
        dataset.raise_for_problems()


def test_row_pinned_outside_the_gazetteer_keeps_its_name(write_data: WriteData):
    row = {**GOOD_INCIDENT, "place": "Kili Umar", "lat": "30.3", "lon": "66.9"}
    dataset = load(write_data({**row, "geo_precision": "2"})).raise_for_problems()
    (incident,) = dataset.incidents
    assert (incident.place, incident.geonameid) == ("Kili Umar", None)
    assert incident.geo_precision is GeoPrecision.NEAR_TOWN


def test_duplicate_ids_are_reported(write_data: WriteData):
    assert "'wave-1-quetta' is used more than once" in only_problem(
        write_data(GOOD_INCIDENT, GOOD_INCIDENT)
    )


def test_missing_and_unknown_columns_are_named(tmp_path: Path):
    (tmp_path / "incidents").mkdir()
    (tmp_path / "incidents" / "x.csv").write_text("id,place,colour\n1,Quetta,red\n")
    dataset = load(tmp_path)
    messages = [str(p).replace(str(tmp_path) + "/", "") for p in dataset.problems]
    assert "events.csv: file not found" in messages
    assert "incidents/x.csv, line 1, field 'colour': column is not known" in messages
    assert "incidents/x.csv, line 1, field 'target_type': column is missing" in messages


def test_binary_garbage_is_named_not_crashed_on(write_data: WriteData):
    directory = write_data(GOOD_INCIDENT)
    path = directory / "incidents" / "test.csv"
    good = path.read_bytes()
    path.write_bytes(good + b"\xff\xfe\x00garbage\n")
    assert only_problem(directory) == (
        f"incidents/test.csv, line 3: is not UTF-8 text (byte {len(good)})"
    )


def test_ragged_row_is_reported(write_data: WriteData):
    directory = write_data(GOOD_INCIDENT)
    path = directory / "incidents" / "test.csv"
    path.write_text(path.read_text() + "only,three,cells\n")
    assert only_problem(directory) == (
        "incidents/test.csv, row 2 (line 3): has a different number of cells"
    )


def test_bad_event_row(write_data: WriteData):
    directory = write_data(GOOD_INCIDENT, events=[{**GOOD_EVENT, "date": "soon"}])
    problems = [
        str(p).replace(str(directory) + "/", "") for p in load(directory).problems
    ]
    assert problems[0] == (
        "events.csv, row 1 (line 2), field 'date': cannot parse date 'soon'; "
        "expected YYYY-MM-DD"
    )


def test_cli_checks_a_directory(write_data: WriteData, capsys):
    bad = write_data({**GOOD_INCIDENT, "injured": "-1"})
    assert main(["check", str(bad)]) == 1
    assert "1 problem(s)" in capsys.readouterr().out
    assert main(["check", str(ROOT / "data")]) == 0


def test_cli_check_says_which_points_are_far_from_their_town(
    write_data: WriteData, capsys
):
    far = {**GOOD_INCIDENT, "place": "Quetta", "lat": "-30.18", "lon": "-67"}
    far.update(geo_precision="1")
    assert main(["check", str(write_data(far))]) == 0  # kept, at its own point
    out = capsys.readouterr().out
    assert f"warning: {GOOD_INCIDENT['id']}: Quetta: (-30.18, -67) is " in out
    assert "km from Quetta (30.18, 67.00) as the gazetteer has it" in out
    assert "1 incident(s), 0 problem(s), 1 warning(s)" in out
    near = {**far, "lat": "30.2", "lon": "67.05"}
    assert main(["check", str(write_data(near))]) == 0
    assert "0 warning(s)" in capsys.readouterr().out


# --- The seed data --------------------------------------------------------------


def test_seed_data_loads_without_problems(seed):
    assert seed.problems == ()
    assert len(seed.incidents) >= 12


def test_seed_names_the_five_cities(seed_frame):
    towns = seed_frame[seed_frame["geo_precision"] == GeoPrecision.TOWN]
    assert set(towns["place"]) == {"Quetta", "Gwadar", "Mastung", "Nushki", "Dalbandin"}
    assert "Noshki" in set(seed_frame["place_reported"])


def test_seed_ties_targets_to_places(seed_frame):
    pairs = set(zip(seed_frame["place"], seed_frame["target_type"], strict=True))
    assert ("Mastung", "prison") in pairs
    assert ("Nushki", "police_paramilitary") in pairs
    assert ("Quetta", "government") in pairs
    province = {t for p, t in pairs if p == "Balochistan"}
    assert {"market", "bank", "hospital", "school", "railway", "telecoms"} <= province


def test_seed_deaths_stay_at_province_level(seed_frame):
    with_deaths = seed_frame[seed_frame[list(DEATH_FIELDS)].notna().any(axis=1)]
    assert len(with_deaths) == 1
    (row,) = with_deaths.itertuples()
    assert row.geo_precision == GeoPrecision.REGION
    assert (row.killed_civilians, row.killed_security, row.killed_attackers) == (
        31,
        17,
        145,
    )
    assert row.target_type == NOT_REPORTED


def test_seed_event_totals(seed):
    event = seed.events["balochistan-2026-02-01"]
    assert (event.places_hit_at_least, event.period_hours) == (12, 40)


@pytest.mark.skipif(not SEED_REPORT.exists(), reason=f"{SEED_REPORT} is not present")
def test_every_seed_row_quotes_the_report_where_it_says(seed):
    lines = SEED_REPORT.read_text(encoding="utf-8").split("\n")
    for record in [*seed.incidents, *seed.events.values()]:
        match = re.fullmatch(
            r".*/balochistan-2026-02-01\.txt#L(\d+)(?:-L(\d+))?", record.source.location
        )
        assert match, record.source.location
        first, last = int(match[1]), int(match[2] or match[1])
        cited = "\n".join(lines[first - 1 : last])
        for quote in record.source.excerpt.split(" | "):
            assert quote in cited, (record.id, quote)
        assert record.source.title == lines[0]


def test_frame_keeps_unknown_counts_as_missing(seed_frame):
    quetta = seed_frame[seed_frame["place"] == "Quetta"]
    assert quetta["killed_civilians"].isna().all()
    assert str(seed_frame["killed_civilians"].dtype) == "Int64"
    assert incidents_frame([]).empty


def test_unplaced_names_are_gathered_with_their_rows(write_data: WriteData):
    directory = write_data(
        {**GOOD_INCIDENT, "id": "a", "place": "Mastng"},
        {**GOOD_INCIDENT, "id": "b", "place": "Mastng"},
        {**GOOD_INCIDENT, "id": "c", "place": "Atlantis", "date": "bad"},
        {**GOOD_INCIDENT, "id": "d", "place": "Kech District"},
    )
    dataset = load(directory)
    unplaced = unplaced_places(dataset.problems)
    assert [(u.name, u.suggestions, len(u.rows)) for u in unplaced] == [
        ("Mastng", ("Mastung",), 2),
        ("Atlantis", (), 1),
    ]
    assert unplaced[0].rows[1].endswith("row 2 (line 3)")
    (kech,) = dataset.incidents
    assert (kech.place, kech.geonameid, kech.geo_precision) == (
        "Kech",
        None,
        GeoPrecision.NEAR_TOWN,
    )
    message = unplaced_message(unplaced)
    assert "**2 place name(s) in the data could not be placed**" in message
    assert "3 row(s)" in message
    assert "Closest known: Mastung." in message
    # The Mastng rows are kept as read; the Atlantis row has a bad date as well.
    rows = unplaced_frame(unplaced)
    assert rows["id"].tolist() == ["a", "b"]
    assert rows["place_reported"].tolist() == ["Mastng", "Mastng"]
    assert rows["killed"].tolist() == [2, 2]
    assert rows["where"].iloc[1].endswith("row 2 (line 3)")


def test_unplaced_message_escapes_names():
    place = UnplacedPlace("<b>*x*</b>", ("[a](javascript:1)",), ("f.csv",))
    message = unplaced_message([place])
    assert "<b>" not in message.replace("\\<b", "")
    assert "](javascript" not in message
