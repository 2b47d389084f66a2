"""The proposal for one incident among its candidates, and how the candidates are
chosen from a large record. Pure."""

from __future__ import annotations

import datetime as dt
import logging
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from components.domain.matching.compare import Comparison, compare
from components.domain.matching.facts import IncidentFacts
from components.domain.matching.rules import DEFAULT_RULES, MatchRules
from components.domain.places import EARTH_RADIUS_KM
from components.domain.vocabularies import GeoPrecision
from components.support.errors import FieldError

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Proposal:
    """The matcher's answer: the incident already held, or a new one, and why."""

    match: Comparison | None
    why: str
    """The reasons for the match, or why no candidate is one."""
    compared: tuple[Comparison, ...] = ()
    """Every candidate, best first."""

    @property
    def is_new(self) -> bool:
        return self.match is None

    @property
    def incident_id(self) -> str | None:
        return self.match.candidate.id if self.match else None

    @property
    def score(self) -> float:
        return self.match.score if self.match else 0.0

    def summary(self) -> str:
        """One line for the person reviewing the report."""
        if self.match is None:
            return f"a new incident: {self.why}"
        return f"the incident you already have (#{self.incident_id}): {self.why}"


def _rank(comparison: Comparison) -> tuple[float, float, float]:
    """Best first: most points, then the nearer place, then the closer date."""
    return (
        -comparison.score,
        comparison.km if comparison.km is not None else math.inf,
        comparison.days if comparison.days is not None else math.inf,
    )


def propose(
    facts: IncidentFacts,
    candidates: Sequence[IncidentFacts],
    rules: MatchRules = DEFAULT_RULES,
) -> Proposal:
    """The record's incident that ``facts`` describes again, or none, with reasons.

    ``candidates`` are the record's incidents near in time and place
    (:func:`select_candidates`, or the store's query); others would be ruled out
    by date or place, only more slowly. The proposal is the best candidate that
    nothing rules out and whose points reach ``rules.threshold``; equals go to
    the nearer place, the closer date, then the first listed.
    """
    compared = sorted((compare(facts, c, rules) for c in candidates), key=_rank)
    for comparison in compared:
        if comparison.ruled_out is None and comparison.score >= rules.threshold:
            logger.debug("%s is #%s", facts.place_reported, comparison.candidate.id)
            return Proposal(comparison, comparison.describe(), tuple(compared))
    if not compared:
        why = "no incident of the record is near it in time and place"
        return Proposal(None, why)
    best = min(compared, key=lambda c: (c.ruled_out is not None, _rank(c)))
    label = f"#{best.candidate.id} {best.candidate.place_reported}".strip()
    if best.ruled_out is not None:
        why = f"the closest, {label}, is ruled out: {best.ruled_out.words}"
    else:
        why = (
            f"the closest, {label}, scores {best.score:g} of the "
            f"{rules.threshold:g} needed ({best.describe()})"
        )
    return Proposal(None, why, tuple(compared))


# --- Selecting candidates ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Window:
    """When and where the record's candidates for one incident can be: the store's
    WHERE clause (see the package's docstring)."""

    first: dt.date
    last: dt.date
    south: float | None = None
    north: float | None = None
    west: float | None = None
    east: float | None = None
    """West may be greater than east: the box crosses the 180th meridian."""
    admin1: str = ""
    """Province-level candidates are in when they are in this province."""

    def holds(self, candidate: IncidentFacts) -> bool:
        """Whether a candidate falls in the window."""
        if candidate.date is None or not self.first <= candidate.date <= self.last:
            return False
        if not candidate.placed:  # compared by name (the record's are all placed)
            return True
        if candidate.precision == GeoPrecision.REGION or self.south is None:
            return not self.admin1 or candidate.admin1 == self.admin1
        lat, lon = candidate.lat, candidate.lon
        if not self.south <= lat <= self.north:  # type: ignore[operator]
            return False
        if self.west <= self.east:  # type: ignore[operator]
            return self.west <= lon <= self.east  # type: ignore[operator]
        return lon >= self.west or lon <= self.east  # type: ignore[operator]


def candidate_window(facts: IncidentFacts, rules: MatchRules = DEFAULT_RULES) -> Window:
    """The dates and box that hold every incident :func:`propose` could match.

    Dates: the widest gap any rule allows, with the coarsest date precision. Box:
    the largest radius around the point. An incident placed at province level is
    compared with the province's incidents; one not placed, by date alone (its
    names decide)."""
    if facts.date is None:
        raise FieldError("date", "an incident needs a date to be matched")
    days = max(rules.max_days, rules.wrong_weekday_days)
    days += max(rules.precision_days.values())
    first, last = facts.date - dt.timedelta(days), facts.date + dt.timedelta(days)
    if not facts.placed:
        return Window(first, last)
    if facts.precision == GeoPrecision.REGION:
        return Window(first, last, admin1=facts.admin1)
    lat, lon = facts.lat, facts.lon
    dlat = math.degrees(max(rules.radius_km.values()) / EARTH_RADIUS_KM)
    dlon = min(180.0, dlat / max(math.cos(math.radians(lat)), 1e-6))  # type: ignore[arg-type]
    west, east = lon - dlon, lon + dlon  # type: ignore[operator]
    if dlon >= 180:  # near a pole: every longitude
        west, east = -180.0, 180.0
    return Window(
        first,
        last,
        max(-90.0, lat - dlat),  # type: ignore[operator]
        min(90.0, lat + dlat),  # type: ignore[operator]
        west + 360 if west < -180 else west,
        east - 360 if east > 180 else east,
        facts.admin1,
    )


def select_candidates(
    facts: IncidentFacts,
    record: Iterable[IncidentFacts],
    rules: MatchRules = DEFAULT_RULES,
) -> list[IncidentFacts]:
    """The record's incidents in :func:`candidate_window`, in memory (a store runs
    the same window as a query)."""
    window = candidate_window(facts, rules)
    return [candidate for candidate in record if window.holds(candidate)]
