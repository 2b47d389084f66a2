"""Figures a report states twice: 'terrorists killed eight border guards in
Sistan-Baluchestan' ... 'the eight died in a border area of Negur'. The second,
a bare count after 'the', is the same people: it takes their side, and where the
first was counted only for the whole report (its totals), the place the second
names is where they were, so the first is not kept as well."""

from __future__ import annotations

import re
from dataclasses import replace

from components.report.model import Figure, ReportIncident

_THE_COUNT = re.compile(r"\b(?:the|these|those|all)\s+$", re.IGNORECASE)
"""A definite count ('the eight'): people the text has counted before."""


def _definite(text: str, figure: Figure) -> bool:
    return (
        figure.side == "unspecified"
        and not figure.parts
        and figure.text.strip().split()[-1].lower()
        not in {"people", "persons", "others", "more"}
        and bool(_THE_COUNT.search(text[max(0, figure.start - 12) : figure.start]))
    )


def restate(
    text: str, incidents: list[ReportIncident], totals: list[Figure]
) -> list[Figure]:
    """Give each definite count the side of the nearest earlier figure of the same
    number and outcome; drop that earlier figure from ``totals`` when the count
    belongs to a place. Returns the totals kept."""
    where: list[tuple[Figure, ReportIncident | None]] = [
        (figure, incident) for incident in incidents for figure in incident.figures
    ] + [(figure, None) for figure in totals]
    where.sort(key=lambda pair: pair[0].start)
    dropped: set[int] = set()
    for index, (figure, incident) in enumerate(where):
        if not _definite(text, figure):
            continue
        earlier = next(
            (
                (other, home)
                for other, home in reversed(where[:index])
                if other.value == figure.value
                and other.outcome == figure.outcome
                and other.side != "unspecified"
                and not other.parts
            ),
            None,
        )
        if earlier is None:
            continue
        named = replace(figure, side=earlier[0].side, military=earlier[0].military)
        if incident is not None:
            incident.figures[incident.figures.index(figure)] = named
            if earlier[1] is None or earlier[1].event_wide:
                dropped.add(id(earlier[0]))
        else:
            totals[totals.index(figure)] = named
    for incident in incidents:
        if incident.event_wide:
            incident.figures = [f for f in incident.figures if id(f) not in dropped]
    return [figure for figure in totals if id(figure) not in dropped]
