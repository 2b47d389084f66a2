"""The incident list and the edit form in a real browser: a search by words of a
source finds an incident, a click on its row opens its popup on the map, and a
point clicked on the map moves its marker, shows in History and undoes."""

from __future__ import annotations

import re

from tests.browser.conftest import ARTIFACTS
from tests.browser.test_dashboard import SEED_MARKERS, wait_for_markers

PRISON_MARKER = "Mastung · Prison"
MASTUNG = (29.79966, 66.84553)
"""The gazetteer's point for Mastung, where the prison's marker starts."""
WORDS = "militants attempted"
"""Two words only the prison's source excerpt holds ("Militants attempted to free
inmates from a prison in Mastung")."""
FIRST_ROW = {"x": 17, "y": 35 + 17}
"""The first row's selection box in the list's grid (its header is 35 px)."""

MARKERS = """() => {
    const map = Object.values(window).find((v) => v instanceof L.Map);
    const found = {};
    map.eachLayer((layer) => {
        if (layer instanceof L.Marker && layer.options.title) {
            const at = layer.getLatLng();
            found[layer.options.title] = [at.lat, at.lng];
        }
    });
    return found;
}"""


def marker_at(frame, title: str) -> tuple[float, float]:
    return tuple(frame.locator(".leaflet-container").evaluate(MARKERS)[title])


def wait_for_marker_move(seen, frame, title: str, away_from: tuple[float, float]):
    for _ in range(60):
        where = marker_at(frame, title)
        if max(abs(a - b) for a, b in zip(where, away_from, strict=True)) > 1e-4:
            return where
        seen.page.wait_for_timeout(500)
    raise AssertionError(f"{title} stayed at {away_from}")


def test_search_click_edit_by_map_and_undo(writable_app, visit):
    seen = visit(writable_app)
    page, frame = seen.page, seen.map_frame()
    wait_for_markers(seen, frame, SEED_MARKERS)

    # The list finds the prison by two words of its source's excerpt.
    box = page.get_by_role("searchbox", name="Search the incidents")
    box.fill(WORDS)
    box.press("Enter")
    page.get_by_text("1 of the 16 selected incidents hold every word").wait_for(
        timeout=20_000
    )
    assert "q=militants+attempted" in page.url

    # A click on its row flies the map there and opens its popup.
    page.locator('[data-testid="stDataFrame"]').first.click(position=FIRST_ROW)
    popup = frame.locator(".leaflet-popup")
    popup.wait_for(timeout=20_000)
    assert "Mastung" in popup.inner_text()
    assert "Militants attempted to free inmates" in popup.inner_text()
    assert marker_at(frame, PRISON_MARKER) == MASTUNG

    # Its History opens with the edit form: a point clicked on the map.
    page.get_by_role("button", name="Pick the point on the map").click()
    page.get_by_text("Click the map where it happened").wait_for(timeout=20_000)
    frame.locator(".leaflet-popup-close-button").click()
    area = frame.locator(".leaflet-container").bounding_box()
    frame.locator(".leaflet-container").click(
        position={"x": area["width"] / 2 + 180, "y": area["height"] / 2 + 120}
    )
    page.get_by_text("(a point of its own)").wait_for(timeout=20_000)
    assert "Point: the gazetteer's point for the place →" in page.inner_text("body")
    why = page.get_by_label("Why (kept with the change)")
    why.fill("a second source places it east of the town")
    why.press("Enter")
    save = page.get_by_role("button", name="Save the change")
    page.wait_for_function(
        "() => [...document.querySelectorAll('button')].some("
        "(b) => b.innerText.includes('Save the change') && !b.disabled)",
        timeout=20_000,
    )
    save.click()
    saved = page.get_by_text(re.compile(r"Saved as save \d+"))
    saved.wait_for(timeout=20_000)
    save_id = re.search(r"save (\d+)", saved.inner_text()).group(1)

    # The marker moved, and History says where from and where to.
    moved = wait_for_marker_move(seen, frame, PRISON_MARKER, MASTUNG)
    history = page.get_by_text(re.compile(r"location: 29\.79966, 66\.84553"))
    history.wait_for(timeout=20_000)
    assert f"{moved[0]:.5f}, {moved[1]:.5f} (pinned)" in history.inner_text()
    page.screenshot(path=str(ARTIFACTS / "incident-list-moved.png"), full_page=True)

    # Undo brings it back.
    page.get_by_role("button", name=f"Undo save {save_id}").click()
    page.get_by_text(f"undid save {save_id}").wait_for(timeout=20_000)
    back = wait_for_marker_move(seen, frame, PRISON_MARKER, moved)
    assert back == MASTUNG
    assert seen.outside_requests == []
