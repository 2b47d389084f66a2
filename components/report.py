"""From a report's text to the places, targets, attacks and figures it claims. Pure.

Rules, not a model: places come from the gazetteer over the text's words and word
n-grams, targets and attacks from phrase lists, figures from number phrases next to
a group and an outcome. Every item carries the character span and the sentence it
came from; nothing is reported without words in the text to show for it.

Command line::

    python -m components.report FILE      # .txt, .md or .html; prints JSON
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from components.errors import IncidentMapError, InputFileError
from components.files import read_capped
from components.gazetteer import Gazetteer, Place, default_gazetteer, normalize_name
from components.model import ATTACK_TYPES, TARGET_TYPES, GeoPrecision

MAX_REPORT_CHARS = 1_000_000
"""Longer texts are refused with a message: split them into reports."""


def _words(text: str) -> list[str]:
    return text.split()


_PLAIN = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
    }
)


def plain(text: str) -> str:
    """Typographic quotes, dashes and spaces as ASCII, one character for one,
    so offsets into the plain text are offsets into the original."""
    return text.translate(_PLAIN)


class ReportError(IncidentMapError, ValueError):
    """The input cannot be read as a report; the message says why."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where in the text an item was found."""

    start: int
    end: int
    text: str
    sentence: str
    sentence_start: int

    def as_json(self) -> dict[str, object]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
        }


@dataclass(frozen=True, slots=True)
class PlaceMention:
    place: Place
    geo_precision: GeoPrecision
    evidence: Evidence

    def as_json(self) -> dict[str, object]:
        return {
            "name": self.place.name,
            "lat": self.place.lat,
            "lon": self.place.lon,
            "geo_precision": int(self.geo_precision),
            "geonameid": self.place.geonameid,
            "evidence": self.evidence.as_json(),
        }


@dataclass(frozen=True, slots=True)
class CodeMention:
    """A target or attack type, by its vocabulary code."""

    code: str
    label: str
    evidence: Evidence

    def as_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "label": self.label,
            "evidence": self.evidence.as_json(),
        }


GROUPS = ("civilians", "security", "attackers", "unspecified")


@dataclass(frozen=True, slots=True)
class Figure:
    """A casualty figure: ``value`` is the low end; ``high`` the top of a range."""

    group: str
    outcome: str
    """'killed' or 'injured'."""
    value: int
    evidence: Evidence
    high: int | None = None
    at_least: bool = False
    approximate: bool = False

    def as_json(self) -> dict[str, object]:
        return {
            "group": self.group,
            "value": self.value,
            "high": self.high,
            "at_least": self.at_least,
            "approximate": self.approximate,
            "evidence": self.evidence.as_json(),
        }


@dataclass
class Extraction:
    """Every mention found, in text order; ``places``, ``targets`` and ``attacks``
    give the first mention of each."""

    date: dt.date | None = None
    date_evidence: Evidence | None = None
    place_mentions: list[PlaceMention] = field(default_factory=list)
    target_mentions: list[CodeMention] = field(default_factory=list)
    attack_mentions: list[CodeMention] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)

    @property
    def places(self) -> list[PlaceMention]:
        first = {}
        for mention in self.place_mentions:
            first.setdefault(mention.place.geonameid, mention)
        return list(first.values())

    @property
    def targets(self) -> list[CodeMention]:
        return _first_each(self.target_mentions, TARGET_TYPES)

    @property
    def attacks(self) -> list[CodeMention]:
        return _first_each(self.attack_mentions, ATTACK_TYPES)

    def killed(self, group: str) -> Figure | None:
        """The figure for ``group``: the largest the text gives (reports revise up)."""
        return _largest(
            f for f in self.figures if f.group == group and f.outcome == "killed"
        )

    def injured(self) -> Figure | None:
        return _largest(f for f in self.figures if f.outcome == "injured")

    def as_json(self) -> dict[str, object]:
        def figure(found: Figure | None) -> dict[str, object] | None:
            return found.as_json() if found else None

        return {
            "date": self.date.isoformat() if self.date else None,
            "date_evidence": self.date_evidence.as_json()
            if self.date_evidence
            else None,
            "places": [mention.as_json() for mention in self.places],
            "targets": [mention.as_json() for mention in self.targets],
            "attacks": [mention.as_json() for mention in self.attacks],
            "casualties": {
                **{group: figure(self.killed(group)) for group in GROUPS},
                "injured": figure(self.injured()),
            },
        }


def _first_each(mentions: list[CodeMention], order: dict) -> list[CodeMention]:
    """The first mention of each code, in vocabulary order."""
    first: dict[str, CodeMention] = {}
    for mention in mentions:
        first.setdefault(mention.code, mention)
    return [first[code] for code in order if code in first]


def _largest(figures: Iterator[Figure]) -> Figure | None:
    return max(figures, key=lambda f: (f.value, f.at_least), default=None)


# --- Reading files ----------------------------------------------------------------


class _TextFromHtml(HTMLParser):
    BLOCKS = frozenset(
        _words(
            "p div br li ul ol h1 h2 h3 h4 h5 h6 tr table section article header "
            "footer blockquote pre title"
        )
    )
    SKIP = frozenset({"script", "style", "noscript", "template", "head"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """The readable text of an HTML page: no script, style or tags."""
    parser = _TextFromHtml()
    parser.feed(markup)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def decode_report(data: bytes, name: str) -> str:
    """Text from uploaded or read bytes; binary and oversized input are refused."""
    if b"\x00" in data[:65536]:
        raise ReportError(f"{name} is not text (it holds NUL bytes)")
    text = data.decode("utf-8-sig", errors="replace")
    if text.count("\ufffd") > max(16, len(text) // 100):
        raise ReportError(f"{name} is not UTF-8 text")
    if len(text) > MAX_REPORT_CHARS:
        raise ReportError(
            f"{name} is {len(text):,} characters; a report may have at most "
            f"{MAX_REPORT_CHARS:,}. Split it into reports."
        )
    looks_html = name.lower().endswith((".html", ".htm")) or re.match(
        r"\s*<(!doctype|html)", text, re.IGNORECASE
    )
    return html_to_text(text) if looks_html else text


MAX_REPORT_BYTES = 4 * MAX_REPORT_CHARS
"""A report file larger than this cannot hold an acceptable text (UTF-8 uses at
most four bytes a character), so it is refused before it is read."""


def read_report(path: Path) -> str:
    try:
        data = read_capped(path, MAX_REPORT_BYTES, "report")
    except InputFileError as error:
        raise ReportError(str(error)) from None
    return decode_report(data, str(path))


# --- Sentences and words ----------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?])[\")]*\s+|\n+")
_WORD = re.compile(r"[^\W\d_][\w'\-]*")


def sentences(text: str) -> Iterator[tuple[int, str]]:
    """(offset, sentence) pairs; a line break also ends a sentence."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.start() > start:
            yield start, text[start : match.start()]
        start = match.end()
    if start < len(text):
        yield start, text[start:]


def _evidence(text: str, start: int, end: int, s_start: int, sentence: str) -> Evidence:
    """Evidence quoted from ``text`` (the original, not the plain copy); the
    sentence loses surrounding space and list bullets, and its start moves with it."""
    original = text[s_start : s_start + len(sentence)]
    trimmed = original.lstrip(_SENTENCE_TRIM)
    s_start += len(original) - len(trimmed)
    return Evidence(start, end, text[start:end], trimmed.rstrip(), s_start)


_SENTENCE_TRIM = " \t\r\n-*\u2022"


# --- Places -----------------------------------------------------------------------

TITLES = frozenset(
    _words(
        "mr mrs ms dr minister president general gen commander chief prime "
        "sardar nawab mir senator spokesman spokesperson governor colonel major "
        "captain inspector justice judge imam maulana mullah sheikh"
    )
)
"""Words that, just before a name, make it a person's."""
DISTRICT_WORDS = frozenset({"district", "division", "tehsil", "area", "region"})
PROVINCE_WORDS = frozenset({"province", "provincial"})
MAX_NGRAM = 3
REPORT_REGION = ("PK", "Balochistan")
"""Reports are read for places in this province only (its towns, tehsils and
districts, and the province itself). Across three countries, thousands of village
names would match ordinary words of an English text."""
REPORT_MIN_POPULATION = 500


def in_report_scope(place: Place) -> bool:
    """A place of :data:`REPORT_REGION` that is an area, a curated town (it names
    its district) or a town of at least 500 people: not an imported village."""
    if (place.country, place.admin1) != REPORT_REGION:
        return False
    return (
        place.kind != "town"
        or bool(place.district)
        or (place.population or 0) >= REPORT_MIN_POPULATION
    )


@functools.lru_cache(maxsize=4)
def report_places(gazetteer: Gazetteer) -> Gazetteer:
    """The part of ``gazetteer`` that report text is matched against: the places
    :func:`in_report_scope` accepts, by their own names and curated aliases."""
    return gazetteer.restricted(in_report_scope, alternates=False)


def _strip_possessive(word: str) -> str:
    return re.sub(r"'s$", "", word)


def find_places(text: str, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Every mention of a place of :data:`REPORT_REGION`, in text order."""
    gazetteer = report_places(gazetteer)
    found: list[PlaceMention] = []
    for s_start, sentence in sentences(plain(text)):
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(sentence)]
        keys = [normalize_name(_strip_possessive(w)) for _, _, w in words]
        i = 0
        while i < len(words):
            matched = 0
            for n in range(min(MAX_NGRAM, len(words) - i), 0, -1):
                first = words[i][2]
                if not first[0].isupper():
                    break
                place = gazetteer.get(" ".join(keys[i : i + n]))
                if place is None or _is_person(words, keys, i, n):
                    continue
                after = keys[i + n] if i + n < len(keys) else ""
                precision = place.precision
                if after in DISTRICT_WORDS and precision == GeoPrecision.TOWN:
                    precision = GeoPrecision.NEAR_TOWN
                start = s_start + words[i][0]
                end = (
                    s_start
                    + words[i + n - 1][0]
                    + len(_strip_possessive(words[i + n - 1][2]))
                )
                found.append(
                    PlaceMention(
                        place, precision, _evidence(text, start, end, s_start, sentence)
                    )
                )
                matched = n
                break
            i += matched or 1
    return found


def _is_person(words: list, keys: list[str], i: int, n: int) -> bool:
    """A name right after a title, or after another capitalised non-place word."""
    if i == 0:
        return False
    previous = keys[i - 1].rstrip(".")
    if previous in TITLES:
        return True
    before = words[i - 1][2]
    gap = words[i][0] - words[i - 1][1]
    return before[0].isupper() and gap == 1 and previous not in _NOT_NAMES


_NOT_NAMES = frozenset(
    _words(
        "in at of the and from near to across northern southern eastern western "
        "central southwestern southeastern northwestern northeastern pakistan "
        "pakistan's"
    )
)


# --- Targets and attacks ----------------------------------------------------------


def _phrases(*patterns: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(patterns) + r")\b", re.IGNORECASE)


_HYPHEN = r"[- ]?"
TARGET_PHRASES: dict[str, re.Pattern[str]] = {
    "frontier_corps_hq": _phrases(
        r"frontier corps (?:headquarters|hq)", r"fc (?:headquarters|hq)"
    ),
    "police_paramilitary": _phrases(
        r"police (?:and paramilitary )?(?:stations?|posts?|check ?posts?|"
        r"checkpoints?|installations?|lines|headquarters|compounds?)",
        r"paramilitary (?:installations?|posts?|camps?|headquarters|bases?|"
        r"check ?posts?|checkpoints?)",
        r"levies (?:posts?|stations?|check ?posts?|thanas?)",
        r"fc (?:camps?|posts?|check ?posts?|checkpoints?|forts?)",
        r"thanas?",
    ),
    "prison": _phrases(r"prisons?", r"jails?", r"gaols?"),
    "government": _phrases(
        r"government (?:buildings?|offices?|installations?|compounds?|complex)",
        r"administrative (?:buildings?|offices?|complex)",
        r"deputy commissioner(?:'s)? (?:office|house|residence)",
        r"district (?:administration|courts?) (?:offices?|buildings?|complex)?",
        r"secretariat",
    ),
    "market": _phrases(r"markets?", r"bazaars?", r"marketplaces?"),
    "bank": _phrases(r"banks?"),
    "hospital": _phrases(r"hospitals?", r"clinics?", r"health (?:centres?|centers?)"),
    "school": _phrases(r"schools?", r"colleges?", r"universit(?:y|ies)"),
    "railway": _phrases(
        r"railway(?: (?:tracks?|lines?|stations?|bridges?))?",
        r"rail (?:tracks?|lines?)",
        r"train(?:s| services?)?",
    ),
    "telecoms": _phrases(
        rf"mobile{_HYPHEN}(?:phone )?(?:networks?|services?|towers?)",
        r"cellular (?:networks?|services?)",
        r"telecom(?:munications?)? (?:towers?|networks?|services?)",
        r"internet (?:services?|connections?)",
    ),
}

ATTACK_PHRASES: dict[str, re.Pattern[str]] = {
    "bombing": _phrases(
        r"bomb(?:s|ing|ings|ed|ers?)?",
        r"grenades?",
        r"suicide(?: (?:attacks?|bombers?|bombings?|vests?))?",
        r"ieds?",
        r"improvised explosive devices?",
        r"explosive(?:s|-laden)?",
        r"explosions?",
        r"blasts?",
        r"vbieds?",
        r"rammed",
    ),
    "armed_assault": _phrases(
        r"guns?",
        r"gunmen",
        r"gunfire",
        r"opened fire",
        r"opening fire",
        r"shooting",
        r"firing",
        r"armed (?:assaults?|attacks?|men)",
        r"rifles?",
    ),
    "hostage_kidnapping": _phrases(r"kidnapp(?:ed|ing|ings)", r"abduct(?:ed|ion|ions)"),
    "hostage_barricade": _phrases(
        r"took (?:\w+ )?hostages?", r"hostages? (?:crisis|siege)"
    ),
    "assassination": _phrases(r"assassinat(?:ed|ion)", r"targeted killings?"),
    "facility_attack": _phrases(
        r"arson", r"set (?:on )?fire", r"torched", r"sabotage[d]?"
    ),
}


def _find_codes(
    text: str, phrases: dict[str, re.Pattern[str]], labels: dict[str, str]
) -> list[CodeMention]:
    """Every mention of a code, in text order; a phrase inside a longer one is not
    counted again."""
    found: list[CodeMention] = []
    spans: list[tuple[int, int]] = []
    for s_start, sentence in sentences(plain(text)):
        for code, pattern in phrases.items():
            for match in pattern.finditer(sentence):
                start, end = s_start + match.start(), s_start + match.end()
                if any(a < end and start < b for a, b in spans):
                    continue  # inside a longer phrase already matched
                spans.append((start, end))
                evidence = _evidence(text, start, end, s_start, sentence)
                found.append(CodeMention(code, labels[code], evidence))
    return sorted(found, key=lambda mention: mention.evidence.start)


def find_targets(text: str) -> list[CodeMention]:
    labels = {code: TARGET_TYPES[code].label for code in TARGET_TYPES}
    return _find_codes(text, TARGET_PHRASES, labels)


def find_attacks(text: str) -> list[CodeMention]:
    labels = {code: ATTACK_TYPES[code].label for code in ATTACK_TYPES}
    return _find_codes(text, ATTACK_PHRASES, labels)


# --- Figures ------------------------------------------------------------------------

_UNITS = {
    w: i
    for i, w in enumerate(
        _words(
            "zero one two three four five six seven eight nine ten eleven twelve "
            "thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
        )
    )
}
_TENS = {
    w: 10 * i
    for i, w in enumerate(
        _words("_ _ twenty thirty forty fifty sixty seventy eighty ninety")
    )
    if w != "_"
}
_NUMBER_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|"
    r"three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen|a hundred|one hundred|hundreds|dozens|scores|a dozen)"
)
_NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|{_NUMBER_WORD})"
_QUALIFIER = (
    r"(?:at least|no fewer than|not less than|more than|over|nearly|almost|about|"
    r"around|approximately|roughly|some|up to)"
)
_FIGURE = re.compile(
    rf"\b(?P<qual>{_QUALIFIER}\s+)?(?P<low>{_NUMBER})"
    rf"(?:\s*(?:-|to|and)\s*(?P<high>{_NUMBER}))?\b",
    re.IGNORECASE,
)

_GROUP_WORDS = {
    "civilians": r"civilians?|passers-?by|bystanders|residents|villagers|workers|"
    r"labou?rers|children|women|worshippers|students|pilgrims|passengers",
    "security": r"security (?:personnel|forces?|officials|men|officers)|soldiers?|"
    r"troops?|servicemen|policem[ae]n|police(?: officers| officials| personnel)?|"
    r"personnel|officers|paramilitar(?:y|ies)(?: troops| soldiers| personnel)?|"
    r"levies|fc (?:personnel|soldiers|men)|law enforcers",
    "attackers": r"attackers?|militants?|insurgents?|terrorists?|gunmen|assailants?|"
    r"fighters?|suicide bombers?|rebels?|separatists?",
    "unspecified": r"people|persons?|individuals?|others|lives",
}
_GROUP = re.compile(
    r"^\s*(?P<filler>(?:[\w-]+\s+){0,2}?)(?P<group>"
    + "|".join(f"(?P<{g}>{w})" for g, w in _GROUP_WORDS.items())
    + r")\b",
    re.IGNORECASE,
)
_KILLED_AFTER = re.compile(
    r"^[^.;:\d]{0,60}?\b(?P<word>killed|dead|died|slain|lost their lives|"
    r"perished|martyred|injured|wounded|hurt)\b",
    re.IGNORECASE,
)
_KILLED_BEFORE = re.compile(
    r"\b(?P<word>killing|killed|claimed the lives of|death toll (?:rose|"
    r"climbed|stood) (?:to|at)|injuring|wounding|wounded|injured)\b",
    re.IGNORECASE,
)
_INJURED = frozenset({"injured", "wounded", "hurt", "injuring", "wounding"})
_NOT_A_COUNT_AFTER = re.compile(
    r"^\s*(?:hours?|days?|weeks?|months?|years?|cities|towns|districts|km|kilomet|"
    r"miles|per ?cent|%|am|pm|a\.m|p\.m)",
    re.IGNORECASE,
)


def parse_number(word: str) -> tuple[int, bool]:
    """(value, is a lower bound): '17' -> 17; 'seventeen' -> 17; 'dozens' -> 24."""
    word = word.lower().replace(",", "")
    if word.isdigit():
        return int(word), False
    if word in {"dozens", "scores"}:
        return (24 if word == "dozens" else 40), True
    if word == "hundreds":
        return 200, True
    if word in {"a dozen"}:
        return 12, False
    if word in {"a hundred", "one hundred"}:
        return 100, False
    parts = re.split(r"[- ]", word)
    return sum(_TENS.get(p, 0) + _UNITS.get(p, 0) for p in parts), False


def find_figures(text: str) -> list[Figure]:
    """Casualty figures: a number, the group it counts, and killed or injured."""
    figures = []
    for s_start, sentence in sentences(plain(text)):
        candidates = []
        for match in _FIGURE.finditer(sentence):
            after = sentence[match.end() :]
            if _NOT_A_COUNT_AFTER.match(after) or _is_year_or_date(sentence, match):
                continue
            group_match = _GROUP.match(after)
            end = match.end() + (group_match.end() if group_match else 0)
            between = group_match.group("filler") if group_match else ""
            outcome = _outcome(sentence, match.start(), end, between, bool(group_match))
            candidates.append((match, group_match, end, outcome))
        # "5 troops and 2 civilians were killed": the list shares its outcome.
        for index in range(len(candidates) - 2, -1, -1):
            match, group_match, end, outcome = candidates[index]
            following = candidates[index + 1]
            joined = _LIST_JOIN.fullmatch(sentence[end : following[0].start()])
            if outcome is None and group_match and following[3] and joined:
                candidates[index] = (match, group_match, end, following[3])
        for match, group_match, end, outcome in candidates:
            if outcome is None:
                continue
            group = next(
                (g for g in _GROUP_WORDS if group_match and group_match.group(g)),
                "unspecified",
            )
            low, lower_bound = parse_number(match.group("low"))
            high = parse_number(match.group("high"))[0] if match.group("high") else None
            qualifier = (match.group("qual") or "").strip().lower()
            figures.append(
                Figure(
                    group=group,
                    outcome=outcome,
                    value=low,
                    high=high if high and high > low else None,
                    at_least=lower_bound or qualifier in _AT_LEAST,
                    approximate=qualifier in _APPROXIMATE,
                    evidence=_evidence(
                        text, s_start + match.start(), s_start + end, s_start, sentence
                    ),
                )
            )
    return figures


_LIST_JOIN = re.compile(r"\s*(?:,|and|,\s*and)\s*")
_AT_LEAST = frozenset(
    {"at least", "no fewer than", "not less than", "more than", "over"}
)
_APPROXIMATE = frozenset(
    {"nearly", "almost", "about", "around", "approximately", "roughly", "some", "up to"}
)


def _outcome(
    sentence: str, start: int, end: int, between: str, has_group: bool
) -> str | None:
    """'killed' or 'injured' from the words after the figure ('12 soldiers were
    killed'), between it and its group ('8 wounded passengers') or the nearest verb
    before it ('killing 12 soldiers'). A number with no group counts only when
    'killed' or the like follows at once.
    """
    after = _KILLED_AFTER.match(sentence[end:])
    inside = _OUTCOME_WORD.search(between)
    tail = re.split(r"[.;:]", sentence[max(0, start - 50) : start])[-1]
    before = list(_KILLED_BEFORE.finditer(tail))
    if inside:
        word = inside.group().lower()
    elif after and (has_group or after.start("word") <= 2):
        word = after.group("word").lower()
    elif has_group and before:
        word = before[-1].group("word").lower()
    else:
        return None
    return "injured" if word in _INJURED else "killed"


_OUTCOME_WORD = re.compile(r"\b(?:killed|dead|slain|injured|wounded|hurt)\b", re.I)


def _is_year_or_date(sentence: str, match: re.Match[str]) -> bool:
    low = match.group("low")
    if low.isdigit() and len(low) == 4 and 1900 <= int(low) <= 2100:
        return True
    around = sentence[max(0, match.start() - 12) : match.end() + 12]
    return bool(_DATE.search(around)) and low.isdigit() and int(low) <= 31


# --- Dates --------------------------------------------------------------------------

_MONTHS = {
    m: i
    for i, m in enumerate(
        _words(
            "january february march april may june july august september october "
            "november december"
        ),
        start=1,
    )
}
_MONTH = (
    r"(?:" + "|".join(_MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?"
)
_DATE = re.compile(
    rf"\b(?:(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})|(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}}),?\s+"
    rf"(?P<y1>\d{{4}})|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH}),?\s+(?P<y2>\d{{4}}))\b",
    re.IGNORECASE,
)


def _month(word: str) -> int:
    key = word.lower().rstrip(".")
    return next(number for name, number in _MONTHS.items() if name.startswith(key[:3]))


def find_date(text: str) -> tuple[dt.date | None, Evidence | None]:
    """The first full date in the text (a dateline, usually)."""
    for s_start, sentence in sentences(plain(text)):
        for match in _DATE.finditer(sentence):
            try:
                if match.group("iso"):
                    date = dt.date.fromisoformat(match.group("iso"))
                elif match.group("m1"):
                    date = dt.date(
                        int(match.group("y1")),
                        _month(match.group("m1")),
                        int(match.group("d1")),
                    )
                else:
                    date = dt.date(
                        int(match.group("y2")),
                        _month(match.group("m2")),
                        int(match.group("d2")),
                    )
            except ValueError:
                continue
            start, end = s_start + match.start(), s_start + match.end()
            return date, _evidence(text, start, end, s_start, sentence)
    return None, None


# --- All together -------------------------------------------------------------------


def extract(text: str, gazetteer: Gazetteer | None = None) -> Extraction:
    """Everything the text claims that this module can find, with its evidence."""
    if len(text) > MAX_REPORT_CHARS:
        raise ReportError(
            f"the text is {len(text):,} characters; at most {MAX_REPORT_CHARS:,}"
        )
    date, date_evidence = find_date(text)
    return Extraction(
        date=date,
        date_evidence=date_evidence,
        place_mentions=find_places(text, gazetteer or default_gazetteer()),
        target_mentions=find_targets(text),
        attack_mentions=find_attacks(text),
        figures=find_figures(text),
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m components.report",
        description="Extract places, targets, attacks and figures from a report.",
    )
    parser.add_argument("file", type=Path, help="a .txt, .md or .html report")
    args = parser.parse_args(argv)
    try:
        extraction = extract(read_report(args.file))
    except ReportError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(json.dumps(extraction.as_json(), ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
