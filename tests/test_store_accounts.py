"""Roles bound to sign-in accounts, on SQLite and PostgreSQL: an address the
provider has not verified gets no role and binds nothing; the first verified
sign-in binds the account; later the account, not the address, has the role;
the store's command and the migration keep grants and bindings."""

from __future__ import annotations

import functools
import sqlite3

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, inspect, text

from components.domain.access import Identity
from components.store import DatabaseStore
from components.store.__main__ import main
from components.store.database import MIGRATIONS
from components.store.schema import Base, in_the_models
from components.support.errors import StoreError
from tests.test_store_conflicts import race

ISSUER = "https://id.example.org"
OTHER_ISSUER = "https://other-id.example.org"
ADMIN = "admin@example.org"


def account(subject: str, email: str = ADMIN, verified: bool = True) -> Identity:
    return Identity(ISSUER, subject, email, verified)


@pytest.fixture
def granted(db_store: DatabaseStore) -> DatabaseStore:
    db_store.set_role("Admin@Example.org", "admin", granted_by="cli")
    return db_store


def bound(store: DatabaseStore, email: str) -> tuple[str | None, str | None]:
    (grant,) = [g for g in store.grants() if g.email == email]
    return grant.issuer, grant.subject


def test_an_unverified_address_gets_no_role_and_binds_nothing(granted):
    assert granted.role_for(account("mallory", verified=False)) is None
    assert bound(granted, ADMIN) == (None, None)
    assert granted.role_for(account("boss")) == "admin"


def test_the_first_verified_sign_in_binds_and_then_the_account_decides(granted):
    assert granted.role_for(account("boss")) == "admin"
    assert bound(granted, ADMIN) == (ISSUER, "boss")
    # Another account with the same address, verified, gets nothing; so does the
    # same subject at another provider.
    assert granted.role_for(account("mallory")) is None
    assert granted.role_for(Identity(OTHER_ISSUER, "boss", ADMIN, True)) is None
    # The bound account keeps its role whatever address it shows later.
    assert granted.role_for(account("boss", "Boss.New@Example.org")) == "admin"
    assert bound(granted, ADMIN) == (ISSUER, "boss")


def test_a_change_of_role_keeps_the_binding_and_release_undoes_it(granted):
    assert granted.role_for(account("boss")) == "admin"
    granted.set_role(ADMIN, "viewer", granted_by="cli")
    assert granted.role_for(account("boss")) == "viewer"
    assert granted.release(ADMIN, released_by="cli") is True
    assert granted.release(ADMIN, released_by="cli") is False
    assert granted.role_for(account("successor")) == "viewer"
    assert granted.role_for(account("boss")) is None
    with pytest.raises(StoreError, match="no role to release"):
        granted.release("nobody@example.org", released_by="cli")


def test_an_address_without_a_grant_gets_no_role_and_writes_nothing(db_store):
    assert db_store.role_for(account("someone", "someone@example.org")) is None
    assert db_store.grants() == []


@pytest.mark.parametrize(
    "typed",
    ["<script>x</script>@a", "no-at-sign", "a b@example.org", "", "x" * 300 + "@a.b"],
)
def test_a_role_is_given_to_e_mail_addresses_only(db_store, typed):
    with pytest.raises(StoreError, match="the e-mail address"):
        db_store.set_role(typed, "admin", granted_by="cli")
    assert db_store.grants() == []


def test_two_accounts_signing_in_first_at_once_bind_one(granted):
    subjects = [f"claimant-{n}" for n in range(8)]
    outcomes = race(
        [functools.partial(granted.role_for, account(subject)) for subject in subjects]
    )
    assert [o for o in outcomes if isinstance(o, Exception)] == []
    assert outcomes.count("admin") == 1, outcomes
    winner = subjects[outcomes.index("admin")]
    assert bound(granted, ADMIN) == (ISSUER, winner)


def test_one_account_cannot_be_bound_to_two_addresses(granted):
    granted.set_role("second@example.org", "editor", granted_by="cli")
    assert granted.role_for(account("boss")) == "admin"
    assert granted.role_for(account("boss", "second@example.org")) == "admin"
    assert bound(granted, "second@example.org") == (None, None)


def test_the_command_lists_each_grant_with_its_account(
    capsys, database_url, data_copy, granted
):
    base = ["--database", database_url, "--data", str(data_copy), "users"]
    assert main([*base, "list"]) == 0
    assert capsys.readouterr().out == f"{ADMIN}\tadmin\t(not signed in yet)\n"
    granted.role_for(account("boss\x1b[2K"))  # refused: not an account
    granted.role_for(account("boss"))
    assert main([*base, "list"]) == 0
    assert capsys.readouterr().out == f"{ADMIN}\tadmin\tboss at {ISSUER}\n"
    assert main([*base, "release", "ADMIN@example.org"]) == 0
    assert "its next verified sign-in binds it" in capsys.readouterr().err
    assert bound(granted, ADMIN) == (None, None)


@pytest.mark.parametrize("typed", ["<script>x</script>@a", "nobody"])
def test_the_command_refuses_what_is_not_an_address_in_one_line(
    capsys, database_url, data_copy, typed
):
    base = ["--database", database_url, "--data", str(data_copy), "users"]
    assert main([*base, "add", typed, "--role", "admin"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "is not an e-mail address" in err[0]


def _alembic(connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def test_the_migration_keeps_grants_and_the_tables_match_the_models(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    engine = create_engine(url)
    with engine.begin() as connection:
        command.upgrade(_alembic(connection), "0001")
        connection.execute(
            text(
                "INSERT INTO users (email, role, granted_by, granted_at) "
                "VALUES ('boss@example.org', 'admin', 'cli', '2026-01-01 00:00:00')"
            )
        )
    store = DatabaseStore(url)
    store.migrate()
    assert store.users() == [("boss@example.org", "admin")]
    assert store.role_for(account("boss", "boss@example.org")) == "admin"
    columns = {c["name"] for c in inspect(store.engine).get_columns("users")}
    assert {"issuer", "subject", "bound_at"} <= columns
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with store.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_name": in_the_models}
        )
        drift = compare_metadata(context, Base.metadata)
    assert drift == []
    # The account check holds in the database itself.
    with (
        pytest.raises(sqlite3.IntegrityError),
        sqlite3.connect(tmp_path / "old.sqlite") as raw,
    ):
        raw.execute("UPDATE users SET issuer = 'x', subject = NULL")
    with engine.begin() as connection:
        command.downgrade(_alembic(connection), "0001")
    columns = {c["name"] for c in inspect(create_engine(url)).get_columns("users")}
    assert "issuer" not in columns
