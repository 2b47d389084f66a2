"""The map asked of PostgreSQL, at a million incidents and more:
python -m bench.sql_groups SIZE [DATABASE_URL [--seeded]]

Without a URL, starts a PostgreSQL server of its own in a temporary directory
(Debian's binaries; as root they run as the ``postgres`` user). Creates the
store's tables (its migrations), then generates SIZE incidents inside the
database with ``generate_series`` (nothing goes through Python) on the
gazetteer's towns of Pakistan, Iran and Afghanistan like the ``towns`` layout of
``tests/harness/synthetic_data.py`` (a town drawn by the square root of its
population; 2% province-wide), each a current incident of one revision (the
migrations create the index on ``revises`` the queries use). The search index's
triggers are off while generating: these incidents are not in full-text search.
They are counted into the group tables afterwards (``store.recount``, printed
as ``recount_s``), as an operator does after loading rows without the store.

With ``--seeded`` the database at the URL holds them already (from an earlier
run). Then, twice, a fresh Python process that never reads the table
(:func:`child`) times: the cold start to the first payload, the headline sums, a
filter change (seven whole months of two target types; then the same types
from the tenth of a month to the twentieth of another: part months at both
ends; both again with no target type chosen, every type's rows, and a range
whose ends read the most days of incidents), a pan and
a zoom (groups in a view, counts per cell), the first
popup page of the busiest group; and prints its peak resident memory. Every time
is wall-clock in that process, to a server on the same machine.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import contextlib  # noqa: E402 (the clock starts before the imports)
import datetime as dt  # noqa: E402
import json  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from dataclasses import replace  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PROVINCE_SHARE = 0.02
TICKETS = 100_000
"""Towns are drawn from this many tickets, shared by the square root of their
population."""

_GENERATE = """
INSERT INTO incident_revisions (
    id, incident_id, number, save_id, retracted, event_id, revises, date,
    date_precision, place_reported, place, geonameid, admin1, lat, lon, pinned,
    geo_precision, target_type, attack_types, killed_civilians, killed_security,
    killed_attackers, killed_unspecified, injured, figure_scope, source_title,
    source_publisher, source_date, source_location, source_excerpt, notes, sources)
SELECT g, 'synthetic-' || lpad(g::text, 9, '0'), 1, :save, false, :event, NULL,
    DATE '2025-01-01' + (g % 365) * 7919 % 365, 1,
    CASE WHEN p THEN :province ELSE t.name END,
    CASE WHEN p THEN :province ELSE t.name END, NULL, '',
    CASE WHEN p THEN :province_lat ELSE t.lat END,
    CASE WHEN p THEN :province_lon ELSE t.lon END, false,
    CASE WHEN p THEN 3 ELSE 1 END,
    (CAST(:targets AS text[]))[1 + g * 31 % cardinality(CAST(:targets AS text[]))],
    (CAST(:attacks AS text[]))[1 + g * 17 % cardinality(CAST(:attacks AS text[]))],
    CASE WHEN r1 < 0.6 THEN floor(r2 * 3)::int END,
    CASE WHEN r1 < 0.5 THEN floor(r2 * 2)::int END,
    CASE WHEN r1 < 0.4 THEN floor(r2 * 2)::int END,
    CASE WHEN r1 < 0.1 THEN 1 END,
    CASE WHEN r1 < 0.4 THEN floor(r2 * 5)::int END,
    'incident', :label, '', NULL, 'bench/sql_groups.py', '', '', 1
FROM (
    SELECT g, random() < :share AS p, 1 + floor(random() * :tickets)::int AS ticket,
        random() AS r1, random() AS r2
    FROM generate_series(1, :size) AS g
) AS drawn JOIN bench_tickets USING (ticket) JOIN bench_towns t USING (town)
"""


def seed(url: str, size: int) -> dict[str, float]:
    """The store's tables and ``size`` generated incidents; seconds taken."""
    import numpy as np
    from sqlalchemy import text

    from components.domain.vocabularies import ATTACK_TYPES, TARGET_TYPES
    from components.gazetteer import default_gazetteer
    from components.store import DatabaseStore
    from tests.harness.synthetic_data import (
        EVENT_ID,
        LABEL,
        region_towns,
        town_weights,
    )

    store = DatabaseStore(url)
    store.migrate()
    towns = region_towns()
    province = next(p for p in default_gazetteer() if p.name == "Balochistan")
    shares = np.floor(town_weights(towns) * TICKETS).astype(int) + 1
    owner = np.repeat(np.arange(len(towns)), shares)
    timings: dict[str, float] = {}
    started = time.perf_counter()
    with store.engine.begin() as connection:
        connection.execute(text("SET LOCAL session_replication_role = replica"))
        connection.execute(text("SELECT setseed(0.27)"))
        connection.execute(
            text(
                "CREATE TABLE bench_towns "
                "(town int PRIMARY KEY, name text, lat float8, lon float8)"
            )
        )
        connection.execute(
            text("INSERT INTO bench_towns VALUES (:town, :name, :lat, :lon)"),
            [
                {"town": i, "name": t.name, "lat": t.lat, "lon": t.lon}
                for i, t in enumerate(towns)
            ],
        )
        connection.execute(
            text("CREATE TABLE bench_tickets (ticket int PRIMARY KEY, town int)")
        )
        connection.execute(
            text(
                "INSERT INTO bench_tickets "
                "SELECT g, (CAST(:owners AS int[]))[g] FROM generate_series(1, :n) g"
            ),
            {"owners": owner.tolist(), "n": len(owner)},
        )
        save = connection.execute(
            text(
                "INSERT INTO saves (author, saved_at, kind, reason, source) "
                "VALUES ('benchmark', now(), 'seed', '', 'bench/sql_groups.py') "
                "RETURNING id"
            )
        ).scalar_one()
        connection.execute(
            text("INSERT INTO events (id, version) VALUES (:e, 1)"), {"e": EVENT_ID}
        )
        head = connection.execute(
            text(
                "INSERT INTO event_revisions (event_id, number, save_id, retracted, "
                "name, date, date_precision, admin1, period_note, claimed_by, "
                "source_title, source_publisher, source_location, source_excerpt, "
                "notes) VALUES (:e, 1, :s, false, :label, DATE '2025-01-01', 3, "
                "'Balochistan', '', '', :label, '', 'bench/sql_groups.py', '', '') "
                "RETURNING id"
            ),
            {"e": EVENT_ID, "s": save, "label": LABEL},
        ).scalar_one()
        connection.execute(text("UPDATE events SET head_id = :h"), {"h": head})
        connection.execute(
            text(_GENERATE),
            {
                "save": save,
                "event": EVENT_ID,
                "province": province.name,
                "province_lat": province.lat,
                "province_lon": province.lon,
                "targets": [c for c in TARGET_TYPES if c != "not_reported"],
                "attacks": [c for c in ATTACK_TYPES if c != "not_reported"],
                "label": LABEL,
                "share": PROVINCE_SHARE,
                "tickets": len(owner),
                "size": size,
            },
        )
        connection.execute(
            text(
                "INSERT INTO incidents (id, version, head_id) "
                "SELECT incident_id, 1, id FROM incident_revisions"
            )
        )
        connection.execute(
            text(
                "SELECT setval(pg_get_serial_sequence('incident_revisions', 'id'), "
                "(SELECT max(id) FROM incident_revisions))"
            )
        )
        connection.execute(text("DROP TABLE bench_tickets, bench_towns"))
    timings["generate_s"] = time.perf_counter() - started
    started = time.perf_counter()
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
        c.execute(text("VACUUM ANALYZE"))
    timings["analyze_s"] = time.perf_counter() - started
    started = time.perf_counter()
    made = store.recount()  # the rows came without the store: count them
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
        c.execute(text(f"VACUUM ANALYZE {', '.join(made)}"))
    timings["recount_s"] = time.perf_counter() - started
    timings["groups"] = made["incident_groups"]
    timings["months"] = made["incident_months"]
    timings["point_days"] = made.get("incident_point_days", 0)
    timings["attack_groups"] = made.get("incident_attack_groups", 0)
    timings["attack_months"] = made.get("incident_attack_months", 0)
    store.engine.dispose()
    return timings


ATTACKS = ("armed_assault", "bombing")
"""The attack types the filter runs choose, one each."""


def _timed(work):
    started = time.perf_counter()
    result = work()
    return round(time.perf_counter() - started, 3), result


def child(url: str) -> dict[str, object]:
    """The page process's work, asked of the database: never the table."""
    from sqlalchemy import distinct, select

    from bench.cold_open import peak_rss_mb
    from components.domain.filters import Filters
    from components.map.payload.build import View, assemble_payload
    from components.map.payload.json_text import script_json
    from components.map.payload.viewless import ViewlessLayers
    from components.store.current_rows import reading
    from components.store.engine import make_engine
    from components.store.headline_sums import headline_sums
    from components.store.map_groups import SqlGroups, SqlPages
    from components.store.schema import IncidentRevision

    engine = make_engine(url)
    no_layers = ViewlessLayers([], [], [], None)

    def payload(source: SqlGroups, view: View | None) -> dict:
        return assemble_payload(source, types, view, (), no_layers)

    with reading(engine) as connection:
        types = (
            connection.execute(select(distinct(IncidentRevision.target_type)))
            .scalars()
            .all()
        )
    everything = Filters()
    whole = SqlGroups(engine, everything)  # the page keeps one per selection
    first = payload(whole, None)
    out: dict[str, object] = {
        "cold_start_to_first_payload_s": round(time.perf_counter() - STARTED, 3),
        "first_payload": f"{first['mode']}, {len(script_json(first).encode())} bytes",
    }
    untyped_modes: dict[str, str] = {}
    for run in (1, 2):
        shift = 0.3 * (run - 1)  # the second run looks somewhere else
        chosen = Filters(
            target_types=("market", "bank") if run == 1 else ("school", "military"),
            dates=(dt.date(2025, 3, 1), dt.date(2025, 9, 30)),
        )
        town = View(30.0 + shift, 66.8 + shift, 30.4 + shift, 67.2 + shift, 9)
        province = View(24.5 + shift, 60.5 + shift, 31.5 + shift, 70.5 + shift, 6)
        seconds, sums = _timed(lambda: headline_sums(engine, everything))
        out[f"headline_s_{run}"] = seconds
        seconds, changed = _timed(
            lambda: payload(SqlGroups(engine, chosen), province)  # noqa: B023
        )
        out[f"filter_change_payload_s_{run}"] = seconds
        seconds, _ = _timed(lambda: headline_sums(engine, chosen))  # noqa: B023
        out[f"filter_change_headline_s_{run}"] = seconds
        # The same types, the range's ends inside a month: those days are read
        # from the incidents.
        edged = replace(chosen, dates=(dt.date(2025, 3, 10), dt.date(2025, 9, 20)))
        seconds, _ = _timed(
            lambda: payload(SqlGroups(engine, edged), province)  # noqa: B023
        )
        out[f"part_months_payload_s_{run}"] = seconds
        seconds, _ = _timed(lambda: headline_sums(engine, edged))  # noqa: B023
        out[f"part_months_headline_s_{run}"] = seconds
        # No target type chosen: whole months, then the range cutting months.
        # Every type's rows of those days.
        for name, dates in (
            ("no_type_months", chosen.dates),
            ("no_type_part_months", edged.dates),
            # Part weeks of four days at both ends (4 to 7 March, 22 to 25
            # September): their weeks less three days each, the most days of
            # incidents a range's groups read.
            ("no_type_part_weeks", (dt.date(2025, 3, 4), dt.date(2025, 9, 25))),
        ):
            untyped = Filters(dates=dates)
            seconds, shown = _timed(
                lambda: payload(SqlGroups(engine, untyped), province)  # noqa: B023
            )
            out[f"{name}_payload_s_{run}"] = seconds
            untyped_modes[name] = shown["mode"]
            seconds, sums_of = _timed(
                lambda: headline_sums(engine, untyped)  # noqa: B023
            )
            out[f"{name}_headline_s_{run}"] = seconds
            if name == "no_type_part_months":
                ranged = sums_of
        # An attack type: the rows of the combinations of attack types that
        # hold it (incident_attack_groups; one code each here).
        attacked = Filters(attack_types=(ATTACKS[run - 1],))
        seconds, _ = _timed(
            lambda: payload(SqlGroups(engine, attacked), province)  # noqa: B023
        )
        out[f"attack_type_payload_s_{run}"] = seconds
        seconds, _ = _timed(lambda: headline_sums(engine, attacked))  # noqa: B023
        out[f"attack_type_headline_s_{run}"] = seconds
        seconds, zoomed = _timed(lambda: payload(whole, town))  # noqa: B023
        out[f"zoom_in_z9_payload_s_{run}"] = seconds
        seconds, panned = _timed(lambda: payload(whole, province))  # noqa: B023
        out[f"pan_z6_payload_s_{run}"] = seconds
        groups = whole.groups_in(town.widened(), 50_000)
        largest = groups.iloc[[int(groups["count"].to_numpy().argmax())]]
        seconds, page = _timed(
            lambda: SqlPages(engine, everything).page(largest, 0, 20)  # noqa: B023
        )
        out[f"first_popup_page_s_{run}"] = seconds
    out["modes"] = {
        "filter_change": changed["mode"],
        "zoom_in": zoomed["mode"],
        "pan": panned["mode"],
        **untyped_modes,
    }
    out["incidents"] = sums.incidents
    out["killed"] = {column: sums.figures[column].value for column in sums.figures}
    out["no_type_part_months_sums"] = {
        "incidents": ranged.incidents,
        **{column: ranged.figures[column].value for column in ranged.figures},
        "days": [str(ranged.first_date), str(ranged.last_date)],
    }
    out["busiest_group_incidents"] = page[0]
    out["peak_rss_mb"] = round(peak_rss_mb(), 1)
    return out


def main() -> None:
    if sys.argv[1] == "--child":
        print(json.dumps(child(sys.argv[2])))
        return
    size = int(sys.argv[1])
    with contextlib.ExitStack() as stack:
        if len(sys.argv) > 2 and sys.argv[2] != "--seeded":
            url = sys.argv[2]
        else:
            from tests.harness.postgres_server import (
                create_database,
                running_postgres,
            )

            host, port = stack.enter_context(running_postgres())
            url = create_database(host, port, "sql_groups")
        if "--seeded" not in sys.argv:
            print(json.dumps({"size": size, **seed(url, size)}), flush=True)
        for _ in range(2):
            done = subprocess.run(
                [sys.executable, "-m", "bench.sql_groups", "--child", url],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=False,
            )
            if done.returncode:
                raise SystemExit(done.stderr)
            print(done.stdout.strip(), flush=True)


if __name__ == "__main__":
    main()
