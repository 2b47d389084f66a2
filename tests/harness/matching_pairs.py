"""The pairs of ``tests/data/matching`` as incidents, for the matcher's scoring.

Each side of a pair is a report: the corpus file it names, or the report written
inline. It becomes incidents two ways, :func:`by_key` (its answer key, places
resolved with the offline gazetteer) and :func:`reader_incidents` (the report
reader), each with its main incident (:func:`main_index`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from components.domain.matching import (
    DEFAULT_RULES,
    IncidentFacts,
    fold,
    haversine_km,
)
from components.domain.model import Casualties
from components.domain.places import Match, Place
from components.domain.vocabularies import GeoPrecision
from components.gazetteer import Gazetteer
from components.report import Extraction, ReportIncident, extract

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"
PAIRS = DATA / "matching"
CORPUS = DATA / "reports" / "corpus"

KEY_TARGETS: dict[str, frozenset[str]] = {
    "police_paramilitary": frozenset({"police_paramilitary"}),
    "military": frozenset({"military"}),
    "government": frozenset({"government"}),
    "civilians_public": frozenset({"private_citizens"}),
    "transport": frozenset({"transportation"}),
    "infrastructure": frozenset({"utilities"}),
    "business": frozenset({"business"}),
    "education": frozenset({"school"}),
    "health": frozenset({"hospital"}),
    "religious": frozenset({"religious"}),
    "telecom": frozenset({"telecoms"}),
    "unknown": frozenset(),
}
"""The answer keys' target codes (``tests/data/reports/corpus/README.md``) in the
product's vocabulary (GTD target types)."""

KEY_ATTACKS: dict[str, frozenset[str]] = {
    "armed_assault": frozenset({"armed_assault"}),
    "bombing": frozenset({"bombing"}),
    "suicide_bombing": frozenset({"bombing"}),
    "ied": frozenset({"bombing"}),
    "rocket": frozenset({"bombing"}),
    "hostage_taking": frozenset({"hostage_barricade"}),
    "hijacking": frozenset({"hijacking"}),
    "arson": frozenset({"facility_attack"}),
    "targeted_killing": frozenset({"assassination"}),
    "unknown": frozenset(),
}
"""The keys' attack codes in the product's vocabulary (GTD attack types, where a
suicide bombing, an IED and a rocket are all 'bombing', as the report reader
codes them)."""

SIDE_FIELDS = {
    "civilians": "killed_civilians",
    "security": "killed_security",
    "attackers": "killed_attackers",
    "unspecified": "killed_unspecified",
}


@dataclass(frozen=True)
class Pair:
    number: int
    name: str
    same: bool
    a: dict
    b: dict


def load_pairs(directory: Path = PAIRS) -> list[Pair]:
    pairs = []
    for path in sorted(directory.glob("[0-9]*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        pairs.append(
            Pair(
                int(path.stem[:3]),
                path.stem,
                bool(data["same"]),
                _side(data["a"]),
                _side(data["b"]),
            )
        )
    return pairs


def _side(side: dict) -> dict:
    """A side as a report: the corpus file it names, or the inline report."""
    if "corpus" in side:
        report = json.loads((CORPUS / side["corpus"]).read_text(encoding="utf-8"))
        return {**report, "from_corpus": True}
    return {**side, "from_corpus": False}


def _codes(codes: Sequence[str], table: dict[str, frozenset[str]]) -> frozenset[str]:
    return frozenset().union(*(table[c] for c in codes)) if codes else frozenset()


def _casualties(killed: dict | None, injured: dict | None) -> Casualties:
    """A key's figures by side. Injuries are one figure: the largest of any side
    (a key may give a whole and its part: '12 injured, including 2 policemen')."""
    killed = killed or {}
    hurt = [v for v in (injured or {}).values() if v is not None]
    return Casualties(
        **{name: killed.get(side) for side, name in SIDE_FIELDS.items()},
        injured=max(hurt) if hurt else None,
    )


# --- (a) incidents from the answer keys --------------------------------------------


def _in_district(place: Place, district: Place) -> bool:
    if place.admin1 != district.admin1:
        return False
    if fold(place.district) and fold(place.district) == fold(
        district.district or district.name
    ):
        return True
    km = haversine_km(place.lat, place.lon, district.lat, district.lon)
    return km <= DEFAULT_RULES.radius_km[GeoPrecision.NEAR_TOWN]


def resolve(
    gazetteer: Gazetteer, names: Sequence[str], district: str | None = None
) -> tuple[str, Match | None]:
    """The name and gazetteer match that place one attack: the finest place that
    an exact name or another spelling gives (a fuzzy guess only if none does),
    inside ``district`` when the key names one, else the district itself."""
    found = [(name, gazetteer.match(name)) for name in names]
    found = [(name, m) for name, m in found if m.found]
    area = gazetteer.match(f"{district} district") if district else None
    if area is not None and area.found:
        found = [(n, m) for n, m in found if _in_district(m.place, area.place)]  # type: ignore[arg-type]
    if not found:
        if area is not None and area.found:
            return district, area  # type: ignore[return-value]
        return names[0], None
    found.sort(key=lambda item: (item[1].kind == "fuzzy", int(item[1].precision or 3)))
    return found[0]


def key_incidents(report: dict, gazetteer: Gazetteer) -> list[IncidentFacts]:
    """A side's incidents as its answer key gives them."""
    key = report["key"]
    date = dt.date.fromisoformat(key["date"])
    if report["from_corpus"]:  # one incident per attack place; its kind a hint
        items = [
            (item["place"], [_with_kind(item)], None, item) for item in key["incidents"]
        ]
    else:  # one attack, named several ways
        items = [(None, key["places"], key.get("district"), key)]
    incidents = []
    for number, (reported, names, district, item) in enumerate(items, 1):
        name, match = resolve(gazetteer, names, district)
        reported = reported or name
        others = tuple(
            n for n in (*names, district or "") if n and fold(n) != fold(reported)
        )
        incidents.append(
            IncidentFacts.at_place(
                match.place if match else None,
                reported,
                date,
                precision=match.precision if match else None,
                id=f"a{number}",
                other_names=others,
                target_types=_codes(item["target_types"], KEY_TARGETS),
                attack_types=_codes(item["attack_types"], KEY_ATTACKS),
                casualties=_casualties(item.get("killed"), item.get("injured")),
            )
        )
    return incidents


def _with_kind(item: dict) -> str:
    """'Kech district' for a place the key calls a district: the gazetteer's hint."""
    kind = item.get("place_kind")
    return (
        f"{item['place']} {kind}" if kind in ("district", "tehsil") else item["place"]
    )


def main_index(incidents: Sequence[IncidentFacts], said: Sequence[int]) -> int:
    """The index of a report's main incident: the one the text says most of
    (``said``: how many targets, attacks and figures it names there), placed finer
    than a province where any is; the first in the text's order of equals. A
    report's own attack is what it is about; an older or another attack it
    mentions gets a sentence of background."""
    return min(
        range(len(incidents)),
        key=lambda n: (incidents[n].precision == GeoPrecision.REGION, -said[n], n),
    )


def key_main(incidents: Sequence[IncidentFacts]) -> IncidentFacts:
    """A key's main incident: the first it lists (a key holds only the report's
    own attacks, in the text's order), finer than a province where any is."""
    return incidents[main_index(incidents, [0] * len(incidents))]


# --- (b) incidents from the report reader -----------------------------------------


def _reader_facts(
    incident: ReportIncident, extraction: Extraction, number: int
) -> IncidentFacts:
    counts = incident.counts
    hurt = [v for v in counts["injured"].values() if v is not None]
    return IncidentFacts.at_place(
        incident.place,
        incident.place_reported,
        incident.date or extraction.date,
        precision=incident.precision,
        id=f"a{number}",
        target_types=frozenset(incident.target_codes()),
        attack_types=frozenset(incident.attack_codes()),
        casualties=Casualties(
            **{name: counts["killed"][side] for side, name in SIDE_FIELDS.items()},
            injured=max(hurt) if hurt else None,
        ),
    )


def reader_incidents(
    report: dict, gazetteer: Gazetteer
) -> tuple[list[IncidentFacts], IncidentFacts | None]:
    """A side's incidents as the report reader finds them, and its main one."""
    published = dt.date.fromisoformat(report["published"])
    extraction = extract(report["text"], gazetteer, published=published)
    found = [i for i in extraction.incidents if not i.event_wide]
    found = found or list(extraction.incidents)
    if not found:
        return [], None
    facts = [_reader_facts(i, extraction, n) for n, i in enumerate(found, 1)]
    said = [len(i.targets) + len(i.attacks) + len(i.figures) for i in found]
    return facts, facts[main_index(facts, said)]


def by_key(
    report: dict, gazetteer: Gazetteer
) -> tuple[list[IncidentFacts], IncidentFacts | None]:
    """A side's incidents from its answer key, and its main one."""
    incidents = key_incidents(report, gazetteer)
    return incidents, key_main(incidents)
