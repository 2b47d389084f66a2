"""Plain word lists of English text: the helper that writes them, abbreviations
whose full stop ends no sentence, months and weekdays."""

from __future__ import annotations


def words(text: str) -> list[str]:
    """The words of a space-separated list, for writing word lists compactly."""
    return text.split()


ABBREVIATIONS = frozenset(
    words(
        "mr mrs ms dr st no lt col gen maj capt brig sgt cpl insp supt dig "
        "igp sp dsp ssp asi si hc govt dept vs etc jr sr prof rev co corp "
        "inc ltd approx jan feb mar apr jun jul aug sep sept oct nov dec am "
        "pm"
    )
)
"""Words whose full stop ends no sentence ('Mr.', 'Lt. Col.', 'No. 5')."""

MONTHS = words(
    "january february march april may june july august september october "
    "november december"
)
WEEKDAYS = words("monday tuesday wednesday thursday friday saturday sunday")
MONTH_WORD = (
    r"(?:" + "|".join(MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?"
)
"""A month's name or its abbreviation, as a pattern."""

NUMBER_UNITS = words(
    "zero one two three four five six seven eight nine ten eleven twelve "
    "thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
)
"""Number words 0-19, in order."""
NUMBER_TENS = words("twenty thirty forty fifty sixty seventy eighty ninety")
"""Number words of the tens from 20, in order."""
