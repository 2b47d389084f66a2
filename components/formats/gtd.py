"""The Global Terrorism Database's CSV -> incident rows.

Matching is on GTD's codes (``targtype1``, ``targsubtype1``, ``attacktype1..3``,
``specificity``), never on their labels. GTD writes -9 and -99 for unknown: those are
blank (not reported) here, never 0. GTD counts all deaths in ``nkill`` and the
perpetrators' in ``nkillter``: the perpetrators are our attackers, the rest stay
unsplit, as GTD does not tell civilians from security forces.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from components.domain.vocabularies import (
    ATTACK_TYPES,
    NOT_REPORTED,
    DatePrecision,
    GeoPrecision,
)
from components.formats import Mapped, cell, clipped, count_cell, facts
from components.support.errors import RowRejected

NAME = "GTD"
REQUIRED_COLUMNS = (
    "eventid",
    "iyear",
    "imonth",
    "iday",
    "provstate",
    "city",
    "latitude",
    "longitude",
    "specificity",
    "attacktype1",
    "targtype1",
    "targsubtype1",
    "nkill",
    "nkillter",
    "nwound",
)

TARGET_BY_SUBTYPE: dict[tuple[int, int], str] = {
    (3, 26): "prison",  # Police: Prison/Jail
    (4, 39): "police_paramilitary",  # Military: Paramilitary
    (14, 74): "market",  # Private Citizens & Property: Marketplace/Plaza/Square
    (1, 3): "bank",  # Business: Bank/Commerce
    (1, 6): "hospital",  # Business: Medical/Pharmaceutical
    (19, 100): "railway",  # Transportation: Train/Train Tracks/Trolley
}
"""(targtype1, targsubtype1) pairs with a target type of their own."""

TARGET_BY_TYPE: dict[int, str] = {
    1: "business",
    2: "government",
    3: "police_paramilitary",
    4: "military",
    5: "abortion_related",
    6: "aviation",
    7: "diplomatic",
    8: "school",
    9: "food_water",
    10: "media",
    11: "maritime",
    12: "ngo",
    13: "other",
    14: "private_citizens",
    15: "religious",
    16: "telecoms",
    17: "non_state_militia",
    18: "tourists",
    19: "transportation",
    20: NOT_REPORTED,
    21: "utilities",
    22: "political_party",
}
"""GTD targtype1 -> our target type, for every code in the GTD codebook."""

DATE_COLUMNS = ("iyear", "imonth", "iday")
ATTACK_BY_CODE = {attack.gtd_code: code for code, attack in ATTACK_TYPES.items()}

PRECISION_BY_SPECIFICITY = {
    1: GeoPrecision.TOWN,
    2: GeoPrecision.NEAR_TOWN,
    3: GeoPrecision.NEAR_TOWN,
    4: GeoPrecision.REGION,
    5: GeoPrecision.REGION,
}
"""GTD specificity (1 the place itself ... 5 the country's centre) -> ours."""


def convert(row: Mapping[str, str], source_name: str) -> Mapped:
    event_id = cell(row, "eventid")
    if not event_id:
        raise RowRejected("eventid: is empty")
    date, date_precision = _date(row)
    city = cell(row, "city")
    province = cell(row, "provstate")
    named_city = city if city.casefold() != "unknown" else ""
    specificity = _code(row, "specificity", allowed=PRECISION_BY_SPECIFICITY)
    precision = PRECISION_BY_SPECIFICITY[specificity]
    if not named_city:
        precision = GeoPrecision.REGION
    killed = count_cell(row, "nkill")
    attackers = count_cell(row, "nkillter")
    others = killed
    if killed and attackers:
        if int(attackers) > int(killed):
            raise RowRejected(f"nkillter: {attackers} is more than nkill ({killed})")
        others = str(int(killed) - int(attackers))
    incident = {
        "id": f"gtd-{event_id}",
        "date": date,
        "date_precision": str(int(date_precision)),
        "place": named_city or province,
        "lat": cell(row, "latitude"),
        "lon": cell(row, "longitude"),
        "geo_precision": str(int(precision)),
        "target_type": _target(row),
        "attack_types": ";".join(_attacks(row)),
        "killed_attackers": attackers,
        "killed_unspecified": others,
        "injured": count_cell(row, "nwound"),
        "source_title": clipped(cell(row, "scite1")) or "Global Terrorism Database",
        "source_publisher": "START, Global Terrorism Database",
        "source_location": f"{source_name}, eventid {event_id}",
        "source_excerpt": clipped(cell(row, "summary")),
        "notes": facts(
            [
                ("group", cell(row, "gname")),
                ("target", cell(row, "target1")),
                ("weapon", cell(row, "weaptype1_txt")),
                ("country", cell(row, "country_txt")),
                ("province", province),
            ]
        ),
    }
    return Mapped(
        incident,
        place_names=[(named_city, precision), (province, GeoPrecision.REGION)],
    )


def _code(row: Mapping[str, str], column: str, allowed: Mapping[int, object]) -> int:
    text = cell(row, column)
    try:
        code = int(float(text))
    except ValueError:
        raise RowRejected(f"{column}: {text!r} is not a GTD code") from None
    if code not in allowed:
        raise RowRejected(f"{column}: {code} is not one of GTD's codes for it")
    return code


def _date(row: Mapping[str, str]) -> tuple[str, DatePrecision]:
    """GTD's iyear/imonth/iday; a day of 0 means 'some day that month'."""
    try:
        year, month, day = (int(float(cell(row, c))) for c in DATE_COLUMNS)
    except ValueError:
        raise RowRejected("iyear/imonth/iday: not whole numbers") from None
    if month == 0:
        raise RowRejected(
            "imonth: GTD gives only the year; the map dates to a month at the coarsest"
        )
    precision = DatePrecision.MONTH if day == 0 else DatePrecision.DAY
    try:
        date = dt.date(year, month, day or 1)
    except ValueError:
        message = f"iyear/imonth/iday: {year}-{month}-{day} is not a date"
        raise RowRejected(message) from None
    return date.isoformat(), precision


def _target(row: Mapping[str, str]) -> str:
    text = cell(row, "targtype1")
    if text in {"", "-9", "-99"}:
        return NOT_REPORTED
    target_type = _code(row, "targtype1", allowed=TARGET_BY_TYPE)
    subtype = cell(row, "targsubtype1")
    try:
        pair = (target_type, int(float(subtype)))
    except ValueError:
        pair = (target_type, -1)
    return TARGET_BY_SUBTYPE.get(pair, TARGET_BY_TYPE[target_type])


def _attacks(row: Mapping[str, str]) -> list[str]:
    codes = []
    for column in ("attacktype1", "attacktype2", "attacktype3"):
        if cell(row, column) in {"", "-9", "-99"}:
            continue
        codes.append(ATTACK_BY_CODE[_code(row, column, allowed=ATTACK_BY_CODE)])
    known = [code for code in dict.fromkeys(codes) if code != NOT_REPORTED]
    return known or [NOT_REPORTED]
