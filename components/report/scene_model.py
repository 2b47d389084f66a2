"""A second opinion on where an attack happened, learned from the corpus.

The role rules decide what each place name is named for. They are read off the
reports they were written against, and on reports nobody had read about half the
places they propose are not where an attack happened: mostly the district,
province or country that holds the scene, a town named for an earlier attack, a
capital where officials spoke. The scene model is a logistic regression over the
features of :mod:`components.report.scene_features` (context words, the
sentence's tags, how wide the place is), trained on the answer keys of the
corpus by ``python -m scripts.train_reader_models``. Its weights are a JSON file
beside this module, so nothing is fetched or trained at run time.

It only takes places away, and only places with no figure of their own: an
incident at a gazetteer place with no toll (the rules gave it a target, an
attack or nothing more), which the model gives less than its threshold, is no
incident, and its place is read as the news's context (role :data:`CONTEXT`),
listed with the places named for another reason. Every proposed place keeps
its likelihood (``scene_likelihood``), and the review names those under
:data:`DOUBTED_BELOW` to check first. It runs once the places are
folded and before the figures tied to no place are settled, so a report left
with one scene gives it those figures rather than the totals. A report
keeps at least one scene (its likeliest, see :func:`_scenes`); a list of scenes
is read whole ('in Quetta, Gwadar, Mastung and Noshki'); a name the gazetteer
lacks (the analyst places it), the place of the report's totals and a place a
person marked as attacked are never taken away. Pure, apart from loading the
file once.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

from components.report.linear_model import ShippedModel
from components.report.mentions import LIST_JOIN, PlaceMention
from components.report.model import ReportIncident
from components.report.scene_features import (
    PlaceKey,
    group_by_place,
    lies_in,
    place_features,
    place_key,
)

logger = logging.getLogger(__name__)

MODEL_FILE = Path(__file__).with_name("scene_model.json")
SCENE_MODEL = ShippedModel(MODEL_FILE)
using = SCENE_MODEL.using
DOUBTED_BELOW = 0.2
"""A proposed place the scene model gives less than this is said to be doubted
in the review. On left-out sets of the corpus seven in ten such places were
attack places (the rules were written on those reports); on the three fresh
sets of 6 December, one in three was (``python -m bench.scene_doubt``)."""
CONTEXT = "context"
"""The role of a place the rules read as a scene and the scene model does not:
named in the news as its wider area or its context."""


def second_opinion(
    text: str,
    mentions: Sequence[PlaceMention],
    incidents: Sequence[ReportIncident],
    attacked: Collection[int] = (),
) -> tuple[list[ReportIncident], list[PlaceMention]]:
    """The incidents the model keeps, and ``mentions`` with the places of those
    it does not keep read as context (see the module's docstring). ``text`` is
    the plain copy the mentions point into; ``attacked`` are the ids of places
    a person marked as attacked, which stay."""
    model = SCENE_MODEL.current()
    if model is None:
        return list(incidents), list(mentions)
    groups = group_by_place(mentions)
    for incident in incidents:
        key = _named_place(incident, groups)
        if key is not None and not incident.event_wide:
            incident.scene_likelihood = model.likelihood(
                place_features(text, groups, key)
            )
    likely: dict[PlaceKey, float] = {}
    for incident in incidents:
        key = _own_place(incident, groups)
        chance = incident.scene_likelihood
        if (
            key is not None
            and chance is not None
            and _open_to_doubt(incident, attacked)
        ):
            likely[key] = chance
    unlikely = {key for key, chance in likely.items() if chance < model.threshold}
    scenes = [_own_place(i, groups) for i in _scenes(incidents)]
    if unlikely and all(key in unlikely for key in scenes):  # the likeliest stays
        unlikely.discard(max(unlikely, key=lambda key: likely[key]))
    unlikely -= _listed_with_a_scene(text, mentions, unlikely)
    if not unlikely:
        return list(incidents), list(mentions)
    for key in unlikely:
        logger.debug(
            "scene model: %s is context (%.2f)", groups[key][0].text, likely[key]
        )
    kept = [i for i in incidents if _own_place(i, groups) not in unlikely]
    read = [
        replace(m, role=CONTEXT) if m.is_incident and place_key(m) in unlikely else m
        for m in mentions
    ]
    return kept, read


def _scenes(incidents: Sequence[ReportIncident]) -> list[ReportIncident]:
    """The incidents a report must keep one of: not the totals' place, not a
    province or country that holds another of them (it may become the totals'
    place), not a name the gazetteer lacks that the text gives no wider place
    for (it waits for the analyst's point)."""
    named = [
        i
        for i in incidents
        if not i.event_wide and (i.unplaced is None or i.unplaced.wider is not None)
    ]
    return [
        i
        for i in named
        if not (
            i.place.kind in ("province", "country")
            and any(lies_in(other.place, i.place) for other in named)
        )
    ]


def _own_place(
    incident: ReportIncident, groups: Mapping[PlaceKey, list[PlaceMention]]
) -> PlaceKey | None:
    """The place an incident stands at when the text names it there, not a
    wider place that holds a name the gazetteer lacks ('Zairam', at Geidam)."""
    key: PlaceKey = ("place", incident.place.geonameid)
    named = {m.text.casefold() for m in groups.get(key, [])}
    return key if incident.place_reported.casefold() in named else None


def _named_place(
    incident: ReportIncident, groups: Mapping[PlaceKey, list[PlaceMention]]
) -> PlaceKey | None:
    """The place of the text an incident stands for: its own place, or the name
    the gazetteer lacks that it is kept for."""
    if incident.unplaced is not None:
        key: PlaceKey = ("name", incident.unplaced.name.casefold())
        return key if key in groups else None
    return _own_place(incident, groups)


def doubted(incidents: Sequence[ReportIncident]) -> list[ReportIncident]:
    """The proposed places the scene model gives less than :data:`DOUBTED_BELOW`:
    the ones to check first."""
    return [
        i
        for i in incidents
        if i.scene_likelihood is not None and i.scene_likelihood < DOUBTED_BELOW
    ]


def _open_to_doubt(incident: ReportIncident, attacked: Collection[int]) -> bool:
    """An incident the model may take away: a gazetteer place with no figure of
    its own, not the place of the report's totals, not one a person marked."""
    return (
        incident.place.geonameid not in attacked
        and not incident.event_wide
        and incident.unplaced is None
        and not incident.figures
    )


def _listed_with_a_scene(
    text: str, mentions: Sequence[PlaceMention], unlikely: set[PlaceKey]
) -> set[PlaceKey]:
    """The unlikely places named in one list with a place that stays a scene
    ('attacks in Quetta, Gwadar, Mastung and Noshki'): a list of scenes is read
    whole."""
    scenes = [m for m in mentions if m.is_incident]
    pairs = [
        (place_key(first), place_key(second))
        for first, second in pairwise(scenes)
        if LIST_JOIN.match(text[first.end : second.start])
    ]
    kept: set[PlaceKey] = set()
    changed = True
    while changed:
        changed = False
        for pair in pairs:
            staying = [key for key in pair if key not in unlikely or key in kept]
            going = [key for key in pair if key in unlikely and key not in kept]
            if staying and going:
                kept.update(going)
                changed = True
    return kept
