import json

import pandas as pd
import pytest

from components.frame import latest_records
from components.mapdata import (
    StringTable,
    death_circles,
    death_radius,
    heat_points,
    incident_groups,
    place_labels,
    script_json,
    stack_offsets,
)
from components.model import GeoPrecision


def rows_of(payload, code):
    return [row for group in payload["types"][code]["groups"] for row in group[5]]


def test_one_group_per_target_type_and_point(seed_frame):
    payload = incident_groups(latest_records(seed_frame))
    groups = [g for t in payload["types"].values() for g in t["groups"]]
    assert len(groups) == len(seed_frame)  # the seed has one row per place and type
    (prison,) = payload["types"]["prison"]["groups"]
    assert prison[:2] == [29.79966, 66.84553]
    assert len(payload["columns"]["place"]) == len(seed_frame)
    # A column with one value for every row travels as that value.
    assert payload["columns"]["date"] == payload["strings"].index(
        "01 Feb 2026 (within a week)"
    )


def test_rows_carry_text_once_and_unknown_counts_as_minus_one(seed_frame):
    payload = incident_groups(latest_records(seed_frame))
    strings, columns = payload["strings"], payload["columns"]
    assert len(strings) == len(set(strings))

    def row(i: int) -> dict:
        return {
            "place": strings[columns["place"][i]],
            "target": strings[columns["target"][i]],
            "excerpt": strings[columns["excerpt"][i]],
            "reported_as": columns["reported_as"][i],
            "counts": [
                column if isinstance(column, int) else column[i]
                for column in columns["counts"]
            ],
        }

    (prison,) = rows_of(payload, "prison")
    assert row(prison)["place"] == "Mastung"
    assert row(prison)["target"] == "Prison"
    assert row(prison)["counts"] == [-1, -1, -1, -1, -1]
    assert "free inmates from a prison in Mastung" in row(prison)["excerpt"]
    rows = [row(i) for i in range(len(seed_frame))]
    (totals,) = [r for r in rows if r["counts"][0] == 31]
    assert totals["counts"][:3] == [31, 17, 145]
    nushki = next(r for r in rows if r["place"] == "Nushki")
    assert strings[nushki["reported_as"]] == "Noshki"
    assert "earlier" not in columns  # no revisions in the seed


def test_markers_sharing_a_point_are_fanned_out():
    groups = pd.DataFrame({"lat": [1.0, 1.0, 2.0], "lon": [3.0, 3.0, 4.0]})
    offsets = stack_offsets(groups)
    assert offsets.iloc[2].tolist() == [0.0, 0.0]
    assert offsets.iloc[0].tolist() != offsets.iloc[1].tolist()


def test_province_totals_are_one_dashed_circle(seed_frame):
    (circle,) = death_circles(latest_records(seed_frame))
    _lat, _lon, radius, wide, lines = circle
    assert wide == 1
    assert radius == death_radius(31 + 17 + 145)
    assert lines[0] == "Balochistan: province-wide totals, not tied to any place"
    assert "Civilians killed: 31" in lines


def test_death_circle_area_is_proportional():
    assert death_radius(400) == pytest.approx(2 * death_radius(100))


def test_labels_and_heat(seed_frame):
    latest = latest_records(seed_frame)
    labels = place_labels(latest)
    assert {label[2] for label in labels} == {
        "Quetta",
        "Gwadar",
        "Mastung",
        "Nushki",
        "Dalbandin",
        "Balochistan (province-wide)",
    }
    heat = heat_points(latest)
    assert sum(point[2] for point in heat) == int(
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
