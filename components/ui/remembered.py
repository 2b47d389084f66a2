"""The page's work on a table, remembered for that table (``components.support.memo``):
every rerun and every session that shows the same rows reuse it."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from components.domain import filters, share_link
from components.domain.briefing import Briefing, briefing
from components.domain.model import Event
from components.domain.summary import headline
from components.support.memo import by_table

table_headline = by_table()(headline)
"""The figures of a table's rows (``components.domain.summary.headline``)."""

whole_headline = table_headline
"""The loaded table's own figures: a filter change does not count a million rows
again (every run asks them, so they stay the latest remembered)."""


@by_table()
def page_briefing(filtered: pd.DataFrame, events: Mapping[str, Event]) -> Briefing:
    """The briefing of the rows shown (``components.domain.briefing.briefing``);
    with every row shown, its headline is the loaded table's own, counted once."""
    return briefing(filtered, events, table_headline(filtered, events))


link_terms = by_table()(share_link.link_terms)
"""What a link (and the sidebar) can name: each filter's and layer's options and
labels, and the dates (``components.domain.share_link.link_terms``): a million rows
are not searched for their places on every run."""

target_type_options = by_table()(filters.target_type_options)
"""The target types in a table (``components.domain.filters.target_type_options``)."""

date_span = by_table()(filters.date_span)
"""A table's first and last day (``components.domain.filters.date_span``)."""

days_of = by_table()(filters.days_of)
"""The days with incidents, for playback (``components.domain.filters.days_of``)."""
