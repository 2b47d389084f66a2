"""What no place was named for, once the places are folded: the widest place
the report names holds the event's items, the one place of a report takes what
its text left unplaced, and the rest of the figures become the report's totals."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from components.domain.places import Place
from components.domain.vocabularies import GeoPrecision
from components.gazetteer import Gazetteer
from components.report.folding import (
    has_content,
    merge,
    told_apart,
    within,
)
from components.report.mentions import PlaceMention
from components.report.model import (
    OUTCOMES,
    Figure,
    ReportIncident,
    by_side,
)
from components.report.roads import is_road
from components.report.roles import INCIDENT
from components.report.scenes import Reading, add_items, put_elsewhere
from components.report.segments import sentences
from components.report.vocabulary import OTHER_EVENT


def widest_place(
    mentions: Sequence[PlaceMention],
    incidents: Sequence[ReportIncident],
    gazetteer: Gazetteer,
) -> ReportIncident | None:
    """The place that holds the report's totals and what no place was named for:
    the province (or district) the report names for its events, else the province
    all its incident places lie in."""
    scenes = [i.place for i in incidents if has_content(i)]
    provinces = {
        m.place.geonameid
        for m in mentions
        if m.place.kind == "province" and m.role == INCIDENT
    }
    areas = [
        m
        for m in mentions
        if m.place.kind in ("province", "district")
        and m.role == INCIDENT
        and (  # 'one in Ormara ... the other in North Waziristan': a scene
            # 'in the western province of Herat ... Meanwhile in Nangarhar
            # province': two provinces are two scenes, neither holds the other
            (m.place.kind == "province" and len(provinces) == 1)
            or all(
                p.geonameid == m.place.geonameid or within(p, m.place) for p in scenes
            )
        )
    ]
    areas.sort(
        key=lambda m: (
            not _holds_scenes(m.place, incidents),
            m.place.kind != "province",
            m.start,
        )
    )
    place = areas[0].place if areas else _province_of(incidents, gazetteer)
    if place is None:
        return None
    for incident in incidents:
        if incident.place.geonameid == place.geonameid:
            incident.event_wide = True
            return incident
    precision = (
        GeoPrecision.REGION if place.kind == "province" else GeoPrecision.NEAR_TOWN
    )
    return ReportIncident(place, precision, place.name, event_wide=True)


def _holds_scenes(area: Place, incidents: Sequence[ReportIncident]) -> bool:
    """Whether a district the report gives figures for holds two or more of its
    other scenes ('Four officials killed in attack on police in Lakki Marwat',
    then the police station and the road where a bomb hit the DSP's car): its
    figures are the whole event's."""
    if area.kind != "district":
        return False
    own = [i for i in incidents if i.place.geonameid == area.geonameid]
    inside = [
        i
        for i in incidents
        if i.place.geonameid != area.geonameid
        and has_content(i)
        and within(i.place, area)
    ]
    return any(i.figures for i in own) and len(inside) >= 2


def _province_of(
    incidents: Sequence[ReportIncident], gazetteer: Gazetteer
) -> Place | None:
    provinces = {(i.place.country, i.place.admin1) for i in incidents}
    if len(provinces) != 1:
        return None
    ((country, admin1),) = provinces
    return next(
        (
            p
            for p in gazetteer.candidates(admin1)
            if p.kind == "province" and p.country == country
        ),
        None,
    )


def settle(
    reading: Reading,
    incidents: list[ReportIncident],
    widest: ReportIncident | None,
) -> tuple[list[ReportIncident], list[Figure]]:
    """Place what no place was named for, and separate the report's totals.

    With one incident place, everything is that place's. With several, targets and
    attacks named for none of them stay at the widest place (province-wide items)
    and figures named for none of them, or for the widest place itself, are the
    totals. With none, the widest place is the incident.
    """
    named = [i for i in incidents if not i.event_wide]
    # A place where nothing is said to have happened is named for another reason
    # (a capital in a statement, a victim's home town).
    places = [
        i
        for i in named
        if has_content(i)
        or (id(i) in reading.hit and not _area_of_others(reading.text, i, named))
    ] or named
    locators = [i for i in places if _only_locates(reading.text, i)]
    if len(locators) < len(places):
        places = [i for i in places if i not in locators]
    if (
        widest is not None
        and widest.figures
        and places
        and all(told_apart(i) for i in places)
    ):  # 'seven soldiers were killed ... in the Bajaur tribal district ... In a
        # separate incident, a policeman was shot dead in Dera Ismail Khan'
        widest.event_wide = False
        places, widest = [widest, *places], None
    news = [i for i in places if not told_apart(i)]
    if (
        widest is not None
        and len(places) > 1
        and len(news) == 1
        and within(news[0].place, widest.place)
    ):  # 'killed 13 soldiers ... in Ghazni province ... the scene of the attack
        # in Khogyani district ... militants had also attacked ... in Malistan':
        # what the province was told of is the one place not told apart
        for _clause, sentence, targets, attacks, figures in reading.loose:
            if not OTHER_EVENT.search(sentence.text):
                add_items(news[0], targets, attacks, figures, reading.text, sentence)
        reading.loose = [
            item for item in reading.loose if OTHER_EVENT.search(item[1].text)
        ]
        _move_figures(widest, news[0])
    if widest is None and len(places) > 1:
        _lede_to_its_scene(reading, places)
    totals: list[Figure] = []
    for _clause, sentence, targets, attacks, figures in reading.loose:
        if len(places) == 1 and OTHER_EVENT.search(sentence.text):
            totals.extend(figures)  # 'In other news, troops killed 12 fighters'
        elif len(places) == 1:
            add_items(places[0], targets, attacks, figures, reading.text, sentence)
        elif widest is not None:
            add_items(widest, targets, attacks, figures, reading.text, sentence)
        else:
            totals.extend(figures)
    if (
        widest is not None
        and len(places) == 1
        and widest.figures
        and widest.place.kind == "province"
        and places[0].place.country == widest.place.country
        and not within(places[0].place, widest.place)
    ):  # 'the fighting in Kamdesh district' (Nuristan) ... 'a roadside bomb ...
        # in Uruzgan province, killing four civilians': two scenes of a country
        # (a place across a border is more likely a namesake read wrong)
        widest.event_wide = False
        places, widest = [*places, widest], None
    if (
        widest is not None
        and len(places) == 1
        and widest.figures
        and widest.place.kind == "district"
        and put_elsewhere(reading.text, places[0], widest.place)
    ):  # '16 militants were killed ... in Orakzai' ... 'arrested ... in the
        # Shabqadar area of Charsadda': the district's toll is its own
        widest.event_wide = False
        places, widest = [widest, *places], None
    if widest is not None and places:
        if len(places) == 1:  # the report's one place: its figures are the place's
            _move_figures(widest, places[0])
            if within(places[0].place, widest.place) and not told_apart(places[0]):
                # 'ambushed a police checkpost in Khyber Pakhtunkhwa province' ...
                # 'struck the Fateh Khel police checkpost in Bannu': one attack
                merge(widest, places[0])
                widest.targets, widest.attacks = [], []
        else:
            totals.extend(widest.figures)
            widest.figures = []
    kept = list(places)
    if widest is not None and (has_content(widest) or not kept):
        kept.append(widest)
    return kept, _stated_at_a_place(kept, _rest_of_a_total(reading.text, kept, totals))


_ONE_UNNAMED_SCENE = re.compile(
    r"\b(?:on|in|at|near)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:village|town|city|"
    r"checkpoint|check ?post|police station|military base|army base|camp|market|"
    r"mosque|church|school)\s+(?:in|near|outside|on)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?-i:[A-Z])",
    re.IGNORECASE,
)
"""'in an overnight raid on a village in northern Cameroon': one scene, not
named yet."""


_TOLD_WHERE = re.compile(
    r"\b(?:attack|assault|ambush|blast|explosion|bombing|raid|incident|shooting)\b"
    r"[^.;]{0,80}?\b(?:happened|took place|occurred)\b|"
    r"\bthe\s+(?:attack|assault|ambush|blast|explosion|bombing|raid)\s+(?:in|at|on)\s+"
    r"(?-i:[A-Z])",
    re.IGNORECASE,
)
"""'the attack happened shortly after noon on Sunday ... near El Gavilán', 'The
attack in Boma, early on Monday, ...': the sentence says where the attack told
of before was."""


def _lede_to_its_scene(reading: Reading, places: list[ReportIncident]) -> None:
    """The lede's toll at one scene it does not name ('killed at least 11 people
    in an overnight raid on a village in northern Cameroon'), then 'burned more
    than 30 houses in Gakara village': the toll is the first place named after
    it, where that place has no toll of its own and is not told apart. So is it
    where the first place named after it is named to say where the attack
    happened ('an ambush ... that left six officers dead', then 'the attack
    happened ... near the community of El Gavilán'). The headline's toll and the
    lede's, both before that place, are its."""
    for index, (_clause, sentence, _targets, _attacks, figures) in enumerate(
        reading.loose
    ):
        if not figures or sentence.paragraph > 2:
            continue
        if OTHER_EVENT.search(sentence.text):
            return
        unnamed = bool(_ONE_UNNAMED_SCENE.search(sentence.text))
        after = [
            (start, incident)
            for incident in places
            if (start := _first_place_at(incident)) >= sentence.end
        ]
        if not after:
            return
        at, first = min(after, key=lambda pair: pair[0])
        said = next(e.sentence for e in first.evidence if e.start == at)
        same = [
            i
            for s, i in sorted(after, key=lambda pair: pair[0])
            if not is_road(i)
            and any(e.start == s and e.sentence == said for e in i.evidence)
        ]
        if is_road(first) and same:  # 'on the Taxco-Amacuzac highway near the
            at, first = _first_place_at(same[0]), same[0]  # community of El Gavilán'
        told_where = any(
            e.start == at and _TOLD_WHERE.search(e.sentence) for e in first.evidence
        )
        if not (unnamed or told_where) or first.figures or told_apart(first):
            return
        # the headline's toll and the lede's, both before the place: one attack
        for later, item in enumerate(reading.loose[index:], start=index):
            if item[1].end > at:
                break
            add_items(first, *item[2:], reading.text, item[1])
            reading.loose[later] = (item[0], item[1], [], [], [])
        return


def _stated_at_a_place(
    kept: list[ReportIncident], totals: list[Figure]
) -> list[Figure]:
    """'at least five police officers were killed in the fight for the centre
    of Kohistan district' ... 'the Taliban's spokesman said the militants had
    killed at least 15 police officers': a count that stands only where no toll
    is stated (a group's claim, bodies found) is no total where a place of the
    report states another toll of the same side. The same count told again
    ('six injured ... six critically injured were flown to Raipur') is kept."""
    stated: dict[tuple[str, str], set[int]] = {}
    for incident in kept:
        for figure in incident.figures:
            if not figure.secondary:
                for side in by_side(figure):
                    stated.setdefault((figure.outcome, side), set()).add(figure.value)
    return [
        figure
        for figure in totals
        if not figure.secondary
        or not any(
            figure.value not in stated.get((figure.outcome, side), {figure.value})
            for side in by_side(figure)
        )
    ]


def _first_place_at(incident: ReportIncident) -> int:
    return min((e.start for e in incident.evidence if e.what == "place"), default=-1)


def _rest_of_a_total(
    text: str, kept: list[ReportIncident], totals: list[Figure]
) -> list[Figure]:
    """'Eight law enforcement personnel ... were martyred in two separate
    incidents in the Lakki Marwat and Bajaur districts' ... 'in the Kurrum Par
    area of Lakki Marwat, ... killed six personnel': the two left of the eight
    are Bajaur's, the one place the total names that has no toll of its own.
    The total, all of one side and exact, is then told as the two places'
    tolls."""
    named = [i for i in kept if not i.event_wide]
    if len(named) != 2:
        return totals
    for total in totals:
        sides = {side for side in by_side(total) if side != "unspecified"}
        hedged = total.at_least or total.approximate or total.high is not None
        if len(sides) != 1 or "unspecified" in by_side(total) or hedged:
            continue  # 'at least 15 attackers': no rest is said
        (side,) = sides
        sentence = _sentence_at(text, total.start)
        if not all(
            any(re.search(rf"\b{re.escape(n)}\b", sentence) for n in _names_of(i))
            for i in named
        ):
            continue
        tolls = [i.counts[total.outcome] for i in named]
        counted = [
            (incident, toll[side])
            for incident, toll in zip(named, tolls, strict=True)
            if any(v is not None for v in toll.values())
        ]
        if len(counted) != 1 or counted[0][1] is None:
            continue
        told, rest = counted[0][0], total.value - counted[0][1]
        if rest <= 0:
            continue
        (other,) = [i for i in named if i is not told]
        other.figures.append(replace(total, value=rest, parts=(), side=side))
        return [f for f in totals if f is not total]
    return totals


def _names_of(incident: ReportIncident) -> list[str]:
    """The names the text gives an incident's place: its own and, for a name
    the gazetteer lacks, the wider place the text keeps it at."""
    names = [incident.place_reported]
    item = incident.unplaced
    if item is not None and item.wider is not None:
        names.append(item.wider.name)
    return names


def _sentence_at(text: str, at: int) -> str:
    return next((s.text for s in sentences(text) if s.start <= at < s.end), "")


_AREA_WORD_AFTER = re.compile(
    r"^\s+(?:county|state|province|region|district|territory|governorate)\b",
    re.IGNORECASE,
)


def _area_of_others(
    text: str, incident: ReportIncident, named: Sequence[ReportIncident]
) -> bool:
    """Whether a place where nothing is said to have happened is named as the
    area other attack places lie in ('a string of attacks across Mandera County
    ... at Iresuki ... at Elwak'): the wave's area, not a scene of its own."""
    return (
        not has_content(incident)
        and any(
            e.what == "place" and _AREA_WORD_AFTER.match(text[e.end : e.end + 20])
            for e in incident.evidence
        )
        and any(other is not incident and has_content(other) for other in named)
    )


_LANDMARK_NEAR = re.compile(
    r"(?-i:[A-Z])[\w'-]*\s+(?:near|close to|next to|outside)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
"""'at Pinjara Bridge near Dhadar': the name before 'near' is the scene."""


def _only_locates(text: str, incident: ReportIncident) -> bool:
    """A place named only to say where a named landmark lies ('found at Pinjara
    Bridge near Dhadar'), with nothing tied to it: the landmark is the scene, and
    the place is not where the attack was."""
    named = [e for e in incident.evidence if e.what == "place"]
    return (
        bool(named)
        and not has_content(incident)
        and all(
            _LANDMARK_NEAR.search(text[max(0, e.start - 60) : e.start]) for e in named
        )
    )


def _move_figures(source: ReportIncident, target: ReportIncident) -> None:
    target.figures.extend(source.figures)
    target.evidence.extend(e for e in source.evidence if e.what in OUTCOMES)
    source.figures = []
