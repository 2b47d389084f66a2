"""Places named to say where another lies ("the town of Dibis in Kirkuk",
"Gul Imam village, in Tank district"): qualifiers, not second scenes; and a
locality named after a namesake of a wider area ("the Nasirabad area of Turbat")."""

from __future__ import annotations

import re
from dataclasses import replace

from components.domain.places import Place, haversine_km
from components.report.mentions import PlaceMention
from components.report.roles import (
    INCIDENT,
    QUALIFIER,
    REFERENCE,
)
from components.report.segments import LIST_GOES_ON, NAME_FOLLOWS, reads_as_headline
from components.report.unknown import STREET, unknown_mention

_HOLDS = re.compile(
    r"^(?:'s)?\s*(?:(?i:area|village|town|locality|tehsil|neighbou?rhood|suburb|"
    r"sub-?division|administrative post|county|district|valley|camp|"
    r"(?:military |army )?base|check ?post|checkpoint)\s*)?,?\s*"
    r"(?:(?:a|an|the)\s+(?:[a-z-]+\s+){0,3}?)?(?:(?i:area|village|town|"
    r"locality)\s+)?(?:of|in|under)\s+(?:the\s+)?(?:(?i:city|town|district|county|"
    r"province|department|state|region|governorate|prefecture|municipality)\s+of\s+)?(?:(?:neighbou?ring|nearby|restive|"
    r"remote|(?:north|south)?-?(?:east|west)?(?:ern)?|northern|southern|central)\s+)?"
    r"(?:(?-i:Upper|Lower|North|South|East|West|Central)\s+)?$"
    r"|^\s*,\s+(?:in\s+)?(?:the\s+)?$"
)
"""Between a place and the wider place it lies in: ' in ', ' area of ', ',
a village in the ', ' village, in ', ' county of the city of ', ', '."""


_DISTRICT_AFTER = re.compile(r"\s+(?:district|tehsil|county)\b", re.IGNORECASE)
_OWNS = re.compile(
    r"^(?:\s+(?:district|county|province|region|state|tehsil))?'s\s+$", re.IGNORECASE
)
"""Between an area and a place it holds: "'s ", " county's "."""


def mark_qualifiers(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """A place named right after another to say where that one lies ('the town of
    Dibis in Kirkuk', 'Gul Imam village, in Tank district', 'Satellite Town,
    Turbat') qualifies it: it is not a second scene. After a bare comma it does
    so only when it names an area or the first name is one the gazetteer lacks,
    and never inside a list ('Turbat, Panjgur and Gwadar')."""
    found = list(mentions)
    for index in range(1, len(found)):
        first, second = found[index - 1], found[index]
        if second.role != INCIDENT or first.sentence is not second.sentence:
            continue
        gap = text[first.end : second.start]
        if (
            _OWNS.match(gap)
            and first.role == INCIDENT
            and (first.unplaced is None or second.unplaced is not None)
            and first.place.kind not in ("province", "country")
            and second.place.kind not in ("province", "country")
        ):  # 'Lamu county's Mpeketoni area', "Dantewada's Cholnar village": the
            # first says where the second is
            found[index - 1] = replace(first, role=QUALIFIER)
            continue
        if not _HOLDS.match(gap):
            continue
        if first.role == QUALIFIER and STREET.search(first.text):
            continue  # 'on Nowshera Road in Dheri Zardad': the street's place
        if first.place.kind == "province" and second.place.kind != "province":
            continue  # 'in Sistan and Baluchestan Province, in Pishin county'
        if first.role == REFERENCE and _DISTRICT_AFTER.match(text[second.end :]):
            continue  # 'from Pasni to Ormara in Gwadar district': the route's area
        if (
            first.role == REFERENCE
            and "," in gap
            and _LOCALITY_AFTER.match(text[second.end : second.end + 20])
        ):
            continue  # 'a bus from Khuzdar to Rawalpindi, in the Khori area': the
            # comma closes the route; the area is where the attack was
        if "," in gap and not re.search(r"\b(?:in|of)\b", gap):
            wider = (
                second.place.kind in ("province", "district")
                or (first.unplaced is not None and second.unplaced is None)
                or first.role == QUALIFIER  # 'Buhanginan, in Patikul, Sulu'
            )
            following = text[second.end : second.end + 8]
            goes_on = NAME_FOLLOWS if first.role == QUALIFIER else LIST_GOES_ON
            if not wider or goes_on.match(following):
                continue
        found[index] = replace(second, role=QUALIFIER)
        if (
            index + 1 < len(found)
            and text[second.end : second.end + 3] == "'s "
            and found[index + 1].start == second.end + 3
        ):  # 'the Nasirabad area of Balochistan's Turbat': Turbat holds it
            second = found[index + 1]
            found[index + 1] = replace(second, role=QUALIFIER)
        if (
            first.unplaced is None
            and _LOCALITY_OF.match(gap)
            and not _inside(first.place, second.place)
        ):
            # 'the Nasirabad area of Turbat': a locality of Turbat, not the
            # namesake district the gazetteer knows
            found[index - 1] = unknown_mention(
                text,
                first.sentence,
                first.start,
                first.end,
                first.text,
                "a locality of a place",
                second.place if second.unplaced is None else second.unplaced.wider,
            )
    return found


_LOCALITY_AFTER = re.compile(
    r"^\s+(?:area|village|locality|neighbou?rhood|town)\b", re.IGNORECASE
)
_LOCALITY_OF = re.compile(
    r"^\s+(?i:area|locality|neighbou?rhood|suburb|mohalla|camp|(?:military |army )?"
    r"base|check ?post|checkpoint)\s+(?:of|in)\s+"
    r"(?:the\s+)?(?:(?-i:[A-Z])[\w-]*'s\s+)?$"
)
"""'the Nasirabad area of Turbat', 'the Sabon Gari camp in the Damboa [area]'."""
_NAMESAKE_KM = 30.0
"""A place the text puts in a town the gazetteer gives no district for lies in
it when its namesake's point is this close."""


def _inside(inner: Place, outer: Place) -> bool:
    """Whether the gazetteer puts ``inner`` inside ``outer`` (its district, or
    a finer place of the same district)."""
    if inner.kind in ("province", "district") or inner.admin1 != outer.admin1:
        return False
    if outer.kind == "province":
        return True
    district = outer.district or (outer.name if outer.kind == "district" else "")
    if not district:  # a town abroad: no districts, only points
        return haversine_km(inner.lat, inner.lon, outer.lat, outer.lon) <= _NAMESAKE_KM
    return inner.district == district


def headline_areas(mentions: list[PlaceMention]) -> list[PlaceMention]:
    """A place a headline names as the scene that the body names only as the
    area a scene lies in ('attack leaves dead in Irumu', then 'at Malibongo, a
    village ... in southern Irumu territory'): the headline says where the
    body's scene lies. One the body names only as where a scene is measured
    from ('north-west of the capital, Mogadishu') is that reference."""
    body = [m for m in mentions if m.sentence.paragraph > 0]
    found = []
    for mention in mentions:
        same = [
            m
            for m in body
            if m.place.geonameid == mention.place.geonameid
            or m.text.lower() == mention.text.lower()
        ]
        if (
            mention.is_incident
            and reads_as_headline(mention.sentence)
            and same
            and all(m.role in (QUALIFIER, REFERENCE) for m in same)
        ):
            # 'attack army base in Mogadishu', then 'a remote army base
            # north-west of the capital, Mogadishu': a bearing, no scene
            role = QUALIFIER if any(m.role == QUALIFIER for m in same) else REFERENCE
            mention = replace(mention, role=role)
        found.append(mention)
    return found
