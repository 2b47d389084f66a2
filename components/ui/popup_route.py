"""The address a map's popups ask for their incidents, served by the app itself.

The map's payload carries groups (a marker per target type and point, with its
count), not incidents: a click asks ``/incident-map/popup?source=TOKEN&groups=
1,2&start=0`` for a page of the groups' incidents
(:mod:`components.map.payload.pages`). Streamlit 1.67 serves the app through
Starlette and takes extra routes only from an ``st.App`` launcher, which
``streamlit run app.py`` is not; so the page's first run adds the route to the
running server's router, once per process. Without a server (AppTest) there is
nothing to add to, and nothing asks.

Who may read a page: whoever holds the payload that names its token (an HMAC
with a secret of this process, see :class:`~components.map.payload.pages.
PopupPages`), i.e. a session the page served that map to. A token the process
no longer keeps answers 404, and the popup asks for a reload.
"""

from __future__ import annotations

import functools
import gc
import json
import logging

import streamlit as st

from components.map.payload.pages import POPUPS, GoneError

logger = logging.getLogger(__name__)

ROUTE = "/incident-map/popup"
HEADERS = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}


@functools.cache
def popup_address() -> str:
    """The path popups ask (under the server's base path), its route added to
    the running server the first time."""
    base = str(st.get_option("server.baseUrlPath") or "").strip("/")
    path = f"/{base}{ROUTE}" if base else ROUTE
    try:
        added = _add_route(path)
    except Exception:  # Streamlit's internals changed: popups say they failed
        logger.exception("cannot add the popup route %s", path)
        return path
    if added:
        logger.info("popups are served at %s", path)
    return path


def _add_route(path: str) -> bool:
    from starlette.applications import Starlette
    from starlette.routing import Route

    apps = [
        app
        for app in gc.get_objects()
        if isinstance(app, Starlette)
        and any("_stcore" in str(getattr(r, "path", "")) for r in app.router.routes)
    ]
    for app in apps:
        app.router.routes.insert(0, Route(path, _serve, methods=["GET"]))
    return bool(apps)


async def _serve(request):  # a Starlette endpoint
    from starlette.concurrency import run_in_threadpool
    from starlette.responses import Response

    def answer(body: object, status: int = 200) -> Response:
        return Response(
            json.dumps(body, ensure_ascii=False, separators=(",", ":")),
            status_code=status,
            media_type="application/json",
            headers=HEADERS,
        )

    params = request.query_params
    try:
        numbers = [int(n) for n in params.get("groups", "").split(",") if n][:65]
        start = int(params.get("start", "0"))
    except ValueError:
        return answer({"error": "groups and start are whole numbers"}, 400)
    try:
        page = await run_in_threadpool(
            POPUPS.page, params.get("source", ""), numbers, start
        )
    except GoneError:
        return answer({"error": "gone"}, 404)
    except ValueError as error:
        return answer({"error": str(error)}, 400)
    except Exception:  # logged in full; the popup says it failed
        logger.exception("a popup page failed")
        return answer({"error": "failed"}, 500)
    return answer(page)
