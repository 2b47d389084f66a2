"""The map asked of the database gives what the page's table gives: groups, cells,
headline figures, popup pages and the whole payload, for several selections,
views and zooms, on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import event, select, text

from components.domain.filters import Filters, apply_filters, target_type_options
from components.domain.model import CASUALTY_FIELDS, DEATH_FIELDS
from components.domain.summary import figure, headline
from components.domain.table import latest_records
from components.map.payload import build
from components.map.payload.build import FrameGroups, View, assemble_payload
from components.map.payload.pages import PAGE_SIZE, FrameSource
from components.map.payload.popups import earlier_figures, popup_incidents
from components.map.payload.viewless import viewless_layers
from components.store import DatabaseStore, open_store
from components.store.current_rows import reading
from components.store.group_rows import weighted_rows
from components.store.headline_sums import headline_sums
from components.store.map_groups import SqlGroups, SqlPages
from components.store.map_layers import bounds, sql_viewless
from components.store.months import read_part_months, split_by_month
from components.store.sql_page import filter_options
from tests.conftest import ROOT
from tests.harness.postgres_server import create_database
from tests.harness.synthetic_data import write_synthetic

SHIPPED_EVENT = "balochistan-2026-02-01"

FILTERS = {
    "everything": Filters(),
    "two types": Filters(target_types=("police_paramilitary", "military")),
    "places and dates": Filters(
        places=("Quetta", "Gwadar", "Turbat", "Balochistan"),
        dates=(dt.date(2025, 3, 1), dt.date(2025, 9, 30)),
    ),
    "an attack type": Filters(attack_types=("bombing",)),
    "places": Filters(places=("Quetta", "Gwadar", "Balochistan")),
    # A date range: the whole months from the monthly counts, the part months
    # at its ends from the incidents (the chain of revisions is on 30 October).
    "dates with part months": Filters(
        dates=(dt.date(2025, 3, 15), dt.date(2025, 10, 30))
    ),
    "two types, part months": Filters(
        target_types=("police_paramilitary", "military", "food_water"),
        dates=(dt.date(2025, 2, 10), dt.date(2025, 11, 5)),
    ),
    "days of one month": Filters(dates=(dt.date(2025, 10, 3), dt.date(2025, 10, 30))),
    # No whole week: two part weeks, each read as its week less a day or two.
    "days across two weeks": Filters(
        dates=(dt.date(2025, 10, 10), dt.date(2025, 10, 20))
    ),
    "two types, the end inside a month": Filters(
        target_types=("police_paramilitary", "military"),
        dates=(dt.date(2025, 4, 1), dt.date(2025, 8, 17)),
    ),
    "a place, the start inside a month": Filters(
        places=("Quetta", "Balochistan"),
        dates=(dt.date(2025, 3, 20), dt.date(2025, 6, 30)),
    ),
    "two types, days of one month": Filters(
        target_types=("police_paramilitary", "military"),
        dates=(dt.date(2025, 10, 3), dt.date(2025, 10, 30)),
    ),
    "whole months to the shipped event": Filters(
        dates=(dt.date(2025, 11, 1), dt.date(2026, 2, 28))
    ),
    "an attack type and dates": Filters(
        attack_types=("bombing",), dates=(dt.date(2025, 4, 2), dt.date(2025, 8, 20))
    ),
    # Incidents of two codes (TWO_CODES): one incident whichever of them, or
    # both, are chosen; the chain of revisions holds one of them.
    "two attack types": Filters(attack_types=("bombing", "armed_assault")),
    "an attack type, whole months": Filters(
        attack_types=("armed_assault",),
        dates=(dt.date(2025, 2, 1), dt.date(2025, 9, 30)),
    ),
    "two attack types, part months to the chain": Filters(
        attack_types=("hijacking", "armed_assault"),
        dates=(dt.date(2025, 3, 15), dt.date(2025, 10, 30)),
    ),
    "an attack type and two types, days of one month": Filters(
        target_types=("police_paramilitary", "military"),
        attack_types=("bombing",),
        dates=(dt.date(2025, 10, 3), dt.date(2025, 10, 30)),
    ),
    "an attack type in the shipped event": Filters(
        events=(SHIPPED_EVENT,), attack_types=("armed_assault",)
    ),
    "the shipped event": Filters(events=(SHIPPED_EVENT,)),
    "nothing": Filters(places=("Nowhere at all",)),
}
VIEWS = {
    "whole": None,
    "Quetta, zoom 9": View(30.0, 66.8, 30.4, 67.2, 9),
    "Balochistan, zoom 6": View(24.5, 60.5, 31.5, 70.5, 6),
    "region, zoom 4": View(20.0, 50.0, 40.0, 75.0, 4),
}


TWO_CODES = ("bombing;armed_assault", "armed_assault;hijacking")
"""What every fifth synthetic incident's attack types are (in turn)."""


def _revisions(incidents: pd.DataFrame) -> pd.DataFrame:
    """A chain of two later reports of one synthetic incident (the newest silent
    on civilians, so its figure is carried from the nearest report of it)."""
    first = incidents.iloc[1].copy()
    second = first.copy()
    second.update(
        {
            "id": "revision-a",
            "revises": first["id"],
            "killed_civilians": "",
            "killed_security": "7",
            "notes": "A later report.",
        }
    )
    third = second.copy()
    third.update(
        {
            "id": "revision-b",
            "revises": "revision-a",
            "killed_security": "",
            "injured": "12",
            "notes": "The latest report.",
        }
    )
    first["killed_civilians"] = "4"
    return pd.DataFrame([second, third])


@pytest.fixture(
    scope="module",
    params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
)
def store(request, tmp_path_factory) -> DatabaseStore:
    """A store of 3,000 synthetic incidents on towns (every fifth of two attack
    types), the shipped event (with its report-wide totals and province-wide
    rows) and a chain of revisions."""
    data = write_synthetic(tmp_path_factory.mktemp("data"), 3_000, layout="towns")
    synthetic = pd.read_csv(data / "incidents" / "synthetic.csv", dtype=str)
    synthetic = synthetic.fillna("")
    fifth = synthetic.index[::5]
    synthetic.loc[fifth, "attack_types"] = [
        TWO_CODES[i % len(TWO_CODES)] for i in range(len(fifth))
    ]
    synthetic.loc[1, "killed_civilians"] = "4"
    synthetic.loc[1, "attack_types"] = TWO_CODES[1]
    pd.concat([synthetic, _revisions(synthetic)], ignore_index=True).to_csv(
        data / "incidents" / "synthetic.csv", index=False
    )
    events = pd.concat(
        [
            pd.read_csv(data / "events.csv", dtype=str),
            pd.read_csv(ROOT / "data" / "events.csv", dtype=str),
        ]
    )
    events.to_csv(data / "events.csv", index=False)
    shipped = ROOT / "data" / "incidents" / f"{SHIPPED_EVENT}.csv"
    (data / "incidents" / shipped.name).write_bytes(shipped.read_bytes())
    for folder in ("gazetteer", "basemap"):
        if (ROOT / "data" / folder).exists():
            (data / folder).symlink_to(ROOT / "data" / folder)
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'incidents.sqlite'}"
    else:
        host, port = request.getfixturevalue("postgres_server")
        url = create_database(host, port, "sql_groups")
    opened, problems = open_store(Path(data), url)
    assert problems == []
    return opened


def _selection(store: DatabaseStore, filters: Filters) -> pd.DataFrame:
    return apply_filters(store.frame(), filters)


def test_the_data_hold_what_the_comparison_needs(store: DatabaseStore) -> None:
    frame = store.frame()
    latest = latest_records(frame)
    revised = latest.set_index("id").loc["revision-b"]
    assert revised["killed_civilians"] == 4  # carried two records back
    assert revised["killed_security"] == 7  # carried one record back
    assert (frame["figure_scope"] == "event").any()
    assert (frame["geo_precision"] == 3).any()
    assert len(latest) == len(frame) - 2
    assert set(TWO_CODES) <= set(frame["attack_types"])
    assert revised["attack_types"] == TWO_CODES[1]


@pytest.mark.parametrize("name", FILTERS)
def test_groups_cells_and_counts_agree(store: DatabaseStore, name: str) -> None:
    filters = FILTERS[name]
    latest = latest_records(_selection(store, filters))
    memory, sql = FrameGroups(latest), SqlGroups(store.engine, filters)
    assert sql.incidents() == memory.incidents()
    pd.testing.assert_frame_equal(sql.all_groups(10**9), memory.all_groups(10**9))
    assert sql.all_groups(5) is None or len(memory.groups) <= 5
    for view in VIEWS.values():
        wide = view.widened() if view else None
        _same_rows(sql.groups_in(wide, 10**9), memory.groups_in(wide, 10**9))
        for zoom in (3, 6, 9, 12):
            _same_rows(sql.cells_in(wide, zoom), memory.cells_in(wide, zoom))


def _same_rows(asked: pd.DataFrame, read: pd.DataFrame) -> None:
    """Equal frames; two empty ones (a view with nothing in it) need only
    the same columns (the text columns' types of no rows differ)."""
    if asked.empty and read.empty:
        assert list(asked.columns) == list(read.columns)
        return
    pd.testing.assert_frame_equal(asked, read)


@pytest.mark.parametrize("name", FILTERS)
def test_headline_sums_agree(store: DatabaseStore, name: str) -> None:
    filters = FILTERS[name]
    filtered = _selection(store, filters)
    expected = headline(filtered, store.events())
    sums = headline_sums(store.engine, filters)
    latest = latest_records(filtered)
    assert sums.incidents == len(latest)
    for column in DEATH_FIELDS:
        wanted = expected.deaths[column]
        assert sums.figures[column] == type(wanted)(**{**vars(wanted), "earlier": ()})
    injured = figure(filtered, "injured")
    assert sums.figures["injured"] == type(injured)(**{**vars(injured), "earlier": ()})
    assert set(sums.figures) == set(CASUALTY_FIELDS)
    assert sums.places_named == expected.places_named
    first = expected.first_date.date() if expected.first_date is not None else None
    last = expected.last_date.date() if expected.last_date is not None else None
    assert (sums.first_date, sums.last_date) == (first, last)


@pytest.mark.parametrize("name", FILTERS)
def test_popup_pages_agree(store: DatabaseStore, name: str) -> None:
    filters = FILTERS[name]
    filtered = _selection(store, filters)
    latest = latest_records(filtered)
    groups = FrameGroups(latest).groups
    if groups.empty:
        pytest.skip("no groups to click in this selection")
    largest = groups.iloc[[int(groups["count"].to_numpy().argmax())]]
    revised = latest[latest["id"] == "revision-b"]
    clicked = [largest, groups.iloc[: min(5, len(groups))]]
    if len(revised):
        row = revised.iloc[0]
        clicked.append(
            groups[(groups["lat"] == row["lat"]) & (groups["lon"] == row["lon"])]
        )
    memory = FrameSource(latest, earlier_figures(filtered))
    sql = SqlPages(store.engine, filters)
    for chosen in clicked:
        for start in (0, PAGE_SIZE, 10 * PAGE_SIZE):
            total, rows, history = memory.page(chosen, start, PAGE_SIZE)
            sql_total, sql_rows, sql_history = sql.page(chosen, start, PAGE_SIZE)
            assert sql_total == total
            assert popup_incidents(sql_rows, sql_history) == popup_incidents(
                rows, history
            )


@pytest.mark.parametrize("budgets", [(1_500, 50_000), (40, 400), (5, 10)])
@pytest.mark.parametrize(
    "name",
    [
        "everything",
        "two types",
        "the shipped event",
        "dates with part months",
        "a place, the start inside a month",
    ],
)
def test_payloads_agree(
    store: DatabaseStore, name: str, budgets: tuple[int, int], monkeypatch
) -> None:
    """Markers, points and cells (smaller budgets force the latter two)."""
    monkeypatch.setattr(build, "MAX_MARKERS", budgets[0])
    monkeypatch.setattr(build, "POINT_BUDGET", budgets[1])
    filters = FILTERS[name]
    frame = store.frame()
    latest = latest_records(apply_filters(frame, filters))
    viewless = viewless_layers(latest)
    types = target_type_options(frame)
    modes = set()
    for view in VIEWS.values():
        payloads = [
            assemble_payload(
                source,
                types,
                view,
                (),
                viewless,
                popups=lambda content, groups: f"?source={content}:{len(groups)}",
            )
            for source in (FrameGroups(latest), SqlGroups(store.engine, filters))
        ]
        modes.add(payloads[0]["mode"])
        assert json.dumps(payloads[1], sort_keys=True) == json.dumps(
            payloads[0], sort_keys=True
        )
    if budgets == (5, 10) and name != "the shipped event":
        assert "cells" in modes


@pytest.mark.parametrize(
    "name", ["two types, part months", "two types, the end inside a month"]
)
def test_part_months_are_read_from_the_index_alone(
    store: DatabaseStore, name: str
) -> None:
    """On PostgreSQL each range of part-month days of chosen target types is
    a range of the index on (target_type, date), read from the index alone
    (it carries the columns asked; the table vacuumed): not the rows of those
    days scattered over the whole table. (With no type chosen, 3,000 rows are
    read by date: a range per type is for larger tables.)"""
    if store.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL's plans")
    filters = FILTERS[name]
    edges = split_by_month(filters.dates).edges
    with store.engine.connect().execution_options(
        isolation_level="AUTOCOMMIT"
    ) as connection:
        # The test server commits asynchronously: a vacuum marks rows visible
        # to all only once their commits are on disk.
        connection.execute(text("CHECKPOINT"))
        connection.execute(text("VACUUM ANALYZE incident_revisions, incidents"))
    with reading(store.engine) as connection:
        # Seen whatever the planner thinks of 3,000 rows: what it can do.
        connection.execute(text("SET LOCAL enable_seqscan = off"))
        connection.execute(text("SET LOCAL enable_bitmapscan = off"))
        rows = weighted_rows(filters)
        statement = select(rows).compile(
            dialect=connection.dialect, compile_kwargs={"literal_binds": True}
        )
        plan = "\n".join(
            connection.execute(
                text(f"EXPLAIN (ANALYZE, COSTS OFF) {statement}")
            ).scalars()
        )
    scans = re.findall(
        r"Index Only Scan using ix_incident_revisions_type_date_rows .*\n"
        r"\s+Index Cond: (.*)\n(?:\s+Filter: .*\n)?(?:\s+Rows Removed .*\n)?"
        r"\s+Heap Fetches: (\d+)",
        plan,
    )
    for first, last in edges:  # (the other scans: the whole range's revisions)
        bounds = f"(date >= '{first}'::date) AND (date <= '{last}'::date)"
        assert [f for c, f in scans if bounds in c] == ["0"], plan


def _plans_of(store: DatabaseStore, work) -> str:
    """The plans (``EXPLAIN``, no costs) of every query ``work()`` sends,
    asked with sequential scans and bitmaps off: what the planner can do,
    whatever it thinks of 3,000 rows."""
    sent: list[tuple[str, object]] = []

    def keep(connection, cursor, statement, parameters, context, many) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            sent.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", keep)
    try:
        work()
    finally:
        event.remove(store.engine, "before_cursor_execute", keep)
    with reading(store.engine) as connection:
        connection.execute(text("SET LOCAL enable_seqscan = off"))
        connection.execute(text("SET LOCAL enable_bitmapscan = off"))
        return "\n".join(
            row[0]
            for statement, parameters in sent
            for row in connection.exec_driver_sql(
                f"EXPLAIN (COSTS OFF) {statement}", parameters
            )
        )


@pytest.mark.parametrize(
    "name",
    [
        "dates with part months",
        "days of one month",
        "a place, the start inside a month",
    ],
)
def test_every_type_of_a_range_is_read_per_point(
    store: DatabaseStore, name: str
) -> None:
    """On PostgreSQL, with no target type chosen, the statements of a date
    range's headline and cells read a row per place and whole month and per
    place and part-month day (``incident_point_months``, ``_days``), not the
    rows per target type of ``incident_months`` nor the incidents of the part
    months (1.6 million rows, seconds, at ten million)."""
    if store.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL's plans")
    filters = FILTERS[name]

    def ask() -> None:
        headline_sums(store.engine, filters)
        SqlGroups(store.engine, filters).cells_in(None, 6)

    every = _plans_of(store, ask)
    assert "on incident_point_days" in every, every
    for read in ("on incident_months", "on incident_revisions plain_r"):
        assert read not in every, every


@pytest.mark.parametrize("name", ["everything", "places"])
def test_every_type_of_all_days_is_read_per_place(
    store: DatabaseStore, name: str
) -> None:
    """With no date range and no target type chosen (the page's first view),
    the headline, the cells, the place and heat tables, the bounds, the number
    of incidents and the filters' places read a row per place
    (``incident_points``), not the rows per target type of
    ``incident_groups`` (90,531 rows at ten million, five times a cold open)."""
    filters = FILTERS[name]
    sent: list[str] = []

    def keep(connection, cursor, statement, parameters, context, many) -> None:
        sent.append(statement)

    event.listen(store.engine, "before_cursor_execute", keep)
    try:
        headline_sums(store.engine, filters)
        groups = SqlGroups(store.engine, filters)
        groups.cells_in(None, 6)
        groups.incidents()
        sql_viewless(store.engine, filters)
        bounds(store.engine, filters)
        filter_options(store.engine)
    finally:
        event.remove(store.engine, "before_cursor_execute", keep)
    questions = [s for s in sent if s.lstrip().upper().startswith(("SELECT", "WITH"))]
    assert len(questions) >= 7
    assert all("incident_points" in s for s in questions if "GROUP BY" in s), sent
    assert not [s for s in questions if "incident_groups" in s], sent


@pytest.mark.parametrize(
    "name",
    [
        "an attack type",
        "two attack types",
        "an attack type, whole months",
        "two attack types, part months to the chain",
    ],
)
def test_attack_types_are_read_from_their_counts(
    store: DatabaseStore, name: str
) -> None:
    """With attack types chosen, the headline, the map's groups, the cells and
    the number of incidents add up the rows of the combinations of attack
    types holding a chosen code: ``incident_attack_groups`` with no date
    range, ``incident_attack_months`` for a range's whole months (at a
    million, every incident of the selection read one by one took 0.52 to
    0.66 s). On PostgreSQL those rows are read by the key's index, the
    combinations its condition."""
    filters = FILTERS[name]
    sent: list[str] = []

    def keep(connection, cursor, statement, parameters, context, many) -> None:
        sent.append(statement)

    def ask() -> None:
        headline_sums(store.engine, filters)
        groups = SqlGroups(store.engine, filters)
        groups.all_groups(10**9)
        groups.cells_in(None, 6)
        groups.incidents()

    event.listen(store.engine, "before_cursor_execute", keep)
    try:
        ask()
    finally:
        event.remove(store.engine, "before_cursor_execute", keep)
    table = "incident_attack_months" if filters.dates else "incident_attack_groups"
    summed = [s for s in sent if "GROUP BY" in s or "sum(" in s]
    assert len(summed) >= 4, sent
    assert all(f"FROM {table}" in s for s in summed), summed
    assert not [s for s in sent if "FROM incident_groups" in s], sent
    if store.engine.dialect.name != "postgresql":
        return
    with store.engine.connect().execution_options(
        isolation_level="AUTOCOMMIT"
    ) as connection:
        connection.execute(text("CHECKPOINT"))
        connection.execute(text(f"VACUUM ANALYZE {table}, incident_kinds"))
    plan = _plans_of(store, ask)
    assert re.search(
        rf"Index (?:Only )?Scan using pk_{table} on {table}.*\n"
        r"\s+Index Cond: \(\(?attack_types = ",
        plan,
    ), plan


@pytest.mark.parametrize("name", ["dates with part months", "days of one month"])
def test_every_types_part_months_are_read_a_type_at_a_time(
    store: DatabaseStore, name: str
) -> None:
    """On PostgreSQL, with no target type chosen, the map's groups read the
    part months' days outside their whole weeks (or the days of a part week
    taken out of it) of each type by a range of the index on (target_type,
    date), the type and the days its condition:
    asked for every type at once, they were read by the index on (date, lat,
    lon) and fetched from the table (2.3 s at ten million, 1.2 s a type at a
    time)."""
    if store.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL's plans")
    filters = FILTERS[name]
    plan = _plans_of(store, lambda: SqlGroups(store.engine, filters).all_groups(10**9))
    conditions = re.findall(
        r"Index (?:Only )?Scan using ix_incident_revisions_type_date_rows .*\n"
        r"\s+Index Cond: (.*)",
        plan,
    )
    read = read_part_months(split_by_month(filters.dates).edges)
    days = [*read.days, *read.days_taken]
    assert days
    for first, last in days:
        bounds = f"(date >= '{first}'::date) AND (date <= '{last}'::date)"
        assert [c for c in conditions if bounds in c and "target_type" in c], plan


@pytest.mark.parametrize(
    ("name", "tables"),
    [
        ("dates with part months", ("incident_months", "incident_weeks")),
        ("days of one month", ("incident_months",)),
        ("days across two weeks", ("incident_weeks",)),
        ("two types, part months", ("incident_months", "incident_weeks")),
        ("two types, the end inside a month", ("incident_weeks",)),
    ],
)
def test_part_months_are_read_from_their_counts(
    store: DatabaseStore, name: str, tables: tuple[str, ...]
) -> None:
    """The map's groups of a date range cutting months read the part months
    from the counts, and only the days left over from the incidents: a part
    month holding more days than the rest of its month as its whole month
    less that rest (the 3rd to the 30th: October less the 1st, the 2nd and
    the 31st), else as its whole weeks of the month (at ten million, with no
    type chosen, the 42 days of a range's part months were 1.15 million
    incidents read and grouped: 1.15 to 1.60 s the payload)."""
    filters = FILTERS[name]
    sent: list[str] = []

    def keep(connection, cursor, statement, parameters, context, many) -> None:
        sent.append(statement)

    event.listen(store.engine, "before_cursor_execute", keep)
    try:
        SqlGroups(store.engine, filters).all_groups(10**9)
    finally:
        event.remove(store.engine, "before_cursor_execute", keep)
    grouped = [s for s in sent if "GROUP BY" in s and "count(*) OVER" in s]
    assert len(grouped) == 1, sent
    for table in tables:
        assert f"FROM {table}" in grouped[0], grouped[0]
    read = read_part_months(split_by_month(filters.dates).edges)
    assert sum((b - a).days + 1 for a, b in (*read.days, *read.days_taken)) <= 6


def test_too_many_points_are_told_from_the_whole_months(store: DatabaseStore) -> None:
    """With no target type chosen, a date range whose whole months alone hold
    more points than the budget is told to have too many groups from those
    months' rows per place (``incident_point_months``), without the part
    months' rows per place and day nor any group."""
    filters = FILTERS["dates with part months"]
    sent: list[str] = []

    def keep(connection, cursor, statement, parameters, context, many) -> None:
        sent.append(statement)

    event.listen(store.engine, "before_cursor_execute", keep)
    try:
        assert SqlGroups(store.engine, filters).all_groups(0) is None
    finally:
        event.remove(store.engine, "before_cursor_execute", keep)
    asked = [s for s in sent if s.lstrip().upper().startswith(("SELECT", "WITH"))]
    assert len(asked) == 1, sent
    assert "incident_point_months" in asked[0], asked
    assert "incident_point_days" not in asked[0], asked


def test_whole_months_in_a_view_are_read_from_an_index(store: DatabaseStore) -> None:
    """On PostgreSQL, the map's groups in a view read a range's whole months
    from the index on ``incident_months (month, lat, lon)`` alone, the months
    and the view's latitudes its condition (a parallel scan of the whole
    table before: 0.10 s of the view's groups at ten million)."""
    if store.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL's plans")
    with store.engine.connect().execution_options(
        isolation_level="AUTOCOMMIT"
    ) as connection:
        connection.execute(text("CHECKPOINT"))
        connection.execute(text("VACUUM ANALYZE incident_months"))
    filters = FILTERS["dates with part months"]
    view = View(24.5, 60.5, 31.5, 70.5, 6)
    plan = _plans_of(
        store, lambda: SqlGroups(store.engine, filters).groups_in(view, 10**9)
    )
    assert re.search(
        r"Index Only Scan using ix_incident_months_month_point on incident_months"
        r".*\n\s+Index Cond: \(\(month >= .*\(lat >= ",
        plan,
    ), plan


def test_points_within_the_budget_are_told_from_the_places(
    store: DatabaseStore,
) -> None:
    """With no target type chosen and a date range, a view whose places hold
    fewer points on any day than the budget is asked its groups without the
    part months' rows per place and day being counted first."""
    filters = FILTERS["dates with part months"]
    sent: list[str] = []

    def keep(connection, cursor, statement, parameters, context, many) -> None:
        sent.append(statement)

    event.listen(store.engine, "before_cursor_execute", keep)
    try:
        groups = SqlGroups(store.engine, filters).groups_in(None, 10**9)
    finally:
        event.remove(store.engine, "before_cursor_execute", keep)
    assert groups is not None
    assert len(groups)
    assert not [s for s in sent if "incident_point_days" in s], sent
