"""Rules of the report extractor learnt from real reports: each test is a phrasing
news of the region uses, with the figures and places it must give."""

from components.report import extract
from components.report.figures import find_figures
from components.report.segments import Span


def figures(text: str) -> list[tuple[str, str, int]]:
    """(side, outcome, value) of every figure in one clause."""
    return [(f.side, f.outcome, f.value) for f in find_figures(Span(0, len(text), text))]


def counts(text: str, **kwargs) -> dict[str, dict[str, dict[str, int]]]:
    """Each incident's known counts by place name."""
    return {
        i.place.name: {
            outcome: {side: v for side, v in sides.items() if v is not None}
            for outcome, sides in i.counts.items()
        }
        for i in extract(text, **kwargs).incidents
    }


def test_a_word_that_begins_like_a_month_does_not_make_a_count_a_day():
    assert figures("martyring 13 soldiers and injuring three civilians") == [
        ("security", "killed", 13),
        ("civilians", "injured", 3),
    ]
    assert figures("killed on Oct 11 soldiers said") == []
