"""The inbox worker's loop: take in (the folder, the feeds), then read and match
what is queued, one item at a time, until there is nothing left; then wait.

Any item's failure is that item's: it is marked failed with the reason, logged,
and the worker goes on. On PostgreSQL, several workers may run at once (each
claims with ``SKIP LOCKED``, so none reads an item twice); on SQLite, run one.
"""

from __future__ import annotations

import logging
import os
import socket
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from components.inbox import feeds, folder
from components.inbox.reading import proposal_of
from components.store import DatabaseStore
from components.support.errors import IncidentMapError

logger = logging.getLogger(__name__)


def worker_name() -> str:
    """This worker in the queue: host and process id."""
    return f"{socket.gethostname()}:{os.getpid()}"


@dataclass
class Settings:
    folder: Path | None = None
    feeds: Sequence[str] = ()
    interval_s: float = 60.0
    """Seconds between rounds of taking in."""
    feed_every_s: float = 300.0
    """Seconds between polls of the feeds."""
    take_in: bool = True
    """False: only read what is queued (a second worker need not scan)."""
    name: str = field(default_factory=worker_name)


def take_in(store: DatabaseStore, settings: Settings, poll_feeds: bool) -> int:
    """Queue what is new in the folder and (when due) the feeds."""
    queued = 0
    if settings.folder is not None:
        try:
            queued += folder.scan(settings.folder, store.queue)
        except IncidentMapError as error:
            logger.error("folder: %s", error)
    if poll_feeds and settings.feeds:
        queued += feeds.poll_all(settings.feeds, store.queue)
    return queued


def work_through(store: DatabaseStore, name: str, limit: int | None = None) -> int:
    """Read and match queued items until none is left (or ``limit``); how many
    were done."""
    done = 0
    queue = store.queue
    while limit is None or done < limit:
        item = queue.claim(name)
        if item is None:
            break
        try:
            proposal = proposal_of(item, store)
        except IncidentMapError as error:
            logger.warning("item #%d: %s", item.id, error)
            queue.fail(item.id, name, str(error))
        except Exception as error:  # one item never stops the worker
            logger.exception("item #%d: unexpected failure", item.id)
            queue.fail(item.id, name, f"could not be read: {type(error).__name__}")
        else:
            queue.finish(item.id, name, proposal)
        done += 1
    return done


def run(store: DatabaseStore, settings: Settings, once: bool = False) -> int:
    """Take in and work through, round after round (``once``: one round).
    Returns how many items were read."""
    read = 0
    last_poll = -float("inf")
    while True:
        due = time.monotonic() - last_poll >= settings.feed_every_s
        if settings.take_in:
            take_in(store, settings, due)
        if due:
            last_poll = time.monotonic()
        read += work_through(store, settings.name)
        if once:
            return read
        time.sleep(settings.interval_s)
