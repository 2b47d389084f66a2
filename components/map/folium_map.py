"""Incident table -> folium map. Pure: imports no Streamlit.

The base map (``components.map.base_layers``) is the same on every call with the
same assets, so streamlit-folium keeps it mounted; the data arrive as layers: one
per target type, deaths, place names, a heat map, and counts per area when there
are too many incidents to draw one by one. Every layer names the payload
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

from components.domain.layers import (
    CELLS_KEY,
    DEATHS_KEY,
    HEAT_KEY,
    HIDDEN_BY_DEFAULT,
    NAMES_KEY,
)
from components.domain.table import latest_records
from components.domain.vocabularies import TARGET_TYPES
from components.map.assets import MapAssets
from components.map.base_layers import base_map, stylesheet
from components.map.contract import LayerCall, MapPayload
from components.map.literal_elements import (
    DataCall,
    LiteralFeatureGroup,
    LiteralMacroElement,
)
from components.map.payload.build import View, build_payload
from components.map.payload.json_text import payload_script
from components.map.payload.popups import earlier_figures
from components.map.symbols import SHAPE_PATHS, target_class

DEATHS_LAYER = "Deaths (circle area grows with deaths)"
CELLS_LAYER = "Incidents per area (too many to draw one by one)"
HEAT_LAYER = "Heat map (incidents)"
PLACE_NAMES_LAYER = "Place names"
CAPTION_CSS = stylesheet("caption")


def map_payload(
    frame: pd.DataFrame,
    target_types: Sequence[str] | None = None,
    hidden: Collection[str] = HIDDEN_BY_DEFAULT,
    view: View | None = None,
    *,
    skip_hidden: bool = False,
    inline: bool = True,
) -> MapPayload:
    """The payload for ``frame``: records revised by a later one are not drawn (the
    popup of the later one lists their figures); ``target_types`` (default: those
    in ``frame``) keeps one layer per type while filters change; ``skip_hidden``
    leaves out hidden layers' data (the page, which does not draw them);
    ``inline`` carries the popups' incidents (a map file, with no server to ask
    for them)."""
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
        inline=inline,
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


class Caption(LiteralMacroElement):
    """Lines of text in a box at the top left, set as text (never as HTML), styled
    by ``css/caption.css``."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}<style>{{ this.css }}</style>{% endmacro %}
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.control({position: "topleft"});
        {{ this.get_name() }}.onAdd = function () {
            var div = L.DomUtil.create("div", "incident-caption");
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
        self.css = CAPTION_CSS
