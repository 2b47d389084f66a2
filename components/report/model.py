"""The reader's records: what a report claims, each item with the words it rests
on (evidence), and the counts of a list of figures (``tally``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from components.domain.places import Place
from components.domain.vocabularies import GeoPrecision
from components.report.mentions import PlaceMention
from components.report.segments import Span
from components.report.unplaced import UnplacedName

SIDES = ("civilians", "security", "attackers", "unspecified")


OUTCOMES = ("killed", "injured")


@dataclass(frozen=True, slots=True)
class Figure:
    """A count of people killed or injured, with the words it rests on.

    ``value`` is the low end (the count itself when exact), ``high`` the top of a
    range; ``at_least`` and ``approximate`` keep the report's hedging, as UCDP's
    low/best/high do. ``parts`` are the counts a total was said to include.
    """

    side: str
    outcome: str
    value: int
    start: int
    end: int
    text: str
    high: int | None = None
    at_least: bool = False
    approximate: bool = False
    military: bool = False
    """The security side is named as the army ('soldiers', 'troops')."""
    parts: tuple[Figure, ...] = field(default=())
    secondary: bool = False
    """A count of bodies found or of people brought to one hospital: it stands for
    its side only where the report states no toll (see ``tally``)."""
    some_of: bool = False
    """The parts are said to be some of the total ('five people, four of them
    fishermen'): the rest is not named."""
    of_the_wounded: bool = False
    """Deaths among people already counted as wounded ('but one of them died of
    his injuries'): they leave the wounded count (see ``tally``)."""

    def as_json(self) -> dict[str, object]:
        return {
            "side": self.side,
            "outcome": self.outcome,
            "value": self.value,
            "high": self.high,
            "at_least": self.at_least,
            "approximate": self.approximate,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "parts": [part.as_json() for part in self.parts],
            "secondary": self.secondary,
            "some_of": self.some_of,
            "of_the_wounded": self.of_the_wounded,
        }


def by_side(figure: Figure) -> dict[str, int]:
    """What a figure says of each side, its parts counted once.

    A total whose stated parts are all civilians ('11 people - five women and four
    children') counts as civilians; otherwise each part goes to its side and the
    rest of the total stays unassigned ('50 people, including 14 security
    personnel' -> 14 security, 36 unspecified). A total of one side with parts of
    another keeps the parts on theirs ('ten civilians, four of them security
    auxiliaries' -> 4 security, 6 civilians).
    """
    if not figure.parts:
        return {figure.side: figure.value}
    parts: dict[str, int] = {}
    for part in figure.parts:
        parts[part.side] = parts.get(part.side, 0) + part.value
    stated = sum(parts.values())
    if figure.side != "unspecified":
        others = {side: n for side, n in parts.items() if side != figure.side}
        rest = figure.value - sum(others.values())
        if others and rest >= 0 and "unspecified" not in others:
            # 'ten civilians, four of them security auxiliaries': four are not
            # civilians, whatever the total calls them
            return {**others, figure.side: rest} if rest else others
        return {figure.side: max(figure.value, stated)}
    if set(parts) == {"civilians"} and not figure.some_of:
        return {"civilians": max(figure.value, stated)}
    rest = figure.value - stated
    if rest > 0:
        parts["unspecified"] = parts.get("unspecified", 0) + rest
    return parts


@dataclass(frozen=True, slots=True)
class Evidence:
    """Words of the text an item rests on: a span of the original and its sentence."""

    start: int
    end: int
    text: str
    sentence: str
    sentence_start: int
    what: str = ""
    """What the words show: 'place', 'target', 'attack', 'killed', ..."""

    def as_json(self) -> dict[str, object]:
        return {
            "what": self.what,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
        }


@dataclass(frozen=True, slots=True)
class Mention:
    """A target or attack type named in the text, by its vocabulary code."""

    code: str
    evidence: Evidence
    inferred: bool = False
    """Not named as such: read from who was killed (police, soldiers, civilians)."""


Counts = dict[str, dict[str, int | None]]
"""{'killed': {side: n or None}, 'injured': {...}}."""


def _empty_counts() -> Counts:
    return {outcome: dict.fromkeys(SIDES) for outcome in OUTCOMES}


@dataclass(eq=False)
class ReportIncident:
    """One place the report says was attacked, and what it says happened there."""

    place: Place
    precision: GeoPrecision
    place_reported: str
    date: dt.date | None = None
    targets: list[Mention] = field(default_factory=list)
    attacks: list[Mention] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    event_wide: bool = False
    """The widest place of the report, holding what no place was named for."""
    ambiguous: bool = False
    """Several places share the name and the text's other places chose one the
    gazetteer would not have chosen alone."""
    unplaced: UnplacedName | None = None
    """For a name the gazetteer does not know: the name, kept at ``place`` (the
    wider place the text gives, or the report's province or country)."""
    scene_likelihood: float | None = None
    """The scene model's likelihood that an attack happened here (None without
    the model, or for the place of the report's totals)."""

    @property
    def counts(self) -> Counts:
        return tally(self.figures)

    def target_codes(self) -> list[str]:
        return list(dict.fromkeys(mention.code for mention in self.targets))

    def attack_codes(self) -> list[str]:
        return list(dict.fromkeys(mention.code for mention in self.attacks))

    def as_json(self) -> dict[str, object]:
        counts = self.counts
        return {
            "place": {
                "name": self.place.name,
                "reported_as": self.place_reported,
                "lat": self.place.lat,
                "lon": self.place.lon,
                "geo_precision": int(self.precision),
                "geonameid": self.place.geonames_id,
                "admin1": self.place.admin1,
                "country": self.place.country,
                "kind": self.place.kind,
                "unplaced": self.unplaced is not None,
            },
            "date": self.date.isoformat() if self.date else None,
            "event_wide": self.event_wide,
            "scene_likelihood": None
            if self.scene_likelihood is None
            else round(self.scene_likelihood, 3),
            "target_types": self.target_codes(),
            "attack_types": self.attack_codes(),
            "killed": counts["killed"],
            "injured": counts["injured"],
            "figures": [figure.as_json() for figure in self.figures],
            "evidence": [item.as_json() for item in self.evidence],
        }


def tally(figures: Iterable[Figure]) -> Counts:
    """Counts by outcome and side: the largest figure the text gives for each
    (a later, higher toll revises an earlier one; the same toll repeated is not
    added twice). Totals count with their parts once.

    A count of bodies found or of people brought to one hospital (``secondary``)
    stands for a side only where the report states no toll for it: the stated
    '100 wounded' of the lede is kept over '150 injured people had been brought
    to the hospital'; nor for any side where the report states that no one was
    hit ('the attack caused no casualties', then the group's claim of a guard
    killed).

    An approximate figure ('close to a dozen', 'about 20') stands for a side only
    where the report gives no exact one for it.

    Deaths among people counted as wounded ('one of them died of his injuries')
    leave the wounded count of the one side they can be.

    A count of people with no side that equals a count of one side, for the same
    outcome, is the same people named twice ('wounding eight others' ... 'eight
    police officers were wounded'): it is not kept as a second group; nor is one
    that equals the sum of the counts of two sides or more ('eight people' ...
    'four policemen, two soldiers and two civilians'), nor one that equals a
    total the text breaks down ('25 people were killed' ... 'two of the 25 dead
    were VDP members')."""
    figures = list(figures)
    told_apart = {(f.outcome, f.value) for f in figures if f.parts}
    figures = [  # '25 people were killed' ... 'two of the 25 dead were VDP'
        f
        for f in figures
        if f.parts or f.side != "unspecified" or (f.outcome, f.value) not in told_apart
    ]
    counts = _empty_counts()
    plain: dict[str, set[tuple[int, int]]] = {outcome: set() for outcome in OUTCOMES}
    named: dict[str, set[tuple[int, int]]] = {outcome: set() for outcome in OUTCOMES}
    ordered = sorted(figures, key=lambda f: (f.secondary, f.approximate))
    unsided = {
        outcome: {
            f.value
            for f in figures
            if f.outcome == outcome and f.side == "unspecified" and not f.parts
        }
        for outcome in OUTCOMES
    }
    for number, figure in enumerate(ordered):
        if figure.side == "unspecified":
            rest = by_side(figure).get("unspecified")
            if rest is not None:  # 'five people, a policeman among them': four
                plain[figure.outcome].add((rest, number))
        stated = {s for s, v in counts[figure.outcome].items() if v is not None}
        for side, value in by_side(figure).items():
            if side != "unspecified":
                named[figure.outcome].add((value, number))
            known = counts[figure.outcome][side]
            if (figure.secondary or figure.approximate) and known is not None:
                continue  # 'close to a dozen soldiers' ... 'killing 11 troopers'

            if figure.secondary and side == "unspecified" and stated:
                continue  # bodies found, where the sides' tolls are stated
            if figure.secondary and counts[figure.outcome]["unspecified"] == 0:
                continue  # a group's claim of guards killed, where 'no casualties'
            counts[figure.outcome][side] = value if known is None else max(known, value)
    for figure in figures:  # 'two wounded ... one of them died of his injuries'
        if not figure.of_the_wounded:
            continue
        hurt = [
            (side, value)
            for side, value in counts["injured"].items()
            if value is not None
            and value > figure.value
            and figure.side in (side, "unspecified")
        ]
        if len(hurt) == 1:
            ((side, value),) = hurt
            counts["injured"][side] = value - figure.value
    for outcome, sides in counts.items():
        unspecified = sides["unspecified"]
        rests = {number for value, number in plain[outcome] if value == unspecified}
        others = {number for value, number in named[outcome] if value == unspecified}
        if rests and others - rests:  # named by another figure than the rest's
            sides["unspecified"] = None
        sided = [v for side, v in sides.items() if side != "unspecified" and v]
        if unspecified and len(sided) > 1 and sum(sided) == unspecified:
            # 'Eight people were martyred' ... 'The dead were four policemen, two
            # soldiers and two civilians': the same eight, by side
            sides["unspecified"] = None
        elif unspecified and sided:
            # 'an administration official and six personnel dead' ... 'seven
            # people were killed': the same seven, the official with no side
            rest = unspecified - sum(sided)
            rests = {value for value, _ in plain[outcome]}
            if rest > 0 and rest in unsided[outcome] | rests:
                sides["unspecified"] = rest
    for figure in figures:
        _rest_of_the_side_told_before(figure, counts[figure.outcome])
    return counts


def _rest_of_the_side_told_before(figure: Figure, sides: dict[str, int | None]) -> None:
    """'shot dead 14 passengers' ... '14 of them were killed; a naval official and
    a member of the coast guard were among the dead': a group with members of
    another side named, as many as one side's count, is that side's people told
    again; its rest is of that side, and only the rest. Never the attackers: the
    people they hit are no group of theirs."""
    parts = by_side(figure)
    rest = parts.pop("unspecified", None)
    if figure.side != "unspecified" or rest is None or sides["unspecified"] != rest:
        return
    same = [
        side
        for side, value in sides.items()
        if side not in ("unspecified", "attackers", *parts) and value == figure.value
    ]
    if len(same) == 1:
        sides[same[0]] = rest
        sides["unspecified"] = None


def _sided_by_the_places(
    sides: dict[str, int | None], places: list[dict[str, int | None]]
) -> None:
    """'ISWAP killed 16 people', three of them CJTF members, and '13 metal
    scavengers ... shot in Goni Kurmi': the rest of the totals, of no side, are
    the civilians the places count, where the places count them on one side
    only. A total given whole ('32 people') keeps no side."""
    rest = sides["unspecified"]
    if not rest or any(place["unspecified"] for place in places):
        return
    same = [
        side
        for side in ("civilians", "security")
        if sides[side] is None and sum(place[side] or 0 for place in places) == rest
    ]
    if len(same) == 1:
        sides[same[0]] = rest
        sides["unspecified"] = None


@dataclass(frozen=True, slots=True)
class Background:
    """A sentence about an earlier event: shown, never counted as today's."""

    key: int
    """The sentence's start offset: what an override names."""
    evidence: Evidence
    figures: tuple[Figure, ...]
    places: tuple[str, ...]
    learned: bool = False
    """Read as background by the background model alone: no cue said so."""

    def as_json(self) -> dict[str, object]:
        counts = tally(self.figures)
        return {
            "key": self.key,
            "text": self.evidence.sentence,
            "start": self.evidence.start,
            "end": self.evidence.end,
            "killed": sum(v for v in counts["killed"].values() if v) or None,
            "injured": sum(v for v in counts["injured"].values() if v) or None,
            "places": list(self.places),
            "learned": self.learned,
        }


@dataclass
class Extraction:
    """What a report claims: its incidents, its totals, and what is background."""

    date: dt.date | None
    date_evidence: Evidence | None
    title: str
    incidents: list[ReportIncident]
    totals: list[Figure]
    totals_place: ReportIncident | None
    background: list[Background]
    other_places: list[PlaceMention]
    unplaced: list[UnplacedName]
    notice: str = ""
    """What was not read, where the text was longer than a window or reading it
    took longer than the budget; empty when all of it was read."""
    read_to: int | None = None
    """Where reading stopped (an offset), or None where the whole text was read."""

    @property
    def total_counts(self) -> Counts:
        counts = tally(self.totals)
        for figure in self.totals:
            rest = by_side(figure).get("unspecified") if figure.parts else None
            sides = counts[figure.outcome]
            if rest is not None and sides["unspecified"] == rest:
                places = [i.counts[figure.outcome] for i in self.incidents]
                _sided_by_the_places(sides, places)
        return counts

    def as_json(self) -> dict[str, object]:
        totals = self.total_counts
        return {
            "date": self.date.isoformat() if self.date else None,
            "date_evidence": self.date_evidence.as_json()
            if self.date_evidence
            else None,
            "title": self.title,
            "incidents": [incident.as_json() for incident in self.incidents],
            "totals": {
                "place": self.totals_place.place.name if self.totals_place else None,
                "killed": totals["killed"],
                "injured": totals["injured"],
                "figures": [figure.as_json() for figure in self.totals],
            },
            "background": [item.as_json() for item in self.background],
            "not_incident_places": [
                {"name": m.place.name, "reported_as": m.text, "role": m.role}
                for m in self.other_places
            ],
            "unplaced": [name.as_json() for name in self.unplaced],
            "notice": self.notice,
        }


def evidence_at(text: str, start: int, end: int, sentence: Span, what: str) -> Evidence:
    return Evidence(
        start,
        end,
        text[start:end],
        text[sentence.start : sentence.end],
        sentence.start,
        what,
    )
