"""Sign-in with a real OIDC provider on localhost: a viewer sees no write panel, an
editor adds a row and the history names the editor; an address the provider has
not verified gets no role, the first verified sign-in binds the account to the
address, and another account presenting the address gets nothing; with
INCIDENT_MAP_READ=signed-in nothing of the data is drawn before sign-in."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
import urllib.request
import warnings
from collections.abc import Iterator
from urllib.parse import quote, urlparse

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from components.domain.access import READ_VARIABLE
from components.store import open_store
from tests.browser.conftest import ARTIFACTS, AppServer
from tests.browser.test_team import paste_and_extract
from tests.conftest import ROOT
from tests.harness.app_server import AppStartError, free_port, running_app

VIEWER = "viewer@example.org"
EDITOR = "editor@example.org"
ADMIN = "admin@example.org"
PLACES = ("Mastung", "Quetta", "Kalat", "Turbat")
"""Places of the seed data: none may be on a page that shows nothing."""


@pytest.fixture(scope="module")
def oidc_provider() -> Iterator[str]:
    """``oidc-provider-mock`` on a free port: the address of its discovery."""
    port = free_port()
    log = (ARTIFACTS / "oidc-provider.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "oidc_provider_mock", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"{url}/.well-known/openid-configuration"):
                break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail("the OIDC provider did not start; see oidc-provider.log")
            time.sleep(0.2)
    yield url
    process.terminate()
    process.wait(timeout=10)
    log.close()


@pytest.fixture(scope="module")
def signed_database(tmp_path_factory) -> tuple[object, str]:
    """(data directory, database URL) of a database that knows three addresses."""
    folder = tmp_path_factory.mktemp("signed")
    data = folder / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("user"))
    url = f"sqlite:///{folder / 'incidents.sqlite'}"
    store, _ = open_store(data, url)
    store.set_role(EDITOR, "editor", granted_by="test")
    store.set_role(VIEWER, "viewer", granted_by="test")
    store.set_role(ADMIN, "admin", granted_by="test")
    return data, url


def _signed_app(
    oidc_provider: str, data, url: str, name: str, env: dict[str, str] | None = None
) -> Iterator[AppServer]:
    port = free_port()
    secrets = ARTIFACTS / f"{name}-secrets.toml"
    secrets.parent.mkdir(parents=True, exist_ok=True)
    secrets.write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        'cookie_secret = "a-test-secret-that-is-long-enough"\n'
        'client_id = "incident-map"\n'
        'client_secret = "incident-map-secret"\n'
        f'server_metadata_url = "{oidc_provider}/.well-known/openid-configuration"\n'
    )
    try:
        with running_app(
            data,
            ARTIFACTS / f"{name}-server.log",
            database_url=url,
            port=port,
            options=[f"--secrets.files={secrets}"],
            env=env,
        ) as app_url:
            yield AppServer(app_url)
    except AppStartError as error:
        pytest.fail(str(error))


@pytest.fixture(scope="module")
def signed_app(oidc_provider: str, signed_database) -> Iterator[AppServer]:
    """The app with sign-in configured, on a database that knows three users."""
    yield from _signed_app(oidc_provider, *signed_database, "signed")


def set_claims(provider: str, subject: str, claims: dict[str, object]) -> None:
    """What the provider says of an account from now on (oidc-provider-mock's
    ``PUT /users/SUB``)."""
    request = urllib.request.Request(
        f"{provider}/users/{quote(subject, safe='')}",
        data=json.dumps(claims).encode(),
        headers={"Content-Type": "application/json"},
        method="PUT",
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        assert answer.status == 204


def _press_sign_in(page) -> None:
    """Press Sign in once the page has settled, and wait for the provider's form.

    A press that takes the browser nowhere (seen once on a loaded machine, the
    page still the app's 30 s later) is pressed again, and said as a warning, so
    the run's log shows how often a first press is lost."""
    app = page.url
    running = page.locator('[data-testid="stStatusWidget"]')
    for attempt in (1, 2):
        running.wait_for(state="hidden", timeout=30_000)
        page.get_by_role("button", name="Sign in").click()
        try:
            page.locator('input[name="sub"]').wait_for(timeout=20_000)
            return
        except PlaywrightTimeoutError:
            if attempt == 2 or page.url != app:
                raise
            warnings.warn(
                "the first press of Sign in took the browser nowhere in 20 s; "
                "pressed again",
                stacklevel=2,
            )


def sign_in(
    seen, email: str, *, verified: bool = True, subject: str | None = None
) -> None:
    """Press Sign in and authorize the account ``subject`` (the address, unless
    named) at the provider, which reports ``email`` as verified or not."""
    page = seen.page
    _press_sign_in(page)
    provider = urlparse(page.url)
    set_claims(
        f"{provider.scheme}://{provider.netloc}",
        subject or email,
        {"email": email, "email_verified": verified},
    )
    page.locator('input[name="sub"]').fill(subject or email)
    page.get_by_role("button", name="Authorize").click()
    page.get_by_text(f"Signed in as {email}").first.wait_for(timeout=30_000)


def test_a_viewer_sees_no_write_panel(signed_app, visit):
    seen = visit(signed_app)
    assert seen.page.get_by_text("Sign in to add or change incidents").count() == 1
    sign_in(seen, VIEWER)
    page = seen.page
    assert page.get_by_text(f"Signed in as {VIEWER} (viewer)").count() == 1
    assert page.get_by_text("Import ACLED, GTD or UCDP GED files").count() == 0
    assert page.get_by_text("Add incidents from a report").count() == 0
    page.get_by_text("History: who changed what").click()
    page.get_by_text("Latest saves").wait_for(timeout=20_000)
    assert page.get_by_role("button", name="Undo save").count() == 0


def test_an_editor_adds_a_row_and_the_history_names_them(signed_app, visit):
    seen = visit(signed_app)
    sign_in(seen, EDITOR)
    page = seen.page
    page.get_by_text("Add incidents from a report").click()
    paste_and_extract(
        page,
        "Gunmen attacked a police station in Turbat on 3 March 2026, killing 4 "
        "policemen.",
    )
    page.get_by_role("button", name="Add 1 row(s) to the map").click()
    page.get_by_text("Added 1 row(s)").wait_for(timeout=30_000)
    page.get_by_text("History: who changed what").click()
    page.get_by_text("Latest saves").wait_for(timeout=20_000)
    chooser = page.locator('[data-testid="stSelectbox"]').filter(
        has_text="An incident's history"
    )
    chooser.locator("input").fill("Turbat")
    page.keyboard.press("Enter")
    page.get_by_text(EDITOR).first.wait_for(timeout=20_000)
    page.screenshot(path=str(ARTIFACTS / "signed-editor-history.png"), full_page=True)


def test_an_unverified_address_gets_no_role_and_the_first_verified_one_binds_it(
    signed_app, signed_database, oidc_provider, visit
):
    _, url = signed_database
    store, _ = open_store(None, url)
    mallory = visit(signed_app)
    sign_in(mallory, ADMIN, verified=False, subject="mallory")
    page = mallory.page
    page.get_by_text("has not verified that address").wait_for(timeout=20_000)
    assert page.get_by_text(f"Signed in as {ADMIN} (admin)").count() == 0
    page.get_by_text("History: who changed what").wait_for(timeout=60_000)
    assert page.get_by_text("People and roles").count() == 0
    assert page.get_by_text("Add incidents from a report").count() == 0
    (grant,) = [g for g in store.grants() if g.email == ADMIN]
    assert grant.subject is None, "an unverified sign-in bound the address"

    boss = visit(signed_app)
    sign_in(boss, ADMIN, subject="boss")
    page = boss.page
    page.get_by_text(f"Signed in as {ADMIN} (admin)").wait_for(timeout=20_000)
    page.get_by_text("People and roles").wait_for(timeout=60_000)
    assert page.get_by_text("Add incidents from a report").count() == 1
    (grant,) = [g for g in store.grants() if g.email == ADMIN]
    assert (grant.issuer, grant.subject) == (oidc_provider, "boss")

    other = visit(signed_app)
    sign_in(other, ADMIN, subject="someone-else")
    page = other.page
    page.get_by_text("who has no role here").wait_for(timeout=20_000)
    assert page.get_by_text(f"Signed in as {ADMIN} (admin)").count() == 0
    page.get_by_text("History: who changed what").wait_for(timeout=60_000)
    assert page.get_by_text("People and roles").count() == 0


@pytest.fixture(scope="module")
def closed_app(oidc_provider: str, signed_database) -> Iterator[AppServer]:
    """The app that shows its incidents to signed-in people with a role only."""
    yield from _signed_app(
        oidc_provider, *signed_database, "closed", env={READ_VARIABLE: "signed-in"}
    )


def _shows_nothing_of_the_data(page) -> None:
    main = page.locator('[data-testid="stMain"]').inner_text()
    shown = page.locator("body").inner_text()
    assert [place for place in PLACES if place in shown] == []
    for what in ('[data-testid="stMetric"]', '[data-testid="stExpander"]', "iframe"):
        assert page.locator(what).count() == 0, what
    assert page.locator('[data-testid="stDownloadButton"]').count() == 0
    assert "History" not in main


def test_signed_in_to_read_shows_nothing_of_the_data_before_sign_in(closed_app, visit):
    # A link that chooses a view draws the sidebar's filters in the first run:
    # they must not come before access is decided.
    seen = visit(closed_app.url + "/?place=Mastung")  # no title to wait for
    page = seen.page
    page.get_by_text("Sign in to see the incidents.").first.wait_for(timeout=30_000)
    page.wait_for_timeout(3_000)  # anything drawn late would be drawn by now
    assert page.get_by_role("button", name="Sign in").count() == 1
    _shows_nothing_of_the_data(page)

    stranger = visit(closed_app.url)
    stranger.page.get_by_role("button", name="Sign in").wait_for(timeout=30_000)
    sign_in(stranger, "stranger@example.org")
    stranger.page.get_by_text("who has no role here").first.wait_for(timeout=20_000)
    stranger.page.wait_for_timeout(3_000)
    _shows_nothing_of_the_data(stranger.page)

    viewer = visit(closed_app.url)
    viewer.page.get_by_role("button", name="Sign in").wait_for(timeout=30_000)
    sign_in(viewer, VIEWER)
    viewer.map_frame()
    assert viewer.page.locator('[data-testid="stMetric"]').count() > 0
