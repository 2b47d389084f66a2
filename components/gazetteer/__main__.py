"""``python -m components.gazetteer``: look names up, geocode a CSV column, or add
GeoNames' country dumps.

    python -m components.gazetteer Quetta Noshki Nowhere
    python -m components.gazetteer Zarbasti --database sqlite:///data/user/incidents.sqlite
    python -m components.gazetteer --csv FILE --column NAME > geocoded.csv
    python -m components.gazetteer import-geonames PK.zip
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence

from components.gazetteer import batch, geonames
from components.gazetteer.core import FUZZY_THRESHOLD, default_gazetteer, match_record
from components.gazetteer.resolve import resolver
from components.gazetteer.team import (
    DATABASE_URL_VARIABLE,
    database_team_places,
    team_place_of,
    with_team_places,
)
from components.support.commands import CommandParser, fail, text_argument
from components.support.errors import GazetteerError


def main(argv: Sequence[str] | None = None) -> int:
    """Print one JSON object per name; exit 1 if any name is not found.

    The team's places in the database (``--database URL``, else
    ``INCIDENT_MAP_DATABASE_URL``) answer first; their objects say who added them
    (``team_place``).

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
    parser.add_argument(
        "--database",
        type=text_argument,
        help="SQLAlchemy URL of the incident database whose team places answer "
        f"first (default: {DATABASE_URL_VARIABLE}, if set)",
    )
    options = parser.parse_args(args)
    try:
        team = database_team_places(options.database)
    except GazetteerError as error:
        return fail(error)
    gazetteer = with_team_places(default_gazetteer(), team)
    resolve = resolver(
        fuzzy=options.fuzzy, offline=options.offline, gazetteer=gazetteer
    )
    missed = False
    for name in options.names:
        found = resolve(name)
        record = match_record(found)
        placed = team_place_of(found.place, team)
        if placed is not None:
            record["team_place"] = placed.as_json()
        missed = missed or "error" in record
        print(json.dumps(record, ensure_ascii=False))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
