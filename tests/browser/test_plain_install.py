"""The README's install, alone, runs the whole app: a fresh virtualenv built from
requirements.txt and nothing else serves the page, signs a person in through a real
OIDC provider and proposes incidents from a pasted report.

The test suite's own virtualenv has requirements-dev.txt, whose packages (httpx, for
one, which Streamlit's sign-in needs at run time) can hide a gap in requirements.txt;
this test does not use it for the app. Building the virtualenv takes minutes (pip
installs about 60 packages, from its cache or the index): the test is ``slow``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from components.map.assets import missing_files
from components.store import DATA_DIR_VARIABLE, DATABASE_URL_VARIABLE, open_store
from tests.browser.conftest import ARTIFACTS, AppServer
from tests.browser.test_sign_in import oidc_provider, sign_in  # noqa: F401
from tests.browser.test_team import paste_and_extract
from tests.conftest import ROOT
from tests.harness.app_server import free_port

pytestmark = [pytest.mark.slow, pytest.mark.browser]

EDITOR = "editor@example.org"
REPORT = (
    "Gunmen attacked a police station in Turbat on 3 March 2026, killing 4 policemen."
)
INSTALL_TIMEOUT = 30 * 60
IMPORT_EVERY_MODULE = """
import importlib, pkgutil
import components
found = pkgutil.walk_packages(components.__path__, "components.")
names = [info.name for info in found]
for name in names:
    if ".migrations" not in name:
        importlib.import_module(name)
import app
print(len(names), "modules")
"""


def _own_environment(venv: Path) -> dict[str, str]:
    """This process's environment without its virtualenv: the fresh one's first."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")
    }
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    return env


@pytest.fixture(scope="module")
def plain_venv(tmp_path_factory) -> Path:
    """A virtualenv with requirements.txt installed into it, and nothing else."""
    if missing_files():
        pytest.skip("map assets are missing: run python -m components.map.assets")
    venv = tmp_path_factory.mktemp("plain") / "venv"
    log = ARTIFACTS / "plain-install.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    with log.open("w") as out:
        for command in (
            [sys.executable, "-m", "venv", str(venv)],
            [
                str(venv / "bin" / "pip"),
                "install",
                "--disable-pip-version-check",
                "-r",
                str(ROOT / "requirements.txt"),
            ],
        ):
            out.write(f"+ {' '.join(command)}\n")
            out.flush()
            done = subprocess.run(
                command,
                stdout=out,
                stderr=subprocess.STDOUT,
                env=_own_environment(venv),
                timeout=INSTALL_TIMEOUT,
                check=False,
            )
            if done.returncode:
                pytest.fail(f"{command[0]} failed ({done.returncode}); see {log}")
        took = time.monotonic() - started
        out.write(f"virtualenv and requirements.txt installed in {took:.0f} s\n")
    print(f"plain install: {took:.0f} s")
    return venv


def test_every_module_imports_from_requirements_alone(plain_venv: Path):
    done = subprocess.run(
        [str(plain_venv / "bin" / "python"), "-c", IMPORT_EVERY_MODULE],
        cwd=ROOT,
        env={**_own_environment(plain_venv), "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr.strip().splitlines()[-1:]
    assert done.stdout.strip().endswith("modules")


@pytest.fixture(scope="module")
def plain_app(
    plain_venv: Path,
    oidc_provider: str,  # noqa: F811
    tmp_path_factory,
) -> Iterator[tuple[AppServer, Path]]:
    """``streamlit run app.py`` from the fresh virtualenv, with sign-in configured
    against the local provider, on a database that knows one editor."""
    folder = tmp_path_factory.mktemp("plain-app")
    data = folder / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("user"))
    url = f"sqlite:///{folder / 'incidents.sqlite'}"
    store, _ = open_store(data, url)
    store.set_role(EDITOR, "editor", granted_by="test")
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
    log = ARTIFACTS / "plain-server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                str(plain_venv / "bin" / "streamlit"),
                "run",
                "app.py",
                "--server.headless=true",
                f"--server.port={port}",
                "--server.address=127.0.0.1",
                "--server.fileWatcherType=none",
                "--browser.gatherUsageStats=false",
                f"--secrets.files={secrets}",
            ],
            cwd=ROOT,
            env={
                **_own_environment(plain_venv),
                DATA_DIR_VARIABLE: str(data),
                DATABASE_URL_VARIABLE: url,
            },
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    app_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{app_url}/_stcore/health", timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"the app did not start; see {log}")
                time.sleep(0.3)
        yield AppServer(app_url), log
    finally:
        process.terminate()
        process.wait(timeout=20)


def _server_errors(log: Path) -> list[str]:
    """The server log's error lines (a missing module names itself there)."""
    lines = log.read_text(errors="replace").splitlines()
    return [line for line in lines if "Traceback" in line or "Error" in line][-5:]


def _server_log_end(log: Path) -> list[str]:
    """The server log's last lines (a missing module names itself there)."""
    return log.read_text(errors="replace").splitlines()[-12:]


def test_sign_in_and_a_report_work_from_requirements_alone(plain_app, visit):
    server, log = plain_app
    seen = visit(server)
    try:
        sign_in(seen, EDITOR)
    except Exception as error:
        page_text = seen.page.locator("body").inner_text()[:200]
        pytest.fail(
            f"sign-in failed ({type(error).__name__}) at {seen.page.url}; the page "
            f"says {page_text!r}; the server log ends: {_server_log_end(log)}"
        )
    # The provider's own page loads a stylesheet from a CDN (refused); from here on
    # only the app is asked for anything.
    seen.outside_requests.clear()
    page = seen.page
    assert page.get_by_text(f"Signed in as {EDITOR} (editor)").count() == 1
    # The panels come once the map is drawn; on a busy machine that takes a while.
    panel = page.get_by_text("Add incidents from a report")
    panel.wait_for(timeout=60_000)
    panel.click(timeout=60_000)
    paste_and_extract(page, REPORT)
    page.get_by_text("attacked: Turbat").wait_for(timeout=20_000)
    page.get_by_role("button", name="Add 1 row(s) to the map").click()
    page.get_by_text("Added 1 row(s)").wait_for(timeout=30_000)
    assert seen.outside_requests == []
    assert _server_errors(log) == []
