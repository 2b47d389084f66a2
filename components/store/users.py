"""Who may do what once signed in: roles granted to e-mail addresses, bound to the
sign-in account that first presented the address verified.

An administrator grants a role to an address. The first sign-in whose provider
verified that address binds the provider's account (issuer and subject) to the
grant; later sign-ins find the role by the account, and another account that
presents the same address, even verified, gets no role. An unverified address
never binds and never gets a role. :func:`release` unbinds a grant (a person
moved to another account), so that the next verified sign-in binds again.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, select, update
from sqlalchemy.exc import IntegrityError

from components.domain.access import ROLES, Identity, check_email
from components.store.engine import writing
from components.store.revisions import dialect_insert, now
from components.store.schema import User
from components.support.errors import StoreError

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Grant:
    """A role given to an address, and the account bound to it (if any yet)."""

    email: str
    role: str
    granted_by: str
    granted_at: dt.datetime
    issuer: str | None = None
    subject: str | None = None
    bound_at: dt.datetime | None = None

    @property
    def account(self) -> str:
        """The bound account as people read it, or "" when none is bound yet."""
        return f"{self.subject} at {self.issuer}" if self.issuer else ""


def address(text: str) -> str:
    """An e-mail address as stored (trimmed, lower-cased); StoreError if it is not
    one."""
    try:
        return check_email(text)
    except ValueError as error:
        raise StoreError(f"the e-mail address {error}") from None


def role_for(engine: Engine, identity: Identity) -> str | None:
    """The role of a signed-in account, binding it to its address's grant at its
    first verified sign-in; None when it has none."""
    if not identity.may_hold_a_role:
        return None
    email = identity.email.lower()
    with engine.connect() as connection:
        role = _role_of_account(connection, identity)
        if role is not None:
            return role
        grant = _grant_of(connection, email)
    if grant is None:
        return None
    if grant.issuer is None:
        _bind(engine, email, identity)
        with engine.connect() as connection:
            grant = _grant_of(connection, email)
        if grant is None:  # released or taken meanwhile
            return None
    if (grant.issuer, grant.subject) == (identity.issuer, identity.subject):
        return grant.role
    logger.warning(
        "%s at %s presented %s, which is bound to another account: no role",
        identity.subject,
        identity.issuer,
        email,
    )
    return None


def _role_of_account(connection: Connection, identity: Identity) -> str | None:
    return connection.execute(
        select(User.role).where(
            User.issuer == identity.issuer, User.subject == identity.subject
        )
    ).scalar()


def _grant_of(connection: Connection, email: str) -> Grant | None:
    row = connection.execute(select(*_COLUMNS).where(User.email == email)).first()
    return Grant(*row) if row else None


def _bind(engine: Engine, email: str, identity: Identity) -> None:
    """Bind the account to the address's grant, unless another account was bound
    first (two first sign-ins at once: one statement decides)."""
    try:
        with writing(engine) as connection:
            bound = connection.execute(
                update(User)
                .where(User.email == email, User.issuer.is_(None))
                .values(
                    issuer=identity.issuer, subject=identity.subject, bound_at=now()
                )
            ).rowcount
    except IntegrityError:  # the account is bound to another address already
        logger.warning(
            "%s at %s is bound to another address; %s stays unbound",
            identity.subject,
            identity.issuer,
            email,
        )
        return
    if bound:
        logger.info("%s bound to %s at %s", email, identity.subject, identity.issuer)


def set_role(engine: Engine, email: str, role: str, *, granted_by: str) -> None:
    """Give an e-mail address a role, replacing any it had (a bound account
    stays bound)."""
    if role not in ROLES:
        raise StoreError(f"role {role!r} is not one of {', '.join(ROLES)}")
    email = address(email)
    granted = {"role": role, "granted_by": granted_by, "granted_at": now()}
    with writing(engine) as connection:
        # One statement, so two admins granting at once cannot collide.
        connection.execute(
            dialect_insert(connection, User)
            .values(email=email, **granted)
            .on_conflict_do_update(index_elements=[User.email], set_=granted)
        )
    logger.info("%s made %s %s", granted_by, email, role)


def release(engine: Engine, email: str, *, released_by: str) -> bool:
    """Unbind the account from an address's grant (the role stays), so the next
    verified sign-in with the address binds again; whether one was bound."""
    email = address(email)
    with writing(engine) as connection:
        if _grant_of(connection, email) is None:
            raise StoreError(f"{email} has no role to release")
        released = connection.execute(
            update(User)
            .where(User.email == email, User.issuer.is_not(None))
            .values(issuer=None, subject=None, bound_at=None)
        ).rowcount
    if released:
        logger.info("%s released the account bound to %s", released_by, email)
    return bool(released)


def grants(engine: Engine) -> list[Grant]:
    """Every grant, by address."""
    with engine.connect() as connection:
        rows = connection.execute(select(*_COLUMNS).order_by(User.email))
        return [Grant(*row) for row in rows]


def users(engine: Engine) -> list[tuple[str, str]]:
    """(e-mail address, role) of everyone with a role, by address."""
    return [(grant.email, grant.role) for grant in grants(engine)]


_COLUMNS = (
    User.email,
    User.role,
    User.granted_by,
    User.granted_at,
    User.issuer,
    User.subject,
    User.bound_at,
)
