"""The report review in a real browser: the proposed rows of an invented report,
and a village the gazetteer does not know placed with a click on the review's map
and found again in the next report, with who added it."""

from __future__ import annotations

import getpass
import shutil
from collections.abc import Iterator

import pytest

from components.store import open_store
from components.ui.place_panel import MAP_HEIGHT
from tests.browser.conftest import ARTIFACTS, AppServer
from tests.browser.test_team import paste_and_extract
from tests.conftest import ROOT
from tests.harness.app_server import AppStartError, running_app

INVENTED = (
    "QUETTA, 3 March 2026: Gunmen attacked a police checkpost in Turbat late on "
    "Monday, killing four policemen and injuring two, officials said. In a separate "
    "attack in Panjgur, a roadside bomb struck a Frontier Corps vehicle, killing two "
    "soldiers. Three attackers were killed in the exchange of fire in Turbat. Last "
    "year, 14 soldiers were killed in a similar attack in Kech."
)
ZARBASTI = (
    "QUETTA, 5 March 2026: Gunmen attacked a police post in the Zarbasti area of "
    "Kech district on Tuesday, killing three policemen, officials said."
)
ZARBASTI_AGAIN = (
    "TURBAT, 9 March 2026: A roadside bomb struck a Levies vehicle in Zarbasti on "
    "Sunday, killing two Levies personnel."
)
MAPS = 'iframe[title="streamlit_folium.st_folium"]'


@pytest.fixture
def review_app(tmp_path) -> Iterator[tuple[AppServer, str]]:
    """The app on a copy of the shipped data and a database the test reads."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("user"))
    url = f"sqlite:///{tmp_path / 'incidents.sqlite'}"
    try:
        with running_app(
            data,
            ARTIFACTS / "review-server.log",
            database_url=url,
            env={"INCIDENT_MAP_ANONYMOUS_WRITE": "1"},
        ) as address:
            yield AppServer(address), url
    except AppStartError as error:
        pytest.fail(str(error))


def open_review(seen, text: str) -> None:
    page = seen.page
    seen.map_frame()  # the panels come once the map is drawn
    panel = page.get_by_text("Add incidents from a report")
    panel.wait_for(timeout=60_000)
    area = page.get_by_label("Or paste the text")
    if not area.is_visible():
        panel.click()
        area.wait_for(state="visible", timeout=20_000)
    paste_and_extract(page, text)


def saved(url: str, data_dir=None):
    store, _ = open_store(data_dir, url)
    frame = store.frame()
    return store, frame[frame["event_id"] != "balochistan-2026-02-01"]


def test_the_invented_report_proposes_turbat_and_panjgur(review_app, visit):
    server, url = review_app
    seen = visit(server)
    open_review(seen, INVENTED)
    page = seen.page
    page.get_by_text("attacked: Turbat, Panjgur").wait_for(timeout=20_000)
    assert page.get_by_text("dated 2 March 2026").count() == 1
    assert page.get_by_text("This is current: Last year, 14 soldiers").count() == 1
    page.get_by_role("button", name="Add 2 row(s) to the map").click()
    page.get_by_text("Added 2 row(s)").wait_for(timeout=30_000)
    _, rows = saved(url)
    by_place = rows.set_index("place")
    assert sorted(by_place.index) == ["Panjgur", "Turbat"]  # Kech: background
    turbat, panjgur = by_place.loc["Turbat"], by_place.loc["Panjgur"]
    assert (turbat["killed_security"], turbat["injured"]) == (4, 2)
    assert turbat["killed_attackers"] == 3
    assert turbat["target_type"] == "police_paramilitary"
    assert panjgur["killed_security"] == 2
    assert panjgur["target_type"] == "frontier_corps_hq"
    assert str(turbat["date"])[:10] == "2026-03-02"
    assert seen.outside_requests == []


def test_a_village_placed_by_a_click_is_found_in_the_next_report(review_app, visit):
    server, url = review_app
    seen = visit(server)
    open_review(seen, ZARBASTI)
    page = seen.page
    page.get_by_text("1 name(s) the gazetteer does not know").wait_for(timeout=20_000)
    assert page.get_by_text("proposed at Kech (district precision)").count() == 1
    # The review's map is the second one on the page.
    page.locator(MAPS).nth(1).wait_for(timeout=30_000)
    small = page.frame_locator(MAPS).nth(1)
    container = small.locator(".leaflet-container")
    container.wait_for(timeout=30_000)
    # Its own height: the layouts' sizes are the incident map's, not every map's.
    assert page.locator(MAPS).nth(1).bounding_box()["height"] == pytest.approx(
        MAP_HEIGHT, abs=2
    )
    page.locator(MAPS).nth(1).scroll_into_view_if_needed()
    box = container.bounding_box()
    container.click(position={"x": box["width"] / 2 + 40, "y": box["height"] / 2 - 30})
    latitude = page.get_by_label("Latitude")
    page.wait_for_function(
        "() => [...document.querySelectorAll('input')].some("
        "i => i.getAttribute('aria-label') === 'Latitude' && i.value !== '')",
        timeout=30_000,
    )
    clicked = (
        float(latitude.input_value()),
        float(page.get_by_label("Longitude").input_value()),
    )
    page.get_by_role("button", name="Place Zarbasti at this point").click()
    page.get_by_text("Placed Zarbasti at").wait_for(timeout=30_000)
    me = getpass.getuser()
    credit = page.get_by_text("is from the team gazetteer: added by")
    credit.wait_for(timeout=20_000)
    assert me in credit.inner_text()
    page.screenshot(path=str(ARTIFACTS / "review-placed.png"), full_page=True)
    page.get_by_role("button", name="Add 1 row(s) to the map").click()
    page.get_by_text("Added 1 row(s)").wait_for(timeout=30_000)
    store, rows = saved(url)
    (placed,) = store.team_places()
    assert (placed.draft.lat, placed.draft.lon) == pytest.approx(clicked, abs=1e-5)
    (row,) = rows.to_dict("records")
    assert (row["place"], row["geo_precision"]) == ("Zarbasti", 1)
    assert (row["lat"], row["lon"]) == pytest.approx(clicked, abs=1e-5)
    # The next report names it: placed without asking, with who added it.
    page.wait_for_timeout(2_000)  # the page settles on the new event first
    open_review(seen, ZARBASTI_AGAIN)
    credit = page.get_by_text("is from the team gazetteer: added by")
    credit.wait_for(timeout=20_000)
    assert me in credit.inner_text()
    assert page.get_by_text("the gazetteer does not know").count() == 0
    assert seen.outside_requests == []
