"""The launcher's own parts, without a server: the launch link answered in front of
the page (under a sub-path too), the link it prints, and Streamlit's options as
``streamlit run`` takes them. tests/browser/test_launch.py runs the launcher."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from starlette.responses import PlainTextResponse
from streamlit import config

from components.domain.access import LAUNCH_COOKIE, LAUNCH_TOKEN_VARIABLE
from components.serve import LaunchLink, launch_link, settings
from tests.conftest import ROOT
from tests.harness.own_loop import run_on_own_loop

TOKEN = "s3cret-launch-token-0123456789"


async def _page(scope, receive, send) -> None:
    await PlainTextResponse(f"the page at {scope['path']}")(scope, receive, send)


@pytest.fixture
def option() -> Iterator:
    """Set Streamlit options for one test; the earlier values come back after."""
    saved: dict[str, object] = {}

    def set_option(key: str, value: object) -> None:
        saved.setdefault(key, config.get_option(key))
        config.set_option(key, value)

    yield set_option
    for key, value in saved.items():
        config.set_option(key, value)


@dataclass
class Answer:
    status_code: int
    headers: dict[str, str]
    text: str


class Client:
    """Requests straight into the ASGI app, as the server hands them on."""

    def __init__(self, app: LaunchLink) -> None:
        self.app = app

    def get(self, url: str, method: str = "GET") -> Answer:
        path, _, query = url.partition("?")
        scope = {
            "type": "http",
            "method": method,
            "path": path,
            "raw_path": path.encode(),
            "query_string": query.encode(),
            "headers": [],
            "http_version": "1.1",
            "scheme": "http",
            "server": ("127.0.0.1", 8501),
            "root_path": "",
        }
        sent: list[dict] = []

        async def receive() -> dict:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict) -> None:
            sent.append(message)

        run_on_own_loop(self.app(scope, receive, send))
        headers = {k.decode().lower(): v.decode() for k, v in sent[0]["headers"]}
        body = b"".join(m.get("body", b"") for m in sent[1:])
        return Answer(sent[0]["status"], headers, body.decode())

    def post(self, url: str) -> Answer:
        return self.get(url, "POST")


@pytest.fixture
def client() -> Client:
    return Client(LaunchLink(_page, token=TOKEN))


def test_the_right_token_gets_the_cookie_and_the_page(client):
    answer = client.get(f"/launch?token={TOKEN}")
    assert answer.status_code == 303
    assert answer.headers["location"] == "/"
    cookie = answer.headers["set-cookie"]
    assert cookie.startswith(f"{LAUNCH_COOKIE}={TOKEN};")
    assert "HttpOnly" in cookie
    assert "SameSite=strict" in cookie


@pytest.mark.parametrize(
    "query", ["", "?token=", "?token=wrong", f"?token={TOKEN.upper()}", f"?t={TOKEN}"]
)
def test_any_other_token_is_refused_without_a_cookie(client, query):
    answer = client.get(f"/launch{query}")
    assert answer.status_code == 403
    assert "set-cookie" not in answer.headers
    assert "not this server's" in answer.text


def test_every_other_address_is_the_pages(client):
    answer = client.get(f"/launched?token={TOKEN}")
    assert answer.text == "the page at /launched"
    assert client.post(f"/launch?token={TOKEN}").text == "the page at /launch"


def test_under_a_sub_path_the_link_is_there_too(client, option):
    option("server.baseUrlPath", "incidents")
    answer = client.get(f"/incidents/launch?token={TOKEN}")
    assert answer.status_code == 303
    assert answer.headers["location"] == "/incidents/"
    assert "Path=/incidents/" in answer.headers["set-cookie"]
    assert client.get(f"/launch?token={TOKEN}").text == "the page at /launch"


@pytest.mark.parametrize(
    ("address", "base", "link"),
    [
        ("127.0.0.1", "", f"http://127.0.0.1:8765/launch?token={TOKEN}"),
        ("0.0.0.0", "", f"http://localhost:8765/launch?token={TOKEN}"),
        ("::1", "/maps/", f"http://[::1]:8765/maps/launch?token={TOKEN}"),
    ],
)
def test_the_printed_link_names_where_the_server_listens(option, address, base, link):
    option("server.address", address)
    option("server.port", 8765)
    option("server.baseUrlPath", base)
    assert launch_link(TOKEN) == link


def test_streamlit_options_pass_under_their_own_names():
    flags = {"server_port": 8502, "server_headless": True, "server_address": None}
    assert settings(flags) == {
        "logger.hideWelcomeMessage": True,
        "server.port": 8502,
        "server.headless": True,
    }
    assert settings({"logger_hideWelcomeMessage": False}) == {
        "logger.hideWelcomeMessage": False
    }


@pytest.mark.slow  # a Python process importing Streamlit per case
@pytest.mark.parametrize(
    ("argv", "env", "said"),
    [
        (["--server.port", "nope"], {}, "'nope' is not a valid integer"),
        (["--no.such-option", "1"], {}, "No such option"),
        ([], {LAUNCH_TOKEN_VARIABLE: "short"}, "at least 16 letters"),
        ([], {LAUNCH_TOKEN_VARIABLE: "a token; with spaces!"}, "at least 16"),
    ],
)
def test_the_launcher_refuses_bad_options_before_it_starts(argv, env, said):
    done = subprocess.run(
        [sys.executable, "-m", "components.serve", *argv],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert said in done.stderr
    assert "Traceback" not in done.stderr
