"""How often the incident matcher is right: ``python -m bench.matching``.

``tests/data/matching/`` holds pairs of real reports, each answered "same attack"
or "different attacks". For every pair, each side becomes incidents two ways
(``bench.matching_sides``):

(a) **keys**: from the side's answer key. A pair's inline key is one attack with
    several place names: its place is the finest name the offline gazetteer knows
    (exact or other spelling before a fuzzy guess), inside the key's district where
    it gives one (else the district itself); the other names stay as other names.
    A corpus report's key gives one incident per attack place. Key codes are mapped
    to the product's vocabulary (:data:`KEY_TARGETS`, :data:`KEY_ATTACKS`).
(b) **reader**: from ``components.report.extract(text, published=...)``, each
    ``ReportIncident`` with its place, date (or the report's), targets, attacks and
    figures. The province holding a report's totals (``event_wide``) is a
    candidate only when the report has no other place.

Then the matcher is asked whether side b's **main incident** is one of side a's
incidents (a's are the record; b is the new report): :func:`main_index`. The
pair's decision is "same" when the matcher proposes a match.

Prints totals (accuracy on same and on different pairs, for (a) and (b), time per
decision); ``-v`` every pair; ``--split`` the figures on the development pairs
(numbers not divisible by three) and on the held-out pairs (every third).
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from components.domain.matching.rules import DEFAULT_RULES
from components.gazetteer import default_gazetteer
from tests.harness.match_scoring import (
    ABLATIONS,
    Sides,
    _print_results,
    run,
)
from tests.harness.matching_pairs import PAIRS, load_pairs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.matching")
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    parser.add_argument("-v", "--verbose", action="store_true", help="every pair")
    parser.add_argument(
        "--split",
        action="store_true",
        help="dev (pair number not divisible by 3) and held-out (every third) apart",
    )
    parser.add_argument(
        "--ablate", action="store_true", help="also each rule changed on its own"
    )
    args = parser.parse_args(argv)
    pairs = load_pairs(args.pairs)
    sides = Sides(default_gazetteer())
    results = run(pairs, sides, verbose=args.verbose)
    same = sum(p.same for p in pairs)
    print(f"pairs: {len(pairs)} ({same} same, {len(pairs) - same} different)")
    parts = ("all", "dev", "held-out") if args.split else ("all",)
    _print_results(results, parts, timing=True)
    if args.ablate:
        for name, change in ABLATIONS.items():
            print(f"-- {name}: {change}")
            rules = replace(DEFAULT_RULES, **change)  # type: ignore[arg-type]
            _print_results(run(pairs, sides, rules), parts, timing=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
