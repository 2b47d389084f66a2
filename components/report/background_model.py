"""A second opinion on which sentences tell of an earlier event, learned from
the corpus.

The background rules (``cues.py``, ``storyline.py``) miss about a quarter of
the earlier events on reports nobody had read, and a missed one gives the news
its places and its dead. The background model is a logistic regression over
the words and word pairs of a sentence, whether it names a year before the
report's, and its paragraph (:mod:`components.report.background_features`),
trained on the sentences the corpus's answer keys list as earlier events by
``python -m scripts.train_reader_models``; its weights are a JSON file beside
this module. A sentence it gives at least its threshold is read as background
even where no cue says so; the headline never is, and a sentence a person marks
as current news is read as news. It only adds background: a sentence the rules
read as background stays so. Pure, apart from loading the file once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from components.report.background_features import sentence_features
from components.report.linear_model import ShippedModel
from components.report.segments import Sentence

MODEL_FILE = Path(__file__).with_name("background_model.json")
BACKGROUND_MODEL = ShippedModel(MODEL_FILE)
using = BACKGROUND_MODEL.using


def earlier_events(sentences: Sequence[Sentence], today: dt.date | None) -> set[int]:
    """The starts of the sentences the model reads as telling of an earlier
    event (``today`` is the report's date, where known)."""
    model = BACKGROUND_MODEL.current()
    if model is None:
        return set()
    year = today.year if today else None
    return {
        sentence.start
        for sentence in sentences
        if sentence.paragraph > 0
        and model.likelihood(sentence_features(sentence.text, year, sentence.paragraph))
        >= model.threshold
    }
