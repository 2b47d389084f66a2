"""Saves that race each other, on SQLite and on a real PostgreSQL server: the
loser is told who changed what and when (ConflictError), the same way on both,
and the page shows that message rather than a traceback."""

from __future__ import annotations

import contextlib
import functools
import logging
import threading
import time
from collections.abc import Callable, Iterator

from sqlalchemy import text
from streamlit.testing.v1 import AppTest

from components.store import DATA_DIR_VARIABLE, DATABASE_URL_VARIABLE, DatabaseStore
from components.store.engine import writing
from components.store.revisions import head, insert_records, new_save, revise
from components.store.rows import incident_values
from components.store.schema import IncidentRecord, IncidentRevision
from components.support.errors import ConflictError
from tests.conftest import GOOD_EVENT, GOOD_INCIDENT, ROOT

TOTALS = "balochistan-2026-02-01-province-totals"
RACERS = 8


def race(calls: list[Callable[[], object]]) -> list[object]:
    """Run the calls in threads released at once; each one's result or error."""
    start = threading.Barrier(len(calls))
    outcomes: list[object] = [None] * len(calls)

    def run(number: int) -> None:
        start.wait()
        try:
            outcomes[number] = calls[number]()
        except Exception as error:  # the outcome under test
            outcomes[number] = error

    threads = [threading.Thread(target=run, args=(n,)) for n in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes


def wait_for_a_blocked_save(store: DatabaseStore) -> None:
    """Until another connection waits for a lock this test holds (PostgreSQL);
    SQLite's waiting writer cannot be seen, so give it time to start."""
    if store.engine.dialect.name != "postgresql":
        time.sleep(0.5)
        return
    deadline = time.monotonic() + 30
    query = text(
        "SELECT count(*) FROM pg_stat_activity "
        "WHERE wait_event_type = 'Lock' AND datname = current_database()"
    )
    while time.monotonic() < deadline:
        with store.engine.connect() as connection:
            if connection.execute(query).scalar():
                return
        time.sleep(0.05)
    raise AssertionError("no save waited for the held transaction")


@contextlib.contextmanager
def held_edit(store: DatabaseStore, incident_id: str, author: str) -> Iterator[None]:
    """Another person's edit of the incident, its transaction open in the block
    and committed at its end."""
    with writing(store.engine) as connection:
        version, values = head(connection, incident_id)
        save_id = new_save(connection, author, "edit", "held open")
        values = {**values, "injured": 99}
        revise(
            connection,
            IncidentRecord,
            IncidentRevision,
            incident_id,
            version,
            values,
            save_id,
        )
        yield


def test_racing_edits_of_one_incident_leave_one_and_tell_the_rest_who(db_store):
    version = db_store.version_of(TOTALS)
    outcomes = race(
        [
            functools.partial(
                db_store.edit,
                TOTALS,
                {"injured": str(n)},
                expected_version=version,
                author=f"editor{n}@example.org",
            )
            for n in range(RACERS)
        ]
    )
    errors = [o for o in outcomes if isinstance(o, Exception)]
    assert len(errors) == RACERS - 1, errors
    assert all(isinstance(e, ConflictError) for e in errors), errors
    (winner,) = [h.author for h in db_store.history(TOTALS) if h.kind == "edit"]
    for error in errors:
        assert f"{TOTALS!r} changed since you opened it" in str(error)
        assert f"revision {version + 1} by {winner} at " in str(error)


def test_racing_undos_of_one_save_undo_it_once(db_store):
    added = db_store.add([GOOD_INCIDENT], [GOOD_EVENT], author="a@example.org")
    outcomes = race(
        [
            functools.partial(db_store.undo, added.save_id, author=f"u{n}@example.org")
            for n in range(4)
        ]
    )
    errors = [o for o in outcomes if isinstance(o, Exception)]
    assert len(errors) == 3, errors
    assert all(isinstance(e, ConflictError) for e in errors), errors
    assert all("changed since you opened it" in str(e) for e in errors)
    assert [h.kind for h in db_store.history("wave-1-quetta")] == ["add", "undo"]


def test_adding_an_id_another_save_is_adding_waits_and_is_refused_quietly(
    db_store, gazetteer, caplog
):
    db_store.add([], [GOOD_EVENT], author="a@example.org")
    # A batch as an import saves it: the taken id first, so the rest of the
    # batch is still queued when the database refuses it.
    rows = [GOOD_INCIDENT] + [
        {**GOOD_INCIDENT, "id": f"wave-1-{n:04d}"} for n in range(999)
    ]
    outcome: list[object] = []

    def second() -> None:
        try:
            outcome.append(db_store.add(rows, author="second@example.org"))
        except Exception as error:  # the outcome under test
            outcome.append(error)

    caplog.set_level(logging.WARNING)
    with writing(db_store.engine) as connection:
        first = new_save(connection, "first@example.org", "add")
        incident = next(iter(db_store.load().incidents))
        values = incident_values(incident, pinned=True) | {"event_id": "wave-1"}
        taken = insert_records(
            connection,
            IncidentRecord,
            IncidentRevision,
            {"wave-1-quetta": values},
            first,
        )
        assert taken == set()
        thread = threading.Thread(target=second)
        thread.start()
        wait_for_a_blocked_save(db_store)
    thread.join(timeout=60)
    (error,) = outcome
    assert isinstance(error, ConflictError), error
    assert "'wave-1-quetta' by first@example.org at " in str(error)
    assert "wave-1-0000" not in set(db_store.frame()["id"])
    noise = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert noise == [], "the refusal is the only word about it"


def test_the_edit_form_shows_who_won_a_race_not_a_traceback(
    database_url, data_copy, monkeypatch, anonymous_writing
):
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(data_copy))
    monkeypatch.setenv(DATABASE_URL_VARIABLE, database_url)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90).run().run()
    assert not at.exception, [e.message for e in at.exception]
    at.selectbox(key="history_incident").set_value(TOTALS).run()
    at.text_input(key=f"edit_{TOTALS}_1_injured").set_value("5")
    at.text_input(key=f"edit_{TOTALS}_1_why").set_value("a second source").run()
    store = DatabaseStore(database_url)
    ready, done = threading.Event(), threading.Event()

    def other_editor() -> None:
        with held_edit(store, TOTALS, "rival@example.org"):
            ready.set()
            wait_for_a_blocked_save(store)
        done.set()

    thread = threading.Thread(target=other_editor)
    thread.start()
    assert ready.wait(30)
    next(b for b in at.button if b.label == "Save the change").click().run()
    thread.join(timeout=60)
    assert done.is_set()
    assert not at.exception, [e.message for e in at.exception]
    shown = " ".join(e.value for e in at.error).replace("\\", "")
    assert "changed since you opened it" in shown
    assert "rival@example.org" in shown
    assert [h.author for h in store.history(TOTALS)][-1] == "rival@example.org"


def test_admins_granting_one_address_at_once_leave_one_role(db_store):
    roles = ["viewer", "editor", "admin", "editor"] * 2
    outcomes = race(
        [
            functools.partial(
                db_store.set_role, "Reader@Example.org", role, granted_by=f"a{n}@x.org"
            )
            for n, role in enumerate(roles)
        ]
    )
    assert [o for o in outcomes if isinstance(o, Exception)] == []
    ((email, role),) = db_store.users()
    assert email == "reader@example.org"
    assert role in roles
