"""Who may do what on the page. Pure: the UI passes in what it knows.

With sign-in configured (Streamlit's ``[auth]`` settings), a signed-in person has
the role the database gives their e-mail address (viewer, editor or admin); an
address the database does not know may read only. Without sign-in, anyone who
reaches the page could write, so writing is allowed only when the server listens
on this machine alone (the default) and the request did not come through a
reverse proxy, and the page says so; otherwise the page is read-only.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass

LOCAL_ADDRESSES = frozenset({"127.0.0.1", "localhost", "::1"})
VIEWER, EDITOR, ADMIN = "viewer", "editor", "admin"


@dataclass(frozen=True)
class Access:
    """What the person at the page may do, who their saves are by, and why."""

    can_write: bool
    can_admin: bool
    author: str
    """Recorded with every save."""
    explanation: str
    """One sentence for the page: who you are and what you may do."""


def decide(
    *,
    auth_configured: bool,
    logged_in: bool,
    email: str | None,
    role: str | None,
    server_address: str | None,
    proxied: bool = False,
) -> Access:
    """The access of one page visit. ``proxied``: the request came through a
    reverse proxy (forwarded headers), so 'localhost' says nothing of who it is."""
    if auth_configured:
        if not logged_in or not email:
            return Access(False, False, "", "Sign in to add or change incidents.")
        role = role or VIEWER
        writes = role in (EDITOR, ADMIN)
        what = "may add and change incidents" if writes else "may read only"
        return Access(
            writes,
            role == ADMIN,
            email,
            f"Signed in as {email} ({role}): you {what}.",
        )
    address = (server_address or "").strip() or "0.0.0.0"
    if address in LOCAL_ADDRESSES and not proxied:
        user = getpass.getuser()
        return Access(
            True,
            True,
            f"{user} (this machine, no sign-in)",
            "No sign-in is set up: the page is open to this machine only, so you "
            "may add and change incidents. To share it, set up sign-in (README, Team).",
        )
    where = (
        "requests come through a proxy"
        if proxied
        else f"the server listens on {address}"
    )
    return Access(
        False,
        False,
        "",
        f"No sign-in is set up and {where}: the page is read-only. Set up sign-in "
        "to let editors write (README, Team).",
    )
