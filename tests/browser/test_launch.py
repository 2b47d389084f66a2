"""Without sign-in, "localhost" is not a person: a visitor who reaches the page
through a plain TCP forwarder (every visitor 127.0.0.1 to the server) reads only,
and so does a direct visitor; the browser that opened the launcher's link may
write, and the page says which of the two it is."""

from __future__ import annotations

import shutil
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from urllib.parse import urlparse

import pytest

from tests.browser.conftest import ARTIFACTS, AppServer
from tests.conftest import ROOT
from tests.harness.app_server import AppStartError, running_app
from tests.harness.forwarder import forwarding

TOKEN = "a-known-launch-token-for-this-test"
READ_ONLY = "this page is read-only"
LAUNCHED = "this browser opened the link the server printed"
WRITE_PANELS = ("Import ACLED, GTD or UCDP GED files", "Add incidents from a report")


@pytest.fixture(scope="module")
def open_app(tmp_path_factory) -> Iterator[tuple[AppServer, AppServer]]:
    """(the app as its own port serves it, the same app through a forwarder)."""
    data = tmp_path_factory.mktemp("launch") / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("user"))
    try:
        with running_app(
            data, ARTIFACTS / "launch-server.log", launch_token=TOKEN
        ) as url:
            port = urlparse(url).port
            assert port is not None
            with forwarding(port) as forwarded:
                yield AppServer(url), AppServer(f"http://127.0.0.1:{forwarded}")
    except AppStartError as error:
        pytest.fail(str(error))


def _rest_of_the_page(page) -> None:
    """Wait for the panels below the map (History is there for everyone)."""
    page.get_by_text("History: who changed what").wait_for(timeout=60_000)


def test_a_visitor_through_a_tcp_forwarder_reads_only(open_app, visit):
    _, forwarded = open_app
    seen = visit(forwarded, launched=False)
    page = seen.page
    page.get_by_text(READ_ONLY).wait_for(timeout=30_000)
    _rest_of_the_page(page)
    for panel in WRITE_PANELS:
        assert page.get_by_text(panel).count() == 0, panel
    assert page.get_by_text(LAUNCHED).count() == 0


def test_a_direct_visitor_without_the_link_reads_only(open_app, visit):
    direct, _ = open_app
    seen = visit(direct, launched=False)
    page = seen.page
    page.get_by_text(READ_ONLY).wait_for(timeout=30_000)
    _rest_of_the_page(page)
    for panel in WRITE_PANELS:
        assert page.get_by_text(panel).count() == 0, panel


def test_the_browser_that_opened_the_launch_link_may_write(open_app, visit):
    direct, _ = open_app
    assert direct.launch_link is not None
    seen = visit(direct, launched=False)
    page = seen.page
    page.goto(direct.launch_link)  # as a person clicks the printed link
    page.get_by_text(LAUNCHED).wait_for(timeout=30_000)
    assert urlparse(page.url).path == "/", "the link leads to the page"
    assert "token" not in page.url
    _rest_of_the_page(page)
    for panel in WRITE_PANELS:
        page.get_by_text(panel).wait_for(timeout=30_000)
    assert page.get_by_text(READ_ONLY).count() == 0
    assert seen.outside_requests == []


@pytest.mark.parametrize(
    "token", ["", "wrong", TOKEN.upper(), TOKEN + "x", TOKEN[:-1], "%00" + TOKEN]
)
def test_a_launch_link_with_another_token_is_refused_through_the_forwarder(
    open_app, token
):
    _, forwarded = open_app
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{forwarded.url}/launch?token={token}", timeout=10)
    assert refused.value.code == 403
    assert refused.value.headers.get("set-cookie") is None
    assert "not this server's" in refused.value.read().decode()


def test_the_launcher_makes_the_page_data_ready_before_the_first_visit(tmp_path):
    """No page is asked for: the store is opened (the empty database seeded from
    the data files) and the table loaded while the server waits, so the first
    visitor after a restart does not wait for it."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("user"))
    database = tmp_path / "incidents.sqlite"
    log = ARTIFACTS / "launch-warm-server.log"
    with running_app(data, log, database_url=f"sqlite:///{database}"):
        deadline = time.monotonic() + 60
        while "page data ready" not in log.read_text(errors="replace"):
            assert time.monotonic() < deadline, f"no 'page data ready' in {log}"
            time.sleep(0.3)
        said = log.read_text(errors="replace")
    assert database.stat().st_size > 0
    assert "missing ScriptRunContext" not in said
    assert "could not be made ready" not in said


def test_the_launcher_makes_the_first_view_ready_and_its_map_still_works(
    tmp_path, visit
):
    """The first view is worked out and the popups' route added while the server
    waits; the first visit then draws the map (its component declared in the
    page's run, as it must be) and a marker's popup is answered."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("user"))
    log = ARTIFACTS / "launch-first-view-server.log"
    database = f"sqlite:///{tmp_path / 'incidents.sqlite'}"
    with running_app(data, log, database_url=database) as url:
        deadline = time.monotonic() + 60
        while "popups are served" not in log.read_text(errors="replace"):
            assert time.monotonic() < deadline, f"no 'popups are served' in {log}"
            time.sleep(0.3)
        before_any_visit = log.read_text(errors="replace")
        seen = visit(AppServer(url), launched=False)
        frame = seen.map_frame()
        marker = frame.locator(".incident-marker").first
        marker.wait_for(timeout=30_000)
        marker.click()
        popup = frame.locator(".leaflet-popup-content .incident-popup")
        popup.wait_for(timeout=10_000)
        said = log.read_text(errors="replace")
    assert "the first view is ready" in before_any_visit
    assert said.count("popups are served") == 1
    assert "missing ScriptRunContext" not in said
    assert "could not be made ready" not in said
    assert seen.outside_requests == []
