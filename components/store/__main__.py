"""The store's command line, for analysts and operators.

::

    python -m components.store init
    python -m components.store import FILE --from ours|acled|gtd|ucdp|geojson
    python -m components.store export --to csv|geojson|pdf|png -o FILE
        [--event E]... [--place P]... [--target T]... [--attack A]...
        [--dates FIRST LAST]
    python -m components.store history INCIDENT_ID
    python -m components.store saves [--limit N]
    python -m components.store undo SAVE_ID
    python -m components.store users add EMAIL --role viewer|editor|admin
    python -m components.store users list
    python -m components.store users release EMAIL
    python -m components.store places export FILE
    python -m components.store places import FILE
    python -m components.store places list
    python -m components.store check [DATA_DIR]

The database is ``--database URL``, else ``INCIDENT_MAP_DATABASE_URL``, else the
SQLite file of the data directory (``--data DIR``, else ``INCIDENT_MAP_DATA_DIR``,
else ``data/``). Errors are one line on stderr and exit status 2, the database's
own included; ``check`` exits 1 when the files have problems.

Who the saves are by: the operating-system account the command runs as, recorded
as ``os:ACCOUNT``; with ``INCIDENT_MAP_AUTHOR=NAME`` set, ``NAME (os:ACCOUNT)``.
There is no ``--author``: a name typed on the command line could be anyone's,
and the account beside a configured name keeps the history honest about who ran
the command (see :func:`components.support.commands.command_author`).

Text arguments refuse control characters, numbers are checked against their
range before the database sees them, and whatever is printed from the database
(authors, reasons, ids) shows control characters as escapes (``\x1b``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import pandas as pd
from sqlalchemy.exc import SQLAlchemyError
from tqdm import tqdm

from components.domain.briefing import briefing, briefing_title
from components.domain.filters import Filters, apply_filters, describe
from components.domain.model import Event, Incident
from components.domain.places import far_from_town
from components.domain.share_link import (
    ATTACK,
    EVENT,
    PLACE,
    TARGET,
    defaults,
    link_terms,
    read_link,
)
from components.formats.ours import CsvStore, raw_rows
from components.gazetteer import Gazetteer
from components.store import data_directory, open_store
from components.store.database import DatabaseStore
from components.store.engine import reason
from components.store.schema import ROLES
from components.store.users import address
from components.support.commands import (
    AUTHOR_VARIABLE,
    CommandParser,
    bounded_int,
    command_author,
    fail,
    path_argument,
    text_argument,
)
from components.support.errors import (
    DataFileError,
    FilterArgumentError,
    IncidentMapError,
)
from components.support.files import check_output_path, write_file
from components.support.logs import configure_logging
from components.support.text import terminal_text as shown

FORMATS = ("ours", "acled", "gtd", "ucdp", "geojson")
SAVE_IDS = bounded_int(1, 2**31 - 1)
"""Save ids are 32-bit integers in both databases."""
LIMITS = bounded_int(1, 100_000)


def _no_author(value: str) -> str:
    raise argparse.ArgumentTypeError(
        "was removed: saves are by the account that runs the command "
        f"(os:NAME); set {AUTHOR_VARIABLE} to add a name"
    )


def _parser() -> argparse.ArgumentParser:
    parser = CommandParser(
        prog="python -m components.store",
        description="The incident database: set up, import, export, history, users.",
        epilog=f"Saves are by the OS account running the command; set "
        f"{AUTHOR_VARIABLE} to add a name to it.",
    )
    parser.add_argument(
        "--database", type=text_argument, help="SQLAlchemy URL (default: see --help)"
    )
    parser.add_argument(
        "--data", type=path_argument, help="data directory (default: data/)"
    )
    parser.add_argument("--author", type=_no_author, help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("init", help="create or upgrade the database and seed it")
    imports = commands.add_parser("import", help="add a file's incidents")
    imports.add_argument("file", type=path_argument)
    imports.add_argument("--from", dest="source", choices=FORMATS, required=True)
    imports.add_argument("--rejects", type=path_argument, help="CSV of rejected rows")
    imports.add_argument("--encoding", type=text_argument, default="utf-8")
    exports = commands.add_parser(
        "export",
        help="write the current incidents, or their one-page briefing sheet",
        description=(
            "Write the database's current incidents as CSV or GeoJSON, or their "
            "one-page briefing sheet as PDF or PNG. The filters are the page's: "
            "each names an event, place, target or attack type by its label or "
            "code and may be repeated. A sheet shows the latest event unless "
            "--event says otherwise (--event all: every event)."
        ),
    )
    exports.add_argument(
        "--to", dest="target", choices=("csv", "geojson", "pdf", "png"), required=True
    )
    exports.add_argument("-o", "--output", type=path_argument, required=True)
    for name, what in (
        ("event", "an event: its id, or its label as the page shows it"),
        ("place", "a city, town or province"),
        ("target", "a target type (Prison, or prison)"),
        ("attack", "an attack type (Armed assault, or armed_assault)"),
    ):
        exports.add_argument(
            f"--{name}",
            dest="target_type" if name == "target" else name,
            action="append",
            type=text_argument,
            default=[],
            help=what,
        )
    exports.add_argument(
        "--dates",
        nargs=2,
        type=text_argument,
        metavar=("FIRST", "LAST"),
        help="first and last day, YYYY-MM-DD",
    )
    history = commands.add_parser("history", help="every revision of an incident")
    history.add_argument("incident_id", type=text_argument)
    saves = commands.add_parser("saves", help="who changed what, newest first")
    saves.add_argument(
        "--limit", type=LIMITS, default=20, help="how many (1 to 100,000)"
    )
    undo = commands.add_parser("undo", help="undo a save with a new one")
    undo.add_argument("save_id", type=SAVE_IDS)
    undo.add_argument("--reason", type=text_argument, default="")
    users = commands.add_parser("users", help="who may read, edit or administer")
    which = users.add_subparsers(dest="action", required=True)
    add = which.add_parser("add", help="give an e-mail address a role")
    add.add_argument("email", type=text_argument)
    add.add_argument("--role", choices=ROLES, required=True)
    which.add_parser(
        "list", help="list addresses, roles and the sign-in accounts bound to them"
    )
    release = which.add_parser(
        "release",
        help="unbind the account bound to an address (its next verified sign-in "
        "binds again)",
    )
    release.add_argument("email", type=text_argument)
    team = commands.add_parser("places", help="the team gazetteer's places")
    placing = team.add_subparsers(dest="action", required=True)
    placing.add_parser(
        "export", help="write the team places to a CSV file"
    ).add_argument("file", type=path_argument)
    placing.add_parser(
        "import", help="place every row of a CSV file (all or nothing)"
    ).add_argument("file", type=path_argument)
    placing.add_parser("list", help="list the team places and who added them")
    recount = commands.add_parser(
        "recount",
        help="count the incidents per group again (after loading data without it)",
        description=(
            "Every save keeps the incidents counted per group, which the page "
            "asking the database reads. After incidents were loaded into the "
            "database without this program (a restore of another database's "
            "rows, SQL of one's own), count them again. --check only says "
            "whether the kept counts differ from a fresh count."
        ),
    )
    recount.add_argument(
        "--check", action="store_true", help="only compare, change nothing"
    )
    check = commands.add_parser("check", help="check a data directory's CSV files")
    check.add_argument("directory", type=path_argument, nargs="?")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as done:  # --help, or an argument error already printed
        return int(done.code or 0)
    configure_logging()
    try:
        args.author = command_author()
    except ValueError as error:
        return fail(error)
    try:
        if args.command == "check":
            return _check(args.directory or args.data or data_directory())
        store, problems = open_store(args.data, args.database)
        for problem in problems:
            print(f"problem: {shown(problem)}", file=sys.stderr)
        return COMMANDS[args.command](store, args)
    except (IncidentMapError, OSError) as error:
        status = fail(error)
        if isinstance(error, DataFileError):
            for problem in error.problems[:20]:
                print(f"  {shown(problem)}", file=sys.stderr)
        return status
    except SQLAlchemyError as error:
        return fail(f"the database refused: {reason(error)}")


def _init(store: DatabaseStore, args: argparse.Namespace) -> int:
    frame = store.frame()
    print(
        f"{store!r}: {len(frame):,} incident(s), {len(store.events()):,} event(s)",
        file=sys.stderr,
    )
    return 0


def _import(store: DatabaseStore, args: argparse.Namespace) -> int:
    if args.source == "ours":
        events, incidents = raw_rows(args.file)
        return _save_rows(store, args, events, incidents, None)
    from components.formats.reading import source_batches, streamed_result
    from components.formats.writing import DatasetWriter, staged_rows

    # Staged on disk first, a batch at a time: the import's event (its dates and
    # count) is known only once every row is read, and is saved before them.
    result = streamed_result(args.file, args.source)
    try:
        with tempfile.TemporaryDirectory(prefix="incident-map-import-") as scratch:
            with DatasetWriter(Path(scratch) / "staged", "import") as writer:
                for batch in source_batches(
                    args.file, args.source, result, args.encoding
                ):
                    writer.add(batch)
                writer.finish(result.events)
            print(result.summary(), file=sys.stderr)
            for count, example in result.reject_reasons():
                print(f"  {count:,} rejected, e.g. {shown(example)}", file=sys.stderr)
            if result.rejected:
                path = args.rejects or args.file.with_name(
                    f"{args.file.stem}.rejects.csv"
                )
                write_file(path, result.rejects_csv_chunks())
                print(f"rejected rows and reasons: {path}", file=sys.stderr)
            return _save_rows(
                store,
                args,
                result.events,
                staged_rows(writer.path),
                result.imported,
            )
    finally:
        result.close()


def _save_rows(
    store: DatabaseStore,
    args: argparse.Namespace,
    events: Sequence[Mapping[str, str]],
    incidents: Iterable[Mapping[str, str]],
    total: int | None,
) -> int:
    with tqdm(
        total=total, unit="rows", disable=None, desc=f"saving {args.file.name}"
    ) as bar:

        def progress(done: int, total: int) -> None:
            bar.update(done - bar.n)

        added, skipped = store.import_rows(
            incidents,
            events,
            author=args.author,
            source=str(args.file),
            progress=progress,
            total=total,
        )
    print(
        f"{args.file}: {added:,} incident(s) added, {skipped:,} already present",
        file=sys.stderr,
    )
    if store.write_cache(added):
        print(
            "the page's incident table is written: its next open reads it",
            file=sys.stderr,
        )
    return 0


def _export(store: DatabaseStore, args: argparse.Namespace) -> int:
    from components.exports.files import geojson_bytes, to_csv

    check_output_path(args.output)
    frame, events = store.frame(), store.events()
    filters = export_filters(args, frame, events)
    frame = apply_filters(frame, filters)
    if args.target in ("pdf", "png"):
        from components.exports.briefing_sheet import briefing_sheet

        if frame.empty:
            return fail("no incident matches these filters: no sheet written")
        data = briefing_sheet(
            frame,
            events,
            title=briefing_title(briefing(frame, events)),
            scope=describe(filters),
            fmt=args.target,
        )
    elif args.target == "csv":
        data = to_csv(frame)
    else:
        data = geojson_bytes(frame, events)
    write_file(args.output, data)
    print(f"wrote {len(frame):,} incidents to {args.output}", file=sys.stderr)
    return 0


def export_filters(
    args: argparse.Namespace, frame: pd.DataFrame, events: Mapping[str, Event]
) -> Filters:
    """The filters an export's arguments name, read as the page reads a link
    (labels or codes); a value that names nothing is an error. A sheet shows the
    latest event unless ``--event`` names others (``all``: every event)."""
    terms = link_terms(frame, events)
    every = [e for e in args.event if e.lower() == "all"]
    params = {
        EVENT: [e for e in args.event if e.lower() != "all"],
        PLACE: args.place,
        TARGET: args.target_type,
        ATTACK: args.attack,
    }
    link = read_link({k: v for k, v in params.items() if v}, terms)
    if link.notes:
        raise FilterArgumentError(" ".join(link.notes))
    chosen = link.chosen
    picked = tuple(chosen.get(EVENT, ()))
    if not picked and not every and args.target in ("pdf", "png"):
        picked = tuple(defaults(terms)[EVENT])
    return Filters(
        places=tuple(chosen.get(PLACE, ())),
        target_types=tuple(chosen.get(TARGET, ())),
        attack_types=tuple(chosen.get(ATTACK, ())),
        dates=_dates(args.dates),
        events=picked,
    )


def _dates(values: Sequence[str] | None) -> tuple[dt.date, dt.date] | None:
    if not values:
        return None
    try:
        first, last = (dt.date.fromisoformat(value) for value in values)
    except ValueError:
        first = last = None
    if first is None or last is None or first > last:
        shown_dates = " ".join(shown(value) for value in values)
        raise FilterArgumentError(
            f"dates '{shown_dates}': expected two dates, YYYY-MM-DD, first to last"
        )
    return first, last


def _history(store: DatabaseStore, args: argparse.Namespace) -> int:
    entries = store.history(args.incident_id)
    if not entries:
        raise IncidentMapError(f"no incident {args.incident_id!r}")
    for entry in entries:
        state = " (retracted)" if entry.retracted else ""
        line = (
            f"{entry.number}. save {entry.save_id}, {entry.saved_at:%Y-%m-%d %H:%M} "
            f"by {entry.author} ({entry.kind}){state}: "
            + ("; ".join(entry.changes) or "no field changed")
            + (f" - {entry.reason}" if entry.reason else "")
        )
        print(shown(line))
    return 0


def _saves(store: DatabaseStore, args: argparse.Namespace) -> int:
    for save in store.recent_saves(args.limit):
        undoes = f", undoes save {save.undoes}" if save.undoes else ""
        line = (
            f"save {save.id}: {save.saved_at:%Y-%m-%d %H:%M} by {save.author} "
            f"({save.kind}{undoes}), {save.incidents:,} incident(s)"
            + (f" - {save.reason}" if save.reason else "")
        )
        print(shown(line))
    return 0


def _undo(store: DatabaseStore, args: argparse.Namespace) -> int:
    result = store.undo(args.save_id, author=args.author, reason=args.reason)
    print(
        f"save {result.save_id} undid save {args.save_id} "
        f"({result.incidents} incident(s), {result.events} event(s))",
        file=sys.stderr,
    )
    return 0


def _users(store: DatabaseStore, args: argparse.Namespace) -> int:
    if args.action == "add":
        store.set_role(args.email, args.role, granted_by=args.author)
        print(f"{address(args.email)} is now {args.role}", file=sys.stderr)
        return 0
    if args.action == "release":
        email = address(args.email)
        if store.release(email, released_by=args.author):
            said = "is bound to no account now: its next verified sign-in binds it"
        else:
            said = "was bound to no account"
        print(f"{email} {said}", file=sys.stderr)
        return 0
    for grant in store.grants():
        account = grant.account or "(not signed in yet)"
        print("\t".join(shown(field) for field in (grant.email, grant.role, account)))
    return 0


def _places(store: DatabaseStore, args: argparse.Namespace) -> int:
    if args.action == "export":
        check_output_path(args.file)
        write_file(args.file, store.export_places())
        count = len(store.team_places())
        print(f"wrote {count:,} team place(s) to {args.file}", file=sys.stderr)
        return 0
    if args.action == "import":
        done = store.import_places(args.file, author=args.author)
        print(
            f"{args.file}: {done.added:,} place(s) added, {done.revised:,} placed "
            f"again, {done.unchanged:,} unchanged",
            file=sys.stderr,
        )
        return 0
    for place in store.team_places():
        draft = place.draft
        print(
            shown(
                f"{draft.name}: {draft.lat:.5f}, {draft.lon:.5f} (precision "
                f"{int(draft.precision)}), {place.credit()}"
            )
        )
    return 0


def _recount(store: DatabaseStore, args: argparse.Namespace) -> int:
    if args.check:
        differences = store.count_differences()
        for line in differences[:20]:
            print(f"  {line}", file=sys.stderr)
        print(
            f"{len(differences):,} group count(s) differ from a fresh count"
            + ("; run: python -m components.store recount" if differences else ""),
            file=sys.stderr,
        )
        return 1 if differences else 0
    made = store.recount()
    print(
        "counted again: " + ", ".join(f"{n:,} rows of {t}" for t, n in made.items()),
        file=sys.stderr,
    )
    return 0


def _check(directory: Path) -> int:
    files = CsvStore(directory)
    dataset = files.load()
    for problem in dataset.problems:
        print(shown(problem))
    warnings = [
        f"warning: {incident.id}: {incident.place_reported}: {far}"
        for incident in dataset.incidents
        if (far := _far_from_its_town(files.gazetteer, incident))
    ]
    for warning in warnings:
        print(shown(warning))
    print(
        f"{len(dataset.events)} event(s), {len(dataset.incidents)} incident(s), "
        f"{len(dataset.problems)} problem(s), {len(warnings)} warning(s)"
    )
    return 1 if dataset.problems else 0


def _far_from_its_town(gazetteer: Gazetteer, incident: Incident) -> str | None:
    """Why an incident's point is not the town its place names (it is kept at
    its own point, not as that town), or None."""
    found = gazetteer.match(incident.place_reported, fuzzy=False)
    return far_from_town(found, incident.lat, incident.lon)


COMMANDS = {
    "init": _init,
    "recount": _recount,
    "import": _import,
    "export": _export,
    "history": _history,
    "saves": _saves,
    "undo": _undo,
    "users": _users,
    "places": _places,
}

if __name__ == "__main__":
    sys.exit(main())
