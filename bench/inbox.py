"""Inbox workers side by side: ``python -m bench.inbox [--items N] [--workers W]``.

Starts a PostgreSQL server in a temporary directory (as the tests do), queues N
different reports, runs W worker processes (``python -m components.inbox run
--read-only --once``) until the queue is empty, and prints items per minute,
what each worker did, and whether any item was read twice or left unread.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from components.store import open_store
from tests.harness.inbox_load import ROOT, queue_reports, run_workers
from tests.harness.postgres_server import create_database, running_postgres


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1_000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="bench-inbox-"))
    try:
        data = scratch / "data"
        shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("user"))
        with running_postgres() as (host, port):
            url = create_database(host, port, "bench_inbox")
            store = open_store(data, url)[0]
            queue_reports(store, args.items)
            run = run_workers(store, url, data, args.workers)
            counts = store.queue.counts()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"items: {args.items}, workers: {args.workers} (PostgreSQL, SKIP LOCKED)")
    print(
        f"read in {run.seconds:.1f} s: {args.items / run.seconds * 60:,.0f} items per "
        "minute (worker start-up included)"
    )
    for worker, done in sorted(run.per_worker.items()):
        print(f"  {worker}: {done} item(s)")
    print(
        f"read once: {run.done_once}, read twice: {run.done_twice}, "
        f"left unread: {run.left}; proposed {counts['proposed']}, "
        f"failed {counts['failed']}"
    )


if __name__ == "__main__":
    main()
