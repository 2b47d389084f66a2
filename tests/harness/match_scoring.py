"""Scoring the matcher on the pairs of ``tests/data/matching``: what
``python -m bench.matching`` prints and ``tests/test_matching.py`` checks."""

from __future__ import annotations

import math
import statistics
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from components.domain.matching import (
    DEFAULT_RULES,
    IncidentFacts,
    MatchRules,
    Proposal,
    propose,
    select_candidates,
)
from components.domain.vocabularies import GeoPrecision
from components.gazetteer import Gazetteer
from tests.harness.matching_pairs import (
    Pair,
    by_key,
    reader_incidents,
)

# --- Running -----------------------------------------------------------------------


@dataclass
class Tally:
    """Right and total decisions by truth (True: same pairs), and their times."""

    right: Counter = field(default_factory=Counter)
    total: Counter = field(default_factory=Counter)
    seconds: list[float] = field(default_factory=list)

    def add(self, pair: Pair, said_same: bool) -> None:
        self.total[pair.same] += 1
        self.right[pair.same] += said_same == pair.same

    def accuracy(self, same: bool) -> float:
        return self.right[same] / self.total[same] if self.total[same] else math.nan

    def share(self, same: bool) -> str:
        whole = self.total[same]
        if not whole:
            return "n/a"
        return f"{self.right[same] / whole:.0%} ({self.right[same]}/{whole})"


Way = Callable[[dict, Gazetteer], tuple[list[IncidentFacts], IncidentFacts | None]]


WAYS: dict[str, Way] = {"keys": by_key, "reader": reader_incidents}
LABELS = {"keys": "(a) from the keys", "reader": "(b) from the reader"}

ABLATIONS: dict[str, dict[str, object]] = {
    "no other spellings by skeleton": {"skeleton_consonants": 10**6},
    "no name inside a name": {"contained_chars": 10**6},
    "no wrong-weekday allowance": {"wrong_weekday_days": 1},
    "same day only": {"max_days": 0, "wrong_weekday_days": 0},
    "two days apart allowed": {"max_days": 2},
    "no target or attack points": {
        "shared_target": 0.0,
        "related_target": 0.0,
        "conflicting_target": 0.0,
        "shared_attack": 0.0,
        "conflicting_attack": 0.0,
    },
    "threshold 5": {"threshold": 5.0},
    "threshold 7": {"threshold": 7.0},
}
"""Rules changed one at a time (``--ablate``): what each is worth on the pairs."""


REPEATS = 5
"""Each decision is timed this many times and its fastest kept: a shared machine's
pauses are not the matcher's."""


def part_of(pair: Pair) -> str:
    """'held-out' for every third pair by number, else 'dev'."""
    return "held-out" if pair.number % 3 == 0 else "dev"


class Sides:
    """Each side's incidents, read once per way (the reader is the slow part)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._read: dict[tuple[str, str], tuple] = {}

    def get(self, way: str, report: dict) -> tuple:
        key = (way, report.get("url", "") + report["text"])
        if key not in self._read:
            self._read[key] = WAYS[way](report, self.gazetteer)
        return self._read[key]


def decide(
    pair: Pair, way: str, sides: Sides, rules: MatchRules = DEFAULT_RULES
) -> tuple[Proposal | None, IncidentFacts | None, float]:
    """The matcher's proposal for side b's main incident among side a's incidents
    (None where b has no incident), b's main incident, and the seconds taken."""
    record, _ = sides.get(way, pair.a)
    _, main = sides.get(way, pair.b)
    if main is None:
        return None, None, 0.0
    main = replace(main, id="")
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        proposal = propose(main, select_candidates(main, record, rules), rules)
        times.append(time.perf_counter() - started)
    return proposal, main, min(times)


def run(
    pairs: Sequence[Pair],
    sides: Sides,
    rules: MatchRules = DEFAULT_RULES,
    verbose: bool = False,
    ways: Sequence[str] = tuple(WAYS),
) -> dict[str, dict[str, Tally]]:
    """{way: {'all' | 'dev' | 'held-out': Tally}}."""
    results: dict[str, dict[str, Tally]] = {}
    for way in ways:
        tallies = {"all": Tally(), "dev": Tally(), "held-out": Tally()}
        for pair in pairs:
            proposal, main, seconds = decide(pair, way, sides, rules)
            said_same = proposal is not None and not proposal.is_new
            for name in ("all", part_of(pair)):
                tallies[name].add(pair, said_same)
                if proposal is not None:
                    tallies[name].seconds.append(seconds)
            if verbose:
                _print_pair(way, pair, said_same, main, proposal)
        results[way] = tallies
    return results


def _print_pair(
    way: str,
    pair: Pair,
    said_same: bool,
    main: IncidentFacts | None,
    proposal: Proposal | None,
) -> None:
    mark = "ok  " if said_same == pair.same else "MISS"
    truth = "same" if pair.same else "different"
    print(f"[{way}] {mark} {pair.name} ({truth}, {part_of(pair)})")
    if main is None or proposal is None:
        print("       b: no incident found")
        return
    where = main.place or "not in the gazetteer"
    precision = GeoPrecision(main.precision).label if main.precision else "-"
    print(
        f"       b: {main.place_reported} ({where}, {precision}) {main.date} "
        f"targets={sorted(main.target_types)} attacks={sorted(main.attack_types)}"
    )
    print(f"       -> {proposal.summary()}")


def _print_results(
    results: dict[str, dict[str, Tally]], parts: Sequence[str], timing: bool
) -> None:
    for way, tallies in results.items():
        for part in parts:
            tally = tallies[part]
            print(
                f"{LABELS[way]:20} {part:9} same right {tally.share(True):14} "
                f"different right {tally.share(False)}"
            )
        seconds = sorted(tallies["all"].seconds)
        if timing and seconds:
            p95 = seconds[min(len(seconds) - 1, round(0.95 * (len(seconds) - 1)))]
            print(
                f"{LABELS[way]:20} time per decision (candidates + proposal): "
                f"median {statistics.median(seconds) * 1e6:.0f} µs, 95th percentile "
                f"{p95 * 1e6:.0f} µs, worst {seconds[-1] * 1e6:.0f} µs "
                f"({len(seconds)} decisions)"
            )
