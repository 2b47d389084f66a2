"""Browser tests: the real app on a free localhost port, in headless Chromium.

Every request that would leave localhost is blocked and recorded. Debian's Chromium
(/usr/bin/chromium) is used when present, else Playwright's own browser; with
neither, the tests skip and say why, except under CI, where they fail.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest

from components.map.assets import missing_files
from tests.conftest import ROOT, TEST_DATA
from tests.harness.app_server import AppStartError, running_app
from tests.harness.hostile_inputs import payloads, write_hostile_data
from tests.harness.synthetic_data import write_synthetic

playwright_api = pytest.importorskip("playwright.sync_api")

ARTIFACTS = ROOT / "artifacts" / "browser"
HOSTILE_TEXTS = payloads(ROOT / "artifacts" / "hostile-payload-ran")
"""The hostile corpus; its command payload would create that file."""
CHROMIUM = Path("/usr/bin/chromium")
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run under CI: {reason}")
    pytest.skip(reason)


@dataclass
class AppServer:
    url: str
    launch_link: str | None = None
    """The launcher's link (from the URL :func:`running_app` yields when None):
    a visit opens it first unless told not to, and may then write."""

    def __post_init__(self) -> None:
        if self.launch_link is None:
            self.launch_link = getattr(self.url, "launch_link", None)


def _serve(data_dir: Path, name: str) -> Iterator[AppServer]:
    if missing_files():
        _unavailable("map assets are missing: run python -m components.map.assets")
    try:
        with running_app(data_dir, ARTIFACTS / f"{name}-server.log") as url:
            yield AppServer(url)
    except AppStartError as error:
        pytest.fail(str(error))


@pytest.fixture(scope="session")
def seed_app() -> Iterator[AppServer]:
    yield from _serve(ROOT / "data", "seed")


@pytest.fixture(scope="session")
def days_app(tmp_path_factory) -> Iterator[AppServer]:
    """The app on 300 synthetic incidents over many days (the playback shows)."""
    yield from _serve(write_synthetic(tmp_path_factory.mktemp("days"), 300), "days")


@pytest.fixture(scope="session")
def hostile_app() -> Iterator[AppServer]:
    yield from _serve(TEST_DATA / "hostile", "hostile")


@pytest.fixture(scope="session")
def hostile_corpus_data(tmp_path_factory) -> Path:
    """A data directory with an incident per text of the hostile corpus."""
    return write_hostile_data(tmp_path_factory.mktemp("hostile-corpus"), HOSTILE_TEXTS)


@pytest.fixture(scope="session")
def hostile_corpus_app(hostile_corpus_data) -> Iterator[AppServer]:
    yield from _serve(hostile_corpus_data, "hostile-corpus")


@pytest.fixture
def writable_app(tmp_path) -> Iterator[AppServer]:
    """The app on a copy of the shipped data, which a test may add to."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("user"))
    yield from _serve(data, "writable")


@pytest.fixture(scope="session")
def browser():
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium
        executable = str(CHROMIUM) if CHROMIUM.exists() else None
        try:
            instance = chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        except playwright_api.Error as error:
            which = executable or "Playwright's own Chromium"
            first_line = str(error).splitlines()[0]
            _unavailable(f"no Chromium to drive ({which}: {first_line})")
        yield instance
        instance.close()


@dataclass
class Visit:
    """A page on the app, with what it tried to fetch from elsewhere."""

    page: object
    outside_requests: list[tuple[str, str]] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def map_frame(self):
        frame = self.page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
        frame.locator(".leaflet-container").wait_for(timeout=30_000)
        return frame


@pytest.fixture
def visit(browser, request) -> Iterator:
    contexts = []

    def open_app(
        server: AppServer | str,
        query: str = "",
        refuse: str | None = None,
        *,
        launched: bool = True,
    ) -> Visit:
        """Open the app (or a URL such as a file:// map) and watch what it does;
        ``refuse``: a local file the page is not given (a glob). A browser that is
        ``launched`` opened the server's launch link first (it holds the cookie
        that lets it write); otherwise it is anyone else, who reads only."""
        context = browser.new_context(viewport={"width": 1500, "height": 1300})
        contexts.append(context)
        if launched and isinstance(server, AppServer) and server.launch_link:
            opened = context.request.get(server.launch_link, max_redirects=0)
            assert opened.status == 303, f"the launch link answered {opened.status}"
        page = context.new_page()
        seen = Visit(page)

        def route(route_request):
            host = urlparse(route_request.request.url).hostname or ""
            url = route_request.request.url
            if host in LOCAL_HOSTS or url.startswith(("data:", "file:")):
                route_request.continue_()
                return
            seen.outside_requests.append(
                (route_request.request.resource_type, route_request.request.url)
            )
            route_request.abort()

        context.route("**/*", route)
        if refuse:
            page.route(refuse, lambda refused: refused.abort())

        def on_dialog(dialog):
            seen.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        if isinstance(server, str):
            page.goto(server + query)
            return seen
        page.goto(server.url + query)
        page.get_by_text("Incident map").first.wait_for(timeout=30_000)
        return seen

    yield open_app
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for number, context in enumerate(contexts):
        for page in context.pages:
            suffix = f"-{number}" if number else ""
            shot = ARTIFACTS / f"{request.node.name}{suffix}.png"
            page.screenshot(path=str(shot), full_page=True)
        context.close()
