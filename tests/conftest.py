"""Shared fixtures: the shipped gazetteer and data, and a writer for test CSVs."""

from __future__ import annotations

import csv
import os
import shutil
import uuid
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pandas as pd
import pytest

from components.domain.access import (
    ANONYMOUS_WRITE_VARIABLE,
    LAUNCH_TOKEN_VARIABLE,
    READ_VARIABLE,
)
from components.domain.records import EVENT_COLUMNS, INCIDENT_COLUMNS, Dataset
from components.domain.table import incidents_frame
from components.formats.ours import CsvStore
from components.gazetteer import (
    USER_DIRECTORY_VARIABLE,
    Gazetteer,
    default_gazetteer,
)
from components.gazetteer.online import USER_AGENT_VARIABLE
from components.store import DATABASE_URL_VARIABLE, DatabaseStore, open_store
from components.store.columnar import CACHE_DIR_VARIABLE
from tests.harness.postgres_server import (
    PostgresUnavailableError,
    create_database,
    running_postgres,
)

ROOT = Path(__file__).resolve().parent.parent
SEED_REPORT = ROOT.parent / "shared" / "seed" / "balochistan-2026-02-01.txt"
TEST_DATA = Path(__file__).resolve().parent / "data"

# Tests use the shipped gazetteer only, never places a developer imported, and
# never the online geocoder, whatever this shell configures.
os.environ[USER_DIRECTORY_VARIABLE] = str(TEST_DATA / "no-imported-places")
os.environ.pop(USER_AGENT_VARIABLE, None)
# Who may read and write is each test's own choice, never this shell's.
for _variable in (ANONYMOUS_WRITE_VARIABLE, READ_VARIABLE, LAUNCH_TOKEN_VARIABLE):
    os.environ.pop(_variable, None)


@pytest.fixture
def anonymous_writing(monkeypatch) -> None:
    """The page lets anyone write (``INCIDENT_MAP_ANONYMOUS_WRITE=1``): an AppTest
    has no browser to hold the launch link's cookie."""
    monkeypatch.setenv(ANONYMOUS_WRITE_VARIABLE, "1")


GOOD_EVENT = {
    "id": "wave-1",
    "name": "Test wave",
    "date": "2026-02-01",
    "date_precision": "1",
    "admin1": "Balochistan",
    "period_hours": "",
    "period_note": "",
    "places_hit_at_least": "",
    "claimed_by": "",
    "source_title": "A test report",
    "source_publisher": "",
    "source_date": "2026-02-01",
    "source_location": "tests/report.txt#L1",
    "source_excerpt": "",
    "notes": "",
}

GOOD_INCIDENT = {
    "id": "wave-1-quetta",
    "event_id": "wave-1",
    "revises": "",
    "date": "2026-02-01",
    "date_precision": "1",
    "place": "Quetta",
    "lat": "",
    "lon": "",
    "geo_precision": "",
    "target_type": "police_paramilitary",
    "attack_types": "armed_assault",
    "killed_civilians": "2",
    "killed_security": "",
    "killed_attackers": "0",
    "killed_unspecified": "",
    "injured": "",
    "source_title": "A test report",
    "source_publisher": "Test Wire",
    "source_date": "2026-02-01",
    "source_location": "tests/report.txt#L3",
    "source_excerpt": "Gunmen attacked a police post in Quetta.",
    "notes": "",
}

WriteData = Callable[..., Path]


def write_csv(path: Path, columns: list[str], rows: list[Mapping[str, str]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture
def write_data(tmp_path: Path) -> WriteData:
    """Write a data directory with one event and the given incident rows."""

    def write(*incidents: Mapping[str, str], events: list | None = None) -> Path:
        write_csv(tmp_path / "events.csv", EVENT_COLUMNS, events or [GOOD_EVENT])
        write_csv(
            tmp_path / "incidents" / "test.csv", INCIDENT_COLUMNS, list(incidents)
        )
        return tmp_path

    return write


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


@pytest.fixture(scope="session")
def seed() -> Dataset:
    return CsvStore().load()


@pytest.fixture(scope="session")
def seed_frame(seed: Dataset) -> pd.DataFrame:
    return incidents_frame(seed.incidents)


@pytest.fixture(scope="session")
def hostile_frame() -> pd.DataFrame:
    dataset = CsvStore(TEST_DATA / "hostile").load().raise_for_problems()
    return incidents_frame(dataset.incidents)


# --- Markers: browser, postgres (and slow, set on each test) -----------------------

BROWSER_TESTS = Path(__file__).resolve().parent / "browser"


@pytest.hookimpl(tryfirst=True)  # before -m deselects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test under tests/browser is ``browser``; a test that asks for the
    PostgreSQL server is ``postgres`` (the postgresql parameter of ``database_url``
    carries the marker itself)."""
    for item in items:
        if BROWSER_TESTS in item.path.parents:
            item.add_marker(pytest.mark.browser)
        if "postgres_server" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.postgres)


# --- Databases: SQLite, and a real PostgreSQL server started for the session ------


@pytest.fixture(autouse=True)
def _own_database(tmp_path: Path, monkeypatch) -> None:
    """Each test's app and store use a SQLite file of its own, seeded from the data
    directory it names, and a frame cache of its own: never a file in the source
    tree, never another test's."""
    path = tmp_path / "database" / "incidents.sqlite"
    path.parent.mkdir()
    monkeypatch.setenv(DATABASE_URL_VARIABLE, f"sqlite:///{path}")
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(tmp_path / "cache"))


def unavailable(reason: str) -> None:
    """Skip a test that needs something this machine lacks; under CI, fail."""
    if os.environ.get("CI"):
        pytest.fail(f"cannot run under CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[tuple[str, int]]:
    """(host, port) of a PostgreSQL server in a temporary directory."""
    server = running_postgres()
    try:
        address = server.__enter__()
    except PostgresUnavailableError as error:
        unavailable(str(error))
    yield address
    server.__exit__(None, None, None)


@pytest.fixture(
    params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def database_url(request, tmp_path: Path) -> str:
    """An empty database of each kind."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'incidents.sqlite'}"
    host, port = request.getfixturevalue("postgres_server")
    return create_database(host, port, f"test_{uuid.uuid4().hex[:12]}")


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of the shipped data directory, without anything users saved."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target, ignore=shutil.ignore_patterns("user"))
    return target


@pytest.fixture
def db_store(database_url: str, data_copy: Path) -> DatabaseStore:
    """A store on each kind of database, seeded from the shipped data."""
    store, problems = open_store(data_copy, database_url)
    assert problems == []
    return store
