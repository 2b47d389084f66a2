"""The inbox: the watched folder, the feeds (against a local HTTP server), the
queue (each item once, by address and text), the worker's reading and matching,
accepting and rejecting, and bad input (huge pages and feeds, e-mail with
attachments, text that is not UTF-8), on SQLite and PostgreSQL."""

from __future__ import annotations

import logging
import os
import time
from email.message import EmailMessage
from pathlib import Path

import pytest

from components.inbox import feeds, folder
from components.inbox.texts import MAX_BYTES, from_email, from_file_bytes, from_html
from components.inbox.worker import work_through
from components.store import DatabaseStore, open_store
from components.support.errors import ConflictError, InboxError, StoreError
from tests.harness.feed_server import article_html, atom, rss, serving

REVIEWER = "reviewer@example.org"
TURBAT = [
    "QUETTA, 3 March 2026 - Militants attacked a police station in Turbat on "
    "3 March 2026, killing 4 policemen, officials said.",
    "Gunmen stormed a police station in Turbat on 3 March 2026; five policemen "
    "were killed, a police spokesman said.",
    "Six police officers were killed when militants attacked a police station in "
    "Turbat on 3 March 2026, the provincial government said.",
]
PARAGRAPH = (
    "The attack began at dawn and went on for several hours, a senior official "
    "said, speaking on condition of anonymity because he was not allowed to talk "
    "to the press. Roads into the town were closed."
)


@pytest.fixture
def store(database_url: str, data_copy: Path) -> DatabaseStore:
    return open_store(data_copy, database_url)[0]


def drop(directory: Path, name: str, data: bytes | str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    old = time.time() - 10  # settled: not a file still being written
    os.utime(path, (old, old))
    return path


# --- What arrives ----------------------------------------------------------------


def test_an_article_keeps_its_own_title_not_the_site_banner():
    page = article_html(
        "Gunmen kill four policemen in Turbat", f"{TURBAT[0]}\n\n{PARAGRAPH}"
    )
    found = from_html(page.decode(), "page.html")
    assert found.title == "Gunmen kill four policemen in Turbat"
    assert "Google search engine" not in found.text
    assert "killing 4 policemen" in found.text


def test_a_page_that_is_not_an_article_is_refused():
    page = b"<html><head><title>Log in</title></head><body><form>Login</form>"
    with pytest.raises(InboxError, match="not an article"):
        from_html(page.decode(), "https://example.org/login")


def test_an_email_is_read_and_its_attachments_are_named_not_read():
    message = EmailMessage()
    message["Subject"] = "Turbat attack"
    message["Date"] = "Tue, 03 Mar 2026 10:00:00 +0000"
    message.set_content(TURBAT[1])
    message.add_attachment(
        b"%PDF-1.4 ...", maintype="application", subtype="pdf", filename="claim.pdf"
    )
    message.add_attachment(
        b"\x89PNG...", maintype="image", subtype="png", filename="photo.png"
    )
    found = from_email(message.as_bytes(), "tip.eml")
    assert found.title == "Turbat attack"
    assert found.published.isoformat() == "2026-03-03"
    assert "five policemen" in found.text
    assert "%PDF" not in found.text
    assert found.notes == ("2 attachment(s) not read: claim.pdf, photo.png",)


def test_text_that_is_not_utf8_is_read_with_a_note():
    words = "Militants attacked Turbat\u2019s police station \u2014 caf\u00e9 owners"
    found = from_file_bytes(words.encode("cp1252"), "wire.txt")
    assert words in found.text
    assert "not UTF-8" in found.notes[0]


# --- The folder ------------------------------------------------------------------


def test_three_reports_are_queued_once_each_and_moved(store, tmp_path):
    inbox = tmp_path / "inbox"
    for number, text in enumerate(TURBAT):
        drop(inbox, f"report-{number}.txt", text)
    drop(inbox, "report-copy.txt", "  " + TURBAT[0].upper() + "\n")  # same text
    assert folder.scan(inbox, store.queue) == 3
    assert folder.scan(inbox, store.queue) == 0
    assert sorted(p.name for p in (inbox / "processed").iterdir()) == [
        "report-0.txt",
        "report-1.txt",
        "report-2.txt",
        "report-copy.txt",
    ]
    assert store.queue.counts()["queued"] == 3
    drop(inbox, "again.txt", TURBAT[1])  # a file dropped twice: queued once
    assert folder.scan(inbox, store.queue) == 0


def test_bad_files_are_set_aside_with_a_line_in_the_queue_and_the_log(
    store, tmp_path, caplog
):
    inbox = tmp_path / "inbox"
    huge = (
        b"<html><body>"
        + b"<p>padding</p>" * (50 * 1024 * 1024 // 14)
        + b"</body></html>"
    )
    drop(inbox, "huge.html", huge)
    drop(inbox, "scan.pdf", b"%PDF-1.4")
    drop(inbox, "binary.txt", b"\x00\x01\x02garbage")
    message = EmailMessage()
    message["Subject"] = "Turbat"
    message.set_content(TURBAT[2])
    message.add_attachment(
        b"x" * 1000, maintype="application", subtype="zip", filename="a.zip"
    )
    drop(inbox, "tip.eml", message.as_bytes())
    drop(
        inbox, "latin.txt", TURBAT[0].replace("Turbat", "Turbat café").encode("cp1252")
    )
    with caplog.at_level(logging.INFO):
        started = time.monotonic()
        assert folder.scan(inbox, store.queue) == 2
        assert time.monotonic() - started < 30
    failed = {item.location: item.note for item in store.queue.items("failed")}
    assert set(failed) == {"huge.html", "scan.pdf", "binary.txt"}
    assert "50.0 MB" in failed["huge.html"]
    assert "not read" in failed["scan.pdf"]
    assert "NUL bytes" in failed["binary.txt"]
    queued = {item.location: item.note for item in store.queue.items("queued")}
    assert queued["tip.eml"] == "1 attachment(s) not read: a.zip"
    assert "not UTF-8" in queued["latin.txt"]
    assert "huge.html: is 50.0 MB" in caplog.text
    assert sorted(p.name for p in (inbox / "failed").iterdir()) == [
        "binary.txt",
        "huge.html",
        "scan.pdf",
    ]
    assert (inbox / "failed" / "huge.html").stat().st_size == len(huge)  # kept
    drop(inbox, "huge.html", huge)  # dropped again: not a second line
    folder.scan(inbox, store.queue)
    assert store.queue.counts()["failed"] == 3
    assert len(huge) > MAX_BYTES


# --- The queue --------------------------------------------------------------------


def test_the_same_address_or_text_is_queued_once(store):
    queue = store.queue
    first = queue.enqueue(origin="feed", location="u", url="https://x.org/a", text="A")
    assert first is not None
    assert (
        queue.enqueue(origin="feed", location="u", url="https://x.org/a#top", text="B")
        is None
    )
    assert queue.enqueue(origin="folder", location="f", text="  a ") is None
    assert queue.enqueue(origin="folder", location="f", text="another") is not None
    assert queue.seen_urls(["https://x.org/a", "https://x.org/b"]) == {
        "https://x.org/a"
    }
    with pytest.raises(StoreError, match="needs an address or a text"):
        queue.enqueue(origin="folder", location="empty", text="  ")


def test_a_claimed_item_is_done_once_and_a_dead_workers_item_is_taken_again(store):
    queue = store.queue
    queue.enqueue(origin="folder", location="a.txt", text=TURBAT[0])
    item = queue.claim("w1")
    assert item is not None
    assert item.attempts == 1
    assert queue.claim("w2") is None  # the only item is w1's
    import datetime as dt

    again = queue.claim("w2", stale_after=dt.timedelta(seconds=-1))  # w1 died
    assert again is not None
    assert again.id == item.id
    assert again.attempts == 2
    assert not queue.finish(item.id, "w1", {"rows": []})  # no longer w1's
    assert queue.finish(item.id, "w2", {"rows": []})
    assert queue.counts()["proposed"] == 1


def test_reading_matching_accepting_one_incident_three_sources(store, tmp_path):
    inbox = tmp_path / "inbox"
    for number, text in enumerate(TURBAT):
        drop(inbox, f"r{number}.txt", text)
    folder.scan(inbox, store.queue)
    assert work_through(store, "test-worker") == 3
    items = store.queue.items("proposed")
    assert [len(i.proposal["rows"]) for i in items] == [1, 1, 1]
    first, *rest = items
    (row,) = first.proposal["rows"]
    assert row["place"] == "Turbat"
    assert row["killed_security"] == "4"
    event = {
        "id": "turbat-2026-03-03",
        "name": "Turbat police station",
        "date": "2026-03-03",
        "date_precision": "1",
        "admin1": "Balochistan",
        "source_title": "first",
        "source_location": "inbox",
    }
    complete = {
        **row,
        "id": "turbat-1",
        "event_id": event["id"],
        "revises": "",
        "date_precision": "1",
        "source_title": "First wire",
        "source_date": "2026-03-03",
        "source_location": "inbox: r0.txt",
    }
    store.queue.accept(first.id, [complete], [event], {}, author=REVIEWER)
    for number, item in enumerate(rest, start=1):
        (later,) = item.proposal["rows"]
        proposal = store.propose_match(later)  # asked again at review
        assert proposal is not None
        assert proposal.incident_id == "turbat-1"
        attached = {**complete, **later, "id": "", "event_id": event["id"]}
        attached["source_title"] = f"Wire {number}"
        store.queue.accept(item.id, [], [], {"turbat-1": [attached]}, author=REVIEWER)
    frame = store.frame().set_index("id")
    assert (frame["event_id"] == event["id"]).sum() == 1
    turbat = frame.loc["turbat-1"]
    assert turbat["sources"] == 3
    assert (turbat["killed_security_low"], turbat["killed_security_high"]) == (4, 6)
    assert store.queue.counts()["accepted"] == 3
    with pytest.raises(ConflictError, match=r"is accepted by reviewer@example\.org"):
        store.queue.accept(first.id, [], [], {}, author="late@example.org")


def test_a_rejected_report_says_why_and_never_reaches_the_map(store):
    store.queue.enqueue(origin="folder", location="x.txt", text=TURBAT[0])
    item = store.queue.claim("w")
    store.queue.finish(item.id, "w", {"rows": []})
    rows = len(store.frame())
    with pytest.raises(StoreError, match="say why"):
        store.queue.reject(item.id, author=REVIEWER, reason=" ")
    store.queue.reject(item.id, author=REVIEWER, reason="an old attack")
    (rejected,) = store.queue.items("rejected")
    assert rejected.note == "rejected: an old attack"
    assert len(store.frame()) == rows


def test_the_worker_works_through_odd_text_and_leaves_nothing_queued(store):
    store.queue.enqueue(origin="folder", location="a.txt", text=TURBAT[0])
    store.queue.enqueue(origin="folder", location="b.txt", text="x" * 10 + "\x00")
    store.queue.enqueue(origin="folder", location="c.txt", text=TURBAT[1])
    assert work_through(store, "w") == 3
    counts = store.queue.counts()
    assert counts["proposed"] + counts["failed"] == 3
    assert counts["queued"] == counts["working"] == 0
    notes = {i.location: i.note for i in store.queue.items("proposed")}
    assert notes["b.txt"] == "NUL characters replaced"


# --- The feeds (a local server; no internet) -----------------------------------------


def _site(base: str = "") -> dict[str, tuple[str, bytes]]:
    html = "text/html; charset=utf-8"
    return {
        "/rss.xml": (
            "application/rss+xml",
            rss([("Turbat attack", f"{base}/a/1"), ("Login", f"{base}/login")]),
        ),
        "/atom.xml": (
            "application/atom+xml",
            atom([("Turbat toll rises", f"{base}/a/2"), ("Same", f"{base}/a/1")]),
        ),
        "/broken.xml": ("application/rss+xml", b"<rss><channel><item><title>cut"),
        "/a/1": (
            html,
            article_html("Four police killed in Turbat", f"{TURBAT[0]}\n\n{PARAGRAPH}"),
        ),
        "/a/2": (
            html,
            article_html("Turbat toll rises to six", f"{TURBAT[2]}\n\n{PARAGRAPH}"),
        ),
        "/login": (html, b"<html><body><form>Log in</form></body></html>"),
    }


def test_feeds_queue_new_items_once_and_skip_what_is_broken(store, caplog):
    pages: dict[str, tuple[str, bytes]] = {}
    with serving(pages) as base:
        pages.update(_site(base))
        urls = [
            f"{base}/broken.xml",
            f"{base}/rss.xml",
            f"{base}/missing.xml",
            f"{base}/atom.xml",
        ]
        with caplog.at_level(logging.INFO):
            assert feeds.poll_all(urls, store.queue) == 2
            assert feeds.poll_all(urls, store.queue) == 0  # the second poll
    queued = {i.location: i for i in store.queue.items("queued")}
    assert set(queued) == {f"{base}/a/1", f"{base}/a/2"}
    assert queued[f"{base}/a/1"].title == "Four police killed in Turbat"
    failed = {i.location: i.note for i in store.queue.items("failed")}
    assert "not an article" in failed[f"{base}/login"]
    assert "not a feed that can be read" in failed[f"{base}/broken.xml"]
    assert "404" in failed[f"{base}/missing.xml"]
    assert len(failed) == 3  # the second poll added no line
    assert "feed skipped" in caplog.text


@pytest.mark.slow
def test_a_huge_feed_and_a_huge_page_are_read_within_bounds(store):
    items = [(f"Item {n}", f"/x/{n}") for n in range(100_000)]
    pages = {
        "/big.xml": ("application/rss+xml", rss(items)),
        "/feed.xml": ("application/rss+xml", b""),
        "/huge": ("text/html", b"<html><body>" + b"<p>padding</p>" * 4_000_000),
    }
    with serving(pages) as base:
        pages["/feed.xml"] = ("application/rss+xml", rss([("Huge", f"{base}/huge")]))
        started = time.monotonic()
        with feeds.client() as http:
            feeds.poll(f"{base}/big.xml", store.queue, http, max_new=5)
            feeds.poll(f"{base}/feed.xml", store.queue, http)
        assert time.monotonic() - started < 120
    notes = [i.note for i in store.queue.items("failed", 1000)]
    assert any("the feed is over 1 MB" in n for n in notes)
    assert any("the page is over 5 MB" in n for n in notes)


@pytest.mark.slow
def test_two_workers_on_postgresql_read_each_item_once(postgres_server, data_copy):
    from tests.harness.inbox_load import queue_reports, run_workers
    from tests.harness.postgres_server import create_database

    url = create_database(*postgres_server, "inbox_two_workers")
    store = open_store(data_copy, url)[0]
    queue_reports(store, 120)
    run = run_workers(store, url, data_copy, 2)
    assert run.left == 0
    assert run.done_twice == 0
    assert run.done_once == 120
    assert sum(run.per_worker.values()) == 120
    assert len(run.per_worker) == 2  # both took part
