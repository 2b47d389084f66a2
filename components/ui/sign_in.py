"""Sign-in and what the person at the page may do."""

from __future__ import annotations

import logging
import os

import streamlit as st

from components.domain.access import (
    LAUNCH_COOKIE,
    LAUNCH_TOKEN_VARIABLE,
    Access,
    Identity,
    claimed_identity,
    decide,
    holds_token,
    rules_from,
)
from components.store import DatabaseStore
from components.support.commands import os_account
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
    return claimed_identity(st.user.to_dict())


def _launched() -> bool:
    """Whether this browser opened the server's launch link (holds its cookie)."""
    try:
        offered = st.context.cookies.get(LAUNCH_COOKIE)
    except Exception:  # no browser session (a script run): no cookie
        return False
    return holds_token(offered, os.environ.get(LAUNCH_TOKEN_VARIABLE))


def _role(store: DatabaseStore, identity: Identity) -> str | None:
    """The account's role; a database that cannot answer gives none (said)."""
    try:
        return store.role_for(identity)
    except Exception as error:  # said on the page, logged in full
        logger.exception("cannot read the role of %s", identity.shown)
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        st.error(md(f"Your role could not be read, so you have none: {reason}"))
        return None


def page_access(store: DatabaseStore) -> Access:
    """Sign-in controls in the sidebar, and this visit's access. A visitor who may
    not read sees only the sign-in button: the script stops here."""
    configured = auth_configured()
    identity = _identity() if configured else None
    role = _role(store, identity) if identity else None
    access = decide(
        rules_from(os.environ, sign_in=configured),
        identity=identity,
        role=role,
        launched=not configured and _launched(),
        machine_user=os_account(),
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
