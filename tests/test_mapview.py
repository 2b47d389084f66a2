import re

import folium
import pytest

from components.assets import cdn_assets, local_assets
from components.mapview import (
    DEATHS_LAYER,
    PLACE_NAMES_LAYER,
    base_map,
    build_map,
    death_radius,
    incident_layers,
    stack_offsets,
)
from components.model import TARGET_TYPES

HOSTILE = ["<img src=x onerror=alert(1)>", "`${alert(1)}`", "</script>"]


def rendered(frame) -> str:
    return build_map(frame).get_root().render()


def test_map_renders_one_marker_per_row(seed_frame):
    html = rendered(seed_frame)
    assert html.count('"className": "incident-marker"') == len(seed_frame)
    assert "L.control.layers" in html


def test_one_layer_per_target_type_and_a_deaths_layer(seed_frame):
    layers = incident_layers(seed_frame)
    assert len(layers) == len(TARGET_TYPES) + 2
    names = [layer.layer_name for layer in layers]
    for target in TARGET_TYPES.values():
        assert any(name.endswith(target.label) for name in names)
    assert names[-2:] == [DEATHS_LAYER, PLACE_NAMES_LAYER]
    prison = next(layer for layer in layers if layer.layer_name.endswith("Prison"))
    markers = [c for c in prison._children.values() if isinstance(c, folium.Marker)]
    assert [m.location for m in markers] == [[29.79966, 66.84553]]


def test_province_totals_drawn_once_as_a_casualty_circle(seed_frame):
    deaths = incident_layers(seed_frame)[-2]
    circles = [
        c for c in deaths._children.values() if isinstance(c, folium.CircleMarker)
    ]
    assert len(circles) == 1
    (circle,) = circles
    assert circle.options["radius"] == pytest.approx(death_radius(31 + 17 + 145))
    tooltip = next(
        c.text for c in circle._children.values() if isinstance(c, folium.Tooltip)
    )
    assert "province-wide totals, not tied to any place" in tooltip
    assert "civilians killed: 31" in tooltip


def test_death_circle_area_is_proportional():
    assert death_radius(400) == pytest.approx(2 * death_radius(100))


def test_markers_sharing_a_point_are_fanned_out(seed_frame):
    offsets = stack_offsets(seed_frame)
    quetta = [
        o for o, p in zip(offsets, seed_frame["place"], strict=True) if p == "Quetta"
    ]
    assert len(set(quetta)) == 2
    gwadar = offsets[seed_frame["place"].tolist().index("Gwadar")]
    assert gwadar == (0.0, 0.0)


def test_popup_says_not_reported_for_unknown_counts(seed_frame):
    html = rendered(seed_frame[seed_frame["place"] == "Mastung"])
    assert "Civilians killed:</b> not reported" in html
    assert "Militants attempted to free inmates from a prison in Mastung" in html
    assert "Reported as" not in html


def test_hostile_text_is_escaped_everywhere(hostile_frame):
    html = rendered(hostile_frame)
    for raw in HOSTILE[:2]:
        assert raw not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&#96;&#36;{alert(1)}&#96;" in html
    assert "&lt;/script&gt;" in html
    # The only script closing tags are the page's own.
    assert len(re.findall(r"</script>", html)) == len(re.findall(r"<script", html))


def test_base_map_is_identical_on_every_call():
    def script() -> str:
        fmap = base_map()
        fmap.render()
        return re.sub(r"_[0-9a-f]{32}", "", fmap.get_root().render())

    assert script() == script()


def test_base_map_uses_the_apps_own_assets_and_outline():
    html = base_map(local_assets()).get_root().render()
    assert '<script src="/app/static/vendor/leaflet/1.9.4/leaflet.js">' in html
    assert "/app/static/vendor/basemap/outline-10m.geojson" in html
    for cdn in ("cdn.jsdelivr.net", "code.jquery.com", "cdnjs.cloudflare.com"):
        assert cdn not in html
    assert "bootstrap" not in html


def test_base_map_without_local_assets_shows_tiles_and_no_outline():
    html = base_map(cdn_assets()).get_root().render()
    assert "cdn.jsdelivr.net/npm/leaflet@1.9.4/dist/leaflet.js" in html
    assert "outline-10m.geojson" not in html
    assert "tile.openstreetmap.org" in html
