"""Flying the map to one incident: which group of the payload holds it in each of
the map's modes and its page in the group's popup, and which record a revised one
opens."""

from __future__ import annotations

import base64

import numpy as np
import pandas as pd
import pytest

from components.domain.table import latest_records
from components.map.focus import drawn_record, focus_call, focus_layer
from components.map.folium_map import map_payload
from components.map.payload import build
from components.map.payload.build import FrameGroups, View, choose_mode
from components.map.payload.pages import FrameSource
from tests.harness.synthetic_data import spread_frame

PRISON = "balochistan-2026-02-01-mastung-prison"
MASTUNG = (29.79966, 66.84553)


def popup_incident(latest: pd.DataFrame, view: View | None, call: dict) -> str:
    """The id of the incident the popup's page ``call["index"]`` of the call's
    group shows, as the app serves it."""
    _, groups = choose_mode(FrameGroups(latest), view)
    total, rows, _ = FrameSource(latest, {}).page(
        groups.iloc[[call["group"]]], call["index"], 1
    )
    assert total == call["count"]
    return rows.iloc[0]["id"]


def decoded(points: dict, key: str, dtype: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(points[key]), dtype=dtype)


def test_markers_mode_names_the_group_of_the_marker(seed_frame):
    payload = map_payload(seed_frame)
    latest = latest_records(seed_frame)
    call = focus_call(payload, latest, seed_frame, None, PRISON, "1")
    assert call["payload"] == payload["id"]
    assert (round(call["lat"], 5), round(call["lon"], 5)) == MASTUNG
    assert call["zoom"] == 11
    (holder,) = [m for m in payload["markers"] if m["group"] == call["group"]]
    assert (holder["lat"], holder["lon"]) == pytest.approx(MASTUNG)
    assert payload["strings"][holder["place"]] == "Mastung"
    assert holder["count"] == call["count"]
    assert popup_incident(latest, None, call) == PRISON


def test_an_incident_among_many_at_its_point_opens_at_its_page(seed_frame):
    prison = seed_frame[seed_frame["id"] == PRISON]
    others = [
        prison.assign(id=f"prison-{day}", date=pd.Timestamp(2026, 1, day))
        for day in (3, 9, 27)
    ]
    frame = pd.concat([seed_frame, *others], ignore_index=True)
    frame = frame.sort_values(["date", "id"], ignore_index=True)
    latest = latest_records(frame)
    for record in ("prison-3", "prison-27", PRISON):
        call = focus_call(map_payload(frame), latest, frame, None, record, "1")
        assert call["count"] == 4
        assert popup_incident(latest, None, call) == record


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


def test_points_mode_names_the_group_of_the_point(many):
    target = many.iloc[1234]
    view = around(target["lat"], target["lon"], 0.05)
    payload = map_payload(many, view=view)
    assert payload["mode"] == "points"
    latest = latest_records(many)
    call = focus_call(payload, latest, many, view, target["id"], "1")
    lat = decoded(payload["points"], "lat", "<f4")[call["group"]]
    assert lat == pytest.approx(target["lat"], abs=1e-4)
    assert popup_incident(latest, view, call) == target["id"]


def test_a_point_outside_what_was_sent_is_flown_to_without_a_group(many):
    target = many.iloc[10]
    view = around(target["lat"] + 3, target["lon"] + 3, 0.05)
    payload = map_payload(many, view=view)
    call = focus_call(payload, latest_records(many), many, view, target["id"], "1")
    assert call["group"] == -1
    assert (call["lat"], call["lon"]) == (target["lat"], target["lon"])


def test_cells_mode_flies_without_a_group(many):
    payload = map_payload(many)
    assert payload["mode"] == "cells"
    target = many.iloc[7]
    call = focus_call(payload, latest_records(many), many, None, target["id"], "1")
    assert call["group"] == -1


def test_a_revised_record_opens_the_record_that_revises_it(seed_frame):
    frame = seed_frame.copy()
    later = frame[frame["id"] == PRISON].assign(id="prison-later", revises=PRISON)
    frame = pd.concat([frame, later], ignore_index=True)
    frame["current"] = ~frame["id"].isin(frame["revises"])
    latest = latest_records(frame)
    assert drawn_record(latest, frame, PRISON) == "prison-later"
    payload = map_payload(frame)
    call = focus_call(payload, latest, frame, None, PRISON, "1")
    assert popup_incident(latest, None, call) == "prison-later"


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
    assert f'"group":{call["group"]}' in data.arguments
