"""The data the browser's map draws: one typed schema, named keys throughout.

``components.map.payload`` builds a :class:`MapPayload`; ``static/incident-map.js``
reads it. The script states the keys it reads in its ``CONTRACT`` block, and
``tests/test_map_contract.py`` checks that block against the TypedDicts here, so
neither side can change a key alone.

A payload is drawn in one of three modes, chosen by how much there is to draw:
``markers`` (one HTML marker per target type and point, each reachable by
keyboard), ``points`` (every incident in view as a point on a canvas, picked by
click through a grid index), and ``cells`` (counts per grid cell, when even the
points in view are too many; a click zooms in).
"""

from __future__ import annotations

from typing import Literal, TypedDict

SCHEMA = 2
Mode = Literal["markers", "points", "cells"]


class Field(TypedDict):
    """A line of an incident's popup: ``key`` names a column of ``rows``."""

    key: str
    label: str


class ClassStyle(TypedDict):
    """How one target class is drawn (``components.map.symbols``)."""

    key: str
    label: str
    colour: str
    shape: str


class TypeStyle(TypedDict):
    """A target type present in the data: its layer key, label and class."""

    code: str
    label: str
    cls: int
    """Index into ``classes``."""


class Marker(TypedDict):
    """The incidents of one target type at one point, drawn as one marker."""

    lat: float
    lon: float
    dx: float
    dy: float
    """Pixels to fan out markers that share a point (the point stays true)."""
    wide: bool
    """Province-wide: the source does not say where."""
    type: int
    """Index into ``types``."""
    rows: list[int]


class Points(TypedDict):
    """Every incident in view, as little-endian typed arrays in base64."""

    count: int
    lat: str
    """float32"""
    lon: str
    """float32"""
    type: str
    """uint8, index into ``types``"""
    row: str
    """uint32, index into ``rows`` columns"""


class Cell(TypedDict):
    """Incidents counted in one grid cell."""

    south: float
    west: float
    north: float
    east: float
    count: int
    deaths: int


class Side(TypedDict):
    """One side's deaths at a place (civilians, security forces, attackers, ...)."""

    key: str
    label: str
    value: int
    colour: str


class Deaths(TypedDict):
    """Deaths reported at one place; the circle's area grows with them, and its
    figure is shown side by side (never one number for several sides)."""

    lat: float
    lon: float
    radius: float
    total: int
    wide: bool
    lines: list[str]
    sides: list[Side]
    place: str


class PlaceLabel(TypedDict):
    lat: float
    lon: float
    text: str
    wide: bool


class HeatPoint(TypedDict):
    lat: float
    lon: float
    weight: int


class Words(TypedDict):
    """Every word the map shows that is not data, so the script holds none."""

    notReported: str
    incidentsHere: str
    of: str
    previous: str
    next: str
    provinceWide: str
    placeNotReported: str
    killed: str
    earlier: str
    fit: str
    legend: str
    cellHint: str
    deaths: str
    wholeProvince: str
    items: str


class MapPayload(TypedDict):
    schema: int
    id: str
    """A hash of the content: the same data give the same id (and no redraw)."""
    mode: Mode
    note: str
    """Said on the map when not every incident is drawn one by one."""
    words: Words
    fields: list[Field]
    counts: list[Field]
    classes: list[ClassStyle]
    shapes: dict[str, str]
    """SVG path data of each shape, by name."""
    types: list[TypeStyle]
    hidden: list[str]
    """Layer keys that start unticked."""
    strings: list[str]
    rows: dict[str, list[int] | int]
    """Per-incident columns: indexes into ``strings`` (-1: none) or counts (-1: not
    reported); a column that is the same on every row is that one number."""
    markers: list[Marker]
    points: Points | None
    cells: list[Cell]
    deaths: list[Deaths]
    places: list[PlaceLabel]
    heat: list[HeatPoint]
    bounds: list[list[float]] | None
    """[[south, west], [north, east]] of every incident selected: what 'fit' shows."""


class LayerCall(TypedDict):
    """What one map layer asks of the script: its key and what it draws."""

    payload: str
    key: str
    kind: Literal["type", "deaths", "names", "heat", "cells"]


class FocusCall(TypedDict):
    """Fly the map to one incident and open its popup (a click in the incident
    list). ``nonce`` names one click: the map flies once per click, and opens the
    popup once the payload it names holds the incident (``row``, an index into
    ``rows``; -1 while it is counted per area or outside what was sent)."""

    payload: str
    row: int
    lat: float
    lon: float
    zoom: int
    nonce: str


CONTRACT_TYPES = {
    "payload": MapPayload,
    "marker": Marker,
    "points": Points,
    "cell": Cell,
    "deaths": Deaths,
    "side": Side,
    "place": PlaceLabel,
    "heat": HeatPoint,
    "words": Words,
    "field": Field,
    "class": ClassStyle,
    "type": TypeStyle,
    "layer": LayerCall,
    "focus": FocusCall,
}
"""The names the script's CONTRACT block uses for each TypedDict."""
