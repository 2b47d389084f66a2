"""Adding incidents from the dashboard: the user files, revisions, atomic saves."""

import hashlib
import shutil
from pathlib import Path

import pytest

from components.data import CsvStore, DataFileError, incidents_frame
from components.filters import Filters, apply_filters
from components.mapview import build_map
from components.summary import headline
from tests.conftest import GOOD_EVENT, GOOD_INCIDENT, ROOT

TOTALS = "balochistan-2026-02-01-province-totals"


@pytest.fixture
def store(tmp_path: Path) -> CsvStore:
    """A copy of the shipped data, to add to."""
    shutil.copytree(
        ROOT / "data", tmp_path / "data", ignore=shutil.ignore_patterns("user")
    )
    return CsvStore(tmp_path / "data")


def digest(directory: Path) -> dict[str, str]:
    return {
        str(path.relative_to(directory)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(directory.rglob("*.csv"))
        if "user" not in path.parts
    }


def revision(**changes: str) -> dict[str, str]:
    return {
        **GOOD_INCIDENT,
        "id": "revision-1",
        "event_id": "balochistan-2026-02-01",
        "revises": TOTALS,
        "place": "Balochistan",
        "target_type": "not_reported",
        "attack_types": "not_reported",
        "killed_civilians": "35",
        "killed_security": "17",
        "killed_attackers": "",
        "source_title": "Later report",
        "source_date": "2026-02-02",
        **changes,
    }


def test_added_event_and_incident_land_in_the_user_files(store: CsvStore):
    shipped = digest(store.directory)
    dataset = store.add([GOOD_INCIDENT], events=[GOOD_EVENT])
    assert "wave-1" in dataset.events
    assert "wave-1-quetta" in {incident.id for incident in dataset.incidents}
    assert store.user_incidents_path.exists()
    assert store.user_events_path.exists()
    assert digest(store.directory) == shipped, "shipped files are never written"
    store.add([{**GOOD_INCIDENT, "id": "wave-1-second"}])
    assert len(store.load().incidents) == 16 + 2


def test_a_bad_row_writes_nothing(store: CsvStore):
    store.add([GOOD_INCIDENT], events=[GOOD_EVENT])
    saved = store.user_incidents_path.read_bytes()
    with pytest.raises(DataFileError) as error:
        store.add([{**GOOD_INCIDENT, "id": "x", "killed_civilians": "-2"}])
    (problem,) = error.value.problems
    assert problem.path.endswith("user/incidents.csv")
    assert (problem.row, problem.field) == (2, "killed_civilians")
    assert store.user_incidents_path.read_bytes() == saved
    assert not list(store.user_incidents_path.parent.glob(".*pending"))


def test_a_failed_write_loses_nothing_saved(store: CsvStore, monkeypatch):
    store.add([GOOD_INCIDENT], events=[GOOD_EVENT])
    saved = store.user_incidents_path.read_bytes()

    def fail(self, target):
        raise OSError("disk full")

    monkeypatch.setattr(Path, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        store.add([{**GOOD_INCIDENT, "id": "wave-1-later"}])
    monkeypatch.undo()
    assert store.user_incidents_path.read_bytes() == saved
    assert not list(store.user_incidents_path.parent.glob(".*pending"))


def test_duplicate_id_is_refused(store: CsvStore):
    with pytest.raises(DataFileError, match="used more than once"):
        store.add([revision(id=TOTALS, revises="")])


@pytest.mark.parametrize(
    ("revises", "message"),
    [("no-such-id", "not a known id"), ("revision-1", "revises itself")],
)
def test_bad_revision_links_are_refused(store: CsvStore, revises, message):
    with pytest.raises(DataFileError, match=message):
        store.add([revision(revises=revises)])


def test_a_revision_replaces_the_figure_and_keeps_the_history(store: CsvStore):
    dataset = store.add([revision()])
    frame = incidents_frame(dataset.incidents)
    head = headline(frame, dataset.events)
    civilians = head.deaths["killed_civilians"]
    assert civilians.value == 35
    assert [(e.value, e.source_title) for e in civilians.earlier] == [
        (
            31,
            "Coordinated Carnage in Balochistan: Pakistan Confronts Deadliest Wave "
            "of Attacks in Years",
        ),
    ]
    # The later report is silent on attackers: the earlier figure still stands.
    assert head.deaths["killed_attackers"].value == 145
    assert head.deaths["killed_attackers"].earlier == ()
    html = build_map(frame).get_root().render()
    assert html.count("province-wide totals, not tied to any place") == 1
    assert (
        "civilians killed 31, security forces killed 17, attackers killed 145 (" in html
    )
    assert "197 killed" in html  # 35 + 17 + 145


def test_filters_keep_history_rows_in_the_table(store: CsvStore):
    frame = incidents_frame(store.add([revision()]).incidents)
    rows = apply_filters(frame, Filters(places=("Balochistan",)))
    assert {TOTALS, "revision-1"} <= set(rows["id"])
    assert not rows.set_index("id").at[TOTALS, "current"]
