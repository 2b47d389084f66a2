"""Sign-in with a real OIDC provider on localhost: a viewer sees no write panel, an
editor adds a row and the history names the editor."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from components.store import open_store
from tests.browser.conftest import ARTIFACTS, AppServer
from tests.browser.test_team import paste_and_extract
from tests.conftest import ROOT
from tests.harness.app_server import AppStartError, free_port, running_app

VIEWER = "viewer@example.org"
EDITOR = "editor@example.org"


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
def signed_app(oidc_provider: str, tmp_path_factory) -> Iterator[AppServer]:
    """The app with sign-in configured, on a database that knows two users."""
    folder = tmp_path_factory.mktemp("signed")
    data = folder / "data"
    import shutil

    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("user"))
    url = f"sqlite:///{folder / 'incidents.sqlite'}"
    store, _ = open_store(data, url)
    store.set_role(EDITOR, "editor", granted_by="test")
    store.set_role(VIEWER, "viewer", granted_by="test")
    port = free_port()
    secrets = folder / "secrets.toml"
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
            ARTIFACTS / "signed-server.log",
            database_url=url,
            port=port,
            options=[f"--secrets.files={secrets}"],
        ) as app_url:
            yield AppServer(app_url)
    except AppStartError as error:
        pytest.fail(str(error))


def sign_in(seen, email: str) -> None:
    page = seen.page
    page.get_by_role("button", name="Sign in").click()
    page.locator('input[name="sub"]').fill(email)
    page.get_by_role("button", name="Authorize").click()
    page.get_by_text(f"Signed in as {email}").wait_for(timeout=30_000)


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


def test_without_sign_in_on_another_address_the_page_is_read_only(
    tmp_path: Path, visit
):
    data = ROOT / "data"
    with running_app(
        data,
        ARTIFACTS / "open-server.log",
        options=["--server.address=0.0.0.0"],
    ) as app_url:
        seen = visit(AppServer(app_url.replace("0.0.0.0", "127.0.0.1")))
        page = seen.page
        page.get_by_text("the page is read-only").wait_for(timeout=20_000)
        assert page.get_by_text("Add incidents from a report").count() == 0
