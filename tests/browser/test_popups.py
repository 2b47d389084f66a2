"""A marker of many incidents: one marker with its count, whose popup pages its
incidents from the app as they are read."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from components.store.sql_page import SQL_ABOVE_VARIABLE
from tests.browser.conftest import ARTIFACTS, AppServer, _serve
from tests.harness.app_server import AppStartError, running_app
from tests.harness.synthetic_data import synthetic_frame, write_synthetic

SIZE = 45
"""Incidents at one town, of one target type: more than two pages of twenty."""


@pytest.fixture(scope="module")
def one_town_data(tmp_path_factory) -> Path:
    directory = write_synthetic(tmp_path_factory.mktemp("one-town"), SIZE)
    rows = synthetic_frame(SIZE).assign(
        place="Turbat", target_type="police_paramilitary", date="2025-03-01"
    )
    rows["notes"] = [f"Incident number {n:02d}" for n in range(SIZE)]
    rows.to_csv(Path(directory) / "incidents" / "synthetic.csv", index=False)
    return Path(directory)


@pytest.fixture(scope="module")
def one_town_app(one_town_data: Path) -> Iterator[AppServer]:
    yield from _serve(one_town_data, "one-town")


@pytest.fixture(scope="module")
def one_town_sql_app(one_town_data: Path, tmp_path_factory) -> Iterator[AppServer]:
    """The same data, on a page that asks the database (``SQL_ABOVE`` 0): the
    popup's pages come from SQL."""
    directory = one_town_data
    url = f"sqlite:///{tmp_path_factory.mktemp('sql-db') / 'incidents.sqlite'}"
    log = ARTIFACTS / "one-town-sql-server.log"
    try:
        with running_app(
            directory, log, database_url=url, env={SQL_ABOVE_VARIABLE: "0"}
        ) as address:
            yield AppServer(address)
    except AppStartError as error:
        pytest.fail(str(error))


@pytest.mark.parametrize("server", ["one_town_app", "one_town_sql_app"])
def test_a_marker_of_many_incidents_pages_them_from_the_app(server, visit, request):
    seen = visit(request.getfixturevalue(server))
    frame = seen.map_frame()
    marker = frame.locator(".incident-marker")
    marker.wait_for(timeout=30_000)
    assert marker.count() == 1
    assert f"{SIZE} incidents here" in marker.get_attribute("aria-label")
    asked = []
    seen.page.on(
        "request", lambda r: asked.append(r.url) if "incident-map/popup" in r.url else 0
    )
    marker.click()
    popup = frame.locator(".leaflet-popup-content")
    popup.locator(".incident-popup").wait_for(timeout=10_000)
    assert f"1 of {SIZE} incidents here" in popup.inner_text()
    assert "Incident number 00" in popup.inner_text()
    assert len(asked) == 1
    next_button = popup.get_by_role("button", name="Next incident")
    for _ in range(20):  # to the first incident of the second page
        next_button.click()
    frame.get_by_text("Incident number 20").wait_for(timeout=10_000)
    assert f"21 of {SIZE} incidents here" in popup.inner_text()
    assert len(asked) == 2
    assert "start=20" in asked[-1]
    assert seen.outside_requests == []
    if server == "one_town_sql_app":  # and the page says what it leaves off
        seen.page.get_by_text("are off", exact=False).first.wait_for(timeout=10_000)
        assert f"{SQL_ABOVE_VARIABLE}=never" in seen.page.inner_text("body")
