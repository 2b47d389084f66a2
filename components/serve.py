"""``python -m components.serve``: run the dashboard and print its launch link.

As Jupyter does, the server makes a random launch token at start and prints a link
that carries it (``http://127.0.0.1:8501/launch?token=…``). The browser that opens
the link gets the token as a cookie (HttpOnly, SameSite=Strict) and may add and
change incidents without sign-in; anyone else who reaches the page reads only.
Where a request comes from never decides: a TCP forwarder (socat, ``ssh -L``, a
container's port map) makes every visitor 127.0.0.1.

Streamlit serves the page through ``st.App`` (Starlette and uvicorn), which takes
the extra ``/launch`` route. Options are Streamlit's own, e.g.
``python -m components.serve --server.port 8502 --server.address 0.0.0.0``.
``INCIDENT_MAP_LAUNCH_TOKEN`` fixes the token instead of a random one (for a
service manager that prints it elsewhere).
"""

from __future__ import annotations

import argparse
import logging
import os
import secrets
import sys
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

import streamlit as st
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route
from streamlit import config

from components.domain.access import LAUNCH_COOKIE, LAUNCH_TOKEN_VARIABLE, holds_token
from components.support.logs import configure_logging

logger = logging.getLogger(__name__)

APP = Path(__file__).resolve().parent.parent / "app.py"
LAUNCH_PATH = "/launch"


def launch_route(token: str) -> Route:
    """``/launch?token=…``: the right token gets the cookie and the page; any
    other answer is a plain refusal that says why."""

    async def launch(request: Request) -> Response:
        if not holds_token(request.query_params.get("token"), token):
            logger.warning("a launch link with a wrong token was refused")
            return PlainTextResponse(
                "This launch link is not this server's: the server prints a new "
                "one each time it starts.",
                status_code=403,
            )
        response = RedirectResponse("./", status_code=303)
        response.set_cookie(
            LAUNCH_COOKIE, token, httponly=True, samesite="strict", path="/"
        )
        return response

    return Route(LAUNCH_PATH, launch, methods=["GET"])


def launch_link(token: str) -> str:
    """The link the server prints, with the address and port it listens on."""
    address = config.get_option("server.address") or "localhost"
    if address in ("0.0.0.0", "::"):
        address = "localhost"
    port = config.get_option("server.port")
    base = (config.get_option("server.baseUrlPath") or "").strip("/")
    prefix = f"/{base}" if base else ""
    return f"http://{address}:{port}{prefix}{LAUNCH_PATH}?token={token}"


def build_app(token: str) -> st.App:
    """The dashboard as an ASGI app, with the launch route."""

    @asynccontextmanager
    async def announce(_app: st.App) -> AsyncIterator[None]:
        print(
            "\n  Open this link to add and change incidents (anyone else reads "
            f"only):\n  {launch_link(token)}\n",
            file=sys.stderr,
            flush=True,
        )
        yield

    return st.App(APP, routes=[launch_route(token)], lifespan=announce)


def _options(argv: Sequence[str]) -> dict[str, object]:
    """Streamlit options given as ``--section.name value`` pairs."""
    parser = argparse.ArgumentParser(
        prog="python -m components.serve",
        description="Run the dashboard and print the link that lets your browser "
        "edit. Streamlit's own options are accepted, e.g. --server.port 8502.",
    )
    _, rest = parser.parse_known_args(argv)
    options: dict[str, object] = {}
    items = list(rest)
    while items:
        name = items.pop(0)
        if not name.startswith("--") or "." not in name:
            parser.error(f"{name}: expected a Streamlit option such as --server.port")
        key, _, value = name[2:].partition("=")
        if not value:
            if not items:
                parser.error(f"{name}: needs a value")
            value = items.pop(0)
        options[key] = value
    return options


def main(argv: Sequence[str] | None = None) -> None:
    options = _options(sys.argv[1:] if argv is None else argv)
    configure_logging("INFO")
    token = os.environ.get(LAUNCH_TOKEN_VARIABLE) or secrets.token_urlsafe(32)
    os.environ[LAUNCH_TOKEN_VARIABLE] = token  # the page's script reads it
    build_app(token).run(config=options or None)


if __name__ == "__main__":
    main()
