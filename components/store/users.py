"""Who may do what once signed in: each e-mail address's role."""

from __future__ import annotations

import logging

from sqlalchemy import Engine, select

from components.store.engine import writing
from components.store.revisions import dialect_insert, now
from components.store.schema import ROLES, User
from components.support.errors import StoreError

logger = logging.getLogger(__name__)


def role_of(engine: Engine, email: str) -> str | None:
    """The role of an e-mail address (None if the database does not know it)."""
    with engine.connect() as connection:
        return connection.execute(
            select(User.role).where(User.email == email.casefold())
        ).scalar()


def set_role(engine: Engine, email: str, role: str, *, granted_by: str) -> None:
    """Give an e-mail address a role, replacing any it had."""
    if role not in ROLES:
        raise StoreError(f"role {role!r} is not one of {', '.join(ROLES)}")
    email = email.strip().casefold()
    if "@" not in email:
        raise StoreError(f"{email!r} is not an e-mail address")
    granted = {"role": role, "granted_by": granted_by, "granted_at": now()}
    with writing(engine) as connection:
        # One statement, so two admins granting at once cannot collide.
        connection.execute(
            dialect_insert(connection, User)
            .values(email=email, **granted)
            .on_conflict_do_update(index_elements=[User.email], set_=granted)
        )
    logger.info("%s made %s %s", granted_by, email, role)


def users(engine: Engine) -> list[tuple[str, str]]:
    """(e-mail address, role) of everyone with a role, by address."""
    with engine.connect() as connection:
        rows = connection.execute(select(User.email, User.role).order_by(User.email))
        return [(row.email, row.role) for row in rows]
