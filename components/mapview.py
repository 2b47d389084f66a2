"""Incident table -> folium map. Pure: imports no Streamlit.

The base map (tiles, legend, view) is the same on every call, so streamlit-folium
keeps it mounted; the data arrive as layers: one per target type and one for deaths.
Every piece of incident text is escaped with :func:`components.text.html_text`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import folium
import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

from components.model import (
    CASUALTY_FIELDS,
    DEATH_FIELDS,
    TARGET_TYPES,
    DatePrecision,
    GeoPrecision,
)
from components.text import html_text

Coordinate = tuple[float, float]

MAP_CENTER: Coordinate = (28.6, 65.9)
MAP_ZOOM = 6
DEATHS_LAYER = "Deaths (circle area ∝ deaths)"
MARKER_SIZE = 14
STACK_RADIUS = 13
"""Pixels between a shared point and the markers fanned out around it."""
CASUALTY_COLOUR = "#b2182b"


def base_map() -> folium.Map:
    """The map without data: identical on every call."""
    fmap = folium.Map(
        location=MAP_CENTER,
        zoom_start=MAP_ZOOM,
        tiles=None,
        control_scale=True,
    )
    folium.TileLayer(
        "OpenStreetMap",
        name="OpenStreetMap",
        attr="© OpenStreetMap contributors",
    ).add_to(fmap)
    Legend().add_to(fmap)
    return fmap


def incident_layers(frame: pd.DataFrame) -> list[folium.FeatureGroup]:
    """One layer per target type (all of them, empty or not), then the deaths layer."""
    layers = {
        code: folium.FeatureGroup(name=layer_name(code), overlay=True, show=True)
        for code in TARGET_TYPES
    }
    offsets = stack_offsets(frame)
    for row, offset in zip(frame.itertuples(index=False), offsets, strict=True):
        _marker(row, offset).add_to(layers[row.target_type])
    deaths = folium.FeatureGroup(name=DEATHS_LAYER, overlay=True, show=True)
    for circle in _death_circles(frame):
        circle.add_to(deaths)
    return [*layers.values(), deaths]


def build_map(frame: pd.DataFrame) -> folium.Map:
    """A complete map: base, layers and layer control (for files and tests)."""
    fmap = base_map()
    for layer in incident_layers(frame):
        layer.add_to(fmap)
    folium.LayerControl(collapsed=False).add_to(fmap)
    return fmap


def layer_name(code: str) -> str:
    """A target type's layer name, with its colour swatch (trusted vocabulary)."""
    target = TARGET_TYPES[code]
    return f'<span style="color:{target.colour}">●</span> {html_text(target.label)}'


def stack_offsets(frame: pd.DataFrame) -> list[Coordinate]:
    """Pixel offsets that fan out markers sharing a point, so each can be clicked.

    Only the drawing moves: each marker keeps its true coordinates.
    """
    keys = list(zip(frame["lat"].round(5), frame["lon"].round(5), strict=True))
    sizes = pd.Series(keys, dtype=object).value_counts().to_dict() if keys else {}
    seen: dict[Coordinate, int] = {}
    offsets = []
    for key in keys:
        index = seen.get(key, 0)
        seen[key] = index + 1
        count = sizes[key]
        if count == 1:
            offsets.append((0.0, 0.0))
            continue
        radius = STACK_RADIUS * max(1.0, count / 6)
        angle = -math.pi / 2 + 2 * math.pi * index / count
        offsets.append((radius * math.cos(angle), radius * math.sin(angle)))
    return offsets


def _marker(row, offset: Coordinate) -> folium.Marker:
    target = TARGET_TYPES[row.target_type]
    wide = row.geo_precision == GeoPrecision.REGION
    border = f"2px dashed {target.colour}" if wide else "2px solid #ffffff"
    fill = "rgba(255,255,255,0.85)" if wide else target.colour
    dot = (
        f'<div style="width:{MARKER_SIZE}px;height:{MARKER_SIZE}px;border-radius:50%;'
        f"box-sizing:border-box;background:{fill};border:{border};"
        'box-shadow:0 0 2px rgba(0,0,0,0.7)"></div>'
    )
    half = MARKER_SIZE / 2
    icon = folium.DivIcon(
        html=dot,
        icon_size=(MARKER_SIZE, MARKER_SIZE),
        icon_anchor=(half - offset[0], half - offset[1]),
        class_name="incident-marker",
    )
    where = " (province-wide; exact place not reported)" if wide else ""
    tooltip = f"{html_text(row.place)}{where} · {html_text(target.label)}"
    return folium.Marker(
        location=(row.lat, row.lon),
        icon=icon,
        tooltip=folium.Tooltip(tooltip),
        popup=folium.Popup(popup_html(row), max_width=360),
    )


def _count(value: object) -> str:
    return "not reported" if pd.isna(value) else f"{int(value):,}"


def popup_html(row) -> str:
    """The popup of one incident row; every value escaped."""
    precision = GeoPrecision(row.geo_precision)
    date_precision = DatePrecision(row.date_precision)
    publisher = row.source_publisher or "publisher not named"
    source_date = "" if pd.isna(row.source_date) else f", {row.source_date:%d %b %Y}"
    lines = [
        f"<b>{html_text(row.place)}</b> <small>({html_text(precision.label)})</small>",
        f"<b>Target:</b> {html_text(row.target_label)}",
        f"<b>Attack:</b> {html_text(row.attack_labels)}",
        *(
            f"<b>{html_text(label)}:</b> {_count(getattr(row, column))}"
            for column, label in CASUALTY_FIELDS.items()
        ),
        f"<b>Date:</b> {row.date:%d %b %Y} ({html_text(date_precision.label)})",
    ]
    if row.place_reported != row.place:
        lines.append(f"<b>Reported as:</b> {html_text(row.place_reported)}")
    if row.notes:
        lines.append(f"<b>Notes:</b> {html_text(row.notes)}")
    lines.append(
        f"<b>Source:</b> {html_text(row.source_title)} "
        f"({html_text(publisher)}{source_date}), {html_text(row.source_location)}"
    )
    if row.source_excerpt:
        lines.append(f"<i>“{html_text(row.source_excerpt)}”</i>")
    return '<div class="incident-popup">' + "<br>".join(lines) + "</div>"


def _death_circles(frame: pd.DataFrame) -> Iterable[folium.CircleMarker]:
    """One circle per place with reported deaths; area proportional to the total."""
    deaths = frame[["place", "lat", "lon", "geo_precision", *DEATH_FIELDS]]
    reported = deaths[list(DEATH_FIELDS)].notna().any(axis=1)
    grouped = deaths[reported].groupby(["place", "lat", "lon", "geo_precision"])
    for (place, lat, lon, precision), group in grouped:
        sums = {
            column: group[column].sum() if group[column].notna().any() else None
            for column in DEATH_FIELDS
        }
        total = sum(int(value) for value in sums.values() if value is not None)
        wide = precision == GeoPrecision.REGION
        parts = ", ".join(
            f"{CASUALTY_FIELDS[column].lower()}: {_count(value)}"
            for column, value in sums.items()
        )
        title = (
            f"{html_text(place)}: province-wide totals, not tied to any place"
            if wide
            else html_text(place)
        )
        text = f"<b>{title}</b><br>{total:,} killed ({parts})"
        yield folium.CircleMarker(
            location=(lat, lon),
            radius=death_radius(total),
            color=CASUALTY_COLOUR,
            weight=2,
            dash_array="6 4" if wide else None,
            fill=True,
            fill_color=CASUALTY_COLOUR,
            fill_opacity=0.18,
            tooltip=folium.Tooltip(text),
            popup=folium.Popup(f'<div class="incident-popup">{text}</div>'),
        )


def death_radius(total: int) -> float:
    """Pixel radius whose circle area grows in proportion to the deaths."""
    return max(4.0, 3.0 * math.sqrt(total))


class Legend(MacroElement):
    """A fixed legend for marker styles and the deaths circles."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.control({position: "bottomleft"});
        {{ this.get_name() }}.onAdd = function () {
            var div = L.DomUtil.create("div", "incident-legend");
            div.innerHTML = {{ this.html|tojson }};
            div.style.cssText = {{ this.style|tojson }};
            return div;
        };
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    style = (
        "background:rgba(255,255,255,0.92);padding:6px 9px;border-radius:4px;"
        "font:12px/1.5 sans-serif;box-shadow:0 1px 4px rgba(0,0,0,0.3)"
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "Legend"
        swatch = (
            '<span style="display:inline-block;width:11px;height:11px;'
            "border-radius:50%;vertical-align:middle;margin-right:5px;"
        )
        self.html = "<br>".join(
            [
                "<b>Markers</b> (colour = target type, see layers)",
                f'{swatch}background:#555;border:2px solid #fff"></span>'
                "in a named town",
                f'{swatch}border:2px dashed #555"></span>'
                "province-wide: place not reported",
                f"{swatch}border:2px dashed {CASUALTY_COLOUR};"
                f'background:rgba(178,24,43,0.18)"></span>deaths (area ∝ count)',
            ]
        )
