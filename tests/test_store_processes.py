"""Several OS processes on one database, and a process killed mid-import: nothing
reported as saved is lost, nothing half-saved remains. SQLite and PostgreSQL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from components.store import DATABASE_URL_VARIABLE, DatabaseStore
from components.store.schema import IncidentRevision, Save
from components.support.commands import AUTHOR_VARIABLE
from tests.conftest import GOOD_INCIDENT, ROOT
from tests.harness.synthetic_data import write_synthetic

WRITER = textwrap.dedent(
    """
    import sys
    from components.store import DatabaseStore
    url, prefix, saves = sys.argv[1], sys.argv[2], int(sys.argv[3])
    store = DatabaseStore(url)
    row = {row!r}
    for n in range(saves):
        store.add([{{**row, "id": f"{{prefix}}-{{n:03d}}"}}], author=prefix)
    print("done", flush=True)
    """
).format(row={**GOOD_INCIDENT, "event_id": "balochistan-2026-02-01"})


def _run(*args: str, url: str, data: Path | None = None) -> subprocess.Popen:
    env = {**os.environ, DATABASE_URL_VARIABLE: url, AUTHOR_VARIABLE: "importer"}
    if data is not None:
        env["INCIDENT_MAP_DATA_DIR"] = str(data)
    return subprocess.Popen(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _incidents(store: DatabaseStore, prefix: str) -> list[str]:
    frame = store.frame()
    return sorted(i for i in frame["id"] if i.startswith(prefix))


@pytest.mark.parametrize("saves", [3, pytest.param(50, marks=pytest.mark.slow)])
def test_two_processes_saving_at_once_both_land(db_store: DatabaseStore, saves: int):
    writers = [
        _run("-c", WRITER, db_store.url, name, str(saves), url=db_store.url)
        for name in ("alpha", "bravo")
    ]
    for writer in writers:
        out, err = writer.communicate(timeout=180)
        assert writer.returncode == 0, err
        assert "done" in out
    for name in ("alpha", "bravo"):
        wanted = [f"{name}-{n:03d}" for n in range(saves)]
        assert _incidents(db_store, name) == wanted
    added = [s for s in db_store.recent_saves(200) if s.kind == "add"]
    assert len(added) == 2 * saves


@pytest.fixture
def big_import(tmp_path: Path) -> Path:
    return write_synthetic(tmp_path / "big", 20_000)


def _import(url: str, path: Path, data: Path) -> subprocess.Popen:
    return _run(
        "-m",
        "components.store",
        "import",
        str(path),
        "--from",
        "ours",
        url=url,
        data=data,
    )


def _saved(store: DatabaseStore) -> list[int]:
    """Incidents per import save, in save order."""
    with store.engine.connect() as connection:
        rows = connection.execute(
            select(Save.id, func.count(IncidentRevision.id))
            .join(IncidentRevision, IncidentRevision.save_id == Save.id)
            .where(Save.kind == "import")
            .group_by(Save.id)
            .order_by(Save.id)
        ).all()
    return [n for _, n in rows]


@pytest.mark.slow
def test_a_killed_import_keeps_every_batch_saved_and_no_part_of_one(
    db_store: DatabaseStore, big_import: Path, data_copy: Path
):
    process = _import(db_store.url, big_import, data_copy)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and sum(_saved(db_store)) < 3_000:
        time.sleep(0.2)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    batches = _saved(db_store)
    assert batches, "the import saved some batches before it was killed"
    assert all(n == 1_000 for n in batches), batches
    assert sum(batches) < 20_000, "killed before the end"
    survived = len(_incidents(db_store, "synthetic-"))
    assert survived == sum(batches)
    again = _import(db_store.url, big_import, data_copy)
    _, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    assert f"{20_000 - survived:,} incident(s) added" in err
    assert len(_incidents(db_store, "synthetic-")) == 20_000


@pytest.mark.slow
def test_four_imports_at_once_keep_every_row_once(
    db_store: DatabaseStore, tmp_path: Path, data_copy: Path
):
    source = write_synthetic(tmp_path / "quad", 4_000)
    imports = [_import(db_store.url, source, data_copy) for _ in range(4)]
    for process in imports:
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
        # The summary line, and the page's table written: no driver warning
        # ("pipeline aborted").
        said = [
            line
            for line in err.strip().splitlines()
            if not line.startswith("the page's incident table is written")
        ]
        assert len(said) == 1, err
    ids = _incidents(db_store, "synthetic-")
    assert len(ids) == len(set(ids)) == 4_000
