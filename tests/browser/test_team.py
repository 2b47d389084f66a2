"""Two app instances on one PostgreSQL server, as a team deploys them: what one
instance saves, the other shows."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import ExitStack
from urllib.parse import urlencode

import pytest

from components.domain.filters import event_labels
from components.store import open_store
from tests.browser.conftest import ARTIFACTS, AppServer
from tests.browser.test_dashboard import marker_count, wait_for_markers
from tests.conftest import ROOT
from tests.harness.app_server import AppStartError, running_app
from tests.harness.postgres_server import create_database

REPORTS = {
    "Turbat": "Gunmen attacked a police station in Turbat on 3 March 2026, "
    "killing 4 policemen.",
    "Panjgur": "A bomb near a bank in Panjgur injured 7 civilians on 4 March 2026.",
}


@pytest.fixture(scope="module")
def two_instances(
    postgres_server, tmp_path_factory
) -> Iterator[tuple[list[AppServer], str]]:
    host, port = postgres_server
    url = create_database(host, port, "team_test")
    data = tmp_path_factory.mktemp("team") / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("user"))
    open_store(data, url)
    with ExitStack() as stack:
        try:
            servers = [
                AppServer(
                    stack.enter_context(
                        running_app(
                            data, ARTIFACTS / f"team-{n}-server.log", database_url=url
                        )
                    )
                )
                for n in (1, 2)
            ]
        except AppStartError as error:
            pytest.fail(str(error))
        yield servers, url


def add_report(seen, text: str) -> None:
    page = seen.page
    page.get_by_text("Add incidents from a report").click()
    paste_and_extract(page, text)
    page.get_by_role("button", name="Add 1 row(s) to the map").click()
    page.get_by_text("Added 1 row(s)").wait_for(timeout=30_000)


def paste_and_extract(page, text: str) -> None:
    """Paste a report and extract it. The text is committed first (Ctrl+Enter), so
    a rerun the map starts cannot swallow the click."""
    area = page.get_by_label("Or paste the text")
    area.fill(text)
    area.press("Control+Enter")
    page.get_by_text("Extract").last.wait_for(timeout=10_000)
    page.wait_for_timeout(500)
    page.get_by_role("button", name="Extract").click()
    page.get_by_text("Rows to add").wait_for(timeout=30_000)


def test_what_one_instance_saves_the_other_shows(two_instances, visit):
    servers, url = two_instances
    first, second = (visit(server) for server in servers)
    frames = [seen.map_frame() for seen in (first, second)]
    before = marker_count(frames[0])
    assert before == marker_count(frames[1]) > 0
    add_report(first, REPORTS["Turbat"])
    add_report(second, REPORTS["Panjgur"])
    store, _ = open_store(None, url)
    labels = event_labels(store.events())
    assert len(labels) == 3
    every_event = "?" + urlencode([("event", label) for label in labels.values()])
    for server in servers:
        seen = visit(server, every_event)
        frame = seen.map_frame()
        wait_for_markers(seen, frame, before + 2)
        assert seen.outside_requests == []
