import json

import pytest

from components.map.basemap import (
    REGION_BBOX,
    build_outline,
    clip_line,
    clip_ring,
    decode_arcs,
    ring,
    ring_area_centroid,
)
from components.map.basemap_detail import (
    LAYERS,
    build_detail,
    build_provinces,
    chain,
    detail_layers,
    province_labels,
    province_lines,
    province_parameters,
    rounded,
    shared_edges,
    simplify,
    town_minzoom,
    towns,
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


# The detail basemap (components.map.basemap_detail): two provinces of one country side
# by side (the shared edge x=61), a third of another country east of them (x=62 is
# an international border), and a fourth merged into the first.


def square(x0, y0, x1, y1):
    return [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]


def province(country, name, ring, **properties):
    return {
        "type": "Feature",
        "properties": {"adm0_a3": country, "name": name, **properties},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }


WEST = province("PAK", "Westland", square(60, 20, 61, 21), min_label=5, labelrank=3)
EAST = province(
    "PAK", "Eastland", square(61, 20, 62, 21), longitude=61.5, latitude=20.5
)
FOREIGN = province("IRN", "Farland", square(62, 20, 63, 21), min_label=2)
TRIBAL = province(
    "PAK",
    "F.A.T.A.",
    square(60, 21, 61, 22),
    name_en="Federally Administered Tribal Areas",
)
KP = province("PAK", "K.P.", square(61, 21, 62, 22), name_en="Khyber Pakhtunkhwa")


def test_rounded_keeps_three_decimals_and_drops_repeats():
    assert rounded([[60.12341, 20.0], [60.12349, 20.00001], [61.9996, 20.5]]) == [
        (60.123, 20.0),
        (62.0, 20.5),
    ]


def test_shared_edges_are_between_provinces_of_one_country():
    assert shared_edges([WEST, EAST, FOREIGN]) == {((61.0, 20.0), (61.0, 21.0))}


def test_a_merged_province_shares_no_edge_with_the_one_it_joined():
    edges = shared_edges([TRIBAL, KP, WEST, EAST])
    assert ((61.0, 21.0), (61.0, 22.0)) not in edges  # FATA | KP: now one province
    assert ((60.0, 21.0), (61.0, 21.0)) in edges  # FATA (now KP) | Westland


def test_chain_joins_edges_into_lines_and_loops():
    (line,) = chain([((0, 0), (1, 0)), ((1, 0), (2, 0)), ((2, 0), (2, 1))])
    assert line in ([(0, 0), (1, 0), (2, 0), (2, 1)], [(2, 1), (2, 0), (1, 0), (0, 0)])
    loop = chain([((0, 0), (1, 0)), ((1, 0), (1, 1)), ((0, 0), (1, 1))])
    assert len(loop) == 1
    assert loop[0][0] == loop[0][-1]
    assert len(loop[0]) == 4


def test_simplify_drops_vertices_within_the_tolerance():
    line = [(0.0, 0.0), (1.0, 0.0005), (2.0, 0.0), (3.0, 1.0)]
    assert simplify(line, 0.001) == [(0.0, 0.0), (2.0, 0.0), (3.0, 1.0)]
    assert simplify(line, 0.0001) == line


def test_province_lines_are_clipped_to_the_box():
    lines = province_lines([WEST, EAST], bbox=(50, 20.5, 70, 30))
    assert lines == [[[61.0, 20.0], [61.0, 21.0]]] or lines == [
        [[61.0, 21.0], [61.0, 20.0]]
    ]
    assert province_lines([WEST, EAST], bbox=(50, 25, 70, 30)) == []


def test_province_labels_use_natural_earths_point_and_clamp_minzoom():
    labels = province_labels([WEST, EAST, FOREIGN, TRIBAL, KP], bbox=(50, 10, 70, 30))
    by_name = {f["properties"]["name"]: f for f in labels}
    assert sorted(by_name) == ["Eastland", "Farland", "Khyber Pakhtunkhwa", "Westland"]
    assert by_name["Eastland"]["geometry"]["coordinates"] == [61.5, 20.5]
    assert by_name["Westland"]["geometry"]["coordinates"] == [60.5, 20.5]  # centroid
    assert by_name["Westland"]["properties"]["minzoom"] == 5
    assert by_name["Farland"]["properties"]["minzoom"] == 4  # raised to the floor
    assert by_name["Farland"]["properties"]["country"] == "IR"
    assert province_labels([WEST], bbox=(0, 0, 10, 10)) == []


def place(name, lon, lat, population="", country="PK", **extra):
    row = {"geonameid": name, "name": name, "kind": "town", "lat": str(lat)}
    row.update(lon=str(lon), country=country, population=population, **extra)
    return row


def test_towns_are_filtered_by_country_box_and_population():
    rows = [
        place("Big", 66.0, 30.0, "733675"),
        place("Small", 66.1, 30.1, "900"),
        place("Seat", 66.2, 30.2, "900"),
        place("Unknown", 66.3, 30.3, ""),
        place("Abroad", 66.4, 30.4, "50000", country="IN"),
        place("Outside", 20.0, 30.0, "50000"),
        {**place("Province", 66.0, 30.0, "5000000"), "kind": "province"},
        {"kind": "district", "headquarters": "Seat", "country": "PK"},
    ]
    result = towns(rows, ["PK"], bbox=(60, 20, 70, 35), min_population=10_000)
    assert [f["properties"]["name"] for f in result] == ["Big", "Seat"]
    big, seat = (f["properties"] for f in result)
    assert big == {
        "layer": "town",
        "name": "Big",
        "country": "PK",
        "population": 733675,
        "minzoom": 6,
    }
    assert seat["seat"] is True
    assert seat["minzoom"] == 8  # a district's headquarters, however small
    assert result[0]["geometry"] == {"type": "Point", "coordinates": [66.0, 30.0]}


def test_town_minzoom_grows_as_population_shrinks():
    zooms = [town_minzoom(p) for p in (14_000_000, 500_000, 150_000, 60_000, 25_000)]
    assert zooms == [5, 6, 7, 8, 9]
    assert town_minzoom(5_000) == town_minzoom(None) == 10


def test_build_detail_and_its_layers():
    admin1 = {"type": "FeatureCollection", "features": [WEST, EAST, FOREIGN]}
    provinces = build_provinces(admin1, bbox=(50, 10, 70, 30))
    assert [f["properties"]["layer"] for f in provinces["features"]] == [
        "province",
        *["province_label"] * 3,
    ]
    detail = build_detail(
        provinces, [place("Big", 60.5, 20.5, "200000")], bbox=(50, 10, 70, 30)
    )
    layers = detail_layers(detail)
    assert set(layers) == set(LAYERS)
    assert [len(layers[name]) for name in LAYERS] == [1, 0, 0, 0, 1, 3]
    (boundary,) = layers["province"]
    assert boundary["geometry"]["type"] == "MultiLineString"
    assert layers["town"][0]["properties"]["minzoom"] == 7
    # Only the countries asked for:
    only = build_provinces(admin1, bbox=(50, 10, 70, 30), countries={"IRN": "IR"})
    assert [f["properties"]["layer"] for f in only["features"]] == ["province_label"]
    towns_abroad = build_detail(
        only, [place("Big", 60.5, 20.5, "200000")], countries=["IR"]
    )
    assert detail_layers(towns_abroad)["town"] == []


def test_province_parameters_are_json_and_name_the_box():
    parameters = province_parameters()
    assert json.loads(json.dumps(parameters)) == parameters
    assert parameters["bbox"] == list(REGION_BBOX)
    assert parameters["countries"]["PAK"] == "PK"


def test_detail_layers_ignores_unknown_features():
    layers = detail_layers({"features": [{"properties": {"layer": "ufo"}}, {}]})
    assert all(features == [] for features in layers.values())
