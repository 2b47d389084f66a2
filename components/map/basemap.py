"""An outline basemap for the region, built from Natural Earth TopoJSON. Pure.

``build_outline`` turns world-atlas' ``countries`` and ``land`` topologies into one
small GeoJSON FeatureCollection clipped to a box around the region: land (polygons),
coast and borders (lines), and a label point per country. The map draws it with no
network at all.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence

Point = tuple[float, float]
"""(lon, lat), GeoJSON order."""
Ring = list[Point]
BBox = tuple[float, float, float, float]
"""(west, south, east, north) in degrees."""

REGION_BBOX: BBox = (44.0, 14.0, 82.0, 42.0)
"""Iran to India, the Arabian Sea to Central Asia."""
LABEL_BBOX: BBox = (60.0, 23.5, 75.0, 32.5)
"""Where labels go: each country is named at the middle of its part of this box."""
MIN_LABEL_AREA = 2.0
"""Square degrees: smaller countries (and glaciers) go unlabelled."""
DECIMALS = 3
"""Coordinates kept to ~100 m: far finer than the map's 1:10m source."""


def decode_arcs(topology: dict) -> list[list[Point]]:
    """Absolute coordinates of every arc of a (quantized or not) topology."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for dx, dy in arc:
                x, y = x + dx, y + dy
                points.append((x * sx + tx, y * sy + ty))
        else:
            points = [(float(p[0]), float(p[1])) for p in arc]
        arcs.append(points)
    return arcs


def _arc(arcs: Sequence[list[Point]], index: int) -> list[Point]:
    return arcs[index] if index >= 0 else arcs[~index][::-1]


def ring(arcs: Sequence[list[Point]], indices: Iterable[int]) -> Ring:
    """A ring from its arc indices (a negative index is the arc reversed)."""
    points: Ring = []
    for index in indices:
        part = _arc(arcs, index)
        points.extend(part if not points else part[1:])
    return points


def polygons(geometry: dict) -> list[list[list[int]]]:
    """The arc-index rings of a Polygon or MultiPolygon geometry, per polygon."""
    if geometry.get("type") == "Polygon":
        return [geometry["arcs"]]
    if geometry.get("type") == "MultiPolygon":
        return geometry["arcs"]
    return []


def clip_ring(points: Ring, bbox: BBox) -> Ring:
    """Clip a closed ring to a box (Sutherland-Hodgman)."""
    west, south, east, north = bbox
    edges = [
        (lambda p: p[0] >= west, lambda a, b: _cross_x(a, b, west)),
        (lambda p: p[0] <= east, lambda a, b: _cross_x(a, b, east)),
        (lambda p: p[1] >= south, lambda a, b: _cross_y(a, b, south)),
        (lambda p: p[1] <= north, lambda a, b: _cross_y(a, b, north)),
    ]
    output = list(points)
    for inside, cross in edges:
        if not output:
            break
        source, output = output, []
        previous = source[-1]
        for current in source:
            if inside(current):
                if not inside(previous):
                    output.append(cross(previous, current))
                output.append(current)
            elif inside(previous):
                output.append(cross(previous, current))
            previous = current
    return output


def _cross_x(a: Point, b: Point, x: float) -> Point:
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _cross_y(a: Point, b: Point, y: float) -> Point:
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def clip_line(points: Sequence[Point], bbox: BBox) -> list[list[Point]]:
    """The runs of a line inside a box, each kept one point beyond the edge."""
    west, south, east, north = bbox

    def inside(p: Point) -> bool:
        return west <= p[0] <= east and south <= p[1] <= north

    runs: list[list[Point]] = []
    current: list[Point] = []
    for i, point in enumerate(points):
        if inside(point):
            if not current and i > 0:
                current.append(points[i - 1])
            current.append(point)
        elif current:
            current.append(point)
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [run for run in runs if len(run) > 1]


def _compact(points: Iterable[Point]) -> list[list[float]]:
    """Round coordinates and drop the repeats that rounding makes."""
    compact: list[list[float]] = []
    for lon, lat in points:
        point = [round(lon, DECIMALS), round(lat, DECIMALS)]
        if not compact or compact[-1] != point:
            compact.append(point)
    return compact


def ring_area_centroid(points: Ring) -> tuple[float, Point]:
    """Absolute (planar) area of a ring and its centroid."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if math.isclose(area, 0.0):
        return 0.0, points[0]
    return abs(area / 2), (cx / (3 * area), cy / (3 * area))


def build_outline(
    countries: dict, land: dict, bbox: BBox = REGION_BBOX, label_bbox: BBox = LABEL_BBOX
) -> dict:
    """GeoJSON of land, coast, borders and country labels within ``bbox``."""
    country_arcs = decode_arcs(countries)
    geometries = countries["objects"]["countries"]["geometries"]

    users: dict[int, set[int]] = defaultdict(set)
    labels = []
    for number, geometry in enumerate(geometries):
        largest: tuple[float, Point] = (0.0, (0.0, 0.0))
        for polygon in polygons(geometry):
            for ring_indices in polygon:
                for index in ring_indices:
                    users[index if index >= 0 else ~index].add(number)
            visible = clip_ring(ring(country_arcs, polygon[0]), label_bbox)
            if len(visible) >= 3:
                largest = max(largest, ring_area_centroid(visible), key=lambda a: a[0])
        name = geometry.get("properties", {}).get("name")
        if name and largest[0] >= MIN_LABEL_AREA:
            labels.append(_feature("label", "Point", _compact([largest[1]])[0], name))

    borders, coast = [], []
    for index, owners in users.items():
        runs = clip_line(country_arcs[index], bbox)
        (borders if len(owners) > 1 else coast).extend(_compact(run) for run in runs)

    land_arcs = decode_arcs(land)
    land_polygons = []
    for geometry in land["objects"]["land"]["geometries"]:
        for polygon in polygons(geometry):
            clipped = [clip_ring(ring(land_arcs, r), bbox) for r in polygon]
            rings = [_compact(r) for r in clipped if len(r) >= 3]
            if rings and len(rings[0]) >= 3:
                land_polygons.append(rings)

    return {
        "type": "FeatureCollection",
        "features": [
            _feature("land", "MultiPolygon", land_polygons),
            _feature("coast", "MultiLineString", [c for c in coast if len(c) > 1]),
            _feature("border", "MultiLineString", [b for b in borders if len(b) > 1]),
            *sorted(labels, key=lambda f: f["properties"]["name"]),
        ],
    }


def _feature(kind: str, geometry_type: str, coordinates, name: str = "") -> dict:
    properties = {"kind": kind, "name": name} if name else {"kind": kind}
    return {
        "type": "Feature",
        "properties": properties,
        "geometry": {"type": geometry_type, "coordinates": coordinates},
    }
