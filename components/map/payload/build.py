"""How to draw the selection, and the payload that says so.

Up to :data:`MAX_MARKERS` groups (incidents of one target type at one point), each
group is an HTML marker; beyond that, the incidents in view go as typed arrays
that the browser draws on a canvas, up to :data:`POINT_BUDGET`; beyond that,
counts per grid cell in view. The layers that do not depend on the view come
from ``viewless``.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from components.domain.model import DEATH_FIELDS
from components.domain.vocabularies import TARGET_TYPES
from components.map.contract import (
    SCHEMA,
    Cell,
    ClassStyle,
    MapPayload,
    Marker,
    Mode,
    Points,
    TypeStyle,
    Words,
)
from components.map.payload.cells import cells
from components.map.payload.columns import StringTable
from components.map.payload.json_text import payload_id
from components.map.payload.markers import groups_at_most, markers
from components.map.payload.points import points
from components.map.payload.popups import COUNT_FIELDS, TEXT_FIELDS, popup_rows
from components.map.payload.viewless import ViewlessLayers, viewless_layers
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
    "wholeProvince": "whole province: the source does not say where",
    "items": "items",
}


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


def choose_mode(latest: pd.DataFrame, view: View | None) -> tuple[Mode, pd.Series]:
    """How to draw, and which rows to send: every row as markers while the groups
    are few, else the rows in view as points while they fit the budget, else
    cells."""
    everything = pd.Series(True, index=latest.index)
    if groups_at_most(latest, MAX_MARKERS):
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
    marker_list: list[Marker] = []
    canvas: Points | None = None
    counted: list[Cell] = []
    note = ""
    if mode == "cells":
        counted = cells(sent, view.zoom if view else 5)
        note = (
            f"{len(latest):,} incidents selected, {int(chosen.sum()):,} in view: "
            "counted per area. Zoom in to see each incident by target type."
        )
    else:
        rows = popup_rows(sent, history, strings, long_text=True)
        if strings.chars > MAX_TEXT_CHARS:
            strings = StringTable()
            rows = popup_rows(sent, history, strings, long_text=False)
            note = "Notes and source excerpts are in the table below the map."
        if mode == "markers":
            marker_list = markers(sent, type_index)
        else:
            canvas = points(sent, type_index)
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
        "markers": marker_list,
        "points": canvas,
        "cells": counted,
        "deaths": viewless.deaths,
        "places": viewless.places,
        "heat": viewless.heat,
        "bounds": viewless.bounds,
    }
    payload["id"] = payload_id(payload)
    return payload
