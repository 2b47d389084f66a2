"""How to draw the selection, and the payload that says so.

The map draws groups (the incidents of one target type at one point: see
``groups``), never an incident alone, so what is sent is bounded by groups and
bytes, not by incidents: up to :data:`MAX_MARKERS` groups in the selection,
each is an HTML marker with its count; beyond that, the groups in view go as
typed arrays drawn on a canvas, up to :data:`POINT_BUDGET`; beyond that, counts
per grid cell in view. A million incidents on a thousand towns send what a
thousand points need. No incident's text is sent: a popup asks the app for its
incidents a page at a time (``pages``); a map file carries them (``inline``).

Where the groups come from is a :class:`GroupSource`: the rows the page holds
(:class:`FrameGroups`), or the database's queries
(``components.store.map_groups.SqlGroups``), which give the same payload without
the page holding the table (tested against this one; the page uses them above
``INCIDENT_MAP_SQL_ABOVE`` incidents: ``components.store.sql_page``).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import pandas as pd

from components.domain.vocabularies import TARGET_TYPES
from components.map.contract import (
    SCHEMA,
    Cell,
    ClassStyle,
    Inline,
    MapPayload,
    Marker,
    Mode,
    Points,
    TypeStyle,
    Words,
)
from components.map.payload.cells import cell_counts, cells
from components.map.payload.columns import StringTable
from components.map.payload.groups import (
    GROUP_KEYS,
    TableGroups,
    in_groups,
    point_groups,
)
from components.map.payload.json_text import payload_id
from components.map.payload.markers import markers
from components.map.payload.points import points
from components.map.payload.popups import COUNT_FIELDS, TEXT_FIELDS, popup_rows
from components.map.payload.viewless import ViewlessLayers, viewless_layers
from components.map.symbols import SHAPE_PATHS, TARGET_CLASSES, target_class

MAX_MARKERS = 1_500
"""More groups than this are drawn on a canvas instead (HTML markers are DOM
nodes; Leaflet slows past a few thousand)."""
POINT_BUDGET = 50_000
"""More groups in view than this are counted per grid cell instead: 50,000
points are 17 bytes each in base64, about 0.9 MB."""
PAYLOAD_BUDGET = 5_000_000
"""Bytes a payload stays under whatever the data (checked by the tests at the
budgets above)."""
VIEW_MARGIN = 0.25
"""Points this share of the view beyond each edge are sent too, for panning."""
MAX_TEXT_CHARS = 1_500_000
"""Long free text (notes, source excerpts) is left out of a map file past this."""
INLINE_PER_GROUP = 100
"""A map file carries at most this many incidents of a group (the first, in
date order); its popup says so."""

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
    "killedHere": "killed, as reported",
    "loading": "Loading the incidents\u2026",
    "gone": "The map has changed since it was drawn: reload the page to see "
    "these incidents.",
    "failed": "The incidents could not be loaded; try again.",
    "inFile": "this map file holds the first",
    "wholeProvince": "whole province: the source does not say where",
    "items": "items",
}


Popups = Callable[[str, pd.DataFrame], str]
"""Given a payload's content id and the groups it sends, where its popups ask
for their incidents (the caller serves them: ``components.map.payload.pages``)."""


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


class GroupSource(Protocol):
    """The groups of a selection, as the payload needs them."""

    def all_groups(self, most: int) -> pd.DataFrame | None:
        """Every group of the selection, or None when there are more than
        ``most``."""
        ...

    def groups_in(self, view: View | None, most: int) -> pd.DataFrame | None:
        """The groups in ``view`` (None: everywhere), or None when there are
        more than ``most``."""
        ...

    def cells_in(self, view: View | None, zoom: int) -> pd.DataFrame:
        """Incidents and deaths per cell at ``zoom`` in ``view`` (see
        :func:`~components.map.payload.cells.cell_counts`)."""
        ...

    def incidents(self) -> int:
        """Incidents in the selection."""
        ...


class FrameGroups:
    """The groups of rows the page holds (``latest``), worked out once: from the
    :class:`~components.map.payload.groups.TableGroups` of the table they were
    taken from, when given, else by grouping them."""

    def __init__(self, latest: pd.DataFrame, table: TableGroups | None = None) -> None:
        self.latest = latest
        self._table = table
        self._groups: pd.DataFrame | None = None

    @property
    def groups(self) -> pd.DataFrame:
        if self._groups is None:
            from_table = self._table.groups_of(self.latest) if self._table else None
            self._groups = (
                point_groups(self.latest) if from_table is None else from_table
            )
        return self._groups

    def all_groups(self, most: int) -> pd.DataFrame | None:
        return self.groups if len(self.groups) <= most else None

    def _inside(self, view: View | None) -> pd.DataFrame:
        if view is None:
            return self.groups
        groups = self.groups
        return groups[view.contains(groups["lat"].to_numpy(), groups["lon"].to_numpy())]

    def groups_in(self, view: View | None, most: int) -> pd.DataFrame | None:
        inside = self._inside(view)
        return inside.reset_index(drop=True) if len(inside) <= most else None

    def cells_in(self, view: View | None, zoom: int) -> pd.DataFrame:
        return cell_counts(self._inside(view), zoom)

    def incidents(self) -> int:
        return len(self.latest)


def choose_mode(
    source: GroupSource, view: View | None
) -> tuple[Mode, pd.DataFrame | None]:
    """How to draw, and the groups to send (None for cells): every group as a
    marker while they are few, else the groups in (a little more than) the view
    as points while they fit the budget, else counts per cell."""
    every = source.all_groups(MAX_MARKERS)
    if every is not None:
        return "markers", every
    inside = source.groups_in(view.widened() if view else None, POINT_BUDGET)
    if inside is not None:
        return "points", inside
    return "cells", None


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
    groups: FrameGroups | None = None,
    popups: Popups | None = None,
    inline: bool = False,
) -> MapPayload:
    """What the browser draws for ``latest`` (revised records folded in).

    ``present_types`` keeps one layer per target type in the data, whatever the
    filters; ``view`` (from the browser) decides what is sent when there is much;
    ``selection`` gives the bounds 'fit' shows (default: ``latest``);
    ``skip_hidden`` leaves out the data of hidden deaths, names and heat layers
    (the page draws no hidden layer; a map file lets them be ticked on);
    ``viewless`` is :func:`viewless_layers` of the same arguments and ``groups``
    the :class:`FrameGroups` of ``latest``, when the caller already has them;
    ``popups`` says where popups ask for their incidents (see
    :data:`Popups`); ``inline`` carries them in the payload instead, with the
    figures of earlier records ``history`` (a map file has no server to ask).
    """
    skipped = set(hidden) if skip_hidden else set()
    if viewless is None:
        viewless = viewless_layers(latest, selection, skipped)
    source = groups or FrameGroups(latest)
    return assemble_payload(
        source,
        present_types,
        view,
        hidden,
        viewless,
        popups=popups,
        inline=(lambda chosen: inline_popups(latest, chosen, history or {}))
        if inline
        else None,
    )


def assemble_payload(
    source: GroupSource,
    present_types: Sequence[str],
    view: View | None,
    hidden: Collection[str],
    viewless: ViewlessLayers,
    *,
    popups: Popups | None = None,
    inline: Callable[[pd.DataFrame], tuple[Inline, str]] | None = None,
) -> MapPayload:
    """The payload of the groups ``source`` gives; ``inline(groups)`` makes the
    popups a map file carries (and a note about them)."""
    types = [code for code in TARGET_TYPES if code in set(present_types)]
    type_index = {code: i for i, code in enumerate(types)}
    mode, chosen = choose_mode(source, view)
    strings = StringTable()
    marker_list: list[Marker] = []
    canvas: Points | None = None
    counted: list[Cell] = []
    carried: Inline | None = None
    note = ""
    if mode == "cells":
        zoom = view.zoom if view else 5
        counts = source.cells_in(view.widened() if view else None, zoom)
        counted = cells(counts, zoom)
        note = (
            f"{source.incidents():,} incidents selected, "
            f"{int(counts['count'].sum()):,} in view: counted per area. "
            "Zoom in to see each incident by target type."
        )
    else:
        assert chosen is not None
        if mode == "markers":
            marker_list = markers(chosen, type_index, strings)
        else:
            canvas = points(chosen, type_index)
        if inline is not None:
            carried, note = inline(chosen)
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
        "popup": "",
        "inline": carried,
        "markers": marker_list,
        "points": canvas,
        "cells": counted,
        "deaths": viewless.deaths,
        "places": viewless.places,
        "heat": viewless.heat,
        "bounds": viewless.bounds,
    }
    payload["id"] = payload_id(payload)
    if popups is not None and chosen is not None and len(chosen):
        payload["popup"] = popups(payload["id"], chosen)
        payload["id"] = payload_id(payload)
    return payload


def inline_popups(
    latest: pd.DataFrame, groups: pd.DataFrame, history: Mapping[str, list[str]]
) -> tuple[Inline, str]:
    """The popups of ``groups`` for a map file: up to :data:`INLINE_PER_GROUP`
    incidents of each (the first, in date order), as columns with each string
    once; long text left out past :data:`MAX_TEXT_CHARS` (with a note)."""
    if groups.empty:
        return {"strings": [], "rows": {}, "members": []}, ""
    rows = latest[in_groups(latest, groups)] if len(groups) < 64 else latest
    number = (
        pd.Series(np.arange(len(groups)), index=_group_index(groups))
        .reindex(_group_index(rows))
        .to_numpy()
    )
    held = ~np.isnan(number)
    rows, number = rows[held], number[held].astype(np.int64)
    rank = pd.Series(number).groupby(number).cumcount().to_numpy()
    kept = rank < INLINE_PER_GROUP
    rows, number = rows[kept], number[kept]
    members: list[list[int]] = [[] for _ in range(len(groups))]
    for position, group in enumerate(number.tolist()):
        members[group].append(position)
    strings = StringTable()
    columns = popup_rows(rows, history, strings, long_text=True)
    note = ""
    if strings.chars > MAX_TEXT_CHARS:
        strings = StringTable()
        columns = popup_rows(rows, history, strings, long_text=False)
        note = "Notes and source excerpts are in the table below the map."
    return {"strings": strings.values, "rows": columns, "members": members}, note


def _group_index(frame: pd.DataFrame) -> pd.MultiIndex:
    """The group keys of a group table's or a table's rows, as one index."""
    return pd.MultiIndex.from_arrays(
        [
            frame[column].astype(str).to_numpy()
            if column in ("target_type", "place")
            else frame[column].to_numpy()
            for column in GROUP_KEYS
        ]
    )
