"""ACLED's export CSV -> incident rows.

ACLED codes time and geo precision as we do (1/2/3), so they carry over unchanged.
ACLED does not split fatalities by side: its count goes to ``killed_unspecified``,
never into a group. Only political violence is imported (event types Battles,
Explosions/Remote violence, Violence against civilians); protests, riots and
strategic developments are rejected with that reason. Fields we have no column for
(actors, event types, admin areas) go into the notes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from components.domain.vocabularies import NOT_REPORTED, GeoPrecision
from components.formats import Mapped, cell, clipped, count_cell, facts
from components.support.errors import RowRejected

NAME = "ACLED"
REQUIRED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
)

VIOLENT_EVENT_TYPES = frozenset(
    {"Battles", "Explosions/Remote violence", "Violence against civilians"}
)

ATTACK_BY_SUB_EVENT = {
    "Armed clash": "armed_assault",
    "Attack": "armed_assault",
    "Government regains territory": "armed_assault",
    "Non-state actor overtakes territory": "armed_assault",
    "Remote explosive/landmine/IED": "bombing",
    "Suicide bomb": "bombing",
    "Grenade": "bombing",
    "Shelling/artillery/missile attack": "bombing",
    "Air/drone strike": "bombing",
    "Abduction/forced disappearance": "hostage_kidnapping",
}
"""ACLED sub-event type -> our attack type (GTD attacktype1); others: not reported."""

CIVILIAN_TARGETING = "Civilian targeting"


def convert(row: Mapping[str, str], source_name: str) -> Mapped:
    event_id = cell(row, "event_id_cnty")
    if not event_id:
        raise RowRejected("event_id_cnty: is empty; every ACLED event has one")
    event_type = cell(row, "event_type")
    if event_type not in VIOLENT_EVENT_TYPES:
        raise RowRejected(
            f"event_type: {event_type!r} is not political violence; the map imports "
            f"{', '.join(sorted(VIOLENT_EVENT_TYPES))}"
        )
    sub_event = cell(row, "sub_event_type")
    civilians_targeted = event_type == "Violence against civilians" or (
        cell(row, "civilian_targeting") == CIVILIAN_TARGETING
    )
    incident = {
        "id": f"acled-{event_id}",
        "date": _date(cell(row, "event_date")),
        "date_precision": cell(row, "time_precision"),
        "place": cell(row, "location"),
        "lat": cell(row, "latitude"),
        "lon": cell(row, "longitude"),
        "geo_precision": cell(row, "geo_precision"),
        "target_type": "private_citizens" if civilians_targeted else NOT_REPORTED,
        "attack_types": ATTACK_BY_SUB_EVENT.get(sub_event, NOT_REPORTED),
        "killed_unspecified": count_cell(row, "fatalities"),
        "source_title": clipped(cell(row, "source")) or "ACLED",
        "source_publisher": "ACLED",
        "source_location": f"{source_name}, event_id_cnty {event_id}",
        "source_excerpt": clipped(cell(row, "notes")),
        "notes": facts(
            [
                ("event type", event_type),
                ("sub-event type", sub_event),
                ("actor 1", cell(row, "actor1")),
                ("actor 2", cell(row, "actor2")),
                ("country", cell(row, "country")),
                ("admin1", cell(row, "admin1")),
                ("admin2", cell(row, "admin2")),
            ]
        ),
    }
    return Mapped(
        incident,
        place_names=[
            (cell(row, "location"), None),
            (cell(row, "admin3"), GeoPrecision.NEAR_TOWN),
            (cell(row, "admin2"), GeoPrecision.NEAR_TOWN),
            (cell(row, "admin1"), GeoPrecision.REGION),
        ],
    )


def _date(text: str) -> str:
    """ISO from ACLED's '2026-02-01' (API) or '01 February 2026' (older exports)."""
    for layout in ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y"):
        try:
            return dt.datetime.strptime(text, layout).date().isoformat()
        except ValueError:
            continue
    raise RowRejected(f"event_date: cannot read {text!r} as a date")
