"""The words the data speak in: target and attack types (GTD codes), precision
codes (ACLED's), and what a record's figures count. Pure data, no I/O."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

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
