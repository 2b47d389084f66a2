"""Full-text search over a million incidents, on SQLite and on PostgreSQL.

Usage: python -m bench.search [SIZE] [--databases sqlite,postgresql] [--runs N]

Writes SIZE synthetic incidents (default 1,000,000) into an empty database in
batches as the store's bulk path does (identities, their revisions, then the head
pointers, whose triggers index the batch; on PostgreSQL the first two by COPY),
then times
the incident list's searches through ``DatabaseStore.search``: a word of one
incident's source text, words found in 10 to 10,000 incidents, a town, a town and
a target, news words, a three-letter start of a word, a word in most incidents,
no match, and operators typed as words. Each search runs once cold, then ``runs``
times; the table gives the median and the slowest of those, and the ids found
(``5,000+``: more than one search gives).

The data are synthetic and labelled so: the places, types, dates and figures of
``tests/harness/synthetic_data.py`` (towns layout), each with one or two
sentences of the report corpus (``tests/data/reports/corpus/``, real news
wording) as its source excerpt and one as its notes, and made-up bird names
planted in 1, 10, 100, 1,000 and 10,000 incidents' notes. PostgreSQL is a server
started for the run in a temporary directory. The last line is one JSON object
with every figure.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import platform
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from sqlalchemy import Connection, text
from sqlalchemy.exc import OperationalError

from components.domain.search import parse_search
from components.gazetteer import default_gazetteer
from components.store import DatabaseStore
from components.store.engine import writing
from components.store.revisions import insert_records, new_save
from components.store.rows import INCIDENT_FIELDS
from components.store.schema import IncidentRecord, IncidentRevision
from components.store.search import MAX_HITS
from tests.harness.postgres_server import (
    PostgresUnavailableError,
    create_database,
    running_postgres,
)
from tests.harness.synthetic_data import LABEL, SEED, synthetic_frame

EVENT = {
    "id": "synthetic-search-benchmark",
    "name": LABEL,
    "date": "2025-01-01",
    "date_precision": "3",
    "admin1": "Balochistan",
    "source_title": LABEL,
    "source_location": f"bench/search.py, seed {SEED}",
}
SIZE = 1_000_000
CHUNK = 100_000
"""Rows generated at a time (each chunk's own seed)."""
BATCH = 20_000
"""Rows per save of the load."""
CORPUS = (
    Path(__file__).resolve().parent.parent / "tests" / "data" / "reports" / "corpus"
)
NEEDLES = {
    "zebrafinch": 1,
    "kingfisher": 10,
    "sandgrouse": 100,
    "bustard": 1_000,
    "partridge": 10_000,
}
"""Made-up words planted in this many incidents' notes (none is in the corpus)."""
QUERIES = [
    ("a word of one incident's text", "zebrafinch"),
    ("a word of 10 incidents", "kingfisher"),
    ("a word of 100 incidents", "sandgrouse"),
    ("a word of 1,000 incidents", "bustard"),
    ("a word of 10,000 incidents", "partridge"),
    ("a town", "Turbat"),
    ("a town and a target", "Turbat bank"),
    ("two words of news text", "suicide bomber"),
    ("the start of a word (3 letters)", "kal"),
    ("a word in most incidents", "killed"),
    ("no match", "xylophonist"),
    ("operators typed as words", '"Turbat" OR bank* -(NEAR'),
]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.search")
    parser.add_argument("size", nargs="?", type=int, default=SIZE)
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    machine = f"{platform.machine()}, Python {platform.python_version()}"
    print(f"incident-map search benchmark, {args.size:,} incidents ({machine})")
    results: dict[str, dict] = {}
    with contextlib.ExitStack() as stack:
        scratch = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        for database in args.databases.split(","):
            if database == "sqlite":
                url = f"sqlite:///{scratch / 'search.sqlite'}"
            else:
                try:
                    server = stack.enter_context(running_postgres())
                except PostgresUnavailableError as error:
                    print(f"skipping PostgreSQL: {error}", file=sys.stderr)
                    continue
                url = create_database(*server, "bench_search")
            results[database] = measure(url, args.size, args.runs)
            report(database, results[database])
    print(json.dumps(results))


def measure(url: str, size: int, runs: int) -> dict:
    store = DatabaseStore(url)
    store.migrate()
    store.add([], [EVENT], author="bench")
    started = time.perf_counter()
    load(store, size)
    figures: dict = {"load_s": round(time.perf_counter() - started, 1)}
    figures["index_mb"] = index_size(store)
    for label, typed in QUERIES:
        query = parse_search(typed)
        first, hits = timed(store, query)
        times = [timed(store, query)[0] for _ in range(runs)]
        figures[label] = {
            "query": typed,
            "found": len(hits.ids),
            "more": hits.more,
            "first_ms": round(first, 1),
            "median_ms": round(statistics.median(times), 1),
            "max_ms": round(max(times), 1),
        }
    return figures


def timed(store: DatabaseStore, query):
    started = time.perf_counter()
    hits = store.search(query)
    return (time.perf_counter() - started) * 1000, hits


def load(store: DatabaseStore, size: int) -> None:
    """``size`` incidents, ``BATCH`` per save: on SQLite through the store's own
    bulk path (``insert_records``); on PostgreSQL the identities and revisions
    by COPY, then the head pointers in one statement, as ``insert_records``
    sets them (its triggers index the batch)."""
    postgres = store.engine.dialect.name == "postgresql"
    done = 0
    for values in batches(size):
        with writing(store.engine) as connection:
            save_id = new_save(connection, "bench", "import", source="bench.search")
            if postgres:
                copy_records(connection, values, save_id)
            else:
                insert_records(
                    connection, IncidentRecord, IncidentRevision, values, save_id
                )
        done += len(values)
        print(f"  loaded {done:,} of {size:,}", file=sys.stderr, end="\r")
    print(file=sys.stderr)


def copy_records(connection: Connection, values: dict[str, dict], save_id: int) -> None:
    # The fields the synthetic rows give; the others (sources, low and high) take
    # their defaults, as a first report's record does.
    fields = [f for f in INCIDENT_FIELDS if f in next(iter(values.values()))]
    columns = ["incident_id", "number", "save_id", "retracted", *fields]
    with connection.connection.cursor() as cursor:
        with cursor.copy("COPY incidents (id, version) FROM STDIN") as copy:
            for incident_id in values:
                copy.write_row((incident_id, 1))
        names = ", ".join(columns)
        with cursor.copy(f"COPY incident_revisions ({names}) FROM STDIN") as copy:
            for incident_id, row in values.items():
                copy.write_row(
                    (incident_id, 1, save_id, False, *(row[f] for f in fields))
                )
    connection.execute(
        text(
            "UPDATE incidents SET head_id = r.id FROM incident_revisions r "
            "WHERE r.incident_id = incidents.id AND r.number = 1 "
            "AND incidents.head_id IS NULL"
        )
    )


def batches(size: int) -> Iterator[dict[str, dict]]:
    """Revision values by incident id, ``BATCH`` at a time."""
    sentences = corpus_sentences()
    gazetteer = default_gazetteer()
    places: dict = {}
    rng = np.random.default_rng(SEED)
    planted: dict[int, list[str]] = {}
    for word, count in NEEDLES.items():
        for index in rng.choice(size, min(count, size), replace=False):
            planted.setdefault(int(index), []).append(word)
    for start in range(0, size, CHUNK):
        frame = synthetic_frame(min(CHUNK, size - start), SEED + start, "towns")
        pick = rng.integers(0, len(sentences), (len(frame), 3))
        batch: dict[str, dict] = {}
        for offset, row in enumerate(frame.to_dict("records")):
            number = start + offset
            name = row["place"]
            place = places.get(name) or places.setdefault(name, gazetteer.get(name))
            excerpt = sentences[pick[offset, 0]]
            if number % 2:
                excerpt += " " + sentences[pick[offset, 1]]
            notes = f"{LABEL}. {sentences[pick[offset, 2]]}"
            for word in planted.get(number, ()):
                notes += f" Seen by the {word} observer."
            batch[f"search-{number:07d}"] = {
                "event_id": EVENT["id"],
                "revises": None,
                "date": dt.date.fromisoformat(row["date"]),
                "date_precision": 1,
                "place_reported": row["place"],
                "place": place.name,
                "geonameid": place.geonames_id,
                "admin1": place.admin1,
                "lat": place.lat,
                "lon": place.lon,
                "pinned": False,
                "geo_precision": int(place.precision),
                "target_type": row["target_type"],
                "attack_types": row["attack_types"],
                **{
                    column: (int(row[column]) if row[column] != "" else None)
                    for column in (
                        "killed_civilians",
                        "killed_security",
                        "killed_attackers",
                        "killed_unspecified",
                        "injured",
                    )
                },
                "figure_scope": "incident",
                "source_title": LABEL,
                "source_publisher": "",
                "source_date": None,
                "source_location": f"bench/search.py, seed {SEED}, row {number}",
                "source_excerpt": excerpt,
                "notes": notes,
            }
            if len(batch) == BATCH:
                yield batch
                batch = {}
        if batch:
            yield batch


def corpus_sentences() -> list[str]:
    """Every sentence of the report corpus's texts (real news wording)."""
    sentences = []
    for path in sorted(CORPUS.glob("*.json")):
        body = json.loads(path.read_text("utf-8"))["text"]
        sentences += [s.strip() for s in re.split(r"(?<=[.!?])\s+", body) if s.strip()]
    return [s[:400] for s in sentences if not any(w in s.lower() for w in NEEDLES)]


def index_size(store: DatabaseStore) -> float | None:
    """The search index's size on disk, in MB."""
    with store.engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            query = "SELECT pg_total_relation_size('incident_search')"
        else:  # SQLite's dbstat table, where the library has it
            query = "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'incident_search%'"
        try:
            size = connection.execute(text(query)).scalar()
        except OperationalError:
            return None
    return round((size or 0) / 1e6, 1)


def report(database: str, figures: dict) -> None:
    print(
        f"\n{database}: loaded in {figures['load_s']} s (triggers indexing each "
        f"batch); search index {figures['index_mb']} MB"
    )
    print(
        f"  {'search':<34} {'typed':<28} {'found':>7} {'first':>8} "
        f"{'median':>8} {'slowest':>8}"
    )
    for label, _ in QUERIES:
        row = figures[label]
        found = f"{row['found']:,}" + ("+" if row["more"] else "")
        print(
            f"  {label:<34} {row['query'][:28]:<28} {found:>7} "
            f"{row['first_ms']:>6.1f}ms {row['median_ms']:>6.1f}ms "
            f"{row['max_ms']:>6.1f}ms"
        )
    print(f"  (a search gives at most {MAX_HITS:,} ids; '+': more match)")


if __name__ == "__main__":
    main()
