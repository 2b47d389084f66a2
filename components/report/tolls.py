"""Tolls stated as a whole: "the death toll rose to 12", "resulted in the loss of
ten soldiers", "resulted in 12 deaths"."""

from __future__ import annotations

import re
from dataclasses import replace

from components.report.counts import count_items
from components.report.model import Figure
from components.report.numbers import (
    APPROXIMATE,
    AT_LEAST,
    COUNT,
    NUMBER,
    QUALIFIER,
    parse_number,
)
from components.report.people import named_side, side_of
from components.report.rules import Rule
from components.report.segments import Span
from components.report.vocabulary import (
    MILITARY_SIDE,
)

TOLL_RULES: tuple[Rule, ...] = (
    Rule(
        "resulted in the deaths or loss of a count",
        r"\b(?:resulted in|caused|led to|left)\s+(?:the\s+)?(?:deaths?|loss(?:\s+"
        r"of\s+(?:the\s+)?lives)?)\s+of\s+(?P<count>(?:(?:at least|some|about|"
        r"more than|over|nearly)\s+)?[\w,-]+)\b",
        "The ambush resulted in the loss of ten of our soldiers in Bankilare.",
        ("security", "killed", 10),
    ),
    Rule(
        "resulted in or reported a count of deaths",
        r"\b(?:resulted in|caused|left|leaving|reported|recorded|counted|confirmed)\s+"
        r"(?P<count>(?:(?:at least|some|"
        r"about|more than|over|nearly)\s+)?[\w,-]+)\s+(?:deaths|dead|fatalities|"
        r"casualties)\b",
        "The blast in Quetta resulted in 12 deaths.",
        ("unspecified", "killed", 12),
    ),
)
"""Tolls stated as a result: each rule's ``expected`` is the (side, outcome, value)
its example gives."""


_ALL_OF_THEM = re.compile(
    r"^\s*,\s*(?:all|both)\s+(?:of\s+(?:them|whom)\s+)?(?:among\s+)?(?:the\s+)?",
    re.IGNORECASE,
)
"""'13 deaths, all of them among the attackers': who the toll counts."""

_DEATH_TOLL = re.compile(
    rf"(?:\b(?:death toll|toll|number of (?:the dead|dead|those killed|"
    rf"(?P<who>(?:[\w-]+\s+){{1,3}}?)killed|deaths|fatalities))\s+"
    rf"(?:(?:in|on|at)\s+(?:[\w'-]+\s+){{1,9}}?)?(?:\w+\s+){{0,3}}?"
    rf"(?:rose|climbed|jumped|reached|stands?|stood|increased|is|was|(?:has|had) risen)"
    rf"\s+(?:to|at)|\b(?:put|puts|putting|placed|gave)\s+the\s+(?:death\s+)?toll"
    rf"\s+at|\b(?:raising|taking|bringing|pushing|raised|took|brought|pushed)\s+"
    rf"the\s+(?:death\s+)?toll\s+(?:[\w-]+\s+){{0,5}}?to)\s+"
    rf"(?P<count>(?:{QUALIFIER}\s+)?{NUMBER})\b",
    re.IGNORECASE,
)
_RAISED_IT = re.compile(
    rf"\b(?:raised|revised|took|brought|pushed)\s+it\s+(?:up\s+)?to\s+"
    rf"(?P<count>(?:{QUALIFIER}\s+)?{NUMBER})\b",
    re.IGNORECASE,
)
"""'... put the toll at 12, but a message raised it to 14': 'it' is the toll
named before in the sentence."""
"""'the death toll rose to 12', 'officials put the toll at four', 'raising the
death toll in the Mastung bombing to 60', 'the number of police officers killed
had risen to 12', 'had put the toll at 12, but a message
raised it to 14'."""


def resulted_in(clause: Span) -> list[Figure]:
    """'resulted in the loss of ten of our soldiers', 'resulted in 12 deaths'."""
    figures = []
    for rule in TOLL_RULES:
        for match in rule.compiled.finditer(clause.text):
            count = COUNT.match(match.group("count"))
            if not count:
                continue
            low, bound = parse_number(count.group("low"))
            after = clause.text[match.end() : match.end() + 60]
            people = re.match(
                r"^\s+of\s+(?:our|the|their)?\s*(?:[\w-]+\s+){0,3}", after
            ) or _ALL_OF_THEM.match(after)
            side = side_of(after[: people.end() + 20]) if people else "unspecified"
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


def death_tolls(clause: Span) -> list[Figure]:
    figures = []
    raised = [
        match
        for match in _RAISED_IT.finditer(clause.text)
        if re.search(r"\btoll\b", clause.text[: match.start()], re.IGNORECASE)
    ]
    for match in (*_DEATH_TOLL.finditer(clause.text), *raised):
        count = COUNT.match(match.group("count"))
        if not count:
            continue
        low, bound = parse_number(count.group("low"))
        qualifier = " ".join((count.group("qual") or "").lower().split())
        who = match.groupdict().get("who")  # 'the number of police officers killed'
        figures.append(
            Figure(
                side=named_side(who) if who else "unspecified",
                outcome="killed",
                value=low,
                start=clause.start + match.start(),
                end=clause.start + match.end(),
                text=match.group(),
                at_least=bound or qualifier in AT_LEAST,
                approximate=qualifier in APPROXIMATE,
            )
        )
    return figures


NONE_HIT = Rule(
    "nobody was killed or hurt",
    r"\b(?:no\s+(?:one|body)|nobody|none)\s+(?:of\s+\w+\s+)?(?:was|were|had been|"
    r"has been)\s+(?:(?:reported|reportedly|said to have been|believed)\s+)?"
    r"(?P<what>(?:killed|hurt|injured|wounded|harmed)(?:\s+or\s+(?:killed|hurt|"
    r"injured|wounded|harmed))?)|\b(?:no|neither|nor|without(?:\s+any)?)\s+(?P<noun>casualties|"
    r"loss of (?:human\s+)?(?:life|lives)|deaths|injuries|fatalities)\b|"
    r"\b(?P<verb>kill(?:ing|ed)|"
    r"injur(?:ing|ed)|wound(?:ing|ed)|hurt(?:ing)?)\s+(?:no\s+one|no-one|nobody)\b|"
    r"\b(?:no\s+one|no-one|nobody)\s+(?P<lost>lost\s+(?:their|his|her)\s+li(?:fe|ves))",
    "Rockets landed near the Peshmerga base in Prde, and nobody was killed or injured.",
    ("unspecified", "killed", 0),
)
"""'no casualties', 'neither casualties nor damage', 'nobody was killed or injured',
'injuring nobody', 'no loss of human life', 'nobody lost their life': a stated 0,
not an unknown."""


NONE_OF_A_SIDE_HIT = Rule(
    "none of a side was killed or hurt",
    r"\bno\s+(?P<who>(?:[\w-]+\s+){0,3}?[\w-]+)\s+(?:was|were|had been|has been)\s+"
    r"(?:(?:reported(?:ly)?|said to have been|believed to have been)\s+)?"
    r"(?P<what>(?:killed|hurt|injured|wounded|harmed)(?:\s+or\s+(?:killed|hurt|"
    r"injured|wounded|harmed))?)\b",
    "No police personnel were harmed in the incident, he said.",
    ("security", "killed", 0),
)
"""'No police personnel were harmed', 'no soldiers were killed': a stated 0 for
the side the people named are on."""

UNHARMED = Rule(
    "people of a side came through unharmed",
    r"\b(?:all|both)\s+(?:of\s+)?(?:the\s+)?(?P<who>(?:[\w-]+\s+){0,2}?[\w-]+)"
    r"(?:\s+(?:with|in|on)\s+(?:[\w-]+\s+){0,2}?[\w-]+)?\s+(?:came\s+through|"
    r"survived|escaped|remained|were|are)\s+(?:(?:the|an?)\s+(?:[\w-]+\s+){0,2}?)?"
    r"(?P<what>safely|safe|unhurt|unharmed|unscathed|uninjured)\b",
    "DC Mahjabeen and all the Levies personnel with her came through the attack "
    "safely.",
    ("security", "killed", 0),
)
"""'all the Levies personnel with her came through the attack safely', 'all the
policemen remained unhurt': a stated 0, killed and hurt, for their side."""


def none_hit(clause: Span) -> list[Figure]:
    """The 0 figures a clause states ('nobody was killed or injured', 'no
    casualties', 'No police personnel were harmed'): killed, injured or both, by
    the words used; of a side where the people named are of one."""
    figures: list[Figure] = []
    for match in NONE_HIT.compiled.finditer(clause.text):
        words = (
            match.group("what")
            or match.group("noun")
            or match.group("verb")
            or match.group("lost")
            or ""
        ).lower()
        figures += _zeros(clause, match, words, "unspecified")
    for rule in (NONE_OF_A_SIDE_HIT, UNHARMED):
        for match in rule.compiled.finditer(clause.text):
            side = named_side(match.group("who"))
            if side != "unspecified" and side != "attackers":
                words = "harmed" if rule is UNHARMED else match.group("what").lower()
                figures += _zeros(clause, match, words, side)
    return figures


def _zeros(clause: Span, match: re.Match[str], words: str, side: str) -> list[Figure]:
    outcomes = []
    if re.search(r"kill|death|life|lives|fatal|casualt|harm", words):
        outcomes.append("killed")
    if re.search(r"hurt|injur|wound|casualt|harm", words):
        outcomes.append("injured")
    return [
        Figure(
            side=side,
            outcome=outcome,
            value=0,
            start=clause.start + match.start(),
            end=clause.start + match.end(),
            text=match.group(),
        )
        for outcome in outcomes
    ]


SOME_OF_THE_HIT = Rule(
    "some of a toll, by side",
    rf"\b(?P<part>{NUMBER})\s+of\s+the\s+(?P<count>{NUMBER})\s+(?P<word>dead|killed|"
    r"victims|wounded|injured)\s+(?:were|was|are|included)\s+(?P<who>[^.;]{0,80})",
    "He said two of the 25 dead were members of the VDP, the army's auxiliaries.",
    ("unspecified", "killed", 25),
)
"""'two of the 25 dead were members of the VDP': the 25, of whom two of a side."""

AMONG_THE_HIT = Rule(
    "some named among a toll",
    rf"\b(?P<part>{NUMBER})\s+(?P<who>(?:[\w-]+\s+){{1,3}}?)(?:were|was)\s+(?:also\s+)?"
    rf"among\s+(?:the\s+)?(?P<count>{NUMBER})\s+(?:people\s+|persons\s+|others\s+)?"
    r"(?P<word>dead|killed|wounded|injured|hurt)\b",
    "Two children were among five people injured when a shell hit a house.",
    ("unspecified", "injured", 5),
)
"""'Two children were among five people injured': the five, two of a side."""


def some_of_the_hit(clause: Span) -> list[Figure]:
    """'two of the 25 dead were members of the VDP', 'Two children were among five
    people injured': a toll with a part by side."""
    figures = []
    for match in (
        *SOME_OF_THE_HIT.compiled.finditer(clause.text),
        *AMONG_THE_HIT.compiled.finditer(clause.text),
    ):
        side = named_side(match.group("who"))
        part, _ = parse_number(match.group("part"))
        total, _ = parse_number(match.group("count"))
        if side == "unspecified" or not 0 < part <= total:
            continue
        outcome = (
            "injured"
            if match.group("word").lower() in ("wounded", "injured", "hurt")
            else "killed"
        )
        start, end = clause.start + match.start(), clause.start + match.end()
        whole = Figure("unspecified", outcome, total, start, end, match.group())
        figures.append(
            replace(whole, parts=(replace(whole, side=side, value=part),), some_of=True)
        )
    return figures


SOME_OF_THE_DEAD = Rule(
    "some of the toll before, by side",
    rf"\b(?P<part>{NUMBER})\s+of\s+the\s+(?P<word>dead|killed|victims|wounded|"
    r"injured)(?:,\s+[^,.;]{1,60},)?\s+(?:were|was|are|included|belonged to|"
    r"served (?:in|with))\s+"
    r"(?P<who>[^.;]{0,80})",
    "Three of the dead belonged to a civilian militia, the Volunteers for the "
    "Defence of the Fatherland.",
    ("security", "killed", 3),
)
"""'Twelve people died ... Three of the dead belonged to the VDP': some of a toll
counted before, of a side (joined to that toll by ``restatements``); an aside may
come before the verb ('All seven of the dead, among them two women, were
passengers')."""


THE_DEAD_INCLUDED = Rule(
    "some of the toll before, said to be included in it",
    rf"\bthe\s+(?:other\s+|remaining\s+)?(?:{NUMBER}\s+)?"
    r"(?P<word>dead|killed|victims|wounded|injured)\s+"
    rf"(?:in\s+(?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*)?\s+)?(?:now\s+)?"
    rf"(?:included|include|includes)\s+(?P<part>(?:an?|{QUALIFIER})?\s*{NUMBER}?)\s+"
    rf"(?P<who>[^.;]{{0,80}})",
    "Eight people died in the blast. The dead included two policemen.",
    ("security", "killed", 2),
)
"""'Eight people died ... The dead included two policemen', 'the other dead
included 13 metal scavengers': some of the toll counted before, of a side
(joined to that toll by ``restatements``)."""


def some_of_the_dead(clause: Span) -> list[Figure]:
    """'Three of the dead belonged to a civilian militia, the VDP': a part of the
    toll before it, of the side its words name."""
    figures = []
    for match in SOME_OF_THE_DEAD.compiled.finditer(clause.text):
        side = named_side(match.group("who"))
        part, _ = parse_number(match.group("part"))
        if side == "unspecified" or part <= 0:
            continue
        start, end = clause.start + match.start(), clause.start + match.end("word")
        figures.append(
            Figure(
                side,
                _outcome(match.group("word")),
                part,
                start,
                end,
                clause.text[match.start() : match.end("word")],
            )
        )
    return figures


def the_dead_included(clause: Span) -> list[Figure]:
    """'The dead included three women and two children': parts of the toll
    before it, one per side the list names."""
    figures = []
    for match in THE_DEAD_INCLUDED.compiled.finditer(clause.text):
        listed = clause.text[match.start("part") : match.end("who")]
        offset = match.start("part")
        for item in count_items(listed):
            if (
                item.part_of is not None
                or item.side == "unspecified"
                or item.value <= 0
            ):
                continue
            end = offset + item.end
            figures.append(
                Figure(
                    item.side,
                    _outcome(match.group("word")),
                    item.value,
                    clause.start + match.start(),
                    clause.start + end,
                    clause.text[match.start() : end],
                )
            )
    return figures


def _outcome(word: str) -> str:
    return "injured" if word.lower() in ("wounded", "injured") else "killed"
