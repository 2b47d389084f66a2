"""The map's data, compact: incident table -> plain lists the browser draws. Pure.

Built for 100,000 incidents: columns are encoded with pandas (no Python object per
incident), strings are sent once each and referred to by index, and the incidents
of one target type at one point travel as one group, drawn as one marker whose
popup pages through them. ``static/incident-map.js`` reads these structures.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping

import numpy as np
import pandas as pd

from components.frame import earlier_records
from components.model import (
    CASUALTY_FIELDS,
    DEATH_FIELDS,
    TARGET_TYPES,
    DatePrecision,
    GeoPrecision,
)

STACK_RADIUS = 13
"""Pixels between a shared point and the markers fanned out around it."""
MAX_PLACE_LABELS = 60
"""More places than this are named only in their tooltips, not on the map."""

_PRECISION_LABELS = {int(p): p.label for p in GeoPrecision}
_DATE_PRECISION_LABELS = {int(p): p.label for p in DatePrecision}


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


class StringTable:
    """Each distinct string once; rows refer to it by index (-1: none)."""

    def __init__(self) -> None:
        self.values: list[str] = []
        self._index: dict[str, int] = {}

    def encode(self, column: pd.Series, *, blank_is_none: bool = False) -> np.ndarray:
        codes, uniques = pd.factorize(column.fillna(""), sort=False)
        mapping = np.array([self.add(str(u)) for u in uniques] or [0], dtype=np.int64)
        encoded = mapping[codes] if len(codes) else np.zeros(0, dtype=np.int64)
        if blank_is_none:
            encoded = np.where(column.fillna("").to_numpy() == "", -1, encoded)
        return encoded

    def add(self, value: str) -> int:
        if value not in self._index:
            self._index[value] = len(self.values)
            self.values.append(value)
        return self._index[value]


def _column(values: np.ndarray) -> list[int] | int:
    """A column as a list, or as one number when every row holds the same."""
    if len(values) and (values == values[0]).all():
        return int(values[0])
    return values.tolist()


def stack_offsets(groups: pd.DataFrame) -> pd.DataFrame:
    """Pixel offsets (dx, dy) that fan out the groups sharing a point.

    Only the drawing moves: each marker keeps its true coordinates.
    """
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


def _format_dates(dates: pd.Series, pattern: str) -> pd.Series:
    """strftime through the distinct values: a year of dates is 365 calls, not 100k."""
    codes, uniques = pd.factorize(dates)
    labels = np.array(
        [d.strftime(pattern) if pd.notna(d) else "" for d in uniques] + [""]
    )
    return pd.Series(labels[codes], index=dates.index)


def _text_columns(latest: pd.DataFrame) -> pd.DataFrame:
    """The strings a popup shows, one column each, built column-wise."""
    publisher = latest["source_publisher"].replace("", "publisher not named")
    source_date = _format_dates(latest["source_date"], ", %d %b %Y")
    reported_as = latest["place_reported"].where(
        latest["place_reported"] != latest["place"], ""
    )
    return pd.DataFrame(
        {
            "place": latest["place"],
            "reported_as": reported_as,
            "precision": latest["geo_precision"].map(_PRECISION_LABELS),
            "target": latest["target_label"],
            "attacks": latest["attack_labels"],
            "date": _format_dates(latest["date"], "%d %b %Y")
            + " ("
            + latest["date_precision"].map(_DATE_PRECISION_LABELS)
            + ")",
            "notes": latest["notes"],
            "source": latest["source_title"]
            + " ("
            + publisher
            + source_date
            + "), "
            + latest["source_location"],
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


def incident_groups(
    latest: pd.DataFrame, history: Mapping[str, list[str]] | None = None
) -> dict[str, dict]:
    """{"strings", "columns", "types"} for the browser: one column per popup field
    (string indexes, counts with -1 for not reported) and, per target type, its
    style and its groups of rows.

    ``latest`` holds the records to draw (revised ones already folded in);
    ``history`` the earlier figures of revised records, by id.
    """
    history = history or {}
    strings = StringTable()
    texts = _text_columns(latest)
    encoded = {
        "place": strings.encode(texts["place"]),
        "reported_as": strings.encode(texts["reported_as"], blank_is_none=True),
        "precision": strings.encode(texts["precision"]),
        "target": strings.encode(texts["target"]),
        "attacks": strings.encode(texts["attacks"]),
        "date": strings.encode(texts["date"]),
        "notes": strings.encode(texts["notes"], blank_is_none=True),
        "source": strings.encode(texts["source"]),
        "excerpt": strings.encode(texts["excerpt"], blank_is_none=True),
    }
    counts = latest[list(CASUALTY_FIELDS)].astype("Int64").fillna(-1)
    columns = {name: _column(values) for name, values in encoded.items()}
    columns["counts"] = [_column(counts[c].to_numpy(dtype=np.int64)) for c in counts]
    if history:
        columns["earlier"] = [
            [strings.add(text) for text in history.get(record, [])]
            for record in latest["id"]
        ]

    groups = (
        latest.assign(row=np.arange(len(latest)))
        .groupby(["target_type", "lat", "lon", "geo_precision"], sort=False)["row"]
        .agg(list)
        .reset_index()
    )
    groups[["dx", "dy"]] = stack_offsets(groups)
    by_type: dict[str, dict] = {}
    for code, part in groups.groupby("target_type", sort=False):
        target = TARGET_TYPES[code]
        by_type[code] = {
            "style": {"colour": target.colour, "label": target.label},
            "groups": [
                [
                    g.lat,
                    g.lon,
                    g.dx,
                    g.dy,
                    int(g.geo_precision == GeoPrecision.REGION),
                    g.row,
                ]
                for g in part.itertuples(index=False)
            ],
        }
    return {"strings": strings.values, "columns": columns, "types": by_type}


def death_circles(latest: pd.DataFrame) -> list[list]:
    """[lat, lon, radius, wide, lines]: one circle per point with reported deaths."""
    deaths = latest[["place", "lat", "lon", "geo_precision", *DEATH_FIELDS]]
    reported = deaths[list(DEATH_FIELDS)].notna().any(axis=1)
    circles = []
    grouped = deaths[reported].groupby(["place", "lat", "lon", "geo_precision"])
    for (place, lat, lon, precision), group in grouped:
        sums = {column: group[column].sum(min_count=1) for column in DEATH_FIELDS}
        total = int(sum(v for v in sums.values() if pd.notna(v)))
        wide = precision == GeoPrecision.REGION
        title = (
            f"{place}: province-wide totals, not tied to any place" if wide else place
        )
        parts = [
            f"{CASUALTY_FIELDS[column]}: {int(value):,}"
            for column, value in sums.items()
            if pd.notna(value)
        ]
        circles.append(
            [
                lat,
                lon,
                death_radius(total),
                int(wide),
                [title, f"{total:,} killed", *parts],
            ]
        )
    return circles


def death_radius(total: int) -> float:
    """Pixel radius whose circle area grows in proportion to the deaths."""
    return round(max(4.0, 3.0 * math.sqrt(total)), 1)


def place_labels(latest: pd.DataFrame) -> list[list]:
    """[lat, lon, text, anchor x, anchor y, centred] for the places with most
    incidents; a province-wide place is centred under its ring of markers."""
    places = (
        latest.groupby(["place", "lat", "lon", "geo_precision"], sort=False)
        .size()
        .sort_values(ascending=False)
        .head(MAX_PLACE_LABELS)
    )
    labels = []
    for (place, lat, lon, precision), _ in places.items():
        wide = precision == GeoPrecision.REGION
        text = f"{place} (province-wide)" if wide else place
        anchor = (0, -(STACK_RADIUS * 3 + 8)) if wide else (-12, 8)
        labels.append([lat, lon, text, anchor[0], anchor[1], int(wide)])
    return labels


def heat_points(latest: pd.DataFrame) -> list[list]:
    """[lat, lon, incidents] per point, for the heat-map layer."""
    towns = latest[latest["geo_precision"] != int(GeoPrecision.REGION)]
    counts = towns.groupby(["lat", "lon"]).size()
    return [[lat, lon, int(n)] for (lat, lon), n in counts.items()]
