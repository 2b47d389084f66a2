"""The incident list: the selected incidents (or those a search found among them),
sorted, as the rows a person reads and clicks. Pure: no Streamlit.

A row says when, where, what was hit, the figures by side and the source. A
figure the source does not give stays out of the row's figures ('none
reported' when it gives none), never 0; figures that are an event's totals say
so, since the other places' figures are part of them.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import numpy as np
import pandas as pd

from components.domain.model import DEATH_FIELDS
from components.domain.vocabularies import FigureScope, GeoPrecision
from components.support.memo import by_table

SORTS = {"date": "Newest first", "deaths": "Most deaths first"}
"""How the list may be sorted, and the words for each."""
MAX_ROWS = 1_000
"""Rows the list shows at most; a search or the filters find the others."""
LIST_COLUMNS = [
    "id",
    "date",
    "place",
    "target",
    "attack",
    "deaths",
    "figures",
    "source",
]

SOURCE_PARTS = ("source_title", "source_publisher", "source_location")

FIGURE_WORDS = {
    "killed_civilians": "civilians killed",
    "killed_security": "security forces killed",
    "killed_attackers": "attackers killed",
    "killed_unspecified": "killed, group not reported",
    "injured": "injured",
}


@dataclass(frozen=True)
class Listing:
    """The rows to show and how many incidents the list holds in all."""

    rows: pd.DataFrame
    total: int


def deaths(frame: pd.DataFrame) -> pd.Series:
    """Reported deaths of every group per record; missing where none is given."""
    return frame[list(DEATH_FIELDS)].sum(axis=1, min_count=1).astype("Int64")


def listing(
    frame: pd.DataFrame,
    found: Collection[str] | None = None,
    sort: str = "date",
    limit: int = MAX_ROWS,
) -> Listing:
    """The list of ``frame``'s incidents (only the ids in ``found``, when a
    search gave some), sorted by ``sort`` (a key of :data:`SORTS`)."""
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}; known: {', '.join(SORTS)}")
    if found is None:
        order = _order(frame, sort)
        chosen = frame.iloc[order[:limit]]
        total = len(frame)
    else:
        matched = frame[frame["id"].isin(list(found))]
        chosen = matched.iloc[_order(matched, sort)[:limit]]
        total = len(matched)
    return Listing(list_rows(chosen), total)


@by_table()
def _order(frame: pd.DataFrame, sort: str) -> np.ndarray:
    """Row positions, newest first (or most deaths first, then newest); records
    of equal keys keep the table's order."""
    newest = -frame["date"].to_numpy().astype("datetime64[ms]").astype(np.int64)
    if sort == "date":
        return np.argsort(newest, kind="stable")
    most = -deaths(frame).fillna(-1).to_numpy(dtype=np.int64)
    return np.lexsort((newest, most))


def list_rows(chosen: pd.DataFrame) -> pd.DataFrame:
    """The list's rows for these records, in their order."""
    wide = chosen["geo_precision"].to_numpy() == int(GeoPrecision.REGION)
    places = chosen["place"].astype(str).to_numpy()
    # Only the columns the texts read, once: the table's 40 columns made into
    # records twice took 0.04 s of each rerun of the page.
    wanted = [*FIGURE_WORDS, "figure_scope", *SOURCE_PARTS]
    records = chosen[[c for c in wanted if c in chosen.columns]].to_dict("records")
    return pd.DataFrame(
        {
            "id": chosen["id"].astype(str).to_numpy(),
            "date": chosen["date"].to_numpy(),
            "place": np.where(wide, places + " (province-wide)", places),
            "target": chosen["target_label"].astype(str).to_numpy(),
            "attack": chosen["attack_labels"].astype(str).to_numpy(),
            "deaths": deaths(chosen).array,
            "figures": [figures_text(row) for row in records],
            "source": [source_text(row) for row in records],
        },
        columns=LIST_COLUMNS,
    )


def figures_text(row: dict) -> str:
    """The figures a record gives, by side ('none reported' when it gives none)."""
    given = [
        f"{int(row[field]):,} {words}"
        for field, words in FIGURE_WORDS.items()
        if not pd.isna(row[field])
    ]
    text = ", ".join(given) if given else "none reported"
    if given and row.get("figure_scope") == FigureScope.EVENT:
        return f"{text} (the event's totals)"
    return text


def source_text(row: dict) -> str:
    """The source's title, publisher and where in it."""
    parts = [str(row["source_title"])]
    if row.get("source_publisher"):
        parts.append(str(row["source_publisher"]))
    if row.get("source_location"):
        parts.append(str(row["source_location"]))
    return " · ".join(parts)
