"""What a briefer sees, in a real browser, with no route off localhost."""

from __future__ import annotations

from components.domain.vocabularies import TARGET_TYPES
from tests.browser.conftest import ARTIFACTS

PLACES = {"Quetta", "Gwadar", "Mastung", "Nushki", "Dalbandin"}
SEED_MARKERS = 6
"""The seed event's markers: its named towns' incidents, two classes at Quetta.
Its ten province-wide items are in the province's box, not markers."""
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
    wait_for_markers(seen, frame, SEED_MARKERS)
    assert set(frame.locator(".place-label").all_inner_texts()) == PLACES
    assert "Balochistan" in frame.locator(".province-box").inner_text()
    frame.locator(".country-label").first.wait_for(timeout=20_000)
    countries = set(frame.locator(".country-label").all_text_contents())
    assert {"Pakistan", "Iran", "Afghanistan"} <= countries
    assert frame.locator(".leaflet-tile-pane path").count() >= 3
    assert seen.outside_requests == []
    seen.page.wait_for_timeout(500)
    seen.page.screenshot(path=str(ARTIFACTS / "dashboard.png"))


INCIDENT_TABLE = '[data-testid="stDataFrame"]'


def test_the_map_is_drawn_before_the_table_and_panels(seed_app, visit):
    seen = visit(seed_app)
    table_at_first_drawing = seen.page.wait_for_function(
        """([frame, table]) => {
            const doc = document.querySelector(frame)?.contentDocument;
            if (!doc || !doc.querySelector(".incident-marker")) return null;
            return {table: document.querySelectorAll(table).length};
        }""",
        arg=['iframe[title="streamlit_folium.st_folium"]', INCIDENT_TABLE],
        polling="raf",
        timeout=30_000,
    ).json_value()
    assert table_at_first_drawing == {"table": 0}
    # The map's report of its view brings the rest of the page.
    seen.page.locator(INCIDENT_TABLE).first.wait_for(timeout=20_000)
    seen.page.get_by_text("About this data").wait_for(timeout=20_000)
    assert marker_count(seen.map_frame()) == SEED_MARKERS


PLACES_OF_THINGS = """([frame]) => {
    // Once the markers are drawn and the map's frame has its height.
    const map = document.querySelector(frame);
    if (!map?.contentDocument?.querySelector(".incident-marker")) return null;
    const box = map.closest('[data-testid="stElementContainer"]');
    if (box.getBoundingClientRect().height < 500) return null;
    const top = (element) => Math.round(element.getBoundingClientRect().top);
    return {
        map: top(map),
        figures: top(document.querySelector('[data-testid="stMetric"]')),
        filters: document.querySelectorAll('[data-testid="stMultiSelect"]').length,
        play: [...document.querySelectorAll("button")].some(
            (b) => b.innerText.includes("Play")),
        placeBox: document.querySelectorAll('input[placeholder^="Go to a"]').length,
        table: document.querySelectorAll('[data-testid="stDataFrame"]').length,
    };
}"""


def test_the_filters_playback_and_place_box_come_after_the_map_in_places_kept(
    days_app, visit
):
    seen = visit(days_app)
    args = ['iframe[title="streamlit_folium.st_folium"]']
    first = seen.page.wait_for_function(
        PLACES_OF_THINGS, arg=args, polling="raf", timeout=30_000
    ).json_value()
    assert first["table"] == 0, "the rest of the page came with the map"
    assert (first["filters"], first["play"], first["placeBox"]) == (0, False, 0)
    seen.page.locator(INCIDENT_TABLE).first.wait_for(timeout=20_000)
    seen.page.get_by_role("button", name="Play").wait_for(timeout=20_000)
    # Read once the page has settled: the place box is a text input whose script
    # the browser may still be loading when the table and the playback are drawn,
    # and a rerun of the map's part may be under way.
    later = seen.page.wait_for_function(
        f"""([frame]) => {{
            const seen = ({PLACES_OF_THINGS})([frame]);
            return seen && seen.filters === 5 && seen.play && seen.placeBox === 1
                ? seen : null;
        }}""",
        arg=args,
        timeout=20_000,
    ).json_value()
    assert later["filters"] == 5  # event, place, target, attack; map layers
    assert later["play"]
    assert later["placeBox"] == 1
    # Nothing the briefer is looking at moves when they come.
    assert abs(later["figures"] - first["figures"]) <= 1, (first, later)
    assert abs(later["map"] - first["map"]) <= 1, (first, later)


def test_the_rest_of_the_page_comes_when_the_map_cannot_draw(seed_app, visit):
    seen = visit(seed_app, refuse="**/leaflet.js")
    seen.page.locator(INCIDENT_TABLE).first.wait_for(timeout=30_000)
    seen.page.get_by_text("About this data").wait_for(timeout=20_000)
    frame = seen.page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
    assert marker_count(frame) == 0


def unchoose(visit, label: str, option: str) -> None:
    select = visit.page.locator('[data-testid="stMultiSelect"]').filter(has_text=label)
    select.get_by_role("button", name=f"Remove {option}", exact=True).click()


def map_zoom(frame) -> int:
    """The Leaflet map's zoom inside the map's frame."""
    return frame.locator(".leaflet-container").evaluate(
        """() => Object.values(window).find((v) => v instanceof L.Map).getZoom()"""
    )


def test_sidebar_layers_show_and_hide_target_types(seed_app, visit):
    seen = visit(seed_app)
    frame = seen.map_frame()
    wait_for_markers(seen, frame, SEED_MARKERS)
    select = seen.page.locator('[data-testid="stMultiSelect"]').filter(
        has_text="Map layers"
    )
    shown = select.inner_text()
    for code in ("police_paramilitary", "frontier_corps_hq", "prison", "market"):
        assert TARGET_TYPES[code].label[:12] in shown, code
    assert "Heat map" not in shown, "the heat map starts hidden"
    choose(seen, "Map layers", "Heat map")
    frame.locator("canvas.leaflet-heatmap-layer").wait_for(timeout=10_000)
    # Quetta, Gwadar and Dalbandin name no target: Quetta's government item,
    # Mastung and Nushki stay.
    unchoose(seen, "Map layers", "Target not reported")
    wait_for_markers(seen, frame, 3)
    assert seen.outside_requests == []


def test_the_legend_is_on_the_map_with_a_symbol_per_class(seed_app, visit):
    seen = visit(seed_app)
    frame = seen.map_frame()
    wait_for_markers(seen, frame, SEED_MARKERS)
    legend = frame.locator(".incident-legend")
    legend.wait_for(timeout=10_000)
    rows = legend.locator(".legend-row")
    assert rows.count() >= 5
    assert legend.locator("svg path").count() >= 4
    # 31 + 17 + 145 killed province-wide: by side in the province's box, never
    # summed into one number.
    figure = frame.locator(".province-box .province-figure").inner_text()
    assert " ".join(figure.split()) == "31 · 17 · 145"
    assert "193" not in frame.locator("body").inner_text()
    markers = frame.locator(".incident-marker")
    assert all(m.get_attribute("aria-label") for m in markers.all())


def test_city_filter_leaves_that_citys_markers(seed_app, visit):
    seen = visit(seed_app)
    frame = seen.map_frame()
    wait_for_markers(seen, frame, SEED_MARKERS)
    choose(seen, "City or town", "Mastung")
    wait_for_markers(seen, frame, 1)
    assert frame.locator(".place-label").all_inner_texts() == ["Mastung"]
    # The map fits the selection: one town, seen close up.
    seen.page.wait_for_function(
        "() => /map=(9|1[0-9])%2F/.test(location.search)", timeout=20_000
    )
    assert map_zoom(frame) >= 9
    assert seen.page.get_by_text("Not reported").count() >= 3


def test_marker_popup_shows_place_target_and_source(seed_app, visit):
    seen = visit(seed_app)
    frame = seen.map_frame()
    choose(seen, "Target type", "Prison")
    wait_for_markers(seen, frame, 1)
    frame.locator(".incident-marker").click()
    popup = frame.locator(".leaflet-popup-content .incident-popup")
    popup.wait_for(timeout=10_000)  # asked for from the app when opened
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
        group = marker.get_attribute("data-group")
        marker.click()
        popup = frame.locator(f'.leaflet-popup-content [data-groups="{group}"]')
        popup.locator(".incident-popup").wait_for(timeout=10_000)
        shown.append(popup.inner_text())
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
    unchoose(seen, "Map layers", "Place names")
    choose(seen, "Target type", "Prison")
    wait_for_markers(seen, frame, 1)
    frame.locator(".leaflet-control-zoom-out").click()
    # The app keeps the map's view in the link as the map reports it.
    seen.page.wait_for_function(
        "() => ['layers=', 'map='].every((part) => location.search.includes(part))",
        timeout=20_000,
    )
    seen.page.wait_for_timeout(1_500)
    link = seen.page.url
    assert "target=Prison" in link  # links carry the labels the filters show
    assert "place=Mastung" in link
    zoom = map_zoom(frame)

    again = visit(seed_app, link[len(seed_app.url) :])
    frame = again.map_frame()
    wait_for_markers(again, frame, 1)
    again.page.wait_for_timeout(500)
    assert frame.locator(".place-label").count() == 0  # still not chosen
    assert map_zoom(frame) == zoom
