"""Incident table -> folium map. Pure: imports no Streamlit.

The base map (tiles, legend, view) is the same on every call, so streamlit-folium
keeps it mounted; the data arrive as layers: one per target type, deaths, place
names and a heat map. The layers carry compact data (``components.mapdata``) that
``static/incident-map.js`` draws in the browser, putting every piece of incident
text into the page as text, never as HTML.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import folium
import pandas as pd
from jinja2 import Template

from components.assets import MapAssets, map_assets
from components.frame import latest_records
from components.mapdata import (
    death_circles,
    earlier_figures,
    heat_points,
    incident_groups,
    place_labels,
    script_json,
)
from components.model import TARGET_TYPES
from components.page_text import LiteralMacroElement, LiteralText
from components.text import html_text
from components.views import (
    DEATHS_KEY,
    HEAT_KEY,
    HIDDEN_BY_DEFAULT,
    NAMES_KEY,
    MapView,
    layer_keys,
)

DEFAULT_VIEW = MapView(lat=28.4, lon=66.4, zoom=6)
DEATHS_LAYER = "Deaths (circle area ∝ deaths)"
HEAT_LAYER = "Heat map (incidents)"
PLACE_NAMES_LAYER = "Place names"
OUTLINE_LAYER = "Outline map (offline)"
TILES_LAYER = "OpenStreetMap (online)"
SEA_COLOUR = "#cfe0ec"
MAP_CSS = (
    f"div.leaflet-container {{ background: {SEA_COLOUR}; }}"
    ".place-label { font: 600 12px/1.2 sans-serif; color: #1b1b1b; white-space: nowrap;"
    " text-shadow: 0 0 3px #fff, 0 0 3px #fff, 0 0 3px #fff; pointer-events: none; }"
    ".country-label { font: 11px/1.2 sans-serif; letter-spacing: 0.12em;"
    " text-transform: uppercase; color: #6b6b6b; white-space: nowrap;"
    " pointer-events: none; }"
    ".leaflet-control-layers, .incident-legend { font-size: 12px; line-height: 1.45; }"
    ".leaflet-control-layers-base { font-style: italic; }"
    # Long unbroken text (a URL, a pasted blob) wraps instead of leaving the box.
    ".incident-popup { overflow-wrap: anywhere; max-height: 50vh; overflow-y: auto; }"
)
CASUALTY_COLOUR = "#b2182b"


def base_map(
    assets: MapAssets | None = None, view: MapView | None = None
) -> folium.Map:
    """The map without data: identical on every call with the same assets.

    Base layers: an outline map (land, coast, borders, country names) drawn from a
    file the app serves, which needs no network, and OpenStreetMap tiles for when
    the internet is reachable.
    """
    assets = assets or map_assets()
    view = view or DEFAULT_VIEW
    fmap = folium.Map(
        location=view.centre,
        zoom_start=view.zoom,
        tiles=None,
        control_scale=True,
        prefer_canvas=True,
    )
    fmap.default_js = [*assets.js, ("incident_map", assets.script)]
    fmap.default_css = list(assets.css)
    fmap.get_root().header.add_child(LiteralText(f"<style>{MAP_CSS}</style>"))
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


def incident_layers(
    frame: pd.DataFrame,
    target_types: Sequence[str] | None = None,
    hidden: Collection[str] = HIDDEN_BY_DEFAULT,
) -> list[folium.FeatureGroup]:
    """One layer per target type, then deaths, place names and a heat map.

    ``target_types`` (default: those in ``frame``) keeps the layer list the same
    while filters change; ``hidden`` names the layers that start unticked (keys of
    :func:`components.views.layer_keys`). Records revised by a later one are not
    drawn; the popup of the later one lists their figures.
    """
    latest = latest_records(frame)
    payload = incident_groups(latest, earlier_figures(frame))
    present = target_types if target_types is not None else set(frame["target_type"])
    codes = [code for code in TARGET_TYPES if code in present]
    keys = layer_keys(codes)
    names = [layer_name(code) for code in codes]
    names += [DEATHS_LAYER, PLACE_NAMES_LAYER, HEAT_LAYER]
    layers = {
        key: folium.FeatureGroup(name=name, overlay=True, show=key not in hidden)
        for key, name in zip(keys, names, strict=True)
    }
    first = next(iter(layers.values()))
    DataCall(
        "setData",
        {"strings": payload["strings"], "columns": payload["columns"]},
        with_layer=False,
    ).add_to(first)
    for key, layer in layers.items():
        DataCall("register", key, not layer.show, key not in HIDDEN_BY_DEFAULT).add_to(
            layer
        )
    for code in codes:
        if code in payload["types"]:
            DataCall("addIncidents", payload["types"][code]).add_to(layers[code])
    DataCall("addDeaths", death_circles(latest), CASUALTY_COLOUR).add_to(
        layers[DEATHS_KEY]
    )
    DataCall("addLabels", place_labels(latest)).add_to(layers[NAMES_KEY])
    DataCall("addHeat", heat_points(latest)).add_to(layers[HEAT_KEY])
    return list(layers.values())


def build_map(
    frame: pd.DataFrame,
    assets: MapAssets | None = None,
    caption: Sequence[str] = (),
) -> folium.Map:
    """A complete map: base, layers, layer control, and an optional caption (for
    map files and tests)."""
    fmap = base_map(assets)
    for layer in incident_layers(frame):
        layer.add_to(fmap)
    folium.LayerControl(collapsed=False).add_to(fmap)
    if caption:
        Caption(caption).add_to(fmap)
    return fmap


def layer_name(code: str) -> str:
    """A target type's layer name, with its colour swatch (trusted vocabulary)."""
    target = TARGET_TYPES[code]
    return f'<span style="color:{target.colour}">●</span> {html_text(target.label)}'


class DataCall(LiteralMacroElement):
    """A call into static/incident-map.js with the layer and its data."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        IncidentMap.{{ this.function }}(
            {%- if this.with_layer %}{{ this._parent.get_name() }}, {% endif -%}
            {{ this.arguments }});
        {% endmacro %}
        """
    )

    def __init__(self, function: str, *arguments: object, with_layer: bool = True):
        super().__init__()
        self._name = "DataCall"
        self.function = function
        self.with_layer = with_layer
        self.arguments = ", ".join(script_json(argument) for argument in arguments)


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


class OutlineBasemap(LiteralMacroElement):
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
                    renderer: L.svg({pane: "tilePane"}),
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


class Caption(LiteralMacroElement):
    """Lines of text in a box at the top left, set as text (never as HTML)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.control({position: "topleft"});
        {{ this.get_name() }}.onAdd = function () {
            var div = L.DomUtil.create("div", "incident-legend");
            div.style.cssText = {{ this.style|tojson }};
            {{ this.lines|tojson }}.forEach(function (text, i) {
                var line = document.createElement(i ? "div" : "b");
                line.textContent = text;
                div.appendChild(line);
            });
            return div;
        };
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, lines: Sequence[str]) -> None:
        super().__init__()
        self._name = "Caption"
        self.lines = list(lines)
        self.style = Legend.style + ";max-width:420px"


class Legend(LiteralMacroElement):
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
