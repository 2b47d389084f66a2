"""The words reports use: targets, attacks, the sides people belong to, and the
verbs that say they were killed or injured. Phrase lists, not a model.

Written for South Asian English news as well as wire copy: "martyred", "embraced
martyrdom", "jawans", "Levies", "khwarij", "sent to hell" are all here. Every list
is a regular expression over a plain (ASCII-punctuated) copy of the text.

One package for every word list the reader uses, by what the words are about:
``events`` (targets, attacks, attack and total markers), ``people`` (the people
a figure counts, by side), ``outcomes`` (killed and injured verbs), ``places``
(titles, datelines, non-place words, area words) and ``text`` (abbreviations,
months, weekdays, number words).
"""

from components.report.vocabulary.events import (
    ANAPHORA,
    ATTACK_PHRASES,
    HIT_WORDS,
    NOT_A_TARGET,
    OTHER_EVENT,
    TARGET_PHRASES,
    TOTAL_MARKERS,
    phrases,
)
from components.report.vocabulary.outcomes import (
    INJURED_VERBS,
    INJURED_WORDS,
    KILLED_VERBS,
    LEFT_DEAD,
    OUTCOME_AFTER,
    OUTCOME_BEFORE,
)
from components.report.vocabulary.people import (
    GENERIC_HEADS,
    MILITARY_SIDE,
    PEOPLE_BY_SIDE,
    SIDE_WORDS,
)
from components.report.vocabulary.places import (
    AREA_WORDS,
    DATELINE_AGENCIES,
    NOT_PLACE_WORDS,
    NOT_PLACES,
    TITLES,
)
from components.report.vocabulary.text import words

__all__ = [
    "ANAPHORA",
    "AREA_WORDS",
    "ATTACK_PHRASES",
    "DATELINE_AGENCIES",
    "GENERIC_HEADS",
    "HIT_WORDS",
    "INJURED_VERBS",
    "INJURED_WORDS",
    "KILLED_VERBS",
    "LEFT_DEAD",
    "MILITARY_SIDE",
    "NOT_A_TARGET",
    "NOT_PLACES",
    "NOT_PLACE_WORDS",
    "OTHER_EVENT",
    "OUTCOME_AFTER",
    "OUTCOME_BEFORE",
    "PEOPLE_BY_SIDE",
    "SIDE_WORDS",
    "TARGET_PHRASES",
    "TITLES",
    "TOTAL_MARKERS",
    "phrases",
    "words",
]
