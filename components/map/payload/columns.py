"""Columns as the payload sends them, worked column-wise (no Python object per
row): each distinct string once, a column of one repeated number as that number,
numbers as base64 typed arrays, and keys grouped by a hash pass."""

from __future__ import annotations

import base64

import numpy as np
import pandas as pd


class StringTable:
    """Each distinct string once; rows refer to it by index (-1: none)."""

    def __init__(self) -> None:
        self.values: list[str] = []
        self._index: dict[str, int] = {}
        self.chars = 0

    def encode(self, column: pd.Series, *, blank_is_none: bool = False) -> np.ndarray:
        codes, uniques = pd.factorize(column.fillna(""), sort=False)
        mapping = np.array([self.add(str(u)) for u in uniques] or [0], dtype=np.int64)
        encoded = mapping[codes] if len(codes) else np.zeros(0, dtype=np.int64)
        if blank_is_none and len(uniques):
            blank = np.array([str(u) == "" for u in uniques] + [False])
            encoded = np.where(blank[codes], -1, encoded)
        return encoded

    def add(self, value: str) -> int:
        if value not in self._index:
            self._index[value] = len(self.values)
            self.values.append(value)
            self.chars += len(value)
        return self._index[value]


def compact_column(values: np.ndarray) -> list[int] | int:
    """A column as a list, or as one number when every row holds the same."""
    if len(values) and (values == values[0]).all():
        return int(values[0])
    return values.tolist()


def typed_array(values: np.ndarray, dtype: str) -> str:
    """``values`` as the bytes of a typed array of ``dtype``, in base64."""
    return base64.b64encode(
        np.ascontiguousarray(values, dtype=dtype).tobytes()
    ).decode()


def grouped(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(group of each key, distinct keys) in order of first appearance: a hash
    pass, not a sort."""
    groups, distinct = pd.factorize(keys)
    return groups, np.asarray(distinct)
