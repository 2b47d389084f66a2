"""Who may read and write, as the page decides it (AppTest: the script as
``streamlit run app.py`` runs it, without a browser's cookie): read-only without
sign-in unless the operator turns anonymous writing on; roles only for addresses
the provider verified, bound to the account; with INCIDENT_MAP_READ=signed-in,
nothing of the data before sign-in."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from components.domain.access import READ_VARIABLE
from components.store import open_store
from tests.conftest import ROOT

ISSUER = "https://id.example.org"
ADMIN = "admin@example.org"
AUTH = {
    "auth": {
        "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
        "cookie_secret": "a-test-secret-that-is-long-enough",
        "client_id": "incident-map",
        "client_secret": "incident-map-secret",
        "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
    }
}
SLOW = pytest.mark.slow
"""Each AppTest runs the whole page for seconds: one of each kind in the fast lane."""
PLACES = ("Mastung", "Quetta", "Kalat", "Turbat", "Balochistan")
"""Text of the seed data: none of it may be on a page that shows nothing."""


def page(
    *,
    signed_in: dict | None = None,
    sign_in: bool = False,
    query: dict[str, str] | None = None,
) -> AppTest:
    """The whole page (two runs), with sign-in set up when asked, as the account
    whose claims are ``signed_in``."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    if sign_in or signed_in is not None:
        at.secrets.update(AUTH)
        at.user = (
            {"is_logged_in": True, **signed_in}
            if signed_in
            else {"is_logged_in": False}
        )
    at.query_params.update(query or {})
    at.run().run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def said(at: AppTest) -> str:
    """Every caption, message and Markdown text of the page, unescaped."""
    texts = [*at.caption, *at.info, *at.error, *at.warning, *at.markdown]
    return " ".join(str(t.value) for t in texts).replace("\\", "")


def writes(at: AppTest) -> bool:
    """Whether the page drew the panels only writers get."""
    return any(t.key == "report_text" for t in at.text_area)


def admin_claims(subject: str = "boss", verified: object = True) -> dict:
    return {"iss": ISSUER, "sub": subject, "email": ADMIN, "email_verified": verified}


@pytest.fixture
def store():
    store, _ = open_store()
    store.set_role(ADMIN, "admin", granted_by="test")
    return store


def test_without_sign_in_the_page_is_read_only_and_says_how_to_edit():
    at = page()
    assert not writes(at)
    assert "this page is read-only" in said(at)
    assert "python -m components.serve" in said(at)


def test_anonymous_writing_is_the_operators_choice_and_the_page_says_so(
    anonymous_writing,
):
    at = page()
    assert writes(at)
    assert "anonymous writing is on" in said(at)


@pytest.mark.parametrize(
    "verified", [False, *(pytest.param(v, marks=SLOW) for v in (None, "yes", 1))]
)
def test_an_unverified_address_that_matches_an_admin_gets_no_role(store, verified):
    at = page(signed_in=admin_claims("mallory", verified))
    assert not writes(at)
    assert not [e for e in at.expander if e.label == "People and roles"]
    assert "has not verified that address" in said(at)
    assert [g.subject for g in store.grants()] == [None]


def test_a_verified_admin_is_bound_and_another_account_with_the_address_is_not(
    store,
):
    at = page(signed_in=admin_claims("boss"))
    assert writes(at)
    assert f"Signed in as {ADMIN} (admin)" in said(at)
    assert [(g.issuer, g.subject) for g in store.grants()] == [(ISSUER, "boss")]
    table = next(d.value for d in at.dataframe if "signed in as" in d.value.columns)
    assert table["signed in as"].tolist() == [f"boss at {ISSUER}"]
    other = page(signed_in=admin_claims("mallory"))
    assert not writes(other)
    assert "who has no role here" in said(other)


@pytest.mark.slow
@pytest.mark.parametrize(
    "typed", ["<script>x</script>@a", "no-at-sign", "a b@example.org"]
)
def test_the_people_panel_refuses_what_is_not_an_address(store, typed):
    at = page(signed_in=admin_claims("boss"))
    at.text_input(key="users_email").set_value(typed)
    at.selectbox(key="users_role").set_value("editor")
    next(b for b in at.button if b.label == "Give this role").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert "is not an e-mail address" in said(at)
    assert [g.email for g in store.grants()] == [ADMIN]


@pytest.mark.slow
def test_the_people_panel_gives_a_role_to_an_address(store):
    at = page(signed_in=admin_claims("boss"))
    at.text_input(key="users_email").set_value(" Analyst@Example.org ")
    at.selectbox(key="users_role").set_value("editor")
    next(b for b in at.button if b.label == "Give this role").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert ("analyst@example.org", "editor") in store.users()


@pytest.mark.parametrize("query", [pytest.param({}, marks=SLOW), {"place": "Mastung"}])
def test_sign_in_to_read_draws_nothing_of_the_data_before_sign_in(monkeypatch, query):
    monkeypatch.setenv(READ_VARIABLE, "signed-in")
    at = page(sign_in=True, query=query)
    assert [b.label for b in at.button] == ["Sign in"]
    assert "Sign in to see the incidents." in said(at)
    assert [e.type for e in at.main if e.type == "component_instance"] == []
    assert (len(at.metric), len(at.dataframe), len(at.expander)) == (0, 0, 0)
    assert (len(at.multiselect), len(at.selectbox), len(at.text_input)) == (0, 0, 0)
    assert [p for p in PLACES if p in said(at)] == []


@pytest.mark.slow
def test_sign_in_to_read_shows_nothing_to_an_account_without_a_role(monkeypatch):
    monkeypatch.setenv(READ_VARIABLE, "signed-in")
    claims = {"iss": ISSUER, "sub": "s", "email": "s@example.org"}
    at = page(signed_in={**claims, "email_verified": True})
    assert [b.label for b in at.button] == ["Sign out"]
    assert len(at.metric) == 0
    assert "the incidents are not shown" in said(at)


@pytest.mark.slow
def test_sign_in_to_read_without_sign_in_set_up_shows_nothing_and_says_why(
    monkeypatch,
):
    monkeypatch.setenv(READ_VARIABLE, "signed-in")
    at = page()
    assert len(at.metric) == 0
    assert "no sign-in is set up" in said(at)
