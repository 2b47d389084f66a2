"""Rules as data: every rule of the reader is a named entry with the sentence it
is made for and what it gives there.

A rule kind is a table (a tuple of :class:`Rule`) beside the one function that
runs it: place slots (``unplaced.SLOT_RULES``), place roles (``places.ROLE_RULES``),
current and background cues (``dates.CUE_RULES``), asides about an earlier attack
(``asides.ASIDE_RULES``), figure phrasings
(``figures.PHRASING_RULES``), sites inside a town
(``sites.SITE_RULES``). Adding a rule is one entry; the test suite runs every
rule's example through the reader and checks that the rule fires and gives what
it says (``tests/test_report_rules.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Rule:
    """One rule: a name, a regular expression, its example sentence and what the
    rule gives for it (``expected``), and what it gives whenever it fires
    (``value``: a side, a role, a cue's state)."""

    name: str
    pattern: str
    example: str
    expected: object = None
    value: object = None
    flags: int = re.IGNORECASE
    compiled: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "compiled", re.compile(self.pattern, self.flags))

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled.search(text, pos)


def first(rules: tuple[Rule, ...], text: str) -> Rule | None:
    """The first rule of a table that fires on ``text``."""
    return next((rule for rule in rules if rule.compiled.search(text)), None)
