"""Incident table -> folium map. Pure: imports no Streamlit.

The base map (tiles, view) is the same on every call with the same assets, so
streamlit-folium keeps it mounted; the data arrive as layers: one per target type,
deaths, place names, a heat map, and counts per area when there are too many
incidents to draw one by one. Every layer names the payload
(``components.map.payload``, schema ``components.map.contract``) that
``static/incident-map.js`` draws in the browser, putting every piece of incident
text into the page as text, never as HTML. The legend, the 'fit' control and the
map's note are drawn by the script from the payload.
"""

from __future__ import annotations

import html
from collections.abc import Collection, Sequence

import folium
import pandas as pd
from jinja2 import Template

from components.domain.share_link import (
    CELLS_KEY,
    DEATHS_KEY,
    HEAT_KEY,
    HIDDEN_BY_DEFAULT,
    NAMES_KEY,
    MapView,
)
from components.domain.table import latest_records
from components.domain.vocabularies import TARGET_TYPES
from components.map.assets import MapAssets, map_assets
from components.map.contract import LayerCall, MapPayload
from components.map.literal_elements import (
    LiteralFeatureGroup,
    LiteralMacroElement,
    LiteralText,
)
from components.map.payload.build import View, build_payload
from components.map.payload.json_text import payload_script, script_json
from components.map.payload.popups import earlier_figures
from components.map.symbols import SHAPE_PATHS, target_class

DEFAULT_VIEW = MapView(lat=28.4, lon=66.4, zoom=6)
DEATHS_LAYER = "Deaths (circle area grows with deaths)"
CELLS_LAYER = "Incidents per area (too many to draw one by one)"
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
    ".leaflet-control-layers, .incident-legend { font-size: 13px; line-height: 1.45; }"
    ".basemap-label-icon { pointer-events: none; }"
    ".town-label { font: 11px/1.2 sans-serif; color: #4a4a4a; white-space: nowrap;"
    " text-shadow: 0 0 2px #fff, 0 0 2px #fff; }"
    ".town-label::before { content: ''; display: inline-block; width: 4px;"
    " height: 4px; border-radius: 50%; background: #4a4a4a; margin: 0 4px 1px -2px; }"
    ".province-label { display: inline-block; transform: translate(-50%, -50%);"
    " font: italic 12px/1.2 serif; color: #857a88; letter-spacing: 0.08em;"
    " white-space: nowrap; }"
    ".incident-marker { background: none; border: 0; }"
    ".incident-symbol { position: relative;"
    " filter: drop-shadow(0 0 1px rgba(0,0,0,.8)); }"
    ".incident-symbol svg { display: block; }"
    ".incident-count { position: absolute; left: 50%; top: 50%;"
    " transform: translate(-50%, -50%); font: 700 10px/1 sans-serif; color: #fff;"
    " text-shadow: 0 0 2px #000, 0 0 2px #000; pointer-events: none; }"
    ".deaths-number { transform: translate(-50%, -50%); font: 700 13px/1 sans-serif;"
    " color: #7a0c1c; white-space: nowrap; text-shadow: 0 0 3px #fff, 0 0 3px #fff,"
    " 0 0 3px #fff; pointer-events: none; }"
    ".incident-legend { background: rgba(255,255,255,0.94); padding: 4px 9px;"
    " border-radius: 4px; box-shadow: 0 1px 4px rgba(0,0,0,0.3); max-width: 290px; }"
    ".incident-legend summary { font-weight: 700; cursor: pointer; }"
    ".legend-row { display: flex; align-items: center; gap: 6px; margin: 2px 0; }"
    ".legend-deaths { display: inline-block; width: 14px; height: 14px;"
    " border-radius: 50%; border: 2.5px solid #B2182B; background: rgba(178,24,43,.12);"
    " box-sizing: border-box; }"
    ".incident-note { background: rgba(255,255,255,0.92); padding: 3px 8px;"
    " border-radius: 4px; font: 13px/1.4 sans-serif; max-width: 460px; }"
    ".incident-fit a { font-size: 18px; font-weight: 700; }"
    ".layer-symbol { vertical-align: -3px; margin-right: 3px; }"
    ".leaflet-control-layers-base { font-style: italic; }"
    # Long unbroken text (a URL, a pasted blob) wraps instead of leaving the box.
    ".incident-popup { overflow-wrap: anywhere; max-height: 50vh; overflow-y: auto; }"
)

DARK_MAP_CSS = (
    "div.leaflet-container { background: #0b1a2a; }"
    ".place-label { color: #ffffff; font-size: 16px;"
    " text-shadow: 0 0 3px #000, 0 0 3px #000, 0 0 3px #000; }"
    ".country-label { color: #c8c8c8; font-size: 14px; }"
    ".town-label { color: #e0e0e0; font-size: 14px;"
    " text-shadow: 0 0 2px #000, 0 0 2px #000; }"
    ".town-label::before { background: #e0e0e0; }"
    ".province-label { color: #bcb2c0; font-size: 15px; }"
    ".incident-symbol { transform: scale(1.4); }"
    ".deaths-number { color: #ffd1d6; font-size: 17px;"
    " text-shadow: 0 0 3px #000, 0 0 3px #000, 0 0 3px #000; }"
    ".incident-legend, .incident-note, .leaflet-control-layers {"
    " background: rgba(13,17,23,0.94); color: #f5f5f5; font-size: 16px; }"
)
"""The projector's map: dark sea and land, light labels, symbols 40% larger."""


def base_map(
    assets: MapAssets | None = None,
    view: MapView | None = None,
    *,
    dark: bool = False,
) -> folium.Map:
    """The map without data: identical on every call with the same arguments.
    Its base layers keep their names from call to call (folium would draw new
    ones): the layer control names them, and streamlit-folium redraws every
    incident layer when the control's script changes.

    Base layers: an outline map (land, coast, borders, country names) drawn from a
    file the app serves, which needs no network, and OpenStreetMap tiles for when
    the internet is reachable. ``dark`` is the projector's high-contrast look.
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
    css = MAP_CSS + (DARK_MAP_CSS if dark else "")
    fmap.get_root().header.add_child(LiteralText(f"<style>{css}</style>"))
    if assets.basemap_url:
        outline = folium.FeatureGroup(name=OUTLINE_LAYER, overlay=False, show=True)
        outline._id = "outline"
        styles = DARK_OUTLINE_STYLES if dark else OUTLINE_STYLES
        OutlineBasemap(assets.basemap_url, styles).add_to(outline)
        if assets.detail_url:
            detail = {
                "url": assets.detail_url,
                "styles": DARK_DETAIL_STYLES if dark else DETAIL_STYLES,
            }
            DataCall("detail", detail).add_to(outline)
        outline.add_to(fmap)
    tiles = folium.TileLayer(
        "OpenStreetMap",
        name=TILES_LAYER,
        attr="© OpenStreetMap contributors",
        overlay=False,
        show=not assets.basemap_url,
    )
    tiles._id = "openstreetmap"
    tiles.add_to(fmap)
    return fmap


def map_payload(
    frame: pd.DataFrame,
    target_types: Sequence[str] | None = None,
    hidden: Collection[str] = HIDDEN_BY_DEFAULT,
    view: View | None = None,
    *,
    skip_hidden: bool = False,
) -> MapPayload:
    """The payload for ``frame``: records revised by a later one are not drawn (the
    popup of the later one lists their figures); ``target_types`` (default: those
    in ``frame``) keeps one layer per type while filters change; ``skip_hidden``
    leaves out hidden layers' data (the page, which does not draw them)."""
    latest = latest_records(frame)
    present = (
        target_types if target_types is not None else frame["target_type"].unique()
    )
    return build_payload(
        latest,
        list(present),
        earlier_figures(frame),
        view,
        hidden,
        selection=latest,
        skip_hidden=skip_hidden,
    )


def incident_layers(
    payload: MapPayload, *, in_control: bool = False
) -> list[folium.FeatureGroup]:
    """One layer per target type, then deaths, place names and a heat map (and
    counts per area when the payload has them), each drawing from ``payload``.

    On the page the sidebar chooses the layers, so hidden ones are left out; in a
    map file (``in_control``) every layer is in the map's layer control, the
    hidden ones unticked."""
    keys = [t["code"] for t in payload["types"]]
    names = [layer_name(code) for code in keys]
    kinds = ["type"] * len(keys)
    if payload["mode"] == "cells":
        keys, names, kinds = (
            [CELLS_KEY, *keys],
            [CELLS_LAYER, *names],
            ["cells", *kinds],
        )
    keys += [DEATHS_KEY, NAMES_KEY, HEAT_KEY]
    names += [DEATHS_LAYER, PLACE_NAMES_LAYER, HEAT_LAYER]
    kinds += ["deaths", "names", "heat"]
    hidden = set(payload["hidden"])
    layers = []
    for key, name, kind in zip(keys, names, kinds, strict=True):
        if key in hidden and not in_control:
            continue
        layer = LiteralFeatureGroup(
            name=name, overlay=True, show=key not in hidden, control=in_control
        )
        call: LayerCall = {"payload": payload["id"], "key": key, "kind": kind}
        DataCall("layer", call).add_to(layer)
        layers.append(layer)
    if not layers:  # every layer hidden: the payload still sets the legend and fit
        layers.append(LiteralFeatureGroup(name="incident-map data", control=False))
    DataCall("payload", encoded=payload_script(payload), with_layer=False).add_to(
        layers[0]
    )
    return layers


def build_map(
    frame: pd.DataFrame,
    assets: MapAssets | None = None,
    caption: Sequence[str] = (),
) -> folium.Map:
    """A complete map: base, layers, layer control, and an optional caption (for
    map files and tests)."""
    fmap = base_map(assets)
    for layer in incident_layers(map_payload(frame), in_control=True):
        layer.add_to(fmap)
    folium.LayerControl(collapsed=True).add_to(fmap)
    if caption:
        Caption(caption).add_to(fmap)
    return fmap


def layer_name(code: str) -> str:
    """A target type's layer name with its class's symbol (trusted vocabulary)."""
    target = target_class(code)
    shape = SHAPE_PATHS[target.shape]
    wide_label = TARGET_TYPES_LABELS[code]
    return (
        '<svg class="layer-symbol" width="13" height="13" viewBox="0 0 24 24" '
        f'aria-hidden="true"><path d="{shape}" fill="{target.colour}" '
        f'fill-rule="evenodd"/></svg>{html.escape(wide_label)}'
    )


TARGET_TYPES_LABELS = {code: t.label for code, t in TARGET_TYPES.items()}


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

    def __init__(
        self,
        function: str,
        *arguments: object,
        with_layer: bool = True,
        encoded: str | None = None,
    ):
        """``IncidentMap.<function>(<the layer>, <arguments as JSON>)``;
        ``encoded`` is the arguments already written (safe in a script)."""
        super().__init__()
        self._name = "DataCall"
        self.function = function
        self.with_layer = with_layer
        self.arguments = (
            encoded
            if encoded is not None
            else ", ".join(script_json(argument) for argument in arguments)
        )


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
DETAIL_STYLES = {
    "province": {"color": "#9a8f9c", "weight": 1.1, "dashArray": "2 3"},
    "district": {"color": "#bbbbbb", "weight": 0.6, "dashArray": "3 3"},
    "road": {"color": "#b08060", "weight": 1},
    "railway": {"color": "#333333", "weight": 1, "dashArray": "6 4"},
}
"""The detail basemap's lines (``components.map.basemap_detail``)."""
DARK_DETAIL_STYLES = {
    **DETAIL_STYLES,
    "province": {"color": "#a59aa8", "weight": 1.4, "dashArray": "2 3"},
}
DARK_OUTLINE_STYLES = {
    "land": {"stroke": False, "fillColor": "#1f2630", "fillOpacity": 1},
    "coast": {"color": "#5b86a8", "weight": 1.4, "fill": False},
    "border": {
        "color": "#c9b3cc",
        "weight": 1.8,
        "dashArray": "6 3",
        "fill": False,
    },
}
"""The projector's basemap: dark land, light borders."""


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

    def __init__(self, url: str, styles: dict = OUTLINE_STYLES) -> None:
        super().__init__()
        self._name = "OutlineBasemap"
        self.url = url
        self.styles = styles


CAPTION_STYLE = (
    "background:rgba(255,255,255,0.94);padding:6px 9px;border-radius:4px;"
    "font:13px/1.5 sans-serif;box-shadow:0 1px 4px rgba(0,0,0,0.3);max-width:420px"
)


class Caption(LiteralMacroElement):
    """Lines of text in a box at the top left, set as text (never as HTML)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.control({position: "topleft"});
        {{ this.get_name() }}.onAdd = function () {
            var div = L.DomUtil.create("div", "incident-caption");
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
        self.style = CAPTION_STYLE
