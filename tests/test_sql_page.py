"""The page asked of the database (``INCIDENT_MAP_SQL_ABOVE``): on SQLite and on a
real PostgreSQL server, the page started with the threshold at 0 shows the
headline figures and sends the map payload the page reading the table shows and
sends on the same data, and never reads the table."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from components.domain import share_link
from components.domain.filters import Filters, apply_filters, event_labels, plainest
from components.domain.layers import HEAT_KEY
from components.domain.table import latest_records
from components.map.payload.viewless import data_bounds, heat_table, place_table
from components.store import DATA_DIR_VARIABLE, DATABASE_URL_VARIABLE, open_store
from components.store.map_layers import bounds, heat_rows, place_rows
from components.store.sql_page import (
    POSTGRES_SQL_ABOVE,
    SQL_ABOVE_VARIABLE,
    filter_options,
    newest_rows,
    page_mode,
    sql_threshold,
)
from tests.conftest import ROOT
from tests.harness.synthetic_data import LABEL, write_synthetic
from tests.test_app import payload, whole_page

READ_THE_TABLE = "is read into this process"
"""What the store logs whenever the page reads the incident table."""


def test_the_threshold_is_a_setting_with_a_default_per_database() -> None:
    assert sql_threshold("postgresql", {}) == POSTGRES_SQL_ABOVE
    assert sql_threshold("sqlite", {}) is None
    assert sql_threshold("sqlite", {SQL_ABOVE_VARIABLE: "0"}) == 0
    assert sql_threshold("postgresql", {SQL_ABOVE_VARIABLE: "1,500,000"}) == 1_500_000
    assert sql_threshold("postgresql", {SQL_ABOVE_VARIABLE: "never"}) is None
    assert sql_threshold("postgresql", {SQL_ABOVE_VARIABLE: "lots"}) == (
        POSTGRES_SQL_ABOVE
    )
    assert sql_threshold("sqlite", {SQL_ABOVE_VARIABLE: "-3"}) is None


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """2,000 synthetic incidents on towns (more groups than markers: points)
    and the shipped event, with its report-wide totals and revisions."""
    directory = write_synthetic(tmp_path / "data", 2_000, layout="towns")
    events = pd.concat(
        [
            pd.read_csv(directory / "events.csv", dtype=str),
            pd.read_csv(ROOT / "data" / "events.csv", dtype=str),
        ]
    )
    events.to_csv(directory / "events.csv", index=False)
    for shipped in (ROOT / "data" / "incidents").glob("*.csv"):
        (directory / "incidents" / shipped.name).write_bytes(shipped.read_bytes())
    for folder in ("gazetteer", "basemap"):
        if (ROOT / "data" / folder).exists():
            (directory / folder).symlink_to(ROOT / "data" / folder)
    return directory


def test_the_store_answers_what_the_table_gives(database_url: str, data: Path):
    store, problems = open_store(data, database_url)
    assert problems == []
    frame, events = store.frame(), store.events()
    assert share_link.option_terms(
        filter_options(store.engine), events
    ) == share_link.link_terms(frame, events)
    for filters in (
        Filters(),
        Filters(target_types=("military", "market")),
        # Whole months from the monthly counts, part months from the incidents.
        Filters(dates=(dt.date(2025, 3, 15), dt.date(2025, 10, 30))),
        Filters(
            target_types=("military", "market"),
            dates=(dt.date(2025, 2, 1), dt.date(2025, 9, 12)),
        ),
    ):
        latest = latest_records(apply_filters(frame, filters))
        pd.testing.assert_frame_equal(
            place_rows(store.engine, filters), place_table(latest)
        )
        pd.testing.assert_frame_equal(
            heat_rows(store.engine, filters), heat_table(latest)
        )
        assert bounds(store.engine, filters) == data_bounds(latest)
        newest = newest_rows(store.engine, filters, 50)
        expected = latest.sort_values(["date", "id"], ascending=False).head(50)
        assert newest["id"].tolist() == expected["id"].tolist()
    assert page_mode(store.engine, {SQL_ABOVE_VARIABLE: "0"}).sql
    assert not page_mode(store.engine, {SQL_ABOVE_VARIABLE: str(len(frame))}).sql
    assert not page_mode(store.engine, {}).sql  # small: the table, on either


def _page(
    threshold: str, monkeypatch, caplog, **params: str | list[str]
) -> tuple[AppTest, list[str]]:
    """The page run (twice: its first run draws the head and map only) with
    the threshold ``threshold`` and a link's ``params``; what it logged."""
    monkeypatch.setenv(SQL_ABOVE_VARIABLE, threshold)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    for name, value in params.items():
        at.query_params[name] = value
    caplog.clear()
    logs = logging.getLogger("components")  # the app's lines do not propagate
    logs.addHandler(caplog.handler)
    try:
        with caplog.at_level(logging.INFO, logger="components"):
            whole_page(at.run())
    finally:
        logs.removeHandler(caplog.handler)
    return at, [record.getMessage() for record in caplog.records]


def _shown(at: AppTest) -> tuple[dict, dict]:
    """The headline cards' values and the payload, less what names the page's
    own popup address (a token per page)."""
    sent = payload(at)
    for key in ("id", "popup"):
        sent.pop(key)
    return {m.label: m.value for m in at.metric}, sent


def test_the_page_asks_the_database_and_shows_what_the_table_shows(
    database_url: str, data: Path, monkeypatch, caplog
) -> None:
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(data))
    monkeypatch.setenv(DATABASE_URL_VARIABLE, database_url)
    store, _ = open_store(data, database_url)
    synthetic = next(
        label for label in event_labels(store.events()).values() if LABEL in label
    )
    views = {
        "the latest event": {},
        "the synthetic event": {"event": synthetic},
        "two target types, heat": {
            "event": synthetic,
            "target": ["Military", "Markets"],
            "layers": [HEAT_KEY, "deaths", "names"],
        },
        "a date range with part months": {
            "event": synthetic,
            "dates": ["2025-04-10", "2025-11-20"],
        },
    }
    asked = {}
    for name, params in views.items():  # first: no table read yet for this store
        asked[name], said = _page("0", monkeypatch, caplog, **params)
        assert not [line for line in said if READ_THE_TABLE in line], name
        if name == "the latest event":  # then kept per saved version
            assert any("the page asks the database" in line for line in said)
        assert any(SQL_ABOVE_VARIABLE in i.value for i in asked[name].info)
        (listed,) = asked[name].dataframe
        assert 0 < len(listed.value) <= 200
    modes = set()
    for name, params in views.items():
        memory, said = _page("never", monkeypatch, caplog, **params)
        if name == "the latest event":  # then kept for the page's later runs
            assert any(READ_THE_TABLE in line for line in said)
        figures, sent = _shown(memory)
        asked_figures, asked_sent = _shown(asked[name])
        assert asked_figures == figures, name
        assert json.dumps(asked_sent, sort_keys=True) == json.dumps(
            sent, sort_keys=True
        ), name
        modes.add(sent["mode"])
    assert modes == {"markers", "points"}
    shown = {name: _shown(at)[0] for name, at in asked.items()}
    assert shown["a date range with part months"] != shown["the synthetic event"]


def test_choosing_every_event_and_nothing_else_is_asked_as_no_filter() -> None:
    assert plainest(Filters(events=("a", "b")), ["a", "b"]) == Filters()
    assert plainest(Filters(), ["a"]) == Filters()
    assert plainest(Filters(events=("a",)), ["a", "b"]) == Filters(events=("a",))
    chosen = Filters(places=("Quetta",), events=("a", "b"))
    assert plainest(chosen, ["a", "b"]) == chosen
