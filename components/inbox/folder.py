"""The watched folder: each new ``.txt``, ``.html`` or ``.eml`` file is read and
queued once, then moved to ``processed/`` (or, unread, to ``failed/`` with the
reason in the queue and the log), so the folder holds only what is still to come
and no file is ever deleted."""

from __future__ import annotations

import hashlib
import logging
import time
from pathlib import Path

from components.inbox.texts import MAX_BYTES, from_file_bytes
from components.store.queue import Queue
from components.support.errors import InboxError, StoreError

logger = logging.getLogger(__name__)

SUFFIXES = (".txt", ".html", ".htm", ".eml")
PROCESSED = "processed"
FAILED = "failed"
SETTLE_SECONDS = 1.0
"""A file changed more recently than this may still be being written: next scan."""


def scan(folder: Path, queue: Queue, limit: int = 200) -> int:
    """Queue up to ``limit`` new files of ``folder``; how many were queued."""
    if not folder.is_dir():
        raise InboxError(f"{folder}: the watched folder does not exist")
    queued = 0
    paths = sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    for path in paths[:limit]:
        try:
            if (
                not path.is_file()
                or time.time() - path.stat().st_mtime < SETTLE_SECONDS
            ):
                continue
            queued += take(path, queue)
        except FileNotFoundError:  # another worker took it first
            continue
    return queued


def _fingerprint(path: Path, size: int) -> str:
    """What makes an unreadable file's queue line once: name, size and the
    hash of its first megabyte (never the whole of a huge file)."""
    with path.open("rb") as handle:
        head = hashlib.sha256(handle.read(1024 * 1024)).hexdigest()
    return f"file:{path.name}:{size}:{head}"


def take(path: Path, queue: Queue) -> int:
    """Queue one file (1) or say why not (0); move it out of the folder."""
    size = path.stat().st_size
    name = path.name
    try:
        if path.suffix.lower() not in SUFFIXES:
            raise InboxError(f"{name}: not read: a report file is .txt, .html or .eml")
        if size > MAX_BYTES:
            raise InboxError(
                f"{name}: is {size / 1024 / 1024:,.1f} MB; a report file may be at "
                f"most {MAX_BYTES // 1024 // 1024} MB: not read, kept in {FAILED}/"
            )
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
        arrived = from_file_bytes(data, name)
    except InboxError as error:
        logger.warning("%s", error)
        queue.enqueue(
            origin="folder",
            location=name,
            note=str(error),
            failed=True,
            key=_fingerprint(path, size),
        )
        _move(path, FAILED)
        return 0
    try:
        item = queue.enqueue(
            origin="folder",
            location=name,
            text=arrived.text,
            title=arrived.title,
            published=arrived.published,
            note="; ".join(arrived.notes),
        )
    except StoreError:
        logger.exception("%s: could not be queued; left in the folder", name)
        return 0
    if item is None:
        logger.info("%s: the same text is queued already; not queued again", name)
    _move(path, PROCESSED)
    return 0 if item is None else 1


def _move(path: Path, where: str) -> None:
    target_dir = path.parent / where
    target_dir.mkdir(exist_ok=True)
    target = target_dir / path.name
    number = 1
    while target.exists():
        target = target_dir / f"{path.stem}.{number}{path.suffix}"
        number += 1
    path.replace(target)
