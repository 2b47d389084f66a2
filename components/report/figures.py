"""Casualty figures in a clause: how many, of which side, killed or injured.

A figure is a number (digits or words, "at least", ranges), the people it counts
("policemen", "khwarij", "passengers") and a verb that says what happened to them,
found within one clause: "21 terrorists were eliminated and several others were
injured" gives 21 attackers killed and nothing for "several others". A total with
its parts ("at least 50 people, including 14 security personnel, were killed";
"11 people - five women and four children - died") keeps both: the total, and the
parts by side, so that the total is never added to its own parts.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from components.report.rules import Rule
from components.report.segments import Span, words
from components.report.vocabulary import (
    GENERIC_HEADS,
    INJURED_WORDS,
    KILLED_VERBS,
    LEFT_DEAD,
    MILITARY_SIDE,
    OUTCOME_AFTER,
    OUTCOME_BEFORE,
    SIDE_WORDS,
)

SIDES = ("civilians", "security", "attackers", "unspecified")
OUTCOMES = ("killed", "injured")

_UNITS = {
    w: i
    for i, w in enumerate(
        words(
            "zero one two three four five six seven eight nine ten eleven "
            "twelve thirteen fourteen fifteen sixteen seventeen eighteen "
            "nineteen"
        )
    )
}
_TENS = {
    w: 10 * i
    for i, w in enumerate(
        words("_ _ twenty thirty forty fifty sixty seventy eighty ninety")
    )
    if w != "_"
}
_NUMBER_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|"
    r"three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen|(?:a|one|two|three) hundred|hundreds|dozens|scores|"
    r"(?:a|one|two|three|four) dozen)"
)
_NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|{_NUMBER_WORD})"
_QUALIFIER = (
    r"(?:at least|no fewer than|not less than|more than|over|nearly|almost|about|"
    r"around|approximately|roughly|some|up to|as many as|an estimated|between)"
)
_COUNT = re.compile(
    rf"\b(?P<qual>{_QUALIFIER}\s+)?(?P<low>{_NUMBER})"
    rf"(?:\s*(?:-|to|and|or)\s*(?P<high>{_NUMBER}))?\b",
    re.IGNORECASE,
)
_ONE = re.compile(
    r"\b(?P<low>a|an|one|another|their|his|her|the(?=\s+[\w-]+'s\s))"
    r"\s+(?:[\w-]+'s\s+)?(?=\w)",
    re.IGNORECASE,
)
"""'a policeman', 'their Pakistani driver', 'the train's driver': one person."""
_SINGULAR_NOUN = (
    r"(?:policeman|policewoman|soldier|officer|constable|cop|sepoy|jawan|"
    r"(?:sub-)?inspector|civilian|child|woman|girl|boy|labou?rer|worker|"
    r"passenger|driver|miner|person|man|militant|terrorist|attacker|assailant|"
    r"suicide bomber|"
    r"(?:private (?:security )?)?guard|national|foreigner|"
    r"levies (?:official|man)|fc (?:official|soldier))"
)
_SINGULAR = re.compile(
    rf"^(?:[\w-]+\s+){{0,2}}?(?P<group>{_SINGULAR_NOUN}(?:\s+{_SINGULAR_NOUN})?)\b",
    re.IGNORECASE,
)
"""'a policeman', 'a woman civilian' (the last noun says the side), 'a police
sub-inspector'."""
_PEOPLE = "|".join(f"(?P<{side}>{words})" for side, words in SIDE_WORDS.items())
_GROUP = re.compile(
    r"^\s*(?P<filler>(?:(?:(?!(?:when|after|as|while|and|or|but|in|at|on|by|"
    r"were|was|had|have|has)\b)[\w-]+|"
    r"\([A-Za-z.]{1,8}\))\s+){0,3}?)(?P<group>" + _PEOPLE + r")\b",
    re.IGNORECASE,
)
"""The people a count counts, a few words after it: 'Five Frontier Corps (FC)
personnel'; never past a conjunction, preposition or auxiliary ('100 wounded when a
bomber')."""
_MORE_PEOPLE = re.compile(r"^\s+(?P<group>" + _PEOPLE + r")\b", re.IGNORECASE)
"""A noun right after the first: 'one paramilitary soldier', 'nine Pakistani
nationals'; the last one (the head noun) says the side."""
_MIXED = re.compile(
    rf"^\s+(?:and|or)\s+(?:(?!(?:{_NUMBER}|a|an|another)\b)[\w-]+\s+)?(?P<group>"
    + _PEOPLE
    + r")\b",
    re.IGNORECASE,
)
"""'17 security personnel and civilians': one count of people of two sides."""
_OF_THEM = re.compile(r"^\s+of\s+(?:them|those)\b", re.IGNORECASE)
_ANY_PEOPLE = re.compile(r"\b(?:" + _PEOPLE + r")\b", re.IGNORECASE)
_BARE_END = re.compile(
    r"^\s*(?:[,.;:)]|$|(?:and|while|whereas|in|on|at|as|when|after)\b)", re.I
)
"""What may follow a bare count that a verb governs: 'killing nine people and
injuring 16, while ...'."""
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
    r"article|section|aged?|age of|since)\.?\s*|[#/:$-])$",
    re.IGNORECASE,
)
_DATE_AROUND = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?!\w)",
    re.I,
)
"""A month name next to a small number makes it a day ('Oct 11'); a word that
merely begins like one ('martyring 13', 'decades') does not."""
_OUTCOME_INSIDE = re.compile(r"\b(?:killed|dead|slain|injured|wounded|hurt)\b", re.I)
_PARTS = re.compile(
    r"^\s*(?:,|\s-|\()\s*(?:including|among them|among whom|of whom|comprising|"
    r"who included|which included|(?=\w))\s*",
    re.IGNORECASE,
)
_LIST_JOIN = re.compile(r"^\s*(?:,|and|,\s*and|as well as|along with)\s*$", re.I)
_DEATH_TOLL = re.compile(
    rf"\b(?:death toll|toll|number of (?:the )?dead)\s+(?:\w+\s+){{0,3}}?"
    rf"(?:rose|climbed|jumped|reached|stands?|stood|increased|is|was|has risen)"
    rf"\s+(?:to|at)\s+(?P<count>(?:{_QUALIFIER}\s+)?{_NUMBER})\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Figure:
    """A count of people killed or injured, with the words it rests on.

    ``value`` is the low end (the count itself when exact), ``high`` the top of a
    range; ``at_least`` and ``approximate`` keep the report's hedging, as UCDP's
    low/best/high do. ``parts`` are the counts a total was said to include.
    """

    side: str
    outcome: str
    value: int
    start: int
    end: int
    text: str
    high: int | None = None
    at_least: bool = False
    approximate: bool = False
    military: bool = False
    """The security side is named as the army ('soldiers', 'troops')."""
    parts: tuple[Figure, ...] = field(default=())
    secondary: bool = False
    """A count of bodies found or of people brought to one hospital: it stands for
    its side only where the report states no toll (see ``tally``)."""
    some_of: bool = False
    """The parts are said to be some of the total ('five people, four of them
    fishermen'): the rest is not named."""

    def as_json(self) -> dict[str, object]:
        return {
            "side": self.side,
            "outcome": self.outcome,
            "value": self.value,
            "high": self.high,
            "at_least": self.at_least,
            "approximate": self.approximate,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "parts": [part.as_json() for part in self.parts],
            "secondary": self.secondary,
            "some_of": self.some_of,
        }


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
    parts = re.split(r"[- ]", word)
    return sum(_TENS.get(p, 0) + _UNITS.get(p, 0) for p in parts), False


_AT_LEAST = frozenset(
    {"at least", "no fewer than", "not less than", "more than", "over", "as many as"}
)
_APPROXIMATE = frozenset(
    {
        "nearly",
        "almost",
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


@dataclass
class _Item:
    """A count and the people it counts, before its verb is known."""

    start: int
    end: int
    side: str
    value: int
    high: int | None
    at_least: bool
    approximate: bool
    military: bool
    between: str
    parts: list[_Item] = field(default_factory=list)
    part_of: _Item | None = None
    outcome: str | None = None
    tail: int = 0
    """Where the words after the item (and its parts) begin, in the clause."""
    stated: str | None = None
    """The outcome said between a total and its parts ('11 people dead, including')."""
    secondary: bool = False
    some_of: bool = False
    bare: bool = False
    """A count with no noun after it ('injuring two')."""


PHRASING_RULES: tuple[Rule, ...] = (
    Rule(
        "a bare count after a coordinated verb has the side of the group before",
        r"^\s*,?\s*(?:and|while|as well as)\s+(?:\w+ing|\w+ed)\s+"
        r"(?:(?:at least|some|about|another|a further)\s+)?$",
        "Gunmen attacked a checkpost in Turbat, killing four policemen and "
        "injuring two.",
        ("security", "injured", 2),
    ),
    Rule(
        "a bare count after 'and' in a passive clause has the side before",
        r"^\s*(?:was|were|had been|have been|has been)\s+\w+\s*,?\s+"
        r"(?:and|while)\s+(?:(?:at least|some|about|another|a further)\s+)?$",
        "In an operation near Rori, one terrorist was killed and two were injured.",
        ("attackers", "injured", 2),
    ),
    Rule(
        "resulted in the deaths or loss of a count",
        r"\b(?:resulted in|caused|led to|left)\s+(?:the\s+)?(?:deaths?|loss(?:\s+"
        r"of\s+(?:the\s+)?lives)?)\s+of\s+(?P<count>(?:(?:at least|some|about|"
        r"more than|over|nearly)\s+)?[\w,-]+)\b",
        "The ambush resulted in the loss of ten of our soldiers in Bankilare.",
        ("security", "killed", 10),
    ),
    Rule(
        "resulted in a count of deaths",
        r"\b(?:resulted in|caused|left|leaving)\s+(?P<count>(?:(?:at least|some|"
        r"about|more than|over|nearly)\s+)?[\w,-]+)\s+(?:deaths|dead|fatalities|"
        r"casualties)\b",
        "The blast in Quetta resulted in 12 deaths.",
        ("unspecified", "killed", 12),
    ),
)
"""Figure phrasings beyond 'count, people, verb': each rule's ``expected`` is the
(side, outcome, value) its example gives."""


def _coordinated(body: str, items: list[_Item]) -> None:
    """'killing four policemen and injuring two', 'killing six attackers and
    wounding 10 others', 'one terrorist was killed and two were injured': a bare
    count after a second verb of the same clause counts people of the side the
    first group named, and so do 'others' that the same subject hit ('21 miners
    were martyred and six others injured' says nothing of the six)."""
    active, passive = PHRASING_RULES[:2]
    for before, item in itertools.pairwise(items):
        if item.side != "unspecified" or before.side == "unspecified":
            continue
        gap = body[before.tail : item.start]
        others = body[item.start : item.end].lower().endswith("others")
        if ((item.bare or others) and active.compiled.match(gap)) or (
            item.bare and passive.compiled.match(gap)
        ):
            item.side, item.military = before.side, before.military


def find_figures(clause: Span) -> list[Figure]:
    """The casualty figures stated in one clause, in order."""
    body = clause.text
    items = _items(body)
    _attach_parts(body, items)
    top = [item for item in items if item.part_of is None]
    _coordinated(body, top)
    for item in top:
        item.outcome = (
            _outcome_after(body, item)
            or _outcome_inside(item)
            or item.stated
            or _outcome_after_aside(body, item, items)
        )
        item.secondary = _secondary(body, item)
        if (
            item.secondary
            and item.outcome is None
            and _BODIES.search(body[max(0, item.start - 80) : item.end])
        ):
            item.outcome = "killed"  # 'six bodies', 'the bodies of three drivers'

    for index in range(len(top) - 2, -1, -1):  # "5 troops and 2 civilians died"
        item, following = top[index], top[index + 1]
        joined = _LIST_JOIN.match(body[item.tail : following.start])
        if item.outcome is None and following.outcome and joined:
            item.outcome = following.outcome
    for item in top:
        if item.outcome is None:
            item.outcome = _outcome_before(body, item)
    for before, item in itertools.pairwise(top):  # "killing 5 soldiers and 7 civilians"
        joined = _LIST_JOIN.match(body[before.tail : item.start])
        if item.outcome is None and before.outcome and joined:
            item.outcome = before.outcome
    figures = [
        _figure(clause, item) for item in _merge_lists(body, top) if item.outcome
    ]
    figures += _death_tolls(clause)
    taken = [(f.start, f.end) for f in figures]
    figures += [
        f
        for f in _resulted_in(clause)
        if not any(a < f.end and f.start < b for a, b in taken)
    ]
    return sorted(figures, key=lambda figure: figure.start)


_ASIDE = re.compile(r"^\s*,([^,;]{1,80}),")
"""'nine others, the Assistant Commissioner among them, injured': an aside between
a group and its verb."""
_DIED_AFTER = re.compile(
    r"^\s*(?:were|was|got)\s+(?:[\w-]+\s+){1,5}?and\s+(?:later\s+)?"
    r"(?P<word>died|perished|succumbed|were killed|was killed|were martyred|"
    r"was martyred|lost (?:their|his|her) lives?)\b",
    re.IGNORECASE,
)
"""'Two civilians were caught in the crossfire and died': a death after a short
predicate (only verbs that cannot take an object)."""
_ORIGIN_PHRASE = re.compile(
    r"^\s+from\s+(?:the\s+)?(?:[\w'-]+\s+){1,5}?(?=(?:were|was|had|have|has)\b)",
    re.IGNORECASE,
)
"""Where the people were from, between them and their verb."""
_ARRIVED_AFTER = re.compile(
    r"^\s*(?:(?:had|have|has|were|was|been|being|later|also)\s+)*(?:brought|"
    r"taken|shifted|rushed|admitted|moved|referred|evacuated|airlifted|flown|"
    r"received|transported)\b",
    re.IGNORECASE,
)
_BODIES = re.compile(r"\bbod(?:y|ies)\b", re.IGNORECASE)
_BODIES_OF = re.compile(
    r"\bbod(?:y|ies)\b[^.;]{0,60}?\bof\s+(?:the\s+)?$", re.IGNORECASE
)


def _outcome_after_aside(body: str, item: _Item, items: list[_Item]) -> str | None:
    """The verb after an aside that holds no count of its own, or after a short
    predicate ('were caught in the crossfire and died')."""
    rest = body[item.tail :]
    origin = _ORIGIN_PHRASE.match(rest)  # 'Two civilians from the nearby X area'
    if origin:
        rest = rest[origin.end() :]
        found = OUTCOME_AFTER.match(rest)
        if found:
            return _kind(found.group("word"))
    died = _DIED_AFTER.match(rest)
    if died:
        return _kind(died.group("word"))
    aside = _ASIDE.match(rest)
    if aside is None or OUTCOME_AFTER.match(rest):
        return None
    start, end = item.tail, item.tail + aside.end()
    if any(start <= other.start < end for other in items):
        return None
    return _outcome_after(body, _shifted(item, end))


def _shifted(item: _Item, tail: int) -> _Item:
    return _Item(
        item.start,
        item.end,
        item.side,
        item.value,
        item.high,
        item.at_least,
        item.approximate,
        item.military,
        item.between,
        tail=tail,
    )


def _secondary(body: str, item: _Item) -> bool:
    """Bodies found ('six bodies', 'the bodies of three drivers') or people brought
    to a hospital ('150 injured people had been brought to the hospital')."""
    counted = body[item.start : item.end]
    return bool(
        _BODIES.search(counted)
        or _BODIES_OF.search(body[max(0, item.start - 80) : item.start])
        or (_ARRIVED_AFTER.match(body[item.tail :]) and not _outcome_after(body, item))
    )


def _merge_lists(body: str, top: list[_Item]) -> list[_Item]:
    """'Five Chinese nationals and their Pakistani driver were killed', 'three
    labourers and three truck drivers': counts of one side and outcome joined in
    one list are one group of people, added up."""
    merged: list[_Item] = []
    for item in top:
        last = merged[-1] if merged else None
        if (
            last is not None
            and not last.parts
            and not item.parts
            and last.side == item.side
            and last.outcome == item.outcome
            and item.outcome is not None
            and _LIST_JOIN.match(body[last.tail : item.start])
        ):
            merged[-1] = _Item(
                last.start,
                item.end,
                last.side,
                last.value + item.value,
                None,
                last.at_least or item.at_least,
                last.approximate or item.approximate,
                last.military or item.military,
                last.between,
                tail=item.tail,
                outcome=last.outcome,
                secondary=last.secondary or item.secondary,
            )
            continue
        merged.append(item)
    return merged


def _items(body: str) -> list[_Item]:
    """Every count with the people it counts, in order; 'a policeman' too."""
    found = list(_counts(body))
    taken = [(item.start, item.end) for item in found]
    found += [
        item
        for item in _singulars(body)
        if not any(a <= item.start < b for a, b in taken)
    ]
    return sorted(found, key=lambda item: item.start)


def _counts(body: str) -> Iterator[_Item]:
    for match in _COUNT.finditer(body):
        after = body[match.end() :]
        if _skip_count(body, match, after):
            continue
        group = _GROUP.match(after)
        low, bound = parse_number(match.group("low"))
        high = parse_number(match.group("high"))[0] if match.group("high") else None
        qualifier = " ".join((match.group("qual") or "").lower().split())
        if group:
            side, end = _head(
                body,
                next(s for s in SIDE_WORDS if group.group(s)),
                match.end() + group.end(),
                match.end() + group.start("group"),
            )
            between = group.group("filler")
        elif of_them := _OF_THEM.match(after):  # "11 of them were killed"
            side, end, between = _antecedent(body[: match.start()]), match.end(), ""
            end += of_them.end()
            named = _GROUP.match(body[end:])  # 'two of them police personnel'
            if named and not named.group("filler").strip():
                side, end = _head(
                    body,
                    next(s for s in SIDE_WORDS if named.group(s)),
                    end + named.end(),
                    end + named.start("group"),
                )
        elif OUTCOME_AFTER.match(after) or _governed(body, match.start(), after):
            # "5 killed", "4 sustained injuries"; "killing 9 people and injuring 16"
            side, end, between = "unspecified", match.end(), None
        else:
            continue
        yield _Item(
            start=match.start(),
            end=end,
            side=side,
            value=low,
            high=high if high and high > low else None,
            at_least=bound or qualifier in _AT_LEAST,
            approximate=qualifier in _APPROXIMATE,
            military=bool(group and MILITARY_SIDE.search(group.group("group"))),
            between=between or "",
            tail=end,
            bare=between is None,
        )


def _governed(body: str, start: int, after: str) -> bool:
    """A bare count that a verb before it governs: 'injuring 16'."""
    return bool(
        _BARE_END.match(after)
        and OUTCOME_BEFORE.search(body[max(0, start - 60) : start])
    )


_MEMBERS_OF = re.compile(
    r"^\s+of\s+(?:the\s+)?(?:[\w-]+(?:'s)?\s+){0,2}?(?P<group>" + _PEOPLE + r")\b",
    re.IGNORECASE,
)
"""'five members of Iran's security forces', 'four men of the Levies Force': the
people they belong to say the side."""


def _head(body: str, side: str, end: int, start: int) -> tuple[str, int]:
    """The side and end of a group of people, read to its head noun: 'paramilitary
    soldier' is security, 'woman civilian' civilian; 'security personnel and
    civilians' (two sides in one count) is unspecified."""
    for _ in range(2):
        more = _MORE_PEOPLE.match(body[end:])
        if not more:
            break
        head = next(s for s in SIDE_WORDS if more.group(s))
        generic = GENERIC_HEADS.match(more.group("group"))
        if head != "unspecified" and not (generic and side != "unspecified"):
            side = head  # the head noun says the side, unless it is generic
        end += more.end()
    member = _MEMBERS_OF.match(body[end:])
    if member and (
        side == "unspecified" or GENERIC_HEADS.match(body[start:end].split()[-1])
    ):
        side = next(s for s in SIDE_WORDS if member.group(s))  # 'men of the Levies'
        end += member.end()
    mixed = _MIXED.match(body[end:])
    if mixed:
        other = next(s for s in SIDE_WORDS if mixed.group(s))
        if other != side:
            return "unspecified", end + mixed.end()
    return side, end


def _antecedent(before: str) -> str:
    """The side of the people 'them' points back to: the last ones named."""
    found = list(_ANY_PEOPLE.finditer(before))
    if not found:
        return "unspecified"
    return next(s for s in SIDE_WORDS if found[-1].group(s))


def _singulars(body: str) -> Iterator[_Item]:
    for match in _ONE.finditer(body):
        singular = _SINGULAR.match(body[match.end() :])
        if not singular:
            continue
        noun = singular.group("group")
        group = _GROUP.match(" " + noun + "s") or _GROUP.match(" " + noun)
        side = next((s for s in SIDE_WORDS if group and group.group(s)), "unspecified")
        if noun.lower() in {"person", "man"}:
            side = "unspecified"
        end = match.end() + singular.end()
        yield _Item(
            start=match.start(),
            end=end,
            side=side,
            value=1,
            high=None,
            at_least=False,
            approximate=False,
            military=bool(MILITARY_SIDE.search(noun)),
            between="",
            tail=end,
        )


def _skip_count(body: str, match: re.Match[str], after: str) -> bool:
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


def _attach_parts(body: str, items: list[_Item]) -> None:
    """'50 people, including 14 security personnel, ...': the 14 is part of the 50.
    Parts run on while joined by commas and 'and'."""
    ordered = sorted(items, key=lambda item: item.start)
    for index, total in enumerate(ordered):
        if total.part_of is not None:
            continue
        cursor = total.end
        said = _OUTCOME_INSIDE.match(body[cursor:].lstrip())  # "11 people dead, incl"
        start = cursor
        if said:
            cursor += len(body[cursor:]) - len(body[cursor:].lstrip()) + said.end()
        opened = _PARTS.match(body[cursor:])
        if not opened or not opened.group().strip(" ,(-"):
            dash = re.match(r"^\s*(?:-|\()\s*", body[cursor:])
            marked = _marked_part(body, cursor, total, ordered[index + 1 :])
            total.some_of = marked == "some"
            if not dash and not marked:
                continue
            opened = dash or re.match(r"^\s*,\s*", body[cursor:])
            if opened is None:
                continue
        cursor += opened.end()
        for part in ordered[index + 1 :]:
            gap = body[cursor : part.start]
            if gap.strip(" ,") and not _LIST_JOIN.match(gap):
                break
            if re.search(r"\bothers\b", body[part.start : part.end], re.I):
                break  # "and nine others": more people, not some of them
            part.part_of = total
            total.parts.append(part)
            cursor = part.end
        if total.parts and said:
            total.stated = _kind(said.group())
        elif said:
            cursor = start
        if total.parts:
            close = re.match(
                r"^\s*(?:among (?:them|the dead|the victims))?\s*(?:,|-|\))?",
                body[cursor:],
            )
            total.tail = cursor + (close.end() if close else 0)


_PART_MARK = re.compile(r"\b(?:of (?:them|whom)|among (?:them|whom))\b", re.I)


def _marked_part(body: str, cursor: int, total: _Item, following: list[_Item]) -> str:
    """'some' for a count right after a comma that says it is some of the total
    (', four of them fishermen', ', a policeman among them'); 'all' for counts
    after a comma that add up to the total ('three civilians, two children and a
    woman'); '' otherwise."""
    after = re.match(r"^\s*,\s*", body[cursor:])
    if after is None or not following or following[0].start != cursor + after.end():
        return ""
    part = following[0]
    if _PART_MARK.search(body[part.start : part.end + 15]):
        return "some"
    listed, end = [part], part.end
    for other in following[1:]:
        if not _LIST_JOIN.match(body[end : other.start]):
            break
        listed.append(other)
        end = other.end
    same_side = total.side == "unspecified" or all(i.side == total.side for i in listed)
    whole = sum(i.value for i in listed) == total.value
    return "all" if len(listed) > 1 and same_side and whole else ""


def _outcome_after(body: str, item: _Item) -> str | None:
    found = OUTCOME_AFTER.match(body[item.tail :])
    return _kind(found.group("word")) if found else None


def _outcome_inside(item: _Item) -> str | None:
    found = _OUTCOME_INSIDE.search(item.between)
    return _kind(found.group()) if found else None


def _outcome_before(body: str, item: _Item) -> str | None:
    found = OUTCOME_BEFORE.search(body[max(0, item.start - 60) : item.start])
    if not found:
        return None
    word = found.group("word").lower()
    if word in {"left", "leaving"}:
        dead = LEFT_DEAD.match(body[item.tail :])
        return _kind(dead.group("word")) if dead else None
    return _kind(word)


_KILLED = re.compile(rf"^(?:{KILLED_VERBS})$", re.IGNORECASE)


def _kind(word: str) -> str:
    """'killed' or 'injured' for an outcome word ('succumbed to his injuries' is a
    death)."""
    if _KILLED.match(word.strip()) or word.lower().startswith("succumb"):
        return "killed"
    return "injured" if INJURED_WORDS.search(word) else "killed"


def _figure(clause: Span, item: _Item) -> Figure:
    parts = tuple(
        Figure(
            side=part.side,
            outcome=item.outcome or "killed",
            value=part.value,
            start=clause.start + part.start,
            end=clause.start + part.end,
            text=clause.text[part.start : part.end],
            high=part.high,
            at_least=part.at_least,
            approximate=part.approximate,
            military=part.military,
        )
        for part in item.parts
    )
    return Figure(
        side=item.side,
        outcome=item.outcome or "killed",
        value=item.value,
        start=clause.start + item.start,
        end=clause.start + item.end,
        text=clause.text[item.start : item.end],
        high=item.high,
        at_least=item.at_least,
        approximate=item.approximate,
        military=item.military,
        parts=parts,
        secondary=item.secondary,
        some_of=item.some_of,
    )


def _resulted_in(clause: Span) -> list[Figure]:
    """'resulted in the loss of ten of our soldiers', 'resulted in 12 deaths'."""
    figures = []
    for rule in PHRASING_RULES[2:]:
        for match in rule.compiled.finditer(clause.text):
            count = _COUNT.match(match.group("count"))
            if not count:
                continue
            low, bound = parse_number(count.group("low"))
            after = clause.text[match.end() : match.end() + 60]
            people = re.match(
                r"^\s+of\s+(?:our|the|their)?\s*(?:[\w-]+\s+){0,3}", after
            )
            side = _side_of(after[: people.end() + 20]) if people else "unspecified"
            figures.append(
                Figure(
                    side=side,
                    outcome="killed",
                    value=low,
                    start=clause.start + match.start(),
                    end=clause.start + match.end(),
                    text=match.group(),
                    at_least=bound or "at least" in match.group("count").lower(),
                    military=bool(MILITARY_SIDE.search(after[:40])),
                )
            )
    return figures


def _death_tolls(clause: Span) -> list[Figure]:
    figures = []
    for match in _DEATH_TOLL.finditer(clause.text):
        count = _COUNT.match(match.group("count"))
        if not count:
            continue
        low, bound = parse_number(count.group("low"))
        qualifier = " ".join((count.group("qual") or "").lower().split())
        figures.append(
            Figure(
                side="unspecified",
                outcome="killed",
                value=low,
                start=clause.start + match.start(),
                end=clause.start + match.end(),
                text=match.group(),
                at_least=bound or qualifier in _AT_LEAST,
                approximate=qualifier in _APPROXIMATE,
            )
        )
    return figures


_VICTIMS_NAMED = re.compile(
    r"\b(?:among\s+)?the\s+(?P<word>victims|dead|deceased|slain)\s+(?:were|was|"
    r"are|included|include)\s+(?P<who>[^.;]{0,80})",
    re.IGNORECASE,
)
_KILLED_THEM = re.compile(
    r"\b(?:killed|shot|executed|gunned down|murdered|slaughtered)\s+them\b", re.I
)
_THE_HIT = re.compile(
    r"\bthe\s+(?P<word>wounded|injured|dead|martyred|slain)\s+(?P<who>[\w-]+"
    r"(?:\s+[\w-]+)?)",
    re.IGNORECASE,
)


def _side_of(words: str) -> str:
    found = _ANY_PEOPLE.search(words)
    return next(s for s in SIDE_WORDS if found.group(s)) if found else "unspecified"


def victims_side(after: str, outcome: str) -> str | None:
    """'civilians' when the words after a count of 'people' (the rest of its
    sentence and the next) say its victims were civilians: 'Among the victims were
    truck drivers', '... made the passengers get off ... and killed them'. Victims
    named as police or soldiers do not move the count: they may be some of it."""
    named = _VICTIMS_NAMED.search(after)
    if named and (outcome == "killed" or named.group("word").lower() == "victims"):
        side = _side_of(named.group("who"))
        return side if side == "civilians" else None
    them = _KILLED_THEM.search(after)
    if them and outcome == "killed":
        side = _antecedent(after[: them.start()])
        return side if side == "civilians" else None
    return None


def described_sides(text: str) -> list[tuple[int, str, str]]:
    """(offset, outcome, side) of the hurt named with a definite article ('the
    wounded policemen', 'the dead passengers'): who a count of 'others' was."""
    found = []
    for match in _THE_HIT.finditer(text):
        group = _GROUP.match(" " + match.group("who"))
        if group is None or group.group("filler").strip():
            continue
        side = next(s for s in SIDE_WORDS if group.group(s))
        if side != "unspecified":
            found.append((match.start(), _kind(match.group("word")), side))
    return found


def by_side(figure: Figure) -> dict[str, int]:
    """What a figure says of each side, its parts counted once.

    A total whose stated parts are all civilians ('11 people - five women and four
    children') counts as civilians; otherwise each part goes to its side and the
    rest of the total stays unassigned ('50 people, including 14 security
    personnel' -> 14 security, 36 unspecified).
    """
    if not figure.parts:
        return {figure.side: figure.value}
    parts: dict[str, int] = {}
    for part in figure.parts:
        parts[part.side] = parts.get(part.side, 0) + part.value
    stated = sum(parts.values())
    if figure.side != "unspecified":
        return {figure.side: max(figure.value, stated)}
    if set(parts) == {"civilians"} and not figure.some_of:
        return {"civilians": max(figure.value, stated)}
    rest = figure.value - stated
    if rest > 0:
        parts["unspecified"] = parts.get("unspecified", 0) + rest
    return parts
