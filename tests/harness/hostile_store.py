"""Hostile input at the incident store and its command line (with hostile_checks).

Two kinds of case. :func:`via_store_cli` is a text entry point: each hostile text
goes into the store command's arguments (an incident id, an undo's reason) and
its configured author (``INCIDENT_MAP_AUTHOR``); it passes when the command
refuses it in one line with exit status 2, or saves it and ``saves`` prints it
with its control characters escaped. :data:`STORE_CASES` take a database URL
and pass on SQLite and PostgreSQL alike: saves racing each other (the losers
told who won), forged authors, absurd numbers and control characters in the
command's arguments, and forged sign-in claims
(:mod:`tests.harness.hostile_access`).
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import update

from components.store import DatabaseStore, open_store
from components.store.__main__ import main as store_cli
from components.store.revisions import head
from components.store.rows import row_of
from components.store.schema import Save
from components.support.commands import AUTHOR_VARIABLE, os_account
from components.support.errors import ConflictError
from components.support.text import terminal_text
from tests.harness.hostile_access import ACCESS_STORE_CASES
from tests.harness.hostile_inputs import Outcome

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data"
TOTALS = "balochistan-2026-02-01-province-totals"
FORGED = "admin@example.org\x1b[2K\rforged"
RAW = "\x00\x07\x1b\r"
"""Characters that must never reach a terminal from the command."""
RACERS = 8


# --- Running the command ------------------------------------------------------------


def cli(*argv: str, author: str | None = None) -> tuple[int, str, str]:
    """(exit status, stdout, stderr) of the store command run in this process."""
    out, err = io.StringIO(), io.StringIO()
    saved = os.environ.get(AUTHOR_VARIABLE)
    if author is not None:
        os.environ[AUTHOR_VARIABLE] = author
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = store_cli(list(argv))
    finally:
        if saved is None:
            os.environ.pop(AUTHOR_VARIABLE, None)
        else:
            os.environ[AUTHOR_VARIABLE] = saved
    return status, out.getvalue(), err.getvalue()


def _refused_in_one_line(status: int, out: str, err: str) -> Outcome:
    lines = err.strip().splitlines()
    if status != 2 or len(lines) != 1 or not lines[0].startswith("error: "):
        return Outcome(False, f"exit {status}, stderr {err[:160]!r}")
    if any(c in out + err for c in RAW):
        return Outcome(False, "a control character reached the terminal")
    return Outcome(True)


@functools.cache
def _template() -> Path:
    """A data directory and its seeded SQLite database, made once per process."""
    folder = Path(tempfile.mkdtemp(prefix="hostile-store-"))
    shutil.copytree(SEED, folder / "data", ignore=shutil.ignore_patterns("user"))
    store, _ = open_store(folder / "data", f"sqlite:///{folder / 'seeded.sqlite'}")
    store.engine.dispose()  # closes the WAL into the file
    return folder


@contextlib.contextmanager
def seeded_copy() -> Iterator[tuple[str, Path]]:
    """(database URL, data directory) of a fresh copy of the seeded database."""
    template = _template()
    with tempfile.TemporaryDirectory() as directory:
        database = Path(directory) / "incidents.sqlite"
        shutil.copyfile(template / "seeded.sqlite", database)
        yield f"sqlite:///{database}", template / "data"


# --- The text entry point -------------------------------------------------------------


def via_store_cli(payload) -> Outcome:
    """The text as an incident id, an undo's reason and the configured author."""
    with seeded_copy() as (url, data):
        base = ["--database", url, "--data", str(data)]
        history = _refused_in_one_line(*cli(*base, "history", payload.text))
        if not history.passed:  # refused, or no such incident: one line either way
            return Outcome(False, f"history: {history.detail}")
        status, out, err = cli(
            *base, "undo", "1", "--reason", payload.text, author=payload.text
        )
        if status != 0:
            return _refused_in_one_line(status, out, err)
        status, out, err = cli(*base, "saves", "--limit", "1")
        wanted = terminal_text(payload.text.strip())
        if status != 0 or wanted not in out:
            return Outcome(False, f"saves: exit {status}, {out[:160]!r}")
        if any(c in out for c in RAW) or len(out.splitlines()) != 1:
            return Outcome(False, "the save's line was not printed escaped")
    return Outcome(True)


# --- Cases on a database --------------------------------------------------------------


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


def _losers_told(outcomes: list[object], winners: int, fragment: str) -> Outcome:
    errors = [o for o in outcomes if isinstance(o, Exception)]
    if len(outcomes) - len(errors) != winners:
        return Outcome(False, f"{len(outcomes) - len(errors)} saves landed")
    wrong = [e for e in errors if not isinstance(e, ConflictError)]
    if wrong:
        return Outcome(False, f"{type(wrong[0]).__name__}: {str(wrong[0])[:160]}")
    if not all(fragment in str(e) and " at " in str(e) for e in errors):
        return Outcome(False, f"the refusal does not say who and when: {errors[0]}")
    return Outcome(True)


def racing_edits(url: str, data: Path) -> Outcome:
    """Eight editors save one incident at once: one lands, seven are told."""
    store, _ = open_store(data, url)
    version = store.version_of(TOTALS)
    outcomes = _race(
        [
            functools.partial(
                store.edit,
                TOTALS,
                {"injured": str(n)},
                expected_version=version,
                author=f"editor{n}@example.org",
            )
            for n in range(RACERS)
        ]
    )
    return _losers_told(outcomes, 1, "changed since you opened it: revision")


def racing_adds(url: str, data: Path) -> Outcome:
    """Four saves add the same new id at once: one lands, three are told."""
    store, _ = open_store(data, url)
    row = _new_row(store)
    outcomes = _race(
        [
            functools.partial(store.add, [row], author=f"adder{n}@example.org")
            for n in range(4)
        ]
    )
    return _losers_told(outcomes, 1, "added by another save first: 'hostile-new' by")


def _new_row(store: DatabaseStore) -> dict[str, str]:
    """A row for a new incident: the province totals' cells under a new id."""
    with store.engine.connect() as connection:
        _, values = head(connection, TOTALS)
    return {**row_of("hostile-new", values), "revises": ""}


def forged_author_flag(url: str, data: Path) -> Outcome:
    """``--author`` cannot name someone else: it is refused."""
    return _refused_in_one_line(
        *cli("--database", url, "--data", str(data), "--author", FORGED, "saves")
    )


def forged_author_configured(url: str, data: Path) -> Outcome:
    """A configured author with escape sequences is refused; a plain one is
    recorded beside the account that ran the command."""
    base = ["--database", url, "--data", str(data)]
    refused = _refused_in_one_line(*cli(*base, "undo", "1", author=FORGED))
    if not refused.passed:
        return refused
    status, _, err = cli(*base, "undo", "1", author="admin@example.org")
    if status != 0:
        return Outcome(False, f"a plain name: exit {status}, {err[:160]!r}")
    author = open_store(data, url)[0].recent_saves(1)[0].author
    wanted = f"admin@example.org (os:{os_account()})"
    return Outcome(author == wanted, f"recorded as {author!r}")


def forged_author_stored(url: str, data: Path) -> Outcome:
    """An author that reached the database anyway is printed escaped."""
    store, _ = open_store(data, url)
    with store.engine.begin() as connection:
        connection.execute(update(Save).values(author=FORGED))
    status, out, _ = cli("--database", url, "--data", str(data), "saves")
    if status != 0 or any(c in out for c in RAW):
        return Outcome(False, f"exit {status}, {out[:160]!r}")
    return Outcome(terminal_text(FORGED) in out, "the author is not shown escaped")


ABSURD_ARGUMENTS = [
    ["saves", "--limit", "100000000000000000000000"],
    ["saves", "--limit", "-1"],
    ["undo", "1000000000000000000000000"],
    ["undo", "9223372036854775808"],
    ["history", "wave\x00id"],
    ["undo", "1", "--reason", "why\x00"],
    ["users", "add", "a@example.org\x1b[2K", "--role", "admin"],
    ["--data", "dir\x00", "saves"],
]
"""Numbers out of range and control characters, in each argument that takes them."""


def absurd_arguments(url: str, data: Path) -> Outcome:
    for argv in ABSURD_ARGUMENTS:
        outcome = _refused_in_one_line(
            *cli("--database", url, "--data", str(data), *argv)
        )
        if not outcome.passed:
            return Outcome(False, f"{argv!r}: {outcome.detail}")
    return Outcome(True)


STORE_CASES: dict[str, Callable[[str, Path], Outcome]] = {
    "racing edits of one incident": racing_edits,
    "racing adds of one id": racing_adds,
    "forged --author": forged_author_flag,
    "forged INCIDENT_MAP_AUTHOR": forged_author_configured,
    "forged author in the database": forged_author_stored,
    "absurd numbers and control characters (CLI)": absurd_arguments,
    **ACCESS_STORE_CASES,
}


@contextlib.contextmanager
def databases() -> Iterator[list[tuple[str, Callable[[], str]]]]:
    """(kind, a function making an empty database of that kind's URL): SQLite,
    and PostgreSQL where its binaries are installed."""
    import uuid

    from tests.harness.postgres_server import (
        PostgresUnavailableError,
        create_database,
        running_postgres,
    )

    with tempfile.TemporaryDirectory() as directory:
        kinds = [("sqlite", lambda: f"sqlite:///{directory}/{uuid.uuid4().hex}.db")]
        with contextlib.ExitStack() as stack:
            try:
                host, port = stack.enter_context(running_postgres())
            except PostgresUnavailableError as error:
                print(f"PostgreSQL cases skipped: {error}")
            else:
                kinds.append(
                    (
                        "postgresql",
                        lambda: create_database(host, port, f"h_{uuid.uuid4().hex}"),
                    )
                )
            yield kinds


def run_store_cases() -> Iterator[tuple[str, Outcome]]:
    """Each case on each database: (name, outcome)."""
    with databases() as kinds, tempfile.TemporaryDirectory() as directory:
        data = Path(directory) / "data"
        shutil.copytree(SEED, data, ignore=shutil.ignore_patterns("user"))
        for kind, make_url in kinds:
            for name, check in STORE_CASES.items():
                try:
                    outcome = check(make_url(), data)
                except Exception as error:  # any crash is a failure to report
                    outcome = Outcome(False, f"{type(error).__name__}: {error}"[:200])
                yield f"{name} ({kind})", outcome
