"""Files a briefer takes away. Pure: no Streamlit."""

from __future__ import annotations

import pandas as pd

from components.text import spreadsheet_cell


def to_csv(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV of ``frame``; unknown counts stay blank, formulas are neutralised."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(spreadsheet_cell)
    return safe.to_csv(index=False, date_format="%Y-%m-%d").encode("utf-8")


def count_labels(counts: pd.Series) -> pd.Series:
    """Counts as text for reading: '1,234', or 'not reported' (never 0)."""
    codes, uniques = pd.factorize(counts)
    labels = [f"{int(value):,}" for value in uniques] + ["not reported"]
    return pd.Series(pd.array(labels, dtype="string")[codes], index=counts.index)
