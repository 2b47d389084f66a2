"""A marker of many incidents: one marker with its count, whose popup pages its
incidents from the app as they are read."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.conftest import AppServer, _serve
from tests.harness.synthetic_data import synthetic_frame, write_synthetic

SIZE = 45
"""Incidents at one town, of one target type: more than two pages of twenty."""


@pytest.fixture(scope="module")
def one_town_app(tmp_path_factory) -> Iterator[AppServer]:
    directory = write_synthetic(tmp_path_factory.mktemp("one-town"), SIZE)
    rows = synthetic_frame(SIZE).assign(
        place="Turbat", target_type="police_paramilitary", date="2025-03-01"
    )
    rows["notes"] = [f"Incident number {n:02d}" for n in range(SIZE)]
    rows.to_csv(Path(directory) / "incidents" / "synthetic.csv", index=False)
    yield from _serve(directory, "one-town")


def test_a_marker_of_many_incidents_pages_them_from_the_app(one_town_app, visit):
    seen = visit(one_town_app)
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
