"""Synthetic incident sets for benchmarks: clearly labelled, never real data.

``write_synthetic(directory, size)`` writes a data directory in the app's own
format (events.csv and incidents/synthetic.csv) with ``size`` incidents placed on
the gazetteer's towns in Balochistan, with target and attack types, dates over
2025 and casualty counts drawn from a fixed seed, so every run measures the same
data.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from components.gazetteer import default_gazetteer
from components.model import ATTACK_TYPES, NOT_REPORTED, TARGET_TYPES, GeoPrecision
from components.records import EVENT_COLUMNS, INCIDENT_COLUMNS

SEED = 20260201
EVENT_ID = "synthetic-benchmark"
LABEL = "SYNTHETIC benchmark data - not real events"
BALOCHISTAN = ("PK", "Balochistan")
"""Synthetic incidents are placed on this province's towns."""


def _counts(rng: np.random.Generator, size: int, mean: float, known: float) -> list:
    values = rng.poisson(mean, size).astype(object)
    values[rng.random(size) > known] = ""
    return values.tolist()


def synthetic_frame(size: int, seed: int = SEED) -> pd.DataFrame:
    """``size`` synthetic incident rows (as CSV cells)."""
    rng = np.random.default_rng(seed)
    places = [
        p
        for p in default_gazetteer()
        if p.precision == GeoPrecision.TOWN and (p.country, p.admin1) == BALOCHISTAN
    ]
    weights = np.array([p.population or 1000 for p in places], dtype=float) ** 0.5
    place = rng.choice([p.name for p in places], size, p=weights / weights.sum())
    province = rng.random(size) < 0.02
    place = np.where(province, "Balochistan", place)
    targets = [code for code in TARGET_TYPES if code != NOT_REPORTED]
    attacks = [code for code in ATTACK_TYPES if code != NOT_REPORTED]
    target = rng.choice([*targets, NOT_REPORTED], size)
    attack = rng.choice([*attacks, NOT_REPORTED], size)
    days = rng.integers(0, 365, size)
    dates = (np.datetime64("2025-01-01") + days).astype(str)
    return pd.DataFrame(
        {
            "id": [f"synthetic-{i:06d}" for i in range(size)],
            "event_id": EVENT_ID,
            "revises": "",
            "date": dates,
            "date_precision": "1",
            "place": place,
            "lat": "",
            "lon": "",
            "geo_precision": "",
            "target_type": target,
            "attack_types": attack,
            "killed_civilians": _counts(rng, size, 1.2, 0.6),
            "killed_security": _counts(rng, size, 0.8, 0.6),
            "killed_attackers": _counts(rng, size, 0.9, 0.5),
            "killed_unspecified": _counts(rng, size, 0.3, 0.1),
            "injured": _counts(rng, size, 2.0, 0.4),
            "source_title": LABEL,
            "source_publisher": "",
            "source_date": "",
            "source_location": f"bench/synthetic.py, seed {seed}",
            "source_excerpt": "",
            "notes": "Synthetic, for benchmarking only.",
        },
        columns=INCIDENT_COLUMNS,
    )


def write_synthetic(directory: Path, size: int, seed: int = SEED) -> Path:
    """A data directory holding ``size`` synthetic incidents."""
    (directory / "incidents").mkdir(parents=True, exist_ok=True)
    event = dict.fromkeys(EVENT_COLUMNS, "")
    event.update(
        id=EVENT_ID,
        name=LABEL,
        date="2025-01-01",
        date_precision="3",
        admin1="Balochistan",
        source_title=LABEL,
        source_location=f"bench/synthetic.py, seed {seed}",
        notes="Generated for benchmarks; not real events.",
    )
    pd.DataFrame([event], columns=EVENT_COLUMNS).to_csv(
        directory / "events.csv", index=False
    )
    synthetic_frame(size, seed).to_csv(
        directory / "incidents" / "synthetic.csv", index=False
    )
    return directory
