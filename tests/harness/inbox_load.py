"""Many queued reports and several inbox workers on one database: what the
two-worker test and ``python -m bench.inbox`` share."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from components.store import DatabaseStore
from components.store.schema import InboxItem

ROOT = Path(__file__).resolve().parents[2]
TOWNS = (
    "Turbat",
    "Quetta",
    "Gwadar",
    "Mastung",
    "Panjgur",
    "Khuzdar",
    "Kalat",
    "Sibi",
    "Zhob",
    "Loralai",
    "Chaman",
    "Pishin",
    "Pasni",
    "Kharan",
)


def queue_reports(store: DatabaseStore, count: int) -> None:
    """``count`` different short reports of attacks, queued."""
    first = dt.date(2026, 1, 1)
    for number in range(count):
        town = TOWNS[number % len(TOWNS)]
        day = first + dt.timedelta(days=number // len(TOWNS))
        store.queue.enqueue(
            origin="folder",
            location=f"load-{number:05d}.txt",
            text=(
                f"Militants attacked a police station in {town} on "
                f"{day.day} {day:%B %Y}, killing {number % 9 + 1} policemen, "
                f"officials said (report {number})."
            ),
        )


@dataclass(frozen=True)
class WorkersRun:
    seconds: float
    per_worker: dict[str, int]
    done_once: int
    done_twice: int
    left: int
    """Items not proposed or failed when the workers stopped: lost."""


def run_workers(
    store: DatabaseStore, url: str, data_dir: Path, workers: int
) -> WorkersRun:
    """Start ``workers`` processes that read the queue until it is empty
    (``--read-only --once``) and wait for them; what each did."""
    command = [
        sys.executable,
        "-m",
        "components.inbox",
        "--database",
        url,
        "--data",
        str(data_dir),
        "run",
        "--read-only",
        "--once",
    ]
    started = time.monotonic()
    processes = [
        subprocess.Popen(
            command,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(workers)
    ]
    for process in processes:
        _, errors = process.communicate(timeout=1800)
        if process.returncode != 0:
            raise RuntimeError(f"a worker failed: {errors.strip()[-2000:]}")
    seconds = time.monotonic() - started
    with store.engine.connect() as connection:
        rows = connection.execute(
            select(InboxItem.worker, InboxItem.attempts, InboxItem.status)
        ).all()
        left = connection.execute(
            select(func.count()).where(InboxItem.status.in_(("queued", "working")))
        ).scalar_one()
    per_worker = Counter(
        row.worker for row in rows if row.status in ("proposed", "failed")
    )
    return WorkersRun(
        seconds,
        dict(per_worker),
        sum(1 for row in rows if row.attempts == 1),
        sum(1 for row in rows if row.attempts > 1),
        left,
    )
