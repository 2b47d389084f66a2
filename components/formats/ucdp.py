"""UCDP's Georeferenced Event Dataset (GED) CSV -> incident rows.

UCDP splits deaths by side, and we keep its split where its sides are ours: in
state-based violence (type 1) side A is the government, so ``deaths_a`` are
security forces and ``deaths_b`` the armed group (attackers); in one-sided violence
(type 3) by an armed group, side A is the perpetrator (attackers). Elsewhere
(non-state conflict, a government's one-sided violence, a type 1 side A that is not
a government) side deaths stay unsplit. ``deaths_civilians`` and
``deaths_unknown`` map one to one; the low/best/high estimates go into the notes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from components.domain.vocabularies import NOT_REPORTED, DatePrecision, GeoPrecision
from components.formats import Mapped, cell, clipped, count_cell, facts
from components.support.errors import RowRejected

NAME = "UCDP GED"
REQUIRED_COLUMNS = (
    "id",
    "type_of_violence",
    "side_a",
    "side_b",
    "date_start",
    "date_end",
    "where_prec",
    "where_coordinates",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "best",
    "low",
    "high",
    "source_article",
)

PRECISION_BY_WHERE_PREC = {
    1: GeoPrecision.TOWN,  # the exact place
    2: GeoPrecision.NEAR_TOWN,  # within 25 km of a known place
    3: GeoPrecision.NEAR_TOWN,  # a second-order administrative division
    4: GeoPrecision.REGION,  # a first-order administrative division
    5: GeoPrecision.NEAR_TOWN,  # a linear feature (road, river) or area
    6: GeoPrecision.REGION,  # only the country
    7: GeoPrecision.REGION,  # international waters or airspace
}

STATE_BASED, NON_STATE, ONE_SIDED = 1, 2, 3


def convert(row: Mapping[str, str], source_name: str) -> Mapped:
    event_id = cell(row, "id")
    if not event_id:
        raise RowRejected("id: is empty")
    date, date_precision = _dates(cell(row, "date_start"), cell(row, "date_end"))
    where_prec = _int(row, "where_prec")
    if where_prec not in PRECISION_BY_WHERE_PREC:
        raise RowRejected(f"where_prec: {where_prec} is not one of UCDP's codes 1-7")
    violence = _int(row, "type_of_violence")
    if violence not in (STATE_BASED, NON_STATE, ONE_SIDED):
        raise RowRejected(f"type_of_violence: {violence} is not 1, 2 or 3")
    side_a = cell(row, "side_a")
    security, attackers, unsplit = _side_deaths(
        violence, side_a, count_cell(row, "deaths_a"), count_cell(row, "deaths_b")
    )
    unknown = count_cell(row, "deaths_unknown")
    if unsplit:
        unknown = str(int(unsplit) + int(unknown or 0))
    incident = {
        "id": f"ucdp-{event_id}",
        "date": date,
        "date_precision": str(int(date_precision)),
        "place": cell(row, "where_coordinates") or cell(row, "adm_2"),
        "lat": cell(row, "latitude"),
        "lon": cell(row, "longitude"),
        "geo_precision": str(int(PRECISION_BY_WHERE_PREC[where_prec])),
        "target_type": "private_citizens" if violence == ONE_SIDED else NOT_REPORTED,
        "attack_types": NOT_REPORTED,
        "killed_civilians": count_cell(row, "deaths_civilians"),
        "killed_security": security,
        "killed_attackers": attackers,
        "killed_unspecified": unknown,
        "source_title": clipped(cell(row, "source_article")) or "UCDP GED",
        "source_publisher": "UCDP Georeferenced Event Dataset",
        "source_location": f"{source_name}, id {event_id}",
        "source_excerpt": clipped(cell(row, "source_headline")),
        "notes": facts(
            [
                ("side A", side_a),
                ("side B", cell(row, "side_b")),
                ("conflict", cell(row, "conflict_name")),
                ("where", cell(row, "where_description")),
                ("admin1", cell(row, "adm_1")),
                ("admin2", cell(row, "adm_2")),
                ("deaths low/best/high", _estimates(row)),
            ]
        ),
    }
    return Mapped(
        incident,
        place_names=[
            (cell(row, "where_coordinates"), PRECISION_BY_WHERE_PREC[where_prec]),
            (cell(row, "adm_2"), GeoPrecision.NEAR_TOWN),
            (cell(row, "adm_1"), GeoPrecision.REGION),
        ],
    )


def _estimates(row: Mapping[str, str]) -> str:
    return "/".join(count_cell(row, c) or "?" for c in ("low", "best", "high"))


def _int(row: Mapping[str, str], column: str) -> int:
    text = cell(row, column)
    try:
        return int(float(text))
    except ValueError:
        raise RowRejected(f"{column}: {text!r} is not a whole number") from None


def _dates(start: str, end: str) -> tuple[str, DatePrecision]:
    """UCDP's first and last possible day -> our date and its precision."""
    try:
        first = dt.date.fromisoformat(start[:10])
        last = dt.date.fromisoformat((end or start)[:10])
    except ValueError:
        raise RowRejected(f"date_start: cannot read {start!r} / {end!r}") from None
    span = (last - first).days
    if span < 0:
        raise RowRejected(f"date_end: {end[:10]} is before date_start {start[:10]}")
    if span == 0:
        return first.isoformat(), DatePrecision.DAY
    if span <= 6:
        return first.isoformat(), DatePrecision.WEEK
    if span <= 30:
        return first.isoformat(), DatePrecision.MONTH
    raise RowRejected(
        f"date_end: the event spans {span + 1} days; the map dates to a month at most"
    )


def _side_deaths(
    violence: int, side_a: str, deaths_a: str, deaths_b: str
) -> tuple[str, str, str]:
    """(security forces, attackers, unsplit) deaths from UCDP's two sides."""
    government = side_a.startswith("Government of")
    if violence == STATE_BASED and government:
        return deaths_a, deaths_b, ""
    if violence == ONE_SIDED and not government:
        return "", deaths_a, ""
    known = [int(d) for d in (deaths_a, deaths_b) if d]
    return "", "", str(sum(known)) if known else ""
