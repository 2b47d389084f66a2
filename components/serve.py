"""``python -m components.serve``: run the dashboard and print its launch link.

As Jupyter does, the server makes a random launch token at start and prints a link
that carries it (``http://127.0.0.1:8501/launch?token=…``), and opens it in a
browser unless the server is headless. The browser that opens the link gets the
token as a cookie (HttpOnly, SameSite=Strict) and may add and change incidents
without sign-in; anyone else who reaches the page reads only. Where a request
comes from never decides: a TCP forwarder (socat, ``ssh -L``, a container's port
map) makes every visitor 127.0.0.1. With sign-in set up the link grants nothing:
people sign in.

Streamlit serves the page through ``st.App`` (Starlette and uvicorn); the launch
link is answered in front of it. Every option ``streamlit run`` takes is taken
here, the same way (``--server.port 8502``, ``--server.port=8502``, or
``STREAMLIT_SERVER_PORT``), and ``.streamlit/`` beside ``app.py`` is read as
``streamlit run app.py`` reads it. ``INCIDENT_MAP_LAUNCH_TOKEN`` fixes the token
instead of a random one (for a service manager, or tests, that hand it on).

As it starts, the server opens the store, loads the page's table and works out
the page's first view in a thread of its own (:func:`components.ui.loading.warm`,
:func:`components.ui.first_view.prepare`): the first visitor after a restart
finds them ready, as every later visitor does.
"""

from __future__ import annotations

import logging
import os
import re
import secrets
import sys
import threading
import webbrowser
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import click
import streamlit as st
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send
from streamlit import config
from streamlit.web.cli import configurator_options

from components.domain.access import LAUNCH_COOKIE, LAUNCH_TOKEN_VARIABLE, holds_token
from components.support.logs import configure_logging

logger = logging.getLogger(__name__)

TOKEN = re.compile(r"[A-Za-z0-9_-]{16,512}")
"""A launch token: long enough not to be guessed, and a cookie as it is."""

APP = Path(__file__).resolve().parent.parent / "app.py"
LAUNCH_PATH = "launch"
QUIET = {"logger.hideWelcomeMessage": True}
"""Streamlit's own greeting names the page's address, which reads only: the
launcher prints both addresses itself."""


def _base_path() -> str:
    """``/prefix`` of ``server.baseUrlPath`` (a proxy's sub-path), or ""."""
    base = (config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}" if base else ""


def launch_response(request: Request, token: str) -> Response:
    """``/launch?token=…``: the right token gets the cookie and the page; any other
    answer is a plain refusal that says why."""
    if not holds_token(request.query_params.get("token"), token):
        logger.warning("a launch link with a wrong token was refused")
        return PlainTextResponse(
            "This launch link is not this server's: the server prints a new one "
            "each time it starts.",
            status_code=403,
        )
    response = RedirectResponse(f"{_base_path()}/", status_code=303)
    response.set_cookie(
        LAUNCH_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        path=f"{_base_path()}/",
    )
    return response


class LaunchLink:
    """ASGI middleware in front of Streamlit: answers ``{baseUrlPath}/launch``
    (read when the request comes, once the server's settings are loaded)."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        self.app = app
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] == "http"
            and scope["method"] in ("GET", "HEAD")
            and scope["path"] == f"{_base_path()}/{LAUNCH_PATH}"
        ):
            await launch_response(Request(scope), self.token)(scope, receive, send)
            return
        await self.app(scope, receive, send)


def page_address() -> str:
    """The page's address, as the server listens (localhost for every address)."""
    address = config.get_option("server.address") or "localhost"
    if address in ("0.0.0.0", "::"):
        address = "localhost"
    if ":" in address:  # an IPv6 address
        address = f"[{address}]"
    return f"http://{address}:{config.get_option('server.port')}{_base_path()}/"


def launch_link(token: str) -> str:
    """The link the server prints."""
    return f"{page_address()}{LAUNCH_PATH}?token={token}"


def build_app(token: str) -> st.App:
    """The dashboard as an ASGI app, with the launch link in front of it."""

    @asynccontextmanager
    async def announce(_app: st.App) -> AsyncIterator[None]:
        link = launch_link(token)
        print(
            "\n  Open this link to add and change incidents without sign-in:\n"
            f"  {link}\n"
            f"  Anyone else who reaches {page_address()} reads only.\n",
            file=sys.stderr,
            flush=True,
        )
        if not config.get_option("server.headless"):
            threading.Thread(target=webbrowser.open, args=(link,), daemon=True).start()
        threading.Thread(target=_warm, name=WARMING, daemon=True).start()
        yield

    return st.App(
        APP, middleware=[Middleware(LaunchLink, token=token)], lifespan=announce
    )


WARMING = "warm-page-data"
"""The thread that makes the page's data ready as the server starts."""


def _not_warming(record: logging.LogRecord) -> bool:
    """Streamlit warns of a thread outside any page's run that asks for its
    script context: the warming thread has none by design."""
    return record.threadName != WARMING


def _warm() -> None:
    """The page's data loaded (:func:`components.ui.loading.warm`) and its first
    view made ready (:func:`components.ui.first_view.prepare`) while the server
    waits for its first visitor. Never the map panel: a custom component (the
    map's) declared outside a page's run is not served to the page."""
    context = "streamlit.runtime.scriptrunner_utils.script_run_context"
    logging.getLogger(context).addFilter(_not_warming)
    from components.ui import first_view, loading, popup_route

    loaded = loading.warm()
    if loaded is None:
        return
    try:
        first_view.prepare(*loaded)
        popup_route.popup_address()  # the route the map's popups ask, added
    except Exception:  # the first visit works it out (and says what fails)
        logger.exception("the page's first view could not be made ready at start")


def settings(flags: dict[str, Any]) -> dict[str, Any]:
    """Streamlit's options as ``App.run`` takes them, from click's parameters
    (``server_port`` -> ``server.port``), the ones not given left out."""
    given = {
        name.replace("_", "."): value
        for name, value in flags.items()
        if value is not None and value != ()
    }
    return {**QUIET, **given}


@click.command(
    context_settings={"auto_envvar_prefix": "STREAMLIT"},
    help="Run the dashboard and print the link that lets your browser add and "
    "change incidents (anyone else reads only). Takes streamlit run's options, "
    "e.g. --server.port 8502.",
)
@configurator_options
def _command(**flags: Any) -> None:
    configure_logging("INFO")
    token = os.environ.get(LAUNCH_TOKEN_VARIABLE) or secrets.token_urlsafe(32)
    if not TOKEN.fullmatch(token):
        raise click.UsageError(
            f"{LAUNCH_TOKEN_VARIABLE} must be at least 16 letters, digits, - or _ "
            "(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')"
        )
    os.environ[LAUNCH_TOKEN_VARIABLE] = token  # the page's script reads it there
    # Streamlit takes the launcher's path as the app's: name app.py, so that its
    # .streamlit/ is read and the page is given no arguments.
    sys.argv = [str(APP)]
    build_app(token).run(config=settings(flags))


def main(argv: Sequence[str] | None = None) -> None:
    _command.main(
        args=list(sys.argv[1:] if argv is None else argv),
        prog_name="python -m components.serve",
    )


if __name__ == "__main__":
    main()
