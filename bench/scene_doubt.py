"""How far the review's doubt can be trusted: ``python -m bench.scene_doubt``.

The review says which proposed places the scene model doubts (likelihood under
``DOUBTED_BELOW``). For each set of twelve corpus reports below ``FRESH_FROM``,
the scene model is trained on the others and the set is read with it; then the
fresh reports are read with the model trained on all the rest. Every proposed
place (not the totals' place) is counted by its likelihood and by whether the
report's answer key lists it as an attack place. It prints, per band of
likelihood, how many places were proposed and how many were right, and takes
about half a minute.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
from collections import Counter
from pathlib import Path

from components.gazetteer import Gazetteer, default_gazetteer
from components.report import extract
from components.report.scene_model import DOUBTED_BELOW
from scripts.train_reader_models import SCENES, left_out_readings
from tests.harness.report_scoring import FRESH_FROM, _ids, _key, _meets, load_cases

BANDS = (DOUBTED_BELOW, 0.4, 0.6, 1.01)
NONE = "no likelihood"


def _band(chance: float | None) -> str:
    if chance is None:
        return NONE
    low = 0.0
    for high in BANDS:
        if chance < high:
            return f"{low:.1f}-{min(high, 1.0):.1f}"
        low = high
    raise ValueError(chance)


def _tally(
    cases: list[tuple[Path, dict]],
    gazetteer: Gazetteer,
    proposed: Counter[str],
    right: Counter[str],
) -> None:
    for _, case in cases:
        published = case.get("published")
        extraction = extract(
            case["text"],
            gazetteer,
            published=dt.date.fromisoformat(published) if published else None,
        )
        wanted: set[object] = set()
        for item in case["key"]["incidents"]:
            wanted |= _ids(gazetteer, item["place"])
        for incident in extraction.incidents:
            if incident.event_wide:
                continue
            band = _band(incident.scene_likelihood)
            ids = {
                incident.place.geonameid,
                _key(incident.place.name),
                _key(incident.place_reported),
            }
            proposed[band] += 1
            right[band] += _meets(ids, wanted)


def _print(title: str, proposed: Counter[str], right: Counter[str]) -> None:
    print(f"== {title}")
    print(f"  {'likelihood':14} {'proposed':>8} {'right':>6}")
    for band in [*(_band(b - 0.01) for b in BANDS), NONE]:
        if proposed[band]:
            share = f"{100 * right[band] / proposed[band]:.0f}%"
            print(f"  {band:14} {proposed[band]:8} {right[band]:6}  {share}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    gazetteer = default_gazetteer()
    proposed = {"tuned": Counter[str](), "fresh": Counter[str]()}
    right = {"tuned": Counter[str](), "fresh": Counter[str]()}
    for title, cases in left_out_readings(SCENES, load_cases(), gazetteer):
        _tally(cases, gazetteer, proposed[title], right[title])
    _print(
        f"reports to {FRESH_FROM - 1}, each set read by a model trained without it",
        proposed["tuned"],
        right["tuned"],
    )
    _print(f"fresh reports from {FRESH_FROM}", proposed["fresh"], right["fresh"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
