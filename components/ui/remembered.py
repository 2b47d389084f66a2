"""The page's work on a table, remembered for that table (``components.memo``):
every rerun and every session that shows the same rows reuse it."""

from __future__ import annotations

from components.briefing import briefing
from components.memo import by_table
from components.summary import headline

page_briefing = by_table()(briefing)
"""The briefing of the rows shown (``components.briefing.briefing``)."""

whole_headline = by_table(size=1)(headline)
"""The loaded table's own figures: a filter change does not count a million rows
again."""
