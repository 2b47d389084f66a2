"""The store's command line on SQLite and PostgreSQL: every error one line and
exit 2, arguments checked before the database sees them, saves by the account
that runs the command, and what comes from the database printed escaped."""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest
from sqlalchemy import event, update
from sqlalchemy.pool import Pool

from components.store import DATA_DIR_VARIABLE
from components.store.__main__ import main
from components.store.schema import Save
from components.support.commands import AUTHOR_VARIABLE, os_account
from tests.conftest import GOOD_EVENT, GOOD_INCIDENT
from tests.harness.synthetic_data import write_synthetic

FORGED = "admin@example.org\x1b[2K\rforged"


@pytest.fixture(autouse=True)
def _seed_from_the_copy(monkeypatch, tmp_path) -> None:
    """The command seeds from the data directory db_store was seeded from."""
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(tmp_path / "data"))


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def one_line_error(status: int, err: str, *fragments: str) -> None:
    assert status == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error: ")
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    assert "\x00" not in err
    assert "\x1b" not in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["saves", "--limit", "100000000000000000000000"], "out of range"),
        (["saves", "--limit", "-1"], "out of range"),
        (["saves", "--limit", "0"], "out of range"),
        (["saves", "--limit", "ten"], "not a whole number"),
        (["undo", "1000000000000000000000000000"], "out of range"),
        (["undo", "2147483648"], "out of range"),
        (["undo", "9223372036854775808"], "out of range"),
        (["undo", "-1"], "out of range"),
        (["history", "wave-1\x00quetta"], "control character (\\x00)"),
        (["history", "\x1b[2Kx"], "control character (\\x1b)"),
        (["undo", "1", "--reason", "why\x00"], "control character (\\x00)"),
        (["undo", "1", "--reason", "a\rb"], "control character (\\r)"),
        (["users", "add", "a@b.org\x00", "--role", "admin"], "control character"),
        (["--author", "someone@example.org", "saves"], "--author: was removed"),
        (["--data", "dir\x00", "saves"], "control character (\\x00)"),
        (["import", "f\x1b.csv", "--from", "ours"], "control character (\\x1b)"),
    ],
)
def test_bad_arguments_are_refused_before_the_database(
    capsys, database_url, data_copy, argv, message
):
    status, out, err = run(
        capsys, "--database", database_url, "--data", str(data_copy), *argv
    )
    one_line_error(status, err, message)
    assert out == ""


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("bogus://x", "cannot use the database bogus://x"),
        ("postgresql+nodriver://user:secret@host/db", "user:***@host"),
        ("not a url at all", "cannot be read"),
        ("sqlite:////no/such/folder/x.sqlite", "unable to open database file"),
    ],
)
def test_an_unusable_database_url_is_one_line(capsys, url, message):
    status, _, err = run(capsys, "--database", url, "saves")
    one_line_error(status, err, message)
    assert "secret" not in err


def test_a_full_disk_during_an_import_is_one_line_and_keeps_the_batches_saved(
    capsys, tmp_path, data_copy
):
    url = f"sqlite:///{tmp_path / 'full.sqlite'}"
    assert run(capsys, "--database", url, "--data", str(data_copy), "init")[0] == 0
    pages = sqlite3.connect(tmp_path / "full.sqlite").execute("PRAGMA page_count")
    limit = pages.fetchone()[0] + 40

    def small_disk(dbapi_connection, _record) -> None:
        if isinstance(dbapi_connection, sqlite3.Connection):
            dbapi_connection.execute(f"PRAGMA max_page_count = {limit}")

    source = write_synthetic(tmp_path / "big", 5_000)
    event.listen(Pool, "connect", small_disk)
    try:
        status, _, err = run(
            capsys, "--database", url, "--data", str(data_copy), "import",
            str(source), "--from", "ours",
        )  # fmt: skip
    finally:
        event.remove(Pool, "connect", small_disk)
    one_line_error(status, err, "database or disk is full", "nothing was saved")


def test_saves_are_by_the_account_running_the_command(capsys, db_store, monkeypatch):
    db_store.add([GOOD_INCIDENT], [GOOD_EVENT], author="editor@example.org")
    added = db_store.recent_saves(1)[0].id
    argv = ["--database", db_store.url, "undo", str(added)]
    monkeypatch.delenv(AUTHOR_VARIABLE, raising=False)
    monkeypatch.setenv("USER", "somebody-else")
    monkeypatch.setenv("LOGNAME", "somebody-else")
    assert run(capsys, *argv)[0] == 0
    assert db_store.recent_saves(1)[0].author == f"os:{os_account()}"
    assert db_store.recent_saves(1)[0].author != "os:somebody-else"
    monkeypatch.setenv(AUTHOR_VARIABLE, "Night desk")
    again = db_store.recent_saves(1)[0].id
    assert run(capsys, "--database", db_store.url, "undo", str(again))[0] == 0
    assert db_store.recent_saves(1)[0].author == f"Night desk (os:{os_account()})"


def test_a_configured_author_with_control_characters_is_refused(
    capsys, db_store, monkeypatch
):
    before = db_store.version()
    monkeypatch.setenv(AUTHOR_VARIABLE, FORGED)
    status, _, err = run(capsys, "--database", db_store.url, "undo", "1")
    one_line_error(status, err, AUTHOR_VARIABLE, "control character (\\x1b)")
    assert db_store.version() == before


def test_what_comes_from_the_database_is_printed_escaped(capsys, db_store):
    db_store.add([GOOD_INCIDENT], [GOOD_EVENT], author="editor@example.org")
    with db_store.engine.begin() as connection:  # an old row, or a direct write
        connection.execute(update(Save).values(author=FORGED, reason="a\x07\nb"))
    status, out, _ = run(capsys, "--database", db_store.url, "saves")
    assert status == 0
    assert "by admin@example.org\\x1b[2K\\rforged (add)" in out
    assert "- a\\x07\\nb" in out
    assert "\x1b" not in out
    assert "\r" not in out
    assert len(out.splitlines()) == 2
    status, out, _ = run(capsys, "--database", db_store.url, "history", "wave-1-quetta")
    assert status == 0
    assert "\\x1b[2K\\rforged" in out
    assert "\x1b" not in out


def test_the_store_refuses_a_save_whose_author_hides_itself(db_store):
    from components.support.errors import StoreError

    before = db_store.version()
    with pytest.raises(StoreError, match=r"author has a control character \(\\x1b\)"):
        db_store.add([GOOD_INCIDENT], [GOOD_EVENT], author=FORGED)
    with pytest.raises(StoreError, match="reason has a control character"):
        db_store.add([GOOD_INCIDENT], [GOOD_EVENT], author="a@b.org", reason="\x1b[2J")
    assert db_store.version() == before


@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
def test_an_export_follows_the_umask(capsys, db_store, tmp_path, umask):
    output = tmp_path / "incidents.csv"
    old = os.umask(umask)
    try:
        argv = ["--database", db_store.url, "export", "--to", "csv", "-o", str(output)]
        assert run(capsys, *argv)[0] == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(output.stat().st_mode) == 0o666 & ~umask


def _pdf_text(path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(path).pages]


@pytest.mark.slow
def test_the_briefing_sheet_comes_from_the_database(capsys, db_store, tmp_path):
    """A report added to the database (a later event) is on the sheet the command
    writes, as the page would show it: the latest event, its figures by side."""
    turbat_event = {
        **GOOD_EVENT,
        "id": "turbat-2026-03-03",
        "name": "Turbat police station attack",
        "date": "2026-03-03",
        "source_title": "A wire report of the Turbat attack",
    }
    turbat = {
        **GOOD_INCIDENT,
        "id": "turbat-2026-03-03-police",
        "event_id": "turbat-2026-03-03",
        "date": "2026-03-03",
        "place": "Turbat",
        "killed_civilians": "",
        "killed_security": "4",
        "killed_attackers": "3",
        "source_title": "A wire report of the Turbat attack",
    }
    db_store.add([turbat], [turbat_event], author="analyst@example.org")
    output = tmp_path / "brief.pdf"
    argv = ["--database", db_store.url, "export", "--to", "pdf", "-o", str(output)]
    status, _, err = run(capsys, *argv)
    assert status == 0, err
    (text,) = _pdf_text(output)  # one page
    assert "Turbat police station attack" in text
    assert "A wire report of the Turbat attack" in text
    assert "Coordinated attacks across Balochistan" not in text  # the latest only
    figures = dict(
        line.rsplit(" ", 1) for line in text.splitlines() if line.endswith(("4", "3"))
    )
    assert figures.get("Security forces killed") == "4", text
    assert figures.get("Attackers killed") == "3", text


@pytest.mark.slow
def test_the_sheet_takes_the_pages_filters(capsys, db_store, tmp_path):
    output = tmp_path / "brief.png"
    base = ["--database", db_store.url, "export", "--to", "png", "-o", str(output)]
    status, _, err = run(capsys, *base, "--place", "Mastung", "--target", "Prison")
    assert status == 0, err
    assert "wrote 1 incidents" in err
    assert output.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    status, _, err = run(
        capsys, *base, "--event", "all", "--dates", "2026-02-01", "2026-02-01"
    )
    assert status == 0, err
    assert "wrote 16 incidents" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--place", "Atlantis"], "place 'Atlantis' is not in the data"),
        (["--target", "Moon base"], "target 'Moon base' is not in the data"),
        (["--dates", "2026-02-02", "2026-02-01"], "expected two dates"),
        (["--dates", "soon", "later"], "expected two dates"),
        (["--place", "Gwadar", "--target", "Prison"], "no incident matches"),
    ],
)
def test_a_sheet_of_nothing_or_of_unknown_names_is_one_line(
    capsys, db_store, tmp_path, argv, message
):
    output = tmp_path / "brief.pdf"
    base = ["--database", db_store.url, "export", "--to", "pdf", "-o", str(output)]
    one_line_error(*run(capsys, *base, *argv)[::2], message)
    assert not output.exists()
