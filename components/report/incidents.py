"""From clauses to incidents: each place with its targets, attacks and figures.

The text is read clause by clause. A clause that names an incident place starts
(or continues) that place's incident, and what else it names belongs to it: its
targets, attack types and figures. A clause with no place belongs to the incident
of the sentence before when it points back to it ("the attack", "there"), or when
the report has one incident place only. Otherwise its figures are the report's
totals for the whole event, kept at the widest place the report gives (its
province or district), and never added to the places' own figures. Sentences about
earlier events are listed as background and make no incident.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import re
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from components.domain.places import Place
from components.domain.vocabularies import ATTACK_TYPES, TARGET_TYPES, GeoPrecision
from components.gazetteer import Gazetteer, normalize_name
from components.report.dates import (
    ReportDate,
    before_the_lede,
    cue,
    report_date,
    sentence_date,
)
from components.report.figures import (
    OUTCOMES,
    SIDES,
    Figure,
    by_side,
    described_sides,
    find_figures,
    victims_side,
)
from components.report.places import PlaceMention, find_places
from components.report.roles import BLOCKADE, INCIDENT
from components.report.segments import Sentence, Span, clauses, plain, sentences
from components.report.unplaced import UnplacedName
from components.report.vocabulary import (
    ANAPHORA,
    ATTACK_PHRASES,
    HIT_WORDS,
    NOT_A_TARGET,
    TARGET_PHRASES,
    TOTAL_MARKERS,
)


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
    to the hospital'.

    A count of people with no side that equals a count of one side, for the same
    outcome, is the same people named twice ('wounding eight others' ... 'eight
    police officers were wounded'): it is not kept as a second group."""
    figures = list(figures)
    counts = _empty_counts()
    plain: dict[str, set[tuple[int, int]]] = {outcome: set() for outcome in OUTCOMES}
    named: dict[str, set[tuple[int, int]]] = {outcome: set() for outcome in OUTCOMES}
    for number, figure in enumerate(sorted(figures, key=lambda f: f.secondary)):
        if figure.side == "unspecified":
            rest = by_side(figure).get("unspecified")
            if rest is not None:  # 'five people, a policeman among them': four
                plain[figure.outcome].add((rest, number))
        stated = {s for s, v in counts[figure.outcome].items() if v is not None}
        for side, value in by_side(figure).items():
            if side != "unspecified":
                named[figure.outcome].add((value, number))
            known = counts[figure.outcome][side]
            if figure.secondary and known is not None:
                continue
            if figure.secondary and side == "unspecified" and stated:
                continue  # bodies found, where the sides' tolls are stated
            counts[figure.outcome][side] = value if known is None else max(known, value)
    for outcome, sides in counts.items():
        unspecified = sides["unspecified"]
        rests = {number for value, number in plain[outcome] if value == unspecified}
        others = {number for value, number in named[outcome] if value == unspecified}
        if rests and others - rests:  # named by another figure than the rest's
            sides["unspecified"] = None
    return counts


@dataclass(frozen=True, slots=True)
class Background:
    """A sentence about an earlier event: shown, never counted as today's."""

    key: int
    """The sentence's start offset: what an override names."""
    evidence: Evidence
    figures: tuple[Figure, ...]
    places: tuple[str, ...]

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
        return tally(self.totals)

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


# --- Reading the text -------------------------------------------------------------


def _evidence(text: str, start: int, end: int, sentence: Span, what: str) -> Evidence:
    return Evidence(
        start,
        end,
        text[start:end],
        text[sentence.start : sentence.end],
        sentence.start,
        what,
    )


def _codes(
    clause: Span,
    sentence: Span,
    text: str,
    table: Mapping[str, re.Pattern[str]],
    what: str,
) -> list[Mention]:
    """Vocabulary codes named in a clause; a phrase inside a longer one counts once,
    and a target named only as where the wounded went (or a jurisdiction) not at all."""
    found: list[Mention] = []
    spans: list[tuple[int, int]] = []
    body = clause.text
    for code, pattern in table.items():
        for match in pattern.finditer(body):
            start, end = clause.start + match.start(), clause.start + match.end()
            if any(a < end and start < b for a, b in spans):
                continue
            if what == "target" and NOT_A_TARGET.search(body[: match.start()]):
                continue
            spans.append((start, end))
            found.append(Mention(code, _evidence(text, start, end, sentence, what)))
    return sorted(found, key=lambda mention: mention.evidence.start)


_QUALIFIER_GAP = re.compile(
    r"^(?:'s)?[\s,(]*(?:(?:area|district|tehsil|town|city|village|region)\s+)?"
    r"(?:(?:of|in)\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)


def _reduce(text: str, mentions: Sequence[PlaceMention]) -> list[PlaceMention]:
    """Drop a province or district that only qualifies a place inside it, named
    next to it ('Balochistan's Turbat', 'Tump in Kech district', 'Turbat, Kech'):
    the finer place is where it happened. A province named anywhere in the clause
    of a place inside it qualifies it ('In Balochistan, ... a naval base in
    Turbat'; 'Dera Ismail Khan, the southernmost district of Khyber
    Pakhtunkhwa'). A district named apart ('a market in Kech district') is a
    place of its own. Linear in the mentions: a district qualifies only the names
    right before and after it."""
    ordered = sorted(mentions, key=lambda m: m.start)
    areas = [_area_like(m.place) for m in ordered]
    by_admin1: dict[str, set[int]] = {}
    for mention in ordered:
        by_admin1.setdefault(mention.place.admin1, set()).add(mention.place.geonameid)
    dropped: set[int] = set()
    for index, outer in enumerate(ordered):
        place = outer.place
        if place.kind == "province":
            if by_admin1.get(place.admin1, set()) - {place.geonameid}:
                dropped.add(id(outer))
            continue
        if not areas[index]:
            continue
        for other in (index - 1, index + 1):
            if not 0 <= other < len(ordered) or areas[other]:
                continue
            inner = ordered[other]
            inside = (
                inner.place.district == (place.district or place.name)
                and inner.place.admin1 == place.admin1
                and inner.place.geonameid != place.geonameid
            )
            first, second = sorted((outer, inner), key=lambda m: m.start)
            if inside and _QUALIFIER_GAP.match(text[first.end : second.start]):
                dropped.add(id(outer))
    return [m for m in mentions if id(m) not in dropped]


@dataclass
class _Reading:
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

    def incident(self, mention: PlaceMention, sentence: Sentence) -> ReportIncident:
        incident = self.by_place.get(mention.place.geonameid)
        if incident is None:
            incident = ReportIncident(
                mention.place,
                mention.precision,
                mention.text,
                sentence_date(sentence, self.today) or self.today,
                ambiguous=bool(mention.candidates)
                and mention.candidates[0].geonameid != mention.place.geonameid,
                unplaced=mention.unplaced,
            )
            self.by_place[mention.place.geonameid] = incident
        evidence = _evidence(self.text, mention.start, mention.end, sentence, "place")
        incident.evidence.append(evidence)
        return incident


def extract_incidents(
    text: str,
    gazetteer: Gazetteer,
    current: Iterable[int] = (),
    published: dt.date | None = None,
    budget: float = math.inf,
) -> Extraction:
    """Read ``text`` (the original; offsets point into it). ``current`` names
    background sentences (by their start) that a person marked as current news;
    ``published`` is the report's date when the text gives none; reading stops at
    the first sentence begun after ``budget`` seconds of the process's CPU time
    (so that other work on the machine does not cut it), counted once the places
    are found (loading a gazetteer layer is not the text's cost)."""
    flat = plain(text)
    found = list(sentences(flat))
    dated = report_date(found)
    today = dated.date or published
    mentions, unplaced = find_places(flat, found, gazetteer)
    deadline = time.process_time() + budget
    by_sentence: dict[int, list[PlaceMention]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence.start, []).append(mention)

    keep_current = set(current)
    background: list[Background] = []
    reading = _Reading(text, today)
    lede = next(
        (sentence_date(s, today) for s in found[:1] if sentence_date(s, today)), None
    )
    in_background = False
    read_to = None
    for sentence in found:
        if time.process_time() > deadline:
            read_to = sentence.start
            break
        # The lede is the report's news: its 'earlier this week' dates the attack.
        # A sentence with no cue keeps the state of the one before.
        said = None if sentence is found[0] else cue(sentence, today)
        if said == "current" and before_the_lede(sentence, lede, today):
            said = "background"  # 'On Sunday, ...' in a report of Friday's attack
        elif said is None and before_the_lede(sentence, lede, today):
            said = "background"
        if said is not None:
            in_background = said == "background"
        elif sentence.first_in_paragraph:
            in_background = False  # a new paragraph with no cue: the news again
        if in_background and sentence.start not in keep_current:
            background.append(_background(text, sentence, by_sentence))
            reading.last = []
            continue
        _read_sentence(reading, sentence, by_sentence.get(sentence.start, []))

    _fold_districts(reading)
    _fold_towns(reading)
    incidents = list(reading.by_place.values())
    totals_place = _widest(mentions, incidents, gazetteer)
    incidents, totals = _settle(reading, incidents, totals_place)
    news = [s for s in found if s.start not in {b.key for b in background}]
    for incident in incidents:
        incident.figures = _identified(flat, news, incident.figures)
    totals = _identified(flat, news, totals)
    for incident in incidents:
        _infer_targets(incident)
    incidents = [
        _kept_at_wider(incident)
        for incident in incidents
        if not _nowhere(incident) or incident.event_wide
    ]
    date = min((i.date for i in incidents if i.date), default=today)
    other = [m for m in mentions if not m.is_incident and m.place.geonameid]
    return Extraction(
        date=date,
        date_evidence=_date_evidence(text, dated, found),
        title=_title(text, found, date, [i.place.name for i in incidents]),
        incidents=incidents,
        totals=totals,
        totals_place=totals_place,
        background=background,
        other_places=other,
        unplaced=unplaced,
        read_to=read_to,
    )


def _nowhere(incident: ReportIncident) -> bool:
    """An incident at a name with no wider place: what happened there goes to the
    unplaced name, and no incident is proposed at a point the text never gave."""
    item = incident.unplaced
    if item is None or item.wider is not None:
        return False
    counts = incident.counts
    item.incident = True
    item.killed, item.injured = counts["killed"], counts["injured"]
    item.target_types = incident.target_codes()
    item.attack_types = incident.attack_codes()
    return True


def _kept_at_wider(incident: ReportIncident) -> ReportIncident:
    """An incident at a name the gazetteer does not know goes to the wider place
    it was kept at, and the name's unplaced item gets what happened there."""
    item = incident.unplaced
    if item is None or item.wider is None:
        return incident
    counts = incident.counts
    item.incident = True
    item.killed, item.injured = counts["killed"], counts["injured"]
    item.target_types = incident.target_codes()
    item.attack_types = incident.attack_codes()
    incident.place = item.wider
    incident.precision = item.precision or incident.precision
    incident.place_reported = item.name
    return incident


def _identified(
    text: str, news: Sequence[Sentence], figures: list[Figure]
) -> list[Figure]:
    """Counts of 'people' or 'others' whose side the text says after them: the rest
    of their sentence or the next one names the victims ('Among the victims were
    truck drivers'), or the report names the hurt with a definite article ('the
    wounded policemen'), of one side only."""
    starts = [s.start for s in news]
    described: list[tuple[int, str, str]] | None = None
    kept = []
    for figure in figures:
        at = bisect.bisect_right(starts, figure.start) - 1
        if figure.side != "unspecified" or figure.parts or at < 0:
            kept.append(figure)
            continue
        after = text[figure.end : news[at].end]
        if at + 1 < len(news):
            after += " " + news[at + 1].text
        side = victims_side(after, figure.outcome)
        if side is None:
            if described is None:
                described = described_sides(text)
            later = {
                who
                for where, outcome, who in described
                if where >= news[at].start and outcome == figure.outcome
            }
            side = next(iter(later)) if len(later) == 1 else None
        kept.append(replace(figure, side=side) if side else figure)
    return kept


def _read_sentence(
    reading: _Reading, sentence: Sentence, mentions: list[PlaceMention]
) -> None:
    text = reading.text
    touched: list[ReportIncident] = []
    pending: list[
        tuple[Span, Sentence, list[Mention], list[Mention], list[Figure]]
    ] = []
    """Opening clauses with no place, for the sentence's one place if it has one."""
    for clause in clauses(sentence):
        in_clause = [m for m in mentions if clause.start <= m.start < clause.end]
        targets = _codes(clause, sentence, text, TARGET_PHRASES, "target")
        attacks = _codes(clause, sentence, text, ATTACK_PHRASES, "attack")
        figures = find_figures(clause)
        places = _reduce(text, _scenes(in_clause, bool(attacks or figures)))
        if len(places) > 1 and all(m.place.kind == "province" for m in places):
            places = []  # 'attacks in the Tillaberi, Diffa and Dosso regions'
        whole = [f for f in figures if _is_whole(reading.text, f)]
        if places and whole:  # "killed 23 terrorists in all": the whole event's
            figures = [f for f in figures if f not in whole]
            reading.loose.append((clause, sentence, [], [], whole))
        if places and (targets or attacks or figures or HIT_WORDS.search(clause.text)):
            reading.hit.update(id(reading.incident(m, sentence)) for m in places)
        if len(places) == 1:
            incident = reading.incident(places[0], sentence)
            _add(incident, targets, attacks, figures, text, sentence)
            touched.append(incident)
        elif places:
            incidents = [reading.incident(m, sentence) for m in places]
            touched.extend(incidents)
            _share(
                incidents, places, clause, targets, attacks, figures, reading, sentence
            )
        elif touched and not TOTAL_MARKERS.search(clause.text):
            _add(touched[-1], targets, attacks, figures, text, sentence)
        elif (
            continued := _continued(reading, sentence, clause)
        ) is not None and not TOTAL_MARKERS.search(clause.text):
            restated = _restated(reading, figures)
            if restated:
                reading.loose.append((clause, sentence, [], [], restated))
            figures = [f for f in figures if f not in restated]
            _add(continued, targets, attacks, figures, text, sentence)
            touched.append(continued)
        elif targets or attacks or figures:
            item = (clause, sentence, targets, attacks, figures)
            opening = not touched and not TOTAL_MARKERS.search(clause.text)
            (pending if opening else reading.loose).append(item)
    touched = list(dict.fromkeys(touched))
    if len(touched) == 1:  # 'A policeman and four labourers were killed, and two
        for _, _, targets, attacks, figures in pending:  # ... in Turbat was attacked'
            _add(touched[0], targets, attacks, figures, text, sentence)
    else:
        reading.loose.extend(pending)
    reading.previous = (sentence.paragraph, touched)
    if touched:
        reading.last = touched


def _restated(reading: _Reading, figures: list[Figure]) -> list[Figure]:
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
    reading: _Reading, sentence: Sentence, clause: Span
) -> ReportIncident | None:
    """The incident a clause with no place goes on about: the one the last
    sentence about an incident spoke of, when the clause points back to it ('the
    attack', 'there'); or the one the sentence just before, in the same paragraph,
    spoke of ('... in Paroom tehsil. Two others were wounded.')."""
    paragraph, just_before = reading.previous
    if paragraph == sentence.paragraph and len(just_before) == 1:
        return just_before[0]
    if len(reading.last) == 1 and ANAPHORA.search(clause.text):
        return reading.last[0]
    return None


def _scenes(in_clause: list[PlaceMention], attacked: bool) -> list[PlaceMention]:
    """The clause's places that can be where it happened. Places where roads were
    only blocked ('blocked highways in Turbat and Panjgur') are scenes only when
    the clause tells of an attack or figures and names no other place ('blocked
    the highway in Mastung and opened fire on vehicles, killing five')."""
    scenes = [m for m in in_clause if m.role == INCIDENT]
    if not scenes and attacked:
        scenes = [m for m in in_clause if m.role == BLOCKADE]
    return scenes


def _add(
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
        _evidence(text, f.start, f.end, sentence, f.outcome) for f in figures
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
    r"^\s*(?:\w+\s+){0,3}?(?:in|at|near|of|outside)\s+(?:the\s+)?$", re.I
)


def _share(
    incidents: list[ReportIncident],
    places: list[PlaceMention],
    clause: Span,
    targets: list[Mention],
    attacks: list[Mention],
    figures: list[Figure],
    reading: _Reading,
    sentence: Sentence,
) -> None:
    """Several places in one clause: an item goes to the place it is tied to
    ('a bank in Panjgur', '4 policemen were killed in Turbat'); the rest are not
    pinned on any one of them."""
    text = reading.text
    loose_targets, loose_figures = [], []
    for target in targets:
        place = _tied_place(text, target.evidence.end, places)
        if place is None:
            loose_targets.append(target)
        else:
            _add(incidents[places.index(place)], [target], [], [], text, sentence)
    for figure in figures:
        place = _tied_place(text, figure.end, places)
        if place is None:
            loose_figures.append(figure)
        else:
            _add(incidents[places.index(place)], [], [], [figure], text, sentence)
    for incident in incidents:  # attack types named for all of them
        if len(attacks) and len(places) <= 3:
            _add(incident, [], attacks, [], text, sentence)
    if loose_targets or loose_figures:
        reading.loose.append((clause, sentence, loose_targets, [], loose_figures))


def _tied_place(text: str, end: int, places: list[PlaceMention]) -> PlaceMention | None:
    """The place right after an item, joined by 'in', 'at' or 'near' with at most
    three words between ('a bank in Panjgur', '4 policemen were killed in Turbat')."""
    following = [place for place in places if place.start >= end]
    if following:
        place = min(following, key=lambda p: p.start)
        if _TIED.match(text[end : place.start]):
            return place
    return None


_SCENE_BEFORE = re.compile(
    r"\b(?:in|at|inside)\s+(?:the\s+)?(?:(?:general\s+|remote\s+|nearby\s+)?"
    r"(?:town|city|village|area|tehsil|locality)\s+of\s+)?$",
    re.IGNORECASE,
)


_NEAR_BEFORE = re.compile(
    r"\b(?:near|close to|next to|outside)\s+(?:the\s+)?$", re.IGNORECASE
)


def _merge(source: ReportIncident, target: ReportIncident) -> None:
    target.targets.extend(source.targets)
    target.attacks.extend(source.attacks)
    target.figures.extend(source.figures)
    target.evidence.extend(source.evidence)


def _area_like(place: Place) -> bool:
    """A district, or a town that bears its district's name (its seat, which
    reports name for the district: 'Panjgur district', 'Dera Ismail Khan')."""
    return place.kind == "district" or (
        bool(place.district)
        and normalize_name(place.name) == normalize_name(place.district)
    )


_DISTRICT_WORD_AFTER = re.compile(r"^\s+district\b", re.IGNORECASE)


def _as_district(reading: _Reading, incident: ReportIncident) -> bool:
    """Named as a district: a district, or its seat named 'X district'."""
    return incident.place.kind == "district" or any(
        _DISTRICT_WORD_AFTER.match(reading.text[e.end : e.end + 20])
        for e in incident.evidence
        if e.what == "place"
    )


def _named_before(
    reading: _Reading, incident: ReportIncident, pattern: re.Pattern[str]
) -> list[bool]:
    return [
        bool(pattern.search(reading.text[max(0, e.start - 40) : e.start]))
        for e in incident.evidence
        if e.what == "place"
    ]


def _fold_districts(reading: _Reading) -> None:
    """A district (or its seat named for it) and the one finer place inside it
    that the report names: one attack. The finer place takes the district's
    items when it is named as the scene ('in Bajaur district ... killing 44',
    '... gathered in the town of Khar'), has targets or attacks of its own
    ('struck the Chaudhwan Police Station'), or when the district has no figures
    of its own ('in the Rarasham area of ... Musa Khel'). A place only near the
    scene ('close to the Bolan Pass') does not take it: it is a landmark of the
    district's attack, and folds into the district. When both have figures of
    their own (unless the place's sentence points back to the attack: 'Several of
    the dead were working on a dam in Paroom'), or a district without figures has
    targets of its own, they stay two incidents."""
    for key, district in list(reading.by_place.items()):
        if key not in reading.by_place or not _area_like(district.place):
            continue
        area = district.place
        inside = [
            i
            for i in reading.by_place.values()
            if i is not district
            and not _area_like(i.place)
            and i.place.district == (area.district or area.name)
            and i.place.admin1 == area.admin1
        ]
        if len(inside) != 1:
            continue
        (place,) = inside
        as_scene = any(_named_before(reading, place, _SCENE_BEFORE))
        near = _named_before(reading, place, _NEAR_BEFORE)
        if near and all(near) and not as_scene:
            if district.figures or _has_content(district):
                _merge(place, district)  # a landmark near the district's scene
                del reading.by_place[place.place.geonameid]
            continue
        same_attack = any(
            ANAPHORA.search(e.sentence) for e in place.evidence if e.what == "place"
        )
        if district.figures and (
            (place.figures and not same_attack)
            or not (as_scene or place.targets or place.attacks)
        ):
            continue
        if not district.figures and (
            district.targets or not _as_district(reading, district)
        ):
            continue  # a district with its own targets, or a town, stays a scene
        place.targets[:0] = district.targets
        place.attacks[:0] = district.attacks
        place.figures[:0] = district.figures
        place.evidence[:0] = district.evidence
        if district.date and (place.date is None or district.date < place.date):
            place.date = district.date
        if id(district) in reading.hit:
            reading.hit.add(id(place))
        del reading.by_place[key]


def _fold_into(reading: _Reading, outer: ReportIncident, place: ReportIncident) -> None:
    """``outer`` (a district or town) was named for the attack at ``place``
    inside it: ``place`` takes its items, and it is no incident of its own."""
    place.targets[:0] = outer.targets
    place.attacks[:0] = outer.attacks
    place.figures[:0] = outer.figures
    place.evidence[:0] = outer.evidence
    if outer.date and (place.date is None or outer.date < place.date):
        place.date = outer.date
    if id(outer) in reading.hit:
        reading.hit.add(id(place))
    del reading.by_place[outer.place.geonameid]


def _fold_towns(reading: _Reading) -> None:
    """A town and the one name the gazetteer lacks that the text places in it
    ('the Nasirabad area of Turbat', 'Satellite Town, Turbat', 'Lido Beach in
    Mogadishu'): one attack, at the finer name (kept at the town's point), unless
    both have figures of their own and the finer name's sentence does not point
    back to the attack."""
    inside: dict[int, list[ReportIncident]] = {}
    for incident in reading.by_place.values():
        item = incident.unplaced
        if item is not None and item.wider is not None:
            inside.setdefault(item.wider.geonameid, []).append(incident)
    for key, finer in inside.items():
        town = reading.by_place.get(key)
        if town is None or len(finer) != 1 or town.place.kind == "province":
            continue
        (place,) = finer
        same_attack = any(
            ANAPHORA.search(e.sentence) for e in place.evidence if e.what == "place"
        )
        if town.figures and place.figures and not same_attack:
            continue
        _fold_into(reading, town, place)


def _widest(
    mentions: Sequence[PlaceMention],
    incidents: Sequence[ReportIncident],
    gazetteer: Gazetteer,
) -> ReportIncident | None:
    """The place that holds the report's totals and what no place was named for:
    the province (or district) the report names for its events, else the province
    all its incident places lie in."""
    areas = [
        m
        for m in mentions
        if m.place.kind in ("province", "district") and m.role == INCIDENT
    ]
    areas.sort(key=lambda m: (m.place.kind != "province", m.start))
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


def _settle(
    reading: _Reading,
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
    places = [i for i in named if _has_content(i) or id(i) in reading.hit] or named
    locators = [i for i in places if _only_locates(reading.text, i)]
    if len(locators) < len(places):
        places = [i for i in places if i not in locators]
    totals: list[Figure] = []
    for _clause, sentence, targets, attacks, figures in reading.loose:
        if len(places) == 1:
            _add(places[0], targets, attacks, figures, reading.text, sentence)
        elif widest is not None:
            _add(widest, targets, attacks, figures, reading.text, sentence)
        else:
            totals.extend(figures)
    if widest is not None and places:
        if len(places) == 1:  # the report's one place: its figures are the place's
            _move_figures(widest, places[0])
        else:
            totals.extend(widest.figures)
            widest.figures = []
    kept = list(places)
    if widest is not None and (_has_content(widest) or not kept):
        kept.append(widest)
    return kept, totals


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
        and not _has_content(incident)
        and all(
            _LANDMARK_NEAR.search(text[max(0, e.start - 60) : e.start]) for e in named
        )
    )


def _move_figures(source: ReportIncident, target: ReportIncident) -> None:
    target.figures.extend(source.figures)
    target.evidence.extend(e for e in source.evidence if e.what in OUTCOMES)
    source.figures = []


def _has_content(incident: ReportIncident) -> bool:
    return bool(incident.targets or incident.attacks or incident.figures)


_POLICE_WORDS = re.compile(r"polic|levies|constable|cop|fc\b|frontier corps", re.I)


def _infer_targets(incident: ReportIncident) -> None:
    """An incident with no target named: the people killed or hurt say who was
    attacked, as the GTD codes a target (police, soldiers, civilians)."""
    if incident.targets:
        return
    security = [f for f in incident.figures if f.side == "security"]
    civilians = [f for f in incident.figures if f.side == "civilians"]
    for figure in security:
        code = "military" if figure.military else "police_paramilitary"
        if not figure.military and not _POLICE_WORDS.search(figure.text):
            continue
        incident.targets.append(Mention(code, _figure_evidence(incident, figure), True))
    if civilians and not security:
        figure = civilians[0]
        incident.targets.append(
            Mention("private_citizens", _figure_evidence(incident, figure), True)
        )


def _figure_evidence(incident: ReportIncident, figure: Figure) -> Evidence:
    for item in incident.evidence:
        if item.start == figure.start:
            return Evidence(
                item.start,
                item.end,
                item.text,
                item.sentence,
                item.sentence_start,
                "target",
            )
    return Evidence(
        figure.start, figure.end, figure.text, figure.text, figure.start, "target"
    )


def _background(
    text: str, sentence: Sentence, by_sentence: Mapping[int, list[PlaceMention]]
) -> Background:
    figures = tuple(f for clause in clauses(sentence) for f in find_figures(clause))
    places = tuple(
        dict.fromkeys(m.place.name for m in by_sentence.get(sentence.start, []))
    )
    evidence = _evidence(text, sentence.start, sentence.end, sentence, "background")
    return Background(sentence.start, evidence, figures, places)


def _date_evidence(
    text: str, dated: ReportDate, found: Sequence[Sentence]
) -> Evidence | None:
    if dated.date is None:
        return None
    sentence = next(s for s in found if s.start <= dated.start < s.end)
    return _evidence(text, dated.start, dated.end, sentence, "date")


def _title(
    text: str, found: Sequence[Sentence], date: dt.date | None, places: Sequence[str]
) -> str:
    """The report's headline: its first line when that reads as one (short, with
    no full stop at its end); else a title made of its date and places."""
    if found:
        first = found[0]
        line = text[first.start : first.end].strip()
        headline = first.paragraph == 0 and len(line) <= 150 and len(line.split()) <= 25
        if headline and not line.endswith((".", ";", ":")) and "\n" not in line:
            return line
    when = f"{date.day} {date:%B %Y}" if date else "undated"
    where = ", ".join(dict.fromkeys(places)) or "no place named"
    return f"Report, {when}: {where}"


def labels(codes: Iterable[str], table: Mapping[str, object]) -> list[str]:
    """Labels for vocabulary codes (``TARGET_TYPES`` or ``ATTACK_TYPES``)."""
    return [table[code].label for code in codes]  # type: ignore[attr-defined]


__all__ = [
    "ATTACK_TYPES",
    "TARGET_TYPES",
    "Background",
    "Evidence",
    "Extraction",
    "Mention",
    "ReportIncident",
    "extract_incidents",
    "tally",
]
