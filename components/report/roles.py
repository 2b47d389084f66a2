"""What a place is named for: the role of each place name in a report.

Only an ``incident`` name can be where an attack happened. Every other role says
why else news prose names a place: a ``dateline`` (where the report was filed), a
``reference`` (a distance or route landmark: "157 km from Quetta", "the
Quetta-Karachi highway", a route's ends), a ``destination`` (where the wounded
were taken, where a convoy was going), an ``origin`` (where victims came from), a
``statement`` (where officials spoke, whose office it is), a ``blockade`` (roads
only closed there), a ``qualifier`` (the wider place another lies in).

The roles are a rule table (:data:`components.report.role_rules.ROLE_RULES`):
each rule (a :class:`RoleRule`) looks at the words before the name and after it,
has the sentence it is made for, and gives its role. One evaluator
(:func:`components.report.role_rules.role_of`) runs the table and the first rule
that fires wins, so a rule for an attack place ("an attack on the X police station")
is listed before the rules it overrides ("the X hospital"). Adding a role cue is
one entry; ``tests/test_report_roles.py`` runs every rule's example through the
reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

INCIDENT = "incident"
DATELINE = "dateline"
REFERENCE = "reference"
DESTINATION = "destination"
ORIGIN = "origin"
STATEMENT = "statement"
BLOCKADE = "blockade"
QUALIFIER = "qualifier"
"""A place named to say where another place lies ('the Rarasham area of Musa
Khel', 'Gul Imam village, in Tank district')."""
LISTED_ROLES = frozenset({REFERENCE, DESTINATION, ORIGIN, BLOCKADE})
"""Roles that hold for the next names of the same list ('hailed from Karak, Upper
Dir and Mardan')."""


@dataclass(frozen=True)
class RoleRule:
    """A role cue: ``before`` must match the words up to the name (it ends in
    ``$``), ``after`` the words after it (it is matched at their start); an
    empty pattern always matches. ``lede`` rules fire only at the start of one of
    the first paragraphs. ``example`` is the sentence the rule is made for and
    ``place`` the name in it that gets ``role``."""

    name: str
    role: str
    example: str
    place: str
    before: str = ""
    after: str = ""
    lede: bool = False
    gate: tuple[str, ...] = ()
    """Lower-case words one of which must be in the words before the name: a
    cheap test that spares the pattern on most names."""
    flags: int = re.IGNORECASE
    before_re: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    after_re: re.Pattern[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name, pattern in (("before_re", self.before), ("after_re", self.after)):
            compiled = re.compile(pattern, self.flags) if pattern else None
            object.__setattr__(self, name, compiled)

    def fires(self, before: str, after: str, at_lede: bool) -> bool:
        if self.lede and not at_lede:
            return False
        if self.gate:
            lowered = before.lower()
            if not any(word in lowered for word in self.gate):
                return False
        if self.before_re is not None and not self.before_re.search(before):
            return False
        return self.after_re is None or bool(self.after_re.match(after))
