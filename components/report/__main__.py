"""``python -m components.report FILE``: what a report claims, as JSON."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from components.report import extract, read_report
from components.support.errors import ReportError


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m components.report",
        description="The incidents a report describes: places, targets, attacks, "
        "figures by side, totals and background, each with its evidence.",
    )
    parser.add_argument("file", type=Path, help="a .txt, .md or .html report")
    parser.add_argument(
        "--published",
        type=dt.date.fromisoformat,
        help="the report's date (YYYY-MM-DD) when its text gives none",
    )
    args = parser.parse_args(argv)
    try:
        extraction = extract(read_report(args.file), published=args.published)
    except ReportError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(json.dumps(extraction.as_json(), ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
