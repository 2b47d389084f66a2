"""What keeps rows of the data out, and the words the dashboard shows for it.

A bad row is never dropped silently: every problem keeps its file, row, line and
field, and rows whose only problem is a place the gazetteer cannot place are kept
as read, to be listed on screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from components.domain.model import Incident
from components.domain.vocabularies import ATTACK_TYPES, TARGET_TYPES
from components.support.text import markdown_text as md


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in a data file, located precisely enough to fix it."""

    path: str
    message: str
    row: int | None = None
    """1 for the first data row after the header."""
    line: int | None = None
    field: str | None = None
    unplaced: str | None = None
    """The place name, where the problem is that the gazetteer cannot place it."""
    suggestions: tuple[str, ...] = ()
    """The gazetteer's closest known names, for an unplaced name."""
    record: Incident | None = None
    """The row as read, where its only problem is its unplaced name."""

    @property
    def where(self) -> str:
        """File, and row with line where there is one."""
        if self.row is not None:
            return f"{self.path}, {self._row()}"
        return self.path

    def _row(self) -> str:
        line = f" (line {self.line})" if self.line is not None else ""
        return f"row {self.row}{line}"

    def __str__(self) -> str:
        where = [self.path]
        if self.row is not None:
            where.append(self._row())
        elif self.line is not None:
            where.append(f"line {self.line}")
        if self.field:
            where.append(f"field '{self.field}'")
        return f"{', '.join(where)}: {self.message}"


@dataclass(frozen=True, slots=True)
class UnplacedPlace:
    """A place name the data uses that the gazetteer cannot place, and its rows."""

    name: str
    suggestions: tuple[str, ...]
    rows: tuple[str, ...]
    """Where each row is: file, row and line."""
    records: tuple[tuple[str, Incident], ...] = ()
    """(where, row as read) of the rows whose only problem is this name."""


def unplaced_places(problems: Sequence[Problem]) -> list[UnplacedPlace]:
    """The names behind 'not in the gazetteer' problems, each once, in file order."""
    found: dict[str, UnplacedPlace] = {}
    for problem in problems:
        if problem.unplaced is None:
            continue
        known = found.get(problem.unplaced)
        rows = (*known.rows, problem.where) if known else (problem.where,)
        records = known.records if known else ()
        if problem.record is not None:
            records = (*records, (problem.where, problem.record))
        found[problem.unplaced] = UnplacedPlace(
            problem.unplaced, problem.suggestions, rows, records
        )
    return list(found.values())


UNPLACED_COLUMNS = [
    "place_reported",
    "id",
    "date",
    "target",
    "attacks",
    "killed",
    "injured",
    "source_title",
    "where",
]


def unplaced_frame(unplaced: Sequence[UnplacedPlace]) -> pd.DataFrame:
    """The rows of unplaced names, as read, for reading on screen: they are not in
    the incident table, the map or the figures. Counts are blank where unknown."""
    records = [
        {
            "place_reported": incident.place_reported,
            "id": incident.id,
            "date": incident.date,
            "target": TARGET_TYPES[incident.target_type].label,
            "attacks": ", ".join(ATTACK_TYPES[a].label for a in incident.attack_types),
            "killed": incident.casualties.killed_total,
            "injured": incident.casualties.injured,
            "source_title": incident.source.title,
            "where": where,
        }
        for place in unplaced
        for where, incident in place.records
    ]
    frame = pd.DataFrame.from_records(records, columns=UNPLACED_COLUMNS)
    for column in ("killed", "injured"):
        frame[column] = frame[column].astype("Int64")
    return frame


def unplaced_message(unplaced: Sequence[UnplacedPlace]) -> str:
    """Markdown for the dashboard's warning: each name, its rows, the closest names."""
    rows = sum(len(place.rows) for place in unplaced)
    lines = [
        f"**{len(unplaced)} place name(s) in the data could not be placed** by the "
        f"offline gazetteer, so their {rows} row(s) are not on the map, in the "
        "table or in the figures: no location is guessed (the rows are listed "
        "below). Pin each row with `lat`, `lon` and "
        "`geo_precision`, or add the spelling to "
        "`data/gazetteer/sources/balochistan_aliases.csv` and rebuild the "
        "gazetteer (`python scripts/build_gazetteer.py`).",
    ]
    for place in unplaced:
        where = "; ".join(place.rows[:3])
        if len(place.rows) > 3:
            where += f"; and {len(place.rows) - 3} more"
        closest = (
            " Closest known: " + ", ".join(md(name) for name in place.suggestions) + "."
            if place.suggestions
            else " No close known name."
        )
        lines.append(f'- "{md(place.name)}" ({md(where)}).{closest}')
    return "\n".join(lines)
