"""The page's work on a table, remembered for that table (``components.memo``):
every rerun and every session that shows the same rows reuse it."""

from __future__ import annotations

from components import filters
from components.briefing import briefing
from components.memo import by_table
from components.summary import headline

page_briefing = by_table()(briefing)
"""The briefing of the rows shown (``components.briefing.briefing``)."""

whole_headline = by_table(size=1)(headline)
"""The loaded table's own figures: a filter change does not count a million rows
again."""

filter_labels = by_table()(filters.filter_labels)
"""Each filter's options and labels (``components.filters.filter_labels``): a
million rows are not searched for their places on every run."""

target_type_options = by_table()(filters.target_type_options)
"""The target types in a table (``components.filters.target_type_options``)."""

date_span = by_table()(filters.date_span)
"""A table's first and last day (``components.filters.date_span``)."""

days_of = by_table()(filters.days_of)
"""Every day of a table's span, for playback (``components.filters.days_of``)."""
