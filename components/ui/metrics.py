"""Headline figures."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import streamlit as st

from components.domain.briefing import Briefing, event_table
from components.domain.model import CASUALTY_FIELDS, DEATH_FIELDS, Event
from components.domain.sources import BEST_RULE
from components.domain.summary import Earlier, Figure, Headline
from components.support.text import markdown_text as md
from components.ui.print_tables import print_table
from components.ui.remembered import whole_headline

GROUPED = ("killed_civilians", "killed_security", "killed_attackers")


def _death_metric(label: str, shown: Figure, whole: Figure) -> None:
    if shown.value is None:
        value = "Not reported"
        note = "No row in this selection reports this count."
        if whole.value is not None:
            scope = "the province as a whole" if whole.province_level else "all rows"
            note += f" The data give {whole.value:,} for {scope}: clear the filters."
    else:
        value = f"{shown.value:,}"
        if shown.province_level:
            note = (
                "Province-wide total from the source; it does not give this by place."
            )
        elif shown.event_totals:
            note = (
                "The report's total for the whole event; the figures of its places "
                "are part of it and are not added."
            )
        else:
            note = f"Sum over {shown.reporting_rows} row(s) that report it."
    if shown.ranged:
        note += (
            f" The reports of these incidents give {shown.low:,} to {shown.high:,}; "
            f"this is the best figure ({BEST_RULE})."
        )
    for earlier in shown.earlier:
        note += f" Earlier report: {_earlier_text(earlier)}."
    st.metric(label, value, help=note, border=True)


def _earlier_text(earlier: Earlier) -> str:
    when = f", {earlier.source_date:%d %b %Y}" if pd.notna(earlier.source_date) else ""
    return f"{earlier.value:,} ({md(earlier.source_title)}{when})"


def _dates(head: Headline) -> str:
    if head.first_date is None:
        return "—"
    first, last = head.first_date, head.last_date
    if first == last:
        return f"{first.day} {first:%b %Y}"
    return f"{first.day} {first:%b %Y} to {last.day} {last:%b %Y}"


def _card_places(count: int, per_row: int | None) -> list:
    """A place per headline card: one row of ``count``, or rows of ``per_row``."""
    if per_row is None:
        return list(st.columns(count))
    places: list = []
    while len(places) < count:
        places.extend(st.columns(per_row))
    return places[:count]


def _period_note(head: Headline) -> str | None:
    """The period card's note: what the source's period covers, in a sentence."""
    if not head.period_note:
        return None
    what = head.period_note.strip().rstrip(".")
    span = f"{head.period_hours:g} hours of " if head.period_hours else ""
    return (
        f"The source gives the period as {span}{md(what)}. "
        f"Dates of the incidents: {_dates(head)}."
    )


def headline_metrics(
    brief: Briefing,
    full: pd.DataFrame,
    events: Mapping[str, Event],
    per_row: int | None = None,
) -> Headline:
    """Deaths by group, places hit and the period, for the filtered rows, in one
    row of cards (or rows of ``per_row``)."""
    head = brief.headline
    headline_cards(head, whole_headline(full, events), per_row)
    return head


def headline_cards(head: Headline, whole: Headline, per_row: int | None) -> None:
    """The headline's cards for ``head``; ``whole`` (the figures of every
    incident) says what a figure the selection lacks is in all the data."""
    # Deaths with no group get a figure of their own only where the data have any.
    fields = [f for f in DEATH_FIELDS if f in GROUPED or whole.deaths[f].value]
    columns = _card_places(len(fields) + 2, per_row)
    for column, field in zip(columns, fields, strict=False):
        with column:
            _death_metric(
                CASUALTY_FIELDS[field], head.deaths[field], whole.deaths[field]
            )
    with columns[-2]:
        at_least = head.places_hit_at_least
        named = f"{head.places_named} named"
        if at_least and at_least > head.places_named:
            named += f" of at least {at_least}"
        st.metric(
            "Cities and towns hit",
            named,
            help=(
                f"The source says at least {at_least} were hit and names "
                f"{whole.places_named}."
                if at_least
                else "Towns named in the selected rows."
            ),
            border=True,
        )
    revised = [
        f"{CASUALTY_FIELDS[f].lower()} now {head.deaths[f].value:,}, earlier "
        + ", ".join(_earlier_text(e) for e in head.deaths[f].earlier)
        for f in fields
        if head.deaths[f].earlier
    ]
    if revised:
        st.caption("Figures revised by later reports: " + "; ".join(revised) + ".")
    ranged = [
        f"{CASUALTY_FIELDS[f].lower()} {head.deaths[f].value:,} "
        f"({head.deaths[f].low:,} to {head.deaths[f].high:,})"
        for f in fields
        if head.deaths[f].ranged
    ]
    if ranged:
        st.caption(
            "Where reports of one incident differ, the figures above are the best "
            "of them, with the range the reports give: " + "; ".join(ranged) + "."
        )
    with columns[-1]:
        period = f"{head.period_hours:g} hours" if head.period_hours else _dates(head)
        st.metric(
            "Period",
            period,
            help=_period_note(head),
            border=True,
        )


def event_breakdown(brief: Briefing) -> None:
    """With several events, each event's own figures (the headline adds them)."""
    if brief.mixed:
        st.caption(
            f"The headline figures add {len(brief.events)} events. Each event's own "
            "figures ('not reported' where its source gives none):"
        )
        table = event_table(brief.events)
        st.dataframe(table, hide_index=True, key="event_breakdown")
        print_table(table, "Each event's own figures")
