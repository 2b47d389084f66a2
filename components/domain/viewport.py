"""Where the map looks: a centre and zoom, read from text as OpenStreetMap writes it
(``zoom/lat/lon``), and the view that fits a box of coordinates. Pure: no
Streamlit."""

from __future__ import annotations

import math
from dataclasses import dataclass

MAX_ZOOM = 19

MAP_SIZE = (1100, 600)
"""Pixels the map is assumed to span when fitting it (the page's usual width)."""
MAX_FIT_ZOOM = 9
"""A single town fits at this zoom: close enough to see its surroundings."""
FIT_PADDING = 60

Bounds = tuple[float, float, float, float]
"""(south, west, north, east) in degrees."""


@dataclass(frozen=True)
class MapView:
    """Where the map looks."""

    lat: float
    lon: float
    zoom: int

    @property
    def centre(self) -> tuple[float, float]:
        return (self.lat, self.lon)

    def param(self) -> str:
        """``zoom/lat/lon``, to 4 decimals (about 10 m): what
        :func:`parse_map_view` reads."""
        return f"{self.zoom}/{self.lat:.4f}/{self.lon:.4f}"


def parse_map_view(text: str) -> MapView:
    """``zoom/lat/lon`` (as OpenStreetMap writes it) -> MapView; ValueError if not."""
    parts = text.split("/")
    if len(parts) != 3:
        raise ValueError("expected zoom/latitude/longitude, e.g. 7/29.80/66.85")
    try:
        zoom, lat, lon = int(parts[0]), float(parts[1]), float(parts[2])
    except ValueError:
        message = "zoom must be a whole number, latitude and longitude numbers"
        raise ValueError(message) from None
    if not 0 <= zoom <= MAX_ZOOM:
        raise ValueError(f"zoom {zoom} is outside 0-{MAX_ZOOM}")
    if not (math.isfinite(lat) and math.isfinite(lon)):
        raise ValueError("latitude and longitude must be finite")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"{lat}, {lon} is not on the globe")
    return MapView(lat, lon, zoom)


def fit_view(bounds: Bounds, size: tuple[int, int] = MAP_SIZE) -> MapView:
    """The centre and zoom that show ``bounds`` (south, west, north, east), as
    Leaflet's fitBounds would on a map of ``size`` pixels."""
    south, west, north, east = bounds
    width, height = (
        max(size[0] - 2 * FIT_PADDING, 1),
        max(size[1] - 2 * FIT_PADDING, 1),
    )

    def y(lat: float) -> float:  # Web Mercator, in world widths
        lat = max(min(lat, 85.0), -85.0)
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) / (2 * math.pi)

    span_x = max((east - west) / 360.0, 1e-9)
    span_y = max(y(north) - y(south), 1e-9)
    zoom = math.floor(math.log2(min(width / (256 * span_x), height / (256 * span_y))))
    zoom = max(0, min(zoom, MAX_FIT_ZOOM))
    centre_y = (y(north) + y(south)) / 2
    lat = math.degrees(2 * math.atan(math.exp(centre_y * 2 * math.pi)) - math.pi / 2)
    return MapView(round(lat, 4), round((west + east) / 2, 4), zoom)
