"""Flying the map to one incident: which row of the payload holds it in each of
the map's modes, and which record a revised one opens."""

from __future__ import annotations

import base64

import numpy as np
import pandas as pd
import pytest

from components.domain.table import latest_records
from components.map.focus import drawn_record, focus_call, focus_layer
from components.map.folium_map import map_payload
from components.map.payload import build
from components.map.payload.build import View
from tests.harness.synthetic_data import spread_frame

PRISON = "balochistan-2026-02-01-mastung-prison"
MASTUNG = (29.79966, 66.84553)


def strings_of_row(payload: dict, row: int, key: str) -> str:
    column = payload["rows"][key]
    index = column[row] if isinstance(column, list) else column
    return payload["strings"][index]


def decoded(points: dict, key: str, dtype: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(points[key]), dtype=dtype)


def test_markers_mode_names_the_row_a_marker_holds(seed_frame):
    payload = map_payload(seed_frame)
    call = focus_call(
        payload, latest_records(seed_frame), seed_frame, None, PRISON, "1"
    )
    assert call["payload"] == payload["id"]
    assert (round(call["lat"], 5), round(call["lon"], 5)) == MASTUNG
    assert call["zoom"] == 11
    assert strings_of_row(payload, call["row"], "place") == "Mastung"
    (holder,) = [m for m in payload["markers"] if call["row"] in m["rows"]]
    assert (holder["lat"], holder["lon"]) == pytest.approx(MASTUNG)


def test_a_province_wide_record_flies_less_close(seed_frame):
    latest = latest_records(seed_frame)
    totals = "balochistan-2026-02-01-province-totals"
    call = focus_call(map_payload(seed_frame), latest, seed_frame, None, totals, "1")
    assert call["zoom"] == 7


@pytest.fixture
def many(monkeypatch) -> pd.DataFrame:
    """Spread incidents, too many groups for markers (the budgets made small)."""
    monkeypatch.setattr(build, "MAX_MARKERS", 50)
    monkeypatch.setattr(build, "POINT_BUDGET", 300)
    frame = spread_frame(2_000)
    frame["current"] = True
    frame["target_label"] = frame["target_type"]
    frame["attack_labels"] = frame["attack_types"]
    return frame


def around(lat: float, lon: float, size: float, zoom: int = 12) -> View:
    return View(lat - size, lon - size, lat + size, lon + size, zoom)


def test_points_mode_names_the_row_of_the_point(many):
    target = many.iloc[1234]
    view = around(target["lat"], target["lon"], 0.05)
    payload = map_payload(many, view=view)
    assert payload["mode"] == "points"
    call = focus_call(payload, latest_records(many), many, view, target["id"], "1")
    rows = decoded(payload["points"], "row", "<u4")
    (position,) = np.flatnonzero(rows == call["row"])
    lat = decoded(payload["points"], "lat", "<f4")[position]
    assert lat == pytest.approx(target["lat"], abs=1e-4)


def test_a_point_outside_what_was_sent_is_flown_to_without_a_row(many):
    target = many.iloc[10]
    view = around(target["lat"] + 3, target["lon"] + 3, 0.05)
    payload = map_payload(many, view=view)
    call = focus_call(payload, latest_records(many), many, view, target["id"], "1")
    assert call["row"] == -1
    assert (call["lat"], call["lon"]) == (target["lat"], target["lon"])


def test_cells_mode_flies_without_a_row(many):
    payload = map_payload(many)
    assert payload["mode"] == "cells"
    target = many.iloc[7]
    call = focus_call(payload, latest_records(many), many, None, target["id"], "1")
    assert call["row"] == -1


def test_a_revised_record_opens_the_record_that_revises_it(seed_frame):
    frame = seed_frame.copy()
    later = frame[frame["id"] == PRISON].assign(id="prison-later", revises=PRISON)
    frame = pd.concat([frame, later], ignore_index=True)
    frame["current"] = ~frame["id"].isin(frame["revises"])
    latest = latest_records(frame)
    assert drawn_record(latest, frame, PRISON) == "prison-later"
    payload = map_payload(frame)
    call = focus_call(payload, latest, frame, None, PRISON, "1")
    assert latest.iloc[call["row"]]["id"] == "prison-later"


def test_a_record_outside_the_selection_gets_no_call(seed_frame):
    mastung = seed_frame[seed_frame["place"] == "Quetta"]
    payload = map_payload(mastung)
    assert (
        focus_call(payload, latest_records(mastung), mastung, None, PRISON, "1") is None
    )


def test_the_focus_layer_calls_the_script_with_its_data(seed_frame):
    call = focus_call(
        map_payload(seed_frame),
        latest_records(seed_frame),
        seed_frame,
        None,
        PRISON,
        "n",
    )
    layer = focus_layer(call)
    assert not layer.control
    (data,) = layer._children.values()
    assert data.function == "focus"
    assert f'"row":{call["row"]}' in data.arguments
