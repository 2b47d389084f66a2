"""The map without data: its scripts, its CSS (``css/``) and its base layers: an
outline map (land, coast, borders, country names) with provinces and towns,
drawn from files the app serves, which needs no network, and OpenStreetMap tiles
for when the internet is reachable. Pure: imports no Streamlit."""

from __future__ import annotations

from pathlib import Path

import folium
from jinja2 import Template

from components.domain.viewport import MapView
from components.map.assets import MapAssets, map_assets
from components.map.basemap import REGION_BBOX
from components.map.literal_elements import DataCall, LiteralMacroElement, LiteralText

CSS = Path(__file__).resolve().parent / "css"


def stylesheet(name: str) -> str:
    """The text of ``css/<name>.css``."""
    return (CSS / f"{name}.css").read_text("utf-8")


MAP_CSS = stylesheet("map")
DARK_MAP_CSS = stylesheet("projector")
"""The projector's map: dark sea and land, light labels, symbols 40% larger."""
DEFAULT_VIEW = MapView(lat=28.4, lon=66.4, zoom=6)
MIN_ZOOM = 4
"""Zoomed out no further: the basemap covers the region, not the world."""
OUTLINE_LAYER = "Outline map (offline)"
TILES_LAYER = "OpenStreetMap (online)"
OUTLINE_STYLES = {
    "sea": {"stroke": False, "fillColor": "#cfe0ec", "fillOpacity": 1},
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
    "sea": {"stroke": False, "fillColor": "#0b1a2a", "fillOpacity": 1},
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
    west, south, east, north = REGION_BBOX
    fmap = folium.Map(
        location=view.centre,
        zoom_start=view.zoom,
        tiles=None,
        control_scale=True,
        prefer_canvas=True,
        min_zoom=MIN_ZOOM,
        max_bounds=True,
        min_lat=south,
        max_lat=north,
        min_lon=west,
        max_lon=east,
    )
    fmap.default_js = [*assets.js, ("incident_map", assets.script)]
    fmap.default_css = list(assets.css)
    css = MAP_CSS + (DARK_MAP_CSS if dark else "")
    fmap.get_root().header.add_child(LiteralText(f"<style>{css}</style>"))
    if assets.basemap_url:
        outline = folium.FeatureGroup(name=OUTLINE_LAYER, overlay=False, show=True)
        outline._id = "outline"
        styles = DARK_OUTLINE_STYLES if dark else OUTLINE_STYLES
        OutlineBasemap(assets.basemap_url, styles, REGION_BBOX).add_to(outline)
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
                var box = {{ this.bbox|tojson }};  // west, south, east, north
                if (styles.sea) {
                    // The sea within the basemap's region; beyond it, the map's
                    // plain ground (css/map.css), not a sea that never ends.
                    L.rectangle([[box[1], box[0]], [box[3], box[2]]], Object.assign(
                        {pane: "tilePane", renderer: L.svg({pane: "tilePane"}),
                         interactive: false}, styles.sea))
                        .addTo({{ this._parent.get_name() }});
                }
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

    def __init__(
        self,
        url: str,
        styles: dict = OUTLINE_STYLES,
        bbox: tuple[float, float, float, float] = REGION_BBOX,
    ) -> None:
        super().__init__()
        self._name = "OutlineBasemap"
        self.url = url
        self.styles = styles
        self.bbox = list(bbox)
