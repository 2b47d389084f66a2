"""The incidents counted per group (``incident_groups``, ``incident_months``,
``incident_kinds``) equal a fresh count after every kind of write: a seed, an
add, a record that revises another (and its retraction), an edit (of the day
too: to another month), an undo, a streamed import, a report attached as a
source, a merge and a split; a rebuild mends counts changed behind the store's
back; the migration that brings the monthly counts counts what is there.
SQLite and a real PostgreSQL server."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic import command
from sqlalchemy import func, select, text, update

from components.store import DatabaseStore
from components.store.__main__ import main as store_command
from components.store.schema import IncidentGroup, IncidentMonth
from components.support.errors import ConflictError
from tests.conftest import GOOD_EVENT, GOOD_INCIDENT
from tests.test_search import alembic

EDITOR = "editor@example.org"


def _row(**changes: str) -> dict[str, str]:
    return {**GOOD_INCIDENT, **changes}


def _counted(store: DatabaseStore, model: type = IncidentGroup) -> int:
    with store.engine.connect() as connection:
        return int(
            connection.execute(
                select(text("coalesce(sum(incidents), 0)")).select_from(model.__table__)
            ).scalar_one()
        )


def _months(store: DatabaseStore) -> dict[dt.date, int]:
    """The incidents the monthly counts hold, per month."""
    months = IncidentMonth.__table__
    with store.engine.connect() as connection:
        return {
            dt.date.fromisoformat(str(month)): int(count)
            for month, count in connection.execute(
                select(months.c.month, func.sum(months.c.incidents)).group_by(
                    months.c.month
                )
            )
        }


def _fresh(store: DatabaseStore) -> None:
    assert store.count_differences() == []
    assert _counted(store, IncidentMonth) == _counted(store)


def test_seeded_counts_are_a_fresh_count(db_store: DatabaseStore) -> None:
    _fresh(db_store)
    assert _counted(db_store) == len(db_store.frame())


def test_adds_revisions_edits_and_undos_keep_the_counts(
    db_store: DatabaseStore,
) -> None:
    store = db_store
    store.add(
        [_row(), _row(id="wave-1-gwadar", place="Gwadar", killed_civilians="5")],
        [GOOD_EVENT],
        author=EDITOR,
    )
    _fresh(store)
    before = _counted(store)
    # A later report revising Quetta's record: the revised one is not counted,
    # nor the revising one (its figures may be carried from the earlier).
    revising = store.add(
        [
            _row(
                id="wave-1-quetta-b",
                revises="wave-1-quetta",
                killed_civilians="",
                killed_security="4",
            )
        ],
        author=EDITOR,
    )
    _fresh(store)
    assert _counted(store) == before - 1
    # An edit that moves an incident to another place and target type.
    moved = store.edit(
        "wave-1-gwadar",
        {"place": "Turbat", "target_type": "military", "injured": "3"},
        expected_version=store.version_of("wave-1-gwadar"),
        author=EDITOR,
    )
    _fresh(store)
    # The revising record no longer revises: both are counted again.
    store.edit(
        "wave-1-quetta-b",
        {"revises": ""},
        expected_version=store.version_of("wave-1-quetta-b"),
        author=EDITOR,
    )
    _fresh(store)
    assert _counted(store) == before + 1
    again = store.edit(
        "wave-1-quetta-b",
        {"revises": "wave-1-quetta"},
        expected_version=store.version_of("wave-1-quetta-b"),
        author=EDITOR,
    )
    _fresh(store)
    # Undoing the revising save retracts it: the revised record is back.
    store.undo(again.save_id, author=EDITOR)
    _fresh(store)
    assert _counted(store) == before + 1
    with pytest.raises(ConflictError):  # later saves changed its records
        store.undo(revising.save_id, author=EDITOR)
    store.undo(moved.save_id, author=EDITOR)
    _fresh(store)
    added = store.add([_row(id="wave-1-late", place="Gwadar")], author=EDITOR)
    store.undo(added.save_id, author=EDITOR, reason="not this wave")
    _fresh(store)
    assert _counted(store) == len(store.frame())


def test_a_change_of_day_moves_an_incident_between_months(
    db_store: DatabaseStore,
) -> None:
    store = db_store
    march, april = dt.date(2026, 3, 1), dt.date(2026, 4, 1)
    store.add(
        [
            _row(id="wave-1-march", date="2026-03-31"),
            _row(id="wave-1-april", date="2026-04-01", killed_civilians="6"),
        ],
        [GOOD_EVENT],
        author=EDITOR,
    )
    _fresh(store)
    before = _months(store)
    assert (before[march], before[april]) == (1, 1)
    moved = store.edit(
        "wave-1-march",
        {"date": "2026-04-15"},
        expected_version=store.version_of("wave-1-march"),
        author=EDITOR,
    )
    _fresh(store)
    after = _months(store)
    assert march not in after
    assert after[april] == 2
    assert {m: n for m, n in after.items() if m != april} == {
        m: n for m, n in before.items() if m not in (march, april)
    }
    # A later report of April's incident dated in March: the revised record
    # leaves April, the revising one is not counted in any month.
    store.add(
        [_row(id="wave-1-april-b", revises="wave-1-april", date="2026-03-20")],
        author=EDITOR,
    )
    _fresh(store)
    assert _months(store)[april] == 1  # the moved one
    store.undo(moved.save_id, author=EDITOR)
    _fresh(store)
    assert _months(store) == {m: n for m, n in before.items() if m != april}


def test_a_streamed_import_keeps_the_counts(db_store: DatabaseStore) -> None:
    rows = (
        _row(
            id=f"wave-1-import-{n}",
            place=("Quetta", "Gwadar", "Turbat")[n % 3],
            target_type=("police_paramilitary", "military")[n % 2],
            killed_civilians=str(n % 4) if n % 5 else "",
            revises="wave-1-import-0" if n == 7 else "",
        )
        for n in range(25)
    )
    added, skipped = db_store.import_rows(
        rows, [GOOD_EVENT], author=EDITOR, source="test", batch=10
    )
    assert (added, skipped) == (25, 0)
    _fresh(db_store)
    assert _counted(db_store) == len(db_store.frame()) - 2  # the chain's two


def test_sources_merges_and_splits_keep_the_counts(db_store: DatabaseStore) -> None:
    store = db_store
    store.add(
        [_row(), _row(id="wave-1-other", killed_civilians="7")],
        [GOOD_EVENT],
        author=EDITOR,
    )
    store.add_reviewed(
        [],
        attached={
            "wave-1-quetta": [
                _row(
                    id="",
                    killed_civilians="9",
                    source_title="Second wire",
                    source_location="https://example.org/second",
                )
            ]
        },
        author=EDITOR,
    )
    _fresh(store)
    merged = store.merge("wave-1-quetta", "wave-1-other", author=EDITOR, reason="")
    _fresh(store)
    moved = next(s for s in store.sources("wave-1-quetta") if s.id)
    store.split("wave-1-quetta", moved.id, author=EDITOR, reason="two attacks")
    _fresh(store)
    store.undo(merged.save_id + 1, author=EDITOR)
    _fresh(store)
    assert _counted(store) == len(store.frame())


def test_counts_changed_behind_the_stores_back_are_found_and_recounted(
    db_store: DatabaseStore, capsys
) -> None:
    with db_store.engine.begin() as connection:
        connection.execute(
            update(IncidentGroup).values(incidents=IncidentGroup.incidents + 1)
        )
    assert db_store.count_differences()
    url = db_store.url
    assert store_command(["--database", url, "recount", "--check"]) == 1
    assert "differ from a fresh count" in capsys.readouterr().err
    assert store_command(["--database", url, "recount"]) == 0
    _fresh(db_store)
    assert store_command(["--database", url, "recount", "--check"]) == 0


@pytest.mark.parametrize("model", [IncidentGroup, IncidentMonth])
@pytest.mark.parametrize("column", ["incidents", "injured_sum", "deaths_said"])
def test_a_wrong_count_is_a_difference(
    db_store: DatabaseStore, column: str, model: type
) -> None:
    with db_store.engine.begin() as connection:
        connection.execute(update(model).values({column: getattr(model, column) + 2}))
    differences = db_store.count_differences()
    assert differences
    assert all(line.startswith(model.__tablename__) for line in differences)
    assert any(column in line for line in differences)
    db_store.recount()
    _fresh(db_store)


def test_the_monthly_migration_counts_what_is_there(db_store: DatabaseStore) -> None:
    alembic(db_store, command.downgrade, "0009_incident_groups")
    db_store.add(  # saved while there is no monthly table: counted by the upgrade
        [
            _row(id="wave-1-may", date="2026-05-09"),
            _row(id="wave-1-june", date="2026-06-30"),
        ],
        [GOOD_EVENT],
        author=EDITOR,
    )
    db_store.migrate()
    _fresh(db_store)
    months = _months(db_store)
    assert months[dt.date(2026, 5, 1)] == months[dt.date(2026, 6, 1)] == 1
