"""Who may do what on the page. Pure: the UI passes in what it knows.

With sign-in configured (Streamlit's ``[auth]`` settings, OpenID Connect), a person
has the role the database gives their account (viewer, editor or admin). An account
is the provider's issuer and subject (the only stable identifier, OIDC Core 5.7);
an administrator grants a role to an e-mail address, and the first sign-in with
that address *verified by the provider* (``email_verified``, OIDC Core 5.1) binds
the account to it. An unverified address gets no role: anyone can type any address
into some providers.

Without sign-in, the right to write is never inferred from where a request comes
from (a TCP forwarder makes every visitor 127.0.0.1). As Jupyter does, the server
prints a link with a random launch token at start (``python -m components.serve``);
a browser that opened it holds the token in a cookie and may write; anyone else
reads only, unless the operator turns anonymous writing on, which the page says.
"""

from __future__ import annotations

import hmac
import re
from collections.abc import Mapping
from dataclasses import dataclass

VIEWER, EDITOR, ADMIN = "viewer", "editor", "admin"
ROLES = (VIEWER, EDITOR, ADMIN)
WRITERS = frozenset({EDITOR, ADMIN})

_EMAIL = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*")
MAX_EMAIL = 254
"""RFC 5321's longest forward path."""
MAX_SUBJECT = 255
"""OIDC Core 2: a subject is at most 255 ASCII characters."""
MAX_ISSUER = 2048
_PRINTABLE = re.compile(r"[\x20-\x7e]+")
"""What an issuer or a subject is made of: printable ASCII (OIDC Core 2)."""


@dataclass(frozen=True)
class Identity:
    """Who the provider says signed in: the account, and the address it reports."""

    issuer: str
    subject: str
    email: str = ""
    email_verified: bool = False

    @property
    def shown(self) -> str:
        """How the page and the history name this person."""
        return self.email or f"{self.subject} at {self.issuer}"

    @property
    def may_hold_a_role(self) -> bool:
        """Whether a role may be looked up for this account at all: the provider
        verified the address, the address is one, and the account (issuer and
        subject) is one a database can key."""
        return (
            self.email_verified
            and _is_email(self.email)
            and _is_account_part(self.issuer, MAX_ISSUER)
            and _is_account_part(self.subject, MAX_SUBJECT)
        )


def _is_email(text: str) -> bool:
    return len(text) <= MAX_EMAIL and bool(_EMAIL.fullmatch(text))


def _is_account_part(text: str, longest: int) -> bool:
    return 0 < len(text) <= longest and bool(_PRINTABLE.fullmatch(text))


def claimed_identity(claims: Mapping[str, object]) -> Identity:
    """The account the provider's ID token claims describe. ``email_verified`` is
    true only when the provider says so: the JSON ``true`` (or the string
    ``"true"``, as some providers send it); absent, false or anything else is
    unverified."""
    verified = claims.get("email_verified")
    if isinstance(verified, str):
        verified = verified.strip().lower() == "true"
    return Identity(
        issuer=_claim(claims, "iss"),
        subject=_claim(claims, "sub"),
        email=_claim(claims, "email"),
        email_verified=verified is True,
    )


def _claim(claims: Mapping[str, object], name: str) -> str:
    value = claims.get(name)
    return value if isinstance(value, str) else ""


@dataclass(frozen=True)
class Rules:
    """How the page is run: the operator's settings."""

    sign_in: bool = False
    """Sign-in (``[auth]``) is configured."""
    sign_in_to_read: bool = False
    """Only signed-in people with a role may read (``INCIDENT_MAP_READ=signed-in``)."""
    anonymous_write: bool = False
    """Without sign-in, everyone may write (``INCIDENT_MAP_ANONYMOUS_WRITE=1``)."""


@dataclass(frozen=True)
class Access:
    """What the person at the page may do, who their saves are by, and why."""

    can_write: bool
    can_admin: bool
    author: str
    """Recorded with every save."""
    explanation: str
    """One sentence for the page: who you are and what you may do."""
    can_read: bool = True


def decide(
    rules: Rules,
    *,
    identity: Identity | None = None,
    role: str | None = None,
    launched: bool = False,
    machine_user: str = "",
) -> Access:
    """The access of one page visit.

    ``identity`` is the signed-in account (None when nobody is signed in),
    ``role`` the role the store gives that account (None for none), ``launched``
    whether this browser holds the server's launch token, ``machine_user`` the
    account that started the server (named in saves made through the token).
    """
    if rules.sign_in:
        return _signed_in(rules, identity, role)
    if rules.sign_in_to_read:
        return Access(
            False,
            False,
            "",
            f"This page is set to show incidents to signed-in people only "
            f"({READ_VARIABLE}=signed-in), but no sign-in is set up (README, Team).",
            can_read=False,
        )
    if launched:
        who = machine_user or "the server's user"
        return Access(
            True,
            True,
            f"{who} (launch link)",
            "No sign-in is set up; this browser opened the link the server printed "
            "at start, so you may add and change incidents."
            + (
                " Anonymous writing is on too: anyone who reaches this page may."
                if rules.anonymous_write
                else ""
            ),
        )
    if rules.anonymous_write:
        return Access(
            True,
            False,
            "anonymous (no sign-in)",
            "No sign-in is set up and anonymous writing is on: anyone who reaches "
            "this page may add and change incidents.",
        )
    return Access(
        False,
        False,
        "",
        "No sign-in is set up: this page is read-only. To edit, open the link that "
        "python -m components.serve printed at start, or set up sign-in "
        "(README, Team).",
    )


def _signed_in(rules: Rules, identity: Identity | None, role: str | None) -> Access:
    read = not rules.sign_in_to_read
    if identity is None:
        return Access(
            False,
            False,
            "",
            "Sign in to add or change incidents."
            if read
            else "Sign in to see the incidents.",
            can_read=read,
        )
    if not identity.may_hold_a_role:
        why = (
            "the sign-in service has not verified that address"
            if not identity.email_verified
            else "the sign-in service sent no usable address or account"
        )
        return Access(
            False,
            False,
            "",
            f"Signed in as {identity.shown}, but {why}, so it has no role here: "
            + ("you may read only." if read else "the incidents are not shown."),
            can_read=read,
        )
    if role not in ROLES:
        return Access(
            False,
            False,
            identity.shown,
            f"Signed in as {identity.shown}, who has no role here: "
            + ("you may read only. " if read else "the incidents are not shown. ")
            + "An administrator can give you one.",
            can_read=read,
        )
    writes = role in WRITERS
    what = "may add and change incidents" if writes else "may read only"
    return Access(
        writes,
        role == ADMIN,
        identity.shown,
        f"Signed in as {identity.shown} ({role}): you {what}.",
    )


def holds_token(offered: str | None, token: str | None) -> bool:
    """Whether a browser's launch cookie is the server's token (constant time)."""
    if not offered or not token:
        return False
    return hmac.compare_digest(offered.encode(), token.encode())


def check_email(text: str) -> str:
    """An e-mail address as an administrator types it, trimmed and lower-cased;
    ValueError with the reason if it is not one."""
    address = text.strip()
    if not address:
        raise ValueError("is empty")
    if len(address) > MAX_EMAIL:
        raise ValueError(f"is {len(address)} characters; an address has at most 254")
    if not _EMAIL.fullmatch(address):
        raise ValueError(
            f"{address[:60]!r} is not an e-mail address (name@domain, no spaces "
            "or markup)"
        )
    return address.lower()


READ_VARIABLE = "INCIDENT_MAP_READ"
"""``signed-in``: only signed-in people with a role may read (sign-in must be set
up); anything else, or unset: everyone who reaches the page may read."""
ANONYMOUS_WRITE_VARIABLE = "INCIDENT_MAP_ANONYMOUS_WRITE"
"""``1``: without sign-in, everyone who reaches the page may write."""
LAUNCH_TOKEN_VARIABLE = "INCIDENT_MAP_LAUNCH_TOKEN"
"""The server's launch token, set by ``python -m components.serve``."""
LAUNCH_COOKIE = "incident_map_launch"
"""The cookie a browser holds once it opened the launch link."""


def rules_from(environ: Mapping[str, str], *, sign_in: bool) -> Rules:
    """The operator's settings, from the environment."""
    return Rules(
        sign_in=sign_in,
        sign_in_to_read=environ.get(READ_VARIABLE, "").strip().lower() == "signed-in",
        anonymous_write=environ.get(ANONYMOUS_WRITE_VARIABLE, "").strip().lower()
        in {"1", "true", "yes", "on"},
    )
