"""Reading a sentence clause by clause: which place each clause's targets, attacks
and figures belong to (the place it names, the place it points back to, the
sentence's one place), or none (the event's, settled later)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from components.domain.places import Place, haversine_km
from components.domain.vocabularies import GeoPrecision
from components.gazetteer import normalize_name
from components.report.dates import (
    sentence_date,
)
from components.report.figures import (
    find_figures,
    of_them_before,
    others_of_before,
)
from components.report.mentions import PlaceMention
from components.report.model import (
    Figure,
    Mention,
    ReportIncident,
    evidence_at,
)
from components.report.names import DISTRICT_AFTER
from components.report.roles import BLOCKADE, INCIDENT
from components.report.segments import NAME_FOLLOWS, Sentence, Span, clauses
from components.report.targets import codes_in
from components.report.vocabulary import (
    ANAPHORA,
    ATTACK_PHRASES,
    HIT_WORDS,
    OTHER_EVENT,
    TARGET_PHRASES,
    TOTAL_MARKERS,
)
from components.report.vocabulary.outcomes import TALLY_VERBS

_QUALIFIER_GAP = re.compile(
    r"^(?:'s)?[\s,(]*(?:(?:area|district|tehsil|town|city|village|region)(?:'s)?\s+)?"
    r"(?:(?:of|in)\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)


def _reduce(text: str, mentions: Sequence[PlaceMention]) -> list[PlaceMention]:
    """Drop a province or district that only qualifies a place inside it, named
    next to it ('Balochistan's Turbat', 'Tump in Kech district', 'Turbat, Kech',
    'the town of Bhag, in Balochistan's Kachhi district', 'a checkpost close to
    Lachi Toll Plaza, on the Indus Highway in the Kohat district'): the finer
    place is where it happened. A province named anywhere in the clause of a place
    inside it qualifies it ('In Balochistan, ... a naval base in Turbat'; 'Dera
    Ismail Khan, the southernmost district of Khyber Pakhtunkhwa'). A district
    named apart ('a market in Kech district') is a place of its own. Linear in the
    mentions: a district qualifies only the names right before and after it
    (provinces between them aside)."""
    ordered = sorted(mentions, key=lambda m: m.start)
    by_admin1: dict[str, set[int]] = {}
    for mention in ordered:
        by_admin1.setdefault(mention.place.admin1, set()).add(mention.place.geonameid)
    dropped: set[int] = set()
    for outer in ordered:
        place = outer.place
        if place.kind == "province" and by_admin1.get(place.admin1, set()) - {
            place.geonameid
        }:
            dropped.add(id(outer))
    named = [m for m in ordered if m.place.kind != "province"]
    areas = [area_like(m.place) for m in named]
    for index, outer in enumerate(named):
        if not areas[index]:
            continue
        for other in (index - 1, index + 1):
            if not 0 <= other < len(named) or areas[other]:
                continue
            inner = named[other]
            first, second = sorted((outer, inner), key=lambda m: m.start)
            gap = _without_provinces(text, first.end, second.start, ordered)
            if _inside(inner, outer) and (
                _QUALIFIER_GAP.match(gap)
                or (
                    first is inner
                    and _LOCATIVE_TAIL.match(gap)
                    and not _ANOTHER_CLAUSE.search(gap)
                    and DISTRICT_AFTER.match(text[second.end : second.end + 20])
                )
            ):
                dropped.add(id(outer))
    return [m for m in mentions if id(m) not in dropped]


def _inside(inner: PlaceMention, outer: PlaceMention) -> bool:
    """Whether the place of ``inner`` lies in ``outer``'s district, or is a name
    the gazetteer lacks that the text keeps at it ('Khuzdar district's Nasl
    area')."""
    kept = inner.unplaced
    if kept is not None and kept.wider is not None:
        return kept.wider.geonameid == outer.place.geonameid
    return lies_in(inner.place, outer.place)


_LOCATIVE_TAIL = re.compile(r"^[^.;:]{0,70}?\b(?:in|of)\s+(?:the\s+)?$", re.I)
"""'Lachi Toll Plaza, on the Indus Highway in the [Kohat district]': a place's
own phrase that ends by naming the district it lies in."""
_ANOTHER_CLAUSE = re.compile(
    r"\b(?:and|or|while|as well as|then|also|killing|killed|attacked|struck|"
    r"where|when)\b",
    re.IGNORECASE,
)
_NEAR_KM = 80.0
"""A town the gazetteer gives no district for lies in the district the text
names around it when its district's point is this close."""


def lies_in(inner: Place, area: Place) -> bool:
    """Whether ``inner`` lies in the district ``area`` (a district or its seat):
    the gazetteer says so, or gives no district for it and the text's district
    is near (same province, within :data:`_NEAR_KM`)."""
    if inner.geonameid == area.geonameid or inner.admin1 != area.admin1:
        return False
    if inner.district:
        return inner.district == (area.district or area.name)
    if inner.precision != GeoPrecision.TOWN:
        return False  # a name kept at a wider place has no point of its own
    return haversine_km(inner.lat, inner.lon, area.lat, area.lon) <= _NEAR_KM


_AREA_OF = re.compile(
    r"\s+(?:area|tehsil|town|village|locality)\s+(?:of|in)\s+(?:the\s+)?"
    r"(?-i:([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?))",
    re.IGNORECASE,
)
"""'the Shabqadar area of Charsadda': the area the text puts a name in."""


def put_elsewhere(text: str, incident: ReportIncident, area: Place) -> bool:
    """Whether the text puts a town the gazetteer gives no district for in
    another area than ``area`` ('the Shabqadar area of Charsadda', with Orakzai
    near): the text's own area outranks a guess by distance. A name the
    gazetteer lacks is put elsewhere by the district the text keeps it in ('the
    Tiarza area of South Waziristan', with four more killed 'in Bajaur agency,
    further north')."""
    if incident.unplaced:
        wider = incident.unplaced.wider
        return (
            wider is not None
            and wider.kind == "district"
            and wider.geonameid != area.geonameid
            and not lies_in(wider, area)
        )
    if incident.place.district:
        return False
    own = {normalize_name(n) for n in (area.name, area.district) if n}
    for match in re.finditer(rf"\b{re.escape(incident.place_reported)}\b", text):
        said = _AREA_OF.match(text, match.end())
        if said and normalize_name(said.group(1)) not in own:
            return True
    return False


def within(place: Place, area: Place) -> bool:
    """Whether ``place`` lies in ``area``: a country, a province or a district."""
    if area.kind == "country":
        return place.country == area.country
    if area.kind == "province":
        return (place.country, place.admin1) == (area.country, area.admin1)
    return lies_in(place, area)


def _without_provinces(
    text: str, start: int, end: int, mentions: Sequence[PlaceMention]
) -> str:
    """The text between two names without the provinces named in it and their
    possessive ('in Balochistan's Kachhi' reads 'in Kachhi')."""
    pieces, at = [], start
    for mention in mentions:
        if mention.place.kind == "province" and start <= mention.start < end:
            pieces.append(text[at : mention.start])
            at = mention.end + (2 if text.startswith("'s", mention.end) else 0)
    pieces.append(text[at:end])
    return "".join(pieces)


@dataclass
class Reading:
    """State while reading the clauses in order."""

    text: str
    today: dt.date | None
    by_place: dict[int, ReportIncident] = field(default_factory=dict)
    last: list[ReportIncident] = field(default_factory=list)
    """The incidents the last sentence that spoke of any spoke of."""
    previous: tuple[int, list[ReportIncident]] = (-1, [])
    """The paragraph of the sentence just read, and the incidents it spoke of."""
    loose: list[tuple[Span, Sentence, list[Mention], list[Mention], list[Figure]]] = (
        field(default_factory=list)
    )
    """(clause, sentence, targets, attacks, figures) tied to no place yet."""
    hit: set[int] = field(default_factory=set)
    """Incidents (by id) named in a clause that tells of an attack."""
    said_before: str = ""
    """The text of the news sentence just read ('the SUV carrying the seven
    security personnel'), for an 'of them' opening the next."""

    def incident(self, mention: PlaceMention, sentence: Sentence) -> ReportIncident:
        incident = self.by_place.get(mention.place.geonameid)
        if incident is None:
            incident = ReportIncident(
                mention.place,
                mention.precision,
                mention.text,
                sentence_date(sentence, self.today),
                ambiguous=bool(mention.candidates)
                and mention.candidates[0].geonameid != mention.place.geonameid,
                unplaced=mention.unplaced,
            )
            self.by_place[mention.place.geonameid] = incident
        elif incident.date is None:  # undated where first named: the next day said
            incident.date = sentence_date(sentence, self.today)
        evidence = evidence_at(self.text, mention.start, mention.end, sentence, "place")
        incident.evidence.append(evidence)
        return incident


def read_sentence(
    reading: Reading, sentence: Sentence, mentions: list[PlaceMention]
) -> None:
    text = reading.text
    touched: list[ReportIncident] = []
    pending: list[
        tuple[Span, Sentence, list[Mention], list[Mention], list[Figure]]
    ] = []
    """Opening clauses with no place, for the sentence's one place if it has one."""
    before: list[Figure] = []
    for clause in clauses(sentence):
        in_clause = [m for m in mentions if clause.start <= m.start < clause.end]
        targets = codes_in(clause, sentence, text, TARGET_PHRASES, "target")
        attacks = codes_in(clause, sentence, text, ATTACK_PHRASES, "attack")
        figures = others_of_before(find_figures(clause), before, clause)
        figures = of_them_before(
            figures, text[sentence.start : clause.start] or reading.said_before
        )
        before = figures or before
        acts = [a for a in attacks if not _ACTORS.fullmatch(a.evidence.text)]
        places = _reduce(text, _scenes(in_clause, bool(acts or figures)))
        if len(places) > 1 and all(m.place.kind == "province" for m in places):
            places = []  # 'attacks in the Tillaberi, Diffa and Dosso regions'
        whole = [f for f in figures if _is_whole(reading.text, f)]
        if places and whole:  # "killed 23 terrorists in all": the whole event's
            figures = [f for f in figures if f not in whole]
            reading.loose.append((clause, sentence, [], [], whole))
        if places and (targets or attacks or figures or HIT_WORDS.search(clause.text)):
            for mention in places:
                _hit(reading, reading.incident(mention, sentence), sentence)
        if len(places) == 1:
            incident = reading.incident(places[0], sentence)
            add_items(incident, targets, attacks, figures, text, sentence)
            touched.append(incident)
        elif places:
            incidents = [reading.incident(m, sentence) for m in places]
            touched.extend(incidents)
            _share(
                incidents, places, clause, targets, attacks, figures, reading, sentence
            )
        elif touched and not TOTAL_MARKERS.search(clause.text):
            add_items(touched[-1], targets, attacks, figures, text, sentence)
        elif (
            continued := _continued(reading, sentence, clause)
        ) is not None and not TOTAL_MARKERS.search(clause.text):
            restated = _restated(reading, figures)
            if restated:
                reading.loose.append((clause, sentence, [], [], restated))
            figures = [f for f in figures if f not in restated]
            add_items(continued, targets, attacks, figures, text, sentence)
            if continued.date is None and not _BEFORE_THE_NEWS.search(clause.text):
                # 'rode into the community ... on Sunday'
                continued.date = sentence_date(sentence, reading.today)
            touched.append(continued)
        elif targets or attacks or figures:
            item = (clause, sentence, targets, attacks, figures)
            opening = not touched and not TOTAL_MARKERS.search(clause.text)
            (pending if opening else reading.loose).append(item)
    touched = list(dict.fromkeys(touched))
    if len(touched) == 1:  # 'A policeman and four labourers were killed, and two
        for _, _, targets, attacks, figures in pending:  # ... in Turbat was attacked'
            add_items(touched[0], targets, attacks, figures, text, sentence)
    else:
        reading.loose.extend(pending)
    reading.previous = (sentence.paragraph, touched)
    reading.said_before = sentence.text
    if touched:
        reading.last = touched


_BEFORE_THE_NEWS = re.compile(
    r"\bhad\s+(?:already\s+|also\s+)?been\s+(?:reported|heard|seen|spotted|noticed)\b",
    re.IGNORECASE,
)
"""'firing had been reported around the same room on Thursday night': what was
noticed before the attack, not its day."""


def _hit(reading: Reading, incident: ReportIncident, sentence: Sentence) -> None:
    """The place is told of as hit. First named earlier in a sentence that told of
    no attack there ('On Friday, tribal elders of Kurram district had agreed to a
    ceasefire'), its day is this sentence's, not that one's."""
    if id(incident) in reading.hit:
        return
    reading.hit.add(id(incident))
    if incident.evidence and incident.evidence[0].start < sentence.start:
        incident.date = sentence_date(sentence, reading.today)


def _restated(reading: Reading, figures: list[Figure]) -> list[Figure]:
    """Figures a sentence that only points back to an attack repeats from the
    whole event's ('killed 24 terrorists in attacks in Mach and Kolpur' ... '24
    terrorists were killed in the operation'): they stay the event's."""
    event = {
        (f.side, f.outcome, f.value)
        for *_, loose_figures in reading.loose
        for f in loose_figures
    }
    return [f for f in figures if (f.side, f.outcome, f.value) in event]


def _continued(
    reading: Reading, sentence: Sentence, clause: Span
) -> ReportIncident | None:
    """The incident a clause with no place goes on about: the one the last
    sentence about an incident spoke of, when the clause points back to it ('the
    attack', 'there'); or the one the sentence just before, in the same paragraph,
    spoke of ('... in Paroom tehsil. Two others were wounded.')."""
    if OTHER_EVENT.search(sentence.text):
        return None  # 'a separate roadside bomb exploded 25 miles away'
    paragraph, just_before = reading.previous
    if paragraph == sentence.paragraph and len(just_before) == 1:
        return just_before[0]
    if len(reading.last) == 1 and ANAPHORA.search(clause.text):
        return reading.last[0]
    if (
        len(reading.by_place) == 1
        and reading.last
        and not _NEXT_EVENT.match(sentence.text)
    ):
        return reading.last[0]  # the one place named so far: the news's
    return None


_NEXT_EVENT = re.compile(
    r"^\W*(?:also|meanwhile|separately|elsewhere|in addition|in (?:a|an) "
    r"(?:separate|second|further)|in another)\b",
    re.IGNORECASE,
)
"""A sentence opening on another event ('Also on Monday night, ... attacked a
Federal Police unit'): what it counts is not the one place named before."""


_ACTORS = re.compile(
    r"(?:armed|masked|unknown|unidentified)\s+(?:men|gunmen)|gunmen|militants|"
    r"terrorists|insurgents|attackers|assailants",
    re.IGNORECASE,
)
"""Who attacked, not what they did: 'Armed men ... set up road blockades in
Kolpur' tells of no attack there."""


def _scenes(in_clause: list[PlaceMention], attacked: bool) -> list[PlaceMention]:
    """The clause's places that can be where it happened. Places where roads were
    only blocked ('blocked highways in Turbat and Panjgur') are scenes only when
    the clause tells of an attack or figures and names no other place ('blocked
    the highway in Mastung and opened fire on vehicles, killing five')."""
    scenes = [m for m in in_clause if m.role == INCIDENT]
    if not scenes and attacked:
        scenes = [m for m in in_clause if m.role == BLOCKADE]
    return scenes


def add_items(
    incident: ReportIncident,
    targets: list[Mention],
    attacks: list[Mention],
    figures: list[Figure],
    text: str,
    sentence: Sentence,
) -> None:
    incident.targets.extend(targets)
    incident.attacks.extend(attacks)
    incident.figures.extend(figures)
    incident.evidence.extend(m.evidence for m in (*targets, *attacks))
    incident.evidence.extend(
        evidence_at(text, f.start, f.end, sentence, f.outcome) for f in figures
    )


_WHOLE_AFTER = re.compile(r"^\s*(?:in all|in total|altogether|overall)\b", re.I)


_WHOLE_BEFORE = re.compile(r"\b(?:a total of|in all|altogether)\s+$", re.I)


def _is_whole(text: str, figure: Figure) -> bool:
    """A figure said to be the whole count ('23 terrorists in all', 'a total of
    23'): the event's, not the place's its clause names."""
    return bool(
        _WHOLE_AFTER.match(text[figure.end : figure.end + 20])
        or _WHOLE_BEFORE.search(text[max(0, figure.start - 20) : figure.start])
    )


_TIED = re.compile(
    r"^(?:\s*,[^,.;]{1,40},)?\s*(?:\w+\s+){0,3}?(?:in|at|near|of|outside)\s+"
    r"(?:the\s+)?$",
    re.I,
)
"""Between an item and the place it is tied to, perhaps after an aside ('two
people, all of them men, at Bulongo')."""


def _share(
    incidents: list[ReportIncident],
    places: list[PlaceMention],
    clause: Span,
    targets: list[Mention],
    attacks: list[Mention],
    figures: list[Figure],
    reading: Reading,
    sentence: Sentence,
) -> None:
    """Several places in one clause: an item goes to the place it is tied to
    ('a bank in Panjgur', '4 policemen were killed in Turbat'); the rest are not
    pinned on any one of them."""
    text = reading.text
    loose_targets, loose_figures = [], []
    for scene, figure in _respectively(clause, places, figures):
        add_items(incidents[places.index(scene)], [], [], [figure], text, sentence)
        figures = [f for f in figures if f is not figure]
    for target in targets:
        place = _tied_place(text, target.evidence.end, places)
        if place is None:
            loose_targets.append(target)
        else:
            add_items(incidents[places.index(place)], [target], [], [], text, sentence)
    for figure in figures:
        place = _tied_place(text, figure.end, places, listed=False) or _tallied_at(
            text, figure.start, places
        )
        if place is None and figure.value == 0 and len(places) <= 3:
            # 'foiled similar attacks in Nasir Bagh and Mattani without
            # casualties': nobody hurt at any of them
            for incident in incidents:
                add_items(incident, [], [], [figure], text, sentence)
        elif place is None:
            loose_figures.append(figure)
        else:
            add_items(incidents[places.index(place)], [], [], [figure], text, sentence)
    for incident in incidents:  # attack types named for all of them
        if len(attacks) and len(places) <= 3:
            add_items(incident, [], attacks, [], text, sentence)
    if loose_targets or loose_figures:
        reading.loose.append((clause, sentence, loose_targets, [], loose_figures))


_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)


def _respectively(
    clause: Span, places: list[PlaceMention], figures: list[Figure]
) -> list[tuple[PlaceMention, Figure]]:
    """'At Kurechin Giye and Kurechin Dutse the bandits killed four and six
    persons respectively': each outcome's counts, in order, go to the places in
    order, where there are as many of them as places."""
    if not _RESPECTIVELY.search(clause.text):
        return []
    pairs: list[tuple[PlaceMention, Figure]] = []
    for outcome in ("killed", "injured"):
        counts = [f for f in figures if f.outcome == outcome]
        if len(counts) == len(places):
            pairs.extend(zip(places, counts, strict=True))
    return pairs


def _tallied_at(
    text: str, start: int, places: list[PlaceMention]
) -> PlaceMention | None:
    """The place named right before a count, in a tally by place ('Sakkada lost
    seven people, Gyadadde four')."""
    for place in places:
        if place.end <= start and _TALLY_GAP.fullmatch(text[place.end : start]):
            return place
    return None


_TALLY_GAP = re.compile(rf"\s+(?:(?:{TALLY_VERBS})\s+)?", re.IGNORECASE)


def _tied_place(
    text: str, end: int, places: list[PlaceMention], listed: bool = True
) -> PlaceMention | None:
    """The place right after an item, joined by 'in', 'at' or 'near' with at most
    three words between ('a bank in Panjgur', '4 policemen were killed in Turbat');
    not ``listed``, none where a list of places goes on after it (a count is not
    the first place's alone)."""
    following = [place for place in places if place.start >= end]
    if following:
        place = min(following, key=lambda p: p.start)
        if _TIED.match(text[end : place.start]) and (
            listed or not NAME_FOLLOWS.match(text[place.end : place.end + 40])
        ):
            return place
    return None


def area_like(place: Place) -> bool:
    """A district, or a town that bears its district's name (its seat, which
    reports name for the district: 'Panjgur district', 'Dera Ismail Khan')."""
    return place.kind == "district" or (
        bool(place.district)
        and normalize_name(place.name) == normalize_name(place.district)
    )
