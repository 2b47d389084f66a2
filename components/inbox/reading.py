"""One queued item to its proposal: the report reader's rows, and for each the
matcher's answer against the record (the same incident as #N, or a new one).

The proposal is JSON in the queue; the page shows it, asks the matcher again
when the item is reviewed (the record may have grown meanwhile), and saves only
what a person accepts.
"""

from __future__ import annotations

import logging

from components.gazetteer import Gazetteer
from components.report import extract
from components.report.intake import propose
from components.store import DatabaseStore
from components.store.queue import QueueItem

logger = logging.getLogger(__name__)


def proposal_of(
    item: QueueItem, store: DatabaseStore, gazetteer: Gazetteer | None = None
) -> dict:
    """What the reader and the matcher make of one item."""
    extraction = extract(item.text, gazetteer, published=item.published)
    date = extraction.date or item.published
    rows = propose(extraction)
    for row in rows:
        if not row.get("date") and date:
            row["date"] = date.isoformat()
    matches = []
    for row in rows:
        answer = store.propose_match(row)
        matches.append(
            None
            if answer is None
            else {"incident_id": answer.incident_id, "why": answer.summary()}
        )
    same = sum(1 for m in matches if m and m["incident_id"])
    logger.info(
        "item #%d: %d row(s), %d the same as an incident held", item.id, len(rows), same
    )
    return {
        "title": item.title or extraction.title,
        "date": date.isoformat() if date else "",
        "rows": rows,
        "matches": matches,
        "unplaced": [name.name for name in extraction.unplaced],
        "background": len(extraction.background),
    }
