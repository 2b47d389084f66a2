"""Sign-in and what the person at the page may do."""

from __future__ import annotations

import getpass
import logging
import os

import streamlit as st

from components.domain.access import (
    LAUNCH_COOKIE,
    LAUNCH_TOKEN_VARIABLE,
    Access,
    Identity,
    decide,
    holds_token,
    rules_from,
)
from components.store import DatabaseStore
from components.support.text import markdown_text as md

logger = logging.getLogger(__name__)


def auth_configured() -> bool:
    """Whether Streamlit's ``[auth]`` settings (OIDC sign-in) are present."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all: Streamlit raises its own error
        return False


def _identity() -> Identity | None:
    """The signed-in account, from the provider's ID token claims."""
    if not st.user.is_logged_in:
        return None
    claims = st.user.to_dict()
    return Identity(
        issuer=str(claims.get("iss") or ""),
        subject=str(claims.get("sub") or ""),
        email=str(claims.get("email") or ""),
        email_verified=claims.get("email_verified") is True,
    )


def _launched() -> bool:
    """Whether this browser opened the server's launch link (holds its cookie)."""
    try:
        offered = st.context.cookies.get(LAUNCH_COOKIE)
    except Exception:  # no browser session (a script run): no cookie
        return False
    return holds_token(offered, os.environ.get(LAUNCH_TOKEN_VARIABLE))


def page_access(store: DatabaseStore) -> Access:
    """Sign-in controls in the sidebar, and this visit's access. A visitor who may
    not read sees only the sign-in button: the script stops here."""
    configured = auth_configured()
    identity = _identity() if configured else None
    role = store.role_for(identity) if identity else None
    access = decide(
        rules_from(os.environ, sign_in=configured),
        identity=identity,
        role=role,
        launched=not configured and _launched(),
        machine_user=getpass.getuser(),
    )
    with st.sidebar:
        st.caption(md(access.explanation))
        if configured and identity is None:
            st.button("Sign in", key="sign_in", on_click=st.login, type="primary")
        elif configured:
            st.button("Sign out", key="sign_out", on_click=st.logout)
    if not access.can_read:
        st.info(md(access.explanation), icon=":material/lock:")
        st.stop()
    return access
