"""The inbox worker's command line.

::

    python -m components.inbox run [--folder DIR] [--feeds FILE] [--once]
    python -m components.inbox status

``run`` takes reports in from the watched folder (``--folder``, else
``INCIDENT_MAP_INBOX_FOLDER``) and the feeds a file lists (``--feeds``, else
``INCIDENT_MAP_INBOX_FEEDS``; one address a line), reads and matches each, and
queues it for review; with ``--once`` it does one round and exits, else it goes
on until stopped. ``--read-only`` leaves the taking in to another worker and
only reads what is queued. ``status`` prints how many items are in each state.

The database is ``--database URL``, else ``INCIDENT_MAP_DATABASE_URL``, else the
data directory's SQLite file, as for ``python -m components.store``. Errors are
one line on stderr and exit status 2; the log (stderr, ``INCIDENT_MAP_LOG_LEVEL``)
has a line for every item taken in, read, failed or skipped.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from components.inbox.feeds import feed_list
from components.inbox.worker import Settings, run, worker_name
from components.store import open_store
from components.store.engine import reason
from components.support.commands import (
    CommandParser,
    bounded_int,
    fail,
    path_argument,
    text_argument,
)
from components.support.errors import IncidentMapError
from components.support.logs import configure_logging

logger = logging.getLogger(__name__)

FOLDER_VARIABLE = "INCIDENT_MAP_INBOX_FOLDER"
FEEDS_VARIABLE = "INCIDENT_MAP_INBOX_FEEDS"


def _parser() -> argparse.ArgumentParser:
    parser = CommandParser(
        prog="python -m components.inbox",
        description="The inbox worker: reports from a folder and feeds, queued "
        "for review.",
    )
    parser.add_argument("--database", type=text_argument, help="SQLAlchemy URL")
    parser.add_argument("--data", type=path_argument, help="data directory")
    commands = parser.add_subparsers(dest="command", required=True)
    running = commands.add_parser("run", help="take reports in and queue them")
    running.add_argument("--folder", type=path_argument, help="the watched folder")
    running.add_argument("--feeds", type=path_argument, help="a file of feed URLs")
    running.add_argument("--once", action="store_true", help="one round, then exit")
    running.add_argument(
        "--read-only",
        action="store_true",
        help="only read what is queued (another worker takes reports in)",
    )
    running.add_argument(
        "--interval",
        type=bounded_int(1, 86_400),
        default=30,
        help="seconds between rounds (default 30)",
    )
    running.add_argument(
        "--feed-every",
        type=bounded_int(1, 86_400),
        default=300,
        help="seconds between polls of the feeds (default 300)",
    )
    commands.add_parser("status", help="how many items are in each state")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as done:
        return int(done.code or 0)
    configure_logging("INFO")
    try:
        store, _ = open_store(args.data, args.database)
        if args.command == "status":
            for state, count in store.queue.counts().items():
                print(f"{state}: {count}")
            return 0
        folder = args.folder or _env_path(FOLDER_VARIABLE)
        feeds_file = args.feeds or _env_path(FEEDS_VARIABLE)
        settings = Settings(
            folder=folder,
            feeds=feed_list(feeds_file) if feeds_file else (),
            interval_s=float(args.interval),
            feed_every_s=float(args.feed_every),
            take_in=not args.read_only,
            name=worker_name(),
        )
        if settings.take_in and folder is None and not settings.feeds:
            return fail(
                f"nothing to watch: give --folder or --feeds (or {FOLDER_VARIABLE} "
                f"or {FEEDS_VARIABLE}), or --read-only"
            )
        logger.info(
            "inbox worker %s: folder %s, %d feed(s)",
            settings.name,
            folder or "none",
            len(settings.feeds),
        )
        read = run(store, settings, once=args.once)
        logger.info("inbox worker %s: %d item(s) read", settings.name, read)
        return 0
    except KeyboardInterrupt:
        logger.info("inbox worker stopped")
        return 0
    except (IncidentMapError, OSError) as error:
        return fail(error)
    except SQLAlchemyError as error:
        return fail(f"the database refused: {reason(error)}")


def _env_path(variable: str) -> Path | None:
    value = os.environ.get(variable, "").strip()
    return Path(value) if value else None


if __name__ == "__main__":
    sys.exit(main())
