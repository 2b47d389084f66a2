"""Sign-in and what the person at the page may do."""

from __future__ import annotations

import logging

import streamlit as st

from components.domain.access import Access, decide
from components.store import DatabaseStore
from components.support.text import markdown_text as md

logger = logging.getLogger(__name__)


def auth_configured() -> bool:
    """Whether Streamlit's ``[auth]`` settings (OIDC sign-in) are present."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all: Streamlit raises its own error
        return False


FORWARDED_HEADERS = ("X-Forwarded-For", "Forwarded", "X-Real-Ip")


def _proxied() -> bool:
    """Whether this request came through a reverse proxy."""
    try:
        headers = st.context.headers
    except Exception:  # no browser session (a script run): not proxied
        return False
    return any(headers.get(name) for name in FORWARDED_HEADERS)


def page_access(store: DatabaseStore) -> Access:
    """Sign-in controls in the sidebar, and this visit's access."""
    configured = auth_configured()
    logged_in = configured and bool(st.user.is_logged_in)
    email = str(st.user.get("email") or "") if logged_in else ""
    role = store.role_of(email) if email else None
    access = decide(
        auth_configured=configured,
        logged_in=logged_in,
        email=email or None,
        role=role,
        server_address=st.get_option("server.address"),
        proxied=_proxied(),
    )
    with st.sidebar:
        st.caption(md(access.explanation))
        if configured and not logged_in:
            st.button("Sign in", key="sign_in", on_click=st.login, type="primary")
        elif configured:
            st.button("Sign out", key="sign_out", on_click=st.logout)
    return access
