"""Roads named for the two places they join ('on the Kirkuk-Daquq road', 'the
Bannu-Miranshah highway'): an attack place the gazetteer has no point for. The
road is kept, by the name the text gives it, at the narrowest area holding both
ends (their district, else their province, else their country): the attack
happened somewhere along it, and no point on it is guessed."""

from __future__ import annotations

import re
from collections.abc import Sequence

from components.domain.places import Place
from components.gazetteer import Gazetteer
from components.gazetteer.world import country_place
from components.report.mentions import PlaceMention
from components.report.model import ReportIncident
from components.report.segments import Sentence
from components.report.unknown import unknown_mention

ROAD_RULE = "a road named for the places it joins"


def is_road(incident: ReportIncident) -> bool:
    """Whether the incident is at a road kept by the name the text gives it."""
    return incident.unplaced is not None and incident.unplaced.rule == ROAD_RULE


_END = r"[A-Z][\w'\u00c0-\u024f]+(?:\s+[A-Z][\w'\u00c0-\u024f]+)?"
_ROAD = re.compile(
    rf"(?<![\w-])(?P<name>(?P<a>{_END})-(?P<b>{_END}))\s+"
    r"(?i:road|highway|motorway|expressway|route|axis|national highway)\b"
)
"""'the Kirkuk-Daquq road', 'the Maiduguri-Damboa road', 'the Quetta-Karachi
highway'."""


def road_mentions(
    text: str,
    sentences: Sequence[Sentence],
    places: Gazetteer,
    gazetteer: Gazetteer,
    fallback: Place | None = None,
    known_ends: bool = True,
) -> list[PlaceMention]:
    """A mention per road named for two places the gazetteer knows; with
    ``known_ends`` false, per road with an end it does not know ('the
    Pangane-Macotuco road'), kept at the province of the end it knows, else at
    ``fallback`` (the report's district, province or country)."""
    found = []
    for sentence in sentences:
        for match in _ROAD.finditer(sentence.text):
            ends = [places.candidates(match[end]) for end in ("a", "b")]
            if all(ends) != known_ends:
                continue
            if known_ends:
                wider = _holding_both(ends[0][0], ends[1][0], gazetteer)
            else:
                known = next((e[0] for e in ends if e), None)
                wider = _province_of(known, gazetteer) or fallback
            start = sentence.start + match.start("name")
            end = sentence.start + match.end("name")
            found.append(
                unknown_mention(
                    text,
                    sentence,
                    start,
                    end,
                    match["name"],
                    ROAD_RULE,
                    wider,
                )
            )
    return found


def _holding_both(one: Place, other: Place, gazetteer: Gazetteer) -> Place | None:
    """The narrowest area the gazetteer gives that holds both places."""
    if one.country != other.country:
        return None
    if one.district and one.district == other.district:
        district = _area(gazetteer, one.district, "district", one.country)
        if district is not None:
            return district
    if one.admin1 and one.admin1 == other.admin1:
        province = _area(gazetteer, one.admin1, "province", one.country)
        if province is not None:
            return province
    return country_place(one.country)


def _province_of(place: Place | None, gazetteer: Gazetteer) -> Place | None:
    if place is None or not place.admin1:
        return None
    return _area(gazetteer, place.admin1, "province", place.country)


def _area(gazetteer: Gazetteer, name: str, kind: str, country: str) -> Place | None:
    return next(
        (
            p
            for p in gazetteer.candidates(name)
            if p.kind == kind and p.country == country
        ),
        None,
    )
