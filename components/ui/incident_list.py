"""The incident list under the map: the selected incidents, searched by the
database's full-text index, sorted by date or deaths; a click on a row shows the
incident on the map (its popup open) and in the History panel.

The list is a fragment: typing a search or sorting reruns the list alone. The
search text is bound to the link's ``q`` (``components.domain.share_link``).
"""

from __future__ import annotations

import functools
import hashlib
import logging

import pandas as pd
import streamlit as st

from components.domain import share_link
from components.domain.listing import MAX_ROWS, SORTS, Listing, listing
from components.domain.search import MAX_SEARCH_CHARS, SearchQuery, parse_search
from components.store import DatabaseStore
from components.store.search import MAX_HITS, SearchHits
from components.support.errors import SearchError
from components.support.text import markdown_text as md
from components.ui import map_focus
from components.ui.history_panel import INCIDENT_KEY

logger = logging.getLogger(__name__)

SEARCH_KEY = share_link.SEARCH
SORT_KEY = "incident_list_sort"
LIST_KEY = "incident_list"
SHOWN = "incident_list_shown"
"""{widget key: the ids of the rows it shows}: what a selected row names."""
CLICKED = "incident_list_clicked"
"""Set by a click on a row: the page runs again whole so the map follows."""

_COLUMNS = {
    "date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
    "place": st.column_config.TextColumn("Place"),
    "target": st.column_config.TextColumn("Target"),
    "attack": st.column_config.TextColumn("Attack"),
    "deaths": st.column_config.TextColumn(
        "Deaths",
        help="Reported deaths of every group; 'not reported' where the source "
        "gives none (never 0)",
    ),
    "figures": st.column_config.TextColumn("Figures", width="medium"),
    "source": st.column_config.TextColumn("Source", width="medium"),
}


BOX_KEY = "incident-list"
"""The list's container: its class ``st-key-incident-list`` is left out of print."""


def incident_list(shown: pd.DataFrame, store: DatabaseStore) -> None:
    """The list of the incidents the page shows, with its search and sort (not
    printed: the printed page has the incident table)."""
    with st.container(key=BOX_KEY):
        st.subheader("Incidents", anchor=False)
        _list(shown, store)


@st.fragment
def _list(shown: pd.DataFrame, store: DatabaseStore) -> None:
    if st.session_state.pop(CLICKED, False):
        st.rerun(scope="app")
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    text = left.text_input(
        "Search the incidents",
        key=SEARCH_KEY,
        bind="query-params",
        max_chars=MAX_SEARCH_CHARS,
        type="search",
        live="400ms",
        placeholder="Words of a place, target, note or source (e.g. Mastung bank)",
        help="Finds the incidents whose place, target, attack type, notes or source "
        "hold every word (or a word it begins). Narrows this list only: the map "
        "and the figures follow the filters.",
    )
    sort = right.selectbox(
        "Sort", list(SORTS), format_func=SORTS.__getitem__, key=SORT_KEY
    )
    try:
        query = parse_search(text)
    except SearchError as error:
        st.warning(f"Not searched: {md(error)}.", icon=":material/search_off:")
        query = parse_search("")
    hits = _search(store, query) if query else None
    shown_list = listing(shown, hits.ids if hits else None, sort)
    st.caption(md(_summary(shown_list, hits, query, len(shown))))
    key = _widget_key(shown_list, query, sort)
    st.session_state[SHOWN] = {key: shown_list.rows["id"].tolist()}
    st.dataframe(
        _readable(shown_list.rows),
        key=key,
        on_select=functools.partial(_clicked, key),
        selection_mode="single-row",
        column_order=list(_COLUMNS),
        column_config=_COLUMNS,
        hide_index=True,
        width="stretch",
    )


def _readable(rows: pd.DataFrame) -> pd.DataFrame:
    """Deaths as words where the source gives none (the grid would say 'None')."""
    deaths = rows["deaths"].map(lambda n: "not reported" if pd.isna(n) else f"{n:,}")
    return rows.assign(deaths=deaths)


def _search(store: DatabaseStore, query: SearchQuery) -> SearchHits:
    return _remembered_search(store, store.version(), query.terms)


@st.cache_resource(max_entries=64, show_spinner=False)
def _remembered_search(
    _store: DatabaseStore, version: tuple[object, ...], terms: tuple[str, ...]
) -> SearchHits:
    # ``version`` (the database and its last save) and the words are the key.
    hits = _store.search(SearchQuery(" ".join(terms), terms))
    logger.info(
        "search %r: %d hit(s)%s", terms, len(hits.ids), "+" if hits.more else ""
    )
    return hits


def _summary(
    shown_list: Listing, hits: SearchHits | None, query: SearchQuery, selected: int
) -> str:
    if hits is None:
        said = f"{selected:,} incidents selected"
    elif hits.more:
        said = (
            f"More than {MAX_HITS:,} incidents hold these words; "
            f"{shown_list.total:,} of the first {MAX_HITS:,} found are selected. "
            "Add a word to narrow the search"
        )
    else:
        words = " ".join(query.terms)
        said = (
            f"{shown_list.total:,} of the {selected:,} selected incidents hold "
            f"every word of '{words}'"
        )
    if shown_list.total > MAX_ROWS:
        said += f"; the first {MAX_ROWS:,} are listed"
    return said + ". Click a row to see it on the map and in History."


def _widget_key(shown_list: Listing, query: SearchQuery, sort: str) -> str:
    """A key of the rows shown: another list is another widget, so a row chosen
    in one is never read as a row of the next."""
    ids = shown_list.rows["id"]
    digest = hashlib.sha256(
        "\x1f".join([sort, *query.terms, str(len(ids)), *ids.head(50)]).encode()
    ).hexdigest()[:12]
    return f"{LIST_KEY}_{digest}"


def _clicked(key: str) -> None:
    """A row clicked (or cleared): show its incident on the map and in History."""
    state = st.session_state.get(key)
    rows = list(getattr(getattr(state, "selection", None), "rows", None) or [])
    ids = st.session_state.get(SHOWN, {}).get(key, [])
    if not rows or rows[0] >= len(ids):
        return
    incident_id = ids[rows[0]]
    map_focus.focus_on(incident_id)
    st.session_state[INCIDENT_KEY] = incident_id
    st.session_state[CLICKED] = True
