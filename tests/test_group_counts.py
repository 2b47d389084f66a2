"""The incidents counted per group (``incident_groups``, ``incident_months``,
``incident_weeks``, ``incident_kinds``, ``incident_points``,
``incident_point_months``, ``incident_point_days``, ``incident_attack_groups``,
``incident_attack_months``) equal a fresh count after every kind of write: a
seed, an add, a record that revises another (and its retraction), an edit (of
the day too: to another month), an undo, a streamed import, a report attached
as a source, a merge and a split; a rebuild mends counts changed behind the
store's back; the migrations that bring the monthly, the per-point and the per
attack types counts count what is there; a date range whose ends cut months,
with attack types chosen or not, gives what the incidents give after edits, a
retraction and a revision in those days; the index that serves those days
carries their columns (migration 0011); saves that race each other lose no
count. SQLite and a real PostgreSQL server."""

from __future__ import annotations

import datetime as dt
import functools

import pandas as pd
import pytest
from alembic import command
from sqlalchemy import func, inspect, select, text, update

from components.domain.filters import Filters, apply_filters
from components.domain.model import CASUALTY_FIELDS
from components.domain.summary import figure
from components.domain.table import latest_records
from components.map.payload.build import FrameGroups
from components.store import DatabaseStore
from components.store.__main__ import main as store_command
from components.store.headline_sums import headline_sums
from components.store.map_groups import SqlGroups
from components.store.schema import (
    EDGE_COLUMNS,
    IncidentAttackGroup,
    IncidentAttackMonth,
    IncidentGroup,
    IncidentMonth,
    IncidentPoint,
    IncidentPointDay,
    IncidentPointMonth,
    IncidentWeek,
)
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
    for model in (
        IncidentMonth,
        IncidentWeek,
        IncidentPoint,
        IncidentPointMonth,
        IncidentPointDay,
        IncidentAttackGroup,
        IncidentAttackMonth,
    ):
        assert _counted(store, model) == _counted(store)


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


@pytest.mark.parametrize(
    ("model", "column"),
    [
        (model, column)
        for model in (
            IncidentGroup,
            IncidentMonth,
            IncidentWeek,
            IncidentPoint,
            IncidentPointMonth,
            IncidentPointDay,
        )
        for column in ("incidents", "injured_sum", "deaths_said")
        if column in model.__table__.c
    ],
)
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


def test_the_per_point_migration_counts_what_is_there(
    db_store: DatabaseStore,
) -> None:
    """Migration 0012 goes down (the per-point tables gone) and up again,
    counting the incidents saved in between."""
    tables = {IncidentPointMonth.__tablename__, IncidentPointDay.__tablename__}
    alembic(db_store, command.downgrade, "0011_edge_rows_index")
    assert not tables & set(inspect(db_store.engine).get_table_names())
    db_store.add(  # saved while there are no per-point tables: counted by the upgrade
        [
            _row(id="wave-1-may", date="2026-05-09"),
            _row(id="wave-1-may-b", date="2026-05-09", target_type="military"),
            _row(id="wave-1-june", date="2026-06-30"),
        ],
        [GOOD_EVENT],
        author=EDITOR,
    )
    db_store.migrate()
    assert tables <= set(inspect(db_store.engine).get_table_names())
    _fresh(db_store)
    days = IncidentPointDay.__table__
    with db_store.engine.connect() as connection:
        may = connection.execute(
            select(days.c.incidents).where(days.c.date == dt.date(2026, 5, 9))
        ).all()
    assert [int(count) for (count,) in may] == [2]  # two types, one place


def test_the_per_place_migration_counts_what_is_there(
    db_store: DatabaseStore,
) -> None:
    """Migration 0013 goes down (``incident_points`` gone) and up again,
    counting the incidents saved in between: two types in a place, one row."""
    points = IncidentPoint.__table__
    in_gwadar = select(points.c.incidents).where(
        points.c.place == "Gwadar", points.c.event_id == GOOD_INCIDENT["event_id"]
    )
    with db_store.engine.connect() as connection:
        before = sum(int(count) for (count,) in connection.execute(in_gwadar))
    alembic(db_store, command.downgrade, "0012_point_counts")
    table = IncidentPoint.__tablename__
    assert table not in inspect(db_store.engine).get_table_names()
    db_store.add(  # saved while there is no per-place table: counted by the upgrade
        [
            _row(id="wave-1-may", date="2026-05-09", place="Gwadar"),
            _row(
                id="wave-1-june",
                date="2026-06-30",
                place="Gwadar",
                target_type="military",
            ),
        ],
        [GOOD_EVENT],
        author=EDITOR,
    )
    db_store.migrate()
    assert table in inspect(db_store.engine).get_table_names()
    _fresh(db_store)
    with db_store.engine.connect() as connection:
        gwadar = connection.execute(in_gwadar).all()
    assert [int(count) for (count,) in gwadar] == [before + 2]


def test_the_weekly_migration_counts_what_is_there(db_store: DatabaseStore) -> None:
    """Migration 0014 goes down (``incident_weeks`` and the index on
    ``incident_months (month, lat, lon)`` gone) and up again, counting the
    incidents saved in between per week of the month: the 7th and the 1st in
    one week, the 8th in the next, the 29th to the 31st in a week of three
    days."""
    weeks = IncidentWeek.__table__
    table = IncidentWeek.__tablename__
    index = "ix_incident_months_month_point"

    def month_indexes() -> set[str]:
        found = inspect(db_store.engine).get_indexes("incident_months")
        return {i["name"] for i in found}

    assert index in month_indexes()
    alembic(db_store, command.downgrade, "0013_place_counts")
    assert table not in inspect(db_store.engine).get_table_names()
    assert index not in month_indexes()
    db_store.add(  # saved while there is no weekly table: counted by the upgrade
        [
            _row(id="wave-1-may-1", date="2026-05-01", place="Gwadar"),
            _row(id="wave-1-may-7", date="2026-05-07", place="Gwadar"),
            _row(id="wave-1-may-8", date="2026-05-08", place="Gwadar"),
            _row(id="wave-1-may-31", date="2026-05-31", place="Gwadar"),
        ],
        [GOOD_EVENT],
        author=EDITOR,
    )
    db_store.migrate()
    assert table in inspect(db_store.engine).get_table_names()
    assert index in month_indexes()
    _fresh(db_store)
    with db_store.engine.connect() as connection:
        found = connection.execute(
            select(weeks.c.week, weeks.c.incidents)
            .where(weeks.c.place == "Gwadar", weeks.c.week >= dt.date(2026, 5, 1))
            .where(weeks.c.week <= dt.date(2026, 5, 31))
            .order_by(weeks.c.week)
        ).all()
    assert [(dt.date.fromisoformat(str(w)), int(n)) for w, n in found] == [
        (dt.date(2026, 5, 1), 2),
        (dt.date(2026, 5, 8), 1),
        (dt.date(2026, 5, 29), 1),
    ]


def test_the_attack_types_migration_counts_what_is_there(
    db_store: DatabaseStore,
) -> None:
    """Migration 0015 goes down (``incident_attack_groups`` and
    ``incident_attack_months`` gone) and up again, counting the incidents
    saved in between once each, in the row of their attack types as stored:
    one of two codes is not counted under each code."""
    tables = {IncidentAttackGroup.__tablename__, IncidentAttackMonth.__tablename__}
    assert tables <= set(inspect(db_store.engine).get_table_names())
    alembic(db_store, command.downgrade, "0014_week_counts")
    assert not tables & set(inspect(db_store.engine).get_table_names())
    db_store.add(  # saved while there are no such tables: counted by the upgrade
        [
            _row(
                id="wave-1-may",
                date="2026-05-09",
                place="Gwadar",
                attack_types="armed_assault;bombing",
            ),
            _row(id="wave-1-may-b", date="2026-05-10", place="Gwadar"),
            _row(
                id="wave-1-june",
                date="2026-06-30",
                place="Gwadar",
                attack_types="armed_assault;bombing",
            ),
        ],
        [GOOD_EVENT],
        author=EDITOR,
    )
    db_store.migrate()
    assert tables <= set(inspect(db_store.engine).get_table_names())
    _fresh(db_store)
    months = IncidentAttackMonth.__table__
    with db_store.engine.connect() as connection:
        found = connection.execute(
            select(months.c.attack_types, months.c.month, months.c.incidents)
            .where(months.c.place == "Gwadar", months.c.month >= dt.date(2026, 5, 1))
            .order_by(months.c.month, months.c.attack_types)
        ).all()
    assert [(a, dt.date.fromisoformat(str(m)), int(n)) for a, m, n in found] == [
        ("armed_assault", dt.date(2026, 5, 1), 1),
        ("armed_assault;bombing", dt.date(2026, 5, 1), 1),
        ("armed_assault;bombing", dt.date(2026, 6, 1), 1),
    ]


EDGES = {
    "both ends inside months": (dt.date(2026, 3, 5), dt.date(2026, 5, 25)),
    "the start inside a month": (dt.date(2026, 3, 5), dt.date(2026, 4, 30)),
    "the end inside a month": (dt.date(2026, 4, 1), dt.date(2026, 5, 25)),
    "inside one month": (dt.date(2026, 3, 8), dt.date(2026, 3, 28)),
    # No whole week: two part weeks, each its week less a day or two.
    "across two weeks": (dt.date(2026, 3, 10), dt.date(2026, 3, 20)),
}


def _same_as_the_incidents(store: DatabaseStore, filters: Filters) -> None:
    """The database's groups and headline figures of ``filters`` (part months
    from the incidents, whole months from the monthly counts) equal those of
    the table read and filtered in memory."""
    filtered = apply_filters(store.frame(), filters)
    latest = latest_records(filtered)
    sums = headline_sums(store.engine, filters)
    assert sums.incidents == len(latest)
    for column in CASUALTY_FIELDS:
        wanted = figure(filtered, column)
        assert sums.figures[column] == type(wanted)(**{**vars(wanted), "earlier": ()})
    memory, sql = FrameGroups(latest), SqlGroups(store.engine, filters)
    assert sql.incidents() == memory.incidents()
    pd.testing.assert_frame_equal(sql.all_groups(10**9), memory.all_groups(10**9))
    for zoom in (3, 12):
        pd.testing.assert_frame_equal(
            sql.cells_in(None, zoom), memory.cells_in(None, zoom)
        )
    # Fewer groups asked than there are: told without them (from the points,
    # with no type chosen), then every one (the same object asked again).
    groups = len(memory.groups)
    for most in (0, groups - 1, groups):
        fresh = SqlGroups(store.engine, filters).all_groups(most)
        assert (fresh is None) == (memory.all_groups(most) is None), most
    assert (sql.all_groups(0) is None) == (groups > 0)
    pd.testing.assert_frame_equal(sql.all_groups(groups), memory.all_groups(groups))


@pytest.mark.parametrize("name", EDGES)
def test_part_months_give_what_the_incidents_give_after_writes(
    db_store: DatabaseStore, name: str
) -> None:
    store = db_store
    store.add(
        [
            _row(id="wave-1-march-edge", date="2026-03-10", killed_civilians="3"),
            _row(
                id="wave-1-march-moved",
                date="2026-03-12",
                injured="2",
                attack_types="armed_assault;bombing",
            ),
            _row(
                id="wave-1-march-end",
                date="2026-03-31",
                target_type="military",
                attack_types="bombing",
            ),
            _row(
                id="wave-1-april",
                date="2026-04-15",
                killed_security="1",
                attack_types="armed_assault;bombing",
            ),
            _row(
                id="wave-1-may-edge",
                date="2026-05-20",
                place="Gwadar",
                attack_types="bombing;hostage_kidnapping",
            ),
            _row(id="wave-1-may-late", date="2026-05-28", killed_civilians="8"),
        ],
        [GOOD_EVENT],
        author=EDITOR,
    )
    # Earlier revisions left in the part months' days: not counted.
    store.edit(
        "wave-1-march-edge",
        {
            "killed_civilians": "5",
            "target_type": "military",
            "attack_types": "armed_assault;bombing",
        },
        expected_version=store.version_of("wave-1-march-edge"),
        author=EDITOR,
    )
    store.edit(
        "wave-1-march-moved",
        {"date": "2026-05-27"},
        expected_version=store.version_of("wave-1-march-moved"),
        author=EDITOR,
    )
    # Retracted in a part month's days: not counted.
    retracted = store.add(
        [_row(id="wave-1-may-gone", date="2026-05-21", attack_types="bombing")],
        author=EDITOR,
    )
    store.undo(retracted.save_id, author=EDITOR, reason="not this wave")
    # A later report dated in a part month revising one there: the revised
    # record is not counted, the revising one is, with its carried figures.
    store.add(
        [
            _row(
                id="wave-1-may-edge-b",
                revises="wave-1-may-edge",
                date="2026-05-22",
                killed_civilians="",
                injured="6",
            )
        ],
        author=EDITOR,
    )
    _fresh(store)
    dates = EDGES[name]
    for filters in (
        Filters(dates=dates),
        Filters(target_types=("police_paramilitary", "military"), dates=dates),
        Filters(target_types=("police_paramilitary",), dates=dates),
        Filters(places=("Gwadar",), dates=dates),
        # Attack types chosen: an incident of two codes is one, whichever of
        # them (or both) are chosen; the revising record of another code
        # than the one it revises is in the selection of its own.
        Filters(attack_types=("bombing",), dates=dates),
        Filters(attack_types=("armed_assault", "bombing"), dates=dates),
        Filters(attack_types=("hostage_kidnapping",), dates=dates),
        Filters(
            target_types=("military",), attack_types=("armed_assault",), dates=dates
        ),
        Filters(attack_types=("armed_assault", "bombing")),
        Filters(attack_types=("hostage_kidnapping",), places=("Gwadar",)),
    ):
        _same_as_the_incidents(store, filters)


def _type_date_indexes(store: DatabaseStore) -> set[str]:
    """The indexes on revisions' (target_type, date), and the partial one on
    the revised incidents."""
    found = inspect(store.engine)
    return {
        index["name"]
        for index in found.get_indexes("incident_revisions")
        if [c for c in index["column_names"] if c] == ["target_type", "date"]
    } | {
        index["name"]
        for index in found.get_indexes("incidents")
        if index["name"] == "ix_incidents_revised"
    }


def test_the_part_months_index_carries_their_columns(db_store: DatabaseStore) -> None:
    """Migration 0011 replaces the index on (target_type, date) with one that
    carries, on PostgreSQL, every column a part month's rows are asked (they
    are read from the index alone), and indexes the revised incidents. Down
    and up again."""
    new, old = "ix_incident_revisions_type_date_rows", "ix_incident_revisions_type_date"
    revised = "ix_incidents_revised"
    assert _type_date_indexes(db_store) == {new, revised}
    alembic(db_store, command.downgrade, "0010_incident_months")
    assert _type_date_indexes(db_store) == {old}
    db_store.migrate()
    assert _type_date_indexes(db_store) == {new, revised}
    if db_store.engine.dialect.name == "postgresql":
        with db_store.engine.connect() as connection:
            definition = connection.execute(
                text("SELECT indexdef FROM pg_indexes WHERE indexname = :name"),
                {"name": new},
            ).scalar_one()
        assert definition.endswith(f"INCLUDE ({', '.join(EDGE_COLUMNS)})")


def test_saves_that_race_each_other_keep_the_counts(db_store: DatabaseStore) -> None:
    """Adds into one group and month, and edits moving other incidents into it,
    released at once from their own stores (as from several page processes):
    the rows they all add to are kept exact, with none lost to a race."""
    from tests.test_store_conflicts import race

    store = db_store
    movers = [f"wave-1-mover-{n}" for n in range(4)]
    store.add(
        [_row(id=i, place="Gwadar", date="2026-01-20") for i in movers],
        [GOOD_EVENT],
        author=EDITOR,
    )
    _fresh(store)
    before = _months(store)
    racers = [DatabaseStore(store.url) for _ in range(8)]
    adds = [
        functools.partial(
            racer.add, [_row(id=f"wave-1-racer-{n}")], author=f"r{n}@example.org"
        )
        for n, racer in enumerate(racers[:4])
    ]
    edits = [
        functools.partial(
            racer.edit,
            incident_id,
            {"place": "Quetta", "date": "2026-02-01"},
            expected_version=store.version_of(incident_id),
            author=f"e{n}@example.org",
        )
        for n, (racer, incident_id) in enumerate(zip(racers[4:], movers, strict=True))
    ]
    outcomes = race([*adds, *edits])
    assert not [o for o in outcomes if isinstance(o, Exception)]
    _fresh(store)
    after = _months(store)
    assert after[dt.date(2026, 2, 1)] == before[dt.date(2026, 2, 1)] + 8
    assert after.get(dt.date(2026, 1, 1), 0) == before[dt.date(2026, 1, 1)] - 4
