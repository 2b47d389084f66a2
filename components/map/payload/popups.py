"""What a popup shows: per-incident columns (place, precision, target, attack,
date, source, notes, counts) with each string once, and the figures of the
earlier records a later one revises."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from components.domain.model import (
    CASUALTY_FIELDS,
    RANGE_COLUMNS,
    Casualties,
    FigureRange,
)
from components.domain.sources import spread_line
from components.domain.table import earlier_records
from components.domain.vocabularies import DatePrecision, GeoPrecision
from components.map.contract import Field
from components.map.payload.columns import StringTable, compact_column

TEXT_FIELDS: list[Field] = [
    {"key": "target", "label": "Target"},
    {"key": "attacks", "label": "Attack"},
    {"key": "date", "label": "Date"},
    {"key": "reported_as", "label": "Reported as"},
    {"key": "notes", "label": "Notes"},
    {"key": "reports", "label": "Reports"},
    {"key": "source", "label": "Source"},
    {"key": "excerpt", "label": "Source text"},
]
LONG_TEXT = ("notes", "excerpt")
COUNT_FIELDS: list[Field] = [
    {"key": column, "label": label} for column, label in CASUALTY_FIELDS.items()
]

_PRECISION_LABELS = {int(p): p.label for p in GeoPrecision}
_DATE_PRECISION_LABELS = {int(p): p.label for p in DatePrecision}


def _format_dates(dates: pd.Series, pattern: str) -> pd.Series:
    """strftime through the distinct values: a year of dates is 365 calls."""
    codes, uniques = pd.factorize(dates)
    labels = np.array(
        [d.strftime(pattern) if pd.notna(d) else "" for d in uniques] + [""],
        dtype=object,
    )
    return pd.Series(labels[codes], index=dates.index)


def _text_columns(latest: pd.DataFrame) -> pd.DataFrame:
    """The strings a popup shows, one column each, built column-wise."""
    publisher = latest["source_publisher"].astype(str)
    publisher = publisher.replace("", "publisher not named")
    source_date = _format_dates(latest["source_date"], ", %d %b %Y")
    place = latest["place"].astype(str)
    reported = latest["place_reported"].astype(str)
    return pd.DataFrame(
        {
            "place": place,
            "reported_as": reported.where(reported != place, ""),
            "precision": latest["geo_precision"].map(_PRECISION_LABELS),
            "target": latest["target_label"],
            "attacks": latest["attack_labels"],
            "date": _format_dates(latest["date"], "%d %b %Y")
            + " ("
            + latest["date_precision"].map(_DATE_PRECISION_LABELS)
            + ")",
            "notes": latest["notes"],
            "source": latest["source_title"].astype(str)
            + " ("
            + publisher.astype(str)
            + source_date
            + "), "
            + latest["source_location"].astype(str),
            "excerpt": latest["source_excerpt"],
            "reports": _reports(latest),
        },
        index=latest.index,
    )


def _reports(latest: pd.DataFrame) -> pd.Series:
    """'3 reports; best of security forces killed 12 (10 to 15); the reports
    disagree on ...' for incidents several reports describe, else blank. Row by
    row over those incidents only (a few among many)."""
    lines = pd.Series("", index=latest.index, dtype=object)
    if "sources" not in latest:
        return lines
    several = latest.index[latest["sources"].fillna(1).to_numpy() > 1]
    for index in several:
        row = latest.loc[index]

        def counts(column_of, row=row) -> Casualties:
            return Casualties(
                **{
                    c: None if pd.isna(row[column_of(c)]) else int(row[column_of(c)])
                    for c in CASUALTY_FIELDS
                }
            )

        spread = FigureRange(
            int(row["sources"]),
            counts(lambda c: RANGE_COLUMNS[c][0]),
            counts(lambda c: RANGE_COLUMNS[c][1]),
        )
        lines[index] = spread_line(counts(lambda c: c), spread)
    return lines


def earlier_figures(frame: pd.DataFrame) -> dict[str, list[str]]:
    """For each record that revises others, a line per earlier record's figures."""
    chains = earlier_records(frame)
    if not chains:
        return {}
    by_id = frame.set_index("id")
    lines: dict[str, list[str]] = {}
    for record, chain in chains.items():
        for old in chain:
            if old not in by_id.index:
                continue
            row = by_id.loc[old]
            counts = ", ".join(
                f"{label.lower()} {int(row[column]):,}"
                for column, label in CASUALTY_FIELDS.items()
                if pd.notna(row[column])
            )
            when = (
                ""
                if pd.isna(row["source_date"])
                else f", {row['source_date']:%d %b %Y}"
            )
            lines.setdefault(record, []).append(
                f"{counts or 'no figures'} ({row['source_title']}{when})"
            )
    return lines


def popup_rows(
    latest: pd.DataFrame,
    history: Mapping[str, list[str]],
    strings: StringTable,
    long_text: bool,
) -> dict[str, list[int] | int]:
    """Per-incident columns for the popups (``long_text``: with notes and source
    excerpts), their strings added to ``strings``."""
    texts = _text_columns(latest)
    rows: dict[str, list[int] | int] = {
        "place": compact_column(strings.encode(texts["place"])),
        "precision": compact_column(strings.encode(texts["precision"])),
    }
    for field in TEXT_FIELDS:
        key = field["key"]
        if key in LONG_TEXT and not long_text:
            continue
        blank = key in ("reported_as", "notes", "excerpt", "reports")
        rows[key] = compact_column(strings.encode(texts[key], blank_is_none=blank))
    counts = latest[list(CASUALTY_FIELDS)].astype("Int64").fillna(-1)
    for column in CASUALTY_FIELDS:
        rows[column] = compact_column(counts[column].to_numpy(dtype=np.int64))
    if history:
        earlier = [
            [strings.add(text) for text in history.get(record, [])]
            for record in latest["id"]
        ]
        if any(earlier):
            rows["earlier"] = earlier  # type: ignore[assignment]
    return rows
