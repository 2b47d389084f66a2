"""What a briefer sees, in a real browser, with no route off localhost."""

from __future__ import annotations

from components.model import TARGET_TYPES
from tests.browser.conftest import ARTIFACTS

PLACES = {"Quetta", "Gwadar", "Mastung", "Nushki", "Dalbandin", "Balochistan"}
HOSTILE = ["<img src=x onerror=alert(1)>", "`${alert(1)}`", "</script>"]


def marker_count(frame) -> int:
    return frame.locator(".incident-marker").count()


def wait_for_markers(visit, frame, count: int) -> None:
    visit.page.wait_for_function(
        """([selector, count]) => {
            const iframe = document.querySelector(selector);
            const doc = iframe && iframe.contentDocument;
            return doc && doc.querySelectorAll(".incident-marker").length === count;
        }""",
        arg=['iframe[title="streamlit_folium.st_folium"]', count],
        timeout=20_000,
    )


def choose(visit, label: str, option: str) -> None:
    select = visit.page.locator('[data-testid="stMultiSelect"]').filter(has_text=label)
    select.locator("input").fill(option)
    visit.page.keyboard.press("Enter")
    visit.page.keyboard.press("Escape")


def test_map_draws_a_marker_per_row_on_the_outline_basemap(seed_app, visit):
    seen = visit(seed_app)
    frame = seen.map_frame()
    wait_for_markers(seen, frame, 16)
    labels = set(frame.locator(".place-label").all_inner_texts())
    assert {label.replace(" (province-wide)", "") for label in labels} == PLACES
    frame.locator(".country-label").first.wait_for(timeout=20_000)
    countries = set(frame.locator(".country-label").all_text_contents())
    assert {"Pakistan", "Iran", "Afghanistan"} <= countries
    assert frame.locator(".leaflet-tile-pane path").count() >= 3
    assert seen.outside_requests == []
    seen.page.wait_for_timeout(500)
    seen.page.screenshot(path=str(ARTIFACTS / "dashboard.png"))


def test_layer_control_lists_and_hides_target_types(seed_app, visit):
    seen = visit(seed_app)
    frame = seen.map_frame()
    wait_for_markers(seen, frame, 16)
    overlays = frame.locator(".leaflet-control-layers-overlays label")
    names = [text.strip(" ●") for text in overlays.all_inner_texts()]
    in_seed = {"police_paramilitary", "frontier_corps_hq", "prison", "market"}
    for code in in_seed:
        label = TARGET_TYPES[code].label
        assert any(name.endswith(label) for name in names), label
    heat = overlays.filter(has_text="Heat map").locator("input")
    seen.page.wait_for_timeout(300)
    assert not heat.is_checked(), "the heat map starts hidden"
    heat.check()
    frame.locator("canvas.leaflet-heatmap-layer").wait_for(timeout=5_000)
    # Quetta, Gwadar, Dalbandin and the province-wide totals name no target.
    overlays.filter(has_text="Target not reported").locator("input").uncheck()
    wait_for_markers(seen, frame, 12)
    overlays.filter(has_text="Prison").locator("input").uncheck()
    wait_for_markers(seen, frame, 11)
    assert seen.outside_requests == []


def test_city_filter_leaves_that_citys_markers(seed_app, visit):
    seen = visit(seed_app)
    frame = seen.map_frame()
    wait_for_markers(seen, frame, 16)
    choose(seen, "City or town", "Mastung")
    wait_for_markers(seen, frame, 1)
    assert frame.locator(".place-label").all_inner_texts() == ["Mastung"]
    assert seen.page.get_by_text("Not reported").count() >= 3


def test_marker_popup_shows_place_target_and_source(seed_app, visit):
    seen = visit(seed_app)
    frame = seen.map_frame()
    choose(seen, "Target type", "Prison")
    wait_for_markers(seen, frame, 1)
    frame.locator(".incident-marker").click()
    popup = frame.locator(".leaflet-popup-content")
    popup.wait_for(timeout=10_000)
    text = popup.inner_text()
    assert "Mastung" in text
    assert "Prison" in text
    assert "Coordinated Carnage in Balochistan" in text
    assert "balochistan-2026-02-01.txt#L28" in text


def test_hostile_text_shows_literally_and_runs_nothing(hostile_app, visit):
    seen = visit(hostile_app)
    frame = seen.map_frame()
    wait_for_markers(seen, frame, 2)
    shown = []
    for marker in frame.locator(".incident-marker").all():
        marker.hover()
        shown.append(frame.locator(".leaflet-tooltip").last.inner_text())
        marker.click()
        shown.append(frame.locator(".leaflet-popup-content").last.inner_text())
    seen.page.wait_for_timeout(500)
    text = "\n".join(shown)
    for raw in HOSTILE:
        assert raw in text
    page_text = seen.page.locator('[data-testid="stMain"]').inner_text()
    assert "Wave <img src=x onerror=alert(1)>" in page_text
    assert seen.dialogs == []
    assert seen.outside_requests == []


def test_a_copied_link_reopens_the_same_view(seed_app, visit):
    seen = visit(seed_app, "?place=Mastung&place=Quetta")
    frame = seen.map_frame()
    wait_for_markers(seen, frame, 3)
    frame.locator(".leaflet-control-zoom-in").click()
    overlays = frame.locator(".leaflet-control-layers-overlays label")
    overlays.filter(has_text="Place names").locator("input").uncheck()
    # A filter change reruns the app: the map's part of the link survives it.
    choose(seen, "Target type", "Prison")
    wait_for_markers(seen, frame, 1)
    seen.page.wait_for_function(
        "() => ['layers=', 'map=7'].every((part) => location.search.includes(part))",
        timeout=10_000,
    )
    link = seen.page.url
    assert "target=Prison" in link  # links carry the labels the filters show
    assert "place=Mastung" in link

    again = visit(seed_app, link[len(seed_app.url) :])
    frame = again.map_frame()
    wait_for_markers(again, frame, 1)
    again.page.wait_for_timeout(500)
    assert frame.locator(".place-label").count() == 0  # still unticked
    zoom = again.page.evaluate(
        """() => {
            const win = document.querySelector(
                'iframe[title="streamlit_folium.st_folium"]').contentWindow;
            const map = Object.values(win).find((v) => v instanceof win.L.Map);
            return map.getZoom();
        }"""
    )
    assert zoom == 7
    assert again.outside_requests == []


def test_a_malformed_link_shows_a_note(seed_app, visit):
    seen = visit(seed_app, "?place=Atlantis&map=nowhere&dates=soon")
    note = seen.page.get_by_text("Parts of this link were ignored")
    note.wait_for(timeout=20_000)
    body = seen.page.locator('[data-testid="stAlert"]').first.inner_text()
    assert "Atlantis" in body
    assert "map" in body
    wait_for_markers(seen, seen.map_frame(), 16)
