"""The inbox's queue: reports taken in, read and matched, waiting for review.

The inbox worker (``python -m components.inbox run``, a process of its own)
puts items in (:func:`enqueue`), claims them one at a time (:func:`claim`),
reads and matches each, and leaves its proposal (:func:`finish`) or says why it
could not (:func:`fail`). The page only reads the queue and decides: accept
(:func:`accept`, the item's rows saved as new incidents or as sources of
incidents held, in the same transaction that marks it accepted) or reject with a
reason (:func:`reject`). Nothing in the queue is on the map.

An item is queued once: the hash of its address (``url_key``) and of its text
(``text_hash``, after folding case and spaces) are unique, and an insert that
meets either is skipped (``ON CONFLICT DO NOTHING``). On PostgreSQL several
workers claim side by side (``SELECT ... FOR UPDATE SKIP LOCKED``: a row one
worker holds is passed over by the others, never waited for, never taken
twice); on SQLite a write transaction holds the whole database, so workers take
turns. An item whose worker died (claimed longer ago than ``stale_after``) is
claimed again, so nothing is lost.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, func, select, update
from sqlalchemy.exc import IntegrityError

from components.gazetteer import Gazetteer
from components.store.conflicts import refused
from components.store.engine import writing
from components.store.revisions import dialect_insert, now
from components.store.saving import SaveResult
from components.store.schema import INBOX_STATES, InboxItem
from components.store.sources import add_reviewed_in
from components.support.errors import ConflictError, StoreError
from components.support.text import control_character

logger = logging.getLogger(__name__)

MAX_TEXT_CHARS = 1_000_000
"""A queued text longer than this is cut (the report reader reads no more)."""
STALE_AFTER = dt.timedelta(minutes=10)
"""A claim older than this is a worker that died: the item is claimed again."""
MAX_ATTEMPTS = 3
"""An item that failed this often while being read is set aside as failed."""


def text_hash(text: str) -> str:
    """The hash that says two texts are the same report: case and runs of
    white space folded, so a copy saved again is still the same."""
    folded = re.sub(r"\s+", " ", text).strip().casefold()
    return hashlib.sha256(folded.encode("utf-8", "surrogatepass")).hexdigest()


def url_key(url: str) -> str:
    """The hash that says two addresses are the same item (fragment dropped)."""
    return hashlib.sha256(url.strip().split("#", 1)[0].encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class QueueItem:
    """One item of the queue, as the page and the worker see it."""

    id: int
    received_at: dt.datetime
    origin: str
    location: str
    title: str
    published: dt.date | None
    status: str
    note: str
    text: str = ""
    proposal: dict = field(default_factory=dict)
    attempts: int = 0
    worker: str = ""
    decided_by: str = ""


def _item(row: Mapping) -> QueueItem:
    proposal = json.loads(row["proposal"]) if row.get("proposal") else {}
    return QueueItem(
        id=row["id"],
        received_at=row["received_at"],
        origin=row["origin"],
        location=row["location"],
        title=row["title"],
        published=row["published"],
        status=row["status"],
        note=row["note"],
        text=row.get("text", ""),
        proposal=proposal,
        attempts=row["attempts"],
        worker=row["worker"],
        decided_by=row["decided_by"],
    )


def _clean(text: str, limit: int = 2_000) -> str:
    """Text for a one-line field: control characters become spaces, cut."""
    cleaned = "".join(
        " " if control_character(c) and c not in "\n\t" else c for c in text
    )
    return cleaned[:limit]


# --- The worker's side -------------------------------------------------------------


def enqueue(
    engine: Engine,
    *,
    origin: str,
    location: str,
    text: str = "",
    url: str = "",
    title: str = "",
    published: dt.date | None = None,
    note: str = "",
    failed: bool = False,
    key: str = "",
) -> int | None:
    """Queue an item; its id, or None if it is queued already (same address or
    same text). ``failed``: an item that could not be read, kept in the queue
    with ``note`` saying why (its ``key``, or its address, makes it once)."""
    text = text[:MAX_TEXT_CHARS]
    if "\x00" in text:  # PostgreSQL's text holds no NUL; SQLite's should not
        text = text.replace("\x00", "\ufffd")
        note = "; ".join(n for n in (note, "NUL characters replaced") if n)
    values = {
        "received_at": now(),
        "origin": origin,
        "location": _clean(location),
        "url_key": url_key(url) if url else (url_key(key) if key else None),
        "text_hash": text_hash(text) if text.strip() and not failed else None,
        "title": _clean(title, 500),
        "published": published,
        "text": text if not failed else "",
        "status": "failed" if failed else "queued",
        "note": _clean(note),
        "proposal": "",
        "worker": "",
        "attempts": 0,
        "decided_by": "",
    }
    if values["url_key"] is None and values["text_hash"] is None:
        raise StoreError(f"{location}: an item needs an address or a text")
    with writing(engine) as connection:
        item_id = connection.execute(
            dialect_insert(connection, InboxItem)
            .values(**values)
            .on_conflict_do_nothing()
            .returning(InboxItem.id)
        ).scalar()
    if item_id is None:
        logger.debug("already queued: %s", location)
    else:
        logger.info(
            "queued #%d (%s): %s", item_id, values["status"], values["location"]
        )
    return item_id


def seen_urls(engine: Engine, urls: Sequence[str]) -> set[str]:
    """The addresses among ``urls`` that are queued already (so a feed's
    articles are fetched once)."""
    keys = {url_key(url): url for url in urls}
    found: set[str] = set()
    items = list(keys)
    with engine.connect() as connection:
        for start in range(0, len(items), 500):
            part = items[start : start + 500]
            found.update(
                keys[k]
                for k in connection.execute(
                    select(InboxItem.url_key).where(InboxItem.url_key.in_(part))
                ).scalars()
            )
    return found


def claim(
    engine: Engine, worker: str, stale_after: dt.timedelta = STALE_AFTER
) -> QueueItem | None:
    """The oldest queued item (or one whose worker died), now this worker's;
    None when there is none. On PostgreSQL, rows other workers hold are
    skipped, not waited for."""
    stale = now() - stale_after
    with writing(engine) as connection:
        item_id = connection.execute(
            select(InboxItem.id)
            .where(
                (InboxItem.status == "queued")
                | ((InboxItem.status == "working") & (InboxItem.claimed_at < stale))
            )
            .order_by(InboxItem.id)
            .limit(1)
            .with_for_update(skip_locked=True)
        ).scalar()
        if item_id is None:
            return None
        connection.execute(
            update(InboxItem)
            .where(InboxItem.id == item_id)
            .values(
                status="working",
                worker=_clean(worker, 200),
                claimed_at=now(),
                attempts=InboxItem.attempts + 1,
            )
        )
        row = (
            connection.execute(select(InboxItem).where(InboxItem.id == item_id))
            .mappings()
            .one()
        )
    return _item(_row(row))


def _row(row: Mapping) -> dict:
    """A selected ``InboxItem`` row (keys may carry the table's name)."""
    return {str(k).split(".")[-1]: v for k, v in row.items()}


def finish(engine: Engine, item_id: int, worker: str, proposal: Mapping) -> bool:
    """The worker's proposal for its item: ready for review. False if the item
    is no longer this worker's (it was taken again after a long stall)."""
    return _settle(engine, item_id, worker, "proposed", "", json.dumps(proposal))


def fail(engine: Engine, item_id: int, worker: str, note: str) -> bool:
    """The worker could not read its item: failed, with why."""
    return _settle(engine, item_id, worker, "failed", note, "")


def _settle(
    engine: Engine, item_id: int, worker: str, status: str, note: str, proposal: str
) -> bool:
    values: dict[str, object] = {"status": status, "proposal": proposal}
    if note:
        values["note"] = _clean(note)
    with writing(engine) as connection:
        moved = connection.execute(
            update(InboxItem)
            .where(
                InboxItem.id == item_id,
                InboxItem.status == "working",
                InboxItem.worker == _clean(worker, 200),
            )
            .values(**values)
        )
    if moved.rowcount != 1:
        logger.warning("item #%d was taken by another worker meanwhile", item_id)
        return False
    return True


# --- The page's side ---------------------------------------------------------------


def counts(engine: Engine) -> dict[str, int]:
    """How many items are in each state (every state named, 0 where none)."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(InboxItem.status, func.count()).group_by(InboxItem.status)
        ).all()
    found = dict.fromkeys(INBOX_STATES, 0)
    found.update({status: n for status, n in rows})
    return found


def items(engine: Engine, status: str = "proposed", limit: int = 20) -> list[QueueItem]:
    """Items in one state, oldest first (without their text)."""
    columns = [c for c in InboxItem.__table__.columns if c.name != "text"]
    with engine.connect() as connection:
        rows = (
            connection.execute(
                select(*columns)
                .where(InboxItem.status == status)
                .order_by(InboxItem.id)
                .limit(limit)
            )
            .mappings()
            .all()
        )
    return [_item(dict(row)) for row in rows]


def _decide(connection, item_id: int, author: str) -> None:
    """Lock an item for a decision; refuse one decided already."""
    row = connection.execute(
        select(InboxItem.status, InboxItem.decided_by, InboxItem.decided_at)
        .where(InboxItem.id == item_id)
        .with_for_update()
    ).first()
    if row is None:
        raise StoreError(f"no inbox item #{item_id}")
    if row.status != "proposed":
        who = (
            f" by {row.decided_by} at {row.decided_at:%Y-%m-%d %H:%M}"
            if (row.decided_by and row.decided_at)
            else ""
        )
        raise ConflictError(
            f"inbox item #{item_id} is {row.status}{who}; nothing was saved"
        )


def accept(
    engine: Engine,
    gazetteer: Gazetteer,
    item_id: int,
    incidents: Sequence[Mapping[str, str]],
    events: Sequence[Mapping[str, str]],
    attached: Mapping[str, Sequence[Mapping[str, str]]],
    *,
    author: str,
    reason: str = "",
    source: str = "",
) -> SaveResult:
    """Save a reviewed item's rows (new incidents, sources of incidents held)
    and mark it accepted, in one transaction: both or neither."""
    try:
        with writing(engine) as connection:
            _decide(connection, item_id, author)
            result = add_reviewed_in(
                connection,
                gazetteer,
                incidents,
                events,
                attached,
                author=author,
                reason=reason or f"inbox item #{item_id}",
                source=source,
            )
            connection.execute(
                update(InboxItem)
                .where(InboxItem.id == item_id)
                .values(
                    status="accepted",
                    decided_by=author,
                    decided_at=now(),
                    save_id=result.save_id,
                )
            )
    except IntegrityError as error:
        raise refused(error) from None
    logger.info("inbox item #%d accepted by %s", item_id, author)
    return result


def reject(engine: Engine, item_id: int, *, author: str, reason: str) -> None:
    """Set an item aside with why; it never reaches the map."""
    if not reason.strip():
        raise StoreError("say why the report is rejected; nothing was changed")
    with writing(engine) as connection:
        _decide(connection, item_id, author)
        connection.execute(
            update(InboxItem)
            .where(InboxItem.id == item_id)
            .values(
                status="rejected",
                decided_by=author,
                decided_at=now(),
                note=_clean(f"rejected: {reason.strip()}"),
            )
        )
    logger.info("inbox item #%d rejected by %s: %s", item_id, author, reason)


class Queue:
    """The queue of one store: what ``DatabaseStore.queue`` gives the worker and
    the page (the functions above, bound to its database and gazetteer)."""

    def __init__(self, engine: Engine, gazetteer: Callable[[], Gazetteer]) -> None:
        self.engine = engine
        self._gazetteer = gazetteer

    def enqueue(self, **item: Any) -> int | None:
        """See :func:`enqueue`."""
        return enqueue(self.engine, **item)

    def seen_urls(self, urls: Sequence[str]) -> set[str]:
        return seen_urls(self.engine, urls)

    def claim(
        self, worker: str, stale_after: dt.timedelta = STALE_AFTER
    ) -> QueueItem | None:
        return claim(self.engine, worker, stale_after)

    def finish(self, item_id: int, worker: str, proposal: Mapping) -> bool:
        return finish(self.engine, item_id, worker, proposal)

    def fail(self, item_id: int, worker: str, note: str) -> bool:
        return fail(self.engine, item_id, worker, note)

    def counts(self) -> dict[str, int]:
        return counts(self.engine)

    def items(self, status: str = "proposed", limit: int = 20) -> list[QueueItem]:
        return items(self.engine, status, limit)

    def accept(
        self,
        item_id: int,
        incidents: Sequence[Mapping[str, str]],
        events: Sequence[Mapping[str, str]],
        attached: Mapping[str, Sequence[Mapping[str, str]]],
        *,
        author: str,
        reason: str = "",
        source: str = "",
    ) -> SaveResult:
        return accept(
            self.engine,
            self._gazetteer(),
            item_id,
            incidents,
            events,
            attached,
            author=author,
            reason=reason,
            source=source,
        )

    def reject(self, item_id: int, *, author: str, reason: str) -> None:
        reject(self.engine, item_id, author=author, reason=reason)
