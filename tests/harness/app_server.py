"""Run the dashboard on a free localhost port: for browser tests and benchmarks.

The dashboard is started as its README says, through the launcher
(``python -m components.serve``), with a launch token the caller knows: the URL
:func:`running_app` yields is a ``str`` that also carries the launch link, which a
browser opens to be allowed to write (:attr:`AppUrl.launch_link`). Another
script (``script=``) is started with ``streamlit run`` and has no launch link.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from components.domain.access import LAUNCH_TOKEN_VARIABLE
from components.store import DATA_DIR_VARIABLE, DATABASE_URL_VARIABLE

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app.py"


class AppUrl(str):
    """The app's URL (``http://127.0.0.1:PORT``), and its launch link."""

    token: str | None
    """The server's launch token (None: a script run without the launcher)."""

    def __new__(cls, url: str, token: str | None = None) -> AppUrl:
        made = super().__new__(cls, url)
        made.token = token
        return made

    @property
    def launch_link(self) -> str | None:
        """The link the launcher prints: the browser that opens it may write."""
        return f"{self}/launch?token={self.token}" if self.token else None


class AppStartError(RuntimeError):
    """The app exited or did not answer in time; the log file says why."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_app(
    data_dir: Path,
    log: Path,
    timeout: float = 60,
    *,
    database_url: str | None = None,
    port: int | None = None,
    options: Sequence[str] = (),
    env: Mapping[str, str] | None = None,
    script: Path = APP,
    launch_token: str | None = None,
) -> Iterator[AppUrl]:
    """Start the dashboard through ``python -m components.serve`` (or another
    ``script`` with ``streamlit run``) on ``data_dir``; yield its URL (with the
    launch link); stop it.

    The app's database is ``database_url``, else a SQLite file of its own in a
    temporary folder (seeded from ``data_dir``); ``options`` are further
    ``--section.option=value`` settings (they win over the defaults here);
    ``launch_token`` is the launcher's token (a random one if None).
    """
    token = None
    if script == APP:
        token = launch_token or secrets.token_urlsafe(24)
        env = {**(env or {}), LAUNCH_TOKEN_VARIABLE: token}
    with contextlib.ExitStack() as stack:
        if database_url is None:
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
            database_url = f"sqlite:///{folder / 'incidents.sqlite'}"
        url = stack.enter_context(
            _serve(
                data_dir,
                log,
                timeout,
                database_url,
                port or free_port(),
                options,
                env or {},
                script,
            )
        )
        yield AppUrl(url, token)


@contextmanager
def _serve(
    data_dir: Path,
    log: Path,
    timeout: float,
    database_url: str,
    port: int,
    options: Sequence[str],
    env: Mapping[str, str],
    script: Path,
) -> Iterator[str]:
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as out:
        start = (
            ["-m", "components.serve"]
            if script == APP
            else ["-m", "streamlit", "run", str(script)]
        )
        process = subprocess.Popen(
            [
                sys.executable,
                *start,
                "--server.headless=true",
                f"--server.port={port}",
                "--server.address=127.0.0.1",
                "--server.fileWatcherType=none",
                "--browser.gatherUsageStats=false",
                *options,
            ],
            cwd=ROOT,
            env={
                **os.environ,
                DATA_DIR_VARIABLE: str(data_dir),
                DATABASE_URL_VARIABLE: database_url,
                **env,
            },
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_healthy(process, url, log, timeout)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


def _wait_until_healthy(
    process: subprocess.Popen, url: str, log: Path, timeout: float
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AppStartError(f"the app exited early; see {log}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise AppStartError(f"the app did not answer within {timeout:.0f} s; see {log}")
