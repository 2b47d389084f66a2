"""How long extracting a 20 kB report takes.

Usage: python -m bench.report_extraction [--kb 20] [--runs 30]

The report is the test suite's own phrasings (tests/data/reports/phrasings.json)
repeated to the size asked for, so it holds places, targets and figures throughout.
Prints the median and worst of the runs, and the item counts found.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import time
from pathlib import Path

from components.gazetteer import default_gazetteer
from components.report import extract

PHRASINGS = Path(__file__).resolve().parent.parent / "tests/data/reports/phrasings.json"


def report_of_size(kilobytes: int) -> str:
    cases = json.loads(PHRASINGS.read_text(encoding="utf-8"))
    paragraph = "\n".join(case["text"] for case in cases) + "\n"
    repeats = kilobytes * 1000 // len(paragraph.encode()) + 1
    return (paragraph * repeats)[: kilobytes * 1000]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.report_extraction")
    parser.add_argument("--kb", type=int, default=20)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    text = report_of_size(args.kb)
    default_gazetteer()  # loaded once per process, as in the app
    times = []
    for _ in range(args.runs):
        started = time.perf_counter()
        found = extract(text)
        times.append((time.perf_counter() - started) * 1000)
    machine = platform.processor() or platform.machine()
    print(f"machine: {machine}, Python {platform.python_version()}")
    print(f"report: {len(text.encode()):,} bytes, {args.runs} runs")
    figures = sum(len(i.figures) for i in found.incidents) + len(found.totals)
    print(
        f"found: {len(found.incidents)} incidents, {figures} figures, "
        f"{len(found.background)} background sentences"
    )
    print(
        f"extract: median {statistics.median(times):.1f} ms, worst {max(times):.1f} ms"
    )
    print(
        json.dumps(
            {
                "bytes": len(text.encode()),
                "median_ms": round(statistics.median(times), 2),
                "max_ms": round(max(times), 2),
            }
        )
    )


if __name__ == "__main__":
    main()
