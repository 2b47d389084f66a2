"""Editing a saved incident, field by field: what the change is said to be, and
the store's save of it on SQLite and PostgreSQL (a revision with author and
reason, refused with the field named when the value is not valid)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import pandas as pd
import pytest

from components.domain.edits import (
    EDIT_FIELDS,
    changed_cells,
    check_edit,
    describe_changes,
)
from components.domain.records import INCIDENT_COLUMNS
from components.store import DatabaseStore, SaveResult
from components.support.errors import DataFileError
from tests.conftest import GOOD_EVENT, GOOD_INCIDENT
from tests.harness.postgres_server import create_database

EDITOR = "editor@example.org"
QUETTA = (30.18414, 67.00141)
MASTUNG = (29.79966, 66.84553)

VALID = [
    ({"place": "Mastung"}, {"place": "Mastung", "lat": MASTUNG[0]}),
    (
        {"lat": "29.91", "lon": "66.95", "geo_precision": "2"},
        {"lat": 29.91, "lon": 66.95, "geo_precision": 2, "place": "Quetta"},
    ),
    ({"geo_precision": "2"}, {"geo_precision": 2}),
    ({"target_type": "bank"}, {"target_type": "bank", "target_label": "Banks"}),
    (
        {"attack_types": "bombing;armed_assault"},
        {"attack_types": "bombing;armed_assault"},
    ),
    ({"date": "2026-02-03"}, {"date": "2026-02-03"}),
    ({"date_precision": "2"}, {"date_precision": 2}),
    ({"killed_civilians": "5"}, {"killed_civilians": 5}),
    ({"killed_civilians": ""}, {"killed_civilians": None}),
    ({"killed_security": "4"}, {"killed_security": 4}),
    ({"killed_attackers": "12"}, {"killed_attackers": 12}),
    ({"killed_unspecified": "1"}, {"killed_unspecified": 1}),
    ({"injured": "1000000"}, {"injured": 1_000_000}),
    ({"figure_scope": "event"}, {"figure_scope": "event"}),
    ({"source_title": "Later wire copy"}, {"source_title": "Later wire copy"}),
    ({"source_publisher": "Dawn"}, {"source_publisher": "Dawn"}),
    ({"source_date": "2026-02-04"}, {"source_date": "2026-02-04"}),
    ({"source_date": ""}, {"source_date": None}),
    (
        {"source_location": "https://example.org/a"},
        {"source_location": "https://example.org/a"},
    ),
    (
        {"source_excerpt": "Police said four died."},
        {"source_excerpt": "Police said four died."},
    ),
    ({"notes": "<b>{{7*7}}</b>\nline two"}, {"notes": "<b>{{7*7}}</b>\nline two"}),
]

INVALID = [
    ({"place": "Atlantis"}, "place", "not in the gazetteer"),
    ({"place": ""}, "place", "required"),
    ({"lat": "29.9"}, "lon", "give both"),
    ({"lat": "91", "lon": "66"}, "lat", "out of range"),
    ({"lat": "north", "lon": "66"}, "lat", "not a number"),
    ({"geo_precision": "4"}, "geo_precision", "not one of"),
    ({"target_type": "spaceship"}, "target_type", "unknown target type"),
    ({"target_type": ""}, "target_type", "is empty"),
    ({"attack_types": ""}, "attack_types", "is empty"),
    ({"attack_types": "bombing;not_reported"}, "attack_types", "cannot be combined"),
    ({"date": "2026-02-30"}, "date", "cannot parse date"),
    ({"date": ""}, "date", "required"),
    ({"date_precision": "0"}, "date_precision", "not one of"),
    ({"killed_civilians": "-1"}, "killed_civilians", "negative"),
    ({"killed_security": "3.5"}, "killed_security", "not a whole number"),
    ({"killed_attackers": "1000001"}, "killed_attackers", "more than 1,000,000"),
    ({"killed_unspecified": "=1+1"}, "killed_unspecified", "not a whole number"),
    ({"injured": "many"}, "injured", "not a whole number"),
    ({"figure_scope": "world"}, "figure_scope", "not one of"),
    ({"source_title": ""}, "source_title", "missing source"),
    ({"source_publisher": "Wire\x1b[31m"}, "source_publisher", "control character"),
    ({"source_date": "yesterday"}, "source_date", "cannot parse date"),
    ({"source_location": "  "}, "source_location", "missing source"),
    ({"source_excerpt": "x" * 10_001}, "source_excerpt", "at most 10000"),
    ({"notes": "bell \x07"}, "notes", "control character"),
]


def test_every_field_of_a_record_but_its_identity_is_editable():
    every = set(INCIDENT_COLUMNS)
    assert set(EDIT_FIELDS) == every - {"id", "event_id", "revises"}


def test_an_edit_is_the_cells_that_differ():
    before = {**GOOD_INCIDENT, "figure_scope": ""}
    after = {**before, "notes": "  ", "injured": " 3 ", "place": "Quetta "}
    assert changed_cells(before, after) == {"injured": " 3 "}


def test_the_change_is_said_in_the_pages_words():
    before = {**GOOD_INCIDENT, "figure_scope": "incident", "geo_precision": "1"}
    after = {
        **before,
        "target_type": "bank",
        "attack_types": "bombing;armed_assault",
        "killed_civilians": "",
        "geo_precision": "",
        "lat": "29.9",
        "lon": "66.9",
        "notes": "n" * 200,
    }
    said = [str(change) for change in describe_changes(before, after)]
    assert said == [
        "Geo precision: 1 (town) → the gazetteer's for the place",
        "Target type: Police and paramilitary posts → Banks",
        "Attack types: Armed assault → Bombing / explosion, Armed assault",
        "Civilians killed: 2 → not reported",
        "Notes: (blank) → " + "n" * 59 + "…",
        "Point: the gazetteer's point for the place → 29.9, 66.9",
    ]


@pytest.mark.parametrize(("change", "expected"), VALID)
def test_a_valid_edit_checks_clean(gazetteer, change, expected):
    assert check_edit(GOOD_INCIDENT, {**GOOD_INCIDENT, **change}, gazetteer) == []


@pytest.mark.parametrize(("change", "field", "message"), INVALID)
def test_an_invalid_edit_names_its_field(gazetteer, change, field, message):
    problems = check_edit(GOOD_INCIDENT, {**GOOD_INCIDENT, **change}, gazetteer)
    assert [p.field for p in problems] == [field]
    assert message in problems[0].message


@pytest.fixture(
    scope="module",
    params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
)
def shared(request, tmp_path_factory) -> DatabaseStore:
    """One store per kind of database for this module's tests, each of which
    edits an incident of its own."""
    folder = tmp_path_factory.mktemp("edits")
    if request.param == "sqlite":
        url = f"sqlite:///{folder / 'incidents.sqlite'}"
    else:
        host, port = request.getfixturevalue("postgres_server")
        url = create_database(host, port, f"edits_{uuid.uuid4().hex[:12]}")
    store = DatabaseStore(url)
    store.migrate()
    store.add([], [GOOD_EVENT], author=EDITOR)
    return store


@dataclass
class Saved:
    """The shared store and the incident a test edits there."""

    store: DatabaseStore
    id: str

    def current(self) -> dict:
        """The incident's row of the table, missing values as None."""
        row = self.store.frame().set_index("id").loc[self.id].to_dict()
        return {k: (None if pd.isna(v) else v) for k, v in row.items()}

    def edit(self, change: dict, version: int = 1, reason: str = "") -> SaveResult:
        return self.store.edit(
            self.id, change, expected_version=version, author=EDITOR, reason=reason
        )


@pytest.fixture
def saved(shared: DatabaseStore) -> Saved:
    """A new incident of its own in the shared store."""
    incident_id = f"edit-{uuid.uuid4().hex[:12]}"
    shared.add([{**GOOD_INCIDENT, "id": incident_id}], author=EDITOR)
    return Saved(shared, incident_id)


def comparable(value: object) -> object:
    """A table cell or an expected value, as one comparable form."""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if value is None or isinstance(value, str):
        return value
    return round(float(value), 5)


@pytest.mark.parametrize(("change", "expected"), VALID)
def test_each_field_can_be_edited_after_saving(saved, change, expected):
    result = saved.edit(change, reason="a later report")
    row = saved.current()
    for field, value in expected.items():
        assert comparable(row[field]) == comparable(value), field
    last = saved.store.history(saved.id)[-1]
    assert (last.save_id, last.author, last.kind) == (result.save_id, EDITOR, "edit")
    assert last.reason == "a later report"
    assert last.changes, "the history says what changed"
    assert saved.store.editable(saved.id).version == 2


@pytest.mark.parametrize(("change", "field", "message"), INVALID)
def test_an_invalid_edit_is_refused_naming_the_field_and_saves_nothing(
    saved, change, field, message
):
    before = saved.current()
    with pytest.raises(DataFileError) as error:
        saved.edit(change, reason="typo")
    (problem,) = error.value.problems
    assert (problem.field, message in problem.message) == (field, True)
    assert saved.current() == before
    assert saved.store.editable(saved.id).version == 1


def test_a_point_picked_on_the_map_shows_in_the_history_and_undoes(saved):
    edited = saved.edit(
        {"lat": "29.91000", "lon": "66.95000", "geo_precision": "2"},
        reason="clicked on the map",
    )
    assert saved.store.history(saved.id)[-1].changes == (
        "geo_precision: 1 -> 2",
        "location: 30.18414, 67.00141 (the place's point) -> "
        "29.91000, 66.95000 (pinned)",
    )
    assert saved.store.editable(saved.id).cells["lat"] == "29.91"
    saved.store.undo(edited.save_id, author=EDITOR)
    row = saved.current()
    assert (round(row["lat"], 5), round(row["lon"], 5)) == QUETTA
    assert saved.store.editable(saved.id).cells["lat"] == ""


def test_editable_gives_the_cells_an_edit_starts_from(saved):
    start = saved.store.editable(saved.id)
    assert start.version == 1
    assert {k: start.cells[k] for k in EDIT_FIELDS} == {
        **{k: GOOD_INCIDENT.get(k, "") for k in EDIT_FIELDS},
        "geo_precision": "1",  # the gazetteer's, stored with the record
        "figure_scope": "incident",
    }
