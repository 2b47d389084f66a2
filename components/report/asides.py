"""Asides that tell of an earlier attack inside a sentence of today's news.

'Only a couple of days after the Kech attack in which 10 soldiers lost their
lives, three Levies personnel were martyred on Friday in Sui': the sentence is
news, but its opening (or closing) 'days after ... in which N were killed' is an
earlier event with a toll of its own. The news is read with such an aside blanked
out (its characters as spaces, so every offset stays), and the aside is kept as
background, as a whole sentence about an earlier event is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from components.report.cues import BACKGROUND_CUES, CLOSING_CLAUSE
from components.report.rules import Rule, first
from components.report.segments import Sentence, Span
from components.report.vocabulary import HIT_WORDS, INJURED_VERBS, KILLED_VERBS

_SOME_TIME_AFTER = (
    r"(?:only |just |barely |some |about |nearly |less than |more than )?"
    r"(?:(?:a couple of|a few|several|a|an|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|\d+)\s+)?(?:hours?|days?|weeks?|months?)\s+after\s+"
    r"(?!(?:this|that|it|the (?:attack|blast|bombing|ambush|raid|assault|"
    r"explosion)\s*,))[^,;]{3,200}?"
)
"""'(only) a couple of days after <an earlier event>': not 'hours after the
attack,' (the news's own attack)."""

ASIDE_RULES: tuple[Rule, ...] = (
    Rule(
        "an earlier attack a sentence opens on",
        rf"^\W*(?:(?-i:[A-Z][\w .'-]{{1,30}}):\s*)?{_SOME_TIME_AFTER},\s*",
        "Only a couple of days after the Kech attack in which 10 soldiers lost "
        "their lives, three Levies personnel were martyred on Friday in Sui.",
        "Only a couple of days after the Kech attack in which 10 soldiers lost "
        "their lives",
    ),
    Rule(
        "an earlier attack a sentence ends on",
        rf"(?:,\s*|\s+){_SOME_TIME_AFTER}(?=[.!?\"']*\s*$)",
        "Three Levies personnel were martyred on Friday in Sui, two days after an "
        "ambush that killed 10 soldiers in Kech.",
        "two days after an ambush that killed 10 soldiers in Kech",
    ),
    Rule(
        "an earlier attack the news came after",
        r"\b(?:came|comes|happened|occurred|took place)\s+(?:just\s+|only\s+|"
        r"shortly\s+|soon\s+|right\s+|a day\s+|(?:hours|days|weeks)\s+)?after\s+"
        r"[^;]{3,250}?(?=[.!?\"']*\s*$)",
        "The attack on the base in Laanta Buuro came shortly after troops said they "
        "had killed 34 militants on Saturday.",
        "came shortly after troops said they had killed 34 militants on Saturday",
    ),
    Rule(
        "earlier attacks the news follows",
        r"\b(?:follows|followed|came after|comes after)\s+(?!by\b)(?:(?:an?|the|"
        r"twin|two|three|several|similar|earlier|recent|deadly)\s+)*(?:[\w-]+\s+)?"
        r"(?:attacks?|bombings?|blasts?|ambush(?:es)?|raids?|assaults?)\b[^;]{0,250}?"
        r"(?=[.!?\"']*\s*$)",
        "The attack follows twin attacks on army troops near Marka, in which at "
        "least 20 soldiers were killed.",
        "follows twin attacks on army troops near Marka, in which at least 20 "
        "soldiers were killed",
    ),
    Rule(
        "an earlier killing the attack answered, ending a sentence",
        r"(?:,\s*|\s+)(?:(?:in|its|their|a) (?:retaliation|revenge|response|reprisal) "
        r"(?:for|to)(?:\s+[^;,.]{3,60}?\s+and\s+for)?|to avenge)\s+the\s+"
        r"(?:killings?|deaths?|executions?|arrests?|assassinations?)\s+of\s+"
        r"(?!the\b|these\b|those\b|their\b)[^;]{3,200}?(?=[.!?\"']*\s*$)",
        "The Taliban said they carried out the attack in response to the killing of "
        "14 of their fighters in Doaba.",
        "in response to the killing of 14 of their fighters in Doaba",
    ),
    Rule(
        "an earlier event the news followed by some days",
        r"\b(?:followed|follows)\s+by\s+(?:just\s+|only\s+|barely\s+)?(?:a|one|two|"
        r"three|four|five|six|seven|\d+|a few|several|a couple of)\s+(?:days?|weeks?|"
        r"hours?)\s+(?:the|a|an)\s+[^;]{3,250}?(?=[.!?\"']*\s*$)",
        "The attack followed by two days the group's claim to have killed seven "
        "passengers on a highway.",
        "followed by two days the group's claim to have killed seven passengers on "
        "a highway",
    ),
)
"""Where an aside about an earlier attack stands in a sentence; ``expected`` is
the aside the example holds."""

PAST_TOLL_CLAUSE = Rule(
    "a closing clause on a place's or group's past toll",
    CLOSING_CLAUSE.pattern,
    "Gunmen killed two soldiers in Turbat on Monday, in a province where more than "
    "1,000 people have been killed since 2020.",
    "in a province where more than 1,000 people have been killed since 2020",
)
"""', in a province where more than 1,000 people have been killed since 2020':
an aside only where the clause dates itself before the news."""

_DATELINE = re.compile(r"^\W*[A-Z][\w .'-]{1,30}:\s*")
"""'QUETTA: ' before an opening aside: the dateline is no part of it."""

_TOLL = re.compile(rf"\b(?:{KILLED_VERBS}|{INJURED_VERBS})\b", re.IGNORECASE)


_AFTER_AN_ATTACK = ASIDE_RULES[2:4]
"""Asides that say the news came after an earlier attack: one even with no
toll of its own ('came a day after a suicide car bomber attacked a convoy')."""
_KILLING_ANSWERED = ASIDE_RULES[4]
"""An aside whose own words are its toll ('in response to the killing of 14')."""


def earlier_asides(sentence: Span) -> list[Span]:
    """The asides of ``sentence`` that tell of an earlier attack with its own
    toll (or that the news came after), where the rest of the sentence tells of
    an attack or a toll of its own (so that the news is what is left)."""
    found: list[Span] = []
    for rule in (*ASIDE_RULES, PAST_TOLL_CLAUSE):
        match = rule.compiled.search(sentence.text)
        if match is None:
            continue
        if rule is PAST_TOLL_CLAUSE and first(BACKGROUND_CUES, match.group()) is None:
            continue
        aside = match.group().strip(" ,")
        dateline = _DATELINE.match(aside)
        aside = aside[dateline.end() :] if dateline else aside
        start = sentence.text.index(aside, match.start())
        rest = sentence.text[: match.start()] + " " + sentence.text[match.end() :]
        span = Span(sentence.start + start, sentence.start + start + len(aside), aside)
        if any(f.start < span.end and span.start < f.end for f in found):
            continue  # another rule's aside holds it
        told = (
            _TOLL.search(aside)
            or (rule in _AFTER_AN_ATTACK and HIT_WORDS.search(aside))
            or rule is _KILLING_ANSWERED
        )  # 'came a day after a suicide car bomber attacked a convoy in Baghdad'
        if told and (_TOLL.search(rest) or HIT_WORDS.search(rest)):
            found.append(span)
    return found


def blank(text: str, spans: Iterable[Span]) -> str:
    """``text`` with each span's characters as spaces: offsets stay the same."""
    chars = list(text)
    for span in spans:
        chars[span.start : span.end] = " " * (span.end - span.start)
    return "".join(chars)


def without_asides(
    flat: str, found: Sequence[Sentence], keep: Iterable[int] = ()
) -> tuple[str, list[Sentence], list[tuple[Sentence, Span]]]:
    """The text and sentences with their earlier-attack asides blanked, and each
    aside with its sentence. An aside whose start is in ``keep`` (marked as news
    by a person) stays."""
    kept = set(keep)
    asides = [
        (sentence, aside)
        for sentence in found
        for aside in earlier_asides(sentence)
        if aside.start not in kept
    ]
    if not asides:
        return flat, list(found), []
    masked = blank(flat, (aside for _, aside in asides))
    sentences = [
        Sentence(
            s.start, s.end, masked[s.start : s.end], s.paragraph, s.first_in_paragraph
        )
        for s in found
    ]
    return masked, sentences, asides
