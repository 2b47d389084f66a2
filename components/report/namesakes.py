"""Names the gazetteer knows that stand for a locality it lacks: a name listed
among villages kept at one district ('Sakkada, Gyadadde, Sabon Gari ... villages
of Maradun'), or a facility named after its locality ('the Naseerabad Police
Station' of an attack on 'a police station in Turbat'), when the known place of
that name lies far from where the text puts it."""

from __future__ import annotations

import re
from dataclasses import replace

from components.domain.places import Place, haversine_km
from components.report.mentions import LIST_JOIN, PlaceMention
from components.report.names import DISTRICT_AFTER, is_strong
from components.report.roles import INCIDENT
from components.report.unknown import kept_at
from components.report.unplaced import wider_place
from components.report.vocabulary import OTHER_EVENT
from components.report.vocabulary.places import FACILITY_WORDS

_NAMESAKE_KM = 100.0
"""How far a known name may lie from the place its list's other names are kept
at and still be the place the list means."""


def namesakes_in_lists(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """A name the gazetteer knows, listed among names it lacks that the text
    keeps at one wider place ('Sakkada, Gyadadde, Sabon Gari, Barin Zare and
    Otawa', villages of Maradun), whose namesake lies far from that place: it is
    one more village the gazetteer lacks, kept there too."""
    found = list(mentions)
    listed_at: dict[str, Place] = {}
    for index, mention in enumerate(found):
        if mention.unplaced is not None or mention.role != INCIDENT:
            continue
        if mention.place.kind in ("province", "district", "country"):
            continue
        widers = [
            other.unplaced.wider
            for other in (
                found[index - 1] if index else None,
                found[index + 1] if index + 1 < len(found) else None,
            )
            if other is not None
            and other.sentence is mention.sentence
            and other.unplaced is not None
            and other.unplaced.wider is not None
            and LIST_JOIN.match(
                text[min(other.end, mention.end) : max(other.start, mention.start)]
            )
        ]
        wider = next((w for w in widers if w is not None), None)
        if wider is None or (
            wider.kind == "country"
            or (  # 'Hirmand, Khash, Sib-o-Suran and Zahedan': Khash is in the province
                wider.kind == "province"
                and (mention.place.country, mention.place.admin1)
                == (wider.country, wider.admin1)
            )
            or haversine_km(mention.place.lat, mention.place.lon, wider.lat, wider.lon)
            <= _NAMESAKE_KM
        ):
            continue
        listed_at[mention.text] = wider
    for index, mention in enumerate(found):
        kept = listed_at.get(mention.text)
        if kept is not None and mention.unplaced is None:  # every mention of it
            found[index] = kept_at(
                text, mention, "a name listed with names kept elsewhere", kept
            )
    return found


_FACILITY = "|".join(FACILITY_WORDS)
_FACILITY_IN = re.compile(
    rf"\b(?P<what>{_FACILITY})\s+(?:in|at)\s+(?:the\s+)?"
    r"(?:(?-i:[A-Z])[\w-]*'s\s+)?$",
    re.IGNORECASE,
)
"""'a police station in Balochistan's Turbat': the facility, before its town."""
_FACILITY_NAMED = re.compile(rf"^\s+(?P<what>{_FACILITY})\b", re.IGNORECASE)
"""'Naseerabad Police Station': the facility, after the name it bears."""
_LOCALITY_KM = 30.0
"""How far from the town a place named like its facility may lie and still be
the place the facility is named after."""


def _facility(words: str) -> str:
    return " ".join(words.lower().split())


def namesakes_of_facilities(
    text: str, mentions: list[PlaceMention]
) -> list[PlaceMention]:
    """A facility named after a place ('stormed the Naseerabad Police Station')
    in a report whose attack struck such a facility in one town ('a police
    station in Balochistan's Turbat'), where the gazetteer's place of that name
    lies far from the town: the name is the town's locality the facility is
    named after, kept at the town, unless its sentence tells of another attack."""
    towns: dict[str, dict[object, Place]] = {}
    for mention in mentions:
        if (
            mention.role != INCIDENT
            or mention.unplaced is not None
            or mention.place.kind in ("province", "country")
        ):
            continue
        found = _FACILITY_IN.search(text[mention.sentence.start : mention.start])
        if found:
            towns.setdefault(_facility(found["what"]), {})[mention.place.geonameid] = (
                mention.place
            )
    kept_by: dict[str, Place] = {}
    for mention in mentions:
        named = _FACILITY_NAMED.match(text[mention.end : mention.sentence.end])
        if (
            named is None
            or mention.role != INCIDENT
            or mention.unplaced is not None
            or mention.place.kind in ("province", "country")
            or OTHER_EVENT.search(mention.sentence.text)
        ):
            continue
        places = towns.get(_facility(named["what"]), {})
        if len(places) != 1:
            continue
        (town,) = places.values()
        place = mention.place
        if place.geonameid == town.geonameid or place.name == town.district:
            continue
        if haversine_km(place.lat, place.lon, town.lat, town.lon) > _LOCALITY_KM:
            kept_by[mention.text] = town
    return [
        kept_at(text, m, "a facility named after its locality", kept_by[m.text])
        if m.text in kept_by and m.unplaced is None
        else m
        for m in mentions
    ]


_AREA_AFTER = re.compile(r"^\s+area\b(?!\s+of\b)", re.IGNORECASE)
_AREA_NAMESAKE_KM = 300.0
"""How far from every other place the text names (all in other countries) a
small town called as an area ('the Bahman area') must lie to be a namesake of
the area the text means."""


def namesakes_of_areas(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """A small town named as an area ('targeted in the Bahman area', of a bus bound
    for Turbat) that lies far from every other place the text names, in another
    country than any of them (a Bahman in Fars): the area is one the gazetteer
    lacks, near the places the text is about, and is read as an unknown name."""
    known = [
        m.place
        for m in mentions
        if m.unplaced is None and m.place.kind not in ("country", "province")
    ]
    far: set[str] = set()
    for mention in mentions:
        place = mention.place
        others = [p for p in known if p.geonameid != place.geonameid]
        if (
            mention.unplaced is not None
            or mention.role != INCIDENT
            or place.kind != "town"
            or is_strong(place)
            or len(others) < 2
            or not _AREA_AFTER.match(text[mention.end : mention.sentence.end])
        ):
            continue
        if all(
            other.country != place.country
            and haversine_km(place.lat, place.lon, other.lat, other.lon)
            > _AREA_NAMESAKE_KM
            for other in others
        ):
            far.add(mention.text)
    return [
        kept_at(text, m, "an area named like a far town", None)
        if m.text in far and m.unplaced is None
        else m
        for m in mentions
    ]


_PART_OF_A_CITY = re.compile(
    r"^\s+(?:district|area|neighbou?rhood|suburb|locality|quarter|township)\b"
    r"[^.;]{0,30}?(?:\b(?:outskirts|suburbs|edge)\s+of\s+(?:the\s+(?:city|town)\s+of\s+)?"
    r"|\b(?:on|in)\s+(?:the\s+)?)$",
    re.IGNORECASE,
)
_OUTSKIRTS_AFTER = re.compile(r"^'s\s+(?:outskirts|suburbs|edge)\b", re.IGNORECASE)


def namesakes_of_city_parts(
    text: str, mentions: list[PlaceMention]
) -> list[PlaceMention]:
    """A small town named as a part of a city the text names right after it
    ('Ahmadabad district, on Zahedan's outskirts', 'the X area on the outskirts
    of Quetta') that lies far from that city: the part is one the gazetteer
    lacks, and is read as an unknown name kept at the city."""
    found = list(mentions)
    for index, mention in enumerate(found):
        if mention.unplaced is not None or mention.place.kind != "town":
            continue
        if is_strong(mention.place):
            continue
        city = next(
            (
                m
                for m in found[index + 1 :]
                if m.sentence is mention.sentence and m.unplaced is None
            ),
            None,
        )
        if city is None or city.place.kind != "town" or city.start - mention.end > 60:
            continue
        gap = text[mention.end : city.start]
        said_part = _PART_OF_A_CITY.match(gap) and (
            re.search(r"outskirts|suburbs|edge", gap, re.IGNORECASE)
            or _OUTSKIRTS_AFTER.match(text[city.end : city.end + 20])
        )
        far = (
            haversine_km(
                mention.place.lat, mention.place.lon, city.place.lat, city.place.lon
            )
            > _LOCALITY_KM
        )
        if said_part and far:
            found[index] = kept_at(
                text, mention, "a part of a city named like a far town", city.place
            )
    return found


_AREA_LEVEL = re.compile(
    r"\b(?:district|division|tehsil|province|region|county|state|agency)\b",
    re.IGNORECASE,
)
_HELD_KM = {"town": 60.0, "district": 120.0}
"""How far a town may lie from the known town or district the text says it is
in ('Villa Nueva, in the municipality of El Carmen') and still be that town."""


def namesakes_of_held_places(
    text: str, mentions: list[PlaceMention]
) -> list[PlaceMention]:
    """A town the text says lies in another known town or district ('the village
    of Villa Nueva, in the municipality of El Carmen'): the namesake of it that
    lies near that place, else (every known one lies far away: a Villanueva 400
    km off) a village the gazetteer lacks, kept at the wider place."""
    found = list(mentions)
    moved: dict[str, PlaceMention] = {}
    for mention in found:
        if (
            mention.unplaced is not None
            or mention.role != INCIDENT
            or mention.place.kind != "town"
            or mention.place.district  # a curated town, not a GeoNames namesake
            or len(mention.candidates) < 2  # one town of that name: no namesake
        ):
            continue
        if DISTRICT_AFTER.match(text[mention.end : mention.end + 20]):
            continue  # 'Bijapur district, in Bastar': a district in its region
        holder = wider_place(text, mention.end, found, mention.sentence)
        if (
            holder is None
            or holder.unplaced is not None
            or not re.search(r"[a-z]", text[mention.end : holder.start])
        ):
            continue  # 'Mastung, Kalat': a list as much as a place in another
        if _AREA_LEVEL.search(text[mention.end : holder.start]):
            continue  # 'Sukma, a district of south Bastar': an area in a wider one
        wider = holder.place
        reach = _HELD_KM.get(wider.kind)
        if reach is None or wider.geonameid == mention.place.geonameid:
            continue
        near = [
            place
            for place in mention.candidates
            if place.kind == "town"
            and haversine_km(place.lat, place.lon, wider.lat, wider.lon) <= reach
        ]
        if mention.place in near:
            continue
        if near:
            moved[mention.text] = replace(mention, place=near[0])
        else:
            moved[mention.text] = kept_at(
                text, mention, "a town its wider place says is not the known one", wider
            )
    for index, mention in enumerate(found):
        if mention.text in moved and mention.unplaced is None:
            again = moved[mention.text]
            if again.unplaced is not None:
                found[index] = kept_at(
                    text, mention, again.unplaced.rule, again.unplaced.wider
                )
            else:
                found[index] = replace(mention, place=again.place)
    return found
