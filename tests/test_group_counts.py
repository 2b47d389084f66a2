"""The incidents counted per group (``incident_groups``, ``incident_kinds``)
equal a fresh count after every kind of write: a seed, an add, a record that
revises another (and its retraction), an edit, an undo, a streamed import, a
report attached as a source, a merge and a split; a rebuild mends counts
changed behind the store's back. SQLite and a real PostgreSQL server."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text, update

from components.store import DatabaseStore
from components.store.__main__ import main as store_command
from components.store.schema import IncidentGroup
from components.support.errors import ConflictError
from tests.conftest import GOOD_EVENT, GOOD_INCIDENT

EDITOR = "editor@example.org"


def _row(**changes: str) -> dict[str, str]:
    return {**GOOD_INCIDENT, **changes}


def _counted(store: DatabaseStore) -> int:
    with store.engine.connect() as connection:
        return int(
            connection.execute(
                select(text("coalesce(sum(incidents), 0)")).select_from(
                    IncidentGroup.__table__
                )
            ).scalar_one()
        )


def _fresh(store: DatabaseStore) -> None:
    assert store.count_differences() == []


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


@pytest.mark.parametrize("column", ["incidents", "injured_sum", "deaths_said"])
def test_a_wrong_count_is_a_difference(db_store: DatabaseStore, column: str) -> None:
    with db_store.engine.begin() as connection:
        connection.execute(
            update(IncidentGroup).values({column: getattr(IncidentGroup, column) + 2})
        )
    assert any(column in line for line in db_store.count_differences())
