"""The team gazetteer: checked drafts, the layer over the shipped gazetteer, the
store's table on SQLite and PostgreSQL (revisions, authors, CSV exchange) and the
two command lines that read it."""

from __future__ import annotations

import json
import threading

import pytest

from components.domain.team_places import (
    CSV_COLUMNS,
    TEAM_ID_OFFSET,
    make_draft,
    parse_place_row,
    team_id,
)
from components.domain.vocabularies import GeoPrecision
from components.gazetteer.__main__ import main as gazetteer_main
from components.gazetteer.team import team_place_of, with_team_places
from components.store import open_store
from components.store.__main__ import main as store_main
from components.support.errors import DataFileError, RowError
from tests.conftest import GOOD_INCIDENT

ZARBASTI = make_draft(
    "Zarbasti",
    26.1234567,
    63.2,
    1,
    admin1="Balochistan",
    district="Kech",
    country="pk",
    variants=["Zar Basti", "Zarbasti"],
)


# --- Drafts ------------------------------------------------------------------------


def test_a_draft_is_checked_and_normalised():
    assert ZARBASTI.name == "Zarbasti"
    assert ZARBASTI.lat == 26.123457  # six decimals: about 10 cm
    assert ZARBASTI.country == "PK"
    assert ZARBASTI.variants == ("Zar Basti",)  # the name itself is no variant
    assert ZARBASTI.precision is GeoPrecision.TOWN


GOOD_ROW = {"name": "Zarbasti", "lat": "26.1", "lon": "63.2", "precision": "1"}


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"lat": ""}, "lat", "needs its point"),
        ({"lon": ""}, "lon", "needs its point"),
        ({"lat": "91"}, "lat", "out of range"),
        ({"lon": "nan"}, "lon", "out of range"),
        ({"lat": "north"}, "lat", "not a number"),
        ({"precision": ""}, "precision", "required"),
        ({"precision": "4"}, "precision", "not one of 1, 2, 3"),
        ({"name": ""}, "name", "required"),
        ({"name": "1234"}, "name", "no letter"),
        ({"name": "A;B"}, "name", "cannot hold ';'"),
        ({"name": "x" * 81}, "name", "at most 80"),
        ({"name": "Tump\x1b[2K"}, "name", "control character"),
        ({"country": "Pakistan"}, "country", "two-letter code"),
        ({"variants": "Good; \x07bad"}, "variants", "control character"),
    ],
)
def test_a_bad_row_is_refused_naming_its_field(changes, field, words):
    with pytest.raises(RowError) as caught:
        parse_place_row({**GOOD_ROW, **changes})
    assert [e.field for e in caught.value.errors] == [field]
    assert words in caught.value.errors[0].message


def test_a_good_row_reads():
    draft = parse_place_row({**GOOD_ROW, "variants": "Zar Basti; ; Zar-basti"})
    assert draft.variants == ("Zar Basti", "Zar-basti")
    assert draft.admin1 == ""


# --- The layer over the gazetteer ---------------------------------------------------


class _Placed:
    """A team place as the store gives it, without a database."""

    def __init__(self, draft, number=1, author="a@example.org"):
        import datetime as dt

        from components.domain.team_places import TeamPlace

        self.value = TeamPlace(
            number, draft, 1, author, author, "a report", dt.datetime(2026, 3, 5)
        )


def test_the_team_layer_answers_first_and_leaves_the_gazetteer_alone(gazetteer):
    assert gazetteer.get("Zarbasti") is None
    kalat = make_draft("Kalat", 29.0, 66.0, 1, country="PK")
    team = [_Placed(ZARBASTI).value, _Placed(kalat, 2).value]
    layered = with_team_places(gazetteer, team)
    found = layered.match("zar basti", fuzzy=False)
    assert found.place is not None
    assert found.place.name == "Zarbasti"
    assert found.place.geonameid == -(TEAM_ID_OFFSET + 1)
    assert team_id(found.place) == 1
    assert team_place_of(found.place, team) is team[0]
    assert layered.get("Kalat").lat == 29.0  # the team's own answer comes first
    assert layered.match("Zarbsti").place.name == "Zarbasti"  # fuzzy finds it too
    # The shipped gazetteer is as it was.
    assert gazetteer.get("Zarbasti") is None
    assert gazetteer.get("Kalat").lat != 29.0
    assert team_id(gazetteer.get("Kalat")) is None
    assert len(layered) == len(gazetteer) + 2


def test_the_reader_finds_a_team_place(gazetteer):
    from components.report import extract

    text = "Gunmen attacked a police post in Zarbasti on 5 March 2026, killing 3."
    alone = extract(text, gazetteer)
    assert [u.name for u in alone.unplaced] == ["Zarbasti"]
    layered = with_team_places(gazetteer, [_Placed(ZARBASTI).value])
    read = extract(text, layered)
    assert read.unplaced == []
    (incident,) = read.incidents
    assert incident.place.name == "Zarbasti"
    assert incident.place.point == (ZARBASTI.lat, ZARBASTI.lon)


# --- The store -------------------------------------------------------------------


def test_placing_is_a_revision_with_its_author(db_store):
    assert db_store.team_places() == ()
    saved, changed = db_store.place(ZARBASTI, author="a@example.org", source="r1")
    assert changed
    assert saved.version == 1
    assert saved.author == saved.added_by == "a@example.org"
    assert saved.source == "r1"
    assert saved.draft == ZARBASTI
    again, changed = db_store.place(ZARBASTI, author="b@example.org", source="r2")
    assert not changed
    assert again.version == 1
    assert again.author == "a@example.org"
    moved = make_draft("zarbasti", 26.2, 63.3, 1, country="PK")
    now, changed = db_store.place(moved, author="b@example.org", source="r3")
    assert changed
    assert (now.id, now.version) == (saved.id, 2)
    assert now.author == "b@example.org"
    assert now.added_by == "a@example.org"
    assert "added by a@example.org, placed by b@example.org" in now.credit()
    assert [p.draft.lat for p in db_store.team_places()] == [26.2]
    with db_store.engine.connect() as connection:
        from sqlalchemy import text

        kept = connection.execute(
            text("SELECT number, lat, author FROM team_place_revisions ORDER BY number")
        ).all()
    assert [tuple(row) for row in kept] == [
        (1, ZARBASTI.lat, "a@example.org"),
        (2, 26.2, "b@example.org"),
    ]


def test_a_saved_incident_may_name_a_team_place(db_store):
    row = {**GOOD_INCIDENT, "id": "wave-x-1", "place": "Zar Basti"}
    event = {**_event(), "id": row["event_id"]}
    with pytest.raises(DataFileError, match="Zar Basti"):
        db_store.add([row], [event], author="a@example.org")
    db_store.place(ZARBASTI, author="a@example.org", source="r1")
    db_store.add([row], [event], author="a@example.org")
    saved = db_store.frame().set_index("id").loc["wave-x-1"]
    assert (saved["lat"], saved["lon"]) == (ZARBASTI.lat, ZARBASTI.lon)
    assert saved["place"] == "Zarbasti"
    assert saved["admin1"] == "Balochistan"


def _event() -> dict[str, str]:
    from tests.conftest import GOOD_EVENT

    return dict(GOOD_EVENT)


def test_two_placings_at_once_are_both_kept(db_store):
    first = make_draft("Kolwah Bazar", 26.0, 64.0, 1, country="PK")
    second = make_draft("Kolwah Bazar", 26.5, 64.5, 1, country="PK")
    errors = []

    def place(draft, author):
        try:
            db_store.place(draft, author=author, source="r")
        except Exception as error:  # reported below
            errors.append(error)

    threads = [
        threading.Thread(target=place, args=(first, "a@example.org")),
        threading.Thread(target=place, args=(second, "b@example.org")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    (placed,) = db_store.team_places()
    assert placed.version == 2


def test_the_exchange_file_goes_from_one_database_to_another(
    db_store, tmp_path, data_copy
):
    db_store.place(ZARBASTI, author="a@example.org", source="report one")
    district = make_draft("Hoshab Bazar", 26.0, 63.9, 2, district="Kech")
    db_store.place(district, author="b@example.org", source="report two")
    path = tmp_path / "places.csv"
    path.write_bytes(db_store.export_places())
    header = path.read_text("utf-8").splitlines()[0]
    assert header.split(",") == CSV_COLUMNS
    other, _ = open_store(data_copy, f"sqlite:///{tmp_path / 'other.sqlite'}")
    done = other.import_places(path, author="c@example.org")
    assert (done.added, done.revised, done.unchanged) == (2, 0, 0)
    got = {p.name: p for p in other.team_places()}
    assert got["Zarbasti"].draft == ZARBASTI
    assert got["Hoshab Bazar"].draft.precision is GeoPrecision.NEAR_TOWN
    assert got["Zarbasti"].added_by == "c@example.org"
    assert "added by a@example.org" in got["Zarbasti"].source
    assert "report one" in got["Zarbasti"].source
    again = other.import_places(path, author="c@example.org")
    assert (again.added, again.revised, again.unchanged) == (0, 0, 2)


def test_a_bad_exchange_file_places_nothing(db_store, tmp_path):
    path = tmp_path / "places.csv"
    path.write_text(
        "name,lat,lon,precision\nGood Place,26,63,1\nNo Point,,63,1\nBad,26,63,7\n",
        "utf-8",
    )
    with pytest.raises(DataFileError) as caught:
        db_store.import_places(path, author="a@example.org")
    shown = [str(problem) for problem in caught.value.problems]
    assert any("row 2" in s and "field 'lat'" in s for s in shown), shown
    assert any("row 3" in s and "field 'precision'" in s for s in shown), shown
    assert db_store.team_places() == ()
    path.write_text("place,lat\nX,1\n", "utf-8")
    with pytest.raises(DataFileError, match="no column name, lon, precision"):
        db_store.import_places(path, author="a@example.org")


# --- The command lines ---------------------------------------------------------------


def test_the_gazetteer_command_reads_the_team_places(db_store, capsys, monkeypatch):
    db_store.place(ZARBASTI, author="a@example.org", source="report one")
    assert gazetteer_main(["Zar Basti", "--offline", "--database", db_store.url]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["name"] == "Zarbasti"
    assert (record["lat"], record["precision"]) == (ZARBASTI.lat, 1)
    assert record["team_place"]["added_by"] == "a@example.org"
    assert record["team_place"]["source"] == "report one"
    monkeypatch.setenv("INCIDENT_MAP_DATABASE_URL", db_store.url)
    assert gazetteer_main(["Zarbasti", "Quetta", "--offline"]) == 0
    zarbasti, quetta = map(json.loads, capsys.readouterr().out.splitlines())
    assert zarbasti["team_place"]["placed_by"] == "a@example.org"
    assert "team_place" not in quetta


def test_the_gazetteer_command_says_in_one_line_what_it_cannot_read(capsys, tmp_path):
    missing = tmp_path / "none.sqlite"
    assert gazetteer_main(["Quetta", "--database", f"sqlite:///{missing}"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"error: no database file '{missing}'"]
    empty = tmp_path / "empty.sqlite"
    import sqlite3

    sqlite3.connect(empty).close()
    assert gazetteer_main(["Quetta", "--database", f"sqlite:///{empty}"]) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert "cannot read the team places" in line
    assert "store init" in line


def test_the_store_command_exports_and_imports_places(
    db_store, capsys, tmp_path, monkeypatch, data_copy
):
    monkeypatch.setenv("INCIDENT_MAP_DATA_DIR", str(data_copy))
    db_store.place(ZARBASTI, author="a@example.org", source="report one")
    path = tmp_path / "out.csv"
    assert store_main(["--database", db_store.url, "places", "export", str(path)]) == 0
    assert "wrote 1 team place(s)" in capsys.readouterr().err
    text = path.read_text("utf-8").replace("26.123457", "26.3")
    path.write_text(text, "utf-8")
    assert store_main(["--database", db_store.url, "places", "import", str(path)]) == 0
    assert "0 place(s) added, 1 placed again" in capsys.readouterr().err
    assert store_main(["--database", db_store.url, "places", "list"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Zarbasti: 26.30000, 63.20000 (precision 1), added by ")
    path.write_text("name,lat,lon,precision\nX,95,1,1\n", "utf-8")
    assert store_main(["--database", db_store.url, "places", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: 1 problem(s)")
    assert "row 1" in err
    assert "field 'lat'" in err
