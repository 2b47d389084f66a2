"""The dashboard's view as a link: which parameters a URL may carry, and what is
wrong with those it does. Pure: no Streamlit.

The filters are bound to parameters of their own name (``place``, ``target``,
``attack``, ``dates``); the map writes ``map=zoom/lat/lon`` and, when not the
default, ``layers=key,key`` (see ``static/incident-map.js``). A copied link reopens
the same view. A parameter that is unknown or malformed is ignored, and
:func:`link_notes` says which and why.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

EVENT = "event"
PLACE = "place"
TARGET = "target"
ATTACK = "attack"
DATES = "dates"
MAP = "map"
LAYERS = "layers"
PROJECTOR = "projector"
PARAMETERS = (EVENT, PLACE, TARGET, ATTACK, DATES, MAP, LAYERS, PROJECTOR)
SIDEBAR_PARAMETERS = tuple(name for name in PARAMETERS if name != MAP)
"""What the sidebar's widgets take from a link (the map keeps its own view)."""

CELLS_KEY = "cells"
DEATHS_KEY = "deaths"
NAMES_KEY = "names"
HEAT_KEY = "heat"
HIDDEN_BY_DEFAULT = frozenset({HEAT_KEY})

MAX_ZOOM = 19


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


MAP_SIZE = (1100, 600)
"""Pixels the map is assumed to span when fitting it (the page's usual width)."""
MAX_FIT_ZOOM = 9
"""A single town fits at this zoom: close enough to see its surroundings."""
FIT_PADDING = 60


Bounds = tuple[float, float, float, float]
"""(south, west, north, east) in degrees."""


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


def map_view(params: Mapping[str, Sequence[str]]) -> MapView | None:
    """The map view a link asks for, if it asks for a valid one."""
    values = params.get(MAP) or []
    try:
        return parse_map_view(values[-1]) if values else None
    except ValueError:
        return None


def layer_keys(target_types: Sequence[str]) -> list[str]:
    """Every layer's key, in the layer control's order."""
    return [CELLS_KEY, *target_types, DEATHS_KEY, NAMES_KEY, HEAT_KEY]


def hidden_layers(
    params: Mapping[str, Sequence[str]], keys: Sequence[str]
) -> frozenset[str]:
    """The layers a link turns off (default: the heat map only)."""
    values = params.get(LAYERS) or []
    if not values:
        return HIDDEN_BY_DEFAULT & set(keys)
    active = set(values[-1].split(","))
    return frozenset(key for key in keys if key not in active)


def link_notes(
    params: Mapping[str, Sequence[str]],
    options: Mapping[str, Collection[str]],
    span: tuple[dt.date, dt.date] | None,
    layers: Collection[str],
) -> list[str]:
    """What a link asks for that this page ignores, one sentence each.

    ``options`` holds the valid values of ``place``, ``target`` and ``attack``.
    """
    notes = []
    for name, values in params.items():
        if name not in PARAMETERS:
            notes.append(f"'{_short(name)}' is not a setting of this page.")
        elif name in options:
            unknown = [v for v in values if v and v not in options[name]]
            notes.extend(f"{name} '{_short(v)}' is not in the data." for v in unknown)
        elif name == DATES:
            notes.extend(_date_notes(values, span))
        elif name == MAP:
            try:
                parse_map_view(values[-1] if values else "")
            except ValueError as error:
                notes.append(f"map '{_short(values[-1] if values else '')}': {error}.")
        elif name == LAYERS and values:
            unknown = [k for k in values[-1].split(",") if k and k not in layers]
            notes.extend(f"layer '{_short(k)}' is not on this map." for k in unknown)
    return notes


def _date_notes(
    values: Sequence[str], span: tuple[dt.date, dt.date] | None
) -> list[str]:
    shown = ", ".join(_short(v) for v in values)
    if span is None or span[0] == span[1]:
        return [f"dates '{shown}': the data have one date, so there is no range."]
    try:
        first, last = (dt.date.fromisoformat(v) for v in values)
    except ValueError:
        return [f"dates '{shown}': expected two dates, YYYY-MM-DD, first to last."]
    if not (span[0] <= first <= last <= span[1]):
        return [f"dates '{shown}': outside the data's {span[0]} to {span[1]}."]
    return []


def _short(text: str, limit: int = 40) -> str:
    """Untrusted text, cut short and with control characters shown as '?'."""
    clean = "".join(c if c.isprintable() else "?" for c in text)
    return clean if len(clean) <= limit else clean[: limit - 1] + "\u2026"
