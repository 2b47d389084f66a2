import pytest

from components.basemap import (
    build_outline,
    clip_line,
    clip_ring,
    decode_arcs,
    ring,
    ring_area_centroid,
)

# Two unit squares side by side, sharing the edge x=1, in a quantized topology
# (scale 1, translate 60/20): A = [0,1]x[0,1], B = [1,2]x[0,1], offset to 60E 20N.
SHARED = [[1, 0], [0, 1]]
A_REST = [[1, 1], [-1, 0], [0, -1], [1, 0]]
B_REST = [[1, 0], [1, 0], [0, 1], [-1, 0]]
TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [1, 1], "translate": [60, 20]},
    "arcs": [SHARED, A_REST, B_REST],
    "objects": {
        "countries": {
            "type": "GeometryCollection",
            "geometries": [
                {"type": "Polygon", "arcs": [[1, 0]], "properties": {"name": "Aland"}},
                {"type": "Polygon", "arcs": [[2, ~0]], "properties": {"name": "Bland"}},
            ],
        }
    },
}
LAND = {
    "type": "Topology",
    "transform": {"scale": [1, 1], "translate": [60, 20]},
    "arcs": [[[0, 0], [2, 0], [0, 1], [-2, 0], [0, -1]]],
    "objects": {
        "land": {
            "type": "GeometryCollection",
            "geometries": [{"type": "Polygon", "arcs": [[0]]}],
        }
    },
}


def test_decode_arcs_undoes_delta_encoding_and_quantization():
    arcs = decode_arcs(TOPOLOGY)
    assert arcs[0] == [(61.0, 20.0), (61.0, 21.0)]
    assert arcs[1] == [(61.0, 21.0), (60.0, 21.0), (60.0, 20.0), (61.0, 20.0)]


def test_ring_joins_arcs_and_reverses_negative_indices():
    arcs = decode_arcs(TOPOLOGY)
    assert ring(arcs, [2, ~0]) == [
        (61.0, 20.0),
        (62.0, 20.0),
        (62.0, 21.0),
        (61.0, 21.0),
        (61.0, 20.0),
    ]


def test_clip_ring_to_a_box():
    square = [(0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0)]
    clipped = clip_ring(square, (2.0, -1.0, 10.0, 10.0))
    assert sorted(set(clipped)) == [(2.0, 0.0), (2.0, 4.0), (4.0, 0.0), (4.0, 4.0)]
    assert clip_ring(square, (5.0, 5.0, 6.0, 6.0)) == []


def test_clip_line_keeps_inside_runs_and_one_point_beyond():
    line = [(0.0, 0.0), (2.0, 0.0), (3.0, 0.0), (9.0, 0.0), (4.0, 0.0)]
    assert clip_line(line, (1.0, -1.0, 5.0, 1.0)) == [
        [(0.0, 0.0), (2.0, 0.0), (3.0, 0.0), (9.0, 0.0)],
        [(9.0, 0.0), (4.0, 0.0)],
    ]


def test_ring_area_and_centroid():
    area, (x, y) = ring_area_centroid([(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0)])
    assert area == pytest.approx(4.0)
    assert (x, y) == pytest.approx((1.0, 1.0))


def test_build_outline_separates_borders_from_coast():
    outline = build_outline(
        TOPOLOGY, LAND, bbox=(50.0, 10.0, 70.0, 30.0), label_bbox=(50, 10, 70, 30)
    )
    kinds = {f["properties"]["kind"]: f for f in outline["features"]}
    assert kinds["border"]["geometry"]["coordinates"] == [[[61.0, 20.0], [61.0, 21.0]]]
    assert len(kinds["coast"]["geometry"]["coordinates"]) == 2
    (land,) = kinds["land"]["geometry"]["coordinates"]
    assert land[0][0] == [60.0, 20.0]
    # Unit squares are smaller than the label threshold, so no labels.
    assert "label" not in kinds


def test_labels_sit_at_the_largest_polygons_centroid():
    big = {
        **TOPOLOGY,
        "transform": {"scale": [4, 4], "translate": [60, 20]},
    }
    outline = build_outline(big, LAND, bbox=(0, 0, 90, 90), label_bbox=(0, 0, 90, 90))
    labels = [f for f in outline["features"] if f["properties"]["kind"] == "label"]
    assert [
        (f["properties"]["name"], f["geometry"]["coordinates"]) for f in labels
    ] == [
        ("Aland", [62.0, 22.0]),
        ("Bland", [66.0, 22.0]),
    ]
