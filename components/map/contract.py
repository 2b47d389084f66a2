"""The data the browser's map draws: one typed schema, named keys throughout.

``components.map.payload`` builds a :class:`MapPayload`; ``static/incident-map.js``
reads it. The script states the keys it reads in its ``CONTRACT`` block, and
``tests/test_map_contract.py`` checks that block against the TypedDicts here, so
neither side can change a key alone.

Incidents are drawn in groups: the incidents of one target type at one point
(of one place and precision) are one group, however many they are, drawn once
with its count. A payload is drawn in one of three modes, chosen by how many
groups there are: ``markers`` (one HTML marker per group, each reachable by
keyboard), ``points`` (every group in view as a point on a canvas, picked by
click through a grid index), and ``cells`` (counts per grid cell, when even the
groups in view are too many; a click zooms in).

A payload carries no incident's text: a popup asks for its group's incidents a
page at a time (:class:`PopupPage`) from the address in ``popup``, which the app
serves. A map file, which has no server, carries them in ``inline`` instead.
"""

from __future__ import annotations

from typing import Literal, TypedDict

SCHEMA = 3
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
    group: int
    """The group's number: what its popup asks for."""
    count: int
    """Incidents in the group."""
    deaths: int
    """Deaths its incidents report, added (-1: none reports any)."""
    place: int
    """Index into ``strings``."""


class Points(TypedDict):
    """Every group in view, as little-endian typed arrays in base64; a point's
    group number is its position."""

    count: int
    lat: str
    """float32"""
    lon: str
    """float32"""
    type: str
    """uint8, index into ``types``"""
    size: str
    """uint32, incidents at the point"""


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


class Incident(TypedDict):
    """One incident as its popup shows it: every value is text to show as text."""

    place: str
    precision: str
    lines: list[list[str]]
    """[label, value] for each field the incident has."""
    excerpt: str
    counts: list[int]
    """One per ``counts`` field of the payload (-1: not reported)."""
    earlier: list[str]
    """The figures of the earlier records this one revises, one line each."""


class PopupPage(TypedDict):
    """A page of a popup's incidents, as the app serves it."""

    total: int
    """Incidents in the groups asked for."""
    deaths: int
    """The deaths they report, added (-1: none reports any)."""
    start: int
    incidents: list[Incident]


class Inline(TypedDict):
    """A map file's popups (it has no server to ask): per-incident columns with
    each string once, and the incidents of each group."""

    strings: list[str]
    rows: dict[str, list[int] | int]
    """Indexes into ``strings`` (-1: none) or counts (-1: not reported); a column
    the same on every row is that one number."""
    members: list[list[int]]
    """The rows of each group, by group number."""


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
    killedHere: str
    loading: str
    gone: str
    failed: str
    inFile: str
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
    """The groups' place names."""
    popup: str
    """Where a popup asks for a page of its groups' incidents ('' if nowhere)."""
    inline: Inline | None
    """The popups' incidents, in a map file (None on the page)."""
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
    popup once the payload it names holds the incident's group."""

    payload: str
    group: int
    """The group holding the incident (its number in the payload); -1 while it is
    counted per area or outside what was sent."""
    count: int
    """Incidents in that group."""
    index: int
    """The incident's place among its group's, in the popup's (date, id) order."""
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
    "incident": Incident,
    "page": PopupPage,
    "inline": Inline,
    "field": Field,
    "class": ClassStyle,
    "type": TypeStyle,
    "layer": LayerCall,
    "focus": FocusCall,
}
"""The names the script's CONTRACT block uses for each TypedDict."""
