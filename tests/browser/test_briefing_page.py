"""The page as a briefing: events chosen by link, a per-event breakdown, headline
cards that never cut a figure off, projector mode and the print layout."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest

from components.domain.records import EVENT_COLUMNS, INCIDENT_COLUMNS
from tests.browser.conftest import ARTIFACTS, AppServer, _serve
from tests.browser.test_dashboard import wait_for_markers
from tests.conftest import ROOT

SEED_LABEL = "Coordinated attacks across Balochistan (1 Feb 2026)"
TURBAT_LABEL = "Turbat police station attack (3 Mar 2026)"
SEED_MARKERS = 6
"""The seed event's markers: its named towns' incidents (its province-wide items
are in the province's box, not markers)."""


def _append(path, columns, row) -> None:
    with path.open("a", encoding="utf-8", newline="") as handle:
        csv.DictWriter(handle, columns).writerow(
            {column: row.get(column, "") for column in columns}
        )


@pytest.fixture(scope="module")
def two_event_app(tmp_path_factory) -> Iterator[AppServer]:
    """The shipped data and a second, later event: 4 police killed in Turbat."""
    data = tmp_path_factory.mktemp("two-events") / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("user"))
    source = {
        "source_title": "A wire report of the Turbat attack",
        "source_date": "2026-03-03",
        "source_location": "tests/browser/test_briefing_page.py",
    }
    _append(
        data / "events.csv",
        EVENT_COLUMNS,
        {
            "id": "turbat-2026-03-03",
            "name": "Turbat police station attack",
            "date": "2026-03-03",
            "date_precision": "1",
            "admin1": "Balochistan",
            **source,
        },
    )
    with (data / "incidents" / "turbat.csv").open("w", newline="") as handle:
        writer = csv.DictWriter(handle, INCIDENT_COLUMNS)
        writer.writeheader()
        writer.writerow(
            {column: "" for column in INCIDENT_COLUMNS}
            | {
                "id": "turbat-2026-03-03-police",
                "event_id": "turbat-2026-03-03",
                "date": "2026-03-03",
                "date_precision": "1",
                "place": "Turbat",
                "target_type": "police_paramilitary",
                "attack_types": "armed_assault",
                "killed_security": "4",
                **source,
            }
        )
    yield from _serve(data, "two-events")


def _main_text(seen) -> str:
    return seen.page.locator('[data-testid="stMain"]').inner_text()


def test_the_latest_event_is_shown_first_and_a_link_chooses_another(
    two_event_app, visit
):
    seen = visit(two_event_app)
    wait_for_markers(seen, seen.map_frame(), 1)
    text = _main_text(seen)
    assert "Turbat police station attack · Balochistan · reported 3 March 2026" in text
    assert "Coordinated attacks across Balochistan ·" not in text

    older = visit(two_event_app, "?" + urlencode({"event": SEED_LABEL}))
    wait_for_markers(older, older.map_frame(), SEED_MARKERS)
    assert "Coordinated attacks across Balochistan ·" in _main_text(older)


def test_two_events_get_a_breakdown_not_merged_totals(two_event_app, visit):
    query = urlencode([("event", TURBAT_LABEL), ("event", SEED_LABEL)])
    seen = visit(two_event_app, "?" + query)
    wait_for_markers(seen, seen.map_frame(), SEED_MARKERS + 1)
    text = _main_text(seen)
    assert "The headline figures add 2 events" in text
    table = seen.page.locator('[data-testid="stDataFrame"]').first
    table.wait_for(timeout=20_000)
    assert (
        "21" in seen.page.locator('[data-testid="stMetricValue"]').nth(1).inner_text()
    )
    seen.page.screenshot(path=str(ARTIFACTS / "two-events.png"))


def test_headline_cards_never_cut_a_figure_off_at_1280(two_event_app, visit):
    seen = visit(
        two_event_app, "?" + urlencode({"event": SEED_LABEL, "place": "Mastung"})
    )
    seen.page.set_viewport_size({"width": 1280, "height": 900})
    wait_for_markers(seen, seen.map_frame(), 1)
    values = seen.page.locator('[data-testid="stMetricValue"]')
    assert values.count() >= 4
    assert "Not reported" in values.first.inner_text()
    assert _clipped(values) == []


def _clipped(values) -> list[str]:
    """The headline values wider than their card (cut off or spilling over)."""
    return values.evaluate_all(
        """(nodes) => nodes.filter((node) => {
            const inner = node.querySelector('div') || node;
            return inner.scrollWidth > inner.clientWidth + 1
                || node.scrollWidth > node.clientWidth + 1;
        }).map((node) => node.innerText)"""
    )


def test_projector_mode_is_dark_and_large(two_event_app, visit):
    seen = visit(two_event_app, "?projector=true")
    wait_for_markers(seen, seen.map_frame(), 1)
    background = seen.page.locator(".stApp").evaluate(
        "(node) => getComputedStyle(node).backgroundColor"
    )
    assert background == "rgb(13, 17, 23)"
    ground = (
        seen.map_frame()
        .locator(".leaflet-container")
        .evaluate("(node) => getComputedStyle(node).backgroundColor")
    )
    assert ground == "rgb(21, 24, 29)"  # beyond the basemap: a neutral dark ground
    sea = seen.map_frame().locator('.leaflet-tile-pane path[fill="#0b1a2a"]')
    assert sea.count() >= 1  # the sea, dark, within the basemap's region
    seen.page.set_viewport_size({"width": 1280, "height": 900})
    assert _clipped(seen.page.locator('[data-testid="stMetricValue"]')) == []
    seen.page.screenshot(path=str(ARTIFACTS / "projector.png"))


def test_print_layout_leaves_out_the_sidebar(two_event_app, visit):
    seen = visit(two_event_app)
    wait_for_markers(seen, seen.map_frame(), 1)
    sidebar = seen.page.locator('[data-testid="stSidebar"]')
    assert sidebar.is_visible()
    seen.page.emulate_media(media="print")
    assert not sidebar.is_visible()
    seen.page.screenshot(path=str(ARTIFACTS / "print.png"))
