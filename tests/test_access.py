"""Who may read and write: roles for verified accounts, the launch link, and never
the address a request came from."""

import pytest

from components.domain.access import (
    Identity,
    Rules,
    check_email,
    claimed_identity,
    decide,
    holds_token,
    rules_from,
)

SIGN_IN = Rules(sign_in=True)
VERIFIED = Identity("https://id.example.org", "alice", "a@example.org", True)
UNVERIFIED = Identity("https://id.example.org", "mallory", "admin@example.org", False)


@pytest.mark.parametrize(
    ("role", "writes", "admin"),
    [
        (None, False, False),
        ("viewer", False, False),
        ("editor", True, False),
        ("admin", True, True),
        ("owner", False, False),
    ],
)
def test_a_verified_account_gets_its_role(role, writes, admin):
    access = decide(SIGN_IN, identity=VERIFIED, role=role)
    assert (access.can_write, access.can_admin) == (writes, admin)
    assert access.author == "a@example.org"
    assert "a@example.org" in access.explanation


@pytest.mark.parametrize("role", ["viewer", "editor", "admin"])
def test_an_unverified_address_gets_no_role(role):
    access = decide(SIGN_IN, identity=UNVERIFIED, role=role)
    assert not access.can_write
    assert not access.can_admin
    assert "not verified" in access.explanation


def test_with_sign_in_configured_nobody_writes_before_signing_in():
    access = decide(SIGN_IN, launched=True)
    assert not access.can_write
    assert access.can_read
    assert access.explanation == "Sign in to add or change incidents."


@pytest.mark.parametrize(
    ("identity", "role", "reads"),
    [
        (None, None, False),
        (UNVERIFIED, "admin", False),
        (VERIFIED, None, False),
        (VERIFIED, "viewer", True),
    ],
)
def test_sign_in_to_read_keeps_the_incidents_from_anyone_without_a_role(
    identity, role, reads
):
    rules = Rules(sign_in=True, sign_in_to_read=True)
    assert decide(rules, identity=identity, role=role).can_read is reads


def test_sign_in_to_read_without_sign_in_shows_nothing_and_says_why():
    access = decide(Rules(sign_in_to_read=True), launched=True)
    assert not access.can_read
    assert "no sign-in is set up" in access.explanation


@pytest.mark.parametrize(
    ("launched", "anonymous", "writes", "admin"),
    [
        (False, False, False, False),
        (True, False, True, True),
        (False, True, True, False),
        (True, True, True, True),
    ],
)
def test_without_sign_in_only_the_launch_link_or_the_operator_opens_writing(
    launched, anonymous, writes, admin
):
    access = decide(
        Rules(anonymous_write=anonymous), launched=launched, machine_user="alice"
    )
    assert (access.can_write, access.can_admin) == (writes, admin)
    assert ("read-only" in access.explanation) is not writes
    if launched:
        assert access.author == "alice (launch link)"


@pytest.mark.parametrize(
    ("offered", "token", "holds"),
    [
        ("s3cret-token", "s3cret-token", True),
        ("s3cret-tokeN", "s3cret-token", False),
        ("", "s3cret-token", False),
        (None, "s3cret-token", False),
        ("s3cret-token", None, False),
        ("", "", False),
    ],
)
def test_the_launch_cookie_must_be_the_servers_token(offered, token, holds):
    assert holds_token(offered, token) is holds


@pytest.mark.parametrize(
    ("environ", "sign_in", "expected"),
    [
        ({}, False, Rules()),
        ({"INCIDENT_MAP_READ": "signed-in"}, True, Rules(True, True, False)),
        ({"INCIDENT_MAP_READ": "everyone"}, True, Rules(True, False, False)),
        ({"INCIDENT_MAP_ANONYMOUS_WRITE": "1"}, False, Rules(False, False, True)),
        ({"INCIDENT_MAP_ANONYMOUS_WRITE": "no"}, False, Rules()),
    ],
)
def test_the_operators_settings_come_from_the_environment(environ, sign_in, expected):
    assert rules_from(environ, sign_in=sign_in) == expected


@pytest.mark.parametrize(
    ("typed", "address"),
    [
        ("Editor@Example.org", "editor@example.org"),
        ("  a.b+c@mail.example.org ", "a.b+c@mail.example.org"),
    ],
)
def test_an_email_address_is_trimmed_and_lower_cased(typed, address):
    assert check_email(typed) == address


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "no-at-sign",
        "<script>x</script>@a",
        "a b@example.org",
        "a@",
        "@example.org",
        "a@b@example.org",
        "x" * 250 + "@example.org",
        "a@exam\nple.org",
        "a@exa_mple.org",
    ],
)
def test_what_is_not_an_email_address_is_refused(typed):
    with pytest.raises(ValueError, match=r"is empty|not an e-mail|at most 254"):
        check_email(typed)


ISSUER = "https://id.example.org"


@pytest.mark.parametrize(
    ("said", "verified"),
    [
        (True, True),
        ("true", True),
        (" TRUE ", True),
        (False, False),
        ("false", False),
        (None, False),
        (1, False),
        ("yes", False),
        ([True], False),
        ({"value": True}, False),
    ],
)
def test_only_the_providers_true_verifies_an_address(said, verified):
    claims = {"iss": ISSUER, "sub": "alice", "email": "a@example.org"}
    identity = claimed_identity({**claims, "email_verified": said})
    assert identity.email_verified is verified
    assert identity.may_hold_a_role is verified
    access = decide(SIGN_IN, identity=identity, role="admin")
    assert access.can_write is verified


def test_without_the_claim_an_address_is_unverified():
    identity = claimed_identity({"iss": ISSUER, "sub": "a", "email": "a@example.org"})
    assert not identity.may_hold_a_role


@pytest.mark.parametrize(
    "claims",
    [
        {"iss": "", "sub": "alice", "email": "a@example.org"},
        {"iss": ISSUER, "sub": "", "email": "a@example.org"},
        {"iss": ISSUER, "sub": "alice", "email": ""},
        {"iss": ISSUER, "sub": "a" * 256, "email": "a@example.org"},
        {"iss": ISSUER, "sub": "al\tice", "email": "a@example.org"},
        {"iss": ISSUER, "sub": "alice\x1b[2K", "email": "a@example.org"},
        {"iss": ISSUER, "sub": 7, "email": "a@example.org"},
        {"iss": ISSUER, "sub": "alice", "email": "<script>x</script>@a"},
        {"iss": ISSUER, "sub": "alice", "email": ["a@example.org"]},
        {"iss": ISSUER + "/" + "x" * 2048, "sub": "alice", "email": "a@example.org"},
    ],
)
def test_forged_or_broken_claims_hold_no_role_even_verified(claims):
    identity = claimed_identity({**claims, "email_verified": True})
    assert not identity.may_hold_a_role
    access = decide(SIGN_IN, identity=identity, role="admin")
    assert (access.can_write, access.can_admin) == (False, False)
    assert "no usable address or account" in access.explanation


def test_the_launch_link_means_nothing_once_sign_in_is_set_up():
    access = decide(SIGN_IN, launched=True, machine_user="alice")
    assert (access.can_write, access.can_admin) == (False, False)


def test_anonymous_writing_is_said_to_the_browser_with_the_link_too():
    access = decide(Rules(anonymous_write=True), launched=True, machine_user="a")
    assert "Anonymous writing is on" in access.explanation
    alone = decide(Rules(), launched=True, machine_user="a")
    assert "Anonymous" not in alone.explanation
