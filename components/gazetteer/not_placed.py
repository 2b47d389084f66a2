"""Places the curated tables name without a point (``not_placed.csv``: no
citable coordinates yet), with the district and province they lie in. What the
text does not say of such a name, the table does: 'Hoshab' lies in Kech
district, 'Sherani' (a district with no point) in Balochistan, so a report
naming only them is kept there, with that area's precision."""

from __future__ import annotations

import csv
import functools
from pathlib import Path
from typing import NamedTuple

from components.gazetteer.core import DEFAULT_DIRECTORY, normalize_name


class Holder(NamedTuple):
    """Where the tables put a place without a point."""

    district: str | None
    """Its district, unless the place is that district."""
    province: str


def holder_of(name: str, directory: Path = DEFAULT_DIRECTORY) -> Holder | None:
    """The district and province the curated tables put a place without a point
    in, where they name one and only one; None otherwise."""
    return _holders(directory).get(normalize_name(name))


@functools.lru_cache(maxsize=2)
def _holders(directory: Path) -> dict[str, Holder]:
    found: dict[str, set[Holder]] = {}
    path = directory / "not_placed.csv"
    if not path.exists():
        return {}
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            name = normalize_name(row.get("name") or "")
            district = (row.get("district") or "").strip()
            province = (row.get("admin1") or "").strip()
            if not name or not province:
                continue  # an alias, or a record left out
            own = normalize_name(district) == name
            found.setdefault(name, set()).add(
                Holder(None if own else district, province)
            )
    return {name: next(iter(h)) for name, h in found.items() if len(h) == 1}
