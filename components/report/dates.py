"""Dates in a report: the report's own date, the day each sentence speaks of, and
whether a sentence is about an earlier event (background, not news).

A sentence is background when it dates itself before the report ("In August
2024", "on Oct 14", "last year", "earlier this month", "in a similar attack",
"previously"); the sentences after it in its paragraph stay background until one
speaks of the present again ("on Tuesday", "today", "the latest attack").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from components.report.rules import Rule, first
from components.report.segments import Sentence
from components.report.vocabulary.text import MONTHS, WEEKDAYS

_MONTHS = {m: i for i, m in enumerate(MONTHS, start=1)}
_MONTH = (
    r"(?:" + "|".join(_MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?"
)
FULL_DATE = re.compile(
    rf"\b(?:(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})|(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})"
    rf"(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+"
    rf"(?:of\s+)?(?P<m2>{_MONTH}),?\s+(?P<y2>\d{{4}}))\b",
    re.IGNORECASE,
)
_WEEKDAY_NAME = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_DAY_MONTH = re.compile(
    rf"\b(?:on|since|from|of)\s+(?:{_WEEKDAY_NAME},?\s+)?(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})|"
    rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH}))\b(?!,?\s+\d{{4}})",
    re.IGNORECASE,
)
_MONTH_YEAR = re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<y>\d{{4}})\b", re.IGNORECASE)
_YEAR = re.compile(
    r"\b(?:in|since|of|during|from|a|an|the)\s+(?P<y>(?:19|20)\d\d)\b(?!\s*-)", re.I
)
_IN_MONTH = re.compile(
    rf"\bin\s+(?:(?P<part>early|late|mid)-?\s*)?(?P<m>{_MONTH})\b(?!\s+\d)",
    re.IGNORECASE,
)
_LATEST_DAY = {"early": 10, "mid": 20}
"""The last day 'early October' and 'mid-October' can mean."""
_WEEKDAYS = WEEKDAYS
_WEEKDAY = re.compile(
    r"\b(?:on\s+|late\s+|early\s+|last\s+)?(?P<day>" + "|".join(_WEEKDAYS) + r")\b",
    re.IGNORECASE,
)
DAYS_ATTACK = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)'s "
    r"(?:attack|blast|assault|incident|ambush|bombing|raid|explosion)\b",
    re.IGNORECASE,
)
"""'after Friday's attack': the attack the report tells of, and its day."""


BACKGROUND_CUES: tuple[Rule, ...] = (
    Rule(
        "last year, month or week",
        r"\blast (?:year|month|week)\b",
        "Last year, 14 soldiers were killed in a similar attack in Kech.",
        "background",
    ),
    Rule(
        "earlier this or that period",
        r"\bearlier (?:this|that|last|in|in the) (?:year|month|week|january|february|"
        r"march|april|may|june|july|august|september|october|november|december)\b",
        "Earlier this month, six labourers were shot dead in Turbat.",
        "background",
    ),
    Rule(
        "another event of the same week or month",
        r"^\W*(?:also|and) (?:this|that|the same|in the same) (?:week|month)\b",
        "Also this week, 10 soldiers were killed in an attack in Raqa province.",
        "background",
    ),
    Rule(
        "a similar, earlier or previous attack",
        r"\b(?:(?:in|during) (?:a|an) (?:similar|earlier|previous) (?:attack|"
        r"incident|assault|blast|bombing|case)|a similar attack|(?<!foiled )"
        r"(?<!repulsed )(?<!repelled )(?<!thwarted )(?<!averted )similar attacks|"
        r"earlier attacks?|the previous (?:year|month|attack)|(?:several|many|a "
        r"series of) (?:recent|previous|earlier) attacks)\b",
        "In an earlier attack, militants killed nine passengers in Noshki.",
        "background",
    ),
    Rule(
        "time ago or since",
        r"\b(?:previously|in the past|(?:years|months|weeks) ago|so far this year|"
        r"this year alone|since (?:the start|the beginning|january|\d{4})|since (?:the "
        r")?(?:[\w-]+ ){1,4}(?:began|started|erupted|broke out)|in recent "
        r"(?:years|months)|over (?:the )?(?:recent|past|last) (?:few |several )?"
        r"(?:weeks|months|years)|(?:almost|nearly|about|more than|less than|over) "
        r"(?:a|one|two|three) (?:weeks?|months?|years?) (?:earlier|ago|before))\b",
        "More than 200 people have been killed since 2017.",
        "background",
    ),
    Rule(
        "a whole year",
        r"\b(?:during|throughout|in|over the course of|for) (?:the (?:whole |entire )?"
        r"year )?(?:of )?(?:19|20)\d\d\b(?![-/])",
        "Militants carried out more than a hundred attacks during 2022, and 105 "
        "policemen lost their lives in them.",
        "background",
    ),
    Rule(
        "a history",
        r"\b(?:history of|has long|have long|for decades|before that|one of the "
        r"deadliest|(?:has|have) been attacked before|the same group had|in the "
        r"first of those|in the second (?:incident|attack)|(?:has|have) become "
        r"(?:the|a) (?:centre|center|epicentre|epicenter|hotbed|hub|focus|"
        r"stronghold) of)\b",
        "The town has been attacked before, and has a history of bombings.",
        "background",
    ),
    Rule(
        "the period before",
        r"^\W*(?:in\s+|during\s+)?the\s+(?:previous\s+(?:day|week|month|year)|"
        r"(?:day|week|month|year)\s+before)\b",
        "The week before, two attacks in Bolan and Kalat cost the lives of two "
        "policemen.",
        "background",
    ),
    Rule(
        "a stretch of time before the news",
        r"^\W*(?:just |only |about |some |barely )?(?:a|one|two|three|four|five|six|"
        r"seven|\d+) (?:days?|weeks?|months?|years?) (?:earlier|before)\b",
        "A week earlier, an attack on villages in Beni territory left 18 dead.",
        "background",
    ),
    Rule(
        "a bloody stretch of time",
        r"\b(?:the )?(?:past|last) (?:few )?(?:days?|weeks?|months?|years?) (?:has|"
        r"have) been\b|\b(?:has|have) been (?:a|an) (?:\w+ )?(?:bloody|deadly|violent)"
        r" (?:one|week|month|year|period|time)\b",
        "The past week has been a bloody one in Afghanistan.",
        "background",
    ),
    Rule(
        "came after an earlier attack",
        r"\bcame (?:less than |more than |just |only |about )?(?:(?:a|one|two|three|"
        r"four|five|six|seven|eight|nine|ten|\d+) |a few |several )?(?:days?|weeks?|"
        r"months?) after\b|\b(?:came|comes|followed|follows) (?:close |hard |right |"
        r"soon )?on the heels of\b|\b(?:attack|assault|blast|bombing|ambush|raid)s?\s+"
        r"(?:a|one|two|three|four|five|six|seven|\d+|a few|several)\s+(?:days?|weeks?|"
        r"months?)\s+(?:earlier|before|ago)\b",
        "The attack came two weeks after a bombing in Quetta.",
        "background",
    ),
    Rule(
        "a trend of attacks",
        r"\battacks (?:\w+ ){0,3}(?:have|has|had) (?:been )?(?:increas|ris|risen|grown|"
        r"surg|spik|escalat|intensif|mount)\w*|\b(?:follows|followed|comes after|came "
        r"after) (?:a (?:series|spate|wave|string|surge) of|repeated|several|many) "
        r"(?:\w+ )?attacks\b|\b(?:has|have|had) (?:seen|witnessed|"
        r"faced|suffered) (?:a (?:series|spate|wave|string|surge) of|repeated|"
        r"frequent|several|many) (?:\w+ )?(?:attacks|clashes|bombings|killings)\b",
        "Attacks in the province have risen over the past year, and KP has seen a "
        "series of attacks in Bannu and Karak.",
        "background",
    ),
    Rule(
        "earlier, on a day of the calendar",
        rf"^\W*earlier,?\s+(?:on|in)\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}\b",
        "Earlier, on August 22, six soldiers were martyred in South Waziristan.",
        "background",
    ),
    Rule(
        "before that, then or them",
        r"^\W*(?:just |shortly |days |weeks |a (?:day|week|month) )?before "
        r"(?:that|then|this|them|these|those)\b",
        "Before them, terrorists attacked a check post in Kech, killing ten soldiers.",
        "background",
    ),
    Rule(
        "last weekday or month",
        r"\blast (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
        r"january|february|march|april|may|june|july|august|september|october|"
        r"november|december)\b",
        "Last Friday, insurgents shot dead two villagers.",
        "background",
    ),
)
"""Words that begin background: the sentence tells of an earlier event."""

CURRENT_CUES: tuple[Rule, ...] = (
    Rule(
        "a separate or another attack",
        r"\b(?:in|during) (?:(?:a|an) (?:separate|second|further)|another) "
        r"(?:attack|incident|assault|blast|bombing|ambush|raid)\b",
        "In a separate attack in Panjgur, a roadside bomb struck a vehicle.",
        "current",
    ),
    Rule(
        "meanwhile, separately, elsewhere, also",
        r"\b(?:meanwhile|separately|elsewhere|also|at the same time|in addition)\b",
        "Meanwhile, militants torched a bank in Kharan.",
        "current",
    ),
    Rule(
        "today or this part of the day",
        r"\b(?:today|tonight|this morning|this evening|this afternoon)\b",
        "A bomb went off in Sibi this morning, wounding four people.",
        "current",
    ),
    Rule(
        "on a weekday",
        r"\b(?:on|late on|early on|late|early|since) (?:monday|tuesday|wednesday|"
        r"thursday|friday|saturday|sunday)\b",
        "Three attackers were killed late on Monday in Turbat.",
        "current",
    ),
    Rule(
        "the latest attack",
        r"\bthe latest (?:attack|incident)\b|" + DAYS_ATTACK.pattern,
        "The latest attack left four people dead.",
        "current",
    ),
)
"""Words that go on with today's news: a sentence with one is current unless it
also dates itself earlier."""


RECENT_DAYS = 14
"""A dated event this many days before the report or fewer is part of its news."""


def _month(word: str) -> int:
    key = word.lower().rstrip(".")
    return next(number for name, number in _MONTHS.items() if name.startswith(key[:3]))


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
    """A dateline's date, else the first full date in the first lines, else the
    first full date anywhere. Where the report's publication date is known, a
    date of the text is its date only within :data:`RECENT_DAYS` before it ('On
    September 30, 2022, 35 people lost their lives' in a report of July 2023 is
    an earlier event's date)."""
    first_lines = [s for s in sentences if s.paragraph <= 2]
    for group in (first_lines, sentences):
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
    r"released|published|updated|statement|told "
    r"[\w.' -]{1,40}?)\s+$",
    re.IGNORECASE,
)
"""'The army said on Wednesday that ...': the weekday dates the statement."""


def event_weekday(text: str) -> re.Match[str] | None:
    """The first weekday in ``text`` that dates an event, not a statement about
    it ('said on Wednesday evening that ten soldiers had been killed earlier in
    the week' names no day of the attack)."""
    return next(
        (match for match in _WEEKDAY.finditer(text) if not _said(text, match)),
        None,
    )


_SAID_AFTER_DAY = re.compile(
    r"^\s*(?:morning|evening|night)?\s*,?\s*(?:the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:said|says|claimed|announced|confirmed|reported|stated|told)\b(?!\s*,)",
    re.IGNORECASE,
)
"""After a weekday that opens a sentence, a statement's verb: 'On Tuesday the
group claimed an attack ... late on Sunday' dates the claim, not the attack ('On
Saturday, officials said, a vehicle struck a landmine': an aside, the day is the
attack's; so is '... on Tuesday, an official said')."""


def _said(text: str, match: re.Match[str]) -> bool:
    """Whether the weekday ``match`` dates a statement, not an event."""
    return bool(
        _SAID_BEFORE.search(text[max(0, match.start() - 60) : match.start()])
        or (
            re.match(r"^\W*(?:(?:late |early )?on\s+)?$", text[: match.start()], re.I)
            and _SAID_AFTER_DAY.match(text[match.end() : match.end() + 60])
        )
    )


def statement_date(sentence: Sentence, today: dt.date | None) -> dt.date | None:
    """The day a statement in the sentence was made ('officials confirmed on
    Monday that five soldiers had been martyred'): the news happened on or before
    it, so it dates a lede that gives no other day better than the page's date."""
    if today is None:
        return None
    for match in _WEEKDAY.finditer(sentence.text):
        if _said(sentence.text, match):
            wanted = _WEEKDAYS.index(match.group("day").lower())
            return today - dt.timedelta(days=(today.weekday() - wanted) % 7)
    return None


def sentence_date(sentence: Sentence, today: dt.date | None) -> dt.date | None:
    """The day a sentence speaks of: a full date in it, a day and month ('on 3
    March') in the report's year, or a weekday ('on Tuesday') resolved to the last
    such day on or before the report's date; a weekday that dates a statement
    ('the army said on Wednesday') does not count."""
    weekday = event_weekday(sentence.text)
    for match in FULL_DATE.finditer(sentence.text):
        date = _full_date(match)
        if date and not (weekday and date == today):  # the dateline's date
            return date
    if today is None:
        return None
    for match in _DAY_MONTH.finditer(sentence.text):
        if _SAID_BEFORE.search(
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
        wanted = _WEEKDAYS.index(weekday.group("day").lower())
        return today - dt.timedelta(days=(today.weekday() - wanted) % 7)
    if re.search(r"\byesterday\b", sentence.text, re.I):
        return today - dt.timedelta(days=1)
    return None


SAME_TIME_CUES: tuple[Rule, ...] = (
    Rule(
        "the same day as the sentence before",
        r"^(?:on\s+)?(?:that|the)\s+(?:same\s+)?(?:day|night|evening|morning)\b|"
        r"^(?:later|earlier)\s+(?:that|the same)\s+(?:day|night)\b",
        "That same day, in a late-night attack, four Levies personnel were martyred.",
        "keep",
    ),
    Rule(
        "a stretch of time after the sentence before",
        r"^(?:then|and)?,?\s*(?:just |only |about |some |barely )?(?:a|one|two|three|"
        r"four|five|six|seven|\d+|a few|several) (?:days?|weeks?|months?|years?) "
        r"later\b",
        "Then, a month later, police confirmed that three persons had died at Bawan "
        "Daji village.",
        "keep",
    ),
    Rule(
        "the attack the sentence before told of",
        r"^(?:in|during|after)\s+(?:that|this|the same)\s+(?:attack|incident|assault|"
        r"raid|blast|bombing|ambush)\b",
        "In that attack, also in the early hours, armed men burst into a house.",
        "keep",
    ),
    Rule(
        "one of the attacks the sentence before told of",
        r"^(?:in|during)\s+the\s+(?:first|second|third|fourth|former|latter|other)"
        r"(?:\s+(?:attack|incident|assault|raid|blast|bombing|ambush))?\s*,",
        "In the second, armed men sprayed a police patrol with bullets near Mughalzai.",
        "keep",
    ),
)
"""Words that date a sentence by the one before it: it keeps that sentence's
state (news or background) even when it opens a paragraph."""


LATEST = re.compile(
    r"\bthe latest (?:attack|incident|assault|bombing|in a (?:series|string|spate|"
    r"wave|run))\b",
    re.IGNORECASE,
)
"""The news's attack as the last of a trend: the trend's words do not make the
sentence background."""


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
    if first(BACKGROUND_CUES, sentence.text) or is_earlier(sentence, today):
        return "background"
    if first(CURRENT_CUES, sentence.text):
        return "current"
    return None


_FOUNDED = re.compile(
    r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bis )(?<!\bare )"
    r"\b(?:formed|founded|created|established|set up|raised)\s+(?:in|on)\s+"
    r"(?:(?:early|mid|late)[- ])?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:[A-Z][a-z]+\s+)?"
    r"(?:\d{1,2},?\s+)?\d{4}\b"
)


def is_earlier(sentence: Sentence, today: dt.date | None) -> bool:
    """Whether the sentence dates itself before the report's news. A date that
    says when a group or force was formed, in an aside ('an auxiliary force
    formed in December 2019'), dates no event."""
    text = _FOUNDED.sub(" ", sentence.text)
    if today is None:
        return False
    for match in FULL_DATE.finditer(text):
        date = _full_date(match)
        if date and (today - date).days > RECENT_DAYS:
            return True
    for match in _DAY_MONTH.finditer(text):
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
    return False


def _same_event_month(today: dt.date, year: int, month: int) -> bool:
    """The month just before the report's, when the report is early in its month."""
    previous = today.replace(day=1) - dt.timedelta(days=1)
    return (year, month) == (previous.year, previous.month) and today.day <= RECENT_DAYS


def before_the_lede(
    sentence: Sentence, lede: dt.date | None, today: dt.date | None
) -> bool:
    """A sentence after the first paragraph dated two days or more before the day
    the report's first sentence tells of ('On Sunday, the Guards said they had
    killed six militants', in a report of Friday's ambush), or in the daytime of
    the day before: an earlier event."""
    if lede is None or sentence.paragraph == 0:
        return False
    # a statement made days before the news speaks of something earlier still
    date = sentence_date(sentence, today) or statement_date(sentence, today)
    if date is None:
        return False
    days = (lede - date).days
    return days >= 2 or (days == 1 and bool(_DAYTIME.search(sentence.text)))


_DAYTIME = re.compile(
    rf"\b(?:{'|'.join(_WEEKDAYS)})\s+(?:morning|afternoon)\b", re.IGNORECASE
)
"""'On Wednesday morning four police officers were killed', in a report of
Thursday's attack: the day before, by day, is an earlier event (a night attack
told of the next day is not)."""


NIGHT = re.compile(
    r"\b(?:overnight|night-?time|last night|during the night|late at night|"
    r"in the early hours|the night before|the previous night)\b",
    re.IGNORECASE,
)
"""An attack at night, told of the next day ('militants struck overnight')."""


def night_before(
    sentences: Sequence[Sentence], today: dt.date | None
) -> dt.date | None:
    """For a report whose first paragraphs give no day of the attack but say it
    came at night: the night before the day the statement was made (or the
    report's date); the key of a night's attack is its first day."""
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
            return said - dt.timedelta(days=1)
    return None
