"""Counts as news prose writes them: digits, number words ("seventeen", "two
dozen", "dozens"), hedges ("at least", "about", "between 20 and 22") and ranges;
and numbers that are no count of people (years, days, distances, money)."""

from __future__ import annotations

import re

from components.report.vocabulary.text import NUMBER_TENS, NUMBER_UNITS

_UNITS = {w: i for i, w in enumerate(NUMBER_UNITS)}
_TENS = {w: 10 * i for i, w in enumerate(NUMBER_TENS, start=2)}
NUMBER_WORD = (
    r"(?:(?:a|one|two|three) hundred|(?:a|one|two|three|four) dozen|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|"
    r"three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen|hundreds|dozens|scores|both)"
)
"""A number in words; 'two dozen' and 'two hundred' before 'two', so that the
longer reading wins."""


NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|{NUMBER_WORD})"


QUALIFIER = (
    r"(?:at least|no fewer than|not less than|more than|over|nearly|almost|about|"
    r"close to|"
    r"around|approximately|roughly|some|up to|as many as|an estimated|between)"
)


COUNT = re.compile(
    rf"\b(?P<qual>{QUALIFIER}\s+)?(?P<low>{NUMBER})"
    rf"(?:\s*(?:-|to|and|or)\s*(?P<high>{NUMBER}))?\b",
    re.IGNORECASE,
)


_NOT_A_COUNT_AFTER = re.compile(
    r"^(?:\s*(?:hours?|days?|weeks?|months?|years?|decades?|cities|towns|"
    r"districts|km|kms|kilomet|miles|metres|meters|per ?cent|%|am|pm|a\.m|p\.m|"
    r"o'clock|million|billion|crore|lakh|rupees|rs|dollars|vehicles|houses|"
    r"shops|places|locations|attacks|incidents|times)\b|-year|-day|-hour|th\b|st\b|"
    r"nd\b|rd\b)",
    re.IGNORECASE,
)


_NOT_A_COUNT_BEFORE = re.compile(
    r"(?:\b(?:no|number|rs|pkr|usd|sector|block|street|phase|km|route|"
    r"article|section|aged?|age of|since|rescue)\.?\s*|[#/:$-])$",
    re.IGNORECASE,
)


_DATE_AROUND = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?!\w)",
    re.I,
)
"""A month name next to a small number makes it a day ('Oct 11'); a word that
merely begins like one ('martyring 13', 'decades') does not."""


def parse_number(word: str) -> tuple[int, bool]:
    """(value, is a lower bound): '17' -> 17; 'seventeen' -> 17; 'dozens' -> 24."""
    word = " ".join(word.lower().replace(",", "").split())
    if word.isdigit():
        return int(word), False
    if word in {"dozens", "scores", "hundreds"}:
        return {"dozens": 24, "scores": 40, "hundreds": 200}[word], True
    dozen = re.fullmatch(r"(a|one|two|three|four) dozen", word)
    if dozen:
        return 12 * {"a": 1, "one": 1}.get(dozen[1], _UNITS.get(dozen[1], 1)), False
    hundred = re.fullmatch(r"(a|one|two|three) hundred", word)
    if hundred:
        return 100 * {"a": 1}.get(hundred[1], _UNITS.get(hundred[1], 1)), False
    if word in {"a", "an", "one", "another", "their", "his", "her"}:
        return 1, False
    if word == "both":  # 'police killed both attackers'
        return 2, False
    parts = re.split(r"[- ]", word)
    return sum(_TENS.get(p, 0) + _UNITS.get(p, 0) for p in parts), False


AT_LEAST = frozenset(
    {"at least", "no fewer than", "not less than", "more than", "over", "as many as"}
)


APPROXIMATE = frozenset(
    {
        "nearly",
        "almost",
        "close to",
        "about",
        "around",
        "approximately",
        "roughly",
        "some",
        "up to",
        "an estimated",
        "between",
    }
)


def not_a_count(body: str, match: re.Match[str], after: str) -> bool:
    low = match.group("low")
    if _NOT_A_COUNT_AFTER.match(after):
        return True
    if low.isdigit() and len(low) == 4 and 1900 <= int(low) <= 2100:
        return True
    before = body[max(0, match.start() - 12) : match.start()]
    if low.isdigit() and _NOT_A_COUNT_BEFORE.search(before):
        return True
    around = body[max(0, match.start() - 12) : match.end() + 12]
    return bool(_DATE_AROUND.search(around)) and low.isdigit() and int(low) <= 31
