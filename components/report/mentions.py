"""A place name found in a report: the place chosen for it and what it is named
for (its role, from ``role_rules.ROLE_RULES``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from components.domain.places import Place
from components.domain.vocabularies import GeoPrecision
from components.gazetteer import normalize_name
from components.gazetteer.world import country_names
from components.report.role_rules import role_of
from components.report.roles import (
    DATELINE,
    INCIDENT,
)
from components.report.segments import Sentence
from components.report.unplaced import (
    UnplacedName,
)


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A name in the text that the gazetteer places, and what it is named for."""

    place: Place
    precision: GeoPrecision
    start: int
    end: int
    text: str
    role: str
    sentence: Sentence
    candidates: tuple[Place, ...] = ()
    unplaced: UnplacedName | None = None
    """For a name the gazetteer does not know: the name, kept at a wider place
    (``place`` stands in for it while the text is read)."""

    @property
    def is_incident(self) -> bool:
        return self.role == INCIDENT


LIST_JOIN = re.compile(
    r"^(?:'s)?\s*(?:,|and|or|,\s*and|,\s*or)\s*"
    r"(?:(?<=and )(?:nearby|neighbou?ring|adjoining|adjacent)\s+)?$",
    re.I,
)
"""Between two names of one list: a role given to the first holds for the next
('in Shikarpur and nearby Sukkur')."""


def mention_role(
    sentence: Sentence,
    start: int,
    surface: str,
    before: str,
    after: str,
    prose_from: int = 0,
) -> str:
    """The role of a place name; ``prose_from`` is the paragraph the report's
    prose begins at (see :func:`components.report.segments.prose_paragraph`):
    its first paragraphs may open with a dateline."""
    at_lede = sentence.first_in_paragraph and (
        sentence.paragraph <= max(2, prose_from)
        or (sentence.paragraph <= _LAST_DATELINE_PARAGRAPH and surface.isupper())
    )  # a dateline in capitals comes after a headline and a few bullet lines
    if at_lede and surface.isupper() and not before.strip(" \"'"):
        return DATELINE  # 'QUETTA, Pakistan (AP) --'
    if (
        sentence.first_in_paragraph
        and sentence.paragraph <= _LAST_DATELINE_PARAGRAPH
        and not before.strip(" \"'")
        and (_country_dateline(after) or _AGENCY_TAIL.match(after))
    ):
        return DATELINE  # 'Bamako, Mali — Jihadists ...', 'Bamako (AFP): Four ...'
    area_word = _AREA_WORD_END.search(surface)
    if area_word:  # 'Gwadar District': the rules read 'District' after the name
        after = surface[area_word.start() :] + after
    return role_of(before, after, at_lede)[0]


_LAST_DATELINE_PARAGRAPH = 6
"""The last line a dateline in capitals is read at: a page's headline and up to
four bullet lines of summary may come before it ('KHYBER/PESHAWAR: ...')."""

_COUNTRY_TAIL = re.compile(
    r"^,\s*([A-Z][\w'.]*(?:\s+[A-Z][\w'.]*){0,3})\s*(?:\([^()]{1,20}\)\s*)?"
    r"(?::|[-\u2013\u2014]{1,2}\s)"
)


_AGENCY_TAIL = re.compile(
    r"^\s*\((?-i:[A-Z])[\w.&-]*(?:[\s/,]+(?-i:[A-Z])[\w.&-]*){0,3}\)\s*"
    r"(?::|[-\u2013\u2014]{1,2}\s)"
)
"""A news agency in brackets and a colon or dash after a name that opens a
paragraph: the name is where the report was filed ('Bamako (AFP): ...',
'Maiduguri (Reuters) - ...')."""


def _country_dateline(after: str) -> bool:
    """A country and a dash or colon after a name that opens a paragraph: the
    name is where the report was filed ('Bamako, Mali (AFP) —')."""
    match = _COUNTRY_TAIL.match(after)
    return match is not None and normalize_name(match[1]) in country_names()


_AREA_WORD_END = re.compile(
    r"\s(?:district|tehsil|county|province|region|state)$", re.IGNORECASE
)
