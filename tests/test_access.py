"""Who may write: sign-in roles, and the no-sign-in rule for localhost only."""

import pytest

from components.domain.access import decide


@pytest.mark.parametrize(
    ("role", "writes", "admin"),
    [
        (None, False, False),
        ("viewer", False, False),
        ("editor", True, False),
        ("admin", True, True),
    ],
)
def test_signed_in_people_get_their_role(role, writes, admin):
    access = decide(
        auth_configured=True,
        logged_in=True,
        email="a@example.org",
        role=role,
        server_address="0.0.0.0",
    )
    assert (access.can_write, access.can_admin, access.author) == (
        writes,
        admin,
        "a@example.org",
    )
    assert "a@example.org" in access.explanation


def test_with_sign_in_configured_nobody_writes_before_signing_in():
    access = decide(
        auth_configured=True,
        logged_in=False,
        email=None,
        role=None,
        server_address="127.0.0.1",
    )
    assert not access.can_write
    assert access.explanation == "Sign in to add or change incidents."


@pytest.mark.parametrize(
    ("address", "proxied", "writes"),
    [
        ("127.0.0.1", False, True),
        ("localhost", False, True),
        ("::1", False, True),
        ("127.0.0.1", True, False),
        ("0.0.0.0", False, False),
        ("", False, False),
        ("192.168.1.5", False, False),
    ],
)
def test_without_sign_in_only_this_machine_writes(address, proxied, writes):
    access = decide(
        auth_configured=False,
        logged_in=False,
        email=None,
        role=None,
        server_address=address,
        proxied=proxied,
    )
    assert access.can_write is writes
    assert ("read-only" in access.explanation) is not writes
    if writes:
        assert "no sign-in" in access.author
