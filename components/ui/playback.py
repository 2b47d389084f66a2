"""Playback: step or play through the selected period's days with incidents (days
with none are skipped, and the control says how many); the map, the figures and
the table show the incidents up to that day."""

from __future__ import annotations

import datetime as dt
import logging
import time

import pandas as pd
import streamlit as st

from components.domain.filters import days_between, up_to
from components.ui.page_order import keep_place
from components.ui.remembered import days_of

logger = logging.getLogger(__name__)

DAY_KEY = "playback_day"
PLAYING_KEY = "playback_playing"
NEXT_KEY = "playback_next_day"
DRAWN_KEY = "playback_drawn_at"
STEP_SECONDS = 2.0
"""How long each day stays on screen while playing."""
ROW_HEIGHT = 68
CAPTION_HEIGHT = 40
"""The line under it saying how many empty days are skipped."""
"""The control's height in pixels (buttons and the day slider, one row; measured
in Chromium at 1280, 1440 and 1500 px wide)."""


def playback(filtered: pd.DataFrame) -> pd.DataFrame:
    """Draw the day control when the selection spans days; the rows up to the
    chosen day (all of them until a day is chosen)."""
    days = days_of(filtered)
    if not _spans_days(days):
        return filtered
    _apply_next_day(days)
    back, play, step, slider = st.columns([1, 1, 1, 6], vertical_alignment="bottom")
    playing = st.session_state.get(PLAYING_KEY, False)
    back.button(
        "First",
        icon=":material/skip_previous:",
        help="Back to the first day",
        on_click=_go,
        args=(days[0],),
    )
    play.button(
        "Pause" if playing else "Play",
        icon=":material/pause:" if playing else ":material/play_arrow:",
        help="Pause" if playing else "Play the period a day at a time",
        on_click=_toggle,
        args=(days,),
    )
    day = st.session_state.get(DAY_KEY, days[-1])
    later = [d for d in days if d > day]
    step.button(
        "Next",
        icon=":material/skip_next:",
        help="Next day",
        on_click=_go,
        args=(later[0] if later else days[-1],),
        disabled=not later,
    )
    chosen = slider.select_slider(
        "Day",
        options=days,
        value=day if day in days else days[-1],
        key=DAY_KEY,
        format_func=lambda d: f"{d.day} {d:%b %Y}",
        help="The map and figures show the incidents up to this day.",
    )
    skipped = days_between(days)
    if skipped:
        st.caption(
            f"Playback steps through the {len(days):,} days with incidents; the "
            f"{skipped:,} days between with none are skipped."
        )
    if playing:
        st.session_state[DRAWN_KEY] = time.monotonic()
        _tick(days)
    return filtered if chosen == days[-1] and not playing else up_to(filtered, chosen)


def playback_later(filtered: pd.DataFrame) -> pd.DataFrame:
    """The control's place, kept empty until the rest of the page draws it (so the
    figures and the map below it do not move); every row until then, as the
    control shows before it is touched."""
    days = days_of(filtered)
    if _spans_days(days):
        keep_place(ROW_HEIGHT + (CAPTION_HEIGHT if days_between(days) else 0))
    return filtered


def _spans_days(days: list[dt.date]) -> bool:
    """Whether there is anything to play: the control shows for two days or more."""
    return len(days) >= 2


def _apply_next_day(days: list[dt.date]) -> None:
    """Before the slider is drawn: take the day a button or the player chose."""
    if NEXT_KEY in st.session_state:
        day = st.session_state.pop(NEXT_KEY)
        st.session_state[DAY_KEY] = day if day in days else days[-1]


def _go(day: dt.date) -> None:
    st.session_state[NEXT_KEY] = day


def _toggle(days: list[dt.date]) -> None:
    playing = not st.session_state.get(PLAYING_KEY, False)
    st.session_state[PLAYING_KEY] = playing
    if playing and st.session_state.get(DAY_KEY, days[-1]) >= days[-1]:
        st.session_state[NEXT_KEY] = days[0]
    logger.info("playback %s", "started" if playing else "paused")


@st.fragment(run_every=STEP_SECONDS)
def _tick(days: list[dt.date]) -> None:
    """While playing: the next day, then the whole page again; stop at the end.

    A fragment also runs with the page: only a run a step after the page was
    drawn moves on."""
    if not st.session_state.get(PLAYING_KEY):
        return
    drawn = st.session_state.get(DRAWN_KEY, 0.0)
    if time.monotonic() - drawn < STEP_SECONDS * 0.8:
        return
    day = st.session_state.get(DAY_KEY, days[0])
    later = [d for d in days if d > day]
    if later:
        st.session_state[NEXT_KEY] = later[0]
    if len(later) <= 1:
        st.session_state[PLAYING_KEY] = False
    st.rerun(scope="app")
