"""``python -m components.gazetteer``: look names up, geocode a CSV column, or add
GeoNames' country dumps.

    python -m components.gazetteer Quetta Noshki Nowhere
    python -m components.gazetteer --csv FILE --column NAME > geocoded.csv
    python -m components.gazetteer import-geonames PK.zip
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence

from components.gazetteer import batch, geonames
from components.gazetteer.core import FUZZY_THRESHOLD, match_record
from components.gazetteer.resolve import resolver
from components.support.commands import CommandParser, text_argument


def main(argv: Sequence[str] | None = None) -> int:
    """Print one JSON object per name; exit 1 if any name is not found.

    ``--csv FILE --column NAME`` geocodes a CSV file instead, and
    ``import-geonames FILE`` extends the gazetteer (see their ``--help``).
    """
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["import-geonames"]:
        return geonames.main(args[1:])
    if "--csv" in args:
        return batch.main(args)
    parser = CommandParser(
        prog="python -m components.gazetteer",
        description="Look places up in the offline gazetteer. Other forms: "
        "--csv FILE --column NAME (geocode a CSV file); import-geonames FILE.",
    )
    parser.add_argument(
        "names", nargs="+", type=text_argument, metavar="NAME", help="place names"
    )
    parser.add_argument(
        "--fuzzy",
        action="store_true",
        help=f"accept misspellings scoring at least {FUZZY_THRESHOLD:g} of 100 "
        "(marked 'fuzzy')",
    )
    parser.add_argument(
        "--offline",
        action="store_true",
        help="never ask the online geocoder, even where it is configured",
    )
    options = parser.parse_args(args)
    resolve = resolver(fuzzy=options.fuzzy, offline=options.offline)
    missed = False
    for name in options.names:
        record = match_record(resolve(name))
        missed = missed or "error" in record
        print(json.dumps(record, ensure_ascii=False))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
