import base64
import json

import numpy as np
import pandas as pd
import pytest

from components.domain.table import complete_frame, latest_records
from components.domain.vocabularies import GeoPrecision
from components.map.payload.build import (
    MAX_MARKERS,
    PAYLOAD_BUDGET,
    POINT_BUDGET,
    View,
    build_payload,
)
from components.map.payload.columns import StringTable
from components.map.payload.groups import (
    GROUP_KEYS,
    TableGroups,
    first_seen_numbers,
    in_groups,
    point_groups,
)
from components.map.payload.json_text import payload_script, script_json
from components.map.payload.markers import stack_offsets
from components.map.payload.viewless import (
    death_circles,
    death_radius,
    heat_points,
    place_labels,
    place_table,
    viewless_layers,
)
from tests.harness.synthetic_data import spread_frame


def payload_of(frame, **options):
    latest = latest_records(frame)
    return build_payload(latest, list(latest["target_type"].unique()), **options)


def column(inline, key, i):
    values = inline["rows"][key]
    return values if isinstance(values, int) else values[i]


def test_one_marker_per_target_type_and_point(seed_frame):
    payload = payload_of(seed_frame)
    assert payload["mode"] == "markers"
    assert len(payload["markers"]) == len(seed_frame)  # one row per place and type
    types = [t["code"] for t in payload["types"]]
    (prison,) = [m for m in payload["markers"] if types[m["type"]] == "prison"]
    assert (prison["lat"], prison["lon"], prison["wide"]) == (29.79966, 66.84553, False)
    assert payload["strings"][prison["place"]] == "Mastung"
    assert (prison["count"], prison["deaths"]) == (1, -1)
    assert [m["group"] for m in payload["markers"]] == list(range(len(seed_frame)))


def test_the_page_payload_carries_no_incident_text(seed_frame):
    payload = payload_of(seed_frame, popups=lambda content, groups: "/popup?x")
    assert payload["inline"] is None
    assert payload["popup"] == "/popup?x"
    written = payload_script(payload)
    for text in seed_frame["source_title"].unique():
        assert text not in written


def test_a_map_files_popups_carry_text_once_and_unknown_counts_as_minus_one(
    seed_frame,
):
    payload = payload_of(seed_frame, inline=True)
    inline = payload["inline"]
    strings = inline["strings"]
    assert len(strings) == len(set(strings))
    types = [t["code"] for t in payload["types"]]
    (prison,) = [m for m in payload["markers"] if types[m["type"]] == "prison"]
    (row,) = inline["members"][prison["group"]]
    assert strings[column(inline, "place", row)] == "Mastung"
    assert strings[column(inline, "target", row)] == "Prison"
    counts = [column(inline, f["key"], row) for f in payload["counts"]]
    assert counts == [-1, -1, -1, -1, -1]
    assert "free inmates" in strings[column(inline, "excerpt", row)]
    rows = range(len(seed_frame))
    (totals,) = [i for i in rows if column(inline, "killed_civilians", i) == 31]
    assert column(inline, "killed_security", totals) == 17
    nushki = next(i for i in rows if strings[column(inline, "place", i)] == "Nushki")
    assert strings[column(inline, "reported_as", nushki)] == "Noshki"
    assert "earlier" not in inline["rows"]  # no revisions in the seed
    # A column with one value for every row travels as that value.
    assert inline["rows"]["date"] == strings.index("01 Feb 2026 (within a week)")


def test_labels_and_styles_travel_in_the_payload(seed_frame):
    payload = payload_of(seed_frame)
    assert {f["key"] for f in payload["counts"]} >= {"killed_civilians", "injured"}
    assert payload["words"]["notReported"] == "not reported"
    shapes = {c["shape"] for c in payload["classes"]}
    assert shapes <= set(payload["shapes"])
    assert all(0 <= t["cls"] < len(payload["classes"]) for t in payload["types"])


def test_the_same_data_give_the_same_payload_id(seed_frame):
    assert payload_of(seed_frame)["id"] == payload_of(seed_frame)["id"]
    fewer = seed_frame[seed_frame["place"] != "Quetta"]
    assert payload_of(fewer)["id"] != payload_of(seed_frame)["id"]


def test_the_payload_written_for_the_page_is_the_payload(seed_frame):
    payload = payload_of(seed_frame)
    written = payload_script(payload)
    assert json.loads(written) == json.loads(json.dumps(payload))
    assert "</" not in written
    changed = {**payload, "note": "</script> changed after its id"}
    assert json.loads(payload_script(changed))["note"] == changed["note"]


def test_the_same_payload_is_written_as_the_same_text(seed_frame):
    # The page redraws every incident layer when their script changes, so a
    # payload written again (not by the call that built it) reads the same.
    payload = payload_of(seed_frame)
    assert payload_script(dict(payload)) == payload_script(payload)
    assert payload_script(payload_of(seed_frame)) == payload_script(payload)


def test_layers_given_to_the_payload_are_the_ones_it_would_work_out(seed_frame):
    latest = latest_records(seed_frame)
    types = list(latest["target_type"].unique())
    view = View(25.0, 60.0, 32.0, 70.0, 7)
    given = build_payload(
        latest, types, view=view, viewless=viewless_layers(latest, latest)
    )
    assert given == build_payload(latest, types, view=view)


def spread(size: int) -> pd.DataFrame:
    return complete_frame(spread_frame(size))


def test_many_distinct_points_go_as_typed_arrays():
    frame = spread(MAX_MARKERS * 3)
    payload = payload_of(frame)
    assert payload["mode"] == "points"
    points = payload["points"]
    lat = np.frombuffer(base64.b64decode(points["lat"]), dtype="<f4")
    sizes = np.frombuffer(base64.b64decode(points["size"]), dtype="<u4")
    assert points["count"] == len(frame) == len(lat)
    groups = point_groups(latest_records(frame))
    assert np.allclose(lat, groups["lat"].to_numpy(), atol=1e-5)
    assert sizes.tolist() == groups["count"].tolist() == [1] * len(frame)
    assert payload["markers"] == []


def test_more_than_the_budget_in_view_is_counted_per_cell(monkeypatch):
    monkeypatch.setattr("components.map.payload.build.POINT_BUDGET", 2_000)
    frame = spread(6_000)
    view = View(24.0, 60.0, 33.0, 71.0, zoom=6)
    payload = payload_of(frame, view=view)
    assert payload["mode"] == "cells"
    assert sum(c["count"] for c in payload["cells"]) == len(frame)
    assert payload["points"] is None
    assert "Zoom in" in payload["note"]
    # Zoomed in on a corner, the points in view fit the budget again.
    corner = View(26.0, 62.0, 26.5, 62.5, zoom=11)
    assert payload_of(frame, view=corner)["mode"] == "points"


def test_the_budget_is_about_what_is_in_view():
    assert POINT_BUDGET >= 20_000
    frame = spread(MAX_MARKERS * 2)
    far_away = View(-10.0, 0.0, -9.0, 1.0, zoom=9)
    payload = payload_of(frame, view=far_away)
    assert payload["points"]["count"] == 0
    assert payload["bounds"] is not None, "fit still shows the whole selection"


def test_markers_sharing_a_point_are_fanned_out():
    groups = pd.DataFrame({"lat": [1.0, 1.0, 2.0], "lon": [3.0, 3.0, 4.0]})
    offsets = stack_offsets(groups)
    assert offsets.iloc[2].tolist() == [0.0, 0.0]
    assert offsets.iloc[0].tolist() != offsets.iloc[1].tolist()


def test_province_totals_are_one_dashed_circle_with_its_number(seed_frame):
    (circle,) = death_circles(latest_records(seed_frame))
    assert circle["wide"] is True
    assert circle["total"] == 31 + 17 + 145
    assert circle["radius"] == death_radius(31 + 17 + 145)
    assert (
        circle["lines"][0] == "Balochistan: province-wide totals, not tied to any place"
    )
    assert "Civilians killed: 31" in circle["lines"]


def test_death_circle_area_is_proportional():
    assert death_radius(400) == pytest.approx(2 * death_radius(100))


def test_labels_and_heat(seed_frame):
    latest = latest_records(seed_frame)
    assert {label["text"] for label in place_labels(latest)} == {
        "Quetta",
        "Gwadar",
        "Mastung",
        "Nushki",
        "Dalbandin",
        "Balochistan (province-wide)",
    }
    heat = heat_points(latest)
    assert sum(point["weight"] for point in heat) == int(
        (latest["geo_precision"] != GeoPrecision.REGION).sum()
    )


def test_string_table_reuses_indexes():
    table = StringTable()
    first = table.encode(pd.Series(["a", "b", "a"]))
    second = table.encode(pd.Series(["", "b"]), blank_is_none=True)
    assert first.tolist() == [0, 1, 0]
    assert second.tolist() == [-1, 1]


def test_script_json_cannot_close_a_script():
    text = script_json({"note": "</script><img src=x onerror=alert(1)> & \u2028"})
    assert "</script>" not in text
    assert "<img" not in text
    assert json.loads(text)["note"].startswith("</script>")


def on_towns(size: int, towns: int = 40, seed: int = 3) -> pd.DataFrame:
    """``size`` incidents on ``towns`` points, as real reports sit on towns."""
    frame = spread(size)
    rng = np.random.default_rng(seed)
    town = rng.integers(0, towns, size)
    return frame.assign(
        lat=25.0 + town * 0.25,
        lon=62.0 + town * 0.3,
        place=pd.Series([f"Town {t:02d}" for t in town], index=frame.index).astype(
            "category"
        ),
    )


@pytest.mark.slow
def test_a_group_is_one_marker_with_its_count_and_deaths_however_many_it_holds():
    frame = on_towns(20_000)
    latest = latest_records(frame)
    payload = payload_of(frame)
    assert payload["mode"] == "markers"
    groups = point_groups(latest)
    assert len(payload["markers"]) == len(groups) < MAX_MARKERS
    assert sum(m["count"] for m in payload["markers"]) == len(frame)
    reported = (
        sum(
            latest[c].fillna(0).astype(int).sum()
            for c in ("killed_civilians", "killed_security", "killed_attackers")
        )
        + latest["killed_unspecified"].fillna(0).astype(int).sum()
    )
    assert sum(max(m["deaths"], 0) for m in payload["markers"]) == reported
    # Ten times the incidents on the same towns: the same payload, bar the counts.
    bigger = len(payload_script(payload_of(on_towns(200_000))))
    assert bigger < 1.1 * len(payload_script(payload))


def test_a_group_table_is_sorted_and_counts_every_row():
    frame = on_towns(5_000, towns=7)
    groups = point_groups(latest_records(frame))
    keys = list(zip(groups["lat"], groups["lon"], groups["target_type"], strict=True))
    assert keys == sorted(keys)
    assert groups["count"].sum() == len(frame)
    first = groups.iloc[[0]]
    inside = in_groups(latest_records(frame), first)
    assert inside.sum() == first["count"].iloc[0]


def test_the_payload_stays_within_its_byte_budget_at_its_group_budgets():
    frame = spread(POINT_BUDGET)
    payload = payload_of(frame, view=View(20.0, 55.0, 35.0, 75.0, zoom=6))
    assert payload["mode"] == "points"
    assert payload["points"]["count"] == POINT_BUDGET
    # With the heat map too (at most 20,000 cells): still well within.
    assert len(payload_script(payload).encode()) < PAYLOAD_BUDGET / 2


def test_a_map_file_carries_at_most_so_many_incidents_of_a_group(monkeypatch):
    monkeypatch.setattr("components.map.payload.build.INLINE_PER_GROUP", 5)
    frame = on_towns(300, towns=2)
    payload = payload_of(frame, inline=True)
    members = payload["inline"]["members"]
    assert all(len(rows) <= 5 for rows in members)
    assert any(m["count"] > 5 for m in payload["markers"])
    shown = sorted(row for rows in members for row in rows)
    assert shown == list(range(len(shown)))


@pytest.mark.parametrize("columns", [GROUP_KEYS, ["place", "geo_precision"]])
def test_rows_are_numbered_by_first_appearance_as_a_groupby_numbers_them(columns):
    towns = on_towns(6_000, towns=9).reset_index(drop=True)
    for table in (towns, towns.astype(object), spread_frame(3_000)):
        expected = (
            table.groupby(columns, sort=False, observed=True)
            .ngroup()
            .to_numpy(dtype=np.int64)
        )
        np.testing.assert_array_equal(first_seen_numbers(table, columns), expected)


def test_a_missing_value_is_numbered_as_a_value_of_its_own():
    table = pd.DataFrame(
        {
            "place": pd.Categorical(["Kalat", None, "Kalat", None, "Turbat"]),
            "lat": [1.0, np.nan, 1.0, np.nan, np.nan],
        }
    )
    assert first_seen_numbers(table, ["place", "lat"]).tolist() == [0, 1, 0, 1, 2]


def test_a_selections_groups_counted_from_the_tables_are_its_own_groups():
    table = on_towns(6_000, towns=9).reset_index(drop=True)
    numbered = TableGroups(table)
    for selection in (
        table,
        table[table["target_type"].isin(["market", "bank"])],
        table.iloc[100:2000],
        table.iloc[:0],
    ):
        latest = latest_records(selection)
        pd.testing.assert_frame_equal(numbered.groups_of(latest), point_groups(latest))
        pd.testing.assert_frame_equal(
            place_table(latest, point_groups(latest), numbered), place_table(latest)
        )
    # Rows whose labels are not the table's positions are grouped the long way.
    assert TableGroups(table.set_index(table.index + 7)).groups_of(table) is None
