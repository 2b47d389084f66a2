"""How long the one-page briefing sheet takes: ``python -m bench.briefing``.

Draws the sheet (PDF and PNG) for the shipped seed event and for synthetic sets of
spread incidents, and prints the seconds each took (the best of ``--repeat`` runs)
and the file sizes. The target: a sheet in at most 5 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from components.domain.model import Event, Source
from components.domain.table import incidents_frame
from components.domain.vocabularies import DatePrecision
from components.exports.briefing_sheet import briefing_sheet
from components.formats.ours import CsvStore
from tests.harness.synthetic_data import EVENT_ID, LABEL, spread_frame

ROOT = Path(__file__).resolve().parent.parent
SYNTHETIC_EVENT = Event(
    id=EVENT_ID,
    name=LABEL,
    date=dt.date(2025, 1, 1),
    date_precision=DatePrecision(3),
    admin1="Balochistan",
    source=Source(title=LABEL, location="tests/harness/synthetic_data.py"),
)


def _timed(frame: pd.DataFrame, events: dict, fmt: str, repeat: int) -> tuple:
    best, size = float("inf"), 0
    for _ in range(repeat):
        started = time.perf_counter()
        size = len(briefing_sheet(frame, events, fmt=fmt))
        best = min(best, time.perf_counter() - started)
    return best, size


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.briefing")
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    seed = CsvStore(ROOT / "data").load()
    sets = [("seed event", incidents_frame(seed.incidents), dict(seed.events))]
    for size in args.sizes:
        frame = spread_frame(size).assign(current=True)
        sets.append((f"{size:,} spread", frame, {EVENT_ID: SYNTHETIC_EVENT}))
    print(f"{'data':<16} {'format':<6} {'seconds':>8} {'size':>10}")
    for name, frame, events in sets:
        for fmt in ("pdf", "png"):
            seconds, size = _timed(frame, events, fmt, args.repeat)
            print(f"{name:<16} {fmt:<6} {seconds:>8.2f} {size / 1e3:>8.0f} kB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
