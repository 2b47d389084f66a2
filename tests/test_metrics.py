"""The whole table's headline is counted once per loaded table."""

from components.domain.summary import headline
from components.ui.remembered import whole_headline


def test_the_whole_tables_figures_are_counted_once_per_table(seed_frame, seed):
    events = seed.events
    first = whole_headline(seed_frame, events)
    assert whole_headline(seed_frame, events) is first
    assert first == headline(seed_frame, events)
    other = seed_frame.iloc[:3]
    assert whole_headline(other, events) == headline(other, events)
    assert whole_headline(other, events) is not first
