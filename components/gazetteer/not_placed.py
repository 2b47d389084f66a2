"""Places the curated tables name without a point (``not_placed.csv``: no
citable coordinates yet): a tehsil or village with the district it lies in.
What the text does not say of such a name, the table does: 'Hoshab' lies in
Kech district, so a report naming only Hoshab is kept at Kech, with the
district's precision."""

from __future__ import annotations

import csv
import functools
from pathlib import Path

from components.gazetteer.core import DEFAULT_DIRECTORY, normalize_name


def district_of(name: str, directory: Path = DEFAULT_DIRECTORY) -> str | None:
    """The district the curated tables put a place without a point in, where
    they name one and only one; None otherwise."""
    return _districts(directory).get(normalize_name(name))


@functools.lru_cache(maxsize=2)
def _districts(directory: Path) -> dict[str, str]:
    found: dict[str, set[str]] = {}
    path = directory / "not_placed.csv"
    if not path.exists():
        return {}
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            district = (row.get("district") or "").strip()
            name = normalize_name(row.get("name") or "")
            if not district or not name or normalize_name(district) == name:
                continue  # an alias, or a district of its own name
            found.setdefault(name, set()).add(district)
    return {name: next(iter(d)) for name, d in found.items() if len(d) == 1}
