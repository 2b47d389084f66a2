"""What reading a report costs the other visitors of the page: in a thread of the
server's process, or in the worker process the page uses.

Usage: python -m bench.report_worker [--kb 10] [--runs 20]

A ticker thread stands for the server (its event loop and every other visitor's
script): it wakes every 5 ms and records how late it woke. Reports are read one
after another, first in a thread of this process, then in the worker process
(``components.support.worker``). Prints each way's time per report and the
ticker's lateness (median, 99th percentile, worst) while reading went on.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import platform
import statistics
import threading
import time

from bench.report_extraction import report_of_size
from components.report.intake import read_for_review, warm_up
from components.support.worker import Worker

TICK = 0.005


class Ticker(threading.Thread):
    """Wakes every :data:`TICK` seconds and records how late, in ms."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.late: list[float] = []
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.is_set():
            due = time.perf_counter() + TICK
            time.sleep(TICK)
            self.late.append(max(0.0, time.perf_counter() - due) * 1000)


def measured(read, text: str, runs: int) -> tuple[list[float], list[float]]:
    """(ms per report, ticker lateness in ms) for ``runs`` readings by ``read``."""
    ticker = Ticker()
    ticker.start()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        read(text)
        times.append((time.perf_counter() - started) * 1000)
    ticker.stopping.set()
    ticker.join()
    return times, ticker.late


def line(name: str, times: list[float], late: list[float]) -> str:
    ordered = sorted(late)
    p99 = ordered[int(len(ordered) * 0.99) - 1] if ordered else 0.0
    return (
        f"{name:<16} report: median {statistics.median(times):7.1f} ms, worst "
        f"{max(times):7.1f} ms | other visitors wait: median "
        f"{statistics.median(late):5.2f} ms, p99 {p99:6.2f} ms, worst "
        f"{max(late):7.2f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.report_worker")
    parser.add_argument("--kb", type=int, default=10)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    text = report_of_size(args.kb)
    warm_up()
    threads = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    worker = Worker(1, warm_up, "the report reader")
    started = time.perf_counter()
    worker.run(warm_up, limit=60, wait=120)
    start_ms = (time.perf_counter() - started) * 1000
    print(f"machine: {platform.processor() or platform.machine()}, ", end="")
    print(f"Python {platform.python_version()}")
    print(f"report: {len(text.encode()):,} bytes, {args.runs} runs each way")
    print(f"worker process start (spawn, gazetteer loaded): {start_ms:,.0f} ms")
    idle = measured(lambda _text: time.sleep(0.05), text, 10)
    print(line("idle", *idle))
    in_thread = measured(
        lambda t: threads.submit(read_for_review, t).result(), text, args.runs
    )
    print(line("thread", *in_thread))
    in_worker = measured(
        lambda t: worker.run(read_for_review, t, limit=30, wait=60), text, args.runs
    )
    print(line("worker process", *in_worker))
    worker.close()
    threads.shutdown()


if __name__ == "__main__":
    main()
