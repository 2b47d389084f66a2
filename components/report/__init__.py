"""From a report's text to the incidents it describes. Pure.

Rules, with two learned second opinions: places come from the gazetteer over the
text's words, targets and attacks from phrase lists, figures from number phrases
next to the people they count and a verb; each incident is a place with what its
clauses say happened there. The scene model takes away a proposed place with no
figure that it finds an unlikely scene, and the background model reads as
background a sentence about an earlier event that no cue marks (``scene_model``,
``background_model``: weights learned from the corpus's keys, shipped with the
code). Every item carries the span of the
text it rests on. Nothing is fetched at run time and no weights are downloaded.

Command line::

    python -m components.report FILE      # .txt, .md or .html; prints JSON
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable

from components.gazetteer import Gazetteer, default_gazetteer
from components.report.incidents import extract_incidents
from components.report.model import (
    SIDES,
    Background,
    Evidence,
    Extraction,
    Figure,
    Mention,
    ReportIncident,
    tally,
)
from components.report.numbers import parse_number
from components.report.reading import (
    MAX_REPORT_CHARS,
    decode_report,
    html_to_text,
    read_report,
)
from components.report.segments import plain
from components.support.errors import ReportError

logger = logging.getLogger(__name__)

WINDOW_CHARS = 10_000
"""The most of a text read: a longer one is read to its last paragraph or sentence
end before this, and the extraction says where it stopped. A news report is a few
thousand characters; this bounds the time and memory any input can take."""
TIME_BUDGET_SECONDS = 0.75
"""Reading stops at the first sentence begun after this much CPU time (counted
from when the gazetteer layers are loaded and the names found), and says so."""


def window_end(text: str, limit: int = WINDOW_CHARS) -> int:
    """Where the read part of ``text`` ends: all of it when it is short enough,
    else the last line break (or sentence end, or space) before ``limit``."""
    if len(text) <= limit:
        return len(text)
    for mark in ("\n", ". ", " "):
        cut = text.rfind(mark, 0, limit)
        if cut >= limit // 2:
            return cut + len(mark.rstrip())
    return limit


def _foreign_script(text: str) -> str:
    """A note when most of the text's letters are not Latin: the reader's words
    are English, so it may find nothing in it."""
    sample = text[:WINDOW_CHARS]
    letters = [c for c in sample if c.isalpha()]
    latin = sum(c.isascii() or "\u00c0" <= c <= "\u024f" for c in letters)
    if letters and latin < len(letters) / 2:
        return (
            "Most of the text is not in Latin script; the reader reads reports in "
            "English, so it may find no incident in it."
        )
    return ""


def extract(
    text: str,
    gazetteer: Gazetteer | None = None,
    current: Iterable[int] = (),
    published: dt.date | None = None,
    attacked: Iterable[int] = (),
) -> Extraction:
    """The incidents, totals and background of a report's text.

    ``current`` lists background sentences (by start offset) a person marked as
    current news; they are read as incidents. ``attacked`` lists places (by
    gazetteer id) a person marked as attacked: the scene model does not take
    them away. ``published`` is the report's date
    where the text gives none ('on Wednesday' is the Wednesday before it).

    Any text is read in bounded time and memory: only its first
    :data:`WINDOW_CHARS` characters, within :data:`TIME_BUDGET_SECONDS`; the
    extraction's ``notice`` says what was not read.
    """
    end = window_end(text)
    extraction = extract_incidents(
        text[:end],
        gazetteer or default_gazetteer(),
        current,
        published,
        TIME_BUDGET_SECONDS,
        attacked,
    )
    if extraction.read_to is not None:
        extraction.notice = (
            f"Read the first {extraction.read_to:,} characters of {len(text):,} "
            "within the time allowed for one report; the rest was not read."
        )
    elif end < len(text):
        extraction.read_to = end
        extraction.notice = (
            f"Read the first {end:,} characters of {len(text):,}; the rest was not "
            "read. Paste the rest as a report of its own."
        )
    lost = [u for u in extraction.unplaced if u.incident and u.wider is None]
    if lost:
        names = ", ".join(dict.fromkeys(u.name for u in lost))
        extraction.notice = " ".join(
            filter(
                None,
                (
                    extraction.notice,
                    f"The reader cannot place {names}: no gazetteer knows it and the "
                    "text names no wider place; what happened there is listed with "
                    "the unplaced names.",
                ),
            )
        )
    foreign = _foreign_script(text)
    if foreign:
        extraction.notice = " ".join(filter(None, (foreign, extraction.notice)))
    if extraction.notice:
        logger.info("report reading cut: %s", extraction.notice)
    return extraction


__all__ = [
    "MAX_REPORT_CHARS",
    "SIDES",
    "TIME_BUDGET_SECONDS",
    "WINDOW_CHARS",
    "Background",
    "Evidence",
    "Extraction",
    "Figure",
    "Mention",
    "ReportError",
    "ReportIncident",
    "decode_report",
    "extract",
    "html_to_text",
    "parse_number",
    "plain",
    "read_report",
    "tally",
]
