"""From a report's text to the incidents it describes. Pure.

Rules, not a model: places come from the gazetteer over the text's words, targets
and attacks from phrase lists, figures from number phrases next to the people they
count and a verb; each incident is a place with what its clauses say happened
there. Every item carries the span of the text it rests on. Nothing is fetched at
run time and no weights are downloaded.

Command line::

    python -m components.report FILE      # .txt, .md or .html; prints JSON
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from components.gazetteer import Gazetteer, default_gazetteer
from components.report.figures import SIDES, Figure, parse_number
from components.report.incidents import (
    Background,
    Evidence,
    Extraction,
    Mention,
    ReportIncident,
    extract_incidents,
    tally,
)
from components.report.reading import (
    MAX_REPORT_CHARS,
    decode_report,
    html_to_text,
    read_report,
)
from components.report.segments import plain
from components.support.errors import ReportError


def extract(
    text: str,
    gazetteer: Gazetteer | None = None,
    current: Iterable[int] = (),
    published: dt.date | None = None,
) -> Extraction:
    """The incidents, totals and background of a report's text.

    ``current`` lists background sentences (by start offset) a person marked as
    current news; they are read as incidents. ``published`` is the report's date
    where the text gives none ('on Wednesday' is the Wednesday before it).
    """
    if len(text) > MAX_REPORT_CHARS:
        raise ReportError(
            f"the text is {len(text):,} characters; at most {MAX_REPORT_CHARS:,}"
        )
    return extract_incidents(text, gazetteer or default_gazetteer(), current, published)


__all__ = [
    "MAX_REPORT_CHARS",
    "SIDES",
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
