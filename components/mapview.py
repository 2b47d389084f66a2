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
from branca.element import Element, MacroElement
from jinja2 import Template

from components.assets import MapAssets, map_assets
from components.data import earlier_records, latest_records
from components.model import (
    CASUALTY_FIELDS,
    DEATH_FIELDS,
    TARGET_TYPES,
    DatePrecision,
    GeoPrecision,
)
from components.text import html_text

Coordinate = tuple[float, float]

MAP_CENTER: Coordinate = (28.4, 66.4)
MAP_ZOOM = 6
DEATHS_LAYER = "Deaths (circle area ∝ deaths)"
PLACE_NAMES_LAYER = "Place names"
OUTLINE_LAYER = "Outline map (offline)"
TILES_LAYER = "OpenStreetMap (online)"
SEA_COLOUR = "#cfe0ec"
MAP_CSS = (
    f".leaflet-container {{ background: {SEA_COLOUR}; }}"
    ".place-label { font: 600 12px/1.2 sans-serif; color: #1b1b1b; white-space: nowrap;"
    " text-shadow: 0 0 3px #fff, 0 0 3px #fff, 0 0 3px #fff; pointer-events: none; }"
    ".country-label { font: 11px/1.2 sans-serif; letter-spacing: 0.12em;"
    " text-transform: uppercase; color: #6b6b6b; white-space: nowrap;"
    " pointer-events: none; }"
    ".leaflet-control-layers, .incident-legend { font-size: 12px; line-height: 1.45; }"
    ".leaflet-control-layers-base { font-style: italic; }"
)
MARKER_SIZE = 14
STACK_RADIUS = 13
"""Pixels between a shared point and the markers fanned out around it."""
CASUALTY_COLOUR = "#b2182b"


def base_map(assets: MapAssets | None = None) -> folium.Map:
    """The map without data: identical on every call with the same assets.

    Base layers: an outline map (land, coast, borders, country names) drawn from a
    file the app serves, which needs no network, and OpenStreetMap tiles for when
    the internet is reachable.
    """
    assets = assets or map_assets()
    fmap = folium.Map(
        location=MAP_CENTER,
        zoom_start=MAP_ZOOM,
        tiles=None,
        control_scale=True,
    )
    fmap.default_js = list(assets.js)
    fmap.default_css = list(assets.css)
    fmap.get_root().header.add_child(Element(f"<style>{MAP_CSS}</style>"))
    if assets.basemap_url:
        outline = folium.FeatureGroup(name=OUTLINE_LAYER, overlay=False, show=True)
        OutlineBasemap(assets.basemap_url).add_to(outline)
        outline.add_to(fmap)
    folium.TileLayer(
        "OpenStreetMap",
        name=TILES_LAYER,
        attr="© OpenStreetMap contributors",
        overlay=False,
        show=not assets.basemap_url,
    ).add_to(fmap)
    Legend().add_to(fmap)
    return fmap


def incident_layers(frame: pd.DataFrame) -> list[folium.FeatureGroup]:
    """One layer per target type (all of them, empty or not), the deaths layer and
    place names. Records revised by a later one are not drawn; the popup of the
    later one lists their figures."""
    history = _earlier_figures(frame)
    frame = latest_records(frame)
    layers = {
        code: folium.FeatureGroup(name=layer_name(code), overlay=True, show=True)
        for code in TARGET_TYPES
    }
    offsets = stack_offsets(frame)
    for row, offset in zip(frame.itertuples(index=False), offsets, strict=True):
        _marker(row, offset, history.get(row.id, [])).add_to(layers[row.target_type])
    deaths = folium.FeatureGroup(name=DEATHS_LAYER, overlay=True, show=True)
    for circle in _death_circles(frame):
        circle.add_to(deaths)
    names = folium.FeatureGroup(name=PLACE_NAMES_LAYER, overlay=True, show=True)
    for label in _place_labels(frame):
        label.add_to(names)
    return [*layers.values(), deaths, names]


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


def _earlier_figures(frame: pd.DataFrame) -> dict[str, list[str]]:
    """Popup lines (escaped) for the records each revision replaced."""
    by_id = frame.set_index("id")
    lines: dict[str, list[str]] = {}
    for record, chain in earlier_records(frame).items():
        for old in chain:
            if old not in by_id.index:
                continue
            row = by_id.loc[old]
            counts = ", ".join(
                f"{label.lower()} {_count(row[column])}"
                for column, label in CASUALTY_FIELDS.items()
                if pd.notna(row[column])
            )
            when = (
                ""
                if pd.isna(row["source_date"])
                else f", {row['source_date']:%d %b %Y}"
            )
            lines.setdefault(record, []).append(
                f"{html_text(counts or 'no figures')} "
                f"({html_text(row['source_title'])}{when})"
            )
    return lines


def _marker(row, offset: Coordinate, earlier: list[str]) -> folium.Marker:
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
        popup=folium.Popup(popup_html(row, earlier), max_width=360),
    )


def _count(value: object) -> str:
    return "not reported" if pd.isna(value) else f"{int(value):,}"


def popup_html(row, earlier: list[str] = ()) -> str:
    """The popup of one incident row; every value escaped. ``earlier`` holds the
    (already escaped) figures of the records this one revised."""
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
    lines.extend(f"<b>Earlier report:</b> {line}" for line in earlier)
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


def _place_labels(frame: pd.DataFrame) -> Iterable[folium.Marker]:
    """A name beside each place in the selection; province-wide ones say so."""
    places = frame[["place", "lat", "lon", "geo_precision"]].drop_duplicates("place")
    for row in places.itertuples(index=False):
        wide = row.geo_precision == GeoPrecision.REGION
        text = (
            f"{html_text(row.place)} (province-wide)" if wide else html_text(row.place)
        )
        # Province-wide: centred under its ring of markers and deaths circle.
        centred = ' style="transform: translateX(-50%)"' if wide else ""
        anchor = (0, -(STACK_RADIUS * 3 + 8)) if wide else (-12, 8)
        yield folium.Marker(
            location=(row.lat, row.lon),
            icon=folium.DivIcon(
                html=f'<div class="place-label"{centred}>{text}</div>',
                icon_size=(0, 0),
                icon_anchor=anchor,
                class_name="place-label-icon",
            ),
            interactive=False,
        )


def death_radius(total: int) -> float:
    """Pixel radius whose circle area grows in proportion to the deaths."""
    return max(4.0, 3.0 * math.sqrt(total))


OUTLINE_STYLES = {
    "land": {"stroke": False, "fillColor": "#f4f1ea", "fillOpacity": 1},
    "coast": {"color": "#7a9bb5", "weight": 1.2, "fill": False},
    "border": {
        "color": "#8c7b8f",
        "weight": 1.4,
        "dashArray": "5 3",
        "fill": False,
    },
}
"""Leaflet path options per kind of outline feature."""


class OutlineBasemap(MacroElement):
    """Draws the outline basemap GeoJSON, fetched from the app, into its parent."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        fetch({{ this.url|tojson }})
            .then(function (response) {
                if (!response.ok) { throw new Error(response.statusText); }
                return response.json();
            })
            .then(function (data) {
                var styles = {{ this.styles|tojson }};
                L.geoJSON(data, {
                    // Below every data layer, whenever the file arrives.
                    pane: "tilePane",
                    interactive: false,
                    style: function (feature) {
                        return styles[feature.properties.kind];
                    },
                    pointToLayer: function (feature, latlng) {
                        var label = document.createElement("div");
                        label.textContent = feature.properties.name;
                        return L.marker(latlng, {
                            pane: "tilePane",
                            zIndexOffset: 1000,  // above the land fill
                            interactive: false,
                            keyboard: false,
                            icon: L.divIcon({
                                className: "country-label",
                                html: label.outerHTML,
                                iconSize: null,
                            }),
                        });
                    },
                }).addTo({{ this._parent.get_name() }});
            })
            .catch(function (error) {
                console.warn("Outline basemap not loaded:", error);
            });
        {% endmacro %}
        """
    )

    def __init__(self, url: str) -> None:
        super().__init__()
        self._name = "OutlineBasemap"
        self.url = url
        self.styles = OUTLINE_STYLES


class Legend(MacroElement):
    """A fixed legend for marker styles and the deaths circles."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.control({position: "bottomright"});
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
