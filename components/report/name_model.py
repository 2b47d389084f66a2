"""Names that read as places where no slot rule looked, learned from the corpus.

The slot rules (:mod:`components.report.unplaced`) find a name the gazetteer
lacks where the text puts a place: after 'in', before 'village', in a list of
villages. On reports nobody had read they miss names written some other way,
and such a name was then dropped in silence. The place-name model is a logistic
regression over the features of :mod:`components.report.name_features`, trained
by ``python -m scripts.train_reader_models`` on every capitalised name of the
corpus reports that the gazetteer does not place, with the names the answer keys
list (attack places and places named for another reason) as the places. Its
weights are a JSON file beside this module.

It only adds names for the analyst, never an incident: a name no mention holds,
not in the gazetteer, not a country, that the model gives at least its threshold,
is listed with the report's unplaced names (rule :data:`NAME_RULE`), where the
review asks for its point. Once placed, the gazetteer knows it and the rules
read it. Pure, apart from loading the file once.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Sequence
from pathlib import Path

from components.gazetteer import Gazetteer, normalize_name
from components.report.linear_model import ShippedModel
from components.report.mentions import PlaceMention
from components.report.name_features import candidates, name_features
from components.report.segments import Sentence
from components.report.unplaced import UnplacedName

logger = logging.getLogger(__name__)

MODEL_FILE = Path(__file__).with_name("name_model.json")
NAME_MODEL = ShippedModel(MODEL_FILE)
using = NAME_MODEL.using
NAME_RULE = "the place-name model"
"""The rule of an unplaced name the place-name model found."""


def names_like_places(
    text: str,
    sentences: Sequence[Sentence],
    found: Sequence[PlaceMention],
    gazetteers: Sequence[Gazetteer],
    not_places: Collection[str],
) -> list[UnplacedName]:
    """Each name of ``sentences`` the model reads as a place that no mention of
    ``found`` holds and none of ``gazetteers`` knows, once, at its first mention.
    ``not_places`` are lookup keys of countries and first-level areas."""
    model = NAME_MODEL.current()
    if model is None:
        return []
    held = [(m.start, m.end) for m in found]
    named = {normalize_name(m.text) for m in found}
    listed: dict[str, UnplacedName] = {}
    for sentence in sentences:
        for start, end, name in candidates(sentence):
            key = normalize_name(name)
            if (
                key in listed
                or key in named
                or key in not_places
                or any(a < end and start < b for a, b in held)
            ):
                continue
            chance = model.likelihood(name_features(text, sentence, start, end, name))
            if chance < model.threshold or any(g.candidates(name) for g in gazetteers):
                continue
            logger.debug("place-name model: %s reads as a place (%.2f)", name, chance)
            listed[key] = UnplacedName(name, start, end, sentence, rule=NAME_RULE)
    return list(listed.values())
