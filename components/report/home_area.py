"""The victims' home area as the scene, when the report names no other.

"The ten guards, who belonged to Mirjaveh county, were martyred when terrorists
ambushed them at the border": where they were hit has no name, and the county
their unit belongs to is the nearest the text comes to one. A victim's home is
an ``origin`` (not where the attack was) whenever the report names a scene; only
when it names none before, and only for an area (a district or county, not a
village: "who came from Nacotuco village in Macomia district" gives Macomia),
does the home area stand for the scene, at that area's precision.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from components.report.mentions import PlaceMention
from components.report.roles import INCIDENT, ORIGIN
from components.report.vocabulary import HIT_WORDS

_HOME_CLAUSE = re.compile(
    r"\bwho\s+(?:came|hailed|belonged)\s+(?:from|to)\b[^,;.]{0,60}$", re.IGNORECASE
)
"""Before the home area: 'who belonged to ', 'who came from Nacotuco village in '."""
_AREA_AFTER = re.compile(r"^\s+(?:district|county|tehsil)\b", re.IGNORECASE)
_AREA_KINDS = frozenset({"district", "county"})


def home_area_as_scene(
    text: str, mentions: Sequence[PlaceMention]
) -> list[PlaceMention]:
    """``mentions`` with the victims' home area made the scene, where the text
    names no scene before the sentence that says where they came from and that
    sentence tells of the attack."""
    found = list(mentions)
    for index, mention in enumerate(found):
        if mention.role != ORIGIN or mention.unplaced is not None:
            continue
        sentence = mention.sentence
        if not _HOME_CLAUSE.search(text[sentence.start : mention.start]):
            continue
        if not (
            mention.place.kind in _AREA_KINDS
            or _AREA_AFTER.match(text[mention.end : mention.end + 12])
        ):
            continue
        if not HIT_WORDS.search(sentence.text) or _scene_before(found, sentence.start):
            continue
        found[index] = replace(mention, role=INCIDENT)
    return found


def _scene_before(mentions: Sequence[PlaceMention], start: int) -> bool:
    """Whether a place finer than a province is named as a scene before ``start``."""
    return any(
        m.role == INCIDENT
        and m.start < start
        and m.place.kind not in ("province", "country")
        for m in mentions
    )
