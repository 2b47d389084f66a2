"""Hostile input at the doors: sign-in claims and the launch link (with
hostile_checks).

:func:`forged_claims` is a store case (see :mod:`tests.harness.hostile_store`): ID
token claims a provider, or someone who controls one, could send (an address not
verified, ``email_verified`` as ``"yes"`` or ``1``, control characters and markup
in the subject or the address, an overlong subject, another account presenting a
bound address, first sign-ins racing) get no role and bind nothing, and the one
verified account that signs in first is the one bound.

:func:`launch_tokens_through_a_forwarder` starts the dashboard through its
launcher behind a plain TCP forwarder (every visitor 127.0.0.1 to the server) and
sends every hostile text as the launch link's token: each must be refused (a 4xx
answer, no cookie, no traceback); the server's own token must be let in.
"""

from __future__ import annotations

import contextlib
import functools
import shutil
import tempfile
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote, urlparse

from components.domain.access import Identity, claimed_identity
from components.store import open_store
from tests.harness.app_server import running_app
from tests.harness.forwarder import forwarding
from tests.harness.hostile_inputs import Outcome, Payload

ROOT = Path(__file__).resolve().parents[2]
ISSUER = "https://id.example.org"
ADMIN = "admin@example.org"
FORGED_CLAIMS: list[dict[str, object]] = [
    {"sub": "mallory", "email": ADMIN, "email_verified": False},
    {"sub": "mallory", "email": ADMIN},
    {"sub": "mallory", "email": ADMIN, "email_verified": "yes"},
    {"sub": "mallory", "email": ADMIN, "email_verified": 1},
    {"sub": "mallory", "email": ADMIN, "email_verified": [True]},
    {"sub": "mallory", "email": "ADMIN@example.org ", "email_verified": "false"},
    {"sub": "mallory\x1b[2K", "email": ADMIN, "email_verified": True},
    {"sub": "m" * 256, "email": ADMIN, "email_verified": True},
    {"sub": "", "email": ADMIN, "email_verified": True},
    {"sub": "mallory", "email": f"{ADMIN}\r\nx", "email_verified": True},
    {"sub": "mallory", "email": f"<b>{ADMIN}</b>", "email_verified": True},
    {"sub": "mallory", "email": [ADMIN], "email_verified": True},
    {"iss": "", "sub": "mallory", "email": ADMIN, "email_verified": True},
]
"""Claims that must get no role though their address is an admin's."""
RACERS = 8


def _race(calls: list[Callable[[], object]]) -> list[object]:
    start = threading.Barrier(len(calls))
    outcomes: list[object] = [None] * len(calls)

    def run(number: int) -> None:
        start.wait()
        try:
            outcomes[number] = calls[number]()
        except Exception as error:  # the outcome under check
            outcomes[number] = error

    threads = [threading.Thread(target=run, args=(n,)) for n in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes


def forged_claims(url: str, data: Path) -> Outcome:
    """No forged claim gets a role or binds; of racing first verified sign-ins one
    binds; afterwards another verified account with the address gets nothing."""
    store, _ = open_store(data, url)
    store.set_role(ADMIN, "admin", granted_by="hostile")
    for claims in FORGED_CLAIMS:
        identity = claimed_identity({"iss": ISSUER, **claims})
        role = store.role_for(identity)
        if role is not None:
            return Outcome(False, f"{claims!r} got the role {role}")
    if any(grant.issuer for grant in store.grants()):
        return Outcome(False, "a forged claim bound the address")
    subjects = [f"claimant-{n}" for n in range(RACERS)]
    outcomes = _race(
        [
            functools.partial(store.role_for, Identity(ISSUER, subject, ADMIN, True))
            for subject in subjects
        ]
    )
    errors = [o for o in outcomes if isinstance(o, Exception)]
    if errors:
        return Outcome(False, f"racing sign-ins: {errors[0]!r}"[:200])
    if outcomes.count("admin") != 1:
        return Outcome(False, f"{outcomes.count('admin')} racing accounts got admin")
    winner = subjects[outcomes.index("admin")]
    (grant,) = store.grants()
    if (grant.issuer, grant.subject) != (ISSUER, winner):
        return Outcome(False, f"bound to {grant.account!r}, not {winner!r}")
    late = store.role_for(Identity(ISSUER, "late-comer", ADMIN, True))
    return Outcome(late is None, f"another verified account got {late!r}")


ACCESS_STORE_CASES: dict[str, Callable[[str, Path], Outcome]] = {
    "forged sign-in claims": forged_claims,
}


# --- The launch link through a TCP forwarder -----------------------------------------


@contextlib.contextmanager
def forwarded_app() -> Iterator[tuple[str, str]]:
    """(the app's address through a forwarder, its launch token): the dashboard
    started through its launcher on a copy of the seed data."""
    with tempfile.TemporaryDirectory() as directory:
        data = Path(directory) / "data"
        shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("user"))
        log = Path(directory) / "server.log"
        with running_app(data, log) as url:
            port = urlparse(url).port
            if url.token is None or port is None:
                raise RuntimeError(f"no launch link for {url}")
            with forwarding(port) as forwarded:
                yield f"http://127.0.0.1:{forwarded}", url.token


def _answer(url: str) -> tuple[int, str | None, str]:
    """(status, Set-Cookie, body) of a GET that follows no redirect."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=30) as answer:
            body = answer.read(2000).decode(errors="replace")
            return answer.status, answer.headers.get("set-cookie"), body
    except urllib.error.HTTPError as error:
        body = error.read(2000).decode(errors="replace")
        return error.code, error.headers.get("set-cookie"), body


def launch_token_refused(base: str, text: str) -> Outcome:
    """A launch link whose token is ``text`` is refused: 4xx, no cookie."""
    status, cookie, body = _answer(f"{base}/launch?token={quote(text, safe='')}")
    if cookie:
        return Outcome(False, f"answered {status} with a cookie")
    if not 400 <= status < 500:
        return Outcome(False, f"answered {status}: {body[:120]!r}")
    if "Traceback" in body:
        return Outcome(False, "a traceback in the answer")
    return Outcome(True)


def launch_token_accepted(base: str, token: str) -> Outcome:
    """The server's own token gets the cookie and is sent to the page."""
    status, cookie, _ = _answer(f"{base}/launch?token={token}")
    if status != 303 or not cookie or token not in cookie:
        return Outcome(False, f"the right token: {status}, cookie {cookie!r}")
    return Outcome(True)


def launch_tokens_through_a_forwarder(
    texts: list[Payload],
) -> Iterator[tuple[str, Outcome]]:
    """Every hostile text as the launch token, then the right one: (name, outcome)."""
    with forwarded_app() as (base, token):
        for payload in texts:
            yield payload.name, launch_token_refused(base, payload.text)
        for name, forged in (
            ("the token in capitals", token.upper()),
            ("the token cut short", token[:-1]),
            ("the token and more", token + "x"),
        ):
            yield name, launch_token_refused(base, forged)
        yield "the server's own token", launch_token_accepted(base, token)
