"""Work run off the server's own process: a pool of worker processes (Pebble's
``ProcessPool``, whose futures are ``concurrent.futures`` futures) with a time
limit per job.

The report reader is CPU-bound Python: in a thread it would hold the server's
interpreter lock, and every other visitor's page would wait for it. In a worker
process it does not (``python -m bench.report_worker`` measures both). A job that
runs past its limit is stopped (its process is ended and a fresh one started) and
the caller gets :class:`~components.support.errors.WorkerTimeoutError`; a job
waiting behind others counts toward the caller's wait, not the job's limit.

Workers are started with ``spawn``: the server's threads are not copied into
them, and each worker runs ``initializer`` once (to load what every job needs).
"""

from __future__ import annotations

import concurrent.futures
import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from pebble import ProcessPool
from pebble.common import ProcessExpired

from components.support.errors import WorkerError, WorkerTimeoutError

logger = logging.getLogger(__name__)

T = TypeVar("T")


class Worker:
    """A pool of ``processes`` worker processes, started on the first job."""

    def __init__(
        self,
        processes: int = 1,
        initializer: Callable[[], None] | None = None,
        name: str = "worker",
    ) -> None:
        self.processes = processes
        self.initializer = initializer
        self.name = name
        self._pool: ProcessPool | None = None
        self._lock = threading.Lock()

    def _running(self) -> ProcessPool:
        with self._lock:
            if self._pool is None or not self._pool.active:
                self._pool = ProcessPool(
                    max_workers=self.processes,
                    initializer=self.initializer,
                    context=multiprocessing.get_context("spawn"),
                )
                logger.info("%s: %d process(es) started", self.name, self.processes)
            return self._pool

    def start(self) -> None:
        """Start the workers now (each runs ``initializer``), not at the first job;
        nothing when they run already."""
        if self._pool is None or not self._pool.active:
            self._running().schedule(os.getpid)  # any job starts the processes

    def run(
        self, function: Callable[..., T], *args: Any, limit: float, wait: float
    ) -> T:
        """``function(*args)`` in a worker process: its result, or its exception.

        ``limit`` is the job's own time (seconds, once a worker has taken it);
        ``wait`` bounds the whole call, queueing included. Past either, the job
        is dropped and :class:`WorkerTimeoutError` says which."""
        started = time.perf_counter()
        future = self._running().schedule(function, args=args, timeout=limit)
        try:
            result = future.result(timeout=wait)
        except concurrent.futures.TimeoutError as error:
            future.cancel()
            ran_out = len(error.args) >= 2  # pebble's: ('Task timeout', limit)
            raise WorkerTimeoutError(
                self.name, limit if ran_out else wait, queued=not ran_out
            ) from None
        except (ProcessExpired, BrokenProcessPool) as error:
            raise WorkerError(f"{self.name} stopped unexpectedly ({error})") from None
        logger.info("%s: done in %.2f s", self.name, time.perf_counter() - started)
        return result

    def close(self) -> None:
        """Stop the workers (the running job too)."""
        with self._lock:
            if self._pool is not None:
                self._pool.stop()
                self._pool.join()
                self._pool = None
