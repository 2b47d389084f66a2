"""The incident database, on SQLite and on a real PostgreSQL server: seeding,
saves, constraints, revisions, undo, conflicts, users."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import event, insert, select, text
from sqlalchemy.exc import IntegrityError

from components.domain.access import Identity
from components.domain.filters import Filters, apply_filters
from components.domain.summary import headline
from components.map.folium_map import build_map
from components.store import DatabaseStore, open_store
from components.store.schema import IncidentRevision, Save
from components.support.errors import ConflictError, DataFileError
from tests.conftest import GOOD_EVENT, GOOD_INCIDENT

TOTALS = "balochistan-2026-02-01-province-totals"
EDITOR = "editor@example.org"


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
        "figure_scope": "event",
        "source_title": "Later report",
        "source_date": "2026-02-02",
        **changes,
    }


def count(store: DatabaseStore) -> int:
    return len(store.frame())


def test_first_start_seeds_the_shipped_files_once(db_store, data_copy, database_url):
    assert count(db_store) == 16
    assert list(db_store.events()) == ["balochistan-2026-02-01"]
    (seed,) = db_store.recent_saves()
    assert (seed.kind, seed.incidents) == ("seed", 16)
    again, problems = open_store(data_copy, database_url)
    assert problems == []
    assert count(again) == 16
    assert len(again.recent_saves()) == 1, "unchanged files are not read again"


def test_a_changed_seed_file_becomes_a_revision(db_store, data_copy, database_url):
    path = data_copy / "incidents" / "balochistan-2026-02-01.csv"
    path.write_text(path.read_text().replace(",31,17,145,", ",32,17,145,"))
    store, _ = open_store(data_copy, database_url)
    frame = store.frame().set_index("id")
    assert frame.at[TOTALS, "killed_civilians"] == 32
    assert [h.number for h in store.history(TOTALS)] == [1, 2]
    assert count(store) == 16


def test_added_rows_are_saved_with_their_author(db_store, data_copy):
    shipped = digest(data_copy)
    result = db_store.add([GOOD_INCIDENT], [GOOD_EVENT], author=EDITOR, reason="test")
    assert (result.incidents, result.events) == (1, 1)
    assert "wave-1" in db_store.events()
    assert "wave-1-quetta" in set(db_store.frame()["id"])
    latest = db_store.recent_saves()[0]
    assert (latest.author, latest.kind, latest.reason) == (EDITOR, "add", "test")
    assert digest(data_copy) == shipped, "shipped files are never written"


def test_the_latest_saves_are_counted_again_only_after_a_save(
    db_store, data_copy, database_url
):
    """The page asks for the latest saves on every rerun; their incidents are
    counted (every revision read) only when a save has committed since, by
    this store or another process's."""
    sent: list[str] = []

    def keep(connection, cursor, statement, parameters, context, many) -> None:
        sent.append(statement)

    first = db_store.recent_saves(15)
    other, _ = open_store(data_copy, database_url)  # another page process
    event.listen(db_store.engine, "before_cursor_execute", keep)
    try:
        assert db_store.recent_saves(15) == first
        assert not [s for s in sent if "GROUP BY" in s], sent
        other.add([GOOD_INCIDENT], [GOOD_EVENT], author=EDITOR, reason="elsewhere")
        latest = db_store.recent_saves(15)
        assert [s for s in sent if "GROUP BY" in s]
    finally:
        event.remove(db_store.engine, "before_cursor_execute", keep)
    assert (latest[0].reason, latest[0].incidents) == ("elsewhere", 1)
    assert latest[1:] == first[: len(latest) - 1]
    assert db_store.recent_saves(1) == latest[:1]


def test_a_bad_row_writes_nothing_and_says_where(db_store):
    before = db_store.version()
    with pytest.raises(DataFileError) as error:
        db_store.add(
            [GOOD_INCIDENT, {**GOOD_INCIDENT, "id": "x", "killed_civilians": "-2"}],
            [GOOD_EVENT],
            author=EDITOR,
        )
    (problem,) = error.value.problems
    assert (problem.row, problem.field) == (2, "killed_civilians")
    assert db_store.version() == before
    assert count(db_store) == 16


def test_an_id_another_save_used_is_a_conflict_naming_it(db_store):
    db_store.add([GOOD_INCIDENT], [GOOD_EVENT], author=EDITOR)
    with pytest.raises(ConflictError, match=f"'wave-1-quetta' by {EDITOR}"):
        db_store.add([GOOD_INCIDENT], author="someone@else.org")
    with pytest.raises(DataFileError, match="appears twice"):
        db_store.add(
            [{**GOOD_INCIDENT, "id": "a"}, {**GOOD_INCIDENT, "id": "a"}], author=EDITOR
        )


@pytest.mark.parametrize(
    ("revises", "message"),
    [("no-such-id", "not a known id"), ("revision-1", "revises itself")],
)
def test_bad_revision_links_are_refused(db_store, revises, message):
    with pytest.raises(DataFileError, match=message):
        db_store.add([revision(revises=revises)], author=EDITOR)


def test_a_record_is_revised_by_one_record_only(db_store):
    db_store.add([revision()], author=EDITOR)
    with pytest.raises(DataFileError, match="already revised"):
        db_store.add([revision(id="revision-2")], author=EDITOR)


def test_a_later_report_replaces_the_figure_and_keeps_the_history(db_store):
    db_store.add([revision()], author=EDITOR)
    frame, events = db_store.frame(), db_store.events()
    head = headline(frame, events)
    civilians = head.deaths["killed_civilians"]
    assert civilians.value == 35
    assert [e.value for e in civilians.earlier] == [31]
    assert head.deaths["killed_attackers"].value == 145  # the later one is silent
    html = build_map(frame).get_root().render()
    assert html.count("province-wide totals, not tied to any place") == 1
    rows = apply_filters(frame, Filters(places=("Balochistan",)))
    assert {TOTALS, "revision-1"} <= set(rows["id"])


def test_constraints_refuse_what_the_checks_would(db_store):
    with db_store.engine.connect() as connection:
        row = (
            connection.execute(
                select(IncidentRevision).where(IncidentRevision.incident_id == TOTALS)
            )
            .mappings()
            .one()
        )
    good = {k: v for k, v in row.items() if k not in ("id", "geom")}
    cases = [
        {"number": 9, "killed_civilians": 1_000_001},
        {"number": 9, "lat": 91.0},
        {"number": 9, "event_id": "no-such-event"},
        {"number": 1},  # a second revision number 1
        {"number": 9, "figure_scope": "everything"},
    ]
    for change in cases:
        with (
            pytest.raises(IntegrityError),
            db_store.engine.connect() as connection,
            connection.begin(),
        ):
            connection.execute(insert(IncidentRevision).values({**good, **change}))


def test_an_edit_is_a_new_revision_and_a_stale_edit_a_conflict(db_store):
    db_store.add([GOOD_INCIDENT], [GOOD_EVENT], author=EDITOR)
    version = db_store.version_of("wave-1-quetta")
    db_store.edit(
        "wave-1-quetta",
        {"killed_civilians": "3"},
        expected_version=version,
        author="first@example.org",
        reason="second source",
    )
    with pytest.raises(ConflictError) as error:
        db_store.edit(
            "wave-1-quetta",
            {"killed_civilians": "9"},
            expected_version=version,
            author="second@example.org",
        )
    assert "changed since you opened it" in str(error.value)
    assert "first@example.org" in str(error.value)
    history = db_store.history("wave-1-quetta")
    assert [(h.author, h.changes) for h in history] == [
        (EDITOR, ("added",)),
        ("first@example.org", ("killed_civilians: 2 -> 3",)),
    ]
    assert db_store.frame().set_index("id").at["wave-1-quetta", "killed_civilians"] == 3


def test_undo_is_a_new_save_and_loses_nothing(db_store):
    added = db_store.add([GOOD_INCIDENT], [GOOD_EVENT], author=EDITOR)
    edited = db_store.edit(
        "wave-1-quetta", {"injured": "5"}, expected_version=1, author=EDITOR
    )
    db_store.undo(edited.save_id, author="admin@example.org")
    frame = db_store.frame().set_index("id")
    assert frame["injured"].isna()["wave-1-quetta"]
    with pytest.raises(ConflictError, match="changed since"):
        db_store.undo(added.save_id, author="admin@example.org")
    numbers = [
        (h.number, h.kind, h.retracted) for h in db_store.history("wave-1-quetta")
    ]
    assert numbers == [(1, "add", False), (2, "edit", False), (3, "undo", False)]


def test_undoing_an_add_retracts_the_records(db_store):
    added = db_store.add([GOOD_INCIDENT], [GOOD_EVENT], author=EDITOR)
    db_store.undo(added.save_id, author=EDITOR)
    assert "wave-1-quetta" not in set(db_store.frame()["id"])
    assert "wave-1" not in db_store.events()
    assert db_store.history("wave-1-quetta")[-1].retracted
    with db_store.engine.connect() as connection:
        kinds = connection.execute(select(Save.kind).order_by(Save.id)).scalars().all()
    assert kinds == ["seed", "add", "undo"]


def test_importing_twice_adds_each_row_once(db_store):
    rows = [{**GOOD_INCIDENT, "id": f"wave-1-{n}"} for n in range(25)]
    assert db_store.import_rows(
        rows, [GOOD_EVENT], author=EDITOR, source="f", batch=10
    ) == (25, 0)
    assert db_store.import_rows(
        rows, [GOOD_EVENT], author=EDITOR, source="f", batch=10
    ) == (0, 25)
    assert count(db_store) == 16 + 25


def test_roles_are_kept_in_the_database(db_store):
    boss = Identity("https://id.example.org", "boss", "Boss@Example.org", True)
    assert db_store.role_for(boss) is None
    db_store.set_role("Boss@Example.org", "admin", granted_by="cli")
    db_store.set_role("reader@example.org", "viewer", granted_by="boss@example.org")
    assert db_store.role_for(boss) == "admin"
    assert db_store.users() == [
        ("boss@example.org", "admin"),
        ("reader@example.org", "viewer"),
    ]


def test_postgis_gives_a_spatial_index_where_installed(db_store):
    if db_store.engine.dialect.name != "postgresql":
        pytest.skip("PostGIS is a PostgreSQL extension")
    with db_store.engine.connect() as connection:
        if not connection.execute(
            text("SELECT 1 FROM pg_extension WHERE extname = 'postgis'")
        ).scalar():
            pytest.skip("PostGIS is not installed on this server")
        near_quetta = connection.execute(
            text(
                "SELECT count(*) FROM incident_revisions WHERE ST_DWithin("
                "geom::geography, ST_MakePoint(67.0, 30.18)::geography, 20000)"
            )
        ).scalar()
        indexes = (
            connection.execute(
                text(
                    "SELECT indexname FROM pg_indexes "
                    "WHERE tablename = 'incident_revisions'"
                )
            )
            .scalars()
            .all()
        )
    assert near_quetta == 2  # Quetta's two rows
    assert "ix_incident_revisions_geom" in indexes


def test_the_cached_table_after_a_save_is_the_table_read_whole(db_store, database_url):
    assert db_store._cache.path is not None
    db_store.frame()  # writes the table's file
    db_store.add([revision()], author=EDITOR)
    merged = db_store.frame()  # the file brought up to date with the save
    whole = DatabaseStore(database_url, cache_dir=None).frame()
    pd.testing.assert_frame_equal(merged, whole)
    reopened = DatabaseStore(
        database_url, cache_dir=db_store._cache.path.parent
    ).frame()
    pd.testing.assert_frame_equal(reopened, whole)
    assert not merged.set_index("id").loc[TOTALS, "current"]
    assert isinstance(merged["place"].dtype, pd.CategoricalDtype)
    assert list(merged["place"].cat.categories) == sorted(set(merged["place"]))
