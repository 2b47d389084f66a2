"""How the place-name model's names fare on reports it was not trained on:
``python -m bench.place_names``.

For each set of twelve corpus reports below ``FRESH_FROM``, the model is trained
on the others (``scripts.train_reader_models``) and the set is read with it;
then the fresh reports are read with the model trained on all the rest. Each
name the model lists for the analyst is counted by what the report's answer key
says of it: an attack place, a place named for another reason, or not listed
(mostly not a place; the keys list only places of note). It prints the counts
and the names the key does not list (not the fresh set's), and takes about half
a minute. ``--threshold`` lists at another likelihood than the shipped one.
"""

from __future__ import annotations

import argparse
import logging
from collections import Counter
from dataclasses import replace
from pathlib import Path

from components.gazetteer import Gazetteer, default_gazetteer
from components.report.name_model import NAME_RULE
from components.report.places import find_places
from scripts.train_reader_models import NAMES, _read, left_out_readings
from tests.harness.report_scoring import FRESH_FROM, _key, load_cases, report_number

WHAT = ("an attack place", "a place named for another reason", "not in the key")


def _listed(
    cases: list[tuple[Path, dict]], gazetteer: Gazetteer, unlisted: list[str]
) -> Counter[str]:
    """The model's names in ``cases`` by what their keys say of them."""
    counts: Counter[str] = Counter()
    for path, case in cases:
        key = case["key"]
        attacked = {_key(item["place"]) for item in key["incidents"]}
        named = {_key(other) for other in key.get("not_incident_places", [])}
        steps = _read(case)
        _, unplaced = find_places(steps.flat, steps.found, gazetteer)
        for name in (u.name for u in unplaced if u.rule == NAME_RULE):
            what = WHAT[0] if _key(name) in attacked else WHAT[1]
            if _key(name) not in attacked | named:
                what = WHAT[2]
                unlisted.append(f"{report_number(path.stem):03d} {name}")
            counts[what] += 1
    return counts


def _print(title: str, counts: Counter[str], reports: int, unlisted: list[str]):
    print(f"== {title}: {sum(counts.values())} name(s) listed in {reports} reports")
    for what in WHAT:
        print(f"  {what:34} {counts[what]}")
    if unlisted:
        print("  not in the key: " + ", ".join(unlisted))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--threshold", type=float, default=NAMES.threshold, help="list at this"
    )
    args = parser.parse_args(argv)
    kind = replace(NAMES, threshold=args.threshold)
    logging.basicConfig(level=logging.WARNING)
    gazetteer = default_gazetteer()
    counts = {"tuned": Counter[str](), "fresh": Counter[str]()}
    unlisted: dict[str, list[str]] = {"tuned": [], "fresh": []}
    reports = Counter[str]()
    for title, cases in left_out_readings(kind, load_cases(), gazetteer):
        counts[title] += _listed(cases, gazetteer, unlisted[title])
        reports[title] += len(cases)
    _print(
        f"reports to {FRESH_FROM - 1}, each set read by a model trained without it",
        counts["tuned"],
        reports["tuned"],
        unlisted["tuned"],
    )
    # the fresh set's names are not printed: rules are not written against it
    _print(f"fresh reports from {FRESH_FROM}", counts["fresh"], reports["fresh"], [])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
