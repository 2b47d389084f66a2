"""How well the extractor reads real reports: ``python -m bench.report_quality``.

The corpus (``tests/data/reports/corpus/*.json``) holds real public reports,
summarised in our own words with every fact kept, each with an answer key: the
incident places, their targets, attacks and figures by side, the report's totals,
and the earlier events it mentions. This prints, over the whole corpus:

- place recall and precision: incident places found / expected, and found places
  that are expected (a place matches by gazetteer id or by name); the province or
  district that holds a report's totals (``event_wide``) is counted apart; an
  unplaced name the reader reads as an attack place, with no wider place to keep
  its incident at, counts as a place found with its figures (the review asks the
  analyst for its point);
- figure recall: expected figures (place or totals, side, killed or injured, value)
  found with the same value on the same side of the same place;
- figures on the wrong side: a found value the key gives for another side;
- background figures counted: a found value that only an earlier event has;
- background sentences missed: earlier events read as current news;
- places dropped: expected attack places the reader neither proposed nor listed
  as unplaced (a name it said nothing about);
- report date: the extraction's date is the key's date of the attack;
- extraction time per report, with the gazetteer's layers loaded (a first pass
  over the corpus loads each country's layer).

``-v`` lists every miss by case. ``--split dev|heldout|fresh|all`` reads the
development reports (001-026 and the odd-numbered ones after, to 1081), the
held-out ones (the even-numbered ones from 028 and all from 1082), the fresh ones
(from 1082: keyed before the reader read them) or all. The per-report results
are checked in (``BASELINE``): ``--check`` compares with it and exits 1 with a
line per report and metric that reads worse; ``--update-baseline`` records the
current results (run it when a change improves a report). Otherwise the exit
status is 0; the numbers are the result.
"""

from __future__ import annotations

import argparse
import gc
from pathlib import Path

from components.gazetteer import default_gazetteer
from tests.harness.report_scoring import (
    BASELINE,
    CORPUS,
    HELDOUT,
    NEAR_KM,
    SPLITS,
    Score,
    heldout_recall,
    in_split,
    load_baseline,
    load_cases,
    regressions,
    run_cases,
    share,
    summary,
    write_baseline,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.report_quality")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--split", choices=SPLITS, default="all")
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses")
    gate = parser.add_mutually_exclusive_group()
    gate.add_argument(
        "--check", action="store_true", help="exit 1 if a report reads worse"
    )
    gate.add_argument(
        "--update-baseline",
        action="store_true",
        help=f"record every report's results in {BASELINE.name}",
    )
    args = parser.parse_args(argv)
    cases = [
        (path, case)
        for path, case in load_cases(args.corpus)
        if in_split(path.stem, args.split)
    ]
    gazetteer = default_gazetteer()
    # The first report about a country loads that country's layer of the
    # gazetteer: a pass over every report first, so that the timed pass reads
    # with the gazetteer loaded.
    run_cases(cases, gazetteer)
    # As in the page's reader process (components.report.intake.warm_up): what
    # is loaded lives as long as the process, and a full collection walking it
    # is no report's cost.
    gc.collect()
    gc.freeze()
    scores = run_cases(cases, gazetteer)
    score = Score()
    for one in scores.values():
        score.add(one)
    where = f"{args.corpus} (split: {args.split})"
    print("\n".join(summary(score, len(cases), where)))
    if HELDOUT.exists() and args.corpus == CORPUS and args.split == "all":
        answered, misses, total = heldout_recall(gazetteer)
        print(f"held-out place names within {NEAR_KM:g} km: {share(answered, total)}")
        for name, why in misses:
            print(f"  held-out {name}: {why}")
    if args.update_baseline:
        if args.split != "all" or args.corpus != CORPUS:
            parser.error("--update-baseline records the whole corpus only")
        write_baseline(scores)
        print(f"baseline recorded in {BASELINE}")
    if args.verbose:
        for miss in score.misses:
            print(f"  {miss}")
    if args.check:
        worse = regressions(scores, load_baseline())
        for line in worse:
            print(line)
        return 1 if worse else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
