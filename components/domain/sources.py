"""One incident, several reports: each report's figures kept as said, and the
incident's low, best and high figure per side. Pure.

UCDP GED keeps three figures per event: *low* (the lowest reliable estimate),
*best* (the most reliable) and *high*. ACLED's rule for its single figure is the
most conservative one reported, revised when better figures come. The two agree
once "better" is read as "later": a death toll rises as the wounded die and the
bodies are counted, and a later report that has seen the earlier ones is the
better-informed one. So, for each side (civilians, security forces, attackers,
not said, injured), over the sources that give that side a figure:

- **low**: the lowest figure any source gives;
- **high**: the highest figure any source gives;
- **best**: among the sources of the latest publication date, the most
  conservative (lowest) figure. A source with no publication date counts as the
  oldest. Two outlets of the same day that disagree give the lower figure (ACLED);
  a report of the next day replaces both, higher or lower (revised when better
  figures come).

A side no source gives stays not reported (None), never 0; a side only one
source gives has that figure as best and no range. The sources *disagree* on a
side when low and high differ: the page says so beside the range.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from components.domain.model import CASUALTY_FIELDS, Casualties, FigureRange

BEST_RULE = (
    "best: the lowest figure among the latest reports (ACLED's most conservative "
    "figure, revised when later reports come); low and high: the lowest and "
    "highest any report gives (UCDP GED)"
)


@dataclass(frozen=True, slots=True)
class Reported:
    """One report's figures for an incident, as the report gives them."""

    casualties: Casualties
    published: dt.date | None = None
    title: str = ""


@dataclass(frozen=True, slots=True)
class Reconciled:
    """An incident's figures from its reports: the best per side, and the range."""

    best: Casualties
    spread: FigureRange

    @property
    def disagree(self) -> tuple[str, ...]:
        return self.spread.disagree()


def _oldest_first(report: Reported) -> dt.date:
    return report.published or dt.date.min


def reconcile(reports: Sequence[Reported]) -> Reconciled:
    """The best, low and high figure per side over ``reports`` (see the module)."""
    best: dict[str, int | None] = {}
    low: dict[str, int | None] = {}
    high: dict[str, int | None] = {}
    for side in CASUALTY_FIELDS:
        given = [
            (r, getattr(r.casualties, side))
            for r in reports
            if getattr(r.casualties, side) is not None
        ]
        if not given:
            best[side] = low[side] = high[side] = None
            continue
        latest = max(_oldest_first(r) for r, _ in given)
        best[side] = min(v for r, v in given if _oldest_first(r) == latest)
        values = [v for _, v in given]
        several = len(given) > 1
        low[side] = min(values) if several else None
        high[side] = max(values) if several else None
    return Reconciled(
        Casualties(**best),
        FigureRange(
            sources=max(1, len(reports)),
            low=Casualties(**low),
            high=Casualties(**high),
        ),
    )


def range_text(best: int | None, low: int | None, high: int | None) -> str:
    """'12 (10 to 15)' where the reports differ, '12' where they agree or one
    gives it, 'not reported' where none does."""
    if best is None:
        return "not reported"
    if low is None or high is None or low == high:
        return f"{best:,}"
    return f"{best:,} ({low:,} to {high:,})"


def spread_line(best: Casualties, spread: FigureRange) -> str:
    """One line for a popup or a list: how many reports, each side's best with
    its range, and where the reports disagree. Empty for a single report."""
    if spread.sources <= 1:
        return ""
    parts = []
    for side, label in CASUALTY_FIELDS.items():
        value = getattr(best, side)
        if value is None:
            continue
        text = range_text(value, getattr(spread.low, side), getattr(spread.high, side))
        parts.append(f"{label.lower()} {text}")
    line = f"{spread.sources} reports"
    if parts:
        line += "; best of " + ", ".join(parts)
    disagree = spread.disagree()
    if disagree:
        line += "; the reports disagree on " + ", ".join(
            CASUALTY_FIELDS[s].lower() for s in disagree
        )
    return line
