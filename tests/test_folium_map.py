import json
import re

import folium

from components.domain.vocabularies import TARGET_TYPES
from components.map.assets import SCRIPT_URL, cdn_assets, local_assets
from components.map.base_layers import CSS, DARK_MAP_CSS, MAP_CSS, base_map
from components.map.folium_map import (
    DEATHS_LAYER,
    HEAT_LAYER,
    PLACE_NAMES_LAYER,
    build_map,
    incident_layers,
    map_payload,
)

HOSTILE = ["<img src=x onerror=alert(1)>", "`${alert(1)}`", "</script>"]


def rendered(frame) -> str:
    return build_map(frame).get_root().render()


def calls(html: str, function: str) -> list:
    pattern = rf"IncidentMap\.{function}\((?:[\w]+, )?(.*)\);$"
    return [json.loads(m) for m in re.findall(pattern, html, re.MULTILINE)]


def test_one_layer_per_target_type_in_the_data_then_deaths_names_and_heat(
    seed_frame,
):
    layers = incident_layers(map_payload(seed_frame), in_control=True)
    names = [layer.layer_name for layer in layers]
    present = [
        t for code, t in TARGET_TYPES.items() if code in set(seed_frame["target_type"])
    ]
    assert len(names) == len(present) + 3
    for target, name in zip(present, names, strict=False):
        assert name.endswith(target.label)
    assert names[-3:] == [DEATHS_LAYER, PLACE_NAMES_LAYER, HEAT_LAYER]
    assert [layer.show for layer in layers[-3:]] == [True, True, False]


def test_rendered_map_carries_each_row_once(seed_frame):
    # A map file has no app to ask: its popups' incidents travel in it.
    html = rendered(seed_frame)
    (data,) = calls(html, "payload")
    assert data["popup"] == ""
    assert len(data["inline"]["rows"]["place"]) == len(seed_frame)
    rows = sorted(row for group in data["inline"]["members"] for row in group)
    assert rows == list(range(len(seed_frame)))
    assert [m["count"] for m in data["markers"]] == [
        len(group) for group in data["inline"]["members"]
    ]
    layer_calls = calls(html, "layer")
    assert {call["payload"] for call in layer_calls} == {data["id"]}
    assert [c["key"] for c in layer_calls][-3:] == ["deaths", "names", "heat"]
    assert "L.control.layers" in html


def test_the_page_leaves_hidden_layers_out(seed_frame):
    payload = map_payload(seed_frame, hidden={"heat", "prison"})
    keys = [
        json.loads(call.arguments)["key"]
        for layer in incident_layers(payload)
        for call in layer._children.values()
        if call.function == "layer"
    ]
    assert "heat" not in keys
    assert "prison" not in keys
    assert "deaths" in keys


def test_hostile_text_stays_data_in_the_script(hostile_frame):
    html = rendered(hostile_frame)
    # Markup never reaches the page as markup; `${...}` is inert in a JSON string.
    assert HOSTILE[0] not in html
    assert len(re.findall(r"</script>", html)) == len(re.findall(r"<script", html))
    (data,) = calls(html, "payload")
    assert HOSTILE[0] + " " + HOSTILE[1] + " " + HOSTILE[2] in data["strings"]


def test_base_map_uses_the_apps_own_assets_and_outline():
    html = base_map(local_assets()).get_root().render()
    assert '<script src="/app/static/vendor/leaflet/1.9.4/leaflet.js">' in html
    assert f'<script src="{SCRIPT_URL}">' in html
    assert "/app/static/vendor/basemap/outline-10m.geojson" in html
    for cdn in ("cdn.jsdelivr.net", "code.jquery.com", "cdnjs.cloudflare.com"):
        assert cdn not in html
    assert "bootstrap" not in html


def test_base_map_without_local_assets_shows_tiles_and_no_outline():
    html = base_map(cdn_assets()).get_root().render()
    assert "cdn.jsdelivr.net/npm/leaflet@1.9.4/dist/leaflet.js" in html
    assert "outline-10m.geojson" not in html
    assert "tile.openstreetmap.org" in html


def test_the_maps_css_is_in_its_header_and_the_projectors_only_when_dark():
    light = base_map(local_assets()).get_root().render()
    dark = base_map(local_assets(), dark=True).get_root().render()
    assert f"<style>{MAP_CSS}</style>" in light
    assert f"<style>{MAP_CSS}{DARK_MAP_CSS}</style>" in dark
    assert "div.leaflet-container { background: #e6e6e3; }" in MAP_CSS
    assert "div.leaflet-container { background: #15181d; }" in DARK_MAP_CSS


def test_every_map_stylesheet_has_whole_rules():
    sheets = sorted(CSS.glob("*.css"))
    assert [p.name for p in sheets] == ["caption.css", "map.css", "projector.css"]
    for sheet in sheets:
        text = re.sub(r"/\*.*?\*/", "", sheet.read_text("utf-8"), flags=re.S)
        depth, media = 0, 0  # rules, and @media blocks holding rules
        for at, char in enumerate(text):
            if char == "{" and text[:at].rstrip().rsplit("}", 1)[
                -1
            ].lstrip().startswith("@media"):
                media += 1
            depth += {"{": 1, "}": -1}.get(char, 0)
            media = min(media, depth)
            assert 0 <= depth - media <= 1, f"{sheet.name}: nested or unopened braces"
        assert depth == 0, f"{sheet.name}: a rule is not closed"
        assert "<" not in text, f"{sheet.name}: no markup in a stylesheet"


def test_base_map_is_identical_on_every_call():
    def script() -> str:
        fmap = base_map()
        fmap.render()
        return re.sub(r"_[0-9a-f]{32}", "", fmap.get_root().render())

    assert script() == script()


def test_base_layers_keep_their_names_from_build_to_build():
    # The layer control names the base layers; when its script changes between
    # reruns, streamlit-folium takes every incident layer off and draws it again.
    # (It names the control and the map itself.)
    def control() -> str:
        fmap = base_map(local_assets())
        layers = folium.LayerControl(collapsed=True).add_to(fmap)
        fmap.render()
        script = layers._template.module.script(layers, {})
        return script.replace(layers.get_name(), "control").replace(
            fmap.get_name(), "map"
        )

    first = control()
    assert "feature_group_outline" in first
    assert first == control()


def test_layers_stay_the_same_while_filters_narrow_the_data(seed_frame):
    every_type = sorted(set(seed_frame["target_type"]))
    one_town = seed_frame[seed_frame["place"] == "Mastung"]
    payload = map_payload(one_town, every_type)
    names = [layer.layer_name for layer in incident_layers(payload, in_control=True)]
    assert len(names) == len(every_type) + 3
