"""Counts that point back to people counted before.

'Terrorists killed eight border guards in Sistan-Baluchestan' ... 'the eight
died in a border area of Negur': the second, a bare count after 'the', is the
same people: it takes their side, and where the first was counted only for the
whole report (its totals), the place the second names is where they were, so the
first is not kept as well. 'Killed one of them; the other two were wounded': the
rest of the people just counted, of their side."""

from __future__ import annotations

import re
from dataclasses import replace

from components.report.model import Figure, ReportIncident
from components.report.numbers import NUMBER, parse_number

_THE_COUNT = re.compile(r"\b(?:the|these|those|all)\s+$", re.IGNORECASE)
"""A definite count ('the eight'): people the text has counted before."""
_THE_OTHER = re.compile(r"\bthe\s+(?:other|remaining)\s+$", re.IGNORECASE)
"""'killed one of them; the other two were wounded': the rest of the same people."""
_NEAR = 200
"""How far back (in characters) the people 'the other two' belong to are named."""


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
        if _OF_THE_DEAD.match(figure.text) and not figure.of_the_wounded:
            _join_to_toll(figure, incident, where, index, totals)
            continue
        if _the_other(text, figure):
            named = _rest_of(figure, [other for other, _ in where[:index]])
            if named is not None:
                _swap(figure, named, incident, totals)
            continue
        if not (
            _definite(text, figure) or _the_wave_s_toll_at_its_one_place(where, index)
        ):
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
        _swap(figure, named, incident, totals)
        if incident is not None and (earlier[1] is None or earlier[1].event_wide):
            dropped.add(id(earlier[0]))
    for figure, incident in where:
        if (
            incident is None
            and _one_named(figure)
            and any(
                other.start < figure.start
                and other.outcome == figure.outcome
                and other.side == figure.side
                for other, home in where
                if home is not None
            )
        ):  # 'Head Constable Alauddin was martyred', after 'One police officer
            # was killed' at the place: one of those counted there
            dropped.add(id(figure))
    for figure, incident in where:
        homes = {
            id(home)
            for other, home in where
            if home is not None
            and not home.event_wide
            and other.start < figure.start
            and (other.value, other.outcome, other.side)
            == (figure.value, figure.outcome, figure.side)
        }
        if incident is None and len(homes) == 1 and figure.side != "unspecified":
            # 'six brave soldiers ... embraced Shahadat', after 'Six soldiers were
            # martyred ... in the Asman Manza area': the place's toll told again
            dropped.add(id(figure))
    for incident in incidents:
        if incident.event_wide:
            incident.figures = [f for f in incident.figures if id(f) not in dropped]
    return _told_by_side(incidents, [f for f in totals if id(f) not in dropped])


def _the_wave_s_toll_at_its_one_place(
    where: list[tuple[Figure, ReportIncident | None]], index: int
) -> bool:
    """Whether a count with no side at a place is the toll the report gave before
    for the whole wave, by side ('raided Nampanha and Mandela, beheading at least
    two civilians' ... 'two men were beheaded' at Nampanha): the same number and
    outcome in the totals, and no other place with a count of that outcome."""
    figure, incident = where[index]
    if incident is None or incident.event_wide or figure.side != "unspecified":
        return False
    in_totals = any(
        home is None
        and other.side != "unspecified"
        and (other.value, other.outcome) == (figure.value, figure.outcome)
        for other, home in where[:index]
    )
    elsewhere = any(
        home is not None
        and home is not incident
        and other.outcome == figure.outcome
        and other.value > 0  # 'No one was reported killed' there
        for other, home in where
    )
    return in_totals and not elsewhere


def _told_by_side(
    incidents: list[ReportIncident], totals: list[Figure]
) -> list[Figure]:
    """A total told by side ('Six critically injured, four troopers among
    them') that one place counted before with no side ('six others seriously
    injured' at Bhejji): the same people, the place's."""
    kept = []
    for figure in totals:
        homes = [
            incident
            for incident in incidents
            if not incident.event_wide
            and any(
                other.outcome == figure.outcome
                and other.value == figure.value
                and other.side == "unspecified"
                and not other.parts
                and other.start < figure.start
                for other in incident.figures
            )
        ]
        if figure.parts and len(homes) == 1:
            homes[0].figures.append(figure)
        else:
            kept.append(figure)
    return kept


_NAMED_ONE = re.compile(
    r"^(?:(?-i:[A-Z])[\w-]*\s+){1,4}(?-i:[A-Z])[a-z]+(?:\s+(?-i:[A-Z])[a-z]+){0,3}$"
)
"""'Head Constable Alauddin', 'Captain Ali Motahari': one person by rank and
name."""


def _one_named(figure: Figure) -> bool:
    return (
        figure.value == 1
        and figure.side != "unspecified"
        and bool(_NAMED_ONE.match(figure.text.strip()))
    )


_OF_THE_DEAD = re.compile(
    r"^(?:\S+\s+of\s+the\s+(?:dead|killed|victims|wounded|injured)|the\s+(?:\S+\s+)?"
    r"(?:dead|killed|victims|wounded|injured)\s+(?:in\s+(?:\S+\s+){1,2})?(?:now\s+)?"
    r"includ(?:ed|es?))\b",
    re.IGNORECASE,
)
"""'Three of the dead belonged to the VDP', 'The dead included two policemen':
some of the toll counted before."""


def _join_to_toll(
    figure: Figure,
    incident: ReportIncident | None,
    where: list[tuple[Figure, ReportIncident | None]],
    index: int,
    totals: list[Figure],
) -> None:
    """Make 'three of the dead' a part of the nearest earlier toll of the same
    outcome and place that names no side and holds more ('twelve people died'),
    so the toll is not counted twice; 'The dead included three women and two
    children' gives that toll two parts."""

    def room(toll: Figure) -> int:
        return toll.value - sum(part.value for part in toll.parts)

    found = next(
        (
            (at, other)
            for at, (other, home) in reversed(list(enumerate(where[:index])))
            if home is incident
            and other.outcome == figure.outcome
            and other.side == "unspecified"
            and (not other.parts or other.some_of)
            and room(other) > figure.value
            and figure.start - other.end <= _NEAR * 2
        ),
        None,
    )
    if found is None:
        return
    at, toll = found
    held = incident.figures if incident is not None else totals
    held.remove(figure)
    joined = replace(toll, parts=(*toll.parts, figure), some_of=True)
    _swap(toll, joined, incident, totals)
    where[at] = (joined, incident)


def _the_other(text: str, figure: Figure) -> bool:
    return figure.side == "unspecified" and bool(
        _THE_OTHER.search(text[max(0, figure.start - 20) : figure.start])
    )


def _rest_of(figure: Figure, earlier: list[Figure]) -> Figure | None:
    """'The other two' with the side of the people counted just before them."""
    before = next(
        (
            other
            for other in reversed(earlier)
            if other.side != "unspecified" and figure.start - other.end <= _NEAR
        ),
        None,
    )
    if before is None:
        return None
    return replace(figure, side=before.side, military=before.military)


def _swap(
    figure: Figure,
    named: Figure,
    incident: ReportIncident | None,
    totals: list[Figure],
) -> None:
    held = incident.figures if incident is not None else totals
    held[held.index(figure)] = named


_DEFINITE_NUMBER = re.compile(
    rf"\b(?:the|these|those|all)\s+(?P<number>{NUMBER})\b", re.IGNORECASE
)


def restates_count(text: str, earlier: str) -> bool:
    """Whether ``text`` names, with a definite article, a count ``earlier`` gives
    ('Besides the 62 people who lost their lives, ...' after '... killed 62
    people there'): it goes on about the same people."""
    numbers = set(_counts(earlier))
    return any(
        parse_number(m.group("number"))[0] in numbers
        for m in _DEFINITE_NUMBER.finditer(text)
    )


_SEVERAL_EVENTS = re.compile(
    r"\b(?:two|three|four|five|several|\d+)\s+(?:separate\s+|different\s+)?"
    r"(?:(?:military|security|joint)\s+)?(?:operations|attacks|raids|clashes|"
    r"incidents|ambushes|offensives)\b",
    re.IGNORECASE,
)


def parts_of_count(text: str, earlier: str) -> bool:
    """Whether ``text`` gives a part of a count ``earlier`` gave for several
    events ('at least 49 militants were killed in a joint operation', after
    'sixty-nine al-Shabab militants had been killed in two separate military
    operations'): it tells of one of those events."""
    if not _SEVERAL_EVENTS.search(earlier):
        return False
    wholes = _counts(earlier)
    return any(0 < part < whole for part in _counts(text) for whole in wholes)


def _counts(text: str) -> list[int]:
    """Every number written in ``text``, as a value."""
    return [
        parse_number(m.group())[0] for m in re.finditer(NUMBER, text, re.IGNORECASE)
    ]
