"""Scoring the report reader against the corpus's answer keys: what
``python -m bench.report_quality`` prints and the regression gate
(``tests/test_report_gate.py``) checks. See the bench script for the metrics."""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
import re
import statistics
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz.distance import OSA

from components.gazetteer import Gazetteer, normalize_name
from components.report import Extraction, extract
from components.report.model import SIDES

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "data" / "reports" / "corpus"
BASELINE = CORPUS.parent / "baseline.json"
"""The checked-in per-report results the gate compares with."""
OUTCOMES = ("killed", "injured")
SPLITS = ("dev", "heldout", "fresh", "all")


@dataclass
class Score:
    places_expected: int = 0
    places_found: int = 0
    places_right: int = 0
    places_matched: int = 0
    event_wide: int = 0
    figures_expected: int = 0
    figures_right: int = 0
    wrong_side: int = 0
    background_counted: int = 0
    background_missed: int = 0
    background_expected: int = 0
    dropped: int = 0
    dates_expected: int = 0
    dates_right: int = 0
    seconds: list[float] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    figures_missed: Counter[str] = field(default_factory=Counter)
    """Each missed figure of the key by where the reader put it instead (see
    :data:`MISSED_AS`)."""

    def add(self, other: Score) -> None:
        for name in (*GATED, "places_expected", "places_found", "event_wide"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.figures_expected += other.figures_expected
        self.background_expected += other.background_expected
        self.dates_expected += other.dates_expected
        self.seconds += other.seconds
        self.misses += other.misses
        self.figures_missed += other.figures_missed

    def record(self) -> dict[str, int]:
        """What the baseline keeps of one report."""
        return {
            "places_expected": self.places_expected,
            "places_matched": self.places_matched,
            "places_found": self.places_found,
            "places_wrong": self.places_found - self.places_right,
            "figures_expected": self.figures_expected,
            "figures_right": self.figures_right,
            "wrong_side": self.wrong_side,
            "background_counted": self.background_counted,
            "background_missed": self.background_missed,
            "dropped": self.dropped,
            "dates_right": self.dates_right,
        }


GATED = (
    "dates_right",
    "places_matched",
    "places_right",
    "figures_right",
    "wrong_side",
    "background_counted",
    "background_missed",
    "dropped",
)
HIGHER_IS_BETTER = ("places_matched", "figures_right", "dates_right")
LOWER_IS_BETTER = (
    "places_wrong",
    "wrong_side",
    "background_counted",
    "background_missed",
    "dropped",
)


FRESH_FROM = 1082
"""Reports from this number on were keyed from their pages before the reader
read them, and no rule has been written while reading them: the held-out
estimate of pages nobody tuned to. Every earlier set of twelve from 098 (098-109
to 1070-1081) was such a set until the next one was added (3 to 8 December 2026);
from then on rules may be written against it. The even-numbered held-out reports
below 098 have been read while rules were written."""


def in_split(name: str, split: str) -> bool:
    """Development: 001-026 and the odd-numbered reports after, to 1081; held
    out: the even-numbered reports from 028 and every report from 1082; fresh:
    the reports from 1082."""
    if split == "all":
        return True
    number = report_number(name)
    if split == "fresh":
        return number >= FRESH_FROM
    heldout = number >= FRESH_FROM or (number >= 27 and number % 2 == 0)
    return heldout if split == "heldout" else not heldout


def report_number(name: str) -> int:
    """A report's number from its file name or stem: 97 for '097-kech-...', 1000
    for '1000-...' (numbers run past three digits)."""
    return int(name.partition("-")[0])


def load_cases(directory: Path = CORPUS) -> list[tuple[Path, dict]]:
    """The corpus's reports and their keys, in the order of their numbers."""
    paths = sorted(directory.glob("*.json"), key=lambda path: report_number(path.name))
    return [(path, json.loads(path.read_text(encoding="utf-8"))) for path in paths]


_KIND_WORD = re.compile(
    r"\s+(?:road|highway|motorway|expressway|route|axis|region|province|district|agency|"
    r"area|county|market|bazaar|chowk|crossing|shrine|mosque|church|temple|post|"
    r"check ?post|outpost)$",
    re.IGNORECASE,
)


def _key(name: str) -> str:
    """A place name's key without the word for its kind: the key's 'Sahel region'
    or 'Khash-Zahedan road' is the reader's 'Sahel' or 'Khash-Zahedan'."""
    return normalize_name(_KIND_WORD.sub("", name))


def _ids(gazetteer: Gazetteer, name: str) -> set[object]:
    """What an expected place name can match: its places' ids and its own key."""
    return {p.geonameid for p in gazetteer.candidates(name)} | {_key(name)}


def _meets(ids: set[object], wanted: set[object]) -> bool:
    """A found place is a wanted one: the same gazetteer place, or a name spelt
    the same, one letter apart or with two letters swapped (a text that spells
    its street 'Sirky Road' and 'Sirki Road' is read under its first spelling;
    'Panzgam' is also 'Pangzam')."""
    if ids & wanted:
        return True
    names = [i for i in ids if isinstance(i, str)]
    return any(
        isinstance(w, str)
        and min(len(w), len(n)) >= 5
        and w[:1] == n[:1]
        and OSA.distance(w, n) <= 1
        for w in wanted
        for n in names
    )


@dataclass
class _Found:
    """One attack place the reader gives: a proposed incident, or an unplaced
    name it read as an attack place that waits for the analyst's point."""

    ids: set[object]
    name: str
    counts: dict
    event_wide: bool = False


def _found(extraction: Extraction) -> list[_Found]:
    """The reader's attack places: its incidents, then each unplaced attack place
    that no incident stands for (no wider place was given for it)."""
    found = [
        _Found(
            {
                incident.place.geonameid,
                _key(incident.place.name),
                _key(incident.place_reported),
            },
            incident.place.name,
            incident.counts,
            incident.event_wide,
        )
        for incident in extraction.incidents
    ]
    named = set().union(*(f.ids for f in found)) if found else set()
    for name in extraction.unplaced:
        key = _key(name.name)
        if not name.incident or name.wider is not None or key in named:
            continue
        named.add(key)
        counts = {"killed": name.killed, "injured": name.injured}
        found.append(_Found({key}, name.name, counts))
    return found


def _values(counts: dict | None) -> dict[tuple[str, str], int]:
    """{(outcome, side): value} of a key's or extraction's counts, known only."""
    found = {}
    for outcome in OUTCOMES:
        for side in SIDES:
            value = ((counts or {}).get(outcome) or {}).get(side)
            if value is not None:
                found[outcome, side] = int(value)
    return found


def score_case(
    name: str, case: dict, extraction: Extraction, gazetteer: Gazetteer, score: Score
) -> None:
    key = case["key"]
    if key.get("date"):
        score.dates_expected += 1
        if str(extraction.date) == key["date"]:
            score.dates_right += 1
        else:
            score.misses.append(f"{name}: date {key['date']}, found {extraction.date}")
    expected = key.get("incidents", [])
    found = _found(extraction)
    matched: dict[int, _Found] = {}
    unplaced = {_key(u.name) for u in extraction.unplaced}
    for index, item in enumerate(expected):
        wanted = _ids(gazetteer, item["place"])
        hit = next((i for i in found if _meets(i.ids, wanted)), None)
        if hit is not None:
            matched[index] = hit
        else:
            score.misses.append(f"{name}: place {item['place']!r} not found")
            if _key(item["place"]) not in unplaced:
                score.dropped += 1
                score.misses.append(f"{name}: place {item['place']!r} dropped")
    score.places_expected += len(expected)
    score.places_matched += len(matched)
    # The widest place holding the report's totals is not claimed as an attack
    # place: it is counted apart.
    score.event_wide += sum(i.event_wide for i in found)
    found = [i for i in found if not i.event_wide]
    score.places_found += len(found)
    all_wanted = (
        set().union(*(_ids(gazetteer, i["place"]) for i in expected))
        if expected
        else set()
    )
    for incident in found:
        if _meets(incident.ids, all_wanted):
            score.places_right += 1
        else:
            score.misses.append(f"{name}: place {incident.name!r} not expected")

    background = [
        value
        for item in key.get("background", [])
        for value in (item.get("killed"), item.get("injured"))
        if value is not None
    ]
    elsewhere = [
        *(_values(i.counts) for i in found),
        _values(extraction.total_counts),
    ]
    for index, item in enumerate(expected):
        incident = matched.get(index)
        got = _values(incident.counts) if incident else {}
        _compare(name, item["place"], _values(item), got, background, score)
        _classify(
            _values(item), got, incident is not None, elsewhere, score.figures_missed
        )
    totals = _values(key.get("totals"))
    got = _values(extraction.total_counts)
    _compare(name, "totals", totals, got, background, score)
    _classify(totals, got, True, elsewhere, score.figures_missed)
    texts = [b.evidence.sentence for b in extraction.background]
    for item in key.get("background", []):
        score.background_expected += 1
        if not any(item["contains"] in text for text in texts):
            score.background_missed += 1
            score.misses.append(f"{name}: background {item['contains']!r} read as news")


def _compare(
    name: str,
    where: str,
    want: dict[tuple[str, str], int],
    got: dict[tuple[str, str], int],
    background: list[int],
    score: Score,
) -> None:
    """Score what was found for one place (or the totals) against the key."""
    score.figures_expected += len(want)
    for slot, value in want.items():
        if got.get(slot) == value:
            score.figures_right += 1
        else:
            score.misses.append(
                f"{name}: {where} {slot[0]} {slot[1]} {value}, found {got.get(slot)}"
            )
    for (outcome, side), value in got.items():
        if want.get((outcome, side)) == value:
            continue
        other_sides = [v for (o, s), v in want.items() if o == outcome and s != side]
        if value in other_sides:
            score.wrong_side += 1
            score.misses.append(f"{name}: {where} {value} {outcome} on side {side}")
        elif value in background and value not in want.values():
            score.background_counted += 1
            score.misses.append(f"{name}: {where} background figure {value} counted")
        else:
            score.misses.append(f"{name}: {where} {outcome} {side} {value} not in key")


MISSED_AS = {
    "no place": "its place not found",
    "moved": "read for another place or the totals",
    "side": "read on another side",
    "value": "read with another count",
    "unread": "not read",
}
"""Where a missed figure went, for the benchmark's breakdown."""


def _classify(
    want: dict[tuple[str, str], int],
    got: dict[tuple[str, str], int],
    place_found: bool,
    elsewhere: list[dict[tuple[str, str], int]],
    missed: Counter[str],
) -> None:
    """Count each figure of ``want`` that ``got`` misses by where it went."""
    for (outcome, side), value in want.items():
        if got.get((outcome, side)) == value:
            continue
        if not place_found:
            missed["no place"] += 1
        elif any(
            other is not got and other.get((outcome, side)) == value
            for other in elsewhere
        ):
            missed["moved"] += 1
        elif value in [v for (o, _), v in got.items() if o == outcome]:
            missed["side"] += 1
        elif (outcome, side) in got:
            missed["value"] += 1
        else:
            missed["unread"] += 1


def run_cases(
    cases: Iterable[tuple[Path, dict]], gazetteer: Gazetteer
) -> dict[str, Score]:
    """Each report's score, by its file name (no extension)."""
    scores = {}
    for path, case in cases:
        score = Score()
        started = time.perf_counter()
        published = case.get("published")
        extraction = extract(
            case["text"],
            gazetteer,
            published=dt.date.fromisoformat(published) if published else None,
        )
        score.seconds.append(time.perf_counter() - started)
        score_case(path.stem, case, extraction, gazetteer, score)
        scores[path.stem] = score
    return scores


def run(cases: Iterable[tuple[Path, dict]], gazetteer: Gazetteer) -> Score:
    """The corpus-wide score of ``cases``."""
    total = Score()
    for score in run_cases(cases, gazetteer).values():
        total.add(score)
    return total


def regressions(
    scores: dict[str, Score], baseline: dict[str, dict[str, int]]
) -> list[str]:
    """A line per report and metric that reads worse than the baseline."""
    lines = []
    for name, score in scores.items():
        now, before = score.record(), baseline.get(name)
        if before is None:
            continue
        for metric in HIGHER_IS_BETTER:
            if now[metric] < before.get(metric, 0):
                lines.append(
                    f"{name}: {metric} {before[metric]} -> {now[metric]} (worse)"
                )
        for metric in LOWER_IS_BETTER:
            if now[metric] > before.get(metric, 0):
                lines.append(
                    f"{name}: {metric} {before[metric]} -> {now[metric]} (worse)"
                )
        if lines and lines[-1].startswith(name):
            lines.extend(f"    {miss}" for miss in score.misses if miss)
    return lines


def load_baseline(path: Path = BASELINE) -> dict[str, dict[str, int]]:
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))["reports"]


def write_baseline(scores: dict[str, Score], path: Path = BASELINE) -> None:
    ordered = sorted(scores.items(), key=lambda item: report_number(item[0]))
    reports = {name: score.record() for name, score in ordered}
    body = {
        "about": "Per-report results of python -m bench.report_quality; a change "
        "that makes any report read worse fails tests/test_report_gate.py. "
        "Record improvements with --update-baseline.",
        "reports": reports,
    }
    path.write_text(json.dumps(body, indent=1) + "\n", encoding="utf-8")


HELDOUT = CORPUS / "heldout_places.csv"
NEAR_KM = 30.0


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def heldout_recall(
    gazetteer: Gazetteer, path: Path = HELDOUT
) -> tuple[int, list[tuple[str, str]], int]:
    """Held-out place names real reports use, answered within ``NEAR_KM`` of their
    cited coordinates: (answered, misses as (name, why), names)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    misses = []
    for row in rows:
        found = gazetteer.match(row["name"]).place
        if found is None:
            misses.append((row["name"], "not in the gazetteer"))
            continue
        km = _km(float(row["lat"]), float(row["lon"]), found.lat, found.lon)
        if km > NEAR_KM:
            misses.append((row["name"], f"{found.name} is {km:.0f} km away"))
    return len(rows) - len(misses), misses, len(rows)


def share(part: int, whole: int) -> str:
    return f"{part / whole:.0%} ({part}/{whole})" if whole else "n/a (0/0)"


def summary(score: Score, reports: int, where: str) -> list[str]:
    """The corpus-wide figures, a line each."""
    lines = [
        f"corpus: {reports} reports in {where}",
        f"place recall        {share(score.places_matched, score.places_expected)}",
        f"place precision     {share(score.places_right, score.places_found)}",
        f"event-wide holders  {score.event_wide} (province or district of totals)",
        f"figure recall       {share(score.figures_right, score.figures_expected)}",
        "  figures missed: "
        + ", ".join(
            f"{score.figures_missed[kind]} {label}" for kind, label in MISSED_AS.items()
        ),
        f"figures on the wrong side      {score.wrong_side}",
        f"background figures counted     {score.background_counted}",
        "background sentences missed    "
        f"{score.background_missed} of {score.background_expected}",
        f"places dropped (neither proposed nor unplaced)  {score.dropped}",
        f"report date         {share(score.dates_right, score.dates_expected)}",
    ]
    if score.seconds:
        median = statistics.median(score.seconds) * 1000
        worst = max(score.seconds) * 1000
        lines.append(
            f"extraction per report: median {median:.1f} ms, worst {worst:.1f} ms"
        )
    return lines
