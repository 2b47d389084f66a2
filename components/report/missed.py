"""A place's name the analyst says the reader missed.

The reader lists every name it reads as a place; a village written some way no
rule and no model knows ('rounded up Kashap's villagers') is neither proposed
nor listed. The analyst, who reads the report, types the name as the report
writes it; this finds it in the text and gives it back as an unplaced name
(rule :data:`ANALYST_RULE`), to be placed like any other: a click on the map,
typed coordinates or a district. Nothing is guessed: a name not in the text, or
one the gazetteer already knows, is refused with the reason. Pure.
"""

from __future__ import annotations

import re

from components.gazetteer import Gazetteer
from components.report.segments import plain, sentences
from components.report.unplaced import UnplacedName
from components.support.errors import IncidentMapError

ANALYST_RULE = "named by the analyst"
"""The rule of an unplaced name an analyst typed."""
MAX_NAME = 80
"""The longest name taken: a place's name, not a sentence."""


class MissedNameError(IncidentMapError):
    """A typed name that cannot be listed to place, with the reason."""


def missed_name(text: str, typed: str, gazetteer: Gazetteer) -> UnplacedName:
    """``typed`` as ``text`` writes it, at its first mention, as a name to place.
    Raises :class:`MissedNameError` when it is empty, too long, not in the text
    as a whole word, or a name the gazetteer knows."""
    name = " ".join(typed.split())
    if not name:
        raise MissedNameError("Type the place's name as the report writes it.")
    if len(name) > MAX_NAME:
        raise MissedNameError(
            f"A place's name is at most {MAX_NAME} characters; this is {len(name)}."
        )
    flat = plain(text)
    words = r"\s+".join(re.escape(word) for word in plain(name).split())
    found = re.search(rf"(?<![\w-]){words}(?![\w-])", flat, re.IGNORECASE)
    if found is None:
        raise MissedNameError(
            f"'{name}' is not in the report's text; type it as the report writes it."
        )
    written = " ".join(text[found.start() : found.end()].split())
    known = gazetteer.candidates(written)
    if known:
        place = known[0]
        raise MissedNameError(
            f"'{written}' is in the gazetteer already ({place.name}, "
            f"{place.kind}); add a row for it in the table below."
        )
    sentence = next(
        (s for s in sentences(flat) if s.start <= found.start() < s.end), None
    )
    if sentence is None:  # a name the reader cut out of its sentences
        raise MissedNameError(f"'{written}' is in no sentence the reader reads.")
    return UnplacedName(
        written, found.start(), found.end(), sentence, rule=ANALYST_RULE
    )
