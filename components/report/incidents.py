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
from dataclasses import replace
from typing import NamedTuple

from components.gazetteer import Gazetteer, normalize_name
from components.report.asides import without_asides
from components.report.background_model import earlier_events
from components.report.cues import DAYS_ATTACK
from components.report.dates import (
    ReportDate,
    night_before,
    report_date,
    sentence_date,
    statement_date,
)
from components.report.figures import find_figures
from components.report.folding import (
    fold_areas_of_several,
    fold_districts,
    fold_headline,
    fold_named_provinces,
    fold_roads,
    fold_towns,
    fold_unplaced_areas,
    has_content,
)
from components.report.mentions import PlaceMention
from components.report.model import (
    Background,
    Evidence,
    Extraction,
    Figure,
    ReportIncident,
    evidence_at,
)
from components.report.people import (
    among_the_hit,
    described_sides,
    drivers_side,
    victims_side,
    volunteers_side,
)
from components.report.places import find_places
from components.report.restatements import restate
from components.report.roles import INCIDENT
from components.report.scene_model import second_opinion
from components.report.scenes import Reading, read_sentence
from components.report.segments import (
    Sentence,
    Span,
    clauses,
    plain,
    prose_paragraph,
    reads_as_headline,
    sentences,
    without_page_furniture,
)
from components.report.sites import name_sites
from components.report.storyline import Storyline
from components.report.targets import infer_targets
from components.report.totals import settle, widest_place
from components.report.vocabulary import ANAPHORA, HIT_WORDS, KILLED_VERBS

_TOLL = re.compile(rf"\b(?:{KILLED_VERBS})\b", re.IGNORECASE)
"""A toll in the first paragraphs ('lost their lives on Monday') dates the news
when the lede gives no day of its own, or only a statement's."""

# --- Reading the text -------------------------------------------------------------


class FirstSteps(NamedTuple):
    """A text as the reader holds it before it reads places: the plain copy,
    that copy with its asides blanked, its sentences, the asides, the date the
    text gives and the day of the news (that date, else the published one)."""

    unmasked: str
    flat: str
    found: list[Sentence]
    asides: list[tuple[Sentence, Span]]
    dated: ReportDate
    today: dt.date | None


def first_steps(
    text: str, current: Iterable[int] = (), published: dt.date | None = None
) -> FirstSteps:
    """The steps before places are read; the learned models are trained on
    what they give (``scripts/train_reader_models.py``)."""
    unmasked = without_page_furniture(plain(text))
    flat, found, asides = without_asides(unmasked, list(sentences(unmasked)), current)
    dated = report_date(found, published)
    return FirstSteps(unmasked, flat, found, asides, dated, dated.date or published)


def extract_incidents(
    text: str,
    gazetteer: Gazetteer,
    current: Iterable[int] = (),
    published: dt.date | None = None,
    budget: float = math.inf,
    attacked: Iterable[int] = (),
) -> Extraction:
    """Read ``text`` (the original; offsets point into it). ``current`` names
    background sentences (by their start) that a person marked as current news;
    ``attacked`` the places (by gazetteer id) a person marked as attacked, which
    the scene model leaves;
    ``published`` is the report's date when the text gives none; reading stops at
    the first sentence begun after ``budget`` seconds of the process's CPU time
    (so that other work on the machine does not cut it), counted once the places
    are found (loading a gazetteer layer is not the text's cost)."""
    keep_current = set(current)
    unmasked, flat, found, asides, dated, today = first_steps(
        text, keep_current, published
    )
    mentions, unplaced = find_places(flat, found, gazetteer)
    deadline = time.process_time() + budget
    by_sentence: dict[int, list[PlaceMention]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence.start, []).append(mention)

    aside_of: dict[int, list[Sentence]] = {}
    for sentence, aside in asides:
        aside_of.setdefault(sentence.start, []).append(
            Sentence(aside.start, aside.end, aside.text, sentence.paragraph, False)
        )
    background: list[Background] = []
    reading = Reading(text, today)
    prose = prose_paragraph(found)  # not a date line or byline above the prose
    opening = [s for s in found if s.paragraph >= prose][:1] or found[:1]
    lede = next((d for s in opening if (d := sentence_date(s, today))), None)
    story = Storyline(found[0] if found else None, today)
    told_before = earlier_events(found, today)  # the background model's opinion
    read_to = None
    for sentence in found:
        if time.process_time() > deadline:
            read_to = sentence.start
            break
        for aside in aside_of.get(sentence.start, []):
            # 'Days after the Kech attack in which 10 soldiers lost their lives, ...'
            aside_named = find_places(unmasked, [aside], gazetteer)[0]
            background.append(_background(text, aside, {aside.start: aside_named}))
            story.told_of(background[-1].evidence.sentence, aside_named, set())
        named = by_sentence.get(sentence.start, [])
        scenes = [i.place for i in reading.by_place.values()]
        by_rules = story.is_background(sentence, named, lede, scenes)
        if (by_rules or sentence.start in told_before) and (
            sentence.start not in keep_current
        ):
            background.append(_background(text, sentence, by_sentence, not by_rules))
            story.told_of(
                background[-1].evidence.sentence, named, {p.name for p in scenes}
            )
            reading.last, reading.said_before = [], ""
            continue
        if lede is None and sentence is not found[0]:
            # No day in the lede: the first news sentence that gives one dates
            # the news ('attacked police patrols ... on Tuesday', 'The attack
            # took place on Sunday').
            lede = (
                sentence_date(sentence, today)
                if _tells_of_an_attack(sentence, by_sentence.get(sentence.start, []))
                or ANAPHORA.search(sentence.text)
                or DAYS_ATTACK.search(sentence.text)
                or (sentence.paragraph <= 2 and HIT_WORDS.search(sentence.text))
                or _TOLL.search(sentence.text)  # the first news toll with its day
                else None
            )
        read_sentence(reading, sentence, by_sentence.get(sentence.start, []))
        if any(
            not sentence.text[a.end - sentence.start :].strip(" .!?\"'")
            for a in aside_of.get(sentence.start, [])
        ):
            story.ended_on_an_earlier_event()

    if lede is None and found:  # 'confirmed on Monday that ... had been killed'
        # (in the lede, also below a headline)
        lede = night_before(found, today) or next(
            (
                said
                for sentence in found
                if sentence.paragraph <= 1 and (said := statement_date(sentence, today))
            ),
            None,
        )
    fold_districts(reading)
    fold_towns(reading)
    fold_districts(reading)  # the district of a town that took a finer name
    fold_roads(reading)
    fold_unplaced_areas(reading)
    fold_areas_of_several(reading)
    fold_named_provinces(reading)
    fold_headline(reading, headline(found))
    incidents = list(reading.by_place.values())
    # the scene model, before what no place was named for is placed: a report
    # left with one scene gives it the figures its text tied to no place
    read, mentions = second_opinion(flat, mentions, incidents, set(attacked))
    staying = {id(i) for i in read}
    doubted = [i for i in incidents if id(i) not in staying and has_content(i)]
    reading.by_place = {k: i for k, i in reading.by_place.items() if id(i) in staying}
    incidents = read
    earlier = {b.key for b in background}
    totals_place = widest_place(
        [m for m in mentions if m.sentence.start not in earlier], incidents, gazetteer
    )
    incidents, totals = settle(reading, incidents, totals_place)
    totals = restate(flat, incidents, totals)
    news = [s for s in found if s.start not in earlier]
    above = next((s.start for s in found if s.paragraph >= prose), None)
    for incident in incidents:
        incident.figures = _identified(flat, news, incident.figures)
        incident.figures = _told_again_below(incident.figures, above)
    totals = _identified(flat, news, totals)
    for incident in incidents:
        infer_targets(incident)
    kept, unplaced_days = [], []
    for incident in incidents:
        if _nowhere(incident) and not incident.event_wide:
            # its day still dates the report ('in Kayakura village ... on Sunday')
            unplaced_days += [incident.date] if incident.date else []
            continue
        kept.append(_kept_at_wider(incident))
    incidents = kept
    name_sites(incidents, news, mentions)
    for incident in incidents:
        incident.date = incident.date or lede or today  # no day said: the news's
    # the news's day: its incidents', and the day its lede tells of
    # a doubted place's day, where something happened there, still dates the news
    days = [*(i.date for i in [*incidents, *doubted] if i.date), *unplaced_days]
    date = min([*days, lede] if lede and incidents else days, default=lede or today)
    other = _not_incident_places(mentions, incidents)
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


def _not_incident_places(
    mentions: Sequence[PlaceMention], incidents: Sequence[ReportIncident]
) -> list[PlaceMention]:
    """Places named for another reason than an attack (datelines, references,
    hospitals' towns, home towns...), never one that is also an incident's place
    or name: a report's Turbat can be both a dateline and the scene, and is then
    the scene."""
    taken = {i.place.geonameid for i in incidents} | {
        normalize_name(name)
        for i in incidents
        for name in (i.place.name, i.place_reported)
    }
    return [
        m
        for m in mentions
        if not m.is_incident
        and m.place.geonameid
        and m.place.geonameid not in taken
        and normalize_name(m.text) not in taken
        and normalize_name(m.place.name) not in taken
    ]


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
    truck drivers'), a sentence of the next few names some of them among the
    hit ('a spokesperson added that 13 police officials were among the
    injured'), or the report names the hurt with a definite article ('the
    wounded policemen'), of one side only."""
    starts = [s.start for s in news]
    described: list[tuple[int, str, str]] | None = None
    kept = []
    for figure in figures:
        at = bisect.bisect_right(starts, figure.start) - 1
        driving = at >= 0 and drivers_side(
            figure.text, text[news[at].start : figure.start]
        )
        if driving:  # 'sprayed a police vehicle with bullets ... wounding the driver'
            kept.append(replace(figure, side=driving))
            continue
        if at >= 0 and (figure.side == "unspecified" or not figure.parts):
            following = [n.text for n in news[at + 1 : at + 8]]
            named = among_the_hit(figure, text[figure.end : news[at].end], *following)
            if named is not figure or figure.parts or figure.side != "unspecified":
                kept.append(named)
                continue
        if figure.side != "unspecified" or figure.parts or at < 0:
            kept.append(figure)
            continue
        armed = volunteers_side(text, figure.text)
        if armed is not None:  # 'Six volunteers fell', in a report of the VDP
            kept.append(replace(figure, side=armed))
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


def _background(
    text: str,
    sentence: Sentence,
    by_sentence: Mapping[int, list[PlaceMention]],
    learned: bool = False,
) -> Background:
    figures = tuple(f for clause in clauses(sentence) for f in find_figures(clause))
    places = tuple(
        dict.fromkeys(m.place.name for m in by_sentence.get(sentence.start, []))
    )
    evidence = evidence_at(text, sentence.start, sentence.end, sentence, "background")
    return Background(sentence.start, evidence, figures, places, learned)


def _date_evidence(
    text: str, dated: ReportDate, found: Sequence[Sentence]
) -> Evidence | None:
    if dated.date is None:
        return None
    sentence = next(s for s in found if s.start <= dated.start < s.end)
    return evidence_at(text, dated.start, dated.end, sentence, "date")


def _tells_of_an_attack(sentence: Sentence, named: Sequence[PlaceMention]) -> bool:
    """Whether a sentence names an attack's place with its attack or toll
    ('attacked police patrols in Kech on Tuesday', 'came under fire late on
    Wednesday ... in Dioungani'), not only a place where something else went on
    ('forces deployed in Deir Ezzor were on high alert on Friday morning')."""
    return any(m.role == INCIDENT for m in named) and bool(
        HIT_WORDS.search(sentence.text)
        or _TOLL.search(sentence.text)
        or _UNDER_FIRE.search(sentence.text)
    )


_UNDER_FIRE = re.compile(
    r"\b(?:came|come|comes|coming) under (?:fire|attack|assault)\b|\bopened fire\b|"
    r"\bfired (?:on|at|upon)\b",
    re.IGNORECASE,
)


def _told_again_below(figures: list[Figure], prose: int | None) -> list[Figure]:
    """Without the rough tolls of the lines above the prose (headlines,
    standfirsts), of no one side or approximate, where the prose gives the same
    outcome by side: 'twenty civilians and VDP killed', above 'At least 16
    Volunteers ... and two civilians were killed', rounds the prose's toll."""
    if prose is None:
        return figures
    told = {f.outcome for f in figures if f.start >= prose and f.side != "unspecified"}
    return [
        f
        for f in figures
        if f.start >= prose
        or f.outcome not in told
        or not (f.side == "unspecified" or f.approximate)
    ]


def headline(found: Sequence[Sentence]) -> Sentence | None:
    """The report's first line when it reads as a headline: short, with no full
    stop at its end."""
    return found[0] if found and reads_as_headline(found[0]) else None


def _title(
    text: str, found: Sequence[Sentence], date: dt.date | None, places: Sequence[str]
) -> str:
    """The report's headline: its first line when that reads as one (short, with
    no full stop at its end); else a title made of its date and places."""
    top = headline(found)
    if top is not None:
        return text[top.start : top.end].strip()
    when = f"{date.day} {date:%B %Y}" if date else "undated"
    where = ", ".join(dict.fromkeys(places)) or "no place named"
    return f"Report, {when}: {where}"


__all__ = ["extract_incidents"]
