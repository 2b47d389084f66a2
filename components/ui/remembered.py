"""The page's work on a table, remembered for that table (``components.support.memo``):
every rerun and every session that shows the same rows reuse it."""

from __future__ import annotations

from components.domain import filters
from components.domain.briefing import briefing
from components.domain.summary import headline
from components.support.memo import by_table

page_briefing = by_table()(briefing)
"""The briefing of the rows shown (``components.domain.briefing.briefing``)."""

whole_headline = by_table(size=1)(headline)
"""The loaded table's own figures: a filter change does not count a million rows
again."""

filter_labels = by_table()(filters.filter_labels)
"""Each filter's options and labels (``components.domain.filters.filter_labels``): a
million rows are not searched for their places on every run."""

target_type_options = by_table()(filters.target_type_options)
"""The target types in a table (``components.domain.filters.target_type_options``)."""

date_span = by_table()(filters.date_span)
"""A table's first and last day (``components.domain.filters.date_span``)."""

days_of = by_table()(filters.days_of)
"""Every day of a table's span, for playback (``components.domain.filters.days_of``)."""
