"""Dates in a report: the report's own date, the day each sentence speaks of, and
whether a sentence is about an earlier event (background, not news).

A sentence is background when it dates itself before the report ("In August
2024", "on Oct 14") or says so in words (the cue tables of
:mod:`components.report.cues`: "last year", "earlier this month", "in a similar
attack", "previously"); the sentences after it in its paragraph stay background
until one speaks of the present again ("on Tuesday", "today", "the latest
attack").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from components.report.cues import (
    BACKGROUND_CUES,
    COMPARISON,
    CURRENT_CUES,
    LAST_WEEKDAY,
    LATEST,
    RISEN_TOLL,
    SAME_TIME_CUES,
    news_part,
)
from components.report.rules import first
from components.report.segments import Sentence
from components.report.vocabulary.text import MONTH_WORD, MONTHS, WEEKDAYS

_MONTHS = {m: i for i, m in enumerate(MONTHS, start=1)}
FULL_DATE = re.compile(
    rf"\b(?:(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})|(?P<m1>{MONTH_WORD})\s+(?P<d1>\d{{1,2}})"
    rf"(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+"
    rf"(?:of\s+)?(?P<m2>{MONTH_WORD}),?\s+(?P<y2>\d{{4}}))\b",
    re.IGNORECASE,
)
_WEEKDAY_NAME = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_AND_DAY = r"\s+(?:and|to|-|&)\s+\d{1,2}(?:st|nd|rd|th)?"
"""'On 9 and 10 August': the first day of two dates the pair."""
_DAY_MONTH = re.compile(
    rf"(?:\b(?:on|since|from|of)\s+(?:{_WEEKDAY_NAME},?\s+)?|\b{_WEEKDAY_NAME},?\s+)"
    rf"(?:(?P<m1>{MONTH_WORD})\s+"
    rf"(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:{_AND_DAY})?|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"(?:{_AND_DAY})?\s+(?:of\s+)?(?P<m2>{MONTH_WORD}))\b(?!,?\s+\d{{4}})",
    re.IGNORECASE,
)
"""'on 3 March', 'since March 3', 'on Monday, March 3', and a weekday's date
('this morning (Monday 23 March)')."""
_DATED_ATTACK = re.compile(
    rf"\b(?:a|an|the|its|their|that)\s+(?:(?P<m1>{MONTH_WORD})\s+(?P<d1>\d{{1,2}})"
    rf"(?:st|nd|rd|th)?|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{MONTH_WORD}))"
    r"\s+(?:attacks?|assault|bombings?|blasts?|raids?|ambush|massacre|killings?)\b",
    re.IGNORECASE,
)
"""'an October 26 attack', 'the 3 May bombing': a day that dates an attack."""
_MONTH_YEAR = re.compile(rf"\b(?P<m>{MONTH_WORD})\s+(?P<y>\d{{4}})\b", re.IGNORECASE)
_YEAR = re.compile(
    r"\b(?:in|since|of|during|from|until|till|before|after|by|a|an|the)\s+"
    r"(?P<y>(?:19|20)\d\d)\b(?!\s*-)",
    re.I,
)
_IN_MONTH = re.compile(
    rf"\bin\s+(?:(?P<part>early|late|mid)-?\s*)?(?P<m>{MONTH_WORD})\b(?!\s+\d)",
    re.IGNORECASE,
)
_LATEST_DAY = {"early": 10, "mid": 20}
"""The last day 'early October' and 'mid-October' can mean."""
_WEEKDAYS = WEEKDAYS
_WEEKDAY = re.compile(
    r"\b(?:on\s+|late\s+|early\s+|last\s+)?(?P<day>" + "|".join(_WEEKDAYS) + r")\b"
    rf"(?!,?\s+(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_WORD}|"
    rf"{MONTH_WORD}\s+\d{{1,2}})\b)",
    re.IGNORECASE,
)
"""A weekday to resolve against the report's date; one that names the date after
it ('on Saturday, April 6, 2025') is that date's, whatever day it says."""
RECENT_DAYS = 14
"""A dated event this many days before the report or fewer is part of its news."""


def _month(word: str) -> int:
    key = word.lower().rstrip(".")
    return next(number for name, number in _MONTHS.items() if name.startswith(key[:3]))


def _day_months(text: str) -> list[re.Match[str]]:
    """Days of a month the text names: 'on 3 March', and days that date an attack
    ('an October 26 attack'), in the order of the text."""
    found = [*_DAY_MONTH.finditer(text), *_DATED_ATTACK.finditer(text)]
    return sorted(found, key=lambda match: match.start())


def _full_date(match: re.Match[str]) -> dt.date | None:
    try:
        if match.group("iso"):
            return dt.date.fromisoformat(match.group("iso"))
        if match.group("m1"):
            return dt.date(
                int(match.group("y1")),
                _month(match.group("m1")),
                int(match.group("d1")),
            )
        return dt.date(
            int(match.group("y2")), _month(match.group("m2")), int(match.group("d2"))
        )
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class ReportDate:
    """The report's date and the words it rests on (None where it gives none)."""

    date: dt.date | None
    start: int = 0
    end: int = 0
    text: str = ""


def report_date(
    sentences: Sequence[Sentence], published: dt.date | None = None
) -> ReportDate:
    """A dateline's date, else the first full date in the first lines, else
    (where the publication date is not known) the first full date anywhere.
    Where the report's publication date is known, a date of the text is its date
    only within :data:`RECENT_DAYS` before it ('On September 30, 2022, 35 people
    lost their lives' in a report of July 2023 is an earlier event's date)."""
    first_lines = [s for s in sentences if s.paragraph <= 2]
    # with its publication date known, a date further down the text is an
    # earlier event's more often than the report's ('on 24 May 2025', in a
    # paragraph about the attacks before the news)
    for group in (first_lines,) if published else (first_lines, sentences):
        for sentence in group:
            if first(BACKGROUND_CUES, sentence.text):
                continue  # 'Earlier, on August 22, ...' dates an older event
            for match in FULL_DATE.finditer(sentence.text):
                date = _full_date(match)
                if (
                    date
                    and published is not None
                    and not (0 <= (published - date).days <= RECENT_DAYS)
                ):
                    continue
                if date:
                    start = sentence.start + match.start()
                    return ReportDate(
                        date, start, start + len(match.group()), match.group()
                    )
    return ReportDate(None)


_SAID_BEFORE = re.compile(
    r"\b(?:said|says|announced|confirmed|stated|added|declared|reported|issued|"
    r"released|published|updated|statement|spoke|speaking|wrote|tweeted|posted|"
    r"(?:told|seen by|quoted by) "
    r"[\w.' -]{1,40}?)"
    r"(?:\s+(?:on|in|via|through)\s+(?:its|their|his|her|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:website|site|account|page|channel|feed|bulletin))?\s+$",
    re.IGNORECASE,
)
"""'The army said on Wednesday that ...', 'the newspaper reported on its website
on Saturday': the weekday dates the statement."""


def event_weekday(text: str) -> re.Match[str] | None:
    """The first weekday in ``text`` that dates an event, not a statement about
    it ('said on Wednesday evening that ten soldiers had been killed earlier in
    the week' names no day of the attack)."""
    return next(
        (match for match in _WEEKDAY.finditer(text) if not _said(text, match)),
        None,
    )


def _event_weekdays(text: str) -> list[str]:
    """Every weekday in ``text`` that dates an event: 'resumed on Friday, after
    ... attacked buses on Thursday' tells of two days, the attack the earlier.
    A day in the possessive ('Saturday's attack') is the only one."""
    days = [m for m in _WEEKDAY.finditer(text) if not _said(text, m)]
    own = [m for m in days if _POSSESSIVE.match(text, m.end())]
    return [m.group("day") for m in own or days]


_POSSESSIVE = re.compile(
    r"['\u2019]s\s+(?:[\w-]+\s+)?(?:attacks?|assault|blasts?|explosions?|bombings?|"
    r"ambush|raids?|killings?|massacre|violence|incident|shooting|fighting|clash(?:es)?)\b",
    re.IGNORECASE,
)
"""'Saturday's attack was on a checkpoint where ... late on Friday': the day
the attack is said to be of is its day, whatever else the sentence dates."""


def _last_before(today: dt.date, day: str) -> dt.date:
    """The last ``day`` (a weekday's name) on or before ``today``."""
    wanted = _WEEKDAYS.index(day.lower())
    return today - dt.timedelta(days=(today.weekday() - wanted) % 7)


_SAID_AFTER_DAY = re.compile(
    r"^\s*(?:morning|evening|night)?\s*,?\s*(?:the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:said|says|claimed|announced|confirmed|reported|stated|told)\b(?!\s*,)",
    re.IGNORECASE,
)
"""After a weekday that opens a sentence, a statement's verb: 'On Tuesday the
group claimed an attack ... late on Sunday' dates the claim, not the attack ('On
Saturday, officials said, a vehicle struck a landmine': an aside, the day is the
attack's; so is '... on Tuesday, an official said')."""


_SAID_RIGHT_AFTER = re.compile(
    r"^\s+(?:morning\s+|afternoon\s+|evening\s+|night\s+)?(?:said|says|claimed|"
    r"announced|confirmed|reported|stated|told|denied)\b(?!\s*,)",
    re.IGNORECASE,
)
"""'The Islamic State group on Monday claimed ... an attack': a weekday between
a speaker and its verb dates the statement."""


def _said(text: str, match: re.Match[str]) -> bool:
    """Whether the weekday ``match`` dates a statement, not an event."""
    return bool(
        _SAID_BEFORE.search(text[max(0, match.start() - 60) : match.start()])
        or (
            match.group().lower().startswith("on")
            and _SAID_RIGHT_AFTER.match(text[match.end() : match.end() + 40])
        )
        or (
            re.match(r"^\W*(?:(?:late |early )?on\s+)?$", text[: match.start()], re.I)
            and _SAID_AFTER_DAY.match(text[match.end() : match.end() + 60])
        )
    )


_ON_DAY_END = re.compile(
    rf"\s*\bon\s+(?:{_WEEKDAY_NAME},?\s+)?(?:the\s+)?$", re.IGNORECASE
)


def _dates_a_statement(text: str, start: int) -> bool:
    """Whether the date at ``start`` is a statement's ('Police said on Saturday,
    3 August, 2024 that the attack ... happened ... on Friday, 2 August, 2024')."""
    before = _ON_DAY_END.sub(" ", text[max(0, start - 80) : start])
    return before != text[max(0, start - 80) : start] and bool(
        _SAID_BEFORE.search(before)
    )


def statement_date(sentence: Sentence, today: dt.date | None) -> dt.date | None:
    """The day a statement in the sentence was made ('officials confirmed on
    Monday that five soldiers had been martyred'): the news happened on or before
    it, so it dates a lede that gives no other day better than the page's date."""
    if today is None:
        return None
    for match in _WEEKDAY.finditer(sentence.text):
        if _said(sentence.text, match):
            return _last_before(today, match.group("day"))
    return None


def sentence_date(sentence: Sentence, today: dt.date | None) -> dt.date | None:
    """The day a sentence speaks of: a full date in it, a day and month ('on 3
    March') in the report's year, or a weekday ('on Tuesday') resolved to the last
    such day on or before the report's date; a weekday that dates a statement
    ('the army said on Wednesday') does not count."""
    night = _night_began(sentence.text, today)
    if night is not None:
        return night
    weekday = event_weekday(sentence.text)
    for match in FULL_DATE.finditer(sentence.text):
        date = _full_date(match)
        if (
            date
            and not (weekday and date == today)  # the dateline's date
            and not _dates_a_statement(sentence.text, match.start())
        ):
            return date
    if today is None:
        return None
    for match in _day_months(sentence.text):
        if match.re is _DAY_MONTH and _SAID_BEFORE.search(
            sentence.text[max(0, match.start() - 60) : match.start()]
        ):
            continue  # 'said in a statement on Tuesday, September 5': the statement's
        month = match.group("m1") or match.group("m2")
        day = match.group("d1") or match.group("d2")
        try:
            date = dt.date(today.year, _month(month), int(day))
        except ValueError:
            continue
        return date if date <= today else date.replace(year=today.year - 1)
    if weekday:
        return min(_last_before(today, day) for day in _event_weekdays(sentence.text))
    if re.search(r"\byesterday\b", sentence.text, re.I):
        return today - dt.timedelta(days=1)
    earlier = _DAYS_EARLIER.search(sentence.text)
    said = statement_date(sentence, today) if earlier else None
    if earlier and said:
        days = 2 if (earlier.group("n") or "").lower() in ("two", "2") else 1
        return said - dt.timedelta(days=days)
    return None


_DAYS_EARLIER = re.compile(
    r"\b(?:(?P<n>a|one|two|2)\s+days?\s+(?:earlier|before)|the\s+(?:previous|"
    r"preceding)\s+day|the\s+day\s+before)\b",
    re.IGNORECASE,
)
"""'an attack that had begun a day earlier, DawnNewsTV reported on Monday': days
counted back from the statement's day."""


_NIGHT_SPAN = re.compile(
    rf"\bnight\s+(?:of|between)\s+(?:(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:to|and|-)\s+"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?P<m>{MONTH_WORD})|(?P<m2>{MONTH_WORD})\s+"
    rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:to|and|-)\s+\d{{1,2}}(?:st|nd|rd|th)?"
    rf"|(?P<w>{_WEEKDAY_NAME})\s+(?:to|and|-)\s+{_WEEKDAY_NAME})\b",
    re.IGNORECASE,
)
"""'On the night of 1 to 2 December', 'on the night between October 7 and 8',
'in the night of Saturday to Sunday': the night is dated by the day it began."""


def _night_began(text: str, today: dt.date | None) -> dt.date | None:
    """The day a night that spans two days began ('the night of 1 to 2 December':
    1 December), in the report's year or, if later than the report, the year
    before; a weekday pair goes back from the report's date."""
    match = _NIGHT_SPAN.search(text)
    if match is None or today is None:
        return None
    if match.group("w"):
        wanted = _WEEKDAYS.index(match.group("w").lower())
        # the night ended on the next day, on or before the report's
        ended = today - dt.timedelta(days=(today.weekday() - wanted - 1) % 7)
        return ended - dt.timedelta(days=1)
    try:
        month = _month(match.group("m") or match.group("m2"))
        date = dt.date(today.year, month, int(match.group("d") or match.group("d2")))
    except ValueError:
        return None
    return date if date <= today else date.replace(year=today.year - 1)


def cue(sentence: Sentence, today: dt.date | None) -> str | None:
    """'background' where the sentence dates itself before the report's news (a
    background cue, or an earlier date), 'current' where it goes on with the news
    ('in a separate attack', 'meanwhile', 'on Monday'), 'keep' where it is dated
    by the sentence before ('That same day'), None where it says neither (it
    keeps the state of the sentence before, unless it opens a paragraph)."""
    if first(SAME_TIME_CUES, sentence.text):
        return "keep"
    if LATEST.search(sentence.text) and not is_earlier(sentence, today):
        return "current"  # 'The attack, the latest in a series over recent months'
    earlier = first(BACKGROUND_CUES, news_part(sentence.text))
    if (
        RISEN_TOLL.compiled.search(sentence.text)
        and (
            earlier is None
            or (
                earlier.name == "last weekday or month"
                and LAST_WEEKDAY.search(sentence.text) is not None
            )
        )
        and not is_earlier(sentence, today)
    ):
        return "current"  # 'the toll of last Monday's incursion has risen'
    if earlier or is_earlier(sentence, today) or _earlier_weekend(sentence.text, today):
        return "background"
    current = first(CURRENT_CUES, sentence.text)
    if current is not None and not (
        current.name == "on a weekday" and event_weekday(sentence.text) is None
    ):  # 'a police report seen by AFP on Thursday' dates the report, not news
        return "current"
    return None


_WEEKEND = re.compile(r"\b(?:over|at|during) the weekend\b|\blast weekend\b", re.I)


def _earlier_weekend(text: str, today: dt.date | None) -> bool:
    """'Over the weekend, 13 labourers were killed', in a report of a Wednesday:
    a weekend before the news's week (said on a Monday or Tuesday, it may be the
    news's)."""
    found = _WEEKEND.search(text)
    if found is None:
        return False
    return found.group().lower().startswith("last") or (
        today is not None and today.weekday() in (2, 3, 4)
    )


_FOUNDED = re.compile(
    r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bis )(?<!\bare )"
    r"\b(?:formed|founded|created|established|set up|raised)\s+(?:in|on)\s+"
    r"(?:(?:early|mid|late)[- ])?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:[A-Z][a-z]+\s+)?"
    r"(?:\d{1,2},?\s+)?\d{4}\b"
)


def is_earlier(sentence: Sentence, today: dt.date | None) -> bool:
    """Whether the sentence dates itself before the report's news. A date that
    says when a group or force was formed, in an aside ('an auxiliary force
    formed in December 2019'), dates no event; nor does a comparison with
    earlier attacks ('the deadliest ambush since 2010')."""
    text = COMPARISON.compiled.sub(" ", _FOUNDED.sub(" ", sentence.text))
    if today is None:
        return False
    for match in FULL_DATE.finditer(text):
        date = _full_date(match)
        if date and (today - date).days > RECENT_DAYS:
            return True
    for match in _day_months(text):
        month = _month(match.group("m1") or match.group("m2"))
        day = int(match.group("d1") or match.group("d2"))
        try:
            date = dt.date(today.year, month, day)
        except ValueError:
            continue
        if date > today:
            date = date.replace(year=today.year - 1)
        if (today - date).days > RECENT_DAYS:
            return True
    for match in _MONTH_YEAR.finditer(text):
        year, month = int(match.group("y")), _month(match.group("m"))
        if (year, month) < (today.year, today.month) and not _same_event_month(
            today, year, month
        ):
            return True
    for match in _YEAR.finditer(text):
        if int(match.group("y")) < today.year:
            return True
    for match in _IN_MONTH.finditer(text):
        month = _month(match.group("m"))
        if month < today.month and (today.day > RECENT_DAYS or month < today.month - 1):
            return True  # 'In late May', said on 8 July: two months before
        if month > today.month and not _same_event_month(today, today.year - 1, month):
            return True  # 'In April', said in January: last year's April
        latest = _LATEST_DAY.get((match.group("part") or "").lower())
        if month == today.month and latest and today.day - latest > RECENT_DAYS:
            return True  # "in early October", said on 27 October
    opening = _OPENS_IN_MONTH.match(text)
    if opening and _month(opening.group("m")) == today.month:
        return today.day > RECENT_DAYS  # 'In May, two jawans were killed', on 20 May
    return False


_OPENS_IN_MONTH = re.compile(rf"^\W*In\s+(?P<m>{MONTH_WORD})\s*,", re.IGNORECASE)
"""A sentence that opens on the report's own month names a day of it that is not
the news's (the news gives its day: 'on Sunday'); late in the month, that day may
lie weeks back."""


def _same_event_month(today: dt.date, year: int, month: int) -> bool:
    """The month just before the report's, when the report is early in its month."""
    previous = today.replace(day=1) - dt.timedelta(days=1)
    return (year, month) == (previous.year, previous.month) and today.day <= RECENT_DAYS


DAYS_BEFORE = 2
"""A day this many days or more before the news's is another event's (a night
attack told of the next day is a day before)."""


def before_the_lede(
    sentence: Sentence,
    lede: dt.date | None,
    today: dt.date | None,
    regional: bool = False,
) -> bool:
    """A sentence after the first paragraph dated two days or more before the day
    the report's first sentence tells of ('On Sunday, the Guards said they had
    killed six militants', in a report of Friday's ambush), or the day before in
    its daytime or in a ``regional`` sentence (one naming no place finer than a
    province: 'On Tuesday, two soldiers were killed in the Mopti region'): an
    earlier event."""
    if lede is None or sentence.paragraph == 0:
        return False
    date = sentence_date(sentence, today)
    if date is None:
        # a statement made before the news's day speaks of something earlier
        said = statement_date(sentence, today)
        if said is not None:
            return said < lede
        return _opens_on_earlier_month(sentence.text, lede)
    days = (lede - date).days
    return days >= DAYS_BEFORE or (
        days == 1 and (regional or bool(_DAYTIME.search(sentence.text)))
    )


_OPENS_ON_MONTH = re.compile(
    rf"^\W*in\s+(?:(?:early|late|mid)-?\s*)?(?P<m>{MONTH_WORD})\b(?!\s+\d)",
    re.IGNORECASE,
)


def _opens_on_earlier_month(text: str, lede: dt.date) -> bool:
    """'In August, three Levies personnel were martyred', in a report whose lede
    tells of a day in September: a month that ended before the news's day (in
    the lede's year, or the year before for a later month)."""
    opening = _OPENS_ON_MONTH.match(text)
    if opening is None:
        return False
    month = _month(opening.group("m"))
    year = lede.year if month <= lede.month else lede.year - 1
    return (year, month) < (lede.year, lede.month)


_DAYTIME = re.compile(
    rf"\b(?:{'|'.join(_WEEKDAYS)})\s+(?:morning|afternoon)\b", re.IGNORECASE
)
"""'On Wednesday morning four police officers were killed', in a report of
Thursday's attack: the day before, by day, is an earlier event (a night attack
told of the next day is not)."""


NIGHT = re.compile(
    r"\b(?:overnight|night-?time|last night|during the night|late at night|"
    r"in the early hours|the night before|the previous night|in the (?:middle|dead) "
    r"of (?:the )?night|a night (?:raid|attack))\b",
    re.IGNORECASE,
)
"""An attack at night, told of the next day ('militants struck overnight')."""


def night_before(
    sentences: Sequence[Sentence], today: dt.date | None
) -> dt.date | None:
    """For a report whose first paragraphs give no day of the attack but say it
    came at night: the night before the day the statement was made (or the
    report's date); the key of a night's attack is its first day. An attack the
    text times in the small hours is of the day itself."""
    if today is None:
        return None
    for sentence in sentences:
        if sentence.paragraph > 1:
            break
        if NIGHT.search(sentence.text):
            said = (
                statement_date(sentence, today)
                or statement_date(sentences[0], today)
                or today
            )
            if any(
                _SMALL_HOURS.search(later.text)
                for later in sentences
                if later.paragraph <= _SMALL_HOURS_PARAGRAPHS
            ):
                return said  # 'at about 2am last night': the day it was said
            return said - dt.timedelta(days=1)
    return None


_SMALL_HOURS = re.compile(
    r"(?<!until )(?<!till )(?<!to )\b(?:at|around|about)\s+(?:about\s+|around\s+)?"
    r"[1-5](?:[:.]\d\d)?\s*a\.?m\b\.?(?!\s+the same day)",
    re.IGNORECASE,
)
"""'the attack took place at about 2am last night': a night attack in the small
hours is of the day the report says it (a time the night ran on 'until about 1
am' is not when it began)."""
_SMALL_HOURS_PARAGRAPHS = 5
