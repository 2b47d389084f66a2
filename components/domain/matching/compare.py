"""One candidate against the incident being matched: each finding in words, with
the points ``rules.MatchRules`` gives it, or the finding that rules it out. Pure."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from components.domain.matching.facts import IncidentFacts
from components.domain.matching.names import fold, same_name
from components.domain.matching.rules import (
    ATTACK_FAMILIES,
    DEFAULT_RULES,
    TARGET_FAMILIES,
    MatchRules,
)
from components.domain.places import haversine_km
from components.domain.vocabularies import ATTACK_TYPES, TARGET_TYPES, GeoPrecision

RULED_OUT = "ruled_out"


@dataclass(frozen=True, slots=True)
class Reason:
    """One finding about a pair, in words, with the points it is worth."""

    what: str
    """'place', 'date', 'target', 'attack' or 'toll'."""
    code: str
    """Which finding: 'same_place', 'same_name', 'within', 'nearby',
    'same_province', 'same_day', 'one_day', 'wrong_weekday', 'imprecise_day',
    'shared', 'related', 'told_differently', 'conflict', 'similar', 'different'
    or :data:`RULED_OUT`."""
    words: str
    points: float = 0.0

    @property
    def rules_out(self) -> bool:
        return self.code == RULED_OUT


@dataclass(frozen=True, slots=True)
class Comparison:
    """A candidate against the incident being matched."""

    candidate: IncidentFacts
    reasons: tuple[Reason, ...]
    km: float | None = None
    """Distance between the two points, where both are placed."""
    days: int | None = None

    @property
    def score(self) -> float:
        return round(sum(r.points for r in self.reasons), 2)

    @property
    def ruled_out(self) -> Reason | None:
        """The finding that rules the candidate out, if one does."""
        return next((r for r in self.reasons if r.rules_out), None)

    def describe(self) -> str:
        """'same town (Noshki = Nushki), 1 day apart, ...'"""
        return ", ".join(r.words for r in self.reasons)


# --- Place ------------------------------------------------------------------------


def _name_pair(
    facts: IncidentFacts, other: IncidentFacts, rules: MatchRules
) -> tuple[str, str] | None:
    for mine in facts.names:
        for theirs in other.names:
            if same_name(mine, theirs, rules):
                return mine, theirs
    return None


def _spelt(mine: str, theirs: str) -> str:
    """'Noshki = Nushki' where two names differ, else the name."""
    return mine if not theirs or fold(mine) == fold(theirs) else f"{mine} = {theirs}"


def _is_area(facts: IncidentFacts) -> bool:
    return facts.kind in ("district", "tehsil") or (
        facts.precision == GeoPrecision.NEAR_TOWN and facts.kind not in ("town", "")
    )


def _contains(
    area: IncidentFacts, inner: IncidentFacts, km: float, rules: MatchRules
) -> bool:
    """Whether ``inner`` lies in the district or tehsil ``area``: the same district,
    and for a tehsil (a part of a district) also within the district radius."""
    if not _is_area(area) or not area.district or area.admin1 != inner.admin1:
        return False
    if fold(inner.district) != fold(area.district):
        return False
    return area.kind != "tehsil" or km <= rules.radius_km[GeoPrecision.NEAR_TOWN]


def compare_place(
    facts: IncidentFacts, other: IncidentFacts, rules: MatchRules = DEFAULT_RULES
) -> tuple[Reason, float | None]:
    """How the two places relate, and their distance in km where both are placed.

    Points decide where both are placed; names only where one is not."""
    if not (facts.placed and other.placed):
        names = _name_pair(facts, other, rules)
        if names is None:
            missing = facts if not facts.placed else other
            words = (
                f"{missing.place_reported} is not in the gazetteer and no name of "
                "the two places matches"
            )
            return Reason("place", RULED_OUT, words), None
        words = f"same place by name ({_spelt(*names)})"
        return Reason("place", "same_name", words, rules.same_name), None
    km = haversine_km(facts.lat, facts.lon, other.lat, other.lon)  # type: ignore[arg-type]
    same_id = facts.place_id is not None and facts.place_id == other.place_id
    same_point = (  # a record placed where the gazetteer has no id for the place
        km < 1 and facts.kind == other.kind and fold(facts.place) == fold(other.place)
    )
    if same_id or (same_point and facts.place):
        kind = facts.kind or "place"
        words = f"same {kind} ({_spelt(facts.place_reported, other.place_reported)})"
        return Reason("place", "same_place", words, rules.same_place), km
    for area, inner in ((facts, other), (other, facts)):
        if _contains(area, inner, km, rules):
            where = f"{area.district} {area.kind or 'district'}"
            first, second = inner.place_reported, area.place_reported
            words = (
                f"{first} and {second} both in {where}"
                if _is_area(inner)
                else f"{first} is in {where}"
            )
            return Reason("place", "within", words, rules.within), km
    unknown = GeoPrecision.REGION  # a point of unknown precision is the coarsest
    coarser = max(facts.precision or unknown, other.precision or unknown)
    if coarser == GeoPrecision.REGION:
        if facts.admin1 and facts.admin1 == other.admin1:
            inner = facts if facts.precision != GeoPrecision.REGION else other
            words = f"{inner.place_reported} is in {facts.admin1} (province level only)"
            return Reason("place", "same_province", words, rules.same_province), km
        words = f"different provinces ({facts.admin1 or '?'}, {other.admin1 or '?'})"
        return Reason("place", RULED_OUT, words), km
    radius = rules.radius_km[coarser]
    pair = f"{facts.place_reported} and {other.place_reported}"
    if km <= radius:
        return Reason("place", "nearby", f"{pair} {km:.0f} km apart", rules.nearby), km
    words = f"{pair} are {km:.0f} km apart (more than {radius:.0f})"
    return Reason("place", RULED_OUT, words), km


# --- Date -------------------------------------------------------------------------


def _day_words(days: int) -> str:
    return "same day" if days == 0 else f"{days} day{'s' if days > 1 else ''} apart"


def compare_date(
    facts: IncidentFacts,
    other: IncidentFacts,
    rules: MatchRules = DEFAULT_RULES,
    *,
    rest_agrees: bool = False,
) -> tuple[Reason, int | None]:
    """How far apart the dates are. ``rest_agrees`` (same town, a shared target and
    a shared attack type) allows :attr:`MatchRules.wrong_weekday_days`."""
    if facts.date is None or other.date is None:
        return Reason("date", RULED_OUT, "no date to compare"), None
    days = abs((facts.date - other.date).days)
    coarser = max(facts.date_precision, other.date_precision)
    slack = rules.precision_days[coarser]
    if slack and days <= rules.max_days + slack:
        words = f"{_day_words(days)} (dated {coarser.label})"
        return Reason("date", "imprecise_day", words, rules.imprecise_day), days
    if not slack and days == 0:
        return Reason("date", "same_day", "same day", rules.same_day), days
    if not slack and days <= rules.max_days:
        return Reason("date", "one_day", _day_words(days), rules.one_day), days
    if not slack and rest_agrees and days <= rules.wrong_weekday_days:
        words = f"{_day_words(days)} (a weekday may be wrong: the rest agrees)"
        return Reason("date", "wrong_weekday", words, rules.wrong_weekday), days
    return Reason("date", RULED_OUT, _day_words(days)), days


# --- Targets, attacks, tolls ------------------------------------------------------


def _labels(codes: Iterable[str], vocabulary: Mapping) -> str:
    return " and ".join(sorted(vocabulary[c].label.lower() for c in codes))


def _families(codes: frozenset[str], families: Mapping[str, frozenset[str]]) -> set:
    return {name for name, members in families.items() if codes & members}


def _compare_codes(
    what: str,
    mine: frozenset[str],
    theirs: frozenset[str],
    vocabulary: Mapping,
    families: Mapping[str, frozenset[str]],
    points: tuple[float, float, float],
) -> Reason | None:
    """Shared, related (one family), or in conflict; None where a side names none.
    ``points``: (shared, related, conflict)."""
    if not (mine and theirs):
        return None
    shared_points, related_points, conflict_points = points
    shared = mine & theirs
    if shared:
        labels = _labels(shared, vocabulary)
        words = f"both {labels}" if what == "target" else f"{labels} in both"
        return Reason(what, "shared", words, shared_points)
    both = f"{_labels(mine, vocabulary)} / {_labels(theirs, vocabulary)}"
    family = _families(mine, families) & _families(theirs, families)
    if family:
        words = f"{what}s told differently ({both}: {min(family)})"
        return Reason(what, "related", words, related_points)
    return Reason(what, "conflict", f"different {what}s ({both})", conflict_points)


def compare_types(
    facts: IncidentFacts, other: IncidentFacts, rules: MatchRules = DEFAULT_RULES
) -> tuple[Reason | None, Reason | None]:
    """Target and attack types: shared, related, in conflict, or not reported."""
    target = _compare_codes(
        "target",
        facts.target_types,
        other.target_types,
        TARGET_TYPES,
        TARGET_FAMILIES,
        (rules.shared_target, rules.related_target, rules.conflicting_target),
    )
    attack = _compare_codes(
        "attack",
        facts.attack_types,
        other.attack_types,
        ATTACK_TYPES,
        ATTACK_FAMILIES,
        (rules.shared_attack, 0.0, rules.conflicting_attack),
    )
    return target, attack


def compare_tolls(
    facts: IncidentFacts, other: IncidentFacts, rules: MatchRules = DEFAULT_RULES
) -> Reason | None:
    """Deaths reported on both sides: similar earns a little, different nothing
    (a later toll is often higher)."""
    mine, theirs = facts.casualties.killed_total, other.casualties.killed_total
    if mine is None or theirs is None:
        return None
    low, high = sorted((mine, theirs))
    if high <= max(low, 1) * rules.toll_ratio:
        words = (
            f"{mine} killed in both"
            if mine == theirs
            else f"{mine} and {theirs} killed"
        )
        return Reason("toll", "similar", words, rules.similar_toll)
    words = f"{mine} and {theirs} killed (a later toll may be higher)"
    return Reason("toll", "different", words)


def compare(
    facts: IncidentFacts, candidate: IncidentFacts, rules: MatchRules = DEFAULT_RULES
) -> Comparison:
    """Every finding about one candidate, each with its points."""
    place, km = compare_place(facts, candidate, rules)
    target, attack = compare_types(facts, candidate, rules)
    same_town = (place.code == "same_place" and facts.kind == "town") or (
        place.code == "same_name"
    )
    town_level = {facts.precision, candidate.precision} <= {GeoPrecision.TOWN, None}
    rest_agrees = (
        same_town
        and town_level
        and target is not None
        and target.code == "shared"
        and attack is not None
        and attack.code == "shared"
    )
    date, days = compare_date(facts, candidate, rules, rest_agrees=rest_agrees)
    toll = compare_tolls(facts, candidate, rules)
    reasons = tuple(r for r in (place, date, target, attack, toll) if r is not None)
    return Comparison(candidate, reasons, km, days)
