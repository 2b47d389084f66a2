"""The incident record, its vocabularies, and the parsers that validate each field.

Nothing here touches files, the network or Streamlit: ``components.data`` reads rows
and hands each field to the parsers below, which raise :class:`FieldError` with a
message a person can act on.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from enum import IntEnum
from typing import TypeVar

from components.support.errors import FieldError

NOT_REPORTED = "not_reported"
"""Vocabulary code for 'the source does not say'. Never the same as zero or none."""


class GeoPrecision(IntEnum):
    """How exactly a record is placed, with ACLED's codes."""

    TOWN = 1
    """The town or city itself."""
    NEAR_TOWN = 2
    """Near a town, or a part of a region."""
    REGION = 3
    """Only the province or a larger region."""

    @property
    def label(self) -> str:
        return _GEO_PRECISION_LABELS[self]


_GEO_PRECISION_LABELS = {
    GeoPrecision.TOWN: "town",
    GeoPrecision.NEAR_TOWN: "near town / part of region",
    GeoPrecision.REGION: "province-wide",
}


class DatePrecision(IntEnum):
    """How exactly a record is dated, with ACLED's time_precision codes."""

    DAY = 1
    WEEK = 2
    MONTH = 3

    @property
    def label(self) -> str:
        return _DATE_PRECISION_LABELS[self]


_DATE_PRECISION_LABELS = {
    DatePrecision.DAY: "day",
    DatePrecision.WEEK: "within a week",
    DatePrecision.MONTH: "within a month",
}


@dataclass(frozen=True, slots=True)
class TargetType:
    """One entry of the target vocabulary, mapped to the GTD ``targtype1`` code."""

    code: str
    label: str
    gtd_code: int
    gtd_label: str
    gtd_subtype: str
    colour: str


@dataclass(frozen=True, slots=True)
class AttackType:
    """One entry of the attack vocabulary, mapped to the GTD ``attacktype1`` code."""

    code: str
    label: str
    gtd_code: int
    gtd_label: str


TARGET_TYPES: dict[str, TargetType] = {
    t.code: t
    for t in (
        TargetType(
            "police_paramilitary",
            "Police and paramilitary posts",
            3,
            "Police",
            "Police Building (headquarters, station, school)",
            "#1f4e9c",
        ),
        TargetType(
            "frontier_corps_hq",
            "Frontier Corps headquarters",
            4,
            "Military",
            "Paramilitary",
            "#6a3d9a",
        ),
        TargetType("prison", "Prison", 3, "Police", "Prison/Jail", "#8c564b"),
        TargetType(
            "government",
            "Government buildings",
            2,
            "Government (General)",
            "Government Building/Facility/Office",
            "#2e8b57",
        ),
        TargetType(
            "market",
            "Markets",
            14,
            "Private Citizens & Property",
            "Marketplace/Plaza/Square",
            "#f28e2b",
        ),
        TargetType("bank", "Banks", 1, "Business", "Bank/Commerce", "#b8a100"),
        TargetType(
            "hospital", "Hospitals", 1, "Business", "Medical/Pharmaceutical", "#e377c2"
        ),
        TargetType(
            "school",
            "Schools",
            8,
            "Educational Institution",
            "School/University/Educational Building",
            "#d4a017",
        ),
        TargetType(
            "railway",
            "Railway",
            19,
            "Transportation",
            "Train/Train Tracks/Trolley",
            "#17a2b8",
        ),
        TargetType(
            "telecoms",
            "Telecoms / mobile network",
            16,
            "Telecommunication",
            "Multiple Telecommunication Targets",
            "#7b68ee",
        ),
        # GTD's other target types, each kept apart rather than folded together.
        *(
            TargetType(code, label, gtd_code, gtd_label, "", colour)
            for code, label, gtd_code, gtd_label, colour in (
                ("military", "Military", 4, "Military", "#3b3b6d"),
                ("business", "Businesses (other)", 1, "Business", "#9c7a00"),
                (
                    "private_citizens",
                    "Private citizens and property",
                    14,
                    "Private Citizens & Property",
                    "#d95f02",
                ),
                (
                    "transportation",
                    "Transportation (other)",
                    19,
                    "Transportation",
                    "#0e6e7e",
                ),
                ("utilities", "Utilities", 21, "Utilities", "#4d9221"),
                (
                    "religious",
                    "Religious figures and institutions",
                    15,
                    "Religious Figures/Institutions",
                    "#a6761d",
                ),
                (
                    "media",
                    "Journalists and media",
                    10,
                    "Journalists & Media",
                    "#e7298a",
                ),
                ("diplomatic", "Diplomatic", 7, "Government (Diplomatic)", "#1b9e77"),
                (
                    "aviation",
                    "Airports and aircraft",
                    6,
                    "Airports & Aircraft",
                    "#5e81b5",
                ),
                ("ngo", "NGOs", 12, "NGO", "#66a61e"),
                ("maritime", "Maritime", 11, "Maritime", "#2c7fb8"),
                (
                    "food_water",
                    "Food or water supply",
                    9,
                    "Food or Water Supply",
                    "#7fbc41",
                ),
                (
                    "non_state_militia",
                    "Non-state militias",
                    17,
                    "Terrorists/Non-State Militia",
                    "#762a83",
                ),
                ("tourists", "Tourists", 18, "Tourists", "#c51b7d"),
                (
                    "political_party",
                    "Violent political parties",
                    22,
                    "Violent Political Party",
                    "#8e0152",
                ),
                (
                    "abortion_related",
                    "Abortion related",
                    5,
                    "Abortion Related",
                    "#de77ae",
                ),
                ("other", "Other targets", 13, "Other", "#5a5a5a"),
            )
        ),
        TargetType(NOT_REPORTED, "Target not reported", 20, "Unknown", "", "#8a8a8a"),
    )
}

ATTACK_TYPES: dict[str, AttackType] = {
    a.code: a
    for a in (
        AttackType("assassination", "Assassination", 1, "Assassination"),
        AttackType("armed_assault", "Armed assault", 2, "Armed Assault"),
        AttackType("bombing", "Bombing / explosion", 3, "Bombing/Explosion"),
        AttackType("hijacking", "Hijacking", 4, "Hijacking"),
        AttackType(
            "hostage_barricade",
            "Hostage taking (barricade)",
            5,
            "Hostage Taking (Barricade Incident)",
        ),
        AttackType(
            "hostage_kidnapping",
            "Hostage taking (kidnapping)",
            6,
            "Hostage Taking (Kidnapping)",
        ),
        AttackType(
            "facility_attack",
            "Facility / infrastructure attack",
            7,
            "Facility/Infrastructure Attack",
        ),
        AttackType("unarmed_assault", "Unarmed assault", 8, "Unarmed Assault"),
        AttackType(NOT_REPORTED, "Attack type not reported", 9, "Unknown"),
    )
}


class FigureScope:
    """What a record's figures count: its own place, or the whole event."""

    INCIDENT = "incident"
    """The figures of this place and target (the default)."""
    EVENT = "event"
    """The report's totals for the whole event. Other records' figures of the same
    event are parts of these totals: the headline shows the total, never the
    total plus its parts."""


FIGURE_SCOPES = {
    FigureScope.INCIDENT: "this place's figures",
    FigureScope.EVENT: "the event's totals (other places' figures are part of them)",
}

CASUALTY_FIELDS: dict[str, str] = {
    "killed_civilians": "Civilians killed",
    "killed_security": "Security forces killed",
    "killed_attackers": "Attackers killed",
    "killed_unspecified": "Killed, group not reported",
    "injured": "Injured",
}
"""Casualty columns and their labels. Each holds an integer or None (not reported)."""

DEATH_FIELDS = (
    "killed_civilians",
    "killed_security",
    "killed_attackers",
    "killed_unspecified",
)

P = TypeVar("P", bound=IntEnum)


@dataclass(frozen=True, slots=True)
class Source:
    """Where a record comes from: enough for a reader to find the words again."""

    title: str
    location: str
    """URL, or file path and line, of the text."""
    publisher: str | None = None
    """None where the source does not name one."""
    date: dt.date | None = None
    excerpt: str = ""
    """The words of the source that the record rests on."""


@dataclass(frozen=True, slots=True)
class Casualties:
    """Deaths by group, and injuries. None means not reported, never zero."""

    killed_civilians: int | None = None
    killed_security: int | None = None
    killed_attackers: int | None = None
    killed_unspecified: int | None = None
    """Deaths the source does not assign to a group: never guessed into one."""
    injured: int | None = None

    @property
    def killed_total(self) -> int | None:
        """Sum of the reported deaths, or None where no group is reported."""
        known = [
            getattr(self, name)
            for name in DEATH_FIELDS
            if getattr(self, name) is not None
        ]
        return sum(known) if known else None


@dataclass(frozen=True, slots=True)
class Incident:
    """One place and target that a source ties together."""

    id: str
    event_id: str
    date: dt.date
    date_precision: DatePrecision
    place_reported: str
    """The place as the source spells it."""
    place: str
    """The gazetteer's name for it."""
    geonameid: int | None
    admin1: str
    lat: float
    lon: float
    geo_precision: GeoPrecision
    target_type: str
    attack_types: tuple[str, ...]
    casualties: Casualties
    source: Source
    notes: str = ""
    revises: str = ""
    """The id of an earlier record of the same item that this one's figures update."""
    figure_scope: str = FigureScope.INCIDENT
    """:class:`FigureScope`: whether the figures are this place's or the event's
    totals."""


@dataclass(frozen=True, slots=True)
class Event:
    """A coordinated wave: facts the source gives for the wave as a whole."""

    id: str
    name: str
    date: dt.date
    date_precision: DatePrecision
    admin1: str
    source: Source
    period_hours: float | None = None
    period_note: str = ""
    places_hit_at_least: int | None = None
    claimed_by: str = ""
    notes: str = ""


MAX_TEXT_LENGTH = 10_000


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Unicode's control characters (category Cc) but tab and line feed."""


def newlines_as_lf(text: str) -> str:
    """Windows (CR LF) and old Mac (CR) line breaks as LF: one kind of line break."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_text(field: str, raw: str | None, *, required: bool = False) -> str:
    """Strip a text field, with line breaks as LF; reject other control characters
    and overlong values."""
    text = newlines_as_lf(raw or "").strip()
    if required and not text:
        raise FieldError(field, "is empty; it is required")
    if len(text) > MAX_TEXT_LENGTH:
        raise FieldError(field, f"is {len(text)} characters; at most {MAX_TEXT_LENGTH}")
    control = _CONTROL.search(text)
    if control:
        raise FieldError(field, f"contains the control character {control.group()!r}")
    return text


def parse_date(field: str, raw: str | None, *, required: bool = True) -> dt.date | None:
    """An ISO date (YYYY-MM-DD)."""
    text = parse_text(field, raw, required=required)
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise FieldError(
            field, f"cannot parse date {text!r}; expected YYYY-MM-DD"
        ) from None


MAX_COUNT = 1_000_000
"""The largest count of people one record may hold.

Far above any single incident's toll in the field's data sets (GTD, ACLED, UCDP
GED), so no real figure is refused, and small enough that sums over millions of
records stay exact in 64-bit integers. Larger values are typing or unit errors.
"""

_WHOLE_NUMBER = re.compile(r"[0-9]+")


def parse_count(field: str, raw: str | None) -> int | None:
    """A whole number of people from 0 to :data:`MAX_COUNT`, or None where the cell
    is blank (not reported). Written in digits only: no sign, exponent or
    separators."""
    text = parse_text(field, raw)
    if not text:
        return None
    if text.startswith("-") and _WHOLE_NUMBER.fullmatch(text[1:]):
        raise FieldError(field, f"is negative ({text}); counts cannot be below 0")
    if not _WHOLE_NUMBER.fullmatch(text):
        shown = text if len(text) <= 40 else text[:40] + "..."
        raise FieldError(
            field,
            f"{shown!r} is not a whole number written in digits; "
            "leave it blank if not reported",
        )
    digits = text.lstrip("0") or "0"
    if len(digits) > len(str(MAX_COUNT)) or int(digits) > MAX_COUNT:
        shown = (
            f"{int(digits):,}" if len(digits) <= 30 else f"a {len(digits)}-digit number"
        )
        raise FieldError(
            field, f"{shown} is more than {MAX_COUNT:,}, the most one record may hold"
        )
    return int(digits)


def parse_number(
    field: str, raw: str | None, *, low: float, high: float
) -> float | None:
    """A finite decimal number within [low, high], or None where the cell is blank."""
    text = parse_text(field, raw)
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise FieldError(field, f"{text!r} is not a number") from None
    if not math.isfinite(value) or not low <= value <= high:
        raise FieldError(field, f"{text} is out of range; must be {low:g} to {high:g}")
    return value


def parse_coordinate(field: str, raw: str | None, limit: float) -> float | None:
    """A latitude (limit 90) or longitude (limit 180) in decimal degrees, or None."""
    return parse_number(field, raw, low=-limit, high=limit)


def parse_precision(
    field: str, raw: str | None, kind: type[P], *, required: bool = True
) -> P | None:
    """One of an IntEnum's codes, e.g. geo precision 1, 2 or 3."""
    text = parse_text(field, raw, required=required)
    if not text:
        return None
    allowed = ", ".join(str(member.value) for member in kind)
    try:
        return kind(int(text))
    except ValueError:
        raise FieldError(field, f"{text!r} is not one of {allowed}") from None


def parse_figure_scope(field: str, raw: str | None) -> str:
    """One of :data:`FIGURE_SCOPES`; blank means this place's own figures."""
    text = parse_text(field, raw) or FigureScope.INCIDENT
    if text not in FIGURE_SCOPES:
        raise FieldError(
            field, f"{text!r} is not one of {', '.join(FIGURE_SCOPES)} (or blank)"
        )
    return text


def parse_target_type(field: str, raw: str | None) -> str:
    """A code of :data:`TARGET_TYPES`."""
    text = parse_text(field, raw)
    if not text:
        raise FieldError(
            field, f"is empty; write {NOT_REPORTED} if the source is silent"
        )
    if text not in TARGET_TYPES:
        raise FieldError(
            field, f"unknown target type {text!r}; known: {', '.join(TARGET_TYPES)}"
        )
    return text


def parse_attack_types(field: str, raw: str | None) -> tuple[str, ...]:
    """One or more codes of :data:`ATTACK_TYPES`, separated by ``;``."""
    text = parse_text(field, raw)
    codes = [code.strip() for code in text.split(";") if code.strip()]
    if not codes:
        raise FieldError(
            field, f"is empty; write {NOT_REPORTED} if the source is silent"
        )
    unknown = [code for code in codes if code not in ATTACK_TYPES]
    if unknown:
        raise FieldError(
            field,
            f"unknown attack type {unknown[0]!r}; known: {', '.join(ATTACK_TYPES)}",
        )
    if NOT_REPORTED in codes and len(set(codes)) > 1:
        raise FieldError(field, f"{NOT_REPORTED} cannot be combined with other types")
    return tuple(dict.fromkeys(codes))
