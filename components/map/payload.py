"""The map's data: incident table -> the :class:`MapPayload` the browser draws. Pure.

Built for a million incidents: columns are encoded with numpy and pandas (no
Python object per incident), strings go once each and rows refer to them by
index, and what is sent depends on how much there is. Up to
:data:`MAX_MARKERS` groups (incidents of one target type at one point), each group
is an HTML marker; beyond that, the incidents in view go as typed arrays that
the browser draws on a canvas, up to :data:`POINT_BUDGET`; beyond that, counts
per grid cell in view. The schema is ``components.map.contract``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import threading
from collections import OrderedDict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from components.domain.layers import DEATHS_KEY, HEAT_KEY, NAMES_KEY
from components.domain.model import CASUALTY_FIELDS, DEATH_FIELDS
from components.domain.table import earlier_records, value_codes
from components.domain.vocabularies import TARGET_TYPES, DatePrecision, GeoPrecision
from components.map.contract import (
    SCHEMA,
    Cell,
    ClassStyle,
    Deaths,
    Field,
    HeatPoint,
    MapPayload,
    Marker,
    Mode,
    PlaceLabel,
    Points,
    TypeStyle,
    Words,
)
from components.map.symbols import SHAPE_PATHS, TARGET_CLASSES, target_class

MAX_MARKERS = 1_500
"""More marker groups than this are drawn on a canvas instead."""
POINT_BUDGET = 50_000
"""More incidents in view than this are counted per grid cell instead: 50,000
points with their popups' columns are about 2.5 MB of payload, and a page rerun
resends it (measured with python -m bench.browser)."""
VIEW_MARGIN = 0.25
"""Points this share of the view beyond each edge are sent too, for panning."""
MAX_TEXT_CHARS = 1_500_000
"""Long free text (notes, source excerpts) is left out of a payload past this."""
CELL_PIXELS = 64
STACK_RADIUS = 15
"""Pixels between a shared point and the markers fanned out around it."""
MAX_PLACE_LABELS = 60
MAX_DEATH_CIRCLES = 400
HEAT_GRID = 0.02
"""Degrees: the heat map counts incidents per cell of about 2 km."""
MAX_HEAT_POINTS = 20_000

WORDS: Words = {
    "notReported": "not reported",
    "incidentsHere": "incidents here",
    "of": "of",
    "previous": "Previous incident",
    "next": "Next incident",
    "provinceWide": "province-wide",
    "placeNotReported": "province-wide: the source does not say where",
    "killed": "killed",
    "earlier": "Earlier report",
    "fit": "Fit the map to the selected incidents",
    "legend": "Legend",
    "cellHint": "incidents here: click to zoom in",
    "deaths": "Deaths (circle area grows with deaths)",
}
TEXT_FIELDS: list[Field] = [
    {"key": "target", "label": "Target"},
    {"key": "attacks", "label": "Attack"},
    {"key": "date", "label": "Date"},
    {"key": "reported_as", "label": "Reported as"},
    {"key": "notes", "label": "Notes"},
    {"key": "source", "label": "Source"},
    {"key": "excerpt", "label": "Source text"},
]
LONG_TEXT = ("notes", "excerpt")
COUNT_FIELDS: list[Field] = [
    {"key": column, "label": label} for column, label in CASUALTY_FIELDS.items()
]

_PRECISION_LABELS = {int(p): p.label for p in GeoPrecision}
_DATE_PRECISION_LABELS = {int(p): p.label for p in DatePrecision}


@dataclass(frozen=True)
class View:
    """The part of the map in view, as the browser last reported it."""

    south: float
    west: float
    north: float
    east: float
    zoom: int

    def widened(self, share: float = VIEW_MARGIN) -> View:
        dy, dx = (self.north - self.south) * share, (self.east - self.west) * share
        return View(
            max(self.south - dy, -90),
            self.west - dx,
            min(self.north + dy, 90),
            self.east + dx,
            self.zoom,
        )

    def contains(self, lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
        return (
            (lat >= self.south)
            & (lat <= self.north)
            & (lon >= self.west)
            & (lon <= self.east)
        )


class StringTable:
    """Each distinct string once; rows refer to it by index (-1: none)."""

    def __init__(self) -> None:
        self.values: list[str] = []
        self._index: dict[str, int] = {}
        self.chars = 0

    def encode(self, column: pd.Series, *, blank_is_none: bool = False) -> np.ndarray:
        codes, uniques = pd.factorize(column.fillna(""), sort=False)
        mapping = np.array([self.add(str(u)) for u in uniques] or [0], dtype=np.int64)
        encoded = mapping[codes] if len(codes) else np.zeros(0, dtype=np.int64)
        if blank_is_none and len(uniques):
            blank = np.array([str(u) == "" for u in uniques] + [False])
            encoded = np.where(blank[codes], -1, encoded)
        return encoded

    def add(self, value: str) -> int:
        if value not in self._index:
            self._index[value] = len(self.values)
            self.values.append(value)
            self.chars += len(value)
        return self._index[value]


def _column(values: np.ndarray) -> list[int] | int:
    """A column as a list, or as one number when every row holds the same."""
    if len(values) and (values == values[0]).all():
        return int(values[0])
    return values.tolist()


def _b64(values: np.ndarray, dtype: str) -> str:
    return base64.b64encode(
        np.ascontiguousarray(values, dtype=dtype).tobytes()
    ).decode()


def _format_dates(dates: pd.Series, pattern: str) -> pd.Series:
    """strftime through the distinct values: a year of dates is 365 calls."""
    codes, uniques = pd.factorize(dates)
    labels = np.array(
        [d.strftime(pattern) if pd.notna(d) else "" for d in uniques] + [""],
        dtype=object,
    )
    return pd.Series(labels[codes], index=dates.index)


def _text_columns(latest: pd.DataFrame) -> pd.DataFrame:
    """The strings a popup shows, one column each, built column-wise."""
    publisher = latest["source_publisher"].astype(str)
    publisher = publisher.replace("", "publisher not named")
    source_date = _format_dates(latest["source_date"], ", %d %b %Y")
    place = latest["place"].astype(str)
    reported = latest["place_reported"].astype(str)
    return pd.DataFrame(
        {
            "place": place,
            "reported_as": reported.where(reported != place, ""),
            "precision": latest["geo_precision"].map(_PRECISION_LABELS),
            "target": latest["target_label"],
            "attacks": latest["attack_labels"],
            "date": _format_dates(latest["date"], "%d %b %Y")
            + " ("
            + latest["date_precision"].map(_DATE_PRECISION_LABELS)
            + ")",
            "notes": latest["notes"],
            "source": latest["source_title"].astype(str)
            + " ("
            + publisher.astype(str)
            + source_date
            + "), "
            + latest["source_location"].astype(str),
            "excerpt": latest["source_excerpt"],
        },
        index=latest.index,
    )


def earlier_figures(frame: pd.DataFrame) -> dict[str, list[str]]:
    """For each record that revises others, a line per earlier record's figures."""
    chains = earlier_records(frame)
    if not chains:
        return {}
    by_id = frame.set_index("id")
    lines: dict[str, list[str]] = {}
    for record, chain in chains.items():
        for old in chain:
            if old not in by_id.index:
                continue
            row = by_id.loc[old]
            counts = ", ".join(
                f"{label.lower()} {int(row[column]):,}"
                for column, label in CASUALTY_FIELDS.items()
                if pd.notna(row[column])
            )
            when = (
                ""
                if pd.isna(row["source_date"])
                else f", {row['source_date']:%d %b %Y}"
            )
            lines.setdefault(record, []).append(
                f"{counts or 'no figures'} ({row['source_title']}{when})"
            )
    return lines


def _rows(
    latest: pd.DataFrame,
    history: Mapping[str, list[str]],
    strings: StringTable,
    long_text: bool,
) -> dict[str, list[int] | int]:
    """Per-incident columns for the popups."""
    texts = _text_columns(latest)
    rows: dict[str, list[int] | int] = {
        "place": _column(strings.encode(texts["place"])),
        "precision": _column(strings.encode(texts["precision"])),
    }
    for field in TEXT_FIELDS:
        key = field["key"]
        if key in LONG_TEXT and not long_text:
            continue
        blank = key in ("reported_as", "notes", "excerpt")
        rows[key] = _column(strings.encode(texts[key], blank_is_none=blank))
    counts = latest[list(CASUALTY_FIELDS)].astype("Int64").fillna(-1)
    for column in CASUALTY_FIELDS:
        rows[column] = _column(counts[column].to_numpy(dtype=np.int64))
    if history:
        earlier = [
            [strings.add(text) for text in history.get(record, [])]
            for record in latest["id"]
        ]
        if any(earlier):
            rows["earlier"] = earlier  # type: ignore[assignment]
    return rows


def stack_offsets(groups: pd.DataFrame) -> pd.DataFrame:
    """Pixel offsets (dx, dy) that fan out the groups sharing a point."""
    point = [groups["lat"].round(5), groups["lon"].round(5)]
    index = groups.groupby(point).cumcount().to_numpy()
    count = groups.groupby(point)["lat"].transform("size").to_numpy()
    radius = STACK_RADIUS * np.maximum(1.0, count / 6)
    angle = -math.pi / 2 + 2 * math.pi * index / np.maximum(count, 1)
    alone = count == 1
    return pd.DataFrame(
        {
            "dx": np.where(alone, 0.0, np.round(radius * np.cos(angle), 1)),
            "dy": np.where(alone, 0.0, np.round(radius * np.sin(angle), 1)),
        },
        index=groups.index,
    )


def _groups(latest: pd.DataFrame) -> pd.DataFrame:
    return (
        latest.assign(row=np.arange(len(latest)))
        .groupby(["target_type", "lat", "lon", "geo_precision"], sort=False)["row"]
        .agg(list)
        .reset_index()
    )


def _markers(groups: pd.DataFrame, type_index: Mapping[str, int]) -> list[Marker]:
    groups = groups.join(stack_offsets(groups))
    wide = int(GeoPrecision.REGION)
    return [
        {
            "lat": float(g.lat),
            "lon": float(g.lon),
            "dx": float(g.dx),
            "dy": float(g.dy),
            "wide": int(g.geo_precision) == wide,
            "type": type_index[g.target_type],
            "rows": [int(r) for r in g.row],
        }
        for g in groups.itertuples(index=False)
    ]


def _points(latest: pd.DataFrame, type_index: Mapping[str, int]) -> Points:
    types = latest["target_type"].map(type_index).to_numpy(dtype=np.uint8)
    return {
        "count": len(latest),
        "lat": _b64(latest["lat"].to_numpy(), "<f4"),
        "lon": _b64(latest["lon"].to_numpy(), "<f4"),
        "type": _b64(types, "<u1"),
        "row": _b64(np.arange(len(latest)), "<u4"),
    }


def cell_size(zoom: int) -> float:
    """Degrees of longitude a cell spans at ``zoom`` (:data:`CELL_PIXELS` wide)."""
    return CELL_PIXELS * 360.0 / (256 * 2 ** max(zoom, 0))


def _counted(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(group of each key, distinct keys) in order of first appearance: a hash
    pass, not a sort."""
    groups, distinct = pd.factorize(keys)
    return groups, np.asarray(distinct)


def _deaths(latest: pd.DataFrame) -> np.ndarray:
    """Reported deaths per row (silent fields count as none)."""
    total = np.zeros(len(latest), dtype=np.int64)
    for column in DEATH_FIELDS:
        total += latest[column].to_numpy(dtype=np.int64, na_value=0)
    return total


def _cells(latest: pd.DataFrame, zoom: int) -> list[Cell]:
    size = cell_size(zoom)
    row = np.floor(latest["lat"].to_numpy() / size).astype(np.int64)
    col = np.floor(latest["lon"].to_numpy() / size).astype(np.int64)
    groups, keys = _counted(row * 10_000_000 + col)
    counts = np.bincount(groups, minlength=len(keys))
    death_sums = np.bincount(groups, weights=_deaths(latest), minlength=len(keys))
    order = np.argsort(keys, kind="stable")
    rows, cols = np.divmod(keys[order], 10_000_000)
    return [
        {
            "south": round(float(r * size), 5),
            "west": round(float(c * size), 5),
            "north": round(float((r + 1) * size), 5),
            "east": round(float((c + 1) * size), 5),
            "count": int(n),
            "deaths": int(d),
        }
        for r, c, n, d in zip(rows, cols, counts[order], death_sums[order], strict=True)
    ]


def _place_groups(latest: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """(group of each row, first row of each group) for the rows' (place,
    geo precision), through the place's category codes where it has them."""
    codes = value_codes(latest["place"])
    groups, _ = _counted(codes * 8 + latest["geo_precision"].to_numpy())
    first = np.full(groups.max() + 1 if len(groups) else 0, -1, dtype=np.int64)
    first[groups[::-1]] = np.arange(len(groups) - 1, -1, -1)
    return groups, first


MEDIAN_SAMPLE = 5_000
"""Rows of a place its median point is taken over (the first, in date order)."""


def _medians(latest: pd.DataFrame, groups: np.ndarray, chosen: np.ndarray) -> dict:
    """{group: (median lat, median lon)} for the ``chosen`` groups only (a few
    dozen), each over its first :data:`MEDIAN_SAMPLE` rows (a place's first rows
    give its middle as well as all of them would)."""
    lat, lon = latest["lat"].to_numpy(), latest["lon"].to_numpy()
    where = {}
    for group in chosen.tolist():
        sample = np.flatnonzero(groups == group)[:MEDIAN_SAMPLE]
        where[group] = (float(np.median(lat[sample])), float(np.median(lon[sample])))
    return where


def death_circles(latest: pd.DataFrame) -> list[Deaths]:
    """One circle per place with reported deaths (the places with most, first)."""
    values = {
        c: latest[c].to_numpy(dtype=np.float64, na_value=np.nan) for c in DEATH_FIELDS
    }
    reported = np.zeros(len(latest), dtype=bool)
    for column in DEATH_FIELDS:
        reported |= ~np.isnan(values[column])
    if not reported.any():
        return []
    latest = latest.loc[reported, ["place", "geo_precision", "lat", "lon"]]
    groups, first = _place_groups(latest)
    sums, said = {}, {}
    for column in DEATH_FIELDS:
        known = values[column][reported]
        sums[column] = np.bincount(
            groups, weights=np.nan_to_num(known), minlength=len(first)
        )
        said[column] = (
            np.bincount(groups, weights=~np.isnan(known), minlength=len(first)) > 0
        )
    totals = sum(sums.values()).astype(np.int64)
    chosen = np.argsort(-totals, kind="stable")[:MAX_DEATH_CIRCLES]
    where = _medians(latest, groups, chosen)
    places = latest["place"].iloc[first[chosen]].astype(str).tolist()
    precisions = latest["geo_precision"].to_numpy()[first[chosen]].tolist()
    circles: list[Deaths] = []
    for group, place, precision in zip(chosen, places, precisions, strict=True):
        total = int(totals[group])
        wide = precision == GeoPrecision.REGION
        title = (
            f"{place}: province-wide totals, not tied to any place" if wide else place
        )
        parts = [
            f"{CASUALTY_FIELDS[column]}: {int(sums[column][group]):,}"
            for column in DEATH_FIELDS
            if said[column][group]
        ]
        lat, lon = where[int(group)]
        circles.append(
            {
                "lat": lat,
                "lon": lon,
                "radius": death_radius(total),
                "total": total,
                "wide": bool(wide),
                "lines": [title, f"{total:,} killed", *parts],
            }
        )
    return circles


def death_radius(total: int) -> float:
    """Pixel radius whose circle area grows in proportion to the deaths."""
    return round(max(9.0, 3.5 * math.sqrt(total)), 1)


def place_labels(latest: pd.DataFrame) -> list[PlaceLabel]:
    """The places with most incidents, named on the map."""
    if latest.empty:
        return []
    groups, first = _place_groups(latest)
    sizes = np.bincount(groups, minlength=len(first))
    chosen = np.argsort(-sizes, kind="stable")[:MAX_PLACE_LABELS]
    where = _medians(latest, groups, chosen)
    places = latest["place"].iloc[first[chosen]].astype(str).tolist()
    precisions = latest["geo_precision"].to_numpy()[first[chosen]].tolist()
    labels: list[PlaceLabel] = []
    for group, place, precision in zip(chosen, places, precisions, strict=True):
        wide = precision == GeoPrecision.REGION
        lat, lon = where[int(group)]
        labels.append(
            {
                "lat": lat,
                "lon": lon,
                "text": f"{place} (province-wide)" if wide else place,
                "wide": bool(wide),
            }
        )
    return labels


def heat_points(latest: pd.DataFrame) -> list[HeatPoint]:
    """Incidents counted per cell of about 2 km (placed towns only)."""
    towns = latest[latest["geo_precision"] != int(GeoPrecision.REGION)]
    if towns.empty:
        return []
    lat = np.round(towns["lat"].to_numpy() / HEAT_GRID).astype(np.int64)
    lon = np.round(towns["lon"].to_numpy() / HEAT_GRID).astype(np.int64)
    groups, distinct = _counted(lat * 100_000 + lon)
    counts = np.bincount(groups, minlength=len(distinct))
    ascending = np.argsort(distinct, kind="stable")  # as a sort would list them
    keys, counts = distinct[ascending], counts[ascending]
    order = np.argsort(-counts, kind="stable")[:MAX_HEAT_POINTS]
    rows, cols = np.divmod(keys[order], 100_000)
    return [
        {"lat": r, "lon": c, "weight": n}
        for r, c, n in zip(
            np.round(rows * HEAT_GRID, 4).tolist(),
            np.round(cols * HEAT_GRID, 4).tolist(),
            counts[order].tolist(),
            strict=True,
        )
    ]


def data_bounds(latest: pd.DataFrame) -> list[list[float]] | None:
    if latest.empty:
        return None
    return [
        [float(latest["lat"].min()), float(latest["lon"].min())],
        [float(latest["lat"].max()), float(latest["lon"].max())],
    ]


def _groups_at_most(latest: pd.DataFrame, most: int) -> bool:
    """Whether the rows fall into at most ``most`` marker groups; a first slice of
    the rows answers 'no' without grouping all of them."""
    keys = ["target_type", "lat", "lon", "geo_precision"]
    if len(latest) <= most:
        return True
    head = latest.iloc[: most * 4]
    if head.groupby(keys, sort=False).ngroups > most:
        return False
    return latest.groupby(keys, sort=False).ngroups <= most


def choose_mode(latest: pd.DataFrame, view: View | None) -> tuple[Mode, pd.Series]:
    """How to draw, and which rows to send: every row as markers while the groups
    are few, else the rows in view as points while they fit the budget, else
    cells."""
    everything = pd.Series(True, index=latest.index)
    if _groups_at_most(latest, MAX_MARKERS):
        return "markers", everything
    if view is None:
        inside = everything
    else:
        widened = view.widened()
        inside = pd.Series(
            widened.contains(latest["lat"].to_numpy(), latest["lon"].to_numpy()),
            index=latest.index,
        )
    if int(inside.sum()) <= POINT_BUDGET:
        return "points", inside
    return "cells", inside


@dataclass(frozen=True)
class ViewlessLayers:
    """The parts of a payload that do not depend on the view: worked out once per
    selection, whatever the browser shows."""

    deaths: list[Deaths]
    places: list[PlaceLabel]
    heat: list[HeatPoint]
    bounds: list[list[float]] | None


def viewless_layers(
    latest: pd.DataFrame,
    selection: pd.DataFrame | None = None,
    skipped: Collection[str] = (),
) -> ViewlessLayers:
    """Deaths, place names and heat of ``latest`` (none for a ``skipped`` layer
    key), and the bounds of ``selection`` (default: ``latest``)."""
    return ViewlessLayers(
        deaths=[] if DEATHS_KEY in skipped else death_circles(latest),
        places=[] if NAMES_KEY in skipped else place_labels(latest),
        heat=[] if HEAT_KEY in skipped else heat_points(latest),
        bounds=data_bounds(latest if selection is None else selection),
    )


def build_payload(
    latest: pd.DataFrame,
    present_types: Sequence[str],
    history: Mapping[str, list[str]] | None = None,
    view: View | None = None,
    hidden: Collection[str] = (),
    selection: pd.DataFrame | None = None,
    *,
    skip_hidden: bool = False,
    viewless: ViewlessLayers | None = None,
) -> MapPayload:
    """What the browser draws for ``latest`` (revised records folded in).

    ``present_types`` keeps one layer per target type in the data, whatever the
    filters; ``view`` (from the browser) decides what is sent when there is much;
    ``selection`` gives the bounds 'fit' shows (default: ``latest``);
    ``skip_hidden`` leaves out the data of hidden deaths, names and heat layers
    (the page draws no hidden layer; a map file lets them be ticked on);
    ``viewless`` is :func:`viewless_layers` of the same arguments, when the
    caller already has it.
    """
    history = history or {}
    skipped = set(hidden) if skip_hidden else set()
    if viewless is None:
        viewless = viewless_layers(latest, selection, skipped)
    types = [code for code in TARGET_TYPES if code in set(present_types)]
    type_index = {code: i for i, code in enumerate(types)}
    mode, chosen = choose_mode(latest, view)
    if mode == "cells":  # counts per area need the points and deaths only
        sent = latest.loc[chosen.to_numpy(), ["lat", "lon", *DEATH_FIELDS]]
    else:
        sent = latest[chosen.to_numpy()] if mode != "markers" else latest
    strings = StringTable()
    rows: dict[str, list[int] | int] = {}
    markers: list[Marker] = []
    points: Points | None = None
    cells: list[Cell] = []
    note = ""
    if mode == "cells":
        cells = _cells(sent, view.zoom if view else 5)
        note = (
            f"{len(latest):,} incidents selected, {int(chosen.sum()):,} in view: "
            "counted per area. Zoom in to see each incident by target type."
        )
    else:
        rows = _rows(sent, history, strings, long_text=True)
        if strings.chars > MAX_TEXT_CHARS:
            strings = StringTable()
            rows = _rows(sent, history, strings, long_text=False)
            note = "Notes and source excerpts are in the table below the map."
        if mode == "markers":
            markers = _markers(_groups(sent), type_index)
        else:
            points = _points(sent, type_index)
    classes = [c.key for c in TARGET_CLASSES]
    payload: MapPayload = {
        "schema": SCHEMA,
        "id": "",
        "mode": mode,
        "note": note,
        "words": WORDS,
        "fields": TEXT_FIELDS,
        "counts": COUNT_FIELDS,
        "classes": [
            ClassStyle(key=c.key, label=c.label, colour=c.colour, shape=c.shape)
            for c in TARGET_CLASSES
        ],
        "shapes": SHAPE_PATHS,
        "types": [
            TypeStyle(
                code=code,
                label=TARGET_TYPES[code].label,
                cls=classes.index(target_class(code).key),
            )
            for code in types
        ],
        "hidden": sorted(hidden),
        "strings": strings.values,
        "rows": rows,
        "markers": markers,
        "points": points,
        "cells": cells,
        "deaths": viewless.deaths,
        "places": viewless.places,
        "heat": viewless.heat,
        "bounds": viewless.bounds,
    }
    payload["id"] = payload_id(payload)
    return payload


_WRITTEN: OrderedDict[str, tuple[int, str]] = OrderedDict()
"""The JSON (without the id) of the last payloads built, by id, with the payload
object it was written from: a payload is written once, for its id and for the
page. (A payload is not changed once built: its id names its content.)"""
_WRITING = threading.Lock()


def payload_id(payload: Mapping[str, object]) -> str:
    """A hash of the payload's content (without its id)."""
    content = script_json({k: v for k, v in payload.items() if k != "id"})
    written = hashlib.sha256(content.encode()).hexdigest()[:16]
    with _WRITING:
        _WRITTEN[written] = (id(payload), content)
        _WRITTEN.move_to_end(written)
        while len(_WRITTEN) > 4:
            _WRITTEN.popitem(last=False)
    return written


def payload_script(payload: MapPayload) -> str:
    """The payload as JSON that is safe inside a <script> element: the same text
    for the same content, written or not before (the page redraws the map's
    layers when their script changes)."""
    with _WRITING:
        owner, content = _WRITTEN.get(payload["id"], (None, ""))
    if owner != id(payload):
        content = script_json({k: v for k, v in payload.items() if k != "id"})
    rest = content[1:]
    return '{"id":' + script_json(payload["id"]) + ("," if rest != "}" else "") + rest


def script_json(value: object) -> str:
    """Compact JSON that is also safe inside a <script> element."""
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
